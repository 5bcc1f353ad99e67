"""Round 153, C++ template walls and numerical libraries (second samples of round 147's kinds), on programs written
here with faults put in: `beam`, a beam-deflection solver on Eigen 3.4 (mixed scalar types, fixed sizes that do not
match, a cross product of 4-vectors; a runtime size mismatch), `sensorcfg`, a sensor-config grammar on Boost.Spirit Qi
(attributes that do not fit their rules), `orders`, range-v3 pipelines over orders (a sort of a transformed view, a
join over ints, a predicate of the wrong arity), `codecs`, C++20 concepts for encoders, `ledger` under libstdc++'s
debug mode (a dereferenced end iterator), `orchid`, GSL root finding and splines (a bracket that does not straddle the
root, abscissae not increasing, a vector index out of range), FFTW wisdom for other sizes, `advect`, a 1-D advection
code in Fortran (an array written past its end, a log of a negative number), and `rod`, a 1-D Poisson solver on
PETSc (a preallocation too small, a row index out of range). Round 147's extractors are imported. Run through
capture_wide153.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide147_cxx import (EIGEN, n_eigen_gpp, n_eigen_clang, n_spirit_gpp, n_spirit_clang, n_range_v3,
                                 n_concepts_gpp, n_concepts_clang, n_eigen_assert, n_glibcxx_debug)
from capture_wide147_num import (OMPI, n_gsl, n_fftw_wisdom, n_gf_signal, n_gf_warn, n_petsc_log_view,
                                 n_petsc_monitor, n_petsc_error)
from capture_wide153 import cap

# ------------------------------------------------------------------ Eigen: beam

BEAM_H = """#pragma once
#include <Eigen/Dense>
namespace beam {
using Vec6 = Eigen::Matrix<double, 6, 1>;
using Mat6 = Eigen::Matrix<double, 6, 6>;
Mat6 element_stiffness(double e, double i, double l);
Vec6 load_vector(double q, double l);
}
"""

STIFF_CPP = """#include "beam.hpp"
namespace beam {
Mat6 element_stiffness(double e, double i, double l) {
    Eigen::Matrix4f k4;                                  // float, not double
    k4 << 12, 6 * l, -12, 6 * l, 6 * l, 4 * l * l, -6 * l, 2 * l * l, -12, -6 * l, 12, -6 * l, 6 * l, 2 * l * l, -6 * l,
        4 * l * l;
    Mat6 k = Mat6::Zero();
    k.block<4, 4>(1, 1) = k4 * (e * i / (l * l * l));   // float times double
    return k;
}
Vec6 load_vector(double q, double l) {
    Eigen::Vector4d f(q * l / 2, q * l * l / 12, q * l / 2, -q * l * l / 12);
    Vec6 out = f;                                        // 4 rows into 6
    return out;
}
}
"""

def gen_span(k: int) -> str:
    rnd = random.Random(15300 + k)
    n = rnd.choice([3, 4])
    return f"""#include "beam.hpp"
