"""Round 211, second samples of round 207's kinds: a vineyard village on a hillside (`rebhang`) in Swiss
coordinates (EPSG:2056): its cadastre in SpatiaLite (parcels with zero-width slivers, rings touching themselves,
repeated holes, a batch in the wrong CRS), its hiking paths through osmium-tool (routes naming ways the extract
dropped, nodes cut off, a file cut short), PROJ's gie on test files with slipped expectations and cct on survey points
some of which lie off the globe, GPSBabel on hikers' tracks with malformed points, GRASS GIS on the slope's rasters and
terraces, and Shapely, GeoPandas and Fiona on the village's layers. All data is written here by seeded generators.
The needles come from round 207's extractors, imported as they are (NEEDLES.md, "Round 211"). Run through
capture_wide211.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide207_gis import (n_gpsbabel_error, n_gpsbabel_unicsv, n_osmium_check_refs, n_osmium_fileinfo,
                                 n_osmium_tags_filter, n_proj_cct, n_proj_gie, n_spatialite_script,
                                 n_spatialite_validity)
from capture_wide207_py import (n_fio_info, n_geopandas_script, n_grass_r_info, n_grass_r_univar, n_grass_v_build,
                                n_grass_v_info, n_shapely_validate)
from capture_wide211 import VENV, add, cap

PY = f"{VENV}/bin/python"
X0, Y0 = 2600000.0, 1200000.0  # LV95

# ------------------------------------------------------------------ the village's parcels


def rings(rnd: random.Random, i: int, bad: float, cols: int = 35, step: float = 25.0):
    x, y = X0 + (i % cols) * step, Y0 + (i // cols) * step
    w, h = rnd.randint(14, 24), rnd.randint(14, 24)
    sq = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
    if rnd.random() >= bad:
        return "ok", [sq]
    f = rnd.choice(["sliver", "selftouch", "twinholes", "zigzag", "hole_cross"])
    if f == "sliver":
        return f, [[(x, y), (x + w, y), (x + w, y), (x, y), (x, y)]]
    if f == "selftouch":
        return f, [[(x, y), (x + w, y), (x + w / 2, y + h / 2), (x + w, y + h), (x, y + h), (x + w / 2, y + h / 2),
                    (x, y)]]
    if f == "twinholes":
        hole = [(x + 3, y + 3), (x + 8, y + 3), (x + 8, y + 8), (x + 3, y + 8), (x + 3, y + 3)]
        return f, [sq, hole, [(x + 5, y + 5), (x + 10, y + 5), (x + 10, y + 10), (x + 5, y + 10), (x + 5, y + 5)]]
    if f == "zigzag":
        return f, [[(x, y), (x + w, y + h), (x + w, y), (x, y + h), (x, y)]]
    return f, [sq, [(x + w - 3, y + 3), (x + w + 4, y + 3), (x + w + 4, y + 7), (x + w - 3, y + 7), (x + w - 3, y + 3)]]


def wkt(rs) -> str:
    return "POLYGON(" + ",".join("(" + ",".join(f"{a:.1f} {b:.1f}" for a, b in r) + ")" for r in rs) + ")"


def village_sql(seed: int, n: int, bad: float, faults: bool) -> str:
    rnd = random.Random(seed)
    crops = ["pinot noir"] * 4 + ["chasselas"] * 3 + ["meadow", "orchard", "house", "barn"]
    out = ["SELECT InitSpatialMetaData(1);",
           "CREATE TABLE plots (id INTEGER PRIMARY KEY, plot TEXT, vintner TEXT, crop TEXT, terrace INTEGER);",
           "SELECT 'AddGeometryColumn plots.geom', AddGeometryColumn('plots','geom',2056,'POLYGON','XY');", "BEGIN;"]
    for i in range(1, n + 1):
        _, rs = rings(rnd, i, bad)
        srid = 21781 if faults and i % 97 == 13 else 2056
        out.append(f"INSERT INTO plots (id, plot, vintner, crop, terrace) VALUES ({i},'R{seed % 1000:03d}-{i:05d}','vintner{rnd.randint(1, 120)}',"
                   f"'{rnd.choice(crops)}',{rnd.randint(1, 14)});")
        out.append(f"UPDATE plots SET geom = GeomFromText('{wkt(rs)}',{srid}) WHERE id = {i};")
    out += ["COMMIT;", "SELECT 'CreateSpatialIndex plots.geom', CreateSpatialIndex('plots','geom');"]
    if faults:
        out += ["CREATE TABLE walls (id INTEGER PRIMARY KEY, terrace INTEGER);",
                "SELECT 'AddGeometryColumn walls.geom', AddGeometryColumn('walls','geom',2056,'LINESTRING','XY');",
                "SELECT 'AddGeometryColumn walls.geom', AddGeometryColumn('walls','geom',2056,'LINESTRING','XY');"]
        for i in range(1, 30):
            g = (f"LINESTRING({X0 + i * 25} {Y0},{X0 + i * 25} {Y0 + 400})" if i % 9 else
                 f"POINT({X0 + i * 25} {Y0})")
            out.append(f"INSERT INTO walls VALUES ({i},{i % 14},GeomFromText('{g}',2056));")
        out += ["CREATE TABLE cellars (id INTEGER PRIMARY KEY, plot_id INTEGER, geom BLOB);",
                "INSERT INTO cellars SELECT id, id, ST_Centroid(geom) FROM plots WHERE id % 10 = 0;",
                "SELECT 'RecoverGeometryColumn cellars.geom', RecoverGeometryColumn('cellars','geom',2056,'POLYGON','XY');",
                "SELECT 'RecoverGeometryColumn cellars.geom', RecoverGeometryColumn('cellars','geom',2056,'POINT','XY');",
                "SELECT 'CreateSpatialIndex cellar.geom', CreateSpatialIndex('cellar','geom');",
                "SELECT 'CheckSpatialMetaData', CheckSpatialMetaData();",
                "SELECT crop, COUNT(*), SUM(ST_Area(geom)) FROM plots GROUP BY crop;",
                "SELECT 'bad plots', COUNT(*) FROM plots WHERE NOT ST_IsValid(geom);",
                "SELECT id, ST_Area(ST_Union(geom, (SELECT geom FROM plots q WHERE q.id = p.id + 35))) FROM plots p "
                "WHERE id BETWEEN 100 AND 160;",
                "SELECT 'srid mix', ST_Distance(a.geom, b.geom) FROM plots a, plots b WHERE a.id = 13 AND b.id = 14;",
                "SELECT id, ST_Buffer(geom, 2.0) IS NULL FROM plots WHERE id <= 5;",
                "DELETE FROM plot WHERE crop = 'barn';"]
    return "\n".join(out) + "\n"


def spatialite(tmp: Path) -> None:
    d = tmp / "rebhang-db"
    d.mkdir()
    write_tree(d, {"plots.sql": village_sql(2117, 1400, 0.09, False), "rebuild.sql": village_sql(2118, 420, 0.15, True)})
    run("spatialite village.sqlite < plots.sql > /dev/null 2>&1", cwd=d, timeout=300)
    cap("spatialite-validity-plots", "spatialite -header village.sqlite \"SELECT id, plot, crop, ST_IsValidReason(geom)"
        " AS reason FROM plots\" | head -n 900", d, n_spatialite_validity)
    cap("spatialite-script-rebuild", "rm -f rebuild.sqlite; spatialite rebuild.sqlite < rebuild.sql 2>&1 | "
        "tail -n 150; echo EXIT=$?", d, n_spatialite_script)


# ------------------------------------------------------------------ the hiking paths, in OSM


def paths_osm(seed: int, n_nodes: int, n_ways: int, n_rels: int, miss: float) -> str:
    rnd = random.Random(seed)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<osm version="0.6" generator="rebhang-survey {seed}">',
           '  <bounds minlat="46.20" minlon="7.30" maxlat="46.26" maxlon="7.40"/>']
    kinds = ["shelter", "viewpoint", "bench", "bench", "wine_cellar", "spring", "cross"]
    for i in range(1, n_nodes + 1):
        ts = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:00:00Z"
        head = (f'  <node id="{20000 + i}" version="{rnd.randint(1, 7)}" timestamp="{ts}" '
                f'lat="{46.2 + rnd.random() * 0.06:.7f}" lon="{7.3 + rnd.random() * 0.1:.7f}"')
        if rnd.random() < 0.08:
            k = rnd.choice(kinds)
            key = "tourism" if k in ("viewpoint",) else "amenity" if k in ("shelter", "bench") else "natural" \
                if k == "spring" else "craft" if k == "wine_cellar" else "historic"
            out.append(head + f'>\n    <tag k="{key}" v="{k}"/>\n  </node>')
        else:
            out.append(head + "/>")
    hw = ["path"] * 6 + ["track"] * 3 + ["steps", "footway"]
    for w in range(1, n_ways + 1):
        nds = [20000 + n_nodes + rnd.randint(1, 999) if rnd.random() < miss else 20000 + rnd.randint(1, n_nodes)
               for _ in range(rnd.randint(3, 9))]
        sac = rnd.choice(["hiking", "mountain_hiking", "demanding_mountain_hiking"])
        out.append(f'  <way id="{8000 + w}" version="{rnd.randint(1, 4)}" timestamp="2025-06-{rnd.randint(1, 28):02d}'
                   f'T09:00:00Z">' + "".join(f'\n    <nd ref="{r}"/>' for r in nds) +
                   f'\n    <tag k="highway" v="{rnd.choice(hw)}"/>\n    <tag k="sac_scale" v="{sac}"/>\n  </way>')
    for r in range(1, n_rels + 1):
        mem = "".join(f'\n    <member type="way" ref="{8000 + n_ways + rnd.randint(1, 80) if rnd.random() < miss * 3 else 8000 + rnd.randint(1, n_ways)}" role=""/>'
                      for _ in range(rnd.randint(3, 8)))
        out.append(f'  <relation id="{300 + r}" version="2">{mem}\n    <tag k="type" v="route"/>\n'
                   f'    <tag k="route" v="hiking"/>\n    <tag k="name" v="Weinweg {r}"/>\n  </relation>')
    out.append("</osm>")
    return "\n".join(out) + "\n"


def osmium(tmp: Path) -> None:
    d = tmp / "rebhang-osm"
    (d / "x").mkdir(parents=True)
    big = paths_osm(2119, 5000, 1400, 30, 0.03)
    write_tree(d, {"paths.osm": big, "x/upper.osm": paths_osm(2120, 900, 200, 6, 0.01),
                   "x/short.osm": big[: len(big) // 3]})
    run("osmium sort paths.osm -o paths.osm.pbf -O && osmium cat x/upper.osm -o x/upper.osm.gz -O && "
        "head -c 20000 paths.osm.pbf > x/broken.osm.pbf", cwd=d)
    cap("osmium-fileinfo-x", "for f in paths.osm.pbf x/*; do echo \"== $f\"; osmium fileinfo -e \"$f\" 2>&1; done; "
        "echo EXIT=$?", d, n_osmium_fileinfo)
    cap("osmium-check-refs-paths", "osmium check-refs -i -r paths.osm 2>&1 | head -n 400", d, n_osmium_check_refs)
    cap("osmium-tags-filter-steps", "osmium tags-filter -v paths.osm w/highway=steps,footway "
        "n/amenity=shelter r/route=hiking -f opl -o - 2>&1 | tail -n 300", d, n_osmium_tags_filter)


# ------------------------------------------------------------------ PROJ

OPS = [("+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=2600000 +y_0=1200000 "
        "+ellps=bessel", "lv95"), ("+proj=aea +lat_1=43 +lat_2=62 +lat_0=30 +lon_0=10 +ellps=GRS80", "aea"),
       ("+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +ellps=WGS84", "polar"),
       ("+proj=eqdc +lat_1=45 +lat_2=48 +lon_0=7 +ellps=intl", "eqdc")]


def cct_pts(op: str, pts):
    txt = "\n".join(f"{a} {b} 0 0" for a, b in pts) + "\n"
    p = Path("/dev/shm/hm-corpus-wide211-cct.txt")
    p.write_text(txt)
    out = run(f"cct -d 6 {op} {p}", timeout=60)
    p.unlink()
    return [tuple(map(float, ln.split()[:2])) for ln in out.splitlines() if ln.strip() and not ln.startswith("#")]


def gie_file(seed: int, n_blocks: int, n_pts: int, slip: float) -> str:
    rnd = random.Random(seed)
    out = ["<gie>", ""]
    for k in range(n_blocks):
        op, tag = OPS[k % len(OPS)]
        pts = [(round(6 + rnd.random() * 4, 6), round(45.8 + rnd.random() * 2, 6)) for _ in range(n_pts)]
        out += ["=" * 70, f"# {tag}: vineyard boundary stones, sheet {k + 1}", "=" * 70, f"operation {op}",
                f"tolerance {rnd.choice(['1 mm', '5 mm', '2 cm'])}", ""]
        for (lon, lat), (x, y) in zip(pts, cct_pts(op, pts)):
            if rnd.random() < slip:
                y += rnd.choice([0.04, 1.5, -7.0, 250.0])
            out += [f"accept  {lon:.6f}  {lat:.6f}", f"expect  {x:.4f}  {y:.4f}", ""]
        if k % 2:
            out += ["direction inverse", f"accept  {2600000 + rnd.random() * 1000:.3f}  1200000.000", "expect  7.0  46.0", "",
                    "direction forward", ""]
    out += ["operation +proj=somerc +lat_0=100", "expect failure errno invalid_op_illegal_arg_value", "",
            "operation +proj=aea +lat_1=45 +lat_2=-45", "expect failure errno invalid_op_illegal_arg_value", "",
            "operation +proj=stere +k_0=0 +lat_0=90", "accept 0 89", "expect 0 0", "", "</gie>"]
    return "\n".join(out) + "\n"


def proj(tmp: Path) -> None:
    d = tmp / "rebhang-proj"
    (d / "t").mkdir(parents=True)
    write_tree(d, {"t/stones.gie": gie_file(2121, 8, 14, 0.1), "t/sheets.gie": gie_file(2122, 4, 10, 0.25)})
    rnd = random.Random(2123)
    pts = []
    for _ in range(1600):
        lon, lat = 6 + rnd.random() * 4, 45.8 + rnd.random() * 2
        if rnd.random() < 0.015:
            lon = rnd.choice([190.0, -200.5, 361.0])
        pts.append(f"{lon:.6f} {lat:.6f} {rnd.uniform(400, 1800):.1f} 0")
    write_tree(d, {"survey.txt": "\n".join(pts) + "\n"})
    cap("proj-gie-stones", "gie -v t/stones.gie t/sheets.gie 2>&1 | tail -n 150; echo EXIT=$?", d, n_proj_gie)
    cap("proj-gie-quiet", "gie t/sheets.gie", d, n_proj_gie)
    cap("proj-cct-lv95", "cct -d 3 " + OPS[0][0] + " survey.txt 2>&1 | tail -n 500", d, n_proj_cct)
    cap("proj-cct-pipeline", "cct -d 2 +proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        "+step +proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +ellps=WGS84 < survey.txt | head -n 700; echo EXIT=$?", d,
        n_proj_cct)


# ------------------------------------------------------------------ GPSBabel: hikers' tracks


def gpx(seed: int, n: int, fault: str | None) -> str:
    rnd = random.Random(seed)
    lat, lon, ele = 46.21 + rnd.random() / 50, 7.33 + rnd.random() / 50, 520.0
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx version="1.1" creator="hikelog 2.3" xmlns="http://www.topografix.com/GPX/1/1">',
           f"<trk><name>Weinweg hike {seed}</name><trkseg>"]
    bad = rnd.randint(n // 4, 3 * n // 4)
    for i in range(n):
        lat += rnd.uniform(-0.0003, 0.0004)
        lon += rnd.uniform(-0.0003, 0.0004)
        ele = max(450.0, ele + rnd.uniform(-3, 5))
        t = f"2026-09-{12 + seed % 5:02d}T{8 + i // 3600:02d}:{(i // 60) % 60:02d}:{i % 60:02d}Z"
        pt = f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</ele><time>{t}</time></trkpt>'
        if i == bad and fault == "nested":
            pt = f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}<time>{t}</ele></time></trkpt>'
        elif i == bad and fault == "lt":
            pt = f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</ele><name>a < b</name></trkpt>'
        elif i == bad and fault == "quote":
            pt = f'<trkpt lat="{lat:.6f} lon="{lon:.6f}"><ele>{ele:.1f}</ele></trkpt>'
        out.append(pt)
    out += ["</trkseg></trk>", "</gpx>"]
    text = "\n".join(out) + "\n"
    return text[: len(text) // 2] if fault == "half" else text


def gpsbabel(tmp: Path) -> None:
    d = tmp / "rebhang-gps"
    d.mkdir()
    faults = [("anna", None), ("beat", "nested"), ("chris", "half"), ("dora", "lt"), ("emil", "quote")]
    write_tree(d, {f"hikes/{who}.gpx": gpx(2124 + i, 400, f) for i, (who, f) in enumerate(faults)})
    write_tree(d, {"long.gpx": gpx(2130, 1100, None), "kml/bad.kml": "<kml><Document><Placemark><Point>"
                   "<coordinates>7.3,46.2</coordinates></Point></Placemark>\n"})
    cap("gpsbabel-error-hikes", "for f in hikes/*.gpx kml/bad.kml; do echo \"== $f\"; gpsbabel -t -i "
        "$( [ ${f##*.} = kml ] && echo kml || echo gpx ) -f \"$f\" -o csv -F /dev/null 2>&1; echo EXIT=$?; done", d,
        n_gpsbabel_error)
    cap("gpsbabel-unicsv-long", "gpsbabel -t -i gpx -f long.gpx -x track,speed -o unicsv -F - | head -n 600", d,
        n_gpsbabel_unicsv)
    cap("gpsbabel-unicsv-simplify", "gpsbabel -t -i gpx -f long.gpx -x simplify,count=150 -o unicsv -F -", d,
        n_gpsbabel_unicsv)


# ------------------------------------------------------------------ GRASS GIS: the slope

GRASS_SETUP = """set -e
g.region n=1204000 s=1200000 e=2604000 w=2600000 res=25
r.mapcalc expression="dem = 520 + 0.09 * (y() - 1200000) + 15 * sin(x() / 40) + rand(-2.0, 2.0)" seed=2131
r.slope.aspect elevation=dem slope=slope aspect=aspect
r.mapcalc expression="terrace = int((dem - 520) / 25)"
r.mapcalc expression="sun = if(aspect > 90 && aspect < 270, 1, null())"
r.mapcalc expression="yield = float(rand(2.0, 11.0))" seed=2132
v.in.ascii input=stakes.txt output=stakes separator=comma columns="x double precision, y double precision, row integer" x=1 y=2
"""


def plots_geojson(seed: int, n: int, bad: float) -> str:
    rnd = random.Random(seed)
    crops = ["pinot noir"] * 4 + ["chasselas"] * 3 + ["meadow", "orchard"]
    feats = []
    for i in range(1, n + 1):
        f, rs = rings(rnd, i, bad, cols=30, step=30.0)
        feats.append({"type": "Feature", "properties": {"plot": f"R{seed % 1000:03d}-{i:05d}", "crop": rnd.choice(crops),
                                                        "vines": rnd.randint(100, 4000)},
                      "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in r] for r in rs]}})
    return json.dumps({"type": "FeatureCollection", "name": "plots",
                       "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2056"}},
                       "features": feats})


def grass(tmp: Path) -> None:
    d = tmp / "rebhang-grass"
    d.mkdir()
    rnd = random.Random(2133)
    stakes = [f"{2600000 + rnd.random() * 4000:.1f},{1200000 + rnd.random() * 4000:.1f},{rnd.randint(1, 60)}"
              for _ in range(200)]
    write_tree(d, {"stakes.txt": "\n".join(stakes) + "\n", "setup.sh": GRASS_SETUP,
                   "plots.geojson": plots_geojson(2134, 500, 0.1), "upper.geojson": plots_geojson(2135, 150, 0.2)})
    run("grass -c EPSG:2056 -e gdb/slope", cwd=d, timeout=300)
    cm.note("grass setup: " + run("grass gdb/slope/PERMANENT --exec bash setup.sh", cwd=d, timeout=600)[-300:])
    g = "grass gdb/slope/PERMANENT --exec"
    cap("grass-r-info-maps", f"for m in dem slope terrace sun yield frost; do {g} r.info $m 2>&1; done | "
        "grep -vE '^ \\|\\s+\\|$'", d, n_grass_r_info)
    cap("grass-r-univar-maps", f"for m in dem slope sun yield; do echo \"== $m\"; {g} r.univar -e $m 2>&1; done; "
        f"{g} r.univar map=frost 2>&1; echo EXIT=$?", d, n_grass_r_univar)
    cap("grass-v-build-plots", f"{g} v.in.ogr input=plots.geojson output=plots 2>&1 | tail -n 80", d, n_grass_v_build)
    cap("grass-v-build-upper", f"{g} v.in.ogr input=upper.geojson output=upper 2>&1; {g} v.clean input=upper "
        "output=upper_clean tool=break,rmdupl,rmarea threshold=0,0,30 2>&1 | tail -n 40; echo EXIT=$?", d,
        n_grass_v_build)
    cap("grass-v-info-plots", f"for v in plots upper_clean stakes walls; do {g} v.info $v 2>&1; done", d,
        n_grass_v_info)


# ------------------------------------------------------------------ Shapely, GeoPandas, fio

CHECK_PY = '''"""Check the village's plots before the vineyard register imports them."""
import json
import sys
import warnings

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity

