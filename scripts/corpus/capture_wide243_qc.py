"""Round 243, electronic-structure codes: NWChem SCF and DFT on water and nitrogen, Quantum ESPRESSO `pw.x` on a
silicon cell and an H2 box (local model pseudopotentials written here: Appelbaum-Hamann for Si, an erf-screened
Coulomb potential for H, in UPF v1), CP2K on a water molecule, ABINIT on silicon with Debian's pseudopotential; faults
put in: SCF loops held to too few iterations, a malformed geometry line, a misspelled namelist variable, positions
missing for the atoms declared, a pseudopotential file that cannot be read, an unknown CP2K keyword and basis set, an
unknown ABINIT variable and an atom count that does not match. The extractors are this round's (NEEDLES.md,
"Round 243"). Run through capture_wide243.py."""

from __future__ import annotations

import math
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


def _warn(lines, pat: str, taken) -> list:
    return cm.groups((cm.mask(ln), ln) for ln in pick(lines, pat) if ln not in taken)


@kind("nwchem-scf", "log")
def n_nwchem_scf(lines):
    """Rule 4+5+1: each iteration table's header, first and last rows, Total SCF/DFT energy, Nuclear repulsion and Final … results lines, Total times, error/failed/not converged lines with the quoted current input line, warnings one {"any"} per shape, EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"^\s*iter\s+energy\s+gnorm|^\s*convergence\s+iter\s+energy", ln):
            out.append(ln)
            rows = []
            for nx in lines[i + 1:]:
                if not nx.strip():
                    if rows:
                        break
                    continue
                if re.match(r"^[\s-]+$", nx):
                    continue
                if not re.search(r"\d+\s+-?\d+\.\d+", nx):
                    break
                rows.append(nx)
            if rows:
                out += [rows[0], rows[-1]]
    out += pick(lines, r"Total (SCF|DFT) energy =|Nuclear repulsion energy =|Final \S+ +results|^\s*Total times")
    err: list = []
    for i, ln in enumerate(lines):
        if re.search(r"[Ee]rror|ERROR|[Ff]ailed|not converged", ln):
            err.append(ln)
        if "current input line" in ln:
            err += [ln, _next_text(lines, i)]
    err = [e for e in err if e]
    return out + shaped(err) + _warn(lines, r"[Ww]arning", err) + exit_lines(lines)


@kind("pw-scf", "log")
def n_pw_scf(lines):
    """Rule 5+1: first and last iteration # lines, the last total energy = and estimated scf accuracy lines, the ! total energy line, the convergence line, Fermi/highest-occupied line, Total force and total stress lines, PWSCF time line, JOB DONE., error lines with the message under Error in routine, warnings one {"any"} per shape, EXIT=."""
    out: list = []
    it = pick(lines, r"^\s*iteration #\s*\d+")
    out += it[:1] + it[-1:]
    for pat in (r"^\s+total energy\s+=", r"estimated scf accuracy\s+<"):
        out += pick(lines, pat)[-1:]
    out += pick(lines, r"^!\s+total energy|convergence has been achieved|convergence NOT achieved|the Fermi energy is|"
                r"highest occupied|Total force =|total\s+stress|^\s*PWSCF\s+:|JOB DONE")
    return out + pw_diag(lines) + exit_lines(lines)


def pw_diag(lines) -> list:
    err: list = []
    for i, ln in enumerate(lines):
        if re.search(r"Error in routine", ln):
            err += [ln, _next_text(lines, i)]
        elif re.search(r"\b[Ee]rror\b|ERROR|\bSTOP\b|MPI_ABORT", ln):
            err.append(ln)
    err = [e for e in err if e]
    return shaped(err) + _warn(lines, r"Message from routine|[Ww]arning", err)


@kind("pw-error", "build")
def n_pw_error(lines):
    """Rule 1+3: every Error in routine … line with the message under it, other error/STOP/MPI_ABORT lines (one {"any"} per shape past 3), the Program PWSCF banner line, EXIT=."""
    return pick(lines, r"Program PWSCF") + pw_diag(lines) + exit_lines(lines)


