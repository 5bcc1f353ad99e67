"""Round 319's browser material and steps (run through capture_wide319.py): a second sample of round 310's kinds on
new material, the round's own web app `estuary` (a tide-gauge and heronry survey board) served by a Python
standard-library server on 127.0.0.1:18319 with faults put in, driven by Debian's chromium and chromium-driver and by
PyPI's selenium, pytest and websocket-client. No extractor is written here: every kind's needles come from round
310's extractors, imported (NEEDLES.md, "Round 319")."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_wide310_web import (n_browser_log, n_cdp, n_chromedriver, n_chromium_stderr, n_dump_dom, n_perf_log,
                                 n_sel_pytest, n_sel_unittest)

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

APP_PORT, CDP_PORT = 18319, 38319
BASE = f"http://127.0.0.1:{APP_PORT}"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_BIN = "/usr/lib/chromium/chromium"  # past Debian's launcher, which exports its shipped API keys in --v logs

SERVER = r'''
import json, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from pathlib import Path
ROOT = Path(__file__).parent / "site"
GAUGES = [{"id": f"EG-{i:02d}", "name": n, "level_m": l, "herons": h, "state": s}
          for i, (n, l, h, s) in enumerate([("Mumbles Pier", 4.2, 11, "ok"), ("Burry Port", 3.9, 7, "ok"),
              ("Penclawdd", 2.1, 0, "silted"), ("Loughor Bridge", 3.3, 14, "ok"), ("Whiteford", 5.0, 21, "ok"),
              ("Llanelli Dock", 2.7, 3, "ok"), ("Crofty", 1.8, 0, "offline"), ("Salthouse", 3.1, 9, "ok"),
              ("Bynea", 2.9, 5, "ok"), ("Pembrey", 4.8, 17, "ok"), ("Kidwelly Quay", 2.2, 2, "silted")], 1)]
CSP = "default-src 'self'; frame-src 'none'; img-src 'self'"
class H(BaseHTTPRequestHandler):
    def send(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code); self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/api/gauges":
            return self.send(200, json.dumps(GAUGES), "application/json")
        if p == "/api/nests":
            return self.send(200, "<html><body>nest service moved</body></html>", "text/html")
        if p == "/api/tides":
            return self.send(503, "Service Unavailable: tide model recalibrating", "text/plain")
        if p == "/api/forecast":
            time.sleep(3)
            return self.send(504, "gateway timeout", "text/plain")
        f = ROOT / (p.strip("/") or "index.html")
        if not f.suffix and (f.parent / (f.name + ".html")).exists():
            f = f.parent / (f.name + ".html")
        if not f.exists():
            return self.send(404, f"<h1>Not found</h1><p>{p} is not on this board</p>")
        ctype = {".js": "text/javascript", ".css": "text/css", ".html": "text/html; charset=utf-8"}.get(f.suffix, "application/octet-stream")
        extra = [("Content-Security-Policy", CSP)] if f.name == "export.html" else []
        return self.send(200, f.read_bytes(), ctype, extra)
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0); self.rfile.read(n)
        if self.path.startswith("/api/nests"):
            return self.send(422, json.dumps({"error": "colony 'Whiteford' closed for the season"}), "application/json")
        return self.send(405, "method not allowed", "text/plain")
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

SITE = {
    "site/index.html": '''<!doctype html>
<html><head><meta charset="utf-8"><title>Estuary board</title>
<link rel="stylesheet" href="/board.css"><link rel="stylesheet" href="/fonts/tidal.css"></head>
<body>
<h1>Estuary gauges</h1>
<p id="summary">loading…</p>
<table id="gauges" class="gauge-table"><thead><tr><th>Id</th><th>Gauge</th><th>Level (m)</th><th>Herons</th><th>State</th></tr></thead><tbody></tbody></table>
<h2>Forecast</h2><div id="forecast">pending</div>
<script src="/vendor/tidecharts.min.js"></script>
<script src="/board.js"></script>
</body></html>
''',
    "site/board.css": "body{font-family:sans-serif}.gauge-row td{padding:2px 6px}\n",
    "site/board.js": '''console.warn("estuary: option 'legacyUnits' is deprecated and will be removed; use 'units'");
fetch("/api/gauges").then(r => r.json()).then(gs => {
  const tb = document.querySelector("#gauges tbody");
  for (const g of gs) {
    const tr = document.createElement("tr");
    tr.className = "gauge-line";
    tr.innerHTML = `<td>${g.id}</td><td>${g.name}</td><td>${g.level_m}</td><td>${g.herons}</td><td>${g.state}</td>`;
    tb.appendChild(tr);
  }
  document.getElementById("summary").textContent = gs.length + " gauges, " + gs.filter(g => g.state != "ok").length + " need attention";
  renderSparkline(gs);
});
fetch("/api/tides").then(r => { if (!r.ok) { console.error("tides failed: HTTP " + r.status); } });
fetch("/api/nests").then(r => r.json()).then(n => console.log(n)).catch(e => { throw new Error("nest counts unreadable: " + e.message); });
''',
    "site/nests.html": '''<!doctype html>
<html><head><meta charset="utf-8"><title>Heronry nest count</title></head>
<body>
<h1>Nest count</h1>
<form id="nest-form"><label>Colony <input id="colony" name="colony" value="Whiteford"></label>
<label>Nests <input id="nests" name="nests" value="-3"></label>
<button id="send" type="submit" disabled>Send</button></form>
<p id="status"></p>
<script src="/nests.js"></script>
</body></html>
''',
    "site/nests.js": '''const n = Number(document.getElementById("nests").value);
if (n < 0) { console.error("validation failed: nests must be >= 0, got " + n); }
document.getElementById("nest-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const r = await fetch("/api/nests", {method: "POST", body: JSON.stringify({colony: "Whiteford", nests: n})});
  const j = await r.json();
  document.getElementById("status").textContent = "Error: " + j.error;
});
window.nestConfig.colonies.forEach(c => console.log(c));
''',
    "site/chart.html": '''<!doctype html>
<html><head><meta charset="utf-8"><title>Tide chart</title></head>
<body><h1>Tide chart</h1><canvas id="tide" width="600" height="200"></canvas>
<p id="note">chart data unavailable until the tide model returns</p>
<script>
const ctx = document.getElementById("tide").getContext("2d");
fetch("/api/forecast").then(r => r.text()).then(t => JSON.parse(t)).catch(e => console.error("forecast failed: " + e));
drawTideCurve(ctx, []);
</script></body></html>
''',
    "site/export.html": '''<!doctype html>
<html><head><meta charset="utf-8"><title>Export survey</title></head>
<body><h1>Export</h1>
<iframe src="/chart" title="preview"></iframe>
<script>document.title = "Export survey (inline)";</script>
<table id="exports"><thead><tr><th>File</th><th>Rows</th></tr></thead>
<tbody><tr><td>gauges.csv</td><td>11</td></tr><tr><td>nests.csv</td><td>0 (export failed)</td></tr></tbody></table>
<img src="/img/estuary-map.png" alt="map">
</body></html>
''',
}

CONFTEST = '''
import os, pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

BOARD = os.environ.get("ESTUARY_URL", "http://127.0.0.1:18319")


@pytest.fixture(scope="session")
def browser():
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1024,768",
              f"--user-data-dir={os.environ['ESTUARY_PROFILE']}"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    log = os.environ.get("ESTUARY_DRIVER_LOG")
    svc = Service("/usr/bin/chromedriver", service_args=["--verbose"] if log else [], log_output=log)
    b = webdriver.Chrome(options=opts, service=svc)
    b.set_page_load_timeout(float(os.environ.get("ESTUARY_LOAD_TIMEOUT", "20")))
    b.implicitly_wait(float(os.environ.get("ESTUARY_WAIT", "0")))
    yield b
    b.quit()


@pytest.fixture
def board():
    return BOARD
'''

TEST_BOARD = '''
import time
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.support import expected_conditions as EC


def test_board_title(browser, board):
    browser.get(board + "/")
    assert browser.title == "Estuary board"


def test_eleven_gauges(browser, board):
    browser.get(board + "/")
    WebDriverWait(browser, 5).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#gauges tbody tr")))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#gauges tbody tr")) == 11


def test_gauge_rows_have_class(browser, board):
    browser.get(board + "/")
    time.sleep(0.5)
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.gauge-row")
    assert rows, "no tr.gauge-row on the board"


def test_no_offline_gauges(browser, board):
    browser.get(board + "/")
    time.sleep(0.5)
    states = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#gauges tbody td:nth-child(5)")]
    assert "offline" not in states, f"offline gauges: {states.count('offline')}"


def test_summary_counts(browser, board):
    browser.get(board + "/")
    WebDriverWait(browser, 3).until(lambda b: "gauges" in b.find_element(By.ID, "summary").text)
    assert browser.find_element(By.ID, "summary").text == "11 gauges, 2 need attention"


@pytest.mark.parametrize("level", ["SEVERE", "WARNING"])
def test_console_clean(browser, board, level):
    browser.get(board + "/")
    time.sleep(0.8)
    bad = [e["message"] for e in browser.get_log("browser") if e["level"] == level]
    assert not bad, "\\n".join(bad)


def test_nest_send_enabled(browser, board):
    browser.get(board + "/nests")
    assert browser.find_element(By.ID, "send").is_enabled()


def test_nest_send_click(browser, board):
    browser.get(board + "/nests")
    browser.find_element(By.ID, "send").click()
    WebDriverWait(browser, 2).until(EC.text_to_be_present_in_element((By.ID, "status"), "saved"))


def test_forecast_shown(browser, board):
    browser.get(board + "/")
    assert browser.find_element(By.CSS_SELECTOR, "#forecast .tide-row").text


def test_chart_drawn(browser, board):
    browser.get(board + "/chart")
    assert browser.execute_script("return typeof drawTideCurve") == "function"


def test_export_rows(browser, board):
    browser.get(board + "/export")
    cells = browser.find_elements(By.CSS_SELECTOR, "#exports td:nth-child(2)")
    assert [c.text for c in cells] == ["11", "0"]


def test_export_frame(browser, board):
    browser.get(board + "/export")
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tide chart"
'''

TEST_UNITTEST = '''
import os, time, unittest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

BOARD = "http://127.0.0.1:18319"


def open_browser():
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={os.environ['ESTUARY_PROFILE']}"):
        opts.add_argument(a)
    return webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))


class BoardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.b = open_browser()

    @classmethod
    def tearDownClass(cls):
        cls.b.quit()

    def test_heading(self):
        self.b.get(BOARD + "/")
        self.assertEqual(self.b.find_element(By.TAG_NAME, "h1").text, "Estuary gauges")

    def test_heron_total(self):
        self.b.get(BOARD + "/")
        time.sleep(0.5)
        cells = self.b.find_elements(By.CSS_SELECTOR, "#gauges tbody td:nth-child(4)")
        self.assertEqual(sum(int(c.text) for c in cells), 90)

    def test_sparkline(self):
        self.b.get(BOARD + "/")
        self.assertTrue(self.b.execute_script("return window.renderSparkline !== undefined"))

    def test_map_image(self):
        self.b.get(BOARD + "/export")
        img = self.b.find_element(By.TAG_NAME, "img")
        self.assertGreater(self.b.execute_script("return arguments[0].naturalWidth", img), 0)


class NestFormTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.b = open_browser()

    @classmethod
    def tearDownClass(cls):
        cls.b.quit()

    def test_colony_default(self):
        self.b.get(BOARD + "/nests")
        self.assertEqual(self.b.find_element(By.ID, "colony").get_attribute("value"), "Whiteford")

    def test_nests_nonnegative(self):
        self.b.get(BOARD + "/nests")
        self.assertGreaterEqual(int(self.b.find_element(By.ID, "nests").get_attribute("value")), 0)

    def test_status_field(self):
        self.b.get(BOARD + "/nests")
        self.b.find_element(By.ID, "nest-status")

    def test_config_loaded(self):
        self.b.get(BOARD + "/nests")
        self.b.execute_script("return window.nestConfig.colonies.length")


if __name__ == "__main__":
    unittest.main()
'''

PROBE = '''
import json, os, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

mode, pages = sys.argv[1], sys.argv[2:]
opts = Options()
opts.binary_location = "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={os.environ['ESTUARY_PROFILE']}"):
    opts.add_argument(a)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
b = webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))
b.set_page_load_timeout(2)
total = severe = 0
try:
    for p in pages:
        try:
            b.get("http://127.0.0.1:18319" + p)
        except Exception as e:
            print(f"{p}: {type(e).__name__}: {str(e).splitlines()[0]}")
        b.execute_script("return new Promise(r => setTimeout(r, 700))")
        if mode == "browser":
            print(f"-- {p}")
            for e in b.get_log("browser"):
                total += 1
                severe += e["level"] == "SEVERE"
                print(f"{e['level']:8} {e['source']:12} {e['message']}")
        else:
            for e in b.get_log("performance"):
                print(json.dumps(json.loads(e["message"])["message"]))
    if mode == "browser":
        print(f"{total} entries, {severe} severe")
finally:
    b.quit()
'''

CDP = '''
import json, sys, time, urllib.request
import websocket

pretty = sys.argv[1] == '--pretty'
args = sys.argv[2:] if pretty else sys.argv[1:]
port, pages = args[0], args[1:]
tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
tab = next(t for t in tabs if t["type"] == "page")
ws = websocket.create_connection(tab["webSocketDebuggerUrl"], timeout=4, suppress_origin=True)
seq = 0
def call(method, **params):
    global seq
    seq += 1
    ws.send(json.dumps({"id": seq, "method": method, "params": params}))
for dom in ("Page", "Network", "Runtime", "Log"):
    call(dom + ".enable")
for p in pages:
    call("Page.navigate", url="http://127.0.0.1:18319" + p)
    end = time.time() + 4
    while time.time() < end:
        try:
            msg = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        if "method" in msg:
            print(msg["method"], json.dumps(msg["params"], indent=1) if pretty else json.dumps(msg["params"]))
ws.close()
'''


def app(tmp: Path) -> Path:
    root = tmp / "estuary"
    if not (root / "server.py").exists():
        cm.write_tree(root, dict(SITE, **{"server.py": SERVER, "tests/conftest.py": CONFTEST,
                                          "tests/test_board.py": TEST_BOARD,
                                          "tests/test_board_unittest.py": TEST_UNITTEST, "probe.py": PROBE,
                                          "cdp_watch.py": CDP}))
        cm.start(["python3", "server.py", str(APP_PORT)], cwd=root)
        deadline = time.time() + 10
        while time.time() < deadline and "Estuary" not in cm.run(f"curl -s {BASE}/", timeout=5):
            time.sleep(0.3)
    return root


def prof(tmp: Path, name: str) -> dict:
    d = tmp / "profiles" / name
    d.mkdir(parents=True, exist_ok=True)
    return {"ESTUARY_PROFILE": str(d)}


def board_pytest(tmp: Path) -> None:
    root = app(tmp)
    log = tmp / "chromedriver.log"
    cap("pytest-rfE", "pytest -rfE -p no:cacheprovider tests/test_board.py 2>&1; echo EXIT=$?", root, n_sel_pytest,
        env=dict(prof(tmp, "p1"), ESTUARY_DRIVER_LOG=str(log)), timeout=400)
    cm.run(f"cp {log} {tmp}/chromedriver-kept.log")
    cap("pytest-q-wait", "pytest -q -p no:cacheprovider tests/test_board.py -k 'nest or forecast or export' 2>&1 | "
        "tail -n 90", root, n_sel_pytest, env=dict(prof(tmp, "p2"), ESTUARY_WAIT="1"), timeout=300)
    cap("pytest-v-lf", "pytest -v --tb=line -p no:cacheprovider tests/test_board.py 2>&1; echo EXIT=$?", root,
        n_sel_pytest, env=prof(tmp, "p3"), timeout=300)


def board_unittest(tmp: Path) -> None:
    root = app(tmp)
    cap("unittest-v", "python -m unittest -v tests/test_board_unittest.py 2>&1; echo EXIT=$?", root, n_sel_unittest,
        env=prof(tmp, "u1"), timeout=300)
    cap("unittest-nestform", "python -m unittest tests.test_board_unittest.NestFormTest 2>&1 | tail -n 60", root,
        n_sel_unittest, env=prof(tmp, "u2"), timeout=300)


def driver_logs(tmp: Path) -> None:
    log = tmp / "chromedriver-kept.log"
    if not log.exists():
        return
    cap("chromedriver-grep-response", f"grep -n -E 'RESPONSE|Starting|Launching|SEVERE' {log} | cut -c1-300", tmp,
        n_chromedriver, typed="grep -n -E 'RESPONSE|Starting|Launching|SEVERE' chromedriver.log | cut -c1-300")
    cap("chromedriver-head", f"head -n 260 {log}", tmp, n_chromedriver, typed="head -n 260 chromedriver.log")


CHROME = f"{CHROMIUM} --headless=new --no-sandbox --disable-gpu"


def chromium_logs(tmp: Path) -> None:
    app(tmp)
    for name, page, extra in (("board", "/", ""), ("nests", "/nests", ""), ("export-grep", "/export", "grep"),
                              ("chart-v1", "/chart", "v1")):
        p = prof(tmp, "cr-" + name)["ESTUARY_PROFILE"]
        chrome, shown, flags = CHROME, "chromium --headless --no-sandbox", "--enable-logging=stderr"
        if extra == "v1":
            chrome, shown, flags = CHROME.replace(CHROMIUM, CHROMIUM_BIN), CHROMIUM_BIN + " --headless --no-sandbox", \
                flags + " --v=1"
        cmd = f"{chrome} --user-data-dir={p} {flags} --virtual-time-budget=4000 --dump-dom {BASE}{page} 2>&1 >/dev/null"
        typed = f"{shown} {flags} --virtual-time-budget=4000 --dump-dom {BASE}{page} 2>&1 >/dev/null"
        tail = ""
        if extra == "grep":
            tail = " | grep -E ':(ERROR|WARNING|INFO:CONSOLE)'"
        elif extra == "v1":
            tail = " | grep -v -E '^(Histogram: |-?[0-9]+ +[-O.]|$)' | head -n 350"
        cap("chromium-" + name, cmd + tail, tmp, n_chromium_stderr, timeout=120, typed=typed + tail)
    for name, page in (("board", "/"), ("export", "/export")):
        p = prof(tmp, "dd-" + name)["ESTUARY_PROFILE"]
        cap("dump-dom-" + name, f"{CHROME} --user-data-dir={p} --virtual-time-budget=4000 --dump-dom {BASE}{page} "
            "2>/dev/null", tmp, n_dump_dom, timeout=120,
            typed=f"chromium --headless --no-sandbox --virtual-time-budget=4000 --dump-dom {BASE}{page} 2>/dev/null")


def webdriver_logs(tmp: Path) -> None:
    root = app(tmp)
    cap("browser-log-board", "python probe.py browser / /nests /chart /export /heronry 2>&1; echo EXIT=$?", root,
        n_browser_log, env=prof(tmp, "b1"), timeout=200)
    cap("browser-log-nests", "python probe.py browser /nests /nests 2>&1", root, n_browser_log, env=prof(tmp, "b2"),
        timeout=200)
    cap("perf-log-board", "python probe.py perf / /export 2>&1 | grep -E '\"method\": \"(Network\\.(responseReceived|"
        "loadingFailed)|Page\\.frameNavigated|Runtime\\.exceptionThrown|Log\\.entryAdded)\"' | cut -c1-900", root,
        n_perf_log, env=prof(tmp, "f1"), timeout=200)


def cdp_dump(tmp: Path) -> None:
    root = app(tmp)
    p = prof(tmp, "cdp")["ESTUARY_PROFILE"]
    cm.start(f"{CHROME} --user-data-dir={p} --remote-debugging-port={CDP_PORT} --remote-allow-origins=* about:blank",
             cwd=tmp)
    deadline = time.time() + 20
    while time.time() < deadline and "Browser" not in cm.run(f"curl -s http://127.0.0.1:{CDP_PORT}/json/version",
                                                              timeout=5):
        time.sleep(0.5)
    cap("cdp-board-nests", f"python cdp_watch.py {CDP_PORT} / /nests 2>&1 | cut -c1-1000; echo EXIT=$?", root, n_cdp,
        timeout=90)
    cap("cdp-pretty-chart", f"python cdp_watch.py --pretty {CDP_PORT} /chart /export 2>&1 | head -n 900", root, n_cdp,
        timeout=90)


STEPS = [board_pytest, board_unittest, driver_logs, chromium_logs, webdriver_logs, cdp_dump]
