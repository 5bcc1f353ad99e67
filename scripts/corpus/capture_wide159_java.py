"""Round 159, Java servers: a Tomcat 10 instance of the round's own (CATALINA_BASE under the round's scratch dir,
HTTP on 127.0.0.1:18080, a second connector on a port another process holds, the manager for a manager-script
user) and a Jetty 9 base of its own (127.0.0.1:18090), both serving `tidewater`'s web applications compiled here with
faults put in. Run through capture_wide159.py."""

from __future__ import annotations

import base64
import random
import re
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide159 import add

EXIT = re.compile(r"^EXIT=\d+$")
T_HOME = "/usr/share/tomcat10"
J_HOME = "/usr/share/jetty9"
T_PORT, T_CLASH, T_SHUT, J_PORT = 18080, 18443, 18005, 18090
MGR_USER, MGR_PW = "harbourops", "Tide-159-mgr"
EXC = re.compile(r"^(Exception in thread \"[^\"]*\" )?([a-z_$][\w$]*\.)+[A-Z][\w$]*(Exception|Error|Throwable)\b")
NOT_OWN = ("java.", "jdk.", "sun.", "org.apache.", "jakarta.", "javax.", "org.eclipse.", "com.sun.")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _agent(lines):
    return [ln for ln in lines if ln.startswith("== ")]


def _traces(lines):
    """Each stack trace's exception line, every Caused by: line and its first own-class `at` frame (or first frame)."""
    out, i = [], 0
    while i < len(lines):
        s = re.sub(r"^\d+[:-]", "", lines[i]).strip()
        if EXC.match(s) or s.startswith("Caused by:"):
            out.append(lines[i])
            frames, j = [], i + 1
            while j < len(lines) and re.match(r"^(\d+[:-])?\s+(at |\.\.\. \d+ more)", lines[j]):
                if re.sub(r"^\d+[:-]", "", lines[j]).strip().startswith("at "):
                    frames.append(lines[j])
                j += 1
            own = [f for f in frames if not re.sub(r"^\d+[:-]", "", f).strip()[3:].startswith(NOT_OWN)]
            if own or frames:
                out.append((own or frames)[0])
            i = j
            continue
        i += 1
    return out


def _rare(rows, key):
    c = Counter(key(r) for r in rows)
    if not c or c.most_common(1)[0][1] * 2 < len(rows):
        return []
    return [r for r in rows if c[key(r)] <= 2]


# ------------------------------------------------------------------ extractors

JULI = re.compile(r"^(?:\d+[:-])?\d{2}-\w{3}-\d{4} [\d:.]+ (SEVERE|WARNING|INFO|FINE|FINER|FINEST|CONFIG) \[([^\]]*)\] (\S+) (.*)$")


@cm.kind("tomcat-catalina-out", "log")
def n_catalina(lines):
    """Rules 1+5 on Tomcat's JULI one-line logs: every SEVERE line; each stack trace's exception line, every Caused by: line and its first own-class at frame; WARNING lines one {"any"} per (logger, message shape); the Server startup in line, the Starting ProtocolHandler lines, Deployment ... has finished lines one {"any"}; every Address already in use / BindException line; the agent's EXIT=N line."""
    out = [ln for ln in lines if (m := JULI.match(ln)) and m.group(1) == "SEVERE"]
    out += _traces(lines)
    out += groups(((m.group(3), mask(m.group(4))), ln) for ln in lines if (m := JULI.match(ln)) and m.group(1) == "WARNING")
    out += [ln for ln in lines if re.search(r"Server startup in \[|Starting ProtocolHandler", ln)]
    out.append(any_of([ln for ln in lines if re.search(r"Deployment of (web application|deployment descriptor).*has finished", ln)]))
    out += [ln for ln in lines if re.search(r"Address already in use|BindException", ln)]
    return out + _exit(lines) + _agent(lines)


