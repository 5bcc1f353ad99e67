#!/usr/bin/env python3
"""Corpus round 768: static security and secret scanners in output formats the corpus lacks, on a rope walk's
generated repository (a Python package and a Node/Express app with insecure code and clearly fake keys put in).

Tools (PyPI, venv /dev/shm/hm-corpus-wide768/venv): semgrep 1.172.0 (the version njsscan 1.0.2 resolves; local rule
file only, --metrics=off), njsscan 1.0.2 (libsast 3.1.10), bandit 1.9.4 with bandit-formatter-junit 0.2.0,
detect-secrets 1.5.0, dodgy 0.2.1; (npm, /dev/shm/hm-corpus-wide768/npm) eslint 9.39.5 with eslint-plugin-security
4.1.0 and eslint-plugin-no-secrets 2.3.3. Everything runs offline.
New kinds: semgrep-emacs, semgrep-vim, semgrep-json, semgrep-sarif, semgrep-junit-xml, semgrep-gitlab-sast, njsscan,
njsscan-json, njsscan-sarif, njsscan-sonarqube, bandit-junit, bandit-html, eslint-security, eslint-json-with-metadata;
kinds the corpus holds (semgrep, detect-secrets-scan, detect-secrets-audit-report, dodgy) use their earlier extractors.

Needle rules: NEEDLES.md's "Round 768" section. Run with the project's .venv/bin/python; never runs the compressor.
Usage: /work/main/.venv/bin/python scripts/corpus/capture_wide768.py [--out PATH] [--keep] [--only step,...]
Writes: scripts/corpus/data/wide768.json, ids prefixed "wide768-"
"""
from __future__ import annotations

import base64
import json
import os
import random
import re
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide13_pkgs import n_semgrep  # noqa: E402
from capture_wide34_py import N_DETECT_SECRETS  # noqa: E402
from capture_wide375 import n_ds_report  # noqa: E402

ID_PREFIX = "wide768-"
DEFAULT_OUT = HERE / "data" / "wide768.json"
TOOLS = Path("/dev/shm/hm-corpus-wide768")
TMP = Path("/dev/shm/hm-corpus-wide768-run")
SEED = 76810
PY_TOOLS = ["semgrep", "bandit==1.9.4", "bandit-formatter-junit==0.2.0", "detect-secrets==1.5.0", "dodgy==0.2.1",  # installed; dodgy found nothing in the material, its item was dropped
           
            "njsscan==1.0.2"]
