"""Round 155, Python and the machine: the sdist of python-multipart (a real PyPI release: the streaming
multipart/form-data and urlencoded body parser with its Content-Type header parsing) with a few bugs put in, run
through its own test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained
traceback; a git history built here by committing python-multipart's sources in steps (log -p, log --stat, blame,
show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree);
the machine's process table with a busy process started on purpose (ps aux, top -b); the machine's man pages (from
find -printf) as a CSV and a sqlite table, and pip inspect; an upload gateway's log; an installed Debian package's
HTML documentation (dnsmasq's setup page) served by python3 -m http.server and fetched with curl. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide155.py."""


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
from capture_wide155 import JS, SRC, VENV, cap

MK = "python_multipart-0.0.34"
FB = "python_multipart/multipart.py"
EXT = "python_multipart/decoders.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Solberg", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Solberg", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# An empty quoted parameter (`name=""`) keeps its quotes; the IE6 full-path filename keeps the folder instead of the
# file name; the Content-Type's media type is no longer lowercased; the base64 decoder caches a chunk's tail modulo 3
# instead of 4 (a body split across writes decodes wrong).
BUGS = [(FB, "if len(val) >= 2 and val[0] == '\"' and val[-1] == '\"':",
         "if len(val) > 2 and val[0] == '\"' and val[-1] == '\"':"),
        (FB, 'val = val.split("\\\\")[-1]', 'val = val.split("\\\\")[-2]'),
        (FB, 'return ctype.lower().encode("latin-1"), options', 'return ctype.encode("latin-1"), options'),
        (EXT, "remaining_len = len(data) % 4", "remaining_len = len(data) % 3")]

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
    # -v and -rA name the preamble test by its 10 MB parameter: those runs leave it out, as an agent would
    cap("pytest-multipart-v-tail-1500", "python -m pytest -v -p no:cacheprovider tests "
        "-k 'not preamble_before_first_boundary' 2>&1 | tail -n 1500", cp, n_pytest, env=env, timeout=900)
    chain("chain-multipart-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-multipart-tb-long-tail-900", "pytest -q --tb=long -p no:cacheprovider tests 2>&1 | tail -n 900", cp,
        n_pytest, env=env, timeout=900)
    cap("pytest-multipart-k-header-base64-rA", "pytest -q -rA -p no:cacheprovider tests/test_multipart.py "
        "-k '(header or base64 or Quoted or File) and not preamble' 2>&1 | tail -n 500", cp, n_pytest, env=env,
        timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-multipart-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise python_multipart tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-multipart-decoders-exceptions", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN "
        f"{FB} {EXT} python_multipart/__init__.py python_multipart/exceptions.py", cp, n_ruff)
    cap("mypy-strict-multipart-tests", "mypy --strict --disallow-any-expr --no-incremental python_multipart tests "
        "2>&1 | tail -n 600", cp, n_mypy,
        timeout=900)
    chain("chain-ruff-then-mypy-multipart", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental tests/test_multipart.py 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


INGEST = r"""
import io
import python_multipart


class UploadError(Exception):
    pass


def handle_upload(name, headers, body):
    fields, files = [], []
    try:
        python_multipart.parse_form(headers, io.BytesIO(body), fields.append, files.append)
    except Exception as exc:
        raise UploadError(f"upload {name}: body of {len(body)} bytes refused") from exc
    return [(f.field_name, f.value) for f in fields], [(f.field_name, f.file_name, f.size) for f in files]


B = "x9GalleryBoundary"
form = (f"--{B}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHarbour at dusk\r\n"
        f"--{B}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"dusk.jpg\"\r\n"
        f"Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0JFIF\r\n--{B}--\r\n").encode("latin-1")
uploads = {
    "upl-0412": ({"Content-Type": f"multipart/form-data; boundary={B}".encode(),
                  "Content-Length": str(len(form)).encode()}, form),
    "upl-0413": ({"Content-Type": b"application/x-www-form-urlencoded"}, b"album=harbour&rating=4&tags=dusk+sea"),
}
for name, (headers, body) in uploads.items():
    print(name, handle_upload(name, headers, body))
# a client that lost the boundary parameter when it rewrote the header
bad = {"Content-Type": b"multipart/form-data; charset=utf-8", "Content-Length": str(len(form)).encode()}
print("upl-0414", handle_upload("upl-0414", bad, form))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "upload"
    d.mkdir()
    (d / "upload.py").write_text(INGEST)
    cap("python-chained-traceback-upload", "python3 upload.py", d, n_chained, env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """python-multipart's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "multipart-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('python_multipart-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / EXT, repo / FB, repo / "python_multipart/__init__.py", repo / "tests/test_file.py",
             repo / "tests/compat.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, exceptions, test data'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 09:14:00",
                       "GIT_COMMITTER_DATE": "2025-03-11 09:14:00"})
    rnd = random.Random(15502)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 75
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Kwame Boateng", "GIT_AUTHOR_EMAIL": "kwame@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("empty quoted filename=\"\" keeps its quotes, see parse_options_header\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-L-multipart-py", f"git blame -L 180,620 {FB}", repo, n_blame, env=GIT_ENV)
    cap("git-show-multipart-part-9", "git show ':/^multipart: part 9'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-10", "git diff HEAD~10 -- python_multipart", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-multipart-sdist-and-yaml-pytest", f"ls -laR {MK} {site}/_pytest/_code {site}/_pytest/config {site}/yaml "
        f"{site}/iniconfig {site}/pygments/styles", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/linter {JS}/node_modules/eslint/lib/cli-engine "
        f"{JS}/node_modules/mime-types {JS}/node_modules/mime-db {JS}/node_modules/@vitest "
        f"{JS}/node_modules/typescript/lib {JS}/node_modules/espree -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-typeshed-mypyc", f"tree -L 2 {site}/mypy/typeshed/stdlib/http "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/mypy/typeshed/stdlib/xml {site}/mypyc/irbuild "
        f"{site}/mypyc/lib-rt {site}/yaml {site}/_pytest/_io", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 7919)) for i in range(210000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "man"
    d.mkdir()
    run("(echo 'name,section,bytes,type,links,modified'; find /usr/share/man -path '*/man[0-9]*/*' "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sed 's#,/usr/share/man/#,#' | sort) "
        "> manpages.csv", cwd=d)
    cap("csv-man-pages-head-1000", "head -n 1000 manpages.csv", d, n_csv)
    run("sqlite3 man.db \".mode csv\" \".import manpages.csv man\"", cwd=d)
    cap("sqlite-column-man-largest-400", "sqlite3 -header -column man.db \"SELECT name, section, CAST(bytes AS INT) "
        "AS bytes, type, links, modified FROM man WHERE type = 'f' ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(15503)
edge = logging.getLogger("galleria.edge")
form = logging.getLogger("galleria.form")
blob = logging.getLogger("galleria.blobstore")
clients = ["ios-4.2", "ios-4.3", "android-9.1", "web-2026.11", "web-2026.12", "cli-0.8"]
for i in range(1300):
    c = rnd.choice(clients)
    form.debug("upload %d from %s parsed (%d parts, %d bytes)", i, c, rnd.randint(1, 9), rnd.randint(300, 9_000_000))
    if i % 163 == 47:
        edge.warning("%s: request body exceeds soft limit by %d KB, throttling", c, rnd.randint(5, 900))
    elif i == 402:
        try:
            raise ValueError("Invalid boundary character: 0x%02x" % rnd.randint(128, 255))
        except ValueError:
            form.exception("upload %d from %s: multipart body unreadable", i, c)
    elif i == 871:
        blob.error("upload %d for %s rejected: object key %d collides with a tombstone", i, c, rnd.randint(10**9, 2 * 10**9))
    elif i == 1244:
        edge.critical("blobstore quorum lost after %d uploads, refusing writes", i)
    elif i % 211 == 29:
        edge.info("worker pool %s resized to %d", rnd.choice(["images", "video"]), rnd.randint(4, 16))
    blob.info("upload %d of %s stored in %dms", i, c, rnd.randint(3, 220) if i != 1017 else 38700)
"""


def app_log(tmp: Path) -> None:
    (tmp / "galleria.py").write_text(SVCLOG)
    run("python3 galleria.py > galleria.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG galleria.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 galleria.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/dnsmasq-base")


def docs(tmp: Path) -> None:
    if not (DOC / "setup.html").is_file():
        cm.note("skip docs: no setup.html")
        return
    cm.start(f"python3 -m http.server 18955 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-dnsmasq-setup", "curl -s http://127.0.0.1:18955/setup.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
