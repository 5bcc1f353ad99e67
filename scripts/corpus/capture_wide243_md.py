"""Round 243, classical molecular dynamics: GROMACS (`gmx pdb2gmx` on a short peptide of the round's own, `gmx grompp`
and `gmx mdrun` on an SPC/E water box, `gmx energy` and `gmx check` on what the runs wrote) and LAMMPS (`lmp` on
Lennard-Jones and argon decks), with faults put in: an unknown residue, a missing backbone atom, an unknown atom type,
a molecule count that does not match the coordinates, mdp settings that draw warnings, a timestep that blows the water
box up, lost atoms, an unknown fix style, a missing pair coefficient, overlapping atoms. The extractors are this
round's (NEEDLES.md, "Round 243"). Run through capture_wide243.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, pick, shaped
from capture_wide243 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 243")


def _next_text(lines, i: int, ahead: int = 6):
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        if lines[k].strip():
            return lines[k]
    return None


def gmx_diag(lines) -> list:
    """GROMACS rule 1: `Fatal error:` with its message line and the `Source file:` line above it, every error line,
    WARNING/NOTE lines one {"any"} per message shape."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.strip().startswith("Fatal error:"):
            out.append(ln)
            out.append(_next_text(lines, i))
            for k in range(max(0, i - 6), i):
                if lines[k].startswith("Source file:"):
                    out.append(lines[k])
        elif re.search(r"\bError\b|\bERROR\b|error:", ln):
            out.append(ln)
    warn = [ln for ln in pick(lines, r"WARNING|NOTE") if ln not in out]
    return shaped([o for o in out if o]) + cm.groups((cm.mask(ln), ln) for ln in warn)


@kind("gmx-pdb2gmx", "build")
def n_gmx_pdb2gmx(lines):
    """Rule 5+1: the force field / water model lines, the residue/atom count and chain lines, Total mass and Total charge, GROMACS fatal errors (message and Source file), warnings one {"any"} per shape, EXIT=."""
    out = pick(lines, r"Using the .* force field|[Ww]ater model|Now there are \d+ residues|Processing chain|"
               r"^\s*chain\s+#res|Total mass|Total charge")
    return out + gmx_diag(lines) + exit_lines(lines)


@kind("gmx-grompp", "build")
def n_gmx_grompp(lines):
    """Rule 1+3+5: every WARNING/ERROR N [file …]: header with its first message line, NOTE headers one {"any"} per shape, the count lines, the data-size and PME-load lines, GROMACS fatal errors, EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^(WARNING|ERROR) \d+ \[", ln):
            out += [ln, _next_text(lines, i)]
    out += pick(lines, r"^There (were|was) \d+ (warning|note)|Too many warnings|This run will generate roughly|"
                r"relative computational load of the PME")
    return [o for o in out if o] + gmx_diag(lines) + exit_lines(lines)


@kind("gmx-mdrun", "log")
def n_gmx_mdrun(lines):
    """Rule 5+1: first and last Step/Time value rows, the last Energies block's rows, Performance: and Time: rows, Finished mdrun / final coordinates, blow-up lines, LINCS/SETTLE warnings one {"any"} per shape, fatal errors, EXIT=."""
    out: list = []
    steps = [lines[i + 1] for i, ln in enumerate(lines[:-1]) if re.match(r"^\s+Step\s+Time\s*$", ln)
             and lines[i + 1].strip()]
    if steps:
        out += [steps[0], steps[-1]]
    heads = [i for i, ln in enumerate(lines) if re.match(r"^\s+Energies \(kJ/mol\)", ln)]
    if heads:
        for nx in lines[heads[-1] + 1:]:
            if not nx.strip():
                break
            out.append(nx)
    out += pick(lines, r"^Performance:|^\s+Time:\s|Finished mdrun|Writing final coordinates")
    boom = pick(lines, r"too far|are more than|cannot be settled|can not be settled|blowing up|not finite|"
                r"Segmentation|infinite|[Nn]a[Nn]\b")
    return out + shaped(boom) + gmx_diag([ln for ln in lines if ln not in boom]) + exit_lines(lines)


