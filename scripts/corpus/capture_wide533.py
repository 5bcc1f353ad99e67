#!/usr/bin/env python3
"""Round 533: system and service configuration checks and dry runs, shell syntax checks, a compose linter and a
Redis dump checker new to the corpus (systemd-sysusers --dry-run, systemd-tmpfiles --create under --root, systemctl
--root enable / list-unit-files, systemd-analyze condition, sshd -T, redis-check-rdb, redis-server's config errors,
dnsmasq --test, chronyd -p, bash -n, dclint) on a pumping station's configuration (`pumpstation`, seed 53310: beam
engines, boilers, enginemen) with faults put in. See NEEDLES.md, round 533.

Usage:   .venv/bin/python scripts/corpus/capture_wide533.py
Writes:  scripts/corpus/data/wide533.json, ids prefixed "wide533-".
Tools:   Debian's systemd 252, openssh-server, redis-server/redis-tools, dnsmasq, chrony and bash as found; the npm
         dclint in /dev/shm/hm-corpus-wide533/js (made once). One loopback redis-server on 127.0.0.1:18533, stopped.
"""
from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import rule4, shape, ws_rows  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide533")
TMP = Path("/dev/shm/hm-corpus-wide533-run")
JS = ROOT / "js"
OUT = HERE / "data" / "wide533.json"
SEED = 53310
PORT = 18533
S = cm.Sized(400, 120_000)
kind = cm.kind

# ================================================================== extractors (fixed before capture)

ERRS = re.compile(r"error|fail|fatal|invalid|unknown|cannot|can't|unsupported|bad |not a valid|does not exist|"
                  r"no such|missing|refus", re.I)
DIAG = re.compile(r"^\S+:\d+: ")
HDR = re.compile(r"^== ")


def errs(lines):
    return [ln for ln in lines if ERRS.search(ln)]


def headers(lines):
    return [ln for ln in lines if HDR.match(ln)]


@kind("systemd-sysusers-dry-run", "build")
def n_sysusers(lines):
    """every path:N: diagnostic line; errs; every Creating user/group line and every Would write line"""
    out = [ln for ln in lines if DIAG.match(ln)] + errs(lines)
    return out + [ln for ln in lines if re.match(r"\s*(Creating (user|group)|Would write)", ln)]


@kind("systemd-tmpfiles-create", "build")
def n_tmpfiles(lines):
    """every path:N: diagnostic line, one any per (message shape, file) when a shape occurs more than 3 times in a file; errs"""
    diag = [ln for ln in lines if DIAG.match(ln)]
    key = {}
    for ln in diag:
        f, msg = ln.split(":", 1)[0], ln.split(": ", 1)[1]
        key.setdefault((shape(re.sub(r"'[^']*'", "<q>", msg)), f), []).append(ln)
    out = []
    for k, grp in key.items():
        out += [{"any": grp}] if len(grp) > 3 else grp
    return out + [ln for ln in errs(lines) if not DIAG.match(ln)]


@kind("systemctl-root-enable", "build")
def n_systemctl_enable(lines):
    """errs and every line naming a unit without installation config (not the lines of that warning's explanation block); every Created symlink / Removed line"""
    block = set()
    for i, ln in enumerate(lines):
        if ln.startswith("The unit files have no installation config"):
            k = i
            while k < len(lines) and not re.search(r"Created symlink|Removed|^Failed|^== ", lines[k]):
                block.add(k)
                k += 1
    out = [ln for i, ln in enumerate(lines) if i not in block and
           (ERRS.search(ln) or re.search(r"no installation config|\[Install\]", ln, re.I))]
    return out + [ln for ln in lines if re.match(r"\s*(Created symlink|Removed)", ln)]


@kind("systemctl-list-unit-files", "table")
def n_list_unit_files(lines):
    """rule 4 on UNIT FILE/STATE/PRESET rows (header, rows with a rare STATE or PRESET); the N unit files listed. line; errs"""
    hi = next(i for i, ln in enumerate(lines) if ln.startswith("UNIT FILE"))
    body = []
    for ln in lines[hi + 1:]:
        if not ln.strip():
            break
        body.append(ln)
    rows = ws_rows(body, ["unit", "state", "preset"])
    out = rule4(rows, cat=("state", "preset"), header=[lines[hi]])
    return out + [ln for ln in lines if re.search(r"\d+ unit files listed\.", ln)] + errs(lines)


@kind("systemd-analyze-condition", "lint")
def n_condition(lines):
    """every line saying a condition or assert failed or could not be parsed (failed, Cannot parse, errs); the verdict lines (Conditions/Asserts succeeded/failed, lines starting test, Condition/Assert lines holding succeeded or failed); the == headers"""
    out = [ln for ln in lines if re.search(r"failed|Cannot parse", ln)] + errs(lines)
    out += [ln for ln in lines if re.match(r"\s*(Conditions|Asserts) (succeeded|failed)\.", ln)
            or re.match(r"\s*test", ln)
            or (re.match(r"\s*(Condition|Assert)", ln) and re.search(r"succeeded|failed", ln))]
    return out + headers(lines)


