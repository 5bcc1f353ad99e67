"""Round 187, Windows targets on Linux (third samples of round 145's kinds): `hivelog`, an apiary's hive logger (a DLL
exporting `hv_*` weighing, brood and varroa functions, a console .exe using it, the registry and Winsock, a C++
inspection report), written here with faults put in (an uninitialised mite count, a `%d` for a `double`, a missing
return, a signed/unsigned compare, C++ type errors, a link without `-lws2_32` and `-ladvapi32`, a duplicated
definition, a NULL hive record dereferenced in the DLL) and widened by a seeded generator (seed 1871); its PE files
read with objdump -p, nm and winedump, run under Wine, packed by NSIS and wixl (faulty sources too), its MSI read with
msiinfo, signed with a self-signed certificate and verified, and its cabinet listed. Round 145's extractors are
imported; their own-name patterns are set to this project's names (NEEDLES.md, round 187). Run through
capture_wide187.py."""

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
from capture_wide145_ship import (n_wine_run, n_wine_crash, n_winedump, n_makensis, n_wixl, n_msi_tables,
                                  n_msi_export, n_msi_suminfo, n_osslsign, n_cabextract)
from capture_wide187 import WINE_ENV, cap

# round 145's "own" names, read as this round's project's (the rule's own names, this round's project)
b145.OWN = re.compile(r"\bhv_\w+|\bhivelog\w*|HIVELOG", re.I)
s145.OWN = re.compile(r"\bhv_\w+|hivelog", re.I)
s145.OWN_FRAME = re.compile(r" in hivelog \(|\bhv_\w+\+0x|\\src\\\w+\.c:\d+")

CC, CXX = "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-g++"

HIVELOG_H = r"""#ifndef HIVELOG_H
#define HIVELOG_H
#include <stddef.h>
#ifdef HIVELOG_BUILD
#define HV_API __declspec(dllexport)
#else
#define HV_API __declspec(dllimport)
#endif
typedef struct hv_hive {
    char name[10];
    double weight_kg, brood_frames, temp_c;
    int mites;
    int queen_seen;
} hv_hive;
HV_API int hv_load(const char *path);
HV_API hv_hive *hv_find(const char *name);
HV_API int hv_varroa(hv_hive *h, int sample_bees);
HV_API double hv_honey_kg(const hv_hive *h, double empty_kg);
HV_API int hv_swarm_risk(const char *name);
HV_API size_t hv_report(char *buf, size_t len);
HV_API void hv_free(void);
#endif
"""

HIVE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include "hivelog.h"

static hv_hive *hives;
static unsigned nhives;

int hv_load(const char *path) {
    FILE *f = fopen(path, "r");
    char line[96];
    if (!f) return -1;
    hives = calloc(256, sizeof *hives);
    while (fgets(line, sizeof line, f)) {
        hv_hive *h = &hives[nhives++];
        sscanf(line, "%s %lf %lf %lf %d", h->name, &h->weight_kg, &h->brood_frames, &h->temp_c, &h->queen_seen);
    }
    fclose(f);
}

hv_hive *hv_find(const char *name) {
    unsigned i;
    for (i = 0; i < nhives; i++)
        if (strcmp(hives[i].name, name) == 0) return &hives[i];
    return NULL;
}

int hv_varroa(hv_hive *h, int sample_bees) {
    int mites;
    if (h->temp_c > 30.0) mites += 4;
    if (h->brood_frames > 6) mites += 2;
    h->mites = mites * 300 / sample_bees;
    printf("varroa %s: %d per 100 bees (brood %d frames)\n", h->name, h->mites, h->brood_frames);
    return h->mites;
}

double hv_honey_kg(const hv_hive *h, double empty_kg) {
    int i;
    for (i = 0; i < nhives; i++)
        if (&hives[i] == h) break;
    return h->weight_kg - empty_kg;
}

int hv_swarm_risk(const char *name) {
    hv_hive *h = hv_find(name);
    /* fault put in: an unknown hive is not checked */
    return h->queen_seen ? (int)(h->brood_frames * 10) : 90;
}

