#!/usr/bin/env python3
"""Capture round 228 of the compression corpus: second samples of round 218's kinds (GNU gettext's xgettext, msgmerge,
msgcmp and msgfmt -c --statistics, translate-toolkit's pofilter, pocount and po2csv, Qt 5's lupdate and lrelease,
i18next-parser and the formatjs CLI, fontTools' ttx, pyftsubset and varLib, FontForge's Python scripting, fontconfig's
fc-query and fc-validate, otfinfo, ots-sanitize, hb-shape) and of round 219's (skopeo, umoci, buildah with vfs storage
and chroot isolation, oci-image-tool, virt-xml-validate, virsh on its test driver, qemu-img), on material of this
round's own: a marina's berth-booking app (`quayside`) with its sources, catalogs in another dozen languages and
typefaces built here with other faults, and the images, domains and disks of a weather-station network's ingest
cluster (`stationmesh`) with other damage. About half the command lines are typed as agents type them
(`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 218 and 219, imported from capture_wide218_po.py,
capture_wide218_font.py, capture_wide219_oci.py and capture_wide219_vm.py (NEEDLES.md, "Round 228"). Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide228.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide228.json  as {"version": 2, "items": [...]}, ids prefixed "wide228-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide228-"
DEFAULT_OUT = HERE / "data" / "wide228.json"
TMP = Path(os.environ.get("HM_WIDE228_TMP", "/dev/shm/hm-corpus-wide228"))
TOOLS = Path(os.environ.get("HM_WIDE228_TOOLS", "/dev/shm/hm-corpus-wide228-tools"))
JS = TOOLS / "js"
SYS_PY = "/usr/bin/python3"  # Debian's python3, where python3-fonttools and python3-fontforge live

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 218's and 219's tools from Debian, and the two npm tools under /dev/shm, installed once."""
    for tool, pkg in [("xgettext", "gettext"), ("pofilter", "translate-toolkit"), ("lupdate", "qttools5-dev-tools"),
                      ("ttx", "fonttools"), ("fontforge", "fontforge python3-fontforge"), ("fc-query", "fontconfig"),
                      ("otfinfo", "lcdf-typetools"), ("ots-sanitize", "opentype-sanitizer"),
                      ("hb-shape", "libharfbuzz-bin"), ("skopeo", "skopeo"), ("umoci", "umoci"),
                      ("buildah", "buildah"), ("oci-image-tool", "oci-image-tool"), ("virsh", "libvirt-clients"),
                      ("xmllint", "libxml2-utils"), ("qemu-img", "qemu-utils")]:
        cm.ensure_apt(tool, pkg)
    cm.install_npm(JS, "@formatjs/cli", ["i18next-parser@9.4.0", "@formatjs/cli"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide228_loc as loc  # round 218's kinds: catalogs and fonts
    import capture_wide228_img as img  # round 219's kinds: images, domains, disks
    return loc.STEPS + img.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide228", sys.modules["__main__"])
    main()
