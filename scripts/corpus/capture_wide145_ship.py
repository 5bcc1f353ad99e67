"""Round 145, running and shipping: `tally.exe` (built by capture_wide145_build) run under Wine with its debug channels
on and made to fault (a NULL report buffer handed to the DLL), read with winedump; an NSIS installer script with
warnings and one with errors put in; a WiX source for wixl with errors put in and a correct one (seeded: many files),
its MSI read with msiinfo; osslsigncode verify of the unsigned .exe, a self-signed one and the MSI; a cabinet made
with gcab listed with cabextract -l, and a truncated one. Run through capture_wide145.py."""

from __future__ import annotations

import random
import re
import uuid
from pathlib import Path

from capture_data import rule4
from capture_more import groups, mask, run, write_tree
from capture_wide145 import WINE_ENV, add, cap
from capture_wide9b import Part, chain
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")
OWN = re.compile(r"\btl_\w+|tally", re.I)


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


DBG = re.compile(r"^(?:[0-9a-f]{4}:)*(err|fixme|warn|trace):([\w-]+):(\S+?)\s(.*)$")


def _dbg(lines):
    """err: lines one {"any"} per (channel, message shape); fixme:/warn: one per (channel, function)."""
    pairs = []
    for ln in lines:
        m = DBG.match(ln)
        if not m:
            continue
        cls, chan, fn, msg = m.groups()
        if cls == "err":
            pairs.append((("err", chan, mask(fn + " " + msg)), ln))
        elif cls in ("fixme", "warn"):
            pairs.append(((cls, chan, fn), ln))
    return groups(pairs)


@cm.kind("wine-run-debug", "log")
def n_wine_run(lines):
    """Rules 1+5 on an .exe run under wine with WINEDEBUG channels on: err: lines one {"any"} per (channel, message shape), fixme:/warn: lines one per (channel, function), every line of the program saying error/failed/FAIL, every 'wine:' line, the program's closing line, an EXIT=N line."""
    out = _dbg(lines)
    prog = [ln for ln in lines if not DBG.match(ln) and ln.strip() and not EXIT.match(ln)]
    out += [ln for ln in prog if re.search(r"error|failed|FAIL", ln) or ln.startswith("wine:")]
    own = [ln for ln in prog if ln.startswith("tally")]
    return out + own[-1:] + _exit(lines)


# a frame of the program's own module (tally.exe / tally.dll) or naming its own function or source file; Wine's own
# frames can carry a path under the program's directory (winedbg resolves Wine's build paths against it): not own
OWN_FRAME = re.compile(r" in tally \(|\btl_\w+\+0x|\\src\\\w+\.c:\d+")


@cm.kind("wine-crash", "test")
def n_wine_crash(lines):
    """Rules 1+5 on an .exe faulting under wine: the 'Unhandled exception' / 'Unhandled page fault' line, the faulting-instruction line, the Backtrace's =>0 frame and every frame naming an own module, function or source file, err: lines one {"any"} per (channel, message shape), an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"Unhandled (exception|page fault)", ln)]
    out += [ln for ln in lines if re.match(r"^0x[0-9a-f]+ [\w.]+\+0x[0-9a-f]+", ln) or re.match(r"^0x[0-9a-f]+: \S", ln)]
    bt = False
    for ln in lines:
        if ln.startswith("Backtrace:"):
            bt = True
            continue
        if bt and re.match(r"^\s*(=>)?\s*\d+ 0x", ln):
            if ln.lstrip().startswith("=>") or OWN_FRAME.search(ln):
                out.append(ln)
        elif bt and ln.strip() and not ln.startswith(" "):
            bt = False
    out += [g for g in _dbg([ln for ln in lines if ":err:" in ln or ln.startswith("err:")])]
    return out + _exit(lines)


@cm.kind("winedump", "listing")
def n_winedump(lines):
    """Rule 5 on winedump: the 'Contents of' line, Machine / TimeDateStamp / Characteristics / Subsystem / entry point / ImageBase lines, every imported module's header line, every import or export row of an own DLL, every error / Can't line."""
    out = [ln for ln in lines if re.match(r"^Contents of ", ln)
           or re.match(r"^\s*(Machine|TimeDateStamp|Characteristics|Subsystem|ImageBase|AddressOfEntryPoint|"
                       r"Entry point)\b", ln)
           or re.search(r"\berror\b|Can't|not a ", ln, re.I)]
    for ln in lines:
        if re.search(r"offset [0-9a-f]+ \S+\.(dll|DLL|exe)\b", ln, re.I) or re.match(r"^\s*\S+\.(dll|DLL)\s*$", ln):
            out.append(ln)
        elif OWN.search(ln) and re.search(r"\btl_\w+", ln):
            out.append(ln)
    return out


@cm.kind("makensis", "build")
def n_makensis(lines):
    """Rules 1+3+5 on makensis: every Error / !error / 'Error in script' line with the !include line naming its file, warnings one {"any"} per (number, message shape), the 'N warning(s):' header, the Output: line, the Total size: line, every Install:/Uninstall: counts line, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if (re.search(r"\bError\b|!error|^Error in |aborting creation|error:|-> no files found|expects \d+ param", ln, re.I)
                or (i + 1 < len(lines) and lines[i + 1].startswith("Usage: "))) and "warning" not in ln.lower():
            out.append(ln)
            inc = cm.prev_match(lines, i, r"^!include: ")
            if inc and "Error in script" in ln:
                out.append(inc)
    out += groups(((m.group(1), mask(m.group(2))), ln) for ln in lines
                  for m in [re.match(r"^\s*warning (\d+): (.*)$", ln)] if m)
    out += [ln for ln in lines if re.match(r"^\d+ warnings?:$", ln) or ln.startswith("Output: ")
            or ln.startswith("Total size:") or re.match(r"^(Install|Uninstall): \d+ ", ln)]
    return out + _exit(lines)


