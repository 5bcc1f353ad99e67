#!/usr/bin/env python3
"""Capture round 278 of the compression corpus: spell checkers and API documentation generators, new shapes.
hunspell, aspell, enchant-2, cspell, mdspell, pyspelling over a Markdown/reST docs tree of the round's own (seeded
generator, misspellings from a fixed typo list and broken references put in); doxygen with WARN_AS_ERROR /
FAIL_ON_WARNINGS over a C library with wrong comments; cargo doc / cargo rustdoc over a crate with broken
intra-doc links; javac -Xdoclint:all over a Java package with bad Javadoc; typedoc --validation over a TypeScript
package with bad TSDoc. About a third of the command lines are typed as agents type them.

The extractors are this round's (NEEDLES.md, "Round 278"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide278.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide278.json  as {"version": 2, "items": [...]}, ids prefixed "wide278-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide224 import exit_lines  # noqa: E402

ID_PREFIX = "wide278-"
DEFAULT_OUT = HERE / "data" / "wide278.json"
TMP = Path(os.environ.get("HM_WIDE278_TMP", "/dev/shm/hm-corpus-wide278"))
TOOLS = Path(os.environ.get("HM_WIDE278_TOOLS", "/dev/shm/hm-corpus-wide278-tools"))
JS = TOOLS / "js"
VENV = TOOLS / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

TYPOS = ["recieve", "seperate", "occured", "definately", "accomodate", "enviroment", "dependancy", "persistant",
         "refered", "sucessful", "transfered", "wich", "teh", "adress", "arguement", "begining", "calender",
         "comming", "concensus", "existance", "foriegn", "guage", "independant", "libary", "maintainance",
         "neccessary", "occurence", "paramter", "prefered", "reciever", "retreive", "succesfully", "threshhold",
         "untill", "writting", "configuraton", "authentification", "compatability", "initalize", "asyncronous"]

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 278")

HEADER_RE = re.compile(r"^(?:==>?\s*(\S+?)\s*(?:<==)?|---\s+(\S+))\s*$")
COUNT_RE = re.compile(r"^\s*\d+\s*$")


def _header(ln: str):
    m = HEADER_RE.match(ln.strip())
    return (m.group(1) or m.group(2)) if m else None


def _tail(lines):
    return [ln for ln in lines if COUNT_RE.match(ln)] + exit_lines(lines)


def _by_word_file(pairs):
    """pairs of (word, file, line) -> one needle per (word, file)."""
    return cm.groups(((w, f), ln) for w, f, ln in pairs)


def _words(lines):
    pairs, f = [], ""
    for ln in lines:
        h = _header(ln)
        if h:
            f = h
            continue
        if not ln.strip() or COUNT_RE.match(ln):
            continue
        if re.match(r"^\s*(EXIT=|CSpell:|\d+/\d+ )", ln):
            continue
        toks = ln.split()
        if not toks:
            continue
        pairs.append((toks[-1], f, ln))
    out = _by_word_file(pairs)
    out += [ln for ln in lines if re.match(r"^\s*CSpell:", ln)]
    return out + _tail(lines)


WORDS_DOC = "Rule 1: one needle per distinct (misspelled word, file); cspell's summary, count lines, EXIT= (rule 3)."
N_HUNSPELL_LIST = cm.named("hunspell-list", "lint", WORDS_DOC, _words)
N_ASPELL_LIST = cm.named("aspell-list", "lint", WORDS_DOC, _words)
N_ENCHANT_LIST = cm.named("enchant-list", "lint", WORDS_DOC, _words)
N_CSPELL_WORDS = cm.named("cspell-words-only", "lint", WORDS_DOC, _words)


def _pipe(lines):
    out = [ln for ln in lines if ln.startswith("@(#)")]
    pairs, f = [], ""
    for ln in lines:
        h = _header(ln)
        if h:
            f = h
            continue
        if re.match(r"^[&#] \S", ln):
            pairs.append((ln.split()[1], f, ln))
    return out + _by_word_file(pairs) + _tail(lines)


PIPE_DOC = "Rule 5: the @(#) banner; rule 1: every & and # line, one needle per distinct (word, file); EXIT=."
N_HUNSPELL_PIPE = cm.named("hunspell-pipe", "lint", PIPE_DOC, _pipe)
N_ASPELL_PIPE = cm.named("aspell-pipe", "lint", PIPE_DOC, _pipe)


@cm.kind("hunspell-u3", "lint")
def n_hunspell_u3(lines):
    """Rule 1: every path:line: finding, one needle per distinct (word after Locate:, path); EXIT=."""
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):(\d+):\s*(.*)$", ln)
        if not m:
            continue
        rest = m.group(3)
        w = re.search(r"Locate:\s*(\S+)", rest)
        word = w.group(1) if w else (rest.split() or [""])[0]
        pairs.append((word, m.group(1), ln))
    return _by_word_file(pairs) + _tail(lines)


@cm.kind("mdspell-report", "lint")
def n_mdspell(lines):
    """Rule 1: every L:C | finding, one needle per distinct (typo-list word, file); the >> summary; EXIT=."""
    pairs, f, k = [], "", 0
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\S+\.md$", s):
            f = s
            continue
        m = re.match(r"^(\d+)(?::(\d+))?\s*\|\s*(.*)$", s)  # mdspell prints `line |`, no column
        if m:
            ctx = m.group(3)
            word = next((t for t in TYPOS if re.search(rf"\b{t}\b", ctx)), None)
            if word is None:
                k += 1
                word = f"#line{k}"
            pairs.append((word, f, ln))
    out = _by_word_file(pairs)
    out += [ln for ln in lines if re.match(r"^\s*>>", ln)]
    return out + _tail(lines)


@cm.kind("pyspelling", "lint")
def n_pyspelling(lines):
    """Rule 1: one needle per distinct (word, file) under each header; the failed/passed line, error lines; EXIT=."""
    pairs, f, inside = [], "", False
    for ln in lines:
        m = re.match(r"^<[^>]+>\s+(\S+?):\s", ln)
        if m:
            f, inside = m.group(1), False
            continue
        if re.match(r"^-{10,}$", ln.strip()):
            inside = not inside
            continue
        if inside and ln.strip():
            pairs.append((ln.strip(), f, ln))
    out = _by_word_file(pairs)
    out += [ln for ln in lines if re.search(r"Spelling check (failed|passed)|\bError\b|Traceback|error:", ln)]
    return out + _tail(lines)


@cm.kind("doxygen-warn-as-error", "build")
def n_doxygen_wae(lines):
    """Rule 1: every warning:/error: line (the setting makes each an error), the stop/exit lines; EXIT=."""
    out = [ln for ln in lines if re.search(r"\b(warning|error):", ln)]
    out += [ln for ln in lines if re.search(r"Exiting|stopping|aborting|failed", ln, re.I) and ln not in out]
    return out + _tail(lines)


LOC_RE = re.compile(r"^\s*-->\s*(\S+?):\d+")


def _rust(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        own = re.match(r"^(\S+?\.rs):\d+:\d+:\s*(error|warning)\b", ln)
        lvl = own.group(2) if own else (re.match(r"^(error|warning)(\[\S+\])?:", ln) or [None, None])[1]
        if not lvl:
            continue
        if re.search(r"could not document|aborting due to|generated \d+ warning", ln):
            out.append(ln)
            continue
        loc = None if own else cm.next_match(lines, i, r"^\s*-->\s")
        if lvl == "error":
            out.append(ln)
            if loc:
                out.append(loc)
        else:
            f = own.group(1) if own else (LOC_RE.match(loc).group(1) if loc and LOC_RE.match(loc) else "")
            msg = re.sub(r"^\S+?:\d+:\d+:\s*", "", ln)
            pairs.append(((cm.mask(msg), f), ln))
    out += cm.groups(pairs)
    out += [ln for ln in lines if re.search(r"^\s*Finished\b|^\s*Generated \S*index\.html", ln)]
    return out + _tail(lines)


RUST_DOC = ("Rule 1: every error line with its --> location, warnings one {any} per (message shape, file); the "
            "could-not-document/aborting/generated/Finished/Generated lines; EXIT=.")
N_RUSTDOC_DENY = cm.named("cargo-rustdoc-deny", "build", RUST_DOC, _rust)
N_CARGO_DOC_SHORT = cm.named("cargo-doc-short", "build", RUST_DOC, _rust)


@cm.kind("javac-doclint", "lint")
def n_javac_doclint(lines):
    """Rule 1: every path:line: error: line, warnings one {any} per (message shape, file); N errors/warnings; EXIT=."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?\.java):\d+:\s*(error|warning):\s*(.*)$", ln)
        if not m:
            continue
        if m.group(2) == "error":
            out.append(ln)
        else:
            pairs.append(((cm.mask(m.group(3)), m.group(1)), ln))
    out += cm.groups(pairs)
    out += [ln for ln in lines if re.match(r"^\d+ (errors?|warnings?)$", ln.strip())]
    return out + _tail(lines)


