"""Round 343: a small LSP client written here, driving language servers over stdio and printing every message in the
LSP inspector's trace layout (`[Trace - HH:MM:SS.mmm] Sending request 'initialize - (0)'.` then `Params: ` and the
JSON, indent 2), and the extractors of round 343's kinds (NEEDLES.md's "Round 343"). Run through capture_wide343.py."""

from __future__ import annotations

import datetime
import json
import os
import queue
import re
import subprocess
import threading
import time
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask

# ================================================================== the client


def _stamp() -> str:
    return datetime.datetime.now().strftime("%H:%M:%S.%f")[:-3]


class Client:
    """One server over stdio; every message sent or received appended to self.out in the inspector layout."""

    def __init__(self, cmd: list[str], root: Path, settings: dict | None = None, env: dict | None = None) -> None:
        e = dict(cm.BASE_ENV)
        e["PATH"] = os.pathsep.join(cm.PATH_PREFIX + [e.get("PATH", "")])
        e.update(env or {})
        self.p = subprocess.Popen(cmd, cwd=root, env=e, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, start_new_session=True)
        self.root, self.settings = root, settings or {}
        self.out: list[str] = []
        self.err: list[str] = []
        self.q: queue.Queue = queue.Queue()
        self.next_id = 0
        self.pending: dict[int, tuple[str, float]] = {}
        self.diag_uris: set[str] = set()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read(self) -> None:
        f = self.p.stdout
        while True:
            headers = {}
            while True:
                ln = f.readline()
                if not ln:
                    self.q.put(None)
                    return
                ln = ln.decode("ascii", "replace").strip()
                if not ln:
                    break
                k, _, v = ln.partition(":")
                headers[k.lower()] = v.strip()
            body = f.read(int(headers.get("content-length", "0")))
            try:
                self.q.put(json.loads(body))
            except ValueError:
                continue

    def _read_err(self) -> None:
        for ln in self.p.stderr:
            self.err.append(ln.decode("utf-8", "replace").rstrip())

    def _log(self, head: str, label: str, payload) -> None:
        self.out.append(f"[Trace - {_stamp()}] {head}\n{label}: {json.dumps(payload, indent=2)}\n\n")

    def _send(self, msg: dict) -> None:
        msg = {"jsonrpc": "2.0", **msg}
        data = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.p.stdin.flush()

    def request(self, method: str, params) -> int:
        i = self.next_id
        self.next_id += 1
        self.pending[i] = (method, time.time())
        self._log(f"Sending request '{method} - ({i})'.", "Params", params)
        self._send({"id": i, "method": method, "params": params})
        return i

    def notify(self, method: str, params) -> None:
        self._log(f"Sending notification '{method}'.", "Params", params)
        self._send({"method": method, "params": params})

    def _handle(self, m: dict) -> None:
        if "method" in m and "id" in m:  # a request from the server
            method = m["method"]
            self._log(f"Received request '{method} - ({m['id']})'.", "Params", m.get("params"))
            result = None
            if method == "workspace/configuration":
                result = [self._section(it.get("section")) for it in (m.get("params") or {}).get("items", [])]
            self._send({"id": m["id"], "result": result})
            self.out.append(f"[Trace - {_stamp()}] Sending response '{method} - ({m['id']})'. "
                            f"Processing request took 0ms\nResult: {json.dumps(result, indent=2)}\n\n")
        elif "method" in m:
            if m["method"] == "textDocument/publishDiagnostics":
                self.diag_uris.add(m["params"]["uri"])
            self._log(f"Received notification '{m['method']}'.", "Params", m.get("params"))
        else:
            method, t0 = self.pending.pop(m.get("id"), ("?", time.time()))
            ms = int((time.time() - t0) * 1000)
            if "error" in m:
                e = m["error"]
                self.out.append(f"[Trace - {_stamp()}] Received response '{method} - ({m.get('id')})' in {ms}ms. "
                                f"Request failed: {e.get('message')} ({e.get('code')}).\n"
                                f"Error data: {json.dumps(e, indent=2)}\n\n")
            else:
                self._log(f"Received response '{method} - ({m.get('id')})' in {ms}ms.", "Result", m.get("result"))
            self.last_response = m

    def _section(self, section):
        if not section:
            return self.settings
        cur = self.settings
        for part in section.split("."):
            if not isinstance(cur, dict) or part not in cur:
                return None
            cur = cur[part]
        return cur

    def pump(self, until, timeout: float, quiet: float = 1.5) -> None:
        """Handle messages until `until()` holds and nothing arrived for `quiet` s, or `timeout` s passed."""
        end = time.time() + timeout
        last = time.time()
        while time.time() < end:
            try:
                m = self.q.get(timeout=0.2)
            except queue.Empty:
                if until() and time.time() - last > quiet:
                    return
                continue
            if m is None:
                return
            last = time.time()
            self._handle(m)

    def call(self, method: str, params, timeout: float = 30) -> None:
        i = self.request(method, params)
        self.pump(lambda: i not in self.pending, timeout, quiet=0.3)

    def close(self) -> str:
        try:
            self.call("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.p.wait(timeout=5)
        except Exception:
            pass
        if self.p.poll() is None:
            os.killpg(self.p.pid, 9)
            self.p.wait()
        time.sleep(0.2)
        text = "".join(self.out)
        if self.err:
            text += "".join(f"[stderr] {ln}\n" for ln in self.err)
        return text


def uri(p: Path) -> str:
    return p.resolve().as_uri()


def session(cmd: list[str], root: Path, files: list[tuple[str, str]], settings: dict | None = None,
            init_options: dict | None = None, asks: list[tuple[str, int, int]] = (), wait: float = 40,
            symbols: int = 2, env: dict | None = None, stagger: bool = False) -> str:
    """initialize, open `files` (path, languageId; with `stagger`, each once the one before has its diagnostics), wait for their diagnostics, ask documentSymbol of the first
    `symbols` files and hover/definition/references at each (path, line, col) of `asks`, shut down."""
    c = Client(cmd, root, settings, env)
    params = {"processId": os.getpid(), "rootUri": uri(root), "rootPath": str(root.resolve()),
              "workspaceFolders": [{"uri": uri(root), "name": root.name}],
              "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": True},
                                                "hover": {"contentFormat": ["plaintext", "markdown"]},
                                                "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                                                "synchronization": {"didSave": True}},
                               "workspace": {"configuration": True, "workspaceFolders": True}},
              "trace": "verbose"}
    if init_options is not None:
        params["initializationOptions"] = init_options
    c.call("initialize", params, timeout=60)
    c.notify("initialized", {})
    if settings:
        c.notify("workspace/didChangeConfiguration", {"settings": settings})
    uris = []
    for rel, lang in files:
        p = root / rel
        uris.append(uri(p))
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(p), "languageId": lang, "version": 1,
                                                           "text": p.read_text()}})
        if stagger:  # a server that checks only the latest opened file (bash-language-server's debounce)
            c.pump(lambda: uris[-1] in c.diag_uris, wait / len(files), quiet=0.5)
    c.pump(lambda: all(u in c.diag_uris for u in uris), wait)
    for rel, _ in files[:symbols]:
        c.call("textDocument/documentSymbol", {"textDocument": {"uri": uri(root / rel)}})
    for rel, line, col in asks:
        pos = {"textDocument": {"uri": uri(root / rel)}, "position": {"line": line, "character": col}}
        c.call("textDocument/hover", pos)
        c.call("textDocument/definition", pos)
        c.call("textDocument/references", {**pos, "context": {"includeDeclaration": True}})
    return c.close()


