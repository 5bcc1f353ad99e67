"""Round 14, the rest of the day: a Node project over the npm tarballs of kleur, mitt, picomatch and yargs-parser
(npm install / ls / view, node --test with failing tests, an uncaught error, reads of package.json, source and a
README), a Go module and a Rust crate with bugs (go test / vet / build, cargo test / build), process and port
checks, and a loopback JSON server's log with curl of its API. Extractors are existing kinds' (capture_wide14.py)."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_data import free_port, stop, wait_port
from capture_more import add_or_skip as add
from capture_more import n_go_vet, run, write_tree
from capture_wide import n_curl, n_node_uncaught
from capture_wide2 import n_node_tap, n_npm_outdated_json, n_ps_eo
from capture_wide3 import n_ss
from capture_wide4 import n_node_dot
from capture_wide5 import n_curl_i
from capture_wide6 import n_cargo_test, n_go_test
from capture_wide6_fresh import n_npm_view
from capture_wide7 import n_npm_install
from capture_wide9a_js import n_node_test
from capture_wide9a_sys import n_cargo_build, n_go_build
from capture_wide9b import n_markdown, n_source
from capture_wide9b_chains import n_package_json
from capture_wide9b_data import n_api_json
from capture_wide12 import n_npm_ls
from capture_wide12_logs2 import HTTP_SERVER

SRC = Path("/tmp/hm-corpus-wide14-tools/src")
NPM_DEPS = ["yargs@17.7.2", "chokidar@3.6.0", "semver@6.3.1", "commander@9.5.0", "glob@8.1.0"]  # older majors from the registry, with their own trees
TGZ = ["kleur-4.1.5.tgz", "mitt-3.0.1.tgz", "picomatch-4.0.7.tgz", "yargs-parser-22.0.0.tgz"]


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout), extractor)


NODE_TESTS = {
    "test/glob.test.mjs": """
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';

describe('route globs', () => {
  const cases = [
    ['src/**/*.js', 'src/a/b/c.js', true], ['src/**/*.js', 'src/a.ts', false], ['*.md', 'README.md', true],
    ['docs/*.md', 'docs/a/b.md', false], ['**/*.{js,ts}', 'x/y.ts', true], ['!(*.min).js', 'app.min.js', false],
    ['src/[a-c]*.js', 'src/b1.js', true], ['src/?.js', 'src/ab.js', false], ['**/test/**', 'pkg/test/a.js', true],
  ];
  for (const [glob, path, want] of cases) {
    test(`${glob} vs ${path}`, () => assert.equal(picomatch(glob)(path), want));
  }
  test('dotfiles are matched by default', () => {
    assert.equal(picomatch('*')('.env'), true);
  });
  test('windows separators', () => {
    assert.equal(picomatch('src/*.js')('src\\\\main.js'), true);
  });
  test('scan returns the base', () => {
    assert.deepEqual(picomatch.scan('src/**/*.js').base, 'src/**');
  });
});
""",
    "test/args.test.mjs": """
import { test } from 'node:test';
import assert from 'node:assert/strict';
import parser from 'yargs-parser';

test('flags and positionals', () => {
  const a = parser(['build', '--watch', '-p', '8080', '--env.NODE_ENV=production']);
  assert.deepEqual(a._, ['build']);
  assert.equal(a.watch, true);
  assert.equal(a.p, 8080);
  assert.equal(a.env.NODE_ENV, 'production');
});
test('numbers stay strings when asked', () => {
  const a = parser(['--id', '007'], { string: ['id'] });
  assert.equal(a.id, '007');
});
test('negation', () => {
  assert.equal(parser(['--no-cache']).cache, false);
});
test('arrays collect', () => {
  assert.deepEqual(parser(['--tag', 'a', '--tag', 'b']).tag, ['a', 'b', 'c']);
});
test('camel case expansion', () => {
  assert.equal(parser(['--dry-run']).dryRun, 'true');
});
test('count option', () => {
  assert.equal(parser(['-vvv'], { count: ['v'] }).v, 3);
});
""",
    "test/events.test.mjs": """
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mitt from 'mitt';
import kleur from 'kleur';

