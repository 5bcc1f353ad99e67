#!/usr/bin/env python3
"""Capture round 394 of the compression corpus: game and mobile tooling run offline, kinds new to the corpus
(Godot 3 headless script runs, project runs and exports; Debian's aapt package / dump badging / dump xmltree / list -v,
apksigner verify, zipalign -c; LÖVE runs; pygame and pyglet scripts failing headless), on small games and Android
packages written here with real faults put in. The needle rules are NEEDLES.md's "Round 394", fixed before capture
and applied by the extractors below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide394.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide394.json  as {"version": 2, "items": [...]}, ids prefixed "wide394-".
Tools:   Debian's godot3, aapt, apksigner, zipalign, love, keytool, xvfb-run (apt-get install -y godot3 aapt
         apksigner zipalign love); pygame and pyglet in a venv of their own under the tools dir.
"""

from __future__ import annotations

import os
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide394-"
DEFAULT_OUT = HERE / "data" / "wide394.json"
TMP = Path(os.environ.get("HM_WIDE394_TMP", "/dev/shm/hm-corpus-wide394-run"))
TOOLS = Path(os.environ.get("HM_WIDE394_TOOLS", "/dev/shm/hm-corpus-wide394-tools"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
PY_PACKAGES = ["pygame", "pyglet"]

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ shared pieces of the rules

ERR = re.compile(r"(?i)error|fail|fatal|exception|traceback|unable|cannot|can't|invalid|does not verify|not found")
WARN = re.compile(r"(?i)\bwarn")


def shape(s: str) -> str:
    s = re.sub(r"\"[^\"]*\"|'[^']*'", "Q", s)
    return " ".join(re.sub(r"\d+", "N", s).split())


def errs(lines):
    return [ln for ln in lines if ERR.search(ln)]


def warn_groups(lines, key=lambda ln: ""):
    """Warnings one any per message shape (and `key`, e.g. the file); lines that are errors are not warnings."""
    return cm.groups((shape(ln) + "\0" + key(ln), ln) for ln in lines if WARN.search(ln) and not ERR.search(ln))


def last_nonblank(lines):
    nb = [ln for ln in lines if ln.strip()]
    return nb[-1:] if nb else []


def tracebacks(lines):
    """Each Python traceback's exception line and innermost `File` line."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.startswith("Traceback (most recent call last)"):
            continue
        last_file = None
        for j in range(i + 1, len(lines)):
            s = lines[j]
            if s.lstrip().startswith('File "'):
                last_file = s
            elif s and not s[0].isspace():
                out.append(s)
                break
        if last_file:
            out.append(last_file)
    return out


# ------------------------------------------------------------------ extractors


def _godot(lines):
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Godot Engine v"):
            out.append(ln)
        if ERR.search(ln):
            out.append(ln)
            at = cm.next_match(lines, i, r"^\s*At: ")
            if at:
                out.append(at)
    return out + warn_groups(lines)


@cm.kind("godot3-script", "test")
def n_godot_script(lines):
    """every error line (SCRIPT ERROR/ERROR/Parse Error) and the `At:` line within 6 after it, warnings one any per shape, the `Godot Engine v` banner"""
    return _godot(lines)


@cm.kind("godot3-project-run", "test")
def n_godot_run(lines):
    """every error line (SCRIPT ERROR/ERROR/the project's own error lines) and the `At:` line within 6 after it, warnings one any per shape, the banner"""
    return _godot(lines)


@cm.kind("godot3-export", "build")
def n_godot_export(lines):
    """every error line and the `At:` line within 6 after it, warnings one any per shape, the banner, the last non-blank line"""
    return _godot(lines) + last_nonblank(lines)


@cm.kind("aapt-package", "build")
def n_aapt_package(lines):
    """every error line (`path:line: error:` names its file), warnings one any per (shape, file), the last non-blank line"""
    def fkey(ln):
        m = re.match(r"\s*(\S+?):\d+:", ln)
        return m.group(1) if m else ""
    return errs(lines) + warn_groups(lines, fkey) + last_nonblank(lines)


BADGING = re.compile(r"^(package:|sdkVersion:|targetSdkVersion:|uses-permission:|application-label:|application:|"
                     r"launchable-activity:|native-code:)")


@cm.kind("aapt-dump-badging", "listing")
def n_badging(lines):
    """every error line, the package/sdkVersion/targetSdkVersion/uses-permission/application-label/application/launchable-activity/native-code lines, warnings one any per shape"""
    return errs(lines) + [ln for ln in lines if BADGING.match(ln)] + warn_groups(lines)


XML_E = re.compile(r"^\s*E: (manifest|application|activity|activity-alias|service|receiver|provider|uses-sdk|"
                   r"uses-permission) \(")
XML_A = re.compile(r"^\s*A: (package=|\S*:(versionCode|versionName|minSdkVersion|targetSdkVersion|exported|"
                   r"debuggable|permission)\()")


@cm.kind("aapt-dump-xmltree", "doc")
def n_xmltree(lines):
    """every error line; E: lines of manifest/application/components/uses-sdk/uses-permission; A: lines of package, versionCode/Name, min/targetSdk, exported, debuggable, permission"""
    return errs(lines) + [ln for ln in lines if XML_E.match(ln) or XML_A.match(ln)]


LIST_ROW = re.compile(r"^\s*(\d+)\s+(\w+)\s+(\d+)\s+(\d+)%\s+\d+\s")


@cm.kind("aapt-list-v", "listing")
def n_aapt_list(lines):
    """rule 4 on the entry rows (header; rare Method; min/max Length, Size, Ratio rows), the totals line, error lines"""
    out = [ln for ln in lines if re.match(r"^\s*Length\s+Method\s+Size", ln)]
    rows = [(ln, LIST_ROW.match(ln)) for ln in lines]
    rows = [(ln, m) for ln, m in rows if m]
    if rows:
        meth = Counter(m.group(2) for _, m in rows)
        if meth.most_common(1)[0][1] * 2 >= len(rows):
            out += [ln for ln, m in rows if meth[m.group(2)] <= 2]
        for g in (1, 3, 4):
            vals = [int(m.group(g)) for _, m in rows]
            for v in (min(vals), max(vals)):
                out.append(next(ln for ln, m in rows if int(m.group(g)) == v))
    out += [ln for ln in lines if re.search(r"\d+ files?$", ln) and ln.lstrip().startswith(tuple("0123456789"))]
    return out + errs(lines)


@cm.kind("apksigner-verify", "build")
def n_apksigner(lines):
    """every error line (ERROR:, DOES NOT VERIFY), WARNING lines one any per shape, Verifies, every `Verified using` line, Number of signers, each signer's DN and SHA-256 digest"""
    keep = re.compile(r"^(Verifies$|Verified using |Number of signers:|Signer #\d+ certificate (DN|SHA-256 digest):)")
    return errs(lines) + warn_groups(lines) + [ln for ln in lines if keep.match(ln)]


@cm.kind("zipalign-check", "build")
def n_zipalign(lines):
    """the `Verifying alignment of` line, every `(BAD` row, the Verification line, error lines"""
    return [ln for ln in lines if ln.startswith("Verifying alignment of") or "(BAD" in ln
            or ln.startswith("Verification ")] + errs(lines)


@cm.kind("love-run", "test")
def n_love(lines):
    """every error line, the first game-file frame under each `stack traceback:`, warnings one any per shape"""
    out = errs(lines)
    for i, ln in enumerate(lines):
        if ln.strip() == "stack traceback:":
            for j in range(i + 1, len(lines)):
                s = lines[j]
                if not s.startswith(("\t", " ")):
                    break
                if re.match(r"^\s*[\w./-]+\.lua:\d+:", s):
                    out.append(s)
                    break
    return out + warn_groups(lines)


@cm.kind("pygame-script", "test")
def n_pygame(lines):
    """each traceback's exception line and innermost File line, every other error line, warnings one any per shape, the `pygame X (SDL Y, Python Z)` banner"""
    return tracebacks(lines) + errs(lines) + warn_groups(lines) + \
        [ln for ln in lines if re.match(r"^pygame \d+\.\d+.*\(SDL ", ln)]


@cm.kind("pyglet-script", "test")
def n_pyglet(lines):
    """each traceback's exception line and innermost File line, every other error line, warnings one any per shape"""
    return tracebacks(lines) + errs(lines) + warn_groups(lines)


# ------------------------------------------------------------------ Godot 3

XVFB = "xvfb-run -a -s '-nolisten tcp'"
GODOT = f"{XVFB} godot3 --no-window"

NAMES = ["wren", "heron", "kestrel", "lapwing", "plover", "curlew", "dunlin", "godwit", "merlin", "osprey",
         "redshank", "shrike", "siskin", "stonechat", "twite", "whimbrel", "yellowhammer", "ouzel"]


def gd_script(rnd: random.Random, n_waves: int, faults: list[str]) -> str:
    """A SceneTree script: a wave spawner printing ordinary lines, with `faults` put in at some waves."""
    body = ["extends SceneTree", "", "var enemies = {}", "var score = 0", "", "func spawn(wave, n):",
            "    for i in range(n):", "        var name = 'e%d_%d' % [wave, i]",
            "        enemies[name] = {'hp': 10 + wave * 2, 'x': i * 16}",
            "    print('wave %d: spawned %d enemies, %d alive' % [wave, n, enemies.size()])", "",
            "func fault(kind, wave):"]
    body += ["    if kind == 'null':", "        var target = null", "        target.take_damage(wave)",
             "    elif kind == 'index':", "        var lanes = [1, 2, 3]", "        print(lanes[wave + 7])",
             "    elif kind == 'dict':", "        print(enemies['boss_%d' % wave].hp)",
             "    elif kind == 'load':", "        var tex = load('res://art/missing_%d.png' % wave)",
             "        print('texture: ', tex)",
             "    elif kind == 'push':", "        push_error('wave %d: spawn point %d outside the arena' % [wave, wave * 3])",
             "    elif kind == 'warn':", "        push_warning('wave %d: %d enemies share a lane' % [wave, wave + 1])",
             "    elif kind == 'type':", "        var s = 'score' + score", "        print(s)",
             "    elif kind == 'div':", "        var zero = 0", "        print(score / zero)", "",
             "func _init():", "    print('arena: %d waves' % " + str(n_waves) + ")"]
    for w in range(1, n_waves + 1):
        body.append(f"    spawn({w}, {rnd.randint(3, 12)})")
        body.append(f"    score += {rnd.randint(10, 90)}")
        if faults and rnd.random() < 0.35:
            body.append(f"    fault('{rnd.choice(faults)}', {w})")
    body += ["    print('final score: %d' % score)", "    quit()", ""]
    return "\n".join(body)


def godot_project(root: Path, name: str, rnd: random.Random, n_nodes: int, faults: list[str]) -> None:
    files = {"project.godot": f'config_version=4\n\n[application]\n\nconfig/name="{name}"\n'
                              'run/main_scene="res://Main.tscn"\n\n[rendering]\n\nquality/driver/driver_name="GLES2"\n'}
    ext, nodes = [], []
    for i in range(n_nodes):
        nm = NAMES[i % len(NAMES)] + str(i)
        kind = rnd.choice(faults)
        script = [f"extends Node2D", "", f"var hp = {rnd.randint(5, 40)}", "", "func _ready():",
                  f"    print('{nm} ready at (%d, %d)' % [position.x, position.y])"]
        if kind == "missing_script":
            ext.append((f"res://actors/{nm}_gone.gd", "Script"))
        elif kind == "missing_tex":
            ext.append((f"res://art/{nm}.png", "Texture"))
        elif kind == "parse":
            script += ["    var speed = hp *", "    print(speed)"]
        elif kind == "null":
            script += ["    var target = get_node('../Nowhere')", "    target.hp -= 1"]
        elif kind == "signal":
            script += ["    connect('hit', self, '_on_hit')"]
        elif kind == "warn":
            script += [f"    push_warning('{nm}: hp %d above the cap' % hp)"]
        elif kind == "err":
            script += [f"    push_error('{nm}: no path to the nest')"]
        else:
            script += ["    hp += 1"]
        files[f"actors/{nm}.gd"] = "\n".join(script) + "\n"
        ext.append((f"res://actors/{nm}.gd", "Script"))
        nodes.append((nm, len(ext)))
    head = f"[gd_scene load_steps={len(ext) + 1} format=2]\n\n"
    head += "".join(f'[ext_resource path="{p}" type="{t}" id={k + 1}]\n' for k, (p, t) in enumerate(ext))
    scene = head + '\n[node name="Main" type="Node2D"]\n'
    for nm, sid in nodes:
        scene += f'\n[node name="{nm}" type="Node2D" parent="."]\nposition = Vector2( {rnd.randint(0, 600)}, {rnd.randint(0, 400)} )\nscript = ExtResource( {sid} )\n'
        if rnd.random() < 0.3:
            scene += f'\n[node name="Sprite" type="Sprite" parent="{nm}"]\ntexture = ExtResource( {rnd.randint(1, len(ext))} )\n'
    files["Main.tscn"] = scene
    cm.write_tree(root, files)


def cap_godot(tmp: Path) -> None:
    if not cm.have("godot3", "godot3"):
        return
    g = tmp / "godot"
    g.mkdir()
    env = {"HOME": str(tmp / "home")}
    rnd = random.Random(394)
    for tag, waves, faults in [("small", 8, ["null", "push"]), ("mid", 40, ["null", "index", "dict", "load", "warn"]),
                               ("big", 160, ["null", "index", "dict", "load", "push", "warn", "type", "div"])]:
        (g / f"waves_{tag}.gd").write_text(gd_script(rnd, waves, faults))
        _SIZED.cap(f"godot-script-{tag}", f"{GODOT} -s waves_{tag}.gd", g, n_godot_script, timeout=120, env=env,
                   typed=f"godot3 --no-window -s waves_{tag}.gd")
    (g / "broken.gd").write_text("extends SceneTree\n\nfunc _init()\n    var x = 3\n    print(x\n    quit()\n")
    _SIZED.cap("godot-script-parse", f"{GODOT} --check-only -s broken.gd", g, n_godot_script, timeout=60, env=env,
               typed="godot3 --no-window --check-only -s broken.gd")
    (g / "broken2.gd").write_text("extends SceneTree\n\nvar lanes := [1, 2]\n\nfunc _init():\n"
                                  "    var total: int = 'many'\n    for l in lanes\n        print(l)\n    quit()\n")
    _SIZED.cap("godot-script-parse2", f"{GODOT} -s broken2.gd", g, n_godot_script, timeout=60, env=env,
               typed="godot3 --no-window -s broken2.gd")
    for tag, n, faults in [("aviary", 6, ["missing_script", "null", "ok"]),
                           ("marsh", 24, ["missing_script", "missing_tex", "null", "signal", "warn", "ok", "ok"]),
                           ("estuary", 70, ["missing_script", "missing_tex", "parse", "null", "signal", "warn", "err",
                                            "ok", "ok"])]:
        p = g / tag
        godot_project(p, tag, rnd, n, faults)
        _SIZED.cap(f"godot-run-{tag}", f"{GODOT} --path . --quit", p, n_godot_run, timeout=180, env=env,
                   typed="godot3 --no-window --path . --quit")
    # exports: a preset file with a missing template path, one without presets, one asking for an unknown preset
    p = g / "aviary"
    (p / "export_presets.cfg").write_text(
        '[preset.0]\n\nname="Linux/X11"\nplatform="Linux/X11"\nrunnable=true\ncustom_features=""\n'
        'export_filter="all_resources"\ninclude_filter=""\nexclude_filter=""\nexport_path="build/aviary.x86_64"\n'
        'patch_list=PoolStringArray(  )\nscript_export_mode=1\nscript_encryption_key=""\n\n[preset.0.options]\n\n'
        'texture_format/bptc=false\ntexture_format/s3tc=true\ntexture_format/etc=false\ntexture_format/etc2=false\n'
        'texture_format/no_bptc_fallbacks=true\nbinary_format/64_bits=true\nbinary_format/embed_pck=false\n'
        'custom_template/release="/opt/templates/linux_x11_64_release"\ncustom_template/debug=""\n')
    (p / "build").mkdir()
    _SIZED.cap("godot-export-linux", f"{GODOT} --path . --export 'Linux/X11' build/aviary.x86_64", p, n_godot_export,
               timeout=180, env=env, typed="godot3 --no-window --path . --export 'Linux/X11' build/aviary.x86_64")
    _SIZED.cap("godot-export-android", f"{GODOT} --path . --export 'Android' build/aviary.apk", p, n_godot_export,
               timeout=180, env=env, typed="godot3 --no-window --path . --export 'Android' build/aviary.apk")


# ------------------------------------------------------------------ Android packages

ATTR_IDS = dict(theme=0x01010000, label=0x01010001, icon=0x01010002, name=0x01010003, permission=0x01010006,
                hasCode=0x0101000c, debuggable=0x0101000f, exported=0x01010010, screenOrientation=0x0101001e,
                orientation=0x010100c4, id=0x010100d0, layout_width=0x010100f4, layout_height=0x010100f5,
                text=0x0101014f, minSdkVersion=0x0101020c, versionCode=0x0101021b, versionName=0x0101021c,
                targetSdkVersion=0x01010270, authorities=0x01010018, glEsVersion=0x01010281, required=0x0101028e)
ATTR_FMT = dict(label="reference|string", icon="reference", theme="reference", id="reference",
                versionCode="integer", minSdkVersion="integer|string", targetSdkVersion="integer|string",
                glEsVersion="integer", exported="boolean", debuggable="boolean", required="boolean", hasCode="boolean")


def framework(root: Path) -> Path:
    """A stand-in for android.jar: a package `android` (id 0x01) declaring the public attributes used here."""
    attrs = "".join(f'<attr name="{k}" format="{ATTR_FMT.get(k, "string")}"/>\n' for k in ATTR_IDS
                    if k not in ("layout_width", "layout_height", "orientation", "screenOrientation"))
    attrs += ('<attr name="layout_width" format="dimension"><enum name="match_parent" value="-1"/>'
              '<enum name="wrap_content" value="-2"/></attr>\n<attr name="layout_height" format="dimension">'
              '<enum name="match_parent" value="-1"/><enum name="wrap_content" value="-2"/></attr>\n'
              '<attr name="orientation"><enum name="horizontal" value="0"/><enum name="vertical" value="1"/></attr>\n'
              '<attr name="screenOrientation"><enum name="landscape" value="0"/><enum name="portrait" value="1"/></attr>\n')
    pub = "".join(f'<public type="attr" name="{k}" id="0x{v:08x}"/>\n' for k, v in ATTR_IDS.items())
    cm.write_tree(root, {"AndroidManifest.xml": '<manifest package="android"><application/></manifest>\n',
                         "res/values/attrs.xml": f"<resources>\n{attrs}</resources>\n",
                         "res/values/public.xml": f"<resources>\n{pub}</resources>\n"})
    cm.run("aapt package -x -f -M AndroidManifest.xml -S res -F ../framework.apk", cwd=root, timeout=120)
    return root.parent / "framework.apk"


PERMS = ["INTERNET", "ACCESS_NETWORK_STATE", "VIBRATE", "WAKE_LOCK", "RECORD_AUDIO", "CAMERA",
         "ACCESS_FINE_LOCATION", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE", "BLUETOOTH", "FOREGROUND_SERVICE"]


def manifest(pkg: str, rnd: random.Random, n_act: int, faults: set[str]) -> str:
    app_attrs = '' if "nolabel" in faults else ' android:label="@string/app_name"'
    if "icon" in faults:
        app_attrs += ' android:icon="@drawable/ic_launcher"'
    if "debuggable" in faults:
        app_attrs += ' android:debuggable="true"'
    perms = "".join(f'  <uses-permission android:name="android.permission.{p}"/>\n'
                    for p in rnd.sample(PERMS, rnd.randint(2, len(PERMS))))
    acts = ""
    for i in range(n_act):
        nm = f".{rnd.choice(['Level', 'Menu', 'Shop', 'Score', 'Map'])}Activity{i}"
        name_attr = "" if ("noname" in faults and i == 1) else f' android:name="{nm}"'
        exp = ' android:exported="true"' if i == 0 else (' android:exported="false"' if rnd.random() < 0.6 else "")
        orient = f' android:screenOrientation="{rnd.choice(["landscape", "portrait"])}"'
        inner = ('\n      <intent-filter><action android:name="android.intent.action.MAIN"/>'
                 '<category android:name="android.intent.category.LAUNCHER"/></intent-filter>\n    ') if i == 0 else ""
        acts += f"    <activity{name_attr}{exp}{orient}>{inner}</activity>\n"
    if "service" in faults:
        acts += '    <service android:name=".SyncService" android:permission="android.permission.BIND_JOB_SERVICE"/>\n'
        acts += '    <receiver android:name=".BootReceiver" android:exported="true"/>\n'
        auth = "" if "noauth" in faults else ' android:authorities="%s.saves"' % pkg
        acts += f'    <provider android:name=".SaveProvider"{auth} android:exported="true"/>\n'
    if "badref" in faults:
        acts += '    <activity android:name=".Credits" android:theme="@style/Theme.Missing"/>\n'
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<manifest xmlns:android="http://schemas.android.com/apk/res/android"'
            f' package="{pkg}" android:versionCode="{rnd.randint(1, 400)}" android:versionName="{rnd.randint(1, 4)}.'
            f'{rnd.randint(0, 20)}">\n  <uses-sdk android:minSdkVersion="{rnd.choice([16, 19, 21, 24])}" '
            f'android:targetSdkVersion="{rnd.choice([28, 30, 33])}"/>\n{perms}'
            f'  <uses-feature android:glEsVersion="0x00020000" android:required="true"/>\n'
            f'  <application{app_attrs}>\n{acts}  </application>\n</manifest>\n')


def android_app(root: Path, pkg: str, rnd: random.Random, n_act: int, n_assets: int, faults: set[str]) -> None:
    strings = '<string name="app_name">%s</string>\n' % pkg.rsplit(".", 1)[-1].title()
    strings += "".join(f'<string name="level_{i}">Level {i}</string>\n' for i in range(rnd.randint(3, 30)))
    if "dup" in faults:
        strings += '<string name="level_1">Level one again</string>\n'
    files = {"AndroidManifest.xml": manifest(pkg, rnd, n_act, faults),
             "res/values/strings.xml": f"<resources>\n{strings}</resources>\n",
             "res/layout/hud.xml": '<LinearLayout xmlns:android="http://schemas.android.com/apk/res/android" '
                                   'android:layout_width="match_parent" android:layout_height="wrap_content" '
                                   'android:orientation="horizontal">\n  <TextView android:id="@+id/score" '
                                   'android:layout_width="wrap_content" android:layout_height="wrap_content" '
                                   'android:text="@string/level_0"/>\n</LinearLayout>\n'}
    if "badlayout" in faults:
        files["res/layout/pause.xml"] = ('<FrameLayout xmlns:android="http://schemas.android.com/apk/res/android" '
                                         'android:layout_width="match_parent" android:layout_height="fill">\n'
                                         '  <TextView android:text="@string/paused" android:gravity="center"/>\n'
                                         '</FrameLayout>\n')
    if "badxml" in faults:
        files["res/values/colors.xml"] = '<resources>\n<color name="sky">#88ccff</color>\n<color name="sea">#246\n</resources>\n'
    if "badname" in faults:
        files["res/drawable/Hero-Sprite.png"] = "not really a png\n"
    for i in range(n_assets):
        kind = rnd.choice(["lvl", "lvl", "ogg", "png", "json"])
        body = "".join(rnd.choice("abcdefgh.#") for _ in range(rnd.randint(20, 4000))) if kind != "ogg" \
            else os.urandom(rnd.randint(200, 9000)).hex()
        files[f"assets/{kind}/{kind}_{i:03d}.{kind}"] = body
    cm.write_tree(root, files)


def add_lib(apk: Path, abis: list[str]) -> None:
    with zipfile.ZipFile(apk, "a") as z:
        for abi in abis:
            z.writestr(f"lib/{abi}/libgame.so", b"\x7fELF" + bytes(3000))


def cap_android(tmp: Path) -> None:
    for t in ("aapt", "apksigner", "zipalign", "keytool"):
        if not cm.have(t, t):
            return
    a = tmp / "android"
    a.mkdir()
    fw = framework(a / "fw")
    ks = a / "release.jks"
    cm.run(f"keytool -genkeypair -keystore {ks} -storepass hunter22 -keypass hunter22 -alias release -keyalg RSA "
           "-keysize 2048 -validity 9000 -dname 'CN=Puffin Games Release, O=Puffin Games, C=GB'", timeout=120)
    cm.run(f"keytool -genkeypair -keystore {ks} -storepass hunter22 -keypass hunter22 -alias old -keyalg RSA "
           "-keysize 1024 -sigalg SHA1withRSA -validity 30 -dname 'CN=Old Debug, O=Puffin Games, C=GB'", timeout=120)
    rnd = random.Random(3940)
    fw_rel = "../framework.apk"
    apps = [("tern", "org.puffin.tern", 3, 12, set()),
            ("gannet", "org.puffin.gannet", 6, 60, {"service", "debuggable", "noauth", "dup"}),
            ("skua", "org.puffin.skua", 9, 240, {"service", "nolabel", "noname", "noauth"}),
            ("fulmar", "org.puffin.fulmar", 4, 30, {"icon", "badref", "dup", "badlayout"}),
            ("shag", "org.puffin.shag", 5, 40, {"badxml", "badname"}),
            ("guillemot", "org.puffin.guillemot", 12, 500, {"service"})]
    built = {}
    breaking = {"noauth", "noname", "dup", "badlayout", "badxml", "badname", "badref", "icon"}
    for name, pkg, n_act, n_assets, faults in apps:
        seed = rnd.random()
        root = a / name
        cmd = f"aapt package -v -f -M AndroidManifest.xml -S res -A assets -I {fw_rel} -F ../{name}.unsigned.apk"
        typed = cmd.replace(fw_rel, "$ANDROID_JAR")
        if faults & breaking:  # the first build, with the faults that break it; then the same app fixed
            android_app(root, pkg, random.Random(seed), n_act, n_assets, faults)
            add(f"aapt-package-{name}", typed, cm.run(cmd, cwd=root, timeout=180), n_aapt_package)
            cm.run(f"rm -rf {root}", timeout=60)
        android_app(root, pkg, random.Random(seed), n_act, n_assets, faults - breaking)
        out = cm.run(cmd, cwd=root, timeout=180)
        if name == "skua":
            add(f"aapt-package-{name}-fixed", typed, out, n_aapt_package)
        if (a / f"{name}.unsigned.apk").exists():
            built[name] = a / f"{name}.unsigned.apk"
        else:
            cm.note(f"{name}: fixed build failed: {out[-300:]}")
    if "gannet" in built:
        add_lib(built["gannet"], ["armeabi-v7a", "arm64-v8a", "x86_64"])
    if "guillemot" in built:
        add_lib(built["guillemot"], ["arm64-v8a"])
    for name, apk in built.items():
        if name == "fulmar":  # its fixed manifest is tern's shape again; its aapt-package item is what it adds
            continue
        _SIZED.cap(f"badging-{name}", f"aapt dump badging {apk.name}", a, n_badging, timeout=60)
        _SIZED.cap(f"xmltree-{name}", f"aapt dump xmltree {apk.name} AndroidManifest.xml", a, n_xmltree, timeout=60)
        if name in ("gannet", "skua", "guillemot"):
            _SIZED.cap(f"list-{name}", f"aapt list -v {apk.name}", a, n_aapt_list, timeout=60)
            _SIZED.cap(f"zipalign-{name}", f"zipalign -c -v 4 {apk.name}", a, n_zipalign, timeout=60)
    # signing: aligned and signed; unsigned; tampered after signing; v1 only with jarsigner; weak old key
    if "gannet" in built:
        cm.run("zipalign -f -p 4 gannet.unsigned.apk gannet.aligned.apk", cwd=a)
        _SIZED.cap("zipalign-gannet-aligned", "zipalign -c -v 4 gannet.aligned.apk", a, n_zipalign, timeout=60)
        cm.run(f"cp gannet.aligned.apk gannet.apk && apksigner sign --ks {ks.name} --ks-pass pass:hunter22 "
               "--ks-key-alias release gannet.apk", cwd=a, timeout=120)
        _SIZED.cap("apksigner-gannet-ok", "apksigner verify -v --print-certs gannet.apk", a, n_apksigner, timeout=120)
        _SIZED.cap("apksigner-gannet-unsigned", "apksigner verify -v gannet.unsigned.apk", a, n_apksigner, timeout=120)
        cm.run("cp gannet.apk gannet.tampered.apk", cwd=a)
        with zipfile.ZipFile(a / "gannet.tampered.apk", "a") as z:
            z.writestr("assets/lvl/lvl_cheat.lvl", "all doors open\n")
            z.writestr("META-INF/extra.properties", "build=local\n")
        _SIZED.cap("apksigner-gannet-tampered", "apksigner verify -v --print-certs gannet.tampered.apk", a,
                   n_apksigner, timeout=120)
    if "guillemot" in built:
        cm.run("cp guillemot.unsigned.apk guillemot.v1.apk && jarsigner -keystore release.jks -storepass hunter22 "
               "-sigalg SHA1withRSA -digestalg SHA1 guillemot.v1.apk old", cwd=a, timeout=120)
        with zipfile.ZipFile(a / "guillemot.v1.apk", "a") as z:
            for i in range(40):
                z.writestr(f"META-INF/services/org.puffin.Plugin{i}", f"org.puffin.impl.P{i}\n")
        _SIZED.cap("apksigner-guillemot-v1", "apksigner verify -v --print-certs --min-sdk-version 24 guillemot.v1.apk",
                   a, n_apksigner, timeout=120)
        _SIZED.cap("zipalign-guillemot-v1", "zipalign -c -v 4 guillemot.v1.apk", a, n_zipalign, timeout=60)
    if "tern" in built:
        cm.run(f"zipalign -f 4 tern.unsigned.apk tern.apk && apksigner sign --ks {ks.name} --ks-pass pass:hunter22 "
               "--ks-key-alias old --v2-signing-enabled false --v3-signing-enabled false --min-sdk-version 16 tern.apk",
               cwd=a, timeout=120)
    # every package of the release directory at once, as an agent checks them before an upload
    loop = ('for f in tern.apk gannet.unsigned.apk gannet.apk gannet.tampered.apk skua.unsigned.apk; do echo "== $f"; '
            'apksigner verify -v --print-certs --min-sdk-version 26 "$f"; done')
    _SIZED.cap("apksigner-release-dir", loop, a, n_apksigner, timeout=300)


# ------------------------------------------------------------------ LÖVE

LOVE_GAMES = {
    "lantern": {
        "main.lua": """
            local moths = {}
            function love.load()
              print("lantern: loading " .. 12 .. " moths")
              for i = 1, 12 do moths[i] = {x = i * 20, y = 40, speed = i % 4} end
              local font = love.graphics.newFont("fonts/missing.ttf", 14)
            end
            """},
    "harbour": {
        "conf.lua": """
            function love.conf(t)
              t.window.title = "Harbour"
              t.window.width = 640
              t.modules.joystick = flase and true
              t.window.height = "tall" + 1
            end
            """,
        "main.lua": "function love.load() print('never') end\n"},
    "tides": {
        "main.lua": """
            local boats = {}
            local frame = 0
            function love.load()
              for i = 1, 40 do
                boats[i] = {name = "boat" .. i, x = i, cargo = i * 3}
                if i % 7 == 0 then boats[i].cargo = nil end
              end
              print("tides: " .. #boats .. " boats at sea")
            end
            function love.update(dt)
              frame = frame + 1
              for i, b in ipairs(boats) do
                b.x = b.x + 1
                if frame % 3 == 0 then print(string.format("frame %d: %s at x=%d cargo=%s", frame, b.name, b.x, tostring(b.cargo))) end
              end
              if frame == 9 then
                local total = 0
                for _, b in ipairs(boats) do total = total + b.cargo end
              end
            end
            """},
    "keeper": {
        "main.lua": """
            local util = require("util")
            function love.load() print("keeper " .. util.version) end
            """,
        "util.lua": "local M = {version = '0.3'}\nfunction M.lerp(a, b, t) return a + (b - a) * t end\nreturn M,,\n"},
    "beacon": {
        "main.lua": """
            local img
            function love.load()
              print("beacon: starting")
              for i = 1, 30 do print("beacon: queued sprite " .. i .. " of 30") end
              img = love.graphics.newImage("sprites/beacon.png")
            end
            function love.draw() love.graphics.draw(img, 10, 10) end
            """},
}


def cap_love(tmp: Path) -> None:
    if not cm.have("love", "love"):
        return
    root = tmp / "love"
    env = {"HOME": str(tmp / "home"), "XDG_DATA_HOME": str(tmp / "home" / "data")}
    for name, files in LOVE_GAMES.items():
        cm.write_tree(root / name, files)
        _SIZED.cap(f"love-{name}", f"timeout 12 stdbuf -oL -eL {XVFB} love {name}", root, n_love, timeout=60, env=env,
                   typed=f"love {name}")


# ------------------------------------------------------------------ pygame and pyglet

PYGAME_SCRIPTS = {
    "blit_tiles.py": """
        import os, warnings, pygame
        pygame.init()
        screen = pygame.display.set_mode((320, 240))
        tiles = {}
        for i in range(N):
            name = f"tile_{i:03d}"
            surf = pygame.Surface((16, 16))
            surf.fill((i % 255, 40, 90))
            tiles[name] = surf
            print(f"loaded {name} 16x16 from atlas row {i // 8}")
            if i % 17 == 5:
                warnings.warn(f"tile {name} has no collision mask, using its rect", RuntimeWarning)
        hero = pygame.image.load("sprites/hero.png")
        """,
    "mixer_font.py": """
        import pygame
        pygame.init()
        print("mixer:", pygame.mixer.get_init())
        for size in (8, 12, 16, 24, 32, 48):
            f = pygame.font.Font(None, size)
            print("font", size, "line height", f.get_linesize())
        try:
            pygame.mixer.Sound("sfx/jump.wav")
        except Exception as e:
            print("sound error:", type(e).__name__, e)
        pygame.font.Font("fonts/pixel.ttf", 12)
        """,
    "surface_sizes.py": """
        import pygame
        pygame.init()
        pygame.display.set_mode((200, 200))
        sizes = [(64, 64), (128, 32), (0, 0), (32, 8), (-4, 16)]
        for w, h in sizes:
            s = pygame.Surface((w, h))
            print("surface", w, "x", h, "pitch", s.get_pitch())
        """,
    "display_nodriver.py": """
        import pygame
        pygame.init()
        print("drivers:", pygame.display.get_driver() if pygame.display.get_init() else "none")
        screen = pygame.display.set_mode((640, 480))
        """,
}

PYGLET_SCRIPTS = {
    "window.py": """
        import pyglet
        print("pyglet", pyglet.version)
        window = pyglet.window.Window(640, 480, caption="Puffin")
        """,
    "resources.py": """
        import traceback, pyglet
        pyglet.resource.path = ["res", "res/sprites"]
        pyglet.resource.reindex()
        for name in ["hero.png", "sea.png", "music.ogg", "level1.tmx", "font.ttf"]:
            try:
                if name.endswith(".png"):
                    pyglet.resource.image(name)
                elif name.endswith(".ogg"):
                    pyglet.resource.media(name)
                else:
                    pyglet.resource.file(name)
                print("ok", name)
            except Exception:
                print("failed to load", name)
                traceback.print_exc()
        """,
}


def cap_pygame(tmp: Path) -> None:
    if not PY.exists():
        cm.note("skip pygame/pyglet: no venv")
        return
    root = tmp / "py"
    root.mkdir()
    (root / "res").mkdir()
    (root / "res" / "hero.png").write_text("this is not a png\n")
    dummy = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "DISPLAY": None}
    nodisplay = {"DISPLAY": None, "SDL_VIDEODRIVER": None, "WAYLAND_DISPLAY": None}
    for name, body in PYGAME_SCRIPTS.items():
        (root / name).write_text(cm.textwrap.dedent(body).lstrip().replace("range(N)", "range(NTILES)"))
    (root / "blit_tiles.py").write_text("NTILES = int(__import__('sys').argv[1])\n" + (root / "blit_tiles.py").read_text())
    for n in (12, 300, 1500):
        _SIZED.cap(f"pygame-tiles-{n}", f"{PY} blit_tiles.py {n}", root, n_pygame, timeout=120, env=dummy,
                   typed=f"SDL_VIDEODRIVER=dummy python blit_tiles.py {n}")
    _SIZED.cap("pygame-mixer-font", f"{PY} mixer_font.py", root, n_pygame, timeout=120, env=dummy,
               typed="SDL_VIDEODRIVER=dummy python mixer_font.py")
    _SIZED.cap("pygame-surfaces", f"{PY} surface_sizes.py", root, n_pygame, timeout=120, env=dummy,
               typed="SDL_VIDEODRIVER=dummy python surface_sizes.py")
    _SIZED.cap("pygame-nodisplay", f"{PY} display_nodriver.py", root, n_pygame, timeout=120, env=nodisplay,
               typed="python display_nodriver.py")
    for name, body in PYGLET_SCRIPTS.items():
        (root / name).write_text(cm.textwrap.dedent(body).lstrip())
        _SIZED.cap(f"pyglet-{name[:-3]}", f"{PY} {name}", root, n_pyglet, timeout=120, env=nodisplay,
                   typed=f"python {name}")
    _SIZED.cap("pyglet-resources-xvfb", f"{XVFB} {PY} resources.py", root, n_pyglet, timeout=120,
               env={"SDL_VIDEODRIVER": None}, typed="xvfb-run python resources.py")


STEPS = [cap_godot, cap_android, cap_love, cap_pygame]


def ensure_tools() -> None:
    if not PY.exists():
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PACKAGES), env=cm.PIP_ENV,
               timeout=900)
    for t in ("godot3", "aapt", "apksigner", "zipalign", "love", "keytool", "xvfb-run"):
        cm.have(t, t)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide394", sys.modules["__main__"])
    main()
