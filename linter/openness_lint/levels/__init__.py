"""Openness levels: the manifest, the three framework kinds, gates and profiles."""
