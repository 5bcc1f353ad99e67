"""Round 139, file sharing, printing and local policy: Samba's smbd on 127.0.0.1:14445 with a tdbsam of the round's
own (fifteen `fg-…` accounts, a lockout policy, disabled and locked entries, shares of many files with hidden and
read-only entries, a share only one user may open), CUPS's cupsd on 127.0.0.1:16631 at `LogLevel debug` (file-backed
queues, a queue whose socket refuses, a disabled and a rejecting queue, a PPD of its own, held jobs), PAM service
files of its own through `pamtester`, sudoers of its own through `visudo -c -f` and `sudo -l`, `getent shadow`. The
round's accounts, PAM files and sudoers drop-in are removed at the end. Run through capture_wide139.py."""

from __future__ import annotations

import os
import random
import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide139 import add

EXIT = re.compile(r"^EXIT=\d+$")
SMB_PORT, CUPS_PORT = 14445, 16631
USERS = ["ines", "tomas", "bosun", "purser", "galley", "radio", "mate", "cadet", "pilot", "engineer", "steward",
         "lookout", "docker", "clerk", "auditor"]
FG = [f"fg-{u}" for u in USERS]


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _case_above(lines, i, back: int = 40):
    for k in range(i - 1, max(-1, i - back), -1):
        if lines[k].startswith("== "):
            return lines[k]
    return None


# ------------------------------------------------------------------ extractors

@cm.kind("pdbedit-verbose", "table")
def n_pdbedit(lines):
    """Rules 4+5 on pdbedit -L -v: every Unix username: line, and field by field every field line whose value occurs in at most 2 records while that field's most common value covers half of them, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("Unix username:")]
    recs, cur = [], {}
    for ln in lines:
        if ln.startswith("---------------"):
            if cur:
                recs.append(cur)
            cur = {}
            continue
        m = re.match(r"^([A-Za-z][A-Za-z ]+?):\s*(.*)$", ln)
        if m:
            cur[m.group(1)] = (m.group(2), ln)
    if cur:
        recs.append(cur)
    fields = Counter(f for r in recs for f in r)
    for f in fields:
        if f == "Unix username":
            continue
        vals = Counter(r[f][0] for r in recs if f in r)
        if vals.most_common(1)[0][1] * 2 >= len(recs):
            out += [r[f][1] for r in recs if f in r and vals[r[f][0]] <= 2]
    out += [ln for ln in lines if re.search(r"(?i)failed|error|not found|NT_STATUS_", ln)]
    return out + _exit(lines)


SMB_ROW = re.compile(r"^  (\S.*?)\s{2,}([A-Z]*)\s+(\d+)\s+\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$")


@cm.kind("smbclient-ls", "listing")
def n_smbclient_ls(lines):
    """Rules 1+4+5 on smbclient ls / recurse ls: the first and last entry rows of each directory listing, every directory heading, the blocks of size ... available line, every NT_STATUS_ error line, every row whose attribute letters occur in at most 2 rows, the rows of the smallest and largest size (one {"any"} each), an EXIT=N line."""
    out, blocks, rows = [], [], []
    for ln in lines:
        m = SMB_ROW.match(ln)
        if m:
            blocks.append(ln) if False else None
            rows.append((ln, m.group(2), int(m.group(3))))
    # per-listing first/last rows: a listing ends at a 'blocks of size' line or a heading
    cur = []
    for ln in lines + [""]:
        if SMB_ROW.match(ln):
            cur.append(ln)
            continue
        if cur:
            out += [cur[0], cur[-1]]
            cur = []
    out += [ln for ln in lines if re.match(r"^\\\S", ln) or "blocks of size" in ln or "NT_STATUS_" in ln
            or re.search(r"(?i)error|failed|denied", ln)]
    if rows:
        c = Counter(r[1] for r in rows)
        out += [r[0] for r in rows if c[r[1]] <= 2]
        lo, hi = min(r[2] for r in rows), max(r[2] for r in rows)
        out.append(any_of([r[0] for r in rows if r[2] == lo]))
        out.append(any_of([r[0] for r in rows if r[2] == hi]))
    return out + _exit(lines)


@cm.kind("net-local", "table")
def n_net_local(lines):
    """Rules 1+4+5 on net sam / groupmap / getlocalsid: every line naming an error (Could not, failed, NT_STATUS_), the first and last rows, every row whose shape (numbers and names masked) occurs in at most 2 rows while the most common covers half, an EXIT=N line."""
    rows = [ln for ln in lines if ln.strip() and not EXIT.match(ln) and not ln.startswith("== ")]
    out = [ln for ln in rows if re.search(r"(?i)could not|failed|NT_STATUS_|error|unable|invalid|usage", ln)]
    if rows:
        out += [rows[0], rows[-1]]
        shp = lambda s: re.sub(r"\w+", "w", mask(s))  # noqa: E731
        c = Counter(shp(r) for r in rows)
        if c.most_common(1)[0][1] * 2 >= len(rows):
            out += [r for r in rows if c[shp(r)] <= 2]
    out += [ln for ln in lines if ln.startswith("== ")]
    return out + _exit(lines)


SMB_HDR = re.compile(r"^\[\d{4}/\d\d/\d\d \d\d:\d\d:\d\d")


@cm.kind("smbd-log", "log")
def n_smbd_log(lines):
    """Rules 1+5 on smbd's log: the smbd version ... started line, every message line naming a denial or failure (NT_STATUS_ACCESS_DENIED, denied, failed, error, NT_STATUS_LOGON_FAILURE, not NT_STATUS_OK) one {"any"} per distinct message with numbers masked."""
    out = [ln for ln in lines if re.search(r"smbd version .* started", ln)]
    bad = []
    for ln in lines:
        if SMB_HDR.match(ln) or re.search(r"smbd version", ln):
            continue
        if re.search(r"NT_STATUS_(?!OK\b)\w+|(?i:denied|failed|error|refused|unable)", ln):
            bad.append((re.sub(r"\d+", "<n>", ln.strip()), ln))
    return out + groups(bad)


