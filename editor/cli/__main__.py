"""``python -m editor.cli``: the same as the ``newsdesk`` command."""

import sys

from editor.cli import main

sys.exit(main())
