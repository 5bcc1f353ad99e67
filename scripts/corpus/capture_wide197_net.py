"""Round 197, round 173's kinds a third time: `viaduct`, a railway depot's network of namespaces (a yard office and a
signal box as client sites, a gateway router, a distribution router holding a Linux bridge with eight point-machine
controllers behind it), joined by veth pairs, with faults of its own put in: a 2 Mbit token bucket on the gateway's
uplink, a short pfifo towards the yard, an HTB tree towards the signal box whose telemetry class gets 48 kbit, about
15% of forwarded packets dropped by iptables' `statistic` match (no netem on this kernel), a distribution router that
sends no ICMP time-exceeded (a silent hop), a controller answering with ICMP net-prohibited, one resetting port 8082,
one bridge port down, one port without learning, a route to a next hop nobody holds. hwinfo reads this VM from inside
a namespace (the interfaces it lists are the namespace's); kmod, ipcalc and sipcalc run with other arguments. Needles
come from round 173's extractors, imported from capture_wide173_hw.py and capture_wide173_net.py (no new rule). Run
through capture_wide197.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide197 import add
from capture_wide173_hw import n_hwinfo_short, n_ipcalc, n_kmod_missing, n_sipcalc
from capture_wide173_net import (n_arping, n_bridge_fdb, n_bridge_link, n_conntrack_list, n_ethtool_info,
                                 n_ethtool_stats, n_mtr_report, n_socat_debug, n_tc_s_class, n_tc_s_qdisc,
                                 n_traceroute)

PTS = list(range(1, 9))  # v197p1..v197p8 at 10.197.40.11..18 behind the bridge
DOWN = {4}  # its bridge port is down
UP = [i for i in PTS if i not in DOWN]
NS = ["v197yard", "v197sig", "v197gw", "v197dist"] + [f"v197p{i}" for i in PTS]
ALL = " ".join(NS)
ADDRS = " ".join(f"10.197.40.{10 + i}" for i in PTS)


def X(ns: str, cmd: str) -> str:
    return f"ip netns exec {ns} {cmd}"


SETUP = r"""
for n in @ALL@; do ip netns del $n 2>/dev/null; ip netns add $n; ip -n $n link set lo up; done
ip link add y-g netns v197yard type veth peer name g-y netns v197gw
ip link add s-g netns v197sig type veth peer name g-s netns v197gw
ip link add g-d netns v197gw type veth peer name d-g netns v197dist
ip -n v197dist link add rail0 type bridge stp_state 0 ageing_time 60000
for i in $(seq 1 8); do
  ip link add d-p$i netns v197dist type veth peer name eth0 netns v197p$i
  ip -n v197dist link set d-p$i master rail0 up
  ip -n v197p$i addr add 10.197.40.$((10 + i))/24 dev eth0
  ip -n v197p$i link set eth0 up
  ip -n v197p$i route add default via 10.197.40.1
