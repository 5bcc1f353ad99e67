"""Round 86's mosquitto, Unbound, dnsmasq, Squid, tshark and nstat on loopback for the `bikeshare` network: docking
stations and e-bikes publishing telemetry over MQTT (a few with wrong passwords, a client sending a malformed packet,
a kiosk gone silent past its keepalive), a local resolver and a dnsmasq forwarding to an upstream that is down, a
caching proxy in front of the rental API, a pcap of that traffic read by tshark (with a lock controller that resets its
connections and a listener whose backlog is full, so SYNs are retransmitted), and the kernel's counters. Needles from
round 79's extractors (capture_wide79_net.py), imported. Run through capture_wide86.py."""

from __future__ import annotations

import random
import socket
import threading
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide86 import cap
from capture_wide86_web import RENTAL, stations
from capture_wide79_net import (n_dnsmasq_log, n_mosq_log, n_nstat, n_squid_access, n_tshark_conv, n_tshark_summary,
                                n_tshark_io, n_tshark_verbose, n_unbound_log)

# ------------------------------------------------------------------ mosquitto

TELEMETRY = r'''
import random, sys, time
rnd = random.Random(sys.argv[1]); n = int(sys.argv[2]); kind = sys.argv[3]
for i in range(n):
    if kind == "dock":
        print(f'{{"bike": "BK{rnd.randint(1000000, 9999999)}", "slot": {rnd.randint(1, 40)}, "ev": "{rnd.choice(["in", "out"])}"}}')
    elif kind == "gps":
        print(f"{rnd.uniform(51.40, 51.60):.5f},{rnd.uniform(-0.30, 0.05):.5f},{rnd.randint(0, 28)}")
    else:
        print(rnd.choice(["ok"] * 12 + ["lock fault slot 7", "error: payment terminal offline"]))
    sys.stdout.flush(); time.sleep(float(sys.argv[4]))
'''


def _mqtt_connect(cid: str, user: str, pw: str, keepalive: int) -> bytes:
    def s(x: str) -> bytes:
        return len(x).to_bytes(2, "big") + x.encode()
    rest = s("MQTT") + bytes([4, 0xC2]) + keepalive.to_bytes(2, "big") + s(cid) + s(user) + s(pw)
    return bytes([0x10, len(rest)]) + rest


def raw_clients(port: int, rnd: random.Random) -> None:
    """Auth failures spread through the run: docks and e-bike firmware retrying an old password at random gaps, a
    kiosk that goes silent past its keepalive, a client publishing before it connects."""
    def retry(cid: str, n: int, delay: float):
        time.sleep(delay)
        for _ in range(n):
            try:
                with socket.create_connection(("127.0.0.1", port)) as c:
                    c.sendall(_mqtt_connect(cid, "dock", "Dock2025#", 30))
                    time.sleep(0.2)
            except OSError:
                pass
            time.sleep(rnd.uniform(1.0, 3.0))

    def silent():
        time.sleep(4)
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(_mqtt_connect("kiosk-oval-09", "dock", "Dock2026#", 3))
            time.sleep(12)

    def probe():
        time.sleep(13)
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(bytes([0x30, 0x05, 0x00, 0x09, 0x62, 0x69, 0x6b]))  # PUBLISH before CONNECT
            time.sleep(0.5)
    for cid, n, delay in (("dock-putney-031", 5, 1.5), ("ebike-fw-upd-77", 7, 3.0), ("kiosk-kew-02", 3, 9.0), ("dock-bow-112", 2, 14.0)):
        threading.Thread(target=retry, args=(cid, n, delay), daemon=True).start()
    for fn in (silent, probe):
        threading.Thread(target=fn, daemon=True).start()