# ================================================================== extractors

HEAD = re.compile(r"^\[Trace - [^\]]+\] (.*)$")


def _blocks(lines: list[str]):
    """(header line, body lines) of every message of a trace."""
    cur = None
    for ln in lines:
        if HEAD.match(ln):
            if cur:
                yield cur
            cur = (ln, [])
        elif cur is not None:
            cur[1].append(ln)
    if cur:
        yield cur


def _payload(body: list[str]):
    text = "\n".join(body).strip()
    m = re.match(r"^(Params|Result|Error data|Error):\s*", text)
    if not m:
        return None
    rest = text[m.end():]
    try:
        return json.loads(rest)
    except ValueError:
        try:
            return json.JSONDecoder().raw_decode(rest)[0]
        except ValueError:
            return None


_JSTR = r'("(?:[^"\\]|\\.)*")'


def _msg_lines(body: list[str]) -> dict:
    """message text -> the `"message": …` text holding it on one line (a pretty-printed line's own text, or the
    key and its value inside a compact JSON line), as the output spells it."""
    found: dict = {}
    for ln in body:
        for m in re.finditer(r'"message":\s*' + _JSTR, ln):
            try:
                found.setdefault(json.loads(m.group(1)), m.group(0))
            except ValueError:
                pass
    return found


def _key_line(body: list[str], key: str) -> str | None:
    """The first `"key": value` (a JSON string) as the output spells it."""
    for ln in body:
        m = re.search(f'"{key}":\\s*' + _JSTR, ln)
        if m:
            return m.group(0)
    return None


