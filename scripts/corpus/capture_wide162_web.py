"""Round 162, round 159's kinds again: `ferrylink`, a ferry operator's ticketing service, with web applications of its
own (sailings: a null check missing at request time; fares: a servlet class left out; crew: a listener reading a
timetable that is not there; cargo: a web.xml cut short; checkin: a filter whose helper class was deleted; port: static)
on a Tomcat 10 instance (CATALINA_BASE of its own, 127.0.0.1:16280, a second connector on a port another process
holds, the manager's text interface) and a Jetty 9 base of its own (127.0.0.1:16290); an Apache httpd config tree of
its own (vhosts with a name clash, a denied directory, a dead proxy backend, basic auth, LogLevel debug, ModSecurity
rules of its own); H2O configs of its own. Needles from round 159's extractors, imported. Run through
capture_wide162.py."""

from __future__ import annotations

import base64
import random
import re
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide162 import add
from capture_wide159_java import (J_HOME, SERVER_XML, T_HOME, fetch, make_base, n_catalina, n_configtest, n_jetty_config,
                                  n_jetty_log, n_jetty_modules, n_mgr_info, n_mgr_list, n_mgr_text, n_tomcat_access,
                                  n_tomcat_version, tomcat_env, wait_port, web_xml)
from capture_wide159_httpd import (n_ctl_includes, n_ctl_M, n_ctl_S, n_ctl_V, n_elog_debug, n_h2o_access, n_h2o_t,
                                   n_modsec_audit, n_modsec_elog, n_status_auto)

T_PORT, T_CLASH, T_SHUT, J_PORT = 16280, 16243, 16205, 16290
A_PORT, A_PORT2, DEAD, H_PORT = 16281, 16282, 16299, 16283
MGR_USER, MGR_PW = "pursers", "Ferry-162-mgr"

SAILINGS = r'''
package net.ferrylink.sailings;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import SERVLET.ServletException;
import SERVLET.http.HttpServlet;
import SERVLET.http.HttpServletRequest;
import SERVLET.http.HttpServletResponse;

public class SailingServlet extends HttpServlet {
    private final Map<String, Vessel> fleet = new LinkedHashMap<>();

    @Override
    public void init() {
        String[] names = {"Skerry Queen", "Isle of Rona", "Loch Seaforth", "Hebridean Isles", "Lord of the Isles"};
        for (int i = 0; i < names.length; i++) fleet.put("V" + (i + 1), new Vessel(names[i], 120 + 40 * i));
        fleet.put("V9", null);  // a vessel withdrawn from service, still listed
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String op = req.getPathInfo() == null ? "/timetable" : req.getPathInfo();
        resp.setContentType("text/plain");
        PrintWriter w = resp.getWriter();
        switch (op) {
            case "/timetable":
                for (Map.Entry<String, Vessel> e : fleet.entrySet()) w.println(e.getKey() + " " + e.getValue());
                break;
            case "/vessel":
                Vessel v = fleet.get(req.getParameter("id"));
                w.println(v.name() + " capacity " + v.capacity());
                break;
            case "/reserve":
                int seats = Integer.parseInt(req.getParameter("seats"));
                try {
                    fleet.get(req.getParameter("id")).reserve(seats);
                } catch (IllegalArgumentException e) {
                    throw new ServletException("reservation failed on sailing " + req.getParameter("id"), e);
                }
                w.println("reserved " + seats);
                break;
            default:
                resp.sendError(404, "no such operation " + op);
        }
    }
}
'''

VESSEL = r'''
package net.ferrylink.sailings;

class Vessel {
    private final String name;
    private int free;
    Vessel(String name, int capacity) { this.name = name; this.free = capacity; }
    String name() { return name; }
    int capacity() { return free; }
    void reserve(int seats) {
        if (seats > free) throw new IllegalArgumentException("only " + free + " seats left on " + name);
        free -= seats;
    }
    public String toString() { return name + " (" + free + " free)"; }
}
'''

CREW_LISTENER = r'''
package net.ferrylink.crew;

import java.nio.file.Files;
import java.nio.file.Path;
import SERVLET.ServletContextEvent;
import SERVLET.ServletContextListener;

public class CrewRotaListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        Path rota = Path.of("/srv/ferrylink/crew-rota-2026.json");
        try {
            Files.readString(rota);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("crew rota unavailable at " + rota, e);
        }
    }
}
'''

