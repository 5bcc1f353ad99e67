"""Round 147, numerical libraries: a quadrature and fitting tool on GSL 2.7 (`gslfit`), FFTW's `fftw-wisdom`, a
shallow-water solver in Fortran under gfortran 12 (`swe`), and a steady-heat solver on PETSc 3.18 (`heat`, a
5-point Laplacian through KSP), each written here with faults put in and run. The kinds' rules are NEEDLES.md's
"Round 147". Run through capture_wide147.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_data import shape
from capture_more import groups, kind, run, write_tree
from capture_wide147 import cap
from capture_wide147_cxx import _before, _status

# ------------------------------------------------------------------ GSL


@kind("gsl-error-abort", "log")
def n_gsl(lines):
    """Rule 1 on GSL's default error handler: every 'gsl: file.c:N: ERROR: ...' line, the 'Default GSL error handler invoked.' line, the last line printed before the first error, the status line."""
    out: list = []
    first = True
    for i, ln in enumerate(lines):
        if re.search(r"^gsl: \S+:\d+: ERROR:", ln):
            out.append(ln)
            if first:
                out.append(_before(lines, i))
                first = False
        if "Default GSL error handler invoked" in ln:
            out.append(ln)
    return out + _status(lines)


GSLFIT = r"""#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_sf_bessel.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double spiky(double x, void *p) { (void)p; return 1.0 / sqrt(fabs(x - 0.3)) * sin(200.0 * x); }

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    int mode = argc > 1 ? atoi(argv[1]) : 0;
    int rows = argc > 2 ? atoi(argv[2]) : 40;
    for (int i = 0; i < rows; i++) {
        double x = 0.25 * (i + 1);
        printf("x=%7.3f  J0=% .10f  J1=% .10f  log=% .8f\n", x, gsl_sf_bessel_J0(x), gsl_sf_bessel_J1(x),
               gsl_sf_log(x));
    }
    if (mode == 0) {
        double temps[] = {2.5, 1.0, 0.5, 0.0, -0.5};
        for (int i = 0; i < 5; i++) printf("log(T%d) = %f\n", i, gsl_sf_log(temps[i]));
    } else if (mode == 1) {
        gsl_integration_workspace *w = gsl_integration_workspace_alloc(20);
        gsl_function f = {spiky, NULL};
        double result, err;
        gsl_integration_qags(&f, 0.0, 1.0, 0.0, 1e-10, 20, w, &result, &err);
        printf("integral %.12f +- %.3g\n", result, err);
    } else if (mode == 2) {
        gsl_matrix *a = gsl_matrix_alloc(4, 4);
        gsl_matrix_set_all(a, 1.0);
        for (int i = 0; i < 4; i++) gsl_matrix_set(a, i, i, 0.5);
        printf("covariance ready, factorizing\n");
        gsl_linalg_cholesky_decomp1(a);
    } else {
        gsl_matrix *m = gsl_matrix_alloc(5, 5);
        for (int i = 0; i <= 5; i++) gsl_matrix_set(m, i, i, 2.0);
    }
    return 0;
}
"""