NPM_PKGS = ["eslint@9", "eslint-plugin-security@4.1.0", "eslint-plugin-no-secrets@2.3.3"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap


# ------------------------------------------------------------------ helpers: JSON lines as json.tool prints them

def _docs(lines) -> list:
    text = "\n".join(lines)
    i = min([p for p in (text.find("{"), text.find("[")) if p >= 0], default=-1)
    if i < 0:
        return []
    try:
        obj = json.JSONDecoder().raw_decode(text[i:])[0]
    except ValueError:
        return []
    return obj if isinstance(obj, list) else [obj]


def _kv(key: str, val) -> str:
    return f'"{key}": {json.dumps(val)}'


def _line(lines, s: str) -> str:
    """The needle for the line holding `s`: that line stripped, within its first 200 characters."""
    for ln in lines:
        if s in ln:
            return ln[:200].strip()
    return s[:200]


# ------------------------------------------------------------------ semgrep (and njsscan) formats

_HIGH = {"error", "e", "high", "critical", "blocker"}
_SUMMARY = re.compile(r"^\s*• (Findings|Rules run|Targets scanned|Parsed lines):|^Ran \d+ rules? on \d+ files?|"
                      r"Scan (completed|was limited|failed)|^\s*✅|^\s*❌")
_ERRLINE = re.compile(r"\[ERROR\]|\bError:|Syntax error", re.I)


def _semgrep_lines(pat: str):
    rx = re.compile(pat)

    def f(lines):
        out, pairs = [], []
        for ln in lines:
            m = rx.match(ln)
            if m:
                lvl, rule, path = m.group("lvl"), m.group("rule"), m.group("path")
                if lvl.lower() in _HIGH:
                    out.append(ln)
                else:
                    pairs.append(((rule, path), ln))
            elif _SUMMARY.search(ln) or _ERRLINE.search(ln):
                out.append(ln)
        return out + groups(pairs)
    return f


@kind("semgrep-emacs", "lint")
def n_sg_emacs(lines):
    """every error(rule) finding line; others one any per (rule, file); semgrep's error lines; the summary lines"""
    return _semgrep_lines(r"^(?P<path>[^\s:]+):\d+:\d+:(?P<lvl>\w+)\((?P<rule>[^)]+)\):")(lines)


@kind("semgrep-vim", "lint")
def n_sg_vim(lines):
    """every E finding line; W/I lines one any per (rule, file); semgrep's error lines; the summary lines"""
    return _semgrep_lines(r"^(?P<path>[^\s:]+):\d+:\d+:(?P<lvl>[EWI]):(?P<rule>[^:]+):")(lines)


@kind("semgrep-json", "json")
def n_sg_json(lines):
    """per ERROR result its check_id, path and message lines; other results one any per (check_id, path) over their message lines; every errors entry's message and path lines"""
    out, pairs = [], []
    for doc in _docs(lines):
        for r in doc.get("results", []):
            msg = _line(lines, _kv("message", r["extra"].get("message", ""))[:150])
            if r["extra"].get("severity", "").lower() in _HIGH:
                out += [_line(lines, _kv("check_id", r["check_id"])), _line(lines, _kv("path", r["path"])), msg]
            else:
                pairs.append(((r["check_id"], r["path"]), msg))
        for e in doc.get("errors", []):
            if e.get("message"):
                out.append(_line(lines, _kv("message", e["message"])[:120]))
            if e.get("path"):
                out.append(_line(lines, _kv("path", e["path"])))
    return list(dict.fromkeys(out)) + groups(pairs)


def _sarif(lines):
    out, pairs = [], []
    for doc in _docs(lines):
        for run in doc.get("runs", []):
            levels = {r.get("id"): (r.get("defaultConfiguration") or {}).get("level", "warning")
                      for r in (run.get("tool", {}).get("driver", {}).get("rules") or [])}
            for res in run.get("results", []):
                rid = res.get("ruleId")
                lvl = res.get("level") or levels.get(rid, "warning")
                txt = (res.get("message") or {}).get("text", "")
                loc = (res.get("locations") or [{}])[0].get("physicalLocation", {})
                uri = loc.get("artifactLocation", {}).get("uri", "")
                snip = ((loc.get("region") or {}).get("snippet") or {}).get("text")
                if lvl in _HIGH:
                    out += [_line(lines, _kv("ruleId", rid)), _line(lines, _kv("uri", uri)),
                            _line(lines, _kv("text", txt)[:150])]
                else:
                    pairs.append(((rid, uri), _line(lines, _kv("text", txt)[:150])))
                    if snip:
                        pairs.append(((rid, uri), _line(lines, _kv("text", snip)[:150])))
            for inv in run.get("invocations", []):
                for n in inv.get("toolExecutionNotifications", []):
                    t = (n.get("message") or {}).get("text")
                    if t:
                        out.append(_line(lines, _kv("text", t)[:120]))
    return list(dict.fromkeys(out)) + groups(pairs)


_SARIF_DOC = ("per error-level result (its level, else its rule's default) its ruleId, uri and message text lines; "
              "others one any per (ruleId, uri) over message and snippet text lines; tool notification text lines")
n_sg_sarif = cm.named("semgrep-sarif", "lint", _SARIF_DOC, _sarif)
n_nj_sarif = cm.named("njsscan-sarif", "lint", _SARIF_DOC, _sarif)


@kind("semgrep-junit-xml", "test")
def n_sg_junit(lines):
    """the testsuites/testsuite count lines; per ERROR failure its testcase line and failure line; other failures one any per (rule, file) over their testcase lines"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<testsuites?\b", ln):
            out.append(ln)
        m = re.match(r'^\s*<testcase [^>]*name="([^"]*)"[^>]*file="([^"]*)"', ln)
        if not m:
            continue
        fl = next((x for x in lines[i:i + 4] if "<failure" in x), "")
        t = re.search(r'type="(\w+)"', fl)
        if t and t.group(1).lower() in _HIGH:
            out += [ln, fl]
        else:
            pairs.append(((m.group(1), m.group(2)), ln))
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("semgrep-gitlab-sast", "json")
def n_sg_gitlab(lines):
    """per High/Critical vulnerability its cve, message and file lines; others one any per (rule, file) over their cve and message lines; the scan status line"""
    out, pairs = [], []
    for doc in _docs(lines):
        st = (doc.get("scan") or {}).get("status")
        if st:
            out.append(_line(lines, _kv("status", st)))
        for v in doc.get("vulnerabilities", []):
            cve, fpath = v.get("cve", ""), (v.get("location") or {}).get("file", "")
            rule = cve.rsplit(":", 1)[-1]
            msg = _line(lines, _kv("message", v.get("message", ""))[:150])
            if str(v.get("severity", "")).lower() in _HIGH:
                out += [_line(lines, _kv("cve", cve)), msg, _line(lines, _kv("file", fpath))]
            else:
                pairs += [((rule, fpath), _line(lines, _kv("cve", cve))), ((rule, fpath), msg)]
    return list(dict.fromkeys(out)) + groups(pairs)


# ------------------------------------------------------------------ njsscan

def _cell(ln: str, name: str):
    m = re.match(r"^[│\s]*" + re.escape(name) + r"\s*│\s*(.*?)\s*│", ln)
    return m.group(1) if m else None


@kind("njsscan", "lint")
def n_njsscan(lines):
    """per block its RULE ID row; ERROR blocks also every File and Line Number(s) row; other blocks one any per (rule, file) over that file's File and Line Number(s) rows and the RULE ID row"""
    out, pairs = [], []
    blocks, cur = [], None
    for ln in lines:
        if _cell(ln, "RULE ID") is not None:
            cur = {"rule": _cell(ln, "RULE ID"), "line": ln, "sev": "", "rows": []}
            blocks.append(cur)
        elif cur is not None:
            if _cell(ln, "SEVERITY") is not None:
                cur["sev"] = _cell(ln, "SEVERITY")
            m = re.match(r"^│\s+│ │ (File|Line Number\(s\))\s*│\s*(.*?)\s*│", ln)
            if m:
                cur["rows"].append((m.group(1), m.group(2), ln))
    for b in blocks:
        out.append(b["line"][:200])
        fname = None
        for what, val, ln in b["rows"]:
            if what == "File":
                fname = val
            if b["sev"].lower() in _HIGH:
                out.append(ln[:200])
            else:
                pairs.append(((b["rule"], fname), ln[:200]))
                if what == "File":
                    pairs.append(((b["rule"], fname), b["line"][:200]))
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("njsscan-json", "json")
def n_nj_json(lines):
    """per ERROR rule key its key line and each file's file_path and match_string lines; other rules one any per (rule, file) over match_string lines; every errors entry"""
    out, pairs = [], []
    for doc in _docs(lines):
        for sect in ("nodejs", "templates"):
            for rid, body in (doc.get(sect) or {}).items():
                high = str((body.get("metadata") or {}).get("severity", "")).lower() in _HIGH
                if high:
                    out.append(_line(lines, f'"{rid}": {{'))
                for f in body.get("files", []):
                    ms = _line(lines, _kv("match_string", f.get("match_string", ""))[:150])
                    if high:
                        out += [_line(lines, _kv("file_path", f.get("file_path"))), ms]
                    else:
                        pairs.append(((rid, f.get("file_path")), ms))
        for e in doc.get("errors") or []:
            out.append(_line(lines, json.dumps(e)[:120] if not isinstance(e, dict) else
                             _kv(next(iter(e)), e[next(iter(e))])[:120]))
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("njsscan-sonarqube", "json")
def n_nj_sonar(lines):
    """per BLOCKER/CRITICAL issue its ruleId, filePath and message lines; others one any per (ruleId, filePath) over their message lines"""
    out, pairs = [], []
    for doc in _docs(lines):
        for iss in doc.get("issues", []):
            loc = iss.get("primaryLocation") or {}
            msg = _line(lines, _kv("message", loc.get("message", ""))[:150])
            if str(iss.get("severity", "")).lower() in _HIGH:
                out += [_line(lines, _kv("ruleId", iss.get("ruleId"))), _line(lines, _kv("filePath", loc.get("filePath"))),
                        msg]
            else:
                pairs.append(((iss.get("ruleId"), loc.get("filePath")), msg))
    return list(dict.fromkeys(out)) + groups(pairs)


# ------------------------------------------------------------------ bandit's JUnit and HTML

@kind("bandit-junit", "test")
def n_bandit_junit(lines):
    """the testsuite count line; per type="HIGH" error its testcase tag and Location path:L; others one any per (test id, file) over their Location path:L"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<testsuite\b", ln):
            out.append(ln[:200].strip())
        for m in re.finditer(r'(<testcase classname="([^"]*)" name="([^"]*)">)<error [^>]*type="(\w+)"[^>]*>Test ID: (\w+)',
                             ln):
            loc = next((x for x in lines[i + 1:i + 8] if re.match(r"^Location \S+?:\d+", x)), None)
            if loc is None:
                continue
            loc = re.match(r"^Location \S+?:\d+", loc).group(0)
            if m.group(4) == "HIGH":
                out += [m.group(1), loc]
            else:
                pairs.append(((m.group(5), m.group(2)), loc))
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("bandit-html", "doc")
def n_bandit_html(lines):
    """the metrics lines; per issue-sev-high block its name: message line, File line and flagged source line; other blocks one any per (test id, file) over their flagged source lines"""
    out, pairs = [], []
    for ln in lines:
        if re.match(r"^\s*Total lines (of code|skipped)", ln):
            out.append(ln.strip())
    i = 0
    while i < len(lines):
        m = re.search(r'class="issue-block issue-sev-(\w+)"', lines[i])
        if not m:
            i += 1
            continue
        sev, head, tid, fline, fname, lno, src = m.group(1), None, None, None, None, None, None
        j = i + 1
        while j < len(lines) and "issue-block" not in lines[j]:
            s = lines[j]
            if head is None and re.match(r"^\s*<b>\w+: </b>", s):
                head = s
            t = re.search(r"<b>Test ID:</b> (\w+)", s)
            if t:
                tid = t.group(1)
            if "<b>File: </b>" in s:
                fline = s
                fm = re.search(r">([^<]+)</a>", s)
                fname = fm.group(1) if fm else s
            ln_m = re.search(r"<b>Line number: </b>(\d+)", s)
            if ln_m:
                lno = ln_m.group(1)
            if lno and src is None and re.match(rf"^{lno}\t", s):
                src = s
            j += 1
        if src is not None:
            if sev == "high":
                out += [x.strip()[:200] for x in (head, fline, src) if x]
            else:
                pairs.append(((tid, fname), src[:200]))
        i = j
    return list(dict.fromkeys(out)) + groups(pairs)


# ------------------------------------------------------------------ eslint with the security plugins

@kind("eslint-security", "lint")
def n_eslint_security(lines):
    """every error row with its file header line; warning rows one any per (rule, file); the problems summary line"""
    out, pairs, hdr = [], [], None
    for ln in lines:
        if re.match(r"^/\S+|^[\w.][\w./-]*\.(js|cjs|mjs)$", ln):
            hdr = ln
            continue
        m = re.match(r"^\s+\d+:\d+\s+(error|warning)\s+.*?(\S+)?\s*$", ln)
        if m:
            if m.group(1) == "error":
                out += [hdr, ln] if hdr else [ln]
            else:
                rule = ln.split()[-1]
                pairs.append(((rule, hdr), ln))
        elif re.match(r"^\s*✖ \d+ problems?", ln):
            out.append(ln)
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("eslint-json-with-metadata", "json")
def n_eslint_jwm(lines):
    """per severity-2 message its message line and its file's filePath line; severity-1 messages one any per (ruleId, file) over their message lines; each non-zero errorCount line"""
    out, pairs = [], []
    for doc in _docs(lines):
        for r in doc.get("results", []):
            fp = _line(lines, _kv("filePath", r["filePath"]))
            if r.get("errorCount"):
                out.append(fp)
            for msg in r.get("messages", []):
                ml = _line(lines, _kv("message", msg.get("message", ""))[:150])
                if msg.get("severity") == 2:
                    out += [fp, ml]
                else:
                    pairs.append(((msg.get("ruleId"), r["filePath"]), ml))
    # errorCount lines sit after their file's messages; json.tool prints them as "errorCount": N,
    ec = [ln.strip() for ln in lines if re.match(r'^\s*"errorCount": [1-9]', ln)]
    return list(dict.fromkeys(out + ec)) + groups(pairs)


# ------------------------------------------------------------------ material: a rope walk

WORDS = ["hemp", "strand", "yarn", "walk", "hank", "tar", "kettle", "hook", "whirl", "top", "sledge", "jack",
         "reel", "coil", "hawser", "cable", "lay", "twist", "spinner", "hatchel", "tow", "fibre", "warp", "marline"]


def _names(rng, n, sep):
    out = []
    while len(out) < n:
        w = f"{rng.choice(WORDS)}{sep}{rng.choice(WORDS)}"
        if w not in out and w.split(sep)[0] != w.split(sep)[1]:
            out.append(w)
    return out


def _fake(rng, n, alphabet=string.ascii_letters + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


PY_FAULTS = [
    ["    subprocess.call(\"twist --strand \" + strand, shell=True)"],
    ["    os.system(\"tar-kettle --heat %s\" % strand)"],
    ["    return eval(spec)"],
    ["    exec(\"hank_{i} = \" + spec)"],
    ["    state = pickle.loads(blob)", "    strand = state.get('strand', strand)"],
    ["    cfg = yaml.load(open(path))", "    strand = cfg['strand']"],
    ["    digest = hashlib.md5(strand.encode()).hexdigest()"],
    ["    digest = hashlib.sha1(strand.encode()).hexdigest()"],
    ["    cur.execute(\"SELECT * FROM hanks WHERE walker = '%s'\" % walker)"],
    ["    cur.execute(f\"DELETE FROM yarns WHERE lot = {{lot}}\")"],
    ["    requests.get(\"https://walk.example.invalid/lay/\" + strand, verify=False, timeout=5)"],
    ["    path = tempfile.mktemp(suffix=\".tar\")"],
    ["    password = \"hemp-FAKE-password-{i}\""],
    ["    sock.bind((\"0.0.0.0\", 9000 + {i}))"],
    ["    os.chmod(path, 0o777)"],
    ["    assert walker, \"no ropewalker on the walk\""],
    ["    try:", "        os.remove(path)", "    except Exception:", "        pass"],
    ["    token = random.randint(0, 10 ** 6)"],
]

PY_HEAD = ["import hashlib", "import os", "import pickle", "import random", "import socket", "import sqlite3",
           "import subprocess", "import tempfile", "", "import requests", "import yaml", ""]


def py_module(rng, stem: str) -> str:
    out = [f'"""The rope walk\'s {stem.replace("_", " ")} module."""', *PY_HEAD,
           "sock = socket.socket()", "cur = sqlite3.connect(':memory:').cursor()", ""]
    for i in range(rng.randint(3, 7)):
        fn = f"{rng.choice(['lay', 'twist', 'spin', 'tar', 'reel', 'hatchel', 'coil'])}_{stem}_{i}"
        out.append(f"def {fn}(strand, spec='1', blob=b'', path='/walk/{stem}.yml', walker='', lot=0):")
        out.append(f'    """{fn.replace("_", " ")}."""')
        for k in rng.sample(range(len(PY_FAULTS)), rng.randint(1, 3)):
            out += [x.replace("{i}", str(i)) for x in PY_FAULTS[k]]
        out += ["    return strand", "", ""]
    return "\n".join(out).rstrip() + "\n"


JS_FAULTS = [
    ["  cp.exec('strand-twist --lot ' + req.query.lot, (err, out) => res.send(String(out)));"],
    ["  const spec = eval(req.body.spec);", "  res.json({ spec });"],
    ["  const f = new Function('yarn', req.body.expr);", "  res.json({ out: f(1) });"],
    ["  res.send('<h1>' + req.query.walker + '</h1>');"],
    ["  const digest = crypto.createHash('md5').update(req.query.yarn).digest('hex');", "  res.json({ digest });"],
    ["  const tok = jwt.sign({ walker: req.query.walker }, 'hemp-FAKE-jwt-secret-{i}');", "  res.json({ tok });"],
    ["  db.query('SELECT * FROM hanks WHERE walker = ' + req.params.walker, (e, rows) => res.json(rows));"],
    ["  fs.readFile('/walk/logs/' + req.query.file, 'utf8', (e, d) => res.send(d));"],
    ["  const rx = new RegExp(req.query.pattern);", "  res.json({ ok: rx.test('hawser') });"],
    ["  const token = Math.random().toString(36).slice(2);", "  res.cookie('walk', token);"],
    ["  const apiKey = '{secret}';", "  res.set('X-Walk-Key', apiKey);"],
    ["  hank[req.query.field] = req.body.value;", "  res.json(hank);"],
    ["  res.redirect(req.query.next);"],
]

JS_HEAD = ["'use strict';", "const express = require('express');", "const cp = require('child_process');",
           "const crypto = require('crypto');", "const fs = require('fs');", "const jwt = require('jsonwebtoken');",
           "const db = require('../db');", "", "const router = express.Router();", "const hank = {};", ""]


def js_module(rng, stem: str) -> str:
    out = [f"// The rope walk's {stem} routes", *JS_HEAD]
    for i in range(rng.randint(3, 7)):
        route = f"/{stem}/{rng.choice(WORDS)}-{i}"
        verb = rng.choice(["get", "get", "post"])
        out.append(f"router.{verb}('{route}', function (req, res) {{")
        for k in rng.sample(range(len(JS_FAULTS)), rng.randint(1, 3)):
            out += [x.replace("{i}", str(i)).replace("{secret}", "FAKE" + _fake(rng, 28)) for x in JS_FAULTS[k]]
        out += ["});", ""]
    out.append("module.exports = router;")
    return "\n".join(out) + "\n"


SEMGREP_RULES = """rules:
- id: py-subprocess-shell-true
  languages: [python]
  severity: ERROR
  message: subprocess run through the shell with $ARG
  pattern: subprocess.$F($ARG, ..., shell=True, ...)
- id: py-os-system
  languages: [python]
  severity: ERROR
  message: os.system with a built command $CMD
  pattern: os.system($CMD)
- id: py-eval-exec
  languages: [python]
  severity: ERROR
  message: dynamic code execution of $X
  pattern-either:
    - pattern: eval($X)
    - pattern: exec($X)
- id: py-pickle-loads
  languages: [python]
  severity: ERROR
  message: pickle.loads of untrusted bytes $B
  pattern: pickle.loads($B)
- id: py-yaml-load
  languages: [python]
  severity: WARNING
  message: yaml.load without a safe Loader
  pattern: yaml.load($X)
- id: py-weak-hash
  languages: [python]
  severity: WARNING
  message: weak hash hashlib.$H for a strand digest
  pattern-either:
    - pattern: hashlib.md5(...)
    - pattern: hashlib.sha1(...)
  metavariable-regex: {metavariable: $H, regex: (md5|sha1)}
- id: py-sql-string
  languages: [python]
  severity: ERROR
  message: SQL built from a string in $CUR.execute
  pattern-either:
    - pattern: $CUR.execute("..." % $X)
    - pattern: $CUR.execute(f"...")
    - pattern: $CUR.execute("..." + $X)
- id: py-requests-no-verify
  languages: [python]
  severity: WARNING
  message: TLS verification switched off in requests.$M
  pattern: requests.$M(..., verify=False, ...)
- id: py-mktemp
  languages: [python]
  severity: INFO
  message: tempfile.mktemp is racy
  pattern: tempfile.mktemp(...)
- id: py-hardcoded-password
  languages: [python]
  severity: WARNING
  message: hard-coded password in $V
  patterns:
    - pattern: $V = "..."
    - metavariable-regex: {metavariable: $V, regex: (?i).*(password|secret|token).*}
- id: py-bind-all
  languages: [python]
  severity: INFO
  message: socket bound to every interface
  pattern: $S.bind(("0.0.0.0", $P))
- id: py-chmod-777
  languages: [python]
  severity: WARNING
  message: world-writable mode on $P
  pattern: os.chmod($P, 0o777)
- id: js-child-process-exec
  languages: [javascript]
  severity: ERROR
  message: child_process exec of a concatenated command
  pattern: $CP.exec($A + $B, ...)
- id: js-eval
  languages: [javascript]
  severity: ERROR
  message: eval of request data $X
  pattern: eval($X)
- id: js-new-function
  languages: [javascript]
  severity: WARNING
  message: new Function built from request data
  pattern: new Function(...)
- id: js-reflected-input
  languages: [javascript]
  severity: ERROR
  message: request input $REQ.query.$P written to the response
  pattern-either:
    - pattern: $RES.send(<... $REQ.query.$P ...>)
    - pattern: $RES.redirect($REQ.query.$P)
- id: js-weak-hash
  languages: [javascript]
  severity: WARNING
  message: weak hash in crypto.createHash
  pattern-either:
    - pattern: crypto.createHash('md5')
    - pattern: crypto.createHash('sha1')
- id: js-jwt-hardcoded-secret
  languages: [javascript]
  severity: ERROR
  message: jwt.sign with a hard-coded secret
  pattern: jwt.sign($P, "...", ...)
- id: js-sql-concat
  languages: [javascript]
  severity: ERROR
  message: SQL built by concatenation in $DB.query
  pattern: $DB.query("..." + $X, ...)
- id: js-fs-request-path
  languages: [javascript]
  severity: WARNING
  message: fs path built from request input
  pattern: fs.$F("..." + $REQ.query.$P, ...)
- id: js-nonliteral-regexp
  languages: [javascript]
  severity: INFO
  message: RegExp built from $X
  patterns:
    - pattern: new RegExp($X)
    - pattern-not: new RegExp("...")
- id: js-math-random-token
  languages: [javascript]
  severity: INFO
  message: Math.random used for a token
  pattern: Math.random()
"""

BROKEN_RULES = """rules:
- id: py-bad-rule
  languages: [python]
  severity: FATAL
  message: a rule with an unknown severity
  pattern: os.popen($X)
- id: js-bad-pattern
  languages: [javascript]
  severity: ERROR
  message: a rule whose pattern does not parse
  pattern: res.send(((
"""

ESLINT_CONFIG = """const security = require('{n}/eslint-plugin-security');
const noSecrets = require('{n}/eslint-plugin-no-secrets');
module.exports = [
  security.configs.recommended,
  {{ plugins: {{ 'no-secrets': noSecrets }}, rules: {{ 'no-secrets/no-secrets': 'error' }},
    languageOptions: {{ sourceType: 'commonjs', ecmaVersion: 2022 }} }},
];
"""


def _jwt(rng) -> str:
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")  # noqa: E731
    return enc({"alg": "HS256", "typ": "JWT"}) + "." + enc({"sub": "ropewalker-FAKE", "walk": 768}) + ".FAKE" + \
        _fake(rng, 38, string.ascii_letters + string.digits + "-_")


def secrets_files(rng) -> dict:
    return {
        "config/walk.env": "\n".join([
            "WALK_NAME=long-walk", "AWS_ACCESS_KEY_ID=AKIAFAKEROPEWALK7681",
            "AWS_SECRET_ACCESS_KEY=FAKE" + _fake(rng, 36, string.ascii_letters + string.digits + "/+"),
            "TAR_KETTLE_PASSWORD=hemp-FAKE-kettle-pass", "GITHUB_TOKEN=ghp_FAKE" + _fake(rng, 32),
            "SLACK_TOKEN=xoxb-000000000000-000000000000-FAKE" + _fake(rng, 20), ""]),
        "config/settings.yaml": "\n".join([
            "walk:", "  length_fathoms: 300", "  spinners: 12", "database:", "  url: postgres://walker:hemp-FAKE-db@db/walk",
            "  password: 'FAKE" + _fake(rng, 24) + "'", "api:", "  jwt: " + _jwt(rng),
            "  hex_key: FAKE" + _fake(rng, 40, "0123456789abcdef"), ""]),
        "deploy/publish.sh": "\n".join([
            "#!/bin/sh", "# push the hawser tables to the store", "curl -u ropewalker:hemp-FAKE-pw https://store.invalid/up",
            "export STORE_KEY=FAKE" + _fake(rng, 32, string.ascii_letters + string.digits + "+/"), ""]),
        "deploy/keys/walk.pem": "-----BEGIN RSA PRIVATE KEY-----\nFAKEFAKEFAKE" + _fake(rng, 52) +
        "\n-----END RSA PRIVATE KEY-----\n",
        "config/yard.ini": "[yard]\nforeman = jack\npassword = hemp-FAKE-yard-{}\napi_token = FAKE{}\n".format(
            rng.randint(100, 999), _fake(rng, 30)),
    }


def make_repo(root: Path, seed: int) -> dict:
    rng = random.Random(seed)
    names: dict = {}
    pkg = root / "py" / "ropewalk"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""ropewalk: the rope walk\'s tools."""\n')
    names["py"] = []
    for i, stem in enumerate(_names(rng, 30, "_")):
        p = f"py/ropewalk/{stem}.py"
        (root / p).write_text(py_module(rng, stem))
        names["py"].append(p)
    (root / "py" / "scraps").mkdir(parents=True, exist_ok=True)
    (root / "py/scraps/broken_lay.py").write_text("def lay(strand:\n    return eval(strand)\n")
    names["js"] = []
    (root / "js" / "src").mkdir(parents=True, exist_ok=True)
    (root / "js/db.js").write_text("module.exports = { query: (q, cb) => cb(null, []) };\n")
    for i, stem in enumerate(_names(rng, 26, "-")):
        p = f"js/src/{stem}.js"
        (root / p).write_text(js_module(rng, stem))
        names["js"].append(p)
    (root / "js" / "scraps").mkdir(parents=True, exist_ok=True)
    (root / "js/scraps/broken-walk.js").write_text("router.get('/walk', function (req, res) {\n  eval(req.query.x\n});\n")
    (root / "js/eslint.config.js").write_text(ESLINT_CONFIG.format(n=TOOLS / "npm" / "node_modules"))
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules/ropewalk.yml").write_text(SEMGREP_RULES)
    (root / "rules/broken.yml").write_text(BROKEN_RULES)
    for p, body in secrets_files(rng).items():
        (root / p).parent.mkdir(parents=True, exist_ok=True)
        (root / p).write_text(body)
    return names


ENV = {"HOME": str(TMP), "NO_COLOR": "1", "FORCE_COLOR": "0", "SEMGREP_ENABLE_VERSION_CHECK": "0",
       "SEMGREP_SEND_METRICS": "off", "TERM": "dumb", "COLUMNS": "160"}


def ensure_tools() -> None:
    cm.install_venv(TOOLS / "venv", "njsscan", PY_TOOLS)
    cm.install_npm(TOOLS / "npm", ".bin/eslint", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "venv" / "bin"), str(TOOLS / "npm" / "node_modules" / ".bin")]


