"""Capture round 764 of the compression corpus: dependency, licence and SBOM reports (pip-audit's JSON and CycloneDX
formats, pip-licenses' markdown and JSON, pipdeptree's flat JSON and mermaid, reuse lint's JSON and line formats and
reuse spdx, license-checker-rseidelsohn's summary and markdown) on a pin factory's environments and repositories
written here (`pinworks`: drawers, pointers, headers, whiteners, papering; seed 76410). Needle rules: NEEDLES.md's
"Round 764" section.

Usage:   .venv/bin/python scripts/corpus/capture_wide764.py
Writes:  scripts/corpus/data/wide764.json, ids prefixed "wide764-".
Tools:   /dev/shm/hm-corpus-wide764/venv: pip-audit 2.10.1, pip-licenses 5.5.5, pipdeptree 4.2.16, reuse 6.2.0;
         /dev/shm/hm-corpus-wide764/js: license-checker-rseidelsohn."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, run  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide764-"
DEFAULT_OUT = HERE / "data" / "wide764.json"
TOOLS = Path("/dev/shm/hm-corpus-wide764")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
TMP = Path("/dev/shm/hm-corpus-wide764-run")
SEED = 76410
PY_TOOLS = ["pip-audit==2.10.1", "pip-licenses==5.5.5", "pipdeptree==4.2.16", "reuse==6.2.0"]
NPM_TOOLS = ["license-checker-rseidelsohn@4.4.2"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

ODD_LICENCE = re.compile(r"GPL|MPL|EPL|CDDL|SSPL|Artistic|Custom|Proprietary|UNLICENSED|Unlicense|Public Domain|Other",
                         re.I)


def _val(ln: str) -> str:
    m = re.match(r'^\s*"[^"]+":\s*"(.*)",?$', ln)
    return m.group(1) if m else ""


def _log_lines(lines):
    return groups((cm.mask(ln), ln) for ln in lines if re.match(r"^(WARNING|ERROR)\b", ln))


@kind("pip-audit-json", "pkg")
def n_pip_audit_json(lines):
    """WARNING/ERROR log lines one any per shape; every vulnerability "id" line; "name" and "skip_reason" lines of every dependency with vulns or a skip"""
    out = list(_log_lines(lines))
    name = None
    in_vulns = False
    for ln in lines:
        s = ln.strip()
        if re.match(r'^"name":', s):
            name = ln
        elif s.startswith('"vulns": [') and not s.endswith("[]") and not s.endswith("[],"):
            in_vulns = True
            if name:
                out.append(name)
        elif in_vulns and s.startswith('"id":'):
            out.append(ln)
        elif s.startswith('"skip_reason":'):
            if name:
                out.append(name)
            out.append(ln)
        if s.startswith("]") and in_vulns and len(ln) - len(ln.lstrip()) <= 12:
            pass
    return out


@kind("pip-audit-cyclonedx", "pkg")
def n_pip_audit_cdx(lines):
    """"specVersion" line, every distinct "purl" line, every vulnerability "id" line; WARNING log lines one any per shape"""
    out = list(_log_lines(lines))
    in_v = False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"specVersion":') or s.startswith('"purl":'):
            out.append(ln)
        elif s.startswith('"vulnerabilities": ['):
            in_v = True
        elif in_v and s.startswith('"id":'):
            out.append(ln)
    return out


def _table_odd(rows, col):
    """rows whose column `col` is anomalous: the licence pattern, UNKNOWN/empty, or rule 4's rare value."""
    vals = [r[1][col] if col < len(r[1]) else "" for r in rows]
    cnt = {v: vals.count(v) for v in vals}
    common = max(cnt.values()) if cnt else 0
    out = []
    for (ln, cells), v in zip(rows, vals):
        if (not v.strip() or v.strip() == "UNKNOWN" or ODD_LICENCE.search(v)
                or (cnt[v] <= 2 and common * 2 >= len(rows))):
            out.append(ln)
    return out


@kind("pip-licenses-markdown", "table")
def n_pip_licenses_md(lines):
    """header row; every row whose licence is UNKNOWN/empty/copyleft-or-unusual, or rare while one value covers half"""
    rows, header, col = [], None, None
    for ln in lines:
        if not ln.startswith("|"):
            continue
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if header is None:
            header = ln
            col = next((i for i, c in enumerate(cells) if c.lower() == "license"), None)
            continue
        if set(ln.replace("|", "").strip()) <= set("-: "):
            continue
        rows.append((ln, cells))
    if header is None or col is None:
        return []
    return [header] + _table_odd(rows, col)


