"""Round 147, C++: a robot-arm kinematics library on Eigen 3.4 (`rigkin`), a sensor-log grammar on Boost.Spirit Qi
(`qlog`), a pipeline on range-v3 (`rpipe`), a scheduling library with C++20 concepts (`cjobs`) and an inventory tool
built with libstdc++'s debug mode (`stock`), each written here with faults put in and widened by seeded generators,
compiled with g++ 12 and clang++ 14 and run. The kinds' rules are NEEDLES.md's "Round 147". Run through
capture_wide147.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_data import any_of
from capture_more import groups, kind, mask, run, write_tree
from capture_wide147 import cap

EIGEN = "-I/usr/include/eigen3"
STATUS = r"EXIT=\d+|\bAborted\b|Segmentation fault|Floating point exception|core dumped|make: \*\*\*|^\d+ errors? generated\."


def cxx_wall(name: str, doc: str, extra: str | None = None):
    """A C++ compile-error wall (NEEDLES.md round 147): every error line; every g++ `required from here` and clang
    `requested here` line outside /usr/; the closing count and status; note shapes one {"any"} (first 20); `extra`
    lines (rule 5 of the kind)."""
    ex = re.compile(extra) if extra else None

    def ext(lines: list[str]) -> list:
        out: list = []
        for ln in lines:
            own = not ln.lstrip().startswith("/usr/")
            if re.search(r"\b(fatal )?error:", ln):
                out.append(ln)
            elif own and ("required from here" in ln or re.search(r"note: in instantiation of .*requested here", ln)):
                out.append(ln)
            elif re.search(STATUS, ln):
                out.append(ln)
            elif ex and ex.search(ln):
                out.append(ln)
        notes = groups((mask(ln.split("note:", 1)[1]), ln) for ln in lines if "note:" in ln)[:20]
        return out + notes
    ext.__doc__ = doc
    return kind(name, "build")(ext)


_WALL = ("Rule 1 on a C++ compile-error wall: every error line, every 'required from here' / 'requested here' line "
         "in the project's own files, the closing count and status line, note lines one {\"any\"} per shape (first 20)")
EIGEN_TOK = r"\b(YOU_|THIS_|INVALID_MATRIX_)[A-Z_]+"
n_eigen_gpp = cxx_wall("eigen-static-assert", _WALL + "; rule 5: every line naming an Eigen static-assertion token.",
                       EIGEN_TOK)
n_eigen_clang = cxx_wall("clangxx-eigen-static-assert", _WALL + "; rule 5: every line naming an Eigen "
                         "static-assertion token.", EIGEN_TOK)
n_spirit_gpp = cxx_wall("spirit-error-wall", _WALL + " (g++ on Boost.Spirit Qi).")
n_spirit_clang = cxx_wall("clangxx-spirit-error-wall", _WALL + " (clang++ on Boost.Spirit Qi).")
n_range_v3 = cxx_wall("range-v3-error", _WALL + " (g++ on range-v3).")
n_concepts_gpp = cxx_wall(
    "gpp-concepts-error", _WALL + "; rule 5: every line saying which requirement failed (required expression invalid, "
    "evaluated to 'false', no operand of the disjunction, constraints not satisfied).",
    r"the required expression .* is invalid|evaluated to .false.|no operand of the disjunction is satisfied|"
    r"constraints not satisfied")
n_concepts_clang = cxx_wall(
    "clangxx-concepts-error", _WALL + "; rule 5: every clang 'because ... does not satisfy / would be invalid / "
    "evaluated to false' line.", r"because .*(does not satisfy|would be invalid|evaluated to false)")


def _before(lines: list[str], i: int) -> str | None:
    """The last non-blank line above line i (what the program printed before it died)."""
    for k in range(i - 1, -1, -1):
        if lines[k].strip():
            return lines[k]
    return None


def _status(lines: list[str]) -> list:
    return [ln for ln in lines if re.search(r"EXIT=\d+|\bAborted\b|Segmentation fault|Floating point exception|"
                                            r"core dumped|Killed", ln)]


@kind("eigen-assert-abort", "log")
def n_eigen_assert(lines):
    """Rule 1 on an Eigen runtime assertion: the 'Assertion ... failed.' line, the last line printed before it, the status line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"Assertion .* failed\.", ln):
            out += [ln, _before(lines, i)]
    return out + _status(lines)


