"""Round 66's scratch redis-server and memcached on loopback, and the extractors of their kinds (NEEDLES.md, "Round
66"): a food-delivery app's cache (`dispatch`: users, sessions, carts, orders, rate limits, courier positions, an
order-events stream with consumer groups), seeded for size, with idle clients held open and a damaged append-only
file; memcached filled past its memory limit. Run through capture_wide66.py."""

from __future__ import annotations

import random
import shlex
import re
import socket
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide66 import cap

STATUS = re.compile(r"^EXIT=\d+$")


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

def _biggest(lines):
    out = [ln for ln in lines if re.match(r"^Biggest\s+\S+ found ", ln.strip())]
    out += [ln for ln in lines if re.match(r"^\d+ \w+s with ", ln.strip())]
    out += [ln for ln in lines if re.match(r"^Sampled \d+ keys", ln.strip())]
    return out + _status(lines)


@cm.kind("redis-bigkeys", "table")
def n_bigkeys(lines):
    """Rule 5: every 'Biggest <type> found' line, every per-type summary line ('N <type>s with ...'), the 'Sampled N keys' line."""
    return _biggest(lines)


@cm.kind("redis-memkeys", "table")
def n_memkeys(lines):
    """Rule 5: every 'Biggest <type> found' line, every per-type summary line ('N <type>s with ...'), the 'Sampled N keys' line."""
    return _biggest(lines)


@cm.kind("redis-client-list", "table")
def n_client_list(lines):
    """Rule 4 on CLIENT LIST rows read as key=value fields: categorical cmd, flags, name, db; numeric age, idle, qbuf, tot-mem."""
    rows = []
    for ln in lines:
        if re.match(r"^id=\d+ ", ln):
            rows.append((ln, dict(kv.split("=", 1) for kv in ln.split() if "=" in kv)))
    return rule4(rows, cat=("cmd", "flags", "name", "db"), nums=("age", "idle", "qbuf", "tot-mem")) + _status(lines)


def _name_value(lines, names):
    """The name line and the value line after it of every field in `names` (raw or --no-raw `N) "x"` lines)."""
    def bare(s):
        s = re.sub(r"^\s*\d+\)\s*", "", s.strip())
        return s[1:-1] if len(s) >= 2 and s[0] == s[-1] == '"' else s
    out = []
    for i, ln in enumerate(lines[:-1]):
        if bare(ln) in names:
            val = lines[i + 1]
            out.append(ln)
            if bare(val) and bare(val) != '""':
                out.append(val)
    return out + _status(lines)


CONFIG_FIELDS = {"port", "bind", "dir", "dbfilename", "maxmemory", "maxmemory-policy", "appendonly", "save", "timeout",
                 "databases", "slowlog-log-slower-than"}
MEMORY_FIELDS = {"peak.allocated", "total.allocated", "dataset.bytes", "dataset.percentage", "keys.count",
                 "fragmentation", "overhead.total"}


@cm.kind("redis-config-get", "table")
def n_config_get(lines):
    """Rule 5: the name and value lines of port, bind, dir, dbfilename, maxmemory, maxmemory-policy, appendonly, save, timeout, databases, slowlog-log-slower-than."""
    return _name_value(lines, CONFIG_FIELDS)


@cm.kind("redis-memory-stats", "table")
def n_memory_stats(lines):
    """Rule 5: the name and value lines of peak.allocated, total.allocated, dataset.bytes, dataset.percentage, keys.count, fragmentation, overhead.total."""
    return _name_value(lines, MEMORY_FIELDS)


@cm.kind("redis-xinfo-groups", "table")
def n_xinfo_groups(lines):
    """Rule 5: the name and value lines of every group's name, pending and lag fields."""
    return _name_value(lines, {"name", "pending", "lag"})


@cm.kind("redis-benchmark", "table")
def n_benchmark(lines):
    """Rule 5: every line holding 'requests per second'."""
    return [ln for ln in lines if "requests per second" in ln] + _status(lines)


