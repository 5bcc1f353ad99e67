"""Capture round 593 of the compression corpus: new kinds from documentation and i18n tooling, on a ropeway's
Python package (`ropeway`: pylons, cabins, grips, haul ropes; generated with seed 59310, docstrings with broken
cross-references, malformed fields and undocumented members put in) and its message catalogs (generated with the same
seed: untranslated and fuzzy entries, duplicates, conflicting translations, characters a target charset lacks).
Kinds: gettext's msgcat, msguniq -d, msgcomm, msggrep, msgunfmt, msgconv; sphinx-intl update and stat; Sphinx's
coverage report and intersphinx inventory dump; pydoctor; translate-toolkit's poterminology, prop2po, json2po (po2csv's
rule was fixed too, but its kind proved to be in the corpus already, so it is not captured).

Each kind's extractor (`n_*` below) applies the rule NEEDLES.md's "Round 593" section fixed before capture.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide593.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide593.json  as {"version": 2, "items": [...]}, ids prefixed "wide593-".
Tools:   sphinx, sphinx-intl, pydoctor, translate-toolkit in /dev/shm/hm-corpus-wide593-tools/venv; gettext from
         Debian. Scratch under /dev/shm/hm-corpus-wide593 (deleted unless --keep).
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
from capture_data import rule4  # noqa: E402

ID_PREFIX = "wide593-"
DEFAULT_OUT = HERE / "data" / "wide593.json"
TMP = Path("/dev/shm/hm-corpus-wide593")
TOOLS = Path("/dev/shm/hm-corpus-wide593-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["sphinx", "sphinx-intl", "pydoctor", "translate-toolkit"]
SEED = 59310
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

ERRWORD = re.compile(r"\b(error|fatal|exception|traceback|failed|cannot|invalid)\b", re.I)
WARNWORD = re.compile(r"\bwarning\b", re.I)


# ================================================================== extractors (rules fixed before capture)

def _msgids(lines):
    return [ln for ln in lines if ln.startswith("msgid ") and ln != 'msgid ""']


def _tool_lines(lines, tool):
    return [ln for ln in lines if ln.startswith(f"{tool}:") or (ERRWORD.search(ln) and not ln.startswith(("msg", "#")))]


@cm.kind("msgcat", "pkg")
def n_msgcat(lines):
    """Rules 1+5: every msgcat: error/warning line; the msgid line of every entry holding #-#-#-#-# conflict markers and its first marker line."""
    out = [ln for ln in lines if ln.startswith("msgcat:")]
    entry_id = None
    marked = False
    for ln in lines:
        if ln.startswith("msgid "):
            entry_id, marked = ln, False
        elif "#-#-#-#-#" in ln and entry_id and not marked and entry_id != 'msgid ""':
            out += [entry_id, ln]
            marked = True
    return out


def _msgid_kind(name):
    def ext(lines):
        return _tool_lines(lines, name) + _msgids(lines)
    ext.__doc__ = f"Rules 1+5: every {name}: error line; every msgid line (each entry is an answer)."
    return cm.kind(name, "pkg")(ext)


n_msguniq = _msgid_kind("msguniq")
n_msgcomm = _msgid_kind("msgcomm")
n_msggrep = _msgid_kind("msggrep")


@cm.kind("msgunfmt", "pkg")
def n_msgunfmt(lines):
    """Rule 5: the header's Project-Id-Version, Language and Plural-Forms lines, and every msgid line."""
    return [ln for ln in lines if re.match(r'"(Project-Id-Version|Language|Plural-Forms):', ln)] + _msgids(lines)


@cm.kind("msgconv", "pkg")
def n_msgconv(lines):
    """Rules 1+5: every msgconv: line; on success the header's Content-Type line and every msgid line."""
    errs = [ln for ln in lines if ln.startswith("msgconv:")]
    if errs:
        return errs
    return [ln for ln in lines if ln.startswith('"Content-Type:')] + _msgids(lines)


