"""Round 193, compilers off the beaten track: a stack machine interpreter in Haxe (compile errors, an `--interp` test
run), a ledger in ReScript (npm's `rescript` build errors with their framed excerpts), a 6502 game's C and assembler
sources through cc65, ca65 and ld65, x86-64 string routines through yasm and 6502 routines through 64tass, all written
here with bugs put in and widened by seeded generators. The extractors are this round's (NEEDLES.md, "Round 193").
Run through capture_wide193.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide193 import JS, cap, check_lines, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 193")

HAXE_POS = re.compile(r"^(\S+?):\d+: (characters|lines) \d+-\d+ : (.*)$")


def _haxe_errors(lines, skip_runtime: bool):
    out, warns = [], []
    for ln in lines:
        m = HAXE_POS.match(ln.strip())
        if not m:
            continue
        msg = m.group(3)
        if msg.startswith("Warning :"):
            warns.append(((cm.mask(msg), m.group(1)), ln))
        elif msg.startswith("... ") or (skip_runtime and (msg.startswith("Uncaught exception")
                                                          or msg.startswith("Called from"))):
            continue
        else:
            out.append(ln)
    return out, warns


@cm.kind("haxe-compile", "build")
def n_haxe_compile(lines):
    """Rule 1 on Haxe: every file:L: characters A-B : message line that is not a Warning : and not a ... continuation, warnings one {"any"} per (message shape, file); EXIT=N."""
    out, warns = _haxe_errors(lines, False)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("haxe-interp", "test")
def n_haxe_interp(lines):
    """Rule 2 on haxe --interp: every Uncaught exception line with the first Called from here line under it, every trace line saying FAIL, the counts line, compile errors as haxe-compile; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if "Uncaught exception" in ln:
            out.append(ln)
            c = cm.next_match(lines, i, r"Called from", 3)
            if c:
                out.append(c)
    errs, warns = _haxe_errors(lines, True)
    return out + check_lines(lines) + errs + cm.groups(warns) + exit_lines(lines)


@cm.kind("rescript-build", "build")
def n_rescript(lines):
    """Rule 1 on ReScript: under every We've found a bug for you! its location line and the first message line after the framed excerpt, warnings one {"any"} per (number, file) of their location lines, every FAILED: line and the Finish compiling (exit: N) line; EXIT=N."""
    out, warns = [], []
    n = len(lines)

    def nonblank(j):
        while j < n and not lines[j].strip():
            j += 1
        return j

    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("We've found a bug for you!"):
            j = nonblank(i + 1)
            if j < n:
                out.append(lines[j])
                k = nonblank(j + 1)
                while k < n and "│" in lines[k]:
                    k = nonblank(k + 1)
                if k < n:
                    out.append(lines[k])
        elif re.match(r"^Warning number \d+", s):
            j = nonblank(i + 1)
            if j < n:
                f = re.sub(r":\d+:\d+(-\d+(:\d+)?)?$", "", lines[j].strip())
                warns.append(((s.split()[2], f), lines[j]))
        elif s.startswith("FAILED:") or s.startswith(">>>> Finish compiling"):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


CC65_POS = re.compile(r"^(\S+)\((\d+)\): (Error|Warning|Note): (.*)$")


def _cc65_like(lines):
    out, warns = [], []
    for ln in lines:
        m = CC65_POS.match(ln.strip())
        if m and m.group(3) == "Error":
            out.append(ln)
        elif m and m.group(3) == "Warning":
            warns.append(((cm.mask(m.group(4)), m.group(1)), ln))
    return out, warns


@cm.kind("cc65", "build")
def n_cc65(lines):
    """Rule 1 on cc65: every file(L): Error: line, warnings one {"any"} per (message shape, file), a line reporting the run stopped (Too many errors, aborting) and the N errors and M warnings generated line; EXIT=N."""
    out, warns = _cc65_like(lines)
    for ln in lines:
        if re.search(r"Too many errors|aborting|\d+ errors? and \d+ warnings? generated", ln):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("ca65", "build")
