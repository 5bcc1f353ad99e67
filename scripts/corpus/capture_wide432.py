"""Capture round 432 of the compression corpus: translation and text tooling a developer runs on a project, kinds new
to the corpus, on a weaving mill's project written here (`loomworks` and its larger sibling `warpmill`: Python modules
calling gettext, Markdown and reStructuredText manuals about looms, shuttles, warps and heddles, PO catalogs in a dozen
languages, widened by generators seeded 43210+), with faults put in: `%s` against `%d`, a named placeholder renamed or
dropped, fuzzy and untranslated entries, catalog headers without `Plural-Forms` or left fuzzy, duplicate entries,
Latin-1, cp1252, UTF-16 and broken UTF-8 bytes in files said to be UTF-8, manuals whose translations fall under po4a's
threshold, markup broken in the manuals.

Kinds (rules in NEEDLES.md's "Round 432" section, one extractor each below): pybabel-extract, pybabel-update,
pybabel-compile, i18nspector, po4a, isutf8, uchardet, msgattrib, pogrep, junitmsgfmt, sphinx-lint, pymarkdown.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide432.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide432.json  as {"version": 2, "items": [...]}, ids prefixed "wide432-".
Tools:   Debian's i18nspector, po4a, moreutils (isutf8), uchardet, gettext; PyPI's Babel, sphinx-lint, pymarkdownlnt
         and translate-toolkit in the round's own venv under /dev/shm.
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
from capture_data import any_of, python_exceptions, rule4  # noqa: E402

ID_PREFIX = "wide432-"
DEFAULT_OUT = HERE / "data" / "wide432.json"
TMP = Path("/dev/shm/hm-corpus-wide432")
TOOLS = Path("/dev/shm/hm-corpus-wide432-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["Babel", "sphinx-lint", "pymarkdownlnt", "translate-toolkit"]
APT = "i18nspector po4a moreutils uchardet gettext"
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    if not cm.have("po4a", "po4a") or not cm.have("i18nspector", "i18nspector") or not cm.have("isutf8", "isutf8"):
        cm.run(f"apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends {APT}", timeout=900)
    cm.install_venv(VENV, "sphinx-lint", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ================================================================== extractors (NEEDLES.md, round 432)

def _tb_exit(lines):
    return python_exceptions(lines) + [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def _loc_file(ln: str) -> str:
    m = re.match(r"\s*([^\s:]+):\d+", ln)
    return m.group(1) if m else ""


def _no_loc(ln: str) -> str:
    return cm.mask(re.sub(r"^\s*[^\s:]+:\d+(?::\d+)?:?", "", ln))


@cm.kind("pybabel-extract", "build")
def n_pybabel_extract(lines):
    """error lines; warnings one {"any"} per (shape, file); the 'writing PO template file' line; tracebacks; EXIT=N"""
    out, warn = [], []
    for ln in lines:
        if re.search(r"error|Error", ln):
            out.append(ln)
        elif re.search(r"warning", ln, re.I):
            warn.append(((_no_loc(ln), _loc_file(ln)), ln))
        elif ln.startswith("writing PO template file"):
            out.append(ln)
    return out + cm.groups(warn) + _tb_exit(lines)


@cm.kind("pybabel-update", "build")
def n_pybabel_update(lines):
    """error lines; 'updating catalog' lines (<=12, else first and last); warnings one {"any"} per shape; EXIT=N"""
    out, warn = [], []
    upd = [ln for ln in lines if ln.startswith("updating catalog")]
    for ln in lines:
        if re.search(r"error|Error", ln):
            out.append(ln)
        elif re.search(r"warning", ln, re.I):
            warn.append((_no_loc(ln), ln))
    out += upd if len(upd) <= 12 else [upd[0], upd[-1]]
    return out + cm.groups(warn) + _tb_exit(lines)


STAT = re.compile(r"^(\d+) of (\d+) messages \((\d+)%\) translated in (.+)$")


@cm.kind("pybabel-compile", "build")
def n_pybabel_compile(lines):
    """'error:' lines, 'skipping' lines; statistics lines by rule 4 (lowest and highest share); tracebacks; EXIT=N"""
    out = [ln for ln in lines if re.search(r"error|Error", ln) or "skipping" in ln]
    rows = [(ln, {"pct": int(m.group(3))}) for ln in lines if (m := STAT.match(ln.strip()))]
    return out + rule4(rows, nums=("pct",)) + _tb_exit(lines)


@cm.kind("i18nspector", "lint")
def n_i18nspector(lines):
    """E:/F: lines; W: one {"any"} per (tag, file); I:/P:/X: one {"any"} per tag"""
    out, grp = [], []
    for ln in lines:
        m = re.match(r"^([EFWIPX]): (\S+?): (\S+)", ln)
        if not m:
            if re.search(r"error|Error|Traceback", ln):
                out.append(ln)
            continue
        lvl, f, tag = m.groups()
        if lvl in "EF":
            out.append(ln)
        elif lvl == "W":
            grp.append((("W", tag, f), ln))
        else:
            grp.append((("IPX", tag), ln))
    return out + cm.groups(grp) + _tb_exit(lines)


@cm.kind("po4a", "build")
def n_po4a(lines):
    """error / Perl-die lines; lines naming a document discarded under the threshold; warnings one {"any"} per shape"""
    out, warn = [], []
    for ln in lines:
        if re.search(r"error|Error|Invalid|Unknown|cannot|Can't|died| at \S+ line \d+\.", ln):
            out.append(ln)
        elif re.search(r"Discard|discarded|not written|% translated", ln, re.I) and re.search(
                r"Discard|discard|not written|only", ln, re.I):
            out.append(ln)
        elif re.search(r"warning", ln, re.I):
            warn.append((cm.mask(ln), ln))
    return out + cm.groups(warn) + _tb_exit(lines)


@cm.kind("isutf8", "lint")
def n_isutf8(lines):
    """every 'FILE: line N, char N, byte N: msg' line (<=20, else one {"any"} per shape + first, last); -l names"""
    bad = [ln for ln in lines if re.match(r"^\S.*: line \d+, char \d+, byte \d+", ln)]
    if bad:
        if len(bad) <= 20:
            return bad + _tb_exit(lines)
        shp = [(re.sub(r"^.*?byte \d+: ", "", cm.mask(ln)), ln) for ln in bad]
        return [bad[0], bad[-1]] + cm.groups(shp) + _tb_exit(lines)
    names = [ln for ln in lines if ln.strip() and not re.match(r"^EXIT=", ln)]
    return (names if len(names) <= 20 else [names[0], names[-1]]) + _tb_exit(lines)


@cm.kind("uchardet", "listing")
def n_uchardet(lines):
    """rule 4 on the encoding column of 'FILE: ENCODING' rows; error lines"""
    rows, out = [], []
    for ln in lines:
        m = re.match(r"^(.+): (\S[^:]*)$", ln)
        if m and not re.search(r"error|cannot|No such", ln, re.I):
            rows.append((ln, {"enc": m.group(2).strip()}))
        elif re.search(r"error|cannot|No such", ln, re.I):
            out.append(ln)
    return out + rule4(rows, cat=("enc",)) + _tb_exit(lines)


def _po_units(lines):
    """(msgid line, source file of its first '#:' reference) of every non-header unit of PO text."""
    units, ref = [], ""
    for ln in lines:
        if ln.startswith("#:"):
            if not ref:
                ref = (ln[2:].split() or [""])[0].split(":")[0]
        elif ln.startswith("msgid ") or ln.startswith("#~ msgid "):
            if ln.strip() not in ('msgid ""', '#~ msgid ""') or ref:
                units.append((ln, ref))
            elif ln.strip() == 'msgid ""':
                pass
            ref = ""
        elif not ln.strip():
            ref = ""
    return units


def _po_listing(lines, tool: str):
    units = _po_units(lines)
    errs = [ln for ln in lines if re.match(rf"^{tool}\S*: ", ln) or re.search(r"Error|error:", ln)]
    if len(units) <= 20:
        return errs + [u[0] for u in units] + _tb_exit(lines)
    mid = units[1:-1]
    return errs + [units[0][0], units[-1][0]] + cm.groups((f, ln) for ln, f in mid) + _tb_exit(lines)


@cm.kind("msgattrib", "doc")
def n_msgattrib(lines):
    """msgid line of every entry printed (<=20; else first, last and one {"any"} per source file); error lines"""
    return _po_listing(lines, "msgattrib")


@cm.kind("pogrep", "search")
def n_pogrep(lines):
    """msgid line of every matched unit (<=20; else first, last and one {"any"} per source file); error lines"""
    return _po_listing(lines, "pogrep")


@cm.kind("junitmsgfmt", "test")
def n_junitmsgfmt(lines):
    """every failing <testcase> line, the first line of its <failure>/<error>, the <testsuite> counts line"""
    out = [ln for ln in lines if "<testsuite" in ln]
    for i, ln in enumerate(lines):
        if "<testcase" in ln and "/>" not in ln:
            f = cm.next_match(lines, i, r"<(failure|error)\b", ahead=3)
            if f:
                out += [ln, f]
        if re.search(r"Traceback|^\S+: error", ln):
            out.append(ln)
    return out + _tb_exit(lines)


@cm.kind("sphinx-lint", "lint")
def n_sphinx_lint(lines):
    """one {"any"} per (checker, file) of 'FILE:LINE: msg (checker)'; other error lines; 'No problems found.'"""
    grp, out = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: .*\(([\w-]+)\)$", ln)
        if m:
            grp.append(((m.group(2), m.group(1)), ln))
        elif re.search(r"error|Error|No problems found", ln):
            out.append(ln)
    return out + cm.groups(grp) + _tb_exit(lines)


@cm.kind("pymarkdown", "lint")
def n_pymarkdown(lines):
    """one {"any"} per (rule id, file) of 'FILE:L:C: MDnnn: msg'; other error lines"""
    grp, out = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+: (\w+): ", ln)
        if m:
            grp.append(((m.group(2), m.group(1)), ln))
        elif re.search(r"BadTokenization|Error|error:|Exception", ln):
            out.append(ln)
    return out + cm.groups(grp) + _tb_exit(lines)


# ================================================================== material: a weaving mill's project

NOUNS = ["loom", "shuttle", "warp", "weft", "heddle", "reed", "bobbin", "selvedge", "treadle", "beam", "pirn",
         "jacquard card", "dobby head", "shed", "creel", "temple", "harness", "spool", "batten", "cloth roll"]
ADJ = ["slack", "broken", "tangled", "worn", "misaligned", "overheated", "idle", "loose", "frayed", "stalled"]
VERBS = ["jammed", "stopped", "was re-threaded", "needs oiling", "lost tension", "was replaced", "skipped a pick",
         "drifted", "was inspected", "finished its run"]
PH = ["%s", "%d", "%(loom)s", "%(picks)d", "%(shuttle)s", "%(width).1f"]


def msg_pool(rng: random.Random, n: int) -> list[str]:
    pool = set()
    while len(pool) < n:
        a, b, c = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ADJ)
        form = rng.randrange(6)
        if form == 0:
            m = f"{a.capitalize()} %s {b}"
        elif form == 1:
            m = f"%d {a}s on loom %(loom)s are {c}"
        elif form == 2:
            m = f"The {c} {a} on loom %(loom)s {b} after %(picks)d picks"
        elif form == 3:
            m = f"{a.capitalize()} {b} in shed {{shed}}"
        elif form == 4:
            m = f"Weaving order %s: {a} width %(width).1f cm is {c}"
        else:
            m = f"{a.capitalize()} is {c}"
        if "%s" in m and "%(" in m:
            m = m.replace("%s", "%(order)s")
        pool.add(m)
    return sorted(pool)


def make_sources(root: Path, n_mod: int, seed: int, faults: bool = True) -> None:
    rng = random.Random(seed)
    pool = msg_pool(rng, n_mod * 5)
    files = {"loomworks/__init__.py": '"""Loomworks."""\n',
             "loomworks/i18n.py": "import gettext\n_ = gettext.gettext\nngettext = gettext.ngettext\n"
                                  "def N_(s):\n    return s\nlazy_gettext = N_\n"}
    for i in range(n_mod):
        noun = NOUNS[i % len(NOUNS)].replace(" ", "_")
        body = [f'"""The {noun.replace("_", " ")} station {i} of the weaving floor."""',
                "from loomworks.i18n import _, ngettext, N_, lazy_gettext", ""]
        for j in range(5):
            m = pool[(i * 5 + j) % len(pool)]
            kw = rng.choice(["_", "_", "_", "N_", "lazy_gettext"])
            body.append(f"def check_{noun}_{j}(loom, picks, shuttle, order, width, shed, log):")
            if "%(" in m:
                args = "{" + ", ".join(f'"{k}": {k}' for k in sorted(set(re.findall(r"%\((\w+)\)", m)))) + "}"
                body.append(f'    log({kw}("{m}") % {args})')
            elif "{shed}" in m:
                body.append(f'    log({kw}("{m}").format(shed=shed))')
            elif "%d" in m:
                body.append(f'    log({kw}("{m}") % picks)')
            elif "%s" in m:
                body.append(f'    log({kw}("{m}") % loom)')
            else:
                body.append(f'    log({kw}("{m}"))')
            body.append("")
        a = NOUNS[(i + 3) % len(NOUNS)]
        body.append("def count_idle(n, log):")
        body.append(f'    log(ngettext("%(num)d {a} idle", "%(num)d {a}s idle", n) % {{"num": n}})')
        body.append("")
        if faults and i % 9 == 4:
            body += ["def blank(log):", '    log(_(""))', ""]
        if faults and i % 11 == 6:
            body += ["def dynamic(log, name):", '    log(_(f"Loom {name} re-threaded"))', "    log(_(name))", ""]
        if faults and i % 13 == 8:
            body += ["def plural_missing(log, n):", '    log(ngettext("Shuttle returned"))', ""]
        files[f"loomworks/station_{i:03d}_{noun}.py"] = "\n".join(body) + "\n"
    cm.write_tree(root, files)


SUBS = {"de": {"a": "ä", "o": "ö", "u": "ü"}, "fr": {"e": "é", "a": "à"}, "es": {"n": "ñ", "o": "ó"},
        "it": {"e": "è"}, "nl": {"y": "ij", "a": "aa"}, "pl": {"l": "ł", "s": "ś", "z": "ż"},
        "pt_BR": {"a": "ã", "c": "ç"}, "sv": {"a": "å", "o": "ö"}, "cs": {"c": "č", "r": "ř", "s": "š"},
        "tr": {"i": "ı", "s": "ş", "g": "ğ"}, "fi": {"a": "ä", "u": "uu"}, "ja": {"a": "ア", "o": "オ", "e": "エ"},
        "da": {"o": "ø", "a": "æ"}, "hu": {"o": "ő", "u": "ű"}, "ro": {"s": "ș", "t": "ț"}, "uk": {"o": "о", "e": "є"}}
PHR = re.compile(r"(%\(\w+\)[.\d]*[sdf]|%[sd]|\{\w+\})")


ESC = re.compile(r"(%\(\w+\)[.\d]*[sdf]|%[sd]|\{\w+\}|\\.)")


def pseudo(lang: str, text: str) -> str:
    parts = ESC.split(text)
    out = []
    for k, p in enumerate(parts):
        if k % 2:
            out.append(p)
        else:
            for a, b in SUBS[lang].items():
                p = p.replace(a, b)
            out.append(p)
    return "".join(out)


def fault(rng: random.Random, s: str) -> str:
    kind = rng.randrange(3)
    if kind == 0 and ("%d" in s or "%s" in s):
        return s.replace("%d", "%s", 1) if "%d" in s else s.replace("%s", "%d", 1)
    m = re.search(r"%\((\w+)\)", s)
    if kind == 1 and m:
        return s.replace(m.group(0), f"%({m.group(1)[:-1]})", 1)
    ph = PHR.search(s)
    return s.replace(ph.group(0), "", 1) if ph else s


def _q(s: str) -> str:
    return '"' + s + '"'  # s is PO-escaped already (_unq keeps the escapes)


def _unq(block: list[str]) -> str:
    return "".join(re.sub(r'^[^"]*"(.*)"$', r"\1", ln) for ln in block)


def fill_po(path: Path, lang: str, seed: int, untrans: float, fuzzy: float, bad: float, keep_header_fuzzy=False,
            drop_plural_forms=False, dup: int = 0) -> None:
    """Translate a catalog made by `pybabel init` / po4a in place with pseudo-translations and the faults asked for."""
    rng = random.Random(seed)
    blocks = path.read_text().split("\n\n")
    out = []
    for bi, b in enumerate(blocks):
        lines = b.split("\n")
        if not any(ln.startswith("msgid ") for ln in lines):
            out.append(b)
            continue
        i_id = next(i for i, ln in enumerate(lines) if ln.startswith("msgid "))
        i_st = next(i for i, ln in enumerate(lines) if ln.startswith("msgstr"))
        if _unq([lines[i_id]]) == "" and i_st == i_id + 1:  # the header
            if not keep_header_fuzzy:
                lines = [ln for ln in lines if ln != "#, fuzzy"]
            if drop_plural_forms:
                lines = [ln for ln in lines if "Plural-Forms" not in ln]
            out.append("\n".join(lines))
            continue
        i_pl = next((i for i, ln in enumerate(lines) if ln.startswith("msgid_plural")), None)
        sing = _unq(lines[i_id:i_pl if i_pl is not None else i_st])
        plur = _unq(lines[i_pl:i_st]) if i_pl is not None else None
        head = lines[:i_st]
        n_forms = sum(ln.startswith("msgstr[") for ln in lines[i_st:]) or 1
        r = rng.random()
        if r < untrans:
            tr = ["" for _ in range(n_forms)]
        else:
            base = [pseudo(lang, sing)] + [pseudo(lang, plur or sing)] * (n_forms - 1)
            if rng.random() < bad:
                base = [fault(rng, s) for s in base]
            tr = base
            if rng.random() < fuzzy:
                fl = next((k for k, ln in enumerate(head) if ln.startswith("#,")), None)
                if fl is None:
                    head.insert(i_id, "#, fuzzy")
                else:
                    head[fl] = "#, fuzzy," + head[fl][2:]
        if plur is None:
            body = [f"msgstr {_q(tr[0])}"]
        else:
            body = [f"msgstr[{k}] {_q(t)}" for k, t in enumerate(tr)]
        out.append("\n".join(head + body))
        if dup and bi % 17 == 3 and dup > 0:
            out.append("\n".join([ln for ln in head if not ln.startswith("#")] + body))
            dup -= 1
    path.write_text("\n\n".join(out))


def mill_doc(rng: random.Random, title: str, n_sec: int, faults: bool) -> str:
    """A Markdown manual about the mill, with markdown faults when asked."""
    lines = [f"# {title}", ""]
    for s in range(n_sec):
        noun = rng.choice(NOUNS)
        lvl = "###" if faults and s % 5 == 3 else "##"
        lines += [f"{lvl} {noun.capitalize()} care {s + 1}"]
        if not (faults and s % 4 == 1):
            lines.append("")
        for p in range(rng.randint(1, 3)):
            sent = " ".join(f"The {rng.choice(ADJ)} {rng.choice(NOUNS)} {rng.choice(VERBS)} near loom {rng.randint(1, 48)}."
                            for _ in range(rng.randint(2, 6)))
            if faults and rng.random() < 0.25:
                sent += "   "
            if faults and rng.random() < 0.15:
                sent = "\t" + sent
            lines += [sent, ""]
        if faults and s % 6 == 2:
            lines += ["See http://mill.example/looms for the spare parts list.", ""]
        if s % 3 == 0:
            lines += ["1. Stop the loom.", "3. Release the warp beam." if faults else "2. Release the warp beam.",
                      "3. Check every heddle.", ""]
    if faults:
        lines += ["# Appendix", "", "Thread counts per shuttle, see table.", ""]
    return "\n".join(lines) + "\n"


def mill_rst(rng: random.Random, title: str, n_sec: int, faults: bool) -> str:
    lines = [title, "=" * len(title), ""]
    for s in range(n_sec):
        h = f"{rng.choice(NOUNS).capitalize()} setup {s + 1}"
        lines += [h, "-" * len(h), ""]
        for p in range(rng.randint(1, 3)):
            sent = " ".join(f"The {rng.choice(ADJ)} {rng.choice(NOUNS)} {rng.choice(VERBS)}." for _ in range(rng.randint(2, 5)))
            if faults:
                f = rng.randrange(12)
                if f == 0:
                    sent += " See :func:`loomworks.station.check_beam`for details."
                elif f == 1:
                    sent += " Use :class:Shuttle to model it."
                elif f == 2:
                    sent += " Call ``tension()``s on every beam."
                elif f == 3:
                    sent += "  "
                elif f == 4:
                    sent += " The :ref:`warp plan<warp-plan>` applies."
                elif f == 5:
                    sent += " Read `the loom manual <http://mill.example/manual>` first."
                elif f == 6:
                    sent = "\t" + sent
                elif f == 7:
                    sent += " Run :meth:`Loom.start()` before weaving."
                elif f == 8:
                    sent += " See the see-"
            lines += [sent, ""]
        if faults and s % 4 == 2:
            lines += [".. note:", "", "   Oil the treadles weekly.", ""]
        if faults and s % 5 == 1:
            lines += ["... warning::", "", "   Never reach into an open shed.", ""]
        if s % 3 == 0:
            lines += [".. code-block:: python", "", "   loom.set_tension(picks=40)",
                      "   if loom.shed.open(" if faults and s % 6 == 3 else "   loom.start()", ""]
    return "\n".join(lines) + ("\n" if not (faults and rng.random() < 0.2) else "")


# ================================================================== steps

A = TMP / "loomworks"
B = TMP / "warpmill"
LOCS_A = ["de", "fr", "es", "it", "nl", "pl", "pt_BR", "sv", "cs", "tr", "fi", "ja"]
LOCS_B = LOCS_A + ["da", "hu", "ro", "uk"]
PYB = "pybabel"


def sh(cmd: str, cwd: Path, timeout: int = 300) -> str:
    return cm.run(cmd, cwd=cwd, timeout=timeout)


def step_material(tmp: Path) -> None:
    make_sources(A, 36, 43210)
    make_sources(B, 150, 43217)
    (B / "babel.cfg").write_text("[python: loomworks/**.py]\n")
    (B / "babel-jinja.cfg").write_text("[python: loomworks/**.py]\n[jinja2: loomworks/templates/**.html]\n")
    cm.write_tree(B, {"loomworks/templates/order.html": "<h1>{% trans %}Weaving order{% endtrans %}</h1>\n"})
    cm.write_tree(A, {"broken/loomworks/bad_station.py":
                      'from loomworks.i18n import _\n\ndef check(log):\n    log(_("Warp beam %s empty"\n'
                      '  % beam)\n     log(_("""Heddle frame\n'})


