"""Capture round 772 of the compression corpus: documentation builders and docstring / API-doc checkers, in forms the
corpus lacked (sphinx-build's warning file, sphinx linkcheck's output.json and output.txt, pydoclint's baseline file,
docsig, docstr-coverage, typedoc --json, jsdoc -X and its haruki template) beside kinds it has (sphinx-build -n -W
--keep-going, sphinx linkcheck, doc8, rstcheck, pydocstyle, pydoclint, darglint, pdoc, typedoc, jsdoc,
documentation lint), on a clockmaker's project written here (`clockworks`: escapements, pendulums, arbors, fusees,
mainsprings, trains; seed 77210) in Python (with a Sphinx tree) and TypeScript / JavaScript, with documentation faults
put in. Needle rules: NEEDLES.md's "Round 772" section; new kinds' extractors below, the others imported.

Usage:   .venv/bin/python scripts/corpus/capture_wide772.py
Writes:  scripts/corpus/data/wide772.json, ids prefixed "wide772-".
Tools:   /dev/shm/hm-corpus-wide772/venv (PyPI): Sphinx 9.0.4, docutils 0.21.2, doc8 2.0.0, rstcheck 6.3.1,
         pydocstyle 6.3.0, pydoclint 0.12.0, darglint 1.8.1, pdoc 16.0.0, docsig 0.97.0, docstr-coverage 2.3.2;
         /dev/shm/hm-corpus-wide772/npm (npm, Node 20): typedoc 0.28.20, typescript 5.9.3, jsdoc 4.0.5,
         documentation 14.0.3."""

from __future__ import annotations

import json
import os
import random
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import any_of, groups, kind, mask  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide54 import n_sphinx_n, n_sphinx_linkcheck, n_jsdoc, n_documentation, _sphinx_common  # noqa: E402
from capture_wide24 import diag as diag24  # noqa: E402
from capture_wide24_py import N_RSTCHECK  # noqa: E402
from capture_wide28_py import N_PYDOCLINT  # noqa: E402
from capture_wide31_py import N_DARGLINT, N_PDOC  # noqa: E402
from capture_wide28_js import N_TYPEDOC  # noqa: E402
from capture_more import n_pydocstyle  # noqa: E402

ID_PREFIX = "wide772-"
DEFAULT_OUT = HERE / "data" / "wide772.json"
TOOLS = Path("/dev/shm/hm-corpus-wide772")
VENV = TOOLS / "venv"
NPM = TOOLS / "npm"
TMP = Path("/dev/shm/hm-corpus-wide772-run")
SEED = 77210
PY_TOOLS = ["sphinx==9.0.4", "doc8==2.0.0", "rstcheck==6.3.1", "pydocstyle==6.3.0", "pydoclint==0.12.0",
            "darglint==1.8.1", "pdoc==16.0.0", "docsig==0.97.0", "docstr-coverage==2.3.2"]
