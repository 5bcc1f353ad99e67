"""Round 117, Clojure: a chandlery's stock keeper (`chandlery`, written here with bugs put in and widened by a seeded
generator) loaded with `*warn-on-reflection*` and `*unchecked-math* :warn-on-boxed` (reflection and boxed-math
warnings, a namespace that does not compile), and its clojure.spec specs run over a seeded inventory (`s/explain`,
`s/explain-data`, an instrumented call, a spec'd macro misused). Debian's `clojure` package, offline. The extractors are
this round's (NEEDLES.md, "Round 117"). Run through capture_wide117.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide117 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 117")

CLJ_WARN = re.compile(r"^(Reflection|Boxed math|Performance) warning, (\S+?):\d+:\d+ - (.*)$")
CLJ_ERR = re.compile(r"^(Syntax error|Execution error|Caused by:|Exception in thread)|^\S+Exception: |^Error: ")


def _clj_shape(msg: str) -> str:
    """A warning's message shape: the member, class and method names masked."""
    s = re.sub(r"\b(field|method|constructor) \S+", r"\1 <n>", msg)
    s = re.sub(r"\bcall: .*", "call: <n>", s)
    s = re.sub(r"\b(on|for) \S+", r"\1 <c>", s)
    s = re.sub(r"\([^)]*\)", "(…)", s)
    return cm.mask(s)


@cm.kind("clojure-reflection-warnings", "lint")
def n_clj_reflection(lines):
    """Rule 1 on Clojure's reflection / boxed-math / performance warnings: one {"any"} per (message shape with member and class names masked, file); every Syntax error / Execution error / Caused by line; EXIT=N."""
    errs, warns = [], []
    for ln in lines:
        m = CLJ_WARN.match(ln.strip())
        if m:
            warns.append(((m.group(1), _clj_shape(m.group(3)), m.group(2)), ln))
        elif CLJ_ERR.search(ln.strip()):
            errs.append(ln)
    return errs + cm.groups(warns) + exit_lines(lines)


@cm.kind("clojure-spec-explain", "test")
def n_clj_spec(lines):
    """Rule 5 on clojure.spec explain / explain-data: every problem line of explain (... fails spec: / predicate:), each explain-data problem's :pred and :in lines, every Syntax error / Execution error line, the Success! lines; EXIT=N."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.search(r" - failed: | fails spec: | fails at: |predicate: ", s) or s == "Success!" \
                or re.match(r"^(Syntax error|Execution error)", s):
            out.append(ln)
        elif re.match(r"^\{?:(pred|in)\s", s.lstrip("({[ ")) or re.search(r"(^|\s|\{):(pred|in) ", s):
            out.append(ln)
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the project

ALL_NS = """(ns chandlery.all
  (:require {reqs}))
"""


def gen_ns(k: int, rnd: random.Random) -> str:
    fns = []
    for j in range(rnd.randint(4, 8)):
        name = f"{rnd.choice(['rope', 'shackle', 'cleat', 'fender', 'block', 'winch'])}-{k}-{j}"
        shape = rnd.choice(["len", "method", "boxed", "ctor", "ok", "interop", "boxed2"])
        if shape == "len":
            fns.append(f"(defn {name}-label [item]\n  (str (.toUpperCase (:sku item)) \"/\" (.length (:name item))))")
        elif shape == "method":
            fns.append(f"(defn {name}-trim [s]\n  (.trim s))")
        elif shape == "boxed":
            fns.append(f"(defn {name}-total [items]\n  (reduce (fn [acc it] (+ acc (* (:qty it) (:price it)))) 0 items))")
        elif shape == "boxed2":
            fns.append(f"(defn {name}-reorder? [item]\n  (< (:qty item) (inc (:min-qty item))))")
        elif shape == "ctor":
            fns.append(f"(defn {name}-date [s]\n  (java.text.SimpleDateFormat. (str s)))\n"
                       f"(defn {name}-parse [fmt s]\n  (.parse fmt s))")
        elif shape == "interop":
            fns.append(f"(defn {name}-hash [item]\n  (.hashCode (:sku item)))")
        else:
            fns.append(f"(defn {name}-ok [^String s]\n  (.length s))")
    return (f"(ns chandlery.stock{k})\n(set! *warn-on-reflection* true)\n(set! *unchecked-math* :warn-on-boxed)\n\n"
            + "\n\n".join(fns) + "\n")


BROKEN = """(ns chandlery.broken
  (:require [chandlery.stock0 :as s0]))

