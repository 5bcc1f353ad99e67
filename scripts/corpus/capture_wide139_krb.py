"""Round 139, MIT Kerberos: realm FERRYGATE.TEST on a KDC bound to 127.0.0.1 with a database of the round's own
(about 300 principals: crew and office users, host/HTTP/nfs/cifs services, admin instances, a cross-realm krbtgt),
a lockout policy, expired and disabled entries; `kadmin.local listprincs`/`getprinc`, `klist -e` of a cache holding
service tickets, `klist -k -t -e` and `ktutil` over keytabs rotated to several KVNOs, a loop of `kinit` failures, the
KDC's own log. Run through capture_wide139.py."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide139 import add

EXIT = re.compile(r"^EXIT=\d+$")
REALM = "FERRYGATE.TEST"
KDC_PORT, KADM_PORT = 18839, 18749


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _case_above(lines, i):
    for k in range(i - 1, max(-1, i - 12), -1):
        if lines[k].startswith("== "):
            return lines[k]
    return None


PRINC = re.compile(r"^[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*@[A-Z0-9.-]+$")


def _primary(p: str) -> str:
    return p.split("/", 1)[0] if "/" in p.split("@", 1)[0] else "user"


@cm.kind("kadmin-listprincs", "listing")
def n_listprincs(lines):
    """Rules 1+4+5 on kadmin.local listprincs: the first and last principal rows, every row whose primary class (the part before the first /, a user principal counted as user) occurs in at most 2 rows, every row of a realm other than the most common one, every error line kadmin.local prints, an EXIT=N line."""
    rows = [ln.strip() for ln in lines if PRINC.match(ln.strip())]
    out = [rows[0], rows[-1]] if rows else []
    c = Counter(_primary(r) for r in rows)
    out += [r for r in rows if c[_primary(r)] <= 2]
    realms = Counter(r.rsplit("@", 1)[1] for r in rows)
    if realms:
        top = realms.most_common(1)[0][0]
        out += [r for r in rows if r.rsplit("@", 1)[1] != top]
    out += [ln for ln in lines if re.search(r"(?i)error|while |not exist|denied|cannot", ln)]
    return out + _exit(lines)


GETPRINC_FIELDS = ("Principal:", "Expiration date:", "Password expiration date:", "Policy:", "Attributes:",
                   "Failed password attempts:", "Last failed authentication:")


@cm.kind("kadmin-getprinc", "doc")
def n_getprinc(lines):
    """Rules 1+5 on kadmin.local getprinc: every Principal:, Expiration date:, Password expiration date:, Policy:, Attributes:, Failed password attempts: and Last failed authentication: line, each principal's Key: lines one {"any"}, every error line (get_principal: ... while retrieving ...), an EXIT=N line."""
    out, keys = [], []
    for ln in lines:
        if ln.startswith(GETPRINC_FIELDS):
            if ln.startswith("Principal:") and keys:
                out.append(any_of(keys))
                keys = []
            out.append(ln)
        elif ln.startswith("Key: "):
            keys.append(ln)
        elif re.search(r"while retriev|(?i:error)|does not exist", ln):
            out.append(ln)
    if keys:
        out.append(any_of(keys))
    return out + _exit(lines)


TICKET = re.compile(r"^\d\d/\d\d/\d\d \d\d:\d\d:\d\d\s+\d\d/\d\d/\d\d \d\d:\d\d:\d\d\s+\S+")


