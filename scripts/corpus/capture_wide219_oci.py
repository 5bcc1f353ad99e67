"""Round 219, container images without a daemon: a render farm's images (`framefarm`: a base, a worker and a renderer
image of seeded scene files, scripts and configs) built here as OCI layouts with umoci, copied and inspected with
skopeo, validated with oci-image-tool and built from a local rootfs with buildah (vfs storage, chroot isolation);
copies of the layout are damaged on purpose (a blob's bytes changed, a blob removed, a manifest removed, a wrong media
type). The extractors are this round's (NEEDLES.md, "Round 219"). Run through capture_wide219.py."""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from pathlib import Path

import capture_more as cm
from capture_data import rule4, ws_rows
from capture_more import kind, run
from capture_wide219 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 219")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


ERR = r"FATA\[|level=fatal|level=error|\bError\b|\berror\b|\bfailed\b|[Mm]ismatch|no such file|[Ii]nvalid"


@kind("skopeo-inspect", "json")
def n_skopeo_inspect(lines):
    """Rule 1+5: every error line, Name/Digest/Created/Architecture/Os lines, every sha256: line, rare mediaType lines, --config's architecture/os/Env/Cmd/Entrypoint/WorkingDir lines."""
    out = _pick(lines, ERR + r'|unknown|^\s*"(Name|Digest|Created|Architecture|Os|architecture|os|Env|Cmd|Entrypoint'
                r'|WorkingDir)":|sha256:')
    mt = [ln for ln in lines if re.search(r'"mediaType":', ln)]
    counts = {v: sum(1 for x in mt if x.strip() == v.strip()) for v in mt}
    out += [ln for ln in mt if counts[ln] <= 2]
    return out + exit_lines(lines)


@kind("skopeo-copy", "log")
def n_skopeo_copy(lines):
    """Rule 1+3+5: every error line, every Copying blob/config line not plainly done, the first and last Copying blob lines, the Writing manifest/Storing signatures lines."""
    out = _pick(lines, ERR + r"|unknown|[Dd]igest did not match|^Writing manifest|^Storing signatures")
    blobs = [ln for ln in lines if ln.startswith("Copying blob") or ln.startswith("Copying config")]
    out += [ln for ln in blobs if not re.fullmatch(r"Copying (blob|config) sha256:[0-9a-f]{64}( done)?\s*", ln)]
    only_blobs = [ln for ln in blobs if ln.startswith("Copying blob")]
    out += only_blobs[:1] + only_blobs[-1:]
    return out + exit_lines(lines)


@kind("umoci-unpack", "log")
def n_umoci_unpack(lines):
    """Rule 1+5: every error or warning line, every line naming a layer (sha256:), the last line printed."""
    out = _pick(lines, ERR + r"|WARN|\bwarn|sha256:")
    body = [ln for ln in lines if ln.strip() and not EXIT(ln)]
    return out + body[-1:] + exit_lines(lines)


def EXIT(ln: str) -> bool:
    return bool(re.match(r"^EXIT=\d+$", ln.strip()))


@kind("umoci-stat", "table")
def n_umoci_stat(lines):
    """Rule 1+4+5: the LAYER header row, every row naming a layer digest, rule 4 on the <none> rows, every error line; --json: every created_by and sha256: line."""
    out = _pick(lines, ERR + r'|^LAYER\s+CREATED|^sha256:|"created_by"|sha256:')
    none = [ln for ln in lines if ln.startswith("<none>")]
    rows = ws_rows(none, ["layer", "created", "rest"])
    out += rule4(rows, cat=[], nums=["created"])
    return out + exit_lines(lines)


@kind("umoci-ls", "listing")
def n_umoci_ls(lines):
    """Rule 1+5: every tag line when there are at most 30, else the first and last, and every error line."""
    errs = _pick(lines, ERR)
    tags = [ln for ln in lines if ln.strip() and ln not in errs and not EXIT(ln) and not ln.startswith("==")]
    out = errs + (tags if len(tags) <= 30 else [tags[0], tags[-1]])
    return out + exit_lines(lines)


@kind("buildah-bud", "build")
def n_buildah_bud(lines):
    """Rule 1+3: every STEP n/m line, every error line, the last output line before the error, the closing COMMIT / Successfully tagged / --> lines."""
    out = _pick(lines, r"^STEP \d+/\d+:|^Error:|error building|level=error|subprocess exited with status|not found"
                r"|No such file|^COMMIT|^Successfully tagged|^--> [0-9a-f]")
    for i, ln in enumerate(lines):
        if re.match(r"^(subprocess exited|Error:)", ln) and i > 0 and not re.match(
                r"^(subprocess exited|Error:|STEP )", lines[i - 1]) and lines[i - 1].strip():
            out.append(lines[i - 1])
    return out + exit_lines(lines)


