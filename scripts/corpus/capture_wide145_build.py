"""Round 145, the cross build: `tally`'s DLL, console .exe and C++ report formatter (written here with
faults put in on purpose: a short buffer, a `%d` for a `long`, a signed/unsigned compare, a value never set, a
missing return, C++ type errors, a link that forgets `-lws2_32` and the DLL's
import library, a duplicated definition) built with mingw-w64's gcc and g++; the PE files read with objdump -p and
nm. The generator widens the DLL with seeded exported metrics and the .exe with a table of Win32 entry points (a
large import table). Run through capture_wide145.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_diagnostics as dg
import capture_more as cm
from capture_data import rule4
from capture_more import groups, mask, run, write_tree
from capture_wide145 import add, cap

CC, CXX = "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-g++"
OWN = re.compile(r"\btl_\w+|\btally\w*|TALLY", re.I)
EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


n_mingw_gcc = cm.named(
    "mingw-gcc", "build",
    "Rules 1+3 on x86_64-w64-mingw32-gcc / g++ (round 1's gcc rule): every file:L:C: error / fatal error line, warnings one {\"any\"} per (-Wflag, file), every undefined reference / collect2 / ld error line and every make: *** line, an EXIT=N line.",
    lambda lines: dg.needles_gcc(lines) + _exit(lines))


@cm.kind("mingw-ld-undefined", "build")
def n_mingw_ld(lines):
    """Rule 1 on a failing mingw link: every 'undefined reference to' line (__imp_ ones too), every 'multiple definition of' line, every 'in function' line, every ld error / 'cannot find -l' line, the collect2 line, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"undefined reference to|multiple definition of|in function|"
                                            r"ld(\.exe)?: .*(error|cannot find)|collect2: error|: error: ", ln)]
    return out + _exit(lines)


OBJ_HDR = re.compile(r"^(Characteristics|Time/Date|AddressOfEntryPoint|ImageBase|SizeOfImage|Subsystem|"
                     r"DllCharacteristics)\s")


@cm.kind("mingw-objdump-p", "listing")
def n_objdump_p(lines):
    """Rules 4+5 on objdump -p of a PE file: the 'file format pei-' line, the Characteristics / Time/Date / AddressOfEntryPoint / ImageBase / SizeOfImage / Subsystem / DllCharacteristics lines, every 'DLL Name:' line, every import row of an own DLL or of a DLL with at most 2 imports, every export name row of an own DLL, the export table headers."""
    out = [ln for ln in lines if "file format pei-" in ln or OBJ_HDR.match(ln)]
    dll, rows = None, {}
    for ln in lines:
        m = re.match(r"^\s*DLL Name: (\S+)", ln)
        if m:
            dll = m.group(1)
            out.append(ln)
            rows[dll] = []
            continue
        if dll and re.match(r"^\s*[0-9a-f]+\s+\d+\s+\S+\s*$", ln):
            rows[dll].append(ln)
        elif dll and not ln.strip():
            pass
        elif dll and re.match(r"^\S", ln):
            dll = None
    for d, rs in rows.items():
        if OWN.search(d) or len(rs) <= 2:
            out += rs
    in_exp = False
    for ln in lines:
        if re.match(r"^(Export Address Table|\[Ordinal/Name Pointer\] Table)", ln):
            out.append(ln)
            in_exp = ln.startswith("[Ordinal")
        elif in_exp and re.match(r"^\s+\[\s*\d+\]\s+\S+", ln):
            if OWN.search(ln):
                out.append(ln)
        elif in_exp and ln.strip() and not ln.startswith("\t") and not ln.startswith(" "):
            in_exp = False
    return out


@cm.kind("mingw-nm", "listing")
def n_mingw_nm(lines):
    """Rule 4 on mingw nm: rows whose symbol type occurs in at most 2 rows while the commonest type covers half, every U row of an own name (or an __imp_ of an own DLL's name), with -S the largest and smallest rows."""
    rows, sized = [], []
    for ln in lines:
        m = re.match(r"^\s*([0-9a-f]{8,})?\s*(?:([0-9a-f]{8,})\s+)?([A-Za-z?-]) (\S+)$", ln)
        if m:
            rows.append((ln, {"t": m.group(3)}))
            if m.group(2):
                sized.append((ln, {"size": int(m.group(2), 16)}))
    out = rule4(rows, cat=["t"])
    out += [ln for ln, r in rows if r["t"] == "U" and OWN.search(ln)]
    if sized:
        out += rule4(sized, nums=["size"])
    return out


