"""Round 267: osmium-tool, PROJ's geod/proj/invproj and GDAL's gdalsrsinfo/gdaltransform over an OSM extract of a
made-up town and coordinate files written here by seeded generators, with faults put in on purpose. Each kind's
extractor applies NEEDLES.md's "Round 267" rule 5 (written before capture). Run through capture_wide267.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask
from capture_wide267 import cap

# ---------------------------------------------------------------- shared readers

ERR = re.compile(r"error|fail|invalid|missing|unknown|not found|cannot|out of range|Traceback|FAILURE|Did not find|"
                 r"\btwice\b",
                 re.I)
EXIT = re.compile(r"^EXIT=\d+")


def errors(lines: list[str], pat=ERR) -> list:
    """Every error line; a message shape on more than 3 lines is one {"any"} of its lines."""
    hits = [ln for ln in lines if ln.strip() and pat.search(ln)]
    by: dict[str, list[str]] = {}
    for ln in hits:
        by.setdefault(mask(ln), []).append(ln)
    out: list = []
    for shape_lines in by.values():
        if len(shape_lines) > 3:
            out.append(any_of(shape_lines))
        else:
            out.extend(shape_lines)
    return out + [ln for ln in lines if EXIT.match(ln)]


def num(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


def numeric_rows(lines: list[str], ncols: int | None = None) -> list[tuple[str, list[float]]]:
    """Rows made of whitespace-separated numbers (a result table)."""
    rows = []
    for ln in lines:
        parts = ln.split()
        if not parts:
            continue
        vals = []
        for p in parts:  # the leading numbers of the row (proj -S appends `<factors>`)
            v = num(p.strip("<>"))
            if v is None:
                break
            vals.append(v)
        if vals and len(vals) >= (ncols or 1) and (len(vals) == len(parts) or "<" in ln):
            rows.append((ln, vals))
    return rows


def table(lines: list[str], ncols: int | None = None, cols: list[int] | None = None) -> list:
    """First and last numeric row, and the rows holding each column's minimum and maximum (rule 4)."""
    rows = numeric_rows(lines, ncols)
    if not rows:  # degrees printed as DMS (8d40'19.042"E): the first and last result row
        dms = [ln for ln in lines if re.search(r"\d+d\d+'[\d.]+\"[NSEW]", ln)]
        return dms[:1] + dms[-1:]
    out = [rows[0][0], rows[-1][0]]
    width = min(len(v) for _, v in rows)
    for c in cols if cols is not None else range(width):
        if c >= width:
            continue
        out.append(min(rows, key=lambda r: r[1][c])[0])
        out.append(max(rows, key=lambda r: r[1][c])[0])
    return out


STAR = re.compile(r"^\s*\*|\t\*|\s\*\s|\binf\b|HUGE", re.I)


def failed_rows(lines: list[str]) -> list:
    return [ln for ln in lines if ln.strip() and STAR.search(ln)]


# ---------------------------------------------------------------- extractors

@kind("osmium-diff", "listing")
def n_osmium_diff(lines):
    """summary lines, every changed way/relation line, first and last changed node line, errors"""
    out = [ln for ln in lines if re.match(r"\s*(Left|Right|Same|Different|Summary)\b", ln)]
    changed = [ln for ln in lines if re.match(r"^[-+*][nwr]\d", ln)]
    out += [ln for ln in changed if ln[1] in "wr"]
    nodes = [ln for ln in changed if ln[1] == "n"]
    if nodes:
        out += [nodes[0], nodes[-1]]
    return out + errors(lines)


@kind("osmium-tags-count", "table")
def n_osmium_tags_count(lines, named: tuple[str, ...] = ()):
    """first 5 rows, the last row, up to 3 rows of each key named on the command line, errors"""
    rows = [ln for ln in lines if re.match(r"^\d+\t\"", ln)]
    out = rows[:5] + rows[-1:]
    for key in named:
        out += [ln for ln in rows if ln.split("\t")[1] == f'"{key}"'][:3]
    return out + errors(lines)


def tags_count_named(*keys: str):
    def ext(lines):
        return n_osmium_tags_count(lines, keys)
    ext.__doc__ = n_osmium_tags_count.__doc__
    ext.kind = n_osmium_tags_count.kind
    return ext


