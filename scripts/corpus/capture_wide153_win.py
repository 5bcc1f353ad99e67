"""Round 153, Windows targets on Linux (second samples of round 145's kinds): `lumbr`, a sawmill's board tracker (a
DLL exporting `lb_*` grading and kiln functions, a console .exe using it, the registry and Winsock, a C++ cut-list
formatter), written here with faults put in (an uninitialised moisture value, a `%d` for a `double`, a missing
return, a signed/unsigned compare, C++ type errors, a link without `-lws2_32` and `-ladvapi32`, a duplicated
definition) and widened by a seeded generator (seed 1531); its PE files read with objdump -p, nm and winedump, run
under Wine (a divide by zero in the DLL put in on purpose), packed by NSIS and wixl, signed with a self-signed
certificate and verified, and its cabinet listed. Round 145's extractors are imported; their own-name patterns are
set to this project's names (NEEDLES.md, round 153). Run through capture_wide153.py."""

from __future__ import annotations

import random
import re
import uuid
from pathlib import Path

import capture_more as cm
import capture_wide145_build as b145
import capture_wide145_ship as s145
from capture_more import run, write_tree
from capture_wide145_build import n_mingw_gcc, n_mingw_ld, n_objdump_p, n_mingw_nm
from capture_wide145_ship import (n_wine_run, n_wine_crash, n_winedump, n_makensis, n_msi_export,
                                  n_osslsign, n_cabextract)
from capture_wide153 import WINE_ENV, cap

# round 145's "own" names, read as this round's project's (the rule's own names, this round's project)
b145.OWN = re.compile(r"\blb_\w+|\blumbr\w*|LUMBR", re.I)
s145.OWN = re.compile(r"\blb_\w+|lumbr", re.I)
s145.OWN_FRAME = re.compile(r" in lumbr \(|\blb_\w+\+0x|\\src\\\w+\.c:\d+")

CC, CXX = "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-g++"

LUMBR_H = r"""#ifndef LUMBR_H
#define LUMBR_H
#include <stddef.h>
#ifdef LUMBR_BUILD
#define LB_API __declspec(dllexport)
#else
#define LB_API __declspec(dllimport)
#endif
typedef struct lb_board {
    char species[12];
    double length_m, width_mm, moisture;
    int grade;
} lb_board;
LB_API int lb_load(const char *csv);
LB_API int lb_grade(lb_board *b);
LB_API double lb_kiln_hours(const lb_board *b, double target);
LB_API int lb_yield(int logs, int boards);
LB_API size_t lb_report(char *buf, size_t len);
LB_API void lb_free(void);
#endif
"""

GRADE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include "lumbr.h"

static lb_board *boards;
static unsigned nboards;

int lb_load(const char *csv) {
    FILE *f = fopen(csv, "r");
    char line[80];
    if (!f) return -1;
    boards = calloc(512, sizeof *boards);
    while (fgets(line, sizeof line, f)) {
        lb_board *b = &boards[nboards++];
        sscanf(line, "%s %lf %lf %lf", b->species, &b->length_m, &b->width_mm, &b->moisture);
    }
    fclose(f);
}

int lb_grade(lb_board *b) {
    double defects;
    if (b->moisture > 19.0) defects += 2;
    if (b->length_m < 2.4) defects += 1;
    b->grade = defects > 2 ? 3 : defects > 0 ? 2 : 1;
    printf("graded %s: %d (moisture %d%%)\n", b->species, b->grade, b->moisture);
    return b->grade;
}

double lb_kiln_hours(const lb_board *b, double target) {
    int i;
    for (i = 0; i < nboards; i++)
        if (&boards[i] == b) break;
    return (b->moisture - target) / (b->width_mm / 25.0) * 6.0;
}

int lb_yield(int logs, int boards_out) {
    return boards_out * 100 / logs;
}

size_t lb_report(char *buf, size_t len) {
    size_t n = 0;
    for (int i = 0; i < nboards && n < len; i++)
        n += snprintf(buf + n, len - n, "%-12s %5.2f m %3d\n", boards[i].species, boards[i].length_m, boards[i].grade);
    return n;
}

