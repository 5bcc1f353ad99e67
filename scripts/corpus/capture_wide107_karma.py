"""Round 107's Karma runs and the extractor of their kinds (NEEDLES.md, "Round 107"): the `keepers` society's
front-end code (a tide-table formatter, a shop basket, a lamp-character parser, a visit booking validator) with
jasmine specs and mocha+chai specs, seeded for size, with bugs put in, run by Karma in ChromeHeadless (Debian's
Chromium, no sandbox: the rounds run as root). Run through capture_wide107.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_wide107 import JS, cap

STATUS = re.compile(r"^EXIT=\d+$")

SRC = {
    "src/tides.js": """
window.Tides = {
  // mistake put in: minutes are not zero-padded
  fmt: function (mins) { var h = Math.floor(mins / 60), m = mins % 60; return (h < 10 ? '0' + h : '' + h) + ':' + m; },
  range: function (hi, lo) { return Math.round((hi - lo) * 10) / 10; },
  // mistake put in: springs are every 14 days, not 15
  isSpring: function (day) { return day % 15 === 0; },
  nextHigh: function (table, now) { return table.filter(function (t) { return t.at > now; })[0].at; }
};
""",
    "src/basket.js": """
window.Basket = function () { this.lines = []; };
Basket.prototype.add = function (sku, price, qty) { this.lines.push({ sku: sku, price: price, qty: qty || 1 }); };
// mistake put in: qty ignored in the total
Basket.prototype.total = function () { return this.lines.reduce(function (s, l) { return s + l.price; }, 0); };
Basket.prototype.discount = function (code) {
  if (code === 'KEEPER10') { return Math.round(this.total() * 0.9 * 100) / 100; }
  if (code === 'FOG') { throw new Error('discount code FOG has expired'); }
  return this.total();
};
Basket.prototype.count = function () { return this.lines.length; };
""",
    "src/character.js": """
// parses a light's character, e.g. "Fl(2) 10s", "Oc 6s", "Iso 4s", "Q"
window.parseCharacter = function (s) {
  var m = /^(Fl|Oc|Iso|Q|VQ|LFl)(?:\\((\\d+)\\))?\\s*(\\d+)?s?$/.exec(s);
  if (!m) { return null; }
  return { kind: m[1], group: m[2] ? parseInt(m[2], 10) : 1, period: m[3] ? parseInt(m[3]) : null };
};
""",
    "src/booking.js": """
