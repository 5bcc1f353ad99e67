"""Round 228, second samples of round 218's kinds: `quayside`, a marina's berth-booking app written here (Python and C
sources with gettext calls, Qt/C++ sources with tr(), JS for i18next and formatjs), its catalogs in another dozen
languages made by a seeded generator of this round's own with other faults put in (fuzzy entries, `%d` turned `%s`,
a dropped or renamed placeholder, a lost trailing newline, unbalanced `<i>` markup, a lost `&` accelerator, a plural
entry short of forms, a header without Plural-Forms, keys used but not defined, ICU syntax errors), and typefaces
built here with fontTools from other specs (Turkish and Hungarian letters dropped, a name table without its full
name, an hhea metrics count past the glyphs, a file cut short, masters whose glyphs disagree) and a FontForge-drawn
display face with open and crossing contours. The needles come from round 218's extractors, imported as they are
(NEEDLES.md, "Round 228"). Run through capture_wide228.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide218_font import (BUILD, FF_VALIDATE, n_fc_query, n_fc_validate, n_fontforge, n_hb_shape, n_otfinfo,
                                  n_ots, n_pyftsubset, n_ttx_list, n_ttx_table, n_varlib)
from capture_wide218_po import (n_formatjs, n_i18next, n_lrelease, n_lupdate, n_msgcmp, n_msgfmt_check, n_msgmerge,
                                n_pocount, n_po2csv, n_pofilter, n_xgettext)
from capture_wide228 import SYS_PY, cap

# ------------------------------------------------------------------ the app's strings and catalogs

LANGS = ["tr", "hu", "fi", "el", "ro", "da", "nb", "ko", "zh_CN", "sk", "lt", "hr"]
PLURALS = {"ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
           "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
           "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
           "hr": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
           "ko": "nplurals=1; plural=0;", "zh_CN": "nplurals=1; plural=0;", "tr": "nplurals=2; plural=(n > 1);"}
THINGS = ["berth", "mooring", "pontoon", "slipway", "fuel dock", "crane slot", "harbour fee", "tide table", "guest pass",
          "invoice", "boat", "skipper", "dinghy", "power post", "water meter", "waitlist", "winter storage", "gate code"]
ACTS = ["Book", "Cancel", "Extend", "Assign", "Release", "Invoice", "Refund", "Reserve", "Transfer", "Lock", "Measure",
        "Approve", "Hold"]
SYLL = ["ak", "lu", "mer", "si", "to", "vek", "zo", "ra", "ili", "ön", "dag", "ye", "kar", "pu", "es", "na", "hav", "ji"]


def ui_strings(seed: int, n: int) -> list[dict]:
    """The app's UI strings: plain, c-format, python-format, brace-format, markup, accelerators, newlines, plurals."""
    rnd = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        a, t, t2 = rnd.choice(ACTS), rnd.choice(THINGS), rnd.choice(THINGS)
        r = rnd.random()
        if r < 0.14:
            m = {"id": f"{a} {t}", "flag": None}
        elif r < 0.26:
            m = {"id": f"{a} %d {t}s for %s", "flag": "c-format"}
        elif r < 0.38:
            m = {"id": f"{a} {{boat}} at {{berth}}", "flag": "python-brace-format"}
        elif r < 0.48:
            m = {"id": f"%(skipper)s asked to {a.lower()} the {t}", "flag": "python-format"}
        elif r < 0.56:
            m = {"id": f"<i>{a}</i> the {t}? The {t2} stays booked.", "flag": None}
        elif r < 0.64:
            m = {"id": f"&{a} {t}", "flag": None}
        elif r < 0.72:
            m = {"id": f"{a} {t} failed: %s\\n", "flag": "c-format"}
        elif r < 0.82:
            m = {"id": f"One {t} booked", "plural": f"%d {t}s booked", "flag": "python-format"}
        elif r < 0.88:
            m = {"id": f"Checking {t}s...", "flag": None}
        else:
            m = {"id": f"{a} the {t} next to the {t2}", "flag": None}
        if m["id"] in seen:
            continue
        seen.add(m["id"])
        m["mod"] = rnd.randrange(10)
        out.append(m)
    return out


