"""Round 11, files that real tools generate here: lockfiles (yarn 1 and yarn 4 from the npm registry, pnpm 9,
uv lock and uv pip compile --generate-hashes from PyPI, the Cargo.lock inside the bcrypt sdist), a FastAPI app's
OpenAPI spec fetched from it on loopback, an inventory of the installed npm packages as CSV, TSV, SQL dump and a
paginated JSON API on loopback. Run through capture_wide11.py; notebooks, test reports and the hand-written
project files are in capture_wide11_project.py, the OpenCode reads in capture_wide11_oc.py."""

from __future__ import annotations

import csv
import http.server
import json
import os
import sqlite3
import threading
import urllib.parse
from pathlib import Path

import capture_wide11 as w
from capture_data import free_port, wait_port
from capture_more import add_or_skip as add, note, run, start, write_tree
from capture_wide11_files import NM

VENV = w.TOOLS / "venv"
PY_PKGS = ["uv", "fastapi", "uvicorn", "pyyaml", "nbclient", "nbformat", "ipykernel", "coverage", "pytest"]
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}  # the registry, not this machine's wheel dirs
UV_ENV = {"UV_CACHE_DIR": str(w.TOOLS / "uv-cache"), "UV_NO_PROGRESS": "1"}
OTHER_NM = [Path("/tmp/hm-corpus-wide6-tools/js/node_modules"), Path("/tmp/hm-corpus-wide9a-tools/js/node_modules")]

YARN1 = {"express": "^4.19.2", "lodash": "^4.17.21", "debug": "^4.3.4", "commander": "^12.0.0", "chalk": "^4.1.2"}
BERRY = {"react": "^18.3.1", "react-dom": "^18.3.1", "zod": "^3.23.0", "axios": "^1.7.0", "dayjs": "^1.11.0"}
BERRY_DEV = {"vitest": "^2.0.0"}
PNPM = {"fastify": "^4.28.0", "pino": "^9.0.0", "undici": "^6.19.0"}
PNPM_DEV = {"@types/node": "^20.14.0", "typescript": "^5.5.0"}
UV_DEPS = ["httpx>=0.27", "click>=8.1", "rich>=13.7", "attrs>=23.2"]


def ensure_tools() -> None:
    if not (VENV / "bin" / "uv").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PKGS), env=PIP_ENV, timeout=900)


def locks_dir(tmp: Path) -> Path:
    return tmp / "locks-gen"


# ================================================================== lockfiles

