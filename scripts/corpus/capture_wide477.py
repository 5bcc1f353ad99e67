#!/usr/bin/env python3
"""Capture round 477 of the compression corpus: second samples of round 470's OCaml toolchain kinds and round 439's
database kinds, no new rules, on a grain elevator written here (elevator legs, bins, scale tickets, weighmasters,
moisture grading, dryers, loadouts; seeds 47710+) with faults other than those rounds'.

Every extractor is imported from capture_wide470_ml or capture_wide439 (NEEDLES.md, "Round 477"). Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide477.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide477.json  as {"version": 2, "items": [...]}, ids prefixed "wide477-".
Tools:   Debian 12's OCaml 4.13 (ocaml-nox, ocaml-findlib, dune, odoc, cmdliner via alcotest), PostgreSQL 15 with
         pgTAP and pg_prove, sqitch (SQLite engine), sqlite3-tools; a throwaway cluster on 127.0.0.1:18477.
"""

from __future__ import annotations

import atexit
import os
import random
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
import capture_wide470_ml as ml  # noqa: E402  (round 470's extractors)
import capture_wide439 as db  # noqa: E402  (round 439's extractors)

ID_PREFIX = "wide477-"
DEFAULT_OUT = HERE / "data" / "wide477.json"
TMP = Path("/dev/shm/hm-corpus-wide477")
PORT = 18477
PGBIN = "/usr/lib/postgresql/15/bin"
SZ = cm.Sized(400, 120_000)
cap = SZ.cap


def ensure_tools() -> None:
    for tool in ("ocamlfind", "dune", "odoc", "pg_prove", "sqitch", "sqldiff", "sqlite3_analyzer"):
        cm.have(tool, tool)


# ================================================================== OCaml: graintower

CROPS = ["Wheat", "Corn", "Soy", "Barley", "Oats", "Sorghum", "Canola"]
WM = ["abe", "bess", "cyrus", "dolly", "elmer", "faye", "gus", "hattie", "ike", "june", "karl", "lula", "merle",
      "nell", "otis", "pearl", "rufus", "sadie", "tate", "vern", "wilma"]
PARTS = ["bin", "leg", "ticket", "scale", "dryer", "loadout", "grade", "aerator", "spout", "conveyor"]


def gen_ml(name: str, rng: random.Random, n_fns: int, faults: set[str]) -> str:
    """A graintower module: a bin record, a crop variant, a bin-state variant, n_fns functions; faults from
    {"eqfloat", "field", "label", "match", "open", "before"}."""
    out = [f"(* {name}.ml: the elevator's {name} ledger *)", ""]
    if "open" in faults:
        out += ["open Printf", "open List", ""]
    out += ["type crop = " + " | ".join(CROPS), "",
            "type state = Empty | Filling | Full | Sealed | Aerating", "",
            f"type {name} = {{ id : int; label : string; bushels : float; capacity : int; crop : crop; "
            "moisture : float; state : state }", "",
            f"exception Overfill of int * float", "",
            "let test_weight = function Wheat -> 60.0 | Corn | Sorghum -> 56.0 | Soy -> 60.0 | Barley -> 48.0"
            " | Oats -> 32.0 | Canola -> 50.0", "",
            "let fill ~bin ~bu = { bin with bushels = bin.bushels +. bu; state = Filling }", ""]
    if "before" in faults:
        out += [f"let early_{name} x = Dryer_log.record x.label", ""]
    for i in range(n_fns):
        w = rng.choice(WM)
        fn = f"{w}_{name}_{i}"
        k = rng.randrange(7)
        if k == 0:
            out.append(f"let {fn} xs = List.fold_left (fun acc b -> acc +. b.bushels) 0.0 xs")
        elif k == 1:
            out.append(f"let {fn} b =\n  if b.bushels > float_of_int b.capacity then raise (Overfill (b.id, b.bushels))"
                       "\n  else b")
        elif k == 2:
            out.append(f"let {fn} b = Printf.sprintf \"bin %d %s: %.0f bu at %.1f%%\" b.id b.label b.bushels b.moisture")
        elif k == 3:
            out.append(f"let {fn} xs = List.filter (fun b -> b.moisture > {rng.randint(13, 18)}.5) xs")
        elif k == 4:
            out.append(f"let {fn} b = b.bushels *. test_weight b.crop /. {rng.choice([2000, 2204])}.0")
        elif k == 5:
            out.append(f"let {fn} ?(shrink = 1.{rng.randint(2, 4)}) b pts = "
                       "{ b with bushels = b.bushels *. (1.0 -. shrink *. pts /. 100.0) }")
        else:
            out.append(f"let {fn} xs = List.sort (fun a b -> compare b.bushels a.bushels) xs |> List.map (fun b -> b.id)")
        out.append("")
        if "eqfloat" in faults and i == n_fns // 2:
            out.append(f"let {fn}_full b = b.bushels = b.capacity\n")
        if "field" in faults and i == n_fns // 3:
            out.append(f"let {fn}_room b = b.capcity - int_of_float b.bushels\n")
        if "label" in faults and i % 11 == 5:
            out.append(f"let {fn}_load b = fill b {rng.randint(100, 900)}.0\n")
        if "match" in faults and i % 8 == 2:
            out.append(f"let {fn}_gate = function Empty -> \"open\" | Filling -> \"open\" | Full -> \"shut\"\n")
    return "\n".join(out) + "\n"


