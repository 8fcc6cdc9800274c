#!/usr/bin/python3
"""An attacker's audit of Helpline's statistics exports: can anyone holding every export work
out a hidden count to a single value?

Usage: audit.py ROOT [--report FILE.json] [--jobs N] [--fast] [--verbose]

ROOT is a directory of collections, each a subdirectory holding everything one attacker holds:
releases (exports), each as NAME.json and optionally NAME.csv, NAME.xlsx, NAME.html (the same
release in other formats), and optionally truth.json (the true counts behind them). If ROOT
itself holds *.json files other than truth.json, ROOT is one collection.

For each collection the audit:
  1. reads every release from its JSON and checks that its CSV, XLSX and HTML publish exactly
     the same values ("format mismatch" otherwise);
  2. checks that a month published by two releases is published the same by both ("month
     changed between releases" otherwise);
  3. builds one integer program over everything the collection publishes (the sums of the
     tables, the period columns, what each symbol says, and facts true of any data: cases <=
     calls, cases at a level <= calls at it, cases whose level rose <= cases at step 2 or 3,
     timed calls <= calls);
  4. finds the minimum and maximum of every hidden value ("<k", "x", "..", hidden totals and
     period columns, hidden timed calls); a value whose minimum is its maximum is PINNED
     (except a ".." that can only be zero: zero describes nobody, as a shown 0 does);
  5. with truth.json, checks the truth satisfies the program and every shown count.

It is written from the export file formats alone, independently of the Rust suppression code,
so that it can serve as that code's test oracle.

How the bounds are found: every integer solution found (the truth first, when it fits; then
one with every hidden value as low as it can be together, one as high) is kept as a witness;
bounds every solution keeps are propagated through the constraints, as a presolve does. An end
a witness already reaches at such a bound needs no solve; every other end is one exact integer
solve (HiGHS through scipy.optimize.milp, relative gap 0). A maximum is searched under a cap;
one reaching the cap is proved unbounded on the linear relaxation (the program is feasible and
rational, so an unbounded relaxation means an unbounded integer program), or else solved
exactly under the relaxation's bound. --fast skips the solves of values already seen to vary:
pinned or not is still decided, but their ranges may be left open.

Exit status: 0 when no collection fails, 1 when any does, 2 on a usage error.
"""

import argparse
import csv
import json
import math
import multiprocessing
import os
import re
import sys
import time
import traceback
from collections import OrderedDict, defaultdict
from html.parser import HTMLParser

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

KINDS = ("below_threshold", "secondary", "withheld")
EXTENSIONS = ("json", "csv", "xlsx", "html")
CALL_TIME_CODES = ("calls_timed", "total_minutes", "median_minutes")
MINUTES_CODES = ("total_minutes", "median_minutes")

# Only what the structural facts need is hard-coded; tables and units come from the files.
CALLS, CASES = "calls", "cases"
CALLS_BY_LEVEL = "calls_by_level"
CASES_BY_HIGHEST_LEVEL = "cases_by_highest_level"
CASES_LEVEL_ROSE = "cases_level_rose"
LEVELS = ("not_assessed", "strong_interest", "wish_to_leave", "in_transit_country")
ROSE = "rose"
HIGH_LEVELS = ("wish_to_leave", "in_transit_country")

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
DIGITS = re.compile(r"\d+")
# Marks that change how text runs but not what it says (an Arabic page may wrap "<5" in them).
BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"))

# Failure kinds.
PINNED = "pinned"
MISMATCH = "format mismatch"
MONTH_CHANGED = "month changed between releases"
TRUTH_INFEASIBLE = "truth infeasible"
TRUTH_COUNT = "shown count differs from truth"
UNREADABLE = "unreadable file"
INFEASIBLE = "publication infeasible"
SOLVER = "solver gave up"
INTERNAL = "internal error"


class Unreadable(Exception):
    """A file that cannot be read as the format it claims to be."""


# ---------------------------------------------------------------------------------------------
# Releases


class Row:
    def __init__(self, category, label, values, period):
        self.category, self.label, self.values, self.period = category, label, values, period


class Table:
    def __init__(self, id, title, unit, rows, totals, period_total):
        self.id, self.title, self.unit = id, title, unit
        self.rows, self.totals, self.period_total = rows, totals, period_total


class Release:
    """One export, as its JSON says. A published value is an int (a count) or one of KINDS;
    minutes are an int or None (hidden)."""

    def __init__(self, name, path):
        self.name = name  # the stem
        self.path = path
        self.file = os.path.basename(path)
        self.version = 1
        self.k = None
        self.symbols = {}
        self.months = []
        self.period = None  # the months of the period column, or None
        self.period_column = None  # "YYYY-MM/YYYY-MM"
        self.tables = []
        self.call_time = OrderedDict()  # month -> (calls_timed, total_minutes, median_minutes)
        self.problems = []  # (table, category, column, detail) found reading it

    def columns(self):
        return list(self.months) + ([self.period_column] if self.period_column else [])

    def show(self, value):
        """A value as the release prints it."""
        if isinstance(value, bool) or value is None:
            return "hidden" if value is None else repr(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str) and value in KINDS:
            return f'"{self.symbols.get(value, value)}" ({value})'
        if isinstance(value, tuple) and value and value[0] == "text":
            return repr(value[1])
        return repr(value)


def _published(p, where):
    if not isinstance(p, dict) or "shown" not in p:
        raise Unreadable(f"{where}: not a published value: {p!r}")
    shown = p["shown"]
    if shown == "count":
        v = p.get("value")
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise Unreadable(f"{where}: a count that is not a whole number >= 0: {p!r}")
        return v
    if shown in KINDS:
        return shown
    raise Unreadable(f"{where}: unknown shown {shown!r}")


def _minutes(v, where):
    if v is None:
        return None
    if isinstance(v, int) and not isinstance(v, bool) and v >= 0:
        return v
    raise Unreadable(f"{where}: minutes that are neither a whole number nor null: {v!r}")


def _month(m, where):
    if not isinstance(m, str) or not MONTH.fullmatch(m):
        raise Unreadable(f"{where}: not a month YYYY-MM: {m!r}")
    return m