def mosquitto_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "mosquitto"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    run("mosquitto_passwd -b -c passwd dock 'Dock2026#' && mosquitto_passwd -b passwd ops ops-2026 && "
        "chmod 644 passwd", cwd=d)
    (d / "acl").write_text("user dock\ntopic write bikeshare/+/+\nuser ops\ntopic read bikeshare/#\n")
    (d / "mosquitto.conf").write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {d}/passwd\nacl_file {d}/acl\n"
        f"log_dest file {d}/mosquitto.log\nlog_type all\nconnection_messages true\n"
        "log_timestamp true\npersistence false\nmax_keepalive 90\n")
    run(f"chmod 755 {d} && touch mosquitto.log && chmod 666 mosquitto.log", cwd=d)
    p = cm.start(["mosquitto", "-c", "mosquitto.conf"], cwd=d)
    if not wait_port(port, 10):
        raise RuntimeError("mosquitto did not start")
    (d / "telemetry.py").write_text(TELEMETRY)
    auth = f"-h 127.0.0.1 -p {port}"
    rnd = random.Random(8630)
    raw_clients(port, rnd)
    pubs = []
    for k, dp in enumerate(stations(8631, 17)):
        for kind, n, gap in (("dock", 36, 0.15), ("gps", 22, 0.3), ("health", 6, 1.1)):
            pw = "Dock2026#" if (k, kind) not in ((2, "health"), (7, "dock"), (15, "gps")) else "Dock2026"
            pubs.append(cm.start(f"sleep {rnd.uniform(0, 8):.1f}; python3 telemetry.py {k}{kind} {n} {kind} {gap} | "
                                 f"mosquitto_pub {auth} -u dock -P '{pw}' -i {kind}-{dp} -q {k % 2} -l "
                                 f"-t bikeshare/{dp}/{kind}", cwd=d))
    sub = cm.start(f"mosquitto_sub {auth} -u ops -P ops-2026 -i ops-dashboard -v -t 'bikeshare/#' -W 25", cwd=d)
    cm.start(f"sleep 7; mosquitto_sub {auth} -u payments -P x -i payments-recon-2 -t 'bikeshare/#' -C 1", cwd=d)
    cm.start(f"sleep 3; mosquitto_pub {auth} -u dock -P 'Dock2026#' -i dock-admin-tool -t bikeshare/fleet/rebalance/now "
             "-m go -q 1", cwd=d)
    for q in pubs:
        try:
            q.wait(timeout=40)
        except Exception:  # noqa: BLE001
            pass
    time.sleep(3)
    cm.stop(sub)
    cm.stop(p)
    cap("mosquitto-log-tail-400", "tail -n 400 mosquitto.log", d, n_mosq_log)
    cap("mosquitto-log-grep-v-publish-head-300", "grep -v -E 'PUBLISH|PUBACK|PINGREQ|PINGRESP' mosquitto.log | "
        "head -n 300", d, n_mosq_log)
    cap("mosquitto-log-grep-i-error-denied-echo", "grep -i -E 'error|denied|not authori|timeout|malformed' "
        "mosquitto.log; echo EXIT=$?", d, n_mosq_log)


# ------------------------------------------------------------------ Unbound and dnsmasq

def dns_queries(seed: int, n: int, ds: list[str]) -> str:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        r = rnd.random()
        if r < 0.6:
            out.append(f"{rnd.choice(ds)}.bikeshare.test {rnd.choice(['A', 'A', 'A', 'AAAA', 'TXT'])}")
        elif r < 0.8:
            out.append(f"{rnd.choice(['rent', 'mqtt', 'maps', 'pay'])}.bikeshare.test A")
        elif r < 0.9:
            out.append(f"{rnd.choice(['beta', 'old-dock', 'kiosk-test'])}-{rnd.randint(1, 5)}.bikeshare.test A")
        else:
            out.append(f"{rnd.choice(['tracker.ads.test', 'fw.ebike-vendor.example'])} A")
        if k in (45, 260):
            out.append(f"{['tiles.osm.example', 'payments-gw.example'][(45, 260).index(k)]} A")
    return "\n".join(out) + "\n"


