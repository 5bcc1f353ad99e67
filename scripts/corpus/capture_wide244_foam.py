"""Round 244, OpenFOAM (Debian's v1912) on a lid-driven cavity of the round's own: `blockMesh` and `checkMesh` on the
good case, on one whose blocks were entered inside out (negative volumes), on one whose boundary lists a patch with a
face that is not on a block, on a graded mesh with skewed cells; `icoFoam` on the cavity (a clean run, one whose time
step makes the Courant number run away until the run blows up, one whose `fvSolution` lacks the `PISO` dictionary).
`WM_PROJECT_DIR` points at Debian's etc files (the tools read their defaults there). The extractors are this round's
(NEEDLES.md, "Round 244"). Run through capture_wide244.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run, write_tree
from capture_wide224 import exit_lines, pick, shaped
from capture_wide244 import add
from capture_wide244_fem import uniq

ENV = {"WM_PROJECT_DIR": "/usr/share/openfoam", "OMP_NUM_THREADS": "1"}

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 244")

FOAM_BAD = r"FOAM FATAL|FOAM Warning|[Ee]rror|[Ww]arning|negative|inside-out|Floating point exception"


def banner(lines, i: int) -> list:
    """A FOAM FATAL/Warning banner's message: its lines up to the `From` line (or FOAM exiting), blank lines skipped."""
    out = []
    for nx in lines[i + 1:i + 16]:
        if re.match(r"^\s*(From |FOAM (exiting|aborting)|--> FOAM)", nx):
            break
        if nx.strip():
            out.append(nx)
    return out


def foam_diag(lines) -> list:
    """Rule 1: each FOAM/error/warning line (its banner's message with it) and the `file: …` line within six."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(FOAM_BAD, ln) and not ln.startswith("trapFpe:"):
            out.append(ln)
            if "--> FOAM" in ln:
                out += banner(lines, i)
            f = cm.next_match(lines, i, r"^\s*file: .*line \d+", ahead=6)
            if f:
                out.append(f)
    return shaped(out)


def patch_rows(lines) -> list:
    """The rows of a `Patches` / patch table (a name, then counts or a type)."""
    out: list = []
    on = False
    for ln in lines:
        if re.match(r"^\s*(Patches|Patch\s+Faces\s+Points|patch\s)", ln, re.I) or re.match(r"^\s*Checking patch topology", ln):
            on = True
            out.append(ln)
            continue
        if on:
            if not ln.strip():
                on = False
            elif re.match(r"^\s+(patch \d+|\S+\s+\d+\s+\d+)", ln):
                out.append(ln)
    return out


@kind("openfoam-blockmesh", "build")
def n_openfoam_blockmesh(lines):
    """Rule 1+5: every FOAM FATAL/Error/Warning/negative/inside-out line with its file-at-line line, the Mesh Information counts (nPoints/nCells/nFaces), each Patches row, End, EXIT=."""
    out = foam_diag(lines) + pick(lines, r"^\s*n(Points|Cells|Faces|InternalFaces)\s*:") + patch_rows(lines)
    return uniq(out + pick(lines, r"^End\s*$") + exit_lines(lines))


@kind("openfoam-checkmesh", "table")
def n_openfoam_checkmesh(lines):
    """Rule 1+4+5: every *** failed-check line and FOAM/Error/Warning line, the OK. check lines (one {"any"} past 3), the points/cells/faces counts, the patch table rows, Mesh OK./Failed N mesh checks., EXIT=."""
    out = pick(lines, r"^\s*\*\*\*") + foam_diag(lines)
    ok = pick(lines, r"OK\.\s*$")
    out += ok if len(ok) <= 3 else [cm.any_of(ok)]
    out += pick(lines, r"^\s*(points|cells|faces|internal faces):\s+\d+") + patch_rows(lines)
    return uniq(out + pick(lines, r"Mesh OK\.|Failed \d+ mesh checks") + exit_lines(lines))


@kind("openfoam-solver", "log")
def n_openfoam_solver(lines):
    """Rule 5+1: the first and last Time = lines, the Courant lines with the run's min and max max-Courant, the last Solving for line of each field, every FOAM/Warning/nan/inf/Floating point exception/bounding line (shapes past 3 as one {"any"}), End, EXIT=."""
    times = pick(lines, r"^Time = ")
    out = times[:1] + times[-1:]
    cour = []
    for ln in lines:
        m = re.search(r"Courant Number mean: \S+ max: (\S+)", ln)
        if m:
            try:
                cour.append((float(m.group(1)), ln))
            except ValueError:
                out.append(ln)
    if cour:
        out += [min(cour)[1], max(cour)[1]]
    last: dict[str, str] = {}
    for ln in lines:
        m = re.search(r"Solving for (\w+),", ln)
        if m:
            last[m.group(1)] = ln
    out += list(last.values())
    bad = [ln for ln in pick(lines, r"--> FOAM|FOAM (FATAL|Warning|exiting|aborting)|[Ww]arning|\bnan\b|\binf\b|"
                                    r"Floating point exception|bounding")
           if not ln.startswith("trapFpe:")]
    out += shaped(bad)
    return uniq(out + pick(lines, r"^End\s*$") + exit_lines(lines))


