#!/usr/bin/env python3
"""Capture round 270 of the compression corpus: text-mode web browsers and HTML-to-text converters, new shapes.
Debian's lynx, w3m, elinks, links, html2text and pandoc's plain writer, run against pages served by a local HTTP
server this script starts on 127.0.0.1 (HTML documentation installed under /usr/share/doc, and pages of the round's
own from a seeded generator: a table of hosts with a status column, a form, a long list of links, a redirect loop, a
404 and a 500), stopped when the script ends. About a third of the command lines are typed as agents type them.

The extractors are this round's (NEEDLES.md, "Round 270"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide270.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide270.json  as {"version": 2, "items": [...]}, ids prefixed "wide270-".
"""

from __future__ import annotations

import html
import os
import random
import re
import shutil
import socket
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide224 import exit_lines, shaped  # noqa: E402

ID_PREFIX = "wide270-"
DEFAULT_OUT = HERE / "data" / "wide270.json"
TMP = Path(os.environ.get("HM_WIDE270_TMP", "/dev/shm/hm-corpus-wide270"))
PORT = 18270
BASE = f"http://127.0.0.1:{PORT}"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 270")

FAULT = (r"Not Found|Internal Server Error|\b404\b|\b500\b|Alert!|Can't Access|Unable to|\berror\b|\bError\b|"
         r"[Rr]edirect|\bBad\b")
PAGE = {"heads": [], "keys": []}  # the page's headings and the table's keys, set before each item is added


def _faults(lines):
    return shaped([ln for ln in lines if re.search(FAULT, ln)])


def _on_a_line(lines, strings):
    out = []
    for s in strings:
        s = " ".join(s.split())[:60]
        if s and any(s in ln for ln in lines):
            out.append(s)
    return out


def _host(url: str) -> str:
    u = urlparse(url.strip())
    return u.netloc or u.scheme or url


def _refs(lines):
    """Rule 4 on a numbered References list: header lines, first and last entries, entries of a rare host."""
    out = [ln for ln in lines if re.match(r"^\s*(References|Visible links|Hidden links):?\s*$", ln)]
    ents = [(m.group(1), ln) for ln in lines if (m := re.match(r"^\s*\d+\.\s+(\S+)", ln))]
    if ents:
        out += [ents[0][1], ents[-1][1]]
        cnt = Counter(_host(u) for u, _ in ents)
        if len(ents) >= 4 and cnt.most_common(1)[0][1] * 2 >= len(ents):
            out += [ln for u, ln in ents if cnt[_host(u)] <= 2]
    return out


def _dump(lines):
    first = next((ln for ln in lines if ln.strip()), "")
    out = [first.strip()[:200]] if first.strip() else []
    out += _on_a_line(lines, PAGE["heads"]) + _on_a_line(lines, PAGE["keys"]) + _refs(lines)
    return out + _faults(lines) + exit_lines(lines)


DUMP_DOC = ("Rule 5/6: the first non-blank line, the page's headings and the table's keys found on a line, the "
            "References list's headers, first/last and rare-host entries; fault lines; EXIT=.")
N_LYNX_DUMP = cm.named("lynx-dump", "doc", DUMP_DOC, _dump)
N_W3M_DUMP = cm.named("w3m-dump", "doc", DUMP_DOC, _dump)
N_ELINKS_DUMP = cm.named("elinks-dump", "doc", DUMP_DOC, _dump)
N_LINKS_DUMP = cm.named("links-dump", "doc", DUMP_DOC, _dump)
N_HTML2TEXT = cm.named("html2text-dump", "doc", DUMP_DOC, _dump)
N_PANDOC_PLAIN = cm.named("pandoc-plain", "doc", DUMP_DOC, _dump)


@cm.kind("lynx-listonly", "listing")
def n_lynx_listonly(lines):
    """Rule 4: header lines, first and last entries, rare-host entries, entries of the bad URLs; fault lines; EXIT=."""
    out = _refs(lines)
    out += [ln for ln in lines if re.match(r"^\s*\d+\.\s+\S*(/missing|/boom|/loop|:1/)", ln)]
    return out + _faults(lines) + exit_lines(lines)


