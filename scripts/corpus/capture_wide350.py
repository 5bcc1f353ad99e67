#!/usr/bin/env python3
"""Capture round 350 of the compression corpus: graphics, shader and hardware-design tooling from Debian 12 (gputils'
gpasm and gplink, avra, binutils-avr's avr-objdump, sigrok-cli, Mesa's glxinfo/eglinfo on llvmpipe under xvfb-run,
vulkaninfo on lavapipe, spirv-tools' spirv-as and spirv-link, glslangValidator's reflection, arachne-pnr after yosys)
and esptool's image-info from PyPI (the round's venv), run on inputs written here with faults put in (bad opcodes,
undefined symbols, framing errors and NACKs, bad image magic and checksums, a missing ICD, designs that do not fit).
Every kind is new to the corpus; the extractors below apply NEEDLES.md's "Round 350" rules, fixed before capture.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide350.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide350.json  as {"version": 2, "items": [...]}, ids prefixed "wide350-".
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import struct
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402
from capture_wide224 import exit_lines, pick, shaped  # noqa: E402

ID_PREFIX = "wide350-"
DEFAULT_OUT = HERE / "data" / "wide350.json"
TMP = Path(os.environ.get("HM_WIDE350_TMP", "/dev/shm/hm-corpus-wide350"))
VENV = Path(os.environ.get("HM_WIDE350_VENV", "/dev/shm/hm-corpus-wide350-venv"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 350")

DIAG_RE = (r"error|Error|ERROR|fail|Fail|FAIL|fatal|couldn't|can't|cannot|Can't|Cannot|not found|No such|no such|"
           r"unknown|Unknown|invalid|Invalid|bad |Bad |overflow|CRITICAL|Traceback|Exception")
WARN_RE = r"warning|Warning|WARNING"


def diag(lines) -> list:
    """DIAG: error lines one by one (a shape on more than 3 lines as one {"any"}), warnings one {"any"} per shape, EXIT=."""
    err = pick(lines, DIAG_RE)
    warn = [ln for ln in pick(lines, WARN_RE) if ln not in err]
    return shaped(err) + cm.groups((cm.mask(ln), ln) for ln in warn) + exit_lines(lines)


@kind("gpasm-assemble", "build")
def n_gpasm(lines):
    """Rule 1+3: DIAG, Message[NNN] lines one {"any"} per (code, file), every line with `Errors` and a count or `reported`."""
    msgs = []
    for ln in lines:
        m = re.search(r"Message\s*\[(\d+)\]", ln)
        if m and not re.search(DIAG_RE + "|" + WARN_RE, ln):
            f = re.search(r"[\w./-]+\.(?:asm|inc)", ln)
            msgs.append(((m.group(1), f.group(0) if f else ""), ln))
    counts = [ln for ln in lines if re.search(r"Errors\b.*\d|reported", ln)]
    return diag(lines) + cm.groups(msgs) + counts


@kind("gplink-link", "build")
def n_gplink(lines):
    """Rule 1+3: DIAG, every line naming a missing/undefined/duplicate symbol, every line naming a .hex/.cod/.map written."""
    syms = pick(lines, r"symbol|missing|undefined|duplicate")
    out = [ln for ln in pick(lines, r"\.(hex|cod|map)\b") if re.search(r"writ|creat|generat|\.(hex|cod|map)\s*$", ln)]
    return diag(lines) + syms + out


@kind("avra-assemble", "build")
def n_avra(lines):
    """Rule 1+3+5: DIAG, the [.cseg]/[.dseg]/[.eseg] segment-use lines, every `Assembly complete/aborted` or errors/warnings count line."""
    seg = pick(lines, r"\[\.(cseg|dseg|eseg)\]")
    summ = pick(lines, r"Assembly (complete|aborted)|\d+\s+errors?|\d+\s+warnings?")
    return diag(lines) + seg + summ


@kind("avr-objdump-disasm", "code")
def n_objdump_disasm(lines):
    """Rule 1+6: DIAG, every `Disassembly of section` heading, every `<symbol>:` label line, the `file format` line."""
    return diag(lines) + pick(lines, r"Disassembly of section|^[0-9a-f]+ <[^>]+>:\s*$|file format")


@kind("avr-objdump-headers", "table")
def n_objdump_headers(lines):
    """Rule 1+4+5: DIAG, `file format` lines, the section table header and rows, `SYMBOL TABLE:`, *UND* symbols, symbols in a rare section."""
    out = diag(lines) + pick(lines, r"file format|^Idx Name|^SYMBOL TABLE:")
    out += [ln for ln in lines if re.match(r"^\s+\d+\s+\.?[\w.]+\s+[0-9a-f]{8}\s", ln)]
    syms = [ln for ln in lines if re.match(r"^[0-9a-f]{8}\s.{7}\s+\S+\s+[0-9a-f]{8}\s", ln)]
    out += [ln for ln in syms if "*UND*" in ln]
    secs = [re.split(r"\s+", ln[17:].strip())[0] if len(ln) > 17 else "" for ln in syms]
    c = Counter(secs)
    if syms and c.most_common(1)[0][1] * 2 >= len(syms):
        out += [ln for ln, s in zip(syms, secs) if c[s] <= 2]
    return out


SIGROK_FAULT = r"NACK|error|Error|glitch|break|Break|Parity|parity|Frame"


@kind("sigrok-decode", "log")
def n_sigrok_decode(lines):
    """Rule 1+4+5: DIAG, per decoder its first and last annotation line, rare annotation shapes (numbers masked), every NACK/error/glitch/break/parity/frame line."""
    by: dict[str, list[str]] = {}
    for ln in lines:
        m = re.match(r"^([\w.]+-\d+):\s", ln)
        if m:
            by.setdefault(m.group(1), []).append(ln)
    out = diag(lines)
    for rows in by.values():
        out += [rows[0], rows[-1]]
        shapes = [re.sub(r"\b(0x)?[0-9A-Fa-f]+\b", "#", r.split(":", 1)[1]) for r in rows]
        c = Counter(shapes)
        if c.most_common(1)[0][1] * 2 >= len(rows):
            out += [r for r, s in zip(rows, shapes) if c[s] <= 2]
    return out + pick(lines, SIGROK_FAULT)


def _headings(lines) -> list:
    out = []
    for i, ln in enumerate(lines):
        if ln and not ln[0].isspace() and (ln.rstrip().endswith(":") or re.search(r":\s*$", ln)):
            out.append(ln)
            for nx in lines[i + 1:]:
                if nx.strip():
                    out.append(nx)
                    break
    return out


@kind("sigrok-show", "doc")
def n_sigrok_show(lines):
    """Rule 1+6: DIAG, every heading (a column-0 line ending in `:`) and the first non-blank line after it."""
    return diag(lines) + _headings(lines)


ESP_RE = (r"Image version|Entry point|segments|Segment|Checksum|Validation Hash|Chip ID|chip|Flash size|Flash freq|"
          r"Flash mode|Minimal chip revision|\(invalid|\(valid")


@kind("esptool-image-info", "table")
def n_esptool(lines):
    """Rule 1+5: DIAG (A fatal error occurred), every image version/entry point/segment/checksum/validation hash/chip/flash/min revision/(in)valid line, the ESP32/ESP8266 header line."""
    return diag(lines) + pick(lines, ESP_RE) + [ln for ln in pick(lines, r"ESP32|ESP8266") if "image" in ln.lower()]


GL_RE = (r"direct rendering|vendor string|renderer string|version string|Version:|Device:|Accelerated|Video memory|"
         r"Max core profile|Max compat profile|Max GLES|API:|platform|Platform|EGL API version|EGL vendor|EGL version|"
         r"EGL client APIs")


def _gl(lines) -> list:
    out = diag(lines) + pick(lines, GL_RE)
    i = 0
    while i < len(lines):
        if re.match(r"^\s*visual\s+x\b|^\s+id dep cl\b", lines[i]):
            out.append(lines[i])
            j = i + 1
            rows = []
            while j < len(lines) and (re.match(r"^0x[0-9a-f]+\s", lines[j]) or re.match(r"^-+", lines[j])
                                      or re.match(r"^\s+id dep cl|^\s*visual\s+x", lines[j])):
                if lines[j].startswith("0x"):
                    rows.append(lines[j])
                j += 1
            if rows:
                out += [rows[0], rows[-1]]
            i = j
            continue
        i += 1
    return out


@kind("glxinfo", "doc")
def n_glxinfo(lines):
    """Rule 1+4+5: DIAG, every rendering/vendor/renderer/version/device/memory/max-profile line, each visual table's header row and first and last rows."""
    return _gl(lines)


