"""Round 132, linters and the rest of the toolchain, on capture_wide132_spec.py's `tidewell` project (made in the same
scratch dir): rubocop's offenses, worst, json and autocorrect forms over the tree; `ruby -wc` over a copy of the tree
with syntax errors and warnings put in; irb fed a session on stdin and `ruby -e` one-liners that raise; `erb -x` over
the harbour-report templates written here; `yard stats --list-undoc`; `gem list` and `gem contents`. The extractors
below apply NEEDLES.md's "Round 132" rules. Run through capture_wide132.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide132 import add, cap, shell_extra
from capture_wide132_spec import HARBOURS, tidewell

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 132)


@kind("rubocop-offenses", "lint")
def n_rubocop_offenses(lines):
    """Round 132: every count row (N  Cop/Name) and the N  Total in M files line; EXIT=N lines."""
    return [ln for ln in lines if re.match(r"^\d+\s+(\w+/\w+|Total in \d+ files?)", ln)] + shell_extra(lines)


@kind("rubocop-worst", "lint")
def n_rubocop_worst(lines):
    """Round 132: the first ten rows, the last row, and the N  Total in M files line; EXIT=N lines."""
    rows = [ln for ln in lines if re.match(r"^\d+\s+\S", ln) and "Total in" not in ln]
    return rows[:10] + rows[-1:] + [ln for ln in lines if re.match(r"^\d+\s+Total in", ln)] + shell_extra(lines)


@kind("rubocop-json", "json")
def n_rubocop_json(lines):
    """Round 132: offense_count, target_file_count, inspected_file_count lines; every error/fatal offense's message line; other message lines one {"any"} per (cop_name, path); EXIT=N lines."""
    out, pairs = [], []
    path = sev = msg = None
    for ln in lines:
        s = ln.strip()
        if s.startswith('"path"'):
            path = s
        elif s.startswith('"severity"'):
            sev, msg = s, None
        elif s.startswith('"message"'):
            msg = ln
        elif s.startswith('"cop_name"') and msg:
            if '"error"' in (sev or "") or '"fatal"' in (sev or ""):
                out.append(msg)
            else:
                pairs.append(((s, path), msg))
            msg = None
        elif re.match(r'"(offense_count|target_file_count|inspected_file_count)"', s):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


OFFENSE = re.compile(r"^(\S+\.rb):\d+:\d+: ([CWEFR]): (\[Correct(?:ed|able)\] )?(\w+/\w+):")


@kind("rubocop-autocorrect", "lint")
def n_rubocop_autocorrect(lines):
    """Round 132: E:/F: offense lines not [Corrected]; other uncorrected offense lines one {"any"} per (cop, file); [Corrected] lines one {"any"} per cop; the files inspected / offenses summary line; EXIT=N lines."""
    out, left, fixed = [], [], []
    for ln in lines:
        m = OFFENSE.match(ln)
        if m:
            if m.group(3) == "[Corrected] ":
                fixed.append((m.group(4), ln))
            elif m.group(2) in "EF":
                out.append(ln)
            else:
                left.append(((m.group(4), m.group(1)), ln))
        elif re.match(r"^\d+ files? inspected, ", ln):
            out.append(ln)
    return out + groups(left) + groups(fixed) + shell_extra(lines)


