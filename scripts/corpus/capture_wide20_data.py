"""Round 20, the data-shaped kinds: process tables (ps aux, top, ps -eo) and a socket table (ss -tanp) of a small
service run in its own PID and network namespaces (so no other job on this machine shows), each with one odd row
in the middle (a worker spinning at 100% CPU, a connection with a full receive queue, one in CLOSE-WAIT); CSVs with
extreme rows mid-file; git on a scripted history of the glom sdist (log -p, show, blame, diff); and OpenCode's own
glob, grep and webfetch renderings (webfetch of libxslt's and socat's HTML manuals from a loopback server), with the
glob's listing also typed as a bash find. Extractors are the first rounds' (capture_data.py, capture_wide2.py,
capture_opencode.py, capture_wide12.py). Runs last. Run through capture_wide20.py."""

from __future__ import annotations

import json
import os
import random
import shlex
import tempfile
from pathlib import Path

import capture_opencode as oc
from capture_more import note, run, write_tree
from capture_opencode import Spec
from capture_wide2 import n_ps_eo
from capture_wide11 import n_csv as n_csv_cat
from capture_wide12 import path_list
from capture_wide15_data import n_csv, n_ps_aux, n_ss, n_top
from capture_wide15_oc import GIT_ENV, n_blame, n_diff, n_log_p, n_show, oc_ext
from capture_wide20 import JS, VENV, add, cap

n_find_files = path_list("find-files", "search")

# ------------------------------------------------------------------ processes and sockets, namespaced

SERVICE = r'''
import os, socket, subprocess, sys, time, threading

def listener(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(64)
    return s

def worker(queue):
    return subprocess.Popen([sys.executable, "worker.py", f"--queue={queue}"])

workers = [worker(f"orders-{i}") for i in range(16)]
hot = worker("reindex")  # the one at 100% CPU
workers += [worker(f"mail-{i}") for i in range(16)]
workers += [subprocess.Popen(["sleep", "600"]) for _ in range(4)]
api, metrics, admin = listener(8080), listener(9102), listener(8443)
held, clients = [], []
for i in range(36):
    c = socket.create_connection(("127.0.0.1", 8080 if i % 4 else 9102))
    clients.append(c)
    held.append((api if i % 4 else metrics).accept()[0])
stuck = socket.create_connection(("127.0.0.1", 8443))  # the server never reads: its receive queue fills
held.append(admin.accept()[0])
stuck.sendall(b"x" * 65000)
gone = socket.create_connection(("127.0.0.1", 8080))  # the client leaves: the server's side sits in CLOSE-WAIT
held.append(api.accept()[0])
gone.close()
time.sleep(3)
print("ready", flush=True)
time.sleep(600)
'''


WORKER = """import sys, time
if sys.argv[1] == "--queue=reindex":
    while True:  # a reindex stuck in a loop
        pass
time.sleep(600)
"""


def ns_run(d: Path, command: str) -> str:
    """`command` run in fresh PID and network namespaces beside the service, once it is up."""
    script = (f"ip link set lo up; rm -f svc.out; python3 service.py > svc.out 2>&1 & for i in $(seq 50); do grep -q ready svc.out "
              f"2>/dev/null && break; sleep 0.2; done; {command}; kill %1")
    return run(f"unshare --pid --net --fork --mount-proc bash -c {shlex.quote(script)}", cwd=d, timeout=90)


def system(tmp: Path) -> None:
    d = tmp / "svc"
    write_tree(d, {"service.py": SERVICE, "worker.py": WORKER})
    add("ps-aux-hot-worker", "ps aux", ns_run(d, "ps aux"), n_ps_aux)
    add("top-b-n1-hot-worker", "top -b -n 1 -w 200 | head -n 60", ns_run(d, "top -b -n 1 -w 200 | head -n 60"), n_top)
    ps_eo = "ps -eo pid,ppid,user,stat,pcpu,rss,etime,comm --sort=pid"
    add("ps-eo-hot-worker", ps_eo, ns_run(d, ps_eo), n_ps_eo)
    add("ss-tanp-stuck-queue", "ss -tanp", ns_run(d, "ss -tanp"), n_ss)


# ------------------------------------------------------------------ CSV

def sensors_csv(rnd: random.Random) -> str:
    """A day of readings from 12 sensors: one sensor reports from a rare site with a spike, mid-file."""
    rows = ["recorded_at,sensor_id,site,kind,temp_c,humidity_pct,battery_v,status"]
    for h in range(24):
        for m in (0, 20, 40):
            for s in range(12):
                site, status, temp = "plant-north", "ok", round(rnd.gauss(21.5, 1.2), 2)
                if h == 11 and m == 20 and s == 7:
                    site, status, temp = "dock-east", "fault", 88.41
                if h == 15 and s == 3 and m == 40:
                    status = "low-battery"
                rows.append(f"2026-05-0{1 + h // 12}T{h:02d}:{m:02d}:00Z,S-{s:03d},{site},{'probe' if s % 5 else 'hvac'},"
                            f"{temp},{round(rnd.uniform(30, 60), 1)},{round(rnd.uniform(3.4, 3.9), 2)},{status}")
    return "\n".join(rows) + "\n"


