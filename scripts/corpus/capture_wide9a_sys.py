"""Round 9a, compiled-language half: go test (-v, -json, default with a panic) on Go standard-library packages
copied into a module and broken by named edits; cargo test / build / clippy / metadata on a codec crate whose
tests' expectations come from Python's own codecs (so the failures are the crate's named bugs); gcc -Wall
-Wextra and make on simplejson's real C extension; JUnit's console launcher on tests of the real
commons-lang3. Run through capture_wide9a.py."""

from __future__ import annotations

import base64
import re
import shutil
import zlib
from pathlib import Path

from capture_data import needles_cargo_metadata
from capture_diagnostics import needles_go_test, needles_junit, needles_rustc
from capture_more import add_or_skip as add
from capture_more import have, n_go_test_json, run, write_tree
from capture_wide6 import reuse, text_rule
from capture_wide7_more import first, n_cargo_test, n_clippy, n_gcc, n_go_test
from capture_wide9a import COLOR, patch, unpack

GOROOT_SRC = Path("/usr/share/go-1.19/src")
n_go_build = reuse("go-build", "build", needles_go_test, first(needles_go_test))
n_cargo_build = reuse("cargo-build", "build", needles_rustc, first(needles_rustc))
n_cargo_meta = reuse("cargo-metadata", "pkg", text_rule(needles_cargo_metadata), first(needles_cargo_metadata))
n_make = reuse("make", "build", n_gcc, n_gcc.__doc__ or "")
n_junit = reuse("junit-console", "test", needles_junit, first(needles_junit))

# ================================================================== Go: standard-library packages as a module

GO_PKGS = ["encoding/csv", "encoding/hex", "net/url", "text/tabwriter", "mime/quotedprintable", "html", "unicode/utf8",
           "container/list", "encoding/base32"]
GO_EDITS = [("hex/hex.go", 'hextable        = "0123456789abcdef"', 'hextable        = "0123456789abcedf"'),
            ("url/url.go", "case '-', '_', '.', '~': // §2.3", "case '-', '_', '.': // §2.3"),
            ("csv/writer.go", "\treturn unicode.IsSpace(r1)\n", "\treturn unicode.IsSpace(r1) && r1 != '\\t'\n")]


VET_BREAKS = [("url/url.go", "func ParseQuery(query string) (Values, error) {\n", "\tvar count int = \"zero\"\n"),
              ("html/escape.go", "func EscapeString(s string) string {\n", "\tif s == \"\" {\n\t\treturn\n\t}\n"),
              ("csv/reader.go", "func NewReader(r io.Reader) *Reader {\n", "\tcheckReader(r)\n"),
              ("csv/writer.go", "func NewWriter(w io.Writer) *Writer {\n", "\tfmt.Fprintf(w, \"%d\", \"csv\")\n"),
              ("hex/hex.go", "func DecodedLen(x int) int { return x / 2 }\n", "\nfunc decodedLenChecked(x int) int { return x / 2.5 }\n")]


def top_files(d: str, names: list[str]) -> list[str]:
    """copytree's ignore: a package's own files and testdata, not its sub-packages."""
    return [n for n in names if (Path(d) / n).is_dir() and n != "testdata" and Path(d).name != "testdata"]


def go_module(root: Path) -> Path:
    """The packages under example.org/stdfork/<name>, imports between them rewritten."""
    names = {p: p.split("/")[-1] for p in GO_PKGS}
    write_tree(root, {"go.mod": "module example.org/stdfork\n\ngo 1.19\n"})
    pat = re.compile(r'^(\s*(?:import\s+)?(?:\w+\s+)?)"(' + "|".join(map(re.escape, GO_PKGS)) + r')"\s*$', re.MULTILINE)
    for pkg, name in names.items():
        shutil.copytree(GOROOT_SRC / pkg, root / name, ignore=top_files)
        for f in (root / name).glob("*.go"):
            f.write_text(pat.sub(lambda m: f'{m.group(1)}"example.org/stdfork/{names[m.group(2)]}"', f.read_text()))
    return root


