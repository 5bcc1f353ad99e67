"""Round 261, the protocol tools against servers on 127.0.0.1: libcoap's coap-server and coap-client (GET/PUT/DELETE,
observe, block-wise transfers, `-v 7`), aiocoap-client, mbpoll against a Modbus TCP server written here with pymodbus,
pymodbus's server and client logs, asyncua's server and its uals/uaread/uadiscover/uacall clients. Faults are put in on
purpose: missing resources, a register range out of bounds, a wrong unit id, an unknown node id, a method that rejects
its argument, servers stopped mid-run. The extractors are this round's (NEEDLES.md, "Round 261"). Run through
capture_wide261.py."""

from __future__ import annotations

import random
import re
import socket
import threading
import time
from pathlib import Path

from capture_more import kind, note, run, start, write_tree
from capture_wide261 import VENV, cap, exit_lines, extremes, first_last, pick, problems, tracebacks

PY = f"{VENV}/bin/python"

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 261")

COAP_LOG = re.compile(r"^\w{3} \d\d \d\d:\d\d:\d\d\.\d{3} (EMRG|ALRT|CRIT|ERR|WARN|NOTE|INFO|DEBG|OSC)\b")
COAP_BAD = re.compile(r"^\w{3} \d\d \d\d:\d\d:\d\d\.\d{3} (EMRG|ALRT|CRIT|ERR|WARN)\b")
PDU = re.compile(r"^v:\d+ t:\w+ c:(\S+) i:")
CODE_LINE = re.compile(r"(^|\s)[245]\.\d\d( [A-Z][\w ]*)?\s*$|^[245]\.\d\d\b")
COAP_ERR = r"WARN|ERR|CRIT|[Cc]annot|[Ff]ailed|[Tt]ime ?out|[Rr]efused|[Ee]rror|[Ii]nvalid|[Uu]nable"
MARK = re.compile(r"^(== |EXIT=|\$ )")


def payload_blocks(lines: list[str], other) -> list[str]:
    """The first and last line of each payload: runs of lines that are not log, PDU, code, marker or error lines."""
    out: list[str] = []
    block: list[str] = []
    for ln in lines + [""]:
        if ln.strip() and not other(ln):
            block.append(ln)
            continue
        out += first_last(block)
        block = []
    return out


def _coap_other(ln: str) -> bool:
    return bool(COAP_LOG.match(ln) or PDU.match(ln) or CODE_LINE.search(ln) or MARK.match(ln)
                or re.search(COAP_ERR, ln) or ln.startswith(("coap-client", "Usage", "usage", "<<")))


@kind("coap-client", "log")
def n_coap_client(lines):
    """Rule 1+5: every response-code line, every error or warning line, the first and last line of each printed payload, the EXIT line."""
    out = [ln for ln in lines if CODE_LINE.search(ln) and not COAP_LOG.match(ln) and not PDU.match(ln)]
    out += problems(lines, COAP_ERR, skip=r"^v:\d")
    out += payload_blocks(lines, _coap_other)
    return out + exit_lines(lines)


def _pdu_needles(lines: list[str]) -> list[str]:
    pdus = [ln for ln in lines if PDU.match(ln)]
    out = [ln for ln in pdus if re.match(r"[45]\.\d\d$", PDU.match(ln).group(1))]
    out += first_last(pdus)
    return out


@kind("coap-client-debug", "log")
def n_coap_client_debug(lines):
    """Rule 1+5: every WARN/ERR/CRIT/EMRG/ALRT log line, every PDU line with a 4.xx/5.xx code and the first and last PDU line, the last block-wise PDU line of each Block option, the response-code and payload lines as coap-client."""
    out = problems(lines, COAP_BAD.pattern)
    out += _pdu_needles(lines)
    last: dict[str, str] = {}
    for ln in lines:
        if PDU.match(ln):
            for b in re.findall(r"(Block[12]):", ln):
                last[b] = ln
    out += list(last.values())
    out += [ln for ln in lines if CODE_LINE.search(ln) and not COAP_LOG.match(ln) and not PDU.match(ln)]
    out += problems([ln for ln in lines if not COAP_LOG.match(ln) and not PDU.match(ln)], COAP_ERR)
    out += payload_blocks(lines, _coap_other)
    return out + exit_lines(lines)


