#!/usr/bin/env python3
"""Round 541: second samples of round 533's kinds (systemd-sysusers --dry-run, systemd-tmpfiles --create, systemctl
--root enable/disable and list-unit-files, systemd-analyze condition, sshd -T, redis-check-rdb and redis-server's
config errors, dnsmasq --test, chronyd -p, bash -n, dclint) on a canal back-pumping house's configuration
(`backpump`, seed 54110: lifts, cisterns, lock-keepers) with other faults than round 533's. No new rules: every
extractor is round 533's, imported. See NEEDLES.md, round 541.

Usage:   .venv/bin/python scripts/corpus/capture_wide541.py
Writes:  scripts/corpus/data/wide541.json, ids prefixed "wide541-".
Tools:   Debian's systemd 252, openssh-server, redis-server/redis-tools, dnsmasq, chrony and bash as found; the npm
         dclint in /dev/shm/hm-corpus-wide541/js (made once). One loopback redis-server on 127.0.0.1:18541, stopped.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide533 import (loop, n_bash_n, n_check_rdb, n_chronyd, n_condition, n_dclint,  # noqa: E402
                             n_dnsmasq, n_list_unit_files, n_redis_conf, n_sshd_T, n_systemctl_enable, n_sysusers,
                             n_tmpfiles, slug)

ROOT = Path("/dev/shm/hm-corpus-wide541")
TMP = Path("/dev/shm/hm-corpus-wide541-run")
JS = ROOT / "js"
OUT = HERE / "data" / "wide541.json"
SEED = 54110
PORT = 18541
S = cm.Sized(400, 120_000)

# ================================================================== material (seed 54110)

LOCKS = ["Tardebigge", "Caen Hill", "Foxton", "Hatton", "Bingley", "Wigan", "Marple", "Audlem", "Stoke Bruerne",
         "Devizes", "Grindley Brook", "Watford Gap", "Bosley", "Tyrley", "Delph", "Rushall"]
PARTS = ["lift", "cistern", "sluice", "summit", "sidepond", "paddle", "culvert", "weir", "feeder", "backpump",
         "pound", "gate"]
ROLES = ["lockkeeper", "lengthsman", "pumpman", "sluicekeeper", "toll-clerk", "puddler", "boatman", "leggers",
         "wharfinger", "gauger", "weirman", "ganger"]
SURN = ["Brindley", "Telford", "Jessop", "Outram", "Rennie", "Whitworth", "Dadford", "Pinkerton", "Crosley",
        "Smeaton", "Clowes", "Longbotham", "Sheasby", "Simcock", "Varley", "Fulton", "Cartwright", "Gilbert",
        "Dundas", "Priestley"]


# ---- sysusers

def sysusers_conf(rng: random.Random, n: int, faults: float) -> str:
    out = ["# backpump: the pumping house's accounts", "g lockkeepers 741", "g pumpmen -", "g lengthsmen -"]
    names = []
    for i in range(n):
        name = f"{rng.choice(ROLES).replace('-', '')}{i:03d}"
        r = rng.random()
        if r < faults * 0.14:
            out.append(f"u {name}-of-the-{slug(rng.choice(LOCKS))}-flight-summit - \"long\"")
        elif r < faults * 0.28:
            out.append(f"u {i}{name} - \"{rng.choice(SURN)}\"")
        elif r < faults * 0.42:
            out.append(f"u {name} - \"{rng.choice(SURN)}: keeper of {rng.choice(LOCKS)}\" /var/lib/backpump")
        elif r < faults * 0.56:
            out.append(f"u {name} - \"{rng.choice(SURN)}\" var/lib/backpump/{name} bin/sh")
        elif r < faults * 0.7:
            out.append(f"u {name} {rng.choice(['65535', '4294967295', '-7'])} \"{rng.choice(SURN)}\"")
        elif r < faults * 0.84 and names:
            prev = rng.choice(names)
            out.append(f"u {prev} {5000 + i} \"{rng.choice(SURN)} again\"")
        elif r < faults:
            out.append(f"g {name}grp {rng.choice(['0x10', '99999999999', 'abc:def'])}")
        else:
            uid = "-" if rng.random() < 0.5 else str(4000 + i)
            out.append(f"u {name} {uid} \"{rng.choice(SURN)} the {name[:-3]}\" /var/lib/backpump/{name}")
            names.append(name)
            if rng.random() < 0.3:
                g = rng.choice(['lockkeepers', 'pumpmen', 'lengthsmen'])
                out.append(f"m {name} {g}")
                if rng.random() < faults * 2:
                    out.append(f"m {name} {g}")
    return "\n".join(out) + "\n"


def step_sysusers(tmp: Path) -> None:
    rng = random.Random(SEED)
    for label, n, faults in [("s", 14, 0.4), ("m", 70, 0.2), ("l", 300, 0.1), ("xl", 680, 0.05)]:
        r = tmp / f"sysroot-{label}"
        (r / "etc/sysusers.d").mkdir(parents=True)
        (r / "etc/sysusers.d/backpump.conf").write_text(sysusers_conf(rng, n, faults))
        if label in ("m", "xl"):
            (r / "usr/lib/sysusers.d").mkdir(parents=True)
            (r / "usr/lib/sysusers.d/lockkeepers.conf").write_text(sysusers_conf(rng, n // 5, 0.35))
        S.cap(f"sysusers-dry-run-{label}", f"systemd-sysusers --dry-run --root={r}", tmp, n_sysusers, timeout=120)


# ---- tmpfiles

def tmpfiles_conf(rng: random.Random, n: int, faults: float) -> str:
    out = ["# backpump: runtime and state directories"]
    paths = []
    for i in range(n):
        p = f"{slug(rng.choice(LOCKS))}-{rng.choice(PARTS)}{i}"
        r = rng.random()
        if r < faults * 0.13 and paths:
            out.append(f"d {rng.choice(paths)} 0700 root root -")
        elif r < faults * 0.26:
            out.append(f"d /var/lib/backpump/%Q/{p} 0755 root root -")
        elif r < faults * 0.39:
            out.append(f"c /dev/backpump-{p} 0660 root root - {rng.choice(['x:1', '300', '1:abc'])}")
        elif r < faults * 0.5:
            out.append(f"h /var/lib/backpump/{p} - - - - +Q")
        elif r < faults * 0.6:
            out.append(f"w /sys/backpump/{p}/level")
        elif r < faults * 0.7:
            out.append(f"d /var/lib/backpump/../{p} 0755 root root -")
        elif r < faults * 0.8:
            out.append(f"d /run/backpump/{p} 07a5 root root -")
        elif r < faults * 0.9:
            out.append(f"L /etc/backpump/{p}.conf - - - 5d /usr/share/backpump/{p}.conf")
        elif r < faults:
            out.append(f"p /run/backpump/{p}.fifo 0600 root root 1h")
        else:
            t = rng.choice(["d", "d", "f", "L", "z", "e", "q"])
            path = f"/var/lib/backpump/{p}"
            paths.append(path)
            if t == "L":
                out.append(f"L /etc/backpump/{p}.conf - - - - /usr/share/backpump/{p}.conf")
            elif t == "f":
                out.append(f"f {path}.level 0644 root root - {rng.randint(1, 999)}")
            else:
                out.append(f"{t} {path} 0755 root root {rng.choice(['-', '12h', '2w'])}")
    return "\n".join(out) + "\n"


def step_tmpfiles(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    for label, n, faults, extra in [("s", 30, 0.5, ""), ("m", 110, 0.3, " --clean"), ("l", 520, 0.15, ""),
                                    ("xl", 1300, 0.12, " --remove")]:
        r = tmp / f"tmproot-{label}"
        (r / "etc/tmpfiles.d").mkdir(parents=True)
        (r / "etc/tmpfiles.d/backpump.conf").write_text(tmpfiles_conf(rng, n, faults))
        if label != "s":
            (r / "etc/tmpfiles.d/cisterns.conf").write_text(tmpfiles_conf(rng, n // 4, faults))
        S.cap(f"tmpfiles-create-{label}", f"systemd-tmpfiles --root={r} --create{extra}", tmp, n_tmpfiles,
              timeout=180)


# ---- units

def unit(rng: random.Random, name: str, kind_: str, faults: float) -> str:
    lines = ["[Unit]", f"Description=Backpump {name}"]
    if rng.random() < 0.4:
        lines.append(f"Requires={slug(rng.choice(LOCKS))}-sluice.service")
    sec = {"service": "[Service]", "timer": "[Timer]", "socket": "[Socket]"}[kind_]
    body = {"service": [f"ExecStart=/usr/lib/backpump/{name} %i", "User=pumpman"],
            "timer": ["OnCalendar=*:0/15"], "socket": [f"ListenStream=127.0.0.1:{PORT}"]}[kind_]
    lines += ["", sec, *body, ""]
    r = rng.random()
    if r < faults * 0.2:
        lines += ["[Install]", "WantedBy=multi-user.target", f"Alias={name} lift.service"]
    elif r < faults * 0.4:
        lines += ["[Install]", "WantedBy=cistern@.service"]
    elif r < faults * 0.6:
        lines += ["[Install]", "WantedBy=multi-user.target", "DefaultInstance=summit"]
    elif r < faults * 0.8:
        lines += ["[Install]", f"RequiredBy={slug(rng.choice(LOCKS))}-weir.service"]
    elif r < faults:
        lines += ["[Install]", "UpheldBy=backpumping.target", f"Alias={name}.{kind_}.{kind_}"]
    else:
        lines += ["[Install]", f"WantedBy={rng.choice(['multi-user.target', 'backpumping.target', 'timers.target'])}"]
        if rng.random() < 0.15:
            lines.append(f"Alias={name}-alias.{kind_}")
    return "\n".join(lines) + "\n"


def make_units(rng: random.Random, r: Path, n: int, faults: float) -> list[str]:
    (r / "etc/systemd/system").mkdir(parents=True)
    d = r / "usr/lib/systemd/system"
    d.mkdir(parents=True)
    (d / "multi-user.target").write_text("[Unit]\nDescription=Multi-User System\n")
    (d / "timers.target").write_text("[Unit]\nDescription=Timers\n")
    (d / "backpumping.target").write_text("[Unit]\nDescription=Back-pumping\n\n[Install]\nWantedBy=multi-user.target\n")
    (d / "cistern@.service").write_text("[Unit]\nDescription=Cistern %i\n\n[Service]\nExecStart=/bin/true %i\n\n"
                                        "[Install]\nWantedBy=backpumping.target\n")
    (d / "paddle@.service").write_text("[Unit]\nDescription=Paddle %i\n\n[Service]\nExecStart=/bin/true %i\n\n"
                                       "[Install]\nWantedBy=backpumping.target\nDefaultInstance=top\n")
    (d / "lengthsman.service").write_text("[Unit]\nDescription=Static lengthsman\n\n[Service]\nExecStart=/bin/true\n")
    names = []
    for i in range(n):
        kd = rng.choices(["service", "timer", "socket"], [8, 1, 1])[0]
        nm = f"{slug(rng.choice(LOCKS))}-{rng.choice(PARTS)}{i}"
        (d / f"{nm}.{kd}").write_text(unit(rng, nm, kd, faults))
        names.append(f"{nm}.{kd}")
    return names


def step_units(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for label, n, faults in [("s", 10, 0.6), ("m", 50, 0.3), ("l", 240, 0.15)]:
        r = tmp / f"unitroot-{label}"
        names = make_units(rng, r, n, faults)
        ask = names + ["backpumping.target", "paddle@.service", "cistern@summit.service"]
        S.cap(f"systemctl-enable-{label}", f"systemctl --root={r} enable " + " ".join(ask), tmp, n_systemctl_enable,
              timeout=120)
        cm.run(f"systemctl --root={r} mask " + " ".join(rng.sample(names, 2)), timeout=60)
    r = tmp / "unitroot-m"
    S.cap("systemctl-disable-m", f"systemctl --root={r} disable " + " ".join(
        p.name for p in sorted((r / "usr/lib/systemd/system").glob("*.service"))[:30]), tmp, n_systemctl_enable,
        timeout=120)
    r = tmp / "unitroot-l"
    S.cap("systemctl-reenable-l", f"systemctl --root={r} reenable " + " ".join(
        p.name for p in sorted((r / "usr/lib/systemd/system").glob("*.service"))[:60]), tmp, n_systemctl_enable,
        timeout=120)
    for label in ("s", "m", "l"):
        r = tmp / f"unitroot-{label}"
        S.cap(f"list-unit-files-{label}", f"systemctl --root={r} list-unit-files --no-pager", tmp,
              n_list_unit_files, timeout=120)
    r = tmp / "unitroot-l"
    S.cap("list-unit-files-l-state", f"systemctl --root={r} list-unit-files --no-pager "
          "--state=disabled,masked,static,alias", tmp, n_list_unit_files, timeout=120)
    S.cap("list-unit-files-l-pattern", f"systemctl --root={r} list-unit-files --no-pager --type=service,socket "
          "'*-lift*' '*-cistern*' '*-sluice*' 'paddle@*'", tmp, n_list_unit_files, timeout=120)


COND = ["ConditionPathIsSymbolicLink=/etc/backpump/{e}", "ConditionPathIsReadWrite=/",
        "ConditionPathExistsGlob=/etc/backpump/*.{e}", "ConditionFileIsExecutable=/bin/sh",
        "ConditionFileIsExecutable=/usr/lib/backpump/{e}", "ConditionKernelCommandLine=backpump.level={c}",
        "ConditionKernelCommandLine=!quiet", "ConditionSecurity=selinux", "ConditionSecurity=apparmor",
        "ConditionSecurity=moat", "ConditionCapability=CAP_NET_ADMIN", "ConditionCapability=CAP_LIFT_PADDLE",
        "ConditionACPower=true", "ConditionACPower=sometimes", "ConditionControlGroupController=memory",
        "ConditionControlGroupController=cistern", "ConditionGroup=lockkeepers", "ConditionGroup=root",
        "ConditionCPUFeature=sse4_2", "ConditionCPUFeature=paddlegear", "ConditionOSRelease=VERSION_ID>=12",
        "ConditionOSRelease=ID~debian", "ConditionOSRelease=ID", "ConditionPathIsMountPoint=/proc",
        "AssertFileIsExecutable=/usr/lib/backpump/{e}", "AssertPathIsReadWrite=/tmp",
        "ConditionLockLevel={c}", "ConditionNeedsUpdate=/etc", "ConditionPathIsSymbolicLink=relative/{e}",
        "AssertKernelCommandLine=backpump"]


def step_condition(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "cond"
    d.mkdir()
    files = []
    for i in range(40):
        e = f"{slug(rng.choice(LOCKS))}{i}"
        cs = [rng.choice(COND).format(e=e, c=rng.randint(1, 9)) for _ in range(rng.randint(3, 9))]
        (d / f"{e}.cond").write_text("\n".join(cs) + "\n")
        files.append(f"cond/{e}.cond")
    S.cap("analyze-condition-loop-10", loop(files[:10], 'xargs -d "\\n" systemd-analyze condition < "$f" 2>&1'),
          tmp, n_condition, timeout=240)
    S.cap("analyze-condition-loop-40", loop(files, 'xargs -d "\\n" systemd-analyze condition < "$f" 2>&1'),
          tmp, n_condition, timeout=400)
    many = " ".join(f"'{c}'" for c in COND if not any(b in c for b in ("LockLevel", "moat", "sometimes", "=ID",
                                                                            "relative", "{c}", "{e}", "paddlegear",
                                                                            "cistern", "ID~", "selinux")))
    S.cap("analyze-condition-many", f"systemd-analyze condition {many}", tmp, n_condition, timeout=60)


# ---- sshd -T

SSHD_BAD = ["Protocol 2", "UsePrivilegeSeparation sandbox", "RSAAuthentication yes", "Ciphers aes256-ctr,lift-cbc",
            "MACs hmac-sha2-256,hmac-paddle", "KexAlgorithms curve25519-sha256,sluice-kex",
            "MaxStartups 10:30:abc", "AllowUsers brindley@10.54.0.0/99", "Include /etc/ssh/backpump.d/missing.conf",
            "Match Lockkeeper telford", "PermitOpen cistern:notaport", "ChallengeResponseAuthentication perhaps"]
SSHD_GOOD = ["PermitRootLogin prohibit-password", "PasswordAuthentication no", "PubkeyAuthentication yes",
             "MaxAuthTries 4", "MaxSessions 6", "X11Forwarding no", "UsePAM no", "ClientAliveInterval 120",
             "LoginGraceTime 45", "PermitEmptyPasswords no", "Subsystem sftp internal-sftp",
             "KbdInteractiveAuthentication no", "AllowGroups lockkeepers pumpmen"]


def sshd_conf(rng: random.Random, nfaults: int) -> str:
    out = ["# backpump: the pumping house's sshd", f"Port {PORT}", "ListenAddress 127.0.0.1"]
    out += rng.sample(SSHD_GOOD, rng.randint(6, len(SSHD_GOOD)))
    if rng.random() < 0.5:
        out.append(f"Port {PORT + 10000}")
    for b in rng.sample(SSHD_BAD, nfaults):
        out.insert(rng.randint(3, len(out)), b)
    out.append(f"Match Group pumpmen\n    AllowTcpForwarding no\n    PermitTTY no")
    return "\n".join(out) + "\n"


def step_sshd(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "ssh"
    d.mkdir()
    cm.run(f"ssh-keygen -q -t ed25519 -N '' -f {d}/hostkey", timeout=60)
    files = []
    for i, lk in enumerate(LOCKS[:14]):
        (d / f"{slug(lk)}.conf").write_text(sshd_conf(rng, 0 if i % 4 == 0 else 1))
        files.append(f"ssh/{slug(lk)}.conf")
    S.cap("sshd-T-match", f"/usr/sbin/sshd -T -f {files[0]} -h ssh/hostkey -C user=telford,host=pumphouse,"
          "addr=127.0.0.1,lport=18541", tmp, n_sshd_T, timeout=60)
    S.cap("sshd-T-loop-5", loop(files[:5], '/usr/sbin/sshd -T -f "$f" -h ssh/hostkey 2>&1'), tmp, n_sshd_T,
          timeout=120)
    S.cap("sshd-T-loop-14", loop(files, '/usr/sbin/sshd -T -f "$f" -h ssh/hostkey 2>&1'), tmp, n_sshd_T,
          timeout=180)


# ---- redis

REDIS_BAD = ["replicaof 127.0.0.1", "notify-keyspace-events Zq!", "client-output-buffer-limit sluice 0 0 0",
             "appendfilename locks/backpump.aof", "maxmemory-samples 0", "maxclients -4", "lua-time-limit lots",
             "cistern-level 4", "dir /nonexistent/backpump", "list-max-listpack-size abc",
             "oom-score-adj-values 1 2", "unixsocketperm 999", "activedefrag perhaps", "tls-port 70000",
             "include /etc/backpump/missing-redis.conf", "latency-tracking-info-percentiles 50 abc"]


def step_redis(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "redis"
    d.mkdir()
    files = []
    bad = list(REDIS_BAD)
    rng.shuffle(bad)
    for i, lk in enumerate(LOCKS):
        body = [f"# {lk} flight: level cache", f"port {PORT}", "bind 127.0.0.1", f"dir {d}", "save \"\"",
                "appendonly no", "maxmemory 32mb", "maxmemory-policy allkeys-lru"]
        body.insert(rng.randint(3, len(body)), bad[i])
        (d / f"{slug(lk)}.conf").write_text("\n".join(body) + "\n")
        files.append(f"redis/{slug(lk)}.conf")
    S.cap("redis-server-conf-loop-5", loop(files[:5], 'timeout 10 redis-server "$f" 2>&1'), tmp, n_redis_conf,
          timeout=120)
    S.cap("redis-server-conf-loop-16", loop(files, 'timeout 10 redis-server "$f" 2>&1'), tmp, n_redis_conf,
          timeout=240)
    cm.run(f"redis-server --port {PORT} --bind 127.0.0.1 --dir {d} --dbfilename backpump.rdb --save '' "
           f"--appendonly no --daemonize yes --pidfile {d}/r.pid --logfile {d}/r.log", timeout=30)
    time.sleep(1.0)
    cmds = []
    for i in range(5000):
        lk = slug(rng.choice(LOCKS))
        k = rng.random()
        if k < 0.25:
            cmds.append(f"SET lock:{lk}:{i}:level {rng.randint(1, 9999)}")
        elif k < 0.4:
            cmds.append(f"HSET pump:{i} lift {rng.randint(1, 30)} keeper {rng.choice(SURN)} paddles {rng.randint(1, 8)}")
        elif k < 0.55:
            cmds.append(f"ZADD passages:{lk} " + " ".join(f"{rng.randint(1, 999)} boat{rng.randint(1, 500)}"
                                                        for _ in range(rng.randint(1, 12))))
        elif k < 0.7:
            cmds.append(f"XADD gauge:{lk} * level {rng.randint(1, 400)} cistern {rng.randint(1, 9)}")
        elif k < 0.82:
            cmds.append(f"LPUSH log:{lk} " + " ".join(str(rng.randint(1, 999)) for _ in range(rng.randint(1, 25))))
        elif k < 0.92:
            cmds.append(f"SADD keepers:{lk} " + " ".join(rng.sample(SURN, rng.randint(1, 7))))
        else:
            cmds.append(f"SET sidepond:{i}:fill {rng.randint(1, 100)} PX {rng.randint(900000, 99999999)}")
    (d / "feed.txt").write_text("\n".join(cmds) + "\nSELECT 3\nSET summit:pound 742\nSAVE\n")
    cm.run(f"redis-cli -p {PORT} < feed.txt > /dev/null; redis-cli -p {PORT} SAVE; "
           f"redis-cli -p {PORT} shutdown nosave", cwd=d, timeout=120)
    time.sleep(0.5)
    raw = (d / "backpump.rdb").read_bytes()
    (d / "ok.rdb").write_bytes(raw)
    (d / "early.rdb").write_bytes(raw[: len(raw) // 10])
    (d / "late.rdb").write_bytes(raw[: len(raw) * 19 // 20])
    mid = bytearray(raw)
    for off in range(len(mid) // 3, len(mid) // 3 + 200):
        mid[off] = 0
    (d / "zeroed.rdb").write_bytes(bytes(mid))
    (d / "version.rdb").write_bytes(b"REDIS0099" + raw[9:])
    (d / "trailing.rdb").write_bytes(raw + b"\x00backpump-trailing-garbage" * 20)
    (d / "header.rdb").write_bytes(raw[:9])
    rdbs = ["redis/ok.rdb", "redis/early.rdb", "redis/late.rdb", "redis/zeroed.rdb", "redis/version.rdb",
            "redis/trailing.rdb", "redis/header.rdb"]
    S.cap("check-rdb-early", "redis-check-rdb redis/early.rdb", tmp, n_check_rdb, timeout=60)
    S.cap("check-rdb-zeroed", "redis-check-rdb redis/zeroed.rdb", tmp, n_check_rdb, timeout=60)
    S.cap("check-rdb-trailing", "redis-check-rdb redis/trailing.rdb", tmp, n_check_rdb, timeout=60)
    S.cap("check-rdb-loop", loop(rdbs, 'redis-check-rdb "$f" 2>&1'), tmp, n_check_rdb, timeout=120)


# ---- dnsmasq, chrony

DNSMASQ_BAD = ["server=/lock.lan/999.1.1.1", "cname=summit.backpump.lan", "mx-host=backpump.lan,,abc",
               "srv-host=_lift._tcp.backpump.lan,lift.backpump.lan,99999", "ptr-record=10.54.0.9",
               "dhcp-range=10.54.0.10,10.54.0.90,255.255.300.0,12h", "min-port=70000", "dns-forward-max=-1",
               "neg-ttl=abc", "dhcp-lease-max=lots", "interface-name=", "cache-size=-20", "edns-packet-max=x",
               "dhcp-option=option:paddle-gear,1"]


def step_dnsmasq(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    d = tmp / "dnsmasq"
    d.mkdir()
    files = []
    for i, lk in enumerate(LOCKS):
        body = [f"# {lk} flight", f"port={PORT}", "listen-address=127.0.0.1", "bind-interfaces", "no-resolv",
                "domain=backpump.lan", "dhcp-range=10.54.0.10,10.54.0.90,12h"]
        for k in range(rng.randint(4, 14)):
            body.append(f"address=/{slug(rng.choice(LOCKS))}-{rng.choice(PARTS)}{k}.backpump.lan/10.54.{i}.{k + 2}")
        if i % 5 != 4:
            body.insert(rng.randint(2, len(body)), rng.choice(DNSMASQ_BAD))
        (d / f"{slug(lk)}.conf").write_text("\n".join(body) + "\n")
        files.append(f"dnsmasq/{slug(lk)}.conf")
    S.cap("dnsmasq-test-loop-10", loop(files[:10], 'dnsmasq --test -C "$f" 2>&1'), tmp, n_dnsmasq, timeout=120)
    S.cap("dnsmasq-test-loop-16", loop(files, 'dnsmasq --test --conf-file="$f" 2>&1'), tmp, n_dnsmasq,
          timeout=120)


CHRONY_BAD = ["local stratum 99", "bindaddress 10.54.0", "minsources lots", "maxsamples -1",
              "ratelimit interval x burst 8", "hwtimestamp", "server 127.0.0.9 minpoll abc",
              "server 127.0.0.9 iburst sluicegate", "maxdistance far", "clientloglimit -5", "corrtimeratio abc"]


def chrony_conf(rng: random.Random, lk: str, fault: bool) -> str:
    body = [f"# {lk} clock for the pumping logs"]
    for k in range(rng.randint(1, 5)):
        body.append(f"server 127.0.1.{k + 1} iburst maxpoll {rng.randint(6, 10)}")
    if rng.random() < 0.4:
        body.append(f"peer 127.0.2.{rng.randint(1, 9)}")
    body += ["driftfile /var/lib/chrony/backpump.drift", f"makestep 0.5 {rng.randint(1, 5)}",
             f"allow 10.54.{rng.randint(0, 15)}.0/24", "deny 10.54.15.0/24", f"port {PORT}", "cmdport 0"]
    if fault:
        body.insert(rng.randint(2, len(body)), rng.choice(CHRONY_BAD))
    return "\n".join(body) + "\n"


def step_chrony(tmp: Path) -> None:
    rng = random.Random(SEED + 7)
    d = tmp / "chrony"
    d.mkdir()
    files = []
    for i, lk in enumerate(LOCKS):
        (d / f"{slug(lk)}.conf").write_text(chrony_conf(rng, lk, i % 4 != 0))
        files.append(f"chrony/{slug(lk)}.conf")
    S.cap("chronyd-p-loop-8", loop(files[:8], 'chronyd -p -f "$f" 2>&1'), tmp, n_chronyd, timeout=120)
    S.cap("chronyd-p-loop-16", loop(files, 'chronyd -p -f "$f" 2>&1'), tmp, n_chronyd, timeout=120)


# ---- bash -n

BASH_FAULTS = [('echo "$LOCK: pumping', 'echo "$LOCK: pumping'.replace('"', "'", 1)),  # unclosed single quote
               ('[[ "$level"', '[[ "$level" && ( 1'), ("$(( level", "$(( level ( "), ("then", ""),
               ("fi", "fi )"), ("done", "done\n  done"), ("${LOCK}", "${LOCK"), ("fi", "fi\n  else :")]


def bash_script(rng: random.Random, name: str, n_funcs: int, fault: bool) -> str:
    out = ["#!/bin/bash", f"# {name}: the pumping house's rounds", "set -eu", 'LOCK="${1:-tardebigge}"', ""]
    for i in range(n_funcs):
        f = f"pump_{slug(rng.choice(LOCKS)).replace('-', '_')}_{i}"
        out += [f"{f}() {{", f"  local level=$(( RANDOM % {rng.randint(50, 400)} ))",
                f'  if [[ "$level" -lt {rng.randint(20, 200)} ]]; then', f'    echo "$LOCK: pumping cistern {i}"',
                f'  elif [ "$level" -gt {rng.randint(300, 390)} ]; then', '    echo "${LOCK} weir running"',
                "  fi", f"  for keeper in {' '.join(rng.sample(SURN, 3))}; do",
                f"    echo \"$keeper pound $(( level + {i} ))\"", "  done", "}", ""]
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
    for i in range(360):
        nm = f"{slug(rng.choice(LOCKS))}-{rng.choice(ROLES)}-{i:03d}.sh"
        (d / nm).write_text(bash_script(rng, nm, rng.randint(1, 7), fault=rng.random() < 0.55))
        files.append(f"sh/{nm}")
    S.cap("bash-n-loop-15", loop(files[:15], 'bash -n "$f" 2>&1'), tmp, n_bash_n, timeout=120)
    S.cap("bash-n-loop-100", loop(files[:100], 'bash -n "$f" 2>&1'), tmp, n_bash_n, timeout=180)
    S.cap("bash-n-loop-360", loop(["sh/*.sh"], 'bash -n "$f" 2>&1 || echo "BROKEN: $f"'), tmp, n_bash_n,
          timeout=300)
    S.cap("bash-n-find", "find sh -name '*lockkeeper*.sh' | sort | xargs -n1 bash -n", tmp, n_bash_n, timeout=120)


# ---- dclint

def compose(rng: random.Random, n: int, faults: float) -> str:
    out = ["version: '3.9'", "services:"] if rng.random() < 0.6 else ["name: backpump", "services:"]
    names, cnames = [], []
    for i in range(n):
        nm = f"{slug(rng.choice(LOCKS))}-{rng.choice(PARTS)}{i}"
        out.append(f"  {nm}:")
        if rng.random() < faults * 0.5:
            out.append(f"    build: ./{nm}")
        if rng.random() < faults:
            out.append(f"    image: backpump/{nm}")
        else:
            out.append(f"    image: backpump/{nm}:2.{i}")
        if rng.random() < faults and cnames:
            cn = rng.choice(cnames)
        else:
            cn = f"backpump-{nm}"
        cnames.append(cn)
        out.append(f"    container_name: {cn}")
        p = 28000 + rng.randint(0, 400)
        if rng.random() < faults:
            out.append(f"    ports:\n      - {p}-{p + 2}:{p}-{p + 2}")
        elif rng.random() < faults:
            out.append(f"    ports:\n      - \"{p}:80\"")
        else:
            out.append(f"    ports:\n      - \"127.0.0.1:{p}:80\"")
        if names and rng.random() < 0.5:
            deps = rng.sample(names, min(len(names), rng.randint(1, 3)))
            if rng.random() >= faults:
                deps.sort()
            out.append("    depends_on:\n" + "\n".join(f"      - {x}" for x in deps))
        out.append(f"    environment:\n      LOCK_KEEPER: {rng.choice(SURN)}\n      LIFT_FEET: \"{rng.randint(5, 40)}\"")
        names.append(nm)
    return "\n".join(out) + "\n"


def step_dclint(tmp: Path) -> None:
    rng = random.Random(SEED + 9)
    d = tmp / "compose"
    d.mkdir()
    for label, n, faults in [("s", 6, 0.5), ("m", 18, 0.3), ("l", 50, 0.25), ("xl", 110, 0.2)]:
        (d / label).mkdir()
        (d / label / "compose.yaml").write_text(compose(rng, n, faults))
    for label in ("s", "m", "l", "xl"):
        typed = f"dclint compose/{label}/compose.yaml"
        S.cap(f"dclint-{label}", f"{typed} > dclint-{label}.out 2>&1; cat dclint-{label}.out", tmp, n_dclint,
              timeout=180, typed=typed)


def ensure_tools() -> None:
    cm.install_npm(JS, "dclint", ["dclint"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), "/usr/sbin"]


def steps():
    return [step_sysusers, step_tmpfiles, step_units, step_condition, step_sshd, step_redis, step_dnsmasq,
            step_chrony, step_bash, step_dclint]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide541-", OUT, TMP, bands=(4_000, 20_000))
