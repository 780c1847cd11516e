"""Git LFS pointers: the oid and size a pointer names, read from its few bytes only."""

from __future__ import annotations

from openness_lint.analysis import lfs

from tests.helpers.linting import context

OID = "4e" * 32
POINTER = f"version https://git-lfs.github.com/spec/v1\noid sha256:{OID}\nsize 123456\n"
LFS_ATTRIBUTES = "*.safetensors filter=lfs diff=lfs merge=lfs -text\n"


def test_a_pointer_gives_its_oid_size_and_line(make_repo):
    ctx = context(make_repo({".gitattributes": LFS_ATTRIBUTES, "model.safetensors": POINTER}))
    found = lfs.pointer(ctx, "model.safetensors")
    assert (found.oid, found.size, found.line) == (OID, 123456, 2)
    assert ctx.repo.opened.count("model.safetensors") == 2  # the inventory's check, then the oid


def test_a_file_outside_the_lfs_attributes_is_not_read(make_repo):
    ctx = context(make_repo({"model.safetensors": POINTER}))
    assert lfs.pointer(ctx, "model.safetensors") is None
    assert "model.safetensors" not in ctx.repo.opened


def test_a_pointer_without_a_valid_oid_names_nothing(make_repo):
    bad = POINTER.replace(OID, "xyz")
    ctx = context(make_repo({".gitattributes": LFS_ATTRIBUTES, "model.safetensors": bad}))
    assert ctx.repo.entries["model.safetensors"].kind == "lfs-pointer"
    assert lfs.pointer(ctx, "model.safetensors") is None


def test_weights_under_the_lfs_attributes_are_not_pointers(make_repo):
    ctx = context(make_repo({".gitattributes": LFS_ATTRIBUTES, "model.safetensors": b"\0" * 4096}))
    assert lfs.pointer(ctx, "model.safetensors") is None
    assert "model.safetensors" not in ctx.repo.opened
