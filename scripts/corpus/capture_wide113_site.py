"""Round 113's site items (second samples of round 107's kinds, its extractors imported): the `hopyard` brewery's
site (seeded beer pages, taprooms and events with mistakes put in: images without alt text, low-contrast labels,
links to beers that were retired, a 503 from the taps API, a 401 under /staff/, a script that reads a missing
object and calls a port nothing listens on) served on 127.0.0.1 and checked by linkinator, broken-link-checker, pa11y,
pa11y-ci, axe, Lighthouse's CLI log and a puppeteer-core console probe; Karma runs jasmine specs of the brewery's
front-end code with bugs put in. Run through capture_wide113.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_data import free_port, wait_port
from capture_wide113 import cap
from capture_wide107 import CHROMEDRIVER, CHROMIUM, JS
from capture_wide107_site import (CHROME_FLAGS, PUPPETEER_JS, n_axe, n_blc, n_lighthouse_log, n_linkinator, n_pa11y,
                                  n_pa11y_ci, n_puppeteer, pa11y_config, pa11yci_config)
from capture_wide107_karma import KARMA_CONF, n_karma_jasmine

SERVER = r'''
import sys, time
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from functools import partial
class H(SimpleHTTPRequestHandler):
    def do_GET(self):
        p = self.path.split("?")[0]
        if p.startswith("/js/menu-board"):
            time.sleep(0.8)
        if p == "/api/taps":
            b = b'{"error": "tap list backend down"}'
            self.send_response(503); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b); return
        if p.startswith("/staff/"):
            self.send_response(401); self.send_header("WWW-Authenticate", "Basic"); self.send_header("Content-Length", "0")
            self.end_headers(); return
        return super().do_GET()
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
'''

CSS = """body { font-family: Verdana, sans-serif; max-width: 60rem; margin: auto; background: #fffaf0; color: #333; }
.abv { color: #e0d8c0; background: #fffaf0; }
.tag { color: #fff; background: #ffb347; padding: 1px 3px; }
"""

APP_JS = """// hopyard: the tap board and the events calendar
(function () {
  console.warn('tap board cache older than ' + (Date.now() % 53) + ' minutes');
  fetch('/api/taps').then(function (r) {
    if (!r.ok) { console.error('tap list failed: HTTP ' + r.status); }
  });
  fetch('http://127.0.0.1:DEADPORT/loyalty/points').catch(function (e) {
    console.error('loyalty service unreachable: ' + e.message);
  });
  // mistake put in: window.Calendar only exists on the events page
  var first = window.Calendar.events[0];
  document.getElementById('next').textContent = first.title;
})();
"""

STYLES = ["IPA", "Stout", "Porter", "Pilsner", "Saison", "Dunkel", "Gose", "Bock", "Kolsch", "Barleywine", "Helles",
          "Red Ale", "Brown Ale", "Sour", "Weizen", "Lager"]
HOPS = ["Citra", "Mosaic", "Cascade", "Saaz", "Simcoe", "Galaxy", "Amarillo", "Fuggle", "Hallertau", "Nelson"]


def page(title, body, head="", lang=True):
    h = '<html lang="en">' if lang else "<html>"
    return (f"<!doctype html>\n{h}\n<head><meta charset=\"utf-8\"><title>{title}</title>\n"
            f"<link rel=\"stylesheet\" href=\"/css/hop.css\">{head}</head>\n<body>\n<header><a href=\"/index.html\">"
            "Hopyard</a> <a href=\"/beers/index.html\">Beers</a> <a href=\"/taproom.html\">Taproom</a> "
            f"<a href=\"/events.html\">Events</a></header>\n<main>\n{body}\n</main>\n"
            "<script src=\"/js/hop.js\"></script>\n</body>\n</html>\n")


def build_site(root: Path, seed: int, n: int, dead: int) -> list[str]:
    rnd = random.Random(seed)
    files = {"css/hop.css": CSS, "js/hop.js": APP_JS.replace("DEADPORT", str(dead)),
             "js/menu-board.js": "var t=Date.now();while(Date.now()-t<300){}\nwindow.BOARD=1;\n"}
    beers = []
    for k in range(n):
        slug = f"beer-{k:03d}"
        beers.append(slug)
        name = f"{rnd.choice(HOPS)} {STYLES[k % len(STYLES)]} No. {k}"
        parts = [f"<h1>{name}</h1>"]
        if rnd.random() < 0.3:
            parts.append("<h5>Tasting notes</h5>")
        parts.append(f"<p class=\"abv\">ABV {rnd.randint(35, 120) / 10}% - IBU {rnd.randint(8, 95)}</p>")
        img = f"img/{slug}.svg"
        files[img] = f'<svg xmlns="http://www.w3.org/2000/svg" width="30" height="60"><rect width="30" height="{20 + k % 40}" fill="#a52"/></svg>\n'
        parts.append(f'<img src="/{img}"' + ("" if rnd.random() < 0.5 else f' alt="{name} can"') + ">")
        for _ in range(3):
            parts.append(f'<a href="/beers/beer-{rnd.randrange(n):03d}.html">pairs with</a>')
        if rnd.random() < 0.3:
            parts.append(f'<a href="/beers/retired-{rnd.randint(1, 30):02d}.html">the old recipe</a>')
        if rnd.random() < 0.2:
            parts.append(f'<a href="/labels/{slug}.pdf">label</a>')
        if rnd.random() < 0.15:
            parts.append('<a href="/staff/brewsheet.html">brew sheet</a>')
        if rnd.random() < 0.2:
            parts.append('<button></button>')
        if rnd.random() < 0.15:
            parts.append('<label>Qty</label><input type="number" name="qty">')
        if rnd.random() < 0.1:
            parts.append('<p id="twin">a</p><p id="twin">b</p>')
        files[f"beers/{slug}.html"] = page(name, "\n".join(parts), lang=rnd.random() > 0.1)
    files["beers/index.html"] = page("Beers", "<h1>Our beers</h1><ul>" + "".join(
        f'<li><a href="/beers/{b}.html">{b}</a></li>' for b in beers) + "</ul>")
    files["index.html"] = page(
        "Hopyard", "<h1>Hopyard Brewing</h1><img src=\"/img/vats.jpg\"><p class=\"abv\">Open Thu-Sun</p>"
        "<a href=\"/taproom.html\">Taproom</a> <a href=\"/tours.html\">Brewery tours</a> "
        f"<a href=\"http://127.0.0.1:{dead}/shop\">Shop</a><div id=\"next\"></div>",
        head="<script src=\"/js/menu-board.js\"></script>")
    files["taproom.html"] = page("Taproom", "<h1>Taproom</h1><h4>Hours</h4><form><input type=\"text\" "
                                 "placeholder=\"name\"><input type=\"submit\" value=\"\"></form>"
                                 "<a href=\"/staff/rota.html\">rota</a><img src=\"/img/bar.png\">")
    files["events.html"] = page("Events", "<h1>Events</h1><table>" + "".join(
        f"<tr><td class=\"abv\">{rnd.randint(1, 28)} {rnd.choice(['Mar', 'Apr', 'May'])}</td>"
        f"<td>{rnd.choice(HOPS)} night</td><td><a href=\"/events/{i}.html\">details</a></td></tr>" for i in range(25))
        + "</table>", head="<script>window.Calendar={events:[{title:'Cask night'}]};</script>")
    files["img/vats.jpg"] = "not an image\n"
    cm.write_tree(root, files)
    return beers


class Site:
    def __init__(self, tmp: Path) -> None:
        self.root = tmp / "hopyard"
        self.port, self.dead = free_port(), free_port()
        self.beers = build_site(self.root, 11310, 48, self.dead)
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


def link_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "links"
    w.mkdir(exist_ok=True)
    cap("linkinator-recurse-echo", f"linkinator {s.url('')} --recurse; echo EXIT=$?", w, n_linkinator, timeout=300)
    cap("linkinator-errors-tail", f"linkinator {s.url('')} --recurse --verbosity error 2>&1 | tail -n 80", w,
        n_linkinator, timeout=300)
    cap("linkinator-skip-img-head", f"linkinator {s.url('')} --recurse --skip 'img/' 2>&1 | head -n 100", w,
        n_linkinator, timeout=300)
    cap("blc-ro-echo", f"blc {s.url('')} -ro; echo EXIT=$?", w, n_blc, timeout=300)
    cap("blc-beers-filter-head", f"blc {s.url('beers/index.html')} -rof 2>&1 | head -n 150", w, n_blc, timeout=300)


def a11y_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "a11y"
    w.mkdir(exist_ok=True)
    pa11y_config(w / "pa11y.json")
    cap("pa11y-taproom-warnings", f"pa11y --config ./pa11y.json --include-warnings {s.url('taproom.html')}; "
        "echo EXIT=$?", w, n_pa11y, timeout=180)
    cap("pa11y-events", f"pa11y --config ./pa11y.json {s.url('events.html')} 2>&1 | tail -n 80", w, n_pa11y,
        timeout=180)
    pa11yci_config(w / ".pa11yci", [s.url(f"beers/{b}.html") for b in s.beers[:25]])
    cap("pa11y-ci-25-beers", "pa11y-ci; echo EXIT=$?", w, n_pa11y_ci, timeout=600)
    (w / "main").mkdir(exist_ok=True)
    pa11yci_config(w / "main" / ".pa11yci", [s.url(p) for p in ["index.html", "taproom.html", "events.html",
                                                                "tours.html"]] + [s.url(f"beers/{b}.html") for b in
                                                                                   s.beers[30:36]])
    cap("pa11y-ci-main-head", "pa11y-ci 2>&1 | head -n 100", w / "main", n_pa11y_ci, timeout=600)
    axe = f"axe {{urls}} --chromedriver-path {CHROMEDRIVER} --chrome-path {CHROMIUM} --chrome-options=no-sandbox,headless"
    cap("axe-home-taproom-events", axe.format(urls=" ".join(s.url(p) for p in ["index.html", "taproom.html",
                                                                                "events.html"])) + "; echo EXIT=$?",
        w, n_axe, timeout=300)
    cap("axe-beers-8-tail", axe.format(urls=" ".join(s.url(f"beers/{b}.html") for b in s.beers[8:16]))
        + " 2>&1 | tail -n 80", w, n_axe, timeout=400)


def lighthouse_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "lh"
    w.mkdir(exist_ok=True)
    lh = f"lighthouse {{url}} {CHROME_FLAGS}"
    cap("lighthouse-log-home-echo", lh.format(url=s.url("index.html")) + " --output=json --output-path=./home.json "
        "--only-categories=performance,accessibility; echo EXIT=$?", w, n_lighthouse_log, timeout=300)
    cap("lighthouse-log-events-tail", lh.format(url=s.url("events.html")) + " --output=html --output-path=./ev.html "
        "2>&1 | tail -n 60", w, n_lighthouse_log, timeout=300)


def puppeteer_steps(tmp: Path) -> None:
    s = site(tmp)
    w = tmp / "probe"
    w.mkdir(exist_ok=True)
    (w / "check-console.js").write_text(PUPPETEER_JS)
    env = {"NODE_PATH": str(JS / "node_modules"), "CHROME_PATH": CHROMIUM}
    cap("puppeteer-main-pages", f"node check-console.js {s.base} /index.html /taproom.html /events.html /tours.html "
        "/beers/index.html; echo EXIT=$?", w, n_puppeteer, timeout=300, env=env)
    cap("puppeteer-beers-20-tail", f"node check-console.js {s.base} "
        + " ".join(f"/beers/{b}.html" for b in s.beers[:20]) + " 2>&1 | tail -n 120", w, n_puppeteer, timeout=400,
        env=env)


SRC_JS = """
window.Brew = {
  // mistake put in: ABV uses 131.25 but rounds down to whole percent
  abv: function (og, fg) { return Math.floor((og - fg) * 131.25); },
  // mistake put in: pints per keg uses a 50 l keg for every size
  pints: function (litres) { return Math.floor(50 / 0.568); },
  ibuLabel: function (ibu) { return ibu < 20 ? 'mild' : ibu < 50 ? 'balanced' : ibu < 80 ? 'bitter' : 'extreme'; },
  tab: function (items) { return items.reduce(function (s, i) { return s + i.price * i.qty; }, 0); },
  voucher: function (code) { if (code === 'STALE') { throw new Error('voucher STALE was withdrawn'); } return 0.1; }
};
"""


def seeded_specs(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["describe('Brew.abv (generated gravities)', function () {"]
    for k in range(n):
        og = 1.040 + rnd.randint(0, 60) / 1000
        fg = 1.004 + rnd.randint(0, 12) / 1000
        want = round((og - fg) * 131.25, 1)
        out.append(f"  it('batch {k:03d}: OG {og:.3f} FG {fg:.3f}', function () {{ "
                   f"expect(Brew.abv({og:.3f}, {fg:.3f})).toBeCloseTo({want}, 0); }});")
    out.append("});\ndescribe('Brew.ibuLabel (generated)', function () {")
    for k in range(n // 2):
        ibu = rnd.randint(5, 110)
        want = 'mild' if ibu < 20 else 'balanced' if ibu < 50 else 'bitter' if ibu < 80 else 'extreme'
        out.append(f"  it('ibu {ibu} is {want}', function () {{ expect(Brew.ibuLabel({ibu})).toBe('{want}'); }});")
    out.append("});")
    return "\n".join(out) + "\n"


HAND_SPECS = """
describe('Brew', function () {
  it('counts pints in a 30 l keg', function () { expect(Brew.pints(30)).toBe(52); });
  it('sums a tab', function () { expect(Brew.tab([{ price: 5, qty: 2 }, { price: 4, qty: 1 }])).toBe(14); });
  it('takes the STALE voucher', function () { expect(Brew.voucher('STALE')).toBe(0); });
});
"""


def karma_steps(tmp: Path) -> None:
    nm = str(JS / "node_modules")
    for name, seed, n in (("hop-karma", 11311, 140), ("hop-karma-small", 11312, 10)):
        root = tmp / name
        conf = KARMA_CONF.replace("FRAMEWORK", "'jasmine'").replace(
            "PLUGINS", f"[require('{nm}/karma-jasmine'), require('{nm}/karma-chrome-launcher')]").replace(
            "FILES", "['src/*.js', 'spec/*.spec.js']")
        cm.write_tree(root, {"src/brew.js": SRC_JS, "spec/brew.spec.js": HAND_SPECS,
                             "spec/batches.spec.js": seeded_specs(seed, n), "karma.conf.js": conf})
    cap("karma-jasmine-batches-echo", "karma start karma.conf.js; echo EXIT=$?", tmp / "hop-karma", n_karma_jasmine,
        timeout=300)
    cap("karma-jasmine-small-tail", "karma start karma.conf.js 2>&1 | tail -n 80", tmp / "hop-karma-small",
        n_karma_jasmine, timeout=300)


STEPS = [link_steps, a11y_steps, lighthouse_steps, puppeteer_steps, karma_steps]
