"""Round 349's steps (see capture_wide349.py): `fleecewell`, a wool mill; the material each tool is run on, the
faults put in (other than round 335's), and the runs. Every extractor is round 335's (capture_wide349 imports them)."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
import capture_wide349 as w
from capture_data import stop, wait_port

add, cap = w.add, w.cap
PRISMA_ENV = {"PRISMA_SCHEMA_ENGINE_BINARY": "/bin/false", "PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING": "1",
              "CHECKPOINT_DISABLE": "1", "PRISMA_HIDE_UPDATE_MESSAGE": "1"}

MILL = ["Fleece", "Bale", "Lot", "Carding", "Combing", "Sliver", "Roving", "Spinning", "Yarn", "Cone", "Twist",
        "Fulling", "Dye", "Vat", "Loom", "Warp", "Weft", "Piece", "Batch", "Shift", "Operator", "Machine", "Grade",
        "Buyer", "Order", "Invoice", "Farm", "Shearer", "Sample", "Test"]


def names_of(n: int) -> list[str]:
    return [MILL[i % len(MILL)] + ("" if i < len(MILL) else str(i // len(MILL))) for i in range(n)]


def low(name: str) -> str:
    return name[0].lower() + name[1:]


# ------------------------------------------------------------------ Prisma

PRISMA_FAULTS = ["ambig", "index", "unique", "autoinc", "refnonunique", "dupmodel", "idfield", "dupenum"]


def prisma_schema(n: int, seed: int, faults: int, provider: str, native: bool = True) -> str:
    rng = random.Random(seed)
    names = names_of(n)
    bad = {rng.randrange(1, n): rng.choice(PRISMA_FAULTS) for _ in range(faults)}
    models: dict[str, list[str]] = {}
    tail: list[str] = []
    enum_dup = "dupenum" in bad.values()
    for i, name in enumerate(names):
        f = bad.get(i)
        vc = f" @db.VarChar({rng.choice([32, 64, 120])})" if native else ""
        body = ["  id        Int      @id @default(autoincrement())",
                f"  label     String{vc}",
                f"  micron    {rng.choice(['Float', 'Decimal', 'Int'])}?",
                f"  grade     WoolGrade @default({rng.choice(['MERINO', 'CROSSBRED', 'LUSTRE'])})",
                "  loggedAt  DateTime @default(now())"]
        blocks = []
        if f == "autoinc":
            body.append("  code      String   @default(autoincrement())")
        if f == "index":
            blocks.append(f"  @@index([{rng.choice(['staple', 'shedWeight', 'yieldPct'])}])")
        if f == "unique":
            blocks.append("  @@unique([label, batchNo])")
        if f == "idfield":
            body[0] = "  id        Int"
            blocks.append("  @@id([id, ghostKey])")
        if i > 0:
            parent = names[rng.randrange(i)]
            fk = low(parent) + "Id"
            if f == "ambig":
                body += [f"  from{parent}  {parent} @relation(fields: [fromId], references: [id])", "  fromId  Int",
                         f"  to{parent}    {parent} @relation(fields: [toId], references: [id])", "  toId    Int"]
                models[parent] += [f"  out{name}s {name}[]", f"  in{name}s  {name}[]"]
            elif f == "refnonunique":
                body += [f"  {low(parent)}  {parent} @relation(\"{parent}{name}\", fields: [{fk}], references: [label])",
                         f"  {fk}  String"]
                models[parent].append(f"  {low(name)}s {name}[] @relation(\"{parent}{name}\")")
            else:
                body += [f"  {low(parent)}  {parent} @relation(\"{parent}{name}\", fields: [{fk}], references: [id])",
                         f"  {fk}  Int"]
                models[parent].append(f"  {low(name)}s {name}[] @relation(\"{parent}{name}\")")
        models[name] = body
        if blocks:
            models[name] = body + [""] + blocks
        if f == "dupmodel":
            tail.append(f"model {name} {{\n  id    Int    @id\n  note  String?\n}}\n\n")
    out = [f'datasource db {{\n  provider = "{provider}"\n}}\n\n',
           'generator client {\n  provider = "prisma-client"\n  output   = "../generated"\n}\n\n',
           "enum WoolGrade {\n  MERINO\n  CROSSBRED\n  LUSTRE\n" + ("  MERINO\n" if enum_dup else "") + "}\n\n"]
    for name, body in models.items():
        # back-relation fields go before the blank line and block attributes
        if "" in body:
            k = body.index("")
            fields, blocks = body[:k], body[k + 1:]
        else:
            fields, blocks = body, []
        out.append(f"model {name} {{\n" + "\n".join(fields) + ("\n\n" + "\n".join(blocks) if blocks else "") + "\n}\n\n")
    return "".join(out + tail)


def prisma_messy_valid(n: int, seed: int) -> str:
    """A valid schema written without alignment (what `prisma format` rewrites)."""
    rng = random.Random(seed)
    names = names_of(n)
    out = ['datasource db {\nprovider="postgresql"\n}\n', 'generator client {\nprovider="prisma-client"\noutput="../generated"\n}\n']
    back: dict[str, list[str]] = {nm: [] for nm in names}
    fields = {}
    for i, name in enumerate(names):
        fl = ["id Int @id @default(autoincrement())", "label String", f"weight{rng.randint(1, 9)} Float?"]
        if i:
            p = names[rng.randrange(i)]
            fl += [f"{low(p)} {p} @relation(fields:[{low(p)}Id],references:[id])", f"{low(p)}Id Int"]
            back[p].append(f"{low(name)}s {name}[]")
        fields[name] = fl
    for name in names:
        out.append(f"model {name} {{\n" + "\n".join("    " * rng.randint(0, 2) + x for x in fields[name] + back[name]) + "\n}\n")
    return "".join(out)


def prisma(tmp: Path) -> None:
    d = tmp / "fleecewell" / "prisma"
    d.mkdir(parents=True)
    for tag, n, seed, faults, prov, native in (("carding", 16, 34910, 9, "postgresql", True),
                                               ("spinning", 50, 34911, 24, "mysql", True),
                                               ("fulling", 80, 34912, 30, "postgresql", True),
                                               ("dyehouse", 40, 34913, 16, "sqlite", True)):
        (d / f"schema_{tag}.prisma").write_text(prisma_schema(n, seed, faults, prov, native))
    (d / "schema_looms.prisma").write_text(prisma_messy_valid(20, 34914))
    for item, sub, tag, ext in (("prisma-validate-carding", "validate", "carding", w.n_prisma),
                                ("prisma-validate-spinning", "validate", "spinning", w.n_prisma),
                                ("prisma-validate-dyehouse", "validate", "dyehouse", w.n_prisma),
                                ("prisma-format-fulling", "format", "fulling", w.n_prisma_format),
                                ("prisma-format-dyehouse", "format", "dyehouse", w.n_prisma_format),
                                ("prisma-format-looms", "format", "looms", w.n_prisma_format)):
        cmd = f"prisma {sub} --schema prisma/schema_{tag}.prisma"
        cap(item, cmd, d.parent, ext, env=dict(PRISMA_ENV), typed="npx " + cmd)


# ------------------------------------------------------------------ protoc (grpcio-tools)

PROTO_TYPES = ["string", "int32", "int64", "bool", "double", "bytes", "uint32", "sint64", "fixed32"]
PROTO_FAULTS = ["reservedrange", "floatkey", "dupenum", "jsonname"]
PROTO_ZERO = ["zero", "enumrpc"]  # field number 0 and an enum as an rpc input stop protoc before its option checks: a file of their own
PROTO_SYNTAX = ["required", "oneoflabel"]  # parse faults: protoc stops before its semantic checks, so a file of their own


def proto_file(pkg: str, svc: str, n_msgs: int, seed: int, faults: int, imports=(), kinds=PROTO_FAULTS) -> str:
    rng = random.Random(seed)
    bad = {rng.randrange(n_msgs): rng.choice(kinds) for _ in range(faults)}
    out = ['syntax = "proto3";\n\n', f"package {pkg};\n\n"]
    out += [f'import "{i}";\n' for i in imports]
    out.append('import "google/protobuf/duration.proto";\n\n')
    names = [f"{MILL[i % len(MILL)]}{svc}{i}" for i in range(n_msgs)]
    enum_for_rpc = None
    for i, name in enumerate(names):
        f = bad.get(i)
        body = []
        nf = rng.randint(3, 8)
        for k in range(1, nf + 1):
            t = rng.choice(PROTO_TYPES)
            label = "repeated " if rng.random() < .2 else ""
            if f == "required" and k == 2:
                label = "required "
            num = k
            if f == "zero" and k == 1:
                num = 0
            if f == "reservedrange" and k == nf:
                num = 19000 + rng.randint(0, 999)
            body.append(f"  {label}{t} {'wool_grade' if (f == 'jsonname' and k == 1) else f'field_{k}'} = {num};")
        if f == "jsonname":
            body.append(f"  string woolGrade = {nf + 3};")
        if f == "floatkey":
            body.append(f"  map<double, string> by_micron = {nf + 4};")
        if f == "oneoflabel":
            body.append(f"  oneof source {{\n    repeated string farm = {nf + 5};\n    int32 bale = {nf + 6};\n  }}")
        if i > 0 and rng.random() < .5:
            body.append(f"  {names[rng.randrange(i)]} upstream = {nf + 1};")
        body.append(f"  google.protobuf.Duration took = {nf + 2};")
        out.append(f"message {name} {{\n" + "\n".join(body) + "\n}\n\n")
        if f == "dupenum":
            out.append(f"enum {name}Stage {{\n  {name.upper()}_UNSPECIFIED = 0;\n  {name.upper()}_CARDED = 1;\n"
                       f"  {name.upper()}_SPUN = 1;\n}}\n\n")
        if f == "enumrpc":
            enum_for_rpc = f"{name}Kind"
            out.append(f"enum {enum_for_rpc} {{\n  {name.upper()}_KIND_UNSPECIFIED = 0;\n  {name.upper()}_KIND_WORSTED = 1;\n}}\n\n")
    out.append(f"service {svc} {{\n")
    for i in range(0, n_msgs - 1, 2):
        out.append(f"  rpc Run{names[i]}({names[i]}) returns ({names[i + 1]});\n")
    if enum_for_rpc:
        out.append(f"  rpc Classify({enum_for_rpc}) returns ({names[0]});\n")
    out.append("}\n")
    return "".join(out)


def protoc(tmp: Path) -> None:
    d = tmp / "millproto"
    p = d / "proto" / "mill"
    p.mkdir(parents=True)
    (d / "out").mkdir()
    (p / "units.proto").write_text(proto_file("mill.units", "Units", 5, 34920, 0, kinds=["zero"]))
    (p / "carding.proto").write_text(proto_file("mill.carding", "Carding", 30, 34921, 9, imports=("mill/units.proto",)))
    (p / "spinning.proto").write_text(proto_file("mill.spinning", "Spinning", 48, 34922, 14,
                                                 imports=("mill/units.proto", "mill/carding.proto")))
    (p / "fulling.proto").write_text(proto_file("mill.fulling", "Fulling", 140, 34923, 40))
    (p / "dyeing.proto").write_text(proto_file("mill.dyeing", "Dyeing", 8, 34924, 1, imports=("mill/looms.proto",), kinds=PROTO_ZERO))
    (p / "looms.proto").write_text(proto_file("mill.looms", "Looms", 8, 34925, 1, imports=("mill/dyeing.proto",), kinds=PROTO_ZERO))
    (p / "twisting.proto").write_text(proto_file("mill.twisting", "Twisting", 90, 34927, 24, kinds=PROTO_ZERO))
    (p / "scouring.proto").write_text(proto_file("mill.scouring", "Scouring", 70, 34926, 16, kinds=PROTO_SYNTAX))
    base = "python -m grpc_tools.protoc -Iproto --python_out=out --grpc_python_out=out"
    cap("protoc-carding", f"{base} proto/mill/carding.proto", d, w.n_protoc)
    cap("protoc-spinning", f"{base} --pyi_out=out proto/mill/spinning.proto proto/mill/units.proto", d, w.n_protoc)
    cap("protoc-fulling", f"{base} proto/mill/fulling.proto", d, w.n_protoc)
    cap("protoc-scouring", f"{base} proto/mill/scouring.proto", d, w.n_protoc)
    cap("protoc-dyeing-looms", f"{base} proto/mill/units.proto proto/mill/dyeing.proto proto/mill/looms.proto",
        d, w.n_protoc)
    cap("protoc-twisting", f"{base} proto/mill/twisting.proto proto/mill/units.proto", d, w.n_protoc)


# ------------------------------------------------------------------ gRPC server and client

GRPC_SERVER = r'''
import json, logging, random, sys, threading, time
from concurrent import futures
import grpc
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s")
log = logging.getLogger("mill.carding")
rng = random.Random(int(sys.argv[2]))
MACHINES = {m: {"drum_rpm": rng.randint(80, 140), "queue": rng.randint(0, 6), "ready": m not in (4, 9)} for m in range(1, 11)}
lock = threading.Lock()

def card(req, ctx):
    t0 = time.time()
    r = json.loads(req or b"{}")
    m, lot = r.get("machine"), r.get("lot")
    md = dict(ctx.invocation_metadata())
    if md.get("x-role") not in ("carder", "foreman"):
        log.warning("role %r may not card lot %s on machine %s", md.get("x-role"), lot, m)
        ctx.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {md.get('x-role')!r} may not start carding")
    spec = MACHINES[m]   # KeyError for an unknown machine: the handler raises, grpc answers UNKNOWN
    if not spec["ready"]:
        log.info("machine %s not threaded -> StatusCode.FAILED_PRECONDITION", m)
        ctx.abort(grpc.StatusCode.FAILED_PRECONDITION, f"card {m} has no sliver threaded through the doffer")
    with lock:
        if spec["queue"] >= 8:
            log.warning("machine %s queue full (%d lots) -> StatusCode.RESOURCE_EXHAUSTED", m, spec["queue"])
            ctx.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, f"card {m} queue holds {spec['queue']} lots (max 8)")
        spec["queue"] += 1
    if r.get("micron", 20) < 15:
        time.sleep(0.6)   # superfine wool: slow, past the client's deadline
    if rng.random() < 0.3:
        with lock:
            spec["queue"] = max(0, spec["queue"] - 2)
    log.info("card machine=%s lot=%s micron=%s done in %dms", m, lot, r.get("micron"), int((time.time() - t0) * 1000) + rng.randint(2, 70))
    return json.dumps({"machine": m, "lot": lot, "sliver_kg": round(rng.uniform(20, 60), 1)}).encode()

def feed(req, ctx):
    r = json.loads(req or b"{}")
    n = r.get("bales", 5)
    for i in range(n):
        if i == r.get("break_at", -1):
            log.error("bale feed broke at bale %d of %d on line %s -> StatusCode.DATA_LOSS", i, n, r.get("line"))
            ctx.abort(grpc.StatusCode.DATA_LOSS, f"feed sheet torn at bale {i}; {n - i} bales not weighed")
        yield json.dumps({"bale": i, "kg": rng.randint(150, 220)}).encode()

h = grpc.method_handlers_generic_handler("mill.carding.Carding", {
    "Card": grpc.unary_unary_rpc_method_handler(card),
    "Feed": grpc.unary_stream_rpc_method_handler(feed)})
server = grpc.server(futures.ThreadPoolExecutor(max_workers=3))
server.add_generic_rpc_handlers((h,))
addr = f"127.0.0.1:{sys.argv[1]}"
server.add_insecure_port(addr)
server.start()
log.info("fleecewell carding service listening on %s", addr)
server.wait_for_termination()
'''

GRPC_CLIENT = r'''
import json, random, sys
import grpc
port, seed, n, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
ch = grpc.insecure_channel(f"127.0.0.1:{port}")
card = ch.unary_unary("/mill.carding.Carding/Card")
feed = ch.unary_stream("/mill.carding.Carding/Feed")
tally = {}
for i in range(n):
    m = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12])
    lot = f"L{rng.randint(1000, 9999)}"
    micron = rng.choice([14, 18, 21, 21, 23, 26, 30, 32])
    md = (("x-role", "carder" if rng.random() > 0.07 else "visitor"),)
    try:
        rep = card(json.dumps({"machine": m, "lot": lot, "micron": micron}).encode(), metadata=md, timeout=0.4)
        print(f"#{i:04d} Card machine={m} lot={lot} micron={micron} -> StatusCode.OK {rep.decode()}")
        tally["OK"] = tally.get("OK", 0) + 1
    except grpc.RpcError as e:
        print(f"#{i:04d} Card machine={m} lot={lot} micron={micron} -> {e.code()} {e.details()!r}")
        tally[e.code().name] = tally.get(e.code().name, 0) + 1
print("tally:", ", ".join(f"{k}={v}" for k, v in sorted(tally.items())))
if end == "unimplemented":
    print("recalibrating every card ...")
    recal = ch.unary_unary("/mill.carding.Carding/Recalibrate")
    recal(b'{"machine": 3}', timeout=2)
else:
    print("feeding bales to line 2 ...")
    for rep in feed(json.dumps({"bales": 12, "break_at": 9, "line": 2}).encode(), timeout=5):
        print("fed", rep.decode())
'''


def grpc(tmp: Path) -> None:
    d = tmp / "cardingsvc"
    d.mkdir()
    (d / "server.py").write_text(GRPC_SERVER)
    (d / "client.py").write_text(GRPC_CLIENT)
    for tag, seed, n, end in (("short", 34930, 45, "unimplemented"), ("long", 34931, 380, "stream")):
        log = open(d / f"server-{tag}.log", "wb")
        p = cm.start([w.PY, "server.py", str(w.P3), str(seed)], cwd=d, log=log)
        try:
            if not wait_port(w.P3, 15):
                raise RuntimeError("grpc server did not start")
            cap(f"grpc-client-{tag}", f"python client.py {w.P3} {seed} {n} {end}", d, w.n_grpc_client,
                env={"PATH": str(w.VENV / "bin") + ":/usr/bin:/bin"}, timeout=300)
            time.sleep(0.8)
        finally:
            stop(p)
            log.close()
        add(f"grpc-server-log-{tag}", f"cat server-{tag}.log", (d / f"server-{tag}.log").read_text(), w.n_grpc_server)


# ------------------------------------------------------------------ strawberry

def strawberry_module(n: int, seed: int) -> str:
    rng = random.Random(seed)
    names = names_of(n)
    out = ["import enum, typing\nfrom datetime import date\nimport strawberry\nfrom strawberry.schema_directive import Location\n\n",
           "LotCode = strawberry.scalar(typing.NewType('LotCode', str), serialize=str, parse_value=str,\n"
           "                            description='A mill lot code such as L-2024-0042')\n",
           "Micron = strawberry.scalar(typing.NewType('Micron', float), serialize=float, parse_value=float)\n\n",
           "@strawberry.schema_directive(locations=[Location.OBJECT, Location.FIELD_DEFINITION])\nclass Stage:\n    name: str\n\n",
           "@strawberry.enum(description='Where a lot is in the mill')\nclass MillStage(enum.Enum):\n"
           "    SCOURED = 'scoured'\n    CARDED = 'carded'\n    SPUN = 'spun'\n    FULLED = 'fulled'\n    DYED = 'dyed'\n\n",
           "@strawberry.interface\nclass Traceable:\n    lot: LotCode\n    stage: MillStage\n\n",
           "@strawberry.interface\nclass Weighed:\n    kg: float\n\n"]
    for i, name in enumerate(names):
        ifaces = rng.choice(["Traceable", "Traceable, Weighed", "Weighed"])
        fields = []
        if "Traceable" in ifaces:
            fields += ["    lot: LotCode", "    stage: MillStage = MillStage.SCOURED"]
        if "Weighed" in ifaces:
            fields.append("    kg: float = 0.0")
        fields.append("    micron: typing.Optional[Micron] = None")
        for k in range(rng.randint(1, 4)):
            fields.append(f"    {rng.choice(['staple_mm', 'twist_tpm', 'shift', 'vat', 'loom'])}_{k}: "
                          f"{rng.choice(['str', 'int', 'float', 'typing.List[int]', 'typing.Optional[str]', 'typing.Optional[date]'])}"
                          f" = strawberry.field(default=None, description='{name} measure {k}')")
        if i:
            fields.append(f"    source: typing.Optional['{names[rng.randrange(i)]}'] = None")
        deco = f"@strawberry.type(description='{name} record of the mill', directives=[Stage(name='{name.lower()}')])" \
            if rng.random() < .3 else "@strawberry.type"
        out.append(f"{deco}\nclass {name}({ifaces}):\n" + "\n".join(fields) + "\n\n")
        if rng.random() < .5:
            out.append(f"@strawberry.input(description='New {name.lower()}')\nclass {name}Input:\n    lot: LotCode\n"
                       f"    kg: float = 0.0\n    stage: MillStage = MillStage.SCOURED\n\n")
    for u in range(max(1, n // 8)):
        members = ", ".join(names[u * 3: u * 3 + 3] or names[:3])
        out.append(f"MillThing{u} = typing.Annotated[typing.Union[{members}], strawberry.union('MillThing{u}')]\n")
    q = ["\n@strawberry.type\nclass Query:\n"]
    for u in range(max(1, n // 8)):
        q.append(f"    @strawberry.field\n    def things{u}(self, lot: LotCode) -> typing.List[MillThing{u}]:\n        return []\n\n")
    for name in names:
        q.append(f"    @strawberry.field(description='One {name.lower()} by lot')\n"
                 f"    def {low(name)}(self, lot: LotCode) -> typing.Optional[{name}]:\n        return None\n\n")
    out.append("".join(q))
    out.append("schema = strawberry.Schema(query=Query, types=[" + ", ".join(names) + "])\n")
    return "".join(out)


STRAWBERRY_APP = r"""
import logging, random, sys, typing
import strawberry
from strawberry.permission import BasePermission
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("fleecewell.graph")
rng = random.Random(int(sys.argv[1]))
CONES = {f"C{i}": {"count": rng.randint(0, 12), "twist": rng.choice([0, 320, 400, 480])} for i in range(30)}

