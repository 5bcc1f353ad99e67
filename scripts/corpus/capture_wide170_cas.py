"""Round 170, computer algebra and number theory: Maxima batch files, PARI/GP scripts and GAP sessions of the round's
own (series, factorizations, integrals, matrices, elliptic curves, permutation groups), widened by seeded generators,
with faults put in (a division by zero, a type error, an undefined function, a syntax error, a non-invertible
element, an empty list indexed). Extractors are the rules of NEEDLES.md's "Round 170" section. Run through
capture_wide170.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, mask, next_match, run, write_tree
from capture_wide170 import add, exit_lines

# ------------------------------------------------------------------ extractors

MAXIMA_ERR = re.compile(r"incorrect syntax|undefined|Division by 0|expt:|is not|Lisp error|divergent|"
                        r"[a-z_]+: .*(must|should|cannot|not|invalid|wrong|error)", re.I)


@cm.kind("maxima-batch", "log")
def n_maxima_batch(lines):
    """Rule 1/5 on Maxima batch output: every error message line (above `-- an error.` or matching an error shape), the (%iN) input line above each, the `-- an error.` line once, the last (%oN) line."""
    out = []
    errs = [i for i, ln in enumerate(lines) if ln.strip().startswith("-- an error.")]
    for i in errs:
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0:
            out.append(lines[k])
    err_lines = [i for i, ln in enumerate(lines) if MAXIMA_ERR.search(ln) and not ln.startswith("(%")]
    out += [lines[i] for i in err_lines]
    for i in err_lines:  # a syntax error's location: the source excerpt Maxima echoes under it
        if "incorrect syntax" in lines[i]:
            out.append(next((x for x in lines[i + 1:i + 3] if x.strip()), None))
    for i in sorted(set(errs) | set(err_lines)):
        for k in range(i - 1, -1, -1):
            if lines[k].startswith("(%i"):
                out.append(lines[k])
                break
    if errs:
        out.append(any_of([lines[i] for i in errs]))
    outs = [ln for ln in lines if ln.lstrip().startswith("(%o")]
    return out + outs[-1:] + exit_lines(lines)


@cm.kind("gp-script", "log")
def n_gp_script(lines):
    """Rule 1/5 on PARI/GP output: every *** line carrying an error message (not the ^--- marker), warnings one any per shape, the largest timing line, the last output line."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if not s.startswith("***"):
            continue
        body = s.lstrip("*").strip()
        if re.match(r"^\^-*$", body) or not body:
            continue
        if body.startswith("Warning"):
            warns.append((mask(body), ln))
        else:
            out.append(ln)
    out += cm.groups(warns)
    times = []
    for ln in lines:
        m = re.search(r"time = (?:(\d+)h, )?(?:(\d+)min, )?(?:(\d+),)?(\d+) ms", ln)
        if m:
            h, mi, s, ms = (int(x) if x else 0 for x in m.groups())
            times.append((((h * 60 + mi) * 60 + s) * 1000 + ms, ln))
    if times:
        top = max(t for t, _ in times)
        out.append(next(ln for t, ln in times if t == top))
    rest = [ln for ln in lines if ln.strip() and not ln.strip().startswith("***") and "time =" not in ln
            and not EXIT_LINE.match(ln)]
    return out + rest[-1:] + exit_lines(lines)


EXIT_LINE = re.compile(r"^EXIT=\d+$")


