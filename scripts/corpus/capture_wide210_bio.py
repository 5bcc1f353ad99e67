"""Round 210: second samples of round 201's kinds (samtools, bcftools, bedtools, bwa, minimap2, seqkit, EMBOSS, BLAST+,
Open Babel, RDKit, Biopython) over a seeded draft genome, reads, variants, intervals, proteins and molecules of this
round's own, with faults of its own put in. The needles come from round 201's extractors, imported. Run through
capture_wide210.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide201_chem import (n_biopython, n_blast_tabular, n_emboss_align, n_emboss_infoseq, n_emboss_run,
                                  n_makeblastdb, n_obabel, n_rdkit)
from capture_wide201_seq import (fasta, mutate, n_bcftools_norm, n_bcftools_query, n_bcftools_stats, n_bcftools_view,
                                 n_bedtools, n_bwa_log, n_minimap2_log, n_minimap2_paf, n_samtools_depth,
                                 n_samtools_faidx, n_samtools_flagstat, n_samtools_idxstats, n_samtools_stats,
                                 n_samtools_view, n_seqkit_fasta, n_seqkit_stats, reads)
from capture_wide210 import VENV, cap

CONTIGS = [("ctg01", 36_000), ("ctg02", 27_500), ("ctg03", 21_000), ("ctg04", 9_800), ("plasmid_p1", 4_300)]
AA = "ACDEFGHIKLMNPQRSTVWY"


def draft(rng: random.Random) -> dict[str, str]:
    """A draft assembly: AT-rich contigs, a tandem repeat and a run of Ns (a scaffold gap) in each of the large ones."""
    g = {}
    for name, n in CONTIGS:
        s = rng.choices("ACGT", weights=[32, 18, 18, 32], k=n)
        if n > 20_000:
            a = rng.randrange(n // 3, n // 2)
            s[a:a + 1200] = list(("GATTACA" * 200)[:1200])
            b = rng.randrange(n // 2 + 2000, n - 1000)
            s[b:b + 150] = ["N"] * 150
        g[name] = "".join(s)
    return g


def bed(rng: random.Random, n: int, kinds=("gene", "gene", "gene", "gene", "tRNA", "rRNA"), sort=True) -> str:
    rows = []
    for i in range(n):
        c, ln = rng.choice(CONTIGS)
        a = rng.randrange(0, ln - 3000)
        rows.append([c, a, a + rng.randint(80, 2500), f"{rng.choice(kinds)}_{i:04d}", rng.randint(0, 60),
                     rng.choice("+++--")])
    if sort:
        rows.sort(key=lambda r: (r[0], r[1]))
    return "".join("\t".join(map(str, r)) + "\n" for r in rows)


def protein(rng: random.Random, n: int) -> str:
    return "M" + "".join(rng.choice(AA) for _ in range(n - 1))


def drift(rng: random.Random, p: str, rate: float) -> str:
    out = []
    for c in p:
        r = rng.random()
        if r < rate:
            out.append(rng.choice(AA))
        elif r < rate * 1.15:
            continue
        else:
            out.append(c)
    return "".join(out)


SCRIPTS = {
    "mol_audit.py": '''import sys
from rdkit import Chem
from rdkit.Chem import Descriptors
ok = bad = 0
for n, line in enumerate(open(sys.argv[1]), 1):
    parts = line.split()
    if not parts:
        continue
    smi, name = parts[0], (parts[1] if len(parts) > 1 else f"line{n}")
    m = Chem.MolFromSmiles(smi)
    if m is None:
        bad += 1
        print(f"invalid molecule {name} (line {n})")
        continue
    ok += 1
    mw = Descriptors.MolWt(m)
    print(f"{name}\\t{Chem.MolToSmiles(m)}\\tMW={mw:.2f}\\tHBD={Descriptors.NumHDonors(m)}\\tlogP={Descriptors.MolLogP(m):.2f}")
print(f"summary: {ok} parsed, {bad} failed, {ok + bad} total")
''',
    "contig_report.py": '''import sys, warnings
from Bio import SeqIO
from Bio.SeqUtils import gc_fraction
n = short = 0
for rec in SeqIO.parse(sys.argv[1], sys.argv[2]):
    n += 1
    if len(rec) < 50:
        short += 1
        print(f"{rec.id}: length {len(rec)} below 50, invalid for assembly")
    q = rec.letter_annotations.get("phred_quality")
    mean_q = sum(q) / len(q) if q else float("nan")
    print(f"{rec.id}\\tlen={len(rec)}\\tgc={gc_fraction(rec.seq):.3f}\\tmeanq={mean_q:.1f}")
print(f"done: {n} records read, {short} too short")
''',
}


def stage(tmp: Path) -> Path:
    """The round's material (made once): draft genome, two pools of reads, calls, intervals, proteins, molecules."""
    d = tmp / "drafts"
    if (d / "ready").exists():
        return d
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(210)
    ref = draft(rng)
    sample, _ = mutate(rng, ref)
    (d / "draft.fa").write_text(fasta(ref, width=70))
    f1, f2 = reads(rng, sample, 7000, rlen=150, err=0.006, prefix="p1_")
    (d / "p1_R1.fq").write_text(f1)
    (d / "p1_R2.fq").write_text(f2)
    # a second pool: noisier, short reads, the plasmid at high copy, ctg04 missing
    g2 = {k: v for k, v in sample.items() if k != "ctg04"}
    g2["plasmid_p1b"] = sample["plasmid_p1"]
    g2["plasmid_p1c"] = sample["plasmid_p1"]
    f1, f2 = reads(rng, g2, 3200, rlen=75, err=0.025, prefix="p2_")
    (d / "p2_R1.fq").write_text(f1)
    (d / "p2_R2.fq").write_text(f2)
    # a FASTQ with other faults: a '+' line missing, a sequence with a '.' in it, a record cut short at the end
    bad = reads(rng, sample, 300, rlen=150, prefix="q_")[0].split("\n")
    bad[4 * 90 + 1] = bad[4 * 90 + 1][:40] + "." + bad[4 * 90 + 1][41:]
    del bad[4 * 200 + 2]
    (d / "bad_R1.fq").write_text("\n".join(bad[:-6]))
    (d / "genes.bed").write_text(bed(rng, 380))
    (d / "repeats.bed").write_text(bed(rng, 220, kinds=("LINE", "LINE", "SINE", "LTR", "simple")))
    uns = bed(rng, 240, sort=False).split("\n")
    uns[17] = uns[17].replace("\t", " ", 2)  # spaces, not tabs, on one record
    (d / "unsorted_genes.bed").write_text("\n".join(uns))
    (d / "contigs.genome").write_text("".join(f"{c}\t{n}\n" for c, n in CONTIGS))
    sh = """set -e
samtools faidx draft.fa
bwa index draft.fa 2> bwa_index.log
for s in p1 p2; do
  bwa mem -t 2 -R "@RG\\tID:$s\\tSM:$s\\tLB:lib_$s" draft.fa ${s}_R1.fq ${s}_R2.fq 2> ${s}_mem.log \
    | samtools sort -o $s.bam - 2>/dev/null
  samtools index $s.bam
done
samtools merge -f pool.bam p1.bam p2.bam 2>/dev/null; samtools index pool.bam
bcftools mpileup -a AD,DP -f draft.fa p1.bam p2.bam 2>/dev/null | bcftools call -mv -Oz -o calls.vcf.gz 2>/dev/null
bcftools index calls.vcf.gz
bcftools view calls.vcf.gz > calls.vcf
head -c 90000 p2.bam > p2.cut.bam
samtools view -h p1.bam | head -n 260 > p1.small.sam
"""
    (d / "prep.sh").write_text(sh)
    cm.note(f"drafts prep: {run('nice bash prep.sh', cwd=d, timeout=900)[-300:]!r}")
    # a SAM with other faults: a read on a contig the header does not name, a FLAG that is not a number, a bad MAPQ
    sam = (d / "p1.small.sam").read_text().split("\n")
    body = [i for i, ln in enumerate(sam) if ln and not ln.startswith("@")]
    for k, col, val in ((30, 2, "ctg99"), (90, 1, "0x4z"), (170, 4, "-7")):
        c = sam[body[k]].split("\t")
        c[col] = val
        sam[body[k]] = "\t".join(c)
    (d / "faulty.sam").write_text("\n".join(sam))
    vcf = (d / "calls.vcf").read_text().split("\n")
    recs = [i for i, ln in enumerate(vcf) if ln and not ln.startswith("#")]
    mm = list(vcf)
    for k in recs[3:len(recs):7]:
        c = mm[k].split("\t")
        if len(c[3]) == 1:
            c[3] = {"A": "C", "C": "G", "G": "T", "T": "A"}.get(c[3], "N")
            mm[k] = "\t".join(c)
    (d / "mismatch.vcf").write_text("\n".join(mm))
    br = list(vcf)
    c = br[recs[12]].split("\t")
    c[0] = "ctg77"  # a contig the header does not declare
    br[recs[12]] = "\t".join(c)
    c = br[recs[25]].split("\t")
    c[1] = "-15"
    br[recs[25]] = "\t".join(c)
    c = br[recs[40]].split("\t")
    c[7] = "DP=abc;" + c[7]
    br[recs[40]] = "\t".join(c)
    c = br[recs[55]].split("\t")
    br[recs[55]] = "\t".join(c + ["0/1:1,2,3:4:1,3"])  # a sample column the header does not declare
    c = br[recs[70]].split("\t")
    c[9] = "1/1:xx,yy:3"  # a PL that is not a number
    br[recs[70]] = "\t".join(c)
    (d / "faulty.vcf").write_text("\n".join(br))
    # proteins: five families of drifted members, and queries
    fams = {f"fam{k}": protein(rng, rng.randint(180, 420)) for k in range(5)}
    prot, query = [], []
    for f, p in fams.items():
        for m in range(7):
            prot.append((f"{f}_v{m}", drift(rng, p, 0.04 * (m + 1))))
        query.append((f"q_{f}", drift(rng, p, 0.2)))
    query.append(("q_orphan", protein(rng, 240)))
    (d / "prot.fa").write_text(fasta(dict(prot)))
    (d / "query_prot.fa").write_text(fasta(dict(query)))
    amp = {}
    for k in range(26):
        c, ln = rng.choice(CONTIGS)
        a = rng.randrange(0, ln - 700)
        s = sample[c][a:a + rng.randint(180, 600)]
        amp[f"amp{k:02d}_{c}"] = s
    amp["amp_contam"] = "".join(rng.choice("ACGT") for _ in range(400))
    (d / "amplicons.fa").write_text(fasta(amp))
    (d / "plasmid.fa").write_text(fasta({"plasmid_p1": ref["plasmid_p1"]}))
    (d / "plasmid_variants.fa").write_text(fasta({f"pv{k}": "".join(
        b if rng.random() > 0.03 * k else rng.choice("ACGT") for b in ref["plasmid_p1"][:1800]) for k in range(1, 7)}))
    broken_fa = fasta(dict(prot[:6])).replace(">fam0_v3", "fam0_v3").replace("M", "M1", 1) + ">empty_record\n"
    (d / "broken_prot.fa").write_text(broken_fa)
    # molecules: a drug-like library with faults put in (a pentavalent carbon, an unclosed ring, a bad aromatic ring,
    # an unknown element, an unbalanced bracket)
    base = ["CC(=O)Oc1ccccc1C(=O)O", "CN1C=NC2=C1C(=O)N(C(=O)N2C)C", "CC(C)Cc1ccc(cc1)C(C)C(=O)O",
            "O=C(O)c1ccccc1O", "c1ccc2c(c1)cc1ccccc12", "CCN(CC)CCNC(=O)c1ccc(N)cc1", "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O",
            "CC(=O)Nc1ccc(O)cc1", "Clc1ccc(cc1)C(c1ccccc1)N1CCN(CC1)CCOCC(=O)O", "COc1ccc2[nH]cc(CCN(C)C)c2c1",
            "C1CCC(CC1)NC(=O)N", "NCCc1ccc(O)c(O)c1", "CC(C)NCC(O)c1ccc(O)c(O)c1", "O=C1NC(=O)C(N1)(c1ccccc1)c1ccccc1"]
    faults = ["CC(C)(C)(C)(C)N", "C1CCCC(C)C", "c1cccc1C", "CC[Xx]O", "CC(C(=O)O", "n1ccccc1=O", "C1=CC=CC=C1C(F)(F)(F)F"]
    mols = []
    for k in range(120):
        s = rng.choice(base)
        mols.append(f"{s} cmpd{k:03d}")
    for k, f in enumerate(faults):
        mols.insert(9 + 15 * k, f"{f} bad{k}")
    (d / "library.smi").write_text("\n".join(mols) + "\n")
    write_tree(d, SCRIPTS)
    run("obabel -ismi library.smi -osdf -O library.sdf --gen2d 2>/dev/null; true", cwd=d)
    sdf = (d / "library.sdf").read_text().split("$$$$\n")
    if len(sdf) > 30:
        blk = sdf[20].split("\n")
        if len(blk) > 5:
            blk[3] = blk[3][:3] + "x" + blk[3][4:]  # a counts line that does not parse
        sdf[20] = "\n".join(blk)
    (d / "library_bad.sdf").write_text("$$$$\n".join(sdf))
    (d / "ready").write_text("")
    return d