@cm.kind("wixl", "build")
def n_wixl(lines):
    """Rules 1+5 on wixl: every line with 'error' with its location, warning lines one {"any"} per message shape, an ls -l row of the MSI, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"error|couldn't|can't|cannot|unhandled|invalid|failed|^Trace/", ln, re.I)]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"warning", ln, re.I) and "error" not in ln.lower())
    out += [ln for ln in lines if ln.rstrip().endswith(".msi") and re.match(r"^[-l]r", ln)]
    return out + _exit(lines)


@cm.kind("msiinfo-tables", "listing")
def n_msi_tables(lines):
    """Rule 5 on msiinfo tables: every table name line (the answer to "which tables")."""
    return [ln for ln in lines if re.match(r"^_?\w+$", ln)]


@cm.kind("msiinfo-export", "table")
def n_msi_export(lines):
    """Rules 4+5 on msiinfo export (IDT text): the three header lines, rule 4 on the rows (rare categorical values, the smallest and largest value of each integer column)."""
    rows = [ln.split("\t") for ln in lines if ln]
    if len(rows) < 3:
        return [ln for ln in lines if ln]
    hdr = [ln for ln in lines if ln][:3]
    names, types = rows[0], rows[1]
    data = [(ln, dict(zip(names, ln.split("\t")))) for ln in [ln for ln in lines if ln][3:]]
    ints = [n for n, t in zip(names, types) if t.lower().startswith("i")]
    cats = [n for n, t in zip(names, types) if not t.lower().startswith("i")]
    return rule4(data, cat=cats, nums=ints, header=hdr)


@cm.kind("msiinfo-suminfo", "listing")
def n_msi_suminfo(lines):
    """Rule 5 on msiinfo suminfo: the Title, Subject, Author, Template, Revision number, Page Count, Word Count and Security lines."""
    return [ln for ln in lines if re.match(r"^(Title|Subject|Author|Template|Revision number|Page Count|Word Count|"
                                           r"Security)\b", ln)]


@cm.kind("osslsigncode-verify", "test")
def n_osslsign(lines):
    """Rules 1+3+5 on osslsigncode verify: every Error / Failed / No signature found line, the Signature verification line, the PE checksum lines, the message digest lines, the signer's Subject / Issuer / Serial lines, the verified-signatures count, the closing Succeeded / Failed line, an EXIT=N line."""
    return [ln for ln in lines if re.search(r"error|failed|No signature found|Signature verification|PE checksum|"
                                             r"[Mm]essage digest|^\s*(Subject|Issuer|Serial)\s*:|"
                                             r"Number of verified signatures|^Succeeded|^Failed", ln, re.I)] + _exit(lines)