@cm.kind("sphinx-intl-stat", "pkg")
def n_intl_stat(lines):
    """Rules 4+5: every catalog line with fuzzy or untranslated not 0; the lines with the maximum translated and untranslated counts."""
    rows = []
    out = []
    for ln in lines:
        m = re.search(r"(\d+) translated, (\d+) fuzzy, (\d+) untranslated", ln)
        if not m:
            if ERRWORD.search(ln):
                out.append(ln)
            continue
        t, f, u = map(int, m.groups())
        rows.append((ln, t, u))
        if f or u:
            out.append(ln)
    if rows:
        for idx in (1, 2):
            top = max(r[idx] for r in rows)
            out.append({"any": [r[0] for r in rows if r[idx] == top]})
    return out


@cm.kind("sphinx-intl-update", "pkg")
def n_intl_update(lines):
    """Rule 5: every Create:/Update: line (Not Changed: only when no other), any error line, the closing line if other."""
    out = [ln for ln in lines if ln.startswith(("Create:", "Update:"))]
    if not out:
        out = [ln for ln in lines if ln.startswith("Not Changed:")]
    out += [ln for ln in lines if ERRWORD.search(ln)]
    last = [ln for ln in lines if ln.strip()]
    if last and not last[-1].startswith(("Create:", "Update:", "Not Changed:")):
        out.append(last[-1])
    return out


@cm.kind("sphinx-coverage-report", "doc")
def n_sphinx_cov(lines):
    """Rules 5+6: every heading (underlined line), every undocumented ' * name' line, every table row under 100% with the header and TOTAL rows."""
    out = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if ln.strip() and re.fullmatch(r"[-=]{3,}", nxt.strip()) and not re.fullmatch(r"[-=+| ]+", ln.strip()):
            out.append(ln)
        elif re.match(r"\s*\*\s+\S", ln) or re.match(r"\s+-\s+\w", ln):  # ' * name', a missing method '   - name'
            out.append(ln)
        elif ln.startswith("|"):
            if re.search(r"\bModule\b|\bTOTAL\b", ln):
                out.append(ln)
            else:
                m = re.search(r"(\d+(?:\.\d+)?)%", ln)
                if m and float(m.group(1)) < 100:
                    out.append(ln)
    return out


@cm.kind("sphinx-intersphinx-inv", "listing")
def n_inv(lines):
    """Rule 4: every role header line (py:class, std:doc ...), the first and last entry under each."""
    out = []
    cur: list[str] = []
    for ln in lines + [""]:
        if ln and not ln.startswith((" ", "\t")):
            if cur:
                out += [cur[0], cur[-1]]
            cur = []
            out.append(ln)
        elif ln.strip():
            cur.append(ln)
    if cur:
        out += [cur[0], cur[-1]]
    return out


@cm.kind("pydoctor", "doc")
def n_pydoctor(lines):
    """Rules 1+3: error/exception lines; warnings 'file.py:N: msg' one any per (shape, file); closing count lines and the output-path line."""
    out = []
    pairs = []
    for ln in lines:
        m = re.match(r"(\S+?\.py):\d+: (.*)", ln)
        if m:
            if re.search(r"\berror\b|exception", m.group(2), re.I):
                out.append(ln)
            else:
                pairs.append(((cm.mask(m.group(2)), m.group(1)), ln))
        elif ERRWORD.search(ln) and not ln.startswith(" "):
            out.append(ln)
        elif re.search(r"\d+ (warnings?|errors?)\b", ln) or re.search(r"\bwrit|output", ln, re.I):
            out.append(ln)
    return out + cm.groups(pairs)


@cm.kind("po2csv", "table")
def n_po2csv(lines):
    """Rule 4 on the CSV: the header row, every row whose target (third column) is empty, the first and last data rows."""
    import csv
    body = [ln for ln in lines if ln.strip()]
    rows = list(csv.reader(body))
    out = [body[0]] if body else []
    data = list(zip(body[1:], rows[1:]))
    for ln, r in data:
        if len(r) >= 3 and not r[2].strip():
            out.append(ln)
    if data:
        out += [data[0][0], data[-1][0]]
    return out


