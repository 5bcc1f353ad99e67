"""Round 259, second samples of round 245's kinds: HMMER, Clustal Omega, MUSCLE 5, MAFFT, Prodigal, Bowtie2, seqtk,
VSEARCH, CD-HIT and fastp over material of this round's own (three other protein families of other lengths and
divergences, a search database of other size, a four-contig genome, reads with other error rates and an adapter on
another share of them, amplicons from another seed; faults: a record with a stop and digits, a duplicate id, a file
cut mid-record, an index that does not exist, a paired file with fewer reads). The needles come from round 245's
extractors, imported from capture_wide245_seq.py (no new rule). Run through capture_wide259.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_wide201_seq import fasta, reads
from capture_wide245_seq import (COMP, amplicons, gene, mutant, n_bowtie2_build_log, n_bowtie2_summary,
                                 n_cdhit_clstr, n_cdhit_log, n_clustalo_log, n_fastp_log, n_hmmbuild_log,
                                 n_hmmscan_report, n_hmmsearch_domtblout, n_hmmsearch_report, n_hmmsearch_tblout,
                                 n_mafft_log, n_msa_clustal, n_msa_fasta, n_muscle_log, n_prodigal_gbk,
                                 n_prodigal_gff, n_prodigal_log, n_seqtk_comp, n_seqtk_fqchk, n_vsearch_log,
                                 n_vsearch_uc, protein)
from capture_wide259 import cap

FAMS = [("FM_dnaJ", 170, 20), ("FM_recA", 300, 12), ("FM_trpB", 210, 16)]
SEED = 2591


def stage(tmp: Path) -> Path:
    d = tmp / "seqlab259"
    if (d / "done").exists():
        return d
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    fams = {}
    for name, ln, n in FAMS:
        base = protein(rng, ln)
        fams[name] = {f"{name[3:]}_{i:02d}|tr{rng.randint(1000, 9999)}": mutant(rng, base, rng.uniform(0.05, 0.42))
                      for i in range(n)}
        (d / f"{name}.fa").write_text(fasta(fams[name]))
    bad = dict(list(fams["FM_trpB"].items())[:10])
    first = next(iter(bad))
    (d / "trpB_bad.fa").write_text(fasta(bad) + f">{first}\n{bad[first][:70]}\n>trpB_x9|tr0001\nMQ*RT77LKAE\n")
    (d / "recA_cut.fa").write_text(fasta(fams["FM_recA"])[:1900])
    db = {}
    for name, members in fams.items():
        base = next(iter(members.values()))
        for i in range(rng.randint(5, 14)):
            db[f"{name[3:]}_cand{i:02d}"] = mutant(rng, base, rng.uniform(0.15, 0.6))
    for i in range(300):
        db[f"orf_{i:04d}"] = protein(rng, rng.randint(60, 380))
    keys = list(db)
    rng.shuffle(keys)
    (d / "proteome.fa").write_text(fasta({k: db[k] for k in keys}))
    (d / "trpB_cands.fa").write_text(fasta({k: v for k, v in db.items() if k.startswith(("trpB_cand", "dnaJ_cand0"))}))
    g = {}
    for cname, n_genes in (("chr_A", 26), ("chr_B", 14), ("plasmid_p1", 5), ("chr_C", 9)):
        parts = []
        for _ in range(n_genes):
            parts.append("".join(rng.choices("ACGT", [22, 28, 28, 22], k=rng.randint(40, 300))))
            gs = gene(rng, rng.randint(80, 450))
            parts.append(gs if rng.random() < 0.5 else gs.translate(COMP)[::-1])
        if cname == "chr_C":
            parts.insert(0, gene(rng, 300)[-500:])  # starts inside a gene
        if cname == "chr_B":
            parts.insert(5, "N" * 200)
        g[cname] = "".join(parts)
    (d / "asm.fa").write_text(fasta(g, 80))
    (d / "plasmid.fa").write_text(fasta({"plasmid_p1": g["plasmid_p1"]}, 80))
    r1, r2 = reads(rng, g, 1800, rlen=125, err=0.008, prefix="hs")
    (d / "lib_R1.fq").write_text(r1)
    (d / "lib_R2.fq").write_text(r2)
    n1 = r2.count("\n") // 4
    (d / "lib_R2_less.fq").write_text("".join(r2.splitlines(True)[: (n1 - 150) * 4]))
    other = {k: "".join(c if rng.random() > 0.09 else rng.choice("ACGT") for c in v) for k, v in g.items()}
    a1, a2 = reads(rng, other, 1400, rlen=150, err=0.025, prefix="mx")
    ad = "CTGTCTCTTATACACATCTCCGAGCCCACGAGAC"
    lines = a1.splitlines(True)
    for i in range(1, len(lines), 4):
        if rng.random() < 0.3:
            cut = rng.randint(30, 120)
            lines[i] = (lines[i][:cut] + ad + "ATCTCGTATGCCGTCTTCTGCTTG" * 5)[:150] + "\n"
    (d / "mx_R1.fq").write_text("".join(lines))
    (d / "mx_R2.fq").write_text(a2)
    (d / "mx_R1_cut.fq").write_text("".join(lines)[: 180_000 + 11])
    amp, derep = amplicons(random.Random(SEED + 7))
    (d / "its.fa").write_text(amp)
    (d / "its_derep.fa").write_text(derep)
    for name, _, _ in FAMS:
        cm.run(f"nice clustalo -i {name}.fa --outfmt=st -o {name}.sto --force --threads=1", cwd=d)
        cm.run(f"sed '1a #=GF ID {name}' {name}.sto >> fams.sto", cwd=d)
    cm.run("nice hmmbuild --cpu 1 fams.hmm fams.sto > /dev/null && hmmpress fams.hmm > /dev/null", cwd=d)
    (d / "done").write_text("")
    return d


def seq_hmmer(tmp: Path) -> None:
    d = stage(tmp)
    cap("hmmbuild-three-fams-echo-exit", "hmmbuild --cpu 1 -n trio trio.hmm fams.sto; echo EXIT=$?; "
        "hmmbuild --cpu 1 cut.hmm recA_cut.fa; echo EXIT=$?", d, n_hmmbuild_log)
    cap("hmmsearch-tblout-e5", "hmmsearch --cpu 1 -E 5 --tblout t.tbl fams.hmm proteome.fa > /dev/null; cat t.tbl", d,
        n_hmmsearch_tblout)
    cap("hmmsearch-domtblout-grep", "hmmsearch --cpu 1 --domE 1 --domtblout d.tbl fams.hmm proteome.fa > /dev/null && "
        "grep -v '^# Program' d.tbl | head -n 80", d, n_hmmsearch_domtblout)
    cap("hmmsearch-report-head-120", "hmmsearch --cpu 1 fams.hmm proteome.fa | head -n 120", d, n_hmmsearch_report)
    cap("hmmsearch-report-bad-echo-exit", "hmmsearch --cpu 1 --noali fams.hmm trpB_bad.fa; echo EXIT=$?", d,
        n_hmmsearch_report)
    cap("hmmscan-report-cands", "hmmscan --cpu 1 fams.hmm trpB_cands.fa", d, n_hmmscan_report)


def seq_msa(tmp: Path) -> None:
    d = stage(tmp)
    cap("clustalo-clustal-dnaj", "clustalo -i FM_dnaJ.fa --outfmt=clu --threads=1", d, n_msa_clustal)
    cap("mafft-clustalout-reca-tail", "mafft --clustalout --thread 1 FM_recA.fa 2>/dev/null | tail -n 90", d,
        n_msa_clustal)
    cap("muscle-afa-trpb", "muscle -align FM_trpB.fa -output trpB.afa -threads 1 >/dev/null 2>&1; cat trpB.afa", d,
        n_msa_fasta)
    cap("clustalo-log-bad-echo-exit", "clustalo -i trpB_bad.fa -o bad.aln --force -v --threads=1; echo EXIT=$?; "
        "clustalo -i FM_recA.fa -o recA.aln --force -v -v --threads=1; echo EXIT=$?", d, n_clustalo_log)
    cap("muscle-log-dnaj-then-bad", "muscle -align FM_dnaJ.fa -output dnaJ.afa -threads 1; "
        "muscle -align trpB_bad.fa -output b.afa -threads 1; echo EXIT=$?", d, n_muscle_log)
    cap("mafft-log-ginsi", "mafft --globalpair --maxiterate 50 --thread 1 FM_dnaJ.fa > dnaJ.ginsi.afa", d, n_mafft_log)


def seq_genes(tmp: Path) -> None:
    d = stage(tmp)
    cap("prodigal-gff-asm", "prodigal -i asm.fa -f gff -q", d, n_prodigal_gff)
    cap("prodigal-gbk-asm-head", "prodigal -i asm.fa -q | head -n 100", d, n_prodigal_gbk)
    cap("prodigal-log-plasmid-meta", "prodigal -i plasmid.fa -o p.gbk; echo EXIT=$?; "
        "prodigal -i asm.fa -p meta -o m.gff -f gff", d, n_prodigal_log)


def seq_reads(tmp: Path) -> None:
    d = stage(tmp)
    cap("bowtie2-build-asm", "bowtie2-build --threads 1 asm.fa asmidx; echo EXIT=$?", d, n_bowtie2_build_log)
    cap("bowtie2-paired-less-echo-exit", "bowtie2 -p 1 -x asmidx -1 lib_R1.fq -2 lib_R2.fq -S lib.sam; echo EXIT=$?; "
        "bowtie2 -p 1 -x asmidx -1 lib_R1.fq -2 lib_R2_less.fq -S l2.sam; echo EXIT=$?; "
        "bowtie2 -p 1 -x asm -U mx_R1.fq -S x.sam; echo EXIT=$?", d, n_bowtie2_summary)
    cap("seqtk-comp-mx-tail", "seqtk comp mx_R1.fq | tail -n 200", d, n_seqtk_comp)
    cap("seqtk-fqchk-lib", "seqtk fqchk lib_R1.fq; echo EXIT=$?", d, n_seqtk_fqchk)
    cap("fastp-cut-single", "fastp -i mx_R1_cut.fq -o c.fq -w 1 -j c.json -h c.html 2>&1 | tail -n 40; "
        "echo EXIT=$?", d, n_fastp_log)


def seq_cluster(tmp: Path) -> None:
    d = stage(tmp)
    cap("vsearch-cluster-unoise", "vsearch --threads 1 --cluster_fast its.fa --id 0.98 --centroids c.fa --uc its.uc; "
        "vsearch --threads 1 --cluster_unoise its_derep.fa --centroids zotus.fa; echo EXIT=$?", d, n_vsearch_log)
    cap("vsearch-uc-its-head", "vsearch --threads 1 --cluster_size its.fa --id 0.97 --uc s.uc --quiet; "
        "sort -k1,1 -k2,2n s.uc | head -n 160", d, n_vsearch_uc)
    cap("cdhit-proteome-70-echo-exit", "cd-hit -i proteome.fa -o nr70 -c 0.7 -n 5 -T 1 -M 400; echo EXIT=$?", d,
        n_cdhit_log)
    cap("cdhit-clstr-nr50", "cd-hit -i proteome.fa -o nr50 -c 0.5 -n 3 -T 1 -M 400 > /dev/null; cat nr50.clstr", d,
        n_cdhit_clstr)


STEPS = [seq_hmmer, seq_msa, seq_genes, seq_reads, seq_cluster]
