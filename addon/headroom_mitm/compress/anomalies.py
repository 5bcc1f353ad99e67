"""Which members of a sampled JSON array (or object's values) differ from the majority: they
survive any sampling beside the head and the tail."""

from __future__ import annotations

from collections import Counter

from .lines import FAIL, LineIndex, candidates, severity
from .lossless import _Num

_DIGITS = str.maketrans("0123456789", "0000000000")


def _signature(v: object) -> object:
    if isinstance(v, dict):
        return ("object", tuple(sorted(v)))
    return type(v).__name__


def _scalar(v: object) -> object:
    return v if isinstance(v, (str, int, float, bool)) or v is None else None


def _column_outliers(column: list[tuple[int, object]]) -> list[int]:
    """Minimum and maximum of a numeric column; rare values of a column one value dominates."""
    nums = [(float(v), i) for i, v in column if isinstance(v, (int, float, _Num)) and not isinstance(v, bool)]
    if len(nums) >= 0.8 * len(column) and nums:
        return [min(nums)[1], max(nums, key=lambda t: (t[0], -t[1]))[1]]
    values = [(v if not isinstance(v, str) else v.translate(_DIGITS) if len(v) > 40 else v) for _, v in column]
    counts = Counter(values)
    top = counts.most_common(1)[0][1] if counts else 0
    if top * 2 < len(column):
        return []
    return [i for (i, _), v in zip(column, values) if counts[v] <= 2]


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
        flagged = sorted(i for i in candidates(joined)[0] if severity(joined.text[joined.starts[i] + 1 :][:400].split("\n", 1)[0]) == FAIL)
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
            column = [(i, _scalar(x.get(k))) for i, x in enumerate(items) if isinstance(x, dict) and k in x]
            column = [(i, v) for i, v in column if v is not None]
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