NPM_PKGS = ["typedoc@0.28.20", "typescript@5.9.3", "jsdoc@4.0.5", "documentation@14.0.3"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

N_DOC8 = diag24(
    "doc8", "lint", "doc8: findings one {\"any\"} per (Dnnn code, file); the 'Total errors' summary; rules 1,3.",
    warn=r":\d+: D\d{3} ", wkey=r"^(\S+?):\d+: (D\d{3})", summary=r"^Total (errors|files scanned)")

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

EXC_LINE = re.compile(r"^([A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)|ZeroDivisionError)(: .*)?$")


@kind("sphinx-warning-file", "build")
def n_sphinx_warning_file(lines):
    """Rules 1 (round 54's sphinx rule): every ERROR/SEVERE/CRITICAL line; WARNING lines one {any} per (message shape, source file); each traceback's exception line and innermost File line."""
    out = _sphinx_common(lines)
    last_file = None
    in_tb = False
    for ln in lines:
        if ln.startswith("Traceback (most recent call last)"):
            in_tb, last_file = True, None
        elif in_tb and re.match(r'^\s+File "', ln):
            last_file = ln
        elif in_tb and EXC_LINE.match(ln.strip()):
            out.append(ln)
            if last_file:
                out.append(last_file)
            in_tb = False
    return out


def _jsonl(lines):
    for ln in lines:
        s = ln.strip()
        if s.startswith("{"):
            try:
                yield ln, json.loads(s)
            except ValueError:
                continue


@kind("sphinx-linkcheck-json", "json")
def n_linkcheck_json(lines):
    """Rule 1: every output.json line whose status is broken or timeout; redirected lines one {any} per filename."""
    out, pairs = [], []
    for ln, d in _jsonl(lines):
        st = d.get("status")
        if st in ("broken", "timeout"):
            out.append(ln)
        elif st == "redirected":
            pairs.append((d.get("filename"), ln))
    return out + groups(pairs)


@kind("sphinx-linkcheck-txt", "build")
def n_linkcheck_txt(lines):
    """Rule 1: every [broken] / [timeout] line of output.txt; [redirected ...] lines one {any} per file."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: \[([a-z ]+)\]", ln)
        if not m:
            continue
        if m.group(2) in ("broken", "timeout"):
            out.append(ln)
        elif m.group(2).startswith("redirected"):
            pairs.append((m.group(1), ln))
    return out + groups(pairs)


@kind("pydoclint-baseline", "lint")
def n_pydoclint_baseline(lines):
    """Rule 1 (no level): one {any} per (DOC code, file) over the baseline's finding lines; every file's path line."""
    out, pairs, cur = [], [], None
    for ln in lines:
        m = re.match(r"^\s+(DOC\d{3}):", ln)
        if m:
            pairs.append(((m.group(1), cur), ln))
        elif ln.strip() and not ln.startswith((" ", "\t", "-")):
            cur = ln
            out.append(ln)
    return out + groups(pairs)


@kind("docsig", "lint")
def n_docsig(lines):
    """Rule 1 (no level): one {any} per (SIG code, file) over the findings' location lines; one {any} per SIG code over its message lines; tool errors; a closing count line."""
    out, pairs, msgs, loc = [], [], [], None
    for ln in lines:
        m = re.match(r"^\s*(SIG\d{3}):?", ln)
        if re.match(r"^\S+?:\d+", ln) and not m:
            loc = ln
        elif m:
            if loc:
                f = re.match(r"^(\S+?):\d+", loc).group(1)
                pairs.append(((m.group(1), f), loc))
            msgs.append((m.group(1), ln))
        if re.search(r"\b(Error|error|Traceback|failed to parse)\b", ln) and not m:
            out.append(ln)
        if re.search(r"\b\d+ (errors?|issues?|fail)", ln) and not m:
            out.append(ln)
    return out + groups(pairs) + groups(msgs)


@kind("docstr-coverage", "lint")
def n_docstr_coverage(lines):
    """Rules 1+3+4: one {any} per file over its 'No docstring for' lines; the per-file coverage lines with the lowest and highest coverage, each with its File: line; the overall lines and any failure line."""
    out, pairs, covs, cur = [], [], [], None
    overall = False
    for ln in lines:
        s = ln.strip()
        if s.startswith("File:"):
            cur = ln
        elif "No docstring for" in s:
            pairs.append((cur, ln))
        elif re.search(r"Coverage: [\d.]+%", s) and not overall:
            covs.append((float(re.search(r"Coverage: ([\d.]+)%", s).group(1)), ln, cur))
        if re.match(r"^Overall statistics", s):
            overall = True
        if overall and re.match(r"^(Docstrings needed|Needed|Total coverage|Grade|Docstrings found|Docstrings missing)", s):
            out.append(ln)
        if re.search(r"(fail|below|less than|FAIL)", s, re.I) and not s.startswith("-") and "No docstring" not in s:
            out.append(ln)
    if covs:
        lo = min(covs, key=lambda c: c[0])
        hi = max(covs, key=lambda c: c[0])
        for c in (lo, hi):
            out.append(c[1])
            if c[2]:
                out.append(c[2])
    return out + groups(pairs)


def _json_tail(lines):
    """The JSON document that starts at the first line holding only '{' or '[' (the file after a log)."""
    for i, ln in enumerate(lines):
        if ln.strip() in ("{", "["):
            try:
                return lines[:i], json.loads("\n".join(lines[i:]))
            except ValueError:
                continue
    return lines, None


@kind("typedoc-json", "json")
def n_typedoc_json(lines):
    """Rules 1+5: the typedoc rule on the log; the "name" of the project and of every export and member in its JSON, each distinct once."""
    log, doc = _json_tail(lines)
    out = list(N_TYPEDOC(log)) if log else []
    if doc:
        names = [doc.get("name")]
        for c in doc.get("children", []) or []:
            names.append(c.get("name"))
            for cc in c.get("children", []) or []:
                names.append(cc.get("name"))
        for n in dict.fromkeys(x for x in names if x):
            out.append(f'"name": "{n}"')
    return out


@kind("jsdoc-explain", "json")
def n_jsdoc_explain(lines):
    """Rules 1+5: every ERROR line; every distinct "longname" line of a doclet that is not the package doclet."""
    out = [ln for ln in lines if re.match(r"^\s*ERROR\b", ln)]
    seen = set()
    for ln in lines:
        m = re.match(r'^\s*"longname": "(.*)",?$', ln)
        if m and m.group(1) != "package:undefined" and ln.strip() not in seen:
            seen.add(ln.strip())
            out.append(ln.strip().rstrip(","))
    return out


@kind("jsdoc-haruki", "json")
def n_jsdoc_haruki(lines):
    """Rules 1+5: every ERROR line; every distinct "name" of a class, function or namespace the haruki JSON lists at its top."""
    out = [ln for ln in lines if re.match(r"^\s*ERROR\b", ln)]
    _, doc = _json_tail(lines)
    if doc:
        names = []
        for key in ("classes", "functions", "namespaces", "mixins", "interfaces"):
            for c in doc.get(key, []) or []:
                names.append(c.get("name"))
        for n in dict.fromkeys(x for x in names if x):
            out.append(f'"name": "{n}"')
    return out


# ------------------------------------------------------------------ material (seed 77210)

PARTS = ["escapement", "pendulum", "arbor", "fusee", "mainspring", "pallet", "crutch", "dial", "train", "regulator",
         "bob", "suspension", "barrel", "ratchet", "pinion", "wheel", "motionwork", "strike", "chime", "bezel",
         "verge", "anchor", "deadbeat", "remontoire", "gridiron", "bushing", "pivot", "jewel", "hairspring",
         "balance", "click", "stopwork", "snail", "rack", "hammer", "bell", "gong", "moonphase", "calendar",
         "tourbillon"]
VERBS = ["beat", "lock", "release", "wind", "count", "strike", "regulate", "oil", "true", "poise", "mesh", "impulse",
         "drop", "recoil", "let_down", "set_beat"]
WORDS = ["teeth", "leaves", "drop", "lift", "lock", "arc", "length", "bob", "turns", "torque", "ratio", "rate",
         "beat", "depth", "amplitude", "weight", "chain", "cone", "spring", "hours"]
IMPORT_FAIL = {"tourbillon": "import horolib_carriage  # not installed\n",
               "remontoire": "_WIND = {k: 60 / k for k in range(3)}  # ZeroDivisionError at import\n"}


def _py_func(rng: random.Random, name: str, parts: list[str], indent: str = "", method: bool = False) -> str:
    args = rng.sample(WORDS, rng.randint(1, 3))
    typed = rng.random() < 0.5
    sig = ", ".join((["self"] if method else []) + [f"{a}: float" if typed else a for a in args]
                    + [f"{rng.choice(WORDS)}_mode='deadbeat'"] * (rng.random() < 0.3))
    real = [a.split(":")[0].split("=")[0] for a in sig.split(", ") if a and a != "self"]
    fault = rng.choice(["ok", "ok", "missing", "misnamed", "extra", "noreturn", "nodoc", "xref", "rst", "raises",
                        "xref", "missing"])
    ret = " -> float" if typed else ""
    lines = [f"{indent}def {name}({sig}){ret}:"]
    body = [f"{indent}    if {real[0]} < 0:", f"{indent}        raise ValueError('{real[0]} must not be negative')",
            f"{indent}    return {' * '.join(real)}"]
    if fault == "nodoc":
        return "\n".join(lines + body) + "\n"
    other = rng.choice(parts)
    doc = [f'{indent}    """{name.replace("_", " ").capitalize()} the {other} of the movement.', ""]
    if fault == "xref":
        doc += [f"{indent}    Uses :func:`clockworks.{other}.no_such_{rng.choice(VERBS)}` and",
                f"{indent}    :class:`clockworks.{rng.choice(parts)}.{rng.choice(WORDS).capitalize()}Gauge`.", ""]
    elif rng.random() < 0.3:
        doc += [f"{indent}    See :func:`clockworks.{other}.{rng.choice(VERBS)}`.", ""]
    if fault == "rst":
        doc += [f"{indent}    The *{rng.choice(WORDS)} must be set and :gear:`{rng.choice(WORDS)}` checked.",
                f"{indent}        Unexpected indent here.", ""]
    documented = list(real)
    if fault == "missing":
        documented = documented[:-1]
    elif fault == "misnamed":
        documented[-1] = documented[-1] + "s"
    elif fault == "extra":
        documented.append(rng.choice([w for w in WORDS if w not in documented]))
    for a in documented:
        doc.append(f"{indent}    :param {a}: the {a} of the {other}.")
    if fault != "noreturn":
        doc += [f"{indent}    :returns: the {rng.choice(WORDS)} in {rng.choice(['seconds', 'beats', 'turns'])}."]
    if fault not in ("raises",):
        doc += [f"{indent}    :raises ValueError: when {real[0]} is negative."]
    doc += [f'{indent}    """']
    return "\n".join(lines + doc + body) + "\n"


def py_module(rng: random.Random, name: str, parts: list[str]) -> str:
    out = []
    if rng.random() < 0.85:
        out.append(f'"""The {name} of the clockworks: how it is made, set up and adjusted.\n\n'
                   f'Works with :mod:`clockworks.{rng.choice(parts)}`.\n"""\n')
    out.append("from __future__ import annotations\n\n")
    if name in IMPORT_FAIL:
        out.append(IMPORT_FAIL[name] + "\n")
    for _ in range(rng.randint(2, 5)):
        out.append("\n" + _py_func(rng, f"{rng.choice(VERBS)}_{name}", parts))
    cls = name.capitalize()
    out.append(f"\n\nclass {cls}:\n")
    if rng.random() < 0.7:
        out.append(f'    """A {name}; see :class:`clockworks.{rng.choice(parts)}.{rng.choice(parts).capitalize()}`."""\n')
    out.append("\n    def __init__(self, teeth, weight=1.0):\n        self.teeth = teeth\n        self.weight = weight\n")
    for v in rng.sample(VERBS, rng.randint(1, 4)):
        out.append("\n" + _py_func(rng, v, parts, "    ", method=True))
    return "".join(out)


def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


def guide_page(rng: random.Random, name: str, i: int, port: int, parts: list[str]) -> str:
    title = f"Setting up the {name}"
    under = "=" * (len(title) - (4 if i % 3 == 0 else 0))
    out = [f".. _guide-{name}:", "", title, under, ""]
    for k in range(rng.randint(3, 7)):
        p = rng.choice(parts)
        s = (f"The {name} meets the {p} at the {rng.choice(WORDS)}; a clockmaker checks the "
             f"{rng.choice(WORDS)} before the {rng.choice(WORDS)} is set.")
        if rng.random() < 0.25:
            s += " " + "The arbor turns once an hour and the fusee evens the pull of the mainspring as it runs down. " * 2
        if rng.random() < 0.2:
            s += "   "
        out += [s, ""]
        r = rng.random()
        if r < 0.12:
            out += [f"See :class:`clockworks.{p}.{p.capitalize()}` and :func:`clockworks.{p}.no_{rng.choice(VERBS)}`.", ""]
        elif r < 0.2:
            out += [f"Read :ref:`no-such-{rng.choice(WORDS)}` and :doc:`missing-{p}`.", ""]
        elif r < 0.28:
            out += [f"As `Harrison{k}`_ wrote of the {p}.", ""]
        elif r < 0.34:
            out += [f".. {rng.choice(['escapement-diagram', 'gear-train', 'beat-plot'])}:: {p}", "", "   scale: 2", ""]
        elif r < 0.4:
            out += [f"The :gear:`{p}` ratio is ``{rng.choice(WORDS)} unfinished.", ""]
        elif r < 0.46:
            out += ["\tA tabbed line about the " + p + ".", ""]
        sub = f"{p.capitalize()} and {name}"
        out += [sub, "-" * (len(sub) - (3 if rng.random() < 0.2 else 0)), ""]
    links = [f"`{name} notes <http://127.0.0.1:{port}/ok/{name}.html>`_",
             f"`{name} table <http://127.0.0.1:{port}/gone/{name}-{i}.html>`_",
             f"`old {name} page <http://127.0.0.1:{port}/old/{name}.html>`_",
             f"`anchor <http://127.0.0.1:{port}/ok/{name}.html#no-such-{rng.choice(WORDS)}>`_",
             f"`archive <http://horology-archive.invalid/{name}/{i}>`_"]
    rng.shuffle(links)
    out += ["Further reading", "---------------", ""]
    out += [f"* {lk}" for lk in links[:rng.randint(2, 5)]] + [""]
    return "\n".join(out) + "\n"


CONF = """import os, sys
sys.path.insert(0, os.path.abspath('{root}'))
project = 'clockworks'
author = 'A clockmaker'
extensions = [{ext}]
exclude_patterns = ['_build']
linkcheck_timeout = 3
linkcheck_retries = 1
linkcheck_workers = 2
"""


class _Handler(BaseHTTPRequestHandler):
    def _go(self, body: bool):
        p = self.path
        if p.startswith("/old/"):
            self.send_response(301)
            self.send_header("Location", "/ok/" + p[5:])
            self.end_headers()
            return
        if p.startswith("/ok/"):
            data = (f"<html><body><h1 id='top'>{p}</h1><p>clock</p></body></html>").encode()
            self.send_response(200)
        else:
            data = b"<html><body>not found</body></html>"
            self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self):
        self._go(True)

    def do_HEAD(self):
        self._go(False)

    def log_message(self, *a):
        pass


