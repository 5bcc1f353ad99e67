"""Round 124, scenes, models and drawings of the planetarium dome (`domelight`): POV-Ray scenes of the dome hall
(a seeded field of seats and lamps; a missing `}`, an undeclared identifier, a missing include and a missing image map
put in); OpenSCAD projector mounts (echo output, unknown variables, a failed assert, a 2-D top level, solids that touch
along an edge); OBJ/STL/PLY models (a missing material library and texture, bad face indices, a truncated PLY) through
assimp info/export and obj2gltf; glTF files with bad accessors, buffer views and missing images through the Khronos
glTF Validator (npm, a node script printing its JSON report); SVG icons, some broken, through svgo and Inkscape; a
Blender scene built and rendered by a background script, and a script that fails inside Blender. The extractors below
apply NEEDLES.md's "Round 124" rules. Run through capture_wide124.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide124 import JS, cap, shell_extra


# ------------------------------------------------------------------ extractors (rules fixed before capture)

def _warn_groups(lines, pat=r"[Ww]arning|WARNING"):
    pairs = []
    for ln in lines:
        if re.search(pat, ln):
            pairs.append((mask(re.sub(r"^.*?(warning|WARNING|Warning)", "", ln)), ln))
    return groups(pairs)


@kind("povray-render", "log")
def n_povray(lines):
    """Rules 1+5: every Parse Error / Fatal error / Render failed / Possible Parse Error / Error: line with the File '…' line N line within six above, Warning lines one {"any"} per message shape, the Image Resolution, Pixels:, Rays:, Parse/Photon/Render/Total Time lines, the output file line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Parse Error|Fatal error|Render failed|Possible Parse Error|Error:", ln):
            out.append(ln)
            for k in range(i - 1, max(-1, i - 7), -1):
                if re.search(r"File '[^']*' line \d+", lines[k]):
                    out.append(lines[k])
                    break
        elif re.match(r"^\s*(Image Resolution|Pixels:|Rays:|Parse Time|Photon Time|Render Time|Total Time)", ln) \
                or re.search(r"Output file:|^Writing ", ln):
            out.append(ln)
    warn = [(mask(re.sub(r"^.*?Warning:?", "", ln)), ln) for ln in lines  # not the stream settings' `Warning Stream` row
            if re.search(r"Warning", ln) and not re.search(r"Parse Error|Error:|Warning Stream", ln)]
    return out + groups(warn) + shell_extra(lines)


@kind("openscad", "build")
def n_openscad(lines):
    """Rules 1+5: every ERROR: line, WARNING: lines one {"any"} per (message shape, file), ECHO: lines (all when at most 20, else first, last and those holding undef/nan/inf), the Simple/Vertices/Halfedges/Edges/Facets/Volumes/top level/rendering time lines, every 2-manifold or empty-object line."""
    out, pairs = [], []
    echoes = [ln for ln in lines if ln.startswith("ECHO:")]
    for ln in lines:
        if "ERROR:" in ln:
            out.append(ln)
        elif "WARNING:" in ln:
            m = re.search(r'in file ([^,]+)', ln)
            pairs.append(((mask(re.sub(r"line \d+", "", ln)), m.group(1) if m else None), ln))
        elif re.match(r"^\s*(Simple:|Vertices:|Halfedges:|Edges:|Facets:|Volumes:|Top level object is|"
                      r"Current top level object is|Total rendering time:)", ln) \
                or re.search(r"2-manifold|object is empty|is not a 3D object|is not a 2D object", ln):
            out.append(ln)
    if len(echoes) <= 20:
        out += echoes
    else:
        out += [echoes[0], echoes[-1]] + [ln for ln in echoes if re.search(r"\bundef\b|\bnan\b|\binf\b", ln)]
    return out + groups(pairs) + shell_extra(lines)


ASSIMP_COUNTS = (r"^\s*(Nodes:|Maximum depth|Meshes:|Animations:|Textures \(embed\.\):|Materials:|Cameras:|Lights:|"
                 r"Vertices:|Faces:|Bones:|Animation Channels:|Primitive Types:|Average faces/mesh|Average verts/mesh|"
                 r"Minimum point|Maximum point|Center point)")


