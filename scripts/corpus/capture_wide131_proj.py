"""Round 131's project: `ledgerd`, a small double-entry bookkeeping library in PHP written here with bugs put in
(money allocation loses cents, a journal balance check compares floats, a CSV amount parser misreads `1.234,50`, a
period closer skips the last day), widened by a seeded generator to about forty posting-rule classes with PHPUnit
tests, risky, incomplete and skipped tests among them. `write_project(root, seed)` writes it; `lint_tree` writes a
tree of about 300 files, a few with syntax errors. Run through capture_wide131.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import write_tree

MONEY = r"""<?php
declare(strict_types=1);

namespace Ledgerd;

final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency = 'EUR')
    {
        if (strlen($currency) !== 3) {
            throw new \InvalidArgumentException("currency must be an ISO code, got '$currency'");
        }
    }

    public static function of(string $amount, string $currency = 'EUR'): self
    {
        return new self((int) round(((float) $amount) * 100), $currency);
    }

    public function add(Money $other): self
    {
        if ($other->currency !== $this->currency) {
            throw new CurrencyMismatch($this->currency, $other->currency);
        }
        return new self($this->cents + $other->cents, $this->currency);
    }

    public function negate(): self
    {
        return new self(-$this->cents, $this->currency);
    }

    /** @return Money[] */
    public function allocate(int ...$ratios): array
    {
        $total = array_sum($ratios);
        $out = [];
        foreach ($ratios as $r) {
            // bug: the remainder of the integer division is dropped instead of spread
            $out[] = new self(intdiv($this->cents * $r, $total), $this->currency);
        }
        return $out;
    }

    public function format(): string
    {
        $sign = $this->cents < 0 ? '-' : '';
        $abs = abs($this->cents);
        return sprintf('%s%d.%02d %s', $sign, intdiv($abs, 100), $abs % 100, $this->currency);
    }
}
"""

MISMATCH = r"""<?php
declare(strict_types=1);

namespace Ledgerd;

final class CurrencyMismatch extends \DomainException
{
    public function __construct(string $a, string $b)
    {
        parent::__construct("cannot combine $a with $b");
    }
}
"""

LEDGER = r"""<?php
declare(strict_types=1);

namespace Ledgerd;

final class Ledger
{
    /** @var array<string, int> */
    private array $balances = [];
    /** @var list<array{date: string, memo: string, lines: array<string, float>}> */
    private array $journal = [];

    public function post(string $date, string $memo, array $lines): void
    {
        $sum = 0.0;
        foreach ($lines as $account => $amount) {
            $sum += $amount;
        }
        // bug: floats summed and compared exactly
        if ($sum != 0.0) {
            throw new UnbalancedEntry($memo, $sum);
        }
        foreach ($lines as $account => $amount) {
            $this->balances[$account] = ($this->balances[$account] ?? 0) + (int) ($amount * 100);
        }
        $this->journal[] = ['date' => $date, 'memo' => $memo, 'lines' => $lines];
    }

    public function balance(string $account): int
    {
        return $this->balances[$account];
    }

    public function entriesBetween(string $from, string $to): array
    {
        // bug: the last day of the period is left out
        return array_values(array_filter($this->journal, fn ($e) => $e['date'] >= $from && $e['date'] < $to));
    }

    public function trialBalance(): int
    {
        return array_sum($this->balances);
    }
}
"""

UNBALANCED = r"""<?php
declare(strict_types=1);

namespace Ledgerd;

final class UnbalancedEntry extends \RuntimeException
{
    public function __construct(string $memo, float $off)
    {
        parent::__construct(sprintf("entry '%s' is off by %.17g", $memo, $off));
    }
}
"""

PARSER = r"""<?php
declare(strict_types=1);

namespace Ledgerd;

final class AmountParser
{
    public function parse(string $text): int
    {
        $text = trim($text);
        $neg = str_starts_with($text, '(') && str_ends_with($text, ')');
        $text = trim($text, '()');
        // bug: a dot is always read as the decimal separator, so '1.234,50' is 1.234
        $text = str_replace(' ', '', $text);
        if (str_contains($text, ',') && !str_contains($text, '.')) {
            $text = str_replace(',', '.', $text);
        }
        $cents = (int) round((float) $text * 100);
        return $neg ? -$cents : $cents;
    }

