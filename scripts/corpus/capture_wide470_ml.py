"""Round 470, OCaml: `boathouse`, a rowing club's boathouse (slipways, sculls, coxes, crews, racks, outings), written
here with faults put in and widened by seeded generators (seeds 47010+), run through Debian's OCaml 4.13 toolchain:
ocamlc -i, ocamldep, ocamlobjinfo, ocamlc -config, ocamllex, ocamlcp/ocamlprof, the toplevel on stdin, the runtime's
GC statistics, ocamlfind list/query, dune external-lib-deps / printenv / build @doc (odoc) and a cmdliner program's
help pages. The extractors are this round's (NEEDLES.md, "Round 470"). Run through capture_wide470.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_data import any_of, shape
from capture_more import run, write_tree
from capture_wide117 import exit_lines

SZ = cm.Sized(400, 120_000)

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 470")

FILE_RE = re.compile(r'^\s*File "[^"]+", line')


def _errors_with_file(lines, pat=r"\bError\b"):
    out = []
    for i, ln in enumerate(lines):
        if re.search(pat, ln):
            out.append(ln)
            if not FILE_RE.match(ln):
                loc = cm.prev_match(lines, i, FILE_RE.pattern)
                if loc:
                    out.append(loc)
    return out


def _warning_groups(lines, key_of):
    """{"any"} per key: the Warning lines and their File lines (within six before)."""
    pairs = []
    for i, ln in enumerate(lines):
        if re.search(r"\bWarning\b", ln) and not re.search(r"\bError\b", ln):
            loc = ln if FILE_RE.match(ln) else cm.prev_match(lines, i, FILE_RE.pattern)
            key = key_of(ln, loc)
            pairs.append((key, ln))
            if loc:
                pairs.append((key, loc))
    return cm.groups(pairs)


def _file_of(loc):
    m = re.search(r'File "([^"]+)"', loc or "")
    return m.group(1) if m else ""


@cm.kind("ocamlc-i", "code")
def n_ocamlc_i(lines):
    """Rule 6 on ocamlc -i: every column-0 val/type/exception/module/module type/class/external line; rule 1: Error lines with their File line, warnings one {"any"} per (number, file); EXIT=N."""
    out = [ln for ln in lines if re.match(r"^(val|type|exception|module|module type|class|external)\b", ln)]
    out += _errors_with_file(lines)

    def key(ln, loc):
        m = re.search(r"Warning (\d+)", ln)
        return (m.group(1) if m else shape(ln), _file_of(loc))
    return out + _warning_groups(lines, key) + exit_lines(lines)


@cm.kind("ocamldep", "build")
def n_ocamldep(lines):
    """Rule 5 on ocamldep: the first line of every rule whose first target ends .cmo/.cmi, every file: line of -modules, every line of -sort; rule 1: lines holding Error/Warning/error; EXIT=N."""
    out = []
    for ln in lines:
        if re.search(r"\b(Error|Warning|error)\b", ln):
            out.append(ln)
        elif re.match(r"^\S+\.(cmo|cmi)\b.*:", ln) and not ln.startswith("EXIT="):
            out.append(ln)
        elif re.match(r"^\S+\.mli?:", ln):
            out.append(ln)
        elif re.match(r"^(\S+\.mli? )*\S+\.mli?$", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("ocamlobjinfo", "listing")
def n_objinfo(lines):
    """Rule 5 on ocamlobjinfo: every File line, Unit name: line, Force link: YES line, Extra C object files:/Extra C options: line; rule 1 on Error/Cannot/not an OCaml object lines; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(File |Unit name:|Force link: YES|Extra C object files:|Extra C options:)", s) \
                or re.search(r"\b(Error|Cannot)\b|not an OCaml object", ln):
            out.append(ln)
    return out + exit_lines(lines)


CONFIG_KEYS = ("version", "standard_library", "architecture", "system", "native_compiler", "flambda", "ccomp_type",
               "safe_string", "flat_float_array", "with_frame_pointers", "naked_pointers", "target")


@cm.kind("ocamlc-config", "table")
def n_config(lines):
    """Rule 5 on ocamlc -config: the lines of version, standard_library, architecture, system, native_compiler, flambda, ccomp_type, safe_string, flat_float_array, with_frame_pointers, naked_pointers, target; EXIT=N."""
    return [ln for ln in lines if re.match(r"^(%s):" % "|".join(CONFIG_KEYS), ln)] + exit_lines(lines)


@cm.kind("ocamllex", "build")
def n_ocamllex(lines):
    """Rule 1 on ocamllex: every Error/error/Warning line with the File line within six before; rule 3: every N states, M transitions, table size B bytes line; EXIT=N."""
    out = _errors_with_file(lines, r"\b(Error|error|Warning)\b")
    out += [ln for ln in lines if re.search(r"\d+ states, \d+ transitions, table size \d+ bytes", ln)]
    return out + exit_lines(lines)