def read_release(path):
    """Reads one release's JSON (version 1 or 2)."""
    name = os.path.splitext(os.path.basename(path))[0]
    rel = Release(name, path)
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Unreadable(f"not readable JSON: {e}") from e
    if not isinstance(doc, dict):
        raise Unreadable("not a JSON object")
    version = doc.get("version")
    if version is None:
        rel.version = 1
    elif version == 2:
        rel.version = 2
        if doc.get("format") != "helpline-statistics":
            rel.problems.append((None, None, None, f'"format" is {doc.get("format")!r}, not "helpline-statistics"'))
    else:
        raise Unreadable(f"unknown version {version!r}")
    dc = doc.get("disclosure_control")
    if not isinstance(dc, dict):
        raise Unreadable("no disclosure_control")
    k = dc.get("k")
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise Unreadable(f"disclosure_control.k is not a whole number >= 1: {k!r}")
    rel.k = k
    symbols = {"below_threshold": f"<{k}", "secondary": "x", "withheld": ".."}
    if rel.version == 2:
        given = dc.get("symbols")
        if not isinstance(given, dict) or not all(isinstance(given.get(s), str) for s in KINDS):
            raise Unreadable("disclosure_control.symbols must give below_threshold, secondary and withheld")
        symbols = {s: given[s] for s in KINDS}
        if len(set(symbols.values())) != 3 or any(DIGITS.fullmatch(s) for s in symbols.values()):
            raise Unreadable(f"the symbols cannot be told apart from each other or from counts: {symbols}")
    rel.symbols = symbols
    months = doc.get("months")
    if not isinstance(months, list) or not months:
        raise Unreadable("no months")
    rel.months = [_month(m, "months") for m in months]
    if len(set(rel.months)) != len(rel.months):
        raise Unreadable(f"a month appears twice in months: {rel.months}")
    period = doc.get("period") if rel.version == 2 else None
    if period is not None:
        if not isinstance(period, dict) or not isinstance(period.get("months"), list) or not period["months"]:
            raise Unreadable(f"period is neither null nor an object with months: {period!r}")
        pm = [_month(m, "period.months") for m in period["months"]]
        first, last = period.get("from"), period.get("to")
        if first != pm[0] or last != pm[-1]:
            rel.problems.append((None, None, None, f"period from/to {first!r}/{last!r} are not the first and last of its months {pm}"))
        outside = [m for m in pm if m not in rel.months]
        if outside:
            rel.problems.append((None, None, None, f"period months {outside} are not month columns of the release"))
        if len(set(pm)) != len(pm):
            raise Unreadable(f"a month appears twice in the period: {pm}")
        rel.period = pm
        rel.period_column = f"{first}/{last}" if isinstance(first, str) and isinstance(last, str) else f"{pm[0]}/{pm[-1]}"
    n = len(rel.months)
    tables = doc.get("tables")
    if not isinstance(tables, list):
        raise Unreadable("no tables")
    seen = set()
    for ti, t in enumerate(tables):
        if not isinstance(t, dict) or not isinstance(t.get("id"), str) or not isinstance(t.get("unit"), str):
            raise Unreadable(f"tables[{ti}] has no id or unit")
        tid = t["id"]
        if tid in seen or tid == "call_time":
            raise Unreadable(f"table {tid} appears twice (or is named call_time)")
        seen.add(tid)
        rows = []
        cats = set()
        for ri, r in enumerate(t.get("rows") or []):
            where = f"table {tid} row {ri}"
            if not isinstance(r, dict) or not isinstance(r.get("category"), str):
                raise Unreadable(f"{where}: no category")
            c = r["category"]
            if c in cats or c == "total":
                raise Unreadable(f"{where}: category {c!r} appears twice or is called total")
            cats.add(c)
            values = r.get("values")
            if not isinstance(values, list) or len(values) != n:
                raise Unreadable(f"{where} ({c}): values do not align with the {n} months")
            values = [_published(v, f"{where} ({c}) {m}") for v, m in zip(values, rel.months)]
            pv = None
            if rel.period:
                pv = _published(r.get("period"), f"{where} ({c}) period")
            rows.append(Row(c, r.get("label") if isinstance(r.get("label"), str) else "", values, pv))
        totals = t.get("totals")
        if not isinstance(totals, list) or len(totals) != n:
            raise Unreadable(f"table {tid}: totals do not align with the {n} months")
        totals = [_published(v, f"table {tid} total {m}") for v, m in zip(totals, rel.months)]
        pt = _published(t.get("period_total"), f"table {tid} period_total") if rel.period else None
        rel.tables.append(Table(tid, t.get("title") if isinstance(t.get("title"), str) else "", t["unit"], rows, totals, pt))
    ct = doc.get("call_time")
    if ct is None:
        ct = []
    if not isinstance(ct, list):
        raise Unreadable("call_time is not a list")
    for i, e in enumerate(ct):
        if not isinstance(e, dict):
            raise Unreadable(f"call_time[{i}] is not an object")
        m = _month(e.get("month"), f"call_time[{i}]")
        if m in rel.call_time:
            raise Unreadable(f"call_time: month {m} twice")
        rel.call_time[m] = (
            _published(e.get("calls_timed"), f"call_time {m} calls_timed"),
            _minutes(e.get("total_minutes"), f"call_time {m} total_minutes"),
            _minutes(e.get("median_minutes"), f"call_time {m} median_minutes"),
        )
    if ct and list(rel.call_time) != rel.months:
        rel.problems.append(("call_time", None, None, f"call_time months {list(rel.call_time)} are not the months {rel.months}"))
    return rel


class Published:
    """What one file of a release publishes, for comparing formats: cells keyed by
    (table, category or "total", column) and ("call_time", code, month); labels by
    (table, category)."""

    def __init__(self):
        self.cells = OrderedDict()
        self.labels = {}
        self.titles = {}
        self.units = {}
        self.k = None
        self.problems = []  # (table, category, column, detail)

    def put(self, key, value):
        if key in self.cells and self.cells[key] != value:
            self.problems.append((key[0], key[1], key[2], f"published twice, differently: {self.cells[key]!r} and {value!r}"))
        elif key in self.cells:
            self.problems.append((key[0], key[1], key[2], "published twice"))
        self.cells[key] = value


def reference(rel):
    """What the JSON of a release publishes."""
    pub = Published()
    pub.k = rel.k
    for t in rel.tables:
        pub.titles[t.id] = t.title
        pub.units[t.id] = t.unit
        for r in t.rows:
            pub.labels[(t.id, r.category)] = r.label
            for m, v in zip(rel.months, r.values):
                pub.put((t.id, r.category, m), v)
            if rel.period_column:
                pub.put((t.id, r.category, rel.period_column), r.period)
        for m, v in zip(rel.months, t.totals):
            pub.put((t.id, "total", m), v)
        if rel.period_column:
            pub.put((t.id, "total", rel.period_column), t.period_total)
    for m, values in rel.call_time.items():
        for code, v in zip(CALL_TIME_CODES, values):
            pub.put(("call_time", code, m), v)
    return pub


def _clean(text):
    return " ".join(str(text).translate(BIDI).split())


def text_value(text, rel, minutes=False):
    """A printed value as the release means it: an int, a kind (minutes: None when hidden), or
    ("text", text) when it is neither."""
    s = _clean(text)
    if DIGITS.fullmatch(s):
        return int(s)
    for kind in KINDS:
        if s == rel.symbols[kind]:
            if minutes:
                return None if kind in ("secondary", "withheld") else ("text", s)
            return kind
    return ("text", s)


def cell_value(v, rel, minutes=False):
    """A spreadsheet cell's value (openpyxl gives int, float, str or None)."""
    if v is None:
        return ("text", "")
    if isinstance(v, bool):
        return ("text", str(v))
    if isinstance(v, int):
        return v if v >= 0 else ("text", str(v))
    if isinstance(v, float):
        return int(v) if v.is_integer() and v >= 0 else ("text", repr(v))
    return text_value(v, rel, minutes)


# ---------------------------------------------------------------------------------------------
# The other formats


