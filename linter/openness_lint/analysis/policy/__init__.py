"""Acceptable use policies and reporting channels (FRAMEWORKS.md section 5).

- data: the names, headings and words in rules/policy/policy.yaml;
- text: card and README documents, passages and phrase matching;
- addresses: email addresses and URLs, and the ones written wrongly;
- forms: the forms an acceptable use policy takes, and when one is required;
- channels: where people can report problems, and what is not a channel.
"""