size_t hv_report(char *buf, size_t len) {
    size_t n = 0;
    for (int i = 0; i < nhives && n < len; i++)
        n += snprintf(buf + n, len - n, "%-10s %6.2f kg %4.1f frames\n", hives[i].name, hives[i].weight_kg,
                      hives[i].brood_frames);
    return n;
}

void hv_free(void) { free(hives); }
"""

MAIN_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <winsock2.h>
#include <windows.h>
#include "hivelog.h"

extern void *hv_api_table[];
extern int hv_api_count;

int main(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : "inspect";
    printf("hivelog 0.9.4 (%d win32 entry points linked)\n", hv_api_count);
    if (hv_load("hives.txt") != 0)
        printf("hivelog: error: cannot read hives.txt\n");
    if (strcmp(cmd, "swarm") == 0) {
        const char *name = argc > 2 ? argv[2] : "H01";
        printf("hivelog: swarm risk %s %d%%\n", name, hv_swarm_risk(name));
    } else if (strcmp(cmd, "sync") == 0) {
        WSADATA w;
        if (WSAStartup(MAKEWORD(2, 2), &w) != 0) printf("hivelog: WSAStartup failed\n");
        struct hostent *h = gethostbyname("scale-gateway.invalid");
        printf("hivelog: scale gateway %s\n", h ? "found" : "lookup failed");
        SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {0};
        a.sin_family = AF_INET; a.sin_port = htons(1); a.sin_addr.s_addr = inet_addr("127.0.0.1");
        if (connect(s, (struct sockaddr *)&a, sizeof a) != 0)
            printf("hivelog: error: connect to scale failed (%d)\n", WSAGetLastError());
        closesocket(s);
        WSACleanup();
    } else {
        hv_hive *h = hv_find("H03");
        if (h) {
            hv_varroa(h, 300);
            printf("hivelog: honey %.1f kg\n", hv_honey_kg(h, 21.5));
        }
        HKEY k;
        if (RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\Hivelog\\Apiary", 0, KEY_READ, &k) != ERROR_SUCCESS)
            printf("hivelog: error: registry key HKCU\\Software\\Hivelog\\Apiary missing\n");
        char buf[8192];
        hv_report(buf, sizeof buf);
        fputs(buf, stdout);
        if (GetFileAttributesA("C:\\hivelog\\apiary.ini") == INVALID_FILE_ATTRIBUTES)
            printf("hivelog: apiary.ini failed to open (%lu)\n", GetLastError());
    }
    hv_free();
    printf("hivelog: done\n");
    return 0;
}
"""

REPORT_CPP = r"""#include <string>
#include <vector>
#include <map>
#include <memory>
#include <sstream>
#include "hivelog.h"
namespace hivelog {
struct Inspection { std::string hive; double frames; int mites; };
class Report {
public:
    void add(Inspection i) { rows_.push_back(std::move(i)); }
    std::string render() const;
    int worst() const;
private:
    std::vector<Inspection> rows_;
};
std::string Report::render() const {
    std::ostringstream os;
    std::map<std::string, int> by;
    for (const auto &r : rows_) by[r.hive] += r.mites;
    for (const auto &[hive, m] : by) os << hive + " mites " + m << '\n';
    return os.str();
}
int Report::worst() const {
    int w;
    for (auto r : rows_) if (r.mites > w) w = r.mites;
}
std::unique_ptr<Report> from_hives(const hv_hive *h, int n) {
    auto rep = std::make_unique<Report>();
    for (int i = 0; i < n; i++) rep->add({h[i].name, h[i].brood_frames, h[i].mites, h[i].queen_seen});
    std::unique_ptr<Report> copy = rep;
    return rep;
}
}
"""

