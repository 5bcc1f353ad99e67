#!/usr/bin/env python3
"""Capture round 257 of the compression corpus: natural-language-processing toolkits' training and evaluation runs,
in shapes new to the corpus. `quill`, a help desk's ticket router, is generated here by seeded generators (labelled
ticket sentences, a toy entity set of product and place names, free text) with faults put in on purpose (a malformed
label line, an empty file, entity offsets off token boundaries, a missing config key, a bad trainer option), and run
through fastText (supervised training, test, test-label), SentencePiece's trainer, spaCy (train a blank pipeline,
evaluate, debug data/config), NLTK (a Naive Bayes classifier and n-gram taggers), Hugging Face `tokenizers`, gensim's
Word2Vec and CRFsuite. Several command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`,
`2>&1 | grep -iE 'error|warn|fail'`, `; echo EXIT=$?`).

New kinds; their rules are NEEDLES.md's "Round 257" section, applied by the extractors in capture_wide257_nlp.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide257.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide257.json  as {"version": 2, "items": [...]}, ids prefixed "wide257-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide257-"
DEFAULT_OUT = HERE / "data" / "wide257.json"
TMP = Path("/dev/shm/hm-corpus-wide257")
TOOLS = Path("/dev/shm/hm-corpus-wide257-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["fasttext-wheel", "sentencepiece", "spacy", "nltk", "tokenizers", "gensim", "python-crfsuite"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of the Python toolkits (spaCy's blank pipelines only: no model is downloaded), and Debian's
    `fasttext` and `sentencepiece` command-line tools."""
    cm.install_venv(VENV, "spacy", PY_TOOLS)
    for tool, pkg in [("fasttext", "fasttext"), ("spm_train", "sentencepiece")]:
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide257_nlp as nlp
    return nlp.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide257", sys.modules["__main__"])
    main()
