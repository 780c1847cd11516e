"""How a sentence states a license: its subject (code, model, data, all)
and its object (the license named), for statements.py.

"Whisper's code and model weights are released under the MIT License":
the trigger "released under" splits subject from object; the subject's words
say which artifacts; names.py reads the license in the object. Labels
(`License: X`, `Weights: X` in a license section) and "The dataset is CC
BY-NC 4.0" state licenses too. A sentence about where a model came from,
what it will or should be under, or what it is not, states nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from openness_lint.analysis.licensing import classify, names
from openness_lint.catalog import datacache

ARTIFACT_WORDS = {
    "code": {"code", "codes", "codebase", "source", "sources", "software", "implementation", "implementations",
             "scripts", "library", "package", "toolkit", "framework", "tools", "programs"},
    "model": {"model", "models", "weights", "weight", "checkpoint", "checkpoints", "parameters", "lora", "adapter",
              "adapters", "diff", "delta"},
    "data": {"data", "dataset", "datasets", "corpus", "corpora", "annotations", "benchmark", "benchmarks"},
}
ALL_WORDS = {"repository", "repo", "project", "work", "everything", "contents", "content", "materials", "artifacts"}
# "model code" and "modeling code" are code
_CODE_AFTER_MODEL = {"code", "codes", "codebase", "implementation", "implementations", "scripts"}
LICENSE_HEADING = datacache.regex(r"\blicen[cs](?:e|es|ing)\b|\bterms of use\b", re.IGNORECASE)
_TRIGGER = datacache.regex(
    r"\b(?:(?:dual[- ])?licen[cs]ed|released|made available|available|distributed|provided|published|shared|"
    r"offered|covered|governed)\b(?P<gap>[^.;:]{0,40}?)\b(?:under|by)\b|\bsubject to\b|\bunder the terms of\b",
    re.IGNORECASE)
_COPULA = datacache.regex(r"\b(?:is|are)\b", re.IGNORECASE)
# "The following license applies to all code ... and the models", before the text
_FOLLOWING = datacache.regex(r"\b(?:the )?following licen[cs]e (?:applies|apply) to\b(?P<subject>.*)$", re.IGNORECASE)
# a sentence about something else than what this release is under
_NOT_THIS = datacache.regex(
    r"\b(?:based on|derived from|built (?:on|upon)|original|upstream|third[- ]party|dependenc\w*|compl(?:y|ies|iance)"
    r"|will|would|should|may|might|plan(?:s|ned)?|intend\w*|expect\w*|not|never|if|unless|once|when)\b",
    re.IGNORECASE)
# the object ends where a new clause about something else begins
_OBJECT_END = datacache.regex(
    r",?\s+(?:while|whereas|but|except|unless|which|unlike|however|though|although)\b|;|\.\s|\s-\s", re.IGNORECASE)
_ALTERNATIVE = datacache.regex(r"\b(?:or|either|dual|choice|option)\b", re.IGNORECASE)
_SENTENCE = datacache.regex(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[*`])")
_LABEL = datacache.regex(r"^\s*(?P<label>[^:\n]{1,60}?)\s*[:\uff1a]\s*(?P<value>\S.*)$")
# a license named in prose but not known: "the Example Research License Agreement"
_NAMED = datacache.regex(
    r"(?P<name>(?:[A-Z0-9][\w.\[\]+&'-]*\s+){1,6}?)(?:Licen[cs]e|LICEN[CS]E)(?:\s+(?:Agreement|AGREEMENT))?\b")
_GENERIC_NAME_WORDS = {"model", "models", "code", "data", "this", "our", "the", "a", "an", "original", "same", "open",
                       "source", "custom", "permissive", "commercial", "separate", "respective", "following", "above",
                       "below", "new", "its", "their", "specific", "different", "community", "research", "software",
                       "weights", "dataset", "license", "see", "full", "apache", "mit", "bsd", "gpl"}
_DATA_LICENSES = datacache.regex(r"(?:ODC|ODbL|PDDL|CDLA)")
# the longest sentence with no trigger that a license section may hold as a bare name ("Apache 2.0")
BARE_NAME_WORDS = 6


class Clause(NamedTuple):
    subject: str  # what the sentence is about
    object: str  # what it says that is under, cut where another clause begins
    at: int  # where the object starts in the sentence


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def artifacts(subject: str) -> set[str]:
    """code, model and data by the subject's words; "all" for the whole
    repository or project; empty when it says none."""
    found = set()
    said = words(subject)
    for index, word in enumerate(said):
        after = said[index + 1] if index + 1 < len(said) else ""
        for artifact, vocabulary in ARTIFACT_WORDS.items():
            if word not in vocabulary:
                continue
            if artifact == "model" and word in ("model", "models") and after in _CODE_AFTER_MODEL:
                continue
            found.add(artifact)
    if not found and set(said) & ALL_WORDS:
        found.add("all")
    return found


def expression(text: str) -> tuple[str | None, list[names.Mention]]:
    """The licenses named in the text as one expression: OR when it offers a
    choice, else AND (all of them hold, the safe reading)."""
    mentions = names.find(text)
    licenses = list(dict.fromkeys(m.license for m in mentions))
    if not licenses:
        return None, mentions
    operator = " OR " if len(licenses) > 1 and _ALTERNATIVE.search(text) else " AND "
    return operator.join(licenses), mentions


def stated_name(text: str) -> str | None:
    """A license named but not known: LicenseRef-stated-<name>; its category is unknown."""
    for match in _NAMED.finditer(text):
        if all(w.lower().strip(".,'[]") in _GENERIC_NAME_WORDS for w in match["name"].split()):
            continue
        slug = re.sub(r"[^A-Za-z0-9.]+", "-", match.group().strip()).strip("-.")
        return f"LicenseRef-stated-{slug}"[:120]
    return None


def guess(license_id: str | None) -> str | None:
    """What a statement with no artifact words covers, from the license: an
    AI model license covers a model, an open-data license data."""
    if not license_id:
        return None
    if classify.of_expression(license_id).id == "use-restricted":
        return "model"
    return "data" if _DATA_LICENSES.match(license_id) else None


def pieces(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each sentence of a paragraph, and of each `Label:
    value` line on its own."""
    runs: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\n"):
        if runs and not _LABEL.match(line) and not _LABEL.match(runs[-1][1]):
            runs[-1] = (runs[-1][0], runs[-1][1] + " " + line)  # a sentence may span lines
        else:
            runs.append((position, line))
        position += len(line) + 1
    sentences = []
    for start, run in runs:
        offset = 0
        for part in _SENTENCE.split(run):
            at = run.find(part, offset)
            sentences.append((start + at, part))
            offset = at + len(part)
    return sentences


