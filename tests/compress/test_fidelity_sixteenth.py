"""Fidelity rules of issue #11's sixteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import random

from headroom_mitm.compress.coverage import keep_unrun_lines
from headroom_mitm.compress.histories import rank_history
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.lines import FAIL, WARN, severity
from headroom_mitm.compress.select import CONTEXT, MUST, NORMAL
from headroom_mitm.compress.severities import severities
from tests.compress.support import corpus_text, cut, sent

_AUTHORS = ("ines", "tomas", "wren", "oda", "kai")
_MODULES = ("parser", "lexer", "render", "cache", "cli", "config")


def _svn_log(revisions: int) -> tuple[str, list[str]]:
    """`svn log -v` of a seeded history, and the lines a question about it names."""
    rnd = random.Random(7)
    lines, named = ["-" * 72], []
    for r in range(revisions, 0, -1):
        head = f"r{r} | {rnd.choice(_AUTHORS)} | 2026-11-{1 + r % 28:02d} 10:{r % 60:02d}:00 +0000 (Mon, 02 Nov 2026) | 1 line"
        paths = [f"   M /trunk/src/{rnd.choice(_MODULES)}/{rnd.choice(_MODULES)}_{k}.c" for k in range(rnd.randint(2, 8))]
        if r % 37 == 0:
            paths.append(f"   D /trunk/src/old_{r}.c")
            named.append(paths[-1])
        if r % 53 == 0:
            paths.append(f"   A /branches/rel-{r} (from /trunk:{r - 1})")
            named.append(paths[-1])
        message = f"{rnd.choice(_MODULES)}: {rnd.choice(('fix', 'port', 'tidy', 'speed up'))} the {rnd.choice(_MODULES)} step {r}"
        body = [f"The {rnd.choice(_MODULES)} step read its input twice when the {rnd.choice(_MODULES)} was cold;" for _ in range(3)]
        lines += [head, "Changed paths:", *paths, "", message, "", *body, "-" * 72]
        named += [head, message]
    return "\n".join(lines) + "\n", named


def test_every_revision_of_a_history_keeps_its_header_and_subject() -> None:
    # A revision history of any version control system names each revision the model may name
    # back, as git's commit lists do: its header (who, when), its message's first line, and the
    # paths it removed or copied stay; the paths it modified and the message's body may go.
    text, named = _svn_log(200)
    out = cut(text).split("\n")
    assert all(x in out for x in named), [x for x in named if x not in out][:3]
    assert sum(1 for x in out if x.startswith("   M /trunk")) < 100


def test_histories_of_mercurial_breezy_and_fossil_keep_every_revision() -> None:
    # hg log -G (its fields behind the graph's drawing), brz log --short (the message on the
    # line after the revision's) and fossil's timeline (the message on the revision's line).
    graph = sent(corpus_text("wide94", "wide94-hg-log-graph-40")).split("\n")
    assert sum(1 for x in graph if "changeset:" in x) == 40
    assert sum(1 for x in graph if "summary:" in x) == 40
    short = corpus_text("wide94", "wide94-brz-log-short")
    out = sent(short).split("\n")
    revisions = [i for i, x in enumerate(short.split("\n")) if "\t2026-" in x]
    assert len(revisions) == 150
    assert all(short.split("\n")[i] in out and short.split("\n")[i + 1] in out for i in revisions)
    timeline = corpus_text("wide94", "wide94-fossil-timeline-200")
    out = sent(timeline).split("\n")
    assert all(x in out for x in timeline.split("\n") if x[:2].isdigit() and "] " in x)


def test_look_alike_lines_make_no_history() -> None:
    # A log that quotes a revision line or two is ranked as a log: a history is mostly entries.
    log = [f"2026-11-02 10:00:{k % 60:02d} INFO worker {k} done" for k in range(300)]
    log[10] = "r12 | ines | 2026-11-02 10:00:00 +0000 | 1 line"
    log[200] = "r13 | ines | 2026-11-02 10:00:00 +0000 | 1 line"
    log[250] = "r14 | ines | 2026-11-02 10:00:00 +0000 | 1 line"
    assert rank_history(log) is None
    assert rank_history(_svn_log(20)[0].split("\n")) is not None


def _llvm_cov(functions: int) -> tuple[str, list[str]]:
    rnd = random.Random(11)
    lines, firsts, n = [], [], 0
    for f in range(functions):
        body = [f"static int step_{f}(int v)", "{", "    if (v < 0) {", "        log_error(v);", "        return -1;",
                "    }", "    v = v * 3 + 1;", "    return v;", "}", ""]
        hits = rnd.randint(1, 900)
        unrun = f % 3 == 0
        for k, code in enumerate(body):
            n += 1
            count = "" if k in (0, 9) else "0" if unrun and k in (3, 4, 5) else str(hits)
            lines.append(f"{n:5d}|{count:>7}|{code}")
            if unrun and k == 3:
                firsts.append(lines[-1])
    return "\n".join(lines) + "\n", firsts


def test_the_lines_a_coverage_report_never_ran_stay() -> None:
    # llvm-cov show: each source line under its number and its count. The lines run 0 times are
    # what a coverage question asks for: the first line of each run of them stays.
    text, firsts = _llvm_cov(120)
    out = cut(text).split("\n")
    assert len(firsts) == 40 and all(x in out for x in firsts)


def test_gcovs_never_run_marks_count_as_unrun() -> None:
    lines = [f"        3:{n:5d}:    v += {n};" for n in range(1, 40)]
    lines[20] = "    #####:   21:    abort();"
    lines[21] = "    #####:   22:    return 1;"
    rank = [NORMAL] * len(lines)
    keep_unrun_lines(LineIndex("\n".join(lines)), rank)
    assert rank[20] == MUST and rank[21] == CONTEXT and rank.count(NORMAL) == len(lines) - 2


def test_sections_named_in_brackets_stay_however_many() -> None:
    # testparm -s and other INI dumps: "[share]" over its settings. More sections than an outline
    # holds (one line in 8) are still sections: the syntax says so, and each is what a question names.
    lines = ["Load smb config files from /etc/samba/smb.conf"]
    lines += [f'Unknown parameter encountered: "{w}"' for w in ("create maks", "vessel filter", "log levle")]
    lines += ["Loaded services file OK.", "Server role: ROLE_STANDALONE", "", "# Global parameters", "[global]",
              "\tserver role = standalone server", "\tlog level = 1"]
    names = []
    for k in range(120):
        names.append(f"[{random.Random(k).choice(_MODULES)}-share-{k:03d}]")
        lines += ["", names[-1], f"\tcomment = share {k} of the {_MODULES[k % 6]} team", f"\tpath = /srv/share/{k:03d}",
                  "\tread only = No", f"\tvalid users = @{_MODULES[k % 6]}", "\tcreate mask = 0664",
                  "\tdirectory mask = 0775", f"\tforce group = {_MODULES[k % 5]}"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in names)


def _stryker(files: int) -> tuple[str, set[tuple[str, str]]]:
    lines = ["All tests", *(f"  ✓ {m} step {k} [line {k}] (killed {k + 2})" for m in _MODULES for k in range(6)), ""]
    kinds: set[tuple[str, str]] = set()
    for f in range(files):
        for mutator, before, after in (("ArithmeticOperator", "a + b", "a - b"), ("ConditionalExpression", "x > 3", "true"),
                                       ("StringLiteral", '"km"', '""'), ("EqualityOperator", "n < 9", "n <= 9")):
            for k in range(5):
                status = "Survived" if k % 2 else "NoCoverage"
                lines += [f"[{status}] {mutator}", f"src/zones/zone{f:02d}.js:{10 + 3 * k}:{7 + k}",
                          f"-     let v{k} = {before};", f"+     let v{k} = {after};", "Tests ran:", f"    zone {f} price {k}", "", ""]
                kinds.add((mutator, f"zone{f:02d}.js"))
    lines.append(f"Ended with {files * 20} mutants: {files * 10} survived, {files * 10} no coverage")
    return "\n".join(lines) + "\n", kinds


def test_a_mutant_that_survived_is_a_failure_placed_by_the_line_under_it() -> None:
    # Mutation testing: a mutant the tests let survive is the run's failure (a test the suite
    # lacks); one that no test covers is a finding. Stryker prints its place alone on the line
    # under it. Every survivor stays with its place; of the uncovered, one of each (mutator, file).
    text, kinds = _stryker(12)
    lines = text.split("\n")
    survivors = [(lines[i], lines[i + 1]) for i, x in enumerate(lines) if x.startswith("[Survived] ")]
    out = cut(text).split("\n")
    kept = set(zip(out, out[1:]))
    assert len(survivors) == 96 and all(pair in kept for pair in survivors)
    uncovered = {(out[i - 1].split("] ", 1)[1], out[i].split("/")[-1].split(":")[0])
                 for i, x in enumerate(out) if x.startswith("src/zones/") and out[i - 1].startswith("[NoCoverage] ")}
    assert uncovered == kinds
    assert sum(1 for x in out if x.startswith("[NoCoverage] ")) == len(kinds)


def test_a_process_managers_column_is_no_source_gutter() -> None:
    # pm2 logs prefix each app's lines with its id and name ("5|pos-brid | "): a number and a bar
    # as a source excerpt's gutter has, but a name follows. The app's error under it is a failure.
    text = corpus_text("wide97", "wide97-pm2-logs-all-200")
    out = sent(text).split("\n")
    assert "5|pos-brid | Error: listen EADDRINUSE: address already in use 127.0.0.1:57047" in out
    assert "5|pos-brid |     at Server.setupListenHandle [as _listen2] (node:net:1908:16)" in out


def test_blocks_keep_each_quantitys_extremes_with_their_first_lines() -> None:
    # Blocks apart by blank lines that share fields (ogrinfo's features, "  area_m2 (Real) = 180.5";
    # a loop's "== file" over `sox stat`'s "Length (seconds):  2.92"): a quantity's least and
    # greatest values stay with the block's first line, which names what the values are of, as
    # a rare value does (principle 3).
    rnd = random.Random(5)
    lines = ["Layer name: parcels", "Feature Count: 300", ""]
    areas = [round(rnd.uniform(400, 3000), 1) for _ in range(300)]
    areas[77], areas[211] = 12.5, 48211.5
    for k, area in enumerate(areas):
        lines += [f"OGRFeature(parcels):{k}", f"  parcel_id (String) = P{10000 + k}",
                  f"  landuse (String) = {'wetland' if k == 140 else rnd.choice(('residential', 'commercial'))}",
                  f"  area_m2 (Real) = {area}", f"  insured (Integer) = {k % 2}", "  POLYGON : 7 points", ""]
    out = cut("\n".join(lines) + "\n").split("\n")
    for k in (77, 211, 140):
        assert f"OGRFeature(parcels):{k}" in out, k
    assert "  area_m2 (Real) = 12.5" in out and "  area_m2 (Real) = 48211.5" in out


def test_a_level_letter_opening_a_line_or_behind_its_subject_is_a_level() -> None:
    # Debian's and Red Hat's tools print a level as its letter: apt's and lintian's "E: …",
    # appstreamcli's "W: file:5: tag", rpmlint's "pkg.x86_64: E: tag". Words that end in a capital E
    # or W before a colon ("NOTE: …", "FILE: x") are no level.
    assert severity("E: org.example.TwPlot.desktop:7: tag-duplicated name") == FAIL
    assert severity("W: org.example.TwPlot.desktop:5: spdx-license-unknown GPLv2") == WARN
    assert severity("tidewatch.x86_64: E: no-binary") == FAIL
    assert severity("SOURCE: the cache was rebuilt") is None
    assert severity("ROLE: standalone server") is None
    out = sent(corpus_text("wide106", "wide106-appstreamcli-validate-pedantic")).split("\n")
    for error in ("E: org.example.TwPlot.desktop:7: tag-duplicated name", "E: tw-report:3: cid-is-not-rdns tw-report"):
        assert any(x.strip() == error for x in out), error


def test_a_finding_placed_in_words_mid_line_is_one_of_its_kind_per_file() -> None:
    # checkbashisms: "possible bashism in bin/x.sh line 11 (exponentiation is not POSIX):" over the
    # line it quotes. No level word, the place in words mid-line: a checker's finding all the same,
    # one of each (message, file) stays.
    kinds = ("exponentiation is not POSIX", "'$RANDOM' is not POSIX", "brace expansion", "'function' is useless")
    lines, first = [], {}
    for f in range(30):
        for k in range(12):
            what = kinds[(f + k) % 4]
            line = f"possible bashism in bin/tw-check-{f:02d}.sh line {10 + k} ({what}):"
            first.setdefault((f, what), line)
            lines += [line, f"  x=$(( {k} ** 2 ))"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in first.values())


def test_what_a_failure_lists_under_its_colon_stays_up_to_the_shared_cap() -> None:
    # rpmbuild's "error: Installed (but unpackaged) file(s) found:" over the 300 paths it did not
    # package: the list is what failed, kept whole as other rules keep what they must (up to 400).
    head = [f"+ install -m 0644 stations/s{k:03d}.dat %{{buildroot}}/usr/share/tw/" for k in range(120)]
    paths = [f"   /usr/share/tidewatch/stations/{('wyk', 'sylt', 'husum')[k % 3]}-{k:03d}.dat" for k in range(330)]
    text = "\n".join([*head, "error: Installed (but unpackaged) file(s) found:", *paths,
                      "RPM build errors:", "    Installed (but unpackaged) file(s) found:"]) + "\n"
    out = cut(text).split("\n")
    assert all(p in out for p in paths)


def test_a_link_checkers_broken_links_are_failures() -> None:
    # linkinator prints each link it checked with its status ("[200] http://…", "[404] http://…"),
    # broken-link-checker marks the bad ones "├─BROKEN─ url (HTTP_404)": each broken link is what
    # went wrong, the links that answered are the passes.
    words = ("keeper", "lamp", "tower", "signal", "fog", "beacon", "pier", "buoy")
    ok = [f"[200] http://127.0.0.1:8080/{a}/{b}/{c}.html" for a in words for b in words for c in words]
    bad = [f"[404] http://127.0.0.1:8080/logs/{a}-{b}.pdf" for a in words[:4] for b in words[:3]]
    lines = ok[:300] + bad[:6] + ok[300:] + bad[6:]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in bad)
    assert severity("├─BROKEN─ http://127.0.0.1:8080/logs/fog.pdf (HTTP_404)") == FAIL


def test_a_units_count_of_failures_that_is_not_zero_reports_them() -> None:
    # pa11y-ci: " > http://…/page.html - 4 errors" per page tested. A count of errors that is not
    # zero is a failure of that unit, whatever else the line says; "- 0 errors" passes, a file
    # named "errors.py" after a date's day counts nothing, and a run's closing count ("found 243
    # errors.") stays its summary.
    words = ("keeper", "lamp", "tower", "signal", "fog", "beacon", "pier", "buoy", "quay", "mole")
    lines = ["Running Pa11y on 300 URLs:"]
    failing = []
    for k in range(300):
        n = 3 if k % 37 == 5 else 0
        lines.append(f" > http://127.0.0.1:8080/{words[k % 10]}/{words[k // 10 % 10]}-{words[k // 100]}.html - {n} errors")
        if n:
            failing.append(lines[-1])
    lines.append("✘ 8/300 URLs passed")
    out = cut("\n".join(lines) + "\n").split("\n")
    assert len(failing) == 8 and all(x in out for x in failing)
    listing = ["-rw-r--r-- 1 root root 2048 Dec  1 errors.py", "-rw-r--r-- 1 root root 4096 Dec  2 12 errors-old"]
    assert severities(listing, LineIndex("\n".join(listing)))[0] == {}
    closing = [*(f"H013 {k}:68 Img tag should have an alt attribute." for k in range(20)), "", "Linted 17 files, found 243 errors."]
    assert 21 not in severities(closing, LineIndex("\n".join(closing)))[0]


def test_a_severity_field_inside_a_match_is_its_level() -> None:
    # yara -g -m -r: "Rule [tags] [severity="high",owner="ops"] path" for each file a rule matched.
    # A severity field inside a line that says what was found is that line's level: the high ones
    # are errors and all stay. A line that opens with it ("   Severity: Low   Confidence: High",
    # bandit's) is a field of the block above, no finding of its own.
    rules = (("Quay_AWS_Access_Key", "high"), ("Quay_Web_Shell", "high"), ("Quay_Miner_Config", "medium"),
             ("Quay_Debug_Flag", "low"))
    lines, high = [], []
    for k in range(240):
        rule, level = rules[k % 4] if k % 6 else rules[3]
        line = f'{rule} [secret,ops] [severity="{level}",owner="ops"] srv/var/{("log", "www", "etc")[k % 3]}/file_{k % 7:03d}.txt'
        lines.append(line)
        if level == "high":
            high.append(line)
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in high)
    assert severity("   Severity: Low   Confidence: High") is None


def test_what_a_command_would_remove_stays() -> None:
    # `aws s3 rm --recursive --dryrun`: "(dryrun) delete: s3://…" for each key it would delete;
    # `git clean -n`: "Would remove …". Removing cannot be undone: each line stays (up to 400).
    keys = [f"(dryrun) delete: s3://depot-artifacts/releases/{svc}/v1.{k}.{p}.zip"
            for svc in ("billing", "gates", "yard") for k in range(20) for p in (1, 4)]
    log = [f"2026-12-01 10:{k // 60 % 60:02d}:{k % 60:02d} INFO sync: {svc} build {k} uploaded in {40 + k % 90} ms"
           for svc in ("billing", "gates", "yard") for k in range(200)]
    out = cut("\n".join(log[:300] + keys + log[300:]) + "\n").split("\n")
    assert all(x in out for x in keys)


def test_an_epoch_stamp_opening_a_record_is_no_count() -> None:
    # CloudWatch's `aws logs filter-log-events --output text | …`: "1796149012633 worker-1 ERROR …",
    # a stamp of 13 digits then the record. No `uniq -c` count is that long: the lines are a log's,
    # whose errors all stay.
    lines = []
    for k in range(400):
        level, rest = ("ERROR", f"POST /gates/{k % 12}/book 502 upstream yard-svc timed out after 30000ms") if k % 41 == 7 \
            else ("INFO", f"GET /gates/{k % 12}/slots 200 {10 + k % 70}ms")
        lines.append(f"{1796148999633 + 1000 * k} worker-{k % 3} {level} [worker-{k % 3}] {rest}")
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in lines if " ERROR " in x)


def test_a_log_events_message_that_reports_a_failure_keeps_its_event() -> None:
    # `aws logs filter-log-events`: {"events": [{"logStreamName", "timestamp", "message", …}]}. The
    # events carry no level field; the ones whose message reports a failure all stay in the outline.
    import json

    events = [{"logStreamName": f"web-{k % 3}", "timestamp": 1796148999633 + 1000 * k,
               "message": (f"ERROR [web-{k % 3}] POST /gates/{k % 12}/book 502 upstream yard-svc timed out" if k % 53 == 9
                           else f"INFO [web-{k % 3}] GET /gates/{k % 12}/slots 200 {10 + k % 70}ms"),
               "ingestionTime": 1796149000000 + 1000 * k, "eventId": f"{37000000000000000000 + k}"} for k in range(400)]
    text = json.dumps({"events": events, "searchedLogStreams": []}, indent=4)
    out = cut(text)
    errors = [e["message"] for e in events if e["message"].startswith("ERROR")]
    assert len(errors) == 8 and all(json.dumps(m) in out for m in errors)


def test_a_value_under_its_types_name_is_that_value() -> None:
    # `aws dynamodb scan`: each attribute under its type's name ({"status": {"S": "HELD"}}). The
    # rare status of a few items is an anomaly as a plain field's would be, and stays.
    import json

    items = [{"gate": {"N": str(k % 12)}, "status": {"S": "HELD" if k in (40, 161) else "OK"},
              "carrier": {"S": ("maersk", "cosco", "msc")[k % 3]}} for k in range(300)]
    out = cut(json.dumps({"Items": items, "Count": 300, "ScannedCount": 300}, indent=4))
    assert out.count('"HELD"') == 2
