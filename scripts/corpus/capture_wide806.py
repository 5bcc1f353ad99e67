#!/usr/bin/env python3
"""Capture round 806 of the compression corpus: spelling, prose and link checkers in outputs the corpus lacks, beside
some it has, on a parchment maker's handbook written here (`parchment`: pelts, lime pits, herses, lunellums, pumice,
parchmenters; seed 80600): Markdown pages in two sizes (docs/, 8 pages; handbook/, 30 pages) and an HTML site made
from them by this script and served on 127.0.0.1, with faults put in: common misspellings, the trade's words a
dictionary lacks, repeated words, `a`/`an` before the wrong sound, passive voice, insensitive words, relative links to
missing pages and headings, links to 404 paths and to a port where nothing listens.

Kinds (rules in NEEDLES.md's "Round 806" section): NEW cspell-suggestions, cspell-json, codespell-count,
codespell-write, alex-why, remark-retext, remark-validate-links, spellchecker-cli, blc, typos-diff; held by the
corpus, extractors imported: alex (round 38), codespell (round 1's wide), cspell (round 24's rule, rebuilt with its
`diag` arguments), typos (round 24), markdown-link-check (round 54), linkinator (round 107). Nothing captured here
was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide806.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide806.json  as {"version": 2, "items": [...]}, ids prefixed "wide806-".
Tools:   from npm in /dev/shm/hm-corpus-wide806/npm: cspell 9.8.0 (@cspell/cspell-json-reporter 9.8.0), alex 11.0.1,
         remark-cli 12.0.1 (remark 15.0.1) with remark-retext 6.0.1, retext-english 5.0.0, retext-spell 6.1.0,
         dictionary-en 4.0.0, retext-equality 7.1.0, retext-passive 5.0.0, retext-repeated-words 5.0.0,
         retext-indefinite-article 5.0.0, retext-readability 8.0.0, remark-validate-links 13.1.0; spellchecker-cli
         7.0.3, broken-link-checker 0.7.8, markdown-link-check 3.15.0, linkinator 7.6.1; from PyPI in
         /dev/shm/hm-corpus-wide806/venv: codespell 2.4.3, typos-cli 1.52.2; Node v20.20.2, Python 3.11.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import free_port, wait_port  # noqa: E402
from capture_wide import n_codespell  # noqa: E402
from capture_wide24 import diag  # noqa: E402
from capture_wide24_py import N_TYPOS  # noqa: E402
from capture_wide38_py import N_ALEX, _alex  # noqa: E402
from capture_wide54 import n_mlc  # noqa: E402
from capture_wide107_site import n_linkinator  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide806-"
DEFAULT_OUT = HERE / "data" / "wide806.json"
TMP = Path("/dev/shm/hm-corpus-wide806-run")
TOOLS = Path("/dev/shm/hm-corpus-wide806")
VENV = TOOLS / "venv"
NPM = TOOLS / "npm"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
SEED = 80600

# round 24's cspell rule, with the arguments round 24 gave `diag` (it is built inside a function there)
N_CSPELL = diag(
    "cspell", "lint", "cspell: 'Unknown word' findings one {\"any\"} per (word shape, file); the 'CSpell: Files "
    "checked' summary; rules 1,3.", warn=r" - Unknown word ", wkey=r"^(\S+?):\d+:\d+",
    summary=r"^CSpell: Files checked")

# ================================================================== extractors (NEEDLES.md, round 806)

EXIT = re.compile(r"^EXIT=\d+$")
TOOL_ERR = re.compile(r"^\s*(Error:|npm ERR!|ERR!|\w*Error: |Uncaught )")


def _common(lines):
    """Every kind's shared needles: the EXIT=N line, a line naming the tool's own error and its first `at` frame."""
    out = []
    for i, ln in enumerate(lines):
        if EXIT.match(ln):
            out.append(ln)
        elif TOOL_ERR.match(ln):
            out.append(ln)
            out.append(cm.next_match(lines, i + 1, r"^\s+at \S", 6))
    return out


def _dedupe(needles):
    seen, out = set(), []
    for n in needles:
        if n is None:
            continue
        key = json.dumps(n, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def _words(pairs):
    return cm.groups([((w.lower(), f), ln) for w, f, ln in pairs])


CSPELL_FINDING = re.compile(r"^(\S+?):\d+:\d+\s+-\s+Unknown word \(([^)]+)\)")


@cm.kind("cspell-suggestions", "lint")
def n_cspell_suggestions(lines):
    """Rules 1+3: `Unknown word` lines one {"any"} per (word, file); the `CSpell: Files checked` summary."""
    pairs, out = [], []
    for ln in lines:
        m = CSPELL_FINDING.match(ln)
        if m:
            pairs.append((m.group(2), m.group(1), ln))
        if ln.startswith("CSpell: Files checked"):
            out.append(ln)
    return _dedupe(out + _words(pairs) + _common(lines))


@cm.kind("cspell-json", "json")
def n_cspell_json(lines):
    """Rules 3+5: each issue's "text" line one {"any"} per (word, file); the result's files / filesWithIssues / issues / errors lines; error messages."""
    out, pairs = [], []
    text = "\n".join(lines)
    try:
        doc = json.JSONDecoder().raw_decode(text[text.index("{"):])[0]
    except ValueError:
        doc = None
    if isinstance(doc, dict):
        for iss in doc.get("issues", []):
            text, uri = iss.get("text", ""), iss.get("uri") or iss.get("filename") or ""
            hit = [ln for ln in lines if re.match(r'^\s*"text": ' + re.escape(json.dumps(text)) + r",?$", ln)]
            if hit:
                pairs.append((text, uri, hit[0]))
    for ln in lines:
        if re.match(r'^\s*"(files|filesWithIssues|issues|errors)": (\d+|\[)', ln) and not ln.strip().endswith("["):
            out.append(ln)
        if re.match(r'^\s*"message": ', ln):
            out.append(ln)
    return _dedupe(out + _words(pairs) + _common(lines))


CODESPELL = re.compile(r"^(\S+?):\d+: (\S+) ==>")


def _codespell_words(lines):
    return [(m.group(2), m.group(1), ln) for ln in lines for m in [CODESPELL.match(ln)] if m]


@cm.kind("codespell-count", "lint")
def n_codespell_count(lines):
    """Rules 1+3: `file:N: word ==> fix` findings one {"any"} per (word, file); the closing count (last bare-integer line)."""
    out = _words(_codespell_words(lines))
    counts = [ln for ln in lines if re.match(r"^\d+$", ln.strip())]
    if counts:
        out.append(counts[-1])
    return _dedupe(out + _common(lines))


@cm.kind("codespell-write", "lint")
def n_codespell_write(lines):
    """Rules 1+3: every `FIXED:` line; findings left (ambiguous fixes) one {"any"} per (word, file); every WARNING line."""
    out = [ln for ln in lines if ln.startswith("FIXED:") or ln.startswith("WARNING:")]
    return _dedupe(out + _words(_codespell_words(lines)) + _common(lines))


@cm.kind("alex-why", "lint")
def n_alex_why(lines):
    """Round 38's alex rule (file headers, one {"any"} per (term, file), the closing count) plus every `error` finding line."""
    out = list(_alex(lines))
    out += [ln for ln in lines if re.search(r"^\s*\d+:\d+(-\d+:\d+)?\s+error\s", ln) or re.match(r"^\s+error\s", ln)]
    return _dedupe(out + _common(lines))


