"""Capture round 402 of the compression corpus: third samples of round 370's release and packaging-metadata checks
(towncrier build --draft / check, bump-my-version bump --dry-run / show, tbump --dry-run, bumpver update --dry,
kacl-cli verify, pydistcheck, pkginfo, check-python-versions, python -m build, python -m readme_renderer, twine upload
to a pypiserver on 127.0.0.1:18402) on a tannery's packages written here (hides, pits, curriers; seeds 40210+), with
faults other than rounds 370's and 379's and larger outputs where the tools allow.

No extractor is written: every kind's needles come from round 370's extractor, imported from capture_wide370
(NEEDLES.md, "Round 402"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide402.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide402.json  as {"version": 2, "items": [...]}, ids prefixed "wide402-".
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide370 import (n_bmv_dry, n_bmv_show, n_build, n_bumpver, n_cpv, n_kacl, n_pkginfo,  # noqa: E402
                             n_pydistcheck, n_readme, n_tbump, n_towncrier_check, n_towncrier_draft, n_twine,
                             n_twine_v)

ID_PREFIX = "wide402-"
DEFAULT_OUT = HERE / "data" / "wide402.json"
TMP = Path("/dev/shm/hm-corpus-wide402")
TOOLS = Path("/dev/shm/hm-corpus-wide402-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["towncrier==26.9.0", "bump-my-version==1.8.1", "pydistcheck==0.11.3", "python-kacl==0.7.7", "pkginfo==2.0",
            "check-python-versions==0.25.0", "tbump==6.11.0", "bumpver==2026.1132", "build==1.6.1",
            "readme-renderer==46.0", "pypiserver==2.4.2", "twine==7.0.0", "setuptools", "wheel", "passlib"]
PORT = 18402
PY = str(VENV / "bin" / "python")
BUILD = f"{PY} -m build --no-isolation --outdir dist ."
BUILD_TYPED = "python -m build --no-isolation --outdir dist ."

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
GIT = "git -c user.name=currier -c user.email=c@tannery.example"

# ------------------------------------------------------------------ the material: a tannery

WORDS = ["hide", "skin", "pelt", "pit", "limepit", "bate", "tanbark", "oakbark", "liquor", "layaway", "handler",
         "currier", "beam", "fleshing", "scudding", "unhairing", "grain", "flesh", "split", "sammy", "stake", "slick",
         "dubbin", "tallow", "sumac", "valonia", "gambier", "drum", "vat", "yard", "rocker", "tanner", "shaving",
         "buff", "glaze", "emboss", "crust", "wet", "blue", "chrome", "veg", "butt", "belly", "shoulder", "side",
         "kip", "calf", "wax", "oil", "board"]
TYPES = ["feature", "bugfix", "doc", "removal", "misc"]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def pyproject(name: str, version: str, rng: random.Random, *, classifiers=("3.9", "3.10", "3.11", "3.12"),
              requires=">=3.9", extra: str = "", deps=None, readme="README.rst", where="src") -> str:
    deps = deps if deps is not None else ["packaging>=22", "attrs>=23.1"]
    cls = "\n".join(f'  "Programming Language :: Python :: {v}",' for v in classifiers)
    dep = "\n".join(f"  '{d}'," for d in deps)
    return f"""[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
version = "{version}"
description = "The {words(rng, 3)} of a tannery"
readme = "{readme}"
requires-python = "{requires}"
license = {{text = "MIT"}}
authors = [{{name = "Tannery Curriers", email = "curriers@tannery.example"}}]
classifiers = [
  "Development Status :: 4 - Beta",
  "License :: OSI Approved :: MIT License",
{cls}
]
dependencies = [
{dep}
]

[tool.setuptools.packages.find]
where = ["{where}"]
{extra}
"""


def package(root: Path, name: str, version: str, seed: int, n_mods: int = 4, subpkgs: int = 0, **kw) -> Path:
    rng = random.Random(seed)
    d = root / name
    files = {"pyproject.toml": pyproject(name, version, rng, **kw),
             f"src/{name}/__init__.py": f'"""{name}: {words(rng, 5)}."""\n__version__ = "{version}"\n',
             "README.rst": f"{name.title()}\n{'=' * len(name)}\n\nThe {words(rng, 8)}.\n",
             "LICENSE": "MIT License\n\nCopyright (c) 2026 Tannery Curriers\n"}
    pkgs = [f"src/{name}"] + [f"src/{name}/{rng.choice(WORDS)}{k}" for k in range(subpkgs)]
    for p in pkgs[1:]:
        files[f"{p}/__init__.py"] = ""
    for i in range(n_mods):
        body = "\n\n".join(f"def {rng.choice(WORDS)}_{j}(x):\n    \"\"\"{words(rng, 6)}.\"\"\"\n    return x * {j}\n"
                           for j in range(4))
        files[f"{pkgs[i % len(pkgs)]}/{rng.choice(WORDS)}_{i:03d}.py"] = body
    cm.write_tree(d, files)
    return d


def git_init(d: Path) -> None:
    cm.run(f"git init -q -b main && git add -A && {GIT} commit -qm 'first hides in the pits'", cwd=d)


def bin_(tool: str) -> str:
    return str(VENV / "bin" / tool)


# ------------------------------------------------------------------ towncrier

TC = """
[tool.towncrier]
package = "{name}"
package_dir = "src"
directory = "{directory}"
filename = "{filename}"
{extra}
[[tool.towncrier.type]]
directory = "hides"
name = "Hides and skins"
showcontent = true

[[tool.towncrier.type]]
directory = "pits"
name = "Pits and liquors"
showcontent = true

[[tool.towncrier.type]]
directory = "curriers"
name = "Currying"
showcontent = true

[[tool.towncrier.type]]
directory = "finishing"
name = "Finishing"
showcontent = true

[[tool.towncrier.type]]
directory = "yard"
name = "Yard notes"
showcontent = false
"""
TAN_TYPES = ["hides", "pits", "curriers", "finishing", "yard"]


def s_towncrier(tmp: Path) -> None:
    rng = random.Random(40210)
    md_extra = ('issue_format = "[#{issue}](https://tannery.example/tracker/issues/{issue})"\n'
                'title_format = "## Tanbark {version} ({project_date})"\nstart_string = "<!-- towncrier start -->\\n"\n')
    specs = [("tanbark", 900, "changes", "CHANGES.md", ".md", md_extra, TAN_TYPES),
             ("limepit", 400, "newsfragments", "NEWS.rst", ".rst",
              'issue_format = "`#{issue} <https://tannery.example/tracker/issues/{issue}>`_"\n', TAN_TYPES),
             ("beamhouse", 600, "news", "HISTORY.rst", "",
              'underlines = ["=", "-", "~"]\nwrap = false\nall_bullets = true\n', TYPES)]
    for i, (name, n, frag_dir, newsfile, ext, extra, types) in enumerate(specs):
        d = package(tmp / "tc", name, "3.2.0", 40210 + i)
        tc = TC.format(name=name, directory=frag_dir, filename=newsfile, extra=extra)
        if types is TYPES:  # towncrier's default types
            tc = tc.split("[[tool.towncrier.type]]")[0]
        with open(d / "pyproject.toml", "a") as f:
            f.write(tc)
        (d / newsfile).write_text("# Tanbark changes\n\n<!-- towncrier start -->\n" if ext == ".md" else
                                  "History\n=======\n\n.. towncrier release notes start\n")
        fd = d / frag_dir
        fd.mkdir()
        for k in range(n):
            t = rng.choice(types)
            (fd / f"{300 + k * 3}.{t}{ext}").write_text(f"The {words(rng, rng.randint(3, 11))} is now tanned.\n")
        if name == "tanbark":  # issue names that are not numbers, and empty fragments
            for k in range(80):
                (fd / f"tan-{k + 1}.{rng.choice(TAN_TYPES)}.md").write_text(f"Tan ticket: {words(rng, 7)}.\n")
            for k in range(20):
                (fd / f"CVE-2026-{1000 + k}.{rng.choice(['hides', 'pits'])}.md").write_text(
                    f"Security: {words(rng, 9)}.\n")
            for k in range(30):
                (fd / f"{5000 + k}.{rng.choice(TAN_TYPES)}.md").write_text("")
        if name == "limepit":  # stray files in the news directory
            (fd / "README.txt").write_text("Put one file per change here.\n")
            (fd / "notes.md").write_text("# scratch notes\n")
            (fd / ".gitkeep").write_text("")
            (fd / "template.jinja").write_text("{{ sections }}\n")
        cap(f"towncrier-draft-{name}", "towncrier build --draft --version 3.3.0 --date 2026-12-03", d,
            n_towncrier_draft)
        git_init(d)
        cm.run(f"git checkout -q -b release/3.3 && {GIT} commit -q --allow-empty -m 'branch'", cwd=d)
        if name == "tanbark":  # adds 350 fragments, deletes 60
            for k in range(350):
                (fd / f"{40000 + k}.{rng.choice(TAN_TYPES)}.md").write_text(f"Branch note {k}: {words(rng, 6)}.\n")
            for p in sorted(fd.glob("3*.md"))[:60]:
                p.unlink()
        elif name == "limepit":  # fragments where towncrier does not read them
            for k in range(40):
                cm.write_tree(d, {f"docs/news/{600 + k}.feature.rst": f"Misplaced: {words(rng, 6)}.\n"})
        else:
            for k in range(300):
                (fd / f"{70000 + k}.{rng.choice(TYPES)}").write_text(f"Beam note {k}: {words(rng, 5)}.\n")
        for p in sorted((d / "src" / name).glob("*.py")):
            with open(p, "a") as f:
                f.write("# limed\n")
        cm.run(f"git add -A && {GIT} commit -qm 'scud the hides'", cwd=d)
        cap(f"towncrier-check-{name}", "towncrier check --compare-with main", d, n_towncrier_check)


# ------------------------------------------------------------------ bump-my-version

BMV = """
[tool.bumpversion]
current_version = "{cur}"
commit = false
tag = false
{parse}
[[tool.bumpversion.files]]
filename = "src/{name}/__init__.py"
{extra}
"""
CALVER = r"""parse = '''(?P<release>\d{4}\.\d{1,2})\.(?P<patch>\d+)'''
serialize = ["{release}.{patch}"]

[tool.bumpversion.parts.release]
calver_format = "{YYYY}.{MM}"
"""


def s_bump_my_version(tmp: Path) -> None:
    # fleshingbeam: 80 files that all match
    d = package(tmp / "bmv", "fleshingbeam", "2.3.4", 40220, n_mods=80, subpkgs=4)
    extra = ""
    for p in sorted((d / "src").rglob("*_*.py")):
        with open(p, "a") as f:
            f.write("\nTANNED_IN = '2.3.4'\n")
        extra += f'\n[[tool.bumpversion.files]]\nfilename = "{p.relative_to(d)}"\nsearch = "TANNED_IN = \'{{current_version}}\'"\nreplace = "TANNED_IN = \'{{new_version}}\'"\n'
    with open(d / "pyproject.toml", "a") as f:
        f.write(BMV.format(cur="2.3.4", name="fleshingbeam", parse="", extra=extra))
    git_init(d)
    cap("bmv-many-fleshingbeam", "bump-my-version bump --dry-run -vv minor", d, n_bmv_dry)
    cap("bmv-show-fleshingbeam", "bump-my-version show --increment minor --format json", d, n_bmv_show)
    # scudder: a file that does not exist; a --new-version below the current one
    d = package(tmp / "bmv", "scudder", "1.2.0", 40221)
    with open(d / "pyproject.toml", "a") as f:
        f.write(BMV.format(cur="1.2.0", name="scudder", parse="", extra='\n[[tool.bumpversion.files]]\nfilename = '
                           '"docs/conf_missing.py"\n\n[[tool.bumpversion.files]]\nfilename = "README.rst"\n'))
    cm.write_tree(d, {"README.rst": "Scudder\n=======\n\nRelease 1.2.0 of the scudding knife.\n"})
    git_init(d)
    cap("bmv-missing-scudder", "bump-my-version bump --dry-run -vv patch", d, n_bmv_dry)
    (d / "pyproject.toml").write_text((d / "pyproject.toml").read_text().replace(
        '\n[[tool.bumpversion.files]]\nfilename = "docs/conf_missing.py"\n', ""))
    cm.run(f"{GIT} commit -qam 'drop conf'", cwd=d)
    cap("bmv-lower-scudder", "bump-my-version bump --dry-run -vv --new-version 0.9.0 patch", d, n_bmv_dry)
    # currierknife: regex = true with a broken expression
    d = package(tmp / "bmv", "currierknife", "0.8.1", 40222)
    with open(d / "pyproject.toml", "a") as f:
        f.write(BMV.format(cur="0.8.1", name="currierknife", parse="", extra='\n[[tool.bumpversion.files]]\nfilename = '
                           '"setup.cfg"\nregex = true\nsearch = "version\\\\s*=\\\\s*(?P<v{current_version}"\n'
                           'replace = "version = {new_version}"\n'))
    cm.write_tree(d, {"setup.cfg": "[metadata]\nname = currierknife\nversion = 0.8.1\n"})
    git_init(d)
    cap("bmv-regex-currierknife", "bump-my-version bump --dry-run -vv patch", d, n_bmv_dry)
    # dubbin: calendar versions
    d = package(tmp / "bmv", "dubbin", "2026.11.3", 40223)
    with open(d / "pyproject.toml", "a") as f:
        f.write(BMV.format(cur="2026.11.3", name="dubbin", parse=CALVER, extra='\n[[tool.bumpversion.files]]\n'
                           'filename = "CHANGES.rst"\nsearch = "Unreleased"\nreplace = "{new_version}"\n'))
    cm.write_tree(d, {"CHANGES.rst": "Changes\n=======\n\nUnreleased\n----------\n\n- more tallow\n"})
    git_init(d)
    cap("bmv-calver-patch-dubbin", "bump-my-version bump --dry-run -vv patch", d, n_bmv_dry)
    cap("bmv-show-yaml-dubbin", "bump-my-version show --format yaml", d, n_bmv_show)


# ------------------------------------------------------------------ tbump

TBUMP = """
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
{extra}
"""


def s_tbump(tmp: Path) -> None:
    for i, (name, cur, n_files, hooks) in enumerate([("layaway", "2.9.1", 100, 3), ("bateyard", "1.4.0", 20, 12)]):
        d = package(tmp / "tb", name, cur, 40230 + i, n_mods=n_files)
        extra = ""
        for p in sorted((d / "src" / name).glob("*_*.py")):
            with open(p, "a") as f:
                f.write(f"\nLIMED_FOR = 'v{cur}'\n")
            extra += f'\n[[tool.tbump.file]]\nsrc = "{p.relative_to(d)}"\nsearch = "LIMED_FOR = \'v{{current_version}}\'"\n'
        for k in range(hooks):
            extra += (f'\n[[tool.tbump.before_commit]]\nname = "check pit {k}"\n'
                      f'cmd = "grep -q {{new_version}} src/{name}/__init__.py"\n')
        extra += '\n[[tool.tbump.after_push]]\nname = "ring the yard bell"\ncmd = "echo tanned {new_version}"\n'
        with open(d / "pyproject.toml", "a") as f:
            f.write(TBUMP.format(cur=cur, name=name, extra=extra))
        git_init(d)
        cm.run(f"git init -q --bare {tmp}/tb/{name}.git && git remote add origin {tmp}/tb/{name}.git && "
               "git push -q -u origin main", cwd=d)
        if i == 0:
            cap(f"tbump-dry-{name}", "tbump --dry-run 3.0.0", d, n_tbump)
            cap(f"tbump-dry-only-patch-{name}", "tbump --dry-run --only-patch 3.0.0", d, n_tbump)
            cap(f"tbump-dry-unparsable-{name}", "tbump --dry-run 3.0 ; tbump --dry-run 3.0.0-rc1", d, n_tbump)
        else:
            cap(f"tbump-dry-same-{name}", "tbump --dry-run 1.4.0", d, n_tbump)
            cap(f"tbump-dry-{name}", "tbump --dry-run 1.5.0", d, n_tbump)


# ------------------------------------------------------------------ bumpver

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
{extra}
"""


def s_bumpver(tmp: Path) -> None:
    rng = random.Random(40240)
    specs = [("slicker", "4.1.7", "MAJOR.MINOR.PATCH", '"src/**/*.py" = ["STAKED = \'{version}\'"]\n'
              '"README.rst" = ["{version}"]\n', 80, "bumpver update --dry --minor -vv"),
             ("grainside", "1.4", "MAJOR.MINOR.PATCH", "", 3, "bumpver update --dry --patch -vv"),
             ("oakbark", "v2.6.0", "vMAJOR.MINOR.PATCH", '"README.rst" = ["{version}"]\n"docs/*.rst" = ["{version}"]\n',
              3, "bumpver update --dry --set-version v3.0.0 -vv")]
    for i, (name, cur, pat, extra, n_mods, cmd) in enumerate(specs):
        d = package(tmp / "bv", name, cur.lstrip("v"), 40240 + i, n_mods=n_mods)
        (d / "pyproject.toml").write_text((d / "pyproject.toml").read_text().replace(
            f'version = "{cur.lstrip("v")}"', f'version = "{cur}"'))
        (d / f"src/{name}/__init__.py").write_text(f'__version__ = "{cur}"\n')
        tree = {"README.rst": f"{name.title()}\n{'=' * len(name)}\n\nRelease {cur}.\n\n"
                + "\n".join(f"- {words(rng, 8)} (since {cur})" for _ in range(30)) + "\n"}
        if name == "oakbark":
            tree.update({f"docs/pit{k:02d}.rst": f"Pit {k}\n======\n\nSince {cur}: {words(rng, 9)}.\n"
                         for k in range(25)})
        cm.write_tree(d, tree)
        for p in sorted((d / "src" / name).glob("*_*.py")):
            with open(p, "a") as f:
                f.write(f"\nSTAKED = '{cur}'\n")
        with open(d / "pyproject.toml", "a") as f:
            f.write(BUMPVER.format(cur=cur, pat=pat, name=name, extra=extra))
        git_init(d)
        cap(f"bumpver-{name}", cmd, d, n_bumpver)


# ------------------------------------------------------------------ kacl

def changelog(rng: random.Random, n_versions: int, every: int, unreleased: bool) -> str:
    out = ["# Changelog", "", "All notable changes to this project will be documented in this file.", "",
           "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),",
           "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).", ""]
    if unreleased:
        out += ["## [Unreleased]", "### Added", f"- {words(rng, 7)}", ""]
    links = []
    for k in range(n_versions, 0, -1):
        v = f"{k // 10}.{k % 10}.0"
        date = f"20{10 + k // 40:02d}-{(k % 12) + 1:02d}-{(k % 27) + 1:02d}"
        if k % every == 2:
            out.append(f"## [v{k // 10}.{k % 10}] - {date}")  # not semver
        elif k % every == 5:
            out.append(f"## [{v}] - {date.replace('-', '/')}")  # another date format
        else:
            out.append(f"## [{v}] - {date}")
        for sec in rng.sample(["Added", "Changed", "Fixed", "Removed", "Deprecated", "Security"], 2):
            if k % every == 7:
                sec = rng.choice(["Improvements", "Tannery", "Misc"])  # unknown section title
            out.append(f"### {sec}")
            items = [f"- {words(rng, rng.randint(4, 12))}" for _ in range(rng.randint(1, 3))]
            if k % every == 9:
                items[0] = items[0][2:].capitalize() + "."  # not a list item
            out += items
        out.append("")
        links.append(f"[{v}]: https://tannery.example/tracker/releases/v{v}")
    return "\n".join(out + links) + "\n"


def s_kacl(tmp: Path) -> None:
    rng = random.Random(40250)
    for i, (n, every, unrel) in enumerate([(60, 11, True), (400, 37, False)]):
        d = tmp / "kacl" / f"tannery{i}"
        d.mkdir(parents=True)
        (d / "CHANGELOG.md").write_text(changelog(rng, n, every, unrel))
        cap(f"kacl-verify-tannery{i}", "kacl-cli verify", d, n_kacl)
        cap(f"kacl-verify-json-tannery{i}", "kacl-cli verify --json", d, n_kacl)


# ------------------------------------------------------------------ build, check-python-versions, pydistcheck, pkginfo

SETUP_EXT = """from setuptools import Extension, setup
setup(ext_modules=[Extension("sammying._press", ["src/sammying/_press.c", "src/sammying/_rollers.c"])])
"""
PRESS_C = """#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "rollers.h"

static PyObject *press(PyObject *self, PyObject *args) {
    double moisture;
    if (!PyArg_ParseTuple(args, "d", &moisture))
        return NULL;
    int passes = roller_passes(moisture)
    return PyLong_FromLong(passes * SAMMY_FACTOR);
}

static PyMethodDef methods[] = {{"press", press, METH_VARARGS, "Sammy a hide."}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_press", NULL, -1, methods};
PyMODINIT_FUNC PyInit__press(void) { return PyModule_Create(&mod); }
"""
ROLLERS_C = """#include <Python.h>

int roller_passes(double moisture) {
    struct hide h;
    h.moisture = moisture;
    return (int)(h.moisture * 10) + undeclared_pressure;
}
"""


def s_build_and_dists(tmp: Path) -> None:
    rng = random.Random(40260)
    root = tmp / "bld"
    wf = ("on: push\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n"
          "        os: [ubuntu-latest, windows-latest]\n        python-version: ['3.9', '3.10', '3.11', '3.12', '3.13']\n"
          "        exclude:\n          - os: windows-latest\n            python-version: '3.9'\n        include:\n"
          "          - os: ubuntu-latest\n            python-version: 'pypy3.10'\n    steps:\n"
          "      - uses: actions/setup-python@v5\n")
    # tanliquor: a wheel with __pycache__, .DS_Store, mixed .yml/.yaml, deep paths, many files
    d = package(root, "tanliquor", "5.0.2", 40260, n_mods=90, subpkgs=8, classifiers=("3.8", "3.9", "3.10", "3.11"),
                requires=">=3.9,<3.13")
    pk = d / "src" / "tanliquor"
    files = {}
    for k in range(40):
        files[f"src/tanliquor/recipes/{'yml' if k % 3 else 'yaml'}_{k:02d}.{'yml' if k % 3 else 'yaml'}"] = (
            f"liquor: {words(rng, 2)}\nstrength: {rng.randint(10, 90)}\n")
    deep = "src/tanliquor/" + "/".join(f"layer{j}_{rng.choice(WORDS)}" for j in range(14))
    files[f"{deep}/barkometer_readings.json"] = json.dumps({"barkometer": 40})
    files["src/tanliquor/.DS_Store"] = "\0\0\0\1Bud1"
    files["src/tanliquor/recipes/.DS_Store"] = "\0\0\0\1Bud1"
    files["src/tanliquor/__pycache__/pits.cpython-311.pyc"] = "\x00" * 64
    files["src/tanliquor/recipes/__pycache__/strength.cpython-311.pyc"] = "\x00" * 64
    files["src/tanliquor/pits.py.orig"] = "old pits\n"
    files["tox.ini"] = "[tox]\nenvlist = py{38,39,310,311}-{lin,win},pypy310,docs\n"
    files[".github/workflows/test.yml"] = wf
    files["setup.py"] = "from setuptools import setup\nsetup()\n"
    cm.write_tree(d, files)
    with open(d / "pyproject.toml", "a") as f:
        f.write('\n[tool.setuptools.package-data]\n"*" = ["*.yml", "*.yaml", "*.json", "*.pyc", ".DS_Store", '
                '"*.orig", "**/*"]\n')
    cap("build-tanliquor", BUILD, d, n_build, typed=BUILD_TYPED)
    cap("cpv-tanliquor", "check-python-versions .", d, n_cpv)
    cap("cpv-drop-dry-tanliquor", "check-python-versions --drop 3.8 --add 3.13 --dry-run .", d, n_cpv)
    # fleshside: MANIFEST.in naming files that do not exist, python_requires in setup.py
    d = package(root, "fleshside", "0.6.0", 40261, n_mods=30, subpkgs=3)
    cm.write_tree(d, {"MANIFEST.in": "include CHANGES.rst\ninclude docs/*.rst\nrecursive-include examples *.py\n"
                      "graft tests\nprune build\nglobal-exclude *.tmp\ninclude LICENSE\nrecursive-include src *.csv\n",
                      "setup.py": "from setuptools import setup\nsetup(python_requires='>=3.7')\n",
                      "tox.ini": "[tox]\nenvlist = py37,py312,pypy39\n",
                      "appveyor.yml": "environment:\n  matrix:\n    - PYTHON: 'C:\\\\Python37'\n"})
    cap("build-verbose-fleshside", f"{PY} -m build --no-isolation -v --outdir dist .", d, n_build,
        typed="python -m build --no-isolation -v --outdir dist .")
    cap("cpv-fleshside", "check-python-versions .", d, n_cpv)
    # sammying: a C extension that does not compile
    d = package(root, "sammying", "1.0.0", 40262, n_mods=3)
    cm.write_tree(d, {"setup.py": SETUP_EXT, "src/sammying/_press.c": PRESS_C, "src/sammying/_rollers.c": ROLLERS_C})
    cap("build-cext-sammying", f"{PY} -m build --no-isolation --wheel --outdir dist .", d, n_build,
        typed="python -m build --no-isolation --wheel --outdir dist .")
    # staking: a setup.py that raises
    d = package(root, "staking", "2.2.0", 40263, n_mods=3)
    cm.write_tree(d, {"setup.py": "import os\nfrom setuptools import setup\n\n\ndef stake_rev():\n"
                      "    with open(os.path.join('src', 'staking', 'STAKE_REV')) as f:\n        return f.read()\n\n\n"
                      "setup(description='rev ' + stake_rev())\n"})
    cap("build-staking", BUILD, d, n_build, typed=BUILD_TYPED)
    dists = sorted(str(p.relative_to(root)) for p in root.glob("*/dist/*") if p.is_file())
    cm.note(f"dists: {dists}")
    if dists:
        cap("pydistcheck-all", "pydistcheck " + " ".join(dists), root, n_pydistcheck)
        cap("pydistcheck-inspect-all", "pydistcheck --inspect --max-allowed-files 150 " + " ".join(dists), root,
            n_pydistcheck)
    for p in dists:
        if p.endswith(".whl") and "tanliquor" in p:
            cap("pkginfo-json-tanliquor", f"pkginfo --json {p}", root, n_pkginfo)
            cap("pkginfo-wheel-tanliquor", f"pkginfo {p}", root, n_pkginfo)
        if p.endswith(".tar.gz") and "fleshside" in p:
            cap("pkginfo-sdist-fleshside", f"pkginfo {p}", root, n_pkginfo)
    (tmp / "dists.json").write_text(json.dumps(dists))


# ------------------------------------------------------------------ readme_renderer

FAULTS = [  # one fault a file: readme_renderer stops at the first report
    "Hides\n=====\n\nPits\n####\n\nLiquors\n=======\n\nBark\n####\n\nDeeper\n******\n\nBack up\n#######\n",
    ".. tanyard-pits::\n   :strength: 40\n",
    ".. code-block:: tanninscript\n\n   soak(hide, days=40)\n",
    "+------+-------+\n| hide | pit   |\n+======+=======+\n| kip  | 4\n+------+-------+\n",
    "Use |bark| here.\n\n.. |bark| replace:: oak bark\n.. |bark| replace:: sumac\n",
    "Stake the :hide:`calf` then\n",
    ".. note::\n",
    "Fleshing\n~~~~~~~~\n\nText.\n\nUnhairing\n=========\n\nText.\n\nScudding\n~~~~~~~~\n",
    "`a link <https://tannery.example/pits>`__ and `broken <https://tannery.example/>`_ `broken <x>`_\n",
    ".. [1] a footnote\n.. [1] the same footnote\n\nSee [1]_.\n",
    "* item\n\n  * nested\n * misaligned\n",
    ".. admonition::\n\n   An admonition without a title.\n",
    "1. one\n3. three\n",
    ".. topic:: Pits\n",
    "Emphasis *not closed\n",
]


def readme_big(rng: random.Random, n: int) -> str:
    parts = ["The Tannery\n===========\n\nEverything the tannery does to a hide, pit by pit.\n"]
    for i in range(n):
        t = f"{words(rng, 2).title()} {i}"
        parts.append(f"{t}\n{'-' * len(t)}\n\n{words(rng, 40)}.\n\n* {words(rng, 6)}\n* {words(rng, 7)}\n\n"
                     f"Pit {i}\n{'~' * len(f'Pit {i}')}\n\n{words(rng, 18)}.\n\n"
                     f"Liquor {i}\n{'^' * len(f'Liquor {i}')}\n\n``strength = {rng.randint(10, 90)}``\n\n"
                     f".. code-block:: python\n\n   from tannery import {rng.choice(WORDS)}\n   soak({i})\n")
    return "\n".join(parts)


def s_readme(tmp: Path) -> None:
    rng = random.Random(40270)
    d = tmp / "rd"
    docs = {f"beam/docs/{k:02d}-{rng.choice(WORDS)}.rst": f"Hide {k}\n{'=' * (5 + len(str(k)))}\n\n"
            f"The {words(rng, 12)}.\n\n{fault}" for k, fault in enumerate(FAULTS)}
    docs.update({f"pits/docs/pit-{k:02d}.rst": f"Pit {k}\n{'=' * (4 + len(str(k)))}\n\n{words(rng, 30)}.\n\n"
                 + FAULTS[(k * 7) % len(FAULTS)] for k in range(40)})
    docs["tannery/README.rst"] = readme_big(rng, 45)
    cm.write_tree(d, docs)
    loop = ('for f in docs/*.rst; do echo "== $f"; python -m readme_renderer "$f" -o /dev/null 2>render.log; '
            'cat render.log; done')
    for n in ("beam", "pits"):
        cap(f"readme-loop-{n}", loop.replace("python ", f"{PY} "), d / n, n_readme, typed=loop)
    cap("readme-html-tannery", f"{PY} -m readme_renderer README.rst 2>render.log; cat render.log", d / "tannery",
        n_readme, typed="python -m readme_renderer README.rst 2>render.log; cat render.log")


# ------------------------------------------------------------------ twine to pypiserver

def s_twine(tmp: Path) -> None:
    dists = json.loads((tmp / "dists.json").read_text()) if (tmp / "dists.json").exists() else []
    root = tmp / "bld"
    pkgs = tmp / "pypi-packages"
    pkgs.mkdir()
    cm.start([bin_("pypi-server"), "run", "-i", "127.0.0.1", "-p", str(PORT), "-a", ".", "-P", ".", str(pkgs)])
    from capture_data import wait_port
    wait_port(PORT, 30)
    url = f"http://127.0.0.1:{PORT}/"
    env = {"TWINE_USERNAME": "currier", "TWINE_PASSWORD": "tallow", "TWINE_NON_INTERACTIVE": "1"}
    out = tmp / "tannery-dist"
    for sub in ("tc/tanbark", "tc/limepit", "tc/beamhouse", "bmv/fleshingbeam", "bmv/scudder", "bmv/currierknife",
                "bmv/dubbin", "tb/layaway", "tb/bateyard", "bv/slicker", "bv/oakbark"):
        src = tmp / sub
        if src.is_dir():
            cm.run(f"{PY} -m build --no-isolation --outdir {out} . >/dev/null 2>&1", cwd=src, timeout=300)
    extra = sorted(p.name for p in out.glob("*") if p.is_file()) if out.is_dir() else []
    cm.note(f"tannery dists: {extra}")
    (out / ".pypirc").write_text(f"[distutils]\nindex-servers =\n    tannery\n\n[tannery]\nrepository = {url}\n"
                                 "username = currier\npassword = tallow\n")
    cap("twine-upload-pypirc", "twine upload -r tannery --config-file .pypirc --disable-progress-bar "
        + " ".join(extra), out, n_twine, env={"TWINE_NON_INTERACTIVE": "1"})
    for p in dists:
        shutil.copy(root / p, out / Path(p).name)
    cap("twine-upload-verbose-bld", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        + " ".join(Path(p).name for p in dists), out, n_twine_v, env=env)
    if extra:
        whl = next((p for p in extra if p.endswith(".whl")), extra[0])
        shutil.copy(out / whl, out / "tanbark-latest.whl")
        shutil.copy(out / whl, out / "limepit-3.3.0.zip")
        cap("twine-upload-verbose-badzip", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
            + " ".join(extra[-4:]) + " limepit-3.3.0.zip tanbark-latest.whl", out, n_twine_v, env=env)
        cap("twine-upload-verbose-badwheel", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
            "tanbark-latest.whl", out, n_twine_v, env=env)

STEPS = [s_towncrier, s_bump_my_version, s_tbump, s_bumpver, s_kacl, s_build_and_dists, s_readme, s_twine]


def install() -> None:
    cm.install_venv(VENV, "pydistcheck", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, install, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide402", sys.modules["__main__"])
    main()