@kind("gmx-energy", "table")
def n_gmx_energy(lines):
    """Rule 5+4: the Statistics over … line, the Energy/Average/Err.Est./RMSD/Tot-Drift header and every row under it, GROMACS fatal errors, EXIT=."""
    out = pick(lines, r"Statistics over \d+ steps")
    for i, ln in enumerate(lines):
        if re.match(r"^Energy\s+Average\s+Err\.Est\.", ln):
            out.append(ln)
            for nx in lines[i + 1:]:
                if nx.startswith("---"):
                    continue
                if not nx.strip():
                    break
                out.append(nx)
    return out + gmx_diag(lines) + exit_lines(lines)


@kind("gmx-check", "table")
def n_gmx_check(lines):
    """Rule 5+1: the Checking file line, the Item/#frames/Timestep header and every row under it, the Last frame line, lines naming a frame or file it could not read, GROMACS fatal errors, EXIT=."""
    out = pick(lines, r"Checking file|Last frame|Incomplete|[Cc]annot|[Cc]ould not|not found")
    for i, ln in enumerate(lines):
        if re.match(r"^Item\s+#frames", ln):
            out.append(ln)
            for nx in lines[i + 1:]:
                if not nx.strip():
                    break
                out.append(nx)
    return out + gmx_diag(lines) + exit_lines(lines)


ROW = re.compile(r"^\s*\d+(\s+([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|-?nan|-?inf))+\s*$")


def thermo(lines):
    """LAMMPS thermo tables: [(header, [rows])]."""
    tabs: list = []
    cur = None
    for ln in lines:
        if re.match(r"^\s*Step\s+\S+", ln):
            cur = (ln, [])
            tabs.append(cur)
        elif cur is not None and ROW.match(ln):
            cur[1].append(ln)
        elif cur is None and ROW.match(ln) and len(ln.split()) >= 3:  # a pipe cut the header off
            cur = (None, [ln])
            tabs.append(cur)
        elif cur is not None and ln.strip():
            cur = None
    return tabs


def _f(tok: str):
    try:
        return float(tok)
    except ValueError:
        return None


def lmp_diag(lines) -> list:
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"ERROR|\berror\b", ln):
            out.append(ln)
            q = cm.next_match(lines, i, r"^Last command:")
            if q:
                out.append(q)
    warn = [ln for ln in pick(lines, r"WARNING") if ln not in out]
    return shaped(out) + cm.groups((cm.mask(ln), ln) for ln in warn)


@kind("lammps-run", "log")
def n_lammps_run(lines):
    """Rule 4+5: each thermo table's header, first and last rows and each numeric column's min/max rows (not Step), Loop time and Total wall time lines, WARNING lines one {"any"} per shape, ERROR lines, EXIT=."""
    out: list = []
    for head, rows in thermo(lines):
        if head:
            out.append(head)
        if not rows:
            continue
        out += [rows[0], rows[-1]]
        cols: dict = {}
        for r in rows:
            for j, tok in enumerate(r.split()[1:]):
                v = _f(tok)
                if v is not None and v == v:
                    cols.setdefault(j, []).append((v, r))
        for vals in cols.values():
            out += [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]
    out += pick(lines, r"^Loop time of|^Total wall time:")
    return out + lmp_diag(lines) + exit_lines(lines)


@kind("lammps-error", "build")
def n_lammps_error(lines):
    """Rule 1+3: every ERROR line and the Last command: line after it, the thermo header and the last thermo row before the error, WARNING lines one {"any"} per shape, EXIT=."""
    out: list = []
    out += [head for head, rows in thermo(lines) if head]
    tabs = [t for t in thermo(lines) if t[1]]
    if tabs:
        out.append(tabs[-1][1][-1])
    return lmp_diag(lines) + out + exit_lines(lines)


# ------------------------------------------------------------------ GROMACS inputs

SIDE = {"ALA": [("CB", 0.0, 1.5, 0.4)], "GLY": [], "SER": [("CB", 0.0, 1.5, 0.4), ("OG", 0.2, 2.6, 1.1)],
        "VAL": [("CB", 0.0, 1.5, 0.4), ("CG1", -0.9, 2.5, -0.2), ("CG2", 1.3, 2.1, 0.9)]}


