"""tiny-sentiment's architecture: hashed word counts into a logistic unit."""

import math

BUCKETS = 1024


def features(text):
    vector = [0.0] * BUCKETS
    for word in text.lower().split():
        vector[hash(word) % BUCKETS] += 1.0
    return vector


def score(weights, text):
    total = sum(w * v for w, v in zip(weights, features(text)))
    return 1 / (1 + math.exp(-total))