@kind("buildah-images", "table")
def n_buildah_images(lines):
    """Rule 1+4: header, rare REPOSITORY/TAG rows, the rows with the smallest and largest SIZE and CREATED, every error line."""
    errs = _pick(lines, ERR)
    head = [ln for ln in lines if ln.startswith("REPOSITORY")]
    body = [ln for ln in lines if ln.strip() and ln not in head and ln not in errs and not EXIT(ln)]
    rows = []
    for ln in body:
        m = re.match(r"^(\S+)\s+(\S+)\s+([0-9a-f]{12})\s+(.+?)\s{2,}(\S+ [KMG]?B|\S+)\s*$", ln)
        if m:
            created = m.group(4)
            rows.append((ln, {"repo": m.group(1), "tag": m.group(2), "size": m.group(5).replace(" ", ""),
                              "created": created}))
    out = errs + head + rule4(rows, cat=["repo", "tag", "created"], nums=["size"])
    return out + exit_lines(lines)


@kind("oci-image-tool-validate", "lint")
def n_oci_validate(lines):
    """Rule 1+3: every failure line, one {"any"} per masked shape repeated on more than 3 lines, every closing verdict line."""
    bad = _pick(lines, r"[Ii]nvalid|[Ee]rror|[Ff]ailed|does not match|no such file|not found|[Mm]ismatch")
    shapes: dict[str, list[str]] = {}
    for ln in bad:
        shapes.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    out += _pick(lines, r":\s*OK\s*$|Validation failed|\d+ errors?\b")
    out += cm.groups((cm.mask(ln), ln) for ln in lines if re.match(r"^warning:", ln))  # rule 1's warnings
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the render farm's images


def sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def scene_file(rnd: random.Random, i: int) -> str:
    rows = [f"# framefarm scene shot_{i:03d}", f"camera = cam{rnd.randrange(1, 9)}",
            f"frames = {rnd.randrange(1, 40)}-{rnd.randrange(40, 400)}"]
    for j in range(rnd.randrange(20, 80)):
        mat = rnd.choice(["steel", "glass", "skin", "wood"])
        rows.append(f"obj{j:03d} mesh=m{rnd.randrange(1000, 9999)} mat={mat} "
                    f"pos={rnd.uniform(-50, 50):.3f},{rnd.uniform(-50, 50):.3f},{rnd.uniform(0, 20):.3f}")
    return "\n".join(rows) + "\n"


def build_layout(root: Path) -> None:
    """farm: base (1 layer), worker (12 layers), renderer (25 layers), 48 extra tags, all with umoci."""
    rnd = random.Random(219)
    run("umoci init --layout farm && umoci new --image farm:base", cwd=root)
    run("umoci unpack --image farm:base bb", cwd=root)
    fs = root / "bb" / "rootfs"
    (fs / "etc").mkdir(parents=True, exist_ok=True)
    (fs / "etc" / "os-release").write_text('NAME="framefarm base"\nVERSION_ID="2026.12"\n')
    run("umoci repack --image farm:base --history.created_by 'COPY os-release /etc/' bb", cwd=root)
    shutil.rmtree(root / "bb")
    run("umoci unpack --image farm:base bw", cwd=root)
    fs = root / "bw" / "rootfs"
    tag = "base"
    for n in range(1, 26):
        d = fs / "opt" / "farm" / f"pack{n:02d}"
        d.mkdir(parents=True, exist_ok=True)
        for i in range(rnd.randrange(2, 6)):
            (d / f"shot_{n:02d}{i}.scn").write_text(scene_file(rnd, n * 10 + i))
        step = rnd.choice(["COPY scenes/", "RUN farmctl fetch-pack", "ADD packs.tar", "RUN farmctl bake"])
        new = f"r{n}"
        run(f"umoci repack --image farm:{new} --refresh-bundle --history.created_by '{step} pack{n:02d}' "
            f"--history.comment 'pack {n}' bw", cwd=root)
        if n % 4 == 0:  # an empty-layer history entry: a config change
            run(f"umoci config --image farm:{new} --config.env FARM_PACK={n} "
                f"--history.created_by 'ENV FARM_PACK={n}'", cwd=root)
        if n == 12:
            run("umoci tag --image farm:r12 worker && umoci config --image farm:worker --config.workingdir /opt/farm "
                "--config.entrypoint /opt/farm/bin/worker --config.cmd --queue=night --config.label "
                "org.framefarm.role=worker --config.env FARM_QUEUE=night", cwd=root)
        tag = new
    run(f"umoci tag --image farm:{tag} renderer && umoci config --image farm:renderer --config.workingdir /opt/farm "
        "--config.entrypoint /opt/farm/bin/render --config.env FARM_GPU=0 --config.label org.framefarm.role=renderer",
        cwd=root)
    for n in range(1, 26):
        if n not in (12, 25):
            run(f"umoci rm --image farm:r{n}", cwd=root)
    for y in range(1, 13):
        for k in range(1, 5):
            run(f"umoci tag --image farm:{'worker' if k % 2 else 'renderer'} "
                f"{'worker' if k % 2 else 'renderer'}-2026.{y:02d}.{k}", cwd=root)
    run("umoci gc --layout farm", cwd=root)