#include <Eigen/Geometry>
namespace beam {{
Eigen::Vector{n}d moment_arm_{k}(const Eigen::Vector{n}d &a, const Eigen::Vector{n}d &b) {{
    return a.cross(b);                                   // cross is for 3-vectors
}}
double energy_{k}(const Mat6 &k, const Eigen::Matrix<double, {rnd.choice([5, 7])}, 1> &u) {{
    return u.transpose() * k * u;
}}
Eigen::Matrix3i rounded_{k}(const Eigen::Matrix3d &m) {{ return m; }}
}}
"""


BEAM_RUN = """#include <Eigen/Dense>
#include <cstdio>
int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int n = 12;
    Eigen::MatrixXd k = Eigen::MatrixXd::Zero(n, n);
    for (int i = 0; i < n; ++i) { k(i, i) = 2.0; if (i) { k(i, i - 1) = -1.0; k(i - 1, i) = -1.0; } }
    Eigen::VectorXd f = Eigen::VectorXd::Constant(n, 0.5);
    for (int step = 1; step <= 30; ++step) {
        f(step % n) += 0.01 * step;
        Eigen::VectorXd u = k.ldlt().solve(f);
        std::printf("load step %2d  max deflection %.6f  at node %d\\n", step, u.maxCoeff(), int(step % n));
    }
    Eigen::VectorXd supports(n + 2);
    supports.setZero();
    Eigen::VectorXd r = k * supports;                    // 12x12 times 14
    std::printf("reactions %f\\n", r.sum());
    return 0;
}
"""


def eigen(tmp: Path) -> None:
    root = tmp / "beam"
    files = {"src/beam.hpp": BEAM_H, "src/stiffness.cpp": STIFF_CPP, "run.cpp": BEAM_RUN}
    for k in range(3):
        files[f"src/span_{k}.cpp"] = gen_span(k)
    write_tree(root, files)
    cap("eigen-gpp-beam-exit", f"g++ -std=c++17 {EIGEN} -Isrc -c src/stiffness.cpp src/span_0.cpp 2>&1; echo EXIT=$?",
        root, n_eigen_gpp)
    cap("eigen-clang-spans-tail-150", f"clang++ -std=c++17 {EIGEN} -Isrc -c src/span_1.cpp src/span_2.cpp 2>&1 | "
        "tail -n 150", root, n_eigen_clang)
    out = run(f"g++ -std=c++17 -g -O0 {EIGEN} run.cpp -o run 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("eigen-assert-supports", "./run; echo EXIT=$?", root, n_eigen_assert)


# ------------------------------------------------------------------ Boost.Spirit Qi: sensorcfg

SCFG_H = """#pragma once
#include <boost/spirit/include/qi.hpp>
#include <boost/fusion/include/adapt_struct.hpp>
#include <string>
#include <vector>
namespace qi = boost::spirit::qi;
struct Sensor { std::string id; int channel; double scale; std::vector<std::string> tags; };
BOOST_FUSION_ADAPT_STRUCT(Sensor, id, channel, scale, tags)
using It = std::string::const_iterator;
"""

SCFG_SENSOR = """#include "sensorcfg.hpp"
bool parse_sensor(const std::string &s, Sensor &out) {
    It it = s.begin();
    qi::rule<It, std::string()> ident = qi::alpha >> *(qi::alnum | qi::char_('_'));
    qi::rule<It, Sensor(), qi::space_type> sensor =
        ident >> '@' >> qi::double_ >> 'x' >> qi::int_ >> '[' >> (ident % ',') >> ']';   // scale and channel swapped
    return qi::phrase_parse(it, s.end(), sensor, qi::space, out.id);                     // a string for a Sensor
}
"""


def gen_scfg(k: int) -> str:
    rnd = random.Random(15310 + k)
    attr = rnd.choice(["std::vector<int>", "std::pair<int, int>", "unsigned"])
    return f"""#include "sensorcfg.hpp"