@cm.kind("tomcat-configtest", "lint")
def n_configtest(lines):
    """Rules 1+3 on configtest.sh: every SEVERE line with its trace's exception and Caused by: lines, WARNING lines one {"any"} per message shape, every line naming a file position (lineNumber, columnNumber, [line N), the Server initialization in line, an EXIT=N line."""
    out = [ln for ln in lines if (m := JULI.match(ln)) and m.group(1) == "SEVERE" or ln.startswith("SEVERE: ")]
    out += [ln for ln in _traces(lines) if not ln.strip().startswith("at ")]
    out += groups((mask(m.group(4)), ln) for ln in lines if (m := JULI.match(ln)) and m.group(1) == "WARNING")
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("WARNING: "))
    out += [ln for ln in lines if re.search(r"lineNumber|columnNumber|\[line \d+|line \[\d+\]|line \d+ column \d+", ln)]
    out += [ln for ln in lines if "Server initialization in" in ln]
    return out + _exit(lines)


@cm.kind("tomcat-version", "doc")
def n_tomcat_version(lines):
    """Rule 5 on version.sh: the Server version:, Server built:, Server number:, JVM Version:, OS Name: lines and the Using CATALINA_BASE: / CATALINA_HOME: lines."""
    return [ln for ln in lines if re.match(r"^(Server version|Server built|Server number|JVM Version|OS Name|Using CATALINA_BASE|Using CATALINA_HOME):", ln)] + _exit(lines)


@cm.kind("tomcat-manager-list", "table")
def n_mgr_list(lines):
    """Rule 5 on the manager's text list: the OK - Listed applications / FAIL line, every application row whose state is not running, the row with the most sessions, the == lines the agent printed."""
    out = [ln for ln in lines if ln.startswith(("OK - ", "FAIL - "))]
    rows = [(ln, m) for ln in lines if (m := re.match(r"^(/\S*):(\w+):(\d+):(.*)$", ln))]
    out += [ln for ln, m in rows if m.group(2) != "running"]
    if rows:
        hi = max(int(m.group(3)) for _, m in rows)
        out.append(any_of([ln for ln, m in rows if int(m.group(3)) == hi]))
    return out + _agent(lines) + _exit(lines)


@cm.kind("tomcat-manager-serverinfo", "doc")
def n_mgr_info(lines):
    """Rule 5 on the manager's text serverinfo / vminfo: the OK - line, the Tomcat Version:, OS Name:, JVM Version:, JVM Vendor: lines; for vminfo the heap lines and the Runtime information: line."""
    out = [ln for ln in lines if ln.startswith(("OK - ", "FAIL - ")) or ln.startswith("== ")]
    out += [ln for ln in lines if re.match(r"^(Tomcat Version|OS Name|JVM Version|JVM Vendor):", ln)]
    out += [ln for ln in lines if re.search(r"Heap Memory Usage|maxMemory|totalMemory|freeMemory|^Runtime information:", ln)
            or re.match(r"^\s+heap (init|used|committed|max): ", ln)]
    return out + _exit(lines)


@cm.kind("tomcat-manager-text", "log")
def n_mgr_text(lines):
    """Rule 5 on the manager's other text commands: every OK - and FAIL - line, every line naming an exception, the == and EXIT=N lines the agent printed."""
    out = [ln for ln in lines if ln.startswith(("OK - ", "FAIL - "))]
    out += [ln for ln in lines if re.search(r"\w+(Exception|Error)\b", ln) and not ln.startswith(("OK - ", "FAIL - "))]
    return out + _agent(lines) + _exit(lines)


ACCESS = re.compile(r'^(\S+) \S+ \S+ \[[^\]]+\] "(\S+) (\S+)[^"]*" (\d{3}) (\S+)(?: (\d+))?')


def access_needles(lines):
    rows = [(ln, m) for ln in lines if (m := ACCESS.match(ln))]
    out = [ln for ln, m in rows if m.group(4).startswith("5")]
    out += groups(((m.group(4), m.group(3).split("?")[0]), ln) for ln, m in rows if m.group(4).startswith("4"))
    out += [ln for ln, m in _rare(rows, lambda r: r[1].group(2))]
    if rows:
        b = lambda m: int(m.group(5)) if m.group(5).isdigit() else 0
        hi = max(b(m) for _, m in rows)
        out.append(any_of([ln for ln, m in rows if b(m) == hi]))
        if any(m.group(6) for _, m in rows):
            t = max(int(m.group(6) or 0) for _, m in rows)
            out.append(any_of([ln for ln, m in rows if int(m.group(6) or 0) == t]))
        out += [rows[0][0], rows[-1][0]]
    return out + _exit(lines)


