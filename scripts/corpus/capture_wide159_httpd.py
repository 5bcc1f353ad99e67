"""Round 159, httpd: an Apache httpd 2.4 config tree of the round's own (a copy of Debian's layout under the round's
scratch dir, `APACHE_CONFDIR`, every Listen on 127.0.0.1) with tidewater's virtual hosts and faults put in (a
vhost conflict, a denied directory, a directory without an index, a missing DocumentRoot, a proxy to a dead backend,
an .htaccess with a bad directive, basic auth with wrong passwords), LogLevel debug, mod_status, ModSecurity 2 with
rules of the round's own; H2O 2.2 with configs of its own (two broken). Run through capture_wide159.py."""

from __future__ import annotations

import random
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide159 import add
from capture_wide159_java import _agent, _exit, access_needles, wait_port

A_PORT, A_PORT2, DEAD, H_PORT = 18081, 18082, 18099, 18083
AH = re.compile(r"\bAH\d{5}\b")
DEFAULT_MODS = {"alias", "auth_basic", "authn_core", "authn_file", "authz_core", "authz_host", "authz_user", "autoindex",
                "deflate", "dir", "env", "filter", "mime", "mpm_event", "negotiation", "reqtimeout", "setenvif", "status",
                "access_compat", "core", "so", "watchdog", "http", "log_config", "logio", "version", "unixd"}


# ------------------------------------------------------------------ extractors

@cm.kind("apache2ctl-S", "doc")
def n_ctl_S(lines):
    """Rule 5 on apache2ctl -S: the VirtualHost configuration: line, every address:port line, every port N namevhost / default server line, every AH warning or error line, the ServerRoot:/Main DocumentRoot:/Main ErrorLog:/User:/Group: lines, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("VirtualHost configuration:")]
    out += [ln for ln in lines if re.match(r"^(\*|[\d.]+|\[[^\]]*\]):\d+\s", ln)]
    out += [ln for ln in lines if re.match(r"^\s+(port \d+ namevhost|default server) ", ln)]
    out += [ln for ln in lines if AH.search(ln) or re.search(r"(?i)\berror\b|warn", ln)]
    out += [ln for ln in lines if re.match(r"^(ServerRoot|Main DocumentRoot|Main ErrorLog|User|Group):", ln)]
    return out + _exit(lines) + _agent(lines)


@cm.kind("apache2ctl-M", "listing")
def n_ctl_M(lines):
    """Rule 5 on apache2ctl -M: the Loaded Modules: line, every (static) module line, every module line not in Debian's default set, every AH / error line."""
    out = [ln for ln in lines if ln.startswith("Loaded Modules:")]
    for ln in lines:
        m = re.match(r"^\s*(\w+)_module \((static|shared)\)", ln)
        if m and (m.group(2) == "static" or m.group(1) not in DEFAULT_MODS):
            out.append(ln)
    out += [ln for ln in lines if AH.search(ln) or re.search(r"(?i)\berror\b", ln)]
    return out + _exit(lines) + _agent(lines)


@cm.kind("apache2ctl-dump-includes", "listing")
def n_ctl_includes(lines):
    """Rule 5 on apache2ctl -t -D DUMP_INCLUDES: the Included configuration files: line, the first and last included file, every included file outside mods-enabled/, every AH / error / Syntax line."""
    out = [ln for ln in lines if ln.startswith("Included configuration files")]
    files = [ln for ln in lines if re.match(r"^\s*\(\*?\)|^\s*\(\d+\)|^\s+\S+\.(conf|load)$|^\s*\(.*\)\s+/", ln)]
    if files:
        out += [files[0], files[-1]]
    out += [ln for ln in files if "mods-enabled/" not in ln]
    out += [ln for ln in lines if AH.search(ln) or re.search(r"(?i)\berror\b|^Syntax", ln)]
    return out + _exit(lines)


@cm.kind("apache2ctl-V", "doc")
def n_ctl_V(lines):
    """Rule 5 on apache2ctl -V: the Server version:, Server built:, Architecture:, Server MPM: lines and the -D HTTPD_ROOT, -D SERVER_CONFIG_FILE, -D DEFAULT_ERRORLOG lines."""
    out = [ln for ln in lines if re.match(r"^(Server version|Server built|Architecture|Server MPM):", ln)]
    out += [ln for ln in lines if re.search(r"-D (HTTPD_ROOT|SERVER_CONFIG_FILE|DEFAULT_ERRORLOG)", ln)]
    return out + [ln for ln in lines if AH.search(ln)] + _exit(lines)