def cap_go(tmp: Path) -> None:
    if not have("go", "go-test"):
        return
    env = {"GOCACHE": str(tmp / "gocache"), "GOFLAGS": "-mod=mod -count=1"}
    root = go_module(tmp / "stdfork")
    for rel, old, new in GO_EDITS:
        patch(root / rel, old, new)
    add("go-test-v-stdfork-three-breaks", "go test -v ./...", run("go test -v ./...", cwd=root, env=env, timeout=600), n_go_test)
    add("go-test-json-stdfork-url", "go test -json ./url ./base32 ./list",
        run("go test -json ./url ./base32 ./list", cwd=root, env=env, timeout=600), n_go_test_json)
    # a nil map write deep inside tabwriter: a panic among passing packages
    patch(root / "tabwriter/tabwriter.go", "\t\twidth := b.minwidth // minimal column width\n",
          "\t\twidth := b.minwidth // minimal column width\n\t\tif column == 3 {\n\t\t\tvar seen map[int]bool\n\t\t\tseen[column] = true\n\t\t}\n")
    add("go-test-stdfork-panic-tabwriter", "go test ./...", run("go test ./...", cwd=root, env=env, timeout=600), n_go_test)
    add("go-test-cover-stdfork", "go test -cover ./...", run("go test -cover ./...", cwd=root, env=env, timeout=600), n_go_test)
    patch(root / "list/list.go", "func (l *List) Len() int { return l.len }", "func (l *List) Len() int { return l.len, nil }")
    patch(root / "tabwriter/tabwriter.go", "func (b *Writer) updateWidth() {", "func (b *Writer) updateWidth() {\n\tvar unused string")
    patch(root / "base32/base32.go", "func (enc *Encoding) EncodedLen(n int) int {",
          "func (enc *Encoding) EncodedLen(n int) int {\n\tif n < 0 {\n\t\treturn \"negative\"\n\t}")
    patch(root / "quotedprintable/writer.go", "const lineMaxLen = 76", "const lineMaxLen = 76\n\nvar defaultWrap = lineMaxLn - 1")
    for rel, anchor, bad in VET_BREAKS:
        patch(root / rel, anchor, anchor + bad)
    add("go-vet-stdfork-build-errors", "go vet ./...", run("go vet ./...", cwd=root, env=env, timeout=600), n_go_build)


# ================================================================== Rust: a codec crate, tests from Python's codecs

CODEC_LIB = r'''//! Small codecs: roman numerals, base64, crc32, luhn.
pub mod roman {
    const TABLE: [(u32, &str); 12] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (1, "I")];
    pub fn to_roman(mut n: u32) -> String {
        let mut s = String::new();
        for &(v, r) in TABLE.iter() {
            while n >= v { s.push_str(r); n -= v; }
        }
        s
    }
}

pub mod b64 {
    const ALPHA: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    pub fn encode(data: &[u8]) -> String {
        let mut out = String::new();
        for chunk in data.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
            for i in 0..4 {
                if i <= chunk.len() { out.push(ALPHA[((n >> (18 - 6 * i)) & 63) as usize] as char); } else { out.push('='); }
            }
        }
        out
    }
}

pub mod crc {
    pub fn crc32(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 { c = if c & 1 != 0 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 }; }
        }
        !c
    }
}

pub mod luhn {
    pub fn valid(s: &str) -> bool {
        let digits: Vec<u32> = s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_digit(10).unwrap()).collect();
        let sum: u32 = digits.iter().rev().enumerate()
            .map(|(i, &d)| if i % 2 == 1 { let x = d * 2; if x > 9 { x - 9 } else { x } } else { d }).sum();
        sum % 10 == 0
    }
}
'''

CODEC_BREAKS = [('(900, "CM"), ', '(900, "DM"), '), ("c ^= b as u32;", "c ^= (b & 0x7f) as u32;"),
                ("if x > 9 { x - 9 }", "if x > 10 { x - 9 }")]


def luhn_ok(s: str) -> bool:
    ds = [int(c) for c in s if not c.isspace()][::-1]
    return sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(ds)) % 10 == 0


def roman(n: int) -> str:
    out = ""
    for v, r in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (1, "I")]:
        while n >= v:
            out, n = out + r, n - v
    return out


def codec_tests() -> dict[str, str]:
    """Integration tests, one file per codec, expectations from Python (roman by its table, base64, zlib.crc32)."""
    nums = list(range(1, 60)) + [90, 99, 400, 444, 900, 949, 1066, 1492, 1776, 1944, 1999, 2024, 3888, 3999]
    words = ["", "f", "fo", "foo", "foob", "fooba", "foobar", "héllo wörld", "The quick brown fox", "\x00\xff", "~~~~~"]
    cards = ["4111 1111 1111 1111", "4111 1111 1111 1112", "79927398713", "1234567812345670", "0", "059", "8763", "12345"]
    t = {"roman": "use codecs::roman::to_roman;\n\n" + "".join(
        f"#[test]\nfn roman_{n}() {{ assert_eq!(to_roman({n}), \"{roman(n)}\"); }}\n" for n in nums)}
    t["b64"] = "use codecs::b64::encode;\n\n" + "".join(
        f"#[test]\nfn b64_{k}() {{ assert_eq!(encode({rs(w)}), \"{base64.b64encode(w.encode()).decode()}\"); }}\n"
        for k, w in enumerate(words))
    t["crc"] = "use codecs::crc::crc32;\n\n" + "".join(
        f"#[test]\nfn crc_{k}() {{ assert_eq!(crc32({rs(w)}), 0x{zlib.crc32(w.encode()):08x}); }}\n" for k, w in enumerate(words))
    t["luhn"] = "use codecs::luhn::valid;\n\n" + "".join(
        f"#[test]\nfn luhn_{k}() {{ assert_eq!(valid(\"{c}\"), {str(luhn_ok(c)).lower()}); }}\n" for k, c in enumerate(cards))
    return {f"tests/{k}.rs": v for k, v in t.items()}