#include <map>
bool parse_limits_{k}(const std::string &s, {attr} &out) {{
    It it = s.begin();
    qi::rule<It, {attr}()> lim = qi::lit("min=") >> qi::double_ >> qi::lit(";max=") >> qi::lexeme[+qi::alpha];
    return qi::parse(it, s.end(), lim, out);
}}
bool parse_map_{k}(const std::string &s, std::map<int, std::string> &m) {{
    It it = s.begin();
    return qi::parse(it, s.end(), (+qi::alpha >> ':' >> qi::double_) % ';', m);
}}
"""


def spirit(tmp: Path) -> None:
    root = tmp / "sensorcfg"
    files = {"src/sensorcfg.hpp": SCFG_H, "src/sensor.cpp": SCFG_SENSOR}
    for k in range(2):
        files[f"src/limits_{k}.cpp"] = gen_scfg(k)
    write_tree(root, files)
    cap("spirit-gpp-sensor-head-120", "g++ -std=c++17 -Isrc -c src/sensor.cpp 2>&1 | head -n 120", root, n_spirit_gpp)
    cap("spirit-clang-limits0-head-100", "clang++ -std=c++17 -Isrc -c src/limits_0.cpp 2>&1 | head -n 100", root,
        n_spirit_clang)


# ------------------------------------------------------------------ range-v3: orders

ORDERS = """#include <range/v3/all.hpp>
#include <string>
#include <vector>
namespace rv = ranges::views;
struct Order { std::string customer; int crates; double price; };
std::vector<double> totals(const std::vector<Order> &os) {
    auto t = os | rv::transform([](const Order &o) { return o.crates * o.price; });
    ranges::sort(t);                                     // a transformed view is not sortable
    return t | ranges::to<std::vector>();
}
int flat(const std::vector<int> &xs) {
    return ranges::accumulate(xs | rv::join, 0);         // join needs a range of ranges
}
std::vector<std::string> big(const std::vector<Order> &os) {
    return os | rv::filter([](const Order &a, const Order &b) { return a.crates > b.crates; })
              | rv::transform(&Order::customer) | ranges::to<std::vector>();
}
"""


def range_v3(tmp: Path) -> None:
    root = tmp / "orders"
    write_tree(root, {"src/orders.cpp": ORDERS})
    cap("range-v3-orders-head-200", "g++ -std=c++17 -c src/orders.cpp 2>&1 | head -n 200",
        root, n_range_v3)


# ------------------------------------------------------------------ C++20 concepts: codecs

CODECS = """#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <vector>
template <class C>
concept Codec = requires(C c, std::span<const std::uint8_t> in) {
    { c.encode(in) } -> std::same_as<std::vector<std::uint8_t>>;
    { c.decode(in) } -> std::convertible_to<std::vector<std::uint8_t>>;
    { C::name } -> std::convertible_to<std::string>;
};
template <class C>
concept Streaming = Codec<C> && requires(C c) { c.flush(); { c.block_size() } -> std::integral; };
template <Codec C> std::vector<std::uint8_t> roundtrip(C c, std::span<const std::uint8_t> in) { return c.decode(c.encode(in)); }
template <Streaming C> void drain(C &c) { c.flush(); }
struct Rle {
    static constexpr const char *name = "rle";
    std::vector<std::uint8_t> encode(std::span<const std::uint8_t>) { return {}; }
    std::vector<std::uint8_t> decode(std::span<const std::uint8_t>) { return {}; }
};
struct Lz {
    std::vector<std::uint8_t> encode(std::span<const std::uint8_t>) { return {}; }
    std::vector<std::uint8_t> decode(std::span<const std::uint8_t>) { return {}; }
};
struct Delta {
    static constexpr const char *name = "delta";
    std::string encode(std::span<const std::uint8_t>) { return {}; }
    std::vector<std::uint8_t> decode(std::span<const std::uint8_t>) { return {}; }
    void flush() {}
    double block_size() { return 4096; }
};
void use() {
    std::vector<std::uint8_t> buf(64);
    roundtrip(Rle{}, buf);
    roundtrip(Lz{}, buf);                 // no name
    roundtrip(Delta{}, buf);              // encode returns a string
    Rle r;
    drain(r);                             // no flush
    Delta d;
    drain(d);
}
"""


def concepts(tmp: Path) -> None:
    root = tmp / "codecs"
    write_tree(root, {"codecs.cpp": CODECS})
    cap("concepts-gpp-codecs-exit", "g++ -std=c++20 -c codecs.cpp 2>&1; echo EXIT=$?", root, n_concepts_gpp)
    cap("concepts-clang-codecs", "clang++ -std=c++20 -c codecs.cpp", root, n_concepts_clang)


# ------------------------------------------------------------------ libstdc++ debug mode: ledger

LEDGER = r"""#include <cstdio>
#include <map>
#include <string>
#include <vector>
int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::map<std::string, double> balance;
    std::vector<std::pair<std::string, double>> entries;
    unsigned s = 153;
    const char *acct[] = {"growers", "coldstore", "packing", "freight", "auction"};
    for (int i = 0; i < 45; ++i) {
        s = s * 1664525u + 1013904223u;
        entries.push_back({acct[s % 5], ((s >> 8) % 100000) / 100.0 - 300.0});
        balance[entries.back().first] += entries.back().second;
        std::printf("entry %2d %-10s %9.2f  balance %10.2f\n", i, entries.back().first.c_str(), entries.back().second,
                    balance[entries.back().first]);
    }
    auto it = balance.find("insurance");
    std::printf("insurance balance %.2f\n", it->second);
    return 0;
}
"""


def ledger(tmp: Path) -> None:
    root = tmp / "ledger"
    write_tree(root, {"ledger.cpp": LEDGER})
    out = run("g++ -std=c++17 -g -D_GLIBCXX_DEBUG ledger.cpp -o ledger 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("glibcxx-debug-map-end-exit", "./ledger; echo EXIT=$?", root, n_glibcxx_debug)


# ------------------------------------------------------------------ GSL: orchid

ORCHID = r"""#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
static double chill(double t, void *p) { double target = *(double *)p; return 30.0 * exp(-t / 9.0) - target; }
int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    int mode = argc > 1 ? atoi(argv[1]) : 0;
    for (int h = 0; h < 24; h++) printf("hour %2d  core temp %6.3f C\n", h, 30.0 * exp(-h / 9.0));
    if (mode == 0) {
        double target = 0.5;
        gsl_function f = {chill, &target};
        gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
        printf("solving for %.1f C in [0, 20] h\n", target);
        gsl_root_fsolver_set(s, &f, 0.0, 20.0);
    } else if (mode == 1) {
        double x[] = {0, 2, 4, 3, 8, 10}, y[] = {30, 24, 19, 21, 12, 10};
        gsl_interp_accel *acc = gsl_interp_accel_alloc();
        gsl_spline *sp = gsl_spline_alloc(gsl_interp_cspline, 6);
        printf("fitting cooling curve through 6 probes\n");
        gsl_spline_init(sp, x, y, 6);
        printf("%f\n", gsl_spline_eval(sp, 5.0, acc));
    } else {
        gsl_vector *v = gsl_vector_alloc(24);
        for (int i = 0; i <= 24; i++) gsl_vector_set(v, i, i * 0.5);
    }
    return 0;
}
"""


def gsl(tmp: Path) -> None:
    root = tmp / "orchid"
    write_tree(root, {"orchid.c": ORCHID})
    out = run("gcc -O1 -g orchid.c -o orchid -lgsl -lgslcblas -lm 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("gsl-loop-modes", "for m in 0 1 2; do echo \"== mode $m\"; ./orchid $m; echo EXIT=$?; done 2>&1",
        root, n_gsl)


# ------------------------------------------------------------------ FFTW

def fftw(tmp: Path) -> None:
    root = tmp / "fftw"
    root.mkdir(parents=True, exist_ok=True)
    cap("fftw-wisdom-v-measure-sizes", "fftw-wisdom -v -m rof100 rob100 cif243 cib243 rif12x12x12 cof2048 cob60x80 "
        "rof7x9", root, n_fftw_wisdom, timeout=900)


# ------------------------------------------------------------------ gfortran: advect

ADVECT = """program advect
  implicit none
  integer, parameter :: dp = kind(1.0d0), n = 120
  real(dp) :: c(n), cn(n), u, dx, dt, mass
  integer :: step, i, mode, ios
  character(len=8) :: arg
  call get_command_argument(1, arg)
  read (arg, *, iostat=ios) mode
  if (ios /= 0) mode = 0
  dx = 1.0_dp / n
  u = 0.8_dp
  dt = 0.5_dp * dx / u
  c = 0.0_dp
  c(20:40) = 1.0_dp
  do step = 1, 30
    call relax(c(1:n:2), n / 2)
    do i = 2, n
      cn(i) = c(i) - u * dt / dx * (c(i) - c(i - 1))
    end do
    cn(1) = cn(n)
    c = cn
    mass = sum(c) * dx
    write (*, '(a, i3, a, f12.8, a, f8.5)') 'step', step, '  mass', mass, '  peak', maxval(c)
  end do
  if (mode == 1) then
    call spread(c, n + 40)
  else
    write (*, *) 'entropy', -sum(c * log(c - 0.5_dp))
  end if