@kind("pip-licenses-json", "json")
def n_pip_licenses_json(lines):
    """"Name" and "License" lines of every record whose licence is UNKNOWN/empty/copyleft-or-unusual or rare (rule 4)"""
    recs, cur = [], None
    for ln in lines:
        s = ln.strip()
        if s.startswith("{"):
            cur = {}
            recs.append(cur)
        elif cur is not None and s.startswith('"Name":'):
            cur["name"] = ln
        elif cur is not None and s.startswith('"License":'):
            cur["lic"] = ln
    recs = [r for r in recs if "name" in r]
    rows = [(r, [_val(r.get("lic", ""))]) for r in recs]
    out = []
    for r in _table_odd(rows, 0):
        out.append(r["name"])
        if r.get("lic"):
            out.append(r["lic"])
    return out


def _pdt_warnings(lines):
    out, inblock = [], False
    for ln in lines:
        if re.match(r"^Warning(!!!| ?:)", ln) or ln.startswith("Warning"):
            out.append(ln)
            inblock = True
        elif inblock and re.match(r"^(\* |\s+- )\S", ln):
            out.append(ln)
        elif inblock and ln.startswith("-" * 10):
            continue
        elif inblock and (ln.startswith("[") or ln.startswith("{") or ln.startswith("flowchart")
                          or ln.startswith("graph")):
            inblock = False
    return out


@kind("pipdeptree-json", "json")
def n_pipdeptree_json(lines):
    """stderr warning lines; "package_name" of every top-level entry with a missing dependency, and that dependency's "package_name\""""
    out = _pdt_warnings(lines)
    top, dep_name = None, None
    for ln in lines:
        s = ln.strip()
        ind = len(ln) - len(ln.lstrip())
        if s.startswith('"package_name":'):
            if ind <= 12:
                top = ln
            else:
                dep_name = ln
        elif s.startswith('"installed_version": "?"') and ind > 12:
            if top:
                out.append(top)
            if dep_name:
                out.append(dep_name)
    return out


@kind("pipdeptree-mermaid", "code")
def n_pipdeptree_mermaid(lines):
    """the flowchart/graph line; node lines holding (missing); dotted (-.->) edge lines; stderr warning lines"""
    out = _pdt_warnings(lines)
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(flowchart|graph)\b", s) or "(missing)" in s or "-.->" in s:
            out.append(ln)
    return out


@kind("reuse-lint-json", "lint")
def n_reuse_lint_json(lines):
    """every string line inside "non_compliant"; every non-zero count line in "summary" and its "compliant" line"""
    out, sect, depth = [], None, 0
    for ln in lines:
        s = ln.strip()
        if s.startswith('"non_compliant":'):
            sect, depth = "nc", len(ln) - len(ln.lstrip())
            continue
        if s.startswith('"summary":'):
            sect, depth = "sum", len(ln) - len(ln.lstrip())
            continue
        ind = len(ln) - len(ln.lstrip())
        if sect and ind <= depth and s.startswith("}"):
            sect = None
            continue
        if sect == "nc" and (s.startswith('"') and (s.endswith('",') or s.endswith('"')) and ":" not in s.split('"')[2]
                             if s.count('"') == 2 else False):
            out.append(ln)
        elif sect == "nc" and re.match(r'^"[^"]+": \[$', s):
            out.append(ln)
        elif sect == "sum" and (re.match(r'^"\w+": [1-9]\d*,?$', s) or s.startswith('"compliant":')):
            out.append(ln)
        elif sect == "sum" and re.match(r'^"\w+": \[$', s):
            pass
    return out


@kind("reuse-lint-lines", "lint")
def n_reuse_lint_lines(lines):
    """every line (each is a finding)"""
    return [ln for ln in lines if ln.strip()]