KW = "-k N_ -k lazy_gettext"


def step_extract(tmp: Path) -> None:
    cap("extract-loomworks", f"{PYB} extract {KW} --project=loomworks --version=2.3 -o messages.pot loomworks", A,
        n_pybabel_extract)
    cap("extract-warpmill", f"{PYB} extract -F babel.cfg {KW} --project=warpmill --version=0.9 -o messages.pot .", B,
        n_pybabel_extract)
    cap("extract-warpmill-jinja", f"{PYB} extract -F babel-jinja.cfg {KW} -o wm.pot . 2>&1 | tail -n 60", B,
        n_pybabel_extract)
    cap("extract-broken", f"{PYB} extract {KW} -o broken.pot broken; echo EXIT=$?", A, n_pybabel_extract)


def step_catalogs(tmp: Path) -> None:
    rng = random.Random(43211)
    for root, locs, dom in ((A, LOCS_A, "loomworks"), (B, LOCS_B, "warpmill")):
        for k, loc in enumerate(locs):
            sh(f"{PYB} init -i messages.pot -d locale -l {loc}", root)
            fill_po(root / "locale" / loc / "LC_MESSAGES" / "messages.po", loc, 43212 + k,
                    untrans=rng.choice([0.0, 0.05, 0.15, 0.3, 0.55]), fuzzy=rng.choice([0.0, 0.03, 0.1]),
                    bad=rng.choice([0.0, 0.02, 0.06]), keep_header_fuzzy=(loc == "fi"),
                    drop_plural_forms=(loc in ("cs", "hu")), dup=(3 if loc in ("tr", "ro") else 0))
    # the code moves on: new stations, a renamed module, then a fresh template (not captured)
    make_sources(A, 44, 43218)
    make_sources(B, 170, 43219)
    sh(f"{PYB} extract -q {KW} -o messages.pot loomworks", A)
    sh(f"{PYB} extract -q -F babel.cfg {KW} -o messages.pot .", B)


