"""Every documented setting is read by the code (a setting nothing reads is a lie in the docs)."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

from claimwatch.settings import Settings

SRC = Path(__file__).resolve().parents[2] / "src" / "claimwatch"


def test_every_setting_is_read_somewhere():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "settings.py")
    unread = [f.name for f in fields(Settings) if not re.search(rf"\.{f.name}\b", code)]
    assert not unread, f"settings nothing reads: {unread}"


def test_spacy_model_setting_chooses_the_pipeline(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Police said 12 people were detained at the border crossing on Monday night.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "claimwatch", "extract", str(text)], capture_output=True, text=True,
                          timeout=120, env={"CLAIMWATCH_SPACY_MODEL": "no_such_pipeline", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("claimwatch: error: spaCy pipeline not installed: no_such_pipeline")