WINAPI = """GetTickCount GetCurrentProcessId GetLastError Sleep CreateFileA ReadFile WriteFile CloseHandle GetFileSizeEx
    SetFilePointerEx DeleteFileA MoveFileExA CopyFileA CreateDirectoryA GetTempPathA GetModuleHandleA
    GetModuleFileNameA LoadLibraryA FreeLibrary GetProcAddress VirtualAlloc VirtualFree VirtualProtect HeapAlloc
    HeapFree HeapReAlloc GetProcessHeap CreateThread WaitForSingleObject WaitForMultipleObjects CreateEventA SetEvent
    ResetEvent CreateMutexA ReleaseMutex CreateSemaphoreA ReleaseSemaphore InitializeCriticalSection
    EnterCriticalSection LeaveCriticalSection DeleteCriticalSection GetSystemInfo GetComputerNameA GetVersionExA
    GetEnvironmentVariableA SetEnvironmentVariableA GetCommandLineA GetStdHandle WriteConsoleA SetConsoleTitleA
    FormatMessageA LocalFree GlobalAlloc GlobalFree QueryPerformanceCounter QueryPerformanceFrequency
    GetSystemTimeAsFileTime GetLocalTime FileTimeToSystemTime CreateProcessA TerminateProcess GetExitCodeProcess
    FindFirstFileA FindNextFileA FindClose GetFileAttributesA GetDiskFreeSpaceExA MultiByteToWideChar
    WideCharToMultiByte CreatePipe PeekNamedPipe OutputDebugStringA MessageBoxA GetSystemMetrics FindWindowA
    SendMessageA PostMessageA RegOpenKeyExA RegQueryValueExA RegSetValueExA RegCloseKey RegCreateKeyExA
    RegDeleteValueA OpenProcessToken GetTokenInformation GetUserNameA ShellExecuteA SHGetFolderPathA CoInitializeEx
    CoUninitialize CoCreateInstance CoTaskMemFree WSAStartup WSACleanup WSAGetLastError gethostbyname socket
    closesocket connect send recv htons inet_addr select ioctlsocket"""


def gen_api() -> str:
    names = WINAPI.split()
    body = ",\n    ".join(f"(void *){n}" for n in names)
    return ("#include <winsock2.h>\n#include <windows.h>\n#include <shellapi.h>\n#include <shlobj.h>\n"
            "#include <objbase.h>\n\n"
            f"void *hv_api_table[] = {{\n    {body}\n}};\nint hv_api_count = {len(names)};\n")


def gen_colonies(seed: int, n: int) -> dict[str, str]:
    """Seeded exported colony rules per apiary site, some with faults -Wall -Wextra reports."""
    rnd = random.Random(seed)
    sites = ["heath", "orchard", "lime", "clover", "rape", "borage", "willow", "heather", "acacia"]
    files = {}
    for f in range(6):
        out = ['#include <stdio.h>\n#include "hivelog.h"\n']
        for i in range(n):
            site = rnd.choice(sites)
            name = f"hv_{site}_{rnd.choice(['nectar', 'brood', 'drift', 'mites', 'swarm', 'forage'])}_{f}{i:02d}"
            r = rnd.random()
            if r < 0.12:
                out.append(f"HV_API double {name}(double kg, int days) {{\n    double rate;\n"
                           f"    if (days > {rnd.randint(2, 30)}) rate = kg / days;\n    return rate * {rnd.uniform(0.1, 2):.3f};\n}}\n")
            elif r < 0.26:
                out.append(f"HV_API int {name}(int bees, unsigned cap) {{\n    int unused_{i};\n"
                           f"    return bees < cap ? bees : bees % {rnd.randint(3, 13)};\n}}\n")
            elif r < 0.34:
                out.append(f"HV_API int {name}(char *o, double kg) {{\n    return sprintf(o, \"%d kg {site}\", kg);\n}}\n")
            elif r < 0.41:
                out.append(f"HV_API int {name}(int v) {{\n    if (v > {rnd.randint(5, 60)}) return v * 2;\n}}\n")
            elif r < 0.45:
                out.append(f"HV_API int {name}(int v) {{\n    int frames[4] = {{1, 2, 3, 4}};\n"
                           f"    return frames[v] + (v = v + 1);\n}}\n")
            else:
                out.append(f"HV_API double {name}(double v, double w) {{\n    return v * {rnd.uniform(0.2, 3):.4f} - w;\n}}\n")
        files[f"src/site{f}.c"] = "\n".join(out)
    return files


