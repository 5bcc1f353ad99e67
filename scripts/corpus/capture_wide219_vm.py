"""Round 219, virtual machines without a daemon: a render farm's nodes (`framefarm`: render nodes, a queue VM, a
licence server) as libvirt domain XML of seeded sizes, checked by virt-xml-validate and run through virsh on its
built-in test driver (a node file of the farm's own, no daemon), and their disk images made with qemu-img and written
with qemu-io, some damaged on purpose (zeroed and misaligned L2 entries, a shared cluster, a missing backing file, a
changed overlay). The extractors are this round's (NEEDLES.md, "Round 219"). Run through capture_wide219.py."""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

import capture_more as cm
from capture_data import rule4, ws_rows
from capture_more import kind, run
from capture_wide219 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 219")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


@kind("virt-xml-validate", "lint")
def n_virt_xml_validate(lines):
    """Rule 1+3: every validity error / parser error / failed to validate / Expecting / Invalid / Extra element line, every closing fails to validate / validates line."""
    return _pick(lines, r"validity error|parser error|failed to validate|Expecting|Invalid|Extra element"
                        r"|fails to validate|validates$|[Ee]rror|cannot ") + exit_lines(lines)


def _tables(lines):
    """(header, rows) of each dashed virsh table."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^-{6,}\s*$", ln) and i > 0:
            head = lines[i - 1]
            names = head.split()
            body = []
            for r in lines[i + 1:]:
                if not r.strip() or r.startswith("error:") or re.match(r"^-{6,}", r):
                    break
                body.append(r)
            out.append((head, ws_rows(body, [n.lower() for n in names])))
    return out


@kind("virsh-list", "table")
def n_virsh_list(lines):
    """Rule 1+4: each table's header row, rows whose State/Type/Autostart/Persistent/Source is rare, the rows with the smallest and largest Id, every error: line."""
    out = _pick(lines, r"^error:")
    for head, rows in _tables(lines):
        cols = [c for c in ["state", "type", "autostart", "persistent", "source", "model"] if rows and c in rows[0][1]]
        nums = [c for c in ["id"] if rows and c in rows[0][1]]
        out += rule4(rows, cat=cols, nums=nums, header=[head])
    return out + exit_lines(lines)


@kind("virsh-dominfo", "table")
def n_virsh_dominfo(lines):
    """Rule 1+5: every Name/UUID/State/CPU(s)/Max memory/Used memory/Persistent/Autostart/CPU model/Memory size line, every error: line."""
    return _pick(lines, r"^(Name|UUID|State|CPU\(s\)|Max memory|Used memory|Persistent|Autostart|CPU model"
                        r"|Memory size):|^error:") + exit_lines(lines)


@kind("virsh-define", "log")
def n_virsh_define(lines):
    """Rule 1+5: every error: line, every Domain … defined/started/created/undefined/attached line."""
    return _pick(lines, r"^error:|^Domain .*(defined|started|created|undefined|destroyed)|[Dd]evice attached"
                        r"|^Network .*(defined|started)") + exit_lines(lines)


@kind("virsh-dumpxml", "doc")
def n_virsh_dumpxml(lines):
    """Rule 1+5: every <name>, <uuid>, <memory, <currentMemory, <vcpu, <type line, every <source, <target, <mac line, every error: line."""
    return _pick(lines, r"<name>|<uuid>|<memory|<currentMemory|<vcpu|<type[ >]|<source |<target |<mac |^error:") \
        + exit_lines(lines)


@kind("qemu-img-info", "table")
def n_qemu_img_info(lines):
    """Rule 1+5: every image/file format/virtual size/disk size/cluster_size/backing file/corrupt/compat line (json: filename, format, virtual-size, actual-size, backing-filename, corrupt, dirty-flag), every qemu-img: line."""
    return _pick(lines, r"^(image|file format|virtual size|disk size|cluster_size|backing file|backing file format)"
                        r":|^\s+(corrupt|compat):|\"(filename|format|virtual-size|actual-size|backing-filename"
                        r"|corrupt|dirty-flag)\":|^qemu-img:") + exit_lines(lines)