class ForemanOnly(BasePermission):
    message = "only a foreman may read yarn costs"
    def has_permission(self, source, info, **kw):
        return (info.context or {}).get("role") == "foreman"

@strawberry.type
class Cone:
    id: str
    @strawberry.field
    def count(self) -> int:
        return CONES[self.id]["count"]
    @strawberry.field
    def tex(self) -> float:
        return 1000 / CONES[self.id]["twist"]
    @strawberry.field
    def dye_lot(self) -> str:
        return None if int(self.id[1:]) % 7 == 3 else f"D{self.id[1:]}"
    @strawberry.field(permission_classes=[ForemanOnly])
    def cost(self) -> float:
        return 3.2 * CONES[self.id]["count"]

@strawberry.type
class Query:
    @strawberry.field
    def cone(self, id: str) -> typing.Optional[Cone]:
        if id not in CONES:
            log.warning("unknown cone %s asked for", id)
            return None
        return Cone(id=id)
    @strawberry.field
    def cones(self, ids: typing.List[str]) -> typing.List[Cone]:
        return [Cone(id=i) for i in ids]

schema = strawberry.Schema(query=Query)
n, errs = int(sys.argv[2]), 0
for i in range(n):
    r = rng.random()
    ctx = {"role": "foreman" if rng.random() < 0.6 else "spinner"}
    var = None
    if r < 0.15:
        q, var = "query($id: String!) { cone(id: $id) { count } }", {"id": rng.randint(1, 40)}
    elif r < 0.3:
        q = "{ cone(id: \"C%d\") { id cost } }" % rng.randrange(30)
    elif r < 0.45:
        q = "{ cones(ids: [%s]) { id tex } }" % ", ".join('"C%d"' % rng.randrange(30) for _ in range(rng.randint(2, 6)))
    elif r < 0.55:
        q = "{ cone(id: \"C%d\") { id dyeLot } }" % rng.randrange(30)
    else:
        q = "{ cone(id: \"C%d\") { id count } }" % rng.randrange(34)
    res = schema.execute_sync(q, variable_values=var, context_value=ctx)
    if res.errors:
        errs += 1
    print(f"request {i:03d} [{ctx['role']}]: {'errors=' + str(len(res.errors)) if res.errors else 'ok'} {str(res.data)[:70]}", flush=True)
