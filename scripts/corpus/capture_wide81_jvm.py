"""Round 81, the JVM: a ferry-timetable tool in Kotlin (`ferrytime`) through Debian's kotlinc 1.3 and a
cargo-manifest checker in Scala (`manifest`) through scalac 2.11 with -Xlint, both written here with mistakes put in
and widened by seeded generators, and each one's uncaught exception when run. The extractors are this round's
(NEEDLES.md, "Round 81"). Run through capture_wide81.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide81 import cap
from capture_wide81_go import _status

LOC_DIAG = re.compile(r"^(\S+?\.(?:kt|scala)):\d+(?::\d+)?: (error|warning): (.*)")


def _compiler(lines):
    """kotlinc / scalac: every error line (with or without a location), warnings one {"any"} per (shape, file)."""
    out, pairs = [], []
    for ln in lines:
        m = LOC_DIAG.match(ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append(((mask(m.group(3)), m.group(1)), ln))
        elif re.match(r"^error: ", ln) or re.match(r"^exception: ", ln):
            out.append(ln)
        elif re.search(r"\bwarning: ", ln):
            pairs.append(((mask(ln.split("warning: ", 1)[1]), ""), ln))
    return out + groups(pairs)


@kind("kotlinc", "build")
def n_kotlinc(lines):
    """Rules 1+3 (round 81): every 'error:' line (file.kt:L:C: error: and error: without a location), 'warning:' lines one {"any"} per (message shape, file), the 'exception:' line of a compiler crash, the exit line."""
    return _compiler(lines) + _status(lines)


@kind("scalac-xlint", "build")
def n_scalac_xlint(lines):
    """Rules 1+3 (round 81): every 'file.scala:L: error:' line, 'warning:' lines one {"any"} per (message shape, file), the 'N warnings found' / 'N errors found' lines and the re-run hints, the exit line."""
    out = _compiler(lines)
    out += [ln for ln in lines if re.match(r"^(\w+ )?(warnings?|errors?) found$", ln.strip())
            or re.search(r"re-run with -\w+ for details", ln)]
    return out + _status(lines)


JDK = ("java.", "javax.", "kotlin.", "scala.", "sun.", "jdk.", "org.jetbrains.")


def _jvm_exception(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        head = s.startswith("Exception in thread") or s.startswith("Caused by:") \
            or (not out and re.match(r"^[\w.$]+(Exception|Error)(: .*)?$", s))
        if not head:
            continue
        out.append(ln)
        for k in range(i + 1, len(lines)):
            t = lines[k].strip()
            if t.startswith("Caused by:"):
                break
            if t.startswith("at ") and not t[3:].startswith(JDK):
                out.append(lines[k])
                break
    return out + _status(lines)


@kind("kotlin-exception", "log")
def n_kotlin_exc(lines):
    """Rule 1 (round 81): the 'Exception in thread' line, its first 'at' line in the project's own classes (not java./kotlin./scala./sun./jdk.), every 'Caused by:' line with the first own 'at' line after it; the exit line."""
    return _jvm_exception(lines)


@kind("scala-exception", "log")
def n_scala_exc(lines):
    """Rule 1 (round 81): the 'Exception in thread' line (the scala runner prints the exception line alone: that line), its first own 'at' line, every 'Caused by:' line with the first own 'at' line after it; the exit line."""
    return _jvm_exception(lines)


# ------------------------------------------------------------------ Kotlin

KT_MODEL = """package ferrytime

data class Sailing(val route: String, val departs: String, val vessel: String?, val capacity: Int)

class Timetable(private val sailings: MutableList<Sailing> = mutableListOf()) {
    fun add(s: Sailing) { sailings.add(s) }

    fun minutes(hhmm: String): Int {
        val (h, m) = hhmm.split(":")
        return h.toInt() * 60 + m.toInt()
    }

    fun next(route: String, after: String): Sailing? =
        sailings.filter { it.route == route }.sortedBy { minutes(it.departs) }.firstOrNull { minutes(it.departs) > minutes(after) }

    fun load(lines: List<String>) {
        for ((n, line) in lines.withIndex()) {
            val f = line.split(",")
            try {
                add(Sailing(f[0], f[1], f.getOrNull(2), f[3].trim().toInt()))
            } catch (e: NumberFormatException) {
                throw IllegalStateException("timetable line ${n + 1} is not valid: $line", e)
            }
        }
    }
}
"""