SSHD_KEYS = {"port", "listenaddress", "permitrootlogin", "passwordauthentication", "pubkeyauthentication",
             "kbdinteractiveauthentication", "permitemptypasswords", "x11forwarding", "maxauthtries", "maxsessions",
             "allowusers", "allowgroups", "denyusers", "subsystem", "usepam", "ciphers", "macs", "kexalgorithms",
             "logingracetime", "clientaliveinterval"}


@kind("sshd-T", "lint")
def n_sshd_T(lines):
    """every line naming a config line (line N) and errs; the dumped lines of port, listenaddress, permitrootlogin, passwordauthentication, pubkeyauthentication, kbdinteractiveauthentication, permitemptypasswords, x11forwarding, maxauthtries, maxsessions, allowusers, allowgroups, denyusers, subsystem, usepam, ciphers, macs, kexalgorithms, logingracetime, clientaliveinterval; the == headers"""
    out = [ln for ln in lines if re.search(r"\bline \d+", ln)] + errs(lines)
    out += [ln for ln in lines if ln.split(" ", 1)[0] in SSHD_KEYS]
    return out + headers(lines)


@kind("redis-check-rdb", "build")
def n_check_rdb(lines):
    """every line holding error, Unexpected, failed, corrupt (any case) and errs; in each RDB ERROR DETECTED block the lines holding offset, Internal error or Reading; the verdict/count lines (RDB looks OK, keys read, expires, already expired, Checking RDB file, RDB version); the == headers"""
    out = [ln for ln in lines if re.search(r"error|unexpected|failed|corrupt", ln, re.I)] + errs(lines)
    for i, ln in enumerate(lines):
        if "RDB ERROR DETECTED" in ln:
            for x in lines[i + 1:]:
                if HDR.match(x):
                    break
                if re.search(r"offset|Internal error|Reading", x):
                    out.append(x)
    out += [ln for ln in lines if re.search(r"RDB looks OK|keys read|expires|already expired|Checking RDB file|"
                                            r"RDB version", ln)]
    return out + headers(lines)


@kind("redis-server-config-error", "build")
def n_redis_conf(lines):
    """every FATAL CONFIG FILE ERROR line, its at line N line, its >>> line and the message line after that; errs; the == headers"""
    out = []
    for i, ln in enumerate(lines):
        if "FATAL CONFIG FILE ERROR" in ln:
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 6)):
                if re.search(r"at line \d+", lines[k]):
                    out.append(lines[k])
                if lines[k].startswith(">>>"):
                    out.append(lines[k])
                    if k + 1 < len(lines):
                        out.append(lines[k + 1])
                    break
    return out + errs(lines) + headers(lines)


@kind("dnsmasq-test", "lint")
def n_dnsmasq(lines):
    """errs; every syntax check OK line; the == headers"""
    return errs(lines) + [ln for ln in lines if "syntax check OK" in ln] + headers(lines)


CHRONY_KEYS = ("server", "pool", "peer", "refclock", "allow", "deny", "makestep", "driftfile")


@kind("chronyd-p", "lint")
def n_chronyd(lines):
    """every Fatal error line and errs; every printed server, pool, peer, refclock, allow, deny, makestep, driftfile line; the == headers"""
    out = [ln for ln in lines if "Fatal error" in ln] + errs(lines)
    out += [ln for ln in lines if ln.split(" ", 1)[0] in CHRONY_KEYS]
    return out + headers(lines)


@kind("bash-n", "lint")
def n_bash_n(lines):
    """every line holding syntax error or unexpected; errs; the == headers"""
    return [ln for ln in lines if re.search(r"syntax error|unexpected", ln)] + errs(lines) + headers(lines)


YML = re.compile(r"\.ya?ml\b")


@kind("dclint", "lint")
def n_dclint(lines):
    """every error finding line and the last preceding line naming a .yml/.yaml file; warnings one any per (rule name = last word, file); the problem count lines; errs"""
    out, pairs, f = [], [], ""
    for ln in lines:
        if YML.search(ln) and not re.match(r"\s+\d+:\d+", ln):
            f = ln
            continue
        m = re.match(r"\s*\d+:\d+\s+(error|warning)\s+(.*)$", ln, re.I)
        if m:
            if m.group(1).lower() == "error":
                out += [ln, f]
            else:
                pairs.append(((ln.split()[-1], f), ln))
    out += cm.groups(pairs)
    out += [ln for ln in lines if re.search(r"✖\s*\d+ problems?|\d+ errors?|\d+ warnings?", ln)]
    return out + errs(lines)


# ================================================================== material (seed 53310)