def cap_lockfiles(tmp: Path) -> None:
    """yarn.lock v1 and berry, pnpm-lock.yaml, uv.lock, requirements.txt with hashes, the bcrypt sdist's Cargo.lock."""
    d = locks_dir(tmp)
    y1 = d / "orders-api"
    y1.mkdir(parents=True)
    (y1 / "package.json").write_text(json.dumps({"name": "orders-api", "version": "1.0.0", "private": True, "dependencies": YARN1}, indent=2))
    run(f"node {NM}/yarn/bin/yarn.js install --ignore-scripts --no-progress --non-interactive --registry https://registry.npmjs.org "
        f"--cache-folder {d}/yarn-cache", cwd=y1, timeout=300)
    if (y1 / "yarn.lock").exists():
        add("cat-yarn-lock-v1", "cat yarn.lock", run("cat yarn.lock", cwd=y1), w.yarn_v1(YARN1))
        add("head-120-yarn-lock-v1", "head -n 120 yarn.lock", run("head -n 120 yarn.lock", cwd=y1), w.yarn_v1(YARN1))
    y2 = d / "web-client"
    y2.mkdir()
    (y2 / "package.json").write_text(json.dumps({"name": "web-client", "version": "0.3.0", "private": True, "dependencies": BERRY,
                                                 "devDependencies": BERRY_DEV}, indent=2))
    (y2 / ".yarnrc.yml").write_text('nodeLinker: node-modules\nnpmRegistryServer: "https://registry.npmjs.org"\nenableTelemetry: false\n'
                                    'enableGlobalCache: false\n')
    (y2 / "yarn.lock").touch()
    run(f"node {NM}/@yarnpkg/cli-dist/bin/yarn.js install --mode=update-lockfile", cwd=y2,
        env={"YARN_ENABLE_IMMUTABLE_INSTALLS": "false"}, timeout=300)
    if (y2 / "yarn.lock").stat().st_size > 1000:
        add("cat-yarn-lock-berry", "cat yarn.lock", run("cat yarn.lock", cwd=y2), w.yarn_berry({**BERRY, **BERRY_DEV}))
    p = d / "ingest-svc"
    p.mkdir()
    (p / "package.json").write_text(json.dumps({"name": "ingest-svc", "version": "2.1.0", "private": True, "dependencies": PNPM,
                                                "devDependencies": PNPM_DEV}, indent=2))
    run(f"node {NM}/pnpm/bin/pnpm.cjs install --lockfile-only --registry https://registry.npmjs.org --store-dir {d}/pnpm-store", cwd=p, timeout=300)
    if (p / "pnpm-lock.yaml").exists():
        add("cat-pnpm-lock-yaml", "cat pnpm-lock.yaml", run("cat pnpm-lock.yaml", cwd=p), w.pnpm_lock(list(PNPM) + list(PNPM_DEV)))
    u = d / "inventory"
    u.mkdir()
    (u / "pyproject.toml").write_text('[project]\nname = "inventory"\nversion = "0.4.0"\nrequires-python = ">=3.11"\n'
                                      f"dependencies = {json.dumps(UV_DEPS)}\n\n[dependency-groups]\ndev = [\"pytest>=8\"]\n")
    run(f"{VENV}/bin/uv lock", cwd=u, env=UV_ENV, timeout=300)
    if (u / "uv.lock").exists():
        add("cat-uv-lock", "cat uv.lock", run("cat uv.lock", cwd=u), w.toml_lock("uv-lock", [x.split(">")[0] for x in UV_DEPS] + ["pytest"]))
    (u / "requirements.in").write_text("httpx>=0.27\nclick>=8.1\nrich>=13.7\njinja2>=3.1\n")
    add("uv-pip-compile-generate-hashes", "uv pip compile --generate-hashes requirements.in",
        run(f"{VENV}/bin/uv pip compile --generate-hashes requirements.in", cwd=u, env=UV_ENV, timeout=300), w.n_requirements_hashes)
    b = d / "bcrypt"
    b.mkdir()
    run(f"{VENV}/bin/pip download -q --no-binary :all: --no-deps bcrypt==4.0.1", cwd=b, env=PIP_ENV, timeout=300)
    run("tar xzf bcrypt-4.0.1.tar.gz", cwd=b)
    rs = b / "bcrypt-4.0.1" / "src" / "_bcrypt"
    if (rs / "Cargo.lock").exists():
        add("cat-cargo-lock-bcrypt", "cat src/_bcrypt/Cargo.lock", run("cat Cargo.lock", cwd=rs), w.toml_lock("cargo-lock", cargo_direct(rs)))


def cargo_direct(crate: Path) -> list[str]:
    """The direct dependencies of a Cargo.toml ([dependencies] and [build-dependencies] keys)."""
    import tomllib
    doc = tomllib.loads((crate / "Cargo.toml").read_text())
    return list(doc.get("dependencies", {})) + list(doc.get("build-dependencies", {}))


# ================================================================== an inventory of the installed npm packages

def inventory() -> tuple[list[dict], list[dict]]:
    """(packages, files) of every package under the round's node_modules and the earlier rounds' tool installs."""
    pkgs: dict[str, dict] = {}
    files: list[dict] = []
    for nm in [NM] + [p for p in OTHER_NM if p.exists()]:
        for pj in sorted(list(nm.glob("*/package.json")) + list(nm.glob("@*/*/package.json"))):
            try:
                meta = json.loads(pj.read_text())
            except (OSError, ValueError):
                continue
            if not isinstance(meta, dict) or "name" not in meta or "version" not in meta:
                continue
            key = f"{meta['name']}@{meta['version']}"
            if key in pkgs:
                continue
            n_files, size = 0, 0
            for f in sorted(pj.parent.rglob("*")):
                if f.is_file() and "node_modules" not in f.relative_to(pj.parent).parts:
                    n_files += 1
                    b = f.stat().st_size
                    size += b
                    if len(files) < 20000:
                        lines = f.read_bytes().count(b"\n") if b < 2_000_000 else 0
                        files.append({"package": meta["name"], "ext": f.suffix or "(none)", "bytes": b, "lines": lines,
                                      "depth": len(f.relative_to(pj.parent).parts)})
            lic = meta.get("license")
            pkgs[key] = {"name": meta["name"], "version": meta["version"],
                         "license": lic if isinstance(lic, str) else json.dumps(lic) if lic else "UNKNOWN",
                         "module_type": meta.get("type", "commonjs"), "files": n_files, "unpacked_kb": round(size / 1024, 1),
                         "dependencies": len(meta.get("dependencies") or {})}
    return list(pkgs.values()), files


