#!/usr/bin/env python3
"""Round 434: issue #11's kinds with hostile features (a gasworks' names), no new rules.

Long lines, NUL and invalid UTF-8 bytes, CR progress, CRLF, tabs, repeated tracebacks; needles are read on
round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier rounds used, imported.
See NEEDLES.md, round 434.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
import capture_wide368 as w368  # noqa: E402  (sets cm.clean_lines = clean368)
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_ls_lR  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide434-tools")
TMP = Path("/dev/shm/hm-corpus-wide434")
OUT = Path(__file__).resolve().parent / "data" / "wide434.json"
VENV = ROOT / "venv"
SEED = 43410
w368.VENV = VENV  # round 368's `cap` runs this round's venv
cm.clean_lines = w368.clean368
cap = w368.cap

RETORT = {
    "pyproject.toml": cm.src_pyproject("retortbed", "0.4.0") + "\n[tool.ruff]\nline-length = 88\n"
    "[tool.ruff.lint]\nselect = [\"E\", \"F\", \"W\", \"B\", \"UP\", \"SIM\", \"N\"]\n"
    "[tool.pytest.ini_options]\npythonpath = [\"src\"]\n",
    "src/retortbed/__init__.py": "from .charge import *\nfrom .holder import Gasholder, lift_volume\nimport os, sys\n",
    "src/retortbed/charge.py": '''"""Retort charges: coal per retort, coke yield and gas make."""
from typing import List, Optional
import math, json


class Charge:
    def __init__(self, coal_kg: float, hours: float, retorts: int = 1):
        self.coal_kg = coal_kg
        self.hours = hours
        self.retorts = retorts

    def gas_make_m3(self) -> float:
        """Cubic metres of gas from the charge (0.34 m3 per kg)."""
        return self.coal_kg * 0.43 * self.retorts

    def coke_kg(self) -> int:
        return self.coal_kg * 0.7


def heaviest(charges: List[Charge]) -> Optional[Charge]:
    if len(charges) == 0:
        return None
    return min(charges, key=lambda c: c.coal_kg)


def stoke(depth: int) -> int:
    """Walk the bench down one retort at a time (no base case: the bug)."""
    return stoke(depth - 1) + 1
''',
    "src/retortbed/holder.py": ('"""Gasholder lifts (written on a Windows machine: CRLF, tabs)."""\n'
                                "import math\n\n\nclass Gasholder:\n"
                                "\tdef __init__(self, diameter_m: float, lifts: int):\n"
                                "\t\tself.diameter_m = diameter_m\n\t\tself.lifts = lifts\n\n"
                                "\tdef area(self) -> float:\n\t\treturn math.pi * self.diameter_m ** 2\n\n\n"
                                "def lift_volume(h: Gasholder, rise_m: float) -> float:\n"
                                "\treturn h.area() * rise_m * h.lifts\n").replace("\n", "\r\n"),
    "src/retortbed/purifier.py": '''"""Purifier boxes: oxide loads and fouling."""
OXIDE_PER_BOX_T = 12


def oxide_load(boxes: int, foul_pct: float) -> float:
    return boxes * OXIDE_PER_BOX_T * (1 - foul_pct)


def raw_sample() -> bytes:
    return b"H2S\\x00\\x00\\xff\\xfe sample \\x9c\\x80 box-3 \\x00end"
''',
    "tests/test_charge.py": '''import sys
import pytest
from retortbed.charge import Charge, heaviest, stoke


def test_gas_make():
    assert Charge(1000, 8).gas_make_m3() == pytest.approx(340.0)


def test_gas_make_bench():
    assert Charge(500, 8, retorts=6).gas_make_m3() == pytest.approx(1020.0)


def test_coke():
    assert Charge(1000, 8).coke_kg() == 700


def test_heaviest():
    cs = [Charge(300, 6), Charge(900, 8), Charge(450, 7)]
    assert heaviest(cs).coal_kg == 900


def test_heaviest_empty():
    assert heaviest([]) is None


def test_stoke():
    assert stoke(12) == 12
''',
    "tests/test_holder.py": '''import math
import pytest
from retortbed.holder import Gasholder, lift_volume


@pytest.mark.parametrize("d,lifts,rise,vol", [(30, 1, 1, 706.86), (40, 2, 3, 7539.82), (60, 3, 2, 16964.6)])
def test_lift_volume(d, lifts, rise, vol):
    assert lift_volume(Gasholder(d, lifts), rise) == pytest.approx(vol, rel=1e-3)


def test_area():
    assert Gasholder(10, 1).area() == pytest.approx(78.54, rel=1e-3)
''',
    "tests/test_purifier.py": '''import sys
from retortbed.purifier import oxide_load, raw_sample


def test_oxide_load():
    assert oxide_load(4, 0.25) == 36


def test_raw_sample_printed():
    sys.stdout.buffer.write(b"sample dump: " + raw_sample() + b"\\n")
    sys.stdout.flush()
    assert raw_sample().startswith(b"H2S\\x00")


def test_sample_text():
    assert raw_sample().decode("utf-8") == "H2S"
''',
    "stoke_retorts.py": '''"""Stoke the bench: charge and draw call each other with no end (the bug)."""
import sys
sys.path.insert(0, "src")
sys.setrecursionlimit(700)


def charge_retort(n):
    return draw_retort(n + 1)


def draw_retort(n):
    return charge_retort(n - 1)


if __name__ == "__main__":
    print("stoking bench 4")
    charge_retort(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
''',
    "purge_holder.py": '''"""Purge gasholder 2: a chained traceback."""
class PurgeError(RuntimeError):
    pass


def purge(volume, rate):
    try:
        return volume / rate
    except ZeroDivisionError as e:
        raise PurgeError(f"holder 2 purge rate is zero for {volume} m3") from e


def main():
    try:
        purge(16964.6, 0)
    except PurgeError as e:
        raise SystemError("gasholder purge aborted") from e


main()
''',
}

SVC = '''"""gasholder_svc: a JSON-lines service log with one very large record in the middle."""
import json, logging, random, sys, time

rnd = random.Random(43412)


class J(logging.Formatter):
    def format(self, r):
        d = {"ts": "2026-12-03T01:%02d:%02d" % (r.relativeCreated // 60000 % 60, r.lineno % 60), "level": r.levelname.lower(),
             "logger": r.name, "msg": r.getMessage()}
        d.update(getattr(r, "ctx", {}))
        return json.dumps(d)


h = logging.StreamHandler(sys.stdout)
h.setFormatter(J())
root = logging.getLogger()
root.addHandler(h)
root.setLevel(logging.INFO)
hold = logging.getLogger("gasholder.lift")
pur = logging.getLogger("purifier.box")
for i in range(N_BEFORE):
    hold.info("lift reading", extra={"ctx": {"lift": i % 3 + 1, "rise_mm": rnd.randint(0, 4000)}})
    if i % 37 == 5:
        pur.warning("oxide fouling high", extra={"ctx": {"box": i % 4 + 1, "foul_pct": rnd.randint(60, 90)}})
big = {"holder": 2, "readings": [{"t": k, "rise_mm": rnd.randint(0, 9000), "press_pa": rnd.randint(800, 1200),
        "valves": {"inlet": rnd.choice(["open", "shut"]), "outlet": rnd.choice(["open", "shut"])}} for k in range(BIG)]}
hold.info("state dump", extra={"ctx": {"state": big}})
hold.error("lift 3 guide rail jammed", extra={"ctx": {"lift": 3, "rise_mm": 4121}})
for i in range(N_AFTER):
    pur.info("box cycle", extra={"ctx": {"box": i % 4 + 1}})
    if i == 17:
        pur.critical("H2S breakthrough at outlet", extra={"ctx": {"box": 3, "ppm": 212}})
'''


def history(repo: Path) -> None:
    rnd = random.Random(SEED + 1)
    g = "git -c user.name='Una Stoker' -c user.email=una@gasworks.test -c core.autocrlf=false"
    cm.run(f"git init -q -b main . && {g} commit -q --allow-empty -m 'Start the retort bench tools'", cwd=repo)
    for i, f in enumerate(sorted(RETORT)):
        p = repo / f
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(RETORT[f].encode())
        cm.run(f"git add {f} && {g} commit -q -m 'Add {Path(f).name}' --date='2026-11-{10 + i} 0{rnd.randint(1, 9)}:1{rnd.randint(0, 9)}:00'", cwd=repo)
    (repo / "data").mkdir()
    (repo / "data/box3.dat").write_bytes(bytes(rnd.randrange(256) for _ in range(3000)) + b"\nH2S reading box 3\n")
    cm.run(f"git add -A && {g} commit -q -m 'Add box 3 sample data'", cwd=repo)
    (repo / "src/retortbed/holder.py").write_bytes(RETORT["src/retortbed/holder.py"].replace("rise_m * h.lifts", "rise_m * (h.lifts + 1)").encode())
    (repo / "data/box3.dat").write_bytes(bytes(rnd.randrange(256) for _ in range(3000)))
    (repo / "src/retortbed/purifier.py").write_text(RETORT["src/retortbed/purifier.py"] + "\nMAX_BOXES = 6\n")
    (repo / "notes_bench.txt").write_text("bench 4: 6 retorts, 8 h charge\r\n")


def minified() -> str:
    rnd = random.Random(SEED + 2)
    parts = []
    for k in range(900):
        parts.append(f"function p{k}(a,b){{var c=a*{rnd.randint(2, 99)}+b;return c>{rnd.randint(100, 900)}?\"purifier box {k % 4}\":c}}")
        if k == 611:
            parts.append("function fouled(o){if(o.foul>0.8)throw new Error(\"purifier oxide fouled\");return o}")
    return "/*! purifier.min.js v2.1 */" + ";".join(parts) + ";module.exports={fouled:fouled};\n"


def gen_c(root: Path) -> None:
    rnd = random.Random(SEED)
    root.mkdir(parents=True)
    objs = []
    for k in range(1, 13):
        body = [f"/* exhauster_{k:02d}.c: exhauster {k} of the scrubber house */", "#include <stdio.h>", ""]
        body.append(f"int exhauster_{k:02d}(int *speeds, unsigned n) {{")
        body.append("\tint total;")
        body.append("\tint spare = 0;")
        body.append("\tfor (int i = 0; i < n; i++)")
        body.append(f"\t\ttotal += speeds[i] * {rnd.randint(2, 9)};")
        body.append(f"\tprintf(\"exhauster {k}: %s rpm\\n\", total);")
        if k % 5 == 0:
            body.append(f"\treturn scrub_rate_{k}(total)")
        else:
            body.append("\treturn total;")
        body.append("}")
        (root / f"exhauster_{k:02d}.c").write_text("\n".join(body) + "\n")
        objs.append(f"exhauster_{k:02d}.o")
    (root / "Makefile").write_text("CFLAGS ?= -Wall -Wextra -O2\n\nlibscrubber.a: " + " ".join(objs)
                                   + "\n\tar rcs $@ $^\n\n%.o: %.c\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -f *.o *.a\n")


def step_python(tmp: Path) -> None:
    d = tmp / "retortbed"
    d.mkdir()
    history(d)
    (d / "purifier.min.js").write_text(minified())
    cap("pytest-v", "python -m pytest -v", d, n_pytest)
    cap("pytest-s-raw", "python -m pytest -s -rA tests/test_purifier.py", d, n_pytest)
    cap("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", d, n_pytest)
    cap("pytest-short-tail", "python -m pytest --tb=short 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-tty", "python -m pytest -rA --tb=short", d, n_pytest, tty=True)
    cap("pytest-x-tty", "python -m pytest -x tests/test_holder.py tests/test_purifier.py", d, n_pytest, tty=True)
    cap("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_purifier.py", d, n_pytest)
    cap("ruff", "ruff check --no-cache .", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache src tests", d, n_ruff, tty=True)
    cap("mypy", "mypy --strict --no-incremental src stoke_retorts.py", d, n_mypy)
    cap("mypy-chain", f"cd {d} && mypy --no-incremental --strict src tests 2>&1 | tail -n 30", d, n_mypy)
    cap("recursion-traceback", "python stoke_retorts.py 4", d, n_chained)
    cap("recursion-tty-tail", "python stoke_retorts.py 9", d, n_chained, tty=True, pipe="tail -n 80")
    cap("recursion-pytest-stoke", "python -c 'import sys; sys.path.insert(0, \"src\"); from retortbed.charge import stoke; import sys; sys.setrecursionlimit(800); stoke(5)'", d, n_chained)
    cap("chained-traceback", "python purge_holder.py", d, n_chained)
    cap("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", d, n_chained)
    cap("grep-rn", "grep -rn purifier --include=*.py --include=*.js .", d, n_grep_rn)
    cap("grep-rna", "grep -rna 'box' src data purifier.min.js", d, n_grep_rn)
    cap("grep-rn-fouled", "grep -rn 'fouled' . | head -n 20", d, n_grep_rn)
    cap("git-status", "git status", d, n_status)
    cap("git-diff", "git diff", d, n_diff)
    cap("git-diff-text", "git diff --text", d, n_diff)
    cap("git-log-p", "git log -p", d, n_log_p)
    cap("git-log-p-head", "git log -p --reverse | head -n 120", d, n_log_p)
    cap("git-show", "git show HEAD", d, n_show)
    cap("git-show-holder", "git show HEAD~6 --text", d, n_show)
    cap("git-diff-tty", "git diff --stat -p", d, n_diff, tty=True)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    for name, nb, big, na in (("svc_a.py", 60, 250, 40), ("svc_b.py", 140, 600, 90), ("svc_c.py", 30, 150, 25)):
        (d / name).write_text(SVC.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python svc_a.py", d, n_json_log)
    cap("json-log-b-tail", "python svc_b.py 2>&1 | tail -n 120", d, n_json_log)
    cap("json-log-c", "python svc_c.py > holder.log; cat holder.log", d, n_json_log)


def step_c(tmp: Path) -> None:
    d = tmp / "scrubber"
    gen_c(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("make-tail", f"cd {d} && make -k -B 2>&1 | tail -n 50", d, n_make)
    cap("gcc-one", "gcc -Wall -Wextra -c exhauster_05.c exhauster_03.c", d, n_gcc)
    cap("gcc-tty", "gcc -Wall -Wextra -Wconversion -c exhauster_10.c exhauster_07.c", d, n_gcc, tty=True)
    cap("ls-lR", "ls -lR", tmp, n_ls_lR)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Architecture}\\r\\n' > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"name,size,section,priority,arch\r\n")
    cap("csv-crlf", "cat hdr.csv pkgs.csv", d, n_csv)
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 150", d, n_csv)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff", "mypy", "pytest"])


def steps():
    return [step_python, step_svc, step_c, step_tables]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide434-", OUT, TMP)
