"""Capture round 370 of the compression corpus (new kinds: release and packaging-metadata checks a developer runs before
publishing): towncrier build --draft / check, bump-my-version bump --dry-run / show-bump, tbump --dry-run, bumpver
update --dry, kacl-cli verify, pydistcheck, pkginfo, check-python-versions, python -m build, python -m readme_renderer
and twine upload to a pypiserver on 127.0.0.1:18370, all on small packages of a bell foundry written below with faults
put in (a news fragment of an unknown type, a changelog out of Keep-a-Changelog's shape, version strings that disagree
between files, classifiers that disagree with requires-python, broken reStructuredText, oversized wheels).

Needles: NEEDLES.md's "Round 370" section, fixed before capture; the shared diagnostic part is `diag`, each kind's
extractor below names its rule. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide370.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide370.json  as {"version": 2, "items": [...]}, ids prefixed "wide370-".
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import python_exceptions  # noqa: E402

ID_PREFIX = "wide370-"
DEFAULT_OUT = HERE / "data" / "wide370.json"
TMP = Path("/dev/shm/hm-corpus-wide370")
TOOLS = Path("/dev/shm/hm-corpus-wide370-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["towncrier", "bump-my-version", "pydistcheck", "python-kacl", "pkginfo", "check-python-versions", "tbump",
            "bumpver", "build", "readme-renderer", "pypiserver", "twine", "scriv", "setuptools", "wheel"]
PORT = 18370
PY = str(VENV / "bin" / "python")

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the shared diagnostic part

DIAG = re.compile(r"(?i)\b(error|errors|fatal|failed|failure|exception|traceback|invalid|not found|missing|cannot|"
                  r"can't|could not|forbidden|conflict|denied)\b")
WARN = re.compile(r"(?i)\bwarn(ing)?s?\b")


def diag(lines: list[str]) -> list:
    """NEEDLES.md round 370's diagnostic part: DIAG lines alone (a shape repeated over 3 times: one {"any"} per
    shape), python exception lines with their innermost File line, WARN lines one {"any"} per message shape."""
    out: list = list(python_exceptions(lines))
    hits = [ln for ln in lines if DIAG.search(ln)]
    shapes = Counter(cm.mask(ln) for ln in hits)
    big = cm.groups((cm.mask(ln), ln) for ln in hits if shapes[cm.mask(ln)] > 3)
    out += [ln for ln in hits if shapes[cm.mask(ln)] <= 3] + big
    out += cm.groups((cm.mask(ln), ln) for ln in lines if WARN.search(ln) and not DIAG.search(ln))
    return out


def last_line(lines: list[str]) -> list:
    nb = [ln for ln in lines if ln.strip()]
    return nb[-1:]


def heading_lines(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("#"):
            out.append(ln)
        elif ln.strip() and i + 1 < len(lines) and re.fullmatch(r"([=\-~^])\1{2,}", lines[i + 1].strip()) \
                and not re.fullmatch(r"([=\-~^])\1{2,}", ln.strip()):
            out.append(ln)
    return out


@cm.kind("towncrier-build-draft", "build")
def n_towncrier_draft(lines):
    """rules 1+6: the diagnostic part; every heading of the draft (# lines, underlined lines); the 'Draft only' line."""
    return diag(lines) + heading_lines(lines) + [ln for ln in lines if "Draft only -- nothing has been written." in ln]


@cm.kind("towncrier-check", "lint")
def n_towncrier_check(lines):
    """rules 1+3: the diagnostic part; every line naming a fragment found (newsfragments/ or changes/); the last line."""
    return diag(lines) + [ln for ln in lines if "newsfragments/" in ln or "changes/" in ln] + last_line(lines)


FILE_TOK = re.compile(r"[\w./-]+\.(?:py|toml|cfg|txt|md|rst|ini|json|yml|yaml|in)\b")


@cm.kind("bump-my-version-dry-run", "build")
def n_bmv_dry(lines):
    """rules 1+5: the diagnostic part; current/new version lines; file lines (would change/write/commit/tag, 'file ',
    'not find') grouped by the file named."""
    out = diag(lines) + [ln for ln in lines if re.search(r"(?i)(current version|new version)", ln)]
    pairs, alone = [], []
    for ln in lines:
        if re.search(r"(?i)(would change|would write|would commit|would tag|file |not find)", ln):
            m = FILE_TOK.search(ln)
            (pairs.append((m.group(0), ln)) if m else alone.append(ln))
    return out + cm.groups(pairs) + alone


@cm.kind("bump-my-version-show", "build")
def n_bmv_show(lines):
    """rule 5: every line holding a version number (d.d.d); the diagnostic part."""
    return diag(lines) + [ln for ln in lines if re.search(r"\d+\.\d+\.\d+", ln)]


@cm.kind("tbump-dry-run", "build")
def n_tbump(lines):
    """rules 1+5: the diagnostic part; every file line (=>, path-with-extension followed by ':', Would lines); the
    bumping-from / new / current version lines."""
    out = diag(lines)
    for ln in lines:
        m = FILE_TOK.search(ln)
        if "=>" in ln or (m and ":" in ln[m.end():m.end() + 3]) or re.search(r"\bWould\b", ln) \
                or re.search(r"(?i)bumping from|new version|current version", ln):
            out.append(ln)
    return out


@cm.kind("bumpver-update-dry-run", "build")
def n_bumpver(lines):
    """rules 1+5: the diagnostic part; every diff file header and -/+ line; old/new version lines."""
    out = diag(lines)
    for ln in lines:
        if ln.startswith(("--- ", "+++ ")) or (ln[:1] in "+-" and not ln.startswith(("---", "+++")) and len(ln) > 1) \
                or re.search(r"(?i)(old version|new version)", ln):
            out.append(ln)
    return out


@cm.kind("kacl-verify", "lint")
def n_kacl(lines):
    """rules 1+3: the diagnostic part; every line naming a changelog line (line N / "line_number") and every
    "error_message" line; the last non-blank line."""
    return diag(lines) + [ln for ln in lines if re.search(r'(?i)line\s*\d+|"line_number"|"error_message"', ln)] \
        + last_line(lines)


@cm.kind("pydistcheck", "lint")
def n_pydistcheck(lines):
    """rules 1+3: the diagnostic part; every numbered finding; every 'checking' line; 'errors found'/'found N' lines;
    the last non-blank line."""
    return diag(lines) + [ln for ln in lines if re.match(r"^\s*\d+\.\s", ln) or re.match(r"(?i)^checking ", ln)
                          or re.search(r"(?i)errors found|found \d+", ln)] + last_line(lines)


@cm.kind("pkginfo", "pkg")
def n_pkginfo(lines):
    """rule 5: name, version, requires_python, license(_expression) lines, every requires_dist entry; the diagnostic part."""
    out = diag(lines)
    in_rd = False
    for ln in lines:
        key = re.match(r'^\s*"?(name|version|requires_python|license|license_expression|requires_dist)"?\s*[:=]', ln)
        if key:
            out.append(ln)
            in_rd = key.group(1) == "requires_dist" and ln.rstrip().endswith("[")
            continue
        if in_rd:
            if re.match(r"^\s*\]", ln):
                in_rd = False
            elif ln.strip():
                out.append(ln)
    return out


@cm.kind("check-python-versions", "lint")
def n_cpv(lines):
    """rules 1+5: the diagnostic part; every file-versions line ('file.ext:' or 'says'); every mismatch line; the last line."""
    return diag(lines) + [ln for ln in lines if re.match(r"^[\w./-]+\.(py|cfg|toml|yml|yaml|ini|in)\s*[:=]", ln)
                          or " says" in ln or re.search(r"(?i)mismatch", ln)] + last_line(lines)


@cm.kind("pyproject-build", "build")
def n_build(lines):
    """rules 1+3: the diagnostic part; every '* building/creating/getting/installing' step; Successfully built; ERROR Backend."""
    return diag(lines) + [ln for ln in lines if re.match(r"(?i)^\* (building|creating|getting|installing)", ln)
                          or ln.startswith("Successfully built") or "ERROR Backend subprocess exited" in ln]


@cm.kind("readme-renderer", "lint")
def n_readme(lines):
    """rules 1+6: the diagnostic part; each docutils report line and the indented line after it; on HTML, <h1>-<h6> lines."""
    out = diag(lines)
    for i, ln in enumerate(lines):
        if re.search(r"(?i)\((INFO|WARNING|ERROR|SEVERE)/\d\)", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith((" ", "\t")) and lines[i + 1].strip():
                out.append(lines[i + 1])
        if re.search(r"<h[1-6][\s>]", ln):
            out.append(ln)
    return out


def _twine(lines):
    out = diag(lines) + [ln for ln in lines if re.search(r"\b[45]\d\d\b", ln) and re.search(r"(?i)http|status|response", ln)]
    for i, ln in enumerate(lines):
        if ln.lstrip().startswith("Uploading ") and re.search(r"\S+\.(whl|tar\.gz|zip)", ln):
            out.append(ln)
        if "View at:" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out


@cm.kind("twine-upload", "pkg")
def n_twine(lines):
    """rules 1+3: the diagnostic part, HTTP 4xx/5xx lines; every 'Uploading <file>' line; 'View at:' and the URL after it."""
    return _twine(lines)


@cm.kind("twine-upload-verbose", "pkg")
def n_twine_v(lines):
    """rules 1+3: as twine-upload, plus every distribution field line sent (name/version/filetype/pyversion/metadata_version)."""
    return _twine(lines) + [ln for ln in lines
                            if re.match(r"^\s*(name|version|filetype|pyversion|metadata_version)\s*[:=]", ln)]


# ------------------------------------------------------------------ the material: a bell foundry's packages

WORDS = ["clapper", "tenor", "treble", "canon", "crown", "waist", "lip", "soundbow", "headstock", "stay", "slider",
         "rope", "sally", "wheel", "gudgeon", "tuning", "strike", "hum", "tierce", "quint", "nominal", "peal",
         "ringer", "change", "plainbob", "grandsire", "stedman", "cambridge", "yorkshire", "bristol", "tower",
         "frame", "pit", "loam", "cope", "core", "strickle", "crook", "bronze", "tin", "copper", "furnace", "mould"]
TYPES = ["feature", "bugfix", "doc", "removal", "misc"]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def pyproject(name: str, version: str, rng: random.Random, *, classifiers=("3.8", "3.9", "3.10", "3.11", "3.12"),
              requires=">=3.9", files_extra: str = "", license_="MIT", readme="README.rst", deps=None) -> str:
    deps = deps if deps is not None else ["packaging>=21", "attrs>=22.1", 'tomli>=1.1; python_version < "3.11"']
    cls = "\n".join(f'  "Programming Language :: Python :: {v}",' for v in classifiers)
    dep = "\n".join(f'  "{d}",' if '"' not in d else f"  '{d}'," for d in deps)
    return f"""[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
version = "{version}"
description = "The {words(rng, 3)} of a bell foundry"
readme = "{readme}"
requires-python = "{requires}"
license = {{text = "{license_}"}}
authors = [{{name = "Foundry Ringers", email = "ringers@foundry.invalid"}}]
classifiers = [
  "Development Status :: 4 - Beta",
  "License :: OSI Approved :: MIT License",
{cls}
]
dependencies = [
{dep}
]

[project.optional-dependencies]
test = ["pytest>=7"]

[tool.setuptools.packages.find]
where = ["src"]

[tool.towncrier]
package = "{name}"
package_dir = "src"
directory = "newsfragments"
filename = "NEWS.rst"
{files_extra}
"""


def package(root: Path, name: str, version: str, seed: int, n_mods: int = 6, n_frags: int = 12, **kw) -> Path:
    rng = random.Random(seed)
    d = root / name
    files = {"pyproject.toml": pyproject(name, version, rng, **kw),
             f"src/{name}/__init__.py": f'"""{name}: {words(rng, 5)}."""\n__version__ = "{version}"\n',
             "NEWS.rst": "Release notes\n=============\n\n.. towncrier release notes start\n",
             "LICENSE": "MIT License\n\nCopyright (c) 2026 Foundry Ringers\n"}
    for i in range(n_mods):
        mod = f"{rng.choice(WORDS)}_{i:02d}"
        body = "\n\n".join(f"def {rng.choice(WORDS)}_{j}(x):\n    \"\"\"{words(rng, 6)}.\"\"\"\n    return x * {j}\n"
                           for j in range(8))
        files[f"src/{name}/{mod}.py"] = body
    for i in range(n_frags):
        t = rng.choice(TYPES)
        files[f"newsfragments/{100 + i * 3}.{t}.rst"] = f"The {words(rng, rng.randint(3, 12))} now rings true.\n"
    cm.write_tree(d, files)
    return d


def git_init(d: Path) -> None:
    cm.run("git init -q -b main && git add -A && git -c user.name=ringer -c user.email=r@foundry.invalid "
           "commit -qm 'cast the bells'", cwd=d)


README_BAD = """Tenorbell
=========

The tenor bell of a ring of eight, cast in loam.

Installation
-----------

.. code-block:: bash

   pip install tenorbell

Usage
=====

`Strike the tenor <https://example.invalid/strike>`_ and listen to the hum::

    >>> import tenorbell
    >>> tenorbell.strike()

.. note::
Indentation is wrong here and the directive has no body.

* first item
 * badly indented second item

Tuning
~~~~~

:param partial: the partial to tune

.. unknowndirective:: tierce

See `the foundry`_ and `the ringers`_.

.. _the foundry: https://example.invalid/foundry

Peals
=====

|unresolved| substitution reference.

=====  =====
Bell   Note
=====  =====
Treble E
Tenor  E flat  extra
=====  ====
"""


def readme_good(rng: random.Random, n: int) -> str:
    parts = ["Canonbell\n=========\n\nA crown of canons for hanging a bell.\n"]
    for i in range(n):
        title = f"{words(rng, 2).title()} {i}"
        parts.append(f"{title}\n{'-' * len(title)}\n\n{words(rng, 40)}.\n\n* {words(rng, 5)}\n* {words(rng, 6)}\n\n"
                     f".. code-block:: python\n\n   from canonbell import {rng.choice(WORDS)}\n   {rng.choice(WORDS)}(3)\n")
    return "\n".join(parts)


def changelog(rng: random.Random, n_versions: int, broken: bool) -> str:
    out = ["# Changelog", "", "All notable changes to this project will be documented in this file.", "",
           "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.0.0/),",
           "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).", "",
           "## [Unreleased]", "### Added", f"- {words(rng, 6)}", ""]
    links = ["[Unreleased]: https://example.invalid/compare/v%d.%d.0...HEAD" % (n_versions // 10, n_versions % 10)]
    for k in range(n_versions, 0, -1):
        v = f"{k // 10}.{k % 10}.0"
        date = f"2026-{(k % 12) + 1:02d}-{(k % 27) + 1:02d}"
        if broken and k % 7 == 3:
            out.append(f"## {v} - {date}")  # no brackets / link
        elif broken and k % 9 == 4:
            out.append(f"## [{v}] - {date[:4]}/{date[5:7]}/{date[8:]}")  # a bad date
        else:
            out.append(f"## [{v}] - {date}")
        for sec in rng.sample(["Added", "Changed", "Fixed", "Removed", "Deprecated", "Security"], 2):
            if broken and k % 5 == 1 and sec == "Fixed":
                sec = "Bugfixes"  # not a Keep-a-Changelog section
            out.append(f"### {sec}")
            out += [f"- {words(rng, rng.randint(4, 12))}" for _ in range(rng.randint(1, 4))]
        out.append("")
        if not (broken and k % 6 == 2):
            links.append(f"[{v}]: https://example.invalid/releases/v{v}")
    if broken:
        out.insert(12, "## [0.0.9] - 2020-01-01")  # a version out of order
        out.insert(13, "### Added")
    return "\n".join(out + links) + "\n"


# ------------------------------------------------------------------ steps

def bin_(tool: str) -> str:
    return str(VENV / "bin" / tool)


def s_towncrier(tmp: Path) -> None:
    for i, (name, n, extra) in enumerate([("tenorbell", 14, ""), ("clapperkit", 90, ""), ("soundbow", 400, ""), ("ringofbells", 1300, "")]):
        d = package(tmp / "tc", name, "1.4.0", 370 + i, n_frags=n)
        if i == 1:
            cm.write_tree(d, {"newsfragments/77.feature": "A fragment without an extension.\n",
                              "newsfragments/notanumber.bugfix.rst": "Orphan fragment, no issue number.\n",
                              "newsfragments/81.peal.rst": "A fragment of a type towncrier does not know.\n"})
        if i == 2:
            cm.write_tree(d, {"newsfragments/9999.breaking.rst": "A type not configured.\n",
                              "newsfragments/12.feature.rst": ""})
        cap(f"towncrier-draft-{name}", f"towncrier build --draft --version 1.5.0 --date 2026-12-02", d,
            n_towncrier_draft)
        git_init(d)
        cm.run("git checkout -q -b release/1.5 && mkdir -p src && echo '# ring' >> src/" + name + "/__init__.py && "
               "git -c user.name=r -c user.email=r@f.invalid commit -qam 'ring change'", cwd=d)
        if i != 0:
            cm.run("git rm -q newsfragments/1*.rst; git -c user.name=r -c user.email=r@f.invalid commit -qm 'drop some'",
                   cwd=d)
            for j in range(3 * i):
                (d / f"newsfragments/{5000 + j}.bugfix.rst").write_text(f"Late fix {j}.\n")
            cm.run("git add -A && git -c user.name=r -c user.email=r@f.invalid commit -qm 'late fixes'", cwd=d)
        cap(f"towncrier-check-{name}", "towncrier check --compare-with main", d, n_towncrier_check)
    # an invalid config
    d = package(tmp / "tc2", "crownstaple", "0.3.0", 399, n_frags=30)
    with open(d / "pyproject.toml", "a") as f:
        f.write('\n[[tool.towncrier.type]]\ndirectory = "peal"\nname = "Peals"\nshowcontent = "yes"\n')
    cap("towncrier-draft-crownstaple", "towncrier build --draft --version 0.4.0", d, n_towncrier_draft)


BMV = """
[tool.bumpversion]
current_version = "{cur}"
commit = false
tag = false

[[tool.bumpversion.files]]
filename = "src/{name}/__init__.py"

[[tool.bumpversion.files]]
filename = "CHANGELOG.md"
search = "## [Unreleased]"
replace = "## [Unreleased]\\n\\n## [{{new_version}}] - {{now:%Y-%m-%d}}"

[[tool.bumpversion.files]]
filename = "docs/conf.py"
search = "release = '{{current_version}}'"
replace = "release = '{{new_version}}'"

[[tool.bumpversion.files]]
filename = "setup.cfg"
{extra}
"""


def s_bump_my_version(tmp: Path) -> None:
    rng = random.Random(3701)
    for i, (name, cur, docv, extra) in enumerate([
            ("gudgeon", "2.3.1", "2.3.1", ""),
            ("headstock", "0.9.4", "0.9.3", "\n[[tool.bumpversion.files]]\nfilename = \"README.rst\"\n"),
            ("slider", "1.0.0", "1.0.0", "\n[[tool.bumpversion.files]]\nglob = \"src/**/*.py\"\n")]):
        d = package(tmp / "bmv", name, cur, 3700 + i, n_mods=4 + 10 * i)
        files = {"CHANGELOG.md": changelog(rng, 6, False), "docs/conf.py": f"project = '{name}'\nrelease = '{docv}'\n"}
        if i != 1:
            files["setup.cfg"] = f"[metadata]\nname = {name}\nversion = {cur}\n"
        cm.write_tree(d, files)
        with open(d / "pyproject.toml", "a") as f:
            f.write(BMV.format(cur=cur, name=name, extra=extra))
        git_init(d)
        cap(f"bmv-dry-patch-{name}", "bump-my-version bump --dry-run -vv patch", d, n_bmv_dry)
        if i == 0:
            cap(f"bmv-dry-minor-{name}", "bump-my-version bump --dry-run -vv --allow-dirty minor", d, n_bmv_dry)
        if i == 2:
            cap(f"bmv-dry-new-{name}", "bump-my-version bump --dry-run -vv --new-version 1.0.0rc1 --allow-dirty", d,
                n_bmv_dry)
        cap(f"bmv-show-bump-{name}", "bump-my-version show-bump", d, n_bmv_show)
        if i == 1:
            cap(f"bmv-show-{name}", "bump-my-version show", d, n_bmv_show)


TBUMP = """
[tool.tbump]
github_url = "https://example.invalid/foundry/{name}"

[tool.tbump.version]
current = "{cur}"
regex = '''
  (?P<major>\\d+)
  \\.
  (?P<minor>\\d+)
  \\.
  (?P<patch>\\d+)
  '''

[tool.tbump.git]
message_template = "Bump to {{new_version}}"
tag_template = "v{{new_version}}"

[[tool.tbump.file]]
src = "src/{name}/__init__.py"

[[tool.tbump.file]]
src = "pyproject.toml"
search = 'version = "{{current_version}}"'

[[tool.tbump.file]]
src = "docs/conf.py"
{extra}
"""


def s_tbump(tmp: Path) -> None:
    for i, (name, cur, docv, extra) in enumerate([
            ("tierce", "3.1.4", "3.1.4", "\n[[tool.tbump.before_commit]]\nname = \"check changelog\"\ncmd = \"grep -q {new_version} CHANGELOG.md\"\n"),
            ("quint", "0.2.0", "0.1.9", "\n[[tool.tbump.file]]\nsrc = \"docs/missing_index.rst\"\n")]):
        d = package(tmp / "tb", name, cur, 3710 + i, n_mods=3)
        cm.write_tree(d, {"docs/conf.py": f"project = '{name}'\nversion = '{docv}'\nrelease = '{docv}'\n",
                          "CHANGELOG.md": "# Changelog\n"})
        with open(d / "pyproject.toml", "a") as f:
            f.write(TBUMP.format(cur=cur, name=name, extra=extra))
        git_init(d)
        cm.run(f"git init -q --bare {tmp}/tb/{name}.git && git remote add origin {tmp}/tb/{name}.git && "
               "git push -q -u origin main", cwd=d)
        nv = "3.2.0" if i == 0 else "0.3.0"
        cap(f"tbump-dry-{name}", f"tbump --dry-run {nv}", d, n_tbump)
        cap(f"tbump-dry-only-patch-{name}", f"tbump --dry-run --only-patch {nv}", d, n_tbump)


BUMPVER = """
[tool.bumpver]
current_version = "{cur}"
version_pattern = "{pat}"
commit = false
tag = false
push = false

[tool.bumpver.file_patterns]
"pyproject.toml" = ['current_version = "{{version}}"', 'version = "{{version}}"']
"src/{name}/__init__.py" = ['__version__ = "{{version}}"']
"README.rst" = ['{{version}}']
{extra}
"""


def s_bumpver(tmp: Path) -> None:
    rng = random.Random(3720)
    for i, (name, cur, pat, extra, cmd) in enumerate([
            ("nominal", "1.8.2", "MAJOR.MINOR.PATCH", "", "bumpver update --dry --patch"),
            ("stedman", "2026.1004", "YYYY.BUILD", '"docs/conf.py" = ["release = \'{version}\'"]\n',
             "bumpver update --dry"),
            ("grandsire", "4.0.0", "MAJOR.MINOR.PATCH[PYTAGNUM]", '"setup.cfg" = ["version = {version}"]\n',
             "bumpver update --dry --minor --tag beta -vv")]):
        d = package(tmp / "bv", name, cur, 3720 + i, n_mods=2)
        cm.write_tree(d, {"README.rst": f"{name.title()}\n{'=' * len(name)}\n\nCurrent release: {cur}.\n\n"
                          + "\n".join(f"- {words(rng, 8)} (since {cur})" for _ in range(12 * (i + 1))) + "\n",
                          "docs/conf.py": f"project = '{name}'\nrelease = '0.0.1'\n"})
        with open(d / "pyproject.toml", "a") as f:
            f.write(BUMPVER.format(cur=cur, pat=pat, name=name, extra=extra))
        git_init(d)
        cap(f"bumpver-{name}", cmd, d, n_bumpver)
        if i == 0:
            cap(f"bumpver-verbose-{name}", cmd + " -vv", d, n_bumpver)


def s_kacl(tmp: Path) -> None:
    rng = random.Random(3730)
    for i, (n, broken) in enumerate([(8, False), (40, True), (90, True)]):
        d = tmp / "kacl" / f"cl{i}"
        d.mkdir(parents=True)
        (d / "CHANGELOG.md").write_text(changelog(rng, n, broken))
        cap(f"kacl-verify-{i}", "kacl-cli verify", d, n_kacl)
        if broken:
            cap(f"kacl-verify-json-{i}", "kacl-cli verify --json", d, n_kacl)


def s_build_and_dists(tmp: Path) -> None:
    """python -m build on four packages, then pydistcheck, pkginfo, check-python-versions on them."""
    rng = random.Random(3740)
    root = tmp / "bld"
    specs = [("canonbell", "1.2.0", dict(n_mods=8)),
             ("crownstay", "0.7.1", dict(n_mods=40, classifiers=("2.7", "3.6", "3.7", "3.8"), requires=">=3.10")),
             ("ropesally", "5.0.0", dict(n_mods=120, license_="GPL-3.0-or-later")),
             ("peal-board", "0.1.0", dict(n_mods=3, readme="README.md"))]
    for i, (name, ver, kw) in enumerate(specs):
        mod = name.replace("-", "_")
        d = package(root, mod, ver, 3740 + i, **kw)
        if name != mod:
            (d / "pyproject.toml").write_text((d / "pyproject.toml").read_text().replace(f'name = "{mod}"',
                                                                                           f'name = "{name}"'))
        cm.write_tree(d, {"README.rst": readme_good(rng, 4 + 6 * i),
                          "tox.ini": "[tox]\nenvlist = py37,py38,py39,py310,pypy3\n",
                          ".github/workflows/test.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                          "    strategy:\n      matrix:\n        python-version: ['3.9', '3.10', '3.11', '3.13']\n"
                          "    steps:\n      - uses: actions/checkout@v4\n",
                          "setup.py": "from setuptools import setup\nsetup()\n"})
        if i == 2:  # big data files inside the package, and a compiled-looking blob
            for k in range(30):
                (d / f"src/{mod}/peal_{k:02d}.dat").write_bytes(bytes(random.Random(k).getrandbits(8)
                                                                      for _ in range(40_000)))
            with open(d / "pyproject.toml", "a") as f:
                f.write('\n[tool.setuptools.package-data]\n"*" = ["*.dat"]\n')
            (d / f"src/{mod}/.DS_Store").write_text("junk")
            (d / f"src/{mod}/__pycache__").mkdir()
            (d / f"src/{mod}/__pycache__/x.cpython-311.pyc").write_bytes(b"\0" * 64)
        if i == 3:  # README.md named but absent
            (d / "README.md").unlink(missing_ok=True)
        cap(f"build-{mod}", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
            typed="python -m build --no-isolation --outdir dist .")
        cap(f"cpv-{mod}", "check-python-versions .", d, n_cpv)
    # a build whose backend fails: a syntax error in setup.py and a bad pyproject field
    d = package(root, "crackedlip", "0.0.1", 3749, n_mods=2)
    (d / "setup.py").write_text("from setuptools import setup\nsetup(name='crackedlip', version=0.0.1)\n")
    cm.write_tree(d, {"README.rst": "Cracked lip\n===========\n\nA bell with a cracked lip.\n"})
    cap("build-crackedlip", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
        typed="python -m build --no-isolation --outdir dist .")
    d = package(root, "flatnote", "1.0", 3750, n_mods=2)
    (d / "pyproject.toml").write_text((d / "pyproject.toml").read_text().replace('requires-python = ">=3.9"',
                                                                                 'requires-python = ">=3.9"\nlicense-files = 7\nkeywords = "bell"'))
    cm.write_tree(d, {"README.rst": "Flat note\n=========\n\nA flat nominal.\n"})
    cap("build-flatnote", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
        typed="python -m build --no-isolation --outdir dist .")
    dists = sorted(str(p.relative_to(root)) for p in root.glob("*/dist/*") if p.is_file())
    cm.note(f"dists: {dists}")
    big = [p for p in dists if "ropesally" in p]
    cap("pydistcheck-all", "pydistcheck --inspect " + " ".join(dists), root, n_pydistcheck)
    if big:
        cap("pydistcheck-ropesally", "pydistcheck --max-allowed-files 40 --max-allowed-size-compressed 200K "
            "--max-allowed-size-uncompressed 500K " + " ".join(big), root, n_pydistcheck)
    small = [p for p in dists if "canonbell" in p or "crownstay" in p]
    if small:
        cap("pydistcheck-small", "pydistcheck --max-allowed-files 12 --expected-files '!*/tox.ini' "
            + " ".join(small), root, n_pydistcheck)
    for p in dists:
        if p.endswith(".whl") and "ropesally" not in p:
            cap(f"pkginfo-{Path(p).name.split('-')[0]}", f"pkginfo {p}", root, n_pkginfo)
    for p in dists:
        if p.endswith(".tar.gz") and ("ropesally" in p or "peal" in p):
            cap(f"pkginfo-json-{Path(p).name.split('-')[0]}", f"pkginfo --json {p}", root, n_pkginfo)
    if dists:
        cap("pkginfo-json-all", "pkginfo --json " + " ".join(d for d in dists if d.endswith(".tar.gz")), root,
            n_pkginfo)
    (tmp / "dists.json").write_text(json.dumps(dists))


def s_readme(tmp: Path) -> None:
    rng = random.Random(3760)
    d = tmp / "rd"
    bad2 = README_BAD.replace("Tenorbell", "Treblebell").replace("=========", "===") * 3
    cm.write_tree(d, {"tenor/README.rst": README_BAD, "treble/README.rst": bad2,
                      "canon/README.rst": readme_good(rng, 6),
                      "peal/README.md": "# Peal board\n\n" + "\n".join(f"## {words(rng, 2)}\n\n{words(rng, 30)}\n"
                                                                      for _ in range(10))})
    # readme_renderer writes its report to stderr and calls stderr.tell(): on a pipe (as an agent's bash tool runs it)
    # that is the traceback of readme-tenor; the others send stderr to a file and print it
    cap("readme-tenor", f"{PY} -m readme_renderer README.rst", d / "tenor", n_readme,
        typed="python -m readme_renderer README.rst")
    for n in ("treble", "canon"):
        cap(f"readme-{n}", f"{PY} -m readme_renderer README.rst 2>render.log; cat render.log", d / n, n_readme,
            typed="python -m readme_renderer README.rst 2>render.log; cat render.log")
    cap("readme-peal-md", f"{PY} -m readme_renderer README.md", d / "peal", n_readme,
        typed="python -m readme_renderer README.md")


def s_twine(tmp: Path) -> None:
    dists = json.loads((tmp / "dists.json").read_text()) if (tmp / "dists.json").exists() else []
    root = tmp / "bld"
    pkgs = tmp / "pypi-packages"
    pkgs.mkdir()
    cm.start([bin_("pypi-server"), "run", "-i", "127.0.0.1", "-p", str(PORT), "-a", ".", "-P", ".",
              "--overwrite" if False else "--hash-algo=sha256", str(pkgs)])
    from capture_data import wait_port
    wait_port(PORT, 30)
    url = f"http://127.0.0.1:{PORT}/"
    env = {"TWINE_USERNAME": "ringer", "TWINE_PASSWORD": "x", "TWINE_NON_INTERACTIVE": "1"}
    ok = [p for p in dists if "canonbell" in p or "crownstay" in p]
    cap("twine-upload-verbose-first", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        + " ".join(ok), root, n_twine_v, env=env)
    cap("twine-upload-again", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        + " ".join(dists), root, n_twine_v, env=env)
    rest = [p for p in dists if p not in ok]
    cap("twine-upload-verbose-rest", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        + " ".join(rest), root, n_twine_v, env=env)
    cap("twine-upload-rest-again", f"twine upload --repository-url {url} --disable-progress-bar " + " ".join(rest),
        root, n_twine, env=env)
    (root / "bogus-1.0.tar.gz").write_bytes(b"not a tarball at all\n" * 30)
    (root / "bogus-1.0-py3-none-any.whl").write_bytes(b"PK\x03\x04 broken" * 20)
    cap("twine-upload-bogus", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        "bogus-1.0.tar.gz bogus-1.0-py3-none-any.whl", root, n_twine_v, env=env)
    cap("twine-upload-wrongport", f"twine upload --repository-url http://127.0.0.1:{PORT + 10000}/ "
        "--disable-progress-bar " + " ".join(ok[:2]), root, n_twine, env=env)


STEPS = [s_towncrier, s_bump_my_version, s_tbump, s_bumpver, s_kacl, s_build_and_dists, s_readme, s_twine]


def install() -> None:
    cm.install_venv(VENV, "pydistcheck", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, install, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide370", sys.modules["__main__"])
    main()
