"""Round 39, text shapes: crumbrelay's traces in other runtimes (a minified Node bundle with source maps off, Node's
AggregateError, Python's ExceptionGroup and faulthandler dump, a JVM trace with `Caused by` and `Suppressed`), its
order exports (CSV with quoted multi-line fields, a Latin-1 CSV read as UTF-8, tab-separated reports sorted and cut,
iconv failing on them), its log with JSON nested in the lines, `ps -ww` over long command lines, a one-line extended
SQL insert, tar -cv over missing files and an import script's stdout and stderr interleaved. Each extractor applies
NEEDLES.md's round 39 rule of its kind. Run through capture_wide39.py."""

from __future__ import annotations

import csv
import json
import os
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_data import FILE_LINE, EXC_LINE, categorical, num, python_exceptions, rule4, shape
from capture_more import groups, kind, mask, run, write_tree
from capture_wide39 import cap, exit_lines

ERRNAME = re.compile(r"^\s*(?:Uncaught )?[A-Z]\w*(?:Error|Exception)\b")


@kind("node-uncaught-minified", "test")
def n_node_minified(lines):
    """Rule 1/5: the 'file:line' location line, the error message line, the first 'at' frame; the EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^/\S+\.js:\d+$", ln):
            out.append(ln)
        if ERRNAME.match(ln) and not ln.startswith(" "):
            out.append(ln)
            for nx in lines[i + 1:i + 8]:
                if nx.strip().startswith("at "):
                    out.append(nx)
                    break
    return out + exit_lines(lines)


@kind("node-aggregate-error", "test")
def n_node_aggregate(lines):
    """Rule 1/5: every AggregateError line, every inner error's message line, the first 'at' frame under the top."""
    out, inside, first = [], False, True
    for i, ln in enumerate(lines):
        if "AggregateError" in ln:
            out.append(ln)
            if first:
                first = False
                for nx in lines[i + 1:i + 8]:
                    if nx.strip().startswith("at "):
                        out.append(nx)
                        break
        if "[errors]" in ln:
            inside = True
        elif inside and re.match(r"^\s+\w*Error: ", ln):
            out.append(ln)
    return out + exit_lines(lines)


def _strip_bars(ln: str) -> str:
    return re.sub(r"^[\s|+\-]*(?:\d+ -+)?[\s|+]*", "", ln)


@kind("python-exceptiongroup", "test")
def n_exception_group(lines):
    """Rule 1/5: every (Base)ExceptionGroup line, every sub-exception's exception line and innermost File line."""
    out = []
    for i, ln in enumerate(lines):
        s = _strip_bars(ln)
        if re.search(r"ExceptionGroup: .*\(\d+ sub-exceptions?\)", s):
            out.append(ln)
        elif EXC_LINE.match(s):
            for j in range(i - 1, max(-1, i - 7), -1):
                if FILE_LINE.match(_strip_bars(lines[j])):
                    out += [ln, lines[j]]
                    break
    return out + exit_lines(lines)


@kind("python-faulthandler", "test")
def n_faulthandler(lines):
    """Rule 1/5: the 'Fatal Python error' line, every thread header line and the first File line under each."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Fatal Python error"):
            out.append(ln)
        elif re.match(r"^(Current thread|Thread) 0x", ln):
            out.append(ln)
            for nx in lines[i + 1:i + 4]:
                if nx.strip().startswith("File "):
                    out.append(nx)
                    break
    return out + exit_lines(lines)


@kind("java-suppressed-caused-by", "test")
def n_java_suppressed(lines):
    """Rule 1/5: 'Exception in thread', every Caused by / Suppressed line, the first 'at' under the top and each Caused by."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(("Exception in thread", "Caused by:")):
            out.append(ln)
            for nx in lines[i + 1:i + 4]:
                if nx.strip().startswith("at "):
                    out.append(nx)
                    break
        elif s.startswith("Suppressed:"):
            out.append(ln)
    return out + exit_lines(lines)


