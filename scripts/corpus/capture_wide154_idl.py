"""Round 154's interface-definition and API-schema items (second samples of round 148's kinds, its extractors
imported): `lockgate`, an inland waterway's lock-passage bookings and barge telemetry, written here as Thrift IDL, a
Cap'n Proto schema, FlatBuffers schemas and binaries, protobuf messages and a descriptor set, Avro schemas and data
files, OpenAPI documents in two versions and a TypeSpec project, with faults put in on purpose; sizes from seeded
generators. Run through capture_wide154.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide148 import TOOLS
from capture_wide148_api import n_avro_resolution, n_avro_schema, n_fastavro_dump, n_openapi_diff, n_swagger_cli, n_tsp
from capture_wide148_idl import n_capnp, n_decode, n_decode_raw, n_descriptor, n_flatc_error, n_flatc_json, n_thrift
from capture_wide154 import cap

LOCKS = ["Bingley Five Rise", "Caen Hill", "Tardebigge", "Foxton", "Hatton", "Marple", "Wigan Flight", "Devizes"]
BARGES = ["Kestrel", "Maid of Avon", "Narrow Escape", "Otter", "Slow Progress", "Dunlin", "Heron", "Windlass"]


# ------------------------------------------------------------------ thrift

def _gen_thrift(rng: random.Random, n: int, fault: str) -> str:
    types = ["i8", "i16", "i32", "i64", "double", "string", "bool", "list<string>", "map<string,i32>"]
    out = ["namespace java org.lockgate.passage", "namespace py lockgate.passage", "",
           "enum Direction { UP = 1, DOWN = 2 }", ""]
    for s in range(n):
        name = f"{rng.choice(['Chamber', 'Paddle', 'Gate', 'Sluice', 'Weir', 'Pound', 'Culvert'])}Log{s}"
        out.append(f"struct {name} {{")
        key = 1
        for f in range(rng.randint(3, 8)):
            fname = f"{rng.choice(['level', 'flow', 'opening', 'angle', 'head', 'seal', 'count'])}_{f}"
            r = rng.random()
            if r < 0.22:
                out.append(f"  {rng.choice(types)} {fname},")
            else:
                out.append(f"  {key}: {rng.choice(['required ', 'optional ', ''])}{rng.choice(types)} {fname},")
                key += 1
        out.append("}")
        out.append("")
    if fault == "type":
        out.append("struct Passage {\n  1: required ChamberLog0 chamber,\n  2: optional Direction dir,\n"
                   "  3: optional BargeProfile barge,\n}\n")
    elif fault == "dup":
        out.append("struct Passage {\n  1: required i64 ts,\n  2: string lock,\n  2: string barge,\n}\n")
    out.append("service PassageLog {")
    for s in range(min(n, 24)):
        out.append(f"  void record{s}(1: i64 ts, 2: string lock, 3: Direction dir),")
    out.append("}")
    return "\n".join(out) + "\n"


def cap_thrift(tmp: Path) -> None:
    d = tmp / "thrift"
    rng = random.Random(1541)
    write_tree(d, {"passage.thrift": _gen_thrift(rng, 75, "none"), "paddles.thrift": _gen_thrift(rng, 50, "type"),
                   "gates.thrift": _gen_thrift(rng, 20, "dup"),
                   "booking.thrift": 'include "barge.thrift"\nstruct Booking { 1: barge.Barge who, 2: i64 slot }\n',
                   "toll.thrift": "struct Toll {\n  1: required double pence\n  2: optional string band;\n"
                                  "  3 string payer\n}\n"})
    (d / "gen").mkdir()
    cap("thrift-gen-java-paddles-tail-80", "thrift --gen java -out gen paddles.thrift 2>&1 | tail -n 80", d, n_thrift)
    cap("thrift-gen-loop-strict-exit", "for f in *.thrift; do echo \"== $f\"; thrift -strict --gen py -out gen \"$f\"; "
        "done 2>&1; echo EXIT=$?", d, n_thrift)


# ------------------------------------------------------------------ capnp

def _gen_capnp(rng: random.Random, n: int) -> str:
    out = ["@0xc4a7e1b2d3f40511;", ""]
    kinds = ["Text", "UInt16", "Int32", "Float32", "Bool", "Data", "List(UInt8)"]
    for s in range(n):
        out.append(f"struct Pound{s} {{")
        k = 0
        for f in range(rng.randint(3, 6)):
            r = rng.random()
            ordinal = max(0, k - 1) if r < 0.05 else k + 2 if r < 0.08 else k
            k = ordinal + 1
            t = rng.choice(kinds) if rng.random() > 0.04 else rng.choice(["Barge", "Lock", "Paddel"])
            out.append(f"  {rng.choice(['depth', 'width', 'silt', 'reed', 'mooring', 'bollard'])}{f} @{ordinal} :{t};")
        if s % 17 == 5:
            out.append(f"  kind{s} @{k} :Kind{s};\n  enum Kind{s} {{ narrow @0; wide @1; widebeam @1; }}")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


BARGE_CAPNP = """\
@0xe1f2a3b4c5d6e7f8;