print(f"executed {n} requests: {errs} with errors", flush=True)
"""


def strawberry(tmp: Path) -> None:
    d = tmp / "millql"
    d.mkdir()
    (d / "mill_small.py").write_text(strawberry_module(8, 34940))
    (d / "mill_large.py").write_text(strawberry_module(60, 34941))
    (d / "run_requests.py").write_text(STRAWBERRY_APP)
    cap("strawberry-export-small", "strawberry export-schema mill_small:schema", d, w.n_sdl)
    cap("strawberry-export-large", "strawberry export-schema mill_large:schema", d, w.n_sdl)
    cap("strawberry-exec-short", "python run_requests.py 34942 14", d, w.n_gql_log)
    cap("strawberry-exec-long", "python run_requests.py 34943 60", d, w.n_gql_log)


# ------------------------------------------------------------------ Pyramid proutes

def pyramid_app(mod: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["from pyramid.config import Configurator\nfrom pyramid.response import Response\n\n",
           "def ok(request):\n    return Response('ok')\n\n",
           "class Lots:\n    def __init__(self, request):\n        self.request = request\n"
           "    def index(self):\n        return Response('lots')\n    def card(self):\n        return Response('carded')\n\n",
           "def main(global_config, **settings):\n    config = Configurator(settings=settings)\n"]
    for i in range(n):
        noun = MILL[i % len(MILL)].lower()
        name = f"{noun}_{i}"
        pat = f"/mill/{rng.choice(['carding', 'spinning', 'fulling', 'dyehouse'])}/{noun}s" + \
            rng.choice(["", "/{lot}", "/{lot}/weigh", "/{lot}/samples/{n}"])
        r = rng.random()
        if r < 0.1:
            out.append(f"    config.add_route({name!r}, {pat!r}, request_method=('GET', 'HEAD'))\n")
        elif r < 0.15:
            out.append(f"    config.add_route({name!r}, {pat!r}, xhr=True)\n")
        else:
            out.append(f"    config.add_route({name!r}, {pat!r})\n")
        v = rng.random()
        if v < 0.06:
            continue  # no view for this route: proutes shows <unknown>
        meth = rng.choice(["GET"] * 5 + ["POST"] * 2 + ["PUT", "DELETE", "OPTIONS"])
        if v < 0.25:
            out.append(f"    config.add_view({mod + '.Lots'!r}, attr={rng.choice(['index', 'card'])!r}, route_name={name!r}, request_method={meth!r})\n")
        elif v < 0.35:
            out.append(f"    config.add_view({mod + '.ok'!r}, route_name={name!r}, request_method=({meth!r}, 'HEAD'))\n")
        else:
            out.append(f"    config.add_view(ok, route_name={name!r}, request_method={meth!r})\n")
    out.append("    config.add_static_view('static', 'millweb:static')\n    return config.make_wsgi_app()\n")
    return "".join(out)


def pyramid(tmp: Path) -> None:
    d = tmp / "millweb"
    d.mkdir()
    for tag, n, seed in (("small", 30, 34950), ("mid", 110, 34951), ("large", 300, 34952)):
        mod = f"millweb_{tag}"
        (d / f"{mod}.py").write_text(pyramid_app(mod, n, seed))
        (d / f"{tag}.ini").write_text(f"[app:main]\nuse = call:{mod}:main\n")
        cap(f"proutes-{tag}", f"proutes {tag}.ini", d, w.n_proutes, env={"PYTHONPATH": str(d)})


# ------------------------------------------------------------------ Falcon inspect

def falcon_app(n: int, seed: int, asgi: bool) -> str:
    rng = random.Random(seed)
    a = "async " if asgi else ""
    out = ["import falcon\n" + ("import falcon.asgi\n" if asgi else "") + "\n",
           f"class RequireOperator:\n    {a}def process_request(self, req, resp):\n        pass\n\n",
           f"class ShiftStamp:\n    {a}def process_response(self, req, resp, resource, ok):\n        pass\n\n",
           f"class OldMill:\n    {a}def __call__(self, req, resp, **kw):\n        resp.status = falcon.HTTP_410\n\n",
           f"class LoomArchive:\n    {a}def __call__(self, req, resp, **kw):\n        resp.status = falcon.HTTP_301\n\n",
           f"{a}def on_key_error(req, resp, ex, params):\n    raise falcon.HTTPNotFound(title='no such lot')\n\n",
           f"{a}def on_timeout(req, resp, ex, params):\n    raise falcon.HTTPServiceUnavailable(title='card stalled')\n\n"]
    res = []
    for i in range(n):
        cls = f"{MILL[i % len(MILL)]}Endpoint{i}"
        meths = rng.sample(["on_get", "on_post", "on_put", "on_delete", "on_patch", "on_options"], rng.randint(1, 3))
        body = "".join(f"    {a}def {m}(self, req, resp, **kw):\n        resp.media = {{'n': {i}}}\n" for m in meths)
        suffix = None
        if rng.random() < .35:
            suffix = rng.choice(["weights", "samples", "history"])
            body += f"    {a}def on_get_{suffix}(self, req, resp, lot):\n        resp.media = {{'lot': lot}}\n"
        out.append(f"class {cls}:\n{body}\n")
        res.append((cls, suffix))
    out.append(("app = falcon.asgi.App" if asgi else "app = falcon.App") + "(middleware=[RequireOperator(), ShiftStamp()])\n")
    for i, (cls, suffix) in enumerate(res):
        noun = MILL[i % len(MILL)].lower()
        stage = rng.choice(["carding", "spinning", "fulling", "dyeing"])
        out.append(f"r{i} = {cls}()\napp.add_route('/{stage}/{noun}s{i}', r{i})\n")
        if suffix:
            out.append(f"app.add_route('/{stage}/{noun}s{i}/{{lot}}/{suffix}', r{i}, suffix={suffix!r})\n")
    out.append("app.add_sink(OldMill(), prefix='/v0')\napp.add_sink(LoomArchive(), prefix='/looms/archive')\n"
               "app.add_static_route('/swatches', '/usr/share/doc')\napp.add_static_route('/manuals', '/usr/share/man')\n"
               "app.add_error_handler(KeyError, on_key_error)\napp.add_error_handler(TimeoutError, on_timeout)\n")
    return "".join(out)


def falcon(tmp: Path) -> None:
    d = tmp / "millfalcon"
    d.mkdir()
    (d / "api_small.py").write_text(falcon_app(12, 34960, asgi=False))
    (d / "api_asgi.py").write_text(falcon_app(60, 34961, asgi=True))
    (d / "api_large.py").write_text(falcon_app(170, 34962, asgi=False))
    env = {"PYTHONPATH": str(d)}
    cap("falcon-inspect-small", "falcon-inspect-app api_small:app", d, w.n_falcon, env=env)
    cap("falcon-inspect-asgi-verbose", "falcon-inspect-app --verbose api_asgi:app", d, w.n_falcon, env=env)
    cap("falcon-inspect-large", "falcon-inspect-app --route_only api_large:app", d, w.n_falcon, env=env)


# ------------------------------------------------------------------ pwiz

def pwiz_db(path: Path, n: int, seed: int) -> None:
    import sqlite3
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    special = ["order", "group", "dye-vat", "select", "Loom Shed"]
    names = [f"{MILL[i % len(MILL)].lower()}_{i}" for i in range(n)]
    for j, s in enumerate(special):
        if j * 7 < n:
            names[j * 7] = s
    pks: dict[str, list[str]] = {}
    for i, t in enumerate(names):
        q = f'"{t}"'
        comp = rng.random() < .15
        cols = ["lot TEXT NOT NULL", "seq INTEGER NOT NULL"] if comp else ["id INTEGER PRIMARY KEY"]
        for k in range(rng.randint(2, 7)):
            cols.append(f"{rng.choice(['micron', 'staple', 'kg', 'twist', 'shade', 'carded_on', 'yield'])}_{k} "
                        f"{rng.choice(['TEXT', 'INTEGER', 'REAL', 'DECIMAL(10,2)', 'JSON', 'UUID', 'DATE', 'TIMESTAMP', 'CHAR(3)', 'BOOLEAN'])}"
                        f"{rng.choice(['', ' NOT NULL', ' DEFAULT 1', ' UNIQUE', ' COLLATE NOCASE'])}")
        if rng.random() < .2:
            cols.append(f"parent_id INTEGER REFERENCES {q}(id)" if not comp else "parent_lot TEXT")
        if i and rng.random() < .55:
            p = names[rng.randrange(i)]
            if pks[p] == ["id"]:
                cols.append(f'"{p.replace(" ", "_").replace("-", "_")}_id" INTEGER REFERENCES "{p}"(id)')
            else:
                cols += ["src_lot TEXT", "src_seq INTEGER", f'FOREIGN KEY (src_lot, src_seq) REFERENCES "{p}"(lot, seq)']
        if comp:
            cols.append("PRIMARY KEY (lot, seq)")
        pks[t] = ["lot", "seq"] if comp else ["id"]
        tail = " WITHOUT ROWID" if comp and rng.random() < .7 else ""
        con.execute(f"CREATE TABLE {q} ({', '.join(cols)}){tail}")
        if rng.random() < .25:
            col = cols[1].split()[0]
            con.execute(f'CREATE {"UNIQUE " if rng.random() < .3 else ""}INDEX "ix_{t}_{col}" ON {q} ({col})')
    con.execute(f'CREATE VIEW lots_in_dye AS SELECT * FROM "{names[1]}"')
    con.commit()
    con.close()


def pwiz(tmp: Path) -> None:
    d = tmp / "milldb"
    d.mkdir()
    pwiz_db(d / "mill.db", 16, 34970)
    pwiz_db(d / "ledger.db", 130, 34971)
    pwiz_db(d / "dyehouse.db", 45, 34972)
    cap("pwiz-mill", "python -m pwiz -e sqlite mill.db", d, w.n_pwiz)
    cap("pwiz-ledger", "python -m pwiz -e sqlite -i -o ledger.db", d, w.n_pwiz)
    cap("pwiz-dyehouse-tables", "python -m pwiz -e sqlite -t order,group,dye-vat,spinning_7,yarn_8,fulling_11 "
        "dyehouse.db", d, w.n_pwiz)


# ------------------------------------------------------------------ dramatiq on Redis

DRAMATIQ_TASKS = '''
import logging, time
import dramatiq
from dramatiq.brokers.redis import RedisBroker
dramatiq.set_broker(RedisBroker(url="redis://127.0.0.1:PORT/0"))
log = logging.getLogger("fleecewell.tasks")
RECIPES = {"indigo": 12, "madder": 9, "weld": 7}


class NepsFault(Exception):
    pass


@dramatiq.actor(queue_name="carding", max_retries=2, min_backoff=100, max_backoff=250)
def card_lot(lot, micron):
    if micron < 16:
        raise NepsFault(f"lot {lot}: {micron} micron fleece pilled on the doffer")
    log.info("lot %s carded at %s micron", lot, micron)


@dramatiq.actor(queue_name="spinning", max_retries=1, min_backoff=100, max_backoff=150)
def spin(lot, tpm):
    if tpm > 700:
        raise TimeoutError(f"frame 4 stalled spinning lot {lot} at {tpm} tpm")
    log.info("lot %s spun at %s tpm", lot, tpm)


@dramatiq.actor(queue_name="fulling", max_retries=0)
def full(piece, minutes):
    if minutes > 90:
        raise OSError(28, "No space left on device", f"/mill/fulling/{piece}.log")
    time.sleep(minutes / 2000)
    log.info("piece %s fulled for %s minutes", piece, minutes)


@dramatiq.actor(queue_name="dyehouse", max_retries=2, min_backoff=50, max_backoff=120)
def dye(piece, shade):
    litres = RECIPES[shade] * 40
    log.info("piece %s dyed %s with %s litres", piece, shade, litres)
'''

DRAMATIQ_ENQUEUE = '''
import random, sys
import mill_tasks as t
rng = random.Random(int(sys.argv[1]))
for i in range(int(sys.argv[2])):
    r = rng.random()
    lot = f"L{rng.randint(100, 999)}"
    if r < 0.3:
        t.card_lot.send(lot, rng.choice([15, 18, 19, 21, 23, 28]))
    elif r < 0.55:
        t.spin.send(lot, rng.choice([300, 420, 560, 720]))
    elif r < 0.7:
        t.full.send(f"P{i}", rng.choice([20, 45, 60, 120]))
    else:
        t.dye.send(f"P{i}", rng.choice(["indigo", "madder", "weld", "weld", "cochineal"]))
print("enqueued", sys.argv[2])
'''


def dramatiq(tmp: Path) -> None:
    d = tmp / "millq"
    d.mkdir()
    red = cm.start(["redis-server", "--port", str(w.P2), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                   cwd=d)
    try:
        if not wait_port(w.P2, 10):
            raise RuntimeError("redis did not start")
        (d / "mill_tasks.py").write_text(DRAMATIQ_TASKS.replace("PORT", str(w.P2)))
        (d / "enqueue.py").write_text(DRAMATIQ_ENQUEUE)
        env = {"PYTHONPATH": str(d)}
        for tag, seed, n, secs, extra in (("short", 34980, 30, 7, " --threads 3"),
                                          ("stages", 34981, 80, 8, " --threads 2 --queues carding spinning"),
                                          ("long", 34982, 130, 11, " --threads 4")):
            cm.run(f"{w.PY} enqueue.py {seed} {n}", cwd=d, env=env, timeout=60)
            cmd = f"timeout -s INT {secs} dramatiq mill_tasks --processes 1" + extra
            cap(f"dramatiq-{tag}", cmd, d, w.n_dramatiq, env=env, timeout=60)
    finally:
        stop(red)


# ------------------------------------------------------------------ MQTT: mosquitto, paho-mqtt, mosquitto clients

MOSQ_CONF = """listener {port} 127.0.0.1
allow_anonymous false
password_file {d}/passwd
acl_file {d}/acl
persistence false
max_packet_size 4096
log_dest stdout
"""
MOSQ_ACL = ("user carder\ntopic readwrite mill/#\n\nuser probe\ntopic write mill/+/rpm\ntopic read mill/+/setpoint\n\n"
            "user dyer\ntopic readwrite dye/#\n")

PAHO = r"""
import logging, random, sys, time
import paho.mqtt.client as mqtt
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
port, seed, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
log = logging.getLogger("fleecewell.mqtt")
got = []

