#!/usr/bin/env python3
"""Capture round 322 of the compression corpus: second samples of rounds 277, 278 and 279's kinds.
Packet captures of the round's own loopback traffic (127.0.0.1:18322/28322/38322) read by tshark, capinfos, ngrep,
tcpflow and tcptrace; hunspell/aspell over a seeded "harbour logistics" handbook, javac -Xdoclint over a Java package
with bad Javadoc, cargo doc/rustdoc over a crate with broken doc links; waf, bmake, jam and SCons over seeded "tide
gauge" C projects with faults put in, CppUnit and CxxTest suites with failing tests.

No rule is new (NEEDLES.md, "Round 322"): every extractor is imported from capture_wide277/278/279. Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide322.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide322.json  as {"version": 2, "items": [...]}, ids prefixed "wide322-".
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide277 as r277  # noqa: E402
import capture_wide278 as r278  # noqa: E402
import capture_wide279 as r279  # noqa: E402

ID_PREFIX = "wide322-"
DEFAULT_OUT = HERE / "data" / "wide322.json"
TMP = Path(os.environ.get("HM_WIDE322_TMP", "/dev/shm/hm-corpus-wide322"))
VENV = Path("/dev/shm/hm-corpus-wide322-tools/venv")  # waf-build

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


# ------------------------------------------------------------------ packets (round 277's kinds)

SERVERS = r'''
import http.server, socketserver, threading, time, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def _send(self, code, body, ctype="application/json"):
        b = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(b)))
        self.end_headers()
        self.wfile.write(b)
    def do_GET(self):
        p = self.path
        if p.startswith("/inventory/bin/"):
            n = p.rsplit("/", 1)[-1]
            if not n.isdigit():
                return self._send(400, '{"error":"bad bin id %s"}' % n[:40])
            if int(n) % 17 == 0:
                return self._send(404, '{"error":"bin %s not found"}' % n)
            return self._send(200, '{"bin":%s,"pallets":%d,"zone":"Q%d"}' % (n, int(n) % 40, int(n) % 6))
        if p.startswith("/inventory/report"):
            return self._send(500, '{"error":"report backend timed out after 30000 ms"}')
        if p.startswith("/slow"):
            time.sleep(0.3)
            return self._send(503, '{"error":"berth planner overloaded, retry later"}')
        if ".." in p or "script" in p or "passwd" in p:
            return self._send(403, '{"error":"forbidden path"}')
        return self._send(200, "<html><body>quayside inventory</body></html>", "text/html")
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); body = self.rfile.read(n)
        if b"pallets" not in body:
            return self._send(422, '{"error":"missing field pallets"}')
        return self._send(201, '{"ok":true}')
class T(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True; allow_reuse_address = True
class Desk(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 ticket desk ready\r\n")
        for line in self.rfile:
            c = line.strip().decode("latin-1")
            if c.upper() == "QUIT":
                self.wfile.write(b"221 bye\r\n"); return
            if c.startswith("OPEN "):
                self.wfile.write(b"250 ticket opened\r\n" if c[5:].isdigit() else b"554 ticket id must be numeric\r\n")
            elif c.startswith("HOLD "):
                self.wfile.write(b"451 hold queue locked, try later\r\n")
            else:
                self.wfile.write(b"500 unknown command\r\n")
class TS(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True; allow_reuse_address = True
a = T(("127.0.0.1", 18322), H); b = TS(("127.0.0.1", 38322), Desk)
threading.Thread(target=a.serve_forever, daemon=True).start()
threading.Thread(target=b.serve_forever, daemon=True).start()
print("ready", flush=True)
time.sleep(float(sys.argv[1]))
'''

CLIENTS = r'''
import http.client, random, socket, sys, time
rnd = random.Random(int(sys.argv[1])); n = int(sys.argv[2])
def get(path, method="GET", body=None):
    try:
        c = http.client.HTTPConnection("127.0.0.1", 18322, timeout=5)
        c.request(method, path, body=body, headers={"User-Agent": rnd.choice(["quay-cli/2.4", "curl/7.88.1", "harbour-sync/0.9"])})
        c.getresponse().read(); c.close()
    except Exception as e:
        print("client error", e)
def desk(cmds):
    s = socket.create_connection(("127.0.0.1", 38322), timeout=5); f = s.makefile("rwb")
    f.readline()
    for c in cmds:
        f.write((c + "\r\n").encode()); f.flush(); f.readline()
    s.close()
for i in range(n):
    r = rnd.random()
    if r < 0.6:
        get("/inventory/bin/%d" % rnd.randint(1, 400))
    elif r < 0.7:
        get("/inventory/report?day=%d" % rnd.randint(1, 28))
    elif r < 0.8:
        desk(["OPEN %d" % rnd.randint(100, 999), rnd.choice(["OPEN x%d" % i, "HOLD 7", "LIST"]), "QUIT"])
    elif r < 0.85:
        get("/inventory/pallet", "POST", rnd.choice(['{"pallets":3}', '{"crates":2}']))
    elif r < 0.9:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b"GAUGE? tide-%d" % i, ("127.0.0.1", 28322)); u.close()
    elif r < 0.95:
        try:
            socket.create_connection(("127.0.0.1", 28322), timeout=1).close()
        except OSError:
            pass
    else:
        get("/")
    if i == n // 3:
        get("/inventory/../../etc/passwd"); get("/search?q=<script>alert(1)</script>"); get("/slow/berth")
        get("/inventory/bin/1%20UNION%20SELECT%20pass%20FROM%20users")
    time.sleep(0.01)
'''


def packets(tmp: Path) -> None:
    (tmp / "servers.py").write_text(SERVERS)
    (tmp / "clients.py").write_text(CLIENTS)
    for name, seed, n in [("desk", 3221, 260), ("small", 3223, 40)]:
        srv = cm.start(["python3", "servers.py", "60"], cwd=tmp)
        time.sleep(1.0)
        dump = cm.start(f"tcpdump -i lo -n -U -w {name}.pcap 'port 18322 or port 28322 or port 38322 or "
                        "(icmp and icmp[icmptype]==3)'", cwd=tmp)
        time.sleep(1.5)
        cm.run(f"python3 clients.py {seed} {n}", cwd=tmp, timeout=200)
        time.sleep(1.0)
        dump.terminate()
        dump.wait(timeout=10)
        srv.kill()
        srv.wait(timeout=10)
    cm.run("head -c 23000 desk.pcap > cut.pcap && printf 'not a capture at all\\n' > notes.pcap", cwd=tmp)
    (tmp / "flows").mkdir(exist_ok=True)
    T = "tshark"
    D = "-d tcp.port==18322,http -d tcp.port==38322,smtp"
    cases = [
        ("capinfos-three", "capinfos desk.pcap cut.pcap notes.pcap; echo EXIT=$?", r277.n_capinfos),
        ("capinfos-table", "capinfos -T small.pcap desk.pcap cut.pcap 2>&1", r277.n_capinfos),
        ("tshark-phs-desk", f"{T} -r desk.pcap {D} -q -z io,phs 2>&1", r277.n_tshark_phs),
        ("tshark-phs-cut", f"{T} -r cut.pcap {D} -q -z io,phs; echo EXIT=$?", r277.n_tshark_phs),
        ("tshark-expert-desk", f"{T} -r desk.pcap {D} -q -z expert 2>&1 | head -n 120", r277.n_tshark_expert),
        ("tshark-endpoints-tcp", f"{T} -r desk.pcap -q -z endpoints,tcp", r277.n_tshark_endpoints),
        ("tshark-endpoints-udp", f"{T} -r desk.pcap -q -z endpoints,udp 2>&1", r277.n_tshark_endpoints),
        ("tshark-fields-resp", f"{T} -r desk.pcap {D} -Y http.response -T fields -E header=y -e frame.number "
         "-e tcp.srcport -e tcp.dstport -e http.response.code -e http.response.phrase -e http.time -e frame.len",
         r277.n_tshark_fields),
        ("tshark-fields-rst", f"{T} -r desk.pcap -Y 'tcp.flags.reset==1 || icmp' -T fields -E header=y -E separator=, "
         "-e frame.number -e frame.time_relative -e ip.proto -e tcp.srcport -e tcp.dstport -e frame.len; echo EXIT=$?",
         r277.n_tshark_fields),
        ("tshark-fields-all", f"{T} -r desk.pcap -T fields -E header=y -e frame.number -e frame.time_relative "
         "-e ip.proto -e tcp.srcport -e tcp.dstport -e tcp.flags.str -e frame.len 2>&1 | head -n 2200", r277.n_tshark_fields),
        ("tshark-tree-http", f"{T} -r desk.pcap {D} -q -z http,tree", r277.n_tshark_tree),
        ("tshark-tree-req-plen", f"{T} -r desk.pcap {D} -q -z http_req,tree -z plen,tree 2>&1", r277.n_tshark_tree),
    ]
    for iid, cmd, ext in cases:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), ext)
    s1 = r277.stream_of(tmp, "desk.pcap", "http.response.code == 500", D)
    s2 = r277.stream_of(tmp, "desk.pcap", 'tcp.payload contains "554"', D)
    for iid, cmd in [("tshark-follow-500", f"{T} -r desk.pcap -q -z follow,tcp,ascii,{s1}"),
                     ("tshark-follow-desk", f"{T} -r desk.pcap -q -z follow,tcp,ascii,{s2} 2>&1; echo EXIT=$?")]:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), r277.n_tshark_follow)
    for iid, pat, cmd in [
        ("ngrep-http-errors", "HTTP/1.[01] [45]", "ngrep -I desk.pcap -q 'HTTP/1.[01] [45]' 2>&1 | head -n 200"),
        ("ngrep-attacks", "passwd|script|UNION", "ngrep -I desk.pcap -q -W byline 'passwd|script|UNION'"),
        ("ngrep-desk", "^[45][0-9][0-9] ", "ngrep -I desk.pcap -q -t '^[45][0-9][0-9] ' port 38322; echo EXIT=$?"),
    ]:
        r277.NG["pattern"] = pat
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), r277.n_ngrep)
    r277.NG["pattern"] = ""
    for iid, cmd in [("tcpflow-desk", "cd flows && tcpflow -r ../desk.pcap -c port 38322 2>&1"),
                     ("tcpflow-http-head", "cd flows && tcpflow -r ../desk.pcap -c 'tcp port 18322' | head -n 400"),
                     ("tcpflow-http-big", "cd flows && tcpflow -r ../desk.pcap -c 'tcp port 18322' 2>&1 | head -n 1800")]:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), r277.n_tcpflow)
    for iid, cmd, ext in [
        ("tcptrace-desk", "tcptrace -n desk.pcap 2>&1 | head -n 250", r277.n_tcptrace_brief),
        ("tcptrace-small", "tcptrace -n small.pcap; echo EXIT=$?", r277.n_tcptrace_brief),
        ("tcptrace-long-small", "tcptrace -l -n small.pcap 2>&1 | head -n 500", r277.n_tcptrace_long),
        ("tcptrace-long-cut", "tcptrace -l -n cut.pcap 2>&1 | tail -n 200", r277.n_tcptrace_long),
    ]:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), ext)


# ------------------------------------------------------------------ spelling and doc generators (round 278's kinds)

TYPOS = ["wharehouse", "recieving", "manifset", "contianer", "schedual", "bearth", "cargoe", "tarrif", "inventroy",
         "shipmnet", "palette-jack", "forklfit", "dockyard-s", "custums", "quaterly"]
VOCAB = ("the a of to in for with on by from and or each every berth crane vessel cargo container manifest pallet "
         "warehouse schedule dock tide gauge shipment customs tariff quay yard operator shift report record route "
         "arrival departure export import load unload weight seal inspection harbour master pilot tug gate truck "
         "lane slot window booking release hold must should can will is are be when before after during").split()
TOPICS = ["Berth planning", "Receiving cargo", "Customs holds", "Yard slots", "Crane shifts", "Tide windows",
          "Gate release", "Manifest checks", "Reports", "Troubleshooting"]


def gen_handbook(root: Path, n: int, seed: int, rate: float) -> list[str]:
    rnd = random.Random(seed)
    names = []
    for i in range(n):
        t = TOPICS[i % len(TOPICS)]
        name = f"handbook/{i:02d}-{t.lower().replace(' ', '-')}.md"
        lines = [f"# {t} ({i + 1})", ""]
        for _ in range(rnd.randint(3, 9)):
            words = [rnd.choice(TYPOS) if rnd.random() < rate else rnd.choice(VOCAB) for _ in range(rnd.randint(12, 40))]
            lines += [" ".join(words).capitalize() + ".", ""]
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(lines))
        names.append(name)
    return names


def gen_java(root: Path, seed: int) -> None:
    rnd = random.Random(seed)
    pkg = root / "src" / "org" / "quayside" / "berth"
    pkg.mkdir(parents=True)
    for ci, cls in enumerate(["BerthPlan", "CraneShift", "TideWindow", "GateRelease", "YardSlot", "CustomsHold",
                              "ManifestLine", "PilotBooking"]):
        body = [f"package org.quayside.berth;", "", f"/**", f" * {cls} as the harbour master sees it.",
                " * <p>Holds the schedule of one <b>quay" if ci % 3 == 0 else " * Plain record of the quay.", " */",
                f"public class {cls} {{"]
        for m in range(rnd.randint(3, 7)):
            fault = rnd.choice(["ok", "param", "return", "link", "html", "missing", "throws"])
            mname = f"{rnd.choice(['load', 'assign', 'release', 'check', 'weigh', 'seal'])}{m}"
            doc = {"ok": [f"    /** Loads slot {m}.", "     * @param slot the slot", "     * @return the weight */"],
                   "param": [f"    /** Assigns slot {m}.", "     * @param berthId the berth", "     * @return the weight */"],
                   "return": [f"    /** Weighs slot {m}.", "     * @param slot the slot */"],
                   "link": [f"    /** See {{@link TideTable#high(int)}} for slot {m}.", "     * @param slot the slot",
                            "     * @return the weight */"],
                   "html": [f"    /** Releases <i>slot {m}.", "     * @param slot the slot", "     * @return the weight */"],
                   "missing": [],
                   "throws": [f"    /** Seals slot {m}.", "     * @param slot the slot", "     * @return the weight",
                              "     * @throws CraneFault when the crane is down */"]}[fault]
            body += doc + [f"    public int {mname}(int slot) {{ return slot * {rnd.randint(2, 9)}; }}", ""]
        body.append("}")
        (pkg / f"{cls}.java").write_text("\n".join(body) + "\n")


def gen_crate(root: Path, seed: int) -> None:
    rnd = random.Random(seed)
    (root / "src").mkdir(parents=True)
    (root / "Cargo.toml").write_text('[package]\nname = "berthplan"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n')
    mods = ["tide", "crane", "yard", "gate"]
    (root / "src" / "lib.rs").write_text("//! Berth planning for the quay.\n//!\n//! See [`Planner`] and [`Schedule`].\n"
                                         + "".join(f"pub mod {m};\n" for m in mods))
    for m in mods:
        out = [f"//! The {m} module; docs at https://quayside.example/{m}", ""]
        for i in range(rnd.randint(4, 8)):
            fault = rnd.choice(["ok", "link", "url", "html", "ok", "link2"])
            doc = {"ok": f"/// Returns the {m} load for slot {i}.",
                   "link": f"/// Uses [`{m.capitalize()}Table`] to compute slot {i}.",
                   "link2": f"/// Same as [`crate::{m}::missing_{i}`].",
                   "url": f"/// Spec: https://quayside.example/{m}/{i}",
                   "html": f"/// Returns a Vec<Slot> of slot {i}."}[fault]
            out += [doc, f"pub fn {m}_{i}(x: u32) -> u32 {{ x * {i + 2} }}", ""]
        (root / "src" / f"{m}.rs").write_text("\n".join(out))


def spelling(tmp: Path) -> None:
    root = fresh(tmp / "docs")
    names = gen_handbook(root, 24, 3221, 0.05)
    big = gen_handbook(root / "big", 70, 3222, 0.03)
    hb = " ".join(names[:8])
    cases = [
        ("hunspell-list-loop", "for f in handbook/*.md; do echo \"== $f\"; hunspell -d en_US -l \"$f\" | sort -u; done",
         r278.N_HUNSPELL_LIST),
        ("hunspell-list-uniq", "for f in big/handbook/*.md; do echo \"== $f\"; hunspell -d en_US -l \"$f\" | sort | uniq -c; "
         "done | head -n 300; echo EXIT=$?",
         r278.N_HUNSPELL_LIST),
        ("aspell-list-md", "for f in big/handbook/*.md; do echo \"== $f\"; aspell --lang=en --mode=markdown list < $f; done "
         "| head -n 400", r278.N_ASPELL_LIST),
        ("hunspell-pipe-cat", "cat handbook/1*.md | hunspell -d en_US -a", r278.N_HUNSPELL_PIPE),
        ("aspell-pipe-grep", "aspell --lang=en -a < handbook/05-tide-windows.md | grep -v '^\\*'; echo EXIT=$?",
         r278.N_ASPELL_PIPE),
        ("hunspell-u3-some", f"hunspell -d en_US -u3 {hb}", r278.n_hunspell_u3),
        ("hunspell-u3-big", "hunspell -d en_US -u3 big/handbook/*.md 2>&1 | head -n 700", r278.n_hunspell_u3),
        ("hunspell-u3-all", "hunspell -d en_US -u3 big/handbook/*.md handbook/*.md", r278.n_hunspell_u3),
    ]
    for iid, cmd, ext in cases:
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=200), ext)
    jroot = fresh(tmp / "java")
    gen_java(jroot, 3224)
    for iid, cmd in [("javac-doclint-all", "javac -Xdoclint:all -d out $(find src -name '*.java') 2>&1; echo EXIT=$?"),
                     ("javac-doclint-nomissing", "javac -Xdoclint:all,-missing -Xmaxwarns 500 -d out src/org/quayside/berth/*.java")]:
        add(iid, cmd, cm.run(cmd, cwd=jroot, timeout=300), r278.n_javac_doclint)
    rroot = fresh(tmp / "crate")
    gen_crate(rroot, 3225)
    for iid, cmd, ext in [
        ("cargo-doc-short", "cargo doc --no-deps --message-format short 2>&1", r278.N_CARGO_DOC_SHORT),
        ("cargo-rustdoc-deny", "touch src/lib.rs; cargo rustdoc -- -D rustdoc::broken_intra_doc_links "
         "-D rustdoc::bare_urls 2>&1; echo EXIT=$?", r278.N_RUSTDOC_DENY),
    ]:
        add(iid, cmd, cm.run(cmd, cwd=rroot, timeout=400, env={"CARGO_TARGET_DIR": str(tmp / "crate-target")}), ext)


# ------------------------------------------------------------------ builds and tests (round 279's kinds)

def gen_tide(root: Path, n: int, seed: int, errs: dict, hdr: set, link: set) -> list[str]:
    """A seeded 'tide gauge' C project: src/gauge_NN.c + include/gauge_NN.h and src/main.c; faults put in."""
    rnd = random.Random(seed)
    (root / "src").mkdir(parents=True)
    (root / "include").mkdir()
    files = []
    for i in range(n):
        (root / "include" / f"gauge_{i:02d}.h").write_text(f"#pragma once\nint gauge_{i:02d}_sample(int depth);\n")
        body = [f'#include <stdio.h>', f'#include "gauge_{i:02d}.h"']
        if i in hdr:
            body.append('#include "calib_table.h"')
        if i in link:
            body.append(f"int tide_offset_{i}(int);")
        body += [f"int gauge_{i:02d}_sample(int depth)", "{", "    int acc = 0;"]
        w = rnd.random()
        if w < 0.15:
            body.append(f"    int spare_{i} = depth;")
        elif w < 0.28:
            body.append(f"    unsigned lim = {i + 3}u;\n    if (depth < lim) acc++;")
        elif w < 0.38:
            body.append(f'    printf("gauge {i}: %s\\n", depth);')
        elif w < 0.46:
            body.append("    { int acc = depth * 2; (void)acc; }")
        body.append(f"    for (int k = 0; k < depth % {rnd.randint(3, 11)}; k++) acc += k * {rnd.randint(1, 7)};")
        e = errs.get(i)
        if e == "undeclared":
            body.append(f"    acc += tide_level_{i};")
        elif e == "type":
            body.append("    struct { int h; } s = { 1 };\n    acc = s;")
        elif e == "semicolon":
            body.append("    acc += 1\n    acc += 2;")
        if i in link:
            body.append(f"    acc += tide_offset_{i}(depth);")
        body += ["    return acc;", "}", ""]
        (root / "src" / f"gauge_{i:02d}.c").write_text("\n".join(body))
        files.append(f"gauge_{i:02d}.c")
    main = ['#include <stdio.h>'] + [f'#include "gauge_{i:02d}.h"' for i in range(n)]
    main += ["int main(void)", "{", "    int t = 0;"] + [f"    t += gauge_{i:02d}_sample({i + 7});" for i in range(n)]
    main += ['    printf("total %d\\n", t);', "    return 0;", "}", ""]
    (root / "src" / "main.c").write_text("\n".join(main))
    return files + ["main.c"]


CFLAGS = "-Wall -Wextra -Wshadow -O1"
WSCRIPT = """
def options(opt):
    opt.load('compiler_c')

