#!/usr/bin/env python3
"""axe-core against a running Waymark's main pages, as each demo role and signed out, at 1280 px
and 375 px wide. Reports every violation, whatever its impact; exits 1 if there is any.

Usage: ops/a11y.py --base http://127.0.0.1:8080 [--report /tmp/a11y-report.json] [--roles commissioner,viewer]
       [--widths 1280,375] [--max-seconds 330]
Normally run through ops/a11y, which installs what this needs into .build-a11y/venv and starts a
throwaway server. Needs selenium, Debian's chromium and chromium-driver, and axe.min.js from the
axe-playwright-python wheel (installed with --no-deps: only its bundled axe-core is used).

For each role: the tenant's home page, every link in its <nav>, the first record linked from the
routes, funding, contracts, specifications, returns and forecasts lists and the funding map linked
from the dashboard (where the nav offers them), then
/help, /accessibility, /sign-in, the public specifications list and its first specification.
Each page is loaded afresh at each width (Chromium's device-metrics emulation, as
ops/screenshots.py does) and axe runs with its default rule set (WCAG 2.x A/AA and best
practice). Exit codes: 0 clean, 1 violations (or a page that failed to load), 2 out of time.
"""
import argparse, importlib.util, json, os, re, sys, time, urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from screenshots import sign_in  # noqa: E402  (the real sign-in form, standard library only)