def step_update(tmp: Path) -> None:
    cap("update-loomworks", f"{PYB} update -i messages.pot -d locale", A, n_pybabel_update)
    cap("update-warpmill", f"{PYB} update -i messages.pot -d locale --ignore-obsolete --previous", B, n_pybabel_update)
    cap("update-warpmill-missing", f"{PYB} update -i messages.pot -d locale -l gd; echo EXIT=$?", B, n_pybabel_update)


def step_compile(tmp: Path) -> None:
    cap("compile-loomworks", f"{PYB} compile -d locale --statistics; echo EXIT=$?", A, n_pybabel_compile)
    cap("compile-warpmill", f"{PYB} compile -d locale --statistics -f 2>&1 | grep -v 'mixes positional and named'",
        B, n_pybabel_compile)
    cap("compile-warpmill-de", f"{PYB} compile -d locale -l de --statistics; echo EXIT=$?", B, n_pybabel_compile)


def step_i18nspector(tmp: Path) -> None:
    cap("i18nspector-loomworks", "i18nspector locale/*/LC_MESSAGES/messages.po", A, n_i18nspector)
    cap("i18nspector-warpmill", "i18nspector locale/*/LC_MESSAGES/messages.po locale/*/LC_MESSAGES/messages.mo", B,
        n_i18nspector)
    cap("i18nspector-pot", "i18nspector -l pl messages.pot locale/pl/LC_MESSAGES/messages.po "
        "locale/cs/LC_MESSAGES/messages.po locale/fi/LC_MESSAGES/messages.po", B, n_i18nspector)


