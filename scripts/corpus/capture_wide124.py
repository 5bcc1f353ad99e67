#!/usr/bin/env python3
"""Capture round 124 of the compression corpus: graphics, 3D and shader toolchains, new to the corpus. A planetarium
dome's show assets (`domelight`, written here with faults put in, widened by seeded generators): GLSL shaders through
glslangValidator and glslc, SPIR-V through spirv-val, spirv-dis, spirv-opt and spirv-cross; POV-Ray scenes; OpenSCAD
projector mounts; OBJ/STL/PLY models through assimp and obj2gltf; glTF files through the Khronos glTF Validator; SVG
icons through svgo and Inkscape; a Blender scene built and rendered in background mode. About half the command lines
are typed as agents type them.

The needles come from the rules NEEDLES.md's "Round 124" section fixed before capture, applied by the extractors in
capture_wide124_shader.py and capture_wide124_scene.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide124.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide124.json  as {"version": 2, "items": [...]}, ids prefixed "wide124-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide124-"
DEFAULT_OUT = HERE / "data" / "wide124.json"
TMP = Path("/tmp/hm-corpus-wide124")
JS = Path("/tmp/r124/js")  # npm: gltf-validator, obj2gltf, svgo

MIN_CHARS, MAX_CHARS = 400, 120_000
APT = "glslang-tools glslc spirv-tools spirv-cross povray povray-includes openscad assimp-utils inkscape blender"
NPM = ["gltf-validator", "obj2gltf", "svgo"]


def ensure_tools() -> None:
    """The Debian packages and the npm tools, installed once."""
    if not cm.have("glslangValidator", "glslangValidator") or not cm.have("assimp", "assimp"):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)
    cm.install_npm(JS, "svgo", NPM)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def shell_extra(lines: list[str]) -> list:
    """What every kind of the round shares: an `EXIT=N` line the agent printed."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def steps() -> list:
    import capture_wide124_shader as shader  # glslangValidator, glslc, spirv-val/dis/opt, spirv-cross
    import capture_wide124_scene as scene  # povray, openscad, assimp, gltf-validator, obj2gltf, svgo, inkscape, blender
    return shader.STEPS + scene.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide124", sys.modules["__main__"])
    main()
