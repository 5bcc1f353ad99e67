"""Round 19, Ruby: a lending library (minitest, test-unit, rspec, ruby -w, an uncaught exception with its cause) with
real bugs put in. Run through capture_wide19.py."""

from __future__ import annotations

from pathlib import Path

from capture_wide import n_minitest
from capture_wide4 import n_ruby_bt, n_ruby_warnings
from capture_wide10 import line_rule
from capture_wide10_langs import n_rspec
from capture_wide19 import cap
from capture_more import write_tree

n_test_unit = line_rule(
    "ruby-test-unit", "test",
    "Rule 2 on Ruby's test-unit: every 'Failure: test_x(TcClass)' / 'Error: test_x(TcClass): Class: message' header with the 'file:N:in ...' location under it, every '<x> expected but was' / 'expected ... to ...' line, and the 'N tests, M assertions, K failures, E errors' summary.",
    hit=r"^(Failure|Error): test_|expected but was|^\S.*(Error|Exception): ", loc=r"^\S+\.rb:\d+:in ", ahead=3,
    summary=r"\d+ tests, \d+ assertions, \d+ failures")

RUBY_LIB = {
    "lib/shelf.rb": "require_relative 'shelf/book'\nrequire_relative 'shelf/isbn'\nrequire_relative 'shelf/library'\n"
                    "require_relative 'shelf/loan'\nrequire_relative 'shelf/report'\n",
    "lib/shelf/book.rb": """module Shelf
  Book = Struct.new(:isbn, :title, :author, :year, keyword_init: true) do
    def to_s = "#{title} (#{author}, #{year})"
    def classic? = year < 1950
  end
end
""",
    "lib/shelf/isbn.rb": """module Shelf
  module ISBN
    module_function

    # ISBN-13 check: weights 1,3,1,3...; the sum must be divisible by 10
    def valid?(code)
      digits = code.delete('-').chars.map(&:to_i)
      return false unless digits.size == 13
      sum = digits.each_with_index.sum { |d, i| i.even? ? d : d * 3 }
      sum % 10 == 0
    end

    def normalize(code) = code.delete('- ').upcase
  end
end
""",
    "lib/shelf/library.rb": """module Shelf
  class Library
    attr_reader :books

    def initialize
      @books = {}
      @copies = Hash.new(0)
    end

    def add(book, copies: 1)
      raise ArgumentError, "invalid ISBN #{book.isbn}" unless ISBN.valid?(book.isbn)
      @books[book.isbn] = book
      @copies[book.isbn] += copies
    end

    def copies(isbn) = @copies[isbn]

    def by_author(name)
      @books.values.select { |b| b.author == name }.sort_by(&:year)
    end

    def search(term)
      @books.values.select { |b| b.title.include?(term) }
    end

    def checkout(isbn)
      raise KeyError, "no copies of #{isbn} left" if @copies[isbn] < 0
      @copies[isbn] -= 1
    end
  end
end
""",
    "lib/shelf/loan.rb": """require 'date'

module Shelf
  class Loan
    DAILY_FINE = 25 # cents

    attr_reader :isbn, :due

    def initialize(isbn, out_on, days: 21)
      @isbn = isbn
      @due = out_on + days
    end

    def overdue_days(today) = [(today - due).to_i, 0].max

    def fine(today)
      days = overdue_days(today)
      days * DAILY_FINE > 1000 ? 1000 : days * DAILY_FINE
    end

    def renew(days = 14)
      @due = @due + days
      self
    end
  end
end
""",
    "lib/shelf/report.rb": """module Shelf
  module Report
    module_function

    def table(library)
      rows = library.books.values.map { |b| [b.isbn, b.title, library.copies(b.isbn)] }
      width = rows.map { |r| r[1].length }.max
      rows.map { |isbn, title, n| "#{isbn}  #{title.ljust(width)}  #{n}" }.join("\\n")
    end

    def import(library, lines)
      lines.each_with_index do |line, i|
        isbn, title, author, year = line.split(';')
        library.add(Book.new(isbn: isbn, title: title.strip, author: author.strip, year: Integer(year)))
      rescue ArgumentError => e
        raise ArgumentError, "line #{i + 1}: #{e.message}"
      end
    end
  end
end
""",
}

ISBNS = ["978-0-306-40615-7", "978-3-16-148410-0", "978-0-262-03384-8", "978-0-13-110362-7", "978-1-4028-9462-6"]

