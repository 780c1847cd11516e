"""The JSON contract (schema in openness_lint/schema/report.schema.json)."""

from __future__ import annotations

import json

from openness_lint.formats.options import Options
from openness_lint.report import Report


def render(report: Report, options: Options) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