window.validateBooking = function (b) {
  var errs = [];
  if (!b.email || b.email.indexOf('@') < 0) { errs.push('email'); }
  // mistake put in: party size limit off by one
  if (b.party < 1 || b.party >= 12) { errs.push('party'); }
  if (new Date(b.date) < new Date('2026-01-01')) { errs.push('date'); }
  console.warn('booking validated for ' + b.light);
  return errs;
};
""",
}

JASMINE_SPECS = """
describe('Tides', function () {
  it('formats minutes as hh:mm', function () { expect(Tides.fmt(545)).toBe('09:05'); });
  it('formats midday', function () { expect(Tides.fmt(720)).toBe('12:0'); });
  it('rounds the range to a tenth', function () { expect(Tides.range(5.27, 1.1)).toBe(4.2); });
  it('knows spring tides', function () { expect(Tides.isSpring(14)).toBeTrue(); });
  it('finds the next high water', function () {
    expect(Tides.nextHigh([{ at: 100 }, { at: 400 }], 500)).toBe(400);
  });
});
describe('Basket', function () {
  var b;
  beforeEach(function () { b = new Basket(); b.add('PRINT-EDDY', 12.5, 2); b.add('MUG-FAST', 8); });
  it('counts lines', function () { expect(b.count()).toBe(2); });
  it('totals with quantities', function () { expect(b.total()).toEqual(33); });
  it('applies KEEPER10', function () { expect(b.discount('KEEPER10')).toBeCloseTo(29.7, 2); });
  it('ignores unknown codes', function () { expect(b.discount('NOPE')).toBe(b.total()); });
  it('rejects the expired FOG code politely', function () { expect(b.discount('FOG')).toBe(b.total()); });
});
describe('validateBooking', function () {
  it('accepts a party of twelve', function () {
    expect(validateBooking({ email: 'a@b.c', party: 12, date: '2026-06-01', light: 'Longstone' })).toEqual([]);
  });
  it('rejects a bad email', function () {
    expect(validateBooking({ email: 'nobody', party: 2, date: '2026-06-01', light: 'Smalls' })).toEqual(['email']);
  });
});
"""

MOCHA_SPECS = """
var expect = chai.expect;
describe('parseCharacter', function () {
  it('parses a group flash', function () { expect(parseCharacter('Fl(2) 10s')).to.deep.equal({ kind: 'Fl', group: 2, period: 10 }); });
  it('parses occulting', function () { expect(parseCharacter('Oc 6s').kind).to.equal('Oc'); });
  it('parses quick without a period', function () { expect(parseCharacter('Q')).to.deep.equal({ kind: 'Q', group: 1, period: null }); });
  it('parses a long flash', function () { expect(parseCharacter('LFl 10s')).to.have.property('period', 10); });
  it('parses a composite group', function () { expect(parseCharacter('Fl(2+1) 15s')).to.not.be.null; });
  it('parses a coloured light', function () { expect(parseCharacter('Fl R 5s').kind).to.equal('Fl'); });
});
describe('Tides (mocha)', function () {
  it('pads minutes', function () { expect(Tides.fmt(61)).to.equal('01:01'); });
  it('has a spring on day 14', function () { expect(Tides.isSpring(14)).to.be.true; });
  it('waits for the tide table', function (done) { setTimeout(function () { expect(Tides.range(3, 1)).to.equal(2); done(); }, 30); });
});
"""


def seeded_specs(seed: int, n: int, mocha: bool) -> str:
    """`n` generated cases over the lights' characters, a few of them failing by the bugs above."""
    rnd = random.Random(seed)
    kinds = ["Fl", "Oc", "Iso", "Q", "VQ", "LFl"]
    out = ["describe('characters of the register (generated)', function () {"]
    for k in range(n):
        kd, grp, per = rnd.choice(kinds), rnd.randint(1, 5), rnd.randint(2, 30)
        s = f"{kd}({grp}) {per}s" if rnd.random() < 0.8 else f"{kd}({grp}+1) {per}s"
        want = f"{{ kind: '{kd}', group: {grp}, period: {per} }}"
        if mocha:
            out.append(f"  it('register #{k:03d}: {s}', function () {{ expect(parseCharacter('{s}')).to.deep.equal({want}); }});")
        else:
            out.append(f"  it('register #{k:03d}: {s}', function () {{ expect(parseCharacter('{s}')).toEqual({want}); }});")
    out.append("});")
    out.append("describe('tide clock (generated)', function () {")
    for k in range(n // 2):
        mins = rnd.randint(0, 1439)
        want = f"{mins // 60:02d}:{mins % 60:02d}"
        exp = f"expect(Tides.fmt({mins})).to.equal('{want}')" if mocha else f"expect(Tides.fmt({mins})).toBe('{want}')"
        out.append(f"  it('clock {k:03d} shows {want}', function () {{ {exp}; }});")
    out.append("});")
    return "\n".join(out) + "\n"


KARMA_CONF = """
module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: [FRAMEWORK],
    plugins: PLUGINS,
    files: FILES,
    reporters: ['progress'],
    browsers: ['ChromeHeadlessNoSandbox'],
    customLaunchers: { ChromeHeadlessNoSandbox: { base: 'ChromeHeadless', flags: ['--no-sandbox'] } },
    singleRun: true,
    colors: false,
    logLevel: config.LOG_INFO
  });
};
"""


def project(tmp: Path, name: str, mocha: bool, seed: int, n: int) -> Path:
    root = tmp / name
    files = dict(SRC)
    nm = str(JS / "node_modules")
    if mocha:
        files["test/character.spec.js"] = MOCHA_SPECS
        files["test/register.spec.js"] = seeded_specs(seed, n, True)
        fw = "'mocha'"
        plugins = f"[require('{nm}/karma-mocha'), require('{nm}/karma-chrome-launcher')]"
        flist = f"['{nm}/chai/chai.js', 'src/*.js', 'test/*.spec.js']"
    else:
        files["spec/keepers.spec.js"] = JASMINE_SPECS
        files["spec/register.spec.js"] = seeded_specs(seed, n, False)
        fw = "'jasmine'"
        plugins = f"[require('{nm}/karma-jasmine'), require('{nm}/karma-chrome-launcher')]"
        flist = "['src/*.js', 'spec/*.spec.js']"
    files["karma.conf.js"] = KARMA_CONF.replace("FRAMEWORK", fw).replace("PLUGINS", plugins).replace("FILES", flist)
    cm.write_tree(root, files)
    return root


# ------------------------------------------------------------------ the extractor (rule 5 values, NEEDLES.md)

def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


def _karma(lines):
    out, cons, warns, executed = [], [], [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.endswith(" FAILED") and not re.search(r"Executed \d+ of \d+", s):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):  # the first expectation / assertion line
                t = lines[k].strip()
                if t and not t.startswith("at "):
                    out.append(lines[k])
                    break
            out.append(cm.next_match(lines, i, r"^\s+at .*\((?:spec|test)/[^)]*:\d+:\d+\)", 6))
        elif re.search(r"Executed \d+ of \d+", s):
            executed.append(ln)
        elif s.startswith("TOTAL:") or re.search(r"Karma v\S+ server started|Connected on socket", s):
            out.append(ln)
        elif re.search(r"\bERROR \[", s):
            out.append(ln)
        elif re.match(r"^(ERROR|WARN): ", s):
            cons.append((cm.mask(s), ln))
        m = re.search(r"\bWARN \[([^\]]+)\]", s)
        if m:
            warns.append((m.group(1), ln))
    return out + executed[-1:] + cm.groups(cons) + cm.groups(warns) + _status(lines)


RULE = ("Rules 1+2: every FAILED line, its first expectation line and first at (spec/test file:line:col) line; the last "
        "Executed N of M line and TOTAL:; ERROR [ lines; ERROR:/WARN: console lines one {any} per shape; WARN [ lines one "
        "{any} per logger; server started and Connected lines.")
n_karma_jasmine = cm.named("karma-jasmine", "test", RULE, _karma)
n_karma_mocha = cm.named("karma-mocha", "test", RULE, _karma)
n_karma_dots = cm.named("karma-reporter-dots", "test", RULE, _karma)


# ------------------------------------------------------------------ the runs

def karma_steps(tmp: Path) -> None:
    kj = project(tmp, "keepers-jasmine", False, 1071, 260)
    cap("karma-jasmine-progress", "karma start karma.conf.js", kj, n_karma_jasmine, timeout=300)
    cap("karma-jasmine-tail", "karma start karma.conf.js 2>&1 | tail -n 80",
        kj, n_karma_jasmine, timeout=300)
    cap("karma-jasmine-dots", "karma start karma.conf.js --reporters dots; echo EXIT=$?", kj, n_karma_dots,
        timeout=300)
    km = project(tmp, "keepers-mocha", True, 1072, 300)
    cap("karma-mocha-progress", "karma start karma.conf.js; echo EXIT=$?", km, n_karma_mocha, timeout=300)
    cap("karma-mocha-dots", "karma start karma.conf.js --reporters dots 2>&1 | tail -n 100", km, n_karma_dots,
        timeout=300)
    ks = project(tmp, "keepers-jasmine-small", False, 1073, 12)
    cap("karma-jasmine-small", "karma start karma.conf.js --single-run", ks, n_karma_jasmine, timeout=300)


STEPS = [karma_steps]
