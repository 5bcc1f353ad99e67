"""Round 310's web app `kelpwatch`, its Selenium suites and probe scripts, the extractors and the steps (run through
capture_wide310.py). The app is served by a standard-library server on 127.0.0.1:18310; ChromeDriver listens on
28310 when the wire protocol is spoken by hand, Chromium's DevTools on 38310. Every extractor's docstring's first
line is its NEEDLES.md rule ("Round 310")."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import capture_more as cm
from capture_data import any_of, python_exceptions
from capture_more import groups, kind, mask, n_pytest_ra, n_unittest

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

APP_PORT, DRIVER_PORT, CDP_PORT = 18310, 28310, 38310
BASE = f"http://127.0.0.1:{APP_PORT}"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
CHROMIUM_BIN = "/usr/lib/chromium/chromium"

# ------------------------------------------------------------------ the common part (NEEDLES.md, "Round 310")

EXIT = re.compile(r"^EXIT=([1-9]\d*)$")
SEL_EXC = re.compile(r"^(E\s+)?selenium\.common\.exceptions\.")


def common(lines: list[str]) -> list:
    """Python exception lines (+ innermost File), a non-zero EXIT=, selenium.common.exceptions lines."""
    out: list = list(python_exceptions(lines))
    out += [ln for ln in lines if EXIT.match(ln) or SEL_EXC.match(ln)]
    return out


# ------------------------------------------------------------------ extractors


@kind("selenium-pytest", "test")
def n_sel_pytest(lines):
    """rule 2 as n_pytest_ra (FAILED/ERROR summary lines, failure headers + first E line, final === line), the -q counts line, the common part"""
    out = list(n_pytest_ra(lines))
    out += [ln for ln in lines if re.match(r"^\d+ (failed|passed|error)s?\b.* in [\d.]+s", ln)]
    return out + common(lines)


@kind("selenium-unittest", "test")
def n_sel_unittest(lines):
    """rule 2 as n_unittest (FAIL:/ERROR: headers, closing exception + innermost File, Ran N tests, FAILED/OK), the common part"""
    return list(n_unittest(lines)) + common(lines)


CD_LINE = re.compile(r"^(?:\d+[:-])?\[[\d.]+\]\[(\w+)\]:\s*(.*)$")  # grep -n's N: prefix allowed


@kind("chromedriver-verbose-log", "log")
def n_chromedriver(lines):
    """[SEVERE] lines; [WARNING] lines one {"any"} per message shape; Starting ChromeDriver lines; RESPONSE ... ERROR lines; the first Launching chrome: line"""
    out: list = []
    pairs = []
    launch = None
    for ln in lines:
        m = CD_LINE.match(ln)
        if not m:
            continue
        lvl, msg = m.groups()
        if lvl == "SEVERE":
            out.append(ln)
        elif lvl == "WARNING":
            pairs.append((mask(re.sub(r"\[[0-9a-f]{32}\]", "", msg)), ln))
        if "Starting ChromeDriver" in msg:
            out.append(ln)
        if re.search(r"\bRESPONSE \w+ ERROR\b", msg):
            out.append(ln)
        if launch is None and "Launching chrome:" in msg:
            launch = ln
    out += groups(pairs)
    if launch:
        out.append(launch)
    return out


CR_LINE = re.compile(r"^\[\d+:\d+:\d{4}/\d{6}\.\d+:([A-Z0-9]+):([^\]]+)\] ?(.*)$")


@kind("chromium-stderr-log", "log")
def n_chromium_stderr(lines):
    """ERROR/FATAL lines; WARNING lines one {"any"} per (source file, message shape); INFO:CONSOLE lines (one {"any"} per shape seen > 3 times); the common part"""
    out: list = []
    warn, console = [], {}
    for ln in lines:
        m = CR_LINE.match(ln)
        if not m:
            continue
        lvl, src, msg = m.groups()
        if lvl in ("ERROR", "FATAL"):
            out.append(ln)
        elif lvl == "WARNING":
            warn.append(((re.sub(r"\(\d+\)$", "", src), mask(msg)), ln))
        elif lvl == "INFO" and src.startswith("CONSOLE"):
            console.setdefault(mask(msg), []).append(ln)
    out += groups(warn)
    for shape_, lns in console.items():
        if len(lns) > 3:
            out.append(any_of(lns))
        else:
            out += lns
    return out + common(lines)


FAULT = re.compile(r"(?i)error|failed|unavailable|exception")


@kind("chromium-dump-dom", "doc")
def n_dump_dom(lines):
    """the <title> line, every <h1>-<h6> line, every <table/<form/<thead line, every line whose text holds error/failed/unavailable/exception"""
    out = []
    for ln in lines:
        if re.search(r"<title>|<h[1-6][\s>]|<table[\s>]|<form[\s>]|<thead[\s>]", ln):
            out.append(ln)
            continue
        text = re.sub(r"<[^>]*>", " ", ln)
        if FAULT.search(text):
            out.append(ln)
    return out


@kind("webdriver-browser-log", "log")
def n_browser_log(lines):
    """SEVERE entry lines; WARNING entries one {"any"} per message shape; the closing count line; the common part"""
    out: list = [ln for ln in lines if ln.startswith("SEVERE")]
    out += groups((mask(ln.split(None, 2)[-1]), ln) for ln in lines if ln.startswith("WARNING"))
    out += [ln for ln in lines if re.search(r"\b\d+ (entries|severe)\b", ln)]
    return out + common(lines)


BAD_METHODS = ("Network.loadingFailed", "Runtime.exceptionThrown")


def _partial(method: str, s: str) -> tuple[str, dict]:
    """(method, the params the rules look at) of an event line cut short (`cut -c1-N`), read by pattern."""
    def first(pat):
        m = re.search(pat, s)
        return m.group(1) if m else None
    params: dict = {}
    if method == "Network.responseReceived":
        params["response"] = {"status": first(r'"response": \{.*?"status": (\d+)') or 0}
    elif method == "Log.entryAdded":
        params["entry"] = {"level": first(r'"level": "(\w+)"')}
    elif method == "Page.frameNavigated":
        params["frame"] = {"url": first(r'"url": "([^"]*)"')}
    elif method == "Runtime.consoleAPICalled":
        params["type"] = first(r'"type": "(error|warning)"')
        params["args"] = [{"value": first(r'"value": "((?:[^"\\]|\\.)*)')}]
    return method, params


def _event(ln: str):
    """(method, params) of a line `{"method": ..., "params": ...}` or `METHOD {params}`; None otherwise."""
    s = ln.strip()
    m = re.match(r'^\{"method": "([A-Z]\w*\.\w+)"', s) or re.match(r"^([A-Z]\w*\.\w+) \{", s)
    if not m:
        return None
    try:
        if s.startswith("{"):
            ev = json.loads(s)
            return ev.get("method"), ev.get("params") or {}
        return m.group(1), json.loads(s[len(m.group(1)) + 1:])
    except ValueError:
        return _partial(m.group(1), s)


def _bad_event(method: str, params: dict) -> bool:
    if method in BAD_METHODS:
        return True
    if method == "Log.entryAdded" and (params.get("entry") or {}).get("level") == "error":
        return True
    if method == "Network.responseReceived" and int((params.get("response") or {}).get("status") or 0) >= 400:
        return True
    return False


@kind("webdriver-performance-log", "log")
def n_perf_log(lines):
    """loadingFailed / exceptionThrown / Log.entryAdded error lines; responseReceived lines with status >= 400; first Page.frameNavigated line per frame URL; the common part"""
    out: list = []
    nav: dict = {}
    for ln in lines:
        ev = _event(ln)
        if not ev:
            continue
        method, params = ev
        if _bad_event(method, params):
            out.append(ln)
        elif method == "Page.frameNavigated":
            nav.setdefault((params.get("frame") or {}).get("url"), []).append(ln)
    out += [any_of(v) for v in nav.values()]
    return out + common(lines)


@kind("cdp-event-dump", "log")
def n_cdp(lines):
    """exceptionThrown / loadingFailed / Log.entryAdded error / consoleAPICalled error lines, warnings one {"any"} per shape; responseReceived lines with status >= 400; the common part"""
    out: list = []
    warn = []
    for ln in lines:
        ev = _event(ln)
        if not ev:
            continue
        method, params = ev
        if _bad_event(method, params):
            out.append(ln)
        elif method == "Runtime.consoleAPICalled":
            if params.get("type") == "error":
                out.append(ln)
            elif params.get("type") == "warning":
                args = params.get("args") or [{}]
                warn.append((mask(str(args[0].get("value", ""))), ln))
    out += groups(warn)
    out += [ln for ln in lines if re.search(r'"(text|description)": ?"[^"]*Error', ln) and not _event(ln)]
    return out + common(lines)


RR = re.compile(r"Remote response: status=(\d+)")


@kind("selenium-remote-connection-debug", "log")
def n_remote_debug(lines):
    """Remote response: status>=400 lines; the first POST .../session line; Finished Request lines right after such a response; the common part"""
    out: list = []
    first = next((ln for ln in lines if re.search(r"POST \S+/session \{", ln)), None)
    if first:
        out.append(first)
    for i, ln in enumerate(lines):
        m = RR.search(ln)
        if m and int(m.group(1)) >= 400:
            out.append(ln)
            if i + 1 < len(lines) and "Finished Request" in lines[i + 1]:
                out.append(lines[i + 1])
    return out + common(lines)


@kind("webdriver-http-json", "json")
def n_wd_json(lines):
    """every "error": line, "message": lines of an error value, each "stacktrace": line, "sessionId" and "browserVersion" lines; the common part"""
    out: list = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(('"error":', '"stacktrace":', '"sessionId":', '"browserVersion":')):
            out.append(ln)
        elif s.startswith('"message":') and any('"error":' in x for x in lines[max(0, i - 3):i + 4]):
            out.append(ln)
    return out + common(lines)


@kind("devtools-json-list", "json")
def n_devtools_list(lines):
    """"url"/"title" lines of non-page targets and of the first target; "Browser", "Protocol-Version" and the version's "webSocketDebuggerUrl" lines"""
    out: list = []
    blocks, cur = [], None
    for ln in lines:
        s = ln.strip()
        if s.endswith("{"):
            cur = []
            blocks.append(cur)
        elif s.startswith("}"):
            cur = None
        elif cur is not None:
            cur.append(ln)
    first = True
    for b in blocks:
        keys = {re.match(r'\s*"([\w-]+)"', x).group(1): x for x in b if re.match(r'\s*"([\w-]+)"', x)}
        if "Browser" in keys:
            out += [keys[k] for k in ("Browser", "Protocol-Version", "webSocketDebuggerUrl") if k in keys]
            continue
        if "type" not in keys:
            continue
        typ = re.search(r':\s*"(.*)"', keys["type"]).group(1)
        if first or typ != "page":
            out += [keys[k] for k in ("url", "title") if k in keys]
        first = False
    return out


