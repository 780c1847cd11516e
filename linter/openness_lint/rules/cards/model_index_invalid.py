"""CRD003: the model-index (evaluation results in card metadata) is malformed."""

from __future__ import annotations

from typing import Any, Iterator, TypeGuard

from openness_lint import cards
from openness_lint.engine import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

Problem = tuple[str, "int | None"]


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _list(value: Any) -> TypeGuard[list]:
    return isinstance(value, list) and bool(value)


def _result_problems(front: cards.FrontMatter, result: Any, where: str, line: int | None) -> Iterator[Problem]:
    if not isinstance(result, dict):
        yield f"{where} must be a mapping with `task`, `dataset` and `metrics`", line
        return
    task, dataset, metrics = result.get("task"), result.get("dataset"), result.get("metrics")
    if not isinstance(task, dict) or not _text(task.get("type")):
        yield f"{where} needs `task.type`, the task id", front.line(result, "task") or line
    for key in ("type", "name"):
        if not isinstance(dataset, dict) or not _text(dataset.get(key)):
            yield f"{where} needs `dataset.{key}`", front.line(result, "dataset") or line
    if not _list(metrics):
        yield f"{where} needs `metrics`, a non-empty list", front.line(result, "metrics") or line
        return
    for index, metric in enumerate(metrics):
        at, metric_line = f"{where}.metrics[{index}]", front.line(metrics, index)
        if not isinstance(metric, dict) or not _text(metric.get("type")):
            yield f"{at} needs `type`, the metric id", metric_line
        if not isinstance(metric, dict) or metric.get("value") is None or isinstance(metric["value"], (dict, list)):
            yield f"{at} needs `value`, a number or a string", metric_line


def model_index_problems(card: cards.Card) -> list[Problem]:
    """Every problem in a card's model-index, each with its file line."""
    index = card.meta.get("model-index")
    front = card.front
    if index is None:
        return []
    if not _list(index):
        return [("`model-index` must be a non-empty list of models", front.line(card.meta, "model-index"))]
    found: list[Problem] = []
    for position, model in enumerate(index):
        where, line = f"model-index[{position}]", front.line(index, position)
        if not isinstance(model, dict):
            found.append((f"{where} must be a mapping with `name` and `results`", line))
            continue
        if not _text(model.get("name")):
            found.append((f"{where} needs `name`, the model's name", line))
        results = model.get("results")
        if not _list(results):
            found.append((f"{where} needs `results`, a non-empty list", front.line(model, "results") or line))
            continue
        for number, result in enumerate(results):
            found.extend(_result_problems(front, result, f"{where}.results[{number}]", front.line(results, number)))
    return found


@rule("CRD003")
def model_index_invalid(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        for message, line in model_index_problems(card):
            yield Violation(message, card.path, line)
