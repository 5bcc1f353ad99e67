"""Capture round 594 of the compression corpus: second samples of round 593's documentation and i18n kinds, on a
cable tramway's Python package (`cabletram`: grips, sheaves, gripmen, cable barns, turntables; generated with seeds
59410+, docstrings with broken references, malformed fields and undocumented members put in), its Sphinx docs and its
message catalogs (nl, pt, sv, cs, fi, tr, ko, de: untranslated and fuzzy entries, plurals, duplicates, conflicting
translations, characters a target charset lacks).

No new rules: every kind's extractor is round 593's, imported from `capture_wide593` (NEEDLES.md, "Round 594").
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide594.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide594.json  as {"version": 2, "items": [...]}, ids prefixed "wide594-".
Tools:   sphinx, sphinx-intl, pydoctor, translate-toolkit in /dev/shm/hm-corpus-wide594-tools/venv; gettext from
         Debian. Scratch under /dev/shm/hm-corpus-wide594 (deleted unless --keep).
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
import capture_wide593 as w593  # noqa: E402
from capture_wide593 import (n_inv, n_intl_stat, n_intl_update, n_json2po, n_msgcat, n_msgcomm,  # noqa: E402
                             n_msgconv, n_msggrep, n_msgunfmt, n_msguniq, n_poterm, n_prop2po, n_pydoctor,
                             n_sphinx_cov)

ID_PREFIX = "wide594-"
DEFAULT_OUT = HERE / "data" / "wide594.json"
TMP = Path("/dev/shm/hm-corpus-wide594")
TOOLS = Path("/dev/shm/hm-corpus-wide594-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["sphinx", "sphinx-intl", "pydoctor", "translate-toolkit"]
SEED = 59410
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


# ================================================================== material (seeds 59410+)

PARTS = ["grip", "sheave", "cable", "slot", "turntable", "car", "dummy", "brake shoe", "track brake", "wheel brake",
         "winding drum", "tension sheave", "depression pulley", "carrying pulley", "splice", "bell", "gripman",
         "conductor", "barn", "crossing", "terminal", "lever", "die", "jaw"]
VERBS = ["grip", "release", "tighten", "splice", "inspect", "oil", "ring", "turn", "wind", "brake", "coast", "drop",
         "pick up", "hold", "replace", "gauge", "clean", "sand", "shift", "count"]
MODS = ["grips", "sheaves", "cables", "slots", "turntables", "cars", "dummies", "brakes", "drums", "pulleys",
        "splices", "bells", "gripmen", "conductors", "barns", "crossings", "terminals", "levers", "dies", "jaws",
        "routes", "timetables", "fares", "shifts", "incidents", "tension", "powerhouse", "boilers", "engines",
        "signals"]
LANGS = ["nl", "pt", "sv", "cs", "fi", "tr", "ko", "de"]
MARK = {"nl": "NL", "pt": "PT", "sv": "SV", "cs": "CS", "fi": "FI", "tr": "TR", "de": "DE"}
ACCENT = {"pt": "ção", "sv": "å", "cs": "ř", "fi": "ä", "tr": "ğ", "de": "ß", "nl": "ĳ"}


def camel(s):
    return "".join(w.capitalize() for w in s.split())


def snake(s):
    return s.replace(" ", "_")


def make_package(root: Path, rng: random.Random, n_mods: int) -> None:
    pkg = root / "cabletram"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""Cable tramway operations: grips, sheaves, gripmen and the powerhouse."""\n')
    for m in MODS[:n_mods]:
        r = rng.random()
        if r < 0.25:
            src = ["import math\n\n"]  # no module docstring
        else:
            src = [f'"""The {m} of a street cable tramway.\n\nFormerly :mod:`cabletram.old_{m}`; see '
                   f':data:`cabletram.{m}.LIMITS`.\n"""\n\nimport math\n\n']
        if rng.random() < 0.4:
            src.append(f"SPEED_{m.upper()} = {rng.randint(5, 15)}\n\n")
        for k in range(rng.randint(2, 6)):
            part = rng.choice(PARTS)
            cls = camel(part) + chr(ord("A") + k)
            d = rng.random()
            if d < 0.25:
                src.append(f"class {cls}:\n    wear = {rng.randint(1, 99)}\n\n")
            elif d < 0.55:
                src.append(f'class {cls}:\n    """The {part} of car {k}; see :attr:`{cls}.slack` and '
                           f':class:`cabletram.{rng.choice(MODS)}.{camel(rng.choice(PARTS))}Old`.\n\n'
                           f'    :type gauge: the gauge\n    """\n    wear = {rng.randint(1, 99)}\n\n')
            else:
                src.append(f'class {cls}:\n    """A {part} of the line (``unclosed literal.\n\n    :param wear: '
                           f'wear in mm\n    """\n\n    def __init__(self, wear):\n        self.wear = wear\n\n')
            for v in rng.sample(VERBS, rng.randint(1, 5)):
                fn = f"{snake(v)}_{snake(part)}"
                e = rng.random()
                if e < 0.3:
                    body = ""
                elif e < 0.5:
                    body = (f'        """{v.capitalize()} the {part}.\n\n        :keyword force: pulling force\n'
                            f'        :type: float\n        :raises: when the slot is blocked\n        """\n')
                elif e < 0.7:
                    body = (f'        """{v.capitalize()} the {part} before :func:`cabletram.{rng.choice(MODS)}.'
                            f'{snake(rng.choice(VERBS))}_gone` runs.\n\n        :param notch: no such argument\n'
                            f'        :return: nothing\n        """\n')
                elif e < 0.85:
                    body = f'        """{v.capitalize()} the {part} (**unclosed strong).\n        """\n'
                else:
                    body = f'        """{v.capitalize()} the {part} at the crossing."""\n'
                src.append(f"    def {fn}(self, pace=2.0):\n{body}        return pace * getattr(self, 'wear', 1)\n\n")
            if rng.random() < 0.4:
                fn = f"{snake(rng.choice(VERBS))}_every_{snake(part)}"
                src.append(f"def {fn}(cars):\n" + ('    """All of them; see :func:`tram_helper_removed`."""\n'
                                                   if rng.random() < 0.6 else "") + "    return sorted(cars)\n\n")
        (pkg / f"{m}.py").write_text("".join(src))