def project(root: Path) -> None:
    files = {"src/hivelog.h": HIVELOG_H, "src/hive.c": HIVE_C, "src/main.c": MAIN_C, "src/report.cpp": REPORT_CPP,
             "src/api.c": gen_api(),
             "src/dup.c": '#include "hivelog.h"\nint hv_swarm_risk(const char *n) { return n != 0; }\n'
                          'int hv_api_count = 3;\n'}
    files.update(gen_colonies(1871, 24))
    r = random.Random(1872)
    files["build/hives.txt"] = "".join(f"H{i:02d} {r.uniform(22, 68):.2f} {r.randint(2, 10)}.{r.randint(0, 9)} "
                                       f"{r.uniform(28, 36):.1f} {r.randint(0, 1)}\n" for i in range(1, 41))
    write_tree(root, files)


def cap_build(tmp: Path) -> None:
    root = tmp / "hivelog"
    project(root)
    sp = " ".join(f"src/site{f}.c" for f in range(6))
    cap("mingw-gcc-sites-wall-wextra-echo", f"{CC} -Wall -Wextra -O2 -DHIVELOG_BUILD -c src/hive.c {sp} 2>&1; "
        "echo EXIT=$?", root, n_mingw_gcc)
    cap("mingw-gxx-report-head-120", f"{CXX} -std=c++17 -Wall -c src/report.cpp -o build/report.o 2>&1 | head -n 120",
        root, n_mingw_gcc)
    run(f"{CC} -O2 -gdwarf-4 -DHIVELOG_BUILD -shared -o build/hivelog.dll src/hive.c {sp} "
        "-Wl,--out-implib,build/libhivelog.dll.a", cwd=root)
    run(f"{CC} -O0 -gdwarf-4 -c src/main.c -o build/main.o && {CC} -O0 -c src/api.c -o build/api.o", cwd=root)
    cap("mingw-ld-undefined-no-libs-echo", f"{CC} -o build/hivelog.exe build/main.o build/api.o -Lbuild -lhivelog "
        "src/dup.c; echo EXIT=$?", root, n_mingw_ld)
    cap("mingw-ld-api-table-tail-40", f"{CC} -o build/apitable.exe build/api.o -Lbuild -lhivelog 2>&1 | tail -n 40; "
        "echo EXIT=$?", root, n_mingw_ld)
    run(f"{CC} -o build/hivelog.exe build/main.o build/api.o -Lbuild -lhivelog -lws2_32 -lole32 -lshell32 "
        "-ladvapi32", cwd=root)
    od, nm = "x86_64-w64-mingw32-objdump", "x86_64-w64-mingw32-nm"
    cap("mingw-objdump-p-dll-head-400", f"{od} -p build/hivelog.dll | head -n 400", root, n_objdump_p)
    cap("mingw-objdump-p-exe", f"{od} -p build/hivelog.exe | grep -v '^\\s*reloc'", root, n_objdump_p)
    cap("mingw-nm-dll-size-sort-tail", f"{nm} -S --size-sort build/hivelog.dll | tail -n 180", root, n_mingw_nm)
    cap("mingw-nm-exe-head-220", f"{nm} -S --size-sort build/hivelog.exe | head -n 220", root, n_mingw_nm)


def cap_wine(tmp: Path) -> None:
    b = tmp / "hivelog" / "build"
    if not (b / "hivelog.exe").exists():
        cm.note("skip wine: no hivelog.exe")
        return
    env = dict(WINE_ENV)
    cap("wine-run-debug-inspect-fixme", "WINEDEBUG=err+all,fixme+all wine hivelog.exe inspect; echo EXIT=$?", b,
        n_wine_run, env=dict(env, WINEDEBUG="err+all,fixme+all"), timeout=300)
    cap("wine-run-debug-sync-warn-tail-200", "WINEDEBUG=warn+all,err+all wine hivelog.exe sync 2>&1 | tail -n 200", b,
        n_wine_run, env=dict(env, WINEDEBUG="warn+all,err+all"), timeout=300)
    cap("wine-crash-swarm-unknown-hive", "wine hivelog.exe swarm H99; echo EXIT=$?", b, n_wine_crash, env=env,
        timeout=300)
    cap("winedump-exe-import-dll-export", "winedump dump -j import hivelog.exe; winedump dump -j export hivelog.dll",
        b, n_winedump)
    cap("winedump-dll-head-150", "winedump dump hivelog.dll | head -n 150", b, n_winedump)
    run("wineserver -k", env=env, timeout=60)


