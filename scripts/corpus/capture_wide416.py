#!/usr/bin/env python3
"""Capture round 416 of the compression corpus: pre-deploy configuration and data validators new to the corpus
(python-hcl2's hcl2tojson, pyhcl's hcltool, prance validate, cfn-lint's json / parseable / junit formats,
check-jsonschema's JSON output, pre-commit-hooks' check-toml, dotenv-linter, crossplane's nginx parse, starlark-pyo3
through a checker loop, npm json5 --validate) over `kaprun-dam`, a hydroelectric dam's deployment files written here
with faults put in (seeds 41610+). The needle rules are NEEDLES.md's "Round 416", fixed before capture, one extractor
per kind below. Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide416.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide416.json  as {"version": 2, "items": [...]}, ids prefixed "wide416-".
"""

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
from capture_more import any_of, groups, kind, mask, next_match  # noqa: E402

ID_PREFIX = "wide416-"
DEFAULT_OUT = HERE / "data" / "wide416.json"
TMP = Path(os.environ.get("HM_WIDE416_TMP", "/dev/shm/hm-corpus-wide416-run"))
TOOLS = Path(os.environ.get("HM_WIDE416_TOOLS", "/dev/shm/hm-corpus-wide416"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
PY_PACKAGES = ["python-hcl2", "pyhcl", "prance", "openapi-spec-validator", "cfn-lint", "check-jsonschema",
               "pre-commit-hooks", "dotenv-linter", "crossplane", "starlark-pyo3", "junit-xml"]

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=300, typed=None):
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout), extractor)


# ================================================================== extractors (NEEDLES.md "Round 416")

ERR = re.compile(r"(?i)\b(error|errors|exception|fatal|unexpected|invalid|failed|failure)\b|Error\b|Exception\b")
LOC = re.compile(r"(?i)\bline \d+|:\d+:\d+|\(\d+,\s*\d+\)|\bcolumn \d+")


PYHCL_ERR = re.compile(r"^Line \d+, column \d+")  # pyhcl's parse-error report (`Line 72, column 0, index 1112: EOF ...`)


def _err_lines(lines):
    """Rule 1's lines: errors / exceptions / unexpected tokens, without a traceback's header and `File` lines."""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s or s.startswith("Traceback (most recent call last)") or s.startswith('File "'):
            continue
        if ERR.search(s) or PYHCL_ERR.match(s):
            yield i, ln


def _diag(lines):
    out = []
    for i, ln in _err_lines(lines):
        out.append(ln)
        if not LOC.search(ln):
            out.append(next_match(lines, i, LOC.pattern))
    return out


SUMMARY = re.compile(r"(?i)^\s*(\d+ (files?|errors?|problems?|warnings?)\b.*|.*\b(found|checked|total)\b.*\d+.*)$")


def _summary(lines):
    return [ln for ln in lines[-5:] if SUMMARY.match(ln)]


@kind("hcl2tojson", "lint")
def n_hcl2tojson(lines):
    """rule 1: every error/exception/unexpected-token line (not a traceback's File lines), its location within six; rule 3 count line"""
    return _diag(lines) + _summary(lines)


@kind("pyhcl-hcltool", "lint")
def n_hcltool(lines):
    """rule 1: every error/exception/unexpected line and its location within six, the `== <file>` header of each failing file"""
    out, header, flagged = [], None, set()
    for i, ln in enumerate(lines):
        if ln.startswith("== "):
            header = ln
            continue
    for i, ln in _err_lines(lines):
        out.append(ln)
        if not LOC.search(ln):
            out.append(next_match(lines, i, LOC.pattern))
        for k in range(i, -1, -1):
            if lines[k].startswith("== "):
                if k not in flagged:
                    flagged.add(k)
                    out.append(lines[k])
                break
    _ = header
    return out + _summary(lines)


@kind("prance-validate", "lint")
def n_prance(lines):
    """rules 1+5: every ERROR/error/exception line, the Processing line of each failing file, every `Validates OK` line"""
    out = []
    for i, ln in _err_lines(lines):
        out.append(ln)
        for k in range(i, -1, -1):
            if lines[k].lstrip().startswith("Processing"):
                out.append(lines[k])
                break
    out += [ln for ln in lines if "Validates OK" in ln]
    return out


def _json_of(lines):
    text = "\n".join(lines)
    start = min([p for p in (text.find("["), text.find("{")) if p >= 0])
    return json.loads(text[start:])


def _line_with(lines, needle):
    needle = needle[:150]
    for ln in lines:
        if needle in ln:
            return ln
    return None