def make_docs(root: Path, mods: list[str], extra: bool = False) -> None:
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "conf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.abspath('..'))\nproject = 'cabletram'\n"
        "extensions = ['sphinx.ext.autodoc', 'sphinx.ext.coverage']\nlocale_dirs = ['locale/']\n"
        "gettext_compact = False\ncoverage_show_missing_items = True\n")
    toc = "\n".join(f"   {m}" for m in mods + (["fog"] if extra else []))
    (docs / "index.rst").write_text(f"Cable tramway\n=============\n\nThe cars, cables and gripmen of the line.\n\n"
                                    f".. toctree::\n\n{toc}\n")
    for m in mods:
        (docs / f"{m}.rst").write_text(
            f"{m.capitalize()}\n{'=' * len(m)}\n\nThe {m} of the line; the gripman checks them at the barn.\n\n"
            f"Wear\n----\n\nThe {m} are measured every Monday.\n\n.. automodule:: cabletram.{m}\n   :members:\n")
    if extra:
        (docs / "fog.rst").write_text("Running in fog\n==============\n\nThe bell is rung at every crossing.\n\n"
                                      "Sanding\n-------\n\nSand the rail before the hill.\n")


UI = [f"{v.capitalize()} the {p}" for p in PARTS for v in VERBS]