struct Barge {
  name @0 :Text;
  lengthM @1 :Float32;
  beamM @2 :Float32;
  beamM2 @2 :Float32;
  draughtCm @4 :UInt8 = 512;
  owner @5 :Owner;
  licence @6 :Licence;

  enum Licence { leisure @0; business @1; houseboat @1; }
}

interface Lockkeeper {
  book @0 (barge :Barge, lock :Text) -> (slot :UInt32, pound :Pound);
  cancel @0 (slot :UInt32) -> ();
}
"""


def cap_capnp(tmp: Path) -> None:
    d = tmp / "capnp"
    write_tree(d, {"pounds.capnp": _gen_capnp(random.Random(1542), 140), "culverts.capnp": _gen_capnp(
        random.Random(15421), 60).replace("@0xc4a7e1b2d3f40511", "@0xc4a7e1b2d3f40512"), "barge.capnp": BARGE_CAPNP})
    cap("capnp-compile-pounds-exit", "capnp compile -o- pounds.capnp > /dev/null; echo EXIT=$?", d, n_capnp)
    cap("capnp-compile-loop-head-60", "for f in barge.capnp culverts.capnp; do capnp compile -o- \"$f\" > /dev/null; "
        "done 2>&1 | head -n 60", d, n_capnp)


# ------------------------------------------------------------------ flatc

PASSAGE_FBS = """\
namespace lockgate.fb;

enum Dir : byte { Up = 0, Down }
enum Outcome : byte { Passed = 0, Waited, Refused, Stuck, Grounded }

table Passage {
  seq: uint;
  lock: string;
  barge: string;
  dir: Dir;
  outcome: Outcome;
  draught_cm: ushort;
  wait_min: short;
  water_m3: float;
}

table Day {
  keeper: string;
  date: string;
  passages: [Passage];
}

root_type Day;
file_identifier "LGDY";
"""

BAD_FBS = {
    "keeper.fbs": "namespace lockgate.fb;\ntable Keeper { name: string; shift: Shift; }\nroot_type Keeper;\n",
    "gate.fbs": "namespace lockgate.fb;\nstruct Gate { leaf: ubyte; angle: float; leaf: ubyte; }\n"
                "table G { g: Gate; }\nroot_type G;\n",
    "paddle.fbs": "namespace lockgate.fb;\nenum Paddle : ubyte { Ground = 1, Gate = 0 }\n"
                  "table P { p: Paddle; }\nroot_type P;\n",
    "pound.fbs": "namespace lockgate.fb;\ntable Pound { level: float = \"full\"; }\nroot_type Pound;\n",
    "toll.fbs": "namespace lockgate.fb\ntable Toll { pence: uint; }\nroot_type Toll;\n",
    "weir.fbs": "namespace lockgate.fb;\ntable Weir { crest: float; }\nroot_type Wier;\n",
}


def _day_json(rng: random.Random, n: int) -> str:
    outcomes = ["Passed"] * 16 + ["Waited"] * 3 + ["Refused", "Grounded"]
    ps = []
    for i in range(n):
        oc = rng.choice(outcomes)
        ps.append({"seq": 1 + i, "lock": rng.choice(LOCKS), "barge": rng.choice(BARGES), "dir": rng.choice(["Up", "Down"]),
                   "outcome": oc, "draught_cm": rng.randint(45, 120),
                   "wait_min": rng.randint(0, 20) if oc != "Waited" else rng.randint(35, 150),
                   "water_m3": round(rng.uniform(120, 260), 1)})
    return json.dumps({"keeper": "lockgate", "date": "2026-07-14", "passages": ps}, indent=1)


def cap_flatc(tmp: Path) -> None:
    d = tmp / "flatc"
    rng = random.Random(1543)
    write_tree(d, {"passage.fbs": PASSAGE_FBS, "day1.json": _day_json(rng, 320), "day2.json": _day_json(rng, 560),
                   **{f"bad/{k}": v for k, v in BAD_FBS.items()}})
    run("flatc -b passage.fbs day1.json day2.json && mkdir -p out", cwd=d)
    cap("flatc-error-loop-exit", "for f in bad/*.fbs; do echo \"== $f\"; flatc --python -o gen \"$f\"; done; echo EXIT=$?",
        d, n_flatc_error)
    cap("flatc-json-day1", "flatc --json --strict-json --raw-binary -o out passage.fbs -- day1.bin && cat out/day1.json",
        d, n_flatc_json)
    cap("flatc-json-day2-head-700", "flatc --json --raw-binary -o out passage.fbs -- day2.bin && head -n 700 out/day2.json",
        d, n_flatc_json)


# ------------------------------------------------------------------ protoc

LOCK_PROTO = """\
syntax = "proto3";
package lockgate;

