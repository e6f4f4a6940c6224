#!/usr/bin/env python3
"""Same as the ``masthead`` command, for those used to manage.py."""

from masthead.cli import main

if __name__ == "__main__":
    main()