NSI = r"""!define APPNAME "Hivelog"
!define VERSION "0.9.4"
Name "${APPNAME} ${VERSION}"
OutFile "hivelog-setup.exe"
InstallDir "$PROGRAMFILES64\Hivelog"
Unicode true
RequestExecutionLevel user
Var ScaleHost
Var Spare1
Var Spare2
Var Spare3

Page components
Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Function SetScale
  StrCpy $ScaleHost "scale-gateway.invalid"
FunctionEnd

Function un.Leftover
  Delete "$INSTDIR\varroa.log"
FunctionEnd

Section "Core" SecCore
  SetOutPath "$INSTDIR"
  File "build\hivelog.exe"
  File "build\hivelog.dll"
  File /nonfatal "build\apiary.ini"
  WriteRegStr HKCU "Software\Hivelog\Apiary" "Gateway" "scale-gateway.invalid"
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Hive data"
  SetOutPath "$INSTDIR\hives"
  File "build\hives.txt"
  File /r "docs\*.md"
SectionEnd

Section /o "Desktop shortcut"
  CreateShortcut "$DESKTOP\Hivelog.lnk" "$INSTDIR\hivelog.exe"
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\hivelog.exe"
  Delete "$INSTDIR\hivelog.dll"
  RMDir /r "$INSTDIR\hives"
  RMDir "$INSTDIR"
SectionEnd
"""

NSI_BAD = NSI.replace('Section "Hive data"', '!include "apiary-pages.nsh"\nSection "Hive data"')
NSH = 'Page custom ScalePage\nFunction ScalePage\n  nsDialogs::Create 1018\n  Pop $0\n  StrCmp $0 error 0 +2\n' \
      '  Abort\nFunctionEnd\n!if ${VERSION} > 1\n!endif\nSetCompressor /SOLID zstd\n'


