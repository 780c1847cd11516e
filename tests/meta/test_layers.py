"""The package's shape (../shared/design/LAYOUT.md, summarised in README):
layers that only import downward, no import cycle, small modules, and
function-local imports only where they buy start-up time, each saying so.

Every import counts: at module level, under TYPE_CHECKING and inside
functions. Imports that name a module as a string (importlib) do not: the
registry loads rule modules by name, and the CLI its commands.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "linter" / "openness_lint"
MAX_LINES = 320
# From the bottom up; a module may import its own layer and those below it.
LAYERS = (
    ("version", "errors", "finding", "components", "text"),
    ("catalog", "repo"),
    ("config", "config_keys"),
    ("context",),
    ("analysis",),
    ("registry",),
    ("rules", "levels", "report", "formats", "bom"),
    ("releases", "engine", "staged"),
    ("run",),
    ("cli", "action", "__main__", "__init__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"
    return next(index for index, names in enumerate(LAYERS) if top in names)


def imports(path: Path) -> list[tuple[str, ast.stmt, bool]]:
    """(module imported, the statement, inside a function) for every import of the package."""
    found = []
    tree = ast.parse(path.read_text("utf-8"))
    in_function = {id(node) for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for node in ast.walk(fn) if node is not fn}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            targets = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                       for alias in node.names]
        else:
            continue
        found += [(target, node, id(node) in in_function) for target in targets
                  if target.split(".")[0] == "openness_lint"]
    return found


def graph() -> dict[str, set[str]]:
    return {name: {target for target, _, _ in imports(path) if target != name} for name, path in MODULES.items()}


def test_the_layers_are_known():
    assert len(MODULES) > 100
    for name in MODULES:
        assert layer(name) >= 0, name


def test_every_import_points_down_or_across():
    upward = [f"{name} -> {target}" for name, targets in graph().items() for target in targets
              if layer(target) > layer(name)]
    assert upward == []


def test_there_is_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}  # 1 on the path, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_at_most_one_module_is_over_the_size_limit():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert len(long) <= 1, long


def _comment_lines(path: Path) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


def _local_imports(path: Path) -> list[ast.stmt]:
    """Every import statement inside a function, of any module."""
    tree = ast.parse(path.read_text("utf-8"))
    return [node for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(fn) if isinstance(node, (ast.Import, ast.ImportFrom))]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_function_local_import_says_why(name):
    """A comment on the import's line, just above it, or just above a run of
    such imports (LAYOUT.md: only to keep start-up fast)."""
    path = MODULES[name]
    comments = _comment_lines(path)
    local = sorted({node.lineno for node in _local_imports(path)})
    explained: set[int] = set()
    for line in local:
        if comments & {line - 1, line} or line - 1 in explained:
            explained.add(line)
    silent = [line for line in local if line not in explained]
    assert silent == [], f"{path.name}: function-local imports without a comment at lines {silent}"