def step_ocamlc_i(tmp: Path) -> None:
    d = tmp / "tower"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47710)
    plans = [("bin", 14, set()), ("leg", 28, {"match", "open"}), ("ticket", 24, {"eqfloat"}),
             ("scale", 36, {"field"}), ("dryer", 110, {"label", "match"}), ("loadout", 20, {"before"}),
             ("grade", 200, {"match"}), ("harvest", 700, {"label", "match"})]
    for name, n, faults in plans:
        (d / f"{name}.ml").write_text(gen_ml(name, rng, n, faults))
    W = "-w +a-4-9-40-41-42-44-45-70"
    cap("ocamlc-i-bin-leg", f"ocamlc -i {W} bin.ml leg.ml; echo EXIT=$?", d, ml.n_ocamlc_i)
    cap("ocamlc-i-faults", f"for f in ticket.ml scale.ml loadout.ml bin.ml; do ocamlc -i {W} $f; done; echo EXIT=$?",
        d, ml.n_ocamlc_i)
    cap("ocamlc-i-dryer", f"ocamlc -i {W} dryer.ml; echo EXIT=$?", d, ml.n_ocamlc_i)
    cap("ocamlc-i-grade", f"ocamlc -i {W} grade.ml 2>&1 | tail -n 400; echo EXIT=$?", d, ml.n_ocamlc_i)
    cap("ocamlc-i-harvest", f"ocamlc -i {W} harvest.ml; echo EXIT=$?", d, ml.n_ocamlc_i)
    # ocamldep: a chain of elevator modules, one naming a module nobody wrote
    rng = random.Random(47711)
    chain = tmp / "chain"
    chain.mkdir(parents=True, exist_ok=True)
    names = [f"{p}_{i:02d}" for i in range(7) for p in PARTS]
    for j, name in enumerate(names):
        deps = rng.sample(names[:j], min(j, rng.randint(0, 4))) if j else []
        body = "".join(f"let use_{k} = {dn.capitalize()}.test_weight\n" for k, dn in enumerate(deps))
        if j in (9, 41):
            body += "let audit = Weighmaster_roster.sign\n"
        (chain / f"{name}.ml").write_text(gen_ml(name, rng, 2, set()) + body)
        if j % 5 == 0:
            (chain / f"{name}.mli").write_text("val test_weight : int -> float\n")
    (chain / "spout_03.ml").write_text((chain / "spout_03.ml").read_text() + "let broken = match 1 with | -> 0\n")
    cap("ocamldep-chain", "ocamldep -I . *.mli *.ml; echo EXIT=$?", chain, ml.n_ocamldep)
    cap("ocamldep-chain-modules", "ocamldep -modules *.ml *.mli; echo EXIT=$?", chain, ml.n_ocamldep)
    # ocamlobjinfo over compiled units of the chain and the tower's clean module
    run("ocamlc -c bin.ml && ocamlopt -c bin.ml && ocamlc -a -o bin.cma bin.cmo && ocamlopt -a -o bin.cmxa bin.cmx",
        cwd=d)
    run("for f in $(ocamldep -sort *.mli *.ml); do ocamlc -c $f 2>/dev/null; done; "
        "ocamlc -a -o elevator.cma $(ls *.cmo | sort) 2>/dev/null; true", cwd=chain, timeout=300)
    cap("objinfo-tower", "ocamlobjinfo bin.cmo bin.cmx bin.cmi bin.cmxa ticket.ml; echo EXIT=$?", d, ml.n_objinfo)
    cap("objinfo-elevator-cma", "ocamlobjinfo elevator.cma; echo EXIT=$?", chain, ml.n_objinfo)
    cap("objinfo-stdlib-cmxa", "ocamlobjinfo /usr/lib/ocaml/stdlib.cmxa /usr/lib/ocaml/dynlink.cmxa; echo EXIT=$?", d,
        ml.n_objinfo)
    cap("objinfo-libs", "ocamlobjinfo /usr/lib/ocaml/str.cmxa /usr/lib/ocaml/dynlink.cma /usr/lib/ocaml/unix.cmxa "
        "/usr/lib/ocaml/nothere.cma; echo EXIT=$?", d, ml.n_objinfo)


def gen_lexer(rng: random.Random, n_kw: int, fault: str | None) -> str:
    out = ["{", "  type token = Ticket of int | Bushels of float | Crop of string | Truck of string | Moist of float",
           "    | Weighmaster of int | Sep | Eof", "}", "", "let digit = ['0'-'9']", "let plate = ['A'-'Z' '0'-'9']",
           "", "rule token = parse", "  | [' ' '\\t']+ { token lexbuf }",
           "  | '\\n' { Lexing.new_line lexbuf; token lexbuf }",
           "  | \"T#\" (digit+ as n) { Ticket (int_of_string n) }",
           "  | (digit+ '.' digit* as f) \"bu\" { Bushels (float_of_string f) }",
           "  | (digit+ '.' digit as m) '%' { Moist (float_of_string m) }",
           "  | \"plate:\" (plate+ as p) { Truck p }", "  | '|' { Sep }"]
    for i, c in enumerate(CROPS):
        out.append(f"  | \"{c.lower()}\" {{ Crop \"{c}\" }}")
    for i in range(n_kw):
        out.append(f"  | \"wm-{rng.choice(WM)}{i}\" {{ Weighmaster {i} }}")
    if fault == "string":
        out.append("  | \"dock { Eof }")
    if fault == "class":
        out.append("  | ['z' - ] { Eof }")
    if fault == "unbound":
        out.append("  | bushel_digit+ { Eof }")
    out += ["  | eof { Eof }", "  | _ as c { failwith (Printf.sprintf \"scale ticket: bad char %C\" c) }", ""]
    return "\n".join(out) + "\n"


def step_ocamllex(tmp: Path) -> None:
    d = tmp / "lex"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47712)
    faults = [None, "class", None, None, "string", None, None, None, None, "unbound"]
    for i, f in enumerate(faults):
        (d / f"{PARTS[i]}_ticket_lexer.mll").write_text(gen_lexer(rng, 8 + 15 * i, f))
    cap("ocamllex-tickets", "for f in *.mll; do echo \"== $f\"; ocamllex $f; done; echo EXIT=$?", d, ml.n_ocamllex)
    cap("ocamllex-ml", "for f in bin_ticket_lexer.mll leg_ticket_lexer.mll dryer_ticket_lexer.mll "
        "spout_ticket_lexer.mll; do ocamllex -ml -q $f; echo \"ocamllex $f exited $?\"; done; "
        "ocamllex -ml bin_ticket_lexer.mll; echo EXIT=$?", d, ml.n_ocamllex)


def gen_sim(rng: random.Random, n_fns: int, n_days: int, crash: bool) -> str:
    out = ["(* sim.ml: a harvest at the elevator *)", "",
           "type bin = { id : int; mutable bu : float; cap : float; mutable moist : float; mutable dumps : int }", "",
           "let log fmt = Printf.printf fmt", "",
           "let make_bins n = Array.init n (fun i -> { id = i; bu = 0.0; cap = 20000.0 +. float_of_int (i * 500); "
           "moist = 15.0; dumps = 0 })", ""]
    names = []
    for i in range(n_fns):
        name = f"{rng.choice(WM)}_{rng.choice(['dump', 'weigh', 'dry', 'aerate', 'load', 'grade'])}_{i}"
        names.append(name)
        k = i % 4
        if k == 0:
            out.append(f"let {name} bins =\n  Array.iter (fun b -> if b.id mod {rng.randint(2, 6)} = 0 then "
                       f"(b.bu <- b.bu +. {rng.randint(300, 1200)}.0; b.dumps <- b.dumps + 1)) bins")
        elif k == 1:
            out.append(f"let {name} bins =\n  Array.fold_left (fun acc b -> acc +. b.bu) 0.0 bins")
        elif k == 2:
            out.append(f"let {name} bins =\n  Array.iter (fun b -> if b.moist > 14.0 then b.moist <- b.moist -. 0.{rng.randint(1, 9)}) bins")
        else:
            out.append(f"let {name} bins =\n  Array.to_list bins |> List.filter (fun b -> b.bu > b.cap *. 0.{rng.randint(5, 9)})"
                       " |> List.length")
        out.append("")
    out.append(f"let () =\n  let bins = make_bins {rng.randint(12, 80)} in\n  for day = 1 to {n_days} do")
    for i, name in enumerate(names):
        k = i % 4
        if k == 0 or k == 2:
            out.append(f"    {name} bins;")
        elif k == 1:
            out.append(f"    if day mod 7 = 0 then log \"day %d {name}: %.0f bu in house\\n\" day ({name} bins);")
        else:
            out.append(f"    if day mod 10 = 0 then log \"day %d {name}: %d bins past the mark\\n\" day ({name} bins);")
    if crash:
        out.append(f"    if day = {n_days - 2} then (log \"ERROR leg 2 choked on day %d\\n\" day; "
                   "ignore (Array.make (day - 1000) 0.0));")
    out.append("  done;\n  log \"harvest in: %d bins\\n\" (Array.length bins)")
    return "\n".join(out) + "\n"


