"""Round 148, interface-definition compilers: `ferrylink`'s Thrift IDL through `thrift --gen py|cpp`, its Cap'n Proto
schema through `capnp compile`, its FlatBuffers schemas through `flatc` (errors, and binaries read back with
`--json`), its protobuf messages through `protoc --decode_raw` / `--decode` and a descriptor set dumped. Faults put in
on purpose; sizes from seeded generators. Run through capture_wide148.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, mask, run, write_tree
from capture_data import rule4
from capture_wide148 import cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")
PORTS = ["Dover", "Calais", "Dunkirk", "Portsmouth", "Caen", "Cherbourg", "Rosslare", "Holyhead", "Dublin", "Bilbao"]
VESSELS = ["Spirit of Kent", "Pride of Calais", "Normandie", "Mont St Michel", "Ulysses", "Isle of Inishmore"]


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


# ------------------------------------------------------------------ thrift

@cm.kind("thrift-gen", "build")
def n_thrift(lines):
    """Rules 1+3+5 on thrift --gen: every [ERROR:file:N] / [FAILURE:file:N] line and the message line under an ERROR that carries none, every [WARNING:file:N] line one {"any"} per (message shape, file), a Usage line printed in place of output, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        m = re.search(r"\[(ERROR|FAILURE):", ln)
        if m:
            out.append(ln)
            if m.group(1) == "ERROR" and i + 1 < len(lines) and lines[i + 1].strip() and "[" not in lines[i + 1]:
                out.append(lines[i + 1])
        elif re.match(r"^\s*Usage: thrift", ln) or (not ln.startswith(("[WARNING", "== ")) and re.search(
                r"(?i)\berror\b|not defined|not allowed|cannot|could not|unknown", ln)):
            out.append(ln)
    warn = []
    for ln in lines:
        m = re.search(r"\[WARNING:([^:\]]+):\d+\]\s*(.*)", ln)
        if m:
            warn.append(((m.group(1), mask(re.sub(r"\b\w+\b(?= \(|, resulting)", "<id>", m.group(2)))), ln))
    return out + groups(warn) + _exit(lines)


BOOKING_THRIFT = """\
namespace py ferrylink.booking
namespace cpp ferrylink

include "common.thrift"

enum CabinClass { SEAT = 1, STANDARD = 2, PREMIUM = 3, SUITE = 4 }

struct Passenger {
  1: required string name,
  2: optional i32 age,
  3: optional common.Nationality nationality,
}

struct Booking {
  1: required string booking_ref,
  2: required list<Passenger> passengers,
  3: required CabinClass cabin,
  4: optional i64 fare_pence,
  5: optional string vehicle_reg
  6: required common.Sailing sailing,
  7: map<string, string> extras,
  8 optional bool flexible,
}

exception BookingNotFound { 1: string booking_ref }

service BookingService {
  Booking get(1: string booking_ref) throws (1: BookingNotFound nf),
  Booking create(1: Booking b),
  void cancel(1: string booking_ref) throws (1: BookingNotFound nf),
}
"""

COMMON_THRIFT = """\
namespace py ferrylink.common
enum Nationality { GB = 1, FR = 2, IE = 3, ES = 4, NL = 5 }
struct Sailing {
  1: required string route,
  2: required i64 departs_epoch,
  3: required string vessel,
}
"""


def _gen_telemetry_thrift(rng: random.Random, n_structs: int, fault: bool) -> str:
    """A generated telemetry IDL: many structs; some fields carry no key (a warning each), one refers to a type
    never defined when `fault`."""
    types = ["i16", "i32", "i64", "double", "string", "bool", "binary"]
    parts = ["namespace py ferrylink.telemetry", "namespace cpp ferrylink.telemetry", ""]
    for s in range(n_structs):
        name = f"{rng.choice(['Engine', 'Hull', 'Bridge', 'Ballast', 'Radar', 'Stabiliser', 'Thruster'])}Reading{s}"
        parts.append(f"struct {name} {{")
        for f in range(rng.randint(4, 9)):
            t = rng.choice(types)
            fname = f"{rng.choice(['temp', 'rpm', 'pressure', 'flow', 'level', 'heading', 'load'])}_{f}"
            if rng.random() < 0.3:
                parts.append(f"  {t} {fname},")
            else:
                parts.append(f"  {f + 1}: {rng.choice(['required ', 'optional ', ''])}{t} {fname},")
        parts.append("}")
        parts.append("")
    if fault:
        parts.append("struct VoyageSummary {\n  1: required list<EngineReading0> engine,\n  2: optional HullStress hull,\n}")
    parts.append("service Telemetry {")
    for s in range(min(n_structs, 30)):
        parts.append(f"  void push{s}(1: i64 ts, 2: string vessel),")
    parts.append("}")
    return "\n".join(parts) + "\n"


