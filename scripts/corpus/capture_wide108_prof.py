"""Round 108, profiling and building: a pottery studio's kiln controller (`kilnctl`) written here with hot spots, a
leak and mistakes put in, widened by seeded generators: profiled by scalene (`run`, then `view --cli`, reduced and
whole) and viztracer (`--log_print`, a failing run, a full circular buffer); frozen by PyInstaller (`--log-level INFO`
with hidden imports that do not exist, its warn-*.txt); its glaze-chemistry kernels through cythonize (`-a`, many
modules, warnings and errors) and mypyc (compile errors). The extractors are this round's (NEEDLES.md, "Round 108").
Run through capture_wide108.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, write_tree
from capture_wide108 import EXC_RE, cap, exit_lines, tracebacks, warn_groups


SEP = "│"


def _pct(cell: str) -> float:
    m = re.search(r"(\d+(?:\.\d+)?)%", cell)
    return float(m.group(1)) if m else 0.0


def _mb(cell: str) -> float:
    m = re.search(r"(-?\d+(?:\.\d+)?)\s*([KMG]?)", cell.strip())
    if not m:
        return float("-inf")
    return float(m.group(1)) * {"K": 1e-3, "M": 1.0, "G": 1e3, "": 1.0}[m.group(2)]


@kind("scalene-cli", "log")
def n_scalene(lines):
    """Round 108: the Memory usage and `% of time =` totals lines, the column header row, every line/function row whose Python+native+system time is at least 10%, the row with the greatest memory figure, every possible-leak line; rule 1, warnings one {"any"} per shape; any EXIT= line."""
    out = [ln for ln in lines if re.search(r"Memory usage:|% of time =", ln)]
    out += [ln for ln in lines if SEP in ln and re.search(r"\bLine\b", ln) and "Python" in ln]
    rows, best, best_mb = [], None, float("-inf")
    for ln in lines:
        if SEP not in ln:
            continue
        cells = ln.split(SEP)
        if len(cells) < 8 or not re.match(r"^\s*(\d+|\(?\w)", cells[0]) or "Line" in cells[0]:
            continue
        if sum(_pct(c) for c in cells[1:4]) >= 10:
            rows.append(ln)
        for c in cells[5:7]:
            v = _mb(c)
            if c.strip() and v > best_mb:
                best, best_mb = ln, v
    out += rows + ([best] if best else [])
    for ln in lines:
        m = re.search(r"(\d+)% Python, (\d+)% native", ln)
        if m and int(m.group(1)) + int(m.group(2)) >= 10:
            out.append(ln)
        if re.search(r"(?i)possible memory leak|leak", ln) and SEP not in ln:
            out.append(ln)
        if re.search(r"(?i)\berror\b", ln) and SEP not in ln:
            out.append(ln)
    return out + tracebacks(lines) + warn_groups(lines) + exit_lines(lines)


VIZ_RE = re.compile(r"Saving trace|Dumping trace|Total Entries|total entries|Loading trace|Combining trace|Circular buffer|"
                    r"vizviewer|Use the following command|Report saved|tracer_entries|[Ss]aved to")


@kind("viztracer-run", "log")
def n_viztracer(lines):
    """Round 108: every line viztracer prints of its own about the trace (entries, saving/dumping, circular buffer, the vizviewer hint); rule 1 on the program's traceback and error lines, warnings one {"any"} per shape; any EXIT= line."""
    out = [ln for ln in lines if VIZ_RE.search(ln) or re.search(r"(?i)\berror\b", ln) and not ln.startswith(" ")]
    return out + tracebacks(lines) + warn_groups(lines) + exit_lines(lines)


