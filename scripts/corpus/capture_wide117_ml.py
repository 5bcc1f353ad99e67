"""Round 117, OCaml: a ferry timetable (`ferryml`, written here with bugs put in and widened by a seeded generator)
built with dune and tested with OUnit2 and QCheck (Debian's libounit-ocaml-dev, libqcheck-ocaml-dev), its route
grammar through menhir (conflicts, `--explain`), and a `dune runtest` whose diff rule finds the printed timetable
changed. The extractors are this round's (NEEDLES.md, "Round 117"). Run through capture_wide117.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide117 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 117")


@cm.kind("ounit2", "test")
def n_ounit2(lines):
    """Rule 2 on OUnit2: every Error: <test path>. header, the first assertion / exception line after it, the Ran: N tests line and the FAILED: Cases: line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(Error|Failure): \S+", s) and s.endswith("."):
            out.append(ln)
            if "(in the log)" in s:
                continue
            for nxt in lines[i + 1:i + 16]:  # the message OUnit prints under its backtrace, before the rule line
                t = nxt.strip()
                if t.startswith("-----") or t.startswith("====="):
                    break
                if t and not re.match(r'^(File "|Raised at|Called from|Re-raised at|Error: .*\(in the log\))', t):
                    out.append(nxt)
                    break
        elif re.match(r"^Ran: \d+ tests?", s) or s.startswith("FAILED: Cases:") or s.startswith("OK"):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("qcheck-ocaml", "test")
def n_qcheck(lines):
    """Rule 2 on QCheck: every Test <name> failed / Test <name> errored on line with the first counterexample or exception line after it, and the closing failure (...) / success line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^Test .+ (failed|errored on)\b", s):
            out.append(ln)
            for nxt in lines[i + 1:i + 5]:
                if nxt.strip():
                    out.append(nxt)
                    break
        elif re.match(r"^(failure|success) \(", s) or re.match(r"^(failure|success)$", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("menhir-conflicts", "build")
def n_menhir(lines):
    """Rule 1 on menhir and its .conflicts file: every Error: line with its File location, every Warning: ... conflicts line, every ** Conflict (...) in state N. line with its ** Token involved: line, other warnings one {"any"} per message shape; EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Error:"):
            loc = cm.prev_match(lines, i, r'^File "', 2)
            if loc:
                out.append(loc)
            out.append(ln)
        elif s.startswith("Warning:") and "conflict" in s:
            out.append(ln)
        elif s.startswith("Warning:"):
            loc = cm.prev_match(lines, i, r'^File "', 2)
            shape = cm.mask(re.sub(r"\b(symbol|token|nonterminal) \S+", r"\1 <n>", s))
            warns.append((shape, loc or ln))
            if loc:
                warns.append((shape, ln))
        elif re.match(r"^\*\* Conflict \(", s):
            out.append(ln)
            tok = cm.next_match(lines, i, r"^\*\* Tokens? involved:", 3)
            if tok:
                out.append(tok)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("dune-runtest-diff", "test")
def n_dune_diff(lines):
    """Rule 2 on dune runtest with a diff rule: every File header naming a file that differs, every @@ hunk header, the first removed and first added line of each hunk, dune's Error: lines; EXIT=N."""
    out, in_hunk, got_minus, got_plus = [], False, False, False
    for ln in lines:
        s = ln.rstrip()
        if s.startswith('File "'):
            out.append(ln)
            in_hunk = False
        elif s.startswith("@@"):
            out.append(ln)
            in_hunk, got_minus, got_plus = True, False, False
        elif in_hunk and s.startswith("-") and not s.startswith("---") and not got_minus:
            out.append(ln)
            got_minus = True
        elif in_hunk and s.startswith("+") and not s.startswith("+++") and not got_plus:
            out.append(ln)
            got_plus = True
        elif re.match(r"^\s*Error:", s):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the project

TIMETABLE = """type sailing = { route : string; depart : int; arrive : int; vessel : string; cars : int }

let minutes s = s.arrive - s.depart

let hhmm m = Printf.sprintf "%02d:%02d" (m / 60) (m mod 60)

let parse_time s =
  match String.split_on_char ':' s with
  | [h; m] -> int_of_string h * 60 + int_of_string m
  | _ -> invalid_arg ("parse_time: " ^ s)

let capacity_left s cap = cap - s.cars

let next_after t sailings =
  List.find (fun s -> s.depart > t) sailings

let overnight s = s.arrive < s.depart

let fare ~adult ~child ~car = adult * 1250 + child * 625 + car * 3100

let by_route r = List.filter (fun s -> s.route = r)

let average_minutes ss = List.fold_left (fun acc s -> acc + minutes s) 0 ss / List.length ss
"""