@kind("glibcxx-debug-abort", "log")
def n_glibcxx_debug(lines):
    """Rule 1 on a libstdc++ debug-mode abort: every 'Error: attempt to ...' line (every 'Error:' line, rule 1), the line after 'In function:', every 'state =' line of the objects involved, the last line printed before the error, the status line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"^Error: ", ln):
            out.append(ln)
            head = next((k for k in range(i, max(-1, i - 12), -1) if re.match(r"^/\S+:\d+:", lines[k])), None)
            if head is not None:
                out.append(_before(lines, head))
        if re.search(r"In function:\s*$", ln) and i + 1 < len(lines):
            out.append(lines[i + 1])
        if re.match(r"\s+state = ", ln):
            out.append(ln)
    return out + _status(lines)


# ------------------------------------------------------------------ Eigen: rigkin

RIG_H = """#pragma once
#include <Eigen/Dense>
namespace rig {
using Mat3 = Eigen::Matrix3d;
using Mat4 = Eigen::Matrix4d;
using Vec3 = Eigen::Vector3d;
using Vec4 = Eigen::Vector4d;
Mat4 dh(double a, double alpha, double d, double theta);
}
"""

JOINTS_CPP = """#include "rig.hpp"
#include <cmath>
namespace rig {
Mat4 dh(double a, double alpha, double d, double theta) {
    Mat4 t;
    t << std::cos(theta), -std::sin(theta) * std::cos(alpha), std::sin(theta) * std::sin(alpha), a * std::cos(theta),
         std::sin(theta), std::cos(theta) * std::cos(alpha), -std::cos(theta) * std::sin(alpha), a * std::sin(theta),
         0, std::sin(alpha), std::cos(alpha), d,
         0, 0, 0, 1;
    return t;
}

Mat4 chain(const Mat3 &base_rot, const Mat4 &tool) {
    Mat4 out = base_rot * tool;           // 3x3 times 4x4
    return out;
}

Vec3 tip(const Mat4 &t, const Vec3 &p) {
    return t * p;                         // a 4x4 on a 3-vector
}
}
"""

JACOBIAN_CPP = """#include "rig.hpp"
namespace rig {
Eigen::Matrix<double, 6, 1> twist(const Vec4 &w, const Vec3 &r) {
    Eigen::Matrix<double, 6, 1> out;
    out.head<3>() = w.cross(r);           // cross() of a 4-vector
    out.tail<3>() = r;
    return out;
}

Eigen::Matrix3f torque_gain(const Eigen::Matrix3f &k, const Mat3 &inertia) {
    return k + inertia;                   // float plus double
}

double manipulability(const Eigen::Matrix<double, 6, 7> &j) {
    Eigen::Matrix<double, 6, 6> jjt = j.transpose() * j;
    return std::sqrt(jjt.determinant());
}
}
"""


def gen_eigen(k: int, bad: bool) -> str:
    rnd = random.Random(14700 + k)
    fns = []
    for j in range(rnd.randint(5, 8)):
        n = rnd.choice([2, 3, 4, 6])
        fns.append(f"""Eigen::Matrix<double, {n}, {n}> filter_{k}_{j}(const Eigen::Matrix<double, {n}, {n}> &p, double q) {{
    Eigen::Matrix<double, {n}, {n}> out = p * p.transpose() + q * Eigen::Matrix<double, {n}, {n}>::Identity();
    return out.inverse();
}}
""")
    if bad:
        n, m = rnd.sample([2, 3, 4, 6], 2)
        fns.append(f"""Eigen::Matrix<double, {n}, 1> observe_{k}(const Eigen::Matrix<double, {n}, {m}> &h,
                                         const Eigen::Matrix<double, {n}, 1> &x) {{
    return h * x + x;
}}
""")
        fns.append(f"""double residual_{k}(const Eigen::Vector{n}d &a, const Eigen::Vector{m}d &b) {{
    return (a - b).norm();
}}
""")
    return '#include "rig.hpp"\n#include <cmath>\nnamespace rig {\n' + "\n".join(fns) + "}\n"


RIG_RUN = """#include <Eigen/Dense>
#include <cstdio>
#include <cstdlib>
int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    int mode = argc > 1 ? std::atoi(argv[1]) : 0;
    Eigen::MatrixXd j(6, 7);
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 7; ++c) j(r, c) = 0.1 * (r + 1) - 0.05 * c;
    for (int step = 0; step < 40; ++step) {
        Eigen::VectorXd q = Eigen::VectorXd::LinSpaced(7, 0.0, 0.01 * step);
        Eigen::VectorXd v = j * q;
        std::printf("step %2d  |q| %.4f  |v| %.4f  v0 %+.5f v5 %+.5f\\n", step, q.norm(), v.norm(), v(0), v(5));
    }
    if (mode == 0) {
        Eigen::VectorXd qdot(6);
        qdot.setOnes();
        Eigen::VectorXd v = j * qdot;   // 6x7 times 6
        std::printf("%f\\n", v(0));
    } else if (mode == 1) {
        Eigen::Vector3d p(1, 2, 3);
        for (int i = 0; i <= 3; ++i) std::printf("p(%d) = %f\\n", i, p(i));
    } else {
        Eigen::Matrix3d m = Eigen::Matrix3d::Identity();
        Eigen::Matrix4d b = m.block(0, 0, 4, 4);
        std::printf("%f\\n", b.trace());
    }
    return 0;
}
"""


def eigen(tmp: Path) -> None:
    root = tmp / "rigkin"
    files = {"src/rig.hpp": RIG_H, "src/joints.cpp": JOINTS_CPP, "src/jacobian.cpp": JACOBIAN_CPP, "run.cpp": RIG_RUN}
    for k in range(4):
        files[f"src/filter_{k}.cpp"] = gen_eigen(k, k in (1, 3))
    write_tree(root, files)
    cap("eigen-gpp-joints-jacobian-exit", f"g++ -std=c++17 {EIGEN} -Isrc -c src/joints.cpp src/jacobian.cpp 2>&1; "
        "echo EXIT=$?", root, n_eigen_gpp)
    cap("eigen-gpp-all-head-100", f"g++ -std=c++17 -O1 {EIGEN} -Isrc -c src/*.cpp 2>&1 | head -n 100", root,
        n_eigen_gpp)
    cap("eigen-gpp-btl0-grep", f"g++ -std=c++17 -ftemplate-backtrace-limit=0 {EIGEN} -Isrc -c src/filter_1.cpp "
        "src/filter_3.cpp src/jacobian.cpp 2>&1 | grep -E 'error|required from'", root, n_eigen_gpp)
    cap("eigen-clang-joints", f"clang++ -std=c++17 {EIGEN} -Isrc -c src/joints.cpp", root, n_eigen_clang)
    cap("eigen-clang-filters-exit", f"clang++ -std=c++17 {EIGEN} -Isrc -c src/filter_1.cpp src/filter_3.cpp "
        "src/jacobian.cpp 2>&1; echo EXIT=$?", root, n_eigen_clang)
    out = run(f"g++ -std=c++17 -g -O0 {EIGEN} run.cpp -o run 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("eigen-assert-product", "./run 0; echo EXIT=$?", root, n_eigen_assert)
    cap("eigen-assert-index-tail-30", "./run 1 2>&1 | tail -n 30", root, n_eigen_assert)
    cap("eigen-assert-block", "./run 2; echo EXIT=$?", root, n_eigen_assert)


# ------------------------------------------------------------------ Boost.Spirit Qi: qlog

QLOG_H = """#pragma once
#include <boost/spirit/include/qi.hpp>
#include <boost/fusion/include/adapt_struct.hpp>
#include <string>
#include <vector>
namespace qi = boost::spirit::qi;
struct Reading { std::string station; double temp; int humidity; };
struct Batch { std::string site; std::vector<Reading> rows; };
BOOST_FUSION_ADAPT_STRUCT(Reading, station, temp, humidity)
BOOST_FUSION_ADAPT_STRUCT(Batch, site, rows)
using It = std::string::const_iterator;
"""

QLOG_READING = """#include "qlog.hpp"
bool parse_reading(const std::string &s, Reading &r) {
    It it = s.begin();
    qi::rule<It, Reading(), qi::space_type> rule =
        qi::lexeme[+qi::alpha] >> ',' >> qi::double_ >> ',' >> qi::int_;
    return qi::parse(it, s.end(), rule, r);          // parse, not phrase_parse, with a skipper rule
}
"""

QLOG_BATCH = """#include "qlog.hpp"
bool parse_batch(const std::string &s, Batch &b) {
    It it = s.begin();
    qi::rule<It, Reading()> row = +qi::alpha >> ',' >> qi::double_ >> ',' >> qi::int_;
    qi::rule<It, Batch()> batch = +qi::alnum >> ':' >> (row % ';');
    int count = 0;
    qi::parse(it, s.end(), +qi::digit, count);       // a string into an int
    return qi::parse(it, s.end(), batch, b);
}
"""


def gen_qlog(k: int) -> str:
    rnd = random.Random(14800 + k)
    attr = rnd.choice(["double", "int", "char", "bool"])
    parser = rnd.choice(["+qi::alpha", "qi::lexeme[+qi::alnum]", "*(qi::char_ - ',')"])
    return f"""#include "qlog.hpp"