# ------------------------------------------------------------------ the app

SERVER = r'''
import json, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from pathlib import Path
ROOT = Path(__file__).parent / "site"
SITES = [{"id": f"KW-{i:02d}", "name": n, "depth_m": d, "density": k, "status": s}
         for i, (n, d, k, s) in enumerate([("Point Lobos", 12, 8.4, "ok"), ("Carmel Reef", 9, 6.1, "ok"),
             ("Monastery Beach", 15, 3.2, "declining"), ("Stillwater Cove", 7, 9.9, "ok"), ("Otter Point", 11, 0.0, "lost"),
             ("Hopkins", 8, 7.7, "ok"), ("Lovers Point", 10, 5.5, "ok"), ("Pescadero", 13, 2.1, "declining"),
             ("Cypress Point", 14, 6.6, "ok"), ("Bird Rock", 16, 4.4, "ok")], 1)]
CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
class H(BaseHTTPRequestHandler):
    def send(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code); self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/api/sites":
            return self.send(200, json.dumps(SITES), "application/json")
        if p == "/api/readings":
            return self.send(500, "Internal Server Error: sensor table 'readings_2026' is locked", "text/plain")
        if p == "/api/summary":
            return self.send(200, '{"sites": 10, "avg_density": , "updated": "2026-11-30"}', "application/json")
        if p == "/api/telemetry":
            return self.send(503, "upstream unavailable", "text/plain")
        if p == "/slow":
            time.sleep(4)
            return self.send(200, "<html><head><title>slow</title></head><body><h1>Finally</h1></body></html>")
        f = ROOT / (p.strip("/") or "index.html")
        if f.is_dir():
            f = f / "index.html"
        if not f.suffix and (f.parent / (f.name + ".html")).exists():
            f = f.parent / (f.name + ".html")
        if not f.exists():
            return self.send(404, f"<h1>404</h1><p>{p} not found</p>")
        ctype = {".js": "text/javascript", ".css": "text/css", ".html": "text/html; charset=utf-8"}.get(f.suffix, "application/octet-stream")
        extra = [("Content-Security-Policy", CSP)] if f.name == "settings.html" else []
        return self.send(200, f.read_bytes(), ctype, extra)
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0); self.rfile.read(n)
        if self.path.startswith("/api/login"):
            return self.send(401, json.dumps({"error": "invalid credentials"}), "application/json")
        return self.send(405, "method not allowed", "text/plain")
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

SITE = {
    "site/index.html": """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Kelpwatch - survey dashboard</title>
  <link rel="stylesheet" href="/static/kelpwatch.css">
  <link rel="stylesheet" href="/static/theme-dark.css">
  <script src="/static/app.js" defer></script>
</head>
<body>
  <header>
    <img src="/img/logo.png" alt="Kelpwatch">
    <h1>Kelpwatch</h1>
    <nav><a href="/login">Log in</a> | <a href="/chart">Chart</a> | <a href="/settings">Settings</a></nav>
  </header>
  <main>
    <h2>Survey sites</h2>
    <table id="sites">
      <thead><tr><th>Id</th><th>Site</th><th>Depth (m)</th><th>Density</th><th>Status</th></tr></thead>
      <tbody></tbody>
    </table>
    <h2>Summary</h2>
    <div id="summary">loading...</div>
    <h3>Region</h3>
    <p id="region">-</p>
  </main>
</body>
</html>
""",
    "site/static/kelpwatch.css": "body { font-family: sans-serif; }\ntable { border-collapse: collapse; }\n"
                                 ".error { color: #b00; }\n",
    "site/static/app.js": """'use strict';
console.info('kelpwatch app 2.3.1 starting');
console.warn('kelpwatch: setRegion() is deprecated, use regions.select() instead');
async function loadSites() {
  const res = await fetch('/api/sites');
  const sites = await res.json();
  const body = document.querySelector('#sites tbody');
  for (const s of sites) {
    const tr = document.createElement('tr');
    tr.className = 'site ' + s.status;
    tr.innerHTML = `<td>${s.id}</td><td>${s.name}</td><td>${s.depth_m}</td><td>${s.density}</td><td>${s.status}</td>`;
    body.appendChild(tr);
  }
  if (sites.some(s => s.status === 'lost')) console.warn('kelpwatch: site lost since last survey');
}
async function loadSummary() {
  const el = document.getElementById('summary');
  try {
    const res = await fetch('/api/summary');
    const data = await res.json();
    el.textContent = `${data.sites} sites, mean density ${data.avg_density}`;
  } catch (e) {
    el.innerHTML = `<p class="error">Error: summary unavailable (${e.name}: ${e.message})</p>`;
    console.error('summary failed', e.message);
  }
}
function showRegion() {
  document.getElementById('region').textContent = window.kelpConfig.region.name;
}
loadSites();
loadSummary();
fetch('/api/telemetry').then(r => { if (!r.ok) throw new Error('telemetry endpoint unreachable: ' + r.status); });
showRegion();
""",
    "site/login.html": """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Kelpwatch - log in</title>
  <link rel="stylesheet" href="/static/kelpwatch.css">
  <script src="/static/login.js" defer></script>
</head>
<body>
  <h1>Log in</h1>
  <form id="login-form" action="/api/login" method="post">
    <label>User <input id="username" name="username"></label>
    <label>Password <input id="password" name="password" type="password"></label>
    <button id="login-btn" type="submit">Log in</button>
  </form>
  <p id="message"></p>
</body>
</html>
""",
    "site/static/login.js": """document.getElementById('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const res = await fetch('/api/login', {method: 'POST', body: new FormData(ev.target)});
  const msg = document.getElementById('message');
  if (!res.ok) {
    const body = await res.json();
    msg.className = 'error';
    msg.textContent = 'Login failed: ' + body.error;
    console.error('login failed with status', res.status);
    return;
  }
  location.href = '/';
});
""",
    "site/chart.html": """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Kelpwatch - density chart</title>
  <script src="/static/vendor/chart.umd.min.js"></script>
  <script src="/static/chart.js" defer></script>
</head>
<body>
  <h1>Canopy density, last 12 surveys</h1>
  <canvas id="density" width="640" height="320"></canvas>
  <div id="status"></div>
</body>
</html>
""",
    "site/static/chart.js": """(async () => {
  const status = document.getElementById('status');
  const res = await fetch('/api/readings?months=12');
  if (!res.ok) {
    status.innerHTML = '<p class="error">Error: readings unavailable (' + res.status + ')</p>';
    console.error('readings request failed: HTTP ' + res.status);
  }
  new Chart(document.getElementById('density'), {type: 'line', data: {labels: [], datasets: []}});
})();
""",
    "site/settings.html": """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Kelpwatch - settings</title>
  <link rel="stylesheet" href="/static/kelpwatch.css">
  <style>button[disabled] { opacity: .5; }</style>
</head>
<body>
  <h1>Settings</h1>
  <form id="settings">
    <label>Units <select id="units"><option>metric</option><option>imperial</option></select></label>
    <label>Alert threshold <input id="threshold" value="2.5"></label>
    <button id="save" type="button" disabled>Save</button>
  </form>
  <script>document.getElementById('save').disabled = false;</script>
  <script src="/static/settings.js"></script>
</body>
</html>
""",
    "site/static/settings.js": """console.log('settings page loaded');
document.getElementById('threshold').addEventListener('input', (e) => {
  if (isNaN(parseFloat(e.target.value))) console.warn('threshold is not a number:', e.target.value);
});
""",
    "site/sw.html": """<!doctype html>
<html><head><meta charset="utf-8"><title>Kelpwatch - offline cache</title></head>
<body><h1>Offline cache</h1>
<iframe src="http://localhost:18310/login" title="login frame"></iframe>
<script src="/static/sw-register.js"></script>
</body></html>
""",
    "site/static/sw-register.js": """navigator.serviceWorker.register('/sw.js').then(r => console.log('sw registered', r.scope))
  .catch(e => console.error('sw registration failed', e.message));
new SharedWorker('/static/shared.js');
""",
    "site/sw.js": "self.addEventListener('fetch', () => {});\n",
    "site/static/shared.js": "onconnect = (e) => { e.ports[0].postMessage('hi'); };\n",
}

CONFTEST = '''
import os, pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