@kind("coap-server-log", "log")
def n_coap_server_log(lines):
    """Rule 1+5: the startup lines naming the endpoints it listens on, every WARN/ERR/CRIT line, every PDU line with a 4.xx/5.xx code, the first and last PDU line."""
    out = pick(lines, r"created (UDP|TCP|DTLS|TLS)\s+endpoint")
    out += problems(lines, COAP_BAD.pattern)
    out += _pdu_needles(lines)
    return out + exit_lines(lines)


AIO_ERR = r"[Ee]rror|[Tt]imed? ?out|[Rr]efused|[Ff]ailed|[Ii]nvalid|[Uu]nable|[Nn]ot [Ff]ound"


@kind("aiocoap-client", "log")
def n_aiocoap_client(lines):
    """Rule 1+5: every response-code line, every error line, each traceback's exception line and innermost File line, the first and last line of each payload."""
    out = [ln for ln in lines if CODE_LINE.search(ln)]
    out += problems([ln for ln in lines if not ln.startswith(" ")], AIO_ERR)
    out += tracebacks(lines)
    tb = re.compile(r"^(\s|Traceback)")
    out += payload_blocks(lines, lambda ln: bool(CODE_LINE.search(ln) or MARK.match(ln) or tb.match(ln)
                                                  or re.search(AIO_ERR, ln)))
    return out + exit_lines(lines)


MB_ROW = re.compile(r"^\[(\d+)\]:\s+(-?[\d.]+(e[-+]?\d+)?)")


@kind("mbpoll", "table")
def n_mbpoll(lines):
    """Rule 1+4+5: the Protocol/Slave configuration/start reference/Communication header lines, the first and last value row of each poll, the rows with the largest and smallest value, every error line, the first and last Polling slave line, the EXIT line."""
    out = pick(lines, r"^Protocol configuration|^Slave configuration|start reference = |^Communication\.")
    polls: list[list[str]] = [[]]
    for ln in lines:
        if ln.startswith("-- Polling slave"):
            polls.append([])
        elif MB_ROW.match(ln):
            polls[-1].append(ln)
    for rows in polls:
        out += first_last(rows)
    rows = [ln for ln in lines if MB_ROW.match(ln)]
    out += extremes(rows, lambda r: float(MB_ROW.match(r).group(2)))
    out += problems(lines, r"[Ff]ailed|Illegal|[Tt]ime ?out|Connection|[Ee]rror|[Ii]nvalid|out of range|[Uu]nable")
    out += first_last(pick(lines, r"^-- Polling slave"))
    return out + exit_lines(lines)


PYLOG = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL)\s")


def _pylog(lines: list[str], rule5: str) -> list:
    out = [ln for ln in lines if PYLOG.match(ln) and PYLOG.match(ln).group(1) in ("ERROR", "CRITICAL")]
    out += pick(lines, r"^[A-Z]\w*(Error|Exception)\b|^(ERROR|CRITICAL):")
    out += tracebacks(lines)
    warn = [ln for ln in lines if (PYLOG.match(ln) and PYLOG.match(ln).group(1) == "WARNING")
            or ln.startswith("WARNING:")]
    out += problems(warn, r".")
    out += problems([ln for ln in lines if ln not in out], rule5)
    return out


MB_EXC = (r"[Ll]isten|Exception Response|ExceptionResponse|exception_code|IllegalAddress|Illegal|SlaveFailure|"
          r"DeviceFailure|[Nn]o [Rr]esponse|Connection (lost|refused|reset)|[Uu]nable to|[Ff]ailed")


@kind("pymodbus-server-log", "log")
def n_pymodbus_server_log(lines):
    """Rule 1+5: every ERROR/CRITICAL line, each traceback's exception line and innermost File line, WARNING lines one {any} per shape, the listening line, every line naming an exception response or a lost/refused connection."""
    return _pylog(lines, MB_EXC) + exit_lines(lines)


