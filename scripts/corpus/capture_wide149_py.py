"""Round 149's Python and Node items (second samples of rounds 137's and 138's kinds, their extractors imported):
`fwspec`, a Python reader of firewall service specs (a port range parsed without a check, a protocol table looked up
by a key the input chooses) fuzzed with Atheris; `flowlog`, a Python flow-log aggregator that keeps every record in a
module-level list, read with guppy3; `natmap`, a Node NAT mapper that memoises into a map it never trims and formats
every entry by string concatenation, profiled with `--cpu-prof` / `--heap-prof` and summarised by round 138's script.
Run through capture_wide149.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import write_tree
from capture_wide137 import VENV as ATHERIS_VENV
from capture_wide137_fuzz import n_atheris, n_lf_run
from capture_wide138 import VENV as PROF_VENV
from capture_wide138_py import SUMMARY_JS, n_guppy, n_node_cpu, n_node_heap
from capture_wide149 import cap
import capture_more as cm

FWSPEC_PY = '''"""firewall service specs: 'name proto lo-hi [zone]' lines."""
PROTOCOLS = {"tcp": 6, "udp": 17, "sctp": 132}
ZONES = ("lan", "dmz", "wan")


class SpecError(ValueError):
    pass


def port_range(text):
    lo, _, hi = text.partition("-")
    lo = int(lo)
    hi = int(hi) if hi else lo
    if lo > 65535:
        raise SpecError(f"port {lo} out of range")
    return lo, hi


def width(lo, hi):
    return 65536 // (hi - lo)


def parse_line(line):
    parts = line.split()
    if len(parts) < 3:
        raise SpecError("too few fields")
    name, proto, ports = parts[:3]
    zone = parts[3] if len(parts) > 3 else "lan"
    if zone not in ZONES:
        raise SpecError(f"unknown zone {zone}")
    lo, hi = port_range(ports)
    return {"name": name, "proto": PROTOCOLS[proto], "lo": lo, "hi": hi, "slots": width(lo, hi)}
'''

FUZZ_PY = '''import sys

import atheris

with atheris.instrument_imports():
    import fwspec


def TestOneInput(data):
    for line in data.decode("utf-8", "ignore").splitlines():
        try:
            fwspec.parse_line(line)
        except (fwspec.SpecError, ValueError):
            pass


atheris.Setup(sys.argv, TestOneInput)
atheris.Fuzz()
'''

FUZZ_SAFE_PY = '''import sys

import atheris

with atheris.instrument_imports():
    import fwspec


def TestOneInput(data):
    line = data.decode("utf-8", "ignore")
    try:
        fwspec.port_range(line.strip())
    except (fwspec.SpecError, ValueError):
        pass


atheris.Setup(sys.argv, TestOneInput)
atheris.Fuzz()
'''


def cap_atheris(tmp: Path) -> None:
    d = tmp / "fwspec"
    write_tree(d, {"fwspec.py": FWSPEC_PY, "fuzz_spec.py": FUZZ_PY, "fuzz_ports.py": FUZZ_SAFE_PY})
    (d / "seeds").mkdir()
    (d / "seeds" / "web").write_text("https tcp 443-444 dmz\nhttp tcp 80-88 dmz\n")
    (d / "seeds" / "dns").write_text("dns udp 53-54\n")
    py = f"{ATHERIS_VENV}/bin/python"
    cap("atheris-crash-fwspec-seeds-loop-echo", f"for s in 1 2 3; do {py} fuzz_spec.py -seed=$s -runs=300000 seeds; "
        "echo EXIT=$?; done 2>&1 | grep -v '^INFO'", d, n_atheris, typed="for s in 1 2 3; do python fuzz_spec.py "
        "-seed=$s -runs=300000 seeds; echo EXIT=$?; done 2>&1 | grep -v '^INFO'", timeout=400)
    cap("libfuzzer-run-atheris-ports", f"{py} fuzz_ports.py -seed=5 -runs=40000 -print_final_stats=1 seeds", d, n_lf_run,
        typed="python fuzz_ports.py -seed=5 -runs=40000 -print_final_stats=1 seeds", timeout=300)


def flowlog_py(seed: int) -> str:
    rng = random.Random(seed)
    kinds = ["Accept", "Drop", "Reject", "NatHit", "Reset", "Timeout"]
    out = ["import sys", "from guppy import hpy", "", "RECORDS = []  # every record ever seen, never trimmed", "", "",
           "class FlowRecord:", "    __slots__ = ('src', 'dst', 'port', 'bytes', 'tags')",
           "    def __init__(self, src, dst, port, nbytes):",
           "        self.src, self.dst, self.port, self.bytes = src, dst, port, nbytes",
           "        self.tags = {'seen': str(nbytes)}", "", ""]
    for k in kinds:
        out += [f"class {k}(FlowRecord):", "    __slots__ = ()", "", ""]
    out += ["class Counter:", "    def __init__(self):", "        self.by_port = {}", "", "",
            f"KINDS = [{', '.join(kinds)}]", "", "",
            "def ingest(n):", "    c = Counter()", "    for i in range(n):",
            f"        r = KINDS[(i * {rng.randint(3, 7)}) % len(KINDS)](f'10.0.{{i % 250}}.{{i % 7}}', '192.0.2.1', i % 1024, i * 3)",
            "        RECORDS.append(r)", "        c.by_port.setdefault(r.port, []).append(r.src)", "    return c", "", "",
            "h = hpy()", "h.setrelheap()", "c = ingest(int(sys.argv[1]))", "heap = h.heap()", "print(heap)",
            "for view in sys.argv[2:]:", "    print()", "    print(getattr(heap, view))", ""]
    return "\n".join(out)


def cap_guppy(tmp: Path) -> None:
    d = tmp / "flowlog"
    write_tree(d, {"flowlog.py": flowlog_py(1493)})
    py = f"{PROF_VENV}/bin/python"
    cap("guppy3-heap-flowlog-views", f"{py} flowlog.py 30000 bytype byrcs", d, n_guppy,
        typed="python flowlog.py 30000 bytype byrcs")


def natmap_js(seed: int) -> str:
    rng = random.Random(seed)
    pools = [f"{rng.choice(['edge', 'core', 'guest', 'vpn', 'lab'])}{i}" for i in range(10)]
    fns = [f"function map_{p}(ip, port) {{\n  const out = [];\n  for (let i = 0; i < {rng.choice([100, 300, 900, 2000])}; i++) "
           f"out.push((ip + port * 7 + i) & 255);\n  return Uint8Array.from(out);\n}}\n" for p in pools]
    return ("'use strict';\n// natmap: a NAT mapper\nconst MAPPINGS = new Map(); // never trimmed\n\n" + "\n".join(fns)
            + "const POOLS = [" + ", ".join(f"map_{p}" for p in pools) + "];\n\n"
            "function describe(i, pool) {\n  let s = '';\n  for (let k = 0; k < 40; k++) s += String.fromCharCode(97 + ((i + k) % 26));\n"
            "  return pool + ':' + s;\n}\n\n"
            "function translate(i) {\n  const pool = i % POOLS.length;\n  const bytes = POOLS[pool](i & 0xffff, i % 60000);\n"
            "  MAPPINGS.set(describe(i, pool) + i, { bytes, at: i });\n  return bytes.length;\n}\n\n"
            "let total = 0;\nconst n = Number(process.argv[2] || 20000);\nfor (let i = 0; i < n; i++) total += translate(i);\n"
            "console.log(`natmap: ${n} flows, ${total} bytes, ${MAPPINGS.size} mappings`);\n")


def cap_node(tmp: Path) -> None:
    d = tmp / "natmap"
    write_tree(d, {"natmap.js": natmap_js(1494), "summary.js": SUMMARY_JS})
    cm.run("rm -rf cpu heap && node --cpu-prof --cpu-prof-dir=cpu --cpu-prof-interval 250 natmap.js 40000 && "
           "node --heap-prof --heap-prof-dir=heap --heap-prof-interval 8192 natmap.js 30000", cwd=d, timeout=600)
    cpus = sorted((d / "cpu").glob("*.cpuprofile"))
    heaps = sorted((d / "heap").glob("*.heapprofile"))
    if cpus:
        cap("node-cpuprofile-summary-natmap-60-echo", f"node summary.js cpu/{cpus[0].name} 60; echo EXIT=$?", d, n_node_cpu)
    if heaps:
        cap("node-heapprofile-summary-natmap", f"node summary.js heap/{heaps[0].name}", d, n_node_heap)


STEPS = [cap_atheris, cap_guppy, cap_node]
