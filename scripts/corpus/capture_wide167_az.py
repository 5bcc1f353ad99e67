"""Round 167's storage on a local emulator, and the extractors of its kinds (NEEDLES.md, "Round 167"): the `harbor`
shipping office's containers, blobs, queues and table made in Azurite by a seeded SDK script, read with the Azure CLI
and with SDK scripts of the office whose calls fail. Run through capture_wide167.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, num, rule4, wait_port
from capture_wide167 import JS, VENV, cap, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

CLI_ERR = re.compile(r"^ERROR:|^\s*\(\w+\) \S|^\s*Code: \w|^\s*Message: \S|^\s*ErrorCode:\s*\w|^az: error:|"
                     r"the following arguments are required|^argument --|The specified [\w ]+ does not exist|"
                     r"Server failed to authenticate the request|This request is not authorized|"
                     r"^\w+(\.\w+)*(Error|Exception): \S")


def cli_errors(lines: list[str]) -> list[str]:
    """Rule 1: every line the CLI or SDK prints for an error."""
    return [ln for ln in lines if CLI_ERR.search(ln)]


ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def _numish(v):
    """A cell as a number: plain numbers and sizes as `num` reads them, ISO timestamps as their digits."""
    if isinstance(v, str) and ISO.match(v):
        return float(re.sub(r"\D", "", v)[:14])
    return num(v)


def _jval(ln: str):
    m = re.match(r'^\s*"([^"]+)":\s*(.*?),?$', ln)
    if not m:
        return None, None
    v = m.group(2)
    if v.startswith('"') and v.endswith('"'):
        v = v[1:-1]
    return m.group(1), v


def json_records(lines: list[str], indent: int = 2) -> list[tuple[str, dict]]:
    """The records of a pretty-printed JSON array (objects opening at `indent` spaces): (first line, {key: (line,
    value)}) where a key's shallowest first occurrence wins; a record cut by a pipe ends where the lines end."""
    recs, cur = [], None
    opener = re.compile(r"^ {%d}[\[{]$" % indent)
    closer = re.compile(r"^ {%d}[\]}],?$" % indent)
    for ln in lines:
        if opener.match(ln):
            cur = [None, {}, ln.rstrip().endswith("[")]
            recs.append(cur)
            continue
        if cur is None:
            continue
        if closer.match(ln):
            cur = None
            continue
        depth = len(ln) - len(ln.lstrip())
        if cur[2]:  # an inner array: values by position
            if depth == indent + 2:
                cur[0] = cur[0] or ln
                cur[1][f"c{len(cur[1])}"] = (ln, ln.strip().rstrip(",").strip('"'), depth)
            continue
        k, v = _jval(ln)
        if k is None:
            continue
        if cur[0] is None and depth == indent + 2:
            cur[0] = ln
        if k not in cur[1] or cur[1][k][2] > depth:
            cur[1][k] = (ln, v, depth)
    return [(r[0], {k: v for k, v in r[1].items()}) for r in recs if r[0]]


def _rule4_on(recs, line_of, cats=(), nums=()) -> list:
    """Rule 4 over records whose needle is line_of(record) (a line of the record)."""
    rows = []
    for first, d in recs:
        row = {k: d[k][1] for k in cats if k in d}
        row.update({k: _numish(d[k][1]) for k in nums if k in d})
        rows.append((line_of(first, d), row))
    return rule4(rows, cat=cats, nums=nums)


@cm.kind("az-blob-list-json", "json")
def n_blob_list(lines):
    """Rules 4+5: the name line of the blobs holding the smallest and largest contentLength and the newest lastModified, and of every blob whose blobTier, contentType, blobType or lease state is rare (at most 2 while the most common covers half); the nextMarker line and Next Marker warning; CLI error lines; EXIT=N."""
    recs = [r for r in json_records(lines) if "name" in r[1]]
    name = lambda first, d: d["name"][0]  # noqa: E731
    out = _rule4_on(recs, name, cats=("blobTier", "contentType", "blobType", "state"), nums=("contentLength",))
    lm = [(_numish(d["lastModified"][1]), d["name"][0]) for _, d in recs if "lastModified" in d]
    if lm:
        hi = max(v for v, _ in lm)
        out.append(cm.any_of(ln for v, ln in lm if v == hi))
    out += [ln for ln in lines if re.search(r'"nextMarker":\s*"[^"]|Next Marker|next_marker|--marker', ln)]
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("az-container-list-json", "json")
def n_container_list(lines):
    """Rules 4+5: every container's name line, and rule 4 over containers on publicAccess and lease state / status (the rare container's name line); CLI error lines; EXIT=N."""
    recs = [r for r in json_records(lines) if "name" in r[1]]
    out = [d["name"][0] for _, d in recs]
    out += _rule4_on(recs, lambda f, d: d["name"][0], cats=("publicAccess", "state", "status"))
    return cli_errors(lines) + out + exit_lines(lines)