@cm.kind("poterminology", "pkg")
def n_poterm(lines):
    """Rule 5: the msgid lines of the first 40 terms and the last term's; every error/warning line."""
    ids = _msgids(lines)
    out = ids[:40] + ids[-1:]
    return out + [ln for ln in lines if ERRWORD.search(ln) or WARNWORD.search(ln)]


def _conv_kind(name):
    def ext(lines):
        out = [ln for ln in lines if (ERRWORD.search(ln) or WARNWORD.search(ln)) and not ln.startswith(("msg", '"'))]
        for i, ln in enumerate(lines):
            if ln.startswith("msgid ") and ln != 'msgid ""':
                nxt = lines[i + 1] if i + 1 < len(lines) else ""
                if nxt == 'msgstr ""' and not (i + 2 < len(lines) and lines[i + 2].startswith('"')):
                    out.append(ln)
        out += [ln for ln in lines if ln.startswith("#:")][:20]
        return out
    ext.__doc__ = (f"Rules 1+5: every error/warning line (progress aside); the msgid of every entry with an empty "
                   f"msgstr; the #: lines of the first 20 entries ({name}).")
    return cm.kind(name, "pkg")(ext)


n_prop2po = _conv_kind("prop2po")
n_json2po = _conv_kind("json2po")


# ================================================================== material (seed 59310)

PARTS = ["pylon", "cabin", "grip", "haul rope", "sheave", "bullwheel", "tension carriage", "station", "brake",
         "saddle", "counterweight", "gondola", "chair", "terminal", "track rope", "anchor", "tower", "drive"]
VERBS = ["inspect", "align", "tension", "clamp", "release", "lubricate", "measure", "load", "dispatch", "park",
         "slow", "stop", "restart", "lower", "raise", "report", "calibrate", "log"]
MODS = ["pylons", "cabins", "grips", "hauls", "sheaves", "bullwheels", "carriages", "stations", "brakes", "saddles",
        "counterweights", "gondolas", "terminals", "anchors", "drives", "schedules", "alarms", "winds", "loads",
        "ropes", "towers", "dispatch", "inspections", "telemetry"]
LANGS = {"de": "Deutsch", "fr": "Français", "it": "Italiano", "ja": "日本語", "es": "Español", "pl": "Polski"}
TRANSLIT = {"de": "DE", "fr": "FR", "it": "IT", "es": "ES", "pl": "PL"}


def camel(s):
    return "".join(w.capitalize() for w in s.split())


def snake(s):
    return s.replace(" ", "_")


def make_package(root: Path, rng: random.Random, n_mods: int) -> None:
    pkg = root / "ropeway"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""Ropeway operations: pylons, cabins, grips and haul ropes."""\n')
    for m in MODS[:n_mods]:
        src = [f'"""The {m} of a detachable ropeway.\n\nSee :class:`ropeway.{m}.Missing` for the tables.\n"""\n\n']
        if rng.random() < 0.3:
            src = ["\n"]  # an undocumented module
        for k in range(rng.randint(3, 6)):
            part = rng.choice(PARTS)
            cls = camel(part) + str(k)
            doc = rng.random()
            if doc < 0.2:
                src.append(f"class {cls}:\n    limit = {rng.randint(10, 900)}\n\n")
            elif doc < 0.5:
                src.append(f'class {cls}:\n    """A {part} of line {k}; uses :class:`{camel(rng.choice(PARTS))}Missing` '
                           f'and :func:`{snake(rng.choice(VERBS))}_nowhere`.\n\n    :ivar limit: the limit.\n    """\n'
                           f"    limit = {rng.randint(10, 900)}\n\n")
            else:
                src.append(f'class {cls}:\n    """A {part} on the line.\n\n    :param load: load in kN\n    """\n\n'
                           f"    def __init__(self, load):\n        self.load = load\n\n")
            for v in rng.sample(VERBS, rng.randint(2, 5)):
                fn = f"{v}_{snake(part)}"
                d = rng.random()
                if d < 0.25:
                    body = ""
                elif d < 0.5:
                    body = (f'        """{v.capitalize()} the {part}.\n\n        :parm speed: metres a second\n'
                            f"        :returns: the new state\n        :returns: twice\n"
                            f'        :raise: nothing at all\n        """\n')
                elif d < 0.7:
                    body = (f'        """{v.capitalize()} the {part}, see `{camel(rng.choice(PARTS))}Gone` and '
                            f':meth:`{cls}.{rng.choice(VERBS)}_never`.\n\n        :param nope: not an argument\n'
                            f'        """\n')
                else:
                    body = f'        """{v.capitalize()} the {part} (*unclosed emphasis).\n\n        :rtype: int\n        """\n'
                src.append(f"    def {fn}(self, speed=1.0):\n{body}        return speed * self.limit if hasattr(self, 'limit') else speed\n\n")
            if rng.random() < 0.5:
                fn = f"{rng.choice(VERBS)}_all_{snake(part)}s"
                src.append(f"def {fn}(items):\n" + ('    """Every item; see :func:`no_such_helper`."""\n'
                                                    if rng.random() < 0.5 else "") + "    return list(items)\n\n")
        (pkg / f"{m}.py").write_text("".join(src))


