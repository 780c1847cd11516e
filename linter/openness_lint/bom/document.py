"""What both BOM writers share: the releases of a report with their facts,
the creation time, deterministic JSON, license names, and the openness
levels, use policy and reporting channels as (name, value) properties."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any, NamedTuple
from urllib.parse import quote

from openness_lint.analysis.licensing import tables
from openness_lint.analysis.links import hub_url
from openness_lint.bom.facts import Release
from openness_lint.levels.result import LevelReport
from openness_lint.report import Report

NAMESPACE = "openness-lint"
SCANCODE = "LicenseRef-scancode-"
SCANCODE_PAGE = "https://scancode-licensedb.aboutcode.org/{key}.html"


class Part(NamedTuple):
    """One release of the report: its facts and its levels."""

    release: str  # "" for the root
    facts: Release
    level: LevelReport | None


def parts(report: Report) -> list[Part]:
    """The root, then each release of a monorepo, in folder order."""
    found = [Part("", report.facts, report.level)] if isinstance(report.facts, Release) else []
    for name, release in sorted(report.releases.items()):
        if isinstance(release.facts, Release):
            found.append(Part(name, release.facts, release.level))
    return found


def ref(release: str, local: str) -> str:
    """A reference unique in the BOM: the release's folder, then what it names there."""
    return f"{release}#{local}" if release else local


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# what an IRI may hold as it is; anything else (spaces, quotes, <>, \\, ^, `, {}, |) is percent-encoded
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def clean_url(url: str) -> str:
    """A URL as a BOM may carry it: Markdown's backslash escapes undone (a
    README writes `llama3\\_3`), characters an IRI cannot hold encoded."""
    return quote(_MARKDOWN_ESCAPE.sub(r"\1", url.strip()), safe=_IRI_SAFE)


def url_of(path: str) -> str:
    """A repository path as a relative IRI reference."""
    return quote(path, safe="/")


class TimestampError(ValueError):
    """A creation time that cannot be read; the message names where it came from."""


def timestamp(option: str | None, environ: dict[str, str]) -> str | None:
    """The BOM's creation time (UTC, to the second): --timestamp, else
    SOURCE_DATE_EPOCH, else none at all, so that two runs match byte for byte."""
    if option:
        text, where = option.strip(), "--timestamp"
    elif environ.get("SOURCE_DATE_EPOCH", "").strip():
        text, where = environ["SOURCE_DATE_EPOCH"].strip(), "SOURCE_DATE_EPOCH"
    else:
        return None
    try:
        if re.fullmatch(r"\d+", text):
            moment = datetime.datetime.fromtimestamp(int(text), datetime.timezone.utc)
        else:
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            if moment.tzinfo is None:
                raise ValueError("no time zone")
    except (ValueError, OverflowError, OSError) as exc:
        raise TimestampError(f"{where}: {text!r} is not a time: give seconds since 1970 or an ISO 8601 time "
                             f"with its zone, such as 2026-01-31T12:00:00Z ({exc})") from None
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical(data: Any) -> str:
    """The JSON a digest is taken of: keys sorted, no spaces."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def license_name(key: str) -> str:
    """A license's name for people: the Hub's, else the first in names.yaml, else the key."""
    hub = tables.license_to_hub().get(key)
    if hub is not None:
        return str(tables.hub_ids()[hub]["name"])
    named = tables.names()["names"].get(key)
    return str(named[0]) if named else key


def license_page(key: str) -> str | None:
    """ScanCode LicenseDB's page of a LicenseRef-scancode- key."""
    return SCANCODE_PAGE.format(key=key[len(SCANCODE):]) if key.startswith(SCANCODE) else None


def level_properties(level: LevelReport | None) -> list[tuple[str, str]]:
    """The openness level under every framework, and the min-level gate."""
    if level is None:
        return []
    found = [(f"{NAMESPACE}:level", f"{level.framework}:{level.achieved}"), (f"{NAMESPACE}:verdict", level.verdict)]
    for fid, grade in sorted(level.frameworks.items()):
        found += [(f"{NAMESPACE}:level:{fid}", grade.achieved), (f"{NAMESPACE}:verdict:{fid}", grade.verdict)]
    if level.required:
        found += [(f"{NAMESPACE}:min-level", f"{level.framework}:{level.required}"),
                  (f"{NAMESPACE}:min-level-passed", "true" if level.passed else "false")]
    return found


def linked(facts: Release) -> list[tuple[str, str, str]]:
    """(component, URL, comment) of what the cards and README link outside git,
    but for the Hub pages of data sets the BOM already lists as components."""
    listed = {hub_url(d.hub_id.value) for d in facts.datasets if d.hub_id}
    return [(link.component, link.url, f"{link.what}, linked as {link.component} ({link.path}:{link.line})")
            for link in facts.links if link.url not in listed]


def policy_properties(facts: Release) -> list[tuple[str, str]]:
    """Each form of use policy and each reporting channel, with where it is."""
    found = [(f"{NAMESPACE}:use-policy", f"{f.form} {f.evidence}" + (f" {f.url}" if f.url else ""))
             for f in facts.use_policy]
    found += [(f"{NAMESPACE}:reporting-channel", f"{c.kind} {c.address} ({c.source}, {c.evidence})")
              for c in facts.channels]
    return found
