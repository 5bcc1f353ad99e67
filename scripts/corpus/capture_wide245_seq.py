"""Round 245: HMMER, Clustal Omega, MUSCLE 5, MAFFT, Prodigal, Bowtie2, seqtk, VSEARCH, CD-HIT and fastp over seeded
protein families, a random genome with planted genes, reads and amplicons of the round's own (faults put in), with the
extractors of NEEDLES.md's "Round 245" rules. Run through capture_wide245.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_wide201 import capped_rule4, diag, tsv_rows
from capture_wide201_seq import fasta, reads
from capture_wide245 import add, cap

AA = "ACDEFGHIKLMNPQRSTVWY"
AA_W = [8.3, 1.4, 5.4, 6.7, 3.9, 7.1, 2.3, 5.9, 5.8, 9.7, 2.4, 4.0, 4.7, 3.9, 5.4, 6.6, 5.3, 6.9, 1.1, 2.9]
STOPS = {"TAA", "TAG", "TGA"}
CODONS = [a + b + c for a in "ACGT" for b in "ACGT" for c in "ACGT" if a + b + c not in STOPS]
COMP = str.maketrans("ACGTN", "TGCAN")

# ------------------------------------------------------------------ data of the round's own


def protein(rng: random.Random, n: int) -> str:
    return "M" + "".join(rng.choices(AA, AA_W, k=n - 1))


def mutant(rng: random.Random, s: str, rate: float) -> str:
    out = []
    for c in s:
        r = rng.random()
        if r < rate:
            out.append(rng.choices(AA, AA_W)[0])
        elif r < rate + 0.015:
            continue  # a deletion
        elif r < rate + 0.03:
            out.append(c + "".join(rng.choices(AA, AA_W, k=rng.randint(1, 4))))
        else:
            out.append(c)
    return "".join(out)


FAMILIES = [("PF_kinA", 230, 22), ("PF_abcT", 180, 18), ("PF_gltX", 140, 26), ("PF_rmlD", 260, 14)]


def families(rng: random.Random) -> dict[str, dict[str, str]]:
    fams = {}
    for name, ln, n in FAMILIES:
        base = protein(rng, ln)
        fams[name] = {f"{name[3:]}_{i:02d}|sp{rng.randint(100, 999)}": mutant(rng, base, rng.uniform(0.08, 0.38))
                      for i in range(n)}
    return fams


def gene(rng: random.Random, n_codons: int) -> str:
    return "ATG" + "".join(rng.choices(CODONS, k=n_codons)) + rng.choice(["TAA", "TAG", "TGA"])


def genome(rng: random.Random) -> dict[str, str]:
    """Three contigs of random sequence (GC 48%) with planted genes on both strands; contig_3's last gene runs off
    its end, and contig_2 has a run of Ns."""
    g = {}
    for cname, n_genes in (("contig_1", 34), ("contig_2", 18), ("contig_3", 7)):
        parts = []
        for k in range(n_genes):
            parts.append("".join(rng.choices("ACGT", [26, 24, 24, 26], k=rng.randint(60, 400))))
            gs = gene(rng, rng.randint(90, 520))
            parts.append(gs if rng.random() < 0.6 else gs.translate(COMP)[::-1])
        if cname == "contig_2":
            parts.insert(9, "N" * 350)
        if cname == "contig_3":
            parts.append(gene(rng, 400)[:700])  # no stop: runs off the edge
        g[cname] = "".join(parts)
    return g


def amplicons(rng: random.Random) -> tuple[str, str]:
    """Amplicon reads of 9 OTUs (250 bp), abundance skewed, 1% errors, a few chimeras; and a dereplicated copy with
    ;size= annotations."""
    otus = ["".join(rng.choices("ACGT", k=250)) for _ in range(9)]
    weights = [40, 25, 12, 8, 5, 4, 3, 2, 1]
    recs = {}
    for i in range(700):
        if rng.random() < 0.03:
            a, b = rng.sample(otus, 2)
            cut = rng.randint(80, 170)
            s = a[:cut] + b[cut:]
        else:
            s = rng.choices(otus, weights)[0]
        s = "".join(c if rng.random() > 0.01 else rng.choice("ACGT") for c in s)
        recs[f"amp{i:04d}"] = s
    counts: dict[str, int] = {}
    for s in recs.values():
        counts[s] = counts.get(s, 0) + 1
    derep = {f"uniq{i:04d};size={n}": s for i, (s, n) in
             enumerate(sorted(counts.items(), key=lambda kv: -kv[1]))}
    return fasta(recs), fasta(derep)


def stage(tmp: Path) -> Path:
    """The round's project (made once)."""
    d = tmp / "seqlab"
    if (d / "done").exists():
        return d
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2451)
    fams = families(rng)
    for name, members in fams.items():
        (d / f"{name}.fa").write_text(fasta(members))
    # a family file with faults: a duplicate id, an empty sequence, a digit-bearing record
    bad = dict(list(fams["PF_gltX"].items())[:12])
    text = fasta(bad)
    first = next(iter(bad))
    text += f">{first}\n{bad[first][:90]}\n>gltX_empty|sp000\n\n>gltX_13|sp417\nMKV12LLAQ--ERT\n"
    (d / "gltX_bad.fa").write_text(text)
    (d / "kinA_trunc.fa").write_text(fasta(fams["PF_kinA"])[:2600])
    # a search database: new members of each family, random proteins, and a non-protein record
    db = {}
    for name, members in fams.items():
        base = next(iter(members.values()))
        for i in range(rng.randint(6, 12)):
            db[f"{name[3:]}_hit{i:02d}"] = mutant(rng, base, rng.uniform(0.2, 0.55))
    for i in range(420):
        db[f"rand_{i:04d}"] = protein(rng, rng.randint(80, 420))
    keys = list(db)
    rng.shuffle(keys)
    (d / "db.fa").write_text(fasta({k: db[k] for k in keys}))
    # genome, reads
    g = genome(rng)
    (d / "genome.fa").write_text(fasta(g, 70))
    (d / "genome_small.fa").write_text(fasta({"contig_3": g["contig_3"]}, 70))
    (d / "with_empty.fa").write_text(fasta(g, 70) + ">contig_4 empty\n>contig_5 gaps\n" + "N" * 140 + "\n")
    r1, r2 = reads(rng, {k: v for k, v in g.items() if k != "contig_3"}, 2500, rlen=100, err=0.012)
    (d / "s1_R1.fq").write_text(r1)
    (d / "s1_R2.fq").write_text(r2)
    n1 = r2.count("\n") // 4
    (d / "s2_R2_short.fq").write_text("".join(r2.splitlines(True)[: (n1 - 300) * 4]))
    # reads with an adapter read-through on a fifth of them, from a mutated genome (lower alignment rate)
    other = {k: "".join(c if rng.random() > 0.06 else rng.choice("ACGT") for c in v) for k, v in g.items()}
    a1, a2 = reads(rng, other, 1800, rlen=120, err=0.02, prefix="q")
    ad = "AGATCGGAAGAGCACACGTCTGAACTCCAGTCA"
    lines = a1.splitlines(True)
    for i in range(1, len(lines), 4):
        if rng.random() < 0.2:
            cut = rng.randint(40, 100)
            lines[i] = (lines[i][:cut] + ad + "ATCTCGTATGCCGTCTTCTGCTTG" * 4)[:120] + "\n"
    (d / "s3_R1.fq").write_text("".join(lines))
    (d / "s3_R2.fq").write_text(a2)
    (d / "s3_R1_trunc.fq").write_text("".join(lines)[: 250_000 + 37])
    amp, derep = amplicons(rng)
    (d / "amplicons.fa").write_text(amp)
    (d / "derep.fa").write_text(derep)
    (d / "done").write_text("")
    return d


