#!/usr/bin/env python3
"""A partnership moving in, walked through the pages in headless Chromium, from an empty tenant
to a working dashboard, with a screenshot at every step. Only pages and imports are used: no
database, no API, no demo data. The partnership is invented: Three Rivers Violence Reduction
Partnership, over Leeds, Bradford and Wakefield.

 1. The operator creates the tenant in the console (/admin) and invites its first commissioner;
    the console shows the link once, and the commissioner follows it and sets a password.
 2. The commissioner adds the three local authorities from the register, adds organisations
    (by the form and by the organisations import) and invites a finance officer, a provider
    (on the organisation pages) and a council partner (by the people import). Each follows the
    link the server logs for a development installation (no WAYMARK_SMTP_URL) and sets a password.
 3. The commissioner imports term calendars for 2025/26 to 2027/28, gives each authority its
    calendar on the authority's page, imports schools and routes with daily costs; finance
    records a funding source by the form and allocates it, and the rest by import; the
    commissioner records an existing contract with two quarters already paid; the provider files
    October's monthly return; and the dashboard shows every route's status with its reasons.

Usage: ops/walkthrough-onboarding.py [--out screenshots/onboarding] [--port 8091] [--waymark .build/debug/waymark]
   or: ops/walkthrough-onboarding.py --base http://127.0.0.1:8080 --server-log FILE
With no --base, it starts its own server (`waymark serve` from `swift build`, on a fresh
WAYMARK_DATA_DIR, with the demo seeded so the operator exists) and stops it at the end; the
server's output goes to OUT/server.log, where the invitation links are read. With --base, the
server must be freshly started with no WAYMARK_SMTP_URL and its output written to --server-log.
Needs: chromium and websocket-client (pip install websocket-client), as ops/screenshots.py does.
It runs on today's date: "as of" is the server's today, and the data suit any day from
September 2026 to July 2027. Exits 1, saying where, when a check fails."""
import argparse, csv, io, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from screenshots import Chromium  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TENANT = "three-rivers"
TENANT_NAME = "Three Rivers Violence Reduction Partnership"
VRP = "Three Rivers Violence Reduction Partnership"
PASSWORD = "moving-in-walkthrough-2026"
OPERATOR = "operator@waymark.example"

# The people: (name, email, organisation, role).
COMMISSIONER = ("Nadia Hussain", "nadia.hussain@threeriversvrp.example", VRP, "commissioner")
FINANCE = ("Megan Sutcliffe", "megan.sutcliffe@threeriversvrp.example", VRP, "finance")
PROVIDER = ("Joel Ackroyd", "joel.ackroyd@airevalleyyouth.example", "Aire Valley Youth Trust", "provider")
PARTNER = ("Imran Qureshi", "imran.qureshi@leedscc.example", "Leeds City Council", "partner")

AUTHORITIES = [("Leeds", "E08000035"), ("Bradford", "E08000032"), ("E08000036", "E08000036")]  # searched by name or code
CALENDARS = {"E08000035": "Leeds term dates", "E08000032": "Bradford and Wakefield term dates",
             "E08000036": "Bradford and Wakefield term dates"}

ORGANISATIONS_IMPORT = [  # name, kind, local_authority, gss_code, charity_number, company_number, urn, ukprn
    ["City of Bradford Metropolitan District Council", "local_authority", "E08000032", "E08000032", "", "", "", ""],
    ["Wakefield Council", "local_authority", "E08000036", "E08000036", "", "", "", ""],
    ["Home Office", "funder", "", "", "", "", "", ""],
    ["West Yorkshire Community Safety Trust", "funder", "", "", "1198765", "", "", ""],
]