RUBY_MINITEST = """require 'minitest/autorun'
require 'shelf'

class LibraryTest < Minitest::Test
  def setup
    @lib = Shelf::Library.new
    @lib.add(Shelf::Book.new(isbn: '978-0-306-40615-7', title: 'Signals', author: 'Oppenheim', year: 1983), copies: 2)
    @lib.add(Shelf::Book.new(isbn: '978-0-13-110362-7', title: 'The C Programming Language', author: 'Kernighan', year: 1978))
  end

  def test_copies = assert_equal(2, @lib.copies('978-0-306-40615-7'))
  def test_search = assert_equal(['Signals'], @lib.search('Sig').map(&:title))
  def test_search_is_case_insensitive = assert_equal(1, @lib.search('signals').size)
  def test_invalid_isbn = assert_raises(ArgumentError) { @lib.add(Shelf::Book.new(isbn: '123', title: 'x', author: 'y', year: 1)) }

  def test_checkout_last_copy_then_empty
    @lib.checkout('978-0-13-110362-7')
    assert_raises(KeyError) { @lib.checkout('978-0-13-110362-7') }
  end
""" + "".join(f"""
  def test_by_author_{i}
    @lib.add(Shelf::Book.new(isbn: '{ISBNS[i % 5]}', title: 'Vol {i}', author: 'Author{i}', year: {1900 + i * 7}))
    assert_equal ['Vol {i}'], @lib.by_author('Author{i}').map(&:title)
  end
""" for i in range(2, 5)) + "".join(f"""
  def test_isbn_valid_{i}
    assert Shelf::ISBN.valid?('{code}')
  end
""" for i, code in enumerate(ISBNS)) + """
  def test_report_without_books = assert_equal('', Shelf::Report.table(Shelf::Library.new))
""" + "".join(f"""
  def test_copies_after_adding_{n}
    {n}.times {{ @lib.add(Shelf::Book.new(isbn: '978-1-4028-9462-6', title: 'Maps', author: 'Ng', year: 2001)) }}
    assert_equal {n}, @lib.copies('978-1-4028-9462-6')
  end
""" for n in range(1, 16)) + """
  def test_isbn_normalize = assert_equal('9780306406157', Shelf::ISBN.normalize('978-0 306-40615-7'))
  def test_report_table = assert_match(/Signals\\s+2$/, Shelf::Report.table(@lib))
  def test_classic = assert(Shelf::Book.new(year: 1949).classic?)
end
"""

RUBY_TEST_UNIT = """require 'test/unit'
require 'date'
require 'shelf'

class TcLoan < Test::Unit::TestCase
  def setup
    @out = Date.new(2026, 11, 2)
    @loan = Shelf::Loan.new('978-0-306-40615-7', @out)
  end

  def test_due_in_three_weeks
    assert_equal(Date.new(2026, 11, 23), @loan.due)
  end

  def test_not_overdue_on_due_date
    assert_equal(0, @loan.overdue_days(@loan.due))
  end

  def test_fine_per_day
    assert_equal(75, @loan.fine(@loan.due + 3))
  end

  def test_fine_is_capped
    assert_equal(1000, @loan.fine(@loan.due + 365))
  end

  def test_renew_extends_from_today
    @loan.renew(14)
    assert_equal(Date.new(2026, 12, 7) + 7, @loan.due, 'a renewal counts from the renewal day')
  end

  def test_renew_twice
    assert_equal(@loan.due + 28, @loan.renew.renew.due)
  end

  def test_fine_on_nil_date
    assert_equal(0, @loan.fine(nil))
  end
""" + "".join(f"""
  def test_overdue_{k}_days
    assert_equal({k}, @loan.overdue_days(@loan.due + {k}))
  end
""" for k in (1, 2, 5, 10, 30, 60)) + "end\n"

