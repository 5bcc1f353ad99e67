"""Round 228, second samples of round 219's kinds: `stationmesh`, a weather-station network's ingest cluster, of this
round's own. Its images (a base, an ingest and an archiver image of seeded station readings, decoders and configs)
are built as OCI layouts with umoci, copied and inspected with skopeo, validated with oci-image-tool and built from a
local rootfs with buildah (vfs storage, chroot isolation); copies of the layout are damaged in other ways (a layer cut
short, a config blob removed, the index naming a manifest that is not there, a layer's digest edited in its
manifest). Its VMs are libvirt domain XML of seeded sizes with other faults (a bad memory value, a missing `<os>`, a
duplicate target on another bus, an unknown `<clock offset>`, a bad boot device) checked by virt-xml-validate and run
through virsh on the test driver with a node file of the cluster's own; its disks are made with qemu-img and written
with qemu-io, some damaged (zeroed and shifted L2 entries, refcounts left leaking, a backing file moved away). The
needles come from round 219's extractors, imported as they are (NEEDLES.md, "Round 228"). Run through
capture_wide228.py."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide219_oci import (STORAGE_CONF, blob, manifest_of, n_buildah_bud, n_buildah_images, n_oci_validate,
                                 n_skopeo_copy, n_skopeo_inspect, n_umoci_ls, n_umoci_stat, n_umoci_unpack,
                                 rewrite_manifest, rootfs_tar)
from capture_wide219_vm import (n_qemu_img_check, n_qemu_img_compare, n_qemu_img_info, n_qemu_img_map, n_virsh_define,
                                n_virsh_dominfo, n_virsh_dumpxml, n_virsh_list, n_virt_xml_validate, poke, qcow2_l2)
from capture_wide228 import cap

# ------------------------------------------------------------------ the ingest cluster's images

STATIONS = ["Kirkwall", "Lerwick", "Tiree", "Valentia", "Malin Head", "Dunstaffnage", "Stornoway", "Wick", "Leuchars",
            "Shoeburyness", "Culdrose", "Camborne", "Aberporth", "Ronaldsway", "Boulmer", "Eskdalemuir"]


def readings(rnd: random.Random, st: str, n: int) -> str:
    rows = [f"# stationmesh readings {st}", "time,temp_c,pressure_hpa,wind_kn,dir_deg,rain_mm"]
    for k in range(n):
        rows.append(f"2026-11-{1 + k // 48:02d}T{(k % 48) // 2:02d}:{30 * (k % 2):02d}Z,{rnd.gauss(8, 4):.1f},"
                    f"{rnd.gauss(1008, 12):.1f},{abs(rnd.gauss(14, 9)):.0f},{rnd.randrange(360)},"
                    f"{max(0, rnd.gauss(0.3, 1.1)):.1f}")
    return "\n".join(rows) + "\n"


def build_layout(root: Path) -> None:
    """mesh: base (2 layers), ingest (10 layers), archiver (18 layers), 26 extra tags, all with umoci."""
    rnd = random.Random(2281)
    run("umoci init --layout mesh && umoci new --image mesh:base", cwd=root)
    run("umoci unpack --image mesh:base b0", cwd=root)
    fs = root / "b0" / "rootfs"
    (fs / "etc" / "stationmesh").mkdir(parents=True, exist_ok=True)
    (fs / "etc" / "os-release").write_text('NAME="stationmesh base"\nVERSION_ID="5.3"\n')
    run("umoci repack --image mesh:base --history.created_by 'COPY os-release /etc/' b0", cwd=root)
    (fs / "etc" / "stationmesh" / "stations.json").write_text(json.dumps(STATIONS))
    run("umoci repack --image mesh:base --refresh-bundle --history.created_by 'COPY stations.json /etc/stationmesh/' b0",
        cwd=root)
    shutil.rmtree(root / "b0")
    run("umoci unpack --image mesh:base bi", cwd=root)
    fs = root / "bi" / "rootfs"
    last = "base"
    for n in range(1, 19):
        st = STATIONS[n % len(STATIONS)]
        d = fs / "srv" / "mesh" / "spool" / st.lower().replace(" ", "-")
        d.mkdir(parents=True, exist_ok=True)
        (d / f"batch{n:02d}.csv").write_text(readings(rnd, st, rnd.randrange(60, 400)))
        step = rnd.choice(["COPY spool/", "RUN meshctl decode", "ADD decoders.tar", "RUN meshctl qc --strict"])
        run(f"umoci repack --image mesh:s{n} --refresh-bundle --history.created_by '{step} {st}' "
            f"--history.author 'ops@stationmesh.example' bi", cwd=root)
        if n % 3 == 0:
            run(f"umoci config --image mesh:s{n} --config.env MESH_BATCH={n} --history.created_by 'ENV MESH_BATCH={n}'",
                cwd=root)
        if n == 10:
            run("umoci tag --image mesh:s10 ingest && umoci config --image mesh:ingest --config.workingdir /srv/mesh "
                "--config.entrypoint /srv/mesh/bin/ingest --config.cmd --listen=:7001 --config.label "
                "org.stationmesh.role=ingest --config.env MESH_MODE=ingest --config.user 1201", cwd=root)
        last = f"s{n}"
    run(f"umoci tag --image mesh:{last} archiver && umoci config --image mesh:archiver --config.workingdir /srv/mesh "
        "--config.entrypoint /srv/mesh/bin/archive --config.env MESH_MODE=archive --config.env MESH_RETAIN_DAYS=400 "
        "--config.label org.stationmesh.role=archiver --config.volume /srv/mesh/archive", cwd=root)
    for n in range(1, 19):
        if n not in (10, 18):
            run(f"umoci rm --image mesh:s{n}", cwd=root)
    for wk in range(40, 53):
        for role in ("ingest", "archiver"):
            run(f"umoci tag --image mesh:{role} {role}-2026w{wk}", cwd=root)
    run("umoci gc --layout mesh", cwd=root)


def damage(root: Path) -> None:
    """mesh_cut: an archiver layer cut short; mesh_nocfg: ingest's config blob removed; mesh_ghost: the index naming
    a manifest digest that is not there; mesh_digest: a layer's digest edited in archiver's manifest."""
    for name in ["mesh_cut", "mesh_nocfg", "mesh_ghost", "mesh_digest"]:
        shutil.copytree(root / "mesh", root / name)
    _, ent = manifest_of(root / "mesh", "archiver")
    man = json.loads(blob(root / "mesh", ent["digest"]).read_text())
    p = blob(root / "mesh_cut", man["layers"][11]["digest"])
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 3])
    _, ent_i = manifest_of(root / "mesh", "ingest")
    mi = json.loads(blob(root / "mesh", ent_i["digest"]).read_text())
    blob(root / "mesh_nocfg", mi["config"]["digest"]).unlink()
    idx = json.loads((root / "mesh_ghost" / "index.json").read_text())
    for m in idx["manifests"]:
        if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == "archiver":
            m["digest"] = "sha256:" + "0" * 8 + m["digest"][15:]
    (root / "mesh_ghost" / "index.json").write_text(json.dumps(idx))

    def edit(m):
        d = m["layers"][5]["digest"]
        m["layers"][5]["digest"] = d[:-6] + "c0ffee"

    rewrite_manifest(root / "mesh_digest", "archiver", edit)


def images(tmp: Path) -> None:
    root = tmp / "oci"
    root.mkdir()
    build_layout(root)
    damage(root)
    (root / "out").mkdir()
    cap("skopeo-inspect-archiver", "skopeo inspect oci:mesh:archiver", root, n_skopeo_inspect)
    cap("skopeo-inspect-config-raw-exit", "skopeo inspect --config oci:mesh:ingest; echo EXIT=$?; skopeo inspect --raw "
        "oci:mesh:ingest | python3 -m json.tool | head -n 60", root, n_skopeo_inspect)
    cap("skopeo-inspect-damaged", "for l in mesh_nocfg:ingest mesh_ghost:archiver mesh_digest:archiver "
        "mesh:archiver-2026w99; do echo \"== $l\"; skopeo inspect oci:$l 2>&1 | tail -n 12; echo EXIT=$?; done", root,
        n_skopeo_inspect)
    cap("skopeo-copy-dir-tail", "skopeo copy oci:mesh:archiver dir:out/archiver 2>&1 | tail -n 40 && skopeo copy "
        "oci:mesh:ingest oci:out/mirror:ingest", root, n_skopeo_copy)
    cap("skopeo-copy-damaged-exit", "skopeo copy oci:mesh_cut:archiver oci:out/mirror:archiver; echo EXIT=$?; "
        "skopeo copy oci:mesh_digest:archiver dir:out/a2; echo EXIT=$?; skopeo copy oci:mesh_nocfg:ingest "
        "dir:out/i2; echo EXIT=$?", root, n_skopeo_copy)
    cap("umoci-unpack-info-cut", "umoci --log info unpack --image mesh:ingest i1 2>&1 | tail -n 40; "
        "umoci --log info unpack --image mesh_cut:archiver a1; echo EXIT=$?", root, n_umoci_unpack)
    cap("umoci-stat-archiver", "umoci stat --image mesh:archiver", root, n_umoci_stat)
    cap("umoci-ls-layouts", "for d in mesh mesh_ghost out/mirror; do echo \"== $d\"; umoci ls --layout $d | sort; "
        "done 2>&1; umoci ls --layout nosuch; echo EXIT=$?", root, n_umoci_ls)
    for name, tag in [("mesh", "archiver"), ("mesh_cut", "archiver"), ("mesh_nocfg", "ingest"),
                      ("mesh_digest", "archiver")]:
        idx = json.loads((root / name / "index.json").read_text())
        idx["manifests"] = [m for m in idx["manifests"]
                            if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
        (root / name / "index.json").write_text(json.dumps(idx))
    cap("oci-validate-image-loop", "for d in mesh mesh_cut mesh_nocfg mesh_digest; do echo \"== $d\"; "
        "oci-image-tool validate --type image $d 2>&1 | tail -n 20; done; echo EXIT=$?", root, n_oci_validate)


DECODE_SH = """#!/bin/sh
# decode every spooled batch and count the readings per station
set -e
for d in /srv/mesh/spool/*; do
  for f in $d/*.csv; do
    n=$(grep -c '^2026' $f)
    echo "decoded $f: $n readings"
  done
done
grep -q 'wind_kn,dir_deg,gust_kn' /srv/mesh/spool/tiree/batch01.csv
"""


def buildah(tmp: Path) -> None:
    root = tmp / "bud"
    root.mkdir()
    (root / "storage.conf").write_text(STORAGE_CONF.format(run=tmp / "bud-run", graph=tmp / "bud-graph"))
    env = {"CONTAINERS_STORAGE_CONF": str(root / "storage.conf"), "BUILDAH_ISOLATION": "chroot"}
    rootfs_tar(root)
    rnd = random.Random(2283)
    for st in STATIONS[:12]:
        d = root / "spool" / st.lower().replace(" ", "-")
        d.mkdir(parents=True)
        for b in range(1, 4):
            (d / f"batch{b:02d}.csv").write_text(readings(rnd, st, 120))
    (root / "decode.sh").write_text(DECODE_SH)
    cm.write_tree(root, {
        "Containerfile.base": "FROM scratch\nADD rootfs.tar /\nRUN mkdir -p /srv/mesh/bin /srv/mesh/spool\n"
                              "ENV MESH_MODE=base\nLABEL org.stationmesh.role=base\n",
        "Containerfile.decode": "FROM localhost/stationmesh/base:5.3\nCOPY spool /srv/mesh/spool\n"
                                "COPY decode.sh /srv/mesh/bin/decode.sh\nWORKDIR /srv/mesh\n"
                                "RUN sh /srv/mesh/bin/decode.sh\nCMD [\"/srv/mesh/bin/decode.sh\"]\n",
        "Containerfile.stats": "FROM localhost/stationmesh/base:5.3\nARG STATION=tiree\nCOPY spool /srv/mesh/spool\n"
                               "RUN wc -l /srv/mesh/spool/*/*.csv\n"
                               "RUN grep -h ',0.0$' /srv/mesh/spool/$STATION/*.csv | sort | head -n 120\n"
                               "USER 1201\nENTRYPOINT [\"/bin/sh\"]\n",
        "Containerfile.qc": "FROM localhost/stationmesh/base:5.3\nCOPY spool /srv/mesh/spool\n"
                            "COPY qc-rules/ /etc/stationmesh/qc/\nRUN cat /etc/stationmesh/qc/limits.conf\n",
    })
    b = "buildah bud --layers=false"
    run(f"{b} -f Containerfile.base -t stationmesh/base:5.3 .", cwd=root, env=env)
    cap("buildah-bud-stats-tail", f"{b} -f Containerfile.stats -t stationmesh/stats:dev . 2>&1 | tail -n 100", root,
        n_buildah_bud, env=env)
    cap("buildah-bud-decode-exit", f"{b} -f Containerfile.decode -t stationmesh/decode:dev . 2>&1 | tail -n 60; "
        f"echo EXIT=$?; {b} -f Containerfile.qc -t stationmesh/qc:dev .; echo EXIT=$?", root, n_buildah_bud, env=env)
    for t in ["base:5.2", "stats:ci", "stats:2026w48", "decode:nightly"] + [f"stats:2026.11.{d:02d}" for d in range(3, 29, 2)]:
        run(f"buildah tag stationmesh/stats:dev stationmesh/{t}", cwd=root, env=env)
    cap("buildah-images-all", "buildah images --all 2>&1; buildah images stationmesh/nosuch; echo EXIT=$?", root,
        n_buildah_images, env=env)