def po_header(lang: str, charset: str = "UTF-8", plural: str = "nplurals=2; plural=(n != 1);") -> str:
    return ('msgid ""\nmsgstr ""\n"Project-Id-Version: cabletram 0.59.4\\n"\n"Language: ' + lang + '\\n"\n'
            '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=' + charset + '\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: ' + plural + '\\n"\n\n')


def tr(lang: str, s: str) -> str:
    if lang == "ko":
        return "케이블카: " + s.lower()
    return f"{MARK[lang]}{ACCENT[lang]} {s}"


def make_po(path: Path, lang: str, msgs: list[str], rng: random.Random, untranslated=0.1, fuzzy=0.12,
            dups: int = 0, alt: float = 0.0, plurals: int = 0, charset: str = "UTF-8") -> None:
    out = [po_header(lang, charset)]
    chosen = list(msgs) + rng.sample(msgs, dups)
    for s in chosen:
        r = rng.random()
        src = f"#: cabletram/{rng.choice(MODS)}.py:{rng.randint(5, 600)}\n"
        if r < untranslated:
            out.append(f'{src}msgid "{s}"\nmsgstr ""\n\n')
        elif r < untranslated + fuzzy:
            out.append(f'{src}#, fuzzy\n#| msgid "{s.lower()}"\nmsgid "{s}"\nmsgstr "{tr(lang, s)} ~"\n\n')
        else:
            t = tr(lang, s)
            if rng.random() < alt:
                t = t.upper()
            out.append(f'{src}msgid "{s}"\nmsgstr "{t}"\n\n')
    for k, p in enumerate(rng.sample(PARTS, plurals)):
        one = f"{k + 1} {p} out of service"
        out.append(f'#: cabletram/fares.py:{700 + k}\n#, python-format\nmsgid "%(n)d {p} late"\n'
                   f'msgid_plural "%(n)d {p}s late"\n'
                   + (f'msgstr[0] ""\nmsgstr[1] ""\n\n' if rng.random() < 0.3 else
                      f'msgstr[0] "{tr(lang, one)}"\nmsgstr[1] "{tr(lang, one)}s"\n\n'))
    path.write_text("".join(out))


# ================================================================== steps

