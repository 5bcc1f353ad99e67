"""Round 13, languages the corpus never met (continued): Lua (luacheck, a runtime error), Fortran (gfortran errors,
a bounds check), clang's own tools (clang's diagnostics, clang-tidy, scan-build) and Scala (scalac), each on a
small project written here with real bugs in it. Run through capture_wide13.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import add_or_skip as add, have, mask, run, write_tree
from capture_wide10 import line_rule
from capture_wide13 import diag_rule

# ================================================================== Lua

n_luacheck = diag_rule(
    "luacheck", "lint",
    "Rules 1+3 on luacheck (plain formatter): syntax errors ('(E011)') each; the other warnings one needle per (message shape, file); the 'Total: N warnings / M errors in K files' line.",
    hit=r"\(E\d+\)|: (expected|unexpected) ", summary=r"^Total: ",
    warn=r"^\s*(\S+\.lua):\d+:\d+: (.*)$", key=lambda m: (mask(m.group(2)), m.group(1)))
n_lua_error = line_rule(
    "lua-runtime-error", "log",
    "Rule 1 on a Lua script dying: the 'lua: file:L: message' line and the first 'file:L: in …' frame of the stack traceback.",
    hit=r"^lua\S*: ", loc=r"^\s+\S+\.lua:\d+: in ", ahead=3)


def _lua_module(i: int) -> str:
    return f"""local M = {{}}

function M.area{i}(w, h)
  local unused_{i} = w
  return w * h
end

function M.scale{i}(t, k)
  for i = 1, #t do
    t[i] = t[i] * k
  end
  return t
end

return M
"""


LUA = {f"src/shape{i}.lua": _lua_module(i) for i in range(6)} | {
    "src/cart.lua": """local json = require("json")
local Cart = {}
Cart.__index = Cart

function Cart.new()
  return setmetatable({ items = {}, count = 0 }, Cart)
end

function Cart:add(name, price, qty)
  qty = qty or 1
  self.items[name] = (self.items[name] or 0) + price * qty
  count = self.count + 1
end

function Cart:total()
  local sum = 0
  for name, v in pairs(self.items) do
    sum = sum + v
  end
  return sum
end

function Cart:discount(code)
  if code == "TEN" then
    return self:total() * 0.9
  elseif code == "TEN" then
    return self:total() * 0.8
  end
  return totl
end

return Cart
""",
    "src/broken.lua": """local function parse(s)
  local out = {}
  for k, v in string.gmatch(s, "(%w+)=(%w+)") do
    out[k] = v
  end
  return out
end