def fake(word: str, lang: str) -> str:
    h = sum(map(ord, word + lang)) * 7
    return "".join(SYLL[(h + k * 5 + len(word)) % len(SYLL)] for k in range(1 + len(word) // 3))


def translate(msgid: str, lang: str) -> str:
    parts = re.split(r"(%\(\w+\)[ds]|%[ds]|\{\w+\}|<[^>]+>|\.\.\.|\\n|&(?=\w))", msgid)
    return "".join(p if (p and (p[0] in "%{<&" or p in ("...", "\\n")))
                   else re.sub(r"[A-Za-z]+", lambda m: fake(m.group(0), lang), p) for p in parts)


def esc(s: str) -> str:
    return s.replace('"', '\\"')


def po_catalog(msgs: list[dict], lang: str, seed: int, short_plural: bool = False, no_plural_header: bool = False,
               share: float | None = None) -> str:
    rnd = random.Random(seed)
    plural = PLURALS.get(lang, "nplurals=2; plural=(n != 1);")
    nplur = int(plural.split("nplurals=")[1].split(";")[0])
    head = ["# Quayside berth booking, translations.", f"# The {lang} team, 2026.", 'msgid ""', 'msgstr ""',
            '"Project-Id-Version: quayside 5.1\\n"', '"Report-Msgid-Bugs-To: l10n@quayside.example\\n"',
            '"PO-Revision-Date: 2026-11-19 09:05+0100\\n"', f'"Last-Translator: Quayside {lang}\\n"',
            f'"Language-Team: {lang} <{lang}@quayside.example>\\n"', f'"Language: {lang}\\n"', '"MIME-Version: 1.0\\n"',
            '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"']
    if not no_plural_header:
        head.append(f'"Plural-Forms: {plural}\\n"')
    out = ["\n".join(head), ""]
    done = share if share is not None else 0.5 + 0.45 * rnd.random()
    for i, m in enumerate(msgs):
        lines = [f"#: quayside/ui/panel{m['mod']}.py:{12 + (11 * i) % 400}"]
        if i % 9 == 0:
            lines.append("#. TRANSLATORS: keep it short, it is a button")
        flags = [m["flag"]] if m["flag"] else []
        t = translate(m["id"], lang)
        r = rnd.random()
        if r > done:
            t = ""
        elif r < 0.04:
            flags.insert(0, "fuzzy")
        elif r < 0.08 and "%d" in t:
            t = t.replace("%d", "%s", 1)
        elif r < 0.11 and "{berth}" in t:
            t = t.replace("{berth}", "{quay}")
        elif r < 0.14 and "%s" in t:
            t = t.replace("%s", "", 1)
        elif r < 0.17 and t.endswith("\\n"):
            t = t[:-2]
        elif r < 0.20 and "</i>" in t:
            t = t.replace("</i>", "", 1)
        elif r < 0.23 and t.startswith("&"):
            t = t[1:]
        elif r < 0.25 and "%(skipper)s" in t:
            t = t.replace("%(skipper)s", "%(captain)s")
        if flags:
            lines.append("#, " + ", ".join(flags))
        lines.append(f'msgid "{esc(m["id"])}"')
        if "plural" in m:
            lines.append(f'msgid_plural "{esc(m["plural"])}"')
            forms = nplur - 1 if (short_plural and nplur > 2) else nplur
            for k in range(forms):
                lines.append(f'msgstr[{k}] "{esc(translate(m["plural"] if k else m["id"], lang) if t else "")}"')
        else:
            lines.append(f'msgstr "{esc(t)}"')
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def panel(msgs: list[dict], k: int) -> str:
    body = ['"""Quayside UI panel %d."""' % k, "from gettext import gettext as _, ngettext", "", "",
            f"def panel_{k}(ui, n=1, boat='x', berth='y', skipper='z'):", "    rows = []"]
    for m in msgs:
        if m["mod"] != k:
            continue
        s = m["id"].replace("\\n", "\n")
        if "plural" in m:
            body.append(f"    rows.append(ngettext({json.dumps(m['id'])}, {json.dumps(m['plural'])}, n) % n)")
        else:
            body.append(f"    rows.append(_({json.dumps(s)}))")
    if k == 2:
        body.append("    rows.append(_('Berth %s' + ' is free'))  # concatenated")
    if k == 4:
        body.append("    rows.append(_('Tide at %s: %s m' % (berth, n)))  # formatted before the lookup")
    if k == 6:
        body.append("    rows.append(_(\"Checking gate codes ...\"))")
        body.append("    rows.append(_(\"Don't leave the \\\"guest pass\\\" open\"))")
    if k == 7:
        body.append("    rows.append(_('%s %s %s' % (boat, berth, skipper)))")
    body.append("    return rows\n")
    return "\n".join(body)


QT_TPL = '''#include <QObject>
#include <QAction>
#include <QCoreApplication>

class {cls} : public QObject
{{
    Q_OBJECT
public:
    void fill(QList<QAction *> &acts, int n);
}};

void {cls}::fill(QList<QAction *> &acts, int n)
{{
{body}
}}
'''


def qt_tree(seed: int, later: bool) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k, cls in enumerate(["BerthMap", "BookingForm", "InvoiceList", "TideWidget", "GateDialog", "CraneBoard"]):
        body = []
        for j in range(rnd.randint(18, 34) + (8 if later and k % 2 else 0)):
            a, t = rnd.choice(ACTS), rnd.choice(THINGS)
            r = rnd.random()
            if r < 0.5:
                body.append(f'    acts << new QAction(tr("{a} {t}"), this);')
            elif r < 0.65:
                body.append(f'    acts << new QAction(tr("%n {t}(s) booked", "", n), this);')
            elif r < 0.8:
                body.append(f'    acts << new QAction(QCoreApplication::translate("{cls}", "{a} every {t}"), this);')
            else:
                body.append(f'    //: tooltip over the {t} column\n    acts << new QAction(tr("&{a} {t}"), this);')
        if k == 1:
            body.append('    const char *msg = "Confirm";\n    acts << new QAction(tr(msg), this);')
        if k == 3:
            body.append('    acts << new QAction(Harbour::Tide::tr("Spring tide"), this);')
            body.append('    acts << new QAction(tr("Neap tide), this);')
        if k == 4 and later:
            body.append('    //: dangling translator comment')
        files[f"qt/src/{cls.lower()}.cpp"] = QT_TPL.format(cls=cls, body="\n".join(body))
    return files


def fill_ts(text: str, lang: str, seed: int) -> str:
    rnd = random.Random(seed)

    def one(m):
        r = rnd.random()
        if r < 0.25:
            return m.group(0)
        tr = translate(m.group(1).replace("&amp;", "&"), lang).replace("&", "&amp;")
        kind_ = ' type="unfinished"' if r < 0.4 else ""
        return f"<source>{m.group(1)}</source>\n        <translation{kind_}>{tr}</translation>"
    return re.sub(r'<source>(.*?)</source>\n\s*<translation type="unfinished"></translation>', one, text)


JS_KEYS = ["berth.title", "berth.free", "berth.count", "booking.new", "booking.cancel", "invoice.due", "invoice.paid",
           "tide.high", "tide.low", "gate.code", "gate.open", "crane.slot", "fuel.price", "guest.pass", "waitlist.join"]


def i18n_tree(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k, comp in enumerate(["BerthGrid", "BookingWizard", "InvoiceTable", "TideChart", "GatePanel", "CraneQueue",
                              "FuelDesk", "GuestDesk", "Waitlist", "NavBar"]):
        lines = ["import i18next from 'i18next';", "", f"export function {comp}(p) {{", "  return ["]
        for j in range(rnd.randint(5, 12)):
            key = rnd.choice(JS_KEYS) + (f".s{j}" if rnd.random() < 0.5 else "")
            ns = rnd.choice(["marina", "billing"])
            dflt = f"{rnd.choice(ACTS)} {rnd.choice(THINGS)}"
            lines.append(f"    i18next.t('{ns}:{key}', '{dflt}'),")
        if k == 1:
            lines.append("    i18next.t('marina:berth.title', 'Berths and moorings'),")  # a second default value
        if k == 3:
            lines.append("    i18next.t(p.dynamicKey),")
        if k == 6:
            lines.append("    i18next.t('fuel:price.diesel', 'Diesel'),")  # a namespace not configured
        lines += ["  ];", "}", ""]
        files[f"web/src/{comp}.js"] = "\n".join(lines)
    return files


I18NEXT_CONFIG = """module.exports = {
  locales: ['en', 'tr', 'hu', 'fi', 'el', 'da'],
  defaultNamespace: 'marina',
  namespaceSeparator: ':',
  keySeparator: '.',
  output: 'public/locales/$LOCALE/$NAMESPACE.json',
  input: ['src/*.js'],
  sort: true,
  keepRemoved: false,
  verbose: true,
};
"""


def icu_tree(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for k, comp in enumerate(["Arrivals", "Departures", "Billing", "Crane", "Weather", "Members", "Storage"]):
        lines = ["import { defineMessages } from 'react-intl';", "", "export default defineMessages({"]
        for j in range(rnd.randint(9, 18)):
            t = rnd.choice(THINGS)
            r = rnd.random()
            if r < 0.35:
                msg = f"{rnd.choice(ACTS)} {{boat}} on {t}"
            elif r < 0.65:
                msg = f"{{n, plural, =0 {{no {t}}} one {{# {t}}} other {{# {t}s}}}}"
            elif r < 0.8:
                msg = "High water {at, time, short}, {height, number} m"
            else:
                msg = f"{{gender, select, female {{She booked}} male {{He booked}} other {{They booked}}}} the {t}"
            if k == 1 and j == 2:
                msg = f"{{n, plural, one {{# {t}}} other {{# {t}s}}"
            if k == 4 and j == 4:
                msg = "Wind {speed, number, :: unit/knot} from {dir"
            if k == 5 and j == 1:
                msg = "{n, plural, one {# member} few {# members}}"
            lines.append(f"  {comp.lower()}_{j}: {{ id: '{comp.lower()}.msg{j}', defaultMessage: {json.dumps(msg)} }},")
        lines += ["});", ""]
        files[f"web/src/intl/{comp}.js"] = "\n".join(lines)
    return files


def catalogs(tmp: Path) -> None:
    root = tmp / "quayside"
    old, new = ui_strings(2281, 220), ui_strings(2281, 270)
    rnd = random.Random(2282)
    for m in rnd.sample(new, 20):
        m["id"] = m["id"].replace("Book", "Reserve", 1) if "Book" in m["id"] else m["id"].rstrip(".") + " now"
    cm.write_tree(root, {f"quayside/ui/panel{k}.py": panel(new, k) for k in range(10)})
    (root / "po").mkdir()
    for i, lang in enumerate(LANGS):
        (root / "po" / f"{lang}.po").write_text(po_catalog(old, lang, 2290 + i, short_plural=(lang == "lt"),
                                                           no_plural_header=(lang == "hr")))
    run("mkdir -p po-old build && cp po/*.po po-old/", cwd=root)
    cap("xgettext-checks-exit", "xgettext -L Python --from-code=UTF-8 --check=ellipsis-unicode --check=space-ellipsis "
        "--check=quote-unicode --add-comments=TRANSLATORS -o po/quayside.pot quayside/ui/*.py; echo EXIT=$?", root,
        n_xgettext)
    run("xgettext -L Python --from-code=UTF-8 --add-comments=TRANSLATORS -o po/quayside.pot quayside/ui/*.py", cwd=root)
    cap("msgcmp-loop-tail", 'for f in po-old/tr.po po-old/hu.po po-old/ko.po; do echo "== $f"; msgcmp "$f" '
        'po/quayside.pot 2>&1 | tail -n 25; done', root, n_msgcmp)
    cap("msgfmt-c-statistics-loop-exit", 'for f in po-old/*.po; do echo "== $f"; msgfmt -c --statistics -o /dev/null '
        '"$f" 2>&1 | tail -n 15; done; echo EXIT=$?', root, n_msgfmt_check)
    cap("msgmerge-verbose-loop", 'for f in po/*.po; do echo "== $f"; msgmerge -v --update --backup=off "$f" '
        'po/quayside.pot; done 2>&1', root, n_msgmerge)
    cap("pofilter-tr-all", "pofilter po-old/tr.po", root, n_pofilter)
    cap("pofilter-kde-hu-head-120", "pofilter --kde -t printf -t variables -t xmltags -t accelerators -t newlines "
        "po-old/hu.po | head -n 120", root, n_pofilter)
    cap("pocount-short", "pocount --short po-old/", root, n_pocount)
    cap("po2csv-fi-head-150", "po2csv po-old/fi.po build/fi.csv && head -n 150 build/fi.csv", root, n_po2csv)


def qt(tmp: Path) -> None:
    root = tmp / "quayside"
    q = root / "qt"
    cm.write_tree(root, qt_tree(2300, later=False))
    langs = ["tr", "hu", "fi", "el", "ro", "da", "nb", "sk", "lt", "hr"]
    (q / "ts").mkdir(parents=True, exist_ok=True)
    (q / "build").mkdir(exist_ok=True)
    run("lupdate -locations relative src -ts " + " ".join(f"ts/quayside_{lg}.ts" for lg in langs), cwd=q)
    for i, lg in enumerate(langs):
        p = q / "ts" / f"quayside_{lg}.ts"
        if p.exists():
            p.write_text(fill_ts(p.read_text(), lg, 2310 + i))
    cm.write_tree(root, qt_tree(2300, later=True))
    for f in (q / "src").glob("*.cpp"):
        f.write_text(re.sub(r'\n    acts << new QAction\(tr\("Lock [^"]*"\), this\);', "", f.read_text()))
    cap("lupdate-exit", "lupdate -locations relative src -ts ts/*.ts 2>&1; echo EXIT=$?", q, n_lupdate)
    bad = q / "ts" / "quayside_ro.ts"
    if bad.exists():
        txt = bad.read_text()
        bad.write_text(txt[: int(len(txt) * 0.45)])
    cap("lrelease-loop-tail", "for f in ts/*.ts; do lrelease \"$f\" -qm build/$(basename $f .ts).qm; done 2>&1 "
        "| tail -n 80; echo EXIT=$?", q, n_lrelease)


def web(tmp: Path) -> None:
    root = tmp / "quayside"
    w = root / "web"
    cm.write_tree(root, i18n_tree(2320))
    cm.write_tree(root, icu_tree(2330))
    (w / "i18next-parser.config.js").write_text(I18NEXT_CONFIG)
    for lg in ["en", "tr", "hu"]:
        (w / "public" / "locales" / lg).mkdir(parents=True, exist_ok=True)
        (w / "public" / "locales" / lg / "marina.json").write_text(json.dumps(
            {"berth": {"title": "Berths", "legacy": "Old berth"}, "harbourmaster": "Harbour master"}, indent=2))
    cap("i18next-parser-config-exit", "i18next --config i18next-parser.config.js 2>&1 | grep -v '\\[read\\]' "
        "| head -n 300; echo EXIT=$?", w, n_i18next)
    (w / "lang").mkdir(exist_ok=True)
    (w / "build").mkdir(exist_ok=True)
    good = {}
    for f in sorted((w / "src" / "intl").glob("*.js")):
        for mid, msg in re.findall(r"id: '([^']+)', defaultMessage: (\"(?:[^\"\\\\]|\\\\.)*\")", f.read_text()):
            good[mid] = json.loads(msg)
    ok = {k: v for k, v in good.items() if v.count("{") == v.count("}") and "few" not in v}
    (w / "lang" / "en.json").write_text(json.dumps(ok, indent=2))
    rnd = random.Random(2340)
    for lg in ["tr", "hu", "fi", "el", "da"]:
        tr = {}
        for k, v in ok.items():
            r = rnd.random()
            if r < 0.12:
                continue
            tr[k] = re.sub(r"(?<=[ {}])([a-z]{4,})(?=[ }])", lambda m: m.group(1) if m.group(1) in (
                "plural", "select", "other", "time", "short", "number", "female", "male") else fake(m.group(1), lg), v)
            if r > 0.94:
                tr[k] = tr[k].replace("select,", "selct,").replace("plural,", "plurall,")
        tr[f"{lg}.stale.banner"] = "Closed for winter"
        (w / "lang" / f"{lg}.json").write_text(json.dumps(tr, indent=2, ensure_ascii=False))
    cap("formatjs-verify-exit", "formatjs verify --source-locale en --missing-keys --extra-keys --structural-equality "
        "lang/en.json lang/tr.json lang/hu.json lang/fi.json lang/el.json lang/da.json; echo EXIT=$?", w, n_formatjs)


# ------------------------------------------------------------------ the typefaces

KERN = "languagesystem DFLT dflt;\nlanguagesystem latn dflt;\nlanguagesystem latn TRK;\nfeature kern {\n" + "".join(
    f"  pos {a} {b} {v};\n" for a, b, v in [("T", "a", -60), ("V", "o", -50), ("W", "a", -40), ("Y", "e", -70),
                                            ("K", "o", -30), ("R", "V", -25), ("A", "T", -85)]) + "} kern;\n"
TR_HU = [0x11E, 0x11F, 0x130, 0x131, 0x15E, 0x15F, 0x150, 0x151, 0x170, 0x171]


def font_specs() -> list[dict]:
    out = []
    for i, (sty, wcls, fssel) in enumerate([("Regular", 400, 0x40), ("Italic", 400, 0x01), ("SemiBold", 600, 0x00),
                                             ("Bold", 700, 0x20), ("Black", 900, 0x00)]):
        s = {"seed": 228 + i, "blocks": ["basic", "latin1", "exta", "punct"] + (["greek"] if sty == "Regular" else []),
             "family": "Quayside Sans", "style": sty, "version": "3.010", "wclass": wcls, "fssel": fssel,
             "out": f"fonts/QuaysideSans-{sty}.ttf", "fea": KERN, "gasp": sty == "Bold"}
        if sty == "SemiBold":
            s["drop"] = TR_HU
            s["name_drop"] = ["fullName"]
        if sty == "Black":
            s["version"] = "2.990"
            s["drop"] = [0x11F, 0x131]
        out.append(s)
    out.append({"seed": 240, "blocks": ["basic", "cyr", "punct"], "family": "Quayside Mono", "style": "Regular",
                "version": "1.1", "out": "fonts/QuaysideMono-Regular.ttf", "hmetrics": 300})
    out.append({"seed": 241, "blocks": ["basic", "latin1", "exta"], "family": "Quayside Slab", "style": "Regular",
                "version": "0.8", "out": "fonts/QuaysideSlab-Regular.ttf", "truncate": 14000})
    out.append({"seed": 242, "blocks": ["basic", "latin1", "greek", "punct"], "family": "Quayside Slab", "style": "Bold",
                "version": "0.8", "wclass": 700, "fssel": 0x20, "out": "fonts/QuaysideSlab-Bold.ttf",
                "name_set": {"psName": "Quayside Slab Bold"}})
    for sty, wt, wcls, npts, drop in [("Hairline", 10, 100, {}, []), ("Heavy", 300, 800, {"o": 6, "e": 6, "s": 4}, []),
                                      ("Medium", 120, 500, {}, [0x71, 0xE6])]:
        out.append({"seed": 250, "blocks": ["basic", "latin1", "exta"], "family": "Quayside Flex", "style": sty,
                    "version": "1.0", "weight": wt, "wclass": wcls, "npts": npts, "drop": drop,
                    "out": f"masters/QF-{sty}.ttf"})
    return out


DS = """<?xml version='1.0' encoding='UTF-8'?>
<designspace format="4.1">
  <axes>
    <axis tag="wght" name="Weight" minimum="100" maximum="800" default="100"/>
  </axes>
  <sources>
{src}  </sources>
</designspace>
"""

FF_SIGNAGE = r'''import random
import sys
import fontforge

rnd = random.Random(int(sys.argv[1]))
f = fontforge.font()
f.fontname, f.familyname, f.fullname = "QuaysideSignage-Regular", "Quayside Signage", "Quayside Signage"
f.em = 1024
cps = list(range(0x30, 0x3A)) + list(range(0x41, 0x5B)) + [0x2190, 0x2192, 0x2191, 0x2193, 0x2693]
for cp in cps:
    g = f.createChar(cp)
    pen = g.glyphPen()
    x0, y0 = rnd.randint(40, 100), rnd.randint(0, 15)
    x1, y1 = rnd.randint(420, 640), rnd.randint(600, 740)
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    if rnd.random() < 0.35:
        pen.curveTo((x0 + 10, y1 + 60), (x1 - 10, y1 + 60), (x1, y1 - 0.5))
    else:
        pen.lineTo((x1, y1))
    pen.lineTo((x1, y0))
    if cp in (0x2693, 0x4A, 0x55, 0x56) or rnd.random() < 0.1:
        pen.endPath()
    else:
        pen.closePath()
    if cp in (0x58, 0x4B, 0x2192) or rnd.random() < 0.12:
        pen.moveTo((x0, y0 + 100))
        pen.lineTo((x1, y1 - 100))
        pen.lineTo((x1, y0 + 100))
        pen.lineTo((x0, y1 - 100))
        pen.closePath()
    pen = None
    g.width = x1 + rnd.randint(30, 80)
f.createChar(-1, "anchor.ss01")
print("drawn", len(list(f.glyphs())), "glyphs")
print("validate() = 0x%x" % f.validate(1))
for g in f.glyphs():
    st = g.validation_state
    probs = [n for bit, n in [(0x2, "open contour"), (0x4, "self-intersecting"), (0x8, "wrong direction"),
                              (0x20, "missing extrema"), (0x100, "non-integral coordinates")] if st & bit]
    if probs:
        print("  %-14s U+%04X: %s" % (g.glyphname, g.unicode if g.unicode >= 0 else 0, ", ".join(probs)))
print("%d glyphs checked, %d with problems" % (len(list(f.glyphs())), sum(1 for g in f.glyphs() if g.validation_state & ~1)))
f.generate(sys.argv[2])
print("generated", sys.argv[2])
'''

WORDS = ["İstanbul", "ağaç", "ığdır", "şişe", "Győr", "őrült", "fűzfa", "Ünnep", "Ärrä", "Ålesund", "øl", "æble",
         "Θάλασσα", "λιμάνι", "Köln", "Dubrovnik", "Šibenik", "Žilina", "Ľubica", "ąžuolas", "Klaipėda", "marina",
         "BERTH", "Tide", "AVAST", "Yacht", "Kayak", "VOLT", "Wave", "ŠTÚR", "Ğ", "ı", "ő", "ű", "€ 42", "—", "“ok”"]


def lines_of(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 4))) for _ in range(n)]


def fonts(tmp: Path) -> None:
    root = tmp / "quayside-type"
    for d in ["fonts", "masters", "tools", "build"]:
        (root / d).mkdir(parents=True, exist_ok=True)
    (root / "tools" / "build_fonts.py").write_text(BUILD)
    (root / "specs.json").write_text(json.dumps(font_specs(), indent=1))
    cm.note(run(f"{SYS_PY} tools/build_fonts.py specs.json && ls fonts masters", cwd=root).strip()[-400:])
    (root / "signs.txt").write_text("\n".join(lines_of(220, 2350)) + "\n")
    (root / "menu.txt").write_text("\n".join(lines_of(90, 2351)) + "\n")
    src = "".join(f'    <source filename="masters/QF-{m}.ttf" name="{m}"><location><dimension name="Weight" '
                  f'xvalue="{w}"/></location></source>\n' for m, w in [("Hairline", 100), ("Heavy", 800)])
    (root / "Flex.designspace").write_text(DS.format(src=src))
    src3 = src + ('    <source filename="masters/QF-Medium.ttf" name="Medium"><location><dimension name="Weight" '
                  'xvalue="500"/></location></source>\n')
    (root / "Flex3.designspace").write_text(DS.format(src=src3))
    (root / "tools" / "validate.py").write_text(FF_VALIDATE)
    (root / "tools" / "signage.py").write_text(FF_SIGNAGE)
    cap("ttx-l-sans-slab-exit", "ttx -l fonts/QuaysideSans-*.ttf fonts/QuaysideSlab-*.ttf; echo EXIT=$?", root,
        n_ttx_list)
    cap("ttx-t-name-os2-semibold", "ttx -q -t name -t OS/2 -t head -o - fonts/QuaysideSans-SemiBold.ttf", root,
        n_ttx_table)
    cap("pyftsubset-signs-verbose", "pyftsubset fonts/QuaysideSans-SemiBold.ttf --text-file=signs.txt "
        "--layout-features=kern --verbose --output-file=build/qs-semibold-signs.ttf", root, n_pyftsubset)
    cap("fonttools-varlib-flex-v", "fonttools varLib -v Flex.designspace -o build/QuaysideFlex.ttf 2>&1 | tail -n 100",
        root, n_varlib)
    cap("fonttools-varlib-flex3-exit", "fonttools varLib Flex3.designspace -o build/QuaysideFlex3.ttf; echo EXIT=$?",
        root, n_varlib)
    run("fontforge -lang=py -script tools/signage.py 2280 build/QuaysideSignage.otf", cwd=root)  # for the OTS loop
    cap("fontforge-validate-grep", "fontforge -lang=py -script tools/validate.py fonts/QuaysideSans-SemiBold.ttf "
        "fonts/QuaysideSlab-Bold.ttf fonts/QuaysideMono-Regular.ttf 2>&1 | grep -vE 'missing extrema$'", root,
        n_fontforge)
    cap("fc-query-all-grep", "fc-query fonts/*.ttf 2>&1 | grep -E 'Pattern|family:|style:|fullname:|postscriptname:"
        "|weight:|file:|fontversion:|lang:|charset:|Can.t' -A1 | head -n 200", root, n_fc_query)
    langs = "tr hu fi el ro da nb sk lt hr de fr sq az"
    cap("fc-validate-loop-exit", f"for l in {langs}; do fc-validate -l $l fonts/QuaysideSans-*.ttf "
        "fonts/QuaysideSlab-Bold.ttf; done; echo EXIT=$?", root, n_fc_validate)
    cap("otfinfo-t-loop", 'for f in fonts/*.ttf; do echo "== $f"; otfinfo -t "$f"; done 2>&1', root, n_otfinfo)
    cap("ots-sanitize-loop-exit", 'for f in fonts/*.ttf masters/*.ttf build/*.ttf build/*.otf; do echo "== $f"; '
        'ots-sanitize "$f"; done 2>&1; echo EXIT=$?', root, n_ots)
    cap("hb-shape-signs-semibold", "hb-shape --text-file=signs.txt fonts/QuaysideSans-SemiBold.ttf 2>&1 | head -n 160",
        root, n_hb_shape)


STEPS = [catalogs, qt, web, fonts]
