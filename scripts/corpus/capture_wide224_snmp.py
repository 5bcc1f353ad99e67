"""Round 224, Net-SNMP: an snmpd of the round's own on 127.0.0.1 for a harbour authority's gateway (`tidegate-gw1`:
process and disk checks, an `extend` of the pilot-boat radio roster, a `pass_persist` script serving a berth-sensor table from
a seeded generator under an enterprise arc of the round's own MIB, TIDEGATE-MIB), walked, tabled and queried with
snmpwalk (a bad community too), snmptable and snmpget (missing OIDs), and snmptranslate on copies of the MIB
with faults put in. The base MIB modules (SNMPv2-SMI, SNMPv2-TC, SNMPv2-MIB, IF-MIB …) come from the npm package
net-snmp's lib/mibs, as Debian's mirror ships none. The extractors are this round's (NEEDLES.md, "Round 224"). Run
through capture_wide224.py."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_data import rule4
from capture_more import kind, run
from capture_wide224 import TOOLS, add, exit_lines, pick, shaped

MIBS = TOOLS / "mibs"

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 224")

SNMP_ERR = (r"Timeout: No Response|Error in packet|^Reason: |Failed object: |^snmp\w+: |Unknown Object Identifier"
            r"|No Such (Object|Instance)|Cannot find module|Did not find|Unlinked OID|Undefined identifier"
            r"|Bad operator|Expected |Cannot adopt OID|Bad parse of|[Ee]rror")
VARBIND = re.compile(r"^(\S+) = (?:([A-Za-z][\w-]*): |\"\"$|(No (?:Such|more)))")
SYS = re.compile(r"(sysDescr|sysObjectID|sysUpTime|sysContact|sysName|sysLocation)(Instance)?\.0 |"
                 r"(?:\.1\.3\.6\.1|iso\.3\.6\.1)\.2\.1\.1\.[1-6]\.0 ")


def _varbinds(lines) -> list[tuple[str, str]]:
    out = []
    for ln in lines:
        m = VARBIND.match(ln)
        if m:
            out.append((ln, m.group(2) or m.group(3) or '""'))
    return out


@kind("snmpwalk", "listing")
def n_snmpwalk(lines):
    """Rule 1+4+5: every error line, the first and last varbind, every sysDescr/sysObjectID/sysUpTime/sysContact/sysName/sysLocation varbind, varbinds of a rare value type, the End-of-MIB line."""
    out: list = pick(lines, SNMP_ERR)
    vb = _varbinds(lines)
    if vb:
        out += [vb[0][0], vb[-1][0]]
        out += [ln for ln, _ in vb if SYS.search(ln)]
        out += rule4([(ln, {"type": t}) for ln, t in vb], cat=["type"])
    return out + pick(lines, r"No more variables left in this MIB View") + exit_lines(lines)


@kind("snmptable", "table")
def n_snmptable(lines):
    """Rule 1+4: the `SNMP table:` title line(s), each column header row, rule 4 on the rows, every error line."""
    out: list = pick(lines, r"^SNMP table: ") + pick(lines, SNMP_ERR)
    # blocks: after a title, the first non-blank line is a header, the rest are rows until a blank line
    sep = None
    for ln in lines:
        if "," in ln and not ln.startswith("SNMP table"):
            sep = ","
            break
    i, blocks = 0, []
    while i < len(lines):
        if lines[i].startswith("SNMP table") or (i == 0 and lines[i].strip()):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j >= len(lines):
                break
            hdr, rows = lines[j], []
            k = j + 1
            while k < len(lines) and lines[k].strip() and not lines[k].startswith("SNMP table"):
                rows.append(lines[k])
                k += 1
            blocks.append((hdr, rows))
            i = k
        else:
            i += 1
    for hdr, rows in blocks:
        if sep:
            names = [c.strip() for c in hdr.split(sep)]
            cells = [(r, [c.strip() for c in r.split(sep)]) for r in rows]
        else:  # snmptable right-aligns each column under its header: a cell ends where its header name ends
            names, ends = [], []
            for m in re.finditer(r"\S+", hdr):
                names.append(m.group())
                ends.append(m.end())
            starts = [0] + ends[:-1]
            cells = [(r, [r[s0:e].strip() if i < len(ends) - 1 else r[s0:].strip()
                          for i, (s0, e) in enumerate(zip(starts, ends))]) for r in rows]
        parsed = []
        for r, cs in cells:
            rec = {}
            for c, v in zip(names, cs):
                m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(?: [A-Za-z%]+)?", v)
                rec[c] = float(m.group(1)) if m else v
            parsed.append((r, rec))
        if not parsed:
            out.append(hdr)
            continue
        cats, nums = [], []
        for c in names:
            vals = [p[1].get(c, "") for p in parsed]
            if all(isinstance(v, float) for v in vals):
                if len(set(vals)) > 1:
                    nums.append(c)
            elif len({str(v) for v in vals}) <= max(12, len(vals) // 10):
                cats.append(c)
        out += rule4(parsed, cat=cats, nums=nums, header=[hdr])
    return out + exit_lines(lines)


@kind("snmpget", "listing")
def n_snmpget(lines):
    """Rule 1+5: every answer line (`OID = TYPE: value`), every No Such Object/Instance / No more variables line, every error line."""
    return [ln for ln, _ in _varbinds(lines)] + pick(lines, SNMP_ERR + r"|No more variables") + exit_lines(lines)


@kind("snmptranslate-mib", "lint")
def n_snmptranslate(lines):
    """Rule 1+5: every MIB parse error/warning line (one {"any"} per shape past 3 lines), every translated OID line, -Tp's first tree line and the lines of nodes of the round's own MIB."""
    errs = [ln for ln in lines if re.search(SNMP_ERR, ln) and not ln.startswith("MIB search path")]
    out: list = shaped(errs)
    out += pick(lines, r"^(\.1\.3\.6\.|[A-Z][A-Za-z0-9-]*-MIB::)")
    tree = [ln for ln in lines if re.match(r"^\s*[+|]", ln)]
    if tree:
        out.append(tree[0])
        out += [ln for ln in tree if re.search(r"\b(tidegate|berth|tg)[A-Za-z]*\(", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the material

TIDEGATE_MIB = """TIDEGATE-MIB DEFINITIONS ::= BEGIN