@kind("eglinfo", "doc")
def n_eglinfo(lines):
    """Rule 1+5: DIAG, every platform/API/vendor/version/renderer/device line (EGL API version, EGL vendor, EGL version, EGL client APIs)."""
    return _gl(lines)


VK_RE = (r"Vulkan Instance Version|apiVersion|driverVersion|vendorID|deviceID|deviceType|deviceName|driverID|"
         r"driverName|driverInfo|conformanceVersion|^GPU\d+:|count =")


@kind("vulkaninfo-summary", "table")
def n_vulkaninfo(lines):
    """Rule 1+3+5: DIAG (ERROR, Cannot create, Failed), every instance-version/apiVersion/driver/vendor/device/conformance line, every GPU<n>: heading and `count =` line."""
    return diag(lines) + pick(lines, VK_RE) + pick(lines, r"Cannot create|Failed")


@kind("spirv-as", "build")
def n_spirv_as(lines):
    """Rule 1+3: DIAG (every error: N: line), the lines naming files written, EXIT=."""
    return diag(lines) + [ln for ln in pick(lines, r"\.spv\b") if re.search(r"writ|wrote|creat|->|^-", ln)]


@kind("spirv-link", "build")
def n_spirv_link(lines):
    """Rule 1: DIAG (unresolved imports, type mismatches), EXIT=."""
    return diag(lines)


@kind("glslang-reflect", "table")
def n_glslang_reflect(lines):
    """Rule 1+5+6: DIAG (ERROR: file:line, N compilation errors), every reflection heading (a column-0 line ending in `:`) and every entry line under them."""
    out = diag(lines)
    inside = False
    for ln in lines:
        if ln and not ln[0].isspace() and ln.rstrip().endswith(":"):
            out.append(ln)
            inside = "reflection" in ln
            continue
        if not ln.strip():
            continue
        if inside and re.match(r"^\S.*: ", ln):
            out.append(ln)
        elif not re.match(r"^\S.*: ", ln):
            inside = False
    return out


@kind("arachne-pnr-log", "build")
def n_arachne(lines):
    """Rule 1+3+5: DIAG (fatal error:), every count line of the After packing/After placement blocks, every place/route time, passes, wire, routing count line, every unplaced/constrain/pcf line."""
    out = diag(lines)
    block = False
    for ln in lines:
        if re.match(r"^After (packing|placement):", ln):
            block = True
            out.append(ln)
            continue
        if block:
            if ln.strip() and re.search(r"\d", ln):
                out.append(ln)
                continue
            block = False
    out += [ln for ln in pick(lines, r"place time|route time|passes|\bwire|routing") if re.search(r"\d", ln)]
    return out + pick(lines, r"unplaced|constrain|\.pcf|pcf")


# ------------------------------------------------------------------ PIC assembly (gputils)

PIC_HEAD = """\
        list    p=16f877a
        #include <p16f877a.inc>
        __CONFIG _CP_OFF & _WDT_OFF & _HS_OSC & _PWRTE_ON & _LVP_OFF
"""


