#!/usr/bin/env python3
"""Manual check of the mitmweb UI (`headroom-mitm --web proxy`) in a real, headless Chromium.

Not a pytest test: CI has no browser. It needs Playwright's Python client, which is not a project
dependency, in a separate venv, and a Chromium binary, e.g. Debian's:

    apt-get install -y chromium
    python3 -m venv /tmp/pw-venv && /tmp/pw-venv/bin/pip install playwright
    /tmp/pw-venv/bin/python scripts/check_webui_browser.py            # --help for the options

It starts the built-in model stub and `headroom-mitm --web proxy --listen 127.0.0.1:0` (from this
checkout's .venv) with a temporary state dir, routes the LLM host `llm.test` to the stub, sends
OpenAI-chat requests through the proxy (two with a long tool output, so they are compressed, and a
small one that is not), then drives Chromium and prints PASS/FAIL per check:

  refused         the UI without the token (or with a wrong one): 403, nothing of mitmweb served
  flow list       with the token: every flow listed, compressed ones marked with the scissors
  comment column  the flow list shows each LLM flow's comment (provider, model, savings)
  comment tab     a flow's Comment tab shows provider, model, estimated saving and transforms
  live update     a flow sent while the page is open appears without a reload (websocket)
  content view    "headroom original vs sent" is chosen for a compressed request and shows the
                  transforms, the sent body and the original one, tool output line by line
  uncompressed    an uncompressed request is not given that view
  footer          the footer names the proxy's real address, not mitmweb's default 8080
  two UIs         a second headroom-mitm UI opened in the same browser does not lock the first out

Screenshots go to a temporary directory (or --out); their paths are printed. Exit status 0 only when
every check passed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LLM_HOST = "llm.test"
UNMARKED = "headroom-check-small-request"


# --- the processes under test ---------------------------------------------------------------------

class Proc:
    """A child process whose stdout lines are collected by a thread."""

    def __init__(self, name: str, argv: list[str], log_dir: Path) -> None:
        self.name = name
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self._stderr = open(log_dir / f"{name}.stderr", "wb")
        self.popen = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self._stderr, text=True, cwd=REPO,
                                      start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, pattern: str, timeout: float = 30.0) -> re.Match:
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        with self._cond:
            while True:
                for line in self.lines:
                    if match := regex.search(line):
                        return match
                left = deadline - time.monotonic()
                if left <= 0 or self.popen.poll() is not None:
                    raise RuntimeError(f"{self.name}: no line matching {pattern!r} (exit {self.popen.poll()}); "
                                       f"stdout: {self.lines!r}; stderr in {self._stderr.name}")
                self._cond.wait(min(left, 0.2))

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)  # both exit cleanly on SIGTERM
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(5)
        self._stderr.close()


def start_proxy(name: str, headroom: str, stub_url: str, work: Path) -> tuple[Proc, int, str]:
    proc = Proc(name, [
        headroom, "--state-dir", str(work / f"{name}-state"),
        "--route", f"{LLM_HOST}={stub_url}", "--llm-host", f"{LLM_HOST}=openai-chat",
        "--web", "proxy", "--listen", "127.0.0.1:0",
    ], work)
    port = int(proc.wait_for(r"listening on http://127\.0\.0\.1:(\d+)").group(1))
    url = proc.wait_for(r"mitmweb UI: (http://\S+)").group(1)
    return proc, port, url


# --- traffic --------------------------------------------------------------------------------------

def test_log(n: int, failing: str) -> str:
    passed = "\n".join(f"tests/test_mod_{n}.py::test_{i:04d} PASSED" for i in range(1500))
    return f"{passed}\nFAILED tests/test_mod_{n}.py::{failing} - KeyError: 'x'\n=== 1 failed, 1500 passed in 9.{n}s ==="


def chat_body(n: int, stream: bool) -> bytes:
    body = {
        "model": "stub-model", "stream": stream,
        "messages": [
            {"role": "user", "content": f"run the tests (request {n})"},
            {"role": "assistant", "content": None,
             "tool_calls": [{"id": f"c{n}", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": f"c{n}", "content": test_log(n, f"test_boom_{n}")},
        ],
    }
    if stream:
        body["stream_options"] = {"include_usage": True}
    return json.dumps(body).encode()


def small_body() -> bytes:
    return json.dumps({"model": "stub-model", "stream": False,
                       "messages": [{"role": "user", "content": UNMARKED}]}).encode()


def post(proxy_port: int, body: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=30)
    try:
        conn.request("POST", f"http://{LLM_HOST}/v1/chat/completions", body=body, headers={
            "Content-Type": "application/json", "Authorization": "Bearer sk-check-not-a-real-key",
            "User-Agent": "headroom-browser-check/1",
        })
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def records(work: Path, name: str) -> list[dict]:
    path = work / f"{name}-state" / "records" / "flows.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def wait_records(work: Path, name: str, count: int, timeout: float = 15.0) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        found = records(work, name)
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


# --- checks ---------------------------------------------------------------------------------------

class Checks:
    def __init__(self) -> None:
        self.results: list[tuple[str, bool, str]] = []

    def run(self, name: str, fn) -> bool:
        try:
            detail = fn() or ""
            ok = True
        except Exception as exc:  # a failed check says why and the others still run
            ok, detail = False, f"{type(exc).__name__}: {exc}"
            if os.environ.get("CHECK_DEBUG"):
                traceback.print_exc()
        self.results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--headroom", default=str(REPO / ".venv" / "bin" / "headroom-mitm"), help="the headroom-mitm to test")
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python"), help="a Python with headroom_mitm, for the stub")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the Chromium binary (default /usr/bin/chromium)")
    parser.add_argument("--out", type=Path, help="directory for screenshots and logs (default: a new temporary one, kept)")
    parser.add_argument("--headed", action="store_true", help="show the browser window")
    args = parser.parse_args(argv)

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("needs Playwright's Python client: python3 -m venv /tmp/pw-venv && /tmp/pw-venv/bin/pip install playwright; "
              "then run this script with /tmp/pw-venv/bin/python", file=sys.stderr)
        return 2

    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="run-", dir=args.out))  # fresh state dirs on every run
    else:
        work = Path(tempfile.mkdtemp(prefix="headroom-webui-check-"))
    shots = work / "screenshots"
    shots.mkdir(exist_ok=True)
    print(f"work dir: {work}", flush=True)

    procs: list[Proc] = []
    checks = Checks()
    try:
        stub = Proc("stub", [args.python, "-m", "headroom_mitm.stub", "--script", "hello"], work)
        procs.append(stub)
        stub_url = stub.wait_for(r"^(http://127\.0\.0\.1:\d+)$").group(1)
        proxy, proxy_port, ui_url = start_proxy("proxy", args.headroom, stub_url, work)
        procs.append(proxy)
        base = ui_url.split("?")[0].rstrip("/")
        token = ui_url.split("token=", 1)[1]
        print(f"stub {stub_url}; proxy 127.0.0.1:{proxy_port}; UI {base}/?token=<{len(token)} chars>", flush=True)

        def send_traffic() -> str:
            statuses = [post(proxy_port, chat_body(1, stream=False)), post(proxy_port, chat_body(2, stream=True)),
                        post(proxy_port, small_body())]
            expect(statuses == [200, 200, 200], f"statuses {statuses}")
            found = wait_records(work, "proxy", 3)
            expect(len(found) == 3, f"{len(found)} flow records")
            squeezed = [r for r in found if r["request_bytes_after"] < r["request_bytes_before"]]
            expect(len(squeezed) == 2, f"compressed flows: {len(squeezed)} of {len(found)}")
            return ", ".join(f"{r['request_bytes_before']:,} -> {r['request_bytes_after']:,} bytes" for r in found)

        if not checks.run("traffic through the proxy (2 compressed, 1 not)", send_traffic):
            return 1
        recs = records(work, "proxy")
        provider_model = f"{recs[0]['provider']} {recs[0]['model']}"

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, headless=not args.headed)
            print(f"chromium {browser.version}", flush=True)

            # (a) no token: nothing of mitmweb is served; no cookie is handed out.
            anon = browser.new_context(viewport={"width": 1400, "height": 900})
            page = anon.new_page()

            def refused() -> str:
                seen = []
                for path in ("/", "/flows", "/static/app.js", "/options.json", f"/?token=wrong-{token}"):
                    response = page.goto(base + path)
                    text = page.inner_text("body")
                    expect(response is not None and response.status == 403, f"{path}: status {response and response.status}")
                    expect("needs the token" in text and "mitmproxy" not in text.lower(), f"{path}: page {text[:200]!r}")
                    seen.append(f"{path.split('?')[0] or '/'} 403")
                page.goto(base + "/")
                page.screenshot(path=str(shots / "1-no-token.png"))
                expect(not [c for c in anon.cookies() if c["name"].startswith("headroom_web")], f"cookies {anon.cookies()}")
                ws = page.evaluate("""url => new Promise(done => {
                    const ws = new WebSocket(url); ws.onopen = () => done('open'); ws.onerror = () => done('refused'); })""",
                                   base.replace("http", "ws", 1) + "/updates")
                expect(ws == "refused", f"websocket without the token: {ws}")
                return ", ".join(seen) + ", websocket refused"

            checks.run("refused without the token", refused)
            anon.close()

            # (b) with the token.
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            page = ctx.new_page()
            rows = page.locator(".flow-table tbody tr.has-request")

            def flow_list() -> str:
                response = page.goto(ui_url)
                expect(response is not None and response.status == 200, f"status {response and response.status}")
                page.wait_for_selector(".flow-table tbody tr.has-response", timeout=15_000)
                page.wait_for_function("document.querySelectorAll('.flow-table tbody tr.has-response').length >= 3",
                                       timeout=15_000)
                marked = page.locator(".flow-table tbody tr .marker", has_text="\u2702")
                expect(rows.count() == 3, f"{rows.count()} rows")
                expect(marked.count() == 2, f"{marked.count()} rows marked with the scissors")
                expect("connected" in page.inner_text(".connection-indicator"), "websocket not connected")
                page.screenshot(path=str(shots / "2-flow-list.png"))
                return f"{rows.count()} flows, {marked.count()} marked \u2702, websocket connected"

            list_ok = checks.run("flow list with the token", flow_list)

            def comment_column() -> str:
                cells = page.locator(".flow-table tbody td.col-comment")
                expect(cells.count() == rows.count() > 0, f"{cells.count()} comment cells for {rows.count()} rows")
                texts = [cells.nth(i).inner_text() for i in range(cells.count())]
                expect(all(provider_model in t for t in texts), f"comments {texts}")
                # The column is 150 px wide (about 20 characters): the saving must come first.
                expect(all(t.startswith("saved ") for t in texts), f"comments {texts}")
                expect(sum("compressed" in t for t in texts) == 2, f"comments {texts}")
                return texts[0][:110] + "…"

            if list_ok:
                checks.run("comment column in the flow list", comment_column)

            compressed_row = rows.filter(has=page.locator(".marker", has_text="\u2702")).first
            small_row = rows.filter(has_not=page.locator(".marker", has_text="\u2702")).first

            def comment_tab() -> str:
                compressed_row.click()
                page.locator(".flow-detail nav a", has_text="Comment").click()
                area = page.locator(".flow-detail section.timing, .flow-detail section").last
                area.wait_for(timeout=5_000)
                text = area.inner_text()
                expect(provider_model in text, f"no {provider_model!r} in {text[:300]!r}")
                expect(re.search(r"saved \d+\.\d%", text) is not None and "transforms" in text, f"comment {text[:300]!r}")
                page.screenshot(path=str(shots / "3-comment-tab.png"))
                return re.sub(r"\s+", " ", text).strip()[:160] + "…"

            if list_ok:
                checks.run("comment tab of a compressed flow", comment_tab)

            def live_update() -> str:
                before = rows.count()
                expect(post(proxy_port, chat_body(3, stream=False)) == 200, "request failed")
                try:
                    page.wait_for_function(
                        f"document.querySelectorAll('.flow-table tbody tr.has-response').length > {before}", timeout=20_000)
                except Exception:
                    page.screenshot(path=str(shots / "live-update-failed.png"))
                    raise AssertionError(f"still {rows.count()} rows after 20 s; websocket "
                                         f"{page.inner_text('.connection-indicator')!r}") from None
                return f"{before} -> {rows.count()} rows without a reload"

            if list_ok:
                checks.run("live update over the websocket", live_update)

            # (c) the content view of a compressed request.
            def content_view() -> str:
                compressed_row.click()
                page.locator(".flow-detail nav a", has_text="Request").click()
                view = page.locator(".flow-detail .contentview")
                view.locator("pre").wait_for(timeout=10_000)
                page.wait_for_function("document.querySelector('.flow-detail .contentview pre').innerText.includes('sent upstream')",
                                       timeout=10_000)
                title = view.locator(".controls h5").inner_text()
                chosen = re.sub(r"\s+", " ", view.locator(".controls a", has_text="View:").inner_text()).strip()
                text = view.locator("pre").inner_text()
                page.screenshot(path=str(shots / "4-content-view.png"))
                expect("original" in title and "sent" in title and "tokens" in title, f"title {title!r}")
                expect("transforms applied:" in text and "none" not in text.split("\n", 1)[0], f"first line {text[:120]!r}")
                expect("original request" in text and "sent upstream" in text, "sections missing")
                sent, _, original = text.partition("original request")
                if "sent upstream" not in sent:  # original first
                    original, _, sent = text.partition("sent upstream")
                expect("headroom_retrieve" in sent, "the sent section has no headroom_retrieve marker")
                page.locator(".flow-detail .contentview pre div", has_text="headroom_retrieve").first.evaluate(
                    "e => e.scrollIntoView({block: 'center'})")
                page.screenshot(path=str(shots / "5-content-view-sent.png"))
                # The original's tool output, line by line: mitmweb shows 512 lines, then "Show more".
                clicks = 0
                while "original request" not in text or "test_boom" not in text.split("original request", 1)[1]:
                    more = view.locator("button", has_text="Show more")
                    expect(more.count() == 1 and clicks < 5, "the original's failing test line is not reachable")
                    more.click()
                    clicks += 1
                    page.wait_for_timeout(500)
                    text = view.locator("pre").inner_text()
                lines = [line.strip() for line in text.splitlines()]
                original_at = next(i for i, t in enumerate(lines) if "original request" in t)
                failing = next((t for t in lines[original_at:] if "FAILED" in t and "test_boom" in t), None)
                expect(failing is not None and len(failing) < 200,
                       f"the tool output is not shown line by line (longest line {max(map(len, lines)):,} chars)")
                expect(max(map(len, lines)) < 2_000, f"a line of {max(map(len, lines)):,} chars")
                width = page.evaluate("document.querySelector('.flow-detail .contentview pre').scrollWidth")
                expect(width < 5_000, f"the view is {width:,} px wide")
                page.locator(".flow-detail .contentview pre div", has_text=failing).last.evaluate(
                    "e => e.scrollIntoView({block: 'center'})")
                page.screenshot(path=str(shots / "6-content-view-original.png"))
                return (f"{title!r}, {chosen!r}; sent first, then the original: {len(lines):,} lines shown "
                        f"after {clicks} 'Show more', widest {max(map(len, lines))} chars")

            if list_ok:
                checks.run("content view 'headroom original vs sent'", content_view)

            def uncompressed() -> str:
                small_row.click()
                page.locator(".flow-detail nav a", has_text="Request").click()
                view = page.locator(".flow-detail .contentview")
                page.wait_for_function(f"(document.querySelector('.flow-detail .contentview pre') || {{}}).innerText?.includes('{UNMARKED}')",
                                       timeout=10_000)
                title = view.locator(".controls h5").inner_text()
                expect("sent upstream" not in view.inner_text(), "the uncompressed request got the headroom view")
                return f"view {title!r}"

            if list_ok:
                checks.run("uncompressed request keeps the usual view", uncompressed)

            def footer() -> str:
                text = page.inner_text("footer")
                expect(f"127.0.0.1:{proxy_port}" in text, f"footer {text!r}, proxy on 127.0.0.1:{proxy_port}")
                return re.sub(r"\s+", " ", text)

            checks.run("footer names the proxy's address", footer)

            def two_uis() -> str:
                other, _, other_url = start_proxy("proxy2", args.headroom, stub_url, work)
                procs.append(other)
                second = ctx.new_page()
                response = second.goto(other_url)
                expect(response is not None and response.status == 200, "second UI not served")
                second.wait_for_selector(".connection-indicator", timeout=10_000)
                mine = page.evaluate("fetch('/flows').then(r => r.status)")
                theirs = second.evaluate("fetch('/flows').then(r => r.status)")
                second.close()
                expect((mine, theirs) == (200, 200), f"/flows after opening a second UI: first {mine}, second {theirs}")
                return "both UIs keep answering 200"

            checks.run("two UIs in one browser", two_uis)
            ctx.close()
            browser.close()
    finally:
        for proc in reversed(procs):
            proc.stop()

    print("screenshots:")
    for shot in sorted(shots.glob("*.png")):
        print(f"  {shot}")
    failed = [name for name, ok, _ in checks.results if not ok]
    print(f"{len(checks.results) - len(failed)}/{len(checks.results)} checks passed" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