def csv_records(lines: list[str]) -> tuple[str, list[tuple[str, dict]]]:
    """The header line and each record as (the physical line it starts on, {column: value})."""
    src = iter(lines)
    rd = csv.reader(src)
    header = next(rd)
    head_line = lines[0]
    rows, start = [], rd.line_num
    for rec in rd:
        if rec:
            rows.append((lines[start], dict(zip(header, rec))))
        start = rd.line_num
    return head_line, rows


def csv_rule4(lines):
    head, rows = csv_records(lines)
    cols = list(rows[0][1]) if rows else []
    nums = [c for c in cols if all(num(r.get(c)) is not None for _, r in rows)]
    cats = categorical(rows, [c for c in cols if c not in nums])
    return rule4(rows, cat=cats, nums=nums, header=[head])


@kind("csv-multiline-quoted", "table")
def n_csv_multiline(lines):
    """Rule 4 on the records (each given by its first physical line): header, rare categorical values, numeric extremes."""
    return csv_rule4(lines)


@kind("csv-latin1-replaced", "table")
def n_csv_latin1(lines):
    """Rule 4 on the rows of a Latin-1 CSV read as UTF-8: header, rare categorical values, numeric extremes."""
    return csv_rule4(lines)


def tsv_rule4(lines):
    rows_raw = [ln for ln in lines if "\t" in ln]
    cells = [ln.split("\t") for ln in rows_raw]
    width = max(len(c) for c in cells)
    numeric = [k for k in range(width) if sum(num(c[k]) is not None for c in cells if k < len(c)) > len(cells) * 0.8]
    header = [ln for ln, c in zip(rows_raw, cells) if numeric and all(num(c[k]) is None for k in numeric if k < len(c))]
    rows = [(ln, {str(k): v for k, v in enumerate(c)}) for ln, c in zip(rows_raw, cells) if ln not in header]
    cats = categorical(rows, [str(k) for k in range(width) if k not in numeric])
    return rule4(rows, cat=cats, nums=[str(k) for k in numeric], header=header)


@kind("tsv-sort-head", "table")
def n_tsv_sort(lines):
    """Rule 4 on the tab-separated rows kept: header if printed, rare categorical values, numeric extremes."""
    return tsv_rule4(lines)


@kind("cut-f-tsv", "table")
def n_cut_tsv(lines):
    """Rule 4 on the tab-separated rows: header, rare categorical values, numeric extremes."""
    return tsv_rule4(lines)