@kind("pymodbus-client-log", "log")
def n_pymodbus_client_log(lines):
    """Rule 1+5: every ERROR/CRITICAL line, each traceback's exception line and innermost File line, WARNING lines one {any} per shape, every line naming an exception response or a lost/refused connection, every read/write result line the script printed."""
    out = _pylog(lines, MB_EXC)
    out += pick(lines, r"^(read|write) ")
    return out + exit_lines(lines)


UA_ROW = re.compile(r"^(\s*)LocalizedText\(")
UA_ERR = r"\bBad[A-Z]\w+|[Ee]rror|Exception|[Rr]efused|[Tt]imed? ?out"


@kind("uals", "listing")
def n_uals(lines):
    """Rule 1+4+5: the column header, rows whose DataType value is rare (rule 4), the first and last node row, every row at depth 1, every error line, each traceback's exception line and innermost File line."""
    out = pick(lines, r"^DisplayName\s+(NodeId|BrowseName)")
    rows = [ln for ln in lines if UA_ROW.match(ln)]
    out += first_last(rows)
    out += [r for r in rows if not UA_ROW.match(r).group(1)]
    dtype = {}
    for r in rows:
        cols = r.split(") ", 1)[1].split() if ") " in r else []  # NodeId, BrowseName, DataType (with -l) …
        dtype[r] = cols[2] if len(cols) > 2 and re.fullmatch(r"i=\d+|ns=\d+;[isgb]=\S+", cols[2]) else ""
    counts: dict[str, int] = {}
    for v in dtype.values():
        counts[v] = counts.get(v, 0) + 1
    if rows and max(counts.values()) * 2 >= len(rows):
        out += [r for r in rows if counts[dtype[r]] <= 2]
    out += problems([ln for ln in lines if not UA_ROW.match(ln) and not ln.startswith(" ")], UA_ERR)
    out += tracebacks(lines)
    return out + exit_lines(lines)


def _ua_values(lines: list[str]) -> list:
    skip = re.compile(r"^(\s|Traceback|WARNING:|INFO:|== |EXIT=|\$ )")
    out = [ln for ln in lines if ln.strip() and not skip.match(ln)]
    out += tracebacks(lines)
    return out


@kind("uaread", "log")
def n_uaread(lines):
    """Rule 1+5: every value line printed, every Bad status and error line, each traceback's exception line and innermost File line, the EXIT lines."""
    return _ua_values(lines) + exit_lines(lines)


@kind("uacall", "log")
def n_uacall(lines):
    """Rule 1+5: every result line printed, every Bad status and error line, each traceback's exception line and innermost File line, the EXIT lines."""
    return _ua_values(lines) + exit_lines(lines)


@kind("uadiscover", "listing")
def n_uadiscover(lines):
    """Rule 5: every EndpointUrl, SecurityMode, SecurityPolicyUri line, the ApplicationUri/ProductUri/ApplicationName lines, every error line."""
    out = pick(lines, r"Endpoint ?U(rl|RL)|Security ?Mode|Security ?Policy ?U(ri|RI)|Application ?U(ri|RI)|"
                      r"Product ?U(ri|RI)|Application ?Name")
    out += problems([ln for ln in lines if not ln.startswith(" ")], r"[Ee]rror|Exception|\bBad[A-Z]|[Rr]efused")
    out += tracebacks(lines)
    return out + exit_lines(lines)


@kind("asyncua-server-log", "log")
def n_asyncua_server_log(lines):
    """Rule 1+5: every ERROR/CRITICAL line, each traceback's exception line and innermost File line, WARNING lines one {any} per shape, the endpoint lines, every line naming a Bad status or a closed/aborted session."""
    out = _pylog(lines, r"\bBad[A-Z]\w+|[Aa]bort|[Cc]losed? (the )?(session|connection)|Lost connection")
    out += pick(lines, r"Listening on|opc\.tcp://")
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the servers