@kind("cfn-lint-json", "lint")
def n_cfn_json(lines):
    """rule 1: the "Message" line of every Error-level finding; Warning/Informational Message lines one {any} per (rule Id, Filename)"""
    out, pairs = [], []
    for f in _json_of(lines):
        ln = _line_with(lines, '"Message": ' + json.dumps(f["Message"]))
        if f.get("Level") == "Error":
            out.append(ln)
        elif ln:
            pairs.append(((f["Rule"]["Id"], f["Filename"]), ln))
    return out + groups(pairs)


PARSEABLE = re.compile(r"^(.+?):\d+:\d+:\d+:\d+:([EWI]\d+):")


@kind("cfn-lint-parseable", "lint")
def n_cfn_parseable(lines):
    """rule 1: every line whose code starts with E; W/I lines one {any} per (code, file)"""
    out, pairs = [], []
    for ln in lines:
        m = PARSEABLE.match(ln)
        if not m:
            continue
        if m.group(2).startswith("E"):
            out.append(ln)
        else:
            pairs.append(((m.group(2), m.group(1)), ln))
    return out + groups(pairs)


CODE = re.compile(r"\b([EWI]\d{4})\b")


@kind("cfn-lint-junit", "test")
def n_cfn_junit(lines):
    """rules 1-2: for E codes the <testcase line holding/preceding a <failure and the <failure line; W/I <failure lines one {any} per code; every <testsuite line"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if "<testsuite" in ln and "<testsuites" not in ln:
            out.append(ln)
        if "<failure" not in ln:
            continue
        tc = ln if "<testcase" in ln else next((lines[k] for k in range(i - 1, -1, -1) if "<testcase" in lines[k]), None)
        m = CODE.search(ln) or CODE.search(tc or "")
        code = m.group(1) if m else "?"
        if code.startswith("E") or code == "?":
            out += [tc, ln]
        else:
            pairs.append((code, ln))
    return out + groups(pairs)


@kind("check-jsonschema-json", "lint")
def n_cjs_json(lines):
    """rules 1+3: the "status" line, every "message" line, one {any} of "filename" lines per failing file, each "path" line not "$" """
    out, pairs = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith('"status":') and not any('"status":' in o for o in out if o):
            out.append(ln)
        elif s.startswith('"message":'):
            out.append(ln)
        elif s.startswith('"path":') and not s.startswith('"path": "$"'):
            out.append(ln)
        elif s.startswith('"filename":'):
            pairs.append((s.rstrip(","), ln))
    return out + groups(pairs)


@kind("check-toml", "lint")
def n_check_toml(lines):
    """rule 1: every line naming a file that failed to decode"""
    return [ln for ln in lines if re.match(r"^\S+\.toml: ", ln)]


DOTENV = re.compile(r"^(\S+?):(\d+)(?::\d+)?\s+(\S+)\s+(.*)$")


@kind("dotenv-linter", "lint")
def n_dotenv(lines):
    """rule 1: findings without a level one {any} per (code, file); error/exception lines own needles; rule 3 count line"""
    out, pairs = [], []
    for ln in lines:
        m = DOTENV.match(ln)
        if m:
            code = m.group(3) if re.search(r"\d", m.group(3)) else mask(m.group(4))
            pairs.append(((code, m.group(1)), ln))
        elif ERR.search(ln) and not ln.strip().startswith('File "') and "Traceback" not in ln:
            out.append(ln)
    return out + groups(pairs) + _summary(lines)


@kind("crossplane-parse", "json")
def n_crossplane(lines):
    """rules 1+5: the first "status" line, every "error" line, every distinct "file" line"""
    out = [next((ln for ln in lines if ln.strip().startswith('"status":')), None)]
    out += [ln for ln in lines if ln.strip().startswith('"error":')]
    out += [ln for ln in lines if ln.strip().startswith('"file":')]
    return out


@kind("starlark-eval", "lint")
def n_starlark(lines):
    """rule 1: every error line and its --> location within six, every FAIL <file> line; rule 3 closing count"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"(?i)\berror\b", ln):
            out += [ln, next_match(lines, i, r"-->")]
        elif ln.startswith("FAIL "):
            out.append(ln)
    return out + _summary(lines)


@kind("json5-validate", "lint")
def n_json5(lines):
    """rule 1: every error line (JSON5:, SyntaxError, invalid/unexpected), every FAIL <file>; rule 3 closing count"""
    out = [ln for ln in lines if re.search(r"(?i)JSON5:|SyntaxError|\binvalid\b|\bunexpected\b", ln)
           or ln.startswith("FAIL ")]
    return out + _summary(lines)


# ================================================================== the material: kaprun-dam