BASE = os.environ.get("KELP_BASE", "http://127.0.0.1:18310")


@pytest.fixture(scope="session")
def driver():
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
              f"--user-data-dir={os.environ['KELP_PROFILE']}"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    args = ["--verbose"] if os.environ.get("KELP_DRIVER_LOG") else []
    svc = Service("/usr/bin/chromedriver", service_args=args, log_output=os.environ.get("KELP_DRIVER_LOG"))
    d = webdriver.Chrome(options=opts, service=svc)
    d.set_page_load_timeout(float(os.environ.get("KELP_PAGE_TIMEOUT", "30")))
    yield d
    d.quit()


@pytest.fixture
def base():
    return BASE
'''

TEST_PAGES = '''
import json
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.support import expected_conditions as EC


def test_index_title(driver, base):
    driver.get(base + "/")
    assert driver.title == "Kelpwatch - survey dashboard"


def test_sites_table_has_twelve_rows(driver, base):
    driver.get(base + "/")
    rows = WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sites tbody tr"))
    assert len(rows) == 12, f"expected 12 survey sites, got {len(rows)}"


def test_no_lost_sites(driver, base):
    driver.get(base + "/")
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sites tbody tr"))
    lost = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "tr.site.lost")]
    assert lost == []


def test_summary_shows_density(driver, base):
    driver.get(base + "/")
    el = WebDriverWait(driver, 5).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#summary")))
    WebDriverWait(driver, 5).until(lambda d: "loading" not in el.text)
    assert "mean density" in el.text


