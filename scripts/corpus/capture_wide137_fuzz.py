"""Round 137, libFuzzer, the sanitizers and Atheris: `beaconfw`'s C firmware-image parser (written here with faults put
in on purpose: a header read past its buffer, a use-after-free on a repeated section, an unbounded recursion on nested
tags, a signed overflow, a record scan that never advances, a bank allocation sized from the image) fuzzed with clang
14's libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer; its `fwinfo` tool under MemorySanitizer and
LeakSanitizer; its Python manifest checker fuzzed with Atheris. Run through capture_wide137.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, run, write_tree
from capture_diagnostics import needles_pytraceback
from capture_wide137 import VENV, add, cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")
FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in ")
PROJ = re.compile(r"#\d+ 0x[0-9a-f]+ in .*/(fw\w*|fuzz_\w+)\.c:\d+")
REPRO = re.compile(r"Test unit written to |^Base64: |^MS: \d+ ")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _loc(ln: str) -> str:
    return re.search(r"(\S+\.c:\d+(?::\d+)?)", ln).group(1)


def _frames(lines):
    """Each stack's first project frame with the line opening that stack, and the project frames grouped by location
    (one {"any"} per file:line:col, so a deep recursion gives one needle per distinct frame)."""
    out, i = [], 0
    while i < len(lines):
        if re.match(r"^\s*#0 0x", lines[i]):
            if i and lines[i - 1].strip() and not FRAME.match(lines[i - 1]):
                out.append(lines[i - 1])
            j = i
            while j < len(lines) and FRAME.match(lines[j]):
                j += 1
            first = next((ln for ln in lines[i:j] if PROJ.search(ln)), None)
            if first:
                out.append(first)
            i = j
        else:
            i += 1
    return out + groups((_loc(ln), ln) for ln in lines if PROJ.search(ln))


def _repro(lines):
    return [ln for ln in lines if REPRO.search(ln)]


@cm.kind("libfuzzer-asan-crash", "test")
def n_lf_asan(lines):
    """Rules 1+5 on a libFuzzer+ASan crash: the ==N==ERROR: AddressSanitizer line, the READ/WRITE (or 'The signal is caused by') line, every '... is located ... region' line, each stack's first project frame with its opening line, project frames one {"any"} per location, the SUMMARY: line, the MS: line and the reproducer lines (Test unit written to, Base64:), an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"==\d+==\s*ERROR: |^(READ|WRITE) of size |The signal is caused by|"
                                            r" is located .*region|^SUMMARY: ", ln)]
    return out + _frames(lines) + _repro(lines) + _exit(lines)


@cm.kind("libfuzzer-ubsan-crash", "test")
def n_lf_ubsan(lines):
    """Rules 1+5 on a libFuzzer+UBSan crash: every 'runtime error:' line, the SUMMARY: UndefinedBehaviorSanitizer line, the 'ERROR: libFuzzer: deadly signal' line, project frames as for libfuzzer-asan-crash, the MS: line and the reproducer lines, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"runtime error: |^SUMMARY: |ERROR: libFuzzer: ", ln)]
    return out + _frames(lines) + _repro(lines) + _exit(lines)


@cm.kind("libfuzzer-timeout", "test")
def n_lf_timeout(lines):
    """Rules 1+5 on a libFuzzer timeout: the 'ALARM: working on the last Unit' and 'and the timeout value is' lines, the 'ERROR: libFuzzer: timeout' line, project frames, the SUMMARY: line, the MS: line and the reproducer lines, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"^ALARM: working on the last Unit|and the timeout value is|"
                                            r"ERROR: libFuzzer: |^SUMMARY: ", ln)]
    return out + _frames(lines) + _repro(lines) + _exit(lines)