TURBINE_TYPES = ["Francis", "Kaplan", "Pelton", "Bulb", "Deriaz"]
GATES = ["radial", "vertical-lift", "flap", "drum", "roller"]
SITES = ["Limberg", "Mooser", "Drossen", "Wasserfall", "Margaritze", "Tauernmoos", "Enzingerboden"]


def hcl2_file(r: random.Random, idx: int, fault: str | None) -> str:
    site = r.choice(SITES)
    out = [f'# kaprun-dam stage {idx}: {site}\n',
           f'variable "reservoir_level_m" {{\n  type    = number\n  default = {r.randint(1600, 2040)}\n}}\n']
    for t in range(r.randint(3, 9)):
        tt = r.choice(TURBINE_TYPES)
        out.append(
            f'resource "dam_turbine" "{site.lower()}_u{t + 1}" {{\n'
            f'  type          = "{tt}"\n  rated_mw      = {r.randint(40, 240)}\n'
            f'  rated_head_m  = {r.randint(80, 700)}\n  runner_blades = {r.randint(4, 17)}\n'
            f'  penstock      = dam_penstock.{site.lower()}_p{t % 3 + 1}.id\n'
            f'  tags = {{\n    site = "{site}"\n    unit = "U{t + 1}"\n  }}\n}}\n')
    for p in range(3):
        out.append(
            f'resource "dam_penstock" "{site.lower()}_p{p + 1}" {{\n  diameter_m = {r.randint(18, 62) / 10}\n'
            f'  length_m   = {r.randint(300, 2600)}\n  lining     = "{r.choice(["steel", "concrete", "GRP"])}"\n'
            f'  surge_tank = {str(r.random() < .5).lower()}\n}}\n')
    for g in range(r.randint(2, 5)):
        out.append(
            f'resource "dam_spillway_gate" "{site.lower()}_g{g + 1}" {{\n  kind        = "{r.choice(GATES)}"\n'
            f'  width_m     = {r.randint(8, 22)}\n  max_flow_m3 = {r.randint(200, 1800)}\n'
            f'  opening     = [for s in range({r.randint(3, 6)}) : s * 0.25]\n}}\n')
    out.append(f'output "{site.lower()}_capacity" {{\n  value = sum([for t in dam_turbine : t.rated_mw])\n}}\n')
    text = "".join(out)
    tl = text.split("\n")
    n = len(tl)
    k = r.randint(n // 3, n - 4)
    if fault == "brace":
        text = text[: text.rfind("}")]
    elif fault == "novalue":
        tl[k] = "  rated_mw      ="
        text = "\n".join(tl)
    elif fault == "string":
        tl[k] = '  lining     = "steel'
        text = "\n".join(tl)
    elif fault == "char":
        tl[k] = tl[k] + " @@"
        text = "\n".join(tl)
    elif fault == "heredoc":
        text += 'locals {\n  note = <<EOT\nspillway rating curve pending\n'
    elif fault == "eq":
        tl[k] = "  max_flow_m3 => 900"
        text = "\n".join(tl)
    return text


HCL2_FAULTS = ["brace", "novalue", "string", "char", "heredoc", "eq"]


def write_hcl2(d: Path, r: random.Random, n: int, n_bad: int) -> None:
    d.mkdir(parents=True, exist_ok=True)
    bad = set(r.sample(range(n), n_bad))
    for i in range(n):
        (d / f"stage{i + 1:02d}.tf").write_text(hcl2_file(r, i + 1, r.choice(HCL2_FAULTS) if i in bad else None))


def cap_hcl2(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(6, 2), (14, 4), (30, 7)]):
        d = tmp / f"hcl2-{j}"
        write_hcl2(d / "tf", random.Random(41610 + j), n, bad)
        cap(f"hcl2tojson-{j}", 'for f in tf/*.tf; do hcl2tojson "$f"; done', d, n_hcl2tojson)


