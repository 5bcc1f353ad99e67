"""Which members of a sampled JSON array (or object's values) differ from the majority: they
survive any sampling beside the head and the tail."""

from __future__ import annotations

import json
import re
from collections import Counter, deque

from .lineindex import LineIndex, zero_digits
from .lines import FAIL, candidates, severity, shape
from .lossless import _Num
from .outliers import number
from .select import MUST_AT_MOST



def _signature(v: object) -> object:
    if isinstance(v, dict):
        return ("object", tuple(sorted(v)))
    return type(v).__name__


def _kind(v: object) -> str:
    """A value's kind as JSON has them: a number is one kind, whether written with a point or not."""
    return "number" if isinstance(v, (int, float, _Num)) and not isinstance(v, bool) else type(v).__name__


def _scalar(v: object) -> object:
    if isinstance(v, dict) and len(v) == 1:
        v = next(iter(v.values()))  # a value under its type's name (DynamoDB's {"S": "HELD"})
    elif isinstance(v, list) and len(v) == 2 and isinstance(v[0], (int, float)):
        v = v[1]  # a sample, [time, value] (Prometheus' "value": [1796157315.7, "13.816"]), is its value
    return v if isinstance(v, (str, int, float, bool)) or v is None else None


def _number(v: object) -> float | None:
    """A number, or a string that is one ("13.816", "-2.9": APIs that keep a value's digits)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float, _Num)):
        return float(v)
    return number(v) if isinstance(v, str) and v[-1:].isdigit() else None


# A date and time as ISO 8601 writes it (APIs' "LastModified", "createdAt"): in one format, their
# order as strings is their order in time.
_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")


def _column_outliers(column: list[tuple[int, object]]) -> list[int]:
    """Minimum and maximum of a numeric column, the earliest and latest of a column of times;
    rare values of a column one value dominates."""
    stamps = [(v, i) for i, v in column if type(v) is str and _STAMP.match(v)]
    if len(stamps) >= 0.8 * len(column) and stamps:
        return [min(stamps)[1], max(stamps, key=lambda t: (t[0], -t[1]))[1]]
    nums = [(x, i) for i, v in column if (x := _number(v)) is not None]
    if len(nums) >= 0.8 * len(column) and nums:
        extremes = [min(nums)[1], max(nums, key=lambda t: (t[0], -t[1]))[1]]
        # A handful of values (status codes, exit codes) is a category written in digits.
        counts = Counter(v for v, _ in nums)
        if len(counts) > 12 or counts.most_common(1)[0][1] * 2 < len(column):
            return extremes
        return extremes + [i for v, i in nums if counts[v] <= 2]
    values = [(v if not isinstance(v, str) else zero_digits(v) if len(v) > 40 else v) for _, v in column]
    counts = Counter(values)
    top = counts.most_common(1)[0][1] if counts else 0
    if top * 2 < len(column):
        return []
    return [i for (i, _), v in zip(column, values) if counts[v] <= 2]


_GAPS_AMONG = 10  # records, at least, for a null among values to stand out


def pick(items: list[object], limit: int) -> list[int]:
    """Indexes of the anomalous members, at most `limit`, in order of how odd they are: another
    shape than most, a failure word, an extreme or rare field value."""
    n = len(items)
    if n < 3:
        return []
    found: list[int] = []
    sigs = [_signature(x) for x in items]
    common = Counter(sigs).most_common(1)[0][0]
    found += [i for i, sig in enumerate(sigs) if sig != common]
    if isinstance(items[0], str):
        # One keyword scan over all the strings; severity only for the lines it hits.
        joined = LineIndex("\n".join(x.replace("\n", " ")[:400] if isinstance(x, str) else "" for x in items))
        # Each candidate's own line (a slice of the text from it on, cut after, copied the rest of
        # the text per candidate: quadratic in an array of error strings).
        flagged = sorted(i for i in candidates(joined)[0] if severity(joined.lines[i][:400]) == FAIL)
        if len(flagged) * 2 < n:
            found += flagged
    if isinstance(items[0], dict):
        keys: list[str] = []
        for x in items:
            if isinstance(x, dict):
                keys.extend(k for k in x if k not in keys)
            if len(keys) > 64:
                break
        for k in keys:
            given = [(i, x[k]) for i, x in enumerate(items) if isinstance(x, dict) and k in x]
            # A null where (nearly) every other record has a value is a gap: a package without its
            # license, a job without its exit code.
            nulls = [i for i, v in given if v is None]
            if 0 < len(nulls) <= 2 and len(given) >= _GAPS_AMONG:
                found += nulls
            # So is a value of another kind than the others' (a package's licences as a list of
            # objects where every other package names one as a string).
            if len(given) >= _GAPS_AMONG:
                kinds = Counter(_kind(v) for _, v in given if v is not None)
                if len(kinds) > 1:
                    usual = kinds.most_common(1)[0][0]
                    odd = [i for i, v in given if v is not None and _kind(v) != usual]
                    if len(odd) <= 2:
                        found += odd
            column = [(i, v) for i, v in ((i, _scalar(v)) for i, v in given) if v is not None]
            if len(column) >= 3:
                found += _column_outliers(column)
    else:
        column = [(i, v) for i, v in enumerate(items) if _scalar(v) is not None]
        if len(column) >= 3:
            found += _column_outliers(column)
    out: list[int] = []
    seen: set[int] = set()
    for i in found:
        if i not in seen:
            seen.add(i)
            out.append(i)
            if len(out) >= limit:
                break
    return out


# A finding record, by the names reporters give its fields (ruff, pylint, shellcheck json1, gcc's
# JSON, SARIF, eslint -f json, bandit …): how bad it is, which rule, which file, what it says.
_LEVEL_KEYS = ("level", "severity", "type", "kind", "issue_severity")
_CODE_KEYS = ("code", "ruleid", "rule", "ruleId", "message-id", "symbol", "check", "option", "rule_id", "test_id")
_FILE_KEYS = ("file", "filename", "path", "uri", "filepath", "file_path", "filePath", "file_name", "fileName")
# markdownlint's finding says what is wrong in its rule's "ruleDescription" (and "errorDetail").
_TEXT_KEYS = ("message", "msg", "text", "description", "issue_text", "ruleDescription")
# A scanner's "high" (of low, medium, high: bandit, npm audit) is its error level.
ERROR_LEVELS = frozenset({"error", "fatal", "critical", "panic", "failure", "failed", "blocker", "high"})
# A finding's "source" is its file in spectral's JSON, the offending line's text in others': it
# places the finding only when it reads as a path.
_SOURCE_KEY = "source"
_WANTED = frozenset((*_LEVEL_KEYS, *_CODE_KEYS, *_FILE_KEYS, *_TEXT_KEYS, _SOURCE_KEY))
_RANK_KEYS = frozenset((*_LEVEL_KEYS, *_CODE_KEYS))


def _leaves(record: dict) -> dict[str, object]:
    """The first scalar under each wanted key, looked for a few levels down (SARIF nests the
    file in locations[0].physicalLocation.artifactLocation.uri, the text in message.text)."""
    found = {k: v for k, v in record.items() if k in _WANTED and not isinstance(v, (dict, list))}
    keys = found.keys()
    if not (keys.isdisjoint(_TEXT_KEYS) or keys.isdisjoint(_FILE_KEYS) or keys.isdisjoint(_RANK_KEYS)):
        return found  # a flat record: nothing to look for further down
    found = {}
    stack: deque[tuple[object, int]] = deque([(record, 0)])
    budget = 64
    while stack and budget > 0:
        v, depth = stack.popleft()
        budget -= 1
        if isinstance(v, dict):
            for k, x in v.items():
                if k in _CODE_KEYS and isinstance(x, dict) and k not in found:
                    x = x.get("value", x.get("id", x))  # reviewdog's {"value": "E401", "url": …}
                if isinstance(x, (dict, list)):
                    if depth < 4:
                        stack.append((x, depth + 1))
                elif k in _WANTED and k not in found and x is not None:
                    found[k] = x  # a null (a note's "code") leaves the key to a deeper value
        elif isinstance(v, list) and v and depth < 4:
            stack.append((v[0], depth + 1))
    return found


def _where(f: dict[str, object]) -> str:
    """The file a finding is in, or ""."""
    found = next((str(f[k]) for k in _FILE_KEYS if f.get(k) is not None), "")
    if not found and isinstance(v := f.get(_SOURCE_KEY), str) and ("/" in v or "\\" in v) and not any(c.isspace() for c in v):
        return v
    return found


def _first(f: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = f.get(k)
        if isinstance(v, str):
            return v
    return None


def _rule_code(f: dict[str, object]) -> object:
    """The finding's rule code: a short name or number (bandit's "code" is the source excerpt, its
    rule is "test_id")."""
    for k in _CODE_KEYS:
        v = f.get(k)
        if isinstance(v, (str, int)) and not isinstance(v, bool) and not (isinstance(v, str) and ("\n" in v or len(v) > 64)):
            return v
    return None


def _numbered_error(f: dict[str, object]) -> bool:
    """ESLint's format (html-validate's too) numbers its levels, 2 an error and 1 a warning;
    spectral numbers them the other way round and calls its rule "code": "ruleId" tells them apart."""
    return "ruleId" in f and _number(f.get("severity")) == 2


def _is_finding(f: dict[str, object]) -> bool:
    return any(isinstance(f.get(k), str) for k in _TEXT_KEYS) and any(f.get(k) is not None for k in _LEVEL_KEYS + _CODE_KEYS)


# A record's own verdict: a result that did not pass (Great Expectations' "success": false, a CI
# job's "conclusion": "failure"), whatever else it holds.
_VERDICT_FLAGS = ("success", "passed", "ok", "successful")
_VERDICT_WORDS = ("status", "outcome", "result", "state", "conclusion")
_FAILED_WORDS = frozenset({"failed", "failure", "fail", "error", "errored", "broken", "crashed"})


def _failed(record: dict[str, object]) -> bool:
    return any(record.get(k) is False for k in _VERDICT_FLAGS) or any(
        isinstance(v := record.get(k), str) and v.lower() in _FAILED_WORDS for k in _VERDICT_WORDS)


# A container named for failures ("errors", "validationErrors", "failures"), or for what a check
# found wrong ("missing_licenses", "unresolved", "vulnerabilities"): its members are findings by
# their place, whatever their own fields are called (kacl's "error_message", reuse's bare paths).
_ERRORS_NAME = re.compile(
    r"(?i:errors|failures|problems|violations|vulnerabilities)$|^(?i:failed)$"  # npm ls --json's "problems" too
    r"|^(?i:missing|invalid|bad|broken|unresolved|unused|unlisted)(?:$|[_-]|[A-Z])")


def named_errors(key: str, items: list[object]) -> list[int]:
    """Every member of a container whose name says its members are errors, up to MUST_AT_MOST
    (past it, the findings' one of each kind)."""
    if _ERRORS_NAME.search(key) is None or len(items) > MUST_AT_MOST:
        return []
    return list(range(len(items)))


# A coverage report's count of runs (gcov's functions, a profile's hits): a member that never ran
# is what a coverage question asks for, however many share its 0, while they are the fewer.
_RUN_KEYS = ("execution_count", "hits")


def never_ran(items: list[object]) -> list[int]:
    zero = [i for i, x in enumerate(items)
            if isinstance(x, dict) and any(k in x and _number(x[k]) == 0 for k in _RUN_KEYS)]
    return zero if len(zero) * 2 < len(items) and len(zero) <= MUST_AT_MOST else []


def _places(record: dict) -> str | None:
    """The file of a record that places what it reports in that file by line (knip's
    {"file": "src/a.ts", "exports": [{"name": "unusedHelper", "line": 15, "col": 17}]}), or None:
    a linter's report grouped by file, whose findings carry no message or level of their own."""
    where = next((v for k in _FILE_KEYS if isinstance(v := record.get(k), str)), None)
    if where is None:
        return None
    for v in record.values():
        if isinstance(v, list) and v and isinstance(v[0], dict) and _number(v[0].get("line")) is not None:
            return where
    return None


def _placed_in_files(items: list[object]) -> list[int]:
    """The first record of each file that places findings in it, up to MUST_AT_MOST files: one
    of each (kind, file), as findings are kept."""
    first: dict[str, int] = {}
    for i, x in enumerate(items):
        if isinstance(x, dict) and (where := _places(x)) is not None:
            first.setdefault(where, i)
    return list(first.values()) if len(first) <= MUST_AT_MOST else []


def findings(items: list[object]) -> list[int]:
    """Members that are diagnostics (a message with a level or a rule code): every error-level
    one, and the first of each distinct (rule code or message shape, file)."""
    out: list[int] = []
    seen: set[tuple[str, str]] = set()
    if not any(_is_finding(_leaves(x)) for x in items[:8] if isinstance(x, dict)):
        # Records of another kind (packages, rows, a log's events) are judged on a sample, not
        # walked as findings; of a log's events, those whose message reports a failure in words
        # (CloudWatch's "message": "ERROR … 502 …") all stay, as a log's error lines do.
        failed = [i for i, x in enumerate(items)
                  if isinstance(x, dict) and (isinstance(t := x.get("message"), str) and severity(t) == FAIL or _failed(x))]
        failed = failed if len(failed) <= MUST_AT_MOST else []
        return sorted({*failed, *_placed_in_files(items)})
    for i, x in enumerate(items):
        if not isinstance(x, dict):
            continue
        f = _leaves(x)
        text = _first(f, _TEXT_KEYS)
        level = _first(f, _LEVEL_KEYS)
        code = _rule_code(f)
        if text is None or (level is None and code is None):
            continue
        if isinstance(level, str) and level.lower() in ERROR_LEVELS or _numbered_error(f):
            out.append(i)
            continue
        key = (str(code) if code is not None else shape(text)[:80], _where(f))
        if key not in seen:
            seen.add(key)
            out.append(i)
    return out


def record_key(line: str) -> tuple[str, str] | None:
    """(rule code or message shape, file) of a finding printed as one JSON record a line (cargo's
    --message-format=json), or None. Such records open with an envelope they all share (package,
    target), so their first characters cannot tell them apart: their fields do."""
    if not (line.startswith("{") and line.endswith("}")):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    f = _leaves(record)
    text = _first(f, _TEXT_KEYS)
    code = _rule_code(f)
    if text is None or (code is None and _first(f, _LEVEL_KEYS) is None):
        return None
    return (str(code) if code is not None else shape(text)[:80], _where(f))
