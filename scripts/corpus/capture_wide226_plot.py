"""Round 226, plotting tools: a greenhouse's sensor plots (`glasshouse`) in gnuplot (scripts with errors drawing to the
dumb terminal, fits that converge and fits that do not, `set table` output), Asymptote and MetaPost figures with
faults put in, matplotlib scripts that warn and fail, and Vega-Lite specs through `vl2vg` / `vl2svg`. All data is
written here by seeded generators. The extractors are this round's (NEEDLES.md, "Round 226"). Run through
capture_wide226.py."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide226 import VENV, cap, exit_lines, loop_lines, tracebacks, warn_groups

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 226")

GP_LOC_RE = re.compile(r'^"([^"]+)" line \d+: ?(.*)$')
CARET_RE = re.compile(r"^\s*\^\s*$")


def _caret_source(lines, i, back=3):
    """The echoed source line above the caret line within `back` lines above line i."""
    for j in range(i - 1, max(0, i - 1 - back), -1):
        if CARET_RE.match(lines[j]) and j > 0 and lines[j - 1].strip():
            return lines[j - 1]
    return None


def _gp_errors(lines):
    """gnuplot's error locations with the caret's source line, warnings one {"any"} per (message shape, file)."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        m = GP_LOC_RE.match(ln.strip())
        if m and re.match(r"(?i)warning:", m.group(2)):
            warns.append(((m.group(1), cm.mask(m.group(2))), ln))
        elif m:
            out.append(ln)
            out.append(_caret_source(lines, i))
        elif re.match(r"^\s*(Warning|warning):", ln):
            warns.append((("", cm.mask(ln.strip())), ln))
    return out + cm.groups(warns)


@cm.kind("gnuplot-error", "build")
def n_gnuplot_error(lines):
    """Rule 1 on gnuplot scripts: every "x.gp" line N: location line with the caret's source line above it, warning: lines one {"any"} per (message shape, file), a loop's == file and exit=N lines; EXIT=N."""
    return _gp_errors(lines) + loop_lines(lines) + exit_lines(lines)


ITER_RE = re.compile(r"^\s*\d+\s+-?\d\.\d+e[+-]\d+\s")
VERDICT_RE = re.compile(r"After \d+ iterations the fit converged|maximum (number of iterations|iteration count)"
                        r"|Singular matrix|did not converge|fit stopped", re.I)
PARAM_RE = re.compile(r"^\w+\s+= \S+\s+\+/- ")


@cm.kind("gnuplot-fit", "log")
def n_gnuplot_fit(lines):
    """Rule 5 on gnuplot fits: the first iter chisq header, the last numbered iteration row before each verdict, every verdict line (converged / maximum iterations / Singular matrix), the final sum of squares and rms of residuals lines, every parameter line of each Final set of parameters table, warnings and errors (rule 1), a loop's lines; EXIT=N."""
    out = []
    hdr = next((ln for ln in lines if ln.strip().startswith("iter ") and "chisq" in ln), None)
    out.append(hdr)
    in_final = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if VERDICT_RE.search(s):
            out.append(ln)
            out.append(next((lines[k] for k in range(i - 1, -1, -1) if ITER_RE.match(lines[k])), None))
        if s.startswith(("final sum of squares", "rms of residuals")):
            out.append(ln)
        if s.startswith("Final set of parameters"):
            in_final = True
            continue
        if in_final:
            if PARAM_RE.match(s):
                out.append(ln)
            elif s and not s.startswith("="):
                in_final = False
    return out + _gp_errors(lines) + loop_lines(lines) + exit_lines(lines)


TABLE_ROW_RE = re.compile(r"^\s*(\S+)\s+(\S+)(?:\s+\S+)*\s+([iou])$")


