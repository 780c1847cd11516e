"""Adversarial and property-based tests: everything the linter reads is hostile."""
