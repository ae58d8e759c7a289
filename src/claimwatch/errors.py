"""The exception tree and the catalogue of coded error messages: one place.

Every error claimwatch raises on purpose is a :class:`ClaimwatchError` with a
stable ``code`` (``E1xx`` input, ``E2xx`` extraction, ``E3xx`` store,
``E4xx`` reconcile, ``E5xx`` API/web, ``E6xx`` evaluation, ``E7xx`` batch/spark),
a one-line ``message`` and the ``input`` it concerns. Boundaries render them
one way each:

* CLI: ``claimwatch: error: <input>: <reason>`` on stderr, non-zero exit
  (:meth:`ClaimwatchError.cli_line`, :attr:`ClaimwatchError.exit_code`);
* API: ``{"error": {"code": ..., "message": ..., "detail": ...}}`` with
  :attr:`ClaimwatchError.http_status` (:meth:`ClaimwatchError.to_json`).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CATALOGUE",
    "ClaimwatchError",
    "InputError",
    "EmptyInput",
    "BinaryInput",
    "EncodingInput",
    "NotEnglish",
    "TooLarge",
    "MalformedInput",
    "UnreadableInput",
    "TooSlow",
    "ExtractionError",
    "StoreError",
    "NotFound",
    "ValidationError",
    "AuthError",
    "EvaluationError",
    "QualityGateError",
    "ConfigError",
]

#: code -> (message template, http status). Templates are ``str.format``-ed with
#: the keyword arguments given to the exception.
CATALOGUE: dict[str, tuple[str, int]] = {
    # input (SPEC §8)
    "E101": ("empty input: {detail}", 422),
    "E102": ("binary data, not text ({detail})", 422),
    "E103": ("not valid UTF-8 (or any declared encoding): {detail}", 422),
    "E104": ("not English (detected {detail})", 422),
    "E105": ("too large: {size} {unit}, limit {limit} {unit}", 413),
    "E106": ("malformed {kind}: {detail}", 422),
    "E107": ("cannot read input: {detail}", 400),
    "E108": ("too slow: extraction took more than {limit} s of CPU time (the per-article time budget)", 422),
    # extraction
    "E201": ("extraction failed: {detail}", 500),
    "E202": ("spaCy pipeline not installed: {detail}", 500),
    "E203": ("pipeline stage order: {detail}", 500),
    # store
    "E301": ("database error: {detail}", 500),
    "E302": ("not found: {detail}", 404),
    "E303": ("invalid value: {detail}", 422),
    "E304": ("database schema is not current: {detail}", 500),
    # reconcile
    "E401": ("reconciliation failed: {detail}", 500),
    # API / web
    "E501": ("authentication required: {detail}", 401),
    "E502": ("forbidden: {detail}", 403),
    "E503": ("request too large: {detail}", 413),
    "E504": ("bad request: {detail}", 400),
    "E505": ("internal error: {detail}", 500),
    # evaluation
    "E601": ("cannot read gold file: {detail}", 400),
    "E602": ("quality gate failed: {detail}", 1),
    # batch / config
    "E701": ("invalid setting: {detail}", 400),
    "E702": ("batch job failed: {detail}", 500),
}


class ClaimwatchError(Exception):
    """Base of every deliberate claimwatch error."""

    code: str = "E201"
    exit_code: int = 1

    def __init__(self, input: str | None = None, code: str | None = None, **kwargs: Any) -> None:
        if code is not None:
            self.code = code
        self.input = input
        self.params = kwargs
        template, self.http_status = CATALOGUE[self.code]
        kwargs.setdefault("detail", "")
        try:
            self.reason = template.format(**kwargs)
        except (KeyError, IndexError):
            self.reason = template
        self.reason = " ".join(self.reason.split()).rstrip(": ")
        super().__init__(self.cli_message())

    def cli_message(self) -> str:
        return f"{self.input}: {self.reason}" if self.input else self.reason

    def cli_line(self) -> str:
        """The one line the CLI prints."""
        return f"claimwatch: error: {self.cli_message()}"

    def to_json(self) -> dict[str, Any]:
        """The one JSON error shape of the API."""
        detail = {k: v for k, v in self.params.items() if k != "detail"}
        if self.input:
            detail["input"] = self.input
        return {"error": {"code": self.code, "message": self.reason, "detail": detail or None}}


class InputError(ClaimwatchError):
    """Bad input (SPEC §8): the input is refused, nothing is stored."""

    code = "E107"
    exit_code = 2


class EmptyInput(InputError):
    code = "E101"

    def __init__(self, input: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("detail", "no text after extraction")
        super().__init__(input, **kwargs)


class BinaryInput(InputError):
    code = "E102"


class EncodingInput(InputError):
    code = "E103"


class NotEnglish(InputError):
    code = "E104"


class TooLarge(InputError):
    """Over a size limit; ``unit`` is ``bytes`` (default) or ``characters``."""

    code = "E105"

    def __init__(self, input: str | None = None, code: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("unit", "bytes")
        super().__init__(input, code, **kwargs)


class MalformedInput(InputError):
    code = "E106"


class UnreadableInput(InputError):
    code = "E107"


class TooSlow(InputError):
    """Extraction of one article ran past ``max_seconds_per_article``."""

    code = "E108"


class ExtractionError(ClaimwatchError):
    code = "E201"


class StoreError(ClaimwatchError):
    code = "E301"


class NotFound(StoreError):
    code = "E302"
    exit_code = 2  # the input names nothing that exists: the caller's to fix, as bad input is


class ValidationError(StoreError):
    code = "E303"
    exit_code = 2  # a value that cannot be used as given


class AuthError(ClaimwatchError):
    code = "E501"


class EvaluationError(ClaimwatchError):
    code = "E601"


class QualityGateError(EvaluationError):
    code = "E602"


class ConfigError(ClaimwatchError):
    code = "E701"
