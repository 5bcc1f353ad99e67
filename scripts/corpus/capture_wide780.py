"""Capture round 780 of the compression corpus: Perl's own tools and shell/text-processing diagnostics in forms the
corpus lacked (a test file's raw Test::More TAP, prove --timer / -j / --state=failed, ExtUtils::MakeMaker's
Makefile.PL and make test, the perl debugger's AutoTrace, pod2text, corelist, json_pp, sed --debug, mawk's errors and
-W dump, plain bash -x traces, set -u errors) beside kinds it has (prove, perl -c, perl -w, splain, podchecker,
bash -n), on a tide mill's Perl distribution written here (`tidemill`: sluices, millponds, wheels, millers, tide
tables; seed 78010) with faults put in (failing and dying tests, plan mismatches, strict errors, warnings, POD errors,
missing prerequisites, malformed JSON, broken awk/sed/bash scripts).
Needle rules: NEEDLES.md's "Round 780" section; new kinds' extractors below, the others imported.

Usage:   .venv/bin/python scripts/corpus/capture_wide780.py
Writes:  scripts/corpus/data/wide780.json, ids prefixed "wide780-".
Tools:   perl 5.36.0 (Debian) with Test::More 1.302190, TAP::Harness / prove 3.44, ExtUtils::MakeMaker 7.64,
         corelist (Module::CoreList 5.20220520), json_pp (JSON::PP 4.07), pod2text (Pod::Text 4.14), podchecker,
         splain, perl5db.pl; GNU sed 4.9; mawk 1.3.4; GNU bash 5.2.15; GNU Make 4.3. Nothing installed."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind, mask  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide import n_prove  # noqa: E402
from capture_wide4 import n_perl as n_perl_warnings  # noqa: E402
from capture_wide8_lang import n_podchecker  # noqa: E402
from capture_wide42_script import N_PERL_C  # noqa: E402
from capture_wide303 import n_perl_diagnostics  # noqa: E402
from capture_wide533 import n_bash_n  # noqa: E402

ID_PREFIX = "wide780-"
DEFAULT_OUT = HERE / "data" / "wide780.json"
TMP = Path("/dev/shm/hm-corpus-wide780-run")
SEED = 78010
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

AT_LINE = re.compile(r" at (\S+) line \d+\.$")
WARN_SHAPES = re.compile(r"^(Use of uninitialized|Argument \"|Useless use|Subroutine \S+ redefined|\"my\" variable|"
                         r"Odd number of elements|Scalar value|Possible |Name \"|Found = in conditional|"
                         r"Deep recursion|Useless|Reversed|Unquoted string|Misplaced _|Wide character|"
                         r"readline\(\) on|print\(\) on|Exiting subroutine|Negative repeat|isn't numeric)")
HDR = r"^== (\S+/\S+|inline)$"  # the '== file' header a loop prints (not a script's own '== name' output)
FILE_LINE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?\S+\.t \.+")


def _die_lines(lines):
    """Lines ending 'at FILE line N.' that are not TAP diagnostics, indented frames or known warning shapes."""
    return [ln for ln in lines if AT_LINE.search(ln) and not ln.startswith(("#", " ", "\t", "+"))
            and not WARN_SHAPES.search(ln)]


def _first_failed_block(lines):
    """The first '#   Failed test' line and the '#' lines under it up to a blank line, a non-'#' line or the next
    '#   Failed test'."""
    for i, ln in enumerate(lines):
        if re.match(r"^\s*#\s+Failed (\(TODO\) )?test", ln) and "(TODO)" not in ln:
            out = [ln]
            for k in range(i + 1, len(lines)):
                nxt = lines[k]
                if not nxt.strip() or not nxt.lstrip().startswith("#") or re.match(r"^\s*#\s+Failed ", nxt) \
                        or re.match(r"^\s*# Looks like", nxt):
                    break
                out.append(nxt)
            return out
    return []


def _not_ok(lines):
    return [ln for ln in lines if re.match(r"^\s*not ok \d+", ln) and "# TODO" not in ln]


def _prove(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"(Dubious, test returned|Failed \d+/\d+ subtests|No subtests run)", s) or \
                re.match(r"^(\[\d\d:\d\d:\d\d\] )?\S+\.t \.+.*(Dubious|Failed \d+/\d+|No subtests)", ln):
            out.append(ln)
            for k in range(i, max(-1, i - 400), -1):
                if FILE_LINE.match(lines[k]):
                    out.append(lines[k])
                    break
        elif re.match(r"^\S+\.t\s+\(Wstat: ", ln):
            out.append(ln)
        elif re.match(r"^\s+(Failed tests?:|Non-zero exit status:|Parse errors:)", ln):
            out.append(ln)
        elif ln.startswith("Files=") or ln.startswith("Result: ") or "Bail out!" in ln:
            out.append(ln)
    out += _not_ok(lines) + _first_failed_block(lines) + _die_lines(lines)
    return out


@kind("perl-test-more-tap", "test")
def n_test_more_tap(lines):
    """Rule 2: every non-TODO 'not ok N' line, each '#   Failed test' line with its '#   at FILE line N.' line, every line of the first failure's diagnostic block; die and Bail out! lines; every '# Looks like …' / no-plan line."""
    out = _not_ok(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^\s*#\s+Failed test", ln):
            out.append(ln)
            loc = cm.next_match(lines, i, r"^\s*#\s+at \S+ line \d+", 2)
            if loc:
                out.append(loc)
        elif re.match(r"^\s*# (Looks like|Tests were run but no plan)", ln) or "Bail out!" in ln:
            out.append(ln)
    return out + _first_failed_block(lines) + _die_lines(lines)


def _prove_kind(name):
    def ext(lines):
        return _prove(lines)
    ext.__doc__ = ("Rule 2: each failing test file's line and its Dubious/Failed N/M line, non-TODO 'not ok' lines, the "
                   "first '#   Failed test' block, die lines; the summary report's Wstat rows and Failed tests / "
                   "Non-zero exit / Parse errors lines; Files= and Result: lines.")
    return kind(name, "test")(ext)


n_prove_timer = _prove_kind("prove-timer")
n_prove_jobs = _prove_kind("prove-jobs")
n_prove_state = _prove_kind("prove-state-failed")


@kind("perl-make-test", "test")
def n_make_test(lines):
    """Rule 1: every MakeMaker Warning:/Error: line (missing prerequisites) and every file named missing from the kit; the prove rule over the harness output; every 'make: *** […] Error N' line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Warning|Error|WARNING|ERROR)\b", ln) or re.search(r"prerequisite .* not found", ln):
            out.append(ln)
            if "missing in your kit" in ln:
                for k in range(i + 1, len(lines)):
                    if not lines[k].strip() or not lines[k][0].isspace():
                        break
                    out.append(lines[k])
        elif re.match(r"^make(\[\d+\])?: \*\*\*", ln):
            out.append(ln)
    return out + _prove(lines)


@kind("perl-debugger-trace", "log")
def n_debugger_trace(lines):
    """Rule 1: every die/error line ending 'at FILE line N.', the first 'called at' frame under it and the last trace line of bin/ or lib/ before it; warnings one {any} per (message shape, file)."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = AT_LINE.search(ln)
        if not m or ln.startswith((" ", "\t", "#")):
            continue
        if WARN_SHAPES.search(ln):
            pairs.append(((mask(AT_LINE.sub("", ln)), m.group(1)), ln))
            continue
        out.append(ln)
        fr = cm.next_match(lines, i, r"called at \S+ line \d+", 4)
        if fr:
            out.append(fr)
        for k in range(i - 1, -1, -1):
            if re.match(r"^\S+\((bin|lib)/[^:()]+:\d+\):", lines[k]):
                out.append(lines[k])
                break
    return out + groups(pairs)


@kind("pod2text", "doc")
def n_pod2text(lines):
    """Rule 6: every heading (column-0 =head1 lines, two-space =head2 lines) and the first text line under each =head1; rule 1: each 'Around line N:' line of POD ERRORS and the message after it."""
    out = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        if not ln[0].isspace():
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, n) if lines[k].strip()), None)
            if nxt is not None and nxt[0].isspace():
                out.append(nxt)
        elif re.match(r"^  \S", ln) and i and not lines[i - 1].strip() and i + 2 < n and not lines[i + 1].strip() \
                and re.match(r"^   ", lines[i + 2]):
            out.append(ln)
        if re.match(r"^\s+Around line \d+:", ln):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, n) if lines[k].strip()), None)
            if nxt is not None:
                out.append(nxt)
    return out