@cm.kind("redis-check-aof", "log")
def n_check_aof(lines):
    """Rule 5: every line holding Expected / not valid / corrupt / ok_up_to / aborted / truncat / Bad file format / Successfully, and the 'AOF analyzed' line."""
    pat = re.compile(r"Expected|not valid|corrupt|ok_up_to|aborted|truncat|Bad file format|Successfully|AOF analyzed",
                     re.I)
    return [ln for ln in lines if pat.search(ln)] + _status(lines)


REDIS_ERR = re.compile(r"^(\(error\) )?(ERR|WRONGTYPE|EXECABORT|NOSCRIPT|BUSYKEY|NOGROUP|BUSYGROUP|OOM|READONLY|NOPERM|"
                       r"NOAUTH|MISCONF)\b")


@cm.kind("redis-cli-errors", "log")
def n_cli_errors(lines):
    """Rule 1: every line holding a Redis error reply ('(error)' or ERR, WRONGTYPE, EXECABORT, NOSCRIPT, BUSYKEY, NOGROUP, ...)."""
    return [ln for ln in lines if REDIS_ERR.match(ln.strip())] + _status(lines)


@cm.kind("redis-scan", "listing")
def n_scan(lines):
    """Rule 5: the first and last key, and rule 4 on the keys' namespace (the key up to its last ':')."""
    keys = [ln for ln in lines if ln.strip() and not STATUS.match(ln.strip())]
    if not keys:
        return _status(lines)
    rows = [(k, {"ns": k.rsplit(":", 1)[0] if ":" in k else "<none>"}) for k in keys]
    return [keys[0], keys[-1]] + rule4(rows, cat=("ns",)) + _status(lines)


@cm.kind("memcached-stats", "table")
def n_mc_stats(lines):
    """Rule 5: the STAT lines of uptime, curr_connections, curr_items, bytes, limit_maxbytes, get_hits, get_misses, evictions."""
    want = {"uptime", "curr_connections", "curr_items", "bytes", "limit_maxbytes", "get_hits", "get_misses", "evictions"}
    return [ln for ln in lines if ln.startswith("STAT ") and len(ln.split()) >= 3 and ln.split()[1] in want] + \
        _status(lines)


@cm.kind("memcached-stats-slabs", "table")
def n_mc_slabs(lines):
    """Rule 5: every slab class's chunk_size and used_chunks lines, the active_slabs and total_malloced lines."""
    out = []
    for ln in lines:
        m = re.match(r"^STAT (?:\d+:)?(\w+) ", ln)
        if m and m.group(1) in ("chunk_size", "used_chunks", "active_slabs", "total_malloced"):
            out.append(ln)
    return out + _status(lines)


# ------------------------------------------------------------------ the scratch redis-server

def seed_commands(seed: int) -> list[str]:
    """The dispatch app's keys: many of each namespace, a few rare ones, sizes spread by a seeded generator."""
    rnd = random.Random(seed)
    cmds = []
    for u in range(900):
        cmds.append(f"HSET user:profile:{u} name u{u} city {rnd.choice(['lyon', 'oslo', 'porto', 'gent'])} "
                    f"orders {rnd.randint(0, 90)} tier {rnd.choice(['free', 'free', 'plus'])}")
    for s in range(500):
        cmds.append(f"SET session:tok:{rnd.getrandbits(48):012x} {'x' * rnd.randint(20, 300)} EX {rnd.randint(600, 86400)}")
    for c in range(300):
        items = " ".join(f"sku{rnd.randint(1, 4000)}" for _ in range(rnd.randint(1, 25)))
        cmds.append(f"RPUSH cart:items:{c} {items}")
    for o in range(400):
        cmds.append(f"SET order:status:{70000 + o} {rnd.choice(['placed', 'cooking', 'on_route', 'delivered'])}")
    for r in range(200):
        cmds.append(f"INCRBY rate:api:{rnd.getrandbits(32):08x} {rnd.randint(1, 500)}")
    for z in range(12):
        members = " ".join(f"{rnd.uniform(0, 50):.3f} courier{rnd.randint(1, 3000)}" for _ in range(rnd.randint(5, 120)))
        cmds.append(f"ZADD geo:zone:{z} {members}")
    for t in range(40):
        members = " ".join(f"tag{rnd.randint(1, 900)}" for _ in range(rnd.randint(2, 60)))
        cmds.append(f"SADD menu:tags:{t} {members}")
    # the big ones a --bigkeys run should name, and the rare namespaces
    cmds.append("RPUSH queue:dispatch:backlog " + " ".join(f"job{j}" for j in range(6000)))
    cmds.append("HSET menu:catalog:all " + " ".join(f"dish{j} {'d' * rnd.randint(5, 60)}" for j in range(2500)))
    cmds.append("SET report:blob:2026-11 " + "r" * 180_000)
    cmds.append("SADD user:debug:dump " + " ".join(f"m{j}" for j in range(30)))
    cmds.append("SET user:migration:lock 1")
    for e in range(1500):
        cmds.append(f"XADD order:events * order {70000 + rnd.randint(0, 399)} type "
                    f"{rnd.choice(['placed', 'paid', 'picked', 'delivered', 'refunded'])}")
    return cmds


