"""Round 207, geospatial command-line tools: a town's cadastre in SpatiaLite (parcels with self-intersections, spikes
and holes outside their shells, a geometry column registered with the wrong SRID), OSM extracts through osmium-tool
(ways whose nodes were clipped away, relations naming missing ways, files cut short), PROJ's gie on test files with
wrong expectations and cct on coordinates out of range, GPSBabel on GPS tracks with malformed points. All data is
written here by seeded generators. The extractors are this round's (NEEDLES.md, "Round 207"). Run through
capture_wide207.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_data import rule4
from capture_more import run, write_tree
from capture_wide207 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 207")

ERR_RE = re.compile(r"\berror\b|\bfatal\b|\bfailed\b", re.I)


def _geos_groups(lines):
    return cm.groups((cm.mask(ln.strip()), ln) for ln in lines if ln.strip().startswith("GEOS warning:"))


def _first_field(s: str) -> str:
    return re.split(r"[|\s]+", s.strip(), maxsplit=1)[0]


@cm.kind("spatialite-validity", "table")
def n_spatialite_validity(lines):
    """Rule 5 on SpatiaLite validity queries: the header row when printed, every result row whose reason is not Valid Geometry, GEOS warnings one {"any"} per message shape, GEOS error and Error: lines; EXIT=N."""
    out, header_seen = [], False
    for ln in lines:
        s = ln.strip()
        if not s or set(s) <= set("- |"):
            continue
        if s.startswith("GEOS warning:"):
            continue
        if s.startswith(("GEOS error:", "Error:")) or ERR_RE.search(s) and "()" in s:
            out.append(ln)
            continue
        if EXIT_LINE.match(s):
            continue
        if not header_seen and not re.match(r"^-?\d", _first_field(s)):
            header_seen = True
            out.append(ln)
            continue
        header_seen = True
        if re.match(r"^-?\d", _first_field(s)) and "Valid Geometry" not in s:
            out.append(ln)
    return out + _geos_groups(lines) + exit_lines(lines)


EXIT_LINE = re.compile(r"^EXIT=\d+$")
SPL_CHECKS = ("CheckSpatialMetaData", "RecoverGeometryColumn", "AddGeometryColumn", "CreateSpatialIndex")


@cm.kind("spatialite-script", "log")
def n_spatialite_script(lines):
    """Rule 1 on a SpatiaLite SQL script: every Error: near line N: line and every line saying a SpatiaLite function failed (...(): ... failed, ... error:), the result line of each CheckSpatialMetaData / RecoverGeometryColumn / AddGeometryColumn / CreateSpatialIndex check (the script labels it with the function's name), GEOS warnings one {"any"} per message shape; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if s.startswith(("Error:", "GEOS error:")) or re.search(r"\w\(\)(:| error)", s) and ERR_RE.search(s):
            out.append(ln)
        elif s.startswith(SPL_CHECKS):
            out.append(ln)
    return out + _geos_groups(lines) + exit_lines(lines)


def _osm_errors(lines):
    return [ln for ln in lines if re.search(r"(XML parsing error|PBF error|[Ee]rror:|Unknown|Invalid)", ln)]


@cm.kind("osmium-fileinfo", "doc")
def n_osmium_fileinfo(lines):
    """Rule 5 on osmium fileinfo -e: for every file its Name, Format, Size lines, the data Bounding box line, the First and Last timestamp lines, the Number of nodes/ways/relations lines, the Largest ... ID lines, the Objects ordered and Multiple versions lines; every error line; EXIT=N."""
    out, sec = [], ""
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(File|Header|Data|Metadata):$", s):
            sec = s
            continue
        if s.startswith(("Name:", "Format:", "Size:", "First:", "Last:", "Number of nodes:", "Number of ways:",
                         "Number of relations:", "Objects ordered", "Multiple versions")) or \
                re.match(r"^Largest \w+ ID:", s) or (sec == "Data:" and s.startswith("Bounding box:")):
            out.append(ln)
    return out + _osm_errors(lines) + exit_lines(lines)


MISSING_RE = re.compile(r"^[nwr]-?\d+ in [nwr]-?\d+$")


@cm.kind("osmium-check-refs", "listing")
def n_osmium_check_refs(lines):
    """Rule 5 on osmium check-refs: the There are N nodes ... line, every ... missing: N line, every error line, of the listed missing references the first and last and every one inside a relation (in rN); EXIT=N."""
    out = [ln for ln in lines if ln.strip().startswith("There are ") or re.search(r"missing: \d+", ln)]
    refs = [ln for ln in lines if MISSING_RE.match(ln.strip())]
    if refs:
        out += [refs[0], refs[-1]] + [ln for ln in refs if re.search(r" in r-?\d+$", ln.strip())]
    return out + _osm_errors(lines) + exit_lines(lines)


OPL_RE = re.compile(r"^([nwr])-?\d+ v\d+ ")


@cm.kind("osmium-tags-filter", "listing")
def n_osmium_tags_filter(lines):
    """Rule 5 on osmium tags-filter to OPL: the first and last object line, every object line of a type (n/w/r) held by at most 2 lines, the Needed N pass(es) line, every error or warning line; EXIT=N."""
    objs = [(ln, OPL_RE.match(ln.strip()).group(1)) for ln in lines if OPL_RE.match(ln.strip())]
    out = []
    if objs:
        out += [objs[0][0], objs[-1][0]]
        cnt: dict = {}
        for _, t in objs:
            cnt[t] = cnt.get(t, 0) + 1
        out += [ln for ln, t in objs if cnt[t] <= 2]
    out += [ln for ln in lines if re.search(r"Needed \d+ pass", ln) or re.search(r"\b(error|warning)\b", ln, re.I)]
    return out + exit_lines(lines)


@cm.kind("proj-gie", "test")
def n_proj_gie(lines):
    """Rule 2 on PROJ's gie: every FAILURE in file(L): line with its expected: and got: lines, every Invalid operation definition line, the total: summary line, the Failing roundtrips: and Failing failures: lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("FAILURE in "):
            out.append(ln)
            for pat in (r"^\s*expected", r"^\s*got"):
                m = cm.next_match(lines, i, pat, 3)
                if m:
                    out.append(m)
        elif s.startswith(("Invalid operation definition", "total:", "Failing roundtrips:", "Failing failures:")):
            out.append(ln)
    return out + exit_lines(lines)


COORD_RE = re.compile(r"^\s*-?[\d.]+(\s+-?[\d.]+|\s+inf|\s+HUGE_VAL){1,3}\s*$")


@cm.kind("proj-cct", "table")
def n_proj_cct(lines):
    """Rule 1 on PROJ's cct: every # Record N TRANSFORMATION ERROR: line, every proj_create: / error line, the first and last output coordinate line; EXIT=N."""
    out = [ln for ln in lines if "TRANSFORMATION ERROR" in ln or ln.strip().startswith("proj_create:")
           or re.search(r"\berror\b", ln, re.I)]
    coords = [ln for ln in lines if COORD_RE.match(ln)]
    if coords:
        out += [coords[0], coords[-1]]
    return out + exit_lines(lines)


@cm.kind("gpsbabel-error", "log")
def n_gpsbabel_error(lines):
    """Rule 1 on GPSBabel: every line holding error / Read error / fatal, warnings one {"any"} per message shape, the GPSBabel Version line under -D; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        if re.search(r"error|fatal", s, re.I):
            out.append(ln)
        elif re.search(r"warning", s, re.I):
            warns.append((cm.mask(s), ln))
        elif s.startswith("GPSBabel Version:"):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("gpsbabel-unicsv", "table")
def n_gpsbabel_unicsv(lines):
    """Rule 4 on GPSBabel's unicsv output: the header row, the first and last data row, the rows holding the minimum and maximum of each numeric column but No, every error line; EXIT=N."""
    hi = next((i for i, ln in enumerate(lines) if ln.startswith("No,")), None)
    out = [ln for ln in lines if re.search(r"error|fatal", ln, re.I)]
    if hi is None:
        return out + exit_lines(lines)
    cols = lines[hi].split(",")
    rows = []
    for ln in lines[hi + 1:]:
        f = ln.split(",")
        if len(f) != len(cols) or not f[0].isdigit():
            continue
        rows.append((ln, dict(zip(cols, f))))
    nums = [c for c in cols if c not in ("No", "Date", "Time", "Name", "Description")]
    out += rule4(rows, nums=nums, header=[lines[hi]])
    if rows:
        out += [rows[0][0], rows[-1][0]]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ SpatiaLite: a town's cadastre

def _square(x, y, w, h):
    return f"(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


def parcel_wkt(rnd: random.Random, i: int, bad: float) -> tuple[str, str]:
    x, y = 600000 + (i % 40) * 30.0, 5200000 + (i // 40) * 30.0
    w, h = rnd.randint(18, 28), rnd.randint(18, 28)
    if rnd.random() >= bad:
        return "ok", "POLYGON" + _square(x, y, w, h)
    fault = rnd.choice(["bowtie", "spike", "hole_out", "hole_touch", "dup_ring"])
    if fault == "bowtie":
        return fault, f"POLYGON(({x} {y},{x + w} {y + h},{x + w} {y},{x} {y + h},{x} {y}))"
    if fault == "spike":
        return fault, (f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x + w / 2} {y + h},{x + w / 2} {y + h + 9},"
                       f"{x + w / 2} {y + h},{x} {y + h},{x} {y}))")
    if fault == "hole_out":
        return fault, "POLYGON(" + _square(x, y, w, h)[1:-1] + "," + _square(x + w + 2, y + 2, 3, 3)[1:-1] + ")"
    if fault == "hole_touch":
        return fault, "POLYGON(" + _square(x, y, w, h)[1:-1] + "," + _square(x, y + 2, 4, 4)[1:-1] + ")"
    return fault, "POLYGON(" + _square(x, y, w, h)[1:-1] + "," + _square(x + 2, y + 2, 5, 5)[1:-1] + "," \
        + _square(x + 2, y + 2, 5, 5)[1:-1] + ")"


def cadastre_sql(seed: int, n: int, bad: float, faults: bool, mixed: float = 0.0) -> str:
    rnd = random.Random(seed)
    out = ["SELECT InitSpatialMetaData(1);",
           "CREATE TABLE parcels (id INTEGER PRIMARY KEY, parcel_no TEXT, owner TEXT, landuse TEXT);",
           "SELECT 'AddGeometryColumn parcels.geom', AddGeometryColumn('parcels','geom',32632,'POLYGON','XY');",
           "BEGIN;"]
    uses = ["residential"] * 6 + ["agricultural"] * 3 + ["forest", "commercial"]
    for i in range(1, n + 1):
        _, wkt = parcel_wkt(rnd, i, bad)
        out.append(f"INSERT INTO parcels (id, parcel_no, owner, landuse) VALUES ({i},'P-{seed % 100:02d}-{i:04d}',"
                   f"'owner{rnd.randint(1, 400)}','{rnd.choice(uses)}');")
        srid = 32632
        if mixed and rnd.random() < mixed:  # a batch digitised in another CRS, or as multipolygons
            multi = "MULTI" + wkt.replace("POLYGON(", "POLYGON((") + ")"
            srid, wkt = rnd.choice([(4326, wkt), (25832, wkt), (32632, multi)])
        out.append(f"UPDATE parcels SET geom = GeomFromText('{wkt}',{srid}) WHERE id = {i};")
    out.append("COMMIT;")
    out.append("SELECT 'CreateSpatialIndex parcels.geom', CreateSpatialIndex('parcels','geom');")
    if faults:
        out += ["CREATE TABLE roads (id INTEGER PRIMARY KEY, name TEXT, geom BLOB);"]
        for i in range(1, 40):
            srid = 3857 if i % 13 == 0 else 32632
            out.append(f"INSERT INTO roads VALUES ({i},'road {i}',GeomFromText('LINESTRING({600000 + i * 20} 5200000,"
                       f"{600000 + i * 20} 5201000)',{srid}));")
        out += ["SELECT 'RecoverGeometryColumn roads.geom', RecoverGeometryColumn('roads','geom',32632,'LINESTRING','XY');",
                "SELECT 'CreateSpatialIndex roads.geom', CreateSpatialIndex('roads','geom');",
                "CREATE TABLE buildings (id INTEGER PRIMARY KEY, parcel_id INTEGER REFERENCES parcels(id));",
                "SELECT 'AddGeometryColumn buildings.geom', AddGeometryColumn('buildings','geom',32632,'POLYGON','XYZ');",
                "SELECT 'AddGeometryColumn buildings.geom', AddGeometryColumn('buildings','geom',32632,'POLYGON','XY');",
                "INSERT INTO buildings VALUES (1, 1, GeomFromText('POINT(600001 5200001)',32632));",
                "INSERT INTO buildings (id, parcel_id) SELECT id, id FROM parcel;",
                "SELECT 'CheckSpatialMetaData', CheckSpatialMetaData();",
                "SELECT 'invalid parcels', COUNT(*) FROM parcels WHERE ST_IsValid(geom) = 0;",
                "SELECT p.id, ST_Area(ST_Intersection(p.geom, q.geom)) FROM parcels p JOIN parcels q ON q.id = p.id + 1 "
                "WHERE p.id <= 60;",
                "UPDATE parcels SET geom = ST_MakeValid(geom) WHERE ST_IsValid(geom) = 0;",
                "SELECT 'invalid parcels after ST_MakeValid', COUNT(*) FROM parcels WHERE ST_IsValid(geom) = 0;",
                "SELECT 'CheckSpatialMetaData', CheckSpatialMetaData();"]
    else:
        out.append("SELECT 'CheckSpatialMetaData', CheckSpatialMetaData();")
    return "\n".join(out) + "\n"


def spatialite(tmp: Path) -> None:
    d = tmp / "cadastre"
    d.mkdir()
    write_tree(d, {"load.sql": cadastre_sql(2071, 900, 0.12, False), "rebuild.sql": cadastre_sql(2072, 260, 0.2, True),
                   "import.sql": cadastre_sql(2070, 700, 0.08, False, mixed=0.06),
                   "region.sql": cadastre_sql(2069, 2000, 0.05, False)})
    run("spatialite cadastre.sqlite < load.sql > /dev/null 2>&1", cwd=d, timeout=300)
    run("spatialite region.sqlite < region.sql > /dev/null 2>&1", cwd=d, timeout=300)
    cap("spatialite-validity-all", "spatialite -header cadastre.sqlite \"SELECT id, parcel_no, ST_IsValid(geom) AS valid, "
        "ST_IsValidReason(geom) AS reason FROM parcels\"", d, n_spatialite_validity)
    cap("spatialite-validity-grep", "spatialite cadastre.sqlite \"SELECT id, parcel_no, landuse, ST_IsValidReason(geom) "
        "FROM parcels\" 2>&1 | grep -v 'Valid Geometry' | head -n 100", d, n_spatialite_validity)
    cap("spatialite-validity-column", "spatialite -column -header cadastre.sqlite \"SELECT id, parcel_no, "
        "ST_NPoints(geom) AS npts, ST_IsValidReason(geom) AS reason FROM parcels WHERE ST_IsValid(geom) = 0 "
        "ORDER BY id\"; echo EXIT=$?", d, n_spatialite_validity)
    cap("spatialite-validity-region", "spatialite region.sqlite \"SELECT id, parcel_no, owner, landuse, "
        "ST_IsValidReason(geom) FROM parcels\"", d, n_spatialite_validity)
    cap("spatialite-script-rebuild", "spatialite town.sqlite < rebuild.sql; echo EXIT=$?", d, n_spatialite_script)
    cap("spatialite-script-load", "rm -f again.sqlite; spatialite again.sqlite < import.sql 2>&1; "
        "echo EXIT=$?", d, n_spatialite_script)


# ------------------------------------------------------------------ osmium: OSM extracts with missing references

def osm_xml(seed: int, n_nodes: int, n_ways: int, n_rels: int, miss: float) -> str:
    rnd = random.Random(seed)
    amen = ["bench"] * 6 + ["waste_basket"] * 3 + ["cafe", "pub", "drinking_water", "toilets"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<osm version="0.6" generator="townsurvey {seed}">',
           '  <bounds minlat="47.30" minlon="8.50" maxlat="47.40" maxlon="8.60"/>']
    for i in range(1, n_nodes + 1):
        tag = f'\n    <tag k="amenity" v="{rnd.choice(amen)}"/>\n  </node>' if rnd.random() < 0.15 else None
        head = (f'  <node id="{1000 + i}" version="{rnd.randint(1, 5)}" timestamp="2024-0{rnd.randint(1, 9)}-'
                f'{rnd.randint(10, 28)}T{rnd.randint(10, 23)}:{rnd.randint(10, 59)}:00Z" changeset="{rnd.randint(9000, 9999)}"'
                f' lat="{47.3 + rnd.random() / 10:.7f}" lon="{8.5 + rnd.random() / 10:.7f}"')
        out.append(head + (">" + tag if tag else "/>"))
    hw = ["residential"] * 5 + ["footway"] * 3 + ["service", "track", "cycleway"]
    for w in range(1, n_ways + 1):
        nds = []
        for _ in range(rnd.randint(2, 7)):
            nds.append(1000 + n_nodes + rnd.randint(1, 400) if rnd.random() < miss else 1000 + rnd.randint(1, n_nodes))
        body = "".join(f'\n    <nd ref="{r}"/>' for r in nds)
        out.append(f'  <way id="{500 + w}" version="{rnd.randint(1, 3)}" timestamp="2024-05-{rnd.randint(10, 28)}T08:00:00Z"'
                   f'>{body}\n    <tag k="highway" v="{rnd.choice(hw)}"/>\n    <tag k="name" v="Street {w}"/>\n  </way>')
    for r in range(1, n_rels + 1):
        mem = []
        for _ in range(rnd.randint(2, 5)):
            ref = 500 + n_ways + rnd.randint(1, 50) if rnd.random() < miss * 2 else 500 + rnd.randint(1, n_ways)
            mem.append(f'\n    <member type="way" ref="{ref}" role="{rnd.choice(["outer", "inner", ""])}"/>')
        typ = rnd.choice(["multipolygon", "route", "multipolygon"])
        out.append(f'  <relation id="{70 + r}" version="1">{"".join(mem)}\n    <tag k="type" v="{typ}"/>\n  </relation>')
    out.append("</osm>")
    return "\n".join(out) + "\n"


def osmium(tmp: Path) -> None:
    d = tmp / "osm"
    (d / "extracts").mkdir(parents=True)
    city = osm_xml(2073, 3000, 900, 40, 0.05)
    town = osm_xml(2074, 800, 260, 12, 0.02)
    write_tree(d, {"city.osm": city, "extracts/town.osm": town, "extracts/village.osm": osm_xml(2075, 200, 50, 3, 0.0),
                   "extracts/cut.osm": town[: len(town) * 3 // 5]})
    run("osmium cat city.osm -o city.osm.pbf -O && osmium cat extracts/town.osm -o extracts/town.osm.pbf -O && "
        "head -c 9000 city.osm.pbf > extracts/city-partial.osm.pbf && osmium cat extracts/village.osm -o "
        "extracts/village.osm.bz2 -O", cwd=d)
    cap("osmium-fileinfo-loop", "for f in extracts/*; do osmium fileinfo -e \"$f\"; echo EXIT=$?; done", d,
        n_osmium_fileinfo)
    cap("osmium-fileinfo-city", "osmium fileinfo -e -c city.osm.pbf && osmium fileinfo -e city.osm", d, n_osmium_fileinfo)
    cap("osmium-fileinfo-broken", "osmium fileinfo -e extracts/cut.osm; echo EXIT=$?; osmium fileinfo -e -c "
        "extracts/city-partial.osm.pbf; echo EXIT=$?", d, n_osmium_fileinfo)
    cap("osmium-check-refs-ids", "osmium check-refs -i -r city.osm", d, n_osmium_check_refs)
    cap("osmium-check-refs-verbose", "osmium check-refs -v -r city.osm.pbf 2>&1 | tail -n 30; echo EXIT=$?", d,
        n_osmium_check_refs)
    cap("osmium-check-refs-head", "osmium check-refs -i -r extracts/town.osm 2>&1 | head -n 100", d, n_osmium_check_refs)
    cap("osmium-tags-filter-footway", "osmium tags-filter -v city.osm w/highway=footway,cycleway -f opl -o - 2>&1 | "
        "head -n 250", d, n_osmium_tags_filter)
    cap("osmium-tags-filter-amenity", "osmium tags-filter extracts/town.osm n/amenity=cafe,pub,toilets "
        "r/type=route -f opl -o -; echo EXIT=$?", d, n_osmium_tags_filter)


# ------------------------------------------------------------------ PROJ: gie test files and cct

GIE_OPS = [("+proj=utm +zone=32 +ellps=GRS80", "utm32"), ("+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=500000 "
           "+ellps=WGS84", "tmerc9"), ("+proj=merc +ellps=WGS84", "merc"), ("+proj=lcc +lat_1=45 +lat_2=49 +lat_0=47 "
           "+lon_0=8 +ellps=GRS80", "lcc47"), ("+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80",
           "laea")]


def _cct(op: str, pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """PROJ's own answers for `pts` (lon lat) under `op`, from cct."""
    lines = " ".join(f"'{a} {b} 0 0'" for a, b in pts)
    text = run(f"printf '%s\\n' {lines} | cct -d 6 {op}", timeout=60)
    vals = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [(float(v[0]), float(v[1])) for v in vals]


def gie_file(seed: int, n_ops: int, n_pts: int, wrong: float) -> str:
    rnd = random.Random(seed)
    out = ["<gie>", ""]
    for k in range(n_ops):
        op, tag = GIE_OPS[k % len(GIE_OPS)]
        pts = [(round(5 + rnd.random() * 8, 6), round(44 + rnd.random() * 8, 6)) for _ in range(n_pts)]
        xy = _cct(op, pts)
        out += ["-" * 79, f"# {tag}: survey control points, batch {k + 1}", "-" * 79, f"operation {op}",
                "-" * 79, f"tolerance {rnd.choice(['0.1 mm', '1 mm', '1 cm'])}", ""]
        for (lon, lat), (x, y) in zip(pts, xy):
            if rnd.random() < wrong:
                x += rnd.choice([0.5, 3.2, 120.0, -0.02])
            out += [f"accept  {lon:.6f}  {lat:.6f}", f"expect  {x:.4f}  {y:.4f}", ""]
        if k % 3 == 0:
            out += ["roundtrip 100", ""]
    out += ["operation +proj=utm +zone=61", "expect failure errno invalid_op_illegal_arg_value", "",
            "operation +proj=laea +lat_0=95", "expect failure errno invalid_op_wrong_syntax", "",
            "operation +proj=nosuchproj +ellps=GRS80", "accept 1 2", "expect 3 4", "", "</gie>"]
    return "\n".join(out) + "\n"


def proj(tmp: Path) -> None:
    d = tmp / "proj"
    (d / "tests").mkdir(parents=True)
    write_tree(d, {"tests/control.gie": gie_file(2076, 10, 12, 0.12), "tests/datum.gie": gie_file(2077, 5, 8, 0.3),
                   "tests/fine.gie": gie_file(2078, 4, 6, 0.0)})
    rnd = random.Random(2079)
    pts = []
    for i in range(900):
        lon, lat = 5 + rnd.random() * 8, 44 + rnd.random() * 8
        if rnd.random() < 0.02:
            lat = rnd.choice([91.5, 95.0, -92.25])
        pts.append(f"{lon:.6f} {lat:.6f} {rnd.uniform(200, 2500):.1f} 0")
    write_tree(d, {"gps/track.txt": "\n".join(pts) + "\n"})
    cap("proj-gie-all", "gie tests/*.gie; echo EXIT=$?", d, n_proj_gie)
    cap("proj-gie-verbose", "gie -v tests/control.gie | tail -n 80", d, n_proj_gie)
    cap("proj-gie-datum", "gie -v tests/datum.gie tests/fine.gie", d, n_proj_gie)
    cap("proj-cct-utm", "cct -d 3 +proj=utm +zone=32 +ellps=GRS80 gps/track.txt 2>&1 | head -n 400", d, n_proj_cct)
    cap("proj-cct-pipeline", "cct -d 4 +proj=pipeline +step +proj=unitconvert "
        "+xy_in=deg +xy_out=rad +step +proj=merc +ellps=WGS84 < gps/track.txt; echo EXIT=$?", d, n_proj_cct)


# ------------------------------------------------------------------ GPSBabel: GPS tracks with malformed points

def gpx(seed: int, n: int, fault: str | None) -> str:
    rnd = random.Random(seed)
    lat, lon, ele = 46.5 + rnd.random(), 7.5 + rnd.random(), 600.0
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx version="1.1" creator="fieldlogger" xmlns="http://www.topografix.com/GPX/1/1">',
           f"<metadata><name>ride {seed}</name><time>2024-06-01T06:00:00Z</time></metadata>"]
    for w in range(5):
        out.append(f'<wpt lat="{lat + rnd.random() / 50:.6f}" lon="{lon + rnd.random() / 50:.6f}"><ele>{ele:.1f}</ele>'
                   f"<name>WP{w + 1:02d}</name><sym>Flag</sym></wpt>")
    out.append(f"<trk><name>ride {seed}</name><trkseg>")
    bad_at = rnd.randint(n // 3, 2 * n // 3)
    for i in range(n):
        lat += rnd.uniform(-0.0004, 0.0006)
        lon += rnd.uniform(-0.0004, 0.0006)
        ele = max(200.0, ele + rnd.uniform(-6, 7))
        t = f"2024-06-01T{6 + i // 3600:02d}:{(i // 60) % 60:02d}:{i % 60:02d}Z"
        pt = f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</ele><time>{t}</time></trkpt>'
        if i == bad_at and fault == "tag":
            pt = f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</elevation><time>{t}</time></trkpt>'
        elif i == bad_at and fault == "attr":
            pt = f'<trkpt lat="{lat:.6f}" lon={lon:.6f}><ele>{ele:.1f}</ele><time>{t}</time></trkpt>'
        elif i == bad_at and fault == "amp":
            pt = f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</ele><desc>stop & go</desc></trkpt>'
        out.append(pt)
    out.append("</trkseg></trk>")
    out.append("</gpx>")
    text = "\n".join(out) + "\n"
    return text[: len(text) * 2 // 3] if fault == "cut" else text


def gpsbabel(tmp: Path) -> None:
    d = tmp / "gps"
    (d / "raw").mkdir(parents=True)
    (d / "csv").mkdir()
    faults = [("mon", None), ("tue", "tag"), ("wed", "cut"), ("thu", "attr"), ("fri", "amp"), ("sat", None)]
    write_tree(d, {f"raw/{day}.gpx": gpx(2080 + i, 300, f) for i, (day, f) in enumerate(faults)})
    write_tree(d, {"ride-long.gpx": gpx(2090, 900, None), "ride-short.gpx": gpx(2091, 140, None)})
    cap("gpsbabel-error-loop", "for f in raw/*.gpx; do echo \"== $f\"; gpsbabel -t -i gpx -f \"$f\" -o unicsv "
        "-F csv/$(basename \"$f\" .gpx).csv; echo EXIT=$?; done", d, n_gpsbabel_error)
    cap("gpsbabel-error-debug", "gpsbabel -D 3 -t -i gpx -f raw/tue.gpx -f raw/thu.gpx -x track,pack -o gpx "
        "-F merged.gpx 2>&1 | tail -n 60; echo EXIT=$?", d, n_gpsbabel_error)
    cap("gpsbabel-unicsv-long", "gpsbabel -t -i gpx -f ride-long.gpx -o unicsv -F -", d, n_gpsbabel_unicsv)
    cap("gpsbabel-unicsv-head", "gpsbabel -t -i gpx -f ride-short.gpx -o unicsv -F - | head -n 100", d,
        n_gpsbabel_unicsv)


STEPS = [spatialite, osmium, proj, gpsbabel]
