"""Tests of the statistics audit (audit.py): it finds what an attacker can work out, and does not
cry wolf when nothing can be.

Run: /usr/bin/python3 -m unittest discover -s tests/stats -p 'test_*.py'

Every release here is written by hand (from the test) into a temporary directory, in the
version-2 layouts the audit reads; nothing comes from the Rust side.
"""

import contextlib
import csv
import html
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import audit  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
K = 5
SYMBOLS = {"below_threshold": "<5", "secondary": "x", "withheld": ".."}
UNITS = {"cases_by_highest_level": "cases", "cases_new_or_returning": "cases", "cases_level_rose": "cases",
         "referrals_made": "referrals"}


def P(v):
    """A published value: an int is a count, "<" is "<k", "x" secondary, ".." withheld."""
    if isinstance(v, int):
        return {"shown": "count", "value": v}
    return {"shown": {"<": "below_threshold", "x": "secondary", "..": "withheld"}[v]}


def table(id, rows, totals, period=None, period_total=None, unit=None):
    """rows: {category: [value per month]}; period: {category: value} for the period column."""
    return {
        "id": id, "title": id.replace("_", " ").capitalize(), "unit": unit or UNITS.get(id, "calls"),
        "rows": [{"category": c, "label": c.replace("_", " ").title(), "values": [P(v) for v in vs],
                  "period": None if period is None else P(period[c])} for c, vs in rows.items()],
        "totals": [P(v) for v in totals], "period_total": None if period_total is None else P(period_total),
    }


def release(months, tables, call_time=None, period=None, k=K, version=2):
    """A release document. call_time: {month: calls_timed value}; period: its months."""
    doc = {
        "format": "helpline-statistics", "version": 2, "months": months,
        "period": None if period is None else {"from": period[0], "to": period[-1], "months": period},
        "language": "en",
        "disclosure_control": {"k": k, "rules": [f"Counts from 1 to {k - 1} are shown as <{k}."],
                               "symbols": {"below_threshold": f"<{k}", "secondary": "x", "withheld": ".."}},
        "tables": tables,
        "call_time": [{"month": m, "calls_timed": P((call_time or {}).get(m, 0)), "total_minutes": None,
                       "median_minutes": None} for m in months],
    }
    if version == 1:
        for key in ("format", "version", "period"):
            del doc[key]
        del doc["disclosure_control"]["symbols"]
        for t in tables:
            del t["period_total"]
            for r in t["rows"]:
                del r["period"]
    return doc


def text(p, doc):
    symbols = doc["disclosure_control"].get("symbols") or {"below_threshold": f"<{doc['disclosure_control']['k']}",
                                                           "secondary": "x"}
    return str(p["value"]) if p["shown"] == "count" else symbols[p["shown"]]


def minutes(v):
    return "x" if v is None else str(v)


def columns(doc):
    """(column name, index into values or None for the period) of every column."""
    cols = [(m, i) for i, m in enumerate(doc["months"])]
    if doc.get("period"):
        cols.append((f"{doc['period']['from']}/{doc['period']['to']}", None))
    return cols


def cell(row_or_table, i, key_values, key_period):
    return row_or_table[key_values][i] if i is not None else row_or_table[key_period]


class NeutralisingWriter:
    """csv.writer, with a ' before a cell that would start a formula or begins with ', as the
    export writes them."""

    def __init__(self, f):
        self.w = csv.writer(f)

    def writerow(self, row):
        self.w.writerow(["'" + c if c.startswith(audit.FORMULA_STARTS + ("'",)) else c for c in map(str, row)])


