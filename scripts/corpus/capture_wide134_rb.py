"""Round 134, Ruby (round 132's kinds, its extractors imported): `wheelhouse`, a pottery studio's throwing-class and
wheel-booking library written here in Ruby with bugs put in (a clay-weight conversion off by the wrong factor, a
booking that lets two students share a wheel at the boundary minute, a method renamed in the library but not in its
callers, an error class that changed), widened by a seeded generator to about sixty course classes; its rspec suite
in the documentation format, its minitest suite run verbose, its Rakefile run until it aborts, rubocop's worst and
json formats over it, `ruby -wc` over a copy with syntax errors and warnings put in, `yard stats --list-undoc`.
Run through capture_wide134.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from capture_more import write_tree
from capture_wide132_lint import n_rubocop_json, n_rubocop_worst, n_ruby_wc_tree, n_yard_stats
from capture_wide132_spec import n_minitest_verbose, n_rake_aborted, n_rspec_doc
from capture_wide134 import cap

CLAYS = ["Porcelain", "Stoneware", "Earthenware", "Raku", "Terracotta", "Ballclay", "Paperclay", "Grogged", "Buff",
         "Redware", "Ironstone", "Smoothstone"]

CORE = """# frozen_string_literal: true

module Wheelhouse
  class BookingError < StandardError; end
  class WheelTaken < BookingError; end

  # A wheel in the studio, booked by minute ranges.
  class Wheel
    attr_reader :number, :bookings

    def initialize(number)
      @number = number
      @bookings = []
    end

    def free?(from, to)
      # bug: a booking ending at `from` is treated as overlapping only when strictly after
      @bookings.none? { |(f, t, _)| from < t - 1 && to > f }
    end

    def book(student, from, to)
      raise WheelTaken, "wheel #{number} is taken #{from}-#{to}" unless free?(from, to)

      @bookings << [from, to, student]
      self
    end
  end

  # Clay bags and their weights.
  module Clay
    POUNDS_PER_KG = 2.20462

    def self.kg_to_lb(kg)
      # bug: divides where it should multiply
      (kg / POUNDS_PER_KG).round(2)
    end

    def self.bags_needed(pieces, grams_each, bag_kg = 12.5)
      ((pieces * grams_each) / (bag_kg * 1000.0)).ceil
    end
  end

  # The studio's schedule of classes.
  class Schedule
    def initialize(wheels)
      @wheels = (1..wheels).map { |n| Wheel.new(n) }
    end

    def assign(student, from, to)
      wheel = @wheels.find { |w| w.free?(from, to) }
      raise BookingError, "no wheel free for #{student}" unless wheel

      wheel.book(student, from, to)
      wheel.number
    end

    def occupancy
      @wheels.sum { |w| w.bookings.size }
    end
  end
end
"""


def course_rb(i: int, name: str, rnd: random.Random, buggy: bool) -> str:
    fee = rnd.randint(80, 400)
    weeks = rnd.randint(4, 12)
    grams = rnd.randint(400, 2500)
    calc = "fee * weeks / 10" if buggy else "fee * weeks"
    doc = "" if i % 3 == 0 else f"    # The total fee for the {name} course.\n"
    return f"""# frozen_string_literal: true

module Wheelhouse
  module Courses
    class {name}
      FEE = {fee}
      WEEKS = {weeks}
      GRAMS = {grams}

      attr_reader :students

      def initialize(students = {rnd.randint(4, 12)})
        @students = students
      end

{doc}      def total(fee = FEE, weeks = WEEKS)
        {calc}
      end

      def clay_bags
        Wheelhouse::Clay.bags_needed(students * WEEKS, GRAMS)
      end

      def describe
        "{name}: #{{students}} students, #{{WEEKS}} weeks, #{{clay_bags}} bags"
      end
    end
  end
