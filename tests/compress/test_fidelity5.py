"""Fidelity rules of round 5 (issue #11), found on the tuning part of wide5.json: each test names
the rule and fails without it."""

from __future__ import annotations


from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> tuple[str, str]:
    return lossy_rendering(text, S)


_OPS = ["LOAD_FAST                0 (xs)", "GET_ITER", "FOR_ITER                28 (to 70)", "STORE_FAST               2 (x)",
        "LOAD_CONST               1 (2)", "BINARY_OP                6 (%)", "POP_JUMP_IF_FALSE       17 (to 66)",
        "LOAD_METHOD              0 (append)", "PRECALL                  1", "CALL                     1", "POP_TOP",
        "JUMP_BACKWARD           30 (to 10)", "RETURN_VALUE"]


def test_the_titles_of_a_dumps_blocks_stay() -> None:
    # python -m dis: "Disassembly of <code object …>:" over each function's indented instructions
    lines: list[str] = []
    for k in range(60):
        lines += [f"Disassembly of <code object step_{k} at 0x7f48{k:04x}, file \"m.py\", line {k * 7 + 1}>:"]
        for j, op in enumerate(_OPS * 2):
            lead = f"{k * 7 + 2 + j // 5:>3}" if j % 5 == 0 else "   "
            lines.append(f"{lead}    {'>>' if j % 7 == 3 else '  '} {j * 2:>4} {op}")
        lines.append("")
    _, out = _lossy("\n".join(lines) + "\n")
    for k in range(60):
        assert f"Disassembly of <code object step_{k} at" in out


def test_code_with_indented_bodies_is_no_outline() -> None:
    # a checker's report quoting source: "def f(x):" over its body is code, not a title
    from headroom_mitm.compress.lineindex import LineIndex
    from headroom_mitm.compress.outline import keep_outline_headers
    from headroom_mitm.compress.select import NORMAL

    text = "".join(f"def total_{k}(xs):\n    return sum(xs)\n\n" for k in range(20))
    rank = [NORMAL] * len(text.split("\n"))
    keep_outline_headers(LineIndex(text), rank)
    assert set(rank) == {NORMAL}


def test_json_line_findings_are_told_apart_by_their_fields_not_their_shared_envelope() -> None:
    # cargo --message-format=json: every record opens with the same package and target (over 300
    # characters); the lint code and file sit deep in "message"
    import json

    envelope = {"reason": "compiler-message", "package_id": "path+file:///srv/work/crates/billing#billing@0.1.0",
                "manifest_path": "/srv/work/crates/billing/Cargo.toml",
                "target": {"kind": ["lib"], "crate_types": ["lib"], "name": "billing",
                           "src_path": "/srv/work/crates/billing/src/lib.rs", "edition": "2021", "doc": True,
                           "doctest": True, "test": True}}
    lints = ["clippy::len_zero", "clippy::ptr_arg", "clippy::needless_bool", "clippy::float_cmp"]
    lines = []
    for k in range(48):
        code = lints[k % 4] if k < 40 else "clippy::len_zero"
        msg = {"rendered": f"warning: lint {code} fired\n --> src/lib.rs:{k + 1}:5\n", "$message_type": "diagnostic",
               "children": [{"children": [], "code": None, "level": "note", "message": "`#[warn]` on by default",
                             "rendered": None, "spans": []}],
               "code": {"code": code, "explanation": None}, "level": "warning", "message": f"lint {code} fired",
               "spans": [{"file_name": "src/lib.rs", "line_start": k + 1, "line_end": k + 1,
                          "text": [{"text": f"pub fn f{k}(x: &Vec<i32>) -> bool {{ x.len() == 0 }}"}]}]}
        lines.append(json.dumps({**envelope, "message": msg}, separators=(",", ":")))
    lines.append(json.dumps({"reason": "build-finished", "success": True}))
    _, out = _lossy("\n".join(lines) + "\n")
    for code in lints:
        assert f'"rendered":"warning: lint {code} fired' in out


def _sections(k: int, size: str) -> str:
    return f"{k:>3} .sect_{k:<8} {size}  {k * 4096:016x}  {k * 4096:016x}  {k * 4096:08x}  2**{k % 4}"


def test_a_table_of_two_line_records_keeps_its_extremes() -> None:
    # objdump -h: each section's row, then its flags indented on a line of their own
    sizes = [3000 + (k * 37) % 500 for k in range(80)]
    sizes[23], sizes[61] = 1002, 9876
    lines = ["", "/usr/bin/app:     file format elf64-x86-64", "", "Sections:",
             "Idx Name           Size      VMA               LMA               File off  Algn"]
    for k, n in enumerate(sizes):
        lines += [_sections(k, f"{n:>8}"), "                  CONTENTS, ALLOC, LOAD, READONLY, DATA"]
    _, out = _lossy("\n".join(lines) + "\n")
    assert _sections(23, f"{1002:>8}") in out and _sections(61, f"{9876:>8}") in out