@cm.kind("klist-ccache", "table")
def n_klist_ccache(lines):
    """Rules 1+4+5 on klist -e of a credential cache: the Ticket cache: and Default principal: lines, every ticket row (Valid starting ... Service principal), every Etype (skey, tkt): line whose pair occurs in at most 2 tickets, every klist: error line, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith(("Ticket cache:", "Default principal:", "klist: "))]
    out += [ln for ln in lines if TICKET.match(ln)]
    et = [ln for ln in lines if ln.strip().startswith("Etype (skey, tkt):")]
    c = Counter(ln.strip() for ln in et)
    out += [ln for ln in et if c[ln.strip()] <= 2]
    return out + _exit(lines)


KT_ROW = re.compile(r"^\s*(?:\d+\s+)?(\d+)\s+(?:\d\d/\d\d/\d\d \d\d:\d\d:\d\d\s+)?(\S+@\S+)(?:\s+\(([^)]+)\))?")


def _keytab_needles(lines):
    out = [ln for ln in lines if ln.startswith("Keytab name:") or re.match(r"^(KVNO|slot) ", ln)]
    rows = []
    for ln in lines:
        if ln.startswith(("ktutil:", "klist:")):
            continue
        m = KT_ROW.match(ln)
        if m:
            rows.append((ln, int(m.group(1)), m.group(2), m.group(3) or ""))
    if rows:
        out += [rows[0][0], rows[-1][0]]
        c = Counter(r[3] for r in rows)
        if c.most_common(1)[0][1] * 2 >= len(rows):
            out += [r[0] for r in rows if c[r[3]] <= 2]
        lo, hi = min(r[1] for r in rows), max(r[1] for r in rows)
        out.append(any_of([r[0] for r in rows if r[1] == lo]))
        out.append(any_of([r[0] for r in rows if r[1] == hi]))
        pc = Counter(r[2] for r in rows)
        out += [r[0] for r in rows if pc[r[2]] == 1]
    out += [ln for ln in lines if re.match(r"^(ktutil|klist|rkt|wkt|delent|addent): ", ln) and not ln.startswith("ktutil:  ")
            and re.search(r"while|(?i:error)|No such|not", ln)]
    return out + _exit(lines)


@cm.kind("klist-keytab", "table")
def n_klist_keytab(lines):
    """Rules 1+4+5 on klist -k -t -e: the Keytab name: line and column header, the first and last rows, every row whose enctype occurs in at most 2 rows while the most common covers half, the rows of the lowest and highest KVNO (one {"any"} each), every principal seen in one row, every klist: error line, an EXIT=N line."""
    return _keytab_needles(lines)


@cm.kind("ktutil-list", "table")
def n_ktutil(lines):
    """Rules 1+4+5 on ktutil rkt + list: the column header, the first and last rows, every row whose enctype occurs in at most 2 rows while the most common covers half, the rows of the lowest and highest KVNO (one {"any"} each), every principal seen in one row, every ktutil: ... while ... error line, an EXIT=N line."""
    return _keytab_needles(lines)


@cm.kind("kinit-errors", "log")
def n_kinit_errors(lines):
    """Rules 1+5 on a loop of kinit/kvno cases: every kinit:/kvno:/kdestroy: line with the == case line echoed above it, one {"any"} per distinct EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(kinit|kvno|kdestroy): ", ln):
            out += [ln, _case_above(lines, i)]
    out += groups((ln, ln) for ln in lines if EXIT.match(ln))
    return out


KDC_REQ = re.compile(r"\b(AS_REQ|TGS_REQ)\b.*?\d+\.\d+\.\d+\.\d+: ([A-Z_]+): (.*)$")


@cm.kind("krb5kdc-log", "log")
def n_kdc_log(lines):
    """Rules 1+4+5 on the KDC's log: every request line whose status is not ISSUE or NEEDED_PREAUTH one {"any"} per (status, client principal), every line of the KDC's own errors and warnings (not a request line), the first and last request lines, ISSUE lines one {"any"} per request type."""
    reqs = [(ln, KDC_REQ.search(ln)) for ln in lines]
    reqs = [(ln, m) for ln, m in reqs if m]
    out = []

    def client(m):
        rest = m.group(3)
        mm = re.search(r"(?:^|, )([^\s,]+@[A-Z0-9.]+) for ", rest)
        return mm.group(1) if mm else rest.split(" ", 1)[0]

    out += groups(((m.group(2), client(m)), ln) for ln, m in reqs if m.group(2) not in ("ISSUE", "NEEDED_PREAUTH"))
    out += [ln for ln in lines if not KDC_REQ.search(ln) and re.search(r"(?i)\((error|warning|err|crit)\)|error|fail", ln)]
    if reqs:
        out += [reqs[0][0], reqs[-1][0]]
    out += groups((m.group(1), ln) for ln, m in reqs if m.group(2) == "ISSUE")
    return out


# ------------------------------------------------------------------ the realm

FIRST = ["ana", "bram", "chiara", "dmitri", "eilidh", "farah", "gunnar", "hana", "ivo", "jonas", "kaia", "lorcan",
         "mei", "nils", "oona", "pavel", "quinn", "rosa", "sven", "tilde", "ulla", "vik", "wren", "xavi", "yusuf",
         "zofia", "aled", "bea", "cormac", "dagny"]
