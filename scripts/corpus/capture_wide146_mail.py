"""Round 146, mail: a Postfix instance of the round's own (config and queue under the round's scratch dir, smtpd on
127.0.0.1:2526, virtual mailboxes for harbourpost.test, transports to a refused port and to a stub SMTP server on
127.0.0.1 that greylists, reports a full mailbox or refuses a recipient), mail queued by sendmail and by `swaks`
sessions (a rejected sender, a relay denial, an unknown user, a wrong password through Dovecot's SASL); Dovecot on
127.0.0.1 with a passwd-file of the round's own and an obsolete setting; SpamAssassin on messages of the round's own
and a broken site config. Run through capture_wide146.py."""

from __future__ import annotations

import imaplib
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run
from capture_wide146 import add
from capture_wide146_dns import _exit, _rare_rows, ERR

SMTPD_PORT, STUB_PORT, DEAD_PORT, IMAP_PORT, AUTH_PORT = 2526, 2527, 2599, 14300, 12346
USERS = ["harbourmaster", "pilotage", "customs", "berthing", "manifests", "security", "tugs", "billing",
         "reefer", "gateops", "lashing", "survey"]
PASSWORD = "Quay-146-{u}"


# ------------------------------------------------------------------ extractors

@cm.kind("postqueue-p", "table")
def n_postqueue_p(lines):
    """Rule 5 on postqueue -p / mailq: the -Queue ID- header, the -- N Kbytes in M Requests. (or Mail queue is empty) line, every queue-id line marked ! (held) or * (active), the parenthesised reasons one {"any"} per reason shape, every fatal/warning line, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("-Queue ID-") or re.match(r"^-- \d+ Kbytes in \d+ Request", ln)
           or "Mail queue is empty" in ln]
    out += [ln for ln in lines if re.match(r"^[0-9A-F]{6,}[!*]\s", ln)]
    out += groups((mask(re.sub(r"\S+@\S+|\[[\d.]+\](:\d+)?|\d+", "<x>", ln)), ln)
                  for ln in lines if re.match(r"^\s*\(.*\)?$", ln))
    out += [ln for ln in lines if re.search(r"(?i)fatal:|warning:", ln)]
    return out + _exit(lines)


@cm.kind("postqueue-j", "json")
def n_postqueue_j(lines):
    """Rules 4+5 on postqueue -j (JSON lines): one {"any"} per (queue_name, delay_reason shape) of the record lines, every record of a queue other than the commonest, the first and last records."""
    import json
    recs = []
    for ln in lines:
        try:
            recs.append((ln, json.loads(ln)))
        except ValueError:
            continue
    out = []
    for ln, r in recs:
        reasons = sorted({mask(re.sub(r"\S+@\S+|\[[\d.]+\](:\d+)?|\d+", "<x>", x.get("delay_reason", "")))
                          for x in r.get("recipients", [])})
        out.append(((r.get("queue_name"), tuple(reasons)), ln))
    res = groups(out)
    res += [ln for ln, r in _rare_rows(recs, lambda x: x[1].get("queue_name"))]
    if recs:
        res += [recs[0][0], recs[-1][0]]
    return res + [ln for ln in lines if ERR.search(ln) and not ln.startswith("{")]


@cm.kind("postcat-q", "doc")
def n_postcat(lines):
    """Rule 5 on postcat -q: the *** ENVELOPE RECORDS line, sender:, every recipient: / original_recipient: line, message_arrival_time:, the From:/To:/Subject:/Message-ID: header lines, every *** HEADER EXTRACTED recipient line, every error line, the == id lines the agent printed."""
    out, sect = [], ""
    for ln in lines:
        if ln.startswith("*** "):
            sect = ln
            if "ENVELOPE RECORDS" in ln:
                out.append(ln)
            continue
        if ln.startswith("== ") or re.match(r"^(sender|recipient|original_recipient|message_arrival_time): ", ln):
            out.append(ln)
        elif "MESSAGE CONTENTS" in sect and re.match(r"^(From|To|Subject|Message-ID): ", ln):
            out.append(ln)
        elif "HEADER EXTRACTED" in sect and re.match(r"^(recipient|original_recipient): ", ln):
            out.append(ln)
        elif re.search(r"(?i)postcat: |fatal|error", ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("qshape", "table")
def n_qshape(lines):
    """Rule 4 on qshape: the age header row (T 5 10 20 ...), the TOTAL row, the rows holding the largest and the smallest T count, the == queue lines the agent printed."""
    out = [ln for ln in lines if re.match(r"^\s+T\s+5\s+10", ln) or re.match(r"^\s*TOTAL\s", ln) or ln.startswith("== ")]
    rows = [(ln, int(m.group(2))) for ln in lines if (m := re.match(r"^\s*(\S+)\s+(\d+)(\s+\d+)+\s*$", ln))
            and not re.match(r"^\s*TOTAL", ln) and not re.match(r"^\s+T\s", ln)]
    if rows:
        hi, lo = max(r[1] for r in rows), min(r[1] for r in rows)
        out += [any_of([ln for ln, v in rows if v == hi]), any_of([ln for ln, v in rows if v == lo])]
    return out


@cm.kind("swaks", "log")
def n_swaks(lines):
    """Rule 5 on swaks sessions: every server reply line with a 4xx/5xx code, every *** line swaks prints, the === Trying / Connected lines, every queued as line, the == case lines and EXIT=N lines the agent printed."""
    out = [ln for ln in lines if re.match(r"^\s*<\*\*\s+[45]\d\d", ln) or ln.startswith("*** ")
           or re.match(r"^=== (Trying|Connected)", ln) or "queued as" in ln or ln.startswith("== ")]
    return out + _exit(lines)


@cm.kind("doveconf-n", "doc")
def n_doveconf(lines):
    """Rule 5 on doveconf -n: the first line (version and config file), the # OS: line, every Warning/Error/Fatal line, every section opening line (passdb, userdb, service, protocol, namespace), the listen/mail_location/protocols/ssl lines."""
    out = lines[:1]
    out += [ln for ln in lines if ln.startswith("# OS:") or re.search(r"(?i)warning:|error:|fatal:", ln)]
    out += [ln for ln in lines if re.match(r"^\s*(passdb|userdb|service|protocol|namespace)\b.*\{$", ln)]
    out += [ln for ln in lines if re.match(r"^(listen|mail_location|protocols|ssl) = ", ln)]
    return out