TENANT = "west-midlands"
ROLES = [  # DemoPeople.byRole in the tests, plus the public.
    ("commissioner", "amara.okafor@wmvrp.example"),
    ("finance", "gareth.pryce@wmvrp.example"),
    ("partner", "hamza.rashid@birminghamcc.example"),
    ("provider", "chloe.adebayo@lanternway.example"),
    ("assessor", "priya.raman@wmvrp.example"),
    ("viewer", "helen.zhao@halcyonfield.example"),
    ("operator", "operator@waymark.example"),
    ("anonymous", None),
]
# The operator console: the operator belongs to no tenant, so these instead of a tenant's pages.
CONSOLE = ["/admin", "/admin/people", "/admin/audit", "/admin/jobs", "/admin/feedback", f"/admin/tenants/{TENANT}"]
T = f"/t/{TENANT}"
UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
# The first record each list page links to: (list page, link pattern).
DETAILS = [
    (f"{T}/routes", rf"^{T}/routes/(?!new$)[A-Za-z0-9_-]+$"),
    (f"{T}/funding", rf"^{T}/funding/{UUID}$"),
    (f"{T}/contracts", rf"^{T}/contracts/{UUID}$"),
    (f"{T}/specifications", rf"^{T}/specifications/{UUID}$"),
    (f"{T}/returns", rf"^{T}/contracts/{UUID}/returns/\d{{4}}-\d{{2}}$"),
    (f"{T}/forecasts", rf"^{T}/forecasts/{UUID}$"),
    (f"{T}/dashboard", rf"^{T}/map(\?.*)?$"),
    (f"/p/{TENANT}/specifications", rf"^/p/{TENANT}/specifications/{UUID}$"),
    (f"/p/{TENANT}/contracts", rf"^/p/{TENANT}/contracts/{UUID}$"),
]
SHARED = ["/help", "/accessibility", "/sign-in", f"/p/{TENANT}/specifications"]
# The public site: the same for everyone, so scanned as the public only.
PUBLIC = [f"/p/{TENANT}", f"/p/{TENANT}/contracts", f"/p/{TENANT}/routes", f"/p/{TENANT}/money", f"/p/{TENANT}/open-data"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""
PAGE_STATE = """
const nav = performance.getEntriesByType('navigation')[0];
return {status: nav ? nav.responseStatus : null, title: document.title,
        path: location.pathname + location.search,
        nav: [...document.querySelectorAll('nav a[href]')].map(a => a.getAttribute('href')),
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))};
"""


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")  # found, not imported: it would want playwright
    if spec is None or not spec.submodule_search_locations:
        sys.exit("ops/a11y.py: axe-playwright-python is not installed (pip install --no-deps axe-playwright-python)")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as f:
        return f.read()


def browser():
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    # Both paths given, so Selenium Manager never tries to download a driver or a browser.
    driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def local_path(base, href):
    """A same-site link as a path (with query), or None."""
    url = urllib.parse.urlparse(urllib.parse.urljoin(base + "/", href))
    if url.netloc != urllib.parse.urlparse(base).netloc or url.scheme not in ("http", "https"):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


def same(path):
    """Paths that are one page: no query, no trailing slash."""
    return path.split("?")[0].rstrip("/") or "/"


def label(path):
    """A page's name in the table: ids folded, so the same page lines up across roles."""
    path = re.sub(r"/returns/\d{4}-\d{2}$", "/returns/:month", re.sub(UUID, ":id", path))
    return re.sub(r"/routes/(?!new$)[A-Za-z0-9_-]+$", "/routes/:code", path)


class Scanner:
    def __init__(self, base, widths, axe, deadline):
        self.base, self.widths, self.axe, self.deadline = base, widths, axe, deadline
        self.driver = browser()
        self.results = []  # one per page × width × role
        self.out_of_time = False

    def act_as(self, cookies):
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        host = urllib.parse.urlparse(self.base).hostname
        for name, value in cookies.items():
            self.driver.execute_cdp_cmd("Network.setCookie", {"name": name, "value": value, "domain": host, "path": "/"})

    def load(self, path, width):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
        self.driver.get(self.base + path)
        return self.driver.execute_script(PAGE_STATE)

    def scan(self, role, path, seen):
        """Scans one page at every width; returns the page's state at the first width (for its links)."""
        first = None
        if same(path) in seen:
            return None
        for width in self.widths:
            if time.monotonic() > self.deadline:
                self.out_of_time = True
                return first
            entry = {"role": role, "requested": path, "width": width}
            started = time.monotonic()
            try:
                state = self.load(path, width)
                final = state["path"]
                if width == self.widths[0]:
                    if same(final) in seen:  # e.g. a redirect to a page this role has had scanned
                        return state
                    seen.add(same(final))
                    first = state
                self.driver.execute_script(self.axe)
                result = self.driver.execute_async_script(RUN_AXE)
                if "error" in result:
                    raise RuntimeError(result["error"])
                entry.update(page=final, label=label(final.split("?")[0]), status=state["status"], title=state["title"],
                             axe_version=result["version"], violations=result["violations"])
            except (WebDriverException, TimeoutException, RuntimeError) as e:
                entry.update(page=path, label=label(path.split("?")[0]), status=None, error=str(e).splitlines()[0][:300],
                             violations=[])
            entry["seconds"] = round(time.monotonic() - started, 2)
            self.results.append(entry)
        return first

    def role(self, role, cookies):
        self.act_as(cookies)
        seen = set()
        if role == "operator":
            for path in CONSOLE:
                self.scan(role, path, seen)
            return
        home = self.scan(role, f"{T}/", seen)
        pages = []
        for href in (home or {}).get("nav", []):
            path = local_path(self.base, href)
            if path and path not in pages and not path.startswith("/sign-out"):
                pages.append(path)
        links = {}
        for path in pages:
            state = self.scan(role, path, seen)
            if state:
                links[path] = state["links"]
        for shared in SHARED + (PUBLIC if role == "anonymous" else []):
            state = self.scan(role, shared, seen)
            if state:
                links[shared] = state["links"]
        # Details: the first record each list page (one the nav offered, or a public one) links to.
        for list_path, pattern in DETAILS:
            for href in links.get(list_path, []):
                path = local_path(self.base, href)
                if path and re.match(pattern, path):
                    self.scan(role, path, seen)
                    break

    def close(self):
        self.driver.quit()


def table(results, widths, roles):
    cells, order = {}, []
    for r in results:
        if r["label"] not in order:
            order.append(r["label"])
        mark = "ERR" if r.get("error") or (r.get("status") or 200) >= 400 else str(len(r["violations"]))
        cells[(r["label"], r["role"], r["width"])] = mark
    head = ["page"] + [f"{role[:5]} " + "|".join(str(w) for w in widths) for role in roles]
    rows = [[page] + ["|".join(cells.get((page, role, w), "·") for w in widths) for role in roles] for page in order]
    sizes = [max(len(row[i]) for row in rows + [head]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(head))]
    lines.append("  ".join("-" * s for s in sizes))
    lines += ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(row)) for row in rows]
    return "\n".join(lines)