def cap_thrift(tmp: Path) -> None:
    d = tmp / "thrift"
    rng = random.Random(148)
    write_tree(d, {"booking.thrift": BOOKING_THRIFT, "common.thrift": COMMON_THRIFT,
                   "telemetry.thrift": _gen_telemetry_thrift(rng, 90, fault=False),
                   "voyage.thrift": _gen_telemetry_thrift(rng, 60, fault=True),
                   "manifest.thrift": 'include "ports.thrift"\nstruct Manifest { 1: ports.Port origin }\n'})
    (d / "gen").mkdir()
    cap("thrift-gen-cpp-telemetry-echo", "thrift --gen cpp -out gen telemetry.thrift; echo EXIT=$?", d, n_thrift)
    cap("thrift-gen-cpp-voyage-tail", "thrift --gen cpp -out gen voyage.thrift 2>&1 | tail -n 40", d, n_thrift)
    cap("thrift-gen-py-telemetry-head", "thrift -v --gen py -out gen telemetry.thrift 2>&1 | head -n 100", d, n_thrift)
    cap("thrift-gen-all-loop-echo", "for f in *.thrift; do echo \"== $f\"; thrift --gen py:slots -out gen \"$f\"; "
        "done; echo EXIT=$?", d, n_thrift)


# ------------------------------------------------------------------ capnp

@cm.kind("capnp-compile", "build")
def n_capnp(lines):
    """Rules 1+5 on capnp compile: every file.capnp:L:C: error: line, warning lines one {"any"} per (message shape, file), an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\.capnp:\d+:[\d-]+: (error|failed):", ln)
           or re.match(r"^(capnp|capnpc?-\w+): .*(error|Error|failed)", ln)]
    warn = []
    for ln in lines:
        m = re.search(r"^(\S+\.capnp):\d+:[\d-]+: warning: (.*)", ln)
        if m:
            warn.append(((m.group(1), mask(m.group(2))), ln))
    return out + groups(warn) + _exit(lines)


def _gen_capnp(rng: random.Random, n: int) -> str:
    parts = ["@0xbf5147cbbecf40c1;", "", "using Cxx = import \"/capnp/c++.capnp\";", "$Cxx.namespace(\"ferrylink\");", ""]
    kinds = ["Text", "UInt32", "Int64", "Float64", "Bool", "Data", "List(Text)"]
    for s in range(n):
        parts.append(f"struct Deck{s} {{")
        k = 0
        for f in range(rng.randint(3, 7)):
            r = rng.random()
            if r < 0.06:
                ordinal = max(0, k - 1)   # a duplicate ordinal
            elif r < 0.1:
                ordinal = k + 1           # a hole
                k += 1
            else:
                ordinal = k
            k += 1
            t = rng.choice(kinds) if rng.random() > 0.05 else rng.choice(["Vesel", "Berth", "Lane"])  # undefined types
            parts.append(f"  {rng.choice(['lane', 'bay', 'axle', 'weight', 'hazmat', 'height'])}{f} @{ordinal} :{t};")
        parts.append("}")
        parts.append("")
    return "\n".join(parts) + "\n"


VEHICLE_CAPNP = """\
@0xd0a1b2c3d4e5f601;

struct Vehicle {
  reg @0 :Text;
  length @1 :Float32;
  height @1 :Float32;
  kind @3 :Kind;
  axles @4 :UInt8 = 300;
  trailer @5 :Trailer;

  enum Kind { car @0; van @1; lorry @2; coach @2; }
}