_MAT: dict = {}


def material(tmp: Path) -> dict:
    if _MAT:
        return _MAT
    rng = random.Random(SEED)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    root = tmp / "clockworks"
    parts = list(PARTS)
    write(root / "clockworks" / "__init__.py", '"""The clockworks: a clockmaker\'s parts and their adjustment."""\n')
    for name in parts:
        write(root / "clockworks" / f"{name}.py", py_module(rng, name, parts))
    mods = [f"clockworks/{n}.py" for n in parts]
    # Sphinx trees: full, guide only, api half
    guide = rng.sample(parts, 24)
    for tree, gsel, asel, ext in [("docs", guide, parts, "'sphinx.ext.autodoc'"),
                                  ("docs-guide", guide[:14], [], ""),
                                  ("docs-api", guide[14:17], parts[:20], "'sphinx.ext.autodoc'")]:
        d = root / tree
        write(d / "conf.py", CONF.format(root=str(root), ext=ext))
        toc = [f"   guide/{g}" for g in gsel[:-1]] + (["   api/index"] if asel else [])
        write(d / "index.rst", "Clockworks\n==========\n\nA clockmaker's notes.\n\n.. toctree::\n   :maxdepth: 2\n\n"
              + "\n".join(toc) + "\n")
        for i, g in enumerate(gsel):
            write(d / "guide" / f"{g}.rst", guide_page(random.Random(f"{SEED}-{tree}-{g}"), g, i, port, parts))
        if asel:
            write(d / "api" / "index.rst", "API\n===\n\n.. toctree::\n\n" + "\n".join(f"   {a}" for a in asel) + "\n")
            for a in asel:
                extra = f"\n.. autoclass:: clockworks.{a}.{a.capitalize()}Gauge\n" if rng.random() < 0.15 else ""
                write(d / "api" / f"{a}.rst", f"clockworks.{a}\n{'=' * (len(a) + 11)}\n\n.. automodule:: clockworks.{a}"
                      f"\n   :members:\n   :undoc-members:\n{extra}")
    # TypeScript
    ts = root / "ts"
    write(ts / "tsconfig.json", json.dumps({"compilerOptions": {"target": "ES2020", "module": "commonjs",
                                                                "strict": True, "skipLibCheck": True},
                                            "include": ["src"]}, indent=2) + "\n")
    ts_mods = rng.sample(parts, 16)
    for name in ts_mods:
        write(ts / "src" / f"{name}.ts", ts_module(random.Random(f"{SEED}-ts-{name}"), name, ts_mods))
    write(ts / "src" / "index.ts", "".join(f"export * from './{n}';\n" for n in ts_mods))
    # JavaScript
    js = root / "js"
    write(js / "conf.json", json.dumps({"tags": {"allowUnknownTags": False}, "source": {"includePattern": ".+\\.js$"}},
                                       indent=2) + "\n")
    js_mods = rng.sample(parts, 12)
    for name in js_mods:
        write(js / "src" / f"{name}.js", js_module(random.Random(f"{SEED}-js-{name}"), name, js_mods))
    for d in (ts, js):
        (d / "node_modules").symlink_to(NPM / "node_modules")
    _MAT.update(root=root, mods=mods, parts=parts, ts_mods=ts_mods, js_mods=js_mods, port=port)
    return _MAT


