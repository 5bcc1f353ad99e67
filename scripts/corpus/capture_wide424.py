#!/usr/bin/env python3
"""Capture round 424 of the compression corpus: second samples of round 416's validator kinds (hcl2tojson, pyhcl's
hcltool, prance validate, cfn-lint's json / parseable / junit formats, check-jsonschema's JSON output, check-toml,
dotenv-linter, crossplane's nginx parse, starlark-pyo3 through round 416's checker loop, npm json5 --validate) over
`millbrook-waterworks`, a town's water works written here with faults other than round 416's (seeds 42410+). No new
rules: every item's needles come from round 416's extractor for its kind, imported from `capture_wide416` (NEEDLES.md
"Round 416" and "Round 424"). Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide424.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide424.json  as {"version": 2, "items": [...]}, ids prefixed "wide424-".
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
import capture_wide416 as w416  # noqa: E402  (round 416's extractors, imported by function below)

ID_PREFIX = "wide424-"
DEFAULT_OUT = HERE / "data" / "wide424.json"
TMP = Path(os.environ.get("HM_WIDE424_TMP", "/dev/shm/hm-corpus-wide424-run"))
TOOLS = Path(os.environ.get("HM_WIDE424_TOOLS", "/dev/shm/hm-corpus-wide424"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
# round 416's versions (its notes), pinned
PY_PACKAGES = ["python-hcl2==8.1.4", "lark==1.3.1", "pyhcl==0.4.5", "prance==26.7.19.0",
               "openapi-spec-validator==0.9.0", "jsonschema==4.26.0", "cfn-lint==1.58.0", "junit-xml==1.9",
               "check-jsonschema==0.39.0", "pre-commit-hooks==6.0.0", "dotenv-linter==0.9.0", "crossplane==0.5.8",
               "starlark-pyo3==2026.1.3"]

_SIZED = cm.Sized(400, 120_000)


def cap(item_id, command, cwd, extractor, timeout=300, typed=None):
    _SIZED.add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout), extractor)


# ================================================================== the material: millbrook-waterworks

WORKS = ["Millbrook", "Hollins", "Ashcombe", "Fenwick", "Thornley", "Castlerigg", "Redesdale", "Whitmoor"]
PUMPS = ["centrifugal", "split-case", "vertical-turbine", "submersible", "axial-flow"]
MEDIA = ["sand", "anthracite", "GAC", "garnet"]


def _replace_line(text: str, r: random.Random, new: str) -> str:
    tl = text.split("\n")
    k = r.randint(len(tl) // 3, len(tl) - 4)
    tl[k] = new
    return "\n".join(tl)


def hcl2_file(r: random.Random, idx: int, fault: str | None) -> str:
    works = r.choice(WORKS)
    w = works.lower()
    out = [f'# millbrook-waterworks zone {idx}: {works}\n',
           f'variable "top_water_level_m" {{\n  type    = number\n  default = {r.randint(180, 420)}\n}}\n']
    for p in range(r.randint(3, 8)):
        out.append(
            f'resource "ww_pump" "{w}_hl{p + 1}" {{\n'
            f'  kind        = "{r.choice(PUMPS)}"\n  duty_m3h    = {r.randint(120, 2400)}\n'
            f'  head_m      = {r.randint(20, 140)}\n  motor_kw    = {r.randint(15, 900)}\n'
            f'  suction     = ww_tank.{w}_cw{p % 2 + 1}.id\n'
            f'  tags = {{\n    works = "{works}"\n    station = "high-lift"\n  }}\n}}\n')
    for t in range(2):
        out.append(
            f'resource "ww_tank" "{w}_cw{t + 1}" {{\n  capacity_ml = {r.randint(5, 90)}\n'
            f'  compartments = {r.randint(1, 4)}\n  covered      = {str(r.random() < .8).lower()}\n}}\n')
    for b in range(r.randint(2, 6)):
        out.append(
            f'resource "ww_filter_bed" "{w}_rgf{b + 1}" {{\n  media       = "{r.choice(MEDIA)}"\n'
            f'  area_m2     = {r.randint(40, 160)}\n  backwash_h  = {r.randint(24, 96)}\n'
            f'  rates       = [{", ".join(str(r.randint(4, 12)) for _ in range(3))}]\n}}\n')
    out.append(f'output "{w}_pumping_kw" {{\n  value = sum([for p in ww_pump : p.motor_kw])\n}}\n')
    text = "".join(out)
    if fault == "list":
        text = _replace_line(text, r, "  rates       = [6, 8, 10")
    elif fault == "call":
        text = text.replace("p.motor_kw])", "p.motor_kw]", 1)
    elif fault == "bracket":
        text = _replace_line(text, r, "  ]")
    elif fault == "number":
        text = _replace_line(text, r, "  area_m2     = 12.5.0")
    elif fault == "label":
        text += 'resource "ww_valve" {\n  dn = 600\n}\nresource "ww_valve" trunk main {\n  dn = 450\n}\n'
    elif fault == "nobody":
        text += 'resource "ww_dosing" "chlorine"\n'
    elif fault == "opheredoc":
        text += 'locals {\n  notice = <<-NOTICE\n  boil water advisory template\n  NOTICE_END\n}\n'
    return text


HCL2_FAULTS = ["list", "call", "bracket", "number", "label", "nobody", "opheredoc"]


def cap_hcl2(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(7, 3), (16, 5), (34, 8)]):
        d = tmp / f"hcl2-{j}"
        (d / "tf").mkdir(parents=True)
        r = random.Random(42410 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "tf" / f"zone{i + 1:02d}.tf").write_text(hcl2_file(r, i + 1, r.choice(HCL2_FAULTS)
                                                                     if i in badset else None))
        cap(f"hcl2tojson-{j}", 'for f in tf/*.tf; do hcl2tojson "$f"; done', d, w416.n_hcl2tojson)


def hcl1_file(r: random.Random, idx: int, fault: str | None) -> str:
    out = [f'# raw-water pumping station settings, block {idx}\nworks = "{r.choice(WORKS).lower()}"\n']
    for p in range(r.randint(2, 7)):
        out.append(f'pump "rw{p + 1}" {{\n  kind = "{r.choice(PUMPS)}"\n  duty_m3h = {r.randint(200, 3000)}\n'
                   f'  npsh_m = {r.randint(3, 12)}\n  vfd {{\n    min_hz = {r.randint(20, 35)}\n'
                   f'    ramp_s = {r.randint(10, 60)}\n  }}\n}}\n')
    for s in range(r.randint(1, 3)):
        out.append(f'screen "band{s + 1}" {{\n  mesh_mm = {r.randint(2, 10)}\n'
                   f'  wash = "{r.choice(["spray", "brush", "none"])}"\n  alarms = ["diff_level", "motor_trip"]\n}}\n')
    text = "".join(out)
    if fault == "heredoc":
        text += 'note = <<EOF\nintake closed during algal bloom\n'
    elif fault == "eqeq":
        text = _replace_line(text, r, "  duty_m3h == 1200")
    elif fault == "bracket":
        text = _replace_line(text, r, '  alarms = "diff_level"]')
    elif fault == "colon":
        text = _replace_line(text, r, "  npsh_m: 6")
    elif fault == "number":
        text = _replace_line(text, r, "  ramp_s = 1.5.2")
    elif fault == "block":
        text += 'pump "rw9" "spare" extra {\n'
    return text


def cap_hcltool(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(5, 2), (11, 4), (26, 8)]):
        d = tmp / f"hcl1-{j}"
        (d / "conf").mkdir(parents=True)
        r = random.Random(42420 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "conf" / f"station{i + 1:02d}.hcl").write_text(
                hcl1_file(r, i + 1, r.choice(["heredoc", "eqeq", "bracket", "colon", "number", "block"])
                          if i in badset else None))
        cmd = 'for f in conf/*.hcl; do echo "== $f"; hcltool "$f" 2>&1 | tail -n 25; done'
        cap(f"hcltool-{j}", cmd, d, w416.n_hcltool)


def openapi_doc(r: random.Random, idx: int, fault: str | None) -> dict:
    paths = {}
    for res in r.sample(["reservoirs", "filter-beds", "pumping-stations", "water-towers", "trunk-mains",
                         "dosing-plants", "clear-water-tanks", "meters"], r.randint(2, 6)):
        op = res.replace("-", "_")
        paths[f"/{res}"] = {"get": {"operationId": f"list_{op}", "summary": f"List {res}",
                                    "parameters": [{"name": "works", "in": "query", "schema": {"type": "string"}}],
                                    "responses": {"200": {"description": "ok", "content": {"application/json": {
                                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Asset"}}}}}}}}
        paths[f"/{res}/{{assetId}}"] = {"get": {
            "operationId": f"get_{op}",
            "parameters": [{"name": "assetId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Asset"}}}}, "404": {"description": "not found"}}}}
    doc = {"openapi": "3.0.3", "info": {"title": f"millbrook-waterworks assets {idx}", "version": f"2.{idx}.0"},
           "paths": paths,
           "components": {"schemas": {"Asset": {"type": "object", "required": ["assetId", "works"], "properties": {
               "assetId": {"type": "string"}, "works": {"type": "string"}, "flow_mld": {"type": "number"}}}}}}
    keys = list(paths)
    p0 = paths[keys[0]]["get"]
    if fault == "dupop":
        paths[keys[2]]["get"]["operationId"] = p0["operationId"]
    elif fault == "badtype":
        doc["components"]["schemas"]["Asset"]["properties"]["flow_mld"]["type"] = "float"
    elif fault == "status":
        p0["responses"]["ok"] = p0["responses"].pop("200")
    elif fault == "noname":
        del p0["parameters"][0]["name"]
    elif fault == "path":
        paths["pumps"] = paths.pop(keys[-1])
    elif fault == "notitle":
        doc["info"].pop("title")
    elif fault == "openapi":
        doc["openapi"] = "3.0"
    return doc


def cap_prance(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(4, 2), (8, 4), (14, 6)]):
        d = tmp / f"oas-{j}"
        (d / "api").mkdir(parents=True)
        r = random.Random(42430 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            fault = r.choice(["dupop", "badtype", "status", "noname", "path", "notitle", "openapi"]) \
                if i in badset else None
            (d / f"api/assets-{i + 1:02d}.json").write_text(json.dumps(openapi_doc(r, i + 1, fault), indent=2))
        cmd = 'for f in api/*.json; do prance validate --backend=openapi-spec-validator "$f"; done'
        cap(f"prance-{j}", cmd, d, w416.n_prance)


def cfn_template(r: random.Random, idx: int, faults: list[str]) -> str:
    params = {"Stage": {"Type": "String", "AllowedValues": ["prod", "test"], "Default": "prod"}}
    res = {}
    res["TelemetryLogs"] = {"Type": "AWS::Logs::LogGroup", "Properties": {
        "LogGroupName": {"Fn::Sub": "/millbrook/${Stage}/telemetry"}, "RetentionInDays": 30}}
    for q in range(r.randint(2, 4)):
        res[f"MeterReadingsQueue{q + 1}"] = {"Type": "AWS::SQS::Queue", "Properties": {
            "VisibilityTimeout": r.randint(30, 600), "MessageRetentionPeriod": 345600,
            "Tags": [{"Key": "works", "Value": r.choice(WORKS)}, {"Key": "stage", "Value": {"Ref": "Stage"}}]}}
    res["BurstMainTopic"] = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "burst-${Stage}"}}}
    res["ScadaGatewaySG"] = {"Type": "AWS::EC2::SecurityGroup", "Properties": {
        "GroupDescription": "SCADA gateway", "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 502, "ToPort": 502, "CidrIp": "10.40.0.0/16"},
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.40.0.0/16"}]}}
    res["TurbidityAlarm"] = {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "MetricName": "FilteredTurbidityNTU", "Namespace": "Millbrook", "Statistic": "Average", "Period": 300,
        "EvaluationPeriods": 2, "Threshold": 0.3, "ComparisonOperator": "GreaterThanThreshold",
        "AlarmActions": [{"Ref": "BurstMainTopic"}]}}
    res["BackwashRole"] = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}}}
    res["BackwashSchedule"] = {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "RoleArn": {"Fn::GetAtt": ["BackwashRole", "Arn"]},
        "DefinitionString": json.dumps({"StartAt": "Drain", "States": {"Drain": {"Type": "Wait", "Seconds": 600,
                                                                                  "End": True}}})}}
    outputs = {"BurstTopicArn": {"Value": {"Ref": "BurstMainTopic"}}}
    q1 = res["MeterReadingsQueue1"]["Properties"]
    for f in faults:
        if f == "retention":
            res["TelemetryLogs"]["Properties"]["RetentionInDays"] = 45
        elif f == "dependson":
            res["TurbidityAlarm"]["DependsOn"] = "TurbidityTopic"
        elif f == "condition":
            res["ScadaGatewaySG"]["Condition"] = "IsProduction"
        elif f == "port":
            res["ScadaGatewaySG"]["Properties"]["SecurityGroupIngress"][0]["ToPort"] = 70000
        elif f == "visibility":
            q1["VisibilityTimeout"] = 50000
        elif f == "output":
            outputs["QueueUrl"] = {"Value": {"Ref": "MeterQueue"}}
        elif f == "join":
            res["BurstMainTopic"]["Properties"]["DisplayName"] = {"Fn::Join": ["-", "burst", "alerts"]}
        elif f == "findinmap":
            q1["DelaySeconds"] = {"Fn::FindInMap": ["WorksMap", {"Ref": "Stage"}, "Delay"]}
        elif f == "statistic":
            res["TurbidityAlarm"]["Properties"]["Statistic"] = "Mean"
        elif f == "cidr":
            res["ScadaGatewaySG"]["Properties"]["SecurityGroupIngress"][1]["CidrIp"] = "10.40.0.300/16"
        elif f == "tags":
            q1["Tags"] = {"works": "Millbrook"}
    body = {"AWSTemplateFormatVersion": "2010-09-09", "Description": f"millbrook-waterworks stack {idx}",
            "Parameters": params, "Resources": res, "Outputs": outputs}
    import yaml
    return yaml.safe_dump(body, sort_keys=False)


CFN_FAULTS = ["retention", "dependson", "condition", "port", "visibility", "output", "join", "findinmap",
              "statistic", "cidr", "tags"]


def write_cfn(d: Path, r: random.Random, n: int) -> None:
    (d / "cfn").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        faults = r.sample(CFN_FAULTS, r.choice([0, 0, 1, 1, 2, 3]))
        (d / f"cfn/works-{i + 1:02d}.yaml").write_text(cfn_template(r, i + 1, faults))


def cap_cfn(tmp: Path) -> None:
    for fmt, ext, base, sizes in [("json", w416.n_cfn_json, 42440, [3, 8, 20]),
                                  ("parseable", w416.n_cfn_parseable, 42443, [4, 12, 40]),
                                  ("junit", w416.n_cfn_junit, 42446, [3, 9])]:
        for j, n in enumerate(sizes):
            d = tmp / f"cfn-{fmt}-{j}"
            write_cfn(d, random.Random(base + j), n)
            cap(f"cfn-lint-{fmt}-{j}", f"cfn-lint --format {fmt} cfn/*.yaml", d, ext, timeout=500)


SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "filter bed record", "type": "object",
    "required": ["bed", "works", "kind", "area_m2", "media", "last_backwash"], "additionalProperties": False,
    "properties": {
        "bed": {"type": "string", "minLength": 3, "maxLength": 8},
        "works": {"enum": WORKS},
        "kind": {"oneOf": [{"const": "slow-sand"}, {"const": "rapid-gravity"}, {"const": "pressure"}]},
        "area_m2": {"type": "number", "multipleOf": 0.5, "minimum": 10},
        "schema_version": {"const": 3},
        "media": {"type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": True,
                  "items": {"type": "object", "required": ["layer", "depth_mm"], "properties": {
                      "layer": {"enum": MEDIA}, "depth_mm": {"type": "integer", "minimum": 50, "maximum": 1500}}}},
        "last_backwash": {"type": "string", "format": "date-time"},
        "air_scour": {"type": "boolean"},
        "air_rate_m3m2h": {"type": "number"},
    },
    "dependentRequired": {"air_scour": ["air_rate_m3m2h"]},
}


def bed_doc(r: random.Random, i: int, fault: str | None):
    layers = r.sample(MEDIA, r.randint(1, 3))
    doc = {"bed": f"RGF{i:02d}", "works": r.choice(WORKS), "kind": r.choice(["slow-sand", "rapid-gravity",
                                                                             "pressure"]),
           "area_m2": r.randint(40, 320) / 2, "schema_version": 3,
           "media": [{"layer": m, "depth_mm": r.randint(100, 900)} for m in layers],
           "last_backwash": f"2026-11-{r.randint(10, 28)}T0{r.randint(0, 9)}:30:00Z"}
    if r.random() < .5:
        doc["air_scour"] = True
        doc["air_rate_m3m2h"] = r.randint(40, 60)
    if fault == "const":
        doc["schema_version"] = 2
    elif fault == "multiple":
        doc["area_m2"] = 87.3
    elif fault == "maxitems":
        doc["media"] = [{"layer": m, "depth_mm": 200} for m in MEDIA]
    elif fault == "unique":
        doc["media"] = [{"layer": "sand", "depth_mm": 600}, {"layer": "sand", "depth_mm": 600}]
    elif fault == "format":
        doc["last_backwash"] = "last tuesday"
    elif fault == "oneof":
        doc["kind"] = "upflow"
    elif fault == "dependent":
        doc["air_scour"] = True
        doc.pop("air_rate_m3m2h", None)
    elif fault == "minlength":
        doc["bed"] = "B"
    elif fault == "integer":
        doc["media"][0]["depth_mm"] = "600mm"
    return doc


CJS_FAULTS = ["const", "multiple", "maxitems", "unique", "format", "oneof", "dependent", "minlength", "integer"]


def cap_cjs(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(10, 4), (30, 9), (80, 20), (220, 45)]):
        d = tmp / f"cjs-{j}"
        (d / "beds").mkdir(parents=True)
        (d / "bed.schema.json").write_text(json.dumps(SCHEMA, indent=2))
        r = random.Random(42450 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            p = d / "beds" / f"bed{i + 1:03d}.json"
            if i in badset and r.random() < 0.12:  # a comment left in: not JSON
                p.write_text("// copied from the SCADA export\n" + json.dumps(bed_doc(r, i + 1, None), indent=2))
                continue
            p.write_text(json.dumps(bed_doc(r, i + 1, r.choice(CJS_FAULTS) if i in badset else None), indent=2))
        cmd = ("check-jsonschema --schemafile bed.schema.json --output-format json beds/*.json"
               " | python3 -m json.tool")
        cap(f"check-jsonschema-json-{j}", cmd, d, w416.n_cjs_json)


def toml_file(r: random.Random, i: int, fault: str | None) -> str:
    parts = [f'[works]\nname = "{r.choice(WORKS).lower()}"\nzone = {i}\n']
    for t in range(r.randint(2, 6)):
        parts.append(f'[[reservoir]]\nname = "R{t + 1}"\ntop_water_m = {r.randint(150, 420)}.{r.randint(0, 9)}\n'
                     f'capacity_ml = {r.randint(200, 9000)}\ninspected = 20{r.randint(10, 25)}-0{r.randint(1, 9)}-20\n')
    parts.append(f'[dosing]\nchlorine_mgl = 0.{r.randint(3, 9)}\nphosphate = {str(r.random() < .5).lower()}\n')
    text = "\n".join(parts)
    if fault == "escape":
        text = _replace_line(text, r, 'name = "R\\q"')
    elif fault == "inline":
        text = _replace_line(text, r, "limits = { low = 1, high = 4")
    elif fault == "barekey":
        text = _replace_line(text, r, "top water m = 210")
    elif fault == "leadzero":
        text = _replace_line(text, r, "capacity_ml = 0450")
    elif fault == "redefine":
        text += "\n[reservoir]\nname = \"spare\"\n"
    elif fault == "float":
        text = _replace_line(text, r, "chlorine_mgl = .5")
    elif fault == "bool":
        text = _replace_line(text, r, "phosphate = yes")
    return text


def cap_check_toml(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(14, 6), (50, 16), (200, 55)]):
        d = tmp / f"toml-{j}"
        (d / "zones").mkdir(parents=True)
        r = random.Random(42460 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "zones" / f"zone{i + 1:03d}.toml").write_text(
                toml_file(r, i + 1, r.choice(["escape", "inline", "barekey", "leadzero", "redefine", "float", "bool"])
                          if i in badset else None))
        cap(f"check-toml-{j}", "check-toml zones/*.toml", d, w416.n_check_toml)


def env_file(r: random.Random, i: int, bad: bool) -> tuple[str, bool]:
    keys = [("TELEMETRY_HOST", "10.40.0.7"), ("MODBUS_PORT", "502"), ("PUMP_COUNT", str(r.randint(2, 9))),
            ("TOWER_LOW_ALARM_M", str(r.randint(2, 6))), ("CHLORINE_TARGET_MGL", f"0.{r.randint(3, 9)}"),
            ("HISTORIAN_URL", "http://127.0.0.1:28424/historian"), ("LOG_LEVEL", "warning"),
            ("ZONE_ID", f"MB-{i}")]
    out = [f"{k}={v}" for k, v in keys]
    crlf = False
    if bad:
        for f in r.sample(["reserved", "unreadable", "trail", "spcomment", "rawname", "crlf", "hyphen", "digit"],
                          r.randint(1, 3)):
            k = r.randrange(len(out))
            if f == "reserved":
                out.insert(k, "DJANGO_ENV=production")
            elif f == "unreadable":
                out.insert(k, "PUMP_O0_TRIP=1")
            elif f == "trail":
                out[k] = out[k] + "   "
            elif f == "spcomment":
                out.insert(k, "#   duty pump rotation weekly   ")
            elif f == "rawname":
                out.insert(k, "STANDBY_PUMP")
            elif f == "crlf":
                crlf = True
            elif f == "hyphen":
                out.insert(k, "WATER-TOWER=North Hill")
            elif f == "digit":
                out.insert(k, "2ND_MAIN_DN=450")
    return "\n".join(out) + "\n", crlf


def cap_dotenv(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(6, 3), (24, 10), (90, 35)]):
        d = tmp / f"env-{j}"
        (d / "zones").mkdir(parents=True)
        r = random.Random(42470 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            text, crlf = env_file(r, i + 1, i in badset)
            (d / "zones" / f"zone{i + 1:02d}.env").write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode())
        cap(f"dotenv-linter-{j}", "dotenv-linter zones/*.env", d, w416.n_dotenv)


def nginx_tree(d: Path, r: random.Random, n_inc: int, n_bad: int) -> None:
    (d / "sites").mkdir(parents=True)
    (d / "nginx.conf").write_text(
        "worker_processes 1;\nevents {\n    worker_connections 256;\n}\nhttp {\n"
        "    include mime.types;\n    keepalive_timeout 30;\n    include sites/*.conf;\n}\n")
    (d / "mime.types").write_text("types {\n    application/json json;\n    text/csv csv;\n}\n")
    bad = set(r.sample(range(n_inc), n_bad))
    for i in range(n_inc):
        w = r.choice(WORKS).lower()
        ups = "".join(f"        server 127.0.0.1:{r.choice([18424, 28424, 38424])} max_fails={r.randint(1, 4)};\n"
                      for _ in range(r.randint(1, 4)))
        locs = "".join(f"    location /{res}/ {{\n        proxy_pass http://{w}_{i};\n"
                       f"        proxy_connect_timeout {r.randint(2, 30)}s;\n    }}\n"
                       for res in r.sample(["reservoirs", "filters", "pumps", "towers", "mains", "dosing", "meters"],
                                           r.randint(2, 6)))
        body = (f"upstream {w}_{i} {{\n{ups}}}\nserver {{\n    listen 127.0.0.1:{28424 + i};\n"
                f"    server_name {w}-{i}.waterworks.local;\n{locs}}}\n")
        if i in bad:
            fault = r.choice(["quote", "include", "noargs", "upstreamctx", "flag", "toomany"])
            if fault == "quote":
                body = body.replace(".waterworks.local;", '.waterworks.local "scada;', 1)
            elif fault == "include":
                body = body.replace("    listen", "    include snippets/telemetry-auth.conf;\n    listen", 1)
            elif fault == "noargs":
                body = body.replace("    location /", "    location {\n        return 404;\n    }\n    location /", 1)
            elif fault == "upstreamctx":
                body = body.replace("upstream", "upstream", 1).replace(f"{{\n        server", f"{{\n        proxy_pass http://x;\n        server", 1)
            elif fault == "flag":
                body = body.replace("    listen", "    proxy_buffering maybe;\n    listen", 1)
            elif fault == "toomany":
                body = body.replace("proxy_connect_timeout", "proxy_connect_timeout 5s", 1)
        (d / "sites" / f"{i + 1:02d}-{w}.conf").write_text(body)


def cap_crossplane(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(3, 2), (8, 4), (27, 8)]):
        d = tmp / f"nginx-{j}"
        nginx_tree(d, random.Random(42480 + j), n, bad)
        strict = " --strict" if j != 1 else ""
        cap(f"crossplane-{j}", f"crossplane parse --indent 2{strict} nginx.conf", d, w416.n_crossplane)


def star_file(r: random.Random, i: int, fault: str | None) -> str:
    pumps = [(f"HL{t + 1}", r.choice(PUMPS), r.randint(120, 2400)) for t in range(r.randint(2, 6))]
    body = [f'# pumping rules, zone {i}\nWORKS = "{r.choice(WORKS)}"\n',
            "def pump(name, kind, duty, standby = False):\n    return {\"name\": name, \"kind\": kind, \"duty\": duty, "
            "\"standby\": standby}\n",
            "PUMPS = [\n" + "".join(f'    pump("{n}", "{k}", {m}),\n' for n, k, m in pumps) + "]\n",
            "def total_duty(pumps):\n    t = 0\n    for p in pumps:\n        if not p[\"standby\"]:\n"
            "            t += p[\"duty\"]\n    return t\n",
            "def tower_band(level_m, low_m = 3):\n    if level_m < low_m:\n        return \"start-all\"\n"
            "    return \"normal\"\n",
            f"DUTY = total_duty(PUMPS)\nBAND = tower_band({r.randint(1, 9)})\n"]
    if fault == "zerodiv":
        body.append("PER_PUMP = DUTY // (len(PUMPS) - len(PUMPS))\n")
    elif fault == "unpack":
        body.append("LEAD, LAG = PUMPS\n")
    elif fault == "recursion":
        body.append("def fill(n):\n    return 0 if n == 0 else fill(n - 1)\nFILLED = fill(3)\n")
    elif fault == "mutate":
        body.append("def rotate(pumps):\n    for p in pumps:\n        pumps.append(p)\n    return pumps\n"
                    "ROTA = rotate(list(PUMPS))\n")
    elif fault == "string":
        body.append('LABEL = "zone " + 7\n')
    elif fault == "kwarg":
        body.append('SPARE = pump("HL9", "submersible", 300, standby = True, vfd = True)\n')
    elif fault == "while":
        body.append("def drain(x):\n    while x > 0:\n        x -= 1\n    return x\n")
    return "".join(body)


def cap_starlark(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(5, 3), (14, 6), (36, 14)]):
        d = tmp / f"star-{j}"
        (d / "rules").mkdir(parents=True)
        (d / "check_star.py").write_text(w416.STAR_CHECK)
        r = random.Random(42490 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "rules" / f"zone{i + 1:02d}.star").write_text(
                star_file(r, i + 1, r.choice(["zerodiv", "unpack", "recursion", "mutate", "string", "kwarg", "while"])
                          if i in badset else None))
        cap(f"starlark-{j}", f"{PY} check_star.py rules/*.star", d, w416.n_starlark,
            typed="python check_star.py rules/*.star")


def json5_file(r: random.Random, i: int, fault: str | None) -> str:
    rows = ",\n".join(f"    {{name: 'R{t + 1}', top_water_m: {r.randint(150, 420)}.{r.randint(0, 9)}, "
                      f"capacity_ml: {r.randint(200, 9000)}, }}" for t in range(r.randint(2, 6)))
    text = (f"// millbrook-waterworks zone {i}\n{{\n  works: '{r.choice(WORKS)}',\n  /* trunk main in mm */\n"
            f"  main_dn: {r.choice([300, 450, 600, 900])},\n  reservoirs: [\n{rows},\n  ],\n"
            f"  towers: {r.randint(1, 4)},\n}}\n")
    if fault == "doublecomma":
        text = text.replace("  ],\n", "  ],,\n", 1)
    elif fault == "escape":
        text = text.replace("works: '", "works: '\\x4", 1)
    elif fault == "comment":
        text = text.replace("/* trunk main in mm */", "/* trunk main in mm", 1)
    elif fault == "nan":
        text = text.replace("towers: ", "towers: Nan, // was ", 1)
    elif fault == "undefined":
        text = text.replace("main_dn: ", "main_dn: undefined, // ", 1)
    elif fault == "trailing":
        text = text + "}\n"
    return text


def cap_json5(tmp: Path) -> None:
    for j, (n, bad) in enumerate([(12, 6), (45, 15), (150, 45)]):
        d = tmp / f"json5-{j}"
        (d / "zones").mkdir(parents=True)
        r = random.Random(42500 + j)
        badset = set(r.sample(range(n), bad))
        for i in range(n):
            (d / "zones" / f"zone{i + 1:03d}.json5").write_text(
                json5_file(r, i + 1, r.choice(["doublecomma", "escape", "comment", "nan", "undefined", "trailing"])
                           if i in badset else None))
        cmd = ('ok=0; bad=0; for f in zones/*.json5; do if json5 --validate "$f"; then echo "ok   $f"; '
               'ok=$((ok+1)); else echo "FAIL $f"; bad=$((bad+1)); fi; done; '
               'echo "checked $((ok+bad)) files: $ok ok, $bad failed"')
        cap(f"json5-{j}", cmd, d, w416.n_json5)


STEPS = [cap_hcl2, cap_hcltool, cap_prance, cap_cfn, cap_cjs, cap_check_toml, cap_dotenv, cap_crossplane,
         cap_starlark, cap_json5]


def ensure_tools() -> None:
    cm.install_venv(VENV, "cfn-lint", PY_PACKAGES)
    cm.install_npm(TOOLS / "js", "json5", ["json5@2.2.3"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(TOOLS / "js" / "node_modules" / ".bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
