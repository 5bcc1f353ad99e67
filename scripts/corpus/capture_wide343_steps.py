"""Round 343's steps: three `lanternworks` trees (small, middling, big; seeds 34300-34302), then gopls's CLI features
and -rpc.trace log, then each node/Python language server driven by capture_wide343_lsp's client. Run through
capture_wide343.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_more as cm
from capture_wide343 import ROOT, add, cap
from capture_wide343_lsp import (N_GOPLS_CALLS, N_GOPLS_CHECK, N_GOPLS_DEF, N_GOPLS_REFS, N_GOPLS_SYMBOLS, TRACE,
                                 session)
from capture_wide343_mat import SCHEMA, write_project  # noqa: F401

STEPS: list = []
TREES = {"skerry": (34300, 12, 10, 12, 8, 0.4), "rockhaven": (34301, 60, 50, 60, 40, 0.3),
         "fleet": (34302, 140, 220, 300, 160, 0.2)}
GOENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOWORK": "off"}


def trees(tmp: Path) -> None:
    for name, args in TREES.items():
        write_project(tmp / name, *args)


STEPS += [trees]


def pos(tmp: Path, tree: str, rel: str, text: str, word: str | None = None) -> str:
    """`rel:line:col` of `word` (default: the text's last word) on the first line holding `text`."""
    lines = (tmp / tree / "go" / rel).read_text().splitlines()
    for i, ln in enumerate(lines):
        if text in ln:
            w = word or text.split()[-1]
            return f"{rel}:{i + 1}:{ln.index(w, ln.index(text)) + 1}"
    raise AssertionError(f"{text!r} not in {rel}")


def gocap(item: str, command: str, d: Path, ext, timeout: int = 300) -> None:
    cap(item, f"{command}; echo EXIT=$?", d, ext, timeout=timeout, env=GOENV)


def cap_gopls(tmp: Path) -> None:
    s, r, f = (tmp / t / "go" for t in ("skerry", "rockhaven", "fleet"))
    gocap("gopls-check-keeper", "gopls check keeper.go", s, N_GOPLS_CHECK)
    gocap("gopls-check-all-rockhaven", "gopls check *.go", r, N_GOPLS_CHECK)
    gocap("gopls-check-tables-fleet", "gopls check tables.go calls.go", f, N_GOPLS_CHECK)
    gocap("gopls-references-lamp", f"gopls references -d {pos(tmp, 'skerry', 'lamp.go', 'type Lamp')}", s, N_GOPLS_REFS)
    gocap("gopls-references-keeper", f"gopls references -d {pos(tmp, 'rockhaven', 'keeper.go', 'type Keeper')}",
          r, N_GOPLS_REFS)
    gocap("gopls-references-printf", f"gopls references {pos(tmp, 'fleet', 'tables.go', 'fmt.Printf(', 'Printf')}",
          f, N_GOPLS_REFS)
    gocap("gopls-symbols-each-file", 'for f in *.go; do echo "== $f"; gopls symbols "$f"; done', s, N_GOPLS_SYMBOLS)
    gocap("gopls-symbols-tables-rockhaven", "gopls symbols tables.go", r, N_GOPLS_SYMBOLS)
    gocap("gopls-workspace-symbol-fleet", "gopls workspace_symbol Lamp", f, N_GOPLS_SYMBOLS)
    gocap("gopls-call-hierarchy-night", f"gopls call_hierarchy {pos(tmp, 'skerry', 'calls.go', 'func Night')}", s,
          N_GOPLS_CALLS)
    gocap("gopls-call-hierarchy-takewatch",
          f"gopls call_hierarchy {pos(tmp, 'rockhaven', 'keeper.go', 'func (k *Keeper) TakeWatch', 'TakeWatch')}", r,
          N_GOPLS_CALLS)
    gocap("gopls-definition-takewatch",
          f"gopls definition -markdown {pos(tmp, 'skerry', 'calls.go', 'keepers[i].TakeWatch', 'TakeWatch')}; "
          f"gopls signature {pos(tmp, 'skerry', 'calls.go', 'FuelReport(lamps)', 'lamps')}", s, N_GOPLS_DEF)
    gocap("gopls-rename-lamp", f"gopls rename -d {pos(tmp, 'rockhaven', 'lamp.go', 'type Lamp')} Lantern", r,
          N_GOPLS_DEF)
    gocap("gopls-prepare-rename-builtin",
          f"gopls definition {pos(tmp, 'rockhaven', 'calls.go', '_ = Brightest', 'Brightest')}; "
          f"gopls prepare_rename {pos(tmp, 'rockhaven', 'keeper.go', 'append(k.Watches', 'append')}", r, N_GOPLS_DEF)


def cap_gopls_trace(tmp: Path) -> None:
    for tree, files in (("skerry", ["keeper.go", "lamp.go"]), ("rockhaven", ["tables.go", "keeper.go", "calls.go"]),
                        ("fleet", ["calls.go"])):
        d = tmp / tree / "go"
        log = d.parent / "gopls-trace.log"
        asks = [("calls.go", 6, 22)] if "calls.go" in files else [("keeper.go", 21, 10)] if "keeper.go" in files else []
        session(["gopls", "-rpc.trace", "-logfile", str(log), "serve"], d, [(f, "go") for f in files], asks=asks,
                wait=60, env=GOENV)
        add(f"gopls-rpc-trace-{tree}", "cat ../gopls-trace.log  # an editor's session with: gopls -rpc.trace "
            "-logfile ../gopls-trace.log serve, opening " + " ".join(files), log.read_text(), TRACE["gopls-rpc-trace"])


STEPS += [cap_gopls, cap_gopls_trace]


def lsp(item: str, kind: str, server: list[str], tree: Path, files: list[tuple[str, str]], **kw) -> None:
    shown = " ".join(rel for rel, _ in files)
    text = session(server, tree, files, **kw)
    add(item, f"lsp-client --trace verbose -- {' '.join(server)}  # open {shown}", text, TRACE[kind])


def cap_pylsp(tmp: Path) -> None:
    for tree, files, extra in (("skerry", ["lanternworks/keeper.py", "lanternworks/lamp.py"], []),
                               ("rockhaven", ["lanternworks/tables.py", "lanternworks/keeper.py"], ["-v"]),
                               ("fleet", ["lanternworks/tables.py"], [])):
        d = tmp / tree / "py"
        asks = [("lanternworks/keeper.py", 6, 35)] if "lanternworks/keeper.py" in files else []
        lsp(f"pylsp-{tree}", "lsp-trace-pylsp", ["pylsp", *extra], d, [(f, "python") for f in files], asks=asks,
            settings={"pylsp": {"plugins": {"pycodestyle": {"enabled": True, "maxLineLength": 100},
                                            "pyflakes": {"enabled": True}}}})


STEPS += [cap_pylsp]


def cap_tsls(tmp: Path) -> None:
    """typescript@latest is 7 (no tsserver.js): the first session shows the server refusing it; the others point
    tsserver.path at typescript 5 installed beside it."""
    ts7 = str(ROOT / "js" / "node_modules" / "typescript" / "lib")
    ts5 = str(ROOT / "ts5" / "node_modules" / "typescript" / "lib" / "tsserver.js")
    for tree, files, tsdk in (("skerry", ["src/keeper.ts", "src/lamp.ts"], ts7),
                              ("skerry-ts5", ["src/keeper.ts", "src/lamp.ts"], ts5),
                              ("rockhaven", ["src/tables.ts", "src/keeper.ts"], ts5),
                              ("fleet", ["src/tables.ts", "src/lamp.ts"], ts5)):
        d = tmp / tree.split("-")[0] / "ts"
        if tree == "rockhaven":  # a broken tsconfig.json
            (d / "tsconfig.json").write_text('{\n  "compilerOptions": {\n    "strict": true,\n    "target": "es2099",\n'
                                             '    "moduleResolution": "nodez",\n  },\n  "include": ["src"]\n')
        asks = [("src/keeper.ts", 18, 20)] if "src/keeper.ts" in files else []
        lsp(f"tsls-{tree}", "lsp-trace-typescript-language-server", ["typescript-language-server", "--stdio"], d,
            [(f, "typescript") for f in files], init_options={"tsserver": {"path": tsdk}}, asks=asks,
            symbols=0 if tree == "fleet" else 2,
            wait=8 if tsdk == ts7 else 60)


STEPS += [cap_tsls]


def cap_bashls(tmp: Path) -> None:
    for tree, files in (("skerry", ["rotate.sh", "trim.sh"]), ("rockhaven", ["checks.sh", "rotate.sh", "dusk.sh"]),
                        ("fleet", ["checks.sh"])):
        d = tmp / tree / "sh"
        lsp(f"bashls-{tree}", "lsp-trace-bash-language-server", ["bash-language-server", "start"], d,
            [(f, "shellscript") for f in files], settings={"bashIde": {"shellcheckPath": "shellcheck"}}, wait=40,
            stagger=True)


STEPS += [cap_bashls]


def cap_yamlls(tmp: Path) -> None:
    for tree, files in (("skerry", ["bad.yaml", "good.yaml", "syntax.yaml"]), ("rockhaven", ["fleet.yaml", "bad.yaml"]),
                        ("fleet", ["fleet.yaml"])):
        d = tmp / tree / "conf"
        schema = (d / "schema.json").resolve().as_uri()
        settings = {"yaml": {"validate": True, "hover": True, "completion": True,
                             "schemas": {schema: ["*.yaml"]}, "schemaStore": {"enable": False}}}
        lsp(f"yamlls-{tree}", "lsp-trace-yaml-language-server", ["yaml-language-server", "--stdio"], d,
            [(f, "yaml") for f in files], symbols=2 if tree == "skerry" else 0, settings=settings, wait=30)


STEPS += [cap_yamlls]


def cap_jsonls(tmp: Path) -> None:
    for tree, files in (("skerry", ["syntax.json", "good.json"]), ("rockhaven", ["fleet.json", "syntax.json"]),
                        ("fleet", ["fleet.json"])):
        d = tmp / tree / "conf"
        schema = (d / "schema.json").resolve().as_uri()
        settings = {"json": {"validate": {"enable": True}, "schemas": [{"fileMatch": ["*.json"], "url": schema}]}}
        lsp(f"jsonls-{tree}", "lsp-trace-vscode-json-language-server", ["vscode-json-language-server", "--stdio"], d,
            [(f, "json") for f in files], symbols=2 if tree == "skerry" else 0, settings=settings, init_options={"provideFormatter": True}, wait=30)


STEPS += [cap_jsonls]


def cap_cssls(tmp: Path) -> None:
    lint = {"duplicateProperties": "warning", "emptyRules": "warning", "zeroUnits": "warning",
            "propertyIgnoredDueToDisplay": "warning", "unknownProperties": "error", "importStatement": "warning",
            "vendorPrefix": "warning", "important": "warning", "float": "warning"}
    for tree, files in (("skerry", ["lantern.css"]), ("rockhaven", ["tables.css", "lantern.css"]),
                        ("fleet", ["tables.css"])):
        d = tmp / tree / "css"
        lsp(f"cssls-{tree}", "lsp-trace-vscode-css-language-server", ["vscode-css-language-server", "--stdio"], d,
            [(f, "css") for f in files], symbols=2 if tree == "skerry" else 0, settings={"css": {"validate": True, "lint": lint}},
            init_options={"provideFormatter": True}, wait=30)


STEPS += [cap_cssls]
