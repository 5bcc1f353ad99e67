"""Round 201: samtools, bcftools, bedtools, bwa, minimap2 and seqkit over seeded random genomes and reads of the round's
own (errors put in), with the extractors of NEEDLES.md's "Round 201" rules. Run through capture_wide201.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_wide201 import add, cap, capped_rule4, diag, exit_lines, tsv_rows

# ------------------------------------------------------------------ data of the round's own

CHROMS = [("chr1", 48_000), ("chr2", 31_000), ("chr3", 17_500), ("chrM", 6_200)]
COMP = str.maketrans("ACGTN", "TGCAN")


def genome(rng: random.Random) -> dict[str, str]:
    g = {}
    for name, n in CHROMS:
        # a GC-rich stretch and a low-complexity repeat make depth and mapping quality uneven
        s = [rng.choice("ACGT") for _ in range(n)]
        a = rng.randrange(n // 4, n // 2)
        for i in range(a, a + 1500):
            s[i] = rng.choice("GGCCGCA")
        b = rng.randrange(n // 2, n - 2000)
        s[b:b + 900] = list(("CAGT" * 300)[:900])
        g[name] = "".join(s)
    return g


def mutate(rng: random.Random, g: dict[str, str]) -> tuple[dict[str, str], list]:
    """A sample genome: SNPs and short indels at seeded places; returns it and the truth (chrom, pos, ref, alt)."""
    out, truth = {}, []
    for name, seq in g.items():
        s = list(seq)
        pos = sorted(rng.sample(range(200, len(seq) - 200), len(seq) // 300))
        for p in reversed(pos):
            r = rng.random()
            if r < 0.75:
                alt = rng.choice([c for c in "ACGT" if c != s[p]])
                truth.append((name, p + 1, s[p], alt))
                s[p] = alt
            elif r < 0.88:
                ins = "".join(rng.choice("ACGT") for _ in range(rng.randint(1, 6)))
                truth.append((name, p + 1, s[p], s[p] + ins))
                s[p] = s[p] + ins
            else:
                k = rng.randint(1, 5)
                truth.append((name, p + 1, "".join(s[p:p + k + 1]), s[p]))
                del s[p + 1:p + k + 1]
        out[name] = "".join(s)
    return out, truth


def fasta(seqs: dict[str, str], width: int = 60, desc: dict | None = None) -> str:
    parts = []
    for name, s in seqs.items():
        head = f">{name}" + (f" {desc[name]}" if desc and name in desc else "")
        parts.append(head + "\n" + "\n".join(s[i:i + width] for i in range(0, len(s), width)))
    return "\n".join(parts) + "\n"


def reads(rng: random.Random, g: dict[str, str], n_pairs: int, rlen: int = 100, err: float = 0.01,
          prefix: str = "r") -> tuple[str, str]:
    """Paired FASTQ (insert ~300 bp) with substitution errors and a quality drop towards the 3' end."""
    names = list(g)
    weights = [len(g[c]) for c in names]
    q1, q2 = [], []
    for i in range(n_pairs):
        c = rng.choices(names, weights)[0]
        s = g[c]
        ins = max(rlen + 20, int(rng.gauss(300, 30)))
        a = rng.randrange(0, len(s) - ins)
        frag = s[a:a + ins]
        r1, r2 = frag[:rlen], frag[-rlen:].translate(COMP)[::-1]
        for q, r in ((q1, r1), (q2, r2)):
            seq, qual = [], []
            for k, b in enumerate(r):
                e = err * (1 + 3 * k / rlen)
                if rng.random() < e:
                    b = rng.choice([x for x in "ACGT" if x != b])
                    qual.append(chr(33 + rng.randint(5, 20)))
                else:
                    qual.append(chr(33 + max(2, 38 - k // 8 - rng.randint(0, 4))))
                seq.append(b)
            q.append(f"@{prefix}{i:06d}/{1 if q is q1 else 2}\n{''.join(seq)}\n+\n{''.join(qual)}\n")
    return "".join(q1), "".join(q2)


def beds(rng: random.Random, n: int, names: bool = True, sort: bool = True) -> str:
    rows = []
    for i in range(n):
        c, ln = rng.choice(CHROMS)
        a = rng.randrange(0, ln - 2000)
        b = a + rng.randint(50, 1800)
        row = [c, str(a), str(b)]
        if names:
            row += [rng.choice(["exon", "exon", "exon", "exon", "utr", "promoter"]) + f"_{i:04d}",
                    str(rng.randint(0, 1000)), rng.choice("++++-")]
        rows.append(row)
    if sort:
        rows.sort(key=lambda r: (r[0], int(r[1])))
    return "".join("\t".join(r) + "\n" for r in rows)


def stage(tmp: Path) -> Path:
    """The round's project (made once): reference, sample reads, alignments, variant calls, intervals, bad files."""
    d = tmp / "seqlab"
    if (d / "ready").exists():
        return d
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(201)
    ref = genome(rng)
    sample, truth = mutate(rng, ref)
    (d / "ref.fa").write_text(fasta(ref))
    f1, f2 = reads(rng, sample, 9000)
    (d / "s1_R1.fq").write_text(f1)
    (d / "s1_R2.fq").write_text(f2)
    # a second library at low coverage, and one whose third chromosome is missing (a contaminated run)
    g2 = {k: v for k, v in sample.items() if k != "chr3"}
    f1, f2 = reads(rng, g2, 2500, err=0.03, prefix="t")
    (d / "s2_R1.fq").write_text(f1)
    (d / "s2_R2.fq").write_text(f2)
    # a FASTQ with faults put in: one record's quality shorter than its sequence, one header without '@'
    bad = reads(rng, sample, 400, prefix="b")[0].split("\n")
    bad[4 * 120 + 3] = bad[4 * 120 + 3][:-7]
    bad[4 * 260] = bad[4 * 260].lstrip("@")
    (d / "bad_R1.fq").write_text("\n".join(bad))
    (d / "truth.tsv").write_text("".join(f"{c}\t{p}\t{r}\t{a}\n" for c, p, r, a in truth))
    (d / "targets.bed").write_text(beds(rng, 420))
    (d / "peaks.bed").write_text(beds(rng, 260, names=False))
    (d / "unsorted.bed").write_text(beds(rng, 300, sort=False))
    mixed = beds(rng, 200).split("\n")
    for k in (40, 41, 150):
        mixed[k] = mixed[k].replace("chr", "", 1)
    (d / "mixed_names.bed").write_text("\n".join(mixed))
    (d / "genome.txt").write_text("".join(f"{c}\t{n}\n" for c, n in CHROMS))
    sh = """set -e
samtools faidx ref.fa
bwa index ref.fa 2> bwa_index.log
for s in s1 s2; do
  bwa mem -t 2 -R "@RG\\tID:$s\\tSM:$s\\tPL:ILLUMINA" ref.fa ${s}_R1.fq ${s}_R2.fq 2> ${s}_mem.log \
    | samtools sort -o $s.bam - 2>/dev/null
  samtools index $s.bam
done
samtools markdup -s s1.bam s1.md.bam 2>/dev/null || cp s1.bam s1.md.bam
bcftools mpileup -a AD,DP -f ref.fa s1.bam s2.bam 2>/dev/null | bcftools call -mv -Oz -o calls.vcf.gz 2>/dev/null
bcftools index calls.vcf.gz
bcftools view calls.vcf.gz > calls.vcf
head -c 150000 s1.bam > s1.trunc.bam
samtools view -h s1.bam | head -n 400 > s1.small.sam
"""
    (d / "prep.sh").write_text(sh)
    log = run("nice bash prep.sh", cwd=d, timeout=900)
    cm.note(f"seqlab prep: {log[-300:]!r}")
    # a malformed SAM: a read with a CIGAR longer than its sequence, a non-numeric POS, a missing column
    sam = (d / "s1.small.sam").read_text().split("\n")
    body = [i for i, ln in enumerate(sam) if ln and not ln.startswith("@")]
    for k, fix in ((40, lambda c: c.__setitem__(5, "150M")), (120, lambda c: c.__setitem__(3, "12x4")),
                   (200, lambda c: c.pop(9))):
        cells = sam[body[k]].split("\t")
        fix(cells)
        sam[body[k]] = "\t".join(cells)
    (d / "broken.sam").write_text("\n".join(sam))
    # a VCF with faults: a REF that does not match the reference, a record out of order, a bad QUAL
    vcf = (d / "calls.vcf").read_text().split("\n")
    recs = [i for i, ln in enumerate(vcf) if ln and not ln.startswith("#")]
    for k in recs[5:len(recs):9]:
        c = vcf[k].split("\t")
        if len(c[3]) == 1:
            c[3] = {"A": "G", "C": "T", "G": "A", "T": "C"}.get(c[3], "N")
            vcf[k] = "\t".join(c)
    (d / "ref_mismatch.vcf").write_text("\n".join(vcf))
    broken = list(vcf)
    c = broken[recs[30]].split("\t")
    c[5] = "high"
    broken[recs[30]] = "\t".join(c)
    c = broken[recs[44]].split("\t")
    broken[recs[44]] = "\t".join(c[:6])
    (d / "broken.vcf").write_text("\n".join(broken))
    (d / "ready").write_text("")
    return d


# ------------------------------------------------------------------ extractors

SAM_COLS = ["qname", "flag", "rname", "pos", "mapq", "cigar"]


@cm.kind("samtools-view", "table")
def n_samtools_view(lines):
    """@SQ (at most 40), @RG and @PG lines, rule 4 on the reads (FLAG, RNAME categorical; POS, MAPQ numeric), error lines, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("@SQ")][:40]
    out += [ln for ln in lines if ln.startswith(("@RG", "@PG"))]
    rows = [r for r in tsv_rows(lines, SAM_COLS) if r[1]["flag"].isdigit()]
    out += capped_rule4(rows, cat=("flag", "rname"), nums=("pos", "mapq"))
    return out + diag(lines)


@cm.kind("samtools-flagstat", "table")
def n_samtools_flagstat(lines):
    """The loop's file headers, each report's in total / primary mapped / mapped ( / properly paired / singletons / different chr lines, errors, EXIT."""
    keys = ("in total", "primary mapped", "mapped (", "properly paired", "singletons", "with mate mapped to a different chr")
    out: list = [ln for ln in lines if ln.startswith("==")]
    out += [ln for ln in lines if any(k in ln for k in keys) and "mapQ>=5" not in ln]
    return out + diag(lines)


SN_KEYS = ("raw total sequences", "reads mapped:", "reads unmapped", "reads properly paired", "reads duplicated",
           "reads MQ0", "error rate", "average length", "average quality", "insert size average",
           "insert size standard deviation")


@cm.kind("samtools-stats", "table")
def n_samtools_stats(lines):
    """The SN lines of the totals, error rate, lengths, qualities and insert size; the produced-by line; errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("SN") and any(k in ln for k in SN_KEYS)]
    if not any(ln.startswith("SN") for ln in lines):  # `| grep ^SN | cut -f 2-` drops the SN column
        out += [ln for ln in lines if any(ln.startswith(k) for k in SN_KEYS)]
    out += [ln for ln in lines if ln.startswith("# This file was produced by samtools stats")]
    return out + diag(lines)


@cm.kind("samtools-idxstats", "table")
def n_samtools_idxstats(lines):
    """Rule 4 on the idxstats table (length, mapped, unmapped numeric), the * row, errors, EXIT."""
    rows = [r for r in tsv_rows(lines, ["name", "length", "mapped", "unmapped"]) if r[1]["length"].isdigit()]
    out = capped_rule4(rows, nums=("length", "mapped", "unmapped"))
    out += [ln for ln, r in rows if r["name"] == "*"]
    return out + diag(lines)


@cm.kind("samtools-depth", "table")
def n_samtools_depth(lines):
    """First and last row, the min and max row of each depth column, errors, EXIT."""
    rows = []
    for ln in lines:
        c = ln.split("\t")
        if len(c) >= 3 and c[1].isdigit() and all(x.isdigit() for x in c[2:]):
            rows.append((ln, {f"d{i}": int(x) for i, x in enumerate(c[2:])}))
    out: list = [rows[0][0], rows[-1][0]] if rows else []
    for col in (rows[0][1] if rows else {}):
        vals = [r[col] for _, r in rows]
        for v in (min(vals), max(vals)):
            out.append(next(ln for ln, r in rows if r[col] == v))
    return out + diag(lines)


@cm.kind("samtools-faidx", "table")
def n_samtools_faidx(lines):
    """Every > header (at most 40, else first and last 5), the .fai rows (at most 40, else rule 4), errors, EXIT."""
    heads = [ln for ln in lines if ln.startswith(">")]
    out: list = heads if len(heads) <= 40 else heads[:5] + heads[-5:]
    fai = [r for r in tsv_rows(lines, ["name", "length", "offset", "linebases", "linewidth"]) if r[1]["length"].isdigit()]
    if not fai:
        fai = [r for r in tsv_rows(lines, ["name", "length"]) if r[1]["length"].isdigit()]
    out += [ln for ln, _ in fai] if len(fai) <= 40 else capped_rule4(fai, nums=("length",))
    return out + diag(lines)


VCF_COLS = ["chrom", "pos", "id", "ref", "alt", "qual", "filter"]


@cm.kind("bcftools-view", "table")
def n_bcftools_view(lines):
    """##contig (at most 40) and #CHROM lines, rule 4 on records (FILTER, REF, ALT categorical; POS, QUAL numeric), errors, EXIT."""
    out: list = [ln for ln in lines if ln.startswith("##contig")][:40]
    out += [ln for ln in lines if ln.startswith("#CHROM")]
    rows = [r for r in tsv_rows(lines, VCF_COLS) if r[1]["pos"].isdigit()]
    out += capped_rule4(rows, cat=("filter", "ref", "alt"), nums=("pos", "qual"))
    return out + diag(lines)


@cm.kind("bcftools-stats", "table")
def n_bcftools_stats(lines):
    """Every SN line, every TSTV data line, the produced-by and command-line lines, errors, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^(SN|TSTV)\t", ln)]
    out += [ln for ln in lines if ln.startswith(("# This file was produced by bcftools stats", "# The command line was:"))]
    return out + diag(lines)


@cm.kind("bcftools-norm", "log")
def n_bcftools_norm(lines):
    """REF_MISMATCH / Reference allele mismatch lines (each when at most 30, else one any), error lines, the Lines total/split line, EXIT."""
    mm = [ln for ln in lines if "REF_MISMATCH" in ln or "Reference allele mismatch" in ln]
    out: list = mm if len(mm) <= 30 else [cm.any_of(mm)]
    out += [ln for ln in lines if ln.startswith("Lines ") and "total/" in ln]
    return out + diag([ln for ln in lines if ln not in mm])


@cm.kind("bcftools-query", "table")
def n_bcftools_query(lines):
    """Rule 4 on the query's rows (its -H header; low-cardinality columns categorical, numeric ones numeric), errors, EXIT."""
    body = [ln for ln in lines if ln.strip() and not re.match(r"^(#|\[|EXIT=|Error|Failed)", ln)]
    header = [ln for ln in lines if ln.startswith("#")][:1]
    if not body:
        return header + diag(lines)
    sep = "\t" if all("\t" in ln for ln in body) else None  # a -f format without tabs splits on blanks
    width = min(len(ln.split(sep)) for ln in body)
    names = [f"c{i}" for i in range(width)]
    rows = tsv_rows(body, names, sep=sep, skip=r"^$")
    nums = [c for c in names if all(re.fullmatch(r"-?[\d.e+]+", r[c]) for _, r in rows)]
    cats = [c for c in names if c not in nums and len({r[c] for _, r in rows}) <= max(12, len(rows) // 10)]
    return header + capped_rule4(rows, cat=cats, nums=nums) + diag(lines)


@cm.kind("bedtools-intervals", "table")
def n_bedtools(lines):
    """Rule 4 on the BED rows (chrom, name/strand categorical; start, end, counts numeric), error lines with the record after, errors, EXIT."""
    body = [ln for ln in lines if re.match(r"^\S+\t\d+\t\d+", ln)]
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"out of order record|is not sorted|inconsistent naming convention", ln) and i + 1 < len(lines):
            out.append(lines[i + 1])
    if body:
        width = min(len(ln.split("\t")) for ln in body)
        names = ["chrom", "start", "end"] + [f"c{i}" for i in range(3, width)]
        rows = tsv_rows(body, names, skip=r"^$")
        nums = ["start", "end"] + [c for c in names[3:] if all(re.fullmatch(r"-?[\d.]+", r[c]) for _, r in rows)]
        cats = ["chrom"] + [c for c in names[3:] if c not in nums and len({r[c] for _, r in rows}) <= 12]
        out += capped_rule4(rows, cat=cats, nums=nums)
    return out + diag(lines)


@cm.kind("bwa-log", "log")
def n_bwa_log(lines):
    """[main] Version/CMD/Real time, [bwa_index] step times, first and last [M::process] read lines, mem_pestat mean/skip lines, errors, warnings, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^\[main\] (Version|CMD|Real time)", ln)]
    out += [ln for ln in lines if ln.startswith("[bwa_index]") and "sec" in ln]
    proc = [ln for ln in lines if re.match(r"^\[M::process\] read \d+ sequences", ln)]
    out += proc[:1] + proc[-1:]
    out += [ln for ln in lines if ln.startswith("[M::mem_pestat]") and ("(mean, std)" in ln or "skip" in ln)]
    return out + diag(lines)


@cm.kind("minimap2-log", "log")
def n_minimap2_log(lines):
    """[M::main] Version/CMD/Real time, mm_idx_gen / mm_idx_stat lines, first and last mapped-N lines, errors, warnings, EXIT."""
    out: list = [ln for ln in lines if re.match(r"^\[M::main\] (Version|CMD|Real time)", ln)]
    out += [ln for ln in lines if ln.startswith(("[M::mm_idx_gen]", "[M::mm_idx_stat]"))]
    mapped = [ln for ln in lines if re.search(r"mapped \d+ sequences", ln)]
    out += mapped[:1] + mapped[-1:]
    out += [ln for ln in lines if re.search(r"\[ERROR\]|\[WARNING\]", ln)]
    return out + diag(lines)


PAF_COLS = ["qname", "qlen", "qstart", "qend", "strand", "tname", "tlen", "tstart", "tend", "matches", "block", "mapq"]


@cm.kind("minimap2-paf", "table")
def n_minimap2_paf(lines):
    """Rule 4 on the PAF rows (target, strand categorical; matches, block length, MAPQ numeric), errors, EXIT."""
    rows = [r for r in tsv_rows(lines, PAF_COLS) if r[1]["qlen"].isdigit()]
    return capped_rule4(rows, cat=("tname", "strand"), nums=("matches", "block", "mapq")) + diag(lines)


@cm.kind("seqkit-stats", "table")
def n_seqkit_stats(lines):
    """Rule 4 on the stats table (header; every row when at most 40; numbers with separators read as numbers), [ERRO]/[WARN] lines, EXIT."""
    header = [ln for ln in lines if re.match(r"^file\s", ln)][:1]
    sep = "\t" if header and "\t" in header[0] else None
    names = (header[0].split(sep) if header else [])
    rows = [r for r in tsv_rows([ln for ln in lines if ln not in header], names, sep=sep)] if names else []
    out: list = list(header)
    if len(rows) <= 40:
        out += [ln for ln, _ in rows]
    else:
        nums = [c for c in names if c not in ("file", "format", "type")]
        out += capped_rule4(rows, cat=("format", "type"), nums=nums)
    return out + diag(lines)


@cm.kind("seqkit-fasta", "code")
def n_seqkit_fasta(lines):
    """Every >/@ header (at most 40, else first and last 5), every [INFO] line, [ERRO]/[WARN] lines, EXIT."""
    heads, fq = [], False
    for i, ln in enumerate(lines):
        if ln.startswith(">"):
            heads.append(ln)
        elif ln.startswith("@") and i + 2 < len(lines) and lines[i + 2].startswith("+"):
            heads.append(ln)
    out: list = heads if len(heads) <= 40 else heads[:5] + heads[-5:]
    out += [ln for ln in lines if "[INFO]" in ln]
    return out + diag(lines)


# ------------------------------------------------------------------ steps

def cap_samtools(tmp: Path) -> None:
    d = stage(tmp)
    cap("samtools-view-region-mapq", "samtools view -h -q 1 s1.bam chr3:2000-9000 | head -n 150", d, n_samtools_view)
    cap("samtools-view-truncated-bam", "samtools view -o trunc.sam s1.trunc.bam; echo EXIT=$?; tail -n 40 trunc.sam", d,
        n_samtools_view)
    cap("samtools-view-broken-sam", "samtools view -b -o /dev/null broken.sam; echo EXIT=$?; "
        "samtools view -S broken.sam 2>&1 | head -n 60", d, n_samtools_view)
    cap("samtools-flagstat-loop", "for f in s1.bam s2.bam s1.md.bam s1.trunc.bam; do echo \"== $f\"; "
        "samtools flagstat $f; done 2>&1", d, n_samtools_flagstat)
    cap("samtools-stats-whole-head", "samtools stats s2.bam | head -n 160", d, n_samtools_stats)
    cap("samtools-idxstats-both", "samtools idxstats s1.bam; samtools idxstats s2.bam; samtools idxstats s1.trunc.bam; "
        "echo EXIT=$?", d, n_samtools_idxstats)
    cap("samtools-depth-region", "samtools depth -a -r chrM:1-2500 s1.bam s2.bam", d, n_samtools_depth)
    cap("samtools-faidx-regions", "samtools faidx ref.fa chr1:100-400 chr2:5000-5600 chrM chr3:17000-18000 "
        "chr7:1-100 chr1:900-120; echo EXIT=$?", d, n_samtools_faidx)


def cap_bcftools(tmp: Path) -> None:
    d = stage(tmp)
    cap("bcftools-view-filter", "bcftools view -i 'QUAL>20 && INFO/DP>8' calls.vcf.gz", d,
        n_bcftools_view)
    cap("bcftools-view-broken", "bcftools view broken.vcf 2>&1 | tail -n 60", d,
        n_bcftools_view)
    cap("bcftools-stats-calls", "bcftools stats -s - calls.vcf.gz | head -n 120", d, n_bcftools_stats)
    cap("bcftools-norm-ref-mismatch", "bcftools norm -f ref.fa -c w ref_mismatch.vcf -Ov 2>&1 | grep -v '^##' | "
        "head -n 120; bcftools norm -f ref.fa -c e ref_mismatch.vcf -o /dev/null; echo EXIT=$?", d, n_bcftools_norm)
    cap("bcftools-query-genotypes", "bcftools query -H -f '%CHROM\\t%POS\\t%REF\\t%ALT\\t%QUAL\\t%INFO/DP[\\t%GT:%DP]\\n' "
        "calls.vcf.gz", d, n_bcftools_query)
    cap("bcftools-query-indels-head", "bcftools query -i 'TYPE=\"indel\"' -f '%CHROM:%POS %REF>%ALT %QUAL [%SAMPLE=%GT ]\\n' "
        "calls.vcf.gz | head -n 100", d, n_bcftools_query)


def cap_bedtools(tmp: Path) -> None:
    d = stage(tmp)
    cap("bedtools-intersect-wa-wb", "bedtools intersect -a targets.bed -b peaks.bed -wa -wb | head -n 300", d, n_bedtools)
    cap("bedtools-intersect-sorted-unsorted", "bedtools intersect -a unsorted.bed -b peaks.bed -sorted -c; "
        "echo EXIT=$?; sort -k1,1 -k2,2n unsorted.bed > sorted.bed; bedtools intersect -a sorted.bed -b peaks.bed "
        "-sorted -c | head -n 80", d, n_bedtools)
    cap("bedtools-merge-unsorted", "bedtools merge -i unsorted.bed; echo EXIT=$?; sort -k1,1 -k2,2n unsorted.bed | "
        "bedtools merge -i - -c 4,5 -o count,max | tail -n 120", d, n_bedtools)
    cap("bedtools-coverage-mixed-names", "bedtools coverage -a mixed_names.bed -b s1.bam 2>&1 | head -n 150", d, n_bedtools)


def cap_aligners(tmp: Path) -> None:
    d = stage(tmp)
    cap("bwa-index-then-mem-s2", "rm -f ref.fa.bwt && bwa index ref.fa && bwa mem -t 2 -R '@RG\\tID:s2\\tSM:s2' ref.fa "
        "s2_R1.fq s2_R2.fq > s2.sam; echo EXIT=$?", d, n_bwa_log, timeout=600)
    cap("bwa-mem-bad-fastq", "bwa mem ref.fa bad_R1.fq > bad.sam; echo EXIT=$?", d, n_bwa_log)
    cap("minimap2-index-bad-input", "minimap2 -d ref.mmi ref.fa; minimap2 -x sr ref.mmi bad_R1.fq > /dev/null; "
        "echo EXIT=$?", d, n_minimap2_log)
    cap("minimap2-paf-s2", "minimap2 -x sr ref.fa s2_R1.fq 2>/dev/null | head -n 300", d, n_minimap2_paf)


def cap_seqkit(tmp: Path) -> None:
    d = stage(tmp)
    cap("seqkit-split2-lanes", "seqkit split2 -p 6 -O lanes s1_R1.fq 2>&1; seqkit split2 -s 700 -O lanes2 s2_R1.fq "
        "2>&1 | tail -n 8; seqkit split2 -p 2 bad_R1.fq; echo EXIT=$?", d, n_seqkit_fasta)
    cap("seqkit-stats-all", "seqkit stats -a s1_R1.fq s1_R2.fq s2_R1.fq s2_R2.fq ref.fa lanes/* lanes2/*; echo EXIT=$?; "
        "seqkit stats bad_R1.fq; echo EXIT=$?", d, n_seqkit_stats)
    (d / "ids.txt").write_text("".join(f"r{i:06d}/1\n" for i in range(0, 9000, 173)) + "r999999/1\n")
    cap("seqkit-grep-ids-fq2fa", "seqkit grep -f ids.txt s1_R1.fq | seqkit fq2fa | head -n 100", d, n_seqkit_fasta)
    cap("seqkit-seq-min-len-bad", "seqkit seq -m 90 -g bad_R1.fq | head -n 40; echo EXIT=$?; "
        "seqkit seq -m 90 s2_R1.fq | seqkit head -n 15", d, n_seqkit_fasta)


STEPS = [cap_samtools, cap_bcftools, cap_bedtools, cap_aligners, cap_seqkit]