void lb_free(void) { free(boards); }
"""

MAIN_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <winsock2.h>
#include <windows.h>
#include "lumbr.h"

extern void *lb_api_table[];
extern int lb_api_count;

int main(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : "grade";
    printf("lumbr 2.1.0 (%d win32 entry points linked)\n", lb_api_count);
    if (lb_load("boards.txt") != 0)
        printf("lumbr: error: cannot read boards.txt\n");
    if (strcmp(cmd, "yield") == 0) {
        int logs = argc > 2 ? atoi(argv[2]) : 0;
        printf("lumbr: yield %d%%\n", lb_yield(logs, 140));
    } else if (strcmp(cmd, "net") == 0) {
        WSADATA w;
        if (WSAStartup(MAKEWORD(2, 2), &w) != 0) printf("lumbr: WSAStartup failed\n");
        struct hostent *h = gethostbyname("kiln-controller.invalid");
        printf("lumbr: kiln controller %s\n", h ? "found" : "lookup failed");
        WSACleanup();
    } else {
        lb_board b = {"oak", 2.1, 150.0, 22.5, 0};
        lb_grade(&b);
        printf("lumbr: kiln %.1f h\n", lb_kiln_hours(&b, 12.0));
        HKEY k;
        if (RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\Lumbr\\Kiln", 0, KEY_READ, &k) != ERROR_SUCCESS)
            printf("lumbr: error: registry key HKCU\\Software\\Lumbr\\Kiln missing\n");
        char buf[4096];
        lb_report(buf, sizeof buf);
        fputs(buf, stdout);
        if (GetFileAttributesA("C:\\lumbr\\species.ini") == INVALID_FILE_ATTRIBUTES)
            printf("lumbr: species.ini failed to open (%lu)\n", GetLastError());
    }
    lb_free();
    printf("lumbr: done\n");
    return 0;
}
"""

CUT_CPP = r"""#include <string>
#include <vector>
#include <map>
#include <sstream>
#include "lumbr.h"
namespace lumbr {
struct Cut { std::string part; double len; int qty; };
class CutList {
public:
    void add(const Cut &c) { cuts_.push_back(c); }
    std::string render() const;
    double total() const;
private:
    std::vector<Cut> cuts_;
};
std::string CutList::render() const {
    std::ostringstream os;
    for (const auto &c : cuts_) os << c.part << ' ' << c.len << 'x' << c.qty << '\n';
    std::map<std::string, int> by;
    for (auto &c : cuts_) by[c.part] += c.qty;
    for (auto it = by.begin(); it != by.end(); ++it) os << it->first + ": " + it->second << '\n';
    return os;
}
double CutList::total() const {
    double t;
    for (auto c : cuts_) t += c.len * c.qty;
}
std::vector<Cut> from_boards(const lb_board *b, int n) {
    std::vector<Cut> v;
    for (int i = 0; i < n; i++) v.push_back({b[i].species, b[i].length_m, b[i].grade, 0});
    v.emplace_back(b[0]);
    return v;
}
}
"""

WINAPI = """GetTickCount GetCurrentProcessId GetLastError Sleep CreateFileA ReadFile WriteFile CloseHandle GetFileSizeEx
    SetFilePointerEx DeleteFileA MoveFileExA CopyFileA CreateDirectoryA GetTempPathA GetModuleHandleA
    GetModuleFileNameA LoadLibraryA FreeLibrary GetProcAddress VirtualAlloc VirtualFree HeapAlloc HeapFree
    GetProcessHeap CreateThread WaitForSingleObject CreateEventA SetEvent CreateMutexA ReleaseMutex
    InitializeCriticalSection EnterCriticalSection LeaveCriticalSection GetSystemInfo GetComputerNameA
    GetEnvironmentVariableA GetCommandLineA GetStdHandle WriteConsoleA FormatMessageA LocalFree
    QueryPerformanceCounter QueryPerformanceFrequency GetSystemTimeAsFileTime GetLocalTime CreateProcessA
    TerminateProcess GetExitCodeProcess FindFirstFileA FindNextFileA FindClose GetFileAttributesA
    GetDiskFreeSpaceExA MultiByteToWideChar WideCharToMultiByte CreatePipe OutputDebugStringA
    MessageBoxA GetSystemMetrics FindWindowA SendMessageA RegOpenKeyExA RegQueryValueExA RegSetValueExA
    RegCloseKey RegCreateKeyExA OpenProcessToken GetTokenInformation GetUserNameA ShellExecuteA
    CoInitializeEx CoUninitialize CoCreateInstance WSAStartup WSACleanup gethostbyname socket closesocket
    connect send recv htons inet_addr"""


