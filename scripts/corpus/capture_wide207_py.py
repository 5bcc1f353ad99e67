"""Round 207, GIS in batch and in Python: a valley's rasters and vector maps in a GRASS GIS location made here
(`grass --exec` r.info, r.univar, v.info, and v.in.ogr / v.build / v.clean on parcels that overlap and cross
themselves), a parcel validation script on Shapely, a zoning join on GeoPandas with layers in two CRSs, and Fiona's
`fio info` on the layers written. All data is written here by seeded generators. The extractors are this round's
(NEEDLES.md, "Round 207"). Run through capture_wide207.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_diagnostics import needles_pytraceback
from capture_more import run, write_tree
from capture_wide207 import VENV, cap, exit_lines

PY = f"{VENV}/bin/python"

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 207")


def _pieces(lines):
    """GRASS writes its percent progress with backspaces on the line a message then continues: each line's
    backspace-separated pieces, stripped, with the piece cut to start at ERROR:/WARNING: when one holds it."""
    for ln in lines:
        for p in ln.split("\x08"):
            m = re.search(r"(ERROR|WARNING|FATAL):", p)
            p = p[m.start():] if m else p
            if p.strip():
                yield p.strip()


def _grass_msgs(lines):
    """GRASS's ERROR: lines, and its WARNING: lines one {"any"} per message shape."""
    pieces = list(_pieces(lines))
    errs = [p for p in pieces if re.match(r"^(ERROR|FATAL)\b", p.strip("|").strip())]
    warns = [(cm.mask(p), p) for p in pieces if p.startswith("WARNING:")]
    return errs + cm.groups(warns)


def _box(ln: str) -> str:
    return ln.strip().strip("|").strip()


@cm.kind("grass-r-info", "doc")
def n_grass_r_info(lines):
    """Rule 5 on GRASS r.info: for every map its Map:, Rows:/Columns:, Total Cells:, Data Type:, N:/S:, E:/W: and Range of data: lines, every ERROR: line, WARNING: lines one {"any"} per message shape; EXIT=N."""
    out = []
    for ln in lines:
        s = _box(ln)
        if re.match(r"^(Map|Rows|Columns|Total Cells|Data Type|N|S|E|W|Range of data)\s*:", s) or \
                re.search(r"\b(Rows|Columns|Total Cells|Data Type|Range of data)\s*:", s):
            out.append(ln)
    return out + _grass_msgs(lines) + exit_lines(lines)


@cm.kind("grass-v-info", "doc")
def n_grass_v_info(lines):
    """Rule 5 on GRASS v.info: for every map its Name: line, every Number of ...: line, Map is 3D:, the N:/S: and E:/W: lines, every ERROR: line, WARNING: lines one {"any"} per message shape; EXIT=N."""
    out = []
    for ln in lines:
        s = _box(ln)
        if re.match(r"^(Name|Map is 3D|N|S|E|W)\s*:", s) or "Number of " in s:
            out.append(ln)
    return out + _grass_msgs(lines) + exit_lines(lines)


TOPO_RE = re.compile(r"Number of |incorrect|without centroid|outside area|duplicate|dangle|bridge|removed|snapped|overlapping",
                     re.I)


@cm.kind("grass-v-build", "build")
def n_grass_v_build(lines):
    """Rule 1 on GRASS topology builds and cleaning: every ERROR: line, WARNING: lines one {"any"} per message shape, every line counting a topology problem (incorrect boundaries, without centroid, outside area, duplicate, dangles, bridges, removed, snapped) and every Number of ... total; EXIT=N."""
    out = [p for p in _pieces(lines) if TOPO_RE.search(p) and re.search(r"\d", p) and not p.startswith("WARNING:")]
    return out + _grass_msgs(lines) + exit_lines(lines)


@cm.kind("grass-r-univar", "table")
def n_grass_r_univar(lines):
    """Rule 5 on GRASS r.univar: for every map the n:, null_cells:, minimum:, maximum:, mean: and stddev: lines (median with -e), every ERROR: line, WARNING: lines one {"any"} per message shape; EXIT=N."""
    out = [ln for ln in lines if re.match(r"^(n|null_cells|minimum|maximum|mean|standard deviation|stddev|median"
                                          r"( \(\w+\))?)\s*:", ln.strip())]
    return out + _grass_msgs(lines) + exit_lines(lines)


