"""Round 103, geospatial and scientific data: a river authority's flood-survey data (`floodmap`) written here by seeded
generators, with bad geometries, fill values, a missing file and wrong options put in: elevation and rainfall rasters
through gdalinfo -stats and gdalwarp; parcel, gauge and levee layers (GeoJSON and shapefiles) through ogrinfo and
ogr2ogr; PROJ's projinfo and cs2cs; gauge records in HDF5 through h5dump and h5ls; a rainfall grid in netCDF through
ncdump and CDO. The extractors are this round's (NEEDLES.md, "Round 103"). Run through capture_wide103.py."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, next_match, prev_match, run
from capture_wide103 import VENV, cap, exit_lines

ERR_RE = re.compile(r"ERROR \d+:|\bERROR\b|^Error\b|\berror\b|\bfailed\b|\w+(Error|Exception)\b:|\(Abort\)|FATAL")
WARN_RE = re.compile(r"Warning \d+:|\bWarning\b|\bwarning\b")


def diag(lines: list[str]) -> list:
    """Rule 1: every error / exception line; warnings one {"any"} per message shape."""
    out, warn = [], []
    for ln in lines:
        if ERR_RE.search(ln) and not re.search(r"\bno errors?\b", ln, re.I):
            out.append(ln)
        elif WARN_RE.search(ln):
            warn.append((mask(re.sub(r"^.*?[Ww]arning\b:?", "", ln)), ln))
    return out + groups(warn)


def _num(s: str):
    try:
        return float(s)
    except ValueError:
        return None


@kind("gdalinfo-stats", "doc")
def n_gdalinfo(lines):
    """Round 103: Driver, Size is, Origin and Pixel Size lines, the CRS's first line, every Band line with its Minimum/Maximum/Mean/StdDev and NoData lines; rule 1; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(Driver:|Size is|Origin =|Pixel Size =)", s) or re.match(r"^Band \d+ Block=", s):
            out.append(ln)
        elif re.match(r"^(PROJCRS|GEOGCRS|GEODCRS|COMPOUNDCRS|LOCAL_CS|ENGCRS)\[", s) and \
                i and lines[i - 1].startswith("Coordinate System is"):
            out.append(ln)
        elif re.match(r"^Minimum=.*Maximum=.*Mean=.*StdDev=", s) or s.startswith("NoData Value="):
            out.append(ln)
    return out + diag(lines) + exit_lines(lines)


LAYER_RE = re.compile(r"^(Layer name:|Geometry:|Feature Count:|Extent:)")
FIELD_RE = re.compile(r"^([\w ]+): (Integer|Integer64|Real|String|Date|DateTime|Time|IntegerList|RealList|StringList)"
                      r"(\(\w+\))? \(\d+\.\d+\)")


def _summary(lines: list[str]) -> list:
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if LAYER_RE.match(s) or FIELD_RE.match(ln):
            out.append(ln)
        elif re.match(r"^(PROJCRS|GEOGCRS|GEODCRS|COMPOUNDCRS)\[", s) and i and \
                lines[i - 1].startswith(("Layer SRS WKT", "Coordinate System")):
            out.append(ln)
    return out


@kind("ogrinfo-summary", "doc")
def n_ogrinfo_summary(lines):
    """Round 103: every Layer name, Geometry, Feature Count and Extent line, each layer's CRS first line and every field definition line; rule 1; any EXIT= line."""
    return _summary(lines) + diag(lines) + exit_lines(lines)


FEAT_RE = re.compile(r"^OGRFeature\((\S+)\):(\d+)$")
ATTR_RE = re.compile(r"^  (\w+) \((\w+)\) = (.*)$")


@kind("ogrinfo-features", "table")
def n_ogrinfo_features(lines):
    """Round 103 (rules 4+5): the summary lines, and per attribute the features whose value is rare (at most 2 while the commonest covers half) and the features holding each numeric attribute's min and max (header and attribute line); rule 1; any EXIT= line."""
    feats = []  # (header, {field: (type, value, line)})
    for ln in lines:
        m = FEAT_RE.match(ln)
        if m:
            feats.append((ln, {}))
            continue
        a = ATTR_RE.match(ln)
        if a and feats:
            feats[-1][1][a.group(1)] = (a.group(2), a.group(3), ln)
    out = _summary(lines)
    fields = list(dict.fromkeys(f for _, d in feats for f in d))
    for f in fields:
        vals = [(h, d[f]) for h, d in feats if f in d]
        if not vals:
            continue
        if vals[0][1][0] in ("Integer", "Integer64", "Real"):
            nums = [(_num(v[1]), h, v[2]) for h, v in vals if _num(v[1]) is not None]
            if nums:
                for pick in (min(nums, key=lambda t: t[0]), max(nums, key=lambda t: t[0])):
                    out += [pick[1], pick[2]]
            continue
        counts: dict = {}
        for _, v in vals:
            counts[v[1]] = counts.get(v[1], 0) + 1
        if max(counts.values()) * 2 < len(vals):
            continue
        for h, v in vals:
            if counts[v[1]] <= 2:
                out += [h, v[2]]
    return out + diag(lines) + exit_lines(lines)


