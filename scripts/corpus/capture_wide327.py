#!/usr/bin/env python3
"""Capture round 327 of the compression corpus: servers' and daemons' configuration checks, dry runs and start-up
logs from Debian 12, on 127.0.0.1 only. Real runs of lighttpd (`lighttpd -tt`, `lighttpd -p`), NSD (`nsd-checkconf`,
`nsd-checkzone`), Tor (`tor --verify-config`), Privoxy (`privoxy --config-test`), CUPS (`cupsd -t`), ProFTPD
(`proftpd -t`), fail2ban (`fail2ban-client -t`, `-d`), coturn (`turnserver` in the foreground), Hitch (`hitch
--test`), radvd (`radvd --configtest`), BIRD 2 (`bird -p`) and stunnel (foreground, with a debug level), on the
configs of a small community radio station (`wavecrest`) with faults put in, good configs beside them. Command lines
are typed as agents type them (`; echo EXIT=$?`, `| tail -n 80`, loops over several configs).
The needles come from the rules NEEDLES.md's "Round 327" section fixed before capture, applied by the extractors
below. Nothing captured here was compressed. Every server is started on 127.0.0.1 (ports 18327, 28327, 38327) and
stopped at the end.

Usage:   python3 scripts/corpus/capture_wide327.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide327.json  as {"version": 2, "items": [...]}, ids prefixed "wide327-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402

ID_PREFIX = "wide327-"
DEFAULT_OUT = HERE / "data" / "wide327.json"
TMP = Path(os.environ.get("HM_WIDE327_TMP", "/dev/shm/hm-corpus-wide327"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

P1, P2, P3 = 18327, 28327, 38327

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 327")

EXIT_RE = re.compile(r"^EXIT=\d+$")
FAULT_RE = re.compile(r"error|err\]|fatal|failed|fail:|invalid|unknown|bad |syntax|missing|not found|no such|cannot"
                      r"|can't|could not|couldn't|unable|denied|conflict|duplicate|already in use|unrecogni[sz]ed"
                      r"|unsupported|illegal|expected|not allowed|not permitted|out of range|refused", re.I)
WARN_RE = re.compile(r"warn|deprecated|obsolete|ignored|ignoring", re.I)
LOC_RE = re.compile(r"line \d+|:\d+:")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def last_line(lines: list[str]) -> list[str]:
    tail = [ln for ln in lines if ln.strip() and not EXIT_RE.match(ln.strip())]
    return tail[-1:]


def fault_rule(lines: list[str], skip=None) -> list:
    """The fault rule: fault lines (one {"any"} per shape covering more than 3), their location line within six
    when it is on another line, warning lines one {"any"} per shape, EXIT=N (verdicts are added by each kind)."""
    faults, warns, locs = [], [], []
    for i, ln in enumerate(lines):
        if skip and skip(ln):
            continue
        if FAULT_RE.search(ln):
            faults.append(ln)
            if not LOC_RE.search(ln):
                for k in range(i + 1, min(len(lines), i + 7)):
                    if LOC_RE.search(lines[k]) and not FAULT_RE.search(lines[k]):
                        locs.append(lines[k])
                        break
        elif WARN_RE.search(ln):
            warns.append(ln)
    g: dict[str, list[str]] = {}
    for ln in faults:
        g.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for v in g.values():
        out += [cm.any_of(v)] if len(v) > 3 else v
    out += locs
    out += cm.groups((cm.mask(ln), ln) for ln in warns)
    return out + exit_lines(lines)


@kind("lighttpd-tt", "build")
def n_lighttpd_tt(lines):
    """The fault rule (round 327); verdict `Syntax OK`; EXIT=N."""
    return fault_rule(lines) + pick(lines, r"Syntax OK")


@kind("lighttpd-p", "doc")
def n_lighttpd_p(lines):
    """The fault rule; rule 5: server.port/bind/document-root/username/errorlog/pid-file lines, the first line of server.modules, every conditional block's opening line."""
    out = fault_rule(lines)
    out += pick(lines, r"^\s*server\.(port|bind|document-root|username|errorlog|pid-file)\s*=")
    out += pick(lines, r"^\s*server\.modules\s*=")
    out += [ln for ln in lines if ln.lstrip().startswith("$") and ln.rstrip().endswith("{")]
    return out


@kind("nsd-checkconf", "build")
def n_nsd_checkconf(lines):
    """The fault rule; rule 5 (-v): every section header, every name:, ip-address:, port: and zonefile: line."""
    out = fault_rule(lines)
    out += pick(lines, r"^\s*(server|zone|pattern|key|remote-control|verify):\s*$")
    out += pick(lines, r"^\s*(name|ip-address|port|zonefile):\s")
    return out


@kind("nsd-checkzone", "build")
def n_nsd_checkzone(lines):
    """The fault rule; verdict `zone … is ok` / `zone … has N errors`; rule 4 (-p): the SOA line and every record of a rare type."""
    out = fault_rule(lines) + pick(lines, r"^zone \S+ (is ok|has \d+ errors?)")
    recs = []
    for ln in lines:
        if not ln.strip() or ln.lstrip().startswith(";") or ln.startswith("$") or EXIT_RE.match(ln.strip()):
            continue
        f = ln.split()
        for j, tok in enumerate(f[:-1]):
            if tok == "IN" and j + 1 < len(f):
                recs.append((f[j + 1], ln))
                break
    out += [ln for t, ln in recs if t == "SOA"]
    if recs:
        from collections import Counter
        c = Counter(t for t, _ in recs)
        if c.most_common(1)[0][1] * 2 >= len(recs):
            out += [ln for t, ln in recs if c[t] <= 2]
    return out