# Two calendars, three academic years each, so the twelve months ahead of December 2026 are covered.
TERMS = {
    "Leeds term dates": {
        "2025/26": [("term", "2025-09-03", "2025-12-19"), ("half_term", "2025-10-27", "2025-10-31"), ("inset", "2025-09-03", ""),
                    ("term", "2026-01-05", "2026-03-27"), ("half_term", "2026-02-16", "2026-02-20"),
                    ("term", "2026-04-13", "2026-07-22"), ("half_term", "2026-05-25", "2026-05-29"), ("inset", "2026-06-26", "")],
        "2026/27": [("term", "2026-09-02", "2026-12-18"), ("half_term", "2026-10-26", "2026-10-30"), ("inset", "2026-09-02", ""),
                    ("term", "2027-01-05", "2027-03-25"), ("half_term", "2027-02-15", "2027-02-19"),
                    ("term", "2027-04-12", "2027-07-21"), ("half_term", "2027-05-31", "2027-06-04"), ("inset", "2027-07-21", "")],
        "2027/28": [("term", "2027-09-02", "2027-12-17"), ("half_term", "2027-10-25", "2027-10-29"), ("inset", "2027-09-02", ""),
                    ("term", "2028-01-04", "2028-04-07"), ("half_term", "2028-02-14", "2028-02-18"),
                    ("term", "2028-04-24", "2028-07-21"), ("half_term", "2028-05-29", "2028-06-02")],
    },
    "Bradford and Wakefield term dates": {
        "2025/26": [("term", "2025-09-04", "2025-12-19"), ("half_term", "2025-10-27", "2025-10-31"), ("inset", "2025-09-04", ""),
                    ("term", "2026-01-06", "2026-03-27"), ("half_term", "2026-02-16", "2026-02-20"),
                    ("term", "2026-04-14", "2026-07-21"), ("half_term", "2026-05-25", "2026-05-29")],
        "2026/27": [("term", "2026-09-03", "2026-12-18"), ("half_term", "2026-10-26", "2026-10-30"), ("inset", "2026-09-03", ""),
                    ("term", "2027-01-05", "2027-03-25"), ("half_term", "2027-02-15", "2027-02-19"), ("inset", "2027-01-05", ""),
                    ("term", "2027-04-12", "2027-07-20"), ("half_term", "2027-05-31", "2027-06-04")],
        "2027/28": [("term", "2027-09-02", "2027-12-17"), ("half_term", "2027-10-25", "2027-10-29"), ("inset", "2027-09-02", ""),
                    ("term", "2028-01-04", "2028-04-07"), ("half_term", "2028-02-14", "2028-02-18"),
                    ("term", "2028-04-24", "2028-07-20"), ("half_term", "2028-05-29", "2028-06-02")],
    },
}

SCHOOLS = [  # urn, name, local_authority, area, phase, latitude, longitude
    ["190501", "Harehills Park Academy", "E08000035", "Harehills", "secondary", "53.8112", "-1.5128"],
    ["190502", "Seacroft Grange High School", "E08000035", "Seacroft", "secondary", "53.8219", "-1.4581"],
    ["190503", "Manningham Brook School", "E08000032", "Manningham", "secondary", "53.8071", "-1.7702"],
    ["190504", "Lupset Vale Academy", "E08000036", "Lupset", "secondary", "53.6786", "-1.5312"],
]

# code, name, authority, area, children a day, school URN, path, chaperone points, chaperones (3 x 4 h x £16.50 + £30 = £228 a day).
ROUTES = [
    ["LDS-01", "Harehills: Compton Road to Harehills Park Academy", "E08000035", "Harehills", "410", "190501",
     "53.8079 -1.5197; 53.8093 -1.5166; 53.8112 -1.5128", "Compton Road shops: 53.8084 -1.5188; Harehills Lane: 53.8098 -1.5155", "3"],
    ["LDS-02", "Seacroft: Kentmere Avenue to Seacroft Grange", "E08000035", "Seacroft", "260", "190502",
     "53.8262 -1.4660; 53.8240 -1.4617; 53.8219 -1.4581", "Kentmere Avenue: 53.8256 -1.4648; Seacroft Green: 53.8236 -1.4610", "4"],
    ["BRD-01", "Manningham: Lumb Lane to Manningham Brook", "E08000032", "Manningham", "330", "190503",
     "53.8013 -1.7621; 53.8044 -1.7668; 53.8071 -1.7702", "Lumb Lane: 53.8021 -1.7633; Manningham Park gates: 53.8049 -1.7675", "2"],
    ["WKF-01", "Lupset: Horbury Road to Lupset Vale", "E08000036", "Lupset", "240", "190504",
     "53.6772 -1.5188; 53.6779 -1.5251; 53.6786 -1.5312", "Horbury Road: 53.6774 -1.5205; Lupset Park: 53.6781 -1.5262", "2"],
]

# The Home Office grant is recorded by the form; the rest by import. Amounts are chosen so that, as of a
# day in December 2026, LDS-01 is secure, BRD-01 watch (pledged money after March), WKF-01 at risk
# (its money runs out in the new year) and LDS-02 unfunded.
HOME_OFFICE = dict(reference="HO-SVF-2627", funder="Home Office", programme="Serious Violence Fund 2026/27", kind="centralGrant",
                   amount="90000.00", start_day="2026-04-01", end_day="2027-03-31", status="confirmed")