def test_region_is_shown(driver, base):
    driver.get(base + "/")
    assert driver.find_element(By.ID, "region").text != "-"


def test_no_console_errors(driver, base):
    driver.get(base + "/")
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sites tbody tr"))
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, json.dumps(severe, indent=1)


def test_login_submit(driver, base):
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("diver")
    driver.find_element(By.ID, "password").send_keys("hunter2")
    driver.find_element(By.ID, "submit").click()


def test_login_bad_password_message(driver, base):
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("diver")
    driver.find_element(By.ID, "login-btn").click()
    msg = WebDriverWait(driver, 5).until(EC.visibility_of_element_located((By.ID, "message")))
    assert msg.text == "Wrong user name or password"


def test_settings_save_enabled(driver, base):
    driver.get(base + "/settings")
    WebDriverWait(driver, 3).until(EC.element_to_be_clickable((By.ID, "save"))).click()


def test_chart_canvas_drawn(driver, base):
    driver.get(base + "/chart")
    status = driver.find_element(By.ID, "status").text
    assert status == "", status


@pytest.mark.xfail(reason="slow route, see KW-88")
def test_slow_page(driver, base):
    driver.get(base + "/slow")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Finally"


@pytest.mark.skip(reason="needs the staging tile server")
def test_map_tiles(driver, base):
    pass