@cm.kind("ocamlprof", "code")
def n_ocamlprof(lines):
    """Rule 6 on ocamlprof: the first line of every top-level definition (column 0 let/and); rule 5: every line carrying the file's largest (* N *) count; EXIT=N."""
    out = [ln for ln in lines if re.match(r"^(let|and)\b", ln)]
    counts = [(int(m), ln) for ln in lines for m in re.findall(r"\(\* (\d+) \*\)", ln)]
    if counts:
        top = max(c for c, _ in counts)
        out += [ln for c, ln in counts if c == top]
    return out + exit_lines(lines)


@cm.kind("ocaml-toplevel", "log")
def n_toplevel(lines):
    """Rule 1 on the ocaml toplevel: every Error: line with the Line N, characters line within six before, every Exception: line; warnings one {"any"} per warning number; EXIT=N."""
    out = []
    pairs = []
    for i, ln in enumerate(lines):
        if re.search(r"\bError:", ln):
            out.append(ln)
            loc = cm.prev_match(lines, i, r"Line \d+, characters|Lines \d+-\d+, characters")
            if loc:
                out.append(loc)
        elif re.search(r"\bException:", ln):
            out.append(ln)
        elif re.search(r"\bWarning \d+", ln):
            pairs.append((re.search(r"Warning (\d+)", ln).group(1), ln))
    return out + cm.groups(pairs) + exit_lines(lines)


GC_KEYS = ("allocated_words", "minor_collections", "major_collections", "heap_words", "top_heap_words", "compactions")


@cm.kind("ocaml-gc-stats", "log")
def n_gc(lines):
    """Rule 5 on OCAMLRUNPARAM=v=0x400: the allocated_words, minor_collections, major_collections, heap_words, top_heap_words, compactions lines; rule 1: program lines holding ERROR/error/Fatal/exception; EXIT=N."""
    out = []
    for ln in lines:
        if re.match(r"^(%s):" % "|".join(GC_KEYS), ln.strip()) or re.search(r"\b(ERROR|error|Fatal|exception)\b", ln):
            out.append(ln)
    return out + exit_lines(lines)


FINDLIB_PKGS = ("alcotest", "fmt", "cmdliner", "str", "unix", "menhirLib", "findlib", "threads")


@cm.kind("ocamlfind-list", "listing")
def n_findlib_list(lines):
    """Rule 5 on ocamlfind list: the line of every package the project uses (alcotest, fmt, cmdliner, str, unix, menhirLib, findlib, threads); rule 1: WARNING/Error/error lines; EXIT=N."""
    out = []
    for ln in lines:
        if re.match(r"^(%s)\s+\(" % "|".join(FINDLIB_PKGS), ln) or re.search(r"\b(WARNING|Error|error)\b", ln):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("ocamlfind-query", "pkg")
def n_findlib_query(lines):
    """Rule 5 on ocamlfind query: every output line; rule 1: every ocamlfind: error line; EXIT=N."""
    return [ln for ln in lines if ln.strip() and not ln.startswith("$ ")]


@cm.kind("dune-external-lib-deps", "pkg")
def n_extlib(lines):
    """Rule 1 on dune external-lib-deps --missing: every Error: line with its File line within six before; rule 5: every library line under it (starting - ) and every Hint: line; EXIT=N."""
    out = _errors_with_file(lines, r"\bError:")
    out += [ln for ln in lines if re.match(r"^\s*- \S", ln) or re.match(r"^\s*Hint:", ln)]
    return out + exit_lines(lines)


@cm.kind("dune-printenv", "build")
def n_printenv(lines):
    """Rule 5 on dune printenv: every line opening a field ((flags, (ocamlc_flags, (ocamlopt_flags, (c_flags, (cxx_flags, (link_flags, (menhir_flags) and every (env / directory header line; rule 1 on Error: lines with their File line; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\(+(flags|ocamlc_flags|ocamlopt_flags|c_flags|cxx_flags|link_flags|menhir_flags)\b", s) \
                or re.match(r"^\(+env\b", s) or re.match(r"^(==|#|Environment for)", s):
            out.append(ln)
    return out + _errors_with_file(lines, r"\bError:") + exit_lines(lines)


@cm.kind("odoc-warnings", "doc")
def n_odoc(lines):
    """Rule 1 on dune build @doc: every Error line with its File line within six before; warnings one {"any"} per (message shape, file) of the warning lines and their File lines; EXIT=N."""
    out = _errors_with_file(lines, r"\bError\b")

    def key(ln, loc):
        return (cm.mask(re.sub(r"^.*?Warning:?", "", ln)), _file_of(loc))
    return out + _warning_groups(lines, key) + exit_lines(lines)


@cm.kind("cmdliner-help", "doc")
def n_cmdliner(lines):
    """Rule 6 on a cmdliner program's --help=plain: every column-0 capitals heading with the first non-blank line under it, the first line of every option entry (stripped, starting -, indented at most 8 blanks); rule 1: usage-error lines (unknown option, required argument, invalid value); EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Z][A-Z0-9 /-]+$", ln):
            out.append(ln)
            for nxt in lines[i + 1:i + 6]:
                if nxt.strip():
                    out.append(nxt)
                    break
        elif re.match(r"^ {1,8}-", ln):
            out.append(ln)
        elif re.search(r"unknown option|required argument|invalid value|unknown command|missing", ln) \
                and not ln.startswith(" "):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ boathouse, the material