@cm.kind("cabextract-l", "listing")
def n_cabextract(lines):
    """Rules 1+3+4 on cabextract -l: the 'Viewing cabinet:' line, the column header, the rows with the largest and smallest size, rows of a rare date, every error / not-a-cabinet line, the closing 'All done' / errors line."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s*(\d+) \| (\d\d\.\d\d\.\d{4}) [\d:]+ \| (.+)$", ln)
        if m:
            rows.append((ln, {"size": int(m.group(1)), "date": m.group(2)}))
    hdr = [ln for ln in lines if "File size" in ln and "File name" in ln]
    out = [ln for ln in lines if ln.startswith("Viewing cabinet") or re.search(r"error|not a|All done|corrupt|"
                                                                              r"invalid|can't|no valid cabinets|"
                                                                              r"WARNING|truncated", ln, re.I)]
    return out + rule4(rows, cat=["date"], nums=["size"], header=hdr) + _exit(lines)


# ------------------------------------------------------------------ material

NSI_OK = r"""!include "MUI2.nsh"
!define APPNAME "Tally"
!define VERSION "0.9.3"
Name "${APPNAME} ${VERSION}"
OutFile "tally-setup.exe"
InstallDir "$PROGRAMFILES64\Tally"
Unicode true
Var StartMenuFolder
Var UnusedFlag

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  StrCpy $INSTDIR "$PROGRAMFILES64\Tally"
FunctionEnd

Function WriteCollectorKey
  WriteRegStr HKLM "SOFTWARE\Tally\Collector" "Url" "http://tally-collector.invalid"
FunctionEnd

Function un.CleanupLogs
  Delete "$INSTDIR\logs\*.log"
FunctionEnd

Section "Core" SecCore
  SetOutPath "$INSTDIR"
  File "build\tally.exe"
  File "build\tally.dll"
  File /nonfatal "build\tally.ini"
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\tally.exe"
  Delete "$INSTDIR\tally.dll"
  RMDir "$INSTDIR"
SectionEnd
"""

NSI_BAD = r"""!define APPNAME "Tally"
Name "${APPNAME}"
OutFile "tally-setup-bad.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
RequestExecutionLevel admin
!include "tally-sections.nsh"

Section "Core"
  SetOutPath "$INSTDIR"
  File "build\tally.exe"
  CreateShortcut "$SMPROGRAMS\Tally.lnk" "$INSTDIR\tally.exe"
SectionEnd
"""

NSH_BAD = r"""Section "Service"
  SetOutPath "$INSTDIR"
  File "build\tally-service.exe"
  ExecWait '"$INSTDIR\tally-service.exe" --install' $0
  IntCmp $0 0 +2
    MessageBox MB_OK "service install failed: $0"
SectionEnd

Section "Metrics"
  WriteRegDWORD HKLM "SOFTWARE\Tally" "Metrics" 1 2
SectionEnd
"""


def wxs(n_files: int, bad: bool) -> str:
    rnd = random.Random(1450 + n_files)
    comps, refs = [], []
    for i in range(n_files):
        name = f"tl_{rnd.choice(['rate', 'peak', 'mean', 'ewma', 'burst'])}_{i:03d}.cfg"
        guid = str(uuid.UUID(int=rnd.getrandbits(128))).upper()
        if bad and i == 7:
            guid = "NOT-A-GUID"
        src = f"files/{name}"
        if bad and i == 11:
            src = "files/missing.cfg"
        comps.append(f'          <Component Id="cmp{i}" Guid="{guid}">\n'
                     f'            <File Id="f{i}" Name="{name}" Source="{src}" KeyPath="yes"/>\n'
                     '          </Component>')
        refs.append(f'      <ComponentRef Id="cmp{i}"/>')
    if bad:
        refs.append('      <ComponentRef Id="cmpService"/>')
    exe = ('          <Component Id="cmpExe" Guid="7E1C0C6A-5D8B-4F43-9E57-1450A0000001">\n'
           '            <File Id="tallyexe" Name="tally.exe" Source="build/tally.exe" KeyPath="yes"/>\n'
           '            <File Id="tallydll" Name="tally.dll" Source="build/tally.dll"/>\n'
           '          </Component>')
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="Tally" Language="1033" Version="0.9.3" Manufacturer="Tally Metrics"
           UpgradeCode="7E1C0C6A-5D8B-4F43-9E57-1450A00000FF">
    <Package InstallerVersion="200" Compressed="yes" Comments="Tally event counter"/>
    <Media Id="1" Cabinet="tally.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="Tally">
{exe}
{chr(10).join(comps)}
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1"{'' if not bad else ' Display="sideways"'}>
      <ComponentRef Id="cmpExe"/>
{chr(10).join(refs)}
    </Feature>
  </Product>
</Wix>
"""


