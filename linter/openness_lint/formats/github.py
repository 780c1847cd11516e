"""GitHub workflow commands: one annotation per finding, most severe first.

The runner shows at most 10 error, 10 warning and 10 notice annotations per
step, so we emit within those caps and end with a notice that counts the
rest. Escaping follows the runner's rules: %, CR and LF in the message, and
also : and , in properties, so repository text can never end the command
early or start a line of its own. "##[" is left in annotation data: the
runner tries its legacy "##[command]" form only on a line that does not
parse as a "::" command, and every line here does (tests/security checks
both), while breaking it up would change the text the runner shows.
"""

from __future__ import annotations

from openness_lint.finding import Finding, Severity
from openness_lint.formats.options import Options
from openness_lint.report import Report

CAP = 10
COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, prefix: str = "") -> str:
    """One workflow command; prefix makes the path relative to the git top."""
    props = []
    if finding.path is not None:
        props.append(f"file={escape_property(prefix + finding.path)}")
        if finding.line:
            props.append(f"line={finding.line}")
            if finding.column:
                props.append(f"col={finding.column}")
    props.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
    message = f"{finding.message}\nFix: {finding.fix}"
    return f"::{COMMAND[finding.severity]} {','.join(props)}::{escape_data(message)}"


def render(report: Report, options: Options) -> str:
    by_severity = {s: [f for f in report.findings if f.severity == s] for s in COMMAND}
    # internal errors come first: they are what must never be dropped
    lines = ["::error title=openness-lint internal error::" + escape_data(
        f"rule {error.rule} failed: {error.message.splitlines()[-1]}") for error in report.internal_errors]
    caps = {Severity.ERROR: max(CAP - len(lines), 0), Severity.WARNING: CAP, Severity.INFO: CAP}
    overflow = any(len(by_severity[s]) > caps[s] for s in caps)
    shown = 0
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        cap = caps[severity] - 1 if (severity == Severity.INFO and overflow) else caps[severity]
        for finding in by_severity[severity][:cap]:
            lines.append(annotation(finding, options.root_prefix))
            shown += 1
    hidden = len(report.findings) - shown
    if hidden:
        lines.append("::notice title=openness-lint::" + escape_data(
            f"{hidden} more finding(s) not shown as annotations "
            f"({report.summary['error']} errors, {report.summary['warning']} warnings, "
            f"{report.summary['info']} infos in all). See the job summary or run openness-lint check."))
    counts = report.summary
    lines.append(f"openness-lint: {counts['error']} error(s), {counts['warning']} warning(s), "
                 f"{counts['info']} info; {'passed' if report.passed else 'failed'}")
    return "\n".join(lines) + "\n"
