"""Round 335's steps (see capture_wide335.py): the material each tool is run on, faults put in, and the runs."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
import capture_wide335 as w
from capture_data import stop, wait_port

add, cap = w.add, w.cap
PRISMA_ENV = {"PRISMA_SCHEMA_ENGINE_BINARY": "/bin/false", "PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING": "1",
              "CHECKPOINT_DISABLE": "1", "PRISMA_HIDE_UPDATE_MESSAGE": "1"}

# ------------------------------------------------------------------ Prisma

NOUNS = ["Clay", "Glaze", "Kiln", "Firing", "Order", "Customer", "Workshop", "Student", "Instructor", "Batch",
         "Shelf", "Supplier", "Invoice", "Payment", "Shipment", "Review", "Tool", "Mould", "Pigment", "Booking",
         "Studio", "Event", "Ticket", "Coupon", "Inventory", "Piece", "Photo", "Tag", "Note", "Member"]


def prisma_schema(n: int, seed: int, faults: int) -> str:
    rng = random.Random(seed)
    names = [NOUNS[i % len(NOUNS)] + ("" if i < len(NOUNS) else str(i // len(NOUNS))) for i in range(n)]
    out = ['datasource db {\n  provider = "postgresql"\n}\n\n',
           'generator client {\n  provider = "prisma-client"\n  output   = "../generated"\n}\n\n',
           'enum FiringState {\n  QUEUED\n  LOADING\n  FIRING\n  COOLING\n  DONE\n}\n\n']
    kinds = ["type", "relation", "dup", "default", "attr", "enum", "fields", "optional_list", "id", "map"]
    bad = {rng.randrange(n): rng.choice(kinds) for _ in range(faults)}
    for i, name in enumerate(names):
        f = bad.get(i)
        lines = ["  id        Int      @id @default(autoincrement())",
                 "  createdAt DateTime @default(now())",
                 "  updatedAt DateTime @updatedAt",
                 f"  label     {'Strng' if f == 'type' else 'String'}   @db.VarChar({rng.choice([40, 80, 255])})",
                 f"  weightG   {'Decimal' if rng.random() < .5 else 'Float'}?",
                 f"  state     {'FiringStat' if f == 'enum' else 'FiringState'} @default({'BURNING' if f == 'default' else 'QUEUED'})"]
        if f == "dup":
            lines.append("  label     String?")
        if f == "id":
            lines.append("  code      Int      @id")
        if f == "attr":
            lines.append("  slug      String   @unique @uniq")
        if f == "optional_list":
            lines.append("  sizes     Int[]?")
        if i > 0:
            parent = names[rng.randrange(i)]
            fk = parent[0].lower() + parent[1:] + "Id"
            if f == "fields":
                lines.append(f"  {fk[:-2]}  {parent} @relation(fields: [{fk}], references: [id])")
            elif f == "relation":
                lines.append(f"  {fk[:-2]}  {parent}Model @relation(fields: [{fk}], references: [id])")
                lines.append(f"  {fk}  Int")
            else:
                lines.append(f"  {fk[:-2]}  {parent} @relation(\"{parent}{name}\", fields: [{fk}], references: [id])")
                lines.append(f"  {fk}  Int")
        children = [c for c in names[i + 1:]]
        out.append(f"model {name} {{\n" + "\n".join(lines) + "\n" + "\n".join(
            f"  //  children filled below" for _ in []) + "}\n\n")
    text = "".join(out)
    return text


def prisma_fix_back_relations(text: str) -> str:
    """Add each named relation's opposite list field (so only the faults put in are errors)."""
    import re
    models = dict(re.findall(r"model (\w+) \{\n(.*?)\n\}", text, re.S))
    extra: dict[str, list[str]] = {}
    for child, body in models.items():
        for parent, rel in re.findall(r"^\s+\w+\s+(\w+) @relation\(\"(\w+)\"", body, re.M):
            extra.setdefault(parent, []).append(f"  {child[0].lower() + child[1:]}s{len(extra.get(parent, []))} {child}[] @relation(\"{rel}\")")
    for parent, fields in extra.items():
        text = text.replace(f"model {parent} {{\n", f"model {parent} {{\n" + "\n".join(fields) + "\n", 1)
    return text


def prisma(tmp: Path) -> None:
    d = tmp / "kiln" / "prisma"
    d.mkdir(parents=True)
    for tag, n, seed, faults in (("small", 8, 33501, 4), ("mid", 30, 33502, 12), ("large", 90, 33503, 40)):
        (d / f"schema_{tag}.prisma").write_text(prisma_fix_back_relations(prisma_schema(n, seed, faults)))
    for item, sub, tag, ext in (("prisma-validate-small", "validate", "small", w.n_prisma),
                                ("prisma-validate-mid", "validate", "mid", w.n_prisma),
                                ("prisma-validate-large", "validate", "large", w.n_prisma),
                                ("prisma-format-mid", "format", "mid", w.n_prisma_format),
                                ("prisma-format-large", "format", "large", w.n_prisma_format)):
        cmd = f"prisma {sub} --schema prisma/schema_{tag}.prisma"
        cap(item, cmd, d.parent, ext, env=w_env(), typed="npx " + cmd)

