"""CPU seconds of each extraction stage on the benchmark articles, beside bare spaCy's, in one run.

The articles (``benchmarks/corpus.py``) are parsed once with ``nlp.pipe`` (the bare figure) and
the stages then run on the parsed Docs, each timed by ``time.process_time``: where the ~25% the
stages add on top of spaCy goes. ``BENCH_SAMPLE=1`` also samples the Python stack every
millisecond of CPU time while the stages run and prints the functions holding the most samples,
inclusive and by their own code (a sampler hardly slows the code it watches, where ``cProfile``
multiplies the cost of every small call and so misranks them).

``BENCH_ARTICLES=80 python benchmarks/stage_bench.py``
"""

from __future__ import annotations

import collections
import os
import signal
import sys
import time
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

N = int(os.environ.get("BENCH_ARTICLES", "200"))
BATCH = 32


class Sampler:
    """Stack samples every millisecond of the process's CPU time (``SIGPROF``)."""

    def __init__(self) -> None:
        self.inclusive: collections.Counter[str] = collections.Counter()
        self.own: collections.Counter[str] = collections.Counter()
        self.total = 0

    def _sample(self, _signum: int, frame: FrameType | None) -> None:
        self.total += 1
        seen: set[str] = set()
        first = True
        while frame is not None:
            code = frame.f_code
            key = f"{Path(code.co_filename).name}:{code.co_firstlineno}:{code.co_name}"
            if first:
                self.own[key] += 1
                first = False
            if key not in seen:
                seen.add(key)
                self.inclusive[key] += 1
            frame = frame.f_back

    def start(self) -> None:
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def report(self, top: int = 40) -> None:
        for title, counts in (("inclusive", self.inclusive), ("own code", self.own)):
            print(f"\nsampled functions, {title} (% of {self.total} samples)")
            for key, n in counts.most_common(top):
                print(f"{100 * n / max(1, self.total):6.1f}%  {key}")


def main() -> int:
    from claimwatch.extract.pipeline import get_pipeline
    from claimwatch.ingest.normalise import normalise_text

    docs = generate(N)
    pipeline = get_pipeline()
    texts = [normalise_text(d["text"]).clean for d in docs]
    for doc, text, d in zip(pipeline.nlp.pipe(texts[:5]), texts, docs):
        pipeline.analyse_doc(doc, d["published"], text)   # warm the lexicons and caches
    per_stage: dict[str, float] = {st.name: 0.0 for st in pipeline.stages}

    c = time.process_time()
    parsed = list(pipeline.nlp.pipe(texts, batch_size=BATCH))
    bare = time.process_time() - c
    sampler = Sampler() if os.environ.get("BENCH_SAMPLE") else None
    if sampler:
        sampler.start()
    c = time.process_time()
    for doc, text, d in zip(parsed, texts, docs):
        _analyse_timed(pipeline, doc, d["published"], text, per_stage)
    stages = time.process_time() - c
    if sampler:
        sampler.stop()
    print(f"articles: {N}; CPU seconds: bare spaCy {bare:.2f}, stages {stages:.2f} "
          f"(+{100 * stages / bare:.0f}%), ratio {bare / (bare + stages):.3f}")
    for name, seconds in per_stage.items():
        print(f"  {name:<14}{seconds:7.2f}  {100 * seconds / stages:5.1f}%")
    print(f"  {'(the rest)':<14}{stages - sum(per_stage.values()):7.2f}")
    if sampler:
        sampler.report()
    return 0


def _analyse_timed(pipeline, doc, published: str, text: str, per_stage: dict[str, float]) -> None:
    """``pipeline.analyse_doc`` with each stage's CPU seconds added to ``per_stage``."""
    runs = {st.name: st.run for st in pipeline.stages}
    timed = []
    for st in pipeline.stages:
        def run(analysis, name=st.name):
            c = time.process_time()
            runs[name](analysis)
            per_stage[name] += time.process_time() - c
        timed.append(run)
    stages = pipeline.stages
    pipeline.stages = [_Timed(st, run) for st, run in zip(stages, timed)]
    try:
        pipeline.analyse_doc(doc, published, text)
    finally:
        pipeline.stages = stages


class _Timed:
    """A stage whose ``run`` is timed (the stage itself is frozen)."""

    def __init__(self, stage, run) -> None:
        self.name, self.requires, self.provides, self.run = stage.name, stage.requires, stage.provides, run


if __name__ == "__main__":
    sys.exit(main())
