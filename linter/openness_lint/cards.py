"""Model and data cards: discovery, front matter, headings and sections.

Front matter is parsed the way the Hugging Face Hub does: a YAML block
between `---` lines at the very top of the file, blank lines allowed before
it. Every problem is returned with its line, never raised, so one bad card
cannot stop a run. Which sections a card needs, and which headings count as
each, is data: rules/cards/sections.yaml.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from openness_lint import globs, yamlio
from openness_lint.data import ruledata
from openness_lint.errors import ConfigError
from openness_lint.inventory import Entry, parent_of

if TYPE_CHECKING:
    from openness_lint.engine import Context

MODEL_CARD_NAMES = {"model_card.md", "model-card.md", "modelcard.md"}
DATA_CARD_NAMES = {"data_card.md", "data-card.md", "datacard.md", "datasheet.md",
                   "dataset_card.md", "dataset-card.md"}
README_NAMES = {"readme.md", "readme.markdown"}
DATA_FOLDERS = {"data", "dataset", "datasets"}
# Front matter keys that only dataset cards use.
DATASET_KEYS = {"task_categories", "size_categories", "pretty_name", "dataset_info",
                "configs", "annotations_creators", "source_datasets", "multilinguality",
                "language_creators", "task_ids", "paperswithcode_id"}
MODEL_KEYS = {"base_model", "pipeline_tag", "library_name", "model-index", "model_name",
              "co2_eq_emissions", "inference", "widget"}
# Keys that make front matter card metadata rather than, say, a Jekyll page's.
CARD_KEYS = DATASET_KEYS | MODEL_KEYS | {"license", "license_name", "license_link", "language",
                                        "tags", "datasets", "metrics", "thumbnail"}
TITLE_WORDS = {"model": ("model card",), "data": ("dataset card", "data card", "datasheet")}
# A README without front matter is a card when it has this many card sections.
MIN_CARD_SECTIONS = 3
SECTIONS_FILE = "rules/cards/sections.yaml"

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_NOT_PARAGRAPH = re.compile(r"^\s*(?:[-*+>|]|\d+[.)]\s|#)")


# -- front matter ----------------------------------------------------------------

@dataclass
class FrontMatter:
    data: dict | None = None  # the mapping, when there is a valid one
    offset: int = 0  # add to a 1-based YAML line to get the file line
    body_line: int = 1  # first line of the markdown body
    problem: str | None = None
    problem_line: int | None = None

    def line(self, container: Any, key: Any = None) -> int | None:
        """File line of a key (or item) inside the front matter."""
        inner = yamlio.line_of(container, key)
        return inner + self.offset if inner is not None else None


def split_lines(text: str) -> list[str]:
    """Lines as editors count them: only \\n, \\r\\n and \\r end a line."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


