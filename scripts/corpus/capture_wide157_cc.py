"""Round 157: a telemetry-frame codec in C (`tlm`, prefix `TLM_`) with a C++ scheduler, written here with faults put
in (a null dereference after a check, a leak, a use after free, a division by a value that may be zero, implicit
narrowing, a misspelt identifier, a missing semicolon) and widened by a seeded generator (`src/chan_K.c`), run
through clang 14, gcc 12, clangd, clang-tidy, clang-query and bear. The kinds' rules are NEEDLES.md's "Round 157".
Run through capture_wide157.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide157 import cap

STATUS = r"EXIT=\d+|make: \*\*\*|^\d+ (warnings?|errors?)( and \d+ errors?)? generated\."


def _status(lines: list[str]) -> list:
    return [ln for ln in lines if re.search(STATUS, ln)]


def _own(path: str) -> bool:
    return not path.startswith("/usr/") and not path.startswith("<")


# ------------------------------------------------------------------ extractors (NEEDLES.md round 157)

@kind("clangd-check", "build")
def n_clangd_check(lines):
    """Rule 1+5 on clangd --check: every E[...] line, W[...] lines one any per shape, the compile-command and compilation-database lines, the 'All checks completed' line."""
    out: list = []
    warn = []
    for ln in lines:
        if re.match(r"E\[[\d:.]+\]", ln):
            out.append(ln)
        elif re.match(r"W\[[\d:.]+\]", ln):
            warn.append((mask(ln.split("]", 1)[1]), ln))
        elif re.search(r"Compile command from CDB is:|Generic fallback command is:|Loaded compilation database from|"
                       r"Failed to find compilation database|All checks completed", ln):
            out.append(ln)
    return out + groups(warn) + _status(lines)


_DECL = re.compile(r"^[\s|`-]*(\w+Decl) 0x[0-9a-f]+ (?:(?:parent|prev) 0x[0-9a-f]+ )*<([^>]*)>(.*)$")
_LOC = re.compile(r"<((?:/|\.{0,2}/?)[\w./+-]+\.(?:c|h|cc|cpp|hpp)):\d+")


def _ast(lines: list[str]) -> list:
    """Declaration lines in project files (first 120), one any per implicit-cast kind, Dumping lines, rule 1."""
    out: list = []
    decls: list = []
    casts = []
    cur = ""
    for ln in lines:
        m = _LOC.search(ln)
        if m:
            cur = m.group(1)
        if ln.startswith("Dumping "):
            out.append(ln)
        elif re.search(r"\b(fatal )?error: |: warning: ", ln):
            out.append(ln)
        elif (d := _DECL.match(ln)) and _own(cur) and " implicit " not in ln and "<invalid sloc>" not in d.group(2):
            if re.search(r" \w+ '[^']+'", d.group(3)) or d.group(1) in ("RecordDecl", "CXXRecordDecl", "EnumDecl"):
                decls.append(ln)
        elif (c := re.search(r"ImplicitCastExpr 0x[0-9a-f]+ <[^>]*> '[^']*'(?::'[^']*')? <(\w+)>", ln)) and _own(cur):
            casts.append((c.group(1), ln))
    return out + decls[:120] + groups(casts) + _status(lines)


@kind("clang-ast-dump-filter", "code")
def n_ast_filter(lines):
    """Rule 5 on a filtered clang AST dump: every 'Dumping' line, declaration lines in project files (first 120), one any per implicit-cast kind, rule 1 lines."""
    return _ast(lines)


@kind("clang-ast-dump", "code")
def n_ast_whole(lines):
    """Rule 5 on a whole clang AST dump: declaration lines in project files (first 120), one any per implicit-cast kind, rule 1 lines."""
    return _ast(lines)


_MACROS = ("__clang_major__", "__clang_minor__", "__clang_version__", "__GNUC__", "__GNUC_MINOR__", "__VERSION__",
           "__STDC_VERSION__", "__cplusplus", "__STRICT_ANSI__", "__x86_64__", "__linux__", "__SIZEOF_POINTER__",
           "__SIZEOF_LONG__", "__BYTE_ORDER__", "__CHAR_UNSIGNED__", "__OPTIMIZE__", "__NO_INLINE__",
           "_FORTIFY_SOURCE", "__PIC__", "__SSE4_2__", "__AVX2__")


def _dm(lines: list[str]) -> list:
    out = []
    for ln in lines:
        m = re.search(r"#define (\w+)", ln)
        if m and (m.group(1) in _MACROS or m.group(1).startswith("TLM_")):
            out.append(ln)
        elif re.search(r"\b(fatal )?error: ", ln):
            out.append(ln)
    return out + _status(lines)


@kind("clang-dM-macros", "listing")
def n_clang_dm(lines):
    """Rule 5 on clang -E -dM: the identity, version, language and target macros, __OPTIMIZE__/__NO_INLINE__/_FORTIFY_SOURCE/__PIC__/SIMD macros when printed, every TLM_ macro."""
    return _dm(lines)


@kind("gcc-dM-macros", "listing")
def n_gcc_dm(lines):
    """Rule 5 on gcc -E -dM: the identity, version, language and target macros, __OPTIMIZE__/__NO_INLINE__/_FORTIFY_SOURCE/__PIC__/SIMD macros when printed, every TLM_ macro."""
    return _dm(lines)


def _qhelp(lines: list[str]) -> list:
    out = []
    for ln in lines:
        if ln.startswith("The following options") or ln.startswith("  Known ") or re.search(r"\berror: ", ln):
            out.append(ln)
            continue
        m = re.match(r"\s+(-\S+)\s+(\S.*)$", ln)
        if m:
            val = m.group(2).strip()
            if val == "[enabled]" or (val != "[disabled]" and not val.startswith("[available")):
                out.append(ln)
    return out + _status(lines)


def _qh(name: str, what: str):
    def ext(lines: list[str]) -> list:
        return _qhelp(lines)
    ext.__doc__ = (f"Rule 5 on gcc -Q --help={what}: the header line(s), every [enabled] line, every option line "
                   "holding a value other than [enabled]/[disabled]/empty.")
    return kind(name, "listing")(ext)


n_q_warnings = _qh("gcc-Q-help-warnings", "warnings")
n_q_optimizers = _qh("gcc-Q-help-optimizers", "optimizers")
n_q_target = _qh("gcc-Q-help-target", "target")


@kind("clang-weverything", "build")
def n_weverything(lines):
    """Rule 1 on clang -Weverything: every error line with its location, warnings one any per (-W flag, file), the 'N warnings generated' and status lines."""
    out, warn = [], []
    for ln in lines:
        if re.search(r"\b(fatal )?error: ", ln):
            out.append(ln)
        elif m := re.match(r"(\S+?):\d+:\d+: warning: .*\[(-W[\w+-]+)", ln):
            warn.append(((m.group(2), m.group(1)), ln))
    return out + groups(warn) + _status(lines)


@kind("clang-analyze", "lint")
def n_analyze(lines):
    """Rule 1+5 on clang --analyze: every warning: and error: line, note lines one any per shape (first 20), the 'N warnings generated' line."""
    out, notes = [], []
    for ln in lines:
        if re.search(r": (warning|error): |^clang: error", ln):
            out.append(ln)
        elif m := re.search(r": note: (.*)", ln):
            notes.append((mask(m.group(1)), ln))
    return out + groups(notes)[:20] + _status(lines)


@kind("clang-analyzer-sarif", "json")
def n_sarif(lines):
    """Rule 5 on the analyzer's SARIF log: the log's version line, the driver's name/fullName/version lines, every result's message text line, one any per ruleId, every distinct artifact uri line."""
    out, rules = [], []

    def ind(ln: str) -> int:
        return len(ln) - len(ln.lstrip(" "))
    log_ind = {ind(ln) for ln in lines if ln.strip().startswith('"$schema"')}
    top = next((k for k, ln in enumerate(lines) if ln in ("{", "[")), None)  # the JSON's opening line
    unit = ind(lines[top + 1]) if top is not None and top + 1 < len(lines) else 2
    drv = res = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith('"version"') and ind(ln) in log_ind:
            out.append(ln)
        if s.startswith('"driver"'):
            drv = ind(ln)
        elif drv is not None and ind(ln) == drv + unit and re.match(r'"(name|fullName|version)"', s):
            out.append(ln)
        elif drv is not None and ind(ln) <= drv and not s.startswith('"driver"'):
            drv = None
        if s.startswith('"results"'):
            res = ind(ln)
        if s.startswith('"ruleId"'):
            rules.append((s, ln))
        elif s.startswith('"uri"'):
            out.append(ln)
        elif (res is not None and s.startswith('"text"') and i > 0 and lines[i - 1].strip().startswith('"message"')
              and ind(lines[i - 1]) == res + 2 * unit):
            out.append(ln)  # a result's own message, not a code-flow step's
    return out + groups(rules) + _status(lines)


@kind("compile-commands-json", "json")
def n_cdb(lines):
    """Rule 5 on compile_commands.json: every "file" line, every distinct "directory" line, one any per distinct -D/-I/-std=/-O argument line."""
    out, args = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r'"file"\s*:', s):
            out.append(ln)
        elif re.match(r'"directory"\s*:', s):
            out.append(ln)
        elif m := re.match(r'"(-D\S*|-I\S*|-std=\S*|-O\w*)",?$', s):
            args.append((m.group(1), ln))
    return out + groups(args) + _status(lines)


@kind("clang-query", "search")
def n_clang_query(lines):
    """Rule 5 on clang-query: every 'Match #N:' line, every location line under a match ('binds here'), the closing 'N matches.' line, every error line of clang-query's own."""
    out = []
    for ln in lines:
        if re.match(r"Match #\d+:", ln) or re.search(r": note: \"\w+\" binds here", ln) or \
                re.match(r"\d+ match(es)?\.", ln) or re.search(r"\b(error|Error)\b|Matcher not found|not found", ln):
            out.append(ln)
    return out + _status(lines)


