#!/usr/bin/env python3
"""Capture round 406 of the compression corpus: second samples of round 394's game and mobile tooling kinds (Godot 3
headless script runs, project runs and exports; Debian's aapt package / dump badging / dump xmltree / list -v,
apksigner verify, zipalign -c; LÖVE runs; pygame and pyglet scripts failing), on a lifeboat station's games and
packages written here with other faults than round 394's. No new rules: NEEDLES.md's "Round 406"; every item's
needles come from round 394's extractor for its kind, imported from capture_wide394. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide406.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide406.json  as {"version": 2, "items": [...]}, ids prefixed "wide406-".
Tools:   Debian's godot3, aapt, apksigner, zipalign, love, keytool, jarsigner, xvfb-run; pygame and pyglet in a venv
         of their own under the tools dir.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide394 as w394  # noqa: E402  (round 394's extractors and its stand-in framework package)

ID_PREFIX = "wide406-"
DEFAULT_OUT = HERE / "data" / "wide406.json"
TMP = Path(os.environ.get("HM_WIDE406_TMP", "/dev/shm/hm-corpus-wide406-run"))
TOOLS = Path(os.environ.get("HM_WIDE406_TOOLS", "/dev/shm/hm-corpus-wide406-tools"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

XVFB = w394.XVFB
GODOT = f"{XVFB} godot3 --no-window"

CREW = ["coxswain", "helm", "mechanic", "navigator", "crew1", "crew2", "crew3", "shore-crew", "tractor-driver",
        "launch-authority", "deputy-coxswain", "radio-op"]
BOATS = ["Tamar", "Shannon", "Severn", "Trent", "Atlantic85", "D-class", "Mersey", "Tyne"]

# ------------------------------------------------------------------ Godot 3

FAULT_FUNCS = """
func f_call(n):
    self.call('fire_maroon_%d' % n)

func f_args(n):
    call('muster', n, 2, 3)

func f_dict(n):
    var board = {'launch': n}
    print(board + n)

func f_pop(n):
    var queue = []
    var who = queue.pop_front()
    print('paged ', who.name)

func f_assert(n):
    assert(n % 11 != 0)

func f_set(n):
    var heading = Vector2(n, 2)
    heading.z = n

func f_str(n):
    var tide = 'ebb'
    print(tide.to_knots(n))

func f_err(n):
    printerr('launch %d: slipway winch brake not released' % n)

func f_node(n):
    var slip = root.get_node('Station/Slipway%d' % n)
    slip.lower()
