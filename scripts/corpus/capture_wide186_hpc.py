"""Round 186, round 182's kinds again: `tidegauge`, a harbour's tide model split over MPI ranks (a C program of its
own with other faults put in: an integer division by zero on one rank, a write through a wild pointer, a broadcast of
a negative count, a reduction to a root that does not exist, an MPI_Abort on a failed mass balance, a head-to-head
synchronous send and a receive that no rank answers while the others wait in a barrier), other launch mistakes, other
bindings and maps, other ompi_info excerpts, hwloc on other synthetic topologies, numactl, an OpenMP histogram with a
lost-update bin count put in under OMP_DISPLAY_ENV, and mpi4py with a traceback on one rank. Needles come from round
182's extractors, imported from capture_wide182_hpc.py (no new rule). Run through capture_wide186.py."""

from __future__ import annotations

from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide186 import VENV, cap
from capture_wide182_hpc import (make_ompi_info, make_omp_env, n_hwloc_calc, n_hwloc_info, n_lstopo, n_mpi4py,
                                 n_mpirun_launch, n_mpirun_map, n_mpirun_mpi_error, n_mpirun_segfault,
                                 n_mpirun_timeout, n_mpirun_bindings, n_numactl_hw, n_numactl_show)

MPIRUN = "mpirun --allow-run-as-root"  # the rounds run as root; Open MPI refuses root without it

TIDE_C = r"""#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a 1-D shallow-water tide model over the ranks' stretches of quay; FAULT picks the bug put in */
int main(int argc, char **argv) {
    int rank, size;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const char *fault = argc > 1 ? argv[1] : "none";
    int steps = argc > 2 ? atoi(argv[2]) : 30;
    int cells = 128, gauges = argc > 3 ? atoi(argv[3]) : 0;
    double *h = calloc(cells + 2, sizeof(double)), *q = calloc(cells + 2, sizeof(double));
    srand(1860u + 31u * (unsigned)rank);
    for (int i = 1; i <= cells; i++) h[i] = 2.0 + (rand() % 500) / 1000.0;
    double mass0 = 0, mass = 0;
    for (int i = 1; i <= cells; i++) mass0 += h[i];
    for (int s = 0; s < steps; s++) {
        int up = rank + 1 < size ? rank + 1 : MPI_PROC_NULL, down = rank > 0 ? rank - 1 : MPI_PROC_NULL;
        MPI_Sendrecv(&h[cells], 1, MPI_DOUBLE, up, s, &h[0], 1, MPI_DOUBLE, down, s, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
        MPI_Sendrecv(&h[1], 1, MPI_DOUBLE, down, s, &h[cells + 1], 1, MPI_DOUBLE, up, s, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
        for (int i = 1; i <= cells; i++) q[i] = 0.1 * (h[i - 1] - h[i + 1]);
        for (int i = 1; i <= cells; i++) h[i] += 0.05 * (q[i - 1] - q[i + 1]);
        mass = 0;
        for (int i = 1; i <= cells; i++) mass += h[i];
        double total = 0;
        MPI_Allreduce(&mass, &total, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        printf("rank %d step %3d stretch %d-%d level %.4f mass %.3f total %.3f\n", rank, s, rank * cells,
               rank * cells + cells - 1, h[cells / 2], mass, total);
        fflush(stdout);
        if (!strcmp(fault, "fpe") && rank == 3 && s == steps / 2) {
            printf("rank %d step %3d averaging over %d gauges\n", rank, s, gauges);
            fflush(stdout);
            int per = cells / gauges;                                  /* gauges is 0: SIGFPE */
            printf("rank %d per gauge %d\n", rank, per);
        }
        if (!strcmp(fault, "wild") && rank == 1 && s == steps / 3) {
            double *table = (double *)(size_t)(0xdead000ULL + 8u * (unsigned)s);  /* a wild pointer */
            printf("rank %d step %3d writing gauge table\n", rank, s);
            fflush(stdout);
            table[3] = h[1];
        }
        if (!strcmp(fault, "count") && s == steps / 2) {
            int n = rank == 2 ? -4 : 4;                                  /* a negative count on rank 2 */
            MPI_Bcast(q, n, MPI_DOUBLE, 0, MPI_COMM_WORLD);
        }
        if (!strcmp(fault, "root") && s == steps - 5) {
            double r = 0;
            MPI_Reduce(&mass, &r, 1, MPI_DOUBLE, MPI_MAX, size, MPI_COMM_WORLD);  /* no rank `size` */
        }
        if (!strcmp(fault, "balance") && rank == 2 && s == steps - 4) {
            fprintf(stderr, "rank %d: ERROR mass balance failed at step %d: start %.3f now %.3f (tolerance 0.001)\n",
                    rank, s, mass0, mass + 1.25);
            MPI_Abort(MPI_COMM_WORLD, 42);
        }
    }
    if (!strcmp(fault, "ssend")) {   /* everyone sends synchronously first: nobody receives */
        double b = rank;
        printf("rank %d handing boundary to rank %d\n", rank, (rank + 1) % size);
        fflush(stdout);
        MPI_Ssend(&b, 1, MPI_DOUBLE, (rank + 1) % size, 77, MPI_COMM_WORLD);
        MPI_Recv(&b, 1, MPI_DOUBLE, (rank + size - 1) % size, 77, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    if (!strcmp(fault, "waitall")) {  /* rank 0 waits for a report nobody sends; the rest wait in a barrier */
        if (rank == 0) {
            double b; MPI_Request rq;
            printf("rank 0 waiting for gauge reports\n");
            fflush(stdout);
            MPI_Irecv(&b, 1, MPI_DOUBLE, MPI_ANY_SOURCE, 500, MPI_COMM_WORLD, &rq);
            MPI_Wait(&rq, MPI_STATUS_IGNORE);
        } else {
            MPI_Barrier(MPI_COMM_WORLD);
        }
    }
    printf("rank %d finished\n", rank);
    free(h); free(q);
    MPI_Finalize();
    return 0;
}
"""