@cm.kind("lpstat-t", "table")
def n_lpstat(lines):
    """Rules 1+4+5 on lpstat -t: the scheduler line, the system default destination line, every printer line not idle with the reason line under it, every not accepting line, every device for row whose URI scheme occurs in at most 2 rows, the first and last job rows and every job of a user owning at most 2 jobs, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith(("scheduler is", "system default destination", "no system default"))]
    for i, ln in enumerate(lines):
        if ln.startswith("printer ") and " is idle." not in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith(("\t", " ")):
                out.append(lines[i + 1])
        if "not accepting requests" in ln:
            out.append(ln)
    dev = [ln for ln in lines if ln.startswith("device for ")]
    def scheme(s):  # a file: URI prints as ///path
        m = re.match(r"^(\w+):", s.split(": ", 1)[-1])
        return m.group(1) if m else "file"
    c = Counter(scheme(ln) for ln in dev)
    out += [ln for ln in dev if c[scheme(ln)] <= 2]
    jobs = [ln for ln in lines if re.match(r"^\S+-\d+\s+\S+\s+\d+\s+\w{3} \w{3}", ln)]
    if jobs:
        out += [jobs[0], jobs[-1]]
        u = Counter(ln.split()[1] for ln in jobs)
        out += [ln for ln in jobs if u[ln.split()[1]] <= 2]
    out += [ln for ln in lines if re.match(r"^lpstat: ", ln)]
    return out + _exit(lines)


@cm.kind("lpinfo", "listing")
def n_lpinfo(lines):
    """Rules 1+4+5 on lpinfo -v / -m: the first and last rows, every row whose class (first column) occurs in at most 2 rows, every lpinfo: error line."""
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("lpinfo:") and not EXIT.match(ln)]
    out = [rows[0], rows[-1]] if rows else []
    c = Counter(ln.split()[0] for ln in rows)
    out += [ln for ln in rows if c[ln.split()[0]] <= 2]
    return out + [ln for ln in lines if ln.startswith("lpinfo:")] + _exit(lines)


@cm.kind("lpoptions-l", "listing")
def n_lpoptions(lines):
    """Rule 5 on lpoptions -l: every option line (each names an option and its *default), every lpoptions: error line."""
    return [ln for ln in lines if re.match(r"^[^\s:]+/[^:]*: ", ln) or ln.startswith("lpoptions:")] + _exit(lines)


@cm.kind("cups-error-log", "log")
def n_cups_log(lines):
    """Rules 1+5 on CUPS's error_log at debug: every E line, W lines one {"any"} per message shape, every [Job N] line naming a failure (stopped, aborted, canceled, Backend returned status, failed, Unable, error), the first and last lines."""
    body = [ln for ln in lines if ln.strip()]
    out = [ln for ln in lines if ln.startswith("E ")]
    out += groups((mask(ln.split("] ", 1)[-1]), ln) for ln in lines if ln.startswith("W "))
    out += [ln for ln in lines if re.search(r"\[Job \d+\]", ln)
            and re.search(r"(?i)stopped|aborted|cancel+ed|Backend returned status|failed|unable|error", ln)]
    return out + ([body[0], body[-1]] if body else [])