SOURCES_IMPORT = [  # reference, funder, programme, kind, amount, start_day, end_day, status, prospective_on, pledged_on, confirmed_on, received_on, withdrawn_on, restricted_local_authorities, restricted_routes, renewable, conditions, documents
    ["LCC-SJ-2627", "Leeds City Council", "Safer Journeys 2026/27", "council", "80000.00", "2026-04-01", "2027-08-31", "confirmed",
     "", "2026-01-14", "2026-02-20", "", "", "E08000035", "", "yes", "Termly report to the Safer Leeds board", "Cabinet decision 14 January 2026"],
    ["BMDC-SJ-2027", "City of Bradford Metropolitan District Council", "Safer Journeys summer 2027", "council", "20000.00",
     "2027-04-01", "2027-07-31", "pledged", "", "2026-11-02", "", "", "", "E08000032", "", "no", "", "Letter from the portfolio holder, 2 November 2026"],
]
ALLOCATION_FORM = dict(route="WKF-01", amount="24000.00")  # from the Home Office grant
ALLOCATIONS_IMPORT = [  # source_reference, route_code, amount, start_day, end_day, agreed_on
    ["HO-SVF-2627", "BRD-01", "32000.00", "", "", ""],
    ["LCC-SJ-2627", "LDS-01", "62000.00", "", "", "2026-03-02"],
    ["BMDC-SJ-2027", "BRD-01", "12000.00", "", "", "2026-11-02"],
]
EXPECTED_STATUS = {"LDS-01": "Secure", "BRD-01": "Watch", "WKF-01": "At risk", "LDS-02": "Unfunded"}

CONTRACT = dict(reference="TR-DA-2026-01", title="Safer Journeys chaperones 2026/27", provider="Aire Valley Youth Trust",
                value="140000.00", start_day="2026-04-01", end_day="2027-07-31", signed_on="2026-03-16",
                kpis="Route staffed on 98% of school days\nMonthly return by the 10th", how_let="direct_award",
                routes={"LDS-01": "58000.00", "BRD-01": "41000.00", "WKF-01": "41000.00"},
                funding=[("Serious Violence Fund 2026/27", "56000.00"), ("Safer Journeys 2026/27", "58000.00")],
                paid=[("Q1 2026/27", "2026-07-14"), ("Q2 2026/27", "2026-10-13")])
RETURN_MONTH = "2026-10"


class Failure(Exception):
    pass


