#!/usr/bin/env python3
"""Writes the monthly-return .xlsx fixtures with openpyxl, so the tests read workbooks made by
a real spreadsheet library (numbers as numbers, a sheet named as a person would), not only
the ones Waymark writes. They are October 2023's return for the tests' contract TEST-RET, made
like the demo's ST-WLV-2023-01:
WLV-01 and WLV-02 had 17 school days each (half-term was 23 to 27 October).
Run: pip install openpyxl && python3 make_fixtures.py"""
import os
from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTS = ["sessions_delivered", "young_people_engaged", "incidents_violence", "incidents_bullying",
          "incidents_anti_social_behaviour", "incidents_weapons", "incidents_other", "incidents_de_escalated",
          "safeguarding_concerns", "referrals_mental_health", "referrals_food_and_clothing",
          "referrals_diversionary_activity", "referrals_mentoring", "referrals_other", "police_contacts",
          "school_contacts", "staff_on_route", "staff_checks_in_date"]
HEADERS = (["contract_reference", "month", "route_code", "route_name", "school_days", "sessions_planned",
            "chaperone_hours"] + COUNTS + ["incidents_total", "referrals_total", "narrative", "case_study"])


def row(code, name, hours, counts, incidents_total, referrals_total, narrative=None):
    values = [counts.get(column, 0) for column in COUNTS]
    return ["TEST-RET", "2023-10", code, name, 17, 34, hours] + values + [incidents_total, referrals_total, narrative, None]


GOOD_WLV01 = {"sessions_delivered": 34, "young_people_engaged": 152, "incidents_violence": 1, "incidents_bullying": 3,
              "incidents_anti_social_behaviour": 2, "incidents_de_escalated": 5, "safeguarding_concerns": 1,
              "referrals_mentoring": 2, "referrals_mental_health": 1, "police_contacts": 1, "school_contacts": 9,
              "staff_on_route": 2, "staff_checks_in_date": 2}
GOOD_WLV02 = {"sessions_delivered": 33, "young_people_engaged": 118, "incidents_bullying": 2, "incidents_de_escalated": 2,
              "referrals_diversionary_activity": 1, "school_contacts": 6, "staff_on_route": 2, "staff_checks_in_date": 2}


def save(name, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "October 2023"
    sheet.append(HEADERS)
    for line in rows:
        sheet.append(line)
    book.save(os.path.join(HERE, name))


# The resubmission after the commissioner's query: WLV-01's sessions corrected to 34.
save("return-2023-10-good.xlsx", [
    row("WLV-01", "City Centre", 136.5, GOOD_WLV01, 6, 3,
        "Half-term week off. WLV-01's sessions corrected to 34 after the commissioner's query: the register shows every session ran."),
    row("WLV-02", "Blakenhall", 132, GOOD_WLV02, 2, 1),
])

# One of every rule broken, each on its own row and column.
save("return-2023-10-bad.xlsx", [
    row("WLV-01", "City Centre", 136.5, dict(GOOD_WLV01, sessions_delivered=35, incidents_de_escalated=9), 6, 4,
        "Too many sessions, too many de-escalated, and a referrals total that does not add up."),
    row("WLV-02", "Blakenhall", 132, dict(GOOD_WLV02, police_contacts=-1), 2, 1),
    row("WLV-09", "A route of another contract", 10, {}, 0, 0),
])