test('emit reaches handlers', () => {
  const bus = mitt(); let n = 0;
  bus.on('tick', () => n++); bus.emit('tick'); bus.emit('tick');
  assert.equal(n, 2);
});
test('off removes one handler', () => {
  const bus = mitt(); let n = 0; const h = () => n++;
  bus.on('x', h); bus.off('x', h); bus.emit('x');
  assert.equal(n, 0);
});
test('wildcard sees the type', () => {
  const bus = mitt(); const seen = [];
  bus.on('*', (type) => seen.push(type)); bus.emit('a'); bus.emit('b');
  assert.deepEqual(seen, ['a', 'b', 'c']);
});
test('kleur strips colour when disabled', () => {
  kleur.enabled = false;
  assert.equal(kleur.red('boom'), '\\u001b[31mboom\\u001b[39m');
});
""",
}


def node(tmp: Path) -> None:
    """npm install of the tarballs into a small app, its tests and reads."""
    app = tmp / "events-app"
    write_tree(app, {"package.json": '{"name": "events-app", "version": "0.3.0", "private": true, "type": "module",\n'
                     ' "scripts": {"test": "node --test test/"}}\n', **NODE_TESTS,
                     "bin/run.mjs": """
import parser from 'yargs-parser';
import picomatch from 'picomatch';

function loadRoutes(argv) {
  const args = parser(argv);
  if (!args.routes) throw new TypeError(`--routes is required (got ${JSON.stringify(args)})`);
  return String(args.routes).split(',').map((g) => picomatch(g));
}
function main() {
  try {
    loadRoutes(process.argv.slice(2));
  } catch (err) {
    throw new Error('could not start the router', { cause: err });
  }
}
main();
"""})
    tgz = " ".join(str(SRC / t) for t in TGZ)
    add("npm-install-tarballs-and-registry", f"npm install ../tarballs/*.tgz {' '.join(NPM_DEPS)} 2>&1",
        run(f"npm install --no-audit --loglevel=http {tgz} {' '.join(NPM_DEPS)} 2>&1", cwd=app, timeout=300), n_npm_install)
    cap("npm-outdated-json-events-app", "npm outdated --json 2>&1", app, n_npm_outdated_json, timeout=120)
    cap("npm-ls-events-app", "npm ls --all 2>&1", app, n_npm_ls)
    cap("node-test-spec-events-app", "node --test test/ 2>&1 | tail -n 120", app, n_node_test)
    cap("node-test-tap-events-app", "node --test --test-reporter=tap test/ 2>&1", app, n_node_tap)
    cap("node-test-dot-glob", "node --test --test-reporter=dot test/glob.test.mjs 2>&1", app, n_node_dot)
    cap("node-run-uncaught-cause", "node bin/run.mjs --port 8080 2>&1", app, n_node_uncaught)
    cap("cat-yargs-parser-package-json", "cat node_modules/yargs-parser/package.json", app, n_package_json)
    cap("head-picomatch-parse-js", "head -n 160 node_modules/picomatch/lib/parse.js", app, n_source)
    cap("cat-mitt-readme", "cat node_modules/mitt/README.md", app, n_markdown)
    cap("npm-view-picomatch-json", "npm view picomatch --json 2>&1", app, n_npm_view, timeout=120)


GO_FILES = {
    "go.mod": "module example.com/ledger\n\ngo 1.19\n",
    "ledger.go": """
package ledger

import (
	"errors"
	"fmt"
	"sort"
)

// Entry is one posting in an account.
type Entry struct {
	Account string
	Cents   int64
	Memo    string
}

var ErrUnbalanced = errors.New("ledger: unbalanced transaction")

// Balance sums the postings per account.
func Balance(entries []Entry) map[string]int64 {
	out := map[string]int64{}
	for _, e := range entries {
		out[e.Account] += e.Cents
	}
	return out
}

// Check reports an unbalanced transaction.
func Check(entries []Entry) error {
	var sum int64
	for _, e := range entries[1:] { // bug: skips the first posting
		sum += e.Cents
	}
	if sum != 0 {
		return fmt.Errorf("%w: off by %d", ErrUnbalanced, sum)
	}
	return nil
}

// Accounts lists the accounts, sorted.
func Accounts(entries []Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range entries {
		if !seen[e.Account] {
			seen[e.Account] = true
			out = append(out, e.Account)
		}
	}
	sort.Strings(out)
	return out
}

// Describe prints a posting.
func Describe(e Entry) string {
	return fmt.Sprintf("%s %d %s", e.Account, e.Cents, e.Memo)
}
""",
    "ledger_test.go": """