@kind("clang-tidy-list-checks", "listing")
def n_tidy_list(lines):
    """Rule 5 on clang-tidy --list-checks: the 'Enabled checks:' line, per check family its first and last check line, a count line a pipe printed."""
    out = []
    fam: dict[str, list[str]] = {}
    for ln in lines:
        if ln.startswith("Enabled checks:") or re.fullmatch(r"\s*\d+", ln):
            out.append(ln)
        elif m := re.match(r"\s+([a-z0-9]+)-[\w.-]+$", ln):
            fam.setdefault(m.group(1), []).append(ln)
    for v in fam.values():
        out += [v[0], v[-1]]
    return out + _status(lines)


@kind("clang-record-layouts", "code")
def n_layouts(lines):
    """Rule 5 on -fdump-record-layouts: every '*** Dumping AST Record Layout' line, every project record's header line, every [sizeof=...] line, every bit-field line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("*** Dumping AST Record Layout"):
            out.append(ln)
        elif re.match(r"\s*0 \| (struct|class|union) \S", ln):  # a record's header (its members are indented)
            if not re.search(r"\b_\w+|\b(timespec|timeval|stat|pthread|std)\b", ln):
                out.append(ln)
        elif re.search(r"\[sizeof=\d+", ln):
            out.append(ln)
        elif re.match(r"\s*\d+:\d+-\d+ \|", ln):
            out.append(ln)
        elif re.search(r"\b(fatal )?error: ", ln):
            out.append(ln)
    return out + _status(lines)


def _search_dirs(lines: list[str]) -> list:
    out = []
    inside = False
    for ln in lines:
        if re.match(r"Target: |gcc version |.*clang version |Selected GCC installation: |ignoring nonexistent directory|"
                    r"ignoring duplicate directory|End of search list\.", ln):
            out.append(ln)
        if re.match(r"#include [\"<].*search starts here:", ln):
            out.append(ln)
            inside = True
        elif ln.startswith("End of search list."):
            inside = False
        elif inside and ln.startswith(" "):
            out.append(ln)
        elif re.search(r"\b(fatal )?error: ", ln):
            out.append(ln)
    return out + _status(lines)


@kind("gcc-v-search-dirs", "build")
def n_gcc_v(lines):
    """Rule 5 on gcc -v: Target, version, both 'search starts here' lines, every search directory, End of search list, every 'ignoring' line."""
    return _search_dirs(lines)


@kind("clang-v-search-dirs", "build")
def n_clang_v(lines):
    """Rule 5 on clang -v: Target, version, Selected GCC installation, both 'search starts here' lines, every search directory, End of search list, every 'ignoring' line."""
    return _search_dirs(lines)


@kind("clang-driver-hash", "build")
def n_driver(lines):
    """Rule 5 on clang -###: the version, Target and InstalledDir lines, the first 200 characters of each job line."""
    out = []
    for ln in lines:
        if re.search(r"clang version |^Target: |^InstalledDir: |^Thread model: ", ln) and "Thread model" not in ln:
            out.append(ln)
        elif re.match(r'\s*"/', ln):
            out.append(ln)
        elif re.search(r"\b(fatal )?error: ", ln):
            out.append(ln)
    return out + _status(lines)


