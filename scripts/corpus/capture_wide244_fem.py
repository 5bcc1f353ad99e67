"""Round 244, meshing and finite elements: Gmsh (`gmsh -2`/`-3`) on `.geo` files of the round's own (a plate with
seeded holes in the built-in kernel, a bracket and boxes with cylinders cut in OpenCASCADE) with faults put in (an
unclosed curve loop, a self-intersecting loop, an unknown command, a syntax error); CalculiX (`ccx`) on `.inp` decks
of the round's own (a cantilever of C3D8 bricks, a heat-conduction block, a frequency step) with faults put in (a
missing material, no boundary condition, an unknown keyword, a node missing from a set); FreeFEM (`FreeFem++ -nw`) on
`.edp` scripts (Poisson convergence, plane elasticity, a heat equation stepped in time) with faults put in (a syntax
error, an undefined name, an array index out of range). The extractors are this round's (NEEDLES.md, "Round 244").
Run through capture_wide244.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run, write_tree
from capture_wide224 import exit_lines, pick, shaped
from capture_wide244 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 244")


def uniq(needles: list) -> list:
    """A needle listed once (the same line found by two parts of a rule)."""
    seen, out = set(), []
    for n in needles:
        key = repr(n)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def diag(lines, pat: str, warn: str = r"[Ww]arning|WARNING") -> list:
    """Rule 1: error lines one by one (a shape past 3 as one {"any"}), warnings one {"any"} per masked shape."""
    err = pick(lines, pat)
    w = [ln for ln in pick(lines, warn) if ln not in err]
    return shaped(err) + cm.groups((cm.mask(ln), ln) for ln in w)


GMSH_STATS = r"Done meshing|^Info\s*: \d+ nodes \d+ elements|Writing '|Done writing|^Info\s*: (Stopped|Finished)"


@kind("gmsh-mesh", "build")
def n_gmsh_mesh(lines):
    """Rule 1+5: every Error/Warning line (warning shapes past 3 as one {"any"}), the Done meshing lines, the N nodes N elements line, the Writing/Done writing lines, the Stopped line, EXIT=."""
    return uniq(diag(lines, r"Error") + pick(lines, GMSH_STATS) + exit_lines(lines))


@kind("gmsh-error", "build")
def n_gmsh_error(lines):
    """Rule 1+3: every Error line, warnings one {"any"} per shape, the last Info line before the first Error, EXIT=."""
    out = diag(lines, r"Error")
    for i, ln in enumerate(lines):
        if re.search(r"Error", ln):
            prev = cm.prev_match(lines, i, r"^Info", back=50)
            if prev:
                out.append(prev)
            break
    return uniq(out + exit_lines(lines))


CCX_ERR = r"\*ERROR|\*WARNING|[Ee]rror|singular|zero pivot|not defined|nonexistent"


@kind("ccx-run", "log")
def n_ccx_run(lines):
    """Rule 5+1+4: the step headings, convergence/residual lines (shapes past 3 as one {"any"}), Job finished, every *ERROR/*WARNING line, EXIT=; a printed .dat file's section headers and each column's min/max rows."""
    out = pick(lines, r"^\s*STEP\s+\d+|analysis was selected|^\s*Heat transfer|^\s*Job finished")
    out += shaped(pick(lines, r"convergence|residual|increment size|^\s*(increment|iteration)\s+\d+"))
    out += diag(lines, r"\*ERROR|[Ee]rror", r"\*WARNING|[Ww]arning")
    sect = None
    cols: dict = {}
    for ln in lines:
        if re.match(r"^\s*(displacements|stresses|strains|temperatures|forces|heat flux|eigenvalue|"
                    r"E I G E N|total force)\b.*", ln, re.I) or re.match(r"^\s+[a-z][a-z ,().]+ for set \S+", ln):
            for lo, hi in cols.values():
                out += [lo[1], hi[1]]
            sect, cols = ln, {}
            out.append(ln)
            continue
        m = re.match(r"^\s+\d+(\s+\d+)?((\s+[-+]?\d\.\d+E[-+]\d+)+)\s*$", ln)
        if sect and m:
            for j, tok in enumerate(m.group(2).split()):
                v = float(tok)
                lo, hi = cols.get(j, ((v, ln), (v, ln)))
                cols[j] = (min(lo, (v, ln)), max(hi, (v, ln)))
        elif sect and cols and ln.strip() and not m:  # column-header lines above the first row stay in the section
            for lo, hi in cols.values():
                out += [lo[1], hi[1]]
            sect, cols = None, {}
    for lo, hi in cols.values():
        out += [lo[1], hi[1]]
    return uniq(out + exit_lines(lines))


@kind("ccx-error", "build")
def n_ccx_error(lines):
    """Rule 1+3: every *ERROR/*WARNING/error/singular/zero pivot/not defined/nonexistent line with the deck line quoted within six, shapes past 3 as one {"any"}, EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(CCX_ERR, ln):
            out.append(ln)
            q = cm.next_match(lines, i, r"^\s{8,}(\*[A-Z]|[A-Z]\w*,|\d+,)", ahead=6)
            if q and not re.search(CCX_ERR, q):
                out.append(q)
    return uniq(shaped(out) + exit_lines(lines))


FF_ERR = r"Error|error|Exec error|Compile error|syntax error|current line|Assertion fail|Out of bound|erreur"


@kind("freefem-run", "log")
def n_freefem_run(lines):
    """Rule 5+1: every printed `name = value` line, the mesh counts line, times:/Ok: Normal End, every Warning/Error line, EXIT=."""
    vals = [ln for ln in lines if not re.match(r"^\s*\d+ : ", ln)
            and re.search(r"\S\s*[=:]\s*[-+]?\d", ln) and not re.search(r"CodeAlloc|sizestack|^times:", ln)]
    out = list(vals)
    out += pick(lines, r"nb vertices|Nb of (vertices|triangles)|^times:|Ok: Normal End")
    return uniq(out + diag(lines, FF_ERR, r"[Ww]arning|WARNING") + exit_lines(lines))


@kind("freefem-error", "build")
def n_freefem_error(lines):
    """Rule 1+3: every Error/Exec error/Compile error/syntax error/current line line with the numbered source line nearest before it (within six), EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(FF_ERR, ln):
            out.append(ln)
            src = cm.prev_match(lines, i, r"^\s*\d+ : ", back=6)
            if src:
                out.append(src)
    return uniq(shaped(out) + exit_lines(lines))


# ------------------------------------------------------------------ Gmsh


def plate_geo(n_holes: int, seed: int, lc: float = 0.25, fault: str = "") -> str:
    """A 20x10 plate with seeded circular holes (built-in kernel); `fault` puts a hole across the edge or in another."""
    rnd = random.Random(seed)
    L = [f"lc = {lc};", "Point(1) = {0, 0, 0, lc}; Point(2) = {20, 0, 0, lc};",
         "Point(3) = {20, 10, 0, lc}; Point(4) = {0, 10, 0, lc};",
         "Line(1) = {1, 2}; Line(2) = {2, 3}; Line(3) = {3, 4}; Line(4) = {4, 1};", "Curve Loop(1) = {1, 2, 3, 4};"]
    p, c, loops, placed = 5, 5, [1], []
    while len(placed) < n_holes:
        r = rnd.uniform(0.2, 0.45)
        x, y = rnd.uniform(1, 19), rnd.uniform(1, 9)
        if any((x - a) ** 2 + (y - b) ** 2 < (r + rr + 0.3) ** 2 for a, b, rr in placed):
            continue
        placed.append((x, y, r))
    if fault == "edge":
        placed[len(placed) // 2] = (19.8, 5.0, 0.6)
    if fault == "overlap":
        x, y, r = placed[0]
        placed.append((x + r * 0.8, y, r))
    for x, y, r in placed:
        L.append(f"Point({p}) = {{{x:.4f}, {y:.4f}, 0, lc/2}};")
        for k, (dx, dy) in enumerate([(r, 0), (0, r), (-r, 0), (0, -r)]):
            L.append(f"Point({p + 1 + k}) = {{{x + dx:.4f}, {y + dy:.4f}, 0, lc/2}};")
        for k in range(4):
            L.append(f"Circle({c + k}) = {{{p + 1 + k}, {p}, {p + 1 + (k + 1) % 4}}};")
        L.append(f"Curve Loop({len(loops) + 1}) = {{{c}, {c + 1}, {c + 2}, {c + 3}}};")
        loops.append(len(loops) + 1)
        p, c = p + 5, c + 4
    L.append("Plane Surface(1) = {" + ", ".join(map(str, loops)) + "};")
    L.append('Physical Curve("clamp") = {4};\nPhysical Curve("load") = {2};\nPhysical Surface("plate") = {1};')
    return "\n".join(L) + "\n"


def occ_geo(n: int, seed: int, lcmax: float, fault: str = "") -> str:
    """A row of n boxes, each with a cylinder cut through it (OpenCASCADE), fused into a bracket."""
    rnd = random.Random(seed)
    L = ['SetFactory("OpenCASCADE");', f"Mesh.CharacteristicLengthMax = {lcmax};"]
    for k in range(n):
        h = rnd.uniform(0.6, 1.4)
        L.append(f"Box({k + 1}) = {{{k * 1.0}, 0, 0, 1, 1, {h:.3f}}};")
        L.append(f"Cylinder({n + k + 1}) = {{{k + 0.5}, 0.5, -0.1, 0, 0, {h + 0.2:.3f}, {rnd.uniform(0.1, 0.3):.3f}}};")
    L.append("BooleanDifference{ Volume{1:%d}; Delete; }{ Volume{%d:%d}; Delete; }" % (n, n + 1, 2 * n))
    if fault == "unknown":
        L.append("BooleanUnion{ Volume{1}; Delete; }{ Volume{%d}; Delete; }" % (3 * n + 4))
        L.append("Fillet{2}{99}{0.1}\nExtrude {0, 0, 1} { Surface{77}; }")
    L.append('Physical Volume("bracket") = {1:%d};' % n)
    return "\n".join(L) + "\n"


BOWTIE = """// a gasket outline whose corners were entered in the wrong order: the loop crosses itself
lc = 0.05;
Point(1) = {0, 0, 0, lc}; Point(2) = {2, 1, 0, lc}; Point(3) = {2, 0, 0, lc}; Point(4) = {0, 1, 0, lc};
Line(1) = {1, 2}; Line(2) = {2, 3}; Line(3) = {3, 4}; Line(4) = {4, 1};
Curve Loop(1) = {1, 2, 3, 4};
Plane Surface(1) = {1};
Point(5) = {3, 0, 0, lc}; Point(6) = {4, 0, 0, lc}; Point(7) = {4, 1, 0, lc}; Point(8) = {3, 1, 0, lc};
Line(5) = {5, 6}; Line(6) = {6, 7}; Line(7) = {7, 8};
Curve Loop(2) = {5, 6, 7};
Plane Surface(2) = {2};
"""

SYNTAX = """// flange profile, revolved
lc = 0.1;
Point(1) = {0, 0, 0, lc};
Point(2) = {1, 0, 0, lc};
Point(3) = {1, 0.2, 0, lc}
Point(4) = {0.4, 0.2, 0, lc};
Line(1) = {1, 2}; Line(2) = {2, 3}; Line(3) = {3, 4}; Line(4) = {4, 1};
Curve Loop(1) = {1, 2, 3, 4};
Plane Surface(1) = {1};
Extrude {{0, 1, 0}, {0, 0, 0}, Pi/2} { Surface{1}; Layers{8}; Recombine; }
Physical Volume("flange") = {1};
Physical Surface("seat") = {99};
"""


def gmsh(tmp: Path) -> None:
    d = tmp / "gmsh"
    files = {"plate_small.geo": plate_geo(6, 2441, 0.5), "plate_60.geo": plate_geo(60, 2442, 0.3),
             "plate_edge.geo": plate_geo(25, 2443, 0.3, "edge"), "plate_overlap.geo": plate_geo(30, 2444, 0.3, "overlap"),
             "bracket.geo": occ_geo(4, 2445, 0.15), "bracket_12.geo": occ_geo(12, 2446, 0.2),
             "bracket_bad.geo": occ_geo(3, 2447, 0.2, "unknown"), "gasket.geo": BOWTIE, "flange.geo": SYNTAX}
    write_tree(d, files)
    items = [
        ("gmsh-2-plate-small", "gmsh -2 plate_small.geo", n_gmsh_mesh),
        ("gmsh-2-plate-60-holes", "gmsh -2 plate_60.geo -o plate_60.msh", n_gmsh_mesh),
        ("gmsh-2-plate-60-tail-120", "gmsh -2 -format msh2 plate_60.geo 2>&1 | tail -n 120", n_gmsh_mesh),
        ("gmsh-3-bracket-echo-exit", "gmsh -3 bracket.geo; echo EXIT=$?", n_gmsh_mesh),
        ("gmsh-3-bracket-12-optimize", "gmsh -3 -optimize_netgen bracket_12.geo -o bracket_12.msh", n_gmsh_mesh),
        ("gmsh-3-bracket-12-grep-v-percent", "gmsh -3 bracket_12.geo 2>&1 | grep -v '^Info    : \\['", n_gmsh_mesh),
        ("gmsh-2-hole-across-edge", "gmsh -2 plate_edge.geo; echo EXIT=$?", n_gmsh_error),
        ("gmsh-2-overlapping-holes-tail-25", "gmsh -2 plate_overlap.geo 2>&1 | tail -n 25; echo EXIT=$?",
         n_gmsh_error),
        ("gmsh-2-self-intersecting-loop", "gmsh -2 gasket.geo 2>&1; echo EXIT=$?", n_gmsh_error),
        ("gmsh-3-unknown-entity", "gmsh -3 bracket_bad.geo", n_gmsh_error),
        ("gmsh-3-syntax-error-head-60", "gmsh -3 flange.geo 2>&1 | head -n 60", n_gmsh_error),
    ]
    for item, cmd, ext in items:
        add(item, cmd, run("nice " + cmd if "|" not in cmd else cmd, cwd=d, timeout=180), ext)


# ------------------------------------------------------------------ CalculiX


def brick_deck(nx: int, ny: int, nz: int, fault: str = "", step: str = "static") -> str:
    """A cantilever nx x ny x nz of unit C3D8 bricks, clamped at x=0, loaded at the tip."""
    def nid(i, j, k):
        return 1 + i + (nx + 1) * (j + (ny + 1) * k)
    L = ["** cantilever of C3D8 bricks, written by the round's generator", "*NODE, NSET=NALL"]
    for k in range(nz + 1):
        for j in range(ny + 1):
            for i in range(nx + 1):
                L.append(f"{nid(i, j, k)}, {i * 1.0:.1f}, {j * 1.0:.1f}, {k * 1.0:.1f}")
    L.append("*ELEMENT, TYPE=C3D8, ELSET=EALL")
    e = 1
    for k in range(nz):
        for j in range(ny):
            for i in range(nx):
                n = [nid(i, j, k), nid(i + 1, j, k), nid(i + 1, j + 1, k), nid(i, j + 1, k),
                     nid(i, j, k + 1), nid(i + 1, j, k + 1), nid(i + 1, j + 1, k + 1), nid(i, j + 1, k + 1)]
                L.append(f"{e}, " + ", ".join(map(str, n)))
                e += 1
    fix = [nid(0, j, k) for k in range(nz + 1) for j in range(ny + 1)]
    tip = [nid(nx, j, k) for k in range(nz + 1) for j in range(ny + 1)]
    if fault == "set":
        tip.append((nx + 1) * (ny + 1) * (nz + 1) + 7)
    L += ["*NSET, NSET=FIX"] + [", ".join(map(str, fix[i:i + 8])) for i in range(0, len(fix), 8)]
    L += ["*NSET, NSET=TIP"] + [", ".join(map(str, tip[i:i + 8])) for i in range(0, len(tip), 8)]
    mat = "ALU6061" if fault == "material" else "STEEL"
    props = ["*CONDUCTIVITY", "50."] if step == "heat" else ["*ELASTIC", "210000., 0.3", "*DENSITY", "7.85e-9"]
    L += ["*MATERIAL, NAME=STEEL"] + props + [f"*SOLID SECTION, ELSET=EALL, MATERIAL={mat}"]
    if fault != "boundary" and step != "heat":
        L += ["*BOUNDARY", "FIX, 1, 3"]
    if step == "static":
        kw = fault == "keyword"
        L += ["*STEP", "*STATIC", "*CLAOD" if kw else "*CLOAD", "TIP, 3, -10.",
              "*NODE PRNT, NSET=TIP" if kw else "*NODE PRINT, NSET=TIP", "U", "*EL PRINT, ELSET=EALL", "S", "*END STEP"]
    elif step == "nonlinear":
        L += ["*STEP, NLGEOM, INC=50", "*STATIC", "0.1, 1.0", "*CLOAD", "TIP, 3, -4000.",
              "*NODE PRINT, NSET=TIP", "U", "*NODE PRINT, NSET=FIX, TOTALS=ONLY", "RF", "*END STEP"]
    elif step == "frequency":
        L += ["*STEP", "*FREQUENCY", "8", "*NODE PRINT, NSET=TIP", "U", "*END STEP"]
    elif step == "heat":
        L += ["*INITIAL CONDITIONS, TYPE=TEMPERATURE", "NALL, 20.", "*STEP", "*HEAT TRANSFER, STEADY STATE",
              "*BOUNDARY", "FIX, 11, 11, 100.", "TIP, 11, 11, 20.", "*NODE PRINT, NSET=NALL", "NT", "*END STEP"]
    return "\n".join(L) + "\n"


def ccx(tmp: Path) -> None:
    d = tmp / "ccx"
    files = {"cant.inp": brick_deck(12, 2, 2), "cant_big.inp": brick_deck(24, 2, 2),
             "cant_nl.inp": brick_deck(20, 2, 2, step="nonlinear"), "cant_freq.inp": brick_deck(16, 2, 2, step="frequency"),
             "block_heat.inp": brick_deck(10, 4, 2, step="heat"),
             "cant_nomat.inp": brick_deck(8, 2, 2, "material"), "cant_free.inp": brick_deck(8, 2, 2, "boundary"),
             "cant_kw.inp": brick_deck(8, 2, 2, "keyword"), "cant_set.inp": brick_deck(8, 2, 2, "set")}
    write_tree(d, files)
    items = [
        ("ccx-static-cantilever", "ccx -i cant", n_ccx_run),
        ("ccx-static-big-and-dat", "ccx -i cant_big > /dev/null; echo EXIT=$?; cat cant_big.dat", n_ccx_run),
        ("ccx-nlgeom-tail-250", "ccx -i cant_nl 2>&1 | tail -n 250", n_ccx_run),
        ("ccx-frequency-and-dat", "ccx -i cant_freq 2>&1 | tail -n 30; cat cant_freq.dat | head -n 120", n_ccx_run),
        ("ccx-heat-steady-dat", "ccx -i block_heat >/dev/null 2>&1; echo EXIT=$?; cat block_heat.dat", n_ccx_run),
        ("ccx-missing-material", "ccx -i cant_nomat; echo EXIT=$?", n_ccx_error),
        ("ccx-no-boundary-dat-head-120", "ccx -i cant_free > /dev/null; echo EXIT=$?; cat cant_free.dat | head -n 120",
         n_ccx_run),
        ("ccx-misspelled-keywords", "ccx -i cant_kw; echo EXIT=$?", n_ccx_error),
        ("ccx-node-missing-from-set", "ccx -i cant_set 2>&1; echo EXIT=$?", n_ccx_error),
    ]
    for item, cmd, ext in items:
        add(item, cmd, run(cmd, cwd=d, timeout=300, env={"OMP_NUM_THREADS": "1"}), ext)


# ------------------------------------------------------------------ FreeFEM

POISSON_CONV = """// Poisson on the unit square: convergence of P1 and P2 against an exact solution
func uex = sin(pi*x)*sin(pi*y);
func fex = 2*pi*pi*sin(pi*x)*sin(pi*y);
for (int n = 4; n <= %d; n *= 2) {
  mesh Th = square(n, n);
  fespace Vh(Th, P1);
  fespace Wh(Th, P2);
  Vh u, v;
  Wh w, z;
  solve P1(u, v) = int2d(Th)(dx(u)*dx(v) + dy(u)*dy(v)) - int2d(Th)(fex*v) + on(1, 2, 3, 4, u=0);
  solve P2(w, z) = int2d(Th)(dx(w)*dx(z) + dy(w)*dy(z)) - int2d(Th)(fex*z) + on(1, 2, 3, 4, w=0);
  real e1 = sqrt(int2d(Th)((u-uex)^2));
  real e2 = sqrt(int2d(Th)((w-uex)^2));
  cout << "n = " << n << "  h = " << 1./n << "  L2 error P1 = " << e1 << "  L2 error P2 = " << e2 << endl;
}
"""

ELASTIC = """// plane-strain beam under gravity, clamped on the left
real E = 21e5, nu = 0.28, rho = 8e-6, g = -9.81;
real mu = E/(2*(1+nu)), lambda = E*nu/((1+nu)*(1-2*nu));
mesh Th = square(%d, %d, [20*x, 2*y]);
fespace Vh(Th, [P2, P2]);
Vh [u, v], [uu, w];
macro eps(u, v) [dx(u), dy(v), (dy(u)+dx(v))/sqrt(2.)] //
macro div(u, v) (dx(u) + dy(v)) //
solve Lame([u, v], [uu, w]) = int2d(Th)(lambda*div(u, v)*div(uu, w) + 2.*mu*(eps(u, v)'*eps(uu, w)))
  - int2d(Th)(rho*g*w) + on(%s, u=0, v=0);
cout << "max deflection = " << v[].min << endl;
cout << "max horizontal = " << u[].max << endl;
cout << "strain energy = " << int2d(Th)(lambda*div(u, v)^2 + 2.*mu*(eps(u, v)'*eps(u, v))) << endl;
cout << "Nb of vertices = " << Th.nv << ", Nb of triangles = " << Th.nt << endl;
"""

HEAT = """// heat equation in a plate, implicit Euler, a hot edge
mesh Th = square(24, 24);
fespace Vh(Th, P1);
Vh u = 0, v, uold;
real dt = %s, kappa = 0.5;
problem Heat(u, v) = int2d(Th)(u*v/dt + kappa*(dx(u)*dx(v) + dy(u)*dy(v))) - int2d(Th)(uold*v/dt) + on(4, u=100);
for (int k = 1; k <= %d; k++) {
  uold = u;
  Heat;
  cout << "step " << k << "  t = " << k*dt << "  max T = " << u[].max << "  mean T = " << int2d(Th)(u) << endl;
}
"""

UNDEF = """// stokes cavity
mesh Th = square(12, 12);
fespace Uh(Th, P2);
fespace Ph(Th, P1);
Uh u1, u2, v1, v2;
Ph p, q;
solve Stokes([u1, u2, p], [v1, v2, q]) = int2d(Th)(dx(u1)*dx(v1) + dy(u1)*dy(v1) + dx(u2)*dx(v2) + dy(u2)*dy(v2)
  - p*q*1e-10 - p*(dx(v1) + dy(v2)) - q*(dx(u1) + dy(u2))) + on(3, u1=1, u2=0) + on(1, 2, 4, u1=0, u2=0);
cout << "max |u| = " << sqrt(max(u1[].max^2, u2[].max^2)) << endl;
plot([u1, u2], p, wait=true);
cout << "kinetic energy = " << int2d(Th)(velocity^2) << endl;
"""

INDEX = """// sample the solution at probe points stored in an array
mesh Th = square(16, 16);
fespace Vh(Th, P1);
Vh u, v;
solve P(u, v) = int2d(Th)(dx(u)*dx(v) + dy(u)*dy(v)) - int2d(Th)(v) + on(1, 2, 3, 4, u=0);
real[int] probes(5);
for (int i = 0; i <= 5; i++) {
  probes[i] = u(0.1 + 0.15*i, 0.5);
  cout << "probe " << i << " = " << probes[i] << endl;
}
"""

NEUMANN = """// pure Neumann problem: no Dirichlet condition, the matrix is singular
mesh Th = square(30, 30);
fespace Vh(Th, P1);
Vh u, v;
solve P(u, v, solver=CG, eps=1e-12) = int2d(Th)(dx(u)*dx(v) + dy(u)*dy(v)) - int2d(Th)((x-0.4)*v) - int1d(Th, 2)(v);
cout << "mean u = " << int2d(Th)(u) << endl;
cout << "max u = " << u[].max << endl;
"""


def probes(n: int, seed: int, field: str = "u") -> str:
    """A probe report the way a script checks a field at seeded points: one printed line per probe."""
    rnd = random.Random(seed)
    out = [f"// probe report: {n} points"]
    for k in range(n):
        x, y = rnd.uniform(0.02, 0.98), rnd.uniform(0.02, 0.98)
        out.append(f'cout << "probe {k:03d} at ({x:.3f}, {y:.3f}): {field} = " << {field}({x:.3f}, {y:.3f}) << endl;')
    return "\n".join(out) + "\n"


def freefem(tmp: Path) -> None:
    d = tmp / "freefem"
    files = {"poisson_conv.edp": POISSON_CONV % 128 + INDEX.split("real[int]")[0] + probes(60, 2452), "beam.edp": ELASTIC % (80, 8, "4") + probes(50, 2453, "v"),
             "heat.edp": HEAT % ("0.01", 150), "heat_long.edp": HEAT % ("0.005", 900),
             "stokes.edp": UNDEF.replace("plot(", probes(90, 2448, "u1") + "plot("), "probes.edp": INDEX,
             "neumann.edp": NEUMANN + probes(120, 2449), "poisson_probes.edp": INDEX.split("real[int]")[0] + probes(260, 2450),
             "beam_bad.edp": (ELASTIC % (40, 4, "4")).replace("cout", probes(70, 2451, "v") + "cout", 1).replace(
                 "solve Lame", "solve Lame(").replace("- int2d(Th)(rho*g*w)", "- int2d(Th)(rho*g*w")}
    write_tree(d, files)
    items = [
        ("freefem-poisson-convergence", "FreeFem++ -nw poisson_conv.edp", n_freefem_run),
        ("freefem-elasticity-beam-echo-exit", "FreeFem++ -nw beam.edp; echo EXIT=$?", n_freefem_run),
        ("freefem-heat-steps", "FreeFem++ -nw heat.edp", n_freefem_run),
        ("freefem-heat-long-tail-100", "FreeFem++ -nw heat_long.edp 2>&1 | tail -n 100", n_freefem_run),
        ("freefem-neumann-cg", "FreeFem++ -nw neumann.edp; echo EXIT=$?", n_freefem_run),
        ("freefem-probe-report", "FreeFem++ -nw poisson_probes.edp", n_freefem_run),
        ("freefem-undefined-name", "FreeFem++ -nw stokes.edp; echo EXIT=$?", n_freefem_error),
        ("freefem-index-out-of-range", "FreeFem++ -nw probes.edp 2>&1; echo EXIT=$?", n_freefem_error),
        ("freefem-syntax-error-tail-60", "FreeFem++ -nw beam_bad.edp 2>&1 | tail -n 60", n_freefem_error),
    ]
    for item, cmd, ext in items:
        add(item, cmd, run(cmd, cwd=d, timeout=300), ext)


STEPS = [gmsh, ccx, freefem]