data = json.load(open(sys.argv[1]))
ok = bad = 0
polys = []
for feat in data["features"]:
    name = feat["properties"]["plot"]
    g = shape(feat["geometry"])
    if not g.is_valid:
        bad += 1
        print(f"INVALID {name}: {explain_validity(g)} (area {g.area:.1f} m2)")
    else:
        ok += 1
        if len(sys.argv) > 2:
            print(f"ok      {name}: {g.area:8.1f} m2, {feat['properties']['vines']} vines")
    polys.append(g)
print(f"checked {ok + bad} plots: {ok} valid, {bad} invalid")
with warnings.catch_warnings():
    warnings.simplefilter("default")
    ratios = [p.length / p.area for p in polys]   # a sliver has no area
print(f"summary: largest perimeter/area ratio {max(ratios):.2f}")
shapely.coverage_union_all(polys)
'''

REGISTER_PY = '''"""Match the plots to the wine register's communes and flag plots off the register."""
import sys

import geopandas as gpd

plots = gpd.read_file(sys.argv[1])
communes = gpd.read_file(sys.argv[2])
print(f"plots: {len(plots)} ({plots.crs}), communes: {len(communes)} ({communes.crs})")
print("centroid sample:", communes.centroid.head(3).round(4).tolist())
j = gpd.sjoin(plots, communes, how="left", predicate="within")
for r in j.itertuples():
    if not isinstance(r.commune, str):
        print(f"FAIL {r.plot}: not within any commune ({r.crop})")
    elif r.crop == "pinot noir" and r.aoc == "none":
        print(f"FAIL {r.plot}: pinot noir outside the AOC in {r.commune}")
