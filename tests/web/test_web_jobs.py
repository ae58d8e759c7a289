"""The ingest queue's worker processes end with the server; unfinished jobs say why."""

from __future__ import annotations

import time

from claimwatch.ingest.document import Document


def test_shutdown_ends_the_worker_processes_and_fails_unfinished_jobs(web_store):
    from claimwatch.web.jobs import IngestQueue

    queue = IngestQueue(web_store, workers=1)
    assert queue.in_process
    pool = queue._executor()
    busy = pool.submit(time.sleep, 60)  # a long extraction stands in here
    job_id = "job-under-way"
    web_store.create_job(job_id, "tester", "a long article")
    web_store.update_job(job_id, status="running")
    queue._pending[job_id] = busy
    for _ in range(200):  # the worker process is up
        if any(p.is_alive() for p in pool._processes.values()):
            break
        time.sleep(0.05)
    procs = list(pool._processes.values())
    assert procs and all(p.is_alive() for p in procs)
    queue.shutdown()
    assert not any(p.is_alive() for p in procs)
    job = queue.status(job_id)
    assert job["status"] == "failed" and "post the article again" in job["error"]["message"]
    queue.shutdown()  # twice is harmless


def test_a_thread_queue_runs_the_flow(web_store):
    from claimwatch.model import Article
    from claimwatch.web.jobs import IngestQueue
    from fixtures_web import make_claim

    def extractor(doc):
        art = Article(text=doc.text, title=doc.title)
        art.claims = [make_claim(doc.text, "c1", doc.text, qty="31", low=31, best=31, high=31)]
        for c in art.claims:
            c.article_id = art.id
        return art

    queue = IngestQueue(web_store, extractor=extractor, update_estimates=lambda s, ids: [])
    assert not queue.in_process
    job_id, future = queue.submit(Document(text="Police detained 31 people at the Chop checkpoint on Monday.",
                                           title="t", name="t"), "tester")
    future.result(timeout=60)
    job = queue.status(job_id)
    assert job["status"] == "done" and job["created"] is True and job["claims"] == 1
    queue.shutdown()


def test_ingest_workers_run_at_a_lower_cpu_priority_than_the_server(web_store):
    """Extraction is background work: on a busy machine reads get the CPU first."""
    import os

    from claimwatch.web.jobs import INGEST_NICENESS, IngestQueue

    queue = IngestQueue(web_store, workers=1)
    try:
        worker = queue._executor().submit(os.getpriority, os.PRIO_PROCESS, 0).result(timeout=120)
    finally:
        queue.shutdown()
    server = os.getpriority(os.PRIO_PROCESS, 0)
    assert worker == min(19, server + INGEST_NICENESS) > server