def table_rows(lines: list[str]):
    """An `-o table` print: (header line, [(row line, {column: cell})]) with columns cut where the dashes line's
    segments start; the rows run until a blank line or a line that is not a row (an error, EXIT=)."""
    for i, ln in enumerate(lines[1:], 1):
        if re.match(r"^-+(  +-+)*\s*$", ln) and lines[i - 1].strip():
            header = lines[i - 1]
            spans = [(m.start(), m.end()) for m in re.finditer(r"-+", ln)]
            names = [header[a:(spans[j + 1][0] if j + 1 < len(spans) else None)].strip() or f"c{j}"
                     for j, (a, _) in enumerate(spans)]
            rows = []
            for r in lines[i + 1:]:
                if not r.strip() or EXIT_LINE.match(r) or CLI_ERR.search(r) or r.startswith("WARNING"):
                    break
                cells = [r[a:(spans[j + 1][0] if j + 1 < len(spans) else None)].strip() for j, (a, _) in enumerate(spans)]
                rows.append((r, dict(zip(names, cells))))
            return header, names, rows
    return None, [], []


EXIT_LINE = re.compile(r"^EXIT=\d+$")


def _cols_split(rows, names):
    nums = [c for c in names if any(r[1].get(c) for r in rows)
            and all(_numish(r[1].get(c)) is not None for r in rows if r[1].get(c))]
    return [c for c in names if c not in nums], nums


def _rule4_cells(rows, names):
    cats, nums = _cols_split(rows, names)
    conv = [(ln, {**{c: d.get(c) for c in cats}, **{c: _numish(d.get(c)) for c in nums}}) for ln, d in rows]
    return rule4(conv, cat=cats, nums=nums)


@cm.kind("az-table", "table")
def n_az_table(lines):
    """Rules 4+5: the column header row, the first data row, rule 4 over the data rows (a categorical column's rare values, each numeric or date column's extremes); CLI error lines; EXIT=N."""
    header, names, rows = table_rows(lines)
    out = ([header] if header else []) + [r[0] for r in rows[:1]] + _rule4_cells(rows, names)
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("az-tsv", "table")
def n_az_tsv(lines):
    """Rules 4+5: rule 4 over the tab-separated rows (fields by position): the first and last row, a categorical field's rare values, each numeric field's extremes; CLI error lines; EXIT=N."""
    rows = [(ln, {f"c{j}": c for j, c in enumerate(ln.split("\t"))}) for ln in lines if "\t" in ln]
    n = max((len(r[1]) for r in rows), default=0)
    out = [r[0] for r in rows[:1] + rows[-1:]] + _rule4_cells(rows, [f"c{j}" for j in range(n)])
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("az-query-json", "json")
def n_query_json(lines):
    """Rules 4+5: rule 4 over the projected records (object keys or inner-array positions as columns, each record read on its first line); a bare scalar or a list of at most 20 values: every value line; query error lines; EXIT=N."""
    recs = json_records(lines)
    out = []
    if recs:
        keys = list(dict.fromkeys(k for _, d in recs for k in d))
        rows = [(first, {k: d[k][1] for k in d}) for first, d in recs]
        out += _rule4_cells(rows, keys)
    else:
        vals = [ln for ln in lines if re.match(r'^\s+("[^"]*"|-?[\d.]+|true|false|null),?$', ln)
                or re.match(r'^("[^"]*"|-?[\d.]+|true|false)$', ln)]
        if len(vals) <= 20:
            out += vals
        else:
            out += vals[:1] + vals[-1:]
    return cli_errors(lines) + out + exit_lines(lines)


BATCH_FAIL = re.compile(r"\b(fail(ed|ure)?|error|denied|refused|not exist|already exists)\b", re.I)