@kind("openfoam-fatal", "build")
def n_openfoam_fatal(lines):
    """Rule 1+3: every line of the FOAM FATAL banner's message (to the From/in file lines), the file-at-line line, the last Time = line before it, #N stack frames naming a source file (one {"any"} past 3), EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"FOAM FATAL|Floating point exception", ln) and not ln.startswith("trapFpe:"):
            t = cm.prev_match(lines, i, r"^Time = ", back=len(lines))
            if t:
                out.append(t)
            out.append(ln)
            for nx in lines[i + 1:i + 16]:  # the message, then its From / in file lines
                if re.match(r"^FOAM (exiting|aborting)", nx):
                    break
                if nx.strip():
                    out.append(nx)
    frames = pick(lines, r"^\s*#\d+\s+.*\bat\b.*\.[CHch]\w*:\d+|^\s*#\d+\s+.* in \S+\.so")
    out += frames if len(frames) <= 3 else [cm.any_of(frames)]
    out += pick(lines, r"^\s*file: .*line \d+")
    return uniq(out + exit_lines(lines) + pick(lines, r"^FOAM (exiting|aborting)"))


# ------------------------------------------------------------------ the cavity

HEAD = """/*--------------------------------*- C++ -*----------------------------------*\\\\
  the round's cavity case (OpenFOAM v1912)
\\\\*---------------------------------------------------------------------------*/
FoamFile
{
    version     2.0;
    format      ascii;
    class       %s;
    object      %s;
}
"""


def blockmesh_dict(n: int = 20, inside_out: bool = False, bad_patch: bool = False, grade: str = "1 1 1",
                   dent: str = "") -> str:
    """The cavity's one block; `dent` moves the lid's far corner inward (a concave block: folded cells)."""
    order = "(0 3 2 1 4 7 6 5)" if inside_out else "(0 1 2 3 4 5 6 7)"
    walls = "(3 7 6 2)" if not bad_patch else "(3 7 6 9)"
    return HEAD % ("dictionary", "blockMeshDict") + f"""
scale   0.1;

vertices
(
    (0 0 0)
    (1 0 0)
    ({dent or "1 1"} 0)
    (0 1 0)
    (0 0 0.1)
    (1 0 0.1)
    ({dent or "1 1"} 0.1)
    (0 1 0.1)
);

blocks
(
    hex {order} ({n} {n} 1) simpleGrading ({grade})
);

edges
(
);

boundary
(
    movingWall
    {{
        type wall;
        faces
        (
            {walls}
        );
    }}
    fixedWalls
    {{
        type wall;
        faces
        (
            (0 4 7 3)
            (2 6 5 1)
            (1 5 4 0)
        );
    }}
    frontAndBack
    {{
        type empty;
        faces
        (
            (0 3 2 1)
            (4 5 6 7)
        );
    }}
);
"""


def control(end: float, dt: float, every: int) -> str:
    return HEAD % ("dictionary", "controlDict") + f"""
application     icoFoam;
startFrom       startTime;
startTime       0;
stopAt          endTime;
endTime         {end};
deltaT          {dt};
writeControl    timeStep;
writeInterval   {every};
purgeWrite      0;
writeFormat     ascii;
writePrecision  6;
writeCompression off;
timeFormat      general;
timePrecision   6;
runTimeModifiable true;
"""


SCHEMES = HEAD % ("dictionary", "fvSchemes") + """
ddtSchemes      { default Euler; }
gradSchemes     { default Gauss linear; grad(p) Gauss linear; }
divSchemes      { default none; div(phi,U) Gauss linear; }
laplacianSchemes { default Gauss linear orthogonal; }
interpolationSchemes { default linear; }
snGradSchemes   { default orthogonal; }
"""


def solution(piso: bool = True) -> str:
    body = HEAD % ("dictionary", "fvSolution") + """
solvers
{
    p
    {
        solver          PCG;
        preconditioner  DIC;
        tolerance       1e-06;
        relTol          0.05;
    }
    pFinal
    {
        $p;
        relTol          0;
    }
    U
    {
        solver          smoothSolver;
        smoother        symGaussSeidel;
        tolerance       1e-05;
        relTol          0;
    }
}
"""
    if piso:
        body += """
