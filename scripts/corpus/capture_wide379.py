"""Capture round 379 of the compression corpus: second samples of round 370's release and packaging-metadata checks
(towncrier build --draft / check, bump-my-version bump --dry-run / show, tbump --dry-run, bumpver update --dry,
kacl-cli verify, pydistcheck, pkginfo, check-python-versions, python -m build, python -m readme_renderer, twine upload
to a pypiserver on 127.0.0.1:18379) on a shipwright's yard's packages written here (seeds 37910+), with faults other
than round 370's and larger outputs where the tools allow.

No extractor is written: every kind's needles come from round 370's extractor, imported from capture_wide370
(NEEDLES.md, "Round 379"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide379.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide379.json  as {"version": 2, "items": [...]}, ids prefixed "wide379-".
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide370 import (n_bmv_dry, n_bmv_show, n_build, n_bumpver, n_cpv, n_kacl, n_pkginfo,  # noqa: E402
                             n_pydistcheck, n_readme, n_tbump, n_towncrier_check, n_towncrier_draft, n_twine,
                             n_twine_v)

ID_PREFIX = "wide379-"
DEFAULT_OUT = HERE / "data" / "wide379.json"
TMP = Path("/dev/shm/hm-corpus-wide379")
TOOLS = Path("/dev/shm/hm-corpus-wide379-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["towncrier", "bump-my-version", "pydistcheck", "python-kacl", "pkginfo", "check-python-versions", "tbump",
            "bumpver", "build", "readme-renderer", "pypiserver", "twine", "setuptools", "wheel", "passlib"]
PORT = 18379
PY = str(VENV / "bin" / "python")

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
GIT = "git -c user.name=shipwright -c user.email=s@yard.invalid"

# ------------------------------------------------------------------ the material: a shipwright's yard

WORDS = ["keel", "keelson", "strake", "garboard", "sheer", "caulker", "oakum", "pitch", "trenail", "stem", "sternpost",
         "transom", "futtock", "floor", "frame", "rib", "ribband", "plank", "adze", "auger", "mallet", "spile",
         "scarf", "rabbet", "deadwood", "breasthook", "knee", "beam", "clamp", "shelf", "wale", "bilge", "hog", "sag",
         "slipway", "launch", "mould", "loft", "larch", "oak", "elm", "steam", "box", "bevel", "dub", "fair", "seam"]
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
description = "The {words(rng, 3)} of a shipwright's yard"
readme = "{readme}"
requires-python = "{requires}"
license = {{text = "MIT"}}
authors = [{{name = "Yard Shipwrights", email = "wrights@yard.invalid"}}]
classifiers = [
  "Development Status :: 3 - Alpha",
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


def package(root: Path, name: str, version: str, seed: int, n_mods: int = 4, n_frags: int = 0, subpkgs: int = 0,
            frag_dir: str = "newsfragments", frag_ext: str = ".rst", types=TYPES, **kw) -> Path:
    rng = random.Random(seed)
    d = root / name
    files = {"pyproject.toml": pyproject(name, version, rng, **kw),
             f"src/{name}/__init__.py": f'"""{name}: {words(rng, 5)}."""\n__version__ = "{version}"\n',
             "README.rst": f"{name.title()}\n{'=' * len(name)}\n\nThe {words(rng, 8)}.\n",
             "LICENSE": "MIT License\n\nCopyright (c) 2026 Yard Shipwrights\n"}
    pkgs = [f"src/{name}"] + [f"src/{name}/{rng.choice(WORDS)}{k}" for k in range(subpkgs)]
    for p in pkgs[1:]:
        files[f"{p}/__init__.py"] = ""
    for i in range(n_mods):
        body = "\n\n".join(f"def {rng.choice(WORDS)}_{j}(x):\n    \"\"\"{words(rng, 6)}.\"\"\"\n    return x + {j}\n"
                           for j in range(6))
        files[f"{pkgs[i % len(pkgs)]}/{rng.choice(WORDS)}_{i:03d}.py"] = body
    for i in range(n_frags):
        t = rng.choice(types)
        files[f"{frag_dir}/{200 + i * 2}.{t}{frag_ext}"] = f"The {words(rng, rng.randint(3, 14))} is now fair.\n"
    cm.write_tree(d, files)
    return d


def git_init(d: Path) -> None:
    cm.run(f"git init -q -b main && git add -A && {GIT} commit -qm 'lay the keel'", cwd=d)


def changelog(rng: random.Random, n_versions: int, faults: bool) -> str:
    out = ["# Changelog", "", "All notable changes to this project will be documented in this file.", "",
           "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),",
           "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).", "",
           "## [Unreleased]", "### Changed", f"- {words(rng, 7)}", ""]
    links = [f"[Unreleased]: https://example.invalid/yard/compare/v{n_versions // 10}.{n_versions % 10}.0...HEAD"]
    for k in range(n_versions, 0, -1):
        v = f"{k // 10}.{k % 10}.0"
        date = f"20{10 + k // 20:02d}-{(k % 12) + 1:02d}-{(k % 27) + 1:02d}"
        if faults and k % 11 == 5:
            out.append(f"## [{v}]")  # no date
        elif faults and k % 13 == 7:
            out.append(f"## [{(k + 1) // 10}.{(k + 1) % 10}.0] - {date}")  # the version above, again
        else:
            out.append(f"## [{v}] - {date}")
        for sec in rng.sample(["Added", "Changed", "Fixed", "Removed", "Deprecated", "Security"], 2):
            out.append(f"### {sec}")
            if faults and k % 8 == 3:
                continue  # an empty section
            out += [f"- {words(rng, rng.randint(4, 12))}" for _ in range(rng.randint(1, 3))]
        out.append("")
        links.append(f"[{v}]: https://example.invalid/yard/releases/v{v}")
    return "\n".join(out + links) + "\n"


def bin_(tool: str) -> str:
    return str(VENV / "bin" / tool)


# ------------------------------------------------------------------ towncrier

TC_TYPES = """
[tool.towncrier]
package = "{name}"
package_dir = "src"
directory = "{directory}"
filename = "{filename}"
issue_format = "`#{{issue}} <https://example.invalid/yard/issues/{{issue}}>`_"
{extra}
[[tool.towncrier.type]]
directory = "hull"
name = "Hull and planking"
showcontent = true

