"""Round 218, catalogs: the `fieldnotes` app's sources (Python and C with gettext calls, Qt/C++ with tr(), JS for
i18next and formatjs) and its catalogs in a dozen languages, written here by seeded generators with faults put in
(fuzzy entries, `%s` against `%d`, a dropped placeholder, unbalanced markup, a missing accelerator, a plural entry
short of forms, a duplicate entry, ICU syntax errors, keys used but not defined, a .ts file cut short), read through
xgettext, msgmerge, msgcmp, msgfmt -c --statistics, pofilter, pocount, po2csv, lupdate, lrelease, i18next-parser and
the formatjs CLI. The extractors are this round's (NEEDLES.md, "Round 218"). Run through capture_wide218.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide218 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 218")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def _shape_groups(lines, key=lambda ln: cm.mask(ln)) -> list:
    g: dict = {}
    for ln in lines:
        g.setdefault(key(ln), []).append(ln)
    return [cm.any_of(v) for v in g.values()]


LOC = re.compile(r"^(\S+?):(\d+):(?:\d+:)?\s*(.*)$")


@kind("xgettext", "lint")
def n_xgettext(lines):
    """Rule 1: every error line; warnings one {"any"} per (message shape, file), location and quoted text masked; continuation lines are not needles."""
    errs = [ln for ln in lines if re.search(r"\berror\b|fatal|xgettext: ", ln) and "warning" not in ln]
    warns = [ln for ln in lines if LOC.match(ln) and ln not in errs]  # checks' findings carry no level: warnings

    def key(ln):
        m = LOC.match(ln)
        return (m.group(1), cm.mask(m.group(3))) if m else ("", cm.mask(ln))
    return errs + _shape_groups(warns, key) + exit_lines(lines)


@kind("msgmerge", "build")
def n_msgmerge(lines):
    """Rule 1+3: every error / duplicate definition line, each catalog's `Read N old + M reference …` summary line with the line naming its catalog, warnings one {"any"} per shape."""
    out = _pick(lines, r"msgmerge: |duplicate message definition|\berror\b|fatal")
    for i, ln in enumerate(lines):
        if re.search(r"Read \d+ old \+ \d+ reference", ln):
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("== "):
                    out.append(lines[k])
                    break
    warns = [ln for ln in lines if "warning" in ln and ln not in out]
    return out + _shape_groups(warns) + exit_lines(lines)


@kind("msgcmp", "lint")
def n_msgcmp(lines):
    """Rule 1+3: each `used but not defined` / `not used` line (a catalog with over 12: one {"any"} of its lines plus its first and last), the closing `found N fatal errors` line."""
    rows = [ln for ln in lines if re.search(r"used but not defined|defined but not used|not used|but not defined", ln)]
    by_file: dict[str, list[str]] = {}
    for ln in rows:
        m = LOC.match(ln)
        by_file.setdefault(m.group(1) if m else "", []).append(ln)
    out: list = []
    for group in by_file.values():
        out += group if len(group) <= 12 else [cm.any_of(group), group[0], group[-1]]
    return out + _pick(lines, r"fatal errors?|^== |msgcmp: (?!found)") + exit_lines(lines)


@kind("msgfmt-check", "build")
def n_msgfmt_check(lines):
    """Rule 1+3: every error/fatal line (format mismatches, header field errors, plural forms) and its location line when apart, each catalog's statistics line with its name, the closing `found N fatal errors` line."""
    out: list = []
    for i, ln in enumerate(lines):
        stats = re.search(r"\d+ translated messages?|\d+ untranslated messages?|\d+ fuzzy translations?", ln)
        if not stats and (LOC.match(ln) or re.search(r"\berror\b|fatal|not a valid|does not match|don't both|mismatch|"
                                                     r"not allowed|invalid", ln, re.I)):  # -c: each located line is fatal
            out.append(ln)
            if not LOC.match(ln) and i > 0 and LOC.match(lines[i - 1]):
                out.append(lines[i - 1])
    for i, ln in enumerate(lines):
        if re.search(r"\d+ translated messages?|\d+ untranslated messages?|\d+ fuzzy translations?", ln):
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("== "):
                    out.append(lines[k])
                    break
    return out + exit_lines(lines)


POFILTER_HARD = {"printf", "variables", "xmltags", "brackets", "escapes", "newlines", "accelerators"}