@kind("reuse-spdx", "json")
def n_reuse_spdx(lines):
    """DocumentName/Created lines; FileName of every file with NONE/NOASSERTION licence or copyright, that line as any; LicenseID lines"""
    out = []
    cur = None
    for ln in lines:
        if ln.startswith("DocumentName:") or ln.startswith("Created:") or ln.startswith("LicenseID:"):
            out.append(ln)
        elif ln.startswith("FileName:"):
            cur = ln
        elif cur and re.match(r"^(LicenseInfoInFile|FileCopyrightText): (NONE|NOASSERTION)", ln):
            out.append(cur)
            out.append({"any": [ln]})
    return out


@kind("license-checker-summary", "pkg")
def n_lc_summary(lines):
    """every licence line with its count"""
    return [ln for ln in lines if re.match(r"^[├└│─\s]*\S.*: \d+$", ln)]


@kind("license-checker-markdown", "table")
def n_lc_markdown(lines):
    """first package line; every package line whose licence is UNKNOWN/UNLICENSED/guessed (*) or copyleft-or-unusual"""
    out, first = [], None
    for ln in lines:
        m = re.match(r"^- \[(.+?)\]\(.*?\) - (.*)$", ln) or re.match(r"^- \[(.+?)\] - (.*)$", ln) \
            or re.match(r"^- (\S+@\S+) - (.*)$", ln)
        if not m:
            continue
        if first is None:
            first = ln
            out.append(ln)
        lic = m.group(2)
        if "UNKNOWN" in lic or "*" in lic or ODD_LICENCE.search(lic):
            out.append(ln)
    return out


# ------------------------------------------------------------------ material

POOL = [  # (name, version) of pure-Python wheels, old pins; licences of several kinds
    ("requests", "2.19.1"), ("urllib3", "1.24.1"), ("idna", "2.7"), ("chardet", "3.0.4"), ("certifi", "2018.4.16"),
    ("six", "1.11.0"), ("python-dateutil", "2.7.3"), ("pytz", "2018.5"), ("jinja2", "2.10"), ("markupsafe", "2.1.3"),
    ("flask", "1.0.2"), ("werkzeug", "0.14.1"), ("itsdangerous", "0.24"), ("click", "6.7"), ("pyyaml", "6.0.1"),
    ("docutils", "0.14"), ("pylint", "2.1.1"), ("astroid", "2.0.4"), ("text-unidecode", "1.2"), ("tqdm", "4.26.0"),
    ("pathspec", "0.5.9"), ("html5lib", "1.0.1"), ("webencodings", "0.5.1"), ("pycparser", "2.18"), ("ply", "3.11"),
    ("pyparsing", "2.2.0"), ("attrs", "18.1.0"), ("packaging", "17.1"), ("toml", "0.9.4"), ("isort", "4.3.4"),
    ("mccabe", "0.6.1"), ("pyflakes", "2.0.0"), ("pycodestyle", "2.4.0"), ("sqlparse", "0.2.4"), ("django", "2.0.7"),
    ("paramiko", "2.4.1"), ("pyjwt", "1.6.4"), ("lxml", "4.2.3"), ("pillow", "5.2.0"), ("babel", "2.6.0"),
    ("simplejson", "3.16.0"), ("mako", "1.0.7"), ("sqlalchemy", "1.2.10"), ("alembic", "1.0.0"), ("wrapt", "1.10.11"),
    ("cffi", "1.11.5"), ("decorator", "4.3.0"), ("pluggy", "0.7.1"), ("py", "1.5.4"), ("pytest", "3.7.1"),
    ("more-itertools", "4.3.0"), ("atomicwrites", "1.1.5"), ("coverage", "4.5.1"), ("mock", "2.0.0"),
    ("pbr", "4.2.0"), ("psutil", "5.4.6"), ("bleach", "2.1.4"), ("gunicorn", "19.9.0"), ("celery", "4.2.1"),
    ("kombu", "4.2.1"), ("vine", "1.1.4"), ("amqp", "2.3.2"), ("billiard", "3.5.0.4"), ("redis", "2.10.6")]