@cm.kind("az-storage-batch", "log")
def n_batch(lines):
    """Rules 1+3+5: every error line and the file line within six after a Failed/error line, the first and last uploaded / downloaded entry (a "Blob" line or a name in a plain list), the closing count / Finished line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if BATCH_FAIL.search(ln) and not re.match(r'^\s*"', ln):
            out.append(ln)
            nxt = cm.next_match(lines, i, r"(/|\\)\S+\.\w+")
            if nxt and nxt not in out and not re.match(r'^\s*"(Blob|Last Modified|eTag)"', nxt):
                out.append(nxt)
    entries = [ln for ln in lines if re.match(r'^\s*"([Bb]lob|name)":\s*"', ln)] or \
        [ln for ln in lines if re.match(r"^\s*\"?[\w./-]+\.\w+\"?,?$", ln)]
    out += entries[:1] + entries[-1:]
    out += [ln for ln in lines if re.search(r"^Finished|\b\d+ (files?|blobs?)\b|\d+/\d+", ln) and
            not re.match(r'^\s*"', ln)][-1:]
    return cli_errors(lines) + out + exit_lines(lines)


POISON = re.compile(r"error|poison|fail|retry", re.I)


@cm.kind("az-queue-messages", "json")
def n_queue(lines):
    """Rule 5: every message's id line, every dequeueCount line above 1, every content line holding error / poison / failed / retry (or the table row carrying them); CLI error lines; EXIT=N."""
    out = []
    for ln in lines:
        m = re.match(r'^\s*"dequeueCount":\s*(\d+)', ln)
        if re.match(r'^\s*"id":\s*"', ln) or (m and int(m.group(1)) > 1):
            out.append(ln)
        elif re.match(r'^\s*"content":', ln) and POISON.search(ln):
            out.append(ln)
    header, names, rows = table_rows(lines)
    if rows:
        out.append(header)
        for r, d in rows:
            dq = [v for k, v in d.items() if "equeue" in k]
            if POISON.search(r) or (dq and dq[0].isdigit() and int(dq[0]) > 1):
                out.append(r)
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("az-table-entities", "json")
def n_entities(lines):
    """Rules 4+5: rule 4 over the entities (string properties categorical, numeric properties' extremes), each read on its RowKey line; the nextMarker / nextpartitionkey / nextrowkey lines; CLI error lines; EXIT=N."""
    recs = [r for r in json_records(lines, 4) + json_records(lines, 2) if "RowKey" in r[1]]
    keys = [k for k in dict.fromkeys(k for _, d in recs for k in d) if k not in ("RowKey", "etag", "Timestamp")
            and not k.endswith("@odata.type") and k != "odata.etag"]
    out = []
    if recs:
        rows = [(d["RowKey"][0], {k: d[k][1] for k in keys if k in d}) for _, d in recs]
        cats = [k for k in keys if not all(_numish(r[1].get(k)) is not None for r in rows if r[1].get(k))]
        nums = [k for k in keys if k not in cats]
        conv = [(ln, {**{c: d.get(c) for c in cats}, **{c: _numish(d.get(c)) for c in nums}}) for ln, d in rows]
        out += rule4(conv, cat=cats, nums=nums)
    out += [ln for ln in lines if re.search(r'"(nextMarker|nextpartitionkey|nextrowkey)":\s*[{"]', ln, re.I)]
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("az-sas", "log")
def n_sas(lines):
    """Rule 5: every SAS token line the CLI printed, every HTTP status line curl printed, the error body's Code and AuthenticationErrorDetail / Message lines; CLI error lines; EXIT=N."""
    out = []
    for ln in lines:
        if re.search(r"\bsig=", ln) and re.search(r"\bse=|\bsp=", ln) and not ln.startswith(("> ", "< ", "*")):
            out.append(ln)
        elif re.match(r"^(< )?HTTP/[\d.]+ \d{3}", ln):
            out.append(ln)
        elif re.search(r"<Code>|<AuthenticationErrorDetail>|<Message>", ln):
            out.append(ln)
    return cli_errors(lines) + out + exit_lines(lines)


@cm.kind("az-cli-debug", "log")
def n_az_debug(lines):
    """Rule 5: the Command arguments line, the first Request URL line, every 4xx/5xx Response status line with the x-ms-error-code line after it, every line saying a request is retried, the closing ERROR line; EXIT=N."""
    out = [ln for ln in lines if "Command arguments:" in ln][:1]
    out += [ln for ln in lines if "Request URL:" in ln][:1]
    for i, ln in enumerate(lines):
        if re.search(r"Response status: [45]\d\d", ln):
            out.append(ln)
            nxt = cm.next_match(lines, i, r"x-ms-error-code", 20)
            if nxt:
                out.append(nxt)
        elif re.search(r"\bretr(y|ies|ying)\b", ln, re.I) and not re.search(r"Command arguments|'retry_", ln):
            out.append(ln)
    out += [ln for ln in lines if ln.startswith("ERROR:")]
    return out + [ln for ln in cli_errors(lines) if not ln.startswith("DEBUG")] + exit_lines(lines)