@kind("pyinstaller-build", "build")
def n_pyinstaller(lines):
    """Round 108: every ERROR: line and traceback exception line, WARNING: lines one {"any"} per message shape, the PyInstaller:/Python: version lines, the `wrote …warn-….txt` line, the closing Build complete / completed successfully line; any EXIT= line."""
    out = [ln for ln in lines if re.search(r"\bERROR:", ln)]
    out += [ln for ln in lines if re.search(r"INFO: (PyInstaller|Python): ", ln)]
    out += [ln for ln in lines if re.search(r"wrote .*warn-[^/]*\.txt", ln) or re.search(r"warn-[^/ ]*\.txt", ln) and "INFO" in ln][:1]
    out += [ln for ln in lines if re.search(r"Build complete!|completed successfully", ln)][-1:]
    pairs = []
    for ln in lines:
        m = re.search(r"\bWARNING:", ln)
        if m:
            pairs.append((mask(ln[m.end():]), ln))
    return out + groups(pairs) + tracebacks(lines) + exit_lines(lines)


def _base(importer: str) -> str:
    """`kilnctl.plugins.x (top-level)` or `/path/kilnctl_app.py (delayed)` -> its top-level module name."""
    tok = importer.strip().split(" ")[0].rsplit("/", 1)[-1]
    return re.sub(r"\.py$", "", tok).split(".")[0]


def _warn_txt(own: tuple[str, ...]):
    def ext(lines):
        out, pairs = [], []
        for ln in lines:
            m = re.match(r"^(?:\d+:)?missing module named (\S+) - imported by (.*)$", ln)
            if m:
                importers = [s.strip() for s in m.group(2).split(",")]
                if any(_base(s) in own for s in importers):
                    out.append(ln)
                else:
                    tags = tuple(sorted(set(re.findall(r"\((top-level|conditional|delayed|optional)\)", ln))))
                    pairs.append((("missing", tags), ln))
            elif re.match(r"^(?:\d+:)?excluded module named", ln):
                pairs.append((("excluded",), ln))
        return out + groups(pairs) + exit_lines(lines)
    return ext


n_pyi_warn = kind("pyinstaller-warn", "log")(_warn_txt(("kilnctl", "kilnctl_app", "glazecalc")))
n_pyi_warn.__doc__ = ("Round 108: every `missing module named` line whose importers include the project's own modules "
                      "(kilnctl, glazecalc, the entry script kilnctl_app); the other missing lines one {\"any\"} per importance-tag set; "
                      "excluded lines one {\"any\"}; any EXIT= line.")


@kind("cythonize-run", "build")
def n_cythonize(lines):
    """Round 108: every `<file>.pyx:L:C: message` error line under an `Error compiling Cython file:` block, every CompileError/exception line, `warning: file:L:C:` lines one {"any"} per (shape, file), the last `[N/M] Cythonizing` line; gcc diagnostics as gcc's; any EXIT= line."""
    out, pairs = [], []
    in_err = False
    for ln in lines:
        if ln.startswith("Error compiling Cython file:"):
            in_err = True
            continue
        m = re.match(r"^(warning: )?(\S+\.(?:pyx|pxd|py)):\d+:\d+: (.*)$", ln)
        if m and m.group(1):
            pairs.append(((m.group(2), mask(m.group(3))), ln))
        elif m and in_err:
            out.append(ln)
            in_err = False
    out += [ln for ln in lines if EXC_RE.match(ln) or "CompileError" in ln]
    out += [ln for ln in lines if re.match(r"^\[\s*\d+/\d+\] Cythonizing", ln)][-1:]
    gcc = [ln for ln in lines if re.search(r"\.c:\d+:\d+: (error|fatal error):", ln)]
    return out + groups(pairs) + gcc + tracebacks(lines) + exit_lines(lines)