def configure(conf):
    conf.load('compiler_c')
    conf.env.append_value('CFLAGS', {flags!r})
{extra}
def build(bld):
    bld.stlib(source=bld.path.ant_glob('src/gauge_*.c'), target='gauge', includes='include')
    bld.program(source='src/main.c', target='tidegauge', includes='include', use='gauge')
"""


def builds(tmp: Path) -> None:
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    for iid, n, seed, errs, hdr, link, extra, cmd in [
        ("waf-build-errors", 48, 3231, {9: "type", 33: "semicolon"}, set(), set(), "",
         "waf configure build -j1 -k; echo EXIT=$?"),
        ("waf-build-link", 30, 3232, {}, set(), {12}, "    conf.check_cc(header_name='stdint.h')\n", "waf configure build -j1 2>&1"),
    ]:
        root = fresh(tmp / iid)
        gen_tide(root, n, seed, errs, hdr, link)
        (root / "wscript").write_text(WSCRIPT.format(flags=CFLAGS.split(), extra=extra))
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=400), r279.n_waf_build)
    for iid, n, seed, errs, hdr, link, cmd in [
        ("bmake-build-header", 36, 3241, {}, {20}, set(), "bmake -k; echo EXIT=$?"),
        ("bmake-build-errors-tail", 70, 3242, {5: "undeclared", 51: "type"}, set(), set(), "bmake -k 2>&1 | tail -n 90"),
    ]:
        root = fresh(tmp / iid)
        files = gen_tide(root, n, seed, errs, hdr, link)
        objs = [f"src/{f[:-2]}.o" for f in files]
        (root / "Makefile").write_text(
            f"CC = cc\nCFLAGS = {CFLAGS} -Iinclude\nOBJS = " + " ".join(objs)
            + "\n\nall: tidegauge\n\ntidegauge: ${OBJS}\n\t${CC} -o ${.TARGET} ${.ALLSRC}\n\n"
              ".c.o:\n\t${CC} ${CFLAGS} -c ${.IMPSRC} -o ${.TARGET}\n")
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=400), r279.n_bmake_build)
    for iid, n, seed, errs, hdr, link, cmd in [
        ("jam-build-link", 28, 3251, {}, set(), {3, 19}, "jam; echo EXIT=$?"),
        ("jam-build-errors", 56, 3252, {40: "semicolon"}, {11}, set(), "jam -q 2>&1"),
    ]:
        root = fresh(tmp / iid)
        files = gen_tide(root, n, seed, errs, hdr, link)
        (root / "Jamfile").write_text(f"CCFLAGS += {CFLAGS} ;\nHDRS = include ;\nMain tidegauge : "
                                      + " ".join(f"src/{f}" for f in files) + " ;\n")
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=400), r279.n_jam_build)
    sconstruct = ("env = Environment(CPPPATH=['include'], CCFLAGS=%r)\n"
                  "lib = env.StaticLibrary('gauge', Glob('src/gauge_*.c'))\n"
                  "env.Program('tidegauge', ['src/main.c'], LIBS=[lib])\n")
    for iid, n, seed, err, cmd, tree in [
        ("scons-explain-rebuild", 40, 3261, None, "scons --debug=explain 2>&1", False),
        ("scons-explain-error", 60, 3262, 22, "scons --debug=explain -k; echo EXIT=$?", False),
        ("scons-tree-status", 24, 3263, None, "scons -Q --tree=status 2>&1", True),
    ]:
        root = fresh(tmp / iid)
        gen_tide(root, n, seed, {}, set(), set())
        (root / "SConstruct").write_text(sconstruct % CFLAGS.split())
        cm.run("scons -Q", cwd=root, timeout=400)
        rnd = random.Random(seed)
        for i in rnd.sample(range(n), 4):
            p = root / "src" / f"gauge_{i:02d}.c"
            p.write_text(p.read_text() + f"/* recalibrated {i} */\n")
        p = root / "include" / f"gauge_{rnd.randrange(n):02d}.h"
        p.write_text(p.read_text() + "int gauge_spare(void);\n")
        if err is not None:
            p = root / "src" / f"gauge_{err:02d}.c"
            p.write_text(p.read_text().replace("    return acc;", "    acc += tide_level_missing;\n    return acc;", 1))
            (root / "SConstruct").write_text(sconstruct % (CFLAGS.split() + ["-DGAUGE_TRACE"]))
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=400), r279.n_scons_tree if tree else r279.n_scons_explain)


def _tests(seed: int, n_suites: int, per: int, every: int):
    rnd = random.Random(seed)
    topics = ["TideTable", "Gauge", "Calibration", "Datum", "Harmonics", "Surge", "Sensor", "Telemetry"]
    out, k = [], 0
    for si in range(n_suites):
        su = f"{topics[si % len(topics)]}{si // len(topics) or ''}Suite"
        for ti in range(per):
            k += 1
            nm = f"test{rnd.choice(['Read', 'Smooth', 'Offset', 'Predict', 'Clamp', 'Average'])}{ti:02d}"
            a = rnd.randint(1, 900)
            kd = rnd.choice(["eq", "true", "throw", "eq"]) if k % every == 0 else "ok"
            out.append((su, nm, kd, a, a + rnd.randint(1, 6)))
    return out


def tests(tmp: Path) -> None:
    for iid, seed, ns, per, every, cmd in [
        ("cppunit-text-dots", 3271, 5, 9, 8, "./gauge_tests; echo EXIT=$?"),
        ("cppunit-text-brief", 3272, 16, 12, 17, "./gauge_tests -v 2>&1"),
    ]:
        root = fresh(tmp / iid)
        src = ["#include <cppunit/extensions/HelperMacros.h>", "#include <cppunit/extensions/TestFactoryRegistry.h>",
               "#include <cppunit/ui/text/TestRunner.h>", "#include <cppunit/BriefTestProgressListener.h>", "#include <cppunit/TestResult.h>",
               "#include <stdexcept>", "#include <cstring>", "#include <vector>", ""]
        suites: dict = {}
        for su, nm, kd, a, b in _tests(seed, ns, per, every):
            suites.setdefault(su, []).append((nm, kd, a, b))
        for su, ts in suites.items():
            src.append(f"class {su} : public CppUnit::TestFixture {{\n  CPPUNIT_TEST_SUITE({su});")
            src += [f"  CPPUNIT_TEST({nm});" for nm, *_ in ts]
            src.append("  CPPUNIT_TEST_SUITE_END();\npublic:")
            for nm, kd, a, b in ts:
                body = {"ok": f"CPPUNIT_ASSERT({a} >= 0);",
                        "eq": f"int level = {a} * 2; CPPUNIT_ASSERT_EQUAL({b * 2}, level);",
                        "true": f"std::vector<int> v({a % 4}); CPPUNIT_ASSERT_MESSAGE(\"gauge buffer empty\", v.size() > 4);",
                        "throw": f"throw std::out_of_range(\"tide sample {a} outside datum\");"}[kd]
                src.append(f"  void {nm}() {{ {body} }}")
            src.append(f"}};\nCPPUNIT_TEST_SUITE_REGISTRATION({su});\n")
        src.append("int main(int argc, char **argv) {\n  CppUnit::TextUi::TestRunner runner;\n"
                   "  runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());\n"
                   "  CppUnit::BriefTestProgressListener brief;\n"
                   "  if (argc > 1 && !std::strcmp(argv[1], \"-v\")) runner.eventManager().addListener(&brief);\n"
                   "  return runner.run(\"\", false, true, argc <= 1) ? 0 : 1;\n}\n")
        (root / "gauge_tests.cpp").write_text("\n".join(src))
        cm.run("g++ -O0 -o gauge_tests gauge_tests.cpp -lcppunit", cwd=root, timeout=400)
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=120), r279.n_cppunit_text)
    for iid, seed, ns, per, every, cmd in [
        ("cxxtest-errorprinter", 3281, 5, 10, 6, "./runner; echo EXIT=$?"),
        ("cxxtest-errorprinter-head", 3282, 14, 12, 9, "./runner 2>&1 | head -n 120"),
    ]:
        root = fresh(tmp / iid)
        (root / "tests").mkdir()
        suites = {}
        for su, nm, kd, a, b in _tests(seed, ns, per, every):
            suites.setdefault(su, []).append((nm, kd, a, b))
        for su, ts in suites.items():
            src = ["#include <cxxtest/TestSuite.h>", "#include <stdexcept>", "#include <vector>", "",
                   f"class {su} : public CxxTest::TestSuite\n{{\npublic:"]
            for nm, kd, a, b in ts:
                body = {"ok": f"TS_ASSERT({a} >= 0);",
                        "eq": f"int level = {a} * 2; TS_ASSERT_EQUALS(level, {b * 2});",
                        "true": f"std::vector<int> v({a % 4}); TS_ASSERT_LESS_THAN(4u, v.size());",
                        "throw": f"throw std::out_of_range(\"tide sample {a} outside datum\");"}[kd]
                src.append(f"    void {nm}() {{ {body} }}")
            src.append("};\n")
            (root / "tests" / f"{su}.h").write_text("\n".join(src))
        cm.run("cxxtestgen --error-printer -o runner.cpp tests/*.h && g++ -o runner -I. runner.cpp", cwd=root, timeout=400)
        add(iid, cmd, cm.run(cmd, cwd=root, timeout=120), r279.n_cxxtest)


def ensure_tools() -> None:
    for tool, pkg in [("tshark", "tshark"), ("tcpdump", "tcpdump"), ("ngrep", "ngrep"), ("tcpflow", "tcpflow"),
                      ("tcptrace", "tcptrace"), ("hunspell", "hunspell hunspell-en-us"), ("aspell", "aspell aspell-en"),
                      ("bmake", "bmake"), ("jam", "jam"), ("scons", "scons"), ("cxxtestgen", "cxxtest"),
                      ("/usr/include/cppunit/TestCase.h", "libcppunit-dev")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "waf", ["waf-build==2.0.22"])


def steps() -> list:
    return [packets, spelling, builds, tests]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide322", sys.modules["__main__"])
    main()