@kind("clang-parseable-fixits", "build")
def n_fixits(lines):
    """Rule 1+5 on -fdiagnostics-parseable-fixits: every error line, warnings one any per (flag, file), every fix-it: line, the closing count and status."""
    out, warn = [], []
    for ln in lines:
        if re.search(r"\b(fatal )?error: ", ln) or ln.startswith("fix-it:"):
            out.append(ln)
        elif m := re.match(r"(\S+?):\d+:\d+: warning: .*?(\[-W[\w+-]+)?$", ln):
            warn.append(((m.group(2), m.group(1)), ln))
    return out + groups(warn) + _status(lines)


# ------------------------------------------------------------------ the tlm project

TLM_H = r"""#ifndef TLM_H
#define TLM_H
#include <stddef.h>
#include <stdint.h>

#define TLM_VERSION_MAJOR 2
#define TLM_VERSION_MINOR 7
#define TLM_VERSION_STR "2.7.1"
#define TLM_MAX_PAYLOAD 240
#define TLM_SYNC_WORD 0x1ACFFC1Du
#define TLM_RING_SLOTS 64
#ifndef TLM_TRACE
#define TLM_TRACE 0
#endif
#define TLM_ALIGN(n) (((n) + 7u) & ~7u)
#define TLM_LOG(fmt, ...) do { if (TLM_TRACE) fprintf(stderr, "tlm: " fmt "\n", __VA_ARGS__); } while (0)

struct tlm_header {
    uint32_t sync;
    uint8_t version;
    uint16_t apid;        /* padding before this on purpose */
    unsigned seq : 14;
    unsigned flags : 2;
    uint8_t kind;
    uint64_t stamp_ns;
    uint16_t length;
};

struct tlm_frame {
    struct tlm_header hdr;
    uint8_t payload[TLM_MAX_PAYLOAD];
    uint16_t crc;
};

struct tlm_ring {
    struct tlm_frame *slots[TLM_RING_SLOTS];
    size_t head, tail;
    int dropped;
};

enum tlm_status { TLM_OK = 0, TLM_ESHORT = -1, TLM_ESYNC = -2, TLM_ECRC = -3, TLM_EFULL = -4 };

uint16_t tlm_crc16(const uint8_t *p, size_t n);
int tlm_encode(const struct tlm_frame *f, uint8_t *out, size_t cap);
int tlm_decode(const uint8_t *in, size_t n, struct tlm_frame *f);
struct tlm_ring *tlm_ring_new(void);
int tlm_ring_push(struct tlm_ring *r, const struct tlm_frame *f);
struct tlm_frame *tlm_ring_pop(struct tlm_ring *r);
void tlm_ring_free(struct tlm_ring *r);
double tlm_rate(const struct tlm_ring *r, int seconds);
#endif
"""

