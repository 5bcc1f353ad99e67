"""Fidelity rules of issue #11's thirty-second pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json
import random

from headroom_mitm.compress import CompressionSettings
from headroom_mitm.compress.structured import json_outline
from tests.compress.support import corpus_text, lossy, sent


def test_git_grep_over_revisions_names_each_file_it_found() -> None:
    # `git grep … $(git rev-list --all)` (git-secrets' --scan-history) puts the commit before the
    # path: read as a table, 29 of 44 files with a planted key went unnamed.
    rng = random.Random(32)
    revs = [f"{rng.getrandbits(160):040x}" for _ in range(6)]
    paths = [f"salters/pan-{k:02d}/config_{k}.py" for k in range(60)]
    lines = []
    for rev in revs:
        for path in paths:
            for at in sorted(rng.sample(range(5, 90), 2)):
                lines.append(f'{rev}:{path}:{at}:AWS_ACCESS_KEY_ID = "AKIA{rng.getrandbits(64):016X}"')
    lines += ["", "[ERROR] Matched one or more prohibited patterns"]
    kept = lossy("\n".join(lines) + "\n")
    assert [p for p in paths if f":{p}:" not in kept] == []
    assert "[ERROR] Matched one or more prohibited patterns" in kept


def _certificate(serial: int, cn: str) -> list[str]:
    rng = random.Random(serial)
    hexdump = [":".join(f"{rng.getrandbits(8):02x}" for _ in range(15)) + ":" for _ in range(5)]
    return [
        "Certificate:", "    Data:", "        Version: 3 (0x2)", f"        Serial Number: {serial} ({serial:#x})",
        "        Issuer: C=GB, O=Saltworks, CN=Saltworks Pans Intermediate", "        Validity",
        "            Not Before: Dec  3 12:13:14 2026 GMT", "            Not After : Dec  3 12:13:14 2027 GMT",
        f"        Subject: C=GB, O=Saltworks, CN={cn}", "        Subject Public Key Info:", "                pub:",
        *("                    " + h for h in hexdump), "    Signature Value:", *("        " + h for h in hexdump), "",
    ]


def test_records_that_open_alike_are_named_by_their_own_fields() -> None:
    # `openssl pkcs7 -print_certs -text`: every record opens "Certificate:", which names none; its
    # Subject, a value of its own, does (21 of 56 subjects were cut).
    names = [f"boiling-pan-{k}.saltworks.test" for k in range(30)] + ["Saltworks Pans Intermediate", "Saltworks Root CA"]
    text = "\n".join(line for k, cn in enumerate(names) for line in _certificate(4096 + k, cn))
    kept = lossy(text)
    assert [cn for cn in names if f"CN={cn}" not in kept] == []


def test_the_usual_value_stays_beside_the_anomalies() -> None:
    # An OCSP response of 120 certificates, a few revoked (the first and the last among them): the
    # revoked ones stay, and so does one "good", or the model cannot tell what the others are.
    blocks = ["OCSP Response Data:", "    OCSP Response Status: successful (0x0)", "    Responses:"]
    for k in range(120):
        status = "revoked" if k % 24 == 0 or k < 4 or k >= 116 else "good"
        blocks += ["    Certificate ID:", "      Hash Algorithm: sha1",
                   f"      Issuer Name Hash: {random.Random(k).getrandbits(160):040X}",
                   f"      Issuer Key Hash: {random.Random(-k).getrandbits(160):040X}",
                   f"      Serial Number: {0x1000 + k:X}", f"    Cert Status: {status}"]
        if status == "revoked":
            blocks += ["    Revocation Time: Dec  3 12:13:15 2026 GMT", "    Revocation Reason: keyCompromise (0x1)"]
        blocks += ["    This Update: Dec  3 12:13:16 2026 GMT", "    Next Update: Dec  8 12:13:16 2026 GMT", ""]
    kept = lossy("\n".join(blocks))
    assert kept.count("Cert Status: revoked") == 12
    assert "Cert Status: good" in kept


def test_a_listing_with_each_rows_time_is_no_count_list() -> None:
    # `jar tvf`: "   543 Thu Dec 03 12:16:42 UTC 2026 bell/x.class" opens with a number like `wc -l`,
    # but the rows are a table: the two entries stamped years apart are anomalies and stay.
    rows = ["     0 Thu Dec 03 12:16:42 UTC 2026 META-INF/", "    88 Thu Dec 03 12:16:42 UTC 2026 META-INF/MANIFEST.MF"]
    for d in ("clappers", "crowns", "founders", "furnace", "ledger", "tuning"):
        rows.append(f"     0 Thu Dec 03 12:16:42 UTC 2026 bell/{d}/")
        rows += [f"   {543 + k % 3 * 76} Thu Dec 03 12:16:42 UTC 2026 bell/{d}/{d.title()}{k:02d}.class" for k in range(24)]
        stamp = "Thu Mar 14 09:26:52 UTC 2019" if d in ("ledger", "tuning") else "Thu Dec 03 12:16:42 UTC 2026"
        rows.append(f"    23 {stamp} bell/{d}/bells.properties")
    kept = sent("\n".join(rows) + "\n")
    assert "23 Thu Mar 14 09:26:52 UTC 2019 bell/ledger/bells.properties" in kept
    assert "23 Thu Mar 14 09:26:52 UTC 2019 bell/tuning/bells.properties" in kept


def test_a_json_outlines_notes_give_the_id_once() -> None:
    records = [{"id": k, "berth": f"B{k:03d}", "dues": k * 7 % 90, "pilot": "Ames" if k % 50 else "Crane"} for k in range(900)]
    text = json.dumps({"moorings": records, "ships": records[:400]}, indent=2)
    res = json_outline(text, CompressionSettings())
    assert res is not None
    notes = res.text.count(" elided (")
    assert notes >= 2 and res.text.count(f"id={res.rid}") == 1
    assert res.text.count("headroom_retrieve") == notes and res.text.count(", id as above") == notes - 1


def test_opaque_encodings_are_the_first_lines_to_go() -> None:
    # `openssl ocsp -resp_text` prints the responder's certificate as PEM among its verdicts: each
    # base64 line is unique, so a log's ranking lifted it as a one-off line over the verdicts.
    rng = random.Random(5)
    pem = ["-----BEGIN CERTIFICATE-----", *(f"{rng.getrandbits(384):096x}"[:64] for _ in range(30)), "-----END CERTIFICATE-----"]
    lines = ["OCSP Response Data:", "    OCSP Response Status: successful (0x0)"]
    verdicts = []
    for k in range(60):
        lines += pem if k % 12 == 0 else []
        verdicts.append(f"newcerts/{0x1A00 + k:X}.pem: {'revoked' if k % 7 == 3 else 'good'}")
        lines += [verdicts[-1], "\tThis Update: Dec  3 12:20:58 2026 GMT", "\tNext Update: Dec  8 12:20:58 2026 GMT"]
        if k % 7 == 3:
            lines += ["\tReason: keyCompromise", "\tRevocation Time: Dec  3 12:20:58 2026 GMT"]
    kept = lossy("\n".join(lines) + "\n")
    assert sum(1 for x in kept.split("\n") if len(x) == 64 and x.isalnum()) <= len(pem) - 2  # one block at most
    assert sum(1 for v in verdicts if v in kept) >= 20


def test_a_finding_named_by_its_kind_over_an_arrow_is_a_finding() -> None:
    # ruff format --check (0.17): "unformatted: File would be reformatted" over "  --> x.py:1:1" and
    # the diff: each file's arrow says which file; as plain lines, 57 of 70 were cut.
    lines = []
    places = []
    for f in range(40):
        places.append(f"  --> tanyard/curriers/bark_{f:03d}.py:1:11")
        lines += ["unformatted: File would be reformatted", places[-1], "   |"]
        for k in range(12):
            lines += [f"{k + 4:<3}| def soak_{f}_{k}(hide, days):", f"   - class Curry{f}Pit{k} :", f"{k + 5:<3}+ class Curry{f}Pit{k}:"]
        lines.append("")
    lines.append("40 files would be reformatted")
    kept = lossy("\n".join(lines) + "\n")
    assert [p for p in places if p not in kept] == []


def test_a_file_named_over_a_rule_heads_its_findings() -> None:
    # biome's "src/a.js format ━━━━" heads each file's diagnostics: which file they are about.
    text = corpus_text("wide580", "wide580-biome-format-s")
    heads = [x for x in text.split("\n") if x.endswith("━" * 10) and " format " in x]
    assert len(heads) >= 6
    kept = lossy(text)
    assert [h for h in heads if h not in kept] == []


def test_a_gettext_catalog_is_a_file_and_is_not_cut() -> None:
    # `msgcat a.po b.po` prints a catalog: every message is the file's, and its "#: src/a.py:12"
    # references are no diagnostics' places (as lines of a log, two thirds of the messages went).
    rng = random.Random(593)
    verbs, things = ("Align", "Clamp", "Inspect", "Lower", "Report"), ("the brake", "the cabin", "the grip", "the pylon")
    out = ['msgid ""', 'msgstr ""', '"Project-Id-Version: ropeway 5.9.3\\n"', '"Language: de\\n"', ""]
    msgids = []
    for k in range(160):
        msgids.append(f'msgid "{rng.choice(verbs)} {rng.choice(things)} {k}"')
        out += [f"#: ropeway/cabins.py:{rng.randrange(10, 400)}", *(["#, fuzzy"] if k % 9 == 0 else []), msgids[-1],
                f'msgstr "[DE] {msgids[-1][7:-1]}"', ""]
    text = "\n".join(out)
    assert sent(text) == text


def test_a_gap_is_weighed_against_a_marker_that_gives_the_id() -> None:
    # Markers below the first are shorter, yet which gaps are left out is decided as before: a
    # line that costs fewer tokens than a full marker stays, though a short one would replace it.
    from headroom_mitm.compress.select import render

    def marker(a: int, b: int, n: int, again: bool) -> str:
        tail = "headroom_headroom_retrieve, id as above" if again else "headroom_headroom_retrieve id=hr_65b547fe014fe9e0"
        return f"[… lines {a}–{b} elided; {tail} …]"

    middling = "ok  example.com/depot/ledger/rates  0.012s  coverage: 81.2% of statements"
    lines = ["keep", *(f"--- PASS: TestRate/case_{k} (0.00s)" for k in range(8)), "keep", middling, "keep"]
    out, elided = render(lines, bytearray([1] + [0] * 8 + [1, 0, 1]), marker)
    assert elided and out.split("\n") == ["keep", marker(2, 9, 8, False), "keep", middling, "keep"]
