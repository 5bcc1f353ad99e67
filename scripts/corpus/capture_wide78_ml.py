"""Round 78's OCaml and Erlang captures. `ferry`, a ferry-timetable OCaml project written here: its libraries hold
mistakes put in on purpose (an int multiplied by a float, a string joined to an int, a record field misspelt, unused
variables and a non-exhaustive match that the dev profile makes errors) and a seeded set of leg modules, one mistake
each; `ferry-tests`, the same project with the type errors fixed but logic bugs left in, run through alcotest and dune
cram tests whose recorded output drifted. `berth`, a berth-allocation Erlang application with dialyzer discrepancies
put in (a spec that lies, a pattern that cannot match, a call that cannot succeed) and a seeded set of modules, and a
common_test suite with failing cases. Needles follow NEEDLES.md's "Round 78" section (written before capture).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, prev_match, run, write_tree

import capture_wide78 as w78

cap = w78.cap
_exits = w78.exits

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 78)

FILE_RE = r'^File "[^"]+", lines? \d+'


@kind("dune-build", "build")
def n_dune_build(lines):
    """Rule 1 + round 78: every Error line with its File line; Warning/Alert one {"any"} per (number, file); a -> required by line after an error."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        where = prev_match(lines, i, FILE_RE)
        if re.match(r"^Error[: (]", ln):
            out += [ln, where]
            nx = next((x for x in lines[i + 1:i + 8] if x.lstrip().startswith("-> required by")), None)
            if nx:
                out.append(nx)
        m = re.match(r"^(Warning|Alert) ?(\d+|\w+)?", ln)
        if m:
            f = re.match(r'^File "([^"]+)"', where or "")
            pairs.append(((m.group(2), f.group(1) if f else ""), ln))
    return out + groups(pairs) + _exits(lines)


@kind("dune-cram", "test")
def n_dune_cram(lines):
    """Round 78: every File "x.t" header, every @@ hunk header, each hunk's first - and first + line; any Error line."""
    out = []
    hunk = None
    for ln in lines:
        if re.match(r'^File "[^"]+\.t", line \d+', ln):
            out.append(ln)
            hunk = None
        elif ln.startswith("@@"):
            out.append(ln)
            hunk = {"-": False, "+": False}
        elif hunk is not None and ln[:1] and ln[:1] in "-+" and not ln.startswith(("---", "+++")):
            if not hunk[ln[0]]:
                hunk[ln[0]] = True
                out.append(ln)
        elif re.match(r"^Error\b", ln):
            out.append(ln)
    return out + _exits(lines)


@kind("alcotest", "test")
def n_alcotest(lines):
    """Round 78: every [FAIL] line, each failure box's first ASSERT/FAIL/Expected/Received/Exception/Error line, the closing count line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip("│ ").strip()
        if s.startswith("[FAIL]") or ln.lstrip("> ").startswith("[FAIL]"):
            out.append(s)
        if ln.startswith("└"):
            nx = next((x for x in lines[i + 1:i + 10] if re.search(r"ASSERT|FAIL|Expected|Received|Exception|Error", x)), None)
            if nx:
                out.append(nx)
        if re.search(r"\d+ failures?! in .*tests? run|Test Successful in", ln):
            out.append(ln)
    return out + _exits(lines)


DIA_RE = re.compile(r"^(\S+\.erl):(\d+)(?::\d+)?: (.*)")


@kind("dialyzer", "lint")
def n_dialyzer(lines):
    """Rule 1 + round 78: finding lines one {"any"} per (message shape, file); error lines alone; done / Total time lines."""
    out, pairs = [], []
    in_finding = False
    for ln in lines:
        m = DIA_RE.match(ln)
        if m:
            pairs.append(((mask(m.group(3))[:60], m.group(1)), ln))
            in_finding = True
            continue
        if in_finding and ln[:1] == " " and ln.strip():  # a wrapped finding is read by its first line
            continue
        in_finding = False
        if re.search(r"\berror\b|\bError\b", ln) and not ln.startswith("done"):
            out.append(ln)
        elif re.match(r"^\s*done \(", ln) or re.search(r"Total time|done in \d", ln):
            out.append(ln)
    return out + groups(pairs) + _exits(lines)


@kind("ct-run", "test")
def n_ct_run(lines):
    """Round 78: every failed / auto-skipped case line with its Reason line, TEST COMPLETE, the first Updating … index / Testing line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"failed on line \d+|\*\*\* FAILED|==> .*FAILED|auto_skipped|\{failed,", ln):
            out.append(ln)
            nx = next((x for x in lines[i + 1:i + 4] if x.startswith("Reason:")), None)
            if nx:
                out.append(nx)
        elif "TEST COMPLETE" in ln or re.search(r"Error detected|\{error,", ln):
            out.append(ln)
    first = next((ln for ln in lines if re.match(r"^Updating \S+index\.html", ln)), None)
    start = next((ln for ln in lines if re.match(r"^Testing \S+: Starting test", ln)), None)
    return out + [x for x in (first, start) if x] + _exits(lines)


