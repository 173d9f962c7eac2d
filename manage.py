#!/usr/bin/env python
"""Django's manage.py; `ortak` is the same command under the project's name."""

from ortak.cli import main

if __name__ == "__main__":
    main()
