"""Fidelity rules of issue #11's nineteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lines import FAIL, severity
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import corpus_text, lossy

S = CompressionSettings()


def test_a_refusal_worded_unsuccessful_or_a_false_success_field_is_a_failure() -> None:
    assert severity("At 06:42:28 12/01/25 root unsuccessfully logged-in sshd using /usr/sbin/sshd") == FAIL
    assert severity("type=SYSCALL msg=audit(1764549968.000:1355): arch=c000003e syscall=257 success=no exit=-13") == FAIL
    assert severity("type=SYSCALL msg=audit(1764549968.000:1356): arch=c000003e syscall=257 success=yes exit=3") is None


def test_a_packet_nothing_answered_is_a_failure() -> None:
    assert severity("udp      17 21 src=10.73.1.2 dst=10.73.3.11 sport=42467 dport=5353 [UNREPLIED] src=10.73.3.11") == FAIL
    assert severity("From 10.73.2.1 icmp_seq=3 Destination Host Unreachable") == FAIL
    assert severity("tcp      6 431999 ESTABLISHED src=10.73.1.2 dst=10.73.3.11 sport=40000 dport=80 [ASSURED]") is None


def _audit_log(events: int, failing: set[int]) -> str:
    out = []
    for k in range(events):
        stamp = f"msg=audit({1764549000 + 7 * k}.{k % 1000:03d}:{2000 + k})"
        ok = k not in failing
        name = f"/srv/app/data/file{k:04d}.db"  # the file refused reads as any other
        out += [
            f"type=SYSCALL {stamp}: arch=c000003e syscall=257 success={'yes' if ok else 'no'} exit={3 if ok else -13} "
            f"a0=ffffff9c items=1 ppid=1 pid={4000 + k} auid=1000 uid=1000 comm=\"reader\" exe=\"/usr/bin/reader\" key=\"watch\"",
            f"type=CWD {stamp}: cwd=\"/srv/app\"",
            f"type=PATH {stamp}: item=0 name=\"{name}\" inode={200000 + 37 * k} dev=08:01 mode=0100640 ouid=0 ogid=42",
            f"type=PROCTITLE {stamp}: proctitle=726561646572",
        ]
    return "\n".join(out) + "\n"


def test_the_records_of_a_failed_audit_event_come_with_it() -> None:
    failing = {37, 111, 164, 222}
    text = _audit_log(300, failing)
    out = lossy(text)
    for k in failing:
        assert f"inode={200000 + 37 * k} " in out  # the PATH record says what it failed on


def _aide_report(added: int, changed: int) -> str:
    rule = "-" * 51
    lines = ["Start timestamp: 2026-12-01 18:52:52 +0000 (AIDE 0.18.3)", "AIDE found differences between database and filesystem!!", "",
             "Summary:", "  Total number of entries:\t4210", f"  Added entries:\t\t{added}", f"  Changed entries:\t{changed}", "",
             rule, "Added entries:", rule, ""]
    lines += [f"f++++++++++++++++: /srv/site/uploads/batch-{k:03d}/asset-{(k * 37) % 1000:03d}.bin" for k in range(added)]
    lines += ["", rule, "Changed entries:", rule, ""]
    lines += [f"f   ...    .C... : /srv/site/etc/conf.d/unit-{(k * 53) % 1000:03d}.conf" for k in range(changed)]
    lines += ["", rule, "Detailed information about changes:", rule, ""]
    for k in range(changed):
        lines += [f"File: /srv/site/etc/conf.d/unit-{(k * 53) % 1000:03d}.conf", f"  Size      : {900 + k}  | {940 + k}",
                  f"  Mtime     : 2026-12-01 18:{k % 60:02d}:07 +0000 | 2026-12-01 18:52:{k % 60:02d} +0000",
                  f"  SHA256    : {k:08x}AAAA | {k:08x}BBBB", f"  SHA512    : {k:08x}CCCCCCCC | {k:08x}DDDDDDDD", ""]
    return "\n".join(lines) + "\nEnd timestamp: 2026-12-01 18:52:53 +0000 (run time: 0m 1s)\n"


def test_each_entry_listed_under_a_title_that_says_it_changed_stays() -> None:
    text = _aide_report(120, 90)
    out = lossy(text)
    assert all(f"batch-{k:03d}/" in out for k in range(120))
    assert all(f"unit-{(k * 53) % 1000:03d}.conf" in out for k in range(90))


def _prover_run(steps: int) -> str:
    trace = []
    for k in range(400):
        trace += [f"#cnf(i_0_{k}, plain, (reach(c{k % 97})|~reach(c{(k + 1) % 97})))).", "#"]
    proof = [f"cnf(c_0_{k}, plain, (reach(c{k + 1})), inference(rw,[status(thm)],[c_0_{k - 1}, step_{k}]))." for k in range(1, steps)]
    return "\n".join(
        ["# Auto-mode selected heuristic G_E___208_C18_F1", "# Initializing proof state", *trace,
         "# Proof found!", "# SZS status Theorem", "# SZS output start CNFRefutation",
         "fof(goal, conjecture, reach(c90), file('chain.p', goal)).", *proof,
         "cnf(c_0_999, negated_conjecture, ($false), inference(cn,[status(thm)],[c_0_1]), ['proof']).",
         "# SZS output end CNFRefutation", "# Proof object total steps             : 383",
         "# Parsed axioms                        : 114"]
    ) + "\n"


def test_a_provers_verdict_and_every_step_of_its_proof_stay() -> None:
    text = _prover_run(150)
    out = lossy(text)
    assert "# Proof found!" in out and "# SZS status Theorem" in out
    assert all(f"cnf(c_0_{k}, plain, (reach(c{k + 1}))" in out for k in range(1, 150))


def test_rows_marked_at_the_margin_stay_among_rows_that_are_not() -> None:
    # Tripwire's rule summary marks with "*" the rules that found violations.
    text = corpus_text("wide171", "wide171-tripwire-check")
    marked = [x.rstrip() for x in text.splitlines() if x.startswith("* ")]
    assert len(marked) >= 4
    out = compress_text(text, "bash", S).rendering.text or text
    assert all(x in out for x in marked)


def _options(count: int) -> str:
    states = ("[enabled]", "[disabled]", "[available]")
    lines = ["The following options control compiler warning messages:"]
    lines += [f"  -Wcheck-{k:03d}-{'alpha' if k % 2 else 'beta'}  \t\t{states[k % 7 % 3]}" for k in range(count)]
    lines += [f"  -Wlimit-{k}=<number> \t{9223372036854775807 - k} bytes" for k in range(20)]
    return "\n".join(lines) + "\n"


def test_a_dump_of_settings_is_sent_whole() -> None:
    # Each line answers "is this option on?": none is a repeat to leave out.
    text = _options(400)
    assert compress_text(text, "bash", S).rendering.retrieve_id is None


def test_a_bordered_table_of_names_and_values_is_a_dump_too() -> None:
    border = "+" + "-" * 42 + "+" + "-" * 16 + "+"
    rows = [f"| {'Innodb_counter_%03d' % k:<40} | {(k * 7919) % 5 if k % 11 else k * 1000:<14} |" for k in range(300)]
    text = "\n".join([border, f"| {'Variable_name':<40} | {'Value':<14} |", border, *rows, border]) + "\n"
    assert compress_text(text, "bash", S).rendering.retrieve_id is None


def test_a_table_of_many_columns_is_no_dump_of_settings() -> None:
    rows = [f"c0ffee{k:06x}   nginx:1.25   \"nginx -g 'daemon of…\"   2 hours ago   Up 2 hours   80/tcp   web-{k:03d}" for k in range(400)]
    text = "\n".join(["CONTAINER ID     IMAGE        COMMAND                  CREATED       STATUS       PORTS    NAMES", *rows]) + "\n"
    assert compress_text(text, "bash", S).rendering.retrieve_id is not None


def test_each_rerun_line_under_failed_examples_stays() -> None:
    # Crystal's (and RSpec's) closing list: one command per failing example, each its test's id.
    text = corpus_text("wide161", "wide161-crystal-spec-v-sailings-exit")
    reruns = [x for x in text.splitlines() if x.startswith("crystal spec spec/")]
    assert len(reruns) > 100
    out = lossy(text)
    assert all(x in out for x in reruns)


def test_a_checks_count_of_what_it_found_stays_wherever_it_stands() -> None:
    # yosys's CHECK pass closes with its count between the synthesis passes, far from the log's end.
    text = corpus_text("wide169", "wide169-yosys-synth-top-head-1500")
    assert "Found and reported 5 problems." in lossy(text)


def test_each_improving_solution_of_a_search_stays() -> None:
    # A MIP solver's log: node counts every few lines, a new incumbent now and then.
    lines = ["Welcome to the CBC MILP Solver", "Continuous objective value is 10097 - 0.05 seconds"]
    incumbents = []
    for k in range(600):
        lines.append(f"Cbc0010I After {k * 100} nodes, {k % 37 + 1} on tree, -9845 best possible -10097 ({0.2 + k * 0.01:.2f} seconds)")
        if k % 15 == 5:
            incumbents.append(f"Cbc0004I Integer solution of {-9000 - k} found after {k * 331} iterations and {k * 100} nodes ({0.2 + k * 0.01:.2f} seconds)")
            lines.append(incumbents[-1])
    lines += ["Cbc0020I Exiting on maximum time", "Result - Stopped on time limit", "Objective value:                -9520.00000000", "Gap:                            0.06"]
    out = lossy("\n".join(lines) + "\n")
    assert all(x in out for x in incumbents)


def test_each_archive_a_prune_would_remove_stays() -> None:
    kept = [f"Keeping archive (rule: hourly #{k}):     atlas-h{k:04d}   Sat, 2026-11-30 03:00:00 [{k:064x}]" for k in range(1, 400)]
    pruned = [f"Would prune:                             atlas-2026-10-{k:02d}   Wed, 2026-10-{k:02d} 03:00:00 [{k * 7919:064x}]" for k in range(1, 31)]
    text = "\n".join([*kept[:200], *pruned, *kept[200:]]) + "\n"
    out = lossy(text)
    assert all(x in out for x in pruned)
