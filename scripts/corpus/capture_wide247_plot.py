"""Round 247, third samples of round 226's kinds: `tidewater`, an island ferry line of this round's own. Its dashboards
in gnuplot (tide gauge and crossing scripts with other errors, tide and fuel fits, `set table` output of other
curves), Asymptote and MetaPost figures of its slipways and hulls with other faults, matplotlib scripts over its
passenger counts that warn and fail in other ways, Vega-Lite specs of sailings; its booking system drawn in PlantUML,
its quays, ticket flows and radio networks in blockdiag's family, its route map in Graph::Easy. All data is written
here by seeded generators. The needles come from round 226's extractors, imported as they are (NEEDLES.md,
"Round 247"). Run through capture_wide247.py."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from capture_more import write_tree
from capture_wide226 import VENV
from capture_wide226_diag import (n_blockdiag_batch, n_blockdiag_debug, n_graph_easy_error, n_plantuml_check,
                                  n_plantuml_syntax, render_extractor, utxt_extractor)
from capture_wide226_plot import (n_asymptote, n_gnuplot_error, n_gnuplot_fit, n_gnuplot_table, n_matplotlib_script,
                                  n_metapost_log, n_metapost_run, n_vega_cli)
from capture_wide247 import cap

LOOP = 'for f in {glob}; do echo "== $f"; {cmd} "$f"; echo "exit=$?"; done'
PORTS = ["Porthcressa", "Hugh Town", "Tresco Quay", "Bryher", "St Agnes", "St Martins", "Old Grimsby", "New Grimsby",
         "Lower Town", "Higher Town", "Carn Near", "Periglis", "Watermill", "Pelistry", "Rat Island", "Penninis"]

# ------------------------------------------------------------------ gnuplot: the dashboards


def tide_dat(rnd: random.Random, days: int, amp: float, bad_rows: int = 0) -> str:
    rows = ["# minute height_m wind_kt swell_m passengers"]
    for i in range(days * 144):
        t = i * 10
        h = 2.9 + amp * math.cos(2 * math.pi * t / 745.2) + 0.4 * math.cos(2 * math.pi * t / 720) + rnd.gauss(0, 0.05)
        rows.append(f"{t} {h:.3f} {max(0, rnd.gauss(14, 6)):.1f} {abs(rnd.gauss(1.2, 0.5)):.2f} {rnd.randint(0, 160)}")
    for _ in range(bad_rows):
        k = rnd.randrange(1, len(rows))
        rows[k] = rows[k].split()[0] + " n/a"
    return "\n".join(rows) + "\n"


GP = "set terminal dumb size 120,32\n"
GP_SCRIPTS = {
    "dash/tide.gp": GP + "set title 'Hugh Town gauge'\nplot 'data/hugh.dat' using 1:2 with lines t 'height'\n"
    "set title 'Tresco gauge'\nplot 'data/tresco.dat' using 1:2 with lines t 'height'\n"
    "set format y '%.1f m\nplot 'data/tresco.dat' using 1:3 with dots\n",
    "dash/wind.gp": GP + "set title 'Wind'\nplot 'data/hugh.dat' using 1:3 with lines lt 3\n"
    "plot 'data/hugh.dat' using 1:3 with linespoints pt 7 ps sizee\n"
    "set logscale y 1\nplot 'data/hugh.dat' using 1:4 w l\n",
    "dash/swell.gp": GP + "set title 'Swell'\nset grid xtcis\nplot 'data/agnes.dat' using 1:4 with lines\n",
    "dash/load.gp": GP + "load(p, cap) = 100.0 * p / cap\nset title 'Load factor'\n"
    "plot 'data/hugh.dat' using 1:(load($5, 160)) with boxes\n"
    "plot 'data/hugh.dat' using 1:(load($5, 160, 2)) with boxes\n",
    "dash/fortnight.gp": GP + "set title 'Fortnight'\nset xrange [0:20160]\nset xtics 2880\n"
    "plot 'data/hugh.dat' u 1:2 w l, 'data/tresco.dat' u 1:2 w l, 'data/agnes.dat' u 1:2 w l\n"
    "set arrow from 0,0 to 100\nreplot\nset xrange [20160:0:5]\nreplot\n",
    "dash/grid.gp": GP + "set view map\nset title 'Swell grid'\nsplot 'data/grid.dat' matrix with image\n"
    "set palette defined (0 'navy', 1 'white' 2 'red')\nreplot\n",
    "dash/stats.gp": GP + "stats 'data/agnes.dat' using 2 name 'A' nooutput\n"
    "print sprintf('mean tide %.2f m over %d rows', A_mean, A_records)\n"
    "stats 'data/agnes.dat' using 5:7\nprint A_max_y\n",
    "dash/sailings.gp": GP + "set style data histograms\nset style histogram cluster gap 1\n"
    "plot 'data/sailings.dat' using 2:xtic(1) t 'summer', '' using 3 t 'winter'\n"
    "plot 'data/sailings.dat' using 2:xtic(1) t 'summer', '' using 3 t 'winter' fs pattern patt\n",
    "dash/macro.gp": GP + "set macros\nstyle = 'with lines lw 2'\nplot 'data/hugh.dat' using 1:2 @style\n"
    "plot 'data/hugh.dat' using 1:2 @styel\n",
    "dash/do.gp": GP + "do for [p in 'hugh tresco agnes ghost'] {\n"
    "  set title p\n  plot sprintf('data/%s.dat', p) using 1:2 w l notitle\n}\n",
}


def step_gnuplot_errors(tmp: Path) -> None:
    root = tmp / "tide-dash"
    rnd = random.Random(2471)
    files = {"data/hugh.dat": tide_dat(rnd, 14, 2.3), "data/tresco.dat": tide_dat(rnd, 10, 2.1),
             "data/agnes.dat": tide_dat(rnd, 5, 2.4, bad_rows=12),
             "data/grid.dat": "\n".join(" ".join(f"{abs(rnd.gauss(1.5, 0.8)):.2f}" for _ in range(20))
                                        for _ in range(16)) + "\n",
             "data/sailings.dat": "".join(f"{p.replace(' ', '_')} {rnd.randint(20, 140)} {rnd.randint(2, 40)}\n"
                                          for p in PORTS[:10])}
    files.update(GP_SCRIPTS)
    write_tree(root, files)
    cap("gnuplot-dash-loop-tail", LOOP.format(glob="dash/*.gp", cmd="gnuplot") + " 2>&1 | tail -n 400", root,
        n_gnuplot_error)
    cap("gnuplot-fortnight-exit", "gnuplot dash/fortnight.gp dash/do.gp 2>&1 | tail -n 120; echo EXIT=$?", root,
        n_gnuplot_error)


def step_gnuplot_fits(tmp: Path) -> None:
    root = tmp / "tide-fits"
    rnd = random.Random(2472)
    files = {"data/tide.dat": "# hour height\n" + "".join(
        f"{h * 0.25:.2f} {2.9 + 2.2 * math.cos(2 * math.pi * (h * 0.25 - 3.1) / 12.42) + rnd.gauss(0, 0.08):.3f}\n"
        for h in range(300)),
             "data/fuel.dat": "# knots litres_per_nm\n" + "".join(
        f"{k * 0.2:.1f} {3.5 + 0.021 * (k * 0.2) ** 2.6 + rnd.gauss(0, 0.3):.3f}\n" for k in range(20, 80)),
             "data/flat.dat": "".join(f"{i} 7.0\n" for i in range(40))}
    files["fits/tide.gp"] = ("set fit logfile 'tide.log'\nf(x) = m + a*cos(2*pi*(x - p)/T)\n"
                             "m = 3; a = 2; p = 2; T = 12\nfit f(x) 'data/tide.dat' using 1:2 via m, a, p, T\n"
                             "print sprintf('period %.3f h', T)\n"
                             "g(x) = m + a*cos(2*pi*(x-p)/T) + b*cos(4*pi*(x-q)/T)\nb = 0.1; q = 1\n"
                             "FIT_MAXITER = 5\nfit g(x) 'data/tide.dat' using 1:2 via m, a, p, b, q\n"
                             "fit f(x) 'data/tide.dat' using 1:2 via m, a, phase\n")
    files["fits/fuel.gp"] = ("set fit logfile 'fuel.log'\nc(x) = c0 + c1*x**e\nc0 = 1; c1 = 1; e = 1\n"
                             "fit c(x) 'data/fuel.dat' using 1:2 via c0, c1, e\n"
                             "k(x) = u*exp(v*x)\nu = 1; v = 1\nfit k(x) 'data/flat.dat' using 1:2 via u, v\n"
                             "s(x) = r*x + t*x\nr = 1; t = 1\nfit s(x) 'data/fuel.dat' using 1:2 via r, t\n"
                             "fit c(x) 'data/fuel.dat' using 1:2:4 yerror via c0, c1, e\n")
    write_tree(root, files)
    cap("gnuplot-fit-tide-exit", "gnuplot fits/tide.gp 2>&1 | tail -n 150; echo EXIT=$?", root, n_gnuplot_fit)
    cap("gnuplot-fit-fuel-log", "gnuplot fits/fuel.gp > /dev/null 2>&1; cat fuel.log", root, n_gnuplot_fit)


def step_gnuplot_tables(tmp: Path) -> None:
    root = tmp / "tide-tables"
    rnd = random.Random(2473)
    write_tree(root, {
        "data/hugh.dat": tide_dat(rnd, 2, 2.3),
        "data/crossings.dat": "".join(f"{i} {rnd.choice([0, 1, 2, 4, 6])} {rnd.randint(0, 95)}\n" for i in range(220)),
        "tables/fares.gp": "set samples 90\nset xrange [-2:12]\nset yrange [0:40]\nset table\n"
        "plot 4 + 1.8*x title 'adult', 2 + 0.9*x title 'child', 30/(x-5) title 'day return', "
        "sqrt(x)*6 title 'islander', exp(x/3) title 'freight'\nunset table\n",
        "tables/per_leg.gp": "set yrange [0:50]\nset table\n"
        "plot 'data/crossings.dat' using 1:($3/$2) title 'pax per leg', 'data/crossings.dat' using 1:($3/$6) "
        "title 'missing col'\nunset table\n",
        "tables/tide_smooth.gp": "set table\nplot 'data/hugh.dat' using 1:2 smooth csplines title 'height', "
        "'data/hugh.dat' using 1:4 smooth bezier title 'swell'\nunset table\n",
    })
    cap("gnuplot-table-fares", "gnuplot tables/fares.gp 2>&1", root, n_gnuplot_table)
    cap("gnuplot-table-legs-smooth-grep", "gnuplot tables/per_leg.gp tables/tide_smooth.gp 2>&1 | grep -vE '^$' | "
        "head -n 600", root, n_gnuplot_table)


# ------------------------------------------------------------------ Asymptote and MetaPost

ASY = {
    "figs/slipway.asy": "size(7cm);\nreal w = 0.5;\nfor (int i = 0; i < 14; ++i)\n"
    "  fill(shift(i*w, -i*0.2)*scale(0.45, 0.15)*unitsquare, i % 5 == 0 ? lightgray : gray);\n"
    "label(\"Hugh Town slip\", (3, 1), N);\ndraw((0,0)--(7,-2.8), linewidth(1bp))\nlabel(\"low water\", (6,-3), S);\n",
    "figs/hull.asy": "size(8cm);\npath hull = (0,0){right}..(4,-1)..(8,0)--(8,1.2)--(0,1.2)--cycle;\n"
    "draw(hull, navy+1bp);\nfill(hull, paleblue);\ndraw((2,1.2)--(2,2.6), brown);\nlabel(\"Scillonian\", (4, 0.4));\n"
    "draw(hull, linewidth(deck_pen));\n",
    "figs/tide.asy": "size(10cm, 5cm, IgnoreAspect);\nimport graph;\n"
    "real h(real t) { return 2.9 + 2.2*cos(2*pi*(t-3.1)/12.42); }\n"
    "draw(graph(h, 0, 48), deepblue);\nxaxis(\"hour\", BottomTop, LeftTicks);\nyaxis(\"m\", LeftRight, RightTicks);\n"
    "int springs = \"14\";\n",
    "figs/chart.asy": "size(6cm);\npair[] buoys = {(0,0), (1,1.5), (2.5,1), (3.2,-0.4)};\n"
    "for (pair b : buoys) dot(b, red);\ndraw(operator ..(... buoys), dashed);\nlabel(\"fairway\", buoys[9], NE);\n",
    "figs/compass.asy": "size(4cm);\nfor (int k = 0; k < 16; ++k) draw((0,0)--(k % 2 == 0 ? 1 : 0.6)*dir(k*22.5));\n"
    "draw(unitcircle);\nlabel(\"N\", (0,1.1), N;\n",
    "figs/keys.asy": "size(4cm);\ndraw((0,0)--(1,0), blue, \"summer\");\ndraw((0,0.5)--(1,0.5), red, \"winter\");\n"
    "add(legend(2), (2,0));\ndraw((0,1)--(1,1), green, legend=\"freight\");\n",
    "figs/route3d.asy": "size(5cm);\nimport three;\ncurrentprojection = orthographic(3,2,1);\n"
    "draw((0,0,0)--(1,1,0)--(2,1,1), blue);\ndot((2,1,1), red);\n",
}


def step_asymptote(tmp: Path) -> None:
    root = tmp / "tide-asy"
    write_tree(root, ASY)
    cap("asy-figs-loop", LOOP.format(glob="figs/*.asy", cmd="asy -vv -f eps") + " 2>&1 | grep -vE '^\\s*$' | "
        "tail -n 150", root, n_asymptote, timeout=400)
    cap("asy-hull-tide-exit", "asy -vv -f eps figs/hull.asy figs/tide.asy figs/chart.asy figs/compass.asy; "
        "echo EXIT=$?", root, n_asymptote, timeout=400)


MP = r"""prologues := 3;
outputtemplate := "%j-%c.svg";
outputformat := "svg";
u := 7mm;
beginfig(1);  % the quay
  for i = 0 upto 11: draw unitsquare xscaled 0.7u yscaled 0.4u shifted (i*0.75u, 0); endfor
  label.top("Hugh Town quay", (4.5u, 0.5u);
endfig;
beginfig(2);  % a bollard ring
  path ring; ring = fullcircle scaled 3u;
  draw ring; for k = 0 upto 15: draw origin -- point (k/2) of ring; endfor
  fill bollard withcolor 0.5white;
endfig;
beginfig(3);  % the crossing
  z0 = (0,0); z1 = (3u, 2u); z2 = (6u, 0); x1 = 4u;
  draw z0{up}..z1..{down}z2;
  drawarrow z2 -- z7 dashed evenly;
endfig;
beginfig(4);  % a hull section
  pair p, q; p = (0,0); q = (4u, 0);
  draw p -- q -- r -- cycle;
  draw p -- q withcolor (1, 0.2, 0.2, 0.5);
  z10 = (1u, 1u); z10 = (1u, 1u + 0);
  x11 + y11 = 2u; x11 - y11 = 0; 2x11 = 2u + 1;
endfig;
beginfig(5);
  numeric depth[]; depth[1] = 4; depth[2] = depth[1] + ;
  draw (0,0) -- (depth[1]*u, depth[2]*u);
endfig;
end
"""


def mp_mesh(n: int) -> str:
    body = ["tracingequations := 1; tracingonline := 1; tracingcapsules := 1;", "beginfig(1);"]
    for i in range(1, n + 1):
        body.append(f"  z{i} = ({i}*6, {(i * 11) % 17}*5);")
        body.append(f"  x{i + n} = x{i} + {(i * 3) % 7}; y{i + n} - y{i} = 5;")
        if i % 31 == 0:
            body.append(f"  x{i} = {i * 6 + 2};")
        body.append(f"  draw z{i}--z{i + n};")
    body += ["endfig;", "end"]
    return "\n".join(body) + "\n"


def step_metapost(tmp: Path) -> None:
    root = tmp / "tide-mp"
    write_tree(root, {"quay.mp": MP, "mesh.mp": mp_mesh(380)})
    mp = "mpost -interaction=nonstopmode"
    cap("mpost-quay-exit", f"{mp} quay.mp; echo EXIT=$?", root, n_metapost_run)
    cap("mpost-mesh-log-head", f"{mp} mesh.mp >/dev/null 2>&1; head -n 900 mesh.log", root, n_metapost_log)


# ------------------------------------------------------------------ matplotlib

MPL_SAILINGS = r'''"""One figure per port and measure: passengers, cars, freight tonnes and delay minutes per sailing."""
import csv
import traceback
import warnings

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

warnings.simplefilter("always")
rows = list(csv.DictReader(open("data/sailings.csv")))
ports = sorted({r["port"] for r in rows})
saved = failed = 0
for port in ports:
    sub = [r for r in rows if r["port"] == port]
    for col in ("passengers", "cars", "freight_t", "delay_min"):
        try:
            ys = np.array([float(r[col]) for r in sub])
            fig, ax = plt.subplots(figsize=(4, 2))
            ax.bar(np.arange(len(ys)), ys, color="navy", colour="navy") if col == "cars" else ax.plot(ys, "b--", linestyle=":")
            if col == "delay_min":
                ax.set_xlim(len(ys), len(ys))
                ax.set_yscale("log")
            if col == "freight_t":
                ax.legend(["freight"], loc="upper centre")
            ax.set_title(f"{port}: {col}")
            fig.savefig(f"out/{port}_{col}.png", dpi=30)
            print(f"saved out/{port}_{col}.png")
            saved += 1
        except Exception as e:
            print(f"FAIL {port} {col}: {type(e).__name__}: {e}")
            if port == ports[0]:
                traceback.print_exc()
            failed += 1
        finally:
            plt.close("all")
print(f"done: {saved} saved, {failed} failed")
'''

MPL_TIDES = r'''"""Tide curve with high-water markers, a wind rose and a table of springs."""
import csv
import warnings
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

warnings.simplefilter("always")
rows = list(csv.DictReader(open("data/gauge.csv")))
h = np.array([float(r["height"]) for r in rows])
fig, ax = plt.subplots()
ax.plot(h, "-", color="teal")
ax.axhline(np.nanmax(h), ls="--")
ax.set_ylim(6, 0)
fig.savefig("out/tide.png", dpi=30)
print("saved out/tide.png")
wind = np.array([float(r["wind_dir"]) for r in rows])
fig = plt.figure()
ax = fig.add_subplot(projection="polar")
ax.hist(np.radians(wind), bins=16, density=True, normed=True)
fig.savefig("out/rose.png", dpi=30)
print("saved out/rose.png")
fig, ax = plt.subplots()
ax.table(cellText=[[1, 2], [3]], loc="center")
fig.savefig("out/springs.png", dpi=30)
print("saved out/springs.png")
'''


def sailings_csv(rnd: random.Random, n_ports: int, n: int) -> str:
    out = ["port,sailing,passengers,cars,freight_t,delay_min"]
    for p in PORTS[:n_ports]:
        for i in range(n):
            delay = "" if (p == "Bryher" and i % 13 == 5) else str(rnd.choice([0, 0, 0, 5, 15, 40]))
            cars = "-" if (p == "St Agnes" and i == 7) else str(rnd.randint(0, 12))
            out.append(f"{p.replace(' ', '_')},{i},{rnd.randint(0, 400)},{cars},{rnd.randint(0, 30)},{delay}")
    return "\n".join(out) + "\n"


def step_matplotlib(tmp: Path) -> None:
    root = tmp / "tide-mpl"
    rnd = random.Random(2474)
    gauge = ["height,wind_dir"] + [f"{2.9 + 2.2 * math.cos(i / 7.4) + rnd.gauss(0, 0.1):.3f},{rnd.randrange(0, 360)}"
                                   for i in range(500)]
    write_tree(root, {"data/sailings.csv": sailings_csv(rnd, 8, 150), "data/gauge.csv": "\n".join(gauge) + "\n",
                      "plots/sailings.py": MPL_SAILINGS, "plots/tides.py": MPL_TIDES})
    (root / "out").mkdir(exist_ok=True)
    py = VENV / "bin" / "python"
    env = {"MPLCONFIGDIR": str(tmp / "mplconfig")}
    cap("mpl-sailings-tail", f"{py} plots/sailings.py 2>&1 | tail -n 160", root, n_matplotlib_script, env=env,
        typed="python plots/sailings.py 2>&1 | tail -n 160")
    cap("mpl-tides-exit", f"{py} plots/tides.py; echo EXIT=$?", root, n_matplotlib_script, env=env,
        typed="python plots/tides.py; echo EXIT=$?")


# ------------------------------------------------------------------ Vega-Lite

def vl(mark, enc, data=None, **extra) -> str:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "data": data or {"url": "data/legs.csv"}, "mark": mark, "encoding": enc}
    spec.update(extra)
    return json.dumps(spec, indent=2) + "\n"


SPECS = {
    "vl/pax_bins.vl.json": vl("bar", {"x": {"field": "pax", "type": "quantitative", "bin": {"maxbins": 25}},
                                      "y": {"aggregate": "count", "type": "quantitative"}}),
    "vl/by_port.vl.json": vl("bar", {"y": {"field": "from", "type": "nominal", "sort": "-xx"},
                                     "x": {"aggregate": "mean", "field": "pax", "type": "quantitative"}}),
    "vl/vessel_arc.vl.json": vl("arc", {"theta": {"aggregate": "sum", "field": "pax", "type": "quantitative"},
                                        "color": {"field": "vessel", "type": "nominal"},
                                        "y": {"field": "delay", "type": "quantitative"}}),
    "vl/daily.vl.json": vl("line", {"x": {"field": "sailed", "type": "temporal", "timeUnit": "yearmonthdayz"},
                                    "y": {"aggregate": "sum", "field": "pax", "type": "quantitative"}}),
    "vl/delay_scatter.vl.json": vl("point", {"x": {"field": "delay", "type": "quantitative",
                                                   "scale": {"type": "sqrt", "domain": [-5, 60]}},
                                             "y": {"field": "pax", "type": "quantitative"},
                                             "size": {"field": "vessel", "type": "nominal"}}),
    "vl/archive.vl.json": vl("tick", {"x": {"field": "pax", "type": "quantitative"}},
                             data={"url": "data/legs_2019.csv"}),
    "vl/cut.vl.json": vl("bar", {"x": {"field": "from", "type": "nominal"}})[:-25] + "\n",
    "vl/layers.vl.json": json.dumps({"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                                     "data": {"url": "data/legs.csv"},
                                     "layer": [{"mark": "bar", "encoding": {
                                         "x": {"field": "from", "type": "nominal"},
                                         "y": {"aggregate": "sum", "field": "pax", "type": "quantitative"}}},
                                         {"mark": "rule", "encoding": {
                                             "y": {"aggregate": "mean", "field": "pax"},
                                             "strokeDash": {"field": "delay", "type": "quantitative"}}}]},
                                    indent=2) + "\n",
    "vl/heat.vl.json": vl("rect", {"x": {"field": "from", "type": "nominal"}, "y": {"field": "to", "type": "nominal"},
                                   "color": {"aggregate": "count", "type": "quantitative",
                                             "scale": {"scheme": "tealblues"}}}),
    "vl/facet.vl.json": vl("bar", {"x": {"field": "pax", "type": "quantitative", "bin": True},
                                   "y": {"aggregate": "count"}, "row": {"field": "vessel", "type": "nominal"},
                                   "shape": {"field": "from", "type": "nominal"}}),
}


def step_vega(tmp: Path) -> None:
    root = tmp / "tide-vega"
    rnd = random.Random(2475)
    rows = ["from,to,vessel,pax,delay,sailed"] + [
        f"{rnd.choice(PORTS[:8])},{rnd.choice(PORTS[:8])},{rnd.choice(['Gry Maritha', 'Lyonesse Lady', 'Sapphire'])},"
        f"{rnd.randint(0, 120)},{rnd.choice([0, 0, 5, 10, 25])},2026-0{rnd.randint(4, 9)}-{rnd.randint(1, 28):02d}"
        for _ in range(350)]
    files = dict(SPECS)
    files["data/legs.csv"] = "\n".join(rows) + "\n"
    write_tree(root, files)
    (root / "out").mkdir(exist_ok=True)
    cap("vl2svg-loop-exit", 'for s in vl/*.vl.json; do echo "== $s"; vl2svg "$s" > "out/$(basename "$s" .vl.json).svg"; '
        'echo "exit=$?"; done 2>&1 | tail -n 200; echo EXIT=$?', root, n_vega_cli, timeout=400)
    cap("vl2vg-cut-layers", "vl2vg vl/cut.vl.json; vl2vg -p vl/layers.vl.json | head -n 120; vl2vg vl/archive.vl.json "
        "| vg2svg; echo EXIT=$?", root, n_vega_cli, timeout=300)


# ------------------------------------------------------------------ PlantUML: the booking system

SEQ = """@startuml
title {title}
actor Passenger
participant "Booking Portal" as BP
participant "Fare Engine" as FE
participant "Harbour Office" as HO
database "Manifest Store" as MS
{body}
@enduml
"""


def seq_body(rnd: random.Random, n: int, bad: str = "") -> str:
    msgs = ["search sailings", "quote fare", "hold seats", "pay deposit", "issue ticket", "check tide window",
            "add vehicle", "cancel sailing", "notify delay", "write manifest", "refund fare"]
    out = []
    for i in range(n):
        a, b = rnd.sample(["Passenger", "BP", "FE", "HO", "MS"], 2)
        out.append(f"{a} -> {b} : {rnd.choice(msgs)} #{i}")
        if i % 4 == 1:
            out.append(f"{b} --> {a} : ack #{i}")
        if i % 7 == 3:
            out.append(f"note over {a}, {b} : tide gate {i % 5}")
        if i == n // 2 and bad:
            out.append(bad)
    return "\n".join(out)


CLASSES = """@startuml
class Vessel {
  +name : str
  +capacity : int
  +draught_m : float
}
class Sailing {
  +departs : datetime
  +from_port : str
  +to_port : str
}
class Ticket {
  +code : str
  +fare : decimal
}
class Passenger {
  +islander : bool
}
Vessel "1" -- "many" Sailing
Sailing o-- Ticket
Passenger --> Ticket
{extra}
@enduml
"""

STATES = """@startuml
[*] --> Moored
Moored --> Boarding : gangway down
Boarding --> Sailing : cast off
Sailing --> Moored : arrived
Sailing --> Diverted : swell
Diverted --> Moored
{extra}
@enduml
"""


def puml(rnd: random.Random) -> dict[str, str]:
    f = {}
    bads = ["", "", "BP -> : lost target", "", "HO -> -> FE : double", "", "", "participan Coastguard", "", "",
            "loop no end", ""]
    for i, bad in enumerate(bads):
        f[f"uml/booking_{i:02d}.puml"] = SEQ.format(title=f"Booking flow {i}", body=seq_body(rnd, 12 + 4 * i, bad))
    f["uml/model.puml"] = CLASSES.replace("{extra}", "Ticket --> Vessel : boards")
    f["uml/model_bad.puml"] = CLASSES.replace("{extra}", "class Freight {\n  +tonnes : int\n")
    f["uml/vessel_states.puml"] = STATES.replace("{extra}", "Moored --> [*]")
    f["uml/vessel_states_bad.puml"] = STATES.replace("{extra}", "Diverted => Sailing")
    return f


def step_plantuml(tmp: Path) -> None:
    root = tmp / "tide-uml"
    write_tree(root, puml(random.Random(2476)))
    (root / "out").mkdir(exist_ok=True)
    cap("plantuml-v-grep-exit", "plantuml -v -tsvg -o ../out uml/*.puml 2>&1 | grep -E 'Working on|Error|Found|"
        "Some diag|Exception'; echo EXIT=$?", root, n_plantuml_check, timeout=300)
    cap("plantuml-syntax-loop-head", 'for f in uml/*.puml; do echo "== $f"; plantuml -syntax < "$f"; echo; done | '
        'head -n 100', root, n_plantuml_syntax, timeout=300)
    cap("plantuml-utxt-booking", "plantuml -tutxt -pipe < uml/booking_11.puml", root,
        utxt_extractor(["Passenger", "Booking Portal", "Fare Engine", "Harbour Office", "Manifest Store"]))


# ------------------------------------------------------------------ blockdiag's family

def diag_files(rnd: random.Random) -> dict[str, str]:
    f = {}
    for i in range(8):
        edges = [f"  \"{PORTS[j]}\" -> pier{j % 3} -> tractor{j % 2};" for j in range(4 + i)]
        if i == 1:
            edges.append("  pier0 [shape = hexagon];")
        if i == 3:
            edges.append("  pier1 -> tractor0 [style = zigzag];")
        if i == 5:
            edges.append("  tractor1 -> -> pier2;")
        f[f"quays/yard_{i}.diag"] = "blockdiag {\n" + "\n".join(edges) + ("\n}\n" if i != 6 else "\n")
    for i in range(7):
        msgs = [f"  kiosk -> till{j} [label = \"sell {j}\"];\n  kiosk <-- till{j};" for j in range(3 + i)]
        if i == 2:
            msgs.append("  kiosk -> bank [labl = \"settle\"];")
        if i == 4:
            msgs.append("  kiosk -> bank [label = \"settle\"")
        f[f"tickets/sale_{i}.diag"] = "seqdiag {\n" + "\n".join(msgs) + "\n}\n"
    for i in range(5):
        body = (f"  network vhf{i} {{\n    address = \"10.44.{i}.0/24\";\n"
                + "".join(f"    radio{j} [address = \"10.44.{i}.{j + 10}\"];\n" for j in range(6)) + "  }")
        if i == 1:
            body += "\n  network sat { address = 10.300.0.0/24; radio0; }"
        if i == 3:
            body += "\n  network vhf3 { radio9 [addres = \"10.44.3.99\"]; }"
        f[f"radio/site_{i}.diag"] = "nwdiag {\n" + body + "\n}\n"
    for i in range(3):
        lanes = "\n".join(f"  lane L{k} {{ a{k} -> b{k}; }}" for k in range(2 + i))
        f[f"radio/act_{i}.diag"] = "actdiag {\n" + lanes + ("\n  b0 -> a9 -> ;" if i == 1 else "") + "\n}\n"
    return f


def step_blockdiag(tmp: Path) -> None:
    root = tmp / "tide-diag"
    write_tree(root, diag_files(random.Random(2477)))
    (root / "out").mkdir(exist_ok=True)
    loop = ('for f in quays/*.diag tickets/*.diag radio/*.diag; do echo "== $f"; case $f in quays/*) t=blockdiag;; '
            'tickets/*) t=seqdiag;; radio/act_*) t=actdiag;; *) t=nwdiag;; esac; $t -Tsvg -o "out/$(basename "$f" '
            '.diag).svg" "$f"; echo "exit=$?"; done 2>&1')
    cap("blockdiag-quays-loop", loop, root, n_blockdiag_batch, timeout=400)
    cap("blockdiag-debug-exit", 'for f in quays/yard_5.diag quays/yard_6.diag; do echo "== $f"; blockdiag --debug '
        '-Tsvg -o out/y.svg "$f"; echo "exit=$?"; done; actdiag --debug -Tsvg -o out/a.svg radio/act_1.diag; '
        'echo EXIT=$?', root, n_blockdiag_debug, timeout=300)


# ------------------------------------------------------------------ Graph::Easy

def ge(rnd: random.Random, n: int, bad: int = 0) -> tuple[str, list[str]]:
    hubs = ["Penzance Harbour", "Lands End Airport"]
    lines = ["graph { flow: east; }"]
    labels = []
    for i in range(n):
        lab = f"leg {chr(65 + i % 5)}"
        if lab not in labels:
            labels.append(lab)
        lines.append(f"[ {PORTS[i]} ] -- {lab} --> [ {hubs[i % 2]} ]")
    lines.append("[ Penzance Harbour ] <--> [ Lands End Airport ] { label: coach link; }")
    labels.append("coach link")
    for _ in range(bad):
        j = rnd.randrange(n)
        lines.append(rnd.choice([f"[ {PORTS[j]} ] {{ colour: blue; }}", f"[ {PORTS[j]} ] --> [ Quay",
                                 f"[ Penzance Harbour ] {{ shape: hexagon; }}",
                                 f"[ {PORTS[j]} ] -> [ y ] {{ widht: 4; }}"]))
    return "\n".join(lines) + "\n", PORTS[:n] + hubs + labels


def step_graph_easy(tmp: Path) -> None:
    root = tmp / "tide-ge"
    rnd = random.Random(2478)
    files = {}
    for i in range(12):
        files[f"routes/r_{i:02d}.txt"] = ge(rnd, 3 + i, bad=(i % 3 == 1) * (1 + i % 4))[0]
    big, big_names = ge(rnd, 14)
    files["routes/network.txt"] = big
    write_tree(root, files)
    cap("graph-easy-routes-loop-exit", 'for f in routes/r_*.txt; do echo "== $f"; graph-easy --as=boxart "$f" '
        '>/dev/null; echo "exit=$?"; done 2>&1; echo EXIT=$?', root, n_graph_easy_error)
    cap("graph-easy-network-ascii", "graph-easy --as=ascii routes/network.txt", root, render_extractor(big_names))


STEPS = [step_gnuplot_errors, step_gnuplot_fits, step_gnuplot_tables, step_asymptote, step_metapost,
         step_matplotlib, step_vega, step_plantuml, step_blockdiag, step_graph_easy]