#include <map>
bool parse_field_{k}(const std::string &s, {attr} &out) {{
    It it = s.begin();
    qi::rule<It, {attr}()> field = {parser};        // the parser's attribute is a string
    return qi::parse(it, s.end(), field, out);
}}

bool parse_pairs_{k}(const std::string &s, std::map<std::string, int> &m) {{
    It it = s.begin();
    return qi::parse(it, s.end(), (+qi::alpha >> '=' >> qi::int_) % ',', m);
}}
"""


def spirit(tmp: Path) -> None:
    root = tmp / "qlog"
    files = {"src/qlog.hpp": QLOG_H, "src/reading.cpp": QLOG_READING, "src/batch.cpp": QLOG_BATCH}
    for k in range(3):
        files[f"src/field_{k}.cpp"] = gen_qlog(k)
    write_tree(root, files)
    cap("spirit-gpp-reading-head-100", "g++ -std=c++17 -Isrc -c src/reading.cpp 2>&1 | head -n 100", root,
        n_spirit_gpp)
    cap("spirit-gpp-btl0-field0-exit", "g++ -std=c++17 -ftemplate-backtrace-limit=0 -Isrc -c src/field_0.cpp "
        "2>&1; echo EXIT=$?", root, n_spirit_gpp)
    cap("spirit-gpp-grep-required", "g++ -std=c++17 -Isrc -c src/reading.cpp src/batch.cpp src/field_1.cpp 2>&1 | "
        "grep -E 'error|required from'", root, n_spirit_gpp)
    cap("spirit-clang-reading", "clang++ -std=c++17 -Isrc -c src/reading.cpp src/field_2.cpp", root,
        n_spirit_clang)
    cap("spirit-clang-batch-head-150", "clang++ -std=c++17 -Isrc -c src/batch.cpp 2>&1 | head -n 150", root,
        n_spirit_clang)


# ------------------------------------------------------------------ range-v3: rpipe

RPIPE = {
    "src/pipe.cpp": """#include <range/v3/all.hpp>