GROUPS = [("billing", "0"), ("notify", "$"), ("analytics", "0"), ("courier-app", "0"), ("fraud", "0"),
          ("loyalty", "0"), ("audit-2024", "0"), ("kitchen", "0")] + \
    [(f"partner-{p}", "0") for p in ("ubereats", "wolt", "glovo", "deliveroo", "justeat", "foodora", "bolt", "getir",
                                    "gorillas", "flink", "tier", "lime")]


def redis_server(tmp: Path) -> tuple[int, Path]:
    d = tmp / "redis"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    cm.start(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(d), "--save", "",
              "--appendonly", "yes", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru", "--timeout", "0",
              "--slowlog-log-slower-than", "5000", "--databases", "4"], cwd=d, log=open(d / "server.log", "w"))
    if not wait_port(port, 15):
        raise RuntimeError("redis-server did not start")
    (d / "seed.redis").write_text("\n".join(seed_commands(6600)) + "\n")
    run(f"redis-cli -p {port} < seed.redis > /dev/null", cwd=d, timeout=300)
    for name, start_id in GROUPS:
        run(f"redis-cli -p {port} XGROUP CREATE order:events {name} {start_id}", cwd=d)
    # consumers read some entries and acknowledge some (pending counts differ per group)
    rnd = random.Random(6601)
    for name, _ in GROUPS[:6]:
        for cons in range(rnd.randint(1, 4)):
            n = rnd.randint(10, 400)
            run(f"redis-cli -p {port} XREADGROUP GROUP {name} c{cons} COUNT {n} STREAMS order:events '>' > /dev/null",
                cwd=d)
    return port, d


def hold_clients(port: int) -> list[socket.socket]:
    """Idle and busy client connections the CLIENT LIST shows: named workers, a blocked BLPOP, a subscriber."""
    socks = []
    rnd = random.Random(6602)

    def conn(*cmds):
        s = socket.create_connection(("127.0.0.1", port))
        for c in cmds:
            s.sendall((c + "\r\n").encode())
        time.sleep(0.02)
        socks.append(s)
    for w in range(64):
        conn(f"CLIENT SETNAME api-worker-{w}", f"GET order:status:{70000 + rnd.randint(0, 399)}")
    for w in range(6):
        conn(f"CLIENT SETNAME dispatch-{w}", "SELECT 2", "PING")
    conn("CLIENT SETNAME courier-sync", "BLPOP queue:courier:empty 0")
    conn("CLIENT SETNAME push-gw", "SUBSCRIBE orders.updates")
    conn("HGETALL menu:catalog:all")
    time.sleep(1.5)
    return socks


