"""Round 202, mail: the relay of a small harbour office (`quayside`) under Debian's Exim 4, run on configs of the
round's own (`exim -C`) with faults put in (a router naming a missing transport, an unknown option, a mistyped ACL
condition, an alias file pointing at unknown users, senders the ACL rejects): `exim -bV`, `-bt` address tests, `-bh`
SMTP session tests, a queue (`-bp`) and eximstats over the main log its real deliveries wrote; rspamd's `rspamadm
configtest` on broken local configs; Pigeonhole's `sievec` and `sieve-test` on the office's Sieve scripts; procmail
over a seeded mailbox with its verbose log. The extractors are this round's (NEEDLES.md, "Round 202"). Run through
capture_wide202.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide202 import add, cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 202")

CONF_ERR = re.compile(r"configuration error|is not a known|not found|failed to expand|unknown|Exim configuration",
                      re.I)


@cm.kind("exim-bv", "build")
def n_exim_bv(lines):
    """Rule 5 on exim -bV: the Exim version line, the Configuration file is line, every configuration error line and the message line under it (next two lines); EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Exim version") or s.startswith("Configuration file is"):
            out.append(ln)
        elif CONF_ERR.search(s) or re.search(r"\berror\b", s, re.I):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 3)):
                if lines[k].strip():
                    out.append(lines[k])
                    break
    return out + exit_lines(lines)


BT_BAD = re.compile(r"is undeliverable|Unrouteable address|cannot be resolved|\berror\b|\bfailed\b|deferred|"
                    r"unknown user", re.I)