@cm.kind("typedoc-validation", "build")
def n_typedoc_validation(lines):
    """Rule 1: every [error] line with its path:line:col line within six, [warning] one {any} per (shape, file);
    Found N errors/Documentation generated lines; EXIT=."""
    out, pairs = [], []
    locre = r"^\S+\.(ts|tsx|js|md):\d+:\d+"
    for i, ln in enumerate(lines):
        if "[error]" in ln:
            if re.search(r"Found \d+ errors?", ln):
                continue
            out.append(ln)
            if not re.match(locre, ln):
                loc = cm.prev_match(lines, i, locre) or cm.next_match(lines, i, locre)
                if loc:
                    out.append(loc)
        elif "[warning]" in ln:
            m = re.match(r"^(\S+?):\d+:\d+", ln) or re.search(r"defined in (\S+?)(?::\d+|,|\s|$)", ln)
            f = m.group(1) if m else ""
            msg = ln.split("[warning]", 1)[1]
            pairs.append(((cm.mask(msg), f), ln))
    out += cm.groups(pairs)
    out += [ln for ln in lines if re.search(r"Found \d+ errors? and \d+ warnings?|Documentation generated at", ln)]
    return out + _tail(lines)

# ------------------------------------------------------------------ the material

WORDS = ("the a an of to in for with on by from and or but not this that these those each every any all some "
         "service request response server client cache queue worker job task handler module package library "
         "function method class object value field record table index column query transaction commit rollback "
         "session token user account password network socket connection timeout retry error warning message "
         "configure install update remove enable disable start stop restart deploy build release version branch "
         "file directory path folder archive backup restore snapshot volume disk memory process thread signal "
         "returns accepts creates deletes reads writes sends receives stores loads parses validates checks "
         "quickly safely always never usually often only also then when before after during while because "
         "default optional required maximum minimum limit size length count number string list map set option "
         "documentation guide reference tutorial example section chapter note tip see below above following "
         "must should may can will would could might is are was were be been has have had does do").split()