ROWERS = ["Ada", "Bram", "Cleo", "Dev", "Esme", "Finn", "Gus", "Hana", "Ivo", "Juno", "Kit", "Lior", "Mara", "Nils",
          "Oona", "Pim", "Quill", "Rhea", "Sol", "Tove", "Ugo", "Vera", "Wren", "Xan", "Yael", "Zed"]
BOATS = ["single", "double", "pair", "four", "quad", "eight"]
MODS = ["slipway", "scull", "cox", "crew", "rack", "outing", "oarlock", "rigger", "launch", "ergo"]


def gen_module(name: str, rng: random.Random, n_fns: int, faults: set[str]) -> str:
    """One standalone boathouse module: a record, a variant, n_fns functions; faults chosen from
    {"type", "unused", "partial", "unbound", "syntax"}."""
    cap_ = name.capitalize()
    out = [f"(* {name}.ml: the boathouse's {name} bookkeeping *)", "",
           f"type boat = Single | Double | Pair | Four | Quad | Eight", "",
           f"type {name} = {{ id : int; label : string; weight_kg : float; seats : int; boat : boat; on_water : bool }}",
           "", f"exception {cap_}_not_found of int", "",
           "let seats_of = function Single -> 1 | Double | Pair -> 2 | Four | Quad -> 4 | Eight -> 9", ""]
    for i in range(n_fns):
        r = rng.choice(ROWERS).lower()
        k = rng.randrange(8)
        fn = f"{r}_{name}_{i}"
        if k == 0:
            out.append(f"let {fn} xs = List.fold_left (fun acc x -> acc +. x.weight_kg) 0.0 xs")
        elif k == 1:
            out.append(f"let {fn} xs id =\n  match List.find_opt (fun x -> x.id = id) xs with\n"
                       f"  | Some x -> x\n  | None -> raise ({cap_}_not_found id)")
        elif k == 2:
            out.append(f"let {fn} x = Printf.sprintf \"%s (%d seats, %.1f kg)\" x.label x.seats x.weight_kg")
        elif k == 3:
            out.append(f"let {fn} tbl key default =\n  match Hashtbl.find_opt tbl key with Some v -> v | None -> default")
        elif k == 4:
            out.append(f"let {fn} xs = List.filter (fun x -> x.on_water && seats_of x.boat >= {rng.randint(1, 9)}) xs")
        elif k == 5:
            out.append(f"let {fn} ?(tide = {rng.randint(1, 5)}.0) x = {{ x with weight_kg = x.weight_kg +. tide }}")
        elif k == 6:
            out.append(f"let {fn} xs = List.sort (fun a b -> compare a.id b.id) xs |> List.map (fun x -> x.label)")
        else:
            out.append(f"let {fn} n = Array.init n (fun i -> {{ id = i; label = \"{r}\" ^ string_of_int i; "
                       f"weight_kg = {rng.randint(14, 110)}.5; seats = i mod 9; boat = Single; on_water = false }})")
        out.append("")
        if "unused" in faults and i % 7 == 3:
            out.append(f"let {fn}_spare x = let unused_{i} = x * 2 in x + 1\n")
        if "partial" in faults and i % 9 == 4:
            out.append(f"let {fn}_bow = function Single -> \"bow\" | Double -> \"stroke\"\n")
        if "type" in faults and i == n_fns // 2:
            out.append(f"let {fn}_total x = x.weight_kg + x.seats\n")
        if "unbound" in faults and i == n_fns - 2:
            out.append(f"let {fn}_cox x = Coxswain.call x.label\n")
        if "syntax" in faults and i == n_fns // 3:
            out.append(f"let {fn}_broken x = match x with | Single -> 1 | -> 2\n")
    return "\n".join(out) + "\n"