@kind("assimp-info", "listing")
def n_assimp_info(lines):
    """Rules 1+5: every count line of the statistics block, every line under Named Materials: and Texture Refs:, every error line, warnings one {"any"} per message shape."""
    out, section = [], None
    for ln in lines:
        if re.match(ASSIMP_COUNTS, ln) or re.search(r"\b(Error|ERROR|failed)\b", ln):
            out.append(ln)
            section = None
            continue
        if re.match(r"^(Named Materials|Texture Refs):", ln):
            section = ln
            continue
        if section and ln.startswith((" ", "\t")) and ln.strip():
            out.append(ln)
        elif ln.strip() and not ln.startswith((" ", "\t")):
            section = None
    return out + _warn_groups(lines, r"\b[Ww]arn(ing)?\b|WARN") + shell_extra(lines)


@kind("assimp-export", "build")
def n_assimp_export(lines):
    """Rules 1+5: the line naming what was read (Launching asset import / Loading), the line naming what was written (Exporting / Wrote), every error line, warnings one {"any"} per message shape."""
    out = [ln for ln in lines if re.search(r"Launching asset import|Loading|Exporting|Wrote|\b(Error|ERROR|failed)\b", ln)]
    return out + _warn_groups(lines, r"\b[Ww]arn(ing)?\b|WARN") + shell_extra(lines)


@kind("gltf-validator-report", "json")
def n_gltf_validator(lines):
    """Rule 5: the "uri" line, the numErrors/numWarnings/numInfos/numHints/truncated lines, the "generator" line, one {"any"} per error or warning code of the lines carrying its message."""
    out = [ln for ln in lines if re.match(r'^\s*"(uri|numErrors|numWarnings|numInfos|numHints|truncated|generator)"\s*:', ln)]
    pairs = []
    for i, ln in enumerate(lines):
        m = re.match(r'^\s*"code"\s*:\s*"(\w+)"', ln)
        if m:  # pretty report: the object's "message" and "severity" lines sit next to its "code"
            block = lines[i:i + 6]
            sev = next((re.search(r"\d", b).group() for b in block if '"severity"' in b), None)
            msg = next((b for b in block if '"message"' in b), None)
            if sev in ("0", "1") and msg:
                pairs.append((m.group(1), msg))
            continue
        m = re.match(r"^\s*([01])\s+([A-Z][A-Z0-9_]{3,})\b", ln)  # a jq projection "severity code pointer message"
        if m:
            pairs.append((m.group(2), ln))
    return out + groups(pairs) + shell_extra(lines)


@kind("obj2gltf", "build")
def n_obj2gltf(lines):
    """Rule 1: every error line (Error, failed, Could not, ENOENT), warning lines one {"any"} per message shape, the loop's header above each file that warned or failed."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        hit_err = re.search(r"Error|failed|Could not|ENOENT", ln)
        hit_warn = re.search(r"[Ww]arn", ln) and not hit_err
        if hit_err:
            out.append(ln)
        elif hit_warn:
            warn.append((mask(ln), ln))
        if hit_err or hit_warn:
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("== "):
                    out.append(lines[k])
                    break
    return out + groups(warn) + shell_extra(lines)


@kind("svgo", "build")
def n_svgo(lines):
    """Rules 1+4: every error line with its file:line:col line, the result lines with the largest and smallest percentage and the file-name line above each."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"[Ee]rror", ln):
            out.append(ln)
            for k in range(i, min(len(lines), i + 7)):
                if re.search(r"\S+\.svg:\d+:\d+", lines[k]):
                    out.append(lines[k])
                    break
    res = []
    for i, ln in enumerate(lines):
        m = re.search(r"KiB - (-?[\d.]+)% = ", ln)
        if m:
            res.append((float(m.group(1)), i))
    if res:
        for v, i in (min(res), max(res)):
            out.append(lines[i])
            for k in range(i - 1, max(-1, i - 4), -1):
                if re.search(r"\.svg:?\s*$", lines[k]):
                    out.append(lines[k])
                    break
    return out + shell_extra(lines)