MB_SERVER = '''\
"""A Modbus TCP server for the plant's PLC simulator: units 1 and 17, seeded register tables."""
import asyncio, logging, random, sys
from pymodbus.server import StartAsyncTcpServer
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext
try:
    from pymodbus.datastore import ModbusDeviceContext as Ctx
except ImportError:
    from pymodbus.datastore import ModbusSlaveContext as Ctx

logging.basicConfig(format="%(asctime)s %(levelname)-7s %(module)s:%(lineno)d %(message)s", level=logging.DEBUG)
rng = random.Random(int(sys.argv[2]))

def block(n, hi=65535):
    return ModbusSequentialDataBlock(1, [rng.randrange(0, hi) for _ in range(n)])

devices = {1: Ctx(di=block(64, 2), co=block(64, 2), hr=block(120, 4000), ir=block(40, 600)),
           17: Ctx(di=block(16, 2), co=block(16, 2), hr=block(30), ir=block(30))}
context = ModbusServerContext(devices=devices, single=False)
asyncio.run(StartAsyncTcpServer(context=context, address=("127.0.0.1", int(sys.argv[1]))))
'''

MB_CLIENT = '''\
"""Poll the plant PLC: tank levels, pump coils and a setpoint write, as the night shift's script does."""
import asyncio, logging, sys
from pymodbus.client import AsyncModbusTcpClient

logging.basicConfig(format="%(asctime)s %(levelname)-7s %(module)s:%(lineno)d %(message)s",
                    level=getattr(logging, sys.argv[3] if len(sys.argv) > 3 else "DEBUG"))

async def poll(port, plan):
    client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=1, retries=1)
    ok = await client.connect()
    print(f"connect 127.0.0.1:{port} -> {ok}")
    for unit, what, addr, count in plan:
        try:
            if what == "hr":
                rr = await client.read_holding_registers(addr, count=count, device_id=unit)
            elif what == "ir":
                rr = await client.read_input_registers(addr, count=count, device_id=unit)
            elif what == "co":
                rr = await client.read_coils(addr, count=count, device_id=unit)
            else:
                rr = await client.write_register(addr, count, device_id=unit)
                print(f"write unit={unit} addr={addr} value={count} -> {rr}")
                continue
            if rr.isError():
                print(f"read {what} unit={unit} addr={addr} count={count} -> ERROR {rr}")
            else:
                vals = rr.registers if what in ("hr", "ir") else rr.bits[:count]
                print(f"read {what} unit={unit} addr={addr} count={count} -> {vals}")
        except Exception as exc:  # the script logs and goes on to the next read
            logging.exception("read %s unit=%s addr=%s failed", what, unit, addr)
    client.close()

plan = [(1, "hr", 0, 20), (1, "hr", 100, 20), (1, "hr", 110, 30), (1, "ir", 0, 40), (1, "co", 0, 16),
        (17, "hr", 0, 10), (9, "hr", 0, 4), (1, "wr", 5, 1234), (1, "hr", 0, 8), (1, "ir", 35, 10)]
asyncio.run(poll(int(sys.argv[1]), plan[: int(sys.argv[2])]))
'''