def test_stale_row_after_reload(driver, base):
    driver.get(base + "/")
    row = WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sites tbody tr"))[0]
    driver.refresh()
    assert row.text.startswith("KW-01")
'''

TEST_UNITTEST = '''
import os
import unittest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.support import expected_conditions as EC

BASE = "http://127.0.0.1:18310"


def make_driver():
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={os.environ['KELP_PROFILE']}"):
        opts.add_argument(a)
    return webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))


class DashboardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()
        cls.driver.implicitly_wait(1)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_heading(self):
        self.driver.get(BASE + "/")
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text, "Kelpwatch")

    def test_declining_sites(self):
        self.driver.get(BASE + "/")
        WebDriverWait(self.driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sites tbody tr"))
        rows = self.driver.find_elements(By.CSS_SELECTOR, "tr.site.declining")
        self.assertEqual([r.find_element(By.CSS_SELECTOR, "td:nth-child(2)").text for r in rows],
                         ["Monastery Beach"])

    def test_depth_column_numeric(self):
        self.driver.get(BASE + "/")
        WebDriverWait(self.driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sites tbody tr"))
        depths = [float(c.text) for c in self.driver.find_elements(By.CSS_SELECTOR, "#sites td:nth-child(3)")]
        self.assertTrue(all(d < 15 for d in depths), depths)

    def test_logo_loaded(self):
        self.driver.get(BASE + "/")
        ok = self.driver.execute_script("const i = document.querySelector('header img'); return i.complete && i.naturalWidth > 0;")
        self.assertTrue(ok, "logo image did not load")

    def test_summary_text(self):
        self.driver.get(BASE + "/")
        el = WebDriverWait(self.driver, 5).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#summary p.ok")))
        self.assertIn("sites", el.text)


class FormsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_login_fields(self):
        self.driver.get(BASE + "/login")
        self.assertEqual(len(self.driver.find_elements(By.TAG_NAME, "input")), 2)

    def test_remember_me(self):
        self.driver.get(BASE + "/login")
        self.driver.find_element(By.NAME, "remember").click()

    def test_threshold_typing(self):
        self.driver.get(BASE + "/settings")
        box = self.driver.find_element(By.ID, "threshold")
        box.clear()
        box.send_keys("deep")
        self.assertEqual(box.get_attribute("value"), "2.5")

    def test_units_select(self):
        self.driver.get(BASE + "/settings")
        self.driver.find_element(By.CSS_SELECTOR, "#units option:nth-child(3)").click()

    def test_save_click(self):
        self.driver.get(BASE + "/settings")
        self.driver.find_element(By.ID, "save").click()


if __name__ == "__main__":
    unittest.main()
'''

PROBE = '''
import json, logging, os, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

mode, pages = sys.argv[1], sys.argv[2:]
if mode == "debug":
    logging.basicConfig(level=logging.DEBUG)
opts = Options()
opts.binary_location = "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={os.environ['KELP_PROFILE']}"):
    opts.add_argument(a)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
d = webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))
d.set_page_load_timeout(3)
n = severe = 0
try:
    for p in pages:
        try:
            d.get("http://127.0.0.1:18310" + p)
        except Exception as e:
            print(f"{p}: {type(e).__name__}: {str(e).splitlines()[0]}")
        d.execute_script("return new Promise(r => setTimeout(r, 600))")
        if mode == "browser":
            print(f"== {p}")
            for e in d.get_log("browser"):
                n += 1
                severe += e["level"] == "SEVERE"
                print(f"{e['level']:8} {e['source']:12} {e['message']}")
        elif mode == "perf":
            for e in d.get_log("performance"):
                print(json.dumps(json.loads(e["message"])["message"]))
        elif mode == "debug":
            from selenium.webdriver.common.by import By
            for sel in ("#sites", "#submit", "#message", "#nope"):
                try:
                    print(sel, d.find_element(By.CSS_SELECTOR, sel).tag_name)
                except Exception as e:
                    print(sel, type(e).__name__)
    if mode == "browser":
        print(f"{n} entries, {severe} severe")