def cap_samtools(tmp: Path) -> None:
    d = stage(tmp)
    cap("samtools-view-ctg02-mapq", "samtools view -h -F 4 -q 20 p1.bam ctg02:1000-9000 | head -n 140", d,
        n_samtools_view)
    cap("samtools-view-faulty-sam", "samtools view -c faulty.sam; echo EXIT=$?; samtools view faulty.sam 2>&1 | "
        "tail -n 45", d, n_samtools_view)
    cap("samtools-flagstat-pools", "for f in p1.bam p2.bam pool.bam p2.cut.bam; do echo \"### $f\"; "
        "samtools flagstat $f; done 2>&1", d, n_samtools_flagstat)
    cap("samtools-stats-sn-pool", "samtools stats pool.bam | grep ^SN | cut -f 2-", d, n_samtools_stats)
    cap("samtools-stats-whole-tail", "samtools stats -r draft.fa p2.bam | head -n 90", d, n_samtools_stats)
    cap("samtools-idxstats-loop", "for f in p1.bam p2.bam pool.bam; do echo \"== $f\"; samtools idxstats $f; done; "
        "samtools idxstats p2.cut.bam; echo EXIT=$?", d, n_samtools_idxstats)
    cap("samtools-depth-plasmid", "samtools depth -a -r plasmid_p1 p1.bam p2.bam | awk 'NR % 3 == 1' | tail -n 900",
        d, n_samtools_depth)
    cap("samtools-faidx-mixed", "samtools faidx draft.fa ctg04:1-600 ctg01:20000-21200 plasmid_p1 ctg09:1-50 "
        "ctg03:500-100; echo EXIT=$?", d, n_samtools_faidx)