# ------------------------------------------------------------------ the cluster's VMs

def vm_xml(rnd: random.Random, name: str, faults=(), state: int | None = None) -> str:
    mem = rnd.choice([1, 2, 4, 6, 12, 24]) * 1048576
    mem_s = "lots" if "mem" in faults else str(mem)
    vcpu = rnd.choice([1, 2, 4, 6, 12])
    os_el = "" if "noos" in faults else ("  <os>\n    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n"
                                         f"    <boot dev='{'floppyy' if 'boot' in faults else 'hd'}'/>\n  </os>\n")
    clock = f"  <clock offset='{'harbour' if 'clock' in faults else 'utc'}'/>\n"
    devs = []
    for d in range(rnd.randrange(1, 4)):
        dev = "sd" + "abc"[d]
        devs.append(f"    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2' cache='none'/>\n"
                    f"      <source file='/srv/stationmesh/images/{name}-{dev}.qcow2'/>\n"
                    f"      <target dev='{dev}' bus='scsi'/>\n    </disk>")
    if "dup" in faults:
        devs.append("    <disk type='file' device='cdrom'>\n      <source file='/srv/stationmesh/iso/seed.iso'/>\n"
                    "      <target dev='sda' bus='sata'/>\n      <readonly/>\n    </disk>")
    for k in range(rnd.randrange(1, 3)):
        mac = "52:54:00:%02x:%02x:%02x" % (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        devs.append(f"    <interface type='bridge'>\n      <mac address='{mac}'/>\n"
                    f"      <source bridge='{'br-ingest' if k == 0 else 'br-store'}'/>\n"
                    f"      <model type='{'e1000e' if k else 'virtio'}'/>\n    </interface>")
    if "console" in faults:
        devs.append("    <console type='pty'>\n      <target type='serial' port='zero'/>\n    </console>")
    st = f"  <test:runstate>{state}</test:runstate>\n" if state else ""
    uuid = "%08x-%04x-4%03x-a%03x-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(12),
                                             rnd.getrandbits(12), rnd.getrandbits(48))
    return (f"<domain type='{'test' if state else 'kvm'}'>\n  <name>{name}</name>\n  <uuid>{uuid}</uuid>\n"
            f"  <title>stationmesh {name.split('-')[0]} node</title>\n"
            f"  <memory unit='KiB'>{mem_s}</memory>\n  <currentMemory unit='KiB'>{mem}</currentMemory>\n"
            f"  <vcpu placement='static'>{vcpu}</vcpu>\n{os_el}{clock}  <devices>\n" + "\n".join(devs)
            + "\n  </devices>\n" + st + "</domain>\n")


