"""Round 258, round 243's kinds on new material: GROMACS on a longer peptide of the round's own and a 2.2 nm SPC/E water
box (stochastic dynamics, a missing molecule type, a bad mdp value, and a 10 fs step that blows the box up), LAMMPS
on a 2-D film of a binary Lennard-Jones mixture under Langevin dynamics (an unknown pair style), NWChem on ammonia
and methane (a DFT run held to 4 iterations), pw.x on a strained silicon cell with the round's own model
pseudopotentials (and a malformed K_POINTS card), CP2K on ammonia (PBE, and BLYP held to 5 SCF steps) and ABINIT on
silicon with other cut-offs and k-point grids (one held to 4 SCF steps). Every extractor is round 243's, imported
(NEEDLES.md, "Round 258"). Run through capture_wide258.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide243_md import (n_gmx_check, n_gmx_energy, n_gmx_grompp, n_gmx_mdrun, n_gmx_pdb2gmx, n_lammps_error,
                                n_lammps_run, peptide)
from capture_wide243_qc import SI_ABI, _h, _si, n_abinit_run, n_cp2k_run, n_nwchem_scf, n_pw_error, n_pw_scf, pw_in, upf
from capture_wide258 import add

# ------------------------------------------------------------------ GROMACS

TOP = """#include "oplsaa.ff/forcefield.itp"
#include "oplsaa.ff/spce.itp"
{extra}
[ system ]
Water box, round 258

[ molecules ]
"""

MDP = """integrator = {integ}
dt = {dt}
nsteps = {nsteps}
nstlog = {nstlog}
nstcalcenergy = 10
nstenergy = 20
nstxout-compressed = {nstx}
cutoff-scheme = Verlet
coulombtype = PME
rcoulomb = 0.9
rvdw = 0.9
tcoupl = {tc}
tc-grps = System
tau_t = 1.0
ref_t = 310
{more}
"""


def gromacs(tmp: Path) -> None:
    d = tmp / "gmx"
    seq = ["GLY", "VAL", "VAL", "SER", "ALA", "GLY", "ALA", "VAL", "SER", "SER", "ALA", "VAL", "GLY", "ALA", "SER",
           "VAL", "ALA", "GLY", "VAL", "SER", "ALA", "ALA"]
    files = {
        "chain.pdb": peptide(seq, 2581),
        "chain_gap.pdb": peptide(seq[:12], 2582, drop=(7, "C")),
        "sd.mdp": MDP.format(integ="sd", dt=0.002, nsteps=1000, nstlog=20, nstx=50, tc="no",
                             more="constraints = h-bonds\ngen_vel = yes\ngen_temp = 310\ngen_seed = 2583"),
        "badval.mdp": MDP.format(integ="md", dt=0.002, nsteps=200, nstlog=50, nstx=50, tc="nose-hoover",
                                 more="constraints = h-bonds\npcoupl = Parrinello-Rahman\ntau_p = 0.5\nref_p = 1.0\n"
                                      "compressibility = 4.5e-5\nnstcomm = -5\ncomm-mode = angular"),
        "boom.mdp": MDP.format(integ="md", dt=0.010, nsteps=1000, nstlog=5, nstx=5, tc="no",
                               more="gen_vel = yes\ngen_temp = 1200\ngen_seed = 2584\nverlet-buffer-tolerance = -1\n"
                                    "rlist = 0.9\nnstlist = 10"),
    }
    cm.write_tree(d, files)
    (d / "topol.top").write_text(TOP.format(extra=""))
    run("gmx -quiet solvate -cs spc216.gro -box 2.2 2.2 2.2 -o water.gro -p topol.top", cwd=d)
    body = (d / "topol.top").read_text()
    (d / "nomol.top").write_text(body + "MEOH                3\n")

    def go(item, cmd, ext, timeout=300):
        add(item, cmd, run(cmd, cwd=d, timeout=timeout), ext)

    go("gmx-pdb2gmx-chain22", "printf '0\\n0\\n' | gmx pdb2gmx -f chain.pdb -o chain.gro -p chain.top -ff oplsaa "
       "-water tip3p -ignh -ter; echo EXIT=$?", n_gmx_pdb2gmx)
    go("gmx-pdb2gmx-missing-carbonyl", "gmx pdb2gmx -f chain_gap.pdb -o gap.gro -p gap.top -ff oplsaa -water spce "
       "-ignh 2>&1 | tail -n 60", n_gmx_pdb2gmx)
    go("gmx-grompp-unknown-moltype", "gmx grompp -f sd.mdp -c water.gro -p nomol.top -o nm.tpr 2>&1 | tail -n 40; "
       "echo EXIT=$?", n_gmx_grompp)
    go("gmx-grompp-badval", "gmx grompp -f badval.mdp -c water.gro -p topol.top -o bv.tpr; echo EXIT=$?", n_gmx_grompp)
    run("gmx -quiet grompp -f sd.mdp -c water.gro -p topol.top -o sd.tpr && gmx -quiet mdrun -nt 1 -deffnm sd", cwd=d,
        timeout=600)
    go("gmx-mdrun-sd-log", "cat sd.log", n_gmx_mdrun)
    run("gmx -quiet grompp -f boom.mdp -c water.gro -p topol.top -o boom.tpr -maxwarn 5", cwd=d)
    go("gmx-mdrun-10fs-tail", "gmx mdrun -nt 1 -deffnm boom 2>&1 | tail -n 80; echo EXIT=$?", n_gmx_mdrun)
    go("gmx-energy-sd", "printf 'Bond\\nAngle\\nLJ-(SR)\\nCoulomb-(SR)\\nCoul.-recip.\\nPotential\\nKinetic-En.\\n"
       "Total-Energy\\nConserved-En.\\nTemperature\\nPressure\\nDensity\\n0\\n' | gmx energy -f sd.edr -o sd_e.xvg",
       n_gmx_energy)
    go("gmx-check-sd-trr-xtc", "gmx check -f sd.xtc; gmx check -e sd.edr 2>&1 | tail -n 30", n_gmx_check)


# ------------------------------------------------------------------ LAMMPS

FILM = """# 2-D Lennard-Jones film, round 258
units lj
dimension 2
atom_style atomic
lattice sq2 {rho}
region box block 0 {n} 0 {n} -0.5 0.5
create_box 2 box
create_atoms 1 box
set type 1 type/fraction 2 0.2 2585
mass * 1.0
velocity all create {temp} 2586 loop geom
pair_style {pair} 2.5
pair_coeff 1 1 1.0 1.0 2.5
{coeff2}
neighbor 0.3 bin
fix 1 all langevin {temp} {temp} 0.5 2587
fix 2 all nve
fix 3 all enforce2d
thermo_style custom step temp pe ke etotal press pxx pyy
thermo {thermo}
run {steps}
"""


def lammps(tmp: Path) -> None:
    d = tmp / "lmp"
    good = "pair_coeff 2 2 1.0 0.88 2.2\npair_coeff 1 2 1.5 0.8 2.0"
    files = {
        "in.film": FILM.format(rho=0.7, n=20, temp=0.8, pair="lj/cut", coeff2=good, thermo=20, steps=2400),
        "in.film_big": FILM.format(rho=0.9, n=16, temp=0.45, pair="lj/cut", coeff2=good, thermo=50, steps=3000),
        "in.pairstyle": FILM.format(rho=0.7, n=10, temp=0.8, pair="lj/cutt", coeff2=good, thermo=20, steps=200),
    }
    cm.write_tree(d, files)

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=300), ext)

    go("lammps-run-film2d", "lmp -in in.film -log none", n_lammps_run)
    go("lammps-run-film-dense-tail", "lmp -in in.film_big -log film.log 2>&1 | tail -n 50; echo EXIT=$?", n_lammps_run)
    go("lammps-error-pair-style", "lmp -in in.pairstyle -log none; echo EXIT=$?", n_lammps_error)


# ------------------------------------------------------------------ NWChem

NH3 = """geometry units angstrom
  N   0.000   0.000   0.116
  H   0.000   0.939  -0.272
  H   0.813  -0.470  -0.272
  H  -0.813  -0.470  -0.272
