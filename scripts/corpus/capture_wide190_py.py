"""Round 190, Python and the machine: the sdist of coloraide (a real PyPI release: colour spaces and conversion,
interpolation, gamut mapping, delta E distances and the WCAG 2.1 / L* contrast ratios) with a few bugs put in, run
through its own test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained
traceback; a git history built here by committing coloraide's sources in steps (log -p, log --stat, blame, show, status
and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux, top -b); the machine's shared icon and font files (from
find -printf) as a CSV and a sqlite table, and pip inspect; a print-proofing service's log; an installed Debian
package's HTML documentation served by python3 -m http.server and fetched with curl. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide190.py."""


from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide190 import JS, SRC, VENV, cap

MK = "coloraide-8.13.1"
WCAG = "coloraide/contrast/wcag21.py"
PARSE = "coloraide/css/parse.py"
SRGB = "coloraide/spaces/srgb/__init__.py"
DE94 = "coloraide/distance/delta_e_94.py"
ALG = "coloraide/algebra.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Okafor", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Okafor", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The WCAG 2.1 ratio adds 0.005 to the darker colour's luminance instead of 0.05; a 4-digit hex colour (#rgba) takes
# its alpha from the blue digit; sRGB's gamma encoding keeps its linear segment only below 0.00031308 (a tenth of the
# standard's knee); delta E 94's hue term divides by kh*sh instead of its square.
BUGS = [(WCAG, "/ (lum1 + 0.05)", "/ (lum1 + 0.005)"),
        (PARSE, "norm_hex_channel(color[4] * 2) if length == 5", "norm_hex_channel(color[3] * 2) if length == 5"),
        (SRGB, "if abs_i > 0.0031308:", "if abs_i > 0.00031308:"),
        (DE94, "dh / ((kh * sh) ** 2)", "dh / (kh * sh)")]

