"""``python -m gebiedsplanner``: the same as the ``gebiedsplanner`` command."""

from gebiedsplanner.cli.main import main

raise SystemExit(main())