@kind("osmium-getid", "log")
def n_osmium_getid(lines):
    """ids not found (the line and the id list after it), the written/found count line, Done., errors"""
    out = []
    for i, ln in enumerate(lines):
        if "Did not find" in ln or re.search(r"not found|missing", ln, re.I):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"\b(found|wrote|written|objects)\b", ln, re.I) and re.search(r"\d", ln):
            out.append(ln)
        elif re.search(r"\bDone\.", ln):
            out.append(ln)
    return out + errors(lines)


OPL = re.compile(r"^([nwr])(-?\d+) ")
XY = re.compile(r" x(-?[\d.]+) y(-?[\d.]+)")


@kind("osmium-cat-opl", "listing")
def n_osmium_cat_opl(lines):
    """first and last object line, first line of each type after nodes, duplicate ids, nodes out of range"""
    objs = [(ln, OPL.match(ln)) for ln in lines]
    objs = [(ln, m) for ln, m in objs if m]
    if not objs:
        return errors(lines)
    out = [objs[0][0], objs[-1][0]]
    seen_types: set[str] = set()
    count: dict[tuple[str, str], int] = {}
    for ln, m in objs:
        count[(m.group(1), m.group(2))] = count.get((m.group(1), m.group(2)), 0) + 1
    for ln, m in objs:
        if m.group(1) not in seen_types:
            seen_types.add(m.group(1))
            out.append(ln)
        if count[(m.group(1), m.group(2))] > 1:
            out.append(ln)
        xy = XY.search(ln)
        if xy and (abs(float(xy.group(1))) > 180 or abs(float(xy.group(2))) > 90):
            out.append(ln)
    return out + errors(lines)


@kind("osmium-export", "log")
def n_osmium_export(lines):
    """geometry error/warning lines, first and last feature line, closing summary"""
    feats = [ln for ln in lines if ln.lstrip("\x1e").startswith('{"type":"Feature"') or
             re.match(r"^(POINT|LINESTRING|POLYGON|MULTIPOLYGON)", ln)]
    out = feats[:1] + feats[-1:]
    out += [ln for ln in lines if re.search(r"^(Wrote|Exported|\d+ (features|objects))|Done\.", ln)]
    return out + errors([ln for ln in lines if ln not in feats])


@kind("osmium-derive-changes", "doc")
def n_osmium_derive_changes(lines):
    """each <create>/<modify>/<delete> opening line, the first object line in each block, every <way/<relation line"""
    out = []
    first_pending = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"<(create|modify|delete)\b", s):
            out.append(ln)
            first_pending = True
        elif re.match(r"<(node|way|relation)\b", s):
            if first_pending:
                out.append(ln)
                first_pending = False
            if re.match(r"<(way|relation)\b", s):
                out.append(ln)
    return out + errors(lines)


@kind("osmium-verbose-log", "log")
def n_osmium_verbose(lines):
    """first line, option/file lines, count and memory lines, errors and warnings, Done."""
    log = [ln for ln in lines if re.match(r"^\[\s*\d+:\d+\]", ln)]
    out = log[:1]
    for ln in log:
        if re.search(r"input|output|file|option|format|\bwith\b|strategy|Peak memory|Memory used|\d+ (nodes|ways|"
                     r"relations|changes|objects)|Done\.", ln, re.I):
            out.append(ln)
    return out + errors(lines)


@kind("osmium-fileinfo-json", "json")
def n_osmium_fileinfo_json(lines):
    """file name, format, bbox, counts, min/max ids, sorted, multiple_versions, first/last timestamps"""
    keys = r'"(name|format|bbox|boxes|nodes|ways|relations|changesets|minid|maxid|sorted|multiple_versions|first|last)"'
    out = [ln for ln in lines if re.search(keys, ln)]
    # a bbox printed over several lines: the number lines under "boxes"
    for i, ln in enumerate(lines):
        if '"boxes"' in ln:
            out += [x for x in lines[i + 1:i + 8] if re.search(r"-?\d+\.\d+", x)]
    return out + errors(lines)