@kind("mypyc-build", "build")
def n_mypyc(lines):
    """Round 108: as mypy: every `error:` line, `note:` lines one {"any"} per (shape, file), the Found N errors summary; each exception line; gcc `error:` lines; any EXIT= line."""
    out = [ln for ln in lines if re.search(r":\d+(:\d+)?: error:", ln) or re.search(r"\berror:", ln) and ".c:" in ln]
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+(?::\d+)?: note: (.*)$", ln)
        if m:
            pairs.append(((m.group(1), mask(m.group(2))), ln))
    out += [ln for ln in lines if re.match(r"^(Found \d+ errors?|Success:)", ln)]
    return out + groups(pairs) + tracebacks(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the project

HOT = '''"""kilnctl: simulate a firing schedule, log thermocouple readings, fit a glaze curve."""
import math
import random

READINGS = []          # bug: every firing's readings are kept forever (the leak)
_SEGMENT_CACHE = {}


def ramp(start, end, rate_c_per_h, step_s=1.0):
    t, temp, out = 0.0, start, []
    while temp < end:
        temp = start + rate_c_per_h * t / 3600.0
        out.append((t, temp))
        t += step_s
    return out


def thermocouple_mv(temp_c):
    # type K polynomial, evaluated term by term on purpose (the hot spot)
    c = [0.0, 3.9450128025e-2, 2.3622373598e-5, -3.2858906784e-7, -4.9904828777e-9, -6.7509059173e-11]
    return sum(c[k] * temp_c ** k for k in range(len(c)))


def log_firing(schedule):
    for seg in schedule:
        for t, temp in seg:
            READINGS.append({"t": t, "temp": temp, "mv": thermocouple_mv(temp), "raw": bytearray(256)})


def glaze_fit(points, iters):
    a, b = 1.0, 0.0
    for _ in range(iters):
        ga = gb = 0.0
        for x, y in points:
            e = a * x + b - y
            ga += e * x
            gb += e
        a -= 1e-9 * ga
        b -= 1e-6 * gb
    return a, b


def firing(n):
    sched = [ramp(20, 600, 150.0 + n), ramp(600, 1040, 80.0), ramp(1040, 1222, 60.0)]
    log_firing(sched)
    pts = [(t, temp) for seg in sched for t, temp in seg[::40]]
    return glaze_fit(pts, 60)


def main():
    random.seed(108)
    for n in range(__N__):
        a, b = firing(n)
    print(f"{len(READINGS)} readings kept, last fit a={a:.4f} b={b:.2f}")


if __name__ == "__main__":
    main()
'''


def big_program(seed: int, n: int) -> str:
    """A long generated module: n small kernels of uneven cost, a few hot, one that leaks."""
    rnd = random.Random(seed)
    parts = ['"""kilnctl.batch: generated glaze batch kernels (seeded)."""\nimport math\n\nSPILL = []\n\n']
    calls = []
    for i in range(n):
        cost = rnd.choice([50, 80, 120, 200, 300]) if i % 17 else 40000
        body = rnd.choice([
            "    s = 0.0\n    for k in range({c}):\n        s += math.sin(k * {x}) * math.cos(k)\n    return s\n",
            "    acc = []\n    for k in range({c}):\n        acc.append((k * {x}) % 7.0)\n    return sum(acc)\n",
            "    d = {{}}\n    for k in range({c}):\n        d[k % 97] = d.get(k % 97, 0.0) + {x}\n    return len(d)\n",
        ]).format(c=cost, x=round(rnd.uniform(0.1, 3.0), 3))
        if i == n // 2:
            body = "    for k in range(40):\n        SPILL.append(bytearray(200000))\n    return len(SPILL)\n"
        parts.append(f"def oxide_{i:03d}(batch):\n    '''Oxide {i} weight for a batch.'''\n{body}\n\n")
        calls.append(f"        oxide_{i:03d}(b)")
    parts.append("def main():\n    for b in range(6):\n" + "\n".join(calls) + "\n\n\nif __name__ == '__main__':\n    main()\n")
    return "".join(parts)


VT_PROG = '''"""kilnctl.controller: step through a firing, print each segment."""
SEGMENTS = [("candling", 20, 120, 60), ("water smoke", 120, 300, 100), ("quartz", 300, 600, 150),
            ("sintering", 600, 1000, 0), ("peak", 1000, 1222, 60)]


def minutes(seg):
    name, lo, hi, rate = seg
    return (hi - lo) * 60 // rate       # bug: a hold segment has rate 0


def run():
    total = 0
    for seg in SEGMENTS:
        m = minutes(seg)
        print(f"segment {seg[0]:12} {seg[1]:>5}->{seg[2]:<5} C  {m:>4} min")
        total += m
    print("total", total)


run()
'''


def profiling(tmp: Path) -> None:
    d = tmp / "kilnctl"
    d.mkdir(parents=True)
    (d / "firing.py").write_text(HOT.replace("__N__", "6"))
    (d / "batch.py").write_text(big_program(10801, 64))
    (d / "controller.py").write_text(VT_PROG)
    (d / "firing_small.py").write_text(HOT.replace("__N__", "2"))
    env = {"COLUMNS": "160", "TERM": "xterm-256color"}  # scalene's table is cut at 80 columns on a dumb terminal
    cap("scalene-old-flags", "scalene --cli --reduced-profile firing.py; echo EXIT=$?", d, n_scalene, env=env)
    cap("scalene-firing-reduced", "scalene run firing.py >/dev/null && scalene view --cli --reduced", d, n_scalene,
        env=env, timeout=300)
    cap("scalene-batch-full", "scalene run batch.py -o batch.json >/dev/null; scalene view --cli batch.json", d,
        n_scalene, env=env, timeout=400)
    cap("scalene-batch-reduced-tail",
        "scalene run batch.py -o batch.json >/dev/null; scalene view --cli -r batch.json 2>&1 | tail -n 80", d,
        n_scalene, env=env, timeout=400)
    cap("viztracer-controller", "viztracer --log_print -o ctl.json controller.py; echo EXIT=$?", d, n_viztracer)
    rnd = random.Random(10807)
    segs = []
    for i in range(160):
        lo = 20 + i * 7
        rate = 0 if i == 131 else rnd.choice([60, 80, 100, 120, 150, 200])
        segs.append(f'    ("{rnd.choice(["ramp", "hold", "soak", "climb", "vent"])}-{i:03d}", {lo}, {lo + 7}, {rate}),')
    (d / "controller_log.py").write_text(VT_PROG.replace(
        'SEGMENTS = [("candling", 20, 120, 60), ("water smoke", 120, 300, 100), ("quartz", 300, 600, 150),\n'
        '            ("sintering", 600, 1000, 0), ("peak", 1000, 1222, 60)]',
        "SEGMENTS = [\n" + "\n".join(segs) + "\n]"))
    cap("viztracer-controller-log", "viztracer -o ctl_log.json controller_log.py; echo EXIT=$?", d, n_viztracer)
    cap("viztracer-firing-buffer", "viztracer --tracer_entries 20000 -o firing.json firing_small.py", d, n_viztracer,
        timeout=300)
    cap("viztracer-firing-logprint", "viztracer --log_print --max_stack_depth 3 -o f2.json firing_small.py 2>&1 | tail -n 40",
        d, n_viztracer, timeout=300)


APP = '''"""kilnctl: the studio's kiln controller, as a single entry script for the frozen build."""
import importlib
import json
import sqlite3

try:
    import serial                       # the kiln's RS-485 link; not installed here
except ImportError:
    serial = None

try:
    from kiln_drivers import bartlett    # vendor driver, never packaged
except ImportError:
    bartlett = None


def load_profile(name):
    import kilnctl_profiles              # delayed import of a package that does not exist
    return kilnctl_profiles.get(name)


def plugin(name):
    return importlib.import_module("kilnctl.plugins." + name)


def main():
    import glazecalc.solver              # delayed import of the glaze solver, not on the path
    print(json.dumps({"db": sqlite3.sqlite_version, "serial": serial is not None}))


if __name__ == "__main__":
    main()
'''


def pyinstaller(tmp: Path) -> None:
    d = tmp / "freeze"
    d.mkdir(parents=True)
    (d / "kilnctl_app.py").write_text(APP.replace("import sqlite3\n", "import sqlite3\nimport kilnctl.plugins\n"))
    rnd = random.Random(10802)
    vendors = ["modbus_tk", "pyrometer", "bartlett_genesis", "skutt_link", "orton_cones", "l_and_l", "paragon_sentry",
               "evenheat_rampmaster", "crimson_kiln", "tc_maxim", "adafruit_max31856", "rpi_gpio_shim"]
    plug = {"kilnctl/__init__.py": '"""kilnctl."""\n'}
    names_ok = []
    for i in range(48):
        m = f"{rnd.choice(['cone', 'ramp', 'vent', 'relay', 'probe'])}_{rnd.choice(['bisque', 'glost', 'raku', 'salt'])}_{i}"
        names_ok.append(m)
        v = rnd.sample(vendors, 2)
        plug[f"kilnctl/plugins/{m}.py"] = (f"import {v[0]}\n\ntry:\n    from {v[1]} import driver\nexcept ImportError:\n"
                                            f"    driver = None\n\n\ndef run():\n    import kilnctl_cloud_{i % 5}\n    return {i}\n")
    plug["kilnctl/plugins/__init__.py"] = "".join(f"from . import {m}\n" for m in names_ok)
    write_tree(d, plug)
    names = sorted({f"kilnctl.plugins.{rnd.choice(['cone', 'ramp', 'vent', 'relay', 'probe', 'glaze', 'zone'])}_"
                    f"{rnd.choice(['bisque', 'glost', 'raku', 'lustre', 'crystal', 'salt', 'soda', 'wood'])}_{i}"
                    for i in range(130)})
    hidden = " ".join(f"--hidden-import {n}" for n in names)
    (d / "hidden.txt").write_text(hidden)
    cap("pyinstaller-hidden-info", f"pyinstaller --log-level INFO --noconfirm --name kilnctl {hidden} kilnctl_app.py",
        d, n_pyinstaller, timeout=400,
        typed=f"pyinstaller --log-level INFO --noconfirm --name kilnctl $(cat hidden.txt) kilnctl_app.py")
    cap("pyinstaller-warn-txt", "cat build/kilnctl/warn-kilnctl.txt", d, n_pyi_warn)
    cap("pyinstaller-warn-grep", "grep -n 'missing module' build/kilnctl/warn-kilnctl.txt; echo EXIT=$?",
        d, n_pyi_warn)
    cap("pyinstaller-onefile-tail",
        f"pyinstaller --log-level INFO --noconfirm --onefile --name kilnctl1 --hidden-import kilnctl.plugins.cone_raku "
        f"--hidden-import glazecalc --collect-submodules kiln_drivers kilnctl_app.py 2>&1 | tail -n 80", d,
        n_pyinstaller, timeout=400)
    cap("pyinstaller-bad-spec", "pyinstaller --noconfirm --log-level DEBUG --add-data 'glazes.csv:data' --icon kiln.ico "
        "kilnctl_app.py 2>&1 | tail -n 60; echo EXIT=$?", d, n_pyinstaller, timeout=300)


PYX_GOOD = '''# cython: language_level=3
"""Glaze kernel {i}: unity molecular formula of a recipe (seeded)."""
cimport cython

cdef double WEIGHT = {w}

@cython.boundscheck(False)
def umf_{i}(double[:] parts, int n):
    cdef int k
    cdef double total = 0
    cdef double unused_{i} = 0
    for k in range(n):
        total += parts[k] * WEIGHT
    return total

def ratio_{i}(a, b):
    cdef double r
    cdef int k
    if b:
        r = a / b
    return r
    print("unreachable {i}")
'''

PYX_ERRS = [
    '''# cython: language_level=3
def expand_{i}(double coeff):
    cdef int count = "twelve"
    return coeff * count
''',
    '''# cython: language_level=3
cdef class Cone_{i}:
    cdef public double temp
    def __init__(self, t):
        self.temp = t
        self.label = "cone"
''',
    '''# cython: language_level=3
def flux_{i}(values):
    cdef double[:] v = values
    return v.sum(
''',
    '''# cython: language_level=3
cdef extern from "kilnmath.h":
    double kiln_interp(double x)

def interp_{i}(double x):
    return kiln_interp(x) + undefined_name_{i}
''',
]


def cython(tmp: Path) -> None:
    d = tmp / "glazecalc"
    d.mkdir(parents=True)
    rnd = random.Random(10803)
    mods = []
    for i in range(24):
        if i % 6 == 5:
            body = PYX_ERRS[(i // 6) % len(PYX_ERRS)].format(i=i)
        else:
            body = PYX_GOOD.format(i=i, w=round(rnd.uniform(40, 230), 2))
        name = f"oxide_{i:02d}.pyx"
        (d / name).write_text(body)
        mods.append(name)
    env = {"CFLAGS": "-O0"}
    cap("cythonize-many", "cythonize -k -a -i -f -X warn.unused=True -X warn.maybe_uninitialized=True oxide_*.pyx; echo EXIT=$?",
        d, n_cythonize, timeout=900, env=env)
    cap("cythonize-one-error", "cythonize -a -i -f oxide_05.pyx oxide_11.pyx oxide_17.pyx oxide_23.pyx 2>&1 | tail -n 60", d, n_cythonize, env=env)
    cap("cythonize-annotate-only", "cythonize -k -a -f -X warn.unused=True -X warn.maybe_uninitialized=True -X warn.unused_arg=True oxide_0*.pyx oxide_1[0-6].pyx",
        d, n_cythonize, env=env, timeout=300)


MYPYC_SRC = {
    "glazecalc/__init__.py": "",
    "glazecalc/units.py": '''from typing import Final

ATOMIC: Final = {"Si": 28.085, "Al": 26.982, "Ca": 40.078, "Na": 22.990, "K": 39.098}


def moles(grams: float, symbol: str) -> float:
    return grams / ATOMIC[symbol]


def cone_temp(cone: str) -> int:
    table = {"06": 999, "04": 1060, "6": 1222, "10": 1305}
    return table.get(cone)            # error: Optional[int] returned as int
''',
    "glazecalc/recipe.py": '''from dataclasses import dataclass
from glazecalc.units import moles


class Batch(dict):                     # mypyc cannot compile a dict subclass with these methods
    def total(self) -> float:
        return sum(self.values())


@dataclass
class Recipe:
    name: str
    parts: dict[str, float]

    def scale(self, factor: float) -> "Recipe":
        return Recipe(self.name, {k: v * factor for k, v in self.parts.items()})

    def silica(self) -> float:
        return moles(self.parts["silica"], "Si", 1)      # error: too many arguments

    def label(self) -> int:
        return self.name.upper()                         # error: str returned as int
''',
    "glazecalc/solver.py": '''from typing import Any
from glazecalc.recipe import Recipe


def solve(r: Recipe, target: dict[str, float]) -> list[float]:
    out = []
    for k in target:
        out.append(r.parts.get(k) - target[k])          # error: Optional minus float
    return out


def shim(x: Any) -> None:
    exec("x = 1")                                       # fine for mypy


def nested() -> int:
    def inner() -> int:
        nonlocal missing_name
        return 1
    return inner()
''',
}


def mypyc(tmp: Path) -> None:
    d = tmp / "mypycproj"
    write_tree(d, MYPYC_SRC)
    cap("mypyc-package", "mypyc glazecalc/; echo EXIT=$?", d, n_mypyc, timeout=400)
    # the package widened by seeded batch modules, each with type errors of its own
    rnd = random.Random(10806)
    bad = [
        "def weight_{i}(parts: dict[str, float]) -> float:\n    return parts.get('silica_{i}')\n",
        "def cone_{i}(n: int) -> str:\n    return n * 1.5\n",
        "def ramp_{i}(rate: float, hold: int = '10') -> float:\n    return rate + hold\n",
        "def label_{i}(x: list[int]) -> list[str]:\n    return [v + 1 for v in x]\n",
        "class Probe{i}:\n    def read(self) -> float:\n        return self.offset_{i}\n",
        "def vent_{i}(on: bool) -> None:\n    return on\n",
        "def zone_{i}(z: 'Zone{i}') -> int:\n    return 0\n",
    ]
    extra = {}
    for i in range(36):
        picks = rnd.sample(bad, rnd.randint(1, 3))
        extra[f"glazecalc/batch_{i:02d}.py"] = '"""Batch kernel %d (seeded)."""\n\n\n' % i + "\n\n".join(b.format(i=i) for b in picks)
    write_tree(d, extra)
    cap("mypyc-batches-tail", "mypyc glazecalc/ 2>&1 | tail -n 80; echo EXIT=$?", d, n_mypyc, timeout=600)
    cap("mypyc-batches", "mypyc glazecalc/", d, n_mypyc, timeout=600)


STEPS = [profiling, pyinstaller, cython, mypyc]