def manifest_of(layout: Path, tag: str) -> tuple[dict, dict]:
    idx = json.loads((layout / "index.json").read_text())
    for m in idx["manifests"]:
        if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag:
            return idx, m
    raise KeyError(tag)


def blob(layout: Path, digest: str) -> Path:
    return layout / "blobs" / "sha256" / digest.split(":", 1)[1]


def rewrite_manifest(layout: Path, tag: str, edit) -> None:
    """The tag's manifest edited by `edit`, stored under its new digest, and the index pointed at it."""
    idx, entry = manifest_of(layout, tag)
    man = json.loads(blob(layout, entry["digest"]).read_text())
    edit(man)
    data = json.dumps(man).encode()
    (layout / "blobs" / "sha256" / sha(data)).write_bytes(data)
    entry["digest"], entry["size"] = "sha256:" + sha(data), len(data)
    (layout / "index.json").write_text(json.dumps(idx))


def damaged(root: Path) -> None:
    """farm_bad: a layer's bytes changed; farm_lost: a layer blob removed; farm_nomani: renderer's manifest removed;
    farm_mtype: wrong media types in worker's manifest; farm_size: a wrong size in renderer's manifest."""
    for name in ["farm_bad", "farm_lost", "farm_nomani", "farm_mtype", "farm_size"]:
        shutil.copytree(root / "farm", root / name)
    _, ent = manifest_of(root / "farm", "renderer")
    man = json.loads(blob(root / "farm", ent["digest"]).read_text())
    layers = man["layers"]
    p = blob(root / "farm_bad", layers[17]["digest"])
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0x5A
    p.write_bytes(bytes(data))
    blob(root / "farm_lost", layers[7]["digest"]).unlink()
    _, ent2 = manifest_of(root / "farm_nomani", "renderer")
    blob(root / "farm_nomani", ent2["digest"]).unlink()

    def mtype(m):
        m["layers"][3]["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzipp"
        m["config"]["mediaType"] = "application/vnd.oci.image.config.v1+yaml"

    rewrite_manifest(root / "farm_mtype", "worker", mtype)

    def size(m):
        m["layers"][20]["size"] += 1024

    rewrite_manifest(root / "farm_size", "renderer", size)


def images(tmp: Path) -> None:
    root = tmp / "oci"
    root.mkdir()
    build_layout(root)
    damaged(root)
    (root / "out").mkdir()
    cap("skopeo-inspect-renderer", "skopeo inspect oci:farm:renderer", root, n_skopeo_inspect)
    cap("skopeo-inspect-raw", "skopeo inspect --raw oci:farm:renderer | python3 -m json.tool", root, n_skopeo_inspect)
    cap("skopeo-inspect-config", "skopeo inspect --config oci:farm:worker | python3 -m json.tool", root,
        n_skopeo_inspect)
    cap("skopeo-inspect-broken", "skopeo inspect oci:farm_nomani:renderer; echo EXIT=$?; skopeo inspect "
        "oci:farm:renderer-2026.13.1; skopeo inspect --config oci:farm_mtype:worker; echo EXIT=$?; "
        "skopeo inspect oci:farm_size:renderer", root, n_skopeo_inspect)
    cap("skopeo-inspect-tags", "for t in $(umoci ls --layout farm | grep -E '2026.0[1-6]'); do echo \"== $t\"; "
        "skopeo inspect oci:farm:$t; done", root, n_skopeo_inspect)
    cap("skopeo-copy-dir", "skopeo copy oci:farm:renderer dir:out/renderer && skopeo copy oci:farm:worker "
        "dir:out/worker", root, n_skopeo_copy)
    cap("skopeo-copy-bad", "skopeo copy oci:farm_bad:renderer oci:mirror:renderer; echo EXIT=$?", root, n_skopeo_copy)
    cap("skopeo-copy-lost", "skopeo copy oci:farm_lost:worker dir:out/w2 2>&1 | tail -n 20; echo EXIT=$?; "
        "skopeo copy oci:farm_size:renderer oci:mirror:r-size; echo EXIT=$?; "
        "skopeo copy oci:farm_mtype:worker oci:mirror:w-mtype; echo EXIT=$?", root, n_skopeo_copy)
    cap("skopeo-copy-mirror", "for t in $(umoci ls --layout farm | sort | head -n 14); do "
        "skopeo copy oci:farm:$t oci:mirror:$t || echo \"FAILED $t\"; done", root, n_skopeo_copy)
    cap("umoci-unpack-bad", "umoci --log debug unpack --image farm_bad:renderer r2; echo EXIT=$?; "
        "umoci unpack --image farm_lost:worker w3 2>&1 | tail -n 30; echo EXIT=$?", root, n_umoci_unpack)
    cap("umoci-unpack-repack", "umoci --log info unpack --image farm:renderer r1 && "
        "rm -rf r1/rootfs/opt/farm/pack03 && "
        "mkdir -p r1/rootfs/opt/farm/bin && cp r1/rootfs/etc/os-release r1/rootfs/opt/farm/bin/render && "
        "umoci --log info repack --image farm:renderer-patched r1 2>&1 | tail -n 40; "
        "umoci --log info unpack --image farm_mtype:worker w4; echo EXIT=$?", root, n_umoci_unpack)
    cap("umoci-stat-renderer", "umoci stat --image farm:renderer", root, n_umoci_stat)
    cap("umoci-stat-json", "umoci stat --image farm:worker --json | python3 -m json.tool | head -n 100", root,
        n_umoci_stat)
    cap("umoci-stat-broken", "umoci stat --image farm_nomani:renderer; umoci stat --image farm_lost:worker; "
        "echo EXIT=$?; umoci stat --image farm:renderer-patched | tail -n 12", root, n_umoci_stat)
    cap("umoci-ls", "for d in farm farm_nomani mirror; do echo \"== $d\"; umoci ls --layout $d; done; echo EXIT=$?",
        root, n_umoci_ls)
    # oci-image-tool 1.0.0-rc1 reads refs by the pre-1.0 annotation, so each layout keeps one image in its index
    for name, tag in [("farm", "renderer"), ("farm_bad", "renderer"), ("farm_lost", "worker"),
                      ("farm_nomani", "renderer"), ("farm_mtype", "worker"), ("farm_size", "renderer")]:
        idx = json.loads((root / name / "index.json").read_text())
        idx["manifests"] = [m for m in idx["manifests"]
                            if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
        (root / name / "index.json").write_text(json.dumps(idx))
    cap("oci-validate-layouts", "for d in farm farm_bad farm_lost farm_nomani farm_mtype farm_size; do echo \"== $d\"; "
        "oci-image-tool validate --type image $d; done 2>&1; echo EXIT=$?", root, n_oci_validate)
    _, ent = manifest_of(root / "farm_mtype", "worker")
    man = f"farm_mtype/blobs/sha256/{ent['digest'].split(':')[1]}"
    cap("oci-validate-blobs", f"oci-image-tool validate --type manifest {man}; echo EXIT=$?; "
        "for f in $(ls farm/blobs/sha256 | head -n 60); do oci-image-tool validate --type config farm/blobs/sha256/$f "
        "2>&1 | tail -n 1; done | sort | uniq -c | sort -rn; oci-image-tool validate --type image "
        "farm_lost 2>&1 | tail -n 30", root, n_oci_validate)


# ------------------------------------------------------------------ buildah, vfs storage, chroot isolation

STORAGE_CONF = """[storage]
driver = "vfs"
runroot = "{run}"
graphroot = "{graph}"
"""


def rootfs_tar(root: Path) -> None:
    """A tiny rootfs: this machine's shell and a few tools with their libraries."""
    fs = root / "rootfs"
    (fs / "bin").mkdir(parents=True)
    (fs / "tmp").mkdir()
    (fs / "etc").mkdir()
    for b in ["sh", "dash", "cat", "ls", "mkdir", "grep", "sed", "seq", "head", "wc", "sort", "cp"]:
        run(f"p=$(command -v {b}) && cp $p bin/ && for l in $(ldd $p | grep -o '/[^ ]*'); do "
            f"mkdir -p .$(dirname $l) && cp -n $l .$l; done", cwd=fs)
    run("tar -C rootfs -cf rootfs.tar .", cwd=root)


RENDER_SH = """#!/bin/sh
# bake every pack's scenes into frame lists
set -e
for p in /opt/farm/packs/*; do
  for s in $p/*.scn; do
    n=$(grep -c '^obj' $s)
    echo "bake $s: $n objects"
    grep '^frames' $s
  done
done
grep -q '^camera = cam0' /opt/farm/packs/pack03/shot_030.scn
"""


def buildah(tmp: Path) -> None:
    root = tmp / "bud"
    root.mkdir()
    (root / "storage.conf").write_text(STORAGE_CONF.format(run=tmp / "bud-run", graph=tmp / "bud-graph"))
    env = {"CONTAINERS_STORAGE_CONF": str(root / "storage.conf"), "BUILDAH_ISOLATION": "chroot"}
    rootfs_tar(root)
    rnd = random.Random(2191)
    for n in range(1, 21):
        d = root / "packs" / f"pack{n:02d}"
        d.mkdir(parents=True)
        for i in range(4):
            (d / f"shot_{n:02d}{i}.scn").write_text(scene_file(rnd, n * 10 + i))
    (root / "render.sh").write_text(RENDER_SH)
    cm.write_tree(root, {
        "Containerfile.base": "FROM scratch\nADD rootfs.tar /\nRUN mkdir -p /opt/farm/bin /opt/farm/packs\n"
                              "ENV FARM_QUEUE=night\nLABEL org.framefarm.role=base\n",
        "Containerfile.worker": "FROM localhost/framefarm/base:2026.12\nCOPY packs /opt/farm/packs\n"
                                "COPY render.sh /opt/farm/bin/render.sh\nWORKDIR /opt/farm\n"
                                "RUN ls -R /opt/farm | head -n 60\nRUN sh /opt/farm/bin/render.sh\n"
                                "CMD [\"/opt/farm/bin/render.sh\"]\n",
        "Containerfile.copy": "FROM localhost/framefarm/base:2026.12\nCOPY packs /opt/farm/packs\n"
                              "COPY licences/ /opt/farm/licences/\nCOPY farm.toml /etc/farm.toml\n"
                              "RUN cat /etc/farm.toml\n",
        "Containerfile.ok": "FROM localhost/framefarm/base:2026.12\nARG PACKS=6\nCOPY packs /opt/farm/packs\n"
                            "RUN for p in $(seq 1 $PACKS); do grep -h '^frames' /opt/farm/packs/pack0$p/*.scn; done\n"
                            "RUN grep -rh '^obj' /opt/farm/packs | sort | head -n 400\nUSER 1000\n"
                            "ENTRYPOINT [\"/bin/sh\"]\n",
    })
    b = "buildah bud --layers=false"
    run(f"{b} -f Containerfile.base -t framefarm/base:2026.12 .", cwd=root, env=env)
    cap("buildah-bud-ok", f"{b} -f Containerfile.ok -t framefarm/lister:dev . 2>&1 | tail -n 120", root,
        n_buildah_bud, env=env)
    cap("buildah-bud-run", f"{b} -f Containerfile.worker -t framefarm/worker:dev .; echo EXIT=$?", root, n_buildah_bud,
        env=env)
    cap("buildah-bud-copy", f"{b} -f Containerfile.copy -t framefarm/copy:dev . 2>&1 | grep -iE 'error|warn|STEP'; "
        f"{b} -f Containerfile.nope .; echo EXIT=$?; {b} --build-arg PACKS=12 -f Containerfile.ok "
        "-t framefarm/lister:twelve"
        " . 2>&1 | tail -n 30", root, n_buildah_bud, env=env)
    nightly = [f"nightly:2026.11.{d:02d}" for d in range(1, 19)]
    for t in ["base:2026.11", "base:2026.10", "lister:ci", "lister:2026.12"] + nightly:
        run(f"buildah tag framefarm/lister:dev framefarm/{t}", cwd=root, env=env)
    cap("buildah-images", "buildah images --all; buildah images framefarm/worker; echo EXIT=$?", root,
        n_buildah_images, env=env)


STEPS = [images, buildah]
