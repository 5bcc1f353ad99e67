"""Round 100's name server and directory on loopback, and the extractors of their kinds (NEEDLES.md, "Round 100"):
the `harbour` authority's zones (one per quay, seeded records, one zone with mistakes put in) checked and served by
BIND 9 with queries for names that do and do not exist; its staff and vessel directory in OpenLDAP (a config with
mistakes for slaptest, a few hundred entries added, then a batch with bad entries, then searched). Run through
capture_wide100.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide100 import cap

STATUS = re.compile(r"^EXIT=\d+$")
QUAYS = ["north", "south", "east", "west", "ferry", "tanker", "grain", "timber"]
FIRST = ["ana", "bram", "carla", "dirk", "elif", "femke", "gus", "hana", "ivo", "jule", "kees", "lotte", "milan",
         "noor", "otto", "pia", "ruud", "sanne", "tijs", "vera", "wim", "yara"]
LAST = ["bakker", "visser", "smit", "meijer", "mulder", "bos", "vos", "peters", "hendriks", "dekker", "brouwer",
        "dijkstra", "jansen", "kok", "koster", "prins"]


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

CHECKCONF_BAD = re.compile(r":\d+:|error|failed|unknown|expected|not found|\bbad\b|not loaded", re.I)


@cm.kind("named-checkconf", "lint")
def n_named_checkconf(lines):
    """Rule 5: every line holding a file:line: location or error, failed, unknown, expected, not found, bad or not loaded alone."""
    return [ln for ln in lines if CHECKCONF_BAD.search(ln) and "loaded serial" not in ln] + _status(lines)


ZONE_BAD = re.compile(r":\d+:|error|ignoring|not loaded|has no address records|CNAME and other data|\bbad\b|"
                      r"out of zone|not at top of zone|unknown", re.I)


def _zone_problems(lines):
    return [ln for ln in lines if ZONE_BAD.search(ln) or re.search(r"loaded serial \d+|^OK$", ln.strip())]


@cm.kind("named-checkzone", "lint")
def n_named_checkzone(lines):
    """Rule 5: every line naming a problem (file:line:, error, ignoring, not loaded, no address records, CNAME and other data, bad, out of zone, unknown) alone, and the verdict (loaded serial / OK / not loaded due to errors)."""
    return _zone_problems(lines) + _status(lines)


RR = re.compile(r"^(\S+)\s+(\d+)\s+IN\s+([A-Z0-9]+)\s")


@cm.kind("named-zone-dump", "listing")
def n_zone_dump(lines):
    """Rules 4+5: the SOA line; rule 4 on the record lines (record type; TTL); named-checkzone's problem and verdict lines."""
    rows, out = [], []
    for ln in lines:
        m = RR.match(ln)
        if m:
            if m.group(3) == "SOA":
                out.append(ln)
            rows.append((ln, {"type": m.group(3), "ttl": m.group(2)}))
    out += rule4(rows, cat=("type",), nums=("ttl",))
    return out + [ln for ln in _zone_problems(lines) if not RR.match(ln)] + _status(lines)


NAMED_BAD = re.compile(r"error|failed|not loaded|refused|denied|\bbad\b|ignoring|unable|could not|FORMERR|SERVFAIL",
                       re.I)


@cm.kind("named-log", "log")
def n_named_log(lines):
    """Rules 1+4+5: every error / failed / not loaded / refused / denied / bad / ignoring / unable / could not / FORMERR / SERVFAIL line alone; every zone loaded serial / not loaded line; starting BIND, running, all zones loaded lines; rule 4 on query lines by type."""
    out, rows = [], []
    for ln in lines:
        if NAMED_BAD.search(ln) or re.search(r"zone \S+: (loaded serial|not loaded)|starting BIND|\brunning\b|"
                                             r"all zones loaded", ln):
            out.append(ln)
        m = re.search(r"query: \S+ IN (\S+) ", ln)
        if m:
            rows.append((ln, {"type": m.group(1)}))
    return out + rule4(rows, cat=("type",)) + _status(lines)


@cm.kind("rndc-status", "table")
def n_rndc_status(lines):
    """Rule 5: the version:, running on, number of zones:, server is up and running lines and any rndc: error line."""
    return [ln for ln in lines if re.search(r"^version:|running on|number of zones:|server is up and running|^rndc:",
                                            ln)] + _status(lines)