# ------------------------------------------------------------------ OCaml: ferry

DUNE_PROJECT = "(lang dune 2.9)\n(cram enable)\n"

CORE_BROKEN = {
    "lib/core/dune": "(library (name ferry_core))\n",
    "lib/core/fare.ml": """type class_ = Deck | Cabin | Vehicle of int

let base_per_km = 0.12

let price km = function
  | Deck -> km * base_per_km
  | Cabin -> float_of_int km *. base_per_km *. 2.5
""",
    "lib/core/timetable.ml": """type sailing = { route : string; dep_hour : int; dep_min : int; vessel : string }

let describe s = s.route ^ " departs at " ^ s.dep_hour ^ ":" ^ string_of_int s.dep_min

let by_vessel v sailings = List.filter (fun s -> s.vesel = v) sailings
""",
    "lib/core/route.ml": """type leg = { from_port : string; to_port : string; km : int }

let total_km legs =
  let count = List.length legs in
  List.fold_left (fun acc l -> acc + l.km) 0 legs

let first_port = function
  | l :: _ -> l.from_port

let ports legs = List.map (fun l -> l.to_port) legs |> List.sort_uniq compare |> String.concat
""",
    "lib/core/crew.ml": """let rota names days =
  let n = List.length names in
  List.init days (fun d -> List.nth names (d mod n))

let on_duty rota day = List.nth rota day day
""",
}

LEG_MISTAKES = [
    ("type", "let minutes_{k} (h : int) = h * 60\nlet label_{k} h = \"leg {m}.{k}: \" ^ minutes_{k} h\n"),
    ("unused", "let speed_{k} km mins =\n  let knots = 0.54 in\n  float_of_int km /. (float_of_int mins /. 60.)\n"),
    ("unbound", "let eta_{k} dep mins = dep + mins + buffer_{k}\n"),
    ("field", "type stop_{k} = {{ port : string; dwell : int }}\nlet dwell_{k} s = s.dwel + 5\n"),
    ("match", "type tide_{k} = Low | Mid | High\nlet draft_{k} = function Low -> 3 | Mid -> 4\n"),
    ("args", "let fuel_{k} km rate = km * rate\nlet trip_fuel_{k} = fuel_{k} 12 3 4\n"),
    ("unused-arg", "let cost_{k} km weather = km * 14\n"),
    ("module", "let port_{k} s = Strng.uppercase_ascii s\n"),
]


def leg_module(rng: random.Random, m: int) -> str:
    body = [f"(* leg {m}: generated helpers *)\n", f"let id = {m}\n"]
    for k in range(1, 3):
        body.append(f"let ok_{k} x = x + {rng.randint(1, 9)}\n")
    name, tmpl = rng.choice(LEG_MISTAKES)
    body.append(tmpl.format(k=1, m=m))
    return "".join(body)