HIST_C = r"""#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* wave heights binned into a histogram; the shared bins are updated without atomics */
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 300000;
    int rounds = argc > 2 ? atoi(argv[2]) : 20;
    int bins[16], good[16];
    unsigned *w = malloc(n * sizeof(unsigned));
    for (int i = 0; i < n; i++) w[i] = (unsigned)(i * 2654435761u) >> 28;
    for (int r = 0; r < rounds; r++) {
        for (int b = 0; b < 16; b++) bins[b] = good[b] = 0;
        #pragma omp parallel for schedule(runtime)
        for (int i = 0; i < n; i++) bins[w[i]]++;                       /* lost updates */
        #pragma omp parallel for schedule(runtime)
        for (int i = 0; i < n; i++) {
            #pragma omp atomic
            good[w[i]]++;
        }
        int bad = 0, lost = 0;
        for (int b = 0; b < 16; b++) if (bins[b] != good[b]) { bad++; lost += good[b] - bins[b]; }
        printf("round %2d threads=%d bins_wrong=%d lost=%d %s\n", r, omp_get_max_threads(), bad, lost,
               bad ? "MISMATCH" : "ok");
    }
    #pragma omp parallel
    {
        #pragma omp critical
        printf("worker %d/%d place %d of %d\n", omp_get_thread_num(), omp_get_num_threads(), omp_get_place_num(),
               omp_get_num_places());
    }
    printf("histogram of %d heights done\n", n);
    return 0;
}
"""

SURGE_PY = '''import sys
from mpi4py import MPI

comm = MPI.COMM_WORLD
rank, size = comm.Get_rank(), comm.Get_size()
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
stations = {f"gauge-{rank}-{i:02d}": 1.0 + 0.01 * ((rank * 37 + i * 11) % 53) for i in range(24)}


def surge_ratio(name, step):
    base = stations[name]
    calm = 0.0 if (rank == 1 and step == STEPS // 2 and name.endswith("-07")) else base - 0.5
    return (base * 1.1) / calm


for step in range(STEPS):
    ratios = [surge_ratio(n, step) for n in sorted(stations)]
    peak = max(ratios)
    print(f"rank {rank}/{size} step {step:3d} peak ratio {peak:.4f} stations {len(ratios)}", flush=True)
    top = comm.allreduce(peak, op=MPI.MAX)
    if rank == 0:
        print(f"step {step:3d} harbour peak {top:.4f}", flush=True)
'''

BERTHS_PY = '''import sys
from mpi4py import MPI

comm = MPI.COMM_WORLD
rank, size = comm.Get_rank(), comm.Get_size()
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
berths = [(rank * 10 + i, 12.0 + i * 0.5) for i in range(10)]


def draught_at(step):
    slots = berths if not (rank == 2 and step == STEPS - 3) else berths[:4]
    return [slots[(step + k) % 10][1] for k in range(3)]  # IndexError once berths are cut


for step in range(STEPS):
    d = draught_at(step)
    print(f"rank {rank} step {step:3d} draughts {d[0]:.1f} {d[1]:.1f} {d[2]:.1f}", flush=True)
    comm.barrier()
'''