def cap_wine(tmp: Path) -> None:
    b = tmp / "tally" / "build"
    if not (b / "tally.exe").exists():
        cm.note("skip wine: no tally.exe")
        return
    env = dict(WINE_ENV)
    dbg = dict(env, WINEDEBUG="err+all,fixme+all")
    cap("wine-run-stats", "WINEDEBUG=err+all,fixme+all,+loaddll wine tally.exe stats; echo EXIT=$?", b, n_wine_run,
        env=dict(env, WINEDEBUG="err+all,fixme+all,+loaddll"), timeout=300)
    cap("wine-run-net", "WINEDEBUG=err+all,fixme+all wine tally.exe net 2>&1 | tail -n 80", b, n_wine_run, env=dbg,
        timeout=300)
    cap("wine-run-warn-all", "WINEDEBUG=warn+all,err+all,fixme+all wine tally.exe stats 2>&1 | tail -n 400", b,
        n_wine_run, env=dict(env, WINEDEBUG="warn+all,err+all,fixme+all"), timeout=300)
    (b / "nodll").mkdir(exist_ok=True)
    (b / "nodll" / "tally.exe").write_bytes((b / "tally.exe").read_bytes())  # shipped without its DLL
    cap("wine-run-nodll", "WINEDEBUG=err+all,fixme+all,+loaddll wine tally.exe stats; echo EXIT=$?", b / "nodll",
        n_wine_run, env=dict(env, WINEDEBUG="err+all,fixme+all,+loaddll"), timeout=300)
    cap("wine-crash", "wine tally.exe crash; echo EXIT=$?", b, n_wine_crash, env=env, timeout=300)
    cap("wine-crash-grep", "WINEDEBUG=err+all,fixme+all wine tally.exe crash 2>&1 | grep -v fixme; echo EXIT=$?", b,
        n_wine_crash, env=dbg, timeout=300)
    run("wineserver -k", env=env, timeout=60)


def cap_winedump(tmp: Path) -> None:
    b = tmp / "tally" / "build"
    cap("winedump-exe", "winedump dump tally.exe", b, n_winedump)
    cap("winedump-imports", "winedump dump -j import tally.exe", b, n_winedump)
    cap("winedump-exports", "winedump dump -j export tally.dll", b, n_winedump)


def cap_nsis(tmp: Path) -> None:
    root = tmp / "tally"
    write_tree(root, {"installer.nsi": NSI_OK, "installer-bad.nsi": NSI_BAD, "tally-sections.nsh": NSH_BAD})
    cap("makensis-warnings", "makensis -V4 installer.nsi; echo EXIT=$?", root, n_makensis)
    cap("makensis-verbose-tail", "makensis -V4 installer.nsi 2>&1 | tail -n 60", root, n_makensis)
    cap("makensis-errors", "makensis -V4 installer-bad.nsi; echo EXIT=$?", root, n_makensis)
    (root / "build" / "tally-service.exe").write_bytes((root / "build" / "tally.exe").read_bytes()) \
        if (root / "build" / "tally.exe").exists() else None
    (root / "tally-sections.nsh").write_text(NSH_BAD.replace(' 1 2\n', ' 1\n'))
    cap("makensis-errors-after-fix", "makensis -V4 installer-bad.nsi 2>&1 | tail -n 150", root, n_makensis)