# ------------------------------------------------------------------ the extractors (NEEDLES.md "Round 245")

MORE_ERR = re.compile(r"FATAL:|Fatal error|Fatal Error|\(ERR\)|Error reading|Failed to|Could not|^\s*Aborted|"
                      r"Floating point exception|Discarding invalid|terminate called|^Error\b|too long|"
                      r"[Pp]arse (error|failed)|illegal character")
LOCATION = re.compile(r"\b[Ll]ine \d+")
MORE_WARN = re.compile(r"^WARNNIG:")  # fastp's own spelling


def diag245(lines: list[str]) -> list:
    """Round 201's diag, widened to these tools' own error spellings, with a location line (`line N`) within the next
    six lines of such an error (rule 1), and fastp's `WARNNIG:` warnings one {"any"} per shape."""
    out = diag(lines)
    for i, ln in enumerate(lines):
        if MORE_ERR.search(ln):
            out.append(ln)
            out += [x for x in lines[i:i + 7] if LOCATION.search(x)][:1]
    out += cm.groups((cm.mask(ln), ln) for ln in lines if MORE_WARN.search(ln))
    return out


def first_last(xs: list, limit: int = 40, k: int = 5) -> list:
    return xs if len(xs) <= limit else xs[:k] + xs[-k:]


HMMBUILD_ROW = re.compile(r"^\d+\s+\S+\s+\d+\s+\d+\s+\d+\s+[\d.]+")


