"""Train tiny-sentiment: a logistic unit over hashed word counts."""

import json
import math

from model import BUCKETS, features


def train(rows, epochs=5, rate=0.1):
    weights = [0.0] * BUCKETS
    for _ in range(epochs):
        for text, label in rows:
            x = features(text)
            total = sum(w * v for w, v in zip(weights, x))
            error = label - 1 / (1 + math.exp(-total))
            weights = [w + rate * error * v for w, v in zip(weights, x)]
    return weights


if __name__ == "__main__":
    with open("data/reviews.jsonl", encoding="utf-8") as handle:
        rows = [(r["text"], r["label"]) for r in map(json.loads, handle)]
    with open("weights.json", "w", encoding="utf-8") as handle:
        json.dump(train(rows), handle)
