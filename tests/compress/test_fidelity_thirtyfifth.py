"""Fidelity rules of issue #11's thirty-fifth pass: each test names the rule and fails without it;
one guard."""

from __future__ import annotations

import base64
import json
import random

from headroom_mitm.compress.documents import looks_like_code_or_prose
from headroom_mitm.compress.lossless import compact_json
from headroom_mitm.compress.settings import CompressionSettings
from headroom_mitm.compress.structured import json_outline
from tests.compress.support import lossy, sent


def _b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(rng.randbytes(n)).decode()


def _lockfile(rng: random.Random, n: int) -> tuple[str, dict[str, str], list[str]]:
    """A package-lock.json of n packages, each a dependency of another: (text, version by path,
    their integrity digests)."""
    versions = {f"node_modules/cooper-{k:03d}": f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}" for k in range(n)}
    digests = [f"sha512-{_b64(rng, 64)}" for _ in range(n)]
    packages: dict[str, object] = {"": {"name": "stave-yard", "version": "1.0.0", "dependencies": {"cooper-000": "^1.0.0"}}}
    for k, ((path, version), digest) in enumerate(zip(versions.items(), digests)):  # each the next's dependant
        packages[path] = {"version": version, "integrity": digest, "license": "MIT",
                          "dependencies": {f"cooper-{(k + 1) % n:03d}": f"^{version}"}}
    doc = {"name": "stave-yard", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}
    return json.dumps(doc, indent=2) + "\n", versions, digests


def test_a_lockfiles_digests_go_and_every_package_stays() -> None:
    # A package-lock's integrity strings are a third of its tokens and say nothing a model reads.
    # Of 30 packages none is sampled away, so only the digests could go, and they did not.
    text, versions, digests = _lockfile(random.Random(35), 30)
    out = lossy(text)
    assert [p for p, v in versions.items() if f'"{p}": {{"version": "{v}"' not in out] == []
    assert [d for d in digests if d[7:27] in out] == []
    assert out.count('"sha512-…') == 30 and out.count("id=hr_") == 1
    assert len(out) < 0.7 * len(compact_json(text.strip()))  # in characters; more in tokens


def test_hex_checksums_and_signatures_go_too() -> None:
    # npm view's dist: a "shasum" in hex and the registry's "sig" in base64 beside the integrity
    # (and a "checksum", and PyPI's digests under their algorithms' names).
    rng = random.Random(35)
    versions = {f"2.{k}.0": {"dist": {"shasum": f"{rng.getrandbits(160):040x}", "integrity": f"sha512-{_b64(rng, 64)}",
                                      "checksum": f"{rng.getrandbits(256):064x}",
                                      "digests": {"md5": f"{rng.getrandbits(128):032x}", "sha256": f"{rng.getrandbits(256):064x}"},
                                      "signatures": [{"keyid": "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA",
                                                      "sig": _b64(rng, 70)}]}} for k in range(30)}
    res = json_outline(json.dumps({"name": "cask", "versions": versions}, indent=2), CompressionSettings())
    assert res is not None
    dists = [v["dist"] for v in versions.values()]
    opaque = [[d["shasum"], d["checksum"], d["signatures"][0]["sig"], *d["digests"].values()] for d in dists]
    assert [x for xs in opaque for x in xs if x in res.text] == []
    assert all(x in res.original for xs in opaque for x in xs)
    assert res.text.count('"keyid": "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA"') == 30


def test_guard_a_commits_sha_is_no_digest() -> None:
    # A commit's id names it (the model checks it out, cites it): only digests by their key or
    # their `sha512-` form go, not every long hex string. (Each commit's long message is outlined
    # on any engine, so this holds without the rule too.)
    rng = random.Random(35)
    commits = [{"sha": f"{rng.getrandbits(160):040x}", "parents": [{"sha": f"{rng.getrandbits(160):040x}"}],
                "message": f"Cooperage {k}: " + "truss hoops " * 200} for k in range(30)]
    res = json_outline(json.dumps(commits, indent=2), CompressionSettings())
    assert res is not None
    assert [c for c in commits if c["sha"] not in res.text or c["parents"][0]["sha"] not in res.text] == []


def _vitest_run(rng: random.Random) -> tuple[str, list[str]]:
    """vitest's verbose run of a URL parser: passing tests, and failures that each dump the parsed
    object (`  host: 'x',` lines, which read as configuration) under their `×` line."""
    out = ["", " RUN  v4.1.12 /work/cooperage", ""]
    failed: list[str] = []
    for k in range(360):
        host = f"cask{k}.Cooper.example"
        if k % 18 == 7:
            line = f" × test.js > parse(http://{host}/stave/{k}) {rng.randint(1, 30)}ms"
            failed.append(line)
            out += [line, "   → Expected values to be loosely deep-equal:", "", "Url {"]
            out += [f"  {key}: {val}," for key, val in (("protocol", "'http:'"), ("slashes", "true"), ("auth", "null"),
                                                         ("host", f"'{host}'"), ("port", "null"), ("hostname", f"'{host}'"),
                                                         ("hash", "null"), ("search", "null"), ("query", "null"),
                                                         ("pathname", f"'/stave/{k}'"), ("path", f"'/stave/{k}'"))]
            out += [f"  href: 'http://{host}/stave/{k}'", "}", "", "should loosely deep-equal", "", "Url {",
                    f"  host: '{host.lower()}',", f"  hostname: '{host.lower()}',", "}", ""]
        else:
            out.append(f" ✓ test.js > parse(http://{host}/hoop/{k}) {rng.randint(0, 3)}ms")
    out += ["", f" Test Files  1 failed (1)", f"      Tests  {len(failed)} failed | {360 - len(failed)} passed (360)", ""]
    return "\n".join(out), failed


def test_a_test_run_whose_failures_dump_objects_is_a_run_not_configuration() -> None:
    # The dumps' `key: value,` lines made the run read as configuration, never cut: the 340
    # passing tests were sent whole with the failures.
    text, failed = _vitest_run(random.Random(35))
    kept = lossy(text).split("\n")
    assert [line for line in failed if line not in kept] == []
    assert "      Tests  20 failed | 340 passed (360)" in kept
    assert sum(1 for line in kept if line.startswith(" ✓ ")) < 100


def test_guard_a_readme_listing_features_with_check_marks_is_still_a_document() -> None:
    # A README's `✓ feature` lines fail nothing: the page is still read as a document (counting
    # every mark as a run's would read it as a log).
    features = [f"✓ {w} barrels, hooped and tested by the cooper's own gauge" for w in
                ("Oak", "Chestnut", "Ash", "Larch", "Pine", "Beech", "Elm", "Cedar")]
    sections = []
    for k in range(60):
        sections += [f"## Section {k}: staves and hoops", "",
                     f"The cooper sets stave {k} against the truss hoop and drives it down.", ""]
    text = "\n".join(["Cooperage", "=========", "", *features, "", *sections])
    assert looks_like_code_or_prose(text)
    assert sent(text) == text