def dns_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "dns"
    d.mkdir(parents=True, exist_ok=True)
    ds = stations(8640, 36)
    uport, dead = free_port(), free_port()
    local = "".join(f'  local-data: "{dp}.bikeshare.test. 600 IN A 10.61.{k // 100}.{k % 100 + 10}"\n'
                    for k, dp in enumerate(ds))
    local += "".join(f'  local-data: "{n}.bikeshare.test. 600 IN A 10.61.8.{k + 1}"\n'
                     for k, n in enumerate(["rent", "mqtt", "maps"]))
    (d / "unbound.conf").write_text(
        f"server:\n  interface: 127.0.0.1\n  port: {uport}\n  do-ip6: no\n  do-daemonize: no\n  use-syslog: no\n"
        f"  chroot: \"\"\n  username: \"\"\n  pidfile: \"\"\n  directory: \"{d}\"\n  logfile: \"{d}/unbound.log\"\n"
        "  verbosity: 1\n  log-queries: yes\n  log-replies: yes\n  log-servfail: yes\n  module-config: \"iterator\"\n"
        "  access-control: 127.0.0.0/8 allow\n  local-zone: \"bikeshare.test.\" static\n"
        "  local-zone: \"ads.test.\" always_nxdomain\n" + local +
        f"remote-control:\n  control-enable: no\nforward-zone:\n  name: \".\"\n  forward-addr: 127.0.0.1@{dead}\n")
    p = cm.start(["unbound", "-d", "-c", "unbound.conf"], cwd=d)
    time.sleep(1.5)
    (d / "queries.txt").write_text(dns_queries(8641, 520, ds))
    run(f"dig @127.0.0.1 -p {uport} +tries=1 +time=2 -f queries.txt > dig.out", cwd=d, timeout=240)
    time.sleep(0.5)
    cm.stop(p)
    cap("unbound-log-tail-200", "tail -n 200 unbound.log", d, n_unbound_log)
    cap("unbound-log-grep-servfail-nx-head-80-echo", "grep -E 'error|SERVFAIL|NXDOMAIN' unbound.log | head -n 80; "
        "echo EXIT=$?", d, n_unbound_log)
    mport = free_port()
    (d / "bikeshare.hosts").write_text("".join(f"10.62.0.{k + 1} {dp}.bikeshare.test {dp}\n" for k, dp in enumerate(ds[:26])))
    p = cm.start(["dnsmasq", "-k", "--conf-file=/dev/null", f"--port={mport}", "--listen-address=127.0.0.1",
                  "--bind-interfaces", "--no-resolv", "--no-hosts", f"--addn-hosts={d}/bikeshare.hosts",
                  f"--server=127.0.0.1#{dead}", "--log-queries=extra", f"--log-facility={d}/dnsmasq.log",
                  "--address=/ads.test/", "--local=/bikeshare.test/", "--user=root", "--cache-size=30"], cwd=d)
    time.sleep(1)
    (d / "queries2.txt").write_text(dns_queries(8642, 380, ds))
    run(f"dig @127.0.0.1 -p {mport} +tries=1 +time=1 -f queries2.txt > dig2.out", cwd=d, timeout=240)
    cm.stop(p)
    cap("dnsmasq-log-head-240", "head -n 240 dnsmasq.log", d, n_dnsmasq_log)
    cap("dnsmasq-log-grep-nx-failed-tail-100", "grep -E 'NXDOMAIN|REFUSED|failed|NODATA|config' dnsmasq.log | "
        "tail -n 100", d, n_dnsmasq_log)


# ------------------------------------------------------------------ Squid in front of the rental API