def step_gettext(tmp: Path) -> None:
    cap("msgattrib-fuzzy", "msgattrib --only-fuzzy locale/de/LC_MESSAGES/messages.po", B, n_msgattrib)
    cap("msgattrib-untranslated", "msgattrib --untranslated --no-wrap locale/fr/LC_MESSAGES/messages.po", A, n_msgattrib)
    cap("msgattrib-fuzzy-after-update", "msgattrib --only-fuzzy locale/pt_BR/LC_MESSAGES/messages.po", A, n_msgattrib)
    cap("msgattrib-untranslated-warpmill", "msgattrib --untranslated locale/hu/LC_MESSAGES/messages.po", B, n_msgattrib)
    cap("pogrep-msgid", "pogrep --search=source -I -e -i locale/de/LC_MESSAGES/messages.po 'shuttle|heddle'", A, n_pogrep)
    cap("pogrep-warpmill", "pogrep --search=source -i locale/sv/LC_MESSAGES/messages.po 'tangled'", B, n_pogrep)
    cap("pogrep-msgstr", "pogrep --search=target -i locale/pl/LC_MESSAGES/messages.po 'ł'", B, n_pogrep)
    cap("junitmsgfmt-loomworks", "junitmsgfmt locale/*/LC_MESSAGES/messages.po", A, n_junitmsgfmt)
    cap("junitmsgfmt-warpmill", "junitmsgfmt --untranslated locale/*/LC_MESSAGES/messages.po", B, n_junitmsgfmt)