def cap_bcftools(tmp: Path) -> None:
    d = stage(tmp)
    cap("bcftools-view-region-snps", "bcftools view -H -v snps -r ctg01,ctg02 calls.vcf.gz | head -n 110", d,
        n_bcftools_view)
    cap("bcftools-view-faulty", "bcftools view -H -i 'QUAL>10' faulty.vcf > kept.vcf; echo EXIT=$?; "
        "tail -n 60 kept.vcf", d, n_bcftools_view)
    cap("bcftools-stats-two-samples", "bcftools stats -s - calls.vcf.gz | grep -E '^(#|SN|TSTV|PSC)'", d,
        n_bcftools_stats)
    cap("bcftools-norm-check-ref", "bcftools norm -f draft.fa -c w -m -any mismatch.vcf -Ov -o norm.vcf; "
        "echo EXIT=$?; bcftools norm -f draft.fa -c x mismatch.vcf -Ov | grep -vc '^#'", d, n_bcftools_norm)
    cap("bcftools-query-ad", "bcftools query -H -f '%CHROM\\t%POS\\t%REF\\t%ALT\\t%QUAL\\t%INFO/MQ[\\t%AD]\\n' "
        "calls.vcf.gz | sort -k5,5g | head -n 160", d, n_bcftools_query)