def write_csv(doc, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = NeutralisingWriter(f)
        w.writerow(["table", "unit", "category", "label", "month", "value"])
        first = doc["months"][0]
        w.writerow(["about", "", "k", "k", first, doc["disclosure_control"]["k"]])
        for i, rule in enumerate(doc["disclosure_control"]["rules"]):
            w.writerow(["about", "", f"rule_{i + 1}", rule, first, ""])
        for t in doc["tables"]:
            for col, i in columns(doc):
                for r in t["rows"]:
                    w.writerow([t["id"], t["unit"], r["category"], r["label"], col,
                                text(cell(r, i, "values", "period"), doc)])
                w.writerow([t["id"], t["unit"], "total", "Total", col, text(cell(t, i, "totals", "period_total"), doc)])
        for code in audit.CALL_TIME_CODES:
            for e in doc["call_time"]:
                v = text(e[code], doc) if code == "calls_timed" else minutes(e[code])
                w.writerow(["call_time", "calls", code, code.replace("_", " "), e["month"], v])


def write_xlsx(doc, path):
    from openpyxl import Workbook

    book = Workbook()
    rules = book.active
    rules.title = "Rules"
    rules.append(["Statistics"])
    rules.append([])
    rules.append([])
    rules.append(["Rules"])
    rules.append(["k", doc["disclosure_control"]["k"]])
    for rule in doc["disclosure_control"]["rules"]:
        rules.append(["", rule])

    def value(p):
        return p["value"] if p["shown"] == "count" else text(p, doc)

    for t in doc["tables"]:
        sheet = book.create_sheet(t["title"][:31])
        sheet.append([t["title"]])
        sheet.append([t["unit"].capitalize()])
        sheet.append(["Category"] + [col for col, _ in columns(doc)])
        for r in t["rows"]:
            sheet.append([r["label"]] + [value(cell(r, i, "values", "period")) for _, i in columns(doc)])
        sheet.append(["Total"] + [value(cell(t, i, "totals", "period_total")) for _, i in columns(doc)])
    sheet = book.create_sheet("Call time")
    sheet.append(["Call time"])
    sheet.append([])
    sheet.append([""] + doc["months"])
    sheet.append(["Calls timed"] + [value(e["calls_timed"]) for e in doc["call_time"]])
    for code in audit.MINUTES_CODES:
        sheet.append([code] + [e[code] if e[code] is not None else "x" for e in doc["call_time"]])
    book.save(path)


def write_html(doc, path, per_block=12, marked=True):
    """The version-2 page; marked=False leaves out the data-* attributes, as version 1 does."""
    out = ['<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Statistics</title></head><body>',
           '<section class="rules"><ul><li><span class="sym">&lt;5</span><span>Counts below 5</span></li></ul></section>',
           '<figure><svg class="chart"><text>12</text></svg></figure>']
    cols = columns(doc)
    months = [c for c in cols if c[1] is not None]
    blocks = [months[i:i + per_block] for i in range(0, len(months), per_block)]
    if doc.get("period"):  # the period column is in the last block, or a block of its own
        if len(blocks[-1]) < per_block:
            blocks[-1].append(cols[-1])
        else:
            blocks.append([cols[-1]])
    grids = []
    for t in doc["tables"]:
        rows = [(r["category"], r["label"], lambda i, r=r: text(cell(r, i, "values", "period"), doc)) for r in t["rows"]]
        total = ("total", "Total", lambda i, t=t: text(cell(t, i, "totals", "period_total"), doc))
        grids.append((t["id"], t["title"], rows, total))
    ct = doc["call_time"]
    ct_rows = [("calls_timed", "Calls timed", lambda i: text(ct[i]["calls_timed"], doc))]
    ct_rows += [(code, code, lambda i, code=code: minutes(ct[i][code])) for code in audit.MINUTES_CODES]
    for tid, title, rows, total in grids + [("call_time", "Call time", ct_rows, None)]:
        for block in blocks:
            if tid == "call_time":
                block = [(c, i) for c, i in block if i is not None]
                if not block:
                    continue
            out.append(f'<table data-table="{tid}"><caption><span class="title">{html.escape(title)}</span></caption>')
            out.append('<thead><tr><th scope="col">Category</th>'
                       + "".join(f'<th scope="col" class="n" data-column="{c}">{c}</th>' for c, _ in block)
                       + "</tr></thead><tbody>")
            for code, label, value in rows:
                out.append(f'<tr data-category="{code}"><th scope="row">{html.escape(label)}</th>'
                           + "".join(f'<td class="n">{html.escape(value(i))}</td>' for _, i in block) + "</tr>")
            out.append("</tbody>")
            if total:
                code, label, value = total
                out.append(f'<tfoot><tr data-category="total"><th scope="row">{label}</th>'
                           + "".join(f'<td class="n">{html.escape(value(i))}</td>' for _, i in block) + "</tr></tfoot>")
            out.append("</table>")
    out.append("</body></html>\n")
    page = "\n".join(out)
    if not marked:
        import re

        page = re.sub(r' data-(table|column|category)="[^"]*"', "", page)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def write(directory, stem, doc, formats=("json",)):
    os.makedirs(directory, exist_ok=True)
    base = os.path.join(directory, stem)
    if "json" in formats:
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
    if "csv" in formats:
        write_csv(doc, base + ".csv")
    if "xlsx" in formats:
        write_xlsx(doc, base + ".xlsx")
    if "html" in formats:
        write_html(doc, base + ".html")


def write_truth(directory, months):
    """months: {month: ({table: {category: n}}, calls_timed)}."""
    with open(os.path.join(directory, "truth.json"), "w", encoding="utf-8") as f:
        json.dump({"months": {m: {"tables": t, "calls_timed": c} for m, (t, c) in months.items()}}, f)


# The known attack: one month, 6 calls, all by phone.
ATTACK = [
    table("calls_by_channel", {"phone": [6], "email": [0]}, [6]),
    table("calls_by_situation", {"radicalising": ["x"], "planning_to_travel": [0], "in_conflict_zone": [0],
                                 "returned": ["<"], "other_unknown": [0]}, ["x"]),
]


class Audited(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.addCleanup(self.tmp.cleanup)

    def collection(self, name="c"):
        return os.path.join(self.dir, name)

    def audit(self, path=None, fast=False):
        return audit.audit_collection((path or self.collection(), "c", {"fast": fast}))

    def value(self, result, table, category, column, release=None):
        found = [v for v in result["values"] if (v["table"], v["category"], v["column"]) == (table, category, column)
                 and (release is None or v["release"] == release)]
        self.assertTrue(found, f"no hidden value {table} {category} {column} in {result['values']}")
        return found[0]

    def kinds(self, result):
        return sorted({f["kind"] for f in result["failures"]})

    def pinned(self, result):
        return {(f["table"], f["category"], f["column"]) for f in result["failures"] if f["kind"] == audit.PINNED}

    def assertClean(self, result):
        self.assertEqual(result["failures"], [], "\n".join(audit.describe(f) for f in result["failures"]))


class Attacks(Audited):
    def test_the_known_attack_pins_returned_to_1(self):
        write(self.collection(), "2026-04", release(["2026-04"], ATTACK, call_time={"2026-04": 6}))
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.PINNED])
        returned = self.value(r, "calls_by_situation", "returned", "2026-04")
        radicalising = self.value(r, "calls_by_situation", "radicalising", "2026-04")
        self.assertEqual((returned["min"], returned["max"], returned["pinned"]), (1, 1, True))
        self.assertEqual((radicalising["min"], radicalising["max"], radicalising["pinned"]), (5, 5, True))
        self.assertIn(("calls_by_situation", "returned", "2026-04"), self.pinned(r))
        self.assertIn(("calls_by_situation", "radicalising", "2026-04"), self.pinned(r))
        # The hidden total is given away by the channel table's.
        self.assertIn(("calls_by_situation", "total", "2026-04"), self.pinned(r))
        details = [f["detail"] for f in r["failures"] if f.get("category") == "returned"]
        self.assertIn("can only be 1", details[0])

    def test_the_known_attack_fast(self):
        write(self.collection(), "2026-04", release(["2026-04"], ATTACK, call_time={"2026-04": 6}))
        r = self.audit(fast=True)
        self.assertIn(("calls_by_situation", "returned", "2026-04"), self.pinned(r))

    def test_a_single_column_pin(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": [12]}, [15])]))
        r = self.audit()
        self.assertEqual(self.pinned(r), {("calls_by_channel", "phone", "2026-01")})
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        self.assertEqual((phone["min"], phone["max"]), (3, 3))
        self.assertEqual(r["pinned"], 1)

    def test_a_period_column_pins_a_month(self):
        doc = release(["2026-01", "2026-02"],
                      [table("calls_by_channel", {"phone": ["<", 10], "email": [0, 0]}, ["<", 10],
                             period={"phone": 13, "email": 0}, period_total=13)],
                      call_time={"2026-01": "..", "2026-02": 10}, period=["2026-01", "2026-02"])
        write(self.collection(), "q1", doc)
        r = self.audit()
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        self.assertEqual((phone["min"], phone["max"], phone["pinned"]), (3, 3, True))
        self.assertIn(("calls_by_channel", "phone", "2026-01"), self.pinned(r))
        # calls timed ".." in January is 0..3 (fact d: no more than the calls), not pinned.
        timed = self.value(r, "call_time", "calls_timed", "2026-01")
        self.assertEqual((timed["min"], timed["max"], timed["pinned"]), (0, 3, False))

    def test_a_later_release_period_pins_an_earlier_month(self):
        # January alone, then January and February with the period: January is the same in
        # both (no change), and the second's period pins it in both.
        jan = table("calls_by_channel", {"phone": ["<"], "email": [0]}, ["<"])
        write(self.collection(), "2026-01", release(["2026-01"], [jan]))
        write(self.collection(), "2026-01_02", release(
            ["2026-01", "2026-02"],
            [table("calls_by_channel", {"phone": ["<", 10], "email": [0, 0]}, ["<", 10],
                   period={"phone": 13, "email": 0}, period_total=13)], period=["2026-01", "2026-02"]))
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.PINNED])
        pins = {(f["file"], f["category"], f["column"]) for f in r["failures"]}
        self.assertIn(("2026-01.json", "phone", "2026-01"), pins)
        self.assertIn(("2026-01_02.json", "phone", "2026-01"), pins)
        self.assertEqual(self.value(r, "calls_by_channel", "phone", "2026-01", release="2026-01.json")["min"], 3)

    def test_two_releases_combine(self):
        # Each alone is safe; together, the second's total pins the first's hidden cells.
        write(self.collection(), "a", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": [11]}, ["x"])]))
        write(self.collection(), "b", release(["2026-01"], [table("calls_by_situation", {"radicalising": [14], "returned": [0]}, [14])]))
        r = self.audit()
        self.assertEqual(self.pinned(r), {("calls_by_channel", "phone", "2026-01"), ("calls_by_channel", "total", "2026-01")})
        self.assertEqual({f["file"] for f in r["failures"]}, {"a.json"})
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        self.assertEqual((phone["min"], phone["max"]), (3, 3))
        os.makedirs(self.collection("alone"))
        os.rename(os.path.join(self.collection(), "a.json"), os.path.join(self.collection("alone"), "a.json"))
        r = self.audit(self.collection("alone"))
        self.assertClean(r)
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        self.assertEqual((phone["min"], phone["max"]), (1, 4))

    def test_fact_b_pins_cases_in_transit_country(self):
        calls = table("calls_by_level", {"not_assessed": [10], "strong_interest": [7], "wish_to_leave": [6],
                                         "in_transit_country": [5]}, [28])
        cases = table("cases_by_highest_level", {"not_assessed": ["x"], "strong_interest": ["x"], "wish_to_leave": ["x"],
                                                 "in_transit_country": ["x"]}, [25])
        write(self.collection(), "with", release(["2026-03"], [calls, cases]))
        r = self.audit()
        self.assertEqual(self.pinned(r), {("cases_by_highest_level", "in_transit_country", "2026-03")})
        transit = self.value(r, "cases_by_highest_level", "in_transit_country", "2026-03")
        self.assertEqual((transit["min"], transit["max"]), (5, 5))
        not_assessed = self.value(r, "cases_by_highest_level", "not_assessed", "2026-03")
        self.assertEqual((not_assessed["min"], not_assessed["max"]), (7, 10))
        # Without the calls table, fact b does not apply and the sums alone leave 5..10.
        write(self.collection("without"), "without", release(["2026-03"], [cases]))
        r = self.audit(self.collection("without"))
        self.assertClean(r)
        transit = self.value(r, "cases_by_highest_level", "in_transit_country", "2026-03")
        self.assertEqual((transit["min"], transit["max"]), (5, 10))

    def test_fact_a_pins_the_cases(self):
        # 5 calls; the cases total "x" (>= 5) can be no more than the calls: 5.
        doc = release(["2026-05"], [
            table("calls_by_channel", {"phone": [5], "email": [0]}, [5]),
            table("cases_new_or_returning", {"new": ["x"], "returning": [0]}, ["x"]),
        ], call_time={"2026-05": 5})
        write(self.collection(), "a", doc)
        r = self.audit()
        self.assertEqual(self.pinned(r), {("cases_new_or_returning", "new", "2026-05"),
                                          ("cases_new_or_returning", "total", "2026-05")})

    def test_fact_c_pins_cases_whose_level_rose(self):
        # Cases at steps 2 and 3 are 5 between them (each "<5"); cases whose level rose "x"
        # (>= 5) are no more than those: 5.
        levels = table("cases_by_highest_level", {"not_assessed": [7], "strong_interest": [6], "wish_to_leave": ["<"],
                                                  "in_transit_country": ["<"]}, [18])
        rose = table("cases_level_rose", {"rose": ["x"], "did_not_rise": ["x"]}, [18])
        write(self.collection(), "c", release(["2026-05"], [levels, rose]))
        r = self.audit()
        self.assertEqual(self.pinned(r), {("cases_level_rose", "rose", "2026-05"), ("cases_level_rose", "did_not_rise", "2026-05")})
        self.assertEqual(self.value(r, "cases_level_rose", "did_not_rise", "2026-05")["min"], 13)
        transit = self.value(r, "cases_by_highest_level", "in_transit_country", "2026-05")
        self.assertEqual((transit["min"], transit["max"]), (1, 4))
        write(self.collection("alone"), "c", release(["2026-05"], [rose]))
        r = self.audit(self.collection("alone"))
        self.assertClean(r)
        value = self.value(r, "cases_level_rose", "rose", "2026-05")
        self.assertEqual((value["min"], value["max"]), (5, 13))

    def test_fact_d_pins_calls_timed(self):
        doc = release(["2026-05"], [table("calls_by_channel", {"phone": [5], "email": [0]}, [5])], call_time={"2026-05": "x"})
        write(self.collection(), "d", doc)
        r = self.audit()
        self.assertEqual(self.pinned(r), {("call_time", "calls_timed", "2026-05")})


class NoWolf(Audited):
    def test_a_safe_release(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])]))
        r = self.audit()
        self.assertClean(r)
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        email = self.value(r, "calls_by_channel", "email", "2026-01")
        self.assertEqual((phone["min"], phone["max"], phone["pinned"]), (1, 4, False))
        self.assertEqual((email["min"], email["max"], email["pinned"]), (11, 14, False))
        self.assertEqual((r["hidden"], r["pinned"], r["narrowed"], r["full_range"]), (2, 0, 0, 1))

    def test_a_safe_release_with_truth(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])],
                                              call_time={"2026-01": "x"}))
        write_truth(self.collection(), {"2026-01": ({"calls_by_channel": {"phone": 2, "email": 13}}, 9)})
        r = self.audit()
        self.assertClean(r)
        timed = self.value(r, "call_time", "calls_timed", "2026-01")
        self.assertEqual((timed["min"], timed["max"]), (5, 15))
        self.assertGreaterEqual(r["witnesses"], 1)

    def test_unbounded_secondary(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, ["x"])]))
        r = self.audit()
        self.assertClean(r)
        email = self.value(r, "calls_by_channel", "email", "2026-01")
        self.assertEqual((email["min"], email["max"], email["unbounded"]), (5, None, True))
        self.assertEqual(r["unbounded"], 2)  # email and the total
        total = self.value(r, "calls_by_channel", "total", "2026-01")
        self.assertEqual((total["min"], total["unbounded"]), (6, True))

    def test_narrowed_is_information_not_failure(self):
        # phone + email = 7 with both "<5": each 3..4, narrowed but not pinned.
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["<"]}, [7])]))
        r = self.audit()
        self.assertClean(r)
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        self.assertEqual((phone["min"], phone["max"], phone["narrowed"]), (3, 4, True))
        self.assertEqual(r["narrowed"], 2)

    def test_the_same_month_twice_the_same(self):
        t = [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])]
        write(self.collection(), "a", release(["2026-01"], t))
        t2 = [table("calls_by_channel", {"phone": ["<", 7], "email": ["x", 8]}, [15, 15])]
        write(self.collection(), "b", release(["2026-01", "2026-02"], t2))
        r = self.audit()
        self.assertClean(r)

    def test_an_unlisted_category_is_zero(self):
        # The second release lists a referral the first does not: that is no change, and the
        # unlisted referral is 0 in the first release's month.
        a = [table("referrals_made", {"social_services": ["<"], "police": ["x"]}, [12])]
        b = [table("referrals_made", {"social_services": ["<", 6], "police": ["x", 6], "school": [0, 0]}, [12, 12])]
        write(self.collection(), "a", release(["2026-01"], a))
        write(self.collection(), "b", release(["2026-01", "2026-02"], b))
        r = self.audit()
        self.assertClean(r)

    def test_a_withheld_count_worked_out_to_zero_is_no_failure_but_to_one_is(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": [".."], "email": [0]}, [0])]))
        self.assertClean(self.audit())
        write(self.collection(), "m", release(["2026-01"], [
            table("calls_by_channel", {"phone": [".."], "email": [".."]}, ["<"]),
            table("calls_by_language", {"sv": [4], "ar": [0]}, ["<"]),
            table("calls_by_level", {"not_assessed": [".."], "strong_interest": [3]}, ["<"]),
        ]))
        r = self.audit()
        pinned = [f for f in r["failures"] if f["kind"] == "pinned"]
        self.assertTrue(any(f["category"] == "not_assessed" for f in pinned), pinned)

    def test_withheld_may_be_zero(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": [".."], "email": [".."]}, [9])]))
        r = self.audit()
        self.assertClean(r)
        phone = self.value(r, "calls_by_channel", "phone", "2026-01")
        self.assertEqual((phone["min"], phone["max"]), (0, 9))

    def test_version_1_secondary_total_may_be_small(self):
        # phone "<5", email "<5", total "x": version 2 says the total is >= 5, version 1 only >= 1.
        rows = {"phone": ["<"], "email": ["<"]}
        write(self.collection("v2"), "m", release(["2026-01"], [table("calls_by_channel", rows, ["x"])]))
        write(self.collection("v1"), "m", release(["2026-01"], [table("calls_by_channel", rows, ["x"])], version=1))
        total2 = self.value(self.audit(self.collection("v2")), "calls_by_channel", "total", "2026-01")
        total1 = self.value(self.audit(self.collection("v1")), "calls_by_channel", "total", "2026-01")
        self.assertEqual((total2["min"], total2["max"]), (5, 8))
        self.assertEqual((total1["min"], total1["max"]), (2, 8))


class Inconsistent(Audited):
    def test_a_month_published_differently(self):
        write(self.collection(), "a", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])]))
        write(self.collection(), "b", release(["2026-01"], [table("calls_by_channel", {"phone": ["x"], "email": ["<"]}, [15])]))
        r = self.audit()
        changed = [f for f in r["failures"] if f["kind"] == audit.MONTH_CHANGED]
        self.assertEqual({(f["table"], f["category"], f["column"]) for f in changed},
                         {("calls_by_channel", "phone", "2026-01"), ("calls_by_channel", "email", "2026-01")})
        self.assertEqual(changed[0]["file"], "a.json / b.json")
        # Together they say phone is both <5 and >=5: no counts fit.
        self.assertIn(audit.INFEASIBLE, self.kinds(r))

    def test_a_month_with_a_different_count(self):
        write(self.collection(), "a", release(["2026-01"], [table("calls_by_channel", {"phone": [7], "email": [8]}, [15])]))
        write(self.collection(), "b", release(["2026-01"], [table("calls_by_channel", {"phone": [8], "email": [7]}, [15])]))
        r = self.audit()
        self.assertIn(audit.MONTH_CHANGED, self.kinds(r))

    def test_truth_breaking_a_symbol(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])]))
        write_truth(self.collection(), {"2026-01": ({"calls_by_channel": {"phone": 7, "email": 8}}, 0)})
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.TRUTH_INFEASIBLE])
        self.assertIn("phone", r["failures"][0]["detail"])
        self.assertIn("<5", r["failures"][0]["detail"])

    def test_truth_with_a_different_count(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])]))
        write_truth(self.collection(), {"2026-01": ({"calls_by_channel": {"phone": 2, "email": 12}}, 0)})
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.TRUTH_COUNT])

    def test_truth_breaking_a_structural_fact(self):
        doc = release(["2026-01"], [
            table("calls_by_level", {"not_assessed": [10], "strong_interest": [0], "wish_to_leave": [0], "in_transit_country": [0]}, [10]),
            table("cases_by_highest_level", {"not_assessed": [".."], "strong_interest": [".."], "wish_to_leave": [".."],
                                             "in_transit_country": [".."]}, [10]),
        ])
        write(self.collection(), "m", doc)
        write_truth(self.collection(), {"2026-01": ({"calls_by_level": {"not_assessed": 10},
                                                     "cases_by_highest_level": {"not_assessed": 9, "wish_to_leave": 1}}, 0)})
        r = self.audit()
        self.assertIn(audit.TRUTH_INFEASIBLE, self.kinds(r))
        self.assertIn("fact b", [f for f in r["failures"] if f["kind"] == audit.TRUTH_INFEASIBLE][0]["detail"])
        # And the publication itself pins every cases cell: not_assessed to 10 (a failure), the
        # others to 0 (withheld zeros, which describe nobody).
        self.assertEqual({("cases_by_highest_level", "not_assessed", "2026-01")}, self.pinned(r))

    def test_truth_with_an_unlisted_category(self):
        write(self.collection(), "m", release(["2026-01"], [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15])]))
        write_truth(self.collection(), {"2026-01": ({"calls_by_channel": {"phone": 2, "email": 12, "chat": 1}}, 0)})
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.TRUTH_INFEASIBLE])


