"""`python -m coder` is the `coder` command."""

from .cli import main

raise SystemExit(main())