VF_ROW = re.compile(r"^\s*(\d+:\d+(?:-\d+:\d+)?|\d+:\d+)\s+(warning|error|info)\s+(.*)$")
VF_HEADER = re.compile(r"^(\S+\.(md|markdown|txt|html))(\s|$)")
VF_SUMMARY = re.compile(r"^\s*[⚠✖✔]\s*\d+|^\s*\d+ (warnings?|errors?|messages?)")


def _vfile(lines, key):
    """vfile-reporter output: headers of files with findings, every `error` row, warnings grouped by key(row, file)."""
    out, pairs, cur, had = [], [], None, False
    for ln in lines:
        h = VF_HEADER.match(ln)
        if h and not ln.startswith(" "):
            cur, had = ln, False
            continue
        m = VF_ROW.match(ln)
        if m:
            if cur and not had:
                out.append(cur)
                had = True
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append((key(m.group(3), cur or ""), ln))
        if VF_SUMMARY.match(ln):
            out.append(ln)
    return out + cm.groups(pairs)


def _retext_key(msg, f):
    src = re.search(r"(retext-[\w-]+|remark-[\w-]+)(:[\w-]+)?\s*$", msg)
    rule = src.group(0).strip() if src else cm.mask(msg)
    if "retext-spell" in msg:
        w = re.search(r"`([^`]+)`", msg)
        rule = "spell|" + (w.group(1).lower() if w else cm.mask(msg))
    return (rule, f)