@cm.kind("apache-server-status-auto", "table")
def n_status_auto(lines):
    """Rule 5 on server-status?auto: the ServerVersion, ServerMPM, Total Accesses, Total kBytes, Uptime, ReqPerSec, BusyWorkers, IdleWorkers and Scoreboard lines, the == lines the agent printed."""
    keys = ("ServerVersion", "ServerMPM", "Total Accesses", "Total kBytes", "Uptime", "ReqPerSec", "BusyWorkers",
            "IdleWorkers", "Scoreboard")
    return [ln for ln in lines if ln.split(":")[0] in keys] + _agent(lines) + _exit(lines)


ELOG = re.compile(r"^\[[^\]]+\] \[(?:(\w+):)?(\w+?)(\d?)\] (?:\[pid \d+(?::tid \d+)?\] )?(?:\S+\.c\(\d+\): )?(?:\[client [^\]]+\] )?(.*)$")


def _level(ln):
    m = ELOG.match(ln)
    if not m:
        return None, None, ""
    return m.group(1) or "core", m.group(2), m.group(4)


@cm.kind("apache-error-log-debug", "log")
def n_elog_debug(lines):
    """Rules 1+5 on httpd's error log at LogLevel debug/trace: every error/crit/alert/emerg line; warn and notice lines one {"any"} per (module, AH code or shape); debug/trace lines naming a denial or failure one {"any"} per (module, AH code or shape); the resuming normal operations and Command line: lines."""
    out, wn, dbg = [], [], []
    for ln in lines:
        mod, lvl, msg = _level(ln)
        if lvl is None:
            continue
        key = (mod, (AH.search(msg).group(0) if AH.search(msg) else mask(msg)[:60]))
        if lvl in ("error", "crit", "alert", "emerg"):
            out.append(ln)
        elif lvl in ("warn", "notice"):
            wn.append((key, ln))
        elif lvl in ("debug", "trace") and re.search(r"(?i)denied|fail|error|not found|refused|\b403\b|\b500\b", msg):
            dbg.append((key, ln))
    out += groups(wn) + groups(dbg)
    out += [ln for ln in lines if "resuming normal operations" in ln or "Command line:" in ln]
    return out + _exit(lines) + _agent(lines)


