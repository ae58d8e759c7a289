"""Scale-out: the same extraction per partition on Apache Spark, and loading its Parquet output."""

from .load import load_output, read_output

__all__ = ["SparkJobConfig", "run_extract", "load_output", "read_output", "reconcile_output"]


def __getattr__(name: str):
    # the job and the Spark reconciliation import pyspark; load them only when asked for
    if name in ("SparkJobConfig", "run_extract"):
        from . import job

        return getattr(job, name)
    if name == "reconcile_output":
        from .blocking import reconcile_output

        return reconcile_output
    raise AttributeError(name)
