from __future__ import annotations

from typing import NamedTuple


class Options(NamedTuple):
    color: bool = False
    # For links in the markdown summary: https://github.com/OWNER/REPO/blob/SHA
    blob_url: str | None = None
    # Repository path of the checked root inside the git repository, for links.
    root_prefix: str = ""
