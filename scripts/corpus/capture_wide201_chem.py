"""Round 201: EMBOSS (needle, water, infoseq, seqret, transeq, pepstats), BLAST+ (makeblastdb, blastn / blastp tabular),
Open Babel conversions and RDKit / Biopython scripts over sequences and molecules of the round's own (faults put in),
with the extractors of NEEDLES.md's "Round 201" rules. Run through capture_wide201.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide201 import OWN_WORDS, VENV, add, cap, capped_rule4, diag, exit_lines, tsv_rows
from capture_wide201_seq import fasta, stage

AA = "ACDEFGHIKLMNPQRSTVWY"


def proteins(rng: random.Random) -> dict[str, str]:
    """Four families of random proteins; each member a mutated copy (substitutions, short indels) of its founder."""
    out = {}
    for fam in range(4):
        base = [rng.choice(AA) for _ in range(rng.randint(180, 420))]
        for m in range(rng.randint(4, 7)):
            s = list(base)
            for _ in range(int(len(s) * (0.05 + 0.12 * m))):
                k = rng.randrange(len(s))
                r = rng.random()
                if r < 0.8:
                    s[k] = rng.choice(AA)
                elif r < 0.9:
                    s.insert(k, rng.choice(AA))
                else:
                    del s[k]
            out[f"fam{fam}_m{m}"] = "".join(s)
    return out


def chem_stage(tmp: Path) -> Path:
    d = stage(tmp)
    if (d / "chem.ready").exists():
        return d
    rng = random.Random(2011)
    prot = proteins(rng)
    (d / "prot.fa").write_text(fasta(prot, desc={k: f"hypothetical protein family {k[3]}" for k in prot}))
    (d / "query_prot.fa").write_text(fasta({k: v for k, v in prot.items() if k.endswith("_m0")}))
    (d / "fam0_members.fa").write_text(fasta({k: v for k, v in prot.items() if k.startswith("fam0")}))
    ref = {}
    name = None
    for ln in (d / "ref.fa").read_text().split("\n"):
        if ln.startswith(">"):
            name = ln[1:]
            ref[name] = []
        elif ln:
            ref[name].append(ln)
    ref = {k: "".join(v) for k, v in ref.items()}
    # nucleotide queries: pieces of the reference with errors put in, a few from nowhere
    q = {}
    for i in range(36):
        c = rng.choice(list(ref))
        a = rng.randrange(0, len(ref[c]) - 700)
        s = list(ref[c][a:a + rng.randint(150, 650)])
        for _ in range(int(len(s) * rng.choice([0.0, 0.02, 0.05, 0.12]))):
            s[rng.randrange(len(s))] = rng.choice("ACGT")
        q[f"amplicon_{i:02d} {c}:{a + 1}"] = "".join(s)
    for i in range(4):
        q[f"contaminant_{i}"] = "".join(rng.choice("ACGT") for _ in range(300))
    (d / "amplicons.fa").write_text(fasta(q))
    # the first 120 bp of a few chromosomes as separate files for needle/water
    (d / "mito.fa").write_text(fasta({"chrM_1_900": ref["chrM"][:900]}))
    (d / "mito_variants.fa").write_text(fasta({f"chrM_var{i}": "".join(
        b if rng.random() > 0.03 * i else rng.choice("ACGT") for b in ref["chrM"][:900]) for i in range(1, 9)}))
    (d / "broken.fa").write_text(">ok_1\nACGTACGTAC\n>\nACGT\n>bad_chars\nACGTXX**12ACGT\n>empty_seq\n>ok_2\nGGGCCC\n")
    smi = [("CCO", "ethanol"), ("c1ccccc1O", "phenol"), ("CC(=O)Oc1ccccc1C(=O)O", "aspirin"),
           ("CN1C=NC2=C1C(=O)N(C(=O)N2C)C", "caffeine"), ("C1CC", "unclosed_ring"), ("CC(C)(C)(C)(C)C", "pentavalent_c"),
           ("c1cccc1", "bad_aromatic"), ("N(=O)(=O)=O", "bad_nitro"), ("CC[Zz]C", "unknown_atom"),
           ("CC(=O)N1CCC(CC1", "unclosed_branch"), ("O=C(O)C[NH4]C", "charged_valence"),
           ("CCN(CC)C(=O)C1CN(C)C2CC3=CNC4=CC=CC(=C34)C2=C1", "lsd"), ("c1ccc2c(c1)cccc2", "naphthalene"),
           ("F[Cl](F)F", "chlorine_3"), ("C%12CC", "ring_bond_open")]
    for i in range(60):  # a seeded library of plausible molecules
        n = rng.randint(2, 9)
        core = rng.choice(["c1ccccc1", "C1CCNCC1", "c1ccncc1", "C1CCOC1", "c1ccc2[nH]ccc2c1"])
        subs = "".join(rng.choice(["C", "CC", "C(C)", "C(O)", "C(F)", "C(=O)", "N", "N(C)", "O", "C(Cl)"])
                       for _ in range(n))
        smi.append((f"{core}C{subs}", f"lib_{i:03d}"))
    rng.shuffle(smi)
    smi.sort(key=lambda t: t[1] == "ring_bond_open")  # last: Open Babel reads past an open ring-bond number
    (d / "mols.smi").write_text("".join(f"{s} {n}\n" for s, n in smi))
    write_tree(d, {
        "check_mols.py": '''
import sys
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors, rdMolDescriptors

RDLogger.logger().setLevel(RDLogger.WARNING)
ok = bad = 0
for line in open(sys.argv[1]):
    smi, name = line.split()
    mol = Chem.MolFromSmiles(smi)
    if mol is None:
        bad += 1
        print(f"INVALID {name}: could not parse {smi!r}")
        continue
    ok += 1
    mw = Descriptors.MolWt(mol)
    print(f"{name:16} MW={mw:8.2f} logP={Descriptors.MolLogP(mol):6.2f} HBD={rdMolDescriptors.CalcNumHBD(mol)} "
          f"HBA={rdMolDescriptors.CalcNumHBA(mol)} rings={rdMolDescriptors.CalcNumRings(mol)} {Chem.MolToSmiles(mol)}")
    if mw > 300 and Descriptors.MolLogP(mol) > 3:
        print(f"  warning: {name} fails the rule-of-three filter")
print(f"checked {ok + bad} molecules: {ok} ok, {bad} failed to parse")
''',
        "sdf_audit.py": '''
import sys
from rdkit import Chem
from rdkit.Chem import rdMolDescriptors

suppl = Chem.SDMolSupplier(sys.argv[1], sanitize=True)
n = fails = 0
for i, mol in enumerate(suppl):
    n += 1
    if mol is None:
        fails += 1
        print(f"record {i}: sanitization failed")
        continue
    print(f"record {i}: {mol.GetProp('_Name')} atoms={mol.GetNumAtoms()} formula={rdMolDescriptors.CalcMolFormula(mol)}")
print(f"{n} records, {fails} failed")
strict = Chem.MolFromSmiles(sys.argv[2])
print(Chem.MolToMolBlock(strict))
''',
        "fastq_qc.py": '''
import sys
from Bio import SeqIO

n = total = low = 0
for rec in SeqIO.parse(sys.argv[1], "fastq"):
    q = rec.letter_annotations["phred_quality"]
    n += 1
    total += len(rec)
    mean = sum(q) / len(q)
    if mean < 30:
        low += 1
        print(f"low quality read {rec.id}: mean Q {mean:.1f}")
print(f"{n} reads, {total} bases, {low} below Q30")
''',
        "gb_check.py": '''
import sys
import warnings
from Bio import SeqIO, BiopythonParserWarning

warnings.simplefilter("always", BiopythonParserWarning)
for rec in SeqIO.parse(sys.argv[1], "genbank"):
    print(f"{rec.id} len={len(rec)} features={len(rec.features)}")
    for f in rec.features:
        if f.type == "CDS":
            prot = f.extract(rec.seq).translate(table=11, cds=False)
            flag = "" if prot.endswith("*") and "*" not in prot[:-1] else "  INVALID CDS: internal stop or no stop"
            print(f"  CDS {f.qualifiers.get('locus_tag', ['?'])[0]} {f.location} {prot[:40]}...{flag}")
    for f in rec.features:
        if f.type == "CDS":
            f.extract(rec.seq).translate(table=11, cds=True)
''',
    })
    # a GenBank record with problems: a LOCUS length that disagrees, a CDS whose length is not a multiple of 3
    seq = ref["chr3"][:3000]
    feats = []
    for k, (a, b) in enumerate([(11, 610), (700, 1350), (1500, 2201), (2300, 2900)]):
        feats.append(f"     CDS             {a}..{b}\n                     /locus_tag=\"SEQ_{k:04d}\"\n"
                     f"                     /product=\"hypothetical protein\"\n")
    lines = [f"LOCUS       SEQLAB3               3100 bp    DNA     linear   BCT 02-DEC-2026\n",
             "DEFINITION  seqlab synthetic chromosome 3 fragment.\nACCESSION   SEQLAB3\nVERSION     SEQLAB3.1\n",
             "FEATURES             Location/Qualifiers\n     source          1..3000\n", *feats, "ORIGIN\n"]
    for i in range(0, len(seq), 60):
        chunk = seq[i:i + 60].lower()
        lines.append(f"{i + 1:>9} " + " ".join(chunk[j:j + 10] for j in range(0, len(chunk), 10)) + "\n")
    lines.append("//\n")
    (d / "frag.gb").write_text("".join(lines))
    # an SDF written by Open Babel from the library, with a five-valent carbon put in one record
    cm.run("obabel -ismi mols.smi -osdf -e -O lib.sdf 2>/dev/null", cwd=d)
    sdf = (d / "lib.sdf").read_text().split("$$$$\n")
    for k in (3, 17, 40):  # a single bond made triple: a carbon over its valence
        if k < len(sdf):
            sdf[k] = re.sub(r"^(\s*\d+\s+\d+\s+)1(\s+0\s)", r"\g<1>3\2", sdf[k], count=1, flags=re.M)
    (d / "lib_bad.sdf").write_text("$$$$\n".join(sdf))
    (d / "chem.ready").write_text("")
    return d


# ------------------------------------------------------------------ extractors

@cm.kind("emboss-align", "log")
def n_emboss_align(lines):
    """Per pair the # 1/# 2/Length/Identity/Similarity/Gaps/Score lines (at most 20 pairs, else highest and lowest Score), # Program/# Rundate, errors, EXIT."""
    keys = ("# 1:", "# 2:", "# Length:", "# Identity:", "# Similarity:", "# Gaps:", "# Score:")
    pairs, cur = [], []
    for ln in lines:
        if ln.startswith("# 1:"):
            cur = []
            pairs.append(cur)
        if pairs and ln.startswith(keys):
            cur.append(ln)
    out: list = [ln for ln in lines if ln.startswith(("# Program:", "# Rundate:"))]
    if len(pairs) <= 20:
        out += [ln for p in pairs for ln in p]
    else:
        def score(p):
            s = [ln for ln in p if ln.startswith("# Score:")]
            return float(s[0].split(":")[1]) if s else 0.0
        for p in (max(pairs, key=score), min(pairs, key=score)):
            out += p
    return out + diag(lines)