class Walk:
    def __init__(self, base, out, log_path):
        self.base, self.out, self.log_path = base.rstrip("/"), out, log_path
        # Date fields show mm/dd/yyyy in the screenshots: headless Chromium here has only its
        # en-US locale. A British browser shows the same fields as dd/mm/yyyy.
        self.browser = Chromium()
        self.browser.call("Page.enable")
        self.notes = []
        self.step = 0
        self.sessions = {}
        self.files = os.path.join(out, "files")
        os.makedirs(self.files, exist_ok=True)

    # Driving the page -------------------------------------------------------------------------
    def js(self, expression):
        result = self.browser.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise Failure(f"script error on {self.url()}: {result['exceptionDetails'].get('exception', {}).get('description', result['exceptionDetails'])}")
        return result.get("result", {}).get("value")

    def url(self):
        return self.browser.call("Runtime.evaluate", expression="location.href", returnByValue=True).get("result", {}).get("value")

    def _wait_for_new_page(self, action):
        """Marks the page, runs the action, then waits until a new page has loaded."""
        self.js("window.__wmOld = true")
        action()
        for _ in range(300):
            time.sleep(0.1)
            try:
                state = self.browser.call("Runtime.evaluate", expression="window.__wmOld === undefined && document.readyState === 'complete'",
                                          returnByValue=True).get("result", {}).get("value")
            except Exception:
                state = False
            if state:
                time.sleep(0.2)
                return
        raise Failure(f"no new page loaded within 30 s (still at {self.url()})")

    def go(self, path, width=1280):
        self.browser.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 500)
        self._wait_for_new_page(lambda: self.browser.call("Page.navigate", url=path if path.startswith("http") else self.base + path))
        if self.js("[...document.querySelectorAll('main a')].some(a => a.textContent.trim() === 'Go to the Waymark home page')"):
            self.shot("failed")
            raise Failure(f"{path} answers an error page: {' '.join(self.text().split())[:300]}")

    def fill(self, fields):
        """Fills fields by id: text, dates and textareas by value; selects by an option's value or visible text."""
        for field, value in fields.items():
            found = self.js(f"""(() => {{
                const el = document.getElementById({json.dumps(field)});
                if (!el) return 'missing';
                const v = {json.dumps(value)};
                if (el.tagName === 'SELECT') {{
                    const o = [...el.options].find(o => o.value === v) || [...el.options].find(o => o.textContent.trim() === v)
                           || [...el.options].find(o => o.textContent.includes(v));
                    if (!o) return 'no option ' + v + ' among: ' + [...el.options].map(o => o.textContent.trim()).join(' | ');
                    el.value = o.value;
                }} else if (el.type === 'radio' || el.type === 'checkbox') {{ el.checked = true; }}
                else {{ el.value = v; }}
                return 'ok';
            }})()""")
            if found != "ok":
                raise Failure(f"on {self.url()}, field #{field}: {found}")

    def press(self, text, scope="main"):
        """Clicks the submit button whose words start with the text, as a person would, and waits for the answer."""
        selector = json.dumps(scope + " button, " + scope + " input[type=submit]")
        exists = self.js(f"[...document.querySelectorAll({selector})].some(b => b.textContent.trim().startsWith({json.dumps(text)}))")
        if not exists:
            raise Failure(f"no button '{text}' on {self.url()}")
        self._wait_for_new_page(lambda: self.js(
            f"[...document.querySelectorAll({selector})].find(b => b.textContent.trim().startsWith({json.dumps(text)})).click()"))

    def choose_file(self, path, selector="#file"):
        root = self.browser.call("DOM.getDocument")["root"]["nodeId"]
        node = self.browser.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise Failure(f"no file input {selector} on {self.url()}")
        self.browser.call("DOM.setFileInputFiles", files=[os.path.abspath(path)], nodeId=node)

    def text(self, selector="main"):
        return self.js(f"(document.querySelector({json.dumps(selector)}) || {{innerText: ''}}).innerText") or ""

    def heading(self):
        return (self.js("(document.querySelector('h1') || {textContent: ''}).textContent.trim()") or "").strip()

    def shot(self, name, width=None):
        self.step += 1
        if width:
            self.browser.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 500)
            time.sleep(0.3)
            wide = self.js("document.documentElement.scrollWidth")
            if wide and wide > width:
                self.notes.append(f"{self.url()} is {wide} px wide at {width} px: the page scrolls sideways")
        target = os.path.join(self.out, f"{self.step:02d}-{name}{'-' + str(width) if width else ''}.png")
        self.browser.screenshot(target)
        if width:
            self.browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        print(f"  screenshot {target} ({self.heading()})")

    # Checks ----------------------------------------------------------------------------------
    def problems(self):
        """What the page says went wrong: the error summary, field errors, or an import's issues."""
        return self.js("""[...document.querySelectorAll('.wm-error-summary, .wm-error-message, .wm-table--issues, [data-import-issues]')]
            .map(e => e.innerText.trim()).filter(t => t).join(' / ')""") or ""

    def expect_banner(self, words, doing):
        banner = self.js("(document.querySelector('.wm-notification-banner') || {innerText: ''}).innerText.trim()") or ""
        if not banner or words not in banner:
            self.shot("failed")
            raise Failure(f"{doing}: expected '{words}' at {self.url()}; the page says: "
                          f"{banner or self.problems() or self.heading() or '(nothing)'}")
        print(f"  {doing}: {' '.join(banner.split())[:160]}")

    def expect_text(self, words, doing, selector="main"):
        if words not in self.text(selector):
            self.shot("failed")
            raise Failure(f"{doing}: expected '{words}' at {self.url()}; problems shown: {self.problems() or '(none)'}")

    # People ----------------------------------------------------------------------------------
    def remember_session(self, email):
        self.sessions[email] = self.browser.call("Network.getCookies", urls=[self.base])["cookies"]

    def act_as(self, email):
        self.browser.call("Network.clearBrowserCookies")
        for cookie in self.sessions[email]:
            self.browser.call("Network.setCookie", **{k: cookie[k] for k in ("name", "value", "domain", "path", "secure", "httpOnly")})

    def logged_link(self, email):
        """The newest invitation link for this email in the server's log: with no WAYMARK_SMTP_URL
        the server logs each link at info level, so a development installation can be followed."""
        if not self.log_path:
            raise Failure(f"the invitation link for {email} is only in the server's log: give --server-log FILE")
        for _ in range(50):
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                lines = [line for line in f if "Invitation link" in line and email in line]
            links = [m for line in lines for m in re.findall(r"https?://[^\s,\]\"']+/invitations/[A-Za-z0-9_\-]+", line)]
            if links:
                return self.base + urllib.parse.urlparse(links[-1]).path
            time.sleep(0.2)
        raise Failure(f"no invitation link for {email} in {self.log_path}")

    def accept(self, link, person, label):
        name, email = person[0], person[1]
        self.browser.call("Network.clearBrowserCookies")
        self.go(link)
        self.expect_text(email, f"{name}'s invitation page names {email}")
        self.fill({"name": name, "new_password": PASSWORD, "confirm_password": PASSWORD})
        self.shot(f"{label}-accepts-invitation")
        if label == "partner":
            self.shot(f"{label}-accepts-invitation", 375)
        self.press("")  # the page's one button
        self.expect_banner(f"signed in as {email}", f"{name} accepted and is signed in")
        self.remember_session(email)
        self.shot(f"{label}-signed-in")

    # Imports ---------------------------------------------------------------------------------
    def import_file(self, kind, filename, header, rows, label):
        path = os.path.join(self.files, filename)
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        self.go(f"/t/{TENANT}/imports/{kind}")
        template = self.fetch(f"/t/{TENANT}/imports/{kind}/template.csv").splitlines()[0].split(",")
        if template != header:
            raise Failure(f"the {kind} template's columns are {template}, the walkthrough writes {header}")
        self.choose_file(path)
        self.press("Check the file")
        if not self.js("[...document.querySelectorAll('button')].some(b => b.textContent.trim().startsWith('Import these changes'))"):
            self.shot(f"{label}-refused")
            raise Failure(f"importing {filename}: the check refused it: {' '.join(self.text().split())[:1500]}")
        self.shot(f"{label}-checked")
        self.press("Import these changes")
        self.expect_banner("Imported", f"imported {filename}")

    def fetch(self, path):
        cookies = self.browser.call("Network.getCookies", urls=[self.base])["cookies"]
        request = urllib.request.Request(self.base + path, headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies)})
        try:
            return urllib.request.urlopen(request).read().decode("utf-8-sig")
        except urllib.error.HTTPError as error:
            raise Failure(f"{path} answered {error.code}")

    def close(self):
        self.browser.close()
        shutil.rmtree(self.browser.profile, ignore_errors=True)