end
"""


def course_spec(name: str, rnd: random.Random, pending: bool) -> str:
    fee_weeks = "described_class::FEE * described_class::WEEKS"
    extra = "    pending('kiln schedule not wired in') { expect(course.describe).to include('kiln') }\n" if pending else ""
    return f"""# frozen_string_literal: true

require "spec_helper"

RSpec.describe Wheelhouse::Courses::{name} do
  subject(:course) {{ described_class.new({rnd.randint(4, 10)}) }}

  describe "#total" do
    it "charges the fee for every week" do
      expect(course.total).to eq({fee_weeks})
    end

    it "is positive" do
      expect(course.total).to be > 0
    end
  end

  describe "#clay_bags" do
    it "needs at least one bag" do
      expect(course.clay_bags).to be >= 1
    end
  end

  describe "#describe" do
    it "names the course" do
      expect(course.describe).to start_with("{name}")
    end
{extra}  end
end
"""


CORE_SPEC = """# frozen_string_literal: true

require "spec_helper"

RSpec.describe Wheelhouse::Wheel do
  subject(:wheel) { described_class.new(3) }

  it "books a free slot" do
    expect(wheel.book("ana", 600, 660).bookings.size).to eq(1)
  end

  it "refuses an overlapping slot" do
    wheel.book("ana", 600, 660)
    expect { wheel.book("ben", 630, 700) }.to raise_error(Wheelhouse::WheelTaken)
  end

  it "refuses the boundary minute" do
    wheel.book("ana", 600, 660)
    expect { wheel.book("ben", 659, 720) }.to raise_error(Wheelhouse::WheelTaken, /taken 659-720/)
  end

  it "allows back-to-back slots" do
    wheel.book("ana", 600, 660)
    expect(wheel.book("ben", 660, 720).bookings.size).to eq(2)
  end
end

RSpec.describe Wheelhouse::Clay do
  it "converts kilograms to pounds" do
    expect(described_class.kg_to_lb(10)).to eq(22.05)
  end

  it "counts bags" do
    expect(described_class.bags_needed(20, 900)).to eq(2)
  end
end

RSpec.describe Wheelhouse::Schedule do
  subject(:schedule) { described_class.new(2) }

  it "fills wheels in order" do
    expect([schedule.assign("a", 0, 60), schedule.assign("b", 0, 60)]).to eq([1, 2])
  end

  it "raises when the studio is full" do
    2.times { |k| schedule.assign("s#{k}", 0, 60) }
    expect { schedule.assign("late", 30, 90) }.to raise_error(Wheelhouse::StudioFull)
  end

  it "reports occupancy" do
    schedule.assign("a", 0, 60)
    expect(schedule.ocupancy).to eq(1)
  end
end
"""

TEST_CORE = """# frozen_string_literal: true

require "minitest/autorun"
require "wheelhouse"

class TestClay < Minitest::Test
  def test_kg_to_lb
    assert_equal 22.05, Wheelhouse::Clay.kg_to_lb(10)
  end

  def test_bags_round_up
    assert_equal 1, Wheelhouse::Clay.bags_needed(1, 10)
  end

  def test_bag_size
    assert_equal 4, Wheelhouse::Clay.bags_needed(50, 900, 12.5)
  end
end

class TestSchedule < Minitest::Test
  def setup
    @s = Wheelhouse::Schedule.new(3)
  end

  def test_assign_first_wheel
    assert_equal 1, @s.assign("ana", 0, 60)
  end

  def test_boundary_minute
    @s.assign("ana", 0, 60)
    @s.assign("ben", 0, 60)
    @s.assign("cy", 0, 60)
    assert_raises(Wheelhouse::BookingError) { @s.assign("dee", 59, 120) }
  end

  def test_occupancy
    @s.assign("ana", 0, 60)
    assert_equal 1, @s.occupancy_count
  end

  def test_glaze_room
    skip "the glaze room has no wheels"
  end