[[tool.towncrier.type]]
directory = "caulking"
name = "Caulking"
showcontent = true

[[tool.towncrier.type]]
directory = "rigging"
name = "Rigging"
showcontent = true

[[tool.towncrier.type]]
directory = "launch"
name = "Launch notes"
showcontent = false

[[tool.towncrier.type]]
directory = "misc"
name = "Miscellany"
showcontent = false
"""
SHIP_TYPES = ["hull", "caulking", "rigging", "launch", "misc"]


def s_towncrier(tmp: Path) -> None:
    rng = random.Random(37910)
    specs = [("keelrabbet", 1000, "newsfragments", "NEWS.rst", ".rst", ""),
             ("caulkmallet", 300, "newsfragments", "NEWS.rst", ".rst", "wrap = true\n"),
             ("stemhead", 700, "changes", "NEWS.md", ".md", "")]
    for i, (name, n, frag_dir, newsfile, ext, extra) in enumerate(specs):
        d = package(tmp / "tc", name, "2.7.0", 37910 + i, n_frags=n, frag_dir=frag_dir, frag_ext=ext,
                    types=SHIP_TYPES)
        with open(d / "pyproject.toml", "a") as f:
            f.write(TC_TYPES.format(name=name, directory=frag_dir,
                                    filename=newsfile, extra=extra))
        (d / newsfile).write_text("Release notes\n=============\n\n.. towncrier release notes start\n"
                                  if ext == ".rst" else "# Release notes\n\n<!-- towncrier release notes start -->\n")
        if name == "keelrabbet":  # orphan fragments and multi-paragraph fragments
            for j in range(60):
                (d / f"newsfragments/+{rng.getrandbits(32):08x}.{rng.choice(SHIP_TYPES)}.rst").write_text(
                    f"An orphan note: {words(rng, 9)}.\n")
            for j in range(40):
                (d / f"newsfragments/{9000 + j}.hull.rst").write_text(
                    f"The {words(rng, 10)}.\n\nA second paragraph: {words(rng, 14)}.\n\n- {words(rng, 5)}\n"
                    f"- {words(rng, 6)}\n")
            for j in range(25):  # one issue in two types
                (d / f"newsfragments/{200 + j * 2}.rigging.rst").write_text(f"Also rigging: {words(rng, 6)}.\n")
        cap(f"towncrier-draft-{name}", "towncrier build --draft --version 2.8.0 --date 2026-12-02", d,
            n_towncrier_draft)
        git_init(d)
        cm.run(f"git checkout -q -b release/2.8 && {GIT} commit -q --allow-empty -m 'branch'", cwd=d)
        if name == "keelrabbet":  # a branch adding 800 fragments and touching 60 modules
            for j in range(500):
                (d / f"newsfragments/{20000 + j}.{rng.choice(SHIP_TYPES)}.rst").write_text(
                    f"Branch note {j}: {words(rng, 6)}.\n")
        elif name == "caulkmallet":  # a branch with code changes and no fragment
            pass
        else:  # a branch whose only news change is the news file
            with open(d / newsfile, "a") as f:
                f.write("\n## 2.7.1\n\n- A hand-written note.\n")
        for p in sorted((d / "src" / name).glob("*.py"))[: 60 if name == "keelrabbet" else 30]:
            with open(p, "a") as f:
                f.write("# faired\n")
        cm.run(f"git add -A && {GIT} commit -qm 'fair the planking'", cwd=d)
        cap(f"towncrier-check-{name}", "towncrier check --compare-with main", d, n_towncrier_check)


# ------------------------------------------------------------------ bump-my-version

BMV_HEAD = """
[tool.bumpversion]
current_version = "{cur}"
commit = false
tag = false
{parse}
[[tool.bumpversion.files]]
filename = "src/{name}/__init__.py"

