"""Fidelity rules of issue #11's twenty-sixth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.lines import FAIL, severity
from tests.compress.support import corpus_text, sent

# Languages that inflect a word where English adds one: Finnish counts "76 vakavaa virhettä" (76
# fatal errors) and calls a bad value "virheellinen"; Hungarian "hibás", Turkish "hatası", Czech
# "chybí" (missing), Danish "fejlede" (failed), Romanian "erorile".
_INFLECTED = (
    "msgfmt: {k} vakavaa virhettä",
    "sort: virheellinen numero rivillä {k}",
    "tar: tiedoston purku epäonnistui: kerf{k}.tar",
    "rm: nem sikerült eltávolítani: saw{k}.log",
    "make: *** hibás cél: blade{k}",
    "sed: -e ifade #{k}, karakter 3: hatalı komut",
    "git: soubor log{k}.txt chybí",
    "tar: kommandoen fejlede med status {k}",
    "msgfmt: {k} erori fatale găsite",
)


def test_an_inflected_failure_word_is_a_failure() -> None:
    assert all(severity(shape.format(k=3)) == FAIL for shape in _INFLECTED)
    # A stem found inside another word is no failure: Toshiba is a maker's name.
    assert severity("Bus 001 Device 004: ID 0930:6545 Toshiba Corp. Kingston DataTraveler") is None


def test_a_translated_count_of_fatal_errors_keeps_the_located_lines_it_counts() -> None:
    # msgfmt -c under LANG=fi_FI: each "file.po:N:" line is a fatal error whatever its words; only the
    # closing count says so, in the user's language. Read as findings, all but one of a shape went.
    lines: list[str] = []
    for po, n in (("kerfline.po", 80), ("yard0.po", 6), ("yard1.po", 4), ("yard2.po", 5)):
        lines += [f"== {po}", f"{po}: varoitus: Merkistö puuttuu otsakkeessa.",
                  f"{po}:2: varoitus: otsakekenttä ’Last-Translator’ puuttuu otsakkeessa"]
        for k in range(n):
            shape = ("muotomäärittelyt eivät ole samat merkkijonossa ’msgid’ ja merkkijonossa ’msgstr’ argumentille 1"
                     if k % 3 else "muotomäärittelyiden määrä merkkijonossa ’msgid_plural’ ja merkkijonossa ’msgstr[1]’ ei täsmää")
            lines.append(f"{po}:{23 + 17 * k}: {shape}")
        lines += [f"msgfmt: {n} vakavaa virhettä", "422 käännettyä viestiä, 52 vajaata käännöstä.", "EXIT=1"]
    text = "\n".join(lines)
    kept = sent(text)
    assert [line for line in lines if line not in kept] == []


def test_each_stacks_caption_in_a_sanitizers_report_stays() -> None:
    # ThreadSanitizer's lock-order inversion: one stack per edge of the cycle, each under a caption
    # naming its mutexes and thread. The stacks name the same two places, so the frames say nothing
    # new after the first; the captions are the cycle the report is about.
    out = [f"vessel {k % 8} round {k * 50} docked at berths {k % 8}+{(k + 1) % 8}" for k in range(300)]
    report = ["==================", "WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid=8822)",
              "  Cycle in lock order graph: " + " => ".join(f"M{k}" for k in (*range(8), 0)), ""]
    captions = []
    for k in range(8):
        captions.append(f"  Mutex M{(k + 1) % 8} acquired here while holding mutex M{k} in thread T{k + 1}:")
        report += [captions[-1], "    #0 pthread_mutex_lock sanitizer_common_interceptors.inc:4324 (libtsan.so.2+0x558e1)",
                   "    #1 dock /srv/berths/berths.c:11 (berths8+0x12ba)", "    #2 vessel /srv/berths/berths.c:20 (berths8+0x12ba)", ""]
    report += ["SUMMARY: ThreadSanitizer: lock-order-inversion (potential deadlock) /srv/berths/berths.c:11 in dock",
               "==================", "ThreadSanitizer: reported 1 warnings"]
    text = "\n".join(out[:150] + report + out[150:])
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert [line for line in captions if line not in kept] == []


def test_a_long_history_listed_one_commit_a_line_stays_whole() -> None:
    # `git status; git log --oneline` on a repository of 480 commits: each line is a commit the
    # model may name (a list of 1,000 is still read whole; past that it is sampled).
    status = ["On branch main", "Your branch is ahead of 'origin/main' by 3 commits.",
              '  (use "git push" to publish your local commits)', "", "nothing to commit, working tree clean"]
    log = [f"{(0x9A3F11 * (k + 7)) % 0xFFFFFFF:07x} {('burr', 'seam', 'ladle', 'rivet')[k % 4]}: {('cut', 'fold', 'solder')[k % 3]} job {480 - k}"
           for k in range(480)]
    text = "\n".join(status + log) + "\n"
    kept = sent(text)
    assert [line for line in log if line not in kept] == []


def test_a_warning_said_word_for_word_is_told_apart_by_where_it_came_from() -> None:
    # node --trace-sync-io prints the same warning at every call; its stack's own frame says which
    # call it was. Each place of the program's own code stays once, as a native frame's does.
    for item in ("wide376-node-trace-sync-io-12", "wide376-node-trace-sync-io-30"):
        text = corpus_text("wide376", item)
        own = {line for line in text.split("\n") if line.startswith("    at ") and "batchhouse.js:" in line}
        kept = sent(text)
        assert len(own) >= 5 and len(kept) < len(text) / 2
        assert sorted(line for line in own if line not in kept) == []


def test_what_addresssanitizer_says_of_each_bad_address_stays() -> None:
    # A run that goes on after each report (halt_on_error=0): the reports share their frames and
    # shape, but each says where its own address lay ("0x6040000001a0 is located 16 bytes inside of
    # 40-byte region", "… <== Memory access at offset 92 overflows this variable").
    for item in ("wide376-asan-heap-use-after-free-300-48-9", "wide376-asan-stack-buffer-overflow-200-14-8"):
        text = corpus_text("wide376", item)
        told = [line for line in text.split("\n") if " is located " in line or "<== Memory access at offset" in line]
        kept = sent(text)
        assert len(told) >= 6 and len(kept) < len(text) / 2
        assert [line for line in told if line not in kept] == []


def test_a_dry_runs_list_of_changes_is_left_whole() -> None:
    # tbump --dry-run: "- file:line old" over "+ file:line new" for every place it would patch; like
    # a diff without context, every line is a change.
    lines = [":: Bumping from 7.2.0 to 7.3.0", "=> Would patch these files"]
    for k in range(150):
        lines += [f"- src/yard/strake_{k:03d}.py:30 BUILT_FOR = 'v7.2.0'", f"+ src/yard/strake_{k:03d}.py:30 BUILT_FOR = 'v7.3.0'"]
    text = "\n".join(lines) + "\n"
    assert sent(text) == text


def test_a_reset_in_a_packet_trace_stays() -> None:
    # tcpdump's "Flags [R.]", tshark's "[RST, ACK]", scapy's "… RA": a connection refused or torn
    # down, among hundreds of ordinary packets of the same shape.
    rows, resets = [], []
    for k in range(400):
        port = 40000 + k % 37
        if k % 53 == 17:
            resets.append(f"18:26:{k // 60:02d}.{k * 7919 % 999999:06d} IP 10.38.5.10.8443 > 10.38.5.23.{port}: Flags [R.], seq 0, ack {k}, win 0, length 0")
            rows.append(resets[-1])
        else:
            rows.append(f"18:26:{k // 60:02d}.{k * 7919 % 999999:06d} IP 10.38.5.2{k % 5}.{port} > 10.38.5.10.8080: Flags [P.], seq {k}:{k + 90}, ack 1, win 8192, length 90")
    scapy = [f"{k:04d} Ether / IP / TCP 10.38.5.{20 + k % 5}:{40000 + k % 37} > 10.38.5.10:http_alt {'RA' if k % 61 == 5 else 'PA'}" for k in range(300)]
    for text, wanted in (("\n".join(rows), resets), ("\n".join(scapy), [x for x in scapy if x.endswith(" RA")])):
        kept = sent(text)
        assert len(wanted) >= 4 and len(kept) < len(text) / 2
        assert [line for line in wanted if line not in kept] == []


def test_each_ecj_warning_is_one_of_its_kind_by_what_it_says() -> None:
    # ecj heads each finding with its level and place only ("4. WARNING in src/Lever04.java (at line
    # 15)"); what it warns of is under the source excerpt and caret. One of each (message, file) stays.
    lines, wanted = [], []
    messages = ("The value of the field Lever{f:02d}.spare{k} is not used", "The import java.util is never used",
                "Dead code", "Comparing identical expressions", "Type safety: Unchecked cast from ArrayList to List<String>")
    n = 0
    for f in range(12):
        path = f"/srv/signalbox/src/org/signalbox/frame/Lever{f:02d}.java"
        for k in range(10):
            n += 1
            message = messages[k % 5].format(f=f, k=k)
            header = f"{n}. WARNING in {path} (at line {7 + 4 * k})"
            if k < 5:
                wanted.append(header)
            lines += ["----------", header, "\tprivate String spare;", "\t               ^^^^^^", message]
    lines += ["----------", f"{n} problems ({n} warnings)"]
    text = "\n".join(lines)
    kept = sent(text)
    assert len(kept) < len(text) * 0.8
    assert [line for line in wanted if line not in kept] == []


def test_a_reports_sections_titled_behind_a_bullet_stay() -> None:
    # sslyze heads each check " * TLS 1.1 Cipher Suites:" over what it found: the outline of the report.
    text = corpus_text("wide375", "wide375-sslyze-legacy-modern")
    titles = [line.rstrip() for line in text.split("\n") if line.startswith(" * ") and line.rstrip().endswith(":")]
    kept = sent(text)
    assert len(titles) >= 10 and len(kept) < len(text) * 0.7
    assert [line for line in titles if line not in kept] == []


def test_a_status_said_with_its_reason_phrase_is_a_failure() -> None:
    # mitmdump's flow log: the request, then its response indented under it ("<< 502 Bad Gateway
    # 90b"); curl's "< HTTP/1.1 429 Too Many Requests", wget's "awaiting response... 504 Gateway
    # Time-out". The status with its standard reason phrase says the request failed, and the request
    # line over it says which.
    bad = {7: "502 Bad Gateway", 19: "409 Conflict", 31: "429 Too Many Requests", 44: "504 Gateway Timeout", 58: "422 Unprocessable Entity"}
    lines, wanted = [], []
    for k in range(70):
        lines += [f"[21:10:{k % 60:02d}.{k * 37 % 1000:03d}][127.0.0.1:{53500 + 2 * k}] client connect",
                  f"[21:10:{k % 60:02d}.{k * 37 % 1000:03d}][127.0.0.1:{53500 + 2 * k}] server connect 127.0.0.1:28389",
                  f"127.0.0.1:{53500 + 2 * k}: GET http://127.0.0.1:28389/api/berth/{k}",
                  f"              << {bad.get(k, '200 OK')} {90 + k}b",
                  f"[21:10:{k % 60:02d}.{k * 37 % 1000:03d}][127.0.0.1:{53500 + 2 * k}] client disconnect"]
        if k in bad:
            wanted += lines[-3:-1]
    text = "\n".join(lines)
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert [line for line in wanted if line not in kept] == []