CHECKIN_FILTER = r'''
package net.ferrylink.checkin;

import java.io.IOException;
import SERVLET.Filter;
import SERVLET.FilterChain;
import SERVLET.FilterConfig;
import SERVLET.ServletException;
import SERVLET.ServletRequest;
import SERVLET.ServletResponse;

public class BoardingPassFilter implements Filter {
    private PassSigner signer;
    @Override
    public void init(FilterConfig cfg) {
        signer = PassSigner.fromKeyFile(cfg.getInitParameter("key"));
    }
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(req, resp);
    }
}
'''

SIGNER = r'''
package net.ferrylink.checkin;

public class PassSigner {
    static PassSigner fromKeyFile(String path) { return new PassSigner(); }
}
'''


def build_apps(root: Path, jakarta: bool) -> None:
    pkg = "jakarta.servlet" if jakarta else "javax.servlet"
    api = f"{T_HOME}/lib/servlet-api.jar" if jakarta else f"{J_HOME}/lib/servlet-api-3.1.jar"
    src = root.parent / f"src-{root.name}"
    write_tree(src, {
        "sailings/net/ferrylink/sailings/SailingServlet.java": SAILINGS.replace("SERVLET", pkg),
        "sailings/net/ferrylink/sailings/Vessel.java": VESSEL,
        "crew/net/ferrylink/crew/CrewRotaListener.java": CREW_LISTENER.replace("SERVLET", pkg),
        "checkin/net/ferrylink/checkin/BoardingPassFilter.java": CHECKIN_FILTER.replace("SERVLET", pkg),
        "checkin/net/ferrylink/checkin/PassSigner.java": SIGNER,
    })
    for app in ("sailings", "crew", "checkin"):
        classes = root / app / "WEB-INF" / "classes"
        classes.mkdir(parents=True, exist_ok=True)
        run(f"javac -d {classes} -cp {api} $(find {src / app} -name '*.java')", timeout=300)
    (root / "checkin/WEB-INF/classes/net/ferrylink/checkin/PassSigner.class").unlink(missing_ok=True)
    write_tree(root, {
        "sailings/WEB-INF/web.xml": web_xml(
            "  <servlet><servlet-name>sailings</servlet-name><servlet-class>net.ferrylink.sailings.SailingServlet</servlet-class>\n"
            "    <load-on-startup>1</load-on-startup></servlet>\n"
            "  <servlet-mapping><servlet-name>sailings</servlet-name><url-pattern>/s/*</url-pattern></servlet-mapping>", jakarta),
        "crew/WEB-INF/web.xml": web_xml(
            "  <listener><listener-class>net.ferrylink.crew.CrewRotaListener</listener-class></listener>", jakarta),
        "fares/WEB-INF/web.xml": web_xml(
            "  <servlet><servlet-name>fares</servlet-name><servlet-class>net.ferrylink.fares.FareMatrixServlet</servlet-class>\n"
            "    <load-on-startup>3</load-on-startup></servlet>\n"
            "  <servlet-mapping><servlet-name>fares</servlet-name><url-pattern>/matrix</url-pattern></servlet-mapping>", jakarta),
        "cargo/WEB-INF/web.xml": web_xml(
            "  <servlet><servlet-name>cargo</servlet-name>\n    <servlet-class>net.ferrylink.cargo.ManifestServlet\n"
            "  <servlet-mapping><servlet-name>cargo</servlet-name><url-pattern>/declare</url-pattern></servlet-mapping>", jakarta),
        "checkin/WEB-INF/web.xml": web_xml(
            "  <filter><filter-name>pass</filter-name><filter-class>net.ferrylink.checkin.BoardingPassFilter</filter-class>\n"
            "    <init-param><param-name>key</param-name><param-value>/srv/ferrylink/pass.key</param-value></init-param></filter>\n"
            "  <filter-mapping><filter-name>pass</filter-name><url-pattern>/*</url-pattern></filter-mapping>", jakarta),
        "checkin/index.html": "<h1>check-in</h1>\n",
        "port/index.html": "<h1>port of call</h1>\n",
        "port/berths.txt": "Ullapool 2\nStornoway 1\nOban 3\n",
        "sailings/index.html": "<h1>sailings</h1>\n",
    })


