#!/usr/bin/env python3
"""Round 368: issue #11's kinds with colour and terminal control forced on (a ropery's names), no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null`; `text` is the raw output decoded,
needles are read on this round's lossless clean-up (`clean368`) by the extractors earlier rounds used,
imported. See NEEDLES.md, round 368.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_ls_lR  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_go_test, n_make  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide368-tools")
TMP = Path("/dev/shm/hm-corpus-wide368")
OUT = Path(__file__).resolve().parent / "data" / "wide368.json"
VENV = ROOT / "venv"
SEED = 36810

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78cDEHM]")


def clean368(raw: str) -> list[str]:
    """The lossless clean-up: ANSI removed, CRLF read as LF, each CR-overwritten line reduced to its
    last state, trailing blanks removed."""
    text = ANSI.sub("", raw).replace("\r\n", "\n")
    out = []
    for ln in text.split("\n"):
        if "\r" in ln:
            parts = [p for p in ln.split("\r") if p != ""]
            ln = parts[-1] if parts else ""
        out.append(ln.rstrip())
    return out


cm.clean_lines = clean368  # capture_more.add reads the needles on this round's clean-up

COLOR = {"NO_COLOR": None, "TERM": "xterm-256color", "FORCE_COLOR": "1", "CLICOLOR_FORCE": "1", "PY_COLORS": "1",
         "CARGO_TERM_COLOR": "always", "MYPY_FORCE_COLOR": "1", "COLUMNS": "110"}
S = cm.Sized(400, 120_000)


def cap(item_id, command, cwd, ext, tty=False, timeout=300, pipe=None):
    """Run with colour forced; under a pseudo-terminal when `tty` (`script -qec CMD /dev/null`, then
    `| pipe` when given); the item's command is what ran."""
    real = f"script -qec {sh_quote(command)} /dev/null" if tty else command
    if pipe:
        real = f"{real} | {pipe}"
    raw = cm.run(f"nice sh -c {sh_quote(real)}", cwd=cwd, env=dict(COLOR, PATH=f"{VENV}/bin:/root/.cargo/bin:/usr/local/go/bin:/usr/bin:/bin"),
                 timeout=timeout)
    S.add(item_id, real, raw, ext)


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\"'\"'") + "'"


