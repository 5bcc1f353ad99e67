#!/usr/bin/env python3
"""Capture round 426 of the compression corpus: Python dependency resolution and environment tools as an agent meets
them, offline against a local PEP 503 index on 127.0.0.1:18426 (pip's `--dry-run --report -`, `pip index versions`,
`pip list --outdated`, `--require-hashes` failures, `pip hash`, pipdeptree's `--json-tree` and `--reverse`,
`virtualenv -vv`, `uv pip install --dry-run`, `uv pip list --outdated`, `uv export`) over `brewhouse`, a brewery's
packages (mash tuns, wort chillers, coppers ...) built here as small wheels with faults put in (pinned conflicts,
yanked and missing versions, circular requirements, broken installed environments, wrong hashes; seeds 42610+).
The needle rules are NEEDLES.md's "Round 426", fixed before capture, one extractor per kind below. Nothing captured
here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide426.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide426.json  as {"version": 2, "items": [...]}, ids prefixed "wide426-".
"""

from __future__ import annotations

import base64
import hashlib
import os
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402

ID_PREFIX = "wide426-"
DEFAULT_OUT = HERE / "data" / "wide426.json"
TMP = Path(os.environ.get("HM_WIDE426_TMP", "/dev/shm/hm-corpus-wide426-run"))
TOOLS = Path(os.environ.get("HM_WIDE426_TOOLS", "/dev/shm/hm-corpus-wide426"))
VENV = TOOLS / "venv"
PY_PACKAGES = ["pip", "uv", "pipdeptree", "virtualenv"]
PORT = 18426
INDEX = f"http://127.0.0.1:{PORT}/simple"

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None, "PIP_INDEX_URL": None, "PIP_EXTRA_INDEX_URL": None,
       "PIP_CACHE_DIR": str(TOOLS / "pip-cache"), "UV_CACHE_DIR": str(TOOLS / "uv-cache"),
       "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1", "UV_INDEX_URL": None, "UV_DEFAULT_INDEX": None,
       "VIRTUALENV_OVERRIDE_APP_DATA": str(TOOLS / "venv-app-data"), "PIP_NO_INPUT": "1"}


def cap(item_id, command, cwd, extractor, timeout=300, typed=None):
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout, env=ENV), extractor)


# ================================================================== extractors (NEEDLES.md "Round 426")

DIAG = re.compile(r"ERROR|WARNING|\berror:|\bwarning:")


def _diag(lines):
    return [ln for ln in lines if DIAG.search(ln)]


@kind("pip-dry-run-report", "pkg")
def n_pip_dry_run_report(lines):
    """the "pip_version" line, every "url": line (the file chosen); ERROR/WARNING lines; under a resolver failure every ' depends on ' / 'The user requested' line"""
    out = [ln for ln in lines if '"pip_version"' in ln or re.match(r'\s*"url":', ln)]
    out += _diag(lines)
    out += [ln for ln in lines if " depends on " in ln or "The user requested" in ln]
    return out


@kind("pip-index-versions", "pkg")
def n_pip_index_versions(lines):
    """every `<pkg> (<version>)` head line, every `Available versions:`, `INSTALLED:` and `LATEST:` line; ERROR/WARNING lines"""
    out = []
    for ln in lines:
        if re.match(r"^[A-Za-z0-9][\w.-]* \([^)\s]+\)$", ln) or ln.startswith("Available versions:") \
                or re.match(r"^\s*(INSTALLED|LATEST):", ln) or DIAG.search(ln):
            out.append(ln)
    return out


def _outdated(lines):
    out = []
    in_table = False
    for i, ln in enumerate(lines):
        if DIAG.search(ln):
            out.append(ln)
            continue
        if re.match(r"^Package\s+Version\s+Latest", ln):
            out.append(ln)
            continue
        if re.match(r"^-{3,}[ -]*$", ln):
            in_table = True
            continue
        if in_table:
            if not ln.strip():
                in_table = False
                continue
            out.append(ln)
    return out


n_pip_list_outdated = cm.named(
    "pip-list-outdated", "table",
    "the header row and every package row; ERROR/WARNING lines", _outdated)
n_uv_pip_list_outdated = cm.named(
    "uv-pip-list-outdated", "table",
    "the header row and every package row; error:/warning: lines", _outdated)


