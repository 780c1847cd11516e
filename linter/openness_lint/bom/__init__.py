"""BOMs of a release: CycloneDX 1.6 and SPDX 3.0.1, written from the facts of one check.

Imported only by the `bom` command (and `check --bom`): a plain check never
loads it. collect() (facts.py) runs inside each release's check; the
writers (cyclonedx.py, spdx.py) turn the facts and the report's levels into
deterministic JSON.
"""