@cm.kind("doveadm-mailbox-status", "table")
def n_mailbox_status(lines):
    """Rule 4 on doveadm mailbox status: for each numeric field the lines holding its maximum and its minimum (one {"any"} each when several tie), every error line, the == user lines the agent printed."""
    recs = [(ln, dict(re.findall(r"(\w+)=(\d+)", ln))) for ln in lines if re.search(r"\w+=\d+", ln)]
    out = [ln for ln in lines if ln.startswith("== ") or re.search(r"(?i)error|fatal|doveadm\(", ln)]
    for f in dict.fromkeys(k for _, r in recs for k in r):
        if f in ("uidvalidity", "uidnext", "highestmodseq", "firstunseen"):
            continue
        vals = [(ln, int(r[f])) for ln, r in recs if f in r]
        hi, lo = max(v for _, v in vals), min(v for _, v in vals)
        out += [any_of([ln for ln, v in vals if v == hi]), any_of([ln for ln, v in vals if v == lo])]
    return out + _exit(lines)


@cm.kind("doveadm-who", "table")
def n_doveadm_who(lines):
    """Rule 4 on doveadm who: the header row, the rows with the most and the fewest connections, every row whose protocol occurs in at most 2 rows while the commonest covers half, every error line."""
    out = [ln for ln in lines if ln.startswith("username")]
    rows = [(ln, m) for ln in lines if (m := re.match(r"^(\S+)\s+(\d+)\s+(\S+)\s+\(", ln))]
    if rows:
        hi = max(int(m.group(2)) for _, m in rows)
        lo = min(int(m.group(2)) for _, m in rows)
        out += [any_of([ln for ln, m in rows if int(m.group(2)) == hi]),
                any_of([ln for ln, m in rows if int(m.group(2)) == lo])]
        out += [ln for ln, m in _rare_rows(rows, lambda r: r[1].group(3))]
    return out + [ln for ln in lines if ERR.search(ln)] + _exit(lines)