def gen_ounit(seed: int) -> str:
    rnd = random.Random(seed)
    suites = []
    for g in range(16):
        cases = []
        for t in range(rnd.randint(5, 9)):
            d, a = rnd.randint(300, 1200), rnd.randint(20, 200)
            r = rnd.random()
            nm = f"{rnd.choice(['ullapool', 'oban', 'mallaig', 'kennacraig', 'ardrossan'])}_{t}"
            if r < 0.07:
                cases.append(f'"{nm}" >:: (fun _ -> assert_equal ~printer:string_of_int {a + 5} (minutes {{route="r"; depart={d}; arrive={d + a}; vessel="v"; cars=0}}))')
            elif r < 0.11:
                cases.append(f'"{nm}_hhmm" >:: (fun _ -> assert_equal ~printer:(fun s -> s) "{(d // 60) % 24:02d}:{d % 60:02d}" (hhmm {d + 1440}))')
            elif r < 0.14:
                cases.append(f'"{nm}_parse" >:: (fun _ -> assert_equal {d} (parse_time "{d // 60}h{d % 60}"))')
            elif r < 0.16:
                cases.append(f'"{nm}_next" >:: (fun _ -> ignore (next_after {d} []))')
            elif r < 0.18:
                cases.append(f'"{nm}_avg" >:: (fun _ -> assert_equal 0 (average_minutes []))')
            elif r < 0.20:
                cases.append(f'"{nm}_fare" >:: (fun _ -> assert_bool "family fare under 100 pounds" (fare ~adult:2 ~child:2 ~car:1 < 10000))')
            else:
                cases.append(f'"{nm}" >:: (fun _ -> assert_equal ~printer:string_of_int {a} (minutes {{route="r"; depart={d}; arrive={d + a}; vessel="v"; cars=0}}))')
        suites.append(f'"{rnd.choice(["minch", "clyde", "sound of mull", "hebrides"])}_{g}" >::: [\n    ' + ";\n    ".join(cases) + "]")
    return ("open OUnit2\nopen Ferry.Timetable\n\nlet suite = \"ferry\" >::: [\n  " + ";\n  ".join(suites)
            + "]\n\nlet () = run_test_tt_main suite\n")


QCHECK = """open Ferry.Timetable

let sailing_gen =
  QCheck.Gen.(map3 (fun d a c -> { route = "r"; depart = d; arrive = d + a; vessel = "v"; cars = c })
                (int_range 0 1439) (int_range 0 600) (int_range 0 120))
let arb = QCheck.make ~print:(fun s -> Printf.sprintf "{depart=%d; arrive=%d; cars=%d}" s.depart s.arrive s.cars) sailing_gen

let tests = [
  QCheck.Test.make ~name:"minutes non-negative" ~count:500 arb (fun s -> minutes s >= 0);
  QCheck.Test.make ~name:"hhmm is five chars" ~count:500 QCheck.(int_range 0 5000) (fun m -> String.length (hhmm m) = 5);
  QCheck.Test.make ~name:"parse_time inverts hhmm" ~count:500 QCheck.(int_range 0 1439) (fun m -> parse_time (hhmm m) = m);
  QCheck.Test.make ~name:"capacity never negative" ~count:500 arb (fun s -> capacity_left s 100 >= 0);
  QCheck.Test.make ~name:"no sailing is overnight" ~count:500 arb (fun s -> not (overnight s));
  QCheck.Test.make ~name:"fare is monotone in cars" ~count:300 QCheck.(pair small_nat small_nat)
    (fun (a, c) -> fare ~adult:a ~child:0 ~car:c <= fare ~adult:a ~child:0 ~car:(c + 1));
  QCheck.Test.make ~name:"average within bounds" ~count:300 QCheck.(list (make sailing_gen))
    (fun ss -> let m = average_minutes ss in m >= 0 && m <= 600);
  QCheck.Test.make ~name:"arrival after midnight wraps" ~count:500 arb (fun s -> s.arrive < 1440);
  QCheck.Test.make ~name:"route filter keeps all" ~count:200 QCheck.(list (make sailing_gen))
    (fun ss -> List.length (by_route "r" ss) = List.length ss);
]

let () = exit (QCheck_base_runner.run_tests ~verbose:true tests)
"""

