"""Round 83's mosquitto, Unbound, dnsmasq, Squid, tshark and nstat on loopback for the `parcels` courier network:
handheld scanners and van trackers publishing over MQTT (a few with wrong passwords, spread through the run), a local
resolver and a dnsmasq forwarding to an upstream that is down, a caching proxy in front of the tracking API, a pcap of
that traffic read by tshark, and the kernel's counters. Needles from round 79's extractors (capture_wide79_net.py),
imported. Run through capture_wide83.py."""

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
from capture_wide83 import cap
from capture_wide83_web import TRACKING, depots
from capture_wide79_net import (n_dnsmasq_log, n_mosq_log, n_nstat, n_squid_access, n_tshark_conv, n_tshark_summary,
                                n_tshark_verbose, n_unbound_log)

# ------------------------------------------------------------------ mosquitto

SCANGEN = r'''
import random, sys, time
rnd = random.Random(sys.argv[1]); n = int(sys.argv[2]); kind = sys.argv[3]
for i in range(n):
    if kind == "scan":
        print(f'{{"parcel": "PX{rnd.randint(1000000, 9999999)}", "door": {rnd.randint(1, 24)}}}')
    elif kind == "gps":
        print(f"{rnd.uniform(50.1, 57.9):.5f},{rnd.uniform(-5.5, 1.7):.5f}")
    else:
        print(rnd.choice(["ok"] * 10 + ["low battery 9%", "error: label misread"]))
    sys.stdout.flush(); time.sleep(float(sys.argv[4]))
'''


def _mqtt_connect(cid: str, user: str, pw: str, keepalive: int) -> bytes:
    def s(x: str) -> bytes:
        return len(x).to_bytes(2, "big") + x.encode()
    rest = s("MQTT") + bytes([4, 0xC2]) + keepalive.to_bytes(2, "big") + s(cid) + s(user) + s(pw)
    return bytes([0x10, len(rest)]) + rest


def raw_clients(port: int, rnd: random.Random) -> None:
    """Auth failures spread through the run: old handhelds retrying an old password at random gaps, a tracker
    that goes silent past its keepalive, a health-check probe speaking HTTP to the broker."""
    def retry(cid: str, n: int, delay: float):
        time.sleep(delay)
        for _ in range(n):
            try:
                with socket.create_connection(("127.0.0.1", port)) as c:
                    c.sendall(_mqtt_connect(cid, "scanner", "Scan2024!", 20))
                    time.sleep(0.2)
            except OSError:
                pass
            time.sleep(rnd.uniform(1.0, 3.0))

    def silent():
        time.sleep(4)
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(_mqtt_connect("van-tracker-ely04", "scanner", "Scan2026!", 2))
            time.sleep(6)

    def probe():
        time.sleep(9)
        with socket.create_connection(("127.0.0.1", port)) as c:
            c.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
            time.sleep(0.5)
    for cid, n, delay in (("hh-bolton-117", 6, 0.5), ("hh-truro-022", 4, 6.0), ("sorter-plc-derby", 3, 11.0)):
        threading.Thread(target=retry, args=(cid, n, delay), daemon=True).start()
    for fn in (silent, probe):
        threading.Thread(target=fn, daemon=True).start()


