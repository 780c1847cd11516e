"""The JSON contract (schema in openness_lint/schema/report.schema.json)."""

from __future__ import annotations

import json

from openness_lint.formats.options import Options
from openness_lint.report import Report


def safe_json(data: object) -> str:
    """JSON whose text never holds "##[": the GitHub runner takes that
    anywhere in a line as a legacy command. The escape decodes to the same."""
    return json.dumps(data, indent=2, ensure_ascii=False).replace("##[", "##\\u005b") + "\n"


def render(report: Report, options: Options) -> str:
    return safe_json(report.to_dict())