def by_rule(results):
    """rule id -> {impact, help, url, occurrences: {(page label, target, snippet): [role@width, ...]}}"""
    rules = {}
    for r in results:
        for v in r["violations"]:
            rule = rules.setdefault(v["id"], {"impact": v["impact"], "help": v["help"], "url": v["helpUrl"], "where": {}})
            node = v["nodes"][0]
            target = " ".join(node["target"][0] if isinstance(node["target"][0], list) else node["target"][:1])
            snippet = re.sub(r"\s+", " ", node["html"])[:140]
            key = (r["label"], target, snippet, len(v["nodes"]))
            rule["where"].setdefault(key, []).append(f"{r['role']}@{r['width']}")
    return rules


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--report", default="/tmp/a11y-report.json")
    parser.add_argument("--password", default=os.environ.get("WAYMARK_DEMO_PASSWORD", "step-together-demo"))
    parser.add_argument("--roles", default=",".join(r for r, _ in ROLES), help="comma-separated, from: "
                        + ", ".join(r for r, _ in ROLES))
    parser.add_argument("--widths", default="1280,375")
    parser.add_argument("--max-seconds", type=float, default=330, help="stop scanning after this long (exit 2)")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    wanted = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = set(wanted) - {r for r, _ in ROLES}
    if unknown:
        parser.error(f"unknown role(s): {', '.join(sorted(unknown))}")
    widths = [int(w) for w in args.widths.split(",")]
    started = time.monotonic()
    scanner = Scanner(base, widths, axe_source(), started + args.max_seconds)
    roles = []
    try:
        for role, email in ROLES:
            if role not in wanted or scanner.out_of_time:
                continue
            roles.append(role)
            cookies = sign_in(base, email, args.password) if email else {}
            if email and not cookies:
                sys.exit(f"ops/a11y.py: could not sign in as {email}")
            before = len(scanner.results)
            scanner.role(role, cookies)
            print(f"  {role}: {len(scanner.results) - before} page scans", file=sys.stderr, flush=True)
    finally:
        scanner.close()
    results = scanner.results
    elapsed = round(time.monotonic() - started, 1)
    rules = by_rule(results)
    broken = [r for r in results if r.get("error") or (r.get("status") or 200) >= 400]
    total = sum(len(r["violations"]) for r in results)

    print(f"\naxe-core {next((r['axe_version'] for r in results if 'axe_version' in r), '?')}: {len(results)} scans "
          f"(page × width × role) in {elapsed} s. Cells: violated rules at " + " | ".join(f"{w} px" for w in widths)
          + "; · not offered to that role; ERR failed to load or HTTP ≥ 400.\n")
    print(table(results, widths, roles))
    for r in broken:
        print(f"\nPAGE ERROR {r['role']}@{r['width']} {r['page']}: status {r.get('status')} {r.get('error', '')}")
    if rules:
        print(f"\n{total} violations of {len(rules)} rules:")
    for rule_id, rule in sorted(rules.items(), key=lambda kv: ("critical serious moderate minor".split().index(kv[1]["impact"])
                                                              if kv[1]["impact"] in ("critical", "serious", "moderate", "minor") else 9, kv[0])):
        print(f"\n[{rule['impact']}] {rule_id}: {rule['help']}  ({rule['url']})")
        for (page, target, snippet, count), where in rule["where"].items():
            print(f"  {page}  [{', '.join(where)}]")
            print(f"      {count} node(s); first: {target}")
            print(f"      {snippet}")
    if scanner.out_of_time:
        print(f"\nOut of time after {args.max_seconds} s: not every page was scanned.")

    report = {
        "base": base, "seconds": elapsed, "widths": widths, "roles": roles, "out_of_time": scanner.out_of_time,
        "axe_version": next((r["axe_version"] for r in results if "axe_version" in r), None),
        "violation_count": total, "page_errors": len(broken),
        "rules": {rid: {"impact": r["impact"], "help": r["help"], "url": r["url"],
                        "occurrences": [{"page": k[0], "first_target": k[1], "snippet": k[2], "nodes": k[3], "where": w}
                                        for k, w in r["where"].items()]} for rid, r in rules.items()},
        "scans": results,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
    with open(args.report, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    print(f"\nReport: {args.report}")
    if scanner.out_of_time:
        return 2
    return 1 if total or broken else 0


if __name__ == "__main__":
    sys.exit(main())
