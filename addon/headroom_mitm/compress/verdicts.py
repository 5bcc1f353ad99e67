"""Verdicts of whole units (a package, a test file) among a run's lines: `go test ./...`'s
"ok  <package>  0.019s", jest's "PASS src/a.test.js (1.2 s)". They read like passing tests, which
go first, but each closes a unit's section and says how it ended: a summary, one per unit, kept
while they are few. So is a phase's result printed before the output goes on: where it wrote
what it made (cmake's "-- Build files have been written to: build"), and what it removes or makes
of the system, or would."""

from __future__ import annotations

import re

from .around import RULE
from .lineindex import LineIndex
from .lines import LOC_TAIL, is_summary
from .select import HIGH, MUST, MUST_AT_MOST
from .trajectories import STEPS

# A pass word, one unit's name, then its time (or go's "(cached)"), with anything after it
# (go's "coverage: 80.0% of statements").
_VERDICT = re.compile(
    r"(?:ok|PASS)[ \t]+[^\s(]+[ \t]+(?:\(?\d+(?:\.\d+)?[ \t]?(?:s|ms)\)?|\(cached\))(?:[ \t]|$)"
)
_MAX = 30  # more are a long list of passes, not a summary
_LOOKS = 200  # lines opening with a pass word looked at, at most (TAP prints one per test)


# The same verdict as a JSON record (`go test -json`): an action that ends a unit, with no test
# named, so the whole package's.
_RECORD_ACTIONS = ('"Action":"pass"', '"Action":"fail"', '"Action":"skip"')


def _keep_record_verdicts(index: LineIndex, rank: list[int]) -> None:
    found: list[int] = []
    for action in _RECORD_ACTIONS:
        for at in index.occurrences(action):
            i = index.line_of(at)
            line = index.lines[i]
            if line.startswith("{") and '"Test":' not in line and '"Package":' in line:
                found.append(i)
                if len(found) > _MAX:
                    return
    for i in found:
        rank[i] = min(rank[i], HIGH)


_TEST = re.compile(r'"Test":"([^"]*)"')
_PER_TEST = 5  # a failing test's placed output records kept, at most (t.Log may print many)


def _keep_failing_record_output(index: LineIndex, rank: list[int]) -> None:
    """`go test -json` prints a failing test's messages ("money_test.go:31: got 9, want 10") as
    "output" records of that test, its "fail" record after them: the first few that name a place
    or a panic are its failure, as the same lines are in the plain format."""
    failing: set[str] = set()
    for at in index.occurrences('"Action":"fail"'):
        m = _TEST.search(index.lines[index.line_of(at)])
        if m is not None:
            failing.add(m.group(1))
    if not failing:
        return
    kept: dict[str, int] = {}
    for at in index.occurrences('"Action":"output"'):
        i = index.line_of(at)
        line = index.lines[i]
        m = _TEST.search(line)
        if m is not None and m.group(1) in failing and kept.get(m.group(1), 0) < _PER_TEST:
            out = line[line.find('"Output":') :]
            if LOC_TAIL.search(out) is not None or "panic:" in out:
                rank[i] = MUST
                kept[m.group(1)] = kept.get(m.group(1), 0) + 1


def keep_unit_verdicts(index: LineIndex, rank: list[int]) -> None:
    """Lift the verdict lines of a few units to HIGH (from the passing tests' LOW), and keep the
    messages of `go test -json`'s failing tests."""
    _keep_record_verdicts(index, rank)
    _keep_failing_record_output(index, rank)
    lines = index.lines
    found: list[int] = []
    looked = 0
    for word in ("\nok", "\nPASS"):  # found one by one: a TAP stream's thousand "ok" lines are not all looked at
        for at in index.occurrences(word):
            looked += 1
            if looked > _LOOKS or len(found) > _MAX:
                return
            i = index.line_of(at + 1)
            if _VERDICT.match(lines[i]):
                found.append(i)
    if len(found) > _MAX or len({lines[i].split()[1] for i in found}) < len(found):
        return  # many, or one unit named twice: per-test lines, not per-unit verdicts
    for i in found:
        rank[i] = min(rank[i], HIGH)