LAST = ["mcbride", "olsen", "varga", "okafor", "lindqvist", "ferreira", "doyle", "haugen", "novak", "petrov", "sato",
        "keane", "moreau", "brennan", "ahmadi", "rossi", "falk", "quirke"]


def setup_realm(tmp: Path):
    d = tmp / "krb"
    d.mkdir(parents=True, exist_ok=True)
    write_tree(d, {
        "krb5.conf": f"""[libdefaults]
 default_realm = {REALM}
 dns_lookup_kdc = false
 dns_lookup_realm = false
 rdns = false
 udp_preference_limit = 1
 kdc_timeout = 1500
 max_retries = 1
[realms]
 {REALM} = {{
  kdc = 127.0.0.1:{KDC_PORT}
  admin_server = 127.0.0.1:{KADM_PORT}
 }}
 HARBOUR.TEST = {{
  kdc = 127.0.0.1:9
 }}
[logging]
 kdc = FILE:{d}/krb5kdc.log
 default = FILE:{d}/krb5lib.log
""",
        "kdc.conf": f"""[kdcdefaults]
 kdc_listen = 127.0.0.1:{KDC_PORT}
 kdc_tcp_listen = 127.0.0.1:{KDC_PORT}
[realms]
 {REALM} = {{
  database_name = {d}/principal
  key_stash_file = {d}/stash
  acl_file = {d}/kadm5.acl
  kadmind_listen = 127.0.0.1:{KADM_PORT}
  max_life = 10h
  max_renewable_life = 7d
  default_principal_flags = +preauth
  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal aes256-cts-hmac-sha384-192:normal
 }}
""",
        "kadm5.acl": f"*/admin@{REALM} *\n",
    })
    env = {"KRB5_CONFIG": str(d / "krb5.conf"), "KRB5_KDC_PROFILE": str(d / "kdc.conf"),
           "KRB5CCNAME": f"FILE:{d}/cc_ops"}
    run(f"kdb5_util create -s -r {REALM} -P 'M4ster-ferrygate'", cwd=d, env=env)
    rnd = random.Random(139)
    users = []
    while len(users) < 190:
        u = f"{rnd.choice(FIRST)}.{rnd.choice(LAST)}"
        if u not in users:
            users.append(u)
    cmds = ["addpol -maxfailure 3 -failurecountinterval 10m -lockoutduration 30m crew",
            "addpol -minlength 12 -minclasses 3 -maxlife 90d office",
            "addpol -maxlife 30d -history 5 service"]
    for i, u in enumerate(users):
        pol = "crew" if i % 3 else "office"
        cmds.append(f"addprinc -pw Tide-{i:03d}-pass -policy {pol} {u}")
    for u in ("ops", "deckhand", "purser"):
        cmds.append(f"addprinc -pw Ops-pass-139 -policy crew {u}")
    cmds.append("addprinc -pw Old-pass-139 -expire \"2025-06-30 00:00:00 UTC\" -policy crew relief.crew")
    cmds.append("addprinc -pw Pw-expired-139 -pwexpire \"2026-01-15 00:00:00 UTC\" -policy office harbourmaster")
    cmds.append("addprinc -pw Frozen-pass-139 -allow_tix -policy crew suspended.agent")
    for u in ("ana.okafor", "sven.haugen", "mei.sato"):
        cmds.append(f"addprinc -pw Adm1n-ferrygate/{u} {u}/admin")
    for n in range(1, 61):
        cmds.append(f"addprinc -randkey -policy service host/ws-{n:02d}.ferrygate.test")
    for h in ("tickets", "bookings", "crew", "cargo", "timetable", "intranet", "wiki", "grafana", "status", "api"):
        cmds.append(f"addprinc -randkey -policy service HTTP/{h}.ferrygate.test")
    for h in ("fs1", "fs2", "backup", "archive", "scan", "media", "home", "depot"):
        cmds.append(f"addprinc -randkey -policy service nfs/{h}.ferrygate.test")
    for h in ("fs1", "fs2", "depot", "scan"):
        cmds.append(f"addprinc -randkey cifs/{h}.ferrygate.test")
    cmds.append("addprinc -randkey ldap/dir.ferrygate.test")
    cmds.append("addprinc -randkey postgres/ledger.ferrygate.test")
    cmds.append("addprinc -randkey -requires_preauth imap/mail.ferrygate.test")
    cmds.append(f"addprinc -pw Xrealm-139-trust krbtgt/HARBOUR.TEST@{REALM}")
    cmds.append(f"addprinc -pw Xrealm-139-trust krbtgt/{REALM}@HARBOUR.TEST")
    (d / "load.kadmin").write_text("\n".join(cmds) + "\nquit\n")
    run(f"kadmin.local < {d}/load.kadmin > {d}/load.out 2>&1", cwd=d, env=env, timeout=600)
    return d, env, users