def hcl1_file(r: random.Random, idx: int, fault: str | None) -> str:
    out = [f'# intake and screen settings, block {idx}\nplant = "kaprun-{r.choice(SITES).lower()}"\n']
    for t in range(r.randint(2, 7)):
        out.append(f'turbine "u{t + 1}" {{\n  kind = "{r.choice(TURBINE_TYPES)}"\n  rated_mw = {r.randint(40, 240)}\n'
                   f'  min_head_m = {r.randint(60, 300)}\n  governor {{\n    droop_pct = {r.randint(2, 6)}\n'
                   f'    deadband_hz = 0.0{r.randint(1, 9)}\n  }}\n}}\n')
    for s in range(r.randint(1, 4)):
        out.append(f'intake_screen "s{s + 1}" {{\n  bar_spacing_mm = {r.randint(20, 120)}\n'
                   f'  cleaner = "{r.choice(["rake", "grab", "none"])}"\n  alarms = ["dp_high", "ice"]\n}}\n')
    text = "".join(out)
    tl = text.split("\n")
    k = r.randint(len(tl) // 3, len(tl) - 4)
    if fault == "brace":
        text = text[: text.rfind("}")]
    elif fault == "novalue":
        tl[k] = "  rated_mw ="
        text = "\n".join(tl)
    elif fault == "string":
        tl[k] = '  cleaner = "rake'
        text = "\n".join(tl)
    elif fault == "list":
        tl[k] = '  alarms = ["dp_high", "ice"'
        text = "\n".join(tl)
    elif fault == "char":
        tl[k] = tl[k] + " %"
        text = "\n".join(tl)
    return text


def cap_hcltool(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(4, 2), (9, 3), (18, 6)]):
        d = tmp / f"hcl1-{j}"
        (d / "conf").mkdir(parents=True)
        r = random.Random(41620 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "conf" / f"block{i + 1:02d}.hcl").write_text(
                hcl1_file(r, i + 1, r.choice(["brace", "novalue", "string", "list", "char"]) if i in badset else None))
        cmd = 'for f in conf/*.hcl; do echo "== $f"; hcltool "$f" 2>&1 | tail -n 25; done'
        cap(f"hcltool-{j}", cmd, d, n_hcltool)


