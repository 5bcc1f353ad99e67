"""Round 100's cache, file shares, mail relay, intrusion filter, syslog, proxy and FTP drop on loopback, and the
extractors of their kinds (NEEDLES.md, "Round 100"): Varnish in front of the `harbour` berth-booking API (written
here: some pages fail, one backend is down), Samba's config checks and share list, a Postfix relay delivering notices
to virtual mailboxes (some recipients unknown, one relay down, one domain retired), fail2ban's sshd filter over a
generated auth log, rsyslog config checks, tinyproxy and vsftpd with clients written here. Run through
capture_wide100.py."""

from __future__ import annotations

import ftplib
import io
import random
import re
import smtplib
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide100 import cap
from capture_wide100_dir import FIRST, LAST, QUAYS, _status

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


@cm.kind("varnishd-vcl-error", "build")
def n_vcl_error(lines):
    """Rules 1+5: the Message from VCC-compiler: line, every error line after it up to the location, the ('file' Line N Pos M) location line, and the closing Running VCC-compiler failed / VCL compilation failed lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Message from VCC-compiler:|Running VCC-compiler failed|VCL compilation failed|"
                     r"\('[^']*' Line \d+ Pos \d+\)|^Error:", ln):
            out.append(ln)
        if "Message from VCC-compiler:" in ln:
            for ln2 in lines[i + 1:i + 7]:
                if re.search(r"Line \d+ Pos \d+", ln2):
                    break
                if ln2.strip():
                    out.append(ln2)
    # every further error message of the compiler (its first line after a blank or a location block)
    for i, ln in enumerate(lines):
        if re.match(r"^(Symbol not found|Expected|Unknown|Unused|Syntax error|Variable|Not|Name|Backend|Found|"
                    r"Object|Invalid|Only|Cannot|Unterminated|Illegal|Could not)", ln):
            out.append(ln)
    return out + _status(lines)


VSTAT_BAD = re.compile(r"fail|err|drop|timeout|overflow|limited|busy|unhealthy", re.I)


@cm.kind("varnishstat", "table")
def n_varnishstat(lines):
    """Rule 5: every counter whose name holds fail, err, drop, timeout, overflow, limited, busy or unhealthy with a non-zero value; the MAIN.uptime, client_req, cache_hit, cache_miss, backend_conn and n_object lines."""
    out = []
    for ln in lines:
        f = ln.split()
        if len(f) >= 2 and f[1].isdigit():
            if VSTAT_BAD.search(f[0]) and int(f[1]) > 0:
                out.append(ln)
            elif f[0] in ("MAIN.uptime", "MAIN.client_req", "MAIN.cache_hit", "MAIN.cache_miss",
                          "MAIN.backend_conn", "MAIN.n_object"):
                out.append(ln)
    return out + _status(lines)


@cm.kind("varnishlog", "log")
def n_varnishlog(lines):
    """Rules 1+4+5: FetchError / Error / VCL_Error lines one {any} per shape; 5xx RespStatus / BerespStatus lines one {any} per status; rule 4 on RespStatus lines by status; BackendOpen lines one {any} per backend; the first and last << Request >> line."""
    errs, bad, backs, rows = [], [], [], []
    reqs = [ln for ln in lines if "<< Request  >>" in ln or "<< Request >>" in ln]
    for ln in lines:
        m = re.match(r"^[-*\s]*(?:-+\s+)?(FetchError|Error|VCL_Error)\s+(.*)$", ln.strip())
        if m:
            errs.append((cm.mask(m.group(1) + " " + m.group(2)), ln))
        m = re.search(r"\b(RespStatus|BerespStatus)\s+(\d{3})\b", ln)
        if m:
            if m.group(2).startswith("5"):
                bad.append((m.group(2), ln))
            if m.group(1) == "RespStatus":
                rows.append((ln, {"status": m.group(2)}))
        m = re.search(r"\bBackendOpen\s+\d+\s+(\S+)", ln)
        if m:
            backs.append((m.group(1), ln))
    out = [reqs[0], reqs[-1]] if reqs else []
    return (out + cm.groups(errs) + cm.groups(bad) + rule4(rows, cat=("status",)) + cm.groups(backs)
            + _status(lines))


@cm.kind("testparm", "lint")
def n_testparm(lines):
    """Rule 5: every Unknown parameter / Ignoring unknown / ERROR / WARNING / Invalid / doesn't exist / Bad line alone; the Loaded services file OK. / Error loading services. line, the Server role: line and every [section] header."""
    return [ln for ln in lines if re.search(r"Unknown parameter|Ignoring unknown|ERROR|WARNING|Invalid|doesn't exist|"
                                            r"\bBad\b|Loaded services file OK|Error loading services|Server role:",
                                            ln) or re.match(r"^\[[^\]]+\]\s*$", ln)] + _status(lines)


@cm.kind("smbclient-list", "listing")
def n_smbclient(lines):
    """Rule 5: the Sharename Type Comment header, every share row, the SMB1 disabled line and any NT_STATUS_ / failed line."""
    out, inside = [], False
    for ln in lines:
        if re.match(r"^\s*Sharename\s+Type\s+Comment", ln):
            out.append(ln)
            inside = True
            continue
        if inside:
            if re.match(r"^\s*-+\s+-+", ln):
                continue
            if re.match(r"^\s+\S+\s+(Disk|IPC|Printer)\b", ln):
                out.append(ln)
                continue
            inside = False
        if re.search(r"SMB1 disabled|NT_STATUS_|failed", ln):
            out.append(ln)
    return out + _status(lines)