def client(tag, cid, user, pw, proto):
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=cid, protocol=proto)
    c.enable_logger(logging.getLogger(f"paho.{tag}"))
    c.username_pw_set(user, pw)
    c.reconnect_delay_set(min_delay=1, max_delay=2)
    def on_connect(c, u, flags, rc, props):
        (log.info if rc == 0 else log.error)("%s connect result: %s", tag, rc)
    def on_subscribe(c, u, mid, rcs, props):
        for r in rcs:
            (log.warning if r.is_failure else log.info)("%s subscription mid=%s granted %s", tag, mid, r)
    def on_publish(c, u, mid, rc, props):
        if rc.is_failure:
            log.warning("%s publish mid=%s refused: %s", tag, mid, rc)
    def on_message(c, u, msg):
        got.append(msg.topic)
    def on_disconnect(c, u, flags, rc, props):
        if rc != 0:
            log.warning("%s lost its connection: %s", tag, rc)
    c.on_connect, c.on_subscribe, c.on_publish = on_connect, on_subscribe, on_publish
    c.on_message, c.on_disconnect = on_message, on_disconnect
    return c

spec = (("loom-panel", "loom-7", "carder", "teasel", mqtt.MQTTv311), ("rpm-probe", "probe-3", "probe", "rpm", mqtt.MQTTv5),
        ("loom-tablet", "loom-7", "carder", "teasel", mqtt.MQTTv5), ("dye-desk", "dye-1", "dyer", "indigo", mqtt.MQTTv311))
