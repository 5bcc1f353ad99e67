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


def test_each_stacks_caption_in_a_sanitizers_report_stays() -> None:
    # ThreadSanitizer's lock-order inversion: one stack per edge of the cycle, each under a caption
    # naming its mutexes and thread. The stacks name the same two places, so the frames say nothing
    # new after the first; the captions are the cycle the report is about.
    out = [f"vessel {k % 8} round {k * 50} docked at berths {k % 8}+{(k + 1) % 8}" for k in range(300)]
    report = ["==================", "WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid=8822)",
              "  Cycle in lock order graph: " + " => ".join(f"M{k}" for k in (*range(8), 0)), ""]
    captions = []
    for k in range(8):
        captions.append(f"  Mutex M{(k + 1) % 8} acquired here while holding mutex M{k} in thread T{k + 1}:")
        report += [captions[-1], "    #0 pthread_mutex_lock sanitizer_common_interceptors.inc:4324 (libtsan.so.2+0x558e1)",
                   "    #1 dock /srv/berths/berths.c:11 (berths8+0x12ba)", "    #2 vessel /srv/berths/berths.c:20 (berths8+0x12ba)", ""]
    report += ["SUMMARY: ThreadSanitizer: lock-order-inversion (potential deadlock) /srv/berths/berths.c:11 in dock",
               "==================", "ThreadSanitizer: reported 1 warnings"]
    text = "\n".join(out[:150] + report + out[150:])
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert [line for line in captions if line not in kept] == []


def test_a_long_history_listed_one_commit_a_line_stays_whole() -> None:
    # `git status; git log --oneline` on a repository of 480 commits: each line is a commit the
    # model may name (a list of 1,000 is still read whole; past that it is sampled).
    status = ["On branch main", "Your branch is ahead of 'origin/main' by 3 commits.",
              '  (use "git push" to publish your local commits)', "", "nothing to commit, working tree clean"]
    log = [f"{(0x9A3F11 * (k + 7)) % 0xFFFFFFF:07x} {('burr', 'seam', 'ladle', 'rivet')[k % 4]}: {('cut', 'fold', 'solder')[k % 3]} job {480 - k}"
           for k in range(480)]
    text = "\n".join(status + log) + "\n"
    kept = sent(text)
    assert [line for line in log if line not in kept] == []
