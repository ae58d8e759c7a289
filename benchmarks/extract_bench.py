"""Extraction throughput vs bare spaCy, measured in the same run on the same articles.

200 articles generated from dev-data paragraphs (benchmarks/corpus.py). "bare" is
``nlp.pipe`` with the very components the extraction uses; "claimwatch" is the full
extraction (validation, spaCy, every stage, claim assembly) through ``extract_many``.
Target: claimwatch >= 85% of bare throughput, peak RSS <= 1 GB. CPU seconds of the process are
printed beside wall time: on a shared machine other jobs stretch wall time, not CPU time. A third
figure times both sides on each batch of 32 articles in turn (``paired_per_batch``): on a virtual
machine whose speed drifts over minutes, rounds timed ~30 s apart can differ by a third, batches
timed seconds apart hardly do. The target is reported by each of the three.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

N = int(os.environ.get("BENCH_ARTICLES", "200"))
BATCH = 32


def main() -> int:
    from claimwatch.extract.api import extract_many
    from claimwatch.extract.pipeline import get_pipeline
    from claimwatch.ingest.document import Document, Reject

    docs = generate(N)
    words = sum(len(d["text"].split()) for d in docs)
    pipeline = get_pipeline()
    nlp = pipeline.nlp
    warm = [Document(text=d["text"], published=d["published"]) for d in docs[:5]]
    list(nlp.pipe([d.text for d in warm]))
    list(extract_many(warm))

    rounds = int(os.environ.get("BENCH_ROUNDS", "2"))
    bare_t, full_t, bare_cpu, full_cpu = [], [], [], []
    rejects = claims = 0
    for _ in range(rounds):  # interleaved, so machine noise hits both sides alike
        t, c = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe((d["text"] for d in docs), batch_size=BATCH):
            pass
        bare_t.append(time.perf_counter() - t)
        bare_cpu.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        rejects = claims = 0
        documents = [Document(text=d["text"], published=d["published"], url=d["url"]) for d in docs]
        for result in extract_many(documents, batch_size=BATCH):
            if isinstance(result, Reject):
                rejects += 1
            else:
                claims += len(result.claims)
        full_t.append(time.perf_counter() - t)
        full_cpu.append(time.process_time() - c)
    bare, full = min(bare_t), min(full_t)
    cpu_ratio = min(bare_cpu) / min(full_cpu)
    paired_bare, paired_full = paired_per_batch(docs, nlp, rounds)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = bare / full
    print(f"articles: {N}, words: {words}, spaCy components: {', '.join(nlp.pipe_names)}")
    print(f"{'run':<12}{'seconds':>10}{'articles/s':>12}{'words/s':>12}{'ratio':>8}")
    print(f"{'bare spaCy':<12}{bare:>10.2f}{N / bare:>12.1f}{words / bare:>12.0f}{1.0:>8.2f}")
    print(f"{'claimwatch':<12}{full:>10.2f}{N / full:>12.1f}{words / full:>12.0f}{ratio:>8.2f}")
    print(f"CPU seconds (this process): bare {min(bare_cpu):.2f}, claimwatch {min(full_cpu):.2f}, "
          f"ratio {cpu_ratio:.2f} (steadier than wall time on a shared machine)")
    paired = paired_bare / paired_full
    print(f"CPU seconds paired per batch of {BATCH} articles over {rounds} rounds (bare then claimwatch on the same "
          f"batch, so the machine's drift hits both alike): bare {paired_bare:.2f}, claimwatch {paired_full:.2f}, "
          f"ratio {paired:.2f}")
    print(f"claims: {claims}, rejects: {rejects}, peak RSS: {rss_mb:.0f} MB")
    for name, value in (("wall time", ratio), ("CPU per round", cpu_ratio), ("CPU paired per batch", paired)):
        ok = value >= 0.85 and rss_mb <= 1024
        print(f"target (ratio >= 0.85, peak RSS <= 1024 MB) by {name}: {'met' if ok else 'NOT met'}")
    models = [m.strip() for m in os.environ.get("BENCH_MODELS", "").split(",") if m.strip()]
    if models:
        compare_models(docs, [pipeline.nlp.meta.get("name", "default")] + models, words, rounds)
    return 0


def paired_per_batch(docs: list[dict], nlp, rounds: int) -> tuple[float, float]:
    """CPU seconds of bare ``nlp.pipe`` and of ``extract_many`` on each batch of articles in turn,
    summed over every batch and round: a VM whose speed drifts over minutes slows both sides of a
    batch alike, where whole rounds timed apart can differ by a third."""
    from claimwatch.extract.api import extract_many
    from claimwatch.ingest.document import Document

    bare = full = 0.0
    for _ in range(rounds):
        for k in range(0, len(docs), BATCH):
            batch = docs[k:k + BATCH]
            c = time.process_time()
            for _doc in nlp.pipe((d["text"] for d in batch), batch_size=BATCH):
                pass
            bare += time.process_time() - c
            documents = [Document(text=d["text"], published=d["published"], url=d["url"]) for d in batch]
            c = time.process_time()
            for _result in extract_many(documents, batch_size=BATCH):
                pass
            full += time.process_time() - c
    return bare, full


def compare_models(docs: list[dict], names: list[str], words: int, rounds: int) -> None:
    """Bare spaCy and the full extraction with each model (an installed package name or a model
    directory), interleaved in the same run: ``BENCH_MODELS=en_core_web_md make bench``."""
    import spacy

    from claimwatch.extract.pipeline import Pipeline, load_nlp

    texts = [d["text"] for d in docs]
    pipelines = {}
    for name in names:
        nlp = load_nlp() if name == names[0] else spacy.load(name)
        pipelines[name] = Pipeline(nlp)
        list(nlp.pipe(texts[:5]))
    bare = {n: [] for n in names}
    full = {n: [] for n in names}
    for _ in range(rounds):
        for name, pl in pipelines.items():
            c = time.process_time()
            parsed = list(pl.nlp.pipe(texts, batch_size=BATCH))
            bare[name].append(time.process_time() - c)
            c = time.process_time()
            for doc, d in zip(parsed, docs):
                pl.analyse_doc(doc, d["published"])
            full[name].append(bare[name][-1] + time.process_time() - c)
    base = min(bare[names[0]])
    print(f"\nmodels (CPU seconds for {len(docs)} articles, {words} words; ratio = first model's bare spaCy / this)")
    print(f"{'model':<44}{'bare':>8}{'ratio':>8}{'full':>8}{'ratio':>8}")
    for name in names:
        b, f = min(bare[name]), min(full[name])
        meta = pipelines[name].nlp.meta
        label = f"{meta.get('lang', '')}_{meta.get('name', name)} {meta.get('version', '')}"
        print(f"{label[:44]:<44}{b:>8.2f}{base / b:>8.2f}{f:>8.2f}{base / f:>8.2f}")


if __name__ == "__main__":
    sys.exit(main())