# ------------------------------------------------------------------ the project

TALLY_H = r"""#ifndef TALLY_H
#define TALLY_H
#include <stddef.h>
#ifdef TALLY_BUILD
#define TL_API __declspec(dllexport)
#else
#define TL_API __declspec(dllimport)
#endif

typedef struct tl_counter {
    char name[16];
    long count;
    unsigned flags;
} tl_counter;

TL_API int tl_open(const char *path);
TL_API int tl_add(const char *name, long delta);
TL_API long tl_get(const char *name);
TL_API int tl_dump(char *buf, size_t len);
TL_API int tl_top(tl_counter *out, int n);
TL_API void tl_close(void);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include "tally.h"

static tl_counter *table;
static int used, cap;
static HANDLE store;

int tl_open(const char *path) {
    char msg[24];
    store = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (store == INVALID_HANDLE_VALUE) {
        sprintf(msg, "tally: cannot open store %s (error %lu)", path, GetLastError());
        OutputDebugStringA(msg);
        return -1;
    }
    cap = 8;
    table = calloc(cap, sizeof *table);
    return 0;
}

static tl_counter *find(const char *name) {
    for (int i = 0; i < used; i++)
        if (strcmp(table[i].name, name) == 0) return &table[i];
    return NULL;
}

int tl_add(const char *name, long delta) {
    tl_counter *c = find(name);
    if (!c) {
        if (used == cap) {
            cap *= 2;
            table = realloc(table, cap * sizeof *table);
        }
        c = &table[used++];
        strncpy(c->name, name, sizeof c->name);
        c->count = 0;
    }
    c->count += delta;
    if (c->count < 0) c->flags |= 1;
}

long tl_get(const char *name) {
    tl_counter *c = find(name);
    long v;
    if (c) v = c->count;
    return v;
}

int tl_dump(char *buf, size_t len) {
    int n = 0;
    for (int i = 0; i < used; i++) {
        if (n >= len) break;
        n += snprintf(buf + n, len - n, "%-16s %8d\n", table[i].name, table[i].count);
    }
    return n;
}

int tl_top(tl_counter *out, int n) {
    unsigned k = 0;
    for (int i = 0; i < used && k < n; i++) out[k++] = table[i];
    return k;
}

void tl_close(void) {
    CloseHandle(store);
    free(table);
}
"""

MAIN_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <winsock2.h>
#include <windows.h>
#include <shlwapi.h>
#include "tally.h"

extern void *tl_winapi_table[];
extern int tl_winapi_count;

static int net_probe(const char *host) {
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) {
        fprintf(stderr, "tally: WSAStartup failed: %d\n", WSAGetLastError());
        return -1;
    }
    struct hostent *h = gethostbyname(host);
    printf("tally: resolve %s -> %s\n", host, h ? "ok" : "failed");
    WSACleanup();
    return h ? 0 : -1;
}

static void crash_report(tl_counter *top) {
    /* the fault put in: tl_dump is handed a NULL buffer when no counter was loaded */
    char *buf = top[0].count > 100 ? malloc(256) : NULL;
    int n = tl_dump(buf, 256);
    printf("report: %d bytes, first byte %d\n", n, buf[0]);
}

