#!/usr/bin/env python3
"""Capture round 277 of the compression corpus: packet captures read by Wireshark's command-line tools (capinfos,
tshark's -z statistics, fields and follow), ngrep, tcpflow, p0f, argus's ra/racluster and tcptrace, new shapes.
The pcaps are the round's own (capture_wide277_pcap.py): a seeded LAN trace written with scapy (normal HTTP, DNS, SMTP
and TLS flows, a SYN port scan, a DNS burst from one host, malformed packets, attack strings, 4xx/5xx answers), a
second smaller one, cuts of it (a file cut short, a file that is no capture) and real loopback traffic of the round's
clients and servers on 127.0.0.1 captured with tcpdump. Debian 12 has no suricata, so no IDS is run.

The extractors are this round's (NEEDLES.md, "Round 277"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide277.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide277.json  as {"version": 2, "items": [...]}, ids prefixed "wide277-".
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide277_pcap as pcap  # noqa: E402
from capture_wide224 import exit_lines, shaped  # noqa: E402

ID_PREFIX = "wide277-"
DEFAULT_OUT = HERE / "data" / "wide277.json"
TMP = Path(os.environ.get("HM_WIDE277_TMP", "/dev/shm/hm-corpus-wide277"))
TOOLS = Path(os.environ.get("HM_WIDE277_TOOLS", "/dev/shm/hm-corpus-wide277-tools"))
VENV = TOOLS / "venv"  # scapy, which writes the seeded pcaps

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 277")

FAULT = re.compile(r"^(tshark|capinfos|editcap|mergecap|ngrep|tcpflow|tcptrace|ra|racluster|rasort):|^\[[-!]\]|"
                   r"error|Error|ERROR|corrupt|damaged|cut short|truncated|No such file|invalid|Invalid")
WARN = re.compile(r"warning|Warning|WARNING")
ATTACK = re.compile(r"UNION SELECT|UNION%20SELECT|\.\./|<script|/etc/passwd|; cat |' OR '1'='1")
CONN = re.compile(r"\b[a-z]{1,3}2[a-z]{1,3}\b")  # tcptrace's connection labels (a2b, kc2kd): not part of a shape
NUM = re.compile(r"^-?[\d,]*\.?\d+(%|\s*(bytes|kB|KB|MB|ms|s))?$")
ADDR = re.compile(r"^\d+\.\d+\.\d+\.\d+([.:]\d+)?$")


def common(lines):
    """Rule 1's fault lines (one {"any"} per shape past 3), warnings one {"any"} per shape, EXIT= (rule 3)."""
    faults = [ln for ln in lines if FAULT.search(ln)]
    warns = [ln for ln in lines if WARN.search(ln) and not FAULT.search(ln)]
    return shaped(faults) + cm.groups((cm.mask(CONN.sub("<c>", ln)), ln) for ln in warns) + exit_lines(lines)


def is_num(v: str) -> bool:
    return bool(NUM.match(v.strip())) and not ADDR.match(v.strip())


def num(v: str) -> float:
    m = re.match(r"-?[\d,]*\.?\d+", v.strip())
    return float(m.group(0).replace(",", "")) if m else 0.0


def rule4(rows, cats=None, nums=None):
    """rows: (line, {column: value}). Rare categorical values (commonest >= half), first min/max row per numeric
    column. Columns not named are classified: numeric when every non-empty value is a number (not an address)."""
    out = []
    cols = list(dict.fromkeys(c for _, f in rows for c in f))
    for c in cols:
        vals = [(ln, f[c]) for ln, f in rows if f.get(c, "").strip()]
        if not vals:
            continue
        numeric = all(is_num(v) for _, v in vals)
        if (cats is not None and c in cats) or (cats is None and nums is None and not numeric) or \
                (cats is not None and nums is not None and c not in cats and c not in nums and not numeric):
            cnt = Counter(v for _, v in vals)
            if cnt.most_common(1)[0][1] * 2 >= len(vals):
                out += [ln for ln, v in vals if cnt[v] <= 2]
        elif numeric and (nums is None or c in nums):
            out.append(max(vals, key=lambda x: num(x[1]))[0])
            out.append(min(vals, key=lambda x: num(x[1]))[0])
    return out


