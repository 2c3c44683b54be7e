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
  check-stix.py same-ids BUNDLE REFERENCE
      Pairs the objects of BUNDLE and REFERENCE (another bundle, such as the DISARM Foundation's) by DISARM
      identifier (relationships by both ends and type; identity, marking definition and matrix by type) and prints
      how many are in both and how many of those have the same STIX id; exit 1 when any differs.
  check-stix.py opencti BUNDLE
      Checks BUNDLE against what OpenCTI's client (pycti) reads: every attack-pattern's identifier by pycti's rule
      (`x_mitre_id`, else the `mitre` extension's `id`, else a reference named mitre-attack, mitre-pre-attack,
      mitre-mobile-attack, mitre-ics-attack or amitt-attack), every kill-chain phase with an `x_opencti_order` equal
      to its tactic's, tactics ordered 1..n as in the matrix, sub-techniques in their parent's phases.
  check-stix.py collection BUNDLE
      Reads BUNDLE's x-mitre-collection with mitreattack-python's CollectionToIndex and checks that its
      x_mitre_contents list exactly the bundle's other objects with their `modified`.
  check-stix.py versions OLD NEW
      Compares two consecutive exports (NEW made with --previous OLD): objects whose content is the same keep
      `modified` and `x_mitre_version`; changed ones have a later `modified` and a higher version.
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


def disarm_keys(path):
    """{key: STIX id} of a bundle's objects, keyed as `disarm export stix --ids-from` pairs them."""
    objects = json.load(open(path, encoding="utf-8"))["objects"]
    disarm = {}
    keys = {}
    singletons = {}
    for obj in objects:
        if obj["type"] in ("attack-pattern", "x-mitre-tactic", "course-of-action", "campaign"):
            ident = obj.get("x_mitre_id") or next(
                (ref.get("external_id") for ref in obj.get("external_references", [])
                 if ref.get("source_name") in ("mitre-attack", "DISARM") and ref.get("external_id")), None)
            if ident:
                disarm[obj["id"]] = ident
                if not (obj.get("revoked") or obj.get("x_mitre_deprecated")) or (obj["type"], ident) not in keys:
                    keys[(obj["type"], ident)] = obj["id"]
        elif obj["type"] in ("identity", "marking-definition", "x-mitre-matrix"):
            singletons.setdefault(obj["type"], set()).add(obj["id"])
    for kind, ids in singletons.items():
        if len(ids) == 1:
            keys[(kind, "")] = next(iter(ids))
    for obj in objects:
        if obj["type"] == "relationship" and obj["source_ref"] in disarm and obj["target_ref"] in disarm:
            keys[("relationship", f"{disarm[obj['source_ref']]} {obj['relationship_type']} {disarm[obj['target_ref']]}")] = obj["id"]
    return keys


def same_ids(path, reference):
    ours = disarm_keys(path)
    theirs = disarm_keys(reference)
    both = sorted(set(ours) & set(theirs))
    different = [key for key in both if ours[key] != theirs[key]]
    print(f"same-ids: {len(ours)} objects in {path}, {len(theirs)} in {reference}, {len(both)} in both, "
          f"{len(both) - len(different)} with the same STIX id, {len(different)} different")
    for key in different[:20]:
        print(f"  {key[0]} {key[1]}: {ours[key]} here, {theirs[key]} there")
    return not different


PYCTI_SOURCE_NAMES = ["mitre-attack", "mitre-pre-attack", "mitre-mobile-attack", "mitre-ics-attack", "amitt-attack"]


def pycti_identifier(obj):
    """The identifier pycti's AttackPattern.import_from_stix2 reads (client-python, pycti/entities)."""
    ident = obj.get("x_mitre_id")
    if ident is None:
        for extension in (obj.get("extensions") or {}).values():
            if isinstance(extension, dict) and extension.get("extension_type") == "property-extension" \
                    and "id" in extension and "mitre" in json.dumps(extension).lower():
                ident = extension["id"]
    if ident is None:
        for ref in obj.get("external_references") or []:
            if ref["source_name"] in PYCTI_SOURCE_NAMES:
                ident = ref.get("external_id")
    return ident


def check_opencti(path):
    objects = json.load(open(path, encoding="utf-8"))["objects"]
    problems = []
    matrix = [obj for obj in objects if obj["type"] == "x-mitre-matrix"][0]
    tactics = {obj["id"]: obj for obj in objects if obj["type"] == "x-mitre-tactic"}
    order = {}
    for index, ref in enumerate(matrix["tactic_refs"], 1):
        tactic = tactics[ref]
        if tactic.get("x_opencti_order") != index:
            problems.append(f"tactic {tactic['x_mitre_shortname']}: x_opencti_order {tactic.get('x_opencti_order')}, "
                            f"matrix place {index}")
        order[tactic["x_mitre_shortname"]] = index
    patterns = {obj["id"]: obj for obj in objects if obj["type"] == "attack-pattern"}
    readable = 0
    for obj in patterns.values():
        ident = pycti_identifier(obj)
        expected = obj["external_references"][0]["external_id"]
        if ident != expected:
            problems.append(f"{obj['id']}: pycti reads {ident!r}, the DISARM identifier is {expected!r}")
        else:
            readable += 1
        for phase in obj.get("kill_chain_phases", []):
            if phase["kill_chain_name"] != "disarm":
                problems.append(f"{expected}: kill chain {phase['kill_chain_name']!r}")
            if phase.get("x_opencti_order") != order.get(phase["phase_name"]):
                problems.append(f"{expected}: phase {phase['phase_name']} has x_opencti_order "
                                f"{phase.get('x_opencti_order')}, its tactic {order.get(phase['phase_name'])}")
    subs = 0
    for obj in objects:
        if obj["type"] == "relationship" and obj["relationship_type"] == "subtechnique-of":
            sub, parent = patterns[obj["source_ref"]], patterns[obj["target_ref"]]
            subs += 1
            if parent.get("kill_chain_phases") and sub.get("kill_chain_phases") != parent.get("kill_chain_phases"):
                problems.append(f"{pycti_identifier(sub)}: phases differ from its parent {pycti_identifier(parent)}")
    print(f"opencti: {len(order)} tactics ordered, {readable} of {len(patterns)} attack-patterns readable by pycti's "
          f"identifier rule, {subs} sub-techniques checked; {len(problems)} problems")
    for problem in problems[:30]:
        print(f"  {problem}")
    return not problems


def check_collection(path):
    collections = require("mitreattack.collections", "mitreattack-python")
    import os
    import tempfile
    # CollectionToIndex reads its files as UTF-16 (as ATT&CK's Workbench writes them): give it such a copy.
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, "bundle.json")
        with open(path, encoding="utf-8") as source, open(copy, "w", encoding="utf-16") as target:
            target.write(source.read())
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            index = collections.CollectionToIndex.generate_index(
                name="check", description="check", root_url="file:///", files=[copy])
    objects = json.load(open(path, encoding="utf-8"))["objects"]
    found = [obj for obj in objects if obj["type"] == "x-mitre-collection"]
    if len(found) != 1 or len(index["collections"]) != 1:
        print(f"collection: {len(found)} x-mitre-collection objects, {len(index['collections'])} in the index")
        return False
    collection = found[0]
    versions = [version["version"] for version in index["collections"][0]["versions"]]
    listed = {(item["object_ref"], item["object_modified"]) for item in collection["x_mitre_contents"]}
    present = {(obj["id"], obj.get("modified", obj.get("created"))) for obj in objects
               if obj["type"] != "x-mitre-collection"}
    same = listed == present
    print(f"collection: {collection['name']!r} version {', '.join(versions)} (CollectionToIndex), "
          f"{len(listed)} objects listed, {len(present)} in the bundle: {'exactly the same' if same else 'DIFFERENT'}")
    if not same:
        for item in sorted(listed - present)[:10]:
            print(f"  listed, not in the bundle: {item}")
        for item in sorted(present - listed)[:10]:
            print(f"  in the bundle, not listed: {item}")
    return same


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def check_versions(old_path, new_path):
    strip = ("created", "modified", "x_mitre_version")
    old = {obj["id"]: obj for obj in json.load(open(old_path, encoding="utf-8"))["objects"]
           if obj["type"] != "x-mitre-collection"}
    new = [obj for obj in json.load(open(new_path, encoding="utf-8"))["objects"] if obj["type"] != "x-mitre-collection"]
    counts = Counter()
    problems = []
    for obj in new:
        before = old.get(obj["id"])
        if before is None:
            counts["new"] += 1
            continue
        same = {k: v for k, v in obj.items() if k not in strip} == {k: v for k, v in before.items() if k not in strip}
        kind = "technique " if obj["type"] == "attack-pattern" else ""
        if same:
            counts[f"unchanged {kind}".strip()] += 1
            if obj.get("modified") != before.get("modified") or obj.get("x_mitre_version") != before.get("x_mitre_version"):
                problems.append(f"{obj['id']}: unchanged, but modified or version moved")
        else:
            counts[f"changed {kind}".strip()] += 1
            if obj.get("modified") and not obj["modified"] > before.get("modified", ""):
                problems.append(f"{obj['id']}: changed, but modified {obj['modified']} is not later")
            if "x_mitre_version" in obj and not version_key(obj["x_mitre_version"]) > version_key(before["x_mitre_version"]):
                problems.append(f"{obj['id']}: changed, but version {obj['x_mitre_version']} is not higher")
    counts["removed"] = len(set(old) - {obj["id"] for obj in new})
    summary = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
    print(f"versions: {summary}; {len(problems)} problems")
    for problem in problems[:20]:
        print(f"  {problem}")
    return not problems


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
    same = commands.add_parser("same-ids")
    same.add_argument("bundle")
    same.add_argument("reference")
    opencti = commands.add_parser("opencti")
    opencti.add_argument("bundle")
    collection = commands.add_parser("collection")
    collection.add_argument("bundle")
    versions = commands.add_parser("versions")
    versions.add_argument("old")
    versions.add_argument("new")
    layers = commands.add_parser("layer")
    layers.add_argument("layers", nargs="+")
    arguments = parser.parse_args()
    if arguments.command == "stix":
        ok = validate(arguments.bundle)
        if arguments.kb:
            ok = check_tactics(arguments.bundle, arguments.kb, arguments.disarm) and ok
    elif arguments.command == "compare":
        ok = compare(arguments.bundle, arguments.oracle)
    elif arguments.command == "same-ids":
        ok = same_ids(arguments.bundle, arguments.reference)
    elif arguments.command == "opencti":
        ok = check_opencti(arguments.bundle)
    elif arguments.command == "collection":
        ok = check_collection(arguments.bundle)
    elif arguments.command == "versions":
        ok = check_versions(arguments.old, arguments.new)
    elif arguments.command == "retired":
        ok = check_retired(arguments.bundle)
    else:
        ok = check_layers(arguments.layers)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