UA_SERVER = '''\
"""An OPC UA server for the bottling plant: three lines of machines with their process variables."""
import asyncio, logging, random, sys
from asyncua import Server, ua, uamethod

logging.basicConfig(format="%(asctime)s %(levelname)-7s %(name)s: %(message)s", level=logging.INFO)
logging.getLogger("asyncua.server.address_space").setLevel(logging.WARNING)


@uamethod
def reset_counter(parent, line):
    if line > 3:
        raise ua.UaStatusCodeError(ua.StatusCodes.BadInvalidArgument)
    return f"line {line} counter reset"


async def main():
    rng = random.Random(int(sys.argv[2]))
    server = Server()
    await server.init()
    server.set_endpoint(f"opc.tcp://127.0.0.1:{sys.argv[1]}/plant/")
    server.set_server_name("Bottling Plant 261")
    idx = await server.register_namespace("urn:example:bottling")
    for n in range(1, 4):
        line = await server.nodes.objects.add_object(idx, f"Line{n}")
        for m in ("Filler", "Capper", "Labeler", "Palletizer"):
            mach = await line.add_object(idx, f"{m}{n}")
            await (await mach.add_variable(idx, f"{m}{n}.Speed", round(rng.uniform(80, 140), 2))).set_writable()
            await mach.add_variable(idx, f"{m}{n}.Temperature", round(rng.uniform(18, 75), 1))
            await mach.add_variable(idx, f"{m}{n}.Count", rng.randrange(1000, 90000), ua.VariantType.UInt32)
            await mach.add_variable(idx, f"{m}{n}.State", rng.choice(["RUNNING"] * 5 + ["STARVED", "FAULT"]))
        await line.add_variable(idx, f"Line{n}.Alarms", ["E102 low bottle supply"] if n == 2 else [],
                                ua.VariantType.String)
        await line.add_method(idx, "ResetCounter", reset_counter, [ua.VariantType.Int64], [ua.VariantType.String])
    async with server:
        await asyncio.sleep(float(sys.argv[3]))

asyncio.run(main())
'''


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port: int, secs: float = 15.0, udp: bool = False) -> None:
    if udp:
        time.sleep(1.0)
        return
    t0 = time.time()
    while time.time() - t0 < secs:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    note(f"port {port} did not open")


def ua_ids(url: str) -> dict[str, str]:
    """The plant's node ids by display name (first seen), read from one uals run that is not kept."""
    out: dict[str, str] = {}
    for m in re.finditer(r"Text='([^']+)'\) (\S+)", run(f"{VENV}/bin/uals -u {url} -n i=85 -d 4 2>&1", timeout=60)):
        out.setdefault(m.group(1), m.group(2))
    return out


def stop_later(p, secs: float) -> None:
    """A fault put in on purpose: the server stops while a client is polling it."""
    threading.Timer(secs, p.kill).start()


# ------------------------------------------------------------------ CoAP: libcoap and aiocoap

def readings_csv(rng: random.Random, n: int) -> str:
    rows = ["ts,sensor,temp_c,rh_pct,battery_mv"]
    for i in range(n):
        rows.append(f"2026-11-30T{i // 60 % 24:02d}:{i % 60:02d}:00Z,greenhouse-{rng.randrange(1, 7)},"
                    f"{rng.gauss(21.5, 3):.2f},{rng.uniform(40, 90):.1f},{rng.randrange(2900, 3300)}")
    return "\n".join(rows) + "\n"