def ts_module(rng: random.Random, name: str, mods: list[str]) -> str:
    cls = name.capitalize()
    other = rng.choice(mods).capitalize()
    out = []
    hidden = rng.random() < 0.3
    if hidden:
        out.append(f"interface {cls}Options {{ teeth: number; rate?: number }}\n\n")
    if rng.random() < 0.8:
        link = f"{{@link {other}}}" if rng.random() < 0.6 else f"{{@link {other}Gauge}}"
        out.append(f"/**\n * The {name} of the movement. Works with {link}.\n")
        if rng.random() < 0.25:
            out.append(f" * @gearRatio 3:1\n")
        out.append(" */\n")
    out.append(f"export class {cls} {{\n")
    out.append("  /** Teeth on its wheel. */\n  teeth: number;\n  weight: number;\n")
    opt = f"opts: {cls}Options" if hidden else "teeth: number"
    init = "opts.teeth" if hidden else "teeth"
    out.append(f"  constructor({opt}, weight = 1) {{\n    this.teeth = {init};\n    this.weight = weight;\n  }}\n")
    for v in rng.sample(VERBS, rng.randint(2, 4)):
        args = rng.sample(WORDS, rng.randint(1, 3))
        fault = rng.choice(["ok", "nodoc", "misnamed", "link", "ok", "missing"])
        meth = "".join(p.capitalize() if i else p for i, p in enumerate(v.split("_")))
        if fault != "nodoc":
            out.append(f"  /**\n   * {v.replace('_', ' ').capitalize()} the {name}.\n")
            if fault == "link":
                out.append(f"   * See {{@link {other}.{rng.choice(VERBS)}Twice}}.\n")
            doc_args = args[:-1] if fault == "missing" else args[:-1] + [args[-1] + "x"] if fault == "misnamed" else args
            for a in doc_args:
                out.append(f"   * @param {a} - the {a}\n")
            out.append("   * @returns the result\n   */\n")
        out.append(f"  {meth}({', '.join(a + ': number' for a in args)}): number {{\n"
                   f"    return {' * '.join(args)} * this.teeth;\n  }}\n")
    out.append("}\n\n")
    for v in rng.sample(VERBS, rng.randint(1, 2)):
        fn = "".join(p.capitalize() if i else p for i, p in enumerate((v + "_" + name).split("_")))
        if rng.random() < 0.6:
            out.append(f"/**\n * {v.capitalize()} a {name}; returns its rate. See {{@link {rng.choice(mods)}Rate}}.\n"
                       f" * @param part - the {name}\n */\n")
        out.append(f"export function {fn}(part: {cls}): number {{\n  return part.teeth / 2;\n}}\n\n")
    out.append(f"/** Settings of a {name}. */\nexport interface {cls}Settings {{\n  rate: number;\n  beat?: string;\n}}\n")
    return "".join(out)


