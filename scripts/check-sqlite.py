#!/usr/bin/env python3
"""Run the canned queries of a `disarm export sqlite` database as its users would: with the sqlite3 command line
and through Datasette over HTTP.

Usage: python3 scripts/check-sqlite.py DB METADATA [--no-datasette]

Runs `PRAGMA integrity_check` and every canned query of METADATA (the Datasette metadata.json written beside the
database) with the `sqlite3` command line (`-json`, parameters bound with `.parameter set`), then starts Datasette on
127.0.0.1 on a free port, runs the same queries over HTTP (`/DB/QUERY.json?_shape=array&PARAM=…`), and stops it.
Parameters: technique=T0143.003, incident=the first incident, query=deepfake (override with DISARM_CHECK_TECHNIQUE,
DISARM_CHECK_INCIDENT, DISARM_CHECK_QUERY).
Prints one JSON object: {"integrity": "ok", "sqlite3": {QUERY: rows}, "datasette": {QUERY: rows} or null,
"datasette_skipped": reason or null}. Exits 0 when everything ran, 1 when a query or the server failed,
2 on a usage error.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def sqlite3_rows(db, sql, parameters):
    script = "".join(f".parameter set :{name} {quote(value)}\n" for name, value in parameters.items())
    script += sql.strip().rstrip(";") + ";\n"
    result = subprocess.run(["sqlite3", "-json", "-bail", db], input=script, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"sqlite3 failed on {sql[:60]!r}: {result.stderr.strip()}")
    return json.loads(result.stdout) if result.stdout.strip() else []


def quote(value):
    return "'" + value.replace("'", "''") + "'"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def datasette_rows(db, metadata, queries, parameters_of):
    command = shutil.which("datasette")
    if command is None:
        return None, "datasette is not installed (pip install datasette; scripts/install-deps.sh)"
    port = free_port()
    database = os.path.splitext(os.path.basename(db))[0]
    server = subprocess.Popen(
        [command, "serve", db, "-m", metadata, "--host", "127.0.0.1", "--port", str(port), "--setting", "max_returned_rows", "5000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch(base + "/-/versions.json")
                break
            except Exception:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("datasette did not start: " + (server.stderr.read() if server.poll() is not None else "timeout"))
                time.sleep(0.2)
        results = {}
        for name in queries:
            arguments = {"_shape": "array", **parameters_of(name)}
            results[name] = fetch(f"{base}/{database}/{name}.json?" + urllib.parse.urlencode(arguments))
        return results, None
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    db, metadata_path = arguments
    with open(metadata_path, encoding="utf-8") as handle:
        metadata = json.load(handle)
    database = os.path.splitext(os.path.basename(db))[0]
    queries = metadata["databases"][database]["queries"]
    integrity = sqlite3_rows(db, "PRAGMA integrity_check", {})
    first_incident = sqlite3_rows(db, "SELECT disarm_id FROM incident ORDER BY disarm_id LIMIT 1", {})
    values = {
        "technique": os.environ.get("DISARM_CHECK_TECHNIQUE", "T0143.003"),
        "incident": os.environ.get("DISARM_CHECK_INCIDENT", first_incident[0]["disarm_id"] if first_incident else ""),
        "query": os.environ.get("DISARM_CHECK_QUERY", "deepfake"),
    }

    def parameters_of(name):
        return {key: value for key, value in values.items() if ":" + key in queries[name]["sql"]}

    try:
        local = {name: sqlite3_rows(db, query["sql"], parameters_of(name)) for name, query in sorted(queries.items())}
        served, skipped = (None, "--no-datasette") if "--no-datasette" in sys.argv else datasette_rows(db, metadata_path, sorted(queries), parameters_of)
    except Exception as error:  # noqa: BLE001 - one message for every failure
        print(f"check-sqlite.py: {error}", file=sys.stderr)
        return 1
    json.dump({"integrity": integrity[0].get("integrity_check") if integrity else None, "sqlite3": local,
               "datasette": served, "datasette_skipped": skipped}, sys.stdout, ensure_ascii=False, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
