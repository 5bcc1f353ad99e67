"""Round 315, the material both agents work in (no item is captured here): colorama's and prettytable's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the colophon project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with bookbinding names and another seed), a C project
(`endpaper`) and a Rust crate (`vellum`) from round 191's generators (capture_wide191_native, imported, renamed, other
seeds), a CSV and a sqlite table of this machine's documentation files and two application logs. Run through
capture_wide315.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide315 import JS, SRC, VENV

CO, PT = "colorama-0.4.6", "prettytable-3.19.0"

# colorama: Cursor.POS writes x and y the wrong way round; clear_line ends in J; the relative cursor moves default to
# 0; D moves forward; reset_all writes the reset only when stripping; and three more (below).
CO_BUGS = [("colorama/ansi.py", "return CSI + str(y) + ';' + str(x) + 'H'", "return CSI + str(x) + ';' + str(y) + 'H'"),
           ("colorama/ansi.py", "return CSI + str(mode) + 'K'", "return CSI + str(mode) + 'J'"),
           ("colorama/ansitowin32.py", "                elif command in 'ABCD':\n                    params = (1,)",
            "                elif command in 'ABCD':\n                    params = (0,)"),
           ("colorama/ansitowin32.py", "'C': (n, 0), 'D': (-n, 0)", "'C': (n, 0), 'D': (n, 0)"),
           ("colorama/ansitowin32.py", "elif not self.strip and not self.stream.closed:",
            "elif self.strip and not self.stream.closed:"),
           # added after the first run's pytest summary showed no test failing (on Linux colorama's tests do not
           # reach the five above): the light cyan foreground written as 69, NORMAL as 21, empty snippets written
           ("colorama/ansi.py", "    LIGHTCYAN_EX    = 96", "    LIGHTCYAN_EX    = 69"),
           ("colorama/ansi.py", "    NORMAL    = 22", "    NORMAL    = 21"),
           ("colorama/ansitowin32.py", "        if start < end:\n", "        if start <= end:\n")]
# prettytable: del_row lets the index one past the end through; left and right padding swapped; the sort's
# undecorating drops the last column instead of the key; JSON output no longer sorts keys; add_divider marks the
# first row.
PT_BUGS = [("src/prettytable/prettytable.py", "if row_index > len(self._rows) - 1:", "if row_index > len(self._rows):"),
           ("src/prettytable/prettytable.py", "            rpad = options[\"padding_width\"]\n        return lpad, rpad",
            "            rpad = options[\"padding_width\"]\n        return rpad, lpad"),
           ("src/prettytable/prettytable.py", "rows = [row[1:] for row in rows]", "rows = [row[:-1] for row in rows]"),
           ("src/prettytable/prettytable.py", '"sort_keys": True,', '"sort_keys": False,'),
           ("src/prettytable/prettytable.py", "self._dividers[-1] = True", "self._dividers[0] = True")]

KETTLESTITCH = r'''
import io

from colorama.ansitowin32 import AnsiToWin32


class KettlestitchCodeError(RuntimeError):
    pass


def kettlestitch_params(stream, codes):
    out = []
    for command, paramstring in codes:
        try:
            out.append(stream.extract_params(command, paramstring))
        except ValueError as exc:
            raise KettlestitchCodeError(
                f"sequence {paramstring!r}{command} cannot be read ({len(out)} of {len(codes)} read)") from exc
    return out


CODES = [("H", "3;12"), ("m", "1;31"), ("A", ""), ("H", "7;sig")]
print(kettlestitch_params(AnsiToWin32(io.StringIO()), CODES))
'''

MARBLING = r'''
from prettytable import PrettyTable


class MarblingRowError(RuntimeError):
    pass


def marbling_table():
    table = PrettyTable(["sheet", "pattern", "colours"])
    table.add_row(["m-01", "Turkish", 3])
    table.add_row(["m-02", "nonpareil", 5])
    table.add_row(["m-03", "French curl", 4])
    return table


def marbling_prune(table, drop):
    pruned = 0
    for index in drop:
        try:
            table.del_row(index)
        except IndexError as exc:
            raise MarblingRowError(f"sheet row {index} cannot be dropped ({pruned} of {len(drop)} dropped)") from exc
        pruned += 1
    return table


print(marbling_prune(marbling_table(), [2]))
print(marbling_prune(marbling_table(), [3]))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / CO, CO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    # prettytable's mypy settings start 4 parallel workers, which fail here (an INTERNAL ERROR, nothing checked, in the
    # first run): run mypy in one process, as a developer of the project would
    put_bugs(tmp / PT, [("pyproject.toml", "num_workers = 4\n", "")])
    (tmp / CO / "kettlestitch_codes.py").write_text(KETTLESTITCH)
    (tmp / PT / "marbling_rows.py").write_text(MARBLING)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/prettytable tests marbling_rows.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "colorama", CO, ["colorama/ansitowin32.py", "colorama/ansi.py", "colorama/winterm.py",
                                       "colorama/tests/ansitowin32_test.py"],
            [("Marisol Quenby", "marisol@example.org"), ("Nathaniel Ferrers", "nathaniel@example.org"),
             ("Odette Linthwaite", "odette@example.org")], 31501, 30, CO_BUGS)
    history(tmp, SRC, "prettytable", PT, ["src/prettytable/prettytable.py", "tests/test_sorting.py"],
            [("Peregrine Haslam", "peregrine@example.org"), ("Rosamund Tillotson", "rosamund@example.org"),
             ("Septimus Gorringe", "septimus@example.org")], 31502, 150, PT_BUGS)


# round 290's hawsehole module in bookbinding words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a bookbinding word here
BIND_WORDS = ["colophon", "sewing sums for a colophon binding (thread lengths, press rates, signature charts)",
              "threadLength", "pressToMs", "grainBand", "spineLabel", "boardArea", "signatureChart", "bindPlan",
              "No binding planned", "unknown binding type", "coptic", "stab", "caseback", "limp",
              "`gathering ${w + 1}", "seed = 31503",
              "'quire', 'TAPE', 'kettle', 'Mull', 'headcap', 'hinge', 'Joint', 'board', 'spine', 'GUARD', 'tail',\n"
              "  'fore', 'gutter', 'Tipon', 'sewing', 'leaf'",
              "'Audra', 'Barnaby', 'Constance', 'Dorian', 'Evadne', 'Florian', 'Griselda', 'Horatio', 'Imogen', "
              "'Jasper', 'Kezia', 'Leopold'"]
assert len(BIND_WORDS) == len(m299.WAGGLE_NAMES)
BIND_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, BIND_WORDS)]


def bind(text: str) -> str:
    for old, new in BIND_NAMES:
        text = text.replace(old, new)
    return text


CP_BUGS = [(bind(rel), bind(old), bind(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "colophon"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = bind(m290.FIXTURES)
    assert "31503" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "colophon", "version": "2.3.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/bind-plan.js": bind(m290.APP),
                      "lib/colophon.js": bind(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in CP_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def paper(text: str) -> str:
    return (text.replace("WEIRKEEPER", "ENDPAPER").replace("weirkeeper", "endpaper").replace("weir", "headband")
            .replace("sluice", "press").replace("gate_t", "press_t").replace("gates", "presses")
            .replace("level_cm", "nip_mm").replace("tide", "grain"))


def c_project(tmp: Path) -> None:
    root = tmp / "endpaper"
    rnd = random.Random(31504)
    files = {"src/endpaper.h": paper(n191.SKIFF_H), "src/binding.c": paper(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/headband_{k:02d}.c"] = paper(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: endpaper\n\n"
                         "endpaper: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/endpaper.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build endpaper\n")
    write_tree(root, files)


def vell(text: str) -> str:
    return (text.replace("plumbline", "vellum").replace("Plumb-line survey", "Vellum skins")
            .replace("offset_per_m", "shrink_per_dm").replace("station_penalty", "skin_penalty")
            .replace("readings", "skins").replace("reading", "skin").replace("station", "frame"))


def rust(tmp: Path) -> None:
    root = tmp / "vellum"
    rnd = random.Random(31505)
    write_tree(root, {"Cargo.toml": vell(n191.CARGO).replace("0.3.4", "0.6.1"), "src/lib.rs": vell(n191.LIB),
                      "src/broken.rs": vell(n191.BROKEN), "src/skins.rs": vell(n191.gen_readings(rnd, 220))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "bonefolder.log", 31506, 2300, ["bonefolder.press", "bonefolder.sewing", "bonefolder.api",
                                                "bonefolder.trim"], {
        "INFO": lambda r: f"book {r.randint(1, 60)} cased in: {r.randint(8, 40)} signatures, {r.randint(120, 640)} pages in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"press poll {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"book {r.randint(1, 60)} glue at {r.randint(40, 54)} C, below the working range",
        "ERROR": lambda r: f"guillotine {r.randint(1, 3)} stalled after {r.randint(20, 300)} cuts on board stock"}, 6311, "2026-11-29")
    app_log(d / "flyleaf.log", 31507, 2000, ["flyleaf.sewing", "flyleaf.press", "flyleaf.api", "flyleaf.db"], {
        "INFO": lambda r: f"frame {r.randint(1, 6)} sewed {r.randint(4, 30)} signatures on {r.randint(3, 7)} tapes in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"tension sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"press {r.randint(1, 6)} board {r.randint(1, 8)} warped {r.randint(2, 9)} mm",
        "ERROR": lambda r: f"frame {r.randint(1, 6)} thread {r.randint(1, 4)} snapped at station {r.randint(2, 12)}"}, 4419, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
