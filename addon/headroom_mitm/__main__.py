"""`python -m headroom_mitm …` is the `headroom-mitm` command."""

from headroom_mitm.launcher.cli import entry

entry()
