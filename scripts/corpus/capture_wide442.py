#!/usr/bin/env python3
"""Capture round 442 of the compression corpus: second samples of round 426's Python dependency kinds (pip's
`--dry-run --report -`, `pip index versions`, `pip list --outdated`, `--require-hashes`, `pip hash`, pipdeptree,
virtualenv -vv, uv's dry-run / outdated / export) against a new local PEP 503 index on 127.0.0.1:18442, and of round
429's JavaScript workspace kinds (dprint, markuplint, run-p / run-s, wireit, vitepress, changesets, api-extractor,
license-checker) on a new npm workspace: `lockflight`, a canal lock's packages (paddles, gates, lock keepers, balance
beams), seeds 44210+, with faults other than those rounds'. No rule is new: every kind's needles come from its round's
extractor, imported (NEEDLES.md "Round 442"). Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide442.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide442.json  as {"version": 2, "items": [...]}, ids prefixed "wide442-".
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
import capture_wide426 as w426  # noqa: E402
import capture_wide429 as w429  # noqa: E402

ID_PREFIX = "wide442-"
DEFAULT_OUT = HERE / "data" / "wide442.json"
TMP = Path("/dev/shm/hm-corpus-wide442-run")
TOOLS = Path("/dev/shm/hm-corpus-wide442-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
NM = JS / "node_modules"
PY_PACKAGES = ["pip", "uv", "pipdeptree", "virtualenv"]
NPM_PKGS = ["dprint", "@dprint/typescript", "@dprint/json", "@dprint/markdown", "markuplint", "npm-run-all2",
            "wireit", "vitepress", "@changesets/cli", "@microsoft/api-extractor", "typescript", "license-checker"]
PORT = 18442
INDEX = f"http://127.0.0.1:{PORT}/simple"

_SIZED = cm.Sized(400, 120_000)
# captured in the first run, left out to stay within 50 items (near repeats of a kept item's shape)
LEAVE_OUT = {"changeset-version-0", "dprint-list-different-0", "pip-list-outdated-0", "uv-pip-list-outdated-0",
             "vitepress-build-1", "api-extractor-run-0"}


def add(item_id, command, raw, extractor, tool="bash"):
    if item_id in LEAVE_OUT:
        cm.note(f"left out {item_id}: {len(raw):,} chars")
        return
    n = len(cm.ITEMS)
    _SIZED.add(item_id, command, raw, extractor, tool)
    if len(cm.ITEMS) > n and not cm.ITEMS[-1]["needles"]:  # no rule line in the output: dropped whole
        cm.note(f"drop {cm.ITEMS.pop()['id']}: no needles")


def cap_js(item_id, command, cwd, extractor, timeout=600, env=None, typed=None):
    add(item_id, typed or command, run(command, cwd=cwd, timeout=timeout, env=env), extractor)

ENV = dict(w426.ENV)
ENV.update({"PIP_CACHE_DIR": str(TOOLS / "pip-cache"), "UV_CACHE_DIR": str(TOOLS / "uv-cache"),
            "VIRTUALENV_OVERRIDE_APP_DATA": str(TOOLS / "venv-app-data")})


def cap(item_id, command, cwd, extractor, timeout=300, typed=None):
    add(item_id, typed or command, run(command, cwd=cwd, timeout=timeout, env=ENV), extractor)


# ================================================================== the canal lock's Python packages and the index

BASE = ["upper-gate", "lower-gate", "ground-paddle", "gate-paddle", "balance-beam", "lock-chamber", "bywash",
        "windlass", "mitre-cill", "tail-gate", "head-gate", "culvert-valve", "pound-level", "weir-crest",
        "bollard-line", "lock-ladder", "paddle-gear", "rack-pinion", "quoin-post", "heel-post", "sluice-board",
        "stop-plank", "overflow-weir", "towpath-log", "narrowboat-queue", "lock-flight", "side-pond", "back-pump",
        "water-budget", "gauge-board"]
PKGS = BASE + [f"lockflight-{w}" for w in ("core", "keeper", "rota", "telemetry", "alarms", "tolls", "booking",
                                            "maintenance", "signals", "levels", "winding", "stoppages", "moorings",
                                            "licences", "dashboard")]
RNG = random.Random(44210)
UNIVERSE: dict[str, list[dict]] = {}  # name -> [{"version", "deps", "yanked", "rp", "extras"}]
GHOST = "lock-chamberlain"  # named as a requirement, never published


def _versions(r):
    major, minor = r.randint(0, 3), r.randint(0, 4)
    out = []
    for _ in range(r.randint(2, 6)):
        out.append(f"{major}.{minor}.{r.randint(0, 6)}")
        if r.random() < 0.25:
            major, minor = major + 1, 0
        else:
            minor += r.randint(1, 3)
    return out


def build_universe():
    for i, name in enumerate(PKGS):
        rows = []
        for v in _versions(RNG):
            deps = []
            if i:
                for dep in RNG.sample(PKGS[:i], min(i, RNG.randint(0, 3))):
                    dv = UNIVERSE[dep][0]["version"] if RNG.random() < 0.75 else UNIVERSE[dep][-1]["version"]
                    deps.append(f"{dep}>={dv}")
            rows.append({"version": v, "deps": deps, "yanked": None, "rp": ">=3.8", "extras": []})
        UNIVERSE[name] = rows
    # faults other than round 426's
    UNIVERSE["lockflight-keeper"][-1]["deps"].append(f"{GHOST}>=1.0")          # a package the index lacks
    for n in ("weir-crest", "lockflight-telemetry", "back-pump"):                # newest needs Python 3.13
        UNIVERSE[n][-1]["rp"] = ">=3.13"
    UNIVERSE["gate-paddle"][-1]["deps"].append("sluice-board>=0")              # a three-package cycle
    UNIVERSE["sluice-board"][-1]["deps"].append("quoin-post>=0")
    UNIVERSE["quoin-post"][-1]["deps"].append("gate-paddle>=0")
    UNIVERSE["lockflight-signals"][-1]["deps"].append("balance-beam[hydraulics]>=0")  # an undefined extra
    UNIVERSE["lockflight-levels"][-1]["extras"] = ["gauges"]
    UNIVERSE["lockflight-levels"][-1]["deps"].append('gauge-board>=0; extra == "gauges"')
    UNIVERSE["side-pond"] = [dict(r, version=r["version"] + "rc1") for r in UNIVERSE["side-pond"]]  # pre-releases only
    for r in UNIVERSE["stop-plank"]:                                           # every release yanked
        r["yanked"] = "withdrawn: planks swell and jam in the grooves"
    pg = UNIVERSE["paddle-gear"]
    UNIVERSE["lockflight-rota"][-1]["deps"].append(f"paddle-gear<{pg[0]['version']}.post1")   # upper bound vs
    UNIVERSE["lockflight-winding"][-1]["deps"].append(f"paddle-gear>={pg[-1]['version']}")   # a lower bound
    UNIVERSE["towpath-log"][-1]["bad_fragment"] = True                         # wrong #sha256= in the index


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def build_wheel(d: Path, name: str, row: dict) -> Path:
    dist, ver = name.replace("-", "_"), row["version"]
    info = f"{dist}-{ver}.dist-info"
    meta = (f"Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\nSummary: canal lock {name.replace('-', ' ')}\n"
            f"Requires-Python: {row['rp']}\n" + "".join(f"Provides-Extra: {e}\n" for e in row["extras"])
            + "".join(f"Requires-Dist: {dep}\n" for dep in row["deps"]) + "\n")
    files = {f"{dist}/__init__.py": f'"""{name}: part of the lock flight\'s control."""\n__version__ = "{ver}"\n',
             f"{info}/METADATA": meta,
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: lockflight-442\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
             f"{info}/top_level.txt": f"{dist}\n"}
    record = []
    for p, body in files.items():
        h = base64.urlsafe_b64encode(hashlib.sha256(body.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{p},sha256={h},{len(body.encode())}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\n".join(record) + "\n"
    whl = d / f"{dist}-{ver}-py3-none-any.whl"
    with zipfile.ZipFile(whl, "w", zipfile.ZIP_DEFLATED) as z:
        for p, body in files.items():
            z.writestr(zipfile.ZipInfo(p, date_time=(2026, 12, 2, 7, 0, 0)), body)
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
            frag = sha if not row.get("bad_fragment") else hashlib.sha256(b"towpath").hexdigest()
            y = f' data-yanked="{row["yanked"]}"' if row["yanked"] else ""
            rp = row["rp"].replace(">", "&gt;")
            anchors.append(f'<a href="../../files/{whl.name}#sha256={frag}" data-requires-python="{rp}"{y}>'
                           f'{whl.name}</a><br/>')
        (simple / _norm(name)).mkdir(parents=True)
        (simple / _norm(name) / "index.html").write_text(
            f"<!DOCTYPE html>\n<html><head><title>Links for {name}</title></head><body>\n<h1>Links for {name}</h1>\n"
            + "\n".join(anchors) + "\n</body></html>\n")
        links.append(f'<a href="{_norm(name)}/">{name}</a><br/>')
    (simple / "index.html").write_text("<!DOCTYPE html>\n<html><body>\n" + "\n".join(links) + "\n</body></html>\n")


def newest(name):
    return UNIVERSE[name][-1]["version"]


def make_venv(d: Path, pins: list[str]) -> Path:
    """A uv venv with `pins` installed without their dependencies (a broken environment on purpose)."""
    run(f"uv venv -q --python {VENV}/bin/python3 {d}", env=ENV, timeout=120)
    if pins:
        out = run(f"uv pip install -q --no-deps --prerelease allow --python {d}/bin/python --index-url {INDEX} "
                  + " ".join(pins), env=ENV, timeout=300)
        if out.strip():
            cm.note(f"make_venv {d.name}: {out.strip()[:300]}")
    return d


def old_pins(r, names):
    out = []
    for n in names:
        rows = [x for x in UNIVERSE[n] if x["rp"] == ">=3.8"]
        row = r.choice(rows[:-1]) if len(rows) > 1 else rows[0]
        out.append(f"{n}=={row['version']}")
    return out


# ================================================================== Python steps (round 426's kinds)

def step_index(tmp: Path) -> None:
    build_universe()
    build_index(tmp / "index")
    cm.start([str(VENV / "bin" / "python"), "-m", "http.server", str(PORT), "--bind", "127.0.0.1"],
             cwd=tmp / "index")
    assert cm.wait_port(PORT), "index did not start"
    cm.note(f"index: {sum(len(v) for v in UNIVERSE.values())} wheels of {len(UNIVERSE)} packages")


def cap_dry_run(tmp: Path) -> None:
    r = random.Random(44220)
    sets = [r.sample(BASE[:20], 8) + ["weir-crest", "back-pump"],          # 3.13-only newest: older chosen
            ["lockflight-keeper", "lockflight-signals"] + r.sample(BASE, 4),  # missing package, undefined extra
            [f"lockflight-rota=={newest('lockflight-rota')}", f"lockflight-winding=={newest('lockflight-winding')}",
             "lock-ladder"],                                                  # upper vs lower bound
            PKGS[-15:] + ["side-pond", "stop-plank==" + newest("stop-plank")]]  # pre-release only, yanked pin
    for j, reqs in enumerate(sets):
        d = tmp / f"dry-{j}"
        d.mkdir()
        (d / "requirements.txt").write_text("\n".join(reqs) + "\n")
        quiet = "--quiet " if j in (0, 3) else ""
        pipe = " | python3 -m json.tool" if j in (0, 3) else ""
        tail = f"{quiet}--ignore-installed --report - --index-url {INDEX} -r requirements.txt{pipe}"
        cap(f"pip-dry-run-report-{j}", f"{VENV}/bin/pip install --dry-run {tail}", d, w426.n_pip_dry_run_report,
            typed=f"pip install --dry-run {tail}")


def cap_index_versions(tmp: Path) -> None:
    r = random.Random(44230)
    env_d = make_venv(tmp / "iv-venv", old_pins(r, BASE[10:22]))
    for j, names in enumerate([BASE[8:16] + ["side-pond", "stop-plank", GHOST, "Lock_Ladder"],
                               PKGS + ["tide-gate", "lockflight-ferry"]]):
        d = tmp / f"iv-{j}"
        d.mkdir()
        (d / "packages.txt").write_text("\n".join(names) + "\n")
        pre = " --pre" if j == 0 else ""
        cmd = (f'for p in $(cat packages.txt); do {VENV}/bin/pip --python {env_d}/bin/python index versions "$p"{pre} '
               f'--index-url {INDEX}; done')
        cap(f"pip-index-versions-{j}", cmd, d, w426.n_pip_index_versions,
            typed=f'for p in $(cat packages.txt); do pip index versions "$p"{pre} --index-url {INDEX}; done')


def cap_outdated(tmp: Path) -> None:
    r = random.Random(44240)
    for j, names in enumerate([r.sample(BASE, 14), PKGS]):
        v = make_venv(tmp / f"od-{j}", old_pins(r, names))
        cap(f"pip-list-outdated-{j}", f"{VENV}/bin/pip --python {v}/bin/python list --outdated --index-url {INDEX}",
            tmp, w426.n_pip_list_outdated, typed=f"pip list --outdated --index-url {INDEX}")
        cap(f"uv-pip-list-outdated-{j}",
            f"uv pip list --outdated --python {v}/bin/python --index-url {INDEX}", tmp, w426.n_uv_pip_list_outdated,
            typed=f"uv pip list --outdated --index-url {INDEX}")


def cap_hashes(tmp: Path) -> None:
    r = random.Random(44250)
    # sample 0: a sha256 of another version's file; sample 1: sha384 hashes, one of another version's file;
    # sample 2: towpath-log, whose index #sha256= fragment is wrong, with its file's true hash.
    # (The first run's unpinned `>=` line and `md5:` hash samples were replaced: pip 26.3 installed the unpinned
    # one without a word of complaint, and rejected md5 in 194 characters, under the floor.)
    for j, (n, fault) in enumerate([(8, "other-version"), (16, "sha384"), (22, "fragment")]):
        d = tmp / f"hash-{j}"
        d.mkdir()
        pool = [p for p in PKGS if len(UNIVERSE[p]) > 1 and p not in ("stop-plank", "towpath-log")]
        names = r.sample(pool, n)
        if fault == "fragment":
            names.insert(n // 2, "towpath-log")
        lines = []
        for k, name in enumerate(names):
            rows = UNIVERSE[name]
            row = rows[-1] if name == "towpath-log" else r.choice(rows)
            algo = "sha384" if fault == "sha384" else "sha256"
            src = row
            if fault in ("other-version", "sha384") and k == (0 if fault == "other-version" else 5):
                src = [x for x in rows if x is not row][0]
            body = (tmp / "index" / "files" / src["file"]).read_bytes()
            lines.append(f"{name}=={row['version']} \\\n    --hash={algo}:{hashlib.new(algo, body).hexdigest()}")
        (d / "requirements.txt").write_text("\n".join(lines) + "\n")
        cmd = (f"{VENV}/bin/pip install --dry-run --no-deps --ignore-installed --require-hashes "
               f"--index-url {INDEX} -r requirements.txt")
        cap(f"pip-require-hashes-{j}", cmd, d, w426.n_pip_require_hashes,
            typed=f"pip install --require-hashes --no-deps --index-url {INDEX} -r requirements.txt")


def cap_pip_hash(tmp: Path) -> None:
    for j, pat in enumerate(["lockflight_*", "*"]):
        files = " ".join("files/" + p + ".whl" for p in pat.split())
        cap(f"pip-hash-{j}", f"{VENV}/bin/pip hash --algorithm sha512 {files}" if j == 0 else f"{VENV}/bin/pip hash {files}",
            tmp / "index", w426.n_pip_hash,
            typed=f"pip hash --algorithm sha512 {files}" if j == 0 else f"pip hash {files}")


def cap_pipdeptree(tmp: Path) -> None:
    r = random.Random(44260)
    cyc = [f"{n}=={newest(n)}" for n in ("gate-paddle", "sluice-board", "quoin-post")]
    for j, names in enumerate([r.sample(BASE, 8), r.sample(PKGS, 26)]):
        names = [n for n in names if n not in ("gate-paddle", "sluice-board", "quoin-post", "side-pond", "towpath-log")]
        half = len(names) // 2
        pins = cyc + old_pins(r, names[:half]) + [f"{n}=={[x for x in UNIVERSE[n] if x['rp'] == '>=3.8'][-1]['version']}"
                                                 for n in names[half:]]
        v = make_venv(tmp / f"pdt-{j}", pins)
        cap(f"pipdeptree-json-tree-{j}", f"pipdeptree --json-tree --warn fail --python {v}/bin/python", tmp,
            w426.n_pipdeptree_json_tree, typed="pipdeptree --json-tree --warn fail --python .venv/bin/python")
        pk = "" if j == 0 else " --packages " + ",".join(r.sample(BASE[:15], 6))
        cap(f"pipdeptree-reverse-{j}", f"pipdeptree --reverse{pk} --warn fail --python {v}/bin/python", tmp,
            w426.n_pipdeptree_reverse, typed=f"pipdeptree --reverse{pk} --warn fail --python .venv/bin/python")


def cap_virtualenv(tmp: Path) -> None:
    runs = [("noseed", "virtualenv -vv --no-periodic-update --no-seed --prompt lock-flight paddle-env"),
            ("activator", "virtualenv -vv --no-periodic-update --activators bash,tcsh gate-env"),
            ("nopath", "virtualenv -vv --no-periodic-update --python /opt/canal/bin/python3.7 keeper-env"),
            ("underfile", "touch pound && virtualenv -vv --no-periodic-update pound/weir-env"),
            ("clear", "virtualenv -q --no-periodic-update cill-env && virtualenv -vv --no-periodic-update --clear "
                      "--system-site-packages --symlinks cill-env")]
    for j, (tag, cmd) in enumerate(runs):
        d = tmp / f"venv-{j}"
        d.mkdir()
        cap(f"virtualenv-verbose-{tag}", cmd, d, w426.n_virtualenv_verbose)


def cap_uv_dry(tmp: Path) -> None:
    r = random.Random(44270)
    sets = [(["lockflight-telemetry", "weir-crest"] + r.sample(BASE, 5), 3, ""),       # 3.13-only newest
            (["lockflight-keeper"] + r.sample(PKGS[30:], 6), 0, ""),                    # a missing package
            ([f"lockflight-rota=={newest('lockflight-rota')}", "lockflight-winding>=0"], 0, ""),
            (r.sample(PKGS, 24) + ["side-pond"], 24, " --upgrade --prerelease allow")]
    for j, (reqs, n_old, extra) in enumerate(sets):
        reqs = [x for x in reqs if x != "stop-plank"]
        v = make_venv(tmp / f"uvd-{j}", old_pins(r, [x for x in reqs[:n_old] if "==" not in x and x != "side-pond"]))
        d = tmp / f"uvd-{j}-p"
        d.mkdir()
        (d / "requirements.txt").write_text("\n".join(reqs) + "\n")
        cap(f"uv-pip-install-dry-run-{j}",
            f"uv pip install --dry-run{extra} --python {v}/bin/python --index-url {INDEX} -r requirements.txt", d,
            w426.n_uv_pip_install_dry_run, typed=f"uv pip install --dry-run{extra} --index-url {INDEX} -r requirements.txt")


def cap_uv_export(tmp: Path) -> None:
    r = random.Random(44280)
    sets = [(r.sample(BASE, 8) + ["lockflight-levels[gauges]"], ">=3.9", ""),
            (PKGS[-15:] + r.sample(BASE, 6), ">=3.9", " --no-hashes --no-emit-project"),
            (["weir-crest>=" + newest("weir-crest"), "upper-gate"], ">=3.9", ""),       # needs 3.13
            (["lockflight-keeper", "lockflight-signals", "bywash"], ">=3.9", "")]       # missing package
    for j, (deps, rp, extra) in enumerate(sets):
        d = tmp / f"uvx-{j}"
        d.mkdir()
        (d / "pyproject.toml").write_text(
            f'[project]\nname = "lockflight-site-{j}"\nversion = "0.{j}.0"\nrequires-python = "{rp}"\n'
            "dependencies = [\n" + "".join(f'    "{x}",\n' for x in deps) + "]\n\n"
            f'[[tool.uv.index]]\nname = "lockflight"\nurl = "{INDEX}"\ndefault = true\n')
        cap(f"uv-export-{j}", f"uv export --format requirements-txt{extra} --python {VENV}/bin/python3", d,
            w426.n_uv_export, typed=f"uv export --format requirements-txt{extra}")


# ================================================================== the JavaScript workspace (round 429's kinds)

NAMES = ["upper-gate", "lower-gate", "ground-paddle", "gate-paddle", "balance-beam", "lock-chamber", "bywash",
         "windlass", "mitre-cill", "lock-keeper", "culvert", "side-pond", "tail-gate", "head-gate", "quoin-post",
         "towpath", "stop-plank", "weir"]
WORDS = ["paddle", "gate", "cill", "pound", "level", "beam", "culvert", "boat", "keeper", "windlass", "flight",
         "chamber", "sluice", "rise", "fall", "queue", "bollard", "ladder"]


def ts_module(rnd: random.Random, name: str, n: int) -> str:
    parts = [f"// {name}: lock {rnd.choice(WORDS)} helpers\n"]
    for k in range(n):
        w, w2 = rnd.choice(WORDS), rnd.choice(WORDS)
        parts.append(
            f"export type {w.title()}{k}State = {{\n  id: string;\n  {w2}Cm: number;\n  open: boolean;\n}};\n\n"
            f"export const fill{w.title()}{k} = (s: {w.title()}{k}State, targetCm: number): number => {{\n"
            f"  const rise = targetCm - s.{w2}Cm;\n  if (rise > {rnd.randint(20, 180)}) {{\n"
            f"    throw new Error(\"{w} {k}: rise too fast for the chamber\");\n  }}\n  return rise;\n}};\n\n")
    return "".join(parts)


def misformat(rnd: random.Random, text: str) -> str:
    """Faults other than round 429's: tab indentation, over-long joined lines, spaces inside braces, blank runs."""
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        ln = lines[i]
        r = rnd.random()
        if r < 0.15:
            ln = ln.replace("  ", "\t")
        elif r < 0.22 and i + 2 < len(lines):
            ln = " ".join(x.strip() for x in lines[i:i + 3])
            i += 2
        elif r < 0.3:
            ln = ln.replace("{", "{   ").replace("}", "   }")
        elif r < 0.34:
            out.append("")
            out.append("")
        out.append(ln)
        i += 1
    return "\n".join(out) + "\n"


def make_dprint(root: Path, seed: int, n_files: int, share: float, broken: int) -> None:
    rnd = random.Random(seed)
    files = {"dprint.json": w429.dprint_cfg().replace(str(w429.NM), str(NM))}
    for i in range(n_files):
        pk = NAMES[i % len(NAMES)]
        files[f"packages/{pk}/src/{rnd.choice(WORDS)}-{i:02}.ts"] = ts_module(rnd, pk, rnd.randint(1, 4))
        if i % 3 == 0:
            files[f"packages/{pk}/levels-{i:02}.json"] = json.dumps(
                {"lock": pk, "riseCm": rnd.randint(120, 420), "paddles": ["ground", "gate"]}, indent=2) + "\n"
        if i % 6 == 0:
            files[f"packages/{pk}/NOTES-{i:02}.md"] = (f"{pk}\n===\n\nWorking the {pk}.\n\n* draw paddles\n"
                                                       "+ open gate\n-  close gate\n")
    write_tree(root, files)
    run("dprint fmt", cwd=root, timeout=120)
    rnd2 = random.Random(seed + 1)
    srcs = sorted(root.glob("packages/*/src/*.ts")) + sorted(root.glob("packages/*/*.json"))
    for p in srcs:
        if rnd2.random() < share:
            p.write_text(misformat(rnd2, p.read_text()))
    for p in srcs[:broken]:
        p.write_text(p.read_text() + "\nexport const keeperNote = `paddle ${gate\n")
    for p in sorted(root.glob("packages/*/*.md"))[:2]:
        p.write_text(p.read_text() + "\n\n\n|col|x|\n|-|-|\n|a|b|\n")


def cap_dprint(tmp: Path) -> None:
    for k, (seed, n, share, broken) in enumerate([(44210, 24, 0.45, 1), (44211, 70, 0.3, 2)]):
        root = tmp / f"dprint{k}"
        make_dprint(root, seed, n, share, broken)
        cap_js(f"dprint-check-{k}", "dprint check", root, w429.n_dprint_check, timeout=180)
        cap_js(f"dprint-list-different-{k}", "dprint check --list-different", root, w429.n_dprint_list_different,
               timeout=180)


def html_page(rnd: random.Random, title: str, faults: int, doctype: bool) -> str:
    rows = [f"      <li>{rnd.choice(NAMES)}: rise {rnd.randint(120, 420)} cm</li>" for _ in range(rnd.randint(3, 9))]
    bad = ['<select name="lock"><option>Upper</option></select>',
           '<iframe src="levels.html"></iframe>',
           '<a href="/a"><a href="/b">nested</a></a>',
           '<center>Lock closed</center>',
           '<marquee>Stoppage on the flight</marquee>',
           '<meta name="keeper" content="on duty">',
           '<div aria-hidden="true"><button>Draw paddle</button></div>',
           '<table><tr><th></th></tr></table>',
           '<img src="gate.jpg" alt="">',
           '<form><input type="checkbox"></form>',
           '<main>second main</main>',
           '<div role="buton">Open gate</div>']
    body = [rnd.choice(bad) for _ in range(faults)]
    head = "<!DOCTYPE html>\n" if doctype else ""
    return (head + "<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
            f"  <title>{title}</title>\n</head>\n<body>\n  <h1>{title}</h1>\n  <main>\n    <ul>\n"
            + "\n".join(rows) + "\n    </ul>\n    " + "\n    ".join(body) + "\n  </main>\n</body>\n</html>\n")


def cap_markuplint(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(44220, 12), (44221, 60)]):
        rnd = random.Random(seed)
        root = tmp / f"markup{k}"
        files = {".markuplintrc": json.dumps({"extends": ["markuplint:recommended"]})}
        for i in range(n):
            nm = NAMES[i % len(NAMES)]
            files[f"site/{nm}-{i:02}.html"] = html_page(rnd, f"Lock flight: {nm}", rnd.randint(1, 5), i % 7 != 3)
        write_tree(root, files)
        cap_js(f"markuplint-{k}", 'markuplint "site/**/*.html"', root, w429.n_markuplint, timeout=240)


PADDLES_JS = """
const n = Number(process.argv[2] || 10);
const paddles = [];
for (let i = 0; i < n; i++) paddles.push(i % 5 === 4 ? undefined : { id: `paddle-${i}`, drawn: i % 2 === 0 });
for (const p of paddles) {
  console.log(`paddle ${p.id}: ${p.drawn ? "drawn" : "down"}`);
}
"""

LEVELS_JS = """
const n = Number(process.argv[2] || 10);
let diff = 0;
for (let i = 0; i < n; i++) {
  diff = (i * 37) % 23;
  console.log(`pound ${i}: level difference ${diff} cm`);
}
if (diff > 5) {
  console.error(`levels not equal across the gate (${diff} cm): gate stays shut`);
  process.exit(3);
}
"""

GATES_TEST_JS = """
const test = require("node:test");
const assert = require("node:assert");
for (let i = 0; i < %d; i++) {
  test(`gate ${i} sequence`, () => {
    const got = { gate: i, paddles: i %% 4 === 1 ? ["ground", "gate"] : ["ground"] };
    assert.deepStrictEqual(got, { gate: i, paddles: ["ground"] });
  });
}
"""

QUEUE_JS = """
const n = Number(process.argv[2] || 10);
for (let i = 0; i < n; i++) console.log(`boat ${i} queued for the flight`);
"""


def runner_ws(root: Path, n: int, extra: dict | None = None) -> None:
    pkg = {"name": "lockflight", "version": "1.0.0", "private": True,
           "scripts": {"queue:boats": f"node scripts/queue.js {n}", "check:paddles": f"node scripts/paddles.js {n}",
                       "check:levels": f"node scripts/levels.js {n}", "test:gates": "node --test test/"}}
    if extra:
        pkg.update(extra)
    write_tree(root, {"package.json": json.dumps(pkg, indent=2), "scripts/paddles.js": PADDLES_JS,
                      "scripts/levels.js": LEVELS_JS, "scripts/queue.js": QUEUE_JS,
                      "test/gates.test.js": GATES_TEST_JS % n})


def cap_runners(tmp: Path) -> None:
    for k, n in enumerate([10, 40]):
        root = tmp / f"runp{k}"
        runner_ws(root, n)
        cap_js(f"run-p-{k}", "run-p --continue-on-error --print-label queue:* check:* test:*", root, w429.n_run_p,
               timeout=180)
        cmd = "run-s --continue-on-error queue:* check:* test:*" if k == 0 else "run-s queue:* gauge:* check:*"
        cap_js(f"run-s-{k}", cmd, root, w429.n_run_s, timeout=180)


def cap_wireit(tmp: Path) -> None:
    for k, n in enumerate([12, 40]):
        root = tmp / f"wireit{k}"
        if k == 0:   # a dependency cycle
            wi = {"build": {"command": f"node scripts/queue.js {n}", "dependencies": ["check"]},
                  "check": {"command": f"node scripts/levels.js {n}", "dependencies": ["test"]},
                  "test": {"command": "node --test test/", "dependencies": ["build"]}}
        else:        # a dependency naming a missing script, a failing check, a failing test
            wi = {"build": {"command": f"node scripts/queue.js {n}", "dependencies": ["paddles", "levels", "test", "gauges"]},
                  "paddles": {"command": f"node scripts/paddles.js {n}"},
                  "levels": {"command": f"node scripts/levels.js {n}"},
                  "test": {"command": "node --test test/"}}
        runner_ws(root, n, {"wireit": wi})
        pj = json.loads((root / "package.json").read_text())
        pj["scripts"].update({s: "wireit" for s in wi})
        (root / "package.json").write_text(json.dumps(pj, indent=2))
        env = {"WIREIT_CACHE": "none", "WIREIT_PARALLEL": "1", "WIREIT_FAILURES": "continue"}
        cap_js(f"wireit-run-{k}", "npm run build", root, w429.n_wireit, timeout=240, env=env)
        if k == 1:   # the missing script removed: the failing dependencies alone
            wi["build"]["dependencies"].remove("gauges")
            pj["wireit"] = wi
            (root / "package.json").write_text(json.dumps(pj, indent=2))
            cap_js("wireit-run-2", "npm run build", root, w429.n_wireit, timeout=240, env=env)


def cap_vitepress(tmp: Path) -> None:
    for k, (seed, n, fault) in enumerate([(44230, 10, "component"), (44231, 40, "image"), (44232, 60, "relative")]):
        rnd = random.Random(seed)
        root = tmp / f"vp{k}"
        files = {"package.json": json.dumps({"name": "lockflight-docs", "private": True, "type": "module"}),
                 "docs/.vitepress/config.mjs": "export default {\n  title: 'Lock flight',\n"
                 "  description: 'Paddles, gates and lock keepers',\n}\n",
                 "docs/index.md": "---\nlayout: home\nhero:\n  name: Lock flight\n---\n\n# Lock flight\n"}
        pages = [f"keepers/{NAMES[i % len(NAMES)]}-{i:02}" for i in range(n)]
        for i, p in enumerate(pages):
            links = [f"[{q}](/{q})" for q in rnd.sample(pages, min(3, len(pages)))]
            body = f"\n# {p}\n\nHow to work the {rnd.choice(WORDS)} of the lock.\n\n"
            if fault == "component" and i == 2:
                body = "<script setup>\nimport PaddleGauge from '../components/PaddleGauge.vue'\n</script>\n" + body \
                       + "\n<PaddleGauge :level=\"42\" />\n"
            if fault == "image" and i in (3, 7):
                body += f"\n![gate at {p}](./img/{NAMES[i]}.png)\n"
            if fault == "relative" and i % 4 == 1:
                links.append(f"[previous lock](./{rnd.choice(WORDS)}-{rnd.randint(100, 999)})")
                links.append(f"[keeper's hut](../huts/{rnd.choice(NAMES)})")
            files[f"docs/{p}.md"] = f"---\ntitle: {p}\n---\n" + body + "\n".join(f"- {x}" for x in links) + "\n"
        write_tree(root, files)
        run(f"ln -s {NM} node_modules", cwd=root)
        cap_js(f"vitepress-build-{k}", "npx vitepress build docs", root, w429.n_vitepress, timeout=400)


def cap_changesets(tmp: Path) -> None:
    for k, (seed, n, fault) in enumerate([(44240, 8, "ignore"), (44241, 14, "empty"), (44242, 12, "fixed")]):
        rnd = random.Random(seed)
        root = tmp / f"cs{k}"
        pk = [f"@lockflight/{NAMES[i]}" for i in range(n)]
        conf = {"changelog": False, "commit": False, "access": "restricted", "baseBranch": "main",
                "updateInternalDependencies": "patch", "fixed": [], "linked": [], "ignore": []}
        if fault == "ignore":
            conf["ignore"] = ["@lockflight/swing-bridge"]
        if fault == "fixed":
            conf["fixed"] = [[pk[0], pk[1], "@lockflight/boat-lift"]]
        files = {"package.json": json.dumps({"name": "lockflight", "private": True, "version": "0.0.0",
                                             "workspaces": ["packages/*"]}, indent=2),
                 ".changeset/config.json": json.dumps(conf, indent=2)}
        for i, p in enumerate(pk):
            deps = {pk[j]: "^2.0.0" for j in range(i) if rnd.random() < 0.35}
            files[f"packages/{NAMES[i]}/package.json"] = json.dumps(
                {"name": p, "version": f"2.{rnd.randint(0, 9)}.{rnd.randint(0, 9)}", "dependencies": deps}, indent=2)
        write_tree(root, files)
        run("git init -q -b main && git add -A && git -c user.email=a@b -c user.name=r442 commit -qm init && "
            "git checkout -q -b feature", cwd=root)
        names = ["wet-paddles-drop", "slow-gates-swing", "long-boats-wait", "deep-pounds-fill", "old-keepers-walk",
                 "bright-beams-turn", "stiff-cills-hold"]
        for c in range(min(len(names), 2 + n // 3)):
            chosen = rnd.sample(pk, rnd.randint(1, 4))
            front = "\n".join(f'"{p}": {rnd.choice(["patch", "patch", "minor", "major"])}' for p in chosen)
            if fault == "empty" and c == 1:
                front = ""
            (root / ".changeset" / f"{names[c]}.md").write_text(
                f"---\n{front}\n---\n\nThe {rnd.choice(WORDS)} is checked before a boat enters.\n")
        run("git add -A && git -c user.email=a@b -c user.name=r442 commit -qm changes", cwd=root)
        run(f"ln -s {NM} node_modules", cwd=root)
        cap_js(f"changeset-status-verbose-{k}", "npx changeset status --verbose", root, w429.n_changeset_status,
               timeout=120)
        cap_js(f"changeset-version-{k}", "npx changeset version", root, w429.n_changeset_version, timeout=120)


def dts(rnd: random.Random, n: int) -> str:
    out = ["/**\n * Lock flight control API.\n * @packageDocumentation\n */\n",
           "/** @beta */\nexport interface PaddleState {\n  drawn: boolean;\n  ratchet: number;\n}\n"]
    for i in range(n):
        w = rnd.choice(WORDS).title()
        r = i % 5
        if r == 0:    # @internal without an underscore
            out.append(f"/** @internal */\nexport declare function keeper{w}{i}(id: string): void;\n")
        elif r == 1:  # a @public API exposing a @beta type
            out.append(f"/**\n * Reads the {w.lower()} paddles.\n * @public\n */\n"
                       f"export declare function read{w}{i}(lock: string): PaddleState;\n")
        elif r == 2:  # an undefined TSDoc tag
            out.append(f"/**\n * Opens the {w.lower()} gate.\n * @gatekeeper north\n * @public\n */\n"
                       f"export declare class {w}Gate{i} {{\n  open(): void;\n  readonly riseCm: number;\n}}\n")
        elif r == 3:  # @param for a parameter that does not exist
            out.append(f"/**\n * Fills the {w.lower()} chamber.\n * @param chamber - the chamber\n"
                       f" * @param depthCm - target depth\n * @public\n */\n"
                       f"export declare function fill{w}{i}(chamber: string): number;\n")
        else:
            out.append(f"/** Level of pound {i}. @public */\nexport declare const {w.upper()}_POUND_{i}: number;\n")
    return "\n".join(out)


def cap_api_extractor(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(44250, 12), (44251, 80)]):
        rnd = random.Random(seed)
        root = tmp / f"ae{k}"
        write_tree(root, {
            "package.json": json.dumps({"name": f"@lockflight/control-{k}", "version": "3.0.0",
                                        "types": "dist/index.d.ts"}),
            "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "declaration": True, "module": "commonjs",
                                                             "target": "es2020"}, "include": ["dist"]}),
            "api-extractor.json": json.dumps({
                "mainEntryPointFilePath": "<projectFolder>/dist/index.d.ts",
                "apiReport": {"enabled": True, "reportFolder": "<projectFolder>/etc/"},
                "docModel": {"enabled": False}, "dtsRollup": {"enabled": False},
                "messages": {"extractorMessageReporting": {"default": {"logLevel": "warning"},
                                                           "ae-incompatible-release-tags": {"logLevel": "error"}},
                             "tsdocMessageReporting": {"default": {"logLevel": "warning"}}}}, indent=2),
            "dist/index.d.ts": dts(rnd, n)})
        (root / "etc").mkdir()
        run(f"ln -s {NM} node_modules", cwd=root)
        cap_js(f"api-extractor-run-{k}", "npx api-extractor run --local --verbose", root, w429.n_api_extractor_run,
               timeout=240)
        rep = list((root / "etc").glob("*.api.md"))
        if rep:
            rel = rep[0].relative_to(root)
            cap_js(f"api-extractor-report-{k}", f"cat {rel}", root, w429.n_api_report, timeout=30)


