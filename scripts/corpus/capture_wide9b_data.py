"""Round 9b, JSON APIs, configs, servers and processes: npm view/ls/outdated, pip list, tsc --showConfig, an Express
server (installed from npm) and python's http.server started on loopback and hit with requests (some 4xx/5xx),
their logs read with tail/cat, curl probes of the API, and process and socket listings holding an anomaly (a
zombie, a busy loop). Run through capture_wide9b.py."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import capture_wide6 as w6
from capture_data import free_port, needles_http_server_log, needles_pip_list_json, rule4, wait_port
from capture_more import add_or_skip as add, kind, n_npm_outdated, run, start, write_tree
from capture_wide2 import n_lsof_p, n_ps_eo
from capture_wide5 import n_curl_i
from capture_wide6_fresh import n_npm_ls, n_npm_view
from capture_wide7 import n_ss
from capture_wide7 import n_path_list
from capture_wide8_dev import n_showconfig
from capture_wide9b import PIP_ENV, Part, chain

n_http_log = w6.reuse("http-server-log", "log", w6.text_rule(needles_http_server_log), needles_http_server_log.__doc__.strip().splitlines()[0])
n_pip_json = w6.reuse("pip-list-json", "json", w6.text_rule(needles_pip_list_json), needles_pip_list_json.__doc__.strip().splitlines()[0])


@kind("json-api-records", "json")
def n_api_json(lines):
    """Rules 4+5 on a pretty-printed JSON API answer {count, failed, results: [records]}: the envelope's count lines; each record whose status is rare while one dominates, and the records of min and max qty and amount_cents, as the record's '"id": N,' line."""
    doc = json.loads("\n".join(lines))
    recs = doc["results"]
    rows = [(f'"id": {r["id"]},', {"status": r["status"], "qty": str(r["qty"]), "amount": str(r["amount_cents"])}) for r in recs]
    return [ln for ln in lines if re.match(r'^    "(count|failed)": ', ln)] + rule4(rows, cat=("status",), nums=("qty", "amount"))


@kind("express-morgan-log", "log")
def n_express(lines):
    """Rules 1+4 on an Express server's console (morgan 'combined' access lines and error stacks): every error line ('XError: …') with its first 'at' line; access rows whose status or method is rare while one dominates; the rows of min and max response size."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\w*Error\b", ln):
            out.append(ln)
            out.append(next((x for x in lines[i + 1:i + 7] if x.strip().startswith("at ")), None))
    rows = [(ln, {"method": m.group(1), "status": m.group(2), "size": m.group(3) if m.group(3) != "-" else "0"})
            for ln in lines for m in [re.search(r'"(\w+) \S+ HTTP/[\d.]+" (\d{3}) (\d+|-)', ln)] if m]
    return out + rule4(rows, cat=("status", "method"), nums=("size",))


SERVER_JS = r"""
const express = require('express');
const morgan = require('morgan');
const app = express();
app.use(express.json());
app.use(morgan('combined'));
const orders = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, sku: `SKU-${1000 + i}`, qty: (i * 7) % 13,
  status: i % 9 === 4 ? 'failed' : 'shipped', amount_cents: 500 + ((i * 7919) % 40000) }));
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/api/orders', (req, res) => res.json({ count: orders.length, failed: orders.filter(o => o.status === 'failed').length, results: orders }));
app.get('/api/orders/:id', (req, res) => {
  const o = orders.find(x => x.id === Number(req.params.id));
  if (!o) return res.status(404).json({ error: 'not_found', detail: `order ${req.params.id} does not exist` });
  res.json(o);
});
app.post('/api/orders/:id/refund', (req, res) => {
  const o = orders.find(x => x.id === Number(req.params.id));
  res.json({ refunded: o.amount_cents - req.body.fee.cents });
});
app.get('/api/report', (req, res) => { JSON.parse(req.query.filter); res.json({}); });
app.listen(Number(process.argv[2]), '127.0.0.1', () => console.log(`orders-api listening on ${process.argv[2]}`));
"""


