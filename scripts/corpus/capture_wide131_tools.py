"""Round 131, PHP beside PHPUnit: `php -l` over a generated tree of about 300 files with syntax errors put in; scripts
of `ledgerd`'s own that die on chained uncaught exceptions and fail `zend.assertions=1` assertions; `php -i` excerpts;
PHP_CodeSniffer's summary, source, json and diff reports and phpcbf over the project; composer's offline validate,
show --platform and diagnose. The extractors apply NEEDLES.md's "Round 131" rules. Run through capture_wide131.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from capture_more import any_of, groups, kind, mask, named, write_tree
from capture_wide131 import cap, shell_extra
from capture_wide131_proj import BOOTSTRAP, lint_tree, write_project

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 131)


@kind("php-lint-tree", "lint")
def n_php_lint_tree(lines):
    """Round 131: every (PHP) Parse error / Fatal error line and every 'Errors parsing' line; the first and last 'No syntax errors detected' lines; a bare count line the agent printed; EXIT=N lines."""
    out, ok = [], []
    for ln in lines:
        if re.match(r"^(PHP )?(Parse error|Fatal error):", ln) or ln.startswith("Errors parsing "):
            out.append(ln)
        elif ln.startswith("No syntax errors detected in "):
            ok.append(ln)
        elif re.match(r"^\s*\d+\s*$", ln):
            out.append(ln)
    if ok:
        out += list(dict.fromkeys([ok[0], ok[-1]]))
    return out + shell_extra(lines)


@kind("php-exception-chain", "log")
def n_php_exception_chain(lines):
    """Round 131: the Uncaught line and every 'Next <Class>: … in file:line' line, the first #0 frame under each, the thrown in line, the script's last own output line before the fatal; EXIT=N lines."""
    out, first = [], None
    for i, ln in enumerate(lines):
        if re.search(r"(PHP )?Fatal error:\s+Uncaught ", ln) or re.match(r"^(PHP )?\s*Next [\w\\]+", ln):
            out.append(ln)
            if first is None:
                first = i
            f0 = next((lines[k] for k in range(i + 1, min(len(lines), i + 40)) if re.match(r"^(PHP )?\s*#0 ", lines[k])), None)
            if f0:
                out.append(f0)
        elif re.search(r"\bthrown in .* on line \d+", ln):
            out.append(ln)
    if first:
        own = [ln for ln in lines[:first] if ln.strip() and not re.match(r"^(PHP )?(Warning|Notice|Deprecated|Stack trace)", ln)]
        if own:
            out.append(own[-1])
    return out + shell_extra(lines)


ASSERT_WARN = re.compile(r"^(PHP )?Warning:\s+assert\(\): (.*) failed in (\S+) on line \d+")