interface Loading {
  assign @0 (vehicle :Vehicle) -> (lane :UInt16, bay :Bay);
  release @1 (reg :Text) -> ();
}
"""


def cap_capnp(tmp: Path) -> None:
    d = tmp / "capnp"
    rng = random.Random(1482)
    write_tree(d, {"vehicle.capnp": VEHICLE_CAPNP, "decks.capnp": _gen_capnp(rng, 120)})
    cap("capnp-compile-vehicle", "capnp compile -o- vehicle.capnp > /dev/null", d, n_capnp)
    cap("capnp-compile-decks-echo", "capnp compile -I/usr/include -o- decks.capnp > /dev/null; echo EXIT=$?", d, n_capnp)
    cap("capnp-compile-decks-tail", "capnp compile -I/usr/include -oc++ decks.capnp 2>&1 | tail -n 60", d, n_capnp)


# ------------------------------------------------------------------ flatc

@cm.kind("flatc-error", "build")
def n_flatc_error(lines):
    """Rules 1+5 on flatc: every error: line, warning: lines one {"any"} per (message shape, file), a Usage: line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"(?i)\berror:\s*\S", ln) or re.match(r"^\s*(Usage|usage):", ln)]
    warn = []
    for ln in lines:
        m = re.search(r"(\S+\.fbs)?:?[\d: ]*warning: (.*)", ln)
        if m:
            warn.append(((m.group(1), mask(m.group(2))), ln))
    return out + groups(warn) + _exit(lines)


def _json_record_lines(lines):
    """(array key, [(first line of record, {field: value})]) for each array of objects in pretty-printed JSON: a
    record's fields are the scalar `"k": v` lines one level inside its braces."""
    arrays: list = []
    stack: list = []   # ("arr", key) / ("obj", first_line, fields)
    key_re = re.compile(r'^\s*"?([\w$]+)"?\s*:\s*(.*?),?$')
    for ln in lines:
        s = ln.strip()
        m = key_re.match(ln)
        opens_arr = s.endswith("[")
        opens_obj = s.endswith("{")
        if opens_arr:
            stack.append(["arr", m.group(1) if m else "", []])
            continue
        if opens_obj:
            stack.append(["obj", None, {}])
            continue
        if s.startswith("]"):
            if stack and stack[-1][0] == "arr":
                a = stack.pop()
                if a[2]:
                    arrays.append((a[1], a[2]))
            continue
        if s.startswith("}"):
            if stack and stack[-1][0] == "obj":
                o = stack.pop()
                if stack and stack[-1][0] == "arr" and o[1]:
                    stack[-1][2].append((o[1], o[2]))
            continue
        if m and stack and stack[-1][0] == "obj":
            o = stack[-1]
            v = m.group(2).strip().strip('"')
            if o[1] is None:
                o[1] = ln
            o[2][m.group(1)] = v
    for a in stack:  # a dump cut by a pipe: its open array's complete records
        if a[0] == "arr" and a[2]:
            arrays.append((a[1], a[2]))
    return arrays