PISO
{
    nCorrectors     2;
    nNonOrthogonalCorrectors 0;
    pRefCell        0;
    pRefValue       0;
}
"""
    return body


FIELD_U = HEAD % ("volVectorField", "U") + """
dimensions      [0 1 -1 0 0 0 0];
internalField   uniform (%s 0 0);
boundaryField
{
    movingWall   { type fixedValue; value uniform (%s 0 0); }
    fixedWalls   { type noSlip; }
    frontAndBack { type empty; }
}
"""

FIELD_P = HEAD % ("volScalarField", "p") + """
dimensions      [0 2 -2 0 0 0 0];
internalField   uniform 0;
boundaryField
{
    movingWall   { type zeroGradient; }
    fixedWalls   { type zeroGradient; }
    frontAndBack { type empty; }
}
"""

TRANSPORT = HEAD % ("dictionary", "transportProperties") + "\nnu              0.01;\n"


def case(root: Path, n: int = 20, end: float = 0.5, dt: float = 0.005, every: int = 20, lid: str = "1",
         piso: bool = True, init: str = "0", **mesh) -> Path:
    write_tree(root, {"system/blockMeshDict": blockmesh_dict(n, **mesh), "system/controlDict": control(end, dt, every),
                      "system/fvSchemes": SCHEMES, "system/fvSolution": solution(piso), "0/U": FIELD_U % (init, lid),
                      "0/p": FIELD_P, "constant/transportProperties": TRANSPORT})
    return root


def foam(tmp: Path) -> None:
    d = tmp / "foam"
    good = case(d / "cavity")
    fine = case(d / "cavityFine", n=40, end=0.1, dt=0.0025, every=40)
    inside = case(d / "cavityInverted", inside_out=True)
    badp = case(d / "cavityBadPatch", bad_patch=True)
    graded = case(d / "cavityGraded", n=30, grade="40 0.02 1")
    blow = case(d / "cavityBlowUp", n=40, end=3, dt=0.01, every=1000, lid="20", init="20")  # an impulsive start
    highco = case(d / "cavityHighCo", n=40, end=1, dt=0.01, every=1000, lid="15")
    dented = case(d / "cavityDented", dent="0.35 0.3")
    nopiso = case(d / "cavityNoPiso", piso=False)
    items = [
        ("blockmesh-cavity", "blockMesh", good, n_openfoam_blockmesh),
        ("blockmesh-inverted-echo-exit", "blockMesh; echo EXIT=$?", inside, n_openfoam_blockmesh),
        ("blockmesh-bad-patch-vertex", "blockMesh 2>&1 | tail -n 40; echo EXIT=$?", badp, n_openfoam_blockmesh),
        ("blockmesh-graded", "blockMesh", graded, n_openfoam_blockmesh),
        ("checkmesh-cavity", "checkMesh", good, n_openfoam_checkmesh),
        ("checkmesh-graded-all-geometry", "checkMesh -allGeometry -allTopology", graded, n_openfoam_checkmesh),
        ("checkmesh-dented-echo-exit", "checkMesh; echo EXIT=$?", dented, n_openfoam_checkmesh),
        ("checkmesh-dented-all-tail-70", "checkMesh -allGeometry -allTopology 2>&1 | tail -n 70", dented,
         n_openfoam_checkmesh),
        ("icofoam-cavity", "icoFoam", good, n_openfoam_solver),
        ("icofoam-cavity-fine-tail-80", "icoFoam 2>&1 | tail -n 80", fine, n_openfoam_solver),
        ("icofoam-blowup-tail-60", "icoFoam 2>&1 | tail -n 60; echo EXIT=$?", blow, n_openfoam_fatal),
        ("icofoam-high-courant-grep", "icoFoam 2>&1 | grep -E '^Time =|Courant' | tail -n 120", highco,
         n_openfoam_solver),
        ("icofoam-blowup-full", "icoFoam", blow, n_openfoam_fatal),
        ("icofoam-missing-piso", "icoFoam; echo EXIT=$?", nopiso, n_openfoam_fatal),
        ("icofoam-no-mesh", "icoFoam -case ../cavityBadPatch 2>&1; echo EXIT=$?", nopiso, n_openfoam_fatal),
    ]
    meshed: set = set()
    for item, cmd, where, ext in items:
        if not item.startswith(("blockmesh", "icofoam-no-mesh")) and where not in meshed:
            run("blockMesh > log.blockMesh 2>&1", cwd=where, env=ENV)
            meshed.add(where)
        for t in where.glob("[1-9]*"):  # a solver run starts from 0/ each time
            if t.is_dir():
                run(f"rm -rf '{t.name}'", cwd=where)
        add(item, cmd, run(cmd, cwd=where, timeout=300, env=ENV), ext)


STEPS = [foam]