finally:
    d.quit()
'''

CDP = '''
import json, sys, time, urllib.request
import websocket

port, pages = sys.argv[1], sys.argv[2:]
targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
page = next(t for t in targets if t["type"] == "page")
ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=5, suppress_origin=True)
mid = 0
def send(method, **params):
    global mid
    mid += 1
    ws.send(json.dumps({"id": mid, "method": method, "params": params}))
    return mid
for dom in ("Page", "Network", "Runtime", "Log"):
    send(dom + ".enable")
for p in pages:
    send("Page.navigate", url="http://127.0.0.1:18310" + p)
    end = time.time() + 3
    while time.time() < end:
        try:
            msg = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        if "method" in msg:
            print(msg["method"], json.dumps(msg["params"]))
        elif "error" in msg:
            print("ERROR reply", json.dumps(msg))
ws.close()
'''

CURL = r'''
set -u
D=http://127.0.0.1:28310
echo "== POST /session"
R=$(curl -s -X POST $D/session -H 'Content-Type: application/json' -d "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":\"/usr/bin/chromium\",\"args\":[\"--headless=new\",\"--no-sandbox\",\"--user-data-dir=$KELP_PROFILE\"]}}}}")
echo "$R" | python3 -m json.tool
S=$(echo "$R" | python3 -c 'import json,sys; print(json.load(sys.stdin)["value"]["sessionId"])')
call() { echo "== $1 $2"; if [ "$1" = GET ]; then curl -s $D/session/$S$2; else curl -s -X $1 $D/session/$S$2 -H 'Content-Type: application/json' -d "$3"; fi | python3 -m json.tool; }
'''


def write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    cm.write_tree(root, files)
    return root


def app(tmp: Path) -> Path:
    """The app's tree, its server started once on APP_PORT."""
    root = tmp / "kelpwatch"
    if not (root / "server.py").exists():
        write(root, dict(SITE, **{"server.py": SERVER, "tests/conftest.py": CONFTEST, "tests/test_pages.py": TEST_PAGES,
                                  "tests/test_dashboard_unittest.py": TEST_UNITTEST, "probe.py": PROBE,
                                  "cdp_events.py": CDP}))
        cm.start(["python3", "server.py", str(APP_PORT)], cwd=root)
        deadline = time.time() + 10
        while time.time() < deadline and "Kelpwatch" not in cm.run(f"curl -s {BASE}/", timeout=5):
            time.sleep(0.3)
    return root


def profile(tmp: Path, name: str) -> dict:
    d = tmp / "profiles" / name
    d.mkdir(parents=True, exist_ok=True)
    return {"KELP_PROFILE": str(d)}


def pytest_suite(tmp: Path) -> None:
    root = app(tmp)
    log = tmp / "chromedriver.log"
    env = dict(profile(tmp, "pt1"), KELP_DRIVER_LOG=str(log))
    cap("pytest-rA", "pytest -rA tests/test_pages.py 2>&1; echo EXIT=$?", root,
        n_sel_pytest, env=env, timeout=400)
    cm.run(f"cp {log} {tmp}/chromedriver-full.log")
    env = dict(profile(tmp, "pt2"), KELP_PAGE_TIMEOUT="2")
    cap("pytest-q-timeout", "pytest -q -p no:cacheprovider tests/test_pages.py -k 'slow or login or settings or chart'"
        " 2>&1; echo EXIT=$?", root, n_sel_pytest, env=env, timeout=300)
    cap("pytest-x-v", "pytest -x -v tests/test_pages.py 2>&1; echo EXIT=$?", root, n_sel_pytest,
        env=profile(tmp, "pt3"), timeout=300)
    cap("pytest-tb-short", "pytest --tb=short -rfE tests/test_pages.py -k 'console or stale or region or summary'"
        " 2>&1 | tail -n 400", root, n_sel_pytest, env=profile(tmp, "pt4"), timeout=300)


def unittest_suite(tmp: Path) -> None:
    root = app(tmp)
    cap("unittest-v", "python -m unittest -v tests/test_dashboard_unittest.py 2>&1; echo EXIT=$?", root,
        n_sel_unittest, env=profile(tmp, "ut1"), timeout=300)
    cap("unittest-forms", "python -m unittest -v tests.test_dashboard_unittest.FormsTest 2>&1 | tail -n 80", root,
        n_sel_unittest, env=profile(tmp, "ut2"), timeout=300)
    cap("unittest-failfast", "python -m unittest -f tests/test_dashboard_unittest.py 2>&1; echo EXIT=$?", root,
        n_sel_unittest, env=profile(tmp, "ut3"), timeout=300)


def driver_log(tmp: Path) -> None:
    log = tmp / "chromedriver-full.log"
    if not log.exists():
        return
    cap("chromedriver-tail", f"tail -n 300 {log}", tmp, n_chromedriver,
        typed="tail -n 300 /tmp/chromedriver.log")
    cap("chromedriver-grep", f"grep -n -E 'SEVERE|WARNING|RESPONSE|Starting|Launching' {log} | cut -c1-400",
        tmp, n_chromedriver, typed="grep -n -E 'SEVERE|WARNING|RESPONSE|Starting|Launching' /tmp/chromedriver.log | cut -c1-400")
    cap("chromedriver-head", f"head -n 160 {log}", tmp, n_chromedriver, typed="head -n 160 /tmp/chromedriver.log")


CHROME = f"{CHROMIUM} --headless=new --no-sandbox --disable-gpu"


def chromium_runs(tmp: Path) -> None:
    app(tmp)
    for name, page, v, tail in (("index-v1-head", "/", 1, 400), ("index-v0", "/", 0, 0), ("chart-v0", "/chart", 0, 0),
                                ("settings-v1", "/settings", 1, 300), ("login-v1-grep", "/login", 1, -1)):
        prof = profile(tmp, "cr-" + name)["KELP_PROFILE"]
        flags = f"--enable-logging=stderr --v={v}" if v else "--enable-logging=stderr"
        chrome, shown = CHROME, "chromium"
        if name.endswith("-head"):  # the binary itself, past Debian's launcher (which exports its Google API keys)
            chrome, shown = CHROME.replace(CHROMIUM, CHROMIUM_BIN), CHROMIUM_BIN
        cmd = f"{chrome} --user-data-dir={prof} {flags} --dump-dom {BASE}{page} 2>&1 >/dev/null"
        typed = f"{shown} --headless --no-sandbox {flags} --dump-dom {BASE}{page} 2>&1 >/dev/null"
        if tail > 0 and name.endswith("-head"):
            cmd, typed = cmd + f" | head -n {tail}", typed + f" | head -n {tail}"
        elif tail > 0:
            strip = " | grep -v -E '^(Histogram: |-?[0-9]+ +[-O.]|$)'"  # the histogram dump --v=1 prints at exit
            cmd, typed = cmd + strip + f" | tail -n {tail}", typed + strip + f" | tail -n {tail}"
        elif tail < 0:
            cmd, typed = cmd + " | grep -E ':(ERROR|WARNING|FATAL|INFO:CONSOLE)'", typed + " | grep -E ':(ERROR|WARNING|FATAL|INFO:CONSOLE)'"
        cap("chromium-" + name, cmd, tmp, n_chromium_stderr, timeout=120, typed=typed)
    for name, page in (("index", "/"), ("chart", "/chart"), ("login", "/login"), ("settings", "/settings")):
        prof = profile(tmp, "dd-" + name)["KELP_PROFILE"]
        cap("dump-dom-" + name, f"{CHROME} --user-data-dir={prof} --virtual-time-budget=3000 --dump-dom {BASE}{page} 2>/dev/null",
            tmp, n_dump_dom, timeout=120, typed=f"chromium --headless --no-sandbox --dump-dom {BASE}{page} 2>/dev/null")


def probes(tmp: Path) -> None:
    root = app(tmp)
    cap("browser-log-all", "python probe.py browser / /chart /login /settings /sw 2>&1; echo EXIT=$?", root, n_browser_log,
        env=profile(tmp, "pb1"), timeout=200)
    cap("browser-log-index", "python probe.py browser / 2>&1", root, n_browser_log, env=profile(tmp, "pb2"), timeout=200)
    cap("browser-log-slow", "python probe.py browser /settings /slow /missing.html 2>&1; echo EXIT=$?", root,
        n_browser_log, env=profile(tmp, "pb3"), timeout=200)
    cap("perf-log-index", "python probe.py perf / /nowhere 2>&1 | grep -E '\"method\": \"(Network\\.(responseReceived|loadingFailed)|Page\\.frameNavigated)\"' | cut -c1-1200", root, n_perf_log, env=profile(tmp, "pp1"), timeout=200)
    cap("perf-log-chart", "python probe.py perf /chart /login 2>&1 | grep -v -E '\"method\": \"Network\\.(dataReceived|\\w+ExtraInfo|requestWillBeSent)\"|lifecycleEvent' | tail -n 60",
        root, n_perf_log, env=profile(tmp, "pp2"), timeout=200)
    cap("perf-log-settings", "python probe.py perf /settings /missing.html 2>&1 | tail -n 150 | cut -c1-800", root, n_perf_log,
        env=profile(tmp, "pp3"), timeout=200)
    cap("remote-debug-index", "python probe.py debug / 2>&1 | cut -c1-600; echo EXIT=$?", root, n_remote_debug,
        env=profile(tmp, "rd1"), timeout=200)
    cap("remote-debug-login", "python probe.py debug /login /slow 2>&1 | grep -v urllib3 | cut -c1-400", root,
        n_remote_debug, env=profile(tmp, "rd2"), timeout=200)
    cap("remote-debug-tail", "python probe.py debug /chart /settings /slow 2>&1 | tail -n 60", root, n_remote_debug,
        env=profile(tmp, "rd3"), timeout=200)


def devtools(tmp: Path) -> None:
    root = app(tmp)
    prof = profile(tmp, "cdp")["KELP_PROFILE"]
    cm.start(f"{CHROME} --user-data-dir={prof} --remote-debugging-port={CDP_PORT} --remote-allow-origins=* {BASE}/sw",
             cwd=tmp)
    deadline = time.time() + 20
    while time.time() < deadline and "Browser" not in cm.run(f"curl -s http://127.0.0.1:{CDP_PORT}/json/version", timeout=5):
        time.sleep(0.5)
    time.sleep(2)
    cm.run(f"curl -s -X PUT 'http://127.0.0.1:{CDP_PORT}/json/new?{BASE}/chart'", timeout=10)
    time.sleep(2)
    cap("json-list", f"curl -s http://127.0.0.1:{CDP_PORT}/json/list", tmp, n_devtools_list, timeout=20)
    cap("json-version-list", f"curl -s http://127.0.0.1:{CDP_PORT}/json/version; curl -s http://127.0.0.1:{CDP_PORT}/json",
        tmp, n_devtools_list, timeout=20)
    cap("cdp-index", f"python cdp_events.py {CDP_PORT} / 2>&1 | cut -c1-1200", root, n_cdp, timeout=60)
    cap("cdp-chart-settings", f"python cdp_events.py {CDP_PORT} /chart /settings 2>&1 | cut -c1-1200; echo EXIT=$?",
        root, n_cdp, timeout=60)
    cap("cdp-login-slow", f"python cdp_events.py {CDP_PORT} /login /slow /sw 2>&1 | grep -v dataReceived | cut -c1-900",
        root, n_cdp, timeout=60)


def wire(tmp: Path) -> None:
    root = app(tmp)
    cm.start([CHROMEDRIVER, f"--port={DRIVER_PORT}"], cwd=tmp)
    time.sleep(1.5)
    env = profile(tmp, "wire")
    calls = {
        "find-missing": [("POST", "/url", '{"url": "%s/login"}' % BASE),
                         ("POST", "/element", '{"using": "css selector", "value": "#submit"}'),
                         ("POST", "/element", '{"using": "xpath", "value": "//button[@id=login-btn"}'),
                         ("GET", "/title", "")],
        "stale-click": [("POST", "/url", '{"url": "%s/settings"}' % BASE),
                        ("POST", "/element", '{"using": "css selector", "value": "#units"}'),
                        ("POST", "/execute/sync", '{"script": "location.reload(); return 1", "args": []}'),
                        ("POST", "/element/ELEMENT_ID/click", "{}"),
                        ("POST", "/execute/sync", '{"script": "return window.kelpConfig.region", "args": []}'),
                        ("GET", "/cookie/session", "")],
        "timeouts": [("POST", "/timeouts", '{"pageLoad": 1500}'),
                     ("POST", "/url", '{"url": "%s/slow"}' % BASE),
                     ("POST", "/alert/accept", "{}"),
                     ("POST", "/url", '{"url": "%s/"}' % BASE),
                     ("GET", "/window/rect", "")],
    }
    for name, seq in calls.items():
        script = CURL
        for method, path, body in seq:
            if "ELEMENT_ID" in path:
                script += "E=$(curl -s -X POST $D/session/$S/element -H 'Content-Type: application/json' -d " \
                          "'{\"using\": \"css selector\", \"value\": \"#save\"}' | python3 -c 'import json,sys; " \
                          "print(list(json.load(sys.stdin)[\"value\"].values())[0])')\n"
                path = path.replace("ELEMENT_ID", "$E")
                script += f"curl -s -X POST $D/session/$S/execute/sync -H 'Content-Type: application/json' -d " \
                          "'{\"script\": \"location.reload()\", \"args\": []}' >/dev/null; sleep 1\n"
            script += f"call {method} \"{path}\" '{body}'\n"
        script += 'echo "== DELETE session"; curl -s -X DELETE $D/session/$S | python3 -m json.tool\n'
        f = root / f"wire-{name}.sh"
        f.write_text(script)
        cap("wire-" + name, f"bash {f.name} 2>&1", root, n_wd_json, env=env, timeout=120,
            typed=f"bash {f.name}  # curl against chromedriver --port={DRIVER_PORT}")


STEPS = [pytest_suite, unittest_suite, driver_log, chromium_runs, probes, devtools, wire]