@cm.kind("remark-retext", "lint")
def n_remark_retext(lines):
    """Rules 1+3: file headers with findings; every error row; warnings one {"any"} per (rule id with source, file), retext-spell per (word, file); the closing summary."""
    return _dedupe(_vfile(lines, _retext_key) + _common(lines))


@cm.kind("remark-validate-links", "lint")
def n_remark_validate_links(lines):
    """Rules 1+3: every finding line (a missing file or heading) with its file header; the closing summary."""
    out, cur, had = [], None, False
    for ln in lines:
        if VF_HEADER.match(ln) and not ln.startswith(" "):
            cur, had = ln, False
            continue
        if VF_ROW.match(ln):
            out.append(ln)
            if cur and not had:
                out.append(cur)
                had = True
        if VF_SUMMARY.match(ln):
            out.append(ln)
    return _dedupe(out + _common(lines))


def _spell_key(msg, f):
    w = re.search(r"`([^`]+)`", msg)
    if re.search(r"misspel|spelling|unknown word", msg, re.I) and w:
        return ("spell|" + w.group(1).lower(), f)
    src = re.search(r"(\S+)\s*$", msg)
    return ((src.group(1) if src else cm.mask(msg)), f)


@cm.kind("spellchecker-cli", "lint")
def n_spellchecker(lines):
    """Rules 1+3: file headers with findings; misspellings one {"any"} per (word, file), other findings per (rule, file); the closing summary."""
    return _dedupe(_vfile(lines, _spell_key) + _common(lines))


@cm.kind("blc", "lint")
def n_blc(lines):
    """Rules 1+3: every BROKEN line with the `Getting links from:` page above it; every `Finished!` line; the last `Elapsed time:` line; error lines."""
    out, page, had = [], None, False
    for ln in lines:
        if ln.startswith("Getting links from:"):
            page, had = ln, False
        if re.search(r"[├└]─BROKEN─", ln):
            out.append(ln)
            if page and not had:
                out.append(page)
                had = True
        if ln.startswith("Finished!"):
            out.append(ln)
        if re.search(r"\berror\b", ln, re.I) and not re.search(r"BROKEN", ln):
            out.append(ln)
    el = [ln for ln in lines if ln.startswith("Elapsed time:")]
    return _dedupe(out + el[-1:] + _common(lines))


@cm.kind("typos-diff", "git")
def n_typos_diff(lines):
    """Rule 5: every `+++` file header, every `@@` hunk header and every `+` line (the corrected line)."""
    out = [ln for ln in lines if ln.startswith("+++ ") or ln.startswith("@@") or (ln.startswith("+") and len(ln.strip()) > 4)]
    return _dedupe(out + _common(lines))


# ================================================================== material

R = random.Random(SEED)
TOPICS = ["choosing-pelts", "soaking-the-skins", "the-lime-pits", "unhairing", "fleshing", "lacing-the-herse",
          "working-the-lunellum", "drying-under-tension", "pumice-and-chalk", "cutting-the-sheets",
          "ruling-and-pricking", "storage-and-damp", "the-parchmenters-guild", "safety-in-the-yard", "glossary"]
SKINS = ["calf", "goat", "sheep", "kid", "deer"]
NOUNS = ["pelt", "skin", "herse", "lunellum", "lime pit", "beam", "pumice stone", "chalk paste", "frame", "peg",
         "grain side", "flesh side", "hair side", "sheet", "quire", "vellum", "bath", "drying loft", "knife", "cord"]
VERBS = ["scrape", "stretch", "soak", "turn", "rinse", "tighten", "inspect", "trim", "dry", "rub", "score", "weigh"]
ADJ = ["thin", "even", "supple", "translucent", "creamy", "taut", "clean", "damp", "pale", "fine", "rough", "smooth"]
TRADE = ["herses", "lunellums", "parchmenters", "unhairing", "fleshside", "scudding", "parchmenter's", "lunellar",
         "pouncing", "sandarac", "quiring", "frisket"]