IMPORTS
    MODULE-IDENTITY, OBJECT-TYPE, Integer32, Gauge32, enterprises
        FROM SNMPv2-SMI
    DisplayString
        FROM SNMPv2-TC;

tidegate MODULE-IDENTITY
    LAST-UPDATED "202611010000Z"
    ORGANIZATION "Tidegate harbour authority"
    CONTACT-INFO "harbour-it@tidegate.example"
    DESCRIPTION  "Berth sensors of the harbour gateway."
    ::= { enterprises 99991 }

tgBerths OBJECT IDENTIFIER ::= { tidegate 1 }

berthSensorTable OBJECT-TYPE
    SYNTAX      SEQUENCE OF BerthSensorEntry
    MAX-ACCESS  not-accessible
    STATUS      current
    DESCRIPTION "One row per berth sensor."
    ::= { tgBerths 1 }

berthSensorEntry OBJECT-TYPE
    SYNTAX      BerthSensorEntry
    MAX-ACCESS  not-accessible
    STATUS      current
    DESCRIPTION "A berth sensor."
    INDEX       { berthIndex }
    ::= { berthSensorTable 1 }

BerthSensorEntry ::= SEQUENCE {
    berthIndex      Integer32,
    berthName       DisplayString,
    berthState      INTEGER,
    berthDraftCm    Gauge32,
    berthTideCm     Integer32,
    berthBatteryPct Gauge32
}

berthIndex OBJECT-TYPE
    SYNTAX      Integer32 (1..65535)
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Row index."
    ::= { berthSensorEntry 1 }

berthName OBJECT-TYPE
    SYNTAX      DisplayString
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Berth name."
    ::= { berthSensorEntry 2 }

berthState OBJECT-TYPE
    SYNTAX      INTEGER { ok(1), degraded(2), offline(3), flooded(4) }
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Sensor state."
    ::= { berthSensorEntry 3 }

berthDraftCm OBJECT-TYPE
    SYNTAX      Gauge32
    UNITS       "cm"
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Water depth at the berth."
    ::= { berthSensorEntry 4 }

berthTideCm OBJECT-TYPE
    SYNTAX      Integer32
    UNITS       "cm"
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Tide level against chart datum."
    ::= { berthSensorEntry 5 }