@cm.kind("pamtester", "log")
def n_pamtester(lines):
    """Rules 1+5 on pamtester: every pamtester: line with the == case line echoed above it, every line a PAM module printed that names a failure, an EXIT=N line (one {"any"} per distinct)."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("pamtester: "):
            out += [ln, _case_above(lines, i)]
        elif not ln.startswith("== ") and not EXIT.match(ln) and re.search(r"(?i)denied|fail|not allowed|expired|refused|error", ln):
            out.append(ln)
    return out + groups((ln, ln) for ln in lines if EXIT.match(ln))


@cm.kind("sudo-l", "listing")
def n_sudo_l(lines):
    """Rule 5 on sudo -l: the Matching Defaults entries and User ... may run lines, every command rule line, every sudo: error line and not allowed line, an EXIT=N line (one {"any"} per distinct), the == case lines."""
    out = [ln for ln in lines if ln.startswith(("Matching Defaults entries", "User ", "sudo: ", "Sudoers entry:"))
           or re.match(r"^\s+\(.*\)\s", ln) or re.match(r"^\s+(RunAsUsers|Commands|Options):", ln)
           or re.match(r"^\s{4}\S", ln) and "Defaults" not in ln and not ln.strip().startswith(("env_", "secure_path", "!", "mail"))]
    out += [ln for ln in lines if ln.startswith("== ")]
    return out + groups((ln, ln) for ln in lines if EXIT.match(ln))


@cm.kind("visudo-check", "lint")
def n_visudo(lines):
    """Rules 1+3+5 on visudo -c / -c -f: every line naming a syntax or parse error or a warning with its file and line, every parsed OK / bad permissions / bad ownership verdict line, every EXIT=N line with the == case line above it."""
    out = [ln for ln in lines if re.search(r"(?i)syntax error|parse error|>>> |warning|unknown defaults|but not defined|already defined|"
                                           r"parsed OK|bad permissions|bad ownership|unable|no such|error", ln)]
    for i, ln in enumerate(lines):
        if EXIT.match(ln):
            out += [_case_above(lines, i)]
    out += groups((ln, ln) for ln in lines if EXIT.match(ln))
    return out


SHADOW = re.compile(r"^([^:]+):([^:]*):(\d*):")


@cm.kind("getent-shadow", "table")
def n_getent_shadow(lines):
    """Rule 4 on getent shadow: the first and last rows, every row whose password field class (!, *, !*, a $id$ hash, empty) occurs in at most 2 rows, the rows of the lowest and highest last-change day (one {"any"} each)."""
    rows = [(ln, SHADOW.match(ln)) for ln in lines]
    rows = [(ln, m) for ln, m in rows if m]
    if not rows:
        return []

    def cls(pw):
        m = re.match(r"^(!?)(\$\w+\$)", pw)
        return (m.group(1) + m.group(2)) if m else pw[:2]

    out = [rows[0][0], rows[-1][0]]
    c = Counter(cls(m.group(2)) for _, m in rows)
    out += [ln for ln, m in rows if c[cls(m.group(2))] <= 2]
    days = [(ln, int(m.group(3))) for ln, m in rows if m.group(3)]
    if days:
        lo, hi = min(d for _, d in days), max(d for _, d in days)
        out += [any_of([ln for ln, d in days if d == lo]), any_of([ln for ln, d in days if d == hi])]
    return out


# ------------------------------------------------------------------ accounts (removed at the end)

def make_users() -> None:
    run("getent group fgcrew >/dev/null || groupadd fgcrew")
    for i, u in enumerate(FG):
        run(f"id {u} >/dev/null 2>&1 || useradd -M -N -g users -s /usr/sbin/nologin -c 'Ferrygate {USERS[i]}' {u}")
    run("usermod -a -G fgcrew fg-ines; usermod -a -G fgcrew fg-bosun; usermod -a -G fgcrew fg-mate")
    run("echo 'fg-ines:Deck-Ines-139' | chpasswd; echo 'fg-bosun:Deck-Bosun-139' | chpasswd; usermod -L fg-bosun;"
        " chage -d 0 fg-mate; chage -E 2025-01-01 fg-cadet; usermod -p '*' fg-radio; echo 'fg-auditor:Audit-139' | chpasswd -c SHA512")


def drop_users() -> None:
    for u in FG:
        run(f"userdel {u} >/dev/null 2>&1")
    run("groupdel fgcrew >/dev/null 2>&1; rm -f /etc/pam.d/fg-* /etc/sudoers.d/zz-ferrygate")


# ------------------------------------------------------------------ Samba

def smb_conf(d: Path) -> str:
    return f"""[global]
   workgroup = FERRYGATE
   netbios name = FGFS1
   server string = ferrygate file server
   server role = standalone server
   interfaces = 127.0.0.1
   bind interfaces only = yes
   smb ports = {SMB_PORT}
   disable netbios = yes
   private dir = {d}/private
   lock directory = {d}/lock
   state directory = {d}/state
   cache directory = {d}/cache
   pid directory = {d}/run
   ncalrpc dir = {d}/ncalrpc
   passdb backend = tdbsam:{d}/private/passdb.tdb
   log file = {d}/log/log.%m
   log level = 2 auth_audit:3
   max log size = 0
   map to guest = never
   load printers = no
   printcap name = /dev/null
   disable spoolss = yes
   server min protocol = SMB2
   store dos attributes = no
   map hidden = yes
   map readonly = yes

[manifests]
   path = {d}/shares/manifests
   read only = no
   valid users = fg-ines fg-tomas fg-purser fg-clerk

[roster]
   path = {d}/shares/roster
   read only = yes
   guest ok = no

[finance]
   path = {d}/shares/finance
   valid users = fg-purser
   read only = no

[archive]
   path = {d}/shares/archive-missing
   read only = yes
