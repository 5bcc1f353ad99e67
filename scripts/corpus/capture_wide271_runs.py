"""Round 271's runs: second samples of round 254's quantum-computing kinds and round 257's NLP-toolkit kinds on new
material (other circuits, seeds, sizes and faults; `ledgerline`, an accounts-payable inbox's router, from round 257's
generators at other seeds, spaCy's blank NER pipeline among them). Every extractor is imported from capture_wide254_q / capture_wide257_nlp; round 254's
circuit library and run scripts are imported too and driven with other arguments. Run through capture_wide271.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide271 import cap
import capture_wide254_q as q
import capture_wide257_nlp as nlp

PY = nlp.PY

# ---------------------------------------------------------------------------------------------- Qiskit

QK_DRAW = '''from circuits import *
import os
spec = {"ghz7": lambda: ghz(7), "grover3b": lambda: grover(3, "011"), "grover4b": lambda: grover(4, "0110"),
        "qft6": lambda: qft(6, swaps=False), "tele": lambda: teleport(True), "rand7": lambda: randomish(7, 200, 2711),
        "rand4": lambda: randomish(4, 60, 2712)}
for w in sys.argv[1:]:
    qc = spec[w]()
    print(f"# {qc.name}")
    print(qc.draw("text", fold=int(os.environ.get("FOLD", "100"))))
    print(f"depth = {qc.depth()}")
    print(f"num_nonlocal_gates = {qc.num_nonlocal_gates()}")
'''

QK_TRANSPILE = q.QK_TRANSPILE.replace('''qc = {"grover4"''', '''qc = {"grover4b": lambda: grover(4, "0110"), "qft6": lambda: qft(6),
      "rand7": lambda: randomish(7, 90, 2713), "grover4"''').replace("seed_transpiler=254", "seed_transpiler=271")

QK_COUNTS = '''from circuits import *
from qiskit_aer import AerSimulator
sim = AerSimulator(seed_simulator=271)
which = sys.argv[1]; shots = int(sys.argv[2])
if which == "dicts":
    for name, qc in [("ghz6", ghz(6)), ("grover3b", grover(3, "011")), ("grover4b", grover(4, "0110")), ("tele_wrong", teleport(True))]:
        counts = sim.run(transpile(qc, sim), shots=shots).result().get_counts()
        print(f"{name}: {counts}")
        print(f"{name}.outcomes = {len(counts)}")
else:
    qc = randomish(int(which), 140, 2714)
    counts = sim.run(transpile(qc, sim), shots=shots).result().get_counts()
    print(f"{'outcome':>12}  {'count':>6}  {'prob':>7}")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{k:>12}  {v:>6}  {v / shots:7.4f}")
    print(f"outcomes = {len(counts)}")
'''

QASM_FILES = {
    "adder.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg a[2];\nqreg b[2];\ncreg s[2];\nx a[0];\ncx a[0],b[0];\nccx a[0],a[1],b[1];\nmeasure b -> s;\n',
    "wrong_arity.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[4];\ncreg c[4];\nh q[0];\nccx q[0],q[1];\nmeasure q -> c;\n',
    "negative_index.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nx q[-1];\nmeasure q -> c;\n',
    "size_mismatch.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[4];\ncreg c[3];\nh q;\nmeasure q -> c;\n',
    "redefined.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nqreg q[3];\nh q[0];\n',
    "bad_version.qasm": 'OPENQASM 2.1;\ninclude "qelib1.inc";\nqreg q[1];\nh q[0];\n',
    "unterminated_gate.qasm": 'OPENQASM 2.0;\ninclude "qelib1.inc";\ngate bell a, b { h a; cx a, b;\nqreg q[2];\nbell q[0], q[1];\n',
    "v3_while.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[3] q;\nbit[3] c;\nint n = 0;\nwhile (n < 3) { h q[n]; n += 1; }\nc = measure q;\n',
    "v3_unclosed.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nif (true) {\n  h q[0];\ncx q[0], q[1];\n',
    "v3_badtype.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nangle[20] theta = pi / ;\nrz(theta) q[0];\n',
    "v3_gate.qasm": 'OPENQASM 3.0;\ninclude "stdgates.inc";\ngate ghz3 a, b, c { h a; cx a, b; cx b, c; }\nqubit[3] q;\nghz3 q[0], q[1], q[2];\nbit[3] r = measure q;\n',
}


def qiskit(tmp: Path) -> None:
    d = tmp / "qk"
    write_tree(d, {"circuits.py": q.QK_COMMON, "draw.py": QK_DRAW, "transpile_log.py": QK_TRANSPILE, "counts.py": QK_COUNTS,
                   "qasm2_load.py": q.QASM2_LOAD, "qasm2_one.py": q.QASM2_ONE, "qasm3_parse.py": q.QASM3_PARSE, **QASM_FILES})
    cap("qiskit-draw-ghz7-grover3-teleport-wrong", "python draw.py ghz7 grover3b tele rand4", d, q.n_qiskit_draw, timeout=120)
    cap("qiskit-draw-rand7-head", "FOLD=90 python draw.py rand7 qft6 | head -n 100", d, q.n_qiskit_draw, timeout=120)
    cap("qiskit-transpile-log-grover4b-l2", "python transpile_log.py 2 grover4b 2>&1", d, q.n_qiskit_transpile_log, timeout=180)
    cap("qiskit-transpile-log-qft6-l1-tail", "python transpile_log.py 1 qft6 2>&1 | tail -n 80", d, q.n_qiskit_transpile_log, timeout=180)
    cap("qiskit-counts-dicts-echo", "python counts.py dicts 3000; echo EXIT=$?", d, q.n_qiskit_counts, timeout=180)
    cap("qiskit-counts-rand9-table", "python counts.py 9 6000", d, q.n_qiskit_counts, timeout=180)
    cap("qasm-error-qasm2-batch", "python qasm2_load.py " + " ".join(k for k in QASM_FILES if not k.startswith("v3")),
        d, q.n_qasm_error, timeout=120)
    cap("qasm-error-openqasm3-batch-echo", "python qasm3_parse.py v3_gate.qasm v3_while.qasm v3_unclosed.qasm v3_badtype.qasm; "
        "echo EXIT=$?", d, q.n_qasm_error, timeout=120)


# ---------------------------------------------------------------------------------------------- Cirq

CQ_DRAW = '''from circuits import *
spec = {"ghz33": lambda: ghz_grid(3, 3), "qft4": lambda: qft(4), "grover4": lambda: grover(4, "1001"),
        "rand6": lambda: randomish(6, 160, 2715), "rand4": lambda: randomish(4, 50, 2716)}
for w in sys.argv[1:]:
    c = spec[w]()
    print(f"# {w}")
    print(c)
    print(f"moments = {len(c)}")
'''

CQ_SIM = '''from circuits import *
sim = cirq.Simulator(seed=271)
for w in sys.argv[2:]:
    c = {"grover4": lambda: grover(4, "1001"), "grover3": lambda: grover(3, "110"), "ghz": lambda: ghz_grid(1, 4)}[w]()
    res = sim.run(c, repetitions=int(sys.argv[1]))
    print(f"# {w}")
    print(res)
    key = "m" if w == "ghz" else "result"
    print(res.histogram(key=key))
print(sim.simulate(qft(4)))
'''

CQ_CHECK = '''from circuits import *
import cirq.testing
a, b, c = cirq.LineQubit.range(3)
case = sys.argv[1]
if case == "toffoli":
    ref = cirq.Circuit(cirq.TOFFOLI(a, b, c))
    mine = cirq.Circuit(cirq.H(c), cirq.CNOT(b, c), cirq.T(c) ** -1, cirq.CNOT(a, c), cirq.T(c), cirq.CNOT(b, c),
                        cirq.T(c) ** -1, cirq.CNOT(a, c), cirq.T(b), cirq.T(c), cirq.H(c), cirq.CNOT(a, b), cirq.T(a), cirq.T(b) ** -1)
    print(f"checking = toffoli decomposition with a missing CNOT")
    cirq.testing.assert_circuits_with_terminal_measurements_are_equivalent(mine, ref, atol=1e-8)
elif case == "same":
    cirq.testing.assert_same_circuits(grover(3, "110"), grover(3, "111"))
elif case == "phase":
    import numpy as np
    cirq.testing.assert_allclose_up_to_global_phase(cirq.unitary(cirq.S), cirq.unitary(cirq.T), atol=1e-8)
'''


def cirq(tmp: Path) -> None:
    d = tmp / "cq"
    write_tree(d, {"circuits.py": q.CQ_COMMON, "draw.py": CQ_DRAW, "sim.py": CQ_SIM, "check.py": CQ_CHECK})
    cap("cirq-diagram-ghz33-qft4-grover4", "python draw.py ghz33 qft4 grover4 rand4", d, q.n_cirq_diagram, timeout=120)
    cap("cirq-diagram-rand6-head", "python draw.py rand6 | head -n 100", d, q.n_cirq_diagram, timeout=120)
    cap("cirq-simulate-grover-ghz-600", "python sim.py 600 grover4 grover3 ghz", d, q.n_cirq_simulate, timeout=120)
    cap("cirq-assert-toffoli-same-phase", "for c in toffoli same phase; do python check.py $c; echo EXIT=$?; done", d,
        q.n_cirq_assert, timeout=120)


# ---------------------------------------------------------------------------------------------- PennyLane

def pennylane(tmp: Path) -> None:
    d = tmp / "pl"
    write_tree(d, {"draw.py": q.PL_DRAW, "vqe.py": q.PL_VQE})
    cap("pennylane-draw-layers-12", "python draw.py layers 12 160", d, q.n_pennylane_draw, timeout=180)
    cap("pennylane-opt-adam-tail", "python vqe.py 220 0.08 adam | tail -n 60", d, q.n_pennylane_opt, timeout=300)
    cap("pennylane-opt-mom-echo", "python vqe.py 90 0.3 mom; echo EXIT=$?", d, q.n_pennylane_opt, timeout=300)


# ---------------------------------------------------------------------------------------------- Stim

ST_FILES = {
    "rep3.stim": "R 0 1 2 3 4 5 6\nREPEAT 4 {\n    CX 0 1 2 3 4 5\n    CX 2 1 4 3 6 5\n    DEPOLARIZE2(0.002) 0 1 2 3\n    MR 1 3 5\n"
                 "    DETECTOR rec[-3] rec[-6]\n    DETECTOR rec[-2] rec[-5]\n    DETECTOR rec[-1] rec[-4]\n}\nM 0 2 4 6\nOBSERVABLE_INCLUDE(0) rec[-1]\n",
    "neg_prob.stim": "R 0 1\nDEPOLARIZE2(-0.01) 0 1\nM 0 1\n",
    "bad_target.stim": "R 0 1\nH q0\nM 0 1\n",
    "odd_pair.stim": "R 0 1 2\nCZ 0 1 2\nM 0\n",
    "anticommute.stim": "RX 0\nM 0\nDETECTOR rec[-1]\n",
    "bad_obs.stim": "R 0\nM 0\nOBSERVABLE_INCLUDE(-1) rec[-1]\n",
    "extra_brace.stim": "R 0\nM 0\n}\n",
}


def stim(tmp: Path) -> None:
    d = tmp / "st"
    write_tree(d, {"gen.py": q.ST_GEN, "load.py": q.ST_LOAD, **ST_FILES})
    cap("stim-circuit-rep-d11", "python gen.py repetition_code:memory 11 6", d, q.n_stim_circuit, timeout=120)
    cap("stim-circuit-unrotated-d3-head", "python gen.py surface_code:unrotated_memory_x 3 3 | head -n 100", d, q.n_stim_circuit, timeout=120)
    cap("stim-dem-rep-d9", "python gen.py repetition_code:memory 9 3 dem", d, q.n_stim_dem, timeout=120)
    cap("stim-dem-rotated-x-d3-flat-tail", "python gen.py surface_code:rotated_memory_x 3 5 flat | tail -n 200", d, q.n_stim_dem, timeout=120)
    cap("stim-error-files-echo", "python load.py " + " ".join(ST_FILES) + "; echo EXIT=$?", d, q.n_stim_error, timeout=120)


# ---------------------------------------------------------------------------------------------- PyZX

def pyzx(tmp: Path) -> None:
    d = tmp / "zx"
    write_tree(d, {"zx_run.py": q.ZX})
    cap("pyzx-stats-7q-t", "python zx_run.py 7 150 t 6", d, q.n_pyzx_stats, timeout=180)
    cap("pyzx-stats-5q-broken-echo", "python zx_run.py 5 90 broken 2; echo EXIT=$?", d, q.n_pyzx_stats, timeout=180)


# ---------------------------------------------------------------------------------------------- NLP: fastText, SentencePiece

def fasttext(tmp: Path) -> None:
    d = tmp / "ledgerline" / "ft"
    train = nlp.ft_file(2711, 4000)
    dirty = nlp.ft_file(2712, 1800, faults=True)
    write_tree(d, {"train.txt": train, "valid.txt": nlp.ft_file(2713, 900), "dirty.txt": dirty,
                   "fine.txt": nlp.ft_fine(2715, 5000), "fine_valid.txt": nlp.ft_fine(2716, 1200)})
    ft = "fasttext supervised -thread 1"
    cap("fasttext-supervised-lr-sweep", f"for lr in 0.05 0.3 1.0; do echo \"== lr=$lr\"; {ft} -input train.txt -output inv "
        "-epoch 4 -lr $lr -dim 16 -wordNgrams 2; done", d, nlp.n_fasttext_train, timeout=200)
    cap("fasttext-supervised-dirty-bucket-echo", f"{ft} -input dirty.txt -output d -epoch 2 -dim 8 -bucket 0 -wordNgrams 2; echo EXIT=$?; "
        f"{ft} -input dirty.txt -output d2 -epoch 2 -dim 8 -loss softmx; echo EXIT=$?", d, nlp.n_fasttext_train, timeout=120)
    cm.run(f"{ft} -input fine.txt -output fine -epoch 6 -lr 0.7 -dim 20 -wordNgrams 2", cwd=d, timeout=120)
    cm.run(f"{ft} -input train.txt -output inv -epoch 5 -lr 0.5 -dim 16", cwd=d, timeout=120)
    cap("fasttext-test-label-fine-grep", "fasttext test-label fine.bin fine_valid.txt | grep -v 'F1-Score : 1.0'", d, nlp.n_fasttext_test, timeout=60)
    cap("fasttext-test-k-thresholds", "for t in 0.0 0.2 0.5 0.8; do echo \"== threshold=$t\"; fasttext test inv.bin valid.txt 3 $t; done; "
        "fasttext test-label inv.bin dirty.txt; echo EXIT=$?", d, nlp.n_fasttext_test, timeout=60)


def sentencepiece(tmp: Path) -> None:
    d = tmp / "ledgerline" / "spm"
    write_tree(d, {"corpus.txt": nlp.free_text(2717, 20000), "few.txt": nlp.free_text(2718, 150)})
    cap("spm-train-unigram-900", "spm_train --input=corpus.txt --model_prefix=ll --vocab_size=900 --model_type=unigram "
        "--num_threads=1 --character_coverage=0.999", d, nlp.n_spm_train, timeout=120)
    cap("spm-train-bpe-few-echo", "spm_train --input=few.txt --model_prefix=few --vocab_size=3000 --model_type=bpe --num_threads=1; "
        "echo EXIT=$?; spm_train --input=missing.txt --model_prefix=m --vocab_size=100; echo EXIT=$?", d, nlp.n_spm_train, timeout=60)
    cap("spm-train-bpe-grep", "spm_train --input=corpus.txt --model_prefix=llb --vocab_size=700 --model_type=bpe --num_threads=1 "
        "2>&1 | grep -vE 'Added: freq=' | tail -n 100", d, nlp.n_spm_train, timeout=120)


# ---------------------------------------------------------------------------------------------- NLP: NLTK, tokenizers, gensim, CRFsuite

def nltk(tmp: Path) -> None:
    d = tmp / "ledgerline" / "nltk"
    write_tree(d, {"nb.py": nlp.NLTK_NB, "tag.py": nlp.NLTK_TAG, "train.txt": nlp.ft_file(2719, 2000),
                   "dirty.txt": nlp.ft_file(2720, 900, faults=True)})
    cap("nltk-naive-bayes-180", f"{PY} nb.py train.txt 180", d, nlp.n_nltk_train, timeout=200, typed="python nb.py train.txt 180")
    cap("nltk-naive-bayes-dirty-tail-echo", f"{PY} nb.py dirty.txt 40 | tail -n 60; echo EXIT=$?", d, nlp.n_nltk_train, timeout=200,
        typed="python nb.py dirty.txt 40 | tail -n 60; echo EXIT=$?")
    cap("nltk-ngram-tagger-2721", f"{PY} tag.py 2721 300 90", d, nlp.n_nltk_train, timeout=120, typed="python tag.py 2721 300 90")


def tokenizers(tmp: Path) -> None:
    d = tmp / "ledgerline" / "tok"
    write_tree(d, {"tok.py": nlp.HF_TOK, "corpus.txt": nlp.free_text(2722, 6000), "extra.txt": nlp.free_text(2723, 1500)})
    cap("hf-tokenizers-bpe-1000", f"{PY} tok.py bpe 1000 corpus.txt 60", d, nlp.n_hf_tokenizers, timeout=120,
        typed="python tok.py bpe 1000 corpus.txt 60")
    cap("hf-tokenizers-unigram-head-echo", f"{PY} tok.py unigram 450 corpus.txt,extra.txt 150 | head -n 100; {PY} tok.py wordpiece 300 "
        "notes.txt 5; echo EXIT=$?", d, nlp.n_hf_tokenizers, timeout=120,
        typed="python tok.py unigram 450 corpus.txt,extra.txt 150 | head -n 100; python tok.py wordpiece 300 notes.txt 5; echo EXIT=$?")


def gensim(tmp: Path) -> None:
    d = tmp / "ledgerline" / "gensim"
    write_tree(d, {"w2v.py": nlp.GENSIM, "corpus.txt": nlp.free_text(2724, 3000)})
    cap("gensim-word2vec-mincount2", f"{PY} w2v.py word2vec corpus.txt 2 40", d, nlp.n_gensim, timeout=200,
        typed="python w2v.py word2vec corpus.txt 2 40")
    cap("gensim-fasttext-oov-tail-echo", f"{PY} w2v.py fasttext corpus.txt 4 2 invoicez 2>&1 | tail -n 60; echo EXIT=$?", d, nlp.n_gensim,
        timeout=200, typed="python w2v.py fasttext corpus.txt 4 2 invoicez 2>&1 | tail -n 60; echo EXIT=$?")


def crfsuite(tmp: Path) -> None:
    d = tmp / "ledgerline" / "crf"
    small = nlp.ner_examples(2726, 100)
    rnd = random.Random(2727)
    for k, (t, ents, c) in enumerate(small):  # the fault: an entity whose label is blank, one past the text's end
        if k % 9 == 0:
            ents.append((len(t) - 3, len(t) + 4, "PLACE"))
        if k % 13 == 0 and ents:
            ents[0] = (ents[0][0], ents[0][1], "")
    write_tree(d, {"crf.py": nlp.CRF, "ner.json": json.dumps(nlp.ner_examples(2725, 320)), "small.json": json.dumps(small)})
    cap("crfsuite-train-200", f"{PY} crf.py ner.json 200", d, nlp.n_crfsuite, timeout=200, typed="python crf.py ner.json 200")
    cap("crfsuite-train-faulty-tail-echo", f"{PY} crf.py small.json 60 2>&1 | tail -n 80; echo EXIT=$?", d, nlp.n_crfsuite, timeout=200,
        typed="python crf.py small.json 60 2>&1 | tail -n 80; echo EXIT=$?")


# ---------------------------------------------------------------------------------------------- NLP: spaCy

def spacy(tmp: Path) -> None:
    d = tmp / "ledgerline" / "spacy"
    train, dev, dirty = nlp.ner_examples(2728, 300), nlp.ner_examples(2729, 80), nlp.ner_examples(2730, 150)
    rnd = random.Random(2731)
    for k, (t, ents, c) in enumerate(dirty):  # the fault: an entity's end pulled one character into its last word
        if k % 4 == 0 and ents:
            ents[-1] = (ents[-1][0], ents[-1][1] - rnd.choice([1, 2]), ents[-1][2])
    write_tree(d, {"train.json": json.dumps(train), "dev.json": json.dumps(dev), "dirty.json": json.dumps(dirty),
                   "make.py": nlp.SPACY_MAKE.replace("CATS", repr(list(nlp.LABELS)))})
    env = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    for name in ("dirty", "train", "dev"):
        cm.run(f"{PY} make.py {name}.json {name}.spacy", cwd=d, timeout=120, env=env)
    sp = f"{PY} -m spacy"
    cm.run(f"{sp} init config --lang en --pipeline ner --optimize efficiency ner.cfg --force", cwd=d, timeout=120, env=env)
    ov = "--paths.train train.spacy --paths.dev dev.spacy --training.eval_frequency 10 --training.max_steps 120"
    cap("spacy-train-ner-120", f"{sp} train ner.cfg --output out {ov}", d, nlp.n_spacy_train, timeout=400, env=env,
        typed=f"python -m spacy train ner.cfg --output out {ov}")
    cap("spacy-evaluate-dev-dirty-echo", f"for f in dev dirty; do {sp} evaluate out/model-last $f.spacy; done; echo EXIT=$?", d,
        nlp.n_spacy_evaluate, timeout=200, env=env,
        typed="for f in dev dirty; do python -m spacy evaluate out/model-last $f.spacy; done; echo EXIT=$?")
    cap("spacy-debug-data-dirty", f"{sp} debug data ner.cfg --paths.train dirty.spacy --paths.dev dev.spacy", d,
        nlp.n_spacy_debug_data, timeout=300, env=env,
        typed="python -m spacy debug data ner.cfg --paths.train dirty.spacy --paths.dev dev.spacy")


STEPS = [qiskit, cirq, pennylane, stim, pyzx, fasttext, sentencepiece, spacy, nltk, tokenizers, gensim, crfsuite]
