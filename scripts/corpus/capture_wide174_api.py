"""Round 174, round 166's kinds again: `chargegrid`, an EV charging network's API of its own on 127.0.0.1 with faults
put in (/stations/<id> answers 500 when id % 23 == 0, a stale connector map, and 404 past 600; POST /sessions 422s
without a vehicle and 500s when station % 29 == 0; /tariffs sleeps; /drivers/<id> breaks the schema on some ids;
/status was renamed /healthz), driven by newman collections and httpyac `.http` files drawn by seeded generators,
Schemathesis against the service's own OpenAPI document, Locust runs of two locustfiles of its own and Artillery
scenarios of its own. Needles from round 166's extractors, imported. Run through capture_wide174.py."""

from __future__ import annotations

import json
import random
import socket
import sys
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide174 import TMP, add
from capture_wide166_api import n_httpyac, n_newman_cli, n_newman_json, n_newman_junit, n_schemathesis_junit
from capture_wide166_load import (n_artillery_json, n_locust_exceptions_csv, n_locust_failures_csv,
                                  n_locust_history_csv, n_locust_json, n_locust_stats_csv)

SERVICE = r'''
import json, random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

R = random.Random(174)
CITIES = ["Leeds", "York", "Hull", "Wakefield", "Harrogate", "Ripon", "Selby"]
STATIONS = {i: {"id": i, "city": R.choice(CITIES), "kw": R.choice([7, 22, 50, 150, 350]),
                "connectors": R.randint(1, 6), "map": R.choice(["ccs", "chademo", "type2", "tesla"])} for i in range(1, 601)}
CONNECTORS = {"ccs": "CCS2", "chademo": "CHAdeMO", "type2": "Type 2"}  # "tesla" missing: the stale map
PLANS = ["payg", "monthly", "fleet"]
SPEC = {
  "openapi": "3.0.3", "info": {"title": "chargegrid", "version": "2.3.1"},
  "paths": {
    "/stations/{station_id}": {"get": {"operationId": "getStation",
      "parameters": [{"name": "station_id", "in": "path", "required": True,
                      "schema": {"type": "integer", "minimum": 1, "maximum": 600}}],
      "responses": {"200": {"description": "a station", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Station"}}}},
                    "404": {"description": "no such station"}}}},
    "/drivers/{driver_id}": {"get": {"operationId": "getDriver",
      "parameters": [{"name": "driver_id", "in": "path", "required": True,
                      "schema": {"type": "integer", "minimum": 1, "maximum": 300}}],
      "responses": {"200": {"description": "a driver", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Driver"}}}}}}},
    "/tariffs": {"get": {"operationId": "tariffs",
      "parameters": [{"name": "zone", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1, "maxLength": 24}}],
      "responses": {"200": {"description": "tariffs", "content": {"application/json": {"schema": {"type": "object",
          "required": ["zone", "pence_per_kwh"], "properties": {"zone": {"type": "string"},
          "pence_per_kwh": {"type": "number", "minimum": 0}}}}}}}}},
    "/sessions": {"post": {"operationId": "startSession",
      "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object",
          "required": ["station", "vehicle"], "properties": {"station": {"type": "integer", "minimum": 1, "maximum": 600},
          "vehicle": {"type": "string", "minLength": 2}}}}}},
      "responses": {"201": {"description": "session started", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}},
                    "422": {"description": "invalid"}}}},
  },
  "components": {"schemas": {
    "Station": {"type": "object", "required": ["id", "city", "kw", "connectors", "plug"],
                "properties": {"id": {"type": "integer"}, "city": {"type": "string"}, "kw": {"type": "integer"},
                               "connectors": {"type": "integer", "minimum": 1}, "plug": {"type": "string"}}},
    "Driver": {"type": "object", "required": ["id", "email", "plan", "since"],
               "properties": {"id": {"type": "integer"}, "email": {"type": "string"},
                              "plan": {"type": "string", "enum": PLANS}, "since": {"type": "string", "format": "date"}}},
    "Session": {"type": "object", "required": ["session_id", "station", "vehicle", "started"],
                "properties": {"session_id": {"type": "integer"}, "station": {"type": "integer"},
                               "vehicle": {"type": "string"}, "started": {"type": "string"}}}}},
}
SESSIONS = []


def station(i):
    s = dict(STATIONS[i])
    s["plug"] = CONNECTORS[s.pop("map")]
    return s


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)

    def do_GET(self):
        u = urlparse(self.path); parts = u.path.strip("/").split("/")
        try:
            if u.path == "/healthz":
                return self.send(200, {"status": "ok", "stations": len(STATIONS), "sessions": len(SESSIONS)})
            if u.path == "/openapi.json":
                return self.send(200, SPEC)
            if parts[0] == "stations" and len(parts) == 2:
                i = int(parts[1])
                if i not in STATIONS:
                    return self.send(404, {"error": f"no station {i}"})
                if i % 23 == 0:
                    raise ValueError(f"meter feed timed out for station {i}")
                return self.send(200, station(i))
            if parts[0] == "drivers" and len(parts) == 2:
                i = int(parts[1])
                d = {"id": i, "email": f"driver{i}@chargegrid.test", "plan": PLANS[i % 3],
                     "since": "2022-%02d-%02d" % (i % 12 + 1, i % 27 + 1)}
                if i % 13 == 0:
                    d["email"] = None
                if i % 17 == 0:
                    d["plan"] = "legacy-gold"
                return self.send(200, d)
            if u.path == "/tariffs":
                z = parse_qs(u.query).get("zone", [""])[0]
                time.sleep(0.7 if z.startswith("r") else 0.2)
                return self.send(200, {"zone": z, "pence_per_kwh": 42.5 if z != "peak" else -1})
            return self.send(404, {"error": f"no route {u.path}"})
        except (KeyError, ValueError) as e:
            return self.send(500, {"error": "internal", "detail": f"{type(e).__name__}: {e}"})

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        if self.path != "/sessions":
            return self.send(404, {"error": f"no route {self.path}"})
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.send(400, {"error": "bad json"})
        if not isinstance(body, dict) or not body.get("vehicle") or not isinstance(body.get("station"), int):
            return self.send(422, {"error": "station and vehicle are required"})
        if body["station"] % 29 == 0:
            return self.send(500, {"error": "internal", "detail": "OCPP backend refused the start"})
        SESSIONS.append(body)
        return self.send(201, {"session_id": len(SESSIONS), "station": body["station"], "vehicle": body["vehicle"],
                               "started": "2026-12-02T01:00:00Z"})

    def log_message(self, *a):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

_BASE: list[str] = []


def service() -> str:
    """The chargegrid service started once (its base URL)."""
    if not _BASE:
        TMP.mkdir(parents=True, exist_ok=True)
        (TMP / "chargegrid.py").write_text(SERVICE)
        port = cm.free_port()
        cm.start([sys.executable, str(TMP / "chargegrid.py"), str(port)], cwd=TMP)
        cm.wait_port(port, 10)
        _BASE.append(f"http://127.0.0.1:{port}")
    return _BASE[0]


# ------------------------------------------------------------------ newman collections

def _test(name: str, expr: str) -> str:
    return f"pm.test({json.dumps(name)}, function () {{ {expr} }});"


def _item(name: str, method: str, path: str, tests: list[str], body: dict | None = None) -> dict:
    req: dict = {"method": method, "url": "{{base}}" + path, "header": []}
    if body is not None:
        req["header"] = [{"key": "Content-Type", "value": "application/json"}]
        req["body"] = {"mode": "raw", "raw": json.dumps(body)}
    return {"name": name, "request": req, "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": tests}}]}


def collection(name: str, n: int, seed: int, unreachable: bool = False) -> dict:
    """A Postman collection of `n` requests in folders, drawn by a seeded generator."""
    rnd = random.Random(seed)
    folders: dict[str, list] = {"stations": [], "drivers": [], "sessions": [], "tariffs": [], "ops": []}
    for _ in range(n):
        r = rnd.random()
        if r < 0.4:
            i = rnd.randint(1, 640)
            folders["stations"].append(_item(f"station {i}", "GET", f"/stations/{i}", [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("plug is named", "pm.expect(pm.response.json().plug).to.be.a('string');")]))
        elif r < 0.6:
            i = rnd.randint(1, 120)
            folders["drivers"].append(_item(f"driver {i}", "GET", f"/drivers/{i}", [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("email present", "pm.expect(pm.response.json().email).to.include('@');"),
                _test("plan is known", "pm.expect(['payg', 'monthly', 'fleet']).to.include(pm.response.json().plan);")]))
        elif r < 0.82:
            s = rnd.randint(1, 600)
            body = {"station": s, "vehicle": f"YK{rnd.randint(10, 74)} {rnd.choice('ABCDEFG')}{rnd.choice('HJKLMN')}X"}
            if rnd.random() < 0.12:
                body.pop("vehicle")
            folders["sessions"].append(_item(f"start at {s}", "POST", "/sessions", [
                _test("session started", "pm.response.to.have.status(201);"),
                _test("start time set", "pm.expect(pm.response.json().started).to.match(/Z$/);")], body))
        elif r < 0.96:
            z = rnd.choice(["city", "motorway", "rural", "peak"])
            folders["tariffs"].append(_item(f"tariff {z}", "GET", f"/tariffs?zone={z}", [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("answers within 400ms", "pm.expect(pm.response.responseTime).to.be.below(400);"),
                _test("price not negative", "pm.expect(pm.response.json().pence_per_kwh).to.be.at.least(0);")]))
        else:
            folders["ops"].append(_item("network status", "GET", "/status", [
                _test("status is 200", "pm.response.to.have.status(200);")]))
    items = [{"name": k, "item": v} for k, v in folders.items() if v]
    if unreachable:
        items.append({"name": "partner", "item": [_item("roaming hub", "GET", "", [
            _test("status is 200", "pm.response.to.have.status(200);")])]})
        items[-1]["item"][0]["request"]["url"] = "http://127.0.0.1:9/hub/health"
    return {"info": {"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": items}


def step_newman(tmp: Path) -> None:
    if not cm.have("newman", "newman-cli"):
        return
    base = service()
    d = tmp / "newman"
    d.mkdir(parents=True, exist_ok=True)
    for fname, n, seed, unreach in (("depot", 36, 1741, False), ("roaming", 260, 1742, True),
                                    ("drivers", 80, 1743, False)):
        (d / f"{fname}.postman_collection.json").write_text(json.dumps(collection(f"chargegrid {fname}", n, seed, unreach), indent=1))
    ev = f"--env-var base={base}"
    cmd = f"newman run depot.postman_collection.json {ev}"
    add("newman-depot", cmd, run(cmd, cwd=d), n_newman_cli)
    cmd = f"newman run roaming.postman_collection.json {ev} 2>&1 | tail -n 90"
    add("newman-roaming-tail", cmd, run(cmd, cwd=d, timeout=300), n_newman_cli)
    cmd = f"newman run drivers.postman_collection.json {ev} 2>&1 | grep -v '✓'; echo EXIT=$?"
    add("newman-drivers-grep-echo", cmd, run(cmd, cwd=d), n_newman_cli)
    cmd = f"newman run roaming.postman_collection.json {ev} --bail 2>&1 | head -n 100"
    add("newman-roaming-bail-head", cmd, run(cmd, cwd=d, timeout=300), n_newman_cli)
    for name in ("roaming", "drivers"):
        run(f"newman run {name}.postman_collection.json {ev} -r json,junit --reporter-json-export {name}.json "
            f"--reporter-junit-export {name}.xml", cwd=d, timeout=300)
    cmd = "jq '{stats: .run.stats, timings: .run.timings}' roaming.json; echo EXIT=$?"
    add("newman-json-roaming-stats", cmd, run(cmd, cwd=d), n_newman_json)
    cmd = "jq '[.run.failures[] | {name: .source.name, test: .error.test, message: .error.message}]' drivers.json"
    add("newman-json-drivers-failures", cmd, run(cmd, cwd=d), n_newman_json)
    cmd = "jq '.run.failures[] | {source: .source.name, error: .error}' roaming.json | head -n 400"
    add("newman-json-roaming-head", cmd, run(cmd, cwd=d), n_newman_json)
    add("newman-junit-drivers", "cat drivers.xml", run("cat drivers.xml", cwd=d), n_newman_junit)
    cmd = "grep -B1 -A4 '<failure' roaming.xml | head -n 200"
    add("newman-junit-roaming-grep", cmd, run(cmd, cwd=d), n_newman_junit)


def http_file(seed: int, n: int, base: str) -> str:
    rnd = random.Random(seed)
    parts = [f"@base = {base}\n"]
    for _ in range(n):
        r = rnd.random()
        if r < 0.4:
            i = rnd.randint(1, 640)
            parts.append(f"### station {i}\nGET {{{{base}}}}/stations/{i}\n\n?? status == 200\n?? js response.parsedBody.plug exists\n")
        elif r < 0.6:
            i = rnd.randint(1, 90)
            parts.append(f"### driver {i}\nGET {{{{base}}}}/drivers/{i}\n\n?? status == 200\n"
                         f"?? js response.parsedBody.email isString\n")
        elif r < 0.85:
            s = rnd.randint(1, 600)
            parts.append(f"### charge {s}\nPOST {{{{base}}}}/sessions\nContent-Type: application/json\n\n"
                         f'{{"station": {s}, "vehicle": "LS{rnd.randint(10, 74)} KPX"}}\n\n?? status == 201\n')
        else:
            z = rnd.choice(["city", "rural", "peak"])
            parts.append(f"### tariff {z}\nGET {{{{base}}}}/tariffs?zone={z}\n\n?? status == 200\n?? duration < 300\n")
    return "\n".join(parts)


def step_httpyac(tmp: Path) -> None:
    if not cm.have("httpyac", "httpyac"):
        return
    base = service()
    d = tmp / "httpyac"
    d.mkdir(parents=True, exist_ok=True)
    (d / "forecourt.http").write_text(http_file(1744, 36, base))
    (d / "fleet.http").write_text(http_file(1745, 80, base))
    (d / "ops.http").write_text(f"@base = {base}\n\n### status\nGET {{{{base}}}}/status\n\n?? status == 200\n\n"
                                "### roaming hub\nGET http://127.0.0.1:9/hub/health\n\n?? status == 200\n\n"
                                f"### healthz\nGET {{{{base}}}}/healthz\n\n?? status == 200\n?? js response.parsedBody.sessions > 0\n\n"
                                f"### peak tariff\nGET {{{{base}}}}/tariffs?zone=peak\n\n?? status == 200\n"
                                "?? js response.parsedBody.pence_per_kwh >= 0\n")
    cmd = "httpyac send forecourt.http --all"
    add("httpyac-forecourt", cmd, run(cmd, cwd=d, timeout=200), n_httpyac)
    cmd = "httpyac send fleet.http --all -o short 2>&1 | tail -n 100"
    add("httpyac-fleet-short-tail", cmd, run(cmd, cwd=d, timeout=300), n_httpyac)
    cmd = "httpyac send ops.http --all -o exchange; echo EXIT=$?"
    add("httpyac-ops-echo", cmd, run(cmd, cwd=d, timeout=120), n_httpyac)


def step_schemathesis(tmp: Path) -> None:
    if not cm.have("st", "schemathesis-junit"):
        return
    base = service()
    d = tmp / "st"
    d.mkdir(parents=True, exist_ok=True)
    env = {"SCHEMATHESIS_TELEMETRY": "false"}
    run(f"st run {base}/openapi.json --checks all --max-examples 30 --seed 174 --report junit "
        "--report-junit-path all.xml", cwd=d, env=env, timeout=300)
    run(f"st run {base}/openapi.json --include-path-regex '/(drivers|stations)/' --checks "
        "response_schema_conformance,not_a_server_error --max-examples 50 --seed 174 --report junit "
        "--report-junit-path lookups.xml", cwd=d, env=env, timeout=300)
    add("schemathesis-junit-all", "cat all.xml", run("cat all.xml", cwd=d), n_schemathesis_junit)
    cmd = "cat lookups.xml; echo EXIT=$?"
    add("schemathesis-junit-lookups-echo", cmd, run(cmd, cwd=d), n_schemathesis_junit)


LOCUST_DRIVERS = '''
import random
from locust import HttpUser, task, between