def traffic(port: int, seed: int, n: int) -> None:
    r = random.Random(seed)
    paths = (["/sailings/s/timetable"] * 25 + ["/port/", "/port/berths.txt", "/sailings/"] * 8
             + ["/sailings/s/vessel?id=V{v}"] * 10 + ["/sailings/s/vessel?id=V9"] * 2
             + ["/sailings/s/reserve?id=V{v}&seats={seats}"] * 6 + ["/sailings/s/reserve?id=V2&seats=x"]
             + ["/fares/matrix", "/cargo/declare", "/crew/", "/checkin/", "/sailings/s/refund", "/robots.txt"] * 2)
    for _ in range(n):
        p = r.choice(paths).format(v=r.randint(1, 5), seats=r.choice([2, 4, 40, 90, 400]))
        method = "POST" if r.random() < 0.03 else "OPTIONS" if r.random() < 0.015 else "GET"
        try:
            urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{p}", method=method), timeout=10).read()
        except (urllib.error.URLError, OSError):
            pass


# ------------------------------------------------------------------ Tomcat

def cap_tomcat(tmp: Path) -> None:
    base = tmp / "tomcat"
    make_base(base, SERVER_XML.format(shut=T_SHUT, port=T_PORT, clash=T_CLASH, extra='maxThreads="40" '))
    (base / "conf" / "tomcat-users.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">\n'
        f'  <role rolename="manager-script"/>\n  <user username="{MGR_USER}" password="{MGR_PW}" roles="manager-script"/>\n'
        '</tomcat-users>\n')
    build_apps(base / "webapps", jakarta=True)
    env = tomcat_env(base)
    bad = tmp / "tomcat-bad"
    make_base(bad, SERVER_XML.format(shut=16305, port=16380, clash=16381, extra='acceptCount="x" keepAliveTimout="5000" ')
              .replace('<Engine name="Catalina"', '<Engine name="Catalina" jvmRoute="ferry1" startStopThreads="two"')
              .replace("</Service>", "</Servce>"))
    add("configtest-broken", "$CATALINA_HOME/bin/configtest.sh 2>&1 | tail -n 60; echo EXIT=$?",
        run(f"{T_HOME}/bin/configtest.sh 2>&1 | tail -n 60; echo EXIT=$?", env=tomcat_env(bad), timeout=200), n_configtest)
    add("version", "$CATALINA_HOME/bin/version.sh 2>&1; java -version 2>&1; echo EXIT=$?",
        run(f"{T_HOME}/bin/version.sh 2>&1; java -version 2>&1; echo EXIT=$?", env=env), n_tomcat_version)
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", T_CLASH))
    holder.listen(1)
    out = (base / "logs" / "catalina.out").open("wb")
    cm.start(f"exec {T_HOME}/bin/catalina.sh run", log=out, env=env)
    if not wait_port(T_PORT, 120):
        cm.note("tomcat did not open its port")
    time.sleep(3)
    traffic(T_PORT, 1621, 380)
    mgr = f"http://127.0.0.1:{T_PORT}/manager/text"
    au = (MGR_USER, MGR_PW)
    add("mgr-serverinfo-vminfo", f"curl -s -u {MGR_USER}:… {mgr}/serverinfo; curl -s -u {MGR_USER}:… {mgr}/vminfo",
        fetch(f"{mgr}/serverinfo", au) + fetch(f"{mgr}/vminfo", au), n_mgr_info)
    list0 = fetch(f"{mgr}/list", au)
    run(f"cd {base}/webapps/port && jar cf {tmp}/port-v2.war .")
    cmds = ["deploy?path=/port-v2&war=file:" + str(tmp / "port-v2.war"), "deploy?path=/port-v2&war=file:" + str(tmp / "port-v2.war"),
            "reload?path=/fares", "start?path=/crew", "stop?path=/sailings", "sessions?path=/sailings",
            "start?path=/sailings", "undeploy?path=/harbour", "reload?path=/checkin", "expire?path=/port&idle=1",
            "findleaks?statusLine=true", "deploy?path=/timetable&war=file:/srv/ferrylink/timetable.war"]
    text = "".join(f"== {c.split('?')[0]} {c.split('?')[1] if '?' in c else ''}\n" + fetch(f"{mgr}/{c}", au) for c in cmds)
    add("mgr-commands", "for c in deploy reload start stop …; do echo \"== $c\"; curl -s -u pursers:… \"$MGR/$c\"; done",
        text, n_mgr_text)
    add("mgr-list", f"echo '== before'; curl -s -u {MGR_USER}:… {mgr}/list; echo '== after'; curl -s … {mgr}/list",
        "== before\n" + list0 + "== after\n" + fetch(f"{mgr}/list", au), n_mgr_list)
    traffic(T_PORT, 1622, 160)
    time.sleep(2)
    logs = base / "logs"
    add("localhost-log-grep", "grep -nE 'SEVERE|Caused by|Exception' logs/localhost.*.log | head -n 120",
        run(f"cd {logs} && grep -nE 'SEVERE|Caused by|Exception' localhost.*.log | head -n 120"), n_catalina)
    run(f"{T_HOME}/bin/catalina.sh stop 20", env=env, timeout=120)
    time.sleep(3)
    out.close()
    holder.close()
    add("access-log", "cat logs/localhost_access_log.*.txt", run(f"cat {logs}/localhost_access_log.*.txt"), n_tomcat_access)
    add("catalina-out", "cat logs/catalina.out", run(f"cat {logs}/catalina.out"), n_catalina)