# installed environments: (tag, [(name, version)]), installed with --no-deps so requirements go missing or conflict
ENVS = [
    ("drawers", [("requests", "2.32.3"), ("urllib3", "1.26.20"), ("idna", "3.10"), ("six", "1.16.0"),
                 ("python-dateutil", "2.9.0.post0"), ("chardet", "5.2.0")]),
    ("pointers", [("flask", "2.0.3"), ("werkzeug", "3.0.6"), ("jinja2", "3.1.4"), ("markupsafe", "2.1.5"),
                  ("itsdangerous", "2.2.0"), ("click", "8.1.7"), ("certifi", "2024.8.30"), ("tqdm", "4.66.5"),
                  ("pathspec", "0.12.1"), ("text-unidecode", "1.3"), ("docutils", "0.21.2"), ("pylint", "3.3.1"),
                  ("html5lib", "1.1"), ("webencodings", "0.5.1"), ("packaging", "24.1"), ("attrs", "24.2.0"),
                  ("pyparsing", "3.1.4"), ("pycparser", "2.22"), ("ply", "3.11"), ("toml", "0.10.2"),
                  ("sqlparse", "0.5.1"), ("mccabe", "0.7.0"), ("pyflakes", "3.2.0"), ("chardet", "5.2.0"),
                  ("requests", "2.32.3"), ("isort", "5.13.2"), ("tomlkit", "0.13.2"), ("typing-extensions", "4.12.2")]),
    ("papering", [("sphinx", "7.4.7"), ("alabaster", "0.7.16"), ("babel", "2.16.0"), ("imagesize", "1.4.1"),
                  ("snowballstemmer", "2.2.0"), ("sphinxcontrib-applehelp", "2.0.0"),
                  ("sphinxcontrib-devhelp", "2.0.0"), ("sphinxcontrib-htmlhelp", "2.1.0"),
                  ("sphinxcontrib-jsmath", "1.0.1"), ("sphinxcontrib-serializinghtml", "2.0.0"),
                  ("black", "24.8.0"), ("mypy-extensions", "1.0.0"), ("platformdirs", "4.3.6"),
                  ("pytest", "8.3.3"), ("pluggy", "1.5.0"), ("iniconfig", "2.0.0"), ("rich", "13.9.2"),
                  ("markdown-it-py", "3.0.0"), ("mdurl", "0.1.2"), ("httpx", "0.27.2"), ("httpcore", "1.0.6"),
                  ("h11", "0.14.0"), ("anyio", "4.6.0"), ("python-slugify", "8.0.4"), ("text-unidecode", "1.3"),
                  ("pyjwt", "2.9.0"), ("oauthlib", "3.2.2"), ("requests-oauthlib", "2.0.0"), ("ldap3", "2.9.1"),
                  ("pyphen", "0.16.0"), ("chardet", "5.2.0"), ("mutagen", "1.47.0"), ("yt-dlp", "2024.10.7"),
                  ("pylint", "3.3.1"), ("astroid", "3.3.5"), ("tomlkit", "0.13.2"), ("isort", "5.13.2"),
                  ("mccabe", "0.7.0"), ("packaging", "24.1"), ("jinja2", "3.1.4"), ("markupsafe", "2.1.5"),
                  ("docutils", "0.21.2"), ("requests", "2.32.3"), ("urllib3", "2.2.3"), ("idna", "3.10"),
                  ("certifi", "2024.8.30"), ("pathspec", "0.12.1"), ("click", "8.1.7"), ("attrs", "24.2.0"),
                  ("six", "1.16.0"), ("python-dateutil", "2.9.0.post0"), ("pytz", "2024.2"), ("tqdm", "4.66.5"),
                  ("pyasn1", "0.6.1"), ("ply", "3.11"), ("pycparser", "2.22"), ("webencodings", "0.5.1"),
                  ("html5lib", "1.1"), ("bleach", "6.1.0"), ("dill", "0.3.9")]),
]


def make_envs(tmp: Path) -> dict:
    envs = {}
    for tag, pins in ENVS:
        v = tmp / f"env-{tag}"
        run(f"python3 -m venv --without-pip {v}", timeout=120)
        spec = " ".join(f"{n}=={ver}" for n, ver in pins)
        log = run(f"{VENV}/bin/pip --python {v}/bin/python install -q --no-deps {spec}", env=cm.PIP_ENV, timeout=900)
        if "ERROR" in log:
            cm.note(f"env {tag}: {log[-400:]}")
        envs[tag] = v
    return envs