USED = {"Carp", "Exporter", "File::Spec", "Getopt::Long", "JSON::PP", "List::Util", "POSIX", "Scalar::Util",
        "Test::More", "Time::Local"}


@kind("corelist", "doc")
def n_corelist(lines):
    """Rule 5: every 'first released' / 'not in CORE' / 'removed' / 'deprecated' line; in -a the first version row of each module and its v5.36.0 row; in -v/--diff every row naming a module the tidemill uses, and the header line."""
    out = []
    first_pending = False
    for ln in lines:
        if re.search(r"was first released|was not in CORE|removed from perl|deprecated", ln):
            out.append(ln)
            first_pending = "was first released" in ln
            continue
        if re.match(r"^The following modules were in perl", ln):
            out.append(ln)
            continue
        m = re.match(r"^\s+v5\.\S+\s+\S", ln)
        if m:
            if first_pending:
                out.append(ln)
                first_pending = False
            if re.match(r"^\s+v5\.36\.0\s", ln):
                out.append(ln)
            continue
        tok = ln.split()
        if tok and tok[0] in USED and len(tok) >= 2:
            out.append(ln)
    return out


@kind("json-pp", "json")
def n_json_pp(lines):
    """Rule 1: every json_pp error line ('… at character offset N (before …)' / 'at /usr/bin/json_pp line N.') and the '== file' header above it."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"at character offset \d+|at \S*json_pp line \d+", ln):
            out.append(ln)
            hdr = cm.prev_match(lines, i, HDR, 10_000)
            if hdr:
                out.append(hdr)
    return out


@kind("sed-debug", "code")
def n_sed_debug(lines):
    """Rule 6: each 'SED PROGRAM:' line and every program line under it; the first and last 'INPUT:' line; rule 1: every 'sed:' error line."""
    out = []
    inputs = [ln for ln in lines if ln.startswith("INPUT:")]
    for i, ln in enumerate(lines):
        if ln.startswith("SED PROGRAM:"):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if not lines[k].startswith("  "):
                    break
                out.append(lines[k])
        elif ln.startswith("sed: "):
            out.append(ln)
    return out + inputs[:1] + inputs[-1:]


@kind("mawk-error", "lint")
def n_mawk_error(lines):
    """Rule 1: every 'mawk:' line and the FILENAME= FNR= NR= line after a run time error; the '== file' header above each."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("mawk:"):
            out.append(ln)
            if "run time error" in ln:
                out.append(cm.next_match(lines, i, r"FILENAME=\S* FNR=\d+ NR=\d+", 4))
            out.append(cm.prev_match(lines, i, HDR, 10_000))
    return out


