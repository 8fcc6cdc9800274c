#!/usr/bin/env python3
"""Checks that statistics exports in XLSX open in openpyxl and state their rule.

Usage: check_xlsx.py FILE.xlsx...

For each file: it must load with openpyxl, and its first sheet must hold the k used (a row
"k" with the number beside it) and the rule text showing "<k" (e.g. "<5"). Prints one line
per file; exits 1, naming each file that fails and why, if any does.
"""

import re
import sys

from openpyxl import load_workbook


class Failed(Exception):
    pass


def texts(sheet):
    """Every cell of the sheet, as (value, the next cell's value) pairs along each row."""
    for row in sheet.iter_rows(values_only=True):
        for i, value in enumerate(row):
            yield value, row[i + 1] if i + 1 < len(row) else None


def check(path):
    try:
        book = load_workbook(path)
    except Exception as e:  # openpyxl raises many kinds; any of them means a broken file
        raise Failed(f"does not open in openpyxl: {type(e).__name__}: {e}") from e
    try:
        if not book.worksheets:
            raise Failed("has no sheets")
        first = book.worksheets[0]
        k = None
        strings = []
        for value, beside in texts(first):
            if value == "k" and isinstance(beside, (int, float)) and not isinstance(beside, bool):
                k = int(beside)
            if isinstance(value, str):
                strings.append(value)
        if k is None:
            raise Failed(f'first sheet "{first.title}" does not state k (a cell "k" with a number beside it)')
        below = f"<{k}"
        # "<5" but not "<50": the rule must show this k, not one that starts like it.
        pattern = re.compile(re.escape(below) + r"(?!\d)")
        if not any(pattern.search(s) for s in strings):
            raise Failed(f'first sheet "{first.title}" has no rule text with "{below}" (k = {k})')
        # Read every cell of every sheet once, so a broken sheet fails here, not in a reader's hands.
        cells = sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for _ in row)
    except Failed:
        raise
    except Exception as e:
        raise Failed(f"could not be read: {type(e).__name__}: {e}") from e
    return f"{path}: ok, {len(book.worksheets)} sheets, {cells} cells, k = {k}, first sheet \"{first.title}\""


def main(paths):
    if not paths:
        print("usage: check_xlsx.py FILE.xlsx...", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            print(check(path))
        except Failed as e:
            print(f"{path}: FAILED: {e}", file=sys.stderr)
            failed += 1
    if failed:
        print(f"{failed} of {len(paths)} XLSX files failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
