"""Fidelity rules of issue #11's thirteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json

from headroom_mitm.compress.select import render
from headroom_mitm.compress.transforms import gap_marker
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import corpus_text, cut, sent

S = CompressionSettings()


def test_a_rule_of_one_repeated_character_is_cheaper_than_a_marker() -> None:
    # Catch2 and many reporters rule their sections with 79 dashes, dots or tildes: cl100k reads
    # such a run as 2-6 tokens, a marker costs ~26. A gap of one rule is shown as it is.
    for ch in "-.~=_*#":
        rule = ch * 79
        lines = ["ring of 3 after 4 pushes", rule, "ring_catch.cc:13: FAILED:", "  CHECK( r.oldest() == 45 )"]
        out, elided = render(lines, bytearray([1, 0, 1, 1]), gap_marker("x", "hr_0123456789abcdef", S))
        assert not elided and out.split("\n") == lines, ch
    # A gap of words as long is still worth its marker.
    words = " ".join(f"word{k} value{k}" for k in range(8))
    out, elided = render(["a", words, "b"], bytearray([1, 0, 1]), gap_marker("x", "hr_0123456789abcdef", S))
    assert elided and words not in out


def _disassembly(gdb: bool) -> str:
    lines = ["Dump of assembler code for function decode:"] if gdb else ["", "buoy:     file format elf64-x86-64", "",
                                                                          "Disassembly of section .text:", ""]
    addr = 0x1944
    for f in range(40):
        if not gdb:
            lines += ["", f"{addr:016x} <decode_{f}>:"]
            lines.append(f"int decode_{f}(const char *raw, int n) {{")  # objdump -S's source line
        body = ["push   %rbp", "mov    %rsp,%rbp", f"mov    %edi,-0x{f + 4:x}(%rbp)", "cltq",
                f"lea    0x{0x3685 + 8 * f:x}(%rip),%rdx        # {0x5094 + f:x} <_IO_stdin_used+0x94>",
                f"call   {0x10c0 + f:x} <strcmp@plt>", "test   %eax,%eax", f"jne    {addr + 60:x} <decode_{f}+0x3c>",
                f"movss  -0x{f % 7 + 8:x}(%rbp),%xmm0", "cvttss2si %xmm0,%eax", "leave", "ret"]
        for k, ins in enumerate(body):
            lines.append(f"   0x{addr:016x} <+{k * 4}>:\t{ins}" if gdb else f"    {addr:x}:\t{ins}")
            addr += 4
    return "\n".join(lines + (["End of assembler dump."] if gdb else [])) + "\n"


def test_a_disassembly_is_code_and_sent_whole() -> None:
    # objdump -d/-S and gdb's disassemble print machine code (with its source, for -S): code the
    # model asked to read (principle 4), not a log of uniform lines to sample.
    for gdb in (False, True):
        text = _disassembly(gdb)
        assert sent(text) == text, gdb
    # The dynamic loader's trace puts a pid and a tab before each line: a log, still cut.
    trace = "".join(f"     27097:\t  trying file=/usr/lib/x86_64-linux-gnu/tls/lib{k}.so.1\n" for k in range(400))
    assert len(cut(trace + "     27097:\terror: cannot open shared object file libnope.so.1\n")) < len(trace) / 2


def test_the_projects_own_files_stand_out_of_the_libraries() -> None:
    # `python -m trace --listfuncs`, `tsc --explainFiles`, strace: most lines name the runtime's
    # and the installed packages' files; the few naming the project's own are what is asked about.
    std = "/root/.pyenv/versions/3.11.7/lib/python3.11"
    lines = ["functions called:"]
    for m in ("dataclasses", "enum", "inspect", "re/_parser", "statistics", "typing", "functools", "csv"):
        lines += [f"filename: {std}/{m}.py, modulename: {m.split('/')[-1]}, funcname: {a}_{b}"
                  for a in ("get", "set", "parse", "make", "check") for b in ("field", "name", "value", "flags", "cache")]
    own = [f"filename: /work/tidemark/src/tidemark/{m}.py, modulename: {m}, funcname: {f}"
           for m in ("gauge", "harmonics", "report") for f in ("despike", "mean_level", "parse_line", "surges", "load")]
    lines[100:100] = own
    lines += [f"filename: /srv/venv/lib/python3.11/site-packages/pkg/mod{k}.py, modulename: mod{k}, funcname: run"
              for k in range(20)]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in own)
    assert len(out) < len(lines) / 2


def test_a_second_output_after_a_varied_first_is_a_part_of_its_own() -> None:
    # `cargo test; npx ts-unused-exports …`: the backtraces' varied lines ran the places where
    # the leads change into one region, whose two sharpest places were the backtrace's; the
    # listing after it was then sampled as lines of the test run.
    run = corpus_text("wide15", "wide15-cargo-test-ledger-fmt").rstrip("\n")
    listing = corpus_text("wide28", "wide28-ts-unused-exports-tollgate-web")
    out = sent(run + "\n" + listing).split("\n")  # each part alone is sent whole
    assert all(x in out for x in listing.split("\n") if x.strip())
    assert "thread 'tests::split_by_zero' (11822) panicked at src/lib.rs:17:16:" in out


def test_pylints_parseable_errors_are_errors() -> None:
    # `pylint --output-format=parseable`: "path:line: [E0602(undefined-variable), fn] …". The E
    # (error) and F (fatal) codes are error-level however they are bracketed: every one stays;
    # conventions and warnings go one of each (code, file).
    lines = []
    for m in range(12):
        for k in range(30):
            lines.append(f"src/pkg/st_{m}.py:{k + 3}: [C0116(missing-function-docstring), fn_{k}] Missing function or method docstring")
            if k % 9 == 4:
                lines.append(f"src/pkg/st_{m}.py:{k + 3}: [E0602(undefined-variable), fn_{k}] Undefined variable 'total_{m}_{k}'")
    lines.append("-----------------------------------")
    lines.append("Your code has been rated at 3.12/10")
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in lines if "[E0602" in x)


def test_a_table_behind_a_reporters_note_sign_is_a_table() -> None:
    # node --test --experimental-test-coverage prints its coverage report behind "ℹ " (spec; "# "
    # in TAP) among the run's lines: its titles, the all-files row and each column's extremes stay.
    text = corpus_text("wide49", "wide49-node-test-coverage-spec")
    for sign in ("ℹ ", "# "):
        run = text.replace("\nℹ ", "\n" + sign)
        out = cut(run).split("\n")
        for row in ("file                      | line % | branch % | funcs % | uncovered lines",
                    "lib/docks/harbour_00.js   |  26.19 |   100.00 |    0.00 | 6-10 12-17 19-23 25-29 31-40",
                    "all files                 |  57.93 |    96.08 |   58.18 |"):
            assert sign + row in out, (sign, row)


def test_gnu_program_prefixed_diagnostics_are_findings() -> None:
    # m4, gawk, bison print "program:file:line: message" (no level word: GNU's form of an error),
    # also where stderr cut into a line of stdout. Every one stays where another line failed.
    lines, errors = [], []
    for k in range(400):
        if k % 10 == 5:
            errors.append(f"m4:station.m4:{k + 3}: non-numeric argument to builtin `incr'")
            lines.append(errors[-1])
        elif k % 10 == 8:
            errors.append(f"gauge {k} at level m4:station.m4:{k + 3}: divide by zero in eval: {k * 7} / 0")
            lines += [errors[-1], " m"]
        else:
            lines.append(f"gauge {k} at level {k * 37 % 900} m")
    lines.append("m4:station.m4:410: cannot open `stations/st7.m4': No such file or directory")
    out = sent("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in errors)


def test_bandits_json_results_are_findings() -> None:
    # bandit -f json names its fields issue_severity / issue_text / test_id: its results are
    # findings, sampled as principle 2 says (one of each rule and file), not as rows.
    tests = [("B403", "Consider possible security implications associated with pickle module."),
             ("B602", "subprocess call with shell=True identified, security issue."),
             ("B311", "Standard pseudo-random generators are not suitable for security/cryptographic purposes."),
             ("B324", "Use of weak MD5 hash for security. Consider usedforsecurity=False")]
    results = []
    for f in range(6):
        for k in range(24):
            code, text = tests[0] if k % 12 else tests[(k // 12 + f) % 4]
            results.append({"code": f"{k + 2} import json\n{k + 3} import pickle\n", "col_offset": 0,
                            "filename": f"src/tidemark/stations/st_{f}.py", "issue_confidence": "HIGH",
                            "issue_severity": "HIGH" if code == "B602" else "LOW", "issue_text": text,
                            "line_number": k + 3, "more_info": f"https://bandit.readthedocs.io/en/1.9.4/{code}.html",
                            "test_id": code, "test_name": "blacklist"})
    text = json.dumps({"errors": [], "results": results}, indent=2)
    kept = [r for r in json.loads(cut(text))["results"] if isinstance(r, dict)]  # markers are strings
    assert len(kept) < len(results) / 2
    assert {(r["test_id"], r["filename"]) for r in kept} == {(r["test_id"], r["filename"]) for r in results}


def test_a_finding_without_a_code_is_told_apart_by_the_names_it_quotes() -> None:
    # pyflakes prints no code: "x.py:5:1: 'os' imported but unused" and "… 'sys' imported but
    # unused" are two fixes. The names a message quotes are part of its shape; only numbers are not.
    text = corpus_text("wide28", "wide28-pyflakes-tollgate-boltons")
    first: dict[tuple[str, str], str] = {}
    for line in text.split("\n"):
        path, _, rest = line.partition(":")
        if rest[:1].isdigit():
            first.setdefault((path, rest.split(": ", 1)[-1]), line)
    out = sent(text).split("\n")
    assert len(first) > 100 and all(x in out for x in first.values())


def test_findings_as_csv_rows_keep_every_error_level_row() -> None:
    # bandit -f csv: a finding a row, its level in an issue_severity column. Every HIGH row stays
    # (a scanner's top level is its error level); the LOW ones are sampled as rows.
    head = "filename,test_name,test_id,issue_severity,issue_confidence,issue_cwe,issue_text,line_number"
    rows = []
    for f in range(8):
        for k in range(30):
            high = k % 10 == 3
            rows.append(f"src/seedvault/crops/crop_{f}.py,{'start_process_with_a_shell' if high else 'blacklist'},"
                        f"{'B605' if high else 'B404'},{'HIGH' if high else 'LOW'},HIGH,https://cwe.mitre.org/data/definitions/78.html,"
                        f"\"{'Starting a process with a shell, possible injection detected.' if high else 'Consider the subprocess module.'}\",{k + 4}")
    rows += [f"src/seedvault/crops/crop_{f}.py,try_except_pass,B110,LOW,HIGH,https://cwe.mitre.org/data/definitions/703.html,"
             f"\"Try, Except, Pass detected.\",{k + 90}" for f in range(0, 8, 3) for k in range(2)]
    out = cut("\n".join([head, *rows]) + "\n").split("\n")
    assert all(r in out for r in rows if ",HIGH,HIGH," in r)
    # and one of each (rule, file) of the others
    for f in range(8):
        for rule in ("B404", "B110"):
            mine = [r for r in rows if r.startswith(f"src/seedvault/crops/crop_{f}.py,") and f",{rule}," in r]
            assert not mine or any(r in out for r in mine), (f, rule)


def test_a_rule_code_given_as_an_object_is_the_findings_code() -> None:
    # reviewdog's rdjson (ruff --output-format=rdjson): "code": {"value": "E401", "url": …}.
    diags = [{"code": {"url": f"https://docs.astral.sh/ruff/rules/r{c}", "value": c},
              "location": {"path": f"/w/src/crop_{f}.py", "range": {"start": {"line": k + 1, "column": 1}}},
              "message": msg}
             for f in range(5) for k, (c, msg) in enumerate([("E401", "Multiple imports on one line")] * 12
                                                             + [("E701", "Multiple statements on one line (colon)"),
                                                                ("E722", "Do not use bare `except`")])]
    text = json.dumps({"diagnostics": diags, "source": {"name": "ruff"}}, indent=2)
    kept = [d for d in json.loads(cut(text))["diagnostics"] if isinstance(d, dict)]
    assert {(d["code"]["value"], d["location"]["path"]) for d in kept} == {
        (d["code"]["value"], d["location"]["path"]) for d in diags}


def test_a_failures_message_in_json_is_not_a_long_string_to_leave_out() -> None:
    # jest --json: each failed assertion's failureMessages holds "Error: expect(received)…" over
    # its stack, ~1,800 characters: principle 2's line, kept whole (up to 4 times the string cap).
    stack = "".join(f"\n    at Object.<anonymous> (/w/node_modules/jest-circus/build/utils.js:{k}:{k % 40})" for k in range(20))
    results = [{"assertionResults": [
        {"ancestorTitles": [f"Line {f}"], "failureMessages": [f"Error: expect(received).toEqual(expected) // deep equality\n\n"
                                                              f"Expected: {f * 7 + k}\nReceived: {f * 7 + k + 1}" + stack],
         "fullName": f"Line {f} departure {k}", "status": "failed", "title": f"departure {k}"} if k % 3 == 0 else
        {"ancestorTitles": [f"Line {f}"], "failureMessages": [], "fullName": f"Line {f} departure {k}", "status": "passed",
         "title": f"departure {k}"} for k in range(12)], "name": f"/w/test/line{f:02d}.test.js", "status": "failed"}
        for f in range(8)]
    text = json.dumps({"numFailedTests": 32, "success": False, "testResults": results}, indent=2)
    out = sent(text)
    for r in results:
        for a in r["assertionResults"]:
            for m in a["failureMessages"]:
                assert json.dumps(m)[1:60] in out


def test_msvcs_place_form_is_a_place() -> None:
    # MSVC's `x.cs(12): error …` and pylint's msvs format `x.py(12): [C0116(symbol)f] …`: a place,
    # so its findings are findings (not sentences of prose, sent whole), sampled one of each
    # (code, file), every E (error) one kept.
    lines = []
    for f in range(10):
        lines.append(f"************* Module tidemark.stations.st_{f}")
        for k in range(40):
            lines.append(f"src/tidemark/stations/st_{f}.py({k + 3}): [C0116(missing-function-docstring)fn_{k}] "
                         "Missing function or method docstring")
            if k % 13 == 5:
                lines.append(f"src/tidemark/stations/st_{f}.py({k + 3}): [E0602(undefined-variable)fn_{k}] "
                             f"Undefined variable 'total_{f}_{k}'")
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in lines if "[E0602" in x)
    assert len(out) < len(lines) / 2


def test_pycodestyles_style_codes_warn_and_its_e9_and_pyflakes_f_codes_fail() -> None:
    # flake8/ruff print pycodestyle's style findings with E codes (E501 line too long, E302 blank
    # lines) and pyflakes' unused imports (F401): one of each (code, file) is enough. E9 (syntax, I/O) and
    # pyflakes' undefined names (F821) are errors.
    lines = []
    for f in range(8):
        for k in range(60):
            lines.append(f"src/app/mod_{f}.py:{k + 3}:80: E501 line too long ({90 + k} > 79 characters)")
            lines.append(f"src/app/mod_{f}.py:{k + 3}:1: E302 expected 2 blank lines, found 1")
        lines.append(f"src/app/mod_{f}.py:{f + 70}:5: F821 undefined name 'total_{f}'")
        lines += [f"src/app/mod_{f}.py:{k + 1}:1: F401 'mod{k}' imported but unused" for k in range(30)]
        lines.append(f"src/app/mod_{f}.py:{f + 90}:1: E999 SyntaxError: invalid syntax")
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in lines if " F821 " in x or " E999 " in x)
    assert sum(1 for x in out if " F401 " in x) < 8 * 30 / 2  # unused imports warn: sampled
    for f in range(8):
        for code in ("E501", "E302", "F401"):
            assert any(x.startswith(f"src/app/mod_{f}.py:") and f" {code} " in x for x in out)
    assert len(out) < len(lines) / 4


def test_a_code_behind_the_place_outranks_the_linters_name_closing_the_line() -> None:
    # pylama: "x.py:12:5 E203 whitespace before ':' [pycodestyle]": one of each code and file, not
    # one of each linter.
    lines = [f"tabulate/core_{f}.py:{k + 10}:{k % 50} {code} {msg} [pycodestyle]" for f in range(6) for k in range(50)
             for code, msg in (("E203", "whitespace before ':'"), ("E231", "missing whitespace after ','"), ("W291", "trailing whitespace"))
             if (k + len(code)) % 3]
    out = cut("\n".join(lines) + "\n")
    for f in range(6):
        for code in ("E203", "E231", "W291"):
            assert f"tabulate/core_{f}.py:" in out and any(
                x.startswith(f"tabulate/core_{f}.py:") and f" {code} " in x for x in out.split("\n")), (f, code)


def test_a_second_stream_of_records_among_a_tables_rows_is_sampled() -> None:
    # A WSGI server's access lines (the rows) interleaved with the app's own INFO records of one
    # template: those are a second stream, not odd lines each worth keeping. Its first and last
    # stay, and a warning among them.
    lines = ["Bottle v0.13.4 server starting up (using WSGIRefServer())...", "Listening on http://127.0.0.1:44185/", ""]
    for k in range(500):
        lines.append(f'127.0.0.1 - - [01/Dec/2026 05:18:{k % 60:02d}] "GET /items/sku-{k * 37 % 1000:04d} HTTP/1.1" 200 {40 + k % 3}')
        if k % 3 == 0:
            lines.append(f"2026-12-01 05:18:{k % 60:02d},{k:03d} INFO stockroom: reserved {k % 5 + 1} x sku-{k * 37 % 1000:04d} from aisle A")
    lines.insert(700, "2026-12-01 05:19:02,118 WARNING stockroom: short stock for sku-0602 (asked 4, have 1)")
    infos = [x for x in lines if " INFO " in x]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert "2026-12-01 05:19:02,118 WARNING stockroom: short stock for sku-0602 (asked 4, have 1)" in out
    assert infos[0] in out and infos[-1] in out
    assert sum(1 for x in out if " INFO " in x) < len(infos) / 3


def test_jsoncpps_spaced_colon_is_kept_when_json_is_put_on_one_line() -> None:
    # CMake's tools print JSON with jsoncpp: `"kind" : "ctestInfo"`. Put on one line, the
    # document keeps its own separators, so each member still reads as printed.
    from headroom_mitm.compress.lossless import compact_json
    doc = {"kind": "ctestInfo", "version": {"major": 1, "minor": 0},
           "tests": [{"name": f"tide_{k:02d}_flood", "command": ["/w/build/t", str(k)]} for k in range(40)]}
    text = json.dumps(doc, indent=2).replace('": ', '" : ')
    one = compact_json(text)
    assert "\n" not in one and '"kind" : "ctestInfo", ' in one and '"name" : "tide_39_flood", ' in one
    assert json.loads(one) == doc
    assert '"name" : "tide_00_flood"' in sent(text)


def test_a_findings_shape_reaches_past_its_first_80_characters() -> None:
    # doxygen: "x.h:74: warning: argument 'docks' of command @param is not found in the argument list
    # of vd_beacon_pricing_11(…)": what tells two findings apart (the function) comes late.
    text = corpus_text("wide56", "wide56-doxygen-fw-echo")
    wanted = [x for x in text.split("\n") if "argument 'docks' of command @param is not found" in x]
    out = sent(text).split("\n")
    assert len(wanted) > 10 and all(x in out for x in wanted)


def test_a_github_annotation_has_its_findings_level() -> None:
    # ruff --output-format=github prints every finding as "::error …": the code after the place
    # says what it is (S301, E701: one of each code and file; F821 fails).
    lines = []
    for f in range(6):
        for k in range(40):
            code, msg = [("S301", "`pickle` and modules that wrap it can be unsafe"), ("E701", "Multiple statements on one line (colon)"),
                         ("UP006", "Use `list` instead of `List` for type annotation")][k % 3]
            lines.append(f"::error title=ruff ({code}),file=/w/src/st_{f}.py,line={k + 3},col=5,endLine={k + 3},endColumn=9::"
                         f"src/st_{f}.py:{k + 3}:5: {code} {msg}")
        lines.append(f"::error title=ruff (F821),file=/w/src/st_{f}.py,line=99,col=5,endLine=99,endColumn=9::"
                     f"src/st_{f}.py:99:5: F821 Undefined name `total_{f}`")
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in lines if "(F821)" in x)
    for f in range(6):
        for code in ("S301", "E701", "UP006"):
            assert any(f"({code}),file=/w/src/st_{f}.py," in x for x in out)
    assert len(out) < len(lines) / 3


def test_a_finding_that_is_a_name_alone_is_one_kind() -> None:
    # type-coverage --detail: "src/x.ts:3:7: total" — each line names an identifier typed `any`:
    # the name is what the finding is about, not its kind. One of each file stays, with the count.
    text = corpus_text("wide44", "wide44-type-coverage-detail")
    files = {x.split(":", 1)[0] for x in text.split("\n") if ".ts:" in x}
    out = sent(text)
    assert len(files) > 3 and all(f + ":" in out for f in files)
    assert len(out) < len(text) / 3


def test_an_azure_annotation_is_a_finding_placed_in_its_file() -> None:
    # ruff --output-format=azure: "##vso[task.logissue type=error;sourcepath=…;linenumber=13;…;code=S608;]msg".
    # Its place is sourcepath and linenumber; its level is its code's (one of each code and file).
    lines = [f"##vso[task.logissue type=error;sourcepath=/w/src/st_{f}.py;linenumber={k + 3};columnnumber=5;code={code};]{msg}"
             for f in range(6) for k in range(40)
             for code, msg in [[("S608", "Possible SQL injection vector through string-based query construction"),
                                ("E701", "Multiple statements on one line (colon)"),
                                ("UP006", "Use `list` instead of `List` for type annotation")][k % 3]]]
    out = cut("\n".join(lines) + "\n").split("\n")
    for f in range(6):
        for code in ("S608", "E701", "UP006"):
            assert any(f"sourcepath=/w/src/st_{f}.py;" in x and f"code={code};" in x for x in out), (f, code)
    assert len(out) < len(lines) / 3


def test_a_stamps_time_zone_is_part_of_the_stamp() -> None:
    # postgres' "2026-12-01 13:37:18.990 UTC [29534] LOG:  automatic vacuum of table "x": …": the
    # zone and the pid are the stamp's; the template is its words, and each instance names a table.
    text = corpus_text("wide62", "wide62-server-log-tail")
    wanted = [x for x in text.split("\n") if "LOG:  automatic " in x and "vet_restore" in x]
    out = sent(text).split("\n")
    assert len(wanted) >= 4 and all(x in out for x in wanted)