CRC_C = r"""#include <stdint.h>
#include <stddef.h>

static const uint16_t poly = 0x1021;

uint16_t tlm_crc16(const uint8_t *p, size_t n) {
    uint16_t crc = 0xFFFF;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i] << 8;
        for (int b = 0; b < 8; b++)
            crc = (crc & 0x8000) ? (crc << 1) ^ poly : crc << 1;
    }
    return crc;
}

int tlm_crc_ok(const uint8_t *p, size_t n, uint16_t want) {
    float ratio = n / 3;
    char last = p[n - 1];
    return tlm_crc16(p, n) == want && ratio >= 0 && last != 0x7f;
}
"""

FRAME_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tlm.h"

int tlm_encode(const struct tlm_frame *f, uint8_t *out, size_t cap) {
    size_t need = sizeof f->hdr + f->hdr.length + 2;
    if (cap < need)
        return TLM_ESHORT;
    memcpy(out, &f->hdr, sizeof f->hdr);
    memcpy(out + sizeof f->hdr, f->payload, f->hdr.length);
    uint16_t crc = tlm_crc16(out, need - 2);
    out[need - 2] = crc >> 8;
    out[need - 1] = crc;
    TLM_LOG("encoded apid %u len %u", f->hdr.apid, f->hdr.length);
    return need;
}