# capinfos-report
CAPINFO_KEYS = ("File name:", "Number of packets:", "File size:", "Capture duration:", "First packet time:",
                "Last packet time:", "Average packet size:")


@cm.kind("capinfos-report", "table")
def n_capinfos(lines):
    """Rule 5: per file its name, packets, size, duration, first/last time, average size lines; -T rows by rule 4; faults."""
    out = [ln for ln in lines if ln.startswith(CAPINFO_KEYS)]
    for i, ln in enumerate(lines):
        if FAULT.search(ln):
            out += [ln] + [lines[k] for k in range(i + 1, min(len(lines), i + 3)) if lines[k].startswith(("  ", "("))]
    hdr = next((i for i, ln in enumerate(lines) if ln.startswith("File name\t")), None)
    if hdr is not None:
        h = lines[hdr].split("\t")
        rows = [(ln, dict(zip(h, ln.split("\t")))) for ln in lines[hdr + 1:] if "\t" in ln]
        out += [lines[hdr]] + rule4(rows)
    return out + common(lines)


# tshark-phs
@cm.kind("tshark-phs", "table")
def n_tshark_phs(lines):
    """Rule 4/5: title, Filter:, the rows of the largest/smallest frames and bytes, rows of _ws.* and data; faults."""
    out = [ln for ln in lines if ln.strip() == "Protocol Hierarchy Statistics" or ln.startswith("Filter:")]
    rows = []
    for ln in lines:
        m = re.match(r"^\s*(\S+)\s+frames:(\d+) bytes:(\d+)", ln)
        if m:
            rows.append((ln, {"frames": m.group(2), "bytes": m.group(3)}))
            if m.group(1).startswith("_ws.") or m.group(1) == "data":
                out.append(ln)
    return out + rule4(rows, cats=[], nums=["frames", "bytes"]) + common(lines)


# tshark-expert
@cm.kind("tshark-expert", "log")
def n_tshark_expert(lines):
    """Rule 1/3/4: section titles with counts, every Errors and Warns row, Notes/Chats rows of max/min Frequency; faults."""
    out, sec, rows = [], None, {}
    for ln in lines:
        m = re.match(r"^(Errors|Warns|Warnings|Notes|Chats) \(\d+\)", ln)
        if m:
            sec = m.group(1)
            out.append(ln)
            continue
        m = re.match(r"^\s+(\d+)\s+\S", ln)
        if sec and m:
            if sec in ("Errors", "Warns", "Warnings"):
                out.append(ln)
            else:
                rows.setdefault(sec, []).append((ln, {"Frequency": m.group(1)}))
    for r in rows.values():
        out += rule4(r, cats=[], nums=["Frequency"])
    return out + common(lines)


# tshark-endpoints
@cm.kind("tshark-endpoints", "table")
def n_tshark_endpoints(lines):
    """Rule 4: title, Filter:, header; rows of the largest/smallest Packets and Bytes; tcp/udp: rare ports; faults."""
    out = [ln for ln in lines if re.match(r"^(IPv4|IPv6|TCP|UDP|Ethernet) Endpoints", ln) or ln.startswith("Filter:")
           or re.match(r"^\s+\|\s+\S", ln)]
    rows = []
    for ln in lines:
        t = ln.split()
        if len(t) >= 7 and ADDR.match(t[0]) and all(x.isdigit() for x in t[1:]):
            f = {"Packets": t[-6], "Bytes": t[-5]}
            if len(t) == 8:
                f["Port"] = t[1]
            rows.append((ln, f))
    return out + rule4(rows, cats=["Port"], nums=["Packets", "Bytes"]) + common(lines)


