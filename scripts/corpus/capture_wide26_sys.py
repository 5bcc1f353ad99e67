"""Round 26, system tables and registry JSON: ss -tanp and lsof -i beside a written service (a parcel locker hub:
listeners, held connections, a stalled client) in fresh PID and network namespaces (round 25's ns_run); vmstat
under a CPU and a disk load; du | sort -h over node_modules and the sdists; PyPI's JSON simple API for two
projects; npm view --json for two packages. Each kind's extractor is the earlier round's, imported. Run through
capture_wide26.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_lsof, n_vmstat, start, write_tree
from capture_wide15_data import n_du, n_npm_view, n_ss
from capture_wide25_sys import n_pypi, ns_run
from capture_wide26 import JS24, JS25, add, cap

LOCKER_HUB = r'''
import socket, subprocess, sys, time

def listener(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(128)
    return s

workers = [subprocess.Popen(["sleep", "900"]) for _ in range(4)]
api, mqtt, metrics, admin = listener(7443), listener(1883), listener(9464), listener(2222)
held = []
for i in range(41):  # the lockers keep one MQTT session each; a few talk to the API
    port, srv = (1883, mqtt) if i % 5 else (7443, api)
    c = socket.create_connection(("127.0.0.1", port))
    held += [c, srv.accept()[0]]
scraper = socket.create_connection(("127.0.0.1", 9464))  # never reads: the send queue fills
conn = metrics.accept()[0]
conn.setblocking(False)
try:
    conn.sendall(b"m" * 900000)
except BlockingIOError:
    pass
held += [scraper, conn]
for _ in range(3):  # sessions that hang up: the hub side sits in CLOSE-WAIT
    c = socket.create_connection(("127.0.0.1", 2222))
    held.append(admin.accept()[0])
    c.close()
time.sleep(2)
print("ready", flush=True)
time.sleep(900)
'''


def sockets(tmp: Path) -> None:
    d = tmp / "lockerhub"
    write_tree(d, {"service.py": LOCKER_HUB})
    add("ss-tanp-lockerhub", "ss -tanp", ns_run(d, "ss -tanp"), n_ss)
    add("lsof-i-lockerhub", "lsof -i -n -P", ns_run(d, "lsof -i -n -P"), n_lsof)
    add("lsof-itcp-listen-closewait-lockerhub", "lsof -n -P -iTCP -sTCP:LISTEN,CLOSE_WAIT",
        ns_run(d, "lsof -n -P -iTCP -sTCP:LISTEN,CLOSE_WAIT"), n_lsof)
    add("ss-tanpo-lockerhub-state", "ss -tanpo state established", ns_run(d, "ss -tanpo state established"), n_ss)


def load(tmp: Path) -> None:
    burn = start("timeout 14 sh -c 'while :; do :; done'", cwd=tmp)
    cap("vmstat-w-1-8-cpu-load", "vmstat -w 1 8", tmp, n_vmstat, timeout=60)
    burn.wait()
    disk = start(f"timeout 12 dd if=/dev/zero of={tmp}/big.bin bs=1M count=1500 oflag=direct", cwd=tmp)
    cap("vmstat-t-1-10-disk", "vmstat -t 1 10", tmp, n_vmstat, timeout=60)
    disk.wait()


def listings(tmp: Path) -> None:
    cap("du-ah-jest-modules-sort-h", "du -ah node_modules/jest* node_modules/@jest | sort -h | tail -n 200", JS25,
        n_du)
    cap("du-sh-node-modules-sort-h", "du -sh node_modules/* node_modules/@*/* | sort -h | tail -n 120", JS24, n_du)


def registry(tmp: Path) -> None:
    for name in ("toolz", "tabulate", "humanize"):
        cap(f"curl-pypi-simple-json-{name}", "curl -s -H 'Accept: application/vnd.pypi.simple.v1+json' "
            f"https://pypi.org/simple/{name}/ | python3 -m json.tool", tmp, n_pypi, timeout=120)
    cap("npm-view-pathe-json", "npm view pathe --json", tmp, n_npm_view, timeout=120)
    cap("npm-view-nanoid-json", "npm view nanoid --json", tmp, n_npm_view, timeout=120)


STEPS = [sockets, load, listings, registry]
