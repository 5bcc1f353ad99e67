"""Round 146, name service: PowerDNS's `pdnsutil` on a sqlite3 backend of the round's own (harbourpost's zones,
one of hundreds of records, one with bad records put in through `add-record` and straight into the database), Knot
DNS (`knotc conf-check` on configs with faults, `knotc zone-check`, knotd on 127.0.0.1 serving a zone it signs,
`kdig` answers and AXFR listings), OpenDKIM's `opendkim-testkey` against DKIM keys knotd serves (libunbound forwarding to it).
Run through capture_wide146.py."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run
from capture_wide146 import add

EXIT = re.compile(r"^EXIT=\d+$")
KNOT_PORT = 5354
ERR = re.compile(r"(?i)\berror\b|\bfatal\b|\bfailed\b|problem|not found|no such|unable|cannot|can't")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _case_above(lines, i, back: int = 30):
    for k in range(i - 1, max(-1, i - back), -1):
        if lines[k].startswith("== "):
            return lines[k]
    return None


def _rare_rows(rows, key):
    """Rule 4 on a categorical column: rows whose value occurs in at most 2 rows while the commonest covers half."""
    c = Counter(key(r) for r in rows)
    if not c or c.most_common(1)[0][1] * 2 < len(rows):
        return []
    return [r for r in rows if c[key(r)] <= 2]


# ------------------------------------------------------------------ extractors

@cm.kind("pdnsutil-check-zone", "lint")
def n_pdns_check(lines):
    """Rules 1+3 on pdnsutil check-zone / check-all-zones: every [Error] line, [Warning] lines one {"any"} per message shape, every Checked N records line, every other error line, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("[Error]")]
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("[Warning]"))
    out += [ln for ln in lines if ln.startswith("Checked ")]
    out += [ln for ln in lines if not ln.startswith(("[", "Checked ")) and ERR.search(ln)]
    return out + _exit(lines)


RR = re.compile(r"^(\S+)\s+(\d+)\s+IN\s+([A-Z0-9]+)\s+(.*)$")


@cm.kind("pdnsutil-list-zone", "listing")
def n_pdns_list(lines):
    """Rules 4+5 on pdnsutil list-zone: the SOA line, every NS line, every record whose type occurs in at most 2 rows while the commonest type covers half, the first and last records, the $ORIGIN line, error lines."""
    recs = [(ln, m.group(3)) for ln in lines if (m := RR.match(ln))]
    out = [ln for ln in lines if ln.startswith("$ORIGIN")]
    out += [ln for ln, t in recs if t in ("SOA", "NS")]
    out += [ln for ln, t in _rare_rows(recs, lambda r: r[1])]
    if recs:
        out += [recs[0][0], recs[-1][0]]
    out += [ln for ln in lines if not RR.match(ln) and ERR.search(ln)]
    return out + _exit(lines)


@cm.kind("pdnsutil-rectify-zone", "log")
def n_pdns_rectify(lines):
    """Rule 5 on pdnsutil rectify-zone / rectify-all-zones: every line naming a zone or a change (Adding empty non-terminals, Adding NSEC ordering, Rectified, Removed), every error line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"Adding|Rectif|Removed|Removing|zone '", ln)]
    out += [ln for ln in lines if ERR.search(ln)]
    return out + _exit(lines)


@cm.kind("pdnsutil-show-zone", "doc")
def n_pdns_show(lines):
    """Rule 5 on pdnsutil show-zone: the signing line (This is a ... zone / not actively secured), every ID = N key line, every DNSKEY line, DS lines one {"any"} per key tag, every error line, the == zone lines the agent printed."""
    out = [ln for ln in lines if ln.startswith("== ")]
    out += [ln for ln in lines if re.search(r"This is a|actively secured|presigned|Zone has N", ln)]
    out += [ln for ln in lines if ln.startswith("ID = ")]
    out += [ln for ln in lines if "DNSKEY = " in ln]
    out += groups((m.group(1), ln) for ln in lines if (m := re.match(r"^DS = \S+ IN DS (\d+)", ln)))
    out += [ln for ln in lines if ERR.search(ln)]
    return out + _exit(lines)


@cm.kind("knotc-conf-check", "lint")
def n_knotc_conf(lines):
    """Rules 1+3 on knotc conf-check: every error: / warning: line (each carries its file and line), the Configuration is valid line, the == file lines the agent printed, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("== ")]
    out += [ln for ln in lines if re.search(r"(?i)^(error|warning):|Configuration is valid", ln)]
    return out + _exit(lines)