# ------------------------------------------------------------------ Jetty

def cap_jetty(tmp: Path) -> None:
    jb = tmp / "jetty"
    jb.mkdir(parents=True, exist_ok=True)
    sj = f"java -jar {J_HOME}/start.jar jetty.home={J_HOME} jetty.base={jb}"
    run(f"{sj} --create-startd --add-to-start=server,http,deploy,webapp,requestlog,stats 2>&1", timeout=200)
    (jb / "start.d" / "ferrylink.ini").write_text(
        f"jetty.http.host=127.0.0.1\njetty.http.port={J_PORT}\njetty.deploy.scanInterval=0\n"
        "jetty.threadPool.maxThreads=48\njetty.http.idleTimeout=15000\n")
    build_apps(jb / "webapps", jakarta=False)
    add("jetty-list-config-head", "java -jar $JETTY_HOME/start.jar --list-config | head -n 100",
        run(f"{sj} --list-config 2>&1 | head -n 100", timeout=200), n_jetty_config)
    add("jetty-list-modules-enabled", "java -jar $JETTY_HOME/start.jar --list-modules 2>&1 | sed -n '/Enabled Modules/,$p'",
        run(f"{sj} --list-modules 2>&1 | sed -n '/Enabled Modules/,$p'", timeout=200), n_jetty_modules)
    log = (tmp / "jetty.log").open("wb")
    cm.start(f"exec {sj}", log=log)
    if not wait_port(J_PORT, 120):
        cm.note("jetty did not open its port")
    time.sleep(3)
    traffic(J_PORT, 1623, 260)
    time.sleep(2)
    add("jetty-log-tail", "tail -n 200 jetty.log", run(f"tail -n 200 {tmp}/jetty.log"), n_jetty_log)
    log.close()


# ------------------------------------------------------------------ Apache httpd