def pic_source(seed: int, n: int, faults: dict) -> str:
    """A PIC16 program of n routines; faults maps routine index to a fault name."""
    rnd = random.Random(seed)
    out = [PIC_HEAD, "        cblock 0x20", "        count, temp, acc, flags", "        endc", "",
           "        org 0x0000", "        goto main", ""]
    calls = []
    for i in range(n):
        name = f"task_{i:03d}"
        calls.append(name)
        f = faults.get(i)
        body = [f"{name}:"]
        body.append(f"        movlw   0x{rnd.randrange(256):02X}")
        body.append("        movwf   temp")
        if f == "opcode":
            body.append("        movwq   temp, 1")
        elif f == "label":
            body.append(f"        goto    missing_{i}")
        elif f == "bank":
            body.append("        movwf   TRISB")  # no banksel: gpasm's Message[302]
        elif f == "range":
            body.append("        movlw   0x1FF")
        elif f == "dup":
            body.append("task_000:")
        elif f == "arg":
            body.append("        addwf   temp, 3")
        else:
            body.append(f"        addwf   acc, {rnd.choice('FW')}")
        body += [f"        decfsz  count, F", f"        goto    {name}", "        return", ""]
        out += body
    out += ["main:", "        banksel PORTB", "        clrf    PORTB"]
    out += [f"        call    {c}" for c in calls]
    out += ["        goto    main", "        end", ""]
    return "\n".join(out)


def cap_gputils(tmp: Path) -> None:
    d = tmp / "pic"
    d.mkdir()
    (d / "blinky.asm").write_text(pic_source(3501, 40, {5: "bank", 17: "bank", 30: "range"}))
    cap("gpasm-messages", "gpasm -p p16f877a blinky.asm; echo EXIT=$?; tail -n 12 blinky.lst", d, n_gpasm, timeout=60)
    (d / "motor.asm").write_text(pic_source(3502, 120, {3: "opcode", 20: "label", 44: "bank", 60: "arg", 77: "dup",
                                                        90: "label", 101: "range"}))
    cap("gpasm-errors", "gpasm motor.asm; echo EXIT=$?", d, n_gpasm, timeout=60)
    for j, name in enumerate(["uart", "adc", "pwm", "lcd"]):
        faults = {k: rnd for k, rnd in zip(range(4 + j, 200, 23 + j), ["bank", "label", "opcode", "bank", "arg", "range"])}
        (d / f"{name}.asm").write_text(pic_source(3510 + j, 60 + 20 * j, faults))
    cap("gpasm-loop", "for f in uart adc pwm lcd; do echo \"== $f\"; gpasm $f.asm; echo EXIT=$?; done 2>&1; "
        "grep -h 'Errors' *.lst", d, n_gpasm, timeout=120)
    big_faults = {k: f for k, f in zip(range(9, 600, 13), ["bank", "label", "opcode", "range", "arg", "bank", "label"] * 20)}
    (d / "controller.asm").write_text(pic_source(3515, 520, big_faults))
    cap("gpasm-big", "gpasm controller.asm; echo EXIT=$?", d, n_gpasm, timeout=120)
    (d / "pump.asm").write_text(pic_source(3516, 150, {12: "bank", 40: "range", 77: "label", 121: "bank"}))
    cap("gpasm-lst", "gpasm pump.asm; echo EXIT=$?; head -n 700 pump.lst; tail -n 25 pump.lst", d, n_gpasm, timeout=120)
    # relocatable objects for gplink: a main that calls externs, one of which nobody defines
    (d / "lmain.asm").write_text(
        "        list p=16f877a\n        #include <p16f877a.inc>\n        extern  init_uart, send_byte, read_adc, "
        "scale_value, log_sample\n        global  main\nRST     code    0x0000\n        pagesel main\n        goto    main\n"
        "MAIN    code\nmain:\n" + "".join(f"        call    {s}\n" for s in
                                        ["init_uart", "read_adc", "scale_value", "send_byte", "log_sample"] * 4)
        + "        goto    main\n        end\n")
    lib = ["        list p=16f877a\n        #include <p16f877a.inc>\n        global init_uart, send_byte, read_adc\n"
           "        udata\nbuf     res 4\nLIB     code\n"]
    for s in ["init_uart", "send_byte", "read_adc"]:
        lib.append(f"{s}:\n" + "".join(f"        movlw   0x{k:02X}\n        movwf   buf\n" for k in range(12)) + "        return\n")
    (d / "llib.asm").write_text("".join(lib) + "        end\n")
    (d / "ldup.asm").write_text("        list p=16f877a\n        #include <p16f877a.inc>\n        global read_adc\n"
                                "DUP     code\nread_adc:\n        retlw 0\n        end\n")
    cap("gplink-unresolved", "gpasm -c lmain.asm && gpasm -c llib.asm && gplink -m -o app.hex lmain.o llib.o; "
        "echo EXIT=$?; ls -la *.o *.hex *.map 2>&1", d, n_gplink, timeout=60)
    cap("gplink-dup", "gpasm -c ldup.asm; gplink -m -s /usr/share/gputils/lkr/16f877a_g.lkr -o app2.hex lmain.o "
        "llib.o ldup.o; echo EXIT=$?; gplink --help | head -n 30", d, n_gplink, timeout=60)


# ------------------------------------------------------------------ AVR (avra, avr-as, avr-objdump)

def avra_source(seed: int, n: int, faults: dict) -> str:
    rnd = random.Random(seed)
    out = [".include \"m8def.inc\"", ".dseg", "buf: .byte 32", ".cseg", ".org 0x0000", "        rjmp reset", ""]
    for i in range(n):
        f = faults.get(i)
        out.append(f"routine_{i}:")
        out.append(f"        ldi r{16 + rnd.randrange(8)}, 0x{rnd.randrange(256):02X}")
        if f == "reg":
            out.append("        ldi r3, 0x10")
        elif f == "label":
            out.append(f"        rjmp nowhere_{i}")
        elif f == "opcode":
            out.append("        movx r16, r17")
        elif f == "range":
            out.append("        ldi r16, 0x1234")
        elif f == "dup":
            out.append("routine_0:")
        else:
            out.append(f"        add r{16 + rnd.randrange(8)}, r{16 + rnd.randrange(8)}")
        out += ["        out PORTB, r16", "        ret", ""]
    out += ["reset:", "        ldi r16, low(RAMEND)", "        out SPL, r16", "        ldi r16, high(RAMEND)",
            "        out SPH, r16"] + [f"        rcall routine_{i}" for i in range(n)] + ["        rjmp reset", ""]
    out += [".eseg", "cal: .db 1, 2, 3, 4", ""]
    return "\n".join(out)