def repo(tmp: Path):
    root = tmp / "ropewalk"
    if not hasattr(repo, "names"):
        repo.names = make_repo(root, SEED)
    return root, repo.names


def _c(item, cmd, cwd, ext, timeout=400):
    cap(item, cmd, cwd, ext, timeout=timeout, env=ENV)


def _j(files):
    return " ".join(files)


SG = "semgrep --metrics=off --disable-version-check --config rules/ropewalk.yml"
JT = "python3 -m json.tool"
PRETTY = "python3 -c \"import sys, xml.dom.minidom as m; print(m.parseString(sys.stdin.read()).toprettyxml(indent='  '))\""


def semgrep(tmp: Path) -> None:
    root, n = repo(tmp)
    p, j = n["py"], n["js"]
    _c("semgrep-emacs-py-four", f"{SG} --emacs {_j(p[0:4])}", root, n_sg_emacs)
    _c("semgrep-emacs-js-three", f"{SG} --emacs {_j(j[0:3])}", root, n_sg_emacs)
    _c("semgrep-emacs-tree", f"{SG} --emacs py js/src 2>&1", root, n_sg_emacs)
    _c("semgrep-vim-py-six", f"{SG} --vim {_j(p[4:10])} py/scraps/broken_lay.py", root, n_sg_vim)
    _c("semgrep-vim-js-all", f"{SG} --vim js", root, n_sg_vim)
    _c("semgrep-vim-one", f"{SG} --vim {j[5]}", root, n_sg_vim)
    _c("semgrep-json-py-three", f"{SG} --json {_j(p[10:13])} 2>/dev/null | {JT}", root, n_sg_json)
    _c("semgrep-json-js-two", f"{SG} --json {_j(j[3:5])} 2>/dev/null | {JT}", root, n_sg_json)
    _c("semgrep-json-scraps", f"{SG} --json py/scraps js/scraps {p[13]} 2>/dev/null | {JT}", root, n_sg_json)
    _c("semgrep-json-broken-rules", "semgrep --metrics=off --disable-version-check --config rules/broken.yml "
       f"--json {p[14]} 2>/dev/null | {JT}", root, n_sg_json)
    _c("semgrep-sarif-py-two", f"{SG} --sarif {_j(p[15:17])} 2>/dev/null | {JT}", root, n_sg_sarif)
    _c("semgrep-sarif-js-three", f"{SG} --sarif {_j(j[6:9])} 2>/dev/null | {JT}", root, n_sg_sarif)
    _c("semgrep-sarif-one", f"{SG} --sarif {p[17]} 2>/dev/null | {JT}", root, n_sg_sarif)
    _c("semgrep-junit-py-five", f"{SG} --junit-xml {_j(p[18:23])} 2>/dev/null | {PRETTY}", root, n_sg_junit)
    _c("semgrep-junit-js-four", f"{SG} --junit-xml {_j(j[9:13])} 2>/dev/null | {PRETTY}", root, n_sg_junit)
    _c("semgrep-junit-one", f"{SG} --junit-xml {j[13]} 2>/dev/null | {PRETTY}", root, n_sg_junit)
    _c("semgrep-gitlab-py-two", f"{SG} --gitlab-sast {_j(p[23:25])} 2>/dev/null | {JT}", root, n_sg_gitlab)
    _c("semgrep-gitlab-js-three", f"{SG} --gitlab-sast {_j(j[14:17])} 2>/dev/null | {JT}", root, n_sg_gitlab)
    _c("semgrep-gitlab-one", f"{SG} --gitlab-sast {p[25]} 2>/dev/null | {JT}", root, n_sg_gitlab)
    _c("semgrep-text-py-three", f"{SG} {_j(p[26:29])}", root, n_semgrep)
    _c("semgrep-text-py-one", f"{SG} {p[29]} 2>&1", root, n_semgrep)