@cm.kind("hmmbuild-log", "table")
def n_hmmbuild_log(lines):
    """The `# idx name nseq …` header, every model row, the `# CPU time` line, errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("# idx")]
    out += [ln for ln in lines if HMMBUILD_ROW.match(ln)]
    out += [ln for ln in lines if ln.startswith("# CPU time")]
    return out + diag245(lines)


def _hmm_rows(lines, ncols):
    return [(ln, ln.split()) for ln in lines if ln.strip() and not ln.startswith("#") and len(ln.split()) >= ncols
            and not ln.startswith("EXIT=")]


@cm.kind("hmmsearch-tblout", "table")
def n_hmmsearch_tblout(lines):
    """`# target name` header; every hit row (<=40) else the first 20 and rule 4 on the rest (query; E-value, score); the file lines; errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("# target name")]
    out += [ln for ln in lines if ln.startswith(("# Target file:", "# Query file:"))]
    rows = [(ln, c) for ln, c in _hmm_rows(lines, 18) if re.match(r"^[\d.e+-]+$", c[4])]
    if len(rows) <= 40:
        out += [ln for ln, _ in rows]
    else:
        out += [ln for ln, _ in rows[:20]]
        rest = [(ln, {"query": c[2], "evalue": c[4], "score": c[5]}) for ln, c in rows[20:]]
        out += capped_rule4(rest, cat=("query",), nums=("evalue", "score"))
    return out + diag245(lines)


@cm.kind("hmmsearch-domtblout", "table")
def n_hmmsearch_domtblout(lines):
    """`# target name` header; domain rows with i-Evalue <= 1e-5 (<=40, else the first 20); rule 4 on all rows (query; i-Evalue, score, env from/to); errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("# target name")]
    rows = [(ln, c) for ln, c in _hmm_rows(lines, 22) if re.match(r"^[\d.e+-]+$", c[12])]
    strong = [ln for ln, c in rows if float(c[12]) <= 1e-5]
    out += strong if len(strong) <= 40 else strong[:20]
    recs = [(ln, {"query": c[3], "ievalue": c[12], "score": c[13], "env_from": c[19], "env_to": c[20]})
            for ln, c in rows]
    out += capped_rule4(recs, cat=("query",), nums=("ievalue", "score", "env_from", "env_to"))
    return out + diag245(lines)


def n_hmmer_report(lines):
    """Query lines; per query the score rows above the inclusion threshold (<=20), the threshold / no-hits lines; `>>` headers (<=20); domZ and MSV-filter lines; [ok]; errors, EXIT."""
    out: list = []
    doms: list = []
    state, taken = "", 0
    for ln in lines:
        if ln.startswith("Query:"):
            out.append(ln)
        elif "Scores for complete sequence" in ln:
            state, taken = "head", 0
        elif state == "head" and re.match(r"^\s+-------", ln):
            state = "rows"
        elif state == "rows":
            if not ln.strip():
                state = ""
            elif "inclusion threshold" in ln:
                out.append(ln)
                state = ""
            elif taken < 20:
                out.append(ln)
                taken += 1
        if "[No hits detected that satisfy reporting thresholds]" in ln:
            out.append(ln)
        if ln.startswith(">> "):
            doms.append(ln)
        if ln.startswith(("Domain search space", "Passed MSV filter:")) or ln.strip() == "[ok]":
            out.append(ln)
    return out + doms[:20] + diag245(lines)


n_hmmsearch_report = cm.named("hmmsearch-report", "log", n_hmmer_report.__doc__, n_hmmer_report)
n_hmmscan_report = cm.named("hmmscan-report", "log", n_hmmer_report.__doc__, n_hmmer_report)

ALN_ROW = re.compile(r"^(\S+)\s+[A-Za-z*.\-]+(\s+\d+)?$")


@cm.kind("msa-clustal", "code")
def n_msa_clustal(lines):
    """The CLUSTAL header; the first block's line of every sequence (<=40, else first/last 5); the last block's lines; errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("CLUSTAL")]
    rows = [ln for ln in lines if ALN_ROW.match(ln) and not ln.startswith(("CLUSTAL", "EXIT="))]
    blocks: list[list[str]] = []
    first = None
    for ln in rows:
        name = ln.split()[0]
        if first is None:
            first = name
        if name == first:
            blocks.append([])
        blocks[-1].append(ln)
    if blocks:
        out += first_last(blocks[0])
        out += blocks[-1] if len(blocks) > 1 else []
    return out + diag245(lines)