MISSPELL = {"receive": "recieve", "separate": "seperate", "occurred": "occured", "the": "teh", "which": "wich",
            "until": "untill", "beginning": "begining", "necessary": "neccessary", "their": "thier",
            "environment": "enviroment", "definitely": "definately", "usually": "usally", "should": "shoud",
            "length": "lenght", "thorough": "thourough", "accommodate": "accomodate", "weight": "wieght",
            "surface": "surfce", "because": "becuase", "across": "accross"}
INSENSITIVE = ["He should keep his knife sharp before he starts the day.",
               "The master parchmenter keeps a blacklist of suppliers who sold bad pelts.",
               "It is crazy to leave a skin in the lime for a month.",
               "Only whitelisted tanneries may deliver to the yard.",
               "A lame skin, torn at the neck, is simply set aside for glue.",
               "Every apprentice must show the master his first sheet."]
PASSIVE = ["The pelt is stretched on the herse by the apprentice.", "The skins were soaked for two days.",
           "The sheet was scraped too thin and was torn.", "The lime was changed when the water was fouled."]
ARTICLE = ["Leave the skin for a hour in the rinse.", "Use an lunellum with a curved blade.",
           "Rub the grain with a unusual mix of pumice and chalk.", "Keep an herse for every size of sheet."]
REPEAT = ["Turn the the pegs a quarter turn each morning.", "Wash the skin in in clean water.",
          "Scrape the flesh side until it is is even."]
LONG = ("When the skin has been taken from the lime and the hair has been pushed off with the back of the knife on the "
        "beam, and when the flesh side has been worked with the fleshing knife until no fat or membrane is left, the "
        "parchmenter laces it into the herse with cords tied to pegs so that it can be tightened as it dries, and "
        "then works it with the lunellum, a crescent knife, while it is still damp and taut.")


def sentence(rng):
    return (f"{rng.choice(VERBS).capitalize()} the {rng.choice(ADJ)} {rng.choice(NOUNS)} "
            f"before the {rng.choice(NOUNS)} is {rng.choice(['ready', 'dry', 'set', 'taut', 'clean'])}, "
            f"{rng.choice(['then', 'and', 'so'])} {rng.choice(VERBS)} the {rng.choice(NOUNS)} with care.")


def misspell(text, rng, rate):
    def sub(m):
        w = m.group(0)
        if w.lower() in MISSPELL and rng.random() < rate:
            bad = MISSPELL[w.lower()]
            return bad.capitalize() if w[0].isupper() else bad
        return w
    return re.sub(r"[A-Za-z]+", sub, text)


def filler(rng):
    parts = ["You should receive the pelts on a dry morning, because damp skins begin to rot across the surface.",
             "Separate the thin skins from the thick ones, which usually come from older animals.",
             "Until the beginning of the frost it is necessary to check the lime every day.",
             "If a tear occurred in the herse, note its length and weight in their ledger.",
             "A thorough scraping is definitely needed to accommodate the ink in this environment."]
    return rng.choice(parts)