def peptide(seq: list[str], seed: int, drop: tuple | None = None) -> str:
    """An extended chain, heavy atoms only (pdb2gmx -ignh adds the hydrogens)."""
    rnd = random.Random(seed)
    out, n = [], 1
    for i, res in enumerate(seq, 1):
        x0, flip = 3.62 * (i - 1), (1 if i % 2 else -1)
        atoms = [("N", 0.0, 0.0, 0.0), ("CA", 1.21, 0.8 * flip, 0.0), ("C", 2.42, 0.0, 0.0), ("O", 2.42, -1.23 * flip, 0.0)]
        atoms[2:2] = [(a, x + 1.21, y * flip, z) for a, x, y, z in SIDE.get(res, [])]
        for a, x, y, z in atoms:
            if drop and (i, a) == drop:
                continue
            x += rnd.uniform(-0.02, 0.02)
            out.append(f"ATOM  {n:5d}  {a:<3s} {res:3s} A{i:4d}    {x0 + x:8.3f}{y:8.3f}{z:8.3f}  1.00  0.00           {a[0]}")
            n += 1
    return "TITLE     test peptide\n" + "\n".join(out) + "\nTER\nEND\n"


TOP = """#include "oplsaa.ff/forcefield.itp"
{extra}
#include "oplsaa.ff/spce.itp"
[ system ]
Water box

[ molecules ]
{mols}
"""

MDP = """integrator = {integ}
dt = {dt}
nsteps = {nsteps}
nstlog = {nstlog}
nstenergy = 10
nstxout-compressed = {nstx}
cutoff-scheme = Verlet
coulombtype = PME
rcoulomb = 0.8
rvdw = 0.8
tcoupl = {tc}
tc-grps = System
tau_t = {tau}
ref_t = 300
{more}
"""

BADMOL = """[ atomtypes ]
; name  at.num  mass     charge ptype  sigma   epsilon
 MX1     6    12.011   0.000  A   0.35  0.27

[ moleculetype ]
DMS 3

[ atoms ]
  1  MX1       1  DMS  C1   1   -0.148  15.035
  2  opls_999  1  DMS  S2   1    0.139  32.060
  3  MX1       1  DMS  C3   1   -0.148  15.035

[ bonds ]
  1  2  1  0.181  185000
  2  3  1  0.181  185000
"""