def cap_bedtools(tmp: Path) -> None:
    d = stage(tmp)
    cap("bedtools-intersect-v-repeats", "bedtools intersect -a genes.bed -b repeats.bed -v | head -n 200; "
        "bedtools intersect -a genes.bed -b repeats.bed -wo | sort -k13,13nr | head -n 60", d, n_bedtools)
    cap("bedtools-sort-merge-unsorted", "bedtools merge -i unsorted_genes.bed -s -c 4 -o count; echo EXIT=$?; "
        "bedtools sort -i unsorted_genes.bed; echo EXIT=$?; sed 's/ /\\t/g' unsorted_genes.bed | bedtools sort -i - "
        "-g contigs.genome | bedtools merge -i - -s -c 4,5,5 -o count,min,max | head -n 150", d, n_bedtools)
    cap("bedtools-coverage-pool", "bedtools coverage -a genes.bed -b pool.bam -sorted -g contigs.genome 2>&1 | "
        "tail -n 120; bedtools coverage -a genes.bed -b pool.bam | head -n 90", d, n_bedtools)


def cap_aligners(tmp: Path) -> None:
    d = stage(tmp)
    cap("bwa-mem-p2-threads", "bwa mem -t 2 -v 3 draft.fa p2_R1.fq p2_R2.fq 2>&1 > p2.sam | tail -n 60; echo EXIT=$?",
        d, n_bwa_log, timeout=600)
    cap("bwa-index-prefix-bad-single", "bwa index -p draft_v2 draft.fa && bwa mem draft_v2 bad_R1.fq > badq.sam; "
        "echo EXIT=$?; bwa mem nothere.fa p1_R1.fq > /dev/null; echo EXIT=$?", d, n_bwa_log)
    cap("minimap2-sr-pairs-log", "minimap2 -ax sr -t 2 draft.fa p1_R1.fq p1_R2.fq > p1.mm.sam; echo EXIT=$?; "
        "minimap2 -ax sr draft.fa bad_R1.fq > /dev/null; echo EXIT=$?", d, n_minimap2_log)
    cap("minimap2-paf-amplicons", "minimap2 -c -x asm20 draft.fa amplicons.fa 2>/dev/null; minimap2 -x sr draft.fa "
        "p2_R1.fq 2>/dev/null | sort -k12,12n | head -n 220", d, n_minimap2_paf)