HEADS = ["Overview", "Installation", "Configuration", "Usage", "Examples", "Troubleshooting", "Reference",
         "Security", "Performance", "Migration", "Limits", "Glossary"]


def sentence(rnd, typo_rate=0.0):
    n = rnd.randint(8, 18)
    ws = []
    for _ in range(n):
        if typo_rate and rnd.random() < typo_rate:
            ws.append(rnd.choice(TYPOS))
        else:
            ws.append(rnd.choice(WORDS))
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def gen_docs(root: Path, n_md: int = 36, seed: int = 278) -> None:
    rnd = random.Random(seed)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n_md):
        topic = rnd.choice(["queue", "cache", "worker", "backup", "network", "session", "deploy", "index"])
        name = f"docs/{i:02d}-{topic}.md"
        names.append(name)
        rate = 0.0 if i % 7 == 3 else (0.06 if i in (5, 17, 29) else 0.012)
        out = [f"# The {topic} {rnd.choice(['guide', 'reference', 'notes'])}", ""]
        for h in rnd.sample(HEADS, rnd.randint(3, 6)):
            out += [f"## {h}", ""]
            for _ in range(rnd.randint(2, 4)):
                out.append(" ".join(sentence(rnd, rate) for _ in range(rnd.randint(2, 4))))
                out.append("")
            if rnd.random() < 0.4:
                out += ["```sh", f"hmctl {topic} --retrys 3 --timout 30s", "```", ""]
            if rnd.random() < 0.3:
                tgt = rnd.choice(names) if rnd.random() < 0.7 else f"docs/{rnd.randint(60, 99)}-missing.md"
                out += [f"See [the {topic} page]({Path(tgt).name}#{rnd.choice(HEADS).lower()}).", ""]
        (root / name).write_text("\n".join(out) + "\n")
    # reST pages
    for i in range(6):
        out = [f"Chapter {i}", "=" * 12, ""]
        for h in rnd.sample(HEADS, 3):
            out += [h, "-" * len(h), ""]
            for _ in range(3):
                out += [" ".join(sentence(rnd, 0.02) for _ in range(3)), ""]
            out += [f"See :ref:`{rnd.choice(['setup', 'limits', 'nonexistant-label'])}` and :doc:`{rnd.choice(names)[5:-3]}`.", ""]
        (root / "docs" / f"chapter{i}.rst").write_text("\n".join(out) + "\n")
    (root / "README.md").write_text("# hmctl\n\n" + "\n\n".join(" ".join(sentence(rnd, 0.03) for _ in range(3))
                                                            for _ in range(8)) + "\n")


