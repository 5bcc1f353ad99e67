"""Round 148, schema tooling of APIs: `ferrylink`'s Avro schemas and data files through the `avro` package (parse
errors) and `fastavro` (record dumps, schema resolution failures), its OpenAPI documents through `swagger-cli
validate` and the npm `openapi-diff` between two versions, and its TypeSpec project through `tsp compile`. Faults put
in on purpose; sizes from seeded generators. Run through capture_wide148.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, run, write_tree
from capture_wide141 import tracebacks
from capture_wide148 import cap, TOOLS
from capture_wide148_idl import PORTS, VESSELS, _exit, _json_record_lines, _records_rule4
import capture_more as cm


# ------------------------------------------------------------------ avro

@cm.kind("avro-schema-error", "lint")
def n_avro_schema(lines):
    """Rules 1+3+5 on the avro package parsing schemas: every line naming a schema file with a verdict not OK, each traceback, every SchemaParseException / AvroException / …Error: line, the closing count line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\.avsc\b", ln) and not re.search(r"\bOK\b", ln)]
    out += tracebacks(lines)
    out += [ln for ln in lines if re.search(r"(SchemaParseException|AvroException|\w+Error)\b:?", ln)
            and not ln.startswith(" ")]
    out += [ln for ln in lines if re.match(r"^\d+ schemas?\b|^checked \d+", ln)]
    return out + _exit(lines)


@cm.kind("fastavro-dump", "json")
def n_fastavro_dump(lines):
    """Rules 4+5 on a fastavro record dump: the records as a table (fields as columns): the first and last records, rare categorical values, each numeric field's min and max; with --schema the top record's name and type lines; each traceback; an EXIT=N line."""
    out = []
    rows = []
    for ln in lines:
        if ln.startswith("{") and ln.endswith("}"):
            try:
                rec = json.loads(ln)
            except ValueError:
                continue
            if isinstance(rec, dict) and "fields" not in rec:
                rows.append((ln, {k: (str(v) if not isinstance(v, (dict, list)) else None) for k, v in rec.items()}))
    if rows:
        out += _records_rule4(rows)
    elif any(ln.startswith("{") and ln.endswith("{") or ln == "{" for ln in lines):
        for _, recs in _json_record_lines(["["] + lines + ["]"]):
            out += _records_rule4(recs)
    for ln in lines:  # --schema: one line or pretty
        if '"fields"' in ln and ln.startswith("{"):
            out.append(ln)
    if not rows:
        top = [ln for ln in lines if re.match(r'^ {2}"(name|type|namespace)": ', ln)]
        out += top
    out += tracebacks(lines)
    out += [ln for ln in lines if re.search(r"(?i)\berror\b", ln) and not ln.startswith("{")]
    return out + _exit(lines)


@cm.kind("avro-resolution-error", "test")
def n_avro_resolution(lines):
    """Rules 1+3+5 on reading Avro data with a reader schema: each traceback, every SchemaResolutionError / …Error: line, every (writer, reader) verdict line not OK, the closing count line, an EXIT=N line."""
    out = tracebacks(lines)
    out += [ln for ln in lines if re.search(r"\w+(Error|Exception)\b", ln) and not ln.startswith(" ")]
    out += [ln for ln in lines if re.search(r"->", ln) and not re.search(r"\bOK\b", ln)]
    out += [ln for ln in lines if re.match(r"^\d+ (readers?|pairs?|schemas?)\b", ln)]
    return out + _exit(lines)


SAILING_SCHEMA = {
    "type": "record", "name": "Sailing", "namespace": "ferrylink.avro",
    "fields": [
        {"name": "sailing_id", "type": "string"},
        {"name": "route", "type": "string"},
        {"name": "vessel", "type": "string"},
        {"name": "status", "type": {"type": "enum", "name": "Status",
                                    "symbols": ["SCHEDULED", "DEPARTED", "ARRIVED", "DELAYED", "CANCELLED"]}},
        {"name": "departs", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "cars", "type": "int"},
        {"name": "passengers", "type": "int"},
        {"name": "delay_min", "type": ["null", "int"], "default": None},
        {"name": "fuel_t", "type": "double"},
    ]}