def wxs(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    comps, refs = [], []
    for i in range(n):
        name = f"hv_{rnd.choice(['heath', 'lime', 'clover', 'willow', 'acacia'])}_{i:03d}.log"
        guid = str(uuid.UUID(int=rnd.getrandbits(128))).upper()
        comps.append(f'          <Component Id="c{i}" Guid="{guid}">\n'
                     f'            <File Id="f{i}" Name="{name}" Source="logs/{name}" KeyPath="yes"/>\n'
                     '          </Component>')
        refs.append(f'      <ComponentRef Id="c{i}"/>')
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="Hivelog" Language="1033" Version="0.9.4" Manufacturer="Hivelog Apiary Tools"
           UpgradeCode="7A1C9E42-5D3B-4F60-B187-187000000001">
    <Package InstallerVersion="200" Compressed="yes" Comments="Apiary hive logger" Description="Hivelog installer"/>
    <Media Id="1" Cabinet="hivelog.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="Hivelog">
          <Component Id="cExe" Guid="7A1C9E42-5D3B-4F60-B187-187000000002">
            <File Id="hivelogexe" Name="hivelog.exe" Source="build/hivelog.exe" KeyPath="yes"/>
            <File Id="hivelogdll" Name="hivelog.dll" Source="build/hivelog.dll"/>
            <RegistryValue Root="HKCU" Key="Software\\Hivelog\\Apiary" Name="Gateway" Type="string"
                           Value="scale-gateway.invalid"/>
          </Component>
{chr(10).join(comps)}
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1" Title="Hivelog">
      <ComponentRef Id="cExe"/>
{chr(10).join(refs)}
    </Feature>
  </Product>
</Wix>
"""


def cap_ship(tmp: Path) -> None:
    root = tmp / "hivelog"
    if not (root / "build" / "hivelog.exe").exists():
        return
    write_tree(root, {"hivelog.nsi": NSI, "hivelog-bad.nsi": NSI_BAD, "apiary-pages.nsh": NSH,
                      "docs/readme.md": "# Hivelog\n", "docs/varroa.md": "# Varroa counts\n"})
    cap("makensis-v4-echo", "makensis -V4 hivelog.nsi; echo EXIT=$?", root, n_makensis)
    cap("makensis-bad-include-tail-60", "makensis hivelog-bad.nsi 2>&1 | tail -n 60; echo EXIT=$?", root, n_makensis)
    r = random.Random(1873)
    big = wxs(180, 1874)
    files = {}
    for m in re.finditer(r'Source="(logs/[\w.]+)"', big):
        files[m.group(1)] = "".join(f"w{j}={r.uniform(20, 70):.2f}\n" for j in range(r.randint(1, 250)))
    bad1 = big.replace('<ComponentRef Id="c7"/>', '<ComponentRef Id="cScale"/>')
    bad2 = big.replace('Source="logs/', 'Source="log/', 3)
    bad3 = big.replace("</Feature>", "</Feature>\n    <Property Id=\"GATEWAY\" Value=\"x\">", 1)
    write_tree(root, {**files, "hivelog.wxs": big, "bad-ref.wxs": bad1, "bad-src.wxs": bad2, "bad-xml.wxs": bad3})
    cap("wixl-loop-sources-echo", "for f in bad-ref.wxs bad-src.wxs bad-xml.wxs hivelog.wxs; do echo \"== $f\"; "
        "wixl -v -a x64 -o \"${f%.wxs}.msi\" \"$f\"; echo EXIT=$?; done; ls -l *.msi", root, n_wixl, timeout=300)
    if (root / "hivelog.msi").exists():
        cap("msiinfo-export-component-head-120", "msiinfo export hivelog.msi Component | head -n 120", root,
            n_msi_export)
        cap("msiinfo-export-file", "msiinfo export hivelog.msi File", root, n_msi_export)
        cap("msiinfo-suminfo-hivelog", "msiinfo suminfo hivelog.msi; msiinfo export hivelog.msi Registry", root,
            n_msi_suminfo)
    run("openssl req -x509 -newkey rsa:3072 -nodes -keyout sign.key -out sign.crt -days 30 "
        "-subj '/CN=Hivelog Apiary Tools Code Signing/O=Hivelog Apiary Tools/C=NO' 2>/dev/null", cwd=root)
    run("osslsigncode sign -certs sign.crt -key sign.key -n Hivelog -h sha256 -in build/hivelog.exe "
        "-out build/hivelog-signed.exe", cwd=root)
    if (root / "hivelog.msi").exists():
        run("osslsigncode sign -certs sign.crt -key sign.key -n Hivelog -h sha256 -in hivelog.msi "
            "-out hivelog-signed.msi", cwd=root)
    if (root / "hivelog-signed.msi").exists():
        cap("msiinfo-tables-loop", 'for f in hivelog.msi hivelog-signed.msi; do echo "== $f"; msiinfo tables "$f"; '
            'done', root, n_msi_tables)
    cap("osslsigncode-verify-loop-echo", 'for f in build/hivelog.dll build/hivelog-signed.exe hivelog-signed.msi; do '
        'echo "== $f"; osslsigncode verify -CAfile sign.crt -in "$f"; echo EXIT=$?; done', root, n_osslsign)
    (root / "cab").mkdir(exist_ok=True)
    run("touch -d '2026-04-21 06:30' logs/hv_lime_0*.log; touch -d '2025-08-09 19:05' logs/hv_acacia_1*.log; "
        "gcab -c -z cab/hivelog-logs.cab logs/*.log build/hivelog.dll build/hives.txt", cwd=root)
    cap("cabextract-list-logs-echo", "cabextract -l cab/hivelog-logs.cab; echo EXIT=$?", root, n_cabextract)


STEPS = [cap_build, cap_wine, cap_ship]