@cm.kind("tomcat-access-log", "log")
def n_tomcat_access(lines):
    """Rules 4+5 on Tomcat's access log (%h %l %u %t "%r" %s %b %D): every 5xx row, 4xx rows one {"any"} per (status, path), rows with a rare method, the rows with the most bytes and the longest time, the first and last rows."""
    return access_needles(lines)


JETTY = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+:(WARN|ERROR|INFO|DBUG):([^:]+):([^:]+):\s?(.*)$")


@cm.kind("jetty-log", "log")
def n_jetty_log(lines):
    """Rules 1+5 on Jetty 9's StdErrLog: every WARN/ERROR line naming a failure, other WARN lines one {"any"} per (logger, message shape); each stack trace's exception line, every Caused by: line and first own frame; the Started ServerConnector and Started @Nms lines, Started WebAppContext lines one {"any"}; every Address already in use line."""
    out, warn = [], []
    for ln in lines:
        m = JETTY.match(ln)
        if m and m.group(1) in ("WARN", "ERROR"):
            if m.group(1) == "ERROR" or re.search(r"Failed|Unavailable|Exception|Error", m.group(4)):
                out.append(ln)
            else:
                warn.append(((m.group(2), mask(m.group(4))), ln))
    out += groups(warn)
    out += _traces(lines)
    out += [ln for ln in lines if re.search(r"Started ServerConnector@|Started @\d+ms|Address already in use|Failed to bind", ln)]
    out.append(any_of([ln for ln in lines if re.search(r"Started o\.e\.j\.w\.WebAppContext@", ln)]))
    return out + _exit(lines) + _agent(lines)