@cm.kind("knotc-zone-check", "lint")
def n_knotc_zone(lines):
    """Rules 1+3 on knotc zone-check: every error: line (zone, record owner, failed check), the semantic-check summary lines, warning: lines one {"any"} per message shape, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("error:") or re.search(r"(?i)serious semantic|semantic check", ln)]
    out += groups((mask(re.sub(r"\[[^\]]*\]", "", ln)), ln) for ln in lines if ln.startswith("warning:"))
    out += [ln for ln in lines if ln.startswith("== ")]
    return out + _exit(lines)


KREC = re.compile(r"^(\S+)\s+(\d+)\s+(?:IN\s+)?([A-Z0-9]+)\s+(.*)$")


@cm.kind("kdig", "log")
def n_kdig(lines):
    """Rule 5 on kdig answers: every ;; ->>HEADER<<- line, every ;; Flags: line, every answer-section record line, every ;; Received line, every ;; WARNING / ;; ERROR line, the == query lines the agent printed."""
    out, sect = [], ""
    for ln in lines:
        if ln.startswith(";; ") and ln.rstrip().endswith("SECTION:"):
            sect = ln
            continue
        if not ln.strip() or ln.startswith("== "):
            sect = ""
        if ln.startswith((";; ->>HEADER<<-", ";; Flags:", ";; Received", ";; WARNING", ";; ERROR", "== ")):
            out.append(ln)
        elif "ANSWER" in sect and KREC.match(ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("kdig-axfr", "listing")
def n_kdig_axfr(lines):
    """Rules 4+5 on kdig AXFR: the first and last SOA lines, every NS and DNSKEY line, every record whose type occurs in at most 2 rows while the commonest covers half, the ;; Received / ;; Transfer summary lines, every ;; ERROR line."""
    recs = [(ln, m.group(3)) for ln in lines if not ln.startswith(";") and (m := KREC.match(ln))]
    soa = [ln for ln, t in recs if t == "SOA"]
    out = soa[:1] + soa[-1:]
    out += [ln for ln, t in recs if t in ("NS", "DNSKEY")]
    out += [ln for ln, t in _rare_rows(recs, lambda r: r[1])]
    out += [ln for ln in lines if ln.startswith((";; Received", ";; Transfer", ";; ERROR", ";; WARNING"))]
    return out + _exit(lines)


@cm.kind("opendkim-testkey", "lint")
def n_dkim_testkey(lines):
    """Rule 5 on opendkim-testkey: every line naming a failure (record not found, key not secure, keys do not match, no such file, syntax error) with the == selector line above it, key OK lines one {"any"}, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"(?i)not found|not secure|do not match|no such|syntax|error|invalid|fail|can't|unable", ln):
            out += [ln, _case_above(lines, i)]
    out.append(any_of([ln for ln in lines if re.search(r"key OK", ln)]))
    return out + _exit(lines)


# ------------------------------------------------------------------ zones

PDNS = "pdnsutil --config-dir={d}"


