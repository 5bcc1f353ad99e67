"""What a line of tool output says, read from the text alone: the facts every lossy transform
ranks lines by (a failure, a warning, a pass, a summary, a place in a file, a finding's code).
Nothing here knows which program printed the line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ahocorasick_rs import AhoCorasick

from .lineindex import LineIndex

# --------------------------------------------------------------------------- vocabulary

# A system call's failure by its errno name, as Node and Python print it ("connect ECONNREFUSED
# 127.0.0.1:6390", "ENOENT: no such file").
_ERRNO = ("ECONNREFUSED", "ECONNRESET", "ENOENT", "EACCES", "EADDRINUSE", "ETIMEDOUT", "EHOSTUNREACH",
          "ENOTFOUND", "EPIPE", "EPERM", "ENOSPC", "EMFILE")
# The same verdicts in the user's language: GNU tools, gcc, make, git and glibc's messages are
# translated, and LANG=de_DE.UTF-8 prints "Fehler:", "Permission non accordée", "ошибка", "错误".
# Whole words (a-z) where the language writes them; phrases where a word has accents or the
# script has no spaces. German, French, Spanish, Italian, Portuguese, Russian, Ukrainian, Polish,
# Japanese, Chinese; Dutch, Swedish, Czech, Turkish, Korean, Vietnamese, Hungarian, Finnish,
# Danish, Romanian.
_TRANSLATED_FAIL_WORDS = (
    "fehler", "fehlern", "fehlgeschlagen", "verweigert", "abgebrochen", "erreur", "erreurs", "introuvable",
    "errore", "errori", "errores", "erros", "impossibile", "fallito", "fallita", "falhou", "inexistente",
    "denegado", "negato", "negada", "konflikt", "conflit", "conflicto", "conflitto", "conflito",
    "fout", "geweigerd", "misslyckades", "refuserad", "neexistuje", "hata", "reddedildi", "hiba", "sikertelen",
)  # fmt: skip
_TRANSLATED_FAIL_PHRASES = (
    "nicht gefunden", "keine berechtigung", "kann nicht", "konnte nicht", "nicht möglich",
    "impossible de", "non accordée", "aucun fichier ou dossier", "échec", "échoué", "refusé",
    "no se puede", "no se pudo", "no existe", "no se encontr", "falló",
    "non esistente", "non riuscit", "non trovat",
    "não foi possível", "não é possível", "não encontrad",
    "ошибк", "нет такого файла", "отказано в доступе", "не удалось", "невозможно", "конфликт", "не найден",
    "помилк", "немає такого файла", "доступ заборонено", "не вдалося", "неможливо", "конфлікт",
    "błąd", "błęd", "nie ma takiego pliku", "brak dostępu", "nie można", "nie udało",
    "エラー", "失敗", "できません", "そのようなファイルやディレクトリはありません", "許可がありません", "競合",
    "错误", "失败", "无法", "没有那个文件或目录", "权限不够", "冲突",
    "fel: ", "kunde inte", "åtkomst nekas", "finns inte", "bestaat niet", "zamítnut", "başarısız", "erişim engellendi",
    "böyle bir dosya", "lỗi", "không thể", "không có tập tin", "오류", "실패", "충돌", "거부", "수 없습니다",
    "lupa evätty", "nincs ilyen", "megtagadva", "nem lehet", "nu se poate", "nu poate fi", "eșec",
    "ingen sådan fil", "adgang nægtet", "kan ikke",
    # Stems of languages that inflect the word ("76 vakavaa virhettä", "virheellinen", "hibás",
    # "hatası", "chybí", "fejlede", "erorile"): found inside the word, as the phrases are.
    "virhe", "epäonnistu", "hibá", "nem sikerült", "hatası", "hatalı", "hatalar", "chyb", "fejl", "eroare", "erori",
)  # fmt: skip
_TRANSLATED_WARN_WORDS = (
    "warnung", "warnungen", "avertissement", "advertencia", "aviso", "avviso", "waarschuwing", "varning", "varoitus",
    "advarsel", "avertisment",
)  # fmt: skip
_TRANSLATED_WARN_PHRASES = (
    "предупреждение", "попередження", "ostrzeżenie", "警告", "let op: ", "uyarı", "cảnh báo", "upozornění", "경고",
    "figyelmeztetés",
)  # fmt: skip
_STRERRORS = (
    "address already in use", "no space left on device", "too many open files", "operation not permitted",
    "read-only file system", "no route to host", "connection reset", "resource temporarily unavailable",
    "device or resource busy", "is a directory", "not a directory", "directory not empty", "broken pipe",
)  # fmt: skip
# The 4xx and 5xx statuses with their reason phrases (RFC 9110, older wordings too).
_HTTP_STATUSES = (
    "400 Bad Request", "401 Unauthorized", "402 Payment Required", "403 Forbidden", "405 Method Not Allowed",
    "406 Not Acceptable", "407 Proxy Authentication Required", "408 Request Timeout", "408 Request Time-out",
    "409 Conflict", "410 Gone", "411 Length Required", "412 Precondition Failed", "413 Payload Too Large",
    "413 Content Too Large", "413 Request Entity Too Large", "414 URI Too Long", "414 Request-URI Too Long",
    "415 Unsupported Media Type", "416 Range Not Satisfiable", "417 Expectation Failed", "421 Misdirected Request",
    "422 Unprocessable Entity", "422 Unprocessable Content", "423 Locked", "424 Failed Dependency", "425 Too Early",
    "426 Upgrade Required", "428 Precondition Required", "429 Too Many Requests", "431 Request Header Fields Too Large",
    "451 Unavailable For Legal Reasons", "500 Internal Server Error", "501 Not Implemented", "502 Bad Gateway",
    "503 Service Unavailable", "504 Gateway Timeout", "504 Gateway Time-out", "505 HTTP Version Not Supported",
    "507 Insufficient Storage", "508 Loop Detected",
)  # fmt: skip
# What a checker run without leave to write would repair, first on the line or after the fault
# (xfs_repair -n's "would have cleared inode 132", "bad CRC for inode 132, would rewrite"): each
# names a fault it found ("this would fix it" in a sentence does not).
_DRY_REPAIR = re.compile(r"(?:^\s*|, )would (?:fix|correct|reset|rewrite|clear|have cleared|junk)\b")
# A spreadsheet's cell that could not be computed, as every spreadsheet prints it (in lower case).
_CELL_ERRORS = ("#div/0!", "#ref!", "#value!", "#name?", "#n/a", "#num!", "#null!")
# Candidates for a failure; confirmed per line by severity() (so "errors.py" or "0 failed" are not).
_FAIL_WORDS = (
    "error", "exception", "fail", "fatal", "panic", "traceback", "abort", "segmentation fault",
    "core dumped", "undefined reference", "undefined method", "undefined local variable", "undefined symbol",
    "assert", "expected", "not ok", "✕", "✖", "✗", "✘", "×", "⨯", "❌", "●",
    "cannot ", "can't ", "could not", "unable to", "no such file", "not found", "denied", "timed out",
    "*** ", "killed", "exited (", "exited with", "exit code", "exit status", "crash", "unhandled", "refused",
    "received:", "actual:", "left:", "right:", "got:", "want:", "but was", "invalid", "unmet", "missing", "extraneous",
    "conflict", "not installed", "but you have", "not authori", "unauthori", "nxdomain", ", input_value=",
    " 500 ", " 502 ", " 503 ", " 504 ", "deadlock", "survived", "broken", "severity",
    "mismatch", "reject", "incorrect", "wrong password", "wrong_password", "unsuccessful", "success=no",
    "success=false", "corrupt", "damaged", "would ", "out of range", "unreplied", "unreachable", "unanswered",
    "undeliverable", "unrout", "bounced", "not converge", "no convergence", "convergence not", "is not valid",
    "is not a valid", *_CELL_ERRORS, *_STRERRORS,
    *(e.lower() for e in _ERRNO), '"level":50', '"level":60', *_TRANSLATED_FAIL_WORDS, *_TRANSLATED_FAIL_PHRASES,
    # Portuguese "erro" lies inside every English "error": looked for as "erro:" and "erro " (a second
    # hit on each error line of a log cost it ~15% more time and a third more memory)
    "erro:", "erro ",
    *(status.lower() for status in _HTTP_STATUSES),  # "429 too many requests", wherever it is printed
)  # fmt: skip
# Lines are judged word by word in their lowered text: one C-level findall per line, then set
# look-ups (a case-insensitive regex alternation costs ~30 µs a line; this ~3 µs).
_FAIL_EXACT = frozenset({
    "error", "exception", "fatal", "panic", "panicked", "traceback", "abort", "aborted", "aborting", "killed",
    "cannot", "denied", "unhandled", "refused", "crash", "crashed", "expected", "expect", "segfault",
    "invalid", "unmet", "missing", "extraneous", "conflict", "conflicts", "deadlock", "deadlocked", "unauthorized", "unauthorised",
    "nxdomain", "servfail",  # a name that does not resolve, a resolver that failed (dig, unbound, dnsmasq)
    "survived", "broken",  # a mutant the tests let live; a link checker's broken link
    # A check that refused what it was given: "Password mismatch", "Login incorrect", a mail
    # server's "Recipient address rejected", git's "! [rejected]", "checksum mismatch".
    "mismatch", "reject", "rejected", "incorrect",  # RADIUS's Access-Reject
    "damaged",  # with "corrupt…" (_FAIL_PREFIX): what a checker (fsck, a database's verify) found broken
    "unsuccessful", "unsuccessfully",  # auditd's "unsuccessfully authenticated", a login that was refused
    "unreplied", "unreachable", "unanswered",  # a packet nothing answered (conntrack's [UNREPLIED], ping's Host Unreachable)
    "undeliverable", "unrouteable", "unroutable", "bounced",  # mail that cannot be delivered (exim -bt, a maillog's status=bounced)
    *(e.lower() for e in _ERRNO), *_TRANSLATED_FAIL_WORDS, "erro",
})  # fmt: skip
_FAIL_PREFIX = ("fail", "assert", "corrupt")
_FAIL_SUFFIX = ("error", "exception", "failure", "fehler")  # TypeError, AssertionError, NullPointerException, Syntaxfehler
_FAIL_PHRASES = (
    "segmentation fault", "core dumped", "undefined reference", "undefined method", "undefined local variable",
    "undefined symbol", "no such file", "not found", "could not",
    "unable to", "timed out", "can't ", "not ok", "*** ", "errors in ", "errors at ",
    # glibc's strerror() for the errnos that name a failure in words none of the above says
    # (stunnel's "[.] Binding service [x] to 127.0.0.1:443: Address already in use (98)")
    *_STRERRORS,
    # An iterative run that stopped short of its answer ("SCF did not converge", "convergence NOT achieved").
    "not converge", "no convergence", "convergence not achieved", "convergence not reached",
    "out of range",  # a value past its bounds: an index, a sample clipped (Csound's "samples out of range")
    "is not valid", "is not a valid",  # a validator's verdict (jsonschema's "… is not valid under any of the given schemas")
    "not installed", "but you have",  # an unmet requirement: "x requires y, which is not installed"
    "not authorised", "not authorized",  # mosquitto's "Client <unknown> disconnected, not authorised."
    ", input_value=",  # pydantic's error: "Input should be less than or equal to 12 [type=…, input_value=14, …]"
    '"level":50', '"level":60',  # pino's and bunyan's error and fatal records
    "wrong password", "wrong_password",  # Samba's NT_STATUS_WRONG_PASSWORD
    "success=no", "success=false",  # a record's own verdict field (auditd's SYSCALL records)
    *_CELL_ERRORS, *_TRANSLATED_FAIL_PHRASES,
)  # fmt: skip
# Error levels no word says, in capitals as loggers print them (Python's CRITICAL, java.util.logging's
# SEVERE, supervisord's CRIT and ERRO, syslog's EMERG): in lower case the words are ordinary ("a
# critical section").
_LEVEL_NAMES = ("CRITICAL", "SEVERE", "CRIT", "ERRO", "EMERG")
_LEVEL_NAME = re.compile(r"\b(?:CRITICAL|SEVERE|CRIT|ERRO|EMERG)\b")
# A severity field within a line that says what was found (YARA's match "Rule [tags]
# [severity="high",…] path"): its top levels are errors, the others findings; a number is on a
# scale of the tool's own (YARA's meta, perlcritic's 5 the worst), none ranked below: an error.
# A line that opens with it ("   Severity: Low   Confidence: High") is a field of the block above.
_SEVERITY_FIELD = re.compile(r"severity\W{1,3}(critical|high|error|medium|moderate|low|warning|\d+)\b")
# A level's letter opening the line or behind what it is about (apt's and lintian's "E: …",
# appstreamcli's "W: x.desktop:5: …", rpmlint's "pkg.x86_64: E: no-binary").
_LEVEL_LETTER = re.compile(r"[ \t]*(?:[^\s:]+: )?([EW]): ")
# A level as syslog numbers it, in the tool's own field (stunnel's "LOG3[ui]: No trusted certificates
# found"): 0-3 are errors, 4 a warning, the rest its traffic.
_SYSLOG_LEVEL = re.compile(r"\bLOG([0-4])\[")
_SYSLOG_LEVELS = tuple(f"LOG{n}[" for n in range(5))
# A linker's own line ("arm-none-eabi-ld: region `FLASH' overflowed by 73940 bytes", "/usr/bin/ld:
# cannot find -lz", emscripten's "wasm-ld-14: …"): a linker says nothing when it succeeds, so
# what it says is why the link failed (its warnings say "warning:" first).
_LINKER = re.compile(r"[ \t]*(?:\S*/)?(?:[\w.-]+-)?(?:ld|ld\.\w+|lld|ld64\.lld|mold)(?:-[\d.]+)?(?:\.exe)?: ")
_FAIL_MARKS = "✕✖✗✘×⨯❌●"  # ✖ node --test, ⨯ Next.js, ❌ many CI scripts
# make's "*** " is three stars, not the tail of a rule of stars (pylint's "************* Module x").
# All found by one automaton over the lowered line (a regex alternation of the hundred-odd phrases tries
# each at every position: ~20 µs a line, the automaton under 1 µs); make's "*** " apart, for its look-behind.
_PHRASES = AhoCorasick([p for p in (*_FAIL_PHRASES, *_FAIL_MARKS) if p != "*** "])
_MAKE_STARS = re.compile(r"(?<!\*)\*\*\* ")


def _fail_phrase(low: str) -> bool:
    return bool(_PHRASES.find_matches_as_indexes(low)) or ("*** " in low and _MAKE_STARS.search(low) is not None)
# A mutant that no test covers (Stryker's "[NoCoverage]") is a finding; one that survived the tests
# ("survived", among the failure words) is the mutation run's failure: a test the suite lacks.
_WARN_EXACT = frozenset(
    {"warn", "warning", "warnings", "deprecated", "deprecation", "issue", "nocoverage", *_TRANSLATED_WARN_WORDS}
)
_CLASS = {**dict.fromkeys(_FAIL_EXACT, "fail"), **dict.fromkeys(_WARN_EXACT, "warn")}
_NOTES = ("note:", "hint:", "help:", "= note:", "= help:")
# "0 errors", "no failures", "error: 0": the word is there, nothing went wrong.
_NEGATED = re.compile(r"\b(?:0|no|zero|without) (?:errors?|failures?|failed|exceptions?)\b|\b(?:errors?|failures?|failed): 0\b")
# The other half of an expectation: "Received: 2", "right: 5", "got 3".
_DETAIL = re.compile(r"\s*(?:received|actual|left|right|got|want|expected|but was)\s*:|.*\bbut was\b")
_EXIT = re.compile(r"exited \([1-9]|exit (?:code|status):? [1-9]|exited with (?:code |status )?[1-9]")
# A request that failed: method, path, maybe the protocol, then a 4xx or 5xx status (an access
# log's one 500 or 404 among thousands of INFO lines is its error), maybe after an arrow as an app
# logs its client's calls ("GET /pager -> 503 gateway down"), HAProxy's timers then one, or
# PHP's built-in server's status before the request ("[500]: POST /api/orders").
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_HTTP_ERROR = re.compile(
    rf"\b(?:{'|'.join(_METHODS)}) +\S+(?: +HTTP/[\d.]+)?\"? +(?:(?:->|=>|→) +)?[45]\d\d\b|\d/-?\d+/-?\d+/-?\d+/\+?\d+ [45]\d\d "
    rf"|\[[45]\d\d\]: (?:{'|'.join(_METHODS)}) "
    r"|\[[45]\d\d\] https?://"  # a link checker's "[404] http://…" (linkinator)
    # or a status with its reason phrase, however the client prints the response (curl's "< HTTP/1.1
    # 502 Bad Gateway", wget's "awaiting response... 429 Too Many Requests", mitmdump's "<< 504
    # Gateway Timeout 90b", http.client's "reply: 'HTTP/1.1 409 Conflict\r\n'")
    rf"|\b(?:{'|'.join(map(re.escape, _HTTP_STATUSES))})\b"
)
_WARN_WORDS = (
    "warn", "deprecat", "note:", "hint:", "help:", "issue", "❱", '"level":40', "nocoverage",
    *_TRANSLATED_WARN_WORDS, *_TRANSLATED_WARN_PHRASES,
)  # fmt: skip
_WARN_PHRASES = AhoCorasick(_TRANSLATED_WARN_PHRASES)  # as _PHRASES: one pass, not an alternation
# A finding led by its severity's chevrons and no level word: semgrep's "❯❯❱ rule-id" (❯❯❱, ❯❱, ❱).
_CHEVRONS = "❯❱"
_PASS_WORDS = ("pass", "✓", "✔", "√", " ok", "ok ", "success")
_PASSING = re.compile(
    r"^\s*(?:[✓✔√]|ok\b|pass(?:ed)?\b|--- pass\b|\[\s*ok\s*\])|\b(?:passed|ok)(?: \(?[\d.]+ ?m?s\)?)?\s*(?:\[\s*\d+%\])?$"
    r"|\.\.\. ok$"
)
# Matched on the lowered line, in three parts (one pattern of them all is tried at every
# position of the line: ~3x slower): at the line's start; a count, scanned from its digit; words
# looked for only where they are.
_SUMMARY_START = re.compile(
    r"={3,} .* ={3,}$"
    r"|\s*(?:tests?:|test suites:|test files|ran \d+|ok\b|fail\b|pass\b|build\b|finished\b|summary\b|total\b"
    r"|done\b|result\b|test result:|found \d+|ℹ (?:tests|pass|fail|suites|duration)|# (?:tests|pass|fail)"
    r"|success|successfully|error: could not compile|make(?:\[\d+\])?: \*\*\*)"
)
_SUMMARY_COUNT = re.compile(
    r"\d (?:(?:passed|failed|passing|failing|pending|errors?|skipped|warnings?|tests?|xfailed|xpassed"
    r"|deselected|suites?|problems?|files?|packages?|insertions?|deletions?|todo|cancelled)\b"
    r"|(?:files? )?(?:changed|reformatted|left unchanged))"
)
# "LEAK SUMMARY:" behind a line prefix; a run's closing figures announced by a log record ("Dumping Scrapy stats:")
_SUMMARY_WORD = re.compile(r"exit (?:code|status)|checked \d+|\bsummary:|\bstat(?:s|istics):$")
# A place in a file: path:line[:col], path(line,col), File "x", line N, --> x:1:2, at f (x:1:2).
# Found from the dot of the file's extension: a pattern that starts with a literal is scanned fast.
# MSVC's form, `x.cs(12): error …` (pylint's msvs: `x.py(12): [C0116(…)] …`), is a place where ": " follows.
# A notebook's place names its cell first (nbqa's `x.ipynb:cell_9:8:5:`).
EXT = r"\.[A-Za-z]\w{0,11}"  # a file's extension: a dot, a letter, then up to 11 more
PATH_HEAD = r"[\w./\\@~+-]*\w"  # a file's path (or name) up to its extension's dot
PATH = PATH_HEAD + EXT
PLACE_TAIL = EXT + r"(?::cell_\d+)?(?::\d+(?::\d+)?|\(\d+,\d+\)|\(\d+\)(?=: ))"
LOC_TAIL = re.compile(PLACE_TAIL)
_LOC_OTHER = re.compile(
    r"File \"[^\"]+\", line \d+|-->\s*\S+:\d+|\bat \S.*:\d+(?::\d+)?\)?$|"
    + PATH_HEAD + r"\.\w{1,12}[,:]? line \d+|\bline \d+\b"
    r"|sourcepath=[^;\s]+;linenumber=\d+"  # Azure's ##vso[task.logissue …] command
)
_PATH_IN = re.compile(PATH)
# A place inside a document by its JSON pointer or path, as schema validators print it: v8r's
# "furnaces/02.json#/temperature_c must be <= 1600", check-jsonschema's "a.yml::$.updates[4].day: …".
POINTER_PLACE = re.compile(r"[ \t]*" + PATH + r"(?:#/\S*|#(?= )|::\$\S*?(?=: ))")
# A CI annotation, GitHub's workflow command: `::warning title=operation-tags,file=api/x.yaml,line=9,…::message`.
# Its properties place the finding (file=) and name its rule (title=), whatever the message says.
_ANNOTATION_FILE = re.compile(r"::(?:error|warning|notice)\b[^:\n]*?\bfile=([^,:\n]+)")
_ANNOTATION_TITLE = re.compile(r"::(?:error|warning|notice)\b[^:\n]*?\btitle=([^,:\n]+)")
_PATH_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./\\@~+-"
# A lint or compiler code: F401, E0382, TS2345, SC2086, W0612, [-Wunused-variable], no-unused-vars.
# Each form with a character it cannot match without ("" none): a line is searched with only the
# forms it can hold (one pattern of all of them tries each at every position: ~2x slower).
_CODE_FORMS = (
    (r"\[-W[\w=+-]+\]", "["),
    (r"\berror\[(E\d{4})\]", "["),
    (r"\[([A-Z]{1,4}\d{2,5})[:\]]", "["),
    (r"\b(?:TS|SC|[A-Z]{1,4})\d{3,5}\b", ""),
    (r"\b[a-z]+(?:-[a-z]+)+(?=\s*$|\]|\))", "-"),
    (r"\[([\w-]+)\]\s*$", "["),
    (r"\|\s*([A-Z]{1,4}\d{2,5})\s*\|", "|"),
    (r"\b(?:warning|error): \[([\w-]+)\] ", "["),  # javac -Xlint's "warning: [rawtypes] found raw type: List"
)
_CODE = re.compile("|".join(form for form, _ in _CODE_FORMS))
_CODE_AFTER_PLACE = re.compile(r"\S+?:\d+(?::\d+)?:? +([A-Z]{1,4}\d{2,5})\b")
_END_CODE = re.compile(r"\[([A-Za-z][\w-]*)\]$")  # not gcc's [-Wx]: the form that names it whole
_CODE_BY_CHARS = {
    (bracket, dash, bar): re.compile("|".join(f for f, need in _CODE_FORMS if {"": True, "[": bracket, "-": dash, "|": bar}[need]))
    for bracket in (False, True) for dash in (False, True) for bar in (False, True)
}  # fmt: skip
# A source excerpt's gutter ("  12 | code", "  12 │ code"), found where a cheap probe points; a
# level in a column of its own after the number is a finding's row (phpcs: " 18 | ERROR   | [x] …"),
# and a name there is a process's column (pm2's "5|pos-bridge | Error: …").
GUTTER = re.compile(r"[ \t]*>?[ \t]*\d+[ \t]*[|│](?![ \t]*(?:ERROR|WARNING|WARN|NOTICE|FATAL|INFO)[ \t]*[|│]|[\w.-]+ *[|│] )")
GUTTER_PROBE = ("|", "│")
TRACEBACK = "Traceback (most recent call last):"
_FREE_NUMBERS = re.compile(r"\b(?:\d+|0x[0-9a-f]+)\b")
_SHAPE_DROP = re.compile(r"\d+|0x[0-9a-f]+|'[^']*'|\"[^\"]*\"|`[^`]*`|‘[^’]*’")
# A note under a finding ("x.h:12:5: note: candidate: ‘void f(int)’"): the names and numbers it
# quotes are what it says (which candidate, which type), not a template's variable part.
_NOTE = re.compile(r"[ \t:]*note:")


FAIL, WARN = "fail", "warn"


# A word of three letters or fewer has no class (_CLASS holds none, the rest need more): only
# longer ones are looked at.
_CLASS_WORD = re.compile(r"[a-z]{4,}")
# A record's field that holds nothing ("exception": null, 'errors': [], "failed": false) names no
# failure: loguru prints `"exception": null` in every record it serializes.
_EMPTY_FIELD = re.compile(r"""["']\s*:\s*(?:null|none|false|""|''|\[\]|\{\}|0(?![\d.]))""")