@kind("qemu-img-check", "lint")
def n_qemu_img_check(lines):
    """Rule 1+3: every ERROR/Leaked cluster/Warning/qemu-img: line (one {"any"} per masked shape on more than 3 lines), the summary lines."""
    bad = _pick(lines, r"ERROR|Leaked cluster|Warning|^qemu-img:|[Rr]epairing")
    shapes: dict[str, list[str]] = {}
    for ln in bad:
        shapes.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    out += _pick(lines, r"errors? (were|was) found|leaked clusters? (were|was) found|No errors were found"
                        r"|inconsistencies were found|allocated, .* fragmented|Image end offset:")
    return out + exit_lines(lines)


@kind("qemu-img-compare", "log")
def n_qemu_img_compare(lines):
    """Rule 1+5: every Content mismatch / Images are identical / Image size mismatch / qemu-img: line."""
    return _pick(lines, r"Content mismatch|Images are identical|size mismatch|^qemu-img:") + exit_lines(lines)


@kind("qemu-img-map", "table")
def n_qemu_img_map(lines):
    """Rule 1+4: the header row, the first and last rows, rows whose File is rare, the rows with the smallest and largest Length, every qemu-img: line."""
    out = _pick(lines, r"^qemu-img:")
    head = [ln for ln in lines if ln.startswith("Offset")]
    body = [ln for ln in lines if re.match(r"^0x[0-9a-f]+\s", ln)]
    rows = [(ln, {"offset": p[0], "length": str(int(p[1], 16)), "mapped": p[2], "file": p[3]})
            for ln in body for p in [ln.split()] if len(p) >= 4]
    out += head[:1] + body[:1] + body[-1:] + rule4(rows, cat=["file"], nums=["length"])
    js = [ln for ln in lines if ln.lstrip().startswith("{ \"start\"") or ln.lstrip().startswith("[{ \"start\"")]
    out += js[:1] + js[-1:]
    jrows = []
    for ln in js:  # rule 4 on the JSON array's records: its flags and depth, the smallest and largest length
        m = dict(re.findall(r'"(\w+)": ([^,}]+)', ln))
        jrows.append((ln, m))
    out += rule4(jrows, cat=["present", "zero", "data", "depth"], nums=["length"])
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the farm's domains

ROLES = ["render", "render", "render", "render", "queue", "licence"]


