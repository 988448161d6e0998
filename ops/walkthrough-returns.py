#!/usr/bin/env python3
"""A monthly return's life walked through the pages in headless Chromium, as the demo people,
with a screenshot at every step: the provider files by the web form, the commissioner queries
a line, the provider answers with an .xlsx written by openpyxl (a real spreadsheet library) and
uploaded through the file input, the commissioner compares the versions and approves, and
finance sees the month's payment become payable.

Usage: ops/walkthrough-returns.py [--base http://127.0.0.1:8080] [--out screenshots/walkthrough] [--month 2024-07]
Needs: chromium, websocket-client and openpyxl (pip install websocket-client openpyxl), and a
freshly seeded demo (the month must not be filed yet)."""
import argparse, csv, io, os, sys, tempfile, time, urllib.parse, urllib.request

from openpyxl import Workbook

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from screenshots import Chromium, ids_on, sign_in  # noqa: E402

PROVIDER = "chloe.adebayo@lanternway.example"
COMMISSIONER = "amara.okafor@wmvrp.example"
FINANCE = "gareth.pryce@wmvrp.example"
REFERENCE = "ST-WLV-2023-01"


def fetch(base, path, cookies):
    request = urllib.request.Request(base + path, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    return urllib.request.urlopen(request).read().decode("utf-8-sig")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--out", default="screenshots/walkthrough")
    parser.add_argument("--month", default="2024-07")
    parser.add_argument("--password", default=os.environ.get("WAYMARK_DEMO_PASSWORD", "step-together-demo"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    people = {email: sign_in(args.base, email, args.password) for email in (PROVIDER, COMMISSIONER, FINANCE)}
    contracts = ids_on(args.base, "/t/west-midlands/contracts", people[PROVIDER])
    contract = next(c for c in contracts if REFERENCE in fetch(args.base, f"/t/west-midlands/contracts/{c}", people[PROVIDER]))
    page = f"/t/west-midlands/contracts/{contract}/returns/{args.month}"
    template = list(csv.DictReader(io.StringIO(fetch(args.base, page + "/template.csv", people[PROVIDER]))))
    browser = Chromium()
    step = 0

    def act_as(email):
        browser.call("Network.clearBrowserCookies")
        host = urllib.parse.urlparse(args.base).hostname
        for name, value in people[email].items():
            browser.call("Network.setCookie", name=name, value=value, domain=host, path="/")

    def shot(name):
        nonlocal step
        step += 1
        target = os.path.join(args.out, f"{step:02d}-{name}.png")
        browser.screenshot(target)
        print("wrote", target, "-", browser.evaluate("document.querySelector('h1').textContent.trim()"))

    try:
        browser.call("Page.enable")
        # 1. The provider fills in the form: one session short on every route.
        act_as(PROVIDER)
        browser.navigate(args.base + page + "/form", 1280)
        fills = []
        for row in template:
            planned = int(row["sessions_planned"])
            figures = {"sessions_delivered": planned - 1, "chaperone_hours": planned * 3, "young_people_engaged": 120,
                       "incidents_bullying": 1, "incidents_de_escalated": 1, "staff_on_route": 2, "staff_checks_in_date": 2}
            fills += [f"document.getElementById('{row['route_code']}-{k}').value = '{v}';" for k, v in figures.items()]
        browser.evaluate("".join(fills) + "document.getElementById('narrative').value = 'End of term: the last week was quiet.';")
        shot("provider-fills-the-form")
        browser.evaluate("document.querySelector('button[value=submit]').click()")
        time.sleep(1.5)
        shot("provider-submitted")
        # 2. The commissioner queries the first route's sessions.
        act_as(COMMISSIONER)
        browser.navigate(args.base + page, 1280)
        first = template[0]["route_code"]
        browser.evaluate(f"document.getElementById('step-query').checked = true;"
                         f"document.getElementById('comment-{first}').value = 'One session short: the register shows every session ran. Please check.';")
        shot("commissioner-queries")
        browser.evaluate("document.querySelector('form[action$=review]').submit()")
        time.sleep(1.5)
        shot("commissioner-queried")
        # 3. The provider answers with a workbook written by openpyxl, chosen in the file input.
        act_as(PROVIDER)
        browser.navigate(args.base + page, 1280)
        book = Workbook()
        sheet = book.active
        sheet.title = "Return"
        columns = list(template[0].keys())
        sheet.append(columns)
        for row in template:
            planned = int(row["sessions_planned"])
            values = dict(row, sessions_delivered=planned if row["route_code"] == first else planned - 1,
                          chaperone_hours=planned * 3, young_people_engaged=120, incidents_bullying=1,
                          incidents_de_escalated=1, staff_on_route=2, staff_checks_in_date=2,
                          narrative="Corrected after the query: every session ran." if row is template[0] else None)
            sheet.append([int(values[c]) if str(values[c] or "").isdigit() else (values[c] or None) for c in columns])
        workbook = os.path.join(tempfile.mkdtemp(), f"return-{args.month}.xlsx")
        book.save(workbook)
        root = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
        browser.call("DOM.setFileInputFiles", files=[workbook], nodeId=node)
        shot("provider-chooses-the-workbook")
        browser.evaluate("document.querySelector('form[enctype]').submit()")
        time.sleep(1.5)
        shot("provider-resubmitted")
        # 4. The commissioner compares the versions and approves.
        act_as(COMMISSIONER)
        browser.navigate(args.base + page + "/versions?a=1&b=2", 1280)
        shot("commissioner-compares")
        browser.navigate(args.base + page, 1280)
        browser.evaluate("document.getElementById('step-approve').checked = true; document.querySelector('form[action$=review]').submit()")
        time.sleep(1.5)
        shot("commissioner-approved")
        # 5. Finance sees the payment covering the month become payable.
        act_as(FINANCE)
        browser.navigate(args.base + f"/t/west-midlands/contracts/{contract}", 1280)
        shot("finance-sees-payable")
        # The quarter holding the month, named as the schedule names quarters (April starts Q1).
        year, month = (int(part) for part in args.month.split("-"))
        quarter = f"Q{(month - 4) % 12 // 3 + 1} {year if month >= 4 else year - 1}/{(year + 1 if month >= 4 else year) % 100:02d}"
        payable = browser.evaluate(f"[...document.querySelectorAll('tr')].some(r => r.textContent.includes('{quarter}') && r.textContent.includes('Mark paid'))")
        print(f"The {quarter} payment is payable:", payable)
        return 0 if payable else 1
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