def gen_crate(root: Path, seed: int = 2781) -> None:
    rnd = random.Random(seed)
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "Cargo.toml").write_text('[package]\nname = "ledgerdoc"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n')
    mods = ["account", "entry", "journal", "report", "currency", "audit"]
    (root / "src" / "lib.rs").write_text(
        "//! Ledger primitives. See [`account::Account`] and [`journal::Journal`], and [`Ledger`] (missing).\n"
        "//! Home: https://example.org/ledgerdoc\n\n" + "".join(f"pub mod {m};\n" for m in mods))
    for m in mods:
        out = [f"//! The {m} module: [`{m.capitalize()}`] values and helpers.", "use std::fmt;", ""]
        out += [f"/// A {m} record.", "///", "/// Links: [`Self::new`], [`crate::entry::Entry`].",
                f"pub struct {m.capitalize()} {{ pub id: u64, pub amount: i64 }}", ""]
        out += [f"impl {m.capitalize()} {{", "    /// Makes one.", "    pub fn new(id: u64) -> Self { Self { id, amount: 0 } }", "}", ""]
        out += [f"impl fmt::Display for {m.capitalize()} {{",
                "    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, \"{}\", self.id) }", "}", ""]
        for j in range(12):
            fault = rnd.random()
            doc = [f"/// Computes the {m} value number {j}."]
            if fault < 0.15:
                doc.append(f"/// See [`{m.capitalize()}Builder`] for the builder.")
            elif fault < 0.25:
                doc.append(f"/// Uses [`crate::{rnd.choice(mods)}::{rnd.choice(['Totals', 'Rate', 'Cursor'])}`].")
            elif fault < 0.32:
                doc.append("/// Read more at https://example.org/docs/" + m)
            elif fault < 0.38:
                doc.append("/// Returns a Vec<Entry> of the entries.")
            elif fault < 0.43:
                doc.append(f"/// Same as [`helper_{j}`], a private helper.")
            elif fault < 0.47:
                doc.append("/// See [the guide][guide].")
            else:
                doc.append(f"/// Related: [`{m.capitalize()}::new`].")
            out += doc + [f"pub fn {m}_value_{j}(x: i64) -> i64 {{ helper_{j}(x) * {j + 1} }}", "",
                          f"fn helper_{j}(x: i64) -> i64 {{ x + {j} }}", ""]
        (root / "src" / f"{m}.rs").write_text("\n".join(out) + "\n")