def domain_xml(rnd: random.Random, name: str, faults: list[str] = (), test_state: int | None = None,
               ns: str = "") -> str:
    mem = rnd.choice([2, 4, 8, 16, 32]) * 1048576
    unit = "KBB" if "unit" in faults else "KiB"
    vcpu = "two" if "vcpu" in faults else str(rnd.choice([2, 4, 8, 16]))
    disks = []
    ndisk = rnd.randrange(1, 4)
    for d in range(ndisk):
        dev = "vd" + "abcd"[d]
        bus = "virtio2" if ("bus" in faults and d == 0) else "virtio"
        disks.append(f"    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
                     f"      <source file='/var/lib/framefarm/{name}-{dev}.qcow2'/>\n"
                     f"      <target dev='{dev}' bus='{bus}'/>\n    </disk>")
    if "dupdisk" in faults:
        disks.append("    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
                     f"      <source file='/var/lib/framefarm/{name}-scratch.qcow2'/>\n"
                     "      <target dev='vda' bus='virtio'/>\n    </disk>")
    nics = []
    for k in range(rnd.randrange(1, 3)):
        mac = "52:54:00:%02x:%02x:%02x" % (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        if "dupmac" in faults and k == 0:
            mac = "52:54:00:aa:bb:cc"
        model = "virtio" if "model" not in faults else "virtoi"
        nics.append(f"    <interface type='network'>\n      <mac address='{mac}'/>\n"
                    f"      <source network='{'farmnet' if k == 0 else 'storage'}'/>\n"
                    f"      <model type='{model}'/>\n    </interface>")
    if "dupmac" in faults:
        nics.append("    <interface type='network'>\n      <mac address='52:54:00:aa:bb:cc'/>\n"
                    "      <source network='farmnet'/>\n    </interface>")
    os_el = "    <type arch='x86_64'>hvm</type>" if "notype" not in faults else "    <boot dev='hd'/>"
    extra = "  <on_crash>explode</on_crash>\n" if "crash" in faults else ""
    extra += "  <graphics type='vnc' port='-1'/>\n" if "misplaced" in faults else ""
    state = f"  <test:runstate>{test_state}</test:runstate>\n" if test_state else ""
    dtype = "test" if ns else "kvm"
    uuid = "%08x-%04x-4%03x-8%03x-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(12),
                                             rnd.getrandbits(12), rnd.getrandbits(48))
    return (f"<domain type='{dtype}'{ns}>\n  <name>{name}</name>\n"
            f"  <uuid>{uuid}</uuid>\n"
            f"  <memory unit='{unit}'>{mem}</memory>\n  <currentMemory unit='KiB'>{mem // 2}</currentMemory>\n"
            f"  <vcpu placement='static'>{vcpu}</vcpu>\n  <os>\n{os_el}\n  </os>\n{extra}"
            f"  <devices>\n" + "\n".join(disks + nics) + "\n  </devices>\n" + state + "</domain>\n")


NET = """<network>
  <name>{name}</name>
  <bridge name='{br}'/>
  <forward mode='{mode}'/>
  <ip address='{ip}' netmask='255.255.255.0'>
    <dhcp><range start='{lo}' end='{hi}'/></dhcp>
  </ip>
</network>
"""


def node_file(root: Path) -> None:
    """The test driver's node file: 140 domains (mostly running), two networks, a pool with volumes."""
    rnd = random.Random(2192)
    parts = ["<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>",
             "  <cpu><mhz>2400</mhz><model>i686</model><active>32</active><nodes>2</nodes><sockets>2</sockets>"
             "<cores>8</cores><threads>2</threads></cpu>", "  <memory>134217728</memory>"]
    for i in range(900):
        role = ROLES[i % len(ROLES)]
        st = 1 if rnd.random() < 0.9 else rnd.choice([3, 5, 5])
        parts.append(domain_xml(rnd, f"{role}-{i:03d}", test_state=st, ns=""))
    parts.append(NET.format(name="farmnet", br="virbr7", mode="nat", ip="10.77.0.1", lo="10.77.0.10", hi="10.77.0.250"))
    parts.append(NET.format(name="storage", br="virbr8", mode="route", ip="10.78.0.1", lo="10.78.0.10",
                            hi="10.78.0.90"))
    vols = "".join(f"<volume type='file'><name>render-{i:03d}-vda.qcow2</name><capacity unit='G'>"
                   f"{rnd.choice([20, 40, 80])}</capacity><allocation unit='G'>{rnd.randrange(1, 20)}</allocation>"
                   "</volume>" for i in range(0, 60, 2))
    parts.append("<pool type='dir'><name>farm-images</name><uuid>35bb2ad9-388a-cdfe-461a-b8907f6e53fe</uuid>"
                 "<capacity unit='T'>4</capacity><allocation unit='G'>900</allocation><available unit='G'>3100"
                 "</available><target><path>/var/lib/framefarm</path></target>" + vols + "</pool>")
    parts.append("</node>\n")
    text = "\n".join(parts).replace("<domain type='kvm'>", "<domain type='test'>")
    (root / "farm-node.xml").write_text(text)