def test_zero_padded_hex_is_a_number_whose_extremes_stay() -> None:
    # readelf/objdump print sizes in zero-padded hex: the smallest and the largest are extremes
    sizes = [0x3000 + (k * 0x37) % 0x500 for k in range(80)]
    sizes[23], sizes[61] = 0x8, 0x28c86e
    lines = ["Idx Name           Size      VMA               LMA               File off  Algn"]
    lines += [_sections(k, f"{n:08x}") for k, n in enumerate(sizes)]
    _, out = _lossy("\n".join(lines) + "\n")
    assert _sections(23, "00000008") in out and _sections(61, "0028c86e") in out


def test_rows_of_one_tabbed_shape_split_by_headers_keep_their_extremes() -> None:
    # go test -bench ./...: each package's goos/goarch/pkg/cpu lines over its benchmark rows
    lines = []
    for p in range(12):
        lines += ["goos: linux", "goarch: amd64", f"pkg: example.com/shop/pkg{p:02d}", "cpu: AMD EPYC"]
        for f in range(2 + p % 5):
            ns = "95.06" if (p, f) == (7, 1) else f"{10 + (p * 7 + f * 3) % 5}.{(p * 3 + f * 7) % 90 + 10}"
            lines.append(f"BenchmarkF{f}-2   \t    2000\t        {ns} ns/op\t       0 B/op\t       0 allocs/op")
        lines += ["PASS", f"ok  \texample.com/shop/pkg{p:02d}\t0.0{p % 9 + 1}7s"]
    _, out = _lossy("\n".join(lines) + "\n")
    assert "95.06 ns/op" in out


def test_each_of_a_few_records_keeps_the_line_that_names_it() -> None:
    # /proc/cpuinfo of two cores: too few records for a table, each block's "processor : N" stays
    flags = " ".join(f"feat{j}" for j in range(120))
    def block(cpu: int) -> str:
        return "\n".join([
            f"processor\t: {cpu}", "vendor_id\t: GenuineIntel", "cpu family\t: 6", "model\t\t: 85",
            "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz", "stepping\t: 7", "microcode\t: 0xffffffff",
            f"cpu MHz\t\t: {2200.0 + cpu:.3f}", "cache size\t: 39424 KB", "physical id\t: 0", "siblings\t: 2",
            f"core id\t\t: {cpu}", "cpu cores\t: 2", f"apicid\t\t: {cpu}", f"initial apicid\t: {cpu}", "fpu\t\t: yes",
            "fpu_exception\t: yes", "cpuid level\t: 13", "wp\t\t: yes", f"flags\t\t: {flags}",
            "bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs taa mmio_stale_data retbleed",
            "bogomips\t: 4400.00", "clflush size\t: 64", "cache_alignment\t: 64",
            "address sizes\t: 46 bits physical, 48 bits virtual", "power management:", ""])
    _, out = _lossy(block(0) + "\n" + block(1))
    assert "processor\t: 0" in out and "processor\t: 1" in out


def test_a_plain_tree_drawing_keeps_every_directory() -> None:
    # `tree -L 3` in a UTF-8 locale pads its rails with no-break spaces; the directories are its outline
    lines = ["/usr/share/perl5"]
    for d in range(12):
        last_d = d == 11
        lines.append(f"{'└' if last_d else '├'}── Pkg{d}")
        rail = "\xa0\xa0\xa0 " if last_d else "│\xa0\xa0 "
        for m in range(9):
            lines.append(f"{rail}{'└' if m == 8 else '├'}── Module{d}_{m}.pm")
        lines.append(f"{rail}└── Sub{d}")
        lines.append(f"{rail}\xa0\xa0\xa0 └── Leaf{d}.pm")
    lines += ["", "24 directories, 132 files"]
    _, out = _lossy("\n".join(lines) + "\n")
    for d in range(12):
        assert f"── Pkg{d}" in out and f"── Sub{d}" in out
    assert "24 directories, 132 files" in out


def test_a_request_the_server_failed_is_an_error() -> None:
    # docker compose's interleaved services: one 500 among hundreds of INFO request lines
    lines = []
    for k in range(600):
        if k % 3 == 0:
            lines.append(f"worker-1  | 2025-11-30T09:{k // 60:02d}:{k % 60:02d}.000Z INFO job {k} done in {k % 17 + 3}ms")
        else:
            status = 500 if k == 311 else 200
            lines.append(f"api-1     | 2025-11-30T09:{k // 60:02d}:{k % 60:02d}.000Z INFO GET /api/items/{k} {status} {k % 9 + 2}ms")
    _, out = _lossy("\n".join(lines) + "\n")
    assert "GET /api/items/311 500 " in out