ENGINES = ["Boulton", "Watt", "Harvey", "Hathorn", "Simpson", "Easton", "Gimson", "Cornish", "Woolf", "Bull",
           "Sims", "Hornblower", "Trevithick", "Newcomen", "Murdoch", "Fairbairn"]
STATIONS = ["Ryhope", "Papplewick", "Crossness", "Abbey Mills", "Kew Bridge", "Claymills", "Crofton", "Westonzoyland",
            "Prickwillow", "Dogdyke", "Tees Cottage", "Coleham", "Eastney", "Twyford", "Mill Meece", "Bratch"]
ROLES = ["engineman", "stoker", "fitter", "boilersmith", "turncock", "cisternman", "greaser", "foreman", "clerk",
         "lampman", "coalheaver", "gaugekeeper"]
SURN = ["Hodge", "Pascoe", "Trelawny", "Bickford", "Penrose", "Nance", "Rowe", "Oates", "Jory", "Vivian", "Polglase",
        "Tonkin", "Curnow", "Hocking", "Angove", "Kitto", "Rundle", "Sobey", "Teague", "Uren"]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def loop(files: list[str], cmd: str) -> str:
    return f'for f in {" ".join(files)}; do echo "== $f"; {cmd}; done'


# ---- sysusers / tmpfiles

def sysusers_conf(rng: random.Random, n: int, faults: float) -> str:
    out = ["# pumpstation: the station's accounts", "g boilers 612", "g enginemen -", "g cisterns -"]
    used = set()
    for i in range(n):
        name = f"{rng.choice(ROLES)}{i:03d}"
        used.add(name)
        r = rng.random()
        if r < faults * 0.2:
            out.append(f"x {name} - \"bad type\"")
        elif r < faults * 0.4:
            out.append(f"u {name.upper()}:{i} - \"{rng.choice(SURN)}\" /home/{name}")
        elif r < faults * 0.55:
            out.append(f"u {name} abc \"{rng.choice(SURN)}\"")
        elif r < faults * 0.7:
            out.append(f"m {name} nosuchgroup{i}")
        elif r < faults * 0.85:
            out.append(f"r - 900-80")
        elif r < faults:
            out.append(f"u {name} {2000 + i}:boilers \"{rng.choice(SURN)}\" /var/lib/pump /bin/sh extra")
        else:
            uid = "-" if rng.random() < 0.5 else str(3000 + i)
            out.append(f"u {name} {uid} \"{rng.choice(SURN)} the {name[:-3]}\" /var/lib/pump/{name}")
            if rng.random() < 0.3:
                out.append(f"m {name} {rng.choice(['boilers', 'enginemen', 'cisterns'])}")
    return "\n".join(out) + "\n"


TMP_TYPES = ["d", "D", "f", "F", "w", "L", "L+", "z", "Z", "x", "r", "R", "q", "v", "e", "C"]


def tmpfiles_conf(rng: random.Random, n: int, faults: float) -> str:
    out = ["# pumpstation: runtime and state directories"]
    for i in range(n):
        eng = slug(rng.choice(ENGINES)) + str(i)
        r = rng.random()
        if r < faults * 0.2:
            out.append(f"d /var/lib/pump/{eng} 0999 root root -")
        elif r < faults * 0.35:
            out.append(f"d /run/pump/{eng} 0750 {rng.choice(ROLES)} root 10d")
        elif r < faults * 0.5:
            out.append(f"y /var/log/beam/{eng} 0644 root root -")
        elif r < faults * 0.6:
            out.append(f"d var/lib/pump/{eng} 0755 root root -")
        elif r < faults * 0.7:
            out.append(f"d /srv/boiler/{eng} 0755 root nogroup{i} -")
        elif r < faults * 0.8:
            out.append(f"d /run/pump/{eng} 0755 root root 10x")
        elif r < faults * 0.9:
            out.append(f"L+ /etc/pump/{eng}.conf")
        elif r < faults:
            out.append("X")
        else:
            t = rng.choice(["d", "d", "d", "f", "L+", "z", "e"])
            if t == "L+":
                out.append(f"L+ /etc/pump/{eng}.conf - - - - /usr/share/pump/{eng}.conf")
            elif t == "f":
                out.append(f"f /var/lib/pump/{eng}.gauge 0644 root root - {rng.randint(1, 99)}")
            else:
                out.append(f"{t} /var/lib/pump/{eng} 0755 root root {rng.choice(['-', '30d', '1w'])}")
    return "\n".join(out) + "\n"