def cap_licenses(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(44260, 30), (44261, 120)]):
        rnd = random.Random(seed)
        root = tmp / f"lic{k}"
        deps, files = {}, {}
        for i in range(n):
            nm = f"{rnd.choice(WORDS)}-{rnd.choice(['tools', 'core', 'fmt', 'kit', 'log', 'cli'])}-{i}"
            lic = rnd.choices(["MIT", "Apache-2.0", "ISC", "(MIT OR GPL-3.0)", "GPL-3.0-only", "ARRAY", None,
                               "UNLICENSED", "BlueOak-1.0.0"], [55, 14, 10, 4, 3, 3, 6, 2, 3])[0]
            pj = {"name": nm, "version": f"{rnd.randint(0, 7)}.{rnd.randint(0, 30)}.{rnd.randint(0, 9)}"}
            if lic == "ARRAY":
                pj["licenses"] = [{"type": "BSD", "url": "https://example.invalid/bsd"}, {"type": "MIT"}]
            elif lic:
                pj["license"] = lic
            files[f"node_modules/{nm}/package.json"] = json.dumps(pj)
            if lic is None:
                if rnd.random() < 0.4:
                    files[f"node_modules/{nm}/README.md"] = f"# {nm}\n\n## License\n\nApache License 2.0\n"
                elif rnd.random() < 0.5:
                    files[f"node_modules/{nm}/LICENCE"] = "ISC License\n\nPermission to use, copy, modify.\n"
            deps[nm] = pj["version"]
        for j in range(4):
            wn = f"@lockflight/{NAMES[j]}"
            files[f"node_modules/{wn}/package.json"] = json.dumps({"name": wn, "version": "2.0.0", "private": True})
            deps[wn] = "2.0.0"
        files["package.json"] = json.dumps({"name": "lockflight", "version": "2.0.0", "license": "MIT",
                                            "dependencies": deps}, indent=2)
        write_tree(root, files)
        cap_js(f"license-checker-summary-{k}", "license-checker --summary", root, w429.n_license_summary, timeout=120)
        cap_js(f"license-checker-json-{k}", "license-checker --json", root, w429.n_license_json, timeout=120)


STEPS = [step_index, cap_dry_run, cap_index_versions, cap_outdated, cap_hashes, cap_pip_hash, cap_pipdeptree,
         cap_virtualenv, cap_uv_dry, cap_uv_export,
         cap_dprint, cap_markuplint, cap_runners, cap_wireit, cap_vitepress, cap_changesets, cap_api_extractor,
         cap_licenses]


def ensure_tools() -> None:
    cm.install_venv(VENV, "pipdeptree", PY_PACKAGES)
    cm.install_npm(JS, "license-checker", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(NM / ".bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide442", sys.modules["__main__"])
    main()
