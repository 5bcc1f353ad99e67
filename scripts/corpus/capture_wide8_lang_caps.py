"""Round 8, the captures of the language-toolchain kinds declared in capture_wide8_lang.py (Java, Ruby, Perl, Tcl,
C/C++, build tools), on throwaway sources written here or on real files of this machine. Run through
capture_wide8.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import capture_wide8_lang as L
from capture_more import add_or_skip as add, have, run, write_tree

JAVA_LIB = "/usr/share/java"

INVENTORY_JAVA = """
package shop;

import java.util.*;

public class Inventory {
    private final Map<String, Integer> stock = new HashMap<>();
    public void put(String sku, int n) { stock.put(sku, n); }
    public int take(String sku, long n) { return stock.merge(sku, -n, Integer::sum); }
    public List<String> skus() { return new ArrayList<>(stock.keySet()); }
    static <T extends Comparable<T>> T max(List<T> xs) { return Collections.max(xs); }
    public static void main(String[] args) {
        Inventory inv = new Inventory();
        inv.put("A-1", 3L);
        String s = max(List.of(new Object(), new Object()));
        Optional<Integer> n = Optional.of("7");
        List raw = new ArrayList();
        raw.add("x");
        char c = inv.skus();
    }
}
"""

JUNIT_TESTS = """
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.*;

class PriceTest {
    static long cents(String s) { return Math.round(Double.parseDouble(s) * 100); }
%s
    @Test void roundsHalfEven() { assertEquals(2L, cents("0.015")); }
    @Test void parsesThousands() { assertEquals(123456L, cents("1,234.56")); }
    @Nested class Discounts {
%s
        @Test void stacksTwoCoupons() { assertEquals(80, 100 - 10 - 10 + 1, "two coupons stack"); }
    }
}
"""


def cap_java(tmp: Path) -> None:
    if not have("javac", "javac-xdiags-verbose"):
        return
    d = tmp / "java"
    write_tree(d, {"shop/Inventory.java": INVENTORY_JAVA})
    add("javac-xdiags-verbose-inventory", "javac -Xdiags:verbose -Xlint:all shop/Inventory.java",
        run("javac -Xdiags:verbose -Xlint:all -d out shop/Inventory.java", cwd=d), L.n_javac_verbose)
    if have("jshell", "jshell-errors"):
        script = ("int x = \"a\";\nList<String> xs = List.of(\"a\", \"b\");\nxs.add(\"c\");\nvar m = new HashMap<String, Integer>();\n"
                  "m.get(\"k\").intValue();\nint[] a = new int[2];\na[5] = 1;\nString s = null;\ns.length();\n"
                  "void f() { return 1; }\nInteger.parseInt(\"12a\");\nimport java.time.*;\nLocalDate.of(2025, 2, 30);\n"
                  "Object o = \"str\"; Integer i = (Integer) o;\nMath.floorDiv(1, 0);\nundefinedVar + 1;\n/exit\n")
        (d / "session.jsh").write_text(script)
        add("jshell-session-errors", "jshell -q < session.jsh", run("jshell --feedback verbose < session.jsh", cwd=d, timeout=120),
            L.n_jshell)
    cs = f"{JAVA_LIB}/junit-platform-console-standalone.jar"
    if Path(cs).exists():
        cases = "".join(f"    @Test void parses_{k}() {{ assertEquals({k * 100 + 5}L, cents(\"{k}.05\")); }}\n" for k in range(40))
        params = "".join(f"        @ParameterizedTest @ValueSource(ints = {{{k}, {k + 10}, {k + 20}}}) void pct_{k}(int p) "
                         f"{{ assertTrue(p >= 0 && p < 100); }}\n" for k in range(12))
        t = d / "test"
        write_tree(t, {"PriceTest.java": JUNIT_TESTS % (cases, params)})
        run(f"javac -cp {cs} -d {t}/classes {t}/PriceTest.java", cwd=d)
        add("junit-console-tree-price", "java -jar junit-platform-console-standalone.jar -cp classes --scan-classpath --details=tree",
            run(f"java -jar {cs} -cp classes --scan-classpath --disable-banner --details=tree --disable-ansi-colors", cwd=t, timeout=120),
            L.n_junit_tree)
    run("javac -d out -nowarn shop/Inventory.java 2>/dev/null; mkdir -p ok && cp shop/Inventory.java ok/", cwd=d)
    add("javap-v-commons-cli-options", "javap -v -cp commons-cli.jar org.apache.commons.cli.Options",
        run(f"javap -v -p -cp {JAVA_LIB}/commons-cli.jar org.apache.commons.cli.Options | head -900"), L.n_javap)
    add("jar-tf-commons-io", "jar tf commons-io.jar", run(f"jar tf {JAVA_LIB}/commons-io.jar"), L.n_jar)
    if have("jdeps", "jdeps-verbose"):
        add("jdeps-verbose-package-commons-lang3", "jdeps -verbose:package commons-lang3.jar",
            run(f"jdeps -verbose:package {JAVA_LIB}/commons-lang3.jar | head -700", timeout=200), L.n_jdeps)
    add("java-xshowsettings-all", "java -XshowSettings:all -version", run("java -XshowSettings:all -version", cwd=d), L.n_showsettings)
    gc = ("import java.util.*; public class Churn { public static void main(String[] a) { List<byte[]> keep = new ArrayList<>();"
          " for (int i = 0; i < 4000; i++) { keep.add(new byte[64 * 1024]); if (keep.size() > 300) keep.subList(0, 150).clear(); }"
          " List<byte[]> leak = new ArrayList<>(); while (true) leak.add(new byte[1024 * 1024]); } }")
    (d / "Churn.java").write_text(gc)
    add("java-xlog-gc-oom", "java -Xmx64m -Xlog:gc Churn.java", run("java -Xmx64m -Xlog:gc:stdout:uptime,level,tags Churn.java 2>&1",
                                                                      cwd=d, timeout=120), L.n_xlog_gc)


RAKEFILE = """
require 'rake/clean'
CLEAN.include('build')
directory 'build'
SRC = FileList['src/*.txt']
OBJ = SRC.ext('.out').pathmap('build/%f')
rule '.out' => ->(t) { t.pathmap('src/%n.txt') } do |t|
  sh "cp #{t.source} #{t.name}"