@kind("inkscape-export", "build")
def n_inkscape(lines):
    """Rule 1+5: every error / parser error / CRITICAL line, warning lines one {"any"} per message shape, the exported to lines (all when at most 10, else first and last)."""
    def is_warn(ln):  # a GLib WARNING line is a warning even when its hint says "error"
        return re.search(r"WARNING|[Ww]arning", ln) and not re.search(r"CRITICAL|parser error", ln)
    out = [ln for ln in lines if re.search(r"error|CRITICAL", ln, re.I) and not is_warn(ln)]
    exp = [ln for ln in lines if "exported to" in ln]
    out += exp if len(exp) <= 10 else [exp[0], exp[-1]]
    warn = [(mask(re.sub(r"\(\w+:\d+\)|\d\d:\d\d:\d\d\.\d+", "", ln)), ln) for ln in lines if is_warn(ln)]
    return out + groups(warn) + shell_extra(lines)


@kind("blender-log", "log")
def n_blender(lines):
    """Rules 1+5: the Blender N.N.N line, a traceback's exception, innermost and the script's outermost File lines, every Error line, Warning lines one {"any"} per shape, the first and last Fra: lines, every Saved: line and the Time: line after it."""
    out = [ln for ln in lines if re.match(r"^Blender \d+\.\d+", ln)][:1]
    for i, ln in enumerate(lines):
        if re.search(r"Traceback \(most recent call last\)", ln):  # Blender prefixes it `Error: Python: `
            out.append(ln)
            files = []
            k = i + 1
            while k < len(lines) and (lines[k].startswith(" ") or not lines[k].strip()):
                if lines[k].strip().startswith("File "):
                    files.append(lines[k])
                k += 1
            if k < len(lines):
                out.append(lines[k])
            if files:
                out += [files[-1], files[0]]
        elif re.search(r"\bError\b", ln) and not ln.startswith(" "):
            out.append(ln)
        elif re.match(r"^Saved: ", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 4)):
                if re.match(r"^\s*Time: ", lines[k]):
                    out.append(lines[k])
                    break
    fra = [ln for ln in lines if ln.startswith("Fra:")]
    out += fra[:1] + fra[-1:]
    warn = [(mask(re.sub(r"\d+", "", ln)), ln) for ln in lines if re.search(r"[Ww]arning", ln)]
    return out + groups(warn) + shell_extra(lines)


# ------------------------------------------------------------------ POV-Ray

def pov_scene(rng: random.Random, n_seats: int, fault: str | None) -> str:
    s = ['#version 3.7;' if fault != "noversion" else "", '#include "colors.inc"', '#include "textures.inc"']
    if fault == "include":
        s.append('#include "dome_palette.inc"')
    s += ["global_settings { assumed_gamma 1.0 max_trace_level 6 }",
          "camera { location <0, 4, -18> look_at <0, 3, 0> angle 70 }",
          "light_source { <0, 14, 0> color rgb <1, 0.95, 0.9> area_light <4,0,0>, <0,0,4>, 3, 3 adaptive 1 }",
          "sphere { <0,0,0>, 12 hollow texture { pigment { color rgb <0.05,0.05,0.12> } finish { diffuse 0.6 } } "
          "clipped_by { plane { -y, 0 } } }",
          "plane { y, 0 pigment { checker color rgb 0.2 color rgb 0.3 } }"]
    if fault == "imagemap":
        s.append('sphere { <0,6,0>, 11.5 hollow pigment { image_map { png "starfield_8k.png" map_type 1 } } }')
    for i in range(n_seats):
        a = i * 360.0 / n_seats
        r = 6 + (i % 3) * 1.5
        s.append(f"object {{ box {{ <-0.3,0,-0.3>, <0.3,{rng.uniform(0.6, 1.0):.2f},0.3> }} rotate y*{a:.1f} "
                 f"translate <{r:.2f}*cos(radians({a:.1f})), 0, {r:.2f}*sin(radians({a:.1f}))> "
                 f"pigment {{ color rgb <{rng.random():.2f},0.1,0.1> }} }}")
    for k in range(8):
        s.append(f"light_source {{ <{rng.uniform(-8, 8):.1f}, 1.5, {rng.uniform(-8, 8):.1f}> color rgb 0.2 "
                 f"spotlight point_at <0,6,0> radius 10 falloff 20 }}")
    s.append("sphere { <0,3,0>, 0.8 texture { Polished_Chrome } }")
    if fault == "brace":
        s.append("union { sphere { <2,1,2>, 0.5 } cylinder { <2,0,2>, <2,1,2>, 0.1 pigment { Red }")
    if fault == "undeclared":
        s.append("sphere { <0,8,0>, ProjectorRadius pigment { White } }")
    if fault == "badfloat":
        s.append("box { <0,0,0>, <1,1> pigment { color Blue } }")
    if fault == "warn":
        s.append("sphere { <4,2,4>, 0.4 pigment { color rgb <1,1,1> } finish { ambient 0.2 phong 0.5 phong 0.7 } }")
        s.append("#declare Unused = 3;\n#if (Unused = 3) #warning \"projector count below spec\" #end")
    return "\n".join(s) + "\n"