@cm.kind("msa-fasta", "code")
def n_msa_fasta(lines):
    """Every `>` header (<=40, else the first and last 5); errors, EXIT."""
    return first_last([ln for ln in lines if ln.startswith(">")]) + diag245(lines)


def last_with(lines, word):
    hits = [ln for ln in lines if word in ln]
    return hits[-1:]


@cm.kind("clustalo-log", "log")
def n_clustalo_log(lines):
    """`Read N sequences`, `Using N threads`, the last Guide-tree / Progressive alignment progress line; errors, warnings, EXIT."""
    out: list = [ln for ln in lines if re.search(r"Read \d+ sequences|Using \d+ threads", ln)]
    out += last_with(lines, "Guide-tree") + last_with(lines, "Progressive alignment")
    return out + diag245(lines)


MUSCLE_PROG = re.compile(r"^\d\d:\d\d\s+\S+\s+[\d.]+%\s+(.+?)\s*$")


@cm.kind("muscle-log", "log")
def n_muscle_log(lines):
    """The `muscle 5.` version line, `Input:`, the last line of each progress stage, `Writing`; errors (ERROR, Invalid), warnings, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("muscle 5")][:1]
    out += [ln for ln in lines if ln.startswith(("Input:", "Writing"))]
    last: dict[str, str] = {}
    for ln in lines:
        m = MUSCLE_PROG.match(ln)
        if m:
            last[re.sub(r"\s*\(\d+/\d+\)", "", m.group(1))] = ln
    out += list(last.values())
    out += [ln for ln in lines if "Invalid" in ln]
    return out + diag245(lines)


@cm.kind("mafft-log", "log")
def n_mafft_log(lines):
    """nseq / distance lines, `Strategy:` and the line after, the last STEP line of each pass, `done.`; errors, warnings, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^\s*(nseq|distance)\s*=", ln)]
    for i, ln in enumerate(lines):
        if ln.startswith("Strategy:"):
            out += [ln] + lines[i + 1:i + 2]
        if ln.strip().startswith("STEP") and not (i + 1 < len(lines) and lines[i + 1].strip().startswith("STEP")):
            out.append(ln)
        if ln.strip() == "done.":
            out.append(ln)
    return out + diag245(lines)


def _gff_rows(lines):
    rows = []
    for ln in lines:
        c = ln.split("\t")
        if len(c) >= 9 and c[2] == "CDS":
            rows.append((ln, {"seqid": c[0], "strand": c[6], "score": c[5], "attrs": c[8]}))
    return rows


@cm.kind("prodigal-gff", "table")
def n_prodigal_gff(lines):
    """`# Sequence Data:` and `# Model Data:` lines; rule 4 on CDS rows (seqid, strand; score); rows with partial!=00 or start_type!=ATG (<=40); errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith(("# Sequence Data:", "# Model Data:"))]
    rows = _gff_rows(lines)
    out += capped_rule4(rows, cat=("seqid", "strand"), nums=("score",))
    odd = [ln for ln, r in rows if "partial=00" not in r["attrs"] or "start_type=ATG" not in r["attrs"]]
    return out + odd[:40] + diag245(lines)


@cm.kind("prodigal-gbk", "table")
def n_prodigal_gbk(lines):
    """DEFINITION lines; partial CDS lines (< or >), complement( ones when under a fifth; first/last CDS of each record; errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("DEFINITION")]
    recs: list[list[str]] = []
    for ln in lines:
        if ln.startswith("DEFINITION"):
            recs.append([])
        elif re.match(r"^\s+CDS\s+", ln) and recs:
            recs[-1].append(ln)
    cds = [ln for r in recs for ln in r]
    out += [ln for ln in cds if "<" in ln or ">" in ln]
    comp = [ln for ln in cds if "complement(" in ln]
    if len(comp) * 5 < len(cds):
        out += comp
    for r in recs:
        out += r[:1] + r[-1:]
    return out + diag245(lines)