package ledger

import (
	"errors"
	"testing"
)

var tx = []Entry{{"cash", -500, "coffee"}, {"food", 300, ""}, {"tips", 200, ""}}

func TestBalance(t *testing.T) {
	b := Balance(tx)
	if b["cash"] != -500 || b["food"] != 300 {
		t.Fatalf("Balance = %v", b)
	}
}

func TestCheckBalanced(t *testing.T) {
	if err := Check(tx); err != nil {
		t.Errorf("Check(balanced) = %v, want nil", err)
	}
}

func TestCheckUnbalanced(t *testing.T) {
	err := Check([]Entry{{"cash", -500, ""}, {"food", 300, ""}})
	if !errors.Is(err, ErrUnbalanced) {
		t.Errorf("Check(unbalanced) = %v, want ErrUnbalanced", err)
	}
}

func TestAccounts(t *testing.T) {
	got := Accounts(tx)
	want := []string{"cash", "food", "tips"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Accounts()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestAccountsTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []Entry
		n    int
	}{{"empty", nil, 0}, {"one", tx[:1], 1}, {"dupes", append(tx, tx...), 3}, {"wrong", tx, 4}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := len(Accounts(tc.in)); got != tc.n {
				t.Errorf("len(Accounts) = %d, want %d", got, tc.n)
			}
		})
	}
}
""",
}


GO_VET_BAIT = """package ledger

import (
	"fmt"
	"log"
	"sync"
)

type Audit struct {
	mu    sync.Mutex
	Lines []string `json:"lines" json:"rows"`
}

func (a Audit) Count() int { return len(a.Lines) }

func Trail(a *Audit, e Entry) {
	a.Lines = a.Lines
	log.Printf("posting %s: %d cents (%s)", e.Account, e.Memo)
	fmt.Println("audit: %d lines", len(a.Lines))
	if e.Cents != e.Cents {
		return
	}
	return
	fmt.Printf("%v\\n", a)
}
"""

GO_VET_EXPORT = """package export

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

var ErrClosed = errors.New("export: closed")

type Writer struct{ f *os.File }

func (w *Writer) Row(cols ...string) error {
	if w.f == nil {
		return fmt.Errorf("export: %s", ErrClosed, len(cols))
	}
	_, err := fmt.Fprintf(w.f, "%q\\n")
	return err
}

func Parse(s string) int {
	n, _ := strconv.Atoi(s)
	if n == 0 || n == 0 {
		return -1
	}
	defer fmt.Sprintf("parsed %d", n)
	return n
}
"""

GO_BUILD_ERRORS = """package ledger

import (
	"os"
	"strings"
)

func Report(entries []Entry) string {
	total := Balance(entries)
	unused := 0
	return total + len(entries)
}

func Missing() int { return undefinedCount }

func Header(title string) int {
	return strings.ToUpper(title)
}

func Rows(entries []Entry) (n int) {
	for _, e := range entries {
		n += e.Cent
	}
	return n, nil
}
"""


def go(tmp: Path) -> None:
    mod = tmp / "ledger"
    write_tree(mod, GO_FILES)
    cap("go-test-v-ledger", "go test -v ./... 2>&1", mod, n_go_test, timeout=400)
    text = (mod / "ledger.go").read_text()  # a wrong verb, which go vet reports
    (mod / "ledger.go").write_text(text.replace('"%s %d %s", e.Account', '"%s %d %d", e.Account'))
    (mod / "audit.go").write_text(GO_VET_BAIT)
    write_tree(mod / "export", {"export.go": GO_VET_EXPORT})
    cap("go-vet-ledger", "go vet ./... 2>&1", mod, n_go_vet, timeout=300)
    (mod / "audit.go").unlink()
    (mod / "export" / "export.go").write_text(GO_VET_EXPORT.replace("return", "return missing +", 1))
    (mod / "report.go").write_text(GO_BUILD_ERRORS)
    cap("go-build-ledger-errors", "go build ./... 2>&1", mod, n_go_build, timeout=300)


RUST_FILES = {
    "Cargo.toml": '[package]\nname = "slugger"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n',
    "src/lib.rs": """
//! URL slugs for page titles.

pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash {
            out.push('-');
            dash = true;
        }
    }
    out // bug: no trimming of the dashes at the ends
}