@kind("iconv-error", "log")
def n_iconv(lines):
    """Rule 1/5: the iconv error line, the last line printed before it, the EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if "iconv: " in ln:
            out.append(ln)
            prev = [p for p in lines[:i] if p.strip()]
            out += prev[-1:]
    return out + exit_lines(lines)


LOGLINE = re.compile(r"^\S+ \S+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) (\S+) (.*)$")


@kind("log-nested-json", "log")
def n_log_json(lines):
    """Rule 1 (ERROR/CRITICAL lines, tracebacks, WARNING groups per logger and shape) and rule 4 on the JSON status."""
    out = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b", ln)] + python_exceptions(lines)
    warn, rows = [], []
    for ln in lines:
        m = LOGLINE.match(ln)
        if not m:
            continue
        msg = m.group(3)
        payload = {}
        if "{" in msg:
            try:
                payload = json.loads(msg[msg.index("{"):])
            except ValueError:
                payload = {}
            msg = msg[:msg.index("{")]
        if m.group(1) == "WARNING":
            warn.append(((m.group(2), mask(msg)), ln))
        if isinstance(payload, dict) and ("status" in payload or "code" in payload):
            rows.append((ln, {"status": str(payload.get("status", payload.get("code")))}))
    return out + groups(warn) + rule4(rows, cat=["status"])


@kind("ps-ww-args", "listing")
def n_ps_ww(lines):
    """Rule 4: header, rows whose program (basename of args' first word) is rare, extremes of rss and etimes."""
    rows = []
    for ln in lines[1:]:
        parts = ln.split(None, 4)
        if len(parts) == 5 and parts[0].isdigit():
            rows.append((ln, {"prog": os.path.basename(parts[4].split()[0]), "rss": parts[3], "etimes": parts[2]}))
    return rule4(rows, cat=["prog"], nums=["rss", "etimes"], header=lines[:1])


@kind("sql-extended-insert", "data")
def n_sql_insert(lines):
    """Rule 5: every CREATE TABLE line and every INSERT INTO line (its first 200 characters)."""
    return [ln for ln in lines if ln.startswith(("CREATE TABLE", "INSERT INTO"))]


@kind("tar-cv-missing", "build")
def n_tar_missing(lines):
    """Rule 1/3: every 'tar: …' line, the EXIT= line."""
    return [ln for ln in lines if ln.startswith("tar: ")] + exit_lines(lines)


@kind("py-stdout-stderr-mixed", "log")
def n_py_mixed(lines):
    """Rule 1 (error lines, tracebacks, warnings per category and shape) and rule 3 (the closing summary line)."""
    out = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b|^error:", ln)] + python_exceptions(lines)
    warn = []
    for ln in lines:
        m = re.search(r"(\w+Warning): (.*)$", ln)
        if m:
            warn.append(((m.group(1), mask(m.group(2))), ln))
        elif re.search(r"\bWARNING\b", ln):
            warn.append((("WARNING", mask(ln.split("WARNING", 1)[1])), ln))
    summary = [ln for ln in lines if re.match(r"^(done|summary)\b", ln)]
    return out + groups(warn) + summary[-1:] + exit_lines(lines)


# ------------------------------------------------------------------ traces of other runtimes

def minified_bundle(seed: int, n: int, bug: str) -> str:
    rnd = random.Random(seed)
    fns = []
    for k in range(n):
        a, b = rnd.choice("abcdefghijklmn"), rnd.choice("opqrstuvwxyz")
        fns.append(f"function {a}{k}({a},{b}){{var c={rnd.randint(1, 99)};for(var i=0;i<{a}.length;i++)"
                   f"c+=({a}[i]|0)*{b}+{rnd.randint(1, 9)};return c%{rnd.randint(100, 999)}}}")
    return ("\"use strict\";(function(){" + "".join(fns) + "var Q={shops:[{id:1,name:\"harbour\"},{id:2}],"
            "ovens:null};function R(e){return e.ovens.map(function(o){return o.temp})}function S(e){return "
            "e.shops.map(function(s){return s.name.toUpperCase()})}" + bug + "})();\n")


AGG = r"""const mirrors = ["https://a.mirror.crumb.local", "https://b.mirror.crumb.local", "https://c.mirror.crumb.local"];
function fetchMenu(url, i) {
  return new Promise((_, reject) => setTimeout(() => {
    const e = new Error(`mirror ${url} refused: ${["ECONNREFUSED", "ETIMEDOUT", "HTTP 503"][i]}`);
    e.code = ["ECONNREFUSED", "ETIMEDOUT", "E503"][i];
    reject(e);
  }, 5 * (i + 1)));
}
async function loadMenu() { return Promise.any(mirrors.map(fetchMenu)); }
loadMenu().then((m) => console.log("menu", m));
"""

TASKGROUP = r"""import asyncio, random
rnd = random.Random(3905)
OVENS = {f"oven-{k}": rnd.choice([200, 220, None, 240, "hot"]) for k in range(9)}
async def preheat(name, target):
    await asyncio.sleep(0.01)
    if target is None:
        raise LookupError(f"{name}: no target temperature")
    if isinstance(target, str):
        raise TypeError(f"{name}: target must be a number, got {target!r}")
    if target > 230:
        raise ValueError(f"{name}: {target} C is above the 230 C limit")
    return target
async def zone(ovens):
    async with asyncio.TaskGroup() as tg:
        for n, t in ovens:
            tg.create_task(preheat(n, t))
async def main():
    items = list(OVENS.items())
    async with asyncio.TaskGroup() as tg:
        tg.create_task(zone(items[:3]))
        tg.create_task(zone(items[3:6]))
        tg.create_task(zone(items[6:]))
asyncio.run(main())
"""

EXCEPT_STAR = r"""import json
class BatchError(Exception):
    pass
def validate(order):
    errs = []
    if order["qty"] <= 0:
        errs.append(ValueError(f"order {order['id']}: qty {order['qty']} must be positive"))
    if order["sku"] not in ("B100", "B200", "B300"):
        errs.append(KeyError(f"order {order['id']}: unknown sku {order['sku']}"))
    if errs:
        raise ExceptionGroup(f"order {order['id']} invalid", errs)
def run(orders):
    problems = []
    for o in orders:
        try:
            validate(o)
        except* ValueError as eg:
            problems.append(eg)
            raise
        except* KeyError as eg:
            problems.append(eg)
    return problems
orders = [{"id": 1040 + k, "qty": (k % 4) - 1, "sku": ["B100", "B200", "B999", "B300"][k % 4]} for k in range(12)]
try:
    run(orders)
except* ValueError as eg:
    raise BatchError(f"{len(eg.exceptions)} orders rejected") from eg
"""

FAULT = r"""import ctypes, faulthandler, threading, time
faulthandler.enable()
def oven_poller(n):
    while True:
        time.sleep(0.05 * n)
def relay_loop():
    time.sleep(0.2)
    ctypes.string_at(0)
for k in range(1, 5):
    threading.Thread(target=oven_poller, args=(k,), name=f"poller-{k}", daemon=True).start()
relay_loop()
"""

JAVA = r"""import java.io.*;
import java.util.*;

public class Relay {
    static class OvenLink implements AutoCloseable {
        final String name;
        OvenLink(String name) { this.name = name; }
        void send(String order) throws IOException {
            if (order.contains("x0")) throw new IOException("oven " + name + " rejected empty order: " + order);
        }
        @Override public void close() throws IOException {
            throw new IOException("oven " + name + ": RS-485 bus did not release (line 3 held low)");
        }
    }
    static void dispatch(List<String> orders) throws IOException {
        try (OvenLink a = new OvenLink("deck-2"); OvenLink b = new OvenLink("rack-5")) {
            for (String o : orders) { a.send(o); b.send(o); }
        }
    }
    static int parseQty(String o) {
        try {
            return Integer.parseInt(o.substring(o.indexOf('x') + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad quantity in '" + o + "'", e);
        }
    }
    public static void main(String[] args) throws Exception {
        List<String> orders = new ArrayList<>();
        Random r = new Random(3906);
        for (int i = 0; i < 20; i++) orders.add("ORD-" + (1000 + r.nextInt(9000)) + " rye x" + r.nextInt(30));
        orders.add("ORD-1077 rye x0");
        orders.add("ORD-1078 rye xtwo");
        try {
            for (String o : orders) parseQty(o);
        } catch (IllegalArgumentException e) {
            System.err.println("WARN qty check: " + e.getMessage());
        }
        try {
            dispatch(orders);
        } catch (IOException e) {
            throw new IllegalStateException("dispatch of " + orders.size() + " orders failed",
                new RuntimeException("relay batch 42 aborted", e));
        }
    }
}
"""


def traces(tmp: Path) -> None:
    root = tmp / "crumbrelay"
    files = {
        "dist/relay.min.js": minified_bundle(3907, 60, "console.log(S(Q).join(\",\"));console.log(R(Q));"),
        "dist/worker.min.js": minified_bundle(3908, 140, "var T=function(e){return e.shops[0].name.trim()};"
                                               "setTimeout(function(){console.log(T({shops:[{id:9}]}))},5);"),
        "js/menu.js": AGG, "py/preheat.py": TASKGROUP, "py/validate.py": EXCEPT_STAR, "py/crash.py": FAULT,
        "java/Relay.java": JAVA,
    }
    write_tree(root, files)
    cap("node-minified-relay-echo-exit", "node dist/relay.min.js; echo EXIT=$?", root, n_node_minified)
    cap("node-minified-worker-tail-25", "node dist/worker.min.js 2>&1 | tail -25", root, n_node_minified)
    cap("node-aggregate-error-menu", "node js/menu.js", root, n_node_aggregate)
    cap("python-taskgroup-preheat", "python3 py/preheat.py", root, n_exception_group)
    cap("python-except-star-validate-exit", "python3 py/validate.py; echo EXIT=$?", root, n_exception_group)
    cap("python-faulthandler-crash", "python3 py/crash.py; echo EXIT=$?", root, n_faulthandler)
    cap("java-relay-suppressed", "cd java && java Relay.java 2>&1; echo EXIT=$?", root, n_java_suppressed)


# ------------------------------------------------------------------ exports, encodings, logs, processes

SHOPS = ["harbour", "mill", "canal", "cler", "station", "market"]
ITEMS = ["sourdough", "baguette", "croissant", "rye", "brioche", "focaccia", "bagel", "scone"]


def exports(tmp: Path) -> None:
    root = tmp / "crumbrelay" / "exports"
    root.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(3909)
    for name, n in (("orders-notes.csv", 260), ("complaints.csv", 90)):
        with open(root / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["order_id", "shop", "item", "qty", "total_eur", "status", "note"])
            for k in range(n):
                note = rnd.choice(["", "leave at back door", 'ask for "Marie", not the manager',
                                   "allergy: sesame\nno seeds on top\nsee ticket #88", "late, again,\ncall before 7",
                                   "ok"])
                status = "refunded" if k in (17, 140) else rnd.choice(["delivered"] * 8 + ["late"])
                w.writerow([f"ORD-{1000 + k}", rnd.choice(SHOPS), rnd.choice(ITEMS), rnd.randint(1, 40),
                            f"{rnd.uniform(2, 300):.2f}", status, note])
    cap("cat-orders-notes-csv", "cat orders-notes.csv", root, n_csv_multiline)
    cap("head-complaints-csv-200", "head -200 complaints.csv", root, n_csv_multiline)
    names = ["Chloé Durand", "François Lefèvre", "Zoë Müller", "Søren Ødegård", "José Nuñez", "Anaïs Béranger",
             "Ana García", "Björn Åström", "Renée Côté", "Jürgen Groß"]
    rows = ["customer;city;visits;spent_eur;tier"]
    for k in range(220):
        rows.append(f"{rnd.choice(names)};{rnd.choice(['Lyon', 'Genève', 'Zürich', 'Malmö', 'Köln'])};"
                    f"{rnd.randint(1, 90)};{rnd.uniform(5, 900):.2f};"
                    f"{'platinum' if k == 33 else rnd.choice(['bronze'] * 6 + ['silver'])}")
    (root / "customers-latin1.csv").write_bytes("\n".join(rows).replace(";", ",").encode("latin-1") + b"\n")
    cap("cat-customers-latin1", "cat customers-latin1.csv", root, n_csv_latin1)
    tsv = ["date\tshop\titem\tqty\trevenue_eur\toven"]
    for k in range(400):
        tsv.append(f"2026-11-{1 + k % 30:02d}\t{rnd.choice(SHOPS)}\t{rnd.choice(ITEMS)}\t{rnd.randint(1, 80)}\t"
                   f"{rnd.uniform(3, 600):.2f}\t{'oven-9' if k == 211 else rnd.choice(['oven-1', 'oven-2'])}")
    (root / "sales.tsv").write_text("\n".join(tsv) + "\n")
    cap("sort-tsv-revenue-head-60", "bash -c \"sort -t$'\\t' -k5,5nr sales.tsv | head -60\"", root, n_tsv_sort,
        typed="sort -t$'\\t' -k5,5nr sales.tsv | head -60")
    cap("cut-f-sales-tsv", "cut -f1,2,4,6 sales.tsv", root, n_cut_tsv)
    notes = [f"{rnd.choice(names)} ordered {rnd.randint(1, 9)} {rnd.choice(ITEMS)} for {rnd.choice(['Lyon', 'Köln'])}"
             for _ in range(60)]
    notes[:12] = [f"plain ascii note {k}: {rnd.choice(ITEMS)} x{rnd.randint(1, 9)}" for k in range(12)]
    (root / "notes.txt").write_text("\n".join(notes) + "\n")
    cap("iconv-ascii-notes-echo-exit", "iconv -f UTF-8 -t ASCII notes.txt; echo EXIT=$?", root, n_iconv)


def logs(tmp: Path) -> None:
    root = tmp / "crumbrelay"
    (root / "logs").mkdir(parents=True, exist_ok=True)
    rnd = random.Random(3910)
    out, t = [], 1764489600
    for k in range(520):
        t += rnd.randint(1, 20)
        ts = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t))
        r = rnd.random()
        if k in (140, 388):
            out.append(f"{ts},{k:03d} ERROR crumbrelay.ovens dispatch failed "
                       + json.dumps({"order": f"ORD-{1000 + k}", "oven": "deck-2", "status": 502,
                                     "error": {"type": "BusTimeout", "after_ms": 1500, "retries": [250, 500, 750]}}))
            out += ["Traceback (most recent call last):",
                    '  File "/srv/crumbrelay/relay/ovens.py", line 88, in dispatch',
                    "    frame = self.bus.request(order.frame(), timeout=1.5)",
                    '  File "/srv/crumbrelay/relay/bus.py", line 41, in request',
                    "    raise BusTimeout(f'no reply from {self.port} after {timeout}s')",
                    "relay.bus.BusTimeout: no reply from /dev/ttyUSB1 after 1.5s"]
        elif r < 0.08:
            out.append(f"{ts},{k:03d} WARNING crumbrelay.{rnd.choice(['api', 'ovens'])} slow "
                       f"{rnd.choice(['request', 'preheat'])} "
                       + json.dumps({"ms": rnd.randint(800, 4000), "status": 200, "path": "/orders"}))
        else:
            status = 409 if k == 301 else 429 if k == 455 else rnd.choice([200, 200, 200, 201])
            out.append(f"{ts},{k:03d} INFO crumbrelay.api request "
                       + json.dumps({"method": rnd.choice(["GET", "POST"]), "path": f"/orders/{1000 + k}",
                                     "status": status, "ms": rnd.randint(3, 300),
                                     "shop": {"id": rnd.randint(1, 6), "name": rnd.choice(SHOPS)},
                                     "items": [{"sku": f"B{rnd.randint(100, 999)}", "qty": rnd.randint(1, 9)}
                                               for _ in range(rnd.randint(1, 3))]}))
    (root / "logs" / "relay.log").write_text("\n".join(out) + "\n")
    cap("cat-relay-log-json", "cat logs/relay.log", root, n_log_json)
    cap("grep-relay-log-warn-error", "grep -E -A6 'WARNING|ERROR' logs/relay.log | tail -n 80", root, n_log_json)


