"""Round 38's captures on `spokes` (capture_wide38_proj.py): Python code tools, config and schema validators, a git
history's message linters, alembic, Node prose / package.json linters and HTML Tidy. Each kind's extractor sits next
to it and applies NEEDLES.md's "Round 38" rule. Run through capture_wide38.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from capture_more import groups, mask, named, next_match, prev_match, run, write_tree
from capture_wide38 import cap
import capture_wide38_proj as proj
import capture_wide9b as w9b

TRACE_EXC = r"^\s*[\w.]*(Error|Exception|Exit)(: |$)"


def ext(name: str, family: str, doc: str, fn):
    """`fn`'s needles, plus what every round-38 kind shares: rule 1 on a traceback the tool printed (its exception
    line and the innermost `File` line above it) and the `EXIT=N` line an agent printed (round 9b's shell-status)."""
    def full(lines: list[str]) -> list:
        out = list(fn(lines))
        for i, ln in enumerate(lines):
            if re.match(TRACE_EXC, ln) and any(l.strip().startswith("Traceback") for l in lines[max(0, i - 80):i]):
                out += [ln, prev_match(lines, i, r'^\s*File "', 12)]
            if re.match(r"^EXIT=\d+$", ln):
                out.append(ln)
        return [n for n in out if n is None or isinstance(n, dict) or len(n.strip()) > 4]
    return named(name, family, doc, full)


def lines_matching(*pats: str):
    return lambda lines: [ln for ln in lines if any(re.search(p, ln) for p in pats)]


# ------------------------------------------------------------------ extractors, by NEEDLES.md's Round 38 rules

N_LINT_IMPORTS = ext("lint-imports", "lint", "Round 38 (import contracts): every contract line with its verdict, "
                     "every broken import chain line, every `is not allowed to import` line, the `Contracts:` line.",
                     lines_matching(r"\b(KEPT|BROKEN)$", r"^\s*-?\s+\S+ -> \S+ \(l\.\d+", r"is not allowed to import",
                                    r"^Contracts: ", r"^Syntax error in "))


def _gitlint(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\d+: [TBM]\d+ ", ln):
            out += [ln, prev_match(lines, i, r"^Commit [0-9a-f]+:", 40)]
    return out


N_GITLINT = ext("gitlint", "lint", "Round 38 (commit-message lint): every violation line with the `Commit <sha>:` "
                "header it sits under.", _gitlint)
N_CZ_CHECK = ext("cz-check", "lint", "Round 38 (commit-message lint): every line naming a commit that breaks the "
                 "pattern, and the `commit validation: failed!` verdict.",
                 lines_matching(r'^commit "[0-9a-f]+"', r"^commit validation", r"^Commit validation",
                                r"[Nn]o commits? found"))

FMT_PATS = (r'is not formatted', r"[Ww]ould (reformat|fix|be)", r"^--- \S", r"^\+\+\+ \S", r"^@@ .* @@",
            r"check failure", r"^  - \S+\.toml$", r"not properly formatted", r"^Modified \d+ of", r"incorrectly sorted",
            r"^ERROR: ", r"^\S+ at \S+:\d+$", r"files? (would|has failed)", r"[Oo]peration failed")
N_MDFORMAT = ext("mdformat-check", "lint", "Round 38 (formatter check modes): every line naming a file that would "
                 "change, every hunk header, the closing count line.", lines_matching(*FMT_PATS))
N_TOML_SORT = ext("toml-sort-check", "lint", "Round 38 (formatter check modes): every line naming a file that would "
                  "change, the closing count line.", lines_matching(*FMT_PATS))
N_TAPLO_FMT = ext("taplo-fmt-check", "lint", "Round 38 (formatter check modes): every line naming a file that would "
                  "change, the closing failure line.", lines_matching(*FMT_PATS))
N_PYPROJECT_FMT = ext("pyproject-fmt-check", "lint", "Round 38 (formatter check modes): every file header and hunk "
                      "header.", lines_matching(*FMT_PATS))
N_YAMLFIX = ext("yamlfix-check", "lint", "Round 38 (formatter check modes): every `Would fix` file line, the closing "
                "line (and rule 1 on a traceback).", lines_matching(*FMT_PATS))
N_FLYNT = ext("flynt-dry-run", "lint", "Round 38 (formatter check modes): every file header and hunk header, the "
              "`Modified N of M files` line.", lines_matching(*FMT_PATS))
N_UNIMPORT = ext("unimport-check-diff", "lint", "Round 38 (formatter check modes): every `name at file:line` line, "
                 "every file header and hunk header (and rule 1 on a traceback).", lines_matching(*FMT_PATS))
N_PYCLN = ext("pycln-check-diff", "lint", "Round 38 (formatter check modes): every file header and hunk header, each "
              "file that failed, the closing count line.", lines_matching(*FMT_PATS, r"SyntaxError"))
N_SSORT = ext("ssort-check-diff", "lint", "Round 38 (formatter check modes): every file header and hunk header, every "
              "`ERROR:` file line, the closing count line.", lines_matching(*FMT_PATS))

N_YAMALE = ext("yamale", "lint", "Round 38 (schema validators): every error line (path: what is wrong), the "
               "`Validation failed!` verdict and the file line.",
               lines_matching(r"^\t\S+: ", r"^Validation (failed|success)", r"^Error validating"))
N_PYKWALIFY = ext("pykwalify", "lint", "Round 38 (schema validators): every error line naming a path, the "
                  "`validation.invalid` line.",
                  lines_matching(r"^ - .*Path: ", r"validation\.invalid", r"validation\.valid"))
N_XMLLINT = ext("xmllint", "lint", "Round 38 (schema validators): every error line (file:line: element: what is "
                "wrong), the `fails to validate` / `validates` verdict.",
                lines_matching(r"^\S+:\d+: .*error", r"fails to validate$", r"validates$"))
N_TAPLO_CHECK = ext("taplo-check", "lint", "Round 38 (schema validators): every `error:` line with its location line, "
                    "the closing failure lines.",
                    lambda lines: [x for i, ln in enumerate(lines) if re.match(r"^error", ln)
                                   for x in (ln, next_match(lines, i, r"┌─ \S+:\d+:\d+", 2))]
                    + [ln for ln in lines if re.match(r"^ERROR ", ln)])


def _smell(code_pat: str, file_pat: str):
    """Rule 1's warning rule: one {"any"} per (code, file) over the finding lines."""
    def fn(lines: list[str]) -> list:
        pairs = []
        for i, ln in enumerate(lines):
            m = re.search(code_pat, ln)
            if not m:
                continue
            f = re.search(file_pat, ln) or re.search(file_pat, lines[i + 1] if i + 1 < len(lines) else "")
            pairs.append((m.group(1) + "|" + (f.group(1) if f else ""), ln))
        return groups(pairs)
    return fn


N_TRYCERATOPS = ext("tryceratops", "lint", "Round 38 (exception-handling linters): one {\"any\"} per (code, file), "
                    "the `Found N violations` / `Processed` / `Failed to process` lines.",
                    lambda lines: _smell(r"^\[(TRY\d+)\]", r"(\S+\.py):\d+")(lines)
                    + lines_matching(r"^Found \d+ violations", r"^Processed \d+", r"^Failed to process")(lines))


def _dodgy(lines: list[str]) -> list:
    pairs = []
    for i, ln in enumerate(lines):
        m = re.search(r'"path": "([^"]+)"', ln)
        if m:
            code = next_match(lines, i, r'"code": "', 3) or ""
            pairs.append((m.group(1) + "|" + code.strip(), ln))
    return groups(pairs)


N_DODGY = ext("dodgy", "lint", "Round 38 (smell linters): one {\"any\"} per (code, file) over each warning's "
              "`\"path\"` line.", _dodgy)
N_CMAKELINT = ext("cmakelint", "lint", "Round 38 (smell linters): one {\"any\"} per (category, file), the `Total "
                  "Errors` line.", lambda lines: _smell(r"\[([\w/]+)\]$", r"^(\S+?):\d+:")(lines)
                  + lines_matching(r"^Total Errors: ")(lines))
N_CMAKE_LINT = ext("cmake-lint", "lint", "Round 38 (smell linters): one {\"any\"} per (code, file), the summary's "
                   "count lines.", lambda lines: _smell(r"\[([A-Z]\d{4})\]", r"^(\S+?):\d+")(lines)
                   + lines_matching(r"^files scanned: ", r"^\s+(Convention|Error|Warning|Refactor): \d+")(lines))

N_CHECK_YAML = ext("check-yaml", "lint", "Round 38 (pre-commit-hooks): every problem line (unindented) with its "
                   "`in \"file\", line N` location.",
                   lambda lines: [x for i, ln in enumerate(lines) if ln and not ln[0].isspace()
                                  for x in (ln, next_match(lines, i, r'^\s+in ".*", line \d+', 1))])
HOOK_PATS = (r"^\S+:\d+(:\d+)?: ", r"^\S+ - Could not parse", r"failed parsing", r"^\s*\w*Error: ")
N_DEBUG_HOOK = ext("debug-statement-hook", "lint", "Round 38 (pre-commit-hooks): every line naming a file and a "
                   "problem, the error line under it.", lines_matching(*HOOK_PATS))
N_DOCSTRING_FIRST = ext("check-docstring-first", "lint", "Round 38 (pre-commit-hooks): every line naming a file and "
                        "a problem.", lines_matching(*HOOK_PATS))
N_CHECK_AST = ext("check-ast", "lint", "Round 38 (pre-commit-hooks): every `failed parsing` file line, its error "
                  "line and location.", lambda lines: lines_matching(*HOOK_PATS)(lines)
                  + [next_match(lines, i, r'^\s*File "', 12) for i, ln in enumerate(lines) if "failed parsing" in ln])


def _reuse(lines: list[str]) -> list:
    out, sect, files = [], None, {}
    for ln in lines:
        if ln.startswith("# "):
            sect = ln
            out.append(ln)
        elif sect and ln.startswith("* "):
            if "SUMMARY" in sect or "RECOMMENDATIONS" in sect:
                if "SUMMARY" in sect:
                    out.append(ln)
            else:
                files.setdefault(sect, []).append(ln)
        elif re.search(r"not compliant|Congratulations", ln):
            out.append(ln)
    for sect, fl in files.items():
        out += [{"any": fl}] if len(fl) > 10 else fl
    return out


N_REUSE = ext("reuse-lint", "lint", "Round 38 (licensing): every file line under a MISSING / BAD / UNUSED header (one "
              "{\"any\"} per header past 10 files), every header, the SUMMARY lines and the verdict.", _reuse)


def _docstr(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        m = re.match(r"^\s*Needed: \d+; Found: \d+; Missing: (\d+); Coverage: ", ln)
        if m and int(m.group(1)) > 0:
            out += [ln, prev_match(lines, i, r'^File: "', 40)]
        if re.search(r"^(Overall statistics|Needed: |Docstrings needed|Total coverage|Grade)", ln.strip()):
            out.append(ln)
    return out


N_DOCSTR = ext("docstr-coverage", "doc", "Round 38 (docstring coverage): every file below 100% (its `File:` line and "
               "`Needed … Missing … Coverage` line), the overall statistics lines.", _docstr)


def _deps(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^- '", ln) or re.search(r" dist=\S+ module=", ln) or re.search(r"^\S+ in \S+\.txt$", ln):
            out.append(ln)
            if ln.startswith("- '"):
                out.append(next_match(lines, i, r"^\s+\S+\.(py|toml|txt|cfg):?\d*$", 3))
        if re.search(r"appear to be|^(Missing|Extra) requirements|[Uu]nused dependencies|[Dd]ependencies found|"
                     r"No (unused|undeclared)", ln):
            out.append(ln)
    return out


N_FAWLTYDEPS = ext("fawltydeps", "pkg", "Round 38 (dependency declarations): every package reported missing or "
                   "unused with its location line, the section headers.", _deps)
N_CREOSOTE = ext("creosote", "pkg", "Round 38 (dependency declarations): the unused-dependencies verdict and the "
                 "dependencies-found line.", _deps)
N_PIP_CHECK_REQS = ext("pip-check-reqs", "pkg", "Round 38 (dependency declarations): every missing / extra "
                       "requirement line, the section headers.", _deps)

N_TABNANNY = ext("python-tabnanny", "lint", "Round 38 (stdlib checkers): every reported file line, its `offending "
                 "line` and reason lines.", lines_matching(r"trouble in tab city|Token Error|Indentation Error|"
                                                          r"^offending line|^indent not", r"^\S+ \d+ '"))


def _pyerr(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*\w*(Error|Exception): |^Sorry: \w+Error", ln):
            out += [ln, prev_match(lines, i, r'^\s*File "', 6)]
        if re.search(r"^FAILED|^== |Expecting|Invalid|Extra data|Unterminated", ln) and "dock" in ln or \
                re.search(r"Expecting|Extra data|Unterminated|Invalid control", ln):
            out.append(ln)
    return out


N_PY_COMPILE = ext("python-py-compile", "build", "Round 38 (stdlib checkers): every error line and its `File "
                   "\"x\", line N` location, each `FAILED:` file line.",
                   lambda lines: _pyerr(lines) + lines_matching(r"^FAILED: ")(lines))
N_JSON_TOOL = ext("python-json-tool", "json", "Round 38 (stdlib checkers): every `Expecting … line N column M` error "
                  "line with the file header above it.",
                  lambda lines: [x for i, ln in enumerate(lines) if re.search(r"Expecting|Extra data|Unterminated|"
                                                                            r"Invalid", ln)
                                 for x in (ln, prev_match(lines, i, r"^== ", 2))])

N_ALEMBIC_CHECK = ext("alembic-check", "build", "Round 38 (migration drift): the FAILED / ERROR line naming the "
                      "changes, every `Detected …` line, `No new upgrade operations detected.`.",
                      lines_matching(r"FAILED|^ERROR|Detected (added|removed|type|NULL|changed)|No new upgrade"))


def _alex(lines: list[str]) -> list:
    out, pairs, f = [], [], ""
    for ln in lines:
        if re.match(r"^\S+\.(md|txt|markdown)$", ln):
            f = ln
            out.append(ln)
        m = re.search(r"\d+:\d+-\d+:\d+\s+warning\s+`([^`]+)`", ln) or \
            re.search(r"\d+:\d+-\d+:\d+\s+warning\s+(.*)$", ln)
        if m:
            pairs.append((f + "|" + m.group(1).lower(), ln))
        if re.search(r"⚠ \d+ warnings?|✖ \d+|\d+ warnings?$", ln.strip()):
            out.append(ln)
    return out + groups(pairs)


N_ALEX = ext("alex", "lint", "Round 38 (prose lint): findings one {\"any\"} per (flagged term, file), each file "
             "header and the closing count.", _alex)


def _write_good(lines: list[str]) -> list:
    out, pairs, f = [], [], ""
    for ln in lines:
        if ln.startswith("In "):
            f = ln
            out.append(ln)
        elif re.search(r" on line \d+ at column \d+$", ln):
            pairs.append((f + "|" + mask(re.sub(r' on line \d+ at column \d+$', "", ln)), ln))
    return out + groups(pairs)


N_WRITE_GOOD = ext("write-good", "lint", "Round 38 (prose lint): findings one {\"any\"} per (message shape, file), "
                   "each file header.", _write_good)


def _pkglint(lines: list[str]) -> list:
    out, pairs, f = [], [], ""
    for ln in lines:
        if re.search(r"package\.json$", ln.strip()):
            f = ln.strip()
            out.append(ln)
        m = re.match(r"^[✖⚠]\s+([\w-]+)", ln)
        if m:
            (out.append(ln) if ln.startswith("✖") else pairs.append((m.group(1) + "|" + f, ln)))
        if re.search(r"^\d+ (errors?|warnings?|files? ignored)$|^Totals$|files? (were|was) not sorted|^Found \d+ files",
                     ln.strip()):
            out.append(ln)
    return out + groups(pairs)


N_PKG_JSON_LINT = ext("npm-package-json-lint", "lint", "Round 38 (package.json lint): every error line naming a "
                      "rule / field, warnings one {\"any\"} per (rule, file), each file header and the count lines.",
                      _pkglint)
N_SORT_PKG = ext("sort-package-json-check", "lint", "Round 38 (package.json lint): every file line not sorted and the "
                 "closing count lines.", _pkglint)


def _tidy(lines: list[str]) -> list:
    out, pairs, f = [], [], ""
    for ln in lines:
        if ln.startswith("== "):
            f = ln
        if re.search(r" - Error: ", ln):
            out.append(ln)
        elif re.search(r" - Warning: ", ln):
            pairs.append((f + "|" + mask(ln.split(" - Warning: ", 1)[1]), ln))
        if re.search(r"warnings?, \d+ errors? were found|^Tidy found \d+ warnings?|No warnings or errors", ln):
            out.append(ln)
    return out + groups(pairs)


N_TIDY = ext("tidy-errors", "lint", "Round 38 (HTML Tidy): one {\"any\"} per (message shape, file), every `Error:` "
             "line, each closing count line (`Tidy found N warnings and N errors!`).", _tidy)


# ------------------------------------------------------------------ steps

def trees(tmp: Path) -> tuple[Path, Path]:
    root, wip = tmp / "spokes", tmp / "spokes-wip"
    if not root.exists():
        proj.project(root)
        proj.configs(root)
        proj.project(wip, wip=True)
    return root, wip


def code_step(tmp: Path) -> None:
    root, wip = trees(tmp)
    src = root / "src"
    cap("lint-imports-contracts", "lint-imports --config ../pyproject.toml", src, N_LINT_IMPORTS,
        typed="cd src && lint-imports --config ../pyproject.toml")
    cap("lint-imports-verbose-exit", "lint-imports --config ../pyproject.toml --verbose; echo EXIT=$?", src,
        N_LINT_IMPORTS, typed="cd src && lint-imports --config ../pyproject.toml --verbose; echo EXIT=$?")
    cap("flynt-dry-run-src", "flynt --dry-run src/spokes", root, N_FLYNT)
    cap("unimport-check-diff-src", "unimport --check --diff src/spokes", root, N_UNIMPORT)
    cap("pycln-check-diff-wip", "pycln --check --diff src/spokes", wip, N_PYCLN)
    cap("ssort-check-diff-wip-head-300", "ssort --check --diff src/spokes 2>&1 | head -300", wip, N_SSORT)
    cap("tryceratops-wip", "tryceratops src/spokes", wip, N_TRYCERATOPS)
    cap("dodgy-root", "dodgy", root, N_DODGY)
    cap("debug-statement-hook-wip", "debug-statement-hook src/spokes/*.py", wip, N_DEBUG_HOOK)
    cap("check-docstring-first-src", "check-docstring-first src/spokes/*.py tools/*.py; echo EXIT=$?", root,
        N_DOCSTRING_FIRST)
    cap("check-ast-wip", "check-ast src/spokes/*.py", wip, N_CHECK_AST)
    cap("docstr-coverage-src", "docstr-coverage src/spokes", root, N_DOCSTR)
    cap("docstr-coverage-src-tail-40", "docstr-coverage src/spokes 2>&1 | tail -40", root, N_DOCSTR)
    cap("fawltydeps-detailed", "fawltydeps --detailed", root, N_FAWLTYDEPS)
    w9b.chain("chain-deps-creosote-fawltydeps", "chain-deps-unused", "pkg",
              [w9b.Part("creosote -p src -d requirements.txt", N_CREOSOTE),
               w9b.Part("fawltydeps --check-unused --deps requirements.txt", N_FAWLTYDEPS, ";")], root)
    cap("pip-check-reqs-both", "pip-missing-reqs src/spokes; pip-extra-reqs src/spokes; echo EXIT=$?", root,
        N_PIP_CHECK_REQS)
    cap("tabnanny-v-tools-src", "python3 -m tabnanny -v tools src", root, N_TABNANNY,
        typed="python -m tabnanny -v tools src")
    cap("py-compile-loop-wip", 'for f in src/spokes/*.py; do python3 -m py_compile "$f" || echo "FAILED: $f"; done',
        wip, N_PY_COMPILE, typed='for f in src/spokes/*.py; do python -m py_compile "$f" || echo "FAILED: $f"; done')
    cap("pyproject-fmt-check", "pyproject-fmt --check pyproject.toml; echo EXIT=$?", root, N_PYPROJECT_FMT)
    cap("reuse-lint-root", "reuse lint", root, N_REUSE)


def config_step(tmp: Path) -> None:
    root, _ = trees(tmp)
    cap("yamale-depots", "yamale -s config/depots.schema.yaml config/depots.yaml", root, N_YAMALE)
    cap("pykwalify-depots", "pykwalify -d config/depots.yaml -s config/depots.kwalify.yaml", root, N_PYKWALIFY)
    cap("check-yaml-config", "check-yaml config/*.yaml config/rotas/*.yaml; echo EXIT=$?", root, N_CHECK_YAML)
    cap("yamlfix-check-config", "yamlfix --check config", root, N_YAMLFIX)
    cap("yamlfix-check-valid-exit", "yamlfix --check config/depots*.yaml " + " ".join(
        f"config/rotas/rota_{k:02d}.yaml" for k in range(0, 50, 4)) + "; echo EXIT=$?", root, N_YAMLFIX)
    cap("xmllint-schema-fleet", "xmllint --noout --schema config/fleet.xsd config/fleet.xml", root, N_XMLLINT)
    cap("xmllint-broken-head-40", "xmllint --noout config/broken.xml config/fleet.xml 2>&1 | head -40; xmllint --noout --schema config/fleet.xsd config/fleet.xml 2>&1 | tail -5", root,
        N_XMLLINT)
    cap("toml-sort-check-depots", "toml-sort --check config/depots/*.toml", root, N_TOML_SORT)
    cap("taplo-fmt-check-depots", "taplo fmt --check config/depots/*.toml pyproject.toml; echo EXIT=$?", root,
        N_TAPLO_FMT)
    cap("taplo-check-broken", "taplo check config/broken.toml config/tariffs.toml", root, N_TAPLO_CHECK)
    cap("json-tool-loop-docks", 'for f in config/docks/*.json; do echo "== $f"; python3 -m json.tool "$f" '
        '> /dev/null; done', root, N_JSON_TOOL,
        typed='for f in config/docks/*.json; do echo "== $f"; python -m json.tool "$f" > /dev/null; done')
    cap("cmakelint-lists", "cmakelint CMakeLists.txt", root, N_CMAKELINT)
    cap("cmake-lint-lists", "cmake-lint CMakeLists.txt", root, N_CMAKE_LINT)
    cap("mdformat-check-docs", "mdformat --check docs; echo EXIT=$?", root, N_MDFORMAT)
    cap("tidy-errors-loop-site", 'for f in site/*.html; do echo "== $f"; tidy -errors "$f"; done', root, N_TIDY)


def prose_step(tmp: Path) -> None:
    root, _ = trees(tmp)
    cap("alex-docs", "alex docs/*.md", root, N_ALEX)
    cap("write-good-docs-head-250", "write-good docs/*.md | head -250", root, N_WRITE_GOOD)
    write_tree(root, {".npmpackagejsonlintrc.json": (
        '{"rules": {"require-license": "error", "valid-values-license": ["error", ["MIT", "Apache-2.0"]], '
        '"name-format": "error", "version-format": "error", "no-restricted-dependencies": ["error", ["left-pad"]], '
        '"prefer-absolute-version-dependencies": "warning", "require-repository": "warning", '
        '"description-format": ["error", {"requireCapitalFirstLetter": true}]}}\n')})
    cap("npm-package-json-lint-packages", "npmPkgJsonLint packages", root, N_PKG_JSON_LINT,
        typed="npx npm-package-json-lint packages")
    cap("sort-package-json-check", "sort-package-json --check 'packages/*/package.json'; echo EXIT=$?", root,
        N_SORT_PKG, typed="npx sort-package-json --check 'packages/*/package.json'; echo EXIT=$?")


def git_step(tmp: Path) -> None:
    hist = proj.history(tmp / "hist")
    cap("gitlint-commits-100", "gitlint --commits HEAD~100..HEAD", hist, N_GITLINT)
    cap("gitlint-commits-all-head-300", "gitlint --commits HEAD~129..HEAD 2>&1 | head -300", hist, N_GITLINT)
    cap("cz-check-rev-range", "cz check --rev-range HEAD~90..HEAD", hist, N_CZ_CHECK)
    cap("cz-check-rev-range-exit", "cz check --rev-range HEAD~30..HEAD; echo EXIT=$?", hist, N_CZ_CHECK)


ENV_PY = '''from logging.config import fileConfig
from alembic import context
from sqlalchemy import engine_from_config, pool
from spokes.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = Base.metadata


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                     poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
'''

REV1 = '''"""docks and bikes

Revision ID: 0001
Revises:
Create Date: 2026-03-01 10:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("docks", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("depot", sa.String(40), nullable=False), sa.Column("capacity", sa.Integer(), nullable=True))
    op.create_table("bikes", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("dock_id", sa.Integer(), sa.ForeignKey("docks.id")),
                    sa.Column("frame", sa.String(12), nullable=False), sa.Column("wear", sa.Float()),
                    sa.Column("colour", sa.String(10)))
    op.create_table("riders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(40)))


def downgrade():
    op.drop_table("riders")
    op.drop_table("bikes")
    op.drop_table("docks")
'''


def alembic_step(tmp: Path) -> None:
    root, _ = trees(tmp)
    db = tmp / "spokes-db"
    shutil.copytree(root / "src", db / "src")
    (db / "src" / "spokes" / "models.py").write_text(proj.MODELS)  # the models alone, as the migrations see them
    run("alembic init migrations", cwd=db)
    (db / "migrations" / "env.py").write_text(ENV_PY)
    write_tree(db, {"migrations/versions/0001_docks_and_bikes.py": REV1})
    ini = (db / "alembic.ini").read_text()
    (db / "alembic.ini").write_text(re.sub(r"(?m)^sqlalchemy\.url = .*$", "sqlalchemy.url = sqlite:///spokes.db", ini))
    env = {"PYTHONPATH": str(db / "src")}
    run("alembic upgrade head", cwd=db, env=env)
    cap("alembic-check-drift", "alembic check; echo EXIT=$?", db, N_ALEMBIC_CHECK, env=env)


STEPS = [code_step, config_step, prose_step, git_step, alembic_step]
