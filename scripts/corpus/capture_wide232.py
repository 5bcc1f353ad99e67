#!/usr/bin/env python3
"""Capture round 232 of the compression corpus: second samples of round 230's full-text search and file-locating
kinds and third samples of round 217's statistics and data-wrangling kinds, blind, no new rules. Round 230's tools
(Xapian's omindex / xapian-delve / quest / xapian-check, Recoll, swish-e, plocate's updatedb / locate, Whoosh and
Tantivy from PyPI, SQLite's FTS5) run on another tree than round 230's: a seeded archive of a marine biology lab
(`labdocs`: protocols, cruise logs, notebooks, mail, analysis code) with other faults put in (binary sonar dumps, a
"PDF" that is plain text, a Latin-1 log, an empty file, a dangling symlink, other bytes overwritten in other Xapian
tables, a locate database cut elsewhere). Round 217's tools (PSPP, JAGS with R's coda, gretlcli, Miller, datamash,
R CMD BATCH, R's glm, statsmodels, scipy.stats) run on another data set than rounds 217's and 227's: a seeded apiary
survey (`apiary`: sites, breeds, frames, brood temperature, humidity, varroa counts, honey yield, swarming, queen
age) with outliers, missing values and a collinear column (`temp_f`, the brood temperature in Fahrenheit) put in on
purpose. Command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`,
`; echo EXIT=$?`). Every needle comes from the extractor round 230 or 217 used for its kind, imported from their
capture modules (NEEDLES.md, "Round 232"); no rule is new. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide232.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide232.json  as {"version": 2, "items": [...]}, ids prefixed "wide232-".
"""

from __future__ import annotations

