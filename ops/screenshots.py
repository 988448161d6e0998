#!/usr/bin/env python3
"""Screenshots of Waymark pages in headless Chromium, signed in as a demo person.

Usage: ops/screenshots.py [--base http://127.0.0.1:8080] [--out screenshots] [--as EMAIL] [--only PREFIX]
(the admin-* pages need an operator: --as operator@waymark.example --only admin)
Needs: chromium (apt-get install chromium) and websocket-client (pip install websocket-client).
Signs in through the real form, then drives Chromium over the DevTools protocol:
each page at 1280 px wide, the routes list at 375 px, and a keyboard-only pass that
tabs through the sign-in page and records what has focus at each step.
"""
import argparse, base64, json, os, re, subprocess, sys, tempfile, time, urllib.parse, urllib.request, http.cookiejar

import websocket

PAGES = [
    ("sign-in", "/sign-in", None),
    ("routes-list", "/t/west-midlands/routes", None),
    ("routes-list-375", "/t/west-midlands/routes", 375),
    ("route-detail", "/t/west-midlands/routes/WLV-01", None),
    ("route-edit-errors", None, None),
    ("local-authority", "/t/west-midlands/local-authorities/E08000025", None),
    ("organisation-list", "/t/west-midlands/organisations", None),
    ("audit-log", "/t/west-midlands/audit", None),
    ("audit-log-375", "/t/west-midlands/audit", 375),
    ("audit-log-filtered", "/t/west-midlands/audit?entity=route&from=2020-01-01", None),
    ("imports", "/t/west-midlands/imports", None),
    ("import-routes", "/t/west-midlands/imports/routes", None),
    ("import-routes-errors", "upload:routes-bad.xlsx", None),
    ("import-routes-check", "upload:routes-good.xlsx", None),
    ("funding-dashboard-today", "/t/west-midlands/dashboard", None),
    ("funding-dashboard-before", "/t/west-midlands/dashboard?as_of=2022-09-01", None),
    ("funding-dashboard-after", "/t/west-midlands/dashboard?as_of=2022-11-15", None),
    ("funding-map", "/t/west-midlands/map?as_of=2022-11-15", None),
    ("funding-map-375", "/t/west-midlands/map?as_of=2022-11-15", 375),
    ("funding-route-timeline", "/t/west-midlands/routes/BHM-01?as_of=2022-11-15", None),
    ("funding-sources", "/t/west-midlands/funding?as_of=2023-01-03", None),
    ("funding-source-new", "/t/west-midlands/funding/new", None),
    ("funding-pledges", "/t/west-midlands/pledges", None),
    ("funding-pledge-new", "/t/west-midlands/pledges/new", None),
    ("funding-alerts", "/t/west-midlands/inbox", None),
    ("help", "/help", None),
    ("admin-tenants", "/admin", None),
    ("admin-jobs", "/admin/jobs", None),
    ("admin-jobs-375", "/admin/jobs", 375),
    ("forecasts-list", "/t/west-midlands/forecasts", None),
    ("forecasts-new", "/t/west-midlands/forecasts/new", None),
    ("forecasts-results", "forecast:0", None),
    ("forecasts-results-375", "forecast:0", 375),
    ("forecasts-pooled-fund", "forecast:0/changes/new/pooled-fund", None),
    ("forecasts-compare", "compare:", None),
    ("specifications-list", "/t/west-midlands/specifications", None),
    ("specifications-new", "/t/west-midlands/specifications/new", None),
    ("specifications-detail", "spec:0", None),
    ("specifications-detail-375", "spec:0", 375),
    ("specifications-bids", "spec:0/bids", None),
    ("specifications-ranking", "spec:0/ranking", None),
    # As a provider (--as chloe.adebayo@lanternway.example --only specifications-provider):
    ("specifications-provider-bid", "spec:0/bid", None),
    ("specifications-provider-feedback", "spec:0/feedback", None),
    # As an assessor (--as tomasz.nowak@coventrycc.example --only specifications-assessor):
    ("specifications-assessor-bids", "spec:0/bids", None),
    ("contracts-list", "/t/west-midlands/contracts", None),
    ("contracts-detail", "contract:0", None),
    ("contracts-variation-extend", "contract:0/variations/new?kind=extend", None),
    ("contracts-payments", "/t/west-midlands/payments", None),
    ("returns-list", "/t/west-midlands/returns", None),
    ("returns-list-page-3-375", "/t/west-midlands/returns?sort=due&page=3", 375),
    ("returns-list-page-3", "/t/west-midlands/returns?sort=due&page=3", None),
    ("returns-return", "contract:0/returns/2023-10", None),
    ("returns-delivery", "/t/west-midlands/delivery", None),
    ("returns-delivery-375", "/t/west-midlands/delivery", 375),
    ("returns-settings", "/t/west-midlands/settings", None),
    # As a provider (--as chloe.adebayo@lanternway.example --only returns-provider):
    ("returns-provider-return", "contract:0/returns/2023-10", None),
    ("returns-provider-form", "contract:0/returns/2023-10/form", None),
    ("returns-provider-form-375", "contract:0/returns/2023-10/form", 375),
    ("public-specifications", "/p/west-midlands/specifications", None),
    ("public-specification", "public:0", None),
    ("admin-tenant", "/admin/tenants/west-midlands", None),
    ("admin-people", "/admin/people?q=wmvrp", None),
]


