#!/usr/bin/env python3
"""Benchmark of `disarm lsp` (issue 18): start-up to the first diagnostics of an opened page, and the time from each
`didChange` to its `publishDiagnostics` (median and 95th percentile over many edits), with the server's peak memory.

Usage: scripts/bench-lsp.py KB_FOLDER [--binary PATH] [--edits N]
Prints one line per measure. Targets (issue 18): at most 50 ms per change at 1x (the 2025-02-10 release), 500 ms at 30x.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Client:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method, params, request=True):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return message.get("id")

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server ended")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def until(self, predicate):
        while True:
            message = self.read()
            if predicate(message):
                return message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kb")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "disarm"))
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    folder = os.path.abspath(args.kb)
    techniques = sorted(n for n in os.listdir(os.path.join(folder, "techniques")) if n.endswith(".md"))
    page = os.path.join(folder, "techniques", techniques[len(techniques) // 2])
    uri = "file://" + page
    text = open(page, encoding="utf-8").read()
    start = time.perf_counter()
    client = Client([args.binary, "lsp"])
    client.send("initialize", {"rootUri": "file://" + folder, "capabilities": {}})
    client.until(lambda m: m.get("id") == 1)
    client.send("initialized", {}, request=False)
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                         "text": text}}, request=False)
    client.until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    first = time.perf_counter() - start
    marker = text.index("DO NOT EDIT ABOVE THIS LINE")
    times = []
    for edit in range(args.edits):
        # Alternately a misspelt identifier (a new finding) and the page as it was (the finding gone).
        new = text[:marker] + f"Seen with T0999.{edit % 1000:03d}: Nothing.\n\n" + text[marker:] if edit % 2 == 0 else text
        sent = time.perf_counter()
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": edit + 2},
                                               "contentChanges": [{"text": new}]}, request=False)
        client.until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        times.append(time.perf_counter() - sent)
    client.send("shutdown", None)
    client.until(lambda m: m.get("id") == client.next_id)
    client.send("exit", None, request=False)
    client.process.wait(timeout=30)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    pages = sum(len(files) for _, _, files in os.walk(folder))
    print(f"{args.kb}: {pages} files; start-up to first diagnostics {first * 1000:.0f} ms; didChange to "
          f"publishDiagnostics median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms over "
          f"{len(times)} edits; peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
