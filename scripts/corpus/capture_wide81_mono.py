"""Round 81, C# on Mono 6.8: a lighthouse-log reader (`lamplog`, written here with bugs put in and widened by a seeded
generator) built with mcs -debug, dying of unhandled exceptions under `mono --debug`, disassembled with monodis and
profiled with Mono's log profiler (`mprof-report`). The extractors are this round's (NEEDLES.md, "Round 81").
Run through capture_wide81.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import kind, run, write_tree
from capture_wide81 import cap
from capture_wide81_go import _status

LOCATED_AT = re.compile(r"^\s+at .* in /\S+:\d+")


def _first_located(lines, i):
    for k in range(i + 1, len(lines)):
        if LOCATED_AT.match(lines[k]):
            return lines[k]
        if lines[k].startswith(("Unhandled Exception:", "[ERROR] FATAL")):
            return None
    return None


@kind("mono-debug-exception", "log")
def n_mono_debug(lines):
    """Rule 1 (round 81): the 'Unhandled Exception:' line and the exception line under it, the '[ERROR] FATAL UNHANDLED EXCEPTION:' line, the first 'at … in /file:N' line under each; every inner exception line (' ---> ') with the first located 'at' line after it; the exit line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Unhandled Exception:"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
            out.append(_first_located(lines, i))
        elif ln.startswith("[ERROR] FATAL UNHANDLED EXCEPTION:"):
            out += [ln, _first_located(lines, i)]
        elif " ---> " in ln:
            out += [ln, _first_located(lines, i)]
    return out + _status(lines)


@kind("monodis", "code")
def n_monodis(lines):
    """Rule 6 (round 81): the '.assembly' line, every '.class' line and the first line of every '.method'."""
    return [ln for ln in lines if re.match(r"^\s*\.(assembly|class|method)\b", ln)]


@kind("mprof-report", "table")
def n_mprof(lines):
    """Rule 5 (round 81, round 24's profiles): every section header ('… summary', 'Counters:'), the column header rows, the 'Total …' lines, and every row holding at least 10% of its section's total (bytes of 'Total memory allocated', or of the rows shown when the report is cut before it; the largest Total(ms) of the call summary)."""
    out, section = [], ""
    total_bytes = next((int(m.group(1)) for ln in lines
                        if (m := re.match(r"^\s*Total memory allocated: (\d+) bytes", ln))), 0)
    if not total_bytes:  # the report cut before its total line: the rows shown are the section
        total_bytes = sum(int(m.group(1)) for ln in lines if (m := re.match(r"^\s+(\d+)\s+\d+\s+\d+ \S", ln)))
    ms = [int(m.group(1)) for ln in lines if (m := re.match(r"^\s+(\d+)\s+\d+\s+\d+ \S", ln))]
    for ln in lines:
        if re.match(r"^[A-Z][\w ]*(summary|Counters:|profiler data)", ln):
            section = ln
            out.append(ln)
        elif re.match(r"^\s*(Bytes\s+Count|Total\(ms\)\s+Self)", ln) or re.match(r"^\s*Total [\w ]+:", ln):
            out.append(ln)
        elif section.startswith("Allocation") and total_bytes and (m := re.match(r"^\s+(\d+)\s+\d+\s+\d+ \S", ln)):
            if int(m.group(1)) >= 0.1 * total_bytes:
                out.append(ln)
        elif section.startswith("Method call") and ms and (m := re.match(r"^\s+(\d+)\s+\d+\s+\d+ \S", ln)):
            if int(m.group(1)) >= 0.1 * max(ms):
                out.append(ln)
    return out