def mosquitto_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "mosquitto"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    run("mosquitto_passwd -b -c passwd scanner 'Scan2026!' && mosquitto_passwd -b passwd hub hub-2026 && "
        "chmod 644 passwd", cwd=d)
    (d / "acl").write_text("user scanner\ntopic write parcels/#\nuser hub\ntopic read parcels/#\n")
    (d / "mosquitto.conf").write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {d}/passwd\nacl_file {d}/acl\n"
        f"log_dest file {d}/mosquitto.log\nlog_type all\nconnection_messages true\n"
        "log_timestamp true\npersistence false\nmax_keepalive 120\n")
    run(f"chmod 755 {d} && touch mosquitto.log && chmod 666 mosquitto.log", cwd=d)
    p = cm.start(["mosquitto", "-c", "mosquitto.conf"], cwd=d)
    if not wait_port(port, 10):
        raise RuntimeError("mosquitto did not start")
    (d / "scangen.py").write_text(SCANGEN)
    auth = f"-h 127.0.0.1 -p {port}"
    rnd = random.Random(8330)
    raw_clients(port, rnd)
    pubs = []
    for k, dp in enumerate(depots(8331, 14)):
        for kind, n, gap in (("scan", 50, 0.12), ("gps", 16, 0.4), ("health", 8, 0.9)):
            pw = "Scan2026!" if (k, kind) not in ((3, "gps"), (9, "scan"), (12, "health")) else "scan2026"
            pubs.append(cm.start(f"sleep {rnd.uniform(0, 8):.1f}; python3 scangen.py {k}{kind} {n} {kind} {gap} | "
                                 f"mosquitto_pub {auth} -u scanner -P '{pw}' -i {kind}-{dp} -q {k % 2} -l "
                                 f"-t parcels/{dp}/{kind}", cwd=d))
    sub = cm.start(f"mosquitto_sub {auth} -u hub -P hub-2026 -i hub-archiver -v -t 'parcels/#' -W 25", cwd=d)
    cm.start(f"sleep 5; mosquitto_sub {auth} -u billing -P x -i billing-export-1 -t 'parcels/#' -C 1", cwd=d)
    for q in pubs:
        try:
            q.wait(timeout=40)
        except Exception:  # noqa: BLE001
            pass
    time.sleep(3)
    cm.stop(sub)
    cm.stop(p)
    cap("mosquitto-log-tail-1000", "tail -n 1000 mosquitto.log", d, n_mosq_log)
    cap("mosquitto-log-grep-v-pub", "grep -v -E 'PUBLISH|PUBACK|PINGREQ|PINGRESP|PUBREC|PUBREL|PUBCOMP' mosquitto.log",
        d, n_mosq_log)
    cap("mosquitto-log-grep-i-error-echo", "grep -i -E 'error|refus|not authori|disconnect' mosquitto.log; "
        "echo EXIT=$?", d, n_mosq_log)


# ------------------------------------------------------------------ Unbound and dnsmasq

def dns_queries(seed: int, n: int, ds: list[str]) -> str:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        r = rnd.random()
        if r < 0.55:
            out.append(f"{rnd.choice(ds)}.parcels.test {rnd.choice(['A', 'A', 'AAAA', 'MX'])}")
        elif r < 0.75:
            out.append(f"{rnd.choice(['track', 'mqtt', 'labels', 'billing'])}.parcels.test A")
        elif r < 0.88:
            out.append(f"{rnd.choice(['old', 'staging', 'legacy'])}-{rnd.randint(1, 5)}.parcels.test A")
        else:
            out.append(f"{rnd.choice(['metrics.vendor.example', 'beacon.ads.test'])} A")
        if k in (77, 301, 555):
            out.append(f"{['osm-tiles.example', 'carrier-api.example', 'ntp.example'][(77, 301, 555).index(k)]} A")
    return "\n".join(out) + "\n"