def js_module(rng: random.Random, name: str, mods: list[str]) -> str:
    cls = name.capitalize()
    out = [f"/**\n * The {name} of the clock.\n * @module {name}\n */\n\n" if rng.random() < 0.5 else
           f"/* The {name} of the clock (no module tag: its names are global). */\n\n"]
    out.append(f"/**\n * A {name}.\n * @class\n * @param {{number}} teeth - teeth on its wheel\n")
    if rng.random() < 0.4:
        out.append(" * @param {Array<number} pinions - the pinions it drives\n")
    out.append(" */\n")
    out.append(f"class {cls} {{\n  constructor(teeth, pinions) {{\n    this.teeth = teeth;\n    this.pinions = pinions;\n  }}\n")
    for v in rng.sample(VERBS, rng.randint(2, 5)):
        fault = rng.choice(["ok", "tag", "type", "nodoc", "ok", "memberof"])
        args = rng.sample(WORDS, rng.randint(1, 2))
        if fault != "nodoc":
            out.append(f"  /**\n   * {v.replace('_', ' ').capitalize()} the {name}.\n")
            for a in args:
                t = "{number|}" if fault == "type" else "{number}"
                out.append(f"   * @param {t} {a} - the {a}\n")
            out.append("   * @returns {number} the result\n")
            if fault == "tag":
                out.append(f"   * @{rng.choice(['gearratio', 'beatrate', 'escapement'])} {rng.randint(2, 9)}\n")
            if fault == "memberof":
                out.append(f"   * @memberof {rng.choice(mods).capitalize()}Gauge\n")
            out.append("   */\n")
        out.append(f"  {v}({', '.join(args)}) {{\n    return {' * '.join(args)} * this.teeth;\n  }}\n")
    out.append("}\n\n")
    out.append(f"/**\n * Rate of a {name}.\n * @param {{{cls}}} part - the part\n * @returns {{number}} beats an hour\n */\n"
               f"function rate(part) {{\n  return part.teeth * 3600;\n}}\n\nmodule.exports = {{ {cls}, rate }};\n")
    return "".join(out)