def big_zone(origin: str, seed: int, n: int) -> str:
    """A port's zone: berths, cranes, gates, reefer monitors, SPF/DKIM TXT, SRV and MX records."""
    r = random.Random(seed)
    out = [f"$ORIGIN {origin}.", "$TTL 3600",
           "@ IN SOA ns1 hostmaster 2026120101 7200 900 1209600 300", "@ IN NS ns1", "@ IN NS ns2",
           "ns1 IN A 127.0.0.1", "ns2 IN A 127.0.0.1", "@ IN MX 10 mx1", "@ IN MX 20 mx2",
           "mx1 IN A 127.0.0.1", "mx2 IN A 127.0.0.1", '@ IN TXT "v=spf1 ip4:127.0.0.0/8 -all"',
           "_imap._tcp IN SRV 0 1 143 mx1", "_submission._tcp IN SRV 0 1 587 mx1"]
    kinds = ["berth", "crane", "gate", "reefer", "scale", "cam", "straddle", "ais"]
    for i in range(n):
        k = r.choice(kinds)
        name = f"{k}{i:03d}.{r.choice(['north', 'south', 'east', 'inner'])}"
        out.append(f"{name} IN A 10.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}")
        if r.random() < 0.15:
            out.append(f"{name} IN AAAA fd00:146:{r.randint(1, 0xffff):x}::{r.randint(1, 0xfff):x}")
        if r.random() < 0.06:
            out.append(f'{name} IN TXT "asset={r.randint(10000, 99999)} owner=ops"')
    out.append("ops IN CNAME mx1")
    out.append("webmail IN CNAME mx1")
    out.append("pilotage IN HINFO \"PILOT-BOX\" \"LINUX\"")
    return "\n".join(out) + "\n"


QUAY_ZONE = """$ORIGIN quay.test.
$TTL 1800
@ IN SOA ns1.harbourpost.test. hostmaster.harbourpost.test. 2026113001 3600 600 604800 300
@ IN NS ns1.harbourpost.test.
@ IN NS ns2.quay.test.
@ IN MX 10 mail
mail IN CNAME mx1.harbourpost.test.
www IN CNAME gate1
www IN A 10.40.0.9
gate1 IN A 10.40.0.1
gate2 IN A 10.40.0.2
gate2 IN AAAA fd00:40::2
tally IN CNAME tally-old
tally-old IN CNAME tally
berth12 IN A 10.40.1.12
berth13 IN A 10.40.1.13
"""