def gen_java(root: Path, seed: int = 2782) -> None:
    rnd = random.Random(seed)
    pkg = root / "src" / "com" / "example" / "ledger"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "package-info.java").write_text("/**\n * Ledger types. See {@link com.example.ledger.Ledger}.\n */\npackage com.example.ledger;\n")
    for c in ["Account", "Entry", "Journal", "Report", "Currency", "Audit", "Posting", "Period"]:
        out = ["package com.example.ledger;", "", "import java.util.List;", "import java.util.ArrayList;", ""]
        out += ["/**", f" * A {c.lower()} of the ledger.", " * <p>", f" * Holds the {c.lower()} fields.", " */",
                f"public class {c} {{"]
        out += ["    private final List<String> items = new ArrayList<>();", ""]
        for j in range(9):
            f = rnd.random()
            name = f"compute{j}"
            if f < 0.15:
                out += [f"    public int {name}(int amount) {{ return amount * {j}; }}", ""]
                continue
            doc = ["    /**", f"     * Computes value {j} of the {c.lower()}."]
            if f < 0.27:
                doc.append(f"     * @param amout the amount")
            else:
                doc.append("     * @param amount the amount")
            if f < 0.4 and f >= 0.27:
                doc.append(f"     * See {{@link {c}Builder}}.")
            elif f < 0.5:
                doc.append("     * <b>Note: bold never closed.")
            elif f < 0.58:
                doc.append("     * Returns a List<String> of names & codes.")
            if f < 0.7 or f > 0.9:
                doc.append("     * @return the value")
            if f > 0.93:
                doc.append("     * @throws java.io.IOException never")
            doc.append("     */")
            out += doc + [f"    public int {name}(int amount) {{ return amount + {j}; }}", ""]
        out += ["    public List<String> items() { return items; }", "}"]
        (pkg / f"{c}.java").write_text("\n".join(out) + "\n")


def gen_ts(root: Path, seed: int = 2783) -> None:
    rnd = random.Random(seed)
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "tsconfig.json").write_text('{"compilerOptions": {"target": "es2020", "module": "commonjs", "strict": true, '
                                        '"declaration": true, "outDir": "dist"}, "include": ["src"]}\n')
    mods = ["orders", "invoices", "customers", "shipping", "tax"]
    idx = []
    for m in mods:
        out = []
        cap = m.capitalize()
        out += ["/**", f" * A record of {m}.", f" * See {{@link {cap}Store}}.", " */",
                f"export interface {cap}Record {{", "  id: string;", "  total: number;", "}", ""]
        for j in range(10):
            f = rnd.random()
            fn = f"{m}Op{j}"
            if f < 0.2:
                out += [f"export function {fn}(x: number): number {{ return x * {j}; }}", ""]
                continue
            doc = ["/**", f" * Operation {j} on {m}."]
            if f < 0.32:
                doc.append(f" * Uses {{@link {rnd.choice(['Missing', 'Helper', cap + 'Cache'])}}}.")
            elif f < 0.4:
                doc.append(f" * @param y - the value")
            elif f < 0.46:
                doc.append(" * @unknownTag here")
            elif f < 0.52:
                doc.append(f" * See {{@link {cap}Record.nope}}.")
            else:
                doc.append(f" * See {{@link {cap}Record}}.")
            doc += [" * @param x - the input", " * @returns the result", " */"]
            out += doc + [f"export function {fn}(x: number): number {{ return x + {j}; }}", ""]
        out += [f"/** Internal {m} helper. */", f"class {cap}Internal {{ n = 1; }}",
                f"/** Returns an internal. */", f"export function make{cap}(): {cap}Internal {{ return new {cap}Internal(); }}", ""]
        (root / "src" / f"{m}.ts").write_text("\n".join(out) + "\n")
        idx.append(f'export * from "./{m}";')
    (root / "src" / "index.ts").write_text("/**\n * The shop package. See {@link OrdersRecord} and {@link Nowhere}.\n * @packageDocumentation\n */\n"
                                           + "\n".join(idx) + "\n")


