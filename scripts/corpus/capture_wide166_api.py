"""Round 166, API testing: Postman collections written here (widened by a seeded generator to 300 requests) run by
newman against the bookdrop service, read through the cli reporter, the JSON report through jq and the JUnit report;
`.http` files run by httpyac; Schemathesis checking the service against its own OpenAPI schema, read through its JUnit
report. Extractors are the rules of NEEDLES.md's "Round 166" section. Run through capture_wide166.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, next_match, prev_match, run, write_tree
from capture_wide166 import add, exit_lines, service

REQ_RE = re.compile(r"^\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ \[(.*)$")


@cm.kind("newman-cli", "test")
def n_newman_cli(lines):
    """Rules 1-3 on newman's cli reporter: numbered failed assertions, non-2xx and errored request lines, each failure-list entry with its first detail and inside line, the summary rows, duration and average response time."""
    out = []
    for i, ln in enumerate(lines):
        m = REQ_RE.match(ln)
        if m:
            st = m.group(2)
            if not st.startswith("2"):
                out.append(ln)
                if st.startswith("errored"):
                    nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), None)
                    out.append(nxt)
            continue
        if re.match(r"^\s*\d+\.\s+\S", ln):
            out.append(ln)
            if re.match(r"^\s*\d+\.\s+\w*(Error|Failure)\s", ln):
                nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), None)
                out += [nxt, next_match(lines, i, r'^\s+inside "')]
            continue
        if re.search(r"│\s+(requests|test-scripts|assertions) │", ln) or re.search(
                r"(total run duration|average response time):", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("newman-json-jq", "json")
def n_newman_json(lines):
    """Rule 5 on newman's JSON report through jq: every failure's name/test/message line, each non-zero failed stats line with its block's total line, the response timing and started/completed lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r'"(name|test|message)":', s):
            out.append(ln)
        m = re.match(r'"failed":\s*(\d+)', s)
        if m and int(m.group(1)):
            out += [prev_match(lines, i, r'^\s*"total":', 3), ln]
        if re.match(r'"(responseAverage|responseMin|responseMax|started|completed)":', s):
            out.append(ln)
    return out + exit_lines(lines)


def _junit(lines):
    out = [ln for ln in lines if re.match(r"^\s*<testsuite\b", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<(failure|error)\b", ln):
            out += [prev_match(lines, i, r"^\s*<testcase\b", 3), ln]
            if not re.search(r"/>\s*$|</(failure|error)>\s*$", ln):
                rest = re.sub(r"^\s*<(failure|error)\b[^>]*>\s*(<!\[CDATA\[)?", "", ln)
                if not rest.strip():
                    out.append(next((x for x in lines[i + 1:i + 8] if x.strip() and not x.strip().startswith("</")), None))
    return out


@cm.kind("newman-junit", "test")
def n_newman_junit(lines):
    """Rule 2 on newman's JUnit report: every <testsuite> line, each <testcase> holding a failure/error and that element's first line."""
    return _junit(lines) + exit_lines(lines)


@cm.kind("schemathesis-junit", "test")
def n_schemathesis_junit(lines):
    """Rule 2 on Schemathesis's JUnit report: every <testsuite> line, each <testcase> holding a failure/error, that element's first line and its first text line when the text spans lines."""
    return _junit(lines) + exit_lines(lines)


@cm.kind("httpyac", "test")
def n_httpyac(lines):
    """Rules 1-3 on httpyac: every failed test line with the request line above it, 4xx/5xx status lines, error lines, the closing summary lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(("✖", "✗", "×")):
            out += [prev_match(lines, i, r"^\s*(GET|POST|PUT|PATCH|DELETE|HEAD)\s+\S", 12), ln]
        elif re.match(r"^HTTP/[\d.]+ [45]\d\d\b", s):
            out.append(ln)
        elif re.search(r"\b(Error|ECONNREFUSED|ETIMEDOUT)\b|\bfailed\b", s) and not re.search(r"requests (processed|tested)", s):
            out.append(ln)
        if re.search(r"\d+ requests? (processed|tested)", s):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the collections

def _test(name: str, expr: str) -> str:
    return f"pm.test({json.dumps(name)}, function () {{ {expr} }});"


def _item(name: str, method: str, path: str, tests: list[str], body: dict | None = None) -> dict:
    req: dict = {"method": method, "url": "{{base}}" + path, "header": []}
    if body is not None:
        req["header"] = [{"key": "Content-Type", "value": "application/json"}]
        req["body"] = {"mode": "raw", "raw": json.dumps(body)}
    return {"name": name, "request": req, "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": tests}}]}