def openapi_doc(r: random.Random, idx: int, fault: str | None) -> dict:
    paths = {}
    for res in r.sample(["turbines", "penstocks", "spillway-gates", "reservoir-levels", "intake-screens",
                         "generators", "transformers", "fish-passes"], r.randint(2, 6)):
        paths[f"/{res}"] = {"get": {"operationId": f"list_{res.replace('-', '_')}", "summary": f"List {res}",
                                    "parameters": [{"name": "site", "in": "query", "schema": {"type": "string"}}],
                                    "responses": {"200": {"description": "ok", "content": {"application/json": {
                                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Unit"}}}}}}}}
        paths[f"/{res}/{{id}}"] = {"get": {"operationId": f"get_{res.replace('-', '_')}",
                                           "parameters": [{"name": "id", "in": "path", "required": True,
                                                           "schema": {"type": "integer"}}],
                                           "responses": {"200": {"description": "ok", "content": {"application/json": {
                                               "schema": {"$ref": "#/components/schemas/Unit"}}}},
                                               "404": {"description": "not found"}}}}
    doc = {"openapi": "3.0.3", "info": {"title": f"kaprun-dam telemetry {idx}", "version": f"1.{idx}.0"},
           "paths": paths,
           "components": {"schemas": {"Unit": {"type": "object", "required": ["id", "rated_mw"], "properties": {
               "id": {"type": "integer"}, "rated_mw": {"type": "number"}, "site": {"type": "string"}}}}}}
    p0 = next(iter(paths.values()))["get"]
    if fault == "noresp":
        del p0["responses"]
    elif fault == "ref":
        p0["responses"]["200"]["content"]["application/json"]["schema"]["items"]["$ref"] = "#/components/schemas/Turbine"
    elif fault == "required":
        doc["components"]["schemas"]["Unit"]["required"] = "id"
    elif fault == "in":
        p0["parameters"][0]["in"] = "body"
    elif fault == "version":
        doc["info"].pop("version")
    elif fault == "pathparam":
        list(paths.values())[1]["get"]["parameters"][0]["required"] = False
    return doc


def cap_prance(tmp: Path) -> None:
    import yaml  # noqa: F401  (PyYAML ships with this machine's python; the docs are JSON anyway)
    for j, (n, bad) in enumerate([(3, 1), (7, 3), (12, 5)]):
        d = tmp / f"oas-{j}"
        (d / "api").mkdir(parents=True)
        r = random.Random(41630 + j)
        badset = set(r.sample(range(n), bad))
        names = []
        for i in range(n):
            f = f"api/telemetry-{i + 1:02d}.json"
            fault = r.choice(["noresp", "ref", "required", "in", "version", "pathparam"]) if i in badset else None
            (d / f).write_text(json.dumps(openapi_doc(r, i + 1, fault), indent=2))
            names.append(f)
        cmd = 'for f in api/*.json; do prance validate --backend=openapi-spec-validator "$f"; done'
        cap(f"prance-{j}", cmd, d, n_prance)


def cfn_template(r: random.Random, idx: int, faults: list[str]) -> str:
    res = {}
    params = {"Env": {"Type": "String", "AllowedValues": ["prod", "test"]}}
    for t in range(r.randint(2, 5)):
        res[f"TurbineTelemetryFn{t + 1}"] = {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "turbine.handler", "Timeout": r.randint(10, 120),
            "MemorySize": r.choice([128, 256, 512]), "Role": {"Fn::GetAtt": ["TelemetryRole", "Arn"]},
            "Code": {"S3Bucket": {"Ref": "ArtifactBucket"}, "S3Key": f"turbine-u{t + 1}.zip"},
            "Environment": {"Variables": {"UNIT": f"U{t + 1}", "SITE": r.choice(SITES)}}}}
    res["TelemetryRole"] = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}}}
    res["ArtifactBucket"] = {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Enabled"}}}
    res["SpillwayTable"] = {"Type": "AWS::DynamoDB::Table", "Properties": {
        "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "gate", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "gate", "KeyType": "HASH"}]}}
    res["ReservoirAlarm"] = {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "MetricName": "ReservoirLevel", "Namespace": "KaprunDam", "Statistic": "Maximum", "Period": 60,
        "EvaluationPeriods": 3, "Threshold": r.randint(2030, 2040), "ComparisonOperator": "GreaterThanThreshold"}}
    fn = res["TurbineTelemetryFn1"]["Properties"]
    for f in faults:
        if f == "runtime":
            fn["Runtime"] = "python2.7"
        elif f == "unknown":
            res["ArtifactBucket"]["Properties"]["Versioning"] = "on"
        elif f == "type":
            fn["Timeout"] = "ninety"
        elif f == "ref":
            fn["Code"]["S3Bucket"] = {"Ref": "ArtefactBucket"}
        elif f == "required":
            del res["SpillwayTable"]["Properties"]["KeySchema"]
        elif f == "param":
            params["PenstockCount"] = {"Type": "Number", "Default": 3}
        elif f == "enum":
            res["ReservoirAlarm"]["Properties"]["ComparisonOperator"] = "Above"
        elif f == "getatt":
            fn["Role"] = {"Fn::GetAtt": ["TelemetryRole", "Name"]}
        elif f == "memory":
            fn["MemorySize"] = 64
        elif f == "sub":
            fn["Environment"]["Variables"]["ARN"] = {"Fn::Sub": "arn:aws:s3:::${ArtifactBucket}/${Missing}"}
    body = {"AWSTemplateFormatVersion": "2010-09-09", "Description": f"kaprun-dam stack {idx}",
            "Parameters": params, "Resources": res}
    import yaml
    return yaml.safe_dump(body, sort_keys=False)


CFN_FAULTS = ["runtime", "unknown", "type", "ref", "required", "param", "enum", "getatt", "memory", "sub"]


def write_cfn(d: Path, r: random.Random, n: int) -> list[str]:
    (d / "cfn").mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        faults = r.sample(CFN_FAULTS, r.choice([0, 1, 1, 2, 3]))
        f = f"cfn/stack-{i + 1:02d}.yaml"
        (d / f).write_text(cfn_template(r, i + 1, faults))
        names.append(f)
    return names


def cap_cfn(tmp: Path) -> None:
    for fmt, ext, base in [("json", n_cfn_json, 41640), ("parseable", n_cfn_parseable, 41643),
                           ("junit", n_cfn_junit, 41646)]:
        for j, n in enumerate([2, 5, 12]):
            d = tmp / f"cfn-{fmt}-{j}"
            write_cfn(d, random.Random(base + j), n)
            cap(f"cfn-lint-{fmt}-{j}", f"cfn-lint --format {fmt} cfn/*.yaml", d, ext, timeout=400)


SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "turbine unit record", "type": "object",
    "required": ["unit", "type", "rated_mw", "penstock", "gates"], "additionalProperties": False,
    "properties": {
        "unit": {"type": "string", "pattern": "^U[0-9]{1,2}$"},
        "type": {"enum": TURBINE_TYPES},
        "rated_mw": {"type": "number", "minimum": 1, "maximum": 400},
        "commissioned": {"type": "string", "format": "date"},
        "penstock": {"type": "object", "required": ["diameter_m", "length_m"], "properties": {
            "diameter_m": {"type": "number", "exclusiveMinimum": 0}, "length_m": {"type": "integer"},
            "lining": {"enum": ["steel", "concrete", "GRP"]}}},
        "gates": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["id", "kind"],
                                                              "properties": {"id": {"type": "string"},
                                                                             "kind": {"enum": GATES},
                                                                             "open_pct": {"type": "number",
                                                                                          "minimum": 0,
                                                                                          "maximum": 100}}}},
    }}


def unit_doc(r: random.Random, i: int, fault: str | None):
    doc = {"unit": f"U{i}", "type": r.choice(TURBINE_TYPES), "rated_mw": r.randint(40, 240),
           "commissioned": f"19{r.randint(55, 99)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}",
           "penstock": {"diameter_m": r.randint(18, 62) / 10, "length_m": r.randint(300, 2600),
                        "lining": r.choice(["steel", "concrete", "GRP"])},
           "gates": [{"id": f"G{g}", "kind": r.choice(GATES), "open_pct": r.randint(0, 100)}
                     for g in range(r.randint(1, 4))]}
    if fault == "type":
        doc["rated_mw"] = "120 MW"
    elif fault == "missing":
        del doc["penstock"]
    elif fault == "extra":
        doc["head_m"] = 300
    elif fault == "enum":
        doc["type"] = "Turgo"
    elif fault == "pattern":
        doc["unit"] = f"unit-{i}"
    elif fault == "range":
        doc["gates"][0]["open_pct"] = 140
    elif fault == "nested":
        doc["penstock"]["length_m"] = 412.5
    elif fault == "empty":
        doc["gates"] = []
    return doc


def cap_cjs(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(8, 3), (25, 8), (60, 16), (140, 30)]):
        d = tmp / f"cjs-{j}"
        (d / "units").mkdir(parents=True)
        (d / "unit.schema.json").write_text(json.dumps(SCHEMA, indent=2))
        r = random.Random(41650 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            p = d / "units" / f"u{i + 1:03d}.json"
            if i in badset and r.random() < 0.15:
                p.write_text(json.dumps(unit_doc(r, i + 1, None), indent=2)[:-3] + ",\n}")
                continue
            fault = r.choice(["type", "missing", "extra", "enum", "pattern", "range", "nested", "empty"]) \
                if i in badset else None
            p.write_text(json.dumps(unit_doc(r, i + 1, fault), indent=2))
        cmd = ("check-jsonschema --schemafile unit.schema.json --output-format json units/*.json"
               " | python3 -m json.tool")
        cap(f"check-jsonschema-json-{j}", cmd, d, n_cjs_json)


def toml_file(r: random.Random, i: int, fault: str | None) -> str:
    lines = [f'[plant]\nname = "kaprun-{r.choice(SITES).lower()}"\nblock = {i}\n']
    for t in range(r.randint(2, 6)):
        lines.append(f'[[turbine]]\nunit = "U{t + 1}"\ntype = "{r.choice(TURBINE_TYPES)}"\n'
                     f'rated_mw = {r.randint(40, 240)}\ncommissioned = 19{r.randint(55, 99)}-0{r.randint(1, 9)}-15\n')
    lines.append(f'[spillway]\ngates = {r.randint(2, 8)}\ndesign_flood_m3s = {r.randint(800, 4000)}\n')
    text = "\n".join(lines)
    tl = text.split("\n")
    k = r.randint(2, len(tl) - 3)
    if fault == "dup":
        text += f'\n[plant]\nname = "dup"\n'
    elif fault == "string":
        tl[k] = 'type = "Kaplan'
        text = "\n".join(tl)
    elif fault == "noeq":
        tl[k] = "rated_mw 120"
        text = "\n".join(tl)
    elif fault == "date":
        tl[k] = "commissioned = 1973-13-40"
        text = "\n".join(tl)
    elif fault == "dupkey":
        text = text.replace("block = ", f"block = {i}\nblock = ", 1)
    elif fault == "table":
        tl[k] = "[spillway"
        text = "\n".join(tl)
    return text


def cap_check_toml(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(12, 6), (40, 14), (160, 45)]):
        d = tmp / f"toml-{j}"
        (d / "plant").mkdir(parents=True)
        r = random.Random(41660 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "plant" / f"block{i + 1:03d}.toml").write_text(
                toml_file(r, i + 1, r.choice(["dup", "string", "noeq", "date", "dupkey", "table"])
                          if i in badset else None))
        cap(f"check-toml-{j}", "check-toml plant/*.toml", d, n_check_toml)