def partitions(total, parts):
    """Every way to write total as an ordered sum of `parts` counts >= 0."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in partitions(total - first, parts - 1):
            yield (first,) + rest


def fits(value, shown, k, is_total=False):
    if isinstance(shown, int):
        return value == shown
    return {"<": 1 <= value <= k - 1, "x": value >= k, "..": value >= 0}[shown]


def publish(value, rng, k, allow=("count", "<", "x", "..")):
    """A random truthful way to publish a count."""
    options = [o for o in allow if o == "count" or (o == "<" and 1 <= value < k) or (o == "x" and value >= k) or o == ".."]
    o = rng.choice(options)
    return value if o == "count" else o


class BruteForce(Audited):
    """The audit's ranges equal those found by trying every count, on releases small enough."""

    def check(self, doc, brute):
        write(self.collection(), "m", doc)
        r = self.audit()
        for v in r["values"]:
            lo, hi = brute[(v["table"], v["category"], v["column"])]
            self.assertEqual((v["min"], v["max"]), (lo, hi), f"{v} in {json.dumps(doc['tables'])}")
            self.assertEqual(v["pinned"], lo == hi)
        def harmful(v):
            lo, hi = brute[(v["table"], v["category"], v["column"])]
            # A ".." worked out to be zero describes nobody, like a shown 0.
            return lo == hi and not (v["kind"] == "withheld" and lo == 0)

        self.assertEqual(r["pinned"], sum(1 for v in r["values"] if harmful(v)))

    def test_two_tables_sharing_a_total(self):
        import random

        rng = random.Random(7)
        for trial in range(60):
            k = rng.choice([3, 5])
            a = [rng.choice([0, 1, 2, 3, 4, 5, 6, 9]) for _ in range(3)]
            n = sum(a)
            b = list(rng.choice(list(partitions(n, 3))))
            pa = [publish(v, rng, k) for v in a]
            pb = [publish(v, rng, k) for v in b]
            ta = publish(n, rng, k, ("count", "<"))  # so that every value is bounded
            tb = publish(n, rng, k)
            doc = release(["2026-01"], [table("calls_by_channel", dict(zip("pqr", [[v] for v in pa])), [ta]),
                                        table("calls_by_situation", dict(zip("stu", [[v] for v in pb])), [tb])], k=k)
            seen = {}
            for total in range(0, (k - 1 if ta == "<" else n) + 1):
                if not (fits(total, ta, k) and fits(total, tb, k)):
                    continue
                xa = [p for p in partitions(total, 3) if all(fits(v, s, k) for v, s in zip(p, pa))]
                xb = [p for p in partitions(total, 3) if all(fits(v, s, k) for v, s in zip(p, pb))]
                if not xa or not xb:
                    continue
                for tid, cats, xs in (("calls_by_channel", "pqr", xa), ("calls_by_situation", "stu", xb)):
                    for p in xs:
                        for c, v in zip(cats, p):
                            lo, hi = seen.get((tid, c), (v, v))
                            seen[(tid, c)] = (min(lo, v), max(hi, v))
                for tid in ("calls_by_channel", "calls_by_situation"):
                    lo, hi = seen.get((tid, "total"), (total, total))
                    seen[(tid, "total")] = (min(lo, total), max(hi, total))
            brute = {(t, c, "2026-01"): v for (t, c), v in seen.items()}
            with self.subTest(trial=trial):
                self.check(doc, brute)

    def test_the_structural_facts(self):
        import itertools
        import random

        rng = random.Random(5)
        levels = list(audit.LEVELS)
        month = "2026-01"
        for trial in range(25):
            k = 3
            calls = [rng.choice([0, 0, 1, 2, 3, 4]) for _ in levels]
            cases = [rng.randint(0, c) for c in calls]
            high = cases[2] + cases[3]
            rose = rng.randint(0, high)
            timed = rng.randint(0, sum(calls))
            pc = [publish(v, rng, k) for v in calls]
            pk = [publish(v, rng, k) for v in cases]
            pr = [publish(rose, rng, k), publish(sum(cases) - rose, rng, k)]
            tc = publish(sum(calls), rng, k, ("count", "<"))
            tk = publish(sum(cases), rng, k)
            tr = publish(sum(cases), rng, k)
            pt = publish(timed, rng, k)
            doc = release([month], [
                table("calls_by_level", {l: [v] for l, v in zip(levels, pc)}, [tc]),
                table("cases_by_highest_level", {l: [v] for l, v in zip(levels, pk)}, [tk]),
                table("cases_level_rose", {"rose": [pr[0]], "did_not_rise": [pr[1]]}, [tr]),
            ], call_time={month: pt}, k=k)
            seen = {}

            def saw(key, v):
                lo, hi = seen.get(key, (v, v))
                seen[key] = (min(lo, v), max(hi, v))

            top = k - 1 if tc == "<" else sum(calls)
            calls_options = [p for n in range(top + 1) if fits(n, tc, k)
                             for p in partitions(n, 4) if all(fits(v, s, k) for v, s in zip(p, pc))]
            for xc in calls_options:
                n = sum(xc)
                for xk in itertools.product(*(range(c + 1) for c in xc)):  # fact b (and so fact a)
                    m = sum(xk)
                    if not (all(fits(v, s, k) for v, s in zip(xk, pk)) and fits(m, tk, k) and fits(m, tr, k)):
                        continue
                    roses = [r for r in range(min(m, xk[2] + xk[3]) + 1)  # fact c
                             if fits(r, pr[0], k) and fits(m - r, pr[1], k)]
                    times = [t for t in range(n + 1) if fits(t, pt, k)]  # fact d
                    if not roses or not times:
                        continue
                    for l, v in zip(levels, xc):
                        saw(("calls_by_level", l), v)
                    for l, v in zip(levels, xk):
                        saw(("cases_by_highest_level", l), v)
                    saw(("calls_by_level", "total"), n)
                    for t in ("cases_by_highest_level", "cases_level_rose"):
                        saw((t, "total"), m)
                    for r in roses:
                        saw(("cases_level_rose", "rose"), r)
                        saw(("cases_level_rose", "did_not_rise"), m - r)
                    for t in times:
                        saw(("call_time", "calls_timed"), t)
            brute = {(t, c, month): v for (t, c), v in seen.items()}
            with self.subTest(trial=trial):
                self.check(doc, brute)

    def test_a_period_over_two_months(self):
        import random

        rng = random.Random(11)
        months = ["2026-01", "2026-02"]
        for trial in range(60):
            k = 5
            x = [[rng.choice([0, 1, 2, 3, 4, 5, 7]) for _ in months] for _ in range(2)]  # [category][month]
            totals = [x[0][m] + x[1][m] for m in range(2)]
            pub = [[publish(v, rng, k) for v in row] for row in x]
            ptot = [publish(t, rng, k, ("count", "<")) for t in totals]
            period = [publish(sum(row), rng, k) for row in x]
            pperiod = publish(sum(totals), rng, k)
            doc = release(months, [table("calls_by_channel", {"p": pub[0], "q": pub[1]}, ptot,
                                         period={"p": period[0], "q": period[1]}, period_total=pperiod)],
                          period=months, k=k)
            seen = {}
            sols = []
            for t0 in range(0, 20):
                for t1 in range(0, 20):
                    if not (fits(t0, ptot[0], k) and fits(t1, ptot[1], k) and fits(t0 + t1, pperiod, k)):
                        continue
                    for a in partitions(t0, 2):
                        if not all(fits(a[c], pub[c][0], k) for c in range(2)):
                            continue
                        for b in partitions(t1, 2):
                            if all(fits(b[c], pub[c][1], k) for c in range(2)) and all(
                                    fits(a[c] + b[c], period[c], k) for c in range(2)):
                                sols.append((a, b, t0, t1))
            col = "2026-01/2026-02"
            for a, b, t0, t1 in sols:
                values = {("p", "2026-01"): a[0], ("q", "2026-01"): a[1], ("p", "2026-02"): b[0], ("q", "2026-02"): b[1],
                          ("total", "2026-01"): t0, ("total", "2026-02"): t1, ("p", col): a[0] + b[0],
                          ("q", col): a[1] + b[1], ("total", col): t0 + t1}
                for key, v in values.items():
                    lo, hi = seen.get(key, (v, v))
                    seen[key] = (min(lo, v), max(hi, v))
            brute = {("calls_by_channel", c, m): v for (c, m), v in seen.items()}
            with self.subTest(trial=trial):
                self.check(doc, brute)