contains
  subroutine relax(a, m)
    integer, intent(in) :: m
    real(dp), intent(inout) :: a(m)
    a(2:m - 1) = a(2:m - 1) + 1.0e-9_dp * (a(1:m - 2) - a(2:m - 1))
  end subroutine relax

  subroutine spread(a, m)
    real(dp), intent(inout) :: a(:)
    integer, intent(in) :: m
    integer :: j
    do j = 1, m
      a(j) = a(j) * 0.5_dp
    end do
  end subroutine spread
end program advect
"""


def fortran(tmp: Path) -> None:
    root = tmp / "advect"
    write_tree(root, {"advect.f90": ADVECT})
    out = run("gfortran -g -O0 -fbacktrace -ffpe-trap=invalid,zero,overflow advect.f90 -o advect_fpe 2>&1 && "
              "gfortran -g -O0 -fcheck=all -fbacktrace advect.f90 -o advect_chk 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("gfortran-fpe-log-negative-exit", "./advect_fpe 0; echo EXIT=$?", root, n_gf_signal)
    cap("gfortran-fcheck-bounds-tail-20", "./advect_chk 1 2>&1 | tail -n 20", root, n_gf_warn)


# ------------------------------------------------------------------ PETSc: rod

ROD_C = r"""static char help[] = "Heat along a rod: 1-D Poisson with a source, solved with KSP.\n";
#include <petscksp.h>