@kind("ogr2ogr-run", "build")
def n_ogr2ogr(lines):
    """Round 103: rule 1 (every ERROR N: line, Warning lines one {"any"} per shape), the last state of the -progress line; any EXIT= line."""
    prog = [ln for ln in lines if re.search(r"\d+\.\.\.\d+", ln)]
    return diag(lines) + prog[-1:] + exit_lines(lines)


@kind("gdalwarp-run", "build")
def n_gdalwarp(lines):
    """Round 103: rule 1, the `Creating output file that is NP x NL.` line and the closing progress line (`- done.`); any EXIT= line."""
    out = [ln for ln in lines if ln.startswith("Creating output file")]
    out += [ln for ln in lines if re.search(r"- done\.?$", ln)][-1:]
    return out + diag(lines) + exit_lines(lines)


@kind("projinfo", "doc")
def n_projinfo(lines):
    """Round 103: the line after `PROJ.4 string:`, the WKT's first line and its top-level ID/AREA/BBOX lines; `Candidate operations found: N` and each `Operation No. N:` line with the line after; rule 1; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("PROJ.4 string:") or s.startswith("PROJ string:"):
            out.append(next_match(lines, i, r"\+proj=|\S", 2))
        elif re.match(r"^[A-Z]+CRS\[|^CONVERSION\[|^CONCATENATEDOPERATION\[|^COORDINATEOPERATION\[", ln):
            out.append(ln)
        elif re.match(r"^    ID\[", ln) or (re.match(r"^        (AREA|BBOX)\[", ln) and
                                                 (prev_match(lines, i, r"^    USAGE\[", 3) or "").startswith("    U")):
            out.append(ln)
        elif s.startswith("Candidate operations found"):
            out.append(ln)
        elif re.match(r"^Operation No\. \d+:", s):
            out.append(ln)
            out.append(next_match(lines, i, r"\S", 2))
    return out + diag(lines) + exit_lines(lines)


@kind("cs2cs-run", "table")
def n_cs2cs(lines):
    """Round 103: rule 1 (cs2cs: lines, Rel. lines, failed), every output row holding `*` or `inf`, the first and last output rows; any EXIT= line."""
    rows = [ln for ln in lines if re.match(r"^[-\d.*]+(\s|inf|\*)", ln) or re.match(r"^(\*|inf)", ln)]
    out = [ln for ln in rows if "*" in ln or "inf" in ln]
    out += rows[:1] + rows[-1:]
    out += [ln for ln in lines if re.match(r"^(cs2cs|Rel\.|proj_create)", ln) or re.match(r"^[a-z_]+: [A-Za-z]", ln)]
    return out + diag(lines) + exit_lines(lines)


@kind("h5dump-header", "doc")
def n_h5dump_header(lines):
    """Round 103: every GROUP and DATASET line, each dataset's DATATYPE and DATASPACE lines, the root group's ATTRIBUTE lines; rule 1; any EXIT= line."""
    out, depth_root = [], None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r'^(GROUP|DATASET) "', s):
            out.append(ln)
            if s.startswith("DATASET"):
                out.append(next_match(lines, i, r"^\s*DATATYPE\b", 8))
                out.append(next_match(lines, i, r"^\s*DATASPACE\b", 12))
            if s == 'GROUP "/" {':
                depth_root = len(ln) - len(ln.lstrip())
        elif s.startswith('ATTRIBUTE "') and depth_root is not None and len(ln) - len(ln.lstrip()) == depth_root + 3:
            out.append(ln)
    return out + diag(lines) + exit_lines(lines)


@kind("h5dump-data", "table")
def n_h5dump_data(lines):
    """Round 103 (rules 4+5): each printed dataset's DATASET, DATATYPE and DATASPACE lines, its first and last data rows, and the rows holding its minimum and maximum; rule 1; any EXIT= line."""
    out, cur = [], None
    blocks = []
    for ln in lines:
        s = ln.strip()
        if s.startswith('DATASET "'):
            cur = {"rows": []}
            blocks.append(cur)
            out.append(ln)
        elif cur is not None and re.match(r"^(DATATYPE|DATASPACE)\b", s) and "attr" not in cur:
            out.append(ln)
        elif s.startswith('ATTRIBUTE "'):
            cur = dict(cur or {}, attr=True, rows=[])
        elif cur is not None and re.match(r"^\(\d+(,\d+)*\):", s) and not cur.get("attr"):
            cur["rows"].append(ln)
        elif s.startswith("}") and cur is not None and cur.get("attr"):
            cur = blocks[-1] if blocks else None
    for b in blocks:
        rows = b["rows"]
        if not rows:
            continue
        out += [rows[0], rows[-1]]
        vals = []
        for r in rows:
            for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", r.split(":", 1)[1]):
                vals.append((float(v), r))
        if vals:
            out += [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]
    return out + diag(lines) + exit_lines(lines)


