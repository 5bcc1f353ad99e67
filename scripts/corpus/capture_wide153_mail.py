"""Round 153, mail and name service on loopback (second samples of round 146's kinds): `orchardpost`, a fruit
growers' cooperative. A Postfix instance of the round's own (config and queue under the round's scratch dir, smtpd on
127.0.0.1:2553, virtual mailboxes for orchard.test, transports to a refused port and to a stub SMTP server on
127.0.0.1 that answers with a rate limit, a policy rejection or a disk-full reply), mail queued by sendmail and
`swaks` sessions; SpamAssassin on messages of its own with a broken site config; pdnsutil on a sqlite3 backend with
zones of its own (bad records put in), Knot on 127.0.0.1:5363 signing a zone, `kdig` answers and transfers. Round
146's extractors are imported. Run through capture_wide153.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide146_dns import (n_pdns_check, n_pdns_list, n_pdns_show, n_knotc_zone, n_kdig, n_kdig_axfr)
from capture_wide146_mail import (n_postqueue_p, n_postqueue_j, n_postcat, n_qshape, n_swaks, n_spamassassin_t,
                                  n_spamassassin_lint)
from capture_wide153 import add

SMTPD_PORT, STUB_PORT, DEAD_PORT, KNOT_PORT = 2553, 2554, 2559, 5363
USERS = ["orders", "packhouse", "coldstore", "growers", "payroll", "quality", "logistics", "cider", "export"]

STUB = r'''
import socketserver, sys
class H(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda s: self.wfile.write((s + "\r\n").encode())
        w("220 relay.buyer.example ESMTP orchard-stub")
        while True:
            ln = self.rfile.readline().decode(errors="replace").strip()
            if not ln:
                return
            up = ln.upper()
            if up.startswith(("EHLO", "HELO")):
                w("250-relay.buyer.example"); w("250 SIZE 10240000")
            elif up.startswith("MAIL"):
                w("250 2.1.0 Sender ok")
            elif up.startswith("RCPT"):
                r = ln.lower()
                if "ratelimit" in r:
                    w("421 4.7.0 Too many connections from your host, rate limited, try later")
                    return
                elif "policy" in r:
                    w("450 4.7.1 Client host rejected: cannot find your reverse hostname")
                elif "disk" in r:
                    w("452 4.3.1 Insufficient system storage")
                else:
                    w("250 2.1.5 Recipient ok")
            elif up.startswith("DATA"):
                w("451 4.3.0 Temporary failure writing spool, message not accepted")
            elif up.startswith("QUIT"):
                w("221 2.0.0 bye"); return
            else:
                w("250 ok")
class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def main_cf(tmp: Path) -> str:
    pf = tmp / "postfix"
    return f"""compatibility_level = 3.6