_NO_ERROR = frozenset({"noerror", "noerrors"})  # DNS's rcode for an answer that went well


def _word_class(w: str) -> str | None:
    c = _CLASS.get(w)
    if c is None and len(w) > 3 and w not in _NO_ERROR:
        if w.startswith(_FAIL_PREFIX) or (len(w) > 5 and w.endswith(_FAIL_SUFFIX)):
            return FAIL
        if w.endswith("warning") or w.startswith("deprecat"):
            return WARN
    return c


# A file's name says nothing of how things went ("normalizer_issue_files/E101.py:8:5: F821 …",
# "tests/test_error.py::test_x PASSED"): a word is not read for its level inside a path (a run of
# path characters with a separator and a dot, or led by "/", "~" or "."), a file name placed by
# its line, or a pytest node id ("tests/x.py::TestA::test_b[MockOSError-1]").
_PATH_RUN = re.compile(r"[\w@.+/\\~-]+")
_PLACED_AFTER = re.compile(r":\d|\(\d")
_TOKEN_END = re.compile(r"\S*")
_EXT_END = re.compile(r"\.[a-z]\w{0,11}\Z")


def _path_runs(low: str) -> list[tuple[int, int]]:
    """The spans of the line's paths and placed file names; a pytest node id's whole token (its
    test's name and parameters after the file's "::")."""
    found: list[tuple[int, int]] = []
    for m in _PATH_RUN.finditer(low):
        run, (a, b) = m.group(), m.span()
        if found and a < found[-1][1]:
            continue  # inside a node id already taken whole
        if low.startswith("::", b) and _EXT_END.search(run) is not None:
            found.append((a, _TOKEN_END.match(low, b).end()))  # type: ignore[union-attr]  # \S* always matches
        elif (("/" in run or "\\" in run) and ("." in run or run[0] in "/~.")) or (
            _PLACED_AFTER.match(low, b) is not None and _EXT_END.search(run) is not None
        ):
            found.append((a, b))
    return found