def ensure_tools() -> None:
    cm.install_venv(VENV, "docsig", PY_TOOLS)
    cm.install_npm(NPM, "typedoc", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(NPM / "node_modules" / ".bin")]


# ------------------------------------------------------------------ steps


def sphinx(tmp: Path) -> None:
    m = material(tmp)
    r = m["root"]
    cap("sphinx-nitpicky-W-docs", "sphinx-build -n -W --keep-going -b html docs docs/_build/html", r, n_sphinx_n,
        timeout=900)
    cap("sphinx-nitpicky-W-api", "sphinx-build -n -W --keep-going -E -b html docs-api docs-api/_build/html", r,
        n_sphinx_n, timeout=900)
    cap("sphinx-nitpicky-guide-q", "sphinx-build -n -q -E -b html docs-guide docs-guide/_build/html; echo EXIT=$?",
        r, n_sphinx_n, timeout=900)
    for tag, tree in [("docs", "docs"), ("api", "docs-api"), ("guide", "docs-guide")]:
        cm.run(f"sphinx-build -n --keep-going -E -q -w warn-{tag}.txt -b html {tree} {tree}/_build/wf >/dev/null 2>&1",
               cwd=r, timeout=900)
        cap(f"sphinx-warning-file-{tag}", f"cat warn-{tag}.txt", r, n_sphinx_warning_file,
            typed=f"sphinx-build -n --keep-going -E -q -w warn-{tag}.txt -b html {tree} {tree}/_build/wf; "
                  f"cat warn-{tag}.txt")


