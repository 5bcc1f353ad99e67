"""`python -m headroom_mitm …` is the `headroom-mitm` command."""

import sys

from headroom_mitm.launcher.cli import main

sys.exit(main())