@cm.kind("lsp-trace", "log")
def n_trace(lines):
    """trace: per publishDiagnostics its uri line, every error diagnostic's message line, warnings one any per (uri, source, code); error logMessages and failed responses; serverInfo name/version"""
    out: list = []
    warn: list = []
    for head, body in _blocks(lines):
        data = _payload(body)
        if "Request failed" in head:
            out.append(head)
            out.extend(_msg_lines(body).values())
            continue
        if not isinstance(data, dict):
            continue
        if "'textDocument/publishDiagnostics'" in head and data.get("diagnostics"):
            out.append(_key_line(body, "uri"))
            ml = _msg_lines(body)
            for d in data["diagnostics"]:
                ln = ml.get(d.get("message"))
                if ln is None:
                    continue
                if d.get("severity", 1) == 1:
                    out.append(ln)
                else:
                    key = d.get("code") if d.get("code") is not None else mask(str(d.get("message")))
                    warn.append(((data.get("uri"), d.get("source"), str(key)), ln))
        elif re.search(r"'window/(logMessage|showMessage)'", head) and data.get("type") == 1:
            out.append(_key_line(body, "message"))
        elif "'initialize - (" in head and isinstance(data.get("serverInfo"), dict):
            si = data["serverInfo"]
            for k in ("name", "version"):
                if k in si:
                    out.append(next((m.group(0) for ln in body for m in re.finditer(f'"{k}":\\s*' + _JSTR, ln)
                                     if json.loads(m.group(1)) == si[k]), None))
        elif "error" in data and isinstance(data["error"], dict) and "Received response" in head:
            out.append(head)
            out.append(_key_line(body, "message"))
    out.extend(groups(warn))
    for ln in lines:
        if ln.startswith("[stderr]") and re.search(r"error|panic|Traceback|Exception", ln, re.I):
            out.append(ln)
    out.extend(exit_lines(lines))
    return out


def _named(name: str, family: str, fn):
    return cm.named(name, family, fn.__doc__, fn)


def exit_lines(lines):
    return [ln for ln in lines if re.match(r"^EXIT=[1-9]\d*$", ln.strip())]


def _errs(lines):
    return [ln for ln in lines if re.search(r"\berror\b|panic:|gopls: ", ln, re.I) and not re.match(r"^\S+:\d+:\d+", ln)]


def _gopls_check(lines):
    """every diagnostic line path:line:col: message, every error line, EXIT≠0"""
    return [ln for ln in lines if re.match(r"^\S+\.go:\d+:\d+(?:-\d+(?::\d+)?)?: ", ln)] + _errs(lines) + exit_lines(lines)


def _gopls_refs(lines):
    """every location line (the answer), every error line, EXIT≠0"""
    return [ln for ln in lines if re.match(r"^\S+:\d+:\d+", ln)] + _errs(lines) + exit_lines(lines)


def _gopls_symbols(lines):
    """every unindented symbol line; indented members one any per parent; error lines; EXIT≠0"""
    out, kids, parent = [], [], None
    for ln in lines:
        if not ln.strip() or ln.startswith("EXIT=") or _errs([ln]):
            continue
        if ln[0] in " \t":
            kids.append((parent, ln))
        else:
            parent = ln
            out.append(ln)
    return out + groups(kids) + _errs(lines) + exit_lines(lines)


def _gopls_calls(lines):
    """every caller[N]:, identifier: and callee[N]: line; error lines; EXIT≠0"""
    return [ln for ln in lines if re.match(r"^\s*(caller\[\d+\]|callee\[\d+\]|identifier):", ln)] + _errs(lines) + \
        exit_lines(lines)


def _gopls_def(lines):
    """the first line; rename diff ---/+++ and @@ headers; error lines; EXIT≠0"""
    first = next((ln for ln in lines if ln.strip() and not ln.startswith("$ ")), None)
    return [first] + [ln for ln in lines if re.match(r"^(---|\+\+\+|@@) ", ln)] + _errs(lines) + exit_lines(lines)


N_GOPLS_CHECK = _named("gopls-check", "lint", _gopls_check)
N_GOPLS_REFS = _named("gopls-references", "search", _gopls_refs)
N_GOPLS_SYMBOLS = _named("gopls-symbols", "listing", _gopls_symbols)
N_GOPLS_CALLS = _named("gopls-call-hierarchy", "search", _gopls_calls)
N_GOPLS_DEF = _named("gopls-definition-hover", "code", _gopls_def)
_TRACE_DOC = n_trace.__doc__
TRACE = {k: cm.named(k, "log", _TRACE_DOC, n_trace) for k in (
    "lsp-trace-pylsp", "lsp-trace-typescript-language-server", "lsp-trace-bash-language-server",
    "lsp-trace-yaml-language-server", "lsp-trace-vscode-json-language-server", "lsp-trace-vscode-css-language-server",
    "gopls-rpc-trace")}