def cap_seqkit(tmp: Path) -> None:
    d = stage(tmp)
    cap("seqkit-stats-tabular", "seqkit stats -a -T p1_R1.fq p1_R2.fq p2_R1.fq p2_R2.fq draft.fa amplicons.fa "
        "prot.fa bad_R1.fq; echo EXIT=$?", d, n_seqkit_stats)
    cap("seqkit-rmdup-sliding", "cat p2_R1.fq p2_R1.fq | seqkit rmdup -s -D dups.txt | seqkit stats; "
        "seqkit sliding -W 400 -s 350 draft.fa | seqkit fx2tab -n -g | head -n 5; "
        "seqkit grep -r -p 'ctg0[34]' draft.fa | seqkit sliding -W 2000 -s 1500 | grep '>' | head -n 60", d,
        n_seqkit_fasta)
    cap("seqkit-seq-bad-fastq", "seqkit seq -m 100 -n bad_R1.fq | tail -n 30; echo EXIT=$?; "
        "seqkit subseq -r 1:40 p1_R2.fq | seqkit head -n 20", d, n_seqkit_fasta)


def cap_emboss(tmp: Path) -> None:
    d = stage(tmp)
    cap("emboss-needle-queries", "needle -asequence query_prot.fa -bsequence prot.fa -gapopen 10 -gapextend 0.5 "
        "-outfile stdout -auto 2>&1 | grep -E '^# (1|2|Length|Identity|Similarity|Gaps|Score|Program|Rundate):' | "
        "head -n 260", d, n_emboss_align)
    cap("emboss-stretcher-plasmid", "stretcher -asequence plasmid.fa -bsequence plasmid_variants.fa -outfile stdout "
        "-auto | head -n 400", d, n_emboss_align)
    cap("emboss-infoseq-amplicons", "infoseq -auto amplicons.fa; infoseq -auto -only -name -type -length prot.fa; "
        "infoseq -auto broken_prot.fa; echo EXIT=$?", d, n_emboss_infoseq)
    cap("emboss-pepstats-getorf", "pepstats -auto -sequence prot.fa:fam2_v0 -outfile stdout; "
        "getorf -auto -sequence plasmid.fa -minsize 240 -outseq stdout | grep -c '>'; "
        "seqret -auto -sequence broken_prot.fa -outseq stdout; echo EXIT=$?", d, n_emboss_run)


