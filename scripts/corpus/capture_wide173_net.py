"""Round 173, networking: a client, two routers and a Linux bridge with four servers behind it, each in its own
network namespace, joined by veth pairs, with faults put in (a token-bucket qdisc too small for the uploads, an HTB
tree whose default class is starved, router 2 dropping a quarter of forwarded packets through iptables' `statistic`
match, router 1 later sending no time-exceeded answers, a route through a next hop no host holds, a refused port, a
bridge port taken down). This kernel has no `netem` qdisc and no tc classifiers (u32, matchall), so loss is put in
with iptables and HTB classes are picked by iptables' CLASSIFY target. Read with ethtool, tc -s, bridge, conntrack,
mtr, traceroute, socat -d -d and arping. Extractors are the rules of NEEDLES.md's "Round 173" section. Run through
capture_wide173.py."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, kind, mask, run
from capture_wide173 import add, exit_lines

SRV = list(range(1, 13))  # servers n173s1..n173s12 at 10.73.3.11..10.73.3.22 behind the bridge
UP = [i for i in SRV if i != 4]  # server 4's bridge port is down
NS = ["n173cli", "n173r1", "n173r2"] + [f"n173s{i}" for i in SRV]
ALL = " ".join(NS)
HOSTS = " ".join(f"10.73.3.{10 + i}" for i in SRV)


def X(ns: str, cmd: str) -> str:
    return f"ip netns exec {ns} {cmd}"


SETUP = r"""
set -x
for n in @ALL@; do ip netns del $n 2>/dev/null; ip netns add $n; ip -n $n link set lo up; done
ip link add c-r1 netns n173cli type veth peer name r1-c netns n173r1
ip link add r1-r2 netns n173r1 type veth peer name r2-r1 netns n173r2
ip -n n173r2 link add br173 type bridge
for i in $(seq 1 12); do
  ip link add r2-s$i netns n173r2 type veth peer name eth0 netns n173s$i
  ip -n n173r2 link set r2-s$i master br173 up
  ip -n n173s$i addr add 10.73.3.$((10 + i))/24 dev eth0
  ip -n n173s$i link set eth0 up
  ip -n n173s$i route add default via 10.73.3.1