int main(int argc, char **argv)
{
  Vec x, b;
  Mat A;
  KSP ksp;
  PetscInt i, n = 200, col[3], its, nz = 3, shift = 0;
  PetscScalar v[3], h;
  PetscReal norm;

  PetscFunctionBeginUser;
  PetscCall(PetscInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &n, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-nz", &nz, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-shift", &shift, NULL));
  h = 1.0 / (n + 1);
  PetscCall(MatCreateSeqAIJ(PETSC_COMM_WORLD, n, n, nz, NULL, &A));
  PetscCall(MatSetOption(A, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_TRUE));
  for (i = 0; i < n; i++) {
    PetscInt row = i == n - 1 ? i + shift : i;
    PetscInt k = 0;
    if (i > 0) { col[k] = i - 1; v[k++] = -1.0; }
    col[k] = i; v[k++] = 2.0;
    if (i < n - 1) { col[k] = i + 1; v[k++] = -1.0; }
    PetscCall(MatSetValues(A, 1, &row, k, col, v, INSERT_VALUES));
  }
  PetscCall(MatAssemblyBegin(A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatCreateVecs(A, &x, &b));
  PetscCall(VecSet(b, h * h * 50.0));
  PetscCall(KSPCreate(PETSC_COMM_WORLD, &ksp));
  PetscCall(KSPSetOperators(ksp, A, A));
  PetscCall(KSPSetFromOptions(ksp));
  PetscCall(KSPSolve(ksp, b, x));
  PetscCall(VecNorm(x, NORM_INFINITY, &norm));
  PetscCall(KSPGetIterationNumber(ksp, &its));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Peak temperature %g after %" PetscInt_FMT " iterations\n", (double)norm, its));
  PetscCall(KSPDestroy(&ksp));
  PetscCall(VecDestroy(&x));
  PetscCall(VecDestroy(&b));
  PetscCall(MatDestroy(&A));
  PetscCall(PetscFinalize());
  return 0;
}
"""


def petsc(tmp: Path) -> None:
    root = tmp / "rod"
    write_tree(root, {"rod.c": ROD_C})
    out = run("mpicc -O1 -g $(pkg-config --cflags petsc) rod.c -o rod $(pkg-config --libs petsc) 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    c = lambda i, cmd, ext, **kw: cap(i, cmd, root, ext, env=OMPI, **kw)  # noqa: E731
    c("petsc-log-view-cg-icc", "./rod -n 4000 -ksp_type cg -pc_type icc -log_view", n_petsc_log_view)
    c("petsc-ksp-monitor-loop", "for pc in none jacobi sor; do echo \"== $pc\"; ./rod -n 300 -ksp_type cg -pc_type $pc "
      "-ksp_max_it 150 -ksp_monitor -ksp_converged_reason; done", n_petsc_monitor)
    c("petsc-error-prealloc-exit", "./rod -nz 1; echo EXIT=$?", n_petsc_error)


STEPS = [eigen, spirit, range_v3, concepts, ledger, gsl, fftw, fortran, petsc]
