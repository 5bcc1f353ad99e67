"""Fidelity rules of issue #11's twenty-fifth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.coverage import keep_unrun_lines
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.select import CONTEXT, MUST, NORMAL
from tests.compress.support import corpus_text, sent


def test_erlang_covers_never_run_lines_count_as_unrun() -> None:
    # cover:analyse_to_file writes each source line under its count and "..|": "     0..|" is a line
    # never run, as llvm-cov's "|      0|" and gcov's "#####:" are.
    lines = ["File generated from /srv/bells/src/tower.erl by COVER 2026-12-02 at 16:11:12", "",
             "*" * 76, "", "        |  -module(tower).", "        |  -export([peal/1])."]
    lines += [f"     {k % 4 + 1}..|      X{k} = peal_step({k})," for k in range(40)]
    lines[20] = "     0..|      erlang:error(cracked_bell),"
    lines[21] = "     0..|      unreachable,"
    rank = [NORMAL] * len(lines)
    keep_unrun_lines(LineIndex("\n".join(lines)), rank)
    assert rank[20] == MUST and rank[21] == CONTEXT and rank.count(NORMAL) == len(lines) - 2



def test_a_level_written_as_syslogs_number_reports_errors_and_warnings() -> None:
    # stunnel: "LOG7[ui]: …" is its traffic, "LOG3[0]: No more addresses to connect" an error and
    # "LOG4[ui]: Insecure file permissions on …" a warning, though no word of theirs says so.
    text = corpus_text("wide333", "wide333-stunnel-good")
    wanted = [line for line in text.split("\n") if "LOG3[" in line or "LOG4[" in line]
    kept = sent(text)
    assert len(wanted) >= 8 and all(line in kept for line in wanted)
    assert len(kept) < len(text) / 4



_TRANSLATED = (
    "cp: kann 'ro/a{k}.conf' nicht anlegen: Keine Berechtigung",
    "src/kiln{k}.c:41:9: Fehler: »gather« ist nicht deklariert",
    "grep: ./logs/file{k}.txt: Permission non accordée",
    "cat: nope{k}.conf: No existe el fichero o el directorio",
    "rm: impossibile rimuovere 'nothing{k}.txt': File o directory non esistente",
    "mkdir: não foi possível criar o diretório \"docs{k}\": Arquivo existe",
    "src/kiln{k}.c:41:9: ошибка: «gather» не описан",
    "cat: nope{k}.conf: Немає такого файла або каталогу",
    "git: błąd: nie można zastosować zmian w {k}",
    "src/kiln{k}.c:41:9: エラー: 'gather' が宣言されていません",
    "src/kiln{k}.c:41:9: 错误：‘gather’未声明",
    "src/sluis{k}.c:12:3: fout: ‘vulling’ is niet gedeclareerd",
    "cp: kan inte skapa vanlig fil 'ro/b{k}.conf': Åtkomst nekas",
    "cat: logg{k}.txt: Adresář nebo soubor neexistuje",
    "cat: yok{k}.txt: Böyle bir dosya ya da dizin yok",
    "src/gate{k}.c:12:3: 오류: ‘fill’ 선언되지 않음",
    "src/gate{k}.c:12:3: lỗi: ‘fill’ chưa được khai báo",
    "rm: nem lehet eltávolítani 'x{k}.log': Nincs ilyen fájl vagy könyvtár",
    "src/gate{k}.c:12:3: virhe: ‘fill’ esittelemättä",
    "cp: kan ikke oprette almindelig fil 'ro/c{k}.conf': Adgang nægtet",
    "src/gate{k}.c:12:3: eroare: ‘fill’ nedeclarat",
)


def test_a_failure_in_the_users_language_is_a_failure() -> None:
    # LANG=de_DE.UTF-8 (fr, es, it, pt_BR, ru, uk, pl, ja, zh, nl, sv, cs, tr, ko, vi, hu, fi, da, ro): GNU tools, gcc, git and glibc print
    # their verdicts translated; a locale must not hide a failure among ordinary lines, however
    # many of one shape there are (each names another file).
    out = [f"[{k:04d}] batch {k % 17} of the kiln log copied to /srv/studio/out/{k % 23}.txt ({k * 37 % 900} KB)" for k in range(2500)]
    wanted = []
    for n, shape in enumerate(_TRANSLATED):
        for j in range(12):
            wanted.append(shape.format(k=100 * n + j))
            out.insert(20 + 9 * (12 * n + j), wanted[-1])
    text = "\n".join(out)
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert [line for line in wanted if line not in kept] == []


def test_a_value_that_differed_from_the_expected_one_keeps_what_it_got() -> None:
    # Maxima's rtest: each problem's input, then "Result:" over the value, then either "... Which was
    # correct." or "This differed from the expected result:" over the value expected. A failing
    # problem's own value is half of what failed.
    out, got = ["batch(\"rtest_kiln.mac\", test)", ""], []
    for k in range(1, 121):
        wrong = k % 9 == 4
        value = f"{k}*t^{k % 7 + 2}/{k % 5 + 2}"
        out += [f"********************** Problem {k} ***************", "Input:", f"integrate({k}*t^{k % 7 + 1}, t)", "", "",
                "Result:", value, ""]
        if wrong:
            got.append(value)
            out += ["This differed from the expected result:", f"{k + 1}*t^{k % 7 + 2}/{k % 5 + 2}", ""]
        else:
            out += ["... Which was correct.", ""]
    out += [f"{120 - len(got)}/120 tests passed", "", f"The following {len(got)} problems failed: [4, 13, …]"]
    text = "\n".join(out)
    kept = sent(text).split("\n")
    assert len("\n".join(kept)) < len(text) / 2
    assert [value for value in got if value not in kept] == []


def test_a_disassemblys_function_labels_stay_however_many() -> None:
    # objdump -d (any target): "00000058 <fn_spi_3>:" over each function's instructions. More
    # functions than an outline holds (one line in 8) are still functions: the syntax says so, and
    # each is what a question about the binary names.
    ops = ("push\tr28", "andi\tr24, 0xE1", "subi\tr24, 0x19", "add\tr24, r24", "inc\tr18", "lds\tr25, 0x0000", "pop\tr28")
    out, labels, address = ["", "app.o:     file format elf32-avr", "", "", "Disassembly of section .text:", ""], [], 0
    for k in range(160):
        labels.append(f"{address:08x} <fn_{('spi', 'uart', 'pwm', 'twi')[k % 4]}_{k}>:")
        out.append(labels[-1])
        for j in range(3 + k % 3):
            out.append(f"{address:4x}:\t{(17 * j + k) % 256:02x} 93       \t{ops[(j + k) % 7]}")
            address += 2
        out += [f"{address:4x}:\t08 95       \tret", ""]
        address += 2
    text = "\n".join(out)
    kept = sent(text).split("\n")
    assert len("\n".join(kept)) < len(text) * 0.8
    assert [label for label in labels if label not in kept] == []


def test_an_errnos_own_words_report_a_failure() -> None:
    # glibc's strerror() text is the failure where no other word says so: stunnel logs a port it
    # could not bind at notice level, "[.] Binding service [x] to 127.0.0.1:443: Address already in use (98)".
    out, failed = [], []
    for k in range(400):
        out.append(f"[ ] Service [hut-{k % 40}] (FD={k % 30 + 3}) bound to 127.0.0.1:{18000 + k}")
        if k % 7 == 3:
            failed.append(f"[.] Binding service [hut-{k % 40}] to 127.0.0.1:{18000 + k}: Address already in use (98)")
            out.append(failed[-1])
    text = "\n".join(out)
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert [line for line in failed if line not in kept] == []
