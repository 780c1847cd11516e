"""Errors: ConfigError for our own inputs (config, packs), with file and line;
Unreadable for a file of the checked repository, which becomes a finding."""

from __future__ import annotations


class ConfigError(Exception):
    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class Unreadable(Exception):
    """A file of the checked repository cannot be read as text; ``reason`` says why."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line


class OptionError(ConfigError):
    """A command-line option names something that does not exist: a usage
    error. ``option`` is the option to name in the message, when it helps."""

    def __init__(self, message: str, option: str | None = None):
        super().__init__(message)
        self.option = option
