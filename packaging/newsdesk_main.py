"""Entry point of the desktop bundle: the same ``newsdesk`` command as the wheel installs."""

from editor.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
