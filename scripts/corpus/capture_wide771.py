#!/usr/bin/env python3
"""Capture round 771 of the compression corpus: structured application logs of real logging libraries, kinds new to
the corpus (structlog's LogfmtRenderer and KeyValueRenderer, loguru with diagnose=True, ecs-logging's StdlibFormatter,
Logbook's StderrHandler, Eliot's raw JSON and its eliot-tree and eliot-prettyprint renderings, winston's cli and
logstash formats, log4js's basic layout, tslog's pretty output), on a tannery service (hides, vats, bark, curriers;
seed 77110) written here in Python and in JavaScript, run for real in-process and hit by a seeded client with faults
(exceptions with tracebacks, 5xx answers, drain timeouts, rare warnings, a fatal pump failure). The needle rules are
NEEDLES.md's "Round 771", fixed before capture and applied by the extractors below. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide771.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide771.json, ids prefixed "wide771-".
Tools:   PyPI, in a venv under /dev/shm/hm-corpus-wide771/venv (Python 3.11.7): structlog 24.4.0, loguru 0.7.3,
         ecs-logging 2.2.0, Logbook 1.8.0, eliot 1.16.0, eliot-tree 24.0.0; npm, under /dev/shm/hm-corpus-wide771/npm
         (node v20.20.2): winston 3.17.0, log4js 6.9.1, tslog 4.9.3.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide771-"
DEFAULT_OUT = HERE / "data" / "wide771.json"
TMP = Path(os.environ.get("HM_WIDE771_TMP", "/dev/shm/hm-corpus-wide771-run"))
TOOLS = Path(os.environ.get("HM_WIDE771_TOOLS", "/dev/shm/hm-corpus-wide771"))
VENV = TOOLS / "venv"
NPM = TOOLS / "npm"
PY_PACKAGES = ["structlog==24.4.0", "loguru==0.7.3", "ecs-logging==2.2.0", "Logbook==1.8.0", "eliot==1.16.0",
               "eliot-tree==24.0.0"]
NPM_PACKAGES = ["winston@3.17.0", "log4js@6.9.1", "tslog@4.9.3"]
SEED = 77110

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ shared pieces of the rules (NEEDLES.md, Round 771)
BAD = {"error", "fatal", "critical"}
WARN = {"warning", "warn"}
F_METHOD = re.compile(r"""["']?\bmethod["']?\s*[=:]\s*["']?([A-Z]+)\b""")
F_STATUS = re.compile(r"""["']?\bstatus["']?\s*[=:]\s*["']?(\d{3})\b""")
F_DUR = re.compile(r"""["']?\bduration_ms["']?\s*[=:]\s*["']?(\d+(?:\.\d+)?)""")


def access_rule(rows):
    """Rule 4 on access records: rows are (needle line for method, needle line for status/duration, method, status,
    duration); rare method / status (at most 2 while the most common covers half), smallest and largest duration."""
    out = []
    for col, at in ((2, 0), (3, 1)):
        vals = [r[col] for r in rows if r[col] is not None]
        c = Counter(vals)
        if vals and c.most_common(1)[0][1] * 2 >= len(vals):
            out += [r[at] for r in rows if r[col] is not None and c[r[col]] <= 2]
    timed = [r for r in rows if r[4] is not None]
    if timed:
        out.append(min(timed, key=lambda r: r[4])[1])
        out.append(max(timed, key=lambda r: r[4])[1])
    return out


def fields(ln):
    m, s, d = F_METHOD.search(ln), F_STATUS.search(ln), F_DUR.search(ln)
    return (m.group(1) if m else None, s.group(1) if s else None, float(d.group(1)) if d else None)


def record_rule(lines, parse):
    """Rules 1+4 over records: `parse(line)` gives (level, logger, message) for a record's first line, else None.
    ERROR/FATAL/CRITICAL record lines, warnings one any per (logger, message shape), access rows (rule 4), and the
    first and last record lines."""
    out, warns, rows, starts = [], [], [], []
    for ln in lines:
        p = parse(ln)
        if p is None:
            continue
        starts.append(ln)
        level, logger, msg = p
        level = level.lower()
        if level in BAD:
            out.append(ln)
        elif level in WARN:
            warns.append(((logger, cm.mask(msg)), ln))
        method, status, dur = fields(ln)
        if method and status:
            rows.append((ln, ln, method, status, dur))
    out += cm.groups(warns) + access_rule(rows)
    if starts:
        out += [starts[0], starts[-1]]
    return out


def py_tracebacks(lines):
    """Each traceback's exception line (the first line after `Traceback (most recent call last):` that is not
    indented, blank or a loguru `>` frame) and its innermost frame (the last `File "..."` line before it)."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.startswith("Traceback (most recent call last):"):
            continue
        last_file = None
        for k in range(i + 1, len(lines)):
            s = lines[k]
            if re.match(r"^\s*>?\s*File \"", s):
                last_file = s
            if s == "" or s[0].isspace() or s.startswith(">"):
                continue
            out += [s, last_file]
            break
    return out


