"""Exit 0 when the PostgreSQL server of the URL given answers, 1 otherwise."""

import sys

import environ
import psycopg


def main(url: str) -> int:
    config = environ.Env.db_url_config(url)
    try:
        psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or None,
            dbname=config["NAME"],
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        print(f"PostgreSQL: {error}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