ROLES = ["ingest", "ingest", "ingest", "decode", "decode", "archive", "qc", "api"]


def node(root: Path) -> None:
    rnd = random.Random(2284)
    parts = ["<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>",
             "  <cpu><mhz>3100</mhz><model>i686</model><active>48</active><nodes>2</nodes><sockets>2</sockets>"
             "<cores>12</cores><threads>2</threads></cpu>", "  <memory>268435456</memory>"]
    for i in range(320):
        st = 1 if rnd.random() < 0.82 else rnd.choice([3, 5, 5, 5])
        parts.append(vm_xml(rnd, f"{ROLES[i % len(ROLES)]}-{i:03d}", state=st))
    parts.append("<network>\n  <name>ingest</name>\n  <bridge name='br-ingest'/>\n  <forward mode='nat'/>\n"
                 "  <ip address='10.44.0.1' netmask='255.255.0.0'><dhcp><range start='10.44.1.1' end='10.44.9.254'/>"
                 "</dhcp></ip>\n</network>")
    parts.append("<pool type='dir'><name>mesh-images</name><uuid>7e1c9a0b-3d2f-4a51-9b7e-2c0d5e6f7a81</uuid>"
                 "<capacity unit='T'>8</capacity><allocation unit='G'>2300</allocation><available unit='G'>5700"
                 "</available><target><path>/srv/stationmesh/images</path></target>" + "".join(
                     f"<volume type='file'><name>archive-{i:03d}-sda.qcow2</name><capacity unit='G'>"
                     f"{rnd.choice([100, 200, 500])}</capacity><allocation unit='G'>{rnd.randrange(5, 90)}"
                     "</allocation></volume>" for i in range(5, 320, 8)) + "</pool>")
    parts.append("</node>\n")
    (root / "mesh-node.xml").write_text("\n".join(parts))