def coap(tmp: Path) -> None:
    d = tmp / "greenhouse"
    d.mkdir()
    rng = random.Random(261)
    write_tree(d, {"readings.csv": readings_csv(rng, 400), "small.csv": readings_csv(rng, 60),
                   "firmware-notes.txt": "".join(f"note {i}: valve {rng.randrange(1, 40)} calibrated\n"
                                                 for i in range(300))})
    port = free_port()
    log = open(d / "coap-server.log", "w")
    srv = start(["coap-server-notls", "-A", "127.0.0.1", "-p", str(port), "-v", "7", "-d", "20"], cwd=d, log=log)
    wait_port(port, udp=True)
    u = f"coap://127.0.0.1:{port}"
    cap("coap-client-tour-exit", "; ".join(
        f"echo '== {m} {r}'; coap-client-notls -m {m} {u}/{r}; echo; echo EXIT=$?"
        for m, r in [("get", ""), ("get", ".well-known/core"), ("get", "time"), ("get", "sensors/gh-3"),
                     ("put", "example_data -e 'setpoint=22.5'"), ("get", "example_data"), ("delete", "example_data"),
                     ("get", "example_data"), ("post", "time"), ("get", "async?3")]), d, n_coap_client)
    cap("coap-client-put-get-blockwise", f"coap-client-notls -m put -b 64 -f readings.csv {u}/readings && "
        f"coap-client-notls -m get -b 64 {u}/readings", d, n_coap_client)
    cap("coap-client-get-blockwise-tail-80", f"coap-client-notls -m put -b 128 -f firmware-notes.txt {u}/notes; "
        f"coap-client-notls -m get -b 32 {u}/notes | tail -n 80", d, n_coap_client)
    cap("coap-client-v7-blockwise", f"coap-client-notls -v 7 -m put -b 64 -f small.csv {u}/small 2>&1", d,
        n_coap_client_debug)
    cap("coap-client-v7-get-head-100", f"coap-client-notls -v 7 -m get -b 16 {u}/small 2>&1 | head -n 100", d,
        n_coap_client_debug)
    cap("coap-client-v7-notfound-exit", f"coap-client-notls -v 7 -m get {u}/sensors/gh-9 2>&1; echo EXIT=$?; "
        f"coap-client-notls -v 7 -m delete {u}/readings 2>&1; coap-client-notls -v 7 -m get {u}/readings 2>&1 "
        f"| tail -n 12; echo EXIT=$?", d, n_coap_client_debug)
    cap("coap-client-v7-observe", f"coap-client-notls -v 7 -s 4 -m get {u}/time 2>&1", d, n_coap_client_debug,
        timeout=20)
    cap("coap-client-v7-grep", f"coap-client-notls -v 7 -m get -B 2 {u}/async?2 2>&1; "
        f"coap-client-notls -v 7 -m get -B 3 coap://127.0.0.1:{free_port()}/time 2>&1 | grep -iE 'error|warn|fail|"
        f"timeout|v:1'", d, n_coap_client_debug, timeout=30)
    # aiocoap's client against the same libcoap server
    cap("aiocoap-client-tour-exit", "; ".join(
        f"echo '== {a}'; aiocoap-client {a}; echo EXIT=$?"
        for a in [f"{u}/.well-known/core", f"{u}/time", f"{u}/sensors/gh-9", f"-m PUT --payload 'mode=auto' "
                  f"{u}/example_data", f"{u}/example_data", f"-m DELETE {u}/nothing-here", f"{u}/small"]), d,
        n_aiocoap_client, timeout=60)
    cap("aiocoap-client-notes-head-100", f"aiocoap-client {u}/notes | head -n 100", d, n_aiocoap_client)
    cap("coap-server-log-tail-400", "tail -n 400 coap-server.log", d, n_coap_server_log)
    cap("coap-server-log-grep", "grep -nE 'WARN|ERR|c:[45]\\.|endpoint|unknown resource' coap-server.log", d,
        n_coap_server_log)
    srv.kill()
    srv.wait()
    log.close()
    cap("aiocoap-client-server-gone-exit", f"aiocoap-client {u}/time; echo EXIT=$?; "
        f"aiocoap-client -m PUT --payload x {u}/example_data 2>&1 | tail -n 20; echo EXIT=$?", d, n_aiocoap_client,
        timeout=120)
    cap("coap-server-log-head-120", "head -n 120 coap-server.log", d, n_coap_server_log)


# ------------------------------------------------------------------ Modbus: mbpoll and pymodbus