queue_directory = {tmp}/pfqueue
data_directory = {tmp}/pfdata
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.orchard.test
mydomain = orchard.test
myorigin = $mydomain
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.3/32
virtual_mailbox_domains = orchard.test
virtual_mailbox_maps = hash:{pf}/vmailbox
virtual_mailbox_base = {tmp}/vmail
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
transport_maps = hash:{pf}/transport
smtpd_sender_restrictions = check_sender_access hash:{pf}/sender_access
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_tls_security_level = none
smtp_tls_security_level = none
maillog_file = {tmp}/postfix.log
maillog_file_prefixes = /var, /dev/stdout, {tmp}
alias_maps =
alias_database =
smtp_connect_timeout = 5s
minimal_backoff_time = 2h
maximal_backoff_time = 8h
queue_run_delay = 2h
disable_dns_lookups = yes
smtp_dns_support_level = disabled
smtp_host_lookup = native
biff = no
"""


FRUIT = ["Elstar", "Jonagold", "Braeburn", "Conference pears", "Kanzi", "Red Prince", "Cox", "Boskoop"]


def message(r: random.Random, frm: str, to: str, n: int, spam: bool = False) -> str:
    subj = r.choice(["Order {n}: {f} {k} kg", "Cold store {n} temperature log", "Grower payment run {n}",
                     "Export certificate {n} for {f}", "Pallet count correction {n}", "Harvest forecast {f}"]).format(
        n=r.randint(1000, 99999), f=r.choice(FRUIT), k=r.randint(200, 24000))
    body = "\n".join(f"Lot {r.randint(100, 999)}: {r.choice(FRUIT)}, {r.randint(1, 60)} bins, "
                     f"brix {r.uniform(9, 16):.1f}, firmness {r.uniform(4, 9):.1f} kg" for _ in range(r.randint(3, 30)))
    if spam:
        subj = r.choice(["FINAL NOTICE: your apple subsidy of EUR 48,000 is waiting", "Make money fast from home!!!",
                         "Re: Invoice overdue - enable macros to view", "Cheap Cialis and replica watches"])
        body = ("Dear Sir/Madam,\n\nYou are the LUCKY WINNER of our lottery!!! To claim your EUR 2,500,000.00 reply "
                "with your bank details, passport and PIN. Click http://203.0.113.9/win now, 100% guaranteed, no "
                "risk, limited time. Western Union or MoneyGram accepted.\nUnsubscribe here.\n" * 4)
    return (f"From: {frm}\nTo: {to}\nSubject: {subj}\nDate: Mon, 30 Nov 2026 1{n % 10}:{n % 60:02d}:00 +0000\n"
            f"Message-ID: <op{n:05d}.{r.randint(1000, 9999)}@orchard.test>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=us-ascii\n\n{body}\n")


def cap_postfix(tmp: Path) -> None:
    pf = tmp / "postfix"
    pf.mkdir(parents=True, exist_ok=True)
    for d in ("pfdata", "pfqueue", "vmail"):
        (tmp / d).mkdir(exist_ok=True)
    run(f"chown postfix {tmp}/pfdata; chown -R 65534:65534 {tmp}/vmail")
    (pf / "main.cf").write_text(main_cf(tmp))
    (pf / "master.cf").write_text(Path("/etc/postfix/master.cf").read_text().replace(
        "smtp      inet  n       -       y       -       -       smtpd",
        f"127.0.0.1:{SMTPD_PORT} inet  n       -       n       -       -       smtpd"))
    run(f"postconf -c {pf} -F '*/*/chroot = n'")
    (pf / "vmailbox").write_text("".join(f"{u}@orchard.test orchard.test/{u}/\n" for u in USERS))
    (pf / "transport").write_text(f"buyer.example smtp:[127.0.0.1]:{DEAD_PORT}\nauction.example smtp:[127.0.0.1]:2558\n"
                                  f"ratelimit.example smtp:[127.0.0.1]:{STUB_PORT}\npolicy.example smtp:[127.0.0.1]:{STUB_PORT}\n"
                                  f"disk.example smtp:[127.0.0.1]:{STUB_PORT}\nspool.example smtp:[127.0.0.1]:{STUB_PORT}\n")
    (pf / "sender_access").write_text("offers@cheap-pesticide.example REJECT Sender blocked by orchardpost policy\n"
                                      "newsletter@orchard-news.example DEFER_IF_PERMIT Slow down\n")
    run(f"for m in vmailbox transport sender_access; do postmap {pf}/$m; done")
    (tmp / "stub.py").write_text(STUB)
    cm.start(["python3", str(tmp / "stub.py"), str(STUB_PORT)])
    cm.start(["postfix", "-c", str(pf), "start-fg"])
    time.sleep(6)
    r = random.Random(1535)
    dests = ["buyer.example"] * 4 + ["auction.example"] * 2 + ["ratelimit.example", "policy.example"] * 2 + \
        ["disk.example", "spool.example"]
    lines = []
    (tmp / "msgs").mkdir(exist_ok=True)
    for n in range(190):
        frm = f"{r.choice(USERS)}@orchard.test"
        to = f"{r.choice(['buyer', 'desk', 'import', 'qa', 'claims'])}{r.randint(1, 40)}@{r.choice(dests)}"
        if r.random() < 0.15:
            to += f",{r.choice(['buyer', 'desk'])}{r.randint(1, 40)}@{r.choice(dests)}"
        mp = tmp / "msgs" / f"m{n:03d}.eml"
        mp.write_text(message(r, frm, to, n))
        lines.append(f"sendmail -C {pf} -f {frm} {to.replace(',', ' ')} < {mp}")
    (tmp / "inject.sh").write_text("\n".join(lines) + "\n")
    run(f"sh {tmp}/inject.sh", timeout=600)
    time.sleep(25)
    run(f"postqueue -c {pf} -f")
    time.sleep(20)
    ids = re.findall(r"^([0-9A-F]{8,})\s", run(f"postqueue -c {pf} -p"), re.M)
    for qid in ids[10:14]:
        run(f"postsuper -c {pf} -h {qid}")
    env = {"MAIL_CONFIG": str(pf)}
    add("mailq", "mailq", run("mailq", env=env), n_postqueue_p)
    add("postqueue-j", "postqueue -j", run("postqueue -j", env=env), n_postqueue_j)
    pick = ids[1:3] + ids[11:12]
    add("postcat-loop", "for id in …; do echo \"== $id\"; postcat -q $id; done",
        run("; ".join(f"echo '== {i}'; postcat -c {pf} -q {i} 2>&1" for i in pick)), n_postcat)
    add("qshape-deferred-senders", "qshape deferred; qshape -s deferred",
        run(f"qshape -c {pf} deferred; qshape -c {pf} -s deferred"), n_qshape)
    sw = f"swaks -s 127.0.0.1 -p {SMTPD_PORT} --ehlo packer.orchard.test"
    cases = [("blocked sender", f"{sw} -f offers@cheap-pesticide.example -t orders@orchard.test"),
             ("relay", f"{sw} -f buyer3@buyer.example -t qa@auction.example"),
             ("no such mailbox", f"{sw} -f buyer3@buyer.example -t harvest@orchard.test"),
             ("deferred sender", f"{sw} -f newsletter@orchard-news.example -t growers@orchard.test"),
             ("delivered", f"{sw} -f buyer3@buyer.example -t coldstore@orchard.test --header 'Subject: Bin 44 at 1.2C'"),
             ("stub rate limit", f"swaks -s 127.0.0.1 -p {STUB_PORT} -f orders@orchard.test -t ratelimit@buyer.example"),
             ("stub data", f"swaks -s 127.0.0.1 -p {STUB_PORT} -f orders@orchard.test -t desk@spool.example"),
             ("nothing listening", f"swaks -s 127.0.0.1 -p {DEAD_PORT} -t orders@orchard.test")]
    add("swaks-loop", "for c in …; do echo \"== $c\"; swaks -s 127.0.0.1 -p 2553 …; echo EXIT=$?; done",
        run("; ".join(f"echo '== {t}'; {c} 2>&1; echo EXIT=$?" for t, c in cases), timeout=300), n_swaks)
    run(f"postfix -c {pf} stop")


SA_LOCAL = """# orchardpost site rules
required_score 5.0
rewrite_header Subject ***SPAM***
body LOCAL_LOTTERY /lucky winner/i
score LOCAL_LOTTERY 3.5
describe LOCAL_LOTTERY Claims the reader won a lottery
header LOCAL_SUBSIDY Subject =~ /apple subsidy[/i
score LOCAL_SUBSIDY 2.0
score LOCAL_NO_SUCH_RULE 1.0
bayes_auto_learn_treshold_spam 12
ok_languages en nl xx
report_safe 3
"""


def cap_spamassassin(tmp: Path) -> None:
    sa = tmp / "sa"
    site, good, msgs = sa / "site", sa / "site-ok", sa / "msgs"
    for d in (site, good, msgs):
        d.mkdir(parents=True, exist_ok=True)
    (site / "local.cf").write_text(SA_LOCAL)
    (good / "local.cf").write_text("required_score 5.0\nbody LOCAL_LOTTERY /lucky winner/i\nscore LOCAL_LOTTERY 3.5\n"
                                   "describe LOCAL_LOTTERY Claims the reader won a lottery\n")
    run(f"cp /etc/spamassassin/*.pre {site}/; cp /etc/spamassassin/*.pre {good}/")
    r = random.Random(1536)
    names = []
    for i in range(7):
        spam = i in (0, 2, 3, 6)
        nm = f"{'spam' if spam else 'ham'}-{i}.eml"
        (msgs / nm).write_text(message(r, f"{'prize' if spam else 'buyer'}{i}@{'lotto-win.example' if spam else 'buyer.example'}",
                                       "payroll@orchard.test", i, spam=spam))
        names.append(nm)
    env = {"HOME": str(sa)}
    sac = f"spamassassin -L -x --siteconfigpath={good}"
    add("sa-t-loop-tail", "for m in msgs/*.eml; do echo \"== $m\"; spamassassin -L -t < $m | tail -n 25; done",
        run("; ".join(f"echo '== msgs/{m}'; {sac} -t < msgs/{m} | tail -n 25" for m in names), cwd=sa, env=env,
            timeout=400), n_spamassassin_t)
    add("sa-lint-exit", "spamassassin --lint; echo EXIT=$?",
        run(f"spamassassin -x --siteconfigpath={site} --lint 2>&1; echo EXIT=$?", cwd=sa, env=env), n_spamassassin_lint)


def zone(origin: str, seed: int, n: int) -> str:
    """A cooperative's zone: orchard blocks' sensors, cold stores, packing lines, weighbridges, mail records."""
    r = random.Random(seed)
    out = [f"$ORIGIN {origin}.", "$TTL 3600", "@ IN SOA ns1 dnsadmin 2026113001 7200 900 1209600 300",
           "@ IN NS ns1", "@ IN NS ns2", "ns1 IN A 127.0.0.1", "ns2 IN A 127.0.0.1", "@ IN MX 10 mx",
           "mx IN A 127.0.0.1", '@ IN TXT "v=spf1 ip4:127.0.0.0/8 ~all"', "_submission._tcp IN SRV 0 1 587 mx"]
    kinds = ["block", "coldstore", "sorter", "weigh", "probe", "gate", "tractor", "frost"]
    for i in range(n):
        name = f"{r.choice(kinds)}{i:03d}.{r.choice(['hill', 'river', 'west', 'station'])}"
        out.append(f"{name} IN A 10.{r.randint(64, 79)}.{r.randint(0, 255)}.{r.randint(1, 254)}")
        if r.random() < 0.12:
            out.append(f"{name} IN AAAA fd00:153:{r.randint(1, 0xffff):x}::{r.randint(1, 0xfff):x}")
        if r.random() < 0.05:
            out.append(f'{name} IN TXT "variety={r.choice(FRUIT).split()[0]} planted={r.randint(1995, 2024)}"')
    out += ["shop IN CNAME mx", "grafana IN CNAME mx", 'wx IN TXT "station=KNMI-260"']
    return "\n".join(out) + "\n"


def cap_pdns(tmp: Path) -> None:
    d = tmp / "pdns"
    d.mkdir(parents=True, exist_ok=True)
    db = d / "orchard.sqlite3"
    run(f"sqlite3 {db} < /usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql")
    (d / "pdns.conf").write_text(f"launch=gsqlite3\ngsqlite3-database={db}\ngsqlite3-dnssec=yes\n")
    p = f"pdnsutil --config-dir={d}"
    zones = {"orchard.test": zone("orchard.test", 1537, 540), "packhouse.test": zone("packhouse.test", 1538, 70),
             "cider.test": zone("cider.test", 1539, 30)}
    for z, txt in zones.items():
        (d / f"{z}.zone").write_text(txt)
        run(f"{p} load-zone {z} {d}/{z}.zone", timeout=300)
    bad = [("packhouse.test", "sorter9.packhouse.test", "A", "10.70.300.9"),
           ("packhouse.test", "grader.other.example", "A", "10.70.0.1"),
           ("packhouse.test", "Line4.packhouse.test", "A", "10.70.4.4"),
           ("cider.test", "press.cider.test", "AAAA", "10.80.0.2"),
           ("cider.test", "ns1.cider.test", "CNAME", "mx.cider.test."),
           ("cider.test", "cider.test", "CNAME", "mx.cider.test.")]
    sql = " ".join(f"INSERT INTO records (domain_id,name,type,content,ttl,prio,disabled,auth) SELECT id,'{n}','{t}',"
                   f"'{c}',3600,0,0,1 FROM domains WHERE name='{z}';" for z, n, t, c in bad)
    run(f'sqlite3 {db} "{sql}"')
    add("pdns-check-all-exit", "pdnsutil check-all-zones; echo EXIT=$?",
        run(f"{p} check-all-zones 2>&1; echo EXIT=$?", timeout=300), n_pdns_check)
    add("pdns-list-orchard", "pdnsutil list-zone orchard.test", run(f"{p} list-zone orchard.test 2>&1"), n_pdns_list)
    run(f"{p} secure-zone orchard.test; {p} secure-zone packhouse.test; {p} add-zone-key packhouse.test zsk inactive "
        f"ecdsa256; {p} set-nsec3 packhouse.test '1 0 1 ab'", timeout=300)
    add("pdns-show-loop", "for z in orchard.test packhouse.test cider.test; do echo \"== $z\"; pdnsutil show-zone $z; done",
        run("; ".join(f"echo '== {z}'; {p} show-zone {z} 2>&1" for z in zones)), n_pdns_show)


KNOT_CONF = """server:
    rundir: {d}
    listen: 127.0.0.1@{port}
database:
    storage: {d}
log:
  - target: {d}/knotd.log
    any: info
policy:
  - id: orchard
    algorithm: ed25519
    ksk-lifetime: 0
template:
  - id: default
    semantic-checks: on
    storage: {d}
acl:
  - id: xfr
    address: 127.0.0.0/8
    action: transfer
zone:
  - domain: orchard.test
    file: {d}/orchard.zone
    dnssec-signing: on
    dnssec-policy: orchard
    acl: xfr
  - domain: cider.test
    file: {d}/cider.zone
    acl: xfr
"""


def cap_knot(tmp: Path) -> None:
    d = tmp / "knot"
    d.mkdir(parents=True, exist_ok=True)
    (d / "knot.conf").write_text(KNOT_CONF.format(d=d, port=KNOT_PORT))
    (d / "orchard.zone").write_text(zone("orchard.test", 1537, 150))
    cider = zone("cider.test", 1539, 30)
    (d / "cider.zone").write_text(cider + "press IN CNAME mx\npress IN A 10.80.0.2\nvat IN CNAME tank\n"
                                  "tank IN CNAME vat\nsub IN NS ns.sub\nmx IN CNAME shop\n")
    add("knotc-zone-check-loop", "for z in orchard.test cider.test; do echo \"== $z\"; knotc -c knot.conf zone-check $z; echo EXIT=$?; done",
        run("for z in orchard.test cider.test; do echo \"== $z\"; knotc -c knot.conf zone-check $z 2>&1; echo EXIT=$?; done",
            cwd=d, timeout=300), n_knotc_zone)
    (d / "cider.zone").write_text(cider)
    cm.start(["knotd", "-c", str(d / "knot.conf")])
    k = f"kdig @127.0.0.1 -p {KNOT_PORT}"
    for _ in range(60):
        time.sleep(1)
        if "DNSKEY" in run(f"{k} orchard.test DNSKEY"):
            break
    time.sleep(2)
    qs = [("orchard.test", "SOA"), ("orchard.test", "NS"), ("mx.orchard.test", "A"), ("orchard.test", "TXT"),
          ("frost999.hill.orchard.test", "A"), ("_submission._tcp.orchard.test", "SRV"), ("shop.cider.test", "A"),
          ("cider.test", "DNSKEY"), ("apples.example", "A")]
    add("kdig-loop-dnssec", f"for q in …; do echo \"== $q\"; kdig @127.0.0.1 -p {KNOT_PORT} +dnssec $q; done",
        run("; ".join(f"echo '== {q} {t}'; {k} +dnssec {q} {t}" for q, t in qs), timeout=120), n_kdig)
    add("kdig-axfr-orchard", f"kdig @127.0.0.1 -p {KNOT_PORT} orchard.test AXFR",
        run(f"{k} orchard.test AXFR", timeout=120), n_kdig_axfr)
    add("kdig-axfr-cider-tail", f"kdig @127.0.0.1 -p {KNOT_PORT} cider.test AXFR | tail -n 40; kdig … nosuch.test AXFR",
        run(f"{k} cider.test AXFR | tail -n 40; {k} nosuch.test AXFR", timeout=120), n_kdig_axfr)


STEPS = [cap_postfix, cap_spamassassin, cap_pdns, cap_knot]
