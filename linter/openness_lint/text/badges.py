"""Static badges: the label and message of a shields.io badge URL.

shields.io writes `/badge/<label>-<message>-<color>` with `--` for a dash,
`__` for an underscore and `_` for a space, or `/static/v1?label=&message=`.
A dynamic badge (`/github/license/...`) shows what the service looks up,
not what the author wrote, so it gives nothing here.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

HOSTS = ("img.shields.io", "shields.io", "badgen.net")
_SEPARATOR = re.compile(r"(?<!-)-(?!-)")
_IMAGE = re.compile(r"\.(?:svg|png)$")


def _unescape(piece: str) -> str:
    return piece.replace("--", "-").replace("__", "\0").replace("_", " ").replace("\0", "_").strip()


def badge(url: str) -> tuple[str, str] | None:
    """(label, message) of a static badge URL; None for anything else."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.hostname not in HOSTS:
        return None
    query = parse_qs(parts.query)
    if parts.path.startswith("/static/"):
        return query.get("label", [""])[0], query.get("message", [""])[0]
    if not parts.path.startswith("/badge/"):
        return None
    pieces = [_unescape(p) for p in _SEPARATOR.split(_IMAGE.sub("", unquote(parts.path[len("/badge/"):])))]
    if len(pieces) >= 3:
        label, message = pieces[0], "-".join(pieces[1:-1])
    elif len(pieces) == 2:
        label, message = "", pieces[0]
    else:
        return None
    return query.get("label", [label])[0], message