@cm.kind("libfuzzer-oom", "test")
def n_lf_oom(lines):
    """Rules 1+5 on a libFuzzer out-of-memory: the 'ERROR: libFuzzer: out-of-memory' line, the 'To change the out-of-memory limit' line, project frames, the SUMMARY: line, the MS: line and the reproducer lines, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"ERROR: libFuzzer: |To change the out-of-memory limit|^SUMMARY: ", ln)]
    return out + _frames(lines) + _repro(lines) + _exit(lines)


STATUS = re.compile(r"^#\d+\s+[A-Z_]+\s+cov: ")


@cm.kind("libfuzzer-run", "test")
def n_lf_run(lines):
    """Rules 1+3+5 on a libFuzzer session (-runs=N -print_final_stats=1, -max_total_time, Atheris alike): the INFO: Seed: line, the first INITED line, the last status line, every NEW_FUNC line naming a project file, every stat:: line, the 'Done N runs' line, every ERROR / SUMMARY / runtime error / Uncaught exception line and the reproducer lines, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("INFO: Seed:")]
    status = [ln for ln in lines if STATUS.match(ln)]
    out += [ln for ln in status if " INITED " in ln][:1] + status[-1:]
    out += [ln for ln in lines if "NEW_FUNC[" in ln and re.search(r"/(fw\w*|fuzz_\w+)\.c:\d+", ln)]
    out += [ln for ln in lines if re.match(r"^(stat::|Done \d+ runs in )", ln)]
    out += [ln for ln in lines if re.search(r"ERROR: |^SUMMARY: |runtime error: |=== Uncaught Python exception", ln)]
    if any("ERROR: " in ln for ln in lines):
        out += _repro(lines)
    return out + _exit(lines)


@cm.kind("libfuzzer-merge", "log")
def n_lf_merge(lines):
    """Rules 1+3+5 on libFuzzer -merge=1: every MERGE-OUTER: line, every MERGE-INNER: line naming a crash or a count of files, every ERROR / SUMMARY line, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("MERGE-OUTER:")
           or (ln.startswith("MERGE-INNER:") and re.search(r"crash|\d+ (total )?files", ln))
           or re.search(r"ERROR: |^SUMMARY: ", ln)]
    return out + _exit(lines)


@cm.kind("libfuzzer-minimize", "log")
def n_lf_minimize(lines):
    """Rules 1+5 on libFuzzer -minimize_crash=1: the first and last CRASH_MIN: lines, every line naming a file written (minimized-from-, Test unit written to), the ERROR and SUMMARY lines one {"any"} per message shape, an EXIT=N line."""
    cm_lines = [ln for ln in lines if ln.startswith("CRASH_MIN:")]
    out = cm_lines[:1] + cm_lines[-1:]
    out += [ln for ln in lines if "minimized-from-" in ln or "Test unit written to" in ln]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"ERROR: |^SUMMARY: ", ln))
    return out + _exit(lines)


@cm.kind("msan-report", "test")
def n_msan(lines):
    """Rules 1+5 on a MemorySanitizer report: the WARNING: MemorySanitizer line, each stack's first project frame with its opening line, every 'Uninitialized value was ...' origin line, project frames one {"any"} per location, the SUMMARY: MemorySanitizer line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"WARNING: MemorySanitizer: |Uninitialized value was |^SUMMARY: ", ln)]
    return out + _frames(lines) + _exit(lines)


@cm.kind("lsan-report", "test")
def n_lsan(lines):
    """Rules 1+3+5 on a LeakSanitizer report: the 'ERROR: LeakSanitizer: detected memory leaks' line, every Direct/Indirect leak line with the first project frame under it, the SUMMARY: LeakSanitizer line, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"ERROR: LeakSanitizer|^SUMMARY: ", ln):
            out.append(ln)
        elif re.match(r"^(Direct|Indirect) leak of ", ln):
            out.append(ln)
            j = i + 1
            while j < len(lines) and FRAME.match(lines[j]):
                if PROJ.search(lines[j]):
                    out.append(lines[j])
                    break
                j += 1
    return out + _exit(lines)


@cm.kind("atheris-crash", "test")
def n_atheris(lines):
    """Rules 1+5 on an Atheris crash: the '=== Uncaught Python exception: ===' line, the exception line closing each traceback with its innermost File line, the 'ERROR: libFuzzer: deadly signal' line, the MS: line and the reproducer lines, an EXIT=N line."""
    out = [ln for ln in lines if "=== Uncaught Python exception" in ln or "ERROR: libFuzzer: " in ln]
    return out + needles_pytraceback(lines) + _repro(lines) + _exit(lines)


# ------------------------------------------------------------------ beaconfw's sources

FWIMG_H = r"""#ifndef FWIMG_H
#define FWIMG_H
#include <stddef.h>
#include <stdint.h>

