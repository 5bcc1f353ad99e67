"""Round 173, hardware and addressing: lshw (short table, JSON), lspci -vvv, hwinfo (short listing, detailed records),
inxi, kmod's tools on a kernel without loadable modules, ipcalc and sipcalc. This VM has no DMI table (dmidecode finds
no entry point) and no USB bus (lsusb prints nothing): those tools gave no item. Extractors are the rules of
NEEDLES.md's "Round 173" section. Run through capture_wide173.py."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from capture_more import any_of, kind, run
from capture_wide173 import add, exit_lines


# ------------------------------------------------------------------ extractors

@kind("lshw-short", "table")
def n_lshw_short(lines):
    """Header row, every row with a Device, the first data row (the system), rule 4 on Class."""
    out = exit_lines(lines)
    hi = next((i for i, ln in enumerate(lines) if ln.startswith("H/W path")), None)
    if hi is None:
        return out + [ln for ln in lines if re.search(r"(?i)error|warning", ln)]
    out.append(lines[hi])
    dev_at, cls_at = lines[hi].index("Device"), lines[hi].index("Class")
    desc_at = lines[hi].index("Description")
    rows = [ln for ln in lines[hi + 2:] if ln.strip() and not ln.startswith(("==", "EXIT="))
            and len(ln) > cls_at]
    if rows:
        out.append(rows[0])
    for r in rows:
        if r[dev_at:cls_at].strip():
            out.append(r)
    classes = Counter(r[cls_at:desc_at].strip() for r in rows)
    if classes and classes.most_common(1)[0][1] * 2 >= len(rows):
        out += [r for r in rows if classes[r[cls_at:desc_at].strip()] <= 2]
    return out


@kind("lshw-json", "json")
def n_lshw_json(lines):
    """Every "product", "logicalname" and "driver" line; every "disabled" or unclaimed line."""
    return exit_lines(lines) + [ln for ln in lines if re.search(
        r'"(product|logicalname|driver)"\s*:|"disabled"|"claimed"\s*:\s*false', ln)]


@kind("lspci-vvv", "listing")
def n_lspci_vvv(lines):
    """Every device header line, every `Kernel driver in use:` line, every Unable/error/access denied line."""
    return exit_lines(lines) + [ln for ln in lines if re.match(r"^([0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.\d ", ln)
                                or "Kernel driver in use:" in ln
                                or re.search(r"Unable|[Ee]rror|access denied", ln)]


@kind("hwinfo-short", "listing")
def n_hwinfo_short(lines):
    """Every class heading (unindented line ending ':') and the first device line under each."""
    out = exit_lines(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^\S.*:$", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith(" ") and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out


@kind("hwinfo-detail", "listing")
def n_hwinfo_detail(lines):
    """Every record header (`NN: …`), every Model:, Device File:, Driver: line, every Config Status: avail=no."""
    return exit_lines(lines) + [ln for ln in lines if re.match(r"^\d+: ", ln)
                                or re.match(r"^\s+(Model|Device File|Driver):", ln)
                                or (re.match(r"^\s+Config Status:", ln) and "avail=no" in ln)]


@kind("inxi", "listing")
def n_inxi(lines):
    """Every line opening a section, every N/A beside driver/IF, state: down, or Message: line."""
    return exit_lines(lines) + [ln for ln in lines if re.match(r"^[A-Z][\w ()-]*:", ln)
                                or re.search(r"(driver|IF|IF-ID-\d+): \S+.*N/A|(driver|IF): N/A", ln)
                                or "state: down" in ln or "Message:" in ln]


@kind("kmod-missing", "log")
def n_kmod_missing(lines):
    """Every ERROR/FATAL/Error/not found line (rule 1)."""
    return exit_lines(lines) + [ln for ln in lines if re.search(r"ERROR|FATAL|Error|not found", ln)]


@kind("ipcalc", "listing")
def n_ipcalc(lines):
    """Every Address/Netmask/Network/HostMin/HostMax/Broadcast/Hosts/Net line, every INVALID line."""
    return exit_lines(lines) + [ln for ln in lines if re.match(
        r"^(Address|Netmask|Network|HostMin|HostMax|Broadcast|Hosts/Net):", ln) or "INVALID" in ln]


@kind("sipcalc", "listing")
def n_sipcalc(lines):
    """Every -[…] block header, Network address/mask/range, Usable range, Broadcast address, ERR, split Network line."""
    return exit_lines(lines) + [ln for ln in lines if re.match(r"^-\[", ln) or re.match(
        r"^(Network address|Network mask|Network range|Usable range|Broadcast address)\s", ln) or "ERR" in ln
        or re.match(r"^Network\s+- \S+\s+- \S+", ln)]


# ------------------------------------------------------------------ steps

def cap_hardware(tmp: Path) -> None:
    add("lshw-short", "lshw -short", run("lshw -short"), n_lshw_short)
    add("lshw-json", "lshw -json", run("lshw -json 2>/dev/null"), n_lshw_json)
    add("lshw-json-net", "lshw -json -class network -class disk 2>&1 | head -n 100",
        run("lshw -json -class network -class disk 2>&1 | head -n 100"), n_lshw_json)
    add("lspci-vvv", "lspci -vvv", run("lspci -vvv"), n_lspci_vvv)
    add("lspci-vvv-nn-xxxx", "lspci -vvv -nn -xxxx 2>&1", run("lspci -vvv -nn -xxxx 2>&1"),
        n_lspci_vvv)
    add("hwinfo-short", "hwinfo --short", run("hwinfo --short 2>/dev/null"), n_hwinfo_short)
    add("hwinfo-detail", "hwinfo --cpu --netcard --storage --disk --pci",
        run("hwinfo --cpu --netcard --storage --disk --pci 2>/dev/null"), n_hwinfo_detail)
    add("hwinfo-detail-all", "hwinfo --all",
        run("hwinfo --all 2>/dev/null"), n_hwinfo_detail)
    add("inxi-fxxz", "inxi -Fxxz -c 0", run("inxi -Fxxz -c 0 2>&1"), n_inxi)
    add("inxi-v8", "inxi -v 8 -z -c 0 2>&1 | head -n 100", run("inxi -v 8 -z -c 0 2>&1 | head -n 100"), n_inxi)


def cap_kmod(tmp: Path) -> None:
    loop = ("lsmod; for m in veth bridge sch_netem br_netfilter nf_conntrack 8021q wireguard; do echo \"== $m\"; "
            "modprobe -v $m; modinfo -F filename $m; done; echo EXIT=$?")
    add("kmod-missing-loop", loop, run(loop), n_kmod_missing)
    cmd = ("for m in sch_netem sch_fq_codel cls_u32 act_gact; do modprobe -v $m 2>&1; modinfo -n $m 2>&1; done; "
           "tc qdisc add dev lo root netem loss 10% 2>&1; tc qdisc add dev lo root fq_codel 2>&1; lsmod ; echo EXIT=$?")
    add("kmod-missing-netem", cmd, run(cmd), n_kmod_missing)


def cap_ipcalc(tmp: Path) -> None:
    add("ipcalc-split", "ipcalc -n 10.73.0.0/22 /26", run("ipcalc -n 10.73.0.0/22 /26"), n_ipcalc)
    cmd = ("for c in 10.73.1.2/24 10.73.3.0/25 192.168.300.1/24 172.16.5.4/33 10.73.4.5/30; do ipcalc -n $c; done; "
           "echo EXIT=$?")
    add("ipcalc-loop", cmd, run(cmd), n_ipcalc)
    add("sipcalc-split", "sipcalc -s 27 10.73.0.0/22", run("sipcalc -s 27 10.73.0.0/22"), n_sipcalc)
    cmd = "sipcalc -a 10.73.1.2/24 10.73.300.1/24 fd73::1/64 ; echo EXIT=$?"
    add("sipcalc-all", cmd, run(cmd), n_sipcalc)


STEPS = [cap_hardware, cap_kmod, cap_ipcalc]
