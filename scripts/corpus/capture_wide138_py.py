"""Round 138, Python and Node: `ledger`, an event ledger (a seeded generator writes its event types) that keeps every
event in a module-level history and dedups in quadratic time, run under pprofile and read with guppy3's heap
summaries and objgraph's type counts; `routes`, a Node tile router that memoises into a map it never trims and
matches paths by a backtracking regex, run with `--cpu-prof` / `--heap-prof` and its profiles summarised by a script
of the round's own. Run through capture_wide138.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide138 import VENV, cap

EXIT = re.compile(r"^EXIT=\d+$")
HOT = 10.0


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


# ------------------------------------------------------------------ the Python program

EVENT_TYPES = ["Deposit", "Withdrawal", "Transfer", "FeeCharged", "InterestPosted", "Reversal", "HoldPlaced",
               "HoldReleased", "Chargeback", "StatementCut"]


def ledger_py(seed: int) -> str:
    rng = random.Random(seed)
    out = ['"""ledger: an in-memory event ledger."""', "import hashlib", "import json", "", "HISTORY = []  # every event ever seen, never trimmed",
           "LISTENERS = {}", "", "", "class LedgerEvent:", "    __slots__ = ('account', 'amount', 'ref', 'meta')", "",
           "    def __init__(self, account, amount, ref, meta):",
           "        self.account, self.amount, self.ref, self.meta = account, amount, ref, meta", "", "",
           "class Account:", "    def __init__(self, name):", "        self.name = name", "        self.events = []",
           "        self.balance = 0", "", ""]
    for t in EVENT_TYPES:
        fee = rng.choice([0, 1, 2, 5])
        out += [f"class {t}(LedgerEvent):", "    def apply(self, acct):",
                f"        acct.balance += self.amount - {fee}", "        acct.events.append(self)", "", ""]
    out += ["def digest(ev):", "    return hashlib.sha1(json.dumps([ev.account, ev.amount, ev.ref]).encode()).hexdigest()", "", "",
            "def dedup(events):", "    seen = []", "    unique = []", "    for ev in events:",
            "        d = digest(ev)", "        if d not in seen:  # a list: quadratic", "            seen.append(d)",
            "            unique.append(ev)", "    return unique", "", "",
            "def replay(n, seed=7):", "    import random", "    rng = random.Random(seed)",
            "    accounts = {f'acct-{i:03d}': Account(f'acct-{i:03d}') for i in range(40)}",
            "    kinds = [" + ", ".join(EVENT_TYPES) + "]", "    batch = []",
            "    for i in range(n):", "        cls = kinds[i % len(kinds)]",
            "        ev = cls(f'acct-{rng.randrange(40):03d}', rng.randrange(-500, 500), f'r{rng.randrange(n // 2)}', {'i': i, 'tag': 'x' * (i % 30)})",
            "        HISTORY.append(ev)", "        batch.append(ev)", "        if len(batch) == 400:",
            "            for e in dedup(batch):", "                e.apply(accounts[e.account])", "            batch = []",
            "        LISTENERS.setdefault(ev.account, []).append(lambda e=ev: e.amount)",
            "    return accounts", "", "",
            "if __name__ == '__main__':", "    import sys", "    accts = replay(int(sys.argv[1]) if len(sys.argv) > 1 else 6000)",
            "    print('ledger:', len(HISTORY), 'events,', sum(a.balance for a in accts.values()), 'net')", ""]
    return "\n".join(out)


HEAPY = """import sys
import ledger
from guppy import hpy
h = hpy()
h.setrelheap()
ledger.replay(int(sys.argv[1]))
heap = h.heap()
print(heap)
for view in sys.argv[2:]:
    print()
    print(getattr(heap, view))
"""

OBJCOUNT = """import sys
import objgraph
import ledger
ledger.replay(int(sys.argv[1]))
objgraph.show_most_common_types(limit=int(sys.argv[2]), shortnames=sys.argv[3] == 'short')
for name in ['LedgerEvent', 'Deposit', 'Transfer', 'Account', 'function']:
    print(f'objgraph.count({name!r}) = {objgraph.count(name)}')