def js_stacks(lines):
    """Each stack's exception line (the line above its first `at` line) and innermost frame (that first `at` line)."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+at ", ln) and i > 0 and not re.match(r"^\s+at ", lines[i - 1]):
            out += [lines[i - 1], ln]
    return out


def _json(ln):
    try:
        d = json.loads(ln)
    except ValueError:
        return None
    return d if isinstance(d, dict) else None


# ------------------------------------------------------------------ the kinds (all NEW)
def _p_logfmt(ln):
    lv, lg = re.search(r"\blevel=(\w+)", ln), re.search(r"\blogger=(\S+)", ln)
    ev = re.search(r'\bevent=("(?:[^"\\]|\\.)*"|\S+)', ln)
    return (lv.group(1), lg.group(1) if lg else "", ev.group(1) if ev else "") if lv else None


@kind("structlog-logfmt", "log")
def n_structlog_logfmt(lines):
    """ERROR/CRITICAL record lines, warnings one any per (logger, message shape), rare method/status and min/max duration access lines, first and last record"""
    return record_rule(lines, _p_logfmt)


def _p_kv(ln):
    lv, lg = re.search(r"\blevel='(\w+)'", ln), re.search(r"\blogger='([^']*)'", ln)
    ev = re.search(r"\bevent='((?:[^'\\]|\\.)*)'", ln)
    return (lv.group(1), lg.group(1) if lg else "", ev.group(1) if ev else "") if lv else None


@kind("structlog-keyvalue", "log")
def n_structlog_kv(lines):
    """ERROR/CRITICAL record lines, warnings one any per (logger, message shape), rare method/status and min/max duration access lines, first and last record"""
    return record_rule(lines, _p_kv)


R_LOGURU = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \| (\w+)\s*\| ([^ ]+?):\d+ - (.*)$")


@kind("loguru-diagnose", "log")
def n_loguru_diagnose(lines):
    """ERROR/CRITICAL record lines, each traceback's exception line and innermost File line, warnings one any per (name:function, message shape), rare access lines, first and last record"""
    return record_rule(lines, lambda ln: (m := R_LOGURU.match(ln)) and m.groups()) + py_tracebacks(lines)


def _p_ecs(ln):
    d = _json(ln)
    if d is None or "log.level" not in d:
        return None
    return d["log.level"], (d.get("log") or {}).get("logger", ""), d.get("message", "")


@kind("ecs-logging-json", "log")
def n_ecs(lines):
    """ERROR/CRITICAL record lines, warnings one any per (log.logger, message shape), rare method/status and min/max duration access lines, first and last record"""
    return record_rule(lines, _p_ecs)


R_LOGBOOK = re.compile(r"^\[\d{4}-\d\d-\d\d [\d:.]+\] (\w+): ([^:]+): (.*)$")


@kind("logbook-log", "log")
def n_logbook(lines):
    """ERROR/CRITICAL record lines, each traceback's exception line and innermost File line, warnings one any per (channel, message shape), rare access lines, first and last record"""
    return record_rule(lines, lambda ln: (m := R_LOGBOOK.match(ln)) and m.groups()) + py_tracebacks(lines)


@kind("eliot-json", "log")
def n_eliot_json(lines):
    """failed action and eliot:traceback lines, warnings one any per message_type, rare method (started line) / status and min/max duration (succeeded line) of http:request, first and last line"""
    out, warns, rows, started = [], [], [], {}
    recs = [(ln, d) for ln in lines if (d := _json(ln)) is not None]
    for ln, d in recs:
        mt = d.get("message_type", "")
        if d.get("action_status") == "failed" or mt == "eliot:traceback":
            out.append(ln)
        elif mt.endswith(":warning"):
            warns.append((mt, ln))
        if d.get("action_type") == "http:request":
            if d.get("action_status") == "started":
                started[d.get("task_uuid")] = (ln, d.get("method"))
            elif d.get("action_status") == "succeeded" and "status" in d and d.get("task_uuid") in started:
                sl, method = started[d["task_uuid"]]
                rows.append((sl, ln, method, str(d["status"]), d.get("duration_ms")))
    out += cm.groups(warns) + access_rule(rows)
    if recs:
        out += [recs[0][0], recs[-1][0]]
    return out