done
ip -n v197yard addr add 10.197.10.20/24 dev y-g; ip -n v197yard link set y-g up; ip -n v197yard route add default via 10.197.10.1
ip -n v197sig addr add 10.197.20.20/24 dev s-g; ip -n v197sig link set s-g up; ip -n v197sig route add default via 10.197.20.1
ip -n v197gw addr add 10.197.10.1/24 dev g-y; ip -n v197gw addr add 10.197.20.1/24 dev g-s
ip -n v197gw addr add 10.197.30.1/29 dev g-d
for d in g-y g-s g-d; do ip -n v197gw link set $d up; done
ip -n v197gw route add 10.197.40.0/24 via 10.197.30.2; ip -n v197gw route add 10.197.50.0/24 via 10.197.30.2
ip -n v197dist addr add 10.197.30.2/29 dev d-g; ip -n v197dist link set d-g up
ip -n v197dist addr add 10.197.40.1/24 dev rail0; ip -n v197dist link set rail0 up
ip -n v197dist route add 10.197.10.0/24 via 10.197.30.1; ip -n v197dist route add 10.197.20.0/24 via 10.197.30.1
ip -n v197dist route add 10.197.50.0/24 via 10.197.40.240
ip netns exec v197gw sysctl -qw net.ipv4.ip_forward=1
ip netns exec v197dist sysctl -qw net.ipv4.ip_forward=1
# the gateway's uplink to the distribution router: a token bucket too small for the yard's uploads
ip netns exec v197gw tc qdisc add dev g-d root tbf rate 2mbit burst 4kb latency 30ms
# the yard's downlink: a pfifo too short; the signal box's: an HTB tree whose telemetry class is starved
ip netns exec v197gw tc qdisc add dev g-y root pfifo limit 5
ip netns exec v197gw tc qdisc add dev g-s root handle 3: htb default 50 r2q 4
ip netns exec v197gw tc class add dev g-s parent 3: classid 3:1 htb rate 20mbit ceil 20mbit
ip netns exec v197gw tc class add dev g-s parent 3:1 classid 3:10 htb rate 8mbit ceil 20mbit prio 0
ip netns exec v197gw tc class add dev g-s parent 3:1 classid 3:20 htb rate 4mbit ceil 8mbit prio 1
ip netns exec v197gw tc class add dev g-s parent 3:1 classid 3:50 htb rate 48kbit ceil 48kbit prio 6
ip netns exec v197gw tc qdisc add dev g-s parent 3:50 handle 50: pfifo limit 6
ip netns exec v197gw tc qdisc add dev g-s parent 3:20 handle 20: bfifo limit 30kb
ip netns exec v197gw iptables -t mangle -A POSTROUTING -o g-s -p tcp --sport 8081 -j CLASSIFY --set-class 3:10
ip netns exec v197gw iptables -t mangle -A POSTROUTING -o g-s -p icmp -j CLASSIFY --set-class 3:20
ip netns exec v197gw iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
# the gateway loses about 15% of what it forwards towards the depot
ip netns exec v197gw iptables -A FORWARD -o g-d -m statistic --mode random --probability 0.15 -j DROP
# the distribution router sends no time-exceeded: a silent hop
ip netns exec v197dist iptables -A OUTPUT -p icmp --icmp-type time-exceeded -j DROP
# the distribution router's uplink: an HTB class per controller pair, picked by source address
ip netns exec v197dist tc qdisc add dev d-g root handle 7: htb default 99
ip netns exec v197dist tc class add dev d-g parent 7: classid 7:1 htb rate 40mbit
ip netns exec v197dist tc class add dev d-g parent 7:1 classid 7:99 htb rate 32kbit ceil 32kbit prio 7
for i in $(seq 1 8); do
  rate=$(( i % 3 == 0 ? 300 : 4000 ))
  ip netns exec v197dist tc class add dev d-g parent 7:1 classid 7:$((60 + i)) htb rate ${rate}kbit ceil $((rate * 2))kbit prio $((i % 4))
  ip netns exec v197dist iptables -t mangle -A POSTROUTING -o d-g -s 10.197.40.$((10 + i)) -j CLASSIFY --set-class 7:$((60 + i))
done
ip netns exec v197dist tc qdisc add dev d-p2 root tbf rate 600kbit burst 2kb limit 5kb
ip netns exec v197dist tc qdisc add dev d-p7 root pfifo limit 2
# faults on the depot: port 4 down, no learning on port 5, controller 6 prohibited, controller 2 resets 8082
ip -n v197dist link set d-p4 down
bridge -n v197dist link set dev d-p5 learning off cost 25
bridge -n v197dist link set dev d-p8 guard on root_block on cost 70 priority 50
ip netns exec v197p6 iptables -A INPUT -p tcp --dport 8080 -j REJECT --reject-with icmp-net-prohibited
ip netns exec v197p6 iptables -A INPUT -p udp -j REJECT --reject-with icmp-port-unreachable
ip netns exec v197p2 iptables -A INPUT -p tcp --dport 8082 -j REJECT --reject-with tcp-reset
"""


def setup(tmp: Path) -> None:
    (tmp / "setup197.log").write_text(run(SETUP.replace("@ALL@", ALL), timeout=180))
    for i in UP:
        cm.start(X(f"v197p{i}", "socat -u TCP-LISTEN:8080,fork,reuseaddr /dev/null"))
        cm.start(X(f"v197p{i}", "socat TCP-LISTEN:8081,fork,reuseaddr SYSTEM:'head -c 200000 /dev/zero'"))
        cm.start(X(f"v197p{i}", "socat UDP-RECVFROM:514,fork -"))
    time.sleep(1)


def traffic(tmp: Path, rounds: int = 1) -> None:
    """The yard uploads through the token bucket; the signal box pulls through the HTB tree and probes ports."""
    gen = tmp / "gen197.sh"
    gen.write_text(r"""
for r in $(seq 1 %d); do
for i in $(seq 11 18); do
  timeout 3 socat -u /dev/zero,readbytes=120000 TCP:10.197.40.$i:8080,connect-timeout=2 2>/dev/null &
  echo log | timeout 1 socat -u - UDP:10.197.40.$i:514 2>/dev/null &
