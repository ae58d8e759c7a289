"""Build ``src/claimwatch/resources/attribution_cue_rates.json``: how often a verb is an attribution
cue in the PolNeAR training split, when it has a subject and a complement.

    python scripts/build_cue_lexicon.py ../shared/data/dev/polnear-train.jsonl

For every verb with a nominal subject and a clausal complement or an object, in every training
document, the verb's lemma is counted, and counted as a cue when an annotated cue span holds it.
Lemmas seen at least ``MIN_SEEN`` times whose cue rate is at least ``MIN_RATE`` are written out
with their rate and counts. Only the training split is read (the dev split measures the result;
the test split is never seen). The output is a list of English verb lemmas with two numbers each.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

MIN_SEEN = 4
MIN_RATE = 0.5
OUT = Path(__file__).resolve().parents[1] / "src" / "claimwatch" / "resources" / "attribution_cue_rates.json"


def _candidate(tok) -> bool:
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "aux", "auxpass"):
        return False
    has_subj = any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)
    has_comp = any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep") for c in tok.children)
    return has_subj and has_comp


def main(path: str) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from claimwatch.extract.pipeline import load_nlp

    nlp = load_nlp()
    seen: Counter = Counter()
    cue: Counter = Counter()
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    for parsed, doc in zip(nlp.pipe((d["text"] for d in docs), batch_size=16), docs):
        cue_chars = set()
        for a in doc.get("attributions") or []:
            if a.get("cue"):
                cue_chars.update(range(a["cue"][0], a["cue"][1]))
        for tok in parsed:
            if _candidate(tok):
                lemma = tok.lemma_.lower()
                seen[lemma] += 1
                if tok.idx in cue_chars:
                    cue[lemma] += 1
    rates = {lemma: {"rate": round(cue[lemma] / n, 3), "cue": cue[lemma], "seen": n}
             for lemma, n in seen.items() if n >= MIN_SEEN and cue[lemma] / n >= MIN_RATE}
    out = {
        "_about": ("How often a verb with a subject and a complement is an attribution cue in the PolNeAR v1.0.0 "
                   "training split (github.com/networkdynamics/PolNeAR, data/train), counted by "
                   f"scripts/build_cue_lexicon.py: lemmas seen at least {MIN_SEEN} times with a cue rate of at least "
                   f"{MIN_RATE}. Only English verb lemmas and counts are kept. Read by claimwatch.extract.attribution "
                   "for PolNeAR's wide notion of a cue (a stance as well as speech); such a cue makes no statement claim."),
        "lemmas": dict(sorted(rates.items())),
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rates)} lemmas -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/dev/polnear-train.jsonl"))
