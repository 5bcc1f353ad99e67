#!/usr/bin/env python3
"""Capture round 135 of the compression corpus: configuration management and provisioning run locally, shapes new to
the corpus. `tideline`, a harbour authority's fleet of tide gauges and buoys, is configured here with faults put in on
purpose: ansible-core's `ansible-playbook -c local` over an inventory of 60 local aliases (failed tasks, loops where
some items fail, `ignore_errors`, handlers, `--check --diff`, `-v`/`-vvv`, `--syntax-check`), `ansible-inventory
--list`, `ansible-config dump --only-changed`, `ansible-doc -l`; cloud-init's `schema --config-file` and `devel
render` on user-data of its own; CFEngine's `cf-promises` and `cf-agent -K -I -f` on policy files of its own; Augeas'
`augtool` on a root of its own; debconf's selections. Nothing touches a remote host.

Every kind is new (NEEDLES.md's "Round 135"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide135.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide135.json  as {"version": 2, "items": [...]}, ids prefixed "wide135-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide135-"
DEFAULT_OUT = HERE / "data" / "wide135.json"
TMP = Path(os.environ.get("HM_WIDE135_TMP", "/tmp/hm-corpus-wide135"))
TOOLS = Path("/tmp/hm-corpus-wide135-tools")
VENV = TOOLS / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """ansible-core from PyPI in a venv of its own; cloud-init, CFEngine, Augeas and debconf-utils from Debian."""
    cm.install_venv(VENV, "ansible-playbook", ["ansible-core"])
    for tool, pkg in (("cloud-init", "cloud-init"), ("cf-promises", "cfengine3"), ("augtool", "augeas-tools"),
                      ("debconf-get-selections", "debconf-utils")):
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide135_ans as ans  # ansible-playbook, ansible-inventory, ansible-config, ansible-doc
    import capture_wide135_host as host  # cloud-init, cf-promises, cf-agent, augtool, debconf
    return ans.STEPS + host.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide135", sys.modules["__main__"])
    main()
