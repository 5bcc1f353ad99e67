"""Capture round 741 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 664, 725
and 733, whose layout and item list it keeps): real npm packages no earlier round used, with bugs put in, their OWN
test suites run with mocha, jest, vitest and node --test (split-polygon 1.0.0 and rectangle-decomposition 1.0.0), eslint (stylish
and json), tsc --noEmit pretty off and on, esbuild and rollup builds failing, npm view --json and npm outdated,
package.json and package-lock.json read and queried with jq, npm ls --all with problems, source and minified bundles
cat'ed, node crashing with a stack trace; a swan-upper's names (cygnetreach, swanbench, swanstore, cygnetcheck). Some
command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 741: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide741.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide741.json  as {"version": 2, "items": [...]}, ids prefixed "wide741-".
"""

from __future__ import annotations

import calendar
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide741-"
DEFAULT_OUT = HERE / "data" / "wide741.json"
TMP = Path("/dev/shm/hm-corpus-wide741")
TOOLS = Path("/dev/shm/hm-corpus-wide741-tools")
JS = TOOLS / "js"
# tape is met by round 664's shim (imported by capture_wide741_js); the suites' dev dependencies installed for them
NPM_PKGS = ["split-polygon@1.0.0", "rectangle-decomposition@1.0.0", "boxoverlap@0.0.3", "contour-2d@0.0.0",
            "ndarray-pack", "ndarray", "almost-equal",
            "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js",
            "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add
# The deadline (the brief's 12:58 UTC stop, less a margin): a capture or chain started after it is skipped, and a
# command's timeout never runs past it, so the file is always written in time (fewer items if the deadline comes).
DEADLINE = calendar.timegm(time.strptime(time.strftime("%Y-%m-%d", time.gmtime()) + " 12:55:00", "%Y-%m-%d %H:%M:%S"))


def left() -> float:
    return DEADLINE - time.time()


def cap(item, cmd, cwd, extractor, timeout: int = 120, **kw):
    if left() < 5:
        cm.note(f"skip {item}: deadline")
        return None
    return _SIZED.cap(item, cmd, cwd, extractor, timeout=int(min(timeout, left())), **kw)


def chain(item, kind, family, parts, cwd, timeout: int = 120, **kw):
    if left() < 5:
        cm.note(f"skip {item}: deadline")
        return None
    return w9b.chain(item, kind, family, parts, cwd, timeout=int(min(timeout, left())), **kw)


def install() -> None:
    cm.install_npm(JS, "split-polygon", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide741_js as js  # the packages' own suites, eslint, tsc, builds, npm, bundles, crashes
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return js.STEPS


def main() -> None:
    # capture_round's own steps, with the deadline as capture_main's budget
    install()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP, budget_s=DEADLINE - cm.T0)
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide741", sys.modules["__main__"])
    main()