@kind("h5ls-rv", "listing")
def n_h5ls(lines):
    """Round 103: every object line (`/path Group`, `/path Dataset {dims}`), each dataset's Type: and Storage: lines; rule 1; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^/\S* +(Group|Dataset|Type|External Link|Soft Link)\b", ln) or re.match(r"^\S+ +(Group|Dataset) ", ln):
            out.append(ln)
            if "Dataset" in ln:
                for k in range(i + 1, min(len(lines), i + 40)):
                    if re.match(r"^\S", lines[k]):
                        break
                    if re.match(r"^\s+(Type|Storage):", lines[k]):
                        out.append(lines[k])
    return out + diag(lines) + exit_lines(lines)


def _nc_header(lines: list[str]) -> list:
    out, sect = [], ""
    for ln in lines:
        s = ln.strip()
        if re.match(r"^netcdf \S+ \{", ln):
            out.append(ln)
        elif s in ("dimensions:", "variables:", "data:") or s.startswith("// global attributes:"):
            sect = s
        elif sect == "dimensions:" and re.match(r"^\w+ = ", s):
            out.append(ln)
        elif sect == "variables:" and re.match(r"^(byte|char|short|int|int64|float|double|ubyte|ushort|uint|uint64|"
                                                 r"string) \w+(\(.*\))? ;$", s):
            out.append(ln)
        elif re.match(r"^\w+:(units|_FillValue) = ", s):
            out.append(ln)
        elif re.match(r"^:\w+ = ", s):
            out.append(ln)
    return out


@kind("ncdump-header", "doc")
def n_ncdump_header(lines):
    """Round 103: the `netcdf <name> {` line, every dimension line, every variable declaration, every <var>:units and <var>:_FillValue line, every global attribute line; rule 1; any EXIT= line."""
    return _nc_header(lines) + diag(lines) + exit_lines(lines)


@kind("ncdump-data", "table")
def n_ncdump_data(lines):
    """Round 103 (rules 4+5): the header's values, each variable's `<var> =` line, the first and last data lines and the lines holding its minimum and maximum (a `_` fill is no value); rule 1; any EXIT= line."""
    out = _nc_header(lines)
    # a piped tail keeps no `data:` line: its data lines are read from the top
    start = next((i for i, ln in enumerate(lines) if ln.strip() == "data:"), -1)
    blocks, cur = [], None
    for ln in lines[start + 1:]:
        m = re.match(r"^ (\w+) = ?(.*)$", ln)
        if m:
            cur = [ln]
            blocks.append(cur)
            out.append(ln)
            continue
        if ln.strip() and ln.strip() != "}" and re.search(r"\d|_", ln):
            if cur is None:
                cur = []
                blocks.append(cur)
            cur.append(ln)
    for b in blocks:
        rows = [r for r in b if re.search(r"-?\d|_", r)]
        if not rows:
            continue
        out += [rows[0], rows[-1]]
        vals = []
        for r in rows:
            body = r.split("=", 1)[1] if re.match(r"^ \w+ = ", r) else r
            for v in re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", body):
                vals.append((float(v), r))
        if vals:
            out += [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]
    return out + diag(lines) + exit_lines(lines)


@kind("cdo-info", "table")
def n_cdo_info(lines):
    """Round 103 (rule 4): the column header row, the rows with the least Minimum and greatest Maximum, rows with Miss not 0 one {"any"} per parameter, the closing `cdo info: Processed` line; rule 1; any EXIT= line."""
    out, rows, miss = [], [], []
    hdr = None
    for ln in lines:
        if re.match(r"^\s*-1\s*:\s*Date\b", ln):
            hdr = ln
            out.append(ln)
            continue
        p = [x.strip() for x in ln.split(":")]
        if hdr and len(p) >= 5 and re.match(r"^\d+$", p[0]):
            nums = p[3].split()  # Level Gridsize Miss
            mmm = p[4].split()  # Minimum Mean Maximum
            if len(nums) >= 3 and len(mmm) >= 3:
                rows.append((float(mmm[0]), float(mmm[-1]), ln))
                if nums[2] != "0":
                    miss.append((p[-1], ln))
    if rows:
        out += [min(rows, key=lambda t: t[0])[2], max(rows, key=lambda t: t[1])[2]]
    out += groups(miss)
    out += [ln for ln in lines if re.search(r"cdo\s+info: Processed", ln)]
    return out + diag(lines) + exit_lines(lines)


@kind("cdo-sinfo", "doc")
def n_cdo_sinfo(lines):
    """Round 103: every variable row, every grid and vertical coordinate line, the time axis line and the closing `cdo sinfo: Processed` line; rule 1; any EXIT= line."""
    out, sect = [], ""
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(File format|Grid coordinates|Vertical coordinates|Time coordinate)", s):
            sect = s
            if s.startswith("Time coordinate"):
                out.append(ln)
            continue
        if re.match(r"^\d+ : ", s):
            out.append(ln)
        elif sect.startswith(("Grid", "Vertical")) and re.match(r"^\S+ ?: ", s):
            out.append(ln)
        elif re.search(r"cdo\s+sinfo\w*: Processed", ln):
            out.append(ln)
    return out + diag(lines) + exit_lines(lines)


@kind("cdo-error", "build")
def n_cdo_error(lines):
    """Round 103: every cdo (Abort) / Error / Exception line, warnings one {"any"} per shape, the EXIT= line."""
    return diag(lines) + [ln for ln in lines if re.search(r"cdo\s+\w+: Processed", ln)] + exit_lines(lines)


# ------------------------------------------------------------------ the floodmap data

def _asc(path: Path, nx: int, ny: int, x0: float, y0: float, cell: float, fn, nodata=-9999) -> None:
    rows = [f"ncols {nx}", f"nrows {ny}", f"xllcorner {x0}", f"yllcorner {y0}", f"cellsize {cell}",
            f"NODATA_value {nodata}"]
    for j in range(ny):
        rows.append(" ".join(fn(i, j) for i in range(nx)))
    path.write_text("\n".join(rows) + "\n")


def make_rasters(root: Path, rng: random.Random) -> None:
    root.mkdir(parents=True, exist_ok=True)

    def dem(i, j):
        if rng.random() < 0.01:
            return "-9999"
        return f"{120 + 40 * math.sin(i / 17) + 25 * math.cos(j / 11) - 0.3 * j + rng.gauss(0, 2):.2f}"

    _asc(root / "dem.asc", 400, 300, 500000, 5700000, 10, dem)
    for b, scale in ((1, 8), (2, 14), (3, 30)):
        _asc(root / f"rain_{b}.asc", 120, 90, 500000, 5700000, 40,
             lambda i, j, s=scale: "-1" if rng.random() < 0.02 else f"{max(0, rng.gauss(s, s / 3)):.1f}", nodata=-1)
    # an elevation tile with no georeferencing at all, and a raster with a bad SRS
    _asc(root / "tile_nogeo.asc", 60, 60, 0, 0, 1, lambda i, j: str(rng.randint(90, 180)))


def _poly(cx, cy, r, n, rng, bad=False):
    pts = [[round(cx + r * math.cos(2 * math.pi * k / n) * rng.uniform(0.7, 1.0), 2),
            round(cy + r * math.sin(2 * math.pi * k / n) * rng.uniform(0.7, 1.0), 2)] for k in range(n)]
    if bad == "bowtie":
        pts = [[cx - r, cy - r], [cx + r, cy + r], [cx + r, cy - r], [cx - r, cy + r]]
    if bad != "open":
        pts.append(pts[0])
    return [pts]


def make_vectors(root: Path, rng: random.Random) -> None:
    root.mkdir(parents=True, exist_ok=True)
    uses = ["residential"] * 12 + ["agricultural"] * 5 + ["commercial"] * 2 + ["industrial"]
    feats = []
    for k in range(500):
        use = rng.choice(uses) if k not in (77, 311) else ("wetland" if k == 77 else "quarry")
        bad = "bowtie" if k in (41, 203, 388) else False
        cx, cy = 500200 + rng.uniform(0, 3800), 5700200 + rng.uniform(0, 2800)
        props = {"parcel_id": f"P{10000 + k}", "landuse": use, "zone": rng.choice("AAAAAABBBC"),
                 "area_m2": round(rng.uniform(180, 2400), 1), "floor_lvl": round(rng.uniform(95, 175), 2),
                 "insured": rng.random() < 0.8}
        if k == 250:
            props["area_m2"] = 48211.5
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Polygon", "coordinates": _poly(cx, cy, 12, 6, rng, bad)}})
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}}
    (root / "parcels.geojson").write_text(json.dumps({"type": "FeatureCollection", "name": "parcels", "crs": crs,
                                                      "features": feats}))
    gauges = []
    for k in range(60):
        geom = {"type": "Point", "coordinates": [round(500100 + rng.uniform(0, 4000), 1),
                                                 round(5700100 + rng.uniform(0, 3000), 1)]}
        if k == 13:
            geom = {"type": "LineString", "coordinates": [[500900, 5701000], [501000, 5701100]]}
        gauges.append({"type": "Feature", "properties": {
            "gauge": f"G{k:03d}", "river": rng.choice(["Elde", "Elde", "Elde", "Stör", "Warnow"]),
            "stage_m": round(rng.uniform(0.4, 3.9), 2), "alarm_m": 3.5, "status": "ok" if k != 27 else "offline"},
            "geometry": geom})
    (root / "gauges.geojson").write_text(json.dumps({"type": "FeatureCollection", "name": "gauges", "crs": crs,
                                                     "features": gauges}))
    levees = []
    for k in range(40):
        x, y = 500000 + k * 95, 5700000 + rng.uniform(0, 2000)
        coords = [[round(x + d * 20, 1), round(y + rng.uniform(-15, 15), 1)] for d in range(rng.randint(4, 9))]
        if k in (5, 22):
            coords = coords[:1]  # a one-point line: invalid
        levees.append({"type": "Feature", "properties": {"levee": f"L{k:02d}", "crest_m": round(rng.uniform(2, 6), 2),
                                                          "material": rng.choice(["earth"] * 7 + ["concrete"])},
                       "geometry": {"type": "LineString", "coordinates": coords}})
    (root / "levees.geojson").write_text(json.dumps({"type": "FeatureCollection", "name": "levees", "crs": crs,
                                                     "features": levees}))
    # a GeoJSON with an open ring and a bad coordinate, as a survey crew's export
    broken = [{"type": "Feature", "properties": {"plot": f"S{k}"},
               "geometry": {"type": "Polygon", "coordinates": _poly(500500 + 50 * k, 5700500, 15, 5, rng,
                                                                    "open" if k % 4 == 1 else False)}}
              for k in range(16)]
    (root / "survey_plots.geojson").write_text(json.dumps({"type": "FeatureCollection", "crs": crs,
                                                           "features": broken}))


def make_h5(root: Path, seed: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "make_h5.py").write_text(f'''
import numpy as np, h5py
rng = np.random.default_rng({seed})
with h5py.File("gauges.h5", "w") as f:
    f.attrs["authority"] = "Elde-Stoer river board"
    f.attrs["created"] = "2026-03-14T06:00:00Z"
    f.attrs["version"] = 3
    for g in range(24):
        grp = f.create_group(f"stations/G{{g:03d}}")
        grp.attrs["river"] = ["Elde", "Stoer", "Warnow"][g % 3]
        grp.attrs["datum_m"] = float(rng.uniform(20, 60))
        stage = np.round(rng.normal(1.5, 0.6, 720), 3).astype("f4")
        if g == 7:
            stage[300:340] = np.nan
        ds = grp.create_dataset("stage", data=stage, chunks=(144,), compression="gzip", compression_opts=4)
        ds.attrs["units"] = "m"
        grp.create_dataset("flow", data=np.round(rng.gamma(2, 8, 720), 2).astype("f8"))
        grp.create_dataset("quality", data=rng.integers(0, 4, 720).astype("u1"))
    f.create_dataset("grid/rain", data=np.round(rng.gamma(1.5, 3, (48, 30, 40)), 1).astype("f4"),
                     chunks=(1, 30, 40), compression="gzip")
    f.create_dataset("grid/lat", data=np.linspace(53.2, 53.9, 30))
    f.create_dataset("grid/lon", data=np.linspace(11.0, 12.2, 40))
    dt = np.dtype([("gauge", "S5"), ("t", "i8"), ("stage", "f4"), ("flag", "i2")])
    ev = np.zeros(90, dtype=dt)
    for i in range(90):
        ev[i] = (f"G{{i % 24:03d}}".encode(), 1773460800 + 600 * i, float(rng.uniform(3.0, 4.4)), i % 5 == 0)
    f.create_dataset("events", data=ev)
    big = np.round(rng.normal(12, 4, (250, 24)), 2)
    big[117, 9] = 97.31
    big[42, 3] = -41.07
    f.create_dataset("temperature", data=big)
''')
    run(f"{VENV}/bin/python make_h5.py", cwd=root)


def make_nc(root: Path, rng: random.Random) -> None:
    root.mkdir(parents=True, exist_ok=True)
    nt, ny, nx = 12, 18, 24
    vals, tvals = [], []
    for t in range(nt):
        for j in range(ny):
            for i in range(nx):
                v = max(0.0, rng.gauss(2 + 3 * math.sin(t / 2), 1.8))
                vals.append("_" if rng.random() < 0.015 else f"{v:.2f}")
        tvals.append(str(t * 24))
    tas = [f"{270 + 10 * math.sin(j / 5) + rng.gauss(0, 1.5):.2f}" for t in range(nt) for j in range(ny)
           for i in range(nx)]
    tas[1234] = "331.6"
    cdl = f'''netcdf rainfall {{
dimensions:
	time = UNLIMITED ;
	lat = {ny} ;
	lon = {nx} ;
variables:
	double time(time) ;
		time:units = "hours since 2026-03-01 00:00:00" ;
		time:calendar = "standard" ;
		time:standard_name = "time" ;
	float lat(lat) ;
		lat:units = "degrees_north" ;
		lat:standard_name = "latitude" ;
	float lon(lon) ;
		lon:units = "degrees_east" ;
		lon:standard_name = "longitude" ;
	float pr(time, lat, lon) ;
		pr:units = "mm/day" ;
		pr:_FillValue = -999.f ;
		pr:long_name = "daily precipitation" ;
	float tas(time, lat, lon) ;
		tas:units = "K" ;
		tas:long_name = "near-surface air temperature" ;
		tas:_FillValue = 1.e+20f ;
	int gauge_count(time) ;
		gauge_count:long_name = "gauges reporting" ;

// global attributes:
		:title = "Elde basin rainfall reanalysis" ;
		:institution = "floodmap survey" ;
		:Conventions = "CF-1.8" ;
		:history = "ncgen from rainfall.cdl" ;
data:

 time = {", ".join(tvals)} ;

 lat = {", ".join(f"{53.2 + 0.04 * j:.2f}" for j in range(ny))} ;

 lon = {", ".join(f"{11.0 + 0.05 * i:.2f}" for i in range(nx))} ;

 pr = {", ".join(vals)} ;

 tas = {", ".join(tas)} ;

 gauge_count = {", ".join(str(rng.randint(18, 24)) if t != 9 else "3" for t in range(nt))} ;
}}
'''
    (root / "rainfall.cdl").write_text(cdl)
    run("ncgen -k nc4 -o rainfall.nc rainfall.cdl && ncgen -o rainfall_classic.nc rainfall.cdl", cwd=root)
    # a station file with a second grid and levels, for sinfo
    lev = f'''netcdf soilmoist {{
dimensions:
	time = 4 ;
	depth = 3 ;
	lat = 6 ;
	lon = 8 ;
variables:
	double time(time) ;
		time:units = "days since 2026-03-01" ;
		time:standard_name = "time" ;
	float depth(depth) ;
		depth:units = "m" ;
		depth:positive = "down" ;
		depth:axis = "Z" ;
	float lat(lat) ;
		lat:units = "degrees_north" ;
	float lon(lon) ;
		lon:units = "degrees_east" ;
	float sm(time, depth, lat, lon) ;
		sm:units = "m3/m3" ;
		sm:_FillValue = -1.f ;
data:
 time = 0, 1, 2, 3 ;
 depth = 0.1, 0.4, 1.0 ;
 lat = {", ".join(f"{53.3 + 0.1 * j:.1f}" for j in range(6))} ;
 lon = {", ".join(f"{11.1 + 0.1 * i:.1f}" for i in range(8))} ;
 sm = {", ".join(f"{rng.uniform(0.1, 0.45):.3f}" if rng.random() > 0.05 else "_" for _ in range(4 * 3 * 48))} ;
}}
'''
    (root / "soilmoist.cdl").write_text(lev)
    run("ncgen -k nc4 -o soilmoist.nc soilmoist.cdl", cwd=root)


# ------------------------------------------------------------------ steps

def gdal(tmp: Path) -> None:
    rng = random.Random(10301)
    d = tmp / "floodmap" / "raster"
    make_rasters(d, rng)
    run("gdal_translate -q -a_srs EPSG:32633 -co TILED=YES dem.asc dem.tif && "
        "for b in 1 2 3; do gdal_translate -q -a_srs EPSG:32633 rain_$b.asc rain_$b.tif; done && "
        "gdalbuildvrt -q -separate rain.vrt rain_1.tif rain_2.tif rain_3.tif && "
        "gdal_translate -q rain.vrt rain_3band.tif && gdal_translate -q tile_nogeo.asc tile_nogeo.tif", cwd=d)
    cap("gdalinfo-stats-dem", "gdalinfo -stats -hist dem.tif", d, n_gdalinfo)
    cap("gdalinfo-stats-rain-3band", "gdalinfo -stats -hist rain_3band.tif", d, n_gdalinfo)
    cap("gdalinfo-stats-vrt-exit", "gdalinfo -stats -mm rain.vrt; echo EXIT=$?", d, n_gdalinfo)
    cap("gdalinfo-loop-missing-tile", "for f in dem_tile_07.tif tile_nogeo.tif rain_2.tif; do gdalinfo -stats $f; "
        "done; echo EXIT=$?", d, n_gdalinfo)
    cap("gdalwarp-loop-25833", "for f in dem rain_1 rain_2 rain_3 rain_3band tile_nogeo; do gdalwarp -overwrite "
        "-t_srs EPSG:25833 -tr 25 25 -r bilinear $f.tif warped_$f.tif; done; echo EXIT=$?", d, n_gdalwarp)
    cap("gdalwarp-options-chain", "gdalwarp -overwrite -t_srs EPSG:4326 -r bilinear -srcnodata -9999 -dstnodata "
        "-32768 dem.tif dem_4326.tif && gdalwarp -overwrite -of GTiff -co COMPRESS=DEFLATE -co PREDICTOR=9 "
        "-ts 2000 0 -r cubic -dstnodata 0 -ot Byte dem.tif dem_byte.tif; gdalwarp -overwrite -co BLOCKSIZE=77 "
        "-wo NUM_THREADS=ALL_CPUS -ts 900 0 -ot Byte -te 500000 5700000 504000 5703000 dem.tif dem_small.tif; "
        "echo EXIT=$?", d, n_gdalwarp)


def ogr(tmp: Path) -> None:
    rng = random.Random(10302)
    d = tmp / "floodmap" / "vector"
    make_vectors(d, rng)
    run("ogr2ogr -f 'ESRI Shapefile' levees_shp levees.geojson -skipfailures 2>/dev/null", cwd=d)
    cap("ogrinfo-so-parcels", "ogrinfo -al -so parcels.geojson", d, n_ogrinfo_summary)
    cap("ogrinfo-so-all-layers", "ogrinfo -al -so gauges.geojson && ogrinfo -al -so levees_shp", d,
        n_ogrinfo_summary)
    cap("ogrinfo-al-parcels-500", "ogrinfo -al -geom=SUMMARY parcels.geojson", d, n_ogrinfo_features, timeout=300)
    cap("ogrinfo-al-gauges", "ogrinfo -al -geom=NO gauges.geojson", d, n_ogrinfo_features)
    cap("ogrinfo-al-levees-head", "ogrinfo -al -geom=SUMMARY levees.geojson | head -n 200", d, n_ogrinfo_features)
    cap("ogr2ogr-gpkg-makevalid", "ogr2ogr -progress -f GPKG parcels_valid.gpkg parcels.geojson -makevalid "
        "-t_srs EPSG:25833 -where \"landuse <> 'residential'\" -skipfailures && "
        "ogr2ogr -f GPKG -update -append parcels_valid.gpkg survey_plots.geojson -nln survey 2>&1 | tail -n 60; "
        "echo EXIT=$?", d, n_ogr2ogr)
    cap("ogr2ogr-sql-error", "ogr2ogr -f CSV /vsistdout/ parcels.geojson -sql \"SELECT parcel_id, landuse, "
        "ST_Area(geometry) AS a FROM parcels WHERE zone = 'C' ORDER BY a DESC\" -dialect SQLite 2>&1 | head -n 80; "
        "ogr2ogr -f CSV /vsistdout/ parcels.geojson -sql \"SELECT parcel_id, floor FROM parcels\"; echo EXIT=$?",
        d, n_ogr2ogr)


def proj(tmp: Path) -> None:
    d = tmp / "floodmap" / "proj"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(10303)
    pts = [f"{rng.uniform(10.5, 12.8):.5f} {rng.uniform(53.0, 54.2):.5f}" for _ in range(140)]
    pts[17] = "11.9 95.2"   # a latitude past the pole
    pts[88] = "185.0 53.5"
    pts[121] = "11.2 not-a-number"
    (d / "gauges_wgs84.txt").write_text("\n".join(pts) + "\n")
    cap("projinfo-epsg-32633", "projinfo EPSG:32633", d, n_projinfo)
    cap("projinfo-ops-4326-25833", "projinfo -s EPSG:4326 -t EPSG:25833 --spatial-test intersects", d, n_projinfo)
    cap("projinfo-bad-code-chain", "projinfo EPSG:99999; projinfo -s EPSG:4326 -t 'ESRI:1234567'; "
        "projinfo -o PROJ,WKT1_GDAL EPSG:25833; echo EXIT=$?", d, n_projinfo)
    cap("cs2cs-wgs84-utm", "cs2cs -f %.2f +proj=longlat +datum=WGS84 +to +proj=utm +zone=33 +datum=WGS84 "
        "gauges_wgs84.txt 2>&1; echo EXIT=$?", d, n_cs2cs)
    cap("cs2cs-epsg-pipe", "cs2cs -v EPSG:4326 EPSG:3035 < gauges_wgs84.txt 2>&1 | tail -n 120", d, n_cs2cs)


def hdf5(tmp: Path) -> None:
    d = tmp / "floodmap" / "h5"
    make_h5(d, 10304)
    cap("h5dump-header-gauges", "h5dump -H gauges.h5", d, n_h5dump_header)
    cap("h5ls-rv-gauges", "h5ls -rv gauges.h5", d, n_h5ls)
    cap("h5dump-data-temperature", "h5dump -d /temperature gauges.h5", d, n_h5dump_data)
    cap("h5dump-data-station-07", "h5dump -g /stations/G007 gauges.h5 2>&1 | head -n 400", d, n_h5dump_data)
    cap("h5dump-data-events-missing", "h5dump -d /events gauges.h5 && h5dump -d /stations/G030/stage gauges.h5; "
        "echo EXIT=$?", d, n_h5dump_data)


def netcdf(tmp: Path) -> None:
    rng = random.Random(10305)
    d = tmp / "floodmap" / "nc"
    make_nc(d, rng)
    cap("ncdump-h-chain", "ncdump -h rainfall.nc && ncdump -hs soilmoist.nc && ncdump -k soilmoist.nc", d,
        n_ncdump_header)
    cap("ncdump-v-pr", "ncdump -v pr rainfall.nc", d, n_ncdump_data)
    cap("ncdump-v-tas-gauges-tail", "ncdump -v tas,gauge_count rainfall_classic.nc | tail -n 120", d, n_ncdump_data)
    cap("cdo-info-rainfall", "cdo info rainfall.nc", d, n_cdo_info)
    cap("cdo-sinfo-both", "cdo sinfo rainfall.nc; cdo sinfov soilmoist.nc; cdo sinfon rainfall_classic.nc", d, n_cdo_sinfo)
    cap("cdo-errors-exit", "cdo timmean rainfall_2025.nc out.nc; echo EXIT=$?; cdo -selname,precip rainfall.nc "
        "sel.nc; echo EXIT=$?; cdo remapbil,r360x180 soilmoist.nc sm_1deg.nc; echo EXIT=$?; "
        "cdo mergetime rainfall.nc soilmoist.nc merged.nc; echo EXIT=$?", d, n_cdo_error)


STEPS = [gdal, ogr, proj, hdf5, netcdf]