def cap_tables(tmp: Path) -> None:
    """The inventory as a 2K-row CSV, a 20K-row TSV and a SQLite dump, printed as agents print them."""
    d = tmp / "inventory"
    d.mkdir()
    pkgs, files = inventory()
    note(f"inventory: {len(pkgs)} packages, {len(files)} files")
    cols = ["package", "ext", "bytes", "lines", "depth"]
    with open(d / "files.csv", "w", newline="") as f:
        wr = csv.DictWriter(f, cols, lineterminator="\n")
        wr.writeheader()
        wr.writerows(files[:2000])
    with open(d / "files.tsv", "w", newline="") as f:
        wr = csv.DictWriter(f, cols, delimiter="\t", lineterminator="\n")
        wr.writeheader()
        wr.writerows(files)
    with open(d / "packages.csv", "w", newline="") as f:
        wr = csv.DictWriter(f, list(pkgs[0]), lineterminator="\n")
        wr.writeheader()
        wr.writerows(pkgs)
    add("cat-files-csv-2000-rows", "cat files.csv", run("cat files.csv", cwd=d), w.n_csv)
    add("head-400-files-tsv", "head -n 400 files.tsv", run("head -n 400 files.tsv", cwd=d), w.n_tsv)
    add("awk-big-files-tsv", "awk -F'\\t' 'NR==1 || $3 > 200000' files.tsv",
        run("awk -F'\\t' 'NR==1 || $3 > 200000' files.tsv", cwd=d), w.n_tsv)
    add("cat-packages-csv", "cat packages.csv", run("cat packages.csv", cwd=d), w.n_csv)
    db = sqlite3.connect(d / "inventory.db")
    db.executescript("CREATE TABLE packages (name TEXT NOT NULL, version TEXT NOT NULL, license TEXT, module_type TEXT, files INTEGER,"
                     " unpacked_kb REAL, dependencies INTEGER, PRIMARY KEY (name, version));"
                     "CREATE INDEX packages_license ON packages(license);"
                     "CREATE VIEW heavy AS SELECT name, version, unpacked_kb FROM packages WHERE unpacked_kb > 1024;")
    db.executemany("INSERT INTO packages VALUES (:name, :version, :license, :module_type, :files, :unpacked_kb, :dependencies)", pkgs)
    db.commit()
    db.close()
    add("sqlite3-dump-inventory", "sqlite3 inventory.db .dump", run("sqlite3 inventory.db .dump", cwd=d), w.n_sql_dump)
    (tmp / "pkgs.json").write_text(json.dumps(pkgs))


# ================================================================== loopback servers: a paginated API, a FastAPI app

class _Api(http.server.BaseHTTPRequestHandler):
    """GET /api/packages?page=N&per_page=M over the inventory, pretty JSON (as many dev servers answer)."""
    records: list[dict] = []

    def do_GET(self) -> None:
        u = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(u.query)
        page, per = int(q.get("page", ["1"])[0]), int(q.get("per_page", ["200"])[0])
        items = self.records[(page - 1) * per: page * per]
        nxt = f"/api/packages?page={page + 1}&per_page={per}" if page * per < len(self.records) else None
        body = json.dumps({"page": page, "per_page": per, "total": len(self.records), "next": nxt, "items": items}, indent=2).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass


def start_api(tmp: Path) -> http.server.ThreadingHTTPServer | None:
    pj = tmp / "pkgs.json"
    if not pj.exists():
        return None
    _Api.records = json.loads(pj.read_text())
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return srv


n_page = w.json_page("name", ("license", "module_type"), ("files", "unpacked_kb", "dependencies"))


def cap_api(tmp: Path) -> None:
    """Pages of 200 records from the loopback API, with curl | jq and curl | python -m json.tool."""
    srv = start_api(tmp)
    if srv is None:
        return
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        add("curl-jq-api-packages-page-1", "curl -s 'http://localhost:8080/api/packages?page=1&per_page=200' | jq .",
            run(f"curl -s '{base}/api/packages?page=1&per_page=200' | jq .", timeout=60), n_page)
        add("curl-json-tool-api-packages-page-2", "curl -s 'http://localhost:8080/api/packages?page=2&per_page=200' | python -m json.tool",
            run(f"curl -s '{base}/api/packages?page=2&per_page=200' | python3 -m json.tool", timeout=60), n_page)
    finally:
        srv.shutdown()
        srv.server_close()