@cm.kind("emboss-infoseq", "table")
def n_emboss_infoseq(lines):
    """Rule 4 on the infoseq table (Type categorical; Length and %GC numeric), errors, EXIT."""
    out: list = []
    tables: list = []  # one table per header line (USA …, or the -only columns: Name Length %GC …)
    for ln in lines:
        if re.match(r"^(USA|Display|Name)\s", ln):
            out.append(ln)
            names = ln.split()
            need = max((names.index(k) for k in ("Type", "Length", "%GC") if k in names), default=0) + 1
            tables.append([])
            continue
        c = ln.split()  # the columns up to Length / %GC are never blank; Organism and Description may be
        if tables and len(c) >= need and not ln.startswith(("Warning", "Error", "EXIT")):
            tables[-1].append((ln, dict(zip(names, c))))
    for rows in tables:
        out += capped_rule4(rows, cat=("Type",), nums=("Length", "%GC"))
    return out + diag(lines)


@cm.kind("emboss-run", "log")
def n_emboss_run(lines):
    """The banner (first line), Error:/Died: lines, Warning: lines one any per shape, pepstats/compseq report lines, EXIT."""
    out: list = [ln for ln in lines[:3] if ln.strip() and not ln.startswith(("Error", "Warning"))][:1]
    out += [ln for ln in lines if re.search(r"Molecular weight|Isoelectric Point|^Charge|Total count|Observed", ln)]
    return out + diag(lines)