def dns_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "dns"
    d.mkdir(parents=True, exist_ok=True)
    ds = depots(8340, 30)
    uport, dead = free_port(), free_port()
    local = "".join(f'  local-data: "{dp}.parcels.test. 600 IN A 10.44.{k // 100}.{k % 100 + 10}"\n'
                    for k, dp in enumerate(ds))
    local += "".join(f'  local-data: "{n}.parcels.test. 600 IN A 10.44.8.{k + 1}"\n'
                     for k, n in enumerate(["track", "mqtt", "labels"]))
    (d / "unbound.conf").write_text(
        f"server:\n  interface: 127.0.0.1\n  port: {uport}\n  do-ip6: no\n  do-daemonize: no\n  use-syslog: no\n"
        f"  chroot: \"\"\n  username: \"\"\n  pidfile: \"\"\n  directory: \"{d}\"\n  logfile: \"{d}/unbound.log\"\n"
        "  verbosity: 1\n  log-queries: yes\n  log-replies: yes\n  log-servfail: yes\n  module-config: \"iterator\"\n"
        "  access-control: 127.0.0.0/8 allow\n  local-zone: \"parcels.test.\" static\n"
        "  local-zone: \"ads.test.\" always_nxdomain\n" + local +
        f"remote-control:\n  control-enable: no\nforward-zone:\n  name: \".\"\n  forward-addr: 127.0.0.1@{dead}\n")
    p = cm.start(["unbound", "-d", "-c", "unbound.conf"], cwd=d)
    time.sleep(1.5)
    (d / "queries.txt").write_text(dns_queries(8341, 700, ds))
    run(f"dig @127.0.0.1 -p {uport} +tries=1 +time=2 -f queries.txt > dig.out", cwd=d, timeout=240)
    time.sleep(0.5)
    cm.stop(p)
    cap("unbound-log-head-250", "head -n 250 unbound.log", d, n_unbound_log)
    cap("unbound-log-tail-120", "tail -n 120 unbound.log", d, n_unbound_log)
    cap("unbound-log-grep-i-error-nx", "grep -E 'error|warning|NXDOMAIN|SERVFAIL' unbound.log | tail -n 120", d,
        n_unbound_log)
    mport = free_port()
    (d / "parcels.hosts").write_text("".join(f"10.45.0.{k + 1} {dp}.parcels.test {dp}\n" for k, dp in enumerate(ds[:22])))
    p = cm.start(["dnsmasq", "-k", "--conf-file=/dev/null", f"--port={mport}", "--listen-address=127.0.0.1",
                  "--bind-interfaces", "--no-resolv", "--no-hosts", f"--addn-hosts={d}/parcels.hosts",
                  f"--server=127.0.0.1#{dead}", "--log-queries=extra", f"--log-facility={d}/dnsmasq.log",
                  "--address=/ads.test/", "--local=/parcels.test/", "--user=root", "--cache-size=50"], cwd=d)
    time.sleep(1)
    (d / "queries2.txt").write_text(dns_queries(8342, 420, ds))
    run(f"dig @127.0.0.1 -p {mport} +tries=1 +time=1 -f queries2.txt > dig2.out", cwd=d, timeout=240)
    cm.stop(p)
    cap("dnsmasq-log-tail-300", "tail -n 300 dnsmasq.log", d, n_dnsmasq_log)
    cap("dnsmasq-log-grep-v-cached-echo", "grep -v -E 'cached|/parcels.hosts' dnsmasq.log | head -n 260; echo EXIT=$?",
        d, n_dnsmasq_log)


# ------------------------------------------------------------------ Squid in front of the tracking API

def squid_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "squid"
    d.mkdir(parents=True, exist_ok=True)
    run(f"chmod 777 {d}", cwd=d)
    sport, up, down = free_port(), free_port(), free_port()
    (d / "tracking.py").write_text(TRACKING)
    cm.start(["python3", "tracking.py", str(up)], cwd=d)
    wait_port(up, 10)
    (d / "squid.conf").write_text(
        f"http_port 127.0.0.1:{sport}\npid_filename {d}/squid.pid\ncache_log {d}/cache.log\n"
        f"access_log stdio:{d}/access.log squid\ncache_store_log none\ncoredump_dir {d}\ncache_mem 8 MB\n"
        "acl ads dstdomain .ads.test\nacl labels urlpath_regex ^/labels/\nacl Safe_ports port 80 1025-65535\n"
        "acl PURGE method PURGE\nhttp_access deny PURGE\n"
        "http_access deny !Safe_ports\nhttp_access deny ads\nhttp_access deny labels\n"
        "http_access allow localhost\nhttp_access deny all\nforward_timeout 4 seconds\nconnect_timeout 2 seconds\n"
        "shutdown_lifetime 1 seconds\nrefresh_pattern /v2/track/ 1 50% 5\nrefresh_pattern . 0 20% 60\n"
        "hosts_file /etc/hosts\ndns_nameservers 127.0.0.1\n")
    run("touch access.log cache.log && chmod 666 access.log cache.log", cwd=d)
    p = cm.start(["squid", "-N", "-f", "squid.conf"], cwd=d)
    if not wait_port(sport, 20):
        raise RuntimeError("squid did not start")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{sport}"}))
    rnd = random.Random(8350)
    hot = [f"PX{rnd.randint(1000000, 8999999)}" for _ in range(40)]
    for k in range(1100):
        r = rnd.random()
        method, data = "GET", None
        if r < 0.65:
            url = f"http://127.0.0.1:{up}/v2/track/{rnd.choice(hot)}"
        elif r < 0.75:
            url = f"http://127.0.0.1:{up}/v2/track/PX9{rnd.randint(100000, 999999)}"
        elif r < 0.85:
            url, method = f"http://127.0.0.1:{up}/v2/parcels/{rnd.choice(hot)}/weight", "PUT"
            data = b'{"weight_g": 1200}'
        elif r < 0.93:
            url = f"http://127.0.0.1:{up}/labels/A6-{rnd.choice(['leeds', 'hull'])}.pdf"
        else:
            url = rnd.choice([f"http://127.0.0.1:{down}/v2/track/PX1", "http://beacon.ads.test/b.gif",
                              "http://carrier-api.example/v1/rates"])
        if k in (410, 870):
            method = "PURGE"
        if k == 222:
            url = "http://127.0.0.1:22/"
        try:
            opener.open(urllib.request.Request(url, data=data, method=method), timeout=8).read()
        except Exception:  # noqa: BLE001  the errors are what the log shows
            pass
    time.sleep(1)
    cap("squid-access-log-head-300", "head -n 300 access.log", d, n_squid_access)
    cap("squid-access-log-grep-denied-miss", "grep -E 'DENIED|ERROR|/5[0-9][0-9] |/000 ' access.log | tail -n 120; "
        "echo EXIT=$?", d, n_squid_access)
    cap("squid-access-log-awk-not-200-tail-100", "awk '$4 !~ /\\/200$/' access.log | tail -n 100", d, n_squid_access)
    cm.stop(p)