KT_MAIN = """package ferrytime

fun main(args: Array<String>) {
    val t = Timetable()
    t.load(listOf(
        "Oban-Craignure,07:45,MV Isle of Mull,962",
        "Oban-Craignure,09:55,MV Loch Frisa,250",
        "Oban-Colonsay,15:30,MV Lord of the Isles,5O6"
    ))
    println(t.next("Oban-Craignure", "08:00"))
}
"""

KT_MAIN2 = """package ferrytime

fun berth(vessels: List<String?>, slot: Int): Int = vessels[slot]!!.length

fun dock(leg: Int, vessels: List<String?>): Int = if (leg == 0) berth(vessels, 0) else 1 + dock(leg - 1, vessels)

fun main(args: Array<String>) {
    val t = Timetable()
    t.load(listOf("Uig-Tarbert,10:40,,200"))
    val v = listOf(t.next("Uig-Tarbert", "23:00")?.vessel, "MV Hebrides")
    println(listOf(12, 24).map { dock(it, v) })
}
"""

KT_MISTAKES = [
    "val n: Int = \"{w}\"",
    "val s: String = {k}",
    "val v: String? = null\n        println(v.length)",
    "val x = undefinedFare{k}(route)",
    "val fixed = 1\n        fixed = 2",
    "return route.size",
    "val l: List<Int> = listOf(\"{w}\")",
    "t.missingMethod{k}()",
]
KT_WARNINGS = [
    "val unused{k} = route.length",
    "val c: String = route\n        println(c!!.length)",
    "val o = route as? String",
    "if (true) println(\"{w}\")",
    "val d = route ?: \"{w}\"",
]


def gen_kt(rng: random.Random, k: int, errors: bool) -> str:
    funs = []
    for j in range(rng.randint(4, 8)):
        lines = [rng.choice(KT_WARNINGS).format(k=j, w=f"pier{j}")]
        if errors:
            lines.append(rng.choice(KT_MISTAKES).format(k=j, w=f"pier{j}"))
        body = "\n        ".join(lines)
        funs.append(f"""
    fun fare{j}(route: String, t: Timetable, unusedArg{j}: Int): Int {{
        {body}
        return route.length + {j}
    }}
""")
    return f"package ferrytime\n\nclass Fares{k:02d} {{{''.join(funs)}}}\n"


def kotlin(tmp: Path) -> None:
    rng = random.Random(8101)
    root = tmp / "ferrytime"
    write_tree(root, {"src/ferrytime/Timetable.kt": KT_MODEL, "src/ferrytime/Main.kt": KT_MAIN,
                      **{f"src/ferrytime/Fares{k:02d}.kt": gen_kt(rng, k, True) for k in range(30)}})
    cap("kotlinc-ferrytime-errors", "kotlinc src -d out", root, n_kotlinc, timeout=900)
    cap("kotlinc-ferrytime-tail-80", "kotlinc src -d out 2>&1 | tail -n 80", root, n_kotlinc, timeout=900)
    warn = tmp / "ferrytime-w"
    write_tree(warn, {"src/ferrytime/Timetable.kt": KT_MODEL, "src/ferrytime/Main.kt": KT_MAIN,
                      **{f"src/ferrytime/Fares{k:02d}.kt": gen_kt(rng, k, False) for k in range(8)}})
    cap("kotlinc-ferrytime-warnings-echo", "kotlinc src -d out; echo EXIT=$?", warn, n_kotlinc, timeout=900)
    small = tmp / "ferrytime-s"
    write_tree(small, {"src/ferrytime/Timetable.kt": KT_MODEL, "src/ferrytime/Main.kt": KT_MAIN,
                       "src/ferrytime/Fares00.kt": gen_kt(random.Random(5), 0, True)})
    cap("kotlinc-fares-werror", "kotlinc -Werror src -d out 2>&1 | head -n 60", small, n_kotlinc, timeout=900)
    app = tmp / "ferrytime-app"
    write_tree(app, {"src/ferrytime/Timetable.kt": KT_MODEL, "src/ferrytime/Main.kt": KT_MAIN})
    run("kotlinc src -include-runtime -d app.jar", cwd=app, timeout=900)
    cap("kotlin-run-timetable", "kotlin -cp app.jar ferrytime.MainKt", app, n_kotlin_exc)
    write_tree(app, {"src/ferrytime/Main.kt": KT_MAIN2})
    run("kotlinc src -include-runtime -d app2.jar", cwd=app, timeout=900)
    cap("java-jar-kotlin-berth-echo", "java -cp app2.jar ferrytime.MainKt; echo EXIT=$?", app, n_kotlin_exc)


