"""Round 354's hardware and graphics steps: round 350's kinds on new `millrace` material (PIC and AVR programs, VCD
captures, ESP images, SPIR-V, GLSL compute/geometry shaders, iCE40 8k designs), extractors imported from
capture_wide350 unchanged. Run through capture_wide354.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_wide350 import (Vcd, esp_image, n_arachne, n_avra, n_eglinfo, n_esptool, n_glslang_reflect, n_glxinfo,
                             n_gpasm, n_gplink, n_objdump_disasm, n_objdump_headers, n_sigrok_decode, n_sigrok_show,
                             n_spirv_as, n_spirv_link, n_vulkaninfo)
from capture_wide354 import VENV, cap

STEPS: list = []
PARTS = ["sail", "stone", "hopper", "tail", "hoist", "governor", "shoe", "damsel", "brake", "fantail", "cap", "meal"]

# ------------------------------------------------------------------ PIC (gpasm, gplink)


def pic_mill(seed: int, n: int, faults: dict, chip: str = "16f628a", end: bool = True) -> str:
    rnd = random.Random(seed)
    out = [f"        list    p={chip}", f"        #include <p{chip}.inc>", "",
           "sails   equ 0x20", "stones  equ 0x21", "hopper  equ 0x22", "", "        org 0x0000", "        goto start", ""]
    for i in range(n):
        nm = f"{rnd.choice(PARTS)}_{i:03d}"
        f = faults.get(i)
        out.append(f"{nm}:")
        out.append(f"        movlw   D'{rnd.randrange(256)}'")
        out.append(f"        movwf   {rnd.choice(['sails', 'stones', 'hopper'])}")
        if f == "bit":
            out.append("        bsf     PORTB, 9")
        elif f == "include":
            out.append('        #include "governor_tables.inc"')
        elif f == "macro":
            out.append("        TURN_SAILS hopper, 3")
        elif f == "org":
            out.append("        org 0x0004")
        elif f == "directive":
            out.append("        .grind  hopper")
        else:
            out.append(f"        btfsc   {rnd.choice(['sails', 'stones'])}, {rnd.randrange(8)}")
            out.append(f"        incf    hopper, {rnd.choice('FW')}")
        out += ["        return", ""]
    out += ["start:", "        clrf    PORTB"] + [f"        call    {ln[:-1]}" for ln in out if ln.endswith(":") and
                                                ln[0].isalpha() and ln != "start:"]
    out += ["        goto    start", ""]
    if end:
        out.append("        end")
    return "\n".join(out) + "\n"


def cap_pic(tmp: Path) -> None:
    d = tmp / "pic"
    d.mkdir()
    (d / "sails.asm").write_text(pic_mill(35410, 60, {6: "bit", 21: "macro", 40: "directive"}))
    cap("gpasm-sails", "gpasm sails.asm; echo EXIT=$?; head -n 60 sails.lst", d, n_gpasm, timeout=60)
    (d / "stones.asm").write_text(pic_mill(35411, 90, {3: "include", 30: "org", 55: "bit"}, end=False))
    cap("gpasm-stones-lst", "gpasm -c stones.asm; echo EXIT=$?; tail -n 40 stones.lst", d, n_gpasm, timeout=60)
    (d / "fantail.asm").write_text(pic_mill(35413, 220, {}, chip="16f877a"))
    cap("gpasm-fantail-clean-lst", "gpasm fantail.asm; echo EXIT=$?; head -n 500 fantail.lst; tail -n 20 fantail.lst",
        d, n_gpasm, timeout=60)
    # gplink: two modules export `grind`, main calls an extern nobody defines
    hdr = "        list p=16f877a\n        #include <p16f877a.inc>\n"
    (d / "lmain.asm").write_text(
        hdr + "        extern  grind, feed_hopper, hoist_sack, luff_sails\n        global  main\n"
        "RST     code    0x0000\n        pagesel main\n        goto    main\nMAIN    code\nmain:\n"
        + "".join(f"        call    {s}\n" for s in ["feed_hopper", "grind", "hoist_sack", "luff_sails"] * 5)
        + "        goto    main\n        end\n")
    for nm, syms in [("lstone", ["grind", "feed_hopper"]), ("lstone2", ["grind", "hoist_sack"])]:
        body = hdr + f"        global {', '.join(syms)}\n        udata\nmeal_{nm} res 6\nLIB_{nm} code\n"
        for s in syms:
            body += f"{s}:\n" + "".join(f"        movlw   0x{k:02X}\n        movwf   meal_{nm}\n" for k in range(20)) \
                + "        return\n"
        (d / f"{nm}.asm").write_text(body + "        end\n")
    (d / "lhuge.asm").write_text(hdr + "        global bigtable\nBIG     code\nbigtable:\n"
                                 + "".join(f"        retlw   0x{k % 256:02X}\n" for k in range(2300)) + "        end\n")
    cm.run("for f in lmain lstone lstone2 lhuge; do gpasm -c $f.asm; done", cwd=d, timeout=120)
    cap("gplink-dup-undef", "gplink -m -o mill.hex lmain.o lstone.o lstone2.o; echo EXIT=$?; "
        "gplink -m -o mill2.hex lmain.o lstone.o; echo EXIT=$?", d, n_gplink, timeout=60)
    cap("gplink-toobig", "gplink -m -o huge.hex lhuge.o lstone.o; echo EXIT=$?; ls -la *.hex *.map 2>&1; "
        "head -n 40 huge.map 2>&1; gplink --help | head -n 25", d, n_gplink, timeout=60)


STEPS.append(cap_pic)

# ------------------------------------------------------------------ AVR (avra on ATmega16, avr-as on ATtiny85)


def avra_mill(seed: int, n: int, faults: dict, inc: bool = True) -> str:
    rnd = random.Random(seed)
    out = ['.include "m16def.inc"'] if inc else []
    out += [".def hopper = r16", ".def stones = r17", ".cseg", ".org 0x0000", "        rjmp reset", ""]
    for i in range(n):
        f = faults.get(i)
        out.append(f"{rnd.choice(PARTS)}_{i}:")
        out.append(f"        ldi hopper, {rnd.randrange(256)}")
        if f == "reg":
            out.append("        mov rX, hopper")
        elif f == "def":
            out.append(".def hopper = r17")
        elif f == "branch":
            out.append("        breq reset")
            out += ["        nop"] * 80
        else:
            out.append(f"        add stones, r{18 + rnd.randrange(6)}")
        out += ["        out PORTA, hopper", "        ret", ""]
    out += ["reset:", "        ldi hopper, low(RAMEND)", "        out SPL, hopper", "        rjmp reset", ""]
    return "\n".join(out)


def tiny_gas(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["        .section .rodata", "sail_curve: .byte " + ", ".join(str(rnd.randrange(256)) for _ in range(24)),
           "        .data", "wind: .word 0", "        .text"]
    for i in range(n):
        nm = f"{rnd.choice(PARTS)}_{i}"
        if i % 7 == 3:
            out.append(f"        .weak {nm}")
        else:
            out.append(f"        .global {nm}")
        out += [f"        .type {nm}, @function", f"{nm}:"]
        for _ in range(rnd.randrange(3, 11)):
            out.append("        " + rnd.choice(["ldi r24, 0x3c", "lds r25, wind", "sts wind, r24", "lsr r24",
                                                "inc r25", "andi r24, 0x0f", "push r16", "pop r16", "mov r18, r25"]))
        if i % 6 == 1:
            out.append(f"        rcall brake_{i}")
        out += ["        ret", f"        .size {nm}, .-{nm}"]
    return "\n".join(out) + "\n"


def cap_avr(tmp: Path) -> None:
    d = tmp / "avr"
    d.mkdir()
    inc = "/usr/share/avra"
    (d / "hoist.asm").write_text(avra_mill(35420, 50, {5: "reg", 18: "def", 31: "branch"}))
    (d / "tail.asm").write_text(avra_mill(35421, 30, {}, inc=False))
    cap("avra-hoist-tail", f"avra -I {inc} hoist.asm; echo EXIT=$?; avra -I {inc} tail.asm; echo EXIT=$?", d, n_avra,
        timeout=60)
    (d / "governor.asm").write_text(avra_mill(35422, 240, {200: "reg"}))
    (d / "governor_ok.asm").write_text(avra_mill(35423, 240, {}))
    cap("avra-governor-lst", f"avra -I {inc} governor.asm; echo EXIT=$?; avra -I {inc} -l gov.lst governor_ok.asm; "
        "echo EXIT=$?; head -n 600 gov.lst", d, n_avra, timeout=60)
    for nm, seed, n in [("brake", 35424, 30), ("windshaft", 35425, 220)]:
        (d / f"{nm}.S").write_text(tiny_gas(seed, n))
        cm.run(f"avr-as -mmcu=attiny85 -o {nm}.o {nm}.S", cwd=d, timeout=60)
    cap("objdump-d-brake", "avr-objdump -d -r brake.o", d, n_objdump_disasm, timeout=60)
    cap("objdump-dS-windshaft", "avr-objdump -d windshaft.o | head -n 1800", d, n_objdump_disasm, timeout=60)
    cap("objdump-ht-brake", "avr-objdump -h -t brake.o", d, n_objdump_headers, timeout=60)
    cap("objdump-x-windshaft", "avr-objdump -x windshaft.o; echo EXIT=$?", d, n_objdump_headers, timeout=60)


STEPS.append(cap_avr)

# ------------------------------------------------------------------ sigrok-cli


def uart_parity_vcd(p: Path, data: bytes, bad_parity: set, bit_us: int = 52) -> None:
    v = Vcd(["rx"])
    v.wait(300)
    for i, b in enumerate(data):
        v.set("rx", 0)
        v.wait(bit_us)
        for k in range(8):
            v.set("rx", (b >> k) & 1)
            v.wait(bit_us)
        par = bin(b).count("1") % 2  # even parity: the bit makes the count even
        v.set("rx", par ^ (1 if i in bad_parity else 0))
        v.wait(bit_us)
        v.set("rx", 1)
        v.wait(bit_us * 2)
    v.write(p)


def i2c_rs_vcd(p: Path, txns: list[tuple[int, bytes, bytes, bool]]) -> None:
    """write register, repeated start, read; `stretch` holds SCL low long after the address byte."""
    v = Vcd(["scl", "sda"])
    v.wait(40)
    h = 5

    def byte(b: int, ack: int, stretch: bool = False) -> None:
        for k in range(7, -1, -1):
            v.set("sda", (b >> k) & 1)
            v.wait(h)
            v.set("scl", 1)
            v.wait(h)
            v.set("scl", 0)
        v.set("sda", ack)
        v.wait(h * (20 if stretch else 1))
        v.set("scl", 1)
        v.wait(h)
        v.set("scl", 0)
        v.wait(h)

    for addr, reg, data, stretch in txns:
        v.set("sda", 0)
        v.wait(h)
        v.set("scl", 0)
        byte(addr << 1, 0, stretch)
        byte(reg[0], 0)
        v.set("sda", 1)
        v.wait(h)
        v.set("scl", 1)
        v.wait(h)
        v.set("sda", 0)  # repeated start
        v.wait(h)
        v.set("scl", 0)
        byte((addr << 1) | 1, 0)
        for k, b in enumerate(data):
            byte(b, 1 if k == len(data) - 1 else 0)
        v.set("sda", 0)
        v.wait(h)
        v.set("scl", 1)
        v.wait(h)
        v.set("sda", 1)
        v.wait(30)
    v.write(p)


def spi_mode3_vcd(p: Path, frames: list[bytes], drop: set) -> None:
    v = Vcd(["cs", "clk", "mosi", "miso"])
    v.wait(20)
    rnd = random.Random(35432)
    for fi, fr in enumerate(frames):
        v.set("cs", 0)
        v.wait(3)
        for bi, b in enumerate(fr):
            r = rnd.randrange(256)
            for k in range(7, -1, -1):
                if fi in drop and bi == 1 and k == 3:
                    v.set("cs", 1)  # chip select lost mid-byte
                    v.wait(3)
                    v.set("cs", 0)
                v.set("clk", 0)
                v.set("mosi", (b >> k) & 1)
                v.set("miso", (r >> k) & 1)
                v.wait(2)
                v.set("clk", 1)
                v.wait(2)
        v.wait(3)
        v.set("cs", 1)
        v.wait(15)
    v.write(p)


def cap_sigrok(tmp: Path) -> None:
    d = tmp / "sigrok"
    d.mkdir()
    rnd = random.Random(35430)
    text = b"".join(f"RPM={rnd.randrange(8, 30)} GAP={rnd.random():.3f} SACKS={k}\n".encode() for k in range(20))
    uart_parity_vcd(d / "governor.vcd", text, {12, 13, 97, 240, 241, 242})
    cap("uart-parity", "sigrok-cli -I vcd -i governor.vcd -P uart:rx=rx:baudrate=19200:parity=even -A "
        "uart=rx-data:rx-parity-err:rx-warnings", d, n_sigrok_decode, timeout=120)
    tx = [(0x50 + k % 3, bytes([rnd.randrange(64)]), bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 5))),
           k in (4, 17)) for k in range(36)]
    i2c_rs_vcd(d / "hopper_i2c.vcd", tx)
    cap("i2c-repeated-start", "sigrok-cli -I vcd -i hopper_i2c.vcd -P i2c:scl=scl:sda=sda", d, n_sigrok_decode,
        timeout=120)
    frames = [bytes([0x0B, *(rnd.randrange(256) for _ in range(4))]) for _ in range(40)]
    spi_mode3_vcd(d / "stones_spi.vcd", frames, {9, 28})
    cap("spi-mode3", "sigrok-cli -I vcd -i stones_spi.vcd -P spi:clk=clk:mosi=mosi:miso=miso:cs=cs:cpol=1:cpha=1 "
        "2>&1 | head -n 2500", d, n_sigrok_decode, timeout=120)
    cap("show-spi-onewire", "sigrok-cli --show -P spi; sigrok-cli --show -P onewire_link; "
        "sigrok-cli --show -P windmill; echo EXIT=$?", d, n_sigrok_show, timeout=60)


STEPS.append(cap_sigrok)

# ------------------------------------------------------------------ esptool image-info


def cap_esptool(tmp: Path) -> None:
    d = tmp / "esp"
    d.mkdir()
    e = f"{VENV}/bin/esptool"
    imgs = {"sails_s2.bin": esp_image(35440, 5, True, chip_id=2, hashed=True),
            "stones_c6.bin": esp_image(35441, 6, True, chip_id=13),
            "hopper8266.bin": esp_image(35442, 4, False),
            "empty.bin": esp_image(35443, 0, True, chip_id=2),
            "hash_bad.bin": bytearray(esp_image(35444, 3, True, chip_id=2, hashed=True)),
            "long_seg.bin": bytearray(esp_image(35445, 3, True, chip_id=13))}
    imgs["hash_bad.bin"][-5] ^= 0xFF  # a wrong SHA-256 digest
    imgs["long_seg.bin"][24 + 4:24 + 8] = (0x00100000).to_bytes(4, "little")  # first segment's length past the file
    for n, b in imgs.items():
        (d / n).write_bytes(bytes(b))
    loop = "for f in sails_s2 stones_c6 hopper8266 empty hash_bad long_seg; do echo \"== $f.bin\"; {e} image-info " \
           "$f.bin; echo EXIT=$?; done 2>&1"
    cap("image-info-mill", loop.format(e=e), d, n_esptool, timeout=300, typed=loop.format(e="esptool"))
    cap("image-info-chip", f"{e} --chip esp32c6 image-info stones_c6.bin; echo EXIT=$?; {e} --chip esp32s2 "
        "image-info stones_c6.bin; echo EXIT=$?", d, n_esptool, timeout=120,
        typed="esptool --chip esp32c6 image-info stones_c6.bin; echo EXIT=$?; esptool --chip esp32s2 image-info "
        "stones_c6.bin; echo EXIT=$?")


STEPS.append(cap_esptool)

# ------------------------------------------------------------------ Mesa

GL_ENV = {"XDG_RUNTIME_DIR": None, "DISPLAY": ":354"}
NO_DISPLAY = {"XDG_RUNTIME_DIR": None, "DISPLAY": None}


def cap_mesa(tmp: Path) -> None:
    d = tmp / "mesa"
    d.mkdir()
    cm.start(["Xvfb", ":354", "-screen", "0", "1024x768x24", "-nolisten", "tcp"], cwd=d)
    time.sleep(3)
    cap("glxinfo-s", "glxinfo -s 2>&1 | head -n 900", d, n_glxinfo, timeout=120, env=GL_ENV)
    cap("glxinfo-t", "glxinfo -t -B; glxinfo -t | sed -n '/visual/,$p' | head -n 300", d, n_glxinfo, timeout=120,
        env=GL_ENV)
    cap("eglinfo-B", "eglinfo -B 2>&1; echo EXIT=$?", d, n_eglinfo, timeout=120, env=GL_ENV)
    cap("vk-loader-debug", "VK_LOADER_DEBUG=error,warn vulkaninfo --summary 2>&1; echo EXIT=$?", d, n_vulkaninfo,
        timeout=120, env=NO_DISPLAY)
    cap("vk-driver-files", "VK_DRIVER_FILES=/opt/millrace/sails_icd.json vulkaninfo --summary 2>&1; echo EXIT=$?; "
        "VK_LOADER_DEBUG=all VK_DRIVER_FILES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json vulkaninfo --summary 2>&1 | "
        "head -n 200", d, n_vulkaninfo, timeout=120, env=NO_DISPLAY)


STEPS.append(cap_mesa)

# ------------------------------------------------------------------ SPIR-V and GLSL

SPV_COMP = """\
               OpCapability Shader
               OpMemoryModel Logical GLSL450
               OpEntryPoint GLCompute %main "main" %gid
               OpExecutionMode %main LocalSize 64 1 1
               OpDecorate %gid BuiltIn GlobalInvocationId
               OpDecorate %_arr ArrayStride 4
               OpMemberDecorate %Sacks 0 Offset 0
               OpDecorate %Sacks Block
               OpDecorate %sacks DescriptorSet 0
               OpDecorate %sacks Binding 0
       %void = OpTypeVoid
         %fn = OpTypeFunction %void
       %uint = OpTypeInt 32 0
     %v3uint = OpTypeVector %uint 3