def modbus(tmp: Path) -> None:
    d = tmp / "plc"
    d.mkdir()
    write_tree(d, {"plc_server.py": MB_SERVER, "plc_poll.py": MB_CLIENT})
    port = free_port()
    log = open(d / "modbus-server.log", "w")
    srv = start([PY, "plc_server.py", str(port), "261"], cwd=d, log=log)
    wait_port(port)
    mb = f"mbpoll -m tcp -p {port}"
    cap("mbpoll-holding-120-poll", f"timeout -s INT 3.5 {mb} -a 1 -r 1 -c 120 -t 4 -l 1000 127.0.0.1", d, n_mbpoll,
        timeout=20)
    cap("mbpoll-out-of-range-exit", f"{mb} -a 1 -r 101 -c 40 -t 4 -1 127.0.0.1; echo EXIT=$?; "
        f"{mb} -a 1 -r 110 -c 11 -t 3 -1 127.0.0.1; echo EXIT=$?; {mb} -a 1 -r 1 -c 30 -t 3 -1 127.0.0.1; "
        f"echo EXIT=$?", d, n_mbpoll)
    cap("mbpoll-wrong-unit-exit", f"{mb} -a 9 -r 1 -c 8 -t 4 -1 127.0.0.1; echo EXIT=$?; "
        f"{mb} -a 17 -r 1 -c 8 -t 4 -1 127.0.0.1; echo EXIT=$?", d, n_mbpoll)
    cap("mbpoll-coils-discrete-poll", f"timeout -s INT 2.8 {mb} -a 1 -r 1 -c 64 -t 0 -l 500 127.0.0.1; "
        f"{mb} -a 1 -r 1 -c 64 -t 1 -1 127.0.0.1; {mb} -a 17 -r 1 -c 20 -t 1 -1 127.0.0.1; echo EXIT=$?", d, n_mbpoll,
        timeout=20)
    cap("mbpoll-float-poll-tail-150", f"timeout -s INT 4 {mb} -a 1 -r 1 -c 60 -t 4:float -l 400 127.0.0.1 "
        "| tail -n 150", d, n_mbpoll, timeout=20)
    cap("mbpoll-write-readback", f"{mb} -a 1 -r 10 -t 4 -1 127.0.0.1 1500 1501 1502; "
        f"{mb} -a 1 -r 5 -c 10 -t 4 -1 127.0.0.1; {mb} -a 1 -r 200 -t 4 -1 127.0.0.1 7; echo EXIT=$?", d, n_mbpoll)
    cap("mbpoll-input-int-poll", f"timeout -s INT 5 {mb} -a 1 -r 1 -c 40 -t 3:int -l 400 127.0.0.1; echo EXIT=$?", d,
        n_mbpoll, timeout=20)
    cap("pymodbus-client-debug-tail-120", f"{PY} plc_poll.py {port} 10 2>&1 | tail -n 120", d,
        n_pymodbus_client_log, typed=f"python plc_poll.py {port} 10 2>&1 | tail -n 120")
    cap("pymodbus-client-info", f"{PY} plc_poll.py {port} 10 INFO 2>&1; echo EXIT=$?", d, n_pymodbus_client_log,
        typed=f"python plc_poll.py {port} 10 INFO 2>&1; echo EXIT=$?")
    cap("pymodbus-server-log-grep", "grep -nE -A14 'ERROR|WARNING|Exception|listen' modbus-server.log | head -n 150",
        d, n_pymodbus_server_log)
    # the server stops while mbpoll is polling it
    stop_later(srv, 2.0)
    cap("mbpoll-server-stops-exit", f"timeout -s INT 7 {mb} -a 1 -r 1 -c 6 -t 4 -l 500 127.0.0.1; echo EXIT=$?", d,
        n_mbpoll, timeout=20)
    srv.wait()
    log.close()
    cap("pymodbus-client-server-gone", f"{PY} plc_poll.py {port} 3 2>&1; echo EXIT=$?", d, n_pymodbus_client_log,
        typed=f"python plc_poll.py {port} 3 2>&1; echo EXIT=$?", timeout=60)
    cap("pymodbus-server-log-tail-500", "tail -n 500 modbus-server.log", d, n_pymodbus_server_log)
    cap("mbpoll-refused-exit", f"{mb} -a 1 -r 1 -c 4 -t 4 -1 127.0.0.1; echo EXIT=$?; "
        f"{mb} -a 1 -r 1 -c 4 -t 3 -o 0.5 -1 127.0.0.1; echo EXIT=$?; mbpoll -m tcp -p {port} -a 300 -1 127.0.0.1; "
        "echo EXIT=$?", d, n_mbpoll)


# ------------------------------------------------------------------ OPC UA: asyncua's server and clients