_JSON_LEVEL = re.compile(r'"(?:level|severity|levelname|log\.level)": ?"(\w+)"', re.I)
_JSON_FAIL_LEVELS = frozenset(("error", "err", "fatal", "critical", "crit", "alert", "emerg", "emergency", "panic"))


# Words that fail a check, not the program ("rejected", "missing", "refused"), and the levels below
# WARNING a logger files a line at, in capitals before its message.
_SOFT = frozenset({
    "reject", "rejected", "mismatch", "incorrect", "missing", "extraneous", "invalid", "denied", "refused", "expected",
    "conflict", "conflicts", "broken", "survived", "unreachable", "unreplied", "unanswered", "bounced",
})  # fmt: skip
_LOW_LEVEL = re.compile(r"\b(?:INFO|DEBUG|TRACE|NOTICE)\b")


def severity(line: str) -> str | None:
    """FAIL, WARN or None, by whichever word comes first ("warning: … error-prone" warns). A long
    line's verdict may follow what it is about (a validator's "<the whole instance> is not
    valid"): its end is read for a failing phrase when its head says nothing (a word alone there
    may be a flag's, `-Werror=format-security` closing a build's configure line)."""
    found = _severity(line)
    if found is None and len(line) > 400 and _fail_phrase(line[-200:].lower()):
        return FAIL
    return found