# tshark-fields
@cm.kind("tshark-fields", "table")
def n_tshark_fields(lines):
    """Rule 4 on the table: header, rows with a rare categorical value, rows of each numeric column's min/max; faults."""
    sep = "\t"
    hdr = next((i for i, ln in enumerate(lines) if re.match(r"^[a-z_][\w.]*([\t,;|][a-z_][\w.]*)+$", ln)), None)
    if hdr is None:
        return common(lines)
    for s in ("\t", ",", ";", "|"):
        if s in lines[hdr]:
            sep = s
            break
    h = lines[hdr].split(sep)
    rows = [(ln, dict(zip(h, ln.split(sep)))) for ln in lines[hdr + 1:] if ln.count(sep) == len(h) - 1]
    return [lines[hdr]] + rule4(rows) + common(lines)


# tshark-stats-tree
TREE_FAULT = re.compile(r"^\s+[45]\d\d |NXDomain|Server failure|Refused|No such name|Format error|Malformed|truncated")


@cm.kind("tshark-stats-tree", "table")
def n_tshark_tree(lines):
    """Rule 3/4: title, Topic header, top-level rows, rows of the largest/smallest Count below them, fault rows; faults."""
    out, rows, inside = [], [], False
    for i, ln in enumerate(lines):
        if ln.startswith("Topic / Item"):
            inside = True
            out.append(ln)
            if i > 0 and lines[i - 1].strip():
                out.append(lines[i - 1])
            continue
        if not inside or not ln.strip() or ln.startswith(("---", "===")):
            continue
        m = re.match(r"^(\s*)(\S.*?)\s{2,}(\d+)\b", ln)
        if not m:
            continue
        if not m.group(1):
            out.append(ln)
        else:
            rows.append((ln, {"Count": m.group(3)}))
        if TREE_FAULT.search(ln):
            out.append(ln)
    return out + rule4(rows, cats=[], nums=["Count"]) + common(lines)


# tshark-follow
HTTP_LINE = re.compile(r"\b(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) \S+ HTTP/1\.[01]|HTTP/1\.[01] \d{3}")
SMTP_BAD = re.compile(r"^\s*[45]\d\d[ -]")


@cm.kind("tshark-follow", "log")
def n_tshark_follow(lines):
    """Rule 5: Follow/Filter/Node lines, every HTTP request and status line, SMTP 4xx/5xx replies, attack strings; faults."""
    out = [ln for ln in lines if ln.startswith(("Follow:", "Filter:", "Node 0:", "Node 1:"))]
    out += [ln for ln in lines if HTTP_LINE.search(ln) or SMTP_BAD.match(ln) or ATTACK.search(ln)]
    return out + common(lines)


# ngrep-match
NG_HDR = re.compile(r"^[TUI] (\S+) -> (\S+)")
NG = {"pattern": ""}


@cm.kind("ngrep-match", "search")
def n_ngrep(lines):
    """Rule 4/5: input/match lines, first/last and rare-destination headers, payload lines holding the pattern or an attack."""
    out = [ln for ln in lines if ln.startswith(("input:", "match:", "match (JIT):", "filter:"))]
    hdrs = [(ln, {"dst": m.group(2)}) for ln in lines if (m := NG_HDR.match(ln))]
    if hdrs:
        out += [hdrs[0][0], hdrs[-1][0]] + rule4(hdrs, cats=["dst"], nums=[])
    pat = re.compile(NG["pattern"]) if NG["pattern"] else None
    for ln in lines:
        if ln.startswith(("input:", "match", "filter:")):
            continue
        if (pat and pat.search(ln)) or ATTACK.search(ln):
            out.append(ln)
    return out + common(lines)


# tcpflow-console
FLOW = re.compile(r"^(\d{3}\.\d{3}\.\d{3}\.\d{3})\.(\d{5})-(\d{3}\.\d{3}\.\d{3}\.\d{3})\.(\d{5}): ")