SITE = """<VirtualHost 127.0.0.1:{p}>
    ServerName tickets.ferrylink.test
    ServerAlias book.ferrylink.test
    DocumentRoot {www}/tickets
    LogLevel debug
    <Directory {www}/tickets>
        Options FollowSymLinks
        AllowOverride None
        Require all granted
    </Directory>
    <Directory {www}/tickets/manifests>
        Require all denied
    </Directory>
    <Directory {www}/tickets/old>
        Options -Indexes
    </Directory>
    <Location /server-status>
        SetHandler server-status
        Require ip 127.0.0.1
    </Location>
    ProxyPass /live/ http://127.0.0.1:{dead}/live/ connectiontimeout=2 timeout=3
    <Location /purser>
        AuthType Basic
        AuthName "ferrylink pursers"
        AuthUserFile {conf}/purser.htpasswd
        Require user chiefpurser
    </Location>
    RewriteEngine On
    RewriteRule ^/timetable/(\\d+)$ /sailings/day$1.html [PT]
</VirtualHost>

<VirtualHost 127.0.0.1:{p}>
    ServerName tickets.ferrylink.test
    DocumentRoot {www}/tickets-legacy
</VirtualHost>

<VirtualHost 127.0.0.1:{p}>
    ServerName freight.ferrylink.test
    DocumentRoot {www}/freight
    <Directory {www}/freight>
        Require all granted
    </Directory>
</VirtualHost>

<VirtualHost *:{p}>
    ServerName crew.ferrylink.test
    DocumentRoot /srv/ferrylink/crew-missing
</VirtualHost>

<VirtualHost 127.0.0.1:{p2}>
    ServerName ops.ferrylink.test
    DocumentRoot {www}/ops
    <Directory {www}/ops>
        Require ip 10.0.0.0/8
    </Directory>
</VirtualHost>

<VirtualHost 127.0.0.1:{p2}>
    ServerName ops.ferrylink.test
    ServerAlias bridge.ferrylink.test
    DocumentRoot {www}/ops
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
    SecRule ARGS "@rx (?i)<script" "id:162001,phase:2,deny,status:403,log,msg:'Script tag in ticket query'"
    SecRule ARGS:passenger "@rx (?i)\\bor\\s+1=1" "id:162002,phase:2,deny,status:403,log,msg:'SQL tautology in passenger name'"
    SecRule REQUEST_HEADERS:User-Agent "@pm masscan zgrab" "id:162003,phase:1,deny,status:403,log,msg:'Scanner user agent'"
    SecRule ARGS:sailing "!@rx ^V[0-9]$" "id:162004,phase:2,pass,log,msg:'Sailing id malformed'"
    SecRule REQUEST_METHOD "@within PUT PATCH TRACE" "id:162005,phase:1,deny,status:405,log,msg:'Method not allowed on ferrylink'"
</IfModule>
"""


def apache_tree(tmp: Path) -> tuple[Path, dict]:
    conf = tmp / "apache2"
    run(f"rm -rf {conf} && cp -a /etc/apache2 {conf}")
    logs, rund, www = tmp / "apache-logs", tmp / "apache-run", tmp / "www"
    for d in (logs, rund, tmp / "apache-lock"):
        d.mkdir(parents=True, exist_ok=True)
    ev = (conf / "envvars").read_text()
    for key, val in (("APACHE_PID_FILE", f"{rund}/apache2.pid"), ("APACHE_RUN_DIR", str(rund)),
                     ("APACHE_LOCK_DIR", f"{tmp}/apache-lock"), ("APACHE_LOG_DIR", str(logs))):
        ev = re.sub(rf"export {key}=.*", f"export {key}={val}", ev)
    (conf / "envvars").write_text(ev)
    (conf / "ports.conf").write_text(f"Listen 127.0.0.1:{A_PORT}\nListen 127.0.0.1:{A_PORT2}\n")
    ac = (conf / "apache2.conf").read_text().replace("LogLevel warn", "LogLevel notice")
    (conf / "apache2.conf").write_text(ac + "ServerName gw.ferrylink.test\nExtendedStatus On\n")
    for m in ("proxy", "proxy_http", "rewrite", "headers", "cache", "cache_disk", "unique_id"):
        for ext in ("load", "conf"):
            if (conf / "mods-available" / f"{m}.{ext}").exists():
                (conf / "mods-enabled" / f"{m}.{ext}").unlink(missing_ok=True)
                (conf / "mods-enabled" / f"{m}.{ext}").symlink_to(f"../mods-available/{m}.{ext}")
    for s in (conf / "sites-enabled").iterdir():
        s.unlink()
    (conf / "sites-available" / "ferrylink.conf").write_text(SITE.format(p=A_PORT, p2=A_PORT2, www=www, dead=DEAD, conf=conf))
    (conf / "sites-enabled" / "ferrylink.conf").symlink_to("../sites-available/ferrylink.conf")
    (conf / "conf-available" / "ferrylink-modsec.conf").write_text(MODSEC)
    (conf / "conf-enabled" / "ferrylink-modsec.conf").symlink_to("../conf-available/ferrylink-modsec.conf")
    (conf / "conf-available" / "ferrylink-headers.conf").write_text("Header always set X-Ferry-Gateway gw1\n")
    (conf / "conf-enabled" / "ferrylink-headers.conf").symlink_to("../conf-available/ferrylink-headers.conf")
    r = random.Random(1624)
    files = {"tickets/index.html": "<h1>tickets</h1>\n", "tickets/manifests/2026-11.csv": "vehicle,reg\n",
             "tickets/old/2019.csv": "x\n", "tickets/purser/index.html": "purser\n", "freight/index.html": "freight\n",
             "ops/index.html": "ops\n", "tickets-legacy/index.html": "legacy\n"}
    for i in range(30):
        files[f"tickets/sailings/day{i:02d}.html"] = "<p>" + " ".join(f"{r.randint(6, 22)}:{r.choice(['00', '15', '30', '45'])}" for _ in range(r.randint(10, 600))) + "</p>\n"
    write_tree(www, files)
    run(f"htpasswd -bc {conf}/purser.htpasswd chiefpurser Purse-162 && htpasswd -b {conf}/purser.htpasswd deckhand Deck-162")
    return conf, {"APACHE_CONFDIR": str(conf)}