BAD_SCHEMAS = {
    "berth.avsc": '{"type": "record", "name": "Berth", "fields": [{"name": "port", "type": "string"}, {"name": "length_m", "type": "flaot"}]}',
    "cargo.avsc": '{"type": "record", "name": "Cargo", "fields": [{"name": "id", "type": "long"}, {"name": "class", "type": {"type": "enum", "name": "Haz", "symbols": ["A", "B", "A"]}}]}',
    "crew.avsc": '{"type": "record", "name": "Crew", "fields": [{"name": "name"}, {"name": "rank", "type": "string"}]}',
    "deck.avsc": '{"type": "record", "name": "Deck", "fields": [{"name": "level", "type": "int", "default": "upper"}]}',
    "fare.avsc": '{"type": "fixed", "name": "Fare"}',
    "lane.avsc": '{"type": "record", "name": "Lane", "fields": [{"name": "n", "type": "int"}, {"name": "n", "type": "int"}]}',
    "manifest.avsc": '{"type": "record", "name": "Manifest", "fields": [{"name": "vehicles", "type": {"type": "array"}}]}',
    "port.avsc": '{"type": "record", "name": "Port", "fields": [{"name": "code", "type": "string"},]}',
    "tide.avsc": '{"type": "record", "name": "Tide", "fields": [{"name": "height", "type": {"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 4}}]}',
    "ticket.avsc": '{"type": "record", "name": "1Ticket", "fields": [{"name": "ref", "type": "string"}]}',
    "union.avsc": '{"type": "record", "name": "U", "fields": [{"name": "x", "type": ["null", "null", "int"]}]}',
}

CHECK_SCHEMAS = '''\
import glob, sys, traceback
import avro.schema

bad = 0
paths = sorted(glob.glob("schemas/*.avsc"))
for path in paths:
    try:
        avro.schema.parse(open(path).read())
        print(f"{path}: OK")
    except Exception as e:
        bad += 1
        print(f"{path}: FAILED {type(e).__name__}: {e}")
        if "-v" in sys.argv:
            traceback.print_exc(file=sys.stdout)
print(f"{len(paths)} schemas checked, {bad} failed")
sys.exit(1 if bad else 0)
'''

READERS = '''\
import json, sys
import fastavro

with open("sailings.avro", "rb") as f:
    writer = fastavro.reader(f).writer_schema
ok = bad = 0
for path in sys.argv[1:]:
    reader = fastavro.parse_schema(json.load(open(path)))
    try:
        with open("sailings.avro", "rb") as f:
            n = sum(1 for _ in fastavro.reader(f, reader_schema=reader))
        print(f"sailings.avro -> {path}: OK ({n} records)")
        ok += 1
    except Exception as e:
        print(f"sailings.avro -> {path}: {type(e).__name__}: {e}")
        bad += 1
print(f"{ok + bad} readers tried, {bad} could not read sailings.avro")
'''


def _reader_schemas() -> dict:
    def variant(fn):
        s = json.loads(json.dumps(SAILING_SCHEMA))
        fn(s)
        return json.dumps(s, indent=2)
    out = {}
    out["readers/v2_ok.avsc"] = variant(lambda s: s["fields"].append({"name": "operator", "type": "string", "default": "ferrylink"}))
    out["readers/v3_no_default.avsc"] = variant(lambda s: s["fields"].append({"name": "berth", "type": "int"}))
    out["readers/v4_cars_string.avsc"] = variant(lambda s: s["fields"][5].update(type="string"))
    out["readers/v5_status_narrow.avsc"] = variant(lambda s: s["fields"][3]["type"].update(symbols=["SCHEDULED", "DEPARTED", "ARRIVED"]))
    out["readers/v6_renamed.avsc"] = variant(lambda s: s.update(name="Voyage"))
    out["readers/v7_long_ok.avsc"] = variant(lambda s: s["fields"][6].update(type="long"))
    out["readers/v8_fuel_float.avsc"] = variant(lambda s: s["fields"][8].update(type="float"))
    out["readers/v9_delay_int.avsc"] = variant(lambda s: s["fields"][7].update(type="int"))
    return out