@kind("cp2k-run", "log")
def n_cp2k_run(lines):
    """Rule 4+5+1: the SCF table header and each SCF loop's first and last rows, SCF converged / NOT converged lines, ENERGY| Total FORCE_EVAL and Total energy: lines, *** WARNING lines one {"any"} per shape, the [ABORT] box's message lines and FILE.F:LINE, the warnings-count line, PROGRAM ENDED, EXIT=."""
    out: list = []
    head = False
    for i, ln in enumerate(lines):
        if re.match(r"^\s+Step\s+Update method\s+Time\s+Convergence", ln):
            if not head:
                out.append(ln)
                head = True
            rows = []
            for nx in lines[i + 1:]:
                if nx.strip().startswith("---"):
                    continue
                if not re.match(r"^\s+\d+\s+\S", nx):
                    break
                rows.append(nx)
            out += rows[:1] + rows[-1:]
    out += pick(lines, r"SCF run converged|SCF run NOT converged|ENERGY\| Total FORCE_EVAL|^\s*Total energy:|"
                r"number of warnings for this run|PROGRAM ENDED AT")
    box, err = False, []
    for ln in lines:
        if "[ABORT]" in ln:
            box = True
        elif box and re.match(r"^\s*\*{20,}\s*$", ln):
            box = False
        if box and (re.search(r"[A-Za-z]{3,}", ln) or re.search(r"\.F:\d+", ln)):
            err.append(ln)
    err += [ln for ln in pick(lines, r"ERROR|\bError\b") if ln not in err]
    return out + err + _warn(lines, r"\*\*\* WARNING|WARNING in", err) + exit_lines(lines)


@kind("abinit-run", "log")
def n_abinit_run(lines):
    """Rule 4+5+1: each SCF table's header and its first and last ETOT rows, the At SCF step … converged / not enough SCF cycles line, >>>>>>>>> Etotal= and final etotal lines, ERROR/BUG blocks' message, first message line and src_file/src_line, WARNING blocks one {"any"} per shape, Calculation completed., Delivered …, EXIT=."""
    out: list = []
    tabs: list = []
    for ln in lines:
        if re.search(r"iter\s+Etot\(hartree\)", ln):
            tabs.append([ln])
        elif re.match(r"^\s*ETOT\s+\d+", ln):
            if not tabs:
                tabs.append([None])
            tabs[-1].append(ln)
    for t in tabs:
        out += [t[0]] + t[1:2] + t[-1:]
    out += pick(lines, r"At SCF step|not enough SCF cycles|>>>>>>>>> Etotal=|^\s+etotal\d*\s|Calculation completed|"
                r"Delivered\s+\d+ WARNINGs")
    err: list = []
    warn: list = []
    block = None
    for i, ln in enumerate(lines):
        m = re.match(r"^--- !(\w+)", ln)
        if m:
            block = m.group(1)
            continue
        if ln.startswith("..."):
            block = None
        if block in ("ERROR", "BUG"):
            if re.match(r"^\s*message:", ln):
                err += [ln, _next_text(lines, i)]
            elif re.match(r"^\s*src_(file|line):", ln):
                err.append(ln)
        elif block in ("WARNING",) and re.match(r"^\s*message:", ln):
            nx = _next_text(lines, i)
            if nx:
                warn.append(nx)
    err += [ln for ln in pick(lines, r"^\s*(ERROR|BUG)\b|abinit_abort|leave_new") if ln not in err]
    return [o for o in out if o] + [e for e in err if e] + cm.groups((cm.mask(w), w) for w in warn) + exit_lines(lines)


# ------------------------------------------------------------------ NWChem

GEOM_H2O = """geometry units angstrom
  O   0.000   0.000   0.117
  H   0.000   0.757  -0.467
  H   0.000  -0.757  -0.467
end"""

NW = {
    "h2o_scf.nw": f'start h2o_scf\ntitle "water RHF/6-31G*"\n{GEOM_H2O}\nbasis\n  * library 6-31g*\nend\ntask scf\n',
    "h2o_maxiter.nw": f'start h2o_mi\ntitle "water RHF held to 3 iterations"\n{GEOM_H2O}\nbasis\n  * library 6-31g*\n'
                      'end\nscf\n  maxiter 3\nend\ntask scf\n',
    "h2o_dft.nw": f'start h2o_dft\ntitle "water B3LYP/6-31G*"\n{GEOM_H2O}\nbasis\n  * library 6-31g*\nend\n'
                  'dft\n  xc b3lyp\n  mult 1\nend\ntask dft\n',
    "n2_dft.nw": 'start n2\ntitle "N2 PBE0/cc-pVDZ, stretched bond, iterations capped"\ngeometry units angstrom\n'
                 '  N 0.0 0.0 0.0\n  N 0.0 0.0 1.65\nend\nbasis\n  * library cc-pvdz\nend\n'
                 'dft\n  xc pbe0\n  iterations 6\nend\ntask dft\n',
    "h2o_badgeom.nw": 'start bad\ntitle "water, a malformed geometry line"\ngeometry units angstrom\n  O 0.000 0.000 0.117\n'
                      '  H 0.000 0.757\n  H 0.000 -0.757 -0.467\nend\nbasis\n  * library 6-31g*\nend\ntask scf\n',
}


