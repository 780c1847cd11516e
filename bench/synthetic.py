"""Synthetic repositories for the benchmark, built once and kept in the cache.

Each repository is a git work tree with every file committed. License texts
come from identify's vendored table at run time, so no license text is
committed here. A repository is rebuilt only when its recipe changes: the
stamp next to it hashes this file, the recipe name and the texts used.

The weights repository commits its five ``*.safetensors`` files as Git LFS
pointers, as a clone made with git-lfs has them in its index; the 20 GiB
sparse files replace the pointers in the work tree only while the benchmark
measures (add_weights), and remove_weights puts the pointers back, so no
file with a 100 GiB apparent size lingers in the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from identify.vendor.licenses import LICENSES

NAMES = ("typical", "large", "weights", "weights-none", "monorepo")
WEIGHT_FILES = tuple(f"model-{i:05d}-of-00005.safetensors" for i in range(1, 6))
WEIGHT_SIZE = 20 * 1024**3
LFS_ATTRIBUTES = ("*.bin filter=lfs diff=lfs merge=lfs -text\n"
                  "*.safetensors filter=lfs diff=lfs merge=lfs -text\n")
HOLDER = "2024 Bench Lab"


def license_text(spdx_id: str) -> str:
    text = dict(LICENSES)[spdx_id]
    return text.replace("[year]", "2024").replace("[fullname]", "Bench Lab")


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def commit(root: Path) -> None:
    """git init, add and commit everything, with a throwaway identity."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=b", "-c", "user.email=b@b", "-c", "gc.auto=0", *args],
                       cwd=root, check=True, stdout=subprocess.DEVNULL)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "--no-verify", "-m", "synthetic benchmark repository")


def code(index: int, lines: int = 30) -> str:
    """A module body that differs per index, so git stores every blob."""
    body = [f'"""Module {index} of the synthetic release."""', "", f"SEED = {index}", ""]
    for step in range(lines):
        body.append(f"def step_{step}(x):\n    return x * {step + 1} + SEED  # stage {index}.{step}")
    return "\n".join(body) + "\n"


def card(name: str, license_id: str, datasets: list[str]) -> str:
    listed = ", ".join(datasets)
    return f"""---
license: {license_id}
language: [en]
pipeline_tag: text-classification
tags: [benchmark, synthetic]
datasets: [{listed}]
---

# {name}

A synthetic model release that the openness-lint benchmark generates.

## Uses

Sorting short English texts into classes for demonstrations.

### Out-of-Scope Use

Decisions about people, such as hiring or credit.

## Bias, Risks, and Limitations

Trained on synthetic text only; it has never seen real user data.

## Training Details

### Training Data

See the data card in [data/README.md](data/README.md).

## Evaluation

| split | accuracy |
|-------|----------|
| test  | 0.91     |

## Model Card Contact

Report problems or misuse to <mailto:safety@example.org>. See
[SECURITY.md](SECURITY.md) and [USE_POLICY.md](USE_POLICY.md).
"""


USE_POLICY = """# Acceptable use policy

Do not use this model to make or support decisions about individual people,
such as hiring, credit or housing. Report violations to safety@example.org.
"""
SECURITY = """# Reporting problems

Email <mailto:safety@example.org> about vulnerabilities, misuse or harmful
outputs. We answer within five working days.
"""
DATA_CARD = """---
license: cc-by-4.0
---

# bench-reviews

Synthetic product reviews, generated for the benchmark.
"""


def build_typical(root: Path, files: int = 300) -> None:
    """A model release: card, licenses, policy, security, code and a little data."""
    fixed = {
        "README.md": card("bench-model", "mit", ["bench-lab/bench-reviews"]),
        "LICENSE": license_text("MIT"),
        "DATA_LICENSE": license_text("CC-BY-4.0"),
        "USE_POLICY.md": USE_POLICY,
        "SECURITY.md": SECURITY,
        "CITATION.cff": "cff-version: 1.2.0\ntitle: bench-model\nlicense: MIT\n"
                        "message: Cite this model.\nauthors:\n  - name: Bench Lab\n",
        "pyproject.toml": '[project]\nname = "bench-model"\nversion = "1.0"\nlicense = "MIT"\n',
        "config.json": '{"hidden_size": 64, "num_labels": 2}\n',
        "data/README.md": DATA_CARD,
        "data/train.jsonl": "".join(f'{{"text": "review {i}", "label": {i % 2}}}\n' for i in range(200)),
        "data/test.jsonl": "".join(f'{{"text": "held out {i}", "label": {i % 2}}}\n' for i in range(50)),
        "data/validation.csv": "text,label\n" + "".join(f"sample {i},{i % 2}\n" for i in range(50)),
        "docs/technical-report.md": "# Technical report\n\nHow bench-model was trained.\n",
        "train.py": "# SPDX-License-Identifier: MIT\n" + code(-1),
        "evaluate.py": "# SPDX-License-Identifier: MIT\n" + code(-2),
        ".gitignore": "__pycache__/\n",
    }
    for path, text in fixed.items():
        write(root, path, text)
    for index in range(files - len(fixed)):
        header = f"# SPDX-FileCopyrightText: {HOLDER}\n# SPDX-License-Identifier: MIT\n" if index % 2 == 0 else ""
        if index % 10 == 9:
            write(root, f"configs/run{index:03d}.yaml", header + f"seed: {index}\nlr: 0.001\nepochs: 3\n")
        elif index % 5 == 3:
            write(root, f"tests/test_m{index:03d}.py", header + code(index, 8))
        else:
            write(root, f"src/bench_model/part{index % 7}/m{index:03d}.py", header + code(index))