end
task :compile => ['build', *OBJ]
task :lint do
  SRC.each { |f| raise "lint: tab in #{f}" if File.read(f).include?("\\t") }
end
task :docs => :compile do
  puts 'docs built'
end
task :package => [:compile, :lint, :docs] do
  sh 'tar czf build/pkg.tgz build/*.out'
end
task :default => :package
"""


def cap_ruby_perl_tcl(tmp: Path) -> None:
    d = tmp / "rake"
    files = {"Rakefile": RAKEFILE}
    for k in range(14):
        files[f"src/page{k:02d}.txt"] = f"page {k}\n" + ("\tindented\n" if k == 9 else "")
    write_tree(d, files)
    if have("rake", "rake-trace"):
        add("rake-trace-package-lint-fails", "rake --trace package", run("rake --trace package", cwd=d), L.n_rake)
    if have("gem", "gem-env"):
        add("gem-env", "gem env", run("gem env"), L.n_gem_env)
    if have("podchecker", "podchecker"):
        pods = [p for p in ("/usr/share/perl/5.36/Pod/Usage.pm", "/usr/share/perl/5.36/Getopt/Long.pm", "/usr/share/perl/5.36/File/Temp.pm",
                            "/usr/share/perl/5.36/Text/Balanced.pm") if Path(p).exists()]
        p = tmp / "pod"
        p.mkdir()
        for f in pods + sorted(Path("/usr/share/perl/5.36").glob("[A-M]*.pm"))[:24]:
            shutil.copy(f, p)
        (p / "Broken.pm").write_text("package Broken;\n1;\n__END__\n\n=head1 NAME\n\nBroken - demo\n\n=over 4\n\n=item one\n\nx\n\n"
                                     "=head2 Orphan\n\n=item two\n\nL<bad link|\n\n=head1 NAME\n\nE<unknown>\n\n=cut\n")
        (p / "nopod.pl").write_text("print 1;\n")
        add("podchecker-perl-modules", "podchecker *.pm nopod.pl", run("podchecker *.pm nopod.pl", cwd=p), L.n_podchecker)
    if have("tclsh", "tcl-errorinfo"):
        tcl = ("proc parse_line {line} {\n    set f [split $line ,]\n    return [expr {[lindex $f 2] * 1.0}]\n}\n"
               "proc total {path} {\n    set fh [open $path]\n    set sum 0\n    foreach line [split [read $fh] \\n] {\n"
               "        if {$line eq \"\"} continue\n        set sum [expr {$sum + [parse_line $line]}]\n    }\n    return $sum\n}\n"
               "proc report {args} {\n    foreach p $args { puts \"$p: [total $p]\" }\n}\nreport " + " ".join(f"q{k:02d}.csv" for k in range(45)) + " a.csv b.csv\n")
        t = tmp / "tcl"
        write_tree(t, {**{f"q{k:02d}.csv": f"1,q,{k}.25\n2,q,{k * 3}\n" for k in range(45)}, "report.tcl": tcl, "a.csv": "".join(f"{k},x,{k}.5\n" for k in range(300)),
                       "b.csv": "".join(f"{k},y,{k}\n" for k in range(40)) + "41,y,n/a\n"})
        add("tclsh-errorinfo-report", "tclsh report.tcl", run("tclsh report.tcl", cwd=t), L.n_tcl)


HOT_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hot.h"
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
long checksum(const char *s) { long h = 0; while (*s) h = h * 31 + *s++; return h; }
int *make(int n) { int *v = malloc(n * sizeof *v); for (int i = 0; i < n; i++) v[i] = (i * 7919) % n; return v; }
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 20000;
    int *v = make(n);
    qsort(v, n, sizeof *v, cmp);
    char *buf = malloc(64);
    long h = 0;
    for (int i = 0; i < n; i++) { snprintf(buf, 64, "item-%d", v[i]); h ^= checksum(buf); }
    if (n < 0) { puts("never"); }
    printf("%ld\n", h);
    free(v);
    return 0;
}
"""