GRAMMAR = """%token <int> INT
%token <string> PORT
%token PLUS MINUS TIMES ARROW VIA COMMA LPAREN RPAREN EOF SEMI
%start <unit> main
%%
main: routes EOF { () }
routes: route { () } | routes SEMI route { () } | routes SEMI { () }
route: PORT ARROW stops { () } | PORT ARROW PORT { () }
stops: PORT { () } | stops VIA PORT { () } | stops COMMA stops { () } | PORT VIA stops { () }
expr: INT { () } | expr PLUS expr { () } | expr MINUS expr { () } | expr TIMES expr { () }
    | MINUS expr { () } | LPAREN expr RPAREN { () }
leg: PORT duration { () }
duration: expr { () } | INT { () }
%%
"""

BAD_GRAMMAR = GRAMMAR.replace("leg: PORT duration { () }", "leg: PORT duration { () }\nfare: leg TIMES INT { $3 * }")

DIFF_PRINT = """open Ferry.Timetable
let () =
  let rnd = Random.State.make [| 117 |] in
  for i = 0 to 299 do
    let d = Random.State.int rnd 1440 and a = 20 + Random.State.int rnd 300 in
    let s = { route = (if i mod 3 = 0 then "Oban-Craignure" else "Ullapool-Stornoway"); depart = d; arrive = d + a; vessel = "MV Loch " ^ string_of_int (i mod 7); cars = Random.State.int rnd 140 } in
    Printf.printf "%-20s %s -> %s %4d min %3d cars%s\\n" s.route (hhmm s.depart) (hhmm s.arrive) (minutes s) s.cars (if overnight s then " overnight" else "")
  done
"""


def ocaml(tmp: Path) -> None:
    root = tmp / "ferryml"
    files = {"dune-project": "(lang dune 2.9)\n", "lib/dune": "(library (name ferry))\n",
             "lib/timetable.ml": TIMETABLE,
             "test/dune": "(test (name test_ferry) (modules test_ferry) (libraries ferry ounit2))\n"
                          "(test (name prop_ferry) (modules prop_ferry) (libraries ferry qcheck-core qcheck-core.runner))\n",
             "test/test_ferry.ml": gen_ounit(11750), "test/prop_ferry.ml": QCHECK,
             "print/dune": "(executable (name print_tt) (libraries ferry))\n"
                           "(rule (with-stdout-to timetable.out (run ./print_tt.exe)))\n"
                           "(rule (alias runtest) (action (diff timetable.expected timetable.out)))\n",
             "print/print_tt.ml": DIFF_PRINT, "grammar/route.mly": GRAMMAR, "grammar/fare.mly": BAD_GRAMMAR}
    write_tree(root, files)
    env = {"HOME": str(tmp / "home")}
    run("dune build 2>&1 | tail -n 5", cwd=root, env=env, timeout=600)
    # the expected timetable: hours past midnight wrap (hhmm's bug prints 24:25, 26:11 ...)
    out = run("./_build/default/print/print_tt.exe", cwd=root, env=env)
    lines = [re.sub(r"(\d\d):(\d\d)( |$)", lambda m: f"{int(m.group(1)) % 24:02d}:{m.group(2)}{m.group(3)}", ln)
             for ln in out.splitlines()]
    (root / "print" / "timetable.expected").write_text("\n".join(lines) + "\n")
    cap("ounit2-run", "dune exec --no-build ./test/test_ferry.exe", root, n_ounit2, env=env)
    cap("ounit2-run-tail-50-echo", "./_build/default/test/test_ferry.exe 2>&1 | tail -n 50; echo EXIT=$?", root,
        n_ounit2, env=env)
    cap("qcheck-run", "./_build/default/test/prop_ferry.exe", root, n_qcheck, env=env)
    cap("qcheck-run-seed-echo", "./_build/default/test/prop_ferry.exe --seed 117 2>&1; echo EXIT=$?", root, n_qcheck,
        env=env)
    cap("dune-runtest-diff-print", "dune build @print/runtest 2>&1", root, n_dune_diff, env=env)
    cap("dune-runtest-diff-head-60-echo", "dune runtest print 2>&1 | head -n 60; echo EXIT=$?", root, n_dune_diff,
        env=env)
    g = root / "grammar"
    cap("menhir-explain-route", "menhir --explain route.mly 2>&1; cat route.conflicts", g, n_menhir)
    cap("menhir-fare-error-echo", "menhir --explain fare.mly; echo EXIT=$?", g, n_menhir)


STEPS = [ocaml]