def _severity(line: str) -> str | None:
    head = line[:400]
    if ("CRIT" in head or "SEVERE" in head or "ERRO" in head or "EMERG" in head) and _LEVEL_NAME.search(head):
        return FAIL
    low = head.lower()
    first = None
    paths: list[tuple[int, int]] | None = None
    at = 0
    while (m := _CLASS_WORD.search(low, at)) is not None:
        start, at = m.span()
        first = _word_class(m.group())
        if first is None:
            continue
        if start and low[start - 1] in "\"'" and _EMPTY_FIELD.match(low, at):
            first = None
            continue
        if (start and low[start - 1] in _PATH_CHARS) or (at < len(low) and low[at] in _PATH_CHARS):
            paths = _path_runs(low) if paths is None else paths  # made once, where a word may be in one
            k = bisect_right(paths, (start, len(low))) - 1
            if k >= 0 and paths[k][1] >= at:
                first = None
                at = paths[k][1]  # the rest of that path says nothing either
                continue
        break
    if first == WARN:
        return WARN
    if first == FAIL and m is not None and m.group() in _SOFT and _LOW_LEVEL.search(head, 0, m.start()) is not None:
        # A logger that filed the line below WARNING said how it went: "INFO … lot 420 passed,
        # reject 9%" is its traffic, a finding at most, one of each kind kept.
        return WARN
    failed = first == FAIL or _fail_phrase(low)
    if not failed and "exit" in low:
        failed = _EXIT.search(low) is not None
    if not failed and "would " in low:
        failed = _DRY_REPAIR.search(low) is not None
    if not failed and ":" in low:
        failed = _DETAIL.match(low) is not None
    if not failed and (" 4" in head or " 5" in head or "[4" in head or "[5" in head):
        failed = _HTTP_ERROR.search(head) is not None
    if failed and ("0" in low or "no " in low or "without" in low) and _NEGATED.search(low):
        # What is left once the counts of nothing are taken out may still fail (surefire's
        # "Failures: 8, Errors: 0, … <<< FAILURE!").
        failed = severity(_NEGATED.sub(" ", low)) == FAIL
    if failed:
        return FAIL
    if first is None and (": note:" in low or ": hint:" in low or ": help:" in low or low.lstrip().startswith(_NOTES)):
        return WARN
    if first is None and "❱" in head and head.lstrip()[:1] in _CHEVRONS:
        return WARN
    if first is None and '"level":40' in head:  # pino's and bunyan's warning records
        return WARN
    if first is None and _WARN_PHRASES.find_matches_as_indexes(low):
        return WARN
    if first is None and "severity" in low and (m := _SEVERITY_FIELD.search(low)) is not None and low[: m.start()].strip():
        return FAIL if m.group(1) in ("critical", "high", "error") or m.group(1).isdigit() else WARN
    if first is None and "LOG" in head and (m := _SYSLOG_LEVEL.search(head)) is not None:
        return FAIL if m.group(1) != "4" else WARN
    if first is None and ("E: " in head or "W: " in head) and (m := _LEVEL_LETTER.match(head)) is not None:
        return FAIL if m.group(1) == "E" else WARN
    if first is None and "ld" in head and _LINKER.match(head) is not None:
        return FAIL
    if first is None and head[:1] == "{" and len(line) > len(head):
        # A JSON record that names its level past the head (dbt's `--log-format json` puts its
        # "info": {…, "level": "error", …} after the data): the field says it.
        m = _JSON_LEVEL.search(line, len(head) - 20)
        if m is not None:
            return FAIL if m.group(1).lower() in _JSON_FAIL_LEVELS else WARN if m.group(1).lower().startswith("warn") else None
    return None