def gsl(tmp: Path) -> None:
    root = tmp / "gslfit"
    write_tree(root, {"gslfit.c": GSLFIT})
    out = run("gcc -O1 -g gslfit.c -o gslfit -lgsl -lgslcblas -lm 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("gsl-log-domain-exit", "./gslfit 0; echo EXIT=$?", root, n_gsl)
    cap("gsl-qags-subdivisions-tail-30", "./gslfit 1 60 2>&1 | tail -n 30", root, n_gsl)
    cap("gsl-cholesky-not-posdef", "./gslfit 2 120 2>&1; echo EXIT=$?", root, n_gsl)
    cap("gsl-matrix-index-exit", "./gslfit 3 80; echo EXIT=$?", root, n_gsl)


# ------------------------------------------------------------------ FFTW


@kind("fftw-wisdom", "doc")
def n_fftw_wisdom(lines):
    """Rule 5 on fftw-wisdom: the opening '(fftw-3.x fftw_wisdom' line, every 'Planning transform:' line, every 'fftw-wisdom:' message line, one {"any"} per distinct solver name (first 40)."""
    out: list = [ln for ln in lines if re.match(r"^\(fftw-\d", ln) or ln.startswith("Planning transform:")
                 or ln.startswith("fftw-wisdom:")]
    pairs = [(m.group(1), ln) for ln in lines for m in [re.match(r"^\s+\((\w+)", ln)] if m]
    return out + groups(pairs)[:40]


def fftw(tmp: Path) -> None:
    root = tmp / "fftw"
    root.mkdir(parents=True, exist_ok=True)
    cap("fftw-wisdom-v-measure", "fftw-wisdom -v -m rof64 rob64 cif128 cib128 rof1000 cof4096 rif32x32 cof48x64",
        root, n_fftw_wisdom)
    cap("fftw-wisdom-n-patient-head-80", "fftw-wisdom -n -v -t 0.01 rof256 cif512 rif16x16x16 cof1024 kf100 cob2000 "
        "2>&1 | head -n 80", root, n_fftw_wisdom, timeout=900)
    cap("fftw-wisdom-canonical-estimate-head-400", "fftw-wisdom -e -c | head -n 400", root, n_fftw_wisdom)


# ------------------------------------------------------------------ gfortran


@kind("gfortran-signal-backtrace", "log")
def n_gf_signal(lines):
    """Rule 1 on a gfortran signal backtrace: the 'Program received signal ...' line, every frame naming a source file of the program's own (at x.f90:N), the status line."""
    out = [ln for ln in lines if ln.startswith("Program received signal")]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*at (?!/usr/)\S+\.f90:\d+", ln):
            out += [lines[i - 1] if i and re.match(r"^#\d+ ", lines[i - 1]) else None, ln]
    return out + _status(lines)


@kind("gfortran-runtime-warning", "log")
def n_gf_warn(lines):
    """Rule 1 on gfortran runtime warnings: one {"any"} per distinct warning message over its 'Fortran runtime warning:' lines, every distinct 'At line N of file F' line, every 'Fortran runtime error:' line, the status line."""
    out: list = groups((shape(ln), ln) for ln in lines if ln.startswith("Fortran runtime warning:"))
    out += [ln for ln in lines if re.match(r"^At line \d+ of file ", ln) or ln.startswith("Fortran runtime error:")]
    return out + _status(lines)


SWE = """module grid
  implicit none
  integer, parameter :: dp = kind(1.0d0)
contains
  subroutine smooth(a, n)
    integer, intent(in) :: n
    real(dp), intent(inout) :: a(n)
    integer :: i
    do i = 2, n - 1
      a(i) = 0.25_dp * a(i - 1) + 0.5_dp * a(i) + 0.25_dp * a(i + 1)
    end do
  end subroutine smooth

  subroutine flux(h, u, f, n)
    integer, intent(in) :: n
    real(dp), intent(in) :: h(n), u(n)
    real(dp), intent(out) :: f(n)
    f = h * u
  end subroutine flux

  real(dp) function courant(u, dx, dt)
    real(dp), intent(in) :: u(:), dx, dt
    courant = maxval(abs(u)) * dt / dx
  end function courant
end module grid

program swe
  use grid
  implicit none
  integer, parameter :: nx = 64, ny = 48
  real(dp) :: h(nx, ny), u(nx, ny), f(nx), dx, dt, depth
  real(dp), allocatable :: work(:)
  integer :: step, j, mode, ios
  character(len=16) :: arg
  call get_command_argument(1, arg)
  read (arg, *, iostat=ios) mode
  if (ios /= 0) mode = 0
  dx = 1.0_dp / nx
  dt = 0.2_dp * dx
  h = 1.0_dp
  u = 0.1_dp
  h(nx / 2, :) = 1.5_dp
  do step = 1, 12
    do j = 1, ny, 6
      call smooth(h(:, j), nx)
      call smooth(u(j, :), ny)
      call smooth(h(j, :), ny)
    end do
    call flux(h(:, 1), u(:, 1), f, nx)
    call flux(h(1, 1:ny), u(1, 1:ny), f(1:ny), ny)
    write (*, '(a, i3, a, f10.6, a, f10.6)') 'step', step, '  mass', sum(h) * dx * dx, '  cfl', courant(u(:, 1), dx, dt)
  end do
  if (mode == 1) then
    depth = 0.0_dp
    write (*, *) 'wave speed', sqrt(9.81_dp * depth) / depth
  else if (mode == 2) then
    work(nx * ny) = 1.0_dp
    write (*, *) 'work', work(nx * ny)
  else if (mode == 3) then
    depth = -1.0_dp
    write (*, *) 'celerity', sqrt(9.81_dp * depth)
  end if
end program swe
"""


def fortran(tmp: Path) -> None:
    root = tmp / "swe"
    write_tree(root, {"swe.f90": SWE})
    out = run("gfortran -g -O0 -fcheck=all -fbacktrace swe.f90 -o swe_chk 2>&1 && "
              "gfortran -g -O0 -fbacktrace -ffpe-trap=invalid,zero,overflow swe.f90 -o swe_fpe 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("gfortran-fpe-zero-exit", "./swe_fpe 1; echo EXIT=$?", root, n_gf_signal)
    cap("gfortran-segv-unallocated", "./swe_fpe 2 2>&1; echo EXIT=$?", root, n_gf_signal)
    cap("gfortran-fpe-invalid-tail-25", "./swe_fpe 3 2>&1 | tail -n 25", root, n_gf_signal)
    cap("gfortran-fcheck-array-temps", "./swe_chk 0; echo EXIT=$?", root, n_gf_warn)
    cap("gfortran-fcheck-array-temps-head-30", "./swe_chk 3 2>&1 | head -n 30", root, n_gf_warn)


# ------------------------------------------------------------------ PETSc


@kind("petsc-log-view", "table")
def n_petsc_log_view(lines):
    """Rules 4+5 on PETSc -log_view: the program/processor line, the 'Time (sec):', 'Flops:' and 'Memory' summary lines, the event table header, every event row with %T >= 10, the KSPSolve and SNESSolve rows, each WARNING box."""
    out: list = []
    boxes: list = []
    for ln in lines:
        if re.search(r" on a .* named .* with \d+ (processor|MPI process)", ln) \
                or re.match(r"^(Time \(sec\)|Flops|Memory[^:]*):", ln) or re.match(r"^Event\s+Count\s+Time", ln):
            out.append(ln)
        parts = ln.split()
        if len(parts) >= 21 and parts[1].isdigit() and re.match(r"^\d+$", parts[10]):
            if int(parts[10]) >= 10 or parts[0] in ("KSPSolve", "SNESSolve"):
                out.append(ln)
        if re.search(r"WARNING", ln):
            boxes.append(ln)
    if boxes:
        out.append({"any": boxes})
    return out


@kind("petsc-ksp-monitor", "log")
def n_petsc_monitor(lines):
    """Rule 5 on PETSc solver monitors: per solve its first and last residual-norm lines, every 'converged due to' / 'did not converge due to' / DIVERGED line, the program's closing 'Norm of error' line."""
    out: list = []
    run_: list = []
    for ln in lines + [""]:
        if re.match(r"^\s*\d+ (KSP|SNES) .*(norm|Norm)", ln):
            if run_ and re.match(r"^\s*0 ", ln) and ln.split()[1] == run_[-1].split()[1]:
                out += [run_[0], run_[-1]]
                run_ = []
            run_.append(ln)
            continue
        if run_ and not ln.strip().startswith(tuple("0123456789")):
            out += [run_[0], run_[-1]]
            run_ = []
        if re.search(r"converged due to|did not converge due to|DIVERGED_|^Norm of error", ln):
            out.append(ln)
    return out


@kind("petsc-error-stack", "log")
def n_petsc_error(lines):
    """Rule 1 on a PETSc error stack: the line after the 'Error Message' header, every following PETSC ERROR detail line up to 'See https://petsc.org', every stack frame naming a file of the program's own, the innermost frame, the MPI_ABORT line, the status line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"PETSC ERROR: -+ Error Message", ln):
            for k in range(i + 1, min(len(lines), i + 12)):
                if "See https://petsc.org" in lines[k]:
                    break
                if re.search(r"PETSC ERROR:", lines[k]):
                    out.append(lines[k])
        if re.search(r"PETSC ERROR: #1 ", ln):
            out.append(ln)
        if re.search(r"PETSC ERROR: #\d+ .* at (?!\./src/)[\w./-]+\.c:\d+", ln):
            out.append(ln)
        if re.search(r"MPI_ABORT was invoked", ln):
            out.append(ln)
    return out + _status(lines)


HEAT_C = r"""static char help[] = "Steady heat on a plate: 5-point Laplacian solved with KSP.\n";
#include <petscksp.h>

int main(int argc, char **argv)
{
  Vec x, b, u;
  Mat A;
  KSP ksp;
  PetscInt i, j, Ii, J, m = 24, n = 24, its, prealloc = 5;
  PetscReal norm;
  PetscBool bad_index = PETSC_FALSE, singular = PETSC_FALSE;
  PetscScalar v;

  PetscFunctionBeginUser;
  PetscCall(PetscInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-m", &m, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &n, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-prealloc", &prealloc, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-bad_index", &bad_index, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-singular", &singular, NULL));
  PetscCall(MatCreateSeqAIJ(PETSC_COMM_WORLD, m * n, m * n, prealloc, NULL, &A));
  PetscCall(MatSetOption(A, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_TRUE));
  for (Ii = 0; Ii < m * n; Ii++) {
    v = -1.0; i = Ii / n; j = Ii - i * n;
    if (i > 0) { J = Ii - n; PetscCall(MatSetValues(A, 1, &Ii, 1, &J, &v, ADD_VALUES)); }
    if (i < m - 1) { J = Ii + n; PetscCall(MatSetValues(A, 1, &Ii, 1, &J, &v, ADD_VALUES)); }
    if (j > 0) { J = Ii - 1; PetscCall(MatSetValues(A, 1, &Ii, 1, &J, &v, ADD_VALUES)); }
    if (j < n - 1) { J = Ii + 1; PetscCall(MatSetValues(A, 1, &Ii, 1, &J, &v, ADD_VALUES)); }
    v = singular ? 0.0 : 4.0;
    if (bad_index && Ii == m * n - 1) J = m * n + 3; else J = Ii;
    PetscCall(MatSetValues(A, 1, &Ii, 1, &J, &v, ADD_VALUES));
  }
  PetscCall(MatAssemblyBegin(A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatCreateVecs(A, &u, &b));
  PetscCall(VecDuplicate(b, &x));
  PetscCall(VecSet(u, 1.0));
  PetscCall(MatMult(A, u, b));
  PetscCall(KSPCreate(PETSC_COMM_WORLD, &ksp));
  PetscCall(KSPSetOperators(ksp, A, A));
  PetscCall(KSPSetTolerances(ksp, 1.e-7, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT));
  PetscCall(KSPSetFromOptions(ksp));
  PetscCall(KSPSolve(ksp, b, x));
  PetscCall(VecAXPY(x, -1.0, u));
  PetscCall(VecNorm(x, NORM_2, &norm));
  PetscCall(KSPGetIterationNumber(ksp, &its));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Norm of error %g iterations %" PetscInt_FMT "\n", (double)norm, its));
  PetscCall(KSPDestroy(&ksp));
  PetscCall(VecDestroy(&u));
  PetscCall(VecDestroy(&x));
  PetscCall(VecDestroy(&b));
  PetscCall(MatDestroy(&A));
  PetscCall(PetscFinalize());
  return 0;
}
"""

PETSC_BUILD = "mpicc -O1 -g $(pkg-config --cflags petsc) heat.c -o heat $(pkg-config --libs petsc)"
OMPI = {"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1", "OMPI_MCA_btl_vader_single_copy_mechanism": "none"}


def petsc(tmp: Path) -> None:
    root = tmp / "heat"
    write_tree(root, {"heat.c": HEAT_C})
    out = run(PETSC_BUILD + " 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    c = lambda i, cmd, ext, **kw: cap(i, cmd, root, ext, env=OMPI, **kw)  # noqa: E731
    c("petsc-log-view-gmres", "./heat -m 80 -n 80 -log_view", n_petsc_log_view)
    c("petsc-log-view-gamg-exit", "./heat -m 120 -n 120 -ksp_type cg -pc_type gamg -log_view; echo EXIT=$?",
      n_petsc_log_view)
    c("petsc-ksp-monitor-cg", "./heat -m 60 -n 60 -ksp_type cg -pc_type none -ksp_monitor -ksp_converged_reason",
      n_petsc_monitor)
    c("petsc-ksp-monitor-diverged-its", "./heat -m 90 -n 90 -ksp_type cg -pc_type jacobi -ksp_max_it 60 "
      "-ksp_monitor_true_residual -ksp_converged_reason; echo EXIT=$?", n_petsc_monitor)
    c("petsc-ksp-monitor-gmres-restart-tail-50", "./heat -m 50 -n 50 -ksp_gmres_restart 10 -pc_type none "
      "-ksp_monitor -ksp_converged_reason 2>&1 | tail -n 50", n_petsc_monitor)
    c("petsc-error-new-nonzero", "./heat -prealloc 3; echo EXIT=$?", n_petsc_error)
    c("petsc-error-column-range-head-40", "./heat -bad_index 2>&1 | head -n 40", n_petsc_error)
    c("petsc-error-zero-pivot-exit", "./heat -singular -ksp_type preonly -pc_type lu -ksp_error_if_not_converged "
      "2>&1; echo EXIT=$?", n_petsc_error)


STEPS = [gsl, fftw, fortran, petsc]
