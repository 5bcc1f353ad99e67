"""Round 203, second samples of round 193's kinds: a seed bank's inventory in Standard ML, a priority queue's test
program (SML/NJ and Hugs), a tokenizer and a seed-lot suite in Chez Scheme, a germination calculator in Gambit, a
tokenizer in Haxe, a seed bank's ledger in ReScript, a 6502 ring buffer through cc65/ca65/ld65, x86-64 checksum
routines through yasm and 6502 sprite routines through 64tass, all written here with bugs put in and widened by
seeded generators. The needles come from round 193's extractors, imported (NEEDLES.md, "Round 203"). Run through
capture_wide203.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide193_fp import (n_chez_check, n_chez_error, n_gambit_gsc, n_gambit_gsi, n_hugs_typecheck,
                                n_runhugs_run, n_smlnj_run, n_smlnj_typecheck)
from capture_wide193_native import (n_64tass, n_ca65, n_cc65, n_haxe_compile, n_haxe_interp, n_ld65, n_rescript,
                                    n_yasm)
from capture_wide203 import JS, cap, cap_tty


def fill(rnd: random.Random, tpls: list[str], bad: list[str], rate: float, **extra) -> str:
    tpl = rnd.choice(bad) if rnd.random() < rate else rnd.choice(tpls)
    return tpl.format(k=rnd.randint(2, 400), j=rnd.randint(1, 97), **extra)


# ------------------------------------------------------------------ SML/NJ: a seed bank's inventory

SML_OK = [
    "fun viability_{i} (n : int) = n * {k} div 100",
    "fun lot_{i} (s : string) = \"LOT-\" ^ s ^ \"-{j}\"",
    "val grams_{i} : real = {k}.{j}",
    "fun count_{i} (xs : int list) = List.length xs + {j}",
    "fun shelf_{i} (r : int, c : int) = r * {k} + c",
]
SML_BAD = [
    "fun viability_{i} (n : int) = n * 0.{j}",                                    # int * real
    "fun lot_{i} (n : int) = \"LOT-\" ^ n",                                       # string ^ int
    "fun first_{i} (s :: _) = s ^ \"-{k}\"",                                      # nonexhaustive (warning)
    "val stock_{i} = germinate_{k} {j}",                                          # unbound
    "fun grade_{i} (g : int) = if g > {k} then \"A\" else g",                      # branches disagree
    "fun weigh_{i} {{grams : real, bags : int}} = grams * bags",                  # real * int
    "val tray_{i} = ({j}, \"{k}\") :: [(\"{j}\", {k})]",                           # tuple types disagree
    "fun ok_{i} (x : int) = x = 1.0",                                             # int = real
    "val empty_{i} = ref []",                                                     # value restriction warning
]


def gen_sml(seed: int, n: int, rate: float) -> str:
    rnd = random.Random(seed)
    return "(* seed bank inventory, generated *)\n" + "\n".join(
        fill(rnd, SML_OK, SML_BAD, rate, i=i) for i in range(n)) + "\n"


SML_PQ = """structure Heap = struct
  exception Empty
  datatype heap = E | T of int * int * heap * heap
  fun rank E = 0 | rank (T (r, _, _, _)) = r
  fun make (x, a, b) = if rank a >= rank b then T (rank b + 1, x, a, b) else T (rank a + 1, x, b, a)
  fun merge (h, E) = h
    | merge (E, h) = h
    | merge (h1 as T (_, x, a1, b1), h2 as T (_, y, a2, b2)) =
        if x <= y then make (x, a1, merge (b1, h2)) else make (y, a2, merge (h1, b2))
  fun insert (x, h) = merge (T (1, x, E, E), h)
  fun findMin E = raise Empty | findMin (T (_, x, _, _)) = x
  fun deleteMin E = raise Empty | deleteMin (T (_, _, a, b)) = merge (b, b)
  fun size E = 0 | size (T (_, _, a, b)) = 1 + size a + size b
end
val passed = ref 0
val failed = ref 0
fun check name expected got =
  if expected = got then (passed := !passed + 1; print ("ok   " ^ name ^ "\\n"))
  else (failed := !failed + 1;
        print ("FAIL " ^ name ^ ": expected " ^ Int.toString expected ^ " got " ^ Int.toString got ^ "\\n"))
