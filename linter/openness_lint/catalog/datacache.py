"""A cache, outside the repository, of what openness-lint derives from its own data.

Parsing the YAML shipped under rules/ takes about a tenth of a typical run,
and its result depends on nothing but the text. So each result is kept,
marshalled, in one file in the user's cache folder, under a digest of the
text it came from, and read back on the next run. Nothing read from a
repository under check goes in: only our own data and the license texts of
our dependencies.

The same file keeps the compiled programs of our own regular expressions
(regex()): compiling them, mostly the globs that find components by name,
took a tenth of a typical run. A program is Python's own output for the
pattern, stored per Python version and regular-expression engine, and
handed back to the engine as re.compile would.

The file sits in $OPENNESS_LINT_CACHE_DIR, else $XDG_CACHE_HOME/openness-lint,
else ~/.cache/openness-lint; OPENNESS_LINT_NO_CACHE=1 turns the cache off.
A file that is missing, damaged or from another version is rebuilt; a folder
that cannot be written to only costs the time saved. New entries are
written once, when the process ends (or on flush()).
"""

from __future__ import annotations

import atexit
import fnmatch
import functools
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

try:  # the parts of re that turn a pattern into the engine's program
    import _sre as _sre_module
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre_module = None

from openness_lint.version import __version__

try:  # the C module alone: hashlib would load OpenSSL, a few milliseconds
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

MAX_ENTRIES = 4096  # past this (edited data in a checkout), start afresh
_MAGIC = b"openness-lint data cache\n"
_DIGEST = 16

_entries: dict[str, bytes] | None = None
_file: Path | None = None
_dirty = False


def folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("OPENNESS_LINT_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("OPENNESS_LINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    return Path(base, "openness-lint")


def _name() -> str:
    # marshal's format and the regular-expression programs belong to the
    # Python version and its engine (_sre.MAGIC); what we derive, to ours
    engine = getattr(_sre, "MAGIC", 0) if _sre else 0
    return (f"data-{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}-m{marshal.version}"
            f"-re{engine}.bin")


def _read(path: Path) -> dict[str, bytes]:
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC)
    digest, payload = raw[head:head + _DIGEST], raw[head + _DIGEST:]
    if raw[:head] != _MAGIC or blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return {}  # damaged, or not ours: marshal must never see it
    try:
        entries = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}


def _load() -> dict[str, bytes]:
    global _entries, _file
    if _entries is None:
        where = folder()
        _file = where / _name() if where else None
        _entries = _read(_file) if _file else {}
    return _entries


def flush() -> None:
    """Write what this process added to the cache (also done at exit)."""
    global _dirty
    if _dirty and _entries is not None:
        _dirty = False
        _save(_entries)


def _save(entries: dict[str, bytes]) -> None:
    if _file is None:
        return
    payload = marshal.dumps(entries)
    data = _MAGIC + blake2b(payload, digest_size=_DIGEST).digest() + payload
    import tempfile  # only when the cache is written

    try:
        _file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=_file.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, _file)  # readers see the old file or the new one
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # read-only home, full disk: the next run derives again


def derived(kind: str, source: str, build: Callable[[], Any]) -> Any:
    """build(), which must depend only on kind and source, from the cache
    when it was stored before. Each call returns new objects, so a caller
    may change what it gets. A value marshal cannot store is not kept."""
    entries = _load()
    key = kind + ":" + blake2b(source.encode("utf-8", "surrogatepass"), digest_size=_DIGEST).hexdigest()
    stored = entries.get(key)
    if stored is not None:
        try:
            return marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            pass
    value = build()
    _store(entries, key, value)
    return value


def _store(entries: dict[str, bytes], key: str, value: Any) -> None:
    global _dirty
    if _file is None:
        return
    try:
        packed = marshal.dumps(value)
    except ValueError:
        return
    if len(entries) >= MAX_ENTRIES:
        entries.clear()
    entries[key] = packed
    if not _dirty:
        _dirty = True
        atexit.register(flush)  # unregistered again by reset()


def regex(pattern: str | bytes, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), its program read from the cache when a
    run compiled it before. Only for our own patterns, never repository text."""
    flags = int(flags)
    cached = _compiled.get((pattern, flags))
    if cached is not None:
        return cached
    if _sre is None:
        compiled = re.compile(pattern, flags)
    else:
        entries = _load()
        raw = pattern if isinstance(pattern, bytes) else pattern.encode("utf-8", "surrogatepass")
        kind = "reb" if isinstance(pattern, bytes) else "re"
        key = f"{kind}:{flags}:" + blake2b(raw, digest_size=_DIGEST).hexdigest()
        compiled = None
        stored = entries.get(key)
        if stored is not None:
            compiled = _from_program(pattern, stored)
        if compiled is None:
            program = _program(pattern, flags)
            compiled = _sre.compile(pattern, *program)
            _store(entries, key, program)
    _compiled[(pattern, flags)] = compiled
    return compiled


@functools.lru_cache(maxsize=1024)
def globs(patterns: tuple[str, ...]) -> re.Pattern:
    """One pattern that matches a whole text as fnmatch.fnmatchcase matches
    it against any of the globs."""
    return regex("|".join(f"(?:{fnmatch.translate(glob)})" for glob in patterns) or "(?!)")


def _program(pattern: str | bytes, flags: int) -> tuple:
    """What re.compile hands the engine: flags, code, groups and their names."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    names = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        index[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, tuple(index)


def _from_program(pattern: str | bytes, stored: bytes) -> re.Pattern | None:
    try:
        return _sre.compile(pattern, *marshal.loads(stored))
    except (EOFError, ValueError, TypeError, RuntimeError):
        return None  # compiled again, and stored anew


def _engine() -> Any:
    """The regular-expression engine, when it takes programs as this module
    builds them (CPython 3.10 to 3.13 do); else None, and plain re.compile."""
    try:
        probe = "(?P<a>x)y+"
        if _sre_module.compile(probe, *_program(probe, 0)).fullmatch("xyy").group("a") == "x":
            return _sre_module
    except Exception:  # noqa: BLE001 - any doubt: plain re.compile
        pass
    return None


_compiled: dict[tuple[str | bytes, int], re.Pattern] = {}
_sre = _engine()


def reset() -> None:
    """Write what this process added, then forget what it loaded, so the next
    call reads the folder again."""
    global _entries, _file
    flush()
    atexit.unregister(flush)
    _entries = None
    _file = None
    _compiled.clear()
    globs.cache_clear()
