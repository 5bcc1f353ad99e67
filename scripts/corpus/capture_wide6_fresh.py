"""Round 6, half (a) continued: fresh instances of kinds the corpus already has, on real installed sources
(distlib, nodeenv, js-yaml, mocha, zlib's examples, /usr/bin shell scripts, node's API docs) and on real
package data (npm registry views, an express install, dpkg's database). Run through capture_wide6.py."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import capture_more as cm
from capture_data import (needles_cargo_metadata, needles_git_blame, needles_git_log_p, needles_npm_ls,
                          needles_npm_view, needles_package_lock, python_exceptions, rule4)
from capture_diagnostics import (needles_eslint, needles_gcc, needles_mypy, needles_pytraceback, needles_ruff,
                                 needles_shellcheck, needles_tsc)
from capture_more import add_or_skip as add, have, kind, run, write_tree
from capture_opencode import (needles_bash_cat, needles_glob, needles_grep, needles_webfetch_html,
                              needles_webfetch_markdown)
from capture_wide6 import JS, VENV, g, js_proj, oc, reuse, text_rule

SITE = VENV / "lib" / "python3.11" / "site-packages"
ZLIB_EX = Path("/usr/share/doc/zlib1g-dev/examples")
NODE_DOC = Path("/usr/share/doc/nodejs/api")
RG = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "rg"


def first(fn) -> str:
    return (fn.__doc__ or "").strip().splitlines()[0]


n_mypy = reuse("mypy", "lint", needles_mypy, first(needles_mypy))
n_ruff = reuse("ruff", "lint", needles_ruff, first(needles_ruff))
n_eslint = reuse("eslint", "lint", needles_eslint, first(needles_eslint))
n_tsc = reuse("tsc", "lint", needles_tsc, first(needles_tsc))
n_shellcheck = reuse("shellcheck", "lint", needles_shellcheck, first(needles_shellcheck))
n_gcc = reuse("gcc", "build", needles_gcc, first(needles_gcc))
n_make = reuse("make", "build", needles_gcc, first(needles_gcc))
n_npm_view = reuse("npm-view-json", "pkg", text_rule(needles_npm_view), first(needles_npm_view))
n_lock = reuse("package-lock", "pkg", text_rule(needles_package_lock), first(needles_package_lock))
n_npm_ls = reuse("npm-ls", "pkg", text_rule(needles_npm_ls), first(needles_npm_ls))
n_cargo_meta = reuse("cargo-metadata", "pkg", text_rule(needles_cargo_metadata), first(needles_cargo_metadata))
n_blame = reuse("git-blame", "git", text_rule(needles_git_blame), first(needles_git_blame))
n_log_p = reuse("git-log-p", "git", text_rule(needles_git_log_p), first(needles_git_log_p))
n_md = reuse("oc-webfetch-markdown", "doc", oc(needles_webfetch_markdown), first(needles_webfetch_markdown))
n_html = reuse("oc-webfetch-html", "doc", oc(needles_webfetch_html), first(needles_webfetch_html))
n_min = reuse("bash-cat-minified", "code", oc(needles_bash_cat, "minified"), first(needles_bash_cat))
n_glob = reuse("oc-glob", "listing", oc(needles_glob), first(needles_glob))
n_grep = reuse("oc-grep", "search", oc(needles_grep), first(needles_grep))


@kind("python-chained-traceback", "log")
def n_chained(lines):
    """Rule 1: every exception line ending a traceback (chained ones too) with its innermost location; every logged ERROR line."""
    return needles_pytraceback(lines) + python_exceptions(lines) + [ln for ln in lines if " ERROR " in ln]


@kind("ps-aux", "listing")
def n_ps_aux(lines):
    """Rule 4 on ps aux / ps u: the header; rows whose STAT is rare while one dominates; the rows of max/min %CPU, %MEM and RSS."""
    rows = []
    for ln in lines[1:]:
        p = ln.split(None, 10)
        if len(p) == 11:
            rows.append((ln, {"stat": p[7], "cpu": p[2], "mem": p[3], "rss": p[5]}))
    return rule4(rows, cat=("stat",), nums=("cpu", "mem", "rss"), header=lines[:1])


@kind("ps-eo", "listing")
def n_ps_eo(lines):
    """Rule 4 on ps -o with a STAT column (a docker-ps-like status table): the header; rows with a rare STAT or command; max/min RSS and elapsed seconds."""
    rows = []
    for ln in lines[1:]:
        p = ln.split(None, 7)
        if len(p) == 8:
            rows.append((ln, {"stat": p[3], "rss": p[5], "secs": p[6], "cmd": p[7].split()[0]}))
    return rule4(rows, cat=("stat", "cmd"), nums=("rss", "secs"), header=lines[:1])


@kind("csv", "table")
def n_csv(lines):
    """Rule 4 on CSV with a header: the header; rows whose section/priority/arch is rare while one dominates; the rows of min/max installed size."""
    rows = []
    for ln in lines[1:]:
        p = ln.split(",")
        if len(p) == 5:
            rows.append((ln, {"size": p[1], "section": p[2], "prio": p[3], "arch": p[4]}))
    return rule4(rows, cat=("section", "prio", "arch"), nums=("size",), header=lines[:1])


# ================================================================== linters on real sources

ESLINT_CONFIG = """
const js = require("@eslint/js");
const globals = require("globals");
module.exports = [
  js.configs.recommended,
  { languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "no-var": "error", "eqeqeq": "error", "prefer-const": "warn", "curly": "warn", "no-shadow": "warn",
             "no-param-reassign": "warn", "prefer-template": "warn", "object-shorthand": "warn",
             "no-unused-vars": "error", "max-len": ["warn", { code: 100 }] } },
];
"""


def cap_lint(tmp: Path) -> None:
    src = tmp / "pysrc"
    if (SITE / "distlib").exists():
        shutil.copytree(SITE / "distlib", src / "distlib", ignore=shutil.ignore_patterns("*.exe", "__pycache__"))
        shutil.copy(SITE / "nodeenv.py", src / "nodeenv.py")
        files = "distlib/util.py distlib/markers.py distlib/version.py nodeenv.py"
        add("mypy-strict-distlib", f"mypy --strict {files}",
            run(f"{VENV}/bin/mypy --strict --no-incremental --cache-dir=/dev/null --ignore-missing-imports {files}",
                cwd=src, timeout=300), n_mypy)
        rd = tmp / "ruffsrc"
        shutil.copytree(SITE / "distlib", rd / "distlib", ignore=shutil.ignore_patterns("*.exe", "__pycache__"))
        add("ruff-distlib-many", "ruff check --select E,W,F,B,UP,SIM,C4,N,RET --output-format concise distlib",
            run(f"{VENV}/bin/ruff check --no-cache --select E,W,F,B,UP,SIM,C4,N,RET --output-format concise distlib",
                cwd=rd), n_ruff)
    mocha_lib = JS / "node_modules" / "mocha" / "lib"
    if mocha_lib.exists() and have("node", "eslint"):
        d = js_proj(tmp / "eslint-mocha", {"eslint.config.js": ESLINT_CONFIG})
        shutil.copytree(mocha_lib, d / "lib")
        add("eslint-mocha-lib", "npx eslint lib/cli lib/reporters lib/interfaces",
            run("npx eslint lib/cli lib/reporters lib/interfaces", cwd=d, timeout=200), n_eslint)
    yl = JS / "node_modules" / "js-yaml" / "lib"
    if yl.exists():
        shutil.copytree(yl, tmp / "tsc-jsyaml" / "lib")
        d = js_proj(tmp / "tsc-jsyaml", {})
        add("tsc-checkjs-jsyaml", "npx tsc --noEmit --allowJs --checkJs --strict lib/**/*.js",
            run("npx tsc --noEmit --allowJs --checkJs --strict --target es2020 --module commonjs lib/*.js lib/*/*.js",
                cwd=d, timeout=200), n_tsc)
    if have("shellcheck", "shellcheck"):
        d = tmp / "sh"
        d.mkdir()
        for f in ("zgrep", "zdiff", "gzexe", "znew", "bzexe", "xzdiff", "zless"):
            if Path("/usr/bin", f).exists():
                shutil.copy(Path("/usr/bin", f), d / f"{f}.sh")
        add("shellcheck-usr-bin-scripts", "shellcheck *.sh", run("shellcheck *.sh", cwd=d), n_shellcheck)


# ================================================================== C builds on zlib's examples

def cap_c(tmp: Path) -> None:
    if not (have("gcc", "gcc") and ZLIB_EX.exists()):
        return
    d = tmp / "zex"
    shutil.copytree(ZLIB_EX, d)
    add("gcc-zlib-examples-wconversion", "gcc -c -Wall -Wextra -Wconversion -Wshadow gzjoin.c fitblk.c zpipe.c",
        run("gcc -c -Wall -Wextra -Wconversion -Wshadow -std=c11 gzjoin.c fitblk.c zpipe.c", cwd=d), n_gcc)
    (d / "Makefile").write_text(
        "CFLAGS := -O2 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -std=c99\n"
        "PROGS := enough gun gzappend gzlog_demo gznorm infcover minigzip zran_demo\n"
        "all: $(PROGS)\n"
        "gzlog_demo: gzlog.o\n\t$(CC) -o $@ $^ -lz\n"
        "zran_demo: zran.o\n\t$(CC) -o $@ $^ -lz\n"
        "%: %.o\n\t$(CC) -o $@ $< -lz\n"
        "%.o: %.c\n\t$(CC) $(CFLAGS) -c $< -o $@\n")
    add("make-j2-zlib-examples", "make -j2 -k",
        run("make -j2 -k 2>&1", cwd=d, timeout=300), n_make)


# ================================================================== processes and a CSV of real data

def cap_system(tmp: Path) -> None:
    d = tmp / "procs"
    d.mkdir()
    launcher = ("import subprocess, sys, time\nps = []\n"
                "for k in range(18):\n    ps.append(subprocess.Popen(['sleep', str(300 + k)]))\n"
                "for k in range(5):\n    ps.append(subprocess.Popen([sys.executable, '-c', 'import time; x = bytearray(%d); time.sleep(300)' % (k * 7000000)]))\n"
                "ps.append(subprocess.Popen([sys.executable, '-c', 'import time\\nt = time.time()\\nwhile time.time() - t < 60: pass']))\n"
                "ps.append(subprocess.Popen(['sleep', '301']))\nps[-1].send_signal(19)\n"
                "print('ready', flush=True)\ntime.sleep(120)\n")
    (d / "launch.py").write_text(launcher)
    p = subprocess.Popen([sys.executable, str(d / "launch.py")], stdout=subprocess.PIPE, text=True, start_new_session=True)
    cm.PROCS.append(p)
    p.stdout.readline()
    time.sleep(3)
    add("ps-u-ppid-busy", f"ps u --ppid {p.pid}", run(f"ps u --ppid {p.pid}"), n_ps_aux)
    add("ps-o-stat-table", f"ps -o pid,ppid,user,stat,ni,rss,etimes,args --ppid {p.pid}",
        run(f"ps -o pid,ppid,user,stat,ni,rss,etimes,args --ppid {p.pid}"), n_ps_eo)
    run(f"pkill -KILL -P {p.pid}")
    if have("sqlite3", "csv") and have("dpkg-query", "csv"):
        c = tmp / "pkgdb"
        c.mkdir()
        run("dpkg-query -W -f='${Package}\\t${Installed-Size}\\t${Section}\\t${Priority}\\t${Architecture}\\n' > pkgs.tsv && "
            "sqlite3 pkgs.db 'CREATE TABLE p(name, size INTEGER, section, priority, arch);' "
            "'.mode tabs' '.import pkgs.tsv p'", cwd=c)
        q = "SELECT name, size, section, priority, arch FROM p ORDER BY section, name"
        add("csv-dpkg-sqlite", f"sqlite3 -csv -header pkgs.db '{q}'", run(f"sqlite3 -csv -header pkgs.db '{q}'", cwd=c), n_csv)


# ================================================================== package data

def cap_pkg(tmp: Path) -> None:
    if not have("npm", "npm-*"):
        return
    for pkg in ("express", "chalk", "commander"):
        add(f"npm-view-{pkg}", f"npm view {pkg} --json", run(f"npm view {pkg} --json", cwd=tmp, timeout=120), n_npm_view)
    d = tmp / "expressapp"
    d.mkdir()
    (d / "package.json").write_text('{"name": "orders-api", "version": "0.4.0", "private": true}\n')
    run("npm install --no-audit --no-fund --loglevel=error express@4 dotenv@16 morgan@1 && "
        "npm install --no-audit --no-fund --loglevel=error -D nodemon@3", cwd=d, timeout=300)
    add("package-lock-express-app", "cat package-lock.json", run("cat package-lock.json", cwd=d), n_lock)
    run("rm -rf node_modules/vary && echo '{\"name\":\"left-over\",\"version\":\"1.0.0\"}' > /dev/null", cwd=d)
    add("npm-ls-all-express-app", "npm ls --all", run("npm ls --all", cwd=d), n_npm_ls)
    if have("cargo", "cargo-metadata"):
        w = tmp / "ws"
        files = {"Cargo.toml": '[workspace]\nmembers = ["core", "cli", "server", "proto", "bench"]\nresolver = "2"\n'}
        for m, deps in (("core", ""), ("proto", 'core = { path = "../core" }\n'),
                        ("server", 'core = { path = "../core" }\nproto = { path = "../proto" }\n'),
                        ("cli", 'core = { path = "../core" }\n'), ("bench", 'server = { path = "../server" }\n')):
            files[f"{m}/Cargo.toml"] = f'[package]\nname = "{m}"\nversion = "0.{len(m)}.0"\nedition = "2021"\n\n[dependencies]\n{deps}'
            files[f"{m}/src/lib.rs"] = "pub fn id() -> u32 { 1 }\n"
        write_tree(w, files)
        add("cargo-metadata-workspace", "cargo metadata --format-version 1",
            run("cargo metadata --format-version 1 --offline", cwd=w), n_cargo_meta)


# ================================================================== documents and code

def cap_docs(tmp: Path) -> None:
    if (NODE_DOC / "url.md").exists():
        add("webfetch-node-url-md", "webfetch https://nodejs.org/api/url.md (format: markdown)",
            run(f"cat {NODE_DOC}/url.md"), n_md, tool="webfetch")
    if (NODE_DOC / "path.html").exists():
        add("webfetch-node-path-html", "webfetch https://nodejs.org/api/path.html (format: html)",
            run(f"cat {NODE_DOC}/path.html"), n_html, tool="webfetch")
    mn = JS / "node_modules" / "esquery" / "dist" / "esquery.min.js"
    if mn.exists():
        add("cat-esquery-min-js", "cat node_modules/esquery/dist/esquery.min.js", run(f"cat {mn}"), n_min)


# ================================================================== git history of a real file

def cap_git(tmp: Path) -> None:
    if not have("git", "git-blame"):
        return
    src = Path("/usr/lib/python3.11/textwrap.py").read_text().splitlines(keepends=True)
    r = tmp / "tw"
    r.mkdir()
    g("git init -q -b main .", r)
    people = [("Ada Dev", "ada@example.org"), ("Bo Lin", "bo@example.org"), ("Cy Ray", "cy@example.org"),
              ("Dee Outsider", "dee@elsewhere.net")]
    rnd = random.Random(6)
    cuts = sorted(rnd.sample(range(40, len(src) - 10), 7)) + [len(src)]
    subjects = ["textwrap: first import of the wrapper", "wrap: sentence endings", "wrap: long words",
                "add shorten()", "dedent: whitespace-only lines", "indent() helper", "fill: docs", "final sync"]
    for k, cut in enumerate(cuts):
        body = src[:cut]
        if k < 5:  # an older wording the later commits replace
            body = [ln.replace("whitespace", "white space") for ln in body]
        (r / "textwrap.py").write_text("".join(body))
        a, e = people[k % 4]
        date = f"2024-0{1 + k % 9}-1{k % 9}T10:00:00+00:00"
        g(f"git add -A && GIT_AUTHOR_DATE={date} GIT_COMMITTER_DATE={date} git -c user.name='{a}' -c user.email={e} "
          f"commit -q --author='{a} <{e}>' -m '{subjects[k]}'", r)
    add("git-blame-textwrap", "git blame -L 120,260 textwrap.py", g("git blame -L 120,260 textwrap.py", r), n_blame)
    add("git-log-p-textwrap", "git log -p -3 textwrap.py", g("git log -p -3 textwrap.py", r), n_log_p)


CHAINED = '''
import configparser, logging, sys
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("deploy")


class DeployError(Exception):
    pass


def read_port(cfg, section):
    try:
        return int(cfg[section]["port"])
    except KeyError as e:
        raise DeployError(f"section [{section}] has no port") from e
    except ValueError:
        raise DeployError(f"section [{section}]: port is not a number")


def main():
    cfg = configparser.ConfigParser()
    cfg.read_string("\\n".join(f"[svc{k}]\\nport = {8000 + k}" for k in range(40)) + "\\n[svc40]\\nport = eighty\\n[svc41]\\nhost = x\\n")
    for k in range(42):
        try:
            log.info("svc%d listens on %d", k, read_port(cfg, f"svc{k}"))
        except DeployError:
            log.exception("svc%d skipped", k)
    try:
        read_port(cfg, "svc41")
    finally:
        log.info("shutting down")


main()
'''


def cap_misc(tmp: Path) -> None:
    d = tmp / "chain"
    d.mkdir()
    (d / "deploy.py").write_text(CHAINED)
    add("python-chained-deploy", "python deploy.py", run(f"{sys.executable} deploy.py", cwd=d), n_chained)
    if RG.exists():
        base = JS / "node_modules"
        add("oc-glob-typescript-lib", '{"pattern": "**/*.d.ts", "path": ".../node_modules/typescript/lib"}',
            oc_glob(base / "typescript" / "lib", "*.d.ts"), n_glob, tool="glob")
        add("oc-glob-eslint-rules", '{"pattern": "**/*.js", "path": ".../node_modules/eslint/lib/rules"}',
            oc_glob(base / "eslint" / "lib" / "rules", "*.js"), n_glob, tool="glob")
        add("oc-grep-webpack-throw", '{"pattern": "throw new \\\\w+Error", "path": ".../node_modules/webpack/lib", "include": "*.js"}',
            oc_grep(base / "webpack" / "lib", r"throw new \w+Error", "*.js"), n_grep, tool="grep")
        add("oc-grep-rollup-todo", '{"pattern": "TODO|FIXME", "path": ".../node_modules/rollup/dist"}',
            oc_grep(base / "rollup" / "dist", "TODO|FIXME", None), n_grep, tool="grep")


def oc_glob(path: Path, pattern: str) -> str:
    """OpenCode's glob tool output: matching files newest first, at most 100, then its truncation notice."""
    files = run(f"{RG} --files --glob '{pattern}' {path}").split()
    files.sort(key=lambda f: -Path(f).stat().st_mtime)
    text = "\n".join(files[:100])
    if len(files) > 100:
        text += "\n\n(Results are truncated: showing first 100 results. Consider using a more specific path or pattern.)"
    return text


def oc_grep(path: Path, pattern: str, include: str | None) -> str:
    """OpenCode's grep tool output: 'Found N matches', matches grouped by file (newest first), at most 100."""
    inc = f"--glob '{include}'" if include else ""
    hits = []
    for ln in run(f"{RG} -nH --no-heading {inc} -e '{pattern}' {path}").splitlines():
        f, n, body = ln.split(":", 2)
        hits.append((f, int(n), body))
    hits.sort(key=lambda h: (-Path(h[0]).stat().st_mtime, h[0], h[1]))
    shown = hits[:100]
    out = [f"Found {len(shown)} matches" + (" (more matches available)" if len(hits) > 100 else "")]
    cur = None
    for f, n, body in shown:
        if f != cur:
            if cur is not None:
                out.append("")
            out.append(f"{f}:")
            cur = f
        out.append(f"  Line {n}: {body}\n")
    if len(hits) > 100:
        out += ["", "(Results truncated. Consider using a more specific path or pattern.)"]
    return "\n".join(out)


STEPS = [cap_lint, cap_c, cap_system, cap_pkg, cap_docs, cap_git, cap_misc]
