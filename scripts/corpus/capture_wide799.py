#!/usr/bin/env python3
"""Capture round 799 of the compression corpus: Python concurrency and async diagnostics the corpus lacks, beside some
it has, on a collier trade's small programs written here (`staithes`: keels, staithes, coal drops, keelmen, hostmen,
fitters, chaldrons; seed 79900; the programs are in capture_wide799_progs.py) with faults put in: tasks
garbage-collected while pending, task exceptions nobody reads, coroutines never awaited and callbacks that block the
loop, keelmen in trio/anyio nurseries and task groups that raise (several at once, nested), a trio guest run in an
asyncio host that is abandoned or raises, coal-drop workers in a process pool that die (os._exit, SIGKILL, MemoryError,
an unpicklable result), greenlets that raise and a gevent hub that would block forever, threads that raise, two
hostmen deadlocked on two locks, an abort with several threads alive, files and sockets left open.

Kinds (rules in NEEDLES.md's "Round 799" section): NEW asyncio-task-destroyed, asyncio-exception-never-retrieved,
asyncio-coroutine-origin, trio-exceptiongroup, trio-guest-run, anyio-exceptiongroup, concurrent-broken-process-pool,
gevent-greenlet-error; held by the corpus, extractors imported: python-exceptiongroup and python-faulthandler
(round 39), python-faulthandler-timeout and python-xdev-resourcewarning (round 446), python-thread-exception
(round 45). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide799.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide799.json  as {"version": 2, "items": [...]}, ids prefixed "wide799-".
Tools:   CPython 3.11.7 (pyenv) and its standard library; trio 0.35.0, anyio 4.16.0, gevent 26.9.0 (greenlet 3.5.6)
         from PyPI in the venv /dev/shm/hm-corpus-wide799/venv (made here when missing).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402
from capture_wide39_text import _strip_bars, n_exception_group, n_faulthandler  # noqa: E402
from capture_wide446 import _common, _exception_lines, _masked, _warning_groups, n_fh_timeout, n_xdev  # noqa: E402
from capture_wide45_py import N_THREAD_EXC  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide799_progs import PROGS  # noqa: E402

ID_PREFIX = "wide799-"
DEFAULT_OUT = HERE / "data" / "wide799.json"
TMP = Path("/dev/shm/hm-corpus-wide799-run")
VENV = Path("/dev/shm/hm-corpus-wide799/venv")
PYTHON = "/root/.pyenv/versions/3.11.7/bin/python"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
SEED = 79900


def ensure_tools() -> None:
    if not (VENV / "bin" / "trio").exists() and not (VENV / "lib/python3.11/site-packages/gevent").exists():
        cm.run(f"{PYTHON} -m venv {VENV} && {VENV}/bin/pip install -q trio==0.35.0 anyio==4.16.0 gevent==26.9.0",
               timeout=600)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ================================================================== extractors (NEEDLES.md, round 799)

APP_ERR = re.compile(r"error|fail|crash|broken|abandon|leak|deadlock|lost", re.I)
FILE_LN = re.compile(r'^\s*File "')
TB_HEADS = ("Traceback", "During handling", "The above exception", '"""', "Coroutine created at",
            "Object allocated at", "source_traceback:")


def _own(lines):
    """the program's own lines naming an error, failure, crash or leak: unindented, not a traceback's frame/head"""
    return [ln for ln in lines if ln and not ln[0].isspace() and not ln.startswith(TB_HEADS) and APP_ERR.search(ln)]


def _base(lines):
    return _common(lines) + _warning_groups(lines) + _own(lines)


def _block_last_file(lines, i):
    """the last File line of the indented block under lines[i]"""
    last = None
    for j in range(i + 1, len(lines)):
        if not lines[j].strip() or not lines[j][0].isspace():
            break
        if FILE_LN.match(lines[j]):
            last = lines[j]
    return last


def _blocks_last_files(lines, head):
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith(head):
            f = _block_last_file(lines, i)
            if f and f not in out:
                out.append(f)
    return out


