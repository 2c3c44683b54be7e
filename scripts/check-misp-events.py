#!/usr/bin/env python3
"""Check a MISP events file (`disarm export misp --events`) against what MISP's import expects.

Usage: python3 scripts/check-misp-events.py EVENTS.json

The file is MISP's export form, {"response": [{"Event": ...}, ...]}, or a list of {"Event": ...}. Each event is
checked with:
  - PyMISP's own JSON Schema of the MISP core format (pymisp/data/schema.json: no unknown key, every value of its
    type, Org/Orgc with a uuid), validated with jsonschema;
  - PyMISP's loader (MISPEvent.load, which refuses attribute types MISP does not know), then
    MISPEvent.to_dict() and a second load of that, so that the event survives PyMISP's own round trip;
  - the core format's rules (draft-dulaunoy-misp-core-format) the schema leaves out: `uuid` a UUID and unique in the
    file, `info` present, at most 256 characters and one line, `date` YYYY-MM-DD when present, `threat_level_id`
    1-4, `analysis` 0-2, `distribution` 0-4 (5 only for attributes: the event's), `published` a boolean; every
    attribute's `category` one MISP allows for its `type` (PyMISP's describeTypes.json), `value` non-empty, `uuid`
    unique; every tag a non-empty `name`; every galaxy cluster a `uuid`, a `value` and a `tag_name`.
Prints each problem as `EVENT: message`, then `N events: M problems`. Exits 0 when there is none, 1 otherwise, 2 on a
usage error or when PyMISP or jsonschema is missing.
"""

import copy
import json
import os
import re
import sys
import uuid as uuidlib

try:
    import jsonschema
    import pymisp
    from pymisp import MISPEvent
except ImportError as error:  # pragma: no cover - reported to the caller
    print(f"check-misp-events: {error}; pip install pymisp jsonschema", file=sys.stderr)
    sys.exit(2)


def valid_uuid(text):
    try:
        return isinstance(text, str) and str(uuidlib.UUID(text)) == text.lower()
    except ValueError:
        return False


def main(argv):
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        document = json.load(handle)
    items = document["response"] if isinstance(document, dict) and "response" in document else document
    if not isinstance(items, list):
        print("the file is neither {\"response\": [...]} nor a list of events", file=sys.stderr)
        return 1
    data = os.path.join(os.path.dirname(pymisp.__file__), "data")
    with open(os.path.join(data, "schema.json"), encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(os.path.join(data, "describeTypes.json"), encoding="utf-8") as handle:
        types = json.load(handle)["result"]
    categories = types["category_type_mappings"]
    validator = jsonschema.Draft4Validator(schema)
    problems = []
    event_uuids, attribute_uuids = set(), set()
    for index, item in enumerate(items):
        event = item.get("Event") if isinstance(item, dict) else None
        name = f"response[{index}]"
        if not isinstance(event, dict):
            problems.append((name, "no Event object"))
            continue
        name = f"{name} {event.get('info', '')!r}"
        for error in validator.iter_errors({"Event": event}):
            path = "/".join(str(part) for part in error.absolute_path)
            problems.append((name, f"schema: {path}: {error.message}"))
        try:
            loaded = MISPEvent()
            # PyMISP takes keys out of what it is given: it gets a copy.
            loaded.load({"Event": copy.deepcopy(event)})
            again = MISPEvent()
            again.load(copy.deepcopy(loaded.to_dict()))
            if again.info != event.get("info") or len(again.attributes) != len(event.get("Attribute", [])):
                problems.append((name, "PyMISP's round trip changed the event"))
        except Exception as error:  # PyMISP raises several types; each is a problem with the event
            problems.append((name, f"PyMISP cannot load it: {error}"))
        if not valid_uuid(event.get("uuid")):
            problems.append((name, f"uuid {event.get('uuid')!r} is not a UUID"))
        elif event["uuid"] in event_uuids:
            problems.append((name, f"uuid {event['uuid']} is used by another event"))
        event_uuids.add(event.get("uuid"))
        info = event.get("info")
        if not isinstance(info, str) or not info.strip() or len(info) > 256 or "\n" in info:
            problems.append((name, "info must be one line of 1 to 256 characters"))
        if "date" in event and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(event["date"])):
            problems.append((name, f"date {event['date']!r} is not YYYY-MM-DD"))
        for key, allowed in (("threat_level_id", "1234"), ("analysis", "012"), ("distribution", "01234")):
            if str(event.get(key)) not in allowed or len(str(event.get(key))) != 1:
                problems.append((name, f"{key} {event.get(key)!r} is not one of {', '.join(allowed)}"))
        if not isinstance(event.get("published"), bool):
            problems.append((name, "published must be true or false"))
        for number, attribute in enumerate(event.get("Attribute", [])):
            where = f"Attribute[{number}]"
            kind, category = attribute.get("type"), attribute.get("category")
            if category not in categories or kind not in categories[category]:
                problems.append((name, f"{where}: type {kind!r} is not allowed in category {category!r}"))
            if not str(attribute.get("value", "")).strip():
                problems.append((name, f"{where}: empty value"))
            if str(attribute.get("distribution")) not in "012345" or len(str(attribute.get("distribution"))) != 1:
                problems.append((name, f"{where}: distribution {attribute.get('distribution')!r}"))
            if not valid_uuid(attribute.get("uuid")) or attribute["uuid"] in attribute_uuids:
                problems.append((name, f"{where}: uuid {attribute.get('uuid')!r} is not a UUID or is used twice"))
            attribute_uuids.add(attribute.get("uuid"))
            for tag in attribute.get("Tag", []):
                if not str(tag.get("name", "")).strip():
                    problems.append((name, f"{where}: a tag without name"))
        for tag in event.get("Tag", []):
            if not str(tag.get("name", "")).strip():
                problems.append((name, "a tag without name"))
        for galaxy in event.get("Galaxy", []):
            for cluster in galaxy.get("GalaxyCluster", []):
                if not valid_uuid(cluster.get("uuid")) or not cluster.get("value") or not cluster.get("tag_name"):
                    problems.append((name, f"galaxy cluster {cluster.get('value')!r} needs a uuid, value and tag_name"))
    for where, message in problems:
        print(f"{where}: {message}")
    print(f"{len(items)} events: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