def povray(tmp: Path) -> None:
    root = tmp / "domelight" / "pov"
    rng = random.Random(1240)
    files = {}
    for name, fault, n in [("hall", "warn", 60), ("hall_brace", "brace", 40), ("hall_undeclared", "undeclared", 30),
                           ("hall_include", "include", 20), ("hall_stars", "imagemap", 20),
                           ("hall_old", "noversion", 24), ("hall_box", "badfloat", 20), ("hall_big", None, 200)]:
        files[f"{name}.pov"] = pov_scene(rng, n, fault)
    write_tree(root, files)
    opts = "+W160 +H120 -D +A0.3"
    cap("povray-hall", f"povray +Ihall.pov +Ohall.png {opts}", root, n_povray, timeout=300)
    cap("povray-brace-exit", f"povray +Ihall_brace.pov +Ohall_brace.png {opts} 2>&1; echo EXIT=$?", root, n_povray)
    cap("povray-undeclared-tail", f"povray +Ihall_undeclared.pov {opts} 2>&1 | tail -n 40", root, n_povray)
    cap("povray-loop", f'for s in hall_include hall_stars hall_old hall_box; do echo "== $s"; povray +I$s.pov +O$s.png '
        f'{opts} 2>&1 | grep -v "^  *[0-9]*\\.[0-9]*%"; done', root, n_povray, timeout=400)
    cap("povray-big-stats", f"povray +Ihall_big.pov +Ohall_big.png +W240 +H180 -D +A0.2 2>&1 | tail -n 80", root, n_povray,
        timeout=400)


# ------------------------------------------------------------------ OpenSCAD

SCAD_MOUNT = """
// projector mount for the dome's fisheye projectors
wall = 2.4;
bolt_d = 4.2;
$fn = 40;
module plate(w, d) {
    difference() {
        cube([w, d, wall]);
        for (x = [8, w - 8]) for (y = [8, d - 8]) translate([x, y, -1]) cylinder(d = bolt_d, h = wall + 2);
    }
}
module arm(len, angle) {
    rotate([0, angle, 0]) translate([0, -5, 0]) cube([len, 10, wall * 2]);
}
function tilt(i) = 10 + i * 7.5;
for (i = [0 : N_ARMS - 1]) {
    echo(str("arm ", i, " tilt=", tilt(i), " reach=", reach[i]));
    translate([i * 30, 0, 0]) union() { plate(24, 24); arm(40 + i * 5, -tilt(i)); }
}
"""


def scad_files(rng: random.Random) -> dict:
    echoes = "\n".join(f'echo(lens={i}, throw_ratio={rng.uniform(0.3, 2.5):.3f}, lux={rng.randint(800, 5000)}, '
                       f'offset={"undef" if i % 37 == 5 else f"{rng.uniform(-3, 3):.2f}"});' for i in range(160))
    return {
        "mount.scad": f"N_ARMS = 6;\nreach = [{', '.join(str(rng.randint(30, 90)) for _ in range(4))}];\n" + SCAD_MOUNT,
        "mount_typo.scad": "N_ARMS = 9;\nreach = [40, 50, 60];\n" + SCAD_MOUNT.replace("cube([w, d, wall])", "cube([w, d, wal])")
        .replace("plate(24, 24);", "plate(24, 24); bracket(3);") + "\nrotate(axis=[0,0,1]) cube(1);\n",
        "mount_syntax.scad": "N_ARMS = 2;\nreach = [40, 50];\n" + SCAD_MOUNT.replace("function tilt(i) = 10 + i * 7.5;",
                                                                                "function tilt(i) = 10 + i * 7.5")
        ,
        "mount_assert.scad": "wall = 1.2;\nassert(wall > 2, \"wall too thin for M4 bolts\");\ncube([10, 10, wall]);\n",
        "lens_table.scad": echoes + "\ncube(5);\n",
        "outline.scad": "difference() { square([80, 40]); translate([10, 10]) circle(r = 6); }\n",
        "touching.scad": "cube(10);\ntranslate([10, 10, 0]) cube(10);\ntranslate([0, 20, 0]) cube([10, 10, 0]);\n",
        "recurse.scad": "function depth(n) = depth(n + 1);\necho(depth(0));\ncube(1);\n",
    }


