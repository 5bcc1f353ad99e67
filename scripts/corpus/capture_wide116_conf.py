"""Round 116's configuration and compliance checkers and the extractors of their kinds (NEEDLES.md, "Round 116"):
OpenSCAP over the SCAP Security Guide's Debian content (`oscap info`, `oscap xccdf eval` of whole profiles, `oscap
oval eval`), `sshd -T` on the kiosk fleet's configs (a hardened one, a weak second one, one with a bad option, Match
blocks), `ssh -G` on the fleet's client config, `needrestart -b` and spectre-meltdown-checker on this machine. Run
through capture_wide116.py."""

from __future__ import annotations

import glob
import re
from pathlib import Path

import capture_more as cm
from capture_more import mask, run, write_tree
from capture_data import rule4
from capture_wide116 import cap

STATUS = re.compile(r"^EXIT=\d+$")


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


def _warn_groups(lines, pat):
    return cm.groups((mask(ln), ln) for ln in lines if re.search(pat, ln))


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

XCCDF_OK = {"pass", "notapplicable", "notchecked", "notselected", "informational"}
OSCAP_ERR = re.compile(r"OpenSCAP Error|^E: |\berror\b", re.I)
OSCAP_WARN = re.compile(r"^W: |\bwarning\b", re.I)


XCCDF_RESULTS = XCCDF_OK | {"fail", "error", "unknown", "fixed"}


def _xccdf_blocks(lines):
    """The rule blocks of an eval (Title, Rule, [Ident], Result), split at blank and `--` lines. oscap writes each
    label, a carriage return, then a tab and the value, so after the clean-up a line holds the value alone."""
    block = []
    for ln in lines + [""]:
        if not ln.strip() or ln.strip() == "--":
            if block:
                yield block
            block = []
        else:
            block.append(ln)


def _xval(ln):
    return re.sub(r"^(Title|Rule|Ident|Result)\s+", "", ln.strip())


@cm.kind("oscap-xccdf-eval", "test")
def n_oscap_xccdf_eval(lines):
    """Rule 5: for every rule whose Result is not pass/notapplicable/notchecked/notselected/informational, its Rule and Title lines (label-less after the clean-up); every OpenSCAP Error / E: line, warnings one {"any"} per message shape."""
    out, rest = [], []
    for block in _xccdf_blocks(lines):
        res = _xval(block[-1])
        if len(block) >= 2 and res in XCCDF_RESULTS:
            if res not in XCCDF_OK:
                for i, ln in enumerate(block):
                    if re.match(r"xccdf_\S+_rule_", _xval(ln)):
                        out += ([block[i - 1]] if i else []) + [ln]
                        break
        else:
            rest += block
    out += [ln for ln in rest if OSCAP_ERR.search(ln)]
    return out + _warn_groups([ln for ln in rest if not OSCAP_ERR.search(ln)], OSCAP_WARN) + _status(lines)


@cm.kind("oscap-info", "doc")
def n_oscap_info(lines):
    """Rule 5: the Document type line, every profile Id: line, the Checklists / Checks / Ref-Id lines, the Status / Generated / Imported lines and the Referenced check files lines; every error line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(Document type|Checklists|Checks|Ref-Id|Status|Generated|Imported|Referenced check files|"
                     r"Profiles|Id):", s) or OSCAP_ERR.search(ln):
            out.append(ln)
        elif re.match(r"^\s*(xccdf_|oval_|ssg-)\S+$", ln):  # a profile listed by id alone, a referenced file
            out.append(ln)
    return out + _status(lines)


OVAL_DEF = re.compile(r"^Definition (oval:\S+): (\S+)")


@cm.kind("oscap-oval-eval", "table")
def n_oscap_oval_eval(lines):
    """Rule 5: rule 4 on the definitions' results, every error / unknown result line, the first and last definition lines, every OpenSCAP Error / warning line."""
    defs = [(ln, {"result": m.group(2)}) for ln in lines if (m := OVAL_DEF.match(ln))]
    out = [ln for ln, r in defs if r["result"] in ("error", "unknown")]
    if defs:
        out += [defs[0][0], defs[-1][0]]
    out += [ln for ln in lines if not OVAL_DEF.match(ln) and OSCAP_ERR.search(ln)]
    out += _warn_groups([ln for ln in lines if not OVAL_DEF.match(ln)], OSCAP_WARN)
    return out + rule4(defs, cat=["result"]) + _status(lines)