def rs(w: str) -> str:
    return "&[" + ", ".join(str(b) for b in w.encode()) + "][..]" if w else "&[][..]"


BROKEN_APP = r'''use std::collections::HashMap;

struct Config { name: String, retries: u32 }

fn load(path: &str) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)?;
    let mut map = HashMap::new();
    for line in text.lines() {
        let (k, v) = line.split_once('=');
        map.insert(k.trim(), v.trim());
    }
    Ok(Config { name: map["name"].to_string(), retries: map["retries"] })
}

fn main() {
    let unused = 3;
    let cfg = load("app.cfg").unwrap();
    println!("{} {}", cfg.name, cfg.retry);
    let total: u32 = codecs::roman::to_roman(cfg.retries);
}
'''


def cap_rust(tmp: Path) -> None:
    if not have("cargo", "cargo-test"):
        return
    r = tmp / "codecs"
    lib = CODEC_LIB
    for old, new in CODEC_BREAKS:
        assert old in lib
        lib = lib.replace(old, new)
    write_tree(r, {"Cargo.toml": '[package]\nname = "codecs"\nversion = "0.3.1"\nedition = "2021"\n\n[workspace]\nmembers = [".", "app"]\n',
                   "src/lib.rs": lib, **codec_tests(),
                   "app/Cargo.toml": '[package]\nname = "codecs-app"\nversion = "0.1.0"\nedition = "2021"\n\n'
                                     '[dependencies]\ncodecs = { path = ".." }\n',
                   "app/src/main.rs": 'fn main() { println!("{}", codecs::roman::to_roman(2025)); }\n'})
    env = {"CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    add("cargo-test-no-fail-fast-codecs", "cargo test --no-fail-fast -p codecs",
        run("cargo test --offline --no-fail-fast -p codecs", cwd=r, env=env, timeout=600), n_cargo_test)
    add("cargo-test-color-codecs-roman", "cargo test --color=always --test roman -- --test-threads=1",
        run("cargo test --offline --color=always --test roman -- --test-threads=1", cwd=r,
            env={**env, "CARGO_TERM_COLOR": "always"}, timeout=600), n_cargo_test)
    add("cargo-test-quiet-codecs", "cargo test -q --no-fail-fast",
        run("cargo test --offline -q --no-fail-fast", cwd=r, env=env, timeout=600), n_cargo_test)
    add("cargo-metadata-codecs-workspace", "cargo metadata --format-version 1 --no-deps",
        run("cargo metadata --offline --format-version 1 --no-deps", cwd=r, env=env), n_cargo_meta)
    add("cargo-clippy-pedantic-codecs", "cargo clippy -p codecs -- -W clippy::pedantic",
        run("cargo clippy --offline -p codecs -- -W clippy::pedantic", cwd=r, env=env, timeout=600), n_clippy)
    (r / "app" / "src" / "main.rs").write_text(BROKEN_APP)
    add("cargo-build-codecs-app-errors", "cargo build -p codecs-app",
        run("cargo build --offline -p codecs-app", cwd=r, env=env, timeout=600), n_cargo_build)


# ================================================================== C: simplejson's real extension

SITE_311 = Path("/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages")  # real C extensions' sources
NETTLE_EX = Path("/usr/share/doc/nettle-dev/examples")
NETTLE_CONFIG = """#define PRINTF_STYLE(f, a) __attribute__((__format__(__printf__, f, a)))
#define UNUSED __attribute__((__unused__))
#define NORETURN __attribute__((__noreturn__))
#define WITH_HOGWEED 1
"""
NETTLE_MAKEFILE = """CFLAGS := -DHAVE_CONFIG_H -I. -I/usr/include/nettle -O2 -Wall -Wextra -Wshadow -Wconversion -Wsign-conversion
SRCS := $(wildcard *.c)
all: $(SRCS:.c=.o)
%.o: %.c
\t$(CC) $(CFLAGS) -c $< -o $@
"""
MAKEFILE = """PY_INC := $(shell python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
CFLAGS := -O2 -fPIC -Wall -Wextra -Wshadow -Wconversion -I$(PY_INC)

all: _speedups.so

%.o: %.c
\t$(CC) $(CFLAGS) -c $< -o $@

_speedups.so: _speedups.o
\t$(CC) -shared $^ -o $@

clean:
\trm -f *.o *.so
"""


