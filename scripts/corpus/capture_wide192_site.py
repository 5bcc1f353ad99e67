"""Round 192's site items (third samples of round 107's kinds, its extractors imported): the `apiary` co-operative's
site (seeded hive pages, a honey shop and courses with mistakes put in: images without alt text, low-contrast prices,
links to hives that were merged, a 500 from the stock API, a 403 under /members/, a render-blocking script served
slowly, a script that reads an undefined object and calls a port nothing listens on) served on 127.0.0.1 and checked
by Lighthouse, pa11y, pa11y-ci, axe, linkinator, broken-link-checker and a puppeteer-core console probe; Karma runs
jasmine and mocha specs of the co-operative's front-end code with bugs put in. Run through capture_wide192.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_data import free_port, wait_port
from capture_wide192 import cap
from capture_wide107 import CHROMEDRIVER, CHROMIUM, JS
from capture_wide107_site import (CHROME_FLAGS, PUPPETEER_JS, SKIP_SHOTS, n_axe, n_blc, n_lighthouse_csv,
                                  n_lighthouse_json, n_lighthouse_log, n_linkinator, n_linkinator_csv,
                                  n_linkinator_json, n_pa11y, n_pa11y_ci, n_pa11y_ci_json, n_pa11y_csv, n_pa11y_json,
                                  n_puppeteer, pa11y_config, pa11yci_config)
from capture_wide107_karma import KARMA_CONF, n_karma_dots, n_karma_jasmine, n_karma_mocha

SERVER = r'''
import sys, time
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from functools import partial
class H(SimpleHTTPRequestHandler):
    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/js/waggle"):
            time.sleep(1.0)
        if p == "/api/stock":
            b = b'{"error": "jar stock database locked"}'
            self.send_response(500); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b); return
        if p.startswith("/members/"):
            self.send_response(403); self.send_header("Content-Length", "0"); self.end_headers(); return
        return super().do_GET()
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
'''

CSS = """body { font-family: 'Trebuchet MS', sans-serif; max-width: 58rem; margin: auto; background: #fffdf2; color: #2b2b2b; }
.price { color: #f2e6b3; background: #fffdf2; }
.badge { color: #fff; background: #f6c343; padding: 0 4px; }
"""

APP_JS = """// apiary: the jar stock badge and the swarm alert
(function () {
  console.warn('swarm season banner shown ' + (Date.now() % 41) + ' times');
  fetch('/api/stock').then(function (r) {
    if (!r.ok) { console.error('jar stock failed: HTTP ' + r.status); }
  });
  fetch('http://127.0.0.1:DEADPORT/weather/forage').catch(function (e) {
    console.error('forage forecast unreachable: ' + e.message);
  });
  // mistake put in: window.Swarm is only set on the swarm page
  var alert = window.Swarm.latest.where;
  document.getElementById('alert').textContent = alert;
})();
"""

BREEDS = ["Buckfast", "Carniolan", "Italian", "Caucasian", "Black Bee", "Russian", "Saskatraz", "Cordovan"]
FLORA = ["heather", "clover", "lime", "borage", "rapeseed", "bramble", "ivy", "acacia", "lavender", "willow"]


def page(title, body, head="", lang=True):
    h = '<html lang="en">' if lang else "<html>"
    return (f"<!doctype html>\n{h}\n<head><meta charset=\"utf-8\"><title>{title}</title>\n"
            f"<link rel=\"stylesheet\" href=\"/css/apiary.css\">{head}</head>\n<body>\n<nav><a href=\"/index.html\">"
            "Apiary</a> <a href=\"/hives/index.html\">Hives</a> <a href=\"/shop.html\">Honey</a> "
            f"<a href=\"/courses.html\">Courses</a></nav>\n<main>\n{body}\n</main>\n"
            "<script src=\"/js/apiary.js\"></script>\n</body>\n</html>\n")


def build_site(root: Path, seed: int, n: int, dead: int) -> list[str]:
    rnd = random.Random(seed)
    files = {"css/apiary.css": CSS, "js/apiary.js": APP_JS.replace("DEADPORT", str(dead)),
             "js/waggle.js": "var t=Date.now();while(Date.now()-t<250){}\nwindow.WAGGLE=1;\n"}
    hives = []
    for k in range(n):
        slug = f"hive-{k:03d}"
        hives.append(slug)
        name = f"Hive {k} ({BREEDS[k % len(BREEDS)]}, {rnd.choice(FLORA)})"
        parts = [f"<h1>{name}</h1>"]
        if rnd.random() < 0.25:
            parts.append("<h4>Inspection notes</h4>")
        parts.append(f"<p class=\"price\">Frames {rnd.randint(4, 20)} - brood {rnd.randint(1, 9)} - "
                     f"varroa {rnd.randint(0, 40)}/300</p>")
        img = f"img/{slug}.svg"
        files[img] = (f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" '
                      f'r="{5 + k % 15}" fill="#e9a"/></svg>\n')
        parts.append(f'<img src="/{img}"' + ("" if rnd.random() < 0.45 else f' alt="{name}"') + ">")
        for _ in range(3):
            parts.append(f'<a href="/hives/hive-{rnd.randrange(n):03d}.html">sister hive</a>')
        if rnd.random() < 0.3:
            parts.append(f'<a href="/hives/merged-{rnd.randint(1, 25):02d}.html">merged colony</a>')
        if rnd.random() < 0.2:
            parts.append(f'<a href="/records/{slug}.csv">records</a>')
        if rnd.random() < 0.15:
            parts.append('<a href="/members/rota.html">inspection rota</a>')
        if rnd.random() < 0.2:
            parts.append('<a href="#"><img src="/img/bee.svg"></a>')
        if rnd.random() < 0.15:
            parts.append('<select name="frames"></select>')
        if rnd.random() < 0.1:
            parts.append('<div id="queen">q</div><div id="queen">q2</div>')
        files[f"hives/{slug}.html"] = page(name, "\n".join(parts), lang=rnd.random() > 0.12)
    files["img/bee.svg"] = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
    files["hives/index.html"] = page("Hives", "<h1>Our hives</h1><ul>" + "".join(
        f'<li><a href="/hives/{h}.html">{h}</a></li>' for h in hives) + "</ul>")
    files["index.html"] = page(
        "Apiary co-op", "<h1>Apiary Co-operative</h1><img src=\"/img/meadow.jpg\"><p class=\"price\">Shop open Sat</p>"
        "<a href=\"/shop.html\">Honey</a> <a href=\"/swarm.html\">Report a swarm</a> "
        f"<a href=\"http://127.0.0.1:{dead}/donate\">Donate</a><div id=\"alert\"></div>",
        head="<script src=\"/js/waggle.js\"></script>")
    files["shop.html"] = page("Honey", "<h1>Honey</h1><table>" + "".join(
        f"<tr><td>{rnd.choice(FLORA).title()} honey {rnd.choice([227, 340, 454])} g</td><td class=\"price\">"
        f"&pound;{rnd.randint(5, 14)}</td><td><a href=\"/shop/jar-{i}.html\">buy</a></td></tr>" for i in range(30))
        + "</table><form><input type=\"text\" placeholder=\"voucher\"><button></button></form>")
    files["courses.html"] = page("Courses", "<h1>Courses</h1><h3>Beginners</h3><p class=\"price\">6 evenings</p>"
                                 "<a href=\"/members/booking.html\">book</a><img src=\"/img/suit.png\">"
                                 "<a href=\"/courses/advanced.html\">advanced</a>")
    files["swarm.html"] = page("Swarm", "<h1>Report a swarm</h1><input type=\"tel\"><div id=\"alert\"></div>",
                               head="<script>window.Swarm={latest:{where:'Mill Meadow'}};</script>")
    files["img/meadow.jpg"] = "not a jpeg\n"
    cm.write_tree(root, files)
    return hives


class Site:
    def __init__(self, tmp: Path) -> None:
        self.root = tmp / "apiary"
        self.port, self.dead = free_port(), free_port()
        self.hives = build_site(self.root, 19210, 56, self.dead)
        (tmp / "serve.py").write_text(SERVER)
        cm.start(["python3", str(tmp / "serve.py"), str(self.port), str(self.root)])
        if not wait_port(self.port):
            raise RuntimeError("site server did not start")
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, p: str) -> str:
        return f"{self.base}/{p.lstrip('/')}"


_SITE: list = []


def site(tmp: Path) -> Site:
    if not _SITE:
        _SITE.append(Site(tmp))
    return _SITE[0]


def lighthouse_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "lh"
    w.mkdir(exist_ok=True)
    lh = f"lighthouse {{url}} {CHROME_FLAGS}"
    cap("lighthouse-json-shop-a11y-del", lh.format(url=s.url("shop.html")) + " --output=json --quiet "
        f"--only-categories=accessibility,seo {SKIP_SHOTS} 2>/dev/null | jq 'del(.i18n, .timing, .configSettings, "
        ".audits[].details, .entities, .fullPageScreenshot)'", w, n_lighthouse_json, timeout=300)
    cap("lighthouse-json-home-perf-jq", lh.format(url=s.url("index.html")) + " --output=json --quiet "
        "--only-categories=performance,best-practices 2>/dev/null | jq '{lighthouseVersion, requestedUrl, "
        "finalDisplayedUrl, runWarnings, categories: (.categories | map_values({title, score})), audits: (.audits | "
        "map_values(select(.score != null and .score < 0.9) | {title, score, displayValue}))}'", w,
        n_lighthouse_json, timeout=300)
    cap("lighthouse-log-courses-echo", lh.format(url=s.url("courses.html")) + " --output=json "
        "--output-path=./courses.json --only-categories=accessibility,performance; echo EXIT=$?", w, n_lighthouse_log,
        timeout=300)
    cap("lighthouse-csv-hive", lh.format(url=s.url("hives/hive-003.html")) + " --output=csv --output-path=stdout "
        "--quiet --only-categories=accessibility,best-practices,seo", w, n_lighthouse_csv, timeout=300)


def a11y_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "a11y"
    w.mkdir(exist_ok=True)
    pa11y_config(w / "pa11y.json")
    cap("pa11y-shop-warnings", f"pa11y --config ./pa11y.json --include-warnings {s.url('shop.html')}", w, n_pa11y,
        timeout=180)
    cap("pa11y-hives-index-echo", f"pa11y --config ./pa11y.json {s.url('hives/hive-011.html')}; echo EXIT=$?", w,
        n_pa11y, timeout=180)
    cap("pa11y-json-courses", f"pa11y --config ./pa11y.json --reporter json --include-warnings "
        f"{s.url('courses.html')} 2>/dev/null | jq .", w, n_pa11y_json, timeout=180)
    cap("pa11y-csv-shop", f"pa11y --config ./pa11y.json --reporter csv --include-warnings --include-notices "
        f"{s.url('shop.html')} 2>&1 | head -n 100", w, n_pa11y_csv, timeout=180)
    pa11yci_config(w / ".pa11yci", [s.url(f"hives/{h}.html") for h in s.hives[:30]])
    cap("pa11y-ci-30-hives-tail", "pa11y-ci 2>&1 | tail -n 150; echo EXIT=$?", w, n_pa11y_ci, timeout=700)
    (w / "json").mkdir(exist_ok=True)
    pa11yci_config(w / "json" / ".pa11yci", [s.url(p) for p in ["index.html", "shop.html", "courses.html",
                                                                "swarm.html"]]
                   + [s.url(f"hives/{h}.html") for h in s.hives[40:46]])
    cap("pa11y-ci-json-site", "pa11y-ci --json 2>/dev/null | jq .", w / "json", n_pa11y_ci_json, timeout=600)
    axe = f"axe {{urls}} --chromedriver-path {CHROMEDRIVER} --chrome-path {CHROMIUM} --chrome-options=no-sandbox,headless"
    cap("axe-hives-10", axe.format(urls=" ".join(s.url(f"hives/{h}.html") for h in s.hives[20:30]))
        + "; echo EXIT=$?", w, n_axe, timeout=400)
    cap("axe-shop-courses-swarm-head", axe.format(urls=" ".join(s.url(p) for p in ["shop.html", "courses.html",
                                                                                   "swarm.html"]))
        + " 2>&1 | head -n 100", w, n_axe, timeout=300)


def link_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "links"
    w.mkdir(exist_ok=True)
    cap("linkinator-recurse-tail", f"linkinator {s.url('')} --recurse 2>&1 | tail -n 150", w, n_linkinator,
        timeout=300)
    cap("linkinator-errors-echo", f"linkinator {s.url('')} --recurse --skip 'img/' --verbosity error; echo EXIT=$?",
        w, n_linkinator, timeout=300)
    cap("linkinator-csv-skip-img", f"linkinator {s.url('')} --recurse --skip 'img/' --format csv", w,
        n_linkinator_csv, timeout=300)
    cap("linkinator-json-courses", f"linkinator {s.url('courses.html')} --format json 2>/dev/null | jq .", w,
        n_linkinator_json, timeout=300)
    cap("blc-ro-exclude-img-echo", f"blc {s.url('')} -ro --exclude '*/img/*'; echo EXIT=$?", w, n_blc, timeout=300)


def puppeteer_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "probe"
    w.mkdir(exist_ok=True)
    (w / "check-console.js").write_text(PUPPETEER_JS)
    env = {"NODE_PATH": str(JS / "node_modules"), "CHROME_PATH": CHROMIUM}
    cap("puppeteer-site-hives-24", f"node check-console.js {s.base} /index.html /shop.html /courses.html /swarm.html "
        + " ".join(f"/hives/{h}.html" for h in s.hives[:20]) + "; echo EXIT=$?", w, n_puppeteer, timeout=400, env=env)


SRC_JS = """
window.Hive = {
  // mistake put in: honey yield uses 2.3 kg a super but truncates to whole kilograms
  yieldKg: function (supers) { return Math.floor(supers * 2.3); },
  // mistake put in: the varroa threshold compares per 100 bees, counts are per 300
  needsTreatment: function (mites) { return mites > 3; },
  strength: function (frames) { return frames < 5 ? 'weak' : frames < 10 ? 'fair' : frames < 15 ? 'strong' : 'booming'; },
  jarTotal: function (jars) { return jars.reduce(function (s, j) { return s + j.price * j.n; }, 0); },
  queenAge: function (year) { if (year > 2026) { throw new Error('queen year ' + year + ' is in the future'); } return 2026 - year; }
};
"""

HAND_SPECS_JASMINE = """
describe('Hive', function () {
  it('needs no treatment at 6 mites in 300 bees', function () { expect(Hive.needsTreatment(6)).toBe(false); });
  it('totals jars', function () { expect(Hive.jarTotal([{ price: 6, n: 2 }, { price: 9, n: 1 }])).toBe(21); });
  it('ages a 2027 queen as unknown', function () { expect(Hive.queenAge(2027)).toBe(null); });
});
"""


def seeded_specs(seed: int, n: int, mocha: bool) -> str:
    rnd = random.Random(seed)
    ok = (lambda a, b: f"expect({a}).to.equal({b})") if mocha else (lambda a, b: f"expect({a}).toBe({b})")
    out = ["describe('Hive.yieldKg (generated supers)', function () {"]
    for k in range(n):
        supers = rnd.randint(1, 9)
        want = round(supers * 2.3, 1)
        out.append(f"  it('hive {k:03d}: {supers} supers', function () {{ {ok(f'Hive.yieldKg({supers})', want)}; }});")
    out.append("});\ndescribe('Hive.strength (generated)', function () {")
    for k in range(n // 2):
        fr = rnd.randint(1, 20)
        want = 'weak' if fr < 5 else 'fair' if fr < 10 else 'strong' if fr < 15 else 'booming'
        out.append(f"  it('{fr} frames is {want}', function () {{ {ok(f'Hive.strength({fr})', repr(want))}; }});")
    out.append("});")
    return "\n".join(out) + "\n"


def karma_steps(tmp: Path) -> None:
    nm = str(JS / "node_modules")
    jas = KARMA_CONF.replace("FRAMEWORK", "'jasmine'").replace(
        "PLUGINS", f"[require('{nm}/karma-jasmine'), require('{nm}/karma-chrome-launcher')]").replace(
        "FILES", "['src/*.js', 'spec/*.spec.js']")
    cm.write_tree(tmp / "hive-jasmine", {"src/hive.js": SRC_JS, "spec/hive.spec.js": HAND_SPECS_JASMINE,
                                         "spec/gen.spec.js": seeded_specs(19211, 120, False), "karma.conf.js": jas})
    cm.write_tree(tmp / "hive-jasmine-small", {"src/hive.js": SRC_JS, "spec/hive.spec.js": HAND_SPECS_JASMINE,
                                               "spec/gen.spec.js": seeded_specs(19212, 8, False), "karma.conf.js": jas})
    moc = KARMA_CONF.replace("FRAMEWORK", "'mocha'").replace(
        "PLUGINS", f"[require('{nm}/karma-mocha'), require('{nm}/karma-chrome-launcher')]").replace(
        "FILES", f"['{nm}/chai/chai.js', 'src/*.js', 'test/*.spec.js']")
    cm.write_tree(tmp / "hive-mocha", {"src/hive.js": SRC_JS, "test/gen.spec.js": "var expect = chai.expect;\n"
                                       + seeded_specs(19213, 160, True), "karma.conf.js": moc})
    cap("karma-jasmine-hives-echo", "karma start karma.conf.js; echo EXIT=$?", tmp / "hive-jasmine", n_karma_jasmine,
        timeout=300)
    cap("karma-jasmine-small-tail", "karma start karma.conf.js 2>&1 | tail -n 60", tmp / "hive-jasmine-small",
        n_karma_jasmine, timeout=300)
    cap("karma-mocha-hives-tail", "karma start karma.conf.js 2>&1 | tail -n 200", tmp / "hive-mocha", n_karma_mocha,
        timeout=300)
    cap("karma-dots-jasmine-echo", "karma start karma.conf.js --reporters dots; echo EXIT=$?", tmp / "hive-jasmine",
        n_karma_dots, timeout=300)


STEPS = [lighthouse_steps, a11y_steps, link_steps, puppeteer_steps, karma_steps]