# "kind:N/sub" pages: the Nth record on the kind's list page, then the sub-path.
LISTS = {
    "spec": "/t/west-midlands/specifications",
    "forecast": "/t/west-midlands/forecasts",
    "contract": "/t/west-midlands/contracts",
    "public": "/p/west-midlands/specifications",
}


def ids_on(base, list_path, cookies):
    request = urllib.request.Request(base + list_path, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    html = urllib.request.urlopen(request).read().decode()
    return list(dict.fromkeys(re.findall(re.escape(list_path) + r"/([0-9A-Fa-f-]{36})", html)))


def sign_in(base, email, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/sign-in").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"_csrf": csrf, "email": email, "password": password, "next": ""}).encode()
    opener.open(base + "/sign-in", data)
    return {c.name: c.value for c in jar}


class Chromium:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="waymark-chromium-")
        self.proc = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=9333",
                                      f"--user-data-dir={self.profile}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            try:
                targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json"))
                page = next(t for t in targets if t["type"] == "page")
                self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
                break
            except Exception:
                time.sleep(0.2)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def navigate(self, url, width):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 500)
        self.call("Page.navigate", url=url)
        time.sleep(1.2)

    def screenshot(self, path):
        metrics = self.call("Page.getLayoutMetrics")
        height = int(metrics["cssContentSize"]["height"])
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": metrics["cssContentSize"]["width"], "height": min(height, 4000), "scale": 1})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True).get("result", {}).get("value")

    def tab(self):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9)
        time.sleep(0.1)

    def close(self):
        self.proc.terminate()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--as", dest="email", default="amara.okafor@wmvrp.example")
    parser.add_argument("--password", default=os.environ.get("WAYMARK_DEMO_PASSWORD", "step-together-demo"))
    parser.add_argument("--only", default="", help="only pages whose name starts with this, e.g. admin")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    browser = Chromium()
    try:
        browser.call("Page.enable")
        # Keyboard only, signed out: tab through the sign-in page.
        browser.navigate(args.base + "/sign-in", 1280)
        focus_order = []
        for _ in range(8):
            browser.tab()
            focus_order.append(browser.evaluate("(document.activeElement.id || document.activeElement.textContent || '').trim().slice(0, 40)"))
        browser.screenshot(os.path.join(args.out, "sign-in-keyboard-focus.png"))
        print("Tab order on sign-in:", " → ".join(focus_order))

        cookies = sign_in(args.base, args.email, args.password)
        host = urllib.parse.urlparse(args.base).hostname
        for name, value in cookies.items():
            browser.call("Network.setCookie", name=name, value=value, domain=host, path="/")
        for name, path, width in PAGES:
            if not name.startswith(args.only):
                continue
            if path is None:
                browser.navigate(args.base + "/t/west-midlands/routes/BHM-02/edit", 1280)
                browser.evaluate("document.getElementById('name').value=''; document.getElementById('children_per_day').value='lots'; document.querySelector('form[action$=edit]').submit()")
                time.sleep(1.2)
            elif path.startswith("upload:"):
                # Choose a fixture in the real file input and submit the form, as a person would.
                browser.navigate(args.base + "/t/west-midlands/imports/routes", 1280)
                fixture = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "imports", path[7:]))
                root = browser.call("DOM.getDocument")["root"]["nodeId"]
                node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
                browser.call("DOM.setFileInputFiles", files=[fixture], nodeId=node)
                browser.evaluate("document.querySelector('form[enctype]').submit()")
                time.sleep(1.5)
            elif path.startswith("compare:"):
                ids = ids_on(args.base, LISTS["forecast"], cookies)
                browser.navigate(args.base + f"{LISTS['forecast']}/compare?a={ids[0]}&b={ids[1]}", width or 1280)
            elif path.partition(":")[0] in LISTS:
                # Records have ids: take them from their list page, in the list's order.
                kind, _, rest = path.partition(":")
                index, _, sub = rest.partition("/")
                ids = ids_on(args.base, LISTS[kind], cookies)
                browser.navigate(args.base + f"{LISTS[kind]}/{ids[int(index)]}" + (f"/{sub}" if sub else ""), width or 1280)
            else:
                if name == "sign-in":
                    continue
                browser.navigate(args.base + path, width or 1280)
            target = os.path.join(args.out, f"{name}.png")
            browser.screenshot(target)
            print("wrote", target)
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