NJ = "njsscan"


def njsscan(tmp: Path) -> None:
    root, n = repo(tmp)
    j = n["js"]
    _c("njsscan-table-two", f"{NJ} {_j(j[17:19])} 2>&1", root, n_njsscan)
    _c("njsscan-table-one", f"{NJ} {j[19]} 2>&1", root, n_njsscan)
    _c("njsscan-json-four", f"{NJ} --json {_j(j[20:24])} 2>/dev/null | {JT}", root, n_nj_json)
    _c("njsscan-json-all", f"{NJ} --json js 2>/dev/null | {JT}", root, n_nj_json)
    _c("njsscan-json-one", f"{NJ} --json {j[24]} 2>/dev/null | {JT}", root, n_nj_json)
    _c("njsscan-sarif-two", f"{NJ} --sarif {_j(j[0:2])} 2>/dev/null | {JT}", root, n_nj_sarif)
    _c("njsscan-sarif-one", f"{NJ} --sarif {j[25]} 2>/dev/null | {JT}", root, n_nj_sarif)
    _c("njsscan-sonarqube-three", f"{NJ} --sonarqube {_j(j[2:5])} 2>/dev/null | {JT}", root, n_nj_sonar)
    _c("njsscan-sonarqube-one", f"{NJ} --sonarqube {j[6]} 2>/dev/null | {JT}", root, n_nj_sonar)


