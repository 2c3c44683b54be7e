#!/usr/bin/env python3
"""Checks the exports of `disarm export stix` and `disarm export navigator` with the ecosystem's own tools.

  check-stix.py stix BUNDLE [--kb DIR --disarm BIN]
      Validates BUNDLE with the OASIS STIX 2.1 validator (stix2-validator): exit 1 on any error; prints how many
      warnings of each code remain. With --kb, loads BUNDLE in mitreattack-python's MitreAttackData and checks
      that, for every tactic of the matrix, the techniques of the tactic (get_techniques_by_tactic) are the
      techniques `disarm list techniques --tactic TAxx --kb DIR` lists.
  check-stix.py compare BUNDLE ORACLE
      Prints every difference between the techniques of BUNDLE and of ORACLE (the DISARM Foundation's own bundle):
      technique IDs, names, tactic per technique, sub-technique links. Always exits 0 when both load.
  check-stix.py retired BUNDLE
      Loads BUNDLE in MitreAttackData and prints the ATT&CK IDs of the techniques and mitigations that
      remove_revoked_deprecated=True leaves out (`retired: T0098 T0099`), one line per kind.
  check-stix.py layer LAYER...
      Loads each ATT&CK Navigator layer with mitreattack-python's layer tools; exit 1 when a layer does not load or
      the tools print any message (they report problems by printing, not by raising).

Needs `stix2-validator` and `mitreattack-python` (scripts/install-deps.sh installs them). Exit 2 on usage errors or
when a module is missing.
"""

import argparse
import contextlib
import io
import json
import re
import subprocess
import sys
from collections import Counter


def require(module, package):
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        print(f"check-stix: the Python package {package} is not installed (scripts/install-deps.sh)", file=sys.stderr)
        sys.exit(2)


def validate(path):
    validator = require("stix2validator", "stix2-validator")
    options = validator.ValidationOptions(version="2.1")
    result = validator.validate_file(path, options)
    errors = []
    warnings = Counter()
    for obj in result.object_results:
        for error in obj.errors:
            errors.append(f"{obj.object_id}: {error}")
        for warning in obj.warnings:
            match = re.search(r"\{(\d+)\}", str(warning))
            warnings[match.group(1) if match else "?"] += 1
    if result.fatal:
        errors.append(f"fatal: {result.fatal}")
    summary = ", ".join(f"{{{code}}} {count}" for code, count in sorted(warnings.items())) or "none"
    print(f"stix2-validator: {path}: {'valid' if result.is_valid else 'INVALID'}; "
          f"{len(errors)} errors; warnings by code: {summary}")
    for error in errors[:50]:
        print(f"  error: {error}")
    return result.is_valid and not errors


def check_tactics(path, kb, disarm):
    stix20 = require("mitreattack.stix20", "mitreattack-python")
    with contextlib.redirect_stdout(io.StringIO()):
        data = stix20.MitreAttackData(path)
    matrices = data.get_matrices()
    if len(matrices) != 1:
        print(f"MitreAttackData: expected one matrix, found {len(matrices)}")
        return False
    ok = True
    total = 0
    tactics = [data.get_object_by_stix_id(ref) for ref in matrices[0]["tactic_refs"]]
    for tactic in tactics:
        tactic_id = tactic["external_references"][0]["external_id"]
        found = data.get_techniques_by_tactic(tactic["x_mitre_shortname"], "enterprise-attack")
        ours = {data.get_attack_id(technique["id"]) for technique in found}
        listed = subprocess.run([disarm, "list", "techniques", "--tactic", tactic_id, "--kb", kb, "--format", "json"],
                                capture_output=True, text=True)
        if listed.returncode != 0:
            print(f"disarm list failed for {tactic_id}: {listed.stderr}")
            return False
        expected = {row["id"] for row in json.loads(listed.stdout)}
        total += len(ours)
        if ours != expected:
            ok = False
            print(f"MitreAttackData: {tactic_id} {tactic['x_mitre_shortname']}: "
                  f"only in bundle {sorted(ours - expected)}, only in disarm list {sorted(expected - ours)}")
    print(f"MitreAttackData: {len(tactics)} tactics, {total} techniques by tactic: "
          f"{'same as disarm list' if ok else 'DIFFERENT from disarm list'}")
    return ok