WRITE_DATA = '''\
import json, random, sys
import fastavro

rng = random.Random(int(sys.argv[2]))
ports = %(ports)r
vessels = %(vessels)r
statuses = ["ARRIVED"] * 15 + ["DEPARTED"] * 3 + ["DELAYED", "CANCELLED"]
schema = fastavro.parse_schema(json.load(open("sailing.avsc")))
recs = []
for i in range(int(sys.argv[3])):
    st = rng.choice(statuses)
    recs.append({"sailing_id": f"FL{48000 + i}", "route": f"{rng.choice(ports)}-{rng.choice(ports)}",
                 "vessel": rng.choice(vessels), "status": st, "departs": 1764547200000 + i * 2700000,
                 "cars": rng.randint(30, 410), "passengers": rng.randint(60, 1750),
                 "delay_min": None if st == "CANCELLED" else rng.randint(0, 20) if st != "DELAYED" else rng.randint(45, 200),
                 "fuel_t": round(rng.uniform(7.5, 41.0), 2)})
with open(sys.argv[1], "wb") as f:
    fastavro.writer(f, schema, recs, codec="deflate")
''' % {"ports": PORTS, "vessels": VESSELS}


def cap_avro(tmp: Path) -> None:
    d = tmp / "avro"
    py = TOOLS / "avro" / "bin" / "python"
    good = {"schemas/sailing.avsc": json.dumps(SAILING_SCHEMA, indent=2)}
    rng = random.Random(14805)
    for k in range(14):  # more good schemas around the bad ones
        good[f"schemas/sensor_{k:02d}.avsc"] = json.dumps({"type": "record", "name": f"Sensor{k}", "fields": [
            {"name": f"f{j}", "type": rng.choice(["int", "long", "string", "double", "boolean"])} for j in range(rng.randint(2, 6))]})
    write_tree(d, {"check_schemas.py": CHECK_SCHEMAS, "readers.py": READERS, "write_data.py": WRITE_DATA,
                   "sailing.avsc": json.dumps(SAILING_SCHEMA, indent=2), **good,
                   **{f"schemas/{k}": v for k, v in BAD_SCHEMAS.items()}, **_reader_schemas()})
    run(f"{py} write_data.py sailings.avro 1 420 && {py} write_data.py week49.avro 2 1200", cwd=d)
    cap("avro-schema-check", f"{py} check_schemas.py", d, n_avro_schema, typed="python check_schemas.py")
    cap("avro-schema-check-verbose-echo", f"{py} check_schemas.py -v; echo EXIT=$?", d, n_avro_schema,
        typed="python check_schemas.py -v; echo EXIT=$?")
    cap("avro-schema-parse-one", f"{py} -c 'import avro.schema; avro.schema.parse(open(\"schemas/cargo.avsc\").read())'",
        d, n_avro_schema, typed="python -c 'import avro.schema; avro.schema.parse(open(\"schemas/cargo.avsc\").read())'")
    cap("fastavro-dump-sailings", "fastavro sailings.avro", d, n_fastavro_dump)
    cap("fastavro-dump-pretty-head", "fastavro -p week49.avro | head -n 300", d, n_fastavro_dump)
    cap("fastavro-dump-week49-grep-cancelled", "fastavro week49.avro | grep -E 'CANCELLED|DELAYED'", d, n_fastavro_dump)
    cap("fastavro-dump-week49-tail", "fastavro week49.avro | tail -n 300", d, n_fastavro_dump)
    cap("fastavro-dump-schema-metadata", "fastavro --schema -p sailings.avro; fastavro --metadata sailings.avro; "
        "fastavro sailings.avro | head -n 5", d, n_fastavro_dump)
    cap("avro-resolution-readers", f"{py} readers.py readers/*.avsc", d, n_avro_resolution,
        typed="python readers.py readers/*.avsc")
    cap("avro-resolution-one-echo", f"{py} -c 'import fastavro,json; r=fastavro.parse_schema(json.load(open("
        "\"readers/v3_no_default.avsc\"))); print(sum(1 for _ in fastavro.reader(open(\"week49.avro\",\"rb\"), "
        "reader_schema=r)))'; echo EXIT=$?", d, n_avro_resolution,
        typed="python -c 'import fastavro,json; r=fastavro.parse_schema(json.load(open(\"readers/v3_no_default.avsc\")));"
        " print(sum(1 for _ in fastavro.reader(open(\"week49.avro\",\"rb\"), reader_schema=r)))'; echo EXIT=$?")


# ------------------------------------------------------------------ OpenAPI