def stage(tmp: Path) -> Path:
    d = tmp / "tide"
    write_tree(d, {"tide.c": TIDE_C, "hist.c": HIST_C, "surge.py": SURGE_PY, "berths.py": BERTHS_PY,
                   "bin/gstack": "#!/bin/sh\nexec gdb -batch -nx -q -ex 'thread apply all bt' -p \"$1\" 2>/dev/null\n"})
    run("chmod +x bin/gstack && mpicc -g -O0 -o tide tide.c && gcc -g -O0 -fopenmp -o hist hist.c", cwd=d)
    if str(d / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(d / "bin"))  # gstack, what --get-stack-traces calls (gdb's script)
    return d


def cap_mpi(tmp: Path) -> None:
    d = stage(tmp)
    mr = f"{MPIRUN} -np 4 --oversubscribe"
    cap("mpirun-np4-fpe-rank3", f"{mr} ./tide fpe 80 0; echo EXIT=$?", d, n_mpirun_segfault, timeout=120)
    cap("mpirun-np5-wild-tail-100", f"{MPIRUN} -np 5 --oversubscribe ./tide wild 240 2>&1 | tail -n 100", d,
        n_mpirun_segfault, timeout=120)
    cap("mpirun-np4-negative-count", f"{mr} ./tide count 70; echo EXIT=$?", d, n_mpirun_mpi_error, timeout=120)
    cap("mpirun-np4-balance-abort-grep", f"{mr} ./tide balance 120 2>&1 | grep -vE '^rank [013] '", d,
        n_mpirun_mpi_error, timeout=120)
    cap("mpirun-np4-ssend-deadlock-stacks", f"{mr} --timeout 10 --get-stack-traces ./tide ssend 25; echo EXIT=$?",
        d, n_mpirun_timeout, timeout=240)
    cap("mpirun-np3-wait-barrier-tail", f"{MPIRUN} -np 3 --oversubscribe --timeout 8 --get-stack-traces ./tide "
        "waitall 50 2>&1 | tail -n 90", d, n_mpirun_timeout, timeout=240)
    cap("mpirun-np12-host-ghost", f"{MPIRUN} -np 12 ./tide none 5; echo EXIT=$?; {MPIRUN} -np 2 --host "
        "ghost186:2 ./tide none 5; echo EXIT=$?", d, n_mpirun_launch, timeout=120)
    cap("mpirun-pml-map-typos", f"{mr} --mca pml ob2 ./tide none 5; echo EXIT=$?; {mr} --map-by ppr:3:sockt "
        f"./tide none 5; echo EXIT=$?; {mr} --wdir /srv/tidegauge ./tide none 5; echo EXIT=$?", d, n_mpirun_launch,
        timeout=120)
    cap("mpirun-report-bindings-socket", f"{MPIRUN} -np 2 --report-bindings --map-by socket --bind-to socket "
        "./tide none 20 2>&1 | head -n 60", d, n_mpirun_bindings, timeout=120)
    cap("mpirun-display-map-np5-slot-head", f"{MPIRUN} -np 5 --oversubscribe --map-by slot --display-map ./tide "
        "none 12 2>&1 | head -n 50", d, n_mpirun_map, timeout=120)


def cap_ompi_info(tmp: Path) -> None:
    d = tmp
    cap("ompi-info-pml-ob1-l9", "ompi_info --param pml ob1 --level 9 | head -n 120", d, make_ompi_info([]))
    cap("ompi-info-all-grep-coll", "ompi_info --all | grep -E 'Open MPI:|MCA coll:|coll_tuned_(bcast|reduce)_"
        "algorithm\"'", d, make_ompi_info(["coll_tuned_bcast_algorithm", "coll_tuned_reduce_algorithm"]))


