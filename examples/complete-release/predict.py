"""Classify reviews given on the command line with the released weights."""

import json
import sys

from model import score

if __name__ == "__main__":
    with open("weights.json", encoding="utf-8") as handle:
        weights = json.load(handle)
    for text in sys.argv[1:]:
        print("positive" if score(weights, text) > 0.5 else "negative", text)