SAFE = [table("calls_by_channel", {"phone": ["<"], "email": ["x"]}, [15]),
        table("calls_by_caller_gender", {"woman": ["x"], "man": ["x"], "other": [0], "not_stated": [0]}, [15])]


def months_doc(n, period=True):
    months = [f"{2025 + (i // 12)}-{i % 12 + 1:02d}" for i in range(n)]
    rows = {"phone": ["<" if i % 2 else 7 for i in range(n)], "email": ["x" if i % 2 else 8 for i in range(n)]}
    totals = [15] * n
    return release(months, [table("calls_by_channel", rows, totals,
                                  period={"phone": "x", "email": "x"} if period else None,
                                  period_total=15 * n if period else None)],
                   call_time={m: ".." for m in months}, period=months if period else None)


class Formats(Audited):
    def test_every_format_agrees(self):
        write(self.collection(), "m", release(["2026-01", "2026-02"], [
            table("calls_by_channel", {"phone": ["<", 7], "email": ["x", 8]}, [15, 15], period={"phone": "x", "email": "x"},
                  period_total=30),
            table("calls_by_situation", {"radicalising": ["x", 15], "returned": ["x", 0]}, [15, 15],
                  period={"radicalising": "x", "returned": "x"}, period_total=30),
        ], call_time={"2026-01": "x", "2026-02": 15}, period=["2026-01", "2026-02"]), formats=("json", "csv", "xlsx", "html"))
        r = self.audit()
        self.assertClean(r)
        self.assertEqual(r["notes"], [])

    def test_a_csv_showing_another_value(self):
        doc = release(["2026-01"], SAFE)
        write(self.collection(), "m", doc, formats=("json", "csv"))
        path = os.path.join(self.collection(), "m.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        changed = [line.replace("email,Email,2026-01,x", "email,Email,2026-01,14") for line in lines]
        self.assertNotEqual(changed, lines)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(changed) + "\n")
        r = self.audit()
        mismatches = [f for f in r["failures"] if f["kind"] == audit.MISMATCH]
        self.assertEqual(len(mismatches), 1)
        self.assertEqual((mismatches[0]["file"], mismatches[0]["table"], mismatches[0]["category"], mismatches[0]["column"]),
                         ("m.csv", "calls_by_channel", "email", "2026-01"))
        self.assertIn('CSV shows 14', mismatches[0]["detail"])

    def test_csv_parser(self):
        doc = months_doc(3)
        write(self.collection(), "m", doc, formats=("json", "csv"))
        rel = audit.read_release(os.path.join(self.collection(), "m.json"))
        pub = audit.read_csv(os.path.join(self.collection(), "m.csv"), rel)
        self.assertEqual(pub.k, 5)
        self.assertEqual(pub.cells[("calls_by_channel", "phone", "2025-02")], "below_threshold")
        self.assertEqual(pub.cells[("calls_by_channel", "email", "2025-02")], "secondary")
        self.assertEqual(pub.cells[("calls_by_channel", "phone", "2025-01")], 7)
        self.assertEqual(pub.cells[("calls_by_channel", "total", "2025-01/2025-03")], 45)
        self.assertEqual(pub.cells[("call_time", "calls_timed", "2025-03")], "withheld")
        self.assertIsNone(pub.cells[("call_time", "total_minutes", "2025-03")])
        self.assertEqual(pub.units["calls_by_channel"], "calls")
        self.assertEqual(pub.labels[("calls_by_channel", "phone")], "Phone")
        self.assertEqual(audit.compare(rel, audit.reference(rel), pub, "csv", "m.csv"), [])

    def test_csv_labels_that_would_be_formulas(self):
        doc = months_doc(2)
        rows = doc["tables"][0]["rows"]
        rows[0]["label"] = '=HYPERLINK("x","y")'
        rows[1]["label"] = "'quoted"
        write(self.collection(), "m", doc, formats=("json", "csv"))
        path = os.path.join(self.collection(), "m.csv")
        with open(path, encoding="utf-8") as f:
            written = f.read()
        self.assertIn("""'=HYPERLINK(""x"",""y"")""", written)
        self.assertClean(self.audit())
        # The same label left as a formula is found.
        with open(path, "w", encoding="utf-8") as f:
            f.write(written.replace("'=HYPERLINK", "=HYPERLINK"))
        r = self.audit()
        details = [f["detail"] for f in r["failures"] if f["kind"] == audit.MISMATCH]
        self.assertTrue(details)
        self.assertTrue(all("runs as a formula" in d for d in details), details)

    def test_csv_a_missing_row_and_a_stray_symbol(self):
        doc = months_doc(2)
        write(self.collection(), "m", doc, formats=("json", "csv"))
        path = os.path.join(self.collection(), "m.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        lines = [l for l in lines if not l.startswith("calls_by_channel,calls,phone,Phone,2025-01,")]
        lines = [l.replace("email,Email,2025-02,x", "email,Email,2025-02,<4") for l in lines]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        r = self.audit()
        where = {(f["category"], f["column"]) for f in r["failures"] if f["kind"] == audit.MISMATCH}
        self.assertEqual(where, {("phone", "2025-01"), ("email", "2025-02")})

    def test_xlsx_parser(self):
        doc = months_doc(3)
        write(self.collection(), "m", doc, formats=("json", "xlsx"))
        rel = audit.read_release(os.path.join(self.collection(), "m.json"))
        pub = audit.read_xlsx(os.path.join(self.collection(), "m.xlsx"), rel)
        self.assertEqual(pub.k, 5)
        self.assertEqual(pub.cells[("calls_by_channel", "phone", "2025-01")], 7)
        self.assertEqual(pub.cells[("calls_by_channel", "phone", "2025-02")], "below_threshold")
        self.assertEqual(pub.cells[("calls_by_channel", "total", "2025-01/2025-03")], 45)
        self.assertEqual(pub.cells[("call_time", "calls_timed", "2025-02")], "withheld")
        self.assertEqual(audit.compare(rel, audit.reference(rel), pub, "xlsx", "m.xlsx"), [])

    def test_xlsx_mismatch(self):
        from openpyxl import load_workbook

        doc = months_doc(2)
        write(self.collection(), "m", doc, formats=("json", "xlsx"))
        path = os.path.join(self.collection(), "m.xlsx")
        book = load_workbook(path)
        sheet = book.worksheets[1]
        self.assertEqual(sheet.cell(row=5, column=3).value, "x")  # email, 2025-02
        sheet.cell(row=5, column=3).value = 11
        sheet.cell(row=4, column=1).value = "Telephone"  # the phone row's label
        book.save(path)
        r = self.audit()
        where = {(f["category"], f["column"]) for f in r["failures"] if f["kind"] == audit.MISMATCH}
        self.assertEqual(where, {("email", "2025-02"), ("phone", "label")})

    def test_html_parser_splits_blocks(self):
        doc = months_doc(13)  # 13 months and a period: two blocks of each table
        write(self.collection(), "m", doc, formats=("json", "html"))
        with open(os.path.join(self.collection(), "m.html"), encoding="utf-8") as f:
            page = f.read()
        self.assertEqual(page.count('<table data-table="calls_by_channel">'), 2)
        rel = audit.read_release(os.path.join(self.collection(), "m.json"))
        pub = audit.read_html(os.path.join(self.collection(), "m.html"), rel)
        self.assertEqual(pub.cells[("calls_by_channel", "phone", "2026-01")], 7)
        self.assertEqual(pub.cells[("calls_by_channel", "phone", "2025-02")], "below_threshold")
        self.assertEqual(pub.cells[("calls_by_channel", "total", "2025-01/2026-01")], 195)
        self.assertEqual(pub.cells[("call_time", "calls_timed", "2026-01")], "withheld")
        self.assertEqual(pub.labels[("calls_by_channel", "email")], "Email")
        self.assertEqual(audit.compare(rel, audit.reference(rel), pub, "html", "m.html"), [])
        r = self.audit()
        self.assertEqual([f for f in r["failures"] if f["kind"] == audit.MISMATCH], [])

    def test_html_mismatch(self):
        doc = months_doc(2)
        write(self.collection(), "m", doc, formats=("json", "html"))
        path = os.path.join(self.collection(), "m.html")
        with open(path, encoding="utf-8") as f:
            page = f.read()
        # The first "&lt;5" of the calls table (phone, 2025-02) shown as a count.
        i = page.index('<tr data-category="phone">')
        j = page.index("&lt;5", i)
        page = page[:j] + "3" + page[j + len("&lt;5"):]
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        r = self.audit()
        where = [(f["file"], f["table"], f["category"], f["column"]) for f in r["failures"] if f["kind"] == audit.MISMATCH]
        self.assertEqual(where, [("m.html", "calls_by_channel", "phone", "2025-02")])

    def test_html_period_in_a_block_of_its_own(self):
        doc = months_doc(12)
        write(self.collection(), "m", doc, formats=("json", "html"))
        with open(os.path.join(self.collection(), "m.html"), encoding="utf-8") as f:
            self.assertEqual(f.read().count('<table data-table="calls_by_channel">'), 2)
        self.assertClean(self.audit())

    def test_version_1_formats_read_by_position(self):
        doc = release(["2026-01", "2026-02"], [table("calls_by_channel", {"phone": ["<", 7], "email": ["x", 8]}, [15, 15])],
                      call_time={"2026-01": "x", "2026-02": 15}, version=1)
        write(self.collection(), "m", doc, formats=("json", "csv", "xlsx"))
        write_html(doc, os.path.join(self.collection(), "m.html"), marked=False)
        r = self.audit()
        self.assertClean(r)
        self.assertEqual(r["notes"], [])
        # A difference is still found...
        path = os.path.join(self.collection(), "m.html")
        with open(path, encoding="utf-8") as f:
            page = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(page.replace('<td class="n">8</td>', '<td class="n">9</td>'))
        where = [(f["file"], f["category"], f["column"]) for f in self.audit()["failures"]]
        self.assertEqual(where, [("m.html", "email", "2026-02")])
        # ...and a page that does not read as the layout is a note, not a failure, in version 1.
        with open(path, "w", encoding="utf-8") as f:
            f.write("<html><body><table><tr><td>1</td></tr></table></body></html>")
        r = self.audit()
        self.assertClean(r)
        self.assertEqual(len(r["notes"]), 1)
        self.assertIn("m.html: not compared", r["notes"][0])

    def test_version_2_html_without_the_layout_fails(self):
        write(self.collection(), "m", release(["2026-01"], SAFE), formats=("json",))
        with open(os.path.join(self.collection(), "m.html"), "w", encoding="utf-8") as f:
            f.write("<html><body><p>no tables</p></body></html>")
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.UNREADABLE])

    def test_a_file_without_its_json(self):
        write(self.collection(), "m", release(["2026-01"], SAFE), formats=("json",))
        write(self.collection(), "other", release(["2026-01"], SAFE), formats=("csv",))
        r = self.audit()
        self.assertEqual(self.kinds(r), [audit.UNREADABLE])

    def test_unreadable_json(self):
        os.makedirs(self.collection())
        with open(os.path.join(self.collection(), "m.json"), "w") as f:
            f.write("{not json")
        self.assertEqual(self.kinds(self.audit()), [audit.UNREADABLE])