@cm.kind("exim-bt", "test")
def n_exim_bt(lines):
    """Rule 5 on exim -bt: every line saying an address is not deliverable, one {"any"} per (router, transport) of the router = R, transport = T lines, redirection (<-- parent) lines one {"any"} per router; EXIT=N."""
    out, routes, redirs = [], [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        m = re.match(r"^router = (\S+), transport = (\S+)", s)
        if BT_BAD.search(s):
            out.append(ln)
        elif m:
            routes.append(((m.group(1), m.group(2)), ln))
        elif s.startswith("<-- "):
            r = cm.next_match(lines, i, r"router = ", 3)
            key = re.match(r"^\s*router = (\S+),", r).group(1) if r else "(none)"
            redirs.append((key, ln))
    return out + cm.groups(routes) + cm.groups(redirs) + exit_lines(lines)


@cm.kind("exim-bh", "log")
def n_exim_bh(lines):
    """Rule 5 on exim -bh: every 4xx/5xx SMTP reply line, every LOG: line holding reject/REJECT/rejected/denied/temporarily, every >>> line applying deny/defer/discard/drop, every error line, the 250 reply to each end of DATA; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^[45]\d\d[ -]", s):
            out.append(ln)
        elif s.startswith("LOG:") and re.search(r"reject|denied|temporarily", s, re.I):
            out.append(ln)
        elif s.startswith(">>>") and re.search(r">>> (deny|defer|discard|drop): condition test succeeded|: (DENY|DEFER|DISCARD|DROP)$", s):
            out.append(ln)
        elif re.search(r"\berror\b", s, re.I) and not s.startswith(">>>"):
            out.append(ln)
        elif re.match(r"^250 OK id=", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("exim-bp-queue", "listing")
def n_exim_bp(lines):
    """Rule 4/5 on exim -bp: every message header line (age, size, id, <sender>) when at most 40, else the frozen ones and rule 4's min/max rows on age and size; the -bpc count line; EXIT=N."""
    heads = [ln for ln in lines if re.match(r"^\s*\d+[smhdw]\s+\S+\s+\S{6}-\S{6}-\S{2,4}\s", ln)]
    out = []
    if len(heads) <= 40:
        out += heads
    else:
        def secs(a):
            return int(a[:-1]) * {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[a[-1]]

        def size(z):
            m = re.match(r"^([\d.]+)([KM]?)$", z)
            return float(m.group(1)) * {"": 1, "K": 1e3, "M": 1e6}[m.group(2)] if m else 0
        parsed = [(ln, ln.split()) for ln in heads]
        for f in (lambda p: secs(p[0]), lambda p: size(p[1])):
            vals = [(f(p), ln) for ln, p in parsed]
            lo, hi = min(v for v, _ in vals), max(v for v, _ in vals)
            out.append(cm.any_of([ln for v, ln in vals if v == lo]))
            out.append(cm.any_of([ln for v, ln in vals if v == hi]))
        out += [ln for ln in heads if "*** frozen ***" in ln]
    out += [ln for ln in lines if re.match(r"^\d+$", ln.strip())]
    out += [ln for ln in lines if re.search(r"\berror\b|failed", ln, re.I)]
    return out + exit_lines(lines)


@cm.kind("eximstats", "table")
def n_eximstats(lines):
    """Rule 5 on eximstats: every section heading, the header row of the first table, the Received/Delivered rows of the grand total and Rejects/Temp Rejects/Errors rows, the first row of every Top N table, every line of the List of errors section (at most 20); EXIT=N."""
    out, first_header, sect, topn_first, errs = [], False, "", False, 0
    n = len(lines)
    for i, ln in enumerate(lines):
        s = ln.strip()
        if i + 1 < n and s and re.match(r"^-{4,}$", lines[i + 1].strip()) and not re.match(r"^-+$", s):
            out.append(ln)
            sect, topn_first, errs = s, s.startswith("Top "), 0
            continue
        if not s or re.match(r"^[-=]+$", s):
            continue
        if sect.startswith("Grand total"):
            if not first_header and re.search(r"Volume|Messages", s):
                out.append(ln)
                first_header = True
            elif re.match(r"^(Received|Delivered|Rejects|Temp Rejects|Errors|Deferred)\b", s):
                out.append(ln)
        elif topn_first and re.match(r"^\d", s):
            out.append(ln)
            topn_first = False
        elif sect.startswith("List of errors") and errs < 20:
            out.append(ln)
            errs += 1
    return out + exit_lines(lines)


@cm.kind("rspamadm-configtest", "lint")
def n_rspamadm(lines):
    """Rule 1 on rspamadm configtest: every error/warning line (cannot, error, syntax error, failed, unknown, invalid, fatal), the closing syntax OK / syntax BAD line; EXIT=N."""
    out = [ln for ln in lines if re.search(r"cannot|\berror\b|failed|unknown|invalid|fatal|syntax (OK|BAD)|"
                                           r"\bwarn", ln, re.I)]
    return out + exit_lines(lines)


@cm.kind("sievec", "build")
def n_sievec(lines):
    """Rule 1 on sievec: every FILE: line N: error: line, warnings one {"any"} per (message shape, file), every sievec(...): Fatal:/Error: line and the validation failed / parse failed summaries; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^(\S+?): line \d+: (error|warning): (.*)$", s)
        if m and m.group(2) == "error":
            out.append(ln)
        elif m:
            warns.append(((cm.mask(m.group(3)), m.group(1)), ln))
        elif re.search(r"Fatal:|Error:|error: (validation|parse) failed|\d+ errors?\b", s):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("sieve-test", "test")
def n_sieve_test(lines):
    """Rule 5 on sieve-test: every line of the Performed actions: and Implicit keep: blocks, every error:/Error:/Fatal:/runtime error line, with a trace every ## Started/Finished executing script line; EXIT=N."""
    out, inblk = [], False
    for ln in lines:
        s = ln.strip()
        if s in ("Performed actions:", "Implicit keep:"):
            inblk = True
            out.append(ln)
            continue
        if inblk:
            if s and (s.startswith("*") or s.startswith("(none)") or s.startswith("+")):
                out.append(ln)
                continue
            if s:
                inblk = False
        if re.search(r"error:|Error:|Fatal:|runtime error|## (Started|Finished) executing", s):
            out.append(ln)
    return out + exit_lines(lines)


PM_ERR = re.compile(r"procmail: (Error|Couldn't|Failed|Skipped|Unknown|Bad|Extraneous|Invalid|Missing|"
                    r"Program failure|Unexpected|Lock failure|Suspicious|Non-existent|Error while)")


@cm.kind("procmail-log", "log")
def n_procmail(lines):
    """Rule 1/4/5 on procmail's verbose log: every error line, one {"any"} per destination of its Folder: lines, and every Folder: line of a destination with at most 2 messages while the most common has half or more; EXIT=N."""
    out = [ln for ln in lines if PM_ERR.search(ln) or re.search(r"procmail: .*(error|fail)", ln, re.I)]
    folders = []
    for ln in lines:
        m = re.match(r"^\s*Folder: (\S+)", ln)
        if m:  # a maildir delivery names the file it wrote: its destination is the folder above new/
            folders.append((re.sub(r"/new/[^/]+$", "/", m.group(1)), ln))
    out += cm.groups(folders)
    cnt: dict = {}
    for f, _ in folders:
        cnt[f] = cnt.get(f, 0) + 1
    if cnt and max(cnt.values()) * 2 >= len(folders):
        out += [ln for f, ln in folders if cnt[f] <= 2]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ quayside's Exim

USERS = ["harbourmaster", "tide", "crane", "pilot", "bosun", "ledger", "berthing", "customs", "fuel", "stores",
         "security", "ferry", "dredger", "lockkeeper", "chandler", "surveyor"]


def exim_conf(root: Path, acl_fault: bool = False, router_fault: bool = False, option_fault: bool = False) -> str:
    r = str(root)
    return f"""
primary_hostname = mx.quayside.test
qualify_domain = quayside.test
exim_user = Debian-exim
exim_group = Debian-exim
spool_directory = {r}/spool
log_file_path = {r}/log/%slog
keep_environment =
domainlist local_domains = quayside.test : harbour.test
hostlist relay_from_hosts = 127.0.0.1 : 10.20.0.0/16
acl_smtp_rcpt = acl_check_rcpt
acl_smtp_data = acl_check_data
{"smtp_banner_delay = 3s" if option_fault else ""}
{"message_size_limit = 40M" if not option_fault else "message_size_limt = 40M"}
begin acl
acl_check_rcpt:
  deny    senders = *@spam.example : *@bulk-offers.test
          message = sender blocked by quayside policy
  deny    local_parts = ^.*[@%!/|] : ^\\\\.
          message = restricted characters in address
  defer   hosts = 10.66.0.0/16
          message = greylisted, try again later
  accept  hosts = +relay_from_hosts
  accept  domains = +local_domains
          {"verify = recipent" if acl_fault else "verify = recipient"}
  deny    message = relay not permitted
acl_check_data:
  deny    condition = ${{if >{{$message_size}}{{20000}}}}
          message = message too large for the harbour link
  accept
begin routers
dnslookup:
  driver = dnslookup
  domains = ! +local_domains
  transport = remote_smtp
  no_more
aliases:
  driver = redirect
  allow_fail
  allow_defer
  data = ${{lookup{{$local_part}}lsearch{{{r}/aliases}}}}
localuser:
  driver = accept
  local_parts = {" : ".join(USERS)}
  transport = {"local_mbox" if router_fault else "local_delivery"}
archive:
  driver = accept
  local_parts = archive-*
  transport = {"archive_file" if router_fault else "local_delivery"}
begin transports
remote_smtp:
  driver = smtp
local_delivery:
  driver = appendfile
  user = Debian-exim
  file = {r}/mail/$local_part
begin retry
*   *   F,2h,15m
"""


def aliases(seed: int) -> str:
    rnd = random.Random(seed)
    lines = ["ops: harbourmaster, tide, crane", "berths: berthing, pilot", "postmaster: harbourmaster",
             "old-pilot: :fail: left the harbour in 2025", "night: :defer: night desk closed",
             "fuelsales: fuel, stores, nobody-here", "customs-desk: customs, archive-customs"]
    for i in range(30):
        lines.append(f"dock{i}: " + ", ".join(rnd.sample(USERS, 2)) + (", ghost{0}".format(i) if i % 7 == 3 else ""))
    return "\n".join(lines) + "\n"


def exim(tmp: Path) -> None:
    root = tmp / "quayside"
    write_tree(root, {"exim.conf": exim_conf(root), "bad-acl.conf": exim_conf(root, acl_fault=True),
                      "bad-router.conf": exim_conf(root, router_fault=True),
                      "bad-option.conf": exim_conf(root, option_fault=True), "aliases": aliases(202)})
    run("mkdir -p spool log mail && chown -R Debian-exim: spool log mail && chmod 777 spool log mail", cwd=root)
    c = f"-C {root}/"
    cap("bv-ok", f"exim {c}exim.conf -bV", root, n_exim_bv)
    cap("bv-faults", f"for f in bad-option bad-router bad-acl; do echo \"== $f\"; exim {c}$f.conf -bV 2>&1 | "
        f"head -n 6; done; echo EXIT=$?", root, n_exim_bv)
    rnd = random.Random(2021)
    addrs = ["ops", "berths", "postmaster", "old-pilot", "night", "fuelsales", "customs-desk", "captain",
             "archive-2026", "tide@harbour.test", "someone@example.invalid", "bosun"]
    addrs += [f"dock{i}" for i in range(30)] + [rnd.choice(USERS) for _ in range(10)]
    cap("bt-aliases", f"exim {c}exim.conf -bt " + " ".join(addrs) + "; echo EXIT=$?", root, n_exim_bt)
    cap("bt-router-fault", f"exim {c}bad-router.conf -bt " + " ".join(addrs) + " 2>&1 | head -n 150", root, n_exim_bt)
    sess = ["EHLO tug.fleet.test"]
    for i in range(40):
        frm = rnd.choice(["a.ship@fleet.test", "buyer@bulk-offers.test", "agent@shipping.test", "x@spam.example",
                          "port@harbour.test", "agent@shipping.test"])
        sess.append(f"MAIL FROM:<{frm}>")
        rcpts = ["tide"] + [rnd.choice(addrs[:12] + ["bad|user", "relay@elsewhere.test"]) for _ in range(rnd.randint(0, 3))]
        for r in rcpts:
            sess.append(f"RCPT TO:<{r if '@' in r else r + '@quayside.test'}>")
        if "spam" not in frm and "bulk" not in frm:  # a client that saw every RCPT refused sends no DATA
            sess += ["DATA", f"Subject: manifest {i}", "", *(["cargo " * 60] * (rnd.randint(60, 90) if i % 6 == 0 else 3)),
                     "."]
        sess.append("RSET")
    fixed = sess + ["QUIT"]
    (root / "session.txt").write_text("\r\n".join(fixed) + "\r\n")
    cap("bh-session", f"exim {c}exim.conf -bh 10.99.4.7 < session.txt 2>&1 | tail -n 300", root, n_exim_bh)
    cap("bh-greylist", f"exim {c}exim.conf -bh 10.66.1.9 < session.txt 2>&1 | grep -vE '^>>> (host in|check |"
        f"processing|using ACL)' | head -n 200; echo EXIT=$?", root, n_exim_bh)
    # real submissions: some delivered at once, some queued, some frozen bounces
    for i in range(70):
        to = " ".join(rnd.sample(addrs[:12] + USERS[:6], rnd.randint(1, 3)))
        frm = rnd.choice(["agent@shipping.test", "port@harbour.test", "a.ship@fleet.test", "noreply@tides.test"])
        body = f"Subject: berth {i}\n\n" + "line of manifest\n" * rnd.randint(1, 400)
        (root / "msg.txt").write_text(body)
        mode = "-odq" if i % 3 == 0 else "-odi"
        run(f"exim {c}exim.conf {mode} -f {frm} {to.replace('@quayside.test', '')} < msg.txt", cwd=root, timeout=30)
    run(f"exim {c}bad-router.conf -odi -f agent@shipping.test ops archive-x < msg.txt", cwd=root, timeout=30)
    cap("bp-queue", f"exim {c}exim.conf -bp; exim {c}exim.conf -bpc", root, n_exim_bp)
    cap("eximstats", "eximstats -nr log/mainlog", root, n_eximstats)
    cap("eximstats-tail", "eximstats -t5 -nr log/mainlog 2>&1 | tail -n 80", root, n_eximstats)


# ------------------------------------------------------------------ the office's Sieve scripts and procmail

SIEVE_OK = """require ["fileinto", "envelope", "imap4flags", "variables", "reject", "vacation"];
if header :contains "subject" ["tide table", "tides"] { fileinto "Ops/Tides"; stop; }
if address :domain "from" "customs.test" { fileinto "Customs"; addflag "\\\\Flagged"; }
if header :matches "subject" "berth *" { set "berth" "${1}"; fileinto "Berths"; }
if size :over 20K { fileinto "Large"; }
if address :is "from" "noreply@tides.test" { discard; stop; }
if header :contains "x-spam-flag" "YES" { fileinto "Junk"; stop; }
if envelope :domain "to" "harbour.test" { redirect "harbourmaster@quayside.test"; }
"""

SIEVE_BAD = {
    "missing-require.sieve": 'if header :contains "subject" "fuel" { fileinto "Fuel"; }\n',
    "unclosed.sieve": 'require "fileinto";\nif header :is "from" "pilot@quayside.test" {\n  fileinto "Pilots";\n',
    "bad-test.sieve": 'require "fileinto";\nif headr :contains "subject" "crane" { fileinto "Cranes"; }\n'
                      'if size :over 10Q { discard; }\n',
    "bad-tag.sieve": 'require ["fileinto", "vacation"];\nvacation :dayz 3 :subject "away" "At sea until Friday";\n'
                     'if address :localpart "to" "ops" { fileinto :copy "Ops"; }\n',
    "semicolon.sieve": 'require "fileinto"\nif true { fileinto "INBOX" }\nkeep\n',
    "unknown-ext.sieve": 'require ["fileinto", "tidal-extension"];\nfileinto "Tides";\n',
    "string.sieve": 'require "fileinto";\nif header :contains "subject" "unterminated { fileinto "X"; }\n',
}


def sieve(tmp: Path) -> None:
    root = tmp / "quayside-sieve"
    rnd = random.Random(2026)
    files = {"office.sieve": SIEVE_OK, **{f"bad/{k}": v for k, v in SIEVE_BAD.items()}}
    desks = ["pilots", "customs", "fuel", "cranes", "berths", "ferry", "stores", "security", "dredging", "survey"]
    faults = ['if header :contains "subject" "{d}" {{ fileinto "{D}"; }}\n',  # fileinto without require
              'require "fileinto";\nif header :contains "subject" "{d}" {{ fileinto "{D}" }}\n',
              'require "fileinto";\nif header :containz "subject" "{d}" {{ fileinto "{D}"; }}\n',
              'require "fileinto";\nif address :domain "from" {{ fileinto "{D}"; }}\n',
              'require "fileinto";\nif size :over {n}X {{ fileinto "{D}"; }}\n',
              'require ["fileinto", "regex"];\nif header :regex "subject" "({d}" {{ fileinto "{D}"; }}\n',
              'require "fileinto";\nelsif header :is "to" "{d}@quayside.test" {{ keep; }}\n',
              'require "fileinto";\nif header :contains "subject" "{d}" {{ fileinto "{D}"; }}\n']  # a clean one
    for i, d in enumerate(desks):
        for k in rnd.sample(range(len(faults)), 3):
            files[f"desks/{d}-{k}.sieve"] = faults[k].format(d=d, D=d.capitalize(), n=rnd.randint(5, 90))
    for i in range(14):
        frm = rnd.choice(["pilot@quayside.test", "clerk@customs.test", "noreply@tides.test", "agent@shipping.test",
                          "promo@bulk-offers.test"])
        subj = rnd.choice(["tide table for week %d" % i, "berth %d assigned" % rnd.randint(1, 30), "fuel order",
                           "inspection", "manifest %d" % i])
        extra = "X-Spam-Flag: YES\n" if "bulk" in frm else ""
        body = "cargo line\n" * (rnd.randint(5, 40) if i % 5 else 3000)
        files[f"mail/{i:02d}.eml"] = f"From: {frm}\nTo: ops@harbour.test\nSubject: {subj}\n{extra}\n{body}"
    write_tree(root, files)
    run("chmod -R 777 .", cwd=root)
    st = "sieve-test -o mail_uid=Debian-exim -o mail_gid=Debian-exim -o first_valid_uid=100"
    cap("sievec-bad", "for f in bad/*.sieve; do sievec $f; done; echo EXIT=$?", root, n_sievec)
    cap("sievec-grep", "for f in bad/*.sieve desks/*.sieve office.sieve; do echo \"== $f\"; sievec $f 2>&1; done | grep -E "
        "'error|Fatal|=='", root, n_sievec)
    cap("sieve-test-trace", f"for m in mail/0*.eml; do echo \"== $m\"; {st} -t - -Tlevel=matching office.sieve $m; "
        "done 2>&1 | head -n 400", root, n_sieve_test)
    cap("sieve-test-all", f"for m in mail/*.eml; do echo \"== $m\"; {st} -e -l maildir:store office.sieve $m; done 2>&1; "
        "echo EXIT=$?", root, n_sieve_test)
    cap("sieve-test-commands", f"for m in mail/1*.eml; do echo \"== $m\"; {st} -t - -Tlevel=commands office.sieve $m; "
        "done 2>&1 | tail -n 120", root, n_sieve_test)


PROCMAILRC = """MAILDIR={root}/Mail
DEFAULT=$MAILDIR/inbox
LOGFILE={root}/procmail.log
VERBOSE=on
SENDMAIL=/bin/false
LOGABSTRACT=all
:0:
* ^From:.*tides\\.test
tides
:0
* ^Subject:.*manifest
{{
  :0 c:
  manifests
  :0:
  * ^Subject:.*URGENT
  urgent/
}}
:0 B:
* cargo line.*hazard
hazmat
:0
* ^X-Spam-Flag: YES
/nonexistent/dir/junk
:0 w
* ^Subject:.*fuel
| /bin/false
:0
* ^Subject:.*(inspection
! surveyor@quayside.test
:0 ffhw
| formail -I "X-Quayside: seen"
:0 :
* ^From:.*customs
customs
"""


def procmail(tmp: Path) -> None:
    root = tmp / "quayside-procmail"
    rnd = random.Random(2027)
    msgs = []
    for i in range(120):
        frm = rnd.choice(["pilot@quayside.test", "clerk@customs.test", "noreply@tides.test", "agent@shipping.test",
                          "agent@shipping.test", "promo@bulk-offers.test", "tug@fleet.test"])
        subj = rnd.choice(["tide table %d" % i, "berth %d" % rnd.randint(1, 30), "fuel order", "inspection",
                           "manifest %d" % i, "URGENT manifest %d" % i, "crew list"])
        extra = "X-Spam-Flag: YES\n" if "bulk" in frm else ""
        body = "".join("cargo line %d%s\n" % (k, " hazard" if i % 23 == 4 and k == 2 else "")
                       for k in range(rnd.randint(2, 12)))
        msgs.append(f"From {frm} Mon Nov 30 0{i % 10}:00:00 2026\nFrom: {frm}\nTo: ops@quayside.test\n"
                    f"Subject: {subj}\nMessage-ID: <{i}.{rnd.randint(1000, 9999)}@quayside.test>\n{extra}\n{body}\n")
    write_tree(root, {"procmailrc": PROCMAILRC.format(root=root), "inbound.mbox": "".join(msgs), "Mail/.keep": ""})
    run("formail -s procmail -m procmailrc < inbound.mbox", cwd=root, timeout=120)
    add("procmail-log", "cat procmail.log | tail -n 400", run("cat procmail.log | tail -n 400", cwd=root),
        n_procmail)
    add("procmail-log-grep", "grep -E 'procmail: (Error|Couldn|Skipped|Unknown|Extraneous|Program)|Folder:' "
        "procmail.log | head -n 150", run("grep -E 'procmail: (Error|Couldn|Skipped|Unknown|Extraneous|Program)"
                                          "|Folder:' procmail.log | head -n 150", cwd=root), n_procmail)


RSPAMD_CONFS = {
    "unclosed.conf": 'options {\n  dns { nameserver = ["127.0.0.1:53"]; }\n}\nactions {\n  reject = 15;\n',
    "bad-action.conf": 'options {\n  dns { nameserver = ["127.0.0.1:53"]; }\n}\nactions {\n  reject = "fifteen";\n'
                       '  add_header = 6;\n  greylist = 4;\n  quarantine_harbour = 9;\n}\n',
    "bad-include.conf": '.include "$CONFDIR/harbour-missing.conf"\noptions {\n  filters = "chartable,dkim";\n}\n',
    "bad-module.conf": '.include "/etc/rspamd/rspamd.conf"\nmultimap {\n  HARBOUR_BLOCK {\n    type = "fromm";\n'
                       '    map = "/nonexistent/harbour-block.map";\n  }\n}\n',
    "bad-lua.conf": 'lua = "/dev/shm/no-such-rules.lua";\noptions { dns { timeout = -1s; } }\n',
}


def rspamd(tmp: Path) -> None:
    root = tmp / "quayside-rspamd"
    write_tree(root, RSPAMD_CONFS)
    cap("rspamadm-configtest", "for c in *.conf; do echo \"== $c\"; rspamadm configtest -c $c; done; "
        "echo EXIT=$?", root, n_rspamadm)
    cap("rspamadm-configtest-default", "rspamadm configtest 2>&1 | tail -n 60; echo EXIT=$?", root, n_rspamadm)


STEPS = [exim, sieve, procmail, rspamd]
