"""Round 224, services of a harbour authority's network (`tidegate`) on 127.0.0.1: FreeRADIUS (`freeradius -XC` on
configs with faults put in, `freeradius -X` while `radtest` sends accepted and rejected requests), ISC Kea
(`kea-dhcp4 -t`) and isc-dhcp-server (`dhcpd -t -cf`) on configs with overlapping pools, unknown keywords and pools off
their subnet, chrony (a server and a client chronyd on loopback ports, `chronyc` against the client), SIPp (a UAC
scenario against a SIPp UAS, one scenario failing), `prosodyctl check config`, `kamailio -c` and `keepalived -t` on
configs with faults put in. The extractors are this round's (NEEDLES.md, "Round 224"). Run through
capture_wide224.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import add, exit_lines, pick, shaped

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 224")


@kind("freeradius-xc", "build")
def n_freeradius_xc(lines):
    """Rule 1+3: every error line (ERROR/Error/Failed/Invalid/Unknown/Parse error/file[N] lines), WARNING lines one {"any"} per shape, the FreeRADIUS Version line, the closing verdict."""
    err = pick(lines, r"ERROR|\bError\b|Errors reading|\bFailed\b|\bfailed\b|\bInvalid\b|\bUnknown\b|Parse error"
                      r"|^\S+\[\d+\]: ")
    warn = [ln for ln in pick(lines, r"WARNING|Warning") if ln not in err]
    out: list = err + cm.groups((cm.mask(ln), ln) for ln in warn) + pick(lines, r"FreeRADIUS Version")
    out += pick(lines, r"Configuration appears to be OK")
    tail = [ln for ln in lines if ln.strip() and not re.match(r"^EXIT=\d+$", ln.strip())]
    if tail and not out[-1:] == [tail[-1]]:
        out.append(tail[-1])
    return out + exit_lines(lines)


@kind("freeradius-debug", "log")
def n_freeradius_debug(lines):
    """Rule 1+5: every (N) Received Access-Request / Sent Access-Accept|Reject|Challenge line, every line saying why a request was refused or dropped, every ERROR line, WARNING lines one {"any"} per shape, Ready to process requests."""
    out: list = pick(lines, r"Received Access-Request|Sent Access-(Accept|Reject|Challenge)")
    out += pick(lines, r"Login incorrect|Invalid user|Rejected|invalid Message-Authenticator|Shared secret is incorrect"
                       r"|Ignoring request|unknown client|Dropping packet|ERROR")
    warn = pick(lines, r"WARNING")
    out += cm.groups((cm.mask(re.sub(r"^\(\d+\)\s*", "", ln)), ln) for ln in warn)
    return out + pick(lines, r"Ready to process requests") + exit_lines(lines)


@kind("radtest", "log")
def n_radtest(lines):
    """Rule 1+5: every Sent Access-Request line, every Received Access-… reply line, every reply attribute line under a reply, every error line."""
    out: list = pick(lines, r"Sent Access-Request|Received Access-")
    for i, ln in enumerate(lines):
        if re.search(r"Received Access-", ln):
            for nx in lines[i + 1:]:
                if re.match(r"^\s+\S+ = ", nx):
                    out.append(nx)
                else:
                    break
    out += pick(lines, r"Expected Access-|No reply from server|^radclient: |\bFailed\b|[Ee]rror")
    return out + exit_lines(lines)


@kind("kea-config-test", "build")
def n_kea(lines):
    """Rule 1+3: every ERROR/FATAL line, every line naming a (file:line:col) location or holding failed/error, WARN lines one {"any"} per (log id, shape), the closing line of a successful check, EXIT=."""
    out: list = pick(lines, r"\bERROR\b|\bFATAL\b|\w+\.json:\d+|\(\S+:\d+:\d+\)|[Ff]ailed|\berror\b")
    warn = [ln for ln in pick(lines, r"\bWARN\b") if ln not in out]
    out += cm.groups(((re.search(r"\] (\w+)", ln) or re.search(r"(WARN)", ln)).group(1) + cm.mask(ln.split("]", 1)[-1]),
                      ln) for ln in warn)
    ok = [ln for ln in lines if ln.strip()]
    if ok and not re.search(r"ERROR|FATAL|failed", "\n".join(lines)):
        tail = [ln for ln in ok if not re.match(r"^EXIT=", ln)]
        out += tail[-1:]
    return out + exit_lines(lines)


@kind("dhcpd-config-test", "build")
def n_dhcpd(lines):
    """Rule 1+3: every `FILE line N: message` line and the source line after it, the Configuration file errors / exiting lines, WARNING lines one {"any"} per shape, the version line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r" line \d+: ", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and lines[i + 1].strip() != "^":
                out.append(lines[i + 1])
    out += pick(lines, r"Configuration file errors encountered|exiting|[Nn]ot configured to listen")
    out += cm.groups((cm.mask(ln), ln) for ln in pick(lines, r"WARNING|[Ww]arning") if ln not in out)
    return out + pick(lines, r"Internet Systems Consortium DHCP Server") + exit_lines(lines)