def gen_api() -> str:
    names = WINAPI.split()
    body = ",\n    ".join(f"(void *){n}" for n in names)
    return ("#include <winsock2.h>\n#include <windows.h>\n#include <shellapi.h>\n#include <objbase.h>\n\n"
            f"void *lb_api_table[] = {{\n    {body}\n}};\nint lb_api_count = {len(names)};\n")


def gen_species(seed: int, n: int) -> dict[str, str]:
    """Seeded exported grading rules per species family, some with faults -Wall -Wextra reports."""
    rnd = random.Random(seed)
    species = ["oak", "ash", "beech", "larch", "spruce", "pine", "walnut", "cherry", "elm", "birch"]
    files = {}
    for f in range(5):
        out = ['#include <stdio.h>\n#include "lumbr.h"\n']
        for i in range(n):
            sp = rnd.choice(species)
            name = f"lb_{sp}_{rnd.choice(['shrink', 'density', 'split', 'knots', 'bow'])}_{f}{i:02d}"
            r = rnd.random()
            if r < 0.14:
                out.append(f"LB_API double {name}(double mc, int days) {{\n    double k;\n"
                           f"    if (days > {rnd.randint(3, 40)}) k = mc / days;\n    return k * {rnd.uniform(0.1, 2):.3f};\n}}\n")
            elif r < 0.28:
                out.append(f"LB_API int {name}(int n, unsigned limit) {{\n    int spare_{i};\n"
                           f"    return n < limit ? n : n % {rnd.randint(3, 11)};\n}}\n")
            elif r < 0.36:
                out.append(f"LB_API int {name}(char *o, double v) {{\n    return sprintf(o, \"%d {sp}\", v);\n}}\n")
            elif r < 0.42:
                out.append(f"LB_API int {name}(int v) {{\n    if (v > {rnd.randint(5, 50)}) return v;\n}}\n")
            else:
                out.append(f"LB_API double {name}(double v, double w) {{\n    return v * {rnd.uniform(0.2, 3):.4f} + w;\n}}\n")
        files[f"src/species{f}.c"] = "\n".join(out)
    return files


def project(root: Path) -> None:
    files = {"src/lumbr.h": LUMBR_H, "src/grade.c": GRADE_C, "src/main.c": MAIN_C, "src/cut.cpp": CUT_CPP,
             "src/api.c": gen_api(),
             "src/dup.c": '#include "lumbr.h"\nint lb_yield(int a, int b) { return a + b; }\nint lb_api_count = 1;\n'}
    files.update(gen_species(1531, 26))
    r = random.Random(1532)
    files["build/boards.txt"] = "".join(f"{r.choice(['oak', 'ash', 'larch', 'pine'])} {r.uniform(1.8, 4.8):.2f} "
                                        f"{r.choice([100, 125, 150, 200])} {r.uniform(9, 28):.1f}\n" for _ in range(30))
    write_tree(root, files)


