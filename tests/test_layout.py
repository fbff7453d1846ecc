"""The package's layout: imports point one way along the flow, and no module imports itself back.

The rule (also in ``DESIGN.md``): each top-level part of :mod:`geoconflict` has a
rank, and a module may import a module of another part only when that part's
rank is lower. Inside one part, modules import each other freely, but the
imports of the whole package, function-level imports included, form no cycle.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import geoconflict

PACKAGE = Path(geoconflict.__file__).parent

#: Each part of the package and its rank along text → places → events → layers → map.
RANKS = {
    "errors": 0,
    "_data": 1,
    "_files": 1,
    "_gpkgchild": 1,
    "lang": 1,
    "model": 2,
    "text": 3,
    "gazetteer": 4,
    "extraction": 5,
    "readers": 5,
    "maps": 5,
    "inputs": 6,
    "mapping": 6,
    "batch": 7,
    "_warm": 8,
    "cli": 8,
    "__main__": 9,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import of the package in *path*, relative ones made absolute."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.split(".")[0] == "geoconflict"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.split(".")[0] == "geoconflict":
                found.append((node.lineno, module, [a.name for a in node.names]))
    return found


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def test_every_part_has_a_rank():
    assert {_part(m) for m in _modules()} - {""} <= set(RANKS)


def test_imports_point_down_the_flow():
    wrong = []
    for module, path in _modules().items():
        if module == "geoconflict":
            continue
        own = _part(module)
        for line, target, names in _imports(path):
            part = _part(target)
            if target == "geoconflict":
                # the package root only exports lazily; only its version may be read from below
                if set(names) - {"__version__"}:
                    wrong.append(f"{module}:{line} imports {names} from the package root")
                continue
            if part != own and RANKS[part] >= RANKS[own]:
                wrong.append(f"{module}:{line} ({own}, rank {RANKS[own]}) imports {target} (rank {RANKS[part]})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for _, target, names in _imports(path):
            # 'from geoconflict.x import y' imports geoconflict.x.y when y is a module
            targets = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules] or [target]
            graph[module] |= {t for t in targets if t in modules and t != "geoconflict"}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as cycle:
        raise AssertionError(f"import cycle: {' -> '.join(cycle.args[1])}") from None


def test_the_checks_see_imports():
    # the rules above would pass vacuously if the import reader found nothing
    maps = _imports(PACKAGE / "maps" / "render.py")
    assert any(target.startswith("geoconflict.maps.") for _, target, _ in maps)
    assert any(target == "geoconflict.errors" for _, target, _ in maps)