@kind("pofilter", "lint")
def n_pofilter(lines):
    """Rule 1+5: one {"any"} per test name of the `# (pofilter) TEST:` lines; for printf/variables/xmltags/brackets/escapes/newlines/accelerators every such line and its entry's msgid line; stderr error lines."""
    tests: dict[str, list[str]] = {}
    out: list = []
    for i, ln in enumerate(lines):
        m = re.search(r"\(pofilter\) (\w+):", ln)
        if not m:
            continue
        tests.setdefault(m.group(1), []).append(ln)
        if m.group(1) in POFILTER_HARD:
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 12)):
                if lines[k].startswith("msgid "):
                    out.append(lines[k] if lines[k] != 'msgid ""' else (lines[k + 1] if k + 1 < len(lines) else lines[k]))
                    break
    out = [cm.any_of(g) for g in tests.values()] + out
    return out + _pick(lines, r"^(ERROR|Error|pofilter: error)|Traceback|processing \d+ files") + exit_lines(lines)


@kind("pocount", "table")
def n_pocount(lines):
    """Rule 4+5: --short: the rows of the lowest and highest translated share and the most untranslated, the total line; long form: each file line, the Translated/Fuzzy/Untranslated lines of the lowest and highest catalogs, the TOTAL block's Total/Translated lines; every error line."""
    out: list = []
    short = [ln for ln in lines if re.search(r"strings: total: \d+", ln) or re.search(r"source words: total: \d+", ln)]
    if short:
        def pct(ln):
            m = re.search(r"(\d+(?:\.\d+)?)%t", ln)
            return float(m.group(1)) if m else 0.0

        def untr(ln):
            m = re.search(r"(\d+)u\b", ln)
            return int(m.group(1)) if m else 0
        rows = [ln for ln in short if not ln.lower().startswith("total")]
        if rows:
            out += [min(rows, key=pct), max(rows, key=pct), max(rows, key=untr)]
        out += [ln for ln in short if ln.lower().startswith("total")]
    else:
        blocks: list[tuple[str, list[str]]] = []
        for ln in lines:
            if re.match(r"^\S.*\.po$|^TOTAL:?$|^Processing file :|^\S+\.(po|pot)\s*$", ln.strip()) and not ln.startswith(" "):
                blocks.append((ln, []))
            elif blocks:
                blocks[-1][1].append(ln)

        def share(b):
            for ln in b[1]:
                m = re.match(r"^Translated:\s+\d+\s*\(\s*(\d+)%\)", ln.strip())
                if m:
                    return int(m.group(1))
            return -1
        files = [b for b in blocks if "TOTAL" not in b[0]]
        out += [b[0] for b in files]
        for b in ([min(files, key=share), max(files, key=share)] if files else []):
            out += [ln for ln in b[1] if re.match(r"^\s*(Translated|Fuzzy|Untranslated):", ln)]
        for b in blocks:
            if "TOTAL" in b[0]:
                out += [b[0]] + [ln for ln in b[1] if re.match(r"^\s*(Total|Translated):", ln)]
    return out + _pick(lines, r"\bERROR\b|[Ee]rror:|Traceback") + exit_lines(lines)


def _csv_rows(lines):
    import csv
    return list(csv.reader(lines))


@kind("po2csv", "table")
def n_po2csv(lines):
    """Rule 4+5: the header row, rows whose location file is rare, the rows with the shortest and longest target, the empty-target rows (at most 15, first-to-last), every error line."""
    data = [(ln, r) for ln, r in zip(lines, _csv_rows(lines)) if len(r) >= 3]
    out: list = []
    if not data:
        return _pick(lines, r"[Ee]rror") + exit_lines(lines)
    head, rows = data[0], data[1:]
    out.append(head[0])
    files = [re.sub(r":\d+.*$", "", r[0]) for _, r in rows]
    counts: dict[str, int] = {}
    for f in files:
        counts[f] = counts.get(f, 0) + 1
    if counts and max(counts.values()) * 2 >= len(rows):
        out += [ln for (ln, _), f in zip(rows, files) if counts[f] <= 2]
    filled = [(ln, r) for ln, r in rows if r[2].strip()]
    if filled:
        out += [min(filled, key=lambda x: len(x[1][2]))[0], max(filled, key=lambda x: len(x[1][2]))[0]]
    out += [ln for ln, r in rows if not r[2].strip()][:15]
    return out + _pick(lines, r"[Ee]rror|Traceback") + exit_lines(lines)