pub fn truncate(slug: &str, max: usize) -> &str {
    &slug[..max] // bug: panics when the slug is shorter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases() { assert_eq!(slugify("Hello"), "hello"); }
    #[test]
    fn joins_words() { assert_eq!(slugify("Hello, World"), "hello-world"); }
    #[test]
    fn trims_ends() { assert_eq!(slugify("  Rust!  "), "rust"); }
    #[test]
    fn truncates_long() { assert_eq!(truncate("abcdef", 3), "abc"); }
    #[test]
    fn truncates_short() { assert_eq!(truncate("ab", 5), "ab"); }
}
""",
}


def rust(tmp: Path) -> None:
    crate = tmp / "slugger"
    write_tree(crate, RUST_FILES)
    cap("cargo-test-slugger", "cargo test 2>&1 | tail -n 80", crate, n_cargo_test, timeout=600)
    (crate / "src/extra.rs").write_text("use std::collections::HashMap;\n\npub fn count(words: &[&str]) -> usize {\n"
                                        "    let unused = 3;\n    let n: usize = words.len() as i64;\n    n\n}\n")
    with (crate / "src/lib.rs").open("a") as f:
        f.write("\npub mod extra;\n")
    cap("cargo-build-slugger-errors", "cargo build 2>&1", crate, n_cargo_build, timeout=600)


SERVER = '''
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ORDERS = [{"id": i, "sku": f"SKU-{100 + i % 17}", "status": "failed" if i in (7, 31) else
           ("refunded" if i == 19 else "paid"), "qty": 1 + (i * 7) % 9, "amount_cents": 250 + (i * 389) % 9100}
          for i in range(1, 41)]

class H(BaseHTTPRequestHandler):
    def _send(self, code, body):
        data = json.dumps(body, indent=2).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/api/orders":
            self._send(200, {"count": len(ORDERS), "failed": sum(o["status"] == "failed" for o in ORDERS),
                             "results": ORDERS})
        elif self.path.startswith("/api/orders/"):
            oid = int(self.path.rsplit("/", 1)[1])  # ValueError on a bad id: the server logs the traceback
            hits = [o for o in ORDERS if o["id"] == oid]
            if hits:
                self._send(200, hits[0])
            else:
                self._send(404, {"error": "not_found", "detail": f"order {oid} does not exist"})
        elif self.path == "/healthz":
            self._send(200, {"ok": True})
        else:
            self._send(404, {"error": "no_route", "detail": self.path})

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def server(tmp: Path) -> None:
    """A loopback JSON API run briefly: curl its answers, then read its log; ps and ss while it runs."""
    d = tmp / "api"
    d.mkdir(exist_ok=True)
    (d / "server.py").write_text(SERVER)
    port = free_port()
    log = (d / "server.log").open("wb")
    p = cm.start(["python3", "-u", "server.py", str(port)], cwd=d, log=log)
    try:
        assert wait_port(port), "server did not start"
        url = f"http://127.0.0.1:{port}"
        for path in ["/healthz", "/api/orders", "/api/orders/3", "/api/orders/99", "/api/orders/abc", "/favicon.ico",
                     "/api/orders/19", "/api/orders/7", "/admin", "/healthz"] * 3:
            run(f"curl -s -o /dev/null {url}{path}", timeout=20)
        cap("curl-api-orders-json", f"curl -s {url}/api/orders", d, n_api_json, timeout=30)
        cap("curl-v-api-order", f"curl -sv {url}/api/orders/3 {url}/api/orders/abc {url}/admin 2>&1", d, n_curl, timeout=30)
        cap("curl-i-api-404", f"curl -si {url}/api/orders/99 {url}/api/orders/98 {url}/api/orders/0 {url}/admin {url}/api/v2/orders 2>&1", d, n_curl_i, timeout=30)
        cap("ps-eo-during-server", "ps -eo pid,ppid,user,stat,pcpu,rss,etime,comm --sort=-rss | head -n 60", d, n_ps_eo)
        cap("ss-tanp-loopback", "ss -tanp 2>&1 | head -n 60", d, n_ss)
        time.sleep(0.5)
    finally:
        stop(p)
        log.close()
    cap("cat-server-log", "cat server.log", d, HTTP_SERVER)


STEPS = [node, go, rust, server]