@kind("eliot-tree", "log")
def n_eliot_tree(lines):
    """failed-action lines with their exception:/reason: lines, eliot:traceback lines with reason:, warnings one any per message type, rare status: lines, first and last line"""
    out, warns, status = [], [], []
    for i, ln in enumerate(lines):
        if "⇒ failed" in ln or re.search(r"\beliot:traceback/", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 12)):
                if re.search(r"[─-] (exception|reason): ", lines[k]):
                    out.append(lines[k])
                if re.search(r"(⇒ |/\d+ \d{4}-)", lines[k]) or not lines[k].strip():
                    break
        m = re.search(r"([\w:]+:warning)/", ln)
        if m:
            warns.append((m.group(1), ln))
        m = re.search(r"[─] status: (\d+)$", ln)
        if m:
            status.append((ln, m.group(1)))
    c = Counter(s for _, s in status)
    if status and c.most_common(1)[0][1] * 2 >= len(status):
        out += [ln for ln, s in status if c[s] <= 2]
    text = [ln for ln in lines if ln.strip()]
    return out + cm.groups(warns) + ([text[0], text[-1]] if text else [])


@kind("eliot-prettyprint", "log")
def n_eliot_pretty(lines):
    """header line of every failed action message or eliot:traceback with its exception:/reason: lines, warnings one any per message type, rare status: lines, first and last line"""
    out, warns, status = [], [], []
    blocks, cur = [], []
    for ln in lines:
        if re.match(r"^[0-9a-f-]{36} -> /", ln):
            cur = [ln]
            blocks.append(cur)
        elif cur:
            cur.append(ln)
    for b in blocks:
        body = "\n".join(b)
        if "action_status: 'failed'" in body or "message_type: 'eliot:traceback'" in body:
            out.append(b[0])
            out += [ln for ln in b if re.match(r"^\s+(exception|reason): ", ln)]
        for ln in b:
            m = re.match(r"^\s+message_type: '([\w:]+:warning)'", ln)
            if m:
                warns.append((m.group(1), ln))
            m = re.match(r"^\s+status: (\d+)$", ln)
            if m:
                status.append((ln, m.group(1)))
    c = Counter(s for _, s in status)
    if status and c.most_common(1)[0][1] * 2 >= len(status):
        out += [ln for ln, s in status if c[s] <= 2]
    text = [ln for ln in lines if ln.strip()]
    return out + cm.groups(warns) + ([text[0], text[-1]] if text else [])


R_WCLI = re.compile(r"^(\w+):\s+\[([^\]]+)\] (.*)$")


@kind("winston-cli", "log")
def n_winston_cli(lines):
    """error/fatal record lines, each stack's exception line and first at line, warnings one any per ([logger], message shape), rare access lines, first and last record"""
    return record_rule(lines, lambda ln: (m := R_WCLI.match(ln)) and m.groups()) + js_stacks(lines)


def _p_logstash(ln):
    d = _json(ln)
    if d is None or "@fields" not in d:
        return None
    return d["@fields"].get("level", ""), d["@fields"].get("logger", ""), d.get("@message", "")


@kind("winston-logstash", "log")
def n_winston_logstash(lines):
    """error/fatal record lines, warnings one any per (logger, message shape), rare method/status and min/max duration access lines, first and last record"""
    return record_rule(lines, _p_logstash)


R_LOG4JS = re.compile(r"^\[[^\]]+\] \[(\w+)\] (\S+) - (.*)$")


@kind("log4js-log", "log")
def n_log4js(lines):
    """ERROR/FATAL record lines, each stack's exception line and first at line, warnings one any per (category, message shape), rare access lines, first and last record"""
    return record_rule(lines, lambda ln: (m := R_LOG4JS.match(ln)) and m.groups()) + js_stacks(lines)


R_TSLOG = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\t(\w+)\t\S*\t(\S+)\t(.*)$")