@cm.kind("jetty-list-config", "doc")
def n_jetty_config(lines):
    """Rule 5 on start.jar --list-config: every section header, the jetty.version/jetty.home/jetty.base/java.version lines, every property line under Properties:, every Jetty Active XMLs: entry, every error or missing-file line."""
    out, sect = [], ""
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if ln and not ln.startswith(" ") and (re.match(r"^-{3,}$", nxt) or ln.endswith(":")):
            sect = ln
            out.append(ln)
            continue
        if re.search(r"\b(jetty\.version|jetty\.home|jetty\.base|java\.version)\b", ln) and ln.startswith(" "):
            out.append(ln)
        elif sect.startswith("Properties") and re.match(r"^\s+\S+ = ", ln):
            out.append(ln)
        elif sect.startswith("Jetty Active XMLs") and ln.strip() and not re.match(r"^-+$", ln):
            out.append(ln)
        if re.search(r"(?i)\berror\b|missing|not found|no such", ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("jetty-list-modules", "listing")
def n_jetty_modules(lines):
    """Rule 5 on start.jar --list-modules: every section header (Available Modules:, Enabled Modules:, a tag header), every module line of the Enabled Modules: section, every error line."""
    out, enabled = [], False
    for ln in lines:
        if re.match(r"^(Available Modules|Enabled Modules|Modules for tag)", ln) or re.match(r"^\S.*:$", ln) or re.match(r"^=+$", ln) is None and re.match(r"^\S[\w -]*:$", ln):
            enabled = ln.startswith("Enabled Modules")
            out.append(ln)
            continue
        if enabled and re.match(r"^\s+\d+\)\s+\S+", ln):
            out.append(ln)
        if re.search(r"(?i)\berror\b", ln):
            out.append(ln)
    return out + _exit(lines) + _agent(lines)


# ------------------------------------------------------------------ tidewater's web applications

BERTH_SERVLET = r'''
package org.tidewater.berths;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import SERVLET.ServletException;
import SERVLET.http.HttpServlet;
import SERVLET.http.HttpServletRequest;
import SERVLET.http.HttpServletResponse;

public class BerthServlet extends HttpServlet {
    private final Map<Integer, String> booked = new HashMap<>();

    @Override
    public void init() {
        for (int b = 1; b <= 40; b++) {
            if (b % 3 == 0) booked.put(b, "MV Nordic Tern");
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String op = req.getPathInfo() == null ? "/list" : req.getPathInfo();
        resp.setContentType("text/plain");
        PrintWriter w = resp.getWriter();
        switch (op) {
            case "/list":
                for (int b = 1; b <= 40; b++) w.println("berth " + b + " " + booked.getOrDefault(b, "free"));
                break;
            case "/slot":
                int id = Integer.parseInt(req.getParameter("id"));
                w.println("berth " + id + " " + booked.getOrDefault(id, "free"));
                break;
            case "/book":
                int berth = Integer.parseInt(req.getParameter("berth"));
                try {
                    book(berth, req.getParameter("ship"));
                } catch (IllegalStateException e) {
                    throw new ServletException("booking failed for berth " + berth, e);
                }
                w.println("booked");
                break;
            case "/draught":
                w.println(new DraughtTable().limitFor(req.getParameter("berth")));
                break;
            default:
                resp.sendError(404, "no such operation " + op);
        }
    }

    private void book(int berth, String ship) {
        String holder = booked.get(berth);
        if (holder != null) {
            throw new IllegalStateException("berth " + berth + " already booked for " + holder);
        }
        booked.put(berth, ship.trim());
    }
}
'''

DRAUGHT = r'''
package org.tidewater.berths;

class DraughtTable {
    private final double[] limits = {9.5, 10.2, 11.0, 12.4, 14.1};
    String limitFor(String berth) {
        int b = Integer.parseInt(berth);
        return "berth " + b + " max draught " + limits[b / 10] + " m";
    }
}
'''

ROSTER_LISTENER = r'''
package org.tidewater.pilotage;

import java.nio.file.Files;
import java.nio.file.Path;
import SERVLET.ServletContextEvent;
import SERVLET.ServletContextListener;

public class PilotRosterListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        Path roster = Path.of("/srv/tidewater/pilots.csv");
        try {
            Files.readAllLines(roster);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("pilot roster could not be loaded from " + roster, e);
        }
    }
}
'''

CUSTOMS_FILTER = r'''
package org.tidewater.customs;

import java.io.IOException;
import SERVLET.Filter;
import SERVLET.FilterChain;
import SERVLET.FilterConfig;
import SERVLET.ServletException;
import SERVLET.ServletRequest;
import SERVLET.ServletResponse;

public class CustomsFilter implements Filter {
    private HsCodeTable table;
    @Override
    public void init(FilterConfig cfg) {
        table = HsCodeTable.load(cfg.getInitParameter("table"));
    }
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(req, resp);
    }
}
'''

HS_TABLE = r'''
package org.tidewater.customs;

public class HsCodeTable {
    static HsCodeTable load(String path) { return new HsCodeTable(); }
}
'''


def web_xml(body: str, jakarta: bool) -> str:
    if jakarta:
        head = ('<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
                '  xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd" version="6.0">')
    else:
        head = ('<web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
                '  xsi:schemaLocation="http://xmlns.jcp.org/xml/ns/javaee http://xmlns.jcp.org/xml/ns/javaee/web-app_3_1.xsd" version="3.1">')
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}\n{body}\n</web-app>\n'