def cap_blast(tmp: Path) -> None:
    d = stage(tmp)
    cap("makeblastdb-draft-prot", "makeblastdb -in draft.fa -dbtype nucl -out draftdb -title 'draft v2'; "
        "makeblastdb -in prot.fa -dbtype prot -out famdb; makeblastdb -in broken_prot.fa -dbtype prot -out brokendb; "
        "echo EXIT=$?", d, n_makeblastdb)
    cap("blastn-outfmt7-amplicons-draft", "blastn -query amplicons.fa -db draftdb -outfmt 7 -evalue 1e-10 "
        "-max_target_seqs 3 | head -n 250", d, n_blast_tabular)
    cap("blastp-outfmt6-queries", "blastp -query query_prot.fa -db famdb -outfmt '6 std qcovs' -evalue 10 "
        "-max_hsps 1; echo EXIT=$?; blastp -query query_prot.fa -db famdb -outfmt 6 -evalue -1; echo EXIT=$?", d,
        n_blast_tabular)


def cap_chem(tmp: Path) -> None:
    d = stage(tmp)
    py = f"{VENV}/bin/python"
    cap("obabel-smi-props", "obabel -ismi library.smi -osmi --append 'MW logP' 2>&1 | tail -n 70; echo EXIT=$?", d,
        n_obabel)
    cap("obabel-sdf-bad-to-inchi", "obabel -isdf library_bad.sdf -oinchi 2>&1 | grep -v '^InChI=' | head -n 80", d,
        n_obabel)
    cap("rdkit-mol-audit", f"{py} mol_audit.py library.smi 2>&1 | tail -n 90; echo EXIT=$?", d, n_rdkit,
        typed="python mol_audit.py library.smi 2>&1 | tail -n 90; echo EXIT=$?")
    cap("biopython-contig-report", f"{py} contig_report.py bad_R1.fq fastq 2>&1 | tail -n 60; echo EXIT=$?; "
        f"{py} contig_report.py amplicons.fa fasta | head -n 20", d, n_biopython,
        typed="python contig_report.py bad_R1.fq fastq 2>&1 | tail -n 60; echo EXIT=$?; "
        "python contig_report.py amplicons.fa fasta | head -n 20")


STEPS = [cap_samtools, cap_bcftools, cap_bedtools, cap_aligners, cap_seqkit, cap_emboss, cap_blast, cap_chem]