def openscad(tmp: Path) -> None:
    root = tmp / "domelight" / "scad"
    write_tree(root, scad_files(random.Random(3124)))
    cap("openscad-mount", "openscad -o mount.stl mount.scad", root, n_openscad, timeout=400)
    cap("openscad-typo-exit", "openscad -o mount_typo.stl mount_typo.scad 2>&1; echo EXIT=$?", root, n_openscad, timeout=400)
    cap("openscad-lens-echo-head", "openscad -o lens.stl lens_table.scad 2>&1 | head -n 100", root, n_openscad)
    cap("openscad-lens-echo", "openscad -o lens.echo lens_table.scad && cat lens.echo", root, n_openscad)
    cap("openscad-errors-2d-manifold", "openscad -o a.stl mount_syntax.scad; openscad -o b.stl mount_assert.scad; "
        "openscad -o outline.stl outline.scad; openscad -o touching.stl touching.scad; "
        "openscad -o recurse.stl recurse.scad; echo EXIT=$?", root, n_openscad)


# ------------------------------------------------------------------ models: assimp, obj2gltf

def dome_obj(rng: random.Random, rings: int, segs: int, fault: str | None) -> str:
    import math
    v, f = [], []
    for r in range(rings + 1):
        th = (math.pi / 2) * r / rings
        for s in range(segs):
            ph = 2 * math.pi * s / segs
            v.append(f"v {12 * math.cos(th) * math.cos(ph):.4f} {12 * math.sin(th):.4f} {12 * math.cos(th) * math.sin(ph):.4f}")
    vt = [f"vt {s / segs:.4f} {r / rings:.4f}" for r in range(rings + 1) for s in range(segs)]
    for r in range(rings):
        for s in range(segs):
            a = r * segs + s + 1
            b = r * segs + (s + 1) % segs + 1
            c, d = a + segs, b + segs
            f.append(f"f {a}/{a} {b}/{b} {d}/{d} {c}/{c}")
    if fault == "badindex":
        f.append(f"f 1 {len(v) + 40} 3")
    head = ["# domelight dome shell", "mtllib dome.mtl" if fault != "nomtl" else "mtllib dome_missing.mtl",
            "o DomeShell", "usemtl Screen"]
    return "\n".join(head + v + vt + f) + "\n"


MTL = """newmtl Screen
Kd 0.8 0.8 0.85
Ks 0.1 0.1 0.1
map_Kd textures/screen_gain.png
newmtl Seats
Kd 0.6 0.05 0.05
map_Kd textures/seat_fabric.jpg
map_Bump textures/seat_normal.png
"""