def cap_pdns(tmp: Path) -> None:
    d = tmp / "pdns"
    d.mkdir(parents=True, exist_ok=True)
    db = d / "harbourpost.sqlite3"
    run(f"sqlite3 {db} < /usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql")
    (d / "pdns.conf").write_text(f"launch=gsqlite3\ngsqlite3-database={db}\ngsqlite3-dnssec=yes\n")
    p = PDNS.format(d=d)
    (d / "harbourpost.zone").write_text(big_zone("harbourpost.test", 146, 620))
    (d / "quay.zone").write_text(QUAY_ZONE)
    (d / "ferries.zone").write_text(big_zone("ferries.test", 1461, 90))
    run(f"{p} load-zone harbourpost.test {d}/harbourpost.zone; {p} load-zone quay.test {d}/quay.zone;"
        f" {p} load-zone ferries.test {d}/ferries.zone; {p} create-zone tugs.test ns1.harbourpost.test", timeout=300)
    # bad records straight into the database, as a hand-written admin script would put them
    run(f"""sqlite3 {db} "INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,
        'crane7.quay.test','A','999.40.0.7',1800,0,0,1 FROM domains WHERE name='quay.test';
        INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,
        'tugboat.example.org','A','10.40.9.9',1800,0,0,1 FROM domains WHERE name='quay.test';
        INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,
        'Berth14.quay.test','A','10.40.1.14',1800,0,0,1 FROM domains WHERE name='quay.test';
        INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,
        'quay.test','SOA','ns9.quay.test. hostmaster.quay.test. 1 3600 600 604800 300',1800,0,0,1 FROM domains
        WHERE name='quay.test';
        INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,
        'gate3.ferries.test','AAAA','10.50.0.3',3600,0,0,1 FROM domains WHERE name='ferries.test';" """)
    run(f"{p} add-record ferries.test terminal A 3600 10.50.0.1; {p} add-record tugs.test @ NS ns1.harbourpost.test.")
    # a dozen terminal zones, a fault of one of four sorts in some of them
    r = random.Random(14601)
    terms = [f"terminal{j:02d}.test" for j in range(14)]
    for j, z in enumerate(terms):
        (d / f"{z}.zone").write_text(big_zone(z, 1462 + j, 40))
        run(f"{p} load-zone {z} {d}/{z}.zone")
        fault = r.choice(["none", "none", "a", "aaaa", "out", "cname"])
        host = f"crane{r.randint(100, 999)}.{z}"
        sql = {"a": (host, "A", f"10.60.{j}.{r.randint(256, 400)}"), "aaaa": (host, "AAAA", f"10.60.{j}.9"),
               "out": (f"{host}.example.net", "A", "10.60.0.1"), "cname": (f"ns1.{z}", "CNAME", f"mx1.{z}.")}.get(fault)
        if sql:
            run(f"""sqlite3 {db} "INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,
                '{sql[0]}','{sql[1]}','{sql[2]}',3600,0,0,1 FROM domains WHERE name='{z}';" """)
        if j % 2:
            run(f"{p} secure-zone {z}", timeout=120)
    add("pdns-check-quay", "pdnsutil check-zone quay.test; echo EXIT=$?",
        run(f"{p} check-zone quay.test 2>&1; echo EXIT=$?"), n_pdns_check)
    add("pdns-check-all", "pdnsutil check-all-zones; echo EXIT=$?",
        run(f"{p} check-all-zones 2>&1; echo EXIT=$?", timeout=300), n_pdns_check)
    add("pdns-check-loop", "for z in harbourpost.test ferries.test tugs.test; do pdnsutil check-zone $z; done 2>&1",
        run(f"for z in harbourpost.test ferries.test tugs.test; do {p} check-zone $z; done 2>&1"), n_pdns_check)
    add("pdns-list-big", "pdnsutil list-zone harbourpost.test", run(f"{p} list-zone harbourpost.test 2>&1"), n_pdns_list)
    add("pdns-list-head", "pdnsutil list-zone harbourpost.test | head -n 100",
        run(f"{p} list-zone harbourpost.test 2>&1 | head -n 100"), n_pdns_list)
    add("pdns-list-ferries", "pdnsutil list-zone ferries.test",
        run(f"{p} list-zone ferries.test 2>&1"), n_pdns_list)
    add("pdns-list-quay", "pdnsutil list-zone quay.test; pdnsutil list-zone nosuch.test",
        run(f"{p} list-zone quay.test 2>&1; {p} list-zone nosuch.test 2>&1"), n_pdns_list)
    run(f"{p} secure-zone harbourpost.test; {p} secure-zone ferries.test; {p} add-zone-key ferries.test zsk active"
        f" rsasha256 2048; {p} set-nsec3 ferries.test '1 0 0 -'", timeout=300)
    add("pdns-rectify-all", "pdnsutil rectify-all-zones",
        run(f"{p} rectify-all-zones 2>&1", timeout=300), n_pdns_rectify)
    add("pdns-rectify-loop", "for z in ferries.test quay.test tugs.test nosuch.test terminal*.test; do pdnsutil rectify-zone $z; echo EXIT=$?; done",
        run(f"for z in ferries.test quay.test tugs.test nosuch.test {' '.join(terms)}; do {p} rectify-zone $z 2>&1; echo EXIT=$?; done",
            timeout=300), n_pdns_rectify)
    add("pdns-show-loop", "for z in harbourpost.test ferries.test quay.test terminal0{0..7}.test; do echo \"== $z\"; pdnsutil show-zone $z; done",
        run(f"for z in harbourpost.test ferries.test quay.test {' '.join(terms[:8])}; do echo \"== $z\"; {p} show-zone $z 2>&1; done"),
        n_pdns_show)


KNOT_BASE = """server:
    rundir: {d}
    listen: 127.0.0.1@{port}
database:
    storage: {d}
log:
  - target: {d}/knotd.log
    any: info
policy:
  - id: harbour
    algorithm: ecdsap256sha256
    ksk-lifetime: 0
template:
  - id: default
    semantic-checks: on
    storage: {d}
acl:
  - id: local_xfr
    address: 127.0.0.0/8
    action: transfer
zone:
  - domain: harbourpost.test
    file: {d}/harbourpost.zone
    dnssec-signing: on
    dnssec-policy: harbour
    acl: local_xfr
  - domain: quay.test
    file: {d}/quay.zone
    acl: local_xfr
  - domain: ferries.test
    file: {d}/ferries.zone
    acl: local_xfr
"""