@cm.kind("tcpflow-console", "log")
def n_tcpflow(lines):
    """Rule 4/1: first/last flow line, first line of flows to a rare port, HTTP 4xx/5xx, SMTP 4xx/5xx, attack lines; faults."""
    flows = [(ln, m) for ln in lines if (m := FLOW.match(ln))]
    out = []
    if flows:
        out += [flows[0][0], flows[-1][0]]
        first: dict[str, str] = {}
        for ln, m in flows:
            first.setdefault(ln.split(": ", 1)[0], ln)
        out += rule4([(ln, {"dport": lab.rsplit(".", 1)[1]}) for lab, ln in first.items()], cats=["dport"], nums=[])
    for ln in lines:
        body = ln.split(": ", 1)[1] if FLOW.match(ln) else ln
        if re.search(r"HTTP/1\.[01] [45]\d\d", body) or SMTP_BAD.match(body) or ATTACK.search(body):
            out.append(ln)
    return out + common(lines)


# p0f-log
P0F_FIELDS = ("os", "app", "link", "params")


@cm.kind("p0f-log", "log")
def n_p0f(lines):
    """Rule 3/4: banner, [+] lines, [-]/[!] lines; rare os/app/link/params values: field line + first block header; faults."""
    out = [ln for ln in lines if ln.startswith(("--- p0f", "[+]", "[-]", "[!]"))]
    recs = []  # (header line, {field: (value, line)})
    cur = None
    for ln in lines:
        if ln.startswith(".-["):
            cur = (ln, {})
            recs.append(cur)
        elif cur and (m := re.match(r"^\| (\w+)\s+= (.*)$", ln)) and m.group(1) in P0F_FIELDS:
            cur[1][m.group(1)] = (m.group(2), ln)
        elif m := re.match(r"^\[[^]]*\] (mod=.*)$", ln):
            f = {}
            for part in m.group(1).split("|"):
                k, _, v = part.partition("=")
                if k in P0F_FIELDS:
                    f[k] = (v, ln)
            recs.append((ln, f))
    for fld in P0F_FIELDS:
        vals = [(h, f[fld]) for h, f in recs if fld in f]
        if not vals:
            continue
        cnt = Counter(v for _, (v, _) in vals)
        if cnt.most_common(1)[0][1] * 2 >= len(vals):
            seen = set()
            for h, (v, ln) in vals:
                if cnt[v] <= 2:
                    out.append(ln)
                    if v not in seen:
                        out.append(h)
                        seen.add(v)
    return out + common(lines)


# argus-ra / argus-racluster
ARGUS_CATS = ("Proto", "State", "Flgs")
ARGUS_NUMS = ("TotPkts", "TotBytes", "SrcBytes", "DstBytes", "Dur", "Sport", "Dport", "Trans", "SrcPkts", "DstPkts")
ADDR_COLS = ("SrcAddr", "DstAddr", "Sport", "Dport", "Dir")


def _argus(lines):
    hi = next((i for i, ln in enumerate(lines) if re.search(r"\b(SrcAddr|DstAddr|Proto|TotPkts|Trans)\b", ln)), None)
    if hi is None:
        return common(lines)
    hdr = lines[hi]
    csv = "," in hdr
    h = hdr.split(",") if csv else hdr.split()
    rows = []
    for ln in lines[hi + 1:]:
        t = ln.split(",") if csv else ln.split()
        if not t or ln == hdr or FAULT.search(ln):
            continue
        if len(t) == len(h):
            rows.append((ln, dict(zip(h, t))))
        elif len(t) < len(h):
            # from the right, for the columns at its end (after the last address/port column)
            last = max((k for k, c in enumerate(h) if c in ADDR_COLS), default=-1)
            tail = h[last + 1:]
            if tail and len(t) >= len(tail):
                rows.append((ln, dict(zip(tail, t[len(t) - len(tail):]))))
    return [hdr] + rule4(rows, cats=list(ARGUS_CATS), nums=list(ARGUS_NUMS)) + common(lines)


ARGUS_DOC = ("Rule 4 on ra's table: header; rare Proto/State/Flgs rows; first min/max rows of TotPkts, TotBytes, "
             "Src/DstBytes, Dur, ports, Trans; faults; EXIT=.")