@cm.kind("prodigal-log", "log")
def n_prodigal_log(lines):
    """`Request:` lines, the training line, `Finding genes in sequence #N` lines (<=20, else first/last 5); errors, warnings, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("Request:") or ln.startswith("Training using")]
    out += first_last([ln for ln in lines if ln.startswith("Finding genes in sequence #")], 20)
    return out + diag245(lines)


@cm.kind("bowtie2-build-log", "log")
def n_bowtie2_build_log(lines):
    """`Output files:`, `len:`, `Total time for … driver()`, `Returning from initFromVector`, every `Warning:` line; errors, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^\s*(Output files:|len:)", ln)]
    out += [ln for ln in lines if ln.startswith("Total time for") and "driver()" in ln]
    out += [ln for ln in lines if ln.startswith("Returning from initFromVector")][:1]
    out += [ln for ln in lines if ln.startswith("Warning:")][:40]
    return out + diag245(lines)


BT2_KEYS = ("reads; of these:", "were paired", "were unpaired", "aligned concordantly", "aligned discordantly",
            "aligned 0 times", "exactly 1 time", ">1 times", "overall alignment rate")


@cm.kind("bowtie2-summary", "log")
def n_bowtie2_summary(lines):
    """The reads / paired / concordant / discordant / 0, 1, >1 times / overall alignment rate lines; errors, warnings, EXIT."""
    out: list = [ln for ln in lines if any(k in ln for k in BT2_KEYS)]
    out += [ln for ln in lines if "fewer reads in file" in ln or "does not exist or is not a Bowtie 2 index" in ln]
    return out + diag245(lines)


@cm.kind("seqtk-comp", "table")
def n_seqtk_comp(lines):
    """Rule 4 on the rows (length, A, C, G, T, N numeric); errors, EXIT."""
    rows = [r for r in tsv_rows(lines, ["name", "length", "A", "C", "G", "T", "d2", "d3", "N"])
            if r[1]["length"].isdigit()]
    return capped_rule4(rows, nums=("length", "A", "C", "G", "T", "N")) + diag245(lines)


@cm.kind("seqtk-fqchk", "table")
def n_seqtk_fqchk(lines):
    """`min_len:` line, `POS` header, `ALL` row, min/max rows of avgQ and %N; errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith(("min_len:", "POS\t", "ALL\t"))]
    names = ["pos", "bases", "A", "C", "G", "T", "N", "avgQ", "errQ", "low", "high"]
    rows = [r for r in tsv_rows(lines, names) if r[1]["pos"].isdigit()]
    out += capped_rule4(rows, nums=("avgQ", "N"))
    return out + diag245(lines)


VS_KEYS = re.compile(r"^(Clusters:|Singletons:|Matching unique query sequences:|Writing|Dereplicated|"
                     r"Found \d+ \(|Chimeras|Unique sequences|\d+ unique sequences)|nt in \d+ seqs, min|"
                     r"^vsearch v")


@cm.kind("vsearch-log", "log")
def n_vsearch_log(lines):
    """The version line, every `nt in N seqs` line, the Clusters / Singletons / Matching / Unique / Dereplicated / Chimeras / Writing lines; Fatal error / WARNING lines, EXIT."""
    out: list = [ln for ln in lines if VS_KEYS.search(ln)]
    out += [ln for ln in lines if "WARNING" in ln]
    return out + diag245(lines)


@cm.kind("vsearch-uc", "table")
def n_vsearch_uc(lines):
    """Rule 4 on the rows (type; cluster, size, identity), the C rows of the largest size, at most 40; errors, EXIT."""
    rows = [r for r in tsv_rows(lines, ["type", "cluster", "size", "ident", "strand", "a", "b", "cigar", "q", "t"])
            if r[1]["type"] in ("S", "H", "C", "N")]
    out = capped_rule4(rows, cat=("type",), nums=("cluster", "size", "ident"))
    cs = [(int(r["size"]), ln) for ln, r in rows if r["type"] == "C"]
    if cs:
        top = max(s for s, _ in cs)
        out += [ln for s, ln in cs if s == top]
    return out[:40] + diag245(lines)


@cm.kind("cdhit-log", "log")
def n_cdhit_log(lines):
    """total seq, longest and shortest, Total letters, the last `finished N clusters`, Total CPU time; errors, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^(total seq:|longest and shortest|Total letters|Total CPU time)", ln)]
    out += last_with(lines, "finished")
    return out + diag245(lines)