def make_reqs(tmp: Path) -> dict:
    rng = random.Random(SEED)
    reqs = {}
    for tag, n in [("headers", 8), ("whiteners", 22), ("papering", 45), ("pinworks", 64)]:
        picks = rng.sample(POOL, k=min(n, len(POOL)))
        body = "# pinworks " + tag + " line: pinned long ago\n" + "".join(f"{a}=={b}\n" for a, b in picks)
        p = tmp / f"requirements-{tag}.txt"
        p.write_text(body)
        reqs[tag] = p
    return reqs


HEADER = "# SPDX-FileCopyrightText: 2026 Pinworks Drawing Room <drawing@pinworks.example>\n# SPDX-License-Identifier: {lic}\n"
WORDS = ["drawer", "pointer", "header", "whitener", "paperer", "wire", "coil", "straightener", "grinder", "tinning",
         "bran", "sorting", "sheet", "row", "gauge", "temper", "brass", "shank", "head", "point"]


def make_reuse(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    (root / "LICENSES").mkdir(parents=True, exist_ok=True)
    (root / "LICENSES" / "MIT.txt").write_text("MIT License\n\nPermission is hereby granted, free of charge...\n")
    (root / "LICENSES" / "Apache-2.0.txt").write_text("Apache License\nVersion 2.0, January 2004\n")
    (root / "LICENSES" / "BSD-2-Clause.txt").write_text("BSD 2-Clause License\n")  # unused
    (root / "LICENSES" / "Pinworks-Internal.txt").write_text("Pinworks internal licence\n")  # bad name
    for i in range(n):
        sub = rng.choice(["src/pinworks", "src/pinworks/drawing", "docs", "tools", "data"])
        ext = {"src/pinworks": ".py", "src/pinworks/drawing": ".py", "docs": ".md", "tools": ".sh", "data": ".txt"}[sub]
        name = f"{sub}/{rng.choice(WORDS)}_{rng.choice(WORDS)}_{i:02d}{ext}"
        r = rng.random()
        body = f"print('{name}')\n" if ext == ".py" else f"{name}\n"
        if r < 0.45:
            head = HEADER.format(lic=rng.choice(["MIT", "MIT", "Apache-2.0"]))
        elif r < 0.6:
            head = "# SPDX-License-Identifier: MIT\n"
        elif r < 0.7:
            head = "# SPDX-FileCopyrightText: 2026 Pinworks\n"
        elif r < 0.78:
            head = HEADER.format(lic=rng.choice(["GPL-3.0-or-later", "LGPL-2.1-only", "LicenseRef-Pinworks-Secret"]))
        elif r < 0.82:
            head = HEADER.format(lic="GPL-2.0+")
        else:
            head = ""
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(head + body)


def make_npm(tmp: Path) -> dict:
    projs = {}
    for tag, pkgs in [("drawing-room", ["express@4.18.2", "jszip@3.10.1", "node-forge@1.3.1", "dompurify@3.0.6",
                                        "argparse@2.0.1", "caniuse-lite@1.0.30001600", "spdx-exceptions@2.5.0"]),
                      ("point-grinding", ["eslint@8.57.0", "typescript@5.4.5", "prettier@3.2.5"]),
                      ("gauge-shop", ["left-pad@1.3.0", "is-odd@3.0.1", "tslib@2.6.2", "sprintf-js@1.1.3"])]:
        d = tmp / f"npm-{tag}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "package.json").write_text(json.dumps({"name": f"pinworks-{tag}", "version": "0.3.0", "private": True,
                                                    "license": "UNLICENSED"}, indent=2))
        run("npm install -q --no-audit --no-fund " + " ".join(pkgs), cwd=d, timeout=600)
        projs[tag] = d
    projs["tools"] = JS
    return projs


# ------------------------------------------------------------------ steps