def gen_c(root: Path, seed: int = 2784) -> None:
    rnd = random.Random(seed)
    (root / "include").mkdir(parents=True, exist_ok=True)
    (root / "src").mkdir(parents=True, exist_ok=True)
    for m in ["buf", "ring", "hashmap", "arena", "strutil"]:
        out = [f"/** @file {m}.h", f" *  @brief The {m} API. */", f"#ifndef {m.upper()}_H", f"#define {m.upper()}_H",
               "#include <stddef.h>", "", f"/** An opaque {m}. */", f"typedef struct {m} {m}_t;", ""]
        for j in range(10):
            f = rnd.random()
            fn = f"{m}_op{j}"
            if f < 0.15:
                out += [f"int {fn}({m}_t *self, size_t n);", ""]
                continue
            doc = ["/**", f" * @brief Operation {j} on a {m}."]
            doc.append(" * @param self the object")
            if f < 0.3:
                doc.append(" * @param count the count")
            elif f < 0.4:
                doc.append(f" * @see {m}_missing{j}")
            elif f < 0.48:
                doc.append(" * @retval")
            elif f < 0.55:
                doc.append(" * \\unknowncmd here")
            else:
                doc.append(" * @param n the size")
            if f > 0.2:
                doc.append(" * @return 0 on success")
            doc.append(" */")
            out += doc + [f"int {fn}({m}_t *self, size_t n);", ""]
        out.append("#endif")
        (root / "include" / f"{m}.h").write_text("\n".join(out) + "\n")
    doxy = ['PROJECT_NAME = "cutil"', "INPUT = include", "RECURSIVE = YES", "GENERATE_LATEX = NO", "GENERATE_HTML = YES",
            "OUTPUT_DIRECTORY = build/doc", "QUIET = YES", "WARNINGS = YES", "WARN_IF_UNDOCUMENTED = YES",
            "WARN_IF_DOC_ERROR = YES", "WARN_NO_PARAMDOC = YES", "EXTRACT_ALL = NO"]
    (root / "Doxyfile").write_text("\n".join(doxy + ["WARN_AS_ERROR = YES", "QUIET = NO"]) + "\n")
    (root / "Doxyfile.ci").write_text("\n".join(doxy + ["WARN_AS_ERROR = FAIL_ON_WARNINGS"]) + "\n")
    (root / "Doxyfile.log").write_text("\n".join(doxy + ["WARN_AS_ERROR = FAIL_ON_WARNINGS", "WARN_LOGFILE = build/doxy-warn.log"]) + "\n")

# ------------------------------------------------------------------ the steps

PYSPELL = """matrix:
- name: markdown
  aspell:
    lang: en
    d: en_US
  sources:
  - 'docs/*.md'
  default_encoding: utf-8
  pipeline:
  - pyspelling.filters.markdown:
  - pyspelling.filters.html:
      comments: false
      ignores:
      - code
      - pre
- name: rest
  hunspell:
    d: en_US
  sources:
  - 'docs/*.rst'
  pipeline:
  - pyspelling.filters.text:
"""