"""


def gd_launches(rnd: random.Random, n: int, faults: list[str], crew_lines: bool) -> str:
    body = ["extends SceneTree", "", "var launches = 0", "var minutes = 0", "",
            "func muster(a, b):", "    return a + b", "", "func launch(n, boat, crew, mins):",
            "    launches += 1", "    minutes += mins",
            "    print('launch %d: %s down the slipway, %d crew, %d min to sea' % [n, boat, crew.size(), mins])"]
    if crew_lines:
        body += ["    for c in crew:", "        print('  launch %d: %s aboard %s' % [n, c, boat])"]
    body += FAULT_FUNCS.split("\n")
    body += ["func _init():", f"    print('station log: {n} launches')"]
    for k in range(1, n + 1):
        crew = rnd.sample(CREW, rnd.randint(3, 7))
        body.append(f"    launch({k}, '{rnd.choice(BOATS)}', {crew!r}, {rnd.randint(4, 19)})")
        if faults and rnd.random() < 0.3:
            body.append(f"    f_{rnd.choice(faults)}({k})")
    body += ["    print('launches: %d, minutes to sea: %d' % [launches, minutes])", "    quit()", ""]
    return "\n".join(body)


PARSE_SCRIPTS = {
    "indent.gd": "extends SceneTree\n\nfunc _init():\n    var boats = 3\n      print(boats)\n    quit()\n",
    "unclosed.gd": "extends SceneTree\n\nfunc _init():\n    var call_sign = 'Tamar 16-04\n    print(call_sign)\n    quit()\n",
    "redeclared.gd": ("extends SceneTree\n\nvar crew = []\n\nfunc page(who):\n    var crew = who\n    var crew = 2\n"
                      "    return crew\n\nfunc _init():\n    page('helm')\n    quit()\n"),
}


def png(w: int = 4, h: int = 4) -> bytes:
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\xff\x66\x00" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def station_project(root: Path, name: str, rnd: random.Random, n_nodes: int, faults: list[str],
                    main: str = "res://Station.tscn", autoload: bool = False) -> None:
    proj = (f'config_version=4\n\n[application]\n\nconfig/name="{name}"\nrun/main_scene="{main}"\n\n'
            '[rendering]\n\nquality/driver/driver_name="GLES2"\n')
    if autoload:
        proj += '\n[autoload]\n\nPager="*res://global/pager.gd"\nTides="*res://global/tides.gd"\n'
    files = {"project.godot": proj,
             "global/tides.gd": "extends Node\n\nfunc _ready():\n    print('tides: high water 14:32')\n"}
    ext, subs, nodes = [], [], []
    for i in range(n_nodes):
        nm = f"{rnd.choice(['Slipway', 'Boathouse', 'Tractor', 'Maroon', 'Pager', 'Winch'])}{i}"
        kind = rnd.choice(faults)
        script = ["extends Node2D", "", f"var ready_in = {rnd.randint(2, 15)}", "", "func _ready():",
                  f"    print('{nm}: ready in %d min' % ready_in)"]
        if kind == "call":
            script += ["    self.call('sound_alarm', ready_in)"]
        elif kind == "badpath":
            script += [f"    var boat = get_node('../../Harbour/{nm}Boat')", "    boat.visible = true"]
        elif kind == "printerr":
            script += [f"    printerr('{nm}: crew pager %d unanswered' % ready_in)"]
        elif kind == "assert":
            script += ["    assert(ready_in < 10)"]
        elif kind == "dict":
            script += ["    var rota = {'helm': 'Ann'}", "    print(rota.coxswain)"]
        elif kind == "indent":
            script += ["    if ready_in > 3:", "    print('late')"]
        else:
            script += ["    ready_in -= 1"]
        files[f"station/{nm}.gd"] = "\n".join(script) + "\n"
        ext.append((f"res://station/{nm}.gd", "Script"))
        sid = len(ext)
        node = f'\n[node name="{nm}" type="Node2D" parent="."]\nposition = Vector2( {rnd.randint(0, 800)}, {rnd.randint(0, 500)} )\nscript = ExtResource( {sid} )\n'
        if kind == "subres":
            node += f"material = SubResource( {90 + i} )\n"
        if kind == "parent":
            node = node.replace('parent="."', f'parent="Boathouse/{nm}Bay"')
        if kind == "tex":
            ext.append((f"res://art/{nm.lower()}.png", "Texture"))
            node += f'\n[node name="Icon" type="Sprite" parent="{nm}"]\ntexture = ExtResource( {len(ext)} )\n'
        nodes.append(node)
        if rnd.random() < 0.2:
            subs.append(f'[sub_resource type="RectangleShape2D" id={len(subs) + 1}]\nextents = Vector2( {rnd.randint(4, 40)}, 8 )\n')
    head = f"[gd_scene load_steps={len(ext) + len(subs) + 1} format=2]\n\n"
    head += "".join(f'[ext_resource path="{p}" type="{t}" id={k + 1}]\n' for k, (p, t) in enumerate(ext))
    head += "\n" + "\n".join(subs)
    files["Station.tscn"] = head + '\n[node name="Station" type="Node2D"]\n' + "".join(nodes)
    cm.write_tree(root, files)


PRESET = ('[preset.0]\n\nname="{name}"\nplatform="{platform}"\nrunnable=true\ncustom_features=""\n'
          'export_filter="all_resources"\ninclude_filter=""\nexclude_filter="*.md"\nexport_path="{path}"\n'
          'patch_list=PoolStringArray(  )\nscript_export_mode=1\nscript_encryption_key=""\n\n[preset.0.options]\n\n'
          'binary_format/64_bits=true\nbinary_format/embed_pck=false\ncustom_template/release=""\n'
          'custom_template/debug=""\n')


def cap_godot(tmp: Path) -> None:
    if not cm.have("godot3", "godot3"):
        return
    g = tmp / "godot"
    g.mkdir()
    env = {"HOME": str(tmp / "home")}
    (tmp / "home").mkdir(exist_ok=True)
    rnd = random.Random(40610)
    for tag, n, faults, crew in [("winter", 70, ["dict", "pop", "assert", "set", "err"], True),
                                 ("season", 260, ["call", "args", "dict", "pop", "assert", "set", "str", "err",
                                                  "node"], True),
                                 ("decade", 360, ["pop", "str", "err", "set"], True)]:
        (g / f"launches_{tag}.gd").write_text(gd_launches(rnd, n, faults, crew))
        _SIZED.cap(f"godot-script-{tag}", f"{GODOT} -s launches_{tag}.gd", g, w394.n_godot_script, timeout=180,
                   env=env, typed=f"godot3 --no-window -s launches_{tag}.gd")
    for name, body in PARSE_SCRIPTS.items():
        (g / name).write_text(body)
        _SIZED.cap(f"godot-script-{name[:-3]}", f"timeout 40 {GODOT} --check-only -s {name}", g,
                   w394.n_godot_script, timeout=60, env=env, typed=f"godot3 --no-window --check-only -s {name}")
    for tag, n, faults, kw in [("slipway", 7, ["call", "printerr", "ok"], {"autoload": True}),
                               ("boathouse", 30, ["subres", "parent", "badpath", "assert", "dict", "ok", "ok"], {}),
                               ("station", 90, ["call", "badpath", "printerr", "assert", "dict", "tex", "subres",
                                                "indent", "ok", "ok"], {}),
                               ("relief", 4, ["ok"], {"main": "res://scenes/Relief.tscn"}),
                               ("fleet", 150, ["call", "badpath", "printerr", "assert", "dict", "parent", "ok", "ok"],
                                {})]:
        p = g / tag
        station_project(p, tag, random.Random(40611 + n), n, faults, **kw)
        _SIZED.cap(f"godot-run-{tag}", f"timeout 90 {GODOT} --path . --quit", p, w394.n_godot_run, timeout=150,
                   env=env, typed="godot3 --no-window --path . --quit")
    p = g / "slipway"
    (p / "export_presets.cfg").write_text(PRESET.format(name="Station Kiosk", platform="Raspberry Pi",
                                                        path="build/kiosk.bin"))
    _SIZED.cap("godot-export-platform", f"timeout 90 {GODOT} --path . --export 'Station Kiosk' build/kiosk.bin", p,
               w394.n_godot_export, timeout=150, env=env,
               typed="godot3 --no-window --path . --export 'Station Kiosk' build/kiosk.bin")
    p = g / "boathouse"
    (p / "export_presets.cfg").write_text(PRESET.format(name="Linux/X11", platform="Linux/X11",
                                                        path="/proc/boathouse/boathouse.pck"))
    _SIZED.cap("godot-export-pack-readonly",
               f"timeout 90 {GODOT} --path . --export-pack 'Linux/X11' /proc/boathouse/boathouse.pck", p,
               w394.n_godot_export, timeout=150, env=env,
               typed="godot3 --no-window --path . --export-pack 'Linux/X11' /proc/boathouse/boathouse.pck")
    p = g / "station"
    (p / "export_presets.cfg").write_text(PRESET.format(name="Linux/X11", platform="Linux/X11",
                                                        path="build/station.x86_64"))
    (p / "build").mkdir()
    _SIZED.cap("godot-export-debug", f"timeout 90 {GODOT} --path . --export-debug 'Linux/X11' build/station.x86_64",
               p, w394.n_godot_export, timeout=150, env=env,
               typed="godot3 --no-window --path . --export-debug 'Linux/X11' build/station.x86_64")


# ------------------------------------------------------------------ Android packages

PERMS = w394.PERMS + ["SEND_SMS", "CALL_PHONE", "READ_CONTACTS", "POST_NOTIFICATIONS", "ACCESS_COARSE_LOCATION"]


def manifest(pkg: str, rnd: random.Random, n_act: int, faults: set[str]) -> str:
    pkg_attr = "" if "nopackage" in faults else f' package="{pkg}"'
    vc = '"seven"' if "vcstring" in faults else f'"{rnd.randint(10, 900)}"'
    label = "@string/station_name" if "nolabelstr" in faults else "@string/app_name"
    app = f' android:label="{label}" android:icon="@drawable/ic_lifebuoy" android:theme="@style/StationTheme"'
    if "debuggable" in faults:
        app += ' android:debuggable="true"'
    perms = "".join(f'  <uses-permission android:name="android.permission.{p}"/>\n'
                    for p in rnd.sample(PERMS, rnd.randint(3, len(PERMS))))
    if "customperm" in faults:
        perms += f'  <permission android:name="{pkg}.permission.PAGE_CREW"/>\n'
        perms += f'  <uses-permission android:name="{pkg}.permission.PAGE_CREW"/>\n'
    comps = ""
    for i in range(n_act):
        nm = f".{rnd.choice(['Launch', 'Pager', 'Tide', 'Rota', 'Log', 'Chart'])}Activity{i}"
        exp = ' android:exported="true"' if i == 0 else (' android:exported="false"' if rnd.random() < 0.5 else "")
        extra = ' android:launchMode="singleTask"' if ("undeclared" in faults and i == 2) else ""
        inner = ('\n      <intent-filter><action android:name="android.intent.action.MAIN"/>'
                 '<category android:name="android.intent.category.LAUNCHER"/></intent-filter>\n    ') if i == 0 else ""
        comps += f'    <activity android:name="{nm}"{exp}{extra}>{inner}</activity>\n'
    if "services" in faults:
        comps += '    <service android:name=".PagerService" android:exported="false"/>\n'
        comps += f'    <service android:name=".MaroonService" android:permission="{pkg}.permission.PAGE_CREW"/>\n'
        comps += '    <receiver android:name=".TideAlarmReceiver" android:exported="false"/>\n'
        comps += f'    <provider android:name=".LogProvider" android:authorities="{pkg}.log" android:exported="false"/>\n'
        comps += '    <activity-alias android:name=".Launcher" android:exported="true"/>\n'
    if "unknownelem" in faults:
        comps += '    <slipway android:name=".NorthSlip"/>\n'
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<manifest xmlns:android="http://schemas.android.com/apk/res/android"'
            f'{pkg_attr} android:versionCode={vc} android:versionName="{rnd.randint(1, 9)}.{rnd.randint(0, 30)}.'
            f'{rnd.randint(0, 9)}">\n  <uses-sdk android:minSdkVersion="{rnd.choice([21, 23, 26, 29])}" '
            f'android:targetSdkVersion="{rnd.choice([31, 33, 34])}"/>\n{perms}'
            f'  <application{app}>\n{comps}  </application>\n</manifest>\n')


def android_app(root: Path, pkg: str, rnd: random.Random, n_act: int, n_assets: int, faults: set[str]) -> None:
    strings = '<string name="app_name">%s</string>\n' % pkg.rsplit(".", 1)[-1].title()
    strings += "".join(f'<string name="shout_{i}">Shout {i}: {rnd.choice(BOATS)}</string>\n'
                       for i in range(rnd.randint(4, 40)))
    parent = ' parent="Theme.Rescue.Base"' if "styleparent" in faults else ""
    files = {"AndroidManifest.xml": manifest(pkg, rnd, n_act, faults),
             "res/values/strings.xml": f"<resources>\n{strings}</resources>\n",
             "res/values-cy/strings.xml": '<resources>\n<string name="app_name">Bad Achub</string>\n</resources>\n',
             "res/values/styles.xml": f'<resources>\n<style name="StationTheme"{parent}>\n</style>\n</resources>\n',
             "res/layout/board.xml": '<LinearLayout xmlns:android="http://schemas.android.com/apk/res/android" '
                                     'android:layout_width="match_parent" android:layout_height="match_parent" '
                                     'android:orientation="vertical">\n  <TextView android:id="@+id/launch" '
                                     'android:layout_width="wrap_content" android:layout_height="wrap_content" '
                                     'android:text="@string/shout_0"/>\n</LinearLayout>\n'}
    if "rawname" in faults:
        files["res/raw/Launch Log 2024.txt"] = "launch log\n"
    (root / "res" / "drawable").mkdir(parents=True, exist_ok=True)
    (root / "res" / "drawable" / "ic_lifebuoy.png").write_bytes(png())
    for i in range(n_assets):
        kind = rnd.choice(["shout", "shout", "ogg", "tide", "chart"])
        if kind == "ogg":
            body = os.urandom(rnd.randint(100, 6000)).hex()
        else:
            body = "".join(rnd.choice("slipway maroon tide.\n") for _ in range(rnd.randint(30, 3000)))
        files[f"assets/{kind}/{kind}_{i:04d}.{kind}"] = body
    cm.write_tree(root, files)


def rewrite_zip(src: Path, dst: Path, drop: set[str] = frozenset(), change: dict | None = None) -> None:
    """A copy of `src` without the entries in `drop` and with the entries in `change` given new contents."""
    change = change or {}
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w") as zo:
        for info in zi.infolist():
            if info.filename in drop:
                continue
            zo.writestr(info, change.get(info.filename, zi.read(info.filename)))


def cap_android(tmp: Path) -> None:
    for t in ("aapt", "apksigner", "zipalign", "keytool", "jarsigner"):
        if not cm.have(t, t):
            return
    a = tmp / "android"
    a.mkdir()
    w394.framework(a / "fw")
    ks = a / "station.jks"
    for alias, extra, dn in [("station", "-keyalg RSA -keysize 2048", "CN=Lifeboat Station Release, O=Station, C=GB"),
                             ("relief", "-keyalg EC -groupname secp256r1", "CN=Relief Fleet, O=Station, C=GB"),
                             ("trainee", "-keyalg RSA -keysize 2048", "CN=Trainee Build, OU=Training, O=Station, C=GB")]:
        cm.run(f"keytool -genkeypair -keystore {ks} -storepass maroon22 -keypass maroon22 -alias {alias} {extra} "
               f"-validity 9000 -dname '{dn}'", timeout=120)
    sign = f"apksigner sign --ks {ks.name} --ks-pass pass:maroon22"
    rnd = random.Random(40620)
    fw_rel = "../framework.apk"
    apps = [("slipway", "org.station.slipway", 3, 10, {"nopackage"}),
            ("maroon", "org.station.maroon", 5, 30, {"vcstring", "undeclared", "services", "customperm"}),
            ("coxswain", "org.station.coxswain", 6, 40, {"nolabelstr", "styleparent", "debuggable"}),
            ("tractor", "org.station.tractor", 4, 20, {"rawname", "unknownelem"}),
            ("boathouse", "org.station.boathouse", 10, 850, {"services", "customperm"})]
    breaking = {"nopackage", "vcstring", "undeclared", "nolabelstr", "styleparent", "rawname"}
    built = {}
    for name, pkg, n_act, n_assets, faults in apps:
        seed = rnd.random()
        root = a / name
        cmd = (f"aapt package -v -f -0 ogg -M AndroidManifest.xml -S res -A assets -I {fw_rel} "
               f"-F ../{name}.unsigned.apk")
        typed = cmd.replace(fw_rel, "$ANDROID_JAR")
        if faults & breaking or name == "tractor":
            android_app(root, pkg, random.Random(seed), n_act, n_assets, faults)
            add(f"aapt-package-{name}", typed, cm.run(cmd, cwd=root, timeout=180), w394.n_aapt_package)
            cm.run(f"rm -rf {root} {name}.unsigned.apk", cwd=a, timeout=60)
        android_app(root, pkg, random.Random(seed), n_act, n_assets, faults - breaking - {"unknownelem"})
        out = cm.run(cmd, cwd=root, timeout=180)
        if name == "boathouse":
            add(f"aapt-package-{name}", typed, out, w394.n_aapt_package)
        if (a / f"{name}.unsigned.apk").exists():
            built[name] = a / f"{name}.unsigned.apk"
        else:
            cm.note(f"{name}: fixed build failed: {out[-300:]}")
    # native code, one ABI's library stored (uncompressed) as the platform loads it in place
    for name, abis in [("maroon", ["arm64-v8a", "x86"]), ("boathouse", ["arm64-v8a", "armeabi-v7a", "x86_64"])]:
        if name in built:
            with zipfile.ZipFile(built[name], "a") as z:
                for abi in abis:
                    z.writestr(f"lib/{abi}/libstation.so", b"\x7fELF" + bytes(5000), compress_type=zipfile.ZIP_STORED)
                    z.writestr(f"lib/{abi}/libtides.so", b"\x7fELF" + os.urandom(900) * 4,
                               compress_type=zipfile.ZIP_DEFLATED)
    for name in ("maroon", "coxswain", "boathouse"):
        if name in built:
            _SIZED.cap(f"badging-{name}", f"aapt dump badging {name}.unsigned.apk", a, w394.n_badging, timeout=60)
            _SIZED.cap(f"xmltree-{name}", f"aapt dump xmltree {name}.unsigned.apk AndroidManifest.xml", a,
                       w394.n_xmltree, timeout=60)
    # broken packages: another app's resource table; a manifest left as text; no manifest at all
    if "coxswain" in built and "slipway" in built:
        with zipfile.ZipFile(built["slipway"]) as z:
            arsc = z.read("resources.arsc")
        rewrite_zip(built["coxswain"], a / "coxswain.swapped.apk", change={"resources.arsc": arsc})
        (a / "text").mkdir()
        cm.write_tree(a / "text", {"AndroidManifest.xml": manifest("org.station.text", random.Random(40630), 2, set())})
        with zipfile.ZipFile(a / "pager.textmanifest.apk", "w") as z:
            z.write(a / "text" / "AndroidManifest.xml", "AndroidManifest.xml")
            z.writestr("classes.txt", "none\n")
        rewrite_zip(built["slipway"], a / "slipway.nomanifest.apk", drop={"AndroidManifest.xml"})
        loop = ('for f in slipway.unsigned.apk coxswain.swapped.apk pager.textmanifest.apk slipway.nomanifest.apk; do '
                'echo "== $f"; aapt dump badging "$f"; done')
        _SIZED.cap("badging-release-dir", loop, a, w394.n_badging, timeout=120)
    if "boathouse" in built:
        _SIZED.cap("list-boathouse", "aapt list -v boathouse.unsigned.apk", a, w394.n_aapt_list, timeout=60)
    if "maroon" in built:
        _SIZED.cap("list-maroon", "aapt list -v maroon.unsigned.apk", a, w394.n_aapt_list, timeout=60)
    # alignment: stored assets at odd offsets; stored .so checked with and without -p; aligned to 2 checked at 4
    if "boathouse" in built:
        _SIZED.cap("zipalign-boathouse", "zipalign -c -v 4 boathouse.unsigned.apk", a, w394.n_zipalign, timeout=60)
        cm.run("zipalign -f 4 boathouse.unsigned.apk boathouse.a4.apk", cwd=a)
        _SIZED.cap("zipalign-boathouse-p", "zipalign -c -p -v 4 boathouse.a4.apk", a, w394.n_zipalign, timeout=60)
    if "maroon" in built:
        cm.run("zipalign -f 2 maroon.unsigned.apk maroon.a2.apk", cwd=a)
        _SIZED.cap("zipalign-maroon-a2", "zipalign -c -v 4 maroon.a2.apk", a, w394.n_zipalign, timeout=60)
        _SIZED.cap("zipalign-maroon-p", "zipalign -c -v -p 4 maroon.unsigned.apk", a, w394.n_zipalign, timeout=60)
    # signing gone wrong
    if "maroon" in built:
        cm.run(f"zipalign -f -p 4 maroon.unsigned.apk maroon.apk && {sign} --ks-key-alias station maroon.apk", cwd=a,
               timeout=120)
        cm.run("zipalign -f 8 maroon.apk maroon.realigned.apk", cwd=a, timeout=60)
        _SIZED.cap("apksigner-maroon-ok", "apksigner verify -v --print-certs maroon.apk", a, w394.n_apksigner,
                   timeout=120)
    if "coxswain" in built:
        cm.run(f"zipalign -f -p 4 coxswain.unsigned.apk coxswain.apk && {sign} --ks-key-alias station "
               "--next-signer --ks station.jks --ks-pass pass:maroon22 --ks-key-alias relief --v3-signing-enabled false "
               "coxswain.apk", cwd=a,
               timeout=120)
        _SIZED.cap("apksigner-coxswain-two", "apksigner verify -v --print-certs coxswain.apk", a, w394.n_apksigner,
                   timeout=120)
    if "boathouse" in built:
        cm.run("cp boathouse.unsigned.apk boathouse.v1.apk && jarsigner -keystore station.jks -storepass maroon22 "
               "-sigalg SHA256withRSA -digestalg SHA-256 boathouse.v1.apk trainee", cwd=a, timeout=180)
        with zipfile.ZipFile(a / "boathouse.v1.apk") as z:
            names = [n for n in z.namelist() if n.startswith("assets/shout/")]
        rewrite_zip(a / "boathouse.v1.apk", a / "boathouse.edited.apk", drop=set(names[:3]),
                    change={n: b"launch cancelled\n" for n in names[3:40]})
        pair = ('for f in boathouse.v1.apk boathouse.edited.apk; do echo "== $f"; '
                'apksigner verify -v --print-certs "$f"; done')
        _SIZED.cap("apksigner-boathouse-pair", pair, a, w394.n_apksigner, timeout=180)
    loop = ('for f in slipway.unsigned.apk maroon.apk maroon.realigned.apk coxswain.apk boathouse.v1.apk '
            'boathouse.edited.apk pager.textmanifest.apk; do '
            'echo "== $f"; apksigner verify -v --min-sdk-version 28 "$f"; done')
    _SIZED.cap("apksigner-release-dir", loop, a, w394.n_apksigner, timeout=300)


# ------------------------------------------------------------------ LÖVE

LOVE_GAMES = {
    "launchboard": {
        "main.lua": """
            local boats, frame = {}, 0
            local names = {"Tamar", "Shannon", "Severn", "Trent", "Mersey", "Tyne"}
            function love.load()
              for i = 1, 24 do
                boats[i] = {name = names[(i - 1) % #names + 1] .. "-" .. i, slip = i % 3, eta = i * 2}
                if i % 5 ~= 0 then boats[i].winch = function(self) return self.slip end end
              end
              print("launchboard: " .. #boats .. " boats on the board")
            end
            function love.update(dt)
              frame = frame + 1
              for i, b in ipairs(boats) do
                if frame % 2 == 0 then
                  print(string.format("frame %d: %s on slip %d, eta %d min", frame, b.name, b.slip, b.eta - frame % 7))
                end
              end
              if frame == 60 then
                for _, b in ipairs(boats) do b:winch() end
              end
            end
            """},
    "pager": {
        "main.lua": """
            local pagers = require("lib.pagers")
            function love.load() print("paged: " .. pagers.count()) end
            """,
        "lib/pager.lua": "local M = {}\nfunction M.count() return 12 end\nreturn M\n"},
    "tideclock": {
        "main.lua": """
            local tides = {{"HW", "04:12", 5.1}, {"LW", "10:31", 0.9}, {"HW", "16:40", 5.4}}
            function love.load()
              for _, t in ipairs(tides) do print(string.format("%s %s %.1fm", t[1], t[2], t[3])) end
              error({code = 3, reason = "tide table for tomorrow missing"})
            end
            """},
    "maroons": {
        "main.lua": """
            local fired = 0
            function love.update(dt) fired = fired + 1 end
            function love.draw()
              love.graphics.print("maroons fired: " .. fired, 10, 10)
              if fired > 5 then
                local rota = {helm = "Ann"}
                love.graphics.print("coxswain on call: " .. rota.coxswain, 10, 30)
              end
            end
            """},
    "shorecrew": {
        "conf.lua": """
            local settings = require("settings")
            function love.conf(t)
              t.window.title = "Shore crew " .. settings.version
            end
            """,
        "main.lua": "function love.load() print('shore crew ready') end\n"},
    "searchlight": {
        "main.lua": """
            local shader
            function love.load()
              print("searchlight: compiling beam shader")
              shader = love.graphics.newShader([[
                extern number sweep;
                vec4 effect(vec4 color, Image tex, vec2 tc, vec2 sc) {
                  float beam = smoothstep(0.0, 1.0, sweep - tc.x)
                  return color * beam;
                }
              ]])
            end
            """},
}


def cap_love(tmp: Path) -> None:
    if not cm.have("love", "love"):
        return
    root = tmp / "love"
    env = {"HOME": str(tmp / "home"), "XDG_DATA_HOME": str(tmp / "home" / "data")}
    for name, files in LOVE_GAMES.items():
        cm.write_tree(root / name, files)
        _SIZED.cap(f"love-{name}", f"timeout 12 stdbuf -oL -eL {XVFB} love {name}", root, w394.n_love, timeout=60,
                   env=env, typed=f"love {name}")


# ------------------------------------------------------------------ pygame and pyglet

PYGAME_SCRIPTS = {
    "rota_board.py": """
        import sys, warnings, pygame
        pygame.init()
        screen = pygame.display.set_mode((480, 320))
        font = pygame.font.Font(None, 18)
        crew = ["coxswain", "helm", "mechanic", "navigator", "crew1", "crew2", "crew3", "tractor-driver"]
        colours = {"on call": "green", "stood down": "grey50", "at sea": "dodgerblue", "off": "lifeboat orange"}
        n = int(sys.argv[1])
        clock = pygame.time.Clock()
        for tick in range(n):
            who = crew[tick % len(crew)]
            state = list(colours)[(tick * 7) % 3]
            img = font.render(f"{who}: {state}", True, pygame.Color(colours[state]))
            screen.blit(img, (8, 8 + (tick % 12) * 20))
            print(f"tick {tick}: {who} {state}, {img.get_width()}x{img.get_height()}")
            if tick % 97 == 13:
                warnings.warn(f"rota tick {tick}: {who} has no pager number", UserWarning)
            clock.tick(0)
        pygame.Color(colours["off"])
        """,
    "pager_text.py": """
        import pygame
        pygame.init()
        font = pygame.font.Font(None, 24)
        lines = [f"SHOUT 16:{m:02d} {b} launch, all crew to station" for m in range(0, 60, 3)
                 for b in ("Tamar", "D-class")]
        for line in lines + [1604]:
            print("rendering", repr(line))
            font.render(line, True, (255, 255, 255))
        """,
    "crew_sprites.py": """
        import pygame
        pygame.init()
        group = pygame.sprite.Group()
        class Crew(pygame.sprite.Sprite):
            def __init__(self, name):
                super().__init__()
                self.name = name
                self.image = pygame.Surface((8, 8))
                self.rect = self.image.get_rect()
        for name in ["coxswain", "helm", "mechanic"]:
            group.add(Crew(name))
            print("crew sprite", name, "in group:", len(group))
        group.add(42)
        """,
    "maroon_events.py": """
        import pygame
        print("posting maroon event before pygame.init()")
        MAROON = pygame.USEREVENT + 1
        for k in range(24):
            print(f"maroon {k}: due at +{k * 30}s, event type {MAROON}")
        pygame.time.set_timer(MAROON, 500)
        for e in pygame.event.get():
            print(e)
        """,
    "boathouse_mode.py": """
        import pygame
        pygame.init()
        for size in [(w, w * 3 // 4) for w in range(320, 1921, 64)] + [(320, -240)]:
            print("mode", size)
            pygame.display.set_mode(size)
        """,
}

PYGLET_SCRIPTS = {
    "beacon.py": """
        import sys, pyglet
        window = pyglet.window.Window(320, 200, caption="Beacon", visible=False)
        ticks = [0]
        def sweep(dt):
            ticks[0] += 1
            for k in range(4):
                print(f"sweep {ticks[0]}.{k}: beam at {(ticks[0] * 15 + k * 90) % 360} deg")
            if ticks[0] == int(sys.argv[1]):
                raise RuntimeError(f"beacon lamp failed after {ticks[0]} sweeps")
        pyglet.clock.schedule_interval(sweep, 0.001)
        pyglet.app.run()
        """,
    "chart_images.py": """
        import traceback, pyglet
        for name in ["chart_north.png", "chart_bay.gif", "chart_south.png"]:
            try:
                img = pyglet.image.load(name)
                print("loaded", name, img.width, img.height)
            except Exception:
                print("could not load", name)
                traceback.print_exc()
        """,
    "display.py": """
        import pyglet
        display = pyglet.display.get_display() if hasattr(pyglet, "display") else pyglet.canvas.get_display()
        print("screens:", display.get_screens())
        """,
}


def cap_pygame(tmp: Path) -> None:
    if not PY.exists():
        cm.note("skip pygame/pyglet: no venv")
        return
    root = tmp / "py"
    root.mkdir()
    dummy = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "DISPLAY": None}
    for name, body in PYGAME_SCRIPTS.items():
        (root / name).write_text(cm.textwrap.dedent(body).lstrip())
    for n in (1800,):
        _SIZED.cap(f"pygame-rota-{n}", f"{PY} rota_board.py {n}", root, w394.n_pygame, timeout=180, env=dummy,
                   typed=f"SDL_VIDEODRIVER=dummy python rota_board.py {n}")
    for name in ("pager_text.py", "crew_sprites.py", "maroon_events.py", "boathouse_mode.py"):
        _SIZED.cap(f"pygame-{name[:-3].replace('_', '-')}", f"{PY} {name}", root, w394.n_pygame, timeout=120,
                   env=dummy, typed=f"SDL_VIDEODRIVER=dummy python {name}")
    (root / "chart_north.png").write_bytes(png(16, 16))
    (root / "chart_bay.gif").write_text("GIF89a but not really\n")
    for name, body in PYGLET_SCRIPTS.items():
        (root / name).write_text(cm.textwrap.dedent(body).lstrip())
    for n in (600,):
        _SIZED.cap(f"pyglet-beacon-{n}", f"{XVFB} {PY} beacon.py {n}", root, w394.n_pyglet, timeout=120,
                   env={"SDL_VIDEODRIVER": None}, typed=f"xvfb-run python beacon.py {n}")
    _SIZED.cap("pyglet-chart-images", f"{XVFB} {PY} chart_images.py", root, w394.n_pyglet, timeout=120,
               typed="xvfb-run python chart_images.py")
    _SIZED.cap("pyglet-display", f"{PY} display.py", root, w394.n_pyglet, timeout=120,
               env={"DISPLAY": ":4069", "WAYLAND_DISPLAY": None}, typed="DISPLAY=:4069 python display.py")


STEPS = [cap_godot, cap_android, cap_love, cap_pygame]


def ensure_tools() -> None:
    cm.install_venv(VENV, "python", ["pygame", "pyglet"])
    for t in ("godot3", "aapt", "apksigner", "zipalign", "love", "keytool", "jarsigner", "xvfb-run"):
        cm.have(t, t)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide406", sys.modules["__main__"])
    main()