OK_LIB = {
    "lib/dune": "(library (name ferry))\n",
    "lib/ferry.ml": """type sailing = { route : string; dep : int; mins : int; vessel : string }

let arrival s = (s.dep + s.mins) mod 1440

let hhmm t = Printf.sprintf "%02d:%02d" (t / 60) (t mod 60)

let fare ~km ~vehicle = float_of_int km *. 0.12 +. (if vehicle then 18.0 else 0.0)

let connects a b = arrival a <= b.dep

let busiest sailings =
  let tbl = Hashtbl.create 16 in
  List.iter (fun s -> Hashtbl.replace tbl s.vessel (1 + Option.value ~default:0 (Hashtbl.find_opt tbl s.vessel))) sailings;
  Hashtbl.fold (fun v n (bv, bn) -> if n > bn then (v, n) else (bv, bn)) tbl ("", 0) |> fst

let parse line =
  match String.split_on_char ',' line with
  | [route; dep; mins; vessel] -> { route; dep = int_of_string dep; mins = int_of_string mins; vessel }
  | _ -> failwith ("bad sailing line: " ^ line)

let round_fare f = Float.round (f *. 10.) /. 10.
""",
    "bin/dune": "(executable (name ferry_cli) (libraries ferry))\n",
    "bin/ferry_cli.ml": """let () =
  let lines = ref [] in
  (try while true do lines := input_line stdin :: !lines done with End_of_file -> ());
  let sailings = List.rev_map Ferry.parse !lines in
  match Sys.argv with
  | [| _; "arrivals" |] ->
    List.iter (fun s -> Printf.printf "%s %s -> %s (%s)\\n" s.Ferry.route (Ferry.hhmm s.Ferry.dep)
                          (Ferry.hhmm (Ferry.arrival s)) s.Ferry.vessel) sailings
  | [| _; "busiest" |] -> print_endline (Ferry.busiest sailings)
  | [| _; "fare"; km; v |] -> Printf.printf "%.2f\\n" (Ferry.fare ~km:(int_of_string km) ~vehicle:(v = "car"))
  | _ -> prerr_endline "usage: ferry_cli (arrivals|busiest|fare KM car|foot)"; exit 2
""",
}

ROUTES = ["Oban-Craignure", "Ardrossan-Brodick", "Uig-Tarbert", "Mallaig-Armadale", "Largs-Cumbrae", "Kennacraig-Islay",
          "Ullapool-Stornoway", "Tayinloan-Gigha", "Lochaline-Fishnish", "Colintraive-Rhubodach"]
VESSELS = ["Isle of Mull", "Caledonian Isles", "Hebrides", "Lord of the Isles", "Loch Shira", "Finlaggan", "Loch Seaforth"]