def w_env() -> dict:
    return dict(PRISMA_ENV)


# ------------------------------------------------------------------ protoc (grpcio-tools)

PROTO_TYPES = ["string", "int32", "int64", "bool", "double", "bytes", "uint32", "float"]


SEMANTIC = ["type", "dupnum", "dupname", "unknownopt", "reserved", "enumzero"]


def proto_file(pkg: str, svc: str, n_msgs: int, seed: int, faults: int, imports=(), kinds=SEMANTIC) -> str:
    rng = random.Random(seed)
    bad = {rng.randrange(n_msgs): rng.choice(kinds) for _ in range(faults)}
    out = ['syntax = "proto3";\n\n', f"package {pkg};\n\n"]
    out += [f'import "{i}";\n' for i in imports]
    out.append('\nimport "google/protobuf/timestamp.proto";\n\n')
    names = [f"{svc}{NOUNS[i % len(NOUNS)]}{i}" for i in range(n_msgs)]
    for i, name in enumerate(names):
        f = bad.get(i)
        body = []
        nf = rng.randint(3, 9)
        for k in range(1, nf + 1):
            t = rng.choice(PROTO_TYPES)
            if f == "type" and k == 2:
                t = "Int32Value"
            num = 1 if (f == "dupnum" and k == 3) else k
            fname = "field_1" if (f == "dupname" and k == 2) else f"field_{k}"
            semi = "" if (f == "semi" and k == nf) else ";"
            body.append(f"  {'repeated ' if rng.random() < .2 else ''}{t} {fname} = {num}{semi}")
        if i > 0 and rng.random() < .5:
            body.append(f"  {names[rng.randrange(i)]} parent = {nf + 1};")
        body.append(f"  google.protobuf.Timestamp at = {nf + 2}" + (" [deprecatd = true];" if f == "unknownopt" else ";"))
        if f == "reserved":
            body.append("  reserved 2;")
        out.append(f"message {name} {{\n" + "\n".join(body) + "\n}\n\n")
        if f == "enumzero":
            out.append(f"enum {name}State {{\n  ACTIVE = 1;\n  RETIRED = 2;\n}}\n\n")
        if f == "keyword":
            out.append(f"mesage {name}Extra {{\n  string note = 1;\n}}\n\n")
    out.append(f"service {svc} {{\n")
    for i in range(0, n_msgs - 1, 2):
        out.append(f"  rpc Do{names[i]}({names[i]}) returns ({names[i + 1]});\n")
    out.append(f"  rpc Stream{svc}(stream {names[0]}) returns (stream Missing{svc}Reply);\n}}\n")
    return "".join(out)


def protoc(tmp: Path) -> None:
    d = tmp / "glaze"
    (d / "proto" / "glaze").mkdir(parents=True)
    (d / "out").mkdir()
    (d / "proto" / "glaze" / "common.proto").write_text(proto_file("glaze.common", "Common", 6, 33510, 1))
    (d / "proto" / "glaze" / "legacy.proto").write_text(proto_file("glaze.legacy", "Legacy", 10, 33514, 1, kinds=["semi"]))
    (d / "proto" / "glaze" / "kiln.proto").write_text(
        proto_file("glaze.kiln", "Kiln", 34, 33511, 9, imports=("glaze/common.proto",)))
    (d / "proto" / "glaze" / "orders.proto").write_text(
        proto_file("glaze.orders", "Orders", 40, 33512, 12, imports=("glaze/common.proto", "glaze/money.proto")))
    (d / "proto" / "glaze" / "studio.proto").write_text(proto_file("glaze.studio", "Studio", 120, 33513, 30))
    base = "python -m grpc_tools.protoc -Iproto --python_out=out --grpc_python_out=out"
    cap("protoc-kiln", f"{base} proto/glaze/kiln.proto", d, w.n_protoc, typed=None)
    cap("protoc-orders", f"{base} --pyi_out=out proto/glaze/orders.proto proto/glaze/common.proto", d, w.n_protoc)
    cap("protoc-studio", f"{base} proto/glaze/studio.proto", d, w.n_protoc)
    cap("protoc-legacy", f"{base} proto/glaze/legacy.proto proto/glaze/kiln.proto", d, w.n_protoc)


# ------------------------------------------------------------------ gRPC server and client