@cm.kind("cdhit-clstr", "table")
def n_cdhit_clstr(lines):
    """Representative lines (<=40, else first/last 5), the largest cluster's header, the lowest-identity member; errors, EXIT."""
    reps = [ln for ln in lines if ln.endswith("*")]
    out: list = first_last(reps)
    sizes: list[tuple[int, str]] = []
    for ln in lines:
        if ln.startswith(">Cluster"):
            sizes.append([0, ln])
        elif sizes and re.match(r"^\d+\t", ln):
            sizes[-1][0] += 1
    if sizes:
        out.append(max(sizes, key=lambda x: x[0])[1])
    ids = [(float(m.group(1)), ln) for ln in lines if (m := re.search(r"at (?:[+-]/)?([\d.]+)%$", ln))]
    if ids:
        out.append(min(ids)[1])
    return out + diag245(lines)


@cm.kind("fastp-log", "log")
def n_fastp_log(lines):
    """total reads / bases / Q30 of the first before- and after-filtering blocks, Filtering result lines, Duplication rate, Insert size peak, version, time used; errors, warnings, EXIT."""
    out: list = []
    for tag in ("before filtering:", "after filtering:"):
        idx = next((i for i, ln in enumerate(lines) if tag in ln), None)
        if idx is not None:
            out += [ln for ln in lines[idx + 1:idx + 9] if ln.startswith(("total reads:", "total bases:", "Q30 bases:"))]
    i = next((i for i, ln in enumerate(lines) if ln.startswith("Filtering result:")), None)
    if i is not None:
        out += [ln for ln in lines[i + 1:i + 12] if re.match(r"^(reads |bases )", ln)]
    out += [ln for ln in lines if re.match(r"^reads (passed filter|failed due to|with adapter trimmed)", ln)]
    out += [ln for ln in lines if ln.startswith(("Duplication rate", "Insert size peak", "fastp v", "time used"))]
    return out + diag245(lines)


# ------------------------------------------------------------------ the captures

def prep_alignments(d: Path) -> None:
    """Stockholm alignments of the four families (Clustal Omega), joined with #=GF ID for hmmbuild; a family set with
    the database's hits for the larger alignments."""
    if (d / "fams.hmm").exists():
        return
    for name, _, _ in FAMILIES:
        cm.run(f"nice clustalo -i {name}.fa --outfmt=st -o {name}.sto --force --threads=1", cwd=d)
        cm.run(f"sed '1a #=GF ID {name}' {name}.sto >> all.sto", cwd=d)
    cm.run("nice hmmbuild --cpu 1 fams.hmm all.sto > /dev/null && hmmpress fams.hmm > /dev/null", cwd=d)
    db = (d / "db.fa").read_text().split(">")[1:]
    kin_hits = "".join(">" + r for r in db if r.startswith("kinA_hit"))
    (d / "kin_plus.fa").write_text((d / "PF_kinA.fa").read_text() + kin_hits)
    (d / "gltX_hits.fa").write_text("".join(">" + r for r in db if r.startswith(("gltX_hit", "rmlD_hit0"))))
    (d / "all_fams.fa").write_text("".join((d / f"{name}.fa").read_text() for name, _, _ in FAMILIES))


def cap_hmmer(tmp: Path) -> None:
    d = stage(tmp)
    prep_alignments(d)
    cap("hmmbuild-four-families", "hmmbuild --cpu 1 fams2.hmm all.sto", d, n_hmmbuild_log)
    cap("hmmbuild-loop-echo-exit", "for f in PF_abcT.sto PF_rmlD.sto kinA_trunc.fa; do hmmbuild --cpu 1 one.hmm $f; "
        "echo EXIT=$?; done", d, n_hmmbuild_log)
    cap("hmmsearch-tblout-max-e10", "hmmsearch --cpu 1 --max -E 10 --tblout wide.tbl fams.hmm db.fa > /dev/null && "
        "cat wide.tbl", d, n_hmmsearch_tblout)
    cap("hmmscan-tblout-gltx-hits", "hmmscan --cpu 1 --tblout scan.tbl fams.hmm gltX_hits.fa > /dev/null; "
        "cat scan.tbl", d, n_hmmsearch_tblout)
    cap("hmmsearch-domtblout-cat", "hmmsearch --cpu 1 --domtblout dom.tbl fams.hmm db.fa > /dev/null; cat dom.tbl", d,
        n_hmmsearch_domtblout)
    cap("hmmsearch-domtblout-sorted-head", "hmmsearch --cpu 1 -E 10 --domtblout dom10.tbl fams.hmm db.fa > /dev/null; "
        "grep -v '^#' dom10.tbl | sort -k13,13g | head -n 60", d, n_hmmsearch_domtblout)
    cap("hmmsearch-report-full", "hmmsearch --cpu 1 fams.hmm db.fa", d, n_hmmsearch_report)
    cap("hmmsearch-report-noali-head", "hmmsearch --cpu 1 --noali -E 1e-3 fams.hmm db.fa | head -n 100", d,
        n_hmmsearch_report)
    cap("hmmsearch-bad-fasta-echo-exit", "hmmsearch --cpu 1 fams.hmm gltX_bad.fa; echo EXIT=$?", d, n_hmmsearch_report)
    cap("hmmscan-report-noali", "hmmscan --cpu 1 --noali fams.hmm gltX_hits.fa", d, n_hmmscan_report)
    cap("hmmscan-report-full-kin-plus", "hmmscan --cpu 1 fams.hmm kin_plus.fa", d, n_hmmscan_report)


