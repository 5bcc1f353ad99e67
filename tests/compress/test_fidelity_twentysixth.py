"""Fidelity rules of issue #11's twenty-sixth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.lines import FAIL, severity
from tests.compress.support import sent

# Languages that inflect a word where English adds one: Finnish counts "76 vakavaa virhettä" (76
# fatal errors) and calls a bad value "virheellinen"; Hungarian "hibás", Turkish "hatası", Czech
# "chybí" (missing), Danish "fejlede" (failed), Romanian "erorile".
_INFLECTED = (
    "msgfmt: {k} vakavaa virhettä",
    "sort: virheellinen numero rivillä {k}",
    "tar: tiedoston purku epäonnistui: kerf{k}.tar",
    "rm: nem sikerült eltávolítani: saw{k}.log",
    "make: *** hibás cél: blade{k}",
    "sed: -e ifade #{k}, karakter 3: hatalı komut",
    "git: soubor log{k}.txt chybí",
    "tar: kommandoen fejlede med status {k}",
    "msgfmt: {k} erori fatale găsite",
)


def test_an_inflected_failure_word_is_a_failure() -> None:
    assert all(severity(shape.format(k=3)) == FAIL for shape in _INFLECTED)
    # A stem found inside another word is no failure: Toshiba is a maker's name.
    assert severity("Bus 001 Device 004: ID 0930:6545 Toshiba Corp. Kingston DataTraveler") is None


def test_a_translated_count_of_fatal_errors_keeps_the_located_lines_it_counts() -> None:
    # msgfmt -c under LANG=fi_FI: each "file.po:N:" line is a fatal error whatever its words; only the
    # closing count says so, in the user's language. Read as findings, all but one of a shape went.
    lines: list[str] = []
    for po, n in (("kerfline.po", 80), ("yard0.po", 6), ("yard1.po", 4), ("yard2.po", 5)):
        lines += [f"== {po}", f"{po}: varoitus: Merkistö puuttuu otsakkeessa.",
                  f"{po}:2: varoitus: otsakekenttä ’Last-Translator’ puuttuu otsakkeessa"]
        for k in range(n):
            shape = ("muotomäärittelyt eivät ole samat merkkijonossa ’msgid’ ja merkkijonossa ’msgstr’ argumentille 1"
                     if k % 3 else "muotomäärittelyiden määrä merkkijonossa ’msgid_plural’ ja merkkijonossa ’msgstr[1]’ ei täsmää")
            lines.append(f"{po}:{23 + 17 * k}: {shape}")
        lines += [f"msgfmt: {n} vakavaa virhettä", "422 käännettyä viestiä, 52 vajaata käännöstä.", "EXIT=1"]
    text = "\n".join(lines)
    kept = sent(text)
    assert [line for line in lines if line not in kept] == []