done
wait
done
""" % rounds)
    pull = tmp / "pull197.sh"
    pull.write_text(r"""
for r in $(seq 1 %d); do
for i in $(seq 11 18); do timeout 3 socat -u TCP:10.197.40.$i:8081,connect-timeout=2 /dev/null 2>/dev/null & done
for p in 22 23 502 8082; do timeout 2 socat -u - TCP:10.197.40.12:$p,connect-timeout=1 </dev/null 2>/dev/null & done
for p in 161 123; do echo x | timeout 1 socat -u - UDP:10.197.40.16:$p 2>/dev/null & done
timeout 2 socat -u - TCP:10.197.40.16:8080,connect-timeout=1 </dev/null 2>/dev/null &
ping -q -c 25 -i 0.01 -s 1200 10.197.40.13 >/dev/null 2>&1 &
wait
done
""" % rounds)
    run(X("v197yard", f"bash {gen}"), timeout=120)
    run(X("v197sig", f"bash {pull}"), timeout=120)


def cap_hw(tmp: Path) -> None:
    cmd = ("for m in bonding 8021q br_netfilter wireguard nf_conntrack_ftp sch_fq_codel ifb; do echo \"== $m\"; "
           "modprobe --show-depends $m; modinfo -F filename $m; done 2>&1; lsmod | head -n 3; echo EXIT=$?")
    add("kmod-missing-depot-loop", cmd, run(cmd), n_kmod_missing)
    cmd = ("for c in 10.197.40.11/24 10.197.30.1/29 10.197.0.0/16 10.197.40.300/24 192.0.2.77/27 10.197.50.1/32; "
           "do ipcalc -n $c; done; ipcalc -n 10.197.40.0/24 26; ipcalc -n 10.197.0.0/19 21 ; echo EXIT=$?")
    add("ipcalc-depot-split", cmd, run(cmd), n_ipcalc)
    cmd = ("sipcalc -s 27 10.197.40.0/24; sipcalc 10.197.30.1/29 10.197.40.256/24 fd97:197:40::1/64; "
           "sipcalc -s 26 10.197.0.0/22; sipcalc -a 10.197.20.20 255.255.255.0 | head -n 40 ; echo EXIT=$?")
    add("sipcalc-split-depot", cmd, run(cmd), n_sipcalc)


def cap_links(tmp: Path) -> None:
    setup(tmp)
    traffic(tmp, 2)
    cmd = ("for ns in v197gw v197dist; do for d in $(ip -n $ns -br link | awk '{print $1}' | cut -d@ -f1); do "
           "echo \"== $ns $d\"; ip netns exec $ns ethtool -S $d; done; done 2>&1; echo EXIT=$?")
    add("ethtool-stats-routers", cmd, run(cmd), n_ethtool_stats)
    cmd = ("for d in d-g d-p4 d-p5 rail0 d-p9 lo; do echo \"== $d\"; ip netns exec v197dist ethtool -i $d; "
           "ip netns exec v197dist ethtool $d; done 2>&1 | grep -v '^\\s*$'")
    add("ethtool-info-dist-ports", cmd, run(cmd), n_ethtool_info)
    cmd = "ip netns exec v197dist hwinfo --short 2>/dev/null"
    add("hwinfo-short-in-netns", cmd, run(cmd, timeout=120), n_hwinfo_short)


def cap_tc(tmp: Path) -> None:
    traffic(tmp, 3)
    cmd = ("for ns in $(ip netns list | awk '/v197/{print $1}'); do echo \"== $ns\"; ip netns exec $ns tc -s -d "
           "qdisc show; done")
    add("tc-s-qdisc-all-depot", cmd, run(cmd), n_tc_s_qdisc)
    cmd = ("ip netns exec v197dist tc -s qdisc show dev d-p2; ip netns exec v197dist tc -s qdisc show dev d-p7; "
           "ip netns exec v197dist tc -s qdisc show dev d-p9; ip netns exec v197gw tc -s -d qdisc show dev g-d; "
           "echo EXIT=$?")
    add("tc-s-qdisc-ports-missing", cmd, run(cmd), n_tc_s_qdisc)
    cmd = ("ip netns exec v197gw tc -s -d class show dev g-s; ip netns exec v197gw tc -s class show dev g-y; "
           "ip netns exec v197dist tc -s -d class show dev d-g | grep -A4 -E 'class htb 7:(1|99|63|66) '; echo EXIT=$?")
    add("tc-s-class-signalbox", cmd, run(cmd), n_tc_s_class)
    cmd = "ip netns exec v197dist tc -s class show dev d-g | head -n 130"
    add("tc-s-class-dist-head", cmd, run(cmd), n_tc_s_class)


def cap_bridge(tmp: Path) -> None:
    run(" ; ".join(X(f"v197p{i}", f"ping -c 2 -i 0.2 10.197.40.{11 + i % 8}") for i in UP))
    cmd = "ip netns exec v197dist bridge -s -d link show"
    add("bridge-link-rail0", cmd, run(cmd), n_bridge_link)
    cmd = "ip netns exec v197dist bridge -s fdb show ; echo EXIT=$?"
    add("bridge-fdb-depot-all", cmd, run(cmd), n_bridge_fdb)


def cap_conntrack(tmp: Path) -> None:
    traffic(tmp, 4)
    cmd = "ip netns exec v197gw conntrack -L 2>&1; echo EXIT=$?"
    add("conntrack-list-gateway", cmd, run(cmd), n_conntrack_list)
    cmd = "ip netns exec v197gw conntrack -L -p tcp 2>&1 | head -n 70 ; echo EXIT=$?"
    add("conntrack-list-tcp-head", cmd, run(cmd), n_conntrack_list)


def cap_paths(tmp: Path) -> None:
    cmd = (f"for src in v197yard v197sig; do for h in {ADDRS} 10.197.50.9; do ip netns exec $src mtr --report "
           "--report-wide -n -c 10 -i 0.2 $h; done; done")
    add("mtr-report-yard-sig-loop", cmd, run(cmd, timeout=400), n_mtr_report)
    cmd = ("ip netns exec v197sig mtr --report --report-wide -n -T -P 8082 -c 20 -i 0.2 10.197.40.12; "
           "ip netns exec v197sig mtr --report -n -u -P 514 -c 20 -i 0.2 10.197.40.16; echo EXIT=$?")
    add("mtr-report-tcp-udp-sig", cmd, run(cmd, timeout=150), n_mtr_report)
    cmd = ("ip netns exec v197sig traceroute -n -w 1 -q 3 -m 6 10.197.40.16; ip netns exec v197sig traceroute -n -T "
           "-p 8080 -w 1 -q 3 -m 6 10.197.40.16; ip netns exec v197sig traceroute -n -w 1 -q 3 -m 6 10.197.50.9; "
           "echo EXIT=$?")
    add("traceroute-silent-hop", cmd, run(cmd, timeout=150), n_traceroute)
    cmd = (f"for h in {ADDRS} 10.197.50.9; do ip netns exec v197yard traceroute -n -I -w 1 -q 3 -m 5 $h; done 2>&1 "
           "| head -n 120")
    add("traceroute-icmp-loop-head", cmd, run(cmd, timeout=240), n_traceroute)


def cap_socat(tmp: Path) -> None:
    cmd = ("for t in 10.197.40.12:8082 10.197.40.16:8080 10.197.40.14:8080 10.197.50.9:8080 10.197.40.13:8080; do "
           "echo \"== $t\"; ip netns exec v197sig socat -d -d -d -u /dev/zero,readbytes=30000 TCP:$t,connect-timeout=2; "
           "echo EXIT=$?; done 2>&1")
    add("socat-debug-depot-targets", cmd, run(cmd, timeout=120), n_socat_debug)
    cmd = ("ip netns exec v197p1 socat -d -d -d TCP:10.197.40.17:8081,connect-timeout=2 "
           "OPEN:/tmp/pull.bin,creat,trunc 2>&1 | grep -v ' I transferred' | tail -n 60; "
           "ip netns exec v197p1 socat -d -d UDP:10.197.40.16:514 - </dev/null 2>&1 | tail -n 20; echo EXIT=$?")
    add("socat-debug-ddd-tail", cmd, run(cmd + "; rm -f /tmp/pull.bin", timeout=60), n_socat_debug)


def cap_arping(tmp: Path) -> None:
    cmd = (f"for h in {ADDRS} 10.197.40.240; do ip netns exec v197p3 arping -c 5 -w 3 -I eth0 $h; done 2>&1; "
           "echo EXIT=$?")
    add("arping-depot-loop", cmd, run(cmd, timeout=120), n_arping)


def cleanup(tmp: Path) -> None:
    for p in cm.PROCS:
        cm.stop(p)
    run(f"for n in {ALL}; do ip netns del $n; done")


STEPS = [cap_hw, cap_links, cap_tc, cap_bridge, cap_conntrack, cap_paths, cap_socat, cap_arping, cleanup]