"""


PW = {u: f"Smb-{u[3:].capitalize()}-139" for u in FG}


def build_shares(d: Path) -> None:
    rnd = random.Random(1390)
    man = d / "shares" / "manifests"
    ports = ["ROS", "HOL", "FIS", "CHB", "DUB", "LIV", "STR", "BEL"]
    for y in ("2025", "2026"):
        for m in range(1, 13) if y == "2025" else range(1, 4):
            sub = man / y / f"{m:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            for k in range(rnd.randint(4, 9)):
                f = sub / f"voyage-{rnd.choice(ports)}-{rnd.choice(ports)}-{y}{m:02d}{rnd.randint(1, 28):02d}-{k}.csv"
                f.write_text("\n".join(f"{j},{rnd.choice(['car', 'van', 'hgv', 'foot', 'bike'])},{rnd.randint(1, 9)}"
                                       for j in range(rnd.randint(5, 400))))
                os.chmod(f, rnd.choice([0o644, 0o644, 0o644, 0o744]))
    for k in range(140):
        f = man / f"sailing-{k:03d}-{rnd.choice(ports)}.pdf"
        f.write_bytes(b"%PDF-1.4\n" + b"x" * rnd.randint(200, 90000))
    (man / ".sync-state").write_text("token=ab12\n")
    (man / "LOCKED-seasonal-fares.xlsx").write_bytes(b"PK" * 4000)
    os.chmod(man / "LOCKED-seasonal-fares.xlsx", 0o444)
    (man / "empty.tmp").write_text("")
    os.chmod(man / "empty.tmp", 0o744)
    roster = d / "shares" / "roster"
    roster.mkdir(parents=True)
    for k in range(30):
        (roster / f"week-{k + 1:02d}.txt").write_text("crew\n" * rnd.randint(10, 200))
    fin = d / "shares" / "finance"
    fin.mkdir(parents=True)
    (fin / "ledger-2026.csv").write_text("q1,1200\n")
    run(f"chmod -R a+rwX {d}/shares/manifests {d}/shares/finance && chmod a+rX -R {d}/shares/roster")
    os.chmod(man / "LOCKED-seasonal-fares.xlsx", 0o444)


def cap_samba(tmp: Path) -> None:
    d = tmp / "smb"
    for sub in ("private", "lock", "state", "cache", "run", "ncalrpc", "log", "shares"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    conf = d / "smb.conf"
    conf.write_text(smb_conf(d))
    make_users()
    build_shares(d)
    S = f"-s {conf}"
    for u in FG[:-2]:
        run(f"(echo '{PW[u]}'; echo '{PW[u]}') | smbpasswd -c {conf} -s -a {u}")
    run(f"pdbedit {S} -P 'bad lockout attempt' -C 3; pdbedit {S} -P 'lockout duration' -C 30;"
        f" pdbedit {S} -P 'maximum password age' -C 7776000")
    run(f"pdbedit {S} -c '[D]' -u fg-cadet; pdbedit {S} -c '[X]' -u fg-docker; pdbedit {S} -c '[X]' -u fg-radio;"
        f" pdbedit {S} -f 'Ines Rua, Deck Officer' -h '\\\\fgfs1\\ines' -D 'H:' -u fg-ines;"
        f" pdbedit {S} -p '\\\\fgfs1\\profiles\\purser' -u fg-purser; pdbedit {S} --logon-script=crew.cmd -u fg-bosun")
    smbd = cm.start(f"smbd --foreground --no-process-group -s {conf}", cwd=d)
    time.sleep(3)
    U = lambda u: f"-U '{u}%{PW[u]}'"  # noqa: E731
    sc = f"smbclient -p {SMB_PORT} {S}"
    # failed logons lock fg-steward; denials on shares
    for t in range(4):
        run(f"{sc} //127.0.0.1/manifests -U 'fg-steward%wrong{t}' -c 'ls'")
    run(f"{sc} //127.0.0.1/finance {U('fg-tomas')} -c 'ls'")
    run(f"{sc} //127.0.0.1/manifests {U('fg-galley')} -c 'ls'")
    run(f"{sc} //127.0.0.1/archive {U('fg-ines')} -c 'ls'")
    run(f"{sc} //127.0.0.1/manifests -U 'fg-cadet%{PW['fg-cadet']}' -c 'ls'")
    run(f"{sc} //127.0.0.1/roster {U('fg-ines')} -c 'put {conf} smb.conf; mkdir new'")

    def c(item_id, command, typed, ext):
        add(item_id, typed, run(command, cwd=d, timeout=300), ext)

    c("smbls-top", f"{sc} //127.0.0.1/manifests {U('fg-ines')} -c 'ls'",
      f"smbclient //127.0.0.1/manifests -p {SMB_PORT} -U 'fg-ines%…' -c 'ls'", n_smbclient_ls)
    c("smbls-recurse", f"{sc} //127.0.0.1/manifests {U('fg-tomas')} -c 'cd 2025; recurse; ls'",
      f"smbclient //127.0.0.1/manifests -p {SMB_PORT} -U 'fg-tomas%…' -c 'cd 2025; recurse; ls'", n_smbclient_ls)
    c("smbls-head", f"{sc} //127.0.0.1/manifests {U('fg-purser')} -c 'recurse; ls' 2>&1 | head -n 100",
      f"smbclient //127.0.0.1/manifests -p {SMB_PORT} -U 'fg-purser%…' -c 'recurse; ls' 2>&1 | head -n 100", n_smbclient_ls)
    c("smbls-roster", f"{sc} //127.0.0.1/roster {U('fg-purser')} -c 'ls; put {conf} notes.txt; cd nosuch; ls week-9*'; "
      f"echo EXIT=$?; {sc} //127.0.0.1/finance {U('fg-ines')} -c 'ls'; echo EXIT=$?",
      f"smbclient //127.0.0.1/roster -p {SMB_PORT} -U 'fg-purser%…' -c 'ls; put smb.conf notes.txt; cd nosuch; ls week-9*';"
      " echo EXIT=$?; smbclient //127.0.0.1/finance … -U 'fg-ines%…' -c 'ls'; echo EXIT=$?", n_smbclient_ls)
    c("pdbedit-all", f"pdbedit {S} -L -v", "pdbedit -L -v", n_pdbedit)
    c("pdbedit-head", f"pdbedit {S} -L -v | head -n 100", "pdbedit -L -v | head -n 100", n_pdbedit)
    c("net-sam", f"echo '== net sam list users'; net {S} sam list users; echo '== net groupmap list'; "
      f"net {S} groupmap list; echo '== net getlocalsid'; net {S} getlocalsid; echo '== net sam show fg-ines';"
      f" net {S} sam show fg-ines; echo '== net sam policy show'; net {S} sam policy show 'bad lockout attempt';"
      f" echo '== net groupmap add'; net {S} groupmap add ntgroup='Deck Crew' unixgroup=deckcrew type=domain; echo EXIT=$?",
      "for c in 'sam list users' 'groupmap list' getlocalsid 'sam show fg-ines' …; do echo \"== net $c\"; net $c; done",
      n_net_local)
    c("net-accounts", f"net {S} sam list accounts; net {S} sam createlocalgroup 'Harbour Staff'; net {S} sam addmem "
      f"'Harbour Staff' fg-nosuch; echo EXIT=$?; net {S} sam listmem 'Harbour Staff'; net {S} sam rights list",
      "net sam list accounts; net sam createlocalgroup 'Harbour Staff'; net sam addmem 'Harbour Staff' fg-nosuch;"
      " echo EXIT=$?; net sam listmem 'Harbour Staff'; net sam rights list", n_net_local)
    time.sleep(1)
    logs = sorted((d / "log").glob("log.*"))
    cm.note("smb logs: " + ", ".join(f"{p.name} {p.stat().st_size:,}" for p in logs))
    c("smblog-smbd", f"cat {d}/log/log.smbd", "cat /var/log/samba/log.smbd", n_smbd_log)
    c("smblog-grep", f"cd {d}/log && grep -iE -B1 'denied|fail|NT_STATUS' log.* | head -n 150",
      "cd /var/log/samba && grep -iE -B1 'denied|fail|NT_STATUS' log.* | head -n 150", n_smbd_log)
    other = [p for p in logs if p.name not in ("log.smbd", "log.nmbd")]
    if other:
        big = max(other, key=lambda p: p.stat().st_size)
        c("smblog-client", f"tail -n 300 {big}", f"tail -n 300 /var/log/samba/{big.name}", n_smbd_log)
    cm.stop(smbd)


# ------------------------------------------------------------------ CUPS

PPD = """*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "FGLABEL.PPD"
*Manufacturer: "Ferrygate"
*Product: "(Deck Label 4)"
*ModelName: "Ferrygate Deck Label 4"
*ShortNickName: "Ferrygate Deck Label 4"
*NickName: "Ferrygate Deck Label 4, 1.0"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "1"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsVersion: 2.4
*cupsManualCopies: True
*cupsFilter: "application/vnd.cups-raw 0 -"
*OpenUI *PageSize/Label Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: w288h432
*PageSize w288h432/4 x 6 in: "<</PageSize[288 432]>>setpagedevice"
*PageSize w288h288/4 x 4 in: "<</PageSize[288 288]>>setpagedevice"
*PageSize w144h72/2 x 1 in: "<</PageSize[144 72]>>setpagedevice"
*PageSize Vehicle/Vehicle Tag 100 x 150 mm: "<</PageSize[283 425]>>setpagedevice"
*CloseUI: *PageSize
*DefaultImageableArea: w288h432
*ImageableArea w288h432: "0 0 288 432"
*ImageableArea w288h288: "0 0 288 288"
*ImageableArea w144h72: "0 0 144 72"
*ImageableArea Vehicle: "0 0 283 425"
*DefaultPaperDimension: w288h432
*PaperDimension w288h432: "288 432"
*PaperDimension w288h288: "288 288"
*PaperDimension w144h72: "144 72"
*PaperDimension Vehicle: "283 425"
*OpenUI *Resolution/Resolution: PickOne
*OrderDependency: 10 AnySetup *Resolution
*DefaultResolution: 203dpi
*Resolution 203dpi/203 DPI: "<</HWResolution[203 203]>>setpagedevice"
*Resolution 300dpi/300 DPI: "<</HWResolution[300 300]>>setpagedevice"
*CloseUI: *Resolution
*OpenUI *Darkness/Darkness: PickOne
*OrderDependency: 20 AnySetup *Darkness
*DefaultDarkness: 15
""" + "".join(f'*Darkness {n}/Level {n}: ""\n' for n in range(0, 31, 3)) + """*Darkness 15/Level 15 (default): ""
*CloseUI: *Darkness
*OpenUI *PrintSpeed/Print Speed: PickOne
*OrderDependency: 20 AnySetup *PrintSpeed
*DefaultPrintSpeed: 4ips
*PrintSpeed 2ips/2 in per s: ""
*PrintSpeed 4ips/4 in per s: ""
*PrintSpeed 6ips/6 in per s: ""
*PrintSpeed 8ips/8 in per s: ""
*CloseUI: *PrintSpeed
*OpenUI *MediaType/Media Type: PickOne
*OrderDependency: 20 AnySetup *MediaType
*DefaultMediaType: DirectThermal
*MediaType DirectThermal/Direct Thermal: ""
*MediaType ThermalTransfer/Thermal Transfer: ""
*MediaType Tag/Weatherproof Tag: ""
*CloseUI: *MediaType
*OpenUI *Cutter/Cut After: PickOne
*OrderDependency: 20 AnySetup *Cutter
*DefaultCutter: Job
*Cutter None/Never: ""
*Cutter Label/Every Label: ""
*Cutter Job/End of Job: ""
*CloseUI: *Cutter
*OpenUI *Tearoff/Tear-off Adjust: PickOne
*OrderDependency: 20 AnySetup *Tearoff
*DefaultTearoff: 0
""" + "".join(f'*Tearoff {n}/{n} dots: ""\n' for n in range(-12, 13, 4)) + """*CloseUI: *Tearoff
*OpenUI *Rotate180/Rotate 180: Boolean
*OrderDependency: 20 AnySetup *Rotate180
*DefaultRotate180: False
*Rotate180 True/Yes: ""
*Rotate180 False/No: ""
*CloseUI: *Rotate180
*OpenUI *BarcodeCheck/Verify Barcodes: Boolean
*OrderDependency: 20 AnySetup *BarcodeCheck
*DefaultBarcodeCheck: True
*BarcodeCheck True/Yes: ""
*BarcodeCheck False/No: ""
*CloseUI: *BarcodeCheck
"""


def cap_cups(tmp: Path) -> None:
    d = tmp / "cups"
    for sub in ("spool", "tmp", "cache", "state", "log", "out"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    os.chmod(d / "tmp", 0o1777)
    os.chmod(d / "out", 0o1777)
    write_tree(d, {
        "cupsd.conf": f"""LogLevel debug