class CommandLine(Audited):
    def run_audit(self, *args):
        return subprocess.run([sys.executable, os.path.join(HERE, "audit.py"), *args],
                              capture_output=True, text=True, timeout=300)

    def test_exit_status_and_report(self):
        write(os.path.join(self.dir, "root", "safe"), "m", release(["2026-01"], SAFE))
        p = self.run_audit(os.path.join(self.dir, "root"), "--jobs", "1")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("safe: 1 releases", p.stdout)
        self.assertIn("no failures", p.stdout)
        write(os.path.join(self.dir, "root", "attack"), "2026-04", release(["2026-04"], ATTACK))
        report = os.path.join(self.dir, "report.json")
        p = self.run_audit(os.path.join(self.dir, "root"), "--report", report, "--jobs", "2")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("FAIL pinned: file 2026-04.json, table calls_by_situation, category returned, column 2026-04", p.stdout)
        with open(report) as f:
            doc = json.load(f)
        self.assertEqual([c["name"] for c in doc["collections"]], ["attack", "safe"])
        self.assertEqual(doc["failed"], 1)
        # ROOT holding releases itself is one collection.
        p = self.run_audit(os.path.join(self.dir, "root", "safe"))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("1 collections", p.stdout)

    def test_usage_errors(self):
        self.assertEqual(self.run_audit().returncode, 2)
        self.assertEqual(self.run_audit(os.path.join(self.dir, "nowhere")).returncode, 2)
        os.makedirs(os.path.join(self.dir, "empty"))
        self.assertEqual(self.run_audit(os.path.join(self.dir, "empty")).returncode, 2)

    def test_samples(self):
        p = self.run_audit(os.path.join(HERE, "samples"), "--jobs", "1")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)  # the attack samples are meant to fail
        lines = {line.split(":")[0]: line for line in p.stdout.splitlines() if ": " in line}
        self.assertTrue(lines["attack-v1"].endswith("FAIL"), lines)
        self.assertTrue(lines["attack-v2"].endswith("FAIL"), lines)
        self.assertTrue(lines["safe-v2"].endswith("ok"), lines)


if __name__ == "__main__":
    unittest.main()