fun build xs = List.foldl Heap.insert Heap.E xs
"""


def gen_sml_pq(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = [SML_PQ]
    for t in range(n):
        xs = [rnd.randint(0, 99) for _ in range(rnd.randint(1, 7))]
        lst = "[" + ", ".join(map(str, xs)) + "]"
        r = rnd.random()
        if r < 0.4:
            out.append(f'val _ = check "min_of_{len(xs)}_t{t}" {min(xs)} (Heap.findMin (build {lst}))')
        elif r < 0.75:
            out.append(f'val _ = check "size_after_delete_{len(xs)}_t{t}" {len(xs) - 1} '
                       f'(Heap.size (Heap.deleteMin (build {lst})))')
        else:
            out.append(f'val _ = check "size_{len(xs)}_t{t}" {len(xs)} (Heap.size (build {lst}))')
    out.append('val _ = print (Int.toString (!passed) ^ " passed, " ^ Int.toString (!failed) ^ " failed\\n")')
    out.append('val _ = print "min of an empty heap\\n"')
    out.append("val m = Heap.findMin Heap.E")
    return "\n".join(out) + "\n"


def sml(tmp: Path) -> None:
    root = tmp / "seedbank-sml"
    write_tree(root, {"inventory.sml": gen_sml(20301, 640, 0.2), "trays.sml": gen_sml(20302, 260, 0.25),
                      "test_heap.sml": gen_sml_pq(20303, 150)})
    cap("smlnj-inventory", "sml inventory.sml < /dev/null", root, n_smlnj_typecheck)
    cap("smlnj-trays-head-100-echo", "sml trays.sml < /dev/null 2>&1 | head -n 100; echo EXIT=$?", root,
        n_smlnj_typecheck)
    cap("smlnj-run-heap-echo", "sml test_heap.sml < /dev/null; echo EXIT=$?", root, n_smlnj_run)


# ------------------------------------------------------------------ Chez Scheme: a tokenizer and seed-lot checks

CHEZ_PROGS = {
    "tokenize.ss": """(define (classify c)
  (cond ((char-alphabetic? c) 'word) ((char-numeric? c) 'num) ((char-whitespace? c) 'space) (else 'punct)))
(define (tokens s)
  (let loop ((cs (string->list s)) (cur '()) (acc '()))
    (cond ((null? cs) (reverse (if (null? cur) acc (cons (list->string (reverse cur)) acc))))
          ((eq? (classify (car cs)) 'space) (loop (cdr cs) '() (if (null? cur) acc (cons (list->string (reverse cur)) acc))))
          (else (loop (cdr cs) (cons (car cs) cur) acc)))))