AVR_GAS = """\
        .section .text
        .global {name}
{name}:
"""


def avr_gas(seed: int, n: int, ext: bool) -> str:
    rnd = random.Random(seed)
    out = ["        .data", "table:  .byte " + ", ".join(str(rnd.randrange(256)) for _ in range(16)),
           "        .section .bss", "        .lcomm state, 8", "        .text"]
    for i in range(n):
        name = f"fn_{rnd.choice(['adc', 'uart', 'spi', 'twi', 'timer', 'pwm'])}_{i}"
        out += [f"        .global {name}", f"        .type {name}, @function", f"{name}:"]
        for _ in range(rnd.randrange(4, 14)):
            op = rnd.choice(["ldi r24, {v}", "add r24, r25", "lsl r24", "mov r18, r24", "sts state, r24",
                             "lds r25, state", "subi r24, {v}", "andi r24, {v}", "inc r18", "push r28", "pop r28"])
            out.append("        " + op.format(v=rnd.randrange(256)))
        if ext and i % 5 == 2:
            out.append(f"        call ext_handler_{i}")
        out.append("        ret")
        out.append(f"        .size {name}, .-{name}")
    return "\n".join(out) + "\n"


def cap_avr(tmp: Path) -> None:
    d = tmp / "avr"
    d.mkdir()
    inc = "/usr/share/avra"
    (d / "clean.asm").write_text(avra_source(3520, 30, {}))
    cap("avra-ok", f"avra -I {inc} clean.asm; echo EXIT=$?", d, n_avra, timeout=60)
    (d / "sensor.asm").write_text(avra_source(3521, 80, {4: "reg", 11: "label", 25: "opcode", 40: "range",
                                                        52: "label", 66: "dup"}))
    cap("avra-errors", f"avra -I {inc} sensor.asm; echo EXIT=$?; avra -I {inc} -l clean.lst clean.asm; echo EXIT=$?; "
        "tail -n 30 clean.lst", d, n_avra, timeout=60)
    for j, nm in enumerate(["servo", "keypad", "logger"]):
        (d / f"{nm}.asm").write_text(avra_source(3522 + j, 40 + 30 * j, {7 + j: "label", 19: "reg", 33 - j: "range"}))
    cap("avra-loop", f"for f in servo keypad logger; do echo \"== $f\"; avra -I {inc} $f.asm; echo EXIT=$?; done 2>&1",
        d, n_avra, timeout=120)
    (d / "station.asm").write_text(avra_source(3525, 220, {30: "label", 90: "reg", 150: "range", 151: "range"}))
    (d / "station_ok.asm").write_text(avra_source(3526, 260, {120: "range"}))
    cap("avra-big", f"avra -I {inc} station.asm; echo EXIT=$?; avra -I {inc} -l station_ok.lst station_ok.asm; "
        "echo EXIT=$?; head -n 900 station_ok.lst", d, n_avra, timeout=120)
    for nm, seed, n, ext in [("drv", 3530, 40, False), ("app", 3531, 160, True), ("big", 3532, 400, True)]:
        (d / f"{nm}.S").write_text(avr_gas(seed, n, ext))
        cm.run(f"avr-as -mmcu=atmega328p -o {nm}.o {nm}.S", cwd=d, timeout=60)
    cap("objdump-d-drv", "avr-objdump -d drv.o", d, n_objdump_disasm, timeout=60)
    cap("objdump-d-app", "avr-objdump -d -r app.o", d, n_objdump_disasm, timeout=60)
    (d / "notes.bin").write_bytes(bytes(random.Random(3533).randrange(256) for _ in range(900)))
    cap("objdump-d-mixed", "avr-objdump -d drv.o notes.bin missing.o; echo EXIT=$?", d, n_objdump_disasm, timeout=60)
    cap("objdump-ht-drv", "avr-objdump -h -t drv.o", d, n_objdump_headers, timeout=60)
    cap("objdump-ht-app", "avr-objdump -h -t app.o; echo EXIT=$?", d, n_objdump_headers, timeout=60)
    cap("objdump-x-big", "avr-objdump -x big.o notes.bin; echo EXIT=$?", d, n_objdump_headers, timeout=60)


# ------------------------------------------------------------------ sigrok-cli on VCD captures written here