def build_webapps(root: Path, jakarta: bool) -> None:
    """tidewater's applications as exploded directories under root: berths (throws at request time), pilotage (a
    listener that fails), tariffs (a servlet class that is absent), manifests (a broken web.xml), customs (a filter
    whose helper class was deleted after compiling), gangway (good, static)."""
    pkg = "jakarta.servlet" if jakarta else "javax.servlet"
    api = f"{T_HOME}/lib/servlet-api.jar" if jakarta else f"{J_HOME}/lib/servlet-api-3.1.jar"
    src = root.parent / f"src-{root.name}"
    write_tree(src, {
        "berths/org/tidewater/berths/BerthServlet.java": BERTH_SERVLET.replace("SERVLET", pkg),
        "berths/org/tidewater/berths/DraughtTable.java": DRAUGHT,
        "pilotage/org/tidewater/pilotage/PilotRosterListener.java": ROSTER_LISTENER.replace("SERVLET", pkg),
        "customs/org/tidewater/customs/CustomsFilter.java": CUSTOMS_FILTER.replace("SERVLET", pkg),
        "customs/org/tidewater/customs/HsCodeTable.java": HS_TABLE,
    })
    for app in ("berths", "pilotage", "customs"):
        classes = root / app / "WEB-INF" / "classes"
        classes.mkdir(parents=True, exist_ok=True)
        run(f"javac -d {classes} -cp {api} $(find {src / app} -name '*.java')", timeout=300)
    (root / "customs/WEB-INF/classes/org/tidewater/customs/HsCodeTable.class").unlink(missing_ok=True)
    write_tree(root, {
        "berths/WEB-INF/web.xml": web_xml(
            "  <servlet><servlet-name>berths</servlet-name><servlet-class>org.tidewater.berths.BerthServlet</servlet-class>\n"
            "    <load-on-startup>1</load-on-startup></servlet>\n"
            "  <servlet-mapping><servlet-name>berths</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>", jakarta),
        "berths/index.html": "<h1>tidewater berths</h1>\n",
        "pilotage/WEB-INF/web.xml": web_xml(
            "  <listener><listener-class>org.tidewater.pilotage.PilotRosterListener</listener-class></listener>", jakarta),
        "tariffs/WEB-INF/web.xml": web_xml(
            "  <servlet><servlet-name>tariff</servlet-name><servlet-class>org.tidewater.tariffs.TariffServlet</servlet-class>\n"
            "    <load-on-startup>2</load-on-startup></servlet>\n"
            "  <servlet-mapping><servlet-name>tariff</servlet-name><url-pattern>/rates</url-pattern></servlet-mapping>", jakarta),
        "manifests/WEB-INF/web.xml": web_xml(
            "  <servlet><servlet-name>manifest</servlet-name>\n    <servlet-class>org.tidewater.manifests.ManifestServlet</servlet-class>\n"
            "  <servlet-mapping><servlet-name>manifest</servlet-name><url-pattern>/upload</url-pattern></servlet-mapping>", jakarta),
        "customs/WEB-INF/web.xml": web_xml(
            "  <filter><filter-name>customs</filter-name><filter-class>org.tidewater.customs.CustomsFilter</filter-class>\n"
            "    <init-param><param-name>table</param-name><param-value>/srv/tidewater/hs-codes.tsv</param-value></init-param></filter>\n"
            "  <filter-mapping><filter-name>customs</filter-name><url-pattern>/*</url-pattern></filter-mapping>", jakarta),
        "customs/index.html": "<h1>customs</h1>\n",
        "gangway/index.html": "<h1>gangway</h1>\n",
        "gangway/status.txt": "ok\n",
    })


def traffic(port: int, seed: int, n: int, auth: str | None = None) -> None:
    """Seeded requests: mostly good pages, some 404s, bad numbers, double bookings (500s), an index out of bounds."""
    r = random.Random(seed)
    paths = (["/berths/api/list"] * 30 + ["/berths/", "/gangway/status.txt", "/gangway/"] * 10
             + ["/berths/api/slot?id={n}"] * 10 + ["/berths/api/slot?id=B{n}"] * 2 + ["/tariffs/rates"] * 3
             + ["/berths/api/book?berth={t}&ship=MV%20Cape%20Lyra"] * 2 + ["/berths/api/draught?berth={big}"]
             + ["/berths/api/unknown", "/favicon.ico", "/manifests/upload", "/pilotage/", "/customs/"] * 2)
    for _ in range(n):
        p = r.choice(paths).format(n=r.randint(1, 40), t=3 * r.randint(1, 13), big=r.choice([5, 17, 52, 61]))
        method = "POST" if r.random() < 0.03 else "HEAD" if r.random() < 0.02 else "GET"
        req = urllib.request.Request(f"http://127.0.0.1:{port}{p}", method=method)
        try:
            urllib.request.urlopen(req, timeout=10).read()
        except (urllib.error.URLError, OSError):
            pass


def fetch(url: str, auth: tuple[str, str] | None = None) -> str:
    req = urllib.request.Request(url)
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode())
    try:
        return urllib.request.urlopen(req, timeout=60).read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.read().decode("utf-8", "replace")
    except OSError as e:
        return f"curl: (7) {e}\n"


def wait_port(port: int, timeout: float = 60) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.3)
    return False


# ------------------------------------------------------------------ Tomcat