print(f'objgraph.by_type("Chargeback")[:1] = {objgraph.by_type("Chargeback")[:1]!r}'[:120])
"""


@cm.kind("pprofile", "table")
def n_pprofile(lines):
    """Rule 5 on pprofile: the Total duration: line, the File: and File duration: lines of every file whose duration is at least 10%, the column header row, every source line whose % is at least 10%; an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("Total duration:") or ln.startswith("Line #|")]
    for i, ln in enumerate(lines):
        m = re.match(r"^File duration: .*\(([\d.]+)%\)", ln)
        if m and float(m.group(1)) >= HOT:
            out.append(ln)
            if i and lines[i - 1].startswith("File:"):
                out.append(lines[i - 1])
        parts = ln.split("|")
        if len(parts) >= 6 and parts[0].strip().isdigit():
            m = re.match(r"^\s*([\d.]+)%$", parts[4])
            if m and float(m.group(1)) >= HOT:
                out.append(ln)
    return out + _exit(lines)


PROGRAM_CLASS = re.compile(r"\b(__main__|ledger)\.")


@cm.kind("guppy3-heap", "table")
def n_guppy(lines):
    """Rules 4+5 on guppy3 heap summaries: every `Partition of a set of N objects` line, the column header row, the first row (index 0) of each table, every row whose Kind names a class of the program (ledger. or __main__.); an EXIT=N line."""
    out = []
    for ln in lines:
        if ln.startswith("Partition of a set of") or re.match(r"^\s*Index\s+Count\s+%", ln):
            out.append(ln)
        elif re.match(r"^\s+0\s+\d+\s+\d+", ln):
            out.append(ln)
        elif re.match(r"^\s+\d+\s+\d+\s+\d+", ln) and PROGRAM_CLASS.search(ln):
            out.append(ln)
    return out + _exit(lines)


PROGRAM_TYPES = {"LedgerEvent", "Account", *EVENT_TYPES}


@cm.kind("objgraph-most-common", "table")
def n_objgraph_common(lines):
    """Rules 4+5 on objgraph.show_most_common_types: the first and last rows, every row naming a type the program defines, every objgraph.count / by_type line the program printed; an EXIT=N line."""
    rows = [ln for ln in lines if re.match(r"^\S+\s+\d+$", ln)]
    out = rows[:1] + rows[-1:]
    out += [ln for ln in rows if ln.split()[0].rsplit(".", 1)[-1] in PROGRAM_TYPES]
    out += [ln for ln in lines if ln.startswith("objgraph.")]
    return out + _exit(lines)


def cap_pprofile(tmp: Path) -> None:
    d = tmp / "ledger"
    write_tree(d, {"ledger.py": ledger_py(1382), "heapy.py": HEAPY, "objcount.py": OBJCOUNT})
    py = VENV / "bin" / "python"
    cap("pprofile-include-ledger", f"{VENV}/bin/pprofile --include ledger.py ledger.py 2500", d, n_pprofile,
        typed="pprofile --include ledger.py ledger.py 2500")
    enc = "/usr/lib/python3.11/json/encoder.py"
    cap("pprofile-include-json-echo", f"{VENV}/bin/pprofile --include ledger.py --include {enc} ledger.py 1500; echo EXIT=$?",
        d, n_pprofile, typed=f"pprofile --include ledger.py --include {enc} ledger.py 1500; echo EXIT=$?")
    cap("guppy3-heap-byrcs-bytype", f"{py} heapy.py 4000 byrcs bytype", d, n_guppy,
        typed="python heapy.py 4000 byrcs bytype")
    cap("guppy3-heap-byvia-bysize-echo", f"{py} heapy.py 3000 byvia bysize; echo EXIT=$?", d, n_guppy,
        typed="python heapy.py 3000 byvia bysize; echo EXIT=$?")
    cap("objgraph-most-common-50", f"{py} objcount.py 5000 50 short", d, n_objgraph_common,
        typed="python objcount.py 5000 50 short")
    cap("objgraph-most-common-long-names", f"{py} objcount.py 2000 120 long", d, n_objgraph_common,
        typed="python objcount.py 2000 120 long")


