"""Fidelity rules of issue #11's forty-second pass: each test names the rule and fails without it."""

from __future__ import annotations

import asyncio
import gc
import io
import json
import logging
import random

from tests.compress.support import corpus_text, lossy, sent


def test_eslint_formats_numbered_error_level_keeps_every_error() -> None:
    # ESLint's JSON (html-validate's too) numbers its levels: "severity": 2 is an error, 1 a
    # warning. Every error stays, as an error named in words does; warnings keep one of each rule.
    rng = random.Random(42)
    errors = [f"Element <p> is implicitly closed by parent </div> in cope {k}" if k % 2 else f"Duplicate ID \"crown-{k}\""
              for k in range(60)]
    messages = [{"ruleId": "no-dup-id" if "ID" in e else "no-implicit-close", "severity": 2, "message": e,
                 "line": 3 + k, "column": 5, "selector": "html > body > section"} for k, e in enumerate(errors)]
    messages += [{"ruleId": "no-inline-style", "severity": 1, "message": "Inline style is not allowed",
                  "line": rng.randint(1, 400), "column": 9, "selector": "html > body > div"} for _ in range(200)]
    rng.shuffle(messages)
    report = [{"filePath": "/srv/bellfounders/pages/clappers.html", "messages": messages,
               "errorCount": 60, "warningCount": 200, "source": "<html>…</html>"}]
    text = json.dumps(report, indent=2)
    out = lossy(text)
    for e in errors:
        assert json.dumps(e) in out
    assert out.count("Inline style is not allowed") < 50  # the warnings are sampled


