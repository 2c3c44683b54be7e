#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema.

Usage: python3 scripts/validate-json.py SCHEMA FILE...

The draft is the one the schema's `$schema` names (draft-04, -06, -07, 2019-09 or 2020-12, e.g. the
official SARIF 2.1.0 schema is draft-04); 2020-12 when it names none.
Prints `FILE: valid`, or every validation error with the JSON path where it occurred.
Exits 0 when every FILE is valid, 1 when any is invalid or unreadable, 2 on a usage error
(wrong arguments, or a schema that cannot be read or is not a valid schema of its draft).
Format checking is off: `format` keywords are annotations only.
"""

import json
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
    from jsonschema.validators import validator_for
except ImportError:
    print("validate-json.py: the `jsonschema` package is required (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def sort_key(error):
    """Document order: array indices compared as numbers, then the message."""
    path = [(0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path]
    return (path, error.message)


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print("usage: validate-json.py SCHEMA FILE...", file=sys.stderr)
        return 2
    schema_path, files = argv[1], argv[2:]
    try:
        schema = load(schema_path)
        validator_class = validator_for(schema, default=Draft202012Validator)
        validator_class.check_schema(schema)
    except (OSError, ValueError) as error:
        print(f"{schema_path}: cannot read schema: {error}", file=sys.stderr)
        return 2
    except SchemaError as error:
        print(f"{schema_path}: invalid schema: {error.message} at {error.json_path}", file=sys.stderr)
        return 2
    validator = validator_class(schema)  # no format_checker: format checking off

    all_valid = True
    for path in files:
        try:
            document = load(path)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read: {error}")
            all_valid = False
            continue
        errors = sorted(validator.iter_errors(document), key=sort_key)
        if not errors:
            print(f"{path}: valid")
            continue
        all_valid = False
        print(f"{path}: {len(errors)} error{'s' if len(errors) != 1 else ''}")
        for error in errors:
            print(f"  {error.json_path}: {error.message}")
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