int tlm_decode(const uint8_t *in, size_t n, struct tlm_frame *f) {
    if (n < sizeof f->hdr)
        return TLM_ESHORT;
    memcpy(&f->hdr, in, sizeof f->hdr);
    if (f->hdr.sync != TLM_SYNC_WORD)
        return TLM_ESYNC;
    int len = f->hdr.length;
    memcpy(f->payload, in + sizeof f->hdr, len);
    unsigned short crc = in[sizeof f->hdr + len] << 8 | in[sizeof f->hdr + len + 1];
    return crc == tlm_crc16(in, sizeof f->hdr + len) ? TLM_OK : TLM_ECRC;
}

const char *tlm_kind_name(const struct tlm_frame *f) {
    static const char *names[] = {"hk", "sci", "evt", "dump"};
    if (f == NULL)
        printf("null frame for apid %d\n", f->hdr.apid);
    return names[f->hdr.kind];
}

long tlm_total_bytes(struct tlm_frame **frames, int n) {
    long total = 0;
    for (int i = 0; i < n; i++)
        total += frames[i]->hdr.length;
    return total / n;
}
"""

RING_C = r"""#include <stdlib.h>
#include <string.h>
#include "tlm.h"

struct tlm_ring *tlm_ring_new(void) {
    struct tlm_ring *r = malloc(sizeof *r);
    memset(r, 0, sizeof *r);
    return r;
}

int tlm_ring_push(struct tlm_ring *r, const struct tlm_frame *f) {
    struct tlm_frame *copy = malloc(sizeof *copy);
    if (!copy)
        return TLM_EFULL;
    if ((r->head + 1) % TLM_RING_SLOTS == r->tail) {
        r->dropped++;
        return TLM_EFULL;
    }
    memcpy(copy, f, sizeof *copy);
    r->slots[r->head] = copy;
    r->head = (r->head + 1) % TLM_RING_SLOTS;
    return TLM_OK;
}

struct tlm_frame *tlm_ring_pop(struct tlm_ring *r) {
    if (r->head == r->tail)
        return NULL;
    struct tlm_frame *f = r->slots[r->tail];
    r->tail = (r->tail + 1) % TLM_RING_SLOTS;
    free(f);
    if (f->hdr.kind == 3)
        r->dropped--;
    return f;
}

void tlm_ring_free(struct tlm_ring *r) {
    struct tlm_frame *f;
    while ((f = tlm_ring_pop(r)) != NULL)
        ;
    free(r);
    r->dropped = 0;
}

double tlm_rate(const struct tlm_ring *r, int seconds) {
    int frames = (int)((r->head + TLM_RING_SLOTS - r->tail) % TLM_RING_SLOTS);
    int per = frames / seconds;
    if (seconds == 0)
        return 0.0;
    return per;
}
"""

BROKEN_C = r"""#include <stdio.h>
#include "tlm.h"

int tlm_dump(const struct tlm_frame *f, FILE *out) {
    int written = 0
    for (int i = 0; i < f->hdr.length; i++) {
        written += fprintf(out, "%02x", f->payload[i]);
    }
    if (written = 0)
        fprintf(out, "empty\n");
    fprintf(out, " crc=%d len=%s\n", f->crc, f->hdr.length);
    return writen;
}

void tlm_dump_ring(struct tlm_ring *r) {
    struct tlm_frame *f = tlm_ring_peek(r);
    tlm_dump(f, stdout);
    unsigned long n = sizeof(r->slots) / sizeof r->slots[0];
    for (int i = 0; i < n; i++)
        tlm_dump(r->slots[i], stdout);
}
"""

SCHED_CPP = r"""#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tlm {

struct Window {
    std::uint64_t start_ns;
    std::uint32_t length_ms;
    bool downlink : 1;
    bool priority : 1;
    std::uint8_t station;
};

class Pass {
public:
    virtual ~Pass() = default;
    virtual int budget() const = 0;
    std::string name;
};

class Scheduler : public Pass {
public:
    explicit Scheduler(int slots) : slots_(slots) {}
    int budget() const override { return slots_ * 12; }
    void add(Window w) { windows_.push_back(w); }
    int conflicts() const {
        int n = 0;
        for (size_t i = 0; i < windows_.size(); ++i)
            for (size_t j = i + 1; j < windows_.size(); ++j)
                if (windows_[i].start_ns + windows_[i].length_ms * 1000000 > windows_[j].start_ns) ++n;
        return n;
    }
    double load(int horizon_s) const {
        long busy = 0;
        for (auto &w : windows_) busy += w.length_ms;
        return busy / (horizon_s * 1000);
    }

private:
    int slots_;
    short version_ = 3;
    std::vector<Window> windows_;
    std::map<std::string, std::unique_ptr<Pass>> children_;
};