def domains(tmp: Path) -> None:
    root = tmp / "virt"
    (root / "domains").mkdir(parents=True)
    rnd = random.Random(2193)
    plan = [("render-001", []), ("render-002", ["unit"]), ("render-003", []), ("queue-001", ["vcpu", "bus"]),
            ("render-004", ["crash"]), ("render-005", ["dupdisk"]), ("licence-001", ["notype"]),
            ("render-006", ["model"]), ("render-007", ["dupmac"]), ("render-008", []), ("queue-002", ["misplaced"]),
            ("render-009", ["unit", "vcpu", "crash", "model"])]
    frnd = random.Random(2195)
    for i in range(11, 41):
        plan.append((f"render-{i:03d}", frnd.sample(["unit", "vcpu", "bus", "crash", "model", "notype", "misplaced"],
                                                    frnd.choice([0, 0, 0, 1, 1, 2]))))
    for name, faults in plan:
        (root / "domains" / f"{name}.xml").write_text(domain_xml(rnd, name, faults))
    (root / "domains" / "render-010.xml").write_text(domain_xml(rnd, "render-010").replace("</devices>", "</device>"))
    (root / "farmnet.xml").write_text(NET.format(name="farmnet", br="virbr7", mode="natt", ip="10.77.0.1",
                                                 lo="10.77.0.10", hi="10.77.1.250"))
    node_file(root)
    cap("virt-xml-validate-all", "for f in domains/*.xml; do virt-xml-validate $f; done 2>&1; echo EXIT=$?", root,
        n_virt_xml_validate)
    cap("virt-xml-validate-one", "virt-xml-validate domains/render-009.xml domain; virt-xml-validate farmnet.xml "
        "network; virt-xml-validate domains/render-010.xml; echo EXIT=$?; virt-xml-validate farm-node.xml 2>&1 | "
        "head -n 40", root, n_virt_xml_validate)
    c = "virsh -c test://$PWD/farm-node.xml"
    cap("virsh-list-all", f"{c} list --all", root, n_virsh_list)
    cap("virsh-list-tables", f"{c} 'list --state-paused; list --inactive; net-list --all; pool-list --all --details; "
        "vol-list farm-images --details; domblklist render-006 --details; domiflist render-006'", root, n_virsh_list)
    cap("virsh-list-grep", f"{c} list --all | grep -vE 'running' ; {c} list --all --name | wc -l; echo EXIT=$?", root,
        n_virsh_list)
    names = " ".join(f"render-{i:03d}" for i in range(0, 240, 6))
    cap("virsh-dominfo-loop", f"for d in {names} queue-004 licence-005 render-999; do echo \"== $d\"; {c} dominfo $d; "
        "done 2>&1; echo EXIT=$?", root, n_virsh_dominfo)
    cap("virsh-dominfo-node", f"{c} 'nodeinfo; dominfo queue-010; domstate queue-010 --reason; dommemstat render-012; "
        "dominfo nosuch-vm'; echo EXIT=$?", root, n_virsh_dominfo)
    defs = "; ".join(f"define domains/{p.name}" for p in sorted((root / "domains").glob("*.xml")))
    cap("virsh-define-batch", f"virsh -c test:///default '{defs}; list --all' 2>&1; echo EXIT=$?", root,
        n_virsh_define)
    creates = "".join(f"create domains/{p.name}; " for p in sorted((root / "domains").glob("render-0[1-3]*.xml")))
    cap("virsh-create-batch", f"virsh -c test:///default '{creates}list --all' 2>&1 | tail -n 80; echo EXIT=$?; "
        "virsh -c test:///default 'define domains/render-001.xml; start render-001; "
        "define domains/render-003.xml; start render-003; start render-003; undefine render-001; destroy render-001; "
        "undefine render-001; net-define farmnet.xml; create domains/render-008.xml; create domains/render-005.xml; "
        "list --all' 2>&1 | tail -n 40; echo EXIT=$?", root, n_virsh_define)
    cap("virsh-dumpxml-dom", f"{c} dumpxml render-006; {c} dumpxml render-999; echo EXIT=$?; {c} dumpxml queue-010; "
        f"{c} dumpxml --inactive licence-017", root, n_virsh_dumpxml)
    cap("virsh-dumpxml-caps", f"{c} 'capabilities; net-dumpxml farmnet; net-dumpxml storage; pool-dumpxml farm-images; "
        "vol-dumpxml --pool farm-images render-000-vda.qcow2; vol-dumpxml --pool farm-images render-058-vda.qcow2; "
        "vol-dumpxml --pool farm-images render-059-vda.qcow2' 2>&1 | head -n 300", root,
        n_virsh_dumpxml)
    cap("virsh-dumpxml-many", "for d in render-000 queue-004 licence-005 render-030 render-060 render-102 queue-130 "
        f"licence-155 render-210 render-300 queue-400 render-402 licence-503 render-600 render-798; do {c} dumpxml $d; "
        "done", root, n_virsh_dumpxml)