(for-each (lambda (s) (printf "~s -> ~s (~a tokens)~n" s (tokens s) (length (tokens s)))) '({lines}))
(printf "longest ~a~n" (apply max (map string-length (tokens {bad}))))
""",
    "lots.ss": """(define lots (make-equal-hashtable))
(define (deposit! lot grams)
  (hashtable-update! lots lot (lambda (g) (+ g grams)) 0)
  (printf "deposit ~a ~a g, now ~a g~n" lot grams (hashtable-ref lots lot 0)))
{deposits}
(define (withdraw! lot grams)
  (let ((g (hashtable-ref lots lot #f))) (hashtable-set! lots lot (- g grams)) (printf "withdraw ~a ~a~n" lot grams)))
(withdraw! "LOT-ZZ" 5)
""",
    "germ.ss": """(define (rate sprouted sown) (exact->inexact (/ sprouted sown)))
(define trials '({trials}))
(for-each (lambda (t) (printf "~a: ~a~n" (car t) (rate (cadr t) (caddr t)))) trials)
""",
    "shelves.ss": """(define shelves (make-vector {n} 0))
(let loop ((i 0)) (when (<= i {n}) (vector-set! shelves i (* i 3)) (printf "shelf ~a stocked~n" i) (loop (+ i 1))))
""",
    "labels.ss": """(define (label lot year) (string-append lot "/" year))
(for-each (lambda (p) (printf "~a~n" (label (car p) (cdr p)))) '({pairs}))
""",
}


def chez_programs(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    words = ["kale", "rye", "flax", "oat", "lentil", "vetch", "sorrel", "millet", "teff", "quinoa"]
    lines = " ".join('"' + " ".join(rnd.choice(words) + rnd.choice(["", ",", "!", "42"]) for _ in range(rnd.randint(2, 7)))
                     + '"' for _ in range(70))
    deposits = "\n".join(f'(deposit! "LOT-{rnd.randint(1, 30):02}" {rnd.randint(1, 400)})' for _ in range(110))
    trials = " ".join(f"({rnd.choice(words)}-{i} {rnd.randint(0, 50)} {rnd.randint(10, 60)})" for i in range(60))
    trials += " (vetch-late 4 0)"
    pairs = " ".join(f'("{rnd.choice(words)}" . "{rnd.randint(1990, 2025)}")' for _ in range(40)) + ' ("rye" . 2024)'
    subs = {"{lines}": lines, "{bad}": "'not-a-string", "{deposits}": deposits, "{trials}": trials, "{n}": "45",
            "{pairs}": pairs}
    out = {}
    for k, v in CHEZ_PROGS.items():
        for a, b in subs.items():
            v = v.replace(a, b)
        out[k] = v
    return out


CHECK_SS = """(define passed 0)
(define failed 0)
(define-syntax check
  (syntax-rules ()
    ((_ name expected expr)
     (let ((got expr))
       (if (equal? got expected)
           (begin (set! passed (+ passed 1)) (printf "PASS ~a~n" 'name))
           (begin (set! failed (+ failed 1)) (printf "FAIL ~a~n  expected: ~s got: ~s~n" 'name expected got)))))))
(define (report) (printf "checks: ~a passed, ~a failed~n" passed failed))
"""

RING_LIB = """(define (make-ring n) (vector (make-vector n 0) 0 0 n))
(define (ring-count r) (let ((d (- (vector-ref r 2) (vector-ref r 1)))) (if (< d 0) (+ d (vector-ref r 3)) d)))
(define (ring-put! r x)
  (vector-set! (vector-ref r 0) (vector-ref r 2) x)
  (vector-set! r 2 (modulo (+ 1 (vector-ref r 2)) (vector-ref r 3))))
(define (ring-take! r)
  (let ((x (vector-ref (vector-ref r 0) (vector-ref r 1))))
    (vector-set! r 1 (+ 1 (vector-ref r 1))) x))
"""


def chez_suite(seed: int, n: int, crash: bool) -> str:
    rnd = random.Random(seed)
    out = ['(load "check.ss")', '(load "ring-lib.ss")']
    for t in range(n):
        size = rnd.randint(2, 9)
        k = rnd.randint(0, size + 2)
        r = rnd.random()
        if r < 0.4:
            out.append(f"(check count-{k}-in-ring-{size}-t{t} {min(k, size - 1) if k >= size else k} "
                       f"(let ((r (make-ring {size}))) (do ((i 0 (+ i 1))) ((= i {k})) (ring-put! r i)) (ring-count r)))")
        elif r < 0.8:
            m = rnd.randint(1, 3)
            out.append(f"(check take-after-{m}-of-ring-{size}-t{t} {m} "
                       f"(let ((r (make-ring {size}))) (do ((i 0 (+ i 1))) ((= i {size + m})) (ring-put! r i)) "
                       f"(do ((i 0 (+ i 1))) ((= i {size - 1})) (ring-take! r)) (ring-take! r)))")
        else:
            out.append(f"(check first-in-first-out-t{t} 0 "
                       f"(let ((r (make-ring {size}))) (ring-put! r 0) (ring-put! r 1) (ring-take! r)))")
    out.append("(report)")
    if crash:
        out.append('(printf "taking from a drained ring~n")\n(let ((r (make-ring 3))) (ring-put! r 1) (ring-take! r) '
                   '(ring-take! r) (ring-take! r) (ring-take! r))')
    return "\n".join(out) + "\n"


def chez(tmp: Path) -> None:
    root = tmp / "chez"
    files = chez_programs(20310)
    files["check.ss"] = CHECK_SS
    files["ring-lib.ss"] = RING_LIB
    files["test-ring.ss"] = chez_suite(20311, 520, True)
    files["test-ring-small.ss"] = chez_suite(20312, 120, False)
    write_tree(root, files)
    cap("chez-scripts-each-echo", "for f in tokenize.ss lots.ss germ.ss shelves.ss labels.ss; do echo \"== $f\"; "
        "scheme --script \"$f\"; echo EXIT=$?; done", root, n_chez_error)
    cap("chez-check-ring-echo", "scheme --script test-ring.ss; echo EXIT=$?", root, n_chez_check)
    cap("chez-check-ring-small-grep", "scheme --script test-ring-small.ss 2>&1 | grep -v '^PASS'", root, n_chez_check)


# ------------------------------------------------------------------ Gambit: a germination calculator

GSI_PROG = """(define passed 0) (define failed 0)
(define (check name expected got)
  (if (equal? expected got) (set! passed (+ passed 1))
      (begin (set! failed (+ failed 1)) (display "FAIL ") (display name) (display ": expected ") (display expected)
             (display " got ") (display got) (newline))))
(define (germ-pct sprouted sown) (quotient (* 100 sprouted) (+ sown 1)))
{checks}
(display passed) (display " passed, ") (display failed) (display " failed") (newline)
(define trays (vector 10 20 30))
(display (vector-ref trays 3)) (newline)
"""


def gambit(tmp: Path) -> None:
    root = tmp / "gambit"
    rnd = random.Random(20320)
    checks = "\n".join(f"(check 'germ-{a}-of-{b} {a * 100 // b} (germ-pct {a} {b}))"
                       for a, b in ((rnd.randint(0, 40), rnd.randint(41, 90)) for _ in range(140)))
    files = {"germ.scm": GSI_PROG.replace("{checks}", checks)}
    for f in range(20):
        body = []
        for i in range(rnd.randint(5, 12)):
            callee = (f"{rnd.choice(['lot-weigh', 'tray-sow', 'germ-count', 'label-print', 'shelf-find'])}-"
                      f"{rnd.randint(0, 30)}") if rnd.random() < 0.4 else "*"
            body.append(f"(define (s{f}-{i} x) ({callee} x {i + 1}))")
        files[f"bank{f:02}.scm"] = "\n".join(body) + "\n"
    write_tree(root, files)
    cap_tty("gsi-germ-echo", "gsi germ.scm; echo EXIT=$?", root, n_gambit_gsi)
    mods = " ".join(f"bank{f:02}.scm" for f in range(20))
    cap_tty("gsc-warnings-link-bank", f"gsc -warnings -link {mods}", root, n_gambit_gsc)


# ------------------------------------------------------------------ Hugs: type errors and a priority queue run

HS_OK = [
    "weight{i} :: Int -> Int\nweight{i} g = g * {k}",
    "tag{i} :: String -> String\ntag{i} s = \"LOT-\" ++ s",
    "stock{i} :: [Int] -> Int\nstock{i} = sum . map (+ {j})",
]
HS_BAD = [
    "weight{i} :: Int -> Int\nweight{i} g = g ++ [{k}]",
    "tag{i} :: Int -> String\ntag{i} n = \"LOT-\" ++ n",
    "stock{i} :: [Int] -> Bool\nstock{i} xs = length xs * {k}",
    "viable{i} :: Int -> Bool\nviable{i} n = if n then True else False",
    "tray{i} :: Int -> Int\ntray{i} n = n + rows{k}",
    "pairs{i} :: [(Int, Int)]\npairs{i} = [({k}, \"{j}\")]",
    "half{i} :: Int -> Int\nhalf{i} n = n / 2",
]


def hugs_checks(seed: int, n: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for f in range(n):
        defs = [fill(rnd, HS_OK, HS_BAD, 0.14, i=i) for i in range(rnd.randint(3, 7))]
        files[f"lots/Lot{f:02}.hs"] = ("module Main where\n\n" + "\n\n".join(defs) + "\n\nmain :: IO ()\nmain = "
                                       "putStrLn \"lot ok\"\n")
    return files


HS_PQ = """module Main where

data Heap = E | T Int Int Heap Heap

rank :: Heap -> Int
rank E = 0
rank (T r _ _ _) = r

merge :: Heap -> Heap -> Heap
merge h E = h
merge E h = h
merge h1@(T _ x a1 b1) h2@(T _ y a2 b2)
  | x <= y = mk x a1 (merge b1 h2)
  | otherwise = mk y a2 (merge h1 b2)
  where mk v a b = if rank a >= rank b then T (rank b + 1) v a b else T (rank a + 1) v b a

insert :: Int -> Heap -> Heap
insert x h = merge (T 1 x E E) h

findMin :: Heap -> Int
findMin (T _ x _ _) = x
findMin E = error "findMin: empty heap"

size :: Heap -> Int
size E = 0
size (T _ _ a b) = 1 + size a

build :: [Int] -> Heap
build = foldr insert E

check :: String -> Int -> Int -> (Int, Int) -> IO (Int, Int)
check name want got (p, f)
  | want == got = putStrLn ("ok   " ++ name) >> return (p + 1, f)
  | otherwise = putStrLn ("FAIL " ++ name ++ ": expected " ++ show want ++ " got " ++ show got) >> return (p, f + 1)

main :: IO ()
main = do
  let cases = [{cases}]
  (p, f) <- foldl (\\acc (nm, w, g) -> acc >>= check nm w g) (return (0, 0)) cases
  putStrLn (show p ++ " passed, " ++ show f ++ " failed")
  print (findMin (build []))
"""


def hugs(tmp: Path) -> None:
    root = tmp / "hugs"
    files = hugs_checks(20330, 90)
    rnd = random.Random(20331)
    cases = []
    for t in range(130):
        xs = [rnd.randint(0, 99) for _ in range(rnd.randint(1, 6))]
        if rnd.random() < 0.5:
            cases.append(f'("min_{len(xs)}_{t}", {min(xs)}, findMin (build {xs}))')
        else:
            cases.append(f'("size_{len(xs)}_{t}", {len(xs)}, size (build {xs}))')
    files["runs/HeapSpec.hs"] = HS_PQ.replace("{cases}", ", ".join(cases))
    write_tree(root, files)
    cap("hugs-lots-loop", "for f in lots/*.hs; do echo \"== $f\"; runhugs \"$f\"; done 2>&1", root, n_hugs_typecheck)
    cap("hugs-lots-grep-echo", "for f in lots/*.hs; do echo \"== $f\"; runhugs \"$f\" 2>&1 | grep -A4 '^ERROR'; done; "
        "echo EXIT=$?", root, n_hugs_typecheck)
    cap("runhugs-heap-spec", "runhugs runs/HeapSpec.hs 2>&1; echo EXIT=$?", root, n_runhugs_run)


# ------------------------------------------------------------------ Haxe: a tokenizer

HX_OK = [
    "  public static function isWord{i}(c:String):Bool {{ return c != \" \"; }}",
    "  public static function width{i}(s:String):Int {{ return s.length + {j}; }}",
    "  public static function join{i}(a:Array<String>):String {{ return a.join(\",\"); }}",
]
HX_BAD = [
    "  public static function width{i}(s:String):Int {{ return s.length + \"{j}\"; }}",
    "  public static function isWord{i}(c:String):Bool {{ return c.length; }}",
    "  public static function join{i}(a:Array<String>):String {{ return a.concat(\",\"); }}",
    "  public static function peek{i}(a:Array<String>):String {{ if (a.length > 0) return a[0]; }}",
    "  public static function kind{i}(c:String):Token{k} {{ return null; }}",
    "  public static function count{i}(a:Array<String>):Int {{ return a.size; }}",
    "  public static function upper{i}(s:String):String {{ return Legacy.shout(s); }}",
]

HX_LEX = """class Lexer {
  public static function split(s:String):Array<String> {
    var out = new Array<String>();
    var cur = "";
    for (i in 0...s.length) {
      var c = s.charAt(i);
      if (c == " ") { out.push(cur); cur = ""; }
      else cur += c;
    }
    if (cur != "") out.push(cur);
    return out;
  }
  public static function nth(s:String, n:Int):String {
    var t = split(s);
    if (n >= t.length) throw 'no token $n in "$s"';
    return t[n];
  }
}
"""

HX_TESTS = """class Tests {
  static var passed = 0;
  static var failed = 0;
  static function check(name:String, want:Int, got:Int) {
    if (got == want) { passed++; trace('ok   $name'); }
    else { failed++; trace('FAIL $name: expected $want got $got'); }
  }
  static function main() {
{cases}
    trace('$passed passed, $failed failed');
    trace(Lexer.nth("kale rye", 5));
  }
}
"""


def haxe(tmp: Path) -> None:
    rnd = random.Random(20340)
    root = tmp / "haxe-lex"
    files = {"src/Legacy.hx": "class Legacy {\n  @:deprecated(\"use StringTools\") public static function shout(s:String)"
                              ":String { return s.toUpperCase(); }\n}\n"}
    refs = []
    for c in range(70):
        body = [fill(rnd, HX_OK, HX_BAD, 0.16, i=i) for i in range(rnd.randint(3, 8))]
        files[f"src/lex/Rule{c:02}.hx"] = f"package lex;\n\nclass Rule{c:02} {{\n" + "\n".join(body) + "\n}\n"
        refs.append(f"    lex.Rule{c:02};")
    files["src/Main.hx"] = "class Main {\n  static function main() {\n" + "\n".join(refs) + "\n  }\n}\n"
    write_tree(root, files)
    cap("haxe-compile-lex", "haxe -cp src -main Main --no-output", root, n_haxe_compile)
    cap("haxe-compile-lex-tail-50-echo", "haxe -cp src -main Main --interp 2>&1 | tail -n 50; echo EXIT=$?", root,
        n_haxe_compile)
    words = ["kale", "rye", "flax", "oat", "teff", "vetch"]
    cases = []
    for t in range(360):
        n = rnd.randint(1, 6)
        s = "  ".join(rnd.choice(words) for _ in range(n)) if rnd.random() < 0.25 else " ".join(
            rnd.choice(words) for _ in range(n))
        cases.append(f'    check("count_{n}_t{t}", {n}, Lexer.split("{s}").length);')
    t = tmp / "haxe-lex-tests"
    write_tree(t, {"src/Lexer.hx": HX_LEX, "src/Tests.hx": HX_TESTS.replace("{cases}", "\n".join(cases))})
    cap("haxe-interp-lexer-tests", "haxe -cp src -main Tests --interp; echo EXIT=$?", t, n_haxe_interp)


# ------------------------------------------------------------------ ReScript: a seed bank's ledger

RES_OK = [
    "let grams{i} = (bags: int) => bags * {k}",
    "let lotName{i} = (crop: string) => crop ++ \"-{k}\"",
    "let status{i} = (n: int) => switch n {{ | 0 => \"empty\" | n if n > {j} => \"full\" | _ => \"partial\" }}",
]
RES_BAD = [
    "let grams{i} = (bags: int) => bags * {k}.25",
    "let lotName{i} = (crop: string) => crop ++ {k}",
    "let stock{i} = (xs: array<int>) => Belt.Array.length(xs) ++ \"g\"",
    "let weigh{i} = (l: lot) => l.grams + {k}",
    "let fetch{i} = (k: string) => findLot{k}(k)",
    "type store{i} = Cold | Dry | Field\nlet where{i} = (s: store{i}) => switch s {{ | Cold => \"c\" | Dry => \"d\" }}",
    "let spare{i} = (x: int) => {{ let unused = x + {k}\n  x }}",
]


def rescript(tmp: Path) -> None:
    rnd = random.Random(20350)
    root = tmp / "seedbank-res"
    files = {"rescript.json": '{"name": "seedbank", "sources": [{"dir": "src"}], "package-specs": {"module": '
                              '"commonjs", "in-source": true}, "suffix": ".res.js"}\n'}
    for m in range(44):
        files[f"src/Bank{m:02}.res"] = "\n".join(fill(rnd, RES_OK, RES_BAD, 0.18, i=i)
                                                 for i in range(rnd.randint(3, 8))) + "\n"
    write_tree(root, files)
    if not (root / "node_modules").exists():
        (root / "node_modules").symlink_to(JS / "node_modules")
    cap("rescript-build-seedbank-echo", "npx rescript build; echo EXIT=$?", root, n_rescript, timeout=300)
    run("npx rescript clean", cwd=root)
    cap("rescript-build-seedbank-tail-80", "npx rescript build 2>&1 | tail -n 80", root, n_rescript, timeout=300)


# ------------------------------------------------------------------ cc65 / ca65 / ld65: a 6502 ring buffer

C_OK = [
    "unsigned char rb_put{i}(unsigned char v) {{ ring[head] = v; head = (head + 1) & 0x{k:02x}; return head; }}",
    "unsigned char rb_len{i}(void) {{ return (head - tail) & 0x3f; }}",
    "int rb_scale{i}(int v) {{ return v * {j}; }}",
]
C_BAD = [
    "unsigned char rb_put{i}(unsigned char v) {{ ring[head] = v; head = head + step{k}; return head; }}",
    "unsigned char rb_len{i}(void) {{ return (head - tail) & 0x3f }}",
    "int rb_scale{i}(int v) {{ unsigned char spare{j}; return v; }}",
    "void rb_poke{i}(void) {{ unsigned char *p = {k}; *p = 0; }}",
    "int rb_get{i}(struct ringbuf r) {{ return r.tail; }}",
    "void rb_clear{i}(void) {{ memset(ring, 0, {k}); }}",
    "int rb_diff{i}(int a) {{ return a - b; }}",
]

ASM_OK = ["    lda #${k:02x}", "    sta ring+{j}", "    ldx head", "    inx", "    txa", "    and #$3f", "    stx head",
          "    jsr rb_reset"]
ASM_BAD = ["    lda #${k:03x}", "    jmp rb_missing_{k}", "    ldy ({j}),x", "    stx", "    and #$3f extra",
           "    beq far_{k}", '    .warning "ring slot {k} unaligned"', "    mov a, {j}"]


def cc65(tmp: Path) -> None:
    rnd = random.Random(20360)
    root = tmp / "ring65"
    files = {}
    for f in range(26):
        files[f"src/ring{f:02}.c"] = ("extern unsigned char ring[64];\nextern unsigned char head, tail;\n\n"
                                      + "\n".join(fill(rnd, C_OK, C_BAD, 0.22, i=i) for i in range(rnd.randint(4, 10)))
                                      + "\n")
    for f in range(34):
        lines = [".export rb_reset" if f == 0 else ".import rb_reset", ".importzp head", ".import ring",
                 '.segment "CODE"', f"slot{f}:"]
        if f == 0:
            lines.append("rb_reset:")
        lines += [fill(rnd, ASM_OK, ASM_BAD, 0.2) for _ in range(rnd.randint(18, 36))]
        files[f"asm/slot{f:02}.s"] = "\n".join(lines) + "\n    rts\n"
    cfg = """MEMORY {
    ZP:   start = $0002, size = $0040, type = rw;
    MAIN: start = $0801, size = $0500, file = %O;
    BUF:  start = $C000, size = $0080, file = %O;
}
SEGMENTS {
    ZEROPAGE: load = ZP,   type = zp;
    CODE:     load = MAIN, type = ro;
    RING:     load = BUF,  type = rw;
}
"""
    files["ring.cfg"] = cfg
    files["roomy.cfg"] = cfg.replace("$0500", "$8000").replace("$0080", "$0800")
    for f in range(18):
        imports = sorted({f"{rnd.choice(['rb_put', 'rb_get', 'rb_len', 'rb_peek'])}_{rnd.randint(0, 20)}"
                          for _ in range(rnd.randint(1, 4))})
        lines = [f".export task{f}", ".import " + ", ".join(imports), '.segment "CODE"', f"task{f}:"]
        lines += [f"    jsr {imp}" for imp in imports]
        lines += [f"    lda #${rnd.randint(0, 255):02x}" for _ in range(rnd.randint(30, 90))]
        lines += ["    rts", '.segment "RING"', f"    .res {rnd.randint(4, 16)}", '.segment "ZEROPAGE"', "    .res 3"]
        files[f"link/task{f:02}.s"] = "\n".join(lines) + "\n"
    defs = [f"rb_put_{i}" for i in range(0, 21, 2)] + [f"rb_len_{i}" for i in range(0, 21, 4)]
    files["link/lib.s"] = (".export " + ", ".join(defs) + '\n.segment "CODE"\n'
                           + "\n".join(f"{d}:\n    rts" for d in defs) + "\n")
    write_tree(root, files)
    cap("cc65-ring-loop-echo", "for f in src/*.c; do cc65 -t c64 -O \"$f\"; done; echo EXIT=$?", root, n_cc65)
    cap("ca65-slots-loop", "for f in asm/*.s; do ca65 -t c64 \"$f\"; done 2>&1", root, n_ca65)
    run("for f in link/*.s; do ca65 \"$f\"; done", cwd=root)
    objs = " ".join(f"link/task{f:02}.o" for f in range(18))
    cap("ld65-ring-tight-then-roomy-echo", f"ld65 -C ring.cfg -o ring.prg {objs} link/lib.o; echo EXIT=$?; "
        f"ld65 -C roomy.cfg -o ring.prg {objs} link/lib.o; echo EXIT=$?", root, n_ld65)


# ------------------------------------------------------------------ yasm: x86-64 checksum routines

YASM_OK = ["    movzx eax, byte [rdi+rcx]", "    add edx, eax", "    rol edx, {s}", "    inc rcx", "    cmp rcx, rsi",
           "    xor r8d, r8d", "    imul edx, edx, {j}", "    push r12", "    pop r12"]
YASM_BAD = ["    mov eax, rdx", "    jmp .no_such_{k}", "    call crc_table_{k}", "    mov dl, {big}", "    add [rdi+rcx",
            "    rol edx, eax", "    lea rdx, rax", "    imul [rdi], {j}", "    popq 1, 2"]


def yasm(tmp: Path) -> None:
    rnd = random.Random(20370)
    root = tmp / "cksum"
    files = {}
    for f in range(40):
        lines = ["bits 64", "section .text", f"global ck_{f}", f"ck_{f}:", "    xor edx, edx", "    xor ecx, ecx"]
        for _ in range(rnd.randint(24, 56)):
            lines.append(fill(rnd, YASM_OK, YASM_BAD, 0.17, s=rnd.randint(1, 31), big=rnd.randint(256, 90000)))
        lines += ["    mov eax, edx", "    ret"]
        files[f"ck/ck{f:02}.asm"] = "\n".join(lines) + "\n"
    write_tree(root, files)
    cap("yasm-cksum-loop", "for f in ck/*.asm; do yasm -f elf64 -o /dev/null \"$f\"; done", root, n_yasm)
    cap("yasm-cksum-grep-error-echo", "for f in ck/ck1*.asm ck/ck2*.asm; do yasm -f elf64 -o /dev/null \"$f\"; done 2>&1 "
        "| grep error; echo EXIT=$?", root, n_yasm)


# ------------------------------------------------------------------ 64tass: 6502 sprite routines

TASS_OK = ["        lda #${k:02x}", "        sta $d0{j:02x}", "        ldy #{j}", "        dey", "        jsr setup",
           "        bne +", "+       nop", "        rts"]
TASS_BAD = ["        lda #${k:03x}", "        jmp undefined{k}", "        ldx ({j}),y", "        sty",
            '        .warn "sprite {k} straddles a page"', "        lda #absent{k}-1", "        bmi label{k}",
            "        jmp ($20ff)"]


def tass(tmp: Path) -> None:
    rnd = random.Random(20380)
    root = tmp / "tass"
    lines = ["        *= $c000", "setup   rts"]
    for r in range(210):
        lines.append(f"sprite{r}")
        lines += [fill(rnd, TASS_OK, TASS_BAD, 0.09) for _ in range(rnd.randint(6, 16))]
        lines.append("        rts")
    write_tree(root, {"sprites.asm": "\n".join(lines) + "\n"})
    cap("64tass-sprites-echo", "64tass -Wall -o sprites.prg sprites.asm; echo EXIT=$?", root, n_64tass)


STEPS = [sml, chez, gambit, hugs, haxe, rescript, cc65, yasm, tass]