SSHD_KEYS = {"port", "listenaddress", "permitrootlogin", "passwordauthentication", "permitemptypasswords",
             "pubkeyauthentication", "kbdinteractiveauthentication", "challengeresponseauthentication", "usepam",
             "x11forwarding", "allowtcpforwarding", "maxauthtries", "logingracetime", "ciphers", "macs",
             "kexalgorithms", "hostkeyalgorithms", "allowusers", "denyusers", "loglevel"}
SSH_ERR = re.compile(r"[Ee]rror|Bad configuration|Unsupported option|terminating|[Dd]eprecated option|no such file",
                     re.I)


@cm.kind("sshd-t", "doc")
def n_sshd_t(lines):
    """Rule 5: the lines of the hardening settings (port, listenaddress, permitrootlogin, passwordauthentication, permitemptypasswords, pubkey/kbdinteractive auth, usepam, x11forwarding, allowtcpforwarding, maxauthtries, logingracetime, ciphers, macs, kexalgorithms, hostkeyalgorithms, allow/denyusers, loglevel); every error / Bad configuration / terminating line."""
    return [ln for ln in lines if ln.split(" ", 1)[0].lower() in SSHD_KEYS or SSH_ERR.search(ln)] + _status(lines)


SSH_G_KEYS = {"hostname", "user", "port", "identityfile", "proxyjump", "proxycommand", "stricthostkeychecking",
              "userknownhostsfile", "forwardagent", "ciphers", "hostkeyalgorithms"}


@cm.kind("ssh-g", "doc")
def n_ssh_g(lines):
    """Rule 5: the hostname, user, port, every identityfile, proxyjump, proxycommand, stricthostkeychecking, userknownhostsfile, forwardagent, ciphers, hostkeyalgorithms lines; every error / Bad configuration option line."""
    return [ln for ln in lines if ln.split(" ", 1)[0].lower() in SSH_G_KEYS or SSH_ERR.search(ln)] + _status(lines)


@cm.kind("needrestart-batch", "log")
def n_needrestart(lines):
    """Rule 5: the NEEDRESTART-VER / KCUR / KEXP / KSTA lines, every NEEDRESTART-SVC / CONT / SESS line; every error line."""
    return [ln for ln in lines if re.match(r"^NEEDRESTART-(VER|KCUR|KEXP|KSTA|SVC|CONT|SESS|UCSTA|UCCUR|UCEXP):", ln)
            or re.search(r"[Ee]rror|ERROR", ln)] + _status(lines)


@cm.kind("spectre-meltdown-checker", "test")
def n_spectre(lines):
    """Rule 5: the CPU / kernel lines at the top, every CVE header line of a check whose STATUS is VULNERABLE or UNKNOWN with that STATUS line, every line of the closing SUMMARY and of --batch output."""
    out, header = [], None
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(Checking for vulnerabilities on current system|Kernel is|CPU is)", s):
            out.append(ln)
        if re.match(r"^CVE-\d{4}-\d+ ", s) or re.match(r"^CVE-\d{4}-\d+$", s):
            header = ln
        if re.search(r"STATUS:\s+(VULNERABLE|UNKNOWN)", ln):
            if header:
                out.append(header)
            out.append(ln)
        if s.startswith("> SUMMARY:") or re.match(r"^CVE-\d{4}-\d+: (OK|VULN|UNK|KO)", s):
            out.append(ln)
    return out + _status(lines)


# ------------------------------------------------------------------ OpenSCAP

SSG = "/usr/share/xml/scap/ssg/content"


SLOW_RULES = ["file_permissions_unauthorized_world_writable", "dir_perms_world_writable_sticky_bits",
              "no_files_unowned_by_user", "file_permissions_ungroupowned", "dir_perms_world_writable_system_owned",
              "dir_perms_world_writable_root_owned"]  # each walks the whole filesystem (minutes here)