def opcua(tmp: Path) -> None:
    d = tmp / "bottling"
    d.mkdir()
    write_tree(d, {"plant_server.py": UA_SERVER})
    port = free_port()
    log = open(d / "opcua-server.log", "w")
    srv = start([PY, "plant_server.py", str(port), "261", "300"], cwd=d, log=log)
    wait_port(port, secs=40)
    time.sleep(1.0)
    u = f"opc.tcp://127.0.0.1:{port}/plant/"
    ids = ua_ids(u)
    line1, line2 = ids.get("Line1", "ns=2;i=1"), ids.get("Line2", "ns=2;i=26")
    filler = ids.get("Filler1.Speed", "ns=2;i=3")
    cap("uals-objects-d3-head-100", f"uals -u {u} -n i=85 -d 3 2>&1 | head -n 100", d, n_uals)
    cap("uals-line2-l-d3", f"uals -u {u} -n '{line2}' -l -d 3 2>&1", d, n_uals)
    cap("uals-objects-d4-tail-180", f"uals -u {u} -n i=85 -d 4 2>&1 | tail -n 180", d, n_uals)
    cap("uals-root-d5-head-400", f"uals -u {u} -n i=84 -d 5 2>&1 | head -n 400", d, n_uals)
    cap("uals-line1-d3-exit", f"uals -u {u} -n '{line1}' -d 3 2>&1; echo EXIT=$?", d, n_uals)
    cap("uals-unknown-node-exit", f"uals -u {u} -n 'ns=2;i=9999' 2>&1; echo EXIT=$?; "
        f"uals -u {u} -n 'ns=5;s=Line9' -d 2 2>&1; echo EXIT=$?", d, n_uals)
    names = [f"{m}{n}.{v}" for n in (1, 3) for m in ("Filler", "Capper", "Labeler") for v in ("Temperature", "State")]
    reads = ["i=2258", "i=2256", filler] + [ids[k] for k in names + ["Capper1.Count", "Labeler2.State",
                                                                     "Line2.Alarms"] if k in ids] + \
        ["ns=2;i=9999", "ns=2;s=Filler1.Speed", line1]
    cap("uaread-loop-exit", "for n in " + " ".join(f"'{n}'" for n in reads) +
        f"; do echo \"== $n\"; uaread -u {u} -n \"$n\" 2>&1; echo EXIT=$?; done", d, n_uaread, timeout=120)
    cap("uaread-attrs", "for a in DisplayName BrowseName DataType AccessLevel Value ValueRank Historizing; do "
        f"echo \"== $a\"; uaread -u {u} -n '{filler}' -a $a 2>&1; done", d, n_uaread, timeout=120)
    cap("uadiscover", f"uadiscover -u {u} 2>&1", d, n_uadiscover)
    cap("uacall-reset-exit", "for v in 1 2 3 0 7; do "
        f"uacall -u {u} -n '{line1}' -m '2:ResetCounter' -t int64 $v 2>&1; echo EXIT=$?; done; "
        f"uacall -u {u} -n '{line2}' -m '2:ResetCounter' -t string two 2>&1; echo EXIT=$?; "
        f"uacall -u {u} -n '{line1}' -m '2:ResetCounter' -t int64 2 2>&1; echo EXIT=$?; "
        f"uacall -u {u} -n '{line1}' -m '2:ResetCounter' -t int64 7 2>&1; echo EXIT=$?; "
        f"uacall -u {u} -n '{line1}' -m '2:Restart' -t int64 1 2>&1 | tail -n 25; echo EXIT=$?", d, n_uacall,
        timeout=60)
    cap("asyncua-server-log-tail-150", "tail -n 150 opcua-server.log", d, n_asyncua_server_log)
    cap("asyncua-server-log-grep", "grep -nE -A8 'WARN|ERROR|Bad|Listening|endpoint' opcua-server.log | head -n 160",
        d, n_asyncua_server_log)
    srv.kill()
    srv.wait()
    log.close()
    cap("uaread-server-gone-exit", f"uaread -u {u} -n 'ns=2;i=3' 2>&1 | tail -n 30; echo EXIT=$?", d, n_uaread,
        timeout=60)
    cap("uadiscover-server-gone-exit", f"uadiscover -u {u} 2>&1 | tail -n 40; echo EXIT=$?", d, n_uadiscover,
        timeout=60)
    cap("asyncua-server-log-head-120", "head -n 120 opcua-server.log", d, n_asyncua_server_log)


STEPS = [coap, modbus, opcua]