#include <list>
#include <map>
#include <string>
#include <vector>
namespace rv = ranges::views;
std::vector<int> top_scores(std::list<int> scores) {
    ranges::actions::sort(scores);                      // a list has no random access
    return scores | rv::take(10) | ranges::to<std::vector>();
}
std::vector<std::string> names(const std::map<std::string, int> &m) {
    return m | rv::keys | rv::reverse | rv::chunk(2) | ranges::to<std::vector<std::string>>();
}
""",
    "src/window.cpp": """#include <range/v3/all.hpp>
#include <forward_list>
#include <vector>
namespace rv = ranges::views;
double mean_window(const std::forward_list<double> &xs) {
    auto w = xs | rv::sliding(3) | rv::reverse;         // reverse needs a bidirectional range
    double s = 0;
    for (auto &&win : w) s += ranges::accumulate(win, 0.0);
    return s;
}
int first_even(std::vector<int> v) {
    return ranges::find_if(v, [](int a, int b) { return a % 2 == 0; }) - v.begin();
}
""",
}


def range_v3(tmp: Path) -> None:
    root = tmp / "rpipe"
    write_tree(root, RPIPE)
    cap("range-v3-pipe-exit", "g++ -std=c++17 -c src/pipe.cpp 2>&1; echo EXIT=$?", root, n_range_v3)
    cap("range-v3-window-head-120", "g++ -std=c++20 -c src/window.cpp 2>&1 | head -n 120", root, n_range_v3)
    cap("range-v3-all-grep", "g++ -std=c++17 -c src/pipe.cpp src/window.cpp 2>&1 | grep -E 'error|required from'",
        root, n_range_v3)


# ------------------------------------------------------------------ C++20 concepts: cjobs

CJOBS_H = """#pragma once
#include <algorithm>
#include <concepts>
#include <list>
#include <ranges>
#include <string>
#include <vector>
template <class T>
concept Job = requires(T j) {
    { j.priority() } -> std::convertible_to<int>;
    { j.name() } -> std::same_as<std::string>;
    j.run();
};
template <class T>
concept Durable = Job<T> && (std::copyable<T> || std::movable<T>) && requires(const T &j) { j.checkpoint(); };
template <Job J>
void submit(std::vector<J> &queue, J j) { queue.push_back(std::move(j)); }
template <Durable J>
void persist(const J &j) { j.checkpoint(); }
struct Backup { int priority() const { return 3; } std::string name() const { return "backup"; } void run() {} };
struct Report { long priority() const { return 1; } const char *name() const { return "report"; } void run() {} };
struct Purge { int level; int priority() const { return level; } std::string name() const { return "purge"; } };
"""

CJOBS_QUEUE = """#include "cjobs.hpp"
void enqueue_all() {
    std::vector<Report> rq;
    submit(rq, Report{});                 // name() is not a std::string
    std::vector<Purge> pq;
    submit(pq, Purge{2});                 // no run()
    persist(Backup{});                    // no checkpoint()
}
"""

CJOBS_SORT = """#include "cjobs.hpp"
struct Slot { int start; int len; };
void order(std::list<int> &ids, std::vector<Slot> &slots) {
    std::ranges::sort(ids);               // a list is not random access
    std::ranges::sort(slots);             // Slot has no operator<
    auto late = slots | std::views::filter([](const Slot &s) { return s.start > 8; });
    std::ranges::sort(late);
}
"""


def gen_cjobs(k: int) -> str:
    rnd = random.Random(14900 + k)
    body = []
    for j in range(rnd.randint(3, 5)):
        ret = rnd.choice(["int", "double", "unsigned"])
        body.append(f"""struct Task{k}_{j} {{ {ret} priority() const {{ return {j}; }} std::string name() const {{ return "t{j}"; }}
    void run() {{}} }};