class Vcd:
    """A VCD file at 1 us timescale, changes recorded per signal."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.ids = {n: chr(33 + i) for i, n in enumerate(names)}
        self.state = {n: 1 for n in names}
        self.events: list[tuple[int, str, int]] = []
        self.t = 0

    def set(self, name: str, v: int) -> None:
        if self.state[name] != v:
            self.state[name] = v
            self.events.append((self.t, name, v))

    def wait(self, us: int) -> None:
        self.t += us

    def write(self, p: Path) -> None:
        out = ["$timescale 1 us $end", "$scope module top $end"]
        out += [f"$var wire 1 {self.ids[n]} {n} $end" for n in self.names]
        out += ["$upscope $end", "$enddefinitions $end", "#0"] + [f"1{self.ids[n]}" for n in self.names]
        last = 0
        for t, n, v in self.events:
            if t != last:
                out.append(f"#{t}")
                last = t
            out.append(f"{v}{self.ids[n]}")
        out.append(f"#{self.t + 100}")
        p.write_text("\n".join(out) + "\n")


def uart_vcd(p: Path, data: bytes, bad: set, bit_us: int = 104) -> None:
    v = Vcd(["rx"])
    v.wait(500)
    for i, b in enumerate(data):
        v.set("rx", 0)
        v.wait(bit_us)
        for k in range(8):
            v.set("rx", (b >> k) & 1)
            v.wait(bit_us)
        v.set("rx", 0 if i in bad else 1)  # a missing stop bit: a framing error
        v.wait(bit_us)
        v.set("rx", 1)
        v.wait(bit_us * 2)
    v.write(p)


def i2c_vcd(p: Path, txns: list[tuple[int, bytes, set]]) -> None:
    v = Vcd(["scl", "sda"])
    v.wait(50)
    h = 5
    for addr, data, nack in txns:
        v.set("sda", 0)
        v.wait(h)
        v.set("scl", 0)
        v.wait(h)
        for idx, byte in enumerate([addr] + list(data)):
            for k in range(7, -1, -1):
                v.set("sda", (byte >> k) & 1)
                v.wait(h)
                v.set("scl", 1)
                v.wait(h)
                v.set("scl", 0)
            v.set("sda", 1 if idx in nack else 0)
            v.wait(h)
            v.set("scl", 1)
            v.wait(h)
            v.set("scl", 0)
            v.wait(h)
            if idx in nack:
                break
        v.set("sda", 0)
        v.wait(h)
        v.set("scl", 1)
        v.wait(h)
        v.set("sda", 1)
        v.wait(40)
    v.write(p)


def spi_vcd(p: Path, frames: list[bytes], short: set) -> None:
    v = Vcd(["cs", "clk", "mosi", "miso"])
    v.set("clk", 0)
    v.wait(20)
    rnd = random.Random(3540)
    for fi, fr in enumerate(frames):
        v.set("cs", 0)
        v.wait(4)
        for bi, b in enumerate(fr):
            bits = 5 if (fi in short and bi == len(fr) - 1) else 8
            r = rnd.randrange(256)
            for k in range(7, 7 - bits, -1):
                v.set("mosi", (b >> k) & 1)
                v.set("miso", (r >> k) & 1)
                v.wait(2)
                v.set("clk", 1)
                v.wait(2)
                v.set("clk", 0)
        v.wait(4)
        v.set("cs", 1)
        v.wait(20)
    v.write(p)


def cap_sigrok(tmp: Path) -> None:
    d = tmp / "sigrok"
    d.mkdir()
    rnd = random.Random(3541)
    text = b"".join(f"T={20 + rnd.random() * 5:.2f} RH={40 + rnd.random() * 20:.1f} OK\r\n".encode() for _ in range(18))
    uart_vcd(d / "console.vcd", text, {37, 38, 150, 291})
    cap("uart-rx", "sigrok-cli -I vcd -i console.vcd -P uart:rx=rx:baudrate=9600 -A uart=rx-data:rx-warnings",
        d, n_sigrok_decode, timeout=120)
    boot = b"".join(f"[{k:04d}] boot stage {k % 7} ready\n".encode() for k in range(12))
    uart_vcd(d / "boot.vcd", boot, {100, 200})
    cap("uart-full", "sigrok-cli -I vcd -i boot.vcd -P uart:rx=rx:baudrate=9600 2>&1 | head -n 2400",
        d, n_sigrok_decode, timeout=120)
    tx = []
    for k in range(40):
        addr = 0x48 if k % 9 else 0x3C
        tx.append(((addr << 1) | (k % 2), bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 4))),
                   {0} if k in (13, 31) else ({2} if k == 22 else set())))
    i2c_vcd(d / "sensor_i2c.vcd", tx)
    cap("i2c", "sigrok-cli -I vcd -i sensor_i2c.vcd -P i2c:scl=scl:sda=sda", d, n_sigrok_decode, timeout=120)
    cap("i2c-addr-data", "sigrok-cli -I vcd -i sensor_i2c.vcd -P i2c:scl=scl:sda=sda -A i2c=address-read:"
        "address-write:data-read:data-write:ack:nack", d, n_sigrok_decode, timeout=120)
    frames = [bytes([0x9F if k % 10 == 0 else 0x03, *(rnd.randrange(256) for _ in range(3))]) for k in range(50)]
    spi_vcd(d / "flash_spi.vcd", frames, {17, 42})
    cap("spi", "sigrok-cli -I vcd -i flash_spi.vcd -P spi:clk=clk:mosi=mosi:miso=miso:cs=cs 2>&1 | head -n 3000",
        d, n_sigrok_decode, timeout=120)
    cap("show-uart", "sigrok-cli --show -P uart", d, n_sigrok_show, timeout=60)
    cap("show-i2c-bad", "sigrok-cli --show -P i2c; sigrok-cli --show -P i2cx; echo EXIT=$?", d, n_sigrok_show, timeout=60)
    cap("list-L", "sigrok-cli -L 2>&1 | head -n 400", d, n_sigrok_show, timeout=60)


# ------------------------------------------------------------------ esptool image-info on images written here

def esp_image(seed: int, segs: int, esp32: bool, bad_checksum: bool = False, bad_magic: bool = False,
              truncate: bool = False, chip_id: int = 0, hashed: bool = False) -> bytes:
    rnd = random.Random(seed)
    magic = 0xE5 if bad_magic else 0xE9
    hdr = struct.pack("<BBBBI", magic, segs, 2, 0x20, 0x40080000 + rnd.randrange(0x1000) * 4)
    if esp32:
        hdr += struct.pack("<B3sHBHH4sB", 0xEE, b"\0\0\0", chip_id, 0, 0, 0xFFFF, b"\0\0\0\0", 1 if hashed else 0)
    body = b""
    csum = 0xEF
    addrs = [0x3FFB0000, 0x40080000, 0x400D0020, 0x3F400020, 0x3FFBDB60, 0x40090000]
    for i in range(segs):
        n = 4 * rnd.randrange(16, 600)
        data = bytes(rnd.randrange(256) for _ in range(n))
        for b in data:
            csum ^= b
        body += struct.pack("<II", addrs[i % len(addrs)] + 0x100 * i, n) + data
    img = hdr + body
    pad = 15 - (len(img) % 16)
    img += b"\0" * pad + bytes([(csum ^ 0x5A) if bad_checksum else csum])
    if hashed:
        img += hashlib.sha256(img).digest()
    if truncate:
        img = img[: len(img) // 2]
    return img


def cap_esptool(tmp: Path) -> None:
    d = tmp / "esp"
    d.mkdir()
    (d / "app.bin").write_bytes(esp_image(3550, 5, True, hashed=True))
    (d / "app_badsum.bin").write_bytes(esp_image(3551, 4, True, bad_checksum=True))
    (d / "blink8266.bin").write_bytes(esp_image(3552, 3, False))
    (d / "ota_c3.bin").write_bytes(esp_image(3553, 6, True, chip_id=5))
    (d / "cut.bin").write_bytes(esp_image(3554, 4, True, truncate=True))
    (d / "junk.bin").write_bytes(esp_image(3555, 2, True, bad_magic=True))
    e = f"{VENV}/bin/esptool"
    cap("image-info-app", f"{e} image-info app.bin; echo EXIT=$?", d, n_esptool, timeout=60,
        typed="esptool image-info app.bin; echo EXIT=$?")
    cap("image-info-badsum", f"{e} image-info app_badsum.bin; echo EXIT=$?", d, n_esptool, timeout=60,
        typed="esptool image-info app_badsum.bin; echo EXIT=$?")
    loop = "for f in blink8266 ota_c3 cut junk; do echo \"== $f.bin\"; {e} image-info $f.bin; echo EXIT=$?; done 2>&1"
    cap("image-info-loop", loop.format(e=e), d, n_esptool, timeout=120, typed=loop.format(e="esptool"))
    names = []
    for k in range(14):
        nm = f"fw_{k:02d}.bin"
        names.append(nm)
        (d / nm).write_bytes(esp_image(3560 + k, 2 + k % 5, k % 4 != 3, bad_checksum=k in (5, 11),
                                       truncate=k == 8, bad_magic=k == 12, chip_id=[0, 2, 5, 9, 12, 13][k % 6],
                                       hashed=k % 3 == 0))
    many = "for f in fw_*.bin; do echo \"== $f\"; {e} image-info $f; echo EXIT=$?; done 2>&1"
    cap("image-info-many", many.format(e=e), d, n_esptool, timeout=300, typed=many.format(e="esptool"))


# ------------------------------------------------------------------ Mesa: glxinfo, eglinfo, vulkaninfo

GL_ENV = {"XDG_RUNTIME_DIR": None, "DISPLAY": ":350"}
NO_DISPLAY = {"XDG_RUNTIME_DIR": None, "DISPLAY": None}


def cap_mesa(tmp: Path) -> None:
    """One Xvfb on display :350 (no TCP) for the round's GL runs; cm.capture_main stops it."""
    import time
    d = tmp / "mesa"
    d.mkdir()
    cm.start(["Xvfb", ":350", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], cwd=d)
    time.sleep(3)
    cap("glxinfo-B", "glxinfo -B", d, n_glxinfo, timeout=120, env=GL_ENV)
    cap("glxinfo-full", "glxinfo | head -n 1500", d, n_glxinfo, timeout=120, env=GL_ENV)
    cap("glxinfo-l-override", "MESA_GL_VERSION_OVERRIDE=5.9 glxinfo -l 2>&1 | head -n 400; "
        "DISPLAY=:351 glxinfo -B; echo EXIT=$?", d, n_glxinfo, timeout=120, env=GL_ENV)
    cap("glxinfo-nodisplay", "glxinfo -B; echo EXIT=$?; LIBGL_ALWAYS_SOFTWARE=1 DISPLAY=:350 glxinfo -i -B 2>&1; "
        "echo EXIT=$?", d, n_glxinfo, timeout=120, env=NO_DISPLAY)
    cap("eglinfo", "eglinfo 2>&1", d, n_eglinfo, timeout=120, env=GL_ENV)
    cap("eglinfo-nodisplay", "eglinfo 2>&1 | head -n 300; echo EXIT=$?", d, n_eglinfo, timeout=120, env=NO_DISPLAY)
    cap("vk-summary", "vulkaninfo --summary", d, n_vulkaninfo, timeout=120, env=NO_DISPLAY)
    cap("vk-noicd", "VK_ICD_FILENAMES=/etc/vulkan/icd.d/amd_icd64.json vulkaninfo --summary; echo EXIT=$?; "
        "ls /usr/share/vulkan/icd.d/", d, n_vulkaninfo, timeout=120, env=NO_DISPLAY)
    cap("vk-layer", "VK_INSTANCE_LAYERS=VK_LAYER_KHRONOS_validation vulkaninfo --summary; echo EXIT=$?", d,
        n_vulkaninfo, timeout=120, env=NO_DISPLAY)