@cm.kind("gnuplot-table", "table")
def n_gnuplot_table(lines):
    """Rule 5 on gnuplot set table output: every # Curve N of M and # Curve title: line, the first and last data row of each curve, every row whose type is not i, the rows holding the y column's minimum and maximum, every error line; EXIT=N."""
    out, curves, cur = [], [], None
    for ln in lines:
        s = ln.strip()
        if s.startswith(("# Curve ", "# Curve title:")):
            out.append(ln)
            if s.startswith("# Curve ") and " of " in s:
                cur = []
                curves.append(cur)
            continue
        m = TABLE_ROW_RE.match(ln)
        if m:
            if cur is None:
                cur = []
                curves.append(cur)
            cur.append((ln, m))
            if m.group(3) != "i":
                out.append(ln)
    ys = []
    for c in curves:
        if c:
            out += [c[0][0], c[-1][0]]
        for ln, m in c:
            try:
                y = float(m.group(2))
            except ValueError:
                continue
            if math.isfinite(y):
                ys.append((y, ln))
    if ys:
        out += [min(ys)[1], max(ys)[1]]
    return out + _gp_errors(lines) + exit_lines(lines)


ASY_RE = re.compile(r"^\S+: \d+\.\d+: ")


@cm.kind("asymptote-run", "build")
def n_asymptote(lines):
    """Rule 1 on Asymptote: every file: L.C: message line with the caret's source line above it, every error: and Cannot execute line, with -vv every Processing <name> line, a loop's lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if ASY_RE.match(s):
            out.append(ln)
            if i >= 2 and CARET_RE.match(lines[i - 1]) and lines[i - 2].strip():
                out.append(lines[i - 2])
        elif s.startswith(("error:", "Cannot execute")) or s.startswith("Processing "):
            out.append(ln)
    return out + loop_lines(lines) + exit_lines(lines)


def _metapost(lines):
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("! "):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^l\.\d+", 12))
        elif ln.startswith(">> ") or re.search(r"\d+ output files? written|Transcript written on|^This is MetaPost", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("metapost-run", "build")
def n_metapost_run(lines):
    """Rule 1 on mpost's terminal output: every ! error line with its first l.N location line, every >> name line, the N output files written and Transcript written lines, the This is MetaPost banner; EXIT=N."""
    return _metapost(lines)


@cm.kind("metapost-log", "log")
def n_metapost_log(lines):
    """Rule 1 on an mpost transcript: every ! error line with its first l.N location line, every >> name line, the N output files written line, the This is MetaPost banner; EXIT=N."""
    return _metapost(lines)


PYWARN_RE = re.compile(r"(\w+Warning): (.*)$")


@cm.kind("matplotlib-script", "log")
def n_matplotlib_script(lines):
    """Rule 1 on matplotlib scripts: Python warnings one {"any"} per (category, message shape), each traceback's exception line and innermost File line, every saved / FAIL line the script prints, its closing counts line; EXIT=N."""
    pairs = [((m.group(1), cm.mask(m.group(2))), ln) for ln in lines if (m := PYWARN_RE.search(ln))]
    own = [ln for ln in lines if ln.startswith(("saved ", "FAIL ", "done: "))]
    return tracebacks(lines) + own + cm.groups(pairs) + exit_lines(lines)


JS_EXC_RE = re.compile(r"^(ERROR\b.*|(\w+)?Error(: .*)?)$")