# ------------------------------------------------------------------ Scala

SC_MODEL = """package manifest

case class Line(container: String, kg: Int, hazard: Option[String])

object Manifest {
  def parse(row: String): Line = {
    val f = row.split(";")
    try Line(f(0), f(1).trim.toInt, if (f.length > 2) Some(f(2)) else None)
    catch { case e: NumberFormatException => throw new IllegalArgumentException(s"bad weight in row: $row", e) }
  }

  def heaviest(ls: Seq[Line]): Line = ls.maxBy(_.kg)

  def check(rows: Seq[String]): Seq[Line] = rows.map(parse)
}

object Main {
  def main(args: Array[String]): Unit = {
    val ls = Manifest.check(Seq("MSCU1234565;24000;UN1203", "TGHU7654321;18,500", "CMAU0000001;9000"))
    println(Manifest.heaviest(ls))
  }
}

object Audit {
  def main(args: Array[String]): Unit = {
    val hazardous = Manifest.check(Seq("MSCU1234565;24000")).filter(_.hazard.isDefined)
    println(Manifest.heaviest(hazardous).hazard.get)
  }
}
"""

SC_MISTAKES = [
    'val n: Int = "{w}"',
    "val s: String = {k}",
    "undefinedStow{k}(l)",
    "val fixed = 1; fixed = 2",
    "l.kg.toUpperCase",
    "val o: Option[Int] = l.hazard",
]
SC_WARNINGS = [
    "val unused{k} = l.kg; ()",
    "l.hazard match {{ case Some(h) => println(h) }}",
    "if (l.kg == \"{w}\") println(l)",
    "val d = new java.util.Date(2024, 1, {k}); println(d)",
    "def inner{k}(x: Int) = x; println(l)",
    "val r = l.container.length; r",
]


def gen_scala(rng: random.Random, k: int, errors: bool) -> str:
    defs = []
    for j in range(rng.randint(4, 8)):
        stmts = [rng.choice(SC_WARNINGS).format(k=j, w=f"bay{j}")]
        if errors:
            stmts.append(rng.choice(SC_MISTAKES).format(k=j, w=f"bay{j}"))
        body = "\n    ".join(stmts)
        defs.append(f"""
  def stow{j}(l: Line): Int = {{
    {body}
    l.kg + {j}
  }}
""")
    return f"package manifest\n\nobject Stow{k:02d} {{{''.join(defs)}}}\n"


def scala(tmp: Path) -> None:
    rng = random.Random(8102)
    root = tmp / "manifest"
    write_tree(root, {"src/Manifest.scala": SC_MODEL,
                      **{f"src/Stow{k:02d}.scala": gen_scala(rng, k, True) for k in range(30)}})
    run("mkdir -p out", cwd=root)
    cap("scalac-xlint-manifest", "scalac -Xlint -d out src/*.scala", root, n_scalac_xlint, timeout=900)
    cap("scalac-xlint-manifest-tail-60", "scalac -Xlint -d out src/*.scala 2>&1 | tail -n 60", root, n_scalac_xlint,
        timeout=900)
    warn = tmp / "manifest-w"
    write_tree(warn, {"src/Manifest.scala": SC_MODEL,
                      **{f"src/Stow{k:02d}.scala": gen_scala(rng, k, False) for k in range(10)}})
    run("mkdir -p out", cwd=warn)
    cap("scalac-xlint-deprecation-warnings-echo", "scalac -Xlint -deprecation -d out src/*.scala; echo EXIT=$?", warn,
        n_scalac_xlint, timeout=900)
    app = tmp / "manifest-app"
    write_tree(app, {"src/Manifest.scala": SC_MODEL})
    run("mkdir -p out && scalac -d out src/Manifest.scala", cwd=app, timeout=900)
    cap("scala-run-manifest", "scala -cp out manifest.Main", app, n_scala_exc)
    cap("scala-run-audit-echo", "scala -cp out manifest.Audit; echo EXIT=$?", app, n_scala_exc)


STEPS = [kotlin, scala]