def squid_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "squid"
    d.mkdir(parents=True, exist_ok=True)
    run(f"chmod 777 {d}", cwd=d)
    sport, up, down = free_port(), free_port(), free_port()
    (d / "rental.py").write_text(RENTAL)
    cm.start(["python3", "rental.py", str(up)], cwd=d)
    wait_port(up, 10)
    (d / "squid.conf").write_text(
        f"http_port 127.0.0.1:{sport}\npid_filename {d}/squid.pid\ncache_log {d}/cache.log\n"
        f"access_log stdio:{d}/access.log squid\ncache_store_log none\ncoredump_dir {d}\ncache_mem 8 MB\n"
        "acl ads dstdomain .ads.test\nacl maps urlpath_regex ^/maps/\nacl Safe_ports port 80 1025-65535\n"
        "acl PURGE method PURGE\nacl admin urlpath_regex ^/admin/\nhttp_access deny PURGE\nhttp_access deny admin\n"
        "http_access deny !Safe_ports\nhttp_access deny ads\nhttp_access deny maps\n"
        "http_access allow localhost\nhttp_access deny all\nforward_timeout 4 seconds\nconnect_timeout 2 seconds\n"
        "shutdown_lifetime 1 seconds\nrefresh_pattern /v3/bikes/ 2 40% 10\nrefresh_pattern . 0 20% 60\n"
        "hosts_file /etc/hosts\ndns_nameservers 127.0.0.1\n")
    run("touch access.log cache.log && chmod 666 access.log cache.log", cwd=d)
    p = cm.start(["squid", "-N", "-f", "squid.conf"], cwd=d)
    if not wait_port(sport, 20):
        raise RuntimeError("squid did not start")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{sport}"}))
    rnd = random.Random(8650)
    hot = [f"BK{rnd.randint(1000000, 8999999)}" for _ in range(55)]
    for k in range(900):
        r = rnd.random()
        method, data = "GET", None
        if r < 0.65:
            url = f"http://127.0.0.1:{up}/v3/bikes/{rnd.choice(hot)}"
        elif r < 0.8:
            url = f"http://127.0.0.1:{up}/v3/bikes/BK9{rnd.randint(100000, 999999)}"
        elif r < 0.85:
            url, method = f"http://127.0.0.1:{up}/v3/bikes/{rnd.choice(hot)}/charge", "PUT"
            data = b'{"charge_pct": 64}'
        elif r < 0.93:
            url = f"http://127.0.0.1:{up}/{rnd.choice(['maps/zone-bow.png', 'admin/rebalance', 'maps/docks.geojson'])}"
        else:
            url = rnd.choice([f"http://127.0.0.1:{down}/v3/bikes/BK1", "http://tracker.ads.test/px.gif",
                              "http://payments-gw.example/v1/settle"])
        if k in (150, 640):
            method = "PURGE"
        if k == 333:
            url = "http://127.0.0.1:25/"
        try:
            opener.open(urllib.request.Request(url, data=data, method=method), timeout=8).read()
        except Exception:  # noqa: BLE001  the errors are what the log shows
            pass
    time.sleep(1)
    cap("squid-access-log-tail-250", "tail -n 250 access.log", d, n_squid_access)
    cap("squid-access-log-grep-denied-5xx-head-100-echo", "grep -E 'DENIED|/5[0-9][0-9] |/000 ' access.log | "
        "head -n 100; echo EXIT=$?", d, n_squid_access)
    cm.stop(p)


# ------------------------------------------------------------------ a pcap of loopback traffic, read by tshark

LOCKCTL = r'''
import socket, struct, sys
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(8)
while True:
    c, _ = srv.accept()
    c.recv(2048)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()
'''

FULL = r'''
import socket, sys, time
srv = socket.socket(); srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(0)
time.sleep(float(sys.argv[2]))
'''