for r in plots[~plots.is_valid].itertuples():
    print(f"INVALID {r.plot}")
print(j.groupby("commune")["vines"].sum().to_string())
print(f"summary: {len(plots)} plots, {len(j)} joined rows")
plots.dissolve(by="crop").to_crs("EPSG:999999")
'''


def communes_geojson() -> str:
    feats = []
    for k, (name, aoc) in enumerate([("Rebdorf", "valais"), ("Obersee", "none"), ("Mittelhang", "valais")]):
        lon0 = 7.4357 + k * 0.0035
        feats.append({"type": "Feature", "properties": {"commune": name, "aoc": aoc},
                      "geometry": {"type": "Polygon", "coordinates": [[[lon0, 46.9500], [lon0 + 0.0035, 46.9500],
                                                                        [lon0 + 0.0035, 46.9620], [lon0, 46.9620],
                                                                        [lon0, 46.9500]]]}})
    return json.dumps({"type": "FeatureCollection", "features": feats})


def python_runs(tmp: Path) -> None:
    d = tmp / "rebhang-py"
    d.mkdir()
    write_tree(d, {"check.py": CHECK_PY, "register.py": REGISTER_PY, "plots.geojson": plots_geojson(2136, 700, 0.07),
                   "upper.geojson": plots_geojson(2137, 200, 0.2), "communes.geojson": communes_geojson()})
    cap("shapely-validate-plots", f"{PY} check.py plots.geojson 2>&1 | tail -n 100; echo EXIT=$?", d,
        n_shapely_validate, typed="python check.py plots.geojson 2>&1 | tail -n 100; echo EXIT=$?")
    cap("shapely-validate-upper", f"{PY} check.py upper.geojson -v 2>&1", d, n_shapely_validate,
        typed="python check.py upper.geojson -v 2>&1")
    cap("geopandas-register", f"{PY} register.py plots.geojson communes.geojson 2>&1 | head -n 250", d,
        n_geopandas_script, typed="python register.py plots.geojson communes.geojson 2>&1 | head -n 250")
    cap("geopandas-register-grep", f"{PY} register.py upper.geojson communes.geojson 2>&1 | grep -E "
        "'Warning|Error|INVALID|summary|plots:'; echo EXIT=$?", d, n_geopandas_script,
        typed="python register.py upper.geojson communes.geojson 2>&1 | grep -E 'Warning|Error|INVALID|summary|plots:'"
              "; echo EXIT=$?")
    run(f"{PY} -c \"import geopandas as gpd; p = gpd.read_file('plots.geojson'); p.to_file('village.gpkg', "
        "layer='plots', driver='GPKG'); gpd.read_file('communes.geojson').to_file('village.gpkg', layer='communes', "
        "driver='GPKG')\"", cwd=d, timeout=120)
    cap("fio-info-village", "fio info --indent 2 --layer plots village.gpkg; fio info --indent 2 --layer communes "
        "village.gpkg; fio info --indent 2 --layer roads village.gpkg; echo EXIT=$?", d, n_fio_info)


STEPS = [spatialite, osmium, proj, gpsbabel, grass, python_runs]