def gromacs(tmp: Path) -> None:
    d = tmp / "gmx"
    seq = ["ALA", "GLY", "SER", "VAL", "ALA", "ALA", "SER", "GLY", "VAL", "ALA", "SER", "ALA", "GLY", "VAL"]
    files = {
        "pep.pdb": peptide(seq, 2431),
        "pep_xyz.pdb": peptide(seq[:8], 2432).replace("SER A   3", "XYZ A   3"),
        "pep_gap.pdb": peptide(seq[:10], 2433, drop=(5, "CA")),
        "md.mdp": MDP.format(integ="md", dt=0.002, nsteps=500, nstlog=50, nstx=50, tc="v-rescale", tau=0.1,
                             more="constraints = h-bonds"),
        "long.mdp": MDP.format(integ="md", dt=0.002, nsteps=1500, nstlog=25, nstx=100, tc="v-rescale", tau=0.1,
                               more="constraints = h-bonds"),
        "warn.mdp": MDP.format(integ="md", dt=0.002, nsteps=500, nstlog=50, nstx=50, tc="berendsen", tau=0.01,
                               more="pcoupl = berendsen\ntau_p = 0.1\nref_p = 1.0\ncompressibility = 4.5e-5\n"
                                    "gen_vel = yes\ngen_temp = 300\nunknown_option = 7"),
        "boom.mdp": MDP.format(integ="md", dt=0.008, nsteps=2000, nstlog=10, nstx=10, tc="no", tau=0.1,
                               more="gen_vel = yes\ngen_temp = 900\nverlet-buffer-tolerance = -1\nrlist = 0.8\n"
                                    "nstlist = 10"),
        "hot.mdp": MDP.format(integ="md", dt=0.005, nsteps=2000, nstlog=10, nstx=10, tc="no", tau=0.1,
                              more="gen_vel = yes\ngen_temp = 900\nverlet-buffer-tolerance = -1\nrlist = 0.8\n"
                                   "nstlist = 10"),
    }
    cm.write_tree(d, files)
    (d / "topol.top").write_text(TOP.format(extra="", mols=""))
    run("gmx -quiet solvate -cs spc216.gro -box 1.8 1.8 1.8 -o water.gro -p topol.top", cwd=d)
    body = (d / "topol.top").read_text()
    (d / "bad_count.top").write_text(body.replace("SOL               176", "SOL               180"))
    (d / "bad_type.top").write_text(TOP.format(extra=BADMOL, mols="SOL               176\nDMS                 1"))

    def go(item, cmd, ext, timeout=300):
        add(item, cmd, run(cmd, cwd=d, timeout=timeout), ext)

    go("gmx-pdb2gmx-peptide", "gmx pdb2gmx -f pep.pdb -o pep.gro -p pep.top -ff oplsaa -water spce -ignh", n_gmx_pdb2gmx)
    go("gmx-pdb2gmx-unknown-residue", "gmx pdb2gmx -f pep_xyz.pdb -o x.gro -p x.top -ff oplsaa -water spce -ignh; "
       "echo EXIT=$?", n_gmx_pdb2gmx)
    go("gmx-pdb2gmx-missing-atom", "gmx pdb2gmx -f pep_gap.pdb -o g.gro -p g.top -ff oplsaa -water spce -ignh 2>&1 "
       "| tail -n 40", n_gmx_pdb2gmx)
    go("gmx-grompp-water", "gmx grompp -f md.mdp -c water.gro -p topol.top -o md.tpr", n_gmx_grompp)
    go("gmx-grompp-warnings", "gmx grompp -f warn.mdp -c water.gro -p topol.top -o warn.tpr; echo EXIT=$?", n_gmx_grompp)
    go("gmx-grompp-atomtype", "gmx grompp -f md.mdp -c water.gro -p bad_type.top -o bt.tpr 2>&1 | tail -n 30",
       n_gmx_grompp)
    go("gmx-grompp-count", "gmx grompp -f md.mdp -c water.gro -p bad_count.top -o bc.tpr; echo EXIT=$?", n_gmx_grompp)
    run("gmx mdrun -nt 1 -deffnm md", cwd=d)
    go("gmx-mdrun-log-tail", "tail -n 80 md.log", n_gmx_mdrun)
    run("gmx -quiet grompp -f long.mdp -c water.gro -p topol.top -o long.tpr && gmx -quiet mdrun -nt 1 -deffnm long",
        cwd=d, timeout=600)
    go("gmx-mdrun-log-long", "cat long.log", n_gmx_mdrun)
    run("gmx -quiet grompp -f boom.mdp -c water.gro -p topol.top -o boom.tpr -maxwarn 5", cwd=d)
    go("gmx-mdrun-blowup", "gmx mdrun -nt 1 -deffnm boom; echo EXIT=$?", n_gmx_mdrun)
    go("gmx-mdrun-blowup-log", "tail -n 100 boom.log", n_gmx_mdrun)
    run("gmx -quiet grompp -f hot.mdp -c water.gro -p topol.top -o hot.tpr -maxwarn 5", cwd=d)
    go("gmx-mdrun-hot-nve", "gmx mdrun -nt 1 -deffnm hot > /dev/null 2>&1; cat hot.log", n_gmx_mdrun)
    go("gmx-energy-water", "printf 'Potential\\nKinetic-En.\\nTotal-Energy\\nTemperature\\nPressure\\n0\\n' "
       "| gmx energy -f md.edr -o energy.xvg", n_gmx_energy)
    go("gmx-energy-long-all", "seq 1 40 | tr '\\n' ' ' | gmx energy -f long.edr -o all.xvg 2>&1 | tail -n 60",
       n_gmx_energy)
    go("gmx-check-xtc", "gmx check -f long.xtc", n_gmx_check)
    run("head -c 3000 long.xtc > cut.xtc", cwd=d)
    go("gmx-check-truncated", "gmx check -f cut.xtc -s1 long.tpr; echo EXIT=$?", n_gmx_check)