BLAST_COLS = ["qseqid", "sseqid", "pident", "length", "mismatch", "gapopen", "qstart", "qend", "sstart", "send",
              "evalue", "bitscore"]


@cm.kind("blast-tabular", "table")
def n_blast_tabular(lines):
    """# Query: / # N hits found lines (at most 40 each), # BLAST processed line, each query's first hit (at most 40), min pident, max evalue, max bitscore rows, errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("# Query:")][:40]
    out += [ln for ln in lines if re.match(r"^# \d+ hits found", ln)][:40]
    out += [ln for ln in lines if ln.startswith("# BLAST processed")]
    rows = [r for r in tsv_rows(lines, BLAST_COLS) if re.fullmatch(r"[\d.]+", r[1]["pident"])]
    firsts, seen = [], set()
    for ln, r in rows:
        if r["qseqid"] not in seen:
            seen.add(r["qseqid"])
            firsts.append(ln)
    out += firsts[:40]
    if rows:
        for col, fn in (("pident", min), ("evalue", max), ("bitscore", max)):
            v = fn(float(r[col]) for _, r in rows)
            out.append(next(ln for ln, r in rows if float(r[col]) == v))
    return out + diag(lines)


@cm.kind("makeblastdb-log", "log")
def n_makeblastdb(lines):
    """Building a new DB, New DB name/title, Sequence type, Maximum file size, every Adding sequences line, errors, warnings, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^(Building a new DB|New DB name:|New DB title:|Sequence type:|"
                                                 r"Maximum file size:|Adding sequences from FASTA)", ln)]
    return out + diag(lines)


