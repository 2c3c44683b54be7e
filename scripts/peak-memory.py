#!/usr/bin/env python3
"""Runs a command and prints, on its own last line of stderr, `peak-memory: <exit status> <peak RSS in KiB>`.

The peak is the child's own (RUSAGE_CHILDREN of this wrapper, which has no other child), which a test cannot get
from Foundation's Process. Used by the import tests to hold hostile workbooks to the memory bound.

    scripts/peak-memory.py COMMAND [ARGUMENT...]
"""
import resource
import subprocess
import sys

completed = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
sys.stdout.buffer.write(completed.stdout)
sys.stderr.buffer.write(completed.stderr)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"peak-memory: {completed.returncode} {peak}\n")