PURE: dict = {}


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-coloraide-v-tail-1500", "python -m pytest -v -p no:cacheprovider tests 2>&1 | tail -n 1500",
        cp, n_pytest, env=env, timeout=1200)
    chain("chain-coloraide-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests/test_contrast.py tests/test_srgb.py tests/test_distance.py",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-coloraide-tb-long-tail-900", "pytest -q --tb=long -p no:cacheprovider tests/test_contrast.py "
        "tests/test_distance.py tests/test_srgb.py 2>&1 | tail -n 900", cp, n_pytest, env=env, timeout=900)
    cap("pytest-coloraide-k-hex-contrast-rA", "pytest -q -rA -p no:cacheprovider tests "
        "-k 'contrast or hex or delta_e_94 or srgb' 2>&1 | tail -n 500", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-coloraide-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise coloraide tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-coloraide-contrast-distance-css", "ruff check --no-cache --isolated "
        "--select E,F,W,B,UP,SIM,PL,N,ANN,PT,RET coloraide/contrast coloraide/distance coloraide/css tests/test_contrast.py",
        cp, n_ruff)
    cap("mypy-strict-coloraide-tests", "mypy --strict --no-incremental --config-file /dev/null coloraide tests "
        "2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-coloraide", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT --output-format=concise "
                "coloraide/spaces tests 2>&1 | head -n 400", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null coloraide/distance coloraide/contrast "
                "coloraide/css 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


PALETTE = r"""
from coloraide import Color


class PaletteError(Exception):
    pass


SWATCHES = {"ink": "#1b1f3a", "paper": "#fdf6e3", "accent": "#c0392b", "muted": "#93a1a1cc",
            "link": "oklch(0.55 0.15 250)", "warn": "rgb(230 126 34)", "rule": "color(display-p3 0.4 0.4 0.45)"}


def swatch(name):
    try:
        return Color(SWATCHES[name])
    except (KeyError, ValueError) as exc:
        raise PaletteError(f"swatch {name!r} cannot be read") from exc


def pairs(names):
    out = []
    for fg in names:
        for bg in ("paper", "ink"):
            c = swatch(fg).contrast(swatch(bg), method="wcag21")
            out.append((fg, bg, round(c, 2)))
    return out


for row in pairs(["accent", "link", "warn", "rule"]):
    print(*row)
# the brand sheet names the body text colour "text", the swatch table calls it "ink"
SWATCHES["text"] = "ink-on-paper"
for row in pairs(["text"]):
    print(*row)
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "palette"
    d.mkdir()
    (d / "palette.py").write_text(PALETTE)
    cap("python-chained-traceback-palette", "python3 palette.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """coloraide's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "coloraide-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('coloraide-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / WCAG, repo / SRGB, repo / DE94, repo / PARSE, repo / "tests/test_contrast.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, colour spaces, algebra, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-04 09:17:00",
                       "GIT_COMMITTER_DATE": "2025-03-04 09:17:00"})
    rnd = random.Random(19002)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 55
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        stem = rel.split("/")[-2] if stem == "__init__" else stem
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Lucas Ferreira", "GIT_AUTHOR_EMAIL": "lucas@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("contrast 4.5:1 check still fails for #1b1f3a on #fdf6e3, see wcag21\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-css-parse-py", f"git blame {PARSE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-parse-part-6", "git show ':/^parse: part 6'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-12", "git diff HEAD~12 -- coloraide tests", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-coloraide-sdist-and-mypy-pluggy", f"ls -laR {MK}/coloraide {MK}/tests {site}/pluggy {site}/_pytest "
        f"{site}/iniconfig {site}/mypy/dmypy {site}/mypy/server", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/base-x {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/@vitest/snapshot {JS}/node_modules/@vitest/utils {JS}/node_modules/typescript/lib "
        f"{JS}/node_modules/esbuild {JS}/node_modules/@eslint -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 700", tmp, n_find)
    cap("tree-coloraide-and-typeshed-collections", f"tree -L 2 {MK}/coloraide {MK}/docs/src "
        f"{site}/mypy/typeshed/stdlib/collections {site}/mypy/typeshed/stdlib/json {site}/_pytest", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 190091)) for i in range(250000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "shared"
    d.mkdir()
    run("(echo 'name,dir,bytes,type,links,modified'; find /usr/share/icons /usr/share/fonts -mindepth 1 "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sed 's#,/usr/share/#,#' | sort) > shared.csv", cwd=d)
    cap("csv-icons-fonts-files-head-1000", "head -n 1000 shared.csv", d, n_csv)
    run("sqlite3 shared.db \".mode csv\" \".import shared.csv asset\"", cwd=d)
    cap("sqlite-column-icons-fonts-largest-400", "sqlite3 -header -column shared.db \"SELECT name, dir, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM asset WHERE type = 'f' ORDER BY CAST(bytes AS INT) "
        "DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(19003)
proof = logging.getLogger("proofer.render")
queue = logging.getLogger("proofer.queue")
icc = logging.getLogger("proofer.icc")
sheets = ["menu-a5", "poster-a2", "label-62x29", "flyer-dl", "card-85x55", "banner-3m"]
for i in range(1300):
    s = rnd.choice(sheets)
    proof.debug("job %d %s: %d swatches checked, min contrast %.2f in %dms", i, s, rnd.randint(4, 60),
                rnd.uniform(1.2, 19.0), rnd.randint(40, 2400))
    if i % 157 == 41:
        icc.warning("%s: profile %s missing, falling back to sRGB", s, rnd.choice(["FOGRA39", "GRACoL2013", "JapanColor2011"]))
    elif i == 388:
        try:
            raise ValueError("'#12g' is not a valid color")
        except ValueError:
            proof.exception("job %d %s: swatch table unreadable", i, s)
    elif i == 902:
        queue.error("job %d %s rejected: text contrast %.2f below 4.5 on %d panels", i, s, 2.87, rnd.randint(3, 9))
    elif i == 1244:
        queue.critical("render queue at %d jobs, spool disk 98%% full, refusing uploads", 9000 + i)
    elif i % 223 == 19:
        queue.info("sheet %s throttled to %d renders a minute", s, rnd.randint(4, 40))
    queue.info("job %d of %s done, %d pages", i, s, rnd.randint(1, 16) if i != 1077 else 5120)
"""


def app_log(tmp: Path) -> None:
    (tmp / "proofer.py").write_text(SVCLOG)
    run("python3 proofer.py > proofer.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG proofer.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 proofer.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/autopkgtest")


def docs(tmp: Path) -> None:
    if not (DOC / "README.running-tests.html").is_file():
        cm.note("skip docs: no autopkgtest README.running-tests.html")
        return
    cm.start(f"python3 -m http.server 18990 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-autopkgtest-running-tests", "curl -s http://127.0.0.1:18990/README.running-tests.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
