"""A `contact` in the release manifest is a reporting channel."""

from __future__ import annotations

import json

MANIFEST = "release:\n  name: tiny\n  contact: {contact}\n  components: []\n"
CARD = "---\nlicense: mit\n---\n# tiny\n"


def channel_report(run_cli, make_repo, contact: str) -> dict:
    root = make_repo({"README.md": CARD, "model.safetensors": "w", "mof.yaml": MANIFEST.format(contact=contact)})
    result = run_cli("check", str(root), "--select", "RPT", "--format", "json")
    return json.loads(result.stdout)


def test_manifest_contact_email_is_a_channel(run_cli, make_repo):
    report = channel_report(run_cli, make_repo, "safety@example.org")
    assert report["components"]["reporting-channel"]["channels"] == [
        {"kind": "email", "address": "safety@example.org", "source": "manifest-contact", "path": "mof.yaml",
         "line": None}]
    assert "RPT001" not in {f["rule"] for f in report["findings"]}


def test_manifest_contact_that_is_no_address_is_no_channel(run_cli, make_repo):
    report = channel_report(run_cli, make_repo, "the research team")
    assert "RPT001" in {f["rule"] for f in report["findings"]}