typedef struct section {
    uint8_t id;
    uint16_t len;
    uint8_t *data;
    struct section *next;
} section_t;

typedef struct {
    char vendor[8];
    uint8_t version;
    uint8_t flags;
    uint16_t nsect;
    uint32_t crc;
    section_t *sections;
} image_t;

int fw_parse_header(const uint8_t *buf, size_t n, image_t *img);
int fw_parse_sections(const uint8_t *buf, size_t n, image_t *img);
int fw_walk_tlv(const uint8_t *buf, size_t n, int depth);
int32_t fw_checksum(const uint8_t *buf, size_t n);
int fw_scan_records(const uint8_t *buf, size_t n);
uint8_t *fw_alloc_banks(const uint8_t *buf, size_t n);
int fw_vendor_ok(const image_t *img);
void fw_free(image_t *img);

int fw_manifest_check(const uint8_t *buf, size_t n);
char *fw_manifest_model(const uint8_t *buf, size_t n);
#endif
"""

FWIMG_C = r"""#include <stdlib.h>
#include <string.h>
#include "fwimg.h"

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

int fw_parse_header(const uint8_t *buf, size_t n, image_t *img) {
    if (n < 4 || memcmp(buf, "BFW", 3) != 0)
        return -1;
    img->version = buf[3];
    /* the vendor string length is trusted from the image */
    size_t vlen = n > 4 ? buf[4] : 0;
    if (vlen > sizeof img->vendor)
        vlen = sizeof img->vendor;
    memcpy(img->vendor, buf + 5, vlen);
    if (n > 13)
        img->flags = buf[13];
    return 0;
}

int fw_parse_sections(const uint8_t *buf, size_t n, image_t *img) {
    size_t off = 0;
    section_t *last = NULL;
    while (off + 3 <= n) {
        section_t *s = calloc(1, sizeof *s);
        s->id = buf[off];
        s->len = rd16(buf + off + 1);
        off += 3;
        if (s->len > n - off) {
            free(s);
            return -1;
        }
        s->data = malloc(s->len + 1);
        memcpy(s->data, buf + off, s->len);
        off += s->len;
        /* a repeated id replaces the previous section, but the list still points at it */
        for (section_t *p = img->sections; p; p = p->next) {
            if (p->id == s->id && s->id == 0x7f) {
                free(p->data);
                free(p);
                break;
            }
        }
        if (last)
            last->next = s;
        else
            img->sections = s;
        last = s;
        img->nsect++;
    }
    for (section_t *p = img->sections; p; p = p->next)
        if (p->len && p->data[0] == 0xEE)
            return 1;
    return 0;
}

int fw_walk_tlv(const uint8_t *buf, size_t n, int depth) {
    char scratch[96];
    if (n < 2)
        return depth;
    uint8_t tag = buf[0], len = buf[1];
    memset(scratch, tag, sizeof scratch);
    if (tag == 0x30) /* a constructed tag nests: no depth limit */
        return fw_walk_tlv(buf, n, depth + 1) + scratch[depth % 96];
    if ((size_t)len + 2 > n)
        return -1;
    return fw_walk_tlv(buf + 2 + len, n - 2 - len, depth);
}

int32_t fw_checksum(const uint8_t *buf, size_t n) {
    int32_t acc = 0x5bd1e995;
    for (size_t i = 0; i < n; i++) {
        int shift = buf[i] & 0x3f;
        if (i == 0 && buf[0] == 'K')
            acc = acc * 31 + (1 << shift);
        acc += buf[i];
    }
    return acc;
}