def _program_lines(lines):
    """lines that are not part of a traceback (heads, frames, the exception line closing it, warning source lines)"""
    out, in_tb = [], False
    for ln in lines:
        if not ln.strip():
            continue
        if ln[0].isspace() or ln.startswith(TB_HEADS) or "_RemoteTraceback:" in ln:
            in_tb = in_tb or ln.startswith(("Traceback", "Coroutine created", "Object allocated", "source_traceback"))
            continue
        if in_tb:
            in_tb = False
            continue
        if not ln.startswith("EXIT="):
            out.append(ln)
    return out


def _closing(lines):
    prog = _program_lines(lines)
    return prog[-1:] if prog else []


@cm.kind("asyncio-task-destroyed", "log")
def n_task_destroyed(lines):
    """Task was destroyed but it is pending! line, every task: <Task pending …> line, each source_traceback block's
    last File line; tracebacks, warnings per (category, shape, file), the program's error lines, EXIT="""
    out = _base(lines)
    out += [ln for ln in lines if ln.startswith("Task was destroyed but it is pending!")]
    out += [ln for ln in lines if ln.startswith("task: <Task pending")]
    return out + _blocks_last_files(lines, "source_traceback: Object created at")


@cm.kind("asyncio-exception-never-retrieved", "log")
def n_never_retrieved(lines):
    """Task exception was never retrieved line, every future: <Task finished …> line, each traceback's exception and
    innermost File line, each source_traceback block's last File line; warnings, the program's error lines, EXIT="""
    out = _base(lines)
    out += [ln for ln in lines if ln.startswith("Task exception was never retrieved")]
    out += [ln for ln in lines if ln.startswith("future: <Task finished")]
    return out + _blocks_last_files(lines, "source_traceback: Object created at")


@cm.kind("asyncio-coroutine-origin", "log")
def n_coro_origin(lines):
    """every coroutine '…' was never awaited line, the last File line of each Coroutine created at block, Executing …
    took N seconds one {any} per shape plus the slowest; tracebacks, warnings, the program's error lines, EXIT="""
    out = _base(lines)
    out += list(dict.fromkeys(ln for ln in lines if re.search(r"RuntimeWarning: coroutine '[^']+' was never awaited",
                                                             ln)))
    out += _blocks_last_files(lines, "Coroutine created at")
    g: dict = {}
    best = None
    for ln in lines:
        m = re.search(r"Executing <.*> took ([\d.]+) seconds", ln)
        if m:
            g.setdefault(re.sub(r"\d+(?:\.\d+)?", "<n>", _masked(ln)), []).append(ln)
            if best is None or float(m.group(1)) > best[0]:
                best = (float(m.group(1)), ln)
    out += [any_of(v) for v in g.values()]
    return out + ([best[1]] if best else [])


TRIO_NAMES = re.compile(r"TrioInternalError|trio\.Cancelled")
ANYIO_NAMES = re.compile(r"BrokenResourceError|ClosedResourceError|EndOfStream|WouldBlock|BusyResourceError|"
                         r"TypedAttributeLookupError")


def _named_outside_frames(lines, pat):
    """lines naming `pat` that are not a frame's File line or its source line (box bars stripped)"""
    out = []
    for ln in lines:
        s = _strip_bars(ln)
        if pat.search(s) and not s.startswith(("File ", "raise ", "await ", "return ", "#")):
            out.append(ln)
    return out


BAR = re.compile(r"^\s*\| ?")


def _boxed_exceptions(lines):
    """rule 1 inside ExceptionGroup boxes whatever the exception's name (HostmanRefused, anyio.EndOfStream): round
    446's _exception_lines on the lines with their `|` prefix removed, mapped back to the whole lines"""
    inner = [BAR.sub("", ln, count=1) if BAR.match(ln) else ln for ln in lines]
    found = set(_exception_lines(inner))
    return [lines[i] for i, c in enumerate(inner) if c in found and BAR.match(lines[i])]


