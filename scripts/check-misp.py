#!/usr/bin/env python3
"""Check MISP galaxy and cluster files the way the MISP project's CI does, beyond JSON Schema validation.

Usage: python3 scripts/check-misp.py PATH...

Each PATH is a cluster or galaxy file, or a folder holding clusters/ and galaxies/ (the layout of the misp-galaxy
repository and of `disarm export misp`). Files are told apart by their folder name, else by their keys.

Checks, after misp-galaxy's validate_all.sh and the PyMISPGalaxies tests its CI runs:
  - every cluster value has a non-empty `value`, and no two values of one cluster have the same `value`, compared
    exactly and also ignoring letter case, Unicode compatibility forms and runs of white space;
  - every UUID (galaxy, cluster, value) is a valid UUID; cluster and value UUIDs are unique across all clusters,
    galaxy UUIDs across all galaxies;
  - no list in a value's `meta` holds an empty string (tools/chk_empty_strings.py);
  - every `related` entry has a `dest-uuid` and a `type`, names a value of one of the given clusters, and appears
    once (tools/chk_related_integrity.py);
  - every cluster has a galaxy of the same `type` and vice versa, and each file is named after its `type`.
Prints each problem as `FILE: message`, then a summary line. Exits 0 when there is none, 1 when there are
problems or a file cannot be read, 2 on a usage error.
"""

import json
import os
import re
import sys
import unicodedata
import uuid as uuidlib
from collections import defaultdict


def norm(value):
    """The duplicate key: NFKC, case-folded, white space runs as one space, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).strip().casefold()


def valid_uuid(text):
    if not isinstance(text, str):
        return False
    try:
        return str(uuidlib.UUID(text)) == text.lower()
    except ValueError:
        return False


def collect(paths):
    """(clusters, galaxies): lists of (path, document) pairs."""
    clusters, galaxies, unreadable = [], [], []
    files = []
    for path in paths:
        if os.path.isdir(path):
            for sub in ("clusters", "galaxies"):
                folder = os.path.join(path, sub)
                if os.path.isdir(folder):
                    files += [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".json")]
        else:
            files.append(path)
    for path in files:
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            unreadable.append((path, f"cannot read: {error}"))
            continue
        folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
        is_cluster = folder == "clusters" or (folder != "galaxies" and "values" in document)
        (clusters if is_cluster else galaxies).append((path, document))
    return clusters, galaxies, unreadable


def check(clusters, galaxies):
    problems = []
    cluster_uuids = defaultdict(list)
    galaxy_uuids = defaultdict(list)
    value_uuids = set()

    for path, cluster in clusters:
        if not valid_uuid(cluster.get("uuid")):
            problems.append((path, f"cluster uuid {cluster.get('uuid')!r} is not a valid UUID"))
        cluster_uuids[cluster.get("uuid")].append(f"{path} (cluster)")
        exact, normalised = defaultdict(list), defaultdict(list)
        for index, value in enumerate(cluster.get("values", [])):
            name = value.get("value")
            where = f"values[{index}]"
            if not isinstance(name, str) or not name.strip():
                problems.append((path, f"{where} has no value"))
            else:
                exact[name].append(index)
                normalised[norm(name)].append(index)
            if not valid_uuid(value.get("uuid")):
                problems.append((path, f"{where} ({name!r}): uuid {value.get('uuid')!r} is not a valid UUID"))
            else:
                value_uuids.add(value["uuid"])
            cluster_uuids[value.get("uuid")].append(f"{path} {where} ({name!r})")
            for key, item in (value.get("meta") or {}).items():
                if isinstance(item, list) and "" in item:
                    problems.append((path, f"{where} ({name!r}): empty string in meta.{key}"))
        for name, indexes in exact.items():
            if len(indexes) > 1:
                problems.append((path, f"duplicate value {name!r} at values{indexes}"))
        for key, indexes in normalised.items():
            if len(indexes) > 1 and len({cluster['values'][i]['value'] for i in indexes}) > 1:
                names = [cluster["values"][i]["value"] for i in indexes]
                problems.append((path, f"values {names!r} differ only in case or spacing (values{indexes})"))

    for uuid, owners in cluster_uuids.items():
        if uuid is not None and len(owners) > 1:
            problems.append((owners[0].split(" ")[0], f"uuid {uuid} is used {len(owners)} times: {'; '.join(owners)}"))

    for path, cluster in clusters:
        for index, value in enumerate(cluster.get("values", [])):
            seen = set()
            for number, entry in enumerate(value.get("related") or []):
                where = f"values[{index}] ({value.get('value')!r}) related[{number}]"
                if not isinstance(entry, dict) or not entry.get("dest-uuid") or not entry.get("type"):
                    problems.append((path, f"{where} needs a dest-uuid and a type"))
                    continue
                if entry["dest-uuid"] not in value_uuids:
                    problems.append((path, f"{where}: dest-uuid {entry['dest-uuid']} names no value"))
                pair = (entry["dest-uuid"], entry["type"])
                if pair in seen:
                    problems.append((path, f"{where}: duplicate relation {entry['type']} {entry['dest-uuid']}"))
                seen.add(pair)

    for path, galaxy in galaxies:
        if not valid_uuid(galaxy.get("uuid")):
            problems.append((path, f"galaxy uuid {galaxy.get('uuid')!r} is not a valid UUID"))
        galaxy_uuids[galaxy.get("uuid")].append(path)
    for uuid, owners in galaxy_uuids.items():
        if uuid is not None and len(owners) > 1:
            problems.append((owners[0], f"galaxy uuid {uuid} is used by {len(owners)} galaxies: {', '.join(owners)}"))

    if clusters and galaxies:
        cluster_types = {c.get("type"): p for p, c in clusters}
        galaxy_types = {g.get("type"): p for p, g in galaxies}
        for kind, path in cluster_types.items():
            if kind not in galaxy_types:
                problems.append((path, f"no galaxy has type {kind!r}"))
        for kind, path in galaxy_types.items():
            if kind not in cluster_types:
                problems.append((path, f"no cluster has type {kind!r}"))
    for path, document in clusters + galaxies:
        if os.path.basename(path) != f"{document.get('type')}.json":
            problems.append((path, f"file name should be {document.get('type')}.json, after its type"))
    return problems


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print("usage: check-misp.py PATH...", file=sys.stderr)
        return 2
    clusters, galaxies, unreadable = collect(argv[1:])
    if not clusters and not galaxies and not unreadable:
        print("check-misp.py: no cluster or galaxy files found", file=sys.stderr)
        return 2
    problems = unreadable + check(clusters, galaxies)
    for path, message in problems:
        print(f"{path}: {message}")
    values = sum(len(c.get("values", [])) for _, c in clusters)
    print(
        f"check-misp: {len(clusters)} clusters ({values} values), {len(galaxies)} galaxies: "
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