@functools.lru_cache(maxsize=64)
def parse_front_matter(text: str) -> FrontMatter:
    """The card's metadata block. Cached by text, since cards, documents and
    detectors each ask for it (and every release of a monorepo): callers
    must not change what it returns."""
    lines = split_lines(text)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or lines[index].rstrip() != "---":
        return FrontMatter()
    opening = index
    closing = next((i for i in range(opening + 1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        return FrontMatter(offset=opening + 1, body_line=opening + 2,
                           problem="front matter opened with `---` is never closed", problem_line=opening + 1)
    result = FrontMatter(offset=opening + 1, body_line=closing + 2)
    block = "\n".join(lines[opening + 1:closing])
    deep = yamlio.too_deep(block)
    if deep is not None:
        result.problem = f"front matter nests brackets more than {yamlio.MAX_FLOW_DEPTH} deep"
        result.problem_line = opening + 2 + block.count("\n", 0, deep)
        return result
    try:
        data = yamlio.load(block)
    except yamlio.YamlProblem as exc:
        result.problem = f"front matter is not valid YAML: {exc}"
        result.problem_line = opening + 1 + (exc.line or 1)
        return result
    if data is None:  # an empty block, or comments only: no metadata, as on the Hub
        data = {}
    if not isinstance(data, dict):
        shape = "list" if isinstance(data, list) else "single value"
        result.problem = f"front matter must be a mapping of keys to values, not a {shape}"
        result.problem_line = opening + 2
        return result
    result.data = data
    return result


# -- markdown body: visible lines, headings, sections ----------------------------

@dataclass(frozen=True)
class Line:
    number: int
    text: str  # HTML comments blanked with spaces, so columns still match the file
    code: bool = False  # inside a fenced code block, or a fence line itself


def _blank_comments(text: str, inside: bool) -> tuple[str, bool]:
    out, i = [], 0
    while i < len(text):
        marker = "-->" if inside else "<!--"
        found = text.find(marker, i)
        stop = len(text) if found < 0 else found + (len(marker) if inside else 0)
        out.append(" " * (stop - i) if inside else text[i:stop])
        if found < 0:
            break
        i, inside = stop, not inside
    return "".join(out), inside


def body_lines(text: str, start_line: int = 1) -> list[Line]:
    """The lines from start_line on, knowing code fences and HTML comments."""
    found: list[Line] = []
    fence, comment = "", False
    for number, raw in enumerate(split_lines(text), 1):
        if number < start_line:
            continue
        if fence:
            found.append(Line(number, raw, True))
            if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", raw):
                fence = ""
            continue
        visible, comment_after = _blank_comments(raw, comment)
        opening = _FENCE.match(visible)
        comment = comment_after
        if opening:
            fence = opening.group(1)
        found.append(Line(number, visible, bool(opening)))
    return found


def prose(line: Line) -> str:
    """A line's text with `code spans` blanked (columns kept); "" for code."""
    return "" if line.code else _CODE_SPAN.sub(lambda m: " " * len(m.group()), line.text)


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int
    span: int = 1  # a setext heading also takes its underline

    @functools.cached_property
    def words(self) -> str:
        return normalise_heading(self.title)


def headings(text: str, start_line: int = 1) -> list[Heading]:
    """ATX (`## Uses`) and setext (underlined) headings outside code."""
    found: list[Heading] = []
    previous: Line | None = None
    for line in body_lines(text, start_line):
        atx = None if line.code else _ATX.match(line.text)
        setext = None if line.code or atx else _SETEXT.match(line.text)
        if atx:
            found.append(Heading(len(atx.group(1)), atx.group(2).strip(), line.number))
        elif (setext and previous is not None and not previous.code and previous.text.strip()
              and not _NOT_PARAGRAPH.match(previous.text)
              and not (found and found[-1].line == previous.number)):
            level = 1 if setext.group(1)[0] == "=" else 2
            found.append(Heading(level, previous.text.strip(), previous.number, 2))
        previous = line
    return found


@dataclass
class Card:
    path: str
    kind: str  # "model" or "data"
    text: str
    front: FrontMatter
    headings: list[Heading] = field(default_factory=list)

    @property
    def meta(self) -> dict:
        return self.front.data or {}

    @property
    def directory(self) -> str:
        return parent_of(self.path)

    @functools.cached_property
    def body(self) -> list[Line]:
        return body_lines(self.text, self.front.body_line)

    @functools.cached_property
    def _positions(self) -> dict[int, int]:
        return {h.line: position for position, h in enumerate(self.headings)}

    def section(self, heading: Heading, nested: bool = False) -> list[Line]:
        """A heading's own lines, up to the next heading; with nested, up to
        the next heading of the same or a higher level."""
        position = self._positions[heading.line]
        end = next((h.line for h in itertools.islice(self.headings, position + 1, None)
                    if not nested or h.level <= heading.level),
                   self.front.body_line + len(self.body))
        start = self.front.body_line
        return self.body[max(heading.line + heading.span - start, 0):max(end - start, 0)]


# -- section sets ------------------------------------------------------------------

def normalise_heading(title: str) -> str:
    """`3.1 Bias, Risks & Limitations [optional]` -> `bias risks and limitations`."""
    title = re.sub(r"\[optional\]|\(optional\)", " ", title.lower())
    title = re.sub(r"^\s*(?:\d+[.)]?)+(?:\d+)?\s+", "", title.replace("&", " and "))
    return " ".join(re.sub(r"[\W_]+", " ", title).split())


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    contains: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()

    def matches(self, heading: str | Heading) -> bool:
        words = heading.words if isinstance(heading, Heading) else normalise_heading(heading)
        return words in self.exact or any(f" {p} " in f" {words} " for p in self.contains)


def strings(value: Any, where: Any, key: str, source: str = SECTIONS_FILE) -> tuple[str, ...]:
    """A list of strings from our own YAML data; a ConfigError with its line if not."""
    if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        raise ConfigError(f"`{key}` must be a list of strings", source, yamlio.line_of(where, key))
    return tuple(value or ())


@functools.lru_cache(maxsize=None)
def sections_data() -> dict:
    """rules/cards/sections.yaml, loaded once."""
    try:
        data = yamlio.load((ruledata() / "cards" / "sections.yaml").read_text("utf-8"))  # teams edit it: keep lines
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", SECTIONS_FILE, exc.line) from None
    if not isinstance(data, dict) or not isinstance(data.get("sections"), dict):
        raise ConfigError("expected a mapping with `sections:`", SECTIONS_FILE, 1)
    return data


@functools.lru_cache(maxsize=None)
def section_specs() -> dict[str, SectionSpec]:
    """Every section that sections.yaml defines, by id."""
    specs = {}
    for sid, entry in sections_data()["sections"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise ConfigError(f"section {sid!r} needs a `title`", SECTIONS_FILE,
                              yamlio.line_of(sections_data()["sections"], sid))
        phrases = {key: tuple(map(normalise_heading, strings(entry.get(key), entry, key)))
                   for key in ("contains", "exact")}
        specs[sid] = SectionSpec(sid, entry["title"], keys=strings(entry.get("keys"), entry, "keys"), **phrases)
    return specs


@functools.lru_cache(maxsize=None)
def section_sets() -> dict[str, tuple[SectionSpec, ...]]:
    """The required sections of each card kind: {"model": (...), "data": (...)}."""
    data, specs, sets = sections_data(), section_specs(), {}
    for kind in ("model", "data"):
        ids = strings(data.get(f"{kind}-card"), data, f"{kind}-card")
        if not set(ids) <= set(specs):
            raise ConfigError(f"`{kind}-card` names an undefined section", SECTIONS_FILE,
                              yamlio.line_of(data, f"{kind}-card"))
        sets[kind] = tuple(specs[sid] for sid in ids)
    return sets


def find_section(card_headings: list[Heading], spec: SectionSpec) -> Heading | None:
    return next((h for h in card_headings if spec.matches(h)), None)


# -- discovery -----------------------------------------------------------------------

def _score(kind: str, found: list[Heading]) -> int:
    return sum(find_section(found, spec) is not None for spec in section_sets()[kind])


def _by_name(path: str) -> str | None:
    """"model" or "data" for a card by its name, "readme" to look inside."""
    parent, _, name = path.rpartition("/")
    name = name.lower()
    if name in DATA_CARD_NAMES:
        return "data"
    if name in README_NAMES:
        return "readme"
    if name in MODEL_CARD_NAMES or (parent.rpartition("/")[2] == "model_cards" and name.endswith(".md")):
        return "model"
    return None


def _readme_kind(path: str, front: FrontMatter, found: list[Heading]) -> str | None:
    """A README is a card by its metadata keys, its title or its sections."""
    keys = set(map(str, front.data or {}))
    if keys & DATASET_KEYS:
        return "data"
    if keys & MODEL_KEYS:
        return "model"
    title = found[0].title.lower() if found else ""
    for kind, words in TITLE_WORDS.items():
        if any(word in title for word in words):
            return kind
    in_data_folder = bool({part.lower() for part in PurePosixPath(path).parts[:-1]} & DATA_FOLDERS)
    model, data = _score("model", found), _score("data", found)
    leaning = "data" if data > model or (in_data_folder and data == model) else "model"
    card_keys = any(k in CARD_KEYS or k.startswith("extra_gated_") for k in keys)
    if card_keys or front.problem or max(model, data) >= MIN_CARD_SECTIONS:
        return leaning
    return None


def readmes(ctx: Context) -> list[Entry]:
    """README files at any depth, by one search of the inventory."""
    return ctx.repo.find(globs.exact_names(tuple(sorted(README_NAMES))))


def find_cards(ctx: Context) -> list[Card]:
    """Every model and data card in the repository, each read once."""
    cards = []
    by_name = ctx.repo.find(globs.exact_names(tuple(sorted(MODEL_CARD_NAMES | DATA_CARD_NAMES | README_NAMES))))
    in_folder = ctx.repo.find(globs.folders(("model_cards",)))
    for entry in sorted({*by_name, *in_folder}, key=lambda e: e.path):
        named = _by_name(entry.path)
        text = ctx.text(entry.path) if named else None
        if text is None:
            continue
        front = parse_front_matter(text)
        found = headings(text, front.body_line)
        kind = _readme_kind(entry.path, front, found) if named == "readme" else named
        if kind:
            cards.append(Card(entry.path, kind, text, front, found))
    return cards


def cards(ctx: Context) -> list[Card]:
    return ctx.analysis("cards", find_cards)