def page(n, slug, skin, names, rng, port, dead_port, big):
    title = slug.replace("-", " ").capitalize()
    lines = [f"# {title} ({skin})", "",
             f"This page of the parchment handbook covers {title.lower()} for {skin} skins in the yard.", ""]
    sections = ["Tools", "Method", "Faults", "Notes"] + (["Timings", "Examples"] if big else [])
    for s in sections:
        lines += [f"## {s}", ""]
        para = [sentence(rng) for _ in range(rng.randint(2, 4))] + [filler(rng)]
        if rng.random() < 0.7:
            para.append(f"The {rng.choice(TRADE)} and the {rng.choice(TRADE)} are kept near the {rng.choice(NOUNS)}.")
        if rng.random() < 0.35:
            para.append(rng.choice(INSENSITIVE))
        if rng.random() < 0.3:
            para.append(rng.choice(PASSIVE))
        if rng.random() < 0.25:
            para.append(rng.choice(ARTICLE))
        if rng.random() < 0.25:
            para.append(rng.choice(REPEAT))
        if s == "Method" and rng.random() < 0.5:
            para.append(LONG)
        rng.shuffle(para)
        lines += [misspell(" ".join(para), rng, 0.45), ""]
        if s == "Notes":
            other = rng.choice(names)
            links = [f"- Next: [{other}]({other}.md)",
                     f"- Suppliers: [price list](http://127.0.0.1:{port}/suppliers/{skin}.html)"]
            r = rng.random()
            if r < 0.3:
                links.append(f"- See also: [{skin} grading]({skin}-grading.md)")
            elif r < 0.55:
                links.append(f"- Faults: [{other}]({other}.md#stretching-faults)")
            if rng.random() < 0.4:
                links.append(f"- Old price list: [archive](http://127.0.0.1:{port}/archive/{skin}-{n}.html)")
            if rng.random() < 0.2:
                links.append(f"- Guild register: [register](http://127.0.0.1:{dead_port}/register)")
            if rng.random() < 0.3:
                links.append(f"- Method: [above](#method) and [timings](#timing)")
            lines += links + [""]
    return "\n".join(lines)


def make_docs(root, count, big, port, dead_port, rng):
    root.mkdir(parents=True, exist_ok=True)
    names = [f"{i:02d}-{TOPICS[i % len(TOPICS)]}" for i in range(count)]
    for i, name in enumerate(names):
        skin = SKINS[i % len(SKINS)]
        (root / f"{name}.md").write_text(page(i, TOPICS[i % len(TOPICS)], skin, names, rng, port, dead_port, big))
    return names


def md_to_html(md):
    out, para = [], []
    for ln in md.split("\n"):
        if ln.startswith("# "):
            out.append(f"<h1>{ln[2:]}</h1>")
        elif ln.startswith("## "):
            out.append(f'<h2 id="{ln[3:].lower()}">{ln[3:]}</h2>')
        elif ln.startswith("- "):
            out.append(f"<p>{ln[2:]}</p>")
        elif ln.strip():
            out.append(f"<p>{ln}</p>")
    html = "\n".join(out)
    def link(m):
        href = re.sub(r"\.md(#|$)", r".html\1", m.group(2))
        return f'<a href="{href}">{m.group(1)}</a>'
    html = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", link, html)
    return f"<!doctype html>\n<html><head><title>Parchment</title></head><body>\n{html}\n</body></html>\n"


def make_site(site, docs_dirs, port):
    site.mkdir(parents=True, exist_ok=True)
    index = ['<!doctype html><html><head><title>Parchment handbook</title></head><body><h1>Parchment handbook</h1>']
    for d in docs_dirs:
        (site / d.name).mkdir(exist_ok=True)
        for md in sorted(d.glob("*.md")):
            (site / d.name / (md.stem + ".html")).write_text(md_to_html(md.read_text()))
            index.append(f'<p><a href="/{d.name}/{md.stem}.html">{md.stem}</a></p>')
    (site / "suppliers").mkdir(exist_ok=True)
    for skin in SKINS[:3]:  # deer and kid price lists are missing (404)
        (site / "suppliers" / f"{skin}.html").write_text(f"<html><body><h1>{skin} prices</h1></body></html>\n")
    index.append('<p><a href="/suppliers/calf.html">calf prices</a> <a href="/guild/charter.html">charter</a></p>')
    (site / "index.html").write_text("\n".join(index) + "</body></html>\n")


# ================================================================== steps

def step_all(tmp: Path) -> None:
    root = tmp / "parchment"
    root.mkdir(parents=True, exist_ok=True)
    port, dead_port = free_port(), free_port()
    make_docs(root / "docs", 8, False, port, dead_port, R)
    make_docs(root / "handbook", 30, True, port, dead_port, R)
    make_site(root / "site", [root / "docs", root / "handbook"], port)
    (root / "node_modules").symlink_to(NPM / "node_modules")
    srv = cm.start(f"exec python3 -m http.server {port} --bind 127.0.0.1", cwd=root / "site")
    assert wait_port(port), "site server did not start"
    write_rcs(root)
    step_spell(root)
    step_prose(root)
    step_links(root, port)
    cm.note(f"server pid {srv.pid}")