int plan(std::vector<Window> &ws, float margin) {
    Scheduler s(ws.size());
    int kept = 0;
    for (auto w : ws) {
        w.length_ms = w.length_ms * margin;
        s.add(w);
        kept++;
    }
    return kept - s.conflicts();
}

}  // namespace tlm
"""


def gen_chan(k: int) -> str:
    """A channel module: calibration functions with implicit conversions, shadowing and unused parameters (the
    kind of code -Weverything and the analyzer speak about)."""
    rnd = random.Random(15700 + k)
    fns = []
    for j in range(rnd.randint(4, 7)):
        scale = rnd.choice(["0.5f", "1.25", "3", "0.001"])
        typ = rnd.choice(["int", "short", "unsigned", "long", "uint8_t", "float"])
        fns.append(f"""{typ} tlm_cal_{k}_{j}(const struct tlm_frame *f, int gain, int unused_{j}) {{
    int raw = f->payload[{j}] << 8 | f->payload[{j + 1}];
    double v = raw * {scale} + gain;
    {typ} out = v;
    if (raw > {rnd.randint(1000, 60000)}) {{
        int raw = gain * 2;
        out = raw / (gain - {rnd.randint(1, 9)});
    }}
    return out;
}}
""")
    if k % 2 == 0:
        fns.append(f"""int tlm_chan_{k}_sum(struct tlm_frame **fs, int n) {{
    int total;
    for (int i = 0; i < n; i++)
        if (fs[i]->hdr.kind == {k % 4})
            total += fs[i]->hdr.length;
    return total;
}}
""")
    fns.append(f"""char *tlm_chan_{k}_label(const struct tlm_frame *f) {{
    char *s = malloc(32);
    if (f->hdr.apid > {rnd.randint(100, 900)})
        return NULL;
    snprintf(s, 32, "ch{k}-%u", f->hdr.apid);
    return s;
}}
""")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include "tlm.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC ?= cc
CFLAGS ?= -O2 -g -Wall -std=c11 -Iinclude -DTLM_TRACE=1 -D_FORTIFY_SOURCE=2
SRC := $(filter-out src/broken.c,$(wildcard src/*.c))
OBJ := $(SRC:.c=.o)

libtlm.a: $(OBJ)
\tar rcs $@ $^

src/%.o: src/%.c include/tlm.h
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -f $(OBJ) libtlm.a
"""


def project(tmp: Path) -> Path:
    root = tmp / "tlm"
    files = {"include/tlm.h": TLM_H, "src/crc.c": CRC_C, "src/frame.c": FRAME_C, "src/ring.c": RING_C,
             "src/broken.c": BROKEN_C, "cxx/sched.cpp": SCHED_CPP, "Makefile": MAKEFILE}
    for k in range(6):
        files[f"src/chan_{k}.c"] = gen_chan(k)
    write_tree(root, files)
    return root


# ------------------------------------------------------------------ steps

def build_db(tmp: Path) -> None:
    root = project(tmp)
    run("bear -- make -k -j2 CC=clang >/dev/null 2>&1", cwd=root, timeout=300)
    cap("cdb-cat", "cat compile_commands.json", root, n_cdb)
    cx = tmp / "tlmx"
    # the C++ file and broken.c built once more into a second database, with gcc
    run(f"cp -r {root} {cx} && rm -f {cx}/compile_commands.json {cx}/src/*.o", cwd=tmp)
    run("bear -- sh -c 'g++ -std=c++17 -O1 -c cxx/sched.cpp -o sched.o; gcc -std=c11 -Iinclude -DTLM_TRACE=0 "
        "-c src/broken.c -o broken.o; make -k CC=gcc CFLAGS=\"-O3 -Iinclude -DNDEBUG\"' >/dev/null 2>&1", cwd=cx,
        timeout=300)
    cap("cdb-gcc-jq-pretty", "jq . compile_commands.json", cx, n_cdb)