def cap_servers(tmp: Path) -> None:
    s = tmp / "server"
    write_tree(s, {"server.js": SERVER_JS})
    (s / "package.json").write_text(json.dumps({"name": "orders-api", "version": "1.2.0", "private": True}, indent=2))
    run("npm install --no-audit --no-fund --loglevel=error express@4 morgan@1", cwd=s, timeout=400)
    port = free_port()
    log = open(s / "server.log", "w")
    node = start(["node", "server.js", str(port)], cwd=s, log=log)
    if not wait_port(port, 20):
        return
    base = f"http://127.0.0.1:{port}"
    paths = ["/health"] + [f"/api/orders/{k}" for k in (1, 2, 3, 7, 12, 55, 19, 404)] + ["/api/orders", "/favicon.ico", "/api/report?filter={bad",
                                                                                           "/api/report?filter=%7B%7D", "/admin", "/api/orders/5"]
    for k, p in enumerate(paths * 3):
        run(f"curl -s -o /dev/null -A 'curl/7.88.1' '{base}{p}'")
        if k % 7 == 3:
            run(f"curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{{\"fee\": null}}' {base}/api/orders/{k}/refund")
    time.sleep(0.5)
    add("tail-80-express-server-log", "tail -n 80 server.log", run("tail -n 80 server.log", cwd=s), n_express)
    chain("curl-api-json-tool-head-then-curl-i-404", "chain-api-probe", "json",
          [Part(f"curl -s {base}/api/orders | python3 -m json.tool", n_api_json),
           Part(f"curl -si {base}/api/orders/999", n_curl_i, ";"), Part(f"curl -si -X POST {base}/api/orders/3/refund "
                                                                        "-H 'Content-Type: application/json' -d '{}' | head -n 20", n_curl_i, ";")],
          s)
    h = tmp / "static"
    write_tree(h, {"index.html": "<h1>docs</h1>\n", "app.js": "console.log(1)\n", "docs/guide.html": "<p>guide</p>\n"})
    hport = free_port()
    hlog = open(tmp / "http.log", "w")
    start(["python3", "-u", "-m", "http.server", str(hport), "--bind", "127.0.0.1"], cwd=h, log=hlog)
    if wait_port(hport, 20):
        for k, p in enumerate(["/", "/app.js", "/docs/", "/docs/guide.html", "/missing.css", "/favicon.ico", "/app.js", "/.env", "/api/v1/x"] * 6):
            run(f"curl -s -o /dev/null {'-I ' if k % 11 == 5 else ''}http://127.0.0.1:{hport}{p}")
        run(f"curl -s -o /dev/null -X POST http://127.0.0.1:{hport}/upload")
        time.sleep(0.5)
        add("cat-python-http-server-log", "cat http.log", run("cat http.log", cwd=tmp), n_http_log)
    add("ss-tanp-with-servers", "ss -tanp", run("ss -tanp"), n_ss)
    add("lsof-p-node-server", f"lsof -nP -p {node.pid}", run(f"lsof -nP -p {node.pid}"), n_lsof_p)


def cap_json(tmp: Path) -> None:
    add("npm-view-express-json", "npm view express --json", run("npm view express --json", cwd=tmp, timeout=120), n_npm_view)
    app = tmp / "app"
    if (app / "package.json").exists():
        chain("npm-ls-depth0-then-outdated-rows-cli", "chain-ls-outdated", "pkg",
              [Part(f"cd {app}", None), Part("npm ls --all | head -n 80", n_npm_ls), Part("npm outdated", n_npm_outdated, ";")], tmp, timeout=200)
        chain("tsc-showconfig-then-listfilesonly-head-80", "chain-tsconfig-probe", "json",
              [Part(f"cd {app}", None), Part("npx tsc --showConfig", n_showconfig),
               Part("npx tsc --listFilesOnly | head -n 80", n_path_list)], tmp, timeout=200)
    add("pip-list-format-json-tools-venv", "pip list --format json", run(f"{w6.VENV}/bin/pip list --format json", cwd=tmp, env=PIP_ENV),
        n_pip_json)


def cap_processes(tmp: Path) -> None:
    """A process listing with an anomaly: a zombie left by a parent that never waits, and a busy loop."""
    start(["python3", "-c", "import os, time\nif os.fork() == 0:\n    os._exit(3)\ntime.sleep(120)\n"])
    start(["python3", "-c", "import time\nt = time.time()\nwhile time.time() - t < 60: pass\n"])
    for k in range(3):
        start(["python3", "-c", f"import time; x = bytearray({(k + 1) * 40_000_000}); time.sleep(120)"])
    time.sleep(3)
    cmd = "ps -eo pid,ppid,user,stat,pcpu,rss,etime,comm"
    add("ps-eo-zombie-busy-loop", cmd, run(cmd), n_ps_eo)


STEPS = [cap_servers, cap_json, cap_processes]