def env_file(r: random.Random, i: int, bad: bool) -> str:
    keys = [("SCADA_HOST", "10.20.0.5"), ("SCADA_PORT", "502"), ("TURBINE_COUNT", str(r.randint(2, 9))),
            ("SPILLWAY_ALERT_M", str(r.randint(2030, 2040))), ("PENSTOCK_PRESSURE_BAR", str(r.randint(20, 70))),
            ("HISTORIAN_URL", "http://127.0.0.1:28416/historian"), ("LOG_LEVEL", "info"),
            ("RESERVOIR_ID", f"KAP-{i}")]
    out = [f"{k}={v}" for k, v in keys]
    if bad:
        for f in r.sample(["lower", "space", "dup", "quote", "lead", "empty", "comment", "export", "raw"],
                          r.randint(1, 4)):
            k = r.randrange(len(out))
            if f == "lower":
                out[k] = out[k].split("=")[0].lower() + "=" + out[k].split("=")[1]
            elif f == "space":
                out[k] = out[k].replace("=", " = ", 1)
            elif f == "dup":
                out.append(out[k])
            elif f == "quote":
                out[k] = out[k].split("=")[0] + "='" + out[k].split("=")[1] + "'"
            elif f == "lead":
                out[k] = "  " + out[k]
            elif f == "empty":
                out[k] = out[k].split("=")[0] + "="
            elif f == "comment":
                out[k] = out[k] + " # gate sensor"
            elif f == "export":
                out[k] = "export " + out[k]
            elif f == "raw":
                out[k] = "GATE_MAP=G1:radial G2:flap"
    return "\n".join(out) + "\n"