@kind("proj-geod", "table")
def n_geod(lines):
    """first and last row, rows with the smallest and largest distance, failed rows, errors"""
    rows = [(ln, [num(ln.split()[-1])]) for ln in lines if len(ln.split()) >= 3 and num(ln.split()[-1]) is not None
            and not ln.startswith("EXIT=")]  # azimuths may print as DMS; the distance is the last column
    out = []
    if rows:
        out = [rows[0][0], rows[-1][0]]
        c = min(len(v) for _, v in rows) - 1
        out += [min(rows, key=lambda r: r[1][c])[0], max(rows, key=lambda r: r[1][c])[0]]
    usage = [ln for ln in lines if ln.startswith("Rel.") or ln.startswith("usage:")]
    return out + usage[:2] + failed_rows(lines) + errors(lines, re.compile(ERR.pattern + r"|<error>", re.I))


@kind("proj-forward", "table")
def n_proj_forward(lines):
    """first and last row, each column's extremes, failed rows (*, inf), errors"""
    return table(lines, 2) + failed_rows(lines) + errors(lines)


@kind("proj-inverse", "table")
def n_proj_inverse(lines):
    """first and last row, each column's extremes, failed rows (*, inf), errors"""
    return table(lines, 2) + failed_rows(lines) + errors(lines)


@kind("gdalsrsinfo", "doc")
def n_gdalsrsinfo(lines):
    """format headers, CRS name lines, outer ID["EPSG"] lines, +proj line, EPSG:N lines, errors"""
    out = [ln for ln in lines if re.match(r"^[A-Za-z][A-Za-z0-9 .:]*\s:\s*$", ln) or re.match(r"^\S.* : ?$", ln)]
    out += [ln for ln in lines if re.match(r'^\s*(PROJCRS|GEOGCRS|BOUNDCRS|COMPOUNDCRS|PROJCS|GEOGCS)\["', ln)]
    out += [ln for ln in lines if ln.lstrip().startswith("+proj=") or re.match(r"^\s*EPSG:\d+", ln)]
    # the outer ID["EPSG",N] of each WKT: the last ID line before a blank line or the end
    last_id = None
    for ln in lines + [""]:
        if re.search(r'^\s{0,4}ID\["EPSG",\d+\]', ln):
            last_id = ln
        elif not ln.strip() and last_id:
            out.append(last_id)
            last_id = None
    return out + errors(lines)


@kind("gdaltransform", "table")
def n_gdaltransform(lines):
    """first and last row, each column's extremes, failed rows, errors"""
    return table(lines, 2) + failed_rows(lines) + errors(lines)


# ---------------------------------------------------------------- the data

STREETS = ["Bahnhofstrasse", "Mühlegasse", "Seeweg", "Lindenallee", "Kirchplatz", "Schulstrasse", "Rosenweg",
           "Hafenstrasse", "Bergstrasse", "Marktgasse", "Gartenweg", "Feldstrasse", "Brunnenweg", "Alte Landstrasse"]
AMENITY = ["bench", "cafe", "bench", "waste_basket", "bench", "parking", "post_box", "drinking_water", "pharmacy",
           "restaurant", "bicycle_parking", "fountain", "bench", "recycling"]
HIGHWAY = ["residential"] * 8 + ["footway"] * 4 + ["service"] * 3 + ["primary", "secondary", "tertiary", "cycleway",
                                                                     "steps", "track"]