berthBatteryPct OBJECT-TYPE
    SYNTAX      Gauge32 (0..100)
    MAX-ACCESS  read-only
    STATUS      current
    DESCRIPTION "Sensor battery."
    ::= { berthSensorEntry 6 }

END
"""

# a pass_persist script: the berth table as a sorted OID -> (type, value) map read from a file written by the generator
PASS_PY = r"""import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
def key(o):
    return tuple(int(x) for x in o.strip(".").split("."))
data = sorted(((r[0], r[1], r[2]) for r in rows), key=lambda t: key(t[0]))
out = sys.stdout
while True:
    cmd = sys.stdin.readline()
    if not cmd:
        break
    cmd = cmd.strip()
    if cmd == "PING":
        out.write("PONG\n"); out.flush(); continue
    oid = sys.stdin.readline().strip()
    hit = None
    if cmd == "get":
        hit = next((t for t in data if t[0] == oid), None)
    elif cmd == "getnext":
        k = key(oid)
        hit = next((t for t in data if key(t[0]) > k), None)
    elif cmd == "set":
        sys.stdin.readline(); out.write("not-writable\n"); out.flush(); continue
    out.write("NONE\n" if hit is None else "%s\n%s\n%s\n" % hit); out.flush()
"""

NAMES = ["North Quay", "South Quay", "Ferry Ramp", "Pilot Pontoon", "Fish Dock", "Grain Pier", "Tanker Jetty",
         "Coaster Berth", "Ro-Ro Link", "Dry Dock Gate", "Marina Spur", "Tug Mooring"]


def berth_rows(n: int, seed: int) -> list[tuple]:
    rnd = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        name = f"{NAMES[(i - 1) % len(NAMES)]} {1 + (i - 1) // len(NAMES)}"
        state = 1 if rnd.random() > 0.06 else rnd.choice([2, 3, 4])
        draft = rnd.randint(380, 1450)
        tide = rnd.randint(-60, 420)
        batt = rnd.randint(55, 100) if state == 1 else rnd.randint(0, 30)
        out.append((i, name, state, draft, tide, batt))
    return out


def write_agent(root: Path, port: int, n_berths: int, seed: int) -> Path:
    base = ".1.3.6.1.4.1.99991.1.1.1"
    lines = []
    for i, name, state, draft, tide, batt in berth_rows(n_berths, seed):
        lines += [f"{base}.1.{i}\tinteger\t{i}", f"{base}.2.{i}\tstring\t{name}", f"{base}.3.{i}\tinteger\t{state}",
                  f"{base}.4.{i}\tgauge\t{draft}", f"{base}.5.{i}\tinteger\t{tide}", f"{base}.6.{i}\tgauge\t{batt}"]
    rnd = random.Random(seed + 1)
    roster = [f"PB-{k:02d} {rnd.choice(['ch12', 'ch14', 'ch16', 'ch69'])} crew={rnd.randint(2, 5)} "
              f"{rnd.choice(['on-station', 'on-station', 'on-station', 'refuelling', 'OUT OF SERVICE'])}"
              for k in range(1, 19)]
    cm.write_tree(root, {
        "berths.tsv": "\n".join(lines) + "\n",
        "pass_berths.py": PASS_PY,
        "roster.txt": "\n".join(roster) + "\n",
        "snmpd.conf": f"""agentAddress udp:127.0.0.1:{port}
