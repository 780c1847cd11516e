"""Safe, line-aware YAML loading shared by config, packs and cards.

ruamel.yaml's round-trip loader keeps the line of every key and item, builds
only plain mappings, sequences and scalars (tags never construct Python
objects), and rejects duplicate keys.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

# Aliases are shared references after loading, so a "billion laughs" document
# is small in memory; walking it is what explodes. walk() stops after this
# many nodes.
MAX_NODES = 100_000


class YamlProblem(Exception):
    """A document the parser rejects: why, and where (1-based)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        return self.message


class _Constructor(RoundTripConstructor):
    def construct_unknown(self, node: Any) -> Iterator[Any]:
        """A tagged node, built as ruamel.yaml builds it. Its own generator
        catches everything with a bare except, GeneratorExit included, so
        when a later error abandons the document, closing the generator
        raises again in the garbage collector ("Exception ignored in").
        Here the close happens at once, and what it raises is dropped."""
        inner = super().construct_unknown(node)
        data = next(inner)
        try:
            yield data
        except GeneratorExit:
            try:
                inner.close()
            except Exception:  # noqa: BLE001 - the ConstructorError of an abandoned node
                pass
            raise
        for _ in inner:
            pass


_Constructor.add_constructor(None, _Constructor.construct_unknown)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


# The round-trip constructor fed by ruamel.yaml.clib's C parser: the same
# mappings, sequences, scalars and lines, about six times faster, but no
# comments. Where the two parsers read text differently (tags, anchors,
# tabs, Unicode line breaks, a BOM inside the text, a block scalar header
# with a comment straight after it, document markers and directives) the
# text goes to the pure parser, and so does any text the C parser fails on,
# so that errors read as they always did. tests/unit/test_yamlio.py compares
# the two on generated documents.
_PURE_ONLY = re.compile("&\\S|[!\t\x85\u2028\u2029\ufeff]|[|>][-+0-9]*#|^(?:---|\\.\\.\\.|%)", re.MULTILINE)
_FAILED = object()

try:
    from ruamel.yaml.cyaml import CParser
    from ruamel.yaml.resolver import VersionedResolver

    class _FastLoader(CParser, _Constructor, VersionedResolver):  # type: ignore[misc, valid-type]
        comment_handling = None

        def __init__(self, text: str):
            CParser.__init__(self, text)
            self._parser = self._composer = self
            _Constructor.__init__(self, loader=self)
            self.allow_duplicate_keys = False
            VersionedResolver.__init__(self, version=None, loadumper=self)
except (ImportError, TypeError):  # no C extension here (PyPy, a source install)
    _FastLoader = None  # type: ignore[assignment, misc]


def fast_load(text: str) -> Any:
    """The document through the C parser, or _FAILED: then the pure parser
    must read it."""
    if _FastLoader is None or _PURE_ONLY.search(text):
        return _FAILED
    try:
        loader = _FastLoader(text)
    except Exception:  # noqa: BLE001 - a ruamel.yaml whose internals moved
        return _FAILED
    try:
        return loader.get_single_data()
    except Exception:  # noqa: BLE001 - the pure parser reports it properly
        return _FAILED
    finally:
        loader.dispose()


def parse_safe(text: str) -> Any:
    """Our own YAML (rules/): the safe loader, with ruamel.yaml.clib's C
    parser where installed. It keeps no line numbers, which only files from
    users need; raise YamlProblem."""
    yaml = YAML(typ="safe")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(" ".join(str(exc.problem or exc.context or "invalid YAML").split()),
                          mark.line + 1 if mark else None) from None
    except YAMLError as exc:
        raise YamlProblem(" ".join(str(exc).split()) or "invalid YAML") from None


MAX_FLOW_DEPTH = 100
_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(text: str) -> int | None:
    """Offset where [ and { nest past MAX_FLOW_DEPTH: the parser would take
    seconds to give up on such input, so it never sees it."""
    depth = 0
    for bracket in _BRACKET.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            return bracket.start()
    return None


def _line_at(text: str, offset: int | None) -> int | None:
    return None if offset is None else text.count("\n", 0, max(offset, 0)) + 1


def _crashes(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _yaml().load(text)
    except (YAMLError, RecursionError):
        return False
    except Exception:  # noqa: BLE001
        return True
    return False


def _crash_line(text: str) -> int:
    """The first line whose prefix makes the parser crash (bisection)."""
    lines = text.split("\n")
    low, high = 1, len(lines)
    while low < high:
        middle = (low + high) // 2
        if _crashes("\n".join(lines[:middle])):
            high = middle
        else:
            low = middle + 1
    return low


def load(text: str, comments: bool = False) -> Any:
    """Parse one YAML document; raise YamlProblem with a 1-based line.
    With comments, keep them for a round trip (slower).

    Whatever the parser does with hostile input (errors it does not mark,
    exceptions of its own, warnings that quote the input) ends here as a
    YamlProblem; nothing reaches stderr."""
    deep = too_deep(text)
    if deep is not None:
        raise YamlProblem(f"brackets nested more than {MAX_FLOW_DEPTH} deep", _line_at(text, deep))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a reused anchor, quoted back with its line
            data = _FAILED if comments else fast_load(text)
            if data is _FAILED:
                data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        problem = " ".join(str(problem).split())
        if mark is None:
            raise YamlProblem(problem) from None
        raise YamlProblem(problem, mark.line + 1, mark.column + 1) from None
    except YAMLError as exc:
        position = getattr(exc, "position", None)  # ReaderError: a bad character
        raise YamlProblem(" ".join(str(exc).split())[:200] or "invalid YAML", _line_at(text, position)) from None
    except RecursionError:
        raise YamlProblem("YAML nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - the parser's own crashes on odd input
        raise YamlProblem(f"YAML the parser cannot read ({type(exc).__name__})", _crash_line(text)) from None
    try:
        count_nodes(data)
    except YamlProblem as exc:
        raise YamlProblem(exc.message, 1) from None
    return data


def count_nodes(data: Any, limit: int = MAX_NODES) -> int:
    """Count nodes, following aliases as a reader would; refuse past limit."""
    seen = 0
    stack = [data]
    while stack:
        item = stack.pop()
        seen += 1
        if seen > limit:
            raise YamlProblem(f"YAML expands to more than {limit} nodes (alias bomb?)")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return seen


def line_of(container: Any, key: Any = None) -> int | None:
    """1-based line of a key in a mapping, an index in a sequence, or the
    container itself; None when the data did not come from a file."""
    if not isinstance(container, (CommentedMap, CommentedSeq)):
        return None
    try:
        if key is None:
            return container.lc.line + 1
        if isinstance(container, CommentedMap):
            return container.lc.key(key)[0] + 1
        return container.lc.item(key)[0] + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return None


def dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()