def fix_script(seed: int) -> str:
    """A clean-up script with mistakes: wrong types, bad integers, an unknown command, a misspelt group."""
    rnd = random.Random(seed)
    lines = []
    for k in range(1400):
        r = rnd.random()
        o = 70000 + rnd.randint(0, 399)
        if r < 0.30:
            lines.append(f"GET order:status:{o}")
        elif r < 0.45:
            lines.append(f"HGET user:profile:{rnd.randint(0, 899)} tier")
        elif r < 0.55:
            lines.append(f"EXPIRE cart:items:{rnd.randint(0, 299)} {rnd.randint(600, 7200)}")
        elif r < 0.65:
            lines.append(f"LLEN cart:items:{rnd.randint(0, 299)}")
        elif r < 0.75:
            lines.append(f"ZSCORE geo:zone:{rnd.randint(0, 11)} courier{rnd.randint(1, 3000)}")
        else:
            lines.append(f"SET order:status:{o} {rnd.choice(['delivered', 'refunded'])}")
        if k % 97 == 13:
            lines.append(f"HINCRBY user:profile:{rnd.randint(0, 899)} orders many")  # ERR hash value
        if k % 131 == 7:
            lines.append(f"SADD cart:items:{rnd.randint(0, 299)} sku1")  # WRONGTYPE
        if k in (17, 88, 201):
            lines.append(f"LPUSH order:status:{o} audit")  # WRONGTYPE
        if k in (40, 150):
            lines.append(f"INCR order:status:{o}")  # ERR not an integer
        if k == 120:
            lines.append("HGETALLL user:profile:12")  # unknown command
        if k == 60:
            lines.append("XACK order:events billling 1-0")
        if k == 230:
            lines.append("XGROUP CREATE order:events billing 0")  # BUSYGROUP
        if k == 99:
            lines.append("ZADD geo:zone:3 near courier7")  # not a float
        if k == 175:
            lines.append("EXPIRE cart:items:3 soon")
    return "\n".join(lines) + "\n"


def redis_steps(tmp: Path) -> None:
    port, d = redis_server(tmp)
    socks = hold_clients(port)
    P = f"-p {port}"
    try:
        cap("redis-cli-bigkeys", f"redis-cli {P} --bigkeys", d, n_bigkeys)
        cap("redis-cli-bigkeys-tail-25", f"redis-cli {P} --bigkeys 2>&1 | tail -n 25", d, n_bigkeys)
        cap("redis-cli-memkeys", f"redis-cli {P} --memkeys", d, n_memkeys)
        cap("redis-cli-memkeys-samples-echo", f"redis-cli {P} --memkeys --memkeys-samples 0; echo EXIT=$?", d, n_memkeys)
        cap("redis-cli-client-list", f"redis-cli {P} CLIENT LIST", d, n_client_list)
        cap("redis-cli-client-list-head-20", f"redis-cli {P} client list | head -n 20", d, n_client_list)
        cap("redis-cli-config-get-all", f"redis-cli {P} CONFIG GET '*'", d, n_config_get)
        cap("redis-cli-no-raw-config-get-max", f"redis-cli {P} --no-raw CONFIG GET '*m*'", d, n_config_get)
        cap("redis-cli-memory-stats", f"redis-cli {P} MEMORY STATS", d, n_memory_stats)
        cap("redis-cli-no-raw-memory-stats", f"redis-cli {P} --no-raw memory stats", d, n_memory_stats)
        cap("redis-cli-xinfo-groups", f"redis-cli {P} XINFO GROUPS order:events", d, n_xinfo_groups)
        cap("redis-cli-no-raw-xinfo-groups-echo", f"redis-cli {P} --no-raw xinfo groups order:events; echo EXIT=$?", d,
            n_xinfo_groups)
        (d / "fix_keys.redis").write_text(fix_script(6603))
        cap("redis-cli-fix-keys-script", f"redis-cli {P} < fix_keys.redis", d, n_cli_errors)
        cap("redis-cli-fix-keys-tail-150", f"redis-cli {P} < fix_keys.redis 2>&1 | tail -n 150", d, n_cli_errors)
        cap("redis-cli-scan-user", f"redis-cli {P} --scan --pattern 'user:*'", d, n_scan)
        cap("redis-cli-scan-head-300", f"redis-cli {P} --scan | head -n 300", d, n_scan)
        cap("redis-benchmark-q", f"redis-benchmark {P} -q -n 2000 -c 10", d, n_benchmark)
        cap("redis-benchmark-pipeline-full-echo", f"redis-benchmark {P} -n 3000 -P 16 -t set,get,incr,lpush; "
            "echo EXIT=$?", d, n_benchmark)
        run(f"redis-cli {P} BGREWRITEAOF", cwd=d)
        time.sleep(2)
        run(f"redis-cli {P} SET after:rewrite 1", cwd=d)
        for k in range(60):
            run(f"redis-cli {P} SET order:status:{70000 + k} delivered", cwd=d)
        run(f"redis-cli {P} SHUTDOWN NOSAVE", cwd=d)
        time.sleep(1)
    finally:
        for s in socks:
            s.close()
    aofdir = d / "appendonlydir"
    incr = sorted(aofdir.glob("*.incr.aof"))
    if incr:
        data = bytearray(incr[-1].read_bytes())
        mid = len(data) // 2
        data[mid:mid + 6] = b"?XYZ\r\n"
        incr[-1].write_bytes(bytes(data[: len(data) - 23]))
        rel = f"appendonlydir/{incr[-1].name}"
        cap("redis-check-aof-incr-echo", f"redis-check-aof {rel}; echo EXIT=$?", d, n_check_aof)
        manifest = next(aofdir.glob("*.manifest"), None)
        if manifest:
            cap("redis-check-aof-manifest", f"redis-check-aof appendonlydir/{manifest.name} 2>&1", d, n_check_aof)
        cap("redis-check-aof-truncate-to-echo",
            f"cp {rel} /tmp/hm-r66-bad.aof && redis-check-aof --truncate-to-timestamp 1 /tmp/hm-r66-bad.aof 2>&1; "
            "echo EXIT=$?", d, n_check_aof)
        run("rm -f /tmp/hm-r66-bad.aof")