PYWARN_RE = re.compile(r"^(\S+?):\d+: (\w*Warning): (.*)$")


def _py_warns(lines):
    pairs = []
    for ln in lines:
        m = PYWARN_RE.match(ln.strip())
        if m:
            pairs.append(((m.group(2), cm.mask(m.group(3)), m.group(1)), ln))
    return cm.groups(pairs)


def _tracebacks(lines):
    out = needles_pytraceback(lines)
    for i, ln in enumerate(lines):
        if ln.strip() == "Traceback (most recent call last):":
            k = i + 1
            while k < len(lines) and (lines[k].startswith(" ") or not lines[k].strip()):
                k += 1
            if k < len(lines):
                out.append(lines[k])
                frame = next((x for x in reversed(lines[i + 1:k]) if x.lstrip().startswith('File "')), None)
                if frame:
                    out.append(frame)
    return out


COUNTS_RE = re.compile(r"^(checked|summary|result)\b.*\d", re.I)


@cm.kind("shapely-validate", "test")
def n_shapely_validate(lines):
    """Rule 1 on a Shapely validation script: every line naming an invalid geometry with its reason (INVALID), each traceback's exception line and innermost File line, Python warnings one {"any"} per (category, message shape, file), the closing counts line; EXIT=N."""
    out = [ln for ln in lines if re.search(r"\bINVALID\b", ln) or COUNTS_RE.match(ln.strip())]
    return out + _tracebacks(lines) + _py_warns(lines) + exit_lines(lines)


@cm.kind("geopandas-script", "log")
def n_geopandas_script(lines):
    """Rule 1 on a GeoPandas script: Python warnings one {"any"} per (category, message shape, file), each traceback's exception line and innermost File line, every result line marked FAIL or INVALID, the closing counts line; EXIT=N."""
    out = [ln for ln in lines if re.search(r"\b(FAIL|INVALID)\b", ln) or COUNTS_RE.match(ln.strip())]
    return out + _tracebacks(lines) + _py_warns(lines) + exit_lines(lines)


@cm.kind("fio-info", "json")
def n_fio_info(lines):
    """Rule 5 on fio info: the driver, count, crs (or crs_wkt's first line) and geometry lines, the bounds values, every schema property line under properties, every ERROR / Error line; EXIT=N."""
    out, in_props, in_bounds = [], False, False
    for ln in lines:
        s = ln.strip()
        if re.match(r'^"(driver|count|crs|crs_wkt|geometry|name)":', s):
            out.append(ln)
        if s.startswith('"properties": {'):
            in_props = True
            continue
        if in_props:
            if s.startswith("}"):
                in_props = False
            elif re.match(r'^"[^"]+": "', s):
                out.append(ln)
        if s.startswith('"bounds": ['):
            in_bounds = True
            continue
        if in_bounds:
            if s.startswith("]"):
                in_bounds = False
            elif s:
                out.append(ln)
        if re.search(r"\bERROR\b|\bError\b|error:", ln):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the parcels, as GeoJSON