@cm.kind("dovecot-log", "log")
def n_dovecot_log(lines):
    """Rules 1+5 on Dovecot's log: every Error:/Fatal:/Panic: line, auth failures one {"any"} per (user, message shape), Warning: lines one {"any"} per message shape, the starting up line, Login: user= lines one {"any"}."""
    out = [ln for ln in lines if re.search(r"\b(Error|Fatal|Panic): ", ln)]
    fails = []
    for ln in lines:
        if re.search(r"(?i)auth failed|password mismatch|unknown user|authentication failed", ln) and "Error:" not in ln:
            u = re.search(r"user=<([^>]*)>|\(([^,()]+),", ln)
            fails.append((((u.group(1) or u.group(2)) if u else "", mask(re.sub(r"^.*?: ", "", ln))), ln))
    out += groups(fails)
    out += groups((mask(re.sub(r"^.*?Warning: ", "", ln)), ln) for ln in lines if "Warning: " in ln)
    out += [ln for ln in lines if "starting up" in ln][:1]
    out.append(any_of([ln for ln in lines if re.search(r": Login: user=<", ln)]))
    return out


@cm.kind("spamassassin-t", "log")
def n_spamassassin_t(lines):
    """Rule 5 on spamassassin -t: each message's X-Spam-Status: line and Content analysis details: line, every report rule row scoring at least 1.0 or at most -1.0 and each report's highest row, the == message lines the agent printed."""
    out, rows = [], []
    def flush():
        if rows:
            top = max(v for _, v in rows)
            out.extend(ln for ln, v in rows if abs(v) >= 1.0 or v == top)
        rows.clear()
    for ln in lines:
        if ln.startswith(("X-Spam-Status:", "Content analysis details:", "== ")):
            if not ln.startswith("X-Spam-Status:"):
                flush()
            out.append(ln)
        elif m := re.match(r"^\s*(-?\d+\.\d+)\s+[A-Z0-9_]{3,}\s", ln):
            rows.append((ln, float(m.group(1))))
    flush()
    return out


@cm.kind("spamassassin-lint", "lint")
def n_spamassassin_lint(lines):
    """Rules 1+3 on spamassassin --lint: every config: / warn: / error line, the lint: N issues detected line, an EXIT=N line (with -D, only those and debug lines naming a config file that failed)."""
    out = [ln for ln in lines if re.search(r"(?i)\bconfig: |\bwarn: |\berror\b|lint: \d+ issues", ln)
           and (" dbg: " not in ln or re.search(r"(?i)fail|invalid|error", ln))]
    return out + _exit(lines)


# ------------------------------------------------------------------ Postfix, the stub and swaks