# ------------------------------------------------------------------ SPIR-V and GLSL

SPV_OK = """\
               OpCapability Shader
          %1 = OpExtInstImport "GLSL.std.450"
               OpMemoryModel Logical GLSL450
               OpEntryPoint Fragment %main "main" %color
               OpExecutionMode %main OriginUpperLeft
               OpDecorate %color Location 0
       %void = OpTypeVoid
          %3 = OpTypeFunction %void
      %float = OpTypeFloat 32
    %v4float = OpTypeVector %float 4
%_ptr_Output_v4float = OpTypePointer Output %v4float
      %color = OpVariable %_ptr_Output_v4float Output
    %float_1 = OpConstant %float 1
         %11 = OpConstantComposite %v4float %float_1 %float_1 %float_1 %float_1
       %main = OpFunction %void None %3
          %5 = OpLabel
               OpStore %color %11
               OpReturn
               OpFunctionEnd
"""


def spv_variants() -> dict[str, str]:
    return {
        "ok.spvasm": SPV_OK,
        "typo_opcode.spvasm": SPV_OK.replace("OpStore %color %11", "OpStroe %color %11"),
        "undef_id.spvasm": SPV_OK.replace("OpStore %color %11", "OpStore %colour %11"),
        "bad_enum.spvasm": SPV_OK.replace("OriginUpperLeft", "OriginTopLeft"),
        "bad_literal.spvasm": SPV_OK.replace("OpConstant %float 1", "OpConstant %float 1.0.0"),
        "redef.spvasm": SPV_OK.replace("%5 = OpLabel", "%color = OpLabel"),
        "bad_cap.spvasm": SPV_OK.replace("OpCapability Shader", "OpCapability Shaders"),
        "missing_operand.spvasm": SPV_OK.replace("OpDecorate %color Location 0", "OpDecorate %color Location"),
        "bad_version.spvasm": "; SPIR-V\n; Version: 9.9\n" + SPV_OK,
    }