def cap_hwloc(tmp: Path) -> None:
    d = tmp
    cap("lstopo-synthetic-4pack-4pu-v", "lstopo-no-graphics -v -i 'pack:4 numa:2 l3:1 l2:6 core:1 pu:4' | "
        "head -n 160", d, n_lstopo)
    cap("hwloc-ls-synthetic-p-no-io", "hwloc-ls -p --no-io -i 'pack:2 l3:2 numa:1 l2:4 core:2 pu:2'; echo EXIT=$?",
        d, n_lstopo)
    synth = "pack:2 numa:3 l3:1 core:6 pu:2"
    cap("hwloc-calc-synthetic-numa3", f"for o in numa:4 'package:0 core:2-4' pu:30-35 'numa:0-2 ~pu:0-3' core:40; do "
        f"echo \"== $o\"; hwloc-calc -i '{synth}' $o; hwloc-calc -i '{synth}' -I core $o; hwloc-calc -i '{synth}' "
        f"-N pu $o; hwloc-calc -i '{synth}' --largest $o; done 2>&1; echo EXIT=$?", d, n_hwloc_calc)
    cap("hwloc-info-synthetic-l3-numa", f"hwloc-info -i '{synth}' -v l3:all; hwloc-info -i '{synth}' -v numa:all | "
        f"head -n 60; hwloc-info -i '{synth}' l2:0; echo EXIT=$?", d, n_hwloc_info)


def cap_numa(tmp: Path) -> None:
    d = tmp
    cap("numactl-hardware-nodes-loop", "numactl -H; for n in 0 1 2; do echo \"== node $n\"; numactl --membind=$n "
        "numactl -H; numactl --preferred=$n numactl -H; done 2>&1; echo EXIT=$?", d, n_numactl_hw)
    cap("numactl-show-policies", "for o in '--localalloc' '--interleave=0' '--preferred=0' '--physcpubind=0' "
        "'--cpunodebind=0 --membind=0' '--physcpubind=5' '--interleave=0-3'; do echo \"== $o\"; numactl $o numactl "
        "--show; done 2>&1; echo EXIT=$?", d, n_numactl_show)


def cap_omp(tmp: Path) -> None:
    d = tmp / "tide"
    if not (d / "hist").exists():
        stage(tmp)
    env = {"OMP_DISPLAY_ENV": "verbose", "OMP_NUM_THREADS": "3", "OMP_SCHEDULE": "guided,500",
           "OMP_PROC_BIND": "spread", "OMP_PLACES": "threads"}
    cap("omp-display-env-hist-spread", "OMP_DISPLAY_ENV=verbose OMP_NUM_THREADS=3 OMP_SCHEDULE=guided,500 "
        "OMP_PROC_BIND=spread OMP_PLACES=threads ./hist 600000 40; echo EXIT=$?", d,
        make_omp_env(["OMP_SCHEDULE", "OMP_PROC_BIND", "OMP_PLACES", "OMP_DISPLAY_ENV"]), env=env)
    env2 = {"OMP_DISPLAY_ENV": "verbose", "OMP_NUM_THREADS": "6,2", "OMP_MAX_ACTIVE_LEVELS": "2",
            "OMP_DYNAMIC": "false", "OMP_SCHEDULE": "static", "OMP_THREAD_LIMIT": "8"}
    cap("omp-display-env-nested-head", "OMP_DISPLAY_ENV=verbose OMP_NUM_THREADS=6,2 OMP_MAX_ACTIVE_LEVELS=2 "
        "OMP_DYNAMIC=false OMP_SCHEDULE=static OMP_THREAD_LIMIT=8 ./hist 200000 150 2>&1 | head -n 90", d,
        make_omp_env(["OMP_MAX_ACTIVE_LEVELS", "OMP_DYNAMIC", "OMP_SCHEDULE", "OMP_THREAD_LIMIT", "OMP_DISPLAY_ENV"]),
        env=env2)


def cap_mpi4py(tmp: Path) -> None:
    d = tmp / "tide"
    if not (d / "surge.py").exists():
        stage(tmp)
    py = VENV / "bin" / "python"
    mr = f"{MPIRUN} -np 4 --oversubscribe"
    cap("mpi4py-np4-zerodivision-rank1", f"{mr} {py} -m mpi4py surge.py 50; echo EXIT=$?", d, n_mpi4py,
        timeout=180, typed=f"{mr} python -m mpi4py surge.py 50; echo EXIT=$?")
    cap("mpi4py-np4-indexerror-tail-60", f"{mr} --timeout 25 {py} berths.py 90 2>&1 | tail -n 60", d, n_mpi4py,
        timeout=180, typed=f"{mr} --timeout 25 python berths.py 90 2>&1 | tail -n 60")


STEPS = [cap_mpi, cap_ompi_info, cap_hwloc, cap_numa, cap_omp, cap_mpi4py]