# ------------------------------------------------------------------ the farm's disk images


def qcow2_l2(path: Path) -> tuple[int, list[tuple[int, int]]]:
    """(cluster size, [(file offset of an L2 entry, its value)]) of the allocated entries of a qcow2 file."""
    with open(path, "rb") as f:
        hdr = f.read(104)
        cluster_bits, = struct.unpack(">I", hdr[20:24])
        l1_size, = struct.unpack(">I", hdr[36:40])
        l1_off, = struct.unpack(">Q", hdr[40:48])
        cs = 1 << cluster_bits
        f.seek(l1_off)
        l1 = struct.unpack(f">{l1_size}Q", f.read(8 * l1_size))
        out = []
        for e in l1:
            l2 = e & 0x00FFFFFFFFFFFE00
            if not l2:
                continue
            f.seek(l2)
            ents = struct.unpack(f">{cs // 8}Q", f.read(cs))
            out += [(l2 + 8 * k, v) for k, v in enumerate(ents) if v & 0x00FFFFFFFFFFFE00]
    return cs, out


def poke(path: Path, offset: int, value: int) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(struct.pack(">Q", value))


def writes(rnd: random.Random, n: int, size_mb: int, pat: int) -> str:
    cmds = []
    for _ in range(n):
        off = rnd.randrange(0, size_mb * 16) * 65536
        cmds.append(f"-c 'write -P 0x{pat:02x} {off} {rnd.choice([4096, 65536, 131072, 196608])}'")
        pat = (pat + 7) % 256
    return " ".join(cmds)