def walk(w, demo_password):
    t = f"/t/{TENANT}"
    print("1. The operator creates the tenant and invites its first commissioner")
    w.go("/sign-in")
    w.fill({"email": OPERATOR, "password": demo_password})
    w.press("Sign in")
    w.go("/admin")
    w.expect_text("Add a tenant", "the operator console opens")
    w.fill({"name": TENANT_NAME, "slug": TENANT, "organisation": VRP})
    w.shot("operator-adds-tenant")
    w.press("Add tenant")
    w.expect_banner(f"Tenant {TENANT} created", "the tenant is created")
    name, email, organisation, role = COMMISSIONER
    w.fill({"email": email, "name": name, "organisation": organisation, "role": role})
    w.press("Send invitation")
    link = w.js("(document.getElementById('invitation-link') || {textContent: ''}).textContent.trim()")
    if "/invitations/" not in (link or ""):
        w.shot("failed")
        raise Failure(f"the console shows no invitation link after inviting {email}: {w.problems() or w.heading()}")
    print(f"  the console shows the link once: {link[:60]}…")
    w.shot("operator-sees-invitation-link")
    w.go("/admin/tenants/" + TENANT)
    if w.js("!!document.getElementById('invitation-link')"):
        raise Failure("the console shows the invitation link a second time")
    w.accept(w.base + urllib.parse.urlparse(link).path, COMMISSIONER, "commissioner")
    w.go(t)
    w.expect_text("Setting up this partnership", "the new partnership's home shows the set-up checklist")
    w.expect_text("No local authorities yet", "the checklist starts with local authorities")
    w.shot("commissioner-set-up-checklist")

    print("2. Local authorities, organisations and people")
    for query, gss in AUTHORITIES:
        w.go(f"{t}/local-authorities/add?q={urllib.parse.quote(query)}")
        if not w.js(f"!!document.querySelector('form input[name=gss][value={gss}]')"):
            w.shot("failed")
            raise Failure(f"searching the register for '{query}' offers no {gss}: {' '.join(w.text().split())[:400]}")
        if gss == "E08000035":
            w.shot("add-local-authority-search")
        w._wait_for_new_page(lambda: w.js(f"document.querySelector('form input[name=gss][value={gss}]').form.submit()"))
        w.expect_banner("", f"added {gss} from the register")
    w.go(f"{t}/local-authorities")
    for _, gss in AUTHORITIES:
        w.expect_text(gss, f"{gss} is on the local authorities page")
    w.shot("local-authorities")

    w.go(f"{t}/organisations")
    w._wait_for_new_page(lambda: w.js("[...document.querySelectorAll('main a')].find(a => a.textContent.includes('Add an organisation')).click()"))
    w.fill({"name": "Leeds City Council", "kind": "local_authority", "local_authority": "Leeds", "gss_code": "E08000035"})
    w.shot("add-organisation-council")
    w.press("Add organisation")
    w.expect_banner("", "added Leeds City Council")
    w.go(f"{t}/organisations/new")
    w.fill({"name": "Aire Valley Youth Trust", "kind": "provider", "charity_number": "1187342", "company_number": "11829473"})
    w.press("Add organisation")
    w.expect_banner("", "added Aire Valley Youth Trust")
    w.import_file("organisations", "organisations.csv",
                  ["name", "kind", "local_authority", "gss_code", "charity_number", "company_number", "urn", "ukprn"],
                  ORGANISATIONS_IMPORT, "organisations-import")
    w.go(f"{t}/organisations")
    w.shot("organisations")

    def invite_on_organisation_page(person, label):
        name, email, organisation, role = person
        w.go(f"{t}/organisations")
        href = w.js(f"(([...document.querySelectorAll('main a')].find(a => a.textContent.trim() === {json.dumps(organisation)})) || {{}}).href")
        if not href:
            raise Failure(f"no link to {organisation} on the organisations page")
        w.go(href)
        w.fill({"email": email, "name": name, "role": role})
        w.shot(f"invite-{label}")
        w.press("Send invitation") if w.js("[...document.querySelectorAll('main button')].some(b => b.textContent.trim().startsWith('Send invitation'))") else w.press("Invite")
        w.expect_banner(email, f"invited {name} ({role}, {organisation})")

    invite_on_organisation_page(FINANCE, "finance")
    invite_on_organisation_page(PROVIDER, "provider")
    w.import_file("people", "people.csv", ["name", "email", "organisation", "role"], [list(PARTNER)], "people-import")
    w.go(f"{t}/people")
    w.shot("people-with-invitations")
    for person, label in ((FINANCE, "finance"), (PROVIDER, "provider"), (PARTNER, "partner")):
        link = w.logged_link(person[1])
        print(f"  {person[1]}'s link, from the server's log: {link[:60]}…")
        w.accept(link, person, label)
    w.act_as(COMMISSIONER[1])
    w.go(f"{t}/people")
    for person in (FINANCE, PROVIDER, PARTNER):
        w.expect_text(person[1], f"{person[0]} is on the People page")
    w.shot("people")

    print("3. Calendars, schools, routes, funding, a contract, a return and the dashboard")
    rows = [[calendar, year, kind, start, end, ""] for calendar, years in TERMS.items() for year, periods in years.items()
            for kind, start, end in periods]
    w.import_file("calendars", "term-calendars.csv", ["calendar", "academic_year", "kind", "start", "end", "local_authorities"], rows, "calendars-import")
    for _, gss in AUTHORITIES:
        w.go(f"{t}/local-authorities/{gss}")
        w.fill({"calendar": CALENDARS[gss]})
        w.press("Save calendar")
        w.expect_banner("", f"{gss} follows {CALENDARS[gss]}")
        w.expect_text("2026/27", f"{gss}'s page shows the 2026/27 terms")
        if gss == "E08000035":
            w.shot("local-authority-calendar")
    w.import_file("schools", "schools.csv", ["urn", "name", "local_authority", "area", "phase", "latitude", "longitude"], SCHOOLS, "schools-import")
    route_rows = [[code, name, la, area, "active", children, "2025-09-03", "", urn, path, points, "2025-09-01", chaperones, "240", "16.50", "30.00"]
                  for code, name, la, area, children, urn, path, points, chaperones in ROUTES]
    w.import_file("routes", "routes.csv", ["code", "name", "local_authority", "area", "status", "children_per_day", "start_date", "end_date",
                                           "schools", "path", "chaperone_points", "cost_from", "chaperones", "minutes_per_day",
                                           "hourly_rate", "daily_management"], route_rows, "routes-import")
    w.go(f"{t}/routes")
    for code, *_ in ROUTES:
        w.expect_text(code, f"{code} is on the routes page")
    w.shot("routes")
    w.go(f"{t}/routes/LDS-01")
    w.expect_text("£228.00", "LDS-01 costs £228.00 a school day")
    w.shot("route-LDS-01")

    # Finance records the Home Office grant by the form and allocates part of it to WKF-01.
    w.act_as(FINANCE[1])
    w.go(f"{t}/funding/new")
    w.fill(HOME_OFFICE)
    w.shot("finance-records-source")
    w.press("Record source")
    w.expect_banner("", "finance recorded the Home Office grant")
    source = w.url()
    w.go(source.split("?")[0] + "/allocations/new")
    w.fill(ALLOCATION_FORM)
    w.press("Allocate")
    w.expect_banner("", "finance allocated £24,000.00 of it to WKF-01")
    # Imports are the commissioner's: the other sources and allocations come in as a file.
    w.act_as(COMMISSIONER[1])
    w.import_file("fundingSources", "funding-sources.csv",
                  ["reference", "funder", "programme", "kind", "amount", "start_day", "end_day", "status", "prospective_on",
                   "pledged_on", "confirmed_on", "received_on", "withdrawn_on", "restricted_local_authorities",
                   "restricted_routes", "renewable", "conditions", "documents"], SOURCES_IMPORT, "funding-import")
    w.import_file("allocations", "allocations.csv", ["source_reference", "route_code", "amount", "start_day", "end_day", "agreed_on"],
                  ALLOCATIONS_IMPORT, "allocations-import")
    w.act_as(FINANCE[1])
    w.go(f"{t}/funding")
    w.shot("finance-sees-funding-sources")
    w.act_as(COMMISSIONER[1])

    # The commissioner records the contract let before Waymark, with Q1 and Q2 already paid.
    w.go(f"{t}/contracts")
    w._wait_for_new_page(lambda: w.js("[...document.querySelectorAll('main a')].find(a => a.textContent.includes('Record an existing contract')).click()"))
    c = CONTRACT
    w.fill({"reference": c["reference"], "title": c["title"], "provider": c["provider"], "value": c["value"], "start_day": c["start_day"],
            "end_day": c["end_day"], "kpis": c["kpis"], f"how_let-{c['how_let']}": "on", "signed_on": c["signed_on"],
            **{f"route-{code}": value for code, value in c["routes"].items()},
            **{f"link-{n}-source": source for n, (source, _) in enumerate(c["funding"], 1)},
            **{f"link-{n}-amount": amount for n, (_, amount) in enumerate(c["funding"], 1)}})
    w.shot("contract-step-1")
    w.press("Continue to the payment schedule")
    lines = w.js("[...document.querySelectorAll('#schedule tbody tr')].map(r => [r.querySelector('th').textContent.trim(), r.querySelector('input').id])")
    if not lines:
        w.shot("failed")
        raise Failure(f"no payment schedule after the contract's first step: {w.problems()}")
    print("  schedule:", ", ".join(label for label, _ in lines))
    for label, paid_on in c["paid"]:
        field = next((f for l, f in lines if l == label), None)
        if not field:
            raise Failure(f"the schedule has no line {label}: {[l for l, _ in lines]}")
        w.fill({field: paid_on})
    w.shot("contract-step-2-schedule")
    w.press("Record the contract")
    w.expect_banner("", f"recorded {c['reference']}")
    contract = w.url().split("?")[0]
    for label, _ in c["paid"]:
        if not w.js(f"[...document.querySelectorAll('tr')].some(r => r.textContent.includes({json.dumps(label)}) && /paid/i.test(r.textContent))"):
            raise Failure(f"the contract page does not show {label} as paid")
    w.shot("contract")

    # The provider files October's return by the web form.
    w.act_as(PROVIDER[1])
    path = urllib.parse.urlparse(contract).path + f"/returns/{RETURN_MONTH}"
    template = list(csv.DictReader(io.StringIO(w.fetch(path + "/template.csv"))))
    if sorted(r["route_code"] for r in template) != sorted(c["routes"]):
        raise Failure(f"October's return template has routes {[r['route_code'] for r in template]}")
    w.go(f"{t}/returns")
    w.shot("provider-returns-owed")
    w.go(path + "/form")
    fills = {}
    for row in template:
        planned = int(row["sessions_planned"])
        figures = {"sessions_delivered": planned, "chaperone_hours": planned * 4, "young_people_engaged": 95, "incidents_bullying": 2,
                   "incidents_de_escalated": 2, "referrals_diversionary_activity": 1, "school_contacts": 3, "staff_on_route": 3, "staff_checks_in_date": 3}
        fills.update({f"{row['route_code']}-{k}": str(v) for k, v in figures.items()
                      if w.js(f"!!document.getElementById({json.dumps(row['route_code'] + '-' + k)})")})
    fills["narrative"] = "October was steady: every session ran; two bullying incidents on the way home were calmed on the spot."
    w.fill(fills)
    w.shot("provider-files-return")
    w.shot("provider-files-return", 375)
    w._wait_for_new_page(lambda: w.js("document.querySelector('button[value=submit]').click()"))
    w.expect_banner("", "the provider submitted October's return")
    w.shot("provider-submitted-return")

    # What the checklist still asks for once the partnership has moved in.
    w.act_as(COMMISSIONER[1])
    w.go(t)
    todo = w.js("""[...document.querySelectorAll('.wm-checklist__item')].filter(i => i.querySelector('.wm-tag--yellow'))
        .map(i => i.innerText.replace(/\\s+/g, ' ').trim())""") or []
    print("  the set-up checklist " + ("still asks for: " + " | ".join(todo) if todo else "is complete and has stepped aside"))
    if any(item.startswith(("Local authorities", "Term calendars", "People")) for item in todo):
        raise Failure("the set-up checklist still lists steps the walkthrough did: " + " | ".join(todo))
    w.shot("commissioner-home-after-set-up")

    # The dashboard: every route with its status and reasons.
    for person in (COMMISSIONER, PARTNER):
        w.act_as(person[1])
        w.go(f"{t}/dashboard")
        rows = w.js("""[...document.querySelectorAll('table[data-sortable] tbody tr, table tbody tr')].filter(r => r.querySelector('.wm-tag'))
            .map(r => [...r.querySelectorAll('td')].map(td => td.innerText.trim()))""") or []
        seen = {}
        for cells in rows:
            code = cells[0].split()[0]
            if code in EXPECTED_STATUS and code not in seen:
                seen[code] = (cells[1], cells[-1])
        label = "commissioner" if person is COMMISSIONER else "partner"
        w.shot(f"{label}-dashboard")
        if person is COMMISSIONER:
            w.shot(f"{label}-dashboard", 375)
            failures = []
            for code, expected in EXPECTED_STATUS.items():
                status, reason = seen.get(code, ("(not shown)", ""))
                print(f"  {code}: {status} — {reason}")
                if status != expected:
                    failures.append(f"{code} is {status}, expected {expected}")
                if not reason:
                    failures.append(f"{code} has no reasons")
            if failures:
                raise Failure("the dashboard: " + "; ".join(failures))
        else:
            leeds = {code for code in EXPECTED_STATUS if code.startswith("LDS")}
            print(f"  the Leeds partner sees: {', '.join(sorted(seen)) or '(no routes)'}")
            if set(seen) != leeds:
                raise Failure(f"the Leeds partner's dashboard shows {sorted(seen)}, expected only {sorted(leeds)}")


