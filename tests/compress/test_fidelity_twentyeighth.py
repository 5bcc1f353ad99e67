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