# ------------------------------------------------------------------ memcached

def mc_send(port: int, payload: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(payload)
        s.shutdown(socket.SHUT_WR)
        while s.recv(65536):
            pass


def memcached_steps(tmp: Path) -> None:
    d = tmp / "memcached"
    d.mkdir(parents=True, exist_ok=True)
    port = free_port()
    cm.start(["memcached", "-u", "root", "-l", "127.0.0.1", "-p", str(port), "-m", "8", "-c", "64"], cwd=d)
    if not wait_port(port, 10):
        raise RuntimeError("memcached did not start")
    rnd = random.Random(6610)
    buf = []
    for k in range(9000):
        size = rnd.choice([40, 90, 300, 900, 2500, 7000, 20000])
        val = b"v" * rnd.randint(size // 2, size)
        buf.append(b"set menu:%d 0 3600 %d noreply\r\n%s\r\n" % (k, len(val), val))
    mc_send(port, b"".join(buf))
    gets = [b"get menu:%d\r\n" % rnd.randint(0, 12000) for _ in range(4000)]
    mc_send(port, b"".join(gets))
    tcp = f"exec 3<>/dev/tcp/127.0.0.1/{port} && printf '%s\\r\\nquit\\r\\n' >&3 && cat <&3"

    def cap_bash(item_id, cmd, ext):  # /dev/tcp is bash's, as the agent's shell is bash
        cap(item_id, "bash -c " + shlex.quote(cmd), d, ext, typed=cmd)
    cap_bash("memcached-stats-dev-tcp", tcp % "stats", n_mc_stats)
    cap_bash("memcached-stats-slabs-dev-tcp", tcp % "stats slabs", n_mc_slabs)
    cap_bash("memcached-stats-grep-echo", "(" + tcp % "stats" + ") | grep -E 'STAT (get|evict|curr|bytes|limit|uptime|"
             "cmd|total)'; echo EXIT=$?", n_mc_stats)


STEPS = [redis_steps, memcached_steps]