def linkcheck(tmp: Path) -> None:
    m = material(tmp)
    r = m["root"]
    for tag, tree, stdout in [("guide", "docs-guide", True), ("docs", "docs", True), ("api", "docs-api", False)]:
        out = f"{tree}/_build/linkcheck"
        cmd = f"sphinx-build -b linkcheck {tree} {out}"
        if stdout:
            cap(f"sphinx-linkcheck-{tag}", cmd, r, n_sphinx_linkcheck, timeout=900)
        else:
            cm.run(cmd + " >/dev/null 2>&1", cwd=r, timeout=900)
        cap(f"sphinx-linkcheck-json-{tag}", f"cat {out}/output.json", r, n_linkcheck_json,
            typed=f"{cmd} >/dev/null; cat {out}/output.json")
        if tag != "api":
            cap(f"sphinx-linkcheck-txt-{tag}", f"cat {out}/output.txt", r, n_linkcheck_txt,
                typed=f"{cmd} >/dev/null; cat {out}/output.txt")


def rst(tmp: Path) -> None:
    m = material(tmp)
    r = m["root"]
    cap("doc8-docs", "doc8 docs 2>&1", r, N_DOC8)
    cap("doc8-guide-api", "doc8 --max-line-length 100 docs-guide docs-api 2>&1", r, N_DOC8)
    cap("rstcheck-guide", "rstcheck --report-level warning docs-guide/guide/*.rst 2>&1; echo EXIT=$?", r, N_RSTCHECK)
    cap("rstcheck-docs-info", "rstcheck --report-level info docs/index.rst docs/guide/*.rst 2>&1", r, N_RSTCHECK)