# ---------------------------------------------------------------- cablet (Python)
CABLET = {
    "pyproject.toml": cm.src_pyproject("cablet", "0.3.0") + "\n[tool.ruff]\nline-length = 88\n"
    "[tool.ruff.lint]\nselect = [\"E\", \"F\", \"W\", \"B\", \"UP\", \"SIM\", \"N\"]\n",
    "src/cablet/__init__.py": "from .yarn import *\nfrom .strand import Strand, twist_per_metre\n"
    "from .hawser import Hawser, lay_length\nimport os, sys\n",
    "src/cablet/yarn.py": '''"""Yarn counts: tex, denier and the runnage of rope yarns."""
from typing import List, Optional
import math, json


class Yarn:
    def __init__(self, fibre: str, tex: float, ply: int = 1):
        self.fibre = fibre
        self.tex = tex
        self.ply = ply

    def denier(self) -> float:
        return self.tex * 9.0

    def runnage(self) -> float:
        """Metres per kilogram."""
        return 1000000 / self.tex * self.ply   # bug: divides by ply in the real formula

    def resultant_tex(self) -> int:
        return self.tex * self.ply


def parse_count(s: str) -> Yarn:
    fibre, rest = s.split(":")
    tex, ply = rest.split("x")
    return Yarn(fibre.strip(), float(tex), int(ply))


def heaviest(yarns: List[Yarn]) -> Optional[Yarn]:
    if yarns == []:
        return None
    return min(yarns, key=lambda y: y.resultant_tex())   # bug: min, not max


def total_tex(yarns) -> str:
    l = 0
    for y in yarns:
        l = l + y.resultant_tex()
    return l
''',
    "src/cablet/strand.py": '''"""Strands: yarns twisted together, their twist and take-up."""
from dataclasses import dataclass, field
from .yarn import Yarn


@dataclass
class Strand:
    yarns: list = field(default_factory=list)
    turns: float = 0.0
    length_m: float = 1.0

    def tex(self) -> float:
        return sum(y.resultant_tex() for y in self.yarns)

    def add(self, yarn: Yarn) -> "Strand":
        self.yarns.append(yarn)
        return self


def twist_per_metre(strand: Strand) -> float:
    return strand.turns * strand.length_m   # bug: multiplies, should divide


def take_up(twist: float, diameter_mm: float) -> float:
    import math
    angle = math.atan(math.pi * diameter_mm / 1000 * twist)
    return 1 - math.cos(angle)


def strand_label(strand: Strand) -> str:
    return "S" if strand.turns < 0 else "Z" if strand.turns > 0 else 0
''',
    "src/cablet/hawser.py": '''"""Hawsers: three strands laid up against their twist."""
from .strand import Strand, twist_per_metre


class HawserLayError(Exception):
    pass


class Hawser:
    def __init__(self, strands: list[Strand], lay_mm: float):
        if len(strands) != 3:
            raise ValueError(f"a hawser is three strands, got {len(strands)}")
        self.strands = strands
        self.lay_mm = lay_mm

    def tex(self) -> float:
        return sum(s.tex() for s in self.strands) * 1.08

    def breaking_load_kn(self, tenacity: float = 0.35) -> float:
        return self.tex() * tenacity / 1000


def lay_length(circumference_mm: float, lays_per_metre: float) -> float:
    return 1000 / lays_per_metre


def lay_ratio(h: Hawser, diameter_mm: float) -> float:
    try:
        return h.lay_mm / (diameter_mm - diameter_mm)  # bug: always zero
    except ZeroDivisionError as e:
        raise HawserLayError(f"cannot lay hawser of {diameter_mm} mm") from e
''',
    "tests/test_yarn.py": '''import pytest
from cablet.yarn import Yarn, parse_count, heaviest, total_tex


def test_denier():
    assert Yarn("manila", 100).denier() == 900


def test_runnage_single():
    assert Yarn("hemp", 250).runnage() == 4000


def test_runnage_plied():
    assert Yarn("hemp", 250, ply=2).runnage() == 2000


@pytest.mark.parametrize("spec,tex,ply", [("sisal: 400x3", 400.0, 3), ("coir:900x1", 900.0, 1),
                                         ("manila:320 x2", 320.0, 2)])
def test_parse_count(spec, tex, ply):
    y = parse_count(spec)
    assert (y.tex, y.ply) == (tex, ply)


def test_parse_count_bad():
    with pytest.raises(ValueError):
        parse_count("hemp-400")


def test_heaviest():
    ys = [Yarn("a", 100), Yarn("b", 300, 2), Yarn("c", 200)]
    assert heaviest(ys).fibre == "b"


def test_heaviest_empty():
    assert heaviest([]) is None


def test_total_tex():
    assert total_tex([Yarn("a", 100, 3), Yarn("b", 50)]) == 350
''',
    "tests/test_strand.py": '''import math
import pytest
from cablet.strand import Strand, twist_per_metre, take_up, strand_label
from cablet.yarn import Yarn


def test_tex():
    s = Strand().add(Yarn("hemp", 100, 2)).add(Yarn("hemp", 100))
    assert s.tex() == 300


def test_twist_per_metre():
    assert twist_per_metre(Strand(turns=120, length_m=4)) == 30


def test_twist_per_metre_unit():
    assert twist_per_metre(Strand(turns=55, length_m=1)) == 55


def test_take_up_zero():
    assert take_up(0, 12) == 0


def test_take_up():
    assert take_up(40, 10) == pytest.approx(0.0749, abs=1e-3)


@pytest.mark.parametrize("turns,label", [(-3, "S"), (3, "Z"), (0, "")])
def test_label(turns, label):
    assert strand_label(Strand(turns=turns)) == label
''',
    "tests/test_hawser.py": '''import pytest
from cablet.hawser import Hawser, HawserLayError, lay_length, lay_ratio
from cablet.strand import Strand
from cablet.yarn import Yarn


def three(tex=100):
    return [Strand().add(Yarn("manila", tex, 3)) for _ in range(3)]


def test_needs_three():
    with pytest.raises(ValueError, match="three strands"):
        Hawser(three()[:2], 90)


def test_tex():
    assert Hawser(three(), 90).tex() == pytest.approx(972.0)


def test_breaking_load():
    assert Hawser(three(1000), 90).breaking_load_kn() == pytest.approx(3.402)


def test_lay_length():
    assert lay_length(75, 8) == 125


def test_lay_ratio():
    assert lay_ratio(Hawser(three(), 96), 24) == pytest.approx(4.0)


def test_lay_ratio_raises_nothing_for_thin():
    lay_ratio(Hawser(three(), 30), 6)
''',
    "lay_hawser.py": '''"""Lay a hawser from the day's strands and print its lay ratio."""
import sys
sys.path.insert(0, "src")
from cablet import Hawser, Strand
from cablet.hawser import lay_ratio, HawserLayError
from cablet.yarn import Yarn


class RopewalkOrderError(RuntimeError):
    pass


def lay_order(order_no: int, diameter_mm: float) -> float:
    strands = [Strand(turns=90, length_m=220).add(Yarn("manila", 320, 3)) for _ in range(3)]
    h = Hawser(strands, lay_mm=diameter_mm * 3.5)
    try:
        return lay_ratio(h, diameter_mm)
    except HawserLayError as e:
        raise RopewalkOrderError(f"order {order_no}: hawser not laid") from e


if __name__ == "__main__":
    for n, d in [(4711, 24.0), (4712, 32.0)]:
        print(f"order {n}: lay ratio {lay_order(n, d):.2f}")
''',
}