def spell(tmp: Path) -> None:
    d = tmp / "handbook"
    gen_docs(d)
    (d / ".pyspelling.yml").write_text(PYSPELL)
    (d / ".pyspelling-hunspell.yml").write_text(PYSPELL.replace("aspell:\n    lang: en\n    d: en_US", "hunspell:\n    d: en_US"))
    H = "hunspell -d en_US"
    cases = [
        ("hunspell-list-one", f"{H} -l docs/05-*.md docs/17-*.md docs/29-*.md", N_HUNSPELL_LIST),
        ("hunspell-list-loop", "for f in docs/*.md; do echo \"== $f\"; " + H + " -l \"$f\" | sort -u; done", N_HUNSPELL_LIST),
        ("hunspell-list-uniq", f"cat docs/*.md README.md | {H} -l | sort | uniq -c | sort -rn | head -n 60", N_HUNSPELL_LIST),
        ("hunspell-list-count", f"{H} -l docs/*.md docs/*.rst | sort -u; {H} -l docs/*.md | wc -l", N_HUNSPELL_LIST),
        ("hunspell-pipe-one", f"{H} -a < docs/29-index.md", N_HUNSPELL_PIPE),
        ("hunspell-pipe-grep", f"{H} -a < README.md | grep -v '^\\*$'", N_HUNSPELL_PIPE),
        ("hunspell-pipe-all", f"cat docs/*.md | {H} -a | grep -v '^\\*$' | head -n 1500", N_HUNSPELL_PIPE),
        ("aspell-pipe-head", "cat docs/1*.md | aspell -a -l en_US --mode=markdown | head -n 4000", N_ASPELL_PIPE),
        ("hunspell-pipe-rst", f"{H} -a docs/chapter2.rst 2>&1 | head -n 400", N_HUNSPELL_PIPE),
        ("hunspell-u3-one", f"{H} -u3 docs/29-*.md", n_hunspell_u3),
        ("hunspell-u3-all", f"{H} -u3 docs/*.md; echo EXIT=$?", n_hunspell_u3),
        ("hunspell-u3-rst", f"{H} -u3 docs/*.rst README.md 2>&1 | tail -n 120", n_hunspell_u3),
        ("aspell-list-md", "cat docs/2*.md | aspell --lang=en_US --mode=markdown list", N_ASPELL_LIST),
        ("aspell-list-loop", "for f in docs/*.md; do echo \"== $f\"; aspell -l en_US --mode=markdown list < \"$f\" | sort -u; done", N_ASPELL_LIST),
        ("aspell-list-none", "cat docs/*.rst | aspell -l en_US --mode=none list | sort | uniq -c | sort -rn", N_ASPELL_LIST),
        ("aspell-pipe-md", "aspell -a -l en_US --mode=markdown < docs/29-index.md", N_ASPELL_PIPE),
        ("aspell-pipe-readme", "aspell -a -l en_US --mode=markdown < README.md | grep -v '^\\*$'; echo EXIT=$?", N_ASPELL_PIPE),
        ("enchant-list-one", "cat docs/05-cache.md docs/29-index.md docs/1*.md | enchant-2 -d en_US -l", N_ENCHANT_LIST),
        ("enchant-list-loop", "for f in docs/*.md docs/*.rst; do echo \"==> $f <==\"; enchant-2 -d en_US -l \"$f\"; done", N_ENCHANT_LIST),
        ("enchant-list-uniq", "cat docs/*.md | enchant-2 -d en_US -l | sort | uniq -c | sort -rn | head -n 50", N_ENCHANT_LIST),
        ("cspell-words-only-md", "npx cspell --words-only --unique --no-progress 'docs/**/*.md'", N_CSPELL_WORDS),
        ("cspell-words-only-all", "npx cspell --words-only --no-progress '**/*.{md,rst}' 2>&1 | sort | uniq -c | sort -rn", N_CSPELL_WORDS),
        ("cspell-words-only-readme", "npx cspell --words-only --no-progress README.md docs/05-*.md docs/17-*.md; echo EXIT=$?", N_CSPELL_WORDS),
        ("mdspell-report-all", "npx mdspell --report --en-us --ignore-numbers --ignore-acronyms 'docs/*.md'", n_mdspell),
        ("mdspell-report-tail", "npx mdspell -r -n -a --en-us 'docs/*.md' 'README.md' 2>&1 | tail -n 80", n_mdspell),
        ("mdspell-report-few", "npx mdspell --report --en-us 'docs/0*.md'; echo EXIT=$?", n_mdspell),
        ("pyspelling-all", "pyspelling", n_pyspelling),
        ("pyspelling-md", "pyspelling -n markdown -v; echo EXIT=$?", n_pyspelling),
        ("pyspelling-hunspell", "pyspelling -c .pyspelling-hunspell.yml 2>&1 | tail -n 150", n_pyspelling),
    ]
    for iid, cmd, ext in cases:
        raw = cm.run(cmd.replace("npx ", ""), cwd=d, timeout=180)
        add(iid, "cd handbook && " + cmd if iid.endswith(("-loop", "-all")) else cmd, raw, ext)
    # a larger tree: the long outputs
    b = tmp / "handbook-v2"
    gen_docs(b, n_md=110, seed=2785)
    for iid, cmd, ext in [
        ("hunspell-u3-big", f"cd handbook-v2 && {H} -u3 docs/*.md docs/*.rst", n_hunspell_u3),
        ("mdspell-report-big", "npx mdspell --report --en-us --ignore-numbers 'docs/**/*.md'; echo EXIT=$?", n_mdspell),
        ("enchant-list-loop-big", "for f in docs/*.md; do echo \"== $f\"; enchant-2 -d en_US -l \"$f\" | sort -u; done", N_ENCHANT_LIST),
        ("aspell-pipe-big", "cd handbook-v2 && cat docs/*.md | aspell -a -l en_US --mode=markdown | grep -v '^\\*$' | grep -v '^$'", N_ASPELL_PIPE),
    ]:
        run_cmd = cmd.replace("cd handbook-v2 && ", "").replace("npx ", "")
        add(iid, cmd, cm.run(run_cmd, cwd=b, timeout=300), ext)