def step_prof_gc(tmp: Path) -> None:
    d = tmp / "sim"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47713)
    sims = [("wheat", 10, 50, False), ("corn", 36, 140, False), ("soy", 80, 70, True), ("milo", 20, 300, False)]
    for name, n_fns, n_days, crash in sims:
        (d / f"{name}.ml").write_text(gen_sim(rng, n_fns, n_days, crash))
        run(f"ocamlcp -P a -o {name}_prof {name}.ml && ./{name}_prof > /dev/null 2>&1; "
            f"mv ocamlprof.dump {name}.dump; ocamlfind ocamlopt -package unix -o {name}.exe {name}.ml", cwd=d,
            timeout=300)
    for name, *_ in sims[1:]:  # the wheat run is built but not kept (50 items at most)
        cap(f"ocamlprof-{name}", f"ocamlprof -f {name}.dump {name}.ml; echo EXIT=$?", d, ml.n_ocamlprof)
    for name, *_ in sims[1:]:
        cap(f"gc-stats-{name}", f"OCAMLRUNPARAM=v=0x400 ./{name}.exe; echo EXIT=$?", d, ml.n_gc)


PHRASES = [
    "type crop = Wheat | Corn | Soy | Barley | Oats;;",
    "let tw = function Wheat -> 60.0 | Corn -> 56.0 | Soy -> 60.0 | Barley -> 48.0 | Oats -> 32.0;;",
    "type ticket = {{ no : int; gross_lb : int; tare_lb : int; crop : crop; moist : float }};;",
    "let tickets = List.init {n} (fun i -> {{ no = 9000 + i; gross_lb = 60000 + i * 37; tare_lb = 28000 + i * 11; "
    "crop = (if i mod 3 = 0 then Corn else Wheat); moist = 13.0 +. float_of_int (i mod 9) }});;",
    "let net t = t.gross_lb - t.tare_lb;;",
    "let bushels t = float_of_int (net t) /. tw t.crop;;",
    "let total = List.fold_left (fun a t -> a +. bushels t) 0.0 tickets;;",
    "let shrink t = if t.moist > 15.0 then (t.moist - 15.0) *. 1.3 else 0.0;;",
    "let gate = function Wheat -> \"pit 1\" | Corn -> \"pit 2\";;",
    "List.assoc 9999 (List.map (fun t -> (t.no, t)) tickets);;",
    "let wet = List.filter (fun t -> t.moist > 17.5) tickets;;",
    "List.length wet;;",
    "Weighbridge.zero ();;",
    "let t0 = List.hd tickets in {{ t0 with moisture = 12.0 }};;",
    "String.make (-{n}) 'x';;",
    "float_of_string \"13,5\";;",
    "let bins = Array.make {n} 0.0;;",
    "bins.({n}) <- 1.0;;",
    "let unused_pit = 3 in tw Oats;;",
    "#show_type ticket;;",
    "let rec dumps n = if n = 0 then [] else n :: dumps (n - 1);;",
    "dumps {n};;",
    "assert (net (List.hd tickets) < 0);;",
    "compare (fun x -> x) (fun y -> y);;",
]


def step_toplevel(tmp: Path) -> None:
    d = tmp / "top"
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(47714)
    for name, n, reps in [("pit", 30, 2), ("season", 150, 5)]:
        phrases = []
        for r in range(reps):
            ps = [p.format(n=n + r * 5) for p in PHRASES]
            if r:
                head, rest = ps[:4], ps[4:]
                rng.shuffle(rest)
                ps = head + rest
            phrases += ps
        (d / f"{name}.ml").write_text("\n".join(phrases) + "\n")
        cap(f"toplevel-{name}", f"ocaml -w +a < {name}.ml; echo EXIT=$?", d, ml.n_toplevel)


def step_findlib(tmp: Path) -> None:
    cap("ocamlfind-query-deps", "ocamlfind query -r cmdliner alcotest unix str; ocamlfind query -format '%p %v %D' -r "
        "fmt.tty astring; ocamlfind query graintower.bins; echo EXIT=$?", tmp, ml.n_findlib_query)