@kind("php-assertion", "log")
def n_php_assertion(lines):
    """Round 131: assert() warnings one {"any"} per (expression shape, file); every Uncaught AssertionError line, its thrown in line and first #0 frame; the script's closing line when it prints one (its last line); EXIT=N lines."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = ASSERT_WARN.match(ln)
        if m:
            pairs.append(((mask(m.group(2)), m.group(3)), ln))
        elif re.search(r"Fatal error:\s+Uncaught AssertionError", ln):
            out.append(ln)
            f0 = next((lines[k] for k in range(i + 1, min(len(lines), i + 40)) if re.match(r"^(PHP )?\s*#0 ", lines[k])), None)
            if f0:
                out.append(f0)
        elif re.search(r"\bthrown in .* on line \d+", ln):
            out.append(ln)
    tail = [ln for ln in lines if ln.strip() and not re.match(r"^EXIT=\d+$", ln.strip())]
    if tail and re.match(r"^(checked|\d+ checks|summary|done|verdict)", tail[-1], re.I):
        out.append(tail[-1])
    return out + groups(pairs) + shell_extra(lines)


PHP_I_KEYS = re.compile(r"^(PHP Version =>|Configuration File \(php\.ini\) Path|Loaded Configuration File|Scan this dir for additional \.ini files|Additional \.ini files parsed)")
PHP_I_DIRECTIVES = re.compile(r"^(memory_limit|error_reporting|display_errors|max_execution_time|zend\.assertions|opcache\.enable|pcov\.enabled) =>")


@kind("php-i", "listing")
def n_php_i(lines):
    """Round 131: the PHP Version, php.ini path, loaded ini, scan dir and additional ini lines; the memory_limit, error_reporting, display_errors, max_execution_time, zend.assertions, opcache.enable and pcov.enabled lines; EXIT=N lines."""
    return [ln for ln in lines if PHP_I_KEYS.match(ln) or PHP_I_DIRECTIVES.match(ln)] + shell_extra(lines)


def _php_i_grep(lines):
    return [ln for ln in lines if ln.strip()]


# the same kind as n_php_i, read on a grep's lines: every line the grep kept
n_php_i_grep = named("php-i", "listing", "Round 131 (php -i | grep …): every line the grep kept; EXIT=N lines.", _php_i_grep)


@kind("phpcs-summary", "lint")
def n_phpcs_summary(lines):
    """Round 131: the FILE … ERRORS WARNINGS header, the rows with the most errors and with the most warnings (ties {"any"}), the A TOTAL OF … line and the PHPCBF CAN FIX line; EXIT=N lines."""
    out, rows = [], []
    for ln in lines:
        if re.match(r"^FILE\s+ERRORS\s+WARNINGS", ln) or ln.startswith(("A TOTAL OF", "PHPCBF CAN FIX")):
            out.append(ln)
        m = re.match(r"^(\S+\.php)\s+(\d+)\s+(\d+)\s*$", ln)
        if m:
            rows.append((int(m.group(2)), int(m.group(3)), ln))
    for col in (0, 1):
        if rows:
            top = max(r[col] for r in rows)
            out.append(any_of([r[2] for r in rows if r[col] == top]))
    return out + shell_extra(lines)


@kind("phpcs-source", "lint")
def n_phpcs_source(lines):
    """Round 131: the SOURCE/COUNT header, the three rows with the largest counts, rows counted once or twice (at most six, one {"any"}), the A TOTAL OF … line and the PHPCBF CAN FIX line; EXIT=N lines."""
    out, rows = [], []
    for ln in lines:
        if re.search(r"\bSOURCE\b.*\bCOUNT$|STANDARD\s+CATEGORY\s+SNIFF\s+COUNT", ln) or ln.startswith(("A TOTAL OF", "PHPCBF CAN FIX")):
            out.append(ln)
        m = re.match(r"^\[[ x]\] .*\s(\d+)$", ln)
        if m:
            rows.append((int(m.group(1)), ln))
    ranked = sorted(rows, key=lambda r: -r[0])
    out += [r[1] for r in ranked[:3]]
    rare = [r[1] for r in rows if r[0] <= 2][:6]
    if rare:
        out.append(any_of(rare))
    return out + shell_extra(lines)


@kind("phpcs-json", "lint")
def n_phpcs_json(lines):
    """Round 131: the totals' errors/warnings/fixable lines; every file key line whose errors is not 0; ERROR messages one {"any"} per (source, file); warnings one {"any"} per source; EXIT=N lines."""
    out, pairs = [], []
    in_totals, fkey, ferr_pending = False, None, None
    msg = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith('"totals"'):
            in_totals = True
            continue
        if in_totals:
            if re.match(r'^"(errors|warnings|fixable)": \d+', s):
                out.append(ln)
            if s.startswith("}"):
                in_totals = False
            continue
        m = re.match(r'^"(/[^"]+\.php)": \{$', s)
        if m:
            fkey = m.group(1)
            e = next((lines[k] for k in range(i + 1, min(len(lines), i + 3)) if re.match(r'^\s*"errors": \d+', lines[k])), None)
            if e and not re.search(r'"errors": 0\b', e):
                out.append(ln)
            continue
        if s.startswith('"message":'):
            msg = ln
            src = typ = None
            for k in range(i + 1, min(len(lines), i + 8)):
                t = lines[k].strip()
                if t.startswith('"source":'):
                    src = t
                elif t.startswith('"type":'):
                    typ = t
                if t.startswith("}"):
                    break
            if typ and "ERROR" in typ:
                pairs.append((("E", src, fkey), msg))
            else:
                pairs.append((("W", src), msg))
    return out + groups(pairs) + shell_extra(lines)