int fw_scan_records(const uint8_t *buf, size_t n) {
    size_t off = 0;
    int count = 0;
    while (off < n) {
        uint8_t len = buf[off];
        if (len == 0 && n > 2 && buf[1] == 'Z')
            continue; /* a zero-length record never advances */
        off += len ? len : 1;
        count++;
    }
    return count;
}

uint8_t *fw_alloc_banks(const uint8_t *buf, size_t n) {
    if (n < 4 || buf[0] != 'M')
        return NULL;
    size_t banks = buf[1] | (buf[2] << 8);
    uint8_t *p = malloc(banks * 65536);
    if (p)
        memset(p, 0xff, banks * 65536);
    return p;
}

int fw_vendor_ok(const image_t *img) {
    int ok;
    if (img->vendor[0] == 'A')
        ok = 1;
    else if (img->vendor[0] == 'Q')
        ok = 2;
    /* other vendors leave ok unset */
    return ok > 1;
}

void fw_free(image_t *img) {
    section_t *p = img->sections;
    while (p) {
        section_t *nx = p->next;
        free(p->data);
        free(p);
        p = nx;
    }
}
"""

MANIFEST_C = r"""#include <stdlib.h>
#include <string.h>
#include "fwimg.h"

typedef struct {
    char *model;
    char *serial;
    int channel, power_dbm, interval_ms, lamp_w;
    char region[4];
    int checks;
} manifest_t;

static int parse_int(const char *s, int lo, int hi, int *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int apply(manifest_t *m, const char *key, const char *val) {
    if (!strcmp(key, "model")) {
        if (strncmp(val, "BX-", 3))
            return -2;
        free(m->model);
        m->model = strdup(val);
    } else if (!strcmp(key, "serial")) {
        if (strlen(val) != 8)
            return -3;
        free(m->serial);
        m->serial = strdup(val);
    } else if (!strcmp(key, "channel")) {
        return parse_int(val, 1, 40, &m->channel);
    } else if (!strcmp(key, "power")) {
        return parse_int(val, -20, 20, &m->power_dbm);
    } else if (!strcmp(key, "interval")) {
        if (parse_int(val, 20, 10240, &m->interval_ms))
            return -4;
        if (m->interval_ms % 5)
            return -5;
    } else if (!strcmp(key, "lamp")) {
        return parse_int(val, 5, 250, &m->lamp_w);
    } else if (!strcmp(key, "region")) {
        if (strlen(val) != 2)
            return -6;
        if (!strcmp(val, "EU") || !strcmp(val, "US") || !strcmp(val, "JP"))
            memcpy(m->region, val, 3);
        else
            return -7;
    } else if (!strcmp(key, "check")) {
        m->checks++;
    } else {
        return -1;
    }
    return 0;
}

int fw_manifest_check(const uint8_t *buf, size_t n) {
    manifest_t m;
    memset(&m, 0, sizeof m);
    char *text = malloc(n + 1);
    memcpy(text, buf, n);
    text[n] = 0;
    int bad = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        if (!eq || line[0] == '#')
            continue;
        *eq = 0;
        if (apply(&m, line, eq + 1))
            bad++;
    }
    if (m.model && m.serial && m.region[0] == 'J' && m.power_dbm > 10)
        bad += 100; /* JP power limit */
    free(m.model);
    free(m.serial);
    free(text);
    return bad;
}