(defn restock-all [items]
  (for [it items
    (assoc it :qty 10)))
"""

SPEC = """(ns chandlery.spec
  (:require [clojure.spec.alpha :as s]
            [clojure.pprint :refer [pprint]]))

(s/def ::sku (s/and string? #(re-matches #"[A-Z]{3}-\\d{4}" %)))
(s/def ::name (s/and string? #(< 2 (count %) 40)))
(s/def ::qty nat-int?)
(s/def ::price (s/and number? pos?))
(s/def ::unit #{:each :metre :pack :litre})
(s/def ::supplier (s/keys :req-un [::name] :opt-un [::email]))
(s/def ::email (s/and string? #(re-find #"@" %)))
(s/def ::item (s/keys :req-un [::sku ::name ::qty ::price ::unit] :opt-un [::supplier]))
(s/def ::inventory (s/coll-of ::item :kind vector?))

(defn restock [item n] (update item :qty + n))
(s/fdef restock :args (s/cat :item ::item :n pos-int?) :ret ::item)
"""


def gen_inventory(rnd: random.Random, n: int) -> str:
    rows = []
    for i in range(n):
        sku = f'"{rnd.choice(["ROP", "SHK", "CLT", "FND", "BLK"])}-{rnd.randint(1000, 9999)}"'
        name = f'"{rnd.choice(["Braided rope", "Bow shackle", "Horn cleat", "Fender", "Snatch block"])} {i}"'
        qty, price, unit = str(rnd.randint(0, 80)), f"{rnd.uniform(1, 200):.2f}", rnd.choice([":each", ":metre", ":pack"])
        sup = f' :supplier {{:name "Harken {i % 7}" :email "orders{i % 7}@harken.example"}}'
        r = rnd.random()
        if r < 0.03:
            sku = f'"{rnd.choice(["rop", "SH"])}-{rnd.randint(10, 99)}"'
        elif r < 0.06:
            qty = str(-rnd.randint(1, 5))
        elif r < 0.08:
            price = "0"
        elif r < 0.10:
            unit = ":gallon"
        elif r < 0.12:
            sup = f' :supplier {{:name "Harken" :email "orders.harken.example"}}'
        elif r < 0.13:
            name = '"X"'
        rows.append(f"{{:sku {sku} :name {name} :qty {qty} :price {price} :unit {unit}{sup}}}")
    return "[" + "\n ".join(rows) + "]\n"


CHECK = """(ns chandlery.check
  (:require [clojure.spec.alpha :as s]
            [clojure.edn :as edn]
            [clojure.pprint :refer [pprint]]
            [chandlery.spec :as cs]))

(defn -main [& [mode file]]
  (let [inv (edn/read-string (slurp (or file "inventory.edn")))]
    (case mode
      "explain" (doseq [[i it] (map-indexed vector inv)]
                  (println (str "item " i ":"))
                  (s/explain ::cs/item it))
      "explain-all" (s/explain ::cs/inventory inv)
      "data" (pprint (s/explain-data ::cs/inventory inv))
      "valid" (println (count (filter #(s/valid? ::cs/item %) inv)) "of" (count inv) "valid"))))
"""

INSTRUMENT = """(require '[clojure.spec.test.alpha :as stest] '[chandlery.spec :as cs])
(stest/instrument `cs/restock)
(println (cs/restock {:sku "ROP-1001" :name "Braided rope" :qty 4 :price 12.5 :unit :metre} 6))
(println (cs/restock {:sku "ROP-1001" :name "Braided rope" :qty 4 :price 12.5 :unit :metre} 0))
"""

MACRO = """(ns chandlery.tally)
(defn tally [items]
  (let [total (reduce + (map :qty items))
        avg]
    (/ total (count items))))
"""


def clojure(tmp: Path) -> None:
    rnd = random.Random(11730)
    root = tmp / "chandlery"
    files = {f"src/chandlery/stock{k}.clj": gen_ns(k, rnd) for k in range(16)}
    files["src/chandlery/all.clj"] = ALL_NS.replace("{reqs}", "\n            ".join(f"chandlery.stock{k}" for k in range(16)))
    files["src/chandlery/broken.clj"] = BROKEN
    files["src/chandlery/spec.clj"] = SPEC
    files["src/chandlery/check.clj"] = CHECK
    files["src/chandlery/tally.clj"] = MACRO
    files["inventory.edn"] = gen_inventory(rnd, 180)
    files["scripts/instrument.clj"] = INSTRUMENT
    write_tree(root, files)
    cap("clj-require-all-reflection", "clojure -cp src -e \"(require 'chandlery.all)\"", root, n_clj_reflection)
    cap("clj-require-stock-broken-echo", "clojure -cp src -e \"(require 'chandlery.stock3 'chandlery.stock7 "
        "'chandlery.broken)\"; echo EXIT=$?", root, n_clj_reflection)
    cap("clj-spec-explain-items-grep", "clojure -cp src -m chandlery.check explain 2>&1 | grep -v '^item ' | "
        "grep -v '^Success!$' | head -n 100", root, n_clj_spec)
    cap("clj-spec-explain-items", "clojure -cp src -m chandlery.check explain", root, n_clj_spec)
    cap("clj-spec-explain-inventory", "clojure -cp src -m chandlery.check explain-all", root, n_clj_spec)
    cap("clj-spec-explain-data-echo", "clojure -cp src -m chandlery.check data; echo EXIT=$?", root, n_clj_spec)
    cap("clj-spec-instrument-macro-echo", "clojure -cp src scripts/instrument.clj; echo EXIT=$?; "
        "clojure -cp src -e \"(require 'chandlery.tally)\"; echo EXIT=$?", root, n_clj_spec)


STEPS = [clojure]