    public function parseLine(string $line): array
    {
        [$date, $account, $amount, $memo] = str_getcsv($line, ';');
        return ['date' => $date, 'account' => $account, 'cents' => $this->parse($amount), 'memo' => $memo];
    }
}
"""

BOOTSTRAP = r"""<?php
spl_autoload_register(function (string $class): void {
    $prefix = 'Ledgerd\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
"""

PHPUNIT_XML = """<?xml version="1.0" encoding="UTF-8"?>
<phpunit bootstrap="bootstrap.php" colors="false" beStrictAboutOutputDuringTests="true">
  <testsuites>
    <testsuite name="ledgerd">
      <directory>tests</directory>
    </testsuite>
  </testsuites>
  <coverage>
    <include>
      <directory suffix=".php">src</directory>
    </include>
  </coverage>
</phpunit>
"""

MONEY_TEST = r"""<?php
declare(strict_types=1);

use Ledgerd\CurrencyMismatch;
use Ledgerd\Money;
use PHPUnit\Framework\TestCase;

final class MoneyTest extends TestCase
{
    public function testAddsSameCurrency(): void
    {
        $this->assertSame(350, Money::of('1.50')->add(Money::of('2.00'))->cents);
    }

    public function testRefusesMixedCurrencies(): void
    {
        $this->expectException(CurrencyMismatch::class);
        Money::of('1', 'EUR')->add(Money::of('1', 'USD'));
    }

    /** @dataProvider allocations */
    public function testAllocationKeepsEveryCent(string $amount, array $ratios, array $expected): void
    {
        $parts = Money::of($amount)->allocate(...$ratios);
        $this->assertSame($expected, array_map(fn (Money $m) => $m->cents, $parts));
    }

    public function allocations(): array
    {
        return [
            'even halves' => ['10.00', [1, 1], [500, 500]],
            'thirds' => ['10.00', [1, 1, 1], [334, 333, 333]],
            'seventy thirty' => ['0.05', [7, 3], [4, 1]],
            'single' => ['99.99', [1], [9999]],
            'quarters of a cent' => ['0.03', [1, 1, 1, 1], [1, 1, 1, 0]],
        ];
    }

    /** @dataProvider formats */
    public function testFormat(int $cents, string $expected): void
    {
        $this->assertSame($expected, (new Money($cents))->format());
    }

    public function formats(): array
    {
        return [[0, '0.00 EUR'], [5, '0.05 EUR'], [-1999, '-19.99 EUR'], [123456, '1234.56 EUR']];
    }

    public function testCurrencyCodeLength(): void
    {
        $this->expectException(InvalidArgumentException::class);
        new Money(1, 'EURO');
    }

    public function testNegateTwiceIsIdentity(): void
    {
        $m = Money::of('12.34');
        $this->assertEquals($m, $m->negate()->negate());
    }

    public function testLargeAmountsDoNotOverflow(): void
    {
        $this->markTestIncomplete('needs bcmath amounts above PHP_INT_MAX / 100');
    }
}
"""

LEDGER_TEST = r"""<?php
declare(strict_types=1);

use Ledgerd\Ledger;
use Ledgerd\UnbalancedEntry;
use PHPUnit\Framework\TestCase;

final class LedgerTest extends TestCase
{
    private Ledger $ledger;

    protected function setUp(): void
    {
        $this->ledger = new Ledger();
    }

    public function testBalancedEntryIsPosted(): void
    {
        $this->ledger->post('2024-03-01', 'rent', ['expenses:rent' => 850.0, 'assets:bank' => -850.0]);
        $this->assertSame(85000, $this->ledger->balance('expenses:rent'));
    }

    public function testThreeWaySplitBalances(): void
    {
        $this->ledger->post('2024-03-02', 'groceries', ['expenses:food' => 0.1, 'expenses:household' => 0.2, 'assets:cash' => -0.3]);
        $this->assertSame(0, $this->ledger->trialBalance());
    }

    public function testUnbalancedEntryIsRefused(): void
    {
        $this->expectException(UnbalancedEntry::class);
        $this->ledger->post('2024-03-03', 'typo', ['expenses:fuel' => 60.0, 'assets:bank' => -6.0]);
    }

    public function testUnknownAccountBalanceIsZero(): void
    {
        $this->assertSame(0, $this->ledger->balance('assets:savings'));
    }

    public function testPeriodIncludesLastDay(): void
    {
        foreach (['2024-03-01', '2024-03-15', '2024-03-31'] as $d) {
            $this->ledger->post($d, "entry $d", ['a' => 1.0, 'b' => -1.0]);
        }
        $this->assertCount(3, $this->ledger->entriesBetween('2024-03-01', '2024-03-31'));
    }

    public function testJournalIsKeptInOrder(): void
    {
        $this->ledger->post('2024-03-01', 'one', ['a' => 1.0, 'b' => -1.0]);
        // risky: no assertion at all
    }

    public function testMultiCurrencyRevaluation(): void
    {
        $this->markTestSkipped('revaluation needs the ECB rates fixture');
    }
}
"""

PARSER_TEST = r"""<?php
declare(strict_types=1);

use Ledgerd\AmountParser;
use PHPUnit\Framework\TestCase;

final class AmountParserTest extends TestCase
{
    /** @dataProvider amounts */
    public function testParse(string $text, int $cents): void
    {
        $this->assertSame($cents, (new AmountParser())->parse($text));
    }

    public function amounts(): array
    {
        return [
            ['12.50', 1250],
            ['12,50', 1250],
            ['(7.25)', -725],
            ['1 000', 100000],
            ['1.234,50', 123450],
            ['1,234.50', 123450],
            ['0.005', 1],
        ];
    }

    public function testParseLine(): void
    {
        $row = (new AmountParser())->parseLine('2024-03-04;expenses:fuel;61,20;diesel');
        $this->assertSame(['date' => '2024-03-04', 'account' => 'expenses:fuel', 'cents' => 6120, 'memo' => 'diesel'], $row);
    }

    public function testShortLine(): void
    {
        $row = (new AmountParser())->parseLine('2024-03-04;expenses:fuel');
        $this->assertArrayHasKey('memo', $row);
    }
}
"""

ACCOUNTS = ["rent", "fuel", "payroll", "vat", "travel", "interest", "fees", "insurance", "depreciation", "utilities",
            "software", "hardware", "marketing", "legal", "training", "freight", "customs", "royalties", "grants",
            "donations", "leases", "bonuses", "pensions", "dividends", "refunds", "samples", "repairs", "cleaning",
            "security", "postage", "printing", "catering", "parking", "tolls", "licences", "subscriptions",
            "commissions", "penalties", "rebates", "warranty"]


def rule_class(i: int, name: str, rnd: random.Random, buggy: set[int]) -> str:
    cls = f"{name.capitalize()}Rule"
    rate = rnd.choice([0, 7, 10, 19, 21])
    cap = rnd.randint(50, 5000) * 100
    bug = i in buggy
    vat = f"intdiv($net * {rate}, 100)" if not bug else f"(int) ($net * {rate} / 100.0 + 1)"
    long_line = "        $note = 'rule ' . self::CODE . ' applies to ' . $this->account . ' with a cap of ' . self::CAP . ' cents and a rate of ' . self::RATE . ' percent';" if i % 3 == 0 else "        $note = self::CODE;"
    style = "    function" if i % 5 == 0 else "    public function"
    return f"""<?php
declare(strict_types=1);

namespace Ledgerd\\Rules;

final class {cls}
{{
    const CODE = '{name[:3].upper()}{i:03d}';
    public const RATE = {rate};
    public const CAP = {cap};

    public function __construct(private string $account = 'expenses:{name}')
    {{
    }}

    public function applies(string $account): bool
    {{
        return $account === $this->account || str_starts_with($account, $this->account . ':');
    }}

    public function vat(int $net): int
    {{
        return {vat};
    }}

    public function capped(int $amount): int
    {{
        if ($amount > self::CAP) {{
            return self::CAP;
        }}
        return $amount;
    }}

{style} describe(): string
    {{
{long_line}
        return $note;
    }}

    public function split(int $amount, int $parts): array
    {{
        if ($parts <= 0) {{
            throw new \\InvalidArgumentException('parts must be positive');
        }}
        $base = intdiv($amount, $parts);
        $out = array_fill(0, $parts, $base);
        for ($k = 0; $k < $amount - $base * $parts; $k++) {{
            $out[$k]++;
        }}
        return $out;
    }}

    public function unusedHelper( $x ){{
        if($x) {{ return $x*2; }}
        return 0;
    }}
}}
"""


def rule_test(i: int, name: str, rnd: random.Random, fail_split: set[int]) -> str:
    cls = f"{name.capitalize()}Rule"
    cases = []
    for j in range(6):
        net = rnd.randint(1, 900) * 100
        cases.append(f"            '{name} {j}' => [{net}],")
    split_exp = "[34, 33, 33]" if i not in fail_split else "[33, 33, 34]"
    extra = ""
    if i % 6 == 0:
        extra += f"""
    public function testDescribeNamesTheCode(): void
    {{
        $this->assertStringContainsString('{name[:3].upper()}', (new {cls}())->describe());
    }}

    public function testSplitRefusesZeroParts(): void
    {{
        $this->expectException(\\InvalidArgumentException::class);
        (new {cls}())->split(100, 0);
    }}
"""
    if i % 4 == 1:
        extra = ""
    body = f"""<?php
declare(strict_types=1);

use Ledgerd\\Rules\\{cls};
use PHPUnit\\Framework\\TestCase;

final class {cls}Test extends TestCase
{{
    public function testAppliesToOwnAccount(): void
    {{
        $this->assertTrue((new {cls}())->applies('expenses:{name}'));
    }}

    public function testAppliesToSubAccount(): void
    {{
        $this->assertTrue((new {cls}())->applies('expenses:{name}:q1'));
    }}

    public function testDoesNotApplyToOthers(): void
    {{
        $this->assertFalse((new {cls}())->applies('expenses:{name}x'));
    }}

    /** @dataProvider nets */
    public function testVatIsRateOfNet(int $net): void
    {{
        $this->assertSame(intdiv($net * {cls}::RATE, 100), (new {cls}())->vat($net));
    }}

    public function nets(): array
    {{
        return [
{chr(10).join(cases)}
        ];
    }}

    public function testCapped(): void
    {{
        $this->assertSame({cls}::CAP, (new {cls}())->capped({cls}::CAP + 1));
    }}

    public function testSplitKeepsRemainder(): void
    {{
        $this->assertSame({split_exp}, (new {cls}())->split(100, 3));
    }}
{extra}}}
"""
    if i % 4 == 1:  # a thin test class: only the account checks
        body = re.sub(r"\n    /\*\* @dataProvider nets.*?(?=\n}\n$)", "", body, flags=re.S)
    return body


def write_project(root: Path, seed: int = 131, n_rules: int = 40, buggy: int = 2, fail_split: int = 2) -> None:
    rnd = random.Random(seed)
    names = ACCOUNTS[:n_rules]
    bug_set = set(rnd.sample(range(n_rules), buggy))
    split_set = set(rnd.sample(range(n_rules), fail_split))
    files = {"src/Money.php": MONEY, "src/CurrencyMismatch.php": MISMATCH, "src/Ledger.php": LEDGER,
             "src/UnbalancedEntry.php": UNBALANCED, "src/AmountParser.php": PARSER, "bootstrap.php": BOOTSTRAP,
             "phpunit.xml": PHPUNIT_XML, "tests/MoneyTest.php": MONEY_TEST, "tests/LedgerTest.php": LEDGER_TEST,
             "tests/AmountParserTest.php": PARSER_TEST}
    for i, name in enumerate(names):
        files[f"src/Rules/{name.capitalize()}Rule.php"] = rule_class(i, name, rnd, bug_set)
        files[f"tests/Rules/{name.capitalize()}RuleTest.php"] = rule_test(i, name, rnd, split_set)
    write_tree(root, files)


BROKEN = [
    ("missing semicolon", "        $x = 1\n        return $x;\n"),
    ("unclosed brace", "        if ($x) {\n            return 1;\n"),
    ("bad token", "        return $x ==> 2;\n"),
    ("stray else", "        else { return 3; }\n"),
    ("unterminated string", "        return 'abc;\n"),
]


def lint_tree(root: Path, n: int = 300, seed: int = 1310, n_broken: int = 5) -> None:
    rnd = random.Random(seed)
    broken = set(rnd.sample(range(n), n_broken))
    dirs = ["app/Http", "app/Models", "app/Jobs", "app/Mail", "lib/Import", "lib/Export", "lib/Tax", "tests/Unit"]
    files = {}
    for i in range(n):
        d = dirs[i % len(dirs)]
        cls = f"{rnd.choice(['Invoice', 'Payment', 'Vendor', 'Receipt', 'Batch', 'Period', 'Journal'])}{rnd.choice(['Handler', 'Mapper', 'Service', 'Rule', 'Check'])}{i:03d}"
        body = "        $x = $a + %d;\n        return $x;\n" % i
        if i in broken:
            body = BROKEN[len([b for b in broken if b < i]) % len(BROKEN)][1]
        files[f"{d}/{cls}.php"] = f"<?php\n\nnamespace Acme\\{d.replace('/', chr(92))};\n\nclass {cls}\n{{\n    public function handle(int $a): int\n    {{\n{body}    }}\n}}\n"
    write_tree(root, files)
