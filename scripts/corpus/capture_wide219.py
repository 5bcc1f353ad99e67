#!/usr/bin/env python3
"""Capture round 219 of the compression corpus: container images and virtual machines handled without a daemon, in
shapes new to the corpus. Real runs of Debian's skopeo (`inspect`, `copy` between local `oci:` and `dir:` layouts),
umoci (`unpack`, `repack`, `stat`, `ls`), buildah (`bud` with the vfs driver and chroot isolation, `images`),
oci-image-tool (`validate`), libvirt's `virt-xml-validate` and `virsh` on its built-in test driver (no daemon), and
qemu-img (`info`, `check`, `compare`, `map`), on image layouts, domain XML and disk images of a small render farm
(`framefarm`) made here by seeded generators, with faults put in (a digest mismatch, a missing blob or manifest, a
wrong media type, a duplicate device, a wrong schema value, leaked and misaligned clusters, a missing backing file, a
failing RUN step). About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`,
`2>&1 | grep -iE …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 219" section fixed before capture, applied by the extractors in
capture_wide219_oci.py and capture_wide219_vm.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide219.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide219.json  as {"version": 2, "items": [...]}, ids prefixed "wide219-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide219-"
DEFAULT_OUT = HERE / "data" / "wide219.json"
TMP = Path(os.environ.get("HM_WIDE219_TMP", "/dev/shm/hm-corpus-wide219"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("skopeo", "skopeo"), ("umoci", "umoci"), ("buildah", "buildah"),
                      ("oci-image-tool", "oci-image-tool"), ("virsh", "libvirt-clients"),
                      ("virt-xml-validate", "libvirt-clients"), ("xmllint", "libxml2-utils"),
                      ("qemu-img", "qemu-utils")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide219_oci as oci  # skopeo, umoci, buildah, oci-image-tool
    import capture_wide219_vm as vm  # virt-xml-validate, virsh (test driver), qemu-img
    return oci.STEPS + vm.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide219", sys.modules["__main__"])
    main()