@cm.kind("postfix-check", "lint")
def n_postfix_check(lines):
    """Rule 5: every fatal: / error: line alone, warning: lines one {any} per message shape (names and paths masked)."""
    out, warn = [], []
    for ln in lines:
        if re.search(r"\b(fatal|error|panic):", ln):
            out.append(ln)
        elif re.search(r"\bwarning:", ln):
            warn.append((cm.mask(re.sub(r"/\S+", "<p>", ln.split("warning:", 1)[1])), ln))
    return out + cm.groups(warn) + _status(lines)


@cm.kind("postconf-n", "listing")
def n_postconf_n(lines):
    """Rule 5: every name = value line and every postconf: warning: line alone."""
    return [ln for ln in lines if re.match(r"^\w+ = ", ln) or "warning:" in ln or "fatal:" in ln] + _status(lines)


@cm.kind("postfix-maillog", "log")
def n_maillog(lines):
    """Rules 1+4+5: fatal / panic / error lines alone; warning lines one {any} per shape; status= lines not sent one {any} per (status, masked reason); rule 4 on status= lines (status, relay host; delay); the daemon started line."""
    out, warn, bad, rows = [], [], [], []
    for ln in lines:
        if re.search(r"\b(fatal|panic|error):", ln):
            out.append(ln)
        elif re.search(r"\bwarning:", ln):
            warn.append((cm.mask(re.sub(r"\S+@\S+|\[[\d.]+\]:?\d*|/\S+", "<a>", ln.split("warning:", 1)[1])), ln))
        if "daemon started" in ln:
            out.append(ln)
        m = re.search(r" relay=([^,\[]+)\S*, .*delay=([\d.]+), .* status=(\w+)(.*)$", ln)
        if m:
            rows.append((ln, {"status": m.group(3), "relay": m.group(1), "delay": m.group(2)}))
            if m.group(3) != "sent":
                reason = re.sub(r"\S+@\S+|<[^>]*>|\[[\d.]+\]:?\d*|\b[0-9A-F]{8,}\b", "<a>", m.group(4))
                bad.append(((m.group(3), cm.mask(reason)), ln))
    return (out + cm.groups(warn) + cm.groups(bad) + rule4(rows, cat=("status", "relay"), nums=("delay",))
            + _status(lines))


@cm.kind("fail2ban-regex", "table")
def n_fail2ban(lines):
    """Rule 5: the Failregex: / Ignoreregex: N total lines, every numbered regex line with its hit count, the Date template hits: line and every template line with a count, the Lines: summary, any ERROR line, the Missed line(s): header."""
    out, in_dt = [], False
    for ln in lines:
        if re.search(r"^(Failregex|Ignoreregex): \d+ total|^Lines: \d+ lines|ERROR|^Missed line|"
                     r"^Date template hits:", ln):
            out.append(ln)
        if re.match(r"^\|\s+\d+\) \[\d+\] ", ln):
            out.append(ln)
        if ln.startswith("Date template hits:"):
            in_dt = True
        elif in_dt:
            if re.match(r"^\|\s+\[\d+\] ", ln):
                out.append(ln)
            elif not ln.startswith("|"):
                in_dt = False
    return out + _status(lines)


@cm.kind("rsyslogd-check", "lint")
def n_rsyslog(lines):
    """Rule 5: every error line alone, warning lines one {any} per message shape, and the End of config validation run line."""
    out, warn = [], []
    for ln in lines:
        if re.search(r"error", ln, re.I):
            out.append(ln)
        elif re.search(r"warning", ln, re.I):
            warn.append((cm.mask(ln), ln))
        if "End of config validation run" in ln:
            out.append(ln)
    return out + cm.groups(warn) + _status(lines)


@cm.kind("tinyproxy-log", "log")
def n_tinyproxy(lines):
    """Rules 1+4+5: ERROR / CRITICAL lines alone, WARNING one {any} per shape; Listening on / Starting main loop lines; rule 4 on Request lines (method, host); Filtered / denied / refused / Unable lines alone."""
    out, warn, rows = [], [], []
    for ln in lines:
        if re.match(r"^(ERROR|CRITICAL)\b", ln) or re.search(r"Filtered|denied|refused|Unable", ln, re.I):
            out.append(ln)
        elif ln.startswith("WARNING"):
            warn.append((cm.mask(ln.split("]:", 1)[-1]), ln))
        if re.search(r"Listening on|Starting main loop", ln):
            out.append(ln)
        m = re.search(r"Request \(file descriptor \d+\): (\S+) (\S+)", ln)
        if m:
            host = re.sub(r"^\w+://", "", m.group(2)).split("/", 1)[0]
            rows.append((ln, {"method": m.group(1), "host": host}))
    return out + cm.groups(warn) + rule4(rows, cat=("method", "host")) + _status(lines)


@cm.kind("vsftpd-log", "log")
def n_vsftpd(lines):
    """Rules 1+4+5: FAIL lines one {any} per (verb, user, path shape); rule 4 on OK lines (verb, user; bytes); the first CONNECT line."""
    fails, rows, out = [], [], []
    conn = [ln for ln in lines if "CONNECT:" in ln]
    out += conn[:1]
    for ln in lines:
        m = re.search(r"\[(\w+)\] (OK|FAIL) ([A-Z ]+?):( Client \"[^\"]+\")?(, \"([^\"]*)\")?(, (\d+) bytes)?", ln)
        if not m:
            continue
        verb, user = m.group(3).strip(), m.group(1)
        if m.group(2) == "FAIL":
            fails.append(((verb, user, cm.mask(m.group(6) or "")), ln))
        else:
            rows.append((ln, {"verb": verb, "user": user, "bytes": m.group(8)}))
    return out + cm.groups(fails) + rule4(rows, cat=("verb", "user"), nums=("bytes",)) + _status(lines)