def bandit(tmp: Path) -> None:
    root, n = repo(tmp)
    p = n["py"]
    _c("bandit-junit-four", f"bandit -q -f junit {_j(p[0:4])}", root, n_bandit_junit)
    _c("bandit-junit-scraps", f"bandit -q -f junit py/scraps/broken_lay.py {_j(p[4:6])}", root, n_bandit_junit)
    _c("bandit-junit-one", f"bandit -q -f junit {p[6]}", root, n_bandit_junit)
    _c("bandit-html-three", f"bandit -q -f html {_j(p[7:10])}", root, n_bandit_html)
    _c("bandit-html-medium", f"bandit -q -f html -l {_j(p[10:12])}", root, n_bandit_html)


def eslint(tmp: Path) -> None:
    root, n = repo(tmp)
    js = root / "js"
    j = [x[3:] for x in n["js"]]
    _c("eslint-security-five", f"eslint {_j(j[0:5])}", js, n_eslint_security)
    _c("eslint-security-scraps", f"eslint scraps {_j(j[5:8])}", js, n_eslint_security)
    _c("eslint-json-meta-two", f"eslint -f json-with-metadata {_j(j[8:10])} | {JT}", js, n_eslint_jwm)
    _c("eslint-json-meta-one", f"eslint -f json-with-metadata {j[10]} | {JT}", js, n_eslint_jwm)


def secrets(tmp: Path) -> None:
    root, n = repo(tmp)
    _c("detect-secrets-scan-config", "detect-secrets scan --all-files config deploy", root, N_DETECT_SECRETS)
    _c("detect-secrets-scan-tree", "detect-secrets scan --all-files .", root, N_DETECT_SECRETS)
    cm.run("detect-secrets scan --all-files config deploy js/src > .secrets.baseline", cwd=root, env=ENV)
    _c("detect-secrets-audit-report", "detect-secrets audit --report .secrets.baseline", root, n_ds_report)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [semgrep, njsscan, bandit, eslint, secrets],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide768", sys.modules["__main__"])
    main()