@kind("chronyd-log", "log")
def n_chronyd(lines):
    """Rule 1+5: the chronyd version … starting line, every Fatal error/Could not/Invalid/Unknown/error line, source-state and clock lines (one {"any"} per shape past 3), EXIT=."""
    out: list = pick(lines, r"chronyd version .* starting")
    out += pick(lines, r"Fatal error|Could not|Invalid|Unknown|[Ee]rror")
    state = [ln for ln in pick(lines, r"Selected source|Can't synchronise|Source .* (online|offline|replaced)|unreachable"
                                      r"|System clock wrong by|Frequency|offset") if ln not in out]
    return out + shaped(state) + exit_lines(lines)


def _chrony_table(lines, names: list[str]):
    rows = []
    for ln in lines:
        m = re.match(r"^([\^=#])([*+\-?x~])\s+(\S+)\s+(\d+)\s+(-?\d+)\s+(\d+)\s+(\S+)\s+(.*)$", ln)
        if m:
            rows.append((ln, {"ms": m.group(1) + m.group(2), "Reach": int(m.group(6), 8), "LastRx": m.group(7)}))
    return rows


def _secs(v: str):
    m = re.fullmatch(r"(\d+)([smhdy]?)", v or "")
    if not m:
        return None
    return int(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "y": 31536000}[m.group(2)]


@kind("chronyc-sources", "table")
def n_chronyc_sources(lines):
    """Rule 4: the column header row, the selected source's row, rows of a rare mode-state pair, the min and max of Reach and LastRx (sourcestats: NP, Offset, Std Dev), every error line."""
    from capture_data import rule4
    out: list = pick(lines, r"^\s*(MS Name/IP address|Name/IP Address)\s")
    rows = _chrony_table(lines, [])
    if rows:
        out += [ln for ln, r in rows if r["ms"][1] == "*"]
        for ln, r in rows:
            r["LastRx"] = _secs(r["LastRx"])
        out += rule4(rows, cat=["ms"], nums=["Reach", "LastRx"])
    st = []
    for ln in lines:
        m = re.match(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+\w?)\s+([-+]?[\d.]+)\s+([\d.]+)\s+([-+]?[\d.]+\w+)\s+([\d.]+\w+)$", ln)
        if m:
            st.append((ln, {"NP": m.group(2), "Offset": m.group(7), "Std Dev": m.group(8)}))
    if st:
        def v(x):
            m = re.fullmatch(r"([-+]?[\d.]+)(ns|us|ms|s)", x)
            return float(m.group(1)) * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1}[m.group(2)] if m else None
        conv = [(ln, {"NP": int(r["NP"]), "Offset": v(r["Offset"]), "Std Dev": v(r["Std Dev"])}) for ln, r in st]
        out += rule4(conv, nums=["NP", "Offset", "Std Dev"])
    legend = re.compile(r"^\s*([|/.]|\|\||=+$)")
    return out + [ln for ln in pick(lines, r"^50\d |Could not|[Ee]rror") if not legend.match(ln)] + exit_lines(lines)


@kind("chronyc-report", "table")
def n_chronyc_report(lines):
    """Rule 5: tracking's Reference ID/Stratum/System time/Last offset/RMS offset/Frequency/Leap status, activity's online/offline/unknown lines, serverstats/ntpdata drop counts and Remote address/Leap status/Stratum/Offset, every error line."""
    pat = (r"^(Reference ID|Stratum|System time|Last offset|RMS offset|Frequency|Leap status)\s*:"
           r"|sources? (online|offline|doing burst|with unknown address)|[Dd]ropped|^Remote address\s*:|^Offset\s*:"
           r"|^50\d |Could not|[Ee]rror")
    return pick(lines, pat) + exit_lines(lines)


@kind("sipp-screen", "table")
def n_sipp_screen(lines):
    """Rule 4+5: every message row of the scenario table, rows with non-zero Retrans/Timeout/Unexpected counts, the Successful/Failed call, Total Call created and Call Rate lines, every error/warning line below the table."""
    out: list = []
    for ln in lines:
        if re.search(r"(-{3,}>|<-{3,}|^\s*\[\s*\d+ms\]|Pause \[|\[\s*NOP\s*\])", ln) and not re.search(r"Messages\s+Retrans", ln):
            out.append(ln)
    out += pick(lines, r"Successful call|Failed call|Total Call created|Call Rate|Aborting call|Last Error:|Unable to"
                       r"|[Ff]ailed (to|on)|[Ee]rror")
    return out + exit_lines(lines)


