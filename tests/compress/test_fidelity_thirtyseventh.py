"""Fidelity rules of issue #11's thirty-seventh pass: each test names the rule and fails without it;
one guard."""

from __future__ import annotations

import json
import re

from tests.compress.support import lossy, sent

_SAME_AS = re.compile(r"\[… same as (\$[^;]*); ")
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def _at(data: object, path: str) -> object:
    for key, index in _STEP.findall(path[1:]):
        data = data[key] if key else data[int(index)]  # type: ignore[index]
    return data


def _expand(sent_data: object, root: object | None = None) -> object:
    """The rendering's data with every reference replaced by what it names in the rendering, which
    must itself have been sent (a reference names no reference)."""
    root = sent_data if root is None else root
    if isinstance(sent_data, dict):
        if len(sent_data) == 1 and (m := _SAME_AS.match(next(iter(sent_data)))):
            named = _at(root, m.group(1))
            assert isinstance(named, dict) and not any(map(_SAME_AS.match, named)), "a reference names a reference"
            return _expand(named, root)
        return {k: _expand(v, root) for k, v in sent_data.items()}
    if isinstance(sent_data, list):
        if len(sent_data) == 1 and isinstance(sent_data[0], str) and (m := _SAME_AS.match(sent_data[0])):
            return _expand(_at(root, m.group(1)), root)
        return [_expand(v, root) for v in sent_data]
    return sent_data


_DEPRECATED = [
    {
        "ruleId": rule,
        "replacedBy": [f"@stylistic/{rule}"],
        "info": {
            "message": "Formatting rules are being moved out of ESLint core.",
            "url": "https://eslint.org/blog/2023/10/deprecating-formatting-rules/",
            "deprecatedSince": "8.53.0",
            "availableUntil": "11.0.0",
            "replacedBy": [{
                "message": "ESLint Stylistic now maintains deprecated stylistic core rules.",
                "url": "https://eslint.style/guide/migration",
                "plugin": {"name": "@stylistic/eslint-plugin", "url": "https://eslint.style"},
                "rule": {"name": rule, "url": f"https://eslint.style/rules/{rule}"},
            }],
        },
    }
    for rule in ("max-len", "quotes")
]


def _eslint_json() -> tuple[str, list[dict]]:
    """eslint -f json's shape: one record a file, each with its findings and, under every one,
    the same list of deprecated rules the config uses."""
    files = []
    for k in range(30):
        messages = [{"ruleId": "no-unused-vars", "severity": 2, "message": f"'gnomon_{k}' is defined but never used.",
                     "line": 3 + k, "column": 7}]
        files.append({"filePath": f"/srv/dialyard/app/sections/dial-{k:02}.js", "messages": messages,
                      "errorCount": 1, "warningCount": 0, "source": f"const gnomon_{k} = {k};\n",
                      "usedDeprecatedRules": _DEPRECATED})
    return json.dumps(files, separators=(",", ":")), files


def test_a_repeated_value_is_sent_once_as_a_reference() -> None:
    # One-line JSON with nothing to sample was sent whole; each later copy of the deprecated-rule
    # list is now a reference to the first, so nothing is lost, and the first reference gives the
    # retrieve id though the copy's own parts were copies too.
    text, files = _eslint_json()
    out = lossy(text)
    assert len(out) < 0.5 * len(text)
    assert out.count('"ruleId":"max-len"') == 1
    assert re.search(r"same as \$\[0\]\.usedDeprecatedRules; \S+ id=hr_", out)
    assert _expand(json.loads(out)) == files


def test_references_alone_when_the_cut_saves_too_little() -> None:
    # A map of 60 modules is sampled only if that saves enough by itself: here it would not (the
    # bulk is a few copies of one configuration), so every module stays and the copies go.
    config = {"rules": {f"rule-{k}": {"level": "warn", "options": {"max": k}} for k in range(20)}}
    doc = {"modules": {f"ladderdredger.buckets.barges_{k}": {"bacon": k % 3} for k in range(60)},
           **{f"profile_{p}": config for p in range(10)}}
    text = json.dumps(doc, indent=2)
    out = sent(text)
    assert all(f'"ladderdredger.buckets.barges_{k}": {{' in out for k in range(60))
    assert out.count('"rule-19"') == 1
    assert _expand(json.loads(out)) == doc


def test_a_document_spelled_with_escapes_gets_no_reference() -> None:
    # Guard: an outline writes "‘" where gcc's JSON writes \u2018; a document with nothing else to
    # leave out is not outlined for its copies, so its strings reach the model as spelled.
    note = {"kind": "note", "message": "each undeclared identifier is reported only once for each function it appears in",
            "locations": [{"caret": {"file": "src/retort_00.c", "line": 21, "column": c}} for c in range(1, 9)]}
    doc = [{"kind": "error", "message": f"‘retort_{k}’ undeclared (first use in this function)", "children": [note]}
           for k in range(12)]
    text = json.dumps(doc, indent=2)
    out = sent(text)
    assert "same as" not in out
    assert all(f"\\u2018retort_{k}\\u2019 undeclared" in out for k in range(12))


def test_a_sample_that_saves_little_over_the_compact_document_is_not_sent() -> None:
    # `go list -json -deps`: 44 packages printed one after another, pretty, the first and last
    # with long lists of what they depend on. Made compact they lose nothing and save much;
    # sampling the small ones in between would save little more and lose which packages are
    # built. The outline is not sent: every package stays named.
    module = {"Path": "example.com/vialbook", "Main": True, "Dir": "/srv/vialbook", "GoMod": "/srv/vialbook/go.mod",
              "GoVersion": "1.19"}
    packages = [{"Dir": f"/srv/vialbook/pkg{k:02}", "ImportPath": f"example.com/vialbook/pkg{k:02}", "Name": f"pkg{k:02}",
                 "Module": module, "Deps": [f"internal/vialstd{j:03}" for j in range(k, k + 150)] if k < 5 or k > 40 else ["errors"]}
                for k in range(44)]
    text = "\n".join(json.dumps(p, indent="\t") for p in packages)
    out = sent(text)
    assert [k for k in range(44) if f'"example.com/vialbook/pkg{k:02}"' not in out] == []