# ------------------------------------------------------------------ the berth-booking API (Varnish's and tinyproxy's backend)

BERTHS = r'''
import json, random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
rnd = random.Random(1300)
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        p = self.path
        if p.startswith("/api/berths/"):
            q = p.rsplit("/", 1)[-1]
            if q.startswith("timber"):
                code, body = 500, {"error": "berth planner crashed", "berth": q}
            elif q.startswith("nosuch"):
                code, body = 404, {"error": "no such berth", "berth": q}
            else:
                code, body = 200, {"berth": q, "free": rnd.random() < 0.5, "depth_m": round(rnd.uniform(8, 16), 1)}
        elif p.startswith("/api/tides"):
            if "slow" in p:
                time.sleep(3)
            code, body = 200, {"tide_cm": rnd.randint(-120, 180)}
        elif p.startswith("/api/vessels"):
            code, body = 503, {"error": "AIS feed unavailable"}
        elif p.startswith("/static/"):
            code, body = 200, {"asset": p, "bytes": "x" * rnd.randint(10, 2000)}
        else:
            code, body = 404, {"error": "not found", "path": p}
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=30" if p.startswith("/static/") else "max-age=5")
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def berth_urls(seed: int, n: int, base: str) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        r = rnd.random()
        if r < 0.5:
            out.append(f"{base}/api/berths/{rnd.choice(QUAYS[:6])}-{rnd.randint(1, 12)}")
        elif r < 0.6:
            out.append(f"{base}/api/tides?quay={rnd.choice(QUAYS)}")
        elif r < 0.8:
            out.append(f"{base}/static/{rnd.choice(['app.js', 'map.png', 'style.css', 'logo.svg'])}")
        elif r < 0.86:
            out.append(f"{base}/api/berths/timber-{rnd.randint(1, 3)}")
        elif r < 0.9:
            out.append(f"{base}/api/berths/nosuch-{rnd.randint(1, 40)}")
        elif r < 0.94:
            out.append(f"{base}/api/vessels/{rnd.randint(9300000, 9400000)}")
        elif r < 0.97:
            out.append(f"{base}/legacy/planner.php")
        else:
            out.append(f"{base}/ais/live")
    return out


def fetch_all(urls: list[str], opener=None) -> None:
    op = opener or urllib.request.build_opener()
    for u in urls:
        try:
            op.open(u, timeout=6).read()
        except Exception:  # noqa: BLE001  the failures are what the logs show
            pass


# ------------------------------------------------------------------ Varnish

VCL_BAD = {
    "vcl-1-symbol.vcl": 'vcl 4.1;\nbackend berths { .host = "127.0.0.1"; .port = "8081"; }\n'
                        'sub vcl_recv {\n  if (req.url ~ "^/api/") {\n    set req.backend_hint = planner;\n  }\n}\n',
    "vcl-2-syntax.vcl": 'vcl 4.1;\nbackend berths { .host = "127.0.0.1"; .port = "8081"; }\n'
                        'sub vcl_recv {\n  if (req.method == "PURGE" {\n    return (purge);\n  }\n}\n',
    "vcl-3-unused.vcl": 'vcl 4.1;\nbackend berths { .host = "127.0.0.1"; .port = "8081"; }\n'
                        'backend ais { .host = "127.0.0.1"; .port = "8082"; }\n'
                        'sub vcl_backend_response {\n  set beresp.ttl = 30s;\n}\n',
    "vcl-4-return.vcl": 'vcl 4.1;\nbackend berths { .host = "127.0.0.1"; .port = "8081"; }\n'
                        'sub vcl_deliver {\n  set resp.http.X-Quay = req.http.X-Quay;\n  return (lookup);\n}\n',
    "vcl-5-var.vcl": 'vcl 4.1;\nbackend berths { .host = "127.0.0.1"; .port = "8081"; }\n'
                     'sub vcl_recv {\n  set bereq.http.X-Berth = "north";\n  set req.ttl = 10x;\n}\n',
    "vcl-6-probe.vcl": 'vcl 4.1;\nprobe health { .url = "/api/tides"; .interval = 5s; .threshold = 9; .window = 5; }\n'
                       'backend berths { .host = "127.0.0.1"; .port = "8081"; .probe = health; }\n',
}


def vcl_good(up: int, down: int) -> str:
    return (f'vcl 4.1;\nimport directors;\n'
            f'probe tides {{ .url = "/api/tides?probe=1"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }}\n'
            f'backend berths {{ .host = "127.0.0.1"; .port = "{up}"; .probe = tides; .first_byte_timeout = 2s; }}\n'
            f'backend ais {{ .host = "127.0.0.1"; .port = "{down}"; .connect_timeout = 1s; }}\n'
            'sub vcl_recv {\n'
            '  if (req.url ~ "^/ais/") { set req.backend_hint = ais; return (pass); }\n'
            '  if (req.url ~ "\\.php$") { return (synth(403, "legacy planner retired")); }\n'
            '  set req.backend_hint = berths;\n}\n'
            'sub vcl_backend_response {\n  if (beresp.status >= 500) { set beresp.uncacheable = true; '
            'set beresp.ttl = 0s; }\n}\n'
            'sub vcl_deliver {\n  if (obj.hits > 0) { set resp.http.X-Cache = "HIT"; } else { set resp.http.X-Cache = "MISS"; }\n}\n')


def varnish_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "varnish"
    d.mkdir(parents=True, exist_ok=True)
    run(f"chmod 755 {tmp} {tmp / 'harbour'} {d}", cwd=d)
    for name, body in VCL_BAD.items():
        (d / name).write_text(body)
    cap("varnishd-C-two-echo", "varnishd -C -f $PWD/vcl-1-symbol.vcl; varnishd -C -f $PWD/vcl-4-return.vcl; echo EXIT=$?", d, n_vcl_error)
    cap("varnishd-C-loop-echo", "for f in vcl-*.vcl; do echo \"== $f\"; varnishd -C -f $PWD/$f 2>&1 | "
        "grep -v '^#' | tail -n 25; done; echo EXIT=$?", d, n_vcl_error)
    up, down, port, adm = free_port(), free_port(), free_port(), free_port()
    (d / "berths.py").write_text(BERTHS)
    cm.start(["python3", "berths.py", str(up)], cwd=d)
    wait_port(up, 10)
    (d / "harbour.vcl").write_text(vcl_good(up, down))
    work = d / "work"
    work.mkdir(exist_ok=True)
    run(f"varnishd -a 127.0.0.1:{port} -T 127.0.0.1:{adm} -f {d}/harbour.vcl -n {work} -s malloc,32m "
        f"-p vsl_space=64M -j none -P {d}/varnishd.pid > varnishd.out 2>&1", cwd=d, timeout=60)
    if not wait_port(port, 20):
        raise RuntimeError("varnishd did not start: " + (d / "varnishd.out").read_text()[:300])
    try:
        fetch_all(berth_urls(1310, 300, f"http://127.0.0.1:{port}"))
        fetch_all([f"http://127.0.0.1:{port}/api/tides?slow=1"] * 2)
        time.sleep(1)
        cap("varnishstat-1", f"varnishstat -1 -n {work}", d, n_varnishstat)
        cap("varnishlog-d-q-5xx", f"varnishlog -d -n {work} -q 'RespStatus >= 500'", d, n_varnishlog)
        cap("varnishlog-d-i-tags", f"varnishlog -d -n {work} -i ReqURL,RespStatus,BerespStatus,FetchError,"
            f"BackendOpen,VCL_Error,Error | head -n 1500", d, n_varnishlog)
        cap("varnishlog-d-g-request-tail", f"varnishlog -d -n {work} -g request 2>&1 | tail -n 400", d, n_varnishlog)
    finally:
        run(f"kill $(cat {d}/varnishd.pid)", cwd=d)


# ------------------------------------------------------------------ Samba

def smb_conf(d: Path, port: int, seed: int, bad: bool) -> str:
    rnd = random.Random(seed)
    g = [f"[global]", "  workgroup = HARBOUR", "  server string = harbour files", "  server role = standalone server",
         f"  smb ports = {port}", "  interfaces = 127.0.0.1", "  bind interfaces only = yes", "  disable netbios = yes",
         f"  pid directory = {d}/run", f"  lock directory = {d}/lock", f"  state directory = {d}/state",
         f"  cache directory = {d}/cache", f"  private dir = {d}/private", f"  ncalrpc dir = {d}/ncalrpc",
         f"  log file = {d}/log.%m", "  map to guest = Bad User", "  load printers = no", "  printing = bsd",
         "  printcap name = /dev/null", "  disable spoolss = yes"]
    if bad:
        g += ["  encrypt passwords = yes", "  socket options = TCP_NODELAY SO_RCVBUF=8192",
              "  null passwords = yes", "  wins support = yes", "  wins server = 10.60.0.3", "  log level = 1 auth:5 quay:3",
              "  server max protocol = SMB3", "  idmap config * : range = 3000-", "  usershare path = /nonexistent/us"]
    out = g + [""]
    for k in range(90):
        q = QUAYS[k % len(QUAYS)]
        name = f"{q}-manifests-{k:02d}"
        out += [f"[{name}]", f"  path = {d}/shares/{name}", f"  comment = cargo manifests, {q} quay berth {k % 12 + 1}",
                "  read only = " + rnd.choice(["yes", "yes", "no"]), "  guest ok = yes", "  browseable = yes"]
        if bad and k in (3, 17, 29):
            out += ["  writeable = yes", "  create maks = 0664", "  vessel filter = tankers"]
        if bad and k == 11:
            out += ["  path = /nonexistent/harbour/old"]
        out.append("")
    out += ["[pilots$]", f"  path = {d}/shares/pilots", "  comment = pilot roster", "  browseable = no", ""]
    return "\n".join(out) + "\n"


def samba_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "samba"
    for sub in ("run", "lock", "state", "cache", "private", "ncalrpc", "shares/pilots"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    port = free_port()
    (d / "smb-bad.conf").write_text(smb_conf(d, port, 1400, True))
    (d / "smb.conf").write_text(smb_conf(d, port, 1400, False))
    for k in range(90):
        (d / "shares" / f"{QUAYS[k % len(QUAYS)]}-manifests-{k:02d}").mkdir(parents=True, exist_ok=True)
    cap("testparm-s-bad", "testparm -s smb-bad.conf", d, n_testparm)
    cap("testparm-s-bad-grep-echo", "testparm -s smb-bad.conf 2>&1 | grep -i -E 'unknown|warning|error|invalid|"
        "ignoring|loaded|role'; echo EXIT=$?", d, n_testparm)
    cap("testparm-s-v-tail", "testparm -s -v smb.conf 2>&1 | tail -n 120", d, n_testparm)
    p = cm.start(["smbd", "-F", "--no-process-group", "--debug-stdout", "-s", str(d / "smb.conf")], cwd=d,
                 log=open(d / "smbd.out", "wb"))
    try:
        if not wait_port(port, 20):
            raise RuntimeError("smbd did not start: " + (d / "smbd.out").read_text()[-300:])
        cap("smbclient-L-N", f"smbclient -L 127.0.0.1 -p {port} -N -s smb.conf", d, n_smbclient)
        cap("smbclient-L-user-echo", f"smbclient -L 127.0.0.1 -p {port} -U harbour%wrong -s smb.conf; "
            f"smbclient -L 127.0.0.1 -p {port} -N -m SMB3 -s smb.conf 2>&1 | head -n 30; echo EXIT=$?", d,
            n_smbclient)
    finally:
        cm.stop(p)
        # smbd starts samba-dcerpcd on demand for the share list; it outlives smbd and has its own pid file
        run(f"kill $(cat {d}/run/samba-dcerpcd.pid) 2>/dev/null", cwd=d)


# ------------------------------------------------------------------ Postfix

def postfix_main(d: Path, conf: str, port: int, dead: int, bad: bool) -> str:
    body = (f"compatibility_level = 3.6\nqueue_directory = {d}/{conf}-spool\ndata_directory = {d}/{conf}-data\n"
            "command_directory = /usr/sbin\ndaemon_directory = /usr/lib/postfix/sbin\nmeta_directory = /etc/postfix\n"
            "shlib_directory = /usr/lib/postfix\nmail_owner = postfix\nsetgid_group = postdrop\n"
            "myhostname = mail.harbour.test\nmydomain = harbour.test\nmyorigin = $mydomain\nmydestination =\n"
            "inet_interfaces = 127.0.0.1\ninet_protocols = ipv4\nmynetworks = 127.0.0.0/8\n"
            f"maillog_file = {d}/{conf}-maillog\nmaillog_file_prefixes = /tmp\n"
            "virtual_mailbox_domains = harbour.test, notices.harbour.test\n"
            f"virtual_mailbox_base = {d}/vmail\nvirtual_mailbox_maps = texthash:{d}/vmailbox\n"
            "virtual_uid_maps = static:65534\nvirtual_gid_maps = static:65534\nvirtual_minimum_uid = 100\n"
            f"relay_domains = agents.test, customs.test\ntransport_maps = texthash:{d}/transport\n"
            "smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n"
            "message_size_limit = 200000\nsmtp_connect_timeout = 2s\nalias_maps =\nalias_database =\n"
            "smtputf8_enable = no\nbiff = no\n")
    if bad:
        body += ("smtpd_tls_cert_file = /etc/ssl/harbour/nosuch.pem\nsmtpd_tls_security_level = may\n"
                 "virtual_mailbox_limit = 1000\nrelay_recipent_maps = texthash:/nonexistent/relay\n"
                 "smtpd_helo_restrictions = reject_invalid_helo_hostname, check_helo_access texthash:/nonexistent/helo\n"
                 f"header_checks = regexp:{d}/nosuch_header_checks\nmessage_size_limit = 100000\n"
                 "queue_minfree = 5000\ndefault_process_limit = 120\nharbour_notice_footer = yes\n")
    return body


def mail_batch(seed: int, n: int) -> list[tuple[str, str, int]]:
    rnd = random.Random(seed)
    staff = [f"{f[0]}{l}" for f in FIRST for l in LAST][:120]
    out = []
    for k in range(n):
        r = rnd.random()
        if r < 0.78:
            rcpt = f"{rnd.choice(staff)}@harbour.test"
        elif r < 0.83:
            rcpt = f"{rnd.choice(['berthdesk', 'pilots', 'tugs'])}@notices.harbour.test"
        elif r < 0.88:
            rcpt = f"{rnd.choice(staff)}x@harbour.test"          # no such mailbox: rejected
        elif r < 0.93:
            rcpt = f"agent{rnd.randint(1, 9)}@agents.test"       # the agents' relay is down: deferred
        elif r < 0.96:
            rcpt = f"clearance@customs.test"                     # the customs gateway is retired: bounced
        elif r < 0.98:
            rcpt = "records@harbour.test"                        # a mailbox directory not writable: deferred
        else:
            rcpt = f"{rnd.choice(staff)}@harbour.test"
        size = 250000 if k in (333, 777) else rnd.randint(200, 4000)
        out.append((f"{rnd.choice(['berth-planner', 'tide-alerts', 'ais-watch'])}@harbour.test", rcpt, size))
    return out


def postfix_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "postfix"
    for sub in ("conf", "conf-bad", "vmail", "vmail/ro", "conf-spool", "conf-bad-spool"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    port, dead = free_port(), free_port()
    staff = [f"{f[0]}{l}" for f in FIRST for l in LAST][:120]
    (d / "vmailbox").write_text("".join(f"{u}@harbour.test {u}/\n" for u in staff) +
                                "berthdesk@notices.harbour.test berthdesk/\npilots@notices.harbour.test pilots/\n"
                                "tugs@notices.harbour.test tugs/\nrecords@harbour.test ro/records/\n")
    (d / "transport").write_text(f"agents.test smtp:[127.0.0.1]:{dead}\n"
                                 "customs.test error:5.1.1 customs gateway retired, use the port community system\n")
    run(f"chmod 755 {tmp} {tmp / 'harbour'} {d} && chown 65534:65534 {d}/vmail && chmod 555 {d}/vmail/ro", cwd=d)
    for conf, bad in (("conf", False), ("conf-bad", True)):
        (d / conf / "main.cf").write_text(postfix_main(d, conf, port, dead, bad))
        master = Path("/etc/postfix/master.cf").read_text()
        master = re.sub(r"(?m)^smtp(\s+)inet(\s+)n(\s+)-(\s+)y", f"127.0.0.1:{port} inet n - n", master)
        (d / conf / "master.cf").write_text(master)
        run(f"postconf -c {d}/{conf} -F '*/*/chroot = n'", cwd=d)
    run(f"postfix -c {d}/conf-bad check >/dev/null 2>&1; chmod 777 {d}/conf-bad-spool/maildrop {d}/conf-bad-data; "
        f"chmod 666 {d}/conf-bad/main.cf; chown nobody {d}/conf-bad-spool/pid", cwd=d)
    cap("postfix-check-bad-echo-tail", "postfix -c $PWD/conf-bad check; echo EXIT=$?; tail -n 60 conf-bad-maillog", d,
        n_postfix_check)
    cap("postconf-n-bad", "postconf -c conf-bad -n", d, n_postconf_n)
    cap("postconf-n", "postconf -c conf -n 2>&1; postconf -c conf -M | head -n 20", d, n_postconf_n)
    out = run(f"postfix -c {d}/conf start", cwd=d, timeout=60)
    if not wait_port(port, 20):
        raise RuntimeError("postfix did not start: " + out[-300:])
    try:
        batch = mail_batch(1500, 1000)
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as s:
            s.ehlo("ais-watch.harbour.test")
            for k, (frm, rcpt, size) in enumerate(batch):
                body = (f"From: {frm}\r\nTo: {rcpt}\r\nSubject: notice {k}: berth change\r\n\r\n" +
                        "berth schedule update\r\n" * (size // 23))
                try:
                    s.sendmail(frm, [rcpt], body)
                except smtplib.SMTPException:
                    s.rset()
        # deliveries finish within seconds; the relay that is down defers after its connect timeouts
        log = d / "conf-maillog"
        for _ in range(90):
            time.sleep(2)
            txt = log.read_text(errors="replace") if log.exists() else ""
            if txt.count("status=") >= 900 and "status=deferred" in txt:
                time.sleep(5)
                break
    finally:
        run(f"postfix -c {d}/conf stop", cwd=d, timeout=60)
    time.sleep(2)
    cap("postfix-maillog-tail-700", "tail -n 700 conf-maillog", d, n_maillog)
    cap("postfix-maillog-grep-v-sent", "grep -v -E 'status=sent|: removed$|: from=<|message-id=|client=' "
        "conf-maillog | tail -n 400", d, n_maillog)
    cap("postfix-maillog-grep-i-error", "grep -i -E 'error|fatal|warning|reject|bounced|deferred' conf-maillog | "
        "head -n 250; echo EXIT=$?", d, n_maillog)


# ------------------------------------------------------------------ fail2ban-regex over a generated auth log

def auth_log(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    staff = [f"{f[0]}{l}" for f in FIRST for l in LAST][:60]
    bad_ips = [f"203.0.113.{rnd.randint(2, 250)}" for _ in range(6)] + [f"198.51.100.{rnd.randint(2, 250)}"
                                                                        for _ in range(4)]
    out, t, pid = [], 1764547200, 4100
    for k in range(n):
        t += rnd.randint(1, 40)
        pid += rnd.randint(1, 7)
        ts = time.strftime("%b %d %H:%M:%S", time.gmtime(t)).replace(" 0", "  ", 1)
        h = "quay-gw"
        r = rnd.random()
        if r < 0.35:
            out.append(f"{ts} {h} sshd[{pid}]: Accepted publickey for {rnd.choice(staff)} from 10.60.{rnd.randint(0, 3)}."
                       f"{rnd.randint(2, 250)} port {rnd.randint(30000, 65000)} ssh2: ED25519 SHA256:x{k:06d}")
        elif r < 0.6:
            ip = rnd.choice(bad_ips)
            out.append(f"{ts} {h} sshd[{pid}]: Failed password for {rnd.choice(['root', 'admin'] + staff[:3])} from "
                       f"{ip} port {rnd.randint(30000, 65000)} ssh2")
        elif r < 0.72:
            ip = rnd.choice(bad_ips)
            user = rnd.choice(["oracle", "test", "pi", "ubuntu", "crane", "ftpuser"])
            out.append(f"{ts} {h} sshd[{pid}]: Invalid user {user} from {ip} port {rnd.randint(30000, 65000)}")
        elif r < 0.8:
            out.append(f"{ts} {h} sshd[{pid}]: Connection closed by authenticating user root {rnd.choice(bad_ips)} port "
                       f"{rnd.randint(30000, 65000)} [preauth]")
        elif r < 0.86:
            out.append(f"{ts} {h} sshd[{pid}]: pam_unix(sshd:session): session opened for user {rnd.choice(staff)}(uid="
                       f"{rnd.randint(20000, 21500)}) by (uid=0)")
        elif r < 0.9:
            out.append(f"{ts} {h} sshd[{pid}]: Received disconnect from {rnd.choice(bad_ips)} port "
                       f"{rnd.randint(30000, 65000)}:11: Bye Bye [preauth]")
        elif r < 0.94:
            out.append(f"{ts} {h} CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
        elif r < 0.97:
            out.append(f"{ts} {h} sshd[{pid}]: error: kex_exchange_identification: Connection closed by remote host")
        else:
            out.append(f"{ts} {h} sshd[{pid}]: Unable to negotiate with {rnd.choice(bad_ips)} port "
                       f"{rnd.randint(30000, 65000)}: no matching key exchange method found. Their offer: "
                       "diffie-hellman-group1-sha1 [preauth]")
        if k in (200, 900):
            out.append(f"{ts} {h} sshd[{pid}]: message repeated 3 times: [ Failed password for root from "
                       f"{bad_ips[0]} port 4242 ssh2]")
    return "\n".join(out) + "\n"


FILTER_BAD = """[INCLUDES]
before = /etc/fail2ban/filter.d/common.conf

[Definition]
_daemon = sshd
failregex = ^%(__prefix_line)sFailed password for (invalid user )?\\S+ from <HOST> port \\d+ ssh2$
            ^%(__prefix_line)sInvalid user \\S+ from <HOST>
            ^%(__prefix_line)sBad protocol version identification .* from (<HOST>
ignoreregex = ^%(__prefix_line)sAccepted publickey for .* from 10\\.60\\.
"""

FILTER_OK = FILTER_BAD.replace("            ^%(__prefix_line)sBad protocol version identification .* from (<HOST>\n",
                               "            ^%(__prefix_line)sConnection closed by authenticating user \\S+ <HOST>\n")


def fail2ban_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "fail2ban"
    d.mkdir(parents=True, exist_ok=True)
    (d / "auth.log").write_text(auth_log(1600, 1400))
    (d / "auth-small.log").write_text(auth_log(1601, 220))
    (d / "quay-sshd-bad.conf").write_text(FILTER_BAD)
    (d / "quay-sshd.conf").write_text(FILTER_OK)
    cap("fail2ban-regex-sshd", "fail2ban-regex auth.log /etc/fail2ban/filter.d/sshd.conf", d, n_fail2ban)
    cap("fail2ban-regex-sshd-aggressive-missed", "fail2ban-regex --print-all-missed auth-small.log "
        "'/etc/fail2ban/filter.d/sshd.conf[mode=aggressive]' 2>&1 | tail -n 120", d, n_fail2ban)
    cap("fail2ban-regex-custom-bad-echo", "fail2ban-regex auth-small.log $PWD/quay-sshd-bad.conf 2>&1 | tail -n 40; echo EXIT=$?", d,
        n_fail2ban)
    cap("fail2ban-regex-custom-v-head", "fail2ban-regex -v auth-small.log $PWD/quay-sshd.conf | head -n 200", d,
        n_fail2ban)


# ------------------------------------------------------------------ rsyslog config checks

RSYSLOG_BAD = {
    "10-modules.conf": 'module(load="imuxsock")\nmodule(load="imjournal_nope")\nmodule(load="imudp")\n'
                       'input(type="imudp" port="5514" address="127.0.0.1")\n'
                       'module(load="imtcp" MaxSessions="many")\n',
    "20-templates.conf": 'template(name="QuayFmt" type="string" string="%timegenerated% %HOSTNAME% %msg%\\n")\n'
                         'template(name="QuayJson" type="list") { property(name="msg" format="jsonf") '
                         'constant(value="\\n") property(name="nosuchprop") }\n'
                         'template(name="QuayFmt" type="string" string="%msg%")\n',
    "30-rules.conf": 'if $programname == "sshd" then {\n  action(type="omfile" file="/tmp/hm-r100-sshd.log" '
                     'template="QuayFmt")\n  stop\n}\n'
                     'if $msg contains "crane" then action(type="omfile" fil="/tmp/hm-r100-crane.log")\n'
                     ':programname, isequal, "postfix" /tmp/hm-r100-mail.log;NoSuchTemplate\n'
                     'local3.* action(type="omfwd" target="127.0.0.1" port="70000" protocol="tcp")\n'
                     'if $syslogseverity <= 3 then action(type="omprog" binary="/nonexistent/pager.sh")\n',
    "40-legacy.conf": '$ActionQueueType LinkedList\n$ActionQueueFileName quayfwd\n$ActionResumeRetryCount -1x\n'
                      '$WorkDirectory /nonexistent/rsyslog\n*.* @@127.0.0.1:5514\nmail.* -/var/log/mail.log\n'
                      'kern.*\n',
    "50-ruleset.conf": 'ruleset(name="quays") {\n  action(type="omfile" file="/tmp/hm-r100-quays.log")\n\n'
                       'input(type="imtcp" port="6514" ruleset="nosuchruleset")\n',
}


def rsyslog_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "rsyslog"
    (d / "rsyslog.d").mkdir(parents=True, exist_ok=True)
    for name, body in RSYSLOG_BAD.items():
        (d / "rsyslog.d" / name).write_text(body)
    (d / "rsyslog.conf").write_text(f'global(workDirectory="{d}")\ninclude(file="{d}/rsyslog.d/*.conf")\n'
                                    '*.info;mail.none /tmp/hm-r100-messages\n')
    cap("rsyslogd-N1", f"rsyslogd -N1 -f {d}/rsyslog.conf", d, n_rsyslog)
    cap("rsyslogd-N1-loop-echo", "for f in rsyslog.d/*.conf; do echo \"== $f\"; rsyslogd -N1 -f $PWD/$f 2>&1; done; "
        "echo EXIT=$?", d, n_rsyslog)


# ------------------------------------------------------------------ tinyproxy in front of the berth API

def tinyproxy_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "tinyproxy"
    d.mkdir(parents=True, exist_ok=True)
    run(f"chmod 755 {tmp} {tmp / 'harbour'} && chmod 777 {d}", cwd=d)
    up, dead, port = free_port(), free_port(), free_port()
    (d / "berths.py").write_text(BERTHS)
    cm.start(["python3", "berths.py", str(up)], cwd=d)
    wait_port(up, 10)
    (d / "filter").write_text("ads\\.test\ntracker\\.example\n^planner-legacy\\.\n")
    (d / "tinyproxy.conf").write_text(
        f"User nobody\nGroup nogroup\nPort {port}\nListen 127.0.0.1\nTimeout 5\nMaxClients 20\n"
        f"LogFile \"{d}/tinyproxy.log\"\nLogLevel Info\nPidFile \"{d}/tinyproxy.pid\"\nAllow 127.0.0.1\n"
        f"Filter \"{d}/filter\"\nFilterURLs Off\nFilterExtended On\nConnectPort 443\nViaProxyName \"harbour\"\n"
        "DisableViaHeader No\n")
    run(f"touch {d}/tinyproxy.log && chmod 666 {d}/tinyproxy.log", cwd=d)
    p = cm.start(["tinyproxy", "-d", "-c", str(d / "tinyproxy.conf")], cwd=d)
    if not wait_port(port, 15):
        raise RuntimeError("tinyproxy did not start")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{port}"}))
    urls = berth_urls(1700, 260, f"http://127.0.0.1:{up}")
    rnd = random.Random(1701)
    for k in range(0, len(urls), 9):
        urls[k] = rnd.choice([f"http://127.0.0.1:{dead}/metrics", "http://tracker.example/pixel.gif",
                              "http://ads.test/banner", "http://planner-legacy.harbour.test/", 
                              f"http://localhost:{up}/api/tides?quay=north"])
    fetch_all(urls, opener)
    time.sleep(1)
    cm.stop(p)
    cap("tinyproxy-log-tail-300", "tail -n 300 tinyproxy.log", d, n_tinyproxy)
    cap("tinyproxy-log-grep-v-info", "grep -v -E '^(INFO|CONNECT)' tinyproxy.log", d, n_tinyproxy)


# ------------------------------------------------------------------ vsftpd, the manifests drop

def vsftpd_steps(tmp: Path) -> None:
    d = tmp / "harbour" / "vsftpd"
    root = d / "anon"
    (root / "manifests").mkdir(parents=True, exist_ok=True)
    (root / "incoming").mkdir(parents=True, exist_ok=True)
    (d / "empty").mkdir(parents=True, exist_ok=True)
    rnd = random.Random(1800)
    names = []
    for k in range(60):
        name = f"{rnd.choice(QUAYS)}-{2026120100 + k}.csv"
        (root / "manifests" / name).write_text("container,weight_t\n" + "".join(
            f"HRBU{rnd.randint(1000000, 9999999)},{rnd.uniform(2, 30):.1f}\n" for _ in range(rnd.randint(5, 900))))
        names.append(name)
    run(f"chmod 755 {tmp} {tmp / 'harbour'} {d} && chmod 555 {root} && chown ftp {root}/incoming 2>/dev/null || "
        f"chown nobody {root}/incoming; chmod 755 {root}/incoming", cwd=d)
    port = free_port()
    (d / "vsftpd.conf").write_text(
        f"listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n"
        f"anonymous_enable=YES\nanon_root={root}\nno_anon_password=YES\nlocal_enable=YES\n"
        "pam_service_name=vsftpd\nwrite_enable=YES\nanon_upload_enable=YES\nanon_mkdir_write_enable=NO\n"
        f"xferlog_enable=YES\ndual_log_enable=YES\nvsftpd_log_file={d}/vsftpd.log\nxferlog_file={d}/xferlog\n"
        f"secure_chroot_dir={d}/empty\nseccomp_sandbox=NO\npasv_enable=YES\npasv_address=127.0.0.1\n"
        "pasv_min_port=40100\npasv_max_port=40200\nftp_username=ftp\nconnect_from_port_20=NO\n"
        "max_per_ip=50\nanon_max_rate=0\n")
    p = cm.start(["vsftpd", str(d / "vsftpd.conf")], cwd=d)
    if not wait_port(port, 15):
        raise RuntimeError("vsftpd did not start")
    for k in range(140):
        r = rnd.random()
        try:
            ftp = ftplib.FTP()
            ftp.connect("127.0.0.1", port, timeout=5)
            if r < 0.08:
                ftp.login(rnd.choice(["harbourmaster", "crane", "root"]), "wrong")
            else:
                ftp.login()
            if r < 0.6:
                ftp.retrbinary(f"RETR manifests/{rnd.choice(names)}", lambda b: None)
            elif r < 0.72:
                ftp.retrbinary(f"RETR manifests/{rnd.choice(QUAYS)}-missing-{k}.csv", lambda b: None)
            elif r < 0.86:
                ftp.storbinary(f"STOR incoming/{rnd.choice(QUAYS)}-{k}.csv", io.BytesIO(b"container,weight_t\n" * 40))
            elif r < 0.93:
                ftp.storbinary(f"STOR manifests/override-{k}.csv", io.BytesIO(b"x\n"))
            else:
                ftp.mkd(f"incoming/batch-{k}")
            ftp.quit()
        except Exception:  # noqa: BLE001  refusals are what the log shows
            pass
    time.sleep(0.5)
    cm.stop(p)
    cap("vsftpd-log-cat", "cat vsftpd.log", d, n_vsftpd)
    cap("vsftpd-log-grep-fail-echo", "grep -n -E 'FAIL|CONNECT' vsftpd.log | tail -n 80; echo EXIT=$?", d, n_vsftpd)


STEPS = [varnish_steps, samba_steps, postfix_steps, fail2ban_steps, rsyslog_steps, tinyproxy_steps, vsftpd_steps]
