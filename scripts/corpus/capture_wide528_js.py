"""Round 528, JavaScript / TypeScript: a real npm package new to the issue's rounds (magic-string 1.4.5: string edits
with source maps, its one-file ES module build) copied into a small app (`seamboard`, a sail loft's seam boards: the
sailmakers' notes on each sail edited in place) with a few bugs put in; the app's own mocha suite over the copy (a
table of sails, the default spec reporter: failures among many passes); eslint over the copy and the app; tsc
--noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One
eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the copy
sits under app/vendor/ so that the config's app rules read it. Run through capture_wide528.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_mocha, n_tsc
from capture_wide528 import JS, cap

NM = JS / "node_modules"
MS = NM / "magic-string" / "dist" / "index.mjs"
COPY = "magic-string.js"

# The bugs put in the copy (app/vendor/magic-string.js): (file, text, replacement); each text occurs exactly once.
# length() leaves out what was appended at a chunk's end; remove() drops what was appended left at the end of the
# removed range; prepend() puts the new text after the earlier prepends; slice keeps an unused variable.
BUGS = [(COPY, "length += chunk.intro.length + chunk.content.length + chunk.outro.length;",
         "length += chunk.intro.length + chunk.content.length;"),
        (COPY, 'if (chunk.end < end) chunk.outro = "";', 'if (chunk.end <= end) chunk.outro = "";'),
        (COPY, "\tprepend(content) {\n\t\tif (typeof content !== \"string\") throw new MagicStringError(`content must "
               "be a string, got ${typeof content}`);\n\t\tthis.intro = content + this.intro;",
         "\tprepend(content) {\n\t\tif (typeof content !== \"string\") throw new MagicStringError(`content must "
         "be a string, got ${typeof content}`);\n\t\tthis.intro = this.intro + content;"),
        (COPY, "const startChunk = chunk;", "const startChunk = chunk, grommets = end - start;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

SAILS = [("mainsail", "Hester", "luff", 12), ("jib", "Magnus", "clew", 7), ("mizzen", "Lorna", "tack", 9),
         ("staysail", "Magnus", "head", 6), ("topsail", "Hester", "foot", 11), ("spanker", "Lorna", "leech", 8),
         ("spinnaker", "Hester", "luff", 14), ("genoa", "Magnus", "clew", 10), ("trysail", "Lorna", "head", 5),
         ("lugsail", "Hester", "foot", 4), ("gaff topsail", "Magnus", "leech", 13), ("storm jib", "Lorna", "tack", 3)]

TEST_JS = """import assert from "node:assert/strict";
import MagicString from "../app/vendor/magic-string.js";

// the sail loft's seam boards: one note per sail, edited in place by the sailmakers
const SAILS = %s;

function note(sail, maker, edge, grommets) {
  return `${sail}: ${edge} roped by ${maker}, ${grommets} grommets`;
}

describe("seamboard", function () {
  for (const [sail, maker, edge, grommets] of SAILS) {
    describe(`${sail} (${maker})`, function () {
      const text = note(sail, maker, edge, grommets);
      it("prints the note unchanged", function () {
        assert.equal(new MagicString(text).toString(), text);
      });
      it("overwrites the edge", function () {
        const s = new MagicString(text);
        const at = text.indexOf(edge);
        s.overwrite(at, at + edge.length, edge.toUpperCase());
        assert.equal(s.toString(), text.replace(edge, edge.toUpperCase()));
      });
      it("slices the sail's name", function () {
        assert.equal(new MagicString(text).slice(0, sail.length), sail);
      });
      it("appends the bolt rope's length", function () {
        const s = new MagicString(text).append(` (${grommets * 3} m)`);
        assert.equal(s.toString(), `${text} (${grommets * 3} m)`);
      });
      it("reports a changed note", function () {
        const s = new MagicString(text);
        assert.equal(s.hasChanged(), false);
        s.append("!");
        assert.equal(s.hasChanged(), true);
      });
      it("indents the note", function () {
        assert.equal(new MagicString(text).indent("  ").toString(), `  ${text}`);
      });
      it("trims the sailmaker's blanks", function () {
        assert.equal(new MagicString(`  ${text}  `).trim().toString(), text);
      });
      it("removes the grommet count", function () {
        const s = new MagicString(text);
        const at = text.lastIndexOf(",");
        s.remove(at, text.length);
        assert.equal(s.toString(), text.slice(0, at));
      });
      if (grommets %% 2 === 0) {
        it("counts a note with a mark appended at the edge", function () {
          const s = new MagicString(text);
          s.appendLeft(sail.length, "*");
          assert.equal(s.length(), text.length + 1);
        });
      }
      if (grommets %% 3 === 0) {
        it("keeps a mark appended where a removed range ends", function () {
          const s = new MagicString(text);
          s.appendLeft(sail.length, " [checked]");
          s.remove(0, sail.length);
          assert.equal(s.toString(), ` [checked]${text.slice(sail.length)}`);
        });
      }
      if (grommets > 10) {
        it("stacks the loft's stamps in front", function () {
          const s = new MagicString(text).prepend("roped; ").prepend("LOFT ");
          assert.equal(s.toString(), `LOFT roped; ${text}`);
        });
      }
    });
  }
});
"""

APP_JS = """import MagicString from "./vendor/magic-string.js";