def cap_c(tmp: Path) -> None:
    if not have("gcc", "gcc"):
        return
    root = unpack("simplejson", tmp)
    c = root / "simplejson"
    inc = run("python3 -c 'import sysconfig; print(sysconfig.get_paths()[\"include\"])'").strip()
    cmd = ("gcc -c -O2 -fPIC -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wcast-qual -Wstrict-prototypes "
           "-Wmissing-prototypes -Wold-style-definition -Wdouble-promotion -Wfloat-equal -Wformat=2 -Wunused-macros "
           "-Wbad-function-cast -I$PY_INC _speedups.c")
    add("gcc-wall-wextra-wconversion-simplejson", cmd, run(cmd.replace("$PY_INC", inc), cwd=c, timeout=300), n_gcc)
    exts = [p for p in (SITE_311 / "wrapt/_wrappers.c", SITE_311 / "lazy_object_proxy/cext.c") if p.exists()]
    if exts:
        w = tmp / "cext"
        w.mkdir()
        for p in exts:
            shutil.copy(p, w)
        cmd = ("gcc -c -O2 -fPIC -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wcast-qual "
               "-Wstrict-prototypes -Wmissing-prototypes -I$PY_INC " + " ".join(p.name for p in exts))
        add("gcc-wall-wextra-wrapt-lazy-object-proxy", cmd, run(cmd.replace("$PY_INC", inc), cwd=w, timeout=300), n_gcc)
    if NETTLE_EX.exists():  # nettle's examples outside their tree: a config.h by hand, internal headers missing
        n = tmp / "nettle-examples"
        shutil.copytree(NETTLE_EX, n)
        (n / "config.h").write_text(NETTLE_CONFIG)
        (n / "Makefile").write_text(NETTLE_MAKEFILE)
        add("make-k-nettle-examples", "make -k", run("make -k", cwd=n, timeout=300), n_make)
    (c / "Makefile").write_text(MAKEFILE)
    patch(c / "_speedups.c", "    PyObject *rval;\n", "    PyObject *rval\n")
    add("make-simplejson-speedups-error", "make", run("make", cwd=c, timeout=300), n_make)


# ================================================================== Java: JUnit on the real commons-lang3

JUNIT_TEST = """import static org.junit.jupiter.api.Assertions.*;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.text.WordUtils;
import org.junit.jupiter.api.*;

class StringUtilsTest {
    @Nested class Abbreviate {
%s    }
    @Nested class Capitalize {
%s    }
    @Nested class Pad {
%s    }
}
"""


def cap_java(tmp: Path) -> None:
    cs = Path("/usr/share/java/junit-platform-console-standalone.jar")
    lang = Path("/usr/share/java/commons-lang3.jar")
    if not (have("javac", "junit-console") and cs.exists() and lang.exists()):
        return
    words = ["hello world", "the QUICK brown fox", "a", "", "x-ray vision", "élan vital", "o'neil and sons", "  spaced  out  ",
             "ALL CAPS HERE", "mixed-Case_words", "über cool", "mcdonald's farm", "one", "two words",
             "e.e. cummings", "rock 'n' roll", "state-of-the-art design", "i18n and l10n", "3rd party tools"]
    # expectations written from the Javadoc's description (Python's equivalents): a few differ from the library
    abbr = "".join(f'        @Test void abbreviate_{k}() {{ assertEquals("{(w[:7] + "...") if len(w) > 10 else w}", '
                   f'StringUtils.abbreviate("{w}", 10)); }}\n' for k, w in enumerate(words))
    cap = "".join(f'        @Test void capitalizeFully_{k}() {{ assertEquals("{w.title()}", WordUtils.capitalizeFully("{w}")); }}\n'
                  for k, w in enumerate(words))
    pad = "".join(f'        @Test void leftPad_{k}_{n}() {{ assertEquals("{str(k).rjust(n, "0")}", StringUtils.leftPad("{k}", {n}, \'0\')); }}\n'
                  for k in (7, 42, 1234, 99999) for n in (1, 3, 5, 8))
    t = tmp / "junit"
    write_tree(t, {"StringUtilsTest.java": JUNIT_TEST % (abbr, cap, pad)})
    cp = f"{cs}:{lang}"
    out = run(f"javac -nowarn -cp {cp} -d classes StringUtilsTest.java", cwd=t, timeout=300)
    if "error" in out:  # a suite that does not compile would capture an empty run
        raise RuntimeError(out[:300])
    add("junit-console-tree-color-commons-lang3", "java -jar junit-platform-console-standalone.jar -cp classes:commons-lang3.jar --scan-classpath",
        run(f"java -jar {cs} -cp classes:{lang} --scan-classpath --disable-banner --details=tree", cwd=t, env=COLOR, timeout=300),
        n_junit)


STEPS = [cap_go, cap_rust, cap_c, cap_java]