def alcotest_suite(rng: random.Random, n: int) -> str:
    """Seeded alcotest cases: about a third expect a wrong value (the bugs are in the expectations' specs)."""
    cases, names = [], []
    for i in range(n):
        dep, mins = rng.randint(300, 1400), rng.randint(20, 160)
        r, v = rng.choice(ROUTES), rng.choice(VESSELS)
        arr = (dep + mins) % 1440
        wrong = rng.random() < 0.33
        want = arr + rng.choice([1, 5, 60]) if wrong else arr
        kind_ = rng.choice(["arrival", "hhmm", "fare"])
        if kind_ == "arrival":
            body = f'Alcotest.(check int) "arrival of {r} {dep}" {want} (Ferry.arrival {{ Ferry.route = "{r}"; dep = {dep}; mins = {mins}; vessel = "{v}" }})'
        elif kind_ == "hhmm":
            hh = "%02d:%02d" % ((want // 60) % 24, want % 60)
            body = f'Alcotest.(check string) "clock {dep}+{mins}" "{hh}" (Ferry.hhmm (Ferry.arrival {{ Ferry.route = "{r}"; dep = {dep}; mins = {mins}; vessel = "{v}" }}))'
        else:
            km = rng.randint(5, 90)
            f = round(km * 0.12 + 18.0, 1) + (0.5 if wrong else 0.0)
            body = f'Alcotest.(check (float 0.001)) "fare {km} km with car" {f} (Ferry.round_fare (Ferry.fare ~km:{km} ~vehicle:true))'
        name = f"{kind_}_{i:02d}"
        names.append((kind_, name))
        cases.append(f"let {name} () = {body}\n")
    cases.append('let parse_bad () = ignore (Ferry.parse "Oban-Craignure,0710,46")\n')
    cases.append('let busiest () = Alcotest.(check string) "busiest" "Hebrides" (Ferry.busiest '
                 '[ Ferry.parse "Uig-Tarbert,400,100,Hebrides"; Ferry.parse "Oban-Craignure,420,46,Isle of Mull"; '
                 'Ferry.parse "Oban-Craignure,600,46,Isle of Mull" ])\n')
    groups_ = {}
    for k, nm in names:
        groups_.setdefault(k, []).append(f'Alcotest.test_case "{nm}" `Quick {nm}')
    groups_.setdefault("parse", []).extend(['Alcotest.test_case "bad line" `Quick parse_bad',
                                            'Alcotest.test_case "busiest vessel" `Quick busiest'])
    suites = "; ".join(f'"{k}", [ {"; ".join(v)} ]' for k, v in groups_.items())
    return "".join(cases) + f'\nlet () = Alcotest.run "ferry" [ {suites} ]\n'


def cram_file(rng: random.Random, n: int, drift: float) -> tuple[str, str]:
    rows = []
    for _ in range(n):
        rows.append(f"{rng.choice(ROUTES)},{rng.randint(300, 1300)},{rng.randint(20, 160)},{rng.choice(VESSELS)}")
    csv = "\n".join(rows) + "\n"
    out = ["Arrivals of the day's sailings:\n", "\n", "  $ ferry_cli arrivals < sailings.csv\n"]
    for r in rows:
        route, dep, mins, v = r.split(",")
        dep, mins = int(dep), int(mins)
        arr = (dep + mins) % 1440
        if rng.random() < drift:
            arr += rng.choice([5, 10, -15])
        out.append(f"  {route} {dep // 60:02d}:{dep % 60:02d} -> {arr // 60 % 24:02d}:{arr % 60:02d} ({v})\n")
    out += ["\n", "The busiest vessel:\n", "\n", "  $ ferry_cli busiest < sailings.csv\n", f"  {rng.choice(VESSELS)}\n",
            "\n", "Fares:\n", "\n"]
    for km in rng.sample(range(5, 90), 6):
        f = km * 0.12 + 18.0 + (0.25 if rng.random() < drift else 0)
        out += [f"  $ ferry_cli fare {km} car < /dev/null\n", f"  {f:.2f}\n"]
    out += ["  $ ferry_cli fare < /dev/null\n", "  usage: ferry_cli arrivals|busiest|fare\n", "  [2]\n"]
    return csv, "".join(out)


def step_ocaml(tmp: Path) -> None:
    rng = random.Random(7878)
    broken = tmp / "ferry"
    files = {"dune-project": DUNE_PROJECT, "lib/legs/dune": "(library (name ferry_legs))\n"}
    files.update(CORE_BROKEN)
    for m in range(1, 37):
        files[f"lib/legs/leg_{m:02d}.ml"] = leg_module(rng, m)
    write_tree(broken, files)
    cap("dune-build-all", "dune build 2>&1", broken, n_dune_build, timeout=600)
    cap("dune-build-head-60", "dune build 2>&1 | head -n 60", broken, n_dune_build, timeout=600)
    cap("dune-build-release-exit", "dune build --profile release 2>&1; echo EXIT=$?", broken, n_dune_build, timeout=600)
    cap("dune-build-core-lib", "dune build ./lib/core/ferry_core.cma 2>&1", broken, n_dune_build, timeout=600)
    cap("dune-build-check-tail-80", "dune build @check 2>&1 | tail -n 80", broken, n_dune_build, timeout=600)
    # the project with its type errors fixed: alcotest and cram
    ok = tmp / "ferry-tests"
    files = {"dune-project": DUNE_PROJECT, "test/dune": "(test (name test_ferry) (libraries ferry alcotest))\n",
             "test/test_ferry.ml": alcotest_suite(rng, 64),
             "cram/dune": "(cram (deps %{bin:ferry_cli}))\n"}
    files.update(OK_LIB)
    files["bin/dune"] = "(executable (name ferry_cli) (public_name ferry_cli) (libraries ferry))\n"
    files["dune-project"] = DUNE_PROJECT + "(package (name ferry_cli))\n"
    for name, n, drift in (("arrivals", 60, 0.2), ("weekend", 24, 0.1), ("winter", 120, 0.12), ("islay", 12, 0.0)):
        csv, t = cram_file(rng, n, drift)
        files[f"cram/{name}.t/sailings.csv"] = csv
        files[f"cram/{name}.t/run.t"] = t
    write_tree(ok, files)
    run("dune build 2>&1", cwd=ok, timeout=600)
    cap("alcotest-exe", "dune exec test/test_ferry.exe 2>&1", ok, n_alcotest, timeout=300)
    cap("alcotest-show-errors", "dune exec test/test_ferry.exe -- --show-errors 2>&1", ok, n_alcotest, timeout=300)
    cap("alcotest-compact-exit", "dune exec test/test_ferry.exe -- --compact; echo EXIT=$?", ok, n_alcotest, timeout=300)
    cap("alcotest-filter-fare", "dune exec test/test_ferry.exe -- test fare --show-errors 2>&1 | tail -n 80", ok, n_alcotest,
        timeout=300)
    cap("alcotest-runtest-exit", "dune build @test/runtest 2>&1; echo EXIT=$?", ok, n_alcotest, timeout=300)
    cap("dune-cram-all", "dune build @cram/runtest 2>&1", ok, n_dune_cram, timeout=300)
    cap("dune-cram-head-80", "dune build @cram/runtest 2>&1 | head -n 80", ok, n_dune_cram, timeout=300)
    cap("dune-cram-winter-exit", "dune build @cram/winter 2>&1; echo EXIT=$?", ok, n_dune_cram, timeout=300)


# ------------------------------------------------------------------ Erlang: berth

BERTH_CORE = """-module(berth_alloc).
-export([allocate/2, free_length/1, fits/2, tide_window/1, report/1]).

-type berth() :: #{id := atom(), length := pos_integer(), depth := float()}.
-type vessel() :: #{name := binary(), loa := pos_integer(), draft := float()}.

-spec allocate([berth()], vessel()) -> {ok, atom()} | none.
allocate(Berths, Vessel) ->
    case [B || B <- Berths, fits(B, Vessel)] of
        [] -> {error, no_berth};
        [#{id := Id} | _] -> {ok, Id}
    end.

-spec free_length([berth()]) -> integer().
free_length(Berths) ->
    lists:sum([L || #{length := L} <- Berths]) / length(Berths).

-spec fits(berth(), vessel()) -> boolean().
fits(#{length := L, depth := D}, #{loa := Loa, draft := Dr}) ->
    Loa =< L andalso Dr < D.

tide_window(Hour) when is_integer(Hour) ->
    case Hour of
        high -> {Hour - 2, Hour + 2};
        _ -> lists:seq(Hour, "24")
    end.

report(Berths) ->
    io:format("~p berths~n", length(Berths)),
    erlang:atom_to_list(lists:map(fun(#{id := I}) -> I end, Berths)).
"""


def berth_module(rng: random.Random, m: int) -> str:
    """A generated module: two functions (dwell/1, moor/1), each with one discrepancy drawn from the list."""
    tmpls = [
        "-spec {f}(integer()) -> atom().\n{f}(H) -> H * 60.\n",
        "{f}(H) -> lists:reverse(H + 1).\n",
        "{f}(H) when is_list(H) -> case H of 0 -> none; _ -> length(H) end.\n",
        "-spec {f}(binary()) -> integer().\n{f}(B) -> byte_size(B) ++ [0].\n",
        "{f}(H) -> {{ok, X}} = {{error, H}}, X.\n",
        "{f}(H) -> erlang:binary_to_list(H, 16).\n",
        "-spec {f}(pos_integer()) -> pos_integer().\n{f}(H) -> H - 100.\n",
        "{f}(H) -> case is_atom(H) of true -> atom_to_list(H) + 1; false -> H end.\n",
    ]
    a, b = rng.sample(tmpls, 2)
    extra = rng.choice(["", "pilot(P) -> maps:get(name, P, 0) + 1.\n", "tug(N) -> element(N, {a, b}).\n"])
    exports = "dwell/1, moor/1" + (", pilot/1" if "pilot" in extra else ", tug/1" if "tug" in extra else "")
    return f"-module(berth_{m:03d}).\n-export([{exports}]).\n\n{a.format(f='dwell')}\n{b.format(f='moor')}\n{extra}"


def ct_suite(rng: random.Random, name: str, n: int) -> str:
    cases, body = [], []
    for i in range(n):
        c = f"case_{i:02d}"
        cases.append(c)
        loa, length = rng.randint(80, 300), rng.randint(80, 320)
        draft, depth = round(rng.uniform(4, 14), 1), round(rng.uniform(5, 15), 1)
        fits = loa <= length and draft < depth
        claim = (not fits) if rng.random() < 0.3 else fits
        pick = rng.random()
        if pick < 0.1:
            body.append(f"{c}(_Config) -> ct:fail({{berth_overbooked, {loa}}}).\n")
        elif pick < 0.15:
            body.append(f"{c}(_Config) -> {{skip, \"pilot boat unavailable\"}}.\n")
        else:
            body.append(f"{c}(_Config) ->\n    {str(claim).lower()} = berth_alloc:fits(#{{length => {length}, depth => {depth}}}, "
                        f"#{{loa => {loa}, draft => {draft}}}).\n")
    body.append("free_length_case(_Config) -> 150 = berth_alloc:free_length([#{length => 100}, #{length => 200}]).\n")
    cases.append("free_length_case")
    return (f"-module({name}).\n-export([all/0, {', '.join(c + '/1' for c in cases)}]).\n\n"
            f"all() -> [{', '.join(cases)}].\n\n" + "".join(body))


def step_erlang(tmp: Path) -> None:
    rng = random.Random(787878)
    root = tmp / "berth"
    files = {"src/berth_alloc.erl": BERTH_CORE}
    for m in range(1, 121):
        files[f"src/berth_{m:03d}.erl"] = berth_module(rng, m)
    files["test/berth_alloc_SUITE.erl"] = ct_suite(rng, "berth_alloc_SUITE", 140)
    files["test/berth_small_SUITE.erl"] = ct_suite(rng, "berth_small_SUITE", 8)
    write_tree(root, files)
    plt = w78.TOOLS / "erts_stdlib.plt"
    if not plt.exists():
        run(f"dialyzer --build_plt --output_plt {plt} --apps erts kernel stdlib", timeout=900)
    run("mkdir -p ebin logs && erlc +debug_info -o ebin src/*.erl", cwd=root)
    dz = f"dialyzer --plt {plt}"
    cap("dialyzer-src", f"{dz} --src src/*.erl", root, n_dialyzer, timeout=600,
        typed="dialyzer --plt ~/.dialyzer.plt --src src/*.erl")
    cap("dialyzer-src-tail-40", f"{dz} --src src/*.erl 2>&1 | tail -n 40", root, n_dialyzer, timeout=600,
        typed="dialyzer --plt ~/.dialyzer.plt --src src/*.erl 2>&1 | tail -n 40")
    cap("dialyzer-werror-exit", f"{dz} -Wunmatched_returns -Werror_handling -Wunderspecs --src src/berth_alloc.erl "
        "src/berth_00*.erl src/berth_01*.erl; echo EXIT=$?", root, n_dialyzer, timeout=600,
        typed="dialyzer --plt ~/.dialyzer.plt -Wunmatched_returns -Werror_handling -Wunderspecs --src src/berth_alloc.erl "
        "src/berth_00*.erl src/berth_01*.erl; echo EXIT=$?")
    cap("dialyzer-beam", f"{dz} ebin/berth_alloc.beam ebin/berth_0[2-5]*.beam 2>&1", root, n_dialyzer,
        timeout=600, typed="dialyzer --plt ~/.dialyzer.plt ebin/berth_alloc.beam ebin/berth_0[2-5]*.beam 2>&1")
    cap("ct-run-all", "ct_run -noshell -dir test -logdir logs -pa ebin 2>&1", root, n_ct_run, timeout=600)
    cap("ct-run-suite-tail-60", "ct_run -noshell -suite test/berth_alloc_SUITE -logdir logs -pa ebin 2>&1 | tail -n 60",
        root, n_ct_run, timeout=600)
    cap("ct-run-small-exit", "ct_run -noshell -suite test/berth_small_SUITE -logdir logs -pa ebin; echo EXIT=$?", root,
        n_ct_run, timeout=600)


STEPS = [step_ocaml, step_erlang]