def pcap_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "pcap"
    d.mkdir(parents=True, exist_ok=True)
    up, down, dns, lock, full = free_port(), free_port(), free_port(), free_port(), free_port()
    (d / "rental.py").write_text(RENTAL)
    (d / "lockctl.py").write_text(LOCKCTL)
    (d / "full.py").write_text(FULL)
    cm.start(["python3", "rental.py", str(up)], cwd=d)
    cm.start(["python3", "lockctl.py", str(lock)], cwd=d)
    cm.start(["python3", "full.py", str(full), "60"], cwd=d)
    wait_port(up, 10)
    wait_port(lock, 10)
    cap_p = cm.start(["dumpcap", "-q", "-i", "lo", "-P", "-f",
                      f"port {up} or port {down} or port {dns} or port {lock} or port {full}", "-w",
                      str(d / "bikeshare.pcap")], cwd=d)
    time.sleep(2)

    def stuck(n: int) -> None:  # connections to a listener whose backlog is full: their SYNs are retransmitted
        try:
            socket.create_connection(("127.0.0.1", full), timeout=2.5).sendall(b"GET /slots HTTP/1.0\r\n\r\n")
        except OSError:
            pass
    rnd = random.Random(8660)
    for k in range(150):
        r = rnd.random()
        if r < 0.72:
            url, data, m = f"http://127.0.0.1:{up}/v3/bikes/BK{rnd.randint(1000000, 9999999)}", None, "GET"
        elif r < 0.84:
            url, data, m = (f"http://127.0.0.1:{up}/v3/bikes/BK{rnd.randint(1000000, 9999999)}/charge",
                            rnd.choice([b'{"charge_pct": 77}', b'{"charge_pct": -3}']), "PUT")
        else:
            url, data, m = f"http://127.0.0.1:{up}/v3/bikes/BK9{rnd.randint(100000, 999999)}", None, "GET"
        try:
            urllib.request.urlopen(urllib.request.Request(url, data=data, method=m), timeout=5).read()
        except Exception:  # noqa: BLE001
            pass
        if k % 37 == 5:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{down}/v3/bikes/BK1", timeout=2)
            except Exception:  # noqa: BLE001
                pass
        if k % 19 == 11:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{lock}/unlock/slot{k % 40}", timeout=2)
            except Exception:  # noqa: BLE001
                pass
        if k in (20, 21, 22, 23, 90):
            threading.Thread(target=stuck, args=(k,), daemon=True).start()
        time.sleep(0.06)
    run(f"dig @127.0.0.1 -p {dns} +tries=2 +time=1 rent.bikeshare.test", cwd=d, timeout=20)
    time.sleep(2)
    cm.stop(cap_p)
    time.sleep(0.5)
    P = "tshark -r bikeshare.pcap"
    cap("tshark-r-head-300", f"{P} | head -n 300", d, n_tshark_summary)
    cap("tshark-r-filter-rst-retrans-4xx", f"{P} -Y 'tcp.flags.reset == 1 or tcp.analysis.retransmission or "
        "http.response.code >= 400'", d, n_tshark_summary)
    cap("tshark-r-http-tail-150", f"{P} -Y http 2>&1 | tail -n 150", d, n_tshark_summary)
    cap("tshark-r-lock-port-udp-echo", f"{P} -Y 'tcp.port == {lock} or udp'; echo EXIT=$?", d, n_tshark_summary)
    cap("tshark-V-O-http-404-head-600", f"{P} -V -O http -Y 'http.response.code == 404' | head -n 600", d,
        n_tshark_verbose)
    cap("tshark-V-retrans", f"{P} -V -Y 'tcp.analysis.retransmission'", d, n_tshark_verbose)
    cap("tshark-V-O-tcp-rst-tail-300-echo", f"{P} -V -O tcp -Y 'tcp.flags.reset == 1' | tail -n 300; echo EXIT=$?",
        d, n_tshark_verbose)
    cap("tshark-z-conv-tcp-head-80", f"{P} -q -z conv,tcp | head -n 80", d, n_tshark_conv)
    cap("tshark-z-conv-ip-udp", f"{P} -q -z conv,ip -z conv,udp", d, n_tshark_conv)
    cap("tshark-z-io-stat-0.5", f"{P} -q -z io,stat,0.5", d, n_tshark_io)
    cap("tshark-z-io-stat-errors-1", f"{P} -q -z 'io,stat,1,tcp.flags.reset==1,tcp.analysis.retransmission,"
        "http.response.code>=400'", d, n_tshark_io)


def nstat_steps(tmp: Path) -> None:
    d = tmp / "bikeshare"
    d.mkdir(parents=True, exist_ok=True)
    cap("nstat-az-tcp-udp-echo", "nstat -az 'Tcp*' 'Udp*' 'Ip*'; echo EXIT=$?", d, n_nstat)
    cap("nstat-az-grep-i-fail-drop", "nstat -az | grep -i -E 'fail|drop|retrans|reset|abort|timeout|overflow'", d,
        n_nstat)


STEPS = [mosquitto_steps, dns_steps, squid_steps, pcap_steps, nstat_steps]