def parcels_geojson(seed: int, n: int, bad: float, epsg: int = 32632) -> str:
    rnd = random.Random(seed)
    feats = []
    uses = ["residential"] * 6 + ["agricultural"] * 3 + ["forest", "commercial"]
    for i in range(1, n + 1):
        x, y = 600000 + (i % 30) * 40.0, 5200000 + (i // 30) * 40.0
        w, h = rnd.randint(30, 44), rnd.randint(30, 44)  # wider than the grid step: neighbours overlap
        ring = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]
        rings = [ring]
        if rnd.random() < bad:
            fault = rnd.choice(["bowtie", "spike", "hole_out", "few", "nested"])
            if fault == "bowtie":
                rings = [[[x, y], [x + w, y + h], [x + w, y], [x, y + h], [x, y]]]
            elif fault == "spike":
                rings = [[[x, y], [x + w, y], [x + w, y + h], [x + w / 2, y + h], [x + w / 2, y + h + 12],
                          [x + w / 2, y + h], [x, y + h], [x, y]]]
            elif fault == "hole_out":
                rings = [ring, [[x + w + 3, y + 3], [x + w + 6, y + 3], [x + w + 6, y + 6], [x + w + 3, y + 6],
                                [x + w + 3, y + 3]]]
            elif fault == "few":
                rings = [[[x, y], [x + w, y], [x, y]]]
            else:
                rings = [ring, [[x + 2, y + 2], [x + 9, y + 2], [x + 9, y + 9], [x + 2, y + 9], [x + 2, y + 2]],
                         [[x + 4, y + 4], [x + 12, y + 4], [x + 12, y + 12], [x + 4, y + 12], [x + 4, y + 4]]]
        feats.append({"type": "Feature", "properties": {"parcel_no": f"P-{seed % 100:02d}-{i:04d}",
                                                        "landuse": rnd.choice(uses),
                                                        "value_chf": rnd.randint(80, 2400) * 1000},
                      "geometry": {"type": "Polygon", "coordinates": rings}})
    return json.dumps({"type": "FeatureCollection", "name": "parcels",
                       "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}},
                       "features": feats})


# ------------------------------------------------------------------ GRASS GIS: a valley's location

GRASS_SETUP = """set -e
g.region n=5206000 s=5200000 e=606000 w=600000 res=20
r.mapcalc expression="elev = 450 + 0.04 * (y() - 5200000) + 40 * sin(x() / 9) + 25 * cos(y() / 13) + rand(-3.0, 3.0)" seed=2071
r.slope.aspect elevation=elev slope=slope aspect=aspect
r.mapcalc expression="landuse = int(rand(1, 7))" seed=2072
r.mapcalc expression="gaps = if(elev > 480, null(), elev)"
r.mapcalc expression="depth = float(rand(0.0, 35.0))" seed=2073
v.in.ascii input=wells.txt output=wells separator=pipe columns="x double precision, y double precision, depth double precision" x=1 y=2
v.in.ogr input=roads.geojson output=roads
"""


def grass(tmp: Path) -> None:
    d = tmp / "grass"
    d.mkdir()
    rnd = random.Random(2074)
    wells = [f"{600000 + rnd.random() * 6000:.1f}|{5200000 + rnd.random() * 6000:.1f}|{rnd.uniform(4, 90):.1f}"
             for _ in range(140)]
    roads = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32632"}},
             "features": [{"type": "Feature", "properties": {"name": f"road {i}"}, "geometry": {
                 "type": "LineString", "coordinates": [[600000 + i * 300 + rnd.random() * 5, 5200000],
                                                       [600000 + i * 300, 5203000 + rnd.random() * 9],
                                                       [600100 + i * 290, 5206000]]}} for i in range(20)]}
    write_tree(d, {"wells.txt": "\n".join(wells) + "\n", "roads.geojson": json.dumps(roads), "setup.sh": GRASS_SETUP,
                   "parcels.geojson": parcels_geojson(2075, 420, 0.08),
                   "parcels_east.geojson": parcels_geojson(2076, 180, 0.15)})
    run("grass -c EPSG:32632 -e gdb/valley", cwd=d, timeout=300)
    setup = run("grass gdb/valley/PERMANENT --exec bash setup.sh", cwd=d, timeout=600)
    cm.note(f"grass setup: {setup[-300:]!r}")
    g = "grass gdb/valley/PERMANENT --exec"
    cap("grass-r-info-loop", f"for m in elev slope aspect landuse gaps depth relief; do {g} r.info $m; done 2>&1", d,
        n_grass_r_info)
    cap("grass-r-info-gaps", f"{g} r.info gaps; echo EXIT=$?", d, n_grass_r_info)
    cap("grass-r-univar-loop", f"for m in elev slope gaps depth; do {g} r.univar -e $m; done 2>&1 | "
        "grep -vE '^(Starting|Cleaning|Execution)'", d, n_grass_r_univar)
    cap("grass-r-univar-zones", f"{g} r.univar -e map=elev zones=landuse 2>&1 | grep -v '%' | head -n 120; "
        f"{g} r.univar map=nodata_dem; echo EXIT=$?", d, n_grass_r_univar)
    cap("grass-v-build-import", f"{g} v.in.ogr input=parcels.geojson output=parcels 2>&1", d, n_grass_v_build)
    cap("grass-v-build-errors", f"{g} v.in.ogr input=parcels_east.geojson output=parcels_east -c 2>&1 | tail -n 5; "
        f"{g} v.build -e map=parcels_east error=parcel_errors; echo EXIT=$?", d, n_grass_v_build)
    cap("grass-v-build-clean", f"{g} v.clean input=parcels output=parcels_clean type=boundary,centroid "
        "tool=break,rmdupl,rmsa,bpol,rmarea threshold=0,0,0,0,50 2>&1 | tail -n 60; echo EXIT=$?", d, n_grass_v_build)
    cap("grass-v-info-parcels", f"{g} v.info parcels", d, n_grass_v_info)
    cap("grass-v-info-loop", f"for v in parcels_clean wells roads parcel_errors streams; do {g} v.info $v; done 2>&1 | "
        "grep -vE '^(Starting|Cleaning)'", d, n_grass_v_info)