char *fw_manifest_model(const uint8_t *buf, size_t n) {
    manifest_t m;
    memset(&m, 0, sizeof m);
    char *text = malloc(n + 1);
    memcpy(text, buf, n);
    text[n] = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = 0;
        if (apply(&m, line, eq + 1) == -3) {
            free(text);
            return NULL; /* a bad serial returns without freeing the model */
        }
    }
    free(m.serial);
    free(text);
    return m.model;
}
"""

HARNESS = {  # fuzz target -> the call it makes on (data, size)
    "header": "image_t img;\n    memset(&img, 0, sizeof img);\n    fw_parse_header(data, size, &img);",
    "sections": "image_t img;\n    memset(&img, 0, sizeof img);\n    fw_parse_sections(data, size, &img);\n    fw_free(&img);",
    "tlv": "fw_walk_tlv(data, size, 0);",
    "checksum": "fw_checksum(data, size);",
    "records": "fw_scan_records(data, size);",
    "banks": "free(fw_alloc_banks(data, size));",
    "manifest": "fw_manifest_check(data, size);",
    "model": "free(fw_manifest_model(data, size));",
}

FWINFO_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fwimg.h"

static uint8_t *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    uint8_t *buf = malloc(65536);
    *n = fread(buf, 1, 65536, f);
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    int skip_vendor = argc > 1 && !strcmp(argv[1], "-s");
    int bad = 0;
    for (int a = 1 + skip_vendor; a < argc; a++) {
        size_t n;
        uint8_t *buf = slurp(argv[a], &n);
        if (!buf) {
            fprintf(stderr, "fwinfo: %s: cannot open\n", argv[a]);
            bad++;
            continue;
        }
        image_t img;
        img.sections = NULL;
        img.nsect = 0;
        if (fw_parse_header(buf, n, &img) < 0) {
            fprintf(stderr, "fwinfo: %s: not a BFW image\n", argv[a]);
            free(buf);
            bad++;
            continue;
        }
        if (!skip_vendor && fw_vendor_ok(&img))
            printf("%s: vendor %.8s trusted\n", argv[a], img.vendor);
        size_t hdr = 14 < n ? 14 : n;
        if (fw_parse_sections(buf + hdr, n - hdr, &img) < 0) {
            fprintf(stderr, "fwinfo: %s: section table runs past the image\n", argv[a]);
            free(buf);
            bad++;
            continue; /* the sections parsed so far are never freed */
        }
        for (section_t *s = img.sections; s; s = s->next)
            if (s->data[s->len] == 0x00)
                printf("%s: section %02x (%u bytes) is terminated\n", argv[a], s->id, s->len);
        printf("%s: version %u, %u sections\n", argv[a], img.version, img.nsect);
        fw_free(&img);
        free(buf);
    }
    return bad ? 1 : 0;
}
"""

BUILD = "clang-14 -g -O1 -fno-omit-frame-pointer"


def _section(sid: int, body: bytes) -> bytes:
    return bytes([sid, len(body) & 0xFF, len(body) >> 8]) + body


def _image(vendor: bytes, sections: list[bytes], version: int = 3) -> bytes:
    return b"BFW" + bytes([version, len(vendor)]) + vendor.ljust(8, b"\0")[:8] + b"\x01" + b"".join(sections)


def _tree(d: Path, rng: random.Random) -> None:
    files = {"fwimg.h": FWIMG_H, "fwimg.c": FWIMG_C, "fw_manifest.c": MANIFEST_C, "fwinfo.c": FWINFO_C}
    for name, call in HARNESS.items():
        files[f"fuzz_{name}.c"] = ("#include <stdint.h>\n#include <stdlib.h>\n#include <string.h>\n#include \"fwimg.h\"\n\n"
                                   "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {\n    "
                                   f"{call}\n    return 0;\n}}\n")
    write_tree(d, files)
    man = d / "corpus" / "manifest"
    man.mkdir(parents=True)
    for i in range(6):
        body = [f"model=BX-{rng.randint(100, 999)}", f"serial={rng.randint(10**7, 10**8 - 1)}",
                f"channel={rng.randint(1, 40)}", f"power={rng.randint(-20, 8)}", f"interval={rng.choice([100, 250, 1000])}",
                f"region={rng.choice(['EU', 'US'])}", "check=lamp"]
        (man / f"seed{i}").write_text("\n".join(rng.sample(body, rng.randint(3, len(body)))) + "\n")
    sec = d / "corpus" / "sections"
    sec.mkdir(parents=True)
    (sec / "one").write_bytes(_section(0x7F, b"lamp-table") + _section(0x10, b"\x01\x02\x03"))
    (sec / "two").write_bytes(_section(0x21, bytes(rng.randrange(256) for _ in range(40))))
    fresh = d / "fresh"
    fresh.mkdir()
    for i in range(40):
        lines = [f"{k}={v}" for k, v in (("model", f"BX-{rng.randint(1, 999)}"), ("serial", str(rng.randint(10**6, 10**9))),
                                         ("lamp", str(rng.randint(0, 300))), ("region", rng.choice(["EU", "JP", "UK", "US"])),
                                         ("power", str(rng.randint(-30, 30))), ("interval", str(rng.randint(10, 12000))))
                 if rng.random() < 0.7]
        (fresh / f"m{i:02d}").write_text("\n".join(lines) + "\n")
    smp = d / "samples"
    smp.mkdir()
    (smp / "keeper-north.bfw").write_bytes(_image(b"AQUILA", [_section(0x10, b"\x00" * 12), _section(0x7F, b"lamp")]))
    (smp / "quiet.bfw").write_bytes(_image(b"Zx", [_section(0x10, b"\x05\x06")]))
    (smp / "short-vendor.bfw").write_bytes(b"BFW\x03\x02QX")
    for i in range(12):
        secs = [_section(rng.choice([0x10, 0x21, 0x33]), bytes(rng.randrange(1, 256) for _ in range(rng.randint(2, 30))))
                for _ in range(rng.randint(1, 4))]
        img = _image(b"AQUILA", secs)
        if i % 3 == 0:
            img += bytes([0x44, 0xFF, 0x01, 0x00])  # a section claiming 511 bytes at the end
        (smp / f"beacon-{i:02d}.bfw").write_bytes(img)