def invoices_csv(rnd: random.Random) -> str:
    """An invoice export with quoted names: one invoice of a huge amount and one credit note, mid-file."""
    names = ["Birchwood Ltd", "Nordlicht GmbH", "\"Casa, Azul\" SL", "Ferro & Figli", "Kestrel BV", "Moss Lane Co"]
    rows = ["invoice_no,customer,country,currency,type,net,vat,gross,due_date"]
    for i in range(1, 181):
        net = round(rnd.uniform(80, 2400), 2)
        typ, cur, country = "invoice", "EUR", rnd.choice(["DE", "NL", "FR"])
        if i == 97:
            net = 184250.00
        if i == 121:
            typ, net = "credit-note", -640.00
        if i == 64:
            cur, country = "CHF", "CH"
        vat = round(net * 0.19, 2)
        name = rnd.choice(names)
        name = f'"{name.replace(chr(34), chr(34) * 2)}"' if ("," in name or '"' in name) else name
        rows.append(f"INV-2026-{i:05d},{name},{country},{cur},{typ},{net:.2f},{vat:.2f},{net + vat:.2f},"
                    f"2026-06-{1 + i % 28:02d}")
    return "\n".join(rows) + "\n"


def tables(tmp: Path) -> None:
    d = tmp / "plant"
    rnd = random.Random(2020)
    write_tree(d, {"data/sensor_readings.csv": sensors_csv(rnd), "exports/invoices_2026-05.csv": invoices_csv(rnd)})
    cap("csv-cat-sensor-readings", "cat data/sensor_readings.csv", d, n_csv)
    cap("csv-head-invoices", "head -n 150 exports/invoices_2026-05.csv", d, n_csv_cat)


# ------------------------------------------------------------------ git on the glom sdist

AUTHORS = [("Mahmoud Haddad", "mahmoud@example.org"), ("Kurt Rose", "kurt@example.org"),
           ("Ines Duarte", "ines@example.org"), ("Wen Li", "wen@example.org")]