@kind("ruby-wc-tree", "lint")
def n_ruby_wc_tree(lines):
    """Round 132: every syntax error line and the first unexpected/expected/unterminated detail line within six after it when on its own line; warnings one {"any"} per (message shape, file); a Syntax OK count line; EXIT=N lines."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if "syntax error" in ln:
            out.append(ln)
            det = [lines[k] for k in range(i + 1, min(len(lines), i + 7))
                   if re.search(r"unexpected|expected|unterminated", lines[k]) and "syntax error" not in lines[k]
                   and not re.match(r"^\S+\.rb:\d+:", lines[k])]
            out += det[:1]
        m = re.match(r"^(\S+\.rb):\d+: warning: (.*)$", ln)
        if m:
            warns.append(((mask(m.group(2)), m.group(1)), ln))
    return out + groups(warns) + shell_extra(lines)


@kind("irb-session", "log")
def n_irb(lines):
    """Round 132: every exception line naming an error class, every Did you mean? line and the suggestion line after it, the last => result line; EXIT=N lines."""
    out = [ln for ln in lines if re.search(r"\((\w+::)*\w*(Error|Exception|ENOTTY|Interrupt)\)\s*$", ln)
           or re.match(r"^\S+: .*\((\w+::)*\w+\)$", ln) and not ln.startswith("\tfrom")]
    for i, ln in enumerate(lines):
        if ln.startswith("Did you mean?"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].lstrip().startswith("from "):
                out.append(lines[i + 1])
    res = [ln for ln in lines if re.match(r"^=> ", ln)]
    return out + res[-1:] + shell_extra(lines)


@kind("erb-x", "code")
def n_erb_x(lines):
    """Round 132 (rule 6 for templates): the first line, every line opening a block or branch (do |, .each, if, unless, case, while), ruby -c's error lines (rule 1; warnings one {"any"} per shape); EXIT=N lines."""
    out = lines[:1]
    out += [ln for ln in lines if not ln.startswith("...") and re.search(r"\bdo \||\.each\b|(^|;)\s*(if|unless|case|while) ", ln)]
    out += [ln for ln in lines if re.match(r"^\S+:\d+: (?!warning:)", ln)]
    warns = [(mask(ln.split("warning:", 1)[1]), ln) for ln in lines if re.match(r"^\S+:\d+: warning:", ln)]
    return out + groups(warns) + shell_extra(lines)


@kind("yard-stats", "doc")
def n_yard_stats(lines):
    """Round 132: the Files/Modules/Classes/Constants/Attributes/Methods rows, the NN.NN% documented line, every object line under Undocumented Objects:, [warn]/[error] lines one {"any"} per message shape; EXIT=N lines."""
    out, warns = [], []
    undoc = False
    for ln in lines:
        if re.match(r"^(Files|Modules|Classes|Constants|Attributes|Methods):", ln) or re.search(r"\d% documented", ln):
            out.append(ln)
        elif ln.startswith("Undocumented Objects:"):
            undoc = True
        elif re.match(r"^\[(warn|error)\]:", ln):
            warns.append((mask(ln), ln))
        elif undoc and ln.strip() and not ln.startswith("(in file:") and not ln.startswith("EXIT="):
            out.append(ln)
    return out + groups(warns) + shell_extra(lines)


@kind("gem-list", "listing")
def n_gem_list(lines):
    """Round 132: the LOCAL GEMS header, rows with two or more versions or default: beside another, the first and last rows, with a name pattern every row; EXIT=N lines."""
    rows = [ln for ln in lines if re.match(r"^[\w.-]+ \(.+\)$", ln)]
    out = [ln for ln in lines if "*** LOCAL GEMS ***" in ln]
    out += [ln for ln in rows if "," in ln]
    out += rows[:1] + rows[-1:]
    if len(rows) <= 12:
        out += rows
    return out + shell_extra(lines)


@kind("gem-contents", "listing")
def n_gem_contents(lines):
    """Round 132: the first and last paths, every bin/ or exe/ path, every .gemspec path, the top-level lib/NAME.rb path; ERROR: lines; EXIT=N lines."""
    paths = [ln for ln in lines if ln.startswith("/")]
    out = paths[:1] + paths[-1:]
    out += [ln for ln in paths if re.search(r"/(bin|exe)/[^/]+$", ln) or ln.endswith(".gemspec")]
    out += [ln for ln in paths if re.search(r"/gems/([\w-]+)-[\d.]+/lib/\1\.rb$", ln)]
    out += [ln for ln in lines if ln.startswith("ERROR:")]
    return out + shell_extra(lines)


# ------------------------------------------------------------------ the broken tree, templates, sessions