# What makes a spreadsheet run a cell as a formula (OWASP's list); the export writes such a cell,
# and one beginning with ', after a '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text):
    """A CSV cell as the export meant it (one leading ' removed where the export added it), and
    whether it is left as a spreadsheet would run it."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS + ("'",)):
        return text[1:], False
    return text, text.startswith(FORMULA_STARTS)


def read_csv(path, rel):
    pub = Published()
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise Unreadable(f"not readable CSV: {e}") from e
    if not rows or [h.strip() for h in rows[0]] != ["table", "unit", "category", "label", "month", "value"]:
        raise Unreadable(f"the header is not table,unit,category,label,month,value: {rows[0] if rows else None}")
    for i, row in enumerate(rows[1:], start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != 6:
            raise Unreadable(f"line {i} has {len(row)} fields, not 6: {row}")
        cells = [csv_cell(c) for c in row]
        table, unit, category, label, month, value = (c for c, _ in cells)
        for c, formula in cells:
            if formula:
                pub.problems.append((table, category, month, f"the cell {c!r} runs as a formula in a spreadsheet"))
        if table == "about":
            if category == "k":
                pub.k = int(value) if DIGITS.fullmatch(value.strip()) else value
            continue
        if table == "call_time":
            pub.put((table, category, month), text_value(value, rel, minutes=category in MINUTES_CODES))
            continue
        if table in pub.units and pub.units[table] != unit:
            pub.problems.append((table, category, month, f"unit {unit!r} here, {pub.units[table]!r} above"))
        pub.units.setdefault(table, unit)
        if category != "total":
            if (table, category) in pub.labels and pub.labels[(table, category)] != label:
                pub.problems.append((table, category, month, f"label {label!r} here, {pub.labels[(table, category)]!r} above"))
            pub.labels.setdefault((table, category), label)
        pub.put((table, category, month), text_value(value, rel))
    return pub


def read_xlsx(path, rel):
    try:
        from openpyxl import load_workbook
    except ImportError as e:  # pragma: no cover - Debian's python3-openpyxl is expected
        raise Unreadable(f"openpyxl is not installed: {e}") from e
    try:
        # Read-only is several times faster; reset_dimensions() reads every row whatever the
        # file's stated dimension says.
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            grids = []
            for sheet in book.worksheets:
                sheet.reset_dimensions()
                grids.append([tuple(row) for row in sheet.iter_rows(values_only=True)])
        finally:
            book.close()
    except Exception as e:  # openpyxl raises many kinds; any means a broken file
        raise Unreadable(f"does not open in openpyxl: {type(e).__name__}: {e}") from e
    pub = Published()
    if not grids:
        raise Unreadable("no sheets")
    for row in grids[0]:
        for i, v in enumerate(row[:-1]):
            if v == "k" and isinstance(row[i + 1], (int, float)) and not isinstance(row[i + 1], bool):
                pub.k = int(row[i + 1])
    expected = len(rel.tables) + 2
    if len(grids) != expected:
        pub.problems.append((None, None, None, f"{len(grids)} sheets, not {expected} (rules, {len(rel.tables)} tables, call time)"))
    sheets = grids
    grids = grids[1:]

    def cell(grid, r, c):
        return grid[r][c] if r < len(grid) and c < len(grid[r]) else None

    def header(grid):
        cols = []
        for c in range(1, len(grid[2]) if len(grid) > 2 else 0):
            v = grid[2][c]
            if v is None:
                break
            cols.append(_clean(v))
        return cols

    def extra_rows(grid, start, table):
        for r in range(start, len(grid)):
            if any(v is not None and _clean(v) != "" for v in grid[r]):
                pub.problems.append((table, None, None, f"row {r + 1} of its sheet is more than the layout has: {grid[r]}"))
                return

    for t, grid in zip(rel.tables, grids):
        title = cell(grid, 0, 0)
        pub.titles[t.id] = _clean(title) if title is not None else ""
        cols = header(grid)
        for i, r in enumerate(t.rows):
            label = cell(grid, 3 + i, 0)
            pub.labels[(t.id, r.category)] = _clean(label) if label is not None else ""
            for j, col in enumerate(cols):
                pub.put((t.id, r.category, col), cell_value(cell(grid, 3 + i, 1 + j), rel))
        for j, col in enumerate(cols):
            pub.put((t.id, "total", col), cell_value(cell(grid, 3 + len(t.rows), 1 + j), rel))
        extra_rows(grid, 4 + len(t.rows), t.id)
    if len(grids) > len(rel.tables):
        grid = grids[len(rel.tables)] if len(sheets) == expected else grids[-1]
        cols = header(grid)
        for i, code in enumerate(CALL_TIME_CODES):
            for j, col in enumerate(cols):
                pub.put(("call_time", code, col), cell_value(cell(grid, 3 + i, 1 + j), rel, minutes=code in MINUTES_CODES))
        extra_rows(grid, 3 + len(CALL_TIME_CODES), "call_time")
    return pub


class _Tables(HTMLParser):
    """Every <table> of a page: its attributes and rows, each row's attributes, section and
    cells (tag, attributes, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.table, self.section, self.row, self.cell = [], None, None, None, None
        self.depth = 0

    def _end_cell(self):
        if self.cell is not None and self.row is not None:
            tag, attrs, text = self.cell
            self.row["cells"].append((tag, attrs, "".join(text)))
        self.cell = None

    def _end_row(self):
        self._end_cell()
        if self.row is not None and self.table is not None:
            self.table["rows"].append(self.row)
        self.row = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.table = {"attrs": a, "rows": []}
                self.section = None
            return
        if self.table is None or self.depth != 1:
            return
        if tag in ("thead", "tbody", "tfoot"):
            self._end_row()
            self.section = tag
        elif tag == "tr":
            self._end_row()
            self.row = {"attrs": a, "section": self.section, "cells": []}
        elif tag in ("th", "td") and self.row is not None:
            self._end_cell()
            self.cell = (tag, a, [])

    def handle_endtag(self, tag):
        if tag == "table":
            if self.depth == 1 and self.table is not None:
                self._end_row()
                self.tables.append(self.table)
                self.table = None
            self.depth = max(0, self.depth - 1)
            return
        if self.table is None or self.depth != 1:
            return
        if tag in ("th", "td"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag in ("thead", "tbody", "tfoot"):
            self._end_row()
            self.section = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2].append(data)


def read_html(path, rel):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise Unreadable(f"not readable: {e}") from e
    parser = _Tables()
    parser.feed(text)
    parser.close()
    pub = Published()
    marked = [t for t in parser.tables if "data-table" in t["attrs"]]
    if marked:
        for t in marked:
            tid = t["attrs"]["data-table"]
            cols = None
            for row in t["rows"]:
                cells = row["cells"]
                heads = [(a, x) for tag, a, x in cells if tag == "th" and a.get("scope") == "col"]
                if heads and "data-category" not in row["attrs"]:
                    cols = [_clean(a["data-column"]) for a, x in heads if "data-column" in a]
                    continue
                if "data-category" not in row["attrs"]:
                    continue
                category = row["attrs"]["data-category"]
                if cols is None:
                    raise Unreadable(f'a <table data-table="{tid}"> has a row before its header of data-column cells')
                label = next((x for tag, a, x in cells if tag == "th"), "")
                values = [x for tag, a, x in cells if tag == "td"]
                if len(values) != len(cols):
                    pub.problems.append((tid, category, None, f"{len(values)} <td> cells under {len(cols)} columns"))
                if tid != "call_time" and category != "total":
                    key = (tid, category)
                    if key in pub.labels and pub.labels[key] != _clean(label):
                        pub.problems.append((tid, category, None, f"label {_clean(label)!r} in one block, {pub.labels[key]!r} in another"))
                    pub.labels[key] = _clean(label)
                for col, v in zip(cols, values):
                    minutes = tid == "call_time" and category in MINUTES_CODES
                    pub.put((tid, category, col), text_value(v, rel, minutes))
        return pub
    # Version 1: no data-* attributes. The tables come in JSON order, then call time, each in
    # blocks of up to 12 months; rows are in JSON order with the total last (in <tfoot>).
    if rel.version != 1:
        raise Unreadable("no <table data-table=...>: not the version-2 layout")
    blocks = list(parser.tables)
    wanted = [(t.id, [r.category for r in t.rows] + ["total"]) for t in rel.tables]
    wanted.append(("call_time", list(CALL_TIME_CODES)))
    for tid, codes in wanted:
        expected = len(rel.columns())
        got = 0
        while got < expected:
            if not blocks:
                raise Unreadable(f"the page ends before table {tid} (version-1 layout, read by position)")
            b = blocks.pop(0)
            head = [r for r in b["rows"] if r["section"] == "thead"]
            body = [r for r in b["rows"] if r["section"] != "thead"]
            if len(head) != 1 or len(body) != len(codes):
                raise Unreadable(f"a block of table {tid} has {len(body)} rows, not {len(codes)} (version-1 layout, read by position)")
            cols = [_clean(x) for tag, a, x in head[0]["cells"] if tag == "th"][1:]
            if not cols:
                raise Unreadable(f"a block of table {tid} has no columns")
            got += len(cols)
            for code, row in zip(codes, body):
                label = next((x for tag, a, x in row["cells"] if tag == "th"), "")
                values = [x for tag, a, x in row["cells"] if tag == "td"]
                if len(values) != len(cols):
                    raise Unreadable(f"a row of table {tid} has {len(values)} cells under {len(cols)} columns")
                if tid != "call_time" and code != "total":
                    pub.labels[(tid, code)] = _clean(label)
                for col, v in zip(cols, values):
                    pub.put((tid, code, col), text_value(v, rel, tid == "call_time" and code in MINUTES_CODES))
    if blocks:
        raise Unreadable(f"{len(blocks)} more <table> elements than the release has tables")
    return pub


READERS = {"csv": read_csv, "xlsx": read_xlsx, "html": read_html}


def compare(rel, ref, other, ext, file):
    """Every way `other` (the release's CSV, XLSX or HTML, in `file`) publishes differently
    from its JSON."""
    out = []

    def differ(table, category, column, detail):
        out.append(failure(MISMATCH, file=file, table=table, category=category, column=column, detail=detail))

    for t, c, col, detail in other.problems:
        differ(t, c, col, detail)
    for key, v in ref.cells.items():
        if key not in other.cells:
            differ(*key, f"JSON shows {rel.show(v)}, {ext.upper()} shows nothing")
        elif other.cells[key] != v:
            differ(*key, f"JSON shows {rel.show(v)}, {ext.upper()} shows {rel.show(other.cells[key])}")
    for key, v in other.cells.items():
        if key not in ref.cells:
            differ(*key, f"{ext.upper()} shows {rel.show(v)}, JSON has no such cell")
    for key, label in ref.labels.items():
        if key in other.labels and _clean(label) != other.labels[key]:
            differ(key[0], key[1], "label", f"JSON label {label!r}, {ext.upper()} label {other.labels[key]!r}")
    for tid, title in ref.titles.items():
        if tid in other.titles and _clean(title) != other.titles[tid]:
            differ(tid, None, "title", f"JSON title {title!r}, {ext.upper()} title {other.titles[tid]!r}")
    for tid, unit in ref.units.items():
        if tid in other.units and unit != other.units[tid]:
            differ(tid, None, "unit", f"JSON unit {unit!r}, {ext.upper()} unit {other.units[tid]!r}")
    if ext in ("csv", "xlsx") and other.k != ref.k:
        differ(None, None, None, f"JSON k = {ref.k}, {ext.upper()} k = {other.k!r}")
    return out


def failure(kind, **fields):
    f = {"kind": kind}
    f.update({k: v for k, v in fields.items() if v is not None})
    return f


def describe(f):
    where = []
    for key in ("file", "table", "category", "column"):
        if key in f:
            where.append(f"{key} {f[key]}")
    text = f["kind"]
    if where:
        text += ": " + ", ".join(where)
    if "detail" in f:
        text += ": " + f["detail"]
    return text


# ---------------------------------------------------------------------------------------------
# The integer program


class Program:
    """Integer variables >= 0, each with named linear constraints lo <= sum(coef * var) <= hi."""

    def __init__(self):
        self.index = {}
        self.keys = []
        self.constraints = []  # (coefs: tuple of (var, coef), lo, hi, name)
        self._seen = set()
        self.observations = []

    def var(self, key):
        v = self.index.get(key)
        if v is None:
            v = self.index[key] = len(self.keys)
            self.keys.append(key)
        return v

    def has(self, key):
        return key in self.index

    def add(self, coefs, lo, hi, name, tag=None):
        coefs = tuple(sorted((v, c) for v, c in coefs.items() if c != 0))
        sig = (coefs, lo, hi)
        if sig in self._seen:
            return
        self._seen.add(sig)
        self.constraints.append((coefs, lo, hi, name, tag))

    def compile(self):
        n = len(self.keys)
        self.n = n
        self.lo = np.zeros(n)
        self.hi = np.full(n, np.inf)
        rows, cols, data, blo, bhi, self.row_names = [], [], [], [], [], []
        for coefs, lo, hi, name, _ in self.constraints:
            if len(coefs) == 1 and coefs[0][1] == 1:
                v = coefs[0][0]
                self.lo[v] = max(self.lo[v], lo)
                self.hi[v] = min(self.hi[v], hi)
                continue
            r = len(blo)
            for v, c in coefs:
                rows.append(r)
                cols.append(v)
                data.append(float(c))
            blo.append(lo)
            bhi.append(hi)
            self.row_names.append(name)
        self.A = csr_matrix((data, (rows, cols)), shape=(len(blo), n)) if blo else None
        self.blo = np.array(blo, dtype=float)
        self.bhi = np.array(bhi, dtype=float)

    def satisfied(self, x):
        """Whether the integer vector x satisfies every constraint (exactly)."""
        if np.any(x < self.lo) or np.any(x > self.hi):
            return False
        if self.A is not None:
            ax = self.A @ x
            if np.any(ax < self.blo - 1e-9) or np.any(ax > self.bhi + 1e-9):
                return False
        return True

    def violations(self, x):
        """The named constraints that x violates, in the order they were made."""
        out = []
        for coefs, lo, hi, name, tag in self.constraints:
            value = sum(c * x[v] for v, c in coefs)
            if value < lo or value > hi:
                out.append((name, value, lo, hi, tag))
        return out


def propagate(prog):
    """Bounds on every variable that every solution keeps, found one constraint at a time (as a
    solver's presolve does): (lower, upper) lists, or None when some variable has none left
    (no solution). They save solves: a value a solution reaches at such a bound is its min or
    max. Every coefficient here is whole, so bounds are rounded to whole numbers."""
    inf = math.inf
    L = [float(v) for v in prog.lo]
    H = [float(v) for v in prog.hi]
    rows = [(coefs, lo, hi) for coefs, lo, hi, _, _ in prog.constraints if not (len(coefs) == 1 and coefs[0][1] == 1)]
    touching = [[] for _ in range(prog.n)]
    for r, (coefs, _, _) in enumerate(rows):
        for v, _ in coefs:
            touching[v].append(r)
    queue = list(range(len(rows)))
    queued = [True] * len(rows)
    budget = 200 * (len(rows) + 1)
    while queue and budget > 0:
        budget -= 1
        r = queue.pop()
        queued[r] = False
        coefs, lo, hi = rows[r]
        # The least and greatest the row's sum can be, with how many parts are unbounded.
        least, least_inf, most, most_inf = 0.0, 0, 0.0, 0
        for v, c in coefs:
            if c > 0:
                least += c * L[v]
                if H[v] == inf:
                    most_inf += 1
                else:
                    most += c * H[v]
            else:
                most += c * L[v]
                if H[v] == inf:
                    least_inf += 1
                else:
                    least += c * H[v]
        changed = []
        for v, c in coefs:
            if c > 0:
                part_least, part_least_inf = c * L[v], False
                part_most_inf = H[v] == inf
                part_most = 0.0 if part_most_inf else c * H[v]
            else:
                part_most, part_most_inf = c * L[v], False
                part_least_inf = H[v] == inf
                part_least = 0.0 if part_least_inf else c * H[v]
            rest_least = -inf if least_inf - part_least_inf > 0 else least - part_least
            rest_most = inf if most_inf - part_most_inf > 0 else most - part_most
            new_l, new_h = L[v], H[v]
            if hi < inf and rest_least > -inf:  # c * v <= hi - rest_least
                b = (hi - rest_least) / c
                if c > 0:
                    new_h = min(new_h, math.floor(b + 1e-9))
                else:
                    new_l = max(new_l, math.ceil(b - 1e-9))
            if lo > -inf and rest_most < inf:  # c * v >= lo - rest_most
                b = (lo - rest_most) / c
                if c > 0:
                    new_l = max(new_l, math.ceil(b - 1e-9))
                else:
                    new_h = min(new_h, math.floor(b + 1e-9))
            if new_l > new_h:
                return None
            if new_l > L[v] or new_h < H[v]:
                changed.append((v, new_l, new_h))
                break  # the row's sums are stale now: go round it again
        for v, new_l, new_h in changed:
            L[v], H[v] = new_l, new_h
            for r2 in touching[v]:
                if not queued[r2]:
                    queued[r2] = True
                    queue.append(r2)
    return L, H


def _range(lo, hi):
    hi = "inf" if hi == math.inf else str(int(hi))
    return f"[{int(lo)}, {hi}]"


def observation_bounds(value, k, version, is_total):
    if isinstance(value, int):
        return value, value
    if value == "below_threshold":
        return 1, k - 1
    if value == "secondary":
        return (1 if (version == 1 and is_total) else k), math.inf
    return 0, math.inf  # withheld


def build(releases):
    """The one integer program over everything the releases publish."""
    prog = Program()
    prog.unit_changes = []
    union = OrderedDict()  # table -> ordered categories, over every release
    units = {}
    present = set()  # (table, month) published by some release
    for rel in releases:
        for t in rel.tables:
            cats = union.setdefault(t.id, OrderedDict())
            for r in t.rows:
                cats[r.category] = True
            if units.setdefault(t.id, t.unit) != t.unit:
                prog.unit_changes.append((rel.file, t.id, t.unit, units[t.id]))
            for m in rel.months:
                present.add((t.id, m))
    # The codes the structural facts use are categories of their tables even where no release
    # lists them (an unlisted category is 0 wherever its table is published).
    if CALLS_BY_LEVEL in union and CASES_BY_HIGHEST_LEVEL in union:
        for tid in (CALLS_BY_LEVEL, CASES_BY_HIGHEST_LEVEL):
            for l in LEVELS:
                union[tid].setdefault(l, True)
    if CASES_LEVEL_ROSE in union and CASES_BY_HIGHEST_LEVEL in union:
        union[CASES_LEVEL_ROSE].setdefault(ROSE, True)
        for l in HIGH_LEVELS:
            union[CASES_BY_HIGHEST_LEVEL].setdefault(l, True)

    def x(t, c, m):
        return prog.var(("x", t, c, m))

    def U(u, m):
        return prog.var(("U", u, m))

    def observe(rel, table, category, column, value, var, is_total):
        lo, hi = observation_bounds(value, rel.k, rel.version, is_total)
        shown = rel.show(value)
        prog.observations.append({
            "release": rel.file, "table": table, "category": category, "column": column,
            "value": value, "shown": shown, "k": rel.k, "var": var, "lo": lo, "hi": hi,
        })
        prog.add({var: 1}, lo, hi, f"{rel.file} {table} {category} {column} shows {shown}, so {_range(lo, hi)}",
                 "count" if isinstance(value, int) else None)

    summed = set()  # (table, month) a period covers but no release shows as a column
    for rel in releases:
        for t in rel.tables:
            u = t.unit
            listed = [r.category for r in t.rows]
            unlisted = [c for c in union[t.id] if c not in set(listed)]
            for i, m in enumerate(rel.months):
                coefs = defaultdict(int)
                for c in listed:
                    coefs[x(t.id, c, m)] += 1
                coefs[U(u, m)] -= 1
                prog.add(coefs, 0, 0, f"{rel.file} {t.id} {m}: its categories sum to the {u} total")
                for c in unlisted:
                    prog.add({x(t.id, c, m): 1}, 0, 0, f"{rel.file} {t.id} {m}: {c} is not listed, so 0")
                for r in t.rows:
                    observe(rel, t.id, r.category, m, r.values[i], x(t.id, r.category, m), False)
                observe(rel, t.id, "total", m, t.totals[i], U(u, m), True)
            if rel.period:
                pk = tuple(rel.period)
                col = rel.period_column
                for r in t.rows:
                    p = prog.var(("p", pk, t.id, r.category))
                    coefs = defaultdict(int)
                    coefs[p] += 1
                    for m in pk:
                        coefs[x(t.id, r.category, m)] -= 1
                    prog.add(coefs, 0, 0, f"{rel.file} {t.id} {r.category} {col} is the sum of its months")
                    observe(rel, t.id, r.category, col, r.period, p, False)
                P = prog.var(("P", pk, u))
                coefs = defaultdict(int)
                coefs[P] += 1
                for m in pk:
                    coefs[U(u, m)] -= 1
                prog.add(coefs, 0, 0, f"{rel.file} {t.id} total {col} is the sum of its months")
                observe(rel, t.id, "total", col, t.period_total, P, True)
                # A period month that no release shows as a column still sums to its total.
                for m in pk:
                    if (t.id, m) not in present:
                        coefs = defaultdict(int)
                        for c in union[t.id]:
                            coefs[x(t.id, c, m)] += 1
                        coefs[U(u, m)] -= 1
                        prog.add(coefs, 0, 0, f"{t.id} {m}: its categories sum to the {u} total")
                        summed.add((t.id, m))
        for m, (timed, _, _) in rel.call_time.items():
            observe(rel, "call_time", "calls_timed", m, timed, prog.var(("T", m)), False)

    months = sorted({m for rel in releases for m in rel.months} | {m for rel in releases for m in (rel.period or [])})
    present |= summed
    for m in months:
        if prog.has(("U", CASES, m)) and prog.has(("U", CALLS, m)):
            prog.add({U(CASES, m): 1, U(CALLS, m): -1}, -math.inf, 0, f"fact a, {m}: cases <= calls")
        if (CASES_BY_HIGHEST_LEVEL, m) in present and (CALLS_BY_LEVEL, m) in present:
            for l in LEVELS:
                prog.add({x(CASES_BY_HIGHEST_LEVEL, l, m): 1, x(CALLS_BY_LEVEL, l, m): -1}, -math.inf, 0,
                         f"fact b, {m}: cases at highest level {l} <= calls at level {l}")
        if (CASES_LEVEL_ROSE, m) in present and (CASES_BY_HIGHEST_LEVEL, m) in present:
            coefs = {x(CASES_LEVEL_ROSE, ROSE, m): 1}
            for l in HIGH_LEVELS:
                coefs[x(CASES_BY_HIGHEST_LEVEL, l, m)] = -1
            prog.add(coefs, -math.inf, 0, f"fact c, {m}: cases whose level rose <= cases at wish_to_leave or in_transit_country")
        if prog.has(("T", m)) and prog.has(("U", CALLS, m)):
            prog.add({prog.var(("T", m)): 1, U(CALLS, m): -1}, -math.inf, 0, f"fact d, {m}: calls timed <= calls")
    prog.units = units
    prog.union = union
    prog.compile()
    return prog


# ---------------------------------------------------------------------------------------------
# Truth


def read_truth(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Unreadable(f"not readable JSON: {e}") from e
    months = doc.get("months") if isinstance(doc, dict) else None
    if not isinstance(months, dict):
        raise Unreadable('no "months" object')
    truth = {}
    for m, entry in months.items():
        _month(m, "truth months")
        if not isinstance(entry, dict):
            raise Unreadable(f"month {m} is not an object")
        tables = entry.get("tables") or {}
        if not isinstance(tables, dict):
            raise Unreadable(f"month {m}: tables is not an object")
        tt = {}
        for tid, cats in tables.items():
            if not isinstance(cats, dict):
                raise Unreadable(f"month {m} table {tid} is not an object")
            for c, n in cats.items():
                if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                    raise Unreadable(f"month {m} table {tid} category {c}: not a whole number >= 0: {n!r}")
            tt[tid] = dict(cats)
        timed = entry.get("calls_timed")
        if timed is not None and (not isinstance(timed, int) or isinstance(timed, bool) or timed < 0):
            raise Unreadable(f"month {m}: calls_timed is not a whole number >= 0: {timed!r}")
        truth[m] = {"tables": tt, "calls_timed": timed}
    return truth


def truth_vector(prog, truth):
    """The truth as a value of every variable, or (None, why not)."""
    x = np.zeros(prog.n)
    unit_sum = {}
    for i, key in enumerate(prog.keys):
        if key[0] in ("x", "U", "T"):
            m = key[-1]
            if m not in truth:
                return None, f"truth.json has no month {m}"
    # A unit's total: the sum of the first table of that unit (every table of it must agree,
    # which the program's sums check).
    for key in prog.keys:
        if key[0] == "U":
            _, u, m = key
            for tid, unit in prog.units.items():
                if unit == u and (tid, m) in _present_tables(prog):
                    unit_sum[(u, m)] = sum(truth[m]["tables"].get(tid, {}).values())
                    break
    for i, key in enumerate(prog.keys):
        kind = key[0]
        if kind == "x":
            _, t, c, m = key
            x[i] = truth[m]["tables"].get(t, {}).get(c, 0)
        elif kind == "U":
            x[i] = unit_sum.get((key[1], key[2]), 0)
        elif kind == "T":
            timed = truth[key[1]]["calls_timed"]
            if timed is None:
                return None, f"truth.json gives no calls_timed for {key[1]}"
            x[i] = timed
    for i, key in enumerate(prog.keys):
        if key[0] == "p":
            _, pk, t, c = key
            x[i] = sum(x[prog.index[("x", t, c, m)]] for m in pk)
        elif key[0] == "P":
            _, pk, u = key
            x[i] = sum(x[prog.index[("U", u, m)]] for m in pk)
    return x, None


def _present_tables(prog):
    if not hasattr(prog, "_present"):
        prog._present = {(key[1], key[3]) for key in prog.keys if key[0] == "x"}
    return prog._present


def check_truth(prog, truth, failures):
    """Failures where the truth breaks what the publication says; the truth as a witness when
    it satisfies everything."""
    x, why = truth_vector(prog, truth)
    if x is None:
        failures.append(failure(TRUTH_INFEASIBLE, file="truth.json", detail=why))
        return None
    wrong = 0
    for o in prog.observations:
        if isinstance(o["value"], int) and x[o["var"]] != o["value"]:
            wrong += 1
            failures.append(failure(TRUTH_COUNT, file=o["release"], table=o["table"], category=o["category"],
                                    column=o["column"], detail=f"shows {o['value']}, truth is {int(x[o['var']])}"))
    bad_all = prog.violations(x)
    bad = [v for v in bad_all if v[4] != "count"]  # wrong counts are reported one by one above
    if bad:
        name, value, lo, hi, _ = bad[0]
        more = f" ({len(bad) - 1} more constraints violated)" if len(bad) > 1 else ""
        failures.append(failure(TRUTH_INFEASIBLE, file="truth.json",
                                detail=f"first violated: {name}; truth gives {int(value)}{more}"))
    if bad_all:
        return None
    return x


# ---------------------------------------------------------------------------------------------
# Bounds of every hidden value


class Solver:
    def __init__(self, prog, time_limit):
        self.prog = prog
        self.ones = np.ones(prog.n)
        self.constraints = [LinearConstraint(prog.A, prog.blo, prog.bhi)] if prog.A is not None else None
        self.wmin = np.full(prog.n, np.inf)
        self.wmax = np.full(prog.n, -np.inf)
        self.witnesses = 0
        self.solves = 0
        self.time_limit = time_limit

    def witness(self, x):
        if self.prog.satisfied(x):
            self.wmin = np.minimum(self.wmin, x)
            self.wmax = np.maximum(self.wmax, x)
            self.witnesses += 1
            return True
        return False

    def optimise(self, c, hi=None):
        """Minimises c.x over the integers; returns (status, value, x) with status "optimal",
        "infeasible" or a reason the solver stopped."""
        bounds = Bounds(self.prog.lo, self.prog.hi if hi is None else hi)
        # Without presolve: the MIP presolve of Debian's HiGHS (scipy 1.10) returns wrong
        # optima and calls feasible programs infeasible. And an answer is only believed when
        # its solution satisfies the program exactly, so that a solver's mistake can make
        # the audit fail, never pass.
        self.solves += 1
        res = milp(c, integrality=self.ones, bounds=bounds, constraints=self.constraints,
                   options={"disp": False, "mip_rel_gap": 0.0, "time_limit": self.time_limit,
                            "presolve": False})
        if res.status == 2:
            return "infeasible", None, None
        if res.status != 0 or res.x is None:
            return f"status {res.status}: {res.message}", None, None
        x = np.rint(res.x)
        if not self.witness(x):
            return "the solver's solution does not satisfy the program", None, None
        return "optimal", float(c @ x), x

    def unbounded_above(self, v):
        """Whether v has no maximum, proved on the linear relaxation (the program is feasible and
        its data rational, so an unbounded relaxation means an unbounded integer program);
        otherwise the relaxation's maximum, rounded down, is a bound on the integer one."""
        self.solves += 1
        c = np.zeros(self.prog.n)
        c[v] = -1
        res = milp(c, integrality=np.zeros(self.prog.n), bounds=Bounds(self.prog.lo, self.prog.hi),
                   constraints=self.constraints,
                   options={"disp": False, "time_limit": self.time_limit, "presolve": False})
        if res.status in (3, 4):  # unbounded, or "unbounded or infeasible" of a feasible program
            return True, None
        if res.status == 0:
            return False, math.floor(-res.fun + 1e-6)
        return None, f"status {res.status}: {res.message}"


def bound_hidden(prog, solver, cap, fast):
    """min and max of every variable a hidden value shows: {var: (min, max, unbounded, least
    and greatest value seen in a solution)}, min or max None when not computed (--fast) or
    unbounded. Returns (ranges, failures)."""
    hidden = list(OrderedDict.fromkeys(o["var"] for o in prog.observations if not isinstance(o["value"], int)))
    ranges = {}
    failures = []
    if not hidden:
        return ranges, failures
    bounds = propagate(prog)
    lo, hi = (np.array(bounds[0]), np.array(bounds[1])) if bounds is not None else (prog.lo, prog.hi)

    def maximise(v, cap):
        c = np.zeros(prog.n)
        c[v] = -1
        h = prog.hi.copy()
        h[v] = min(h[v], cap)
        status, value, _ = solver.optimise(c, h)
        return status, (None if value is None else -value)

    # Two wide witnesses first: every hidden value as low as it can be together, then as high.
    c = np.zeros(prog.n)
    c[hidden] = 1
    status, _, _ = solver.optimise(c)
    if status == "infeasible":
        return None, [failure(INFEASIBLE, detail="no counts at all fit what the releases publish together " + conflict_hint(prog))]
    if status != "optimal":
        failures.append(failure(SOLVER, detail=f"finding a first solution: {status}"))
        return None, failures
    if bounds is None:
        raise AssertionError("bound propagation found no solution, but the solver found one")
    capped = prog.hi.copy()
    capped[hidden] = np.minimum(capped[hidden], cap)
    solver.optimise(-c, capped)
    for v in hidden:
        # The lower end.
        vmin = None
        if solver.wmin[v] <= lo[v]:
            vmin = lo[v]
        elif not (fast and solver.wmin[v] != solver.wmax[v]):
            c = np.zeros(prog.n)
            c[v] = 1
            status, value, _ = solver.optimise(c)
            if status != "optimal":
                failures.append(failure(SOLVER, detail=f"minimising {describe_key(prog.keys[v])}: {status}"))
                continue
            vmin = value
        # The upper end. The cap only speeds the search: reaching it is then proved unbounded,
        # or the exact maximum found under the relaxation's bound.
        vmax, unbounded = None, False
        if hi[v] < math.inf and solver.wmax[v] >= hi[v]:
            vmax = hi[v]
        elif fast and (solver.wmin[v] != solver.wmax[v] or (vmin is not None and vmin != solver.wmax[v])):
            pass
        else:
            reached = solver.wmax[v] >= cap
            if not reached:
                status, value = maximise(v, cap)
                if status != "optimal":
                    failures.append(failure(SOLVER, detail=f"maximising {describe_key(prog.keys[v])}: {status}"))
                    continue
                vmax = value
                reached = value >= cap
            if reached:
                vmax = None
                proved, bound = solver.unbounded_above(v)
                if proved is None:
                    failures.append(failure(SOLVER, detail=f"maximising {describe_key(prog.keys[v])}: {bound}"))
                    continue
                if proved:
                    unbounded = True
                else:
                    status, value = maximise(v, bound + 1)
                    if status != "optimal":
                        failures.append(failure(SOLVER, detail=f"maximising {describe_key(prog.keys[v])}: {status}"))
                        continue
                    vmax = value
        ranges[v] = (vmin, vmax, unbounded, solver.wmin[v], solver.wmax[v])
    # A solution outside the propagated bounds would mean those bounds were wrong.
    if np.any(solver.wmin < lo - 1e-9) or np.any(solver.wmax > hi + 1e-9):
        raise AssertionError("a solution lies outside the propagated bounds")
    return ranges, failures


def describe_key(key):
    kind = key[0]
    if kind == "x":
        return f"{key[1]} {key[2]} {key[3]}"
    if kind == "U":
        return f"{key[1]} total {key[2]}"
    if kind == "T":
        return f"calls timed {key[1]}"
    if kind == "p":
        return f"{key[2]} {key[3]} {key[1][0]}/{key[1][-1]}"
    if kind == "P":
        return f"{key[2]} total {key[1][0]}/{key[1][-1]}"
    return repr(key)


def conflict_hint(prog):
    bad = [i for i in range(prog.n) if prog.lo[i] > prog.hi[i]]
    if not bad:
        return "(the sums, the period columns and the structural facts cannot all hold)"
    v = bad[0]
    names = [name for coefs, lo, hi, name, _ in prog.constraints if len(coefs) == 1 and coefs[0][0] == v]
    return f"({describe_key(prog.keys[v])}: " + "; ".join(names) + ")"


# ---------------------------------------------------------------------------------------------
# A collection


def find_releases(directory):
    """{stem: {ext: path}} of the release files in a directory, and whether truth.json is."""
    stems = defaultdict(dict)
    for entry in sorted(os.listdir(directory)):
        path = os.path.join(directory, entry)
        if entry.startswith(".") or not os.path.isfile(path) or entry == "truth.json":
            continue
        stem, dot, ext = entry.rpartition(".")
        if dot and ext.lower() in EXTENSIONS and stem:
            stems[stem][ext.lower()] = path
    return OrderedDict(sorted(stems.items()))


def month_cells(ref, column):
    return OrderedDict(((t, c), v) for (t, c, col), v in ref.cells.items() if col == column)


def check_months(releases, refs):
    """Failures where a month (or an identical period) is published differently by two
    releases. A category one release does not list counts as 0 there; a table only one of
    them publishes is no change."""
    out = []
    columns = OrderedDict()
    for rel in releases:
        for m in rel.months:
            columns.setdefault(m, []).append(rel)
        if rel.period_column:
            columns.setdefault(("period", tuple(rel.period), rel.period_column), []).append(rel)

    def same(va, ka, vb, kb):
        # "<k" means something else under another k.
        return va == vb and (va != "below_threshold" or ka == kb)

    for col, rels in columns.items():
        if len(rels) < 2:
            continue
        period = isinstance(col, tuple)
        column = col[2] if period else col
        kind = "period changed between releases" if period else MONTH_CHANGED
        first = rels[0]
        a = month_cells(refs[first.name], column)
        for other in rels[1:]:
            b = month_cells(refs[other.name], column)
            tables_a = {t for t, _ in a}
            tables_b = {t for t, _ in b}
            for key in list(a) + [key for key in b if key not in a]:
                t, c = key
                if t not in tables_a or t not in tables_b:
                    continue
                va, vb = a.get(key, 0), b.get(key, 0)
                if not same(va, first.k, vb, other.k):
                    sa = first.show(va) if key in a else "nothing (not listed, so 0)"
                    sb = other.show(vb) if key in b else "nothing (not listed, so 0)"
                    out.append(failure(kind, file=f"{first.file} / {other.file}", table=t, category=c, column=column,
                                       detail=f"{first.file} shows {sa}, {other.file} shows {sb}"))
    return out


def audit_collection(task):
    directory, name, options = task
    started = time.monotonic()
    result = {"name": name, "path": directory, "releases": [], "hidden": 0, "pinned": 0, "narrowed": 0,
              "full_range": 0, "unbounded": 0, "solves": 0, "witnesses": 0, "seconds": 0.0,
              "failures": [], "notes": [], "values": []}
    try:
        _audit(directory, options, result)
    except Exception as e:  # the audit must report, not crash, on one bad collection
        result["failures"].append(failure(INTERNAL, detail=f"{type(e).__name__}: {e}\n{traceback.format_exc()}"))
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


def _audit(directory, options, result):
    failures, notes = result["failures"], result["notes"]
    stems = find_releases(directory)
    releases, refs = [], {}
    for stem, files in stems.items():
        if "json" not in files:
            for ext, path in files.items():
                failures.append(failure(UNREADABLE, file=os.path.basename(path), detail="no JSON release of the same name to compare it with"))
            continue
        try:
            rel = read_release(files["json"])
        except Unreadable as e:
            failures.append(failure(UNREADABLE, file=os.path.basename(files["json"]), detail=str(e)))
            continue
        for t, c, col, detail in rel.problems:
            failures.append(failure(UNREADABLE, file=rel.file, table=t, category=c, column=col, detail=detail))
        releases.append(rel)
        ref = refs[rel.name] = reference(rel)
        result["releases"].append(rel.file)
        for ext in ("csv", "xlsx", "html"):
            if ext not in files:
                continue
            fname = os.path.basename(files[ext])
            try:
                other = READERS[ext](files[ext], rel)
            except Unreadable as e:
                if rel.version == 1:
                    notes.append(f"{fname}: not compared with the JSON (version 1, and it does not read as the layout: {e})")
                else:
                    failures.append(failure(UNREADABLE, file=fname, detail=str(e)))
                continue
            failures.extend(compare(rel, ref, other, ext, fname))
        small = [(t.id, r.category, m) for t in rel.tables for r in t.rows
                 for m, v in zip(rel.columns(), r.values + ([r.period] if rel.period else []))
                 if isinstance(v, int) and 0 < v < rel.k]
        if small:
            notes.append(f"{rel.file}: {len(small)} shown counts are below k = {rel.k} (first: {' '.join(small[0])})")
    failures.extend(check_months(releases, refs))
    if not releases:
        if not failures:
            failures.append(failure(UNREADABLE, detail="no releases (*.json) in the collection"))
        return
    prog = build(releases)
    for file, tid, unit, before in prog.unit_changes:
        failures.append(failure("unit changed between releases", file=file, table=tid,
                                detail=f"unit {unit!r} here, {before!r} in an earlier release"))
    result["hidden"] = sum(1 for o in prog.observations if not isinstance(o["value"], int))
    result["variables"] = prog.n
    result["constraints"] = len(prog.constraints)
    solver = Solver(prog, options.get("time_limit", 60))
    truth_x = None
    truth_path = os.path.join(directory, "truth.json")
    shown_sum = 0
    for o in prog.observations:
        if isinstance(o["value"], int):
            shown_sum += o["value"]
        elif o["value"] == "below_threshold":
            shown_sum += o["k"] - 1
    kmax = max(rel.k for rel in releases)
    cap = shown_sum + 10 * kmax + 1000
    if os.path.exists(truth_path):
        try:
            truth = read_truth(truth_path)
        except Unreadable as e:
            failures.append(failure(UNREADABLE, file="truth.json", detail=str(e)))
        else:
            truth_x = check_truth(prog, truth, failures)
            if truth_x is not None:
                cap = max(cap, int(truth_x.max()) * 2 + 1000)
                solver.witness(truth_x)
    result["cap"] = cap
    ranges, solve_failures = bound_hidden(prog, solver, cap, options.get("fast", False))
    failures.extend(solve_failures)
    result["solves"] = solver.solves
    result["witnesses"] = solver.witnesses
    if ranges is None:
        return
    for o in prog.observations:
        if isinstance(o["value"], int):
            continue
        r = ranges.get(o["var"])
        entry = {"release": o["release"], "table": o["table"], "category": o["category"], "column": o["column"],
                 "shown": o["shown"], "kind": o["value"], "k": o["k"]}
        if r is None:
            entry.update(min=None, max=None, pinned=None)
            result["values"].append(entry)
            continue
        vmin, vmax, unbounded, wmin, wmax = r
        pinned = vmin is not None and vmax is not None and vmin == vmax
        entry.update(min=None if vmin is None else int(vmin), max=None if vmax is None else int(vmax),
                     unbounded=unbounded, pinned=pinned)
        if vmin is None:
            entry["min_at_most"] = int(wmin)
        if vmax is None and not unbounded:
            entry["max_at_least"] = int(wmax)
        if pinned and o["value"] == "withheld" and vmin == 0:
            # Not published, and worked out to be zero: zero describes nobody, as a shown 0.
            result["withheld_zero"] = result.get("withheld_zero", 0) + 1
        elif pinned:
            result["pinned"] += 1
            failures.append(failure(PINNED, file=o["release"], table=o["table"], category=o["category"],
                                    column=o["column"], detail=f"shows {o['shown']}, but it can only be {int(vmin)}"))
        if o["value"] == "below_threshold":
            full = vmin == 1 and vmax == o["k"] - 1
            if vmin is not None and vmax is not None:
                entry["narrowed"] = not full
                if full:
                    result["full_range"] += 1
                else:
                    result["narrowed"] += 1
        if o["value"] == "secondary" and unbounded:
            result["unbounded"] += 1
        result["values"].append(entry)


# ---------------------------------------------------------------------------------------------
# Command line


def collections(root):
    """(directory, name) of every collection under ROOT."""
    if any(e.lower().endswith(".json") and e != "truth.json" and os.path.isfile(os.path.join(root, e))
           for e in os.listdir(root)):
        return [(root, os.path.basename(os.path.normpath(root)) or root)]
    out = []
    for e in sorted(os.listdir(root)):
        path = os.path.join(root, e)
        if e.startswith(".") or not os.path.isdir(path):
            continue
        if find_releases(path) or os.path.exists(os.path.join(path, "truth.json")):
            out.append((path, e))
    return out


def summary_line(r):
    state = "FAIL" if r["failures"] else "ok"
    return (f"{r['name']}: {len(r['releases'])} releases, {r['hidden']} hidden values checked, "
            f"{r['pinned']} pinned, {r['narrowed']} narrowed, {r['solves']} solves, {r['seconds']:.2f} s  {state}")


def _cpus():
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", metavar="ROOT", help="a directory of collections, or one collection")
    parser.add_argument("--report", metavar="FILE.json", help="write every result here, machine-readably")
    parser.add_argument("--jobs", type=int, default=_cpus(), metavar="N",
                        help="collections audited in parallel (default: the number of CPUs)")
    parser.add_argument("--fast", action="store_true",
                        help="stop at what decides pinned or not (no exact ranges for values already seen to vary)")
    parser.add_argument("--verbose", "-v", action="store_true", help="also list every narrowed '<k' value and its range")
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS", help="per solve (default 60)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not os.path.isdir(args.root):
        parser.error(f"{args.root} is not a directory")
    found = collections(args.root)
    if not found:
        parser.error(f"no collections (directories of *.json releases) in {args.root}")
    options = {"fast": args.fast, "time_limit": args.time_limit}
    tasks = [(d, n, options) for d, n in found]
    started = time.monotonic()
    results = []
    if args.jobs == 1 or len(tasks) == 1:
        for t in tasks:
            r = audit_collection(t)
            print(summary_line(r), flush=True)
            results.append(r)
    else:
        with multiprocessing.get_context("fork").Pool(min(args.jobs, len(tasks))) as pool:
            for r in pool.imap(audit_collection, tasks):
                print(summary_line(r), flush=True)
                results.append(r)
    elapsed = time.monotonic() - started
    failed = [r for r in results if r["failures"]]
    for r in results:
        if r["failures"] or r["notes"] or args.verbose:
            shown = False
            for f in r["failures"]:
                if not shown:
                    print(f"\n{r['name']}:")
                    shown = True
                print(f"  FAIL {describe(f)}")
            for n in r["notes"]:
                if not shown:
                    print(f"\n{r['name']}:")
                    shown = True
                print(f"  note: {n}")
            if args.verbose:
                for v in r["values"]:
                    if v.get("narrowed"):
                        if not shown:
                            print(f"\n{r['name']}:")
                            shown = True
                        print(f"  narrowed: {v['release']} {v['table']} {v['category']} {v['column']} "
                              f"shows {v['shown']}: {v['min']}..{v['max']}")
    totals = {key: sum(r[key] for r in results) for key in ("hidden", "pinned", "narrowed", "full_range", "unbounded", "solves")}
    kinds = defaultdict(int)
    for r in results:
        for f in r["failures"]:
            kinds[f["kind"]] += 1
    print(f"\n{len(results)} collections, {sum(len(r['releases']) for r in results)} releases, "
          f"{totals['hidden']} hidden values checked: {totals['pinned']} pinned, {totals['narrowed']} '<k' narrowed, "
          f"{totals['full_range']} '<k' keep their whole range, {totals['unbounded']} 'x' unbounded above; "
          f"{totals['solves']} solves, {elapsed:.1f} s; "
          + (f"{len(failed)} collections FAIL (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")"
             if failed else "no failures"))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump({"root": args.root, "seconds": round(elapsed, 3), "failed": len(failed), "totals": totals,
                       "failure_kinds": dict(kinds), "collections": results}, f, indent=1, default=_jsonable)
            f.write("\n")
    return 1 if failed else 0


def _jsonable(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, tuple):
        return list(v)
    return str(v)


if __name__ == "__main__":
    sys.exit(main())
