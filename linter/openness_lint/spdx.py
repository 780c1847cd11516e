"""The one wrapper around license-expression."""

from __future__ import annotations

import functools

from license_expression import ExpressionError, Licensing, get_spdx_licensing


@functools.lru_cache(maxsize=1)
def licensing() -> Licensing:
    return get_spdx_licensing()


def is_valid(expression: str) -> bool:
    try:
        return not licensing().validate(expression).errors
    except (ExpressionError, RecursionError, ValueError):
        return False


def normalise(expression: str) -> str:
    """Canonical SPDX casing and spacing: 'apache-2.0 or mit' -> 'Apache-2.0 OR MIT'."""
    return licensing().parse(expression, validate=True).render()