RUBY_SPEC = """require 'shelf'

RSpec.describe Shelf::ISBN do
""" + "".join(f"""  it 'accepts {code}' do
    expect(described_class.valid?('{code}')).to be true
  end
""" for code in ISBNS) + """  it 'rejects a wrong check digit' do
    expect(described_class.valid?('978-0-306-40615-8')).to be false
  end

  it 'accepts an ISBN-10 with an X check digit' do
    expect(described_class.valid?('0-8044-2957-X')).to be true
  end
end

RSpec.describe Shelf::Loan do
  let(:loan) { described_class.new('978-0-306-40615-7', Date.new(2026, 11, 2)) }

""" + "".join(f"""  it 'charges {d * 25} cents after {d} days late' do
    expect(loan.fine(loan.due + {d})).to eq {d * 25}
  end
""" for d in range(1, 13)) + """  it 'caps the fine at ten euros' do
    expect(loan.fine(loan.due + 100)).to eq 1000
  end

  it 'renews from the due date' do
    expect(loan.renew(7).due).to eq Date.new(2026, 11, 30)
  end

  it 'reports days overdue for a string date' do
    expect(loan.overdue_days('2026-12-01')).to eq 8
  end
end

RSpec.describe Shelf::Report do
  let(:lib) { Shelf::Library.new }

  it 'imports semicolon rows' do
    described_class.import(lib, ['978-3-16-148410-0;Dune;Herbert;1965'])
    expect(lib.books.size).to eq 1
  end

  it 'names the line of a bad year' do
    expect { described_class.import(lib, ['978-3-16-148410-0;Dune;Herbert;soon']) }
      .to raise_error(ArgumentError, /line 1: invalid value for Integer/)
  end

  it 'renders an empty library as an empty table' do
    expect(described_class.table(lib)).to eq ''
  end

  it 'pads titles to the widest' do
    described_class.import(lib, ['978-3-16-148410-0;Dune;Herbert;1965', '978-0-262-03384-8;Algorithms;Cormen;1990'])
    expect(described_class.table(lib).lines.map(&:length).uniq.size).to eq 1
  end
end
"""

# ruby -w: unused variables, a method redefined, ambiguous arguments, mismatched indentation, a shadowed outer variable
RUBY_WARN = """module Shelf
  module Stats
    module_function

    def average_year(books)
      total = 0
      count = 0
      books.each { |b| total += b.year }
      total / books.size
    end

    def decades(books)
      books.group_by { |b| b.year / 10 * 10 }.transform_values(&:size)
    end

    def decades(books)
      books.map { |b| b.year / 10 }.tally
    end

    def oldest(books)
      year = 0
      books.min_by { |year| year.year }
    end

    def label(n)
      puts -n
      result = n > 1 ? "#{n} books" : "1 book"
        end

    def spread(books)
      years = books.map(&:year)
      min, max = years.minmax
      max - years.min
    end
  end
end
"""

RUBY_CLI = """#!/usr/bin/env ruby
require 'shelf'
require 'shelf/cli'

Shelf::CLI.new(ARGV).run
"""

RUBY_CLI_LIB = """require 'date'

module Shelf
  class ImportError < StandardError; end

  # The command line: `shelf FILE` imports FILE and prints the table and the fines.
  class CLI
    def initialize(argv)
      @argv = argv
      @lib = Library.new
    end

    def run
      dispatch(@argv.first)
    end

    private

    def dispatch(path)
      with_timing('import') { import(path) }
      puts Report.table(@lib)
    end

    def with_timing(label)
      t = Time.now
      yield
    ensure
      warn "#{label}: #{((Time.now - t) * 1000).round} ms"
    end

    def import(path)
      rows = File.readlines(path, chomp: true).drop(1)
      Report.import(@lib, rows)
    rescue TypeError, ArgumentError => e
      raise ImportError, "cannot import #{path}: #{e.message}"
    end
  end
end
"""


def cap_ruby(tmp: Path) -> None:
    d = tmp / "shelf"
    rows = [f"{ISBNS[i % 5]};Title {i};Author {i % 4};{1950 + i}" for i in range(5)]
    write_tree(d, {**RUBY_LIB, "test/test_library.rb": RUBY_MINITEST, "test/tc_loan.rb": RUBY_TEST_UNIT,
                   "spec/shelf_spec.rb": "require 'date'\n" + RUBY_SPEC,
                   "lib/shelf/cli.rb": RUBY_CLI_LIB, "lib/shelf/stats.rb": RUBY_WARN, "bin/shelf": RUBY_CLI,
                   "data/books.csv": "isbn;title;author;year\n" + "\n".join(rows) + "\n978-0-13-110362-7;Errata;Anon;\n",
                   "Gemfile": "source 'https://rubygems.org'\ngem 'rspec', '~> 3.12'\ngem 'minitest', '~> 5.15'\n"})
    cap("minitest-shelf", "ruby -Ilib test/test_library.rb -v --seed 4242", d, n_minitest)
    cap("test-unit-loan", "ruby -Ilib test/tc_loan.rb", d, n_test_unit)
    cap("rspec-shelf", "rspec -I lib spec --format documentation", d, n_rspec)
    cap("ruby-w-shelf", "ruby -w -Ilib -e 'require \"shelf\"; require \"shelf/stats\"' "
        "&& for f in lib/shelf/*.rb; do ruby -wc \"$f\"; done", d, n_ruby_warnings)
    cap("ruby-backtrace-shelf", "ruby -Ilib bin/shelf data/books.csv", d, n_ruby_bt)


STEPS = [cap_ruby]