MaxLogSize 0
Listen 127.0.0.1:{CUPS_PORT}
Browsing No
DefaultAuthType None
WebInterface No
ErrorPolicy stop-printer
JobRetryInterval 2
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Location /admin>
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
        "cups-files.conf": f"""ServerRoot {d}
RequestRoot {d}/spool
TempDir {d}/tmp
CacheDir {d}/cache
StateDir {d}/state
ErrorLog {d}/log/error_log
AccessLog {d}/log/access_log
PageLog {d}/log/page_log
FileDevice Yes
User lp
Group lp
SystemGroup root
""",
        "label.ppd": PPD,
    })
    env = {"CUPS_SERVER": f"127.0.0.1:{CUPS_PORT}"}
    cupsd = cm.start(f"cupsd -f -c {d}/cupsd.conf -s {d}/cups-files.conf", cwd=d)
    time.sleep(2.5)

    def r(cmd, timeout=60):
        return run(cmd, cwd=d, env=env, timeout=timeout)

    for q in ("deck-a", "deck-b", "purser-office", "bridge", "galley"):
        r(f"lpadmin -p {q} -E -v file://{d}/out/{q}.prn -m raw -D '{q} queue' -L 'MV Ferrygate {q}'")
    r(f"lpadmin -p cargo-labels -E -v file://{d}/out/labels.prn -P {d}/label.ppd -L 'Linkspan kiosk'")
    r(f"lpadmin -p ticket-kiosk -E -v file://{d}/out/kiosk.prn -P {d}/label.ppd -o Darkness=21 -o PageSize=w144h72")
    r("lpadmin -p checkin-desk -E -v socket://127.0.0.1:9 -m raw -L 'Terminal check-in'")
    r("lpadmin -p freight-office -E -v lpd://127.0.0.1:1/freight -m raw")
    r(f"lpadmin -p archive-pdf -E -v file:///nonexistent-dir/archive.prn -m raw")
    r("lpadmin -d deck-a")
    r("cupsdisable -r 'Out of labels - refill due 06:00' galley; cupsreject -r 'Moved to purser-office' bridge")
    rnd = random.Random(1391)
    doc = d / "manifest.txt"
    doc.write_text("".join(f"{k:04d} {rnd.choice(['car', 'van', 'hgv'])} {rnd.randint(1, 99)}\n" for k in range(200)))
    users = ["ines", "tomas", "purser", "clerk", "radio", "bosun"]
    for k in range(26):
        q = rnd.choice(["galley", "galley", "checkin-desk", "freight-office", "deck-a", "purser-office", "archive-pdf"])
        u = "auditor" if k == 11 else rnd.choice(users)
        hold = " -H indefinite" if k % 9 == 4 else ""
        r(f"lp -d {q} -U {u} -t 'manifest-{k:02d}'{hold} {doc}")
    r(f"lp -d bridge -U tomas {doc}; lp -d nosuch {doc}; lp -d cargo-labels -o raw -U clerk {doc}")
    time.sleep(6)

    def c(item_id, command, typed, ext, timeout=120):
        add(item_id, typed, r(command, timeout=timeout), ext)

    c("lpstat-t", "lpstat -t", "lpstat -t", n_lpstat)
    c("lpstat-head", "lpstat -t | head -n 100; echo EXIT=$?", "lpstat -t | head -n 100; echo EXIT=$?", n_lpstat)
    c("lpinfo-v", "lpinfo --timeout 5 -v; lpinfo -m | head -n 40; lpinfo -v --include-schemes nosuch; echo EXIT=$?",
      "lpinfo --timeout 5 -v; lpinfo -m | head -n 40; lpinfo -v --include-schemes nosuch; echo EXIT=$?", n_lpinfo)
    c("lpoptions-labels", "lpoptions -p cargo-labels -l; lpoptions -p ticket-kiosk -l; lpoptions -p deck-b -l; echo EXIT=$?",
      "lpoptions -p cargo-labels -l; lpoptions -p ticket-kiosk -l; lpoptions -p deck-b -l; echo EXIT=$?", n_lpoptions)
    log = d / "log" / "error_log"
    cm.note(f"cups error_log: {log.stat().st_size:,} bytes")
    c("cupslog-tail", f"tail -n 700 {log}", "tail -n 700 /var/log/cups/error_log", n_cups_log)
    c("cupslog-grep", f"grep -E '^[EW] |Job [0-9]+\\]' {log} | grep -iE 'error|fail|stop|unable|^W' | head -n 150",
      "grep -E '^[EW] |Job [0-9]+\\]' /var/log/cups/error_log | grep -iE 'error|fail|stop|unable|^W' | head -n 150", n_cups_log)
    jobs = r("lpstat -W not-completed -o checkin-desk").split()
    first = next((t for t in jobs if t.startswith("checkin-desk-")), "checkin-desk-1").rsplit("-", 1)[1]
    c("cupslog-job", f"grep -F '[Job {first}]' {log} | head -n 200",
      f"grep -F '[Job {first}]' /var/log/cups/error_log | head -n 200", n_cups_log)
    cm.stop(cupsd)