def step_sysusers(tmp: Path) -> None:
    rng = random.Random(SEED)
    for label, n, faults in [("s", 12, 0.3), ("m", 60, 0.15), ("l", 260, 0.08), ("xl", 700, 0.04)]:
        r = tmp / f"sysroot-{label}"
        (r / "etc/sysusers.d").mkdir(parents=True)
        (r / "etc/sysusers.d/pumpstation.conf").write_text(sysusers_conf(rng, n, faults))
        if label in ("m", "l"):
            (r / "etc/sysusers.d/cisterns.conf").write_text(sysusers_conf(rng, n // 4, 0.4))
        S.cap(f"sysusers-dry-run-{label}", f"systemd-sysusers --dry-run --root={r}", tmp, n_sysusers, timeout=120)
    r = tmp / "sysroot-t"
    r.mkdir()
    (r / "stokers.conf").write_text(sysusers_conf(rng, 40, 0.25))
    S.cap("sysusers-dry-run-file", f"systemd-sysusers --dry-run --root={r} {r}/stokers.conf", tmp, n_sysusers,
          timeout=120)


def step_tmpfiles(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    for label, n, faults, extra in [("s", 14, 0.5, ""), ("m", 90, 0.3, ""), ("l", 500, 0.2, " --remove --boot"),
                                    ("xl", 1400, 0.15, "")]:
        r = tmp / f"tmproot-{label}"
        (r / "etc/tmpfiles.d").mkdir(parents=True)
        (r / "etc/tmpfiles.d/pumpstation.conf").write_text(tmpfiles_conf(rng, n, faults))
        if label != "s":
            (r / "etc/tmpfiles.d/boilers.conf").write_text(tmpfiles_conf(rng, n // 3, faults))
        S.cap(f"tmpfiles-create-{label}", f"systemd-tmpfiles --root={r} --create{extra}", tmp, n_tmpfiles,
              timeout=180)


# ---- units (systemctl --root, systemd-analyze condition)

def unit(rng: random.Random, name: str, faults: float) -> str:
    lines = ["[Unit]", f"Description=Pumpstation {name}"]
    if rng.random() < 0.5:
        lines.append(f"After={slug(rng.choice(ENGINES))}-boiler.service")
    lines += ["", "[Service]", f"ExecStart=/usr/lib/pumpstation/{name}", "User=engineman", ""]
    r = rng.random()
    if r < faults * 0.5:
        pass  # no [Install]
    elif r < faults * 0.75:
        lines += ["[Install]", "WantedBy=multi-user.target", f"Alias={name}.timer"]
    elif r < faults:
        lines += ["[Install]", f"WantedBy={rng.choice(['pumping.target', 'multi-user.target'])}",
                  f"Also={name}-missing.service"]
    else:
        lines += ["[Install]", f"WantedBy={rng.choice(['multi-user.target', 'multi-user.target', 'pumping.target'])}"]
        if rng.random() < 0.2:
            lines.append(f"Alias={name}-alias.service")
    return "\n".join(lines) + "\n"


def make_units(rng: random.Random, r: Path, n: int, faults: float) -> list[str]:
    (r / "etc/systemd/system").mkdir(parents=True)
    d = r / "usr/lib/systemd/system"  # vendor units, so that mask can shadow them from /etc
    d.mkdir(parents=True)
    (d / "multi-user.target").write_text("[Unit]\nDescription=Multi-User System\n")
    (d / "pumping.target").write_text("[Unit]\nDescription=Pumping\n\n[Install]\nWantedBy=multi-user.target\n")
    names = []
    for i in range(n):
        nm = f"{slug(rng.choice(ENGINES))}-{rng.choice(['engine', 'boiler', 'feedpump', 'governor', 'gauge'])}{i}"
        t = ".timer" if rng.random() < 0.1 else ".service"
        body = unit(rng, nm, faults)
        if t == ".timer":
            body = body.replace("[Service]", "[Timer]").replace(f"ExecStart=/usr/lib/pumpstation/{nm}",
                                                                "OnCalendar=hourly").replace("User=engineman", "")
        (d / (nm + t)).write_text(body)
        names.append(nm + t)
    return names


def step_units(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for label, n, faults in [("s", 8, 0.5), ("m", 40, 0.3), ("l", 200, 0.2)]:
        r = tmp / f"unitroot-{label}"
        names = make_units(rng, r, n, faults)
        ask = names + ["pumping.target"]
        S.cap(f"systemctl-enable-{label}", f"systemctl --root={r} enable " + " ".join(ask), tmp, n_systemctl_enable,
              timeout=120)
        masked = " ".join(rng.sample(names, 2))
        cm.run(f"systemctl --root={r} mask {masked}", timeout=60)
    r = tmp / "unitroot-s"
    S.cap("systemctl-enable-missing", f"systemctl --root={r} enable pumping.target "
          f"{slug(rng.choice(ENGINES))}-standpipe.service", tmp, n_systemctl_enable, timeout=120)
    r = tmp / "unitroot-m"
    S.cap("systemctl-disable-m", f"systemctl --root={r} disable " + " ".join(
        p.name for p in sorted((r / "usr/lib/systemd/system").glob("*.service"))[:25]), tmp, n_systemctl_enable,
        timeout=120)
    for label in ("s", "m", "l"):
        r = tmp / f"unitroot-{label}"
        S.cap(f"list-unit-files-{label}", f"systemctl --root={r} list-unit-files --no-pager", tmp,
              n_list_unit_files, timeout=120)
    r = tmp / "unitroot-l"
    S.cap("list-unit-files-l-services", f"systemctl --root={r} list-unit-files --no-pager --type=service "
          "'*-engine*' '*-boiler*'", tmp, n_list_unit_files, timeout=120)


COND = ["ConditionPathExists=/etc/pumpstation/{e}.conf", "ConditionPathExists=!/run/pumpstation/{e}.lock",
        "ConditionDirectoryNotEmpty=/var/lib/pumpstation", "ConditionArchitecture=x86-64",
        "ConditionArchitecture=arm64", "ConditionVirtualization=no", "ConditionMemory=>{m}M",
        "ConditionCPUs=>={c}", "ConditionKernelVersion=>=5.{c}", "ConditionEnvironment=PUMP_{E}",
        "ConditionUser=root", "ConditionUser=engineman", "ConditionFileNotEmpty=/etc/hostname",
        "ConditionPathIsDirectory=/tmp", "AssertPathExists=/usr/lib/pumpstation/{e}", "AssertCPUs=>=1",
        "ConditionHost=boilerhouse-{c}", "ConditionFirstBoot=yes", "ConditionOSRelease=ID=debian",
        "ConditionBoilerPressure=>{m}", "ConditionMemory=lots", "ConditionPathExists=relative/{e}"]


def step_condition(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "cond"
    d.mkdir()
    files = []
    for i in range(24):
        e = slug(rng.choice(ENGINES)) + str(i)
        cs = [rng.choice(COND).format(e=e, E=e.upper().replace("-", "_"), m=rng.choice([64, 512, 4096, 65536]),
                                      c=rng.randint(1, 16)) for _ in range(rng.randint(2, 7))]
        (d / f"{e}.cond").write_text("\n".join(cs) + "\n")
        files.append(f"cond/{e}.cond")
    one = " ".join(f"'{c}'" for c in (d / Path(files[0]).name).read_text().split("\n") if c)
    S.cap("analyze-condition-one", f"systemd-analyze condition {one}", tmp, n_condition, timeout=60)
    S.cap("analyze-condition-loop-8", loop(files[:8], 'xargs -d "\\n" systemd-analyze condition < "$f"'), tmp,
          n_condition, timeout=120)
    S.cap("analyze-condition-loop-24", loop(files, 'xargs -d "\\n" systemd-analyze condition < "$f" 2>&1'), tmp,
          n_condition, timeout=240)


# ---- sshd -T

SSHD_OPTS = [("Port", lambda r: str(PORT)), ("ListenAddress", lambda r: "127.0.0.1"),
             ("PermitRootLogin", lambda r: r.choice(["no", "prohibit-password", "yes", "maybe"])),
             ("PasswordAuthentication", lambda r: r.choice(["no", "yes", "sometimes"])),
             ("PubkeyAuthentication", lambda r: "yes"), ("MaxAuthTries", lambda r: r.choice(["3", "6", "three"])),
             ("MaxSessions", lambda r: r.choice(["2", "10"])),
             ("AllowUsers", lambda r: " ".join(r.sample([x.lower() for x in SURN], 3))),
             ("AllowGroups", lambda r: r.choice(["enginemen", "enginemen boilers"])),
             ("X11Forwarding", lambda r: r.choice(["no", "yes"])), ("UsePAM", lambda r: r.choice(["no", "yes"])),
             ("ClientAliveInterval", lambda r: r.choice(["30", "300", "5m", "-1"])),
             ("LoginGraceTime", lambda r: r.choice(["30", "2m", "forever"])),
             ("Ciphers", lambda r: r.choice(["aes256-gcm@openssh.com,chacha20-poly1305@openssh.com",
                                              "aes128-ctr,blowfish-cbc"])),
             ("Subsystem", lambda r: "sftp internal-sftp"),
             ("BoilerPressure", lambda r: "120psi"), ("PermitEmptyPasswords", lambda r: r.choice(["no", "yes"]))]


def sshd_conf(rng: random.Random, faults: bool) -> str:
    out = ["# pumpstation: the engine house's sshd"]
    for k, f in SSHD_OPTS:
        if rng.random() < 0.8:
            v = f(rng)
            out.append(f"{k} {v}")
    if not faults:
        out = [x for x in out if not re.search(r"maybe|sometimes|three|forever|BoilerPressure|5m|-1", x)]
    out.append(f"Match User {rng.choice(SURN).lower()}\n    X11Forwarding no\n    AllowTcpForwarding no")
    return "\n".join(out) + "\n"


def step_sshd(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "ssh"
    d.mkdir()
    cm.run(f"ssh-keygen -q -t ed25519 -N '' -f {d}/hostkey", timeout=60)
    (tmp / "run-sshd").mkdir()
    files = []
    for i, st in enumerate(STATIONS[:10]):
        (d / f"{slug(st)}.conf").write_text(sshd_conf(rng, faults=i % 3 != 0))
        files.append(f"ssh/{slug(st)}.conf")
    good = files[0]
    S.cap("sshd-T-one", f"/usr/sbin/sshd -T -f {good} -h ssh/hostkey", tmp, n_sshd_T, timeout=60)
    S.cap("sshd-T-match", f"/usr/sbin/sshd -T -f {files[3]} -h ssh/hostkey -C user=hodge,host=boilerhouse,"
          "addr=127.0.0.1", tmp, n_sshd_T, timeout=60)
    S.cap("sshd-T-loop", loop(files, '/usr/sbin/sshd -T -f "$f" -h ssh/hostkey 2>&1'), tmp, n_sshd_T, timeout=120)


# ---- redis

REDIS_BAD = ["maxmemory 12XB", "save 900", "appendfsync sometimes", "port 99999", "bind", "databases -3",
             "maxmemory-policy evict-oldest-boiler", "loglevel chatty", "timeout forever", "requirepass",
             "rename-command", "hz abc", "io-threads 0", "tcp-backlog lots", "pumping-mode beam"]


def step_redis(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "redis"
    d.mkdir()
    files = []
    for i, st in enumerate(STATIONS):
        body = [f"# {st} cistern cache", f"port {PORT}", "bind 127.0.0.1", f"dir {d}", "save \"\"",
                "appendonly no", "maxmemory 64mb"]
        body.insert(rng.randint(3, len(body)), rng.choice(REDIS_BAD))
        (d / f"{slug(st)}.conf").write_text("\n".join(body) + "\n")
        files.append(f"redis/{slug(st)}.conf")
    S.cap("redis-server-conf-loop-6", loop(files[:6], 'timeout 10 redis-server "$f" 2>&1'), tmp, n_redis_conf,
          timeout=120)
    S.cap("redis-server-conf-loop-16", loop(files, 'timeout 10 redis-server "$f" 2>&1'), tmp, n_redis_conf,
          timeout=240)
    # a real dump: a loopback server fed the station's keys, saved, stopped
    cm.run(f"redis-server --port {PORT} --bind 127.0.0.1 --dir {d} --dbfilename pump.rdb --save '' "
           "--appendonly no --daemonize yes --pidfile {d}/r.pid --logfile {d}/r.log".replace("{d}", str(d)),
           timeout=30)
    time.sleep(1.0)
    cmds = []
    for i in range(4000):
        e = slug(rng.choice(ENGINES))
        k = rng.random()
        if k < 0.4:
            cmds.append(f"SET engine:{e}:{i}:strokes {rng.randint(1, 99999)}")
        elif k < 0.6:
            cmds.append(f"HSET boiler:{i} pressure {rng.randint(20, 80)} coal {rng.randint(1, 40)} man {rng.choice(SURN)}")
        elif k < 0.75:
            cmds.append(f"RPUSH log:{e} " + " ".join(str(rng.randint(1, 999)) for _ in range(rng.randint(1, 20))))
        elif k < 0.9:
            cmds.append(f"SADD crew:{e} " + " ".join(rng.sample(SURN, rng.randint(1, 6))))
        else:
            cmds.append(f"SET standpipe:{i}:level {rng.randint(1, 500)} EX {rng.randint(600, 99999)}")
    (d / "feed.txt").write_text("\n".join(cmds) + "\nSELECT 2\nSET reservoir:level 1200\nSAVE\n")
    cm.run(f"redis-cli -p {PORT} < feed.txt > /dev/null; redis-cli -p {PORT} SAVE; redis-cli -p {PORT} shutdown nosave",
           cwd=d, timeout=120)
    time.sleep(0.5)
    raw = (d / "pump.rdb").read_bytes()
    (d / "ok.rdb").write_bytes(raw)
    (d / "truncated.rdb").write_bytes(raw[: len(raw) * 3 // 5])
    mid = bytearray(raw)
    for off in range(len(mid) // 2, len(mid) // 2 + 64):
        mid[off] = 0xFF
    (d / "overwritten.rdb").write_bytes(bytes(mid))
    (d / "header.rdb").write_bytes(b"REDIX0010" + raw[9:])
    (d / "crc.rdb").write_bytes(raw[:-3] + bytes((raw[-3] ^ 0x55, raw[-2], raw[-1])))
    (d / "empty.rdb").write_bytes(b"")
    rdbs = ["redis/ok.rdb", "redis/truncated.rdb", "redis/overwritten.rdb", "redis/header.rdb", "redis/crc.rdb",
            "redis/empty.rdb"]
    S.cap("check-rdb-ok", "redis-check-rdb redis/ok.rdb", tmp, n_check_rdb, timeout=60)
    S.cap("check-rdb-truncated", "redis-check-rdb redis/truncated.rdb", tmp, n_check_rdb, timeout=60)
    S.cap("check-rdb-overwritten", "redis-check-rdb redis/overwritten.rdb", tmp, n_check_rdb, timeout=60)
    S.cap("check-rdb-loop", loop(rdbs, 'redis-check-rdb "$f" 2>&1'), tmp, n_check_rdb, timeout=120)


# ---- dnsmasq, chrony

DNSMASQ_BAD = ["dhcp-range=10.53.0.50,10.53.0.10,12h", "bogus-priv-pump=1", "cache-size=lots", "port=99999",
               "dhcp-host=00:11:22:33:44,boiler1,10.53.0.20", "address=/standpipe.lan", "listen-address=10.53.0.300",
               "dhcp-option=option:router", "local-ttl=-5", "conf-file=/etc/pumpstation/missing.conf"]


def step_dnsmasq(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    d = tmp / "dnsmasq"
    d.mkdir()
    files = []
    for i, st in enumerate(STATIONS):
        body = [f"# {st} engine house", f"port={PORT}", "listen-address=127.0.0.1", "bind-interfaces", "no-resolv",
                "domain=pumpstation.lan", "dhcp-range=10.53.0.10,10.53.0.50,12h"]
        for k in range(rng.randint(3, 12)):
            body.append(f"host-record={slug(rng.choice(ENGINES))}{k}.pumpstation.lan,10.53.{i}.{k + 2}")
        if i % 4 != 3:
            body.insert(rng.randint(2, len(body)), rng.choice(DNSMASQ_BAD))
        (d / f"{slug(st)}.conf").write_text("\n".join(body) + "\n")
        files.append(f"dnsmasq/{slug(st)}.conf")
    S.cap("dnsmasq-test-loop-8", loop(files[:8], 'dnsmasq --test -C "$f" 2>&1'), tmp, n_dnsmasq, timeout=120)
    S.cap("dnsmasq-test-loop-16", loop(files, 'dnsmasq --test --conf-file="$f" 2>&1'), tmp, n_dnsmasq, timeout=120)


CHRONY_BAD = ["maxupdateskew abc", "makestep 1", "server", "pool 2.debian.pool.ntp.org iburst maxsources lots",
              "driftfile", "allow 10.53.0.0/33", "refclock PPS", "boilerpressure 120", "rtcsync yes please",
              "logdir"]


def chrony_conf(rng: random.Random, st: str, fault: bool) -> str:
    body = [f"# {st} clock for the engine logs"]
    for k in range(rng.randint(1, 4)):
        body.append(f"server 127.0.0.{k + 1} iburst minpoll {rng.randint(4, 6)}")
    if rng.random() < 0.5:
        body.append("pool 2.debian.pool.ntp.org iburst maxsources 2")
    body += ["driftfile /var/lib/chrony/pump.drift", "makestep 1.0 3", f"allow 10.53.{rng.randint(0, 9)}.0/24",
             "deny 10.53.9.0/24", "rtcsync", f"port {PORT}", "cmdport 0"]
    if fault:
        body.insert(rng.randint(2, len(body)), rng.choice(CHRONY_BAD))
    return "\n".join(body) + "\n"


def step_chrony(tmp: Path) -> None:
    rng = random.Random(SEED + 7)
    d = tmp / "chrony"
    d.mkdir()
    files = []
    for i, st in enumerate(STATIONS):
        (d / f"{slug(st)}.conf").write_text(chrony_conf(rng, st, i % 3 != 0))
        files.append(f"chrony/{slug(st)}.conf")
    S.cap("chronyd-p-good", f"chronyd -p -f {files[0]}", tmp, n_chronyd, timeout=60)
    S.cap("chronyd-p-loop-6", loop(files[:6], 'chronyd -p -f "$f" 2>&1'), tmp, n_chronyd, timeout=120)
    S.cap("chronyd-p-loop-16", loop(files, 'chronyd -p -f "$f" 2>&1'), tmp, n_chronyd, timeout=120)


# ---- bash -n

BASH_FAULTS = [("fi", ""), ("done", ""), ("esac", ""), ('"$ENGINE"', '"$ENGINE'), ("then", ""),
               ("}", ""), ("$(date)", "$(date"), ("do", "")]


def bash_script(rng: random.Random, name: str, n_funcs: int, fault: bool) -> str:
    out = ["#!/bin/bash", f"# {name}: the engine house's rounds", "set -euo pipefail", 'ENGINE="${1:-boulton}"', ""]
    for i in range(n_funcs):
        f = f"check_{slug(rng.choice(ENGINES)).replace('-', '_')}_{i}"
        out += [f"{f}() {{", f'  local pressure=$(( RANDOM % {rng.randint(40, 120)} ))',
                f'  if [ "$pressure" -gt {rng.randint(30, 90)} ]; then', f'    echo "$ENGINE: boiler {i} high at $(date)"',
                "  fi", f'  for man in {" ".join(rng.sample(SURN, 3))}; do', '    echo "rota $man"', "  done",
                '  case "$ENGINE" in', "    boulton|watt) echo beam ;;", "    *) echo other ;;", "  esac", "}", ""]
    if fault:
        bad, good = rng.choice(BASH_FAULTS)
        idx = [i for i, ln in enumerate(out) if bad in ln and i > 4]
        if idx:
            k = rng.choice(idx)
            out[k] = out[k].replace(bad, good, 1)
    return "\n".join(out) + "\n"


def step_bash(tmp: Path) -> None:
    rng = random.Random(SEED + 8)
    d = tmp / "sh"
    d.mkdir()
    files = []
    for i in range(320):
        nm = f"{slug(rng.choice(STATIONS))}-{rng.choice(ROLES)}-{i:03d}.sh"
        (d / nm).write_text(bash_script(rng, nm, rng.randint(1, 8), fault=rng.random() < 0.6))
        files.append(f"sh/{nm}")
    S.cap("bash-n-loop-12", loop(files[:12], 'bash -n "$f"'), tmp, n_bash_n, timeout=120)
    S.cap("bash-n-loop-80", loop(files[:80], 'bash -n "$f" 2>&1'), tmp, n_bash_n, timeout=120)
    S.cap("bash-n-loop-320", loop(["sh/*.sh"], 'bash -n "$f" 2>&1 || echo "FAILED: $f"'), tmp, n_bash_n,
          timeout=240)
    S.cap("bash-n-find", "find sh -name '*.sh' | sort | head -40 | xargs -n1 bash -n", tmp, n_bash_n, timeout=120)


# ---- dclint

def compose(rng: random.Random, n: int, faults: float) -> str:
    out = ["services:"] if rng.random() < 0.5 else ["version: '3.8'", "services:"]
    used_ports = []
    for i in range(n):
        nm = f"{slug(rng.choice(ENGINES))}-{rng.choice(['engine', 'boiler', 'gauge', 'governor'])}{i}"
        if rng.random() < faults * 0.3:
            nm = nm.upper() + "_X"
        out.append(f"  {nm}:")
        keys = []
        keys.append(f"    image: pumpstation/{slug(nm)}" + ("" if rng.random() < faults else f":1.{i}"))
        port = 18000 + rng.randint(0, 40)
        if rng.random() < faults and used_ports:
            port = rng.choice(used_ports)
        used_ports.append(port)
        q = "" if rng.random() < faults else '"'
        keys.append(f"    ports:\n      - {q}127.0.0.1:{port}:80{q}")
        keys.append(f"    environment:\n      BOILER_PRESSURE: \"{rng.randint(20, 80)}\"\n      ENGINEMAN: {rng.choice(SURN)}")
        if faults >= 0.5 and rng.random() < faults:
            keys.append(f"    boiler_pressure: {rng.randint(1, 99)}")
        if rng.random() < 0.5:
            keys.append("    restart: unless-stopped")
        if i and rng.random() < 0.5:
            keys.append("    depends_on:\n      - " + out[1 if out[0] == "services:" else 2].strip().rstrip(":"))
        if rng.random() < faults:
            keys.append(f"    container_name: {slug(nm)}")
        if rng.random() < faults:
            rng.shuffle(keys)
        out += keys
    return "\n".join(out) + "\n"


def step_dclint(tmp: Path) -> None:
    rng = random.Random(SEED + 9)
    d = tmp / "compose"
    d.mkdir()
    for label, n, faults in [("s", 3, 0.5), ("m", 12, 0.3), ("l", 40, 0.25), ("xl", 120, 0.2)]:
        (d / f"{label}").mkdir()
        (d / label / "docker-compose.yml").write_text(compose(rng, n, faults))
    # node cuts its piped stdout at 64 KiB when dclint exits, so its report goes through a file
    for label in ("s", "m", "l", "xl"):
        typed = f"dclint compose/{label}/docker-compose.yml"
        S.cap(f"dclint-{label}", f"{typed} > dclint-{label}.out 2>&1; cat dclint-{label}.out", tmp, n_dclint,
              timeout=180, typed=typed)


def ensure_tools() -> None:
    cm.install_npm(JS, "dclint", ["dclint"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), "/usr/sbin"]


def steps():
    return [step_sysusers, step_tmpfiles, step_units, step_condition, step_sshd, step_redis, step_dnsmasq,
            step_chrony, step_bash, step_dclint]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide533-", OUT, TMP, bands=(4_000, 20_000))