[[tool.bumpversion.files]]
filename = "docs/conf.py"
search = "release = '{{current_version}}'"
replace = "release = '{{new_version}}'"
{extra}
"""
PRE_PARSE = r"""parse = '''(?x)
    (?P<major>0|[1-9]\d*)\.
    (?P<minor>0|[1-9]\d*)\.
    (?P<patch>0|[1-9]\d*)
    (?:-(?P<pre_l>rc|beta|alpha)\.(?P<pre_n>\d+))?
'''
serialize = ["{major}.{minor}.{patch}-{pre_l}.{pre_n}", "{major}.{minor}.{patch}"]

[tool.bumpversion.parts.pre_l]
values = ["alpha", "beta", "rc", "final"]
optional_value = "final"
"""


def s_bump_my_version(tmp: Path) -> None:
    rng = random.Random(37920)
    specs = [  # name, current, docs release, parse, extra files, n_mods, commands
        ("deadwood", "3.4.1", "3.4.1", "", '\n[[tool.bumpversion.files]]\nfilename = "setup.cfg"\n'
         'search = "version = {current_version}"\nreplace = "version = {new_version}"\n', 4,
         [("patch", "bump-my-version bump --dry-run -vv patch")]),
        ("ribband", "1.0.0-beta.2", "1.0.0-beta.2", PRE_PARSE, "", 4,
         [("pre", "bump-my-version bump --dry-run -vv pre_n"), ("prel", "bump-my-version bump --dry-run -vv pre_l"),
          ("showbump", "bump-my-version show-bump"), ("show", "bump-my-version show --format json")]),
        ("breasthook", "0.12.3", "0.12.3", "", '\n[[tool.bumpversion.files]]\nglob = "src/**/*.py"\n'
         'search = "SINCE = \'{current_version}\'"\nreplace = "SINCE = \'{new_version}\'"\n'
         'ignore_missing_version = false\n', 90,
         [("glob", "bump-my-version bump --dry-run -vv minor")]),
        ("forefoot", "5.0.9", "5.0.9", "", "", 4, [("dirty", "bump-my-version bump --dry-run -vv patch"),
                                                    ("show", "bump-my-version show")]),
    ]
    for i, (name, cur, docv, parse, extra, n_mods, cmds) in enumerate(specs):
        d = package(tmp / "bmv", name, cur, 37920 + i, n_mods=n_mods, subpkgs=6 if n_mods > 50 else 0)
        files = {"docs/conf.py": f"project = '{name}'\nrelease = '{docv}'\n",
                 "setup.cfg": f"[metadata]\nname = {name}\nversion: {cur}\n"}  # ':' where the search wants ' = '
        cm.write_tree(d, files)
        if name == "breasthook":  # most modules carry SINCE, some do not
            for k, p in enumerate(sorted((d / "src").rglob("*.py"))):
                if k % 9 != 4:
                    with open(p, "a") as f:
                        f.write(f"\nSINCE = '{cur}'\n")
        with open(d / "pyproject.toml", "a") as f:
            f.write(BMV_HEAD.format(cur=cur, name=name, parse=parse, extra=extra))
        git_init(d)
        if name == "forefoot":  # a dirty tree, no --allow-dirty
            with open(d / f"src/{name}/__init__.py", "a") as f:
                f.write("# half-caulked\n")
            (d / "notes.txt").write_text("untracked\n")
        for tag, cmd in cmds:
            kind = n_bmv_show if cmd.startswith("bump-my-version show") else n_bmv_dry
            cap(f"bmv-{tag}-{name}", cmd, d, kind)


# ------------------------------------------------------------------ tbump

TBUMP = """
[tool.tbump]
github_url = "https://example.invalid/yard/{name}"

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