BREAKS = {
    7: ("      def range\n", "      def range(\n"),
    12: ("        @datum = datum\n      end\n", "        @datum = datum\n"),
    19: ('      NAME = "', '      NAME = "unterminated \\\n      NAME2 = "'),
    33: ("      def berth_slots(hours)\n", "      def berth_slots(hours, hours)\n"),
    48: ("        angle = (minute + PHASE)", "        angle = (minute + PHASE))"),
    61: ("      attr_reader :datum\n", "      attr_reader :datum\n      else\n"),
}
WARNS = {
    4: ("        angle = ", "        angle == 1\n        angle = "),
    9: ("      def range\n", "      def range\n        if (x = 3) then x end\n"),
    15: ("      def height_at(minute)\n", "      def height_at(minute)\n       puts -minute if $DEBUG\n"),
    26: ("    end\n  end\nend\n", "   end\n  end\nend\n"),
    44: ("      def range\n", "      def range\n        datum = 1\n"),
}


def broken_tree(tmp: Path) -> Path:
    src = tidewell(tmp)
    dst = tmp / "tidewell-broken"
    if not dst.exists():
        run(f"cp -r {src} {dst}")
        for table in (BREAKS, WARNS):
            for i, (old, new) in table.items():
                p = dst / "lib" / "tidewell" / "stations" / f"station_{i:03d}.rb"
                p.write_text(p.read_text().replace(old, new, 1))
        run("git -c user.email=h@t.test -c user.name=H commit -qam 'stations: wip'", cwd=dst)
    return dst


def template(rnd: random.Random, k: int, broken: bool) -> str:
    rows = []
    for j in range(k):
        rows.append(f"""<section id="berth-{j}">
  <h2><%= berths[{j}].name %> (<%= berths[{j}].depth %>m)</h2>
  <% if berths[{j}].free_slots(0..23).empty? %>
    <p class="full">Full all day</p>
  <% else %>
    <ul>
    <% berths[{j}].free_slots(0..23).each do |slot| %>
      <li><%= format("%02d:00", slot) %> &mdash; <%= table.height_at(slot * 60) %>m</li>
    <% end %>
    </ul>
  <% end %>
  <% unless notes[{j}].nil? %><p class="note"><%= h notes[{j}] %></p><% end %>
</section>
""")
    body = "".join(rows)
    if broken:
        body = body.replace("<% end %>\n    </ul>", "<% end\n    </ul>", 1).replace("<% end %>\n</section>", "\n</section>", 2)
    return (f"<!-- {rnd.choice(HARBOURS)} berth report -->\n<h1>Berths at <%= harbour %> on <%= date %></h1>\n"
            "<% case season when :winter %><p>Winter moorings</p><% when :summer %><p>Visitors welcome</p><% end %>\n"
            + body + "<footer>Generated <%= Time.now.utc %></footer>\n")


IRB_SESSION = """st = Tidewell::Stations::Station003.new
st.range
st.rnage
Tidewell::TideOutOfRange
b = Tidewell::Berth.new("A1", depth: 2, length: 12)
b.free_slot(0..3)
t = Tidewell::TideTable.new(st)
t.hight_water
t.height_at(2000)
Tidewell.stations.size
"""


# ------------------------------------------------------------------ steps

def rubocop_runs(tmp: Path) -> None:
    root = tidewell(tmp)
    env = {"XDG_CACHE_HOME": str(tmp / "cache")}
    cap("rubocop-offenses-lib", "rubocop --format offenses lib spec test; echo EXIT=$?", root, n_rubocop_offenses,
        env=env)
    cap("rubocop-offenses-all", "rubocop --format offenses; echo EXIT=$?", root, n_rubocop_offenses, env=env)
    cap("rubocop-worst-lib", "rubocop --format worst lib", root, n_rubocop_worst, env=env)
    cap("rubocop-worst-all-head", "rubocop --format worst 2>&1 | head -n 100", root, n_rubocop_worst, env=env)
    cap("rubocop-json-core", "rubocop --format json lib/tidewell/*.rb | jq .", root, n_rubocop_json, env=env)
    cap("rubocop-json-stations-head", "rubocop --format json lib/tidewell/stations/station_00*.rb "
        "| python3 -m json.tool | head -n 900", root, n_rubocop_json, env=env)
    broken = broken_tree(tmp)
    cap("rubocop-json-broken", "rubocop --format json lib/tidewell/stations/station_0[0-3]*.rb | jq .", broken,
        n_rubocop_json, env=env)
    work = tmp / "tidewell-autocorrect"
    run(f"rm -rf {work} && cp -r {root} {work}")
    cap("rubocop-autocorrect-lib", "rubocop -a lib", work, n_rubocop_autocorrect, env=env)
    run(f"rm -rf {work} && cp -r {broken} {work}")
    cap("rubocop-autocorrect-A-tail", "rubocop -A lib/tidewell 2>&1 | tail -n 150; echo EXIT=$?", work,
        n_rubocop_autocorrect, env=env)