SERVER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Server port="{shut}" shutdown="SHUTDOWN" address="127.0.0.1">
  <Listener className="org.apache.catalina.startup.VersionLoggerListener" />
  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener" />
  <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener" />
  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener" />
  <GlobalNamingResources>
    <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
              description="User database that can be updated and saved"
              factory="org.apache.catalina.users.MemoryUserDatabaseFactory" pathname="conf/tomcat-users.xml" />
  </GlobalNamingResources>
  <Service name="Catalina">
    <Connector address="127.0.0.1" port="{port}" protocol="HTTP/1.1" connectionTimeout="20000" {extra}/>
    <Connector address="127.0.0.1" port="{clash}" protocol="HTTP/1.1" connectionTimeout="20000" />
    <Engine name="Catalina" defaultHost="localhost">
      <Realm className="org.apache.catalina.realm.LockOutRealm">
        <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase"/>
      </Realm>
      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false">
        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs" prefix="localhost_access_log"
               suffix=".txt" pattern="%h %l %u %t &quot;%r&quot; %s %b %D" />
      </Host>
    </Engine>
  </Service>
</Server>
"""

LOGGING = """handlers = 1catalina.org.apache.juli.FileHandler, 2localhost.org.apache.juli.FileHandler, java.util.logging.ConsoleHandler
.handlers = 1catalina.org.apache.juli.FileHandler, java.util.logging.ConsoleHandler
1catalina.org.apache.juli.FileHandler.level = FINE
1catalina.org.apache.juli.FileHandler.directory = ${catalina.base}/logs
1catalina.org.apache.juli.FileHandler.prefix = catalina.
1catalina.org.apache.juli.FileHandler.encoding = UTF-8
2localhost.org.apache.juli.FileHandler.level = FINE
2localhost.org.apache.juli.FileHandler.directory = ${catalina.base}/logs
2localhost.org.apache.juli.FileHandler.prefix = localhost.
2localhost.org.apache.juli.FileHandler.encoding = UTF-8
java.util.logging.ConsoleHandler.level = FINE
java.util.logging.ConsoleHandler.formatter = org.apache.juli.OneLineFormatter
java.util.logging.ConsoleHandler.encoding = UTF-8
org.apache.catalina.core.ContainerBase.[Catalina].[localhost].level = INFO
org.apache.catalina.core.ContainerBase.[Catalina].[localhost].handlers = 2localhost.org.apache.juli.FileHandler
"""


def make_base(base: Path, server_xml: str) -> None:
    for d in ("conf", "logs", "temp", "work", "webapps"):
        (base / d).mkdir(parents=True, exist_ok=True)
    run(f"cp /etc/tomcat10/web.xml /etc/tomcat10/context.xml /etc/tomcat10/catalina.properties {base}/conf/")
    (base / "conf" / "server.xml").write_text(server_xml)
    (base / "conf" / "logging.properties").write_text(LOGGING)
    (base / "conf" / "tomcat-users.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">\n'
        f'  <role rolename="manager-script"/>\n  <user username="{MGR_USER}" password="{MGR_PW}" roles="manager-script"/>\n'
        '</tomcat-users>\n')
    (base / "conf" / "Catalina" / "localhost").mkdir(parents=True, exist_ok=True)
    (base / "conf" / "Catalina" / "localhost" / "manager.xml").write_text(
        '<Context docBase="/usr/share/tomcat10-admin/manager" privileged="true" antiResourceLocking="false">\n'
        '  <Valve className="org.apache.catalina.valves.RemoteAddrValve" allow="127\\.\\d+\\.\\d+\\.\\d+" />\n</Context>\n')


def tomcat_env(base: Path) -> dict:
    return {"CATALINA_HOME": T_HOME, "CATALINA_BASE": str(base), "CATALINA_TMPDIR": str(base / "temp"),
            "JAVA_OPTS": "-Xmx192m -Xss512k -XX:+UseSerialGC -Djava.awt.headless=true"}


def cap_tomcat(tmp: Path) -> None:
    base = tmp / "tomcat"
    make_base(base, SERVER_XML.format(shut=T_SHUT, port=T_PORT, clash=T_CLASH, extra=""))
    build_webapps(base / "webapps", jakarta=True)
    env = tomcat_env(base)
    # configtest on two broken copies of the base (ports of their own: nothing else binds them)
    bad1 = tmp / "tomcat-bad1"
    make_base(bad1, SERVER_XML.format(shut=18105, port=18180, clash=18181,
                                      extra='maxThread="50" compresion="on" ').replace('autoDeploy="false"', 'autoDeploy="false" deployXML="maybe"'))
    bad2 = tmp / "tomcat-bad2"
    make_base(bad2, SERVER_XML.format(shut=18205, port=18280, clash=18281, extra="").replace(
        "<Engine name", "<Engine\n      name").replace("</Host>", "</Hots>"))
    add("configtest-warn", "$CATALINA_HOME/bin/configtest.sh; echo EXIT=$?",
        run(f"{T_HOME}/bin/configtest.sh 2>&1; echo EXIT=$?", env=tomcat_env(bad1), timeout=200), n_configtest)
    add("configtest-parse", "$CATALINA_HOME/bin/configtest.sh 2>&1 | grep -E 'SEVERE|WARNING|Exception|line' ; echo EXIT=$?",
        run(f"{T_HOME}/bin/configtest.sh 2>&1 | grep -E 'SEVERE|WARNING|Exception|line' ; echo EXIT=$?", env=tomcat_env(bad2), timeout=200), n_configtest)
    add("configtest-parse-full", "$CATALINA_HOME/bin/configtest.sh",
        run(f"{T_HOME}/bin/configtest.sh 2>&1", env=tomcat_env(bad2), timeout=200), n_configtest)
    add("version", "$CATALINA_HOME/bin/version.sh; java -version", run(f"{T_HOME}/bin/version.sh 2>&1; java -version 2>&1", env=env), n_tomcat_version)
    # the port clash: another process holds the second connector's port
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", T_CLASH))
    holder.listen(1)
    out = (base / "logs" / "catalina.out").open("wb")
    cm.start(f"exec {T_HOME}/bin/catalina.sh run", log=out, env=env)
    if not wait_port(T_PORT, 120):
        cm.note("tomcat did not open its port")
    time.sleep(3)
    traffic(T_PORT, 1591, 420)
    mgr = f"http://127.0.0.1:{T_PORT}/manager/text"
    au = (MGR_USER, MGR_PW)
    list0 = "== before\n" + fetch(f"{mgr}/list", au)
    add("mgr-serverinfo", f"curl -s -u {MGR_USER}:… {mgr}/serverinfo; curl -s -u … {mgr}/vminfo",
        fetch(f"{mgr}/serverinfo", au) + fetch(f"{mgr}/vminfo", au), n_mgr_info)
    # a war to deploy, a war that is not there, reloads of failed contexts, sessions, leaks
    run(f"cd {base}/webapps/gangway && jar cf {tmp}/gangway2.war .")
    cmds = [("deploy", f"deploy?path=/gangway2&war=file:{tmp}/gangway2.war"),
            ("deploy missing war", f"deploy?path=/quay&war=file:{tmp}/quay.war"),
            ("reload tariffs", "reload?path=/tariffs"), ("start manifests", "start?path=/manifests"),
            ("stop berths", "stop?path=/berths"), ("start berths", "start?path=/berths"),
            ("sessions berths", "sessions?path=/berths"), ("undeploy nothing", "undeploy?path=/lighthouse"),
            ("findleaks", "findleaks?statusLine=true"), ("resources", "resources"), ("reload customs", "reload?path=/customs")]
    text = "".join(f"== {t}\n" + fetch(f"{mgr}/{c}", au) for t, c in cmds)
    add("mgr-commands", "for c in …; do echo \"== $c\"; curl -s -u harbourops:… \"http://127.0.0.1:18080/manager/text/$c\"; done",
        text, n_mgr_text)
    bad = "".join(f"== {c}\n" + fetch(f"{mgr}/{c}", au if i else ("harbourops", "wrong")) for i, c in enumerate(
        ["list", "deploy?path=/berths&war=file:/nonexistent/berths.war", "stop?path=/nowhere", "reload?path=/manifests",
         "expire?path=/berths&idle=5", "sslConnectorCiphers", "threaddump?x=1" if False else "save"]))
    add("mgr-fail", "for c in …; do echo \"== $c\"; curl -s -u harbourops:… $MGR/$c; done", bad, n_mgr_text)
    add("mgr-list", f"echo '== before'; curl -s -u {MGR_USER}:… {mgr}/list; …; echo '== after'; curl -s -u {MGR_USER}:… {mgr}/list",
        list0 + "== after\n" + fetch(f"{mgr}/list", au), n_mgr_list)
    traffic(T_PORT, 1592, 200)
    time.sleep(2)
    logs = base / "logs"
    add("localhost-log", "tail -n 400 logs/localhost.*.log", run(f"tail -n 400 {logs}/localhost.*.log"), n_catalina)
    run(f"{T_HOME}/bin/catalina.sh stop 20", env=env, timeout=120)
    time.sleep(3)
    out.close()
    holder.close()
    add("access-log", "cat logs/localhost_access_log.*.txt", run(f"cat {logs}/localhost_access_log.*.txt"), n_tomcat_access)
    add("access-log-errors", "grep -E '\" (4|5)[0-9]{2} ' logs/localhost_access_log.*.txt | tail -n 60",
        run(f"grep -E '\" (4|5)[0-9]{{2}} ' {logs}/localhost_access_log.*.txt | tail -n 60"), n_tomcat_access)
    add("catalina-out", "cat logs/catalina.out", run(f"cat {logs}/catalina.out"), n_catalina)
    add("catalina-out-tail", "tail -n 80 logs/catalina.out", run(f"tail -n 80 {logs}/catalina.out"), n_catalina)
    add("catalina-out-grep", "grep -E -A3 'SEVERE|ERROR' logs/catalina.out",
        run(f"grep -E -A3 'SEVERE|ERROR' {logs}/catalina.out"), n_catalina)
    add("catalina-out-caused", "grep -nE 'SEVERE|Caused by' logs/catalina.out | head -n 60",
        run(f"grep -nE 'SEVERE|Caused by' {logs}/catalina.out | head -n 60"), n_catalina)


# ------------------------------------------------------------------ Jetty

def cap_jetty(tmp: Path) -> None:
    jb = tmp / "jetty"
    jb.mkdir(parents=True, exist_ok=True)
    sj = f"java -jar {J_HOME}/start.jar jetty.home={J_HOME} jetty.base={jb}"
    run(f"{sj} --create-startd --add-to-start=server,http,deploy,webapp,annotations,jndi,plus 2>&1", timeout=200)
    (jb / "start.d").mkdir(exist_ok=True)
    (jb / "start.d" / "tidewater.ini").write_text(
        f"jetty.http.host=127.0.0.1\njetty.http.port={J_PORT}\njetty.deploy.scanInterval=0\n"
        "jetty.threadPool.maxThreads=60\n")
    build_webapps(jb / "webapps", jakarta=False)
    add("jetty-list-config", "java -jar $JETTY_HOME/start.jar --list-config", run(f"{sj} --list-config 2>&1", timeout=200),
        n_jetty_config)
    add("jetty-list-modules", "java -jar $JETTY_HOME/start.jar --list-modules", run(f"{sj} --list-modules 2>&1", timeout=200),
        n_jetty_modules)
    add("jetty-list-modules-grep", "java -jar $JETTY_HOME/start.jar --list-modules=* 2>&1 | grep -iE 'enabled|error|^ *[0-9]+\\)' ",
        run(f"{sj} --list-modules='*' 2>&1 | grep -iE 'enabled|error|^ *[0-9]+\\)'", timeout=200), n_jetty_modules)
    log = (tmp / "jetty.log").open("wb")
    cm.start(f"exec {sj}", log=log)
    if not wait_port(J_PORT, 120):
        cm.note("jetty did not open its port")
    time.sleep(3)
    traffic(J_PORT, 1593, 300)
    time.sleep(2)
    add("jetty-log", "java -jar $JETTY_HOME/start.jar > jetty.log 2>&1 & … ; cat jetty.log", run(f"cat {tmp}/jetty.log"), n_jetty_log)
    add("jetty-log-warn", "grep -E -A4 ':WARN:|:ERROR:' jetty.log | head -n 120",
        run(f"grep -E -A4 ':WARN:|:ERROR:' {tmp}/jetty.log | head -n 120"), n_jetty_log)
    # the port clash: a second server on the Jetty's own port
    add("jetty-port-clash", f"java -jar $JETTY_HOME/start.jar jetty.http.port={J_PORT} 2>&1 | tail -n 60; echo EXIT=$?",
        run(f"{sj} jetty.http.port={J_PORT} 2>&1 | tail -n 60; echo EXIT=$?", timeout=90), n_jetty_log)
    log.close()


STEPS = [cap_tomcat, cap_jetty]