def cap_msi(tmp: Path) -> None:
    root = tmp / "tally"
    files = {f"files/{n}": f"# {n}\nwindow=60\n" for n in []}
    rnd = random.Random(1451)
    txt = wxs(200, False)
    for m in re.finditer(r'Name="(tl_[\w.]+)" Source="files/', txt):
        files[f"files/{m.group(1)}"] = "".join(f"key{j}={rnd.randint(0, 10**6)}\n" for j in range(rnd.randint(1, 400)))
    write_tree(root, files)
    bad = wxs(20, True)
    for m in re.finditer(r'Name="(tl_[\w.]+)" Source="files/', bad):
        files[f"files/{m.group(1)}"] = "window=60\n"
    write_tree(root, files)
    good20 = wxs(20, False)
    variants = {  # one fault each, as a fix-and-retry session meets them
        "wxs/1-guid.wxs": good20.replace(re.search(r'Guid="([0-9A-F-]{36})"', good20.split("cmp3")[1]).group(1), "NOT-A-GUID"),
        "wxs/2-missing.wxs": good20.replace('Source="files/tl_', 'Source="file/tl_', 1),
        "wxs/3-ref.wxs": good20.replace('<ComponentRef Id="cmp19"/>', '<ComponentRef Id="cmp19"/>\n      <ComponentRef Id="cmpService"/>'),
        "wxs/4-attr.wxs": good20.replace('Level="1"', 'Level="1" Display="sideways"'),
        "wxs/5-element.wxs": good20.replace('<Media Id="1"', '<ServiceInstal Id="svc" Name="tally"/>\n    <Media Id="1"'),
        "wxs/6-ok.wxs": good20,
    }
    write_tree(root, {"tally.wxs": txt, "tally-bad.wxs": bad, **variants})
    cap("wixl-retry-loop", 'for f in wxs/*.wxs; do echo "== $f"; wixl -v -a x64 -o "${f%.wxs}.msi" "$f"; '
        'echo EXIT=$?; done', root, n_wixl)
    chain("chain-wixl-msiinfo-tables", "chain-wixl-msiinfo-tables", "build",
          [Part("wixl -v -a x64 -o tally.msi tally.wxs", n_wixl), Part("msiinfo tables tally.msi", n_msi_tables)], root)
    if not (root / "tally.msi").exists():
        return
    cap("msiinfo-export-file", "msiinfo export tally.msi File", root, n_msi_export)
    cap("msiinfo-export-component", "msiinfo export tally.msi Component", root, n_msi_export)
    cap("msiinfo-export-feature-components", "msiinfo export tally.msi FeatureComponents", root, n_msi_export)
    chain("chain-msiinfo-tables-suminfo", "chain-msiinfo-tables-suminfo", "listing",
          [Part("msiinfo tables tally.msi", n_msi_tables), Part("msiinfo suminfo tally.msi", n_msi_suminfo, ";")], root)


def cap_sign(tmp: Path) -> None:
    root = tmp / "tally"
    b = root / "build"
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout sign.key -out sign.crt -days 30 "
        "-subj '/CN=Tally Metrics Code Signing/O=Tally Metrics/C=NL' 2>/dev/null", cwd=root)
    run("osslsigncode sign -certs sign.crt -key sign.key -n Tally -i https://tally.invalid -h sha256 "
        "-in build/tally.exe -out build/tally-signed.exe", cwd=root)
    cap("osslsigncode-self-signed", "osslsigncode verify -in build/tally-signed.exe; echo EXIT=$?", root, n_osslsign)
    cap("osslsigncode-self-signed-ca", "osslsigncode verify -CAfile sign.crt -in build/tally-signed.exe", root,
        n_osslsign)
    if (root / "tally.msi").exists():
        run("osslsigncode sign -certs sign.crt -key sign.key -h sha256 -in tally.msi -out tally-signed.msi", cwd=root)
        data = bytearray((b / "tally-signed.exe").read_bytes())
        data[len(data) // 2] ^= 0xFF  # a byte flipped after signing
        (b / "tally-tampered.exe").write_bytes(bytes(data))
        cap("osslsigncode-tampered", "osslsigncode verify -CAfile sign.crt -in build/tally-tampered.exe 2>&1 | "
            "tail -n 40; echo EXIT=$?", root, n_osslsign)
        cap("osslsigncode-msi", "osslsigncode verify -in tally-signed.msi", root, n_osslsign)
    cap("osslsigncode-all-loop", 'for f in build/*.exe build/*.dll *.msi; do echo "== $f"; osslsigncode verify -in "$f"; '
        'echo EXIT=$?; done', root, n_osslsign)


def cap_cab(tmp: Path) -> None:
    root = tmp / "tally"
    if not (root / "files").exists():
        return
    run("gcab -c -z cab/tally-data.cab files/*.cfg build/tally.exe build/tally.dll", cwd=root) \
        if (root / "cab").mkdir() is None else None
    run("touch -d '2024-02-11 09:30' files/tl_peak_0*.cfg && gcab -c -z cab/tally-cfg.cab files/*.cfg", cwd=root)
    cap("cabextract-list", "cabextract -l cab/tally-data.cab", root, n_cabextract)
    cap("cabextract-list-cfg", "cabextract -l cab/tally-cfg.cab; echo EXIT=$?", root, n_cabextract)
    data = (root / "cab" / "tally-data.cab").read_bytes()
    (root / "cab" / "tally-cut.cab").write_bytes(data[: len(data) // 3])
    cap("cabextract-list-all", "cabextract -l cab/*.cab; echo EXIT=$?", root, n_cabextract)


STEPS = [cap_wine, cap_winedump, cap_nsis, cap_msi, cap_sign, cap_cab]
