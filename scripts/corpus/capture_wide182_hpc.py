"""Round 182: Open MPI jobs with faults put in (mpirun), ompi_info, hwloc, numactl, OpenMP's displayed environment
and mpi4py, with the extractors of NEEDLES.md's "Round 182" rules. Run through capture_wide182.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, run, write_tree
from capture_wide182 import EXIT_RE, VENV, cap, exit_lines

MPIRUN = "mpirun --allow-run-as-root"  # the rounds run as root; Open MPI refuses root without it

# ------------------------------------------------------------------ programs

HALO_C = r"""#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a 1-D heat solver split over the ranks; FAULT picks the bug put in */
static unsigned seed_for(int r) { return 1830u + 17u * (unsigned)r; }

int main(int argc, char **argv) {
    int rank, size;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const char *fault = argc > 1 ? argv[1] : "none";
    int iters = argc > 2 ? atoi(argv[2]) : 40;
    int n = 256;
    double *u = calloc(n + 2, sizeof(double));
    srand(seed_for(rank));
    for (int i = 1; i <= n; i++) u[i] = (rand() % 1000) / 10.0;
    int left = rank - 1, right = rank + 1;
    for (int it = 0; it < iters; it++) {
        int cnt = 1;
        if (!strcmp(fault, "truncate") && rank == 1 && it == iters / 2) cnt = 4;  /* sends more than is received */
        if (right < size) MPI_Send(&u[n], cnt, MPI_DOUBLE, right, it, MPI_COMM_WORLD);
        if (left >= 0) MPI_Recv(&u[0], 1, MPI_DOUBLE, left, it, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (left >= 0) MPI_Send(&u[1], 1, MPI_DOUBLE, left, it, MPI_COMM_WORLD);
        if (right < size) MPI_Recv(&u[n + 1], 1, MPI_DOUBLE, right, it, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (!strcmp(fault, "badrank") && rank == size - 1 && it == iters / 2)
            MPI_Send(&u[n], 1, MPI_DOUBLE, rank + 1, it, MPI_COMM_WORLD);   /* off the end of the communicator */
        double local = 0, res = 0;
        for (int i = 1; i <= n; i++) { double d = 0.25 * (u[i - 1] - 2 * u[i] + u[i + 1]); u[i] += d; local += d * d; }
        MPI_Allreduce(&local, &res, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        printf("rank %d iter %3d halo ok left=%d right=%d residual %.6e mean %.4f\n", rank, it, left, right, res,
               u[n / 2]);
        if (!strcmp(fault, "null") && rank == 2 && it == iters / 2) {
            double *probe = NULL;
            printf("rank %d iter %3d rebuilding boundary table\n", rank, it);
            fflush(stdout);
            probe[7] = u[1];                                         /* NULL dereference */
        }
        if (!strcmp(fault, "abort") && rank == 3 && it == iters - 3) {
            fprintf(stderr, "rank %d: ERROR checksum mismatch at iter %d: expected 4096.000 got %.3f\n", rank, it,
                    res);
            MPI_Abort(MPI_COMM_WORLD, 17);
        }
        fflush(stdout);
    }
    if (!strcmp(fault, "deadlock")) {   /* every rank receives first: a ring that never moves */
        double b;
        printf("rank %d entering ring exchange\n", rank);
        fflush(stdout);
        MPI_Recv(&b, 1, MPI_DOUBLE, (rank + 1) % size, 99, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(&b, 1, MPI_DOUBLE, (rank + size - 1) % size, 99, MPI_COMM_WORLD);
    }
    if (!strcmp(fault, "barrier") && rank != 0) MPI_Barrier(MPI_COMM_WORLD);  /* rank 0 never joins */
    if (!strcmp(fault, "barrier") && rank == 0) { double b; MPI_Recv(&b, 1, MPI_DOUBLE, 1, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE); }
    printf("rank %d done\n", rank);
    free(u);
    MPI_Finalize();
    return 0;
}
"""

OMP_C = r"""#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    int chunks = argc > 2 ? atoi(argv[2]) : 24;
    double *x = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++) x[i] = (i % 97) * 0.5;
    double expected = 0;
    for (int i = 0; i < n; i++) expected += x[i];
    for (int c = 0; c < chunks; c++) {
        double sum = 0;
        #pragma omp parallel for schedule(runtime)
        for (int i = 0; i < n; i++) sum += x[i];                /* lost updates: no reduction clause */
        double fixed = 0;
        #pragma omp parallel for reduction(+:fixed) schedule(runtime)
        for (int i = 0; i < n; i++) fixed += x[i];
        printf("chunk %2d threads=%d racy_sum=%.1f reduced_sum=%.1f %s\n", c, omp_get_max_threads(), sum, fixed,
               sum == expected ? "ok" : "MISMATCH");
    }
    #pragma omp parallel
    {
        #pragma omp critical
        printf("thread %d of %d on place %d\n", omp_get_thread_num(), omp_get_num_threads(), omp_get_place_num());
    }
    printf("expected %.1f\n", expected);
    return 0;
}
"""

MPI4PY_PY = '''import sys
import random
from mpi4py import MPI

comm = MPI.COMM_WORLD
rank, size = comm.Get_rank(), comm.Get_size()
rnd = random.Random(182 + rank)
catalog = {f"tile-{i:03d}": rnd.randint(100, 999) for i in range(rank * 40, rank * 40 + 40)}


def load_tile(name):
    return catalog[name] * 2


def work(step):
    names = sorted(catalog)
    if rank == 3 and step == STEPS // 2:
        names.append("tile-999")  # a tile this rank does not hold
    return sum(load_tile(n) for n in names)


STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
for step in range(STEPS):
    total = work(step)
    print(f"rank {rank}/{size} step {step:3d} partial={total} tiles={len(catalog)}", flush=True)
    grand = comm.allreduce(total)
    if rank == 0:
        print(f"step {step:3d} grand total {grand}", flush=True)
'''

MPI4PY_ABORT_PY = '''import sys
from mpi4py import MPI
import numpy as np

comm = MPI.COMM_WORLD
rank = comm.Get_rank()
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
for step in range(STEPS):
    block = np.arange(rank * 8, rank * 8 + 8, dtype="f8") * (step + 1)
    out = np.empty(8 * comm.Get_size() if rank != 2 or step < STEPS - 4 else 8, dtype="f8")
    print(f"rank {rank} step {step:3d} block sum {block.sum():.1f}", flush=True)
    try:
        comm.Allgather(block, out)
    except Exception as exc:
        print(f"rank {rank}: ERROR in Allgather at step {step}: {exc}", flush=True)
        comm.Abort(3)
'''


def stage(tmp: Path) -> Path:
    d = tmp / "hpc"
    write_tree(d, {"halo.c": HALO_C, "omp_sum.c": OMP_C, "tiles.py": MPI4PY_PY, "gather.py": MPI4PY_ABORT_PY,
                   "bin/gstack": "#!/bin/sh\nexec gdb -batch -nx -q -ex 'thread apply all bt' -p \"$1\" 2>/dev/null\n"})
    run("chmod +x bin/gstack && mpicc -g -O0 -o halo halo.c && gcc -g -O1 -fopenmp -o omp_sum omp_sum.c", cwd=d)
    if str(d / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(d / "bin"))  # gstack, what --get-stack-traces calls (gdb's script)
    return d


# ------------------------------------------------------------------ extractors

DASHES = re.compile(r"^-{20,}$")
OWN_WORDS = re.compile(r"error|fail|abort|mismatch", re.I)
LIB_FRAME = re.compile(r"/lib|libmpi|libopen|libc\.|libpthread|libpmix|libevent")


def orte_errors(lines: list[str]) -> list[str]:
    """Rule 1 on every mpirun kind: the runtime's own error-log lines (`ORTE_ERROR_LOG`, `*** Unknown error`)."""
    return [ln for ln in lines if "ORTE_ERROR_LOG" in ln or "*** Unknown error" in ln]


def help_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """The (start, end) line ranges inside mpirun's `----` help blocks."""
    marks = [i for i, ln in enumerate(lines) if DASHES.match(ln.strip())]
    return [(a, b) for a, b in zip(marks[::2], marks[1::2])]


def own_lines(lines: list[str], words=OWN_WORDS) -> list[str]:
    """Lines the program printed holding an error word: outside help blocks and `[host:pid]` / `***` lines."""
    inside = {i for a, b in help_blocks(lines) for i in range(a, b + 1)}
    return [ln for i, ln in enumerate(lines) if i not in inside and words.search(ln)
            and not re.match(r"\s*(\[[\w.-]+:\d+\]|\*\*\*)", ln)]


@cm.kind("mpirun-segfault", "log")
def n_mpirun_segfault(lines):
    """Signal / Signal code / Failing at address lines, first own-binary frame per backtrace, the mpirun noticed line, program error lines, EXIT."""
    out = [ln for ln in lines if re.search(r"\] (Signal|Signal code|Failing at address):", ln)]
    for i, ln in enumerate(lines):
        if "*** Process received signal ***" in ln:
            for k in range(i + 1, min(len(lines), i + 40)):
                if "*** End of error message ***" in lines[k]:
                    break
                if re.search(r"\] \[ ?\d+\] ", lines[k]) and not LIB_FRAME.search(lines[k]):
                    out.append(lines[k])
                    break
    out += [ln for ln in lines if ln.startswith("mpirun noticed that process rank")]
    return out + own_lines(lines) + orte_errors(lines) + exit_lines(lines)


@cm.kind("mpirun-mpi-error", "log")
def n_mpirun_mpi_error(lines):
    """*** An error occurred / *** MPI_ERR_ lines, reported-by / communicator shapes, MPI_ABORT with its errorcode line, mpirun's exit line, help-message counts, program error lines, EXIT."""
    out = [ln for ln in lines if re.search(r"\*\*\* (An error occurred in MPI_|MPI_ERR_)", ln)]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\*\*\* (reported by process|on communicator)", ln))
    for i, ln in enumerate(lines):
        if ln.startswith("MPI_ABORT was invoked on rank"):
            out.append(ln)
            if i + 1 < len(lines) and "errorcode" in lines[i + 1]:
                out.append(lines[i + 1])
    out += [ln for ln in lines if re.match(r"(mpirun has exited due to process rank|mpirun noticed that)", ln)]
    helps = [ln for ln in lines if re.search(r"\d+ more process(es)? ha(s|ve) sent help message", ln)]
    if helps:
        out.append({"any": helps})
    return out + own_lines(lines, re.compile(r"error|fail|mismatch|abort", re.I)) + orte_errors(lines) + exit_lines(lines)


STACK_CALL = re.compile(r"\b(P?MPI_\w+|at [\w-]+\.c:\d+)")  # an MPI call, or a source file of the program's own


@cm.kind("mpirun-timeout-stacks", "log")
def n_mpirun_timeout(lines):
    """The time-limit line and its Timeout value, every stack-trace header, own-source / MPI blocking frames one {any} per text, last program line, EXIT."""
    out = [ln for ln in lines if "time limit for job execution has been reached" in ln
           or re.match(r"\s*Timeout: ", ln)]
    out += [ln for ln in lines if re.match(r"STACK TRACE FOR PROC|Stack traces for process", ln, re.I)]
    frames = [ln for ln in lines if re.match(r"#\d+ ", ln.strip()) and STACK_CALL.search(ln)]
    out += groups((re.sub(r"0x[0-9a-f]+", "0x", re.sub(r"^#\d+\s+0x[0-9a-f]+ in |^#\d+\s+", "", f.strip())), f)
                  for f in frames)
    prog = [ln for ln in lines if re.match(r"rank \d+ ", ln)]
    if prog:
        out.append(prog[-1])
    return out + orte_errors(lines) + exit_lines(lines)


LAUNCH_WORDS = re.compile(r"not enough slots|not found|could not|unknown|invalid|No such file|requested", re.I)


@cm.kind("mpirun-launch-error", "log")
def n_mpirun_launch(lines):
    """First line of every help block, lines stating the problem, quoted value lines (Executable/Node/Framework/Component, indented names), EXIT."""
    out = []
    for a, b in help_blocks(lines):
        body = [ln for ln in lines[a + 1:b] if ln.strip()]
        if body:
            out.append(body[0])
        out += [ln for ln in body if LAUNCH_WORDS.search(ln)]
        out += [ln for ln in body if re.match(r"\s*(Executable|Node|Framework|Component|Host|Option|Local host|"
                                               r"Process name|Exit code|Working dir):", ln)]
        out += [ln for ln in body if re.match(r"\s{2,}\S+$", ln)]
    inside = {i for a, b in help_blocks(lines) for i in range(a, b + 1)}
    out += [ln for i, ln in enumerate(lines) if i not in inside and (LAUNCH_WORDS.search(ln) or "failed" in ln)]
    return out + orte_errors(lines) + exit_lines(lines)


@cm.kind("mpirun-report-bindings", "log")
def n_mpirun_bindings(lines):
    """Every MCW rank N bound to / not bound line, program error lines, EXIT."""
    out = [ln for ln in lines if re.search(r"MCW rank \d+ (bound to|is not bound)|not bound", ln)]
    return out + own_lines(lines, re.compile(r"error|fail", re.I)) + orte_errors(lines) + exit_lines(lines)


@cm.kind("mpirun-display-map", "log")
def n_mpirun_map(lines):
    """JOB MAP banner, Data for node line, every Process OMPI jobid ... rank line, program error lines, EXIT."""
    out = [ln for ln in lines if "JOB MAP" in ln or ln.strip().startswith("Data for node:")
           or re.search(r"Process OMPI jobid: .*Process rank: \d+", ln)]
    return out + own_lines(lines, re.compile(r"error|fail", re.I)) + orte_errors(lines) + exit_lines(lines)


def make_ompi_info(grepped: list[str]):
    @cm.kind("ompi-info", "listing")
    def n_ompi_info(lines):
        """Open MPI / Prefix / Configure command line lines, MCA components of frameworks with at most 2, parameter lines asked for (or each component's first), EXIT."""
        out = [ln for ln in lines if re.match(r"\s*(Open MPI|Prefix|Configure command line):", ln)]
        comps: dict[str, list[str]] = {}
        for ln in lines:
            m = re.match(r"\s*MCA ([\w-]+): (\w+) \(MCA v", ln)
            if m and "parameter" not in ln:
                comps.setdefault(m.group(1), []).append(ln)
        out += [ln for v in comps.values() if len(v) <= 2 for ln in v]
        params = [ln for ln in lines if re.match(r"\s*MCA [\w-]+ [\w-]+: parameter \"", ln)]
        if grepped:
            out += [ln for ln in params if any(g in ln for g in grepped)]
        else:
            seen = set()
            for ln in params:
                key = re.match(r"\s*MCA ([\w-]+ [\w-]+):", ln).group(1)
                if key not in seen:
                    seen.add(key)
                    out.append(ln)
        return out + exit_lines(lines)
    return n_ompi_info


@cm.kind("lstopo-console", "listing")
def n_lstopo(lines):
    """Machine line, every Package / NUMANode / L3 / L2 line, first and last Core and PU lines, device lines, error/warning lines."""
    out = [ln for ln in lines if re.match(r"\s*(Machine|Package|NUMANode|L3|L2)\b", ln)]
    for t in ("Core", "PU"):
        rows = [ln for ln in lines if re.match(rf"\s*{t} L#", ln)]
        out += rows[:1] + rows[-1:]
    out += [ln for ln in lines if re.match(r"\s*(PCI|OS device|Block|Net|CoProc|GPU)\b", ln.replace('"', ' '))
            or re.search(r'\b(Block|Net|OpenFabrics|DMA|GPU)\b[ (]*"?\w', ln) and "L#" in ln]
    out += [ln for ln in lines if re.search(r"error|warning", ln, re.I)]
    return out + exit_lines(lines)


@cm.kind("hwloc-calc", "listing")
def n_hwloc_calc(lines):
    """Every result line when at most 30 lines; else object headers and the first object's memory/size/cpuset/nodeset/os_index attrs; error lines."""
    return hwloc_results(lines)


@cm.kind("hwloc-info", "listing")
def n_hwloc_info(lines):
    """Every result line when at most 30 lines; else object headers and the first object's memory/size/cpuset/nodeset/os_index attrs; error lines."""
    return hwloc_results(lines)


def hwloc_results(lines):
    body = [ln for ln in lines if ln.strip() and not EXIT_RE.match(ln.strip())]
    if len(body) <= 30:
        out = body
    else:
        out = [ln for ln in body if re.match(r"\s*(depth \d+:|\w+ L#\d+)", ln)]
        first = True
        for ln in body:
            if re.match(r"\w+ L#\d+", ln):
                if not first:
                    break
                first = False
            elif re.search(r"attr|memory|size|cpuset|nodeset|os_index", ln, re.I) and not first:
                out.append(ln)
    out += [ln for ln in lines if re.search(r"error|invalid|failed", ln, re.I)]
    return out + exit_lines(lines)


@cm.kind("numactl-hardware", "listing")
def n_numactl_hw(lines):
    """available line, node N cpus/size/free lines, node distances header and rows, error lines."""
    out = [ln for ln in lines if re.match(r"(available:|node \d+ (cpus|size|free):|node distances:)", ln)]
    for i, ln in enumerate(lines):
        if ln.startswith("node distances:"):
            out += [x for x in lines[i + 1:] if re.match(r"\s*(node|\d+:)", x)]
    out += [ln for ln in lines if re.search(r"No NUMA available|libnuma|Invalid", ln)]
    return out + exit_lines(lines)


@cm.kind("numactl-show", "listing")
def n_numactl_show(lines):
    """policy / preferred node / physcpubind / cpubind / nodebind / membind lines, error lines."""
    out = [ln for ln in lines if re.match(r"(policy|preferred node|physcpubind|cpubind|nodebind|membind):", ln)]
    out += [ln for ln in lines if re.search(r"No NUMA available|libnuma|Invalid", ln)]
    return out + exit_lines(lines)


def make_omp_env(set_vars: list[str]):
    @cm.kind("omp-display-env", "log")
    def n_omp_env(lines):
        """_OPENMP line, OMP_/GOMP_ lines the command line set, OMP_NUM_THREADS and OMP_PROC_BIND always, program error/mismatch lines or its last line, EXIT."""
        out = [ln for ln in lines if ln.strip().startswith("_OPENMP =")]
        want = set(set_vars) | {"OMP_NUM_THREADS", "OMP_PROC_BIND"}
        out += [ln for ln in lines if (m := re.match(r"\s*(?:\[[^\]]*\]\s*)?((?:OMP|GOMP)_\w+) =", ln))
                and m.group(1) in want]
        bad = [ln for ln in lines if re.search(r"error|fail|mismatch|expected|race", ln, re.I)
               and "OPENMP DISPLAY" not in ln and not re.match(r"\s*(\[[^\]]*\]\s*)?(OMP|GOMP)_", ln)]
        prog = [ln for ln in lines if ln.strip() and not EXIT_RE.match(ln.strip())
                and not re.match(r"\s*(\[[^\]]*\]\s*)?(_OPENMP|OMP_|GOMP_|OPENMP DISPLAY)", ln)]
        out += bad or prog[-1:]
        return out + exit_lines(lines)
    return n_omp_env


@cm.kind("mpi4py-rank-traceback", "log")
def n_mpi4py(lines):
    """Every exception line with the innermost File line above it, Process name / Exit code values, MPI_ABORT lines, program error lines, EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"(\[\d+\]\s*)?[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)(: .*)?$", ln.strip()):
            out.append(ln)
            up = cm.prev_match(lines, i, r'File ".*", line \d+', back=8)
            if up:
                out.append(up)
    out += [ln for ln in lines if re.match(r"\s*(Process name|Exit code):", ln)]
    out += [ln for ln in lines if ln.startswith("MPI_ABORT was invoked")]
    out += [ln for ln in lines if re.search(r"error|fail|mismatch", ln, re.I) and not re.match(r"\s*File ", ln)
            and ln not in out and not ln.startswith("Traceback")]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ steps

def cap_mpi(tmp: Path) -> None:
    d = stage(tmp)
    mr = f"{MPIRUN} -np 4 --oversubscribe"
    # a rank dereferencing NULL
    cap("mpirun-np4-null-rank2", f"{mr} ./halo null 60; echo EXIT=$?", d, n_mpirun_segfault, timeout=120)
    cap("mpirun-np4-null-tail-80", f"{mr} ./halo null 120 2>&1 | tail -n 80", d, n_mpirun_segfault, timeout=120)
    cap("mpirun-np4-null-long", f"{mr} ./halo null 400; echo EXIT=$?", d, n_mpirun_segfault, timeout=120)
    cap("mpirun-np3-null-short", f"{MPIRUN} -np 3 --oversubscribe ./halo null 30; echo EXIT=$?", d,
        n_mpirun_segfault, timeout=120)
    # MPI errors: message truncated, a rank off the end, an MPI_Abort on a failed check
    cap("mpirun-np4-truncate", f"{mr} ./halo truncate 50; echo EXIT=$?", d, n_mpirun_mpi_error, timeout=120)
    cap("mpirun-np4-badrank-grep", f"{mr} ./halo badrank 100 2>&1 | grep -E 'ERROR|MPI_ERR|\\*\\*\\*|rank 3'", d,
        n_mpirun_mpi_error, timeout=120)
    cap("mpirun-np4-abort-checksum", f"{mr} ./halo abort 90; echo EXIT=$?", d, n_mpirun_mpi_error, timeout=120)
    cap("mpirun-np4-abort-tail-300", f"{mr} ./halo abort 200 2>&1 | tail -n 300", d, n_mpirun_mpi_error, timeout=120)
    cap("mpirun-np2-truncate-badrank", f"{MPIRUN} -np 2 ./halo badrank 60; echo EXIT=$?", d, n_mpirun_mpi_error,
        timeout=120)
    # deadlocks cut by the timeout, with stacks (gstack = gdb's script)
    cap("mpirun-np4-ring-deadlock-stacks", f"{mr} --timeout 8 --get-stack-traces ./halo deadlock 30; echo EXIT=$?",
        d, n_mpirun_timeout, timeout=240)
    cap("mpirun-np4-barrier-hang-tail", f"{mr} --timeout 8 --get-stack-traces ./halo barrier 60 2>&1 | tail -n 120",
        d, n_mpirun_timeout, timeout=240)
    cap("mpirun-np3-deadlock-timeout-only", f"{MPIRUN} -np 3 --oversubscribe --timeout 5 ./halo deadlock 40; "
        "echo EXIT=$?", d, n_mpirun_timeout, timeout=240)
    # launch mistakes
    cap("mpirun-np8-no-oversubscribe", f"{MPIRUN} -np 8 ./halo none 5; echo EXIT=$?", d, n_mpirun_launch)
    cap("mpirun-missing-exe", f"{mr} ./halo_solver none 5; echo EXIT=$?; {mr} ./halo.c none 5; echo EXIT=$?", d,
        n_mpirun_launch)
    cap("mpirun-mca-btl-unknown", f"{mr} --mca btl selfx,vaderr ./halo none 5; echo EXIT=$?", d, n_mpirun_launch)
    cap("mpirun-bad-option", f"{mr} --bind-to sockett ./halo none 5; echo EXIT=$?", d, n_mpirun_launch)
    # bindings and map
    cap("mpirun-report-bindings-core", f"{MPIRUN} -np 2 --report-bindings --bind-to core ./halo none 25", d,
        n_mpirun_bindings, timeout=120)
    cap("mpirun-report-bindings-oversub", f"{mr} --report-bindings --map-by hwthread --bind-to none ./halo none 40 "
        "2>&1 | head -n 100", d, n_mpirun_bindings, timeout=120)
    cap("mpirun-display-map-np4", f"{mr} --display-map ./halo none 15; echo EXIT=$?", d, n_mpirun_map,
        timeout=120)
    cap("mpirun-display-map-alloc-np6", f"{MPIRUN} -np 6 --oversubscribe --display-allocation --display-map "
        "--map-by core ./halo none 30 2>&1 | head -n 150", d,
        n_mpirun_map, timeout=120)


def cap_ompi_info(tmp: Path) -> None:
    d = tmp
    cap("ompi-info-head-100", "ompi_info | head -n 100", d, make_ompi_info([]))
    cap("ompi-info-all-grep-btl", "ompi_info --all | grep -E 'btl_(tcp|vader|self)_(eager_limit|if_include|"
        "exclusivity)'", d, make_ompi_info(["btl_tcp_eager_limit", "btl_vader_eager_limit", "btl_self_eager_limit",
                                           "btl_tcp_if_include", "exclusivity"]))
    cap("ompi-info-param-btl-tcp-l9", "ompi_info --param btl tcp --level 9 | head -n 160", d, make_ompi_info([]))
    cap("ompi-info-all-tail-200", "ompi_info --all | tail -n 200", d, make_ompi_info([]))
    cap("ompi-info-param-all-l9-head", "ompi_info --param all all --level 9 | head -n 900", d, make_ompi_info([]))
    cap("ompi-info-param-coll-tuned", "ompi_info --param coll tuned --level 9 | grep -E 'allreduce'", d,
        make_ompi_info(["allreduce"]))


def cap_hwloc(tmp: Path) -> None:
    d = tmp
    cap("lstopo-no-graphics-v", "lstopo-no-graphics -v", d, n_lstopo)
    cap("hwloc-ls-whole-system-v", "hwloc-ls --whole-system -v --no-io; echo EXIT=$?", d, n_lstopo)
    cap("hwloc-ls-synthetic-8numa-v", "hwloc-ls -v -i 'pack:2 numa:4 l3:1 l2:8 core:1 pu:2'", d, n_lstopo)
    synth = "pack:2 numa:2 l3:1 core:12 pu:2"
    cap("lstopo-synthetic-2x2-v", f"lstopo-no-graphics -v --input '{synth}'", d, n_lstopo)
    cap("lstopo-synthetic-4pack-head", "lstopo-no-graphics --input 'pack:4 numa:2 l3:2 l2:4 l1d:1 core:1 pu:2' "
        "| head -n 100", d, n_lstopo)
    cap("hwloc-calc-synthetic-loop", f"for o in core:0-5 pu:12-23 package:1 numa:2 'numa:1 ~core:3'; do echo \"== $o\"; "
        f"hwloc-calc -i '{synth}' $o; hwloc-calc -i '{synth}' -I pu $o; hwloc-calc -i '{synth}' -N core $o; "
        f"hwloc-calc -i '{synth}' --largest $o; done; hwloc-calc -i '{synth}' core:99; echo EXIT=$?", d,
        n_hwloc_calc)
    cap("hwloc-info-v", "hwloc-info -v; hwloc-info -v core:0; hwloc-info numa:0", d, n_hwloc_info)
    cap("hwloc-info-synthetic-v-pu", f"hwloc-info -i '{synth}' -v pu:all | head -n 200", d, n_hwloc_info)
    cap("hwloc-info-all-objects", f"hwloc-info -i '{synth}' --topology; hwloc-info -i '{synth}' -v core:0; "
        f"hwloc-info -i '{synth}' -v numa:all; hwloc-info -i '{synth}' package:5; echo EXIT=$?", d, n_hwloc_info)


def cap_numa(tmp: Path) -> None:
    d = tmp
    cap("numactl-hardware", "numactl --hardware; for n in 0 1; do numactl --cpunodebind=$n --membind=$n "
        "numactl --hardware; echo EXIT=$?; done", d, n_numactl_hw)
    cap("numactl-show-bound", "numactl --show; numactl --cpunodebind=0 --membind=0 numactl --show; "
        "numactl --physcpubind=1 --localalloc numactl --show; numactl --interleave=all numactl --show; "
        "numactl --membind=3 numactl --show; echo EXIT=$?", d, n_numactl_show)


def cap_omp(tmp: Path) -> None:
    d = tmp / "hpc"
    if not (d / "omp_sum").exists():
        stage(tmp)
    env = {"OMP_DISPLAY_ENV": "verbose", "OMP_NUM_THREADS": "4", "OMP_SCHEDULE": "dynamic,64"}
    cap("omp-display-env-verbose-race", "OMP_DISPLAY_ENV=verbose OMP_NUM_THREADS=4 OMP_SCHEDULE=dynamic,64 "
        "./omp_sum 400000 60; echo EXIT=$?", d, make_omp_env(["OMP_SCHEDULE", "OMP_DISPLAY_ENV"]), env=env)
    env2 = {"OMP_DISPLAY_ENV": "verbose", "OMP_NUM_THREADS": "2", "OMP_PROC_BIND": "close", "OMP_PLACES": "cores",
            "OMP_SCHEDULE": "guided"}
    cap("omp-display-env-bind-places", "OMP_DISPLAY_ENV=verbose OMP_NUM_THREADS=2 OMP_PROC_BIND=close "
        "OMP_PLACES=cores OMP_SCHEDULE=guided ./omp_sum 100000 12", d,
        make_omp_env(["OMP_PROC_BIND", "OMP_PLACES", "OMP_SCHEDULE", "OMP_DISPLAY_ENV"]), env=env2)
    env3 = {"OMP_DISPLAY_ENV": "TRUE", "OMP_NUM_THREADS": "8", "OMP_WAIT_POLICY": "passive",
            "OMP_STACKSIZE": "16M", "GOMP_SPINCOUNT": "1000", "OMP_SCHEDULE": "static,1000"}
    cap("omp-display-env-true-grep", "OMP_DISPLAY_ENV=TRUE OMP_NUM_THREADS=8 OMP_WAIT_POLICY=passive "
        "OMP_STACKSIZE=16M GOMP_SPINCOUNT=1000 OMP_SCHEDULE=static,1000 ./omp_sum 50000 200 2>&1 | "
        "grep -vE '^chunk .* ok$'", d,
        make_omp_env(["OMP_WAIT_POLICY", "OMP_STACKSIZE", "GOMP_SPINCOUNT", "OMP_SCHEDULE", "OMP_DISPLAY_ENV"]),
        env=env3)


def cap_mpi4py(tmp: Path) -> None:
    d = tmp / "hpc"
    if not (d / "tiles.py").exists():
        stage(tmp)
    py = VENV / "bin" / "python"
    mr = f"{MPIRUN} -np 4 --oversubscribe"
    cap("mpi4py-np4-keyerror-rank3", f"{mr} {py} -m mpi4py tiles.py 40; echo EXIT=$?", d, n_mpi4py, timeout=180,
        typed=f"{mr} python -m mpi4py tiles.py 40; echo EXIT=$?")
    cap("mpi4py-np4-keyerror-tail-80", f"{mr} {py} -m mpi4py tiles.py 120 2>&1 | tail -n 80", d, n_mpi4py,
        timeout=180, typed=f"{mr} python -m mpi4py tiles.py 120 2>&1 | tail -n 80")
    cap("mpi4py-np4-keyerror-hang-timeout", f"{mr} --timeout 20 {py} tiles.py 60; echo EXIT=$?", d, n_mpi4py,
        timeout=180, typed=f"{mr} --timeout 20 python tiles.py 60; echo EXIT=$?")
    cap("mpi4py-np4-allgather-abort", f"{mr} {py} gather.py 60; echo EXIT=$?", d, n_mpi4py, timeout=180,
        typed=f"{mr} python gather.py 60; echo EXIT=$?")
    cap("mpi4py-np4-m-mpi4py-grep", f"{mr} {py} -m mpi4py tiles.py 20 2>&1 | grep -E 'Error|Traceback|File|rank 3|"
        "Abort|ABORT'", d, n_mpi4py, timeout=180,
        typed=f"{mr} python -m mpi4py tiles.py 20 2>&1 | grep -E 'Error|Traceback|File|rank 3|Abort|ABORT'")


STEPS = [cap_mpi, cap_ompi_info, cap_hwloc, cap_numa, cap_omp, cap_mpi4py]