done
ip -n n173cli addr add 10.73.1.2/24 dev c-r1; ip -n n173cli link set c-r1 up; ip -n n173cli route add default via 10.73.1.1
ip -n n173r1 addr add 10.73.1.1/24 dev r1-c; ip -n n173r1 addr add 10.73.2.1/24 dev r1-r2
ip -n n173r1 link set r1-c up; ip -n n173r1 link set r1-r2 up
ip -n n173r1 route add 10.73.3.0/24 via 10.73.2.2; ip -n n173r1 route add 10.73.4.0/24 via 10.73.2.2
ip -n n173r2 addr add 10.73.2.2/24 dev r2-r1; ip -n n173r2 link set r2-r1 up
ip -n n173r2 addr add 10.73.3.1/24 dev br173; ip -n n173r2 link set br173 up
ip -n n173r2 route add 10.73.1.0/24 via 10.73.2.1
ip -n n173r2 route add 10.73.4.0/24 via 10.73.3.99
ip netns exec n173r1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec n173r2 sysctl -qw net.ipv4.ip_forward=1
# faults: a token bucket too small for uploads on router 1's uplink
ip netns exec n173r1 tc qdisc add dev r1-r2 root tbf rate 2mbit burst 8kb limit 16kb
# an HTB tree towards the client whose default class is starved
ip netns exec n173r1 tc qdisc add dev r1-c root handle 1: htb default 30
ip netns exec n173r1 tc class add dev r1-c parent 1: classid 1:1 htb rate 20mbit ceil 20mbit
ip netns exec n173r1 tc class add dev r1-c parent 1:1 classid 1:10 htb rate 10mbit ceil 20mbit prio 1
ip netns exec n173r1 tc class add dev r1-c parent 1:1 classid 1:20 htb rate 4mbit ceil 8mbit prio 2
ip netns exec n173r1 tc class add dev r1-c parent 1:1 classid 1:30 htb rate 256kbit ceil 256kbit prio 3
ip netns exec n173r1 tc qdisc add dev r1-c parent 1:30 handle 30: pfifo limit 20
ip netns exec n173r1 tc qdisc add dev r1-c parent 1:10 handle 10: pfifo limit 200
ip netns exec n173r1 iptables -t mangle -A POSTROUTING -o r1-c -p tcp --sport 9001 -j CLASSIFY --set-class 1:10
ip netns exec n173r1 iptables -t mangle -A POSTROUTING -o r1-c -p icmp -j CLASSIFY --set-class 1:20
ip netns exec n173r1 iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
# router 2 loses a quarter of what it forwards
ip netns exec n173r2 iptables -A FORWARD -m statistic --mode random --probability 0.25 -j DROP
# server 4's bridge port is taken down, server 3's does not learn
ip -n n173r2 link set r2-s4 down
bridge -n n173r2 link set dev r2-s3 learning off cost 40
bridge -n n173r2 link set dev r2-s9 guard on cost 100 priority 48
# router 2's uplink: an HTB class per server, classified by source address; tight buckets on three server ports
ip netns exec n173r2 tc qdisc add dev r2-r1 root handle 1: htb default 99
ip netns exec n173r2 tc class add dev r2-r1 parent 1: classid 1:1 htb rate 40mbit
ip netns exec n173r2 tc class add dev r2-r1 parent 1:1 classid 1:99 htb rate 128kbit ceil 128kbit prio 7
for i in $(seq 1 12); do
  rate=$(( i % 3 == 0 ? 512 : 3000 ))
  ip netns exec n173r2 tc class add dev r2-r1 parent 1:1 classid 1:$((10 + i)) htb rate ${rate}kbit ceil $((rate * 2))kbit prio $((i % 4))
  ip netns exec n173r2 iptables -t mangle -A POSTROUTING -o r2-r1 -s 10.73.3.$((10 + i)) -j CLASSIFY --set-class 1:$((10 + i))
done
for i in 2 5 7; do ip netns exec n173r2 tc qdisc add dev r2-s$i root tbf rate 1mbit burst 4kb limit 8kb; done
ip netns exec n173r2 tc qdisc add dev r2-s6 root pfifo limit 5
"""


def setup(tmp: Path) -> None:
    log = run(SETUP.replace("@ALL@", ALL), timeout=180)
    (tmp / "setup.log").write_text(log)
    for i in UP:
        cm.start(X(f"n173s{i}", "socat -u TCP-LISTEN:9000,fork,reuseaddr /dev/null"))
        cm.start(X(f"n173s{i}", "socat TCP-LISTEN:9001,fork,reuseaddr SYSTEM:'head -c 400000 /dev/zero'"))
        cm.start(X(f"n173s{i}", "socat UDP-RECVFROM:5353,fork -"))
    time.sleep(1)


def traffic(tmp: Path, rounds: int = 1) -> None:
    """Uploads through the small token bucket, downloads through the HTB tree, pings, refused and unanswered ports."""
    gen = tmp / "gen.sh"
    gen.write_text(r"""
for r in $(seq 1 %d); do
for i in $(seq 11 22); do
  timeout 3 socat -u /dev/zero,readbytes=200000 TCP:10.73.3.$i:9000,connect-timeout=2 2>/dev/null &
  timeout 3 socat -u TCP:10.73.3.$i:9001,connect-timeout=2 /dev/null 2>/dev/null &
  echo hi | timeout 1 socat -u - UDP:10.73.3.$i:5353 2>/dev/null &