import math
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide232-"
DEFAULT_OUT = HERE / "data" / "wide232.json"
TMP = Path(os.environ.get("HM_WIDE232_TMP", "/dev/shm/hm-corpus-wide232"))
TOOLS = Path(os.environ.get("HM_WIDE232_TOOLS", "/dev/shm/hm-corpus-wide232-tools"))
IDX_VENV = TOOLS / "venv"  # whoosh, tantivy
# round 217's venv (statsmodels, scipy, pandas) when it is still there, else one of this round's own
VENV = Path(os.environ.get("HM_WIDE232_VENV", "/dev/shm/hm-corpus-wide217-venv"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the marine lab's documents (seeded)

VESSELS = ["RV Meridian", "RV Kestrel Bank", "RV Halcyon", "RV Skagerrak", "RV Tern Point"]
TOPICS = ["ctd cast", "plankton tow", "sediment core", "sonar survey", "otolith reading", "eDNA filtration",
          "winch fault", "salinity drift", "chlorophyll bloom", "mooring recovery", "tag deployment", "freezer alarm"]
WORDS = ("the cast bottle rosette niskin salinity conductivity temperature depth oxygen fluorescence chlorophyll "
         "plankton net mesh formalin ethanol sample vial label freezer core sediment grain trawl otolith cod herring "
         "sprat winch cable sheave hydraulic mooring buoy release acoustic transducer sonar ping backscatter calibration "
         "sphere station transect cruise leg deck crew bridge weather swell gale port harbour filter membrane pump "
         "extraction pcr primer barcode sequencing storage dewar liquid nitrogen").split()
PEOPLE = ["ines.vidal", "jonas.berg", "kofi.mensah", "lena.hartmann", "mikko.laine", "nadia.rahman", "oren.katz"]


def para(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_labdocs(root: Path, seed: int = 232, n_logs: int = 220, n_protocols: int = 50, n_mail: int = 110,
                 n_notes: int = 60, n_code: int = 36) -> dict[str, str]:
    """The `labdocs` tree: protocols (HTML), cruise logs (text), notebooks (Markdown), mail (.eml), code (Python, R,
    shell), with faults: binary sonar dumps of unknown types, a "PDF" that is plain text, an empty file, a Latin-1
    log, a dangling symlink."""
    rnd = random.Random(seed)
    files: dict[str, str] = {}
    for i in range(n_protocols):
        topic = TOPICS[i % len(TOPICS)]
        secs = "".join(f"<h2>{t.title()}</h2>\n<p>{para(rnd, rnd.randint(25, 80))}</p>\n"
                       for t in rnd.sample(TOPICS, 3))
        files[f"protocols/{topic.split()[0]}/sop-{i:03d}.html"] = (
            f"<html><head><title>SOP {i:03d}: {topic}</title><meta name=\"author\" content=\"{rnd.choice(PEOPLE)}\">"
            f"</head>\n<body><h1>{topic.title()}</h1>\n{secs}</body></html>\n")
    for i in range(n_logs):
        vessel = rnd.choice(VESSELS)
        state = rnd.choices(["nominal", "delayed", "aborted", "repeated"], [7, 3, 1, 1])[0]
        files[f"cruises/{2022 + i % 4}/leg-{i // 20:02d}/st{300 + i}.txt"] = (
            f"Station: ST{300 + i}\nVessel: {vessel}\nState: {state}\nActivity: {rnd.choice(TOPICS)}\n"
            f"Lat: {54 + rnd.random() * 4:.4f} Lon: {rnd.random() * 12:.4f}\nOfficer: {rnd.choice(PEOPLE)}\n\n"
            f"{para(rnd, rnd.randint(20, 110))}\n")
    for i in range(n_notes):
        who = rnd.choice(PEOPLE)
        files[f"notebooks/{who}/entry-{i:03d}.md"] = (
            f"# Notebook {who} {i}\n\n## {rnd.choice(TOPICS)}\n\n{para(rnd, 50)}\n\n## Next\n\n{para(rnd, 25)}\n")
    for i in range(n_mail):
        who = rnd.choice(PEOPLE)
        files[f"mail/{'inbox' if i % 3 else 'sent'}/{i:04d}.eml"] = (
            f"From: {who}@labdocs.example\nTo: lab@labdocs.example\nSubject: {rnd.choice(TOPICS)} aboard "
            f"{rnd.choice(VESSELS)}\nDate: Tue, {1 + i % 28} Oct 2024 14:{i % 60:02d}:00 +0000\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{para(rnd, rnd.randint(15, 70))}\n")
    for i in range(n_code):
        fn = rnd.choice(["despike_ctd", "bin_profile", "count_plankton", "age_otolith", "merge_sonar"])
        if i % 3 == 2:
            files[f"code/R/{fn}_{i:02d}.R"] = f"# {para(rnd, 10)}\n{fn} <- function(x, w = {rnd.randint(3, 31)}) {{\n  x\n}}\n"
        else:
            files[f"code/py/{fn}_{i:02d}.py"] = (
                f'"""{fn.replace("_", " ")} step {i}."""\n\n\ndef {fn}(cast, window={rnd.randint(3, 31)}):\n'
                f'    """{para(rnd, 12)}"""\n    return cast\n')
        if i % 6 == 0:
            files[f"code/sh/{fn}_{i:02d}.sh"] = f"#!/bin/sh\n# {para(rnd, 10)}\nrsync -a ship:/data/{fn} .\n"
    cm.write_tree(root, files)
    (root / "sonar" / "raw").mkdir(parents=True, exist_ok=True)
    for i in range(5):
        (root / "sonar" / "raw" / f"ping-{i}.raw").write_bytes(bytes(rnd.randrange(256) for _ in range(1200)))
        (root / "sonar" / "raw" / f"report-{i}.pdf").write_text(files[f"cruises/2022/leg-00/st300.txt"])
    (root / "sonar" / "calib.dat").write_bytes(bytes(range(256)) * 6)
    (root / "cruises" / "empty.txt").write_text("")
    (root / "cruises" / "logbook-1998-latin1.txt").write_bytes(
        "Station: ST0001\nRemarque: câble du treuil endommagé, échantillons perdus à 120 m\n".encode("latin-1"))
    link = root / "code" / "py" / "latest.py"
    if not link.exists() and not link.is_symlink():
        os.symlink(root / "code" / "py" / "gone_tool.py", link)
    return files


# ------------------------------------------------------------------ the apiary survey's data (seeded)

SITES = [f"S{i:02d}" for i in range(1, 8)]
BREEDS = {"Carnica": 0.0, "Buckfast": 2.5, "Ligustica": 1.2, "Mellifera": -1.8, "Caucasica": 0.6}
APIARY_COLUMNS = ["hive", "site", "breed", "frames", "temp", "temp_f", "humid", "varroa", "honey", "swarmed",
                  "queen_age"]


def apiary(seed: int, n: int) -> list[dict]:
    """n hive visits: honey rising with frames and brood temperature near 34.5 C, falling with varroa, site effects;
    3% of temperatures and 2% of honey yields missing, outliers (a temperature keyed in Fahrenheit, a honey yield in
    grams, a negative frame count), a rare breed (Sahariensis) on two hives, temp_f = temp * 9/5 + 32 (collinear)."""
    rnd = random.Random(seed)
    seff = {s: rnd.gauss(0, 2.0) for s in SITES}
    rows = []
    for i in range(n):
        breed = "Sahariensis" if i in (n // 5, 4 * n // 5) else rnd.choice(list(BREEDS))
        site = rnd.choice(SITES)
        frames = rnd.randint(5, 20)
        temp = round(rnd.gauss(34.5, 0.9), 1)
        humid = rnd.randint(40, 85)
        qa = rnd.randint(1, 4)
        varroa = min(60, int(rnd.expovariate(1 / (3 + 1.5 * qa))))
        lin = -3.0 + 0.15 * frames + 0.4 * qa - 0.05 * varroa
        swarmed = 1 if rnd.random() < 1 / (1 + math.exp(-lin)) else 0
        honey = round(4 + 1.6 * frames - 2.0 * abs(temp - 34.5) - 0.25 * varroa + BREEDS.get(breed, 1.0)
                      + seff[site] - 5.0 * swarmed + rnd.gauss(0, 2.5), 1)
        row = {"hive": f"H{seed % 1000:03d}-{i:04d}", "site": site, "breed": breed, "frames": frames, "temp": temp,
               "temp_f": round(temp * 9 / 5 + 32, 2), "humid": humid, "varroa": varroa, "honey": honey,
               "swarmed": swarmed, "queen_age": qa}
        if rnd.random() < 0.03:
            row["temp"] = ""
        if rnd.random() < 0.02:
            row["honey"] = ""
        rows.append(row)
    rows[n // 7]["temp"] = 94.1  # Fahrenheit
    rows[n // 8]["honey"] = 23500.0  # grams
    rows[n // 3]["frames"] = -4  # a keying slip
    return rows


def apiary_csv(rows: list[dict], cols: list[str] = APIARY_COLUMNS, sep: str = ",") -> str:
    return sep.join(cols) + "\n" + "".join(sep.join(str(r[c]) for c in cols) + "\n" for r in rows)


def ensure_tools() -> None:
    """Round 230's and 217's tools from Debian (installed once), a venv of Whoosh and Tantivy, one of statsmodels."""
    for tool, pkg in [("quest", "xapian-tools"), ("omindex", "xapian-omega"), ("recollindex", "recollcmd"),
                      ("plocate", "plocate"), ("swish-e", "swish-e"), ("sqlite3", "sqlite3"), ("pspp", "pspp"),
                      ("jags", "jags"), ("gretlcli", "gretl"), ("mlr", "miller"), ("datamash", "datamash"),
                      ("Rscript", "r-base-core")]:
        cm.ensure_apt(tool, pkg)
    if cm.run("Rscript -e 'library(coda)' >/dev/null 2>&1; echo $?").strip() != "0":
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends r-cran-coda", timeout=900)
    cm.install_venv(IDX_VENV, "python", ["whoosh", "tantivy"])
    if not list((IDX_VENV / "lib").glob("python3*/site-packages/tantivy")):
        cm.run(f"{IDX_VENV}/bin/pip install -q whoosh tantivy", env=cm.PIP_ENV, timeout=900)
    cm.install_venv(VENV, "python", ["statsmodels", "scipy", "pandas"])
    if not list(VENV.glob("lib/python3*/site-packages/statsmodels")):
        cm.run(f"{VENV}/bin/pip install -q statsmodels scipy pandas", env=cm.PIP_ENV, timeout=900)


def steps() -> list:
    import capture_wide232_idx as idx  # round 230's kinds: xapian, recoll, swish-e, plocate, whoosh, tantivy, fts5
    import capture_wide232_stats as stats  # round 217's kinds
    return idx.STEPS + stats.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide232", sys.modules["__main__"])
    main()