def step_ocamlc_i(tmp: Path) -> None:
    d = tmp / "mods"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47010)
    plans = [("slipway", 12, set()), ("scull", 30, {"unused", "partial"}), ("cox", 22, {"type"}),
             ("crew", 90, {"unused", "partial"}), ("rack", 40, {"unbound"}), ("outing", 160, {"partial"}), ("regatta", 640, {"unused", "partial"}),
             ("oarlock", 18, {"syntax"})]
    for name, n, faults in plans:
        (d / f"{name}.ml").write_text(gen_module(name, rng, n, faults))
    W = "-w +a-4-9-40-41-42-44-45-70"
    SZ.cap("ocamlc-i-slipway-scull", f"ocamlc -i {W} slipway.ml scull.ml; echo EXIT=$?", d, n_ocamlc_i)
    SZ.cap("ocamlc-i-cox-rack-oarlock", f"for f in cox.ml rack.ml oarlock.ml slipway.ml; do ocamlc -i {W} $f; done; "
           "echo EXIT=$?", d, n_ocamlc_i)
    SZ.cap("ocamlc-i-crew", f"ocamlc -i {W} crew.ml; echo EXIT=$?", d, n_ocamlc_i)
    SZ.cap("ocamlc-i-outing", f"ocamlc -i {W} outing.ml; echo EXIT=$?", d, n_ocamlc_i)
    SZ.cap("ocamlc-i-regatta", f"ocamlc -i {W} regatta.ml; echo EXIT=$?", d, n_ocamlc_i)
    # ocamldep over the same modules plus a chain that depends on them
    rng = random.Random(47011)
    for name in ("rigger", "launch", "ergo"):
        body = gen_module(name, rng, 10, set())
        uses = [m for m in MODS[:6] if rng.random() < 0.6]
        body += "\n".join(f"let use_{m} = {m.capitalize()}.seats_of" for m in uses) + "\n"
        (d / f"{name}.ml").write_text(body)
    (d / "ergo.mli").write_text("val seats_of : Rigger.boat -> int\n")
    (d / "launch.ml").write_text((d / "launch.ml").read_text() + "let back = Ergo.seats_of\n")
    (d / "rigger.ml").write_text((d / "rigger.ml").read_text() + "let cycle = Launch.back\n")
    big = tmp / "fleet"
    big.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47016)
    names = [f"{m}_{i:02d}" for i in range(8) for m in MODS]
    for j, name in enumerate(names):
        deps = rng.sample(names[:j], min(j, rng.randint(0, 5))) if j else []
        body = "".join(f"let use_{k} = {dn.capitalize()}.seats_of\n" for k, dn in enumerate(deps))
        (big / f"{name}.ml").write_text(gen_module(name, rng, 3, {"syntax"} if j in (17, 55) else set()) + body)
        if j % 4 == 0:
            (big / f"{name}.mli").write_text("val seats_of : int -> int\n")
    SZ.cap("ocamldep-fleet", "ocamldep -I . *.mli *.ml; echo EXIT=$?", big, n_ocamldep)
    SZ.cap("ocamldep-fleet-modules", "ocamldep -modules -native *.ml *.mli; ocamldep -sort *.ml; echo EXIT=$?", big,
           n_ocamldep)
    SZ.cap("ocamldep-make", "ocamldep *.ml *.mli; echo EXIT=$?", d, n_ocamldep)
    SZ.cap("ocamldep-modules", "ocamldep -modules *.ml *.mli; echo EXIT=$?", d, n_ocamldep)
    SZ.cap("ocamldep-sort-native", "ocamldep -native -one-line *.ml *.mli; ocamldep -sort *.ml *.mli; echo EXIT=$?",
           d, n_ocamldep)


def step_config(tmp: Path) -> None:
    SZ.cap("ocamlc-config", "ocamlc -config", tmp, n_config)
    SZ.cap("ocamlopt-config", "ocamlopt -config; echo EXIT=$?", tmp, n_config)


LEX_RULES = [
    ("'#' [^ '\\n']* '\\n'", "Comment"),
    ("['0'-'9']+ as n", "Int (int_of_string n)"),
    ("['0'-'9']+ '.' ['0'-'9']* as f", "Float (float_of_string f)"),
    ("['a'-'z' '_'] ['a'-'z' 'A'-'Z' '0'-'9' '_']* as id", "Ident id"),
    ("'\"' ([^ '\"']* as s) '\"'", "Str s"),
    ("\"->\"", "Arrow"), ("\"::\"", "Cons"), ("':'", "Colon"), ("';'", "Semi"), ("','", "Comma"),
    ("\"slipway\"", "Kw_slipway"), ("\"scull\"", "Kw_scull"), ("\"cox\"", "Kw_cox"), ("\"outing\"", "Kw_outing"),
    ("['0'-'2'] ['0'-'9'] ':' ['0'-'5'] ['0'-'9'] as t", "Time t"),
]


def gen_lexer(rng: random.Random, n_kw: int, fault: str | None) -> str:
    rules = list(LEX_RULES)
    for i in range(n_kw):
        rules.append((f"\"{rng.choice(ROWERS).lower()}{i}\"", f"Rower {i}"))
    out = ["{", "  type token = Comment | Int of int | Float of float | Ident of string | Str of string | Arrow",
           "    | Cons | Colon | Semi | Comma | Kw_slipway | Kw_scull | Kw_cox | Kw_outing | Time of string",
           "    | Rower of int | Eof", "}", "", "let blank = [' ' '\\t']", "", "rule token = parse",
           "  | blank+ { token lexbuf }", "  | '\\n' { Lexing.new_line lexbuf; token lexbuf }"]
    for pat, act in rules:
        out.append(f"  | {pat} {{ {act} }}")
    if fault == "unbound":
        out.append("  | oar_digit+ { Int 0 }")
    if fault == "syntax":
        out.append("  | ['a'-] { Eof }")
    if fault == "action":
        out.append("  | '@' { Eof ")
    out += ["  | eof { Eof }", "  | _ as c { failwith (Printf.sprintf \"boathouse: bad char %C\" c) }", ""]
    return "\n".join(out) + "\n"