def cap_kerberos(tmp: Path) -> None:
    d, env, users = setup_realm(tmp)
    kdc = cm.start(["krb5kdc", "-n"], cwd=d, env=env)
    time.sleep(1.5)
    kdn = "FERRYGATE.TEST"

    def c(item_id, command, typed=None, timeout=300):
        add(item_id, typed or command, run(command, cwd=d, env=env, timeout=timeout), EXT[item_id.split("-", 1)[0]])

    # keytabs: 60 hosts, rotated; web services rotated with one enctype
    run(f"kadmin.local -q 'ktadd -k {d}/hosts.keytab " + " ".join(f"host/ws-{n:02d}.ferrygate.test" for n in range(1, 31))
        + "'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/hosts.keytab -e aes256-cts-hmac-sha1-96:normal "
        + " ".join(f"host/ws-{n:02d}.ferrygate.test" for n in range(1, 13)) + "'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/hosts.keytab -e aes128-cts-hmac-sha1-96:normal host/ws-07.ferrygate.test'",
        cwd=d, env=env)
    for _ in range(3):
        run(f"kadmin.local -q 'ktadd -k {d}/http.keytab " + " ".join(
            f"HTTP/{h}.ferrygate.test" for h in ("tickets", "bookings", "crew", "cargo", "timetable", "intranet", "wiki"))
            + "'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/http.keytab -norandkey HTTP/status.ferrygate.test'", cwd=d, env=env)
    run(f"kadmin.local -q 'ktadd -k {d}/nfs.keytab " + " ".join(
        f"nfs/{h}.ferrygate.test" for h in ("fs1", "fs2", "backup", "archive", "scan", "media")) + "'", cwd=d, env=env)

    # failed logins: wrong passwords (the crew policy locks after 3), unknown users, an expired entry
    pw = {u: f"Tide-{i:03d}-pass" for i, u in enumerate(users)}
    crew = [u for i, u in enumerate(users) if i % 3][:12]
    for k, u in enumerate(crew):
        for t in range(2 + k % 4):
            run(f"echo 'wrong-{t}' | kinit {u}", cwd=d, env=env)
        run(f"echo '{pw[u]}' | kinit {u}", cwd=d, env=env)
    for u in ("j.smith", "admin", "root", "guest", "ferry.ops"):
        run(f"echo x | kinit {u}", cwd=d, env=env)
    run(f"echo '{pw[users[0]]}' | kinit {users[0]} && kvno HTTP/tickets.ferrygate.test HTTP/api.ferrygate.test", cwd=d, env=env)

    # items: listprincs, getprinc
    c("kadminlist-all", "kadmin.local -q listprincs")
    c("kadminlist-head", "kadmin.local -q listprincs | grep -v '^host/' | head -n 100")
    locked = crew[3]
    names = [users[0], locked, crew[1], "relief.crew", "harbourmaster", "suspended.agent", "ana.okafor/admin",
             "host/ws-07.ferrygate.test", "HTTP/tickets.ferrygate.test", f"krbtgt/HARBOUR.TEST@{kdn}", "no.such.user",
             f"krbtgt/{kdn}"]
    c("getprinc-mixed", "for p in " + " ".join(f"'{n}'" for n in names) + "; do kadmin.local -q \"getprinc $p\"; done")
    c("getprinc-crew", "for p in " + " ".join(crew) + "; do kadmin.local -q \"getprinc $p\" 2>&1 | grep -v '^Authenticating'; done")

    # tickets
    run(f"echo '{pw[users[5]]}' | kinit -f -r 3d {users[5]}", cwd=d, env=env)
    svcs = [f"host/ws-{n:02d}.ferrygate.test" for n in range(1, 19)] + [
        f"HTTP/{h}.ferrygate.test" for h in ("tickets", "bookings", "crew", "wiki")] + [
        "nfs/fs1.ferrygate.test", "cifs/fs1.ferrygate.test", "ldap/dir.ferrygate.test", "postgres/ledger.ferrygate.test"]
    run("kvno " + " ".join(svcs), cwd=d, env=env)
    run("kvno -e aes128-cts-hmac-sha1-96 imap/mail.ferrygate.test", cwd=d, env=env)
    c("klistcc-e", "klist -e")
    c("klistcc-f", "klist -f -e -a; echo EXIT=$?")

    c("klistkt-hosts", f"klist -k -t -e {d}/hosts.keytab", typed="klist -k -t -e /etc/ferrygate/hosts.keytab")
    c("klistkt-http", f"klist -k -t -e {d}/http.keytab | head -n 100; echo EXIT=$?",
      typed="klist -k -t -e /etc/ferrygate/http.keytab | head -n 100; echo EXIT=$?")
    c("ktutil-merge", f"printf 'rkt {d}/http.keytab\\nrkt {d}/nfs.keytab\\nrkt {d}/missing.keytab\\nlist -e -t\\n"
      f"delent 3\\nwkt {d}/merged.keytab\\nquit\\n' | ktutil")
    c("ktutil-hosts", f"printf 'rkt {d}/hosts.keytab\\nlist -e\\nquit\\n' | ktutil 2>&1 | head -n 100")

    # kinit failures in a loop the agent typed
    loop = [
        ("wrong password", f"echo 'Tide-999-pass' | kinit {users[3]}"),
        ("unknown principal", "echo x | kinit deck.cadet"),
        ("locked out after 3 failures", f"echo '{pw[locked]}' | kinit {locked}"),
        ("expired account", "echo Old-pass-139 | kinit relief.crew"),
        ("password expired", "echo Pw-expired-139 | kinit harbourmaster"),
        ("tickets not allowed", "echo Frozen-pass-139 | kinit suspended.agent"),
        ("other realm, no KDC", "echo x | kinit ops@HARBOUR.TEST"),
        ("keytab without the principal", f"kinit -k -t {d}/http.keytab host/ws-01.ferrygate.test"),
        ("keytab with a stale kvno", f"kinit -k -t {d}/http.keytab HTTP/status.ferrygate.test"),
        ("service ticket for an unknown service", f"echo '{pw[users[0]]}' | kinit {users[0]} && kvno HTTP/payroll.ferrygate.test"),
        ("good login", f"echo '{pw[users[0]]}' | kinit {users[0]} && klist -s"),
        ("destroy a missing cache", "KRB5CCNAME=FILE:/tmp/krb5cc_nobody_139 kdestroy"),
    ]
    body = "; ".join(f"echo '== {name}'; {cmd}; echo EXIT=$?" for name, cmd in loop)
    c("kinit-loop", body, typed="for case in ...; do ...; kinit ...; echo EXIT=$?; done  # each case echoed as == name")
    c("kinit-grep", f"( {body} ) 2>&1 | grep -iE '^== |kinit|kvno|kdestroy|EXIT'")

    # the KDC's log
    log = d / "krb5kdc.log"
    n = len(log.read_text(errors="replace").splitlines()) if log.exists() else 0
    cm.note(f"KDC log: {n} lines, {log.stat().st_size if log.exists() else 0:,} bytes")
    c("kdclog-tail", f"tail -n 150 {log}", typed="tail -n 150 /var/log/krb5kdc.log")
    c("kdclog-grep", f"grep -vE 'ISSUE|NEEDED_PREAUTH' {log} | head -n 120",
      typed="grep -vE 'ISSUE|NEEDED_PREAUTH' /var/log/krb5kdc.log | head -n 120")
    cm.stop(kdc)


EXT = {"kadminlist": n_listprincs, "getprinc": n_getprinc, "klistcc": n_klist_ccache, "klistkt": n_klist_keytab,
       "ktutil": n_ktutil, "kinit": n_kinit_errors, "kdclog": n_kdc_log}

STEPS = [cap_kerberos]