def town(seed: int, n_nodes: int, n_ways: int, n_rels: int, faults: bool = True, dup: bool = True) -> dict:
    """An OSM extract of a made-up town as plain data: nodes, ways, relations (dicts), with faults when asked."""
    r = random.Random(seed)
    nodes, ways, rels = {}, {}, {}
    for i in range(1, n_nodes + 1):
        tags = {}
        if r.random() < 0.08:
            tags["amenity"] = r.choice(AMENITY)
            if r.random() < 0.4:
                tags["name"] = f"{r.choice(['Zum', 'Café', 'Bei'])} {r.choice(STREETS)[:6]}{i}"
        nodes[i] = {"id": i, "lat": round(47.36 + r.random() * 0.04, 7), "lon": round(8.52 + r.random() * 0.05, 7),
                    "version": r.randint(1, 4), "changeset": 1000 + r.randint(0, 80), "uid": r.randint(10, 60),
                    "ts": f"2024-0{r.randint(1, 9)}-{r.randint(10, 28)}T{r.randint(10, 23)}:{r.randint(10, 59)}:00Z",
                    "tags": tags}
    for w in range(1, n_ways + 1):
        start = r.randint(1, n_nodes - 20)
        refs = list(range(start, start + r.randint(2, 12)))
        if r.random() < 0.3:
            tags = {"building": r.choice(["yes", "house", "yes", "apartments", "garage", "school"])}
            refs.append(refs[0])
        else:
            tags = {"highway": r.choice(HIGHWAY)}
            if tags["highway"] in ("residential", "primary", "secondary", "tertiary"):
                tags["name"] = r.choice(STREETS)
            if r.random() < 0.15:
                tags["maxspeed"] = r.choice(["30", "50", "30", "20"])
            if r.random() < 0.1:
                tags["surface"] = r.choice(["asphalt", "gravel", "paving_stones"])
        ways[w] = {"id": w, "refs": refs, "version": r.randint(1, 6), "changeset": 1000 + r.randint(0, 80),
                   "uid": r.randint(10, 60), "ts": f"2024-0{r.randint(1, 9)}-{r.randint(10, 28)}T12:00:00Z",
                   "tags": tags}
    for k in range(1, n_rels + 1):
        mem = r.sample(range(1, n_ways + 1), r.randint(2, 6))
        kind_ = r.choice(["route", "multipolygon", "route", "associatedStreet"])
        tags = {"type": kind_}
        if kind_ == "route":
            tags.update({"route": "bus", "ref": str(r.randint(1, 40))})
        elif kind_ == "multipolygon":
            tags["landuse"] = r.choice(["grass", "residential", "forest"])
        rels[k] = {"id": k, "members": [("w", m, "outer" if kind_ == "multipolygon" else "") for m in mem],
                   "version": 1, "changeset": 1090, "uid": 7, "ts": "2024-10-01T08:00:00Z", "tags": tags}
    if faults:
        ways[n_ways + 1] = {"id": n_ways + 1, "refs": [5, 6, n_nodes + 17, n_nodes + 18, 9], "version": 2,
                            "changeset": 1099, "uid": 13, "ts": "2024-11-02T09:00:00Z",
                            "tags": {"highway": "residential", "name": "Neubaugasse"}}
        rels[n_rels + 1] = {"id": n_rels + 1, "members": [("w", 3, "outer"), ("w", 99_999, "inner"),
                                                          ("n", n_nodes + 40, "")],
                            "version": 1, "changeset": 1099, "uid": 13, "ts": "2024-11-02T09:05:00Z",
                            "tags": {"type": "multipolygon", "landuse": "meadow"}}
        nodes[33]["lat"] = 95.1234567  # out of range
    return {"nodes": nodes, "ways": ways, "rels": rels, "dup": 41 if faults and dup else None}