def step_ocamllex(tmp: Path) -> None:
    d = tmp / "lex"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47012)
    faults = [None, None, "unbound", None, "syntax", None, None, "action", None, None, None, None]
    for i, f in enumerate(faults):
        (d / f"{MODS[i % len(MODS)]}_{i}_lexer.mll").write_text(gen_lexer(rng, 5 + 12 * i, f))
    SZ.cap("ocamllex-all", "for f in *.mll; do echo \"== $f\"; ocamllex $f; done; echo EXIT=$?", d, n_ocamllex)
    SZ.cap("ocamllex-faults", "for f in cox_2_lexer.mll rack_4_lexer.mll rigger_7_lexer.mll outing_5_lexer.mll; do echo \"== $f\"; "
           "ocamllex -q $f; echo \"ocamllex exited $?\"; done; head -60 rack_4_lexer.mll | tail -8; echo EXIT=$?", d, n_ocamllex)


def gen_sim(rng: random.Random, n_fns: int, n_iter: int, crash: bool) -> str:
    """A boathouse simulation: outings booked on slipways, crews weighed, racks filled; prints a log."""
    out = ["(* sim.ml: a season of outings at the boathouse *)", "",
           "type scull = { id : int; rower : string; kg : float; mutable outings : int }", "",
           "let log fmt = Printf.printf fmt", "",
           "let make_fleet n = Array.init n (fun i -> { id = i; rower = Printf.sprintf \"rower%03d\" i; "
           "kg = 50.0 +. float_of_int (i mod 40); outings = 0 })", ""]
    names = []
    for i in range(n_fns):
        name = f"{rng.choice(ROWERS).lower()}_{rng.choice(['launch', 'dock', 'weigh', 'rack', 'rig', 'cox'])}_{i}"
        names.append(name)
        k = i % 4
        if k == 0:
            out.append(f"let {name} fleet =\n  Array.iter (fun s -> if s.id mod {rng.randint(2, 7)} = 0 then "
                       f"s.outings <- s.outings + 1) fleet")
        elif k == 1:
            out.append(f"let {name} fleet =\n  Array.fold_left (fun acc s -> acc +. s.kg *. float_of_int s.outings) 0.0 fleet")
        elif k == 2:
            out.append(f"let rec {name} n = if n <= 1 then 1 else {name} (n - 1) + {name} (n - 2)")
        else:
            out.append(f"let {name} fleet =\n  let l = Array.to_list fleet in\n"
                       f"  List.length (List.filter (fun s -> s.kg > {rng.randint(55, 85)}.0) l)")
        out.append("")
    out.append(f"let () =\n  let fleet = make_fleet {rng.randint(40, 300)} in\n  for day = 1 to {n_iter} do")
    for i, name in enumerate(names):
        k = i % 4
        if k == 0:
            out.append(f"    {name} fleet;")
        elif k == 1:
            out.append(f"    if day mod 5 = 0 then log \"day %d {name}: %.1f kg-outings\\n\" day ({name} fleet);")
        elif k == 2:
            out.append(f"    ignore ({name} (day mod 12));")
        else:
            out.append(f"    if day mod 9 = 0 then log \"day %d {name}: %d heavy sculls\\n\" day ({name} fleet);")
    if crash:
        out.append(f"    if day = {n_iter - 1} then (log \"ERROR slipway 3 flooded on day %d\\n\" day; "
                   "ignore (List.assoc \"slipway-3\" [(\"slipway-1\", 1)]));")
    out.append("  done;\n  log \"season over: %d sculls\\n\" (Array.length fleet)")
    return "\n".join(out) + "\n"


def step_prof_gc(tmp: Path) -> None:
    d = tmp / "sim"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47013)
    for name, n_fns, n_iter, crash in [("season", 12, 60, False), ("regatta", 40, 150, False),
                                       ("winter", 90, 90, True), ("spring", 24, 400, False)]:
        (d / f"{name}.ml").write_text(gen_sim(rng, n_fns, n_iter, crash))
        run(f"ocamlcp -P a -o {name}_prof {name}.ml && ./{name}_prof > /dev/null 2>&1; "
            f"mv ocamlprof.dump {name}.dump; ocamlfind ocamlopt -package unix -o {name}.exe {name}.ml", cwd=d)
    for name in ("season", "regatta", "winter", "spring"):
        SZ.cap(f"ocamlprof-{name}", f"ocamlprof -f {name}.dump {name}.ml; echo EXIT=$?", d, n_ocamlprof)
    for name in ("season", "regatta", "winter", "spring"):
        SZ.cap(f"gc-stats-{name}", f"OCAMLRUNPARAM=v=0x400 ./{name}.exe; echo EXIT=$?", d, n_gc)