# ------------------------------------------------------------------ a pcap of loopback traffic, read by tshark

def pcap_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "pcap"
    d.mkdir(parents=True, exist_ok=True)
    up, down, dns = free_port(), free_port(), free_port()
    (d / "tracking.py").write_text(TRACKING)
    cm.start(["python3", "tracking.py", str(up)], cwd=d)
    wait_port(up, 10)
    cap_p = cm.start(["dumpcap", "-q", "-i", "lo", "-P", "-f", f"port {up} or port {down} or port {dns}", "-w",
                      str(d / "parcels.pcap")], cwd=d)
    time.sleep(2)
    rnd = random.Random(8360)
    for k in range(90):
        r = rnd.random()
        if r < 0.7:
            url, data, m = f"http://127.0.0.1:{up}/v2/track/PX{rnd.randint(1000000, 9999999)}", None, "GET"
        elif r < 0.85:
            url, data, m = f"http://127.0.0.1:{up}/v2/parcels/PX4411/weight", b'{"weight_g": -40}', "PUT"
        else:
            url, data, m = f"http://127.0.0.1:{up}/v2/track/PX9{rnd.randint(100000, 999999)}", None, "GET"
        try:
            urllib.request.urlopen(urllib.request.Request(url, data=data, method=m), timeout=5).read()
        except Exception:  # noqa: BLE001
            pass
        if k % 25 == 3:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{down}/v2/track/PX1", timeout=2)
            except Exception:  # noqa: BLE001
                pass
        time.sleep(0.02)
    run(f"dig @127.0.0.1 -p {dns} +tries=1 +time=1 track.parcels.test", cwd=d, timeout=20)
    time.sleep(1.5)
    cm.stop(cap_p)
    time.sleep(0.5)
    cap("tshark-r-tail-200", "tshark -r parcels.pcap 2>&1 | tail -n 200", d, n_tshark_summary)
    cap("tshark-r-http-filter", "tshark -r parcels.pcap -Y 'http or tcp.flags.reset == 1'", d, n_tshark_summary)
    cap("tshark-V-O-http-5xx", "tshark -r parcels.pcap -V -O http -Y 'http.response.code >= 500'", d,
        n_tshark_verbose)
    cap("tshark-V-put-head-400", "tshark -r parcels.pcap -V -Y 'http.request.method == \"PUT\"' | head -n 400", d,
        n_tshark_verbose)
    cap("tshark-V-rst", "tshark -r parcels.pcap -V -Y 'tcp.flags.reset == 1 or udp'; echo EXIT=$?", d,
        n_tshark_verbose)
    cap("tshark-z-conv-tcp-http", "tshark -r parcels.pcap -q -z conv,tcp", d, n_tshark_conv)
    cap("tshark-z-conv-udp-tcp", "tshark -r parcels.pcap -q -z conv,udp -z conv,tcp | head -n 60", d, n_tshark_conv)


def nstat_steps(tmp: Path) -> None:
    d = tmp / "parcels"
    d.mkdir(parents=True, exist_ok=True)
    cap("nstat-az-tcpext", "nstat -az 'TcpExt*'; echo EXIT=$?", d, n_nstat)
    cap("nstat-az-grep-v-zero", "nstat -az | awk '$2 != 0'", d, n_nstat)


STEPS = [mosquitto_steps, dns_steps, squid_steps, pcap_steps, nstat_steps]