LINK_LIB = """\
               OpCapability Linkage
               OpCapability Shader
               OpMemoryModel Logical GLSL450
               OpDecorate %scale LinkageAttributes "scale" Export
               OpDecorate %bias LinkageAttributes "bias" Export
       %void = OpTypeVoid
      %float = OpTypeFloat 32
         %fn = OpTypeFunction %float %float
      %scale = OpFunction %float None %fn
          %x = OpFunctionParameter %float
          %l = OpLabel
          %r = OpFMul %float %x %x
               OpReturnValue %r
               OpFunctionEnd
       %bias = OpFunction %float None %fn
         %x2 = OpFunctionParameter %float
         %l2 = OpLabel
               OpReturnValue %x2
               OpFunctionEnd
"""

LINK_MAIN = """\
               OpCapability Linkage
               OpCapability Shader
               OpMemoryModel Logical GLSL450
               OpDecorate %scale LinkageAttributes "scale" Import
               OpDecorate %clamp01 LinkageAttributes "clamp01" Import
               OpDecorate %run LinkageAttributes "run" Export
       %void = OpTypeVoid
      %float = OpTypeFloat 32
         %fn = OpTypeFunction %float %float
      %scale = OpFunction %float None %fn
          %x = OpFunctionParameter %float
               OpFunctionEnd
    %clamp01 = OpFunction %float None %fn
          %y = OpFunctionParameter %float
               OpFunctionEnd
        %run = OpFunction %float None %fn
          %z = OpFunctionParameter %float
          %l = OpLabel
          %a = OpFunctionCall %float %scale %z
          %b = OpFunctionCall %float %clamp01 %a
               OpReturnValue %b
               OpFunctionEnd
"""

GLSL_UBO = """\
#version 450
layout(std140, binding = 0) uniform Camera {{ mat4 view; mat4 proj; vec4 eye; }} cam;
layout(std140, binding = 1) uniform Material {{ vec4 albedo; float roughness; float metallic; vec2 pad; }} mat;
layout(std430, binding = 2) buffer Lights {{ vec4 pos[{n}]; vec4 color[{n}]; uint count; }} lights;
layout(binding = 3) uniform sampler2D albedoTex;
layout(binding = 4) uniform sampler2D normalTex;
layout(binding = 5) uniform samplerCube envMap;
uniform float exposure;
uniform int debugMode;
layout(location = 0) in vec3 vNormal;
layout(location = 1) in vec2 vUv;
layout(location = 2) in vec3 vWorld;
layout(location = 0) out vec4 outColor;
layout(location = 1) out vec4 outNormal;
void main() {{
    vec3 n = normalize(texture(normalTex, vUv).xyz * 2.0 - 1.0 + vNormal);
    vec3 c = vec3(0.0);
    for (uint i = 0u; i < lights.count; ++i) {{
        vec3 l = normalize(lights.pos[i].xyz - vWorld);
        c += lights.color[i].rgb * max(dot(n, l), 0.0);
    }}
    c *= texture(albedoTex, vUv).rgb * mat.albedo.rgb * exposure;
    c += texture(envMap, reflect(vWorld - cam.eye.xyz, n)).rgb * mat.metallic;
    outColor = debugMode == 1 ? vec4(n, 1.0) : vec4(c, 1.0) * (cam.proj * cam.view)[0][0];
    outNormal = vec4(n * 0.5 + 0.5, mat.roughness);
    {fault}
}}
"""