def cap_build(tmp: Path) -> None:
    root = tmp / "lumbr"
    project(root)
    sp = " ".join(f"src/species{f}.c" for f in range(5))
    cap("mingw-gcc-species-exit", f"{CC} -Wall -Wextra -O2 -DLUMBR_BUILD -c src/grade.c {sp} 2>&1; echo EXIT=$?",
        root, n_mingw_gcc)
    cap("mingw-gxx-cut-and-species-tail-60", f"{CXX} -std=c++17 -Wall -c src/cut.cpp -o build/cut.o 2>&1; "
        f"{CC} -Wall -Wextra -DLUMBR_BUILD -c {sp} 2>&1 | tail -n 60", root, n_mingw_gcc)
    run(f"{CC} -O2 -gdwarf-4 -DLUMBR_BUILD -shared -o build/lumbr.dll src/grade.c {sp} "
        "-Wl,--out-implib,build/liblumbr.dll.a", cwd=root)
    run(f"{CC} -O0 -gdwarf-4 -c src/main.c -o build/main.o && {CC} -O0 -c src/api.c -o build/api.o", cwd=root)
    cap("mingw-ld-no-libs-exit", f"{CC} -o build/lumbr.exe build/main.o build/api.o -Lbuild -llumbr src/dup.c; "
        "echo EXIT=$?", root, n_mingw_ld)
    run(f"{CC} -o build/lumbr.exe build/main.o build/api.o -Lbuild -llumbr -lws2_32 -lole32 -lshell32 -ladvapi32",
        cwd=root)
    od, nm = "x86_64-w64-mingw32-objdump", "x86_64-w64-mingw32-nm"
    cap("mingw-objdump-p-dll", f"{od} -p build/lumbr.dll", root, n_objdump_p)
    cap("mingw-objdump-p-exe-head", f"{od} -p build/lumbr.exe | head -n 160", root, n_objdump_p)
    cap("mingw-nm-dll-size-sort-head", f"{nm} -S --size-sort build/lumbr.dll | head -n 200", root, n_mingw_nm)
    cap("mingw-nm-exe-size-sort-tail", f"{nm} -S --size-sort build/lumbr.exe | tail -n 150", root, n_mingw_nm)


def cap_wine(tmp: Path) -> None:
    b = tmp / "lumbr" / "build"
    if not (b / "lumbr.exe").exists():
        cm.note("skip wine: no lumbr.exe")
        return
    env = dict(WINE_ENV)
    cap("wine-run-net-warn-tail", "WINEDEBUG=warn+all,err+all,fixme+all wine lumbr.exe net 2>&1 | tail -n 250", b,
        n_wine_run, env=dict(env, WINEDEBUG="warn+all,err+all,fixme+all"), timeout=300)
    cap("wine-crash-yield-zero", "wine lumbr.exe yield 0; echo EXIT=$?", b, n_wine_crash, env=env, timeout=300)
    cap("winedump-dll-exports", "winedump dump -j export lumbr.dll; winedump dump -j import lumbr.exe", b, n_winedump)
    run("wineserver -k", env=env, timeout=60)


NSI = r"""!define APPNAME "Lumbr"
!define VERSION "2.1.0"
Name "${APPNAME} ${VERSION}"
OutFile "lumbr-setup.exe"
InstallDir "$PROGRAMFILES64\Lumbr"
Unicode true
Var KilnHost
Var Unused1
Var Unused2

Page directory
Page instfiles

Function SetKiln
  StrCpy $KilnHost "kiln-controller.invalid"
FunctionEnd

Function un.Orphan
  Delete "$INSTDIR\kiln.log"
FunctionEnd

Section "Core" SecCore
  SetOutPath "$INSTDIR"
  File "build\lumbr.exe"
  File "build\lumbr.dll"
  File /nonfatal "build\species.ini"
  WriteRegStr HKCU "Software\Lumbr\Kiln" "Host" "kiln-controller.invalid"
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Docs"
  SetOutPath "$INSTDIR\docs"
  File /r "docs\*.txt"
  WriteRegDWORD HKCU "Software\Lumbr" "Docs" 1 0
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\lumbr.exe"
  RMDir "$INSTDIR"
SectionEnd
"""