# ------------------------------------------------------------------ LAMMPS decks

LJ = """units lj
atom_style atomic
lattice fcc 0.8442
region box block 0 {n} 0 {n} 0 {n}
create_box {types} box
create_atoms 1 box
mass * 1.0
velocity all create {temp} {seed} loop geom
pair_style lj/cut 2.5
{coeffs}
neighbor 0.3 bin
neigh_modify every {every} delay 0 check {check}
{body}
"""


def lammps(tmp: Path) -> None:
    d = tmp / "lmp"
    co = "pair_coeff 1 1 1.0 1.0 2.5"
    files = {
        "in.melt": LJ.format(n=6, types=1, temp=3.0, seed=87287, coeffs=co, every=20, check="no",
                             body="fix 1 all nve\nthermo 10\nrun 1500"),
        "in.stages": LJ.format(n=5, types=1, temp=1.5, seed=2431, coeffs=co, every=1, check="yes",
                               body="thermo_style custom step temp pe ke etotal press vol density\nthermo 10\n"
                                    "fix 1 all nvt temp 1.5 1.5 0.5\nrun 800\nunfix 1\nfix 2 all npt temp 1.5 0.8 0.5 "
                                    "iso 1.0 1.0 2.0\nrun 800\nunfix 2\nfix 3 all nve\ntimestep 0.004\nrun 600"),
        "in.argon": """units real
atom_style atomic
lattice fcc 5.26
region box block 0 5 0 5 0 5
create_box 1 box
create_atoms 1 box
mass 1 39.948
pair_style lj/cut 8.5
pair_coeff 1 1 0.2381 3.405
velocity all create 90.0 2433 mom yes rot yes dist gaussian
fix 1 all nvt temp 90.0 90.0 100.0
timestep 4.0
thermo_style custom step temp press pe ke etotal lx
thermo 25
run 2000
""",
        "in.lost": LJ.format(n=5, types=1, temp=40.0, seed=2434, coeffs=co, every=200, check="no",
                             body="boundary f f f\nfix 1 all nve\ntimestep 0.03\nthermo 4\nrun 2000").replace(
                                 "units lj\n", "units lj\nboundary p p f\n").replace("boundary f f f\n", ""),
        "in.typo": LJ.format(n=4, types=1, temp=1.0, seed=2435, coeffs=co, every=20, check="no",
                             body="fix 1 all nvee\nthermo 50\nrun 200"),
        "in.coeff": LJ.format(n=4, types=2, temp=1.0, seed=2436, coeffs=co, every=20, check="no",
                              body="set type 1 type/fraction 2 0.3 2437\nfix 1 all nve\nthermo 50\nrun 200"),
        "in.overlap": LJ.format(n=4, types=1, temp=1.0, seed=2438, coeffs=co, every=1, check="yes",
                                body="create_atoms 1 single 0.02 0.0 0.0\ncreate_atoms 1 single 1.5 1.5 0.01\n"
                                     "fix 1 all nve\nthermo 5\nthermo_modify norm no\nrun 100"),
    }
    cm.write_tree(d, files)

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=300), ext)

    go("lammps-run-melt", "lmp -in in.melt -log none", n_lammps_run)
    go("lammps-run-stages", "lmp -in in.stages -log stages.log; echo EXIT=$?", n_lammps_run)
    go("lammps-run-argon", "lmp -in in.argon -log none 2>&1 | tail -n 60", n_lammps_run)
    go("lammps-error-lost", "lmp -in in.lost -log none; echo EXIT=$?", n_lammps_error)
    go("lammps-error-fix-style", "lmp -in in.typo -log none 2>&1 | tail -n 25; echo EXIT=$?",
       n_lammps_error)
    go("lammps-error-overlap", "lmp -in in.overlap -log none 2>&1 | tail -n 40; echo EXIT=$?",
       n_lammps_error)


STEPS = [gromacs, lammps]