@kind("qt-lupdate", "build")
def n_lupdate(lines):
    """Rule 1+5: every warning/error line (one {"any"} per shape and file when repeated), each Updating line and the Found N source text(s) line under it, every Removed/Kept N obsolete entries line."""
    warns = [ln for ln in lines if re.search(r"[Ww]arning|[Ee]rror|Cannot|Qualifying with unknown|Discarding|Unterminated|"
                                             r"[Uu]nbalanced|unexpected", ln)]

    def key(ln):
        m = LOC.match(ln)
        return (m.group(1), cm.mask(m.group(3))) if m else ("", cm.mask(ln))
    out = _shape_groups(warns, key)
    out += _pick(lines, r"^Updating '.*'\.\.\.|Found \d+ source text|(Removed|Kept) \d+ obsolete|Same-text heuristic|"
                        r"Same-text|Found \d+ new and")
    return out + exit_lines(lines)


@kind("qt-lrelease", "build")
def n_lrelease(lines):
    """Rule 1+5: every Updating line with its Generated N translation(s) and Ignored N untranslated lines, every error line, the EXIT line."""
    out = _pick(lines, r"^Updating '.*'\.\.\.|Generated \d+ translation|Ignored \d+ untranslated|Dropped \d+|"
                       r"[Ee]rror|Parse error|lrelease error|Cannot|unexpected|invalid|\S+:\d+:\d+:")
    return out + exit_lines(lines)


@kind("i18next-parser", "build")
def n_i18next(lines):
    """Rule 1+3: every warning/error line, every [write] line, the closing Stats / files were parsed lines; [read] lines are not needles."""
    out = _pick(lines, r"[Ww]arning|[Ee]rror|\[error\]|different (default )?values|[Ff]ailed|Found|conflict")
    out += _pick(lines, r"\[write\]|Stats:|files? were parsed|were added|were removed|were (un)?changed")
    return [ln for ln in out if "[read]" not in ln] + exit_lines(lines)


EXIT_ONLY = re.compile(r"^EXIT=\d+$")


@kind("formatjs-cli", "build")
def n_formatjs(lines):
    """Rule 1+5: every [ERROR]/Error:/SyntaxError/MALFORMED_/INVALID_/EXPECT_/UNCLOSED_ line and the id or file line after it, [WARN] lines one {"any"} per shape, verify's missing/extra key lines, extract JSON: the first and last message id lines when no error."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"\[ERROR\]|\bError\b|SyntaxError|MALFORMED_|INVALID_|EXPECT_|UNCLOSED_|UNMATCHED_|Missing|missing|extra|"
                     r"[Ee]rror:", ln):
            out.append(ln)
            if i + 1 < len(lines) and re.search(r"[\w./-]+\.(js|jsx|ts|tsx|json)|\bid\b|Message", lines[i + 1]) \
                    and not lines[i + 1].lstrip().startswith("at "):
                out.append(lines[i + 1])
    out += _shape_groups(_pick(lines, r"\[WARN\]|[Ww]arning"))
    under = False
    for ln in lines:
        if re.search(r"(Missing|Extra) translation keys", ln):
            under = True
        elif ln.startswith("---") or not ln.strip() or EXIT_ONLY.match(ln.strip()):
            under = False
        elif under:
            out.append(ln)
    if not out:
        ids = [ln for ln in lines if re.match(r'^  "[^"]+": \{$', ln)]
        if ids:
            out += [ids[0], ids[-1]]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the project

LANGS = ["de", "fr", "es", "it", "pl", "cs", "ru", "uk", "pt_BR", "nl", "sv", "ja"]
PLURALS = {"pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
           "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
           "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
           "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
           "ja": "nplurals=1; plural=0;", "fr": "nplurals=2; plural=(n > 1);"}
NOUNS = ["note", "notebook", "tag", "sketch", "waypoint", "photo", "sample", "site", "transect", "specimen", "voice memo",
         "map layer", "survey", "attachment", "field sheet", "collector", "plot", "quadrat"]
VERBS = ["Delete", "Rename", "Export", "Sync", "Archive", "Share", "Duplicate", "Move", "Pin", "Restore", "Merge", "Tag"]
SYLL = ["ka", "lo", "mi", "ter", "vu", "zen", "dra", "po", "sch", "ün", "ell", "ra", "bo", "ni", "os", "que", "ja", "ski"]


def messages(seed: int, n: int) -> list[dict]:
    """The app's UI strings: plain, python-format, with ellipses, quotes, markup, accelerators and plurals."""
    rnd = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        v, noun, noun2 = rnd.choice(VERBS), rnd.choice(NOUNS), rnd.choice(NOUNS)
        r = rnd.random()
        if r < 0.16:
            m = {"id": f"{v} {noun}...", "flag": None}
        elif r < 0.30:
            m = {"id": f"{v} %d {noun}s from %s?", "flag": "c-format" if rnd.random() < 0.3 else "python-format"}
        elif r < 0.40:
            m = {"id": f'{v} "%s" to the {noun2}', "flag": "python-format"}
        elif r < 0.50:
            m = {"id": f"<b>{v}</b> this {noun}? It cannot be undone.", "flag": None}
        elif r < 0.58:
            m = {"id": f"_{v} {noun}", "flag": None, "accel": True}
        elif r < 0.66:
            m = {"id": f"%(count)d {noun} in %(site)s", "flag": "python-format"}
        elif r < 0.74:
            m = {"id": f"One {noun} synced", "plural": f"%d {noun}s synced", "flag": "python-format"}
        elif r < 0.80:
            m = {"id": f"Loading {noun}s ...", "flag": None}
        else:
            m = {"id": f"{v} the {noun} on the {noun2}", "flag": None}
        if m["id"] in seen:
            continue
        seen.add(m["id"])
        m["mod"] = rnd.randrange(14)
        out.append(m)
    return out