GRPC_SERVER = r'''
import json, logging, os, random, sys, time
from concurrent import futures
import grpc
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s")
log = logging.getLogger("glaze.kiln")
rng = random.Random(int(sys.argv[2]))
KILNS = {k: {"temp": rng.randint(20, 1300), "load": rng.randint(0, 40)} for k in range(1, 9)}

def fire(req, ctx):
    t0 = time.time()
    r = json.loads(req or b"{}")
    k = r.get("kiln")
    md = dict(ctx.invocation_metadata())
    if md.get("x-token") != "s3cret":
        log.warning("rejected call from %s: bad token", ctx.peer())
        ctx.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or bad x-token")
    if k not in KILNS:
        log.info("kiln %s not found -> StatusCode.NOT_FOUND", k)
        ctx.abort(grpc.StatusCode.NOT_FOUND, f"kiln {k} does not exist")
    if r.get("cone", 6) > 10:
        log.warning("cone %s over the limit for kiln %s", r.get("cone"), k)
        ctx.abort(grpc.StatusCode.INVALID_ARGUMENT, f"cone {r.get('cone')} exceeds kiln rating (max 10)")
    if KILNS[k]["load"] > 35:
        raise RuntimeError(f"kiln {k} overloaded: {KILNS[k]['load']} pieces on shelves")
    KILNS[k]["load"] += 1
    time.sleep(rng.uniform(0, 0.004))
    log.info("fire kiln=%s cone=%s processed in %dms", k, r.get("cone", 6), int((time.time() - t0) * 1000) + rng.randint(1, 90))
    return json.dumps({"kiln": k, "eta_min": rng.randint(300, 900)}).encode()

def status(req, ctx):
    r = json.loads(req or b"{}")
    if r.get("kiln") == 7:
        ctx.set_code(grpc.StatusCode.UNAVAILABLE); ctx.set_details("thermocouple offline on kiln 7")
        log.error("kiln 7 status read failed: thermocouple offline -> StatusCode.UNAVAILABLE")
        return b""
    if r.get("slow"):
        time.sleep(0.5)
    return json.dumps(KILNS.get(r.get("kiln"), {})).encode()

h = grpc.method_handlers_generic_handler("glaze.kiln.Kiln", {
    "Fire": grpc.unary_unary_rpc_method_handler(fire),
    "Status": grpc.unary_unary_rpc_method_handler(status)})
server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
server.add_generic_rpc_handlers((h,))
addr = f"127.0.0.1:{sys.argv[1]}"
server.add_insecure_port(addr)
server.start()
log.info("glaze kiln service serving on %s", addr)
server.wait_for_termination()
'''

GRPC_CLIENT = r'''
import json, random, sys
import grpc
port, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
ch = grpc.insecure_channel(f"127.0.0.1:{port}")
fire = ch.unary_unary("/glaze.kiln.Kiln/Fire")
status = ch.unary_unary("/glaze.kiln.Kiln/Status")
counts = {}
for i in range(n):
    k = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 8, 11])
    cone = rng.choice([4, 5, 6, 6, 6, 10, 12])
    md = (("x-token", "s3cret" if rng.random() > 0.08 else "expired"),)
    try:
        rep = fire(json.dumps({"kiln": k, "cone": cone}).encode(), metadata=md, timeout=5)
        print(f"[{i:04d}] Fire kiln={k} cone={cone} -> StatusCode.OK {rep.decode()}")
        counts["OK"] = counts.get("OK", 0) + 1
    except grpc.RpcError as e:
        print(f"[{i:04d}] Fire kiln={k} cone={cone} -> {e.code()} {e.details()!r}")
        counts[e.code().name] = counts.get(e.code().name, 0) + 1
print("summary:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
print("reading status of every kiln ...")
for k in range(1, 9):
    rep = status(json.dumps({"kiln": k, "slow": k == int(sys.argv[4])}).encode(), timeout=0.3)
    print(f"kiln {k}: {rep.decode()}")
'''


def grpc(tmp: Path) -> None:
    d = tmp / "kilnsvc"
    d.mkdir()
    (d / "server.py").write_text(GRPC_SERVER)
    (d / "client.py").write_text(GRPC_CLIENT)
    for tag, seed, n, slow in (("short", 33520, 40, 7), ("long", 33521, 420, 3)):
        log = open(d / f"server-{tag}.log", "wb")
        p = cm.start([w.PY, "server.py", str(w.P3), str(seed)], cwd=d, log=log)
        try:
            if not wait_port(w.P3, 15):
                raise RuntimeError("grpc server did not start")
            cap(f"grpc-client-{tag}", f"python client.py {w.P3} {seed} {n} {slow}", d, w.n_grpc_client,
                env={"PATH": str(w.VENV / "bin") + ":/usr/bin:/bin"})
            time.sleep(0.5)
        finally:
            stop(p)
            log.close()
        add(f"grpc-server-log-{tag}", f"cat server-{tag}.log", (d / f"server-{tag}.log").read_text(), w.n_grpc_server)



# ------------------------------------------------------------------ strawberry