def make_docs(root: Path, n_mods: int, extra: bool = False) -> None:
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "conf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.abspath('..'))\nproject = 'ropeway'\n"
        "extensions = ['sphinx.ext.autodoc', 'sphinx.ext.coverage']\nlocale_dirs = ['locale/']\n"
        "gettext_compact = False\ncoverage_show_missing_items = True\n")
    mods = MODS[:n_mods]
    toc = "\n".join(f"   {m}" for m in mods + (["winter"] if extra else []))
    (docs / "index.rst").write_text(f"Ropeway\n=======\n\nOperations of a detachable ropeway.\n\n.. toctree::\n\n{toc}\n")
    for m in mods:
        (docs / f"{m}.rst").write_text(
            f"{m.capitalize()}\n{'=' * len(m)}\n\nThe {m} of the line; each {m[:-1]} is checked at dawn.\n\n"
            f".. automodule:: ropeway.{m}\n   :members:\n")
    if extra:
        (docs / "winter.rst").write_text("Winter operation\n================\n\nIcing of the haul rope.\n\n"
                                         "Grip tests\n----------\n\nEvery grip is tested after a storm.\n")


UI = [f"{v.capitalize()} the {p}" for p in PARTS for v in VERBS]


def po_header(lang: str, charset: str = "UTF-8") -> str:
    return ('msgid ""\nmsgstr ""\n"Project-Id-Version: ropeway 5.9.3\\n"\n"Language: ' + lang + '\\n"\n'
            '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=' + charset + '\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')


def tr(lang: str, s: str, rng: random.Random) -> str:
    if lang == "ja":
        return "ロープウェイ：" + s.lower().replace(" ", "・")
    return f"[{TRANSLIT[lang]}] {s}" + (" (alt)" if rng.random() < 0.02 else "")


def make_po(path: Path, lang: str, msgs: list[str], rng: random.Random, untranslated=0.15, fuzzy=0.08,
            dups: int = 0, alt: float = 0.0) -> None:
    out = [po_header(lang)]
    chosen = list(msgs) + rng.sample(msgs, dups)
    for i, s in enumerate(chosen):
        r = rng.random()
        src = f"#: ropeway/{rng.choice(MODS)}.py:{rng.randint(10, 400)}\n"
        if r < untranslated:
            out.append(f'{src}msgid "{s}"\nmsgstr ""\n\n')
        elif r < untranslated + fuzzy:
            out.append(f'{src}#, fuzzy\nmsgid "{s}"\nmsgstr "{tr(lang, s, rng)}?"\n\n')
        else:
            t = tr(lang, s, rng)
            if rng.random() < alt:
                t = t + " !"
            out.append(f'{src}msgid "{s}"\nmsgstr "{t}"\n\n')
    path.write_text("".join(out))


# ================================================================== steps