end"""
CH4 = """geometry units angstrom
  C   0.000   0.000   0.000
  H   0.629   0.629   0.629
  H  -0.629  -0.629   0.629
  H  -0.629   0.629  -0.629
  H   0.629  -0.629  -0.629
end"""
NW = {
    "nh3_scf.nw": f'start nh3\ntitle "ammonia RHF/cc-pVDZ"\n{NH3}\nbasis\n  * library cc-pvdz\nend\ntask scf\n',
    "ch4_dft.nw": f'start ch4\ntitle "methane PBE/6-31G** held to 4 iterations"\n{CH4}\nbasis\n  * library 6-31g**\n'
                  'end\ndft\n  xc xpbe96 cpbe96\n  iterations 4\nend\ntask dft\n',
}


def nwchem(tmp: Path) -> None:
    d = tmp / "nw"
    cm.write_tree(d, NW)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=300), n_nwchem_scf)

    go("nwchem-scf-nh3", "nwchem nh3_scf.nw > nh3.out 2>&1; echo EXIT=$?; cat nh3.out")
    go("nwchem-dft-ch4-capped-tail", "nwchem ch4_dft.nw 2>&1 | tail -n 120; echo EXIT=$?")


# ------------------------------------------------------------------ Quantum ESPRESSO

SI_SYS = "ibrav = 2, celldm(1) = 10.52, nat = 2, ntyp = 1,\n  ecutwfc = 18.0"
SI_POS = "ATOMIC_POSITIONS alat\n Si 0.00 0.00 0.00\n Si 0.26 0.24 0.25"


def espresso(tmp: Path) -> None:
    d = tmp / "qe"
    files = {
        "Si.UPF": upf("Si", 4.0, _si, 0.5),
        "H.UPF": upf("H", 1.0, _h, 1.5),
        "si_strained.in": pw_in(SI_SYS + ",\n  occupations = 'smearing', smearing = 'mv', degauss = 0.015",
                                " Si 28.086 Si.UPF",
                                SI_POS, "K_POINTS automatic\n 3 3 3 0 0 0",
                                electrons="conv_thr = 1.0d-9\n  mixing_beta = 0.5", prefix="sis"),
        "h2_stretch.in": pw_in("ibrav = 1, celldm(1) = 9.0, nat = 2, ntyp = 1,\n  ecutwfc = 22.0, nspin = 2,\n"
                               "  starting_magnetization(1) = 0.4, occupations = 'smearing', degauss = 0.02",
                               " H 1.008 H.UPF", "ATOMIC_POSITIONS bohr\n H 0.0 0.0 0.0\n H 0.0 0.0 2.60",
                               "K_POINTS gamma", prefix="h2s",
                               electrons="conv_thr = 1.0d-9\n  electron_maxstep = 7\n  mixing_beta = 0.3"),
        "si_card.in": pw_in(SI_SYS, " Si 28.086 Si.UPF", SI_POS, "K_POINTS automagic\n 3 3 3 0 0 0", prefix="sic"),
    }
    cm.write_tree(d, files)

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=300), ext)

    go("pw-scf-si-strained", "pw.x -in si_strained.in > sis.out; echo EXIT=$?; cat sis.out", n_pw_scf)
    go("pw-scf-h2-spin-maxstep-tail", "pw.x -in h2_stretch.in 2>&1 | tail -n 90", n_pw_scf)
    go("pw-error-kpoints-card", "pw.x -in si_card.in; echo EXIT=$?", n_pw_error)


# ------------------------------------------------------------------ CP2K

CP2K = """&GLOBAL
  PROJECT {proj}
  RUN_TYPE ENERGY
  PRINT_LEVEL {level}