@kind("tor-verify-config", "build")
def n_tor_verify(lines):
    """The fault rule ([err]/[warn] levels); verdict `Configuration was valid`; rule 5: the `Tor … running on` line."""
    return fault_rule(lines) + pick(lines, r"Configuration was valid") + pick(lines, r"Tor \S+ .*running on")


@kind("privoxy-config-test", "build")
def n_privoxy(lines):
    """The fault rule; verdict: the last non-blank line."""
    return fault_rule(lines) + last_line(lines)


@kind("cupsd-t", "build")
def n_cupsd_t(lines):
    """The fault rule; verdict: a line holding `is OK` or `syntax errors`."""
    return fault_rule(lines) + pick(lines, r"is OK|syntax errors", re.I)


@kind("proftpd-t", "build")
def n_proftpd_t(lines):
    """The fault rule; verdict `Syntax check complete` (or the last non-blank line); rule 5: `Checking syntax of configuration file`."""
    v = pick(lines, r"Syntax check complete") or last_line(lines)
    return fault_rule(lines) + v + pick(lines, r"Checking syntax of configuration file")


@kind("fail2ban-client-t", "build")
def n_f2b_t(lines):
    """The fault rule; verdict: the line holding `OK:` or `configuration test`."""
    return fault_rule(lines) + pick(lines, r"OK:|configuration test")


@kind("fail2ban-client-d", "doc")
def n_f2b_d(lines):
    """The fault rule on lines that are not list dumps; rule 5: every ['add', JAIL…] and ['start', JAIL] line, each jail's bantime, findtime, maxretry and logpath/addlogpath lines."""
    dump = re.compile(r"^\s*\[")
    out = fault_rule(lines, skip=lambda ln: bool(dump.match(ln)))
    out += pick(lines, r"^\s*\['add', ")
    out += pick(lines, r"^\s*\['start', ")
    out += pick(lines, r"^\s*\['set', '[^']+', '(bantime|findtime|maxretry|logpath|addlogpath)'")
    return out


@kind("turnserver-log", "log")
def n_turnserver(lines):
    """The fault rule (ERROR:/WARNING: levels); rule 5: the Coturn Version / STUN/TURN Server line, every `listener opened on` line, every Relay/Listener address to use line."""
    out = fault_rule(lines)
    out += pick(lines, r"Coturn Version|RFC 5389/5766/5780/6062/6156 STUN/TURN Server")
    out += pick(lines, r"listener opened on|Relay address to use|Listener address to use")
    return out


@kind("hitch-test", "build")
def n_hitch(lines):
    """The fault rule; verdict: the last non-blank line."""
    return fault_rule(lines) + last_line(lines)


@kind("radvd-configtest", "build")
def n_radvd(lines):
    """The fault rule; verdict: a line holding `syntax ok` (any case) or else the last non-blank line."""
    return fault_rule(lines) + (pick(lines, r"syntax ok", re.I) or last_line(lines))


@kind("bird-parse", "build")
def n_bird(lines):
    """The fault rule; every line naming a location FILE:N:M."""
    return fault_rule(lines) + pick(lines, r"\S+:\d+:\d+")


@kind("stunnel-log", "log")
def n_stunnel(lines):
    """Every LOG0-LOG3 line and the fault rule on the rest; LOG4 lines one {"any"} per shape; rule 5: the version line, Service … bound to / accepted connection, Initializing service, Configuration successful."""
    hi = pick(lines, r"LOG[0-3]\[")
    out: list = hi + fault_rule([ln for ln in lines if ln not in hi and "LOG4[" not in ln])
    out += cm.groups((cm.mask(re.sub(r"^.*?LOG4\[[^\]]*\]:\s*", "", ln)), ln) for ln in pick(lines, r"LOG4\["))
    out += pick(lines, r"stunnel \S+ on ")
    out += pick(lines, r"Service \[[^\]]+\].*(bound to|accepted connection)|Initializing service \[|"
                       r"Configuration successful")
    return out


def steps() -> list:
    import capture_wide327_svc as svc  # the material and the runs
    return svc.STEPS


def ensure_tools() -> None:
    """The tools from Debian, installed once."""
    for tool, pkg in [("lighttpd", "lighttpd"), ("nsd-checkconf", "nsd"), ("tor", "tor"), ("privoxy", "privoxy"),
                      ("cupsd", "cups-daemon"), ("proftpd", "proftpd-core"), ("fail2ban-client", "fail2ban"),
                      ("turnserver", "coturn"), ("hitch", "hitch"), ("radvd", "radvd"), ("bird", "bird2"),
                      ("stunnel", "stunnel4")]:
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = ["/usr/sbin", "/sbin"]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide327", sys.modules["__main__"])
    main()
