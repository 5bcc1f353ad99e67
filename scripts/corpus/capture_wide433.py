"""Round 433: issue #11's kinds with hostile features (very long lines, NUL and invalid UTF-8 bytes,
carriage returns, CRLF, tabs, tracebacks repeated hundreds of times), a quarry's names, seed 43310.
No new rule: every extractor is imported. See NEEDLES.md, round 433."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_more as cm  # noqa: E402
from capture_wide368 import clean368, sh_quote  # noqa: E402,F401  (importing sets cm.clean_lines = clean368)
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_ls_lR  # noqa: E402
from capture_wide15_diag import n_pytest  # noqa: E402
from capture_wide15_langs import n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

cm.clean_lines = clean368
TMP = Path("/dev/shm/hm-corpus-wide433")
OUT = Path(__file__).resolve().parent / "data" / "wide433.json"
PY = Path(__file__).resolve().parents[2] / ".venv" / "bin"
SEED = 43310
S = cm.Sized(400, 120_000)
ENV = {"PATH": f"{PY}:/usr/bin:/bin", "COLUMNS": "110", "TERM": "xterm-256color", "NO_COLOR": None}


def cap(item_id, command, cwd, ext, tty=False, pipe=None, timeout=300):
    real = f"script -qec {sh_quote(command)} /dev/null" if tty else command
    if pipe:
        real = f"{real} | {pipe}"
    S.add(item_id, real, cm.run(f"nice sh -c {sh_quote(real)}", cwd=cwd, env=ENV, timeout=timeout), ext)


def payload(rnd: random.Random, n: int) -> str:
    return json.dumps({"blasts": [{"bench": f"B{rnd.randint(1, 40):02d}", "hole": i, "charge_kg": round(rnd.uniform(5, 90), 2),
                                   "delay_ms": rnd.choice([17, 25, 42, 67]), "rock": rnd.choice(["gabbro", "granite", "feldspar"])}
                                  for i in range(n)]}, separators=(",", ":"))


def gen_ashlar(root: Path) -> None:
    rnd = random.Random(SEED)
    big = payload(rnd, 200)
    cm.write_tree(root, {
        "pyproject.toml": cm.src_pyproject("ashlar", "0.4.0"),
        "src/ashlar/__init__.py": "",
        "src/ashlar/block.py": '''import json


def volume(l, w, h):
    return l * w + h  # bug


def split_block(size, depth=0):
    if size <= 0.0:
        return depth
    return dress_block(size, depth + 1)


def dress_block(size, depth):
    return split_block(size * 1.0, depth)  # bug: never shrinks


def manifest(blasts):
    return json.dumps({"blasts": blasts}, separators=(",", ":"))
''',
        "src/ashlar/crusher.py": '''def throughput(tph, hours):
    return tph * hours


def reduction_ratio(feed_mm, product_mm):
    return product_mm / feed_mm  # bug: inverted
''',
        "tests/test_block.py": f'''import json, sys
from ashlar.block import volume, split_block, manifest

BIG = {big!r}


def test_volume():
    assert volume(2, 3, 4) == 24


def test_split_block():
    sys.setrecursionlimit(220)
    assert split_block(8.0) > 0


def test_manifest():
    data = json.loads(BIG)["blasts"]
    data[-1]["charge_kg"] = 0.0
    assert manifest(json.loads(BIG)["blasts"]) == manifest(data)


def test_raw_dump():
    sys.stdout.flush()
    sys.stdout.buffer.write(b"core dump: \\x00\\x01\\xff\\xfe\\xc3\\x28 bench\\x00B07\\r\\n\\tcharge\\x9f\\n")
    sys.stdout.buffer.flush()
    assert b"\\x00" not in b"B07\\x00"
''',
        "tests/test_crusher.py": '''import pytest
from ashlar.crusher import throughput, reduction_ratio


@pytest.mark.parametrize("feed,prod,want", [(600, 150, 4.0), (900, 100, 9.0), (300, 300, 1.0)])
def test_ratio(feed, prod, want):
    assert reduction_ratio(feed, prod) == want


def test_throughput():
    assert throughput(250, 8) == 2000
''',
        "blast_log.py": f'''import json, logging, sys
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("ashlar.blast")
BIG = {payload(rnd, 300)!r}


class BlastPlanError(Exception):
    pass


def depth(n):
    return delay(n + 1)


def delay(n):
    return depth(n)


for bench in range(1, 13):
    log.info("bench B%02d loaded %d holes", bench, bench * 7)
    if bench == 6:
        log.info("plan payload %s", BIG)
    if bench == 9:
        log.warning("bench B%02d misfire suspected on hole %d", bench, 31)
sys.setrecursionlimit(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
try:
    depth(0)
except RecursionError as e:
    log.error("planning failed for bench B12")
    raise BlastPlanError("delay chain for bench B12 did not converge") from e
''',
        "assets/bundle.min.js": "!function(){var a=" + json.dumps(payload(rnd, 200)) + ";window.ashlarBench=function(b){return a.blasts[b]}}();\n",
        "assets/crusher.bin": "",
    })
    (root / "assets/crusher.bin").write_bytes(bytes(rnd.randrange(256) for _ in range(1500)) + b"\nBENCH B07 charge\x00\n" + bytes(range(256)))


def git_history(d: Path) -> None:
    g = "git -c user.name='Ida Quarry' -c user.email=ida@quarry.test"
    cm.run(f"git init -q -b main && {g} add pyproject.toml src && {g} commit -qm 'ashlar: block volume and splitting'", cwd=d)
    cm.run(f"{g} add tests && {g} commit -qm 'tests: block and crusher'", cwd=d)
    (d / "benches.csv").write_bytes(b"bench,rock,charge_kg\r\nB01,gabbro,42.5\r\nB02,granite,38.0\r\nB07,feldspar,\t91.2\r\n")
    cm.run(f"{g} add benches.csv assets && {g} commit -qm 'benches: CRLF table and crusher dump'", cwd=d)
    cm.run(f"{g} add blast_log.py && {g} commit -qm 'blast_log: plan logging'", cwd=d)
    with open(d / "benches.csv", "ab") as f:
        f.write(b"B12,gabbro,\xff77.0\r\n")
    (d / "assets/crusher.bin").write_bytes((d / "assets/crusher.bin").read_bytes()[::-1])
    (d / "src/ashlar/crusher.py").write_text((d / "src/ashlar/crusher.py").read_text() + "\n\ndef wear(hours):\n\treturn hours / 0\n")
    (d / "notes.txt").write_bytes(b"todo:\r\n\tcheck B07\x00\r\n")


def step_python(tmp: Path) -> None:
    d = tmp / "ashlar"
    gen_ashlar(d)
    pp = "env PYTHONPATH=src"
    cap("pytest-v", f"{pp} python -m pytest -v -p no:cacheprovider tests -k 'not manifest'", d, n_pytest)
    cap("pytest-q-tty", f"{pp} python -m pytest -q -p no:cacheprovider tests -k 'not manifest'", d, n_pytest, tty=True)
    cap("pytest-recursion-long", f"{pp} python -m pytest --tb=long -p no:cacheprovider tests/test_block.py::test_split_block", d, n_pytest)
    cap("pytest-s-raw", f"{pp} python -m pytest -s -p no:cacheprovider tests/test_block.py", d, n_pytest)
    cap("pytest-tb-no", f"{pp} python -m pytest -v --tb=no -rfE -p no:cacheprovider tests", d, n_pytest)
    cap("pytest-tty", f"{pp} python -m pytest -p no:cacheprovider tests", d, n_pytest, tty=True)
    cap("pytest-x-tail", f"cd {d} && {pp} python -m pytest -x -p no:cacheprovider 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-native", f"{pp} python -m pytest --tb=native -p no:cacheprovider tests/test_block.py", d, n_pytest)
    cap("traceback-recursion", "python blast_log.py 2>&1 | grep -v ' INFO '", d, n_chained)
    cap("traceback-tty", "python blast_log.py 300", d, n_chained, tty=True, pipe="tail -n 400")
    cap("log-blast", "python blast_log.py 120", d, cm.n_app_log)
    cap("log-blast-tty", "python blast_log.py 150", d, cm.n_app_log, tty=True)
    git_history(d)
    cap("git-log-p", "git log -p --stat", d, n_log_p)
    cap("git-log-p-text", "git log -p --text -3", d, n_log_p)
    cap("git-log-p-tty", "git log -p -2 --", d, n_log_p, tty=True)
    cap("git-show", "git show HEAD~1 --text", d, n_show)
    cap("git-show-tty", "git show HEAD~1 -- benches.csv", d, n_show, tty=True)
    cap("git-diff", "git diff --text", d, n_diff)
    cap("git-diff-tty", "git diff", d, n_diff, tty=True)
    cap("git-status", "git status && cat notes.txt", d, n_status)
    cap("git-status-tty", "git status --untracked-files=all", d, n_status, tty=True)
    cap("grep-rn", "grep -rn -E 'bench|B07' .", d, n_grep_rn)
    cap("grep-rn-a", "grep -rna 'B07' assets src tests", d, n_grep_rn)
    cap("grep-rn-min", "grep -rn 'ashlarBench\\|def ' src assets | head -n 20", d, n_grep_rn)
    cap("grep-rn-cat", "grep -rn 'charge' src tests benches.csv; cat assets/crusher.bin | head -c 900", d, n_grep_rn)
    cap("ls-lR", "ls -lR", d, n_ls_lR)
    cap("ls-lR-tty", "ls -lR --color=auto src tests assets", d, n_ls_lR, tty=True)


def gen_gabbro(root: Path) -> None:
    rnd = random.Random(SEED + 1)
    files = {}
    for i in range(9):
        w = rnd.choice(["sign", "fmt", "unused", "err"])
        body = [f"#include <stdio.h>", "", f"int bench_{i:02d}(int holes, unsigned int rows)", "{",
                "\tint total = 0;"]
        if w == "sign":
            body.append("\tfor (int k = 0; k < rows; k++)\n\t\ttotal += holes;")
        elif w == "fmt":
            body.append(f"\tprintf(\"bench %s charge %d\\n\", holes, {rnd.randint(10, 99)});")
        elif w == "unused":
            body.append("\tint spare;\n\tdouble ratio = 1.5;")
        else:
            body.append("\ttotal = holes * undeclared_delay;")
        body += ["\treturn total;", "}", ""]
        files[f"bench_{i:02d}.c"] = "\n".join(body).replace("\n", "\r\n")
    objs = " ".join(f"bench_{i:02d}.o" for i in range(9))
    files["Makefile"] = f"CFLAGS = -Wall -Wextra -O2\n\nall: gabbro.a\n\ngabbro.a: {objs}\n\tar rcs $@ $^\n\n%.o: %.c\n\t$(CC) $(CFLAGS) -c $< -o $@\n"
    cm.write_tree(root, files)


def step_c(tmp: Path) -> None:
    d = tmp / "gabbro"
    gen_gabbro(d)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("make-tail", f"cd {d} && make -k -B -j1 2>&1 | tail -n 40", d, n_make)
    cap("gcc-one", "gcc -Wall -Wextra -c bench_00.c bench_01.c bench_02.c bench_03.c", d, n_gcc)
    cap("gcc-tty", "gcc -Wall -Wextra -Wconversion -c bench_04.c bench_05.c bench_06.c bench_07.c bench_08.c", d, n_gcc, tty=True)


def ensure_tools() -> None:
    pass


def steps():
    return [step_python, step_c]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide433-", OUT, TMP)
