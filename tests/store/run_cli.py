"""Run the `claimwatch` command line with the stand-in extraction injected as a parameter
(``claimwatch.cli.main(argv, obj={"extractor": ...})``), for the store/ingest mechanics tests:
``python tests/store/run_cli.py ingest DIR --db URL ...``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from standin_extract import extract_docs  # noqa: E402

from claimwatch.cli import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:], obj={"extractor": extract_docs})
