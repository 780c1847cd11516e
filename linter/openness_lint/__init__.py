"""openness-lint: check an AI release for the parts that make it open and complete."""

__version__ = "0.1.0"