# ------------------------------------------------------------------ Shapely: the parcel validation script

VALIDATE_PY = '''"""Validate the cadastre's parcels before the survey office takes them over."""
import json
import sys

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity, make_valid

src = json.load(open(sys.argv[1]))
good, bad, broken, geoms = 0, 0, 0, []
for feat in src["features"]:
    pid = feat["properties"]["parcel_no"]
    try:
        g = shape(feat["geometry"])
    except (ValueError, shapely.errors.GEOSException) as exc:
        print(f"{pid}  INVALID  cannot build geometry: {exc}")
        broken += 1
        continue
    if g.is_valid:
        good += 1
        print(f"{pid}  ok       area={g.area:9.1f}  vertices={len(g.exterior.coords)}")
    else:
        bad += 1
        fixed = make_valid(g)
        print(f"{pid}  INVALID  {explain_validity(g)}  -> make_valid gives {fixed.geom_type} area={fixed.area:.1f}")
    geoms.append(g)
print(f"checked {good + bad + broken} parcels: {good} valid, {bad} invalid, {broken} unreadable")
overlaps = 0
for a, b in zip(geoms, geoms[1:]):
    if a.is_valid and b.is_valid and a.overlaps(b):
        overlaps += 1
print(f"summary: {overlaps} neighbouring pairs overlap")
total = shapely.union_all(geoms)   # the office's dissolve; GEOS refuses invalid input
print(f"dissolved area {total.area:.1f}")
'''


def shapely_runs(tmp: Path) -> None:
    d = tmp / "survey"
    d.mkdir()
    write_tree(d, {"validate.py": VALIDATE_PY, "data/parcels_north.geojson": parcels_geojson(2077, 300, 0.1),
                   "data/parcels_south.geojson": parcels_geojson(2078, 900, 0.06),
                   "data/parcels_mill.geojson": parcels_geojson(2079, 240, 0.2)})
    cap("shapely-validate-north", f"{PY} validate.py data/parcels_north.geojson", d, n_shapely_validate,
        typed="python validate.py data/parcels_north.geojson")
    cap("shapely-validate-south-tail", f"{PY} validate.py data/parcels_south.geojson 2>&1 | tail -n 80", d,
        n_shapely_validate, typed="python validate.py data/parcels_south.geojson 2>&1 | tail -n 80")
    cap("shapely-validate-mill-grep", f"{PY} validate.py data/parcels_mill.geojson 2>&1 | grep -E "
        "'INVALID|Error|Warning|checked'; echo EXIT=$?", d, n_shapely_validate,
        typed="python validate.py data/parcels_mill.geojson 2>&1 | grep -E 'INVALID|Error|Warning|checked'; "
              "echo EXIT=$?")


# ------------------------------------------------------------------ GeoPandas: zoning join over two CRSs

