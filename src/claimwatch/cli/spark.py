"""CLI commands: spark-extract, spark-reconcile, load-parquet."""

from __future__ import annotations

import click

__all__ = ["COMMANDS"]


@click.command("spark-extract")
@click.argument("input")
@click.argument("output")
@click.option("--master", default=None, help="Spark master URL (local[2], spark://host:7077, yarn); default: Spark's own")
@click.option("--partitions", type=int, default=None, help="Number of partitions to extract in")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "warc"]), default=None,
              help="Input format; default: from the input's name")
def spark_extract(input: str, output: str, master: str | None, partitions: int | None, fmt: str | None) -> None:
    """Run the extraction on Spark: INPUT (JSONL, Parquet or WARC) -> OUTPUT/{articles,claims,rejects} Parquet."""
    from ..spark.job import SparkJobConfig, run_extract

    counts = run_extract(SparkJobConfig(input=input, output=output, master=master, partitions=partitions, format=fmt))
    click.echo(f"{counts['articles']} articles, {counts['claims']} claims, {counts['rejects']} rejects -> {output}")


@click.command("load-parquet")
@click.argument("output")
@click.option("--db", default=None, help="Database URL (default: the `db` setting)")
@click.option("--no-reconcile", is_flag=True, help="Load only; do not update the estimates")
def load_parquet(output: str, db: str | None, no_reconcile: bool) -> None:
    """Load a spark-extract OUTPUT folder into the store (bulk insert, then reconciliation)."""
    from ..spark.load import load_output
    from ..store import Store

    counts = load_output(output, Store(db), reconcile=not no_reconcile)
    click.echo(f"{counts['articles']} articles loaded, {counts['skipped']} already stored, {counts['rejects']} rejects")


@click.command("spark-reconcile")
@click.argument("output")
@click.option("--master", default=None, help="Spark master URL (local[2], spark://host:7077, yarn); default: Spark's own")
@click.option("--partitions", type=int, default=None, help="Number of partitions to shuffle the blocks into")
def spark_reconcile(output: str, master: str | None, partitions: int | None) -> None:
    """Reconcile a spark-extract OUTPUT on Spark, block by block -> OUTPUT/estimates Parquet."""
    from ..spark.blocking import reconcile_output

    n = reconcile_output(output, master=master, partitions=partitions)
    click.echo(f"{n} estimates -> {output.rstrip('/')}/estimates")


COMMANDS = [spark_extract, load_parquet, spark_reconcile]