@cm.kind("swagger-cli-validate", "lint")
def n_swagger_cli(lines):
    """Rules 1+3+5 on swagger-cli validate: the verdict line (is valid / the first line of the error), every line naming a JSON path or pointer, every Missing / not / must / Error line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r" is valid$", ln)]
    first = next((ln for ln in lines if ln.strip() and not ln.startswith(("EXIT=", "== "))), None)
    if first:
        out.append(first)
    out += [ln for ln in lines if re.search(r"#/|\bat #|/paths/|\bpaths\b.*>", ln)]
    out += [ln for ln in lines if re.search(r"(?i)\bmissing\b|\bnot\b|\bmust\b|error", ln)]
    return out + _exit(lines)


@cm.kind("openapi-diff", "lint")
def n_openapi_diff(lines):
    """Rules 1+3+5 on the npm openapi-diff: every breaking difference's code/type/action line and its location line, one {"any"} per non-breaking difference code, the summary lines, every error line, an EXIT=N line."""
    out, nonbreak = [], []
    section = ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"(?i)breaking ?differences|non-?breaking|unclassified", s) and s.endswith(("[", ":")):
            section = "break" if re.search(r"(?i)^\"?breaking", s) else "other"
        m = re.search(r'"code": "([^"]+)"', s)
        if m:
            if section == "break":
                out.append(ln)
                loc = cm.next_match(lines, i, r'"location": ', ahead=12)
                if loc:
                    out.append(loc)
            else:
                nonbreak.append((m.group(1), ln))
        elif re.search(r"(?i)breaking changes found|no breaking|no changes|changes found|differences? found", s):
            out.append(ln)
        elif re.search(r"(?i)\berror\b", s) and '"' not in s[:1]:
            out.append(ln)
    return out + groups(nonbreak) + _exit(lines)