@cm.kind("modsecurity-audit-log", "log")
def n_modsec_audit(lines):
    """Rule 5 on ModSecurity's serial audit log: each transaction's --ID-A-- line and the line after, the request line after --ID-B--, the status line after --ID-F--; Message: lines one {"any"} per rule id; Action: Intercepted lines one {"any"} per phase."""
    out, msgs, acts = [], [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^--[0-9a-f]+-([A-Z])--$", ln)
        if m and i + 1 < len(lines):
            if m.group(1) == "A":
                out += [ln, lines[i + 1]]
            elif m.group(1) in "BF":
                out.append(lines[i + 1])
        if ln.startswith("Message:"):
            rid = re.search(r'\[id "(\d+)"\]', ln)
            msgs.append((rid.group(1) if rid else mask(ln)[:80], ln))
        if ln.startswith("Action: Intercepted"):
            ph = re.search(r"phase (\d)", ln)
            acts.append((ph.group(1) if ph else ln, ln))
    return out + groups(msgs) + groups(acts) + _exit(lines)


@cm.kind("apache-modsecurity-error-log", "log")
def n_modsec_elog(lines):
    """Rules 1+5 on ModSecurity's lines in httpd's error log: Access denied lines one {"any"} per rule id, Warning. lines one {"any"} per rule id, every other error-or-above line, every rule-file or configuration error line."""
    den, wrn, out = [], [], []
    for ln in lines:
        rid = re.search(r'\[id "(\d+)"\]', ln)
        if "ModSecurity: Access denied" in ln:
            den.append((rid.group(1) if rid else "", ln))
        elif "ModSecurity: Warning." in ln:
            wrn.append((rid.group(1) if rid else "", ln))
        else:
            mod, lvl, msg = _level(ln)
            if lvl in ("error", "crit", "alert", "emerg") or re.search(r"(?i)syntax error|invalid|failed to parse|rules? file", ln):
                out.append(ln)
    return groups(den) + groups(wrn) + out + _exit(lines) + _agent(lines)


@cm.kind("h2o-configtest", "lint")
def n_h2o_t(lines):
    """Rules 1+3 on h2o -t: every [error] / failed / unknown line with the file:line it names (same line or within six), the configuration OK line, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"(?i)\[error\]|\bfailed\b|unknown|error", ln) or re.match(r"^\[[^\]]+:\d+\] ", ln):
            out.append(ln)
            if not re.search(r":\d+", ln):
                out.append(cm.next_match(lines, i, r"\S+:\d+"))
    out += [ln for ln in lines if "configuration OK" in ln]
    return out + _exit(lines) + _agent(lines)


@cm.kind("h2o-access-log", "log")
def n_h2o_access(lines):
    """Rules 4+5 on H2O's access log: every 5xx row, 4xx rows one {"any"} per (status, path), rows with a rare method, the row with the most bytes, the first and last rows."""
    return access_needles(lines)


# ------------------------------------------------------------------ Apache httpd

SITE = """NameVirtualHost 127.0.0.1:{p}

<VirtualHost 127.0.0.1:{p}>
    ServerName berths.tidewater.test
    ServerAlias www.berths.tidewater.test
    DocumentRoot {www}/berths
    LogLevel debug
    <Directory {www}/berths>
        Options FollowSymLinks
        AllowOverride All
        Require all granted
    </Directory>
    <Directory {www}/berths/private>
        Require all denied
    </Directory>
    <Directory {www}/berths/archive>
        Options -Indexes
    </Directory>
    <Location /server-status>
        SetHandler server-status
        Require ip 127.0.0.1
    </Location>
    ProxyPass /api/ http://127.0.0.1:{dead}/api/ connectiontimeout=2 timeout=3
    ProxyPassReverse /api/ http://127.0.0.1:{dead}/api/
    <Location /ops>
        AuthType Basic
        AuthName "tidewater ops"
        AuthUserFile {conf}/ops.htpasswd
        Require valid-user
    </Location>
</VirtualHost>

# the same name again, in a second vhost on the same address: the first one wins
<VirtualHost 127.0.0.1:{p}>
    ServerName berths.tidewater.test
    DocumentRoot {www}/berths-old
</VirtualHost>

<VirtualHost 127.0.0.1:{p}>
    ServerName tariffs.tidewater.test
    DocumentRoot {www}/tariffs
    <Directory {www}/tariffs>
        AllowOverride All
        Require all granted
    </Directory>
</VirtualHost>

<VirtualHost *:{p}>
    ServerName pilotage.tidewater.test
    DocumentRoot /srv/tidewater/pilotage-missing
</VirtualHost>

<VirtualHost 127.0.0.1:{p2}>
    ServerName customs.tidewater.test
    ServerAlias *.customs.tidewater.test
    DocumentRoot {www}/customs
    <Directory {www}/customs>
        Require all granted
    </Directory>
</VirtualHost>

<VirtualHost 127.0.0.1:{p2}>
    ServerName manifests.tidewater.test
    DocumentRoot {www}/manifests
</VirtualHost>
"""

MODSEC = """<IfModule security2_module>
    SecRuleEngine On
    SecRequestBodyAccess On
    SecAuditEngine RelevantOnly
    SecAuditLogRelevantStatus "^(?:5|4(?!04))"
    SecAuditLogParts ABIFHZ
    SecAuditLogType Serial
    SecAuditLog ${APACHE_LOG_DIR}/modsec_audit.log
    SecRule ARGS "@rx (?i)union\\s+select" "id:159001,phase:2,deny,status:403,log,msg:'SQL injection attempt in berth query'"
    SecRule REQUEST_HEADERS:User-Agent "@pm sqlmap nikto" "id:159002,phase:1,deny,status:403,log,msg:'Scanner user agent'"
    SecRule ARGS:berth "!@rx ^[0-9]{1,2}$" "id:159003,phase:2,pass,log,msg:'Berth number not numeric'"
    SecRule REQUEST_URI "@contains /etc/passwd" "id:159004,phase:1,deny,status:403,log,msg:'Path traversal attempt'"
    SecRule REQUEST_METHOD "@streq DELETE" "id:159005,phase:1,deny,status:405,log,msg:'Method not allowed on tidewater'"
</IfModule>
"""


def apache_tree(tmp: Path) -> tuple[Path, dict]:
    conf = tmp / "apache2"
    run(f"rm -rf {conf} && cp -a /etc/apache2 {conf}")
    logs, rund, www = tmp / "apache-logs", tmp / "apache-run", tmp / "www"
    for d in (logs, rund, tmp / "apache-lock"):
        d.mkdir(parents=True, exist_ok=True)
    ev = (conf / "envvars").read_text()
    ev = re.sub(r"export APACHE_PID_FILE=.*", f"export APACHE_PID_FILE={rund}/apache2.pid", ev)
    ev = re.sub(r"export APACHE_RUN_DIR=.*", f"export APACHE_RUN_DIR={rund}", ev)
    ev = re.sub(r"export APACHE_LOCK_DIR=.*", f"export APACHE_LOCK_DIR={tmp}/apache-lock", ev)
    ev = re.sub(r"export APACHE_LOG_DIR=.*", f"export APACHE_LOG_DIR={logs}", ev)
    (conf / "envvars").write_text(ev)
    (conf / "ports.conf").write_text(f"Listen 127.0.0.1:{A_PORT}\nListen 127.0.0.1:{A_PORT2}\n")
    ac = (conf / "apache2.conf").read_text().replace("LogLevel warn", "LogLevel info")
    (conf / "apache2.conf").write_text(ac + "ServerName mx.tidewater.test\nExtendedStatus On\n")
    for m in ("proxy", "proxy_http", "headers", "rewrite", "info", "expires", "remoteip"):
        for ext in ("load", "conf"):
            if (conf / "mods-available" / f"{m}.{ext}").exists():
                (conf / "mods-enabled" / f"{m}.{ext}").unlink(missing_ok=True)
                (conf / "mods-enabled" / f"{m}.{ext}").symlink_to(f"../mods-available/{m}.{ext}")
    for s in (conf / "sites-enabled").iterdir():
        s.unlink()
    (conf / "sites-available" / "tidewater.conf").write_text(SITE.format(p=A_PORT, p2=A_PORT2, www=www, dead=DEAD, conf=conf))
    (conf / "sites-enabled" / "tidewater.conf").symlink_to("../sites-available/tidewater.conf")
    (conf / "conf-available" / "tidewater-modsec.conf").write_text(MODSEC)
    (conf / "conf-enabled" / "tidewater-modsec.conf").symlink_to("../conf-available/tidewater-modsec.conf")
    r = random.Random(1594)
    files = {"berths/index.html": "<h1>berths</h1>\n", "berths/private/roster.csv": "pilot,licence\n",
             "berths/archive/2025.csv": "x\n", "berths/ops/index.html": "ops\n", "tariffs/index.html": "tariffs\n",
             "tariffs/.htaccess": "Options +Indexes\nRequire all granted\nExpiresActve On\n",
             "customs/index.html": "customs\n", "manifests/index.html": "manifests\n", "berths-old/index.html": "old\n"}
    for i in range(40):
        files[f"berths/schedule/day{i:02d}.html"] = "<p>" + " ".join(str(r.randint(1, 40)) for _ in range(r.randint(10, 900))) + "</p>\n"
    write_tree(www, files)
    run(f"htpasswd -bc {conf}/ops.htpasswd harbourmaster Quay-159 && htpasswd -b {conf}/ops.htpasswd pilot Pilot-159")
    return conf, {"APACHE_CONFDIR": str(conf)}


def apache_traffic(seed: int, n: int) -> None:
    r = random.Random(seed)
    hosts = ["berths.tidewater.test", "tariffs.tidewater.test", "pilotage.tidewater.test", "nobody.tidewater.test"]
    paths = (["/", "/index.html"] * 8 + ["/schedule/day{d:02d}.html"] * 20 + ["/schedule/day{x}.html"] * 3
             + ["/private/roster.csv", "/archive/", "/api/berths", "/ops/", "/server-status?auto"]
             + ["/?berth=7%20union%20select%20password%20from%20users", "/?berth=B{d}", "/../../etc/passwd",
                "/index.html?berth={d}"])
    for _ in range(n):
        host = r.choice(hosts) if r.random() < 0.25 else hosts[0]
        p = r.choice(paths).format(d=r.randint(0, 39), x=r.randint(40, 99))
        method = "DELETE" if r.random() < 0.02 else "GET"
        port = A_PORT2 if r.random() < 0.1 else A_PORT
        req = urllib.request.Request(f"http://127.0.0.1:{port}{p}", method=method, headers={"Host": host})
        if p.startswith("/ops"):
            import base64
            who = r.choice(["harbourmaster:Quay-159", "harbourmaster:wrong", "captain:x", "pilot:Pilot-159"])
            req.add_header("Authorization", "Basic " + base64.b64encode(who.encode()).decode())
        if r.random() < 0.03:
            req.add_header("User-Agent", "sqlmap/1.7.2#stable (https://sqlmap.org)")
        try:
            urllib.request.urlopen(req, timeout=10).read()
        except (urllib.error.URLError, OSError):
            pass


def cap_apache(tmp: Path) -> None:
    conf, env = apache_tree(tmp)
    logs = tmp / "apache-logs"
    add("apache2ctl-S", "apache2ctl -S; echo EXIT=$?", run("apache2ctl -S 2>&1; echo EXIT=$?", env=env), n_ctl_S)
    add("apache2ctl-M", "apache2ctl -M", run("apache2ctl -M 2>&1", env=env), n_ctl_M)
    add("apache2ctl-M-grep", "apache2ctl -M 2>&1 | grep -vE 'authn|authz'", run("apache2ctl -M 2>&1 | grep -vE 'authn|authz'", env=env), n_ctl_M)
    add("apache2ctl-V", "apache2ctl -V", run("apache2ctl -V 2>&1", env=env), n_ctl_V)
    add("dump-includes", "apache2ctl -t -D DUMP_INCLUDES", run("apache2ctl -t -D DUMP_INCLUDES 2>&1", env=env), n_ctl_includes)
    add("dump-vhosts-runcfg", "apache2ctl -t -D DUMP_VHOSTS -D DUMP_RUN_CFG 2>&1 | head -n 60",
        run("apache2ctl -t -D DUMP_VHOSTS -D DUMP_RUN_CFG 2>&1 | head -n 60", env=env), n_ctl_S)
    cm.start(f". {conf}/envvars && exec apache2 -d {conf} -DFOREGROUND", env=env)
    if not wait_port(A_PORT, 60):
        cm.note("apache did not open its port")
    time.sleep(2)
    apache_traffic(1595, 150)
    st = lambda: urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{A_PORT}/server-status?auto",
                                                               headers={"Host": "berths.tidewater.test"}), timeout=10).read().decode()
    s0 = st()
    apache_traffic(1596, 50)
    s1 = st()
    add("server-status-auto", "curl -s -H 'Host: berths.tidewater.test' http://127.0.0.1:18081/server-status?auto", s1, n_status_auto)
    add("server-status-auto-twice", "for t in before after; do echo \"== $t\"; curl -s …/server-status?auto | grep -v Scoreboard; done",
        "== before\n" + "".join(l + "\n" for l in s0.splitlines() if not l.startswith("Scoreboard"))
        + "== after\n" + "".join(l + "\n" for l in s1.splitlines() if not l.startswith("Scoreboard")), n_status_auto)
    time.sleep(2)
    run(f"apache2ctl graceful-stop", env=env, timeout=60)
    time.sleep(3)
    el = logs / "error.log"
    add("error-log-debug", "cat /var/log/apache2/error.log", run(f"cat {el}"), n_elog_debug)
    add("error-log-debug-tail", "tail -n 80 /var/log/apache2/error.log", run(f"tail -n 80 {el}"), n_elog_debug)
    add("error-log-debug-grep", "grep -E ':(error|warn|crit|alert)\\]' /var/log/apache2/error.log",
        run(f"grep -E ':(error|warn|crit|alert)\\]' {el}"), n_elog_debug)
    add("error-log-debug-authz", "grep -E 'denied|AH01630|AH01618|AH01617' /var/log/apache2/error.log | tail -n 60",
        run(f"grep -E 'denied|AH01630|AH01618|AH01617' {el} | tail -n 60"), n_elog_debug)
    add("modsec-audit", "cat /var/log/apache2/modsec_audit.log", run(f"cat {logs}/modsec_audit.log"), n_modsec_audit)
    add("modsec-audit-tail", "tail -n 120 /var/log/apache2/modsec_audit.log", run(f"tail -n 120 {logs}/modsec_audit.log"), n_modsec_audit)
    add("modsec-elog", "grep -E 'security2|ModSecurity' /var/log/apache2/error.log",
        run(f"grep -E 'security2|ModSecurity' {el}"), n_modsec_elog)