def write_rcs(root: Path) -> None:
    full = """import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import dictionaryEn from 'dictionary-en'
import retextEquality from 'retext-equality'
import retextPassive from 'retext-passive'
import retextRepeatedWords from 'retext-repeated-words'
import retextIndefiniteArticle from 'retext-indefinite-article'
import retextReadability from 'retext-readability'
export default {plugins: [[remarkRetext, unified().use(retextEnglish)%s]]}
"""
    all_ = (".use(retextSpell, {dictionary: dictionaryEn}).use(retextEquality).use(retextPassive)"
            ".use(retextRepeatedWords).use(retextIndefiniteArticle).use(retextReadability, {age: 16})")
    prose = ".use(retextEquality).use(retextPassive).use(retextRepeatedWords).use(retextIndefiniteArticle)"
    (root / ".remarkrc.mjs").write_text(full % all_)
    (root / "prose.remarkrc.mjs").write_text(full % prose)
    (root / "links.remarkrc.mjs").write_text(
        "import remarkValidateLinks from 'remark-validate-links'\n"
        "export default {plugins: [[remarkValidateLinks, {repository: false}]]}\n")


def step_spell(root: Path) -> None:
    # cspell
    cap("cspell-docs", "cspell --no-progress --no-color 'docs/*.md' 2>&1", root, N_CSPELL)
    cap("cspell-handbook-1", "cspell --no-progress --no-color 'handbook/1*.md' 2>&1", root, N_CSPELL)
    cap("cspell-suggestions-docs", "cspell lint --no-progress --show-suggestions 'docs/*.md'; echo EXIT=$?", root,
        n_cspell_suggestions)
    cap("cspell-suggestions-context", "cspell lint --no-progress --show-suggestions --show-context 'handbook/0*.md'; "
        "echo EXIT=$?", root, n_cspell_suggestions)
    cap("cspell-suggestions-unique-handbook", "cspell lint --no-progress --show-suggestions --unique "
        "'handbook/*.md' 2>&1", root, n_cspell_suggestions)
    # (cspell's node sets O_NONBLOCK on the stderr it shares with jq's stdout, and jq then fails with EAGAIN:
    # the report goes to a file first)
    cap("cspell-json-docs", "cspell lint --no-progress --reporter @cspell/cspell-json-reporter 'docs/0[0-3]*.md' "
        "> report.json; jq . report.json", root, n_cspell_json)
    cap("cspell-json-handbook-2", "cspell lint --no-progress --reporter @cspell/cspell-json-reporter "
        "handbook/20-*.md handbook/21-*.md > report.json; python3 -m json.tool report.json", root, n_cspell_json)
    cap("cspell-json-suggestions", "cspell lint --no-progress --show-suggestions --reporter "
        "@cspell/cspell-json-reporter 'docs/0[4-6]*.md' missing-page.md > report.json; echo EXIT=$?; "
        "jq . report.json", root, n_cspell_json)
    # codespell
    cap("codespell-docs", "codespell docs", root, n_codespell)
    cap("codespell-count-docs", "codespell --count docs; echo EXIT=$?", root, n_codespell_count)
    cap("codespell-count-handbook", "codespell --count handbook 2>&1", root, n_codespell_count)
    cap("codespell-count-ignore", "codespell --count -L teh,wich handbook/0*.md handbook/1*.md; echo EXIT=$?", root,
        n_codespell_count)
    cm.run("rm -rf w1 w2 w3 && cp -r docs w1 && cp -r handbook w2 && mkdir w3 && cp handbook/2*.md w3/", cwd=root)
    cap("codespell-write-docs", "codespell -w w1; echo EXIT=$?", root, n_codespell_write)
    cap("codespell-write-handbook", "codespell -w --count w2; echo EXIT=$?", root, n_codespell_write)
    cap("codespell-write-interactive-off", "codespell -w -i 0 -L wich w3; echo EXIT=$?; codespell w3; echo EXIT=$?",
        root, n_codespell_write)
    # typos
    cap("typos-docs", "typos docs 2>&1", root, N_TYPOS)
    cap("typos-diff-docs", "typos --diff docs; echo EXIT=$?", root, n_typos_diff)
    cap("typos-diff-handbook-0", "typos --diff handbook/0*.md", root, n_typos_diff)
    cap("typos-diff-handbook", "typos --diff handbook/1[0-6]-*.md; echo EXIT=$?", root, n_typos_diff)
    # spellchecker-cli
    cap("spellchecker-docs", "spellchecker --files 'docs/0[0-4]*.md'; echo EXIT=$?", root, n_spellchecker)
    cap("spellchecker-handbook-1-quiet", "spellchecker --files 'handbook/1[0-1]*.md' --quiet", root, n_spellchecker)
    cap("spellchecker-handbook-no-suggestions", "spellchecker --files 'handbook/2[0-2]*.md' --no-suggestions --quiet "
        "--plugins spell repeated-words indefinite-article; echo EXIT=$?", root, n_spellchecker)


