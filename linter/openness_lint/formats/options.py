from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    color: bool = False
    # For links in the markdown summary: https://github.com/OWNER/REPO/blob/SHA
    blob_url: str | None = None
    # Repository path of the checked root inside the git repository, for links.
    root_prefix: str = ""
