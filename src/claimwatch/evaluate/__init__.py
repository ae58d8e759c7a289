"""Evaluation: gold readers, scorers, peer baselines, the suite (``make eval``) and the quality gate.

See ``docs/evaluation.md``. Scorers take gold and predicted item lists and know nothing of the
pipeline; :class:`ClaimwatchSystem` adapts the pipeline, :mod:`.peers` the peer tools.
"""

from .claims import score_claims
from .gold import LAYERS, GoldDoc, Item, read_claim_gold, read_gold, read_layer_jsonl
from .matching import PRF, Acc, match_spans
from .runner import RunResult, run_system
from .scorers import LayerScore, score_layer
from .systems import ClaimwatchSystem

__all__ = ["LAYERS", "GoldDoc", "Item", "read_gold", "read_layer_jsonl", "read_claim_gold", "PRF", "Acc",
           "match_spans", "LayerScore", "score_layer", "score_claims", "RunResult", "run_system",
           "ClaimwatchSystem"]
