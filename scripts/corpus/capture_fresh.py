#!/usr/bin/env python3
"""Fresh outputs of the first corpora's own kinds, made to tune on (issue #11, seventh pass).

The first corpora's generators and needle rules (capture_data.py, capture_more.py, round 12's
search rules) run again on other inputs: this machine's directories, processes and packages as they
are now, other seeds of the log and lint generators, other packages to search, other npm packages
to view. Their compressed outputs were looked at while tuning, so every item is a TUNING item
(`split: tune`, whatever its id's hash): they keep the rules found on them measured, and say
nothing about outputs never seen.

  .venv/bin/python scripts/corpus/capture_fresh.py [--out scripts/corpus/data/fresh.json]

Needs the project's .venv and .tools (scripts/setup.sh), dpkg, sqlite3, rg (OpenCode's), and the
npm registry for `npm view`. Outputs hold this machine's state: re-capturing changes them.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parents[1]

import capture_data as cd  # noqa: E402
import capture_more as cm  # noqa: E402
import capture_wide12_search as s12  # noqa: E402
from capture_opencode import RG  # noqa: E402

TMP = Path("/tmp/hm-corpus-fresh")
SITE = ROOT / ".venv/lib/python3.11/site-packages"
NODE = ROOT / ".tools/node_modules"


def rule(name: str, family: str, fn):
    """capture_data's rule `fn` (it reads the whole output) registered as kind `name`."""
    return cm.named(name, family, (fn.__doc__ or name).strip().splitlines()[0], lambda lines: fn("\n".join(lines) + "\n"))


LS_LA = rule("ls-la", "listing", cd.needles_ls_la)
LS_LR = rule("ls-lR", "listing", cd.needles_ls_lR)
FIND = rule("find-printf", "listing", cd.needles_find_printf)
DU = rule("du-sort", "listing", cd.needles_du)
DPKG = rule("dpkg-l", "listing", cd.needles_dpkg_l)
APT = rule("apt-list", "listing", cd.needles_apt_list)
DF = rule("df-h", "listing", cd.needles_df)
PS_AUX = rule("ps-aux", "listing", cd.needles_ps_aux)
PS_EF = rule("ps-ef", "listing", cd.needles_ps_ef)
TOP = rule("top", "listing", cd.needles_top)
CSV = rule("csv", "table", cd.needles_csv)
SQLITE = rule("sqlite-column", "table", cd.needles_sqlite_column)
BLAME = rule("git-blame", "git", cd.needles_git_blame)
LOG_P = rule("git-log-p", "git", cd.needles_git_log_p)
SHOW = rule("git-show", "git", cd.needles_git_show)
GRAPH = rule("git-log-graph", "git", cd.needles_git_log_graph)
NPM_VIEW = rule("npm-view-json", "pkg", cd.needles_npm_view)
LOCK = rule("package-lock", "pkg", cd.needles_package_lock)
PIP_LIST = rule("pip-list", "pkg", cd.needles_pip_list)


def run(cmd: str, cwd: Path | str = ROOT) -> str:
    return cm.run(cmd, cwd=cwd, env={"COLUMNS": "200", "LC_ALL": "C", "GIT_PAGER": "cat"})


def tag(path: str) -> str:
    return path.strip("/").replace("/", "-")