end
"""


def courses_test(names: list[str], rnd: random.Random) -> str:
    body = []
    for n in names:
        k = rnd.random()
        if k < 0.1:
            t = f"    skip \"{n} is not offered this term\""
        else:
            t = f"    c = Wheelhouse::Courses::{n}.new\n    assert_equal c.class::FEE * c.class::WEEKS, c.total"
        body.append(f"  def test_{n.lower()}_total\n{t}\n  end\n")
    return ("# frozen_string_literal: true\n\nrequire \"minitest/autorun\"\nrequire \"wheelhouse\"\n\n"
            "class TestCourses < Minitest::Test\n" + "\n".join(body) + "end\n")


RAKEFILE = """# frozen_string_literal: true

require "rake/testtask"

Rake::TestTask.new(:test) do |t|
  t.libs << "test" << "lib"
  t.test_files = FileList["test/test_*.rb"]
  t.warning = false
end

desc "Run the rspec suite"
task :spec do
  sh "rspec --format progress --no-color"
end

namespace :studio do
  desc "Check every course's clay order"
  task :clay do
    $LOAD_PATH.unshift File.expand_path("lib", __dir__)
    require "wheelhouse"
    Wheelhouse::Courses.constants.sort.each do |c|
      course = Wheelhouse::Courses.const_get(c).new
      puts course.describe
      raise ArgumentError, "#{c} orders #{course.clay_bags} bags, over the shelf's 6" if course.clay_bags > 6
    end
  end

  desc "Print the week's timetable"
  task :timetable, [:week] do |_t, args|
    week = Integer(args[:week])
    puts "week #{week}"
  end
end