cs = []
for tag, cid, user, pw, proto in spec:
    c = client(tag, cid, user, pw, proto)
    c.connect("127.0.0.1", port, keepalive=20)
    c.loop_start()
    cs.append(c)
    time.sleep(0.2)
panel, probe, tablet, dyedesk = cs
time.sleep(0.5)
tablet.subscribe([("mill/#", 1), ("dye/#", 1)], options=None) if False else tablet.subscribe([("mill/#", 1), ("dye/#", 1)])
probe.subscribe([("mill/+/setpoint", 2), ("mill/+/rpm", 1)])
time.sleep(0.4)
for i in range(n):
    m = rng.randint(1, 10)
    r = rng.random()
    if r < 0.06:
        probe.publish(f"mill/{m}/setpoint", str(rng.randint(80, 140)), qos=1)
    elif r < 0.08:
        probe.publish(f"mill/{m}/rpm", "x" * 5000, qos=1)
    else:
        probe.publish(f"mill/{m}/rpm", str(rng.randint(60, 150)), qos=rng.choice([0, 1, 2]))
    time.sleep(0.004)
time.sleep(1.2)
for c in cs:
    c.disconnect(); c.loop_stop()
print(f"sent {n} rpm readings, the tablet received {len(got)} messages", flush=True)
cs[0].publish("mill/1/rpm", "99", qos=3)
"""


def mqtt(tmp: Path) -> None:
    d = tmp / "millmqtt"
    d.mkdir()
    (d / "passwd").write_text("")
    cm.run(f"mosquitto_passwd -b {d}/passwd carder teasel && mosquitto_passwd -b {d}/passwd probe rpm "
           f"&& mosquitto_passwd -b {d}/passwd dyer madder", timeout=30)
    (d / "acl").write_text(MOSQ_ACL)
    (d / "mosquitto.conf").write_text(MOSQ_CONF.format(port=w.P1, d=d))
    blog = open(d / "broker.log", "wb")
    b = cm.start(["mosquitto", "-c", str(d / "mosquitto.conf")], cwd=d, log=blog)
    try:
        if not wait_port(w.P1, 10):
            raise RuntimeError("mosquitto did not start")
        (d / "mill_mqtt.py").write_text(PAHO)
        cap("paho-short", f"python mill_mqtt.py {w.P1} 34990 25", d, w.n_paho)
        cap("paho-long", f"python mill_mqtt.py {w.P1} 34991 180", d, w.n_paho)
        rng = random.Random(34992)
        (d / "rpm.txt").write_text("".join(f"{rng.randint(60, 150)}\n" for _ in range(90)))
        (d / "big.txt").write_text("".join(f"{rng.randint(60, 150)} " for _ in range(1500)))
        h = f"-h 127.0.0.1 -p {w.P1}"
        cap("mosquitto-pub-qos2-lines", f"mosquitto_pub -d {h} -u probe -P rpm -q 2 -t mill/5/rpm -l < rpm.txt",
            d, w.n_mosq_client)
        for m in range(1, 11):
            cm.run(f"mosquitto_pub {h} -u carder -P teasel -r -q 1 -t mill/{m}/setpoint -m 'drum {80 + m * 5} rpm'",
                   timeout=10)
        cap("mosquitto-sub-v5", f"mosquitto_sub -d {h} -V mqttv5 -u carder -P teasel -t 'mill/#' -t 'dye/#' -v -W 3",
            d, w.n_mosq_client)
        cap("mosquitto-refused-oversize", f"mosquitto_pub -d -h 127.0.0.1 -p {w.P2} -u probe -P rpm -t mill/3/rpm -m 90 ; "
            f"mosquitto_pub -d {h} -u probe -P rpm -q 1 -t mill/3/rpm -f big.txt ; "
            f"mosquitto_sub -d {h} -V mqttv5 -u probe -P rpm -t 'mill/+/setpoint' -t 'dye/#' -C 3 -W 2", d,
            w.n_mosq_client)
    finally:
        stop(b)
        blog.close()


# ------------------------------------------------------------------ Apollo Server

APOLLO = r"""
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
const typeDefs = `#graphql
  enum Stage { SCOURED CARDED SPUN FULLED DYED }
  type Cone { id: ID! yarn: String! metres: Int! shade: String tex: Float }
  type Lot { id: ID! micron: Float! kg: Float! stage: Stage! cones: [Cone] }
  type Query { lot(id: ID!): Lot  lots(stage: Stage, first: Int = 10): [Lot]  cone(id: ID!): Cone }
  type Mutation { full(lot: ID!, minutes: Int!): Lot! }
`;
let seed = Number(process.argv[3]);
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const stages = ['SCOURED', 'CARDED', 'SPUN', 'FULLED', 'DYED', 'WOVEN'];
const lots = [...Array(60).keys()].map(i => ({ id: `L${i}`, micron: 15 + Math.floor(rand() * 16), kg: Math.round(rand() * 4000) / 10,
  stage: stages[i % 11 === 10 ? 5 : i % 5], cones: [...Array(1 + (i % 3)).keys()].map(k => ({ id: `C${i}-${k}`, n: i * 3 + k })) }));
