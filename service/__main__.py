"""`python -m service` runs the Shortlist CLI."""

from service.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