@kind("tslog-pretty", "log")
def n_tslog(lines):
    """ERROR/FATAL record lines, each error block's name+message line and first stack entry (with its location line), warnings one any per (logger, message shape), rare access lines, first and last record"""
    out = record_rule(lines, lambda ln: (m := R_TSLOG.match(ln)) and m.groups())
    for i, ln in enumerate(lines):
        if ln == "error stack:":
            k = i - 1
            while k >= 0 and not lines[k].strip():
                k -= 1
            out.append(lines[k])
            if i + 1 < len(lines) and lines[i + 1].lstrip().startswith("•"):
                out.append(lines[i + 1])
                if i + 2 < len(lines):
                    out.append(lines[i + 2])
    return out


# ------------------------------------------------------------------ material: the tannery service, Python and Node
PY_SERVICE = r'''"""A tannery's service (hides, vats, bark, curriers), run in-process and hit by a seeded client."""
import concurrent.futures as cf
import logging
import random
import sys
import time

MODE, SEED, N, FAULT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rng = random.Random(SEED)
HIDES = {f"H-{i:04d}": {"kind": rng.choice(["cow", "calf", "goat", "sheep", "horse"]), "kg": round(rng.uniform(3, 40), 1)}
         for i in range(1, 41)}
VATS = {f"V-{i:02d}": {"hides": rng.randint(0, 12), "liquor_l": rng.randint(200, 900), "tannin": rng.uniform(2, 9)}
        for i in range(1, 13)}
CURRIERS = ["Abel Fenwick", "Ruth Marsh", "Tobias Keld", "Nell Oakes", "Silas Barker", "Ada Tanner"]
BARK_KG = {"oak": 900.0, "chestnut": 400.0, "hemlock": 250.0, "wattle": 120.0}


class PumpFailure(RuntimeError):
    pass


# ------------------------------------------------------------------ logging, one adapter per library
if MODE in ("structlog-logfmt", "structlog-keyvalue"):
    import structlog
    render = (structlog.processors.LogfmtRenderer() if MODE == "structlog-logfmt" else
              structlog.processors.KeyValueRenderer(key_order=["timestamp", "level", "logger", "event"]))
    structlog.configure(processors=[structlog.processors.TimeStamper(fmt="iso"), structlog.processors.add_log_level,
                                    structlog.processors.format_exc_info, render],
                        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
                        logger_factory=structlog.PrintLoggerFactory(sys.stdout))

    def log(level, name, event, exc=None, **kw):
        lg = structlog.get_logger().bind(logger=name)
        getattr(lg, level)(event, exc_info=exc, **kw) if exc else getattr(lg, level)(event, **kw)
elif MODE == "loguru-diagnose":
    from loguru import logger as _lg
    _lg.remove()
    _lg.add(sys.stderr, level="DEBUG", backtrace=True, diagnose=True, colorize=False)

    def log(level, name, event, exc=None, **kw):
        msg = event + ("" if not kw else " " + " ".join(f"{k}={v}" for k, v in kw.items()))
        lg = _lg.opt(exception=exc, depth=1) if exc else _lg.opt(depth=1)
        lg.log(level.upper(), msg)
elif MODE == "ecs-logging-json":
    import ecs_logging
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(ecs_logging.StdlibFormatter())
    logging.basicConfig(level=logging.DEBUG, handlers=[h])

    def log(level, name, event, exc=None, **kw):
        getattr(logging.getLogger(name), level)(event, exc_info=exc, extra=kw)
elif MODE == "logbook-log":
    import logbook
    logbook.StderrHandler(level="DEBUG").push_application()
    _books = {}

    def log(level, name, event, exc=None, **kw):
        lg = _books.setdefault(name, logbook.Logger(name))
        msg = event + ("" if not kw else " " + " ".join(f"{k}={v}" for k, v in kw.items()))
        getattr(lg, level)(msg, exc_info=exc) if exc else getattr(lg, level)(msg)
elif MODE == "eliot":
    import eliot
    eliot.to_file(open(sys.argv[5], "w"))

    def log(level, name, event, exc=None, **kw):
        if exc:
            eliot.write_traceback(exc_info=(type(exc), exc, exc.__traceback__))
        suffix = {"warning": ":warning", "error": ":error", "critical": ":critical"}.get(level, "")
        eliot.log_message(message_type=name.replace(".", ":") + suffix, event=event, **kw)


# ------------------------------------------------------------------ the service
def read_tannin(raw):
    value = float(raw)
    if not 0 < value < 14:
        raise ValueError(f"tannin reading {raw!r} outside 0..14 pH")
    return value


def liquor_per_hide(vat_id):
    vat = VATS[vat_id]
    return vat["liquor_l"] / vat["hides"]


def drain(vat_id, seconds):
    with cf.ThreadPoolExecutor(1) as ex:
        fut = ex.submit(time.sleep, seconds)
        try:
            return fut.result(timeout=0.004)
        except cf.TimeoutError:
            raise TimeoutError(f"drain of {vat_id} exceeded 4 ms deadline") from None


def take_bark(kind, kg):
    BARK_KG[kind] -= kg
    if BARK_KG[kind] < 60:
        log("warning", "tannery.bark", "bark stock low", bark=kind, left_kg=round(BARK_KG[kind], 1))
    return BARK_KG[kind]


def handle(method, path, body):
    parts = path.strip("/").split("/")
    if parts[0] == "hides":
        hide = HIDES[parts[1]]
        if method == "DELETE":
            del HIDES[parts[1]]
            return 204
        return 200 if hide["kg"] > 4 else 206
    if parts[0] == "vats":
        if parts[2] == "liquor":
            ratio = liquor_per_hide(parts[1])
            ph = read_tannin(body)
            if ph < 3.2:
                log("warning", "tannery.vats", "liquor too acid", vat=parts[1], ph=ph)
            return 200 if ratio > 10 else 422
        if parts[2] == "drain":
            drain(parts[1], 0.001 if rng.random() > 2 * FAULT else 0.03)
            return 202
    if parts[0] == "bark":
        left = take_bark(parts[1], float(body))
        return 200 if left > 0 else 409
    if parts[0] == "curriers":
        if parts[1] not in [c.split()[0].lower() for c in CURRIERS]:
            return 404
        return 503 if rng.random() < FAULT / 2 else 200
    if parts[0] == "pump":
        raise PumpFailure(f"vat pump {parts[1]} lost prime: pressure 0.0 bar")
    return 404


def request(i):
    r = rng.random()
    bad = rng.random() < FAULT
    if r < 0.34:
        hid = f"H-{rng.randint(1, 48 if bad else 40):04d}"
        method = rng.choice(["GET"] * 12 + ["DELETE"]) if rng.random() > 0.02 else "HEAD"
        return method, f"/hides/{hid}", ""
    if r < 0.56:
        vid = f"V-{rng.randint(1, 12):02d}"
        body = rng.choice(["x.9", "-1", "15"]) if bad else f"{rng.uniform(2.8, 6):.2f}"
        return "POST", f"/vats/{vid}/liquor", body
    if r < 0.66:
        return "POST", f"/vats/V-{rng.randint(1, 12):02d}/drain", ""
    if r < 0.84:
        return "PUT", f"/bark/{rng.choice(list(BARK_KG))}", f"{rng.uniform(5, 60):.1f}"
    if r < 0.995:
        name = rng.choice(CURRIERS + (["Ezra Voss"] if bad else [])).split()[0].lower()
        return ("GET" if rng.random() > 0.01 else "PATCH"), f"/curriers/{name}/shift", ""
    return "POST", f"/pump/P-{rng.randint(1, 3)}/prime", ""


def serve(method, path, body):
    t0 = time.perf_counter()
    try:
        status = handle(method, path, body)
        exc = None
    except KeyError as e:
        status, exc = 404, e
    except TimeoutError as e:
        status, exc = 504, e
    except PumpFailure as e:
        status, exc = 500, e
    except (ZeroDivisionError, ValueError) as e:
        status, exc = 500, e
    ms = round((time.perf_counter() - t0) * 1000, 3)
    if isinstance(exc, PumpFailure):
        log("critical", "tannery.pump", "vat pump failed, stopping liquor rounds", exc=exc, path=path)
    elif exc is not None and status >= 500:
        log("error", "tannery.app", f"unhandled {type(exc).__name__} in {method} {path}", exc=exc)
    elif exc is not None:
        log("info", "tannery.app", f"not found: {exc}", path=path)
    level = "error" if status >= 500 else "info"
    log(level, "tannery.access", "request", method=method, path=path, status=status, duration_ms=ms)
    return status


def run_eliot():
    import eliot
    for i in range(N):
        method, path, body = request(i)
        try:
            with eliot.start_action(action_type="http:request", method=method, path=path) as action:
                t0 = time.perf_counter()
                status = handle(method, path, body)
                action.add_success_fields(status=status, duration_ms=round((time.perf_counter() - t0) * 1000, 3))
        except PumpFailure as e:
            log("critical", "tannery.pump", "vat pump failed, stopping liquor rounds", exc=e, path=path)
        except Exception:
            pass


if __name__ == "__main__":
    log("info", "tannery", "tannery service up", vats=len(VATS), hides=len(HIDES), seed=SEED)
    if MODE == "eliot":
        run_eliot()
    else:
        for i in range(N):
            serve(*request(i))
    log("info", "tannery", "client done", requests=N)
'''