def _build(d: Path) -> None:
    libs = "fwimg.c fw_manifest.c"
    cmds = [f"{BUILD} -fsanitize=fuzzer,address fuzz_{t}.c {libs} -o fz_{t}"
            for t in ("header", "sections", "tlv", "records", "banks", "manifest", "model")]
    cmds.append(f"{BUILD} -fsanitize=fuzzer,undefined -fno-sanitize-recover=all fuzz_checksum.c {libs} -o fz_checksum")
    cmds.append(f"{BUILD} -fsanitize=fuzzer,undefined fuzz_checksum.c {libs} -o fz_checksum_recover")
    cmds.append(f"{BUILD} -fsanitize=memory -fsanitize-memory-track-origins=2 fwinfo.c {libs} -o fwinfo_msan")
    cmds.append(f"{BUILD} -fsanitize=leak fwinfo.c {libs} -o fwinfo_lsan")
    for c in cmds:
        out = run(f"nice {c}", cwd=d, timeout=300)
        if out.strip():
            cm.note(f"build: {c[:60]}: {out[:300]}")


def cap_libfuzzer(tmp: Path) -> None:
    d = tmp / "beaconfw"
    _tree(d, random.Random(1371))
    _build(d)
    for t in HARNESS:
        (d / "crashes" / t).mkdir(parents=True)
    cap("libfuzzer-asan-crash-header", "./fz_header -seed=1 -runs=200000 -artifact_prefix=crashes/header/", d, n_lf_asan)
    cap("libfuzzer-asan-crash-header-grep-v-info", "./fz_header -seed=21 -runs=200000 -artifact_prefix=crashes/header/ 2>&1 "
        "| grep -v INFO", d, n_lf_asan)
    cap("libfuzzer-asan-crash-sections-uaf-echo", "./fz_sections -seed=7 -max_total_time=60 -artifact_prefix=crashes/sections/ "
        "corpus/sections; echo EXIT=$?", d, n_lf_asan, timeout=120)
    cap("libfuzzer-asan-crash-tlv-deep-stack", "./fz_tlv -seed=3 -runs=200000 -artifact_prefix=crashes/tlv/", d, n_lf_asan)
    cap("libfuzzer-asan-crash-tlv-tail-80", "./fz_tlv -seed=5 -runs=200000 -artifact_prefix=crashes/tlv/ 2>&1 | tail -n 80",
        d, n_lf_asan)
    cap("libfuzzer-asan-crash-replay-header", "./fz_header crashes/header/crash-*; echo EXIT=$?", d, n_lf_asan)
    cap("libfuzzer-ubsan-crash-checksum", "./fz_checksum -seed=3 -runs=500000 -artifact_prefix=crashes/checksum/", d, n_lf_ubsan)
    cap("libfuzzer-ubsan-crash-checksum-seeds-loop", "for s in 8 17 29; do ./fz_checksum -seed=$s -runs=500000 "
        "-print_final_stats=1 -artifact_prefix=crashes/checksum/; echo EXIT=$?; done", d, n_lf_ubsan)
    cap("libfuzzer-timeout-records", "./fz_records -seed=2 -timeout=2 -runs=500000 -artifact_prefix=crashes/records/", d,
        n_lf_timeout, timeout=120)
    cap("libfuzzer-timeout-records-echo", "./fz_records -seed=6 -timeout=1 -runs=500000 -artifact_prefix=crashes/records/; "
        "echo EXIT=$?", d, n_lf_timeout, timeout=120)
    cap("libfuzzer-oom-banks-malloc-limit", "./fz_banks -seed=4 -rss_limit_mb=512 -malloc_limit_mb=128 -runs=500000 "
        "-artifact_prefix=crashes/banks/", d, n_lf_oom, timeout=120)
    cap("libfuzzer-oom-banks-tail-40", "./fz_banks -seed=9 -rss_limit_mb=256 -runs=500000 -artifact_prefix=crashes/banks/ "
        "2>&1 | tail -n 40", d, n_lf_oom, timeout=120)
    cap("libfuzzer-run-manifest-runs", "./fz_manifest -seed=11 -runs=150000 -print_final_stats=1 corpus/manifest", d,
        n_lf_run, timeout=300)
    cap("libfuzzer-run-manifest-long-print-funcs-tail-500", "./fz_manifest -seed=12 -max_total_time=30 -print_funcs=3 "
        "-print_final_stats=1 corpus/manifest 2>&1 | tail -n 500", d, n_lf_run, timeout=300)
    cap("libfuzzer-run-manifest-grep-v-info", "./fz_manifest -seed=13 -runs=120000 -print_final_stats=1 2>&1 "
        "| grep -v INFO", d, n_lf_run, timeout=300)
    cap("libfuzzer-run-checksum-ubsan-recover", "./fz_checksum_recover -seed=14 -runs=150000 -print_final_stats=1", d,
        n_lf_run, timeout=300)
    cap("libfuzzer-merge-manifest", "mkdir -p merged && ./fz_manifest -merge=1 merged corpus/manifest fresh", d,
        n_lf_merge, timeout=300)
    cap("libfuzzer-merge-header-crashes-echo", "mkdir -p hdr-min && ./fz_header -merge=1 hdr-min crashes/header crashes/tlv corpus/sections "
        "fresh; echo EXIT=$?", d, n_lf_merge, timeout=300)
    cap("libfuzzer-minimize-header", "./fz_header -minimize_crash=1 -runs=20 "
        "$(ls crashes/header/crash-* | head -n 1)", d, n_lf_minimize,
        timeout=300)
    cap("libfuzzer-minimize-sections-tail-60", "./fz_sections -minimize_crash=1 -runs=20 $(ls crashes/sections/crash-* | head -n 1) "
        "2>&1 | tail -n 60", d, n_lf_minimize, timeout=300)
    cap("lsan-report-libfuzzer-model", "./fz_model -seed=15 -runs=300000 corpus/manifest", d, n_lsan, timeout=300)