def edit(t: dict, seed: int) -> dict:
    """A later state of the town: some nodes moved, some tags changed, some ways deleted, new objects."""
    r = random.Random(seed)
    import copy
    t = copy.deepcopy(t)
    for n in r.sample(sorted(t["nodes"]), len(t["nodes"]) // 25):
        t["nodes"][n]["lat"] = round(t["nodes"][n]["lat"] + r.uniform(-1e-4, 1e-4), 7)
        t["nodes"][n]["version"] += 1
    for w in r.sample(sorted(t["ways"]), len(t["ways"]) // 12):
        t["ways"][w]["tags"]["maxspeed"] = r.choice(["30", "40"])
        t["ways"][w]["version"] += 1
    for w in r.sample(sorted(t["ways"]), 4):
        del t["ways"][w]
    top = max(t["nodes"])
    for i in range(top + 1, top + 9):
        t["nodes"][i] = {"id": i, "lat": 47.371 + (i - top) * 1e-4, "lon": 8.541, "version": 1, "changeset": 1200,
                         "uid": 77, "ts": "2024-12-01T10:00:00Z", "tags": {}}
    t["ways"][max(t["ways"]) + 1] = {"id": max(t["ways"]) + 1, "refs": list(range(top + 1, top + 9)), "version": 1,
                                     "changeset": 1200, "uid": 77, "ts": "2024-12-01T10:00:00Z",
                                     "tags": {"highway": "footway", "name": "Uferpfad"}}
    t["rels"][1]["tags"]["ref"] = "99"
    t["rels"][1]["version"] += 1
    return t


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def osm_xml(t: dict) -> str:
    def attrs(o):
        return (f'id="{o["id"]}" version="{o["version"]}" timestamp="{o["ts"]}" changeset="{o["changeset"]}" '
                f'uid="{o["uid"]}" user="mapper{o["uid"]}"')

    def tags(o):
        return "".join(f'    <tag k="{k}" v="{esc(v)}"/>\n' for k, v in o["tags"].items())

    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="towngen 0.3">']
    for n in sorted(t["nodes"]):
        o = t["nodes"][n]
        line = f'  <node {attrs(o)} lat="{o["lat"]}" lon="{o["lon"]}"'
        out.append(line + (">\n" + tags(o) + "  </node>" if o["tags"] else "/>"))
        if n == t.get("dup"):
            out.append(line.replace('version="', 'version="9') + "/>")  # the same id twice
    for w in sorted(t["ways"]):
        o = t["ways"][w]
        out.append(f"  <way {attrs(o)}>\n" + "".join(f'    <nd ref="{x}"/>\n' for x in o["refs"]) + tags(o) + "  </way>")
    for k in sorted(t["rels"]):
        o = t["rels"][k]
        mem = "".join(f'    <member type="{"way" if ty == "w" else "node"}" ref="{m}" role="{role}"/>\n'
                      for ty, m, role in o["members"])
        out.append(f"  <relation {attrs(o)}>\n" + mem + tags(o) + "  </relation>")
    out.append("</osm>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- steps

def osmium(tmp: Path) -> None:
    d = tmp / "town"
    d.mkdir(parents=True, exist_ok=True)
    big = town(267, 3000, 420, 18)
    (d / "town.osm").write_text(osm_xml(big))
    (d / "town-2024-12.osm").write_text(osm_xml(edit(big, 268)))
    small = town(269, 260, 40, 4)
    (d / "village.osm").write_text(osm_xml(small))
    (d / "village-new.osm").write_text(osm_xml(edit(small, 270)))
    hamlet = town(273, 700, 90, 5, dup=False)  # missing references and a latitude out of range, ids unique
    (d / "hamlet.osm").write_text(osm_xml(hamlet))
    clean = town(271, 1200, 160, 6, faults=False)
    (d / "suburb.osm").write_text(osm_xml(clean))
    (d / "suburb-new.osm").write_text(osm_xml(edit(clean, 272)))
    (d / "ids.txt").write_text("".join(f"w{i}\n" for i in range(400, 430)) + "n3005\nn3017\nr19\nr20\nr44\n")

    cap("osmium-diff-village", "osmium diff -s village.osm village-new.osm", d, n_osmium_diff)
    cap("osmium-diff-town-full", "osmium diff -s town.osm town-2024-12.osm", d, n_osmium_diff)
    cap("osmium-diff-town-tail", "osmium diff -s town.osm town-2024-12.osm 2>&1 | tail -n 80", d, n_osmium_diff)
    cap("osmium-diff-suburb-c", "osmium diff -c suburb.osm suburb-new.osm; echo EXIT=$?", d, n_osmium_diff)
    cap("osmium-diff-town-wr", "osmium diff -s town.osm town-2024-12.osm 2>&1 | grep -E '^[-+*][wr]|^[A-Z]' | head -n 150", d,
        n_osmium_diff)

    cap("osmium-tags-count-town", "osmium tags-count town.osm '*=*'", d, n_osmium_tags_count)
    cap("osmium-tags-count-keys", "osmium tags-count -m 2 town.osm 'highway=*' 'building=*' amenity maxspeed 'name=*'", d,
        tags_count_named("highway", "building", "amenity", "maxspeed", "name"))
    cap("osmium-tags-count-name", "osmium tags-count -s name-asc suburb.osm 'name=*' 'amenity=*' | head -n 100", d,
        tags_count_named("name", "amenity"))

    cap("osmium-getid-r", "osmium getid -r --verbose-ids --verbose town.osm -i ids.txt -O -o /tmp/sel.osm 2>&1; "
        "echo EXIT=$?", d, n_osmium_getid)
    cap("osmium-getid-hamlet", "osmium getid -v --verbose-ids hamlet.osm w1 w2 w91 w177 n5 n790 r5 r6 r9 -f opl 2>&1", d,
        n_osmium_getid)
    cap("osmium-getid-suburb", "osmium getid -r -v suburb.osm r1 r2 r3 r4 r5 r6 r7 w9999 -f opl 2>&1 | tail -n 120",
        d, n_osmium_getid)

    cap("osmium-cat-opl-hamlet", "osmium cat hamlet.osm -f opl | grep -E '^(w9[0-9]|r|n3[0-9] )'; echo EXIT=$?", d,
        n_osmium_cat_opl)
    cap("osmium-export-hamlet-text", "osmium export hamlet.osm -f text -e -O -o /tmp/hamlet.txt 2>&1; echo EXIT=$?; "
        "wc -l /tmp/hamlet.txt", d, n_osmium_export)
    cap("osmium-cat-opl-village", "osmium cat village.osm -f opl", d, n_osmium_cat_opl)
    cap("osmium-cat-opl-head", "osmium cat town.osm -f opl 2>&1 | head -n 300", d, n_osmium_cat_opl)
    cap("osmium-cat-opl-wr", "osmium cat town.osm -f opl -t way -t relation 2>&1 | tail -n 150", d,
        n_osmium_cat_opl)

    cap("osmium-export-hamlet-geojson", "osmium export hamlet.osm -f geojsonseq -e 2>&1 | grep -v '\"Point\"' | head -n 150", d,
        n_osmium_export)
    cap("osmium-export-town-err", "osmium export town.osm -f text -e -O -o /tmp/town.txt 2>&1; echo EXIT=$?; "
        "osmium export village-new.osm -f text -e 2>&1 | head -n 80; echo EXIT=$?", d, n_osmium_export)
    cap("osmium-export-suburb", "osmium export suburb.osm -f text -e 2>&1 | head -n 200", d,
        n_osmium_export)

    cap("osmium-derive-village", "osmium derive-changes village.osm village-new.osm -f osc", d,
        n_osmium_derive_changes)
    cap("osmium-derive-suburb", "osmium derive-changes suburb.osm suburb-new.osm -f osc | head -n 200", d,
        n_osmium_derive_changes)
    cap("osmium-derive-town", "osmium derive-changes town.osm town-2024-12.osm -f osc 2>&1 | tail -n 200", d,
        n_osmium_derive_changes)

    (d / "v.osc").write_text(__import__("capture_more").run(
        "osmium derive-changes village.osm village-new.osm -f osc", cwd=d))
    cap("osmium-sort-verbose", "osmium sort --verbose town.osm town-2024-12.osm -O -o /tmp/sorted.osm.pbf", d,
        n_osmium_verbose)
    cap("osmium-apply-verbose", "osmium apply-changes --verbose village.osm v.osc -O -o /tmp/village-applied.osm "
        "2>&1; echo EXIT=$?", d, n_osmium_verbose)
    cap("osmium-merge-verbose", "osmium merge --verbose village.osm suburb.osm town.osm -O -o /tmp/merged.osm.pbf",
        d, n_osmium_verbose)

    cap("osmium-fileinfo-json-town", "osmium fileinfo -e -j town.osm", d, n_osmium_fileinfo_json)
    cap("osmium-fileinfo-json-village", "osmium fileinfo -e -j village-new.osm; echo EXIT=$?", d,
        n_osmium_fileinfo_json)
    cap("osmium-fileinfo-json-two", "for f in suburb.osm suburb-new.osm; do osmium fileinfo -e -j $f; done", d,
        n_osmium_fileinfo_json)


def proj(tmp: Path) -> None:
    d = tmp / "coords"
    d.mkdir(parents=True, exist_ok=True)
    r = random.Random(2670)
    pairs = []
    for i in range(420):
        a = (round(47.0 + r.random() * 1.2, 5), round(7.0 + r.random() * 3, 5))
        b = (round(a[0] + r.uniform(-2, 2), 5), round(a[1] + r.uniform(-3, 3), 5))
        pairs.append(f"{a[0]} {a[1]} {b[0]} {b[1]}")
    pairs[57] = "47.1 8.2 95.4 8.3"          # latitude out of range
    pairs[133] = "47.2 eight 46.9 8.1"        # not a number
    pairs[300] = "-33.86 151.2 51.5 -0.12"   # the longest line
    (d / "legs.txt").write_text("\n".join(pairs) + "\n")
    fwd = [f"{round(8.45 + r.random() * 0.2, 6)} {round(47.3 + r.random() * 0.15, 6)}" for _ in range(600)]
    fwd[88] = "200.0 47.3"
    fwd[402] = "8.5 91.0"
    fwd[511] = "8.5 north"
    (d / "lonlat.txt").write_text("\n".join(fwd) + "\n")
    inv = [f"{round(460000 + r.random() * 20000, 2)} {round(5240000 + r.random() * 20000, 2)}" for _ in range(500)]
    inv[12] = "1e12 5250000"
    inv[250] = "465000 -9e9"
    (d / "utm.txt").write_text("\n".join(inv) + "\n")
    (d / "lonlat_small.txt").write_text("\n".join(fwd[:80]) + "\n")
    (d / "geod_fwd.txt").write_text("".join(f"{47 + i * 0.01:.2f} 8.5 {i * 7 % 360} {1000 + i * 37}\n"
                                            for i in range(300)))

    cap("geod-inverse", "geod +ellps=WGS84 -I +units=km -f %.4f legs.txt", d, n_geod)
    cap("geod-inverse-tail", "geod +ellps=GRS80 -I +units=m legs.txt 2>&1 | tail -n 80; echo EXIT=$?", d, n_geod)
    cap("geod-forward", "geod +ellps=WGS84 +units=m -f %.6f geod_fwd.txt", d, n_geod)

    cap("proj-utm32", "proj +proj=utm +zone=32 +ellps=WGS84 -f %.2f lonlat.txt", d, n_proj_forward)
    cap("proj-merc-head", "proj +proj=merc +ellps=WGS84 -S lonlat.txt 2>&1 | head -n 150", d, n_proj_forward)
    cap("proj-somerc", "proj +proj=somerc +lat_0=46.95240555555556 +lon_0=7.439583333333333 +k_0=1 +x_0=2600000 "
        "+y_0=1200000 +ellps=bessel -f %.3f lonlat_small.txt; echo EXIT=$?", d, n_proj_forward)

    cap("invproj-utm32", "invproj +proj=utm +zone=32 +ellps=WGS84 -f %.6f utm.txt", d, n_proj_inverse)
    cap("invproj-utm32-dms", "invproj +proj=utm +zone=32 +ellps=WGS84 utm.txt 2>&1 | tail -n 100", d,
        n_proj_inverse)
    cap("invproj-laea", "invproj +proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 -f %.5f "
        "utm.txt 2>&1 | head -n 120; echo EXIT=$?", d, n_proj_inverse)

    cap("gdalsrsinfo-2056-all", "gdalsrsinfo -o all EPSG:2056", d, n_gdalsrsinfo)
    cap("gdalsrsinfo-loop", "for c in EPSG:4326 EPSG:32632 EPSG:99999 EPSG:21781; do echo \"== $c\"; "
        "gdalsrsinfo -o wkt2 $c; echo EXIT=$?; done", d, n_gdalsrsinfo)
    cap("gdalsrsinfo-3857-head", "gdalsrsinfo -o all EPSG:3857 2>&1 | head -n 100", d, n_gdalsrsinfo)
    cap("gdalsrsinfo-bad", "gdalsrsinfo -e '+proj=utm +zone=32 +datum=WGS84'; gdalsrsinfo -o proj4 EPSG:123456; "
        "gdalsrsinfo -o wkt1 ESRI:102100 2>&1; echo EXIT=$?", d, n_gdalsrsinfo)

    cap("gdaltransform-2056", "gdaltransform -s_srs EPSG:4326 -t_srs EPSG:2056 -output_xy < lonlat.txt", d,
        n_gdaltransform)
    cap("gdaltransform-utm-back", "gdaltransform -s_srs EPSG:32632 -t_srs EPSG:4326 < utm.txt 2>&1 | tail -n 120",
        d, n_gdaltransform)
    cap("gdaltransform-bad", "gdaltransform -s_srs EPSG:4326 -t_srs EPSG:99999 < lonlat_small.txt 2>&1; "
        "gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857 < lonlat_small.txt 2>&1 | head -n 60; echo EXIT=$?", d,
        n_gdaltransform)


STEPS = [osmium, proj]