def _open_copy(d: Path, name: str) -> str:
    """A copy of the guide's XCCDF benchmark without its platform checks (the content is for Debian 11 and Ubuntu
    22.04; this machine is Debian 12 in a container, so every rule would be notapplicable), beside its OVAL file."""
    for part in ("xccdf", "oval", "ocil"):
        src = Path(f"{SSG}/ssg-{name}-{part}.xml")
        if src.exists():
            (d / src.name).write_bytes(src.read_bytes())
    out = f"ssg-{name}-xccdf-noplatform.xml"
    (d / out).write_text(re.sub(r'<xccdf-1\.2:platform idref="[^"]*"/>', "", (d / f"ssg-{name}-xccdf.xml").read_text()))
    return out


def cap_oscap(tmp: Path) -> None:
    d = tmp / "oscap"
    d.mkdir(parents=True)
    deb = _open_copy(d, "debian11")
    ubu = _open_copy(d, "ubuntu2204")
    skip = " ".join(f"--skip-rule xccdf_org.ssgproject.content_rule_{r}" for r in SLOW_RULES)
    prof = "xccdf_org.ssgproject.content_profile_"
    cap("oscap-info-ds-debian11", f"oscap info {SSG}/ssg-debian11-ds.xml", d, n_oscap_info)
    cap("oscap-info-ubuntu2204-echo", f"oscap info {SSG}/ssg-ubuntu2204-ds.xml; echo EXIT=$?", d, n_oscap_info)
    cap("oscap-xccdf-eval-ds-notapplicable-echo", f"oscap xccdf eval --profile {prof}standard "
        f"{SSG}/ssg-debian11-ds.xml; echo EXIT=$?", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-debian11-standard", f"oscap xccdf eval --profile {prof}standard --results results-std.xml "
        f"{deb}", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-debian11-anssi-high", f"oscap xccdf eval --profile {prof}anssi_np_nt28_high {skip} {deb} "
        "2>&1; echo EXIT=$?", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-cis-l2-server", f"oscap xccdf eval --profile {prof}cis_level2_server {skip} {ubu}", d,
        n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-cis-l1-ws-tail-80", f"oscap xccdf eval --profile {prof}cis_level1_workstation {skip} {ubu} "
        "2>&1 | tail -n 80", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-cis-l1-fail-grep", f"oscap xccdf eval --profile {prof}cis_level1_server {skip} {ubu} 2>&1 | "
        "grep -B3 -A1 '^Result.*fail'; echo EXIT=$?", d, n_oscap_xccdf_eval, timeout=600)
    cap("oscap-xccdf-eval-rules-echo", f"oscap xccdf eval --profile {prof}cis_level2_server "
        "--rule xccdf_org.ssgproject.content_rule_sshd_disable_root_login "
        "--rule xccdf_org.ssgproject.content_rule_file_permissions_etc_shadow "
        "--rule xccdf_org.ssgproject.content_rule_no_empty_passwords "
        "--rule xccdf_org.ssgproject.content_rule_sshd_set_max_auth_tries "
        "--rule xccdf_org.ssgproject.content_rule_package_telnet_removed "
        f"--rule xccdf_org.ssgproject.content_rule_accounts_password_minlen_login_defs {ubu}; echo EXIT=$?", d,
        n_oscap_xccdf_eval)
    # OVAL: a whole file walks the filesystem for minutes here, so it is cut as an agent cuts it
    cap("oscap-oval-eval-timeout-60-echo", "timeout 60 oscap oval eval ssg-debian11-oval.xml; echo EXIT=$?", d,
        n_oscap_oval_eval, timeout=200)
    cap("oscap-oval-eval-ubuntu-head-100", "oscap oval eval ssg-ubuntu2204-oval.xml 2>&1 | head -n 100", d,
        n_oscap_oval_eval, timeout=300)
    cap("oscap-info-xccdf-ubuntu", f"oscap info --profiles {ubu}; oscap info {ubu} | head -n 40", d, n_oscap_info)


# ------------------------------------------------------------------ sshd -T, ssh -G

SSHD_HARD = """Port 2222
ListenAddress 127.0.0.1
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
MaxAuthTries 3
LoginGraceTime 20
X11Forwarding no
AllowTcpForwarding no
AllowUsers kiosk ops
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com
MACs hmac-sha2-512-etm@openssh.com
KexAlgorithms curve25519-sha256
LogLevel VERBOSE
"""