LAMP = """using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Lamplog {
    public class Entry {
        public string Station;
        public DateTime At;
        public double Candela;
        public string Keeper;
    }

    public static class Parser {
        public static Entry Parse(string line) {
            var f = line.Split('|');
            return new Entry {
                Station = f[0],
                At = DateTime.ParseExact(f[1], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Candela = double.Parse(f[2], CultureInfo.InvariantCulture),
                Keeper = f.Length > 3 ? f[3] : null,
            };
        }

        public static List<Entry> ParseAll(IEnumerable<string> lines) {
            var outp = new List<Entry>();
            int n = 0;
            foreach (var l in lines) {
                n++;
                try {
                    outp.Add(Parse(l));
                } catch (FormatException e) {
                    throw new InvalidOperationException($"lamp log line {n} unreadable: {l}", e);
                }
            }
            return outp;
        }
    }

    public static class Audit {
        static readonly Dictionary<string, string> Rosters = new Dictionary<string, string> {
            {"Fastnet", "Day watch"}, {"Skerryvore", "Night watch"},
        };

        public static string Roster(Entry e) => Rosters[e.Station];

        public static int KeeperInitials(Entry e) => e.Keeper.Length;

        public static async Task<int> CheckAsync(List<Entry> es) {
            await Task.Delay(1);
            return es.Sum(e => KeeperInitials(e) + Roster(e).Length);
        }
    }

    public static class Program {
        static string[] Log = {
            "Fastnet|2024-01-03 17:20|1250000|R. Hart",
            "Skerryvore|2024-01-03 17:31|980000|A. Stevenson",
            "Bell Rock|2024-01-03 17:40|1.1e6",
            "Fastnet|2024-01-03 25:10|1250000|R. Hart",
        };

        public static int Main(string[] args) {
            if (args.Length > 0 && args[0] == "audit") {
                var es = Parser.ParseAll(Log.Take(3));
                return Audit.CheckAsync(es).Result;
            }
            if (args.Length > 0 && args[0] == "roster") {
                foreach (var e in Parser.ParseAll(Log.Take(3)))
                    Console.WriteLine($"{e.Station}: {Audit.Roster(e)}");
                return 0;
            }
            if (args.Length > 0 && args[0] == "bench") {
                var rng = new Random(81);
                double acc = 0;
                for (int i = 0; i < %(bench)d; i++) {
                    var line = $"Station{rng.Next(40)}|2024-01-{1 + i %% 28:00} {i %% 24:00}:{i %% 60:00}|{rng.Next(900000, 1300000)}|K{i %% 7}";
                    acc += Parser.Parse(line).Candela + Shapes.Sum(i);
                }
                Console.WriteLine(acc);
                return 0;
            }
            var all = Parser.ParseAll(Log);
            Console.WriteLine(all.Count);
            return 0;
        }
    }
}
"""


def gen_shapes(rng: random.Random, n: int) -> str:
    """Light-characteristic classes (flash patterns), for a disassembly of some size."""
    classes, calls = [], []
    for k in range(n):
        period = rng.randint(5, 30)
        flashes = rng.randint(1, 4)
        classes.append(f"""
    public class Light{k:03d} {{
        public int Period = {period};
        public int Flashes = {flashes};
        public string Colour = "{rng.choice(['W', 'R', 'G'])}";
        public double Phase(int t) {{ return (t % Period) / (double)Period; }}
        public bool On(int t) {{ return Phase(t) < 0.1 * Flashes; }}
        public override string ToString() {{ return $"Fl({{Flashes}}) {{Colour}} {{Period}}s"; }}
    }}
""")
        calls.append(f"(new Light{k:03d}().On(t) ? 1 : 0)")
    return ("namespace Lamplog {" + "".join(classes) + "\n    public static class Shapes {\n"
            "        public static int Sum(int t) { return " + " + ".join(calls) + "; }\n    }\n}\n")


def mono(tmp: Path) -> None:
    rng = random.Random(8103)
    root = tmp / "lamplog"
    write_tree(root, {"src/Lamp.cs": LAMP % {"bench": 60000}, "src/Shapes.cs": gen_shapes(rng, 60)})
    run("mcs -debug -out:lamp.exe src/*.cs", cwd=root, timeout=300)
    cap("mono-debug-lamplog", "mono --debug lamp.exe", root, n_mono_debug)
    cap("mono-debug-lamplog-audit-echo", "mono --debug lamp.exe audit; echo EXIT=$?", root, n_mono_debug)
    cap("mcs-debug-and-mono-debug-roster-tail-20",
        "mcs -debug -out:lamp.exe src/*.cs && mono --debug lamp.exe roster 2>&1 | tail -n 20",
        root, n_mono_debug, timeout=300)
    cap("monodis-lamp-exe-head-400", "monodis lamp.exe | head -n 400", root, n_monodis)
    small = tmp / "lamplog-small"
    write_tree(small, {"src/Lamp.cs": LAMP % {"bench": 20000}, "src/Shapes.cs": gen_shapes(random.Random(9), 6)})
    run("mcs -debug -out:lamp.exe src/*.cs", cwd=small, timeout=300)
    cap("monodis-lamp-exe", "monodis lamp.exe", small, n_monodis)
    run("mono --profile=log:calls,alloc,output=lamp.mlpd lamp.exe bench", cwd=root, timeout=600)
    cap("mprof-report-lamp", "mprof-report lamp.mlpd", root, n_mprof)
    cap("mprof-report-call-alloc-head-80", "mprof-report --reports=call,alloc lamp.mlpd | head -n 80", root, n_mprof)
    run("mono --profile=log:alloc,output=alloc.mlpd lamp.exe bench", cwd=small, timeout=600)
    cap("mprof-report-alloc-traces", "mprof-report --reports=alloc --traces alloc.mlpd 2>&1 | head -n 150", small,
        n_mprof)


STEPS = [mono]