def apache_traffic(seed: int, n: int) -> None:
    r = random.Random(seed)
    hosts = ["tickets.ferrylink.test", "freight.ferrylink.test", "crew.ferrylink.test", "nowhere.ferrylink.test"]
    paths = (["/", "/index.html"] * 6 + ["/sailings/day{d:02d}.html"] * 18 + ["/timetable/{d}"] * 6 + ["/timetable/{x}"] * 2
             + ["/manifests/2026-11.csv", "/old/", "/live/departures", "/purser/", "/server-status?auto"]
             + ["/?passenger=bob%27%20or%201=1", "/?q=%3Cscript%3Ealert(1)%3C/script%3E", "/?sailing=V{d}",
                "/index.html?sailing=V{v}"])
    for _ in range(n):
        host = r.choice(hosts) if r.random() < 0.25 else hosts[0]
        p = r.choice(paths).format(d=r.randint(0, 29), x=r.randint(30, 90), v=r.randint(1, 9))
        method = r.choice(["PUT", "TRACE"]) if r.random() < 0.02 else "GET"
        port = A_PORT2 if r.random() < 0.08 else A_PORT
        req = urllib.request.Request(f"http://127.0.0.1:{port}{p}", method=method, headers={"Host": host})
        if p.startswith("/purser"):
            who = r.choice(["chiefpurser:Purse-162", "chiefpurser:nope", "deckhand:Deck-162", "stowaway:x"])
            req.add_header("Authorization", "Basic " + base64.b64encode(who.encode()).decode())
        if r.random() < 0.03:
            req.add_header("User-Agent", "masscan/1.3 (https://github.com/robertdavidgraham/masscan)")
        try:
            urllib.request.urlopen(req, timeout=10).read()
        except (urllib.error.URLError, OSError):
            pass


def cap_apache(tmp: Path) -> None:
    conf, env = apache_tree(tmp)
    logs = tmp / "apache-logs"
    add("apache2ctl-S", "apache2ctl -S 2>&1; echo EXIT=$?", run("apache2ctl -S 2>&1; echo EXIT=$?", env=env), n_ctl_S)
    add("apache2ctl-M-sorted", "apache2ctl -M 2>&1 | sort", run("apache2ctl -M 2>&1 | sort", env=env), n_ctl_M)
    add("apache2ctl-V", "apache2ctl -V; echo EXIT=$?", run("apache2ctl -V 2>&1; echo EXIT=$?", env=env), n_ctl_V)
    add("dump-includes", "apache2ctl -t -D DUMP_INCLUDES 2>&1; echo EXIT=$?",
        run("apache2ctl -t -D DUMP_INCLUDES 2>&1; echo EXIT=$?", env=env), n_ctl_includes)
    cm.start(f". {conf}/envvars && exec apache2 -d {conf} -DFOREGROUND", env=env)
    if not wait_port(A_PORT, 60):
        cm.note("apache did not open its port")
    time.sleep(2)
    apache_traffic(1625, 170)
    s1 = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{A_PORT}/server-status?auto",
                                                       headers={"Host": "tickets.ferrylink.test"}), timeout=10).read().decode()
    add("server-status-auto", "curl -s -H 'Host: tickets.ferrylink.test' http://127.0.0.1:16281/server-status?auto; echo EXIT=$?",
        s1 + "EXIT=0\n", n_status_auto)
    time.sleep(2)
    run("apache2ctl graceful-stop", env=env, timeout=60)
    time.sleep(3)
    el = logs / "error.log"
    add("error-log-debug-head", "head -n 300 /var/log/apache2/error.log", run(f"head -n 300 {el}"), n_elog_debug)
    add("error-log-debug-grep", "grep -E 'AH01630|AH01797|AH00957|AH01114|AH01618|AH01617|AH00128|:error\\]' /var/log/apache2/error.log | tail -n 100",
        run(f"grep -E 'AH01630|AH01797|AH00957|AH01114|AH01618|AH01617|AH00128|:error\\]' {el} | tail -n 100"), n_elog_debug)
    add("modsec-audit-head", "head -n 250 /var/log/apache2/modsec_audit.log", run(f"head -n 250 {logs}/modsec_audit.log"), n_modsec_audit)
    add("modsec-elog-tail", "grep -E 'security2|ModSecurity' /var/log/apache2/error.log | tail -n 60",
        run(f"grep -E 'security2|ModSecurity' {el} | tail -n 60"), n_modsec_elog)