void schedule_{k}_{j}() {{ std::vector<Task{k}_{j}> q; submit(q, Task{k}_{j}{{}}); }}
""")
    bad = rnd.choice(["std::string_view", "char", "void"])
    body.append(f"""struct Broken{k} {{ int priority() const {{ return 0; }} {bad} name() const {{ return {{}}; }} void run() {{}} }};
void schedule_broken_{k}() {{ std::vector<Broken{k}> q; submit(q, Broken{k}{{}}); persist(Broken{k}{{}}); }}
""")
    return '#include "cjobs.hpp"\n#include <string_view>\n' + "\n".join(body)


def concepts(tmp: Path) -> None:
    root = tmp / "cjobs"
    files = {"src/cjobs.hpp": CJOBS_H, "src/queue.cpp": CJOBS_QUEUE, "src/sort.cpp": CJOBS_SORT}
    for k in range(3):
        files[f"src/tasks_{k}.cpp"] = gen_cjobs(k)
    write_tree(root, files)
    cap("concepts-gpp-queue", "g++ -std=c++20 -Isrc -c src/queue.cpp", root, n_concepts_gpp)
    cap("concepts-gpp-sort-exit", "g++ -std=c++20 -Isrc -c src/sort.cpp 2>&1; echo EXIT=$?", root, n_concepts_gpp)
    cap("concepts-gpp-all-grep", "g++ -std=c++20 -fconcepts-diagnostics-depth=3 -Isrc -c src/*.cpp 2>&1 | "
        "grep -E 'error|required from|constraints|evaluated'", root, n_concepts_gpp)
    cap("concepts-clang-queue-tasks", "clang++ -std=c++20 -Isrc -c src/queue.cpp src/tasks_0.cpp src/tasks_1.cpp",
        root, n_concepts_clang)
    cap("concepts-clang-sort-head-80", "clang++ -std=c++20 -Isrc -c src/sort.cpp 2>&1 | head -n 80", root,
        n_concepts_clang)


# ------------------------------------------------------------------ libstdc++ debug mode: stock

STOCK = r"""#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>
struct Item { std::string sku; int qty; double price; };
int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    int mode = argc > 1 ? std::atoi(argv[1]) : 0;
    std::vector<Item> items;
    unsigned seed = 147;
    for (int i = 0; i < 60; ++i) {
        seed = seed * 1103515245u + 12345u;
        items.push_back({"SKU-" + std::to_string(1000 + i), int(seed % 90), (seed % 9000) / 100.0});
    }
    for (const auto &it : items)
        std::printf("%-9s qty %3d  price %7.2f  value %9.2f\n", it.sku.c_str(), it.qty, it.price, it.qty * it.price);
    if (mode == 0) {
        std::vector<int> restock = {3, 7, 11};
        for (size_t i = 0; i <= restock.size(); ++i) std::printf("restock %d\n", items[restock[i]].qty);
    } else if (mode == 1) {
        auto low = items.begin() + 5;
        items.erase(items.begin() + 2);
        std::printf("low %s\n", low->sku.c_str());
    } else if (mode == 2) {
        std::map<std::string, int> bins;
        for (const auto &it : items) bins[it.sku.substr(0, 5)] += it.qty;
        auto f = bins.find("SKU-9");
        std::printf("bin %d\n", f->second);
    } else {
        std::vector<Item> a(items.begin(), items.begin() + 10), b(items.begin() + 10, items.end());
        std::copy(a.begin(), b.end(), items.begin());
    }
    return 0;
}
"""


def stock(tmp: Path) -> None:
    root = tmp / "stock"
    write_tree(root, {"stock.cpp": STOCK})
    out = run("g++ -std=c++17 -g -D_GLIBCXX_DEBUG stock.cpp -o stock 2>&1", cwd=root)
    if out.strip():
        print(out[:2000])
    cap("glibcxx-debug-subscript", "./stock 0; echo EXIT=$?", root, n_glibcxx_debug)
    cap("glibcxx-debug-invalidated-tail-40", "./stock 1 2>&1 | tail -n 40", root, n_glibcxx_debug)
    cap("glibcxx-debug-map-end", "./stock 2; echo EXIT=$?", root, n_glibcxx_debug)
    cap("glibcxx-debug-copy-range", "./stock 3 2>&1 | tail -n 25; echo done", root, n_glibcxx_debug)


STEPS = [eigen, spirit, range_v3, concepts, stock]
