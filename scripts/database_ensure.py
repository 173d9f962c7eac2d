"""Create the PostgreSQL database of a URL when it does not exist yet (`make production`).

Exit 0 when the database exists (or was made), 1 when the server cannot be reached.
"""

import sys

import environ
import psycopg
from psycopg import sql


def main(url: str) -> int:
    config = environ.Env.db_url_config(url)
    try:
        server = psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
            autocommit=True,
        )
    except psycopg.Error as error:
        print(f"PostgreSQL: {error}".strip(), file=sys.stderr)
        return 1
    with server:
        known = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if known.fetchone() is None:
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"== made the database {config['NAME']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