N_RA = cm.named("argus-ra", "table", ARGUS_DOC, _argus)
N_RACLUSTER = cm.named("argus-racluster", "table", ARGUS_DOC, _argus)


# tcptrace
def _tt_head(lines):
    return [ln for ln in lines if re.match(r"^\d+ packets seen|^elapsed wallclock time|^trace file elapsed time|"
                                           r"^TCP connection info:|^\d+ TCP connections traced", ln)]


@cm.kind("tcptrace-brief", "table")
def n_tcptrace_brief(lines):
    """Rule 3/4: count lines; connection rows with a rare (state), first min/max rows of the two packet counts; faults."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s*\d+: \S+ - \S+ \(\w+\)\s+(\d+)>\s+(\d+)<\s+\((.+)\)\s*$", ln)
        if m:
            rows.append((ln, {"a2b": m.group(1), "b2a": m.group(2), "state": m.group(3)}))
    return _tt_head(lines) + rule4(rows, cats=["state"], nums=["a2b", "b2a"]) + common(lines)


@cm.kind("tcptrace-long", "log")
def n_tcptrace_long(lines):
    """Rule 3/4: count lines; blocks of rare complete conn, of min/max a->b total packets and unique bytes; non-zero rexmt/zwnd lines; faults."""
    out = _tt_head(lines)
    blocks = []  # (header, {field: (value, line)})
    cur = None
    for ln in lines:
        if re.match(r"^TCP connection \d+:", ln):
            cur = (ln, {})
            blocks.append(cur)
        elif cur is not None:
            m = re.match(r"^\s*complete conn: (\S+)", ln)
            if m:
                cur[1]["complete"] = (m.group(1), ln)
            m = re.match(r"^\s+(total packets|unique bytes sent):\s+(\d+)\s+\1:", ln)
            if m:
                cur[1][m.group(1)] = (m.group(2), ln)
            m = re.match(r"^\s+(rexmt data pkts|zwnd probe pkts):\s+(\d+)\s+\1:\s+(\d+)", ln)
            if m and (m.group(2) != "0" or m.group(3) != "0"):
                out.append(ln)
    vals = [(h, f["complete"]) for h, f in blocks if "complete" in f]
    if vals:
        cnt = Counter(v for _, (v, _) in vals)
        if cnt.most_common(1)[0][1] * 2 >= len(vals):
            for h, (v, ln) in vals:
                if cnt[v] <= 2:
                    out += [h, ln]
    for fld in ("total packets", "unique bytes sent"):
        vals = [(h, f[fld]) for h, f in blocks if fld in f]
        if vals:
            for h, (v, ln) in (max(vals, key=lambda x: int(x[1][0])), min(vals, key=lambda x: int(x[1][0]))):
                out += [h, ln]
    return out + common(lines)


# ------------------------------------------------------------------ the steps

def stream_of(tmp: Path, f: str, flt: str, extra: str = "") -> str:
    r = cm.run(f"tshark -r {f} {extra} -Y '{flt}' -T fields -e tcp.stream 2>/dev/null | head -n 1", cwd=tmp, timeout=60)
    return r.strip() or "0"


def material(tmp: Path) -> None:
    pcap.lan(tmp, VENV)
    pcap.loopback(tmp)
    cm.run("for f in lan branch lo scan; do [ -f $f.argus ] || argus -r $f.pcap -w $f.argus; done", cwd=tmp, timeout=120)
    (tmp / "flows").mkdir(exist_ok=True)


def wireshark(tmp: Path) -> None:
    T = "tshark"
    D = "-d tcp.port==18277,http -d tcp.port==38277,smtp"
    cases = [
        ("capinfos-three", "capinfos lan.pcap cut.pcap notes.pcap; echo EXIT=$?", n_capinfos),
        ("capinfos-table", "capinfos -T lan.pcap branch.pcap small.pcap lo.pcap scan.pcap cut.pcap merged.pcapng 2>&1", n_capinfos),
        ("capinfos-brief", "capinfos -c -d -u -a -e -s lo.pcap branch.pcap merged.pcapng scan.pcap", n_capinfos),
        ("tshark-phs-lan", f"{T} -r lan.pcap -q -z io,phs", n_tshark_phs),
        ("tshark-phs-lo", f"{T} -r lo.pcap {D} -q -z io,phs 2>&1", n_tshark_phs),
        ("tshark-phs-cut", f"{T} -r cut.pcap -q -z io,phs; echo EXIT=$?", n_tshark_phs),
        ("tshark-expert-lan", f"{T} -r lan.pcap -q -z expert", n_tshark_expert),
        ("tshark-expert-lo", f"{T} -r lo.pcap {D} -q -z expert 2>&1 | head -n 80", n_tshark_expert),
        ("tshark-expert-branch", f"{T} -r branch.pcap -q -z expert,note", n_tshark_expert),
        ("tshark-endpoints-ip", f"{T} -r lan.pcap -q -z endpoints,ip", n_tshark_endpoints),
        ("tshark-endpoints-tcp-scan", f"{T} -r scan.pcap -q -z endpoints,tcp", n_tshark_endpoints),
        ("tshark-endpoints-udp", f"{T} -r branch.pcap -q -z endpoints,udp 2>&1 | head -n 120", n_tshark_endpoints),
        ("tshark-fields-http", f"{T} -r lan.pcap -Y http.request -T fields -E header=y -e frame.number -e ip.src "
         "-e http.request.method -e http.request.uri -e frame.len", n_tshark_fields),
        ("tshark-fields-dns", f"{T} -r lan.pcap -Y 'dns.flags.response==1' -T fields -E header=y -E separator=, "
         "-e frame.time_relative -e ip.dst -e dns.qry.name -e dns.qry.type -e dns.flags.rcode -e dns.time", n_tshark_fields),
        ("tshark-fields-lo-resp", f"{T} -r lo.pcap {D} -Y http.response -T fields -E header=y -e tcp.stream "
         "-e http.response.code -e http.response.phrase -e http.time -e http.content_length; echo EXIT=$?", n_tshark_fields),
        ("tshark-fields-tcp-flags", f"{T} -r branch.pcap -Y 'tcp.flags.syn==1 && tcp.flags.ack==0' -T fields -E header=y "
         "-e ip.src -e tcp.dstport -e tcp.window_size_value -e ip.ttl 2>&1 | head -n 150", n_tshark_fields),
        ("tshark-tree-http", f"{T} -r lan.pcap -q -z http,tree", n_tshark_tree),
        ("tshark-tree-dns", f"{T} -r lan.pcap -q -z dns,tree", n_tshark_tree),
        ("tshark-tree-http-req", f"{T} -r lan.pcap -q -z http_req,tree", n_tshark_tree),
        ("tshark-tree-lo", f"{T} -r lo.pcap {D} -q -z http,tree -z plen,tree", n_tshark_tree),
    ]
    for iid, cmd, ext in cases:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), ext)
    s1 = stream_of(tmp, "lan.pcap", 'http.request.uri contains "UNION"')
    s2 = stream_of(tmp, "lan.pcap", 'smtp.response.code == 550')
    s3 = stream_of(tmp, "lo.pcap", 'http.response.code == 500', D)
    for iid, cmd in [("tshark-follow-sqli", f"{T} -r lan.pcap -q -z follow,tcp,ascii,{s1}"),
                     ("tshark-follow-smtp", f"{T} -r lan.pcap -q -z follow,tcp,ascii,{s2} 2>&1"),
                     ("tshark-follow-lo", f"{T} -r lo.pcap -q -z follow,tcp,ascii,{s3}; echo EXIT=$?")]:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), n_tshark_follow)


def greps(tmp: Path) -> None:
    cases = [
        ("ngrep-attacks", "UNION|passwd|script", "ngrep -I lan.pcap -q 'UNION|passwd|script'"),
        ("ngrep-lo-errors", "HTTP/1.[01] [45]", "ngrep -I lo.pcap -q -W byline 'HTTP/1.[01] [45]'"),
        ("ngrep-smtp-rcpt", "Recipient|RCPT", "ngrep -I lan.pcap -q -t 'Recipient|RCPT' port 25; echo EXIT=$?"),
        ("ngrep-branch-get", "GET", "ngrep -I branch.pcap -q 'GET' tcp port 80 2>&1 | head -n 150"),
    ]
    for iid, pat, cmd in cases:
        NG["pattern"] = pat
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), n_ngrep)
    NG["pattern"] = ""
    f = tmp / "flows"
    for iid, cmd in [("tcpflow-lo", "cd flows && tcpflow -r ../lo.pcap -c 2>&1 | head -n 900"),
                     ("tcpflow-smtp", "cd flows && tcpflow -r ../lan.pcap -c port 25 | head -n 500"),
                     ("tcpflow-web-tail", "cd flows && tcpflow -r ../branch.pcap -c 'tcp port 80' 2>&1 | tail -n 300")]:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), n_tcpflow)
    assert f.exists()
    for iid, cmd in [("p0f-branch", "p0f -r branch.pcap 2>&1 | head -n 600"),
                     ("p0f-scan", "p0f -r scan.pcap"),
                     ("p0f-log-lan", "rm -f p0f.log; p0f -r lan.pcap -o p0f.log > /dev/null; grep -E 'mod=(syn|http request)\\|' p0f.log | tail -n 300; echo EXIT=$?")]:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), n_p0f)


def flows(tmp: Path) -> None:
    S = "-s stime saddr dir daddr dport pkts bytes proto state"
    cases = [
        ("ra-branch", "ra -r branch.argus -n", N_RA),
        ("ra-scan-host", f"ra -r lan.argus -n {S} - host 10.66.6.6 | head -n 60", N_RA),
        ("ra-lo-csv", "ra -r lo.argus -n -c , -s stime proto saddr sport daddr dport pkts bytes state; echo EXIT=$?", N_RA),
        ("ra-lan-udp", f"ra -r lan.argus -n {S} - udp or icmp 2>&1", N_RA),
        ("racluster-saddr", "racluster -r lan.argus -m saddr -s saddr trans pkts bytes", N_RACLUSTER),
        ("racluster-proto-dport", "racluster -r lan.argus -m proto dport -s proto dport trans pkts bytes state | head -n 60", N_RACLUSTER),
        ("racluster-pairs-sorted", "racluster -r lan.argus -m saddr daddr -w - | rasort -m bytes -s saddr daddr trans pkts bytes", N_RACLUSTER),
        ("tcptrace-lo", "tcptrace -n lo.pcap", n_tcptrace_brief),
        ("tcptrace-branch", "tcptrace -n branch.pcap 2>&1 | head -n 200", n_tcptrace_brief),
        ("tcptrace-scan", "tcptrace -n scan.pcap; echo EXIT=$?", n_tcptrace_brief),
        ("tcptrace-long-scan", "tcptrace -l -n scan.pcap | head -n 700", n_tcptrace_long),
        ("tcptrace-long-lo", "tcptrace -l -n lo.pcap 2>&1 | head -n 400", n_tcptrace_long),
        ("tcptrace-long-cut", "tcptrace -l -n cut.pcap 2>&1 | tail -n 250", n_tcptrace_long),
    ]
    for iid, cmd, ext in cases:
        add(iid, cmd, cm.run(cmd, cwd=tmp, timeout=120), ext)


def ensure_tools() -> None:
    """The tools from Debian (Debian 12 has no suricata), scapy in the round's own venv."""
    for tool, pkg in [("tshark", "tshark"), ("ngrep", "ngrep"), ("tcpflow", "tcpflow"), ("p0f", "p0f"),
                      ("argus", "argus-server"), ("ra", "argus-client"), ("tcptrace", "tcptrace"), ("tcpdump", "tcpdump")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "scapy", ["scapy"])


def steps() -> list:
    return [material, wireshark, greps, flows]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide277", sys.modules["__main__"])
    main()