ZONES = ["city", "motorway", "rural", "peak", "retail-park", "depot"]


class Driver(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(7)
    def station(self):
        self.client.get(f"/stations/{random.randint(1, 640)}", name="/stations/[id]")

    @task(3)
    def tariff(self):
        z = random.choice(ZONES)
        with self.client.get(f"/tariffs?zone={z}", name=f"/tariffs?zone={z}", catch_response=True) as r:
            if r.json().get("pence_per_kwh", 0) < 0:
                r.failure(f"negative tariff in zone {z}")

    @task(2)
    def profile(self):
        i = random.randint(1, 100)
        with self.client.get(f"/drivers/{i}", name="/drivers/[id]", catch_response=True) as r:
            d = r.json()
            if d.get("email") is None:
                r.failure(f"driver {i} has no email")
            elif d.get("plan") not in ("payg", "monthly", "fleet"):
                r.failure(f"driver {i} on plan {d.get('plan')!r}")

    @task(1)
    def network(self):
        up = self.client.get("/status").json()["stations"]  # renamed /healthz: KeyError on the 404 body
        assert up > 0

    @task(1)
    def nearest(self):
        s = self.client.get(f"/stations/{random.randint(1, 600)}", name="/stations/[id] (nearest)").json()
        self.kw = int(s["kw"]) / s["connectors"] if s.get("plug") != "CCS2" else None
        self.eta = 60 / self.kw  # None on CCS2 stations: TypeError
'''

LOCUST_FLEET = '''
import random
from locust import HttpUser, task, constant


class FleetDepot(HttpUser):
    wait_time = constant(0.08)

    def on_start(self):
        self.van = f"VN{random.randint(10, 74)} FLT"

    @task(5)
    def charge(self):
        s = random.randint(1, 600)
        with self.client.post("/sessions", json={"station": s, "vehicle": self.van}, name="/sessions",
                              catch_response=True) as r:
            if r.status_code != 201:
                r.failure(f"start refused: {r.status_code} {r.json().get('detail', r.json().get('error'))}")

    @task(2)
    def charge_unregistered(self):
        self.client.post("/sessions", json={"station": random.randint(1, 600), "vehicle": ""}, name="/sessions (no vehicle)")

    @task(2)
    def meter(self):
        r = self.client.get(f"/stations/{random.randint(1, 600)}", name="/stations/[id]")
        if r.ok:
            kwh = r.json()["meter_kwh"]  # stations carry no meter reading: KeyError

    @task(1)
    def health(self):
        self.client.get("/healthz")
'''


def step_locust(tmp: Path) -> None:
    if not cm.have("locust", "locust-stats-csv"):
        return
    base = service()
    d = tmp / "locust"
    write_tree(d, {"drivers.py": LOCUST_DRIVERS, "fleet.py": LOCUST_FLEET})
    for name, users, secs in (("drivers", 20, 16), ("fleet", 14, 12)):
        run(f"locust -f {name}.py --headless -u {users} -r 10 -t {secs}s -H {base} --csv {name} --csv-full-history "
            f"--only-summary", cwd=d, timeout=secs + 60)
    add("locust-stats-drivers", "cat drivers_stats.csv", run("cat drivers_stats.csv", cwd=d), n_locust_stats_csv)
    cmd = "cat fleet_stats.csv; echo EXIT=$?"
    add("locust-stats-fleet-echo", cmd, run(cmd, cwd=d), n_locust_stats_csv)
    cmd = "{ head -n 1 drivers_stats_history.csv; tail -n 120 drivers_stats_history.csv; }"
    add("locust-history-drivers-tail", cmd, run(cmd, cwd=d), n_locust_history_csv)
    cmd = "grep -E '^Timestamp|Aggregated|sessions' fleet_stats_history.csv"
    add("locust-history-fleet-grep", cmd, run(cmd, cwd=d), n_locust_history_csv)
    cmd = "cat drivers_failures.csv fleet_failures.csv"
    add("locust-failures-both", cmd, run(cmd, cwd=d), n_locust_failures_csv)
    cmd = "cat drivers_exceptions.csv; echo EXIT=$?"
    add("locust-exceptions-drivers-echo", cmd, run(cmd, cwd=d), n_locust_exceptions_csv)
    cmd = f"locust -f fleet.py --headless -u 10 -r 10 -t 7s -H {base} --json --skip-log"
    add("locust-json-fleet", cmd, run(cmd, cwd=d, timeout=60), n_locust_json)


ARTILLERY = {
    "forecourt.yml": """
config:
  target: "{base}"
  phases:
    - duration: 5
      arrivalRate: 6
      name: morning
    - duration: 6
      arrivalRate: 16
      name: commute
scenarios:
  - name: find a charger
    flow:
      - get:
          url: "/stations/{{{{ $randomNumber(1, 640) }}}}"
      - get:
          url: "/tariffs?zone=city"
      - get:
          url: "/drivers/{{{{ $randomNumber(1, 100) }}}}"
      - get:
          url: "/status"
""",
    "fleet.yml": """
config:
  target: "{base}"
  http:
    timeout: 1
  phases:
    - duration: 7
      arrivalRate: 9
  ensure:
    p99: 150
    maxErrorRate: 1
scenarios:
  - name: depot charging
    flow:
      - post:
          url: "/sessions"
          json:
            station: "{{{{ $randomNumber(1, 600) }}}}"
            vehicle: "VN21 FLT"
      - post:
          url: "/sessions"
          json:
            station: 58
            vehicle: "VN21 FLT"
      - get:
          url: "/tariffs?zone=rural"
  - name: roaming partner
    flow:
      - post:
          url: "/sessions"
          json:
            station: 12
      - get:
          url: "http://127.0.0.1:9/hub/health"
""",
}


def step_artillery(tmp: Path) -> None:
    if not cm.have("artillery", "artillery-json-jq"):
        return
    base = service()
    d = tmp / "artillery"
    write_tree(d, {k: v.format(base=base) for k, v in ARTILLERY.items()})
    env = {"ARTILLERY_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1"}
    for name in ("forecourt", "fleet"):
        run(f"artillery run --output {name}.json {name}.yml", cwd=d, env=env, timeout=120)
    cmd = "jq '.aggregate' fleet.json; echo EXIT=$?"
    add("artillery-fleet-aggregate-echo", cmd, run(cmd, cwd=d), n_artillery_json)
    cmd = "jq '.intermediate[] | {period, counters, summaries}' forecourt.json | head -n 300"
    add("artillery-forecourt-intermediate-head", cmd, run(cmd, cwd=d), n_artillery_json)


STEPS = [step_newman, step_httpyac, step_schemathesis, step_locust, step_artillery]