_WROTE = ("written to", "written: ", "wrote ", "saved to")
_MAX_WROTE = 10  # more are a job's progress ("wrote chunk 17"), not a phase's result,
_MAX_FILES_WROTE = 60  # unless each names the file it wrote (a training run's checkpoints)
_FILE_NAME = re.compile(r"[\w-]\.[A-Za-z][A-Za-z0-9]{0,5}\b")  # a name's extension


def keep_written_outputs(index: LineIndex, rank: list[int]) -> None:
    """The lines that say where output was written are summaries: MUST, as a closing one is."""
    found = index.hits(_WROTE)  # one automaton pass, not a str.find pass per word (~35 µs each per 50 KB)
    if len(found) > _MAX_FILES_WROTE:
        return
    if len(found) > _MAX_WROTE and not all(_FILE_NAME.search(index.lines[i]) for i in found):
        return
    for i in found:
        rank[i] = MUST


# What a command removes or would remove, each line opening with the word: `aws s3 rm --dryrun`'s
# "(dryrun) delete: s3://…", `git clean -n`'s "Would remove x", `rm -v`'s "removed 'x'", `borg prune
# --dry-run --list`'s "Would prune: archive". Removing is what cannot be undone: each stays, up to
# MUST_AT_MOST (past them, a bulk clean-up's progress).
_REMOVES = re.compile(
    r"(?:\(dry-?run\) )?(?:delete|deleting|deleted|remove|removing|removed|would remove|prun(?:e|ing|ed)|would prune)\b", re.I
)
_REMOVE_PROBES = ("delet", "remov", "prun")


# What a command made of the system, or would: `systemctl enable`'s "Created symlink a → b",
# `systemd-sysusers --dry-run`'s "Creating user 'x' …": accounts, links, directories a question
# about the change names. Each stays, up to MUST_AT_MOST, as a removal does.
_CREATES = re.compile(r"[ \t]*(?:\(dry-?run\) )?(?:Would create|Created|Creating) (?:symlink|user|group|directory|link)\b")


def keep_changes(index: LineIndex, rank: list[int]) -> None:
    """What a command removed or made, each line MUST while there are few enough."""
    for pattern, probes, case in ((_REMOVES, _REMOVE_PROBES, False), (_CREATES, ("Creat", "create"), True)):
        found = [i for i in index.hits(probes, case=case) if pattern.match(index.lines[i])]
        if len(found) <= MUST_AT_MOST:
            for i in found:
                rank[i] = MUST


_SUCCEEDED = "successfully "


def keep_phase_results(index: LineIndex, rank: list[int]) -> None:
    """A line led by "Successfully" closes a phase before the output goes on (pip's build
    environment's "  Successfully installed setuptools-… wheel-…" under each sdist, docker's
    "Successfully built 3f2a…"): a summary, MUST, while there are few (_MAX_WROTE)."""
    found: set[int] = set()
    for at in index.occurrences(_SUCCEEDED, case=False):
        i = index.line_of(at)
        if index.lines[i].lstrip().lower().startswith(_SUCCEEDED):
            found.add(i)
            if len(found) > _MAX_WROTE:
                return
    for i in found:
        rank[i] = MUST


# An iterative run's verdict ("convergence has been achieved in 6 iterations", "SCF converged in 11
# steps"): its result, as a test run's is.
_CONVERGED = re.compile(r"\bconverged\b|\bconvergence (?:has been |was )?(?:achieved|reached)", re.IGNORECASE)
_MAX_VERDICTS = 10  # more are each step's own check ("converged: no"), not the run's verdict