def cablet_history(repo: Path) -> None:
    """A git history of cablet made by committing its files in steps (seed 36810), then edits left uncommitted."""
    rnd = random.Random(SEED)
    g = "git -c user.name='Ada Ropemaker' -c user.email=ada@ropery.test"
    cm.run(f"git init -q -b main . && {g} commit -q --allow-empty -m 'Start the cablet ropery tools'", cwd=repo)
    files = sorted(CABLET)
    msgs = ["Add yarn counts", "Add strands and twist", "Add hawser lay", "Add tests for yarns",
            "Add tests for strands", "Add hawser tests", "Add the lay script", "Add project metadata",
            "Tidy package exports"]
    for i, f in enumerate(files):
        p = repo / f
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(CABLET[f])
        cm.run(f"git add {f} && {g} commit -q -m '{msgs[i % len(msgs)]}: {Path(f).name}' --date='2026-11-{10 + i} 0{rnd.randint(1, 9)}:1{rnd.randint(0, 9)}:00'",
               cwd=repo)
    # follow-up edits, committed
    for k in range(4):
        f = repo / "src/cablet/yarn.py"
        txt = f.read_text().replace('"""Metres per kilogram."""', f'"""Metres per kilogram (rev {k + 1})."""')
        txt += f"\n\nTARRED_FACTOR_{k} = {round(1 + rnd.random() / 10, 3)}\n"
        f.write_text(txt)
        cm.run(f"git add -A && {g} commit -q -m 'Yarn: tarred factor {k} for the spinning walk'", cwd=repo)
    # uncommitted edits for status and diff
    (repo / "src/cablet/hawser.py").write_text(CABLET["src/cablet/hawser.py"].replace("1.08", "1.12")
                                                .replace("tenacity: float = 0.35", "tenacity: float = 0.31"))
    (repo / "src/cablet/strand.py").write_text(CABLET["src/cablet/strand.py"] + "\n\nMAX_TURNS = 140\n")
    (repo / "notes_walk.txt").write_text("walk 3: hemp, 220 m, 3 strands\n")
    with open(repo / "tests/test_hawser.py", "a") as f:
        f.write("\n\ndef test_lay_length_walk3():\n    assert lay_length(75, 6) == pytest.approx(166.7, abs=0.1)\n")