def disks(tmp: Path) -> None:
    root = tmp / "img"
    root.mkdir()
    rnd = random.Random(2194)
    q = "qemu-img create -q -f qcow2"
    run(f"{q} base.qcow2 2G && qemu-io -f qcow2 {writes(rnd, 120, 2048, 0x11)} base.qcow2 >/dev/null", cwd=root)
    run(f"{q} -b base.qcow2 -F qcow2 render-001.qcow2 && qemu-io -f qcow2 {writes(rnd, 40, 2048, 0x51)} "
        "render-001.qcow2 >/dev/null", cwd=root)
    run(f"{q} -b render-001.qcow2 -F qcow2 render-001-snap.qcow2 && qemu-io -f qcow2 {writes(rnd, 10, 2048, 0x91)} "
        "render-001-snap.qcow2 >/dev/null", cwd=root)
    run(f"{q} -b gone/base-2026.qcow2 -F qcow2 -u render-002.qcow2 4G", cwd=root)
    run(f"{q} -o cluster_size=4096 scratch.qcow2 512M && qemu-io -f qcow2 {writes(rnd, 400, 512, 0x21)} scratch.qcow2 "
        ">/dev/null && cp scratch.qcow2 scratch-leak.qcow2 && cp scratch.qcow2 scratch-bad.qcow2", cwd=root)
    run("qemu-img create -q -f raw licence.img 256M && qemu-img convert -O qcow2 -c base.qcow2 base-c.qcow2", cwd=root)
    run(f"cp render-001.qcow2 render-001-old.qcow2 && qemu-io -f qcow2 {writes(rnd, 25, 2048, 0xC1)} "
        "render-001.qcow2 >/dev/null", cwd=root)
    cs, ents = qcow2_l2(root / "scratch-leak.qcow2")
    for off, _ in random.Random(5).sample(ents, 320):  # L2 entries zeroed: their clusters leak
        poke(root / "scratch-leak.qcow2", off, 0)
    cs, ents = qcow2_l2(root / "scratch-bad.qcow2")
    pick = random.Random(6).sample(ents, 40)
    for off, v in pick[:14]:  # misaligned data offsets
        poke(root / "scratch-bad.qcow2", off, v + 0x200)
    for (off, v), (_, w) in zip(pick[14:26], pick[26:38]):  # two entries sharing one cluster
        poke(root / "scratch-bad.qcow2", off, w)
    cap("qemu-img-info-chain", "qemu-img info --backing-chain render-001-snap.qcow2", root, n_qemu_img_info)
    cap("qemu-img-info-json", "qemu-img info --output=json --backing-chain render-001-snap.qcow2; "
        "qemu-img info render-002.qcow2; qemu-img info --backing-chain render-002.qcow2; echo EXIT=$?", root,
        n_qemu_img_info)
    cap("qemu-img-info-loop", "for f in *.qcow2 *.img; do qemu-img info -U $f; done 2>&1", root,
        n_qemu_img_info)
    cap("qemu-img-check-leak", "qemu-img check scratch-leak.qcow2; echo EXIT=$?", root, n_qemu_img_check)
    cap("qemu-img-check-bad", "qemu-img check scratch-bad.qcow2; echo EXIT=$?; qemu-img check --output=json "
        "scratch-bad.qcow2 | head -n 30", root,
        n_qemu_img_check)
    cap("qemu-img-check-repair", "cp scratch-leak.qcow2 fix.qcow2 && qemu-img check -r leaks fix.qcow2; "
        "echo EXIT=$?; qemu-img check fix.qcow2; for f in base.qcow2 render-001.qcow2 render-002.qcow2; do "
        "echo \"== $f\"; qemu-img check $f; done", root, n_qemu_img_check)
    cap("qemu-img-compare", "qemu-img compare render-001-old.qcow2 render-001.qcow2; echo EXIT=$?; "
        "qemu-img compare base.qcow2 base-c.qcow2; qemu-img compare -s base.qcow2 render-001.qcow2; "
        "qemu-img compare licence.img base.qcow2; echo EXIT=$?; qemu-img compare -s scratch.qcow2 scratch-leak.qcow2; "
        "qemu-img compare -s scratch.qcow2 scratch-bad.qcow2; echo EXIT=$?; qemu-img compare render-001-snap.qcow2 "
        "render-002.qcow2; qemu-img compare -f raw -F qcow2 licence.img scratch.qcow2; echo EXIT=$?; "
        "for a in base.qcow2 render-001-old.qcow2 scratch.qcow2; do for b in *.qcow2 "
        "licence.img; do echo \"== $a $b\"; qemu-img compare -U $a $b; done; done 2>&1; echo EXIT=$?", root,
        n_qemu_img_compare)
    cap("qemu-img-map-human", "qemu-img map render-001-snap.qcow2", root, n_qemu_img_map)
    cap("qemu-img-map-scratch", "qemu-img map scratch.qcow2 | head -n 100; qemu-img map scratch-bad.qcow2 2>&1 | "
        "tail -n 5; echo EXIT=$?", root, n_qemu_img_map)
    cap("qemu-img-map-json", "qemu-img map --output=json render-001.qcow2 | head -n 300", root, n_qemu_img_map)


STEPS = [domains, disks]
