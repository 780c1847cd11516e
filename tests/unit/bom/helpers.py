"""Synthetic releases for the BOM tests, and the checks every BOM must pass:
the CycloneDX 1.6 schema, and the SPDX 3.0.1 bindings."""

from __future__ import annotations

import io
import json
from pathlib import Path

from openness_lint import lint
from openness_lint.bom import cyclonedx, facts, spdx
from openness_lint.config import Config
from openness_lint.report import Report

from tests.helpers.licenses import ai_text, standard

OID = "4e" * 32
LFS_ATTRIBUTES = "*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.parquet filter=lfs diff=lfs merge=lfs -text\n"
CREATED = "2026-01-31T12:00:00Z"


def pointer(oid: str = OID, size: int = 4_000_000_000) -> str:
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {size}\n"


MODEL_CARD = """\
---
license: llama3.1
pipeline_tag: text-generation
base_model: meta-llama/Llama-3.1-8B
datasets:
- example-lab/chat-pairs
model-index:
- name: tiny-chat
  results:
  - task: {type: text-generation}
    dataset: {type: example-lab/chat-eval, name: Chat Eval, split: test}
    metrics:
    - {type: accuracy, value: 0.71}
---

# Model Card for tiny-chat

A small chat model fine-tuned by Example Lab. See [our paper](https://arxiv.org/abs/2401.01234) for the method,
and [our weights on the Hub](https://huggingface.co/example-lab/tiny-chat).

## Uses

Answering questions about kitchen appliances.

### Out-of-Scope Use

Medical or legal advice.

## Bias, Risks, and Limitations

It makes up product names.

## Ethical Considerations

The training pairs were written by staff and reviewed for slurs.
Safety risk assessment: low.

## Training Data

[More Information Needed]

## Training Procedure

Two epochs of supervised fine-tuning. The training data holds no personal information.
"""

DATA_CARD = """\
---
license: cc-by-4.0
pretty_name: chat-pairs
task_categories: [text-generation]
---

# Dataset Card for chat-pairs

Question and answer pairs about kitchen appliances.

## Uses

Fine-tuning small chat models.

## Collection Process

Staff wrote each pair.
"""


def llama_release() -> dict[str, str | bytes]:
    """A model under the Llama 3.1 license, its weights and data in Git LFS, and code under MIT."""
    return {
        ".gitattributes": LFS_ATTRIBUTES,
        "LICENSE": standard("MIT"),
        "LICENSE-MODEL": ai_text("llama3.1"),
        "README.md": MODEL_CARD,
        "config.json": '{\n  "architectures": ["TinyChatForCausalLM"],\n  "model_type": "tinychat"\n}\n',
        "model.safetensors": pointer(),
        "data/README.md": DATA_CARD,
        "data/train.parquet": pointer("ab" * 32, 1234),
        "train.py": "print('training')\n",
        "USE_POLICY.md": "# Acceptable use policy\n\nDo not use the model to harm people.\n",
        "SECURITY.md": "# Security\n\nReport problems to security@example.org.\n",
    }


def report_of(root: Path, **config) -> Report:
    report = lint(root, Config(**config), collect=facts.collect)
    assert not report.internal_errors, report.internal_errors
    return report


def valid_cyclonedx(text: str) -> dict:
    """The BOM, after checking it against the official CycloneDX 1.6 schema, offline."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    assert error is None, error.data.message if hasattr(error, "data") else error
    return json.loads(text)


def loaded_spdx(text: str):
    """The BOM's objects as spdx-python-model loads them; writing them again
    fails when a required property is missing."""
    import spdx_python_model
    from spdx_python_model import v3_0_1 as model

    data = json.loads(text)
    bindings, objects = spdx_python_model.load_data(data)
    assert bindings is model
    assert objects.missing_ids == set(), objects.missing_ids
    model.JSONLDSerializer().write(objects, io.BytesIO())
    return objects


def cdx(root: Path, timestamp: str | None = None) -> dict:
    return valid_cyclonedx(cyclonedx.render(report_of(root), timestamp))


def spdx_of(root: Path) -> tuple[dict, list[str]]:
    text, warnings = spdx.render(report_of(root), CREATED)
    loaded_spdx(text)
    return json.loads(text), warnings


def component(bom: dict, bom_ref: str) -> dict:
    return next(c for c in bom["components"] if c["bom-ref"] == bom_ref)


def properties(item: dict, name: str) -> list[str]:
    return [p["value"] for p in item.get("properties", []) if p["name"] == name]