&END GLOBAL
&FORCE_EVAL
  METHOD QS
  &DFT
    BASIS_SET_FILE_NAME BASIS_MOLOPT
    POTENTIAL_FILE_NAME GTH_POTENTIALS
    &MGRID
      CUTOFF 240
      REL_CUTOFF 40
    &END MGRID
    &SCF
      MAX_SCF {maxscf}
      EPS_SCF 1.0E-7
      SCF_GUESS ATOMIC
    &END SCF
    &XC
      &XC_FUNCTIONAL {xc}
      &END XC_FUNCTIONAL
    &END XC
{extra}  &END DFT
  &SUBSYS
    &CELL
      ABC 7.0 7.0 7.0
    &END CELL
    &COORD
      N   0.000   0.000   0.116
      H   0.000   0.939  -0.272
      H   0.813  -0.470  -0.272
      H  -0.813  -0.470  -0.272
    &END COORD
    &KIND H
      BASIS_SET DZVP-MOLOPT-SR-GTH
      POTENTIAL GTH-{xc}-q1
    &END KIND
    &KIND N
      BASIS_SET DZVP-MOLOPT-SR-GTH
      POTENTIAL GTH-{xc}-q5
    &END KIND
  &END SUBSYS
&END FORCE_EVAL
"""


def cp2k(tmp: Path) -> None:
    d = tmp / "cp2k"
    files = {
        "nh3.inp": CP2K.format(proj="nh3", level="MEDIUM", maxscf=40, xc="PBE", extra=""),
        "nh3_capped.inp": CP2K.format(proj="nh3c", level="LOW", maxscf=5, xc="BLYP", extra=""),
    }
    cm.write_tree(d, files)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=400), n_cp2k_run)

    go("cp2k-nh3-medium", "cp2k -i nh3.inp 2>&1; echo EXIT=$?")
    go("cp2k-nh3-blyp-capped", "cp2k -i nh3_capped.inp -o nh3c.out; echo EXIT=$?; cat nh3c.out")


# ------------------------------------------------------------------ ABINIT


def abinit(tmp: Path) -> None:
    d = tmp / "abinit"
    base = dict(natom=2, typat="1 1", ecut=10.0, ngkpt="3 3 3", nstep=25, extra="")
    files = {
        "si_k3.abi": SI_ABI.format(**base).replace("acell 3*10.26", "acell 3*10.40"),
        "si_diemac.abi": SI_ABI.format(**{**base, "nstep": 4, "ecut": 14.0, "extra": "diemac 12.0\niscf 3"}),
    }
    cm.write_tree(d, files)

    def go(item, cmd):
        add(item, cmd, run(cmd, cwd=d, timeout=400), n_abinit_run)

    go("abinit-si-k3-abo-head", "abinit si_k3.abi > k3.log 2>&1; echo EXIT=$?; head -n 700 si_k3.abo")
    go("abinit-si-nstep4-abo", "abinit si_diemac.abi > dm.log 2>&1; echo EXIT=$?; cat si_diemac.abo")


STEPS = [gromacs, lammps, nwchem, espresso, cp2k, abinit]