def build_large(root: Path, files: int = 100_000) -> None:
    """Nested source folders; a quarter of the files carry an SPDX header."""
    write(root, "LICENSE", license_text("MIT"))
    write(root, "LICENSES/MIT.txt", license_text("MIT"))
    write(root, "README.md", card("bench-large", "mit", ["bench-lab/bench-reviews"]))
    made: set[Path] = set()
    for index in range(files - 3):
        folder = root / f"src/p{index // 10000}/q{index // 1000 % 10}/r{index // 100 % 10}"
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        tagged = index % 4 == 0
        if index % 10 == 8:
            header = f"<!-- SPDX-FileCopyrightText: {HOLDER} -->\n<!-- SPDX-License-Identifier: MIT -->\n"
            (folder / f"n{index:05d}.md").write_text((header if tagged else "") + f"# Notes {index}\n\nText.\n" * 8)
            continue
        header = f"# SPDX-FileCopyrightText: {HOLDER}\n# SPDX-License-Identifier: MIT\n" if tagged else ""
        suffix = ".yaml" if index % 10 == 9 else ".py"
        body = f"seed: {index}\nlayers: [{index % 7}, 4, 2]\n" * 10 if suffix == ".yaml" else code(index, 12)
        (folder / f"m{index:05d}{suffix}").write_text(header + body)


def lfs_pointer(name: str, size: int) -> str:
    oid = hashlib.sha256(name.encode()).hexdigest()
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {size}\n"


def build_weights(root: Path, with_weights: bool = True) -> None:
    """The typical release at 200 files, Git LFS pointers, and (with_weights)
    five safetensors shards committed as LFS pointers."""
    build_typical(root, files=200)
    write(root, ".gitattributes", LFS_ATTRIBUTES)
    for index in range(1, 4):
        name = f"pytorch_model-{index:05d}-of-00003.bin"
        write(root, name, lfs_pointer(name, 9 * 1024**3))
    if with_weights:
        index_map = {"weight_map": {f"layers.{i}": name for i, name in enumerate(WEIGHT_FILES)}}
        write(root, "model.safetensors.index.json", json.dumps(index_map, indent=2) + "\n")
        for name in WEIGHT_FILES:
            write(root, name, lfs_pointer(name, WEIGHT_SIZE))


MODEL_FAMILIES = ("heron", "lynx", "otter", "wren", "marten", "ibis", "vole", "tern", "stoat", "finch")
MODEL_SIZES = ("70m", "160m", "410m", "1b", "7b")


def build_monorepo(root: Path) -> None:
    """50 releases under models/<name>/, each with a card, license and policy."""
    write(root, "LICENSE", license_text("Apache-2.0"))
    write(root, "SECURITY.md", SECURITY)
    kinds = (("mit", "MIT"), ("apache-2.0", "Apache-2.0"), ("bsd-3-clause", "BSD-3-Clause"))
    names = [f"{family}-{size}" for family in MODEL_FAMILIES for size in MODEL_SIZES]
    for index, name in enumerate(names):
        card_id, spdx_id = kinds[index % len(kinds)]
        folder = f"models/{name}"
        write(root, f"{folder}/README.md", card(name, card_id, [f"bench-lab/{name}-data"]))
        write(root, f"{folder}/LICENSE", license_text(spdx_id))
        write(root, f"{folder}/USE_POLICY.md", USE_POLICY.replace("this model", name))
        write(root, f"{folder}/config.json", f'{{"name": "{name}", "hidden_size": {64 + index}}}\n')
        write(root, f"{folder}/train.py", f"# SPDX-License-Identifier: {spdx_id}\n" + code(index))


BUILDERS = {
    "typical": build_typical,
    "large": build_large,
    "weights": build_weights,
    "weights-none": lambda root: build_weights(root, with_weights=False),
    "monorepo": build_monorepo,
}


def recipe_stamp(name: str) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(name.encode())
    for spdx_id in ("MIT", "Apache-2.0", "BSD-3-Clause", "CC-BY-4.0"):
        digest.update(license_text(spdx_id).encode())
    return digest.hexdigest()


def ensure(cache: Path, name: str) -> tuple[Path, bool]:
    """The repository's path, and whether it was built now (False: reused)."""
    root = cache / "repos" / name
    stamp = cache / "repos" / f"{name}.stamp"
    wanted = recipe_stamp(name)
    if root.is_dir() and stamp.is_file() and stamp.read_text() == wanted:
        return root, False
    if root.exists():
        shutil.rmtree(root)
    stamp.unlink(missing_ok=True)
    root.mkdir(parents=True)
    BUILDERS[name](root)
    commit(root)
    stamp.write_text(wanted)
    return root, True


def add_weights(root: Path) -> int:
    """Replace the committed pointers with 20 GiB sparse files (no byte is
    written); returns the bytes the files really occupy on disk."""
    allocated = 0
    for name in WEIGHT_FILES:
        with open(root / name, "wb") as handle:
            handle.truncate(WEIGHT_SIZE)
        allocated += os.stat(root / name).st_blocks * 512
    return allocated


def remove_weights(root: Path) -> None:
    """Put the committed LFS pointers back in place of the sparse files."""
    for name in WEIGHT_FILES:
        (root / name).write_text(lfs_pointer(name, WEIGHT_SIZE))