def cap_dotenv(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(5, 3), (20, 9), (70, 30)]):
        d = tmp / f"env-{j}"
        (d / "deploy").mkdir(parents=True)
        r = random.Random(41670 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "deploy" / f"unit{i + 1:02d}.env").write_text(env_file(r, i + 1, i in badset))
        cap(f"dotenv-linter-{j}", "dotenv-linter deploy/*.env", d, n_dotenv)


def nginx_tree(d: Path, r: random.Random, n_inc: int, n_bad: int) -> None:
    (d / "conf.d").mkdir(parents=True)
    (d / "nginx.conf").write_text(
        "user www-data;\nworker_processes 2;\nevents {\n    worker_connections 512;\n}\nhttp {\n"
        "    include mime.types;\n    sendfile on;\n    include conf.d/*.conf;\n}\n")
    (d / "mime.types").write_text("types {\n    text/html html;\n    application/json json;\n}\n")
    bad = set(r.sample(range(n_inc), n_bad))
    for i in range(n_inc):
        site = r.choice(SITES).lower()
        ups = "".join(f"        server 127.0.0.1:{r.choice([18416, 28416, 38416])} weight={r.randint(1, 5)};\n"
                      for _ in range(r.randint(1, 4)))
        locs = "".join(f"    location /{res}/ {{\n        proxy_pass http://{site}_{i};\n"
                       f"        proxy_read_timeout {r.randint(5, 90)}s;\n    }}\n"
                       for res in r.sample(["turbines", "penstocks", "spillway", "reservoir", "gates", "screens"],
                                           r.randint(2, 5)))
        body = (f"upstream {site}_{i} {{\n{ups}}}\nserver {{\n    listen 127.0.0.1:{18416 + i};\n"
                f"    server_name {site}-{i}.dam.local;\n{locs}}}\n")
        if i in bad:
            fault = r.choice(["semicolon", "brace", "args", "context", "unknown", "open"])
            if fault == "semicolon":
                body = body.replace("proxy_read_timeout", "proxy_read_timeout", 1).replace("s;\n", "s\n", 1)
            elif fault == "brace":
                body += "}\n"
            elif fault == "args":
                body = body.replace("server_name", "listen", 1).replace(".dam.local;", ".dam.local 80 extra;", 1)
            elif fault == "context":
                body = body.replace("    listen", "    worker_processes 4;\n    listen", 1)
            elif fault == "unknown":
                body = body.replace("    listen", "    turbine_governor on;\n    listen", 1)
            elif fault == "open":
                body = body.rstrip("}\n") + "\n"
        (d / "conf.d" / f"{i + 1:02d}-{site}.conf").write_text(body)


def cap_crossplane(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(2, 1), (6, 3), (16, 6)]):
        d = tmp / f"nginx-{j}"
        nginx_tree(d, random.Random(41680 + j), n, bad)
        strict = " --strict" if j else ""
        cap(f"crossplane-{j}", f"crossplane parse --indent 2{strict} nginx.conf", d, n_crossplane)


STAR_CHECK = r'''
import sys, starlark as sl
ok = bad = 0
for path in sys.argv[1:]:
    src = open(path).read()
    try:
        ast = sl.parse(path, src)
        glb = sl.Globals.standard()
        mod = sl.Module()
        sl.eval(mod, ast, glb)
        print(f"ok   {path}")
        ok += 1
    except sl.StarlarkError as e:
        print(f"FAIL {path}")
        print(str(e).rstrip())
        bad += 1
print(f"checked {ok + bad} files: {ok} ok, {bad} failed")
'''