IMPORT = r"""import logging, random, sys, warnings
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("importer")
rnd = random.Random(3911)
ok = skipped = failed = 0
for k in range(260):
    oid = f"ORD-{2000 + k}"
    print(f"[{k + 1:3d}/260] {oid} {rnd.choice(['rye', 'bagel', 'scone', 'brioche'])} x{rnd.randint(1, 30)} ... ", end="")
    if k % 37 == 5:
        warnings.warn(f"{oid}: price missing, using list price", UserWarning)
        print("ok (list price)")
        ok += 1
    elif k % 53 == 17:
        log.warning("%s: shop %s unknown, skipped", oid, rnd.choice(["S9", "S12"]))
        print("skipped")
        skipped += 1
    elif k in (101, 202):
        try:
            int("x" + str(k))
        except ValueError:
            log.exception("%s: quantity field unreadable", oid)
        print("FAILED")
        failed += 1
    else:
        print("ok")
        ok += 1
if rnd.random() < 2:
    warnings.warn("the legacy csv dialect is deprecated", DeprecationWarning, stacklevel=1)
print(f"done: {ok} imported, {skipped} skipped, {failed} failed")
"""


def processes(tmp: Path) -> None:
    root = tmp / "crumbrelay"
    write_tree(root, {"tools/import_orders.py": IMPORT})
    cap("python-import-orders-2-1", "python3 -W always tools/import_orders.py 2>&1", root, n_py_mixed)
    cap("python-import-orders-2-1-tail-70", "python3 -W always tools/import_orders.py 2>&1 | tail -70", root,
        n_py_mixed)
    # the tar of a release that names files not there: names on stdout, errors on stderr
    (root / "release").mkdir(exist_ok=True)
    for k in range(60):
        (root / "release" / f"menu_{k:02d}.json").write_text("{}\n")
    cap("tar-cvf-missing-echo-exit", "tar -cvf /tmp/hm-corpus-wide39/rel.tar release dist/relay.min.js "
        "dist/relay.min.js.map config/prod.env logs; echo EXIT=$?", root, n_tar_missing)
    # long command lines: relay workers started with long argument lists
    rnd = random.Random(3912)
    procs = []
    for k in range(9):
        args = " ".join(f"--oven=deck-{j}:{rnd.randint(180, 240)}C" for j in range(rnd.randint(8, 30)))
        procs.append(cm.start(f"exec python3 -c 'import time; time.sleep(120)' relay-worker-{k} --shop="
                              f"{rnd.choice(SHOPS)} {args} --menu=/srv/crumbrelay/menus/2026-11/{'x' * 40}.json",
                              cwd=root))
    procs.append(cm.start("exec sleep 120", cwd=root))
    time.sleep(1.5)
    pids = ",".join(str(p.pid) for p in procs)
    cap("ps-o-args-ww-workers", f"ps -ww -o pid,ppid,etimes,rss,args -p {pids}", root, n_ps_ww)
    for p in procs:
        p.kill()
        p.wait()
    # a one-line extended insert per table, written by sqlite3 itself
    db = root / "orders.db"
    stmts = ["CREATE TABLE orders(id TEXT PRIMARY KEY, shop TEXT, item TEXT, qty INT, note TEXT);",
             "CREATE TABLE shops(id INT PRIMARY KEY, name TEXT, city TEXT);"]
    for k in range(700):
        stmts.append(f"INSERT INTO orders VALUES('ORD-{3000 + k}','{rnd.choice(SHOPS)}','{rnd.choice(ITEMS)}',"
                     f"{rnd.randint(1, 40)},'{rnd.choice(['', 'back door', 'sesame allergy', 'call first'])}');")
    for k, s in enumerate(SHOPS):
        stmts.append(f"INSERT INTO shops VALUES({k + 1},'{s}','{rnd.choice(['Lyon', 'Köln'])}');")
    (root / "seed.sql").write_text("\n".join(stmts) + "\n")
    run("sqlite3 orders.db < seed.sql", cwd=root)
    q = ("SELECT sql || ';' FROM sqlite_master WHERE type='table'; "
         "SELECT 'INSERT INTO shops VALUES ' || group_concat(printf('(%d,%Q,%Q)', id, name, city), ',') || ';' "
         "FROM shops; SELECT 'INSERT INTO orders VALUES ' || group_concat(printf('(%Q,%Q,%Q,%d,%Q)', id, shop, "
         "item, qty, note), ',') || ';' FROM orders;")
    run(f'sqlite3 orders.db "{q}" > dump-extended.sql', cwd=root)
    cap("cat-dump-extended-sql", "cat dump-extended.sql", root, n_sql_insert)


STEPS = [traces, exports, logs, processes]