[[tool.tbump.before_commit]]
name = "check the changelog"
cmd = "grep -q {{new_version}} CHANGELOG.md"

[[tool.tbump.after_push]]
name = "announce the launch"
cmd = "echo launched {{new_version}}"
{extra}
"""


def s_tbump(tmp: Path) -> None:
    for i, (name, cur, nv, n_files) in enumerate([("spilingboard", "7.2.0", "7.3.0", 60), ("adzeblade", "0.4.4", "0.5.0", 8)]):
        d = package(tmp / "tb", name, cur, 37930 + i, n_mods=n_files)
        extra = ""
        mods = sorted((d / "src" / name).glob("*_*.py"))
        for k, p in enumerate(mods):
            with open(p, "a") as f:
                f.write(f"\nBUILT_FOR = 'v{cur}'\n" if (k != len(mods) // 2 or i == 0) else "\nBUILT_FOR = 'unknown'\n")
            extra += f'\n[[tool.tbump.file]]\nsrc = "{p.relative_to(d)}"\nsearch = "BUILT_FOR = \'v{{current_version}}\'"\n'
        cm.write_tree(d, {"CHANGELOG.md": f"# Changelog\n\n## {nv}\n\n- launched\n"})
        with open(d / "pyproject.toml", "a") as f:
            f.write(TBUMP.format(cur=cur, name=name, extra=extra))
        git_init(d)
        cm.run(f"git init -q --bare {tmp}/tb/{name}.git && git remote add origin {tmp}/tb/{name}.git && "
               "git push -q -u origin main", cwd=d)
        cap(f"tbump-dry-{name}", f"tbump --dry-run {nv}", d, n_tbump)
        if i == 0:
            cap(f"tbump-dry-only-patch-{name}", f"tbump --dry-run --only-patch {nv}", d, n_tbump)
        if i == 1:  # a dirty tree
            (d / "CHANGELOG.md").write_text("# Changelog\n\n- unsaved\n")
            cap(f"tbump-dry-dirty-{name}", f"tbump --dry-run {nv}", d, n_tbump)
            cap(f"tbump-dry-only-patch-{name}", f"git stash -q; tbump --dry-run --only-patch {nv}", d, n_tbump,
                typed=f"git stash -q; tbump --dry-run --only-patch {nv}")


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
    rng = random.Random(37940)
    specs = [("mouldloft", "2.3.0", "MAJOR.MINOR.PATCH",
              '"docs/conf.py" = ["release = \'{version}\'", "version = \'{version}\'"]\n', "bumpver update --dry --minor -vv"),
             ("steambox", "2026.11.1004", "YYYY.MM.BUILD", '"README.rst" = ["{version}"]\n"src/**/*.py" = '
              '["SINCE = \'{version}\'"]\n', "bumpver update --dry -vv"),
             ("sheerline", "1.9.0b3", "MAJOR.MINOR.PATCH[PYTAGNUM]", '"README.rst" = ["{version}"]\n',
              "bumpver update --dry --tag-num -vv")]
    for i, (name, cur, pat, extra, cmd) in enumerate(specs):
        d = package(tmp / "bv", name, cur, 37940 + i, n_mods=40 if i == 1 else 2)
        cm.write_tree(d, {"README.rst": f"{name.title()}\n{'=' * len(name)}\n\nRelease {cur}.\n\n"
                          + "\n".join(f"- {words(rng, 8)} (from {cur})" for _ in range(20 * (i + 1))) + "\n",
                          "docs/conf.py": f"project = '{name}'\nrelease = '{cur}'\n"})  # no `version =` line
        if i == 1:
            for p in sorted((d / "src" / name).glob("*_*.py")):
                with open(p, "a") as f:
                    f.write(f"\nSINCE = '{cur}'\n")
        with open(d / "pyproject.toml", "a") as f:
            f.write(BUMPVER.format(cur=cur, pat=pat, name=name, extra=extra))
        git_init(d)
        cap(f"bumpver-{name}", cmd, d, n_bumpver)


# ------------------------------------------------------------------ kacl

def s_kacl(tmp: Path) -> None:
    rng = random.Random(37950)
    for i, n in enumerate([45, 300]):
        d = tmp / "kacl" / f"yard{i}"
        d.mkdir(parents=True)
        (d / "CHANGELOG.md").write_text(changelog(rng, n, True))
        cap(f"kacl-verify-yard{i}", "kacl-cli verify", d, n_kacl)
        cap(f"kacl-verify-json-yard{i}", "kacl-cli verify --json", d, n_kacl)


# ------------------------------------------------------------------ build, check-python-versions, pydistcheck, pkginfo

def many_deps(rng: random.Random, n: int) -> list[str]:
    base = ["requests", "attrs", "packaging", "click", "rich", "numpy", "pyyaml", "tomli", "jinja2", "lxml", "pydantic",
            "httpx", "anyio", "sqlalchemy", "platformdirs", "filelock", "typing-extensions", "colorama", "pywin32"]
    out = []
    for k in range(n):
        dep = f"{base[k % len(base)]}{'' if k < len(base) else f'-{WORDS[k % len(WORDS)]}'}"
        spec = rng.choice([">=1.0", ">=2.1,<4", "~=3.2", "!=1.4.2,>=1.2", "==0.9.*", ""])
        marker = rng.choice(["", "; python_version < \"3.11\"", "; sys_platform == \"win32\"",
                             "; platform_machine != \"arm64\"", ""])
        extra = rng.choice(["", "[socks]", "[toml,yaml]", ""])
        out.append(f"{dep}{extra}{spec}{marker}")
    return out


def s_build_and_dists(tmp: Path) -> None:
    rng = random.Random(37960)
    root = tmp / "bld"
    wf = ("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
          "        python-version: ['3.8', '3.10', '3.12', 'pypy-3.9', '3.14-dev']\n    steps:\n"
          "      - uses: actions/checkout@v4\n")
    specs = [("keelrabbet", "4.1.0", dict(n_mods=180, subpkgs=12)),
             ("caulkmallet", "0.3.2", dict(n_mods=10, deps=many_deps(rng, 70), classifiers=("3.12", "3.13"),
                                           requires="~=3.8")),
             ("oakumtwist", "1.1.1", dict(n_mods=6, classifiers=("2.7", "3.5", "3.13"), requires=">=3.11"))]
    for i, (name, ver, kw) in enumerate(specs):
        d = package(root, name, ver, 37960 + i, **kw)
        cm.write_tree(d, {"tox.ini": "[tox]\nenvlist = py27,py38,py311,py313,pypy3,lint\n",
                          ".github/workflows/test.yml": wf,
                          ".travis.yml": "language: python\npython:\n  - 2.7\n  - 3.6\n  - 3.9\n  - pypy3\n",
                          "appveyor.yml": "environment:\n  matrix:\n    - PYTHON: 'C:\\\\Python38'\n    - PYTHON: 'C:\\\\Python312-x64'\n",
                          ".manylinux-install.sh": "#!/bin/sh\nfor PYBIN in /opt/python/*/bin; do\n  if [[ \"${PYBIN}\" == *\"cp36\"* ]] || [[ \"${PYBIN}\" == *\"cp312\"* ]]; then\n    \"${PYBIN}/pip\" wheel . -w wheelhouse/\n  fi\ndone\n",
                          "setup.py": "from setuptools import setup\nsetup(\n    classifiers=[\n"
                          "        'Programming Language :: Python :: 3.7',\n    ],\n)\n" if i == 2 else
                          "from setuptools import setup\nsetup()\n"})
        if name == "keelrabbet":  # collisions, long and non-ASCII names, lots of files
            pk = d / "src" / name
            (pk / "data").mkdir()
            (pk / "data" / "__init__.py").write_text("")
            for k in range(120):
                (pk / "data" / f"frame_{k:03d}.json").write_text(json.dumps({"frame": k, "bevel": rng.random()}))
            (pk / "data" / "Lines.txt").write_text("lines\n")
            (pk / "data" / "lines.txt").write_text("lines, lower\n")
            (pk / "data" / ("offsets_" + "very_long_station_name_" * 8 + "table.csv")).write_text("a,b\n")
            (pk / "data" / "sk\u00e4rgård_f\u00f6rstäv.txt").write_text("non-ascii\n")
            (pk / "data" / "plan with spaces.txt").write_text("plan\n")
            (pk / "data" / "big_hull_mesh.bin").write_bytes(bytes(random.Random(7).getrandbits(8) for _ in range(700_000)))
            with open(d / "pyproject.toml", "a") as f:
                f.write('\n[tool.setuptools.package-data]\n"*" = ["*.json", "*.txt", "*.csv", "*.bin"]\n')
        cap(f"build-{name}", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
            typed="python -m build --no-isolation --outdir dist .")
        cap(f"cpv-{name}", "check-python-versions .", d, n_cpv)
    d = root / "oakumtwist"
    cap("cpv-expect-oakumtwist", "check-python-versions --expect 3.10-3.13 .", d, n_cpv)
    cap("cpv-add-dry-caulkmallet", "check-python-versions --add 3.14 --dry-run .", root / "caulkmallet", n_cpv)
    # builds that fail in other ways than round 370's
    d = package(root, "hogging", "1.0 beta", 37970, n_mods=2)
    cap("build-hogging", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
        typed="python -m build --no-isolation --outdir dist .")
    d = package(root, "scarfjoint", "0.9.0", 37972, n_mods=3,
                extra='\n[tool.setuptools]\npackage-dir = {"" = "lib"}\npackages = ["scarfjoint", "scarfjoint.bevels"]\n')
    (d / "pyproject.toml").write_text((d / "pyproject.toml").read_text().replace(
        '[tool.setuptools.packages.find]\nwhere = ["src"]\n', ""))
    cap("build-scarfjoint", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
        typed="python -m build --no-isolation --outdir dist .")
    d = package(root, "walepiece", "0.0.0", 37973, n_mods=3)
    (d / "pyproject.toml").write_text((d / "pyproject.toml").read_text().replace(
        'version = "0.0.0"', 'dynamic = ["version"]') + '\n[tool.setuptools.dynamic]\nversion = {attr = "wale'
        'piece.VERSION"}\n')
    cap("build-walepiece", f"{PY} -m build --no-isolation --outdir dist .", d, n_build,
        typed="python -m build --no-isolation --outdir dist .")
    dists = sorted(str(p.relative_to(root)) for p in root.glob("*/dist/*") if p.is_file())
    cm.note(f"dists: {dists}")
    cap("pydistcheck-inspect-all", "pydistcheck --inspect " + " ".join(dists), root, n_pydistcheck)
    big = [p for p in dists if "keelrabbet" in p]
    if big:
        cap("pydistcheck-keelrabbet", "pydistcheck --max-allowed-files 100 --max-path-length 120 "
            "--max-allowed-size-uncompressed 1M " + " ".join(big), root, n_pydistcheck)
    for p in dists:
        if p.endswith(".whl") and "caulkmallet" in p:
            cap("pkginfo-caulkmallet", f"pkginfo {p}", root, n_pkginfo)
            cap("pkginfo-json-caulkmallet", f"pkginfo --json {p}", root, n_pkginfo)
        if p.endswith(".tar.gz") and ("oakumtwist" in p or "keelrabbet" in p):
            cap(f"pkginfo-sdist-{Path(p).name.split('-')[0]}", f"pkginfo {p}", root, n_pkginfo)
    (tmp / "dists.json").write_text(json.dumps(dists))


# ------------------------------------------------------------------ readme_renderer

README_RAW = """Garboard
========