def cap_listings(tmp: Path) -> None:
    for d in ["/etc", "/usr/bin", "/usr/lib/x86_64-linux-gnu", "/usr/share/doc", "/var/lib/dpkg/info", "/usr/sbin",
              "/var/log", "/usr/include", "/usr/share/zoneinfo", str(SITE)]:
        if Path(d).is_dir():
            cm.add_or_skip(f"ls-la-{tag(d)[-40:]}", f"ls -la {d} | head -n 1500", run(f"ls -la {d} | head -n 1500"), LS_LA)
    for d in ["/usr/share/zoneinfo/America", "/etc/ssl", str(ROOT / "addon"), "/usr/lib/python3.11/email", "/usr/share/perl5"]:
        if Path(d).is_dir():
            cm.add_or_skip(f"ls-lR-{tag(d)[-40:]}", f"ls -lR {d} | head -n 1500", run(f"ls -lR {d} | head -n 1500"), LS_LR)
    for d in ["/usr/share/zoneinfo", "/etc", str(ROOT / "tests"), "/usr/share/man/man1"]:
        cmd = f"find {d} -type f -printf '%M %u %s %p\\n' | head -n 1500"
        cm.add_or_skip(f"find-printf-{tag(d)[-40:]}", cmd, run(cmd), FIND)
    for d in [str(ROOT / "addon"), "/usr/lib/python3.11/asyncio", str(ROOT / "scripts"), "/etc/apt", "/usr/share/zoneinfo/Europe"]:
        cm.add_or_skip(f"du-{tag(d)[-40:]}", f"du -ah {d} | sort -h", run(f"du -ah {d} | sort -h"), DU)
    for n in (120, 400, 900):
        cm.add_or_skip(f"dpkg-l-{n}", f"dpkg -l | head -{n}", run(f"dpkg -l | head -{n}"), DPKG)
    cm.add_or_skip("apt-list-600", "apt list --installed 2>&1 | head -n 600", run("apt list --installed 2>&1 | head -n 600"), APT)
    cm.add_or_skip("df-ah", "df -ah", run("df -ah"), DF)


def cap_processes(tmp: Path) -> None:
    py = sys.executable
    procs = [cm.start([py, "-c", "import time\nt = time.time()\nwhile time.time() - t < 40:\n    pass\n"]),
             cm.start([py, "-c", "import time\nb = b'x' * (600 << 20)\ntime.sleep(40)\n"]),
             *(cm.start(["sleep", str(50 + k)]) for k in range(3)),
             *(cm.start([py, "-m", "http.server", "--bind", "127.0.0.1", str(cd.free_port())]) for _ in range(2))]
    time.sleep(5)
    try:
        for cmd, ext in [("ps aux", PS_AUX), ("ps -ef", PS_EF), ("ps auxww --sort=-%mem", PS_AUX),
                         ("ps aux --sort=-%cpu", PS_AUX), ("ps -ef --forest", PS_EF), ("top -b -n 1 -w 200", TOP)]:
            cm.add_or_skip(cmd.replace(" ", "").replace("%", "").replace("=", "-"), cmd, run(cmd), ext)
    finally:
        for p in procs:
            cm.stop(p)


