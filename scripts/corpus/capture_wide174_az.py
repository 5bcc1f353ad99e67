"""Round 174, round 167's kinds again: `meadowscan`, a crop-survey office's storage in Azurite (the storage emulator
from npm, on three free loopback ports, development account only), filled by a seeded SDK script of its own: a
scans container of 900 blobs (tiles, thumbnails, reports, flight logs; a few of a rare type, tier or lease), a
telemetry archive, containers with public access or a lease, a queue of tile jobs with poison messages received more
than once, a table of field records with anomalies; read with the Azure CLI (json, table, tsv, `--query`), batches
with failures, SAS tokens used with curl, `--debug` runs, SDK scripts of the office whose calls fail, and Azurite's
own debug log. Needles from round 167's extractors, imported. Run through capture_wide174.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide174 import AZ_VENV, JS, cap
from capture_wide167_az import (KEY, n_az_debug, n_az_table, n_az_tsv, n_azurite, n_batch, n_blob_list,
                                n_container_list, n_entities, n_query_json, n_queue, n_sas, n_sdk)

WRONG_KEY = "c3RpbGwtbm90LXRoZS1rZXktb2YtZGV2c3RvcmVhY2NvdW50MS1yb3VuZC0xNzQtbWVhZG93c2Nhbg=="

SEED_PY = r'''
import json, os, random, time
from azure.storage.blob import BlobServiceClient, ContentSettings, PublicAccess
from azure.storage.queue import QueueServiceClient
from azure.data.tables import TableServiceClient
cs = os.environ["AZURE_STORAGE_CONNECTION_STRING"]
rnd = random.Random(174)
bs = BlobServiceClient.from_connection_string(cs)
kinds = [("tiles", "tif", "image/tiff"), ("thumbs", "png", "image/png"), ("reports", "html", "text/html"),
         ("flightlogs", "csv", "text/csv")]
farms = ["ashby", "brompton", "carlton", "dunholme", "elsham", "fulstow", "goxhill"]
scans = bs.create_container("scans", metadata={"owner": "survey-ops"})
names = []
for i in range(900):
    d, ext, ct = kinds[0] if i % 4 else kinds[1 + i % 3]
    if i in (222, 845):
        ct = "application/octet-stream"
    size = rnd.choice([rnd.randint(200, 3000), rnd.randint(4000, 60000)])
    if i == 404:
        size = 2_400_000
    if i == 77:
        size = 0
    name = f"{d}/{farms[i % 7]}/2026-{1 + i % 9:02d}/{i:04d}.{ext}"
    scans.upload_blob(name, b"m" * size, content_settings=ContentSettings(content_type=ct),
                      metadata={"farm": farms[i % 7]} if i % 9 == 0 else None)
    names.append(name)
    if i in (300, 600):
        time.sleep(1.1)
scans.get_blob_client(names[58]).set_standard_blob_tier("Cool")
scans.get_blob_client(names[502]).set_standard_blob_tier("Archive")
scans.get_blob_client(names[190]).acquire_lease(lease_duration=-1)
scans.get_blob_client("audit/append-2026.log").create_append_blob()
time.sleep(1.1)
scans.upload_blob("reports/ashby/2026-11/latest.html", b"<h1>latest</h1>",
                  content_settings=ContentSettings(content_type="text/html"))
tel = bs.create_container("telemetry")
for i in range(200):
    tel.upload_blob(f"2025/m{1 + i % 12:02d}/drone-{i % 5}-{i:03d}.jsonl", b"t" * rnd.randint(800, 12000),
                    content_settings=ContentSettings(content_type="application/x-ndjson"))
for n in ("public-maps", "staging", "invoices", "soil-samples", "model-weights", "share-agronomist", "quarantine",
          "old-ndvi"):
    c = bs.create_container(n, public_access=PublicAccess.Container if n == "public-maps" else
                            PublicAccess.Blob if n == "share-agronomist" else None)
    for j in range(2):
        c.upload_blob(f"about-{j}.md", b"a" * 64)
bs.get_container_client("old-ndvi").acquire_lease(lease_duration=-1)

qs = QueueServiceClient.from_connection_string(cs)
jobs = qs.create_queue("tile-jobs")
for i in range(28):
    body = {"job": i, "farm": rnd.choice(farms), "tile": f"T{rnd.randint(100, 999)}-{rnd.randint(10, 99)}"}
    if i in (4, 21):
        body = {"job": i, "error": "poison: GeoTIFF header unreadable", "retry": 6}
    jobs.send_message(json.dumps(body))
for _ in range(2):
    list(jobs.receive_messages(messages_per_page=4, max_messages=4, visibility_timeout=1))
    time.sleep(1.5)
qs.create_queue("tile-jobs-poison")

ts = TableServiceClient.from_connection_string(cs)
tbl = ts.create_table("fields")
for i in range(240):
    crop = "wheat" if i not in (33, 170) else ("hemp" if i == 33 else "lavender")
    tbl.create_entity({"PartitionKey": farms[i % 7], "RowKey": f"fld-{i:04d}", "crop": crop,
                       "hectares": round(rnd.uniform(2, 60), 1) if i != 99 else 910.0,
                       "soil": "clay" if i == 120 else rnd.choice(["loam", "silt"]), "drone": f"D{rnd.randint(1, 4)}"})
print("seeded")
'''

SDK_FETCH = r'''
import os
from azure.storage.blob import BlobServiceClient
bs = BlobServiceClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"])
c = bs.get_container_client("scans")
wanted = [f"tiles/{f}/2026-{m:02d}/{i:04d}.tif" for f, m, i in [("ashby", 2, 1), ("brompton", 3, 2), ("carlton", 4, 3),
          ("dunholme", 5, 5), ("elsham", 6, 6)]]
wanted.insert(3, "tiles/carlton/2026-04/0999.tif")
total = 0
for name in wanted:
    data = c.download_blob(name).readall()
    total += len(data)
    print(f"fetched {name} ({len(data)} bytes)")
print(f"summary: {len(wanted)} tiles, {total} bytes")
'''

SDK_QUEUE = r'''
import json, os
from azure.storage.queue import QueueClient
q = QueueClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"], "tile-jobs")
done = failed = 0
for msg in q.receive_messages(messages_per_page=32, max_messages=32, visibility_timeout=30):
    body = json.loads(msg.content)
    if "error" in body:
        failed += 1
        print(f"ERROR job {body['job']}: {body['error']} (dequeued {msg.dequeue_count}x)")
        continue
    print(f"stitched tile {body['tile']} for {body['farm']}")
    q.update_message(msg.id, "not-a-pop-receipt-174", content="done")
    done += 1
print(f"summary: {done} stitched, {failed} FAILED")
'''

SDK_TABLE = r'''
import os
from azure.data.tables import TableClient, UpdateMode
t = TableClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"], "fields")
odd = list(t.query_entities("crop ne 'wheat' or hectares gt 500"))
for e in odd:
    print(f"{e['RowKey']} {e['PartitionKey']} {e['crop']} {e['hectares']} ha")
t.update_entity({"PartitionKey": "ashby", "RowKey": "fld-0001", "crop": "barley"}, mode=UpdateMode.MERGE)
print("updated fld-0001")
t.update_entity({"PartitionKey": "ashby", "RowKey": "fld-9999", "crop": "barley"}, mode=UpdateMode.MERGE)
print("summary: done")
'''

SDK_SAS = r'''
import os
from datetime import datetime, timedelta, timezone
from azure.storage.blob import BlobClient, generate_blob_sas, BlobSasPermissions
url = os.environ["BLOB_URL"]
key = os.environ["DEV_KEY"]
sas = generate_blob_sas("devstoreaccount1", "scans", "reports/ashby/2026-11/latest.html", account_key=key,
                        permission=BlobSasPermissions(read=True), expiry=datetime.now(timezone.utc) + timedelta(hours=1))
b = BlobClient.from_blob_url(f"{url}/scans/reports/ashby/2026-11/latest.html?{sas}")
print("read", len(b.download_blob().readall()), "bytes with a read-only SAS")
print("overwriting the report with the same SAS ...")
b.upload_blob(b"<h1>edited</h1>", overwrite=True)
print("summary: report replaced")
'''


def az_steps(tmp: Path) -> None:
    d = tmp / "meadowscan"
    d.mkdir(parents=True)
    bport, qport, tport = free_port(), free_port(), free_port()
    blob_url = f"http://127.0.0.1:{bport}/devstoreaccount1"
    cs = (f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={KEY};BlobEndpoint={blob_url};"
          f"QueueEndpoint=http://127.0.0.1:{qport}/devstoreaccount1;"
          f"TableEndpoint=http://127.0.0.1:{tport}/devstoreaccount1;")
    env = {"AZURE_STORAGE_CONNECTION_STRING": cs, "AZURE_CONFIG_DIR": str(d / ".azure"),
           "AZURE_CORE_COLLECT_TELEMETRY": "false", "AZURE_CORE_NO_COLOR": "true", "AZURE_CORE_SURVEY_MESSAGE": "false",
           "BLOB_URL": blob_url, "DEV_KEY": KEY}
    for k, v in env.items():
        cm.BASE_ENV[k] = v
    log = open(d / "azurite.out", "wb")
    cm.start([str(JS / "node_modules" / ".bin" / "azurite"), "--location", str(d / "data"), "--debug",
              str(d / "debug.log"), "--blobHost", "127.0.0.1", "--blobPort", str(bport), "--queueHost", "127.0.0.1",
              "--queuePort", str(qport), "--tableHost", "127.0.0.1", "--tablePort", str(tport),
              "--skipApiVersionCheck", "--disableProductStyleUrl"], cwd=d, log=log)
    for p in (bport, qport, tport):
        wait_port(p, 60)
    py = AZ_VENV / "bin" / "python"
    cm.write_tree(d, {"seed.py": SEED_PY, "fetch_tiles.py": SDK_FETCH, "stitch_tiles.py": SDK_QUEUE,
                      "fix_fields.py": SDK_TABLE, "edit_report.py": SDK_SAS})
    cm.note(run(f"{py} seed.py", cwd=d, timeout=900)[-600:])
    up = d / "field-drop"
    for i in range(110):
        p = up / "tiles" / ["goxhill", "elsham"][i % 2] / "2026-12" / f"drop-{i:03d}.tif"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"II*\x00" + bytes([i % 256]) * (200 + 37 * i))
    (up / "tiles" / "goxhill" / "2026-12" / "drop-unreadable.tif").symlink_to(up / "card-ejected.tif")
    sh = {"PATH": f"{AZ_VENV}/bin:/usr/bin:/bin"}

    cap("container-list-json-echo", "az storage container list --include-metadata; echo EXIT=$?", d, n_container_list)
    cap("blob-list-json-30", "az storage blob list -c scans --num-results 30", d, n_blob_list)
    cap("blob-list-json-marker-tail", "az storage blob list -c telemetry --num-results 70 --show-next-marker 2>&1 | "
        "tail -n 400", d, n_blob_list)
    cap("blob-list-table-600", "az storage blob list -c scans --num-results 600 -o table", d, n_az_table)
    cap("blob-list-table-grep-thumbs", "az storage blob list -c scans --num-results 1000 -o table 2>&1 | grep -vE "
        "'^tiles/|WARNING'", d, n_az_table)
    q_blob = ("--query \"[].[name, properties.contentLength, properties.blobTier, "
              "properties.contentSettings.contentType]\"")
    cap("blob-list-tsv-all", f"az storage blob list -c scans --num-results 1000 {q_blob} -o tsv | head -n 700", d, n_az_tsv)
    cap("blob-list-tsv-sort-echo", f"az storage blob list -c scans --num-results 1000 {q_blob} -o tsv | sort -k2 -n -r "
        "| head -n 50; echo EXIT=$?", d, n_az_tsv)
    cap("query-json-objects-500", "az storage blob list -c scans --num-results 500 --query \"[].{name: name, bytes: "
        "properties.contentLength, modified: properties.lastModified, lease: properties.lease.state}\"", d, n_query_json)
    cap("query-json-arrays-reports-echo", "az storage blob list -c scans --num-results 1000 --query \"[?starts_with(name, "
        "'reports/')].[name, properties.contentLength, properties.contentSettings.contentType]\"; az storage blob list "
        "-c scans --query \"[?properties.contentLength > \\`1000000\\`].name\"; echo EXIT=$?", d, n_query_json)
    # batches
    cap("upload-batch-tail", "az storage blob upload-batch -d scans -s field-drop 2>&1 | tail -n 80", d, n_batch)
    (d / "restore" / "thumbs").mkdir(parents=True)
    (d / "restore" / "thumbs" / "fulstow").write_text("a file where a folder is wanted\n")
    cap("download-batch-echo", "az storage blob download-batch -d restore -s scans --pattern 'thumbs/*'; az storage "
        "blob download-batch -d restore -s old-ndvi2 --pattern '*'; echo EXIT=$?", d, n_batch)
    # queues
    cap("queue-peek-28", "az storage message peek -q tile-jobs --num-messages 28", d, n_queue)
    time.sleep(1)
    cap("queue-peek-table-echo", "az storage message peek -q tile-jobs --num-messages 28 -o table; az storage message "
        "get -q tile-job; echo EXIT=$?", d, n_queue)
    # table entities
    cap("entity-query-json-head", "az storage entity query -t fields --num-results 150 | head -n 1200", d, n_entities)
    cap("entity-query-table", "az storage entity query -t fields --num-results 240 --query \"items[].{RowKey: RowKey, "
        "crop: crop, hectares: hectares, soil: soil, drone: drone}\" -o table", d, n_az_table)
    # SAS
    cap("sas-list-denied-echo", "SAS=$(az storage container generate-sas -n telemetry --permissions r --expiry "
        "2030-06-01T00:00Z -o tsv); echo \"$SAS\"; curl -s -i \"$BLOB_URL/telemetry?restype=container&comp=list&$SAS\"; "
        "echo; SAS2=$(az storage container generate-sas -n telemetry --permissions rl --expiry 2025-01-01T00:00Z -o "
        "tsv); echo \"$SAS2\"; curl -s -i \"$BLOB_URL/telemetry?restype=container&comp=list&$SAS2\"; echo; echo EXIT=$?",
        d, n_sas)
    # --debug
    cap("debug-queue-delete-tail", "az storage queue delete -n tile-jobs-archive --fail-not-exist --debug 2>&1 | tail "
        "-n 100; echo EXIT=$?", d, n_az_debug)
    # SDK scripts whose calls fail
    for item, cmd in [("sdk-fetch-missing", "python fetch_tiles.py"),
                      ("sdk-queue-update-echo", "python stitch_tiles.py; echo EXIT=$?"),
                      ("sdk-table-merge-tail", "python fix_fields.py 2>&1 | tail -n 40"),
                      ("sdk-sas-readonly-echo", "python edit_report.py; echo EXIT=$?")]:
        cap(item, cmd, d, n_sdk, env=sh)
    time.sleep(1)
    cap("azurite-debug-grep-error", "grep -E 'StatusCode=[45]|error:' debug.log | tail -n 180", d, n_azurite)


STEPS = [az_steps]