local function dump(t)
  for k, v in pairs(t) do
    print(k .. "=" .. v
  end
end
""",
    "run.lua": """local Cart = dofile("src/cart_nojson.lua")
local c = Cart.new()
for i, name in ipairs({"apple", "kiwi", "fig", "lime", "plum", "date", "yuzu", "sloe"}) do
  c:add(name, i * 3, i % 3 + 1)
  print(string.format("added %-6s price=%3d running total=%d", name, i * 3, c:total()))
end
print("total", c:total())
print("first item", c.items.pear.price)
""",
}


def cap_lua(tmp: Path) -> None:
    if not have("luacheck", "luacheck"):
        return
    d = tmp / "lua"
    write_tree(d, LUA)
    add("luacheck-src", "luacheck src 2>&1", run("luacheck --no-color src 2>&1", cwd=d), n_luacheck)
    (d / "src" / "cart_nojson.lua").write_text(LUA["src/cart.lua"].replace('local json = require("json")\n', ""))
    add("lua-attempt-to-index-nil", "lua run.lua 2>&1", run("lua run.lua 2>&1", cwd=d), n_lua_error)


# ================================================================== Fortran

n_gfortran = diag_rule(
    "gfortran", "build",
    "Rule 1 on gfortran: every 'Error:' line with its 'file.f90:L:C:' location line above it; warnings one needle per (-W flag, file), grouped by their 'Warning:' lines.",
    hit=r"^(Error|Fatal Error): ", back=r"^\S+\.f\d*:\d+:\d+:",
    warn=r"^Warning: .*\[(-W[\w-]+)\]", key=lambda m: (m.group(1),))
n_fortran_rt = line_rule(
    "fortran-runtime-error", "log",
    "Rule 1 on a Fortran program dying under -fcheck=all: the 'At line N of file x.f90' location and the 'Fortran runtime error: …' line, and the first backtrace frame naming a source file.",
    hit=r"^At line \d+ of file|^Fortran runtime error|^(Error termination|ERROR STOP)|^#\d+ .* at \S+\.f90:\d+")

FORTRAN = {
    "solver.f90": """module linalg
  implicit none
contains
  subroutine jacobi(a, b, x, n, iters)
    integer, intent(in) :: n, iters
    real(8), intent(in) :: a(n, n), b(n)
    real(8), intent(inout) :: x(n)
    real(8) :: xnew(n), s
    integer :: i, j, k
    do k = 1, iters
      do i = 1, n
        s = 0.0d0
        do j = 1, n
          if (j /= i) s = s + a(i, j) * x(j)
        end do
        xnew(i) = (b(i) - s) / a(i, i)
      end do
      x = xnew
    end do
    residual = maxval(abs(matmul(a, x) - b))
  end subroutine jacobi

  function trace(a, n) result(t)
    integer, intent(in) :: n
    real(8), intent(in) :: a(n, n)
    real :: t
    integer :: i, unused
    t = 0
    do i = 1, n
      t = t + a(i, i)
    end do
  end function trace

  subroutine scale(v, k)
    real(8), intent(inout) :: v(:)
    integer, intent(in) :: k
    v = v * k
    k = k + 1
  end subroutine scale

  function dot(a, b) result(s)
    real(8), intent(in) :: a(:), b(:)
    real(8) :: s
    integer :: i
    do i = 1, size(a)
      s = s + a(i) * b(i)
    end do
    goto 10
  end function dot

  function norm2x(v) result(r)
    real(8), intent(in) :: v(:)
    real(8) :: r
    r = sqrt(sum(v * v)
  end function norm2x
end module linalg

program main
  use linalg
  implicit none
  real(8) :: a(3, 3), b(3), x(3)
  a = reshape([4d0, 1d0, 0d0, 1d0, 4d0, 1d0, 0d0, 1d0, 4d0], [3, 3])
  b = [1d0, 2d0, 3d0]
  x = 0
  call jacobi(a, b, x, 3)
  print *, x, trace(a, 3)
  call undefined_sub(x)
end program main
""",
    "bounds.f90": """program bounds
  implicit none
  integer :: hist(10), i, v
  integer :: samples(12) = [1, 4, 4, 9, 10, 2, 3, 3, 7, 11, 5, 6]
  hist = 0
  do i = 1, size(samples)
    v = samples(i)
    print '(A,I3,A,I3,A,I3)', 'sample ', i, ' value ', v, ' count so far ', hist(min(v, 10))
    hist(v) = hist(v) + 1
  end do
  print '(10I4)', hist
end program bounds
""",
}


def cap_fortran(tmp: Path) -> None:
    if not have("gfortran", "gfortran"):
        return
    d = tmp / "fortran"
    write_tree(d, FORTRAN)
    add("gfortran-errors", "gfortran -Wall -Wextra -c solver.f90 2>&1", run("gfortran -Wall -Wextra -c solver.f90 2>&1", cwd=d), n_gfortran)
    cmd = "gfortran -g -fcheck=all -fbacktrace -o bounds bounds.f90 && ./bounds 2>&1"
    add("fortran-bounds-check", cmd, run(cmd, cwd=d), n_fortran_rt)


# ================================================================== clang's own tools

n_clang = diag_rule(
    "clang", "build",
    "Rules 1+3 on clang: every 'file:L:C: error: …' / 'fatal error:' line; warnings one needle per ([-Wflag], file); the 'N errors generated.' line.",
    hit=r"^\S+:\d+:\d+: (fatal )?error: ", summary=r"\d+ (errors?|warnings?)( and \d+ errors?)? generated\.",
    warn=r"^(\S+):\d+:\d+: warning: .*\[(-W[\w-]+)", key=lambda m: (m.group(2), m.group(1)))
n_clang_tidy = diag_rule(
    "clang-tidy", "lint",
    "Rules 1+3 on clang-tidy: every 'file:L:C: error: …' line; warnings one needle per ([check-name], file); the 'N warnings generated.' / 'Suppressed N warnings' lines.",
    hit=r"^\S+:\d+:\d+: error: |^Suppressed \d+ warnings", summary=r"\d+ warnings? (and \d+ errors? )?generated\.",
    warn=r"^(\S+):\d+:\d+: warning: .*\[([\w.,-]+)\]$", key=lambda m: (m.group(2), m.group(1)))
n_scan_build = line_rule(
    "scan-build", "lint",
    "Rules 1+3 on scan-build (the clang static analyzer over make): every analyzer 'warning: …' line with its checker, every compile error, and the 'scan-build: N bugs found.' line.",
    hit=r"^\S+:\d+:\d+: (warning|error): ", summary=r"^scan-build: \d+ bugs? found|^scan-build: No bugs found")

C_PROJECT = {
    "Makefile": "CC ?= cc\nCFLAGS ?= -O0 -g -Wall\nOBJS = queue.o parse.o main.o\n\nqtool: $(OBJS)\n\t$(CC) $(CFLAGS) -o $@ $(OBJS)\n\n%.o: %.c queue.h\n\t$(CC) $(CFLAGS) -c $<\n\nclean:\n\trm -f *.o qtool\n",
    "queue.h": "#ifndef QUEUE_H\n#define QUEUE_H\n#include <stddef.h>\ntypedef struct node { int v; struct node *next; } node;\ntypedef struct { node *head, *tail; size_t len; } queue;\nvoid q_push(queue *q, int v);\nint q_pop(queue *q, int *out);\nvoid q_free(queue *q);\nint parse_ints(const char *s, int *out, int max);\n#endif\n",
    "queue.c": """#include <stdlib.h>
#include <string.h>
#include "queue.h"

void q_push(queue *q, int v) {
    node *n = malloc(sizeof *n);
    n->v = v;
    n->next = NULL;
    if (q->tail) q->tail->next = n; else q->head = n;
    q->tail = n;
    q->len++;
}

int q_pop(queue *q, int *out) {
    node *n = q->head;
    if (!n) return 0;
    *out = n->v;
    q->head = n->next;
    free(n);
    if (!q->head) q->tail = NULL;
    q->len--;
    return n->v >= 0;
}

void q_free(queue *q) {
    for (node *n = q->head; n; n = n->next) free(n);
}
""",
    "parse.c": """#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "queue.h"

int parse_ints(const char *s, int *out, int max) {
    char *copy = strdup(s);
    char buf[16];
    int n = 0;
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        strcpy(buf, tok);
        if (n <= max) out[n++] = atoi(buf);
    }
    if (n == 0) return -1;
    free(copy);
    return n;
}

int checksum(const int *v, int n) {
    int sum;
    for (int i = 0; i < n; i++) sum += v[i];
    return sum;
}
""",
    "main.c": """#include <stdio.h>
#include <stdlib.h>
#include "queue.h"

static int divide(int a, int b) { return a / b; }

int main(int argc, char **argv) {
    queue q = {0};
    int vals[8];
    int n = parse_ints(argc > 1 ? argv[1] : "1,2,3", vals, 8);
    for (int i = 0; i < n; i++) q_push(&q, vals[i]);
    int v, zero = 0;
    unsigned count = q.len;
    if (count < 0) puts("never");
    while (q_pop(&q, &v)) printf("%d\\n", divide(v, zero));
    char *name = NULL;
    if (argc > 2) name = argv[2];
    printf("%s has %lu items and %d\\n", name ? name : "q", q.len, 1.5);
    q_free(&q);
    return 0;
}
""",
    "broken.c": """#include <stdio.h>
#include "queue.h"

struct point { int x, y; };

int area(struct point *p) { return p->x * p->z; }

int main(void) {
    queue q;
    q_push(q, 3);
    int total = q_pop(&q);
    undeclared_fn(total);
    const char *s = 42;
    return area(&(struct point){1, 2}) + s;
}
""",
}


def cap_clang(tmp: Path) -> None:
    if not have("clang", "clang"):
        return
    d = tmp / "c"
    write_tree(d, C_PROJECT)
    cmd = "clang -Wall -Wextra -Wconversion -c broken.c main.c parse.c 2>&1"
    add("clang-errors-warnings", cmd, run(cmd, cwd=d), n_clang)
    if have("clang-tidy", "clang-tidy"):
        cmd = "clang-tidy --checks='-*,bugprone-*,cert-*,clang-analyzer-*,readability-*,misc-*' queue.c parse.c main.c -- 2>&1"
        add("clang-tidy-checks", cmd, run(cmd, cwd=d, timeout=300), n_clang_tidy)
    if have("scan-build", "scan-build"):
        cmd = "scan-build -o /tmp/scan-out make CC=clang 2>&1"
        add("scan-build-make", cmd, run(f"scan-build -o {tmp}/scan-out make CC=clang 2>&1", cwd=d, timeout=300), n_scan_build)


# ================================================================== Scala

n_scalac = diag_rule(
    "scalac", "build",
    "Rules 1+3 on scalac: every 'file.scala:L: error: …' line with its first detail line below (' found : …'), the 'N errors found' summary; warnings one needle per (message shape, file).",
    hit=r"^\S+\.scala:\d+: error: ", loc=r"^\s+(found|required)\s*:", ahead=1, summary=r"(errors?|warnings?) found$",
    warn=r"^(\S+\.scala):\d+: warning: (.*)$", key=lambda m: (mask(m.group(2)), m.group(1)))

SCALA = {
    "src/Inventory.scala": """package shop

import scala.collection.mutable

case class Item(sku: String, qty: Int, price: Double)

object Inventory {
  private val stock = mutable.Map[String, Item]()

  def add(item: Item): Unit = stock(item.sku) = item

  def total(items: List[Item]): Int = items.map(i => i.qty * i.price).sum

  def lowStock(limit: Int): Seq[Item] = stock.values.filter(_.qty < limit)

  def find(sku: String): Item = stock.get(sku) match {
    case Some(i) => i
  }

  def describe(i: Item): String = i match {
    case Item(s, q, _) if q > 0 => s + ": " + q
    case Item(s, 0, _) => s + ": none"
    case Item(s, q, p) => s"$s: $q at $p"
  }

  def main(args: Array[String]): Unit = {
    val items = List(Item("a", 1, 2.0), Item("b", "2", 3.0))
    items.foreach(add)
    println(total(items) + undefinedThing)
    println(lowStock(3).map(_.sku).mkString(", "))
    val unused = 42
  }
}
""",
    "src/Report.scala": """package shop

object Report {
  def render(items: Seq[Item], format: String): String = format match {
    case "csv" => items.map(i => s"${i.sku},${i.qty}").mkString("\\n")
    case "json" => items.map(i => "{\\"sku\\": \\"" + i.sku + "\\"}").mkString("[", ",", "]")
  }

  def average(items: Seq[Item]): Double = items.map(_.price).sum / items.size

  def biggest(items: Seq[Item]): Option[Item] = items.sortBy(-_.qty).headOption.get

  def lines(items: Seq[Item]) = for (i <- items) yield i.sku.lenght
}
""",
}


def cap_scala(tmp: Path) -> None:
    if not have("scalac", "scalac"):
        return
    d = tmp / "scala"
    write_tree(d, SCALA)
    (d / "out").mkdir()
    cmd = "scalac -deprecation -feature -Xlint -d out src/*.scala 2>&1"
    add("scalac-errors", cmd, run(cmd, cwd=d, timeout=300), n_scalac)


STEPS = [cap_lua, cap_fortran, cap_clang, cap_scala]
