#!/usr/bin/env python3
"""Writes the .xlsx import fixtures with openpyxl, so the tests read workbooks made by a
real spreadsheet library (dates as Excel date serials, numbers as numbers), not only the
ones Waymark writes itself. Run: pip install openpyxl && python3 make_fixtures.py"""
import datetime
import os
from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
ROUTE_HEADERS = ["code", "name", "local_authority", "area", "status", "children_per_day", "start_date",
           "end_date", "schools", "path", "chaperone_points", "cost_from", "chaperones",
           "minutes_per_day", "hourly_rate", "daily_management"]


def save(name, rows, title="Routes", headers=ROUTE_HEADERS):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    # Dates as a UK spreadsheet shows them; the cell still holds an Excel date serial.
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
    book.save(os.path.join(HERE, name))


save("routes-good.xlsx", [
    ["WLV-04", "Heath Town: Chervil Rise to Wednesfield Road", "E08000031", "Heath Town", "active", 520,
     datetime.date(2024, 9, 2), None, "149492",
     "52.59650 -2.10060; 52.59580 -2.09890; 52.59520 -2.09700", "Chervil Rise corner: 52.59580 -2.09890",
     datetime.date(2024, 9, 2), 3, 240, 16.5, 36],
    ["WLV-01", "City Centre: Whitmore Reans to Stafford Street", "Wolverhampton", None, None, 760,
     None, None, None, None, None, None, None, None, None, None],
])

save("routes-bad.xlsx", [
    ["WLV-05", "A good row that must not land", "E08000031", None, "active", 400,
     datetime.date(2024, 9, 2), None, None, "52.5965 -2.1006; 52.5958 -2.0989", None,
     None, None, None, None, None],
    ["WLV-06", "Unknown authority", "E08990001", None, "active", 400,
     None, None, None, "52.5965 -2.1006; 52.5958 -2.0989", None, None, None, None, None, None],
    ["WLV-07", "Negative children", "E08000031", None, "sometimes", -5,
     "next Tuesday", None, "999999", "52.5965 -2.1006; 52.5958 -2.0989", None, None, None, None, None, None],
    ["WLV-08", "No path", "E08000031", None, "active", 300,
     None, None, None, None, None, datetime.date(2024, 9, 2), 2, None, 15, None],
])

FUNDING_HEADERS = ["reference", "funder", "programme", "kind", "amount", "start_day", "end_day", "status",
                   "restricted_local_authorities", "restricted_routes", "renewable", "conditions", "documents"]

# A new Birmingham source (kind written as its display name, amount as a number), and the
# demo's Safer Journeys fund moving from confirmed to received with its other cells blank.
save("funding-sources-good.xlsx", [
    ["BCC-SJ-2425", "Birmingham City Council", "Safer Journeys fund 2024/25", "Council", 60000,
     datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), "pledged", "E08000025", "BHM-01; BHM-02", "yes",
     "Quarterly report to cabinet", "Grant letter 12 March 2024"],
    ["BCC-SJ-0412", None, None, None, None, None, None, "received", None, None, None, None, "Remittance advice 2023"],
], title="Funding sources", headers=FUNDING_HEADERS)

# Allocates from the source funding-sources-good.xlsx adds; blank dates mean the source's own.
save("allocations-good.xlsx", [
    ["BCC-SJ-2425", "BHM-01", 30000, None, None],
    ["BCC-SJ-2425", "BHM-02", 25000, datetime.date(2024, 9, 2), datetime.date(2025, 3, 31)],
], title="Allocations", headers=["source_reference", "route_code", "amount", "start_day", "end_day"])

# Two pledges: Birmingham's over two routes (the second row leaves the shared cells blank),
# and Wolverhampton's for one route.
save("pledges-good.xlsx", [
    ["BCC-LETTER-2024-03", "Birmingham City Council", "Route continuation 2024/25", datetime.date(2024, 9, 2),
     datetime.date(2025, 7, 18), "BHM-01", 12500, "Letter from the Director of Communities, 4 March 2024"],
    ["BCC-LETTER-2024-03", None, None, None, None, "BHM-06", 8000, None],
    ["WLV-EMAIL-2024-11", "City of Wolverhampton Council", "Blakenhall bridge funding", datetime.date(2024, 4, 1),
     datetime.date(2024, 7, 19), "WLV-03", 15000, "Email from the council's community safety lead"],
], title="Pledges", headers=["pledge_reference", "organisation", "programme", "start_day", "end_day", "route_code",
                             "amount", "note"])