# ------------------------------------------------------------------ Node

def routes_js(seed: int) -> str:
    rng = random.Random(seed)
    layers = [f"{rng.choice(['osm', 'sat', 'terrain', 'hybrid', 'transit'])}{i}" for i in range(12)]
    fns = []
    for i, layer in enumerate(layers):
        w = rng.choice([200, 400, 800, 1600])
        fns.append(f"""function render_{layer}(z, x, y) {{
  const buf = [];
  for (let i = 0; i < {w}; i++) buf.push((x * 31 + y * 17 + z + i) & 255);
  return Buffer.from(buf);
}}
""")
    return ("'use strict';\n// routes: a tile router\nconst MEMO = new Map(); // never trimmed\n"
            "const ROUTE = /^\\/tiles\\/([a-z0-9]+)+\\/(\\d+)\\/(\\d+)\\/(\\d+)\\.png$/;\n\n"
            + "\n".join(fns)
            + "const RENDER = [" + ", ".join(f"render_{x}" for x in layers) + "];\n\n"
            "function match(path) {\n  return ROUTE.exec(path);\n}\n\n"
            "function slugify(s) {\n  let out = '';\n  for (const ch of s) out += ch.toLowerCase().replace(/[^a-z0-9]/g, '-');\n  return out;\n}\n\n"
            "function handle(i) {\n  const layer = i % RENDER.length;\n"
            "  const path = i % 50 === 0 ? '/tiles/' + 'a'.repeat(16) + '!/1/2/3.png' : `/tiles/l${layer}/${i % 15}/${i % 97}/${i % 89}.png`;\n"
            "  const m = match(path);\n  const key = slugify(path) + ':' + i;\n"
            "  const tile = RENDER[layer](i % 15, i % 97, i % 89);\n  MEMO.set(key, { tile, m, at: Date.now() });\n"
            "  return tile.length;\n}\n\n"
            "let total = 0;\nconst n = Number(process.argv[2] || 20000);\nfor (let i = 0; i < n; i++) total += handle(i);\n"
            "console.log(`routes: ${n} requests, ${total} bytes, memo ${MEMO.size}`);\n")