def nwchem(tmp: Path) -> None:
    d = tmp / "nw"
    cm.write_tree(d, NW)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=300), n_nwchem_scf)

    go("nwchem-scf-h2o", "nwchem h2o_scf.nw")
    go("nwchem-scf-maxiter", "nwchem h2o_maxiter.nw 2>&1 | tail -n 70; echo EXIT=$?")
    go("nwchem-dft-h2o", "nwchem h2o_dft.nw > h2o_dft.out 2>&1; echo EXIT=$?; cat h2o_dft.out")
    go("nwchem-dft-n2-capped", "nwchem n2_dft.nw")
    go("nwchem-scf-badgeom", "nwchem h2o_badgeom.nw; echo EXIT=$?")


# ------------------------------------------------------------------ Quantum ESPRESSO


def upf(el: str, zv: float, vloc, width: float) -> str:
    """A local-only norm-conserving model pseudopotential in UPF v1 (no projectors), on a log mesh."""
    n, xmin, dx = 1200, -7.0, 0.0125
    r = [math.exp(xmin + i * dx) for i in range(n)]

    def block(vals):
        return "\n".join(" ".join(f"{a:.12E}" for a in vals[i:i + 4]) for i in range(0, len(vals), 4))
    rho = [zv * 4 * math.pi * x * x * (width / math.pi) ** 1.5 * math.exp(-width * x * x) for x in r]
    return (f"<PP_INFO>\n  local-only model pseudopotential for {el}\n</PP_INFO>\n<PP_HEADER>\n"
            f"   0                   Version Number\n  {el:2s}                   Element\n"
            "   NC                  Norm - Conserving pseudopotential\n    F                  Nonlinear Core Correction\n"
            " SLA  PZ   NOGX NOGC   PZ  Exchange-Correlation functional\n"
            f"    {zv:.11f}      Z valence\n    0.00000000000      Total energy\n"
            "    0.0000000    0.0000000 Suggested cutoff for wfc and rho\n    0                  Max angular momentum component\n"
            f" {n:5d}                 Number of points in mesh\n    0    0             Number of Wavefunctions, Number of Projectors\n"
            " Wavefunctions         nl  l   occ\n</PP_HEADER>\n"
            f"<PP_MESH>\n  <PP_R>\n{block(r)}\n  </PP_R>\n  <PP_RAB>\n{block([x * dx for x in r])}\n  </PP_RAB>\n</PP_MESH>\n"
            f"<PP_LOCAL>\n{block([vloc(x) for x in r])}\n</PP_LOCAL>\n<PP_NONLOCAL>\n</PP_NONLOCAL>\n"
            f"<PP_RHOATOM>\n{block(rho)}\n</PP_RHOATOM>\n")


def _si(x: float) -> float:  # Appelbaum-Hamann, in Ry
    a, v1, v2 = 0.6102, 3.042, -1.372
    return 2 * (-4 * math.erf(math.sqrt(a) * x) / x + (v1 + v2 * x * x) * math.exp(-a * x * x))


def _h(x: float) -> float:
    return -2 * math.erf(x / 0.25) / x


def pw_in(system: str, species: str, pos: str, kpts: str, electrons: str = "conv_thr = 1.0d-8", prefix="si",
          control: str = "tprnfor = .true.\n  tstress = .true.") -> str:
    return (f"&control\n  calculation = 'scf'\n  prefix = '{prefix}'\n  pseudo_dir = './'\n  outdir = './tmp'\n"
            f"  {control}\n/\n&system\n  {system}\n/\n&electrons\n  {electrons}\n/\n"
            f"ATOMIC_SPECIES\n{species}\n{pos}\n{kpts}\n")


SI_SYS = "ibrav = 2, celldm(1) = 10.26, nat = 2, ntyp = 1,\n  ecutwfc = 16.0"
SI_SPEC = " Si 28.086 Si.UPF"
SI_POS = "ATOMIC_POSITIONS alat\n Si 0.00 0.00 0.00\n Si 0.25 0.25 0.27"
SI8_POS = "ATOMIC_POSITIONS crystal\n" + "\n".join(
    f" Si {x:.3f} {y:.3f} {z:.3f}" for x, y, z in [(0, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5),
                                                   (0.25, 0.25, 0.25), (0.75, 0.75, 0.25), (0.75, 0.25, 0.75),
                                                   (0.25, 0.75, 0.78)])