def _openapi(rng: random.Random, n_paths: int, version: str, broken: bool) -> dict:
    schemas = {}
    paths = {}
    for k in range(n_paths):
        res = f"{rng.choice(['sailings', 'bookings', 'vessels', 'ports', 'fares', 'cabins', 'vehicles'])}{k}"
        model = res.capitalize()
        props = {f: {"type": rng.choice(["string", "integer", "number", "boolean"])}
                 for f in rng.sample(["id", "name", "route", "departs", "price", "seats", "deck", "status", "length"], 4)}
        schemas[model] = {"type": "object", "required": list(props)[:2], "properties": props}
        paths[f"/{res}"] = {"get": {"operationId": f"list{model}", "parameters": [
            {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "type": "array", "items": {"$ref": f"#/components/schemas/{model}"}}}}}}}}
        paths[f"/{res}/{{id}}"] = {"get": {"operationId": f"get{model}", "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "$ref": f"#/components/schemas/{model}"}}}}, "404": {"description": "not found"}}}}
    return {"openapi": "3.0.3", "info": {"title": "ferrylink", "version": version},
            "servers": [{"url": "https://api.ferrylink.example/v1"}], "paths": paths, "components": {"schemas": schemas}}


def _v2(spec: dict, rng: random.Random) -> dict:
    """The next version: some paths removed, a parameter made required, a type changed, a response dropped, paths
    and properties added."""
    s = json.loads(json.dumps(spec))
    s["info"]["version"] = "2.0.0"
    keys = list(s["paths"])
    for p in rng.sample(keys, 4):
        del s["paths"][p]
    for p in rng.sample([k for k in s["paths"] if "{id}" not in k], 3):
        s["paths"][p]["get"]["parameters"][0]["required"] = True
    for name in rng.sample(list(s["components"]["schemas"]), 5):
        props = s["components"]["schemas"][name]["properties"]
        f = next(iter(props))
        props[f]["type"] = "integer" if props[f]["type"] == "string" else "string"
        props["operator"] = {"type": "string"}
    for p in rng.sample([k for k in s["paths"] if "{id}" in k], 3):
        s["paths"][p]["get"]["responses"].pop("404", None)
    for k in range(6):
        s["paths"][f"/loyalty{k}"] = {"get": {"operationId": f"loyalty{k}", "responses": {"200": {"description": "ok"}}}}
    s["servers"] = [{"url": "https://api.ferrylink.example/v2"}]
    return s


BROKEN_YAML = """\
openapi: 3.0.3
info:
  title: ferrylink bookings
  version: 1.4.0
paths:
  /bookings:
    post:
      operationId: createBooking
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/BookingRequest'
      responses:
        '201':
          description: created
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Booking'
  /bookings/{ref}:
    get:
      operationId: getBooking
      parameters:
        - name: ref
          in: path
          schema:
            type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Booking'
components:
  schemas:
    Booking:
      type: object
      properties:
        ref: {type: string}
        sailing: {$ref: '#/components/schemas/Sailing'}
        cabin: {type: strng}
"""


def cap_openapi(tmp: Path) -> None:
    d = tmp / "openapi"
    rng = random.Random(14806)
    v1 = _openapi(rng, 40, "1.9.0", False)
    small = _openapi(random.Random(148061), 6, "1.9.0", False)
    v2 = _v2(v1, rng)
    big_bad = json.loads(json.dumps(v1))
    for k, name in enumerate(list(big_bad["components"]["schemas"])[:8]):
        big_bad["components"]["schemas"][name]["properties"]["deck"] = {"type": "enum" if k % 2 else "int"}
    del big_bad["paths"][list(big_bad["paths"])[3]]["get"]["responses"]
    write_tree(d, {"bookings.yaml": BROKEN_YAML, "v1.json": json.dumps(v1, indent=2), "v2.json": json.dumps(v2, indent=2),
                   "v1-small.json": json.dumps(small, indent=2),
                   "v2-small.json": json.dumps(_v2(small, random.Random(148062)), indent=2),
                   "v1-bad.json": json.dumps(big_bad, indent=2),
                   "bookings-fixed.yaml": BROKEN_YAML.replace("strng", "string").replace(
                       "        cabin:", "        cabin:").replace("$ref: '#/components/schemas/BookingRequest'",
                                                                         "$ref: '#/components/schemas/Booking'")})
    cap("swagger-cli-validate-v1-bad", "swagger-cli validate v1-bad.json", d, n_swagger_cli)
    cap("swagger-cli-validate-v1-bad-head", "swagger-cli validate v1-bad.json 2>&1 | head -n 40; echo EXIT=$?", d,
        n_swagger_cli)
    cap("swagger-cli-validate-loop", "for f in *.json *.yaml; do echo \"== $f\"; swagger-cli validate \"$f\"; done", d,
        n_swagger_cli)
    cap("openapi-diff-v1-v2-report", "openapi-diff v1.json v2.json > report.txt; cat report.txt", d, n_openapi_diff)
    cap("openapi-diff-small-echo", "openapi-diff v1-small.json v2-small.json; echo EXIT=$?", d, n_openapi_diff)
    cap("openapi-diff-v1-v2-echo-head", "openapi-diff v1.json v2.json | head -n 100; echo EXIT=$?", d,
        n_openapi_diff)
    cap("openapi-diff-v2-v1", "openapi-diff v2.json v1.json 2>&1 | tail -n 200", d, n_openapi_diff)


# ------------------------------------------------------------------ TypeSpec

@cm.kind("tsp-compile", "build")
def n_tsp(lines):
    """Rules 1+3+5 on tsp compile: every file.tsp:L:C - error CODE: message line, warnings one {"any"} per (code, file), the closing Found N errors / N warnings / Compilation completed line(s), an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\d+:\d+ - error ", ln) or re.match(r"^error ", ln)]
    warn = []
    for ln in lines:
        m = re.search(r"^(\S+?):\d+:\d+ - warning (\S+)", ln)
        if m:
            warn.append(((m.group(1), m.group(2)), ln))
        elif re.match(r"^warning (\S+)", ln):
            warn.append((("", ln.split()[1]), ln))
    out += [ln for ln in lines if re.search(r"(?i)found \d+ (errors?|warnings?)|compilation completed|"
                                            r"compilation failed|^Diagnostics were reported", ln)]
    return out + groups(warn) + _exit(lines)


TSP_MAIN = """\
import "@typespec/http";
import "@typespec/openapi3";
import "./models.tsp";
import "./routes.tsp";

using TypeSpec.Http;

@service(#{ title: "ferrylink" })
@server("https://api.ferrylink.example", "production")
namespace Ferrylink;
"""


def _tsp_models(rng: random.Random, n: int) -> tuple[str, str]:
    types = ["string", "int32", "int64", "float64", "boolean", "utcDateTime", "Port", "Vessel"]
    models = ["import \"@typespec/http\";", "using TypeSpec.Http;", "namespace Ferrylink;", "",
              "enum Port { Dover, Calais, Dunkirk, Portsmouth, Caen, Rosslare }",
              "model Vessel { name: string; imo: string; capacity: int32; }", ""]
    routes = ["import \"@typespec/http\";", "using TypeSpec.Http;", "namespace Ferrylink;", ""]
    names = []
    for k in range(n):
        name = f"{rng.choice(['Sailing', 'Booking', 'Cabin', 'Fare', 'Vehicle', 'Berth', 'Crew'])}{k}"
        names.append(name)
        models.append(f"@doc(\"{name} record\")")
        models.append(f"model {name} {{")
        for f in range(rng.randint(3, 7)):
            r = rng.random()
            t = rng.choice(types)
            if r < 0.05:
                t = rng.choice(["Strin", "Int32", "Vesel", "datetime"])          # unknown identifier
            elif r < 0.08:
                models.append(f"  @minValue(\"zero\") count{f}: int32;")         # wrong decorator argument
                continue
            elif r < 0.1:
                models.append(f"  @format(\"uuid\") ref{f}: string;")           # deprecated decorator: a warning
                continue
            models.append(f"  {rng.choice(['id', 'ref', 'route', 'price', 'seats', 'deck', 'status'])}{f}{'?' if rng.random() < 0.3 else ''}: {t};")
        models.append("}")
        models.append("")
    for k, name in enumerate(names[: n // 2]):
        verb = rng.choice(["@get", "@post", "@put", "@delete"])
        path = f"/{name.lower()}s" + ("/{id}" if rng.random() < 0.5 else "")
        if rng.random() < 0.08:
            routes.append(f"@route(\"{path}\") {verb} op op{k}(@path ident: string): {name};")   # path param not in route
        elif rng.random() < 0.06:
            routes.append(f"@route(\"{path}\") {verb} op op{k}(): {name}[] | NotFoundError;")   # undefined model
        else:
            body = "@body body: " + name if verb in ("@post", "@put") else ""
            pid = "@path id: string" if "{id}" in path else ""
            params = ", ".join(p for p in (pid, body) if p)
            routes.append(f"@route(\"{path}\") {verb} op op{k}({params}): {name} | {{ @statusCode _: 404; }};")
    routes.append("@route(\"/sailings\") @get op listSailings(): Sailing0[];")
    routes.append("@route(\"/sailings\") @get op listSailingsAgain(): Sailing0[];")
    return "\n".join(models) + "\n", "\n".join(routes) + "\n"


def cap_tsp(tmp: Path) -> None:
    d = tmp / "tsp"
    rng = random.Random(14807)
    models, routes = _tsp_models(rng, 150)
    write_tree(d, {"main.tsp": TSP_MAIN, "models.tsp": models, "routes.tsp": routes,
                   "tspconfig.yaml": "emit:\n  - \"@typespec/openapi3\"\n",
                   "package.json": '{"name": "ferrylink-api", "version": "0.1.0", "private": true}\n'})
    (d / "node_modules").symlink_to(TOOLS / "tsp" / "node_modules")
    small_models, small_routes = _tsp_models(random.Random(148071), 40)
    write_tree(d / "small", {"main.tsp": TSP_MAIN, "models.tsp": small_models, "routes.tsp": small_routes,
                             "package.json": '{"name": "ferrylink-small", "version": "0.1.0", "private": true}\n'})
    (d / "small" / "node_modules").symlink_to(TOOLS / "tsp" / "node_modules")
    cap("tsp-compile-ferrylink", "tsp compile . --no-emit", d, n_tsp, timeout=300)
    cap("tsp-compile-emit-tail", "tsp compile . 2>&1 | tail -n 60", d, n_tsp, timeout=300)
    cap("tsp-compile-warn-as-error-echo", "tsp compile . --warn-as-error --no-emit | head -n 120; echo EXIT=$?", d, n_tsp,
        timeout=300)
    cap("tsp-compile-small-echo", "tsp compile small/main.tsp --emit @typespec/openapi3; echo EXIT=$?", d, n_tsp,
        timeout=300)


STEPS = [cap_avro, cap_openapi, cap_tsp]
