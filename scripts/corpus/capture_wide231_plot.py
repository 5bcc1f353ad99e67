"""Round 231, second samples of round 226's kinds: `spokes`, a bike-share network of this round's own. Its dashboards
in gnuplot (dock occupancy scripts with other errors, battery discharge and ridership fits, `set table` output of
other curves and data), Asymptote and MetaPost figures of its stations with other faults, matplotlib scripts that warn
and fail in other ways, Vega-Lite specs of trips; its dock controller drawn in PlantUML, its depots, rebalancing flows
and networks in blockdiag's family, its station graph in Graph::Easy. All data is written here by seeded generators.
The needles come from round 226's extractors, imported as they are (NEEDLES.md, "Round 231"). Run through
capture_wide231.py."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from capture_more import write_tree
from capture_wide226_diag import (n_blockdiag_batch, n_blockdiag_debug, n_graph_easy_error, n_plantuml_check,
                                  n_plantuml_syntax, render_extractor, utxt_extractor)
from capture_wide226_plot import (n_asymptote, n_gnuplot_error, n_gnuplot_fit, n_gnuplot_table, n_matplotlib_script,
                                  n_metapost_log, n_metapost_run, n_vega_cli)
from capture_wide231 import VENV, cap

LOOP = 'for f in {glob}; do echo "== $f"; {cmd} "$f"; echo "exit=$?"; done'
STATIONS = ["Quayside", "Old Market", "Riverside", "Cathedral", "University", "Station Road", "Mill Lane",
            "Castle Gate", "Park View", "Harbour", "Museum", "Library", "Hospital", "Stadium", "Canal Basin",
            "Ropewalk", "Tannery", "Brewery Yard"]

# ------------------------------------------------------------------ gnuplot: the dashboards


def docks_dat(rnd: random.Random, days: int, capacity: int, short_rows: int = 0) -> str:
    rows = ["# minute bikes free_docks broken ebikes_charged"]
    bikes = capacity // 2
    for i in range(days * 96):
        h = (i % 96) / 4
        drift = -2 if 7 <= h < 9 else 2 if 17 <= h < 19 else 0
        bikes = max(0, min(capacity, bikes + drift + rnd.choice([-1, 0, 0, 1])))
        broken = rnd.choice([0, 0, 0, 1, 2])
        rows.append(f"{i * 15} {bikes} {capacity - bikes - broken} {broken} {rnd.randint(0, bikes)}")
    for _ in range(short_rows):
        k = rnd.randrange(1, len(rows))
        rows[k] = " ".join(rows[k].split()[:2])
    return "\n".join(rows) + "\n"


GP = "set terminal dumb size 110,30\n"
GP_SCRIPTS = {
    "dash/occupancy.gp": GP + "set title 'Quayside occupancy'\nplot 'data/quayside.dat' using 1:2 with lines t 'bikes'\n"
    "set title 'Harbour occupancy'\nplot 'data/harbour.dat' using 1:2 with lines t 'bikes'\n"
    "set xdata tme\nplot 'data/harbour.dat' using 1:3 with steps t 'free'\n",
    "dash/broken.gp": GP + "set title 'Broken docks'\nplot 'data/museum.dat' using 1:4 with impulses\n"
    "plot 'data/museum.dat' using 1:4 with impulses lc rgb 'orang'\n"
    "plot 'data/museum.dat' using 1:($4/capacity) with lines\n",
    "dash/charge.gp": GP + "set title 'Charged e-bikes'\nset key top lefft\n"
    "plot 'data/quayside.dat' using 1:5 with lines\n",
    "dash/ratio.gp": GP + "ratio(b, f) = b / (b + f)\nset title 'Fill ratio'\n"
    "plot 'data/harbour.dat' using 1:(ratio($2, $3)) with lines\n"
    "plot 'data/harbour.dat' using 1:(ratio($2)) with lines\n",
    "dash/weekly.gp": GP + "set title 'Weekly'\nset xrange [0:10080]\nset xtics 1440\n"
    "plot 'data/quayside.dat' using 1:2 w l, 'data/harbour.dat' using 1:2 w l, 'data/museum.dat' using 1:2 w l\n"
    "set ytics ('low' 0, 'mid' 10 'high' 20)\nreplot\n",
    "dash/heat.gp": GP + "set view map\nset title 'Station heat'\nsplot 'data/matrix.dat' matrix with image\n"
    "splot 'data/matrix.dat' matrix with imag\n",
    "dash/fleet.gp": GP + "set title 'Fleet'\nstats 'data/museum.dat' using 2 name 'M' nooutput\n"
    "print sprintf('mean bikes %.1f', M_mean)\nstats 'data/quayside.dat' using 9\n",
    "dash/arrivals.gp": GP + "set title 'Arrivals'\nset style histogram rowstacked\nset style data histograms\n"
    "plot 'data/arrivals.dat' using 2 t 'am', '' using 3 t 'pm', '' using 4:xtic(1) t 'night'\n"
    "plot 'data/arrivals.dat' using 2 t 'am', '' using 3 t 'pm' lw width\n",
    "dash/labels.gp": GP + "set title 'Station labels\nset label 1 'peak' at 480, 20\n"
    "plot 'data/quayside.dat' using 1:2 w l\n",
}


def step_gnuplot_errors(tmp: Path) -> None:
    root = tmp / "spokes-dash"
    rnd = random.Random(2311)
    files = {"data/quayside.dat": docks_dat(rnd, 7, 24), "data/harbour.dat": docks_dat(rnd, 7, 30),
             "data/museum.dat": docks_dat(rnd, 4, 16, short_rows=9),
             "data/matrix.dat": "\n".join(" ".join(str(rnd.randint(0, 30)) for _ in range(18)) for _ in range(24))
             + "\n",
             "data/arrivals.dat": "".join(f"{s.replace(' ', '_')} {rnd.randint(10, 90)} {rnd.randint(10, 120)} "
                                          f"{rnd.randint(0, 15)}\n" for s in STATIONS)}
    files.update(GP_SCRIPTS)
    write_tree(root, files)
    cap("gnuplot-dash-loop", LOOP.format(glob="dash/*.gp", cmd="gnuplot") + " 2>&1", root, n_gnuplot_error)
    cap("gnuplot-weekly-tail-exit", "gnuplot dash/weekly.gp dash/occupancy.gp 2>&1 | tail -n 90; echo EXIT=$?", root,
        n_gnuplot_error)


def riders_dat(rnd: random.Random, weeks: int) -> str:
    return "# week riders\n" + "".join(f"{w} {12000 / (1 + math.exp(-0.12 * (w - 40))) + 300 + rnd.gauss(0, 150):.1f}\n"
                                       for w in range(weeks))


def step_gnuplot_fits(tmp: Path) -> None:
    root = tmp / "spokes-fits"
    rnd = random.Random(2312)
    files = {"data/discharge.dat": "# km soc_pct\n" + "".join(
        f"{k * 0.5:.1f} {100 * math.exp(-k * 0.5 / 38) - 0.004 * (k * 0.5) ** 2 + rnd.gauss(0, 0.5):.2f}\n"
        for k in range(120)),
             "data/riders.dat": riders_dat(rnd, 104),
             "data/tyres.dat": "".join(f"{p} {2.1 + rnd.gauss(0, 0.002):.4f}\n" for p in range(50))}
    files["fits/discharge.gp"] = ("set fit logfile 'fit.log'\nsoc(x) = s0*exp(-x/k) + q*x**2\ns0 = 90; k = 20; q = 0.001\n"
                                  "fit soc(x) 'data/discharge.dat' using 1:2 via s0, k, q\n"
                                  "print sprintf('range at 20%%: k=%.2f', k)\n"
                                  "lin(x) = a + b*x\na = 100; b = -1\n"
                                  "fit [0:20] lin(x) 'data/discharge.dat' using 1:2 via a, b\n"
                                  "fit soc(x) 'data/discharge.dat' using 1:2 via s0, k, qq\n")
    files["fits/riders.gp"] = ("set fit logfile 'riders.log'\nFIT_MAXITER = 6\n"
                               "g(x) = c + K/(1+exp(-r*(x-m)))\nc = 100; K = 5000; r = 1; m = 5\n"
                               "fit g(x) 'data/riders.dat' using 1:2 via c, K, r, m\n"
                               "FIT_MAXITER = 0\nK = 11000; r = 0.1; m = 38\n"
                               "fit g(x) 'data/riders.dat' using 1:2 via c, K, r, m\n"
                               "h(x) = u*x + v*x + w\nu = 1; v = 1; w = 1\n"
                               "fit h(x) 'data/tyres.dat' using 1:2 via u, v, w\n"
                               "fit g(x) 'data/riders.dat' using 1:2:3 yerror via c, K, r, m\n")
    write_tree(root, files)
    cap("gnuplot-fit-discharge-exit", "gnuplot fits/discharge.gp; echo EXIT=$?", root, n_gnuplot_fit)
    cap("gnuplot-fit-riders-log-tail", "gnuplot fits/riders.gp > /dev/null 2>&1; tail -n 150 riders.log", root,
        n_gnuplot_fit)


def step_gnuplot_tables(tmp: Path) -> None:
    root = tmp / "spokes-tables"
    rnd = random.Random(2313)
    write_tree(root, {
        "data/quayside.dat": docks_dat(rnd, 3, 24),
        "data/trips.dat": "".join(f"{i} {rnd.choice([0, 1, 2, 3, 5, 8])} {rnd.randint(0, 60)}\n" for i in range(260)),
        "tables/tariff.gp": "set samples 120\nset xrange [-1:9]\nset yrange [0:12]\nset table\n"
        "plot 1.5 + 0.25*x title 'standard', 0.5*x**1.5 title 'ebike', 2/(x-3) title 'promo', "
        "log(x)*3 title 'member'\nunset table\n",
        "tables/per_trip.gp": "set yrange [0:20]\nset table\n"
        "plot 'data/trips.dat' using 1:($3/$2) title 'minutes per leg', 'data/trips.dat' using 1:($3/$5) "
        "title 'no column'\nunset table\n",
        "tables/smooth.gp": "set table\nplot 'data/quayside.dat' using 1:2 smooth acsplines title 'bikes', "
        "'data/quayside.dat' using 1:5 smooth unique title 'charged'\nunset table\n",
    })
    cap("gnuplot-table-tariff", "gnuplot tables/tariff.gp", root, n_gnuplot_table)
    cap("gnuplot-table-trips-smooth-head", "gnuplot tables/per_trip.gp tables/smooth.gp 2>&1 | head -n 400", root,
        n_gnuplot_table)


# ------------------------------------------------------------------ Asymptote and MetaPost

ASY = {
    "figs/dock.asy": "size(6cm);\nreal slot = 0.8;\nfor (int i = 0; i < 12; ++i)\n"
    "  draw(shift(i*slot, 0)*scale(0.6, 1.5)*unitsquare, i % 4 == 0 ? red : black);\n"
    "label(\"Quayside\", (5, 2), N);\ndraw((0,-0.5)--(10,-0.5), dashed)\nlabel(\"kerb\", (5,-0.5), S);\n",
    "figs/route.asy": "size(8cm);\nimport graph;\npair[] stops = {(0,0), (1,2), (3,2.5), (4,1)};\n"
    "draw(operator --(... stops), blue+1bp);\nfor (pair p : stops) dot(p);\nlabel(\"end\", stops[6], E);\n",
    "figs/wheel.asy": "size(4cm);\ndraw(unitcircle);\nfor (int k = 0; k < 32; ++k) draw((0,0)--dir(k*360/32));\n"
    "path rim = scale(1.05)*unitcircle;\ndraw(rim, linewidth(spoke_width));\n",
    "figs/map.asy": "size(10cm);\nimport graph;\nreal demand(real t) { return 40 + 30*sin(pi*t/12); }\n"
    "draw(graph(demand, 0, 24), heavygreen);\nxaxis(\"hour\", BottomTop, LeftTicks);\n"
    "yaxis(\"trips\", LeftRight, RightTicks);\nstring peak = 8;\n",
    "figs/frame.asy": "size(5cm);\nimport three;\ncurrentprojection = perspective(5,3,2);\n"
    "draw((0,0,0)--(1,0,0)--(1,1,0), red);\ndraw(unitsphere, surfacepen=gray);\n",
    "figs/legend.asy": "size(4cm);\ndraw((0,0)--(1,0), red, \"ebike\");\ndraw((0,1)--(1,1), blue, \"classic\");\n"
    "add(legend(), (2,0));\n",
}


def step_asymptote(tmp: Path) -> None:
    root = tmp / "spokes-asy"
    write_tree(root, ASY)
    cap("asy-figs-loop-tail", LOOP.format(glob="figs/*.asy", cmd="asy -vv -f eps") + " 2>&1 | tail -n 120", root,
        n_asymptote, timeout=300)
    cap("asy-map-wheel-exit", "asy -vv -f eps figs/map.asy figs/wheel.asy figs/route.asy; echo EXIT=$?", root,
        n_asymptote, timeout=300)


MP = r"""prologues := 3;
outputtemplate := "%j-%c.svg";
outputformat := "svg";
u := 8mm;
beginfig(1);  % a dock bay
  for i = 0 upto 9: draw unitsquare xscaled 0.6u yscaled 1.6u shifted (i*0.8u, 0); endfor
  label.bot("Quayside", (4u, 0);
endfig;
beginfig(2);  % a wheel
  path rim; rim = fullcircle scaled 4u;
  draw rim; for k = 0 upto 31: draw origin -- point (k/4) of rim; endfor
  draw hub withpen pencircle scaled 2pt;
endfig;
beginfig(3);  % the route
  z0 = (0,0); z1 = (2u, u); z2 = (4u, 0); z1 = (2u, 1.5u);
  draw z0..z1..z2;
  drawarrow z2 -- z4;
endfig;
beginfig(4);  % the frame
  pair a, b; a = (0,0); b = (3u, 0);
  draw a -- b -- c -- cycle;
  fill fullcircle scaled 0.3u shifted b withcolor (0.8, 0.1);
endfig;
end
"""


def mp_chain(n: int) -> str:
    body = ["tracingequations := 1; tracingonline := 1;", "beginfig(1);"]
    for i in range(1, n + 1):
        body.append(f"  z{i} = ({i}*8, {(i * 5) % 13}*6);")
        body.append(f"  y{i + n} = y{i} + {(i * 7) % 9};  x{i + n} = x{i} + 4;")
        if i % 23 == 0:
            body.append(f"  y{i} = {((i * 5) % 13) * 6 + 3};")
        body.append(f"  draw z{i}--z{i + n};")
    body += ["endfig;", "end"]
    return "\n".join(body) + "\n"


def step_metapost(tmp: Path) -> None:
    root = tmp / "spokes-mp"
    write_tree(root, {"bays.mp": MP, "chain.mp": mp_chain(300)})
    mp = "mpost -interaction=nonstopmode"
    cap("mpost-bays-exit", f"{mp} bays.mp; echo EXIT=$?", root, n_metapost_run)
    run_quiet = f"{mp} chain.mp >/dev/null 2>&1; cat chain.log"
    cap("mpost-chain-log", run_quiet, root, n_metapost_log)


# ------------------------------------------------------------------ matplotlib

MPL_STATIONS = r'''"""One figure per station: bikes, free docks, broken docks and charged e-bikes over a week."""
import csv
import traceback
import warnings

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

warnings.simplefilter("always")
rows = list(csv.DictReader(open("data/docks.csv")))
stations = sorted({r["station"] for r in rows})
saved = failed = 0
for st in stations:
    sub = [r for r in rows if r["station"] == st]
    for col in ("bikes", "free", "broken", "charged"):
        try:
            ys = np.array([float(r[col]) for r in sub])
            fig, ax = plt.subplots(figsize=(4, 2))
            ax.plot(np.arange(len(ys)), ys, "g-", color="black")
            if col == "broken":
                ax.set_yscale("log")
                ax.set_ylim(0, ys.max() + 1)
            if col == "charged":
                ax.set_xticks([0, 96, 192], labels=["mon", "tue"])
            ax.set_title(f"{st}: {col}")
            fig.savefig(f"out/{st}_{col}.png", dpi=30)
            print(f"saved out/{st}_{col}.png")
            saved += 1
        except Exception as e:
            print(f"FAIL {st} {col}: {type(e).__name__}: {e}")
            if st == stations[1]:
                traceback.print_exc()
            failed += 1
        finally:
            plt.close("all")
print(f"done: {saved} saved, {failed} failed")
'''

MPL_TRIPS = r'''"""Histogram of trip durations and a pie of membership types."""
import csv
import warnings
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

warnings.simplefilter("always")
rows = list(csv.DictReader(open("data/trips.csv")))
mins = np.array([float(r["minutes"]) for r in rows])
fig, ax = plt.subplots()
ax.hist(mins, bins=40, normed=False) if False else ax.hist(mins, bins=40, range=(10, 5))
fig.savefig("out/durations.png", dpi=30)
print("saved out/durations.png")
kinds = {}
for r in rows:
    kinds[r["member"]] = kinds.get(r["member"], 0) + 1
fig, ax = plt.subplots()
ax.pie(list(kinds.values()), labels=list(kinds), explode=[0.1])
fig.savefig("out/members.png", dpi=30)
print("saved out/members.png")
'''


def docks_csv(rnd: random.Random, n_st: int, n: int) -> str:
    out = ["station,slot,bikes,free,broken,charged"]
    for s in STATIONS[:n_st]:
        bikes = 10
        for i in range(n):
            bikes = max(0, min(20, bikes + rnd.choice([-2, -1, 0, 1, 2])))
            broken = "" if (s == "Cathedral" and i % 11 == 0) else str(rnd.choice([0, 0, 1, 2]))
            out.append(f"{s.replace(' ', '_')},{i},{bikes},{20 - bikes},{broken},{rnd.randint(0, bikes)}")
    return "\n".join(out) + "\n"


def step_matplotlib(tmp: Path) -> None:
    root = tmp / "spokes-mpl"
    rnd = random.Random(2314)
    trips = ["minutes,member"] + [f"{abs(rnd.gauss(18, 9)):.1f},{rnd.choice(['annual', 'annual', 'day', 'student'])}"
                                  for _ in range(600)]
    write_tree(root, {"data/docks.csv": docks_csv(rnd, 7, 192), "data/trips.csv": "\n".join(trips) + "\n",
                      "plots/stations.py": MPL_STATIONS, "plots/trips.py": MPL_TRIPS})
    (root / "out").mkdir(exist_ok=True)
    py = VENV / "bin" / "python"
    env = {"MPLCONFIGDIR": str(tmp / "mplconfig")}
    cap("mpl-stations-head", f"{py} plots/stations.py 2>&1 | head -n 120", root, n_matplotlib_script, env=env,
        typed="python plots/stations.py 2>&1 | head -n 120")
    cap("mpl-trips-exit", f"{py} plots/trips.py; echo EXIT=$?", root, n_matplotlib_script, env=env,
        typed="python plots/trips.py; echo EXIT=$?")


# ------------------------------------------------------------------ Vega-Lite

def vl(mark, enc, data=None, **extra) -> str:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "data": data or {"url": "data/trips.csv"}, "mark": mark, "encoding": enc}
    spec.update(extra)
    return json.dumps(spec, indent=2) + "\n"


SPECS = {
    "vl/minutes_hist.vl.json": vl("bar", {"x": {"field": "minutes", "type": "quantitative", "bin": True},
                                          "y": {"aggregate": "count", "type": "quantitative"}}),
    "vl/by_station.vl.json": vl("bar", {"x": {"field": "start", "type": "nominal", "sort": "-yy"},
                                        "y": {"aggregate": "sum", "field": "minutes", "type": "quantitative"}}),
    "vl/member_arc.vl.json": vl("arc", {"theta": {"aggregate": "count", "type": "quantitative"},
                                        "color": {"field": "member", "type": "nominal"},
                                        "x": {"field": "minutes", "type": "quantitative"}}),
    "vl/hourly.vl.json": vl("line", {"x": {"field": "started", "type": "temporal", "timeUnit": "hourz"},
                                     "y": {"aggregate": "count", "type": "quantitative"}}),
    "vl/points.vl.json": vl("circle", {"x": {"field": "minutes", "type": "quantitative",
                                             "scale": {"type": "log", "domain": [0, 60]}},
                                       "y": {"field": "km", "type": "quantitative"},
                                       "opacity": {"field": "member", "type": "nominal"}}),
    "vl/elsewhere.vl.json": vl("point", {"x": {"field": "km", "type": "quantitative"}},
                               data={"url": "data/trips_2024.csv"}),
    "vl/truncated.vl.json": vl("rule", {"y": {"field": "km", "type": "quantitative"}})[:-40] + "\n",
    "vl/repeat.vl.json": json.dumps({"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                                     "data": {"url": "data/trips.csv"},
                                     "repeat": ["minutes", "km"],
                                     "spec": {"mark": "bar", "encoding": {
                                         "x": {"field": {"repeat": "column"}, "type": "quantitative", "bin": True},
                                         "y": {"aggregate": "count"}, "strokeWidth": {"field": "member"}}}},
                                    indent=2) + "\n",
    "vl/stacked.vl.json": vl("area", {"x": {"field": "minutes", "type": "quantitative", "bin": {"maxbins": 30}},
                                      "y": {"aggregate": "count", "type": "quantitative", "stack": "center"},
                                      "color": {"field": "member", "type": "nominal"},
                                      "shape": {"field": "start", "type": "nominal"}}),
}


def step_vega(tmp: Path) -> None:
    root = tmp / "spokes-vega"
    rnd = random.Random(2315)
    rows = ["start,member,minutes,km,started"] + [
        f"{rnd.choice(STATIONS)},{rnd.choice(['annual', 'day', 'student'])},{abs(rnd.gauss(18, 9)):.1f},"
        f"{abs(rnd.gauss(3, 1.5)):.2f},2026-11-{rnd.randint(1, 28):02d}T{rnd.randint(6, 22):02d}:{rnd.randint(0, 59):02d}"
        for _ in range(300)]
    files = dict(SPECS)
    files["data/trips.csv"] = "\n".join(rows) + "\n"
    write_tree(root, files)
    (root / "out").mkdir(exist_ok=True)
    cap("vl2svg-loop", 'for s in vl/*.vl.json; do echo "== $s"; vl2svg "$s" > "out/$(basename "$s" .vl.json).svg"; '
        'echo "exit=$?"; done', root, n_vega_cli, timeout=300)
    cap("vl2vg-two-exit", "vl2vg vl/truncated.vl.json; vl2vg -p vl/member_arc.vl.json | head -n 80; echo EXIT=$?",
        root, n_vega_cli)


# ------------------------------------------------------------------ PlantUML: the dock controller

SEQ = """@startuml
title {title}
participant "Dock Controller" as DC
participant "Lock Unit" as LU
participant "Payment Gateway" as PG
database "Trip Store" as TS
actor Rider
{body}
@enduml
"""


def seq_body(rnd: random.Random, n: int, bad: str = "") -> str:
    msgs = ["scan card", "authorise hold", "release lock", "bike removed", "bike returned", "close trip",
            "charge fare", "store trip", "report fault", "refund hold"]
    out = []
    for i in range(n):
        a, b = rnd.sample(["DC", "LU", "PG", "TS", "Rider"], 2)
        out.append(f"{a} -> {b} : {rnd.choice(msgs)} ({i})")
        if i % 5 == 2:
            out.append(f"{b} --> {a} : ok ({i})")
        if i % 9 == 4:
            out.append(f"note right of {a} : retry {i % 3}")
        if i == n // 2 and bad:
            out.append(bad)
    return "\n".join(out)


CLASSES = """@startuml
class Station {
  +name : str
  +capacity : int
  +free() : int
}
class Dock {
  +slot : int
  +locked : bool
  +release()
}
class Bike {
  +serial : str
  +electric : bool
  +battery_pct : int
}
class Trip {
  +started : datetime
  +minutes : float
}
class Rider {
  +membership : str
}
Station "1" *-- "many" Dock
Dock o-- Bike
Rider --> Trip
Trip --> Bike
{extra}
@enduml
"""

STATES = """@startuml
[*] --> Docked
Docked --> InUse : released
InUse --> Docked : returned
InUse --> Lost : 24h
Docked --> Repair : fault
Repair --> Docked : fixed
{extra}
@enduml
"""


def puml(rnd: random.Random) -> dict[str, str]:
    f = {}
    bads = ["", "DC -> : no target", "", "", "LU -> -> DC : twice", "", "partcipant Depot", "", "", "alt no end"]
    for i, bad in enumerate(bads):
        f[f"uml/trip_{i:02d}.puml"] = SEQ.format(title=f"Trip flow {i}", body=seq_body(rnd, 14 + 5 * i, bad))
    f["uml/classes.puml"] = CLASSES.replace("{extra}", "Station --> Rider : notifies")
    f["uml/classes_bad.puml"] = CLASSES.replace("{extra}", "class Depot {\n  +vans : int\n")
    f["uml/bike_states.puml"] = STATES.replace("{extra}", "Lost --> [*]")
    f["uml/bike_states_bad.puml"] = STATES.replace("{extra}", "Repair -> -> Lost")
    return f


def step_plantuml(tmp: Path) -> None:
    root = tmp / "spokes-uml"
    write_tree(root, puml(random.Random(2316)))
    cap("plantuml-tsvg-grep-exit", "plantuml -v -tsvg uml/*.puml 2>&1 | grep -iE 'error|working on|found|exception'; "
        "echo EXIT=$?", root, n_plantuml_check, timeout=300)
    cap("plantuml-syntax-loop", 'for f in uml/*.puml; do echo "== $f"; plantuml -syntax < "$f"; echo; done', root,
        n_plantuml_syntax, timeout=300)
    cap("plantuml-utxt-trip", "plantuml -tutxt -pipe < uml/trip_09.puml | head -n 150", root,
        utxt_extractor(["Dock Controller", "Lock Unit", "Payment Gateway", "Trip Store", "Rider"]))


# ------------------------------------------------------------------ blockdiag's family

def diag_files(rnd: random.Random) -> dict[str, str]:
    f = {}
    for i in range(9):
        edges = [f"  depot{j % 2} -> van{j % 3} -> \"{STATIONS[j]}\";" for j in range(5 + i)]
        if i == 2:
            edges.append("  van0 [shape = trapezoid];")
        if i == 4:
            edges.append("  depot0 -> van1 [style = wavy];")
        if i == 6:
            edges.append("  van2 -> -> depot1;")
        f[f"rebalance/plan_{i}.diag"] = "blockdiag {\n" + "\n".join(edges) + ("\n}\n" if i != 7 else "\n")
    for i in range(8):
        msgs = [f"  app -> dock{j} [label = \"unlock {j}\"];\n  app <-- dock{j};" for j in range(2 + i)]
        if i == 3:
            msgs.append("  app -> pay [lable = \"charge\"];")
        if i == 5:
            msgs.append("  app -> pay [label = \"charge\"")
        f[f"flows/unlock_{i}.diag"] = "seqdiag {\n" + "\n".join(msgs) + "\n}\n"
    for i in range(6):
        body = (f"  network docks{i} {{\n    address = \"172.16.{i}.0/24\";\n"
                + "".join(f"    dock{j} [address = \"172.16.{i}.{j + 20}\"];\n" for j in range(5)) + "  }")
        if i == 2:
            body += "\n  network uplink { address = 172.16.999.0/24; dock0; }"
        if i == 4:
            body += "\n  network docks4 { dock7 [adress = \"1.2.3.4\"]; }"
        f[f"nets/site_{i}.diag"] = "nwdiag {\n" + body + "\n}\n"
    return f


def step_blockdiag(tmp: Path) -> None:
    root = tmp / "spokes-diag"
    write_tree(root, diag_files(random.Random(2317)))
    (root / "out").mkdir(exist_ok=True)
    loop = ('for f in rebalance/*.diag flows/*.diag nets/*.diag; do echo "== $f"; case $f in rebalance/*) t=blockdiag;; '
            'flows/*) t=seqdiag;; *) t=nwdiag;; esac; $t -Tsvg -o "out/$(basename "$f" .diag).svg" "$f"; '
            'echo "exit=$?"; done')
    cap("blockdiag-mixed-loop", loop, root, n_blockdiag_batch, timeout=300)
    cap("seqdiag-debug-loop-exit", 'for f in flows/unlock_[35].diag; do echo "== $f"; seqdiag --debug -Tsvg -o out/u.svg '
        '"$f"; echo "exit=$?"; done; nwdiag --debug -Tsvg -o out/s.svg nets/site_2.diag; echo EXIT=$?', root,
        n_blockdiag_debug, timeout=300)


# ------------------------------------------------------------------ Graph::Easy

def ge(rnd: random.Random, n: int, bad: int = 0) -> tuple[str, list[str]]:
    names = STATIONS[:n] + ["North Depot", "South Depot"]
    lines = ["graph { flow: south; }"]
    labels = []
    for i in range(n):
        lab = f"van route {i % 4}"
        if lab not in labels:
            labels.append(lab)
        lines.append(f"[ {STATIONS[i]} ] -- {lab} --> [ {'North Depot' if i % 2 else 'South Depot'} ]")
    lines.append("[ North Depot ] <==> [ South Depot ] { label: shuttle; }")
    labels.append("shuttle")
    for k in range(bad):
        j = rnd.randrange(n)
        lines.append(rnd.choice([f"[ {STATIONS[j]} ] {{ fillcolour: red; }}", f"[ {STATIONS[j]} ] -> [ Depot",
                                 f"[ North Depot ] {{ shape: star; }}", f"[ {STATIONS[j]} ] --> [ x ] {{ lenght: 3; }}"]))
    return "\n".join(lines) + "\n", names + labels


def step_graph_easy(tmp: Path) -> None:
    root = tmp / "spokes-ge"
    rnd = random.Random(2318)
    files = {}
    for i in range(10):
        files[f"graphs/zone_{i}.txt"] = ge(rnd, 3 + i, bad=(i % 2) * (1 + i % 3))[0]
    big, big_names = ge(rnd, 16)
    files["graphs/city.txt"] = big
    write_tree(root, files)
    cap("graph-easy-zones-loop", 'for f in graphs/zone_*.txt; do echo "== $f"; graph-easy --as=ascii "$f" '
        '>/dev/null; echo "exit=$?"; done 2>&1', root, n_graph_easy_error)
    cap("graph-easy-city-boxart", "graph-easy --as=boxart graphs/city.txt", root, render_extractor(big_names))


STEPS = [step_gnuplot_errors, step_gnuplot_fits, step_gnuplot_tables, step_asymptote, step_metapost,
         step_matplotlib, step_vega, step_plantuml, step_blockdiag, step_graph_easy]