# ------------------------------------------------------------------ PAM, sudo, getent

PAM_FILES = {
    "fg-deny": "auth required pam_deny.so\naccount required pam_deny.so\n",
    "fg-listfile": "auth required pam_listfile.so item=user sense=deny file={d}/deny.users onerr=fail\n"
                   "auth required pam_permit.so\naccount required pam_permit.so\n",
    "fg-crew": "auth required pam_succeed_if.so user ingroup fgcrew\nauth required pam_permit.so\n"
               "account required pam_succeed_if.so uid >= 1000 quiet\naccount required pam_permit.so\n",
    "fg-unix": "auth required pam_unix.so\naccount required pam_unix.so\n",
    "fg-nologin": "auth requisite pam_nologin.so file={d}/nologin\nauth required pam_permit.so\n",
    "fg-access": "auth required pam_permit.so\naccount required pam_access.so accessfile={d}/access.conf\n",
    "fg-broken": "auth required pam_ferrygate_otp.so\nauth required pam_permit.so\n",
    "fg-typo": "auth requird pam_permit.so\naccount required pam_permit.so\n",
}


def cap_pam_sudo(tmp: Path) -> None:
    d = tmp / "pam"
    d.mkdir(parents=True, exist_ok=True)
    make_users()
    write_tree(d, {"deny.users": "fg-galley\nfg-cadet\n", "nologin": "Crossing suspended: gale warning in force.\n",
                   "access.conf": "+:fg-ines fg-purser:ALL\n+:(fgcrew):LOCAL\n-:ALL:ALL\n"})
    for name, body in PAM_FILES.items():
        Path("/etc/pam.d", name).write_text(body.format(d=d))
    cases = [("fg-deny", "fg-ines", "authenticate", ""), ("fg-listfile", "fg-galley", "authenticate", ""),
             ("fg-listfile", "fg-tomas", "authenticate", ""), ("fg-crew", "fg-ines", "authenticate", ""),
             ("fg-crew", "fg-radio", "authenticate", ""), ("fg-unix", "fg-ines", "authenticate", "Deck-Ines-139"),
             ("fg-unix", "fg-ines", "authenticate", "wrong-pass"), ("fg-unix", "fg-bosun", "authenticate", "Deck-Bosun-139"),
             ("fg-unix", "fg-cadet", "acct_mgmt", ""), ("fg-unix", "fg-mate", "acct_mgmt", ""),
             ("fg-nologin", "fg-tomas", "authenticate", ""), ("fg-access", "fg-purser", "acct_mgmt", ""),
             ("fg-access", "fg-clerk", "acct_mgmt", ""), ("fg-broken", "fg-ines", "authenticate", ""),
             ("fg-typo", "fg-ines", "authenticate", ""), ("fg-nosuch-service", "fg-ines", "authenticate", ""),
             ("fg-crew", "fg-nosuchuser", "authenticate acct_mgmt", "")]
    body = "; ".join(f"echo '== {svc} {user} {op}'; echo '{pw}' | pamtester {svc} {user} {op}; echo EXIT=$?"
                     for svc, user, op, pw in cases)
    add("pamtester-loop", "for case in …; do echo \"== $svc $user $op\"; pamtester $svc $user $op; echo EXIT=$?; done",
        run(body, timeout=120), n_pamtester)
    body2 = "; ".join(f"echo '== {svc} {u} open_session'; pamtester -v {svc} {u} authenticate acct_mgmt open_session"
                      f" close_session </dev/null; echo EXIT=$?"
                      for svc in ("fg-crew", "fg-access", "fg-listfile") for u in ("fg-ines", "fg-mate", "fg-cadet"))
    add("pamtester-verbose", "for s in fg-crew fg-access fg-listfile; do for u in fg-ines fg-mate fg-cadet; do …"
        " pamtester -v $s $u authenticate acct_mgmt open_session close_session; echo EXIT=$?; done; done",
        run(body2, timeout=120), n_pamtester)

    # sudoers of the round's own
    s = tmp / "sudoers"
    s.mkdir(parents=True, exist_ok=True)
    good = """Defaults:%fgcrew !lecture, timestamp_timeout=5
Defaults:fg-purser env_keep += "LEDGER_HOME"
Host_Alias  TERMINAL = fgfs1, checkin-1, checkin-2, localhost, vm
Cmnd_Alias  PRINTING = /usr/sbin/cupsenable, /usr/sbin/cupsdisable, /usr/bin/cancel, /usr/sbin/lpadmin -p checkin-*
Cmnd_Alias  SAMBA = /usr/bin/smbcontrol smbd reload-config, /usr/bin/pdbedit -L, /usr/bin/smbstatus
Cmnd_Alias  SERVICES = /usr/bin/systemctl restart cups, /usr/bin/systemctl restart smbd, /usr/bin/systemctl status *
Cmnd_Alias  LEDGER = /opt/ferrygate/bin/ledger-export, /opt/ferrygate/bin/ledger-close [0-9]*
Cmnd_Alias  SHELLS = /bin/sh, /bin/bash, /usr/bin/su
User_Alias  DECK = fg-ines, fg-bosun, fg-mate
DECK        ALL = (root) NOPASSWD: PRINTING, SERVICES
fg-ines     ALL = (root) SAMBA, (fg-purser) NOPASSWD: LEDGER
fg-purser   TERMINAL = (root) NOPASSWD: LEDGER, /usr/bin/lpstat -t
%fgcrew     ALL = (root) /usr/bin/journalctl -u cups, /usr/bin/journalctl -u smbd, !SHELLS
fg-auditor  ALL = (ALL : ALL) ALL, !SHELLS, !/usr/bin/passwd root
fg-radio    ALL = (root) NOEXEC: /usr/bin/less /var/log/cups/*, /usr/bin/tail -f /var/log/samba/log.smbd
"""
    write_tree(s, {
        "00-good": good,
        "10-syntax": good.replace("fg-purser   TERMINAL = (root)", "fg-purser   TERMINAL = (root"),
        "20-undefined": good + "fg-clerk    ALL = (root) PAYROLL, BACKUPS\nfg-docker   DOCKS = (root) /usr/bin/lp\n",
        "30-defaults": "Defaults    timestamp_timout=10\nDefaults    !requiretyy\nDefaults:fg-ines  logfile=\n" + good,
        "40-perms": good,
        "50-dupe": good + "Cmnd_Alias  PRINTING = /usr/bin/lp\nUser_Alias  deck = fg-cadet\n",
        "60-manyerrs": good.replace("NOPASSWD:", "NOPASWD:").replace("Cmnd_Alias  SHELLS", "Cmd_Alias SHELLS"),
    })
    for f in s.iterdir():
        os.chmod(f, 0o440)
    os.chmod(s / "40-perms", 0o666)
    body = "; ".join(f"echo '== {f.name}'; visudo -c -f {f}; echo EXIT=$?" for f in sorted(s.iterdir()))
    add("visudo-loop", "for f in /etc/ferrygate/sudoers.d/*; do echo \"== ${f##*/}\"; visudo -c -f \"$f\"; echo EXIT=$?; done",
        run(body.replace(str(s), "/etc/ferrygate/sudoers.d") if False else body, timeout=120), n_visudo)
    add("visudo-strict", "visudo -c -s -f 60-manyerrs 2>&1 | grep -iE -A2 'error|warn'; visudo -c -s -f 20-undefined; echo EXIT=$?",
        run(f"cd {s} && visudo -c -s -f 60-manyerrs 2>&1 | grep -iE -A2 'error|warn'; visudo -c -s -f 20-undefined;"
            " echo EXIT=$?; visudo -c -s -f 30-defaults; echo EXIT=$?", timeout=120), n_visudo)
    Path("/etc/sudoers.d/zz-ferrygate").write_text(good)
    os.chmod("/etc/sudoers.d/zz-ferrygate", 0o440)
    body = "; ".join(f"echo '== {u}'; sudo -l -U {u}; echo EXIT=$?" for u in
                     ("fg-ines", "fg-purser", "fg-bosun", "fg-auditor", "fg-radio", "fg-galley", "fg-nosuch"))
    add("sudol-users", "for u in fg-ines fg-purser fg-bosun fg-auditor fg-radio fg-galley fg-nosuch; do echo \"== $u\";"
        " sudo -l -U $u; echo EXIT=$?; done", run(body, timeout=120), n_sudo_l)
    add("sudol-long", "sudo -ll -U fg-ines; sudo -ll -U fg-auditor; echo EXIT=$?",
        run("sudo -ll -U fg-ines; sudo -ll -U fg-auditor; echo EXIT=$?", timeout=60), n_sudo_l)
    Path("/etc/sudoers.d/zz-ferrygate").unlink()
    add("getent-shadow", "getent shadow", run("getent shadow"), n_getent_shadow)
    add("getent-shadow-grep", "getent shadow | grep -vE ':\\*:|:!\\*?:' ; getent shadow fg-ines fg-nosuch; echo EXIT=$?",
        run("getent shadow | grep -vE ':\\*:|:!\\*?:' ; getent shadow fg-ines fg-nosuch; echo EXIT=$?"), n_getent_shadow)


def cap_cleanup(tmp: Path) -> None:
    drop_users()


STEPS = [cap_samba, cap_cups, cap_pam_sudo, cap_cleanup]
