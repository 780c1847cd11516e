"""The package's version, in a module of its own so that anything can import
it without importing the package's public entry (run.lint)."""

__version__ = "0.1.0"