def pychecks(tmp: Path) -> None:
    m = material(tmp)
    r, mods = m["root"], m["mods"]
    cap("pydocstyle-pep257-sixteen", "pydocstyle --convention=pep257 " + " ".join(mods[6:22]), r, n_pydocstyle)
    cap("pydocstyle-pkg", "pydocstyle clockworks", r, n_pydocstyle)
    pdl = ("pydoclint --style=sphinx --arg-type-hints-in-docstring=False --arg-type-hints-in-signature=False "
           "--check-return-types=False")
    cap("pydoclint-pkg", f"{pdl} clockworks 2>&1", r, N_PYDOCLINT)
    for tag, sel in [("eight", " ".join(mods[10:18])), ("twenty", " ".join(mods[18:38])), ("pkg", "clockworks")]:
        cm.run(f"rm -f base-{tag}.txt; {pdl} --generate-baseline=True --baseline=base-{tag}.txt {sel} >/dev/null 2>&1",
               cwd=r, timeout=600)
        cap(f"pydoclint-baseline-{tag}", f"cat base-{tag}.txt", r, n_pydoclint_baseline,
            typed=f"{pdl} --generate-baseline=True --baseline=base-{tag}.txt {sel}; cat base-{tag}.txt")
    cap("darglint-pkg", "darglint -s sphinx -v 2 clockworks/*.py 2>&1", r, N_DARGLINT, timeout=600)
    cap("docsig-pkg", "docsig clockworks 2>&1", r, n_docsig)
    cap("docsig-eight", "docsig " + " ".join(mods[:8]) + " 2>&1", r, n_docsig)
    cap("docsig-class-twenty", "docsig --check-class " + " ".join(mods[12:32]) + " 2>&1", r, n_docsig)
    cap("docstr-coverage-pkg", "docstr-coverage clockworks 2>&1", r, n_docstr_coverage)
    cap("docstr-coverage-ten-fail", "docstr-coverage --fail-under 90 " + " ".join(mods[5:15]) + " 2>&1; echo EXIT=$?",
        r, n_docstr_coverage)
    cap("docstr-coverage-skip-init", "docstr-coverage --skip-init --skip-magic " + " ".join(mods[20:40]) + " 2>&1", r,
        n_docstr_coverage)


def pdoc(tmp: Path) -> None:
    m = material(tmp)
    r = m["root"]
    cap("pdoc-pkg", "PYTHONPATH=. pdoc -d restructuredtext -o build/api clockworks 2>&1", r, N_PDOC, timeout=600)
    cap("pdoc-modules", "PYTHONPATH=. pdoc -o build/api2 clockworks.fusee clockworks.tourbillon clockworks.remontoire "
        "clockworks.arbor 2>&1", r, N_PDOC, timeout=600)


def typedoc(tmp: Path) -> None:
    m = material(tmp)
    ts, mods = m["root"] / "ts", m["ts_mods"]
    td = "typedoc --tsconfig tsconfig.json --skipErrorChecking"
    cap("typedoc-index", f"{td} --entryPoints src/index.ts --emit none --validation.notDocumented "
        "--validation.invalidLink --validation.notExported 2>&1", ts, N_TYPEDOC, timeout=600)
    cap("typedoc-strict-five", f"{td} --entryPoints " + " ".join(f"src/{n}.ts" for n in mods[:5])
        + " --emit none --validation --treatWarningsAsErrors 2>&1; echo EXIT=$?", ts, N_TYPEDOC, timeout=600)
    for tag, sel in [("one", mods[5:6]), ("three", mods[6:9]), ("five", mods[9:14])]:
        cap(f"typedoc-json-{tag}", f"{td} --entryPoints " + " ".join(f"src/{n}.ts" for n in sel)
            + f" --json api-{tag}.json --disableSources --validation.notDocumented 2>&1; cat api-{tag}.json", ts,
            n_typedoc_json, timeout=600)


def jsdoc(tmp: Path) -> None:
    m = material(tmp)
    js, mods = m["root"] / "js", m["js_mods"]
    cap("jsdoc-pedantic", "jsdoc -c conf.json -r src -d out --pedantic 2>&1; echo EXIT=$?", js, n_jsdoc)
    cap("jsdoc-plain", "jsdoc -c conf.json " + " ".join(f"src/{n}.js" for n in mods[:6]) + " -d out2 2>&1", js, n_jsdoc)
    for tag, sel in [("one", mods[0:1]), ("three", mods[1:4]), ("six", mods[4:10])]:
        cap(f"jsdoc-explain-{tag}", "jsdoc -X -c conf.json " + " ".join(f"src/{n}.js" for n in sel) + " 2>&1", js,
            n_jsdoc_explain)
    for tag, sel in [("four", mods[0:4]), ("all", mods)]:
        cap(f"jsdoc-haruki-{tag}", "jsdoc -t node_modules/jsdoc/templates/haruki -d console "
            + " ".join(f"src/{n}.js" for n in sel) + " 2>&1", js, n_jsdoc_haruki)
    cap("documentation-lint-all", "documentation lint src/*.js 2>&1; echo EXIT=$?", js, n_documentation)
    cap("documentation-lint-four", "documentation lint " + " ".join(f"src/{n}.js" for n in mods[4:8]) + " 2>&1", js,
        n_documentation)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [sphinx, linkcheck, rst, pychecks, pdoc, typedoc, jsdoc],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide772", sys.modules["__main__"])
    main()