@cm.kind("obabel-convert", "log")
def n_obabel(lines):
    """Every Open Babel Error line with the line after (warnings one any per shape with theirs), SMILES/kekulize/format lines, the N molecules converted line, EXIT."""
    out: list = []
    warn: dict = {}
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if "Open Babel Error" in ln:
            out += [ln, nxt]
        elif "Open Babel Warning" in ln:
            warn.setdefault(cm.mask(nxt), []).append(nxt)
    out += [cm.any_of(v) for v in warn.values()]
    out += [ln for ln in lines if re.search(r"SMILES string contains a character|Failed to kekulize|"
                                             r"Cannot read input format|molecules? converted", ln)]
    return out + diag(lines)


def _script_lines(lines):
    """The script's own fault words and closing summary, a traceback's exception and innermost File line."""
    out: list = [ln for ln in lines if OWN_WORDS.search(ln) and not ln.startswith(("  File", "Traceback"))]
    files = [i for i, ln in enumerate(lines) if ln.startswith("  File ")]
    if files:
        out.append(lines[files[-1]])
    out += [ln for ln in lines if re.match(r"^[A-Za-z_.]*(Error|Exception|Warning): ", ln)]
    summary = [ln for ln in lines if re.match(r"^(checked \d+|\d+ records|\d+ reads)", ln)]
    return out + summary[-1:]


@cm.kind("rdkit-run", "log")
def n_rdkit(lines):
    """RDKit's parse/valence/kekulize/aromatic/ERROR lines, WARNING lines one any per shape, the script's fault lines and summary, traceback, EXIT."""
    out: list = [ln for ln in lines if re.search(r"SMILES Parse Error|Explicit valence|Can't kekulize|"
                                                 r"Unkekulized atoms|marked aromatic|ERROR:", ln)]
    out += cm.groups((cm.mask(re.sub(r"^\[\d\d:\d\d:\d\d\]\s*", "", ln)), ln) for ln in lines if "WARNING:" in ln)
    return out + _script_lines(lines) + exit_lines(lines)


@cm.kind("biopython-run", "log")
def n_biopython(lines):
    """A traceback's exception and innermost File line, Biopython warnings one any per shape, the script's fault lines and summary, EXIT."""
    out: list = cm.groups((cm.mask(ln), ln) for ln in lines if re.search(r"Biopython\w*Warning", ln))
    return out + _script_lines(lines) + exit_lines(lines)


# ------------------------------------------------------------------ steps