def keep_convergence(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the few lines that say an iterative run converged."""
    found = [i for i in index.hits(("converge",)) if _CONVERGED.search(index.lines[i])]
    if len(found) <= _MAX_VERDICTS:
        for i in found:
            rank[i] = MUST


# A line whose label is "total": its first or last word, with a number on the line (callgrind's
# "4,055,616 (100.0%)  PROGRAM TOTALS", `ls -l`'s "total 48", "Total: 12 files"; "total_03" and
# "unused_total" are names). Matched in the lowered text at the word found by a C-level find.
_TOTAL_LAST = re.compile(r"totals?(?![\w])[^a-z\n]*(?:\n|$)")
_TOTAL_FIRST = re.compile(r"totals?(?![\w])")
_NO_LETTERS = re.compile(r"[^a-z_]*")
_DIGIT = re.compile(r"\d")
_MAX_TOTALS = 10  # more are a column of every row ("total=3" per record), not a closing sum
_TOTAL_LOOKS = 200  # lines holding the word looked at, at most


def keep_totals(index: LineIndex, rank: list[int]) -> None:
    """A few total lines are summaries wherever they sit (a profile prints its total first):
    MUST, as a closing summary is. A total each step of a run prints again ("total energy = …"
    every iteration) is its progress (trajectories.py keeps its ends), not one of these."""
    low, lines, starts = index.low, index.lines, index.starts
    found: set[int] = set()
    looked = 0
    for at in index.occurrences("total", case=False):  # (no "total" overlaps another)
        looked += 1
        if looked > _TOTAL_LOOKS:
            return  # the word of every record: the closing lines keep a real total as they are
        i = index.line_of(at)
        start = starts[i] + 1
        before = low[at - 1]
        if before.isalnum() or before == "_":
            pass  # inside a word
        elif (_TOTAL_LAST.match(low, at) or (_TOTAL_FIRST.match(low, at) and _NO_LETTERS.fullmatch(low, start, at))) and _DIGIT.search(lines[i]):
            found.add(i)
    if len(found) > _MAX_TOTALS:
        counts, shapes = index.shape_counts, index.shapes
        found = {i for i in found if counts[shapes[i]] < STEPS}
        if len(found) > _MAX_TOTALS:
            return
    for i in found:
        rank[i] = MUST


# A line of a test runner's short summary ("=== short test summary info ===", pytest-rerunfailures'
# "=== rerun test summary info ==="): a status word in capitals, then a test's id.
_SUMMARY_ENTRY = re.compile(r"[A-Z]{4,}[ \t]+\S")


def keep_summary_entries(lines: list[str], banners: list[int], passing: set[int], rank: list[int]) -> None:
    """Each line of a short test summary names a test, as a failure's id does, whatever its
    status word (FAILED, ERROR, RERUN, XFAIL, XPASS): it stays. A PASSED line there (`-rA`) is a
    passing test, the first to go as elsewhere."""
    n = len(lines)
    heads = set(banners)
    for i in banners:
        if "summary" not in lines[i].lower():
            continue
        k = i + 1
        while k < n and k not in heads and lines[k].strip():
            if k not in passing and _SUMMARY_ENTRY.match(lines[k]):
                rank[k] = MUST
            k += 1


# A report's list of what changed or is wrong, under a title at the margin that says so: AIDE's
# "Added entries:" / "Changed entries:", Tripwire's "Modified:", yard's "Undocumented Objects:",
# RSpec's and Crystal's "Failed examples:" (each a command that reruns one): entries at one
# indent. Each entry is a finding the model acts on: the title and its entries stay, up to
# MUST_AT_MOST.
# Found at the margin after a newline in the lowered text: one C-level scan from each newline.
_LIST_TITLE = re.compile(
    r"\n(?:added|removed|modified|changed|deleted|missing|undocumented|unused|survived|violations?|failed|failing)"
    r"(?: [a-z]+)?:[ \t]*(?=\n|$)"
)
_TITLES_AT_MOST = 20  # more are a repeated record's label ("Missing:" in every entry), not a report's lists


def _after_newlines(pattern: re.Pattern[str], text: str, index: LineIndex, at_most: int) -> list[int]:
    """The lines `pattern` (opening with a newline) finds at their start in one C-level scan of
    `text` (the index's text or its lowered copy); none when more than `at_most` are."""
    found = []
    for m in pattern.finditer(text):
        found.append(index.line_of(m.start() + 1))
        if len(found) > at_most:
            return []
    return found


def keep_titled_findings(index: LineIndex, rank: list[int]) -> None:
    lines = index.lines
    n = len(lines)
    titles = _after_newlines(_LIST_TITLE, index.low, index, _TITLES_AT_MOST)
    for t in titles:
        entries: list[int] = []
        k = t + 1
        while k < n:
            x = lines[k]
            if RULE.match(x):
                if entries:
                    break  # the rule under the next title, or the report's next part
            elif x.strip():
                if not x[:1].isspace() and x.rstrip().endswith(":") and len(x) <= 80:
                    break  # the next title
                entries.append(k)
                if len(entries) > MUST_AT_MOST:
                    break  # what stays is read: the rest of a long list is not
            k += 1
        if len({len(lines[k]) - len(lines[k].lstrip()) for k in entries}) > 1:
            continue  # blocks indented under their heads (a failure's details), not a list
        rank[t] = MUST
        for k in entries[:MUST_AT_MOST]:
            rank[k] = MUST


# A prover's verdict in TPTP's words, which E, Vampire and iProver all print ("# SZS status
# Theorem"), and the proof or model it prints between "SZS output start" and "SZS output end":
# the answer asked for, each step kept up to MUST_AT_MOST.
_SZS_STATUS = re.compile(r"\W*szs status \w+")
_SZS_START = re.compile(r"\W*szs output start\b")
_SZS_END = re.compile(r"\W*szs output end\b")


def keep_prover_results(index: LineIndex, rank: list[int]) -> None:
    if "SZS " not in index.text:
        return
    lines = index.lines
    start = None
    for i in sorted(index.hits(("SZS ",), case=True)):
        low = lines[i].lower()
        if _SZS_STATUS.match(low):
            rank[i] = MUST
            if i and lines[i - 1].lstrip("# ").lower().startswith(("proof found", "no proof found", "search space exhausted")):
                rank[i - 1] = MUST
        elif _SZS_START.match(low):
            start = i
        elif _SZS_END.match(low) and start is not None:
            for k in (*range(start, min(i, start + MUST_AT_MOST)), i):
                rank[k] = MUST
            start = None


# A row marked at the margin among rows that are not: Tripwire's "* Web content  60  2  3  11" is
# a rule that found violations, git's "* main" the branch checked out. Or marked after its first
# field among rows of that field that are not: The Sleuth Kit's "r/r * 45:  path" is a deleted
# file among "r/r 44:  path". The marked rows stay.
_MARKED = re.compile(r"\* \S")
_MARKED_AFTER_NEWLINE = re.compile(r"\n\* \S")
_UNMARKED = re.compile(r"  \S")
_MARKED_FIELD = re.compile(r"\n(\S++) \* \S")
_MARKED_AT_MOST = 60


def keep_marked_rows(index: LineIndex, rank: list[int]) -> None:
    lines = index.lines
    starred = _after_newlines(_MARKED_AFTER_NEWLINE, index.text, index, _MARKED_AT_MOST) if index.holds("\n* ") else []
    for i in starred:
        # Among a block of rows where the unmarked are at least as many (a list of bullets is not).
        block = [x for x in lines[max(0, i - 12) : i + 13] if x.strip()]
        plain = sum(1 for x in block if _UNMARKED.match(x))
        stars = sum(1 for x in block if _MARKED.match(x))
        if plain >= stars and plain >= 2:
            rank[i] = MUST
    marked = [(index.line_of(m.start() + 1), m.group(1)) for m in _MARKED_FIELD.finditer(index.text)] if index.holds(" * ") else []
    if len(marked) > _MARKED_AT_MOST:
        return
    for i, field in marked:
        lead, star = field + " ", field + " * "
        block = lines[max(0, i - 12) : i + 13]
        plain = sum(1 for x in block if x.startswith(lead) and not x.startswith(star))
        if plain >= 2 and plain >= len(block) // 4:
            rank[i] = MUST


# A check's count of what it found, wherever in the run it stands (yosys's "Found and reported 5
# problems." between its passes, a linter's "3 errors" before the next step): a verdict when it is
# not zero and such lines are few (more are per-item counts, not a check's closing count).
_FOUND_COUNT = re.compile(r"(?<![\w.])[1-9][\d,]* (?:problems?|errors?|warnings?|issues?|failures?|failed|violations?)\b")
_COUNT_PROBES = (" problem", " error", " warning", " issue", " failure", " failed", " violation")
_MAX_COUNTS = 10
_COUNT_LOOKS = 400  # lines holding the words looked at, at most: more are a log of findings, its tail says its count


def keep_found_counts(index: LineIndex, rank: list[int]) -> None:
    # Each probe opens with the one space it holds: no occurrence overlaps another, and one scan's
    # matches are every occurrence, counted and placed at once (a str.count per word read a 50 KB
    # text seven times: ~140 µs).
    starts = index.word_starts(_COUNT_PROBES)
    if starts is None:
        low = index.low
        if sum(low.count(w) for w in _COUNT_PROBES) > _COUNT_LOOKS * 4:
            return  # counted in C first: a log of findings (or a line of a thousand "error"s)
        hits = index.hits(_COUNT_PROBES)  # one scan: the words are few here
    elif len(starts) > _COUNT_LOOKS * 4:
        return
    else:
        hits = set(map(index.line_of, starts))
    if len(hits) > _COUNT_LOOKS:
        return
    found = [i for i in hits if _FOUND_COUNT.search(index.lines[i][:400].lower()) is not None and is_summary(index.lines[i])]
    if len(found) <= _MAX_COUNTS:
        for i in found:
            rank[i] = MUST


# A search's improving results, each when it was found: a MIP solver's "Integer solution of 28512
# found after 6177 iterations" (CBC), "#3  0.41s best:381 next:[382,393]" (CP-SAT), a tuner's
# "Best is trial 12 with value: 0.031". The last is the answer; each says how the search went
# (a gap, a time limit). Kept while they are few: more are the search's progress lines, and then
# only the lines that announce a new solution are (CBC's node reports say "best solution" too).
_NEW_SOLUTION = re.compile(r"integer solution|new best|incumbent|solution found|found solution|best is trial|improved solution")
_BEST_SO_FAR = re.compile(r"best solution|(?<![\w-])best:")
_IMPROVED_PROBES = ("solution", "best", "incumbent")
_MAX_IMPROVED = 60


def keep_improvements(index: LineIndex, rank: list[int]) -> None:
    new: list[int] = []
    best: list[int] = []
    for i in index.hits(_IMPROVED_PROBES):
        low = index.lines[i][:300].lower()
        if _DIGIT.search(low) is None:
            continue
        if _NEW_SOLUTION.search(low) is not None:
            new.append(i)
        elif _BEST_SO_FAR.search(low) is not None:
            best.append(i)
        if len(new) > _MAX_IMPROVED:
            return
    for i in new + best if len(new) + len(best) <= _MAX_IMPROVED else new:
        rank[i] = MUST


# A connection refused or torn down in a packet trace: tcpdump's "Flags [R.]", tshark's "[RST, ACK]",
# scapy's summary "TCP 10.0.0.1:8080 > 10.0.0.2:40010 RA". Among a trace's ordinary packets it is
# the failure the trace was taken to find.
_RESET = re.compile(r"Flags \[R\.?\]|\[RST\b|/ TCP \S+ > \S+ [FSPAUECN]*R[FSPAUECN]*$")


def keep_resets(index: LineIndex, rank: list[int]) -> None:
    """Lift a packet trace's resets to MUST (past 400, kept next as room allows)."""
    found = [i for i in index.hits(("Flags [R", "[RST", "/ TCP "), case=True) if _RESET.search(index.lines[i])]
    level = MUST if len(found) <= MUST_AT_MOST else HIGH
    for i in found:
        rank[i] = min(rank[i], level)