%_ptr_Input_v3uint = OpTypePointer Input %v3uint
        %gid = OpVariable %_ptr_Input_v3uint Input
       %_arr = OpTypeRuntimeArray %uint
      %Sacks = OpTypeStruct %_arr
%_ptr_SB_Sacks = OpTypePointer StorageBuffer %Sacks
      %sacks = OpVariable %_ptr_SB_Sacks StorageBuffer
%_ptr_SB_uint = OpTypePointer StorageBuffer %uint
     %uint_0 = OpConstant %uint 0
     %uint_2 = OpConstant %uint 2
       %main = OpFunction %void None %fn
          %l = OpLabel
          %x = OpLoad %v3uint %gid
          %i = OpCompositeExtract %uint %x 0
          %p = OpAccessChain %_ptr_SB_uint %sacks %uint_0 %i
          %v = OpLoad %uint %p
          %w = OpIMul %uint %v %uint_2
               OpStore %p %w
               OpReturn
               OpFunctionEnd
"""


def cap_spirv(tmp: Path) -> None:
    d = tmp / "spv"
    d.mkdir()
    variants = {"hoist.spvasm": SPV_COMP,
                "bad_type.spvasm": SPV_COMP.replace("OpTypeVector %uint 3", "OpTypeVector %uintt 3"),
                "dangling.spvasm": SPV_COMP.replace("%w = OpIMul %uint %v %uint_2", "%w = OpIMul %uint %v %uint_7"),
                "bad_class.spvasm": SPV_COMP.replace("OpTypePointer Input %v3uint", "OpTypePointer Inputt %v3uint"),
                "bad_mode.spvasm": SPV_COMP.replace("LocalSize 64 1 1", "LocalSize 64 1"),
                "stray_token.spvasm": SPV_COMP.replace("OpReturn\n", "OpReturn %w\n"),
                "bad_string.spvasm": SPV_COMP.replace('"main"', '"main'),
                }
    for n, body in variants.items():
        (d / n).write_text(body)
    cap("spirv-as-comp", "for f in *.spvasm; do echo \"== $f\"; spirv-as --target-env vulkan1.1 $f -o "
        "${f%.spvasm}.spv; echo EXIT=$?; done 2>&1; spirv-val --target-env vulkan1.1 hoist.spv; echo EXIT=$?; "
        "spirv-as --help | head -n 30", d, n_spirv_as, timeout=120)
    lib = """\
               OpCapability Linkage
               OpCapability Shader
               OpMemoryModel Logical GLSL450
               OpDecorate %grind LinkageAttributes "grind" Export
       %void = OpTypeVoid
      %float = OpTypeFloat 32
         %fn = OpTypeFunction %float %float
      %grind = OpFunction %float None %fn
          %x = OpFunctionParameter %float
          %l = OpLabel
          %r = OpFAdd %float %x %x
               OpReturnValue %r
               OpFunctionEnd