# ------------------------------------------------------------------ H2O

H2O_CONF = """user: nobody
pid-file: {tmp}/h2o-run/h2o.pid
error-log: {tmp}/h2o-error.log
access-log: {tmp}/h2o-access.log
listen:
  host: 127.0.0.1
  port: {port}
hosts:
  "tickets.ferrylink.test:{port}":
    paths:
      "/":
        file.dir: {www}/tickets
      "/live":
        proxy.reverse.url: http://127.0.0.1:{dead}/live
      "/manifests":
        file.dir: {www}/tickets/manifests
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
        "h2o-hosts.conf": good.replace("hosts:", "host:"),
        "h2o-tab.conf": good.replace('      "/live":', '\t"/live":'),
        "h2o-gzip.conf": good + "compress: maybe\n",
        "h2o-proxy.conf": good.replace("http://127.0.0.1:", "tcp://127.0.0.1:"),
        "h2o-limit.conf": good + "limit-request-body: lots\n",
        "h2o-header.conf": good + "header.add: 42\n",
        "h2o-listen.conf": good.replace("  host: 127.0.0.1\n", "  host: 127.0.0.1\n  ssl:\n    certificate-file: /etc/ferrylink/missing.pem\n"),
        "h2o-root.conf": good.replace(f"file.dir: {www}/tickets\n", "file.dir: /srv/ferrylink/none\n"),
    }
    for name, body in variants.items():
        (tmp / name).write_text(body)
    confs = ["h2o.conf", *variants]
    add("h2o-t-loop", "for c in h2o*.conf; do echo \"== $c\"; h2o -t -c \"$c\" 2>&1 | tail -n 5; echo EXIT=$?; done",
        run("; ".join(f"echo '== {c}'; h2o -t -c {c} 2>&1 | tail -n 5; echo EXIT=$?" for c in confs), cwd=tmp), n_h2o_t)
    (tmp / "h2o-access.log").touch()
    run(f"chown nobody {tmp}/h2o-access.log {tmp}/h2o-error.log 2>/dev/null; true")
    cm.start(["h2o", "-c", str(tmp / "h2o.conf")])
    if not wait_port(H_PORT, 30):
        cm.note("h2o did not open its port")
    r = random.Random(1626)
    paths = ["/", "/index.html"] * 5 + ["/sailings/day{d:02d}.html"] * 20 + ["/sailings/day{x}.html"] * 3 + \
            ["/manifests/", "/live/departures", "/manifests/2026-11.csv", "/old/"]
    for _ in range(260):
        p = r.choice(paths).format(d=r.randint(0, 29), x=r.randint(30, 90))
        method = r.choice(["DELETE", "PUT"]) if r.random() < 0.03 else "GET"
        try:
            urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{H_PORT}{p}", method=method,
                                                          headers={"Host": f"tickets.ferrylink.test:{H_PORT}"}), timeout=10).read()
        except (urllib.error.URLError, OSError):
            pass
    time.sleep(2)
    add("h2o-access-tail", "tail -n 150 /var/log/h2o/access.log", run(f"tail -n 150 {tmp}/h2o-access.log"), n_h2o_access)


STEPS = [cap_tomcat, cap_jetty, cap_apache, cap_h2o]