done
wait
for p in 22 80 443 8080 9999; do timeout 2 socat -u - TCP:10.73.3.12:$p,connect-timeout=1 </dev/null 2>/dev/null & done
for p in 53 123 161 514; do echo hi | timeout 1 socat -u - UDP:10.73.3.13:$p 2>/dev/null & done
timeout 2 socat -u /dev/zero,readbytes=200000 TCP:10.73.3.11:9002,connect-timeout=1 2>/dev/null &
ping -q -c 40 -i 0.01 -s 1200 10.73.3.11 >/dev/null 2>&1 &
wait
done
""" % rounds)
    run(X("n173cli", f"bash {gen}"), timeout=120)


# ------------------------------------------------------------------ extractors

@kind("ethtool-stats", "listing")
def n_ethtool_stats(lines):
    """Every `NIC statistics:` line and every counter line whose value is not 0."""
    return exit_lines(lines) + [ln for ln in lines if "NIC statistics:" in ln
                                or re.match(r"^\s+\S+: [1-9]\d*$", ln)] + \
        [ln for ln in lines if re.search(r"Cannot|No such device|not supported", ln)]


@kind("ethtool-info", "listing")
def n_ethtool_info(lines):
    """Every driver:, Speed:, Duplex:, Link detected: line and every error line."""
    return exit_lines(lines) + [ln for ln in lines if re.match(r"^\s*(driver|Speed|Duplex|Link detected):", ln)
                                or re.search(r"Cannot get|No such device|not supported", ln)]


def _sent_nonzero(ln: str) -> bool:
    m = re.search(r"dropped (\d+), overlimits (\d+)", ln)
    return bool(m) and (m.group(1) != "0" or m.group(2) != "0")


@kind("tc-s-qdisc", "listing")
def n_tc_s_qdisc(lines):
    """Every qdisc header line, every Sent line with dropped or overlimits not 0, every Error: line."""
    return exit_lines(lines) + [ln for ln in lines if ln.startswith("qdisc ") or
                                (ln.lstrip().startswith("Sent ") and _sent_nonzero(ln)) or "Error:" in ln]


@kind("tc-s-class", "listing")
def n_tc_s_class(lines):
    """Every class header line, every Sent line with dropped or overlimits not 0, every Error: line."""
    return exit_lines(lines) + [ln for ln in lines if ln.startswith("class ") or
                                (ln.lstrip().startswith("Sent ") and _sent_nonzero(ln)) or "Error:" in ln]


@kind("bridge-link", "listing")
def n_bridge_link(lines):
    """The first port line, every port not in the commonest state, every line of a master seen on at most two."""
    ports = [ln for ln in lines if re.match(r"^\d+: \S+", ln)]
    out = exit_lines(lines) + ports[:1]
    st = {ln: (re.search(r" state (\S+)", ln) or [None, ""])[1] for ln in ports}
    com = Counter(st.values()).most_common(1)
    out += [ln for ln in ports if com and st[ln] != com[0][0]]
    ms = {ln: (re.search(r" master (\S+)", ln) or [None, ""])[1] for ln in ports}
    cnt = Counter(ms.values())
    out += [ln for ln in ports if ms[ln] and cnt[ms[ln]] <= 2]
    return out + [ln for ln in lines if "Error" in ln]


@kind("bridge-fdb", "listing")
def n_bridge_fdb(lines):
    """Every learned (not permanent) unicast entry; rule 4 on the dev value."""
    ents = [ln for ln in lines if re.match(r"^[0-9a-f]{2}(:[0-9a-f]{2}){5} ", ln)]
    out = exit_lines(lines) + [ln for ln in ents if int(ln[:2], 16) % 2 == 0 and "permanent" not in ln]
    dev = {ln: (re.search(r" dev (\S+)", ln) or [None, ""])[1] for ln in ents}
    cnt = Counter(dev.values())
    if cnt and cnt.most_common(1)[0][1] * 2 >= len(ents):
        out += [ln for ln in ents if cnt[dev[ln]] <= 2]
    return out + [ln for ln in lines if "Error" in ln]


@kind("conntrack-list", "table")
def n_conntrack_list(lines):
    """The closing count line, every [UNREPLIED] entry, rare states/protocols, every entry of a rare dport."""
    out = exit_lines(lines) + [ln for ln in lines if "flow entries have been shown" in ln]
    ents = [ln for ln in lines if re.match(r"^(tcp|udp|icmp|unknown|sctp)\s+\d+", ln)]
    out += [ln for ln in ents if "[UNREPLIED]" in ln]
    for key in (lambda ln: ln.split()[0],
                lambda ln: ln.split()[3] if ln.split()[0] == "tcp" and len(ln.split()) > 3 else "-"):
        c = Counter(key(ln) for ln in ents)
        if c and c.most_common(1)[0][1] * 2 >= len(ents):
            out += [ln for ln in ents if c[key(ln)] <= 2]
    dp = {ln: (re.search(r"dport=(\d+)", ln) or [None, ""])[1] for ln in ents}
    c = Counter(dp.values())
    out += [ln for ln in ents if dp[ln] and c[dp[ln]] <= 2]
    return out + [ln for ln in lines if re.search(r"(?i)error|operation failed", ln)]


@kind("mtr-report", "table")
def n_mtr_report(lines):
    """HOST: header, every hop with Loss% not 0.0%, every ??? hop, the last hop, the largest Avg and Wrst rows."""
    out = exit_lines(lines)
    hops: list[str] = []

    def flush():
        if hops:
            out.append(hops[-1])
            rows = [h for h in hops if re.search(r"\d+\.\d%", h) and len(h.split()) >= 9]
            for col in (-4, -2):  # Loss% Snt Last Avg Best Wrst StDev: Avg and Wrst
                if rows:
                    out.append(max(rows, key=lambda h: float(h.split()[col])))
        hops.clear()

    for ln in lines:
        if ln.startswith("HOST:"):
            flush()
            out.append(ln)
        elif re.match(r"^\s*\d+\.\|--", ln):
            hops.append(ln)
            if "???" in ln or (re.search(r"\s(\d+\.\d)%", ln) and not re.search(r"\s0\.0%", ln)):
                out.append(ln)
    flush()
    return out


@kind("traceroute", "listing")
def n_traceroute(lines):
    """The header line, every hop with * or a !H/!N/!X/!P annotation, the last hop line of each trace."""
    out = exit_lines(lines)
    last = None
    for ln in lines:
        if ln.startswith("traceroute to"):
            if last:
                out.append(last)
            out.append(ln)
            last = None
        elif re.match(r"^\s*\d+\s", ln):
            last = ln
            if "*" in ln or re.search(r"![HNXP]", ln):
                out.append(ln)
    if last:
        out.append(last)
    return out + [ln for ln in lines if re.search(r"(?i)cannot|unknown host|error", ln)]


@kind("socat-debug", "log")
def n_socat_debug(lines):
    """Every E line, every exiting-with-status line, every listening/connected/accepting N line, W lines by shape."""
    out = exit_lines(lines)
    warn = []
    for ln in lines:
        if re.search(r"socat\[\d+\] E ", ln) or re.search(r" N (exiting with status|exit\(\d+\))", ln) \
                or re.search(r" N (.*listening on|successfully connected|accepting connection from)", ln):
            out.append(ln)
        elif re.search(r"socat\[\d+\] W ", ln):
            warn.append((mask(ln.split(" W ", 1)[1]), ln))
    g: dict = {}
    for k, ln in warn:
        g.setdefault(k, []).append(ln)
    return out + [any_of(v) for v in g.values()]


@kind("arping", "log")
def n_arping(lines):
    """The first and last reply line, the Timeout lines as one any, the closing statistics lines."""
    replies = [ln for ln in lines if re.search(r"bytes from|Unicast reply from|index=\d+", ln)]
    out = exit_lines(lines) + replies[:1] + replies[-1:]
    tos = [ln for ln in lines if ln.strip() == "Timeout" or ln.startswith("Timeout")]
    if tos:
        out.append(any_of(tos))
    return out + [ln for ln in lines if re.search(r"packets transmitted|^rtt |unanswered", ln)] + \
        [ln for ln in lines if re.search(r"(?i)error|can't|unable", ln)]


# ------------------------------------------------------------------ steps

def cap_links(tmp: Path) -> None:
    setup(tmp)
    traffic(tmp, 2)
    devs = f"for ns in {ALL}; do for d in $(ip -n $ns -br link | awk '{{print $1}}' | cut -d@ -f1 | grep -v '^lo$'); do"
    cmd = f"{devs} echo \"== $ns $d\"; ip netns exec $ns ethtool -S $d; done; done"
    add("ethtool-stats-all", cmd, run(cmd), n_ethtool_stats)
    cmd = (f"for ns in {ALL}; do for d in $(ip -n $ns -br link | awk '{{print $1}}' | cut -d@ -f1); do "
           "echo \"== $ns $d\"; ip netns exec $ns ethtool -i $d; ip netns exec $ns ethtool $d; done; done 2>&1")
    add("ethtool-info-loop", cmd, run(cmd), n_ethtool_info)
    cmd = ("ip netns exec n173r2 ethtool r2-s4 ; ip netns exec n173r2 ethtool r2-s9 ; ip netns exec n173r2 ethtool -i br173 ; "
           "ip netns exec n173r2 ethtool -i r2-s17 ; echo EXIT=$?")
    add("ethtool-info-down", cmd, run(cmd), n_ethtool_info)


def cap_tc(tmp: Path) -> None:
    traffic(tmp, 2)
    add("tc-s-qdisc-r1", "ip netns exec n173r1 tc -s qdisc show", run(X("n173r1", "tc -s qdisc show")), n_tc_s_qdisc)
    cmd = "ip netns exec n173r2 tc -s qdisc show ; echo EXIT=$?"
    add("tc-s-qdisc-r2", cmd, run(cmd), n_tc_s_qdisc)
    cmd = "for ns in $(ip netns list | awk '/n173/{print $1}'); do echo \"== $ns\"; ip netns exec $ns tc -s -d qdisc show; done"
    add("tc-s-qdisc-all", cmd, run(cmd), n_tc_s_qdisc)
    add("tc-s-class-r1", "ip netns exec n173r1 tc -s class show dev r1-c",
        run(X("n173r1", "tc -s class show dev r1-c")), n_tc_s_class)
    add("tc-s-class-r2", "ip netns exec n173r2 tc -s class show dev r2-r1",
        run(X("n173r2", "tc -s class show dev r2-r1")), n_tc_s_class)
    cmd = "ip netns exec n173r2 tc -s -d class show dev r2-r1 | head -n 60"
    add("tc-s-class-detail", cmd, run(cmd), n_tc_s_class)


def cap_bridge(tmp: Path) -> None:
    run(" ; ".join(X(f"n173s{i}", f"ping -c 2 -i 0.2 10.73.3.{11 + i % 12}") for i in SRV))
    add("bridge-link", "ip netns exec n173r2 bridge link show", run(X("n173r2", "bridge link show")), n_bridge_link)
    cmd = "ip netns exec n173r2 bridge -d link show ; echo EXIT=$?"
    add("bridge-link-detail", cmd, run(cmd), n_bridge_link)
    add("bridge-fdb", "ip netns exec n173r2 bridge fdb show", run(X("n173r2", "bridge fdb show")), n_bridge_fdb)


def cap_conntrack(tmp: Path) -> None:
    traffic(tmp, 4)
    add("conntrack-list-r1", "ip netns exec n173r1 conntrack -L", run(X("n173r1", "conntrack -L")), n_conntrack_list)
    cmd = "ip netns exec n173r1 conntrack -L -p tcp 2>&1 | tail -n 80"
    add("conntrack-list-tcp-tail", cmd, run(cmd), n_conntrack_list)
    cmd = "ip netns exec n173r1 conntrack -L -p udp ; echo EXIT=$?"
    add("conntrack-list-udp", cmd, run(cmd), n_conntrack_list)
    cmd = "ip netns exec n173r1 conntrack -L -d 10.73.3.12 2>&1 | head -n 100"
    add("conntrack-list-refused", cmd, run(cmd), n_conntrack_list)


def cap_paths(tmp: Path) -> None:
    cmd = ("ip netns exec n173cli mtr --report -n -c 20 -i 0.2 10.73.3.11 ; "
           "ip netns exec n173cli mtr --report -n -T -P 9000 -c 20 -i 0.2 10.73.3.11")
    add("mtr-report-loss", cmd, run(cmd, timeout=120), n_mtr_report)
    cmd = (f"for h in {HOSTS} 10.73.4.5; do ip netns exec n173cli mtr --report --report-wide "
           "-n -c 12 -i 0.2 $h; done")
    add("mtr-report-loop", cmd, run(cmd, timeout=240), n_mtr_report)
    cmd = ("ip netns exec n173cli traceroute -n -w 1 -q 5 -m 10 10.73.3.11 ; ip netns exec n173cli traceroute -n -w 1 "
           "-q 5 -m 10 10.73.4.5 ; ip netns exec n173cli traceroute -n -T -p 9999 -w 1 -q 5 -m 10 10.73.3.12")
    add("traceroute-loss", cmd, run(cmd, timeout=120), n_traceroute)
    cmd = (f"for h in {HOSTS} 10.73.4.5; do ip netns exec n173cli traceroute -n -w 1 -m 6 $h; done ; "
           "echo EXIT=$?")
    add("traceroute-loop", cmd, run(cmd, timeout=240), n_traceroute)
    # router 1 now sends no time-exceeded answers: a silent hop
    run(X("n173r1", "iptables -A OUTPUT -p icmp --icmp-type time-exceeded -j DROP"))
    cmd = ("for h in 10.73.3.13 10.73.3.16 10.73.3.14; do ip netns exec n173cli mtr --report -n -c 20 -i 0.2 $h; done ;"
           " echo EXIT=$?")
    add("mtr-report-silent-hop", cmd, run(cmd, timeout=120), n_mtr_report)
    cmd = ("for h in 10.73.3.13 10.73.3.15 10.73.3.18 10.73.3.14; do ip netns exec n173cli traceroute -n -w 1 -m 6 $h; "
           "done 2>&1 | tail -n 20")
    add("traceroute-silent-hop", cmd, run(cmd, timeout=120), n_traceroute)


def cap_socat(tmp: Path) -> None:
    cmd = ("for h in 10.73.3.12 10.73.3.16 10.73.3.14; do ip netns exec n173cli socat -d -d - TCP:$h:9999,"
           "connect-timeout=3 </dev/null ; echo EXIT=$?; done")
    add("socat-debug-refused", cmd, run(cmd), n_socat_debug)
    cmd = ("for p in 9000 9999 22 9001 80 9000; do echo \"== port $p\"; ip netns exec n173cli socat -d -d -u "
           "/dev/zero,readbytes=50000 TCP:10.73.3.11:$p,connect-timeout=3; echo EXIT=$?; done 2>&1")
    add("socat-debug-ports", cmd, run(cmd), n_socat_debug)
    cmd = "ip netns exec n173cli socat -d -d -d -d - UDP:10.73.3.14:5353 <<<'probe' ; echo EXIT=$?"
    add("socat-debug-udp", cmd, run(f"bash -c {cmd!r}"), n_socat_debug)
    cmd = ("ip netns exec n173cli timeout 20 socat -d -d -d -d -u TCP:10.73.3.15:9001,connect-timeout=3 /dev/null 2>&1 "
           "| tail -n 400")
    add("socat-debug-download-tail", cmd, run(cmd), n_socat_debug)


def cap_arping(tmp: Path) -> None:
    cmd = "ip netns exec n173cli arping -c 40 -w 500000 -I c-r1 10.73.1.1"
    add("arping-gw", cmd, run(cmd, timeout=60), n_arping)
    cmd = (f"for h in {HOSTS} 10.73.3.99; do ip netns exec n173s1 arping -c 4 -I eth0 $h; done 2>&1 | "
           "tail -n 80")
    add("arping-loop", cmd, run(cmd, timeout=90), n_arping)


def cleanup(tmp: Path) -> None:
    for p in cm.PROCS:
        cm.stop(p)
    run(f"for n in {ALL}; do ip netns del $n; done")


STEPS = [cap_links, cap_tc, cap_bridge, cap_conntrack, cap_paths, cap_socat, cap_arping, cleanup]