def fake(word: str, lang: str) -> str:
    h = sum(map(ord, word + lang))
    return "".join(SYLL[(h * (k + 3)) % len(SYLL)] for k in range(1 + len(word) // 4))


def translate(msgid: str, lang: str) -> str:
    parts = re.split(r"(%\(\w+\)[ds]|%[ds]|<[^>]+>|\.\.\.|\"|_(?=\w))", msgid)
    return "".join(p if (p and (p.startswith("%") or p.startswith("<") or p in ("...", '"', "_")))
                   else re.sub(r"[A-Za-z]+", lambda m: fake(m.group(0), lang), p) for p in parts)


def po_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def catalog(msgs: list[dict], lang: str, seed: int, dup: bool = False, short_plural: bool = False,
            bad_header: bool = False) -> str:
    rnd = random.Random(seed)
    plural = PLURALS.get(lang, "nplurals=2; plural=(n != 1);")
    nplur = int(plural.split("nplurals=")[1].split(";")[0])
    head = ['# Fieldnotes translations.', f'# {lang} team <fieldnotes-{lang}@example.org>', 'msgid ""', 'msgstr ""',
            '"Project-Id-Version: fieldnotes 3.2\\n"', '"Report-Msgid-Bugs-To: i18n@example.org\\n"',
            '"PO-Revision-Date: 2026-10-04 11:20+0200\\n"', f'"Last-Translator: Team {lang}\\n"',
            f'"Language-Team: {lang}\\n"', f'"Language: {lang}\\n"', '"MIME-Version: 1.0\\n"',
            '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"']
    if not bad_header:
        head.append(f'"Plural-Forms: {plural}\\n"')
    out = ["\n".join(head), ""]
    done = 0.55 + 0.4 * rnd.random()
    for i, m in enumerate(msgs):
        lines = [f"#: src/fieldnotes/mod{m['mod']:02d}.py:{10 + 7 * i % 300}"]
        flags = [m["flag"]] if m["flag"] else []
        t = translate(m["id"], lang)
        r = rnd.random()
        if r > done:
            t = ""
        elif r < 0.05:
            flags.insert(0, "fuzzy")
        elif r < 0.09 and "%d" in t:
            t = t.replace("%d", "%s", 1)  # a format mismatch
        elif r < 0.12 and "%s" in t:
            t = t.replace("%s", "", 1)  # a dropped placeholder
        elif r < 0.15 and "</b>" in t:
            t = t.replace("</b>", "", 1)  # unbalanced markup
        elif r < 0.18 and t.startswith("_"):
            t = t[1:]  # the accelerator lost
        elif r < 0.20 and "%(site)s" in t:
            t = t.replace("%(site)s", "%(place)s")  # a renamed variable
        if flags:
            lines.append("#, " + ", ".join(flags))
        lines.append(f'msgid "{po_escape(m["id"])}"')
        if "plural" in m:
            lines.append(f'msgid_plural "{po_escape(m["plural"])}"')
            forms = nplur - 1 if (short_plural and nplur > 2) else nplur
            for k in range(forms):
                lines.append(f'msgstr[{k}] "{po_escape(translate(m["plural"] if k else m["id"], lang) if t else "")}"')
        else:
            lines.append(f'msgstr "{po_escape(t)}"')
        out.append("\n".join(lines) + "\n")
        if dup and i in (17, 40):
            out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def py_module(msgs: list[dict], k: int) -> str:
    body = ['"""Fieldnotes UI module %02d."""' % k, "from gettext import gettext as _, ngettext", "", "",
            f"def build_menu_{k}(app, n=1, name='x'):", "    items = []"]
    for m in msgs:
        if m["mod"] != k:
            continue
        if "plural" in m:
            body.append(f"    items.append(ngettext({json.dumps(m['id'])}, {json.dumps(m['plural'])}, n) % n)")
        else:
            body.append(f"    items.append(_({json.dumps(m['id'])}))")
    if k == 3:
        body.append('    items.append(_(""))  # the header lookup, by mistake')
    if k == 5:
        body.append("    items.append(_('Note %s has %s tags' % (name, n)))  # formatted before lookup")
    if k == 9:
        body.append("    items.append(_(f'Sync {name}'))")
    body.append("    return items\n")
    return "\n".join(body)


C_SRC = r'''#include <libintl.h>
#include <stdio.h>
#define _(s) gettext(s)
#define N_(s) s

static const char *units[] = { N_("metres"), N_("feet"), N_("paces") };

void report(int n, const char *site, double km)
{
    printf(_("%s: %d samples over %.1f km\n"), site, n, km);
    printf(_("Exporting %s ...\n"), site);
    printf(_("%1$s has %2$d notes, %s pending\n"), site, n, "x");
    printf(ngettext("%d sample", "%d samples", n), n);
    printf(_("Battery low \u2014 save now"));
    printf(_("Unterminated
"));
    printf(_("" "\n"));
}
'''

QT_TPL = '''#include <QObject>
#include <QMenu>
#include <QCoreApplication>

class {cls} : public QObject
{{
    Q_OBJECT
public:
    void build(QMenu *menu, int n);
}};

void {cls}::build(QMenu *menu, int n)
{{
{body}
}}
'''


def qt_sources(seed: int, v2: bool) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k, cls in enumerate(["NotesView", "MapPane", "SyncDialog", "TagEditor", "ExportWizard", "SettingsPage",
                             "SampleTable", "CameraPanel"]):
        body = []
        for j in range(rnd.randint(14, 30) + (6 if v2 and k % 3 == 0 else 0)):
            v, noun = rnd.choice(VERBS), rnd.choice(NOUNS)
            r = rnd.random()
            if r < 0.55:
                body.append(f'    menu->addAction(tr("{v} {noun}"));')
            elif r < 0.7:
                body.append(f'    menu->addAction(tr("%n {noun}(s) selected", "", n));')
            elif r < 0.8:
                body.append(f'    menu->addAction(QCoreApplication::translate("{cls}", "{v} all {noun}s"));')
            elif r < 0.87:
                body.append(f'    //: Shown in the status bar while {noun}s sync\n    menu->addAction(tr("Syncing {noun}s..."));')
            else:
                body.append(f'    menu->addAction(tr("<b>{v}</b> {noun}"));')
        if k == 2:
            body.append('    QString label = "Retry";\n    menu->addAction(tr(label));')  # not a literal
            body.append('    menu->addAction(Unknown::Ns::tr("Offline mode"));')  # unknown namespace
        if k == 5:
            body.append('    //: a translator comment with nothing after it')
            body.append('    //~ MaxLength 20')
        if v2 and k == 6:
            body.append('    menu->addAction(tr("Copy sample " "ID"));')
        files[f"qt/src/{cls.lower()}.cpp"] = QT_TPL.format(cls=cls, body="\n".join(body))
    return files


def fill_ts(text: str, lang: str, seed: int) -> str:
    """Translations put into a .ts file: most finished, some left unfinished, some empty."""
    rnd = random.Random(seed)

    def one(m):
        src = m.group(1)
        r = rnd.random()
        if r < 0.2:
            return m.group(0)
        tr = translate(src.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'), lang)
        tr = tr.replace("<", "&lt;").replace(">", "&gt;")
        kind_ = ' type="unfinished"' if r < 0.32 else ""
        return f"<source>{src}</source>\n        <translation{kind_}>{tr}</translation>"
    return re.sub(r'<source>(.*?)</source>\n\s*<translation type="unfinished"></translation>', one, text)


JS_KEYS = ["notes.title", "notes.empty", "notes.count", "notes.delete", "tags.add", "tags.remove", "map.layers",
           "map.offline", "sync.start", "sync.done", "sync.failed", "export.csv", "export.gpx", "settings.units",
           "settings.language", "camera.flash", "camera.grid", "survey.start", "survey.end", "sample.label"]


def js_sources(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k, comp in enumerate(["NotesList", "MapView", "SyncBar", "TagChips", "ExportMenu", "Settings", "Camera",
                              "SurveyForm", "SampleCard", "Header", "Footer", "Onboarding"]):
        lines = ["import { useTranslation } from 'react-i18next';", "", f"export function {comp}(props) {{",
                 "  const { t } = useTranslation(['common', 'fieldnotes']);", "  return ["]
        for j in range(rnd.randint(6, 14)):
            key = rnd.choice(JS_KEYS) + (f".v{j}" if rnd.random() < 0.4 else "")
            ns = rnd.choice(["common", "fieldnotes"])
            dflt = f"{rnd.choice(VERBS)} {rnd.choice(NOUNS)}"
            if rnd.random() < 0.2:
                lines.append(f"    t('{ns}:{key}', {{ count: props.n, defaultValue: '{dflt}' }}),")
            else:
                lines.append(f"    t('{ns}:{key}', '{dflt}'),")
        if k == 4:
            lines.append("    t(`fieldnotes:export.${props.format}`),")
        if k == 7:
            lines.append("    t('survey:start', 'Start survey'),")
        lines += ["  ];", "}", ""]
        files[f"web/src/components/{comp}.js"] = "\n".join(lines)
    return files


I18NEXT_CONFIG = """module.exports = {
  locales: ['en', 'de', 'fr', 'es', 'it', 'pl', 'ru', 'ja'],
  defaultNamespace: 'common',
  namespaceSeparator: ':',
  keySeparator: '.',
  output: 'locales/$LOCALE/$NAMESPACE.json',
  input: ['src/**/*.js'],
  sort: true,
  keepRemoved: false,
  createOldCatalogs: false,
  verbose: true,
};
"""


def formatjs_sources(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k, comp in enumerate(["Inbox", "Trip", "Specimen", "Uploads", "Profile", "Sharing", "Search", "Offline"]):
        lines = ["import { defineMessages } from 'react-intl';", "", "export default defineMessages({"]
        for j in range(rnd.randint(8, 16)):
            noun = rnd.choice(NOUNS)
            r = rnd.random()
            if r < 0.4:
                msg = f"{rnd.choice(VERBS)} {{name}}'s {noun}"
            elif r < 0.7:
                msg = f"{{count, plural, one {{# {noun}}} other {{# {noun}s}}}}"
            elif r < 0.85:
                msg = f"Last synced {{when, date, medium}} at {{when, time, short}}"
            else:
                msg = f"{{kind, select, photo {{Photo}} audio {{Voice memo}} other {{{noun}}}}}"
            if k == 2 and j == 3:
                msg = f"{{count, plural, one {{# {noun}}} other {{# {noun}s}}"  # unclosed
            if k == 5 and j == 1:
                msg = "Shared with {count, plural, =0 {nobody} one {# person} other {# people}} by {owner"
            if k == 6 and j == 2:
                msg = "{kind, select, photo {Photo} audio {Voice memo}}"  # select without other
            lines.append(f"  {comp.lower()}{j}: {{ id: '{comp.lower()}.m{j}', defaultMessage: {json.dumps(msg)}, "
                         f"description: 'the {noun} screen' }},")
        lines += ["});", ""]
        files[f"web/src/messages/{comp}.js"] = "\n".join(lines)
    return files


def po_project(tmp: Path) -> Path:
    root = tmp / "fieldnotes"
    v1, v2 = messages(2180, 260), messages(2180, 300)
    rnd = random.Random(2182)
    for m in rnd.sample(v2, 24):  # strings reworded since the catalogs were made
        m["id"] = m["id"].replace("the ", "this ", 1) if "the " in m["id"] else m["id"] + " now"
    files = {f"src/fieldnotes/mod{k:02d}.py": py_module(v2, k) for k in range(14)}
    files["src/native/report.c"] = C_SRC
    files["src/legacy/strings_latin.py"] = "from gettext import gettext as _\nLABEL = _('Größe der Probe')\n"
    cm.write_tree(root, files)
    (root / "po").mkdir(exist_ok=True)
    for i, lang in enumerate(LANGS):
        (root / "po" / f"{lang}.po").write_text(catalog(v1, lang, 2190 + i, dup=(lang == "pl"), short_plural=(lang == "ru"),
                                                        bad_header=(lang == "uk")))
    (root / "po" / "LINGUAS").write_text(" ".join(LANGS) + "\n")
    return root


def gettext_steps(tmp: Path) -> None:
    root = po_project(tmp)
    run("mkdir -p po-old && cp po/*.po po-old/ && mkdir -p build qt/build", cwd=root)
    cap("xgettext-py-checks-exit", "xgettext -L Python --from-code=UTF-8 -k_ -kN_ --check=ellipsis-unicode --check=quote-unicode "
        "--check=space-ellipsis --add-comments=TRANSLATORS -o po/fieldnotes.pot src/fieldnotes/*.py; echo EXIT=$?", root,
        n_xgettext)
    run("xgettext -L Python --from-code=UTF-8 -k_ -kN_ --add-comments=TRANSLATORS -o po/fieldnotes.pot src/fieldnotes/*.py",
        cwd=root)  # with --check the template is not written: the agent's next run, without it
    cap("xgettext-c-head-60-exit", "xgettext -L C -k_ -kN_ --check=ellipsis-unicode --check=space-ellipsis -o build/native.pot "
        "src/native/report.c 2>&1 | head -n 60; echo EXIT=$?", root, n_xgettext)
    cap("xgettext-all-grep-head-100", "xgettext -L Python -k_ -o build/all.pot src/fieldnotes/*.py src/legacy/*.py "
        "--check=ellipsis-unicode --check=space-ellipsis 2>&1 | grep -iE 'error|warning|ellipsis' | head -n 100; echo EXIT=$?",
        root, n_xgettext)
    # before the merge: the old catalogs against the new template
    cap("msgcmp-de-pot", "msgcmp po-old/de.po po/fieldnotes.pot", root, n_msgcmp)
    cap("msgcmp-loop-tail-60", 'for f in po-old/ja.po po-old/sv.po po-old/cs.po; do echo "== $f"; msgcmp --use-untranslated '
        '"$f" po/fieldnotes.pot 2>&1 | tail -n 20; done', root, n_msgcmp)
    cap("msgfmt-c-statistics-loop", 'for f in po-old/*.po; do echo "== $f"; msgfmt -c --statistics -o /dev/null "$f"; done 2>&1',
        root, n_msgfmt_check)
    cap("msgfmt-c-statistics-ru-exit", "msgfmt -c -v --statistics -o build/ru.mo po-old/ru.po 2>&1 | head -n 40; echo EXIT=$?",
        root, n_msgfmt_check)
    cap("msgmerge-update-loop", 'for f in po/*.po; do echo "== $f"; msgmerge --update -v --backup=none "$f" po/fieldnotes.pot; '
        'done 2>&1', root, n_msgmerge)
    cap("msgmerge-previous-loop-exit", 'for l in pl ru uk cs ja; do echo "== $l"; msgmerge -v --previous -o build/$l.po '
        'po-old/$l.po po/fieldnotes.pot; echo EXIT=$?; done 2>&1', root, n_msgmerge)
    # translate-toolkit
    cap("pofilter-de-all", "pofilter po-old/de.po", root, n_pofilter)
    cap("pofilter-gnome-fr-head-100", "pofilter --gnome -t printf -t variables -t xmltags -t accelerators po-old/fr.po "
        "| head -n 100", root, n_pofilter)
    cap("pofilter-ru-printf-grep", "pofilter -t printf -t doublespacing -t endpunc -t startcaps po-old/ru.po "
        "| grep -B1 -A4 'pofilter'", root, n_pofilter)
    cap("pocount-long", "pocount po-old/*.po", root, n_pocount)
    cap("pocount-short-incomplete", "pocount --short --incomplete po/", root, n_pocount)
    cap("po2csv-de-head-120", "po2csv -i po-old/de.po -o build/de.csv && head -n 120 build/de.csv", root, n_po2csv)
    cap("po2csv-ja-cat", "po2csv po-old/ja.po build/ja.csv; cat build/ja.csv", root, n_po2csv)


def qt_steps(tmp: Path) -> None:
    root = tmp / "fieldnotes"
    qt = root / "qt"
    cm.write_tree(root, qt_sources(2200, v2=False))
    langs = ["de", "fr", "es", "it", "ru", "uk", "pl", "cs", "nl", "sv", "pt_BR", "ja"]
    (qt / "fieldnotes.pro").write_text("TEMPLATE = app\nQT += widgets\nSOURCES += " + " ".join(
        sorted(p.name for p in (qt / "src").glob("*.cpp"))).replace("", "") + "\nTRANSLATIONS = " +
        " ".join(f"ts/fieldnotes_{lg}.ts" for lg in langs) + "\n")
    (qt / "fieldnotes.pro").write_text((qt / "fieldnotes.pro").read_text().replace("SOURCES += ", "SOURCES += src/").replace(
        ".cpp ", ".cpp src/"))
    (qt / "ts").mkdir(exist_ok=True)
    run("lupdate -locations relative src -ts " + " ".join(f"ts/fieldnotes_{lg}.ts" for lg in langs), cwd=qt)
    for i, lg in enumerate(langs):
        p = qt / "ts" / f"fieldnotes_{lg}.ts"
        if p.exists():
            p.write_text(fill_ts(p.read_text(), lg, 2210 + i))
    cm.write_tree(root, qt_sources(2200, v2=True))
    for f in (qt / "src").glob("*.cpp"):  # a few strings dropped from the UI since
        f.write_text(re.sub(r'\n    menu->addAction\(tr\("Pin [^"]*"\)\);', "", f.read_text()))
    cap("lupdate-no-obsolete-exit", "lupdate -no-obsolete -locations relative src -ts ts/*.ts; echo EXIT=$?", qt, n_lupdate)
    bad = qt / "ts" / "fieldnotes_pl.ts"
    if bad.exists():
        txt = bad.read_text()
        bad.write_text(txt[: int(len(txt) * 0.6)])  # cut short by a bad merge
    cap("lrelease-all", "lrelease ts/*.ts", qt, n_lrelease)
    cap("lrelease-each-exit", "for f in ts/*.ts; do lrelease -nounfinished \"$f\" -qm \"build/$(basename $f .ts).qm\"; done; "
        "echo EXIT=$?", qt, n_lrelease)


def js_steps(tmp: Path) -> None:
    root = tmp / "fieldnotes"
    web = root / "web"
    cm.write_tree(root, js_sources(2230))
    cm.write_tree(root, formatjs_sources(2240))
    (web / "i18next-parser.config.js").write_text(I18NEXT_CONFIG)
    stale = {"notes": {"title": "Notes", "archived": "Archived notes"}, "sync": {"start": "Start sync"}, "legacy": "Old"}
    for lg in ["en", "de", "fr"]:
        (web / "locales" / lg).mkdir(parents=True, exist_ok=True)
        (web / "locales" / lg / "common.json").write_text(json.dumps(stale, indent=2))
    cap("i18next-parser-verbose", "i18next --config i18next-parser.config.js", web, n_i18next)
    cap("i18next-parser-fail-tail-exit", "i18next --config i18next-parser.config.js --fail-on-warnings 'src/components/*.js' "
        "2>&1 | tail -n 60; echo EXIT=$?", web, n_i18next)
    (web / "lang").mkdir(exist_ok=True)
    (web / "build").mkdir(exist_ok=True)
    cap("formatjs-extract-compile-exit", "formatjs extract 'src/messages/*.js' --out-file lang/extracted.json --format simple "
        "&& formatjs compile lang/extracted.json --format simple --out-file build/en.json; echo EXIT=$?", web, n_formatjs)
    good = {}
    rnd = random.Random(2250)
    for f in sorted((web / "src" / "messages").glob("*.js")):
        for mid, msg in re.findall(r"id: '([^']+)', defaultMessage: (\"(?:[^\"\\\\]|\\\\.)*\")", f.read_text()):
            good[mid] = json.loads(msg)
    (web / "lang" / "en.json").write_text(json.dumps({k: v for k, v in good.items()
                                                      if v.count("{") == v.count("}") and "owner" not in v}, indent=2))
    for lg in ["de", "fr", "pl", "ja"]:
        tr = {}
        for k, v in good.items():
            r = rnd.random()
            if r < 0.1:
                continue  # a key never translated
            t = re.sub(r"(?<=[ {}])([A-Za-z]{4,})(?=[ }])", lambda m: fake(m.group(1), lg)
                       if m.group(1) not in ("plural", "select", "other", "date", "time", "medium", "short") else m.group(1), v)
            if r > 0.95:
                t = t.replace("{count,", "{cuont,").replace("plural,", "plurl,")  # a mistyped argument type
            tr[k] = t
        tr[f"{lg}.orphan"] = "Left over"
        (web / "lang" / f"{lg}.json").write_text(json.dumps(tr, indent=2, ensure_ascii=False))
    cap("formatjs-compile-pl", "formatjs compile lang/pl.json --out-file build/pl.json --format simple", web, n_formatjs)
    cap("formatjs-verify-missing-extra", "formatjs verify --source-locale en --missing-keys --extra-keys lang/*.json; "
        "echo EXIT=$?", web, n_formatjs)


STEPS = [gettext_steps, qt_steps, js_steps]