def domains(tmp: Path) -> None:
    root = tmp / "virt"
    (root / "vms").mkdir(parents=True)
    rnd = random.Random(2285)
    frnd = random.Random(2286)
    for i in range(1, 29):
        faults = frnd.sample(["mem", "noos", "dup", "clock", "boot", "console"], frnd.choice([0, 0, 0, 1, 1, 2]))
        (root / "vms" / f"{ROLES[i % len(ROLES)]}-{i:02d}.xml").write_text(vm_xml(rnd, f"{ROLES[i % len(ROLES)]}-{i:02d}",
                                                                                   faults))
    (root / "vms" / "qc-99.xml").write_text(vm_xml(rnd, "qc-99").replace("</vcpu>", "</vcpus>"))
    node(root)
    cap("virt-xml-validate-loop-grep", "for f in vms/*.xml; do virt-xml-validate $f domain; done 2>&1 | "
        "grep -v ' validates$'; echo EXIT=$?", root, n_virt_xml_validate)
    c = "virsh -c test://$PWD/mesh-node.xml"
    cap("virsh-list-all-head", f"{c} list --all | head -n 200", root, n_virsh_list)
    names = " ".join(f"{ROLES[i % len(ROLES)]}-{i:03d}" for i in range(3, 320, 11))
    cap("virsh-dominfo-loop-exit", f"for d in {names} ingest-777; do {c} dominfo $d; done 2>&1; echo EXIT=$?", root,
        n_virsh_dominfo)
    defs = "; ".join(f"define vms/{p.name}" for p in sorted((root / "vms").glob("*.xml")))
    cap("virsh-define-start-tail", f"virsh -c test:///default '{defs}; start ingest-01; start decode-04; "
        "start decode-04; undefine qc-06; list --all' 2>&1 | tail -n 90; echo EXIT=$?", root, n_virsh_define)
    cap("virsh-dumpxml-loop", f"for d in ingest-000 decode-011 archive-013 qc-110 api-207 ingest-999; do "
        f"{c} dumpxml $d; done 2>&1; {c} pool-dumpxml mesh-images | head -n 40", root, n_virsh_dumpxml)


