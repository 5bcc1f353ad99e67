"""Round 107's site and the browser-driven checkers run on it, with the extractors of their kinds (NEEDLES.md,
"Round 107"): the `keepers` society's pages (seeded lights, keepers' logs and visit pages with mistakes put in) served
on 127.0.0.1 by a small Python server that delays one script and fails one API; Lighthouse, pa11y, pa11y-ci, axe,
linkinator, broken-link-checker and a puppeteer-core script run on them. Run through capture_wide107.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_data import free_port, rule4, wait_port
from capture_wide107 import CHROMEDRIVER, CHROMIUM, JS, add, cap

STATUS = re.compile(r"^EXIT=\d+$")
LIGHTS = ["Longstone", "Bell Rock", "Eddystone", "Fastnet", "Skerryvore", "Bishop Rock", "Muckle Flugga", "Smalls",
          "Wolf Rock", "Tuskar", "Hook Head", "Flannan", "Ardnamurchan", "Chicken Rock", "Godrevy", "Lundy North",
          "Start Point", "Portland Bill", "Beachy Head", "Souter", "St Agnes", "Pendeen", "Trevose", "Hartland"]
COAST = ["north", "east", "south", "west", "isles"]


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


# ------------------------------------------------------------------ the site

SERVER = r'''
import sys, time, json
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from functools import partial
class H(SimpleHTTPRequestHandler):
    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/js/slow"):
            time.sleep(1.2)
        if p == "/api/stock":
            b = b'{"error": "stock service unavailable"}'
            self.send_response(500); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b); return
        if p.startswith("/private/"):
            self.send_response(403); self.send_header("Content-Length", "0"); self.end_headers(); return
        return super().do_GET()
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
'''

CSS = """body { font-family: Georgia, serif; margin: 0 auto; max-width: 52rem; color: #222; background: #fdfdf8; }
nav a { margin-right: .6rem; }
.faint { color: #c8c8c0; background: #fdfdf8; }
.badge { color: #ffffff; background: #f4d03f; padding: 2px 4px; }
.tiny { font-size: 9px; color: #aaa; }
"""

APP_JS = """// keepers' site script: renders the tide table and the shop's stock
(function () {
  var tides = window.TIDES;
  console.warn('tide data is stale: last update ' + (Date.now() % 97) + ' hours ago');
  document.querySelectorAll('[data-light]').forEach(function (el) {
    el.textContent = el.dataset.light.toUpperCase();
  });
  fetch('/api/stock').then(function (r) {
    if (!r.ok) { console.error('stock request failed with status ' + r.status); }
  });
  fetch('http://127.0.0.1:DEADPORT/api/visits').catch(function (e) {
    console.error('visit counter unreachable: ' + e.message);
  });
  // mistake put in: TIDES is never defined on pages without a tide table
  var next = tides.next.height;
  document.getElementById('tide').textContent = next;
})();
"""

SLOW_JS = """// render-blocking script of the booking widget, served slowly
var t0 = Date.now(); while (Date.now() - t0 < 400) { /* busy: layout of the widget */ }
window.BOOKING = { open: true };
"""


def page(title: str, body: str, head_extra: str = "", lang: bool = True) -> str:
    h = '<html lang="en">' if lang else "<html>"
    return (f"<!doctype html>\n{h}\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n"
            f"<link rel=\"stylesheet\" href=\"/css/site.css\">\n{head_extra}</head>\n<body>\n"
            f"<nav><a href=\"/index.html\">Home</a><a href=\"/lights/index.html\">Lights</a>"
            f"<a href=\"/visit.html\">Visit</a><a href=\"/shop.html\">Shop</a></nav>\n{body}\n"
            f"<script src=\"/js/app.js\"></script>\n</body>\n</html>\n")


def build_site(root: Path, seed: int, n_lights: int, dead_port: int) -> list[str]:
    """Write the site; return the paths of the light pages."""
    rnd = random.Random(seed)
    files = {"css/site.css": CSS, "js/app.js": APP_JS.replace("DEADPORT", str(dead_port)), "js/slow.js": SLOW_JS}
    lights = []
    for k in range(n_lights):
        name = f"{LIGHTS[k % len(LIGHTS)]}{'' if k < len(LIGHTS) else ' ' + str(k // len(LIGHTS) + 1)}"
        slug = f"light-{k:03d}"
        lights.append(slug)
        parts = [f"<h1>{name}</h1>"]
        if rnd.random() < 0.4:
            parts.append("<h4>Keepers</h4>")  # heading levels skipped
        parts.append(f"<p>Built {1700 + rnd.randint(0, 250)}, {rnd.choice(COAST)} coast, range "
                     f"{rnd.randint(8, 28)} nautical miles, character Fl({rnd.randint(1, 4)}) {rnd.randint(5, 30)}s.</p>")
        for j in range(rnd.randint(1, 4)):
            img = f"/img/{slug}-{j}.svg"
            files[img.lstrip("/")] = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
                                      f'<rect width="40" height="{10 + j}" fill="#336"/></svg>\n')
            if rnd.random() < 0.55:
                parts.append(f'<img src="{img}" width="40" height="40">')
            else:
                parts.append(f'<img src="{img}" width="40" height="40" alt="{name} tower, view {j}">')
        if rnd.random() < 0.5:
            parts.append(f'<p class="faint">Last keeper left in {1950 + rnd.randint(0, 48)}.</p>')
        if rnd.random() < 0.3:
            parts.append('<span class="badge">automated</span>')
        for j in range(4):
            other = rnd.randrange(n_lights)
            parts.append(f'<a href="/lights/light-{other:03d}.html">neighbour light {other}</a>')
        if rnd.random() < 0.35:
            parts.append(f'<a href="/lights/light-{n_lights + rnd.randint(0, 40):03d}.html">lost light</a>')
        if rnd.random() < 0.25:
            parts.append(f'<a href="/logs/{slug}-{rnd.randint(1890, 1990)}.pdf">keeper\'s log</a>')
        if rnd.random() < 0.2:
            parts.append(f'<img src="/img/missing-{k}.png" alt="chart">')
        if rnd.random() < 0.15:
            parts.append('<a href="/private/rota.html">rota</a>')
        if rnd.random() < 0.2:
            parts.append('<a href="#"></a>')  # empty link
        if rnd.random() < 0.2:
            parts.append('<form><input type="text" name="q"><button></button></form>')
        if rnd.random() < 0.12:
            parts.append('<div id="dup"></div><div id="dup"></div>')
        files[f"lights/{slug}.html"] = page(f"{name} lighthouse", "\n".join(parts), lang=rnd.random() > 0.1)
    idx = "\n".join(f'<li><a href="/lights/{s}.html">{s}</a></li>' for s in lights)
    files["lights/index.html"] = page("Lights", f"<h1>Lights</h1>\n<ul>\n{idx}\n</ul>")
    files["index.html"] = page(
        "Keepers", "<h1>The Keepers' Society</h1>\n<img src=\"/img/hero.jpg\">\n"
        "<p class=\"faint\">Members meet on the first Tuesday.</p>\n<p class=\"tiny\">Registered charity 1234567</p>\n"
        "<a href=\"/lights/index.html\">All lights</a> <a href=\"/about.html\">About us</a> "
        f"<a href=\"http://127.0.0.1:{dead_port}/donate\">Donate</a> <a href=\"/visit.html\">Visit</a>\n"
        "<div id=\"tide\"></div>", head_extra="<script src=\"/js/slow.js\"></script>\n")
    files["visit.html"] = page(
        "Visit", "<h1>Visit a light</h1>\n<form><input type=\"email\" placeholder=\"email\">"
        "<select><option>Longstone</option></select><input type=\"submit\"></form>\n"
        "<a href=\"/tickets.html\">Tickets</a>\n<img src=\"/img/map.png\">",
        head_extra="<script src=\"/js/slow.js?v=2\"></script>\n")
    files["shop.html"] = page("Shop", "<h1>Shop</h1>\n<h3>Prints</h3><p class=\"faint\">Out of stock</p>"
                              "<a href=\"/shop/basket.html\">Basket</a>")
    rows = []
    for k, slug in enumerate(lights):
        alt = "" if rnd.random() < 0.5 else f' alt="{slug}"'
        cls = ' class="faint"' if rnd.random() < 0.3 else ""
        rows.append(f'<tr><td><img src="/img/{slug}-0.svg"{alt}></td><td{cls}>{LIGHTS[k % len(LIGHTS)]}</td>'
                    f'<td>{rnd.choice(COAST)}</td><td><input type="checkbox" name="visit-{k}"></td>'
                    f'<td><a href="/lights/{slug}.html">more</a></td></tr>')
    files["register.html"] = page("Register", "<h1>Register of lights</h1>\n<table>\n" + "\n".join(rows) +
                                  "\n</table>\n<input type=\"submit\" value=\"\">")
    files["img/hero.jpg"] = "not really a jpeg\n"
    files["about.html"] = "<html><body><h2>About</h2><p>The society since 1921.</p><a href=/index.html>home</a></body></html>\n"
    cm.write_tree(root, files)
    return lights


class Site:
    def __init__(self, tmp: Path, seed: int = 107, n_lights: int = 70) -> None:
        self.root = tmp / "keepers"
        self.port, self.dead = free_port(), free_port()
        self.lights = build_site(self.root, seed, n_lights, self.dead)
        srv = tmp / "serve_keepers.py"
        srv.write_text(SERVER)
        cm.start(["python3", str(srv), str(self.port), str(self.root)])
        if not wait_port(self.port):
            raise RuntimeError("site server did not start")
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


_SITE: list[Site] = []


def site(tmp: Path) -> Site:
    if not _SITE:
        _SITE.append(Site(tmp))
    return _SITE[0]


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

def _json_of(lines):
    """The JSON document the output holds (the text from its first `{` / `[` line), or None."""
    for i, ln in enumerate(lines):
        if ln.strip() in ("{", "["):
            try:  # the document, and whatever the command printed after it (an EXIT= line, an error)
                return json.JSONDecoder().raw_decode("\n".join(lines[i:]))[0]
            except ValueError:
                return None
    return None


def _kv(lines, key, value):
    """The needle `"key": value` as the pretty-printed JSON holds it, when a line holds it."""
    s = f'"{key}": {json.dumps(value, ensure_ascii=False)}'
    return s if any(s in ln for ln in lines) else None


LH_METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
              "speed-index", "interactive")


@cm.kind("lighthouse-json", "json")
def n_lighthouse_json(lines):
    """Rule 5: lighthouseVersion, requestedUrl, finalDisplayedUrl lines; each category's title and score lines; every audit scoring below 0.9 its title and displayValue lines; the core metrics' displayValue lines; runWarnings entries and a runtimeError message."""
    d = _json_of(lines) or {}
    out = [_kv(lines, k, d[k]) for k in ("lighthouseVersion", "requestedUrl", "finalDisplayedUrl") if k in d]
    for c in (d.get("categories") or {}).values():
        if isinstance(c, dict):
            out += [_kv(lines, "title", c.get("title")), _kv(lines, "score", c.get("score"))]
    for aid, a in (d.get("audits") or {}).items():
        if not isinstance(a, dict):
            continue
        sc = a.get("score")
        if (isinstance(sc, (int, float)) and sc < 0.9) or aid in LH_METRICS:
            if aid not in LH_METRICS:
                out.append(_kv(lines, "title", a.get("title")))
            if a.get("displayValue"):
                out.append(_kv(lines, "displayValue", a["displayValue"]))
    for w in d.get("runWarnings") or []:
        out.append(next((ln.strip().rstrip(",") for ln in lines if json.dumps(w, ensure_ascii=False) in ln), None))
    rt = d.get("runtimeError")
    if isinstance(rt, dict) and rt.get("message"):
        out.append(_kv(lines, "message", rt["message"]))
    return out + _status(lines)


@cm.kind("lighthouse-cli-log", "log")
def n_lighthouse_log(lines):
    """Rules 1+5: every :error logger line or Runtime error / Error: / failed line alone; :warn lines one {any} per message shape; the first and last LH:status lines; the Printer output written line; EXIT=."""
    out, warns, st = [], [], []
    for ln in lines:
        m = re.search(r"\bLH:(\S+)", ln)
        logger = m.group(1) if m else ""
        if logger.endswith(":error") or re.search(r"Runtime error|Error:|failed", ln):
            out.append(ln)
        elif logger.endswith(":warn"):
            warns.append((cm.mask(ln.split(logger, 1)[1]), ln))
        if logger == "status":
            st.append(ln)
        if re.search(r"LH:Printer .* output written to", ln):
            out.append(ln)
    return out + cm.groups(warns) + st[:1] + st[-1:] + _status(lines)


def _csv_rows(lines):
    import csv
    return list(csv.reader([ln for ln in lines if ln.strip()]))


@cm.kind("lighthouse-csv", "table")
def n_lighthouse_csv(lines):
    """Rules 4+5: the header rows; every row whose score is 0 or below 0.9; rule 4 on the audit rows (category)."""
    out, rows, header = [], [], None
    for ln in lines:
        if not ln.strip() or STATUS.match(ln.strip()):
            continue
        if not ln.startswith('"'):
            out.append(ln)  # a section's header row
            header = ln.split(",")
            continue
        try:
            rec = dict(zip(header or [], next(iter(__import__("csv").reader([ln])))))
        except (StopIteration, ValueError):
            continue
        try:
            sc = float(rec.get("score", ""))
        except ValueError:
            sc = None
        if sc is not None and sc < 0.9:
            out.append(ln)
        if "audit" in rec:
            rows.append((ln, {"category": rec.get("category")}))
    return out + rule4(rows, cat=("category",)) + _status(lines)


@cm.kind("pa11y", "lint")
def n_pa11y(lines):
    """Rules 1+3+5: Results for URL line; every distinct Error: issue line and its first ├── code line; Warning:/Notice: lines one {any} per code; the count lines; pa11y's own failure lines."""
    out, other = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Results for URL:"):
            out.append(ln)
        m = re.match(r"• (Error|Warning|Notice): ", s)
        if m:
            code = cm.next_match(lines, i, r"^\s*├── ", 2)
            if m.group(1) == "Error":
                out += [ln, code]
            else:
                other.append(((m.group(1), code), ln))
        elif re.match(r"^\d+ (Errors?|Warnings?|Notices?)$|^No issues found!", s):
            out.append(ln)
        elif re.search(r"^Error:|Timed out|ERR_", s):
            out.append(ln)
    return out + cm.groups(other) + _status(lines)


def _issues(d):
    if isinstance(d, list):
        return [x for x in d if isinstance(x, dict) and "code" in x]
    if isinstance(d, dict):
        return [x for v in d.values() for x in _issues(v)]
    return []


@cm.kind("pa11y-json", "json")
def n_pa11y_json(lines):
    """Rules 4+5: for every distinct code of an error issue its code and message lines; rule 4 on the issues (type) with the code line as row; the first and last selector lines."""
    issues = _issues(_json_of(lines))
    out, seen = [], set()
    for x in issues:
        if x.get("type") == "error" and x["code"] not in seen:
            seen.add(x["code"])
            out += [_kv(lines, "code", x["code"]), _kv(lines, "message", x.get("message"))]
    rows = [(_kv(lines, "code", x["code"]), {"type": x.get("type")}) for x in issues]
    out += rule4([r for r in rows if r[0]], cat=("type",))
    sels = [x.get("selector") for x in issues if x.get("selector")]
    if sels:
        out += [_kv(lines, "selector", sels[0]), _kv(lines, "selector", sels[-1])]
    return out + _status(lines)


@cm.kind("pa11y-csv", "table")
def n_pa11y_csv(lines):
    """Rules 4+5: the header row; the first error row of every distinct code; rule 4 on the rows (type)."""
    import csv
    body = [ln for ln in lines if ln.strip() and not STATUS.match(ln.strip())]
    out, rows, seen = [], [], set()
    if not body:
        return _status(lines)
    out.append(body[0])
    head = next(csv.reader([body[0]]))
    for ln in body[1:]:
        try:
            rec = dict(zip(head, next(csv.reader([ln]))))
        except (StopIteration, csv.Error):
            continue
        if rec.get("type") == "error" and rec.get("code") not in seen:
            seen.add(rec.get("code"))
            out.append(ln)
        rows.append((ln, {"type": rec.get("type")}))
    return out + rule4(rows, cat=("type",)) + _status(lines)


@cm.kind("pa11y-ci", "lint")
def n_pa11y_ci(lines):
    """Rules 1+3+4+5: Running Pa11y on N URLs; every > url - N errors line with N not 0 and rule 4 (N); Errors in headers; each distinct • message line one {any}; pages that did not load; the verdict line."""
    out, rows, msgs = [], [], []
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^> (\S+) - (\d+) errors?", s)
        if m:
            if m.group(2) != "0":
                out.append(ln)
            rows.append((ln, {"n": int(m.group(2))}))
        elif re.match(r"^Running Pa11y on \d+ URLs?|^Errors in \S+:$|^[✘✔] \d+/\d+ URLs passed", s):
            out.append(ln)
        elif s.startswith("• "):
            msgs.append((s, ln))
        elif re.search(r"^Error:|Timed out|failed to run", s):
            out.append(ln)
    return out + rule4(rows, nums=("n",)) + cm.groups(msgs) + _status(lines)


@cm.kind("pa11y-ci-json", "json")
def n_pa11y_ci_json(lines):
    """Rule 5: the total, passes and errors lines; every result key whose array is not empty; for every distinct code its code and message lines."""
    d = _json_of(lines) or {}
    out = [_kv(lines, k, d[k]) for k in ("total", "passes", "errors") if k in d]
    for url, arr in (d.get("results") or {}).items():
        if arr:
            key = f'{json.dumps(url)}: ['
            out.append(key if any(key in ln for ln in lines) else None)
    seen = set()
    for x in _issues(d.get("results") or {}):
        if x["code"] not in seen:
            seen.add(x["code"])
            out += [_kv(lines, "code", x["code"]), _kv(lines, "message", x.get("message"))]
    return out + _status(lines)


@cm.kind("axe-cli", "lint")
def n_axe(lines):
    """Rules 1+3+5: Running axe-core line; every Violation of line with its description line and first selector line; every Testing <url> line; the closing issues-detected / 0 violations lines; Error: lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(Running axe-core|Testing \S+)", s) or re.search(
                r"\d+ Accessibility issues? detected|0 violations found|^Error:", s):
            out.append(ln)
        elif s.startswith("Violation of "):
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
            out.append(cm.next_match(lines, i + 1, r"^\s+- ", 3))
    return out + _status(lines)


BROKEN = re.compile(r"^\s*\[(0|[45]\d\d)\] ")


@cm.kind("linkinator", "lint")
def n_linkinator(lines):
    """Rules 1+3+5: every broken link line ([4xx], [5xx], [0]); the page line each broken group sits under; the closing scanned / Detected N broken links line."""
    out, page = [], None
    for ln in lines:
        if re.match(r"^(https?://|→|🏊)", ln.strip()) and not ln.startswith(" "):
            page = ln
        if BROKEN.match(ln):
            out.append(ln.strip())
            if ln.startswith(" ") and page:
                out.append(page)
        if re.search(r"Successfully scanned \d+ links|Detected \d+ broken links", ln):
            out.append(ln)
    return out + _status(lines)


def _linkinator_verbose(lines):
    rows = [(ln, {"status": m.group(1)}) for ln in lines for m in [re.match(r"^\s*\[(\d+)\] ", ln)] if m]
    return n_linkinator(lines) + rule4(rows, cat=("status",))


n_linkinator_verbose = cm.named(
    "linkinator", "lint", "Rules 1+3+4+5: linkinator's values, and with --verbose rule 4 on the [status] url lines "
    "with the status as categorical column.", _linkinator_verbose)


@cm.kind("linkinator-csv", "table")
def n_linkinator_csv(lines):
    """Rules 4+5: the header row; every BROKEN row; rule 4 on the rows (status, state)."""
    import csv
    body = [ln for ln in lines if ln.strip() and not STATUS.match(ln.strip())]
    out, rows = [], []
    hi = next((i for i, ln in enumerate(body) if ln.startswith("url,status,state")), None)
    if hi is None:
        return _status(lines)
    out.append(body[hi])
    for ln in body[hi + 1:]:
        try:
            url, status, state = next(csv.reader([ln]))[:3]
        except (StopIteration, ValueError, csv.Error):
            continue
        if state == "BROKEN":
            out.append(ln)
        rows.append((ln, {"status": status, "state": state}))
    return out + rule4(rows, cat=("status", "state")) + _status(lines)


@cm.kind("linkinator-json", "json")
def n_linkinator_json(lines):
    """Rule 5: the passed line; the url and status lines of every BROKEN link; the parent line of the first broken link."""
    d = _json_of(lines) or {}
    out = [_kv(lines, "passed", d.get("passed"))] if "passed" in d else []
    broken = [x for x in d.get("links") or [] if x.get("state") == "BROKEN"]
    for x in broken:
        out += [_kv(lines, "url", x.get("url")), _kv(lines, "status", x.get("status"))]
    if broken and broken[0].get("parent"):
        out.append(_kv(lines, "parent", broken[0]["parent"]))
    return out + _status(lines)


@cm.kind("blc", "lint")
def n_blc(lines):
    """Rules 1+3+5: every ─BROKEN─ line; every Getting links from: line with a broken link under it; Finished! lines with M broken not 0 and the last one; Elapsed time; Error: lines."""
    out, page, fins = [], None, []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Getting links from:"):
            page = ln
        elif "─BROKEN─" in ln:
            out.append(ln)
            if page:
                out.append(page)
        elif s.startswith("Finished!"):
            fins.append(ln)
            if not re.search(r"\b0 broken", s):
                out.append(ln)
        elif s.startswith("Elapsed time:") or re.match(r"^Error:", s):
            out.append(ln)
    return out + fins[-1:] + _status(lines)


@cm.kind("puppeteer-console-errors", "log")
def n_puppeteer(lines):
    """Rules 1+4+5: every pageerror line and its first at …:line:col line; console.error/warn lines one {any} per shape; every requestfailed line; 4xx/5xx response lines one {any} per (status, path shape); slowest and fastest timing lines; the summary line."""
    out, cons, resp, rows = [], [], [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("[pageerror]"):
            out += [ln, cm.next_match(lines, i, r"^\s+at .*:\d+:\d+", 6)]
        elif re.match(r"^\[console\.(error|warn|warning)\]", s):
            cons.append((cm.mask(re.sub(r"https?://\S+", "<url>", s)), ln))
        elif s.startswith("[requestfailed]"):
            out.append(ln)
        m = re.match(r"^\[response ([45]\d\d)\] \S+ (\S+)", s)
        if m:
            path = re.sub(r"^https?://[^/]+", "", m.group(2))
            resp.append(((m.group(1), re.sub(r"\d+", "N", path)), ln))
        m = re.match(r"^\[timing\] .* (\d+) ms", s)
        if m:
            rows.append((ln, {"ms": int(m.group(1))}))
        if s.startswith("summary:"):
            out.append(ln)
    return out + cm.groups(cons) + cm.groups(resp) + rule4(rows, nums=("ms",)) + _status(lines)


# ------------------------------------------------------------------ the runs

PUPPETEER_JS = r"""// check-console.js: visit pages, print their console errors, page errors, failed requests and bad responses
const puppeteer = require('puppeteer-core');
const base = process.argv[2];
const pages = process.argv.slice(3);
(async () => {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true, args: ['--no-sandbox'] });
  const tally = { pageerror: 0, console: 0, requestfailed: 0, bad: 0 };
  console.log(`visiting ${pages.length} pages on ${base}`);
  for (const path of pages) {
    const page = await browser.newPage();
    console.log(`-- ${path}`);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') {
        const loc = m.location();
        tally.console++;
        console.log(`[console.${m.type()}] ${m.text()}${loc && loc.url ? '  (' + loc.url + (loc.lineNumber !== undefined ? ':' + loc.lineNumber : '') + ')' : ''}`);
      }
    });
    page.on('pageerror', (e) => {
      tally.pageerror++;
      const stack = String((e && e.stack) || e).split('\n');
      console.log(`[pageerror] ${stack[0]}`);
      for (const l of stack.slice(1, 4)) console.log(l);
    });
    page.on('requestfailed', (r) => {
      tally.requestfailed++;
      console.log(`[requestfailed] ${r.method()} ${r.url()} ${r.failure() ? r.failure().errorText : ''}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) { tally.bad++; console.log(`[response ${r.status()}] ${r.request().method()} ${r.url()}`); }
    });
    const t0 = Date.now();
    try {
      await page.goto(base + path, { waitUntil: 'load', timeout: 20000 });
      await new Promise((res) => setTimeout(res, 300));
      console.log(`[timing] ${path} load ${Date.now() - t0} ms`);
    } catch (e) {
      console.log(`[goto failed] ${path}: ${e.message}`);
    }
    await page.close();
  }
  await browser.close();
  console.log(`summary: ${pages.length} pages, ${tally.pageerror} page errors, ${tally.console} console errors/warnings, ` +
    `${tally.requestfailed} failed requests, ${tally.bad} responses >= 400`);
  process.exitCode = tally.pageerror ? 1 : 0;
})();
"""

CHROME_FLAGS = '--chrome-flags="--headless=new --no-sandbox"'
SKIP_SHOTS = "--skip-audits=screenshot-thumbnails,final-screenshot,full-page-screenshot"


def pa11y_config(path: Path, **extra) -> None:
    cfg = {"chromeLaunchConfig": {"executablePath": CHROMIUM, "args": ["--no-sandbox"]}, "timeout": 30000}
    cfg.update(extra)
    path.write_text(json.dumps(cfg, indent=2) + "\n")


def pa11yci_config(path: Path, urls: list[str]) -> None:
    cfg = {"defaults": {"chromeLaunchConfig": {"executablePath": CHROMIUM, "args": ["--no-sandbox"]},
                        "timeout": 30000}, "urls": urls}
    path.write_text(json.dumps(cfg, indent=2) + "\n")


def lighthouse_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "audit"
    w.mkdir(exist_ok=True)
    lh = f"lighthouse {{url}} {CHROME_FLAGS}"
    cap("lighthouse-json-a11y-jq",
        lh.format(url=s.url("index.html")) + " --output=json --quiet --only-categories=accessibility,best-practices,seo"
        " | jq '{lighthouseVersion, requestedUrl, finalDisplayedUrl, runWarnings, categories: (.categories | "
        "map_values({title, score})), audits: (.audits | map_values(select(.score != null and .score < 0.9) | "
        "{title, score, displayValue}))}'", w, n_lighthouse_json, timeout=300)
    cap("lighthouse-json-light",
        lh.format(url=s.url("lights/light-004.html")) + f" --output=json --output-path=stdout --quiet "
        f"--only-categories=accessibility {SKIP_SHOTS}", w, n_lighthouse_json, timeout=300)
    cap("lighthouse-json-perf-jq",
        lh.format(url=s.url("visit.html")) + " --output=json --quiet --only-categories=performance"
        " | jq '{lighthouseVersion, requestedUrl, finalDisplayedUrl, runWarnings, categories, audits: (.audits | "
        "with_entries(select(.value.score != null and .value.score < 1 or (.key | test(\"paint|blocking|layout-shift|"
        "speed-index|interactive\")))) | map_values({title, score, displayValue, numericValue}))}'", w,
        n_lighthouse_json, timeout=300)
    cap("lighthouse-log-tail",
        lh.format(url=s.url("index.html")) + " --output=json --output-path=./report.json --only-categories=performance"
        " 2>&1 | tail -n 80", w, n_lighthouse_log, timeout=300)
    cap("lighthouse-log-full",
        lh.format(url=s.url("visit.html")) + " --output=html --output-path=./visit.html "
        "--only-categories=accessibility,seo; echo EXIT=$?", w, n_lighthouse_log, timeout=300)
    cap("lighthouse-log-dead",
        lh.format(url=f"http://127.0.0.1:{s.dead}/") + " --output=json --output-path=./dead.json"
        " --only-categories=seo; echo EXIT=$?", w, n_lighthouse_log, timeout=300)
    cap("lighthouse-json-register-jq",
        lh.format(url=s.url("register.html")) + " --output=json --quiet --only-categories=accessibility 2>/dev/null"
        " | jq '{requestedUrl, finalDisplayedUrl, categories: (.categories | map_values({title, score})), audits: "
        "(.audits | map_values(select(.score == 0) | {title, score, displayValue, items: [.details.items[]? | "
        ".node.selector?]}))}'", w, n_lighthouse_json, timeout=300)
    cap("lighthouse-csv-index",
        lh.format(url=s.url("index.html")) + " --output=csv --output-path=stdout --quiet", w, n_lighthouse_csv,
        timeout=300)
    cap("lighthouse-csv-register",
        lh.format(url=s.url("register.html")) + " --output=csv --output-path=stdout --quiet "
        "--only-categories=accessibility,best-practices", w, n_lighthouse_csv, timeout=300)


def pa11y_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "a11y"
    w.mkdir(exist_ok=True)
    pa11y_config(w / "pa11y.json")
    cap("pa11y-index", f"pa11y --config ./pa11y.json {s.url('index.html')}; echo EXIT=$?", w, n_pa11y, timeout=180)
    cap("pa11y-register", f"pa11y --config ./pa11y.json {s.url('register.html')}", w, n_pa11y, timeout=180)
    cap("pa11y-shop-notices", f"pa11y --config ./pa11y.json --include-warnings --include-notices "
        f"{s.url('shop.html')}", w, n_pa11y, timeout=180)
    cap("pa11y-light-aaa", f"pa11y --config ./pa11y.json --standard WCAG2AAA --include-warnings "
        f"{s.url('lights/light-009.html')} 2>&1 | tail -n 80", w, n_pa11y, timeout=180)
    cap("pa11y-json-visit", f"pa11y --config ./pa11y.json --reporter json --include-warnings "
        f"{s.url('visit.html')} 2>/dev/null | jq .", w, n_pa11y_json, timeout=180)
    cap("pa11y-json-register", f"pa11y --config ./pa11y.json --reporter json {s.url('register.html')} 2>/dev/null | jq .",
        w, n_pa11y_json, timeout=180)
    cap("pa11y-csv-register", f"pa11y --config ./pa11y.json --reporter csv --include-warnings "
        f"{s.url('register.html')}", w, n_pa11y_csv, timeout=180)
    cap("pa11y-csv-light-017", f"pa11y --config ./pa11y.json --reporter csv --include-warnings --include-notices "
        f"{s.url('lights/light-017.html')} > light-017.csv; echo EXIT=$?; cat light-017.csv", w, n_pa11y_csv,
        timeout=180)
    pa11yci_config(w / ".pa11yci", [s.url(f"lights/{x}.html") for x in s.lights[:40]])
    cap("pa11y-ci-40-lights", "pa11y-ci", w, n_pa11y_ci, timeout=600)
    (w / "small").mkdir(exist_ok=True)
    pa11yci_config(w / "small" / ".pa11yci", [s.url(p) for p in ["index.html", "visit.html", "shop.html",
                                                                 "about.html", "register.html", "tickets.html"]]
                   + [s.url(f"lights/{x}.html") for x in s.lights[50:56]])
    cap("pa11y-ci-site-tail", "pa11y-ci 2>&1 | tail -n 80", w / "small", n_pa11y_ci, timeout=600)
    (w / "json").mkdir(exist_ok=True)
    pa11yci_config(w / "json" / ".pa11yci", [s.url(f"lights/{x}.html") for x in s.lights[40:52]])
    cap("pa11y-ci-json-12", "pa11y-ci --json 2>/dev/null | jq .", w / "json", n_pa11y_ci_json, timeout=600)


def axe_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "axe"
    w.mkdir(exist_ok=True)
    axe = f"axe {{urls}} --chromedriver-path {CHROMEDRIVER} --chrome-path {CHROMIUM} --chrome-options=no-sandbox,headless"
    cap("axe-three-pages", axe.format(urls=" ".join(s.url(p) for p in ["index.html", "visit.html", "shop.html"]))
        + " --exit; echo EXIT=$?", w, n_axe, timeout=300)
    cap("axe-lights-12", axe.format(urls=" ".join(s.url(f"lights/{x}.html") for x in s.lights[:12])), w, n_axe,
        timeout=400)
    cap("axe-register-wcag2a", axe.format(urls=s.url("register.html")) + " --tags wcag2a,wcag2aa 2>&1 | head -n 60",
        w, n_axe, timeout=300)


def link_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "links"
    w.mkdir(exist_ok=True)
    cap("linkinator-crawl", f"linkinator {s.url('')} --recurse", w, n_linkinator, timeout=300)
    cap("linkinator-errors", f"linkinator {s.url('')} --recurse --verbosity error; echo EXIT=$?", w, n_linkinator,
        timeout=300)
    cap("linkinator-verbose-pages", f"linkinator {s.url('')} --recurse --verbose --skip 'lights/' "
        "2>&1 | tail -n 150", w, n_linkinator_verbose, timeout=300)
    cap("linkinator-csv", f"linkinator {s.url('')} --recurse --format csv", w, n_linkinator_csv, timeout=300)
    cap("linkinator-json-visit", f"linkinator {s.url('visit.html')} --format json | jq .", w, n_linkinator_json,
        timeout=300)
    cap("linkinator-json-lights", f"linkinator {s.url('lights/light-004.html')} --recurse --format json "
        f"--skip 'img/' | jq '{{passed, links: [.links[] | select(.state != \"SKIPPED\")]}}'", w, n_linkinator_json,
        timeout=300)
    cap("blc-recursive", f"blc {s.url('')} -ro; echo EXIT=$?", w, n_blc, timeout=300)
    cap("blc-lights-filter", f"blc {s.url('lights/index.html')} -rof --exclude '*/img/*' 2>&1 | tail -n 120", w, n_blc,
        timeout=300)


def puppeteer_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "probe"
    w.mkdir(exist_ok=True)
    (w / "check-console.js").write_text(PUPPETEER_JS)
    env = {"NODE_PATH": str(JS / "node_modules"), "CHROME_PATH": CHROMIUM}
    cap("puppeteer-site", f"node check-console.js {s.base} /index.html /visit.html /shop.html /register.html "
        "/about.html /tickets.html", w, n_puppeteer, timeout=300, env=env)
    pages = " ".join(f"/lights/{x}.html" for x in s.lights[:30])
    cap("puppeteer-lights-30", f"node check-console.js {s.base} {pages} 2>&1 | tail -n 150", w, n_puppeteer,
        timeout=400, env=env)
    cap("puppeteer-errors-grep", f"node check-console.js {s.base} /index.html /visit.html "
        + " ".join(f"/lights/{x}.html" for x in s.lights[30:45])
        + " | grep -E 'pageerror|requestfailed|response [45]|summary|    at '; echo EXIT=$?", w, n_puppeteer,
        timeout=400, env=env)


STEPS = [lighthouse_steps, pa11y_steps, axe_steps, link_steps, puppeteer_steps]