def wxs(n: int) -> str:
    rnd = random.Random(1533 + n)
    comps, refs = [], []
    for i in range(n):
        name = f"lb_{rnd.choice(['oak', 'ash', 'larch', 'pine', 'elm'])}_{i:03d}.grade"
        guid = str(uuid.UUID(int=rnd.getrandbits(128))).upper()
        comps.append(f'          <Component Id="c{i}" Guid="{guid}">\n'
                     f'            <File Id="f{i}" Name="{name}" Source="grades/{name}" KeyPath="yes"/>\n'
                     '          </Component>')
        refs.append(f'      <ComponentRef Id="c{i}"/>')
    media = '<Media Id="1" Cabinet="lumbr.cab" EmbedCab="yes"/>'
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="Lumbr" Language="1033" Version="2.1.0" Manufacturer="Lumbr Sawmill Tools"
           UpgradeCode="3B6E2F1A-9C4D-4E8B-A153-153000000001">
    <Package InstallerVersion="200" Compressed="yes" Comments="Sawmill board tracker"/>
    {media}
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="Lumbr">
          <Component Id="cExe" Guid="3B6E2F1A-9C4D-4E8B-A153-153000000002">
            <File Id="lumbrexe" Name="lumbr.exe" Source="build/lumbr.exe" KeyPath="yes"/>
            <File Id="lumbrdll" Name="lumbr.dll" Source="build/lumbr.dll"/>
          </Component>
{chr(10).join(comps)}
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1">
      <ComponentRef Id="cExe"/>
{chr(10).join(refs)}
    </Feature>
  </Product>
</Wix>
"""


def cap_ship(tmp: Path) -> None:
    root = tmp / "lumbr"
    if not (root / "build" / "lumbr.exe").exists():
        return
    write_tree(root, {"lumbr.nsi": NSI, "docs/readme.txt": "Lumbr\n", "docs/kiln.txt": "kiln schedules\n"})
    cap("makensis-v4-exit", "makensis -V4 lumbr.nsi; echo EXIT=$?", root, n_makensis)
    r = random.Random(1534)
    big = wxs(260)
    files = {}
    for m in re.finditer(r'Source="(grades/[\w.]+)"', big):
        files[m.group(1)] = "".join(f"mc{j}={r.uniform(8, 30):.1f}\n" for j in range(r.randint(1, 300)))
    write_tree(root, files)
    write_tree(root, {"lumbr.wxs": big})
    run("wixl -a x64 -o lumbr.msi lumbr.wxs", cwd=root, timeout=300)
    if (root / "lumbr.msi").exists():
        cap("msiinfo-export-file-head", "msiinfo export lumbr.msi File | head -n 150", root, n_msi_export)
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout sign.key -out sign.crt -days 10 "
        "-subj '/CN=Lumbr Sawmill Tools Signing/O=Lumbr Sawmill Tools/C=SE' 2>/dev/null", cwd=root)
    run("osslsigncode sign -certs sign.crt -key sign.key -n Lumbr -h sha256 -in build/lumbr.dll "
        "-out build/lumbr-signed.dll", cwd=root)
    run("osslsigncode sign -certs sign.crt -key sign.key -n Lumbr -h sha1 -in build/lumbr.exe "
        "-out build/lumbr-signed.exe", cwd=root)
    cap("osslsigncode-loop-ca", 'for f in build/lumbr*.dll build/lumbr*.exe; do echo "== $f"; '
        'osslsigncode verify -CAfile sign.crt -in "$f"; echo EXIT=$?; done', root, n_osslsign)
    (root / "cab").mkdir(exist_ok=True)
    run("touch -d '2025-11-03 07:15' grades/lb_oak_00*.grade; touch -d '2026-03-18 16:40' grades/lb_elm_01*.grade; "
        "gcab -c -z cab/lumbr-grades.cab grades/*.grade build/lumbr.dll", cwd=root)
    cap("cabextract-list-grades", "cabextract -l cab/lumbr-grades.cab", root, n_cabextract)


STEPS = [cap_build, cap_wine, cap_ship]