HEAD_RE = r"^\s*(HTTP/\d(\.\d)? \d{3}|Location:|Content-Type:|Content-Length:|Server:)"


@cm.kind("lynx-head", "log")
def n_lynx_head(lines):
    """Rule 5: every status line and the Location/Content-Type/Content-Length/Server lines; fault lines; EXIT=."""
    return [ln for ln in lines if re.match(HEAD_RE, ln, re.I)] + _faults(lines) + exit_lines(lines)


@cm.kind("w3m-dump-head", "log")
def n_w3m_dump_head(lines):
    """Rule 5: every status line and the Location/Content-Type/Content-Length/Server lines; fault lines; EXIT=."""
    return [ln for ln in lines if re.match(HEAD_RE, ln, re.I)] + _faults(lines) + exit_lines(lines)


@cm.kind("w3m-dump-source", "code")
def n_w3m_dump_source(lines):
    """Rule 6: the <title> line, every line opening h1-h3, every <form/<table opening line; EXIT=."""
    out = [ln for ln in lines if re.search(r"<title>|<h[1-3][\s>]|<form[\s>]|<table[\s>]", ln, re.I)]
    return out + exit_lines(lines)


def _err(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.search(FAULT, ln):
            out.append(ln)
            for k in range(max(0, i - 2), i):
                if re.search(r"https?://|^==>|^\$ |URL", lines[k]):
                    out.append(lines[k])
    return list(dict.fromkeys(x for x in out if x.strip())) + exit_lines(lines)


ERR_DOC = "Rule 1: every fault line and the URL line within the two lines before it; EXIT=."
N_LYNX_ERR = cm.named("lynx-error", "log", ERR_DOC, _err)
N_W3M_ERR = cm.named("w3m-error", "log", ERR_DOC, _err)

# ------------------------------------------------------------------ the pages and the server

SERVER = r'''
import http.server, sys, os
class H(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/loop"):
            n = int(self.path[5:] or 0)
            self.send_response(302); self.send_header("Location", "/loop%d" % ((n + 1) % 3)); self.end_headers(); return
        if self.path.startswith("/moved"):
            self.send_response(301); self.send_header("Location", "/table.html"); self.end_headers(); return
        if self.path.startswith("/boom"):
            body = b"<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>Traceback: KeyError: 'tenant_id' in handler /boom</p></body></html>"
            self.send_response(500); self.send_header("Content-Type", "text/html"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body); return
        return super().do_GET()
    def do_HEAD(self):
        if self.path.startswith(("/loop", "/moved", "/boom")):
            return self.do_GET()
        return super().do_HEAD()
    def log_message(self, *a):
        pass
os.chdir(sys.argv[1])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), H).serve_forever()
'''

DOCS = {"w3m-manual.html": "/usr/share/doc/w3m/MANUAL.html", "w3m-faq.html": "/usr/share/doc/w3m/FAQ.html",
        "w3m-story.html": "/usr/share/doc/w3m/STORY.html", "dnsmasq-setup.html": "/usr/share/doc/dnsmasq-base/setup.html",
        "users-and-groups.html": "/usr/share/doc/base-passwd/users-and-groups.html",
        "chicken-compiler.html": "/usr/share/doc/chicken-bin/manual-html/Using the compiler.html",
        "chicken-debugging.html": "/usr/share/doc/chicken-bin/manual-html/Debugging.html",
        "chicken-extensions.html": "/usr/share/doc/chicken-bin/manual-html/Extensions.html"}


def heads_of(path: Path) -> list[str]:
    src = path.read_text(errors="replace")
    out = []
    for m in re.finditer(r"<(title|h[1-3])\b[^>]*>(.*?)</\1>", src, re.I | re.S):
        t = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
        t = " ".join(t.split())
        if len(t) >= 3:
            out.append(t)
    return list(dict.fromkeys(out))


def gen_pages(root: Path) -> dict:
    rnd = random.Random(270)
    keys: dict[str, list[str]] = {}
    # a table of hosts
    rows = []
    regions = ["eu-west", "us-east", "ap-south"]
    for i in range(1, 181):
        st = "ok"
        if i in (37, 121):
            st = "FAILED"
        elif i == 88:
            st = "degraded"
        rows.append((f"srv-{i:03d}", rnd.choice(regions), st, rnd.randint(40, 900) if i != 64 else 4812,
                     round(rnd.uniform(5, 95), 1) if i != 150 else 0.4, rnd.randint(1, 400)))
    rows[101] = rows[101][:5] + (2,)  # uptime minimum
    tr = "\n".join(f"<tr><td>{h}</td><td>{r}</td><td>{s}</td><td>{l}</td><td>{c}</td><td>{u}</td></tr>"
                   for h, r, s, l, c, u in rows)
    (root / "table.html").write_text(
        "<html><head><title>Fleet status: 180 hosts</title></head><body><h1>Fleet status</h1>"
        "<p>Latency is p99 in ms; CPU in percent; uptime in days.</p><h2>Hosts</h2>"
        "<table border=1><tr><th>host</th><th>region</th><th>status</th><th>p99_ms</th><th>cpu</th><th>uptime_d</th></tr>"
        f"{tr}</table><h2>Notes</h2><p>Two hosts failed their last health check.</p></body></html>")
    tk = []
    for col in (3, 4, 5):
        tk += [max(rows, key=lambda r: r[col])[0], min(rows, key=lambda r: r[col])[0]]
    tk += [r[0] for r in rows if r[2] != "ok"]
    keys["table.html"] = list(dict.fromkeys(tk))
    # a form
    opts = "".join(f"<option value=z{i}>zone-{i}</option>" for i in range(40))
    (root / "form.html").write_text(
        "<html><head><title>Provision a volume</title></head><body><h1>Provision a volume</h1>"
        "<form action=/provision method=post><h2>Size and zone</h2>"
        "<p>Name: <input name=name value=data-01></p><p>Size (GiB): <input name=size value=250></p>"
        f"<p>Zone: <select name=zone>{opts}</select></p><p><input type=checkbox name=enc checked> Encrypt at rest</p>"
        "<h2>Snapshot policy</h2><p><input type=radio name=snap value=daily checked> daily "
        "<input type=radio name=snap value=weekly> weekly</p><textarea name=notes rows=4 cols=40>migrated from vol-7781"
        "</textarea><p><input type=submit value=Create> <input type=reset></p></form></body></html>")
    keys["form.html"] = []
    # a long list of links, a few bad ones
    hosts = ["docs.example.org"] * 12 + ["pkg.example.org"] * 3 + ["mirror.example.net"]
    items = []
    for i in range(260):
        h = rnd.choice(hosts)
        items.append(f'<li><a href="https://{h}/guide/section-{i:03d}.html">Section {i}: topic {rnd.randint(1, 999)}</a></li>')
    items.insert(40, '<li><a href="/missing-page.html">Release notes (moved)</a></li>')
    items.insert(90, '<li><a href="/boom">Status API</a></li>')
    items.insert(150, '<li><a href="/loop0">Login portal</a></li>')
    items.insert(200, '<li><a href="http://127.0.0.1:1/admin">Admin console</a></li>')
    items.insert(230, '<li><a href="ftp://archive.example.com/pub/old.tar.gz">Old archive</a></li>')
    (root / "links.html").write_text(
        "<html><head><title>Link index</title></head><body><h1>Link index</h1><h2>Guides</h2><ul>"
        + "\n".join(items) + "</ul><h2>Contact</h2><p><a href='mailto:ops@example.org'>ops</a></p></body></html>")
    keys["links.html"] = []
    index = "".join(f'<li><a href="{n}">{n}</a></li>' for n in ["table.html", "form.html", "links.html", *DOCS])
    (root / "index.html").write_text(f"<html><head><title>Local docs</title></head><body><h1>Local docs</h1><ul>{index}"
                                     "<li><a href=/missing.html>gone</a></li><li><a href=/boom>boom</a></li></ul></body></html>")
    keys["index.html"] = []
    return keys


# ------------------------------------------------------------------ the steps

def set_page(root: Path, name: str, keys: dict) -> None:
    p = root / name
    PAGE["heads"] = heads_of(p) if name and p.is_file() else []
    PAGE["keys"] = keys.get(name, [])


def serve(tmp: Path) -> tuple[Path, dict]:
    root = tmp / "www"
    root.mkdir(parents=True, exist_ok=True)
    for n, src in DOCS.items():
        if Path(src).exists():
            shutil.copy(src, root / n)
    keys = gen_pages(root)
    (tmp / "server.py").write_text(SERVER)
    cm.start([sys.executable, str(tmp / "server.py"), str(root), str(PORT)])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", PORT), 0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return root, keys


def browsers(tmp: Path) -> None:
    root, keys = serve(tmp)
    L = "lynx -nocolor -display_charset=utf-8"
    W = "w3m -cols 100"
    cases = [
        # (id, page, command, extractor)
        ("lynx-dump-table", "table.html", f"{L} -dump {BASE}/table.html", N_LYNX_DUMP),
        ("lynx-dump-links", "links.html", f"{L} -dump {BASE}/links.html", N_LYNX_DUMP),
        ("lynx-dump-w3m-manual", "w3m-manual.html", f"{L} -dump {BASE}/w3m-manual.html | head -n 400", N_LYNX_DUMP),
        ("lynx-dump-chicken-compiler", "chicken-compiler.html", f"{L} -dump {BASE}/chicken-compiler.html", N_LYNX_DUMP),
        ("lynx-dump-form", "form.html", f"{L} -dump {BASE}/form.html; echo EXIT=$?", N_LYNX_DUMP),
        ("lynx-dump-dnsmasq-tail", "dnsmasq-setup.html", f"{L} -dump {BASE}/dnsmasq-setup.html | tail -n 80", N_LYNX_DUMP),
        ("lynx-listonly-links", "links.html", f"{L} -dump -listonly {BASE}/links.html", n_lynx_listonly),
        ("lynx-listonly-w3m-manual", "w3m-manual.html", f"{L} -dump -listonly {BASE}/w3m-manual.html", n_lynx_listonly),
        ("lynx-listonly-chicken", "chicken-extensions.html", f"{L} -dump -listonly {BASE}/chicken-extensions.html | head -n 100", n_lynx_listonly),
        ("lynx-head-pages", "", " ; ".join(f"{L} -head -dump {BASE}/{p}" for p in
                                             ["table.html", "moved", "missing.html", "boom", "w3m-faq.html", "links.html"]), n_lynx_head),
        ("lynx-error-urls", "", "for u in " + " ".join(f"{BASE}/{p}" for p in ["missing.html", "boom", "loop0"])
         + " http://127.0.0.1:1/admin http://nonexistent.invalid/; do echo \"==> $u\"; " + L + " -dump \"$u\" 2>&1 | head -n 20; echo EXIT=$?; done", N_LYNX_ERR),
        ("w3m-dump-table", "table.html", f"{W} -dump {BASE}/table.html", N_W3M_DUMP),
        ("w3m-dump-faq", "w3m-faq.html", f"{W} -dump {BASE}/w3m-faq.html", N_W3M_DUMP),
        ("w3m-dump-story", "w3m-story.html", f"{W} -dump {BASE}/w3m-story.html | head -n 100", N_W3M_DUMP),
        ("w3m-dump-links-refs", "links.html", f"{W} -o display_link_number=1 -dump {BASE}/links.html", N_W3M_DUMP),
        ("w3m-dump-users", "users-and-groups.html", f"{W} -dump {BASE}/users-and-groups.html; echo EXIT=$?", N_W3M_DUMP),
        ("w3m-dump-head-table", "table.html", f"{W} -dump_head {BASE}/table.html; {W} -dump_head {BASE}/moved; {W} -dump_head {BASE}/boom", n_w3m_dump_head),
        ("w3m-dump-head-pages", "", "for p in w3m-faq.html missing.html boom form.html loop0 links.html; do echo \"== $p\"; "
         + W + f" -dump_head {BASE}/$p; echo EXIT=$?; done", n_w3m_dump_head),
        ("w3m-dump-source-form", "form.html", f"{W} -dump_source {BASE}/form.html; {W} -dump_source {BASE}/index.html", n_w3m_dump_source),
        ("w3m-dump-source-dnsmasq", "dnsmasq-setup.html", f"{W} -dump_source {BASE}/dnsmasq-setup.html", n_w3m_dump_source),
        ("w3m-dump-source-chicken", "chicken-debugging.html", f"{W} -dump_source {BASE}/chicken-debugging.html | head -n 150", n_w3m_dump_source),
        ("w3m-error-urls", "", "for u in " + " ".join(f"{BASE}/{p}" for p in ["missing.html", "boom", "loop0"])
         + " http://127.0.0.1:1/admin http://nonexistent.invalid/; do echo \"==> $u\"; " + W + " -dump \"$u\" 2>&1 | head -n 20; echo EXIT=$?; done", N_W3M_ERR),
        ("lynx-dump-w3m-manual-full", "w3m-manual.html", f"{L} -dump -width=100 {BASE}/w3m-manual.html", N_LYNX_DUMP),
        ("w3m-dump-manual", "w3m-manual.html", f"{W} -dump {BASE}/w3m-manual.html", N_W3M_DUMP),
        ("elinks-dump-manual", "w3m-manual.html", f"elinks -no-home -dump {BASE}/w3m-manual.html", N_ELINKS_DUMP),
        ("elinks-dump-table", "table.html", f"elinks -no-home -dump -dump-width 100 {BASE}/table.html", N_ELINKS_DUMP),
        ("elinks-dump-faq", "w3m-faq.html", f"elinks -no-home -dump {BASE}/w3m-faq.html | tail -n 80", N_ELINKS_DUMP),
        ("elinks-dump-links", "links.html", f"elinks -no-home -dump {BASE}/links.html", N_ELINKS_DUMP),
        ("elinks-dump-chicken", "chicken-extensions.html", f"elinks -no-home -dump {BASE}/chicken-extensions.html; echo EXIT=$?", N_ELINKS_DUMP),
        ("elinks-dump-users", "users-and-groups.html", f"elinks -no-home -dump -no-references {BASE}/users-and-groups.html", N_ELINKS_DUMP),
        ("links-dump-table", "table.html", f"links -dump -width 100 {BASE}/table.html", N_LINKS_DUMP),
        ("links-dump-w3m-manual", "w3m-manual.html", f"links -dump {BASE}/w3m-manual.html", N_LINKS_DUMP),
        ("links-dump-form", "form.html", f"links -dump {BASE}/form.html; echo EXIT=$?", N_LINKS_DUMP),
        ("links-dump-chicken", "chicken-compiler.html", f"links -dump {BASE}/chicken-compiler.html | head -n 100", N_LINKS_DUMP),
        ("html2text-table", "table.html", "html2text -width 100 www/table.html", N_HTML2TEXT),
        ("html2text-manual", "w3m-manual.html", "html2text www/w3m-manual.html", N_HTML2TEXT),
        ("html2text-chicken-grep", "chicken-debugging.html", "html2text www/chicken-debugging.html 2>&1 | head -n 120", N_HTML2TEXT),
        ("html2text-dnsmasq", "dnsmasq-setup.html", "html2text -style pretty www/dnsmasq-setup.html", N_HTML2TEXT),
        ("pandoc-plain-table", "table.html", "pandoc -f html -t plain www/table.html", N_PANDOC_PLAIN),
        ("pandoc-plain-faq", "w3m-faq.html", "pandoc -f html -t plain www/w3m-faq.html", N_PANDOC_PLAIN),
        ("pandoc-plain-users", "users-and-groups.html", "pandoc -f html -t plain --columns 100 www/users-and-groups.html; echo EXIT=$?", N_PANDOC_PLAIN),
        ("pandoc-plain-chicken", "chicken-compiler.html", "pandoc -f html -t plain www/chicken-compiler.html | tail -n 80", N_PANDOC_PLAIN),
        ("pandoc-plain-links", "links.html", "pandoc -f html -t plain --reference-links www/links.html", N_PANDOC_PLAIN),
    ]
    for iid, page, cmd, ext in cases:
        set_page(root, page, keys)
        raw = cm.run(cmd, cwd=tmp, timeout=60)
        shown = cmd.replace(f"{L} ", "lynx ") if cmd.startswith(L) else cmd
        add(iid, shown, raw, ext)


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("lynx", "lynx"), ("w3m", "w3m"), ("elinks", "elinks"), ("links", "links"),
                      ("html2text", "html2text"), ("pandoc", "pandoc")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    return [browsers]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide270", sys.modules["__main__"])
    main()