TOPLEVEL_PHRASES = [
    "type boat = Single | Double | Pair | Four | Quad | Eight;;",
    "let seats = function Single -> 1 | Double | Pair -> 2 | Four | Quad -> 4 | Eight -> 9;;",
    "type scull = {{ id : int; rower : string; kg : float }};;",
    "let fleet = List.init {n} (fun i -> {{ id = i; rower = \"rower\" ^ string_of_int i; kg = 60.0 +. float_of_int i }});;",
    "let total = List.fold_left (fun a s -> a +. s.kg) 0.0 fleet;;",
    "let total_bad = List.fold_left (fun a s -> a + s.kg) 0 fleet;;",
    "let bow = function Single -> \"bow\" | Double -> \"stroke\";;",
    "List.nth fleet {big};;",
    "let find id = List.find (fun s -> s.id = id) fleet;;",
    "find {big};;",
    "Coxswain.call \"easy all\";;",
    "let x = 3 in x +. 1.0;;",
    "let heavy = List.filter (fun s -> s.kg > 70.0) fleet;;",
    "List.length heavy;;",
    "let unused_oar = 4 in seats Eight;;",
    "String.sub \"slipway\" 3 10;;",
    "int_of_string \"twelve\";;",
    "let rec strokes n = if n = 0 then [] else n :: strokes (n - 1);;",
    "strokes {n};;",
    "#show_type boat;;",
    "let m = Hashtbl.create 16;;",
    "Hashtbl.add m \"cox\" 1; Hashtbl.find m \"stroke\";;",
    "assert (seats Quad = 5);;",
    "1 / (seats Single - 1);;",
]


def step_toplevel(tmp: Path) -> None:
    d = tmp / "top"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47014)
    for name, n, reps in [("dock", 8, 1), ("rack", 40, 2), ("regatta", 120, 4)]:
        phrases = []
        for r in range(reps):
            ps = [p.format(n=n + r * 7, big=n * 3 + r) for p in TOPLEVEL_PHRASES]
            if r:
                rng.shuffle(ps)
                ps = [p.format(n=n + r * 7, big=n * 3 + r) for p in TOPLEVEL_PHRASES[:3]] + ps
            phrases += ps
        (d / f"{name}.ml").write_text("\n".join(phrases) + "\n")
        SZ.cap(f"toplevel-{name}", f"ocaml -w +a < {name}.ml; echo EXIT=$?", d, n_toplevel)


def step_findlib(tmp: Path) -> None:
    SZ.cap("ocamlfind-list", "ocamlfind list; echo EXIT=$?", tmp, n_findlib_list)
    SZ.cap("ocamlfind-list-describe", "ocamlfind list -describe; echo EXIT=$?", tmp, n_findlib_list)
    SZ.cap("ocamlfind-query-r", "ocamlfind query -r alcotest cmdliner fmt re; "
           "ocamlfind query -format '%p %v %d' -r alcotest fmt.tty; ocamlfind query boathouse.cox; echo EXIT=$?",
           tmp, n_findlib_query)
    SZ.cap("ocamlfind-query-predicates", "ocamlfind query -predicates byte,mt -format '%p: %a' -r threads.posix re.str; "
           "ocamlfind query -predicates native -format '%p %A' -r alcotest; ocamlfind query menhirLib lwt; "
           "ocamlfind query -long-format cmdliner fmt; ocamlfind query -descendants fmt; echo EXIT=$?",
           tmp, n_findlib_query)