HASH_HEAD = re.compile(r"THESE PACKAGES DO NOT MATCH THE HASHES|Hashes are required in --require-hashes mode|"
                       r"^[A-Z][A-Z ,.'-]{20,}")


@kind("pip-require-hashes", "pkg")
def n_pip_require_hashes(lines):
    """every ERROR line, each hash report heading, every requirement line under it and each Expected/Got line"""
    out = []
    under = False
    for ln in lines:
        if "ERROR" in ln:
            out.append(ln)
        if HASH_HEAD.search(ln):
            out.append(ln)
            under = True
            continue
        if under:
            if ln.startswith(" ") and ln.strip():
                out.append(ln)
            elif ln.strip():
                under = False
    return out


@kind("pip-hash", "listing")
def n_pip_hash(lines):
    """every `<file>:` line and every `--hash=` line"""
    return [ln for ln in lines if ln.rstrip().endswith(":") or "--hash=" in ln]


def _pdt_warnings(lines):
    """pipdeptree's warning blocks (from a `Warning!!!` / `Warning:` heading to the dashes line) and any ERROR/error line."""
    out = []
    inside = False
    idx = set()
    for i, ln in enumerate(lines):
        if re.match(r"^Warning(!!!|:)", ln):
            inside = True
            out.append(ln)
            idx.add(i)
            continue
        if inside:
            idx.add(i)
            if re.match(r"^-{10,}$", ln.strip()) or not ln.strip():
                inside = False
                continue
            out.append(ln)
    out += [ln for ln in lines if re.search(r"ERROR|\berror\b", ln)]
    return out, idx


@kind("pipdeptree-json-tree", "json")
def n_pipdeptree_json_tree(lines):
    """every top-level package's "key" line (least indentation); every line of the stderr warning blocks; ERROR/error lines"""
    keys = [(len(ln) - len(ln.lstrip()), ln) for ln in lines if re.match(r'^\s*"key": ', ln)]
    out = []
    if keys:
        least = min(k for k, _ in keys)
        out += [ln for k, ln in keys if k == least]
    out += _pdt_warnings(lines)[0]
    return out


@kind("pipdeptree-reverse", "listing")
def n_pipdeptree_reverse(lines):
    """every root line (no indentation), every `installed: ?` line; every line of the stderr warning blocks"""
    warn, idx = _pdt_warnings(lines)
    out = []
    for i, ln in enumerate(lines):
        if i in idx or not ln.strip():
            continue
        if not ln[0].isspace() and re.match(r"^[A-Za-z0-9][\w.-]*==", ln):
            out.append(ln)
        elif "installed: ?" in ln:
            out.append(ln)
    return out + warn