def step_prose(root: Path) -> None:
    cap("alex-docs", "alex docs/*.md", root, N_ALEX)
    cap("alex-why-docs", "alex --why docs/*.md; echo EXIT=$?", root, n_alex_why)
    cap("alex-why-handbook-1", "alex --why handbook/1*.md", root, n_alex_why)
    cap("alex-why-handbook", "alex --why --quiet handbook/0*.md handbook/2*.md; echo EXIT=$?", root, n_alex_why)
    cap("remark-retext-docs", "remark --no-stdout 'docs/0[0-2]*.md'; echo EXIT=$?", root, n_remark_retext)
    cap("remark-retext-handbook-0-quiet", "remark --no-stdout --quiet handbook/00-*.md handbook/01-*.md", root, n_remark_retext)
    cap("remark-retext-prose-handbook", "remark --no-stdout --quiet --rc-path prose.remarkrc.mjs 'handbook/1*.md'; "
        "echo EXIT=$?", root, n_remark_retext)
    cap("remark-retext-frail", "remark --no-stdout --frail handbook/20-*.md; echo EXIT=$?", root,
        n_remark_retext)


def step_links(root: Path, port: int) -> None:
    cap("remark-validate-links-docs", "remark --no-stdout --rc-path links.remarkrc.mjs 'docs/*.md'; echo EXIT=$?",
        root, n_remark_validate_links)
    cap("remark-validate-links-handbook", "remark --no-stdout --quiet --rc-path links.remarkrc.mjs 'handbook/*.md'",
        root, n_remark_validate_links)
    cap("remark-validate-links-frail", "remark --no-stdout --frail --use 'remark-validate-links=repository:false' "
        "--no-config 'handbook/0*.md' 'docs/0[0-3]*.md'; echo EXIT=$?", root, n_remark_validate_links)
    docs = sorted(p.name for p in (root / "docs").glob("*.md"))
    cap("markdown-link-check-docs", "for f in docs/*.md; do markdown-link-check \"$f\"; done; echo EXIT=$?", root,
        n_mlc)
    cap("markdown-link-check-quiet", "for f in handbook/0*.md; do markdown-link-check -q \"$f\"; done; "
        "echo EXIT=$?", root, n_mlc)
    base = f"http://127.0.0.1:{port}"
    cap("linkinator-site", f"linkinator {base}/ --recurse; echo EXIT=$?", root, n_linkinator, timeout=300)
    cap("linkinator-docs-markdown", "linkinator 'docs/*.md' --markdown; echo EXIT=$?", root, n_linkinator,
        timeout=300)
    cap("blc-site-recursive", f"blc {base}/ -ro; echo EXIT=$?", root, n_blc, timeout=300)
    hb = sorted(p.stem for p in (root / "handbook").glob("*.md"))
    cap("blc-handbook-pages", "for p in " + " ".join(hb[0:30:4]) + f"; do blc {base}/handbook/$p.html; done; "
        "echo EXIT=$?", root, n_blc, timeout=200)
    cap("blc-docs-pages-verbose", "for p in " + " ".join(p[:-3] for p in docs) + f"; do blc -v {base}/docs/$p.html; "
        "done", root, n_blc, timeout=200)
    cap("blc-docs-recursive-ordered", f"blc -ro --filter-level 0 {base}/docs/00-choosing-pelts.html; echo EXIT=$?",
        root, n_blc, timeout=200)


STEPS = [step_all]


def ensure_tools() -> None:
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(NPM / "node_modules" / ".bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide806", sys.modules["__main__"])
    main()