@cm.kind("gap-session", "log")
def n_gap_session(lines):
    """Rule 1/5 on GAP sessions: every `Error, …` line with its location line within six, `Syntax error:` lines with the source and ^ lines after, brk> once, Warning lines one any per shape, the last output line."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^(Error, |Error,)", ln.lstrip("brk> ")) or ln.startswith("Error"):
            out.append(ln)
            out.append(next_match(lines, i, r"(not in any function|called from|at \S+:\d+)", 6))
        if re.search(r"Syntax error:", ln):
            out.append(ln)
            out += [x for x in lines[i + 1:i + 3] if x.strip()]
        if re.match(r"^#?\s*W(arning|ARNING)", ln):
            warns.append((mask(ln), ln))
    out += cm.groups(warns)
    brk = [ln for ln in lines if ln.startswith("brk>")]
    if brk:
        out.append(any_of(brk))
    rest = [ln for ln in lines if ln.strip() and not re.match(r"^(brk>|gap>|Error|type 'quit;'|not in any|EXIT=)", ln)]
    return out + rest[-1:] + exit_lines(lines)


# ------------------------------------------------------------------ sessions

def maxima_file(seed: int, n: int, fault: str) -> str:
    r = random.Random(seed)
    out = ["/* a worksheet: series, integrals, factorizations */", "display2d: true$"]
    for k in range(n):
        a, b, c = r.randint(2, 9), r.randint(1, 7), r.randint(3, 14)
        out.append(r.choice([
            f"expand((x + {a}*y - {b})^{c});",
            f"factor(x^{c * 2} - {a}^{c * 2});",
            f"taylor(exp({a}*x) * sin({b}*x), x, 0, {c});",
            f"integrate(x^{b} * exp(-{a}*x), x);",
            f"solve([{a}*x + {b}*y = {c}, x - y = {a}], [x, y]);",
            f"determinant(genmatrix(lambda([i, j], (i + {a})^(j + {b - 1})), {min(c, 6)}, {min(c, 6)}));",
            f"ratsimp(diff(atan({a}*x)/(1 + x^{b}), x));",
            f"sum(1/k^{b + 1}, k, 1, {c * 3}), numer;",
        ]))
    out.append(fault)
    out.append("print(\"done\");")
    return "\n".join(out) + "\n"


MAXIMA_FAULTS = {
    "div0": "w: 1/(x - x);",
    "typeerr": "m: matrix([1, 2], [3, 4]) . [1, 2, 3];",
    "syntax": "expand((x + 1)^2 ;; factor(x^2 - 1);",
    "integral": "integrate(1/x^2, x, -1, 1);",
}


def gp_script(seed: int, n: int, faults: list[str]) -> str:
    r = random.Random(seed)
    out = ["\\\\ number theory worksheet", "#"]
    body = []
    for k in range(n):
        a, b = r.randint(10**12, 10**20), r.randint(3, 60)
        body.append(r.choice([
            f"factor({a})", f"isprime({a} + {b})", f"nextprime({a})", f"znprimroot(nextprime({b}*1000))",
            f"ellinit([0, 0, 0, {-b}, {b + 1}]).disc", f"ellan(ellinit([0, 0, 1, -1, 0]), {b})",
            f"bnfinit(x^2 + {b}).clgp", f"polcyclo({b})", f"sum(k = 1, {b * 1000}, moebius(k))",
            f"lift(Mod(3, {a})^{b * 100})", f"qfbclassno({-4 * b - 3})",
        ]))
    for k, f in enumerate(faults):
        body.insert((k + 1) * len(body) // (len(faults) + 1), f)
    return "\n".join(out + body) + "\n"


GP_FAULTS = ["1/0", "Mod(2, 4)^-1", "factor(\"1234567\")", "ellorder(5)", "solveit(3)", "v = [1, 2, 3]; v[7]",
             "sqrt(Mod(3, 7))", "x = 3 +", "error(\"checksum mismatch in table\", 17)", "matsolve([1, 2; 2, 4], [1, 1]~)"]


def gap_session(seed: int, n: int, faults: list[str]) -> str:
    r = random.Random(seed)
    body = []
    for k in range(n):
        d = r.randint(4, 8)
        body.append(r.choice([
            f"G := SymmetricGroup({d});; Size(G);",
            f"List(ConjugacyClasses(SymmetricGroup({d})), c -> [Order(Representative(c)), Size(c)]);",
            f"Factors({r.randint(10**10, 10**14)});",
            f"H := Group(({r.randint(1, 3)},{r.randint(4, 6)},7), (1,2)(3,{r.randint(4, 8)}));; Size(H); IsAbelian(H);",
            f"Collected(List(Elements(AlternatingGroup({min(d, 6)})), Order));",
            f"DerivedSeries(SymmetricGroup({d}));",
            f"List([1..{d * 3}], i -> Phi(i));",
            f"M := RandomMat({d}, {d}, Integers);; DeterminantMat(M);",
        ]))
    for k, f in enumerate(faults):
        body.insert((k + 1) * len(body) // (len(faults) + 1), f + "\nquit;")
    return "\n".join(body) + "\n"


GAP_FAULTS = ["x := 1/0;", "Size(Group((1,2,3), (1,2)) + 3);", "Centraliser(SymmetricGroup(5));", "L := [];; L[3];",
              "NormalClosure(SymmetricGroup(4), (1,2,5));", "f := function(n) return n * ; end;",
              "Order(Matrix([[1,2],[2,4]]) ^ -1);", "Frobnicate(SymmetricGroup(3));"]


def step_maxima(tmp: Path) -> None:
    d = tmp / "maxima"
    files = {f"sheet_{k}.mac": maxima_file(180 + i, n, MAXIMA_FAULTS[k])
             for i, (k, n) in enumerate((("div0", 70), ("typeerr", 60), ("syntax", 30), ("integral", 100)))}
    write_tree(d, files)
    cmd = "maxima -q -b sheet_div0.mac"
    add("maxima-div0", cmd, run(cmd, cwd=d, timeout=180), n_maxima_batch)
    cmd = "maxima -q -b sheet_typeerr.mac 2>&1 | tail -n 80"
    add("maxima-typeerr-tail", cmd, run(cmd, cwd=d, timeout=180), n_maxima_batch)
    cmd = "maxima --very-quiet -b sheet_syntax.mac; echo EXIT=$?"
    add("maxima-syntax", cmd, run(cmd, cwd=d, timeout=180), n_maxima_batch)
    cmd = "maxima -q -b sheet_integral.mac"
    add("maxima-integral", cmd, run(cmd, cwd=d, timeout=180), n_maxima_batch)


def step_gp(tmp: Path) -> None:
    d = tmp / "gp"
    write_tree(d, {"nt1.gp": gp_script(190, 120, GP_FAULTS[:5]), "nt2.gp": gp_script(191, 200, GP_FAULTS[5:]),
                   "nt3.gp": gp_script(192, 25, GP_FAULTS[::3])})
    cmd = "gp -q < nt1.gp"
    add("gp-nt1", cmd, run(cmd, cwd=d, timeout=180), n_gp_script)
    cmd = "gp -q < nt2.gp; echo EXIT=$?"
    add("gp-nt2", cmd, run(cmd, cwd=d, timeout=180), n_gp_script)
    cmd = "gp -q < nt3.gp 2>&1 | grep -E '\\*\\*\\*|time ='"
    add("gp-nt3-grep", cmd, run(cmd, cwd=d, timeout=180), n_gp_script)


def step_gap(tmp: Path) -> None:
    d = tmp / "gap"
    write_tree(d, {"groups1.g": gap_session(200, 70, GAP_FAULTS[:4]), "groups2.g": gap_session(201, 140, GAP_FAULTS[4:]),
                   "groups3.g": gap_session(202, 12, GAP_FAULTS[1::2])})
    cmd = "gap -q < groups1.g"
    add("gap-groups1", cmd, run(cmd, cwd=d, timeout=180), n_gap_session)
    cmd = "gap -q < groups2.g; echo EXIT=$?"
    add("gap-groups2", cmd, run(cmd, cwd=d, timeout=180), n_gap_session)


STEPS = [step_maxima, step_gp, step_gap]