FASTAPI_APP = '''from datetime import datetime
from enum import Enum

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Orders API", version="2.3.0", description="Orders, customers and shipments of the shop.")


class Status(str, Enum):
    pending = "pending"
    paid = "paid"
    shipped = "shipped"
    cancelled = "cancelled"


class LineItem(BaseModel):
    sku: str = Field(min_length=3, max_length=32)
    qty: int = Field(gt=0, le=1000)
    unit_cents: int = Field(ge=0)


class Order(BaseModel):
    id: int
    customer_id: int
    status: Status = Status.pending
    items: list[LineItem]
    created_at: datetime
    note: str | None = None


class OrderIn(BaseModel):
    customer_id: int
    items: list[LineItem]
    note: str | None = None


class Customer(BaseModel):
    id: int
    email: str
    name: str
    vip: bool = False


class Shipment(BaseModel):
    order_id: int
    carrier: str
    tracking: str
    eta: datetime | None = None


@app.get("/orders", response_model=list[Order], tags=["orders"])
def list_orders(status: Status | None = None, limit: int = Query(50, le=500), offset: int = 0):
    """List orders, newest first."""
    return []


@app.post("/orders", response_model=Order, status_code=201, tags=["orders"])
def create_order(order: OrderIn):
    raise HTTPException(501)


@app.get("/orders/{order_id}", response_model=Order, tags=["orders"])
def get_order(order_id: int):
    raise HTTPException(404)


@app.patch("/orders/{order_id}/status", response_model=Order, tags=["orders"])
def set_status(order_id: int, status: Status):
    raise HTTPException(404)


@app.delete("/orders/{order_id}", status_code=204, tags=["orders"])
def cancel_order(order_id: int):
    return None


@app.get("/customers", response_model=list[Customer], tags=["customers"])
def list_customers(vip: bool | None = None, q: str | None = Query(None, min_length=2)):
    return []


@app.get("/customers/{customer_id}", response_model=Customer, tags=["customers"])
def get_customer(customer_id: int):
    raise HTTPException(404)


@app.get("/customers/{customer_id}/orders", response_model=list[Order], tags=["customers", "orders"])
def customer_orders(customer_id: int):
    return []


@app.post("/orders/{order_id}/shipments", response_model=Shipment, status_code=201, tags=["shipments"])
def ship(order_id: int, shipment: Shipment):
    raise HTTPException(501)


@app.get("/shipments/{tracking}", response_model=Shipment, tags=["shipments"])
def track(tracking: str):
    raise HTTPException(404)


@app.get("/healthz", tags=["ops"])
def healthz():
    return {"ok": True}
'''


def cap_fastapi(tmp: Path) -> None:
    """A FastAPI app started on loopback; its /openapi.json printed with jq and converted to YAML."""
    d = tmp / "orders-api"
    write_tree(d, {"app.py": FASTAPI_APP})
    port = free_port()
    start([str(VENV / "bin" / "python"), "-m", "uvicorn", "app:app", "--port", str(port), "--log-level", "warning"], cwd=d)
    if not wait_port(port, 30):
        note("skip fastapi: uvicorn did not start")
        return
    url = f"http://127.0.0.1:{port}/openapi.json"
    run(f"curl -s {url} -o openapi.json", cwd=d, timeout=30)
    add("curl-jq-fastapi-openapi-json", "curl -s http://127.0.0.1:8000/openapi.json | jq .",
        run(f"curl -s {url} | jq .", cwd=d, timeout=30), w.n_openapi_json)
    to_yaml = "import sys, json, yaml; print(yaml.safe_dump(json.load(sys.stdin), sort_keys=False))"
    add("curl-fastapi-openapi-to-yaml", f"curl -s http://127.0.0.1:8000/openapi.json | python -c '{to_yaml}'",
        run(f"curl -s {url} | {VENV}/bin/python -c '{to_yaml}'", cwd=d, timeout=30), w.n_openapi_yaml)


STEPS = [cap_lockfiles, cap_tables, cap_api, cap_fastapi]