const resolvers = {
  Query: {
    lot: (_, { id }) => lots.find(l => l.id === id) ?? null,
    lots: (_, { stage, first }) => { if (first < 1) throw new GraphQLError('first must be positive', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } }); return lots.filter(l => !stage || l.stage === stage).slice(0, first); },
    cone: (_, { id }) => { throw new GraphQLError(`cone ${id} is held by quality control`, { extensions: { code: 'QC_HOLD' } }); },
  },
  Cone: {
    yarn: (c) => `worsted ${c.n}`,
    metres: (c) => { if (c.n % 5 === 2) throw new GraphQLError(`scale on winder ${c.n % 4} is offline`, { extensions: { code: 'SCALE_OFFLINE', winder: c.n % 4 } }); return 800 + c.n; },
    shade: (c) => { if (c.n % 7 === 4) throw new Error(`dye recipe missing for cone ${c.id}`); return ['ecru', 'indigo', 'madder'][c.n % 3]; },
    tex: (c) => (c.n % 6 === 1 ? NaN : 20 + c.n / 10),
  },
  Mutation: {
    full: (_, { lot, minutes }) => { if (minutes > 90) throw new GraphQLError(`fulling ${lot} for ${minutes} minutes would felt it solid`, { extensions: { code: 'FULLING_LIMIT', maxMinutes: 90 } }); return lots.find(l => l.id === lot) ?? null; },
  },
};
const server = new ApolloServer({ typeDefs, resolvers, includeStacktraceInErrorResponses: true });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.argv[2]), host: '127.0.0.1' } });
console.log(`fleecewell graph ready at ${url}`);
"""

APOLLO_REQUESTS = {
    "parse": {"query": '{ lot(id: "L1" { id micron }'},
    "validation": {"query": '{ lot(id: 3) { id fibre cones { id metres { n } } } cone { yarn } ...Bits } fragment Bits on Cone { id }'},
    "variables": {"query": "query($first: Int!, $stage: Stage) { lots(first: $first, stage: $stage) { id } }",
                  "variables": {"first": "ten", "stage": "WOVEN"}},
    "lots": {"query": "{ lots(first: 40) { id micron kg stage cones { id yarn metres shade tex } } }"},
    "mutation": {"query": 'mutation { a: full(lot: "L2", minutes: 120) { id } b: full(lot: "L404", minutes: 30) { id } '
                          'c: full(lot: "L10", minutes: 40) { id stage } }'},
}


def apollo(tmp: Path) -> None:
    d = tmp / "millgraph"
    d.mkdir()
    (d / "node_modules").symlink_to(w.JS / "node_modules")
    (d / "server.mjs").write_text(APOLLO)
    slog = open(d / "server.log", "wb")
    p = cm.start(["node", "server.mjs", str(w.P3), "34995"], cwd=d, log=slog, env={"NODE_ENV": "development"})
    try:
        if not wait_port(w.P3, 20):
            raise RuntimeError("apollo did not start")
        for tag, body in APOLLO_REQUESTS.items():
            (d / f"{tag}.json").write_text(json.dumps(body))
            cap(f"apollo-{tag}", f"curl -s -X POST -H 'content-type: application/json' --data @{tag}.json "
                f"http://127.0.0.1:{w.P3}/ | python3 -m json.tool", d, w.n_apollo)
    finally:
        stop(p)
        slog.close()


STEPS = [prisma, protoc, grpc, strawberry, pyramid, falcon, pwiz, dramatiq, mqtt, apollo]