TEMPLATE_CPP = r"""
#include <map>
#include <vector>
#include <string>
#include <algorithm>
#include <set>
struct Order { std::string id; double total; };
int main() {
    std::vector<Order> orders{{"a", 1.0}, {"b", 2.0}};
    std::sort(orders.begin(), orders.end());
    std::set<Order> unique(orders.begin(), orders.end());
    std::map<std::string, std::vector<int>> idx;
    idx["x"].push_back("y");
    return 0;
}
"""

CMAKE = """cmake_minimum_required(VERSION 3.16)
project(hot C)
enable_testing()
add_library(hotlib STATIC lib.c)
add_executable(hot main.c)
target_link_libraries(hot hotlib)
target_compile_options(hotlib PRIVATE -Wall -Wextra)
foreach(n 10 100 1000 5000)
  add_test(NAME run_${n} COMMAND hot ${n})
endforeach()
add_test(NAME run_negative COMMAND hot -5)
add_test(NAME check_output COMMAND sh -c "./hot 3 | grep -q 999")
add_test(NAME missing_tool COMMAND no-such-tool --version)
"""


def cap_c(tmp: Path) -> None:
    if not have("gcc", "gcc-M-deps"):
        return
    d = tmp / "c"
    write_tree(d, {"hot.c": HOT_C, "hot.h": "#pragma once\nlong checksum(const char *s);\n", "tpl.cpp": TEMPLATE_CPP})
    zex = Path("/usr/share/doc/zlib1g-dev/examples")
    for f in ("gzappend.c", "gzjoin.c", "gzlog.c", "gzlog.h", "enough.c", "zpipe.c", "fitblk.c"):
        if (zex / f).exists():
            shutil.copy(zex / f, d)
    add("gcc-M-zlib-examples", "gcc -M hot.c gzappend.c gzjoin.c gzlog.c fitblk.c",
        run("gcc -M hot.c gzappend.c gzjoin.c gzlog.c fitblk.c", cwd=d), L.n_gcc_m)
    add("size-usr-bin", "size /usr/bin/[a-f]*", run("size /usr/bin/[a-f]* 2>&1 | head -400"), L.n_size)
    add("strings-n6-gzip", "strings -n 6 /usr/bin/gzip", run("strings -n 6 /usr/bin/gzip"), L.n_strings)
    run("gcc -g -O0 -o hot hot.c", cwd=d)
    syms = [int(a, 16) for a in run("nm hot | grep -E ' T (main|make|checksum)$| t cmp$' | cut -d' ' -f1", cwd=d).split()]
    addrs = " ".join(f"0x{a + off:x}" for a in syms for off in range(0, 0x60, 0x8)) + " 0x10 0x401abc 0xffffffff"
    add("addr2line-f-hot", f"addr2line -f -C -e hot {addrs}", run(f"addr2line -f -C -i -e hot {addrs}", cwd=d), L.n_addr2line)
    if have("gcov", "gcov-report"):
        run("gcc --coverage -O0 -o hotcov hot.c && ./hotcov 500", cwd=d)
        add("gcov-b-hot", "gcov -b hot.c && cat hot.c.gcov", run("gcov -b -o . hotcov-hot.gcda 2>&1; cat hot.c.gcov", cwd=d), L.n_gcov)
    add("gpp-template-error-sort-set", "g++ -std=c++17 -c tpl.cpp", run("g++ -std=c++17 -c tpl.cpp", cwd=d), L.n_gpp)
    add("readelf-d-libpython", "readelf -d /usr/bin/python3.11", run("readelf -d /usr/bin/python3.11 /usr/bin/git /usr/bin/curl"), L.n_readelf_d)
    if have("valgrind", "callgrind-annotate"):
        run("valgrind --tool=callgrind --callgrind-out-file=cg.out ./hot 3000", cwd=d, timeout=200)
        add("callgrind-annotate-hot", "callgrind_annotate cg.out", run("callgrind_annotate cg.out hot.c | head -400", cwd=d), L.n_callgrind)
        run("valgrind --tool=massif --massif-out-file=ms.out ./hot 40000", cwd=d, timeout=200)
        add("ms-print-hot", "ms_print ms.out", run("ms_print ms.out | head -500", cwd=d), L.n_ms_print)
    if have("cmake", "cmake-build-verbose"):
        b = tmp / "cm"
        write_tree(b, {"CMakeLists.txt": CMAKE, "lib.c": HOT_C.split("int main")[0].replace('#include "hot.h"', "") +
                       "int unused_helper(int x) { int y; return x; }\n",
                       "main.c": '#include <stdio.h>\n#include <stdlib.h>\nlong checksum(const char *s);\nint main(int c, char **v) {\n'
                                 '  int n = c > 1 ? atoi(v[1]) : 1;\n  if (n < 0) { fprintf(stderr, "negative count %d\\n", n); return 2; }\n'
                                 '  for (int i = 0; i < n; i++) checksum("x");\n  printf("%d\\n", n);\n  return 0;\n}\n'})
        run("cmake -S . -B build -G Ninja" if shutil.which("ninja") else "cmake -S . -B build", cwd=b, timeout=200)
        add("cmake-build-verbose-hot", "cmake --build build --verbose", run("cmake --build build --verbose", cwd=b, timeout=200),
            L.n_cmake_verbose)
        add("ctest-V-hot", "ctest -V", run("ctest -V", cwd=b / "build", timeout=200), L.n_ctest_v)
        if have("ninja", "ninja-t-targets"):
            add("ninja-t-targets-all", "ninja -t targets all", run("ninja -t targets all", cwd=b / "build"), L.n_ninja_targets)
    m = tmp / "mk"
    files = {"Makefile": "SRC := $(wildcard src/*.c)\nOBJ := $(SRC:src/%.c=obj/%.o)\nall: app\napp: $(OBJ)\n\tcc -o $@ $^\n"
                         "obj/%.o: src/%.c src/common.h | obj\n\tcc -c -o $@ $<\nobj:\n\tmkdir -p obj\n",
             "src/common.h": "int helper(void);\n", "src/main.c": "#include \"common.h\"\nint main(void) { return helper(); }\n"}
    for k in range(12):
        files[f"src/mod{k:02d}.c"] = f"#include \"common.h\"\nint mod{k}(void) {{ return {k}; }}\n" + ("int helper(void) { return 0; }\n" if k == 0 else "")
    files["src/mod07.c"] += "int broken(void) { return undefined_symbol; }\n"
    write_tree(m, files)
    run("make -s -k >/dev/null 2>&1; touch src/common.h", cwd=m)
    add("make-debug-b-rebuild", "make --debug=b -k", run("make --debug=b -k", cwd=m), L.n_make_debug)
    if have("pkg-config", "pkg-config-list-all"):
        add("pkg-config-list-all", "pkg-config --list-all", run("pkg-config --list-all | sort"), L.n_pkgconfig)


STEPS = [cap_java, cap_ruby_perl_tcl, cap_c]