def espresso(tmp: Path) -> None:
    d = tmp / "qe"
    files = {
        "Si.UPF": upf("Si", 4.0, _si, 0.5),
        "H.UPF": upf("H", 1.0, _h, 1.5),
        "si.in": pw_in(SI_SYS, SI_SPEC, SI_POS, "K_POINTS automatic\n 4 4 4 1 1 1"),
        "si_maxstep.in": pw_in(SI_SYS.replace("16.0", "20.0") + ",\n  occupations = 'smearing', degauss = 0.02",
                               SI_SPEC, SI_POS, "K_POINTS automatic\n 4 4 4 1 1 1",
                               electrons="conv_thr = 1.0d-10\n  electron_maxstep = 4\n  mixing_beta = 0.2"),
        "si8.in": pw_in("ibrav = 1, celldm(1) = 10.26, nat = 8, ntyp = 1,\n  ecutwfc = 14.0, nbnd = 20,\n"
                        "  occupations = 'smearing', degauss = 0.01", SI_SPEC, SI8_POS,
                        "K_POINTS automatic\n 2 2 2 0 0 0", electrons="conv_thr = 1.0d-9\n  mixing_beta = 0.4"),
        "h2.in": pw_in("ibrav = 1, celldm(1) = 10.0, nat = 2, ntyp = 1,\n  ecutwfc = 25.0", " H 1.008 H.UPF",
                       "ATOMIC_POSITIONS bohr\n H 0.0 0.0 0.0\n H 0.0 0.0 1.40", "K_POINTS gamma", prefix="h2",
                       electrons="conv_thr = 1.0d-8\n  startingwfc = 'random'"),
        "si_typo.in": pw_in(SI_SYS.replace("ecutwfc", "ecutwcf"), SI_SPEC, SI_POS, "K_POINTS automatic\n 4 4 4 1 1 1"),
        "si_nat.in": pw_in(SI_SYS.replace("nat = 2", "nat = 3"), SI_SPEC, SI_POS, "K_POINTS automatic\n 4 4 4 1 1 1"),
        "si_pseudo.in": pw_in(SI_SYS, " Si 28.086 Si.pbe-n-rrkjus_psl.1.0.0.UPF", SI_POS,
                              "K_POINTS automatic\n 4 4 4 1 1 1"),
    }
    cm.write_tree(d, files)

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=300), ext)

    go("pw-scf-si", "pw.x -in si.in", n_pw_scf)
    go("pw-scf-si-maxstep", "pw.x -in si_maxstep.in 2>&1 | tail -n 80; echo EXIT=$?", n_pw_scf)
    go("pw-scf-si8", "pw.x -in si8.in > si8.out 2>&1; echo EXIT=$?; cat si8.out", n_pw_scf)
    go("pw-scf-h2", "pw.x -in h2.in",
       n_pw_scf)
    go("pw-error-namelist", "pw.x -in si_typo.in; echo EXIT=$?", n_pw_error)
    go("pw-error-positions", "pw.x -in si_nat.in 2>&1 | tail -n 30", n_pw_error)
    go("pw-error-pseudo", "pw.x -in si_pseudo.in; echo EXIT=$?", n_pw_error)


# ------------------------------------------------------------------ CP2K

CP2K = """&GLOBAL
  PROJECT {proj}
  RUN_TYPE {rt}
  PRINT_LEVEL LOW
&END GLOBAL
&FORCE_EVAL
  METHOD QS
  &DFT
    BASIS_SET_FILE_NAME BASIS_MOLOPT
    POTENTIAL_FILE_NAME GTH_POTENTIALS
    &MGRID
      {cut} 200
    &END MGRID
    &SCF
      MAX_SCF {maxscf}
      EPS_SCF 1.0E-6
{outer}    &END SCF
    &XC
      &XC_FUNCTIONAL PBE
      &END XC_FUNCTIONAL
    &END XC
  &END DFT
  &SUBSYS
    &CELL
      ABC 6.0 6.0 6.0
    &END CELL
    &COORD
      O 0.000 0.000 0.117
      H 0.000 0.757 -0.467
      H 0.000 -0.757 -0.467
    &END COORD
    &KIND H
      BASIS_SET {hbasis}
      POTENTIAL GTH-PBE-q1
    &END KIND
    &KIND O
      BASIS_SET DZVP-MOLOPT-SR-GTH
      POTENTIAL GTH-PBE-q6
    &END KIND
  &END SUBSYS
&END FORCE_EVAL
{motion}"""