int main(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : "stats";
    if (tl_open("tally.db") != 0) {
        fprintf(stderr, "tally: cannot open tally.db\n");
        return 2;
    }
    printf("tally 0.9.3 (%d win32 entry points linked)\n", tl_winapi_count);
    if (!PathFileExistsA("tally.ini"))
        printf("tally: no tally.ini, using defaults\n");
    for (int i = 0; i < 40; i++) {
        char name[16];
        snprintf(name, sizeof name, "evt_%02d", i % 13);
        tl_add(name, (i * 7) % 5 - 1);
    }
    if (strcmp(cmd, "crash") == 0) {
        tl_counter top[4];
        memset(top, 0, sizeof top);
        tl_top(top, 4);
        crash_report(top);
    } else if (strcmp(cmd, "net") == 0) {
        net_probe("localhost");
        net_probe("tally-collector.invalid");
    } else {
        char buf[2048];
        tl_dump(buf, sizeof buf);
        fputs(buf, stdout);
        SYSTEMTIME st;
        GetSystemTime(&st);
        printf("tally: checked %d counters at %04d-%02d-%02d, negative: %ld\n", 13, st.wYear, st.wMonth, st.wDay,
               tl_get("evt_03"));
        MEMORYSTATUSEX ms = {sizeof ms};
        if (!GlobalMemoryStatusEx(&ms))
            printf("tally: GlobalMemoryStatusEx failed: %lu\n", GetLastError());
        HKEY k;
        LONG rc = RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SOFTWARE\\Tally\\Collector", 0, KEY_READ, &k);
        if (rc != ERROR_SUCCESS)
            printf("tally: error: registry key HKLM\\SOFTWARE\\Tally\\Collector missing (rc=%ld)\n", rc);
        ULONGLONG idle, kern, user;
        if (GetSystemTimes((FILETIME *)&idle, (FILETIME *)&kern, (FILETIME *)&user))
            printf("tally: cpu idle share %.1f%%\n", kern ? 100.0 * idle / kern : 0.0);
    }
    tl_close();
    printf("tally: done\n");
    return 0;
}
"""

FMT_CPP = r"""#include <string>
#include <vector>
#include <map>
#include <sstream>
#include "tally.h"