def collection(name: str, n: int, seed: int, unreachable: bool = False) -> dict:
    """A Postman collection of `n` requests in folders, drawn by a seeded generator: books, members, loans, search."""
    rnd = random.Random(seed)
    folders: dict[str, list] = {"books": [], "members": [], "loans": [], "search": [], "admin": []}
    for k in range(n):
        r = rnd.random()
        if r < 0.45:
            i = rnd.randint(1, 930)
            folders["books"].append(_item(f"get book {i}", "GET", f"/books/{i}", [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("has a section", "pm.expect(pm.response.json().section).to.be.a('string');")]))
        elif r < 0.65:
            i = rnd.randint(1, 200)
            folders["members"].append(_item(f"get member {i}", "GET", f"/members/{i}", [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("joined is a date", "pm.expect(pm.response.json().joined).to.match(/^\\d{4}-\\d{2}-\\d{2}$/);"),
                _test("tier is known", "pm.expect(['basic', 'plus', 'staff']).to.include(pm.response.json().tier);")]))
        elif r < 0.85:
            b = rnd.randint(1, 900)
            body = {"book_id": b, "member": rnd.randint(1, 400)} if rnd.random() > 0.1 else {"book_id": b}
            folders["loans"].append(_item(f"borrow book {b}", "POST", "/loans", [
                _test("loan created", "pm.response.to.have.status(201);"),
                _test("due date set", "pm.expect(pm.response.json().due).to.eql('2026-12-15');")], body))
        elif r < 0.97:
            q = rnd.choice(["river", "salt", "bell", "rain", "copper", "a map of rain in winter"])
            folders["search"].append(_item(f"search {q}", "GET", "/search?q=" + q.replace(" ", "%20"), [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("answers within 500ms", "pm.expect(pm.response.responseTime).to.be.below(500);")]))
        else:
            folders["admin"].append(_item("library stats", "GET", "/stats", [
                _test("status is 200", "pm.response.to.have.status(200);"),
                _test("counts loans", "pm.expect(pm.response.json()).to.have.property('loans');")]))
    items = [{"name": k, "item": v} for k, v in folders.items() if v]
    if unreachable:
        items.append({"name": "mirror", "item": [_item("replica health", "GET", "", [
            _test("status is 200", "pm.response.to.have.status(200);")])]})
        items[-1]["item"][0]["request"]["url"] = "http://127.0.0.1:9/health"
    return {"info": {"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": items}


def step_newman(tmp: Path) -> None:
    if not cm.have("newman", "newman-cli"):
        return
    base = service()
    d = tmp / "newman"
    d.mkdir(parents=True, exist_ok=True)
    for fname, n, seed, unreach in (("smoke", 24, 1661, False), ("regression", 300, 1662, True),
                                    ("members", 60, 1663, False), ("nightly", 120, 1664, True)):
        (d / f"{fname}.postman_collection.json").write_text(json.dumps(collection(f"bookdrop {fname}", n, seed, unreach), indent=1))
    ev = f"--env-var base={base}"
    cmd = f"newman run smoke.postman_collection.json {ev}"
    add("newman-smoke", cmd, run(cmd, cwd=d), n_newman_cli)
    cmd = f"newman run regression.postman_collection.json {ev} 2>&1 | tail -n 80"
    add("newman-regression-tail", cmd, run(cmd, cwd=d, timeout=300), n_newman_cli)
    cmd = f"newman run members.postman_collection.json {ev}; echo EXIT=$?"
    add("newman-members", cmd, run(cmd, cwd=d), n_newman_cli)
    cmd = f"newman run nightly.postman_collection.json {ev} 2>&1 | grep -v '✓'"
    add("newman-nightly-grep", cmd, run(cmd, cwd=d, timeout=300), n_newman_cli)
    cmd = f"newman run members.postman_collection.json {ev} -n 2 --reporter-cli-no-assertions 2>&1 | tail -n 60"
    add("newman-members-iter", cmd, run(cmd, cwd=d), n_newman_cli)
    cmd = f"newman run nightly.postman_collection.json {ev} --bail; echo EXIT=$?"
    add("newman-nightly-bail", cmd, run(cmd, cwd=d, timeout=300), n_newman_cli)
    # JSON and JUnit reports
    run(f"newman run regression.postman_collection.json {ev} -r json,junit --reporter-json-export regression.json "
        "--reporter-junit-export regression.xml", cwd=d, timeout=300)
    run(f"newman run smoke.postman_collection.json {ev} -r json,junit --reporter-json-export smoke.json "
        "--reporter-junit-export smoke.xml", cwd=d)
    run(f"newman run members.postman_collection.json {ev} -r json,junit --reporter-json-export members.json "
        "--reporter-junit-export members.xml", cwd=d)
    cmd = "jq '.run.stats, .run.timings' regression.json"
    add("newman-json-stats", cmd, run(cmd, cwd=d), n_newman_json)
    cmd = "jq '[.run.failures[] | {name: .source.name, test: .error.test, message: .error.message}]' regression.json"
    add("newman-json-failures", cmd, run(cmd, cwd=d), n_newman_json)
    cmd = "jq '{stats: .run.stats, failures: [.run.failures[] | {name: .source.name, message: .error.message}]}' members.json"
    add("newman-json-members", cmd, run(cmd, cwd=d), n_newman_json)
    cmd = "jq '.run.failures' smoke.json | head -n 300"
    add("newman-json-smoke-raw", cmd, run(cmd, cwd=d), n_newman_json)
    add("newman-junit-smoke", "cat smoke.xml", run("cat smoke.xml", cwd=d), n_newman_junit)
    add("newman-junit-members", "cat members.xml", run("cat members.xml", cwd=d), n_newman_junit)
    cmd = "grep -B2 -A3 '<failure' regression.xml"
    add("newman-junit-regression-grep", cmd, run(cmd, cwd=d), n_newman_junit)


def http_file(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    parts = ["@base = {{BASE}}\n"]
    for k in range(n):
        r = rnd.random()
        if r < 0.4:
            i = rnd.randint(1, 930)
            parts.append(f"### book {i}\nGET {{{{base}}}}/books/{i}\n\n?? status == 200\n?? js response.parsedBody.section exists\n")
        elif r < 0.6:
            i = rnd.randint(1, 150)
            parts.append(f"### member {i}\nGET {{{{base}}}}/members/{i}\n\n?? status == 200\n"
                         f"?? js response.parsedBody.joined isString\n")
        elif r < 0.85:
            b = rnd.randint(1, 900)
            parts.append(f"### borrow {b}\nPOST {{{{base}}}}/loans\nContent-Type: application/json\n\n"
                         f'{{"book_id": {b}, "member": {rnd.randint(1, 99)}}}\n\n?? status == 201\n')
        else:
            q = rnd.choice(["river", "bell", "salt"])
            parts.append(f"### search {q}\nGET {{{{base}}}}/search?q={q}\n\n?? status == 200\n?? duration < 200\n")
    return "\n".join(parts)


def step_httpyac(tmp: Path) -> None:
    if not cm.have("httpyac", "httpyac"):
        return
    base = service()
    d = tmp / "httpyac"
    d.mkdir(parents=True, exist_ok=True)
    for name, seed, n in (("shelves", 1665, 30), ("desk", 1666, 70)):
        (d / f"{name}.http").write_text(http_file(seed, n).replace("{{BASE}}", base))
    (d / "offline.http").write_text(f"@base = {base}\n\n### stats\nGET {{{{base}}}}/stats\n\n?? status == 200\n\n"
                                    "### replica\nGET http://127.0.0.1:9/health\n\n?? status == 200\n\n"
                                    f"### metrics\nGET {{{{base}}}}/metrics\n\n?? status == 200\n?? js response.parsedBody.loans > 0\n")
    cmd = "httpyac send shelves.http --all"
    add("httpyac-shelves", cmd, run(cmd, cwd=d, timeout=200), n_httpyac)
    cmd = "httpyac send desk.http --all -o short 2>&1 | tail -n 120"
    add("httpyac-desk-short", cmd, run(cmd, cwd=d, timeout=300), n_httpyac)
    cmd = "httpyac send offline.http --all; echo EXIT=$?"
    add("httpyac-offline", cmd, run(cmd, cwd=d, timeout=120), n_httpyac)
    cmd = "httpyac send shelves.http --all --filter only-failed -o exchange"
    add("httpyac-shelves-failed", cmd, run(cmd, cwd=d, timeout=200), n_httpyac)
    cmd = "httpyac send desk.http --all -o none 2>&1"
    add("httpyac-desk-none", cmd, run(cmd, cwd=d, timeout=300), n_httpyac)


def step_schemathesis(tmp: Path) -> None:
    if not cm.have("st", "schemathesis-junit"):
        return
    base = service()
    d = tmp / "st"
    d.mkdir(parents=True, exist_ok=True)
    env = {"SCHEMATHESIS_TELEMETRY": "false"}
    run(f"st run {base}/openapi.json --checks all --max-examples 40 --seed 166 --report junit "
        "--report-junit-path all.xml", cwd=d, env=env, timeout=300)
    run(f"st run {base}/openapi.json --include-path /members/{{member_id}} --checks response_schema_conformance "
        "--max-examples 60 --seed 166 --report junit --report-junit-path members.xml", cwd=d, env=env, timeout=300)
    run(f"st run {base}/openapi.json --include-method POST --checks not_a_server_error,status_code_conformance "
        "--max-examples 60 --seed 166 --report junit --report-junit-path loans.xml", cwd=d, env=env, timeout=300)
    run(f"st run {base}/openapi.json --include-path /search --checks all --max-response-time 0.5 --max-examples 25 "
        "--seed 166 --report junit --report-junit-path search.xml", cwd=d, env=env, timeout=300)
    for name in ("all", "members", "loans", "search"):
        add(f"schemathesis-junit-{name}", f"cat {name}.xml", run(f"cat {name}.xml", cwd=d), n_schemathesis_junit)


STEPS = [step_newman, step_httpyac, step_schemathesis]