def models(tmp: Path) -> None:
    root = tmp / "domelight" / "models"
    rng = random.Random(9124)
    files = {"dome.obj": dome_obj(rng, 12, 24, None), "dome.mtl": MTL,
             "dome_nomtl.obj": dome_obj(rng, 6, 12, "nomtl"), "dome_badindex.obj": dome_obj(rng, 6, 12, "badindex"),
             "seat.ply": "ply\nformat ascii 1.0\nelement vertex 8\nproperty float x\nproperty float y\nproperty float z\n"
                         "element face 6\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n1 1 0\n",
             "console.obj": "o Console\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3 4\nf 1 2 3 4\nf 1 1 2\n"}
    write_tree(root, files)
    run("openscad -o mount.stl ../scad/mount.scad; openscad -o touching.stl ../scad/touching.scad", cwd=root, timeout=400)
    cap("assimp-info-dome", "assimp info dome.obj", root, n_assimp_info)
    cap("assimp-info-loop", 'for f in dome.obj dome_nomtl.obj dome_badindex.obj seat.ply console.obj mount.stl touching.stl; do '
        'echo "== $f"; assimp info $f; done 2>&1 | tail -n 150', root, n_assimp_info)
    cap("assimp-info-verbose-head", "assimp info mount.stl -v 2>&1 | head -n 90", root, n_assimp_info)
    cap("assimp-export-loop", "assimp export dome.obj dome.glb; assimp export mount.stl mount.ply -fply; "
        "assimp export seat.ply seat.obj; assimp export dome.obj dome.xyz -fxyz; assimp export dome_badindex.obj bad.dae; "
        "assimp export touching.stl touching.obj; assimp export console.obj console.glb; echo EXIT=$?", root, n_assimp_export)
    cap("obj2gltf-loop", 'for f in dome.obj dome_nomtl.obj dome_badindex.obj console.obj; do echo "== $f"; '
        'obj2gltf -i $f -o ${f%.obj}.gltf; echo EXIT=$?; done 2>&1', root, n_obj2gltf)


# ------------------------------------------------------------------ glTF validator

VALIDATE_JS = """const fs = require('fs');
const path = require('path');
const validator = require('gltf-validator');
const file = process.argv[2];
const data = new Uint8Array(fs.readFileSync(file));
validator.validateBytes(data, {
  uri: file,
  maxIssues: 2000,
  externalResourceFunction: (uri) => new Promise((resolve, reject) => {
    fs.readFile(path.resolve(path.dirname(file), decodeURIComponent(uri)), (err, d) => err ? reject(err.toString()) : resolve(new Uint8Array(d)));
  }),
}).then((report) => console.log(JSON.stringify(report, null, 2)))
  .catch((error) => { console.error('Validation failed: ', error); process.exit(1); });
"""


def broken_gltf(rng: random.Random, n_meshes: int) -> tuple[dict, bytes]:
    import struct
    buf = bytearray()
    accessors, views, meshes, nodes = [], [], [], []
    for m in range(n_meshes):
        pts = [(rng.uniform(-5, 5), rng.uniform(0, 8), rng.uniform(-5, 5)) for _ in range(6)]
        off = len(buf)
        for p in pts:
            buf += struct.pack("<3f", *p)
        views.append({"buffer": 0, "byteOffset": off, "byteLength": 72 if m % 9 else 96, "target": 34962})
        lo = [min(p[k] for p in pts) for k in range(3)]
        hi = [max(p[k] for p in pts) for k in range(3)]
        if m % 4 == 1:
            hi = [h + 1.5 for h in hi]  # bounds that do not match the data
        acc = {"bufferView": len(views) - 1, "componentType": 5126, "count": 6 if m % 7 else 9, "type": "VEC3",
               "min": lo, "max": hi}
        if m % 11 == 3:
            acc["componentType"] = 5125
        accessors.append(acc)
        ioff = len(buf)
        for i in [0, 1, 2, 3, 4, 5 if m % 5 else 9]:
            buf += struct.pack("<H", i)
        buf += b"\0\0"
        views.append({"buffer": 0, "byteOffset": ioff, "byteLength": 12, "target": 34963})
        accessors.append({"bufferView": len(views) - 1, "componentType": 5123, "count": 6, "type": "SCALAR"})
        prim = {"attributes": {"POSITION": len(accessors) - 2}, "indices": len(accessors) - 1,
                "material": m % 5 if m % 13 else 40}
        if m % 6 == 2:
            prim["attributes"]["NORMAL"] = len(accessors) - 2
        meshes.append({"name": f"seat_row_{m}", "primitives": [prim]})
        nodes.append({"name": f"seat_{m}", "mesh": m, "translation": [m * 0.5, 0, 0]})
    mats = [{"name": f"mat{k}", "pbrMetallicRoughness": {"baseColorTexture": {"index": k % 3},
                                                          "metallicFactor": 1.4 if k == 2 else 0.1}} for k in range(5)]
    gltf = {"asset": {"version": "2.0", "generator": "domelight-export 0.3"},
            "scene": 0, "scenes": [{"nodes": list(range(n_meshes))}], "nodes": nodes, "meshes": meshes,
            "accessors": accessors, "bufferViews": views, "materials": mats,
            "textures": [{"source": 0}, {"source": 1}, {"source": 2, "sampler": 4}],
            "images": [{"uri": "textures/screen_gain.png"}, {"uri": "textures/seat_fabric.jpg"},
                       {"uri": "missing/starfield.ktx2"}],
            "buffers": [{"uri": "seats.bin", "byteLength": len(buf) + 64}]}
    return gltf, bytes(buf)