BAD_CONFS = {
    "10-unknown-item.conf": lambda base: base.replace("    semantic-checks: on\n", "    semantic-checks: on\n    zonefile-sync-interval: 30\n"),
    "20-bad-policy-ref.conf": lambda base: base.replace("dnssec-policy: harbour", "dnssec-policy: harbor"),
    "30-bad-address.conf": lambda base: base.replace("127.0.0.0/8", "127.0.0.300/8"),
    "40-indent.conf": lambda base: base.replace("    file: {d}/quay.zone".format(d="X"), "") .replace("  - domain: quay.test\n", "  - domain: quay.test\n      file: quay.zone\n"),
    "50-ok.conf": lambda base: base,
}


def cap_knot(tmp: Path) -> None:
    d = tmp / "knot"
    d.mkdir(parents=True, exist_ok=True)
    base = KNOT_BASE.format(d=d, port=KNOT_PORT)
    hz = big_zone("harbourpost.test", 146, 150)
    dkim = (tmp / "dkim")
    dkim.mkdir(exist_ok=True)
    for sel in ("pier2026", "gate2026", "oldkey"):
        run(f"opendkim-genkey -b 1024 -d harbourpost.test -s {sel} -D {dkim}")
    hz += (dkim / "pier2026.txt").read_text() if (dkim / "pier2026.txt").exists() else ""
    # gate2026's record published with the wrong key (the old one's), oldkey's with a broken tag
    if (dkim / "oldkey.txt").exists():
        hz += (dkim / "oldkey.txt").read_text().replace("oldkey._domainkey", "gate2026._domainkey")
        hz += (dkim / "oldkey.txt").read_text().replace("p=", "p=AAA", 1).replace("k=rsa", "k=rsx")
    (d / "harbourpost.zone").write_text(hz)
    (d / "quay.zone").write_text(QUAY_ZONE + "crane7 IN A 10.40.0.7\nberth12 IN CNAME gate1\n*.cargo IN A 10.40.9.1\n"
                                 "sub IN NS ns.sub\n")
    (d / "ferries.zone").write_text(big_zone("ferries.test", 1461, 90))
    (d / "knot.conf").write_text(base)
    confs = d / "conf.d"
    confs.mkdir(exist_ok=True)
    for name, fn in BAD_CONFS.items():
        (confs / name).write_text(fn(base))
    add("knotc-conf-loop", "for c in conf.d/*.conf; do echo \"== $c\"; knotc -c $c conf-check; echo EXIT=$?; done",
        run("for c in conf.d/*.conf; do echo \"== $c\"; knotc -c $c conf-check 2>&1; echo EXIT=$?; done", cwd=d),
        n_knotc_conf)
    add("knotc-conf-one", "knotc -c conf.d/20-bad-policy-ref.conf conf-check; echo EXIT=$?",
        run("knotc -c conf.d/20-bad-policy-ref.conf conf-check 2>&1; echo EXIT=$?", cwd=d), n_knotc_conf)
    add("knotc-zone-check", "knotc -c knot.conf zone-check; echo EXIT=$?",
        run("knotc -c knot.conf zone-check 2>&1; echo EXIT=$?", cwd=d, timeout=300), n_knotc_zone)
    add("knotc-zone-check-loop", "for z in harbourpost.test quay.test ferries.test; do echo \"== $z\"; knotc -c knot.conf zone-check $z; echo EXIT=$?; done",
        run("for z in harbourpost.test quay.test ferries.test; do echo \"== $z\"; knotc -c knot.conf zone-check $z 2>&1;"
            " echo EXIT=$?; done", cwd=d, timeout=300), n_knotc_zone)
    # the server needs a zone that loads: quay.test without the CNAME faults
    (d / "quay.zone").write_text(QUAY_ZONE.replace("www IN A 10.40.0.9\n", "").replace("tally-old IN CNAME tally\n", "")
                                 .replace("mail IN CNAME mx1.harbourpost.test.\n", "mail IN A 10.40.0.25\n"))
    cm.start(["knotd", "-c", str(d / "knot.conf")])
    for _ in range(60):
        time.sleep(1)
        if "SOA" in run(f"kdig @127.0.0.1 -p {KNOT_PORT} +short harbourpost.test DNSKEY") or \
                "DNSKEY" in run(f"kdig @127.0.0.1 -p {KNOT_PORT} harbourpost.test DNSKEY"):
            break
    time.sleep(2)
    k = f"kdig @127.0.0.1 -p {KNOT_PORT}"
    qs = [("harbourpost.test", "SOA"), ("harbourpost.test", "DNSKEY"), ("mx1.harbourpost.test", "A"),
          ("harbourpost.test", "MX"), ("nosuch.harbourpost.test", "A"), ("pier2026._domainkey.harbourpost.test", "TXT"),
          ("www.quay.test", "A"), ("x.cargo.quay.test", "A"), ("example.org", "A")]
    body = "; ".join(f"echo '== {q} {t}'; {k} +dnssec {q} {t}" for q, t in qs)
    add("kdig-dnssec-loop", f"for q in …; do echo \"== $q\"; kdig @127.0.0.1 -p {KNOT_PORT} +dnssec $q; done",
        run(body, timeout=120), n_kdig)
    add("kdig-dnskey", f"kdig @127.0.0.1 -p {KNOT_PORT} +dnssec +multiline harbourpost.test DNSKEY",
        run(f"{k} +dnssec +multiline harbourpost.test DNSKEY"), n_kdig)
    add("kdig-nsec", f"kdig @127.0.0.1 -p {KNOT_PORT} +dnssec nosuch.harbourpost.test A; kdig … ANY",
        run(f"{k} +dnssec nosuch.harbourpost.test A; {k} +dnssec crane007.north.harbourpost.test ANY"), n_kdig)
    add("kdig-axfr-signed", f"kdig @127.0.0.1 -p {KNOT_PORT} harbourpost.test AXFR",
        run(f"{k} harbourpost.test AXFR", timeout=120), n_kdig_axfr)
    add("kdig-axfr-head", f"kdig @127.0.0.1 -p {KNOT_PORT} harbourpost.test AXFR | head -n 100",
        run(f"{k} harbourpost.test AXFR | head -n 100", timeout=120), n_kdig_axfr)
    add("kdig-axfr-ferries", f"kdig @127.0.0.1 -p {KNOT_PORT} ferries.test AXFR +nocomments; kdig … tugs.test AXFR",
        run(f"{k} ferries.test AXFR; {k} tugs.test AXFR", timeout=120), n_kdig_axfr)
    # OpenDKIM's key test against the records knotd serves on 127.0.0.1:53
    (dkim / "unbound.conf").write_text(f"server:\n    do-not-query-localhost: no\nforward-zone:\n    name: \".\"\n"
                                   f"    forward-addr: 127.0.0.1@{KNOT_PORT}\n")
    (dkim / "testkey.conf").write_text(f"ResolverConfiguration {dkim}/unbound.conf\n")
    cases = [("pier2026", "pier2026"), ("gate2026", "gate2026"), ("oldkey", "oldkey"), ("quay", "pier2026"),
             ("pier2026", "missing")]
    body = "; ".join(f"echo '== {sel} key={key}'; opendkim-testkey -x {dkim}/testkey.conf -d harbourpost.test -s {sel}"
                     f" -k {dkim}/{key}.private -vvv 2>&1; echo EXIT=$?" for sel, key in cases)
    add("dkim-testkey-loop", "for s in pier2026 gate2026 oldkey quay; do echo \"== $s\"; opendkim-testkey -d harbourpost.test -s $s -k keys/$s.private -vvv; echo EXIT=$?; done",
        run(body, timeout=120), n_dkim_testkey)


STEPS = [cap_pdns, cap_knot]
