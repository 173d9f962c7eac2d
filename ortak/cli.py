"""The `ortak` console command: Django's management commands under their Ortak names.

`ortak load-reference` runs the management command `load_reference`; every other
Django command (`ortak migrate`, `ortak createsuperuser`) works as with manage.py.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
