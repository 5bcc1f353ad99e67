"""Round 124, shaders: the planetarium dome's GLSL (`domelight`: sky, star-field, aurora and post-process shaders,
widened by a seeded generator to 150 files, a third of them with faults put in: undeclared identifiers, type
mismatches, wrong swizzles, bad calls, missing semicolons, writes to inputs, unsupported extensions) through
glslangValidator and glslc; good shaders compiled to SPIR-V and read back with spirv-dis and spirv-cross; modules
broken on purpose in their assembly (a block without terminator, a wrong result type, a missing capability, an
undefined id) through spirv-val and spirv-opt. The extractors below apply NEEDLES.md's "Round 124" rules. Run
through capture_wide124.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide124 import cap, shell_extra


# ------------------------------------------------------------------ extractors (rules fixed before capture)

@kind("glslangvalidator", "build")
def n_glslang(lines):
    """Rule 1: every ERROR: line and the file-name line printed above a file's ERROR: lines, WARNING: lines one {"any"} per (message shape, file)."""
    out, pairs, current, named = [], [], None, set()
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\S+\.(frag|vert|comp|geom|tesc|tese|glsl|spv)$", s):
            current = s
            continue
        if s.startswith("ERROR:"):
            if current and current not in named:
                named.add(current)
                out.append(current)
            out.append(ln)
        elif s.startswith("WARNING:"):
            msg = re.sub(r"^WARNING: \d+:\d+: ", "", s)
            pairs.append(((mask(msg), current), ln))
    return out + groups(pairs) + shell_extra(lines)


@kind("glslc", "build")
def n_glslc(lines):
    """Rules 1+3: every file:line: error: and glslc: error: line, warnings one {"any"} per (message shape, file), the N errors/warnings generated. lines."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):(\d+:)?\s*(error|warning): (.*)$", ln)
        if m and m.group(3) == "error":
            out.append(ln)
        elif m:
            pairs.append(((mask(m.group(4)), m.group(1)), ln))
        elif re.search(r"^glslc: error|\d+ errors? generated\.|\d+ warnings? generated\.|warnings? and \d+ errors? generated", ln):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


def _val_errors(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\berror\b", ln, re.I) and not ln.startswith("== "):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.match(r"^\s*(%\S+ = )?Op[A-Z]\w+", lines[k]):
                    out.append(lines[k])
                    break
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("== "):
                    out.append(lines[k])
                    break
    return out


@kind("spirv-val", "lint")
def n_spirv_val(lines):
    """Rule 1: every error: line, the quoted instruction within the next six lines, and the loop's == file header above each failing file."""
    return _val_errors(lines) + shell_extra(lines)


@kind("spirv-dis", "code")
def n_spirv_dis(lines):
    """Rules 5+6: the ; SPIR-V / Version / Generator / Bound header lines, every OpCapability, OpEntryPoint, OpExecutionMode and OpFunction line, every OpDecorate naming Binding, DescriptorSet or Location."""
    return [ln for ln in lines if re.match(r"^; (SPIR-V|Version:|Generator:|Bound:)", ln)
            or re.search(r"\bOp(Capability|EntryPoint|ExecutionMode|Function)\b(?!\w)", ln) and "OpFunctionCall" not in ln
            or re.search(r"OpDecorate .* (Binding|DescriptorSet|Location) \d+", ln)] + shell_extra(lines)