D = TMP / "manual"
DOC_LANGS = ["de", "fr", "es", "nl", "pl", "sv", "cs", "ja"]


def step_docs(tmp: Path) -> None:
    rng = random.Random(43220)
    files = {}
    for k in range(6):
        files[f"doc/{['looms', 'shuttles', 'warping', 'heddles', 'finishing', 'safety'][k]}.md"] = \
            mill_doc(rng, f"Mill manual: {['Looms', 'Shuttles', 'Warping', 'Heddles', 'Finishing', 'Safety'][k]}",
                     rng.randint(4, 9), faults=(k % 2 == 1))
    cfg = ["[po4a_langs] " + " ".join(DOC_LANGS), "[po4a_paths] po/manual.pot $lang:po/$lang.po",
           "[options] opt:\"-k 80\""]
    for f in sorted(files):
        cfg.append(f"[type: text] {f} $lang:build/$lang/{Path(f).name} opt:\"-o markdown\"")
    files["po4a.cfg"] = "\n".join(cfg) + "\n"
    cm.write_tree(D, files)
    sh("po4a --no-translations po4a.cfg", D)
    for k, lang in enumerate(DOC_LANGS):
        p = D / "po" / f"{lang}.po"
        if p.exists():
            fill_po(p, lang, 43221 + k, untrans=[0.0, 0.1, 0.3, 0.5, 0.05, 0.7, 0.15, 0.25][k], fuzzy=0.05, bad=0.0)
    cap("po4a-manual", "po4a po4a.cfg; echo EXIT=$?", D, n_po4a)
    cap("po4a-translate", "for l in de fr es nl pl sv cs ja; do for d in doc/*.md; do po4a-translate -f text "
        "-o markdown -m $d -p po/$l.po -l build/$l/$(basename $d) -k 80; done; done", D, n_po4a)
    cap("po4a-updatepo", "for l in de fr es nl pl sv cs ja; do po4a-updatepo -f text -o markdown -m doc/looms.md "
        "-m doc/shuttles.md -m doc/safety.md -p po/$l.po; echo \"$l: $?\"; done", D, n_po4a)
    cap("po4a-verbose", "po4a -v -k 60 --no-update po4a.cfg; echo EXIT=$?", D, n_po4a)
    sv = D / "po" / "sv.po"
    if sv.exists():  # a translator's stray backslash, then the next run
        sv.write_text(sv.read_text().replace('msgstr "Th', 'msgstr "\\q Th', 2))
    cap("po4a-verbose-rerun", "po4a -v po4a.cfg; echo EXIT=$?", D, n_po4a)
    # the larger mill's manuals for the linters
    rng = random.Random(43225)
    big = {}
    for k in range(40):
        big[f"docs/md/{NOUNS[k % 20].replace(' ', '-')}-{k:02d}.md"] = mill_doc(rng, f"{NOUNS[k % 20].capitalize()} {k}",
                                                                                rng.randint(3, 12), faults=k % 3 != 0)
        big[f"docs/rst/{NOUNS[k % 20].replace(' ', '-')}-{k:02d}.rst"] = mill_rst(rng, f"{NOUNS[k % 20].capitalize()} {k}",
                                                                                  rng.randint(3, 12), faults=k % 4 != 0)
    cm.write_tree(B, big)
    cm.write_tree(A, {f"docs/{k}.rst": mill_rst(rng, f"Loomworks part {k}", 6, faults=True) for k in range(6)})
    cm.write_tree(A, {f"docs/{k}.md": mill_doc(rng, f"Loomworks part {k}", 7, faults=True) for k in range(6)})