@kind("phpcs-diff", "lint")
def n_phpcs_diff(lines):
    """Round 131: every '--- ' file header and every @@ hunk header; EXIT=N lines."""
    return [ln for ln in lines if ln.startswith("--- ") or ln.startswith("@@")] + shell_extra(lines)


@kind("phpcbf-report", "lint")
def n_phpcbf_report(lines):
    """Round 131: the PHPCBF RESULT SUMMARY and FILE … FIXED REMAINING headers, every file row with REMAINING not 0, the A TOTAL OF … FIXED line, any ERROR / FAILED TO FIX line; EXIT=N lines."""
    out = []
    for ln in lines:
        if ln.startswith(("PHPCBF RESULT SUMMARY", "A TOTAL OF")) or re.match(r"^FILE\s+FIXED\s+REMAINING", ln):
            out.append(ln)
        elif re.search(r"\bERROR\b|FAILED TO FIX", ln):
            out.append(ln)
        else:
            m = re.match(r"^(\S+\.php)\s+(\d+|FAILED TO FIX)\s+(\d+)\s*$", ln)
            if m and m.group(3) != "0":
                out.append(ln)
    return out + shell_extra(lines)


@kind("composer-validate", "pkg")
def n_composer_validate(lines):
    """Round 131: every '# … errors/warnings' section line and every '- ' line under it, and the verdict line; EXIT=N lines."""
    out, in_sec = [], False
    for ln in lines:
        if re.match(r"^# .*(errors?|warnings?)$", ln, re.I):
            out.append(ln)
            in_sec = True
        elif in_sec and ln.startswith("- "):
            out.append(ln)
        elif re.search(r"composer\.json is (valid|invalid)", ln):
            out.append(ln)
            in_sec = False
        elif not ln.strip():
            in_sec = False
    return out + shell_extra(lines)


SHOW_ASKED = {"php", "composer", "composer-plugin-api", "composer-runtime-api", "ext-pcov", "ext-mbstring", "ext-intl",
              "ext-sodium", "lib-pcre", "lib-openssl", "lib-icu"}


@kind("composer-show-platform", "pkg")
def n_composer_show_platform(lines):
    """Round 131: the php, composer, composer-plugin-api and composer-runtime-api rows and the ext-pcov, ext-mbstring, ext-intl, ext-sodium, lib-pcre, lib-openssl, lib-icu rows; EXIT=N lines."""
    return [ln for ln in lines if ln.split(" ", 1)[0] in SHOW_ASKED] + shell_extra(lines)


@kind("composer-diagnose", "pkg")
def n_composer_diagnose(lines):
    """Round 131: every Checking … line whose verdict is not OK with the first detail line after it, the Composer version: and PHP version: lines; EXIT=N lines."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Checking ") and not re.search(r":\s*OK\b", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("Checking "):
                out.append(lines[i + 1])
        elif ln.startswith(("Composer version:", "PHP version:")):
            out.append(ln)
    return out + shell_extra(lines)


# ------------------------------------------------------------------ steps

PHP_ENV = "php -d display_errors=stderr -d error_reporting=E_ALL"

CLOSE_PERIOD = r"""<?php
declare(strict_types=1);

require __DIR__ . '/../bootstrap.php';

use Ledgerd\AmountParser;
use Ledgerd\Ledger;

final class PeriodCloser
{
    public function __construct(private Ledger $ledger, private AmountParser $parser)
    {
    }

    public function importStatement(string $path): int
    {
        $n = 0;
        foreach (file($path, FILE_IGNORE_NEW_LINES) as $no => $line) {
            try {
                $row = $this->parser->parseLine($line);
                $this->ledger->post($row['date'], $row['memo'], [$row['account'] => $row['cents'] / 100, 'assets:bank' => -$row['cents'] / 100]);
                $n++;
                echo sprintf("imported %-5d %s %-22s %10.2f\n", $no + 1, $row['date'], $row['account'], $row['cents'] / 100);
            } catch (\Throwable $e) {
                throw new \RuntimeException(sprintf('statement %s, line %d: cannot import', basename($path), $no + 1), 3, $e);
            }
        }
        return $n;
    }

