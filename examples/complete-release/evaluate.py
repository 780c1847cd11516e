"""Accuracy of tiny-sentiment on data/test.jsonl."""

import json

from model import score


def accuracy(weights, path="data/test.jsonl"):
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    right = sum((score(weights, r["text"]) > 0.5) == bool(r["label"]) for r in rows)
    return right / len(rows)