ZONING_PY = '''"""Join the parcels to the zoning plan and flag parcels whose land use the zone does not allow."""
import sys

import geopandas as gpd
import pandas as pd

pd.set_option("display.width", 160)
pd.set_option("display.max_rows", 400)
parcels = gpd.read_file(sys.argv[1])            # EPSG:32632
zones = gpd.read_file(sys.argv[2])              # EPSG:4326, as the canton publishes it
print(f"parcels: {len(parcels)} in {parcels.crs}, zones: {len(zones)} in {zones.crs}")
print("zone areas:", zones.area.round(6).tolist()[:5])
joined = gpd.sjoin(parcels, zones, how="left", predicate="intersects")
allowed = {"W2": {"residential"}, "GE": {"commercial"}, "LW": {"agricultural", "forest"}}
fails = 0
for row in joined.itertuples():
    if not isinstance(row.zone, str):
        fails += 1
        print(f"FAIL {row.parcel_no}: no zone found (landuse {row.landuse})")
    elif row.landuse not in allowed[row.zone]:
        fails += 1
        print(f"FAIL {row.parcel_no}: {row.landuse} not allowed in zone {row.zone}")
invalid = parcels[~parcels.is_valid]
for row in invalid.itertuples():
    print(f"INVALID {row.parcel_no}")
print(parcels.drop(columns="geometry").head(int(sys.argv[3])).to_string())
print(f"summary: {len(parcels)} parcels, {fails} zoning failures, {len(invalid)} invalid geometries")
sample = gpd.GeoDataFrame({"id": [1, 2]}, geometry=parcels.geometry.head(2).tolist())
sample.to_crs(epsg=2056)
'''


def zones_geojson(seed: int) -> str:
    rnd = random.Random(seed)
    feats = []
    for k, z in enumerate(["W2", "GE", "LW", "W2", "LW"]):
        lon0, lat0 = 7.68 + k * 0.004 + rnd.random() / 1000, 46.94
        feats.append({"type": "Feature", "properties": {"zone": z, "plan": f"ZP-{seed}-{k}"},
                      "geometry": {"type": "Polygon", "coordinates": [[[lon0, lat0], [lon0 + 0.004, lat0],
                                                                        [lon0 + 0.004, lat0 + 0.03],
                                                                        [lon0, lat0 + 0.03], [lon0, lat0]]]}})
    return json.dumps({"type": "FeatureCollection", "features": feats})


def geopandas_runs(tmp: Path) -> None:
    d = tmp / "zoning"
    d.mkdir()
    write_tree(d, {"zoning.py": ZONING_PY, "data/parcels.geojson": parcels_geojson(2081, 260, 0.08),
                   "data/parcels_small.geojson": parcels_geojson(2082, 60, 0.1),
                   "data/zones.geojson": zones_geojson(2083)})
    for name, args, tail in [("geopandas-zoning-full", "data/parcels.geojson data/zones.geojson 40", ""),
                             ("geopandas-zoning-tail", "data/parcels.geojson data/zones.geojson 10",
                              " 2>&1 | tail -n 60"),
                             ("geopandas-zoning-grep", "data/parcels_small.geojson data/zones.geojson 5",
                              " 2>&1 | grep -E 'Warning|Error|FAIL|INVALID|summary'; echo EXIT=$?")]:
        cap(name, f"{PY} zoning.py {args}{tail}", d, n_geopandas_script, typed=f"python zoning.py {args}{tail}")
    # the layers fio reads: a GeoPackage and a GeoJSON written by GeoPandas, and one cut short
    run(f"{PY} -c \"import geopandas as gpd; p = gpd.read_file('data/parcels.geojson'); "
        "p.to_file('data/cadastre.gpkg', layer='parcels', driver='GPKG'); "
        "gpd.read_file('data/zones.geojson').to_file('data/cadastre.gpkg', layer='zones', driver='GPKG')\"", cwd=d)
    run("head -c 5000 data/parcels_small.geojson > data/parcels_cut.geojson", cwd=d)
    cap("fio-info-gpkg", "fio info --indent 2 --layer parcels data/cadastre.gpkg && fio info --indent 2 --layer zones "
        "data/cadastre.gpkg", d, n_fio_info)
    cap("fio-info-geojson", "fio info --indent 2 data/zones.geojson; fio info --indent 2 data/parcels_cut.geojson; "
        "echo EXIT=$?", d, n_fio_info)


STEPS = [grass, shapely_runs, geopandas_runs]