@cm.kind("ldapsearch-ldif", "listing")
def n_ldapsearch(lines):
    """Rules 4+5: the result:, # numResponses and # numEntries lines, the first and last dn: line; rule 4 on entries (dn parent, loginShell; uidNumber) with the dn: line as row; ldap_* error lines and result: lines other than 0 Success."""
    out = [ln for ln in lines if re.match(r"^(result: |# numResponses|# numEntries|ldap_\w+:)", ln)]
    dns = [i for i, ln in enumerate(lines) if ln.startswith("dn: ")]
    if dns:
        out += [lines[dns[0]], lines[dns[-1]]]
    rows = []
    for k, i in enumerate(dns):
        end = dns[k + 1] if k + 1 < len(dns) else len(lines)
        rec = {"parent": lines[i][4:].split(",", 1)[-1]}
        for ln in lines[i + 1:end]:
            if ln.startswith("loginShell: "):
                rec["shell"] = ln[12:]
            elif ln.startswith("uidNumber: "):
                rec["uid"] = ln[11:]
        rows.append((lines[i], rec))
    out += rule4(rows, cat=("parent",))
    shells = [r for r in rows if "shell" in r[1]]
    out += rule4(shells, cat=("shell",), nums=("uid",))
    return out + _status(lines)


@cm.kind("ldapadd-errors", "log")
def n_ldapadd(lines):
    """Rules 1+5: every ldap_add / ldap_modify / ldap_bind error line with its additional info: line and the adding new entry line before it; the last adding new entry line."""
    out = []
    adds = [ln for ln in lines if re.match(r"^(adding new entry|modifying entry) ", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^ldap_(add|modify|bind|sasl_bind|result)\S*:", ln):
            out.append(ln)
            nxt = cm.next_match(lines, i, r"^\s*additional info:", 2)
            if nxt:
                out.append(nxt)
            prev = cm.prev_match(lines, i, r"^(adding new entry|modifying entry) ", 3)
            if prev:
                out.append(prev)
    return out + adds[-1:] + _status(lines)


@cm.kind("slaptest", "lint")
def n_slaptest(lines):
    """Rule 5: every line holding error, failed, unknown, invalid, not found or a line N location alone, and the verdict."""
    return [ln for ln in lines if re.search(r"error|failed|unknown|invalid|not found|line \d+|succeeded|"
                                            r"bad configuration", ln, re.I)] + _status(lines)


@cm.kind("slapd-log", "log")
def n_slapd_log(lines):
    """Rules 1+4+5: the slapd starting line; RESULT lines with err not 0 one {any} per (err, tag); error / failed / invalid / connection lost lines one {any} per shape; rule 4 on BIND dn= lines by dn."""
    out, errs, bad, rows = [], [], [], []
    for ln in lines:
        if "slapd starting" in ln:
            out.append(ln)
        m = re.search(r"RESULT tag=(\d+) err=(\d+)", ln)
        if m and m.group(2) != "0":
            errs.append(((m.group(1), m.group(2)), ln))
        elif re.search(r"error|failed|invalid|closed \(connection lost\)", ln, re.I):
            bad.append((cm.mask(re.sub(r"^.*?(conn=\d+ (op=\d+|fd=\d+) )?", "", ln, count=1)), ln))
        m = re.search(r" BIND dn=\"([^\"]*)\"", ln)
        if m:
            rows.append((ln, {"dn": m.group(1)}))
    return out + cm.groups(errs) + cm.groups(bad) + rule4(rows, cat=("dn",)) + _status(lines)


# ------------------------------------------------------------------ BIND 9

def zone_text(zone: str, seed: int, n: int, bad: bool = False) -> str:
    rnd = random.Random(seed)
    out = ["$TTL 3600", f"@ IN SOA ns1.{zone}. hostmaster.{zone}. ( {2026120100 + seed % 90} 7200 900 1209600 300 )",
           f"@ IN NS ns1.{zone}.", f"@ IN NS ns2.{zone}.", f"ns1 IN A 10.60.0.{seed % 200 + 1}",
           f"ns2 IN A 10.60.1.{seed % 200 + 1}", f"@ IN MX 10 mail.{zone}.", f"mail IN A 10.60.2.{seed % 200 + 1}",
           f'@ 300 IN TXT "v=spf1 mx -all"']
    for k in range(n):
        r = rnd.random()
        name = f"{rnd.choice(['crane', 'gate', 'berth', 'cam', 'ais', 'pump', 'light', 'scale'])}{k:03d}"
        ttl = rnd.choice(["", "", "", "600 ", "86400 ", "60 "])
        if r < 0.7:
            out.append(f"{name} {ttl}IN A 10.{60 + seed % 5}.{k // 250}.{k % 250 + 1}")
        elif r < 0.85:
            out.append(f"{name} {ttl}IN AAAA fd00:60:{seed % 90:x}::{k:x}")
        elif r < 0.97:
            out.append(f"{name}-alias {ttl}IN CNAME {name}")
            out.append(f"{name} IN A 10.70.{k // 250}.{k % 250 + 1}")
        else:
            out.append(f"_sip._udp.{name} {ttl}IN SRV 10 5 5060 {name}.{zone}.")
            out.append(f"{name} IN A 10.71.{k // 250}.{k % 250 + 1}")
    if bad:
        out[5:5] = ["www IN CNAME gate001", "www IN A 10.60.9.9"]               # CNAME and other data
        out += ["radar IN A 10.60.300.4",                                      # bad address
                f"tugs.{QUAYS[0]}.other.test. IN A 10.9.9.9",                  # out of zone
                "pilot IN MX 10 pilot-boat.example.",                          # fine, other zone
                "@ IN NS ns3",                                                 # NS with no address records
                "bunker IN AAAA 10.60.3.3",                                    # bad AAAA
                "customs IN TXT \"unterminated",
                "ferry_office IN A 10.60.4.4",
                "lock 99999999999 IN A 10.60.5.5",
                "sluice IN HINFO x86"]
        for k in range(70):  # seeded mistakes of the same kinds, spread over the quay's names
            r, nm = rnd.random(), f"{rnd.choice(['crane', 'gate', 'berth', 'cam', 'buoy'])}{k + 500:03d}"
            if r < 0.2:
                out.append(f"{nm} IN A 10.{rnd.randint(60, 63)}.{rnd.randint(256, 400)}.{rnd.randint(1, 250)}")
            elif r < 0.35:
                out.append(f"{nm}_{rnd.choice(['old', 'tmp', 'spare'])} IN A 10.60.8.{k + 1}")
            elif r < 0.5:
                out += [f"{nm} IN CNAME gate{rnd.randint(0, 99):03d}", f"{nm} IN TXT \"berth {k}\""]
            elif r < 0.62:
                out.append(f"{nm}.{rnd.choice(QUAYS)}.harbour.test. IN A 10.60.7.{k + 1}")
            elif r < 0.75:
                out += [f"{nm}-mx IN CNAME mail", f"{nm} IN MX 20 {nm}-mx"]
            elif r < 0.85:
                out.append(f"{nm} IN AAAA fd00:60::{rnd.randint(70000, 99999):x}:zz")
            else:
                out.append(f"_ftp._tcp.{nm} IN SRV 10 5 21 {nm}-mx")
    return "\n".join(out) + "\n"


NAMED_BAD_CONF = """options {
    directory "%(d)s";
    listen-on port %(port)s { 127.0.0.1; };
    listen-on-v6 { none; };
    recursion no
    allow-query { harbour-nets; };
    dnssec-validatoin no;
    max-cache-size 64X;
};
acl "harbour-net" { 10.60.0.0/14; 127.0.0.1; };
logging { channel q { file "query.log"; severity infoo; }; category queries { q; }; };
zone "north.harbour.test" { type primary; file "zones/north.zone"; };
zone "east.harbour.test" { type primary; file "zones/east.zone"; };
zone "west.harbour.test" { type primary; file "zones/west.zone"; };
zone "ferry.harbour.test" { type primary; file "zones/ferry.zone"; };
zone "harbour.test" { type primary; file "zones/big.zone"; };
zone "south.harbour.test" { type primary; file "zones/south.zone"; allow-transfer { 10.60.0.0/33; }; };
zone "north.harbour.test" { type primary; file "zones/north2.zone"; };
zone "tanker.harbour.test" { type master; file "zones/tanker.zone"; also-notify { 10.60.0.5 port 99999; }; };
zone "grain.harbour.test" { type secondary; file "zones/grain.zone"; };
zone "timber.harbour.test" { type forward; forwarders { 10.60.9.1; }; file "zones/timber.zone"; };
zone "60.10.in-addr.arpa" { type primary; file "zones/missing.rev"; notify maybe; };
key "xfer" { algorithm hmac-sha999; secret "bm90IGJhc2U2NA=="; };
server 10.60.0.7 { keys { nosuchkey; }; };
"""


def named_conf(d: Path, port: int, ctl: int, zones: list[str]) -> str:
    body = (f'include "{d}/rndc.key";\n'
            f'options {{\n  directory "{d}";\n  listen-on port {port} {{ 127.0.0.1; }};\n  listen-on-v6 {{ none; }};\n'
            f'  pid-file "{d}/named.pid";\n  recursion no;\n  dnssec-validation no;\n  notify no;\n'
            f'  session-keyfile "{d}/session.key";\n  managed-keys-directory "{d}";\n  querylog yes;\n}};\n'
            f'controls {{ inet 127.0.0.1 port {ctl} allow {{ 127.0.0.1; }} keys {{ "rndc-key"; }}; }};\n')
    for z in zones:
        body += f'zone "{z}.harbour.test" {{ type primary; file "zones/{z}.zone"; }};\n'
    body += 'zone "quarantine.harbour.test" { type primary; file "zones/quarantine.zone"; };\n'
    body += 'zone "lock.harbour.test" { type primary; file "zones/lock-missing.zone"; };\n'
    return body


def bind_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "bind"
    (d / "zones").mkdir(parents=True, exist_ok=True)
    for k, q in enumerate(QUAYS):
        (d / "zones" / f"{q}.zone").write_text(zone_text(f"{q}.harbour.test", 1000 + k, 60 + 25 * k))
    (d / "zones" / "quarantine.zone").write_text(zone_text("quarantine.harbour.test", 1077, 120, bad=True))
    (d / "zones" / "big.zone").write_text(zone_text("harbour.test", 1099, 900))
    port = free_port()
    (d / "conf").mkdir(exist_ok=True)
    bad = NAMED_BAD_CONF % {"d": d, "port": port}
    fixes = [("recursion no\n", "recursion no;\n"), ("dnssec-validatoin", "dnssec-validation"),
             ("64X", "64M"), ("infoo", "info"), ("harbour-nets", "harbour-net"), ("0/33", "0/16"),
             ("port 99999", "port 53"), ("notify maybe", "notify yes"), ("hmac-sha999", "hmac-sha256"),
             ("nosuchkey", "xfer"), ('zone "north.harbour.test" { type primary; file "zones/north2.zone"; };\n',
                                     'zone "quarantine.harbour.test" { type primary; file "zones/quarantine.zone"; };\n'),
             ('type secondary; file', 'type secondary; primaries { 10.60.0.1; }; file'),
             ('forwarders { 10.60.9.1; }; file "zones/timber.zone";', 'forwarders { 10.60.9.1; };')]
    for k in range(len(fixes)):
        (d / "conf" / f"named-{k}.conf").write_text(bad)
        bad = bad.replace(*fixes[k])
    (d / "named-sem.conf").write_text(bad)
    cap("named-checkconf-loop", "for f in conf/*.conf; do echo \"== $f\"; named-checkconf $f; done 2>&1", d,
        n_named_checkconf)
    cap("named-checkconf-z-echo", "named-checkconf -z named-sem.conf 2>&1; echo EXIT=$?", d, n_named_checkconf)
    cap("named-checkzone-quarantine", "named-checkzone quarantine.harbour.test zones/quarantine.zone", d,
        n_named_checkzone)
    cap("named-checkzone-k-warn-i-full", "named-checkzone -k warn -n warn -i full -M warn -S warn "
        "quarantine.harbour.test zones/quarantine.zone 2>&1 | tail -n 80; echo EXIT=$?", d, n_named_checkzone)
    cap("named-checkzone-D-big", "named-checkzone -D harbour.test zones/big.zone", d, n_zone_dump)
    cap("named-compilezone-tanker", "named-compilezone -o - tanker.harbour.test zones/tanker.zone 2>&1", d,
        n_zone_dump)
    ctl = free_port()
    run("rndc-confgen -a -k rndc-key -c rndc.key -A hmac-sha256", cwd=d)
    (d / "named.conf").write_text(named_conf(d, port, ctl, QUAYS[:-1] + ["big"]).replace(
        'zone "big.harbour.test"', 'zone "harbour.test"'))
    (d / "named.conf").write_text((d / "named.conf").read_text())
    log = open(d / "named-g.log", "wb")
    p = cm.start(["named", "-g", "-4", "-c", str(d / "named.conf"), "-n", "1"], cwd=d, log=log)
    if not wait_port(port, 20):
        raise RuntimeError("named did not start")
    time.sleep(1)
    rnd = random.Random(1100)
    qs = []
    for k in range(420):
        z = rnd.choice(QUAYS[:-1] + ["", "quarantine.", "lock."])
        zone = f"{z}.harbour.test" if z and not z.endswith(".") else (f"{z}harbour.test" if z else "harbour.test")
        r = rnd.random()
        if r < 0.6:
            qs.append(f"{rnd.choice(['crane', 'gate', 'berth', 'cam'])}{rnd.randint(0, 80):03d}.{zone} A")
        elif r < 0.75:
            qs.append(f"{zone} {rnd.choice(['MX', 'NS', 'SOA', 'TXT'])}")
        elif r < 0.9:
            qs.append(f"ais{rnd.randint(0, 120):03d}.{zone} AAAA")
        else:
            qs.append(f"{rnd.choice(['www.example.org', 'pilot.nl', 'tide.example'])} A")
        if k in (50, 260):
            qs.append(f"{zone} AXFR")
    (d / "queries.txt").write_text("\n".join(qs) + "\n")
    run(f"dig @127.0.0.1 -p {port} +tries=1 +time=2 -f queries.txt > dig.out", cwd=d, timeout=300)
    rndc = f"rndc -s 127.0.0.1 -p {ctl} -k rndc.key"
    cap("rndc-status-zonestatus-echo", f"{rndc} status; {rndc} zonestatus lock.harbour.test; "
        f"{rndc} zonestatus north.harbour.test; echo EXIT=$?", d, n_rndc_status)
    run(f"{rndc} reload quarantine.harbour.test; {rndc} stop", cwd=d)
    time.sleep(2)
    cm.stop(p)
    log.close()
    cap("named-g-log-head-150", "head -n 150 named-g.log", d, n_named_log)
    cap("named-g-log-grep-v-query", "grep -v 'query:' named-g.log", d, n_named_log)
    cap("named-g-log-tail-400", "tail -n 400 named-g.log", d, n_named_log)


# ------------------------------------------------------------------ OpenLDAP

SCHEMA = "".join(f"include /etc/ldap/schema/{s}.schema\n" for s in ("core", "cosine", "nis", "inetorgperson"))


def slapd_conf(d: Path) -> str:
    return (SCHEMA + f"pidfile {d}/slapd.pid\nargsfile {d}/slapd.args\nmodulepath /usr/lib/ldap\n"
            "moduleload back_mdb\nloglevel stats\n"
            "database mdb\nmaxsize 104857600\nsuffix \"dc=harbour,dc=test\"\n"
            "rootdn \"cn=admin,dc=harbour,dc=test\"\nrootpw harbour-admin-26\n"
            f"directory {d}/db\nindex objectClass eq\nindex uid,cn eq,sub\nindex uidNumber eq\n"
            "access to attrs=userPassword by self write by anonymous auth by * none\n"
            "access to * by * read\n")


SLAPD_BAD = (SCHEMA.replace("inetorgperson", "inetorgperon") +
             "modulepath /usr/lib/ldap\nmoduleload back_mdb\nmoduleload back_sql_nope\nloglevel statz\n"
             "database mdb\nsuffix \"dc=harbour,dc=test\"\nrootdn \"cn=admin,dc=other,dc=test\"\n"
             "directory /nonexistent/harbour-db\nindex mail,employeeNumber eq\nindex vesselImo eq\n"
             "sizelimit many\naccess to attrs=userPasword by self write\ncachesize 10000\n")


def ldif_base(seed: int, n_people: int, n_vessels: int) -> str:
    rnd = random.Random(seed)
    out = ["dn: dc=harbour,dc=test\nobjectClass: dcObject\nobjectClass: organization\no: Harbour Authority\n"
           "dc: harbour\n"]
    for ou in ("people", "vessels", "groups", "pilots"):
        out.append(f"dn: ou={ou},dc=harbour,dc=test\nobjectClass: organizationalUnit\nou: {ou}\n")
    for k in range(n_people):
        f, l = rnd.choice(FIRST), rnd.choice(LAST)
        uid = f"{f[0]}{l}{k:03d}"
        ou = "pilots" if k % 97 == 13 else "people"
        shell = "/usr/sbin/nologin" if k in (77, 301) else ("/bin/zsh" if k == 222 else "/bin/bash")
        out.append(f"dn: uid={uid},ou={ou},dc=harbour,dc=test\nobjectClass: inetOrgPerson\n"
                   f"objectClass: posixAccount\ncn: {f.title()} {l.title()}\nsn: {l.title()}\nuid: {uid}\n"
                   f"uidNumber: {20000 + k * 3 + rnd.randint(0, 2)}\ngidNumber: {5000 + k % 4}\n"
                   f"homeDirectory: /home/{uid}\nloginShell: {shell}\nmail: {uid}@harbour.test\n"
                   f"title: {rnd.choice(['dockworker', 'crane operator', 'berth planner', 'harbour master'])}\n")
    for k in range(n_vessels):
        out.append(f"dn: cn=vessel-{k:04d},ou=vessels,dc=harbour,dc=test\nobjectClass: device\n"
                   f"cn: vessel-{k:04d}\nserialNumber: IMO{9300000 + k * 137}\n"
                   f"description: {rnd.choice(['container', 'bulk', 'tanker', 'ferry'])} berth "
                   f"{rnd.choice(QUAYS)}-{rnd.randint(1, 12)}\n")
    return "\n".join(out)


LDIF_BAD = """dn: uid=bvisser900,ou=people,dc=harbour,dc=test
objectClass: inetOrgPerson
objectClass: posixAccount
cn: Bram Visser
uid: bvisser900
uidNumber: 29000
gidNumber: 5000
homeDirectory: /home/bvisser900

dn: uid=avos901,ou=people,dc=harbour,dc=test
objectClass: inetOrgPerson
objectClass: posixAccount
cn: Ana Vos
sn: Vos
uid: avos901
uidNumber: twenty
gidNumber: 5001
homeDirectory: /home/avos901

dn: uid=jkok902,ou=contractors,dc=harbour,dc=test
objectClass: inetOrgPerson
cn: Jule Kok
sn: Kok

dn: cn=vessel-0001,ou=vessels,dc=harbour,dc=test
objectClass: device
cn: vessel-0001

dn: uid=wprins903,ou=people,dc=harbour,dc=test
objectClass: inetOrgPerson
cn: Wim Prins
sn: Prins
vesselImo: 9312345

dn: uid=pbos904,ou=people,dc=harbour,dc=test
objectClass: inetOrgPerson
cn: Pia Bos
sn: Bos
mail: pia bos at harbour

dn: cn=berth-planners,ou=groups,dc=harbour,dc=test
objectClass: posixGroup
cn: berth-planners
gidNumber: 5002
memberUid: avos901

dn: uid=tsmit905,ou=people,dc=harbour,dc=test
objectClass: inetOrgPerson
objectClass: shadowAccount
cn: Tijs Smit
sn: Smit
"""


def ldif_batch(seed: int, n: int) -> str:
    """A new starters' batch: most entries good, some with the mistakes of LDIF_BAD, seeded."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        f, l = rnd.choice(FIRST), rnd.choice(LAST)
        uid = f"{f[0]}{l}{1000 + k}"
        r = rnd.random()
        ou = "contractors" if 0.9 <= r < 0.95 else "people"
        e = [f"dn: uid={uid},ou={ou},dc=harbour,dc=test", "objectClass: inetOrgPerson", "objectClass: posixAccount",
             f"cn: {f.title()} {l.title()}"]
        if not 0.7 <= r < 0.78:
            e.append(f"sn: {l.title()}")
        e += [f"uid: {uid}", f"uidNumber: {'n/a' if 0.78 <= r < 0.85 else 30000 + k}", f"gidNumber: {5000 + k % 4}",
              f"homeDirectory: /home/{uid}"]
        if 0.85 <= r < 0.9:
            e.append(f"craneLicence: CL-{rnd.randint(1000, 9999)}")
        if r >= 0.95:
            e.append(f"loginShell: /bin/bash\nloginShell: /bin/zsh")
        out.append("\n".join(e) + "\n")
    return "\n".join(out)


def ldap_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "ldap"
    (d / "db").mkdir(parents=True, exist_ok=True)
    bad = SLAPD_BAD
    fixes = [("inetorgperon", "inetorgperson"), ("moduleload back_sql_nope\n", ""), ("statz", "stats"),
             ("dc=other,dc=test", "dc=harbour,dc=test"), ("/nonexistent/harbour-db", str(d / "db")),
             ("index vesselImo eq\n", ""), ("sizelimit many", "sizelimit 500"), ("userPasword", "userPassword")]
    for k, fx in enumerate(fixes):
        (d / f"slapd-bad{k}.conf").write_text(bad)
        bad = bad.replace(*fx)
    cap("slaptest-loop", "for f in slapd-bad*.conf; do echo \"== $f\"; slaptest -f $f -u; done 2>&1", d, n_slaptest)
    (d / "slapd.conf").write_text(slapd_conf(d))
    port = free_port()
    log = open(d / "slapd.log", "wb")
    p = cm.start(["slapd", "-f", str(d / "slapd.conf"), "-h", f"ldap://127.0.0.1:{port}/", "-d", "stats"], cwd=d,
                 log=log)
    if not wait_port(port, 20):
        raise RuntimeError("slapd did not start")
    (d / "base.ldif").write_text(ldif_base(1200, 520, 140))
    (d / "bad.ldif").write_text(LDIF_BAD + "\n" + ldif_batch(1201, 70))
    auth = f"-x -H ldap://127.0.0.1:{port}/ -D cn=admin,dc=harbour,dc=test -w harbour-admin-26"
    run(f"ldapadd {auth} -f base.ldif > add.out 2>&1", cwd=d, timeout=300)
    cap("ldapadd-c-bad", f"ldapadd -c {auth} -f bad.ldif", d, n_ldapadd)
    cap("ldapadd-wrong-pw-v-echo", f"ldapadd -c -x -H ldap://127.0.0.1:{port}/ -D cn=admin,dc=harbour,dc=test "
        f"-w harbour-admin-25 -f bad.ldif; ldapadd -c -v {auth} -f bad.ldif 2>&1 | tail -n 80; echo EXIT=$?", d,
        n_ldapadd)
    base = f"-x -H ldap://127.0.0.1:{port}/ -b dc=harbour,dc=test"
    cap("ldapsearch-posix-500", f"ldapsearch {base} '(objectClass=posixAccount)' uid cn uidNumber loginShell", d,
        n_ldapsearch)
    cap("ldapsearch-vessels", f"ldapsearch {base.replace('dc=harbour', 'ou=vessels,dc=harbour')} "
        "'(objectClass=device)'", d, n_ldapsearch)
    cap("ldapsearch-sizelimit-echo", f"ldapsearch {base} -z 40 '(uid=*)' uid mail loginShell; echo EXIT=$?", d,
        n_ldapsearch)
    for k in range(30):
        run(f"ldapsearch -x -H ldap://127.0.0.1:{port}/ -D uid=nobody{k % 3},ou=people,dc=harbour,dc=test -w x "
            f"-b dc=harbour,dc=test '(uid=gus{k})' cn >/dev/null 2>&1", cwd=d)
    cm.stop(p)
    log.close()
    cap("slapd-log-tail-250", "tail -n 250 slapd.log", d, n_slapd_log)
    cap("slapd-log-grep-err", "grep -E 'err=[1-9]|BIND|starting' slapd.log | head -n 300", d, n_slapd_log)


STEPS = [bind_steps, ldap_steps]