def docgen(tmp: Path) -> None:
    c = tmp / "cutil"
    gen_c(c)
    cm.run("rm -rf build && mkdir -p build", cwd=c)
    add("doxygen-wae-first", "doxygen Doxyfile; echo EXIT=$?", cm.run("doxygen Doxyfile; echo EXIT=$?", cwd=c, timeout=120), n_doxygen_wae)
    cm.run("rm -rf build && mkdir -p build", cwd=c)
    add("doxygen-wae-fail-on-warnings", "doxygen Doxyfile.ci 2>&1; echo EXIT=$?",
        cm.run("doxygen Doxyfile.ci 2>&1; echo EXIT=$?", cwd=c, timeout=120), n_doxygen_wae)
    cm.run("rm -rf build && mkdir -p build", cwd=c)
    cmd = "doxygen Doxyfile.log >/dev/null 2>&1; echo EXIT=$?; cat build/doxy-warn.log | grep -v 'is not documented'"
    add("doxygen-wae-logfile", "cd cutil && " + cmd, cm.run(cmd, cwd=c, timeout=120), n_doxygen_wae)
    # rust
    r = tmp / "ledgerdoc"
    gen_crate(r)
    env = {"CARGO_TARGET_DIR": str(tmp / "target"), "CARGO_TERM_COLOR": "never"}
    for iid, cmd, ext in [
        ("cargo-doc-short", "cargo doc --no-deps --message-format short", N_CARGO_DOC_SHORT),
        ("cargo-doc-short-deny", "RUSTDOCFLAGS='-D rustdoc::bare_urls -D rustdoc::invalid_html_tags' cargo doc --no-deps --message-format short 2>&1 | tail -n 60", N_CARGO_DOC_SHORT),
        ("cargo-rustdoc-deny-links", "cargo rustdoc -- -D rustdoc::broken_intra_doc_links; echo EXIT=$?", N_RUSTDOC_DENY),
        ("cargo-rustdoc-deny-all", "cargo rustdoc -- -D rustdoc::all -D missing_docs 2>&1 | head -n 200", N_RUSTDOC_DENY),
        ("cargo-rustdoc-deny-warnings", "RUSTDOCFLAGS='-D warnings' cargo rustdoc --lib -- -W rustdoc::bare_urls", N_RUSTDOC_DENY),
    ]:
        cm.run("touch src/lib.rs", cwd=r)
        add(iid, ("cd ledgerdoc && " + cmd) if "deny-links" in iid else cmd, cm.run(cmd, cwd=r, timeout=300, env=env), ext)
    # java
    j = tmp / "ledger-java"
    gen_java(j)
    for iid, cmd in [
        ("javac-doclint-all", "javac -Xdoclint:all -d out $(find src -name '*.java')"),
        ("javac-doclint-maxwarns", "javac -Xdoclint:all -Xmaxwarns 400 -Xmaxerrs 400 -d out src/com/example/ledger/*.java; echo EXIT=$?"),
        ("javac-doclint-reference", "javac -Xdoclint:all,-missing -d out src/com/example/ledger/*.java 2>&1 | grep -E 'error|warning'"),
    ]:
        add(iid, cmd, cm.run(cmd, cwd=j, timeout=180), n_javac_doclint)
    # typescript
    t = tmp / "shop-ts"
    gen_ts(t)
    for iid, cmd in [
        ("typedoc-validation-all", "typedoc --entryPoints src/index.ts --out docs-out --validation --logLevel Verbose"),
        ("typedoc-validation-strict", "typedoc --entryPoints src/index.ts --out docs-out --validation --treatWarningsAsErrors; echo EXIT=$?"),
        ("typedoc-validation-links", "typedoc --entryPoints src/index.ts --emit none --validation.invalidLink --validation.notExported --validation.notDocumented 2>&1 | tail -n 80"),
    ]:
        add(iid, "npx " + cmd, cm.run(cmd, cwd=t, timeout=240), typedoc_validation_ext())


def typedoc_validation_ext():
    return n_typedoc_validation


def ensure_tools() -> None:
    for tool, pkg in [("hunspell", "hunspell"), ("aspell", "aspell"), ("enchant-2", "enchant-2"), ("doxygen", "doxygen")]:
        cm.ensure_apt(tool, pkg)
    cm.run("apt-get -o DPkg::Lock::Timeout=600 install -y hunspell-en-us aspell-en >/dev/null 2>&1 || true", timeout=700)
    cm.install_npm(JS, ".bin/typedoc", ["cspell", "markdown-spellcheck", "typedoc", "typescript"])
    cm.install_venv(VENV, "pyspelling", ["pyspelling"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    return [spell, docgen]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide278", sys.modules["__main__"])
    main()