@cm.kind("trio-exceptiongroup", "log")
def n_trio_eg(lines):
    """every ExceptionGroup: … (N sub-exceptions) line, each sub-exception's exception line and innermost File line
    (round 39's rule), TrioInternalError / trio.Cancelled lines outside frames; tracebacks, warnings, error lines"""
    return (_base(lines) + n_exception_group(lines) + _boxed_exceptions(lines)
            + _named_outside_frames(lines, TRIO_NAMES))


@cm.kind("trio-guest-run", "log")
def n_guest(lines):
    """RuntimeWarning lines naming the guest run one {any} per shape, each traceback's exception and innermost File
    line (boxed ones too), the done_callback outcome lines, the program's error lines, EXIT="""
    out = _base(lines) + n_exception_group(lines) + _boxed_exceptions(lines)
    out += cm.groups((_masked(ln.split("RuntimeWarning:", 1)[1]), ln) for ln in lines
                     if "RuntimeWarning:" in ln and re.search(r"guest", ln, re.I))
    return out + [ln for ln in lines if re.search(r"\boutcome: ", ln) and not ln[:1].isspace()]


@cm.kind("anyio-exceptiongroup", "log")
def n_anyio_eg(lines):
    """the trio-exceptiongroup rule, every line naming an anyio exception outside a frame, every == backend header
    directly above a traceback"""
    out = n_trio_eg(lines) + _named_outside_frames(lines, ANYIO_NAMES)
    for i, ln in enumerate(lines):
        if ln.startswith("== "):
            nx = next((x for x in lines[i + 1:] if x.strip()), "")
            if "Traceback" in nx:
                out.append(ln)
    return out


@cm.kind("concurrent-broken-process-pool", "log")
def n_broken_pool(lines):
    """every line naming BrokenProcessPool, every _RemoteTraceback line with the exception and innermost File line in
    its \"\"\" block, the per-future error lines, the closing summary line; tracebacks, warnings, EXIT="""
    out = _base(lines) + [ln for ln in lines if "BrokenProcessPool" in ln and not FILE_LN.match(ln)]
    out += [ln for ln in lines if "_RemoteTraceback:" in ln]
    return out + _closing(lines)


@cm.kind("gevent-greenlet-error", "log")
def n_gevent(lines):
    """every <Greenlet …> failed with X line, each traceback's exception and innermost File line, LoopExit / would
    block forever lines with the Hub: line and first Handles: line after, the closing summary line"""
    out = _base(lines) + [ln for ln in lines if re.search(r"<Greenlet .*> failed with ", ln)]
    for i, ln in enumerate(lines):
        if "LoopExit" in ln or "This operation would block forever" in ln:
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s*Hub: ", ahead=3))
            out.append(cm.next_match(lines, i, r"^\s*Handles:", ahead=4))
    # LoopExit's message runs on over its Hub:/Handles: lines and the handle list (`[]`): the closing line is read
    # above the first LoopExit
    stop = next((i for i, ln in enumerate(lines) if "LoopExit" in ln), len(lines))
    return out + _closing(lines[:stop])


# ================================================================== material and steps


def step_write(tmp: Path) -> None:
    cm.write_tree(tmp / "staithes", PROGS)


def _c(item, cmd, ext, timeout=90):
    cap(item, f"{cmd} 2>&1; echo EXIT=$?", TMP / "staithes", ext, timeout=timeout)


def step_asyncio(tmp: Path) -> None:
    _c("destroyed-plain-4", "python destroyed.py 4 79901", n_task_destroyed)
    _c("destroyed-debug-5", "PYTHONASYNCIODEBUG=1 python destroyed.py 5 79902", n_task_destroyed)
    _c("destroyed-debug-14", "PYTHONASYNCIODEBUG=1 python destroyed.py 14 79903", n_task_destroyed)
    _c("destroyed-debug-40", "PYTHONASYNCIODEBUG=1 python -X dev destroyed.py 40 79904", n_task_destroyed)
    _c("never-retrieved-5", "python never_retrieved.py 5 79905", n_never_retrieved)
    _c("never-retrieved-debug-9", "PYTHONASYNCIODEBUG=1 python never_retrieved.py 9 79906", n_never_retrieved)
    _c("never-retrieved-21", "python never_retrieved.py 21 79907", n_never_retrieved)
    _c("never-retrieved-debug-36", "PYTHONASYNCIODEBUG=1 python never_retrieved.py 36 79908", n_never_retrieved)
    _c("origin-default-4", "PYTHONASYNCIODEBUG=1 python -W default origin.py 4 79909", n_coro_origin)
    _c("origin-always-8", "PYTHONASYNCIODEBUG=1 python -W always origin.py 8 79910", n_coro_origin)
    _c("origin-always-15", "PYTHONASYNCIODEBUG=1 python -W always origin.py 15 79911", n_coro_origin)
    _c("origin-tail-28", "PYTHONASYNCIODEBUG=1 python -W always -X tracemalloc=3 origin.py 28 79912 2>&1 | tail -n 120",
       n_coro_origin)
    _c("taskgroup-5", "python taskgroup.py 5 79913", n_exception_group)
    _c("taskgroup-11", "python taskgroup.py 11 79914", n_exception_group)