The garboard strake, next to the keel.

.. raw:: html

   <script>alert('launch')</script>

.. image::

.. image:: https://example.invalid/hull.png
   :target: `the plan`_

Caulking
--------

Drive the :py:func:`oakum.twist` in with the :kbd:`mallet`, then :unknownrole:`pitch` the seam.

See `the plan`_ and `the plan`_ again.

.. _the plan: https://example.invalid/plan
.. _the plan: https://example.invalid/other-plan

.. include:: ../../etc/passwd

.. csv-table:: Strakes
   :header: "Strake", "Width"

   "garboard", 9
   "sheer", 7, extra

Launch
------

.. sidebar::

.. [#] a footnote nobody cites

Term
  definition
 misindented
"""


def readme_big(rng: random.Random, n: int) -> str:
    parts = ["Shipwright's Yard\n=================\n\nEverything the yard builds, frame by frame.\n"]
    for i in range(n):
        t = f"{words(rng, 2).title()} {i}"
        parts.append(f"{t}\n{'-' * len(t)}\n\n{words(rng, 50)}.\n\n* {words(rng, 6)}\n* {words(rng, 7)}\n\n"
                     f"Sub {i}\n{'~' * len(f'Sub {i}')}\n\n{words(rng, 20)}.\n\n"
                     f".. code-block:: python\n\n   from yard import {rng.choice(WORDS)}\n   {rng.choice(WORDS)}({i})\n")
    return "\n".join(parts)


FAULTS = [  # one fault a file: readme_renderer stops at the first report
    ".. raw:: html\n\n   <script>alert('launch')</script>\n",
    ".. image::\n",
    "Drive the :py:func:`oakum.twist` in with the mallet.\n",
    "Then :unknownrole:`pitch` the seam.\n",
    "See `the plan`_.\n\n.. _the plan: https://example.invalid/plan\n.. _the plan: https://example.invalid/other\n",
    ".. include:: ../../etc/passwd\n",
    ".. csv-table:: Strakes\n   :header: \"Strake\", \"Width\"\n\n   \"garboard\", 9\n   \"sheer\", 7, x\n",
    ".. sidebar::\n",
    "Term\n  definition\n misindented\n",
    "Sheer line\n---\n\nToo short an underline.\n",
    "A ref to `nowhere`_ at all.\n",
    "|unset| substitution.\n",
    ".. figure:: hull.png\n   :scale: big\n",
    "* a list\nwithout a blank line after it.\n",
]


def s_readme(tmp: Path) -> None:
    rng = random.Random(37980)
    d = tmp / "rd"
    docs = {f"garboard/docs/{k:02d}-{rng.choice(WORDS)}.rst": f"Strake {k}\n{'=' * (7 + len(str(k)))}\n\n"
            f"The {words(rng, 12)}.\n\n{fault}" for k, fault in enumerate(FAULTS)}
    docs.update({f"seams/docs/seam-{k:02d}.rst": f"Seam {k}\n{'=' * (5 + len(str(k)))}\n\n{words(rng, 30)}.\n\n"
                 + FAULTS[(k * 5) % len(FAULTS)] for k in range(30)})
    docs["yard/README.rst"] = readme_big(rng, 40)
    cm.write_tree(d, docs)
    loop = ('for f in docs/*.rst; do echo "== $f"; python -m readme_renderer "$f" -o /dev/null 2>render.log; '
            'cat render.log; done')
    for n in ("garboard", "seams"):
        cap(f"readme-loop-{n}", loop.replace("python ", f"{PY} "), d / n, n_readme, typed=loop)
    cap("readme-yard", f"{PY} -m readme_renderer README.rst 2>render.log; cat render.log", d / "yard", n_readme,
        typed="python -m readme_renderer README.rst 2>render.log; cat render.log")


# ------------------------------------------------------------------ twine to pypiserver

def s_twine(tmp: Path) -> None:
    dists = json.loads((tmp / "dists.json").read_text()) if (tmp / "dists.json").exists() else []
    root = tmp / "bld"
    pkgs = tmp / "pypi-packages"
    pkgs.mkdir()
    cm.run(f"{PY} -c \"from passlib.apache import HtpasswdFile as H; h=H('{tmp}/htpasswd', new=True); "
           "h.set_password('shipwright', 'oakum'); h.save()\"")
    cm.start([bin_("pypi-server"), "run", "-i", "127.0.0.1", "-p", str(PORT), "-a", "update", "-P",
              str(tmp / "htpasswd"), "--hash-algo=sha256", str(pkgs)])
    from capture_data import wait_port
    wait_port(PORT, 30)
    url = f"http://127.0.0.1:{PORT}/"
    bad = {"TWINE_USERNAME": "shipwright", "TWINE_PASSWORD": "pitch", "TWINE_NON_INTERACTIVE": "1"}
    good = {"TWINE_USERNAME": "shipwright", "TWINE_PASSWORD": "oakum", "TWINE_NON_INTERACTIVE": "1"}
    cap("twine-upload-verbose-wrongpass", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        + " ".join(dists[:3]), root, n_twine_v, env=bad)
    cap("twine-upload-verbose-all", f"twine upload --verbose --repository-url {url} --disable-progress-bar "
        + " ".join(dists), root, n_twine_v, env=good)
    cap("twine-upload-verbose-wrongpath", f"twine upload --verbose --repository-url {url}simple/ "
        "--disable-progress-bar " + " ".join(dists[:2]), root, n_twine_v, env=good)
    extra = []  # the yard's other packages, built quietly, uploaded without --verbose
    for sub in ("tc/keelrabbet", "tc/caulkmallet", "tc/stemhead", "bmv/deadwood", "bmv/ribband", "bmv/breasthook",
                "tb/spilingboard", "bv/steambox", "bv/sheerline"):
        src = tmp / sub
        if src.is_dir():
            cm.run(f"{PY} -m build --no-isolation --outdir {tmp}/yard-dist . >/dev/null 2>&1", cwd=src, timeout=300)
    extra = sorted(p.name for p in (tmp / "yard-dist").glob("*") if p.is_file()) if (tmp / "yard-dist").is_dir() else []
    cm.note(f"yard dists: {extra}")
    cap("twine-upload-yard", f"twine upload --repository-url {url} --disable-progress-bar " + " ".join(extra),
        tmp / "yard-dist", n_twine, env=good)
    cap("twine-upload-again", f"twine upload --repository-url {url} --disable-progress-bar " + " ".join(dists),
        root, n_twine, env=good)

STEPS = [s_towncrier, s_bump_my_version, s_tbump, s_bumpver, s_kacl, s_build_and_dists, s_readme, s_twine]


def install() -> None:
    cm.install_venv(VENV, "pydistcheck", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, install, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide379", sys.modules["__main__"])
    main()
