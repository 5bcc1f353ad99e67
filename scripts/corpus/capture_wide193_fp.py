"""Round 193, functional languages: a ledger, a bounded queue, an expression parser and a stack machine written here
in Standard ML (SML/NJ), Scheme (Chez Scheme and Gambit) and Haskell 98 (Hugs), with bugs put in and widened by
seeded generators: type errors, missing cases, unbound names, failing checks of the programs' own test suites. The
extractors are this round's (NEEDLES.md, "Round 193"). Run through capture_wide193.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide193 import cap, cap_tty, check_lines, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 193")

SML_LOC = r"^\S+:\d+\.\d+(-\d+\.\d+)? "


@cm.kind("smlnj-typecheck", "build")
def n_smlnj_typecheck(lines):
    """Rule 1 on SML/NJ: every file:L.C-L.C Error: line and the first message line under it, warnings one {"any"} per (message, file), the Fatal error -- Uncaught exception line with its raised at: line, uncaught exception lines; EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(SML_LOC + "Error:", s):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith("  ") and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.match(SML_LOC + "Warning:", s):
            f = s.split(":", 1)[0]
            warns.append(((cm.mask(s.split("Warning:", 1)[1]), f), ln))
        elif "Uncaught exception" in s or s.startswith("uncaught exception"):
            out.append(ln)
            r = cm.next_match(lines, i, r"raised at", 2)
            if r:
                out.append(r)
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("smlnj-run", "test")
def n_smlnj_run(lines):
    """Rule 2 on an SML/NJ test program: every FAIL check line, the counts line, every uncaught exception / Fatal error -- Uncaught exception line with its raised at: line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if "Uncaught exception" in s or s.startswith("uncaught exception"):
            out.append(ln)
            r = cm.next_match(lines, i, r"raised at", 2)
            if r:
                out.append(r)
        elif re.match(SML_LOC + "Error:", s):  # a test program that does not compile
            out.append(ln)
    return check_lines(lines) + out + exit_lines(lines)


@cm.kind("chez-scheme-error", "build")
def n_chez_error(lines):
    """Rule 1 on Chez Scheme scripts: every Exception / Exception in <proc>: line with the loop's == file line when it is directly above, warnings one {"any"} per (message shape, file); EXIT=N."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Exception"):
            if i and lines[i - 1].startswith("== "):
                out.append(lines[i - 1])
            out.append(ln)
        elif re.match(r"^[Ww]arning\b", s):
            m = re.search(r" of (\S+?)\.?$", s)
            msg = re.sub(r" at line \d+, char \d+ of \S+$", "", s)
            warns.append(((cm.mask(msg), m.group(1) if m else ""), ln))
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("chez-scheme-check", "test")
def n_chez_check(lines):
    """Rule 2 on a Chez Scheme suite's own check macro: every FAIL <name> line and the first expected: ... got: ... line under it, every Exception line, the counts line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("FAIL"):
            out.append(ln)
            e = cm.next_match(lines, i, r"expected:", 2)
            if e:
                out.append(e)
        elif s.startswith("Exception") or COUNTS.search(s):
            out.append(ln)
    return out + exit_lines(lines)


COUNTS = re.compile(r"\b\d+ passed, \d+ failed\b")


@cm.kind("gambit-gsi-error", "build")
def n_gambit_gsi(lines):
    """Rule 1 on Gambit's interpreter: every *** ERROR IN line and the expression line under it, the programs' own FAIL and counts lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("*** ERROR IN"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("***"):
                out.append(lines[i + 1])
    return out + check_lines(lines) + exit_lines(lines)


@cm.kind("gambit-gsc", "build")
def n_gambit_gsc(lines):
    """Rule 1 on Gambit's compiler: every *** ERROR IN line, every *** WARNING -- "name" is not defined, line with its referenced in: line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("*** ERROR"):
            out.append(ln)
        elif ln.startswith("*** WARNING"):
            out.append(ln)
            r = cm.next_match(lines, i, r"referenced in:", 1)
            if r:
                out.append(r)
    return out + exit_lines(lines)


@cm.kind("hugs-typecheck", "build")
def n_hugs_typecheck(lines):
    """Rule 1 on Hugs: every ERROR "file":L - line, the *** Expression / Term / Type / Does not match lines within its next six, the loop's == file line just before it; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("ERROR "):
            f = cm.prev_match(lines, i, r"^== ", 3)
            if f:
                out.append(f)
            out.append(ln)
            for nxt in lines[i + 1:i + 7]:
                if re.match(r"^\*\*\* (Expression|Term|Type|Does not match)\b", nxt):
                    out.append(nxt)
    return out + exit_lines(lines)


@cm.kind("runhugs-run", "test")
def n_runhugs_run(lines):
    """Rule 2 on a batch of runhugs programs: every Program error: line with the loop's == file line within two above, every FAIL check line, the counts lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if "Program error:" in ln:
            f = cm.prev_match(lines, i, r"^== ", 2)
            if f:
                out.append(f)
            out.append(ln)
        elif ln.startswith("ERROR "):  # a program that does not load
            out.append(ln)
    return out + check_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ Standard ML (SML/NJ)

SML_OK = [
    "fun bal_{i} (x : int) = x * {k} + {j}",
    "fun tag_{i} (s : string) = s ^ \"-{k}\"",
    "fun sum_{i} (xs : int list) = foldl (op +) {j} xs",
    "val rate_{i} : real = {k}.{j}",
    "fun clamp_{i} (x : int) = if x > {k} then {k} else x",
]
SML_BAD = [
    "fun fee_{i} (x : int) = x + 0.{j}",                                    # int + real
    "fun name_{i} (n : int) = \"acct-\" ^ n",                              # string ^ int
    "fun first_{i} xs = case xs of (x :: _) => x + {k}",                   # match nonexhaustive (warning)
    "val total_{i} = posting_{k} {j}",                                      # unbound variable
    "fun pick_{i} (flag, v : int) = if flag then v else \"none\"",         # types of rules don't agree
    "fun rec_{i} {{amount : int, memo : string}} = amount + memo",          # int + string
    "val ledger_{i} = [{j}, \"{k}\", {i}]",                                 # list elements disagree
    "fun cmp_{i} (a : real) (b : int) = a < b",                             # real < int
]


def gen_sml(seed: int, n: int, bad_rate: float) -> str:
    rnd = random.Random(seed)
    out = ["(* ledger postings, generated *)"]
    for i in range(n):
        tpl = rnd.choice(SML_BAD) if rnd.random() < bad_rate else rnd.choice(SML_OK)
        out.append(tpl.format(i=i, j=rnd.randint(1, 99), k=rnd.randint(2, 500)))
    return "\n".join(out) + "\n"


SML_QUEUE = """structure Queue = struct
  exception Empty
  type 'a queue = 'a list * 'a list
  val empty : 'a queue = ([], [])
  fun push x (f, b) = (f, x :: b)
  fun pop ([], []) = raise Empty
    | pop ([], b) = pop (rev b, [])
    | pop (x :: f, b) = (x, (f, b))
  fun size (f, b) = length f + length b - (if length b > 3 then 1 else 0)
  fun toList (f, b) = f @ b
end
val passed = ref 0
val failed = ref 0
fun check name expected got =
  if expected = got then (passed := !passed + 1; print ("ok   " ^ name ^ "\\n"))
  else (failed := !failed + 1;
        print ("FAIL " ^ name ^ ": expected " ^ Int.toString expected ^ " got " ^ Int.toString got ^ "\\n"))
fun fill n = List.foldl (fn (x, q) => Queue.push x q) Queue.empty (List.tabulate (n, fn i => i))
"""


def gen_sml_queue_tests(seed: int, n: int, drain: bool) -> str:
    rnd = random.Random(seed)
    out = [SML_QUEUE]
    for t in range(n):
        k = rnd.randint(0, 9)
        which = rnd.random()
        if which < 0.5:
            out.append(f'val _ = check "size_after_{k}_pushes_{t}" {k} (Queue.size (fill {k}))')
        elif which < 0.8:
            out.append(f'val _ = check "pop_first_of_{k + 1}_{t}" 0 (#1 (Queue.pop (fill {k + 1})))')
        else:
            out.append(f'val _ = check "list_order_{k + 2}_{t}" {k + 1} (List.last (Queue.toList (fill {k + 2})))')
    out.append('val _ = print (Int.toString (!passed) ^ " passed, " ^ Int.toString (!failed) ^ " failed\\n")')
    if drain:
        out.append('val _ = print "draining an empty queue\\n"')
        out.append("val (x, _) = Queue.pop (Queue.empty : int Queue.queue)")
    return "\n".join(out) + "\n"


def sml(tmp: Path) -> None:
    root = tmp / "ledger-sml"
    write_tree(root, {"ledger.sml": gen_sml(19301, 420, 0.22), "postings.sml": gen_sml(19302, 90, 0.3),
                      "accounts.sml": gen_sml(19303, 700, 0.2),
                      "test_queue.sml": gen_sml_queue_tests(19304, 160, True),
                      "test_queue_small.sml": gen_sml_queue_tests(19305, 60, False)})
    cap("smlnj-ledger", "sml ledger.sml < /dev/null", root, n_smlnj_typecheck)
    cap("smlnj-postings-echo", "sml postings.sml < /dev/null; echo EXIT=$?", root, n_smlnj_typecheck)
    cap("smlnj-accounts", "sml accounts.sml < /dev/null", root, n_smlnj_typecheck)
    cap("smlnj-accounts-head-100", "sml accounts.sml < /dev/null 2>&1 | head -n 100", root, n_smlnj_typecheck)
    cap("smlnj-run-queue", "sml test_queue.sml < /dev/null", root, n_smlnj_run)
    cap("smlnj-run-queue-tail-40-echo", "sml test_queue_small.sml < /dev/null 2>&1 | tail -n 40; echo EXIT=$?", root,
        n_smlnj_run)


# ------------------------------------------------------------------ Chez Scheme

CHEZ_PROGS = {
    "queue.ss": """(define (make-queue) (cons '() '()))
(define (enqueue! q x) (set-car! q (append (car q) (list x))) q)
(define (dequeue! q) (let ((x (caar q))) (set-car! q (cdar q)) x))
(define q (make-queue))
(let loop ((i 0)) (when (< i {n}) (enqueue! q (* i 7)) (printf "enqueue ~a size ~a~n" (* i 7) (length (car q))) (loop (+ i 1))))
(let loop ((i 0)) (when (<= i {n}) (printf "dequeue ~a -> ~a~n" i (dequeue! q)) (loop (+ i 1))))
""",
    "parser.ss": """(define (tokenize s)
  (let loop ((cs (string->list s)) (acc '()))
    (cond ((null? cs) (reverse acc))
          ((char-whitespace? (car cs)) (loop (cdr cs) acc))
          ((char-numeric? (car cs)) (loop (cdr cs) (cons (- (char->integer (car cs)) 48) acc)))
          (else (loop (cdr cs) (cons (car cs) acc))))))
(define (parse-sum toks)
  (let loop ((toks (cdr toks)) (v (car toks)))
    (cond ((null? toks) v)
          ((eqv? (car toks) #\\+) (loop (cddr toks) (+ v (cadr toks))))
          ((eqv? (car toks) #\\*) (loop (cddr toks) (* v (cadr toks))))
          (else (error 'parse-sum "unexpected token" (car toks))))))
(for-each (lambda (s) (printf "~s => ~a~n" s (parse-sum (tokenize s))))
  '({exprs}))
""",
    "vm.ss": """(define (run prog)
  (let loop ((pc 0) (stack '()))
    (let ((ins (vector-ref prog pc)))
      (printf "pc=~a ins=~s stack=~s~n" pc ins stack)
      (case (car ins)
        ((push) (loop (+ pc 1) (cons (cadr ins) stack)))
        ((add) (loop (+ pc 1) (cons (+ (car stack) (cadr stack)) (cddr stack))))
        ((mul) (loop (+ pc 1) (cons (* (car stack) (cadr stack)) (cddr stack))))
        ((jmp) (loop (cadr ins) stack))
        ((halt) (car stack))))))
(printf "result ~a~n" (run (vector {prog})))
""",
    "ledger.ss": """(define accounts (make-eq-hashtable))
(define (post! acct amount)
  (hashtable-update! accounts acct (lambda (b) (+ b amount)) 0)
  (printf "post ~a ~a balance ~a~n" acct amount (hashtable-ref accounts acct 0)))
{posts}
(define (close-account acct) (let ((b (hashtable-ref accounts acct #f))) (assert (zero? b)) b))
(printf "closing ~a~n" (close-account 'cash))
""",
    "report.ss": """(define (pad s n) (if (< (string-length s) n) (pad (string-append s " ") n) s))
(define rows '({rows}))
(for-each (lambda (r) (printf "~a ~a~n" (pad (symbol->string (car r)) 12) (cadr r))) rows)
(printf "total ~a~n" (apply + (map cadr rows)))
(printf "average ~a~n" (average (map cadr rows)))
""",
    "stats.ss": """(define (mean xs) (/ (apply + xs) (length xs)))
(define samples '({samples}))
(let loop ((xs samples) (i 0))
  (unless (null? xs)
    (printf "window ~a mean ~a~n" i (mean (list-head xs 5)))
    (loop (cdr xs) (+ i 1))))
""",
}


def chez_programs(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    exprs = " ".join(f'"{rnd.randint(1, 9)} + {rnd.randint(1, 9)} * {rnd.randint(1, 9)}"' for _ in range(60)) + ' "3 + 4 - 2"'
    prog = " ".join(f"'(push {rnd.randint(1, 50)}) '({rnd.choice(['add', 'mul'])})" for _ in range(70))
    prog = "'(push 1) " + prog + " '(push 9)"  # no halt: the vm runs off the program's end
    posts = "\n".join(f"(post! '{rnd.choice(['cash', 'bank', 'rent', 'fees', 'sales'])} {rnd.randint(-900, 900)})"
                      for _ in range(120))
    rows = " ".join(f"({rnd.choice(['north', 'south', 'east', 'west'])}-{i} {rnd.randint(10, 999)})" for i in range(80))
    samples = " ".join(str(rnd.randint(0, 99)) for _ in range(90))
    vals = {"n": 40, "exprs": exprs, "prog": prog, "posts": posts, "rows": rows, "samples": samples}
    return {k: v.replace("{n}", str(vals["n"])).replace("{exprs}", exprs).replace("{prog}", prog)
            .replace("{posts}", posts).replace("{rows}", rows).replace("{samples}", samples)
            for k, v in CHEZ_PROGS.items()}


CHEZ_WARN = """(define (area w h) (* w h))
(define (perimeter w h) (* 2 (+ w h)))
{calls}
"""

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

QUEUE_LIB = """(define (make-bq cap) (vector '() 0 cap))
(define (bq-size q) (vector-ref q 1))
(define (bq-push! q x)
  (if (> (vector-ref q 1) (vector-ref q 2)) #f
      (begin (vector-set! q 0 (cons x (vector-ref q 0))) (vector-set! q 1 (+ 1 (vector-ref q 1))) #t)))
(define (bq-pop! q)
  (let ((items (vector-ref q 0)))
    (vector-set! q 0 (cdr items)) (vector-set! q 1 (- (vector-ref q 1) 1)) (car items)))
"""


def chez_suite(seed: int, n: int, crash: bool) -> str:
    rnd = random.Random(seed)
    out = ['(load "check.ss")', '(load "queue-lib.ss")']
    for t in range(n):
        cap_ = rnd.randint(1, 8)
        k = rnd.randint(0, cap_ + 1)
        r = rnd.random()
        if r < 0.45:
            out.append(f"(check push-{k}-into-cap-{cap_}-t{t} {min(k, cap_)} "
                       f"(let ((q (make-bq {cap_}))) (do ((i 0 (+ i 1))) ((= i {k})) (bq-push! q i)) (bq-size q)))")
        elif r < 0.8:
            out.append(f"(check fifo-order-{k + 1}-t{t} 0 "
                       f"(let ((q (make-bq 10))) (do ((i 0 (+ i 1))) ((= i {k + 1})) (bq-push! q i)) (bq-pop! q)))")
        else:
            out.append(f"(check full-rejects-cap-{cap_}-t{t} #f "
                       f"(let ((q (make-bq {cap_}))) (do ((i 0 (+ i 1))) ((= i {cap_})) (bq-push! q i)) (bq-push! q 99)))")
    out.append("(report)")
    if crash:
        out.append("(printf \"popping an empty queue~n\")\n(bq-pop! (make-bq 2))")
    return "\n".join(out) + "\n"


def chez(tmp: Path) -> None:
    root = tmp / "chez"
    files = chez_programs(19310)
    rnd = random.Random(19311)
    calls = "\n".join(rnd.choice([f"(display (area {i}))", f"(display (perimeter {i} {i} {i}))",
                                  f"(display (area {i} {i}))", f"(display (car {i} {i}))",
                                  f"(display (string-append \"x\" {i}))", f"(display (vector-ref (vector 1 2) {i} 0))"])
                      for i in range(160))
    files["shapes.ss"] = CHEZ_WARN.replace("{calls}", calls)
    files["check.ss"] = CHECK_SS
    files["queue-lib.ss"] = QUEUE_LIB
    files["test-queue.ss"] = chez_suite(19312, 260, False)
    files["test-queue-full.ss"] = chez_suite(19313, 420, True)
    files["test-queue-quick.ss"] = chez_suite(19314, 70, False)
    write_tree(root, files)
    cap("chez-scripts-loop", "for f in queue.ss parser.ss vm.ss ledger.ss report.ss stats.ss; do echo \"== $f\"; "
        "scheme --script \"$f\"; done", root, n_chez_error)
    cap("chez-vm-tail-30-echo", "scheme --script vm.ss 2>&1 | tail -n 30; echo EXIT=$?", root,
        n_chez_error)
    cap("chez-compile-file-shapes", "echo '(compile-file \"shapes.ss\")' | scheme -q", root, n_chez_error)
    cap("chez-check-queue", "scheme --script test-queue.ss", root, n_chez_check)
    cap("chez-check-full-echo", "scheme --script test-queue-full.ss; echo EXIT=$?", root, n_chez_check)
    cap("chez-check-quick-grep", "scheme --script test-queue-quick.ss 2>&1 | grep -v '^PASS'", root, n_chez_check)


# ------------------------------------------------------------------ Gambit

GSI_PROGS = {
    "interp.scm": """(define (lookup env k) (cdr (assq k env)))
(define (ev e env)
  (cond ((number? e) e)
        ((symbol? e) (lookup env e))
        ((eq? (car e) '+) (+ (ev (cadr e) env) (ev (caddr e) env)))
        ((eq? (car e) '*) (* (ev (cadr e) env) (ev (caddr e) env)))
        ((eq? (car e) 'let) (ev (caddr e) (cons (cons (car (cadr e)) (ev (cadr (cadr e)) env)) env)))))
(for-each (lambda (e) (display e) (display " => ") (display (ev e '((x . 2) (y . 5)))) (newline))
  '({exprs}))
""",
    "queue.scm": """(define (make-queue n) (vector (make-vector n 0) 0 0))
(define (q-push! q x) (vector-set! (vector-ref q 0) (vector-ref q 2) x) (vector-set! q 2 (+ 1 (vector-ref q 2))))
(define (q-pop! q) (let ((x (vector-ref (vector-ref q 0) (vector-ref q 1)))) (vector-set! q 1 (+ 1 (vector-ref q 1))) x))
(define q (make-queue 48))
(let loop ((i 0)) (if (< i 60) (begin (q-push! q (* i i)) (display "push ") (display (* i i)) (newline) (loop (+ i 1)))))
""",
    "rates.scm": """(define (rate total n) (quotient total n))
(define counts '({counts}))
(for-each (lambda (c) (display "bucket ") (display c) (display " rate ") (display (rate 1000 c)) (newline)) counts)
""",
    "tally.scm": """(define passed 0) (define failed 0)
(define (check name expected got)
  (if (equal? expected got) (set! passed (+ passed 1))
      (begin (set! failed (+ failed 1)) (display "FAIL ") (display name) (display ": expected ") (display expected)
             (display " got ") (display got) (newline))))
(define (tally xs) (if (null? xs) 0 (+ (car xs) (tally (cddr xs)))))
{checks}
(display passed) (display " passed, ") (display failed) (display " failed") (newline)
(tally-all '(1 2 3))
""",
}


def gsi_programs(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    exprs = " ".join(rnd.choice([f"(+ x {i})", f"(* y {i})", f"(let (z {i}) (+ z x))", f"(+ (* x y) {i})"])
                     for i in range(70)) + " (+ w 1)"
    counts = " ".join(str(rnd.randint(1, 40)) for _ in range(50)) + " 0 7"
    checks = "\n".join(f"(check 'tally-{i} {sum(range(0, i, 1))} (tally (iota {i})))" for i in range(0, 120, 2))
    subs = {"{exprs}": exprs, "{counts}": counts, "{checks}": checks}
    out = {}
    for k, v in GSI_PROGS.items():
        for a, b in subs.items():
            v = v.replace(a, b)
        out[k] = v
    return out


def gsc_sources(seed: int, n: int) -> tuple[dict[str, str], list[str]]:
    """`n` modules calling helpers nobody defines (a third of calls), some with a syntax error; the clean ones' names."""
    rnd = random.Random(seed)
    files, clean = {}, []
    for f in range(n):
        body = []
        for i in range(rnd.randint(6, 14)):
            callee = f"{rnd.choice(['ledger-post', 'queue-pop', 'fmt-amount', 'vm-step', 'parse-term', 'tally'])}-" \
                     f"{rnd.randint(0, 40)}" if rnd.random() < 0.35 else "+"
            body.append(f"(define (f{f}-{i} x) ({callee} x {i}))")
        name = f"mod{f:02}.scm"
        if rnd.random() < 0.3:
            body.append(rnd.choice([f"(define (broken{f} x) (let ((y x)) y)", f"(define (odd{f} . ) 1)",
                                    f"(define (g{f} x) (if))", f'(define s{f} "unterminated)']))
        else:
            clean.append(name)
        files[name] = "\n".join(body) + "\n"
    return files, clean


def gambit(tmp: Path) -> None:
    root = tmp / "gambit"
    files = gsi_programs(19320)
    mods, clean = gsc_sources(19321, 36)
    files.update(mods)
    write_tree(root, files)
    cap_tty("gsi-programs-loop", "for f in interp.scm queue.scm rates.scm tally.scm; do echo \"== $f\"; gsi \"$f\"; done",
            root, n_gambit_gsi)
    cap_tty("gsi-tally-echo", "gsi tally.scm; echo EXIT=$?", root, n_gambit_gsi)
    cap_tty("gsc-warnings-link", f"gsc -warnings -link {' '.join(clean)}", root, n_gambit_gsc)
    cap_tty("gsc-warnings-link-head-60-echo", f"gsc -warnings -link {' '.join(clean[:12])} 2>&1 | head -n 60; "
            "echo EXIT=$?", root, n_gambit_gsc)
    cap_tty("gsc-each-loop", "for f in mod*.scm; do echo \"== $f\"; gsc -warnings \"$f\"; done", root, n_gambit_gsc)


# ------------------------------------------------------------------ Hugs

HS_OK = [
    "price{i} :: Int -> Int\nprice{i} q = q * {k}",
    "label{i} :: Int -> String\nlabel{i} n = \"item-\" ++ show n",
    "total{i} :: [Int] -> Int\ntotal{i} = foldr (+) {k}",
]
HS_BAD = [
    "price{i} :: Int -> Int\nprice{i} q = q ++ {k}",
    "label{i} :: Int -> String\nlabel{i} n = \"item-\" ++ n",
    "total{i} :: [Int] -> Bool\ntotal{i} xs = sum xs + {k}",
    "check{i} :: Int -> Int\ncheck{i} n = if n then {k} else 0",
    "scale{i} :: Int -> Int\nscale{i} n = n * factor{k}",
    "pair{i} :: (Int, String)\npair{i} = (\"{k}\", {k})",
]


def hugs_checks(seed: int, n: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for f in range(n):
        defs, uses = [], []
        for i in range(rnd.randint(3, 6)):
            tpl = rnd.choice(HS_BAD) if rnd.random() < 0.12 else rnd.choice(HS_OK)
            defs.append(tpl.format(i=i, k=rnd.randint(2, 90)))
            nm = tpl.split("{i}")[0]
            uses.append(f"  putStrLn (\"{nm}{i} ok\")")
        files[f"checks/Check{f:02}.hs"] = ("module Main where\n\n" + "\n\n".join(defs) + "\n\nmain :: IO ()\nmain = do\n"
                                           + "\n".join(uses) + "\n")
    return files


HS_QUEUE = """module Main where

data Queue a = Queue [a] [a]

emptyQ :: Queue a
emptyQ = Queue [] []

push :: a -> Queue a -> Queue a
push x (Queue f b) = Queue f (x : b)

pop :: Queue a -> (a, Queue a)
pop (Queue (x : f) b) = (x, Queue f b)
pop (Queue [] []) = error "pop: empty queue"
pop (Queue [] b) = pop (Queue (reverse b) [])

size :: Queue a -> Int
size (Queue f b) = length f + length (drop 1 b)

fill :: Int -> Queue Int
fill n = foldl (flip push) emptyQ [0 .. n - 1]

check :: String -> Int -> Int -> (Int, Int) -> IO (Int, Int)
check name want got (p, f)
  | want == got = putStrLn ("ok   " ++ name) >> return (p + 1, f)
  | otherwise = putStrLn ("FAIL " ++ name ++ ": expected " ++ show want ++ " got " ++ show got) >> return (p, f + 1)

main :: IO ()
main = do
  let cases = [{cases}]
  (p, f) <- foldl (\\acc (nm, w, g) -> acc >>= check nm w g) (return (0, 0)) cases
  putStrLn (show p ++ " passed, " ++ show f ++ " failed")
  {tail}
"""

HS_PARSER = """module Main where

import Char (isDigit, isSpace)

data Tok = TNum Int | TPlus | TTimes | TOpen | TClose deriving (Show, Eq)

tokens :: String -> [Tok]
tokens [] = []
tokens (c : cs)
  | isSpace c = tokens cs
  | isDigit c = let (d, r) = span isDigit (c : cs) in TNum (read d) : tokens r
  | c == '+' = TPlus : tokens cs
  | c == '*' = TTimes : tokens cs
  | c == '(' = TOpen : tokens cs
  | c == ')' = TClose : tokens cs

expr :: [Tok] -> (Int, [Tok])
expr ts = let (v, r) = term ts in case r of
  (TPlus : r') -> let (w, r'') = expr r' in (v + w, r'')
  _ -> (v, r)

term :: [Tok] -> (Int, [Tok])
term (TNum n : TTimes : r) = let (w, r') = term r in (n * w, r')
term (TNum n : r) = (n, r)
term (TOpen : r) = let (v, r') = expr r in case r' of (TClose : r'') -> (v, r'')

main :: IO ()
main = do
  let cases = [{cases}]
  rs <- mapM (\\(s, w) -> let g = fst (expr (tokens s)) in
                if g == w then putStrLn ("ok   " ++ s) >> return True
                else putStrLn ("FAIL " ++ s ++ ": expected " ++ show w ++ " got " ++ show g) >> return False) cases
  putStrLn (show (length (filter id rs)) ++ " passed, " ++ show (length (filter not rs)) ++ " failed")
"""


def hugs_runs(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    qc = ", ".join(f'("size_{k}_{t}", {k}, size (fill {k}))' if rnd.random() < 0.6 else
                   f'("first_of_{k + 1}_{t}", 0, fst (pop (fill {k + 1})))'
                   for t in range(90) for k in [rnd.randint(0, 8)])
    qc2 = ", ".join(f'("size_{k}_{t}", {k}, size (fill {k}))' for t in range(25) for k in [rnd.randint(0, 3)])
    exprs = []
    for _ in range(80):
        a, b, c = rnd.randint(1, 9), rnd.randint(1, 9), rnd.randint(1, 9)
        s = rnd.choice([(f"{a} + {b} * {c}", a + b * c), (f"({a} + {b}) * {c}", (a + b) * c),
                        (f"{a} * {b} + {c}", a * b + c), (f"{a}*{b}*{c}", a * b * c)])
        exprs.append(f'("{s[0]}", {s[1]})')
    exprs.append('("2 + (3 * 4", 14)')
    exprs.append('("7 - 2", 5)')
    return {"runs/QueueSpec.hs": HS_QUEUE.replace("{cases}", qc).replace("{tail}", 'print (fst (pop (emptyQ :: Queue Int)))'),
            "runs/QueueSmoke.hs": HS_QUEUE.replace("{cases}", qc2).replace("{tail}", "return ()"),
            "runs/ParserSpec.hs": HS_PARSER.replace("{cases}", ", ".join(exprs))}


def hugs(tmp: Path) -> None:
    root = tmp / "hugs"
    files = hugs_checks(19330, 110)
    files.update(hugs_runs(19331))
    write_tree(root, files)
    cap("hugs-checks-loop", "for f in checks/*.hs; do echo \"== $f\"; runhugs \"$f\"; done 2>&1", root, n_hugs_typecheck)
    cap("hugs-checks-grep", "for f in checks/*.hs; do echo \"== $f\"; runhugs \"$f\" 2>&1 | grep -A5 '^ERROR'; done",
        root, n_hugs_typecheck)
    cap("hugs-checks-head-80-echo", "for f in checks/Check1*.hs; do echo \"== $f\"; runhugs \"$f\"; done 2>&1 | "
        "head -n 80; echo EXIT=$?", root, n_hugs_typecheck)
    cap("runhugs-specs-loop", "for f in runs/*.hs; do echo \"== $f\"; runhugs \"$f\"; done 2>&1", root, n_runhugs_run)
    cap("runhugs-queue-tail-60-echo", "runhugs runs/QueueSpec.hs 2>&1 | tail -n 60; echo EXIT=$?", root,
        n_runhugs_run)


STEPS = [sml, chez, gambit, hugs]