def star_file(r: random.Random, i: int, fault: str | None) -> str:
    units = [(f"U{t + 1}", r.choice(TURBINE_TYPES), r.randint(40, 240)) for t in range(r.randint(2, 6))]
    body = [f'# turbine rules, block {i}\nSITE = "{r.choice(SITES)}"\n',
            "def unit(name, kind, mw, blades = 9):\n    return {\"name\": name, \"kind\": kind, \"mw\": mw, "
            "\"blades\": blades}\n",
            "UNITS = [\n" + "".join(f'    unit("{n}", "{k}", {m}),\n' for n, k, m in units) + "]\n",
            "def total_mw(units):\n    t = 0\n    for u in units:\n        t += u[\"mw\"]\n    return t\n",
            "def gate_schedule(level_m, crest_m = 2036):\n    if level_m > crest_m:\n"
            "        return [min(100, (level_m - crest_m) * 25) for _ in range(4)]\n    return [0, 0, 0, 0]\n",
            f"CAPACITY = total_mw(UNITS)\nSCHEDULE = gate_schedule({r.randint(2025, 2040)})\n"]
    if fault == "undefined":
        body.append("PEAK = total_mw(UNITZ)\n")
    elif fault == "type":
        body.append('LABEL = SITE + CAPACITY\n')
    elif fault == "syntax":
        body.append("def broken(x)\n    return x\n")
    elif fault == "fail":
        body.append('def check(units):\n    for u in units:\n        if u["mw"] > 100:\n'
                    '            fail("unit %s exceeds penstock rating" % u["name"])\ncheck(UNITS)\n')
    elif fault == "index":
        body.append("FIRST_GATE = SCHEDULE[7]\n")
    elif fault == "key":
        body.append('HEAD = UNITS[0]["head_m"]\n')
    elif fault == "call":
        body.append('X = unit("U9")\n')
    return "".join(body)


def cap_starlark(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(4, 2), (12, 5), (30, 12)]):
        d = tmp / f"star-{j}"
        (d / "rules").mkdir(parents=True)
        (d / "check_star.py").write_text(STAR_CHECK)
        r = random.Random(41690 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "rules" / f"block{i + 1:02d}.star").write_text(
                star_file(r, i + 1, r.choice(["undefined", "type", "syntax", "fail", "index", "key", "call"])
                          if i in badset else None))
        cap(f"starlark-{j}", f"{PY} check_star.py rules/*.star", d, n_starlark,
            typed="python check_star.py rules/*.star")


def json5_file(r: random.Random, i: int, fault: str | None) -> str:
    rows = ",\n".join(f"    {{unit: 'U{t + 1}', type: '{r.choice(TURBINE_TYPES)}', rated_mw: {r.randint(40, 240)},"
                      f" head_m: {r.randint(80, 700)}, }}" for t in range(r.randint(2, 6)))
    text = (f"// kaprun-dam block {i}\n{{\n  site: '{r.choice(SITES)}',\n  /* spillway crest in m a.s.l. */\n"
            f"  crest_m: {r.randint(2030, 2040)},\n  units: [\n{rows},\n  ],\n  gates: {r.randint(2, 8)},\n}}\n")
    tl = text.split("\n")
    k = r.randint(4, len(tl) - 4)
    if fault == "quote":
        text = text.replace("site: '", "site: '", 1).replace("',\n  /*", ",\n  /*", 1)
    elif fault == "comma":
        text = text.replace(",\n  gates", "\n  gates", 1)
    elif fault == "ident":
        text = text.replace("crest_m", "crest-m", 1)
    elif fault == "brace":
        text = text.rstrip().rstrip("}") + "\n"
    elif fault == "char":
        tl[k] = tl[k] + " #"
        text = "\n".join(tl)
    elif fault == "number":
        text = text.replace("gates: ", "gates: 0x", 1).replace("gates: 0x", "gates: 0xZ", 1)
    return text


def cap_json5(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(10, 5), (40, 14), (120, 40)]):
        d = tmp / f"json5-{j}"
        (d / "blocks").mkdir(parents=True)
        r = random.Random(41700 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "blocks" / f"block{i + 1:03d}.json5").write_text(
                json5_file(r, i + 1, r.choice(["quote", "comma", "ident", "brace", "char", "number"])
                           if i in badset else None))
        cmd = ('ok=0; bad=0; for f in blocks/*.json5; do if json5 --validate "$f"; then echo "ok   $f"; '
               'ok=$((ok+1)); else echo "FAIL $f"; bad=$((bad+1)); fi; done; '
               'echo "checked $((ok+bad)) files: $ok ok, $bad failed"')
        cap(f"json5-{j}", cmd, d, n_json5)


STEPS = [cap_hcl2, cap_hcltool, cap_prance, cap_cfn, cap_cjs, cap_check_toml, cap_dotenv, cap_crossplane,
         cap_starlark, cap_json5]


def ensure_tools() -> None:
    cm.install_venv(VENV, "cfn-lint", PY_PACKAGES)
    cm.install_npm(TOOLS / "js", "json5", ["json5"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(TOOLS / "js" / "node_modules" / ".bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide416", sys.modules["__main__"])
    main()