def ensure_tools() -> None:
    cm.install_venv(VENV, "sphinx-intl", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def s_gettext(tmp: Path) -> None:
    rng = random.Random(SEED)
    po = tmp / "po"
    po.mkdir()
    for lang, n in (("nl", 180), ("pt", 260), ("sv", 140), ("cs", 400), ("fi", 110), ("tr", 220), ("ko", 160)):
        make_po(po / f"{lang}.po", lang, rng.sample(UI, n), rng, plurals=6)
    make_po(po / "nl-old.po", "nl", rng.sample(UI, 240), rng, alt=0.4, untranslated=0.3)
    make_po(po / "cs-dup.po", "cs", rng.sample(UI, 120), rng, dups=45)
    make_po(po / "de-big.po", "de", UI, rng, untranslated=0.2, fuzzy=0.1, plurals=20)
    make_po(po / "pt-big.po", "pt", UI + [f"{s} again" for s in rng.sample(UI, 300)], rng)
    cap("msgcat-nl-conflicts", "msgcat nl.po nl-old.po", po, n_msgcat)
    cap("msgcat-sort-by-file", "msgcat --sort-by-file nl.po nl-old.po sv.po", po, n_msgcat)
    cap("msgcat-more-than-1", "msgcat --more-than=1 --no-location nl.po nl-old.po pt.po", po, n_msgcat)
    cap("msgcat-ko-fi-tr", "msgcat ko.po fi.po tr.po", po, n_msgcat)
    cap("msgcat-big", "msgcat --no-location de-big.po nl-old.po", po, n_msgcat)
    cap("msguniq-cs-repeated", "msguniq --repeated cs-dup.po", po, n_msguniq)
    cap("msguniq-cs-use-first", "msguniq --use-first --sort-output cs-dup.po", po, n_msguniq)
    cap("msgcomm-fi-sv-tr", "msgcomm --less-than=2 fi.po sv.po tr.po", po, n_msgcomm)
    cap("msgcomm-unique-nl-old", "msgcomm --unique --no-location nl.po nl-old.po", po, n_msgcomm)
    cap("msgcomm-common-four", "msgcomm --more-than=1 --no-location nl.po pt.po cs.po ko.po", po, n_msgcomm)
    cap("msggrep-turntable", "msggrep -K -e 'turntable' -e 'dummy' cs.po", po, n_msggrep)
    cap("msggrep-location-gripmen", "msggrep -N 'cabletram/gripmen.py' de-big.po", po, n_msggrep)
    cap("msggrep-big-brake", "msggrep --msgid -E -e 'brake|sheave|pulley' pt-big.po", po, n_msggrep)
    cm.run("msgfmt -o tr.mo tr.po && msgfmt -o de.mo de-big.po && msgfmt -o ko.mo ko.po && msgfmt -o pt.mo pt-big.po",
           cwd=po)
    cap("msgunfmt-tr", "msgunfmt tr.mo", po, n_msgunfmt)
    cap("msgunfmt-de-big", "msgunfmt de.mo", po, n_msgunfmt)
    cap("msgunfmt-ko-sorted", "msgunfmt --sort-output ko.mo", po, n_msgunfmt)
    cap("msgunfmt-pt-big", "msgunfmt pt.mo", po, n_msgunfmt)
    cap("msgconv-cs-latin2", "msgconv -t ISO-8859-2 cs.po", po, n_msgconv)
    cap("msgconv-pt-big-latin1", "msgconv -t ISO-8859-1 --sort-output pt-big.po", po, n_msgconv)
    cap("msgconv-tr-latin5", "msgconv -t ISO-8859-9 tr.po", po, n_msgconv)
    cap("msgconv-sv-latin1", "msgconv -t ISO-8859-1 sv.po", po, n_msgconv)
    cap("msgconv-fi-utf16", "msgconv -t UTF-8 --no-location fi.po", po, n_msgconv)
    cap("poterminology-nl-sv", "poterminology nl.po sv.po -o /dev/stdout", po, n_poterm)
    cap("poterminology-pt-big", "poterminology --inputs-needed=1 --sort=length pt-big.po -o /dev/stdout", po, n_poterm)
    props = ["# cabletram UI strings", "! car barn messages"]
    props += [f"tram.{snake(s.lower())}={s}" for s in rng.sample(UI, 260)]
    props.insert(60, "tram.gripman.note = the gripman's \\uZZZZ note")
    props.insert(120, "=value without a key")
    (po / "tram.properties").write_text("\n".join(props) + "\n")
    cap("prop2po-tram", "prop2po tram.properties", po, n_prop2po)
    keys = [ln.split("=", 1) for ln in props if ln.startswith("tram.") and "=" in ln]
    (po / "tram_sv.properties").write_text(
        "\n".join(f"{k}=SVå {v}" for k, v in keys if rng.random() < 0.55) + "\n")
    cap("prop2po-tram-sv", "prop2po -t tram.properties tram_sv.properties", po, n_prop2po)
    tree = {snake(p): {snake(v): {"label": f"{v.capitalize()} the {p}", "hint": f"When the {p} needs it"}
                       for v in rng.sample(VERBS, 5)} for p in PARTS}
    (po / "en.json").write_text(json.dumps(tree, indent=2))
    cap("json2po-en-nested", "json2po en.json", po, n_json2po)
    nl = {k: {kk: {f: f"NL {x}" for f, x in vv.items() if rng.random() < 0.5} for kk, vv in v.items()}
          for k, v in tree.items()}
    (po / "nl.json").write_text(json.dumps(nl, indent=2))
    cap("json2po-nl", "json2po -t en.json nl.json", po, n_json2po)


def s_sphinx(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    proj = tmp / "cabletram"
    make_package(proj, rng, len(MODS))
    make_docs(proj, MODS)
    d = proj / "docs"
    cm.run("sphinx-build -q -b coverage . _build/coverage", cwd=d, timeout=300)
    cap("sphinx-coverage-report", "cat _build/coverage/python.txt", d, n_sphinx_cov)
    cm.run("sphinx-build -q -b html . _build/html", cwd=d, timeout=400)
    cap("sphinx-intersphinx-inv", "python -m sphinx.ext.intersphinx _build/html/objects.inv", d, n_inv)
    cm.run("sphinx-build -q -b gettext . _build/gettext", cwd=d, timeout=300)
    cap("sphinx-intl-update-create", "sphinx-intl update -p _build/gettext -l nl -l pt -l sv -l cs -l ko", d,
        n_intl_update)
    for po in sorted((d / "locale").rglob("*.po")):
        t = po.read_text()
        lang = po.parts[-3]
        parts = t.split("\n\n")
        for i in range(1, len(parts)):
            m = re.search(r'msgid "(.+)"\nmsgstr ""$', parts[i])
            if not m:
                continue
            r = rng.random()
            if r < 0.6:
                parts[i] = parts[i][: -len('msgstr ""')] + f'msgstr "{lang}: {m.group(1)}"'
            elif r < 0.72:
                parts[i] = "#, fuzzy\n" + parts[i][: -len('msgstr ""')] + f'msgstr "{lang}~ {m.group(1)}"'
        po.write_text("\n\n".join(parts))
    cap("sphinx-intl-stat", "sphinx-intl stat -d locale", d, n_intl_stat)
    cap("sphinx-intl-stat-ko-cs", "sphinx-intl stat -d locale -l ko -l cs", d, n_intl_stat)
    for f in list(d.glob("*.rst")):
        f.unlink()
    make_docs(proj, MODS[4:], extra=True)
    for m in MODS[10:16]:
        f = d / f"{m}.rst"
        f.write_text(f.read_text().replace("checks them at the barn", "checks them at the barn and at the turntable")
                     + f"\nIn fog\n------\n\nThe {m} are checked twice in fog.\n")
    cm.run("rm -rf _build/gettext && sphinx-build -q -b gettext . _build/gettext", cwd=d, timeout=300)
    cap("sphinx-intl-update-changed", "sphinx-intl update -p _build/gettext -l nl -l pt -l sv -l cs -l ko -l fi", d,
        n_intl_update)
    cap("sphinx-intl-stat-after", "sphinx-intl stat -d locale", d, n_intl_stat)
    for f in list(d.glob("*.rst")):
        f.unlink()
    make_docs(proj, MODS[::5])
    cm.run("rm -rf _build && sphinx-build -q -b coverage . _build/coverage", cwd=d, timeout=300)
    cap("sphinx-coverage-report-partial", "cat _build/coverage/python.txt", d, n_sphinx_cov)
    cm.run("sphinx-build -q -b html . _build/html", cwd=d, timeout=300)
    cap("sphinx-intersphinx-inv-partial", "python -m sphinx.ext.intersphinx _build/html/objects.inv", d, n_inv)


def s_pydoctor(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for n, name in ((8, "small"), (16, "mid"), (len(MODS), "full")):
        proj = tmp / f"pd-{name}"
        make_package(proj, rng, n)
        cap(f"pydoctor-{name}", "pydoctor --project-name cabletram --docformat restructuredtext "
            f"--html-output apidocs cabletram", proj, n_pydoctor, timeout=400)
    for name in ("small", "full"):
        cap(f"sphinx-intersphinx-inv-pydoctor-{name}", "python -m sphinx.ext.intersphinx apidocs/objects.inv",
            tmp / f"pd-{name}", n_inv)


def steps() -> list:
    return [s_gettext, s_sphinx, s_pydoctor]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