def strawberry_module(n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["import enum, random, typing\nfrom datetime import datetime\nimport strawberry\n\n",
           "@strawberry.enum\nclass Cone(enum.Enum):\n    LOW = 'low'\n    MID = 'mid'\n    HIGH = 'high'\n\n",
           "@strawberry.interface\nclass Node:\n    id: strawberry.ID\n\n"]
    names = [NOUNS[i % len(NOUNS)] + ("" if i < len(NOUNS) else str(i // len(NOUNS))) for i in range(n)]
    for i, name in enumerate(names):
        fields = [f"    label: str", f"    weight_g: typing.Optional[float] = None",
                  f"    cone: Cone = Cone.MID"]
        for k in range(rng.randint(1, 5)):
            fields.append(f"    {rng.choice(['notes', 'code', 'color', 'batch_no', 'shelf'])}_{k}: "
                          f"{rng.choice(['str', 'int', 'bool', 'typing.List[str]', 'typing.Optional[int]'])} = strawberry.field(default=None, description='{name} detail {k}')")
        if i:
            fields.append(f"    parent: typing.Optional['{names[rng.randrange(i)]}'] = None")
        out.append(f"@strawberry.type(description='A {name.lower()} in the kiln shop')\nclass {name}(Node):\n" + "\n".join(fields) + "\n\n")
        out.append(f"@strawberry.input\nclass {name}Input:\n    label: str\n    weight_g: typing.Optional[float] = None\n\n")
    out.append("Item = typing.Annotated[typing.Union[" + ", ".join(names[:6]) + "], strawberry.union('Item')]\n\n")
    q = ["@strawberry.type\nclass Query:\n    @strawberry.field\n    def search(self, text: str) -> typing.List[Item]:\n        return []\n\n"]
    for name in names:
        low = name[0].lower() + name[1:]
        q.append(f"    @strawberry.field\n    def {low}(self, id: strawberry.ID) -> typing.Optional[{name}]:\n"
                 f"        return {name}(id=id, label='{low}-' + str(id))\n\n"
                 f"    @strawberry.field\n    def all_{low}s(self, first: int = 10) -> typing.List[{name}]:\n"
                 f"        return [{name}(id=str(k), label='{low}') for k in range(first)]\n\n")
    out.append("".join(q))
    m = ["@strawberry.type\nclass Mutation:\n"]
    for name in names[: max(3, n // 3)]:
        low = name[0].lower() + name[1:]
        m.append(f"    @strawberry.mutation\n    def create_{low}(self, data: {name}Input) -> {name}:\n"
                 f"        return {name}(id='new', label=data.label, weight_g=data.weight_g)\n\n")
    out.append("".join(m))
    out.append("schema = strawberry.Schema(query=Query, mutation=Mutation, types=[" + ", ".join(names) + "])\n")
    return "".join(out)


STRAWBERRY_APP = r"""
import logging, random, sys, typing
import strawberry
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("kiln.api")
rng = random.Random(int(sys.argv[1]))
STOCK = {f"p{i}": rng.randint(0, 30) for i in range(40)}

class OutOfStock(Exception):
    pass

@strawberry.type
class Piece:
    id: str
    name: str
    @strawberry.field
    def stock(self) -> int:
        if self.id not in STOCK:
            raise KeyError(self.id)
        if STOCK[self.id] == 0:
            raise OutOfStock(f"piece {self.id} is out of stock")
        return STOCK[self.id]
    @strawberry.field
    def price(self) -> float:
        if int(self.id[1:]) % 11 == 5:
            return 1 / 0
        return 12.5 + int(self.id[1:])

@strawberry.type
class Query:
    @strawberry.field
    def piece(self, id: str) -> Piece:
        if not id.startswith("p"):
            raise ValueError(f"bad piece id {id!r}")
        return Piece(id=id, name=f"bowl {id}")
    @strawberry.field
    def pieces(self, first: int = 5) -> typing.List[Piece]:
        if first > 25:
            log.warning("pieces(first=%d) capped at 25", first)
            first = 25
        return [Piece(id=f"p{k}", name=f"cup {k}") for k in range(first)]

schema = strawberry.Schema(query=Query)
n, errs = int(sys.argv[2]), 0
for i in range(n):
    r = rng.random()
    if r < 0.15:
        q = "{ piece(id: \"x%d\") { name } }" % i
    elif r < 0.25:
        q = "{ piece(id: \"p%d\") { name colour } }" % i
    elif r < 0.35:
        q = "{ pieces(first: %d) { id stock } }" % rng.choice([3, 30, 60])
    else:
        q = "{ piece(id: \"p%d\") { id name stock price } }" % rng.randrange(48)
    res = schema.execute_sync(q)
    if res.errors:
        errs += 1
    print(f"query {i:03d}: {'errors=' + str(len(res.errors)) if res.errors else 'ok'} {str(res.data)[:80]}", flush=True)
print(f"ran {n} queries: {errs} with errors", flush=True)
"""


def strawberry(tmp: Path) -> None:
    d = tmp / "kilnql"
    d.mkdir()
    (d / "shop_small.py").write_text(strawberry_module(6, 33530))
    (d / "shop_large.py").write_text(strawberry_module(30, 33531))
    (d / "run_queries.py").write_text(STRAWBERRY_APP)
    cap("strawberry-export-small", "strawberry export-schema shop_small:schema", d, w.n_sdl)
    cap("strawberry-export-large", "strawberry export-schema shop_large:schema", d, w.n_sdl)
    cap("strawberry-exec-short", "python run_queries.py 33532 12", d, w.n_gql_log)
    cap("strawberry-exec-long", "python run_queries.py 33533 70", d, w.n_gql_log)


# ------------------------------------------------------------------ Pyramid proutes

def pyramid_app(n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["from pyramid.config import Configurator\nfrom pyramid.response import Response\n\n",
           "def ok(request):\n    return Response('ok')\n\n",
           "class Pieces:\n    def __init__(self, request):\n        self.request = request\n"
           "    def list(self):\n        return Response('list')\n    def create(self):\n        return Response('made')\n\n",
           "def main(global_config, **settings):\n    config = Configurator(settings=settings)\n"]
    for i in range(n):
        noun = NOUNS[i % len(NOUNS)].lower()
        name = f"{noun}_{i}"
        pat = f"/api/v{rng.choice([1, 1, 2])}/{noun}s/{{id}}" + rng.choice(["", "/glaze", "/history", "/photos"])
        out.append(f"    config.add_route({name!r}, {pat!r})\n")
        r = rng.random()
        if r < 0.08:
            continue  # a route with no view: proutes says <unknown>
        meth = rng.choice(["GET"] * 6 + ["POST", "PUT", "DELETE", "PATCH"])
        if r < 0.2:
            out.append(f"    config.add_view(Pieces, attr='list', route_name={name!r}, request_method={meth!r})\n")
        else:
            out.append(f"    config.add_view(ok, route_name={name!r}, request_method={meth!r})\n")
    out.append("    config.add_static_view('static', 'kilnweb:static')\n    return config.make_wsgi_app()\n")
    return "".join(out)


def pyramid(tmp: Path) -> None:
    d = tmp / "kilnweb"
    d.mkdir()
    for tag, n, seed in (("small", 24, 33540), ("mid", 90, 33542), ("large", 260, 33541)):
        (d / f"kilnweb_{tag}.py").write_text(pyramid_app(n, seed))
        (d / f"{tag}.ini").write_text(f"[app:main]\nuse = call:kilnweb_{tag}:main\n")
        cap(f"proutes-{tag}", f"proutes {tag}.ini", d, w.n_proutes, env={"PYTHONPATH": str(d)})


# ------------------------------------------------------------------ Falcon inspect

def falcon_app(n: int, seed: int) -> str:
    rng = random.Random(seed)
    out = ["import falcon\n\n",
           "class Auth:\n    def process_request(self, req, resp):\n        pass\n\n",
           "class Timing:\n    def process_resource(self, req, resp, resource, params):\n        pass\n"
           "    def process_response(self, req, resp, resource, ok):\n        pass\n\n",
           "class Fallback:\n    def __call__(self, req, resp, **kw):\n        resp.status = falcon.HTTP_404\n\n",
           "def on_value_error(req, resp, ex, params):\n    raise falcon.HTTPBadRequest(title='bad value')\n\n"]
    res = []
    for i in range(n):
        cls = f"{NOUNS[i % len(NOUNS)]}Resource{i}"
        meths = rng.sample(["on_get", "on_post", "on_put", "on_delete", "on_patch"], rng.randint(1, 4))
        body = "".join(f"    def {m}(self, req, resp, **kw):\n        resp.media = {{'ok': {i}}}\n" for m in meths)
        if rng.random() < .3:
            body += "    def on_get_item(self, req, resp, id):\n        resp.media = {'id': id}\n"
        out.append(f"class {cls}:\n{body}\n")
        res.append(cls)
    out.append("app = falcon.App(middleware=[Auth(), Timing()])\n")
    for i, cls in enumerate(res):
        noun = NOUNS[i % len(NOUNS)].lower()
        out.append(f"app.add_route('/v{1 + i % 2}/{noun}s{i}', {cls}())\n")
    out.append("app.add_sink(Fallback(), prefix='/legacy')\napp.add_static_route('/static', '/usr/share/doc')\n"
               "app.add_error_handler(ValueError, on_value_error)\n")
    return "".join(out)


def falcon(tmp: Path) -> None:
    d = tmp / "kilnfalcon"
    d.mkdir()
    for tag, n, seed in (("small", 10, 33550), ("large", 150, 33551)):
        (d / f"api_{tag}.py").write_text(falcon_app(n, seed))
    cap("falcon-inspect-small", "falcon-inspect-app api_small:app", d, w.n_falcon, env={"PYTHONPATH": str(d)})
    cap("falcon-inspect-large-verbose", "falcon-inspect-app --verbose api_large:app", d, w.n_falcon,
        env={"PYTHONPATH": str(d)})
    cap("falcon-inspect-large", "falcon-inspect-app api_large:app", d, w.n_falcon, env={"PYTHONPATH": str(d)})


# ------------------------------------------------------------------ pwiz

def pwiz_db(path: Path, n: int, seed: int) -> None:
    import sqlite3
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    names = [f"{NOUNS[i % len(NOUNS)].lower()}_{i}" for i in range(n)]
    for i, t in enumerate(names):
        cols = ["id INTEGER PRIMARY KEY"] if rng.random() > .1 else ["code TEXT", "seq INTEGER"]
        for k in range(rng.randint(2, 8)):
            cols.append(f"{rng.choice(['label', 'weight', 'fired_at', 'notes', 'qty', 'price'])}_{k} "
                        f"{rng.choice(['TEXT', 'INTEGER', 'REAL', 'NUMERIC', 'BLOB', 'DATETIME', 'VARCHAR(40)', 'BOOLEAN'])}"
                        f"{rng.choice(['', ' NOT NULL', ' DEFAULT 0', ' UNIQUE'])}")
        if i and rng.random() < .6:
            p = names[rng.randrange(i)]
            cols.append(f"{p}_id INTEGER REFERENCES {p}(id)")
        if rng.random() < .05 and i + 1 < n:
            cols.append(f"{names[i + 1]}_id INTEGER REFERENCES {names[i + 1]}(id)")
        if cols[0].startswith("code"):
            cols.append("PRIMARY KEY (code, seq)")
        con.execute(f"CREATE TABLE {t} ({', '.join(cols)})")
        if rng.random() < .3:
            con.execute(f"CREATE INDEX idx_{t} ON {t} ({cols[1].split()[0]})")
    con.execute(f"CREATE VIEW open_orders AS SELECT * FROM {names[0]}")
    con.commit()
    con.close()


def pwiz(tmp: Path) -> None:
    d = tmp / "kilndb"
    d.mkdir()
    pwiz_db(d / "shop.db", 12, 33560)
    pwiz_db(d / "archive.db", 120, 33561)
    pwiz_db(d / "studio.db", 40, 33562)
    cap("pwiz-studio-tables", "python -m pwiz -e sqlite -t clay_0,glaze_1,kiln_2,firing_3,order_4,batch_9 studio.db", d, w.n_pwiz)
    cap("pwiz-shop", "python -m pwiz -e sqlite shop.db", d, w.n_pwiz)
    cap("pwiz-archive", "python -m pwiz -e sqlite -i archive.db", d, w.n_pwiz)



# ------------------------------------------------------------------ dramatiq on Redis

DRAMATIQ_TASKS = """
import logging, random, time
import dramatiq
from dramatiq.brokers.redis import RedisBroker
dramatiq.set_broker(RedisBroker(url="redis://127.0.0.1:%d/0"))
log = logging.getLogger("kiln.tasks")

@dramatiq.actor(max_retries=2, min_backoff=100, max_backoff=300)
def fire_kiln(kiln, cone):
    if cone > 10:
        raise ValueError(f"cone {cone} exceeds the rating of kiln {kiln}")
    log.info("kiln %s fired to cone %s", kiln, cone)

@dramatiq.actor(max_retries=0, time_limit=800)
def cool_down(kiln):
    time.sleep(2.5 if kiln == 7 else 0.01)
    log.info("kiln %s cooled", kiln)

@dramatiq.actor(max_retries=1, min_backoff=100, max_backoff=200)
def send_invoice(order):
    if order %% 7 == 0:
        raise ConnectionRefusedError(f"smtp 127.0.0.1:2525 refused the connection for order {order}")
    if order %% 13 == 0:
        {}["customer"]
    log.info("invoice for order %s sent", order)

@dramatiq.actor
def glaze(piece, colour):
    log.info("piece %s glazed %s", piece, colour)
"""

DRAMATIQ_ENQUEUE = """
import random, sys
import kiln_tasks as t
rng = random.Random(int(sys.argv[1]))
for i in range(int(sys.argv[2])):
    r = rng.random()
    if r < 0.3:
        t.fire_kiln.send(rng.randint(1, 8), rng.choice([4, 6, 6, 8, 10, 12]))
    elif r < 0.4:
        t.cool_down.send(rng.choice([1, 2, 3, 7]))
    elif r < 0.7:
        t.send_invoice.send(rng.randint(100, 999))
    else:
        t.glaze.send(f"p{i}", rng.choice(["celadon", "tenmoku", "shino"]))
print("enqueued", sys.argv[2])
"""


def dramatiq(tmp: Path) -> None:
    d = tmp / "kilnq"
    d.mkdir()
    red = cm.start(["redis-server", "--port", str(w.P2), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                   cwd=d)
    try:
        if not wait_port(w.P2, 10):
            raise RuntimeError("redis did not start")
        (d / "kiln_tasks.py").write_text(DRAMATIQ_TASKS.replace("%d", str(w.P2)).replace("%%", "%"))
        (d / "enqueue.py").write_text(DRAMATIQ_ENQUEUE)
        env = {"PYTHONPATH": str(d)}
        for tag, seed, n, secs, extra in (("short", 33570, 25, 8, ""), ("mid", 33572, 70, 9, " --threads 2"),
                                              ("long", 33571, 160, 14, "")):
            cm.run(f"{w.PY} enqueue.py {seed} {n}", cwd=d, env=env, timeout=60)
            cmd = f"timeout -s INT {secs} dramatiq kiln_tasks --processes 1" + (extra or " --threads 4")
            cap(f"dramatiq-{tag}", cmd, d, w.n_dramatiq, env=env, timeout=60)
    finally:
        stop(red)


# ------------------------------------------------------------------ MQTT: mosquitto, paho-mqtt, mosquitto clients

MOSQ_CONF = """listener {port} 127.0.0.1
allow_anonymous false
password_file {d}/passwd
acl_file {d}/acl
persistence false
log_dest stdout
"""
MOSQ_ACL = "user potter\ntopic readwrite kiln/#\n\nuser sensor\ntopic write kiln/+/temp\ntopic read kiln/+/cmd\n"

PAHO = r"""
import logging, random, sys, time
import paho.mqtt.client as mqtt
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
port, seed, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
log = logging.getLogger("kiln.mqtt")
got = []

def client(name, user, pw, proto=mqtt.MQTTv311):
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=name, protocol=proto)
    c.enable_logger(logging.getLogger(f"paho.{name}"))
    c.username_pw_set(user, pw)
    def on_connect(c, u, flags, rc, props):
        (log.info if rc == 0 else log.error)("%s connect result: %s", name, rc)
    def on_subscribe(c, u, mid, rcs, props):
        for r in rcs:
            (log.warning if r.is_failure else log.info)("%s subscription mid=%s granted %s", name, mid, r)
    def on_message(c, u, msg):
        got.append(msg.topic)
    def on_disconnect(c, u, flags, rc, props):
        if rc != 0:
            log.warning("%s disconnected: %s", name, rc)
    c.on_connect, c.on_subscribe, c.on_message, c.on_disconnect = on_connect, on_subscribe, on_message, on_disconnect
    return c

cs = []
for name, user, pw, proto in (("studio-dash", "potter", "clay", mqtt.MQTTv311), ("kiln-3-probe", "sensor", "wrong", mqtt.MQTTv311),
                              ("kiln-5-probe", "sensor", "kiln", mqtt.MQTTv5), ("ghost", "nobody", "x", mqtt.MQTTv5)):
    c = client(name, user, pw, proto)
    c.connect("127.0.0.1", port, keepalive=30)
    c.loop_start()
    cs.append(c)
time.sleep(0.6)
dash, _, probe, _ = cs
dash.subscribe([("kiln/#", 1), ("admin/#", 0), ("$SYS/broker/uptime", 0)])
probe.subscribe([("kiln/5/cmd", 1), ("kiln/+/temp", 1)])
time.sleep(0.4)
for i in range(n):
    k = rng.randint(1, 8)
    if rng.random() < 0.1:
        probe.publish(f"admin/reset/{k}", "1", qos=1)
    else:
        probe.publish(f"kiln/{k}/temp", str(rng.randint(20, 1280)), qos=rng.choice([0, 1]))
    if rng.random() < 0.05:
        dash.publish(f"kiln/{k}/cmd", "vent", qos=1)
    time.sleep(0.003)
time.sleep(1.0)
for c in cs:
    c.disconnect(); c.loop_stop()
print(f"published {n} readings, dashboard received {len(got)} messages", flush=True)
late = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="late")
late.connect("127.0.0.1", port + 1)
"""


def mqtt(tmp: Path) -> None:
    d = tmp / "kilnmqtt"
    d.mkdir()
    (d / "passwd").write_text("")
    cm.run(f"mosquitto_passwd -b {d}/passwd potter clay && mosquitto_passwd -b {d}/passwd sensor kiln", timeout=30)
    (d / "acl").write_text(MOSQ_ACL)
    (d / "mosquitto.conf").write_text(MOSQ_CONF.format(port=w.P1, d=d))
    blog = open(d / "broker.log", "wb")
    b = cm.start(["mosquitto", "-c", str(d / "mosquitto.conf")], cwd=d, log=blog)
    try:
        if not wait_port(w.P1, 10):
            raise RuntimeError("mosquitto did not start")
        (d / "kiln_mqtt.py").write_text(PAHO)
        cap("paho-short", f"python kiln_mqtt.py {w.P1} 33580 30", d, w.n_paho)
        cap("paho-long", f"python kiln_mqtt.py {w.P1} 33581 230", d, w.n_paho)
        rng = random.Random(33582)
        (d / "readings.txt").write_text("".join(f"{rng.randint(20, 1280)}\n" for _ in range(120)))
        h = f"-h 127.0.0.1 -p {w.P1}"
        cap("mosquitto-pub-lines", f"mosquitto_pub -d {h} -u sensor -P kiln -q 1 -t kiln/4/temp -l < readings.txt",
            d, w.n_mosq_client)
        for k in range(1, 9):
            cm.run(f"mosquitto_pub {h} -u potter -P clay -r -q 1 -t kiln/{k}/state -m 'cone {k}; shelf {k * 3}'",
                   timeout=10)
        cap("mosquitto-sub-denied", f"mosquitto_sub -d {h} -u potter -P clay -t 'kiln/#' -t 'admin/#' -v -W 3",
            d, w.n_mosq_client)
        cap("mosquitto-pub-badpass", f"mosquitto_pub -d {h} -u sensor -P wrong -t kiln/4/temp -m 900 ; "
            f"mosquitto_sub -d {h} -u ghost -P none -t 'kiln/#' -C 1 -W 2 ; "
            f"mosquitto_pub -d {h} -u sensor -P kiln -q 1 -t admin/reset -m 1 -V mqttv5", d, w.n_mosq_client)
    finally:
        stop(b)
        blog.close()


# ------------------------------------------------------------------ Apollo Server

APOLLO = r"""
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
const typeDefs = `#graphql
  type Kiln { id: ID! temp: Int! cone: Int owner: String! }
  type Piece { id: ID! name: String! stock: Int! price: Float kiln: Kiln }
  type Query { piece(id: ID!): Piece  pieces(first: Int = 5): [Piece!]!  kiln(id: ID!): Kiln }
  type Mutation { fire(kiln: ID!, cone: Int!): Kiln! }
`;
let seed = Number(process.argv[3]);
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const kilns = Object.fromEntries([...Array(9).keys()].map(k => [String(k), { id: String(k), temp: Math.floor(rand() * 1300), cone: k % 3 ? 6 : null, owner: k === 4 ? null : 'studio' }]));
const resolvers = {
  Query: {
    piece: (_, { id }) => { if (!/^p\d+$/.test(id)) throw new GraphQLError(`bad piece id "${id}"`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' } }); return { id, name: `bowl ${id}` }; },
    pieces: (_, { first }) => { if (first > 50) throw new GraphQLError('first must be at most 50', { extensions: { code: 'BAD_USER_INPUT' } }); return [...Array(first).keys()].map(i => ({ id: `p${i}`, name: `cup ${i}` })); },
    kiln: (_, { id }) => { if (id === '7') throw new GraphQLError('kiln 7 is private to the night shift', { extensions: { code: 'FORBIDDEN' } }); return kilns[id] ?? null; },
  },
  Piece: {
    stock: (p) => { const n = Number(p.id.slice(1)); if (n % 4 === 3) throw new Error(`inventory service timeout for ${p.id}`); return n * 2; },
    price: (p) => { const n = Number(p.id.slice(1)); if (n % 9 === 5) return JSON.parse('{"price": 1'); return 10 + n; },
    kiln: (p) => kilns[String(Number(p.id.slice(1)) % 9)],
  },
  Mutation: {
    fire: (_, { kiln, cone }) => { if (cone > 10) throw new GraphQLError(`cone ${cone} exceeds kiln ${kiln} rating`, { extensions: { code: 'KILN_LIMIT', max: 10 } }); if (!kilns[kiln]) throw new Error(`no kiln ${kiln}`); return kilns[kiln]; },
  },
};
const server = new ApolloServer({ typeDefs, resolvers, includeStacktraceInErrorResponses: true });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.argv[2]), host: '127.0.0.1' } });
console.log(`kiln graph ready at ${url}`);
"""

APOLLO_QUERIES = {
    "one": '{ piece(id: "x9") { id name } kiln(id: "7") { temp } }',
    "list": "{ pieces(first: 24) { id name stock price kiln { id temp owner } } }",
    "invalid": '{ piece(id: 3) { id colour stock { n } } kilns { id } }',
    "mutation": 'mutation { a: fire(kiln: "2", cone: 12) { id } b: fire(kiln: "99", cone: 6) { id } c: fire(kiln: "4", cone: 6) { id owner } }',
}


def apollo(tmp: Path) -> None:
    d = tmp / "kilngraph"
    d.mkdir()
    (d / "node_modules").symlink_to(w.JS / "node_modules")
    (d / "server.mjs").write_text(APOLLO)
    slog = open(d / "server.log", "wb")
    p = cm.start(["node", "server.mjs", str(w.P3), "33590"], cwd=d, log=slog, env={"NODE_ENV": "development"})
    try:
        if not wait_port(w.P3, 20):
            raise RuntimeError("apollo did not start")
        for tag, q in APOLLO_QUERIES.items():
            (d / f"{tag}.json").write_text(json.dumps({"query": q}))
            cap(f"apollo-{tag}", f"curl -s -X POST -H 'content-type: application/json' --data @{tag}.json "
                f"http://127.0.0.1:{w.P3}/ | python3 -m json.tool", d, w.n_apollo)
    finally:
        stop(p)
        slog.close()


STEPS = [prisma, protoc, grpc, strawberry, pyramid, falcon, pwiz, dramatiq, mqtt, apollo]
