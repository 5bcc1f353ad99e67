"""Round 485, JavaScript / TypeScript: a real npm package new to the issue's rounds (tweetnacl 1: the NaCl crypto
library ported to JavaScript, its UMD file `nacl-fast.js`) copied into a small app (`ferryboard`, a horse ferry's
signed crossing tickets) with a few bugs put in; eslint over the copy and the app; tsc --noEmit with checkJs over the
copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on
(--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The
eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through capture_wide485.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc
from capture_wide485 import JS, cap

NM = JS / "node_modules"
PKG = NM / "tweetnacl"

# The bugs put in the copy (lib/nacl.cjs): (file, text, replacement); each text occurs exactly once. The
# constant-time compare reads one byte past its end; the key-size check compares loosely; cleanup leaves an unused
# variable behind.
BUGS = [("nacl.cjs", "  for (i = 0; i < n; i++) d |= x[xi+i]^y[yi+i];",
         "  for (i = 0; i <= n; i++) d |= x[xi+i]^y[yi+i];"),
        ("nacl.cjs", "if (k.length !== crypto_secretbox_KEYBYTES) throw new Error('bad key size');",
         "if (k.length != crypto_secretbox_KEYBYTES) throw new Error('bad key size');"),
        ("nacl.cjs", "function cleanup(arr) {\n", "function cleanup(arr) {\n  var wiped = arr.length;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import nacl from "../lib/nacl.cjs";

const landings = { "upper": 12, "lower": "14", "slip": ["9"], "stable": "../capstan", "upper": 13 };
export function ticket(horse, ferryman) {
  var key = nacl.randomBytes(32);
  for (var name in landings) {
    if (ferryman == undefined) ferryman = name;
  }
  const unused = landings.length * 2;
  if (key == null) return "no ticket for " + ferryman;
  else return nacl.secretbox(horse, nacl.randomBytes(24), key).length + " bytes";
}
export const fareCheck = function (fares) {
  const { length } = fares.filter((f) => nacl.verify(f.sig, f.seal) == true);
  return length + " fares sealed";
};
export function towOrder(horses, turns, log) {
  let n = 0;
  const pair = nacl.box.keyPair();
  horses.forEach(function (h) { if (pair.publicKey[h] % 2 != false) n++; });
  while (n = horses.length) { n--; }
  if (n) {}
  return n ? horses : null;
}
"""

APP_TS = """import nacl from '../lib/nacl.cjs'

interface Horse { name: string; fare: number; ferryman?: { name: string }; landed?: Date }
interface Crossing { ferry: string; horses: Horse[] }

export function tickets(crossings: Crossing[]): string[] {
  return crossings.map((c) => nacl.hash(c.horses).toFixed('2') + 1)
}

export const seal = (h: Horse): number => nacl.sign(h.name, nacl.randomBytes(64))
export const who = (h: Horse): boolean => nacl.verify(h.ferryman.name, { strict: 'yes' })
export const landed = (h: Horse) => h.landed.toUTCString()
export const ferry = (c: Crossing): number => c.ferry.length.toFixed()
export const total: string = nacl.box.nonceLength * 'horses'
export const both = (c: Crossing): [string, number] => [nacl.secretbox.open(c), nacl.hash()]
export const capstan = (h: Horse): URL => nacl.randomBytes(h.name, 'ten').toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "ferryboard"
    for d in ("lib", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "ferryboard", "version": "0.6.1", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/crossing.js": APP_JS})
    (root / "lib" / "nacl.cjs").write_text((PKG / "nacl-fast.js").read_text())
    (root / "lib" / "nacl-slow.cjs").write_text((PKG / "nacl.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("eslint-color-app-lib-ferryboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-lib-nacl-ferryboard-head-600", "npx eslint lib/nacl.cjs 2>&1 | head -n 600", root, n_eslint,
        timeout=600)
    write_tree(root, {"ts/ferryboard.ts": APP_TS})
    cap("tsc-checkjs-nacl-ferryboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/nacl.cjs ts/ferryboard.ts 2>&1 "
        "| head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-ferryboard", "chain-lint", "lint",
          [Part("cd ferryboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-tweetnacl-json", "npm view tweetnacl --json", root, n_npm_view, timeout=300)


STEPS = [js_lint]
