"""Round 186, round 173's kinds again: `quayside`, a harbour office's network of namespaces (two client sites, an
edge router, a core router holding a Linux bridge with ten hosts behind it), joined by veth pairs, with faults of its
own put in: a token bucket on the edge's uplink, an HTB tree on the core's uplink whose bulk class is starved, the
edge dropping about a fifth of what it forwards (iptables' `statistic` match: no netem on this kernel), a host whose
firewall answers with ICMP admin-prohibited, a host port with a TCP reset, a route to a next hop nobody holds, two
bridge ports taken down. The hardware listers read this VM again with other options. Needles come from round 173's
extractors, imported from capture_wide173_hw.py and capture_wide173_net.py (no new rule). Run through
capture_wide186.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide186 import add
from capture_wide173_hw import (n_hwinfo_detail, n_inxi, n_ipcalc, n_kmod_missing, n_lshw_json, n_lspci_vvv,
                                n_sipcalc)
from capture_wide173_net import (n_arping, n_bridge_fdb, n_bridge_link, n_conntrack_list, n_ethtool_info,
                                 n_ethtool_stats, n_mtr_report, n_socat_debug, n_tc_s_class, n_tc_s_qdisc,
                                 n_traceroute)

HOSTS_N = list(range(1, 11))  # q186h1..q186h10 at 172.30.8.21..30 behind the bridge
DOWN = {3, 8}  # bridge ports taken down
UP = [i for i in HOSTS_N if i not in DOWN]
NS = ["q186a", "q186b", "q186edge", "q186core"] + [f"q186h{i}" for i in HOSTS_N]
ALL = " ".join(NS)
ADDRS = " ".join(f"172.30.8.{20 + i}" for i in HOSTS_N)


def X(ns: str, cmd: str) -> str:
    return f"ip netns exec {ns} {cmd}"


SETUP = r"""
for n in @ALL@; do ip netns del $n 2>/dev/null; ip netns add $n; ip -n $n link set lo up; done
ip link add a-e netns q186a type veth peer name e-a netns q186edge
ip link add b-e netns q186b type veth peer name e-b netns q186edge
ip link add e-c netns q186edge type veth peer name c-e netns q186core
ip -n q186core link add quay0 type bridge
for i in $(seq 1 10); do
  ip link add c-h$i netns q186core type veth peer name eth0 netns q186h$i
  ip -n q186core link set c-h$i master quay0 up
  ip -n q186h$i addr add 172.30.8.$((20 + i))/24 dev eth0
  ip -n q186h$i link set eth0 up
  ip -n q186h$i route add default via 172.30.8.1