def techniques(path):
    """{external ID: (name, tactic short names, parent external ID or None)} of a bundle's attack-patterns."""
    objects = json.load(open(path, encoding="utf-8"))["objects"]
    ids = {}
    result = {}
    for obj in objects:
        if obj["type"] == "attack-pattern":
            external_id = obj["external_references"][0]["external_id"]
            ids[obj["id"]] = external_id
            phases = tuple(sorted(phase["phase_name"] for phase in obj.get("kill_chain_phases", [])))
            result[external_id] = [obj["name"], phases, None]
    for obj in objects:
        if obj["type"] == "relationship" and obj["relationship_type"] == "subtechnique-of":
            result[ids[obj["source_ref"]]][2] = ids[obj["target_ref"]]
    return result


def compare(path, oracle):
    ours = techniques(path)
    theirs = techniques(oracle)
    lines = []
    for technique in sorted(set(ours) | set(theirs)):
        if technique not in ours:
            lines.append(f"{technique}: only in the oracle ({theirs[technique][0]!r})")
            continue
        if technique not in theirs:
            lines.append(f"{technique}: only in the export ({ours[technique][0]!r})")
            continue
        for index, what in enumerate(["name", "tactic", "parent"]):
            if ours[technique][index] != theirs[technique][index]:
                lines.append(f"{technique}: {what}: export {ours[technique][index]!r}, "
                             f"oracle {theirs[technique][index]!r}")
    print(f"{len(ours)} techniques in the export, {len(theirs)} in the oracle, {len(lines)} differences")
    for line in lines:
        print(line)
    return True


def check_layers(paths):
    navlayers = require("mitreattack.navlayers", "mitreattack-python")
    ok = True
    for path in paths:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            layer = navlayers.Layer()
            layer.from_file(path)
        loaded = layer.layer is not None
        messages = printed.getvalue().strip()
        count = len(layer.layer.techniques or []) if loaded else 0
        if not loaded or messages:
            ok = False
        print(f"navlayers: {path}: {'loaded' if loaded else 'NOT LOADED'}, {count} techniques"
              + (f"; messages:\n{messages}" if messages else ""))
    return ok


def check_retired(path):
    stix20 = require("mitreattack.stix20", "mitreattack-python")
    with contextlib.redirect_stdout(io.StringIO()):
        data = stix20.MitreAttackData(path)
    for kind, everything, current in [
        ("techniques", data.get_techniques(remove_revoked_deprecated=False),
         data.get_techniques(remove_revoked_deprecated=True)),
        ("mitigations", data.get_mitigations(remove_revoked_deprecated=False),
         data.get_mitigations(remove_revoked_deprecated=True)),
    ]:
        kept = {item["id"] for item in current}
        dropped = sorted(data.get_attack_id(item["id"]) for item in everything if item["id"] not in kept)
        print(f"retired {kind}: {' '.join(dropped)}")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    stix = commands.add_parser("stix")
    stix.add_argument("bundle")
    stix.add_argument("--kb")
    stix.add_argument("--disarm", default="disarm")
    comparison = commands.add_parser("compare")
    comparison.add_argument("bundle")
    comparison.add_argument("oracle")
    retired = commands.add_parser("retired")
    retired.add_argument("bundle")
    layers = commands.add_parser("layer")
    layers.add_argument("layers", nargs="+")
    arguments = parser.parse_args()
    if arguments.command == "stix":
        ok = validate(arguments.bundle)
        if arguments.kb:
            ok = check_tactics(arguments.bundle, arguments.kb, arguments.disarm) and ok
    elif arguments.command == "compare":
        ok = compare(arguments.bundle, arguments.oracle)
    elif arguments.command == "retired":
        ok = check_retired(arguments.bundle)
    else:
        ok = check_layers(arguments.layers)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