const edges = { "luff": 4, "clew": "3", "tack": ["2"], "head": "../torn", "luff": 5 };
export function board(note, maker) {
  var ms = new MagicString(note, { filename: "seam.txt" });
  for (var name in edges) {
    if (maker == undefined) maker = name;
  }
  const unused = edges.length * 2;
  if (ms == null) return "no board for " + maker;
  else return ms.prepend(maker).toString().length + " chars by " + maker;
}
export const ropeCheck = function (sails) {
  const { length } = sails.filter((s) => new MagicString(s.note).trim() == true);
  return length + " sails checked";
};
export function grommetOrder(notes, seams, log) {
  let n = 0;
  notes.forEach(function (c) { if (new MagicString(c).length() % 2 != false) n++; });
  while (n = notes.length) { n--; }
  if (n) {}
  return n ? notes : null;
}
"""

APP_TS = """import MagicString from '../app/vendor/magic-string.js'

interface Seam { edge: string; grommets: number; maker?: { name: string }; roped?: Date }
interface Sail { name: string; seams: Seam[] }

export function boards(sails: Sail[]): string[] {
  return sails.map((s) => new MagicString(s.seams).toString().toFixed('2') + 1)
}

export const size = (s: Seam): number => new MagicString(s.edge, { filename: 7 }).toString()
export const who = (s: Seam): boolean => new MagicString(s.edge).overwrite(s.maker.name, 7)
export const roped = (s: Seam) => s.roped.toUTCString()
export const sail = (s: Sail): number => s.name.length.toFixed()
export const total: string = MagicString.version * 'sails'
export const both = (s: Sail): [string, number] => [new MagicString(s.name).remove(s), new MagicString().length()]
export const edge = (s: Seam): URL => new MagicString(s.grommets).slice(s.edge).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "seamboard"
    for d in ("app/vendor", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "seamboard", "version": "0.3.7", "type": "module",
                                                  "scripts": {"test": "mocha"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/seamboard.test.js": TEST_JS % json.dumps(SAILS)})
    (root / "app" / "vendor" / COPY).write_text(MS.read_text())
    put_bugs(root / "app" / "vendor", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("mocha-seamboard-spec", "npx mocha 2>&1", root, n_mocha, timeout=600)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 400", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "seamboard"
    cap("eslint-color-app-seamboard-head-450", "npx eslint --color app 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-magic-string-copy-head-650", f"npx eslint app/vendor/{COPY} 2>&1 | head -n 650", root, n_eslint,
        timeout=600)
    write_tree(root, {"ts/seamboard.ts": APP_TS})
    cap("tsc-checkjs-magic-string-seamboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext app/vendor/{COPY} app/board.js "
        "ts/seamboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-seamboard", "chain-lint", "lint",
          [Part("cd seamboard", None), Part("npx eslint app/board.js", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-magic-string-json", "npm view magic-string --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