task ci: %i[test spec]
task default: :ci
"""


def project(root: Path, seed: int, n: int) -> None:
    rnd = random.Random(seed)
    bug = set(rnd.sample(range(n), max(2, n // 12)))
    pend = set(rnd.sample(range(n), 3))
    names = [f"{CLAYS[i % len(CLAYS)]}{i:02d}" for i in range(n)]
    files = {"lib/wheelhouse/core.rb": CORE, "Rakefile": RAKEFILE, "spec/core_spec.rb": CORE_SPEC,
             "test/test_core.rb": TEST_CORE, "test/test_courses.rb": courses_test(names, rnd),
             "spec/spec_helper.rb": "# frozen_string_literal: true\n\n$LOAD_PATH.unshift File.expand_path('../lib', "
                                    "__dir__)\nrequire \"wheelhouse\"\n",
             ".rspec": "--require spec_helper\n"}
    req = ["# frozen_string_literal: true\n", 'require_relative "wheelhouse/core"']
    for i, name in enumerate(names):
        files[f"lib/wheelhouse/courses/{name.lower()}.rb"] = course_rb(i, name, rnd, i in bug)
        files[f"spec/courses/{name.lower()}_spec.rb"] = course_spec(name, rnd, i in pend)
        req.append(f'require_relative "wheelhouse/courses/{name.lower()}"')
    files["lib/wheelhouse.rb"] = "\n".join(req) + "\n"
    write_tree(root, files)


BREAKS = [
    ("missing end", "      def clay_bags\n", "      def clay_bags\n        if students > 0\n"),
    ("unterminated string", "      def describe\n", "      def describe\n        x = \"open\n"),
    ("stray paren", "        Wheelhouse::Clay.bags_needed(", "        Wheelhouse::Clay.bags_needed((("),
    ("unused var", "      def describe\n", "      def describe\n        unused = 1\n"),
    ("shadowed", "      def initialize(students", "      def unused_arg(a)\n        b = a\n        nil\n      end\n\n"
                                                 "      def initialize(students"),
    ("ambiguous", "        {calc}", "        {calc}"),
]


def broken_copy(src: Path, dst: Path, seed: int) -> None:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    rnd = random.Random(seed)
    files = sorted((dst / "lib/wheelhouse/courses").glob("*.rb"))
    picks = rnd.sample(files, 14)
    for k, f in enumerate(picks):
        what, old, new = BREAKS[k % 5]
        f.write_text(f.read_text().replace(old, new, 1))
    # a warning of its own in the core: a literal in a condition
    core = dst / "lib/wheelhouse/core.rb"
    core.write_text(core.read_text().replace("raise BookingError, \"no wheel free for #{student}\" unless wheel",
                                             "raise BookingError, \"no wheel free for #{student}\" unless wheel\n"
                                             "      if wheel = 1 then nil end"))


def wheelhouse(tmp: Path) -> Path:
    root = tmp / "wheelhouse"
    if not root.exists():
        project(root, 1345, 60)
    return root


def spec_runs(tmp: Path) -> None:
    root = wheelhouse(tmp)
    cap("rspec-doc-whole", "rspec --format documentation --seed 1341", root, n_rspec_doc)
    cap("rspec-doc-tail-100-exit", "rspec --format documentation --seed 5 2>&1 | tail -n 100; echo EXIT=$?", root,
        n_rspec_doc)
    cap("rspec-doc-core", "rspec spec/core_spec.rb --format doc --order defined", root, n_rspec_doc)
    cap("minitest-verbose-core-exit", "ruby -Ilib -Itest test/test_core.rb -v --seed 134; echo EXIT=$?", root,
        n_minitest_verbose)
    cap("minitest-verbose-all-head-150", "ruby -Ilib -Itest -e 'Dir[\"./test/test_*.rb\"].sort.each { |f| require f }'"
        " -- --verbose --seed 2718 2>&1 | head -n 150", root, n_minitest_verbose)
    cap("rake-aborted-test-exit", "rake test; echo EXIT=$?", root, n_rake_aborted)
    cap("rake-aborted-clay-tail-60", "rake studio:clay 2>&1 | tail -n 60", root, n_rake_aborted)
    cap("rake-aborted-spec-tail-120-exit", "rake spec 2>&1 | tail -n 120; echo EXIT=$?", root, n_rake_aborted)
    cap("minitest-verbose-courses", "ruby -Ilib -Itest test/test_courses.rb --verbose --seed 99", root,
        n_minitest_verbose)


def lint_runs(tmp: Path) -> None:
    root = wheelhouse(tmp)
    env = {"XDG_CACHE_HOME": str(tmp / "cache")}
    cap("rubocop-worst-all-exit", "rubocop --format worst; echo EXIT=$?", root, n_rubocop_worst, env=env)
    cap("rubocop-json-core-courses", "rubocop --format json lib/wheelhouse/core.rb lib/wheelhouse/courses/[ps]*.rb"
        " | python3 -m json.tool", root, n_rubocop_json, env=env)
    broken = tmp / "wheelhouse-broken"
    broken_copy(root, broken, 1346)
    cap("ruby-wc-tree-loop-grep-v", "for f in $(find lib -name '*.rb' | sort); do ruby -wc \"$f\"; done 2>&1 | "
        "grep -v '^Syntax OK$'; echo EXIT=$?", broken, n_ruby_wc_tree)
    cap("ruby-wc-tree-xargs-tail-80", "find . -name '*.rb' | sort | xargs -n1 ruby -wc 2>&1 | tail -n 80", broken,
        n_ruby_wc_tree)
    cap("yard-stats-undoc", "yard stats --list-undoc --no-save lib", root, n_yard_stats)
    cap("yard-stats-undoc-broken-head-120", "yard stats --list-undoc --no-save lib 2>&1 | head -n 120", broken,
        n_yard_stats)
    cap("rubocop-worst-lib-head-40", "rubocop --format worst lib 2>&1 | head -n 40", broken, n_rubocop_worst, env=env)
    cap("rubocop-json-broken-exit", "rubocop --format json lib/wheelhouse/courses/[bcgir]*.rb | python3 -m json.tool; "
        "echo EXIT=$?", broken, n_rubocop_json, env=env)


STEPS = [spec_runs, lint_runs]