JS_SERVICE = r'''// A tannery's service (hides, vats, bark, curriers), run in-process and hit by a seeded client.
const [MODE, SEED, N, FAULT] = [process.argv[2], +process.argv[3], +process.argv[4], +process.argv[5]];
function mulberry32(a) { return () => { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; }
const rnd = mulberry32(SEED);
const randint = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const choice = (xs) => xs[Math.floor(rnd() * xs.length)];
const pad = (n, w) => String(n).padStart(w, '0');
const HIDES = {}; for (let i = 1; i <= 40; i++) HIDES[`H-${pad(i, 4)}`] = { kind: choice(['cow', 'calf', 'goat', 'sheep']), kg: 3 + rnd() * 37 };
const VATS = {}; for (let i = 1; i <= 12; i++) VATS[`V-${pad(i, 2)}`] = { hides: randint(0, 12), liquorL: randint(200, 900) };
const CURRIERS = ['abel', 'ruth', 'tobias', 'nell', 'silas', 'ada'];
const BARK = { oak: 900, chestnut: 400, hemlock: 250, wattle: 120 };
class PumpFailure extends Error { constructor(m) { super(m); this.name = 'PumpFailure'; } }
class HttpError extends Error { constructor(status, m) { super(m); this.name = 'HttpError'; this.status = status; } }

let log;
if (MODE === 'winston-cli' || MODE === 'winston-logstash') {
  const winston = require('winston');
  const fmt = MODE === 'winston-cli' ? winston.format.cli() : winston.format.combine(winston.format.timestamp(), winston.format.logstash());
  const base = winston.createLogger({ level: 'debug', levels: { fatal: 0, error: 1, warn: 2, info: 3, debug: 4 }, format: fmt,
    transports: [new winston.transports.Console()] });
  winston.addColors({ fatal: 'magenta', error: 'red', warn: 'yellow', info: 'green', debug: 'blue' });
  log = (level, name, event, err, kw = {}) => {
    const text = MODE === 'winston-cli'
      ? `[${name}] ${event}${Object.keys(kw).length ? ' ' + Object.entries(kw).map(([k, v]) => `${k}=${v}`).join(' ') : ''}${err ? '\n' + err.stack : ''}`
      : event;
    base.log(level, text, MODE === 'winston-cli' ? {} : { logger: name, ...kw, ...(err ? { stack: err.stack } : {}) });
  };
} else if (MODE === 'log4js') {
  const log4js = require('log4js');
  log4js.configure({ appenders: { out: { type: 'stdout', layout: { type: 'basic' } } }, categories: { default: { appenders: ['out'], level: 'debug' } } });
  const cats = {};
  log = (level, name, event, err, kw = {}) => {
    const lg = cats[name] || (cats[name] = log4js.getLogger(name));
    const text = event + (Object.keys(kw).length ? ' ' + Object.entries(kw).map(([k, v]) => `${k}=${v}`).join(' ') : '');
    err ? lg[level](text, err) : lg[level](text);
  };
} else if (MODE === 'tslog') {
  const { Logger } = require('tslog');
  const root = new Logger({ type: 'pretty', name: 'tannery', stylePrettyLogs: false, hideLogPositionForProduction: false });
  const subs = {};
  log = (level, name, event, err, kw = {}) => {
    const lg = subs[name] || (subs[name] = root.getSubLogger({ name }));
    const text = event + (Object.keys(kw).length ? ' ' + Object.entries(kw).map(([k, v]) => `${k}=${v}`).join(' ') : '');
    err ? lg[level](text, err) : lg[level](text);
  };
}

function readTannin(raw) {
  const v = Number.parseFloat(raw);
  if (!(v > 0 && v < 14)) throw new RangeError(`tannin reading '${raw}' outside 0..14 pH`);
  return v;
}
function liquorPerHide(vatId) {
  const vat = VATS[vatId];
  if (vat.hides === 0) throw new Error(`vat ${vatId} holds no hides`);
  return vat.liquorL / vat.hides;
}
function drain(vatId, ms) {
  const t0 = Date.now(); while (Date.now() - t0 < ms) { /* the drain valve */ }
  if (ms > 4) { const e = new Error(`drain of ${vatId} exceeded 4 ms deadline`); e.name = 'TimeoutError'; throw e; }
}
function takeBark(kind, kg) {
  BARK[kind] -= kg;
  if (BARK[kind] < 60) log('warn', 'tannery.bark', 'bark stock low', null, { bark: kind, left_kg: BARK[kind].toFixed(1) });
  return BARK[kind];
}
function handle(method, path, body) {
  const parts = path.replace(/^\//, '').split('/');
  if (parts[0] === 'hides') {
    const hide = HIDES[parts[1]];
    if (!hide) throw new HttpError(404, `no hide ${parts[1]}`);
    if (method === 'DELETE') { delete HIDES[parts[1]]; return 204; }
    return hide.kg.toFixed(1).length > 3 ? 200 : 206;
  }
  if (parts[0] === 'vats' && parts[2] === 'liquor') {
    const ratio = liquorPerHide(parts[1]);
    const ph = readTannin(body);
    if (ph < 3.2) log('warn', 'tannery.vats', 'liquor too acid', null, { vat: parts[1], ph: ph.toFixed(2) });
    return ratio > 10 ? 200 : 422;
  }
  if (parts[0] === 'vats' && parts[2] === 'drain') { drain(parts[1], rnd() > 2 * FAULT ? 1 : 9); return 202; }
  if (parts[0] === 'bark') return takeBark(parts[1], Number(body)) > 0 ? 200 : 409;
  if (parts[0] === 'curriers') {
    if (!CURRIERS.includes(parts[1])) return 404;
    return rnd() < FAULT / 2 ? 503 : 200;
  }
  if (parts[0] === 'pump') throw new PumpFailure(`vat pump ${parts[1]} lost prime: pressure 0.0 bar`);
  return 404;
}
function request() {
  const r = rnd(), bad = rnd() < FAULT;
  if (r < 0.34) return [rnd() > 0.02 ? choice(Array(12).fill('GET').concat(['DELETE'])) : 'HEAD', `/hides/H-${pad(randint(1, bad ? 48 : 40), 4)}`, ''];
  if (r < 0.56) return ['POST', `/vats/V-${pad(randint(1, 12), 2)}/liquor`, bad ? choice(['x.9', '-1', '15']) : (2.8 + rnd() * 3.2).toFixed(2)];
  if (r < 0.66) return ['POST', `/vats/V-${pad(randint(1, 12), 2)}/drain`, ''];
  if (r < 0.84) return ['PUT', `/bark/${choice(Object.keys(BARK))}`, (5 + rnd() * 55).toFixed(1)];
  if (r < 0.995) return [rnd() > 0.01 ? 'GET' : 'PATCH', `/curriers/${choice(CURRIERS.concat(bad ? ['ezra'] : []))}/shift`, ''];
  return ['POST', `/pump/P-${randint(1, 3)}/prime`, ''];
}
function serve(method, path, body) {
  const t0 = process.hrtime.bigint();
  let status, err = null;
  try { status = handle(method, path, body); } catch (e) { err = e; status = e.status || (e.name === 'TimeoutError' ? 504 : 500); }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (err instanceof PumpFailure) log('fatal', 'tannery.pump', 'vat pump failed, stopping liquor rounds', err, { path });
  else if (err && status >= 500) log('error', 'tannery.app', `unhandled ${err.name} in ${method} ${path}`, err);
  else if (err) log('info', 'tannery.app', `not found: ${err.message}`, null, { path });
  log(status >= 500 ? 'error' : 'info', 'tannery.access', 'request', null, { method, path, status, duration_ms: ms.toFixed(3) });
}
log('info', 'tannery', 'tannery service up', null, { vats: 12, hides: 40, seed: SEED });
for (let i = 0; i < N; i++) serve(...request());
log('info', 'tannery', 'client done', null, { requests: N });
'''


