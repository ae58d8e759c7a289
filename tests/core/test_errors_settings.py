"""The error catalogue and the settings."""

from __future__ import annotations

import pytest

from claimwatch import errors
from claimwatch.errors import CATALOGUE, ClaimwatchError, EmptyInput, TooLarge
from claimwatch.settings import SETTINGS_HELP, Settings, load_settings


def test_every_error_class_has_a_catalogue_code():
    for name in errors.__all__:
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, ClaimwatchError):
            assert obj.code in CATALOGUE, name


def test_cli_line_and_json_shape():
    exc = TooLarge("big.txt", size=60_000_000, limit=5_000_000)
    assert exc.cli_line() == "claimwatch: error: big.txt: too large: 60000000 bytes, limit 5000000 bytes"
    body = exc.to_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == "E105" and exc.http_status == 413
    assert "\n" not in EmptyInput("x.txt").cli_line()


def test_settings_env_and_overrides(monkeypatch):
    monkeypatch.setenv("CLAIMWATCH_PORT", "9001")
    monkeypatch.setenv("CLAIMWATCH_PUBLIC_READ", "false")
    s = load_settings(db="sqlite:///x.db")
    assert s.port == 9001 and s.public_read is False and s.db == "sqlite:///x.db"
    monkeypatch.setenv("CLAIMWATCH_PORT", "nine")
    with pytest.raises(errors.ConfigError):
        load_settings()
    with pytest.raises(errors.ConfigError):
        load_settings(nope=1)


def test_every_setting_has_help():
    assert set(SETTINGS_HELP) == set(Settings.__dataclass_fields__)
    assert all(len(h) > 10 for h in SETTINGS_HELP.values())