STUB = r'''
import socketserver, sys
class H(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda s: self.wfile.write((s + "\r\n").encode())
        w("220 stub.far.example ESMTP quayside-stub")
        rcpt = ""
        while True:
            ln = self.rfile.readline().decode(errors="replace").strip()
            if not ln:
                return
            up = ln.upper()
            if up.startswith(("EHLO", "HELO")):
                w("250-stub.far.example"); w("250 8BITMIME")
            elif up.startswith("MAIL"):
                w("250 2.1.0 Ok")
            elif up.startswith("RCPT"):
                rcpt = ln.lower()
                if "greylist.example" in rcpt:
                    w("451 4.7.1 <%s>: Recipient address rejected: Greylisted, try again in 300 seconds" % ln[8:].strip("<> "))
                elif "full" in rcpt:
                    w("452 4.2.2 Mailbox full, quota exceeded")
                elif "nobody" in rcpt:
                    w("550 5.1.1 <%s>: Recipient address rejected: User unknown" % ln[8:].strip("<> "))
                else:
                    w("250 2.1.5 Ok")
            elif up.startswith("DATA"):
                w("354 go ahead")
                while self.rfile.readline().strip() != b".":
                    pass
                w("421 4.3.2 Service shutting down, closing transmission channel")
                return
            elif up.startswith("QUIT"):
                w("221 bye"); return
            else:
                w("502 5.5.2 Error: command not recognized")
class S(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def main_cf(tmp: Path) -> str:
    pf, q, vm = tmp / "postfix", tmp / "pfqueue", tmp / "vmail"
    return f"""compatibility_level = 3.6
queue_directory = {q}
data_directory = {tmp}/pfdata
mail_owner = postfix
setgid_group = postdrop
myhostname = mx1.harbourpost.test
mydomain = harbourpost.test
myorigin = $mydomain
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.2/32
virtual_mailbox_domains = harbourpost.test
virtual_mailbox_maps = hash:{pf}/vmailbox
virtual_mailbox_base = {vm}
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
transport_maps = hash:{pf}/transport
smtpd_sender_restrictions = check_sender_access hash:{pf}/sender_access
smtpd_recipient_restrictions = permit_sasl_authenticated, permit_mynetworks, reject_unauth_destination
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:{AUTH_PORT}
smtpd_tls_security_level = none
smtp_tls_security_level = none
maillog_file = {tmp}/postfix.log
maillog_file_prefixes = /var, /dev/stdout, {tmp}
alias_maps =
alias_database =
smtp_connect_timeout = 5s
minimal_backoff_time = 1h
maximal_backoff_time = 4h
queue_run_delay = 1h
disable_dns_lookups = yes
smtp_dns_support_level = disabled
smtp_host_lookup = native
biff = no
"""


def dovecot_conf(tmp: Path) -> str:
    return f"""protocols = imap
listen = 127.0.0.1
base_dir = {tmp}/dovecot-run
log_path = {tmp}/dovecot.log
info_log_path = {tmp}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
auth_verbose_passwords = no
mail_location = maildir:{tmp}/vmail/%d/%n
first_valid_uid = 100
ssl_protocols = !SSLv3
mail_privileged_group = mail
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {tmp}/dovecot-users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {tmp}/dovecot-users
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {IMAP_PORT}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service auth {{
  inet_listener {{
    address = 127.0.0.1
    port = {AUTH_PORT}
  }}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0600
  }}
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox Trash {{
    special_use = \\Trash
  }}
}}
"""


SUBJECTS = ["Berth allocation {n}", "Pilotage request MV {ship}", "Customs hold on container {c}",
            "Reefer alarm gate {n}", "Invoice {n} for port dues", "Manifest correction voyage {n}",
            "Tug order for {ship}", "Lashing survey {c}"]
SHIPS = ["Nordic Tern", "Maersk Kestrel", "Cape Lyra", "Baltic Heron", "Isla Dorada", "Hanne Sif"]


def message(r: random.Random, frm: str, to: str, n: int, spam: bool = False) -> str:
    subj = r.choice(SUBJECTS).format(n=r.randint(100, 9999), ship=r.choice(SHIPS), c=f"MSCU{r.randint(1000000, 9999999)}")
    body = "\n".join(f"Line {i}: berth {r.randint(1, 40)} window {r.randint(0, 23):02d}:00, draught {r.uniform(6, 14):.1f} m."
                     for i in range(r.randint(4, 40)))
    if spam:
        subj = r.choice(["URGENT: claim your cargo refund NOW!!!", "You have WON a free shipping container",
                         "Cheap Viagra for crew members", "Dear Beneficiary, $15,000,000.00 transfer pending"])
        body = ("Dear friend,\n\nCONGRATULATIONS!!! You have been selected. Click here http://198.51.100.7/claim to "
                "claim your prize of US$15,000,000.00. 100% FREE, no risk, act now! Limited time offer.\n"
                "Send your bank account details and password to the Western Union agent.\n"
                "To unsubscribe click here. This is not spam.\n" * 3)
    return (f"From: {frm}\nTo: {to}\nSubject: {subj}\nDate: Tue, 01 Dec 2026 0{n % 10}:{n % 60:02d}:00 +0000\n"
            f"Message-ID: <hp{n:05d}.{r.randint(1000, 9999)}@harbourpost.test>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=us-ascii\n\n{body}\n")


def fill_maildirs(tmp: Path) -> None:
    r = random.Random(1463)
    for u in USERS:
        base = tmp / "vmail" / "harbourpost.test" / u
        for box in ["", ".Sent", ".Trash", ".Manifests", ".Customs", ".Archive.2025"][: r.randint(2, 6)]:
            for sub in ("cur", "new", "tmp"):
                (base / box / sub).mkdir(parents=True, exist_ok=True)
            for i in range(r.choice([0, 1, 3, 8, 20, 45, 120]) if u != "manifests" else 400):
                sub, flags = ("new", "") if r.random() < 0.2 else ("cur", ":2," + r.choice(["S", "", "RS", "FS"]))
                (base / box / sub / f"{1764547200 + i}.M{i}P146.mx1{flags}").write_text(
                    message(r, f"ops{i}@ferries.test", f"{u}@harbourpost.test", i))
    run(f"chown -R 65534:65534 {tmp}/vmail")


def cap_postfix(tmp: Path) -> None:
    pf = tmp / "postfix"
    pf.mkdir(parents=True, exist_ok=True)
    for d in ("pfdata", "pfqueue", "vmail", "dovecot-run"):
        (tmp / d).mkdir(exist_ok=True)
    run(f"chown postfix {tmp}/pfdata")
    (pf / "main.cf").write_text(main_cf(tmp))
    (pf / "master.cf").write_text(Path("/etc/postfix/master.cf").read_text().replace(
        "smtp      inet  n       -       y       -       -       smtpd",
        f"127.0.0.1:{SMTPD_PORT} inet  n       -       n       -       -       smtpd"))
    run(f"postconf -c {pf} -F '*/*/chroot = n'")
    (pf / "vmailbox").write_text("".join(f"{u}@harbourpost.test harbourpost.test/{u}/\n" for u in USERS))
    (pf / "transport").write_text(f"far.example smtp:[127.0.0.1]:{DEAD_PORT}\nslow.example smtp:[127.0.0.1]:2598\n"
                                  f"greylist.example smtp:[127.0.0.1]:{STUB_PORT}\nfull.example smtp:[127.0.0.1]:{STUB_PORT}\n"
                                  f"stub.example smtp:[127.0.0.1]:{STUB_PORT}\n")
    (pf / "sender_access").write_text("spammer@cargo-deals.example REJECT Sender blocked by harbourpost policy\n"
                                      "cargo-deals.example REJECT\nlistbot@ferries.test DEFER_IF_PERMIT Try again later\n")
    run(f"for m in vmailbox transport sender_access; do postmap {pf}/$m; done")
    (tmp / "dovecot.conf").write_text(dovecot_conf(tmp))
    (tmp / "dovecot-users").write_text("".join(f"{u}@harbourpost.test:{{PLAIN}}{PASSWORD.format(u=u)}:65534:65534::{tmp}/vmail/harbourpost.test/{u}::\n" for u in USERS))
    fill_maildirs(tmp)
    (tmp / "stub.py").write_text(STUB)
    cm.start(["python3", str(tmp / "stub.py"), str(STUB_PORT)])
    cm.start(["dovecot", "-F", "-c", str(tmp / "dovecot.conf")])
    cm.start(["postfix", "-c", str(pf), "start-fg"])
    time.sleep(6)
    # deferred mail: sendmail straight into the queue, to destinations that refuse, greylist or are full
    r = random.Random(1464)
    dests = ["far.example"] * 5 + ["slow.example"] * 2 + ["greylist.example"] * 3 + ["full.example", "stub.example"]
    script = tmp / "inject.sh"
    lines = []
    for n in range(260):
        frm = f"{r.choice(USERS)}@harbourpost.test"
        d = r.choice(dests)
        local = r.choice(["agent", "ops", "dispatch", "full.box", "nobody", "chartering", "eta"])
        to = f"{local}{r.randint(1, 30)}@{d}"
        if r.random() < 0.2:
            to += f",{r.choice(['agent', 'ops'])}{r.randint(1, 30)}@{r.choice(dests)}"
        mp = tmp / "msgs" / f"m{n:03d}.eml"
        mp.parent.mkdir(exist_ok=True)
        mp.write_text(message(r, frm, to, n))
        lines.append(f"sendmail -C {pf} -f {frm} {to.replace(',', ' ')} < {mp}")
    script.write_text("\n".join(lines) + "\n")
    run(f"sh {script}", timeout=600)
    time.sleep(25)
    run(f"postqueue -c {pf} -f")
    time.sleep(20)
    ids = re.findall(r"^([0-9A-F]{8,})\s", run(f"postqueue -c {pf} -p"), re.M)
    for qid in ids[3:9]:
        run(f"postsuper -c {pf} -h {qid}")
    env = {"MAIL_CONFIG": str(pf)}
    add("postqueue-p", "postqueue -p", run("postqueue -p", env=env), n_postqueue_p)
    add("mailq-head", "mailq | head -n 100", run("mailq | head -n 100", env=env), n_postqueue_p)
    add("mailq-grep", "mailq | grep -B2 -i greylist; mailq | tail -n 1",
        run("mailq | grep -B2 -i greylist; mailq | tail -n 1", env=env), n_postqueue_p)
    add("postqueue-j", "postqueue -j", run("postqueue -j", env=env), n_postqueue_j)
    add("postqueue-j-head", "postqueue -j | head -n 40", run("postqueue -j | head -n 40", env=env), n_postqueue_j)
    add("postcat-one", f"postcat -q {ids[0] if ids else 'X'}", run(f"postcat -c {pf} -q {ids[0] if ids else 'X'}"), n_postcat)
    pick = ids[4:6] + ["0ABCDEF1234"]
    add("postcat-loop", "for id in …; do echo \"== $id\"; postcat -q $id; echo EXIT=$?; done",
        run("; ".join(f"echo '== {i}'; postcat -c {pf} -q {i} 2>&1; echo EXIT=$?" for i in pick)), n_postcat)
    add("qshape-deferred", "qshape deferred", run(f"qshape -c {pf} deferred"), n_qshape)
    add("qshape-senders", "echo '== deferred by sender'; qshape -s deferred; echo '== hold'; qshape hold",
        run(f"echo '== deferred by sender'; qshape -c {pf} -s deferred; echo '== hold'; qshape -c {pf} hold"), n_qshape)
    # swaks against smtpd on 127.0.0.1:2526
    sw = f"swaks -s 127.0.0.1 -p {SMTPD_PORT} --ehlo quay-client.test"
    cases = [("rejected sender", f"{sw} -f spammer@cargo-deals.example -t harbourmaster@harbourpost.test"),
             ("relay denied", f"{sw} -f agent@ferries.test -t ops@far.example"),
             ("unknown user", f"{sw} -f agent@ferries.test -t captain@harbourpost.test"),
             ("delivered", f"{sw} -f agent@ferries.test -t pilotage@harbourpost.test --header 'Subject: ETA MV Cape Lyra'"),
             ("wrong password", f"{sw} -a LOGIN -au customs@harbourpost.test -ap Wrong-Pass -f customs@harbourpost.test -t agent@far.example"),
             ("auth ok relay", f"{sw} -a PLAIN -au customs@harbourpost.test -ap {PASSWORD.format(u='customs')} -f customs@harbourpost.test -t agent7@far.example"),
             ("dead port", f"swaks -s 127.0.0.1 -p 2599 -t ops@harbourpost.test")]
    add("swaks-loop", "for c in …; do echo \"== $c\"; swaks -s 127.0.0.1 -p 2526 …; echo EXIT=$?; done",
        run("; ".join(f"echo '== {t}'; {c} 2>&1; echo EXIT=$?" for t, c in cases), timeout=300), n_swaks)
    add("swaks-reject", f"{sw} -f spammer@cargo-deals.example -t harbourmaster@harbourpost.test; echo EXIT=$?",
        run(f"{cases[0][1]} 2>&1; echo EXIT=$?"), n_swaks)
    add("swaks-auth-fail", f"{sw} -a LOGIN -au customs@harbourpost.test -ap '…' -t agent@far.example 2>&1 | grep -E '^ *(<~|<\\*\\*|\\*\\*\\*|~>)'; echo EXIT=$?",
        run(f"{cases[4][1]} 2>&1 | grep -E '^ *(<~|<\\*\\*|\\*\\*\\*|~>|<-|->|===)'; echo EXIT=$?"), n_swaks)
    add("swaks-defer-sender", f"{sw} -f listbot@ferries.test -t manifests@harbourpost.test --attach manifest.csv; echo EXIT=$?",
        run(f"printf 'container,weight\\nMSCU1234567,21000\\n' > {tmp}/manifest.csv; {sw} -f listbot@ferries.test -t "
            f"manifests@harbourpost.test --attach {tmp}/manifest.csv 2>&1; echo EXIT=$?"), n_swaks)
    # Dovecot: IMAP logins (some with wrong passwords) held open while doveadm who runs
    conns = []
    rr = random.Random(1465)
    for i in range(40):
        u = rr.choice(USERS[:8])
        try:
            c = imaplib.IMAP4("127.0.0.1", IMAP_PORT)
            pw = PASSWORD.format(u=u) if rr.random() < 0.75 else "hunter2"
            if rr.random() < 0.08:
                u = "captain"
            c.login(f"{u}@harbourpost.test", pw)
            c.select("INBOX")
            conns.append(c)
        except Exception:
            pass
    dc = f"-c {tmp}/dovecot.conf"
    add("doveadm-who", "doveadm who", run(f"doveadm {dc} who"), n_doveadm_who)
    for c in conns:
        try:
            c.logout()
        except Exception:
            pass
    add("doveconf-n", "doveconf -n", run(f"doveconf {dc} -n"), n_doveconf)
    add("doveconf-n-head", "doveconf -n 2>&1 | head -n 40", run(f"doveconf {dc} -n 2>&1 | head -n 40"), n_doveconf)
    add("mbox-status-all", "doveadm mailbox status -A 'messages unseen recent vsize' '*'",
        run(f"doveadm {dc} mailbox status -A 'messages unseen recent vsize' '*'", timeout=300), n_mailbox_status)
    add("mbox-status-user", "doveadm mailbox status -u manifests@harbourpost.test all '*'; doveadm mailbox status -u captain@harbourpost.test all INBOX; echo EXIT=$?",
        run(f"doveadm {dc} mailbox status -u manifests@harbourpost.test all '*'; doveadm {dc} mailbox status -u "
            f"captain@harbourpost.test all INBOX; echo EXIT=$?", timeout=300), n_mailbox_status)
    time.sleep(2)
    add("dovecot-log", "cat /var/log/dovecot.log", run(f"cat {tmp}/dovecot.log"), n_dovecot_log)
    add("dovecot-log-grep", "grep -iE 'auth|error|warn' /var/log/dovecot.log | tail -n 80",
        run(f"grep -iE 'auth|error|warn' {tmp}/dovecot.log | tail -n 80"), n_dovecot_log)


SA_LOCAL = """# harbourpost site rules
required_scor 5.0
rewrite_header Subject [SPAM]
score NO_SUCH_HARBOUR_RULE 3.0
header LOCAL_CARGO_REFUND Subject =~ /cargo refund(/i
score LOCAL_CARGO_REFUND 2.5
body LOCAL_WESTERN_UNION /western union/i
score LOCAL_WESTERN_UNION 1.5
describe LOCAL_WESTERN_UNION Mentions a money-transfer agent
whitelist_from *@harbourpost.test
trusted_networks 127.0.0.300
"""


def cap_spamassassin(tmp: Path) -> None:
    sa = tmp / "sa"
    site = sa / "site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "local.cf").write_text(SA_LOCAL)
    good = sa / "site-ok"
    good.mkdir(exist_ok=True)
    (good / "local.cf").write_text("required_score 5.0\nbody LOCAL_WESTERN_UNION /western union/i\n"
                                   "score LOCAL_WESTERN_UNION 1.5\ndescribe LOCAL_WESTERN_UNION Mentions a money-transfer agent\n")
    r = random.Random(1466)
    msgs = sa / "msgs"
    msgs.mkdir(exist_ok=True)
    names = []
    for i in range(6):
        spam = i % 2 == 0
        nm = f"{'spam' if spam else 'ham'}-{i}.eml"
        (msgs / nm).write_text(message(r, f"{'winner' if spam else 'agent'}{i}@{'cargo-deals.example' if spam else 'ferries.test'}",
                                       "customs@harbourpost.test", i, spam=spam))
        names.append(nm)
    run(f"cp /etc/spamassassin/*.pre {site}/; cp /etc/spamassassin/*.pre {good}/")
    env = {"HOME": str(sa)}
    sac = f"spamassassin -L -x --siteconfigpath={good}"
    add("sa-t-spam", "spamassassin -L -t < msgs/spam-0.eml", run(f"{sac} -t < msgs/spam-0.eml", cwd=sa, env=env), n_spamassassin_t)
    add("sa-t-loop", "for m in msgs/*.eml; do echo \"== $m\"; spamassassin -L -t < $m | sed -n '/^Content analysis/,$p'; done",
        run("; ".join(f"echo '== msgs/{m}'; {sac} -t < msgs/{m} | grep -E '^X-Spam-Status|^Content analysis' -A40 | head -n 60"
                      for m in names), cwd=sa, env=env, timeout=300), n_spamassassin_t)
    add("sa-t-ham", "spamassassin -L -t < msgs/ham-1.eml | tail -n 30", run(f"{sac} -t < msgs/ham-1.eml | tail -n 30", cwd=sa, env=env), n_spamassassin_t)
    add("sa-lint", "spamassassin --lint; echo EXIT=$?",
        run(f"spamassassin -x --siteconfigpath={site} --lint 2>&1; echo EXIT=$?", cwd=sa, env=env), n_spamassassin_lint)
    add("sa-lint-debug", "spamassassin --lint -D 2>&1 | grep -iE 'warn|error|fail|lint' | head -n 100; echo EXIT=$?",
        run(f"spamassassin -x --siteconfigpath={site} --lint -D 2>&1 | grep -iE 'warn|error|fail|lint' | head -n 100; echo EXIT=$?",
            cwd=sa, env=env), n_spamassassin_lint)


def cap_cleanup(tmp: Path) -> None:
    """The round's Postfix master leaves start-fg's process group: stop it by its own config."""
    if (tmp / "postfix" / "main.cf").exists():
        run(f"postfix -c {tmp / 'postfix'} stop")


STEPS = [cap_postfix, cap_spamassassin, cap_cleanup]