def gltf(tmp: Path) -> None:
    root = tmp / "domelight" / "gltf"
    root.mkdir(parents=True)
    (root / "validate.js").write_text(VALIDATE_JS)
    (root / "node_modules").symlink_to(JS / "node_modules")
    g, b = broken_gltf(random.Random(124), 120)
    (root / "seats.gltf").write_text(json.dumps(g, indent=1))
    (root / "seats.bin").write_bytes(b)
    g2, b2 = broken_gltf(random.Random(5), 14)
    run("cp ../models/*.gltf . 2>/dev/null; cp ../models/*.glb . 2>/dev/null", cwd=root)
    (root / "console_rig.gltf").write_text(json.dumps(g2, indent=1))
    cap("gltf-validator-seats", "node validate.js seats.gltf", root, n_gltf_validator)
    cap("gltf-validator-seats-jq", "node validate.js seats.gltf | jq -r '.issues.messages[] | \"\\(.severity) \\(.code) "
        "\\(.pointer) \\(.message)\"' | head -n 120", root, n_gltf_validator)
    cap("gltf-validator-console-rig", "node validate.js console_rig.gltf", root, n_gltf_validator)
    cap("gltf-validator-dome-exported", "node validate.js dome.gltf | jq '{uri, info, issues: (.issues | del(.messages)), "
        "codes: [.issues.messages[].code] | unique}'; node validate.js dome.glb | jq .issues", root, n_gltf_validator)


# ------------------------------------------------------------------ SVG: svgo, Inkscape

def svg_icon(rng: random.Random, i: int, fault: str | None) -> str:
    shapes = []
    for k in range(rng.randint(4, 30)):
        shapes.append(f'  <circle cx="{rng.uniform(0, 64):.6f}" cy="{rng.uniform(0, 64):.6f}" r="{rng.uniform(0.5, 6):.6f}" '
                      f'fill="#{rng.randint(0, 0xffffff):06x}" stroke-width="1.000000"/>')
        shapes.append(f'  <path d="M {rng.uniform(0, 64):.5f} {rng.uniform(0, 64):.5f} L {rng.uniform(0, 64):.5f} '
                      f'{rng.uniform(0, 64):.5f} Z" stroke="#000000"/>')
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: domelight icon export -->\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64" '
            f'viewBox="0 0 64 64">\n  <title>icon {i}</title>\n  <metadata>exported</metadata>\n')
    if fault == "unclosed":
        shapes.insert(2, '  <g id="layer1">')
    if fault == "attr":
        shapes.insert(1, '  <rect x="1" y="2 width="3" height="4"/>')
    if fault == "image":
        shapes.append('  <image xlink:href="missing/planet.png" width="20" height="20"/>')
    if fault == "entity":
        shapes.append('  <text x="4" y="60">Dome &nbsp; show</text>')
    return head + "\n".join(shapes) + "\n</svg>\n"


def svg(tmp: Path) -> None:
    root = tmp / "domelight" / "icons"
    rng = random.Random(24124)
    files = {}
    for i in range(110):
        fault = {5: "unclosed", 11: "attr", 17: "image", 23: "entity", 31: "unclosed", 36: "image"}.get(i)
        files[f"src/icon_{i:02d}.svg"] = svg_icon(rng, i, fault)
    write_tree(root, files)
    run("mkdir -p clean && cp src/*.svg clean/ && rm clean/icon_05.svg clean/icon_11.svg clean/icon_23.svg clean/icon_31.svg",
        cwd=root)
    cap("svgo-folder-clean", "svgo -f clean -o out 2>&1", root, n_svgo)
    cap("svgo-folder-multipass-tail", "svgo -f clean -o out2 --multipass 2>&1 | tail -n 60; echo EXIT=$?", root, n_svgo)
    cap("svgo-each-broken", 'for f in src/icon_05.svg src/icon_11.svg src/icon_23.svg src/icon_31.svg src/icon_17.svg; do '
        'svgo "$f" --pretty -o out3/; done 2>&1; echo EXIT=$?', root, n_svgo)
    (root / "png").mkdir()
    cap("inkscape-export-loop", 'for f in src/icon_0?.svg src/icon_1?.svg src/icon_3?.svg; do inkscape --export-type=png '
        '--export-filename=png/$(basename $f .svg).png $f; done 2>&1 | tail -n 80', root, n_inkscape, timeout=600)
    cap("inkscape-export-broken", "inkscape --export-type=png --export-dpi=192 src/icon_17.svg src/icon_23.svg "
        "src/icon_05.svg 2>&1; echo EXIT=$?", root, n_inkscape, timeout=300)


