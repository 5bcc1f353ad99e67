"""Fidelity rules of issue #11's twenty-ninth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json

from tests.compress.support import sent


def test_the_place_over_a_pointed_source_excerpt_stays() -> None:
    # numba prints a typing error's message, the candidates it tried, then the user's place on a
    # line of its own over the source and a caret: `File "gears.py", line 14:` went with the
    # candidate lists around it, though it is the only place the error names.
    out, places = [], []
    for k in range(12):
        place = f'File "gears.py", line {14 + 9 * k}:'
        places.append(place)
        out += [f"--- wheel_{k} failed to compile ---", "Traceback (most recent call last):",
                f'  File "/srv/clock/gears.py", line {120 + 6 * k}, in <module>',
                f"    print('wheel_{k}:', wheel_{k}(np.ones(3), {k}))",
                '  File "/venv/lib/python3.11/site-packages/numba/core/dispatcher.py", line 422, in _compile_for_args',
                "    error_rewrite(e, 'typing')",
                '  File "/venv/lib/python3.11/site-packages/numba/core/dispatcher.py", line 363, in error_rewrite',
                "    raise e.with_traceback(None)",
                "numba.core.errors.TypingError: Failed in nopython mode pipeline (step: nopython frontend)",
                f"No implementation of function Function(<built-in function add>) found for signature:", "",
                f" >>> add(float64, Literal[str](tooth{k}))", "", "There are 20 candidate implementations:",
                " - Of which 18 did not match due to:", " Overload of function 'add': File: <numerous>: Line N/A.",
                "   With argument(s): '(float64, unicode_type)':", "  No match.", " - Of which 2 did not match due to:",
                "   No match for registered cases:"]
        out += [f"   Rejected as the implementation raised a specific error:",
                "     TypingError: Failed in nopython mode pipeline (step: nopython frontend)",
                "   No implementation of function Function(<intrinsic _cast>) found for signature:", "",
                "    >>> _cast(unicode_type, class(int64))", "",
                "   During: resolving callee type: Function(<intrinsic _cast>)",
                "   During: typing of call at /venv/lib/python3.11/site-packages/numba/typed/dictobject.py (715)", "",
                '   File "../../venv/lib/python3.11/site-packages/numba/typed/dictobject.py", line 715:',
                "       def impl(d, key, value):", "           castedkey = _cast(key, keyty)", "           ^", ""] * 2
        out += [f"    * ({a}, {a}) -> {a}" for a in ("int64", "uint64", "float32", "float64", "complex64", "complex128")]
        out += ["", f"During: typing of intrinsic-call at /srv/clock/gears.py ({14 + 9 * k})", "", place,
                f"def wheel_{k}(arr, n):", "    <source elided>", f"    return arr[{k}] + 'tooth'", "    ^", "",
                "During: Pass nopython_type_inference"]
    kept = sent("\n".join(out))
    assert "elided" in kept and [p for p in places if p not in kept] == []


def _orders(n: int, failed: int, latest: int) -> list[dict]:
    """API records as `jq '.results[]'` prints them: one failed, one changed later than the rest."""
    return [{"id": f"ord-{k:03d}", "rope": f"hawser-{k % 7}", "metres": 40 + k % 13,
             "status": "failed" if k == failed else "shipped",
             "updatedAt": f"2026-11-{(30 if k == latest else 1 + k % 20):02d}T0{k % 10}:15:00Z"} for k in range(n)]


def test_values_printed_one_after_another_are_outlined_as_one_array() -> None:
    # `jq '.[]'` and `go list -json` print pretty values one after another: no one document, so
    # it was sent whole (0% saved). Each kept value is compact on a line of its own, sampled as an
    # array's members are; the one that differs stays.
    records = _orders(90, failed=47, latest=61)
    text = "\n".join(json.dumps(r, indent=2) for r in records)
    kept = sent(text)
    assert "values elided" in kept and len(kept) < len(text) / 3
    values = [json.loads(line) for line in kept.split("\n") if not line.startswith("[… ")]
    assert records[47] in values and records[0] in values and records[-1] in values
    assert all(v in records for v in values)  # every kept value whole, as it came


def test_one_line_records_stay_a_log() -> None:
    # JSON Lines (one record a line) are a log's records: read as lines, not re-printed.
    text = "\n".join(json.dumps(r) for r in _orders(90, failed=47, latest=61))
    assert "values elided" not in sent(text)


def test_the_latest_and_earliest_times_of_sampled_records_stay() -> None:
    # An API's list of objects: the one changed last is what "what changed?" asks for; its
    # LastModified is a string no numeric column rule read.
    records = _orders(90, failed=-1, latest=61)
    records[33]["updatedAt"] = "2026-10-02T00:00:00Z"  # the earliest
    kept = sent(json.dumps({"results": records}, indent=2))
    assert "items of $.results elided" in kept
    assert '"id": "ord-061"' in kept and '"id": "ord-033"' in kept


def test_a_list_of_names_is_kept_whole() -> None:
    # `aws s3api list-objects-v2 --delimiter /`: "CommonPrefixes" lists the folders, one name an
    # object; sampling it lost which folders exist, as sampling a listing would.
    prefixes = [{"Prefix": f"builds/gate/{1000 + k}/"} for k in range(70)]
    contents = [{"Key": f"builds/gate/readme-{k}.txt", "Size": 100 + 37 * k % 900, "ETag": f'"{k:032x}"',
                 "StorageClass": "STANDARD"} for k in range(80)]
    kept = sent(json.dumps({"CommonPrefixes": prefixes, "Contents": contents}, indent=4))
    assert "items of $.Contents elided" in kept
    assert [p["Prefix"] for p in prefixes if f'"{p["Prefix"]}"' not in kept] == []


def test_each_kind_of_warning_placed_by_line_and_characters_stays() -> None:
    # odoc and OCaml print the place on a line of its own, `File "x.mli", line 25, characters
    # 15-32:`, and the warning under it: the characters were taken for the message, so every
    # warning of a file was one kind and the file's first stood for all of them.
    messages = ("Warning: '@raise' should begin on its own line.", "Warning: Unknown tag '@deprecatd'.",
                "Warning: End of text is not allowed in '{b ...}' (boldface text).")
    out = []
    for lib in ("oar", "keel"):
        out.append(f"        odoc lib/{lib}/.{lib}.objs/byte/{lib}.odoc")
        for k in range(10):
            for m, message in enumerate(messages):
                out += [f'File "lib/{lib}/{lib}.mli", line {25 + 74 * k + 9 * m}, characters {15 + m}-{32 + m}:', message]
    kept = sent("\n".join(out) + "\nEXIT=0")
    assert "elided" in kept
    for lib in ("oar", "keel"):
        shown = [kept.split("\n")[i + 1] for i, line in enumerate(kept.split("\n")) if f"lib/{lib}/{lib}.mli" in line]
        assert set(messages) <= set(shown), lib


def test_every_problem_npm_ls_lists_stays() -> None:
    # `npm ls --json` lists what is wrong under "problems" (missing, invalid, extraneous): a list of
    # failures by its name, as "errors" is, not members to sample.
    extraneous = [f"pkg-{k:03d}" for k in range(90)]
    doc = {"name": "coilstore", "version": "1.0.0",
           "problems": [f"extraneous: {p}@1.{k}.0 /srv/coilstore/node_modules/{p}" for k, p in enumerate(extraneous)]
           + ["missing: hammer-time@^2.0.0, required by coilstore@1.0.0"],
           "dependencies": {p: {"version": f"1.{k}.0", "resolved": f"https://registry.npmjs.org/{p}/-/{p}-1.{k}.0.tgz",
                                "extraneous": True} for k, p in enumerate(extraneous)}}
    kept = sent(json.dumps(doc, indent=2))
    assert "keys of $.dependencies elided" in kept
    assert [p for p in doc["problems"] if json.dumps(p) not in kept] == []