def start_server(binary, port, out):
    data = tempfile.mkdtemp(prefix="waymark-onboarding-")
    log = open(os.path.join(out, "server.log"), "w")
    env = dict(os.environ, WAYMARK_DATA_DIR=data, WAYMARK_PUBLIC_URL=f"http://127.0.0.1:{port}", WAYMARK_ALERTS="off")
    env.pop("WAYMARK_SMTP_URL", None)
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    print(f"Started {binary} serve on port {port} (data in {data}, log in {log.name}); waiting for it (the demo is seeded first)")
    for _ in range(900):
        if proc.poll() is not None:
            raise Failure(f"the server stopped (exit {proc.returncode}); see {log.name}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return proc, data, log.name
        except Exception:
            time.sleep(1)
    raise Failure("the server did not answer /healthz within 15 minutes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="a running server (fresh, no WAYMARK_SMTP_URL); without it the walkthrough starts its own")
    parser.add_argument("--server-log", help="with --base: the file the server's output goes to, for the invitation links")
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--waymark", default=os.path.join(ROOT, ".build", "debug", "waymark"))
    parser.add_argument("--out", default="screenshots/onboarding")
    parser.add_argument("--password", default=os.environ.get("WAYMARK_DEMO_PASSWORD", "step-together-demo"), help="the operator's (demo) password")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".png"):
            os.remove(os.path.join(args.out, old))
    server = data = None
    walk_ = None
    try:
        if args.base:
            base, log_path = args.base, args.server_log
        else:
            server, data, log_path = start_server(args.waymark, args.port, args.out)
            base = f"http://127.0.0.1:{args.port}"
        walk_ = Walk(base, args.out, log_path)
        walk(walk_, args.password)
        for note in walk_.notes:
            print("Layout note:", note)
        print(f"Done: {TENANT_NAME} moved in through the pages; {walk_.step} screenshots in {args.out}")
        return 0
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if walk_:
            walk_.close()
        if server:
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