def cap_emboss(tmp: Path) -> None:
    d = chem_stage(tmp)
    cap("emboss-needle-fam0", "needle -asequence prot.fa:fam0_m0 -bsequence fam0_members.fa -gapopen 10 -gapextend 0.5 "
        "-outfile stdout -auto", d, n_emboss_align)
    cap("emboss-water-mito-variants", "water -asequence mito.fa -bsequence mito_variants.fa -gapopen 10 -gapextend 0.5 "
        "-outfile stdout -auto 2>&1 | tail -n 200", d, n_emboss_align)
    cap("emboss-needle-all-vs-m0", "needle -asequence query_prot.fa -bsequence prot.fa -gapopen 10 -gapextend 0.5 "
        "-outfile stdout -auto 2>&1 | grep -E '^# (1|2|Length|Identity|Similarity|Gaps|Score):|Error|Warning'", d,
        n_emboss_align)
    cap("emboss-infoseq-prot-amplicons", "infoseq -auto prot.fa; infoseq -auto -only -name -length -pgc amplicons.fa", d,
        n_emboss_infoseq)
    cap("emboss-infoseq-fastq", "infoseq -auto fastq::bad_R1.fq 2>&1 | head -n 120; echo EXIT=$?", d, n_emboss_infoseq)
    cap("emboss-seqret-broken", "seqret -auto -sequence broken.fa -outseq stdout; echo EXIT=$?; "
        "seqret -auto -sequence missing.fa -outseq x.fa; echo EXIT=$?; seqret -auto fastq::bad_R1.fq -outseq fasta::stdout "
        "| tail -n 30", d, n_emboss_run)
    cap("emboss-transeq-pepstats", "transeq -auto -sequence mito.fa -frame 6 -outseq stdout; "
        "pepstats -auto -sequence prot.fa:fam1_m0 -outfile stdout; pepstats -auto -sequence broken.fa -outfile stdout; "
        "echo EXIT=$?", d, n_emboss_run)


def cap_blast(tmp: Path) -> None:
    d = chem_stage(tmp)
    cap("makeblastdb-nucl-prot", "makeblastdb -in ref.fa -dbtype nucl -parse_seqids -out refdb; "
        "makeblastdb -in prot.fa -dbtype prot -title seqlab_prot -out protdb; "
        "makeblastdb -in broken.fa -dbtype nucl -parse_seqids -out brokendb; echo EXIT=$?", d, n_makeblastdb)
    cap("blastn-outfmt7-amplicons", "blastn -query amplicons.fa -db refdb -outfmt 7 -evalue 1e-5 -max_target_seqs 5", d,
        n_blast_tabular)
    cap("blastn-outfmt6-word-small", "blastn -task blastn-short -query amplicons.fa -db refdb -outfmt 6 -word_size 7 "
        "-evalue 10 | head -n 250", d, n_blast_tabular, timeout=600)
    cap("blastp-outfmt6-families", "blastp -query query_prot.fa -db protdb -outfmt 6 -evalue 1; echo EXIT=$?; "
        "blastp -query query_prot.fa -db nodb -outfmt 6; echo EXIT=$?", d, n_blast_tabular)
    cap("blastn-bad-options", "blastn -query amplicons.fa -db refdb -outfmt 6 -max_target_seqs 0; echo EXIT=$?; "
        "blastn -query broken.fa -db refdb -outfmt '7 qseqid sseqid pident evalue'; echo EXIT=$?", d, n_blast_tabular)


def cap_chem(tmp: Path) -> None:
    d = chem_stage(tmp)
    py = f"{VENV}/bin/python"
    cap("obabel-smi-to-can", "obabel -ismi mols.smi -ocan; echo EXIT=$?; obabel -ismi mols.smi -ocan -e 2>&1 | "
        "tail -n 50", d, n_obabel)
    cap("obabel-sdf-roundtrip-grep", "obabel -isdf lib_bad.sdf -osmi 2>&1 | grep -E -A1 'Error|Warning|converted'; "
        "obabel -ixyz lib.sdf -osmi; obabel -ifoo mols.smi -osmi", d, n_obabel)
    cap("rdkit-check-mols", f"{py} check_mols.py mols.smi; echo EXIT=$?", d, n_rdkit,
        typed="python check_mols.py mols.smi; echo EXIT=$?")
    cap("rdkit-sdf-audit", f"{py} sdf_audit.py lib_bad.sdf 'CC(C)(C)(C)(C)C' 2>&1 | tail -n 80", d, n_rdkit,
        typed="python sdf_audit.py lib_bad.sdf 'CC(C)(C)(C)(C)C' 2>&1 | tail -n 80")
    cap("biopython-fastq-qc-bad", f"{py} fastq_qc.py bad_R1.fq; echo EXIT=$?", d, n_biopython,
        typed="python fastq_qc.py bad_R1.fq; echo EXIT=$?")
    cap("biopython-genbank-cds", f"{py} gb_check.py frag.gb; echo EXIT=$?", d, n_biopython,
        typed="python gb_check.py frag.gb; echo EXIT=$?")


STEPS = [cap_emboss, cap_blast, cap_chem]