import "google/protobuf/duration.proto";

enum Outcome { OUTCOME_UNSPECIFIED = 0; PASSED = 1; WAITED = 2; REFUSED = 3; GROUNDED = 4; }

message Lockage {
  uint32 seq = 1;
  string barge = 2;
  Outcome outcome = 3;
  uint32 draught_cm = 4;
  uint32 water_m3 = 5;
  sint32 level_delta_mm = 6;
}

message Flight {
  string name = 1;
  uint32 chambers = 2;
  google.protobuf.Duration median_wait = 3;
  repeated Lockage lockages = 4;
}

message FlightQuery { string name = 1; uint32 since = 2; }

service FlightLog {
  rpc Get(FlightQuery) returns (Flight);
  rpc Watch(FlightQuery) returns (stream Lockage);
}
"""

GAUGE_PROTO = """\
syntax = "proto3";
package lockgate.gauge;

import "lock.proto";

message Sample { int64 ts = 1; string gauge = 2; float level_m = 3; lockgate.Outcome last = 4; }
message Feed { string pound = 1; repeated Sample samples = 2; }
message Receipt { uint32 stored = 1; repeated string dropped = 2; }

service Gauges { rpc Push(Feed) returns (Receipt); rpc Follow(Feed) returns (stream Sample); }
"""


def _flight_text(rng: random.Random, n: int, name: str) -> str:
    outs = ["PASSED"] * 12 + ["WAITED"] * 3 + ["REFUSED", "GROUNDED"]
    lines = [f'name: "{name}"', "chambers: 29", "median_wait { seconds: 1260 }"]
    for i in range(n):
        oc = rng.choice(outs)
        lines.append(f'lockages {{ seq: {i + 1} barge: "{rng.choice(BARGES)}" outcome: {oc} '
                     f"draught_cm: {rng.randint(50, 115)} water_m3: {rng.randint(140, 250)} "
                     f"level_delta_mm: {rng.randint(-40, 40) if oc != 'GROUNDED' else -rng.randint(300, 600)} }}")
    return "\n".join(lines) + "\n"


def _feed_text(rng: random.Random, n: int) -> str:
    gauges = ["top-pound", "mid-pound", "bottom-pound", "feeder", "overflow"]
    lines = ['pound: "Caen Hill 29"']
    for i in range(n):
        lv = rng.gauss(1.4, 0.05)
        if i == 211:
            lv = 0.31   # the pound drained
        lines.append(f'samples {{ ts: {1784000000 + 60 * i} gauge: "{rng.choice(gauges)}" level_m: {lv:.3f} '
                     f'last: {rng.choice(["PASSED"] * 6 + ["WAITED"])} }}')
    return "\n".join(lines) + "\n"


def cap_protoc(tmp: Path) -> None:
    d = tmp / "protoc"
    rng = random.Random(1544)
    write_tree(d, {"lock.proto": LOCK_PROTO, "gauge.proto": GAUGE_PROTO,
                   "caen.txtpb": _flight_text(rng, 520, "Caen Hill"), "marple.txtpb": _flight_text(rng, 160, "Marple"),
                   "feed.txtpb": _feed_text(rng, 700)})
    run("protoc --encode=lockgate.Flight -I. -I/usr/include lock.proto < caen.txtpb > caen.bin && "
        "protoc --encode=lockgate.Flight -I. -I/usr/include lock.proto < marple.txtpb > marple.bin && "
        "protoc --encode=lockgate.gauge.Feed -I. -I/usr/include gauge.proto < feed.txtpb > feed.bin", cwd=d)
    cap("protoc-decode-raw-caen-head-600", "protoc --decode_raw < caen.bin | head -n 600", d, n_decode_raw)
    cap("protoc-decode-raw-marple-exit", "protoc --decode_raw < marple.bin; echo EXIT=$?", d, n_decode_raw)
    cap("protoc-decode-caen", "protoc --decode=lockgate.Flight -I. -I/usr/include lock.proto < caen.bin", d, n_decode)
    cap("protoc-decode-feed-tail-400", "protoc --decode=lockgate.gauge.Feed -I. -I/usr/include gauge.proto < feed.bin "
        "| tail -n 400", d, n_decode)
    cap("protoc-descriptor-dump-gauge", "protoc -I. -I/usr/include --include_imports --descriptor_set_out=set.pb "
        "gauge.proto && protoc --decode=google.protobuf.FileDescriptorSet -I/usr/include "
        "google/protobuf/descriptor.proto < set.pb", d, n_descriptor)


# ------------------------------------------------------------------ avro

PASSAGE_AVSC = {
    "type": "record", "name": "Passage", "namespace": "lockgate.avro",
    "fields": [
        {"name": "seq", "type": "long"},
        {"name": "lock", "type": "string"},
        {"name": "barge", "type": "string"},
        {"name": "outcome", "type": {"type": "enum", "name": "Outcome",
                                     "symbols": ["PASSED", "WAITED", "REFUSED", "GROUNDED"]}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "draught_cm", "type": "int"},
        {"name": "wait_min", "type": ["null", "int"], "default": None},
        {"name": "water_m3", "type": "float"},
    ]}

BAD_AVSC = {
    "bollard.avsc": '{"type": "record", "name": "Bollard", "fields": [{"name": "n", "type": "integer"}]}',
    "chamber.avsc": '{"type": "record", "name": "Chamber", "fields": [{"name": "len", "type": "double", "default": "long"}]}',
    "gate.avsc": '{"type": "enum", "name": "Gate", "symbols": ["TOP", "BOTTOM", "TOP"]}',
    "keeper.avsc": '{"type": "record", "name": "Keeper", "fields": [{"type": "string"}]}',
    "paddle.avsc": '{"type": "record", "name": "Paddle", "fields": [{"name": "open", "type": ["int", "int"]}]}',
    "pound.avsc": '{"type": "map"}',
    "sill.avsc": '{"type": "record", "name": "Sill", "fields": [{"name": "depth", "type": {"type": "fixed", "name": "D", "size": -2}}]}',
    "toll.avsc": '{"type": "record", "name": "Toll" "fields": []}',
    "weir.avsc": '{"type": "record", "name": "weir-crest", "fields": [{"name": "h", "type": "float"}]}',
}

CHECK = '''\
import glob, sys, traceback
import avro.schema

paths = sorted(glob.glob("avsc/*.avsc"))
failed = 0
for p in paths:
    try:
        s = avro.schema.parse(open(p).read())
        print(f"{p}: OK ({s.type})")
    except Exception as e:
        failed += 1
        print(f"{p}: FAILED {type(e).__name__}: {e}")
        if "--trace" in sys.argv:
            traceback.print_exc(file=sys.stdout)
print(f"{len(paths)} schemas checked, {failed} failed")
sys.exit(1 if failed else 0)
'''

WRITE = '''\
import json, random, sys
import fastavro

rng = random.Random(int(sys.argv[2]))
locks = %(locks)r
barges = %(barges)r
outcomes = ["PASSED"] * 16 + ["WAITED"] * 3 + ["REFUSED", "GROUNDED"]
schema = fastavro.parse_schema(json.load(open("passage.avsc")))
recs = []
for i in range(int(sys.argv[3])):
    oc = rng.choice(outcomes)
    recs.append({"seq": 90000 + i, "lock": rng.choice(locks), "barge": rng.choice(barges), "outcome": oc,
                 "at": 1784000000000 + i * 1500000, "draught_cm": rng.randint(45, 118),
                 "wait_min": None if oc == "REFUSED" else rng.randint(0, 18) if oc != "WAITED" else rng.randint(40, 170),
                 "water_m3": round(rng.uniform(110.0, 265.0), 1)})
with open(sys.argv[1], "wb") as f:
    fastavro.writer(f, schema, recs, codec="null" if int(sys.argv[2]) %% 2 else "deflate")
''' % {"locks": LOCKS, "barges": BARGES}

READ = '''\
import json, sys
import fastavro

bad = 0
for path in sys.argv[1:]:
    try:
        reader = fastavro.parse_schema(json.load(open(path)))
        with open("july.avro", "rb") as f:
            n = sum(1 for _ in fastavro.reader(f, reader_schema=reader))
        print(f"july.avro -> {path}: OK ({n} records)")
    except Exception as e:
        bad += 1
        print(f"july.avro -> {path}: {type(e).__name__}: {e}")
print(f"{len(sys.argv) - 1} readers tried, {bad} could not read july.avro")
'''


def _readers() -> dict:
    def v(fn):
        s = json.loads(json.dumps(PASSAGE_AVSC))
        fn(s)
        return json.dumps(s, indent=2)
    return {"readers/r1_keeper_default.avsc": v(lambda s: s["fields"].append({"name": "keeper", "type": "string", "default": "crt"})),
            "readers/r2_beam_required.avsc": v(lambda s: s["fields"].append({"name": "beam_cm", "type": "int"})),
            "readers/r3_seq_int.avsc": v(lambda s: s["fields"][0].update(type="int")),
            "readers/r4_outcome_two.avsc": v(lambda s: s["fields"][3]["type"].update(symbols=["PASSED", "WAITED"])),
            "readers/r5_water_double.avsc": v(lambda s: s["fields"][7].update(type="double")),
            "readers/r6_lock_bytes.avsc": v(lambda s: s["fields"][1].update(type="bytes")),
            "readers/r7_renamed.avsc": v(lambda s: s.update(name="Lockage")),
            "readers/r8_draught_string.avsc": v(lambda s: s["fields"][5].update(type="string")),
            "readers/r9_wait_int.avsc": v(lambda s: s["fields"][6].update(type="int", default=0))}


def cap_avro(tmp: Path) -> None:
    d = tmp / "avro"
    py = TOOLS / "avro" / "bin" / "python"
    rng = random.Random(1545)
    good = {"avsc/passage.avsc": json.dumps(PASSAGE_AVSC, indent=2)}
    for k in range(18):
        good[f"avsc/gauge_{k:02d}.avsc"] = json.dumps({"type": "record", "name": f"Gauge{k}", "fields": [
            {"name": f"g{j}", "type": rng.choice(["int", "long", "float", "string", "boolean", "bytes"])}
            for j in range(rng.randint(2, 5))]})
    write_tree(d, {"check.py": CHECK, "read.py": READ, "write.py": WRITE, "passage.avsc": json.dumps(PASSAGE_AVSC, indent=2),
                   **good, **{f"avsc/{k}": v for k, v in BAD_AVSC.items()}, **_readers()})
    run(f"{py} write.py july.avro 3 300 && {py} write.py august.avro 4 1100 && {py} write.py june.avro 5 600", cwd=d)
    cap("avro-schema-check-trace-exit", f"{py} check.py --trace; echo EXIT=$?", d, n_avro_schema,
        typed="python check.py --trace; echo EXIT=$?")
    cap("fastavro-dump-july", "fastavro july.avro", d, n_fastavro_dump)
    cap("fastavro-dump-august-grep-refused", "fastavro august.avro | grep -E 'REFUSED|GROUNDED|WAITED'", d, n_fastavro_dump)
    cap("fastavro-dump-june-pretty-tail-400", "fastavro -p june.avro | tail -n 400", d, n_fastavro_dump)
    cap("avro-resolution-readers-exit", f"{py} read.py readers/*.avsc 2>&1; echo EXIT=$?", d, n_avro_resolution,
        typed="python read.py readers/*.avsc 2>&1; echo EXIT=$?")


# ------------------------------------------------------------------ OpenAPI

def _spec(rng: random.Random, n: int, version: str) -> dict:
    schemas, paths = {}, {}
    for k in range(n):
        res = f"{rng.choice(['locks', 'passages', 'barges', 'moorings', 'stoppages', 'licences', 'keepers'])}{k}"
        model = res[:-len(str(k)) - 1].capitalize() + str(k)
        props = {f: {"type": rng.choice(["string", "integer", "number", "boolean"])}
                 for f in rng.sample(["id", "name", "lock", "opened", "fee", "length", "beam", "status", "pound"], 5)}
        schemas[model] = {"type": "object", "required": list(props)[:2], "properties": props}
        paths[f"/{res}"] = {"get": {"operationId": f"list{model}", "parameters": [
            {"name": "page", "in": "query", "required": False, "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "type": "array", "items": {"$ref": f"#/components/schemas/{model}"}}}}}}},
            "post": {"operationId": f"create{model}", "requestBody": {"content": {"application/json": {"schema": {
                "$ref": f"#/components/schemas/{model}"}}}}, "responses": {"201": {"description": "created"}}}}
        paths[f"/{res}/{{id}}"] = {"get": {"operationId": f"get{model}", "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}, "404": {"description": "not found"}}}}
    return {"openapi": "3.0.3", "info": {"title": "lockgate", "version": version},
            "servers": [{"url": "https://api.lockgate.example/v1"}], "paths": paths, "components": {"schemas": schemas}}


def _next(spec: dict, rng: random.Random) -> dict:
    s = json.loads(json.dumps(spec))
    s["info"]["version"] = "3.0.0"
    for p in rng.sample(list(s["paths"]), 5):
        del s["paths"][p]
    for p in rng.sample([k for k in s["paths"] if "{id}" not in k], 3):
        s["paths"][p]["get"]["parameters"][0]["required"] = True
        s["paths"][p].pop("post", None)
    for name in rng.sample(list(s["components"]["schemas"]), 6):
        props = s["components"]["schemas"][name]["properties"]
        f = list(props)[1]
        props[f]["type"] = "number" if props[f]["type"] != "number" else "string"
        s["components"]["schemas"][name]["required"].append("licence")
    for k in range(5):
        s["paths"][f"/notices{k}"] = {"get": {"operationId": f"notices{k}", "responses": {"200": {"description": "ok"}}}}
    s["servers"] = [{"url": "https://api.lockgate.example/v3"}]
    return s


def _bad_specs(v2: dict) -> dict:
    """One fault a document: a $ref to nothing, a path parameter not required, a duplicate operationId, an operation
    with no responses, a server URL that is not a string, a document that is not YAML, and one valid."""
    def v(fn):
        s = json.loads(json.dumps(v2))
        fn(s)
        return json.dumps(s, indent=2)
    paths = list(v2["paths"])
    ident = next(p for p in paths if "{id}" in p)
    plain = next(p for p in paths if "{id}" not in p)
    out = {
        "bad/a-missing-ref.json": v(lambda s: s["paths"][plain]["post"]["requestBody"]["content"]["application/json"]
                                    .update(schema={"$ref": "#/components/schemas/Licence404"})),
        "bad/b-path-param.json": v(lambda s: s["paths"][ident]["get"]["parameters"][0].pop("required")),
        "bad/c-dup-operation.json": v(lambda s: s["paths"][ident]["get"].update(operationId=s["paths"][plain]["get"]["operationId"])),
        "bad/d-no-responses.json": v(lambda s: s["paths"][plain]["get"].pop("responses")),
        "bad/e-server.json": v(lambda s: s.update(servers=[{"url": 443}])),
        "bad/f-ok.json": json.dumps(v2, indent=2),
        "bad/g-broken.yaml": "openapi: 3.0.3\ninfo:\n  title: lockgate\n  version: 2.4.0\npaths:\n  /locks:\n"
                             "    get:\n      responses:\n        '200':\n        description: ok\n   bad: [\n",
    }
    return out


def cap_openapi(tmp: Path) -> None:
    d = tmp / "openapi"
    rng = random.Random(1546)
    v2 = _spec(rng, 11, "2.4.0")
    v3 = _next(v2, rng)
    bad = json.loads(json.dumps(v2))
    for k, name in enumerate(list(bad["components"]["schemas"])[:6]):
        bad["components"]["schemas"][name]["properties"]["beam"] = {"type": "float" if k % 2 else "decimal"}
    first = list(bad["paths"])[2]
    bad["paths"][first]["get"]["parameters"].append({"name": "id", "in": "path", "schema": {"type": "string"}})
    bad["paths"][list(bad["paths"])[5]]["get"]["responses"]["200"]["content"] = {
        "application/json": {"schema": {"$ref": "#/components/schemas/Stoppage99"}}}
    write_tree(d, {"v2.json": json.dumps(v2, indent=2), "v3.json": json.dumps(v3, indent=2),
                   "v2-bad.json": json.dumps(bad, indent=2), **_bad_specs(v2)})
    cap("swagger-cli-validate-loop-exit", "for f in v2-bad.json bad/*; do echo \"== $f\"; swagger-cli validate \"$f\"; "
        "done 2>&1; echo EXIT=$?", d, n_swagger_cli)
    cap("openapi-diff-v2-v3", "openapi-diff v2.json v3.json > diff.txt; cat diff.txt", d, n_openapi_diff)
    cap("openapi-diff-v3-v2-exit-tail-150", "openapi-diff v3.json v2.json > rev.txt; echo EXIT=$?; tail -n 150 rev.txt", d,
        n_openapi_diff)


# ------------------------------------------------------------------ TypeSpec

TSP_MAIN = """\
import "@typespec/http";
import "@typespec/openapi3";
import "./models.tsp";
import "./routes.tsp";