    public function close(string $month, array $statements): void
    {
        try {
            foreach ($statements as $s) {
                $this->importStatement($s);
            }
        } catch (\RuntimeException $e) {
            throw new \LogicException("period $month cannot be closed", 7, $e);
        }
    }
}

$rows = (int) ($argv[2] ?? 120);
$bad = (int) ($argv[3] ?? 97);
$path = sys_get_temp_dir() . '/statement-' . $argv[1] . '.csv';
$accounts = ['expenses:fuel', 'expenses:rent', 'income:sales', 'expenses:travel', 'expenses:fees'];
$out = [];
mt_srand(131);
for ($i = 1; $i <= $rows; $i++) {
    $amount = number_format(mt_rand(100, 99999) / 100, 2, ',', '');
    $out[] = $i === $bad ? sprintf('2024-%s-%02d;%s', $argv[1], 1 + $i % 28, $accounts[$i % 5])
                         : sprintf('2024-%s-%02d;%s;%s;ref %d', $argv[1], 1 + $i % 28, $accounts[$i % 5], $amount, $i);
}
file_put_contents($path, implode("\n", $out) . "\n");
(new PeriodCloser(new Ledger(), new AmountParser()))->close('2024-' . $argv[1], [$path]);
echo "closed\n";
"""

ASSERTS = r"""<?php
declare(strict_types=1);

require __DIR__ . '/../bootstrap.php';

use Ledgerd\Money;