@kind("spirv-cross", "code")
def n_spirv_cross(lines):
    """Rules 1+6: every error line; source: #version/#include, every function definition's first line, every layout(/uniform/struct/cbuffer declaration; --reflect: every "name" line of entry points and resources, every "binding"/"location" line."""
    out = [ln for ln in lines if re.search(r"SPIRV-Cross threw|\berror\b", ln, re.I)]
    if any(ln.strip() == "{" for ln in lines[:2]) and any('"entryPoints"' in ln for ln in lines):
        out += [ln for ln in lines if re.match(r'^\s*"(name|binding|location)" :', ln)]
        return out + shell_extra(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^#(version|include)\b", ln) or re.match(r"^\s*(layout\(|uniform\b|struct\b|cbuffer\b)", ln):
            out.append(ln)
        elif re.match(r"^[A-Za-z_][\w<>:, ]*\s+[A-Za-z_]\w*\s*\(.*\)\s*$", ln) and i + 1 < len(lines) and lines[i + 1].strip() == "{":
            out.append(ln)
    return out + shell_extra(lines)


@kind("spirv-opt", "build")
def n_spirv_opt(lines):
    """Rule 1: every error: line with its quoted instruction; with --print-all, every pass header line and the last OpEntryPoint line printed."""
    out = _val_errors(lines)
    out += [ln for ln in lines if re.match(r"^; IR (before|after) ", ln)]
    ep = [ln for ln in lines if "OpEntryPoint" in ln]
    return out + ep[-1:] + shell_extra(lines)


# ------------------------------------------------------------------ the shaders

HEADER = "#version 450\n"
FAULTS = ["undeclared", "type", "swizzle", "semicolon", "return", "args", "redef", "extension", "lvalue",
          "overload", "extension2"]


def frag(i: int, rng: random.Random, fault: str | None) -> str:
    n_fn = rng.randint(2, 5)
    ext = ""
    if fault == "extension":
        ext = "#extension GL_EXT_dome_fisheye : warn\n"
    if fault == "extension2":
        ext = "#extension GL_ARB_planetarium_stars : enable\n"
    src = [HEADER + ext,
           "layout(location = 0) in vec2 vUv;\nlayout(location = 1) in vec3 vDir;\n"
           "layout(location = 0) out vec4 fragColor;\n",
           "layout(set = 0, binding = 0) uniform DomeParams {\n    float time;\n    float exposure;\n"
           "    vec3 sunDir;\n    float starDensity;\n} dome;\n",
           f"layout(set = 0, binding = {1 + i % 3}) uniform sampler2D skyTex;\n"]
    fns = []
    for k in range(n_fn):
        name = f"{rng.choice(['falloff', 'twinkle', 'scatter', 'aurora', 'horizon', 'vignette'])}{k}"
        fns.append(name)
        a, b = rng.uniform(0.1, 3.0), rng.uniform(0.1, 3.0)
        src.append(f"float {name}(vec3 d, float t) {{\n    float h = clamp(d.y * {a:.3f} + {b:.3f}, 0.0, 1.0);\n"
                   f"    return pow(h, {rng.randint(2, 8)}.0) * sin(t * {a:.2f});\n}}\n")
    body = ["void main() {", "    vec3 dir = normalize(vDir);", "    float t = dome.time;",
            "    vec3 col = texture(skyTex, vUv).rgb;"]
    for name in fns:
        body.append(f"    col += vec3({name}(dir, t)) * dome.exposure;")
    if fault == "undeclared":
        body.append("    col *= starIntensty;")
    elif fault == "type":
        body.append("    int steps = 0.5 * dome.starDensity;")
    elif fault == "swizzle":
        body.append("    vec2 uv2 = vUv.xz;")
    elif fault == "semicolon":
        body.append("    float glow = 0.25\n    col += glow;")
    elif fault == "return":
        src.append("vec3 tint(float x) {\n    return x * 0.5;\n}\n")
    elif fault == "args":
        body.append(f"    col += vec3({fns[0]}(dir));")
    elif fault == "redef":
        body.append("    vec3 dir = vec3(0.0);")
    elif fault == "lvalue":
        body.append("    vUv = vec2(0.0);")
    elif fault == "overload":
        body.append("    col += texture(skyTex, t).rgb;")
    body.append("    fragColor = vec4(col, 1.0);\n}\n")
    return "\n".join(src) + "\n" + "\n".join(body)


def vert(i: int, rng: random.Random, fault: str | None) -> str:
    body = ["#version 450", "layout(location = 0) in vec3 inPos;", "layout(location = 1) in vec2 inUv;",
            "layout(location = 0) out vec2 vUv;", "layout(location = 1) out vec3 vDir;",
            "layout(set = 0, binding = 0) uniform Camera {\n    mat4 viewProj;\n    float fovDeg;\n} cam;",
            "void main() {", "    vUv = inUv;", "    vDir = inPos;",
            f"    vec3 p = inPos * {rng.uniform(0.5, 2.0):.3f};"]
    if fault == "undeclared":
        body.append("    p += domeRadius;")
    elif fault == "type":
        body.append("    mat3 m = cam.viewProj * 2;")
    elif fault == "swizzle":
        body.append("    p.w = 1.0;")
    elif fault == "semicolon":
        body.append("    float fov = cam.fovDeg\n")
    elif fault in ("args", "overload"):
        body.append("    p = normalize(p, 1.0);")
    elif fault == "lvalue":
        body.append("    inUv = vec2(1.0);")
    body.append("    gl_Position = cam.viewProj * vec4(p, 1.0);\n}\n")
    return "\n".join(body)


def comp(i: int, rng: random.Random, fault: str | None) -> str:
    body = ["#version 450", f"layout(local_size_x = {rng.choice([32, 64, 128])}) in;",
            "struct Star { vec4 pos; vec4 color; };",
            "layout(std430, set = 0, binding = 0) buffer Stars { Star stars[]; };",
            "layout(push_constant) uniform Push { float dt; uint count; } pc;",
            "void main() {", "    uint id = gl_GlobalInvocationID.x;", "    if (id >= pc.count) return;",
            "    Star s = stars[id];", f"    s.pos.xyz += s.color.rgb * pc.dt * {rng.uniform(0.1, 4.0):.3f};"]
    if fault == "undeclared":
        body.append("    s.color.a = twinklePhase;")
    elif fault == "type":
        body.append("    uint n = pc.dt;")
    elif fault == "swizzle":
        body.append("    s.pos.q = 1.0;")
    elif fault == "semicolon":
        body.append("    s.pos.w = 1.0\n")
    elif fault == "redef":
        body.append("    uint id = 0u;")
    body.append("    stars[id] = s;\n}\n")
    return "\n".join(body)


def make_shaders(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    files = {}
    for i in range(n):
        stage = ["frag", "frag", "vert", "comp"][i % 4]
        fault = rng.choice(FAULTS) if rng.random() < 0.36 else None
        name = f"shaders/{['sky', 'stars', 'aurora', 'post', 'horizon', 'milkyway'][i % 6]}_{i:03d}.{stage}"
        files[name] = {"frag": frag, "vert": vert, "comp": comp}[stage](i, rng, fault)
    # a vertex/fragment pair whose interfaces disagree, for the linker
    files["pair/dome.vert"] = vert(0, random.Random(1), None).replace("out vec3 vDir", "out vec4 vDir").replace(
        "vDir = inPos", "vDir = vec4(inPos, 1.0)")
    files["pair/dome.frag"] = frag(0, random.Random(2), None)
    files["pair/sky.frag"] = frag(1, random.Random(3), None).replace("void main()", "void mainImage()")
    files["inc/tonemap.frag"] = ('#version 450\n#extension GL_GOOGLE_include_directive : require\n'
                                 '#include "common/aces.glsl"\n#include "common/dither.glsl"\n'
                                 'layout(location = 0) out vec4 o;\nvoid main() { o = vec4(aces(vec3(1.0)), 1.0); }\n')
    files["inc/common/aces.glsl"] = "vec3 aces(vec3 x) { return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0); }\n"
    write_tree(root, files)


GOOD = frag(7, random.Random(77), None)


def big_good(rng: random.Random) -> str:
    """A larger valid fragment shader (sky model with several helpers) for the SPIR-V tools."""
    parts = ["#version 450",
             "layout(location = 0) in vec2 vUv;", "layout(location = 1) in vec3 vDir;",
             "layout(location = 0) out vec4 fragColor;", "layout(location = 1) out vec4 bloom;",
             "layout(set = 0, binding = 0) uniform DomeParams {\n    float time;\n    float exposure;\n    vec3 sunDir;\n"
             "    float starDensity;\n    mat4 skyRot;\n} dome;",
             "layout(set = 0, binding = 1) uniform sampler2D skyTex;",
             "layout(set = 1, binding = 0) uniform sampler2D starTex;",
             "layout(set = 1, binding = 1) uniform samplerCube envMap;",
             "struct Layer { vec3 tint; float height; float density; };"]
    names = []
    for k in range(14):
        nm = f"{['rayleigh', 'mie', 'ozone', 'auroraBand', 'twinkle', 'horizonFade', 'moonGlow'][k % 7]}{k}"
        names.append(nm)
        parts.append(f"vec3 {nm}(vec3 d, Layer L) {{\n    float mu = dot(d, normalize(dome.sunDir));\n"
                     f"    float ph = {rng.uniform(0.5, 2):.3f} * (1.0 + mu * mu);\n"
                     f"    return L.tint * ph * exp(-L.height * {rng.uniform(0.1, 2):.3f}) * L.density;\n}}")
    body = ["void main() {", "    vec3 d = normalize((dome.skyRot * vec4(vDir, 0.0)).xyz);",
            "    vec3 col = texture(skyTex, vUv).rgb + texture(envMap, d).rgb * 0.1;"]
    for k, nm in enumerate(names):
        body.append(f"    col += {nm}(d, Layer(vec3({rng.random():.2f}, {rng.random():.2f}, {rng.random():.2f}), "
                    f"{rng.uniform(0, 3):.2f}, {rng.uniform(0, 1):.2f}));")
    body += ["    float s = texture(starTex, vUv * 4.0).r * dome.starDensity;",
             "    col += vec3(s);", "    fragColor = vec4(col * dome.exposure, 1.0);",
             "    bloom = vec4(max(col - 1.0, 0.0), 1.0);", "}"]
    return "\n".join(parts + body) + "\n"


MUTATIONS = [
    ("no-return", lambda t: t.replace("OpReturn\n               OpFunctionEnd", "OpFunctionEnd", 1)),
    ("bad-result-type", lambda t: re.sub(r"(= OpFMul) %v3float", r"\1 %float", t, count=1)),
    ("no-capability", lambda t: t.replace("OpCapability Shader\n", "", 1)),
    ("undefined-id", lambda t: re.sub(r"OpStore %fragColor %\w+", "OpStore %fragColor %missing_col", t, count=1)),
    ("dup-location", lambda t: t.replace("OpDecorate %bloom Location 1", "OpDecorate %bloom Location 1\n               OpDecorate %bloom Location 2", 1)),
    ("int-add", lambda t: re.sub(r"(= OpFAdd) %v3float", r"\1 %int", t, count=1)),
    ("store-type", lambda t: re.sub(r"OpStore %bloom %\w+", "OpStore %bloom %float_1", t, count=1)),
    ("no-entry", lambda t: re.sub(r"\s+OpEntryPoint[^\n]*\n", "\n", t, count=1)),
    ("no-memory-model", lambda t: t.replace("OpMemoryModel Logical GLSL450\n", "", 1)),
    ("branch-bad-label", lambda t: t.replace("OpReturn\n               OpFunctionEnd", "OpBranch %nowhere\n               OpFunctionEnd", 1)),
]


def shaders(tmp: Path) -> None:
    root = tmp / "domelight"
    make_shaders(root, 150, 124)
    run("ls shaders | wc -l", cwd=root)
    cap("glslang-all-150", "glslangValidator shaders/* 2>&1; echo EXIT=$?", root, n_glslang)
    cap("glslang-frag-vulkan-tail", "for f in shaders/*.frag; do glslangValidator -V --target-env vulkan1.2 -o /dev/null $f; "
        "done 2>&1 | tail -n 80", root, n_glslang)
    cap("glslang-comp-head", "glslangValidator -V -o /dev/null shaders/*.comp 2>&1 | head -n 100", root, n_glslang)
    cap("glslang-link-pairs", "glslangValidator -l pair/dome.vert pair/dome.frag pair/sky.frag; glslangValidator -l pair/dome.vert "
        "pair/dome.frag; glslangValidator -l -V -o /dev/null pair/dome.vert pair/sky.frag; glslangValidator -l "
        "shaders/sky_000.frag shaders/horizon_004.frag shaders/sky_012.frag; echo EXIT=$?", root, n_glslang)
    cap("glslang-vert-grep-error", "glslangValidator shaders/*.vert shaders/*.frag | grep -B1 -E 'ERROR|WARNING'", root, n_glslang)
    cap("glslc-frag", "cd shaders && glslc -c *.frag *.vert 2>&1; echo EXIT=$?", root, n_glslc)
    cap("glslc-all-tail", "cd shaders && for f in *; do glslc -c -O -o /dev/null $f; done 2>&1 | tail -n 80", root, n_glslc)
    cap("glslc-include-werror", "glslc -c -Werror --target-env=vulkan1.2 inc/tonemap.frag shaders/*_01*.frag 2>&1; "
        "echo EXIT=$?", root, n_glslc)
    # SPIR-V from good shaders, then broken modules
    spv = root / "build"
    spv.mkdir()
    (root / "sky_full.frag").write_text(big_good(random.Random(2024)))
    run("glslangValidator -V -o build/sky_full.spv sky_full.frag && glslangValidator -V -o build/stars.spv "
        "shaders/stars_001.frag; for f in shaders/*.comp; do glslangValidator -V -o build/$(basename $f).spv $f; done",
        cwd=root)
    cap("spirv-dis-sky", "spirv-dis build/sky_full.spv", root, n_spirv_dis)
    cap("spirv-dis-comp-head", "spirv-dis build/milkyway_011.comp.spv 2>&1 | head -n 120; spirv-dis build/stars_003.comp.spv | head -n 40",
        root, n_spirv_dis)
    cap("spirv-cross-es", "spirv-cross build/sky_full.spv --version 310 --es", root, n_spirv_cross)
    cap("spirv-cross-msl", "spirv-cross build/sky_full.spv --msl --msl-version 20100", root, n_spirv_cross)
    cap("spirv-cross-hlsl-comp", "for f in build/*.comp.spv; do spirv-cross $f --hlsl --shader-model 50; done 2>&1 | head -n 150",
        root, n_spirv_cross)
    cap("spirv-cross-reflect", "spirv-cross build/sky_full.spv --reflect", root, n_spirv_cross)
    text = run("spirv-dis build/sky_full.spv", cwd=root)
    bad = root / "broken"
    bad.mkdir()
    for k in range(3):
        for name, mut in MUTATIONS:
            t = mut(text)
            if k:
                t = t.replace("%dome", f"%dome{k}")
            (bad / f"{name}-{k}.spvasm").write_text(t)
            run(f"spirv-as --target-env spv1.0 -o broken/{name}-{k}.spv broken/{name}-{k}.spvasm", cwd=root)
    cap("spirv-val-loop", 'for f in broken/*.spv; do echo "== $f"; spirv-val $f; done 2>&1', root, n_spirv_val)
    cap("spirv-val-vulkan-exit-head", "for f in broken/*-1.spv broken/*-2.spv; do spirv-val --target-env vulkan1.2 $f; "
        "echo EXIT=$?; done 2>&1 | head -n 60", root, n_spirv_val)
    (root / "tiny.frag").write_text("#version 450\nlayout(location=0) out vec4 o;\nlayout(location=0) in float a;\n"
                                    "void main(){ float x = a * 2.0; if (x > 1.0) x = 1.0; o = vec4(x); }\n")
    run("glslangValidator -V -o build/tiny.spv tiny.frag", cwd=root)
    cap("spirv-opt-print-all-head", "spirv-opt -O --print-all build/tiny.spv -o /dev/null 2>&1 | head -n 400", root, n_spirv_opt)
    cap("spirv-opt-broken", 'for f in broken/*-0.spv; do echo "== $f"; spirv-opt -O $f -o /dev/null; echo EXIT=$?; done 2>&1',
        root, n_spirv_opt)


STEPS = [shaders]
