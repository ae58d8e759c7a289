"""The house rules: imports point down the flow, no import cycles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "src" / "claimwatch"

#: area -> areas it must never import (ingest → extract → store → reconcile → serve/export;
#: ``flow`` wires ingest → extract → store → reconcile once, for cli, web and spark).
FORBIDDEN = {
    "model": {"*"},
    "errors": {"*"},
    "schema": {"*"},
    "resources": {"*"},
    "dedup": {"*"},
    "ingest": {"extract", "store", "reconcile", "flow", "web", "export", "cli", "evaluate", "spark"},
    "extract": {"store", "reconcile", "flow", "web", "export", "cli", "evaluate", "spark"},
    "store": {"ingest", "extract", "flow", "web", "reconcile", "cli", "evaluate", "spark", "export"},
    "reconcile": {"ingest", "flow", "web", "cli", "evaluate", "spark", "export", "extract"},
    "flow": {"web", "cli", "evaluate", "spark", "export"},
    "export": {"ingest", "extract", "flow", "web", "cli", "evaluate", "spark"},
    "evaluate": {"web", "cli", "spark"},
    "web": {"cli"},
    "spark": {"cli", "web"},
}
#: the exceptions to a "*" rule: what such a module may import
ALLOWED = {"schema": {"model"}, "dedup": {"settings", "errors"}}
MAX_LINES = 600


def _module_name(path: Path, pkg: Path = PKG) -> str:
    rel = path.relative_to(pkg.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, top_only: bool = False, pkg: Path = PKG) -> set[str]:
    """claimwatch modules imported by ``path``; with ``top_only`` only module-level imports
    (function-level imports are lazy and cannot form an import-time cycle)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mod = _module_name(path, pkg)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out: set[str] = set()
    nodes = tree.body if top_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("claimwatch"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("claimwatch"):
                out.add(target)
                for alias in node.names:
                    out.add(f"{target}.{alias.name}")
    return out


def _graph(top_only: bool = False, pkg: Path = PKG) -> dict[str, set[str]]:
    files = {_module_name(p, pkg): p for p in pkg.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in files.items():
        graph[mod] = {t for t in _imports(path, top_only, pkg) if t in files and t != mod}
    return graph


def _area(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else ""


def _against_the_flow(pkg: Path = PKG) -> list[str]:
    bad = []
    for mod, targets in _graph(pkg=pkg).items():
        rules = FORBIDDEN.get(_area(mod), set())
        for t in targets:
            if _area(t) == _area(mod):
                continue
            if _area(t) in rules or ("*" in rules and _area(t) not in ALLOWED.get(_area(mod), ())):
                bad.append(f"{mod} -> {t}")
    return sorted(bad)


def test_imports_point_down_the_flow():
    bad = _against_the_flow()
    assert not bad, "imports against the flow:\n" + "\n".join(bad)


def test_the_check_catches_store_importing_extract_or_ingest(tmp_path):
    """The rule has teeth: a store module importing extraction or ingest (even lazily, inside a
    function) is reported."""
    pkg = tmp_path / "claimwatch"
    for area in ("store", "extract", "ingest", "flow"):
        (pkg / area).mkdir(parents=True)
        (pkg / area / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "extract" / "api.py").write_text("def extract(text):\n    return text\n", encoding="utf-8")
    (pkg / "ingest" / "readers.py").write_text("X = 1\n", encoding="utf-8")
    (pkg / "flow" / "batch.py").write_text("from ..store import writer\nfrom ..extract import api\n", encoding="utf-8")
    (pkg / "store" / "writer.py").write_text(
        "from ..ingest.readers import X\n\ndef write(a):\n    from ..extract.api import extract\n    return extract(a)\n",
        encoding="utf-8")
    assert _against_the_flow(pkg) == ["claimwatch.store.writer -> claimwatch.extract.api",
                                      "claimwatch.store.writer -> claimwatch.ingest.readers"]


def test_no_import_cycles_between_modules():
    # a package importing its own submodules is the usual re-export, not a cycle
    top = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in _graph(top_only=True).items()}
    seen: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def visit(n: str) -> None:
        seen[n] = 1
        stack.append(n)
        for m in top.get(n, ()):
            if seen.get(m) == 1:
                cycles.append(" -> ".join(stack[stack.index(m):] + [m]))
            elif m not in seen:
                visit(m)
        stack.pop()
        seen[n] = 2

    for n in top:
        if n not in seen:
            visit(n)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_modules_stay_small():
    big = [f"{p.relative_to(PKG)}: {n}" for p in PKG.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not big, f"modules over {MAX_LINES} lines: {big}"


def test_public_modules_declare_all():
    missing = [str(p.relative_to(PKG)) for p in (PKG / "model.py", PKG / "errors.py", PKG / "settings.py")
               if "__all__" not in p.read_text(encoding="utf-8")]
    assert not missing


def test_data_files_are_read_only_through_the_resources_package():
    """One loader for the package's data files (``claimwatch.resources``): no module opens them by
    ``importlib.resources`` or by a path of its own."""
    loader = PKG / "resources" / "__init__.py"
    bad = [str(p.relative_to(PKG)) for p in PKG.rglob("*.py") if p != loader
           and ("resources.files(" in (text := p.read_text(encoding="utf-8")) or '/ "resources"' in text)]
    assert not bad, "data files read outside claimwatch.resources: " + ", ".join(bad)
