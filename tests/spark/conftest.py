"""One local[2] Spark session for every Spark test (the JVM and the Python workers, each with
the spaCy pipeline loaded once, are shared)."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:  # pragma: no cover - CI installs Java via scripts/install-system-deps.sh
        pytest.skip("java is not installed")
    from claimwatch.spark.job import spark_session

    session = spark_session("local[2]", app="claimwatch-tests",
                            conf={"spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2",
                                  "spark.ui.showConsoleProgress": "false"})
    yield session
    session.stop()