def gen_mli(name: str, rng: random.Random, n_vals: int, faults: bool) -> tuple[str, str]:
    mlt = ["type t = { id : int; label : string; bu : float }", "exception Bin_full of int",
           "let make id label bu = { id; label; bu }"]
    mli = [f"(** {name.capitalize()}: the elevator's {name}s and what they hold. *)", "",
           "type t = { id : int; label : string; bu : float }", "(** One " + name + " as the scale house books it. *)",
           "", "exception Bin_full of int", "(** Raised when a dump would overfill a bin. *)", "",
           "val make : int -> string -> float -> t", "(** [make id label bu] opens a ledger line. *)", ""]
    bad = [
        "(** Dumps it. @raise *)",
        "(** Weighs the load {i gross and {b tare *)",
        "(** {ul {li first} second} *)",
        "(** @before 1.0 moved to [make] *)",
        "(** Seals the bin. @return the seal number @return twice *)",
        "(** {7 Loadouts} *)",
        "(** Uses {{!Dryer}the dryer *)",
        "(** @since *)",
        "(** Grading:\n    {v 12.5% moisture *)",
    ]
    for i in range(n_vals):
        fn = f"{rng.choice(WM)}_{name}_{i}"
        mlt.append(f"let {fn} x = x.bu *. {rng.randint(2, 9)}.0")
        mli.append(f"val {fn} : t -> float")
        if faults and i % 3 == 2:
            mli.append(bad[(i // 3) % len(bad)])
        else:
            mli.append(f"(** [{fn} x] weighs [x] for the {rng.choice(CROPS).lower()} pit. *)")
        mli.append("")
    return "\n".join(mlt) + "\n", "\n".join(mli) + "\n"


MAIN_ML = r'''
open Cmdliner

let verbose = Arg.(value & flag & info ["v"; "verbose"] ~doc:"Print every scale reading.")
let scale = Arg.(value & opt int 1 & info ["s"; "scale"] ~docv:"N" ~doc:"Weigh on truck scale $(docv).")
let plate = Arg.(required & pos 0 (some string) None & info [] ~docv:"PLATE" ~doc:"The truck's licence plate.")
let crop =
  let crops = [("wheat", `Wheat); ("corn", `Corn); ("soy", `Soy); ("milo", `Milo)] in
  Arg.(value & opt (enum crops) `Wheat & info ["c"; "crop"] ~docv:"CROP" ~doc:"Crop on the truck: $(docv).")
let moisture = Arg.(value & opt float 14.0 & info ["m"; "moisture"] ~docv:"PCT" ~doc:"Moisture reading in percent.")
let tare = Arg.(value & opt (some int) None & info ["tare"] ~docv:"LB" ~doc:"Stored tare weight, in pounds.")
let bins = Arg.(value & opt_all int [] & info ["b"; "bin"] ~docv:"BIN" ~doc:"Bin(s) the load may go to.")
let wm = Arg.(value & opt string "" & info ["w"; "weighmaster"] ~docv:"NAME" ~env:(Cmd.Env.info "WEIGHMASTER")
                ~doc:"Weighmaster signing the ticket.")

let weigh verbose scale plate _crop moist tare bins wm =
  if verbose then Printf.printf "scale %d, moisture %.1f, bins %s\n" scale moist
      (String.concat "," (List.map string_of_int bins));
  Printf.printf "ticket for %s%s signed %s\n" plate (match tare with Some t -> " tare " ^ string_of_int t | None -> "") wm;
  0

let weigh_cmd =
  let doc = "Weigh a truck in and cut a scale ticket." in
  let man = [ `S Manpage.s_description;
              `P "Reads the scale, grades the sample and books the load to a bin.";
              `S "GRADING"; `P "Loads over 20% moisture are sent to the dryer before binning.";
              `S Manpage.s_exit_status; `P "Non-zero when the scale is out of tolerance." ] in
  Cmd.v (Cmd.info "weigh" ~doc ~man)
    Term.(const weigh $ verbose $ scale $ plate $ crop $ moisture $ tare $ bins $ wm)

let void_cmd =
  let ticket = Arg.(required & pos 0 (some int) None & info [] ~docv:"TICKET" ~doc:"Ticket number.") in
  let reason = Arg.(required & opt (some string) None & info ["reason"] ~docv:"WHY" ~doc:"Why it is voided.") in
  Cmd.v (Cmd.info "void" ~doc:"Void a scale ticket.")
    Term.(const (fun v t r -> if v then print_endline r; t mod 2) $ verbose $ ticket $ reason)

let bins_cmd =
  let full = Arg.(value & flag & info ["full"] ~doc:"Only bins past 90% of capacity.") in
  let fmt_ = Arg.(value & opt (enum [("table", `T); ("csv", `C); ("json", `J)]) `T & info ["format"] ~doc:"Output format.") in
  Cmd.v (Cmd.info "bins" ~doc:"List the bins and what they hold.")
    Term.(const (fun _ _ _ -> print_endline "bins"; 0) $ verbose $ full $ fmt_)

let () =
  let doc = "the elevator's scale house" in
  let man = [ `S Manpage.s_description; `P "$(tname) weighs trucks, cuts tickets and books loads to bins.";
              `S Manpage.s_commands; `S "FILES"; `P "$(b,/var/lib/graintower/tickets.db) holds the tickets." ] in
  exit (Cmd.eval' (Cmd.group (Cmd.info "scalehouse" ~version:"2.4.77" ~doc ~man) [weigh_cmd; void_cmd; bins_cmd]))
'''


def step_dune(tmp: Path) -> None:
    root = tmp / "graintower"
    rng = random.Random(47715)
    files = {"dune-project": "(lang dune 2.9)\n(name graintower)\n",
             "dune": "(env\n (dev (flags (:standard -w +a-4-40-41-42-44-45-70 -strict-sequence))"
                     " (ocamlc_flags (:standard -g)))\n"
                     " (release (flags (:standard -O3)) (ocamlopt_flags (:standard -unboxed -inline 150))))\n",
             "bin/dune": "(executable (name main) (public_name scalehouse) (libraries cmdliner bins legs))\n",
             "bin/main.ml": MAIN_ML.lstrip("\n"),
             "graintower.opam": "",
             "lib/legs/dune": "(library (name legs) (public_name graintower.legs) (libraries bins)\n"
                              " (flags (:standard -w -32-27)) (ocamlopt_flags (:standard -nodynlink)))\n"
                              "(env (_ (c_flags (:standard -DLEG_SPEED=450)) (menhir_flags (--explain))))\n",
             "lib/dryers/dune": "(library (name dryers) (public_name graintower.dryers))\n"
                                "(env (dev (flags (:standard -w @8)) (c_flags (-O0 -g))))\n"}
    for name, n in [("bins", 30), ("legs", 60), ("dryers", 40), ("tickets", 180)]:
        mlt, mli = gen_mli(name, rng, n, name != "bins")
        files[f"lib/{name}/{name}.ml"] = mlt
        files[f"lib/{name}/{name}.mli"] = mli
        if name in ("bins", "tickets"):
            files[f"lib/{name}/dune"] = f"(library (name {name}) (public_name graintower.{name}))\n"
    write_tree(root, files)
    run("dune build 2>&1 | tail -5", cwd=root, timeout=600)
    cap("odoc-doc", "dune build @doc 2>&1; echo EXIT=$?", root, ml.n_odoc, timeout=600)
    cap("printenv-dirs-release", "for d in lib/legs lib/dryers lib/tickets bin; do echo \"== $d\"; "
        "dune printenv --profile release $d 2>&1; done; echo EXIT=$?", root, ml.n_printenv)
    cap("printenv-bad-field", "dune printenv lib/legs 2>&1; printf '(env (dev (flags (:standard)) (link_flag (-g))))\\n' >> lib/bins/dune; "
        "dune printenv lib/bins 2>&1; dune printenv lib/dryers 2>&1; echo EXIT=$?", root, ml.n_printenv)
    run("sed -i '$d' lib/bins/dune", cwd=root)
    run("dune build 2>&1 | tail -5", cwd=root, timeout=600)
    cap("odoc-warn-error", "cd _build/default/lib && for l in legs dryers tickets bins; do odoc compile --warn-error "
        "--package graintower -I $l $l/.$l.objs/byte/$l.cmti -o /dev/shm/hm-corpus-wide477-$l.odoc 2>&1; "
        "echo \"odoc $l exited $?\"; done; echo EXIT=$?", root, ml.n_odoc)
    cap("odoc-tickets", "cd _build/default/lib/tickets && odoc compile --package graintower -I . "
        ".tickets.objs/byte/tickets.cmti -o /dev/shm/hm-corpus-wide477-t.odoc 2>&1; echo EXIT=$?", root, ml.n_odoc)
    exe = "./_build/default/bin/main.exe"
    cap("cmdliner-main", f"{exe} --help=plain; echo EXIT=$?", root, ml.n_cmdliner,
        typed="scalehouse --help=plain; echo EXIT=$?")
    cap("cmdliner-weigh", f"{exe} weigh --help=plain; echo EXIT=$?", root, ml.n_cmdliner,
        typed="scalehouse weigh --help=plain; echo EXIT=$?")
    cap("cmdliner-errors", f"{exe} weigh -m wet KS-4471; {exe} weigh -c rye KS-4471; {exe} void 9012; "
        f"{exe} weigh --gross 61000 KS-4471; {exe} dump; {exe} bins --format xml; {exe} void --help=plain; echo EXIT=$?",
        root, ml.n_cmdliner,
        typed="scalehouse weigh -m wet KS-4471; scalehouse weigh -c rye KS-4471; scalehouse void 9012; "
              "scalehouse weigh --gross 61000 KS-4471; scalehouse dump; scalehouse bins --format xml; "
              "scalehouse void --help=plain; echo EXIT=$?")


# ================================================================== databases: the elevator's ledgers

def elevator_data(seed: int, n_bins: int, n_tickets: int, faults: bool = True) -> dict:
    rng = random.Random(seed)
    wms = [(i + 1, w.capitalize(), rng.choice(["day", "night"]), 1 if i % 5 else 0) for i, w in enumerate(WM)]
    bins = []
    for b in range(1, n_bins + 1):
        capb = rng.choice([20000, 30000, 45000, 60000])
        bins.append((b, f"B{b:03d}", rng.choice(CROPS[:4]), capb, round(capb * rng.uniform(0.1, 0.95), 1),
                     rng.choice(["open", "open", "open", "sealed", "aerating"])))
    tickets = []
    for t in range(1, n_tickets + 1):
        gross = rng.randint(52000, 80000)
        tare = rng.randint(26000, 32000)
        tickets.append((9000 + t, f"2026-09-{1 + t % 28:02d}", f"KS-{rng.randint(1000, 9999)}",
                        rng.choice(bins)[0], rng.choice(CROPS[:4]), gross, tare,
                        round(rng.uniform(12.5, 19.5), 1), rng.randint(1, 16)))
    if faults:
        for k in (7, 55, 130):
            if k < len(tickets):
                t = tickets[k]
                tickets[k] = t[:5] + (t[6] - 500, t[5]) + t[7:]  # tare above gross
        for k in (21, 88):
            if k < len(tickets):
                tickets[k] = tickets[k][:7] + (44.5,) + tickets[k][8:]
        if n_tickets > 40:
            tickets[40] = tickets[40][:8] + (99,)  # weighmaster not on the roster
        bins[3] = bins[3][:4] + (bins[3][3] * 1.12,) + bins[3][5:]
    legs = [(i + 1, f"leg {i + 1}", rng.choice([6000, 10000, 15000]), rng.choice(["run", "run", "down"]))
            for i in range(4)]
    loadouts = [(i + 1, f"2026-09-{1 + i % 28:02d}", rng.choice(["truck", "rail"]), rng.choice(bins)[0],
                 rng.randint(900, 4000)) for i in range(n_tickets // 6)]
    return {"weighmasters": wms, "bins": bins, "tickets": tickets, "legs": legs, "loadouts": loadouts}


SCHEMA = {
    "weighmasters": "id INTEGER PRIMARY KEY, name TEXT, shift TEXT, licensed INTEGER",
    "bins": "id INTEGER PRIMARY KEY, label TEXT, crop TEXT, capacity_bu INTEGER, held_bu REAL, state TEXT",
    "tickets": "ticket_no INTEGER PRIMARY KEY, day DATE, plate TEXT, bin_id INTEGER, crop TEXT, gross_lb INTEGER, "
               "tare_lb INTEGER, moisture REAL, weighmaster_id INTEGER",
    "legs": "id INTEGER PRIMARY KEY, name TEXT, bu_per_hr INTEGER, status TEXT",
    "loadouts": "id INTEGER PRIMARY KEY, day DATE, mode TEXT, bin_id INTEGER, bushels INTEGER",
}


def make_sqlite(path: Path, data: dict) -> None:
    con = sqlite3.connect(path)
    for t, cols in SCHEMA.items():
        con.execute(f"CREATE TABLE {t} ({cols})")
        rows = data[t]
        con.executemany(f"INSERT INTO {t} VALUES ({','.join('?' * len(rows[0]))})", rows)
    con.execute("CREATE INDEX idx_tickets_bin ON tickets(bin_id, day)")
    con.execute("CREATE INDEX idx_tickets_plate ON tickets(plate)")
    con.commit()
    con.close()


def step_sqlite(tmp: Path) -> None:
    s = tmp / "sqlite"
    s.mkdir(parents=True, exist_ok=True)
    day = elevator_data(47720, 40, 900)
    make_sqlite(s / "shift_day.db", day)
    night = elevator_data(47720, 40, 900)
    rng = random.Random(47721)
    night["tickets"] = [t[:7] + (round(t[7] - 0.4, 1),) + t[8:] if rng.random() < 0.05 else t
                        for t in night["tickets"] if t[0] % 53 != 7]
    last = night["tickets"][-1][0]
    night["tickets"] += [(last + k + 1,) + t[1:] for k, t in enumerate(elevator_data(47722, 40, 60, False)["tickets"])]
    night["bins"] = [b[:5] + ("sealed",) if b[0] % 7 == 0 else b for b in night["bins"]]
    night["legs"] = [lg[:3] + ("down",) if lg[0] == 2 else lg for lg in night["legs"]]
    make_sqlite(s / "shift_night.db", night)
    con = sqlite3.connect(s / "shift_night.db")
    con.execute("ALTER TABLE bins ADD COLUMN last_temp_f REAL")
    con.execute("CREATE TABLE dryer_runs (id INTEGER PRIMARY KEY, bin_id INTEGER, start TEXT, pts_removed REAL)")
    con.executemany("INSERT INTO dryer_runs VALUES (?,?,?,?)",
                    [(k, rng.randint(1, 40), f"2026-09-{k:02d}T22:00", round(rng.uniform(1, 6), 1)) for k in range(1, 12)])
    con.execute("DROP INDEX idx_tickets_plate")
    con.commit()
    con.close()
    harvest = elevator_data(47723, 120, 6000)
    make_sqlite(s / "harvest.db", harvest)
    con = sqlite3.connect(s / "harvest.db")
    for k in range(18):
        con.execute(f"CREATE TABLE pit_{k + 1:02d} AS SELECT * FROM tickets WHERE bin_id % 18 = {k}")
        if k % 2 == 0:
            con.execute(f"CREATE INDEX idx_pit_{k + 1:02d}_day ON pit_{k + 1:02d}(day)")
    con.execute("DELETE FROM tickets WHERE day < '2026-09-10'")
    con.commit()
    con.close()
    cap("sqldiff-summary", "sqldiff --summary shift_day.db shift_night.db; sqldiff --summary shift_night.db harvest.db; "
        "echo EXIT=$?", s, db.n_sqldiff)
    cap("sqldiff-full", "sqldiff shift_day.db shift_night.db", s, db.n_sqldiff)
    cap("sqldiff-schema-bins", "sqldiff --schema shift_day.db shift_night.db; sqldiff --table bins shift_day.db "
        "shift_night.db; sqldiff --table legs shift_day.db shift_night.db; sqldiff --table silos shift_day.db shift_night.db; "
        "sqldiff --schema --table weighmasters shift_day.db harvest.db; echo EXIT=$?", s, db.n_sqldiff)
    cap("sqlite3-analyzer-day", "sqlite3_analyzer shift_day.db", s, db.n_sqlite3_analyzer)
    cap("sqlite3-analyzer-harvest", "sqlite3_analyzer harvest.db", s, db.n_sqlite3_analyzer)


CHANGES = [
    ("schema", [], "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);", "meta", "k, v"),
    ("weighmasters", ["schema"], "CREATE TABLE weighmasters (id INTEGER PRIMARY KEY, name TEXT, licence TEXT);",
     "weighmasters", "id, name, licence"),
    ("bins", ["schema"], "CREATE TABLE bins (id INTEGER PRIMARY KEY, label TEXT, capacity_bu INTEGER);", "bins",
     "id, label, capacity_bu"),
    ("bins_crop", ["bins"], "ALTER TABLE bins ADD COLUMN crop TEXT;", "bins", "crop"),
    ("legs", ["schema"], "CREATE TABLE legs (id INTEGER PRIMARY KEY, bu_per_hr INTEGER);", "legs", "id, bu_per_hr"),
    ("tickets", ["bins", "weighmasters"], "CREATE TABLE tickets (no INTEGER PRIMARY KEY, bin_id INTEGER REFERENCES "
     "bins(id), gross_lb INTEGER, tare_lb INTEGER, CHECK (gross_lb > tare_lb));", "tickets", "no, bin_id, gross_lb"),
    ("tickets_moisture", ["tickets"], "ALTER TABLE tickets ADD COLUMN moisture REAL;", "tickets", "moisture"),
    ("dryers", ["schema"], "CREATE TABLE dryers (id INTEGER PRIMARY KEY, model TEXT, bu_per_hr INTEGER);", "dryers",
     "id, model, bu_per_hr"),
    ("dryer_runs", ["dryers", "bins"], "CRATE TABLE dryer_runs (id INTEGER PRIMARY KEY, dryer_id INTEGER, bin_id "
     "INTEGER, pts_removed REAL);", "dryer_runs", "id, dryer_id, bin_id, pts_removed"),
    ("loadouts", ["bins"], "CREATE TABLE loadouts (id INTEGER PRIMARY KEY, bin_id INTEGER, mode TEXT, bushels "
     "INTEGER);", "loadouts", "id, bin_id, mode, bushels"),
    ("net_view", ["tickets"], "CREATE VIEW net_weights AS SELECT no, gross_lb - tare_lb AS net_lb FROM tickets;",
     "net_weights", "no, net_lb"),
    ("grades", ["tickets"], "CREATE TABLE grades (ticket_no INTEGER, test_weight REAL, damage_pct REAL);", "grades",
     "ticket_no, test_weight, damage_pct, foreign_material"),
    ("idx_tickets_bin", ["tickets"], "CREATE INDEX idx_tickets_bin ON tickets(bin_id);", "tickets", "bin_id"),
    ("railcars", ["loadouts"], "CREATE TABLE railcars (reportmark TEXT PRIMARY KEY, loadout_id INTEGER);",
     "railcars", "reportmark, loadout_id"),
    ("bin_temps", ["bins"], "CREATE TABLE bin_temps (bin_id INTEGER, at TEXT, cable INTEGER, temp_f REAL);",
     "bin_temps", "bin_id, at, cable, temp_f"),
    ("shrink_table", ["schema"], "CREATE TABLE shrink (moisture REAL PRIMARY KEY, factor REAL);", "shrink",
     "moisture, factor"),
]


def sqitch_project(q: Path) -> None:
    files = {"sqitch.conf": "[core]\n\tengine = sqlite\n\tplan_file = sqitch.plan\n\ttop_dir = .\n"
                            "[engine \"sqlite\"]\n\ttarget = db:sqlite:scalehouse.db\n"
                            "[user]\n\tname = Hattie Brandt\n\temail = hattie@graintower.example\n"}
    plan = ["%syntax-version=1.0.0", "%project=scalehouse", "%uri=https://graintower.example/scalehouse/", ""]
    for k, (name, deps, ddl, table, cols) in enumerate(CHANGES):
        dep = f" [{' '.join(deps)}]" if deps else ""
        plan.append(f"{name}{dep} 2026-08-{k + 1:02d}T06:{k:02d}:00Z Hattie Brandt <hattie@graintower.example> "
                    f"# Add {name.replace('_', ' ')} for the scale house")
        if name == "tickets_moisture":
            plan.append("@harvest-2026 2026-08-08T12:00:00Z Hattie Brandt <hattie@graintower.example> # Harvest start")
        files[f"deploy/{name}.sql"] = f"-- Deploy scalehouse:{name} to sqlite\n\nBEGIN;\n\n{ddl}\n\nCOMMIT;\n"
        import re
        obj = re.search(r"CR[E]?ATE (TABLE|VIEW|INDEX) (\w+)", ddl)
        if obj:
            rev = f"DROP {obj.group(1)} {obj.group(2)};"
        else:
            col = re.search(r"ADD COLUMN (\w+)", ddl).group(1)
            rev = f"ALTER TABLE {table} DROP COLUMN {col};"
        files[f"revert/{name}.sql"] = f"-- Revert scalehouse:{name} from sqlite\n\nBEGIN;\n\n{rev}\n\nCOMMIT;\n"
        files[f"verify/{name}.sql"] = (f"-- Verify scalehouse:{name} on sqlite\n\nBEGIN;\n\nSELECT {cols}\n  FROM {table}\n"
                                       " WHERE 0;\n\nROLLBACK;\n")
    files["sqitch.plan"] = "\n".join(plan) + "\n"
    write_tree(q, files)


SQENV = {"SQITCH_FULLNAME": "Hattie Brandt", "SQITCH_EMAIL": "hattie@graintower.example",
         "SQITCH_USER_CONFIG": "/dev/null", "SQITCH_SYSTEM_CONFIG": "/dev/null"}


def step_sqitch(tmp: Path) -> None:
    q = tmp / "scalehouse"
    sqitch_project(q)
    c = lambda i, cmd, ext: cap(i, cmd, q, ext, env=SQENV)  # noqa: E731
    c("sqitch-deploy-fail", "sqitch deploy --mode change; echo EXIT=$?", db.n_sqitch_deploy)
    c("sqitch-status-stuck", "sqitch status --show-changes --show-tags; echo EXIT=$?", db.n_sqitch_status)
    c("sqitch-verify-stuck", "sqitch verify; echo EXIT=$?", db.n_sqitch_verify)
    p = q / "deploy" / "dryer_runs.sql"
    p.write_text(p.read_text().replace("CRATE TABLE", "CREATE TABLE"))
    c("sqitch-deploy-verify", "sqitch deploy --verify --mode tag; echo EXIT=$?", db.n_sqitch_deploy)
    c("sqitch-deploy-rest", "sqitch deploy; echo EXIT=$?", db.n_sqitch_deploy)
    c("sqitch-verify-all", "sqitch verify; echo EXIT=$?", db.n_sqitch_verify)
    c("sqitch-revert-tag", "sqitch revert -y --to @harvest-2026; echo EXIT=$?", db.n_sqitch_deploy)
    c("sqitch-status-tag", "sqitch status --show-changes; sqitch log --oneline | head -n 12; echo EXIT=$?",
      db.n_sqitch_status)


# ================================================================== PostgreSQL: pgTAP, pg_prove, pg_restore -l

def pg_sql(data: dict) -> str:
    def lit(v):
        return "NULL" if v is None else str(v) if isinstance(v, (int, float)) else "'" + str(v).replace("'", "''") + "'"
    s = ["CREATE EXTENSION IF NOT EXISTS pgtap;",
         "CREATE TABLE weighmasters (id integer PRIMARY KEY, name text, shift text, licensed integer);",
         "CREATE TABLE bins (id integer PRIMARY KEY, label text UNIQUE, crop text, capacity_bu integer, "
         "held_bu numeric(9,1), state text);",
         "CREATE TABLE tickets (ticket_no integer PRIMARY KEY, day date, plate text, bin_id integer REFERENCES bins(id),"
         " crop text, gross_lb integer, tare_lb integer, moisture numeric(4,1), weighmaster_id integer);",
         "CREATE TABLE legs (id integer PRIMARY KEY, name text, bu_per_hr integer, status text);",
         "CREATE TABLE loadouts (id integer PRIMARY KEY, day date, mode text, bin_id integer REFERENCES bins(id), "
         "bushels integer);",
         "CREATE INDEX idx_tickets_bin ON tickets(bin_id);",
         "CREATE FUNCTION net_bu(gross integer, tare integer, tw numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS "
         "$$ SELECT round((gross - tare) / tw, 1) $$;",
         "CREATE FUNCTION shrink_pct(moist numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS "
         "$$ SELECT greatest(0, (moist - 15.0) * 1.3) $$;"]
    for t in SCHEMA:
        s.append(f"INSERT INTO {t} VALUES\n" + ",\n".join("(" + ", ".join(lit(v) for v in r) + ")" for r in data[t]) + ";")
    return "\n".join(s) + "\n"


T_SCHEMA = """BEGIN;
SELECT plan(18);
SELECT has_table('weighmasters');
SELECT has_table('bins');
SELECT has_table('tickets');
SELECT has_table('legs');
SELECT has_table('loadouts');
SELECT has_table('dryer_runs');
SELECT has_pk('tickets');
SELECT has_pk('bins');
SELECT has_column('tickets', 'moisture');
SELECT has_column('tickets', 'test_weight');
SELECT col_type_is('tickets', 'moisture', 'numeric(4,1)');
SELECT col_type_is('bins', 'held_bu', 'numeric(10,1)');
SELECT col_not_null('tickets', 'plate');
SELECT has_fk('tickets');
SELECT has_index('tickets', 'idx_tickets_bin');
SELECT has_index('tickets', 'idx_tickets_plate');
SELECT has_function('net_bu');
SELECT has_function('dockage');
SELECT * FROM finish();
ROLLBACK;
"""

T_DATA = """BEGIN;
SELECT plan(10);
SELECT is_empty($$SELECT ticket_no, gross_lb, tare_lb FROM tickets WHERE tare_lb >= gross_lb$$, 'no ticket weighs less than its tare');
SELECT is_empty($$SELECT ticket_no, moisture FROM tickets WHERE moisture > 35$$, 'no moisture reading above 35%');
SELECT is_empty($$SELECT id, label, held_bu, capacity_bu FROM bins WHERE held_bu > capacity_bu$$, 'no bin holds more than it can');
SELECT is_empty($$SELECT t.ticket_no, t.weighmaster_id FROM tickets t LEFT JOIN weighmasters w ON w.id = t.weighmaster_id WHERE w.id IS NULL$$, 'every ticket signed by a rostered weighmaster');
SELECT results_eq($$SELECT count(*)::int FROM legs$$, ARRAY[4], 'four elevator legs');
SELECT is((SELECT count(*)::int FROM legs WHERE status = 'down'), 0, 'no leg down');
SELECT cmp_ok((SELECT min(moisture) FROM tickets), '>=', 12.5::numeric, 'driest load at least 12.5%');
SELECT is((SELECT count(DISTINCT crop)::int FROM bins), 3, 'three crops binned');
SELECT ok((SELECT bool_and(licensed = 1) FROM weighmasters), 'every weighmaster licensed');
SELECT set_eq($$SELECT DISTINCT mode FROM loadouts$$, ARRAY['truck', 'rail', 'barge'], 'loadout modes');
SELECT * FROM finish();
ROLLBACK;
"""

T_FUNCS = """BEGIN;
SELECT plan(8);
SELECT is(net_bu(60000, 28000, 60), 533.3, 'wheat: 32,000 lb is 533.3 bu');
SELECT is(net_bu(60000, 28000, 56), 571.4, 'corn: 32,000 lb is 571.4 bu');
SELECT is(shrink_pct(15.0), 0::numeric, 'no shrink at 15%');
SELECT is(shrink_pct(18.0), 3.9, 'shrink at 18%');
SELECT is(shrink_pct(20.5), 7.0, 'shrink at 20.5%');
SELECT throws_ok($$SELECT net_bu(60000, 28000, 0)$$, '22012', NULL, 'zero test weight divides by zero');
SELECT throws_ok($$SELECT net_bu(1, 2, 3)$$, 'P0001', 'tare above gross', 'tare above gross refused');
SELECT function_returns('shrink_pct', ARRAY['numeric'], 'numeric');
SELECT * FROM finish();
ROLLBACK;
"""

T_BROKEN = """BEGIN;
SELECT plan(5);
SELECT has_table('bins');
SELECT is((SELECT sum(bushel) FROM loadouts), 0::bigint, 'loadouts total');
SELECT ok(true, 'after the error');
SELECT * FROM finish();
ROLLBACK;
"""


def rows_test(data: dict) -> str:
    s = ["BEGIN;", f"SELECT plan({len(data['tickets'])});"]
    for t in data["tickets"]:
        s.append(f"SELECT cmp_ok((SELECT gross_lb - tare_lb FROM tickets WHERE ticket_no = {t[0]}), '>', 0, "
                 f"'ticket {t[0]} ({t[2]}) nets a positive load');")
    s += ["SELECT * FROM finish();", "ROLLBACK;"]
    return "\n".join(s) + "\n"


def step_pg(tmp: Path) -> None:
    p = tmp / "pg"
    sock = p / "sock"
    run(f"rm -rf {p}", cwd=tmp)
    sock.mkdir(parents=True)
    run(f"chown -R postgres:postgres {p}", cwd=tmp)
    data = p / "data"
    run(f"runuser -u postgres -- {PGBIN}/initdb -D {data} -U postgres -A trust", cwd=p, timeout=300)
    with open(data / "postgresql.conf", "a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {PORT}\nunix_socket_directories = '{sock}'\n"
                "shared_buffers = 32MB\nfsync = off\n")
    out = run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {data} -l {p}/server.log -w start", cwd=p, timeout=120)
    atexit.register(lambda: run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {data} -m fast -w stop", timeout=60))
    if "server started" not in out:
        raise RuntimeError(f"postgres did not start: {out[-400:]}")
    env = {"PGHOST": str(sock), "PGPORT": str(PORT), "PGUSER": "postgres"}
    run("createdb elevator && createdb coop", cwd=p, env=env)
    ed = elevator_data(47730, 60, 400)
    (p / "elevator.sql").write_text(pg_sql(ed))
    run("psql -q -v ON_ERROR_STOP=1 -d elevator -f elevator.sql", cwd=p, env=env, timeout=300)
    write_tree(p, {"t/01_schema.sql": T_SCHEMA, "t/02_data.sql": T_DATA, "t/03_functions.sql": T_FUNCS,
                   "t/04_broken.sql": T_BROKEN, "rows/tickets.sql": rows_test(ed)})
    c = lambda i, cmd, ext: cap(i, cmd, p, ext, env=env)  # noqa: E731
    c("pg-prove-suite", "pg_prove -d elevator t/*.sql; echo EXIT=$?", db.n_pg_prove)
    c("pg-prove-rows", "pg_prove --verbose -d elevator rows/tickets.sql", db.n_pg_prove)
    c("pg-prove-broken", "pg_prove --timer -d elevator t/04_broken.sql t/01_schema.sql; echo EXIT=$?", db.n_pg_prove)
    c("pgtap-tap-schema", "psql -X -q -t -A -d elevator -f t/01_schema.sql", db.n_pgtap_tap)
    c("pgtap-tap-funcs", "psql -X -q -d elevator -f t/03_functions.sql -f t/04_broken.sql", db.n_pgtap_tap)
    c("pgtap-tap-rows", "psql -X -q -t -A -d elevator -f rows/tickets.sql", db.n_pgtap_tap)
    parts = ["CREATE TABLE receipts (id bigint, member text, day date, bushels numeric(9,1), crop text)"
             " PARTITION BY LIST (crop);"]
    for crop in CROPS:
        parts.append(f"CREATE TABLE receipts_{crop.lower()} PARTITION OF receipts FOR VALUES IN ('{crop}');")
    parts += ["CREATE TABLE members (id integer PRIMARY KEY, name text, acres integer);",
              "CREATE TABLE patronage (member_id integer REFERENCES members(id), year integer, refund numeric(9,2));",
              "CREATE INDEX ON receipts (member, day);", "CREATE SEQUENCE settlement_no START 5000;",
              "CREATE VIEW weekly AS SELECT date_trunc('week', day) AS wk, crop, sum(bushels) FROM receipts GROUP BY 1, 2;",
              "CREATE MATERIALIZED VIEW top_members AS SELECT member, sum(bushels) FROM receipts GROUP BY 1;",
              "INSERT INTO members SELECT g, 'member ' || g, 80 + g % 900 FROM generate_series(1, 300) g;",
              "INSERT INTO receipts SELECT g, 'member ' || (g % 300), DATE '2026-08-01' + (g % 90), 400 + g % 700, "
              "(ARRAY['Wheat','Corn','Soy','Barley','Oats','Sorghum','Canola'])[1 + g % 7] FROM generate_series(1, 30000) g;",
              "COMMENT ON TABLE receipts IS 'Grain received from members, one row per load';"]
    for k in range(12):
        parts.append(f"CREATE TABLE bin_log_{k + 1:02d} (at timestamptz, cable integer, temp_f numeric(4,1));")
        parts.append(f"CREATE INDEX ON bin_log_{k + 1:02d} (at);")
    (p / "coop.sql").write_text("\n".join(parts) + "\n")
    run("psql -q -v ON_ERROR_STOP=1 -d coop -f coop.sql", cwd=p, env=env, timeout=300)
    run("pg_dump -Fc -d elevator -f elevator.dump && pg_dump -Fc -d coop -f coop.dump && pg_dump -Ft -d coop -f coop.tar",
        cwd=p, env=env, timeout=300)
    raw = (p / "coop.dump").read_bytes()
    (p / "coop-cut.dump").write_bytes(raw[: len(raw) // 4])
    c("pg-restore-list-coop", "pg_restore -l coop.dump", db.n_pg_restore_list)
    c("pg-restore-list-tar", "pg_restore -l -Ft coop.tar | grep -v '^;$' | head -n 70; pg_restore -l elevator.sql; "
      "echo EXIT=$?", db.n_pg_restore_list)
    c("pg-restore-list-cut", "pg_restore -l coop-cut.dump | tail -n 40; pg_restore -d elevator --data-only -t members "
      "coop-cut.dump; echo EXIT=$?", db.n_pg_restore_list)


STEPS = [step_ocamlc_i, step_ocamllex, step_prof_gc, step_toplevel, step_findlib, step_dune, step_sqlite,
         step_sqitch, step_pg]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide477", sys.modules["__main__"])
    main()
