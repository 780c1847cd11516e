"""Monorepos: each release under models/<name>/ is judged on its own."""

from __future__ import annotations

import json

from identify.vendor.licenses import LICENSES

from tests.acceptance.helpers import validate_report

MIT = dict(LICENSES)["MIT"]
SECURITY = "# Reporting\n\nEmail <mailto:safety@example.org> about vulnerabilities, misuse or harmful outputs.\n"


def card(license_id: str, name: str) -> str:
    return f"---\nlicense: {license_id}\n---\n# {name}\n\n## Uses\n\nShort demos.\n"


def monorepo(make_repo, **extra):
    files = {
        "LICENSE": MIT,
        "SECURITY.md": SECURITY,
        "models/alpha/README.md": card("cc-by-4.0", "alpha"),
        "models/alpha/model.safetensors": "w",
        "models/beta/README.md": card("cc-by-4.0", "beta"),
        "models/beta/model.safetensors": "w",
        "models/beta/LICENSE": "Llama 3.1 Community License Agreement\nOur synthetic stand-in text.\n",
        **extra,
    }
    return make_repo(files, git_init=True)


def check(run_cli, root, *args):
    result = run_cli("check", str(root), "--format", "json", "--select", "LIC,RPT,LVL", *args)
    return result.code, validate_report(result.stdout)


def test_sibling_model_cards_are_releases_judged_on_their_own(run_cli, make_repo):
    code, report = check(run_cli, monorepo(make_repo))
    assert code == 1
    assert set(report["releases"]) == {"models/alpha", "models/beta"}
    alpha, beta = report["releases"]["models/alpha"], report["releases"]["models/beta"]
    assert alpha["passed"] is True and beta["passed"] is False
    assert alpha["components"]["model-license"]["license"] == "CC-BY-4.0"
    assert beta["components"]["model-license"]["license"] == "LicenseRef-scancode-llama-3.1-license-2024"
    # the disagreement is beta's alone, at real paths, naming the release
    located = {(f["rule"], f["path"], f.get("release")) for f in report["findings"]}
    assert located == {("LIC008", "models/beta/LICENSE", "models/beta"),
                       ("LIC008", "models/beta/README.md", "models/beta")}
    assert report["summary"]["error"] == 2


def test_root_license_and_channel_are_inherited(run_cli, make_repo):
    _, report = check(run_cli, monorepo(make_repo))
    alpha, beta = report["releases"]["models/alpha"], report["releases"]["models/beta"]
    assert alpha["components"]["code-license"]["license"] == "MIT"  # the root's
    assert beta["components"]["code-license"]["evidence"] == ["models/beta/LICENSE"]  # its own wins
    for release in (alpha, beta):
        assert release["components"]["reporting-channel"]["present"] is True
    assert not [f for f in report["findings"] if f["rule"].startswith("RPT")]


def test_without_the_root_channel_every_release_lacks_one(run_cli, make_repo):
    root = monorepo(make_repo)
    (root / "SECURITY.md").unlink()
    _, report = check(run_cli, root)
    missing = {f.get("release") for f in report["findings"] if f["rule"] == "RPT001"}
    assert {"models/alpha", "models/beta"} <= missing


def test_releases_from_config_and_the_gate_on_each(run_cli, make_repo):
    root = monorepo(make_repo, **{".openness-lint.yaml": "releases: [models/alpha]\nmin-level: mof:III\n"})
    code, report = check(run_cli, root)
    assert list(report["releases"]) == ["models/alpha"]
    assert code == 1
    assert ("LVL001", "models/alpha") in {(f["rule"], f.get("release")) for f in report["findings"]}
    assert report["releases"]["models/alpha"]["level"]["passed"] is False


def test_releases_can_be_turned_off(run_cli, make_repo):
    root = monorepo(make_repo, **{".openness-lint.yaml": "releases: []\n"})
    _, report = check(run_cli, root)
    assert "releases" not in report


def test_text_and_sarif_name_the_release(run_cli, make_repo):
    root = monorepo(make_repo)
    text = run_cli("check", str(root), "--select", "LIC").stdout
    assert "release models/beta: failed." in text and "== release models/beta ==" in text
    sarif = json.loads(run_cli("check", str(root), "--select", "LIC", "--format", "sarif").stdout)
    assert {r["properties"]["release"] for r in sarif["runs"][0]["results"]} == {"models/beta"}


def test_root_readme_links_into_every_release(make_repo, run_cli):
    """A root README that links each release's license, card and use policy:
    no link is broken, and no release's policy is unlinked."""
    from tests.helpers.licenses import ai_text

    files = {"LICENSE": "See models/*/LICENSE for each model.\n"}
    rows = []
    for name in ("alpha", "beta"):
        files[f"models/{name}/MODEL_CARD.md"] = f"# {name}\n\nA small model. See [policy](USE_POLICY.md).\n"
        files[f"models/{name}/LICENSE"] = ai_text("llama3.2")
        files[f"models/{name}/USE_POLICY.md"] = "# Acceptable use\n\nDo not harm people.\n"
        rows.append(f"| {name} | [card](models/{name}/MODEL_CARD.md) | [license](models/{name}/LICENSE) "
                    f"| [policy](models/{name}/USE_POLICY.md) |")
    files["README.md"] = "# Example models\n\n| model | card | license | policy |\n|---|---|---|---|\n" \
        + "\n".join(rows) + "\n"
    for name in ("alpha", "beta"):  # the cards themselves do not link the policy: only the root does
        files[f"models/{name}/MODEL_CARD.md"] = f"# {name}\n\nA small model.\n"
    report = json.loads(run_cli("check", str(make_repo(files, git_init=True)), "--format", "json").stdout)
    assert set(report["releases"]) == {"models/alpha", "models/beta"}
    assert not [f for f in report["findings"] if f["rule"] in ("DOC002", "AUP003")]