def cap_tables(tmp: Path) -> None:
    recs = cd.parse_dpkg_status(Path("/var/lib/dpkg/status"))
    rnd = random.Random(7)

    def write(name: str, head: list[str], rows: list[list]) -> None:
        with (tmp / name).open("w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(head)
            w.writerows(rows)

    write("pk.csv", ["package", "version", "architecture", "priority", "section", "installed_size_kb", "depends", "essential"],
          [[r["package"], r["version"], r["architecture"], r["priority"], r["section"], r["installed_size"], r["depends"],
            r["essential"]] for r in recs])
    jobs = []
    for i in range(600):
        status = "ok" if rnd.random() > 0.02 else rnd.choice(["failed", "timeout"])
        jobs.append([f"job-{i:04d}", rnd.choice(["build", "test", "lint"]), status, round(rnd.gauss(30, 5), 2),
                     rnd.randint(0, 3) if status == "ok" else 1, rnd.choice(["runner-a", "runner-b", "runner-c"])])
    jobs[311][3] = 912.5
    write("jobs.csv", ["job", "stage", "status", "seconds", "retries", "runner"], jobs)
    metrics = [[f"2026-11-{1 + i // 48:02d}T{(i % 48) // 2:02d}:{30 * (i % 2):02d}", "eu-west", rnd.randint(180, 220),
                round(rnd.uniform(0.1, 0.3), 3), "green"] for i in range(1400)]
    metrics[777][2], metrics[777][4], metrics[1200][3] = 9403, "red", 0.0
    write("metrics.csv", ["ts", "region", "rps", "err_rate", "health"], metrics)
    for cmd in ["cat pk.csv", "head -n 300 pk.csv", "cat jobs.csv", "cat metrics.csv", "tail -n 500 metrics.csv", "head -n 80 jobs.csv"]:
        cm.add_or_skip("csv-" + cmd.replace(" ", "-").replace(".", "-"), cmd, run(cmd, tmp), CSV)
    con = sqlite3.connect(tmp / "pk.db")
    con.execute("create table p(name, section, priority, size int, deps int, arch)")
    con.executemany("insert into p values (?,?,?,?,?,?)", [(r["package"], r["section"], r["priority"], r["installed_size"],
                                                           r["depends"], r["architecture"]) for r in recs])
    con.commit()
    con.close()
    for k, q in enumerate(["select * from p order by name limit 400",
                           "select section, count(*) n, sum(size) s, max(deps) d from p group by section order by n desc",
                           "select * from p where size > 500 order by size desc"]):
        cmd = f'sqlite3 -column -header pk.db "{q}"'
        cm.add_or_skip(f"sqlite-column-{k}", cmd, run(cmd, tmp), SQLITE)


def cap_git(tmp: Path) -> None:
    """This project's own history (it grows: re-capturing gives other outputs)."""
    for f in ["addon/headroom_mitm/compress/tables.py", "addon/headroom_mitm/compress/sift.py", "README.md"]:
        cm.add_or_skip(f"git-blame-{Path(f).stem}", f"git blame {f}", run(f"git blame {f}"), BLAME)
        cm.add_or_skip(f"git-log-p-{Path(f).stem}", f"git log -p -n 3 -- {f}", run(f"git log -p -n 3 -- {f}"), LOG_P)
    for rev in ["5648c1d", "3ea2f73", "16874a3"]:
        cm.add_or_skip(f"git-show-{rev}", f"git show {rev}", run(f"git show {rev}"), SHOW)
    cm.add_or_skip("git-log-graph", "git log --graph --oneline --all -n 300", run("git log --graph --oneline --all -n 300"), GRAPH)


def cap_logs_and_lint(tmp: Path) -> None:
    """The log and lint generators of capture_more.py with other seeds."""
    (tmp / "worker.py").write_text(cm.APP_LOG_SCRIPT)
    for seed, n in ((21, 900), (33, 1450), (58, 1200)):
        log = tmp / f"orders{seed}.log"
        run(f"{sys.executable} worker.py {log} {seed} {n}", tmp)
        if log.exists():
            cm.add_or_skip(f"python-logging-{seed}", f"cat logs/orders{seed}.log", log.read_text(), cm.n_app_log)
    (tmp / "child.py").write_text(cm.MULTI_CHILD)
    for k, seeds in enumerate(((11, 12, 13, 14), (5, 6, 7, 8))):
        runner = cm.MULTI_RUNNER.replace('("db", 1, 260), ("cache", 2, 240), ("api", 3, 320), ("worker", 4, 260)',
                                         '("db", {}, 260), ("cache", {}, 240), ("api", {}, 320), ("worker", {}, 260)'.format(*seeds))
        (tmp / "runner.py").write_text(runner)
        run(f"{sys.executable} runner.py combined{k}.log child.py", tmp)
        if (tmp / f"combined{k}.log").exists():
            cm.add_or_skip(f"multiproc-{k}", "cat combined.log", (tmp / f"combined{k}.log").read_text(), cm.n_multiproc)
    venv = tmp / "venv"
    run(f"{sys.executable} -m venv {venv} && {venv}/bin/pip install -q {' '.join(cm.PY_TOOLS)}", tmp)
    env_path = f"PATH={venv}/bin:$PATH"
    for seed, modules in ((13, 16), (29, 9)):
        proj = tmp / f"lint{seed}"
        cm.make_lint_project(proj, modules, seed=seed)
        for cmd, ext in [("pycodestyle --count --statistics ledger", cm.n_pycodestyle), ("pydocstyle ledger", cm.n_pydocstyle),
                         ("bandit -r ledger", cm.n_bandit), ("black --check --diff ledger", cm.n_black),
                         ("isort --check-only --diff ledger", cm.n_isort)]:
            cm.add_or_skip(f"{cmd.split()[0]}-{seed}", cmd, run(f"{env_path} {cmd}", proj), ext)


SEARCHES = [
    ("rg-n-raise-typeerror", "rg -n 'raise TypeError' py/", "grep"),
    ("rg-no-heading-C1-deprecated", "rg -n --no-heading -C 1 'deprecated' py/ | head -n 300", "grep"),
    ("rg-l-dataclass", "rg -l '@dataclass' py/", "paths"),
    ("rg-c-yield", "rg -c 'yield ' py/", "count"),
    ("rg-json-timeout", "rg --json 'timeout=' py/httpx py/httpcore", "json"),
    ("rg-vimgrep-promise", "rg --vimgrep 'new Promise' js/ | head -n 200", "grep"),
    ("grep-rn-def-handle", "grep -rn 'def handle' py/ --include='*.py'", "grep"),
    ("grep-rnI-password", "grep -rnI 'password' py/ldap3 2>&1 | head -n 150", "grep"),
    ("grep-E-A1-retry", "grep -rniE -A1 'retry|reconnect' py/httpcore py/h2 py/aioquic", "grep"),
    ("git-grep-n-notimpl", "git grep -n 'NotImplementedError' -- '*.py'", "grep"),
    ("git-grep-p-assert", "git grep -n -p 'assert isinstance' py/mitmproxy | head -n 300", "grep"),
    ("grep-uniq-c", "grep -rhoE '^(from|import) [a-z_.]+' py/mitmproxy | sort | uniq -c | sort -rn | head -n 80", "count"),
]


def cap_searches(tmp: Path) -> None:
    """Round 12's search rules over other packages: the project's venv and its agents' node_modules."""
    root = tmp / "vendor"
    for name in ["mitmproxy", "jinja2", "httpx", "httpcore", "h2", "flask", "jsonschema", "aioquic", "ldap3", "anyio"]:
        if (SITE / name).exists():
            shutil.copytree(SITE / name, root / "py" / name, ignore=shutil.ignore_patterns("__pycache__"))
    for p in sorted(NODE.iterdir())[:60] if NODE.is_dir() else []:
        if p.is_dir() and not p.name.startswith(".") and sum(1 for _ in p.rglob("*.js")) < 400:
            shutil.copytree(p, root / "js" / p.name, symlinks=True, ignore_dangling_symlinks=True)
    run("git init -q && git add -A && git -c user.name=Dev -c user.email=dev@example.com commit -qm snapshot", root)
    for sid, cmd, key in SEARCHES:
        shell = cmd.replace("rg ", f"{RG} ", 1) if cmd.startswith("rg ") else cmd
        cm.add_or_skip(sid, f"cd vendor && {cmd}", run(shell, root), s12.extractor(key, sid))


def cap_packages(tmp: Path) -> None:
    for pkg in ["lodash", "vite", "eslint", "zod", "chalk"]:
        cm.add_or_skip(f"npm-view-{pkg}", f"npm view {pkg} --json", run(f"npm view {pkg} --json", tmp), NPM_VIEW)
    lock = ROOT / ".tools/package-lock.json"
    if lock.exists():
        cm.add_or_skip("package-lock-tools", "cat package-lock.json", lock.read_text(), LOCK)
    cm.add_or_skip("pip-list", "pip list", run(f"{ROOT}/.venv/bin/pip list"), PIP_LIST)


def all_tuning(tmp: Path) -> None:
    """Looked at compressed while tuning: tuning items, whatever their ids' hashes."""
    for it in cm.ITEMS:
        it["split"] = "tune"


STEPS = [cap_listings, cap_processes, cap_tables, cap_git, cap_logs_and_lint, cap_searches, cap_packages, all_tuning]


def main() -> None:
    cm.PREFIX = "fresh-"
    cm.capture_main(__doc__, STEPS, HERE / "data" / "fresh.json", TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
