"""Fidelity rules of issue #11's twenty-eighth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from tests.compress.support import sent


def test_the_member_over_each_disassembled_code_block_stays() -> None:
    # javap -c over many classes: "  public double footfall(double[]);" over "    Code:" says which
    # method the instructions below are; 10 of 38 members went with the bytecode around them.
    ops = ("aload_0", "iload_1", "dmul", "dadd", "dstore_3", "bipush        {k}",
           "invokevirtual #{k}                 // Method org/tar/Pit{c}.soak{k}:(I)D",
           "ldc           #{k}                 // String hide {c}-{m}")
    out, members = [], []
    for c in range(8):
        out += [f'Compiled from "Kettle{c}.java"', f"public class org.tar.Kettle{c} {{",
                f"  static final java.util.List<java.lang.Object> vats{c};", ""]
        for m, size in enumerate((300 if c == 0 else 9, 12, 30, 8, 60)):
            member = "  static {};" if m == 1 else f"  public double heat{c}_{m}(double[], int);"
            members.append(member)
            out += [member, "    Code:"]
            out += [f"      {3 * k}: " + ops[(k * 7 + m) % len(ops)].format(k=k + c, c=c, m=m) for k in range(size)]
            out += [f"      {3 * size}: dreturn", ""]
        out.append("}")
    kept = sent("\n".join(out))
    assert "elided" in kept and [m for m in members if m not in kept] == []


def test_a_request_answered_4xx_or_5xx_after_an_arrow_is_an_error() -> None:
    # An app logging its client's calls under NODE_DEBUG=http: "GET /pager/page-crew -> 503 pager
    # gateway down" among hundreds of debug lines was a line of a template like the rest, sampled.
    failed = {k: f"GET /boats/{k} -> 503 boat gateway down" for k in (7, 19, 23, 31, 41, 52)}
    failed[13] = "POST /slips/13 => 404 no such slip"
    failed[37] = "DELETE /slips/37 → 409 slip in use"
    out = []
    for k in range(60):
        out += [f"HTTP 28247: call onSocket {k} 0", f"NET 28247: connect: attempting to connect to 127.0.0.1:{18000 + k}",
                "NET 28247: afterConnect", f"NET 28247: _read - n 16384 isConnecting? {k % 2 == 0} hasHandle? true",
                "HTTP 28247: CLIENT socket onFree", f"HTTP 28247: agent.on(free) 127.0.0.1:{18000 + k}:",
                failed.get(k, f"GET /boats/{k} -> 200 boat ready")]
    kept = sent("\n".join(out))
    assert "elided" in kept and [line for line in failed.values() if line not in kept] == []
    assert "GET /boats/30 -> 200 boat ready" not in kept  # the answered calls are the traffic
