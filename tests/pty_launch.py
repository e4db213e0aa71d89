"""Start gebiedsplanner as its console script does, for tests in a pseudo-terminal.

python tests/pty_launch.py [ARGS...]
"""

from __future__ import annotations

import sys


def main() -> None:
    from gebiedsplanner.cli import main as gebiedsplanner

    sys.exit(gebiedsplanner(sys.argv[1:]))


if __name__ == "__main__":
    main()
