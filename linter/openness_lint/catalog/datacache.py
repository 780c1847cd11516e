"""A cache, outside the repository, of what openness-lint derives from its own data.

Parsing the YAML shipped under rules/ takes about a tenth of a typical run,
and its result depends on nothing but the text. So each result is kept,
marshalled, in one file in the user's cache folder, under a digest of the
text it came from, and read back on the next run. Nothing read from a
repository under check goes in: only our own data and the license texts of
our dependencies.

The file sits in $OPENNESS_LINT_CACHE_DIR, else $XDG_CACHE_HOME/openness-lint,
else ~/.cache/openness-lint; OPENNESS_LINT_NO_CACHE=1 turns the cache off.
A file that is missing, damaged or from another version is rebuilt; a folder
that cannot be written to only costs the time saved.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

from openness_lint.version import __version__

try:  # the C module alone: hashlib would load OpenSSL, a few milliseconds
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

MAX_ENTRIES = 256  # past this (edited data in a checkout), start afresh
_MAGIC = b"openness-lint data cache\n"
_DIGEST = 16

_entries: dict[str, bytes] | None = None
_file: Path | None = None


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
    # marshal's format belongs to the Python version; what we derive, to ours
    return f"data-{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}-m{marshal.version}.bin"


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
    if _file is None:
        return value
    try:
        entries[key] = marshal.dumps(value)
    except ValueError:
        return value
    if len(entries) > MAX_ENTRIES:
        entries.clear()
        entries[key] = marshal.dumps(value)
    _save(entries)
    return value


def reset() -> None:
    """Forget what this process loaded, so the next call reads the folder again."""
    global _entries, _file
    _entries = None
    _file = None
