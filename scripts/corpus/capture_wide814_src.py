"""Sources of round 814's material: `composing`, a printer's composing room in C (formes, quoins, galleys, chases,
compositors, sorts, leading, furniture) with faults put in, and its tests in googletest, Catch2 v2, doctest, Check,
CUnit and cmocka. Test counts scale with `n` (generated cases), so one framework gives several sizes."""

from __future__ import annotations

COMPOSING_H = r"""#ifndef COMPOSING_H
#define COMPOSING_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct { const char *name; int ems_per_hour; } Compositor;
typedef struct { int width_pica; int depth_pica; int quoins; } Chase;
int galley_lines(int chars, int chars_per_line);      /* lines a text fills on a galley */
double points_to_mm(double pt);                       /* a printer's point in millimetres */
int quoin_tighten(int gap_pt, int turns);             /* the gap left after turning a quoin */
int forme_fits(const Chase *c, int w_pica, int d_pica); /* 1 when a forme of w x d fits the chase */
int leading_total(int lines, int leading_pt);         /* points of leading between lines */
const char *compositor_name(const Compositor *c);
int compositor_hours(const Compositor *c, int ems);   /* hours to set `ems` */
int furniture_fill(int gap_pica, const int *sizes, int n); /* pieces of furniture to fill a gap */
int sorts_in_case(const char *word, char sort);       /* how many of a sort a word takes */
void compositor_wait(int proofs);                     /* waits for proofs; never returns when proofs < 0 */
#ifdef __cplusplus
}
#endif
#endif
"""

COMPOSING_C = r"""#include "composing.h"
#include <string.h>

int galley_lines(int chars, int chars_per_line) {
    if (chars_per_line <= 0) return -1;
    return chars / chars_per_line + 1;               /* fault: one line too many when chars divide evenly */
}

double points_to_mm(double pt) { return pt * 0.35; } /* fault: a point is 0.3528 mm */

int quoin_tighten(int gap_pt, int turns) {
    int g = gap_pt + turns;                          /* fault: a quoin closes the gap, it does not open it */
    return g < 0 ? 0 : g;
}

int forme_fits(const Chase *c, int w_pica, int d_pica) {
    return w_pica <= c->width_pica && d_pica < c->depth_pica; /* fault: a forme as deep as the chase fits */
}

int leading_total(int lines, int leading_pt) { return lines > 1 ? (lines - 1) * leading_pt : 0; }

const char *compositor_name(const Compositor *c) { return c->name; } /* fault: no NULL check */

int compositor_hours(const Compositor *c, int ems) {
    return ems / c->ems_per_hour;                    /* fault: rounds down; a started hour counts */
}

int furniture_fill(int gap_pica, const int *sizes, int n) {
    int pieces = 0;
    for (int i = 0; i < n && gap_pica > 0; i++)
        while (sizes[i] <= gap_pica) { gap_pica -= sizes[i]; pieces++; }
    return gap_pica == 0 ? pieces : -1;
}

int sorts_in_case(const char *word, char sort) {
    int k = 0;
    for (size_t i = 1; i < strlen(word); i++)        /* fault: skips the first letter */
        if (word[i] == sort) k++;
    return k;
}

void compositor_wait(int proofs) {
    volatile int spin = 0;
    while (proofs < 0) spin++;
}
"""

WORDS = ["forme", "quoin", "galley", "chase", "leading", "furniture", "composing", "stick", "ligature", "sorts",
         "kerning", "reglet", "imposition", "platen", "tympan", "frisket", "brayer", "em", "en", "slug"]


def cases(n: int):
    """n generated cases: (i, chars, per_line, gap, turns, word, sort)"""
    out = []
    for i in range(n):
        per = 20 + (i * 7) % 45
        chars = per * (3 + i % 5) + (0 if i % 4 == 0 else (i * 13) % per)
        w = WORDS[i % len(WORDS)]
        out.append((i, chars, per, 6 + i % 30, 1 + i % 4, w, w[(i * 3) % len(w)]))
    return out