@cm.kind("azurite-debug-log", "log")
def n_azurite(lines):
    """Rules 1+5: the line naming the address a service listens on, every line at level error, the lines carrying a storage error code or a 4xx/5xx response status one {any} per (error code or status, handler); EXIT=N."""
    out = [ln for ln in lines if re.search(r"listening at|successfully listening", ln)]
    out += [ln for ln in lines if re.search(r"\berror:", ln)]
    bad = []
    for ln in lines:
        m = re.search(r"ErrorCode[=:]\s*\"?(\w+)|StorageError.*?\b([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b|"
                      r"[Ss]tatus(?:[Cc]ode)?[=:]\s*\"?([45]\d\d)\b", ln)
        if m:
            h = re.search(r"\b(\w+Handler|\w+Middleware)\b", ln)
            bad.append(((m.group(1) or m.group(2) or m.group(3), h.group(1) if h else ""), ln))
    return out + cm.groups(bad) + exit_lines(lines)


@cm.kind("azure-sdk-traceback", "log")
def n_sdk(lines):
    """Rule 1: each traceback's exception line, the ErrorCode line under it, the innermost File line of the script (not under site-packages) and the last File line; every line the script prints with ERROR / FAILED; its closing summary line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback (most recent call last)"):
            files, j = [], i + 1
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                if lines[j].lstrip().startswith('File "'):
                    files.append(lines[j])
                j += 1
            own = [f for f in files if "site-packages" not in f]
            out += own[-1:] + files[-1:]
            if j < len(lines):
                out.append(lines[j])
                ec = cm.next_match(lines, j, r"^ErrorCode:", 8)
                if ec:
                    out.append(ec)
        elif re.search(r"\b(ERROR|FAILED)\b", ln) or re.match(r"^(summary|done|total)\b", ln, re.I):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the harbor office's storage, seeded

KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="  # Azurite's public dev key
WRONG_KEY = "bm90LXRoZS1yaWdodC1rZXktZm9yLWRldnN0b3JlYWNjb3VudDEtcm91bmQtMTY3LWhhcmJvcg=="

SEED_PY = r'''
import json, os, random, time
from azure.storage.blob import BlobServiceClient, ContentSettings, PublicAccess
from azure.storage.queue import QueueServiceClient
from azure.data.tables import TableServiceClient
cs = os.environ["AZURE_STORAGE_CONNECTION_STRING"]
rnd = random.Random(167)
bs = BlobServiceClient.from_connection_string(cs)
kinds = [("manifests", "json", "application/json"), ("photos", "jpg", "image/jpeg"), ("logs", "log", "text/plain"),
         ("invoices", "pdf", "application/pdf")]
ports = ["rotterdam", "hamburg", "antwerp", "felixstowe", "gdansk", "valencia"]
assets = bs.create_container("assets", metadata={"owner": "harbor-ops"})
names = []
for i in range(1000):
    d, ext, ct = kinds[0] if i % 5 else kinds[1 + i % 3]
    if i in (311, 777):
        ct = "text/csv"
    size = rnd.choice([rnd.randint(120, 2400), rnd.randint(3000, 40000)])
    if i == 512:
        size = 1_800_000
    if i == 90:
        size = 0
    name = f"{d}/{ports[i % 6]}/{2024 + i % 2}/{i:04d}.{ext}"
    assets.upload_blob(name, b"h" * size, content_settings=ContentSettings(content_type=ct),
                       metadata={"port": ports[i % 6]} if i % 7 == 0 else None)
    names.append(name)
    if i in (333, 666):
        time.sleep(1.1)
assets.get_blob_client(names[40]).set_standard_blob_tier("Cool")
assets.get_blob_client(names[41]).set_standard_blob_tier("Cool")
assets.get_blob_client(names[600]).set_standard_blob_tier("Archive")
assets.get_blob_client(names[123]).acquire_lease(lease_duration=-1)
assets.get_blob_client("journal/append-0001.log").create_append_blob()
assets.get_blob_client("disks/vm-harbor-01.vhd").create_page_blob(size=1024 * 1024)
time.sleep(1.1)
assets.upload_blob("manifests/rotterdam/2025/latest.json", b'{"latest": true}',
                   content_settings=ContentSettings(content_type="application/json"))
arch = bs.create_container("archive")
for i in range(240):
    arch.upload_blob(f"2023/q{1 + i % 4}/ledger-{i:03d}.csv", b"l" * rnd.randint(500, 9000),
                     content_settings=ContentSettings(content_type="text/csv"))
for n in ("site", "backups-2024", "tmp-upload", "reports", "customs-docs", "crane-telemetry", "berth-plans",
          "dead-letters", "exports", "legacy-ftp"):
    c = bs.create_container(n, public_access=PublicAccess.Container if n == "site" else
                            PublicAccess.Blob if n == "exports" else None)
    for j in range(3):
        c.upload_blob(f"readme-{j}.txt", b"r" * 40)
bs.get_container_client("legacy-ftp").acquire_lease(lease_duration=-1)

qs = QueueServiceClient.from_connection_string(cs)
jobs = qs.create_queue("crane-jobs")
for i in range(32):
    body = {"move": i, "crane": rnd.randint(1, 9), "box": f"MSKU{rnd.randint(1000000, 9999999)}"}
    if i in (7, 19):
        body = {"move": i, "error": "poison: box weight missing", "retry": 5}
    jobs.send_message(json.dumps(body))
for _ in range(2):
    jobs.receive_messages(messages_per_page=5, visibility_timeout=1)
    list(jobs.receive_messages(messages_per_page=5, max_messages=5, visibility_timeout=1))
    time.sleep(1.5)
qs.create_queue("crane-jobs-poison")
qs.create_queue("gate-events")

ts = TableServiceClient.from_connection_string(cs)
tbl = ts.create_table("shipments")
for i in range(300):
    st = "ARRIVED" if i not in (17, 205) else ("HELD" if i == 17 else "LOST")
    tbl.create_entity({"PartitionKey": ports[i % 6], "RowKey": f"shp-{i:04d}", "status": st,
                       "teu": rnd.randint(1, 40) if i != 250 else 400, "carrier": "hapag" if i == 150 else
                       rnd.choice(["maersk", "cosco", "msc"]), "berth": f"B{rnd.randint(1, 3)}"})
print("seeded")
'''

SDK_DOWNLOAD = r'''
import os
from azure.storage.blob import BlobServiceClient
bs = BlobServiceClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"])
c = bs.get_container_client("assets")
wanted = [f"manifests/{p}/2024/{i:04d}.json" for p, i in [("rotterdam", 6), ("hamburg", 1), ("antwerp", 2),
          ("felixstowe", 3), ("gdansk", 4), ("valencia", 11)]]
wanted.insert(4, "manifests/gdansk/2024/9999.json")
total = 0
for name in wanted:
    data = c.download_blob(name).readall()
    total += len(data)
    print(f"fetched {name} ({len(data)} bytes)")
print(f"summary: {len(wanted)} manifests, {total} bytes")
'''

SDK_QUEUE = r'''
import json, os
from azure.storage.queue import QueueClient
q = QueueClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"], "crane-jobs")
done = failed = 0
for msg in q.receive_messages(messages_per_page=32, max_messages=32, visibility_timeout=30):
    body = json.loads(msg.content)
    if "error" in body:
        failed += 1
        print(f"ERROR move {body['move']}: {body['error']} (dequeued {msg.dequeue_count}x)")
        continue
    print(f"moved box {body['box']} with crane {body['crane']}")
    q.delete_message(msg.id, "AgAAAAMAAAAAAAAA-not-the-receipt")
    done += 1
print(f"summary: {done} moved, {failed} FAILED")
'''

SDK_TABLE = r'''
import os
from azure.data.tables import TableClient
t = TableClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"], "shipments")
held = list(t.query_entities("status eq 'HELD' or status eq 'LOST'"))
for e in held:
    print(f"{e['RowKey']} {e['PartitionKey']} {e['status']} teu={e['teu']}")
for i in (301, 302, 17):
    t.create_entity({"PartitionKey": "rotterdam" if i != 17 else "gdansk", "RowKey": f"shp-{i:04d}", "status": "NEW"})
    print(f"created shp-{i:04d}")
print("summary: done")
'''

SDK_FILTER = r'''
import os
from azure.data.tables import TableClient
t = TableClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"], "shipments")
n = 0
for e in t.query_entities("teu gt 35"):
    n += 1
    print(f"big {e['RowKey']} teu={e['teu']} carrier={e['carrier']}")
print(f"total big shipments: {n}")
for e in t.query_entities("status eq HELD and"):
    print(e)
'''

SDK_AUTH = r'''
import os, sys
from azure.storage.blob import BlobServiceClient
url = os.environ["BLOB_URL"]
bs = BlobServiceClient(url, credential={"account_name": "devstoreaccount1", "account_key": sys.argv[1]})
print("listing containers as devstoreaccount1 with the key from vault ...")
for c in bs.list_containers():
    print(c.name)
'''

SDK_LEASE = r'''
import os
from azure.storage.blob import BlobServiceClient
bs = BlobServiceClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"])
for name in ("tmp-upload", "reports", "legacy-ftp"):
    print(f"deleting container {name}")
    bs.delete_container(name) if name != "legacy-ftp" else bs.get_container_client(name).delete_container()
print("summary: 3 containers deleted")
'''


def az_steps(tmp: Path) -> None:
    d = tmp / "harbor"
    d.mkdir()
    bport, qport, tport = free_port(), free_port(), free_port()
    blob_url = f"http://127.0.0.1:{bport}/devstoreaccount1"
    cs = (f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={KEY};BlobEndpoint={blob_url};"
          f"QueueEndpoint=http://127.0.0.1:{qport}/devstoreaccount1;"
          f"TableEndpoint=http://127.0.0.1:{tport}/devstoreaccount1;")
    env = {"AZURE_STORAGE_CONNECTION_STRING": cs, "AZURE_CONFIG_DIR": str(d / ".azure"),
           "AZURE_CORE_COLLECT_TELEMETRY": "false", "AZURE_CORE_NO_COLOR": "true", "AZURE_CORE_SURVEY_MESSAGE": "false",
           "BLOB_URL": blob_url}
    for k, v in env.items():
        cm.BASE_ENV[k] = v
    log = open(d / "azurite.out", "wb")
    cm.start([str(JS / "node_modules" / ".bin" / "azurite"), "--location", str(d / "data"), "--debug",
              str(d / "debug.log"), "--blobHost", "127.0.0.1", "--blobPort", str(bport), "--queueHost", "127.0.0.1",
              "--queuePort", str(qport), "--tableHost", "127.0.0.1", "--tablePort", str(tport),
              "--skipApiVersionCheck", "--disableProductStyleUrl"], cwd=d, log=log)
    for p in (bport, qport, tport):
        wait_port(p, 60)
    py = VENV / "bin" / "python"
    cm.write_tree(d, {"seed.py": SEED_PY, "fetch_manifests.py": SDK_DOWNLOAD, "work_cranes.py": SDK_QUEUE,
                      "book_shipments.py": SDK_TABLE, "big_shipments.py": SDK_FILTER, "list_with_key.py": SDK_AUTH,
                      "cleanup.py": SDK_LEASE})
    cm.note(run(f"{py} seed.py", cwd=d, timeout=900)[-600:])
    # a local tree to upload: manifests of a new week, one name clashing with a leased blob
    up = d / "outbox"
    for i in range(140):
        p = up / "manifests" / ["rotterdam", "hamburg", "antwerp"][i % 3] / "2026" / f"w48-{i:03d}.json"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text('{"box": "MSKU%07d", "teu": %d}\n' % (1000000 + i * 7919, 1 + i % 40))
    (up / "manifests" / "rotterdam" / "2026" / "w48-broken.json").symlink_to(up / "missing-target.json")
    sh = {"PATH": f"{VENV}/bin:/usr/bin:/bin"}

    q_blob = "--query \"[].[name, properties.contentLength, properties.blobTier, properties.contentSettings.contentType]\""
    # container listings
    cap("container-list-json", "az storage container list", d, n_container_list)
    cap("container-list-metadata-echo", "az storage container list --include-metadata --num-results 8; az storage "
        "container list --prefix harbour; echo EXIT=$?", d, n_container_list)
    cap("container-list-table", "az storage container list -o table", d, n_az_table)
    cap("container-list-tsv-echo", "az storage container list -o tsv; az storage container show -n berth-plan -o "
        "tsv; echo EXIT=$?", d, n_az_tsv)
    # blob listings
    cap("blob-list-json-60", "az storage blob list -c assets --num-results 60", d, n_blob_list)
    cap("blob-list-json-head", "az storage blob list -c assets --num-results 1000 2>&1 | head -n 1500", d, n_blob_list)
    cap("blob-list-json-prefix-echo", "az storage blob list -c assets --prefix photos/gdansk/ --num-results 20; az "
        "storage blob list -c asset --num-results 5; echo EXIT=$?", d, n_blob_list)
    cap("blob-list-json-marker", "az storage blob list -c archive --num-results 45 --show-next-marker", d, n_blob_list)
    cap("blob-list-json-include", "az storage blob list -c assets --prefix disks/ --include mcsv; az storage blob list "
        "-c assets --prefix journal/; az storage blob list -c assets --prefix manifests/valencia/2025/ --num-results 30",
        d, n_blob_list)
    cap("blob-list-table-800", "az storage blob list -c assets --num-results 800 -o table", d, n_az_table)
    cap("blob-list-table-grep-head", "az storage blob list -c assets --num-results 1100 -o table 2>&1 | grep -v "
        "WARNING | head -n 100", d, n_az_table)
    cap("blob-list-table-archive", "az storage blob list -c archive --prefix 2023/q3/ -o table; echo EXIT=$?", d,
        n_az_table)
    cap("blob-list-tsv-800", f"az storage blob list -c assets --num-results 800 {q_blob} -o tsv", d, n_az_tsv)
    cap("blob-list-tsv-sort-tail", f"az storage blob list -c assets --num-results 2000 {q_blob} -o tsv | sort -k2 -n "
        "| tail -n 60", d, n_az_tsv)
    cap("blob-list-tsv-grep", "az storage blob list -c assets --num-results 2000 --query \"[].[name, "
        "properties.lastModified, properties.contentLength, properties.lease.state]\" -o tsv | grep -v '^manifests/' ; "
        "echo EXIT=$?", d, n_az_tsv)
    # JMESPath projections
    cap("query-json-objects-800", "az storage blob list -c assets --num-results 800 --query \"[].{name: name, size: "
        "properties.contentLength, tier: properties.blobTier, type: properties.contentSettings.contentType}\"", d,
        n_query_json)
    cap("query-json-arrays-head", "az storage blob list -c assets --num-results 1000 --query \"[?starts_with(name, "
        "'photos/')].[name, properties.contentLength, properties.lastModified]\" | head -n 600", d, n_query_json)
    cap("query-json-filter-echo", "az storage blob list -c assets --num-results 2000 --query \"[?properties."
        "contentLength > \\`100000\\`].name\"; az storage blob list -c assets --num-results 2000 --query \"length(@)\"; "
        "az storage blob list -c assets --num-results 2000 --query \"[?properties.blobTier != 'Hot'].[name, "
        "properties.blobTier]\"; echo EXIT=$?", d, n_query_json)
    cap("query-json-bad-echo", "az storage blob list -c archive --num-results 300 --query \"[].{n: name, s: "
        "properties.contentLength, m: properties.lastModified}\"; az storage blob list -c archive --query "
        "\"[?properties.contentLength > 100].name\"; az storage blob list -c archive --query \"[].name | sort(@\"; "
        "echo EXIT=$?", d, n_query_json)
    # batches
    cap("upload-batch", "az storage blob upload-batch -d assets -s outbox --pattern 'manifests/*' ", d, n_batch)
    cap("upload-batch-again-echo", "az storage blob upload-batch -d assets -s outbox 2>&1 | tail -n 60; az storage "
        "blob upload-batch -d outbound -s outbox; echo EXIT=$?", d, n_batch)
    cap("upload-batch-dryrun", "az storage blob upload-batch -d archive -s outbox --destination-path 2026/w48 "
        "--dryrun", d, n_batch)
    (d / "restore" / "photos").mkdir(parents=True)
    (d / "restore" / "photos" / "gdansk").write_text("a file where a folder is wanted\n")
    cap("download-batch-echo", "az storage blob download-batch -d restore -s assets --pattern 'photos/*' ; echo "
        "EXIT=$?", d, n_batch)
    cap("download-batch-logs-grep", "az storage blob download-batch -d restore -s assets --pattern 'logs/hamburg/*' "
        "2>&1 | grep -v WARNING; az storage blob download-batch -d restore -s legacy --pattern '*'; echo EXIT=$?", d,
        n_batch)
    # queues
    cap("queue-peek-32", "az storage message peek -q crane-jobs --num-messages 32", d, n_queue)
    cap("queue-get-echo", "az storage message get -q crane-jobs --num-messages 20 --visibility-timeout 1; az storage "
        "message peek -q crane-job; echo EXIT=$?", d, n_queue)
    time.sleep(2)
    cap("queue-peek-table", "az storage message peek -q crane-jobs --num-messages 32 -o table", d, n_queue)
    cap("queue-list-table-echo", "az storage queue list -o table --include-metadata; az storage queue stats 2>&1 | "
        "head -n 5; echo EXIT=$?", d, n_az_table)
    # table entities
    cap("entity-query-json", "az storage entity query -t shipments --num-results 120", d, n_entities)
    cap("entity-query-filter-echo", "az storage entity query -t shipments --filter \"PartitionKey eq 'gdansk'\" "
        "--select RowKey status teu carrier; az storage entity query -t shipment --num-results 3; echo EXIT=$?", d,
        n_entities)
    cap("entity-query-table", "az storage entity query -t shipments --num-results 300 --select status teu carrier "
        "berth -o table", d, n_az_table)
    # SAS tokens and denied access
    cap("sas-expired-curl", "SAS=$(az storage container generate-sas -n assets --permissions rl --expiry "
        "2024-01-01T00:00Z -o tsv); echo \"$SAS\"; curl -s -i \"$BLOB_URL/assets?restype=container&comp=list&$SAS\" "
        "; echo; echo EXIT=$?", d, n_sas)
    cap("sas-readonly-put", "SAS=$(az storage blob generate-sas -c assets -n manifests/rotterdam/2025/latest.json "
        "--permissions r --expiry 2030-01-01T00:00Z -o tsv); echo \"$SAS\"; curl -s -i "
        "\"$BLOB_URL/assets/manifests/rotterdam/2025/latest.json?$SAS\" | head -n 12; echo; curl -s -i -X PUT -H "
        "'x-ms-blob-type: BlockBlob' --data-binary '{}' \"$BLOB_URL/assets/manifests/rotterdam/2025/latest.json?$SAS\"; "
        "echo; echo EXIT=$?", d, n_sas)
    cap("sas-wrong-key-echo", f"az storage container generate-sas -n archive --permissions rl --expiry "
        f"2030-01-01T00:00Z --account-name devstoreaccount1 --account-key {WRONG_KEY} -o json; "
        f"SAS=$(az storage container generate-sas -n archive --permissions rl --expiry 2030-01-01T00:00Z "
        f"--account-name devstoreaccount1 --account-key {WRONG_KEY} -o tsv); curl -s -i "
        "\"$BLOB_URL/archive?restype=container&comp=list&$SAS\"; echo; az storage blob list -c archive "
        f"--account-name devstoreaccount1 --account-key {WRONG_KEY} --blob-endpoint $BLOB_URL "
        "--num-results 3; echo EXIT=$?", d, n_sas, env={"AZURE_STORAGE_CONNECTION_STRING": None})
    # --debug
    cap("debug-blob-show-tail", "az storage blob show -c assets -n manifests/rotterdam/2026/missing.json --debug "
        "2>&1 | tail -n 120", d, n_az_debug)
    cap("debug-container-create", "az storage container create -n assets --fail-on-exist --debug", d, n_az_debug)
    dead = cs.replace(f":{bport}/", f":{free_port()}/")
    cap("debug-retries-grep", "az storage blob list -c assets --num-results 5 --debug 2>&1 | grep -E "
        "'retr|Request URL|Response status|ERROR|Command arguments|Connection'", d, n_az_debug,
        env={"AZURE_STORAGE_CONNECTION_STRING": dead}, timeout=300)
    # SDK scripts whose calls fail
    for item, cmd in [("sdk-download-missing", "python fetch_manifests.py"),
                      ("sdk-queue-delete-echo", "python work_cranes.py; echo EXIT=$?"),
                      ("sdk-table-exists-tail", "python book_shipments.py 2>&1 | tail -n 40"),
                      ("sdk-table-bad-filter", "python big_shipments.py"),
                      ("sdk-auth-wrong-key-echo", f"python list_with_key.py {WRONG_KEY}; echo EXIT=$?"),
                      ("sdk-lease-delete", "python cleanup.py")]:
        cap(item, cmd, d, n_sdk, env=sh)
    # Azurite's own debug log
    time.sleep(1)
    cap("azurite-debug-tail", "tail -n 250 debug.log", d, n_azurite)
    cap("azurite-debug-grep-error", "grep -E 'StatusCode=[45]|error:' debug.log | head -n 200; echo EXIT=$?", d,
        n_azurite)
    cap("azurite-debug-grep-table", "grep -n 'Table' debug.log | grep -iE 'error|exist|fail' | tail -n 120", d,
        n_azurite)


STEPS = [az_steps]