def n_ca65(lines):
    """Rule 1 on ca65: every file(L): Error: line, warnings one {"any"} per (message shape, file); EXIT=N."""
    out, warns = _cc65_like(lines)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("ld65", "build")
def n_ld65(lines):
    """Rule 1 on ld65: every ld65: Error: line, every Unresolved external ... referenced in: line with the first file(L) line under it, ld65: Warning: lines one {"any"} per message shape except each overflow line, a needle of its own; EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("ld65: Error:"):
            out.append(ln)
        elif s.startswith("Unresolved external"):
            out.append(ln)
            r = cm.next_match(lines, i, r"^\s+\S+\(\d+\)", 2)
            if r:
                out.append(r)
        elif s.startswith("ld65: Warning:"):
            if "overflow" in s:
                out.append(ln)
            else:
                warns.append((cm.mask(s), ln))
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("yasm", "build")
def n_yasm(lines):
    """Rule 1 on yasm: every file:L: error: line except the (Each undefined symbol is reported only once.) note, warnings one {"any"} per (message shape, file); EXIT=N."""
    out, warns = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (error|warning): (.*)$", ln.strip())
        if not m:
            continue
        if m.group(2) == "error" and "(Each undefined symbol" not in m.group(3):
            out.append(ln)
        elif m.group(2) == "warning":
            warns.append(((cm.mask(m.group(3)), m.group(1)), ln))
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("64tass", "build")
def n_64tass(lines):
    """Rule 1 on 64tass: every file:L:C: error: line, warnings one {"any"} per (message shape, file), the Error messages: N and Warning messages: N lines; EXIT=N."""
    out, warns = [], []
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^(\S+?):\d+:\d+: (error|warning|fatal error): (.*)$", s)
        if m and m.group(2) != "warning":
            out.append(ln)
        elif m:
            warns.append(((cm.mask(m.group(3)), m.group(1)), ln))
        elif re.match(r"^(Error|Warning) messages:", s):
            out.append(ln)
    return out + cm.groups(warns) + exit_lines(lines)


# ------------------------------------------------------------------ Haxe: a stack machine interpreter

HX_OPS_OK = [
    "  public static function run{i}(s:Array<Int>):Void {{ s.push(s.pop() + {k}); }}",
    "  public static function name{i}():String {{ return \"op{i}\"; }}",
    "  public static function cost{i}(n:Int):Int {{ return n * {k}; }}",
]
HX_OPS_BAD = [
    "  public static function run{i}(s:Array<Int>):Void {{ var top:Int = \"{k}\"; s.push(top); }}",
    "  public static function name{i}():String {{ return {k}; }}",
    "  public static function cost{i}(n:Int):Int {{ return n * scale{k}; }}",
    "  public static function peek{i}(s:Array<Int>):Int {{ if (s.length > 0) return s[0]; }}",
    "  public static function size{i}(s:Array<Int>):Int {{ return s.size; }}",
    "  public static function make{i}():Frame{k} {{ return null; }}",
    "  public static function old{i}(n:Int):Int {{ return Legacy.twice(n); }}",
]


def haxe_project(seed: int, n: int, bad: float) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {"src/Legacy.hx": "class Legacy {\n  @:deprecated(\"use Ops.double\") public static function twice(n:Int):Int"
                              " { return n * 2; }\n}\n"}
    refs = []
    for c in range(n):
        body = [(rnd.choice(HX_OPS_BAD) if rnd.random() < bad else rnd.choice(HX_OPS_OK)).format(i=i, k=rnd.randint(2, 60))
                for i in range(rnd.randint(4, 9))]
        files[f"src/vm/Op{c:02}.hx"] = f"package vm;\n\nclass Op{c:02} {{\n" + "\n".join(body) + "\n}\n"
        refs.append(f"    vm.Op{c:02};")
    files["src/Main.hx"] = "class Main {\n  static function main() {\n" + "\n".join(refs) + "\n  }\n}\n"
    return files


HX_VM = """class Vm {
  public static function exec(prog:Array<String>):Int {
    var stack = new Array<Int>();
    for (ins in prog) {
      var parts = ins.split(" ");
      switch (parts[0]) {
        case "push": stack.push(Std.parseInt(parts[1]));
        case "add": stack.push(stack.pop() + stack.pop());
        case "sub": stack.push(stack.pop() - stack.pop());
        case "mul": stack.push(stack.pop() * stack.pop());
        case "dup": stack.push(stack[0]);
        default: throw 'unknown instruction: ${parts[0]}';
      }
    }
    return stack.pop();
  }
}
"""

HX_TESTS = """class Tests {
  static var passed = 0;
  static var failed = 0;
  static function check(name:String, want:Int, prog:Array<String>) {
    var got = Vm.exec(prog);
    if (got == want) { passed++; trace('ok   $name'); }
    else { failed++; trace('FAIL $name: expected $want got $got'); }
  }
  static function main() {
{cases}
    trace('$passed passed, $failed failed');
{tail}
  }
}
"""


def haxe_tests(seed: int, n: int, crash: bool) -> str:
    rnd = random.Random(seed)
    cases = []
    for t in range(n):
        a, b = rnd.randint(1, 50), rnd.randint(1, 50)
        op = rnd.choice(["add", "sub", "mul", "dup"])
        want = {"add": a + b, "sub": a - b, "mul": a * b, "dup": b}[op]
        if op == "dup":
            cases.append(f'    check("dup_{a}_{b}_{t}", {b + b}, ["push {a}", "push {b}", "dup", "add"]);')
        else:
            cases.append(f'    check("{op}_{a}_{b}_{t}", {want}, ["push {a}", "push {b}", "{op}"]);')
    tail = '    check("mod_7_3", 1, ["push 7", "push 3", "mod"]);' if crash else ""
    return HX_TESTS.replace("{cases}", "\n".join(cases)).replace("{tail}", tail)


def haxe(tmp: Path) -> None:
    root = tmp / "haxe-vm"
    write_tree(root, haxe_project(19340, 90, 0.18))
    cap("haxe-compile-vm", "haxe -cp src -main Main --interp", root, n_haxe_compile)
    cap("haxe-compile-vm-echo", "haxe -cp src -main Main --no-output -D no-deprecation-warnings=false; echo EXIT=$?",
        root, n_haxe_compile)
    cap("haxe-compile-vm-grep", "haxe -cp src -main Main --interp 2>&1 | grep -v '\\.\\.\\. '", root, n_haxe_compile)
    t = tmp / "haxe-tests"
    write_tree(t, {"src/Vm.hx": HX_VM, "src/Tests.hx": haxe_tests(19341, 480, True)})
    cap("haxe-interp-tests", "haxe -cp src -main Tests --interp", t, n_haxe_interp)
    t2 = tmp / "haxe-tests-small"
    write_tree(t2, {"src/Vm.hx": HX_VM, "src/Tests.hx": haxe_tests(19342, 60, True)})
    cap("haxe-interp-tests-tail-40-echo", "haxe -cp src -main Tests --interp 2>&1 | tail -n 40; echo EXIT=$?", t2,
        n_haxe_interp)


# ------------------------------------------------------------------ ReScript: a ledger

RES_OK = [
    "let fee{i} = (amount: int) => amount * {k} / 100",
    "let label{i} = (name: string) => name ++ \"-{k}\"",
    "let sign{i} = (v: int) => switch v {{ | 0 => \"zero\" | v if v > 0 => \"credit\" | _ => \"debit\" }}",
]
RES_BAD = [
    "let fee{i} = (amount: int) => amount * {k}.5",
    "let label{i} = (name: string) => name ++ {k}",
    "let total{i} = (xs: array<int>) => Belt.Array.reduce(xs, 0, (a, b) => a + b) ++ \"\"",
    "let post{i} = (acct: account) => acct.balance + {k}",
    "let find{i} = (k: string) => lookupAccount{k}(k)",
    "type kind{i} = Debit | Credit | Transfer\nlet describe{i} = (k: kind{i}) => switch k {{ | Debit => \"d\" | Credit => \"c\" }}",
    "let unused{i} = (x: int) => {{ let spare = x * {k}\n  x }}",
]


def rescript_project(seed: int, n: int, bad: float) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {"rescript.json": '{"name": "ledger", "sources": [{"dir": "src"}], "package-specs": {"module": "commonjs",'
                              ' "in-source": true}, "suffix": ".res.js"}\n'}
    for m in range(n):
        body = [(rnd.choice(RES_BAD) if rnd.random() < bad else rnd.choice(RES_OK)).format(i=i, k=rnd.randint(2, 90))
                for i in range(rnd.randint(3, 7))]
        files[f"src/Ledger{m:02}.res"] = "\n".join(body) + "\n"
    return files


def rescript(tmp: Path) -> None:
    for name, seed, n, bad in (("ledger", 19350, 36, 0.2), ("ledger-small", 19351, 10, 0.2)):
        root = tmp / name
        write_tree(root, rescript_project(seed, n, bad))
        (root / "node_modules").symlink_to(JS / "node_modules")
    cap("rescript-build-ledger", "npx rescript build", tmp / "ledger", n_rescript)
    run("npx rescript clean", cwd=tmp / "ledger")
    cap("rescript-build-ledger-head-100-echo", "npx rescript build 2>&1 | head -n 100; echo EXIT=$?", tmp / "ledger",
        n_rescript)
    cap("rescript-build-small-echo", "npx rescript; echo EXIT=$?", tmp / "ledger-small", n_rescript)


# ------------------------------------------------------------------ cc65 / ca65 / ld65: a 6502 game

C_OK = [
    "unsigned char score{i}(unsigned char a) {{ return a + {k}; }}",
    "void tick{i}(void) {{ frame += {k}; }}",
    "int clamp{i}(int v) {{ return v > {k} ? {k} : v; }}",
]
C_BAD = [
    "unsigned char score{i}(unsigned char a) {{ return a + bonus{k}; }}",
    "void tick{i}(void) {{ frame += {k} }}",
    "int clamp{i}(int v) {{ unsigned char unused{k}; return v; }}",
    "void draw{i}(void) {{ char *p = {k}; *p = 1; }}",
    "int speed{i}(struct sprite s) {{ return s.dx; }}",
    "void beep{i}(void) {{ play_sound({k}, 2); }}",
    "int sum{i}(int a, int b) {{ return a + b + c; }}",
]


def cc65_sources(seed: int, n: int, bad: float) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for f in range(n):
        body = [(rnd.choice(C_BAD) if rnd.random() < bad else rnd.choice(C_OK)).format(i=i, k=rnd.randint(2, 200))
                for i in range(rnd.randint(5, 11))]
        files[f"src/game{f:02}.c"] = "extern unsigned char frame;\n\n" + "\n".join(body) + "\n"
    return files


ASM_OK = ["    lda #${k:02x}", "    sta $d0{k:02x}", "    ldx #{k}", "    inx", "    jsr clear_screen", "    rts"]
ASM_BAD = ["    lda #${k:03x}", "    jmp missing_{k}", "    ldy ({k}),x", "    sta", "    lda #$10 garbage",
           "    bne far_{k}", '    .warning "sprite table {k} not aligned"', "    ld a, {k}"]


def ca65_sources(seed: int, n: int, bad: float) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for f in range(n):
        lines = [".export clear_screen" if f == 0 else ".import clear_screen", ".segment \"CODE\"", f"routine{f}:"]
        if f == 0:
            lines.append("clear_screen:")
        for _ in range(rnd.randint(20, 40)):
            lines.append((rnd.choice(ASM_BAD) if rnd.random() < bad else rnd.choice(ASM_OK)).format(k=rnd.randint(1, 255)))
        files[f"asm/part{f:02}.s"] = "\n".join(lines) + "\n    rts\n"
    return files


LINK_CFG = """MEMORY {
    ZP:   start = $0002, size = $00E0, type = rw;
    MAIN: start = $0801, size = $8000, file = %O;
    HI:   start = $C000, size = $1000, file = %O;
}
SEGMENTS {
    ZEROPAGE: load = ZP,   type = zp;
    CODE:     load = MAIN, type = ro;
    RODATA:   load = MAIN, type = ro;
    TABLES:   load = HI,   type = ro;
}
"""


def ld65_sources(seed: int, n: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {"game.cfg": LINK_CFG,  # room for everything: the unresolved imports are what fails
             "tight.cfg": LINK_CFG.replace("$00E0", "$001A").replace("$8000", "$0600").replace("$1000", "$0100")}
    for f in range(n):
        imports = sorted({f"{rnd.choice(['draw', 'move', 'play', 'load', 'score'])}_{rnd.randint(0, 30)}"
                          for _ in range(rnd.randint(1, 5))})
        lines = [f".export entry{f}", ".import " + ", ".join(imports), '.segment "CODE"', f"entry{f}:"]
        for imp in imports:
            lines.append(f"    jsr {imp}")
        lines += [f"    lda #${rnd.randint(0, 255):02x}" for _ in range(rnd.randint(60, 140))]
        lines += ["    rts", '.segment "TABLES"', "    .res " + str(rnd.randint(8, 40)), '.segment "ZEROPAGE"',
                  "    .res 2"]
        files[f"obj/mod{f:02}.s"] = "\n".join(lines) + "\n"
    # the entries defined here resolve some imports: the rest stay unresolved
    defs = [f"draw_{i}" for i in range(0, 31, 3)] + [f"move_{i}" for i in range(0, 31, 2)]
    files["obj/lib.s"] = (".export " + ", ".join(defs) + '\n.segment "CODE"\n'
                          + "\n".join(f"{d}:\n    rts" for d in defs) + "\n")
    return files


def cc65(tmp: Path) -> None:
    root = tmp / "c64game"
    files = cc65_sources(19360, 30, 0.2)
    files.update(ca65_sources(19361, 40, 0.25))
    files.update(ld65_sources(19362, 24))
    write_tree(root, files)
    cap("cc65-game-loop", "for f in src/*.c; do cc65 -t c64 -O \"$f\"; done", root, n_cc65)
    cap("cl65-game-each-echo", "for f in src/game1*.c; do cl65 -t c64 -O -c \"$f\" || echo \"FAILED: $f\"; done; "
        "echo EXIT=$?", root, n_cc65)
    cap("cc65-game-grep", "for f in src/*.c; do cc65 -t c64 \"$f\"; done 2>&1 | grep -E 'Error'", root, n_cc65)
    cap("ca65-parts-loop", "for f in asm/*.s; do ca65 -t c64 \"$f\"; done", root, n_ca65)
    cap("ca65-parts-head-60-echo", "for f in asm/part0*.s; do ca65 \"$f\"; done 2>&1 | head -n 60; echo EXIT=$?", root,
        n_ca65)
    objs = " ".join(f"obj/mod{f:02}.o" for f in range(24))
    run("for f in obj/*.s; do ca65 \"$f\"; done", cwd=root)
    cap("ld65-link", f"ld65 -C game.cfg -o game.prg {objs} obj/lib.o", root, n_ld65)
    cap("ld65-tight-then-game-echo", f"ld65 -C tight.cfg -o game.prg {objs} obj/lib.o; echo EXIT=$?; "
        f"ld65 -C game.cfg -o game.prg {' '.join(objs.split()[:10])} obj/lib.o; echo EXIT=$?", root, n_ld65)


# ------------------------------------------------------------------ yasm: x86-64 string routines

YASM_OK = ["    mov rax, rdi", "    xor ecx, ecx", "    add rax, {k}", "    cmp byte [rdi+rcx], 0", "    inc rcx",
           "    push rbx", "    pop rbx", "    shl rax, {s}"]
YASM_BAD = ["    mov eax, rbx", "    jmp .missing_{k}", "    call strhelper_{k}", "    mov al, {big}", "    movq xmm0, [rdi",
            "    pushq 1, 2", "    lea rax, rbx", "    add [rdi], {k}", "    shl rax, rcx"]


def yasm_sources(seed: int, n: int, bad: float) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for f in range(n):
        lines = ["bits 64", "section .text", f"global str_{f}", f"str_{f}:"]
        for _ in range(rnd.randint(25, 60)):
            tpl = rnd.choice(YASM_BAD) if rnd.random() < bad else rnd.choice(YASM_OK)
            lines.append(tpl.format(k=rnd.randint(1, 90), s=rnd.randint(1, 7), big=rnd.randint(300, 70000)))
        lines.append("    ret")
        files[f"x86/str{f:02}.asm"] = "\n".join(lines) + "\n"
    return files


def yasm(tmp: Path) -> None:
    root = tmp / "strlib"
    write_tree(root, yasm_sources(19370, 28, 0.15))
    write_tree(root / "mem", yasm_sources(19371, 22, 0.25))
    cap("yasm-strlib-loop", "for f in x86/*.asm; do yasm -f elf64 -o /dev/null \"$f\"; done", root, n_yasm)
    cap("yasm-strlib-bin-grep", "cd mem && for f in x86/*.asm; do yasm -f bin -o /dev/null \"$f\"; done 2>&1 | "
        "grep -E 'error|warning' | head -n 100", root, n_yasm)
    cap("yasm-str0-echo", "for f in x86/str0*.asm; do yasm -f elf64 -o \"${f%.asm}.o\" \"$f\"; done; echo EXIT=$?", root,
        n_yasm)


# ------------------------------------------------------------------ 64tass: 6502 routines

TASS_OK = ["        lda #${k:02x}", "        sta $d0{k:02x}", "        ldx #{k}", "        inx", "        jsr init",
           "        rts", "        bne +", "+       nop"]
TASS_BAD = ["        lda #${k:03x}", "        jmp nowhere{k}", "        ldy ({k}),x", "        sta",
            '        .warn "table {k} crosses a page"', "        lda #missing{k}+1", "        bcc target{k}",
            "        jmp ($10ff)"]


def tass_source(seed: int, n: int, bad: float) -> str:
    rnd = random.Random(seed)
    lines = ["        *= $0801", "init    rts"]
    for r in range(n):
        lines.append(f"routine{r}")
        for _ in range(rnd.randint(8, 20)):
            lines.append((rnd.choice(TASS_BAD) if rnd.random() < bad else rnd.choice(TASS_OK)).format(k=rnd.randint(1, 255)))
        lines.append("        rts")
    return "\n".join(lines) + "\n"


def tass(tmp: Path) -> None:
    root = tmp / "tass"
    write_tree(root, {"sprites.asm": tass_source(19380, 150, 0.1), "sound.asm": tass_source(19381, 14, 0.12)})
    cap("64tass-sprites", "64tass -Wall -o sprites.prg sprites.asm", root, n_64tass)
    cap("64tass-sound-echo", "64tass -Wall -o sound.prg sound.asm; echo EXIT=$?", root, n_64tass)
    cap("64tass-sprites-tail-60", "64tass -Wall -o sprites.prg sprites.asm 2>&1 | tail -n 60", root, n_64tass)


STEPS = [haxe, rescript, cc65, yasm, tass]