$n = (int) ($argv[1] ?? 200);
mt_srand(1313);
$checked = 0;
for ($i = 0; $i < $n; $i++) {
    $cents = mt_rand(1, 100000);
    $ratios = [mt_rand(1, 5), mt_rand(1, 5), mt_rand(1, 5)];
    $parts = (new Money($cents))->allocate(...$ratios);
    $sum = array_sum(array_map(fn (Money $m) => $m->cents, $parts));
    assert($sum === $cents, "allocation of $cents over " . implode(':', $ratios) . " sums to $sum");
    assert(count($parts) === 3);
    if ($i % 37 === 0) {
        assert(str_ends_with((new Money(-$cents))->format(), 'EUR') && $cents < 90000);
    }
    $checked++;
}
echo "checked $checked allocations\n";
"""


def lint(tmp: Path) -> None:
    t = tmp / "legacy-app"
    if t.exists():
        shutil.rmtree(t)
    lint_tree(t)
    cap("php-l-find-exec", "find . -name '*.php' -exec php -l {} \\;", t, n_php_lint_tree, timeout=900)
    cap("php-l-xargs-grep-v", "find app lib tests -name '*.php' -print0 | sort -z | xargs -0 -n1 php -l 2>&1 | grep -v '^No syntax errors'; "
        "find . -name '*.php' | wc -l", t, n_php_lint_tree, timeout=900)
    cap("php-l-loop-tail-60", "for f in $(find lib -name '*.php' | sort); do php -l \"$f\"; done 2>&1 | tail -n 60; echo EXIT=$?",
        t, n_php_lint_tree, timeout=900)


def exceptions(tmp: Path) -> None:
    root = tmp / "ledgerd-scripts"
    write_project(root, seed=9, buggy=0, fail_split=0)
    write_tree(root, {"bin/close-period.php": CLOSE_PERIOD, "bin/check-allocations.php": ASSERTS, "bootstrap.php": BOOTSTRAP})
    cap("php-close-period-chain", f"{PHP_ENV} bin/close-period.php 03 140 97", root, n_php_exception_chain)
    cap("php-close-period-chain-tail-40", f"{PHP_ENV} bin/close-period.php 04 400 388 2>&1 | tail -n 40", root,
        n_php_exception_chain)
    cap("php-close-period-chain-exit", f"php bin/close-period.php 05 30 12; echo EXIT=$?", root, n_php_exception_chain)
    cap("php-assert-warnings", f"{PHP_ENV} -d zend.assertions=1 -d assert.exception=0 bin/check-allocations.php 400",
        root, n_php_assertion)
    cap("php-assert-warnings-head-100", f"{PHP_ENV} -d zend.assertions=1 -d assert.exception=0 bin/check-allocations.php 2000 2>&1 | head -n 100",
        root, n_php_assertion)
    cap("php-assert-exception", f"{PHP_ENV} -d zend.assertions=1 bin/check-allocations.php 50; echo EXIT=$?", root, n_php_assertion)


def info(tmp: Path) -> None:
    cap("php-i-head-140", "php -i | head -n 140", tmp, n_php_i)
    cap("php-i-grep", "php -i | grep -iE 'ini|memory|error|assert|pcov|opcache.enable'", tmp, n_php_i_grep)


def sniff(tmp: Path) -> None:
    root = tmp / "ledgerd-cs"
    if root.exists():
        shutil.rmtree(root)
    write_project(root, seed=131, buggy=0, fail_split=3)
    cap("phpcs-psr12-summary", "phpcs --standard=PSR12 --report=summary src tests", root, n_phpcs_summary)
    cap("phpcs-squiz-summary-exit", "phpcs --standard=Squiz --report=summary src; echo EXIT=$?", root, n_phpcs_summary)
    cap("phpcs-psr12-source", "phpcs --standard=PSR12 --report=source src tests", root, n_phpcs_source)
    cap("phpcs-squiz-source", "phpcs --standard=Squiz --report=source -s src", root, n_phpcs_source)
    cap("phpcs-psr12-json", "phpcs --standard=PSR12 --report=json src/*.php src/Rules/[A-D]*.php | python3 -m json.tool", root, n_phpcs_json)
    cap("phpcs-psr2-json-jq-head-200", "phpcs --standard=PSR2 --report=json src tests | jq . | head -n 200", root, n_phpcs_json)
    cap("phpcs-psr12-diff", "phpcs --standard=PSR12 --report=diff src", root, n_phpcs_diff)
    cap("phpcs-psr12-diff-head-120", "phpcs --standard=PSR12 --report=diff tests 2>&1 | head -n 120", root, n_phpcs_diff)
    cap("phpcbf-psr12", "phpcbf --standard=PSR12 src", root, n_phpcbf_report)
    cap("phpcbf-squiz-exit", "phpcbf --standard=Squiz tests; echo EXIT=$?", root, n_phpcbf_report)


COMPOSER_JSON = {
    "name": "acme/ledgerd",
    "description": "Double-entry bookkeeping for the back office",
    "version": "1.4.0",
    "type": "library",
    "require": {"php": ">=8.1", "ext-pcov": "*", "ext-intl": "*", "monolog/monolog": "*", "symfony/console": "dev-main",
                "psr/log": ">=1.0"},
    "require-dev": {"phpunit/phpunit": "^9.6"},
    "autoload": {"psr-4": {"Ledgerd\\": "src"}},
    "minimum-stability": "dev",
}


def composer(tmp: Path) -> None:
    root = tmp / "ledgerd-composer"
    home = tmp / "composer-home"
    home.mkdir(parents=True, exist_ok=True)
    write_project(root, seed=131, buggy=0, fail_split=0)
    (root / "composer.json").write_text(json.dumps(COMPOSER_JSON, indent=4) + "\n")
    (root / "composer.lock").write_text(json.dumps({"content-hash": "0" * 32, "packages": [], "packages-dev": []}, indent=4) + "\n")
    env = {"HOME": str(home), "COMPOSER_HOME": str(home / ".composer"), "COMPOSER_NO_INTERACTION": "1"}
    cap("composer-validate", "composer validate", root, n_composer_validate, env=env)
    cap("composer-validate-strict-exit", "composer validate --strict --with-dependencies; echo EXIT=$?", root,
        n_composer_validate, env=env)
    cap("composer-show-platform", "composer show --platform", root, n_composer_show_platform, env=env)
    cap("composer-diagnose", "composer diagnose; echo EXIT=$?", root, n_composer_diagnose, env=env, timeout=300)


STEPS = [lint, exceptions, info, sniff, composer]