# ------------------------------------------------------------------ the cluster's disks

def qwrites(rnd: random.Random, n: int, size_mb: int, pat: int) -> str:
    cmds = []
    for _ in range(n):
        off = rnd.randrange(0, size_mb * 8) * 131072
        cmds.append(f"-c 'write -P 0x{pat:02x} {off} {rnd.choice([8192, 65536, 262144])}'")
        pat = (pat + 13) % 256
    return " ".join(cmds)


def disks(tmp: Path) -> None:
    root = tmp / "img"
    root.mkdir()
    rnd = random.Random(2287)
    q = "qemu-img create -q -f qcow2"
    run(f"{q} -o cluster_size=32768 golden.qcow2 4G && qemu-io -f qcow2 {qwrites(rnd, 90, 4096, 0x21)} golden.qcow2 "
        ">/dev/null", cwd=root)
    run(f"{q} -b golden.qcow2 -F qcow2 ingest-003.qcow2 && qemu-io -f qcow2 {qwrites(rnd, 30, 4096, 0x61)} "
        "ingest-003.qcow2 >/dev/null", cwd=root)
    run(f"{q} -b ingest-003.qcow2 -F qcow2 ingest-003-pre-upgrade.qcow2 && qemu-io -f qcow2 "
        f"{qwrites(rnd, 12, 4096, 0xA1)} ingest-003-pre-upgrade.qcow2 >/dev/null", cwd=root)
    run("mkdir -p moved && cp golden.qcow2 moved/golden.qcow2 && "
        f"{q} -b golden.qcow2 -F qcow2 decode-004.qcow2 && mv golden.qcow2 golden.keep && "
        "qemu-img create -q -f qcow2 -b /srv/stationmesh/golden-2025.qcow2 -F qcow2 -u archive-005.qcow2 8G", cwd=root)
    run("mv golden.keep golden.qcow2", cwd=root)
    run(f"{q} -o cluster_size=8192 spool.qcow2 256M && qemu-io -f qcow2 {qwrites(rnd, 300, 256, 0x31)} spool.qcow2 "
        ">/dev/null && cp spool.qcow2 spool-leak.qcow2 && cp spool.qcow2 spool-bad.qcow2 && cp spool.qcow2 spool-v1.qcow2"
        f" && qemu-io -f qcow2 {qwrites(rnd, 6, 256, 0xE1)} spool.qcow2 >/dev/null", cwd=root)
    run("qemu-img create -q -f raw swap.img 64M && qemu-img convert -O qcow2 -o compression_type=zlib -c "
        "ingest-003.qcow2 ingest-003-flat.qcow2", cwd=root)
    _, ents = qcow2_l2(root / "spool-leak.qcow2")
    for off, _ in random.Random(28).sample(ents, min(150, len(ents))):
        poke(root / "spool-leak.qcow2", off, 0)
    _, ents = qcow2_l2(root / "spool-bad.qcow2")
    pick = random.Random(29).sample(ents, 30)
    for off, v in pick[:9]:
        poke(root / "spool-bad.qcow2", off, v + 0x400)
    for (off, _), (_, w) in zip(pick[9:19], pick[19:29]):
        poke(root / "spool-bad.qcow2", off, w)
    cap("qemu-img-info-chain-exit", "qemu-img info --backing-chain ingest-003-pre-upgrade.qcow2; qemu-img info "
        "decode-004.qcow2; qemu-img info --backing-chain archive-005.qcow2; echo EXIT=$?", root, n_qemu_img_info)
    cap("qemu-img-check-leak-tail", "qemu-img check spool-leak.qcow2 2>&1 | tail -n 80; echo EXIT=$?", root,
        n_qemu_img_check)
    cap("qemu-img-check-bad-repair", "qemu-img check spool-bad.qcow2; echo EXIT=$?; cp spool-bad.qcow2 fix.qcow2 && "
        "qemu-img check -r all fix.qcow2 2>&1 | tail -n 30; echo EXIT=$?; qemu-img check fix.qcow2", root,
        n_qemu_img_check)
    cap("qemu-img-compare-pairs", "qemu-img compare spool-v1.qcow2 spool.qcow2; echo EXIT=$?; qemu-img compare "
        "ingest-003.qcow2 ingest-003-flat.qcow2; echo EXIT=$?; qemu-img compare -s golden.qcow2 ingest-003.qcow2; "
        "echo EXIT=$?; qemu-img compare swap.img spool.qcow2; echo EXIT=$?; for b in spool-v1.qcow2 spool-leak.qcow2 "
        "spool-bad.qcow2 swap.img archive-005.qcow2; do echo \"== $b\"; qemu-img compare -U spool.qcow2 $b; "
        "echo EXIT=$?; done 2>&1", root, n_qemu_img_compare)
    cap("qemu-img-map-chain-head", "qemu-img map ingest-003-pre-upgrade.qcow2 | head -n 120; echo EXIT=$?", root,
        n_qemu_img_map)


STEPS = [images, buildah, domains, disks]