SUMMARY_JS = r"""'use strict';
// summarise a .cpuprofile or .heapprofile written by node --cpu-prof / --heap-prof
const fs = require('fs');
const path = require('path');
const file = process.argv[2];
const top = Number(process.argv[3] || 40);
const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
const where = (cf) => `${cf.functionName || '(anonymous)'} (${cf.url ? path.basename(cf.url) : '<native>'}:${cf.lineNumber + 1})`;
const pad = (s, n) => String(s).padStart(n);
if (prof.nodes) {
  const byId = new Map(prof.nodes.map((nd) => [nd.id, nd]));
  const self = new Map();
  for (const id of prof.samples) self.set(id, (self.get(id) || 0) + 1);
  const dt = (prof.endTime - prof.startTime) / 1000 / prof.samples.length;
  const agg = new Map();
  const total = (nd) => (self.get(nd.id) || 0) + (nd.children || []).reduce((a, c) => a + total(byId.get(c)), 0);
  for (const nd of prof.nodes) {
    const k = where(nd.callFrame);
    const a = agg.get(k) || { self: 0, total: 0 };
    a.self += self.get(nd.id) || 0;
    a.total = Math.max(a.total, total(nd));
    agg.set(k, a);
  }
  const n = prof.samples.length;
  console.log(`CPU profile ${path.basename(file)}: ${n} samples over ${((prof.endTime - prof.startTime) / 1000).toFixed(1)} ms`);
  console.log(`${pad('self ms', 9)} ${pad('self%', 7)} ${pad('total ms', 9)} ${pad('total%', 7)}  function (file:line)`);
  const rows = [...agg.entries()].sort((a, b) => b[1].self - a[1].self).slice(0, top);
  for (const [k, a] of rows) {
    console.log(`${pad((a.self * dt).toFixed(1), 9)} ${pad((100 * a.self / n).toFixed(1) + '%', 7)} ${pad((a.total * dt).toFixed(1), 9)} ${pad((100 * a.total / n).toFixed(1) + '%', 7)}  ${k}`);
  }
} else {
  const agg = new Map();
  let sum = 0;
  const walk = (nd) => {
    const k = where(nd.callFrame);
    agg.set(k, (agg.get(k) || 0) + nd.selfSize);
    sum += nd.selfSize;
    (nd.children || []).forEach(walk);
  };
  walk(prof.head);
  console.log(`Heap profile ${path.basename(file)}: ${(sum / 1024).toFixed(1)} KB sampled in ${prof.samples.length} samples`);
  console.log(`${pad('self KB', 10)} ${pad('self%', 7)}  allocation site (file:line)`);
  const rows = [...agg.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`${pad((v / 1024).toFixed(1), 10)} ${pad((100 * v / sum).toFixed(1) + '%', 7)}  ${k}`);
}
"""

PCT = re.compile(r"([\d.]+)%")


def _node_summary(lines):
    out = [ln for ln in lines if ln.startswith(("CPU profile ", "Heap profile ")) or re.match(r"^\s*self (ms|KB)\s", ln)]
    for ln in lines:
        pcts = [float(p) for p in PCT.findall(ln.split("  (")[0])[:2]]
        if pcts and re.match(r"^\s*[\d.]+\s+[\d.]+%", ln) and max(pcts) >= HOT:
            out.append(ln)
    return out + _exit(lines)


n_node_cpu = cm.named("node-cpuprofile-summary", "table",
                      "Rules 3+5 on a Node .cpuprofile summarised: the totals line, the column header row, every function row whose self or total percentage is at least 10%; an EXIT=N line.",
                      _node_summary)
n_node_heap = cm.named("node-heapprofile-summary", "table",
                       "Rules 3+5 on a Node .heapprofile summarised: the totals line, the column header row, every allocation-site row whose self percentage is at least 10%; an EXIT=N line.",
                       _node_summary)


def cap_node(tmp: Path) -> None:
    d = tmp / "routes"
    write_tree(d, {"routes.js": routes_js(1383), "summary.js": SUMMARY_JS})
    cm.run("rm -rf cpu heap && node --cpu-prof --cpu-prof-dir=cpu routes.js 60000 && "
           "node --cpu-prof --cpu-prof-dir=cpu --cpu-prof-interval 200 routes.js 20000 && "
           "node --heap-prof --heap-prof-dir=heap --heap-prof-interval 65536 routes.js 60000 && "
           "node --heap-prof --heap-prof-dir=heap --heap-prof-interval 4096 routes.js 15000", cwd=d, timeout=600)
    cpus = sorted((d / "cpu").glob("*.cpuprofile"))
    heaps = sorted((d / "heap").glob("*.heapprofile"))
    if len(cpus) >= 2:
        cap("node-cpuprofile-summary", f"node summary.js cpu/{cpus[0].name}", d, n_node_cpu)
        cap("node-cpuprofile-summary-80-echo", f"node summary.js cpu/{cpus[1].name} 80; echo EXIT=$?", d, n_node_cpu)
    if len(heaps) >= 2:
        cap("node-heapprofile-summary", f"node summary.js heap/{heaps[0].name}", d, n_node_heap)
        cap("node-heapprofile-summary-fine-60", f"node summary.js heap/{heaps[1].name} 60", d, n_node_heap)


STEPS = [cap_pprofile, cap_node]