def ensure_tools():
    cm.install_venv(VENV, "eliot-tree", PY_PACKAGES)
    if not (NPM / "node_modules" / "tslog").exists():
        NPM.mkdir(parents=True, exist_ok=True)
        cm.run("npm init -y >/dev/null && npm install --no-audit --no-fund " + " ".join(NPM_PACKAGES), cwd=NPM,
               timeout=600)


def _work(tmp: Path) -> Path:
    w = tmp / "tannery"
    if not w.exists():
        w.mkdir(parents=True)
        (w / "tannery.py").write_text(PY_SERVICE)
        (w / "tannery.js").write_text(JS_SERVICE)
    return w


# (kind tag, extractor, runs: (n requests, fault rate))
PY_RUNS = [
    ("structlog-logfmt", n_structlog_logfmt, [(8, 0.3), (40, 0.1), (140, 0.2), (420, 0.12)]),
    ("structlog-keyvalue", n_structlog_kv, [(10, 0.25), (60, 0.15), (300, 0.08)]),
    ("loguru-diagnose", n_loguru_diagnose, [(12, 0.1), (40, 0.15), (90, 0.2), (200, 0.06)]),
    ("ecs-logging-json", n_ecs, [(6, 0.3), (30, 0.15), (110, 0.1)]),
    ("logbook-log", n_logbook, [(10, 0.3), (70, 0.12), (220, 0.18), (500, 0.05)]),
]
ELIOT_RUNS = [(6, 0.3), (40, 0.15), (120, 0.2), (25, 0.4)]
JS_RUNS = [
    ("winston-cli", n_winston_cli, [(10, 0.3), (60, 0.15), (200, 0.2), (450, 0.08)]),
    ("winston-logstash", n_winston_logstash, [(8, 0.25), (50, 0.2), (220, 0.1)]),
    ("log4js", n_log4js, [(10, 0.3), (70, 0.12), (250, 0.2), (500, 0.06)]),
    ("tslog", n_tslog, [(6, 0.3), (40, 0.2), (150, 0.1), (300, 0.15)]),
]