@kind("virtualenv-verbose", "log")
def n_virtualenv_verbose(lines):
    """ERROR/WARNING/Error/error: lines and a traceback's exception line; the created / creator / seeder / added seed packages / activators lines"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"ERROR|WARNING|Error\b|\berror:", ln):
            out.append(ln)
        if re.search(r"created virtual environment|^\s*creator |^\s*seeder |added seed packages|^\s*activators ", ln):
            out.append(ln)
        if ln.startswith("Traceback (most recent call last)"):
            for k in range(i + 1, len(lines)):
                if lines[k] and not lines[k][0].isspace():
                    out.append(lines[k])
                    break
    return out


def _uv_diag(lines):
    out = []
    inside = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(error:|warning:|×|hint:)", s):
            out.append(ln)
        if "╰─▶" in ln or s.startswith("cause:"):  # uv off a terminal writes the ╰─▶ explanation as `cause:`
            inside = True
        if inside:
            if not s:
                inside = False
                continue
            out.append(ln)
    return out


@kind("uv-pip-install-dry-run", "pkg")
def n_uv_pip_install_dry_run(lines):
    """every Resolved / Would install / Would uninstall / Would make no changes line and every +/-/~ package line; error:/warning:/×/hint: lines and the ╰─▶ explanation"""
    out = [ln for ln in lines if re.search(r"\bResolved\b|Would install|Would uninstall|Would make no changes", ln)
           or re.match(r"^\s*[+~-] [A-Za-z0-9]", ln)]
    return out + _uv_diag(lines)


@kind("uv-export", "pkg")
def n_uv_export(lines):
    """every name==version pin line; error:/warning:/× lines and the ╰─▶ explanation"""
    out = [ln for ln in lines if re.match(r"^[A-Za-z0-9][\w.-]*==\S+", ln)]
    return out + _uv_diag(lines)


# ================================================================== the brewery's packages and the index

BASE = ["mash-tun", "lauter-tun", "wort-chiller", "copper-kettle", "hop-back", "fermenter-log", "grist-mill",
        "sparge-arm", "cask-conditioner", "yeast-pitch", "bright-tank", "whirlpool-rest", "malt-hopper", "grain-bill",
        "gravity-reader", "keg-washer", "dry-hop", "kiln-roast", "liquor-tank", "hot-liquor-back", "mash-filter",
        "wort-aerator", "glycol-jacket", "heat-exchanger", "co2-scrubber", "bottling-line", "label-printer",
        "cellar-temp", "brew-log", "recipe-scaler", "ibu-calc", "srm-colour", "abv-meter", "attenuation",
        "diacetyl-rest", "cold-crash", "isinglass-finings", "priming-sugar", "spent-grain", "hop-pellet"]
PKGS = BASE + [f"brewhouse-{w}" for w in ("core", "sensors", "valves", "pumps", "recipes", "cellar", "dashboard",
                                           "scheduler", "telemetry", "cip", "taproom", "stock", "qa", "lab",
                                           "barrels", "kegs", "duty", "orders", "brewlog", "alarms")]

RNG = random.Random(42610)
UNIVERSE: dict[str, list[dict]] = {}  # name -> [{"version", "deps", "yanked"}]
MISSING = ["copper-kettle==9.9.9", "hop-back==0.0.1", "wort-chiller>=7"]


def pinned_conflict():
    """Exact pins of the newest releases whose requirements cannot hold together (wort-chiller, copper-kettle)."""
    return [f"{n}=={UNIVERSE[n][-1]['version']}" for n in ("brewhouse-taproom", "brewhouse-cellar", "brewhouse-lab")]


def _versions(r):
    major = r.randint(0, 2)
    out = []
    minor = r.randint(0, 3)
    for _ in range(r.randint(2, 7)):
        patch = r.randint(0, 4)
        out.append(f"{major}.{minor}.{patch}")
        if r.random() < 0.3:
            major += 1
            minor = 0
        else:
            minor += r.randint(1, 2)
    return out


def build_universe():
    for i, name in enumerate(PKGS):
        vers = _versions(RNG)
        rows = []
        for v in vers:
            deps = []
            if i:
                for dep in RNG.sample(PKGS[:i], min(i, RNG.randint(0, 4))):
                    dv = UNIVERSE[dep][0]["version"] if RNG.random() < 0.7 else UNIVERSE[dep][-1]["version"]
                    deps.append(f"{dep}>={dv}")
            rows.append({"version": v, "deps": deps, "yanked": None})
        if RNG.random() < 0.2 and len(rows) > 2:
            rows[-1]["yanked"] = RNG.choice(["broken wheel: mash temperature sensor inverted",
                                             "released by mistake", "CVE-2026-4261: unchecked valve command",
                                             "wrong dependency pins"])
        UNIVERSE[name] = rows
    # faults: a circular requirement, pinned conflicts, a python_version-limited dep
    UNIVERSE["mash-tun"][-1]["deps"].append("lauter-tun>=" + UNIVERSE["lauter-tun"][0]["version"])
    UNIVERSE["lauter-tun"][-1]["deps"].append("mash-tun>=" + UNIVERSE["mash-tun"][0]["version"])
    wc = UNIVERSE["wort-chiller"]
    UNIVERSE["brewhouse-taproom"][-1]["deps"].append(f"wort-chiller=={wc[0]['version']}")
    UNIVERSE["brewhouse-cellar"][-1]["deps"].append(f"wort-chiller>={wc[-1]['version']}")
    UNIVERSE["brewhouse-qa"][-1]["deps"].append('cold-crash>=0; python_version < "3.0"')
    UNIVERSE["brewhouse-lab"][-1]["deps"].append(f"copper-kettle<{UNIVERSE['copper-kettle'][0]['version']}")


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def build_wheel(d: Path, name: str, row: dict) -> Path:
    dist, ver = name.replace("-", "_"), row["version"]
    info = f"{dist}-{ver}.dist-info"
    files = {
        f"{dist}/__init__.py": f'"""{name}: part of the brewhouse control stack."""\n__version__ = "{ver}"\n',
        f"{info}/METADATA": "Metadata-Version: 2.1\n" f"Name: {name}\nVersion: {ver}\n"
        f"Summary: brewhouse {name.replace('-', ' ')} control\nRequires-Python: >=3.8\n"
        + "".join(f"Requires-Dist: {dep}\n" for dep in row["deps"]) + "\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: brewhouse-426\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{info}/top_level.txt": f"{dist}\n",
    }
    record = []
    for p, body in files.items():
        b = body.encode()
        h = base64.urlsafe_b64encode(hashlib.sha256(b).digest()).rstrip(b"=").decode()
        record.append(f"{p},sha256={h},{len(b)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\n".join(record) + "\n"
    whl = d / f"{dist}-{ver}-py3-none-any.whl"
    with zipfile.ZipFile(whl, "w", zipfile.ZIP_DEFLATED) as z:
        for p, body in files.items():
            zi = zipfile.ZipInfo(p, date_time=(2026, 12, 1, 6, 0, 0))
            z.writestr(zi, body)
    return whl


def build_index(root: Path) -> None:
    files = root / "files"
    files.mkdir(parents=True)
    simple = root / "simple"
    links = []
    for name, rows in UNIVERSE.items():
        anchors = []
        for row in rows:
            whl = build_wheel(files, name, row)
            sha = hashlib.sha256(whl.read_bytes()).hexdigest()
            row["sha256"], row["file"] = sha, whl.name
            y = f' data-yanked="{row["yanked"]}"' if row["yanked"] else ""
            anchors.append(f'<a href="../../files/{whl.name}#sha256={sha}" data-requires-python="&gt;=3.8"{y}>'
                           f'{whl.name}</a><br/>')
        (simple / _norm(name)).mkdir(parents=True)
        (simple / _norm(name) / "index.html").write_text(
            f"<!DOCTYPE html>\n<html><head><title>Links for {name}</title></head><body>\n<h1>Links for {name}</h1>\n"
            + "\n".join(anchors) + "\n</body></html>\n")
        links.append(f'<a href="{_norm(name)}/">{name}</a><br/>')
    (simple / "index.html").write_text("<!DOCTYPE html>\n<html><body>\n" + "\n".join(links) + "\n</body></html>\n")


def latest(name):
    ok = [r for r in UNIVERSE[name] if not r["yanked"]]
    return ok[-1]["version"]


def make_venv(d: Path, pins: list[str]) -> Path:
    """A venv (uv venv) with `pins` installed without their dependencies (a broken environment on purpose)."""
    cm.run(f"uv venv -q --python {VENV}/bin/python3 {d}", env=ENV, timeout=120)
    if pins:
        cm.run(f"uv pip install -q --no-deps --python {d}/bin/python --index-url {INDEX} " + " ".join(pins),
               env=ENV, timeout=300)
    return d


def old_pins(r, names):
    out = []
    for n in names:
        rows = UNIVERSE[n]
        row = r.choice(rows[:-1]) if len(rows) > 1 else rows[0]
        out.append(f"{n}=={row['version']}")
    return out


# ================================================================== steps


def step_index(tmp: Path) -> None:
    build_universe()
    build_index(tmp / "index")
    cm.start([str(VENV / "bin" / "python"), "-m", "http.server", str(PORT), "--bind", "127.0.0.1"],
             cwd=tmp / "index")
    assert cm.wait_port(PORT), "index did not start"
    cm.note(f"index: {sum(len(v) for v in UNIVERSE.values())} wheels of {len(UNIVERSE)} packages")


def cap_dry_run(tmp: Path) -> None:
    r = random.Random(42620)
    sets = [r.sample(BASE[20:], 5), r.sample(PKGS[25:], 14), PKGS[-12:],
            pinned_conflict() + ["mash-tun", "keg-washer"],
            [f"dry-hop=={UNIVERSE['dry-hop'][-1]['version']}"] + [f"{n}=={UNIVERSE[n][-1]['version']}"
                                                                 for n in PKGS if UNIVERSE[n][-1]["yanked"]][:4]]
    for j, reqs in enumerate(sets):
        d = tmp / f"dry-{j}"
        d.mkdir()
        (d / "requirements.txt").write_text("\n".join(reqs) + "\n")
        # the conflict (j == 3) runs without --quiet, which would hide pip's "The conflict is caused by" lines
        tail = ("--quiet --ignore-installed --report - --index-url {} -r requirements.txt | python3 -m json.tool"
                if j != 3 else "--ignore-installed --report - --index-url {} -r requirements.txt").format(INDEX)
        cap(f"pip-dry-run-report-{j}", f"{VENV}/bin/pip install --dry-run {tail}", d, n_pip_dry_run_report,
            typed=f"pip install --dry-run {tail}")


def cap_index_versions(tmp: Path) -> None:
    r = random.Random(42630)
    env_d = make_venv(tmp / "iv-venv", old_pins(r, BASE[:10]))
    for j, names in enumerate([BASE[:6] + ["hop-strainer"], r.sample(PKGS, 25) + ["wort-pump", "mash_tun"],
                               PKGS + ["sparge-valve", "brewhouse-bottles"]]):
        d = tmp / f"iv-{j}"
        d.mkdir()
        (d / "packages.txt").write_text("\n".join(names) + "\n")
        cmd = (f'for p in $(cat packages.txt); do {VENV}/bin/pip --python {env_d}/bin/python index versions "$p" '
               f'--index-url {INDEX}; done')
        cap(f"pip-index-versions-{j}", cmd, d, n_pip_index_versions,
            typed=f'for p in $(cat packages.txt); do pip index versions "$p" --index-url {INDEX}; done')


def cap_outdated(tmp: Path) -> None:
    r = random.Random(42640)
    for j, names in enumerate([r.sample(BASE, 12), r.sample(PKGS, 30), PKGS]):
        v = make_venv(tmp / f"od-{j}", old_pins(r, names))
        cap(f"pip-list-outdated-{j}", f"{VENV}/bin/pip --python {v}/bin/python list --outdated --index-url {INDEX}",
            tmp, n_pip_list_outdated, typed=f"pip list --outdated --index-url {INDEX}")
        cap(f"uv-pip-list-outdated-{j}",
            f"uv pip list --outdated --python {v}/bin/python --index-url {INDEX}", tmp, n_uv_pip_list_outdated,
            typed=f"uv pip list --outdated --index-url {INDEX}")


def cap_hashes(tmp: Path) -> None:
    r = random.Random(42650)
    for j, (n, wrong, missing) in enumerate([(6, 2, 1), (20, 5, 3), (55, 12, 8)]):
        d = tmp / f"hash-{j}"
        d.mkdir()
        names = r.sample(PKGS, n)
        bad = set(r.sample(names, wrong))
        miss = set(r.sample([x for x in names if x not in bad], missing))
        lines = []
        for name in names:
            row = r.choice(UNIVERSE[name])
            h = row["sha256"] if name not in bad else hashlib.sha256(f"{name}{j}".encode()).hexdigest()
            lines.append(f"{name}=={row['version']}" + ("" if name in miss else f" \\\n    --hash=sha256:{h}"))
        (d / "requirements.txt").write_text("\n".join(lines) + "\n")
        cmd = (f"{VENV}/bin/pip install --dry-run --no-deps --ignore-installed --require-hashes "
               f"--index-url {INDEX} -r requirements.txt")
        cap(f"pip-require-hashes-{j}", cmd, d, n_pip_require_hashes,
            typed=f"pip install --require-hashes --no-deps --index-url {INDEX} -r requirements.txt")


def cap_pip_hash(tmp: Path) -> None:
    for j, pat in enumerate(["mash_tun-* wort_chiller-* copper_kettle-*", "brewhouse_*", "*"]):
        cap(f"pip-hash-{j}", f"{VENV}/bin/pip hash {' '.join('files/' + p + '.whl' for p in pat.split())}",
            tmp / "index", n_pip_hash, typed=f"pip hash {' '.join('files/' + p + '.whl' for p in pat.split())}")


def cap_pipdeptree(tmp: Path) -> None:
    r = random.Random(42660)
    for j, names in enumerate([r.sample(BASE[2:], 7) + ["mash-tun", "lauter-tun"], r.sample(PKGS, 24), PKGS[:36]]):
        pins = old_pins(r, names[: len(names) // 2]) + [f"{n}=={UNIVERSE[n][-1]['version']}"
                                                          for n in names[len(names) // 2:]]
        v = make_venv(tmp / f"pdt-{j}", pins)
        cap(f"pipdeptree-json-tree-{j}", f"pipdeptree --json-tree --warn fail --python {v}/bin/python", tmp,
            n_pipdeptree_json_tree, typed="pipdeptree --json-tree --warn fail --python .venv/bin/python")
        pk = "" if j != 1 else " --packages " + ",".join(r.sample(BASE[:12], 5))
        cap(f"pipdeptree-reverse-{j}", f"pipdeptree --reverse{pk} --warn fail --python {v}/bin/python", tmp,
            n_pipdeptree_reverse, typed=f"pipdeptree --reverse{pk} --warn fail --python .venv/bin/python")


def cap_virtualenv(tmp: Path) -> None:
    runs = [("ok", "virtualenv -vv --no-periodic-update brewhouse-env"),
            ("nopy", "virtualenv -vv --no-periodic-update --python python2.9 brewhouse-py29"),
            ("sep", "virtualenv -vv --no-periodic-update 'mash:tun-env'"),
            ("file", "touch wort-env && virtualenv -vv --no-periodic-update wort-env"),
            ("pins", "virtualenv -vv --no-periodic-update --pip 99.0 --setuptools bundle copper-env")]
    for j, (tag, cmd) in enumerate(runs):
        d = tmp / f"venv-{j}"
        d.mkdir()
        cap(f"virtualenv-verbose-{tag}", cmd, d, n_virtualenv_verbose)


def cap_uv_dry(tmp: Path) -> None:
    r = random.Random(42670)
    sets = [(r.sample(BASE, 6), 0), (r.sample(PKGS[20:], 16), 6), (PKGS[-20:], 10),
            (pinned_conflict() + ["copper-kettle>=1"], 0),
            (r.sample(PKGS, 30), 30)]
    for j, (reqs, n_old) in enumerate(sets):
        v = make_venv(tmp / f"uvd-{j}", old_pins(r, reqs[:n_old]))
        d = tmp / f"uvd-{j}-p"
        d.mkdir()
        (d / "requirements.txt").write_text("\n".join(reqs) + "\n")
        up = " --upgrade" if j == 4 else ""
        cap(f"uv-pip-install-dry-run-{j}",
            f"uv pip install --dry-run{up} --python {v}/bin/python --index-url {INDEX} -r requirements.txt", d,
            n_uv_pip_install_dry_run, typed=f"uv pip install --dry-run{up} --index-url {INDEX} -r requirements.txt")


def cap_uv_export(tmp: Path) -> None:
    r = random.Random(42680)
    sets = [r.sample(BASE, 5), r.sample(PKGS, 18), PKGS[-20:] + BASE[:10],
            pinned_conflict() + ["malt-hopper", MISSING[2]]]
    for j, deps in enumerate(sets):
        d = tmp / f"uvx-{j}"
        d.mkdir()
        (d / "pyproject.toml").write_text(
            f'[project]\nname = "brewhouse-site-{j}"\nversion = "0.{j}.0"\nrequires-python = ">=3.9"\n'
            "dependencies = [\n" + "".join(f'    "{x}",\n' for x in deps) + "]\n\n"
            f'[[tool.uv.index]]\nname = "brewhouse"\nurl = "{INDEX}"\ndefault = true\n')
        cap(f"uv-export-{j}", f"uv export --format requirements-txt --python {VENV}/bin/python3", d, n_uv_export,
            typed="uv export --format requirements-txt")


STEPS = [step_index, cap_dry_run, cap_index_versions, cap_outdated, cap_hashes, cap_pip_hash, cap_pipdeptree,
         cap_virtualenv, cap_uv_dry, cap_uv_export]


def ensure_tools() -> None:
    cm.install_venv(VENV, "pipdeptree", PY_PACKAGES)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide426", sys.modules["__main__"])
    main()