def cap_sanitizers(tmp: Path) -> None:
    d = tmp / "beaconfw"
    cap("msan-report-fwinfo-vendor-loop", "for f in samples/*.bfw; do ./fwinfo_msan \"$f\"; done", d, n_msan)
    cap("msan-report-fwinfo-heap-echo", "./fwinfo_msan -s samples/keeper-north.bfw; echo EXIT=$?", d, n_msan)
    cap("msan-report-fwinfo-loop", "for f in samples/*.bfw; do echo \"== $f\"; ./fwinfo_msan -s \"$f\"; done 2>&1 "
        "| tail -n 120", d, n_msan)
    cap("lsan-report-fwinfo-echo", "./fwinfo_lsan samples/beacon-00.bfw; echo EXIT=$?", d, n_lsan)
    cap("lsan-report-fwinfo-per-file-loop", "for f in samples/beacon-*.bfw; do ./fwinfo_lsan \"$f\"; echo \"EXIT=$?\"; "
        "done", d, n_lsan)


MANIFEST_PY = '''"""beacon manifests: key=value lines checked against the region's limits."""

REGION_LIMITS = {"EU": {"power": 10, "channels": 40}, "US": {"power": 20, "channels": 40}, "JP": {"power": 10, "channels": 37}}


class ManifestError(ValueError):
    pass


def parse(text):
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ManifestError(f"line {n}: no '=' in {line!r}")
        key, _, value = line.partition("=")
        out[key.strip()] = value.strip()
    return out


def duty_cycle(m):
    on = int(m.get("flash_ms", "0"))
    period = int(m.get("interval", "1000"))
    return on / period


def check(m):
    region = m.get("region", "EU")
    try:
        limits = REGION_LIMITS[region]
    except KeyError as e:
        raise ManifestError(f"unknown region {region!r}") from e
    if int(m.get("power", "0")) > limits["power"]:
        return False
    return duty_cycle(m) < 0.5
'''