def ruby_wc(tmp: Path) -> None:
    broken = broken_tree(tmp)
    cap("ruby-wc-tree-loop", "for f in $(find lib -name '*.rb' | sort); do ruby -wc \"$f\"; done", broken,
        n_ruby_wc_tree)
    cap("ruby-wc-tree-xargs", "find lib -name '*.rb' | sort | xargs -n1 ruby -wc 2>&1 | grep -v '^Syntax OK$'; "
        "echo EXIT=$?", broken, n_ruby_wc_tree)
    cap("ruby-wc-tree-head", "find . -name '*.rb' -print0 | xargs -0 -n1 ruby -wc 2>&1 | head -n 100", broken,
        n_ruby_wc_tree)


def irb_runs(tmp: Path) -> None:
    root = tidewell(tmp)
    (tmp / "session.rb").write_text(IRB_SESSION)
    cap("irb-stdin-session", f"irb -Ilib -rtidewell < {tmp}/session.rb", root, n_irb,
        typed="irb -Ilib -rtidewell < session.rb")
    cap("irb-ruby-e-chain", "ruby -Ilib -rtidewell -e 'p Tidewell::Stations::Station003.new.rnage'; "
        "ruby -Ilib -rtidewell -e 'Tidewell::Booking.new([], nil).place_all([Tidewell::Vessel.new(name: \"X\", "
        "length: 1, draught: 1)], 60)'; ruby -Ilib -rtidewell -e 'puts Tidewel::VERSION'; echo EXIT=$?", root, n_irb)
    cap("irb-noecho-tail", f"irb --noecho --noverbose -Ilib -rtidewell < {tmp}/session.rb 2>&1 | tail -n 40", root,
        n_irb, typed="irb --noecho --noverbose -Ilib -rtidewell < session.rb 2>&1 | tail -n 40")


def erb_runs(tmp: Path) -> None:
    root = tidewell(tmp)
    rnd = random.Random(1320)
    write_tree(root, {"templates/berths.html.erb": template(rnd, 40, False),
                      "templates/berths_short.html.erb": template(rnd, 8, False),
                      "templates/berths_wip.html.erb": template(rnd, 24, True)})
    cap("erb-x-berths", "erb -x -T - templates/berths.html.erb", root, n_erb_x)
    cap("erb-x-short", "erb -x -T - templates/berths_short.html.erb", root, n_erb_x)
    cap("erb-x-wip-check", "erb -x -T - templates/berths_wip.html.erb | ruby -wc; "
        "erb -x -T - templates/berths_wip.html.erb | tail -n 40; echo EXIT=$?", root, n_erb_x)


def yard_runs(tmp: Path) -> None:
    root = tidewell(tmp)
    cap("yard-stats-undoc", "yard stats --list-undoc lib", root, n_yard_stats)
    cap("yard-stats-undoc-head", "yard stats --list-undoc --no-save 2>&1 | head -n 150", tmp / "tidewell-broken",
        n_yard_stats)


def gem_runs(tmp: Path) -> None:
    root = tidewell(tmp)
    cap("gem-list-local", "gem list --local", root, n_gem_list)
    cap("gem-list-rubo", "gem list rubocop; gem list '^r' | head -n 30; echo EXIT=$?", root, n_gem_list)
    cap("gem-contents-rubocop", "gem contents rubocop | head -n 400", root, n_gem_contents)
    cap("gem-contents-rake", "gem contents rake; gem contents reek; echo EXIT=$?", root, n_gem_contents)


STEPS = [rubocop_runs, ruby_wc, irb_runs, erb_runs, yard_runs, gem_runs]