SSHD_WEAK = """# gangway kiosk image, legacy second sshd (maintenance port)
Port 22
Port 2200
PermitRootLogin yes
PasswordAuthentication yes
PermitEmptyPasswords yes
MaxAuthTries 12
LoginGraceTime 600
X11Forwarding yes
AllowTcpForwarding yes
GatewayPorts yes
PermitTunnel yes
Ciphers aes128-cbc,3des-cbc,aes256-ctr
MACs hmac-md5,hmac-sha1
KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1
HostKeyAlgorithms ssh-rsa,ssh-dss
LogLevel QUIET
Match User vendor
    PasswordAuthentication yes
    ForceCommand /usr/local/bin/vendor-shell
Match Address 10.20.0.0/16
    PermitRootLogin without-password
"""

SSHD_BAD = SSHD_WEAK.replace("GatewayPorts yes\n", "GatewayPorts yes\nProtocol 1\nRSAAuthentication yes\n"
                             "UseDNSLookup yes\nChallengeResponseAuthentication maybe\n")

SSH_CONFIG = """Host kiosk-*
    User kiosk
    IdentityFile ~/.ssh/gangway_kiosk
    IdentityFile ~/.ssh/gangway_legacy_rsa
    ProxyJump bastion.gangway.example
    StrictHostKeyChecking no
    UserKnownHostsFile ~/.ssh/known_hosts.gangway
Host bastion.gangway.example
    User ops
    Port 2222
    ForwardAgent yes
Host legacy-till
    HostName 10.20.4.17
    User root
    Ciphers aes128-cbc
    HostKeyAlgorithms +ssh-rsa
    ProxyCommand ssh -W %h:%p ops@bastion.gangway.example
Host *
    ServerAliveInterval 30
"""


def cap_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    write_tree(d, {"sshd_hardened": SSHD_HARD, "sshd_weak": SSHD_WEAK, "sshd_bad": SSHD_BAD,
                   "ssh_config": SSH_CONFIG, "empty": ""})
    run("ssh-keygen -q -t ed25519 -N '' -f hostkey_ed25519 && ssh-keygen -q -t rsa -b 2048 -N '' -f hostkey_rsa",
        cwd=d)
    keys = "-h hostkey_ed25519 -h hostkey_rsa"
    cap("sshd-t-hardened", f"sshd -T -f sshd_hardened {keys}", d, n_sshd_t)
    cap("sshd-t-weak-sort", f"sshd -T -f sshd_weak {keys} | sort", d, n_sshd_t)
    cap("sshd-t-match-vendor", f"sshd -T -f sshd_weak {keys} -C user=vendor,host=till4,addr=10.20.4.17", d,
        n_sshd_t)
    cap("sshd-t-bad-echo", f"sshd -t -f sshd_bad {keys} 2>&1; echo EXIT=$?; sshd -T -f sshd_weak {keys} 2>&1 | "
        "grep -E '^(permit|password|ciphers|macs|kex|hostkeyalg|maxauth|logingrace|x11|allow|gateway|port)'; "
        "echo EXIT=$?", d, n_sshd_t)
    cap("sshd-t-system", "sshd -T 2>&1", d, n_sshd_t)
    cap("ssh-g-kiosk", "ssh -G -F ssh_config kiosk-07", d, n_ssh_g)
    cap("ssh-g-legacy", "ssh -G -F ssh_config legacy-till 2>&1; echo EXIT=$?", d, n_ssh_g)
    cap("ssh-g-bastion-default", "ssh -G -F empty bastion.gangway.example", d, n_ssh_g)


# ------------------------------------------------------------------ needrestart, spectre-meltdown-checker

def cap_host(tmp: Path) -> None:
    d = tmp / "host"
    d.mkdir(parents=True)
    cap("needrestart-b", "needrestart -b -r l 2>&1; echo EXIT=$?", d, n_needrestart)
    cap("needrestart-b-v", "needrestart -v -b -r l 2>&1", d, n_needrestart)
    cap("spectre-meltdown-checker", "spectre-meltdown-checker --no-color 2>&1", d, n_spectre, timeout=300)
    cap("spectre-meltdown-checker-batch", "spectre-meltdown-checker --batch text 2>&1; echo EXIT=$?", d, n_spectre,
        timeout=300)
    cap("spectre-meltdown-checker-variant", "spectre-meltdown-checker --no-color --variant 1 --variant 2 --variant 3 "
        "--variant 4 --paranoid 2>&1", d, n_spectre, timeout=300)


STEPS = [cap_ssh, cap_host, cap_oscap]