def looks_passing(line: str) -> bool:
    """Shaped like a passing test or check (say whether it also reports a failure with severity)."""
    head = line[:400]
    return "PASSED" in head or _PASSING.search(head.lower()) is not None


def is_summary(line: str) -> bool:
    low = line[:400].lower()
    return (
        _SUMMARY_START.match(low) is not None
        or _SUMMARY_COUNT.search(low) is not None
        or (("exit " in low or "checked " in low or "summary:" in low or "stat" in low) and _SUMMARY_WORD.search(low) is not None)
    )


def location(line: str) -> tuple[int, int] | None:
    """The span of the first place-in-a-file on the line, or None."""
    head = line[:400]
    if head[:2] == "::" and (m := _ANNOTATION_FILE.match(head)) is not None:
        return m.span(1)
    if ("#" in head or "::$" in head) and (m := POINTER_PLACE.match(head)) is not None:
        return len(head) - len(head.lstrip(" \t")), m.end()
    m = LOC_TAIL.search(head)
    if m is not None:
        start = len(head[: m.start()].rstrip(_PATH_CHARS))  # the path's characters before it, in C
        if start < m.start() and head[m.start() - 1] not in "./\\":
            return start, m.end()
    # Each of _LOC_OTHER's forms holds "line " or "-->", or "at " with a number or ")" ending the
    # line: the search (costly on long words) runs only then.
    if "line " in head or "-->" in head or ("at " in head and _ends_numbered(head)) or "sourcepath=" in head:
        m = _LOC_OTHER.search(head)
        if m is not None:
            return m.start(), m.end()
    return None