done
ip -n q186a addr add 172.30.1.10/24 dev a-e; ip -n q186a link set a-e up; ip -n q186a route add default via 172.30.1.1
ip -n q186b addr add 172.30.2.10/24 dev b-e; ip -n q186b link set b-e up; ip -n q186b route add default via 172.30.2.1
ip -n q186edge addr add 172.30.1.1/24 dev e-a; ip -n q186edge addr add 172.30.2.1/24 dev e-b
ip -n q186edge addr add 172.30.5.1/30 dev e-c
for d in e-a e-b e-c; do ip -n q186edge link set $d up; done
ip -n q186edge route add 172.30.8.0/24 via 172.30.5.2; ip -n q186edge route add 172.30.9.0/24 via 172.30.5.2
ip -n q186core addr add 172.30.5.2/30 dev c-e; ip -n q186core link set c-e up
ip -n q186core addr add 172.30.8.1/24 dev quay0; ip -n q186core link set quay0 up
ip -n q186core route add 172.30.1.0/24 via 172.30.5.1; ip -n q186core route add 172.30.2.0/24 via 172.30.5.1
ip -n q186core route add 172.30.9.0/24 via 172.30.8.250
ip netns exec q186edge sysctl -qw net.ipv4.ip_forward=1
ip netns exec q186core sysctl -qw net.ipv4.ip_forward=1
# the edge's uplink: a token bucket too small for site B's backups
ip netns exec q186edge tc qdisc add dev e-c root tbf rate 3mbit burst 6kb latency 40ms
# site A's downlink: pfifo too short; site B's: an HTB tree whose bulk class is starved
ip netns exec q186edge tc qdisc add dev e-a root pfifo limit 8
ip netns exec q186edge tc qdisc add dev e-b root handle 2: htb default 40 r2q 5
ip netns exec q186edge tc class add dev e-b parent 2: classid 2:1 htb rate 30mbit ceil 30mbit
ip netns exec q186edge tc class add dev e-b parent 2:1 classid 2:10 htb rate 12mbit ceil 30mbit prio 0
ip netns exec q186edge tc class add dev e-b parent 2:1 classid 2:20 htb rate 6mbit ceil 12mbit prio 1
ip netns exec q186edge tc class add dev e-b parent 2:1 classid 2:30 htb rate 2mbit ceil 4mbit prio 2
ip netns exec q186edge tc class add dev e-b parent 2:1 classid 2:40 htb rate 96kbit ceil 96kbit prio 5
ip netns exec q186edge tc qdisc add dev e-b parent 2:40 handle 40: pfifo limit 12
ip netns exec q186edge iptables -t mangle -A POSTROUTING -o e-b -p tcp --sport 7001 -j CLASSIFY --set-class 2:10
ip netns exec q186edge iptables -t mangle -A POSTROUTING -o e-b -p udp -j CLASSIFY --set-class 2:20
ip netns exec q186edge iptables -t mangle -A POSTROUTING -o e-b -p icmp -j CLASSIFY --set-class 2:30
ip netns exec q186edge iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
# the edge loses about a fifth of what it forwards towards the quay
ip netns exec q186edge iptables -A FORWARD -o e-c -m statistic --mode random --probability 0.2 -j DROP
# the core's uplink: an HTB class per host, picked by source address
ip netns exec q186core tc qdisc add dev c-e root handle 1: htb default 90
ip netns exec q186core tc class add dev c-e parent 1: classid 1:1 htb rate 50mbit
ip netns exec q186core tc class add dev c-e parent 1:1 classid 1:90 htb rate 64kbit ceil 64kbit prio 7
for i in $(seq 1 10); do
  rate=$(( i % 4 == 1 ? 400 : 5000 ))
  ip netns exec q186core tc class add dev c-e parent 1:1 classid 1:$((30 + i)) htb rate ${rate}kbit ceil $((rate * 3))kbit prio $((i % 3))
  ip netns exec q186core iptables -t mangle -A POSTROUTING -o c-e -s 172.30.8.$((20 + i)) -j CLASSIFY --set-class 1:$((30 + i))
done
for i in 4 9; do ip netns exec q186core tc qdisc add dev c-h$i root tbf rate 800kbit burst 3kb limit 6kb; done
ip netns exec q186core tc qdisc add dev c-h6 root pfifo limit 3
# faults on the quay: two ports down, host 7 rejects with admin-prohibited, host 5 resets port 7002
ip -n q186core link set c-h3 down; ip -n q186core link set c-h8 down
bridge -n q186core link set dev c-h2 learning off cost 30
bridge -n q186core link set dev c-h10 guard on cost 90 priority 40
ip netns exec q186h7 iptables -A INPUT -p tcp --dport 7000 -j REJECT --reject-with icmp-admin-prohibited
ip netns exec q186h7 iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited
ip netns exec q186h5 iptables -A INPUT -p tcp --dport 7002 -j REJECT --reject-with tcp-reset
"""


def setup(tmp: Path) -> None:
    (tmp / "setup.log").write_text(run(SETUP.replace("@ALL@", ALL), timeout=180))
    for i in UP:
        cm.start(X(f"q186h{i}", "socat -u TCP-LISTEN:7000,fork,reuseaddr /dev/null"))
        cm.start(X(f"q186h{i}", "socat TCP-LISTEN:7001,fork,reuseaddr SYSTEM:'head -c 300000 /dev/zero'"))
        cm.start(X(f"q186h{i}", "socat UDP-RECVFROM:6514,fork -"))
    time.sleep(1)


def traffic(tmp: Path, rounds: int = 1) -> None:
    """Site B backs up through the token bucket and downloads through the HTB tree; site A probes ports and pings."""
    gen = tmp / "gen186.sh"
    gen.write_text(r"""