def python_logs(tmp: Path) -> None:
    w = _work(tmp)
    py = VENV / "bin" / "python"
    for k, (mode, ext, runs) in enumerate(PY_RUNS):
        for j, (n, fault) in enumerate(runs):
            seed = SEED + 10 * k + j + 1
            args = f"tannery.py {mode} {seed} {n} {fault}"
            tail = " 2>&1" if mode in ("loguru-diagnose", "logbook-log") else ""
            _SIZED.cap(f"{mode}-{n}-{seed}", f"nice {py} {args}{tail}", w, ext, timeout=300,
                       typed=f"python {args}{tail}")


def eliot_logs(tmp: Path) -> None:
    w = _work(tmp)
    py, bindir = VENV / "bin" / "python", VENV / "bin"
    for j, (n, fault) in enumerate(ELIOT_RUNS):
        seed = SEED + 60 + j + 1
        log = f"tannery-{seed}.log"
        cm.run(f"nice {py} tannery.py eliot {seed} {n} {fault} {log}", cwd=w, timeout=300)
        if j != 3:
            _SIZED.cap(f"eliot-json-{n}-{seed}", f"cat {log}", w, n_eliot_json)
        _SIZED.cap(f"eliot-tree-{n}-{seed}", f"{bindir}/eliot-tree --color never {log}", w, n_eliot_tree,
                   typed=f"eliot-tree --color never {log}")
        if j != 0:
            _SIZED.cap(f"eliot-prettyprint-{n}-{seed}", f"{bindir}/eliot-prettyprint < {log}", w, n_eliot_pretty,
                       typed=f"eliot-prettyprint < {log}")


def node_logs(tmp: Path) -> None:
    w = _work(tmp)
    env = {"NODE_PATH": str(NPM / "node_modules")}
    for k, (mode, ext, runs) in enumerate(JS_RUNS):
        for j, (n, fault) in enumerate(runs):
            seed = SEED + 100 + 10 * k + j + 1
            args = f"tannery.js {mode} {seed} {n} {fault}"
            _SIZED.cap(f"{mode}-{n}-{seed}", f"nice node {args} 2>&1", w, ext, timeout=300, env=env,
                       typed=f"node {args} 2>&1")


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [python_logs, eliot_logs, node_logs], ID_PREFIX, DEFAULT_OUT,
                     TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