def clangd(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("clangd-check-frame", "clangd --check=src/frame.c", root, n_clangd_check, timeout=300)
    cap("clangd-check-broken-tail-40", "clangd --check=src/broken.c 2>&1 | tail -n 40", root, n_clangd_check,
        timeout=300)
    nodb = tmp / "tlm-nodb"
    run(f"mkdir -p {nodb} && cp -r {root}/src {root}/cxx {nodb}/", cwd=tmp)  # no include/, no database
    cap("clangd-check-nodb-chan", "clangd --check=src/chan_1.c 2>&1 | grep -v '^I\\['", nodb, n_clangd_check,
        timeout=300)
    cap("clangd-check-cxx-sched", "clangd --check=cxx/sched.cpp 2>&1", root, n_clangd_check, timeout=300)


def ast(tmp: Path) -> None:
    root = tmp / "tlm"
    base = "clang -Xclang -ast-dump -fsyntax-only -Iinclude"
    cap("ast-filter-decode", f"clang -Xclang -ast-dump -Xclang -ast-dump-filter=tlm_decode -fsyntax-only -Iinclude "
        "src/frame.c", root, n_ast_filter)
    cap("ast-filter-scheduler", "clang++ -std=c++17 -Xclang -ast-dump -Xclang -ast-dump-filter=Scheduler "
        "-fsyntax-only cxx/sched.cpp", root, n_ast_filter)
    cap("ast-filter-cal-chan2", "clang -Xclang -ast-dump -Xclang -ast-dump-filter=tlm_cal_2 -fsyntax-only "
        "-Iinclude src/chan_2.c | grep -v 'TextComment\\|FullComment'", root, n_ast_filter)
    cap("ast-filter-tlm-chan34", "clang -Xclang -ast-dump -Xclang -ast-dump-filter=tlm_ -fsyntax-only -Iinclude "
        "src/chan_3.c src/chan_4.c", root, n_ast_filter)
    cap("ast-whole-crc", f"{base} src/crc.c", root, n_ast_whole)
    cap("ast-whole-chan0-tail-150", f"{base} src/chan_0.c 2>&1 | tail -n 150", root, n_ast_whole)


def macros(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("dm-clang-null-sort", "clang -E -dM -x c /dev/null | sort", root, n_clang_dm)
    cap("dm-clang-frame-no-builtins", "clang -E -dM -Iinclude -DTLM_TRACE=1 src/frame.c | grep -v '^#define __'",
        root, n_clang_dm)
    cap("dm-gcc-native-o2", "gcc -O2 -march=native -E -dM - </dev/null", root, n_gcc_dm)
    cap("dm-gcc-headers-sort", "printf '#include <stdio.h>\\n#include <sys/socket.h>\\n#include <netinet/in.h>\\n"
        "#include <fcntl.h>\\n#include <signal.h>\\n#include <errno.h>\\n#include <limits.h>\\n#include \"tlm.h\"\\n' | "
        "gcc -Iinclude -E -dM -x c - | sort", root, n_gcc_dm)
    cap("dm-gcc-tlm-grep", "gcc -std=c11 -E -dM -Iinclude include/tlm.h | grep -E 'TLM_|__GNUC|__STDC|INT'",
        root, n_gcc_dm)


def qhelp(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("q-warnings-wall-wextra", "gcc -Q -Wall -Wextra --help=warnings", root, n_q_warnings)
    cap("q-warnings-c-grep-enabled", "gcc -Q -Wall --help=warnings,c | grep -E 'enabled|=  '", root, n_q_warnings)
    cap("q-optimizers-o2-grep-enabled", "gcc -Q -O2 --help=optimizers | grep enabled", root, n_q_optimizers)
    cap("q-optimizers-o3", "gcc -Q -O3 --help=optimizers", root, n_q_optimizers)
    cap("q-target-native", "gcc -Q -march=native --help=target", root, n_q_target)


def warnings(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("weverything-all", "clang -Weverything -fsyntax-only -Iinclude src/crc.c src/frame.c src/ring.c "
        "src/chan_*.c", root, n_weverything)
    cap("weverything-grep-v-note", "clang -Weverything -Wno-padded -fsyntax-only -Iinclude src/frame.c "
        "src/ring.c src/broken.c 2>&1 | grep -v note", root, n_weverything)
    cap("weverything-cxx-exit", "clang++ -std=c++17 -Weverything -Wno-c++98-compat -fsyntax-only cxx/sched.cpp; "
        "echo EXIT=$?", root, n_weverything)
    cap("fixits-broken", "clang -fsyntax-only -fdiagnostics-parseable-fixits -Wall -Iinclude src/broken.c", root,
        n_fixits)
    cap("fixits-chan-wconversion-exit", "clang -fsyntax-only -fdiagnostics-parseable-fixits -Wall -Wextra "
        "-Wconversion -Wshadow -Iinclude src/chan_3.c src/chan_4.c src/broken.c; echo EXIT=$?", root, n_fixits)


def analyzer(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("analyze-text-ring", "clang --analyze -Xanalyzer -analyzer-output=text -Iinclude src/ring.c", root,
        n_analyze)
    cap("analyze-text-all-head-100", "clang --analyze -Xanalyzer -analyzer-output=text -Iinclude src/crc.c "
        "src/frame.c src/ring.c src/chan_*.c 2>&1 | head -n 100", root, n_analyze)
    cap("sarif-ring-json-tool", "clang --analyze --analyzer-output sarif -Iinclude src/ring.c -o ring.sarif && "
        "python3 -m json.tool ring.sarif", root, n_sarif)
    cap("sarif-frame-jq", "clang --analyze --analyzer-output sarif -Iinclude src/frame.c -o frame.sarif; "
        "jq . frame.sarif", root, n_sarif)
    cap("sarif-chan-all-jq-slurp", "for f in src/chan_*.c; do clang --analyze --analyzer-output sarif -Iinclude "
        "$f -o ${f%.c}.sarif; done 2>/dev/null; jq -s . src/chan_*.sarif", root, n_sarif)
    cap("sarif-chan0-jq", "clang --analyze --analyzer-output sarif -Iinclude src/chan_0.c -o chan0.sarif "
        "&& jq . chan0.sarif", root, n_sarif)


def query(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("query-memcpy-calls", "clang-query -c 'match callExpr(callee(functionDecl(hasName(\"memcpy\"))))' "
        "src/frame.c src/ring.c -- -Iinclude", root, n_clang_query, timeout=300)
    cap("query-uninit-locals", "clang-query -p . -c 'match varDecl(hasLocalStorage(), unless(hasInitializer("
        "anything())), unless(parmVarDecl()))' src/chan_0.c src/chan_2.c src/chan_4.c", root, n_clang_query,
        timeout=300)
    cap("query-float-to-int", "clang-query -c 'set output diag' -c 'match implicitCastExpr(hasCastKind("
        "\"CK_FloatingToIntegral\"))' src/chan_1.c src/chan_3.c src/chan_5.c -- -Iinclude", root, n_clang_query,
        timeout=300)
    cap("query-bad-matcher-retry", "clang-query -c 'match functionDecl(hasNam(\"tlm_decode\"))' src/frame.c -- "
        "-Iinclude; clang-query -c 'match functionDecl(matchesName(\"tlm_\"), isDefinition())' src/frame.c "
        "src/ring.c -- -Iinclude; echo EXIT=$?", root, n_clang_query, timeout=300)


def tidy_list(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("tidy-list-all", "clang-tidy --list-checks -checks='*'", root, n_tidy_list)
    cap("tidy-list-bugprone-cert", "clang-tidy --list-checks -checks='-*,bugprone-*,cert-*,clang-analyzer-*'",
        root, n_tidy_list)


def layouts(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("layouts-frame", "clang -Xclang -fdump-record-layouts -fsyntax-only -Iinclude src/ring.c", root, n_layouts)
    cap("layouts-cxx-grep-a25", "clang++ -std=c++17 -Xclang -fdump-record-layouts -fsyntax-only cxx/sched.cpp | "
        "grep -A 25 'tlm::'", root, n_layouts)


def driver(tmp: Path) -> None:
    root = tmp / "tlm"
    cap("gcc-v-search", "echo | gcc -xc -E -v -", root, n_gcc_v)
    cap("clang-v-frame", "clang -v -fsyntax-only -Iinclude -Ivendor/missing src/frame.c", root, n_clang_v)
    cap("clangxx-v-sched", "clang++ -v -std=c++17 -fsyntax-only cxx/sched.cpp 2>&1", root, n_clang_v)
    cap("driver-hash-link-asan", "clang -### -g -fsanitize=address -Iinclude src/crc.c src/frame.c src/ring.c "
        "-o tlm 2>&1", root, n_driver)


STEPS = [build_db, clangd, ast, macros, qhelp, warnings, analyzer, query, tidy_list, layouts, driver]