def step_linters(tmp: Path) -> None:
    cap("sphinx-lint-loomworks", "sphinx-lint docs", A, n_sphinx_lint)
    cap("sphinx-lint-warpmill", "sphinx-lint docs/rst", B, n_sphinx_lint)
    cap("sphinx-lint-enable", "sphinx-lint --enable all --disable trailing-whitespace docs/rst/shuttle-01.rst "
        "docs/rst/warp-02.rst docs/rst/heddle-04.rst docs/rst/reed-05.rst", B, n_sphinx_lint)
    cap("pymarkdown-loomworks", "pymarkdown scan docs", A, n_pymarkdown)
    cap("pymarkdown-warpmill", "pymarkdown -d md013,md009 scan docs/md", B, n_pymarkdown)
    cap("pymarkdown-disable", "pymarkdown -d md013,md010 scan docs/md/loom-00.md docs/md/shuttle-01.md "
        "docs/md/warp-02.md docs/md/weft-03.md docs/md/heddle-04.md docs/md/reed-05.md", B, n_pymarkdown)


def step_encodings(tmp: Path) -> None:
    rng = random.Random(43230)
    notes = TMP / "notes"
    notes.mkdir(exist_ok=True)
    texts = ["Côte d'Azur jacquard à la main, Größe 140 cm, façonné", "Tissage: navette réglée, chaîne tendue",
             "Webstühle 1–12: Kettbaum prüfen, Schüsse zählen", "Lançadeira trocada; urdidura frouxa no tear"]
    for k in range(70):
        t = "\n".join(f"{rng.choice(texts)} — loom {rng.randint(1, 48)}, {rng.choice(NOUNS)} {rng.choice(VERBS)}."
                      for _ in range(rng.randint(8, 40))) + "\n"
        kind = rng.choices(["utf8", "ascii", "latin1", "cp1252", "utf16", "broken"], [16, 3, 2, 2, 1, 2])[0]
        name = notes / f"shift-{k:03d}-{rng.choice(NOUNS).replace(' ', '_')}.txt"
        if kind == "utf8":
            data = t.encode()
        elif kind == "ascii":
            data = t.encode("ascii", "replace")
        elif kind == "latin1":
            data = t.replace("—", "-").replace("–", "-").encode("latin-1", "replace")
        elif kind == "cp1252":
            data = t.replace("—", "\u201c").encode("cp1252", "replace")
        elif kind == "utf16":
            data = t.encode("utf-16")
        else:
            b = bytearray(t.encode())
            pos = rng.randrange(len(b) // 2, len(b))
            b[pos:pos] = rng.choice([b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82", b"\xff", b"\xf5\x80\x80\x80"])
            data = bytes(b)
        name.write_bytes(data)
    cap("isutf8-notes", "isutf8 notes/*.txt; echo EXIT=$?", TMP, n_isutf8)
    cap("isutf8-list", "isutf8 -l notes/*.txt manual/doc/*.md manual/po/*.po", TMP, n_isutf8)
    cap("isutf8-project", "isutf8 $(find loomworks warpmill/locale manual -type f -name '*.p*' | sort) notes/shift-0[0-3]*",
        TMP, n_isutf8)
    cap("uchardet-notes", "uchardet notes/*.txt", TMP, n_uchardet)
    cap("uchardet-mixed", "uchardet notes/shift-0[2-5]*.txt manual/po/*.po manual/doc/*.md", TMP, n_uchardet)


def step_more(tmp: Path) -> None:
    """Second samples at other sizes: both projects at once, other flags."""
    cap("i18nspector-both", "i18nspector warpmill/locale/*/LC_MESSAGES/messages.po loomworks/locale/*/LC_MESSAGES/*.mo "
        "manual/po/*.po", TMP, n_i18nspector)
    cap("sphinx-lint-all", "sphinx-lint --enable all docs/rst", B, n_sphinx_lint)
    cap("pymarkdown-warpmill-md013", "pymarkdown -d md013 scan docs/md/[a-l]*", B, n_pymarkdown)
    cap("junitmsgfmt-both", "junitmsgfmt --untranslated loomworks/locale/*/LC_MESSAGES/messages.po "
        "warpmill/locale/[a-f]*/LC_MESSAGES/messages.po", TMP, n_junitmsgfmt)
    cap("msgattrib-untranslated-ro", "msgattrib --untranslated --no-obsolete locale/ro/LC_MESSAGES/messages.po", B,
        n_msgattrib)
    cap("pogrep-da", "pogrep --search=target -I -e -i locale/da/LC_MESSAGES/messages.po 'ø|æ' | head -n 2000", B,
        n_pogrep)
    cap("compile-warpmill-ja-fi", f"{PYB} compile -d locale -l ja --statistics; {PYB} compile -d locale -l fi "
        "--statistics; echo EXIT=$?", B, n_pybabel_compile)
    cap("extract-both", f"{PYB} extract {KW} --sort-by-file -o all.pot loomworks warpmill/loomworks 2>&1 | "
        "grep -v '^extracting messages'", TMP, n_pybabel_extract)
    cap("isutf8-all", "isutf8 notes/*.txt manual/po/*.po warpmill/docs/md/*.md loomworks/locale/*/LC_MESSAGES/*.mo",
        TMP, n_isutf8)


STEPS = [step_material, step_extract, step_catalogs, step_update, step_compile, step_i18nspector, step_gettext,
         step_docs, step_linters, step_encodings, step_more]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(4_000, 20_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