def step_python(tmp: Path) -> None:
    d = tmp / "cablet"
    d.mkdir()
    cablet_history(d)
    py = f"{VENV}/bin/python"
    env_pp = "PYTHONPATH=src"
    cap("pytest-v", f"{env_pp} python -m pytest -v --color=yes tests", d, n_pytest)
    cap("pytest-ra-tty", f"{env_pp} python -m pytest -rA tests", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"{env_pp} python -m pytest --tb=short --color=yes tests/test_yarn.py tests/test_strand.py", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && {env_pp} python -m pytest -x --color=yes -p no:cacheprovider 2>&1 | tail -n 40", d, n_pytest)
    cap("pytest-hawser-tty", f"{env_pp} python -m pytest -vv tests/test_hawser.py tests/test_yarn.py", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache src tests lay_hawser.py", d, n_ruff)
    cap("ruff-check-tty", "ruff check --no-cache --output-format full src", d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache . 2>&1 | head -n 60", d, n_ruff)
    cap("mypy-strict", "python -m mypy --color-output --strict --no-incremental src lay_hawser.py", d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --check-untyped-defs src tests", d, n_mypy, tty=True)
    cap("traceback", "python lay_hawser.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev lay_hawser.py", d, n_chained, tty=True, pipe="tail -n 30")
    git = "git -c color.ui=always"
    cap("git-log-p", f"{git} log -p --stat", d, n_log_p)
    cap("git-log-p-tty", "git log -p -5 --", d, n_log_p, tty=True)
    cap("git-show", f"{git} show HEAD~3", d, n_show)
    cap("git-show-tty", "git show --stat -p HEAD~9", d, n_show, tty=True)
    cap("git-diff", f"{git} diff", d, n_diff)
    cap("git-diff-head", f"{git} diff HEAD~6 -- src | head -n 120", d, n_diff)
    cap("git-status", f"{git} status", d, n_status)
    cap("git-status-tty", "git status --untracked-files=all", d, n_status, tty=True)
    cap("grep-rn", "grep -rn --color=always -E 'def |class ' src tests", d, n_grep_rn)
    cap("grep-rn-head", "grep -rn --color=always 'assert' tests | head -n 25", d, n_grep_rn)
    cap("ls-lR-tty", "ls -lR --color=auto src tests", d, n_ls_lR, tty=True)
    cap("git-log-p-head", f"{git} log -p --reverse | head -n 150", d, n_log_p)
    cap("mypy-chain", f"cd {d} && python -m mypy --color-output --no-incremental src 2>&1 | tail -n 20", d, n_mypy)
    cap("pytest-q-tty", f"{env_pp} python -m pytest -q tests", d, n_pytest, tty=True)
    cap("git-diff-tty", "git diff HEAD~2", d, n_diff, tty=True)
    cap("grep-rn-tty", "grep -rn --color=auto -i 'tex' src tests lay_hawser.py", d, n_grep_rn, tty=True)
    _ = py


# ---------------------------------------------------------------- marline (C, make, gcc)
def gen_marline(root: Path) -> None:
    rnd = random.Random(SEED + 1)
    files = {"marline.h": "#ifndef MARLINE_H\n#define MARLINE_H\n#include <stddef.h>\n"
             "struct strand { const char *fibre; int yarns; double tex; };\n"
             "double strand_tex(const struct strand *s);\nint marline_count(const char *spec);\n#endif\n"}
    objs = []
    for i in range(1, 15):
        n = f"strand_{i:02d}"
        body = [f'#include <stdio.h>\n#include <string.h>\n#include "marline.h"\n',
                f"static int unused_{n} = {rnd.randint(1, 99)};\n" if i % 3 == 0 else "",
                f"int {n}_yarns(const struct strand *s) {{\n    int k;\n    unsigned total = 0;\n"
                f"    for (k = 0; k < s->yarns; k++)\n        total += k * {rnd.randint(2, 9)};\n"
                f"    if (total < {rnd.randint(-5, -1)})\n        return -1;\n    return total;\n}}\n",
                f"double {n}_lay(double tex, int yarns) {{\n    double lay;\n    if (yarns > 3)\n        lay = tex / yarns;\n"
                f"    return lay;\n}}\n" if i % 2 == 0 else "",
                f'void {n}_label(char *out) {{\n    sprintf(out, "%d:%s", "{n}");\n}}\n' if i % 4 == 1 else "",
                f"int {n}_bad(void) {{\n    return strand_missing_{i}(3);\n}}\n" if i in (5, 11) else ""]
        files[f"{n}.c"] = "".join(body)
        objs.append(f"{n}.o")
    files["Makefile"] = ("CC = gcc\nCFLAGS = -Wall -Wextra -O2 -fdiagnostics-color=always\n"
                         f"OBJS = {' '.join(objs)}\n\nlibmarline.a: $(OBJS)\n\tar rcs $@ $^\n\n"
                         "%.o: %.c marline.h\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -f *.o libmarline.a\n")
    cm.write_tree(root, files)


def step_c(tmp: Path) -> None:
    d = tmp / "marline"
    gen_marline(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cm.run("make clean", cwd=d)
    cap("make-tail", f"cd {d} && make -k -j1 2>&1 | tail -n 50", d, n_make)
    cap("gcc-one", "gcc -Wall -Wextra -O2 -fdiagnostics-color=always -c strand_05.c strand_04.c strand_06.c", d, n_gcc)
    cap("gcc-tty", "gcc -Wall -Wextra -Wconversion -c strand_01.c strand_09.c strand_12.c", d, n_gcc, tty=True)
    cap("ls-lR", "ls --color=always -lR", tmp, n_ls_lR)
    cap("ls-lR-head", "ls --color=always -lR marline cablet | head -n 45", tmp, n_ls_lR)
    cap("gcc-head", "gcc -Wall -Wextra -fdiagnostics-color=always -c strand_11.c strand_13.c 2>&1 | head -n 40", d, n_gcc)


# ---------------------------------------------------------------- yarnwinder (Rust)
LIB_RS = '''//! Yarn winding: bobbins, turns and the length on a winder.
pub struct Bobbin { pub core_mm: f64, pub yarn_mm: f64, pub layers: u32 }

pub fn turns_per_layer(width_mm: f64, yarn_mm: f64) -> u32 { (width_mm / yarn_mm) as u32 }

pub fn wound_length_m(b: &Bobbin, width_mm: f64) -> f64 {
    let per = turns_per_layer(width_mm, b.yarn_mm) as f64;
    let mut total = 0.0;
    for layer in 0..b.layers {
        let d = b.core_mm + 2.0 * b.yarn_mm * layer as f64;
        total += per * std::f64::consts::PI * d;
    }
    total / 100.0 // bug: mm to m is /1000
}

pub fn fill_ratio(b: &Bobbin, flange_mm: f64) -> f64 {
    (b.core_mm + 2.0 * b.yarn_mm * b.layers as f64) / flange_mm
}

pub fn hawser_name(strands: usize) -> &'static str {
    match strands { 3 => "hawser", 4 => "shroud", _ => "cable" } // bug: 9 is cable-laid, others unknown
}
BROKEN_MARK

#[cfg(test)]
mod tests {
    use super::*;
    fn b(layers: u32) -> Bobbin { Bobbin { core_mm: 40.0, yarn_mm: 2.0, layers } }
GEN_TESTS
}
'''
BROKEN = '''
pub fn spool(b: &Bobbin) -> u32 { let unused = 3; b.layers + "1" }
pub fn winder_speed(rpm: u32) -> f64 { rpm * 0.5 }
'''


def gen_rust(root: Path) -> None:
    rnd = random.Random(SEED + 2)
    tests = []
    for i in range(24):
        layers = rnd.randint(1, 30)
        width = rnd.choice([60.0, 80.0, 120.0])
        per = int(width / 2.0)
        exp = sum(per * 3.141592653589793 * (40.0 + 4.0 * k) for k in range(layers)) / 1000.0
        if i % 3 == 0:
            tests.append(f"    #[test]\n    fn winds_{i:02d}() {{ let got = wound_length_m(&b({layers}), {width}); "
                         f"assert!((got - {exp:.6f}).abs() < 1e-3, \"winding {i}: got {{}} want {exp:.3f}\", got); }}")
        else:
            tests.append(f"    #[test]\n    fn fill_{i:02d}() {{ assert!(fill_ratio(&b({layers}), 400.0) < 1.0); }}")
    tests.append('    #[test]\n    fn names() { assert_eq!(hawser_name(9), "cable-laid"); assert_eq!(hawser_name(3), "hawser"); }')
    lib = LIB_RS.replace("GEN_TESTS", "\n".join(tests))
    cm.write_tree(root, {"Cargo.toml": '[package]\nname = "yarnwinder"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
                         "src/lib.rs": lib.replace("BROKEN_MARK", BROKEN)})


def step_rust(tmp: Path) -> None:
    d = tmp / "yarnwinder"
    gen_rust(d)
    cap("cargo-build", "cargo build --offline", d, n_cargo_build)
    cap("cargo-build-head", "cargo build --offline --color always 2>&1 | head -n 80", d, n_cargo_build)
    lib = d / "src/lib.rs"
    lib.write_text(lib.read_text().replace(BROKEN, "\n"))
    cap("cargo-test", "cargo test --offline", d, n_cargo_test)
    cap("cargo-test-winds", "cargo test --offline winds 2>&1 | tail -n 60", d, n_cargo_test)
    cap("cargo-test-tty", "cargo test --offline -- --test-threads=1", d, n_cargo_test, tty=True)


# ---------------------------------------------------------------- strandjack (Go)
def gen_go(root: Path) -> None:
    rnd = random.Random(SEED + 3)
    cases = []
    for i in range(20):
        yarns = rnd.randint(3, 40)
        tex = rnd.choice([120, 250, 400, 900])
        cases.append(f"\t\t{{\"walk{i:02d}\", {yarns}, {tex}, {yarns * tex}}},")
    cm.write_tree(root, {
        "go.mod": "module example.test/strandjack\n\ngo 1.19\n",
        "jack.go": '''package strandjack

import "strings"

// StrandTex is the tex of a strand of n yarns of tex t.
func StrandTex(n, t int) int {
	if n > 20 {
		return n*t - t // bug: drops a yarn on long strands
	}
	return n * t
}

// Lay names the lay of three strands.
func Lay(dir string) string {
	switch strings.ToUpper(dir) {
	case "Z":
		return "right-hand"
	case "S":
		return "right-hand" // bug
	}
	return "unknown"
}
''',
        "jack_test.go": "package strandjack\n\nimport \"testing\"\n\nfunc TestStrandTex(t *testing.T) {\n"
        "\tcases := []struct {\n\t\tname string\n\t\tn, tex, want int\n\t}{\n" + "\n".join(cases) +
        "\n\t}\n\tfor _, c := range cases {\n\t\tt.Run(c.name, func(t *testing.T) {\n"
        "\t\t\tif got := StrandTex(c.n, c.tex); got != c.want {\n"
        "\t\t\t\tt.Errorf(\"StrandTex(%d, %d) = %d, want %d\", c.n, c.tex, got, c.want)\n\t\t\t}\n\t\t})\n\t}\n}\n\n"
        "func TestLay(t *testing.T) {\n\tif Lay(\"s\") != \"left-hand\" {\n\t\tt.Fatalf(\"Lay(s) = %q\", Lay(\"s\"))\n\t}\n}\n",
    })


def step_go(tmp: Path) -> None:
    d = tmp / "strandjack"
    gen_go(d)
    genv = "GOCACHE=/dev/shm/hm-corpus-wide368-gocache GOFLAGS=-mod=mod GOPROXY=off"
    cap("go-test-v", f"env {genv} go test -v ./...", d, n_go_test, tty=True)
    cap("go-test-chain", f"env {genv} go test -count=1 -v ./...", d, n_go_test, tty=True, pipe="tail -n 40")
    cap("go-test-run", f"env {genv} go test -v -run 'TestStrandTex/walk1' ./...", d, n_go_test, tty=True)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])


def steps():
    return [step_python, step_c, step_rust, step_go]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide368-", OUT, TMP)