def _ends_numbered(head: str) -> bool:
    """Ends (before one final newline, as `$` allows) with a digit or ")"."""
    end = head[-2:-1] if head.endswith("\n") else head[-1:]
    return end == ")" or end.isdigit()


# What may follow a place that says nothing: a parenthetical ("(discriminator 3)") or a colon.
_BARE_TAIL = re.compile(r"[ \t:]*(?:\([^()]*\))?[ \t:]*$")


def bare_place(line: str) -> bool:
    """A place and no message: addr2line's "hot.c:6 (discriminator 3)", a traceback's "x.py:20:"
    over the next frame. It is an answer (where an address lies), not a finding; "x.go:12: got 3"
    reports."""
    span = location(line)
    return span is not None and not line[: span[0]].strip() and _BARE_TAIL.match(line, span[1]) is not None


def has_location(line: str) -> bool:
    return location(line) is not None


def _file_place(line: str) -> tuple[int, int] | None:
    """The span of the line's place when it names a file (not only "at line 13")."""
    span = location(line)
    return span if span is not None and _PATH_IN.search(line, span[0], span[1]) is not None else None


def placed_in_file(line: str) -> bool:
    return _file_place(line) is not None


def indented_place(line: str) -> bool:
    """Whether the line is indented and opens with a place in a file ("  lib/a.ex:6: A.weigh/2",
    not a stack's "    #0 0x55 in main /src/a.c:46")."""
    if line[:1] not in " \t":
        return False
    span = _file_place(line)
    return span is not None and span[0] == len(line) - len(line.lstrip(" \t"))