@kind("sipp-error-log", "log")
def n_sipp_err(lines):
    """Rule 1: the first and last error line, one {"any"} per message shape (Call-Ids, timestamps, numbers masked)."""
    errs = [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=")]
    if not errs:
        return exit_lines(lines)
    def key(ln):
        s = re.sub(r"^[\d\-:. ]+\t?", "", ln)
        s = re.sub(r"'[^']*'", "<q>", s)
        return cm.shape(s)
    return [errs[0], errs[-1]] + cm.groups((key(ln), ln) for ln in errs) + exit_lines(lines)


@kind("sipp-stat-csv", "table")
def n_sipp_stat(lines):
    """Rule 4: the header row, min and max of FailedCall(C), SuccessfulCall(C), CurrentCall and ResponseTime columns, the last row."""
    from capture_data import rule4
    rows = [ln for ln in lines if ";" in ln]
    if not rows:
        return exit_lines(lines)
    hdr = rows[0]
    names = hdr.split(";")
    recs = [(ln, dict(zip(names, ln.split(";")))) for ln in rows[1:]]
    nums = [c for c in names if re.match(r"(FailedCall\(C\)|SuccessfulCall\(C\)|CurrentCall|ResponseTime)", c)]
    def tosec(v):
        m = re.fullmatch(r"(\d+):(\d+):(\d+):(\d+)", v or "")
        return str(int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + int(m.group(4)) / 1e6) if m else v
    recs = [(ln, {k: tosec(v) for k, v in r.items()}) for ln, r in recs]
    out = rule4(recs, nums=nums, header=[hdr])
    if recs:
        out.append(recs[-1][0])
    return out + exit_lines(lines)


@kind("prosodyctl-check", "lint")
def n_prosodyctl(lines):
    """Rule 1+3: every Checking … heading, the first line of every problem paragraph inside a section, every error/not found/Unknown/failed line, the closing verdict."""
    out: list = pick(lines, r"^Checking ")
    inside, para = False, False
    for ln in lines:
        if ln.startswith("Checking "):
            inside, para = True, False
            continue
        if re.match(r"^\s*Done\.?\s*$", ln):
            inside = False
            continue
        if inside:
            if ln.strip() and not para:
                out.append(ln)
            para = bool(ln.strip())
    out += pick(lines, r"[Ee]rror|not found|Unknown|[Ff]ailed")
    verdict = pick(lines, r"All checks passed|Problem|problems")
    tail = [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=")]
    out += verdict[-1:] or tail[-1:]
    return out + exit_lines(lines)


@kind("kamailio-config-check", "build")
def n_kamailio(lines):
    """Rule 1+3: every ERROR:/CRITICAL: line with its location, WARNING: lines one {"any"} per shape, the closing verdict, EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"\b(ERROR|CRITICAL|BUG|ALERT):", ln):
            out.append(ln)
            if not re.search(r"line \d+", ln):
                loc = cm.next_match(lines, i, r"line \d+, col(umn)? \d+|\.cfg:\d+")
                if loc:
                    out.append(loc)
    out += cm.groups((cm.mask(re.sub(r"^.*?WARNING:", "", ln)), ln) for ln in pick(lines, r"\bWARNING:"))
    out += pick(lines, r"config file ok, exiting|bad config file")
    return out + exit_lines(lines)


@kind("keepalived-config-test", "build")
def n_keepalived(lines):
    """Rule 1+3: every unknown-keyword/missing/invalid/error/not found/Unable/Non-existent/failed line (one {"any"} per shape past 3), the verdict line if printed, EXIT=."""
    bad = pick(lines, r"WARNING|Unknown keyword|[Ii]nvalid|[Mm]issing|[Ee]rror|not found|Unable|Non-existent|[Ff]ailed"
                      r"|[Uu]nknown|out of range|must be|ignoring|[Dd]uplicate")
    out = shaped([re.sub(r"^\w{3} \w{3} +\d+ [\d:]+ \d{4}: ", "", ln) and ln for ln in bad])
    return out + pick(lines, r"[Cc]onfiguration (file )?(is )?(OK|valid|check)") + exit_lines(lines)


# ------------------------------------------------------------------ the material

def radius(tmp: Path) -> None:
    fr = tmp / "raddb"
    run(f"cp -a /etc/freeradius/3.0 {fr}")
    run(f"sed -i -e 's/^\\s*user = freerad/#user = freerad/' -e 's/^\\s*group = freerad/#group = freerad/' "
        f"{fr}/radiusd.conf")
    rnd = random.Random(22410)
    users = []
    for k in range(1, 41):
        users.append(f'pilot{k:02d} Cleartext-Password := "tide-{rnd.randint(1000, 9999)}"\n'
                     f'\tReply-Message := "Welcome aboard, pilot {k:02d}",\n\tFramed-IP-Address := 10.44.0.{k + 10}\n')
    (fr / "mods-config/files/authorize").write_text("\n".join(users) + '\nDEFAULT Auth-Type := Reject\n'
                                                     '\tReply-Message := "Unknown harbour account"\n')
    run(f"sed -i 's/^\\s*secret = testing123/\\tsecret = tidegate-s3cret/' {fr}/clients.conf")
    port = 21812
    # faulty copies for -XC
    for name, fault in [("raddb-unknown-module", "authorize"), ("raddb-dup-client", "clients"),
                        ("raddb-brace", "brace")]:
        d = tmp / name
        run(f"cp -a {fr} {d}")
        if fault == "authorize":
            run(f"sed -i '0,/^\\s*filter_username/s//\\ttidegate_ldap\\n\\tfilter_username/' {d}/sites-enabled/default")
        elif fault == "clients":
            with open(d / "clients.conf", "a") as f:
                f.write("\nclient berth-sensors {\n\tipaddr = 127.0.0.0/8\n\tsecret = berths\n\tshortname = berths\n}\n"
                        "\nclient tidegate-gate {\n\tipaddr = 127.0.0.1\n\tsecret = tidegate-s3cret\n"
                        "\tshortname = gate-office\n}\n")
        else:
            p = d / "sites-enabled/default"
            p.write_text(p.read_text().replace("authorize {", "authorize {\n\tif (&User-Name =~ /^pilot[0-9]+$/ {\n"
                                               "\t\tupdate control {\n\t\t\t&Tmp-String-0 := 'pilot'\n\t\t}\n\t}", 1))
    add("freeradius-xc-unknown-module", "freeradius -XC -d raddb-unknown-module 2>&1 | tail -n 80",
        run("freeradius -XC -d raddb-unknown-module 2>&1 | tail -n 80", cwd=tmp), n_freeradius_xc)
    add("freeradius-xc-duplicate-client", "freeradius -XC -d raddb-dup-client; echo EXIT=$?",
        run("freeradius -XC -d raddb-dup-client; echo EXIT=$?", cwd=tmp), n_freeradius_xc)
    add("freeradius-xc-brace", "freeradius -XC -d raddb-brace 2>&1 | tail -n 120; echo EXIT=$?",
        run("freeradius -XC -d raddb-brace 2>&1 | tail -n 120; echo EXIT=$?", cwd=tmp), n_freeradius_xc)
    log = tmp / "radiusd-debug.log"
    cm.start(f"freeradius -X -f -d {fr} -i 127.0.0.1 -p {port}", cwd=tmp, log=open(log, "w"))
    for _ in range(60):
        time.sleep(0.5)
        if "Ready to process requests" in log.read_text(errors="replace"):
            break
    rnd = random.Random(22410)
    pw = {f"pilot{k:02d}": f"tide-{rnd.randint(1000, 9999)}" for k in range(1, 41)}
    seq = []
    for k in range(1, 25):
        u = f"pilot{k:02d}"
        seq.append((u, pw[u] if k % 5 else "tide-0000", "tidegate-s3cret"))
    seq += [("deckhand7", "rope", "tidegate-s3cret"), ("pilot03", pw["pilot03"], "wrong-secret")]
    out = []
    for u, p, s in seq[:24]:
        out.append(run(f"radtest {u} {p} 127.0.0.1:{port} 0 {s}", cwd=tmp, timeout=60))
    add("radtest-accept-reject", f"for u in $(seq -f 'pilot%02g' 1 24); do radtest $u \"$(pw $u)\" 127.0.0.1:{port} 0 "
        f"tidegate-s3cret; done", "".join(out), n_radtest)
    typed = (f"radtest deckhand7 rope 127.0.0.1:{port} 0 tidegate-s3cret; echo EXIT=$?; "
             f"radtest pilot05 tide-0000 127.0.0.1:{port} 0 tidegate-s3cret; echo EXIT=$?")
    add("radtest-unknown-user", typed, run(typed, cwd=tmp), n_radtest)
    add("radtest-wrong-secret", f"radtest pilot03 {pw['pilot03']} 127.0.0.1:{port} 0 wrong-secret; echo EXIT=$?",
        run(f"radtest pilot03 {pw['pilot03']} 127.0.0.1:{port} 0 wrong-secret; echo EXIT=$?", cwd=tmp, timeout=90),
        n_radtest)
    time.sleep(1)
    add("freeradius-debug-tail", "tail -n 400 radiusd-debug.log", run("tail -n 400 radiusd-debug.log", cwd=tmp),
        n_freeradius_debug)
    add("freeradius-debug-grep", "grep -nE 'Received|Sent|incorrect|ERROR|WARNING|Ready' radiusd-debug.log",
        run("grep -nE 'Received|Sent|incorrect|ERROR|WARNING|Ready' radiusd-debug.log", cwd=tmp), n_freeradius_debug)
    add("freeradius-debug-head", "head -n 700 radiusd-debug.log", run("head -n 700 radiusd-debug.log", cwd=tmp),
        n_freeradius_debug)


def kea_conf(n: int, seed: int, fault: str) -> str:
    import json
    rnd = random.Random(seed)
    subnets = []
    for i in range(1, n + 1):
        net = f"10.{40 + i // 200}.{i % 200}"
        sub = {"id": i, "subnet": f"{net}.0/24", "pools": [{"pool": f"{net}.{rnd.randint(20, 60)} - {net}.{rnd.randint(150, 240)}"}],
               "option-data": [{"name": "routers", "data": f"{net}.1"}],
               "user-context": {"berth": f"berth-{i:03d}"}}
        subnets.append(sub)
    if fault == "overlap":
        subnets[n // 2]["pools"].append({"pool": subnets[n // 2]["pools"][0]["pool"].split(" - ")[0][:-2] + "70 - "
                                         + subnets[n // 2]["subnet"][:-4] + "90"})
    elif fault == "outside":
        subnets[-3]["pools"][0]["pool"] = "10.99.7.10 - 10.99.7.60"
    elif fault == "dupid":
        subnets[-1]["id"] = subnets[4]["id"]
    conf = {"Dhcp4": {"interfaces-config": {"interfaces": ["lo"]}, "valid-lifetime": 4000,
                      "lease-database": {"type": "memfile", "persist": False}, "subnet4": subnets,
                      "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "stdout"}], "severity": "DEBUG",
                                   "debuglevel": 40}]}}
    text = json.dumps(conf, indent=2)
    if fault == "keyword":
        text = text.replace('"valid-lifetime": 4000,', '"valid-lifetime": 4000,\n    "renew-timer-secs": 900,')
    if fault == "comma":
        text = text.replace('"persist": false\n    },', '"persist": false\n    }')
    return text


DHCPD = """# tidegate berth network
authoritative;
default-lease-time 3600;
max-lease-time 7200;
option domain-name "berths.tidegate.example";
"""


def dhcp(tmp: Path) -> None:
    d = tmp / "dhcp"
    d.mkdir()
    for name, n, fault in [("kea-overlap.json", 60, "overlap"), ("kea-outside.json", 90, "outside"),
                           ("kea-keyword.json", 30, "keyword"), ("kea-comma.json", 20, "comma"), ("kea-dupid.json", 120, "dupid")]:
        (d / name).write_text(kea_conf(n, 22420 + n, fault))
    add("kea-dhcp4-t-overlap", "kea-dhcp4 -t kea-overlap.json; echo EXIT=$?",
        run("kea-dhcp4 -t kea-overlap.json; echo EXIT=$?", cwd=d), n_kea)
    add("kea-dhcp4-t-outside-tail", "kea-dhcp4 -t kea-outside.json 2>&1 | tail -n 60",
        run("kea-dhcp4 -t kea-outside.json 2>&1 | tail -n 60", cwd=d), n_kea)
    typed = ("for f in kea-keyword.json kea-comma.json kea-overlap.json; do echo \"== $f\"; kea-dhcp4 -t $f 2>&1 "
             "| grep -vE 'INFO|DEBUG'; echo EXIT=$?; done")
    add("kea-dhcp4-t-loop-errors", typed, run(typed, cwd=d), n_kea)
    add("kea-dhcp4-t-dupid", "kea-dhcp4 -t kea-dupid.json 2>&1 | grep -iE 'error|fail|warn|subnet' | tail -n 150",
        run("kea-dhcp4 -t kea-dupid.json 2>&1 | grep -iE 'error|fail|warn|subnet' | tail -n 150", cwd=d), n_kea)
    rnd = random.Random(22430)
    body = [DHCPD]
    for i in range(1, 41):
        net = f"10.60.{i}"
        lo, hi = rnd.randint(20, 60), rnd.randint(150, 240)
        if i == 17:
            body.append(f"subnet {net}.0 netmask 255.255.255.0 {{\n  range {net}.{lo} 10.60.{i + 1}.{hi};\n"
                        f"  option routers {net}.1;\n}}\n")
        elif i == 29:
            body.append(f"subnet {net}.0 netmask 255.255.255.0 {{\n  range {net}.{lo} {net}.{hi}\n"
                        f"  option routers {net}.1;\n}}\n")
        else:
            body.append(f"subnet {net}.0 netmask 255.255.255.0 {{\n  range {net}.{lo} {net}.{hi};\n"
                        f"  option routers {net}.1;\n  option berth-code \"B{i:03d}\";\n}}\n" if i == 33 else
                        f"subnet {net}.0 netmask 255.255.255.0 {{\n  range {net}.{lo} {net}.{hi};\n"
                        f"  option routers {net}.1;\n}}\n")
    for k in range(1, 31):
        body.append(f"host pilot-radio-{k:02d} {{ hardware ethernet 02:7a:00:00:{k // 256:02x}:{k % 256:02x}; "
                    f"fixed-address 10.60.{k}.{5 if k != 12 else 300}; }}\n")
    (d / "dhcpd-berths.conf").write_text("".join(body))
    body2 = [DHCPD, "subnet 10.61.0.0 netmask 255.255.0.0 {\n  range 10.61.1.10 10.61.1.250;\n}\n",
             "subnet 10.61.1.0 netmask 255.255.255.0 {\n  range 10.61.1.100 10.61.1.200;\n}\n",
             "shared-network quay {\n  subnet 10.62.0.0 netmask 255.255.255.0 { range 10.62.0.10 10.62.0.90; }\n"
             "  subnet 10.62.1.0 netmask 255.255.255.0 { range 10.62.0.50 10.62.0.60; }\n}\n"]
    (d / "dhcpd-overlap.conf").write_text("".join(body2))
    add("dhcpd-t-berths", "dhcpd -t -cf dhcpd-berths.conf; echo EXIT=$?",
        run("dhcpd -t -cf dhcpd-berths.conf; echo EXIT=$?", cwd=d), n_dhcpd)
    add("dhcpd-t-overlap", "dhcpd -t -cf dhcpd-overlap.conf; echo EXIT=$?",
        run("dhcpd -t -cf dhcpd-overlap.conf; echo EXIT=$?", cwd=d), n_dhcpd)


def chrony(tmp: Path) -> None:
    d = tmp / "chrony"
    d.mkdir(mode=0o700)
    p1, p2, p3 = cm.free_port(), cm.free_port(), cm.free_port()
    cm.write_tree(d, {
        "server.conf": f"port {p1}\nlocal stratum 6\nallow 127.0.0.1\ncmdport 0\nbindaddress 127.0.0.1\n"
                       f"pidfile {d}/server.pid\ndriftfile {d}/server.drift\n",
        "client.conf": f"port 0\nserver 127.0.0.1 port {p1} iburst minpoll -2 maxpoll -2\n"
                       f"server 127.0.0.2 port {p2} iburst minpoll -2 maxpoll -2\n"
                       f"server 127.0.0.3 port {p2} minpoll -1 maxpoll 0\npeer 127.0.0.4 port {p3} minpoll -1\n"
                       f"server 127.0.0.5 port {p1} iburst minpoll -2 maxpoll -2 offline\n"
                       f"pool tidegate-ntp.invalid iburst\nbindcmdaddress {d}/chronyd.sock\ncmdport 0\n"
                       f"pidfile {d}/client.pid\ndriftfile {d}/client.drift\nmakestep 1 -1\nlogchange 0.5\n",
        "check.conf": f"port 0\nserver 127.0.0.1 port {p1} iburst\nserver localhost port {p3} iburst\n"
                      f"pidfile {d}/check.pid\n",
        "bad.conf": f"port 0\nserver 127.0.0.1 port {p1} iburst\nmaxupdateskew 100\nmakestep 1.0\n"
                    f"hwtimestamp berth0\nrtcsync yes\nlocal stratum 20\npidfile {d}/bad.pid\n",
    })
    cm.start(f"chronyd -d -x -u root -f {d}/server.conf", cwd=d, log=open(d / "server.log", "w"))
    time.sleep(1)
    cm.start(f"chronyd -d -x -u root -f {d}/client.conf", cwd=d, log=open(d / "client.log", "w"))
    time.sleep(25)
    s = f"-h {d}/chronyd.sock"
    add("chronyc-sources-v", "chronyc -n sources -v", run(f"chronyc {s} -n sources -v", cwd=d), n_chronyc_sources)
    add("chronyc-sourcestats-v", "chronyc -n sourcestats -v", run(f"chronyc {s} -n sourcestats -v", cwd=d),
        n_chronyc_sources)
    add("chronyc-tracking-activity", "chronyc tracking; chronyc activity; chronyc serverstats",
        run(f"chronyc {s} tracking; chronyc {s} activity; chronyc {s} serverstats", cwd=d), n_chronyc_report)
    add("chronyc-ntpdata", "chronyc -n ntpdata", run(f"chronyc {s} -n ntpdata", cwd=d), n_chronyc_report)
    add("chronyd-q-check", "chronyd -Q -f bad.conf; echo EXIT=$?; chronyd -Q -t 10 -f check.conf; echo EXIT=$?",
        run(f"chronyd -d -Q -u root -f {d}/bad.conf; echo EXIT=$?; chronyd -d -Q -t 10 -u root -f {d}/check.conf; "
            "echo EXIT=$?", cwd=d, timeout=60), n_chronyd)


UAC_FAIL = """<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="gate office call with early media">
  <send retrans="500">
    <![CDATA[
      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: gate <sip:gate@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: [service] <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: sip:gate@[local_ip]:[local_port]
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0
      a=rtpmap:0 PCMU/8000
    ]]>
  </send>
  <recv response="100" optional="true"></recv>
  <recv response="183" rtd="true"></recv>
  <recv response="200"></recv>
  <send>
    <![CDATA[
      ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: gate <sip:gate@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: [service] <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: sip:gate@[local_ip]:[local_port]
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
</scenario>
"""


def sip(tmp: Path) -> None:
    d = tmp / "sipp"
    d.mkdir()
    (d / "uac_early.xml").write_text(UAC_FAIL)
    pu = 25060
    cm.start(f"sipp -sn uas -i 127.0.0.1 -p {pu} -nostdin -trace_err -error_file {d}/uas_errors.log",
             cwd=d, log=open(d / "uas.out", "w"))
    time.sleep(1)
    run(f"sipp -sn uac 127.0.0.1:{pu} -i 127.0.0.1 -p 25070 -m 300 -r 60 -d 200 -nostdin -trace_screen "
        f"-screen_file {d}/uac_ok_screen.log -trace_stat -stf {d}/uac_ok_stat.csv -fd 1 >/dev/null 2>&1", cwd=d,
        timeout=60)
    run(f"sipp -sf uac_early.xml 127.0.0.1:{pu} -i 127.0.0.1 -p 25071 -m 200 -r 50 -nostdin -trace_screen "
        f"-screen_file {d}/uac_early_screen.log -trace_err -error_file {d}/uac_early_errors.log -trace_stat "
        f"-stf {d}/uac_early_stat.csv -fd 1 >/dev/null 2>&1", cwd=d, timeout=60)
    run(f"sipp -sn uac 127.0.0.1:25099 -i 127.0.0.1 -p 25072 -m 40 -r 20 -nostdin -timeout 12 -recv_timeout 2000 "
        f"-trace_screen -screen_file {d}/uac_nobody_screen.log -trace_err -error_file {d}/uac_nobody_errors.log "
        f">/dev/null 2>&1", cwd=d, timeout=60)
    for iid, cmd, ext in [
        ("sipp-screen-uac-ok", "cat uac_ok_screen.log", n_sipp_screen),
        ("sipp-screen-early-media", "cat uac_early_screen.log", n_sipp_screen),
        ("sipp-screen-no-uas-tail", "tail -n 80 uac_nobody_screen.log", n_sipp_screen),
        ("sipp-errors-early-media", "tail -n 150 uac_early_errors.log", n_sipp_err),
        ("sipp-errors-no-uas-tail", "tail -n 60 uac_nobody_errors.log; echo EXIT=$?", n_sipp_err),
        ("sipp-stat-csv-ok", "cat uac_ok_stat.csv", n_sipp_stat),
        ("sipp-stat-csv-early", "cat uac_early_stat.csv", n_sipp_stat),
    ]:
        add(iid, cmd, run(cmd, cwd=d), ext)


PROSODY = """-- tidegate gate-office chat
admins = { "harbourmaster@chat.tidegate.example" }
plugin_paths = { "/srv/prosody/plugins-missing" }
modules_enabled = {
    "roster"; "saslauth"; "tls"; "dialback"; "disco"; "carbons"; "pep"; "private"; "vcard4"; "blocklist";
    "ping"; "register"; "admin_adhoc"; "tidegate_berthbot"; "mam"; "csi_simple"; "posix";
}
allow_registration = true
c2s_require_encryption = ture
s2s_secure_auth = false
authentication = "internal_hashed"
storage = "sqlite3"
log = { info = "/dev/shm/hm-corpus-wide224/prosody.log" }
pidfile = "/dev/shm/hm-corpus-wide224/prosody.pid"
data_path = "/dev/shm/hm-corpus-wide224/prosody-data"
certificates = "/srv/prosody/certs"

VirtualHost "chat.tidegate.example"
    ssl = { key = "/srv/prosody/certs/chat.key"; certificate = "/srv/prosody/certs/chat.crt" }

VirtualHost "localhost"
    modules_enabled = { "muc" }
    admins = { "gate@localhost" }

Component "rooms.tidegate.example" "muc"
    restrict_room_creation = "local"
    modules_enabled = { "muc_mam"; "vcard_muc" }

Component "berthbot.tidegate.example"
    component_secret = "hunter2"
    c2s_require_encryption = false
"""


def ka_conf(n: int, seed: int) -> str:
    """keepalived.conf for the berth VRRP instances, with faults put in (a VRID and a priority out of range, a missing
    interface, an unknown keyword, a missing track script, a long auth_pass)."""
    rnd = random.Random(seed)
    ka = ["global_defs {\n    router_id tidegate_gw1\n    notification_email { harbour-it@tidegate.example }\n"
          "    smtp_server 127.0.0.1\n    enable_script_security\n    script_user root\n}\n",
          "vrrp_script chk_radius {\n    script \"/usr/bin/pgrep freeradius\"\n    interval 2\n    weight -20\n}\n"]
    for i in range(1, n + 1):
        vid = 40 + i if i != 7 else 300
        ka.append(f"vrrp_instance BERTH_{i:02d} {{\n    state {'MASTER' if i % 2 else 'BACKUP'}\n"
                  f"    interface {'lo' if i != 9 else 'berth9'}\n    virtual_router_id {vid}\n"
                  f"    priority {rnd.randint(90, 150) if i != 4 else 300}\n    advert_int 1\n"
                  + ("    nopreempt_delay 30\n" if i == 5 else "")
                  + f"    authentication {{\n        auth_type PASS\n        auth_pass tg{i:02d}pass{'longerthan8' if i == 11 else ''}\n    }}\n"
                  f"    virtual_ipaddress {{\n        10.70.{i}.1/24\n    }}\n"
                  + ("    track_script {\n        chk_radius\n        chk_sipp\n    }\n" if i in (2, 3) else "")
                  + "}\n")
    ka.append("virtual_server 10.70.1.1 1812 {\n    delay_loop 6\n    lb_algo rr\n    lb_kind NAT\n"
              "    protocol UDP\n    real_server 127.0.0.1 21812 {\n        weight 1\n        MISC_CHECK {\n"
              "            misc_path \"/usr/bin/radtest\"\n        }\n    }\n}\n")
    return "".join(ka)


def configs(tmp: Path) -> None:
    d = tmp / "conf"
    d.mkdir()
    (d / "prosody.cfg.lua").write_text(PROSODY)
    add("prosodyctl-check-config", "prosodyctl --config prosody.cfg.lua check config; echo EXIT=$?",
        run("prosodyctl --config prosody.cfg.lua check config; echo EXIT=$?", cwd=d), n_prosodyctl)
    add("prosodyctl-check-all", "prosodyctl --config prosody.cfg.lua check 2>&1 | head -n 100",
        run("prosodyctl --config prosody.cfg.lua check 2>&1 | head -n 100", cwd=d, timeout=60), n_prosodyctl)
    base = Path("/etc/kamailio/kamailio.cfg").read_text()
    k1 = base.replace('loadmodule "pv.so"', 'loadmodule "pv.so"\nloadmodule "tidegate_berths.so"')
    k1 = k1.replace("#!define WITH_", "#!define WITH_", 1)
    k2 = re.sub(r"(request_route\s*\{)", r"\1\n\troute(BERTHLOOKUP);\n\tif (is_method(\"OPTIONS\") { sl_send_reply(\"200\", \"ok\"); }", base, count=1)
    k3 = "#!define WITH_AUTH\n#!define WITH_USRLOCDB\n" + base.replace('modparam("tm", "fr_timer", 30000)', 'modparam("tm", "fr_timeout", 30000)')
    k3 = k3.replace('modparam("rr", "enable_full_lr", 0)', 'modparam("rr", "enable_full_lr", "no")')
    for n, t in [("kamailio-module.cfg", k1), ("kamailio-route.cfg", k2), ("kamailio-auth.cfg", k3)]:
        (d / n).write_text(t)
    add("kamailio-c-unknown-module", "kamailio -c -f kamailio-module.cfg; echo EXIT=$?",
        run("kamailio -c -f kamailio-module.cfg; echo EXIT=$?", cwd=d), n_kamailio)
    add("kamailio-c-route-tail", "kamailio -c -f kamailio-route.cfg 2>&1 | tail -n 40",
        run("kamailio -c -f kamailio-route.cfg 2>&1 | tail -n 40", cwd=d), n_kamailio)
    add("kamailio-c-auth-db", "kamailio -c -f kamailio-auth.cfg; echo EXIT=$?",
        run("kamailio -c -f kamailio-auth.cfg; echo EXIT=$?", cwd=d), n_kamailio)
    (d / "keepalived.conf").write_text(ka_conf(12, 22450))
    (d / "keepalived-all.conf").write_text(ka_conf(60, 22451))
    add("keepalived-t", "keepalived -t -l -D -f keepalived.conf; echo EXIT=$?",
        run(f"keepalived -t -l -D -f {d}/keepalived.conf -p {d}/ka.pid -r {d}/ka-vrrp.pid -c {d}/ka-chk.pid; "
            "echo EXIT=$?", cwd=d, timeout=60), n_keepalived)
    add("keepalived-t-all-tail", "keepalived -t -l -D -f keepalived-all.conf 2>&1 | tail -n 80; echo EXIT=$?",
        run(f"keepalived -t -l -D -f {d}/keepalived-all.conf -p {d}/ka2.pid -r {d}/ka2-vrrp.pid -c {d}/ka2-chk.pid "
            "2>&1 | tail -n 80; echo EXIT=$?", cwd=d, timeout=60), n_keepalived)


STEPS = [radius, dhcp, chrony, sip, configs]
