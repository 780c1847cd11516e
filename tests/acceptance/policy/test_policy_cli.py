"""The use policy and reporting rules through the real CLI, as a user runs them.

    openness-lint check RAIL-MODEL          -> exit 1, AUP001 at LICENSE-MODEL
    openness-lint check CONDUCT-ONLY        -> exit 1, RPT001 names the code of conduct
    openness-lint check MONOREPO --select AUP,RPT   -> exit 0
"""

from __future__ import annotations

from tests.acceptance.helpers import validate_report
from tests.conftest import EXAMPLES
from tests.helpers.policy import MODEL_BODY, POLICY_URL, SECURITY, card, llama, rail
from tests.unit.rules.policy.test_use_policy import monorepo

WEIGHTS = b"\x00stand-in weights, never read\x00"


def check(run_cli, root, *extra: str) -> tuple[int, dict]:
    result = run_cli("check", str(root), "--format", "json", *extra)
    assert result.code in (0, 1), result
    return result.code, validate_report(result.stdout)


def findings(report: dict, prefix: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"].startswith(prefix)]


def test_rail_model_without_a_reachable_policy_fails_at_the_license(run_cli, make_repo):
    root = make_repo({"LICENSE-MODEL": rail(), "README.md": card("license: creativeml-openrail-m", MODEL_BODY),
                      "model.safetensors": WEIGHTS, "SECURITY.md": SECURITY})
    code, report = check(run_cli, root)
    assert code == 1
    [finding] = findings(report, "AUP")
    assert (finding["rule"], finding["severity"], finding["path"], finding["line"]) == (
        "AUP001", "error", "LICENSE-MODEL", 1)
    assert "Attachment A" in finding["message"] and "USE_POLICY.md" in finding["message"]
    text = run_cli("check", str(root), "--select", "AUP")
    assert "LICENSE-MODEL:1: error AUP001" in text.stdout and text.code == 1


def test_rail_model_with_its_use_restrictions_passes(run_cli, make_repo):
    root = make_repo({"LICENSE-MODEL": rail(attachment=True), "SECURITY.md": SECURITY,
                      "README.md": card("license: creativeml-openrail-m", MODEL_BODY), "model.safetensors": WEIGHTS})
    code, report = check(run_cli, root, "--select", "AUP,RPT")
    assert (code, report["findings"]) == (0, [])
    assert report["components"]["acceptable-use-policy"]["forms"] == [
        {"form": "license-attachment", "path": "LICENSE-MODEL", "line": 11}]


def test_code_of_conduct_as_the_only_channel_fails(run_cli, make_repo):
    root = make_repo({"CODE_OF_CONDUCT.md": "# Code of conduct\n\nBe kind to one another.\n",
                      "README.md": card("license: mit", MODEL_BODY), "model.safetensors": WEIGHTS})
    code, report = check(run_cli, root, "--select", "RPT")
    assert code == 1
    [finding] = findings(report, "RPT")
    assert (finding["rule"], finding["severity"], finding["path"]) == ("RPT001", "error", "CODE_OF_CONDUCT.md")
    assert "is a code of conduct, not a reporting channel" in finding["message"]
    assert report["components"]["reporting-channel"] == {
        "present": False, "license": None, "evidence": [], "channels": []}


def test_monorepo_passes_cleanly(run_cli, make_repo):
    root = make_repo(monorepo())
    result = run_cli("check", str(root), "--select", "AUP,RPT")
    assert result.code == 0, result
    assert "No findings" in result.stdout
    _, report = check(run_cli, root, "--select", "AUP,RPT")
    # each model is a release of its own: its own policy, the shared channel
    releases = report["releases"]
    alpha = releases["models/alpha"]["components"]["acceptable-use-policy"]["forms"]
    assert {"form": "license-reference", "path": "models/alpha/LICENSE", "line": 12, "url": POLICY_URL} in alpha
    assert {f["path"] for name in releases
            for f in releases[name]["components"]["acceptable-use-policy"]["forms"] if f["form"] == "file"} == {
        "models/alpha/USE_POLICY.md", "models/beta/USE_POLICY.md"}
    for name in releases:
        assert releases[name]["components"]["reporting-channel"]["channels"] == [{
            "kind": "email", "address": "safety@example.org", "source": "security-policy",
            "path": "SECURITY.md", "line": 3}]


def test_config_can_require_a_policy(run_cli, make_repo):
    root = make_repo({".openness-lint.yaml": "require: [acceptable-use-policy]\n",
                      "README.md": "# tiny-tool\n\nA tool.\n", "SECURITY.md": SECURITY})
    code, report = check(run_cli, root, "--select", "AUP")
    assert code == 1
    assert [(f["rule"], f["path"], f["line"]) for f in report["findings"]] == [
        ("AUP002", ".openness-lint.yaml", 1)]


def test_policy_by_reference_reported_with_its_address(run_cli, make_repo):
    root = make_repo({"LICENSE": llama(), "README.md": card("license: llama3", MODEL_BODY),
                      "SECURITY.md": SECURITY})
    code, report = check(run_cli, root, "--select", "AUP")
    assert code == 1
    [finding] = report["findings"]
    assert (finding["rule"], finding["path"], finding["line"]) == ("AUP001", "LICENSE", 12)
    assert POLICY_URL in finding["message"]


def test_complete_example_has_a_policy_and_channels(run_cli):
    code, report = check(run_cli, EXAMPLES / "complete-release")
    assert code == 0, findings(report, "")
    policy = report["components"]["acceptable-use-policy"]
    assert policy["present"] and {"form": "file", "path": "USE_POLICY.md", "line": None} in policy["forms"]
    channel = report["components"]["reporting-channel"]
    assert channel["present"] and any(c["path"] == "SECURITY.md" for c in channel["channels"])


def test_every_rule_explains_itself(run_cli):
    for code in ("AUP001", "AUP002", "AUP003", "AUP004", "RPT001", "RPT002", "RPT003", "RPT004", "RPT005"):
        result = run_cli("explain", code)
        assert result.code == 0 and "## Why is this bad?" in result.stdout, result


def test_json_components_stay_as_before_for_other_components(run_cli):
    _, report = check(run_cli, EXAMPLES / "complete-release")
    assert "forms" not in report["components"]["model-card"]
    assert "channels" not in report["components"]["model-card"]
