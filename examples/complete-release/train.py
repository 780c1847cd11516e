"""Train tiny-sentiment: hashed word counts and a logistic regression."""

import json
import math

BUCKETS = 1024


def features(text):
    vector = [0.0] * BUCKETS
    for word in text.lower().split():
        vector[hash(word) % BUCKETS] += 1.0
    return vector


def train(rows, epochs=5, rate=0.1):
    weights = [0.0] * BUCKETS
    for _ in range(epochs):
        for text, label in rows:
            x = features(text)
            score = sum(w * v for w, v in zip(weights, x))
            error = label - 1 / (1 + math.exp(-score))
            weights = [w + rate * error * v for w, v in zip(weights, x)]
    return weights


if __name__ == "__main__":
    with open("data/reviews.jsonl", encoding="utf-8") as handle:
        rows = [(r["text"], r["label"]) for r in map(json.loads, handle)]
    print(len(train(rows)))