def commit(repo: Path, i: int, msg: str) -> None:
    name, mail = AUTHORS[i * 3 % len(AUTHORS)]
    date = f"2026-04-{1 + i % 28:02d}T{9 + i % 9:02d}:{(i * 17) % 60:02d}:00+02:00"
    run(f"git add -A && git commit -q -m {json.dumps(msg)}", cwd=repo, env={
        **GIT_ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


def insert_after(path: Path, anchor: str, text: str) -> None:
    """`text` after the first line starting with `anchor` (at the end when there is none)."""
    lines = path.read_text().split("\n")
    at = next((i for i, ln in enumerate(lines) if ln.startswith(anchor)), len(lines) - 1)
    path.write_text("\n".join(lines[:at + 1] + text.split("\n") + lines[at + 1:]))


def rename(path: Path, old: str, new: str, count: int) -> None:
    s = path.read_text()
    assert old in s, f"{path}: {old!r} not found"
    path.write_text(s.replace(old, new, count))


EDITS = [
    ("glom/core.py", "core: name the missing-path sentinel in reprs", "import", "\n_SENTINEL_REPR = '<missing>'"),
    ("glom/reduction.py", "reduction: Sum accepts an init callable", "class Sum", "    # init may be a callable, called per glom"),
    ("glom/mutation.py", "mutation: Assign documents missing=", "class Assign", "    # missing= makes the parents on the way"),
    ("glom/streaming.py", "streaming: Iter.chunked keeps the last short chunk", "class Iter", "    # chunked(): the tail chunk may be short"),
    ("glom/matching.py", "matching: Regex flags are passed through", "class Regex", "    # flags: re module flags, passed as is"),
    ("glom/grouping.py", "grouping: Group with a dict key spec", "class Group", "    # a dict spec groups by each key's value"),
    ("glom/cli.py", "cli: --scalar prints bare values", "def ", "    # --scalar: print a bare value, not JSON"),
]


def git(tmp: Path) -> None:
    repo = tmp / "glom-repo"
    run(f"cp -r {tmp / 'glom-23.5.0'} {repo} && rm -rf {repo}/glom.egg-info {repo}/glom/__pycache__", timeout=60)
    run("git init -q -b main .", cwd=repo, env=GIT_ENV)
    commit(repo, 0, "Import glom 23.5.0")
    for i, (f, msg, anchor, text) in enumerate(EDITS, start=1):
        insert_after(repo / f, anchor, text)
        commit(repo, i, msg)
    rename(repo / "glom/core.py", "_format_trace_value(", "_format_trace_val(", -1)
    rename(repo / "glom/core.py", "_unpack_stack(", "_unpack_error_stack(", -1)
    commit(repo, 8, "core: clearer names for the trace helpers")
    rename(repo / "glom/reduction.py", "raise TypeError", "raise GlomError", 2)
    commit(repo, 9, "reduction: raise GlomError, not TypeError, on bad init")
    rename(repo / "CHANGELOG.md", "================", "================\n\n## 23.6.0 (unreleased)\n\n- Sum(init=callable)\n"
           "- CLI --scalar\n- GlomError from reduction specs", 1)
    commit(repo, 10, "changelog: 23.6.0 notes")
    # the working tree an agent finds: an uncommitted edit in two files
    insert_after(repo / "glom/core.py", "class Path", "    # TODO: Path.from_text caches parsed paths")
    rename(repo / "glom/mutation.py", "missing=None", "missing=None, overwrite=True", 1)
    cap("git-log-p-glom", "git log -p -n 6 --no-color", repo, n_log_p)
    cap("git-show-glom-rename", "git show --no-color HEAD~2", repo, n_show)
    cap("git-blame-glom-reduction", "git blame -L 1,160 glom/reduction.py", repo, n_blame)
    cap("git-diff-glom-worktree", "git diff", repo, n_diff)
    cap("git-diff-glom-range", "git diff HEAD~6 HEAD -- glom/", repo, n_diff)


# ------------------------------------------------------------------ OpenCode's own tools

XSLT_DOC = "/usr/share/doc/libxslt1-dev/html"
SOCAT_DOC = "/usr/share/doc/socat"
HYPO = str(VENV / "lib/python3.11/site-packages/hypothesis")


def specs(tmp: Path) -> list[tuple[Spec, str]]:
    glom_dir, tena = tmp / "glom-23.5.0", tmp / "tenacity-9.0.0"
    nm = JS / "node_modules"
    S = [
        (Spec("oc-glob-glom-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": str(glom_dir)}), "listing"),
        (Spec("oc-glob-hypothesis-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": HYPO}), "listing"),
        (Spec("oc-grep-tenacity-def-retry", "oc-grep", "search", "grep",
              {"pattern": r"def (retry|wait|stop)_\w+|raise \w+", "path": str(tena), "include": "*.py"}), "search"),
        (Spec("oc-grep-ufo-export", "oc-grep", "search", "grep",
              {"pattern": r"^declare function \w+", "path": str(nm / "ufo"), "include": "*.d.ts"}), "search"),
        (Spec("oc-webfetch-md-xslt-transform", "oc-webfetch-markdown", "doc", "webfetch",
              {"url": "{BASE}/xslt/html/libxslt-transform.html", "format": "markdown"}, source="xslt/html/libxslt-transform.html"),
         "doc"),
        (Spec("oc-webfetch-md-socat-tun", "oc-webfetch-markdown", "doc", "webfetch",
              {"url": "{BASE}/socat/socat-openssltunnel.html"}, source="socat/socat-openssltunnel.html"), "doc"),
    ]
    out = []
    for spec, fam in S:
        spec.family = fam
        path = spec.args.get("path")
        if path and not Path(path).exists():
            note(f"skip {spec.id}: {path} not there")
            continue
        out.append((spec, fam))
    return out


def opencode(tmp: Path) -> None:
    """One OpenCode run over every spec; a tool error skips its item, a failed run skips them all (loudly)."""
    cap("find-name-hypothesis-py", "find . -name '*.py' | sort", Path(HYPO), n_find_files)
    chosen = specs(tmp)
    serve = tempfile.mkdtemp(prefix="oc-docs-", dir=tmp)
    os.symlink(XSLT_DOC, Path(serve) / "xslt")
    os.symlink(SOCAT_DOC, Path(serve) / "socat")
    oc.DOC_SERVE_DIR = serve  # the text extractor reads the served page's headings
    docs = oc.start_doc_server(serve)
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory(prefix="oc-w20-", dir=tmp) as oc_tmp:
            captured = oc.run_opencode(Path(oc_tmp), [s for s, _ in chosen], base)
    except Exception as e:  # the OpenCode items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        docs.shutdown()
        docs.server_close()
    for spec, sent, text, is_error in captured:
        if is_error or text.lstrip().startswith(("Error", "<error>")):
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        command = dict(sent)
        if "url" in command:  # the port changes per run: the URL's path only
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        add(spec.id, json.dumps(command, sort_keys=True), text, oc_ext(spec.kind, spec.family, spec), tool=spec.tool)


STEPS = [system, tables, git, opencode]
