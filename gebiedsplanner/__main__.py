"""``python -m gebiedsplanner``: the same as the ``gebiedsplanner`` command."""

from gebiedsplanner.cli import main

raise SystemExit(main())