def cp2k_in(proj, rt="ENERGY", cut="CUTOFF", maxscf=30, outer="", hbasis="DZVP-MOLOPT-SR-GTH", motion=""):
    return CP2K.format(proj=proj, rt=rt, cut=cut, maxscf=maxscf, outer=outer, hbasis=hbasis, motion=motion)


def cp2k(tmp: Path) -> None:
    d = tmp / "cp2k"
    files = {
        "h2o.inp": cp2k_in("h2o"),
        "h2o_maxscf.inp": cp2k_in("h2o_ms", maxscf=4, outer="      &OUTER_SCF\n        MAX_SCF 2\n      &END OUTER_SCF\n"),
        "h2o_geo.inp": cp2k_in("h2o_geo", rt="GEO_OPT", maxscf=20,
                               motion="&MOTION\n  &GEO_OPT\n    MAX_ITER 3\n  &END GEO_OPT\n&END MOTION\n"),
        "h2o_keyword.inp": cp2k_in("h2o_kw", cut="CUTOF"),
        "h2o_basis.inp": cp2k_in("h2o_bs", hbasis="TZVP-MOLOPT-SR-GTH-X"),
    }
    cm.write_tree(d, files)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=400), n_cp2k_run)

    go("cp2k-energy-h2o", "cp2k -i h2o.inp")
    go("cp2k-scf-not-converged", "cp2k -i h2o_maxscf.inp; echo EXIT=$?")
    go("cp2k-geo-opt-h2o", "cp2k -i h2o_geo.inp -o h2o_geo.out; echo EXIT=$?; cat h2o_geo.out")
    go("cp2k-abort-keyword", "cp2k -i h2o_keyword.inp; echo EXIT=$?")
    go("cp2k-abort-basis", "cp2k -i h2o_basis.inp 2>&1 | tail -n 40")


# ------------------------------------------------------------------ ABINIT

SI_ABI = """# silicon, two atoms in the primitive cell
acell 3*10.26
rprim 0.0 0.5 0.5
      0.5 0.0 0.5
      0.5 0.5 0.0
ntypat 1
znucl 14
natom {natom}
typat {typat}
xred 0.0 0.0 0.0
     0.25 0.25 0.25
ecut {ecut}
kptopt 1
ngkpt {ngkpt}
nshiftk 4
shiftk 0.5 0.5 0.5
       0.5 0.0 0.0
       0.0 0.5 0.0
       0.0 0.0 0.5
nstep {nstep}
toldfe 1.0d-10
{extra}
pseudos "/usr/share/abinit/psp/14si.pspnc"
"""


def abinit(tmp: Path) -> None:
    d = tmp / "abinit"
    base = dict(natom=2, typat="1 1", ecut=8.0, ngkpt="2 2 2", nstep=20, extra="")
    files = {
        "si.abi": SI_ABI.format(**base),
        "si_nstep.abi": SI_ABI.format(**{**base, "nstep": 3, "ecut": 12.0, "ngkpt": "4 4 4"}),
        "si_ecut.abi": SI_ABI.format(**{**base, "extra": "ndtset 4\necut: 6.0 ecut+ 3.0\n"}).replace("ecut 8.0\n", ""),
        "si_typo.abi": SI_ABI.format(**{**base, "extra": "ecutsm 0.5\ntoldfee 1.0d-6"}),
        "si_natom.abi": SI_ABI.format(**{**base, "natom": 3, "typat": "1 1 1"}),
    }
    cm.write_tree(d, files)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=400), n_abinit_run)

    go("abinit-si-log-tail", "abinit si.abi 2>&1 | tail -n 300")
    go("abinit-si-abo", "cat si.abo")
    go("abinit-si-nstep", "abinit si_nstep.abi > nstep.log 2>&1; echo EXIT=$?; tail -n 400 nstep.log")
    go("abinit-si-ecut-datasets", "abinit si_ecut.abi > ecut.log 2>&1; echo EXIT=$?; cat si_ecut.abo")
    go("abinit-unknown-variable", "abinit si_typo.abi; echo EXIT=$?")
    go("abinit-natom-mismatch", "abinit si_natom.abi 2>&1 | tail -n 50")


STEPS = [nwchem, espresso, cp2k, abinit]