for r in $(seq 1 %d); do
for i in $(seq 21 30); do
  timeout 3 socat -u /dev/zero,readbytes=150000 TCP:172.30.8.$i:7000,connect-timeout=2 2>/dev/null &
  timeout 3 socat -u TCP:172.30.8.$i:7001,connect-timeout=2 /dev/null 2>/dev/null &
  echo log | timeout 1 socat -u - UDP:172.30.8.$i:6514 2>/dev/null &
done
wait
done
""" % rounds)
    probe = tmp / "probe186.sh"
    probe.write_text(r"""
for r in $(seq 1 %d); do
for p in 21 25 110 3389 7002; do timeout 2 socat -u - TCP:172.30.8.25:$p,connect-timeout=1 </dev/null 2>/dev/null & done
for p in 69 137 500; do echo x | timeout 1 socat -u - UDP:172.30.8.22:$p 2>/dev/null & done
timeout 2 socat -u - TCP:172.30.8.27:7000,connect-timeout=1 </dev/null 2>/dev/null &
ping -q -c 30 -i 0.01 -s 900 172.30.8.24 >/dev/null 2>&1 &
wait
done
""" % rounds)
    run(X("q186b", f"bash {gen}"), timeout=120)
    run(X("q186a", f"bash {probe}"), timeout=120)


def cap_hw(tmp: Path) -> None:
    cmd = "lshw -json -sanitize -numeric 2>/dev/null"
    add("lshw-json-sanitize", "lshw -json -sanitize -numeric", run(cmd), n_lshw_json)
    cmd = "lspci -vvv -k -D 2>&1; echo EXIT=$?"
    add("lspci-vvv-k-domains", cmd, run(cmd), n_lspci_vvv)
    cmd = "hwinfo --cpu --memory --network --bridge --block 2>/dev/null | head -n 300"
    add("hwinfo-detail-cpu-net-head", cmd, run(cmd), n_hwinfo_detail)
    cmd = "inxi -Fnxxx -c 0 -z 2>&1; echo EXIT=$?"
    add("inxi-fnxxx", cmd, run(cmd), n_inxi)
    cmd = ("for m in tun vxlan macvlan ip_gre sch_cake sch_htb nf_nat xt_statistic; do modprobe -v -n $m; "
           "modinfo -d $m; done 2>&1; depmod -n 2>&1 | head -n 5; echo EXIT=$?")
    add("kmod-missing-dry-run", cmd, run(cmd), n_kmod_missing)
    cmd = ("for c in 172.30.8.21/24 172.30.5.1/30 172.30.0.0/20 10.1.2.3/8 172.30.256.4/24 172.30.9.9/31; do "
           "ipcalc -b $c; done; ipcalc -n 172.30.0.0/20 /23; echo EXIT=$?")
    add("ipcalc-quay-loop", cmd, run(cmd), n_ipcalc)
    cmd = "sipcalc -s 26 172.30.8.0/23; sipcalc -4 172.30.1.10/24 172.30.999.1/24 2001:db8:186::/56; echo EXIT=$?"
    add("sipcalc-split-quay", cmd, run(cmd), n_sipcalc)


def cap_links(tmp: Path) -> None:
    setup(tmp)
    traffic(tmp, 2)
    cmd = ("for d in c-e quay0 $(ip -n q186core -br link | awk '{print $1}' | cut -d@ -f1 | grep '^c-h'); do "
           "echo \"== $d\"; ip netns exec q186core ethtool -S $d; done 2>&1")
    add("ethtool-stats-core", cmd, run(cmd), n_ethtool_stats)
    cmd = ("for d in c-e c-h3 c-h8 quay0 c-h11 bond0; do echo \"== $d\"; ip netns exec q186core ethtool $d; "
           "ip netns exec q186core ethtool -i $d; done 2>&1; echo EXIT=$?")
    add("ethtool-info-core-down", cmd, run(cmd), n_ethtool_info)


def cap_tc(tmp: Path) -> None:
    traffic(tmp, 3)
    cmd = ("for ns in $(ip netns list | awk '/q186/{print $1}'); do echo \"== $ns\"; ip netns exec $ns tc -s qdisc show; "
           "done; echo EXIT=$?")
    add("tc-s-qdisc-all-ns", cmd, run(cmd), n_tc_s_qdisc)
    cmd = "ip netns exec q186core tc -s -d qdisc show 2>&1 | head -n 80"
    add("tc-s-qdisc-core-head", cmd, run(cmd), n_tc_s_qdisc)
    cmd = "ip netns exec q186edge tc -s class show dev e-b"
    add("tc-s-class-edge-siteb", cmd, run(cmd), n_tc_s_class)
    cmd = "ip netns exec q186core tc -s -d class show dev c-e; ip netns exec q186core tc -s class show dev c-h4; echo EXIT=$?"
    add("tc-s-class-core-hosts", cmd, run(cmd), n_tc_s_class)


def cap_bridge(tmp: Path) -> None:
    run(" ; ".join(X(f"q186h{i}", f"ping -c 2 -i 0.2 172.30.8.{21 + i % 10}") for i in UP))
    cmd = "ip netns exec q186core bridge -d link show; echo EXIT=$?"
    add("bridge-link-quay", cmd, run(cmd), n_bridge_link)
    cmd = "ip netns exec q186core bridge fdb show br quay0"
    add("bridge-fdb-quay", cmd, run(cmd), n_bridge_fdb)


def cap_conntrack(tmp: Path) -> None:
    traffic(tmp, 4)
    add("conntrack-list-edge", "ip netns exec q186edge conntrack -L", run(X("q186edge", "conntrack -L")),
        n_conntrack_list)
    cmd = "ip netns exec q186edge conntrack -L -s 172.30.1.10 2>&1 | tail -n 60"
    add("conntrack-list-site-a-tail", cmd, run(cmd), n_conntrack_list)


def cap_paths(tmp: Path) -> None:
    cmd = (f"for h in {ADDRS} 172.30.9.4; do ip netns exec q186b mtr --report "
           "--report-wide -n -c 15 -i 0.2 $h; done; echo EXIT=$?")
    add("mtr-report-siteb", cmd, run(cmd, timeout=240), n_mtr_report)
    cmd = ("ip netns exec q186a mtr --report -n -u -P 6514 -c 25 -i 0.2 172.30.8.26; "
           "ip netns exec q186a mtr --report -n -T -P 7002 -c 25 -i 0.2 172.30.8.25")
    add("mtr-report-udp-tcp", cmd, run(cmd, timeout=120), n_mtr_report)
    cmd = ("ip netns exec q186a traceroute -n -w 1 -q 4 -m 8 172.30.8.27; ip netns exec q186a traceroute -n -I -w 1 "
           "-q 4 -m 8 172.30.8.27; ip netns exec q186a traceroute -n -w 1 -q 4 -m 8 172.30.9.4; echo EXIT=$?")
    add("traceroute-prohibited", cmd, run(cmd, timeout=120), n_traceroute)
    cmd = (f"for h in {ADDRS}; do ip netns exec q186b traceroute -n -T -p 7000 -w 1 -q 3 -m 5 $h; done 2>&1 "
           "| tail -n 70")
    add("traceroute-tcp-loop-tail", cmd, run(cmd, timeout=240), n_traceroute)


def cap_socat(tmp: Path) -> None:
    cmd = ("for t in 172.30.8.25:7002 172.30.8.27:7000 172.30.8.23:7000 172.30.9.4:7000 172.30.8.21:7000; do "
           "echo \"== $t\"; ip netns exec q186a socat -d -d -u /dev/zero,readbytes=20000 TCP:$t,connect-timeout=2; "
           "echo EXIT=$?; done 2>&1")
    add("socat-debug-quay-targets", cmd, run(cmd, timeout=120), n_socat_debug)


def cap_arping(tmp: Path) -> None:
    cmd = (f"for h in {ADDRS} 172.30.8.250; do ip netns exec q186h1 arping -c 3 -w 2 -I eth0 $h; done 2>&1; "
           "echo EXIT=$?")
    add("arping-quay-loop", cmd, run(cmd, timeout=120), n_arping)


def cleanup(tmp: Path) -> None:
    for p in cm.PROCS:
        cm.stop(p)
    run(f"for n in {ALL}; do ip netns del $n; done")


STEPS = [cap_hw, cap_links, cap_tc, cap_bridge, cap_conntrack, cap_paths, cap_socat, cap_arping, cleanup]