# ------------------------------------------------------------------ H2O

H2O_CONF = """user: nobody
pid-file: {tmp}/h2o-run/h2o.pid
error-log: {tmp}/h2o-error.log
access-log: {tmp}/h2o-access.log
listen:
  host: 127.0.0.1
  port: {port}
hosts:
  "berths.tidewater.test:{port}":
    paths:
      "/":
        file.dir: {www}/berths
      "/api":
        proxy.reverse.url: http://127.0.0.1:{dead}/api
      "/private":
        file.dir: {www}/berths/private
        file.dirlisting: OFF
"""


def cap_h2o(tmp: Path) -> None:
    www = tmp / "www"
    if not www.exists():
        apache_tree(tmp)
    run(f"chmod -R a+rX {tmp}/www; chmod 711 {tmp}; mkdir -p {tmp}/h2o-run; chmod 777 {tmp}/h2o-run")
    good = H2O_CONF.format(tmp=tmp, port=H_PORT, www=www, dead=DEAD)
    (tmp / "h2o.conf").write_text(good)
    variants = {
        "h2o-noport.conf": good.replace("  port: ", "  prot: "),
        "h2o-indent.conf": good.replace('      "/private":', '     "/private":'),
        "h2o-listing.conf": good.replace("file.dirlisting: OFF", "file.dirlisting: MAYBE"),
        "h2o-typo.conf": good.replace("proxy.reverse.url:", "proxy.revers.url:"),
        "h2o-expires.conf": good + "expires: 1 fortnight\n",
        "h2o-mime.conf": good + "file.mime.addtypes:\n  application/x-tide: [.tide, 42]\n",
        "h2o-user.conf": good.replace("user: nobody", "user: harbourpilot"),
    }
    for name, body in variants.items():
        (tmp / name).write_text(body)
    confs = ["h2o.conf", *variants]
    add("h2o-t-loop", "for c in h2o*.conf; do echo \"== $c\"; h2o -t -c $c; echo EXIT=$?; done",
        run("; ".join(f"echo '== {c}'; h2o -t -c {c} 2>&1; echo EXIT=$?" for c in confs), cwd=tmp), n_h2o_t)
    add("h2o-t-grep", "for c in h2o-*.conf; do h2o -t -c $c 2>&1 | grep -iE 'error|fail|unknown|argument|\\['; echo \"== $c EXIT=$?\"; done",
        run("; ".join(f"h2o -t -c {c} 2>&1 | grep -iE 'error|fail|unknown|argument|\\['; echo \"== {c} EXIT=$?\"" for c in confs[1:]), cwd=tmp), n_h2o_t)
    (tmp / "h2o-access.log").touch()
    run(f"chown nobody {tmp}/h2o-access.log {tmp}/h2o-error.log 2>/dev/null; true")
    cm.start(["h2o", "-c", str(tmp / "h2o.conf")])
    if not wait_port(H_PORT, 30):
        cm.note("h2o did not open its port")
    r = random.Random(1597)
    paths = ["/", "/index.html"] * 5 + ["/schedule/day{d:02d}.html"] * 20 + ["/schedule/day{x}.html"] * 3 + \
            ["/private/", "/api/berths", "/private/roster.csv", "/archive/"]
    for _ in range(220):
        p = r.choice(paths).format(d=r.randint(0, 39), x=r.randint(40, 99))
        method = r.choice(["POST", "PUT"]) if r.random() < 0.03 else "GET"
        try:
            urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{H_PORT}{p}", method=method,
                                                          headers={"Host": f"berths.tidewater.test:{H_PORT}"}), timeout=10).read()
        except (urllib.error.URLError, OSError):
            pass
    time.sleep(2)
    add("h2o-access", "cat /var/log/h2o/access.log", run(f"cat {tmp}/h2o-access.log"), n_h2o_access)
    add("h2o-access-errors", "grep -vE '\" (200|304) ' /var/log/h2o/access.log | tail -n 50",
        run(f"grep -vE '\" (200|304) ' {tmp}/h2o-access.log | tail -n 50"), n_h2o_access)


STEPS = [cap_apache, cap_h2o]