def lead(line: str) -> str:
    """The first three words a line opens with ("npm http fetch"): lines of one kind share it."""
    return " ".join(line[:80].split(None, 3)[:3])  # (a long line is not copied whole)


def shape(line: str) -> str:
    """A line with its numbers, hex and quoted names blanked: lines of one template share it."""
    return _SHAPE_DROP.sub("#", line[:300]).strip()


# What may follow a place and still only place it: a column, OCaml's `, characters 15-32`.
_COLUMN_ONLY = re.compile(r"[ ,]*(?:(?:at )?col(?:umn)? \d+\)?|characters \d+-\d+)")


# What a message quotes: a name, kept whole (LaTeX's `sec:26-5', 'x', "x", ‘x’, `x`).
_QUOTED = re.compile(r"`[^`'\n]*'|'[^'\n]*'|\"[^\"\n]*\"|‘[^’\n]*’|`[^`\n]*`")
_NAMED = re.compile(f"{_QUOTED.pattern}|{_PATH_IN.pattern}")


def _blank_numbers(text: str) -> str:
    """The numbers that stand alone blanked (a page, a count, a line), not those of a name
    ("pugh1927", a quoted `sec:26-5') or of a file the message names ("figures/curve-3.png")."""
    out, at = [], 0
    for m in _NAMED.finditer(text):
        out += [_FREE_NUMBERS.sub("#", text[at : m.start()]), m.group()]
        at = m.end()
    return "".join(out) + _FREE_NUMBERS.sub("#", text[at:])