FUZZ_PY = '''import sys

import atheris

with atheris.instrument_imports():
    import beacon_manifest


def TestOneInput(data):
    text = data.decode("utf-8", "ignore")
    try:
        m = beacon_manifest.parse(text)
    except beacon_manifest.ManifestError:
        return
    if "interval" in m and m["interval"].isdigit():
        beacon_manifest.check(m)


atheris.Setup(sys.argv, TestOneInput)
atheris.Fuzz()
'''

UNITS_PY = '''import sys

import atheris

with atheris.instrument_imports():
    import beacon_manifest


def TestOneInput(data):
    try:
        beacon_manifest.parse(data.decode("utf-8", "ignore"))
    except beacon_manifest.ManifestError:
        pass


atheris.Setup(sys.argv, TestOneInput)
atheris.Fuzz()
'''


def cap_atheris(tmp: Path) -> None:
    d = tmp / "beaconpy"
    write_tree(d, {"beacon_manifest.py": MANIFEST_PY, "fuzz_manifest.py": FUZZ_PY, "fuzz_units.py": UNITS_PY})
    seeds = d / "seeds"
    seeds.mkdir()
    (seeds / "north").write_text("region=EU\npower=8\ninterval=1000\nflash_ms=200\n")
    (seeds / "west").write_text("region=US\npower=18\ninterval=2500\n")
    py = f"{VENV}/bin/python"
    cap("atheris-crash-manifest", f"{py} fuzz_manifest.py -seed=1 -runs=400000 -artifact_prefix=./ seeds", d, n_atheris,
        typed="python fuzz_manifest.py -seed=1 -runs=400000 -artifact_prefix=./ seeds", timeout=300)
    cap("atheris-crash-manifest-log-echo-tail-40", f"{py} fuzz_manifest.py -seed=4 -runs=400000 seeds > fuzz.log 2>&1; "
        "echo EXIT=$?; tail -n 40 fuzz.log", d, n_atheris, typed="python fuzz_manifest.py -seed=4 -runs=400000 seeds "
        "> fuzz.log 2>&1; echo EXIT=$?; tail -n 40 fuzz.log", timeout=300)
    cap("atheris-crash-manifest-seeds-grep-v-info", f"for s in 6 7 8; do {py} fuzz_manifest.py -seed=$s -runs=400000 "
        "seeds; done 2>&1 | grep -v INFO", d, n_atheris, typed="for s in 6 7 8; do python fuzz_manifest.py -seed=$s "
        "-runs=400000 seeds; done 2>&1 | grep -v INFO", timeout=300)
    cap("libfuzzer-run-atheris-units", f"{py} fuzz_units.py -seed=2 -runs=30000 -print_final_stats=1 seeds", d,
        n_lf_run, typed="python fuzz_units.py -seed=2 -runs=30000 -print_final_stats=1 seeds", timeout=300)


STEPS = [cap_libfuzzer, cap_sanitizers, cap_atheris]