def ensure_tools() -> None:
    cm.install_venv(VENV, "pip-audit", PY_TOOLS)
    cm.install_npm(JS, "license-checker-rseidelsohn", NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def pip_audit(tmp: Path) -> None:
    reqs = make_reqs(tmp)
    for tag in ["headers", "whiteners", "papering", "pinworks"]:
        r = reqs[tag].name
        cap(f"pip-audit-json-{tag}", f"pip-audit -r {r} --no-deps --disable-pip -f json 2>&1 >/dev/shm/hm-corpus-wide764-run/pa.json; python3 -m json.tool /dev/shm/hm-corpus-wide764-run/pa.json",
            tmp, n_pip_audit_json, timeout=600,
            typed=f"pip-audit -r {r} --no-deps --disable-pip -f json 2>&1 >pa.json; python3 -m json.tool pa.json")
    for tag in []:  # dropped after the first run: an empty BOM, the same 558 characters for every file
        r = reqs[tag].name
        cap(f"pip-audit-cdx-{tag}", f"pip-audit -r {r} --no-deps --disable-pip -f cyclonedx-json 2>&1 >/dev/shm/hm-corpus-wide764-run/pc.json; python3 -m json.tool /dev/shm/hm-corpus-wide764-run/pc.json",
            tmp, n_pip_audit_cdx, timeout=600,
            typed=f"pip-audit -r {r} --no-deps --disable-pip -f cyclonedx-json 2>&1 >sbom.json; python3 -m json.tool sbom.json")


def pip_licenses(tmp: Path) -> None:
    envs = make_envs(tmp)
    make_envs.done = envs
    for tag, v in list(envs.items()) + [("tools", VENV)]:
        py = f"{v}/bin/python"
        cap(f"pip-licenses-md-{tag}", f"pip-licenses --python {py} --format=markdown --with-urls", tmp,
            n_pip_licenses_md, typed=f"pip-licenses --python {v.name}/bin/python --format=markdown --with-urls")
        cap(f"pip-licenses-json-{tag}", f"pip-licenses --python {py} --format=json --with-authors", tmp,
            n_pip_licenses_json, typed=f"pip-licenses --python {v.name}/bin/python --format=json --with-authors")
    for tag in ["drawers", "pointers"]:  # the licence texts too: the large JSON an agent gets from this flag
        py = f"{envs[tag]}/bin/python"
        cap(f"pip-licenses-json-texts-{tag}",
            f"pip-licenses --python {py} --format=json --with-license-file --no-license-path", tmp, n_pip_licenses_json,
            typed=f"pip-licenses --python env-{tag}/bin/python --format=json --with-license-file --no-license-path")
    py = f"{envs['papering']}/bin/python"
    cap("pip-licenses-md-by-licence-papering", f"pip-licenses --python {py} --format=markdown --with-authors --order=license",
        tmp, n_pip_licenses_md,
        typed="pip-licenses --python env-papering/bin/python --format=markdown --with-authors --order=license")


def pipdeptree(tmp: Path) -> None:
    envs = getattr(make_envs, "done", None) or make_envs(tmp)
    for tag, v in list(envs.items()) + [("tools", VENV)]:
        py = f"{v}/bin/python"
        cap(f"pipdeptree-json-{tag}", f"pipdeptree --python {py} --json --warn fail", tmp, n_pipdeptree_json,
            typed=f"pipdeptree --python {v.name}/bin/python --json --warn fail")
        cap(f"pipdeptree-mermaid-{tag}", f"pipdeptree --python {py} --mermaid --warn fail", tmp, n_pipdeptree_mermaid,
            typed=f"pipdeptree --python {v.name}/bin/python --mermaid --warn fail")


def reuse(tmp: Path) -> None:
    for tag, n, seed in [("headers", 14, SEED + 1), ("drawing", 40, SEED + 2), ("gauges", 70, SEED + 4),
                          ("pinworks", 110, SEED + 3), ("whitening", 210, SEED + 5)]:
        root = tmp / f"reuse-{tag}"
        make_reuse(root, n, seed)
        cap(f"reuse-lint-json-{tag}", "reuse lint --json", root, n_reuse_lint_json)
        cap(f"reuse-lint-lines-{tag}", "reuse lint --lines", root, n_reuse_lint_lines)
        cap(f"reuse-spdx-{tag}", "reuse spdx", root, n_reuse_spdx)


def license_checker(tmp: Path) -> None:
    projs = make_npm(tmp)
    for tag, d in projs.items():
        cap(f"lc-summary-{tag}", "license-checker-rseidelsohn --summary", d, n_lc_summary)
        cap(f"lc-markdown-{tag}", "license-checker-rseidelsohn --markdown", d, n_lc_markdown)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [pip_audit, pip_licenses, pipdeptree, reuse, license_checker],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide764", sys.modules["__main__"])
    main()