def cap_msa(tmp: Path) -> None:
    d = stage(tmp)
    prep_alignments(d)
    cap("clustalo-clustal-kina", "clustalo -i PF_kinA.fa --outfmt=clu --threads=1", d, n_msa_clustal)
    cap("clustalo-clustal-kin-plus-resno", "clustalo -i kin_plus.fa --outfmt=clu --wrap=80 --resno --threads=1", d,
        n_msa_clustal)
    cap("mafft-clustalout-head-100", "mafft --clustalout --thread 1 PF_rmlD.fa 2>/dev/null | head -n 100", d,
        n_msa_clustal)
    cap("muscle-afa-cat", "muscle -align PF_abcT.fa -output abcT.afa -threads 1 2>/dev/null; cat abcT.afa", d,
        n_msa_fasta)
    cap("mafft-auto-fasta", "mafft --auto --thread 1 PF_gltX.fa 2>/dev/null", d, n_msa_fasta)
    cap("clustalo-bad-fasta-echo-exit", "clustalo -i gltX_bad.fa -o bad.aln --force -v -v --threads=1; echo EXIT=$?; "
        "clustalo -i gltX_bad.fa -v --threads=1; echo EXIT=$?", d, n_clustalo_log)
    cap("clustalo-all-fams-missing", "clustalo -i all_fams.fa -o all.aln -v -v --force --threads=1 "
        "--guidetree-out=all.dnd; "
        "clustalo -i PF_kinB.fa -o kinB.aln; echo EXIT=$?", d, n_clustalo_log)
    cap("muscle-bad-fasta-echo-exit", "muscle -align gltX_bad.fa -output bad.afa -threads 1; echo EXIT=$?; "
        "muscle -align PF_gltX.fa -output gltX.afa -threads 1; echo EXIT=$?", d,
        n_muscle_log)
    cap("muscle-super5-all-echo-exit", "muscle -super5 all_fams.fa -output all5.afa -threads 1; "
        "muscle -super5 kinA_trunc.fa -output t5.afa -threads 1; echo EXIT=$?", d,
        n_muscle_log)
    cap("mafft-linsi-log", "mafft --localpair --maxiterate 100 --thread 1 PF_rmlD.fa > rmlD.linsi.afa", d, n_mafft_log)
    cap("mafft-bad-fasta-echo-exit", "mafft --thread 1 gltX_bad.fa > bad.mafft.afa; echo EXIT=$?", d, n_mafft_log)


def cap_genes(tmp: Path) -> None:
    d = stage(tmp)
    cap("prodigal-gff-genome", "prodigal -i genome.fa -f gff -q", d, n_prodigal_gff)
    cap("prodigal-gbk-genome", "prodigal -i genome.fa -q", d, n_prodigal_gbk)
    cap("prodigal-gbk-meta-empty", "prodigal -i with_empty.fa -p meta -q 2>&1 | grep -E '^(DEFINITION|     CDS)'", d,
        n_prodigal_gbk)
    cap("prodigal-log-genome", "prodigal -i genome.fa -o genes.gff -f gff -a prot.faa", d, n_prodigal_log)
    cap("prodigal-log-small-then-meta", "prodigal -i genome_small.fa -o x.gbk; echo EXIT=$?; "
        "prodigal -i with_empty.fa -p meta -o y.gbk", d, n_prodigal_log)


