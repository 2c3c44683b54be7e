#!/usr/bin/env python3
"""Benchmark suite for disarm: wall time, CPU time and peak memory of build, build --check, lint and show, next to
the floor (reading every page and parsing it with libcmark, nothing else: `disarm-bench floor`) and the write floor
(the same plus writing as many files: `disarm-bench floor --write-into`, what `build` is compared with), on the
2025-02-10 corpus and on synthetic knowledge bases 1x, 10x and 100x its size.

Usage: scripts/bench.py [--runs N] [--scales 1,10,100] [--binary PATH] [--work DIR] [--smoke]
                        [--only import|incidents|migrate|stats]
Prints one table; every figure is the median of N runs (at least 11 for knowledge bases under 20 MiB, whose runs
take well under a second and vary most), and time columns are also given as a ratio to the floor.
"""
import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join(ROOT, ".build", "release", "disarm")
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "disarm-2025-02-10", "generated_pages")
# The release before it: `disarm diff` is measured on the pair (two 2025-size trees).
CORPUS_BEFORE = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "disarm-2024-11-22", "generated_pages")


def run_once(command):
    """Runs a command; returns (wall seconds, cpu seconds, peak RSS in MiB, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(command, runs):
    """`command` is a list, or a function of the run number giving one (a fresh output folder per run)."""
    results = [run_once(command(run) if callable(command) else command) for run in range(runs)]
    codes = {r[3] for r in results}
    return {
        "wall": statistics.median(r[0] for r in results),
        "cpu": statistics.median(r[1] for r in results),
        "rss": max(r[2] for r in results),
        "codes": codes,
    }


def folder_size(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(folder, name))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--binary", default=DEFAULT_BINARY)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "disarm-bench"))
    parser.add_argument("--smoke", action="store_true", help="1x only, one run: checks that the suite completes")
    parser.add_argument("--only", choices=["import", "incidents", "migrate", "stats"],
                        help="measure only this section (after building)")
    args = parser.parse_args()
    if args.smoke:
        args.runs, args.scales = 1, "1"
    if args.binary == DEFAULT_BINARY:
        # Always rebuild (incrementally): a stale release binary would measure old code.
        for product in ("disarm", "disarm-bench"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    binary = args.binary
    # The floor and the synthetic knowledge bases come from the benchmark's own tool, built next to disarm.
    bench_tool = os.path.join(os.path.dirname(binary), "disarm-bench")
    if args.only == "import":
        os.makedirs(args.work, exist_ok=True)
        return bench_import(binary, args, os.path.join(args.work, "out"))
    if args.only == "incidents":
        os.makedirs(args.work, exist_ok=True)
        return bench_incidents(binary, args, os.path.join(args.work, "out"))
    if args.only == "migrate":
        os.makedirs(args.work, exist_ok=True)
        return bench_migrate(binary, args, os.path.join(args.work, "out"))
    if args.only == "stats":
        os.makedirs(args.work, exist_ok=True)
        return bench_stats(binary, bench_tool, args, os.path.join(args.work, "out"))

    targets = []
    if os.path.isdir(CORPUS):
        targets.append(("corpus 2025-02-10", CORPUS, "T0151.008"))
    else:
        print(f"note: {CORPUS} is absent; only synthetic knowledge bases are measured", file=sys.stderr)
    os.makedirs(args.work, exist_ok=True)
    for scale in [int(s) for s in args.scales.split(",") if s]:
        folder = os.path.join(args.work, f"synthetic-{scale}x")
        if not os.path.isdir(folder):
            subprocess.run([bench_tool, "synthesize", "--scale", str(scale), "--output", folder], check=True)
        # `show` looks up the first technique: its identifier has more digits in the larger knowledge bases.
        first = sorted(name for name in os.listdir(os.path.join(folder, "techniques")) if name.endswith(".md"))[0]
        targets.append((f"synthetic {scale}x", folder, first[: -len(".md")]))

    out = os.path.join(args.work, "out")
    print(f"disarm benchmark, {time.strftime('%Y-%m-%d %H:%M')} UTC, {os.cpu_count()} cores, median of {args.runs} runs (11 under 20 MiB)")
    print(f"{'knowledge base':20} {'pages':>7} {'MiB':>7}  {'command':14} {'wall ms':>9} {'cpu ms':>9} {'peak MiB':>9} {'x floor':>8}")
    print("(x floor: build against the write floor, diff against one lint, site against build --output, every other "
          "command against the read-and-parse floor)")
    for label, folder, show_id in targets:
        pages = sum(len([f for f in files if f.endswith(".md")]) for _, _, files in os.walk(folder))
        size = folder_size(folder) / 2**20
        commands = [
            ("floor", [bench_tool, "floor", folder]),
            # Writing commands get a new output folder each run (deleting one just before writing the next slows
            # file creation on some file systems, which would measure the deletion, not the command).
            ("write floor", lambda run: [bench_tool, "floor", folder, "--write-into", f"{out}-{run}"]),
            ("build", lambda run: [binary, "build", folder, "--output", f"{out}-b{run}"]),
            ("build --check", [binary, "build", folder, "--check"]),
            ("lint", [binary, "lint", folder]),
            ("show", [binary, "show", show_id, "--kb", folder, "--no-pager"]),
            # Issue 14: two versions compared, at most 2.5x one lint. The corpus against the release before it; a
            # synthetic knowledge base against itself (the same reading, every object compared).
            ("diff", [binary, "diff", CORPUS_BEFORE if label.startswith("corpus") else folder, folder,
                      "--format", "json"]),
            # Issue 15: the static site, at most 2x `build --output` of the same tree.
            ("site", lambda run: [binary, "site", folder, "--output", f"{out}-s{run}"]),
        ]
        floor = write_floor = lint = build = None
        # Issue 12's memory budget: three times the page bytes plus 50 MiB.
        print(f"{label:20} {'':7} {'':7}  {'memory budget':14} {'':9} {'':9} {3 * size + 50:9.1f}")
        # Runs of well under a second vary by ±20 % on a shared machine: take the median of more of them.
        runs = max(args.runs, 11) if size < 20 and not args.smoke else args.runs
        for name, command in commands:
            result = measure(command, runs)
            if name == "floor":
                floor = result["wall"]
            if name == "write floor":
                write_floor = result["wall"]
            if name == "lint":
                lint = result["wall"]
            if name == "build":
                build = result["wall"]
            # build is compared with the write floor (read, parse and write as many files), diff with one lint, the
            # rest with the floor.
            base = {"build": write_floor, "diff": lint, "site": build}.get(name, floor)
            ratio = result["wall"] / base if base else float("nan")
            print(f"{label:20} {pages:7d} {size:7.1f}  {name:14} {result['wall']*1000:9.1f} {result['cpu']*1000:9.1f} "
                  f"{result['rss']:9.1f} {ratio:8.2f}")
            if name == "site":
                site_bytes = folder_size(f"{out}-s0") / 2**20
                index_bytes = os.path.getsize(os.path.join(f"{out}-s0", "assets", "search-index.js")) / 2**20
                print(f"{label:20} {'':7} {'':7}  {'site size':14} {site_bytes:9.1f} MiB, search index "
                      f"{index_bytes:.1f} MiB")
            for run in range(runs):
                shutil.rmtree(f"{out}-{run}", ignore_errors=True)
                shutil.rmtree(f"{out}-b{run}", ignore_errors=True)
                shutil.rmtree(f"{out}-s{run}", ignore_errors=True)
            # Findings make build and lint exit 1; show must find its object.
            if result["codes"] - ({0} if name == "show" else {0, 1}):
                print(f"error: {name} on {label} exited {sorted(result['codes'])}", file=sys.stderr)
                return 2
    status = bench_import(binary, args, out) or bench_incidents(binary, args, out)
    status = status or bench_migrate(binary, args, out)
    status = status or bench_stats(binary, bench_tool, args, out)
    return status or bench_tag(binary, args) or bench_lsp(binary, args)


# Issue 30: `disarm stats` (frequency, --pairs, --trend, with the SVG), `disarm match` and `disarm export sqlite`
# on the 2025-02-10 corpus and the synthetic knowledge bases of --scales (100x in the full run), each at most 1.5x
# `disarm lint` of the same tree.
def bench_stats(binary, bench_tool, args, out):
    targets = [("corpus 2025-02-10", CORPUS)] if os.path.isdir(CORPUS) else []
    for scale in [int(s) for s in args.scales.split(",") if s]:
        folder = os.path.join(args.work, f"synthetic-{scale}x")
        if not os.path.isdir(folder):
            subprocess.run([bench_tool, "synthesize", "--scale", str(scale), "--output", folder], check=True)
        targets.append((f"synthetic {scale}x", folder))
    print("(stats: x lint is against `disarm lint` of the same tree; target at most 1.5)")
    status = 0
    for label, folder in targets:
        incidents = sorted(name for name in os.listdir(os.path.join(folder, "incidents"))
                           if name.endswith(".md") and name.startswith("I"))
        # `match` the incident whose technique table is the longest: the most work per candidate.
        def rows(name):
            with open(os.path.join(folder, "incidents", name), encoding="utf-8") as page:
                return sum(1 for line in page if line.startswith("| [T"))
        asked = max(incidents, key=lambda name: (rows(name), name))[: -len(".md")]
        size = folder_size(folder) / 2**20
        runs = max(args.runs, 11) if size < 20 and not args.smoke else args.runs
        commands = [
            ("lint", [binary, "lint", folder]),
            ("stats", [binary, "stats", "--kb", folder, "--format", "json"]),
            ("stats --by tactic", [binary, "stats", "--kb", folder, "--by", "tactic"]),
            ("stats --pairs", [binary, "stats", "--kb", folder, "--pairs", "--format", "json"]),
            ("stats --trend", [binary, "stats", "--kb", folder, "--trend"]),
            ("stats --svg", lambda run: [binary, "stats", "--kb", folder, "--format", "csv", "--svg", f"{out}-m{run}.svg",
                                         "--navigator", f"{out}-m{run}.json"]),
            ("match", [binary, "match", asked, "--kb", folder, "--format", "json"]),
            ("export sqlite", lambda run: [binary, "export", "sqlite", f"{out}-q{run}.db", "--kb", folder]),
        ]
        lint = None
        for name, command in commands:
            result = measure(command, runs)
            if name == "lint":
                lint = result["wall"]
            ratio = result["wall"] / lint if lint else float("nan")
            verdict = "" if name == "lint" else ("  ok" if ratio <= 1.5 else "  OVER 1.5x")
            print(f"{label:20} {'':7} {size:7.1f}  {name:18} {result['wall']*1000:9.1f} {result['cpu']*1000:9.1f} "
                  f"{result['rss']:9.1f} {ratio:8.2f}{verdict}")
            if name == "export sqlite":
                print(f"{label:20} {'':7} {'':7}  {'sqlite size':18} {os.path.getsize(f'{out}-q0.db') / 2**20:9.1f} MiB")
            for run in range(runs):
                for suffix in (f"-q{run}.db", f"-q{run}.metadata.json", f"-m{run}.svg", f"-m{run}.json"):
                    if os.path.exists(out + suffix):
                        os.remove(out + suffix)
            if result["codes"] - {0, 1}:
                print(f"error: {name} on {label} exited {sorted(result['codes'])}", file=sys.stderr)
                status = 2
    return status


def bench_lsp(binary, args):
    """Issue 18: `disarm lsp` start-up and per-change latency (scripts/bench-lsp.py), on the 2025-02-10 corpus (target
    50 ms per change) and a synthetic knowledge base 30 times its size (target 500 ms)."""
    bench_tool = os.path.join(os.path.dirname(binary), "disarm-bench")
    targets = [CORPUS] if os.path.isdir(CORPUS) else []
    if not args.smoke:
        folder = os.path.join(args.work, "synthetic-30x")
        if not os.path.isdir(folder):
            subprocess.run([bench_tool, "synthesize", "--scale", "30", "--output", folder], check=True)
        targets.append(folder)
    for folder in targets:
        edits = "5" if args.smoke else ("40" if folder == CORPUS else "10")
        result = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench-lsp.py"), folder, "--binary",
                                 binary, "--edits", edits], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"error: bench-lsp on {folder}: {result.stderr[-500:]}", file=sys.stderr)
            return 2
        print("lsp " + result.stdout.strip())
    return 0


# Issues 16 and 27: `disarm import` of each pair of master spreadsheets (the framework workbook given, the data workbook
# found beside it, no --template: exactly what a user runs) into an empty folder, next to `disarm build --output` of
# the tree it gives, and against DISARM's generator on the same two workbooks, measured on this machine at 4.4, 4.8,
# 7.2, 14.5, 6.7 and 5.4 s for the six releases (issue 27; it needs pandas 1.x and numpy 1.x: cited, not rerun).
GENERATOR_SECONDS = {
    "disarm-2022-07-02": 4.4, "disarm-2024-03-13": 4.8, "disarm-2024-11-22": 7.2, "disarm-2025-02-10": 14.5,
    "disarm-2025-07-03": 6.7, "disarm-2026-07-19": 5.4,
}
MASTERS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "masters")


def bench_import(binary, args, out):
    if not os.path.isdir(MASTERS):
        print(f"note: {MASTERS} is absent; import is not measured", file=sys.stderr)
        return 0
    print("(import: x build is against `build --output` of the imported tree; x generator against the generator's "
          "time on the same two workbooks, cited in issue 27)")
    releases = sorted(os.listdir(MASTERS))
    if args.smoke:
        releases = [r for r in releases if r == "disarm-2025-02-10"] or releases[:1]
    runs = 1 if args.smoke else max(args.runs, 11)
    for release in releases:
        master = os.path.join(MASTERS, release, "DISARM_FRAMEWORKS_MASTER.xlsx")
        pages = os.path.join(os.path.dirname(MASTERS), release, "generated_pages")
        if not os.path.isfile(master) or not os.path.isdir(pages):
            continue
        label = release.replace("disarm-", "master ")
        imported = measure(lambda run: [binary, "import", master, "--into", f"{out}-i{run}", "--quiet"], runs)
        tree = f"{out}-i0"
        count = sum(len([f for f in files if f.endswith(".md")]) for _, _, files in os.walk(tree))
        size = folder_size(tree) / 2**20
        built = measure(lambda run: [binary, "build", tree, "--output", f"{out}-ib{run}", "--quiet"], runs)
        print(f"{label:20} {count:7d} {size:7.1f}  {'build (tree)':14} {built['wall']*1000:9.1f} "
              f"{built['cpu']*1000:9.1f} {built['rss']:9.1f}")
        ratio = imported["wall"] / built["wall"] if built["wall"] else float("nan")
        generator = GENERATOR_SECONDS.get(release)
        faster = f", {generator / imported['wall']:.0f}x faster than the generator's {generator} s" if generator else ""
        print(f"{label:20} {count:7d} {size:7.1f}  {'import':14} {imported['wall']*1000:9.1f} "
              f"{imported['cpu']*1000:9.1f} {imported['rss']:9.1f} {ratio:8.2f}{faster}")
        for run in range(runs):
            shutil.rmtree(f"{out}-i{run}", ignore_errors=True)
            shutil.rmtree(f"{out}-ib{run}", ignore_errors=True)
        for name, result in (("import", imported), ("build (tree)", built)):
            if result["codes"] - {0, 1}:
                print(f"error: {name} on {label} exited {sorted(result['codes'])}", file=sys.stderr)
                return 2
    return 0


# Issue 29: `disarm tag` of a 1 MB and a 10 MB report (the 2025-02-10 release's incident pages, which cite techniques
# inline, repeated) against that release, next to `disarm lint` of it: at most 1.5x lint for 1 MB, linear in the size.
def bench_tag(binary, args):
    if not os.path.isdir(CORPUS):
        print(f"note: {CORPUS} is absent; tag is not measured", file=sys.stderr)
        return 0
    text = ""
    incidents = os.path.join(CORPUS, "incidents")
    for name in sorted(os.listdir(incidents)):
        if name.startswith("I"):
            with open(os.path.join(incidents, name), encoding="utf-8") as page:
                text += page.read().split("DO NOT EDIT ABOVE THIS LINE")[0] + "\n\n"
    megabyte = (text * (1 + (1 << 20) // len(text)))[: 1 << 20]
    sizes = [1] if args.smoke else [1, 10]
    runs = 1 if args.smoke else max(args.runs, 11)
    print("(tag: x lint is against `disarm lint` of the release the report is tagged against)")
    linted = measure([binary, "lint", CORPUS], runs)
    print(f"{'lint 2025-02-10':28} {linted['wall']*1000:9.1f} {linted['cpu']*1000:9.1f} {linted['rss']:9.1f}")
    for size in sizes:
        report = os.path.join(args.work, f"report-{size}mb.md")
        with open(report, "w", encoding="utf-8") as file:
            file.write(megabyte * size)
        tagged = measure([binary, "tag", report, "--kb", CORPUS], runs)
        ratio = tagged["wall"] / linted["wall"] if linted["wall"] else float("nan")
        print(f"{f'tag {size} MB report':28} {tagged['wall']*1000:9.1f} {tagged['cpu']*1000:9.1f} "
              f"{tagged['rss']:9.1f} {ratio:8.2f}")
        if tagged["codes"] - {0, 1}:
            print(f"error: tag of {size} MB exited {sorted(tagged['codes'])}", file=sys.stderr)
            return 2
    return 0


# Issue 28: `disarm import` of 10,000 generated incidents (a STIX bundle, and a CSV dataset with one column per
# technique) into a fresh copy of the 2025-02-10 release, next to `disarm build --output` of the tree it gives
# (target: at most 2x).
INCIDENTS = 10_000


def generated_uuid(*parts):
    """A UUID from the parts (name-based, so the generated files are the same on every run)."""
    digest = hashlib.sha1("/".join(str(p) for p in parts).encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"


def generate_incidents(count, folder, pages=CORPUS):
    """Writes incidents-COUNT.json (a STIX 2.1 bundle) and incidents-COUNT.csv into `folder`: each incident with a
    name, a description, a year, a reference and five techniques of the release (one description per use in the
    bundle), chosen by a fixed pseudo-random sequence, from the release whose page folder is `pages`. Returns the
    two paths."""
    index = open(os.path.join(pages, "techniques_index.md"), encoding="utf-8").read()
    ids = sorted(set(re.findall(r'href="techniques/(T\d{4}(?:\.\d{3})?)\.md"', index)))
    names = {}
    for technique in ids:
        with open(os.path.join(pages, "techniques", technique + ".md"), encoding="utf-8") as handle:
            names[technique] = handle.readline().split(": ", 1)[1].strip()
    state = 28
    def pick():
        nonlocal state
        chosen = []
        while len(chosen) < 5:
            state = (state * 1103515245 + 12345) % 2**31
            technique = ids[state % len(ids)]
            if technique not in chosen:
                chosen.append(technique)
        return chosen
    uses = [pick() for _ in range(count)]
    patterns = {t: f"attack-pattern--{generated_uuid('pattern', t)}" for t in ids}
    objects = [{"type": "attack-pattern", "spec_version": "2.1", "id": patterns[t], "name": names[t],
                "external_references": [{"source_name": "DISARM", "external_id": t}]} for t in ids]
    for number, used in enumerate(uses):
        campaign = f"campaign--{generated_uuid('campaign', number)}"
        objects.append({"type": "campaign", "spec_version": "2.1", "id": campaign,
                        "name": f"Generated incident {number}", "created": "2025-01-01T00:00:00.000Z",
                        "description": f"Accounts pushed narrative {number} across several platforms.",
                        "first_seen": f"{2010 + number % 15}-01-01T00:00:00Z",
                        "external_references": [{"source_name": "report", "url": f"https://example.org/{number}"}]})
        for technique in used:
            objects.append({"type": "relationship", "spec_version": "2.1",
                            "id": f"relationship--{generated_uuid('uses', number, technique)}",
                            "relationship_type": "uses", "source_ref": campaign, "target_ref": patterns[technique],
                            "description": f"Seen in incident {number} ({names[technique]})."})
    tag = "" if pages == CORPUS else "-" + os.path.basename(os.path.dirname(pages))
    bundle = os.path.join(folder, f"incidents-{count}{tag}.json")
    with open(bundle, "w", encoding="utf-8") as handle:
        json.dump({"type": "bundle", "id": f"bundle--{generated_uuid('bundle', count)}", "objects": objects}, handle)
    dataset = os.path.join(folder, f"incidents-{count}{tag}.csv")
    with open(dataset, "w", encoding="utf-8", newline="") as handle:
        header = ["id", "name", "description", "year", "country", "actor", "url"]
        header += [f"{t}_{names[t]}" for t in ids]
        handle.write(",".join(f'"{h}"' if "," in h else h for h in header) + "\r\n")
        for number, used in enumerate(uses):
            cells = [str(number), f"Generated CSV incident {number}", f"Accounts pushed narrative {number}.",
                     str(2010 + number % 15), "USA", "Russia", f"https://example.org/csv/{number}"]
            cells += ["1" if t in used else "0" for t in ids]
            handle.write(",".join(cells) + "\r\n")
    return bundle, dataset


def bench_incidents(binary, args, out):
    if not os.path.isdir(CORPUS):
        print(f"note: {CORPUS} is absent; the incident import is not measured", file=sys.stderr)
        return 0
    count = 1000 if args.smoke else INCIDENTS
    runs = 1 if args.smoke else max(args.runs, 5)
    files = generate_incidents(count, args.work)
    print(f"(incidents: {count} generated incidents imported into a fresh copy of the 2025-02-10 release; x build is "
          "against `build --output` of the tree it gives; target 2x)")
    release = os.path.dirname(CORPUS)
    for label, path in (("STIX bundle", files[0]), ("CSV dataset", files[1])):
        # A fresh copy per run, made before the clock starts.
        for run in range(runs):
            shutil.rmtree(f"{out}-n{run}", ignore_errors=True)
            shutil.copytree(release, f"{out}-n{run}")
        # The copies flushed first: the import's own flush (syncfs) would otherwise write them out on its clock.
        os.sync()
        imported = measure(lambda run: [binary, "import", path, "--into", f"{out}-n{run}", "--quiet"], runs)
        tree = os.path.join(f"{out}-n0", "generated_pages")
        pages = sum(len([f for f in names if f.endswith(".md")]) for _, _, names in os.walk(tree))
        size = folder_size(tree) / 2**20
        built = measure(lambda run: [binary, "build", tree, "--output", f"{out}-nb{run}", "--quiet"], runs)
        name = f"{count} {label.split()[0]}"
        print(f"{name:20} {pages:7d} {size:7.1f}  {'build (tree)':14} {built['wall']*1000:9.1f} "
              f"{built['cpu']*1000:9.1f} {built['rss']:9.1f}")
        ratio = imported["wall"] / built["wall"] if built["wall"] else float("nan")
        print(f"{name:20} {pages:7d} {size:7.1f}  {'import':14} {imported['wall']*1000:9.1f} "
              f"{imported['cpu']*1000:9.1f} {imported['rss']:9.1f} {ratio:8.2f}")
        for run in range(runs):
            shutil.rmtree(f"{out}-n{run}", ignore_errors=True)
            shutil.rmtree(f"{out}-nb{run}", ignore_errors=True)
        for what, result in (("import", imported), ("build (tree)", built)):
            if result["codes"] - {0, 1}:
                print(f"error: {what} of the {label} exited {sorted(result['codes'])}", file=sys.stderr)
                return 2
    return 0


def bench_migrate(binary, args, out):
    """Issue 31: `disarm migrate` of a layer of every technique and of a 10,000-incident STIX bundle from 2024-03-13 to
    2024-11-22 (42 techniques removed, none in a register: every one is reviewed, so --accept-review), against
    `disarm diff` of the same pair (target 1.5x)."""
    old = os.path.join(os.path.dirname(os.path.dirname(CORPUS)), "disarm-2024-03-13", "generated_pages")
    if not os.path.isdir(old):
        print(f"note: {old} is absent; the migration is not measured", file=sys.stderr)
        return 0
    count = 1000 if args.smoke else INCIDENTS
    runs = 1 if args.smoke else max(args.runs, 5)
    bundle = generate_incidents(count, args.work, pages=old)[0]
    index = open(os.path.join(old, "techniques_index.md"), encoding="utf-8").read()
    ids = sorted(set(re.findall(r'href="techniques/(T\d{4}(?:\.\d{3})?)\.md"', index)))
    layer = os.path.join(args.work, "layer-2024-03-13.json")
    with open(layer, "w", encoding="utf-8") as handle:
        json.dump({"name": "every technique", "domain": "disarm", "techniques": [
            {"techniqueID": t, "score": n % 10, "comment": f"note {t}"} for n, t in enumerate(ids)]}, handle, indent=2)
    print(f"(migrate: from 2024-03-13 to 2024-11-22; x diff is against `disarm diff` of the pair; target 1.5x)")
    diff = measure([binary, "diff", old, CORPUS_BEFORE, "--format", "json"], runs)
    print(f"{'2024-03-13 → 11-22':20} {'':7} {'':7}  {'diff':14} {diff['wall']*1000:9.1f} {diff['cpu']*1000:9.1f} "
          f"{diff['rss']:9.1f}")
    # Each file twice: migrated and reported without writing, then written into a new folder (atomically; a file
    # written into --output is not flushed to disk, one rewritten --in-place is).
    cases = [(f"layer ({len(ids)})", layer, True), (f"{count} STIX", bundle, False), (f"{count} STIX", bundle, True)]
    for label, path, write in cases:
        output = (lambda run: ["--output", f"{out}-m{run}"]) if write else (lambda run: [])
        result = measure(lambda run: [binary, "migrate", path, "--from", old, "--to", CORPUS_BEFORE,
                                      "--accept-review", "--report", os.devnull] + output(run), runs)
        ratio = result["wall"] / diff["wall"] if diff["wall"] else float("nan")
        print(f"{label:20} {'':7} {os.path.getsize(path) / 2**20:7.1f}  {'migrate -o' if write else 'migrate':14} "
              f"{result['wall']*1000:9.1f} "
              f"{result['cpu']*1000:9.1f} {result['rss']:9.1f} {ratio:8.2f}")
        for run in range(runs):
            shutil.rmtree(f"{out}-m{run}", ignore_errors=True)
        if result["codes"] - {0}:
            print(f"error: migrate of the {label} exited {sorted(result['codes'])}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