@cm.kind("vega-lite-cli", "build")
def n_vega_cli(lines):
    """Rule 1 on vl2vg / vl2svg / vg2svg: every ERROR line and JavaScript exception line with the first at frame after it, WARN lines one {"any"} per message shape, a loop's lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if JS_EXC_RE.match(ln.strip()) and not ln.startswith(" "):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s+at ", 6))
    warns = warn_groups([ln for ln in lines if ln.startswith("WARN")], r"^WARN\b")
    return out + warns + loop_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ gnuplot: the greenhouse's sensor plots

LOOP = 'for f in {glob}; do echo "== $f"; {cmd} "$f"; echo "exit=$?"; done'


def sensor_data(rnd: random.Random, n: int, bad_rows: int = 0) -> str:
    rows = ["# hour temp_c humidity_pct co2_ppm lux"]
    for i in range(n):
        h = i * 0.25
        t = 18 + 6 * math.sin(h / 24 * 2 * math.pi) + rnd.gauss(0, 0.4)
        hu = 70 - 15 * math.sin(h / 24 * 2 * math.pi) + rnd.gauss(0, 2)
        co2 = 420 + 180 * math.exp(-((h % 24) - 6) ** 2 / 8) + rnd.gauss(0, 10)
        lux = max(0.0, 30000 * math.sin((h % 24 - 6) / 12 * math.pi)) if 6 <= h % 24 <= 18 else 0.0
        rows.append(f"{h:.2f} {t:.2f} {hu:.1f} {co2:.0f} {lux:.0f}")
    for _ in range(bad_rows):
        k = rnd.randrange(1, len(rows))
        rows[k] = " ".join(rows[k].split()[:3])  # a row whose logger dropped the last columns
    return "\n".join(rows) + "\n"


GP_HEAD = "set terminal dumb size 100,28\nset datafile commentschars '#'\n"

GP_SCRIPTS = {
    "plots/temperature.gp": GP_HEAD + "set title 'Bench A temperature'\nset xlabel 'hour'\n"
    "plot 'data/bench_a.dat' using 1:2 with lines title 'temp'\n"
    "set title 'Bench B temperature'\nplot 'data/bench_b.dat' using 1:2 with lines title 'temp'\n"
    "set ylabel 'deg C'\nplot 'data/bench_c.dat' using 1:7 with lines title 'soil temp'\n",
    "plots/humidity.gp": GP_HEAD + "set title 'Humidity'\nplot 'data/bench_a.dat' using 1:3 with lines\n"
    "set title 'Humidity, bench C'\nplot 'data/bench_c.dat' using 1:3 with linespoints\n"
    "set yrange [40:100\nplot 'data/bench_b.dat' using 1:3 with lines\n",
    "plots/co2.gp": GP_HEAD + "threshold = 800\nset title 'CO2'\n"
    "plot 'data/bench_a.dat' using 1:4 with lines, threshold\n"
    "plot 'data/bench_b.dat' using 1:4 with lines, co2_limit title 'limit'\n",
    "plots/light.gp": GP_HEAD + "set logscale y\nset title 'Light'\n"
    "plot 'data/bench_a.dat' using 1:5 with lines title 'lux'\n"
    "set style fill solidd\nplot 'data/bench_b.dat' using 1:5 with boxes\n",
    "plots/compare.gp": GP_HEAD + "set key outside right\nset title 'A vs B'\n"
    "plot 'data/bench_a.dat' u 1:2 w l t 'A', 'data/bench_b.dat' u 1:2 w l t 'B'\n"
    "plot 'data/bench_a.dat' u 1:2 w l t 'A', 'data/bench_missing.dat' u 1:2 w l t 'missing'\n",
    "plots/vpd.gp": GP_HEAD + "es(t) = 0.6108*exp(17.27*t/(t+237.3))\nvpd(t,h) = es(t)*(1-h/100.0)\n"
    "set title 'Vapour pressure deficit'\nplot 'data/bench_a.dat' using 1:(vpd($2,$3)) with lines\n"
    "plot 'data/bench_b.dat' using 1:(vpd($2,$3,$4)) with lines\n",
    "plots/daily.gp": GP_HEAD + "set title 'Daily mean'\nset termnal dumb\n",
    "plots/histogram.gp": GP_HEAD + "binwidth = 0.5\nbin(x,w) = w*floor(x/w)\nset title 'Temp histogram'\n"
    "plot 'data/bench_a.dat' using (bin($2,binwidth)):(1.0) smooth freq with boxes\n"
    "plot 'data/bench_a.dat' using (bin($2,binwdth)):(1.0) smooth freq with boxes\n",
    "plots/overview.gp": GP_HEAD + "set multiplot layout 2,1 title 'Overview'\n"
    "plot 'data/bench_a.dat' using 1:2 with lines notitle\nplot 'data/bench_a.dat' using 1:3 with lines notitle\n"
    "unset multiplot\nset title 'Bench C'\nplot 'data/bench_c.dat' using 1:2 w l lw line_width\n",
    "plots/stats.gp": GP_HEAD + "stats 'data/bench_c.dat' using 2 name 'T' nooutput\n"
    "print sprintf('mean %.2f max %.2f', T_mean, T_max)\nstats 'data/bench_c.dat' using 5 name 'L'\n"
    "print L_mean\n",
}


def step_gnuplot_errors(tmp: Path) -> None:
    if not cm.have("gnuplot", "gnuplot-error"):
        return
    root = tmp / "glasshouse"
    rnd = random.Random(226)
    files = {"data/bench_a.dat": sensor_data(rnd, 96 * 3), "data/bench_b.dat": sensor_data(rnd, 96 * 3),
             "data/bench_c.dat": sensor_data(rnd, 96 * 2, bad_rows=6)}
    files.update(GP_SCRIPTS)
    write_tree(root, files)
    cap("gnuplot-plots-loop", LOOP.format(glob="plots/*.gp", cmd="gnuplot"), root, n_gnuplot_error)
    cap("gnuplot-humidity-tail", "gnuplot plots/humidity.gp 2>&1 | tail -n 80", root, n_gnuplot_error)
    cap("gnuplot-overview-exit", "gnuplot plots/overview.gp; echo EXIT=$?", root, n_gnuplot_error)
    cap("gnuplot-loop-grep", LOOP.format(glob="plots/*.gp", cmd="gnuplot")
        + " 2>&1 | grep -iE 'error|warning|line [0-9]+|^=='", root, n_gnuplot_error)


FIT_HEAD = "set fit logfile 'fit.log'\n"


def growth_data(rnd: random.Random, n: int) -> str:
    rows = ["# day height_cm"]
    for i in range(n):
        d = i * 0.5
        h = 42 / (1 + math.exp(-0.31 * (d - 18))) + rnd.gauss(0, 0.6)
        rows.append(f"{d:.1f} {h:.3f}")
    return "\n".join(rows) + "\n"


def step_gnuplot_fits(tmp: Path) -> None:
    if not cm.have("gnuplot", "gnuplot-fit"):
        return
    root = tmp / "glasshouse-fits"
    rnd = random.Random(2261)
    files = {"data/cooling.dat": "".join(f"{t} {20 + 35 * math.exp(-t / 11.0) + rnd.gauss(0, 0.3):.3f}\n"
                                         for t in range(0, 90)),
             "data/growth.dat": growth_data(rnd, 90),
             "data/flat.dat": "".join(f"{i} {5 + rnd.gauss(0, 0.01):.4f}\n" for i in range(60))}
    files["fits/cooling.gp"] = FIT_HEAD + (
        "T(t) = Ta + dT*exp(-t/tau)\nTa = 15; dT = 30; tau = 5\n"
        "fit T(x) 'data/cooling.dat' using 1:2 via Ta, dT, tau\n"
        "print sprintf('tau = %.3f min', tau)\n"
        "fit [0:30] T(x) 'data/cooling.dat' using 1:2 via dT, tau\n")
    files["fits/growth.gp"] = FIT_HEAD + (
        "FIT_MAXITER = 4\nL(t) = K/(1+exp(-r*(t-t0)))\nK = 30; r = 0.05; t0 = 5\n"
        "fit L(x) 'data/growth.dat' using 1:2 via K, r, t0\n"
        "print sprintf('K=%.2f r=%.3f t0=%.2f', K, r, t0)\n"
        "FIT_MAXITER = 12\nK = 10; r = 3; t0 = 80\n"
        "fit L(x) 'data/growth.dat' using 1:2 via K, r, t0\n"
        "print sprintf('K=%.2f r=%.3f t0=%.2f', K, r, t0)\n"
        "fit L(x) 'data/growth.dat' using 1:3 via K, r, t0\n")
    files["fits/flat.gp"] = FIT_HEAD + (
        "f(x) = a*exp(b*x) + c*exp(b*x)\na = 1; b = 0.01; c = 1\n"
        "fit f(x) 'data/flat.dat' using 1:2 via a, b, c\n")
    files["fits/poly.gp"] = FIT_HEAD + (
        "p(x) = p0 + p1*x + p2*x**2 + p3*x**3\np0 = 1; p1 = 1; p2 = 0.1; p3 = 0.01\n"
        "fit p(x) 'data/growth.dat' using 1:2 via p0, p1, p2, p3\n"
        "fit p(x) 'data/growth.dat' using 1:2 via p0, p1, p2, p4\n")
    write_tree(root, files)
    cap("gnuplot-fit-cooling", "gnuplot fits/cooling.gp", root, n_gnuplot_fit)
    cap("gnuplot-fit-growth-exit", "gnuplot fits/growth.gp; echo EXIT=$?", root, n_gnuplot_fit)
    cap("gnuplot-fit-loop", LOOP.format(glob="fits/flat.gp fits/poly.gp", cmd="gnuplot"), root, n_gnuplot_fit)
    cap("gnuplot-fit-log", "cat fit.log", root, n_gnuplot_fit)


def step_gnuplot_tables(tmp: Path) -> None:
    if not cm.have("gnuplot", "gnuplot-table"):
        return
    root = tmp / "glasshouse-tables"
    rnd = random.Random(2262)
    write_tree(root, {
        "data/bench_a.dat": sensor_data(rnd, 96 * 2),
        "data/ratio.dat": "".join(f"{i} {rnd.choice([0, 1, 2, 3, 4, 5, 6, 8])} {rnd.randint(0, 40)}\n" for i in range(320)),
        "tables/curves.gp": "set samples 160\nset xrange [-2:6]\nset yrange [-3:3]\nset table\n"
        "plot log(x) title 'log', sqrt(x) title 'sqrt', 1/(x-1) title 'pole', sin(2*x)*exp(-x/4) title 'damped'\n"
        "unset table\n",
        "tables/smooth.gp": "set table\nplot 'data/bench_a.dat' using 1:2 smooth csplines title 'temp spline', "
        "'data/bench_a.dat' using 1:4 smooth bezier title 'co2 bezier'\nunset table\n",
        "tables/ratio.gp": "set yrange [0:10]\nset table\n"
        "plot 'data/ratio.dat' using 1:($3/$2) title 'yield per plant', 'data/ratio.dat' using 1:($3/$4) title 'bad'\n"
        "unset table\n",
    })
    cap("gnuplot-table-curves", "gnuplot tables/curves.gp", root, n_gnuplot_table)
    cap("gnuplot-table-smooth-head", "gnuplot tables/smooth.gp | head -n 200", root, n_gnuplot_table)
    cap("gnuplot-table-ratio", "gnuplot tables/ratio.gp; echo EXIT=$?", root, n_gnuplot_table)


# ------------------------------------------------------------------ Asymptote and MetaPost figures

ASY_FILES = {
    "figures/bench.asy": "size(8cm);\nimport graph;\nreal w = 3, h = 1.2;\n"
    "for (int i = 0; i < 4; ++i) {\n  filldraw(shift(i*(w+0.5), 0)*scale(w, h)*unitsquare, lightgreen, black);\n"
    "  label(format(\"B%d\", i), (i*(w+0.5) + w/2, h/2));\n}\n"
    "draw((0,-1)--(4*(w+0.5),-1), Arrow);\nlabel(\"aisle\", (8,-1), S;\n",
    "figures/vent.asy": "size(6cm);\npath louvre(real a) { return rotate(a)*((0,0)--(1,0)); }\n"
    "for (int i = 0; i < 6; ++i) draw(shift(0, i*0.3)*louvre(angle));\n",
    "figures/sensor.asy": "size(5cm);\nimport three;\ncurrentprojection = orthographic(4,2,3);\n"
    "draw(unitcube, gray);\ndot((0.5,0.5,1), red);\nint readings = \"24.5\";\n",
    "figures/pipes.asy": "size(8cm);\nstruct Pipe { pair a, b; real d; }\nPipe[] pipes;\n"
    "for (int i = 0; i < 5; ++i) { Pipe p; p.a = (i, 0); p.b = (i, 3); p.d = 0.1*(i+1); pipes.push(p); }\n"
    "for (Pipe p : pipes) draw(p.a--p.b, linewidth(p.d*10));\nreal flow = pipes[7].d;\n",
    "figures/layout.asy": "size(10cm);\nimport graph;\nreal f(real x) { return 18 + 6*sin(x*pi/12); }\n"
    "draw(graph(f, 0, 24), blue);\nxaxis(\"hour\", BottomTop, LeftTicks);\nyaxis(\"temp\", LeftRight, RightTicks);\n"
    "draw(graph(g, 0, 24), red);\n",
    "figures/ok.asy": "size(4cm);\ndraw(unitcircle);\nlabel(\"$T$\", (0,0));\n",
}


def step_asymptote(tmp: Path) -> None:
    if not cm.have("asy", "asymptote-run"):
        return
    root = tmp / "glasshouse-asy"
    write_tree(root, ASY_FILES)
    cap("asy-figures-loop", LOOP.format(glob="figures/*.asy", cmd="asy -vv -f eps"), root, n_asymptote, timeout=300)
    cap("asy-layout-vv-tail", "asy -vv -f eps figures/layout.asy 2>&1 | tail -n 60", root, n_asymptote)
    cap("asy-vv-all-exit", "asy -vv -f eps figures/pipes.asy figures/ok.asy figures/sensor.asy; echo EXIT=$?",
        root, n_asymptote, timeout=300)


MP_FIGS = r"""prologues := 3;
outputtemplate := "%j-%c.svg";
outputformat := "svg";
numeric u; u := 1cm;
beginfig(1);  % the bench plan
  pair A, B, C; A = (0,0); B = (6u, 0);
  draw A--B--C--cycle;
  for i = 0 upto 3: draw unitsquare xscaled 1.2u yscaled 0.8u shifted (i*1.5u, u); endfor
  label.top(btex bench etex, A;
endfig;
beginfig(2);  % the sensor mast
  z1 = (0,0); z2 = (0, 4u); z1 = (1u, 0);
  draw z1--z2 withpen pencircle scaled 2pt;
  fill fullcircle scaled 0.4u shifted z2 withcolor (0.2, 0.6, 0.2);
  drawarrow z2 -- z3;
endfig;
beginfig(3);  % the vent louvres
  for i = 1 upto 6:
    draw (0, i*0.4u) -- (2u, i*0.4u + 0.3u) rotated angle;
  endfor
  fill (0,0) -- (1u,0) -- (1u,1u) withcolor red;
endfig;
beginfig(4);
  path p; p = fullcircle scaled 3u;
  draw p; draw point 2 of p -- point 6 of p;
  dashpattern(on 3 off 3);
  draw subpath (1, 3) of q;
endfig;
end
"""


def mp_traced(n: int) -> str:
    body = ["tracingequations := 1; tracingonline := 1;", "beginfig(1);"]
    for i in range(1, n + 1):
        body.append(f"  z{i} = ({i}*10, {i % 7}*10);")
        body.append(f"  x{i + n} = x{i} + {(i * 3) % 11};  y{i + n} = y{i} - 5;")
        if i % 17 == 0:
            body.append(f"  x{i} = {i * 10 + 1};")  # an inconsistent equation put in
        body.append(f"  draw z{i}--z{i + n};")
    body += ["endfig;", "end"]
    return "\n".join(body) + "\n"


def step_metapost(tmp: Path) -> None:
    if not cm.have("mpost", "metapost-run"):
        return
    root = tmp / "glasshouse-mp"
    write_tree(root, {"figs.mp": MP_FIGS, "traced.mp": mp_traced(450), "traced_small.mp": mp_traced(160)})
    mp = "mpost -interaction=nonstopmode"
    cap("mpost-figs", f"{mp} figs.mp", root, n_metapost_run)
    cap("mpost-figs-log", "cat figs.log", root, n_metapost_log)
    cap("mpost-traced-tail", f"{mp} traced.mp | tail -n 200; echo EXIT=$?", root, n_metapost_run)
    cap("mpost-traced-log", "cat traced.log", root, n_metapost_log)
    cap("mpost-traced-small", f"{mp} traced_small.mp", root, n_metapost_run)


# ------------------------------------------------------------------ matplotlib scripts

MPL_DASH = r'''"""Render the greenhouse dashboard: one figure per bench and sensor."""
import csv
import sys
import traceback
import warnings

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

warnings.simplefilter("always")
rows = list(csv.DictReader(open("data/readings.csv")))
benches = sorted({r["bench"] for r in rows})
saved = failed = 0
for bench in benches:
    sub = [r for r in rows if r["bench"] == bench]
    for col in ("temp_c", "humidity_pct", "co2_ppm", "lux", "soil_moisture"):
        try:
            ys = np.array([float(r[col]) for r in sub])
            xs = np.arange(len(ys))
            fig, ax = plt.subplots(figsize=(4, 2))
            ax.plot(xs, ys, label=col)
            if col == "lux":
                ax.set_yscale("log")
                ax.set_ylim(0, ys.max())
            if col == "co2_ppm":
                ax.legend(handles=[])
            ax.set_title(f"{bench} {col} \u2713\U0001F331")
            fig.tight_layout(rect=(0, 0, 1.4, 1))
            fig.savefig(f"out/{bench}_{col}.png", dpi=40)
            print(f"saved out/{bench}_{col}.png")
            saved += 1
        except Exception as e:
            print(f"FAIL {bench} {col}: {type(e).__name__}: {e}")
            if bench == benches[0]:
                traceback.print_exc()
            failed += 1
print(f"done: {saved} saved, {failed} failed")
'''

MPL_HEAT = r'''"""Heatmap of temperature by bench and hour."""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(226)
grid = 18 + 6 * rng.random((12, 24))
grid[3, 5] = np.nan
fig, ax = plt.subplots()
im = ax.imshow(grid, cmap="viridis", norm=matplotlib.colors.LogNorm(vmin=-1, vmax=30))
ax.set_xticks(range(24), labels=[f"{h:02d}" for h in range(25)])
fig.colorbar(im)
fig.savefig("out/heat.png")
print("saved out/heat.png")
'''

MPL_SCATTER = r'''"""Scatter of humidity against temperature per bench, with a fitted line."""
import csv
import warnings
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

warnings.simplefilter("always")
rows = list(csv.DictReader(open("data/readings.csv")))
for n, bench in enumerate(sorted({r["bench"] for r in rows})):
    sub = [r for r in rows if r["bench"] == bench]
    t = np.array([float(r["temp_c"]) for r in sub])
    h = np.array([float(r["humidity_pct"]) for r in sub])
    fig, ax = plt.subplots()
    ax.scatter(t, h, c="tab:green", cmap="viridis", s=4)
    ax.plot(t, np.polyval(np.polyfit(t, h, 1), t), "r-", color="blue")
    fig.savefig(f"out/scatter_{bench}.png", dpi=30)
    print(f"saved out/scatter_{bench}.png")
t = np.array([float(r["temp_c"]) for r in rows])
fig, ax = plt.subplots()
ax.plot(t, np.array([float(r["humidity_pct"]) for r in rows[:-3]]))
'''


def readings_csv(rnd: random.Random, benches: int, n: int) -> str:
    out = ["bench,hour,temp_c,humidity_pct,co2_ppm,lux,soil_moisture"]
    for b in range(benches):
        for i in range(n):
            h = i * 0.5
            lux = max(0, int(30000 * math.sin((h % 24 - 6) / 12 * math.pi))) if 6 <= h % 24 <= 18 else 0
            soil = f"{rnd.uniform(20, 45):.1f}" if (b != 2 or i % 9) else "n/a"
            out.append(f"B{b:02d},{h:.1f},{18 + 6 * math.sin(h / 4) + rnd.gauss(0, .5):.2f},"
                       f"{70 + rnd.gauss(0, 5):.1f},{420 + rnd.randint(0, 300)},{lux},{soil}")
    return "\n".join(out) + "\n"


def step_matplotlib(tmp: Path) -> None:
    root = tmp / "glasshouse-mpl"
    rnd = random.Random(2263)
    write_tree(root, {"data/readings.csv": readings_csv(rnd, 6, 48), "plots/dashboard.py": MPL_DASH,
                      "plots/heatmap.py": MPL_HEAT, "plots/scatter.py": MPL_SCATTER})
    (root / "out").mkdir(exist_ok=True)
    py = VENV / "bin" / "python"
    env = {"MPLCONFIGDIR": str(tmp / "mplconfig")}
    cap("mpl-dashboard", f"{py} plots/dashboard.py", root, n_matplotlib_script, env=env,
        typed="python plots/dashboard.py")
    cap("mpl-heatmap-exit", f"{py} plots/heatmap.py; echo EXIT=$?", root, n_matplotlib_script, env=env,
        typed="python plots/heatmap.py; echo EXIT=$?")
    cap("mpl-scatter-tail", f"{py} plots/scatter.py 2>&1 | tail -n 60", root, n_matplotlib_script, env=env,
        typed="python plots/scatter.py 2>&1 | tail -n 60")


# ------------------------------------------------------------------ Vega-Lite specs

def vl(mark, enc, data=None, **extra) -> str:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "data": data or {"url": "data/readings.csv"}, "mark": mark, "encoding": enc}
    spec.update(extra)
    return json.dumps(spec, indent=2) + "\n"


VL_SPECS = {
    "specs/temp_line.vl.json": vl("line", {"x": {"field": "hour", "type": "quantitative"},
                                           "y": {"field": "temp_c", "type": "quantitative"},
                                           "color": {"field": "bench", "type": "nominal"}}),
    "specs/co2_bar.vl.json": vl("barr", {"x": {"field": "bench", "type": "nominal"},
                                         "y": {"aggregate": "mean", "field": "co2_ppm", "type": "quantitative"}}),
    "specs/lux_log.vl.json": vl("point", {"x": {"field": "hour", "type": "quantitative"},
                                          "y": {"field": "lux", "type": "quantitative", "scale": {"type": "log"}},
                                          "color": {"field": "bench", "type": "ordinal",
                                                    "scale": {"type": "log"}}}),
    "specs/soil_time.vl.json": vl("line", {"x": {"field": "hour", "type": "temporal", "timeUnit": "fortnight"},
                                           "y": {"field": "soil_moisture", "type": "quantitative"}}),
    "specs/missing_data.vl.json": vl("area", {"x": {"field": "hour", "type": "quantitative"},
                                              "y": {"field": "humidity", "type": "quantitative"}},
                                     data={"url": "data/readings_2025.csv"}),
    "specs/facet.vl.json": vl("bar", {"x": {"field": "hour", "type": "ordinal", "bin": {"maxbins": 24}},
                                      "y": {"aggregate": "count", "type": "quantitative"},
                                      "row": {"field": "bench", "type": "nominal"},
                                      "size": {"field": "bench", "type": "nominal"}}),
    "specs/broken.vl.json": vl("tick", {"x": {"field": "temp_c", "type": "quantitative"}})[:-12] + "\n",
    "specs/layered.vl.json": json.dumps({"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                                         "data": {"url": "data/readings.csv"},
                                         "layer": [{"mark": "line", "encoding": {
                                             "x": {"field": "hour", "type": "quantitative"},
                                             "y": {"field": "temp_c", "type": "quantitative"}}},
                                             {"mark": "rule", "encoding": {
                                                 "y": {"datum": 28}, "strokeDash": {"value": "4,2"},
                                                 "shape": {"field": "bench"}}}]}, indent=2) + "\n",
}


def step_vega(tmp: Path) -> None:
    if not cm.have("vl2svg", "vega-lite-cli"):
        return
    root = tmp / "glasshouse-vega"
    rnd = random.Random(2264)
    files = dict(VL_SPECS)
    files["data/readings.csv"] = readings_csv(rnd, 4, 48)
    write_tree(root, files)
    (root / "out").mkdir(exist_ok=True)
    loop = ('for s in specs/*.vl.json; do echo "== $s"; vl2svg "$s" > "out/$(basename "$s" .vl.json).svg"; '
            'echo "exit=$?"; done')
    cap("vl2svg-specs-loop", loop, root, n_vega_cli, timeout=300)
    cap("vl2vg-broken-exit", "vl2vg specs/broken.vl.json; vl2vg specs/co2_bar.vl.json; echo EXIT=$?", root, n_vega_cli)
    cap("vl2svg-soil-head", "vl2svg specs/soil_time.vl.json 2>&1 >/dev/null | head -n 40", root, n_vega_cli)
    cap("vl2vg-lux-pretty-head", "vl2vg -p specs/lux_log.vl.json 2>&1 | head -n 150", root, n_vega_cli)
    cap("vl2vg-loop-grep", 'for s in specs/*.vl.json; do echo "== $s"; vl2vg "$s" >/dev/null; echo "exit=$?"; done '
        "2>&1 | grep -iE 'error|warn|^==|exit='", root, n_vega_cli, timeout=300)


STEPS = [step_gnuplot_errors, step_gnuplot_fits, step_gnuplot_tables, step_asymptote, step_metapost,
         step_matplotlib, step_vega]