def cap_reads(tmp: Path) -> None:
    d = stage(tmp)
    cm.run("nice bowtie2-build --threads 1 genome.fa gidx > /dev/null 2>&1", cwd=d)
    cap("bowtie2-build-empty-whole", "bowtie2-build --threads 1 with_empty.fa eidx2; echo EXIT=$?", d,
        n_bowtie2_build_log)
    cap("bowtie2-build-empty-grep", "bowtie2-build --threads 1 with_empty.fa eidx 2>&1 | "
        "grep -iE 'warn|error|len:|total time|output files'", d, n_bowtie2_build_log)
    cap("bowtie2-mismatched-pairs-echo-exit", "bowtie2 -p 1 -x gidx -1 s1_R1.fq -2 s2_R2_short.fq -S s2.sam; "
        "echo EXIT=$?; bowtie2 -p 1 --local -x gidx -1 s1_R1.fq -2 s1_R2.fq -S s2.sam; echo EXIT=$?", d,
        n_bowtie2_summary)
    cap("bowtie2-unpaired-missing-index", "bowtie2 -p 1 -x gidx -U s3_R1.fq -S u1.sam; "
        "bowtie2 -p 1 -x gidx -U s3_R1.fq,s3_R1_trunc.fq -S u.sam; echo EXIT=$?; "
        "bowtie2 -p 1 -x genome -U s1_R1.fq -S g.sam; echo EXIT=$?", d, n_bowtie2_summary)
    cap("seqtk-comp-reads-head-150", "seqtk comp s3_R1.fq | head -n 150", d, n_seqtk_comp)
    cap("seqtk-comp-amplicons", "seqtk comp derep.fa | sort -k2,2n | tail -n 120", d, n_seqtk_comp)
    cap("seqtk-fqchk-s3", "seqtk fqchk s3_R1.fq", d, n_seqtk_fqchk)
    cap("seqtk-fqchk-trunc-echo-exit", "seqtk fqchk -q 20 s3_R1_trunc.fq; echo EXIT=$?", d, n_seqtk_fqchk)
    cap("fastp-paired-adapters", "fastp -i s3_R1.fq -I s3_R2.fq -o o1.fq -O o2.fq -w 1 -j s3.json -h s3.html", d,
        n_fastp_log)
    cap("fastp-mismatched-echo-exit", "fastp -i s1_R1.fq -I s2_R2_short.fq -o m1.fq -O m2.fq -w 1 -j m.json -h m.html; "
        "echo EXIT=$?", d, n_fastp_log)


def cap_cluster(tmp: Path) -> None:
    d = stage(tmp)
    cap("vsearch-cluster-size", "vsearch --threads 1 --cluster_size amplicons.fa --id 0.97 --centroids cent.fa "
        "--uc clusters.uc; vsearch --threads 1 --usearch_global amplicons.fa --db cent.fa --id 0.97 "
        "--otutabout otu.tsv", d, n_vsearch_log)
    cap("vsearch-derep-uchime", "vsearch --derep_fulllength amplicons.fa --output derep2.fa --sizeout; "
        "vsearch --uchime_denovo derep.fa --nonchimeras nc.fa --chimeras ch.fa", d, n_vsearch_log)
    cap("vsearch-uc-clusters-only", "vsearch --threads 1 --cluster_fast amplicons.fa --id 0.99 --uc fast.uc "
        "--quiet; grep -vE '^H' fast.uc", d, n_vsearch_uc)
    cap("cdhit-protein-60", "cd-hit -i db.fa -o nr60 -c 0.6 -n 4 -T 1 -M 500", d, n_cdhit_log)
    cap("cdhit-bad-fasta-echo-exit", "cd-hit -i gltX_bad.fa -o bad90 -c 0.9 -T 1 -M 200; echo EXIT=$?", d,
        n_cdhit_log)
    cap("cdhit-clstr-nr60", "cat nr60.clstr", d, n_cdhit_clstr)
    cap("cdhit-est-clstr-amp99", "cd-hit-est -i amplicons.fa -o amp99 -c 0.99 -n 10 -T 1 -M 500 -d 0 > /dev/null; "
        "cat amp99.clstr", d, n_cdhit_clstr)
    cap("vsearch-uc-cat-all", "cat clusters.uc", d, n_vsearch_uc)


STEPS = [cap_hmmer, cap_msa, cap_genes, cap_reads, cap_cluster]