rocommunity tidegate-ro 127.0.0.1
rocommunity harbour-ops 127.0.0.1 .1.3.6.1.4.1.99991
sysLocation Pilot station, berth 4, Tidegate harbour
sysContact harbour-it@tidegate.example
sysName tidegate-gw1
sysServices 72
proc tidegated
proc chronyd 1 1
proc snmpd
disk / 10%
disk /srv/berthlog 5%
load 0.01 0.01 0.01
extend radios /bin/cat {root}/roster.txt
extend tideclock /bin/sh -c "echo tide-clock drift 0.8s; exit 2"
pass_persist .1.3.6.1.4.1.99991.1 /usr/bin/python3 -u {root}/pass_berths.py {root}/berths.tsv
""",
    })
    return root / "snmpd.conf"


def break_mibs(d: Path) -> None:
    """Copies of TIDEGATE-MIB with faults put in."""
    good = TIDEGATE_MIB
    bad1 = good.replace("FROM SNMPv2-TC;", "FROM SNMPv2-TEXTUAL;")  # a module that is not there
    bad2 = good.replace("::= { berthSensorEntry 5 }", "::= { berthSensorEntri 5 }")  # an undefined parent
    bad3 = good.replace("Integer32, Gauge32, enterprises", "Integer32, Gauge32")  # enterprises not imported
    bad3 = bad3.replace('SYNTAX      Gauge32 (0..100)', 'SYNTAX      Gauge32 (0..100')  # a missing bracket
    for name, body in {"TIDEGATE-MIB.txt": good, "TIDEGATE-V2-MIB.txt": bad1.replace("TIDEGATE-MIB", "TIDEGATE-V2-MIB"),
                       "TIDEGATE-V3-MIB.txt": bad2.replace("TIDEGATE-MIB", "TIDEGATE-V3-MIB"),
                       "TIDEGATE-V4-MIB.txt": bad3.replace("TIDEGATE-MIB", "TIDEGATE-V4-MIB")}.items():
        (d / name).write_text(body)


def snmp(tmp: Path) -> None:
    root = tmp / "tidegate-snmp"
    root.mkdir(parents=True, exist_ok=True)
    mibs = root / "mibs"
    mibs.mkdir()
    run(f"cp {MIBS}/*.txt {mibs}/")
    break_mibs(mibs)
    port = cm.free_port()
    conf = write_agent(root, port, 160, 22401)
    env = {"MIBDIRS": str(mibs), "MIBS": "SNMPv2-MIB:IF-MIB:TIDEGATE-MIB", "SNMP_PERSISTENT_DIR": str(root / "persist")}
    cm.start(f"snmpd -f -Lo -C -c {conf} -p {root}/snmpd.pid", cwd=root, env=env, log=open(root / "snmpd.log", "w"))
    time.sleep(2)
    a = f"127.0.0.1:{port}"
    c = "-v2c -c tidegate-ro"

    def go(iid, cmd, ext, **kw):
        add(iid, cmd, run(cmd, cwd=root, env=env, timeout=180), ext)

    go("snmpwalk-ucd-procs-disks", f"snmpwalk {c} {a} .1.3.6.1.4.1.2021", n_snmpwalk)
    go("snmpwalk-extend-tail", f"snmpwalk {c} -On {a} .1.3.6.1.4.1.8072.1.3 | tail -n 60", n_snmpwalk)
    go("snmpwalk-berths", f"snmpwalk {c} {a} TIDEGATE-MIB::tidegate", n_snmpwalk)
    go("snmpwalk-interfaces-head", f"snmpwalk {c} {a} interfaces 2>&1 | head -n 100", n_snmpwalk)
    go("snmpwalk-communities", f"for comm in tidegate-ro harbour-ops tidegate-rw; do echo \"== $comm\"; snmpwalk -v2c "
       f"-c $comm -t 1 -r 1 {a} system; echo EXIT=$?; done", n_snmpwalk)
    go("snmptable-berths", f"snmptable {c} {a} TIDEGATE-MIB::berthSensorTable", n_snmptable)
    go("snmptable-berths-csv", f"snmptable {c} -Cf , {a} TIDEGATE-MIB::berthSensorTable | head -n 120", n_snmptable)
    go("snmpget-mixed", f"snmpget {c} {a} sysName.0 sysUpTime.0 sysLocation.0 ifDescr.1 ifOperStatus.4 "
       f"TIDEGATE-MIB::berthState.7 TIDEGATE-MIB::berthState.400 TIDEGATE-MIB::berthTideCm.12 sysORID.99 "
       f"ifSpeed.2; echo EXIT=$?", n_snmpget)
    menv = {"MIBDIRS": str(mibs), "MIBS": "SNMPv2-MIB"}
    for iid, cmd in [
        ("snmptranslate-missing-import", "snmptranslate -m +TIDEGATE-V2-MIB -Tp -IR berthSensorTable; echo EXIT=$?"),
        ("snmptranslate-all-tp", "snmptranslate -m ALL -M +/usr/share/snmp/mibs -Tp 2>&1 | head -n 150"),
        ("snmptranslate-bad-syntax", "snmptranslate -m +TIDEGATE-V4-MIB -Td -IR berthBatteryPct; echo EXIT=$?"),
    ]:
        add(iid, cmd, run(cmd, cwd=root, env=menv), n_snmptranslate)


STEPS = [snmp]