def _is_license_label(label: str, value: str, in_section: bool) -> bool:
    """`License: X`, `Code license: X`; in a license section also `Weights:
    X` when X opens with a license name."""
    said = words(label)
    if any(w.startswith("licen") for w in said):
        return True
    if not in_section or len(said) > 4 or not artifacts(label) - {"all"}:
        return False
    mentions = names.find(value)
    return bool(mentions) and len(value[:mentions[0].start].split()) <= 2


def _copula(sentence: str) -> tuple[int, int] | None:
    """"The dataset is CC BY-NC 4.0": is/are right before a license name,
    after a subject that names an artifact."""
    for match in _COPULA.finditer(sentence):
        if not artifacts(sentence[:match.start()]) - {"all"}:
            continue
        rest = sentence[match.end():]
        mentions = names.find(rest)
        if mentions and len(rest[:mentions[0].start].split()) <= 1:
            return match.start(), match.end()
    return None


def following(sentence: str) -> str | None:
    """What "the following license applies to ..." covers: the license is
    the text that comes next."""
    match = _FOLLOWING.search(sentence)
    return match["subject"] if match and not _NOT_THIS.search(match["subject"]) else None


def clause(sentence: str, in_section: bool) -> Clause | None:
    """The subject and object of a sentence that states a license, if it does."""
    label = _LABEL.match(sentence)
    if label and _is_license_label(label["label"], label["value"], in_section):
        found = Clause(label["label"], label["value"], label.start("value"))
    else:
        trigger = _TRIGGER.search(sentence)
        span = trigger.span() if trigger else _copula(sentence)
        if span is None:
            if not (in_section and len(sentence.split()) <= BARE_NAME_WORDS):
                return None
            found = Clause("", sentence, 0)
        else:
            if _NOT_THIS.search(sentence[:span[1]]):
                return None
            found = Clause(sentence[:span[0]], sentence[span[1]:], span[1])
    end = _OBJECT_END.search(found.object)
    return found._replace(object=found.object[:end.start()]) if end else found