def ensure_tools() -> None:
    cm.install_venv(VENV, "sphinx-intl", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def s_gettext(tmp: Path) -> None:
    rng = random.Random(SEED)
    po = tmp / "po"
    po.mkdir()
    for lang, n, dups in (("de", 120, 0), ("fr", 200, 0), ("it", 320, 0), ("ja", 90, 0), ("es", 324, 0)):
        make_po(po / f"{lang}.po", lang, rng.sample(UI, n), rng)
    make_po(po / "de-extra.po", "de", rng.sample(UI, 160), rng, alt=0.5)
    make_po(po / "pl.po", "pl", rng.sample(UI, 150), rng, dups=30)
    make_po(po / "es-big.po", "es", UI, rng)
    cap("msgcat-de-conflicts", "msgcat de.po de-extra.po", po, n_msgcat)
    cap("msgcat-all-sorted", "msgcat --sort-output de.po de-extra.po it.po", po, n_msgcat)
    cap("msguniq-pl-repeated", "msguniq -d pl.po", po, n_msguniq)
    cap("msguniq-pl-repeated-nolocation", "msguniq --repeated --no-location pl.po", po, n_msguniq)
    cap("msgcomm-unique", "msgcomm --less-than=2 de.po fr.po ja.po", po, n_msgcomm)
    cap("msgcomm-common", "msgcomm --more-than=2 --no-location fr.po it.po es.po de.po", po, n_msgcomm)
    cap("msggrep-cabin", "msggrep -K -e 'cabin' it.po", po, n_msggrep)
    cap("msggrep-grip-fuzzy", "msggrep --msgid -e 'grip' -e 'sheave' es-big.po", po, n_msggrep)
    cm.run("msgfmt -o fr.mo fr.po && msgfmt -o es.mo es-big.po", cwd=po)
    cap("msgunfmt-fr", "msgunfmt fr.mo", po, n_msgunfmt)
    cap("msgunfmt-es", "msgunfmt es.mo", po, n_msgunfmt)
    cap("msgconv-ja-ascii", "msgconv -t ASCII ja.po", po, n_msgconv)
    cm.run("msgfmt -o ja.mo ja.po", cwd=po)
    cap("msgunfmt-ja", "msgunfmt ja.mo", po, n_msgunfmt)
    cap("msgcat-more-than-1", "msgcat --more-than=1 de.po de-extra.po fr.po", po, n_msgcat)
    cap("msggrep-ja-msgstr", "msggrep -T -e 'ロープウェイ：.*cabin' ja.po", po, n_msggrep)
    cap("msgconv-de-latin1", "msgconv -t ISO-8859-1 de.po", po, n_msgconv)
    cap("msgconv-it-latin9", "msgconv -t ISO-8859-15 it.po", po, n_msgconv)
    cap("msguniq-pl-unique", "msguniq -u pl.po", po, n_msguniq)
    # translate-toolkit (po2csv, whose rule NEEDLES.md fixed, is not captured: the corpus held it already)
    cap("poterminology-de-fr", "poterminology de.po fr.po -o /dev/stdout", po, n_poterm)
    cap("poterminology-es", "poterminology --inputs-needed=1 es-big.po -o /dev/stdout", po, n_poterm)
    props = ["# ropeway UI strings"] + [f"{snake(s.lower())}={s}" for s in rng.sample(UI, 140)]
    props.insert(40, "broken line without separator and \\u12G4 bad escape")
    (po / "app.properties").write_text("\n".join(props) + "\n")
    cap("prop2po-app", "prop2po app.properties", po, n_prop2po)
    de = [ln.split("=", 1) for ln in props[1:] if "=" in ln]
    (po / "app_de.properties").write_text("\n".join(f"{k}=[DE] {v}" for k, v in de if rng.random() < 0.7) + "\n")
    cap("prop2po-app-de", "prop2po -t app.properties app_de.properties", po, n_prop2po)
    import json
    keys = {snake(p): {snake(v): f"{v.capitalize()} the {p}" for v in rng.sample(VERBS, 6)} for p in PARTS}
    (po / "en.json").write_text(json.dumps(keys, indent=2))
    cap("json2po-en", "json2po en.json", po, n_json2po)
    fr = {k: {kk: f"[FR] {vv}" for kk, vv in v.items() if rng.random() < 0.6} for k, v in keys.items()}
    (po / "fr.json").write_text(json.dumps(fr, indent=2))
    cap("json2po-fr", "json2po -t en.json fr.json", po, n_json2po)


def s_sphinx(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    proj = tmp / "ropeway"
    make_package(proj, rng, len(MODS))
    make_docs(proj, len(MODS))
    d = proj / "docs"
    cm.run("sphinx-build -q -b coverage . _build/coverage", cwd=d, timeout=300)
    cap("sphinx-coverage-report", "cat _build/coverage/python.txt", d, n_sphinx_cov)
    cm.run("sphinx-build -q -b html . _build/html", cwd=d, timeout=400)
    cap("sphinx-intersphinx-inv", "python -m sphinx.ext.intersphinx _build/html/objects.inv", d, n_inv)
    cm.run("sphinx-build -q -b gettext . _build/gettext", cwd=d, timeout=300)
    cap("sphinx-intl-update-create", "sphinx-intl update -p _build/gettext -l de -l fr -l ja -l es", d, n_intl_update)
    # fill some translations, mark some fuzzy
    for po in sorted((d / "locale").rglob("*.po")):
        t = po.read_text()
        lang = po.parts[-3]
        parts = t.split("\n\n")
        for i in range(1, len(parts)):
            r = rng.random()
            m = re.search(r'msgid "(.+)"\nmsgstr ""$', parts[i])
            if not m:
                continue
            if r < 0.5:
                parts[i] = parts[i][: -len('msgstr ""')] + f'msgstr "[{lang}] {m.group(1)}"'
            elif r < 0.65:
                parts[i] = "#, fuzzy\n" + parts[i][: -len('msgstr ""')] + f'msgstr "[{lang}?] {m.group(1)}"'
        po.write_text("\n\n".join(parts))
    cap("sphinx-intl-stat", "sphinx-intl stat -d locale", d, n_intl_stat)
    make_docs(proj, len(MODS) - 3, extra=True)
    for m in MODS[:8]:  # reworded pages: their catalogs change
        f = d / f"{m}.rst"
        f.write_text(f.read_text().replace("is checked at dawn", "is checked at dawn and after every storm")
                     + f"\nSafety\n------\n\nNo {m[:-1]} runs above wind force 8.\n")
    cm.run("rm -rf _build/gettext && sphinx-build -q -b gettext . _build/gettext", cwd=d, timeout=300)
    cap("sphinx-intl-update-changed", "sphinx-intl update -p _build/gettext -l de -l fr -l ja -l es -l pl", d,
        n_intl_update)
    cap("sphinx-intl-stat-pl", "sphinx-intl stat -d locale -l pl -l ja", d, n_intl_stat)
    cap("sphinx-intl-stat-all", "sphinx-intl stat -d locale", d, n_intl_stat)
    # a smaller build: three modules documented, the rest left to the coverage report
    for f in list(d.glob("*.rst")):
        f.unlink()
    make_docs(proj, 3)
    cm.run("rm -rf _build && sphinx-build -q -b coverage . _build/coverage", cwd=d, timeout=300)
    cap("sphinx-coverage-report-partial", "cat _build/coverage/python.txt", d, n_sphinx_cov)
    cm.run("sphinx-build -q -b html . _build/html", cwd=d, timeout=300)
    cap("sphinx-intersphinx-inv-small", "python -m sphinx.ext.intersphinx _build/html/objects.inv", d, n_inv)


def s_pydoctor(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for n, name in ((6, "small"), (len(MODS), "full")):
        proj = tmp / f"pd-{name}"
        make_package(proj, rng, n)
        cap(f"pydoctor-{name}", "pydoctor --project-name ropeway --docformat restructuredtext "
            f"--html-output apidocs ropeway", proj, n_pydoctor, timeout=400)
    for name in ("small", "full"):
        cap(f"sphinx-intersphinx-inv-pydoctor-{name}", "python -m sphinx.ext.intersphinx apidocs/objects.inv",
            tmp / f"pd-{name}", n_inv)
    cap("pydoctor-full-warnings-only", "pydoctor -q --docformat restructuredtext --html-output apidocs2 ropeway "
        "2>&1 | grep -v '^$'", tmp / "pd-full", n_pydoctor, timeout=400)


def steps() -> list:
    return [s_gettext, s_sphinx, s_pydoctor]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
