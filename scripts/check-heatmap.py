#!/usr/bin/env python3
"""Check the heat maps of `disarm stats --svg` and of the site's statistics page in headless Chromium (Selenium).

Usage:
  python3 scripts/check-heatmap.py svg FILE.svg --kb KB [--disarm disarm] [--screenshot OUT.png]
  python3 scripts/check-heatmap.py page SITE --kb KB [--disarm disarm] [--screenshot OUT.png]

svg: opens the standalone SVG, and checks that it renders (every cell, phase, tactic and legend has a box), that every
live technique with a tactic (`disarm list techniques --format json`) is a cell exactly once and nothing else is,
that each cell's colour is the one of its count on a monotone scale (a larger count never has a lighter colour, and
different counts different colours while the largest count is at most 200), and that the phases come in order, each
once. page: opens statistics.html, checks there are no console errors (a Content-Security-Policy violation is one),
that the matrix has a linked cell per technique, the per-tactic and per-year charts, and that clicking a cell opens
the technique's page. Prints what it found; exits 0 when everything holds, 1 otherwise, 2 on a usage error.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

site_checks = import_module("check-site")

CELLS = """
return Array.from(document.querySelectorAll('g.cell')).map(function (cell) {
  var rect = cell.querySelector('rect'), texts = cell.querySelectorAll('text'), box = cell.getBBox();
  var textWidth = 0; texts.forEach(function (t) { textWidth += t.getBBox().width; });
  return {id: cell.getAttribute('data-technique'), count: parseInt(cell.getAttribute('data-count'), 10),
          fill: rect.getAttribute('fill'), width: box.width, height: box.height, textWidth: textWidth,
          linked: cell.parentNode.tagName.toLowerCase() === 'a'};
});
"""


def luminance(hex_colour):
    def linear(channel):
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def expected_techniques(args):
    listed = json.loads(subprocess.run([args.disarm, "list", "techniques", "--kb", args.kb, "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)
    return {row["id"] for row in listed if row.get("tactic")}


def check_cells(cells, expected, problems):
    ids = [cell["id"] for cell in cells]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    missing = sorted(expected - set(ids))
    extra = sorted(set(ids) - expected)
    print(f"cells: {len(cells)}, techniques: {len(expected)}, missing {len(missing)}, extra {len(extra)}, "
          f"duplicated {len(duplicates)}")
    if missing or extra or duplicates:
        problems.append(f"cells differ from the techniques: missing {missing[:5]}, extra {extra[:5]}, "
                        f"duplicated {duplicates[:5]}")
    unrendered = [cell["id"] for cell in cells if cell["width"] <= 0 or cell["height"] <= 0 or cell["textWidth"] <= 0]
    if unrendered:
        problems.append(f"cells without a box or text: {unrendered[:5]}")
    by_count = sorted(cells, key=lambda cell: cell["count"])
    maximum = by_count[-1]["count"] if by_count else 0
    colours = {}
    for cell in by_count:
        colours.setdefault(cell["count"], set()).add(cell["fill"])
    inconsistent = {count: sorted(fills) for count, fills in colours.items() if len(fills) > 1}
    if inconsistent:
        problems.append(f"one count, several colours: {inconsistent}")
    steps = [(count, luminance(sorted(fills)[0])) for count, fills in sorted(colours.items())]
    monotone = all(later[1] < earlier[1] if maximum <= 200 else later[1] <= earlier[1]
                   for earlier, later in zip(steps, steps[1:]))
    print(f"colour scale: {len(steps)} counts from {steps[0][0] if steps else 0} to {maximum}, "
          f"{'monotone' if monotone else 'NOT MONOTONE'}")
    if not monotone:
        problems.append(f"colour scale not monotone: {steps}")


def screenshot(browser, path, width, height):
    if path:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        browser.set_window_size(width, height)
        browser.save_screenshot(path)
        print(f"screenshot: {path}")


def check_svg(args):
    problems = []
    expected = expected_techniques(args)
    browser = site_checks.driver()
    try:
        browser.get("file://" + urllib.parse.quote(os.path.abspath(args.file)))
        root = browser.execute_script("var s = document.documentElement; return [s.tagName, s.getAttribute('width'), "
                                      "s.getAttribute('height')]")
        print(f"root: <{root[0]}> {root[1]}x{root[2]}")
        if root[0].lower() != "svg":
            problems.append("the document is not an SVG")
        check_cells(browser.execute_script(CELLS), expected, problems)
        phases = browser.execute_script(
            "return Array.from(document.querySelectorAll('g.phase')).map(function (g) { "
            "return [g.getAttribute('data-phase'), g.getBBox().width]; })")
        order = [phase for phase, _ in phases]
        print(f"phases: {' '.join(order)}")
        if order != sorted(order) or len(set(order)) != len(order) or any(width <= 0 for _, width in phases):
            problems.append(f"phases not in order, each once: {order}")
        legend = browser.execute_script("return document.querySelectorAll('g.legend-step').length")
        print(f"legend steps: {legend}")
        if legend < 2:
            problems.append("no legend")
        errors = site_checks.console_errors(browser)
        if errors:
            problems.append(f"console errors: {errors[:3]}")
        screenshot(browser, args.screenshot, int(root[1]), min(int(root[2]), 1400))
    finally:
        browser.quit()
    return report(problems)


def check_page(args):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    problems = []
    expected = expected_techniques(args)
    browser = site_checks.driver()
    try:
        browser.get(site_checks.url(args.site, "statistics.html"))
        cells = browser.execute_script(CELLS)
        check_cells(cells, expected, problems)
        unlinked = [cell["id"] for cell in cells if not cell["linked"]]
        if unlinked:
            problems.append(f"cells without a link: {unlinked[:5]}")
        charts = browser.execute_script("return Array.from(document.querySelectorAll('svg.chart')).map("
                                        "function (c) { return c.querySelectorAll('g.bar').length; })")
        print(f"charts: {charts} bars")
        if len(charts) != 2 or 0 in charts:
            problems.append(f"expected the per-tactic and per-year charts, found {charts}")
        errors = site_checks.console_errors(browser)
        print(f"console errors: {len(errors)}" + (f": {errors[:3]}" if errors else ""))
        problems += [f"console error: {error}" for error in errors]
        screenshot(browser, args.screenshot, 1280, 1000)
        browser.set_window_size(1280, 900)
        target = max(cells, key=lambda cell: (cell["count"], cell["id"]))["id"]
        link = browser.find_element(By.CSS_SELECTOR, f"g.cell[data-technique='{target}']")
        browser.execute_script("arguments[0].parentNode.dispatchEvent(new MouseEvent('click', {bubbles: true}))", link)
        WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith(f"/{target}.html"))
        usage = browser.find_element(By.CSS_SELECTOR, "section.usage").text
        print(f"clicked {target}: {usage.splitlines()[1] if len(usage.splitlines()) > 1 else usage}")
    finally:
        browser.quit()
    return report(problems)


def report(problems):
    for problem in problems:
        print(f"problem: {problem}")
    print("ok" if not problems else f"{len(problems)} problems")
    return 0 if not problems else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    svg = commands.add_parser("svg")
    svg.add_argument("file")
    page = commands.add_parser("page")
    page.add_argument("site")
    for command in (svg, page):
        command.add_argument("--kb", required=True)
        command.add_argument("--disarm", default="disarm")
        command.add_argument("--screenshot")
    args = parser.parse_args()
    return check_svg(args) if args.command == "svg" else check_page(args)


if __name__ == "__main__":
    sys.exit(main())