def _destroyed_pending_tasks(n: int) -> str:
    """What asyncio logs, in debug mode, of n tasks garbage-collected while still pending: each
    "Task was destroyed but it is pending!", the stack that created the task, and which task."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    log = logging.getLogger("asyncio")
    log.addHandler(handler)
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    try:
        async def ring(bell: asyncio.Future) -> None:
            await bell

        for k in range(n):
            loop.create_task(ring(loop.create_future()), name=f"clapper-{k}")
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        gc.collect()
    finally:
        log.removeHandler(handler)
    return stream.getvalue()


def test_a_stack_opened_by_most_recent_call_last_is_read_as_a_traceback() -> None:
    # Python opens other stacks as it opens a traceback: asyncio's "source_traceback: Object
    # created at (most recent call last):", tracemalloc's "Object allocated at …". The line after
    # the frames says what the report is about (which task), as an exception closes a traceback.
    text = _destroyed_pending_tasks(30)
    told = [line for line in text.split("\n") if line.startswith("task: <Task pending name='clapper-")]
    assert len(told) == 30
    out = lossy(text).split("\n")
    for line in told:
        assert line in out


def test_a_header_of_level_and_place_is_keyed_by_the_message_under_it() -> None:
    # flow prints each finding under "Warning ----- src/a.js:8:25": the header is the same for
    # every kind, the message under it says which. Each file keeps one finding of each message.
    kinds = ["Sketchy null check on number [1] which is potentially 0. [sketchy-null-number]",
             "Unclear type. Using `any`, `Object`, or `Function` types is not safe! [unclear-type]",
             "Unused suppression comment. [unused-suppression]"]
    lines, first = [], {}
    for f in range(8):
        path = f"src/cope{f}.js"
        for n in range(12):
            kind = kinds[n % 3]
            head = "Warning " + "-" * 80 + f" {path}:{n + 7}:{n + 25}"
            lines += [head, "", kind, "", f"   {path}:{n + 7}:{n + 25}", f"   {n + 7}| export const crown{n} = any{n};",
                      "                                   ^^^", ""]
            first.setdefault((path, kind), head)
    lines.append(f"Found 0 errors and {8 * 12} warnings")
    out = lossy("\n".join(lines)).split("\n")
    for head in first.values():
        assert head in out



def test_a_short_opening_paragraph_says_what_ran() -> None:
    # meson's log opens with what ran ("Project name: …", "Project version: …", "Build type: …")
    # before its first rule: past the first three lines, those are what a question about the run asks.
    text = corpus_text("wide813", "wide813-meson-log-deps")
    lines = text.split("\n")
    opening = lines[: lines.index("-----------")]
    assert "Project name: brickworks" in opening
    out = lossy(text).split("\n")
    for line in opening:
        assert line in out


def test_a_warning_placed_by_the_line_under_it_is_one_of_its_file() -> None:
    # elixirc (mix compile --verbose) prints its place under the message ("  lib/a.ex:6: Copes.A.weigh/2"), after a name
    # the place is in, and a message may place itself in words too ("… a previous clause at line
    # 13 always matches"): the file is the one under it, and the message says which finding it is.
    kinds = ['warning: variable "{v}" is unused (if the variable is not meant to be used, prefix it with an underscore)',
             "warning: this clause for {v}/1 cannot match because a previous clause at line {n} always matches",
             "warning: Copes.Crown.{v}/2 is undefined or private"]
    lines = ["Compiling 290 files (.ex)", *(f"Compiled lib/kiln/crown_{k:03d}.ex" for k in range(250))]
    places = []
    for f in range(40):
        for k, kind in enumerate(kinds):
            place = f"  lib/yard/cope_{f:02d}.ex:{3 * k + 4}: Copes.Cope{f:02d}.ring/{k}"
            lines += [kind.format(v=["clapper", "tenor", "waist"][k], n=3 * k + 3), place, ""]
            places.append(place)
    lines += ["Generated copes app"]
    out = lossy("\n".join(lines)).split("\n")
    for place in places:
        assert place in out


def test_a_markdown_table_of_findings_keeps_one_of_each_check_per_file() -> None:
    # checkov's `-o github_failed_only`: a markdown table whose header sits over a row of rules
    # (`|----|`), a "Check ID" and a "File" column; each row is a failed check, so the first of
    # each (check, file) stays, however many resources repeat it.
    rng = random.Random(42)
    checks = [("CKV_K8S_38", "Ensure that Service Account Tokens are only mounted where necessary"),
              ("CKV_K8S_31", "Ensure that the seccomp profile is set to docker/default or runtime/default"),
              ("CKV_K8S_8", "Liveness Probe Should be Configured"), ("CKV_K8S_43", "Image should use digest")]
    lines = ["### Kubernetes Scan Results:", "", "```", "Passed Checks: 430, Failed Checks: 600, Skipped Checks: 0", "```", "",
             "| Check ID   | Check Name | Resource | Guideline | File |", "|------------|------------|----------|-----------|------|"]
    first = {}
    for k in range(600):
        check, name = rng.choice(checks)
        path = f"/k8s/bell-{rng.randint(0, 11):02d}.yaml"
        row = f"| {check} | {name} | Deployment.copes.crown-{k} | [Link](None) | {path} |"
        lines.append(row)
        first.setdefault((check, path), row)
    lines += ["", "---", "", "EXIT=1"]
    out = lossy("\n".join(lines)).split("\n")
    for row in first.values():
        assert row in out


def test_json_spaced_by_tabs_keeps_its_own_spacing_when_made_compact() -> None:
    # cJSON (iperf3's printer) writes `"bytes":\t22544384`: made compact, a document keeps the
    # spacing it was printed with, so each member still reads as the tool printed it.
    report = {"start": {"connected": [{"socket": 5, "local_host": "127.0.0.1", "remote_host": "127.0.0.1", "port": 5201}]},
              "intervals": [{"streams": [{"socket": 5, "start": k, "end": k + 1, "bytes": 7340032 + k,
                                          "bits_per_second": 58720256.5 + k, "retransmits": k % 3}]} for k in range(60)],
              "end": {"sum_sent": {"bytes": 440401920, "bits_per_second": 352321536.25, "retransmits": 41}}}
    text = json.dumps(report, indent="\t", separators=(",", ":\t"))
    out = sent(text)
    assert len(out) < len(text)
    for member in ('"bytes":\t440401920,', '"retransmits":\t41', '"remote_host":\t"127.0.0.1",'):
        assert member in out