namespace tally {

struct Row {
    std::string name;
    long count;
};

class Formatter {
public:
    explicit Formatter(int width) : width_(width) {}
    std::string row(const Row &r) const;
    std::string table(const std::vector<Row> &rows) const;
private:
    int width_;
};

std::string Formatter::row(const Row &r) const {
    std::ostringstream os;
    os << r.name << std::string(width_ - r.name.size(), ' ') << r.count;
    return os;
}

std::string Formatter::table(const std::vector<Row> &rows) const {
    std::string out;
    std::map<std::string, long> seen;
    for (auto &r : rows) {
        seen[r.name] += r.count;
        out += row(r) + '\n';
    }
    for (auto it = seen.begin(); it != seen.end(); ++it)
        if (it->second < 0) out += "negative: " + it->first + " " + it->second + "\n";
    return out.c_str() + width_;
}

std::vector<Row> load(const tl_counter *c, int n) {
    std::vector<Row> rows(n);
    for (int i = 0; i <= n; i++) rows.push_back({c[i].name, c[i].count, c[i].flags});
    return rows;
}

}  // namespace tally
"""

# Win32 entry points whose addresses the .exe keeps in a table: a large, real import table
WINAPI = {
    "windows.h": """GetTickCount GetTickCount64 GetCurrentProcessId GetCurrentThreadId GetLastError SetLastError Sleep
        CreateFileA CreateFileW ReadFile WriteFile CloseHandle GetFileSize GetFileSizeEx SetFilePointer
        SetFilePointerEx FlushFileBuffers DeleteFileA DeleteFileW MoveFileA MoveFileExW CopyFileA CopyFileW
        CreateDirectoryA CreateDirectoryW RemoveDirectoryA GetTempPathA GetTempPathW GetTempFileNameA
        GetModuleHandleA GetModuleHandleW GetModuleFileNameA GetModuleFileNameW LoadLibraryA LoadLibraryW
        FreeLibrary GetProcAddress VirtualAlloc VirtualFree VirtualProtect VirtualQuery HeapAlloc HeapFree
        HeapReAlloc GetProcessHeap HeapCreate HeapDestroy CreateThread ExitThread WaitForSingleObject
        WaitForMultipleObjects CreateEventA CreateEventW SetEvent ResetEvent CreateMutexA ReleaseMutex
        CreateSemaphoreA ReleaseSemaphore InitializeCriticalSection EnterCriticalSection LeaveCriticalSection
        DeleteCriticalSection GetSystemInfo GetVersionExA GetComputerNameA GetComputerNameW GetEnvironmentVariableA
        SetEnvironmentVariableA ExpandEnvironmentStringsA GetCommandLineA GetCommandLineW GetStdHandle
        WriteConsoleA WriteConsoleW SetConsoleTitleA GetConsoleMode SetConsoleMode FormatMessageA LocalFree
        GlobalAlloc GlobalFree GlobalMemoryStatusEx QueryPerformanceCounter QueryPerformanceFrequency
        GetSystemTimeAsFileTime FileTimeToSystemTime GetLocalTime GetSystemTime GetSystemTimes
        CreateProcessA TerminateProcess GetExitCodeProcess OpenProcess FindFirstFileA FindNextFileA FindClose
        GetFileAttributesA SetFileAttributesA GetDiskFreeSpaceExA GetLogicalDrives GetDriveTypeA
        MultiByteToWideChar WideCharToMultiByte lstrlenA lstrcpyA CreatePipe PeekNamedPipe
        DuplicateHandle OutputDebugStringA IsDebuggerPresent RaiseException SetUnhandledExceptionFilter
        MessageBoxA MessageBoxW GetDesktopWindow GetSystemMetrics FindWindowA SendMessageA PostMessageA
        GetCursorPos LoadCursorA LoadIconA RegisterClassExA CreateWindowExA DestroyWindow ShowWindow
        GetDC ReleaseDC CreateCompatibleDC DeleteDC CreateSolidBrush DeleteObject SelectObject TextOutA
        GetDeviceCaps RegOpenKeyExA RegQueryValueExA RegSetValueExA RegCloseKey RegCreateKeyExA
        RegDeleteKeyA OpenProcessToken GetTokenInformation LookupAccountSidA GetUserNameA
        ShellExecuteA SHGetFolderPathA CoInitializeEx CoUninitialize CoCreateInstance CoTaskMemFree""",
    "mmsystem.h": "timeGetTime timeBeginPeriod timeEndPeriod",
}


def gen_winapi() -> str:
    names = [n for block in WINAPI.values() for n in block.split()]
    body = ",\n    ".join(f"(void *){n}" for n in names)
    return ("#include <winsock2.h>\n#include <windows.h>\n#include <shlobj.h>\n#include <mmsystem.h>\n\n"
            f"void *tl_winapi_table[] = {{\n    {body}\n}};\nint tl_winapi_count = {len(names)};\n")


def gen_metrics(seed: int, n: int) -> dict[str, str]:
    """Seeded exported metrics in several files, a few with the faults -Wall -Wextra reports."""
    rnd = random.Random(seed)
    files = {}
    kinds = ["rate", "peak", "mean", "ewma", "delta", "ratio", "burst", "drift"]
    for f in range(6):
        out = ['#include <stdio.h>\n#include <string.h>\n#include "tally.h"\n']
        for i in range(n):
            k = rnd.choice(kinds)
            name = f"tl_{k}_{f}{i:02d}"
            fault = rnd.random()
            if fault < 0.15:
                out.append(f"TL_API long {name}(long x, long window) {{\n    long acc;\n    for (int i = 0; i < x; i++) acc += i;\n"
                           f"    return acc;\n}}\n")
            elif fault < 0.3:
                out.append(f"TL_API long {name}(long x, unsigned window) {{\n    int unused_{i} = 0;\n"
                           f"    return x < window ? x : x / {rnd.randint(2, 9)};\n}}\n")
            elif fault < 0.38:
                out.append(f"TL_API int {name}(char *out, long v) {{\n    return sprintf(out, \"%d/%s\", v, \"{k}\");\n}}\n")
            else:
                out.append(f"TL_API long {name}(long x, long window) {{\n    return (x * {rnd.randint(2, 97)} + window) "
                           f"% {rnd.randint(101, 997)};\n}}\n")
        files[f"src/metrics{f}.c"] = "\n".join(out)
    return files


def project(root: Path) -> None:
    files = {"src/tally.h": TALLY_H, "src/core.c": CORE_C, "src/main.c": MAIN_C, "src/fmt.cpp": FMT_CPP,
             "src/winapi.c": gen_winapi(),
             "src/dup.c": '#include "tally.h"\nint tl_open(const char *path) { (void)path; return 0; }\n'
                          'void *tl_winapi_table[1];\n'}
    files.update(gen_metrics(145, 22))
    write_tree(root, files)


def cap_build(tmp: Path) -> None:
    root = tmp / "tally"
    project(root)
    b = root / "build"
    b.mkdir()
    metrics = " ".join(f"src/metrics{f}.c" for f in range(6))
    cap("mingw-gcc-dll-warnings", f"{CC} -Wall -Wextra -O2 -DTALLY_BUILD -c src/core.c {metrics} 2>&1; echo EXIT=$?",
        root, n_mingw_gcc)
    cap("mingw-gcc-dll-tail", f"{CC} -Wall -Wextra -O2 -DTALLY_BUILD -c src/core.c {metrics} 2>&1 | tail -n 80",
        root, n_mingw_gcc)
    cap("mingw-gcc-core-only", f"{CC} -Wall -Wextra -O2 -DTALLY_BUILD -c src/core.c -o build/core.o", root, n_mingw_gcc)
    cap("mingw-gxx-fmt-errors", f"{CXX} -std=c++17 -Wall -c src/fmt.cpp -o build/fmt.o", root, n_mingw_gcc)
    cap("mingw-gxx-fmt-errors-grep", f"{CXX} -std=c++17 -Wall -c src/fmt.cpp -o build/fmt.o 2>&1 | grep -E 'error|warning'",
        root, n_mingw_gcc)
    # the DLL and its import library, built quietly (no item), then the .exe's links
    run(f"{CC} -O2 -gdwarf-4 -DTALLY_BUILD -shared -o build/tally.dll src/core.c {metrics} "
        "-Wl,--out-implib,build/libtally.dll.a", cwd=root)
    run(f"{CC} -O0 -gdwarf-4 -c src/main.c -o build/main.o && {CC} -O0 -gdwarf-4 -c src/winapi.c -o build/winapi.o", cwd=root)
    cap("mingw-ld-missing-libs", f"{CC} -o build/tally.exe build/main.o build/winapi.o", root, n_mingw_ld)
    cap("mingw-ld-missing-ws2", f"{CC} -o build/tally.exe build/main.o build/winapi.o -Lbuild -ltally -lshlwapi "
        "-lwinmm -lole32 -lgdi32; echo EXIT=$?", root, n_mingw_ld)
    cap("mingw-ld-multiple-def", f"{CC} -fno-common -o build/tally2.exe build/main.o build/winapi.o src/dup.c src/core.c "
        f"-Lbuild -lws2_32 -lshlwapi -lwinmm -lole32 -lgdi32 2>&1 | head -n 40", root, n_mingw_ld)
    run(f"{CC} -o build/tally.exe build/main.o build/winapi.o -Lbuild -ltally -lws2_32 -lshlwapi -lwinmm -lole32 -lgdi32",
        cwd=root)
    od = "x86_64-w64-mingw32-objdump"
    cap("mingw-objdump-p-exe", f"{od} -p build/tally.exe", root, n_objdump_p)
    cap("mingw-objdump-p-dll", f"{od} -p build/tally.dll", root, n_objdump_p)
    cap("mingw-objdump-p-exe-head", f"{od} -p build/tally.exe | head -n 150", root, n_objdump_p)
    nm = "x86_64-w64-mingw32-nm"
    cap("mingw-nm-dll-size-sort", f"{nm} -S --size-sort build/tally.dll", root, n_mingw_nm)
    cap("mingw-nm-main-obj", f"{nm} build/main.o", root, n_mingw_nm)
    run(f"{CC} -O2 -DTALLY_BUILD -c src/metrics3.c -o build/metrics3.o", cwd=root)
    cap("mingw-nm-metrics-obj", f"{nm} build/metrics3.o", root, n_mingw_nm)
    cap("mingw-nm-size-sort", f"{nm} -S --size-sort build/tally.exe | tail -n 120", root, n_mingw_nm)


STEPS = [cap_build]