"""
    main = """\
               OpCapability Linkage
               OpCapability Shader
               OpMemoryModel Logical GLSL450
               OpDecorate %grind LinkageAttributes "grind" Import
               OpDecorate %mill LinkageAttributes "mill" Export
       %void = OpTypeVoid
        %int = OpTypeInt 32 1
         %fn = OpTypeFunction %int %int
      %grind = OpFunction %int None %fn
          %x = OpFunctionParameter %int
               OpFunctionEnd
       %mill = OpFunction %int None %fn
          %z = OpFunctionParameter %int
          %l = OpLabel
          %a = OpFunctionCall %int %grind %z
               OpReturnValue %a
               OpFunctionEnd
"""
    (d / "stones.spvasm").write_text(lib)
    (d / "mill.spvasm").write_text(main)
    (d / "mill2.spvasm").write_text(main.replace('"mill" Export', '"grind" Export'))
    cm.run("for f in stones mill mill2; do spirv-as $f.spvasm -o $f.spv; done", cwd=d, timeout=60)
    cap("spirv-link-types", "spirv-link mill.spv stones.spv -o mill_all.spv; echo EXIT=$?; "
        "spirv-link mill2.spv stones.spv -o m2.spv; echo EXIT=$?; spirv-link --allow-partial-linkage mill.spv -o "
        "part.spv; echo EXIT=$?; spirv-link mill.spv hoist.spv -o x.spv; echo EXIT=$?; spirv-link --help", d,
        n_spirv_link, timeout=60)


STEPS.append(cap_spirv)

COMP = """\
#version 450
layout(local_size_x = {lx}, local_size_y = 1) in;
layout(std430, binding = 0) buffer Sacks {{ uint weight[]; }} sacks;
layout(std430, binding = 1) readonly buffer Sails {{ vec4 angle[{n}]; float rpm; uint count; }} sails;
layout(std140, binding = 2) uniform Governor {{ float target; float gap; ivec2 stones; mat2 balance; }} gov;
layout(binding = 3, r32f) uniform image2D meal;
layout(binding = 4) uniform sampler2D flour;
shared float hopper[{lx}];
void main() {{
    uint i = gl_GlobalInvocationID.x;
    hopper[gl_LocalInvocationID.x] = texture(flour, vec2(i) / 64.0).r * gov.gap;
    barrier();
    float s = 0.0;
    for (uint k = 0u; k < sails.count; ++k) s += sails.angle[k].x * sails.rpm;
    atomicAdd(sacks.weight[i % 16u], uint(s + hopper[0] + gov.target));
    imageStore(meal, ivec2(i, 0) + gov.stones, vec4(s * gov.balance[0][0]));
    {fault}
}}
"""

GEOM = """\
#version 450
layout(triangles) in;
layout(line_strip, max_vertices = {mv}) out;
layout(location = 0) in vec3 vNormal[];
layout(location = 1) in vec2 vUv[];
layout(location = 0) out vec4 gColor;
layout(location = 1) out float gDepth;
layout(std140, binding = 0) uniform Tail {{ mat4 mvp; float length; vec4 tint; }} tail;
uniform int fantailBlades;
void main() {{
    for (int i = 0; i < 3; ++i) {{
        gl_Position = tail.mvp * gl_in[i].gl_Position;
        gColor = tail.tint * float(fantailBlades);
        gDepth = vUv[i].x;
        EmitVertex();
        gl_Position = tail.mvp * (gl_in[i].gl_Position + vec4(vNormal[i] * tail.length, 0.0));
        EmitVertex();
        EndPrimitive();
    }}
    {fault}
}}
"""


def cap_glsl(tmp: Path) -> None:
    g = tmp / "glsl"
    g.mkdir()
    (g / "grind.comp").write_text(COMP.format(lx=64, n=32, fault=""))
    (g / "fantail.geom").write_text(GEOM.format(mv=6, fault=""))
    cap("reflect-comp-geom", "glslangValidator -l -q grind.comp fantail.geom; echo EXIT=$?", g, n_glslang_reflect,
        timeout=60)
    for k in range(12):
        (g / f"stage{k:02d}.comp").write_text(COMP.format(lx=16 * (1 + k % 4), n=8 + 8 * k,
                                                          fault="int y = gov.gap;" if k in (5, 9) else ""))
    cap("reflect-stages", "for f in stage*.comp; do echo \"== $f\"; glslangValidator -l -q $f; echo EXIT=$?; "
        "done 2>&1", g, n_glslang_reflect, timeout=180)


STEPS.append(cap_glsl)

# ------------------------------------------------------------------ iCE40 8k: yosys + arachne-pnr


def shift_design(n: int) -> str:
    return ("module top(input clk, input din, output [7:0] led, output dout);\n"
            f"    reg [{n - 1}:0] sr;\n    always @(posedge clk) sr <= {{sr[{n - 2}:0], din ^ sr[{n - 1}]}};\n"
            f"    assign led = sr[{n - 1}:{n - 8}];\n    assign dout = sr[0];\nendmodule\n")


def ram_design(words: int) -> str:
    return ("module top(input clk, input we, input [7:0] din, input [9:0] addr, output reg [7:0] led, "
            "output dout);\n"
            f"    reg [7:0] mem [0:{words - 1}];\n    always @(posedge clk) begin\n"
            "        if (we) mem[addr] <= din;\n        led <= mem[addr];\n    end\n"
            "    assign dout = ^led;\nendmodule\n")


def cap_ice40(tmp: Path) -> None:
    d = tmp / "ice"
    d.mkdir()
    (d / "shift.v").write_text(shift_design(600))
    (d / "ram.v").write_text(ram_design(1024))
    for nm in ("shift", "ram"):
        cm.run(f"nice yosys -q -p 'synth_ice40 -blif {nm}.blif' {nm}.v", cwd=d, timeout=300)
    leds = [("led[%d]" % k, p) for k, p in enumerate(["B5", "B4", "A2", "A1", "C5", "C4", "B3", "C3"])]
    pcf = "set_io clk J3\nset_io din R1\nset_io dout P1\n" + "".join(f"set_io {n} {p}\n" for n, p in leds)
    (d / "shift.pcf").write_text(pcf)
    (d / "ram.pcf").write_text(pcf.replace("set_io din R1\n", "") + "".join(
        f"set_io din[{k}] {p}\n" for k, p in enumerate(["R2", "R3", "T1", "T2", "T3", "P2", "N3", "M2"])) + "set_io we R4\n"
        + "".join(f"set_io addr[{k}] {p}\n" for k, p in enumerate(["K3", "K4", "J2", "J1", "H1", "H2", "G1", "G2",
                                                                   "F1", "F2"])))
    (d / "shift_badclk.pcf").write_text(pcf.replace("set_io clk J3", "set_io clk A16").replace("set_io din R1",
                                                                                             "set_io din ZZ9"))
    cap("arachne-shift-8k", "arachne-pnr -d 8k -P ct256 -p shift.pcf shift.blif -o shift.asc; echo EXIT=$?", d,
        n_arachne, timeout=600)
    cap("arachne-ram-8k", "arachne-pnr -d 8k -P ct256 -p ram.pcf ram.blif -o ram.asc; echo EXIT=$?", d, n_arachne,
        timeout=600)
    cap("arachne-badpin", "arachne-pnr -d 8k -P ct256 -p shift_badclk.pcf shift.blif -o x.asc; echo EXIT=$?; "
        "arachne-pnr -d 1k -P vq100 -p shift.pcf shift.blif -o y.asc; echo EXIT=$?", d, n_arachne, timeout=600)


STEPS.append(cap_ice40)