def _expect_lines(chars, per):
    return -(-chars // per)


def gtest_src(n: int) -> str:
    o = ['#include <gtest/gtest.h>', '#include "composing.h"', '#include <string>', '#include <tuple>', '']
    o += ['TEST(GalleyTest, EmptyGalleyHasNoLines) { EXPECT_EQ(galley_lines(0, 40), 0); }',
          'TEST(GalleyTest, BadMeasureIsRejected) { EXPECT_EQ(galley_lines(100, 0), -1); }',
          'TEST(GalleyTest, LeadingBetweenLines) { EXPECT_EQ(leading_total(10, 2), 18); EXPECT_EQ(leading_total(1, 2), 0); }',
          'TEST(PointsTest, PicaIsTwelvePoints) { EXPECT_NEAR(points_to_mm(12.0), 4.2336, 1e-3); }',
          'TEST(PointsTest, DidotIsNotPica) { EXPECT_DOUBLE_EQ(points_to_mm(0.0), 0.0); }',
          'TEST(QuoinTest, TurnClosesGap) { EXPECT_LT(quoin_tighten(10, 3), 10) << "a quoin turned 3 times must close the gap"; }',
          'TEST(QuoinTest, NeverNegative) { EXPECT_GE(quoin_tighten(1, 9), 0); }',
          'TEST(ChaseTest, FormeAsDeepAsChaseFits) { Chase c{40, 60, 4}; ASSERT_TRUE(forme_fits(&c, 40, 60)); }',
          'TEST(ChaseTest, WideFormeDoesNot) { Chase c{40, 60, 4}; EXPECT_FALSE(forme_fits(&c, 41, 10)); }',
          'TEST(CompositorTest, NameOfJoseph) { Compositor c{"Joseph Moxon", 1500}; EXPECT_STREQ(compositor_name(&c), "Joseph Moxon"); }',
          'TEST(CompositorTest, StartedHourCounts) { Compositor c{"Ann", 1500}; EXPECT_EQ(compositor_hours(&c, 1501), 2); }',
          'TEST(CompositorTest, DISABLED_WaitsForProofs) { compositor_wait(-1); }',
          'TEST(FurnitureTest, FillsWithReglets) { int s[] = {10, 5, 2}; EXPECT_EQ(furniture_fill(17, s, 3), 3); }',
          'TEST(FurnitureTest, OddGapCannotFill) { int s[] = {10, 4}; EXPECT_EQ(furniture_fill(7, s, 2), -1); }',
          'TEST(FurnitureTest, SkippedOnFlatbed) { GTEST_SKIP() << "flatbed furniture not stocked"; }', '']
    o += ['struct Case { int i, chars, per, gap, turns; const char *word; char sort; };',
          'std::ostream &operator<<(std::ostream &os, const Case &c) { return os << "case" << c.i << "{" << c.chars << "/" << c.per << "}"; }',
          'class GalleyCase : public ::testing::TestWithParam<Case> {};',
          'TEST_P(GalleyCase, LinesFillMeasure) { const Case &c = GetParam();',
          '  EXPECT_EQ(galley_lines(c.chars, c.per), (c.chars + c.per - 1) / c.per) << "galley of " << c.chars << " chars at " << c.per; }',
          'TEST_P(GalleyCase, SortsCounted) { const Case &c = GetParam(); int k = 0; for (const char *p = c.word; *p; ++p) k += *p == c.sort;',
          '  EXPECT_EQ(sorts_in_case(c.word, c.sort), k) << c.word << " needs " << k << " of \'" << c.sort << "\'"; }',
          'INSTANTIATE_TEST_SUITE_P(Composing, GalleyCase, ::testing::Values(']
    o.append(",\n".join(f'  Case{{{i}, {ch}, {per}, {g}, {t}, "{w}", \'{s}\'}}' for i, ch, per, g, t, w, s in cases(n)))
    o += ['));', '']
    return "\n".join(o)


def catch_src(n: int) -> str:
    o = ['#include <catch2/catch.hpp>', '#include "composing.h"', '#include <string>', '']
    o += ['TEST_CASE("a galley with no copy has no lines", "[galley]") { REQUIRE(galley_lines(0, 40) == 0); }',
          'TEST_CASE("points become millimetres", "[points]") {',
          '  CHECK(points_to_mm(12.0) == Approx(4.2336).epsilon(0.001));',
          '  CHECK(points_to_mm(72.0) == Approx(25.4).epsilon(0.001)); }',
          'TEST_CASE("a quoin closes the gap", "[quoin]") {',
          '  SECTION("three turns") { REQUIRE(quoin_tighten(10, 3) == 7); }',
          '  SECTION("never below zero") { REQUIRE(quoin_tighten(1, 9) >= 0); } }',
          'TEST_CASE("a forme fits its chase", "[chase]") { Chase c{40, 60, 4};',
          '  CHECK(forme_fits(&c, 40, 60)); CHECK_FALSE(forme_fits(&c, 41, 10)); }',
          'TEST_CASE("a compositor\'s hours round up", "[compositor]") { Compositor c{"Ann", 1500};',
          '  REQUIRE(compositor_hours(&c, 1501) == 2); }',
          'TEST_CASE("furniture that cannot fill throws", "[furniture]") { int s[] = {10, 4};',
          '  REQUIRE_THROWS(furniture_fill(7, s, 2)); }',
          'TEST_CASE("proof reader\'s stone", "[!mayfail][proof]") { FAIL("no proofs pulled yet"); }', '']
    for i, ch, per, g, t, w, s in cases(n):
        o.append(f'TEST_CASE("galley {i}: {ch} chars at {per}", "[galley][gen]") {{ INFO("measure {per}");'
                 f' CHECK(galley_lines({ch}, {per}) == {_expect_lines(ch, per)});'
                 f' CHECK(sorts_in_case("{w}", \'{s}\') == {w.count(s)}); }}')
    return "\n".join(o) + "\n"


def doctest_src(n: int) -> str:
    o = ['#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN', '#include <doctest/doctest.h>', '#include "composing.h"', '']
    o += ['TEST_CASE("empty galley") { CHECK(galley_lines(0, 40) == 0); }',
          'TEST_CASE("pica in millimetres") { CHECK(points_to_mm(12.0) == doctest::Approx(4.2336).epsilon(0.001)); }',
          'TEST_CASE("quoin closes gap") { REQUIRE(quoin_tighten(10, 3) == 7); CHECK(quoin_tighten(1, 9) >= 0); }',
          'TEST_CASE("forme in chase") { Chase c{40, 60, 4}; CHECK(forme_fits(&c, 40, 60)); CHECK_FALSE(forme_fits(&c, 41, 10)); }',
          'TEST_CASE("compositor hours") { Compositor c{"Ann", 1500}; CHECK_MESSAGE(compositor_hours(&c, 1501) == 2, "a started hour counts"); }',
          'TEST_CASE("leading") { WARN(leading_total(1, 2) == 2); CHECK(leading_total(10, 2) == 18); }',
          'TEST_CASE("furniture") { int s[] = {10, 4}; CHECK_THROWS(furniture_fill(7, s, 2)); }', '']
    o.append('TEST_CASE("generated galleys") {')
    for i, ch, per, g, t, w, s in cases(n):
        o.append(f'  SUBCASE("galley {i}") {{ CHECK(galley_lines({ch}, {per}) == {_expect_lines(ch, per)}); }}')
    o.append('}')
    o.append('TEST_CASE("generated sorts") {')
    for i, ch, per, g, t, w, s in cases(n):
        o.append(f'  CHECK(sorts_in_case("{w}", \'{s}\') == {w.count(s)});')
    o.append('}')
    return "\n".join(o) + "\n"


def check_src(n: int, timeout_case: bool = True) -> str:
    o = ['#include <check.h>', '#include <stdlib.h>', '#include <math.h>', '#include "composing.h"', '']
    o += ['START_TEST(test_empty_galley) { ck_assert_int_eq(galley_lines(0, 40), 0); } END_TEST',
          'START_TEST(test_pica_mm) { ck_assert_double_eq_tol(points_to_mm(12.0), 4.2336, 0.001); } END_TEST',
          'START_TEST(test_quoin_closes) { ck_assert_int_lt(quoin_tighten(10, 3), 10); } END_TEST',
          'START_TEST(test_forme_deep) { Chase c = {40, 60, 4}; ck_assert_msg(forme_fits(&c, 40, 60), "forme 40x60 should fit chase %dx%d", c.width_pica, c.depth_pica); } END_TEST',
          'START_TEST(test_leading) { ck_assert_int_eq(leading_total(10, 2), 18); } END_TEST',
          'START_TEST(test_compositor_null) { ck_assert_ptr_null(compositor_name(NULL)); } END_TEST',
          'START_TEST(test_compositor_name) { Compositor c = {"Moxon", 1500}; ck_assert_str_eq(compositor_name(&c), "Moxon"); } END_TEST',
          'START_TEST(test_hours) { Compositor c = {"Ann", 1500}; ck_assert_int_eq(compositor_hours(&c, 1501), 2); } END_TEST',
          'START_TEST(test_wait_proofs) { compositor_wait(-1); } END_TEST',
          'START_TEST(test_furniture) { int s[] = {10, 5, 2}; ck_assert_int_eq(furniture_fill(17, s, 3), 3); } END_TEST', '']
    cs = cases(n)
    o.append('static const int CH[] = {' + ", ".join(str(c[1]) for c in cs) + '};')
    o.append('static const int PER[] = {' + ", ".join(str(c[2]) for c in cs) + '};')
    o.append('START_TEST(test_galley_loop) { int e = (CH[_i] + PER[_i] - 1) / PER[_i];'
             ' ck_assert_msg(galley_lines(CH[_i], PER[_i]) == e, "galley %d: %d chars at %d gave %d lines, want %d",'
             ' _i, CH[_i], PER[_i], galley_lines(CH[_i], PER[_i]), e); } END_TEST')
    o += ['', 'static Suite *galley_suite(void) {', '  Suite *s = suite_create("Galley");',
          '  TCase *t = tcase_create("lines");', '  tcase_add_test(t, test_empty_galley); tcase_add_test(t, test_leading);',
          f'  tcase_add_loop_test(t, test_galley_loop, 0, {n});', '  suite_add_tcase(s, t);',
          '  TCase *m = tcase_create("measure");', '  tcase_add_test(m, test_pica_mm); tcase_add_test(m, test_quoin_closes);',
          '  tcase_add_test(m, test_forme_deep); tcase_add_test(m, test_furniture);', '  suite_add_tcase(s, m);',
          '  return s; }', '', 'static Suite *compositor_suite(void) {', '  Suite *s = suite_create("Compositor");',
          '  TCase *t = tcase_create("people");', '  tcase_add_test(t, test_compositor_name); tcase_add_test(t, test_compositor_null);',
          '  tcase_add_test(t, test_hours);']
    if timeout_case:
        o += ['  tcase_set_timeout(t, 1);', '  tcase_add_test(t, test_wait_proofs);']
    o += ['  suite_add_tcase(s, t);', '  return s; }', '',
          'int main(void) {', '  SRunner *sr = srunner_create(galley_suite());', '  srunner_add_suite(sr, compositor_suite());',
          '  srunner_run_all(sr, CK_ENV);', '  int nf = srunner_ntests_failed(sr);', '  srunner_free(sr);',
          '  return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE; }', '']
    return "\n".join(o)


def cunit_src(n: int, crash: bool = False) -> str:
    o = ['#include <CUnit/Basic.h>', '#include <stdlib.h>', '#include "composing.h"', '']
    o += ['static void test_empty_galley(void) { CU_ASSERT_EQUAL(galley_lines(0, 40), 0); }',
          'static void test_pica_mm(void) { CU_ASSERT_DOUBLE_EQUAL(points_to_mm(12.0), 4.2336, 0.001); }',
          'static void test_quoin(void) { CU_ASSERT(quoin_tighten(10, 3) < 10); CU_ASSERT_EQUAL(quoin_tighten(10, 3), 7); }',
          'static void test_forme(void) { Chase c = {40, 60, 4}; CU_ASSERT_TRUE(forme_fits(&c, 40, 60)); CU_ASSERT_FALSE(forme_fits(&c, 41, 10)); }',
          'static void test_name(void) { Compositor c = {"Moxon", 1500}; CU_ASSERT_STRING_EQUAL(compositor_name(&c), "Moxon"); }',
          'static void test_hours(void) { Compositor c = {"Ann", 1500}; CU_ASSERT_EQUAL_FATAL(compositor_hours(&c, 1501), 2); CU_ASSERT_EQUAL(compositor_hours(&c, 3000), 2); }',
          'static void test_null(void) { CU_ASSERT_PTR_NULL(compositor_name(NULL)); }', '']
    cs = cases(n)
    o.append('static const int CH[] = {' + ", ".join(str(c[1]) for c in cs) + '};')
    o.append('static const int PER[] = {' + ", ".join(str(c[2]) for c in cs) + '};')
    o.append(f'static void test_galleys(void) {{ for (int i = 0; i < {n}; i++) CU_ASSERT_EQUAL(galley_lines(CH[i], PER[i]), (CH[i] + PER[i] - 1) / PER[i]); }}')
    o.append('static void test_sorts(void) {')
    for i, ch, per, g, t, w, s in cs:
        o.append(f'  CU_ASSERT_EQUAL(sorts_in_case("{w}", \'{s}\'), {w.count(s)});')
    o += ['}', '', 'int main(void) {', '  if (CU_initialize_registry() != CUE_SUCCESS) return CU_get_error();',
          '  CU_pSuite g = CU_add_suite("Galley", NULL, NULL);', '  CU_add_test(g, "empty galley", test_empty_galley);',
          '  CU_add_test(g, "generated galleys", test_galleys);', '  CU_add_test(g, "sorts in case", test_sorts);',
          '  CU_pSuite m = CU_add_suite("Measure", NULL, NULL);', '  CU_add_test(m, "pica in mm", test_pica_mm);',
          '  CU_add_test(m, "quoin closes", test_quoin);', '  CU_add_test(m, "forme in chase", test_forme);',
          '  CU_pSuite c = CU_add_suite("Compositor", NULL, NULL);', '  CU_add_test(c, "name", test_name);',
          '  CU_add_test(c, "hours", test_hours);']
    if crash:
        o.append('  CU_add_test(c, "null compositor", test_null);')
    o += ['  CU_basic_set_mode(CU_BRM_VERBOSE);', '  CU_basic_run_tests();', '  unsigned nf = CU_get_number_of_tests_failed();',
          '  CU_cleanup_registry();', '  return nf ? 1 : 0; }', '']
    return "\n".join(o)


def cmocka_src(n: int) -> str:
    o = ['#include <stdarg.h>', '#include <stddef.h>', '#include <setjmp.h>', '#include <stdint.h>', '#include <cmocka.h>',
         '#include "composing.h"', '']
    o += ['static void empty_galley(void **s) { (void)s; assert_int_equal(galley_lines(0, 40), 0); }',
          'static void quoin_closes(void **s) { (void)s; assert_int_equal(quoin_tighten(10, 3), 7); }',
          'static void forme_deep(void **s) { (void)s; Chase c = {40, 60, 4}; assert_true(forme_fits(&c, 40, 60)); }',
          'static void hours(void **s) { (void)s; Compositor c = {"Ann", 1500}; assert_int_equal(compositor_hours(&c, 1501), 2); }',
          'static void name(void **s) { (void)s; Compositor c = {"Moxon", 1500}; assert_string_equal(compositor_name(&c), "Moxon"); }',
          'static void furniture(void **s) { (void)s; int z[] = {10, 4}; assert_in_range(furniture_fill(7, z, 2), 0, 10); }',
          'static void flatbed(void **s) { (void)s; skip(); }', '']
    cs = cases(n)
    for i, ch, per, g, t, w, s in cs:
        o.append(f'static void galley_{i}(void **s) {{ (void)s; assert_int_equal(galley_lines({ch}, {per}), {_expect_lines(ch, per)}); }}')
    o += ['', 'int main(void) {', '  const struct CMUnitTest tests[] = {',
          '    cmocka_unit_test(empty_galley), cmocka_unit_test(quoin_closes), cmocka_unit_test(forme_deep),',
          '    cmocka_unit_test(hours), cmocka_unit_test(name), cmocka_unit_test(furniture), cmocka_unit_test(flatbed),']
    o += [f'    cmocka_unit_test(galley_{c[0]}),' for c in cs]
    o += ['  };', '  return cmocka_run_group_tests_name("composing", tests, NULL, NULL); }', '']
    return "\n".join(o)