def finding_key(line: str, section_path: str) -> tuple[str, str]:
    """(code or message shape, file) of a diagnostic: one of each is worth seeing."""
    head = line[:300]
    # A code closing the line is the checker's own: brackets earlier may be the message's quote
    # (checkstyle's "must match pattern '^[a-z][a-z0-9]*$'. [MemberName]").
    # pylama's "x.py:12:5 E203 whitespace … [pycodestyle]": the code behind the place, not the linter's name
    span = location(head)
    path = _PATH_IN.search(head, span[0], span[1]) if span else None
    if head[:2] == "::" and (title := _ANNOTATION_TITLE.match(head)) is not None:
        return title.group(1), path.group(0) if path else section_path
    m = _CODE_AFTER_PLACE.match(head) or (_END_CODE.search(head) if head.endswith("]") else None)
    if m is None:
        codes = _CODE_BY_CHARS["[" in head, "-" in head, "|" in head]  # as _CODE would, with fewer forms
        m = codes.search(head)
        if m is not None and path is not None and m.end() <= path.start() and head[m.start() - 1 : m.start()] == "[":
            # A name in brackets before the file's place is the logger's tag ("2:42:08 PM
            # [vite-plugin-svelte] src/A.svelte:10:7 …"), not the finding's code.
            m = codes.search(head, path.start())
    code = next((g for g in m.groups() if g), m.group(0)) if m else ""
    if not code:
        # The message follows the place ("x.py:3: unused …"), or precedes it when the place was
        # taken from the line under it ("warning: unused variable: `w` --> src/m.rs:12:9").
        rest = head[span[1] :] if span else head
        if span and not _COLUMN_ONLY.sub("", rest).strip(" :."):
            rest = head[: span[0]]  # also where only the column follows (write-good's "… on line 9 at column 6")
        code = rest.strip()[:200] if _NOTE.match(rest) else _blank_numbers(rest[:300]).strip()[:200]
        if code and " " not in code.strip(" :") and span and span[0] > 0:
            # A name after a place taken from the line under the message (elixirc's "warning:
            # variable "x" is unused  lib/a.ex:6: A.weigh/2") names where, the message what.
            code = _blank_numbers(head[: span[0]]).strip()[:200]
        if code and " " not in code.strip(" :"):
            code = ""  # a name alone (type-coverage's "x.ts:3:7: total") is what the finding is about, not its kind
    return code, path.group(0) if path else section_path


# The three lists in one pass over the lowered text; each word's lists as bits (1 failure, 2
# warning, 4 passing).
_CANDIDATE_WORDS = tuple(dict.fromkeys((*_FAIL_WORDS, *_WARN_WORDS, *_PASS_WORDS)))
_CANDIDATE_KINDS = tuple(
    (w in _FAIL_WORDS) | (w in _WARN_WORDS) << 1 | (w in _PASS_WORDS) << 2 for w in _CANDIDATE_WORDS
)


def candidates(index: LineIndex) -> tuple[set[int], set[int], set[int]]:
    """(failure, warning, passing) candidate line numbers (0-based, as text.split("\\n"))."""
    # '" 4', '" 5': the status after an access log's quoted request (`"GET / HTTP/1.1" 404`);
    # "]: GET": after PHP's built-in server's status ("[500]: GET /x"); "] http": a link checker's
    # "[404] http://…"; "E: ", "W: ": a level's letter; "LOG3[": a syslog level; "ld: ", "-ld-", "mold: ": a linker's line
    fail = index.hits(("Error", "Exception", *_LEVEL_NAMES, '" 4', '" 5', *(f"]: {m} " for m in _METHODS), "] http", "E: ", "W: ",
                       "ld: ", "-ld-", "mold: ", *_SYSLOG_LEVELS), case=True)
    warn: set[int] = set()
    passing: set[int] = set()
    kinds = _CANDIDATE_KINDS
    for w, line in index.word_lines(_CANDIDATE_WORDS):
        k = kinds[w]
        if k & 1:
            fail.add(line)
        if k & 2:
            warn.add(line)
        if k & 4:
            passing.add(line)
    return fail, warn, passing


# What a finding prints under itself: indented lines (its place, excerpt, carets), an excerpt's
# gutter at the margin (ruff's "1 | code", "3 + fix"), and its notes ("help: Remove unused import").
_EXPLAINS = re.compile(r"[ \t]|\d+ *[|│+-]|(?:help|note|hint): ")


def explanation(lines: list[str], i: int, sev: dict[int, str]) -> range:
    """The lines finding i prints under itself, up to a blank line or the next finding (a note
    or help line with no place of its own is no finding: it explains this one)."""
    n = len(lines)
    k = i + 1
    while k < n and k - i <= 40 and lines[k].strip() and _EXPLAINS.match(lines[k]):
        if k in sev and (has_location(lines[k]) or not lines[k].lstrip().lstrip("= ").startswith(_NOTES)):
            break
        k += 1
    return range(i + 1, k)
