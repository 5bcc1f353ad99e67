"""Round 24, other languages' linters the corpus had not seen (or seen once): PHP under phpcs and phpmd, Perl
under perlcritic, shell under shfmt, Java under checkstyle, on a small 'polyglot' tree written here. Rules:
NEEDLES.md (rules 1-3). Run through capture_wide24.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_wide24 import cap, diag

PHP_SRC = r'''<?php
namespace Meter;

class TariffCalculator
{
    private $rates = array();
    public $debug;

    function __construct($rates, $debug = false) {
        $this->rates = $rates;
        $this->debug = $debug;
    }

    public function price($hour, $kwh, $weekend) {
        $unused = 42;
        if ($weekend == true) {
            if ($hour < 7) { return $kwh * $this->rates['night']; }
            else if ($hour < 18) { return $kwh * $this->rates['day'] * 0.9; }
            else { return $kwh * $this->rates['evening']; }
        }
        else {
            if ($hour < 6) return $kwh * $this->rates['night'];
            elseif ($hour < 17) return $kwh * $this->rates['day'];
            elseif ($hour < 21) return $kwh * $this->rates['peak'];
            else return $kwh * $this->rates['evening'];
        }
    }

    public function bill(array $readings) {
        $total = 0;
        foreach ($readings as $i => $r) {
            $total = $total + $this->price($r['hour'], $r['kwh'], $r['weekend']);
            if ($this->debug) echo "line $i: $total\n";
        }
        return round($total, 2);
    }

    public static function from_env() {
        $raw = getenv('METER_RATES');
        eval('$rates = ' . $raw . ';');
        return new TariffCalculator($rates);
    }
}

function format_kwh($v){return number_format($v,2).' kWh';}
'''


N_CHECKSTYLE = diag(
    "checkstyle", "lint", "checkstyle: every [ERROR] line; [WARN] lines one {\"any\"} per ([Check], file); "
    "'Audit done' and the closing count; rules 1,3.", err=r"^\[ERROR\]", warn=r"^\[WARN\]",
    wkey=r"^\[WARN\] (\S+?):\d+.*\[(\w+)\]$", summary=r"^Audit done|^Checkstyle ends with")


N_PHPMD = diag(
    "phpmd", "lint", "phpmd (text): findings carry no level: one {\"any\"} per (rule, file); rule 1.",
    warn=r"\.php:\d+\s", wkey=r"^(\S+?):\d+\s+(\w+)")


N_PHPCS = diag(
    "phpcs", "lint", "phpcs: every ERROR row (with its FILE: header); WARNING rows one {\"any\"} per (message "
    "shape, file); the 'FOUND N ERRORS' lines; rules 1,3.", err=r"\|\s+ERROR\s+\||^FILE: ",
    warn=r"\|\s+WARNING\s+\|", summary=r"^FOUND \d+ ERRORS?|PHPCBF CAN FIX")


def php_perl_shell(tmp: Path) -> None:
    root = tmp / "polyglot"
    files = {f"src/Tariff{i}.php": PHP_SRC.replace("TariffCalculator", f"TariffCalculator{i}") for i in range(1, 5)}
    files.update({f"lib/Meter/{m}.pm": PERL_SRC.replace("Import", m) for m in ("Import", "Export", "Audit", "Sync")})
    files.update({
                  "bin/rotate.sh": SHELL_SRC, "bin/deploy.sh": SHELL_SRC.replace("rotate", "deploy"),
                  "src/main/java/meter/Tariff.java": JAVA_SRC})
    write_tree(root, files)
    cap("phpcs-psr12", "phpcs --standard=PSR12 src 2>&1", root, N_PHPCS)
    cap("phpmd-text", "phpmd src text cleancode,codesize,design,naming,unusedcode 2>&1", root, N_PHPMD)
    cap("perlcritic-brutal", "perlcritic --brutal --verbose 8 lib 2>&1", root, diag(
        "perlcritic", "lint", "perlcritic --verbose 8: findings of severity 5 each; others one {\"any\"} per (policy, "
        "file); rule 1.", err=r"\(Severity: 5\)", warn=r"\(Severity: [1-4]\)",
        wkey=r"^(\S+?): \[([\w:]+)\]"))
    cap("shfmt-d", "shfmt -d -i 2 -ci bin/ 2>&1", root, diag(
        "shfmt-d", "lint", "shfmt -d: every diff's file header ('--- a/x' / '+++ b/x') and hunk header (rule 1: each "
        "names a place that is not formatted).", err=r"^(---|\+\+\+) |^@@ "))
    cap("checkstyle-google", "checkstyle -c /google_checks.xml src/main/java 2>&1", root, N_CHECKSTYLE)
    cap("checkstyle-sun", "checkstyle -c /sun_checks.xml src/main/java 2>&1", root, N_CHECKSTYLE)
    # a few real JDK sources vendored into the tree (the JDK's src.zip), as a project copies a class it patches
    srczip = next(p for p in Path("/usr/lib/jvm").glob("*/lib/src.zip") if p.exists())
    run(f"unzip -q -o -j {srczip} 'java.base/java/util/StringJoiner.java' "
        "'java.base/java/util/Optional.java' 'java.base/java/util/Objects.java' -d src/main/java/vendor 2>&1", cwd=root)
    cap("checkstyle-google-vendor", "checkstyle -c /google_checks.xml src/main/java/vendor 2>&1", root, N_CHECKSTYLE)
    cap("phpcs-phpmd-sources", "phpcs --standard=PSR12 --report=full /usr/share/php/PHPMD/Rule/Design 2>&1 "
        "| head -n 700", root, N_PHPCS)


PERL_SRC = r'''package Meter::Import;
use warnings;
use base 'Exporter';
our @EXPORT = qw(load_readings peak);

sub load_readings {
    my $file = shift;
    open(FH, "<$file") || die "cannot open $file";
    my @rows;
    while (<FH>) {
        chomp;
        next if /^#/;
        my ($site, $kwh, $hour) = split /,/;
        push @rows, { site => $site, kwh => $kwh, hour => $hour };
    }
    close FH;
    return @rows;
}

sub peak {
    my @rows = @_;
    my $best = 0;
    foreach my $r (@rows) { $best = $r->{kwh} if $r->{kwh} > $best }
    return $best;
}

sub classify {
    my ($kwh, $hour) = @_;
    return unless defined $kwh;
    if ($hour < 7) { return 1 } elsif ($hour < 17) { return $kwh > 5 ? 3 : 2 } else { return 4 }
}

sub dump_all { my $x = shift; print STDERR join(",", map { "$_=$x->{$_}" } sort keys %$x), "\n"; }
1;
'''

SHELL_SRC = r'''#!/bin/bash
# rotate meter logs and ship them
set -e
LOG_DIR=${1:-/var/log/meterd}
KEEP=7
function rotate {
    for f in $(ls $LOG_DIR/*.log); do
    if [ -s $f ]; then
            mv $f $f.$(date +%Y%m%d)
            gzip -9 $f.$(date +%Y%m%d)
        fi
    done
}
case "$2" in
  ship) scp $LOG_DIR/*.gz backup:/srv/logs/ ;;
  prune)
  find $LOG_DIR -name '*.gz' -mtime +$KEEP -delete
  ;;
  *) rotate;;
esac
if [[ $? -ne 0 ]] ; then echo "failed" ; exit 1 ; fi
'''

JAVA_SRC = r'''package meter;

import java.util.*;
import java.io.*;

public class Tariff {
    private double base_rate;
    public static final int peakStart = 17;
    private Map<String,Double> Bands = new HashMap<>();

    public Tariff(double base_rate) { this.base_rate = base_rate; }

    public double Price(int hour, double kwh) {
        if (hour < 7) return kwh * base_rate * 0.6;
        else if (hour >= peakStart && hour < 21) { return kwh * base_rate * 1.8; }
        return kwh*base_rate;
    }

    public List<String> read(String path) throws IOException {
        BufferedReader r = new BufferedReader(new FileReader(path));
        List<String> out = new ArrayList<String>();
        String line;
        while ((line = r.readLine()) != null) { if (line.startsWith("#")) continue; out.add(line); }
        r.close();
        return out;
    }

    public static void main(String[] args) {
      Tariff t = new Tariff(0.31);
      System.out.println(t.Price(18, 4.5));
    }
}
'''


STEPS = [php_perl_shell]