def gen_doc_lib(name: str, rng: random.Random, n_vals: int, faults: bool) -> tuple[str, str]:
    """A library's .ml and its documented .mli; with faults, odoc-breaking comments among the good ones."""
    ml = [f"type t = {{ id : int; label : string; kg : float }}", "exception Not_on_rack of int",
          "let make id label kg = { id; label; kg }"]
    mli = [f"(** {name.capitalize()}: the boathouse's {name}s, their labels and weights. *)", "",
           "(** A {b " + name + "} as the boathouse logs it. *)", "type t = { id : int; label : string; kg : float }",
           "", "exception Not_on_rack of int", "(** Raised when a hull is asked for but not racked. *)", "",
           "val make : int -> string -> float -> t", "(** [make id label kg] books a new hull. *)", ""]
    bad = [
        "(** See {!Coxswain.call} for the calls. *)",
        "(** Weighs it. @raises Not_found when absent *)",
        "(** Books an outing {b at dawn. *)",
        "(** Uses {!val:nowhere_fn} and {!type:nothing}. *)",
        "(** Deprecated. @deprecatd use [make] *)",
        "(** A heading:\n    {3 Racks}\n    {5 Oars} *)",
        "(** Links {{:http://127.0.0.1:18470/racks} the rack list. *)",
        "(** @param weight the hull's weight *)",
    ]
    for i in range(n_vals):
        fn = f"{rng.choice(ROWERS).lower()}_{name}_{i}"
        ml.append(f"let {fn} x = x.kg *. {rng.randint(1, 9)}.0")
        mli.append(f"val {fn} : t -> float")
        if faults and i % 3 == 1:
            mli.append(bad[(i // 3) % len(bad)])
        else:
            mli.append(f"(** [{fn} x] weighs [x] for the {rng.choice(BOATS)} rack. *)")
        mli.append("")
    return "\n".join(ml) + "\n", "\n".join(mli) + "\n"


MAIN_ML = r'''
open Cmdliner

let verbose = Arg.(value & flag & info ["v"; "verbose"] ~doc:"Print every slipway movement.")
let slipway = Arg.(value & opt int 1 & info ["s"; "slipway"] ~docv:"N" ~doc:"Launch from slipway $(docv).")
let crew = Arg.(required & pos 0 (some string) None & info [] ~docv:"CREW" ~doc:"The crew to launch.")
let boat =
  let kinds = [("single", `Single); ("double", `Double); ("four", `Four); ("eight", `Eight)] in
  Arg.(value & opt (enum kinds) `Single & info ["b"; "boat"] ~docv:"BOAT" ~doc:"Boat class: $(docv).")
let cox = Arg.(value & opt (some string) None & info ["c"; "cox"] ~docv:"NAME" ~doc:"Coxswain for the outing.")
let tide = Arg.(value & opt float 0.5 & info ["tide"] ~docv:"M" ~doc:"Minimum tide height in metres.")
let rack = Arg.(value & opt_all string [] & info ["r"; "rack"] ~docv:"RACK" ~doc:"Rack(s) to take hulls from.")

let launch verbose slipway crew _boat cox tide racks =
  if verbose then Printf.printf "slipway %d, tide %.1f, racks %s\n" slipway tide (String.concat "," racks);
  Printf.printf "launching %s%s\n" crew (match cox with Some c -> " coxed by " ^ c | None -> "");
  0

let launch_cmd =
  let doc = "Launch a crew from a slipway." in
  let man = [ `S Manpage.s_description;
              `P "Books the slipway, checks the tide and puts the crew's hull on the water.";
              `S "SAFETY"; `P "No outing launches below the minimum tide or after dusk.";
              `S Manpage.s_bugs; `P "Report them to the boatman." ] in
  Cmd.v (Cmd.info "launch" ~doc ~man)
    Term.(const launch $ verbose $ slipway $ crew $ boat $ cox $ tide $ rack)

let store_cmd =
  let hull = Arg.(required & pos 0 (some int) None & info [] ~docv:"HULL" ~doc:"Hull number.") in
  let doc = "Return a hull to its rack." in
  Cmd.v (Cmd.info "store" ~doc) Term.(const (fun v h -> if v then print_endline "storing"; h mod 2) $ verbose $ hull)

let roster_cmd =
  let day = Arg.(value & opt string "today" & info ["d"; "day"] ~docv:"DAY" ~doc:"Roster for $(docv).") in
  let fmt_ = Arg.(value & opt (enum [("text", `T); ("csv", `C)]) `T & info ["format"] ~doc:"Output format.") in
  let doc = "Print the coxes' and crews' roster." in
  Cmd.v (Cmd.info "roster" ~doc) Term.(const (fun _ d _ -> print_endline d; 0) $ verbose $ day $ fmt_)

let () =
  let doc = "the boathouse's slipway and rack keeper" in
  let man = [ `S Manpage.s_description; `P "$(tname) books slipways, launches crews and racks sculls.";
              `S Manpage.s_commands; `S "ENVIRONMENT"; `P "$(b,BOATHOUSE_DB) names the booking file." ] in
  exit (Cmd.eval' (Cmd.group (Cmd.info "boathouse" ~version:"0.4.70" ~doc ~man) [launch_cmd; store_cmd; roster_cmd]))
'''


def step_dune(tmp: Path) -> None:
    root = tmp / "boathouse"
    rng = random.Random(47015)
    files = {"dune-project": "(lang dune 2.9)\n(name boathouse)\n",
             "dune": "(env\n (dev (flags (:standard -w +a-4-40-41-42-44-45-70)) (ocamlopt_flags (:standard -O3 -unboxed-types)))\n"
                     " (release (flags (:standard -w -a)) (ocamlopt_flags (:standard -inline 200)) (c_flags (:standard -O2))))\n",
             "bin/dune": "(executable (name main) (public_name boathouse) (libraries cmdliner slipway scull cox))\n",
             "bin/main.ml": MAIN_ML.lstrip("\n"),
             "boathouse.opam": "",
             "lib/cox/dune": "(library (name cox) (public_name boathouse.cox) (libraries scull)\n"
                             " (flags (:standard -w -32)) (ocamlopt_flags (:standard -unsafe)))\n(env (_ (c_flags (:standard -DCOX))))\n"}
    for name, n in [("slipway", 20), ("scull", 70), ("cox", 45), ("crew", 150)]:
        ml, mli = gen_doc_lib(name, rng, n, name != "slipway")
        files[f"lib/{name}/{name}.ml"] = ml
        files[f"lib/{name}/{name}.mli"] = mli
        if name != "cox":
            files[f"lib/{name}/dune"] = f"(library (name {name}) (public_name boathouse.{name}))\n"
    write_tree(root, files)
    run("dune build 2>&1 | tail -5", cwd=root, timeout=600)
    SZ.cap("odoc-doc", "dune build @doc 2>&1; echo EXIT=$?", root, n_odoc, timeout=600)
    SZ.cap("printenv-dev", "dune printenv . 2>&1; echo EXIT=$?", root, n_printenv)
    SZ.cap("printenv-release-cox", "for d in lib/cox lib/crew bin; do echo \"== $d\"; dune printenv --profile release $d 2>&1; done; echo EXIT=$?", root,
           n_printenv)
    SZ.cap("printenv-bad", "echo '(env (dev (flags (:standard -w +a)) (ocamlopt_flag -O3)))' > lib/slipway/dune.env; "
           "cat lib/slipway/dune.env >> lib/slipway/dune; dune printenv lib/slipway 2>&1; dune printenv lib/scull 2>&1; "
           "echo EXIT=$?",
           root, n_printenv)
    run("sed -i '$d' lib/slipway/dune", cwd=root)
    run("dune build 2>&1 | tail -5", cwd=root, timeout=600)
    SZ.cap("odoc-direct", "cd _build/default/lib/crew && odoc compile --package boathouse -I . .crew.objs/byte/crew.cmti "
           "-o /dev/shm/hm-corpus-wide470-crew.odoc 2>&1; odoc compile --package boathouse -I . "
           "../scull/.scull.objs/byte/scull.cmti -o /dev/shm/hm-corpus-wide470-scull.odoc 2>&1; echo EXIT=$?",
           root, n_odoc)
    SZ.cap("odoc-warn-error", "cd _build/default/lib && for l in cox slipway scull; do odoc compile --warn-error "
           "--package boathouse -I $l $l/.$l.objs/byte/$l.cmti -o /dev/shm/hm-corpus-wide470-$l.odoc 2>&1; "
           "echo \"odoc $l exited $?\"; done; echo EXIT=$?", root, n_odoc)
    exe = "./_build/default/bin/main.exe"
    SZ.cap("cmdliner-main", f"{exe} --help=plain; echo EXIT=$?", root, n_cmdliner, typed="boathouse --help=plain; echo EXIT=$?")
    SZ.cap("cmdliner-launch", f"{exe} launch --help=plain; echo EXIT=$?", root, n_cmdliner,
           typed="boathouse launch --help=plain; echo EXIT=$?")
    SZ.cap("cmdliner-errors", f"{exe} launch --tide high eights; {exe} launch -b skiff; {exe} store; {exe} launch --oars 8 x; "
           f"{exe} regatta; {exe} roster --help=plain; echo EXIT=$?", root, n_cmdliner,
           typed="boathouse launch --tide high eights; boathouse launch -b skiff; boathouse store; "
                 "boathouse launch --oars 8 x; boathouse regatta; boathouse roster --help=plain; echo EXIT=$?")
    b = "_build/default/lib"
    SZ.cap("objinfo-cma", f"ocamlobjinfo {b}/scull/scull.cma {b}/cox/cox.cma; echo EXIT=$?", root, n_objinfo)
    SZ.cap("objinfo-cmx", f"ocamlobjinfo {b}/crew/.crew.objs/native/crew.cmx {b}/slipway/.slipway.objs/byte/slipway.cmi "
           f"{b}/cox/cox.ml; echo EXIT=$?", root, n_objinfo)
    SZ.cap("objinfo-cmxa-exe", f"ocamlobjinfo {b}/crew/crew.cmxa {b}/scull/scull.cmxa /usr/lib/ocaml/str.cma; echo EXIT=$?",
           root, n_objinfo)
    SZ.cap("objinfo-bytecomp", "ocamlobjinfo /usr/lib/ocaml/compiler-libs/ocamlbytecomp.cma "
           "/usr/lib/ocaml/compiler-libs/ocamltoplevel.cma; echo EXIT=$?", root, n_objinfo)
    SZ.cap("objinfo-stdlib-cma", "ocamlobjinfo /usr/lib/ocaml/stdlib.cma; echo EXIT=$?", root, n_objinfo)
    SZ.cap("objinfo-cmdliner", "ocamlobjinfo /usr/lib/ocaml/cmdliner/cmdliner.cmxa /usr/lib/ocaml/unix.cma "
           "/usr/lib/ocaml/cmdliner/META; echo EXIT=$?", root, n_objinfo)
    # external-lib-deps: the same project asking for libraries this machine lacks
    ext = tmp / "boathouse-ext"
    run(f"cp -r {root} {ext} && rm -rf {ext}/_build", cwd=tmp)
    write_tree(ext, {
        "lib/slipway/dune": "(library (name slipway) (public_name boathouse.slipway) (libraries lwt lwt.unix yojson)\n"
                            " (preprocess (pps ppx_deriving.show ppx_yojson_conv)))\n",
        "lib/crew/dune": "(library (name crew) (public_name boathouse.crew) (libraries slipway core_kernel re))\n",
        "test/dune": "(test (name test_boathouse) (libraries alcotest crew qcheck-alcotest)\n (preprocess (pps ppx_expect)))\n",
        "test/test_boathouse.ml": "let () = ()\n",
        "lib/rack/dune": "(library (name rack) (libraries cohttp-lwt-unix caqti-lwt logs.fmt ptime uri)\n"
                         " (preprocess (pps ppx_sexp_conv ppx_let)))\n",
        "lib/rack/rack.ml": "let () = ()\n",
    })
    SZ.cap("extlib-missing", "dune external-lib-deps --missing @@default 2>&1; echo EXIT=$?", ext, n_extlib, timeout=300)
    SZ.cap("extlib-runtest", "dune external-lib-deps --missing @runtest @install 2>&1; "
           "dune external-lib-deps --sexp --unstable-by-dir @install 2>&1; echo EXIT=$?", ext, n_extlib, timeout=300)


STEPS = [step_ocamlc_i, step_config, step_ocamllex, step_prof_gc, step_toplevel, step_findlib, step_dune]