def _records_rule4(recs):
    rows = [(first, f) for first, f in recs]
    keys = list(dict.fromkeys(k for _, f in rows for k in f))
    nums, cats = [], []
    for k in keys:
        vals = [f.get(k) for _, f in rows if k in f]
        if vals and all(re.fullmatch(r"-?\d+(\.\d+)?(e[-+]?\d+)?", v or "") for v in vals):
            nums.append(k)
        elif len(set(vals)) <= max(12, len(rows) // 10):
            cats.append(k)
    out = [rows[0][0], rows[-1][0]]
    return out + rule4(rows, cat=cats, nums=nums)


@cm.kind("flatc-json-dump", "json")
def n_flatc_json(lines):
    """Rules 4+5 on a flatc --json dump read back: per array of records (a record stands as its first field line) the first and last record, rare categorical values, each numeric field's min and max; the top-level scalar lines; an EXIT=N line."""
    out = []
    for _, recs in _json_record_lines(lines):
        out += _records_rule4(recs)
    out += [ln for ln in lines if re.match(r'^  "?\w+"?: [^\[{]', ln)]
    out += [ln for ln in lines if re.search(r"(?i)\berror\b", ln)]
    return out + _exit(lines)


VOYAGE_FBS = """\
namespace ferrylink.fb;

enum Status : byte { Scheduled = 0, Boarding, Departed, Arrived, Delayed, Cancelled }

table Sailing {
  id: uint;
  route: string;
  vessel: string;
  status: Status;
  cars: ushort;
  passengers: ushort;
  delay_min: short;
  fuel_t: float;
}

table Schedule {
  operator: string;
  week: ushort;
  sailings: [Sailing];
}

root_type Schedule;
file_identifier "FLSC";
"""

BAD_FBS = {
    "berth.fbs": """\
namespace ferrylink.fb;
table Berth { port: string; number: ubyte; length_m: float; port: string; }
root_type Berth;
""",
    "cargo.fbs": """\
namespace ferrylink.fb;
include "hazmat.fbs";
table Cargo { id: uint; class: HazClass; weight_kg: uint = -5; }
root_type Cargo;
""",
    "crew.fbs": """\
namespace ferrylink.fb;
enum Rank : ubyte { Master, Mate, Engineer, Rating = 300 }
table Crew { name: string; rank: Rank; }
root_type Crew
""",
    "tide.fbs": """\
namespace ferrylink.fb;
struct Tide { height_m: float; name: string; }
table Port { tides: [Tide]; }
root_type Port;
""",
    "route.fbs": """\
namespace ferrylink.fb;
table Route { from: string (key); to: string (key); nm: float; }
root_type Rout;
""",
}


def _schedule_json(rng: random.Random, n: int) -> str:
    statuses = ["Arrived"] * 14 + ["Departed"] * 3 + ["Delayed", "Cancelled"]
    sailings = []
    for i in range(n):
        st = rng.choice(statuses)
        sailings.append({"id": 7000 + i, "route": f"{rng.choice(PORTS)}-{rng.choice(PORTS)}",
                         "vessel": rng.choice(VESSELS), "status": st, "cars": rng.randint(40, 420),
                         "passengers": rng.randint(80, 1800), "delay_min": rng.randint(0, 25) if st != "Delayed" else
                         rng.randint(40, 190), "fuel_t": round(rng.uniform(8, 40), 1)})
    return json.dumps({"operator": "ferrylink", "week": 48, "sailings": sailings}, indent=1)


def _bad_data(rng: random.Random) -> dict:
    """Schedules that do not match voyage.fbs: a status not in the enum, a string where a number goes, a field the
    schema does not have, a value out of range, a truncated file; the rest fine."""
    faults = [("status", '"Sunk"'), ("cars", '"many"'), ("deck_height", "4.2"), ("passengers", "70000"), (None, None)]
    files = {}
    for k in range(12):
        body = json.loads(_schedule_json(rng, 6))
        text = json.dumps(body, indent=1)
        if k % 2 == 0:
            field, val = faults[(k // 2) % len(faults)]
            if field is None:
                text = text[: len(text) // 2]
            elif field in body["sailings"][3]:
                text = text.replace(f'"{field}": {json.dumps(body["sailings"][3][field])}', f'"{field}": {val}', 1)
            else:
                text = text.replace('"id": ', f'"{field}": {val}, "id": ', 1)
        files[f"bad_data/week{30 + k}.json"] = text
    return files


def cap_flatc(tmp: Path) -> None:
    d = tmp / "flatc"
    rng = random.Random(14803)
    write_tree(d, {"voyage.fbs": VOYAGE_FBS, "week48.json": _schedule_json(rng, 260),
                   "week49.json": _schedule_json(rng, 700), **{f"bad/{k}": v for k, v in BAD_FBS.items()},
                   **_bad_data(rng)})
    run("flatc -b voyage.fbs week48.json week49.json && mkdir -p out", cwd=d)
    cap("flatc-error-loop", "for f in bad/*.fbs; do echo \"== $f\"; flatc --cpp -o gen \"$f\"; done", d, n_flatc_error)
    cap("flatc-error-data-echo", "for f in bad_data/*.json; do echo \"== $f\"; flatc -b -o out voyage.fbs \"$f\"; done; "
        "echo EXIT=$?", d, n_flatc_error)
    cap("flatc-json-week48", "flatc --json --strict-json --raw-binary -o out voyage.fbs -- week48.bin && cat out/week48.json",
        d, n_flatc_json)
    cap("flatc-json-week49-head", "flatc --json --raw-binary -o out voyage.fbs -- week49.bin && head -n 400 out/week49.json",
        d, n_flatc_json)
    cap("flatc-json-week49-defaults", "flatc --json --strict-json --defaults-json -o out voyage.fbs -- week49.bin && "
        "python3 -c \"import json;d=json.load(open('out/week49.json'));d['sailings']=d['sailings'][:330];"
        "print(json.dumps(d,indent=2))\"", d, n_flatc_json)


# ------------------------------------------------------------------ protoc

FERRY_PROTO = """\
syntax = "proto3";
package ferrylink;

import "google/protobuf/timestamp.proto";

enum Deck { DECK_UNSPECIFIED = 0; CAR = 1; FREIGHT = 2; UPPER_CAR = 3; HAZMAT = 4; }

message Vehicle {
  string reg = 1;
  Deck deck = 2;
  uint32 length_cm = 3;
  uint32 weight_kg = 4;
  bool hazardous = 5;
}

message Manifest {
  string sailing_id = 1;
  string vessel = 2;
  google.protobuf.Timestamp departs = 3;
  repeated Vehicle vehicles = 4;
  uint32 passengers = 5;
}

service ManifestService {
  rpc Get(GetManifestRequest) returns (Manifest);
  rpc Stream(GetManifestRequest) returns (stream Vehicle);
}

message GetManifestRequest { string sailing_id = 1; }
"""

TELEMETRY_PROTO = """\
syntax = "proto3";
package ferrylink.telemetry;

import "ferry.proto";

message Reading {
  int64 ts = 1;
  string sensor = 2;
  double value = 3;
  ferrylink.Deck deck = 4;
}

message Batch { string vessel = 1; repeated Reading readings = 2; }

service Telemetry { rpc Push(Batch) returns (Ack); rpc Tail(Batch) returns (stream Reading); }
message Ack { uint32 accepted = 1; repeated string rejected = 2; }
"""


def _manifest_text(rng: random.Random, n: int) -> str:
    decks = ["CAR"] * 10 + ["FREIGHT"] * 4 + ["UPPER_CAR"] * 2 + ["HAZMAT"]
    out = ['sailing_id: "DOV-CAL-0815"', 'vessel: "Spirit of Kent"', "departs { seconds: 1764577500 }",
           "passengers: 1142"]
    for i in range(n):
        deck = rng.choice(decks)
        out.append(f'vehicles {{ reg: "{rng.choice("ABCDEFGHKLMNPRSVWY")}{rng.choice("ABCDEFGHKLMN")}{rng.randint(10, 73)} '
                   f'{"".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))}" deck: {deck} '
                   f"length_cm: {rng.randint(360, 1650) if deck == 'FREIGHT' else rng.randint(350, 560)} "
                   f"weight_kg: {rng.randint(900, 2600) if deck != 'FREIGHT' else rng.randint(7000, 44000)}"
                   f"{' hazardous: true' if deck == 'HAZMAT' else ''} }}")
    return "\n".join(out) + "\n"


@cm.kind("protoc-decode-raw", "json")
def n_decode_raw(lines):
    """Rules 1+4+5 on protoc --decode_raw: every top-level field line (N: value / N {), the first and last group of each top-level field number, the group lines holding each numeric field's min and max, every error line, an EXIT=N line."""
    return _decode(lines, named=False)


@cm.kind("protoc-decode", "json")
def n_decode(lines):
    """Rules 1+4+5 on protoc --decode=Type (text format): every top-level field line, the first and last group of each top-level field, the group lines holding each numeric field's min and max and rare enum values, every error line, an EXIT=N line."""
    return _decode(lines, named=True)


def _decode(lines, named):
    out = [ln for ln in lines if re.match(r"^\w+(: | \{|\s*\{)", ln) and not ln.startswith(" ")]
    # top-level groups: from `N {` at column 0 to its `}` at column 0; inner fields at depth 1
    groups_by: dict = {}
    i = 0
    while i < len(lines):
        m = re.match(r"^(\w+) \{$", lines[i])
        if m:
            j, fields = i + 1, []
            while j < len(lines) and lines[j] != "}":
                fm = re.match(r"^  (\w+): (.*)$", lines[j])
                if fm:
                    fields.append((lines[j], fm.group(1), fm.group(2)))
                j += 1
            groups_by.setdefault(m.group(1), []).append((i, fields))
            i = j + 1
            continue
        i += 1
    for key, gs in groups_by.items():
        for gi in (gs[0], gs[-1]):
            out.append(gi[1][0][0] if gi[1] else lines[gi[0]])
        if len(gs) < 3:
            continue
        fields = list(dict.fromkeys(f for _, fs in gs for _, f, _ in fs))
        for f in fields:
            vals = [(ln, v) for _, fs in gs for ln, ff, v in fs if ff == f]
            if vals and all(re.fullmatch(r"-?\d+(\.\d+)?", v) for _, v in vals):
                lo = min(float(v) for _, v in vals)
                hi = max(float(v) for _, v in vals)
                out.append(cm.any_of([ln for ln, v in vals if float(v) == lo]))
                out.append(cm.any_of([ln for ln, v in vals if float(v) == hi]))
            elif named and vals and all(re.fullmatch(r"[A-Z_]+", v) for _, v in vals):
                from collections import Counter
                c = Counter(v for _, v in vals)
                top, topn = c.most_common(1)[0]
                if topn * 2 >= len(vals):
                    out += [ln for ln, v in vals if v != top and c[v] <= 2]
    out += [ln for ln in lines if re.search(r"(?i)failed to parse|error", ln)]
    return out + _exit(lines)


@cm.kind("protoc-descriptor-dump", "json")
def n_descriptor(lines):
    """Rule 5 on a descriptor set dumped in text format: every name: line of a file, a message, an enum and a service at the depth they are declared, every method's name: line, every dependency: line, every error line, an EXIT=N line."""
    out = []
    stack: list = []
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^(\w+) \{$", s)
        if m:
            stack.append(m.group(1))
            continue
        if s == "}":
            if stack:
                stack.pop()
            continue
        if s.startswith("name:") and stack and stack[-1] in ("file", "message_type", "service", "method", "enum_type"):
            out.append(ln)
        elif s.startswith("dependency:"):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"(?i)error|warning", ln)]
    return out + _exit(lines)


def _batch_text(rng: random.Random, n: int) -> str:
    sensors = ["engine1.temp", "engine2.temp", "ballast.fwd", "ballast.aft", "stabiliser.port", "radar.range"]
    decks = ["CAR"] * 12 + ["FREIGHT"] * 5 + ["HAZMAT"]
    out = ['vessel: "Pride of Calais"']
    for i in range(n):
        sensor = rng.choice(sensors)
        value = rng.gauss(82.0, 3.0) if "temp" in sensor else rng.uniform(0, 100)
        if i == 377:
            value = 131.7  # the overheating reading
        out.append(f'readings {{ ts: {1764590400 + 15 * i} sensor: "{sensor}" value: {value:.2f} deck: {rng.choice(decks)} }}')
    return "\n".join(out) + "\n"


def cap_protoc(tmp: Path) -> None:
    d = tmp / "protoc"
    rng = random.Random(14804)
    write_tree(d, {"ferry.proto": FERRY_PROTO, "telemetry.proto": TELEMETRY_PROTO,
                   "manifest.txtpb": _manifest_text(rng, 420), "small.txtpb": _manifest_text(rng, 40),
                   "batch.txtpb": _batch_text(rng, 600)})
    run("protoc --encode=ferrylink.Manifest -I. -I/usr/include ferry.proto < manifest.txtpb > manifest.bin && "
        "protoc --encode=ferrylink.Manifest -I. -I/usr/include ferry.proto < small.txtpb > small.bin && "
        "protoc --encode=ferrylink.telemetry.Batch -I. -I/usr/include telemetry.proto < batch.txtpb > batch.bin", cwd=d)
    cap("protoc-decode-raw-manifest", "protoc --decode_raw < manifest.bin", d, n_decode_raw)
    cap("protoc-decode-raw-head", "protoc --decode_raw < manifest.bin | head -n 400", d, n_decode_raw)
    cap("protoc-decode-raw-small-echo", "protoc --decode_raw < small.bin; echo EXIT=$?", d, n_decode_raw)
    cap("protoc-decode-manifest", "protoc --decode=ferrylink.Manifest -I. -I/usr/include ferry.proto < manifest.bin",
        d, n_decode)
    cap("protoc-decode-manifest-tail", "protoc --decode=ferrylink.Manifest -I. -I/usr/include ferry.proto < manifest.bin "
        "| tail -n 300", d, n_decode)
    cap("protoc-decode-batch", "protoc --decode=ferrylink.telemetry.Batch -I. -I/usr/include telemetry.proto < batch.bin",
        d, n_decode)
    cap("protoc-decode-raw-batch-tail", "protoc --decode_raw < batch.bin | tail -n 400", d, n_decode_raw)
    cap("protoc-descriptor-dump-source-info-head", "protoc -I. -I/usr/include --include_source_info "
        "--descriptor_set_out=src.pb ferry.proto && protoc --decode=google.protobuf.FileDescriptorSet -I/usr/include "
        "google/protobuf/descriptor.proto < src.pb | head -n 400", d, n_descriptor)
    cap("protoc-descriptor-dump", "protoc -I. -I/usr/include --include_imports --descriptor_set_out=set.pb "
        "telemetry.proto && protoc --decode=google.protobuf.FileDescriptorSet -I/usr/include "
        "google/protobuf/descriptor.proto < set.pb", d, n_descriptor)


STEPS = [cap_thrift, cap_capnp, cap_flatc, cap_protoc]
