#!/usr/bin/env python3
"""Dumps every non-empty cell of an xlsx workbook as read by openpyxl, for comparison with disarm's own reader:
{"sheets": [{"name": ..., "cells": [[row, column, kind, value], ...]}]} with column 0-based, kind one of text,
number, bool, and numbers as floats. Formulas are read as their cached values (data_only)."""
import json
import sys

import openpyxl

workbook = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
sheets = []
for sheet in workbook.worksheets:
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                cells.append([cell.row, cell.column - 1, "bool", value])
            elif isinstance(value, (int, float)):
                cells.append([cell.row, cell.column - 1, "number", float(value)])
            else:
                cells.append([cell.row, cell.column - 1, "text", str(value)])
    sheets.append({"name": sheet.title, "cells": cells})
json.dump({"sheets": sheets}, sys.stdout)