@kind("mawk-dump", "code")
def n_mawk_dump(lines):
    """Rule 6: every BEGIN / MAIN / END section header and every 'function NAME' line; rule 1: every 'mawk:' line."""
    return [ln for ln in lines if re.match(r"^(BEGIN|MAIN|END)\s*$|^function \S+|^mawk:", ln)]


BASH_ERR = re.compile(r"^\S+: line \d+: |No such file or directory|command not found|unbound variable|"
                      r"parameter null or not set|bad substitution")


@kind("bash-x", "log")
def n_bash_x(lines):
    """Rule 1: every error line bash prints (script: line N: …, No such file, command not found, unbound variable) and the last '+' trace line before it; EXIT= lines."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("+"):
            continue
        if BASH_ERR.search(ln):
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("+"):
                    out.append(lines[k])
                    break
        elif re.match(r"^(EXIT|exit)=\d+", ln):
            out.append(ln)
    return out


@kind("bash-nounset", "log")
def n_bash_nounset(lines):
    """Rule 1: every 'line N:' error line (unbound variable, null or not set, bad substitution, No such file), the '== script' header above it, and EXIT= lines."""
    out = []
    for i, ln in enumerate(lines):
        if BASH_ERR.search(ln) and not ln.startswith("+"):
            out.append(ln)
            out.append(cm.prev_match(lines, i, HDR, 10_000))
        elif re.match(r"^(EXIT|exit)=\d+", ln):
            out.append(ln)
    return out


# ------------------------------------------------------------------ material: the tidemill distribution

def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


MODULES = {
    "lib/Tidemill.pm": r'''package Tidemill;
use strict;
use warnings;
our $VERSION = '0.78';

use Tidemill::Sluice;
use Tidemill::Millpond;
use Tidemill::Wheel;
use Tidemill::Miller;
use Tidemill::Ledger;

sub mills { return qw(Eling Woodbridge Carew Thorrington Birdham) }

1;
__END__

=head1 NAME

Tidemill - a tide mill's sluices, millponds, wheels and millers

=head1 SYNOPSIS

    use Tidemill;
    my $flow = Tidemill::Sluice::flow(1.8, 2.4);

=head1 DESCRIPTION

A tide mill fills its millpond through the sluice gates on the flood tide and grinds on the ebb, when the
pond drains through the wheel race.

=head2 Modules

=over 4

=item L<Tidemill::Sluice>

Gate heights and flows.

=item L<Tidemill::Millpond>

Pond volumes and fill times.

=item L<Tidemill::Wheel>

Wheel specifications and speeds.

=back

=head1 AUTHOR

The Tidemill millers.

=cut
''',
    "lib/Tidemill/Sluice.pm": r'''package Tidemill::Sluice;
use strict;
use warnings;
use Carp qw(croak);

# discharge coefficient of a sluice gate; the tall gates were re-rated in 2024
sub coefficient {
    my ($head) = @_;
    return $head > 2 ? 0.60 : 0.62;
}

sub flow {
    my ($head, $width) = @_;
    croak "sluice head must be positive" unless $head > 0;
    return sprintf('%.2f', coefficient($head) * $width * $head * sqrt(2 * 9.81 * $head));
}

sub gates {
    my ($n) = @_;
    return [ map { "S$_" } 1 .. $n ];
}

1;
__END__

=head1 NAME

Tidemill::Sluice - gate heights and flows

=head1 FUNCTIONS

=head2 flow($head, $width)

The flow through a gate in cubic metres a second.

=cut
''',
    "lib/Tidemill/Millpond.pm": r'''package Tidemill::Millpond;
use strict;
use warnings;
use List::Util qw(sum max);

sub volume {
    my ($area, $depth) = @_;
    return $area * $depth;
}

sub fill_minutes {
    my ($volume, $flow) = @_;
    return int($volume / $flow / 60);
}

sub levels {
    my (@depths) = @_;
    return { max => max(@depths), total => sum(@depths), count => scalar @depths };
}

1;
__END__

=head1 NAME

Tidemill::Millpond - pond volumes and fill times

=head1 FUNCTIONS

=item volume($area, $depth)

The pond's volume.

=over 4

=item fill_minutes($volume, $flow)

Minutes to fill the pond through the sluices.

=head2 levels(@depths)

A summary of L<depths|/levels.

=head1 BUGS

=head1 BUGS

None known.

=cut
''',
    "lib/Tidemill/Wheel.pm": r'''package Tidemill::Wheel;
use strict;
use warnings;

sub rpm {
    my ($flow, $radius) = @_;
    die "wheel radius must be positive\n" if $radius < 0;
    return int($flow * 60 / (2 * 3.14159 * $radius));
}

sub spec {
    my ($name, $radius, $paddles) = @_;
    return { name => $name, radius => $radius, paddles => [ 1 .. $paddles ], race => 'undershot' };
}

1;
''',
    "lib/Tidemill/Miller.pm": r'''package Tidemill::Miller;
use strict;
use warnings;

my %ROSTER = (ebb => [qw(Agnes Tobias Wenna)], flood => [qw(Hal Ysolde)]);

sub new { my ($class, %a) = @_; return bless {%a}, $class }
sub roster { my ($tide) = @_; return @{ $ROSTER{$tide} || [] } }
sub shift_label { my ($name, $tide) = @_; return "$name grinds on the $tide tide" }
sub stone { my ($self) = @_; return $self->{stone} }

sub grind {
    my ($self, $sacks) = @_;
    return $self->stone->dress($sacks);
}

1;
''',
    "lib/Tidemill/Ledger.pm": r'''package Tidemill::Ledger;
use strict;
use warnings;
use JSON::PP;

sub load {
    my ($path) = @_;
    open my $fh, '<', $path or die "cannot open tide table $path: $!";
    local $/;
    return JSON::PP->new->decode(<$fh>);
}

sub grist {
    my ($sacks, $ratio) = @_;
    return $sacks * $ratio;
}

sub per_hour {
    my ($rows) = @_;
    my %out;
    for my $r (@$rows) {
        my $hours = $r->{ebb_hours};
        $out{ $r->{date} } = $r->{sacks} / $hours;
    }
    return \%out;
}

sub total {
    my ($rows) = @_;
    my $t = 0;
    $t += $_->{sacks} for @$rows;
    return $t;
}

1;
''',
    "lib/Tidemill/Broken.pm": r'''package Tidemill::Broken;
use strict;
use warnings;

sub tally {
    my ($rows) = @_;
    $total = 0;
    for my $r (@$rows) {
        $total += $r->{sacks};
        $seen{ $r->{miller} }++;
    }
    return $total / $count;
}

sub gate { my $g = shift; return $gates[$g] }

1;
''',
}

BIN = {
    "bin/tide_report.pl": r'''#!/usr/bin/perl
use strict;
use warnings;
use Tidemill::Ledger;

my @rows;
for my $f (sort glob 'tides/*.json') {
    my $d = eval { Tidemill::Ledger::load($f) } or next;
    push @rows, @{ $d->{days} || [] };
}
my $total = Tidemill::Ledger::total(\@rows);
print "sacks ground: $total\n";
my $rate = Tidemill::Ledger::per_hour(\@rows);
for my $day (sort keys %$rate) {
    printf "%s %.1f sacks/hour\n", $day, $rate->{$day};
}
''',
    "bin/grist.pl": r'''#!/usr/bin/perl
use strict;
use warnings;
use Tidemill::Miller;
use Tidemill::Wheel;

my @millers = map { Tidemill::Miller->new(name => $_) } Tidemill::Miller::roster('ebb');
for my $m (@millers) {
    print Tidemill::Miller::shift_label($m->{name}, 'ebb'), "\n";
}
my $speed = Tidemill::Wheel::rpm(3.2, 0);
print "wheel: $speed rpm\n";
$millers[0]->grind(12);
''',
    "bin/warn.pl": r'''#!/usr/bin/perl
use strict;
use warnings;
use Tidemill::Ledger;

my %pond = (depth => '2.4m', area => 8800, keeper => undef);
my $v = $pond{area} * $pond{depth};
print "volume $v\n";
print "keeper: " . $pond{keeper} . "\n";
my @gates = (1, 2, 3);
my $g = @gates[1];
my %h = (1, 2, 3);
my $n = "12 sacks" + 3;
print "total $n $g\n";
my $rate = Tidemill::Ledger::per_hour([{ date => '2026-03-02', sacks => 40, ebb_hours => 0 }]);
''',
}


def tests(rng: random.Random) -> dict[str, str]:
    """t/*.t: generated checks against the modules, some expectations wrong, some files broken on purpose."""
    files = {}
    head = "use strict;\nuse warnings;\nuse Test::More;\n"
    files["t/00-load.t"] = head + "use_ok($_) for qw(Tidemill Tidemill::Sluice Tidemill::Millpond Tidemill::Wheel " \
        "Tidemill::Miller Tidemill::Ledger);\ndone_testing();\n"

    def flow(h, w):
        return "%.2f" % (0.62 * w * h * (2 * 9.81 * h) ** 0.5)
    body = head + "use Tidemill::Sluice;\n\n"
    for _ in range(rng.randint(14, 18)):
        h = round(rng.uniform(0.6, 2.9), 1)
        w = round(rng.uniform(1.0, 3.5), 1)
        body += f"is(Tidemill::Sluice::flow({h}, {w}), '{flow(h, w)}', 'flow at head {h} width {w}');\n"
    body += "is_deeply(Tidemill::Sluice::gates(3), [qw(S1 S2 S3)], 'three gates');\n"
    body += "is_deeply(Tidemill::Sluice::gates(4), [qw(S1 S2 S3 S5)], 'four gates');\ndone_testing();\n"
    files["t/01-sluice.t"] = body

    body = head + "use Tidemill::Millpond;\n\n"
    for _ in range(rng.randint(10, 14)):
        a, d = rng.randint(2000, 12000), rng.randint(1, 4)
        exp = a * d if rng.random() < 0.85 else a * d + rng.choice([10, 100, -50])
        body += f"is(Tidemill::Millpond::volume({a}, {d}), {exp}, 'volume of {a} m2 at {d} m');\n"
    body += ("is_deeply(Tidemill::Millpond::levels(1.2, 2.4, 1.8), { max => 2.4, total => 5.4, count => 3 }, "
             "'levels of three soundings');\n")
    body += ("is_deeply(Tidemill::Millpond::levels(3, 1), { max => 3, total => 4, count => 3 }, "
             "'levels of two soundings');\ndone_testing();\n")
    files["t/02-millpond.t"] = body

    body = head + "use Tidemill::Wheel;\nplan tests => 9;\n\n"
    for i in range(4):
        f, r = round(rng.uniform(1, 6), 1), round(rng.uniform(1.5, 3.0), 1)
        body += f"is(Tidemill::Wheel::rpm({f}, {r}), {int(f * 60 / (2 * 3.14159 * r))}, 'rpm {i}');\n"
    body += ("is_deeply(Tidemill::Wheel::spec('Eling', 2.1, 4), { name => 'Eling', radius => 2.1, "
             "paddles => [1, 2, 3, 4], race => 'breastshot' }, 'Eling wheel spec');\n")
    body += "is(Tidemill::Wheel::rpm(3.2, 0), 0, 'a wheel with no radius does not turn');\n"
    body += "ok(1, 'after the dead wheel');\n"
    files["t/03-wheel.t"] = body

    body = head + "use Tidemill::Miller;\n\n"
    body += "is_deeply([Tidemill::Miller::roster('ebb')], [qw(Agnes Tobias Wenna)], 'ebb roster');\n"
    body += "is_deeply([Tidemill::Miller::roster('flood')], [qw(Hal Ysolde Agnes)], 'flood roster');\n"
    for name in ["Agnes", "Tobias", "Wenna", "Hal"]:
        tide = rng.choice(["ebb", "flood"])
        pat = rng.choice([f"grinds on the {tide}", f"works the {tide}", f"^{name} grinds"])
        body += f"like(Tidemill::Miller::shift_label('{name}', '{tide}'), qr/{pat}/, '{name} label');\n"
    body += "subtest 'stones' => sub {\n    plan tests => 2;\n" \
            "    my $m = Tidemill::Miller->new(name => 'Hal', stone => 'burr');\n" \
            "    is($m->stone, 'burr', 'burr stone');\n    is($m->{name}, 'Hal ', 'name kept');\n};\n"
    body += "done_testing();\n"
    files["t/04-miller.t"] = body

    body = head + "use Tidemill::Ledger;\n\n"
    for i in range(rng.randint(8, 12)):
        s, r = rng.randint(5, 60), rng.choice([0.5, 0.75, 1.25, 2])
        op = rng.choice(["==", "==", ">=", "<"])
        body += f"cmp_ok(Tidemill::Ledger::grist({s}, {r}), '{op}', {s * r if op != '<' else s * r - 1}, " \
                f"'grist {i}');\n"
    body += "my $d = Tidemill::Ledger::load('tides/2026-03-01.json');\nok($d->{days}, 'days loaded');\n"
    body += "my $bad = Tidemill::Ledger::load('tides/2026-03-04.json');\nok($bad, 'malformed table');\n"
    body += "done_testing();\n"
    files["t/05-ledger.t"] = body

    body = head + "plan tests => 12;\n\n"
    for i in range(10):
        body += f"ok({i} < 20, 'gate check {i}');\n"
    files["t/06-plan.t"] = body

    body = head + "use Tidemill::Sluice;\n\n"
    body += "ok(Tidemill::Sluice::flow(1, 1) > 0, 'some flow');\n"
    body += "TODO: {\n    local $TODO = 'gate telemetry not wired';\n" \
            "    is(Tidemill::Sluice::flow(1.5, 2), '9.99', 'telemetry flow');\n" \
            "    ok(0, 'telemetry heartbeat');\n}\n"
    body += "SKIP: {\n    skip 'no tide gauge on this host', 3 unless -e '/dev/tidegauge';\n" \
            "    ok(1, 'gauge') for 1 .. 3;\n}\n"
    body += "ok(eval { Tidemill::Sluice::flow(0, 2); 1 } ? 0 : 1, 'zero head croaks');\ndone_testing();\n"
    files["t/07-todo-skip.t"] = body

    body = head + "use Tidemill;\n\n"
    body += "is(scalar(Tidemill::mills()), 5, 'five mills');\n"
    body += "is((Tidemill::mills())[2], 'Carew', 'third mill');\n"
    body += "is($Tidemill::VERSION, '0.79', 'version');\n"
    body += "my @m = Tidemill::mills();\nis_deeply(\\@m, [qw(Eling Woodbridge Carew Thorrington Birdham)], 'mills');\n"
    body += "done_testing(5);\n"
    files["t/08-mills.t"] = body

    body = head + "use Tidemill::Millpond;\n\n"
    for i in range(rng.randint(6, 9)):
        v, f = rng.randint(10000, 60000), round(rng.uniform(2, 9), 1)
        exp = int(v / f / 60) + (1 if rng.random() < 0.3 else 0)
        body += f"is(Tidemill::Millpond::fill_minutes({v}, {f}), {exp}, 'fill {i}');\n"
    body += "is(Tidemill::Millpond::fill_minutes(40000, 0), 0, 'no flow');\n"
    body += "done_testing();\n"
    files["t/09-fill.t"] = body

    files["xt/10-bail.t"] = head + "ok(-d 'tides', 'tide tables present');\n" \
        "BAIL_OUT('tide gauge offline') unless -e '/dev/tidegauge';\nok(1, 'never');\ndone_testing();\n"
    return files


def tides(rng: random.Random) -> dict[str, str]:
    out = {}
    for day in range(1, 9):
        rows = []
        for h in range(rng.randint(3, 6)):
            rows.append({"date": f"2026-03-{day:02d}T{h * 4:02d}", "sacks": rng.randint(8, 40),
                         "ebb_hours": round(rng.uniform(2.5, 5.5), 1) if (day, h) != (6, 2) else 0,
                         "miller": rng.choice(["Agnes", "Tobias", "Wenna", "Hal", "Ysolde"])})
        text = json.dumps({"mill": "Eling", "days": rows}, indent=None)
        if day == 3:
            text = text.replace('"miller"', "'miller'", 1)
        elif day == 4:
            text = text[:-2] + ",]}"
        elif day == 7:
            text = text.replace('"sacks": ', '"sacks": NaN, "x": ', 1)
        out[f"tides/2026-03-{day:02d}.json"] = text + "\n"
    return out


def logs(rng: random.Random) -> str:
    lines = ["# tide log, Eling mill", "# time sluice head flow wheel rpm miller"]
    for i in range(70):
        t = f"2026-03-{1 + i // 12:02d}T{(i % 12) * 2:02d}:{rng.randint(0, 59):02d}"
        lines.append(f"{t} S{rng.randint(1, 4)} {rng.uniform(0.5, 2.9):.2f} {rng.uniform(2, 14):.1f} "
                     f"W{rng.randint(1, 2)} {rng.randint(0, 18) if i != 41 else 0} "
                     f"{rng.choice(['Agnes', 'Tobias', 'Wenna', 'Hal', 'Ysolde'])}")
        if i in (17, 52):
            lines.append(f"{t} ERROR sluice S3 jammed at head 2.71")
    return "\n".join(lines) + "\n"


AWK = {
    "awk/tally.awk": r'''# sacks and flow per sluice
function pct(a, b) { return b ? 100 * a / b : 0 }
BEGIN { FS = " " }
/^#/ { next }
$2 == "ERROR" { errors++; next }
{ flow[$2] += $4; n[$2]++; total += $4 }
END {
    for (s in flow) printf "%s %.1f %.1f%%\n", s, flow[s], pct(flow[s], total)
    print "errors", errors
}
''',
    "awk/speed.awk": r'''function ratio(f, r) { return f / r }
function label(s) { return "wheel " s }
/^#/ || $2 == "ERROR" { next }
{ print label($5), ratio($4, $6) }
END { print NR " rows" }
''',
    "awk/broken_brace.awk": "/^#/ { next }\n{ if ($4 > 10) { high++ }\nEND { print high }\n",
    "awk/broken_syntax.awk": "BEGIN { limit = 2.5 }\n$3 > limit { print $1 $3 ) }\n{ count[$7]++ }\n"
                             "END { for (m in count) print m, count[m] }\n",
    "awk/runtime_regex.awk": "BEGIN { pat = \"S(3\" }\n$2 ~ pat { jammed++ }\nEND { print jammed }\n",
    "awk/runtime_printf.awk": "/^#/ { next }\n{ printf \"%s %s %.2f head %s\\n\", $1, $2 }\n",
    "awk/runtime_output.awk": "/^#/ { next }\n{ print $0 > (\"/nonexistent/mill/\" $2 \".log\") }\n",
    "awk/getline.awk": "BEGIN { while ((getline l < \"sluices.tsv\") > 0) n++; print n }\n"
                       "{ c++ }\nEND { print c / n }\n",
}

SED = {
    "sed/clean.sed": "/^#/d\ns/ERROR/error/\ns/ S\\([0-9]\\) / sluice-\\1 /\ny/W/w/\n/ 0 [A-Z]/s/$/ STOPPED/\n",
    "sed/broken.sed": "/^#/d\ns/ERROR/error/\nk\n",
    "sed/unterminated.sed": "/^#/d\ns/ERROR/error\n",
    "sed/hold.sed": "/ERROR/{\nh\ns/^/!! /\n}\n$ {\nx\ns/^/last error: /\np\nx\n}\n",
}

BASH = {
    "scripts/sluice_check.sh": '''#!/bin/bash
set -u
log=${1:-logs/tide.log}
echo "checking $log"
jammed=$(grep -c ERROR "$log")
echo "jammed gates: $jammed"
if [ "$jammed" -gt 0 ]; then
    echo "notify $KEEPER_EMAIL"
fi
echo done
''',
    "scripts/rotate.sh": '''#!/bin/bash
set -euo pipefail
dest=archive/$(date +%Y)
mkdir -p "$dest"
for f in logs/tide.log logs/wheel.log; do
    cp "$f" "$dest/"
    echo "archived $f"
done
echo rotated
''',
    "scripts/report.sh": '''#!/bin/bash
set -e
mills=(Eling Woodbridge Carew)
for m in "${mills[@]}"; do
    echo "== $m"
done
sacks=$(mawk -f awk/tally.awk logs/tide.log | wc -l)
echo "sluices: $sacks"
head=${TIDE_HEAD:?tide head not set}
echo "head $head"
''',
    "scripts/wheel.sh": '''#!/bin/bash
set -u
speed() { local r=$1; echo $(( 60 / r )); }
for r in 3 2 1 0; do
    echo "radius $r: $(speed $r) rpm"
done
miller=${roster[0]}
echo "$miller"
''',
    "scripts/gauge.sh": '''#!/bin/bash
level() { tidectl read --gauge "$1"; }
echo "reading gauges"
for g in north south; do
    level "$g" || echo "gauge $g failed"
done
cat /var/lib/tidemill/gauge.state
echo finished
''',
    "scripts/broken.sh": '''#!/bin/bash
for s in S1 S2 S3; do
    if [ "$s" = S3 ]; then
        echo "jammed $s"
    fi
done
case "$1" in
  open) echo open ;;
  close) echo close
esac
if true; then
    echo "unterminated"
''',
    "scripts/broken_quote.sh": '''#!/bin/bash
for g in S1 S2; do
    echo "gate $g
done
echo "all gates"
''',
    "scripts/broken_fi.sh": '''#!/bin/bash
level=$(cat pond.level)
if [ "$level" -gt 3 ]; then
    echo high
else
fi
while read -r l; do
    echo "$l"
done < logs/tide.log
''',
    "scripts/subst.sh": '''#!/bin/bash
set -u
gate=S3
echo "${gate:0:1}"
echo "${gate/S/sluice-}"
echo "${!gate_level}"
echo "${gate^^}"
echo "${gate:?}"
echo "${#gate[}"
''',
}

MAKEFILE_PL = r'''use strict;
use warnings;
use ExtUtils::MakeMaker;

WriteMakefile(
    NAME             => 'Tidemill',
    AUTHOR           => 'The Tidemill millers',
    VERSION_FROM     => 'lib/Tidemill.pm',
    ABSTRACT         => 'a tide mill: sluices, millponds, wheels and millers',
    LICENSE          => 'perl_5',
    MIN_PERL_VERSION => '5.010',
    PREREQ_PM        => {
        'JSON::PP'           => '2.27',
        'List::Util'         => '9.01',
        'Tidemill::Gears'    => '0.3',
        'Sluice::Hydraulics' => 0,
    },
    TEST_REQUIRES    => { 'Test::More' => '0.98', 'Test::Deep' => '1.130' },
    test             => { TESTS => 't/*.t' },
);
'''

MANIFEST = "\n".join(["Makefile.PL", "MANIFEST", "lib/Tidemill.pm", "lib/Tidemill/Sluice.pm",
                      "lib/Tidemill/Millpond.pm", "lib/Tidemill/Wheel.pm", "lib/Tidemill/Miller.pm",
                      "lib/Tidemill/Ledger.pm", "lib/Tidemill/Gears.pm", "t/00-load.t", "t/01-sluice.t",
                      "t/11-gears.t", "Changes"]) + "\n"


def material(tmp: Path) -> Path:
    rng = random.Random(SEED)
    root = tmp / "tidemill"
    if root.exists():
        shutil.rmtree(root)
    files = dict(MODULES)
    files.update(BIN)
    files.update(tests(rng))
    files.update(tides(rng))
    files.update(AWK)
    files.update(SED)
    files.update(BASH)
    files["Makefile.PL"] = MAKEFILE_PL
    files["MANIFEST"] = MANIFEST
    files["logs/tide.log"] = logs(rng)
    for rel, body in files.items():
        write(root / rel, body)
    return root


def copy(root: Path, name: str) -> Path:
    dst = root.parent / name
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(root, dst)
    return dst


# ------------------------------------------------------------------ steps

def steps() -> list:
    return [perl_tools, text_tools]


def perl_tools(tmp: Path) -> None:
    root = material(tmp)
    # raw Test::More TAP (new)
    cap("test-more-tap-sluice", "perl -Ilib t/01-sluice.t 2>&1", root, n_test_more_tap)
    cap("test-more-tap-wheel-fill", "for t in t/03-wheel.t t/09-fill.t; do perl -Ilib $t; done 2>&1", root,
        n_test_more_tap)
    cap("test-more-tap-miller", "perl -Ilib t/04-miller.t 2>&1", root, n_test_more_tap)
    cap("test-more-tap-ledger", "perl -Ilib t/05-ledger.t 2>&1", root, n_test_more_tap)
    cap("test-more-tap-plan-todo", "for t in t/06-plan.t t/07-todo-skip.t t/08-mills.t; do perl -Ilib $t; done 2>&1",
        root, n_test_more_tap)
    # prove variants (new)
    cap("prove-timer-all", "prove -l --timer t", root, n_prove_timer)
    cap("prove-timer-verbose", "prove -lv --timer t/01-sluice.t t/02-millpond.t t/03-wheel.t", root, n_prove_timer)
    cap("prove-timer-bail", "prove -l --timer xt t; echo EXIT=$?", root, n_prove_timer)
    cap("prove-jobs-3", "prove -l -j3 t", root, n_prove_jobs)
    cap("prove-jobs-merge", "prove -l -j2 --merge t", root, n_prove_jobs)
    cap("prove-jobs-verbose", "prove -lv -j2 t/05-ledger.t t/06-plan.t t/07-todo-skip.t t/08-mills.t "
        "t/09-fill.t", root, n_prove_jobs)
    cm.run("prove -l --state=save t >/dev/null 2>&1", cwd=root)
    cap("prove-state-failed", "prove -l --state=failed", root, n_prove_state)
    cap("prove-state-failed-verbose", "prove -lv --state=failed,save", root, n_prove_state)
    # prove as the corpus has it (round 1's rule)
    cap("prove-l", "prove -l t", root, n_prove)
    # MakeMaker (new)
    mk = copy(root, "tidemill-mm")
    cap("make-test-full", "perl Makefile.PL && make && make test", mk, n_make_test)
    mk2 = copy(root, "tidemill-mm2")
    cap("make-test-verbose", "perl Makefile.PL >/dev/null 2>&1; make test TEST_VERBOSE=1 "
        "TEST_FILES='t/02-millpond.t t/04-miller.t'", mk2, n_make_test)
    mk3 = copy(root, "tidemill-mm3")
    cap("makefile-pl-then-test", "perl Makefile.PL; make test 2>&1 | tail -n 40", mk3, n_make_test)
    # the debugger's AutoTrace (new)
    env = {"PERLDB_OPTS": "NonStop=1 AutoTrace=1"}
    cap("perl-d-trace-report", 'PERLDB_OPTS="NonStop=1 AutoTrace=1" perl -d -Ilib bin/tide_report.pl 2>&1 | '
        'tail -n 150',
        root, n_debugger_trace, env=env)
    cap("perl-d-trace-grist", 'PERLDB_OPTS="NonStop=1 AutoTrace=1" perl -d -Ilib bin/grist.pl 2>&1',
        root, n_debugger_trace, env=env)
    cap("perl-d-trace-warn", 'PERLDB_OPTS="NonStop=1 AutoTrace=1" perl -d -Ilib bin/warn.pl 2>&1 | tail -n 120',
        root, n_debugger_trace, env=env)
    # compile checks and warnings (the corpus's kinds)
    cap("perl-wc-all", "for f in lib/Tidemill.pm lib/Tidemill/*.pm bin/*.pl; do perl -Ilib -wc $f; done 2>&1",
        root, N_PERL_C)
    cap("perl-w-bin", 'for s in bin/*.pl; do echo "== $s"; perl -Ilib -w $s; done 2>&1', root, n_perl_warnings)
    cap("splain-warn", "perl -Ilib -w bin/warn.pl 2>&1 | splain", root, n_perl_diagnostics)
    # POD (podchecker: the corpus's; pod2text: new)
    cap("podchecker-lib", "podchecker lib/Tidemill.pm lib/Tidemill/*.pm", root, n_podchecker)
    cap("pod2text-millpond", "pod2text lib/Tidemill/Millpond.pm", root, n_pod2text)
    # (pod2text's second argument is an OUTPUT file: one page a command)
    cap("pod2text-tidemill", "pod2text lib/Tidemill.pm; pod2text lib/Tidemill/Sluice.pm", root, n_pod2text)
    cap("pod2text-text-wrap", "pod2text /usr/share/perl/5.36/Text/Wrap.pm", root, n_pod2text)
    cap("pod2text-getopt-long", "pod2text /usr/share/perl/5.36/Getopt/Long.pm", root, n_pod2text)
    # corelist (new)
    cap("corelist-modules", "corelist Carp Exporter File::Spec Getopt::Long JSON::PP List::Util POSIX Scalar::Util "
        "Test::More Time::Local Tidemill::Gears Sluice::Hydraulics Test::Deep", root, n_corelist)
    cap("corelist-a-json-pp", "corelist -a JSON::PP List::Util", root, n_corelist)
    cap("corelist-v-5036", "corelist -v 5.036000", root, n_corelist)
    cap("corelist-diff", "corelist --diff 5.032000 5.036000", root, n_corelist)
    # json_pp (new)
    cap("json-pp-tides", 'for f in tides/*.json; do echo "== $f"; json_pp < "$f"; done 2>&1', root, n_json_pp)


def text_tools(tmp: Path) -> None:
    root = tmp / "tidemill"
    # sed --debug (new)
    cap("sed-debug-clean", "sed --debug -f sed/clean.sed logs/tide.log | head -n 400", root, n_sed_debug)
    cap("sed-debug-hold", "sed --debug -n -f sed/hold.sed logs/tide.log", root, n_sed_debug)
    cap("sed-debug-errors", "for s in sed/broken.sed sed/unterminated.sed; do sed --debug -f $s logs/tide.log; "
        "done 2>&1; sed --debug -e 's/S3/sluice-3/;/ERROR/p' -n logs/tide.log", root, n_sed_debug)
    # mawk (new)
    cap("mawk-errors", 'for f in awk/broken_brace.awk awk/broken_syntax.awk awk/runtime_regex.awk '
        'awk/runtime_printf.awk awk/runtime_output.awk; do echo "== $f"; mawk -f $f logs/tide.log; done 2>&1',
        root, n_mawk_error)
    cap("mawk-errors-getline-inline", 'for f in awk/getline.awk awk/tally.awk awk/runtime_printf.awk; do '
        'echo "== $f"; mawk -f $f logs/tide.log nosuch.log; echo "exit=$?"; done 2>&1; '
        "echo '== inline'; mawk '$3 > 2.5 { print $1, $3 ' logs/tide.log 2>&1; "
        "mawk -v pat='S(3' '$2 ~ pat { n++ } END { print n }' logs/tide.log 2>&1; "
        "mawk -v n=0 '{ s += $4 } END { print s / n, s % n }' logs/tide.log", root, n_mawk_error)
    cap("mawk-dump-tally", "mawk -W dump -f awk/tally.awk", root, n_mawk_dump)
    cap("mawk-dump-speed", "mawk -W dump -f awk/speed.awk; mawk -W dump -f awk/getline.awk", root, n_mawk_dump)
    # bash (bash-x, bash-nounset new; bash -n the corpus's)
    cap("bash-x-check-rotate", "bash -x scripts/sluice_check.sh; echo EXIT=$?; bash -x scripts/rotate.sh; "
        "echo EXIT=$?", root, n_bash_x)
    cap("bash-x-report-gauge", "bash -x scripts/report.sh; echo EXIT=$?; bash -x scripts/gauge.sh; echo EXIT=$?",
        root, n_bash_x)
    cap("bash-x-wheel", "bash -x scripts/wheel.sh; echo EXIT=$?", root, n_bash_x)
    cap("bash-nounset-all", 'for s in scripts/sluice_check.sh scripts/rotate.sh scripts/report.sh scripts/wheel.sh '
        'scripts/subst.sh; do echo "== $s"; bash "$s"; echo "exit=$?"; done 2>&1', root, n_bash_nounset)
    cap("bash-nounset-env", 'KEEPER_EMAIL=keeper@eling.test TIDE_HEAD=2.1 bash scripts/report.sh; echo EXIT=$?; '
        'KEEPER_EMAIL=keeper@eling.test bash scripts/sluice_check.sh logs/tide.log; echo EXIT=$?; '
        'bash scripts/subst.sh; echo EXIT=$?; bash scripts/wheel.sh; echo EXIT=$?; bash scripts/gauge.sh; '
        'echo EXIT=$?', root, n_bash_nounset)
    cap("bash-n-scripts", 'for f in scripts/*.sh; do echo "== $f"; bash -n "$f" && echo "syntax ok"; done 2>&1',
        root, n_bash_n)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide780", sys.modules["__main__"])
    main()