# ------------------------------------------------------------------ Blender

BLEND_SCENE = """import bpy, math, random
random.seed(124)
bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene
scene.render.engine = 'CYCLES'
scene.cycles.device = 'CPU'
scene.cycles.samples = 8
DENOISE
scene.render.resolution_x, scene.render.resolution_y = 160, 120
scene.render.filepath = '//render/dome_'
bpy.ops.mesh.primitive_uv_sphere_add(radius=12, segments=32, ring_count=16)
dome = bpy.context.active_object
dome.name = 'DomeShell'
for i in range(36):
    a = i * math.tau / 36
    bpy.ops.mesh.primitive_cube_add(size=0.6, location=(6 * math.cos(a), 6 * math.sin(a), 0.3))
    bpy.context.active_object.name = f'Seat{i:02d}'
mat = bpy.data.materials.new('Screen')
mat.use_nodes = True
tex = mat.node_tree.nodes.new('ShaderNodeTexImage')
try:
    tex.image = bpy.data.images.load('//textures/starfield_8k.png')
except RuntimeError as e:
    print('Warning: texture not loaded:', e)
dome.data.materials.append(mat)
bpy.ops.object.camera_add(location=(0, -3, 2), rotation=(math.radians(80), 0, 0))
scene.camera = bpy.context.active_object
bpy.ops.object.light_add(type='POINT', location=(0, 0, 8))
print('objects:', len(bpy.data.objects), 'meshes:', len(bpy.data.meshes))
scene.frame_start, scene.frame_end = 1, 2
bpy.ops.render.render(animation=True)
bpy.ops.wm.save_as_mainfile(filepath=bpy.path.abspath('//dome.blend'))
"""

BLEND_BROKEN = """import bpy
def attach_projectors(n):
    dome = bpy.data.objects['DomeShell']
    for i in range(n):
        dome.modifiers.new(name=f'proj{i}', type='SUBSURF')
    return dome.modifiers['projector_array'].levels
print('attaching projectors')
levels = attach_projectors(4)
print('levels', levels)
"""


def blender(tmp: Path) -> None:
    root = tmp / "domelight" / "blend"
    write_tree(root, {"make_dome.py": BLEND_SCENE.replace("DENOISE\n", ""), "attach.py": BLEND_BROKEN,
                      "make_dome_nodenoise.py": BLEND_SCENE.replace("DENOISE", "scene.cycles.use_denoising = False").replace(
                          "bpy.path.abspath('//dome.blend')", "os.path.join(os.getcwd(), 'dome.blend')").replace(
                          "import bpy, math, random", "import bpy, math, os, random")})
    cap("blender-render-dome", "blender -b --factory-startup -noaudio -P make_dome.py 2>&1 | grep -v '^$'", root,
        n_blender, timeout=900)
    cap("blender-render-nodenoise-tail", "blender -b --factory-startup -noaudio -P make_dome_nodenoise.py 2>&1 | tail -n 120",
        root, n_blender, timeout=900)
    cap("blender-script-traceback", "blender -b dome.blend --python-exit-code 3 -P attach.py; echo EXIT=$?", root,
        n_blender, timeout=300)
    cap("blender-render-frame", "blender -b dome.blend -E CYCLES -o //render/still_ -f 1 2>&1 | grep -v Synchronizing", root,
        n_blender, timeout=900)


STEPS = [povray, openscad, models, gltf, svg, blender]