def step_trio(tmp: Path) -> None:
    _c("trio-nursery-3", "python trio_nursery.py 3 79915", n_trio_eg)
    _c("trio-nursery-6", "python trio_nursery.py 6 79916", n_trio_eg)
    _c("trio-nursery-9", "python trio_nursery.py 9 79917", n_trio_eg)
    _c("trio-nursery-17", "python trio_nursery.py 17 79918", n_trio_eg)
    _c("guest-abandon-3", "python -W default guest.py 3 79919 abandon", n_guest)
    _c("guest-raise-4", "python guest.py 4 79920 raise", n_guest)
    _c("guest-group-3", "python guest.py 3 79921 group", n_guest)
    _c("guest-group-9", "python -W default guest.py 9 79922 group", n_guest)
    _c("anyio-asyncio-4", "python anyio_groups.py 4 79923 asyncio", n_anyio_eg)
    _c("anyio-trio-4", "python anyio_groups.py 4 79924 trio", n_anyio_eg)
    _c("anyio-asyncio-9", "python anyio_groups.py 9 79925 asyncio", n_anyio_eg)
    _c("anyio-both-12", "for b in asyncio trio; do python anyio_groups.py 12 79926 $b; done", n_anyio_eg)


def step_pool(tmp: Path) -> None:
    _c("pool-exit-8", "python pool.py 8 79927 exit", n_broken_pool)
    _c("pool-kill-11", "python pool.py 11 79928 kill", n_broken_pool)
    _c("pool-memory-12", "python pool.py 12 79929 memory", n_broken_pool)
    _c("pool-unpicklable-9", "python pool.py 9 79930 unpicklable", n_broken_pool)
    _c("pool-exit-40", "python pool.py 40 79931 exit", n_broken_pool)


def step_gevent(tmp: Path) -> None:
    _c("gevent-fail-6", "python greenlets.py 6 79932 fail", n_gevent)
    _c("gevent-block-9", "python greenlets.py 9 79933 block", n_gevent)
    _c("gevent-queue-13", "python greenlets.py 13 79934 queue", n_gevent)
    _c("gevent-fail-24", "python greenlets.py 24 79935 fail", n_gevent)


def step_threads(tmp: Path) -> None:
    _c("deadlock-2", "python deadlock.py 2 79936 1.0", n_fh_timeout)
    _c("deadlock-7", "python deadlock.py 7 79937 1.5", n_fh_timeout)
    _c("abort-3", "python abort.py 3 79938", n_faulthandler)
    _c("abort-9", "python abort.py 9 79939", n_faulthandler)
    _c("thread-excepthook-4", "python threads.py 4 79940", N_THREAD_EXC)
    _c("thread-excepthook-10", "python threads.py 10 79941", N_THREAD_EXC)
    _c("resourcewarning-tm-3", "python -X dev -X tracemalloc=5 leaks.py 3 79942", n_xdev)
    _c("resourcewarning-tm-8", "python -W always::ResourceWarning -X tracemalloc=5 leaks.py 8 79943", n_xdev)


STEPS = [step_write, step_asyncio, step_trio, step_pool, step_gevent, step_threads]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide799", sys.modules["__main__"])
    main()