using TypeSpec.Http;

@service(#{ title: "lockgate" })
@server("https://api.lockgate.example", "production")
namespace Lockgate;
"""


def _tsp(rng: random.Random, n: int) -> tuple[str, str]:
    types = ["string", "int16", "int32", "float32", "boolean", "plainDate", "Lock", "Barge"]
    models = ["import \"@typespec/http\";", "using TypeSpec.Http;", "namespace Lockgate;", "",
              "enum Lock { BingleyFiveRise, CaenHill, Tardebigge, Foxton, Hatton }",
              "model Barge { name: string; length_m: float32; beam_m: float32; }", ""]
    routes = ["import \"@typespec/http\";", "using TypeSpec.Http;", "namespace Lockgate;", ""]
    names = []
    for k in range(n):
        name = f"{rng.choice(['Passage', 'Mooring', 'Stoppage', 'Licence', 'Keeper', 'Pound'])}{k}"
        names.append(name)
        models.append(f"model {name} {{")
        for f in range(rng.randint(3, 6)):
            r = rng.random()
            if r < 0.05:
                models.append(f"  f{f}: {rng.choice(['Str', 'Int', 'Barg', 'date'])};")
            elif r < 0.08:
                models.append(f"  @maxLength(\"long\") note{f}: string;")
            elif r < 0.1:
                models.append(f"  @format(\"email\") contact{f}: string;")
            else:
                models.append(f"  {rng.choice(['id', 'lock', 'fee', 'length', 'opened', 'status'])}{f}"
                              f"{'?' if rng.random() < 0.3 else ''}: {rng.choice(types)};")
        models.append("}")
        models.append("")
    for k, name in enumerate(names[: n // 2]):
        verb = rng.choice(["@get", "@post", "@patch", "@delete"])
        path = f"/{name.lower()}s" + ("/{id}" if rng.random() < 0.5 else "")
        r = rng.random()
        if r < 0.07:
            routes.append(f"@route(\"{path}\") {verb} op op{k}(@path key: string): {name};")
        elif r < 0.12:
            routes.append(f"@route(\"{path}\") {verb} op op{k}(): {name}[] | GoneError;")
        else:
            body = "@body body: " + name if verb in ("@post", "@patch") else ""
            pid = "@path id: string" if "{id}" in path else ""
            params = ", ".join(p for p in (pid, body) if p)
            routes.append(f"@route(\"{path}\") {verb} op op{k}({params}): {name} | {{ @statusCode _: 404; }};")
    return "\n".join(models) + "\n", "\n".join(routes) + "\n"


def cap_tsp(tmp: Path) -> None:
    d = tmp / "tsp"
    models, routes = _tsp(random.Random(1547), 120)
    write_tree(d, {"main.tsp": TSP_MAIN, "models.tsp": models, "routes.tsp": routes,
                   "tspconfig.yaml": "emit:\n  - \"@typespec/openapi3\"\n",
                   "package.json": '{"name": "lockgate-api", "version": "0.3.0", "private": true}\n'})
    (d / "node_modules").symlink_to(TOOLS / "tsp" / "node_modules")
    cap("tsp-compile-lockgate-exit", "tsp compile . --no-emit; echo EXIT=$?", d, n_tsp, timeout=300)
    cap("tsp-compile-emit-head-100", "tsp compile . 2>&1 | head -n 100", d, n_tsp, timeout=300)


STEPS = [cap_thrift, cap_capnp, cap_flatc, cap_protoc, cap_avro, cap_openapi, cap_tsp]