def cap_shaders(tmp: Path) -> None:
    d = tmp / "spv"
    d.mkdir()
    files = spv_variants()
    for n, body in files.items():
        (d / n).write_text(body)
    cap("spirv-as-loop", "for f in *.spvasm; do echo \"== $f\"; spirv-as $f -o ${f%.spvasm}.spv; echo EXIT=$?; done "
        "2>&1; ls -la *.spv", d, n_spirv_as, timeout=120)
    cap("spirv-as-env", "for e in vulkan1.0 spv1.0 opengl4.5 vulkan9.9; do echo \"== --target-env $e\"; "
        "spirv-as --target-env $e bad_cap.spvasm -o /dev/null; spirv-as --target-env $e ok.spvasm -o ok_$e.spv; "
        "echo EXIT=$?; done 2>&1; spirv-as --version", d, n_spirv_as, timeout=120)
    (d / "lib.spvasm").write_text(LINK_LIB)
    (d / "main.spvasm").write_text(LINK_MAIN)
    (d / "lib2.spvasm").write_text(LINK_LIB.replace('"bias"', '"scale"').replace("%float %x %x", "%float %x %x"))
    cm.run("for f in lib main lib2; do spirv-as $f.spvasm -o $f.spv; done", cwd=d, timeout=60)
    cap("spirv-link-unresolved", "spirv-link main.spv lib.spv -o app.spv; echo EXIT=$?; "
        "spirv-link --create-library main.spv lib.spv -o applib.spv; echo EXIT=$?; spirv-link --help", d,
        n_spirv_link, timeout=60)
    cap("spirv-link-dup", "spirv-link lib.spv lib2.spv main.spv -o all.spv; echo EXIT=$?; "
        "spirv-link --verify-ids --target-env vulkan1.1 main.spv missing.spv -o x.spv; echo EXIT=$?; "
        "spirv-link main.spv ok.spv -o y.spv; echo EXIT=$?; spirv-link --version; spirv-link --help | head -n 20", d, n_spirv_link, timeout=60)
    g = tmp / "glsl"
    g.mkdir()
    (g / "pbr.frag").write_text(GLSL_UBO.format(n=16, fault=""))
    (g / "pbr_big.frag").write_text(GLSL_UBO.format(n=64, fault=""))
    (g / "broken.frag").write_text(GLSL_UBO.format(n=8, fault="outColor = texture(missingTex, vUv); float x = vUv;"))
    (g / "skin.vert").write_text(
        "#version 450\n" + "".join(f"layout(location = {k}) in vec4 attr{k};\n" for k in range(12))
        + "layout(std140, binding = 0) uniform Bones { mat4 bone[64]; mat4 mvp; } b;\n"
        + "".join(f"layout(location = {k}) out vec4 var{k};\n" for k in range(8))
        + "void main() {\n    mat4 m = b.bone[int(attr4.x)] * attr5.x + b.bone[int(attr4.y)] * attr5.y;\n"
        + "".join(f"    var{k} = m * attr{k};\n" for k in range(8)) + "    gl_Position = b.mvp * m * attr0;\n}\n")
    for k in range(10):
        (g / f"mat{k}.frag").write_text(GLSL_UBO.format(n=4 + 4 * k, fault="float y = vUv;" if k in (3, 7) else ""))
    cap("reflect-many", "for f in mat*.frag; do glslangValidator -l -q $f; echo EXIT=$?; done 2>&1", g,
        n_glslang_reflect, timeout=120)
    cap("reflect-frag", "glslangValidator -l -q pbr.frag", g, n_glslang_reflect, timeout=60)
    cap("reflect-vert-big", "glslangValidator -l -q skin.vert pbr_big.frag; echo EXIT=$?", g, n_glslang_reflect, timeout=60)
    cap("reflect-broken", "glslangValidator -l -q broken.frag; echo EXIT=$?; glslangValidator -l -q pbr.frag", g,
        n_glslang_reflect, timeout=60)


# ------------------------------------------------------------------ iCE40: yosys + arachne-pnr

def verilog_counter_bank(n: int, width: int) -> str:
    regs = "\n".join(f"    reg [{width - 1}:0] c{k};" for k in range(n))
    upd = "\n".join(f"        c{k} <= c{k} + {k + 1};" for k in range(n))
    xor = " ^ ".join(f"c{k}[{width - 1}:{width - 8}]" for k in range(n))
    return (f"module top(input clk, input rst, output [7:0] led, output tx);\n{regs}\n"
            f"    always @(posedge clk) begin\n        if (rst) begin\n"
            + "\n".join(f"            c{k} <= 0;" for k in range(n))
            + f"\n        end else begin\n{upd}\n        end\n    end\n    assign led = {xor};\n"
            f"    assign tx = c0[{width - 1}];\nendmodule\n")


PCF_OK = "set_io clk 21\nset_io rst 78\nset_io tx 8\n" + "".join(f"set_io led[{k}] {p}\n" for k, p in
                                                               enumerate([99, 98, 97, 96, 95, 112, 113, 114]))


def cap_ice40(tmp: Path) -> None:
    d = tmp / "ice"
    d.mkdir()
    for nm, n, w in [("small", 4, 16), ("mid", 24, 24), ("huge", 90, 32)]:
        (d / f"{nm}.v").write_text(verilog_counter_bank(n, w))
        cm.run(f"nice yosys -q -p 'synth_ice40 -blif {nm}.blif' {nm}.v", cwd=d, timeout=300)
    (d / "ok.pcf").write_text(PCF_OK)
    (d / "bad.pcf").write_text(PCF_OK.replace("set_io tx 8", "set_io tx 999\nset_io uart_rx 7"))
    cap("arachne-small", "arachne-pnr -d 1k -P tq144 -p ok.pcf small.blif -o small.asc; echo EXIT=$?", d, n_arachne,
        timeout=300)
    cap("arachne-mid", "arachne-pnr -d 1k -P tq144 -p ok.pcf mid.blif -o mid.asc; echo EXIT=$?", d, n_arachne,
        timeout=300)
    cap("arachne-huge", "arachne-pnr -d 1k -P tq144 -p ok.pcf huge.blif -o huge.asc; echo EXIT=$?", d, n_arachne,
        timeout=300)
    cap("arachne-badpcf", "arachne-pnr -d 1k -P tq144 -p bad.pcf small.blif -o bad.asc; echo EXIT=$?; "
        "arachne-pnr -d 8k -P ct256 -p ok.pcf small.blif -o x.asc; echo EXIT=$?", d, n_arachne, timeout=300)


# ------------------------------------------------------------------ main

STEPS = [cap_gputils, cap_avr, cap_sigrok, cap_esptool, cap_mesa, cap_shaders, cap_ice40]


def ensure_tools() -> None:
    for tool, pkg in [("gpasm", "gputils"), ("avra", "avra"), ("avr-objdump", "binutils-avr"),
                      ("sigrok-cli", "sigrok-cli"), ("glxinfo", "mesa-utils"), ("vulkaninfo", "vulkan-tools"),
                      ("xvfb-run", "xvfb xauth"), ("glslangValidator", "glslang-tools"), ("spirv-as", "spirv-tools"),
                      ("arachne-pnr", "arachne-pnr"), ("yosys", "yosys")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "esptool", ["esptool"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide350", sys.modules["__main__"])
    main()
