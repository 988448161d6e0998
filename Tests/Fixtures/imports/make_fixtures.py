#!/usr/bin/env python3
"""Writes the .xlsx import fixtures with openpyxl, so the tests read workbooks made by a
real spreadsheet library (dates as Excel date serials, numbers as numbers), not only the
ones Waymark writes itself. Run: pip install openpyxl && python3 make_fixtures.py"""
import datetime
import os
from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = ["code", "name", "local_authority", "area", "status", "children_per_day", "start_date",
           "end_date", "schools", "path", "chaperone_points", "cost_from", "chaperones",
           "minutes_per_day", "hourly_rate", "daily_management"]


def save(name, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Routes"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    for cell in sheet["G"][1:] + sheet["H"][1:] + sheet["L"][1:]:
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
