#!/usr/bin/python3
"""Reads a spreadsheet file the way the tests need it, and prints it as JSON on stdout.

read_sheet.py FILE.xlsx        {"sheet": name, "rows": [[value…]…], "types": [[openpyxl type…]…]}
                               (first sheet; dates as ISO 8601 text; a formula keeps its "=" text
                               and has type "f", so a test can tell a formula from text)
read_sheet.py --xml FILE.xlsx  every part of the zip, concatenated, as one JSON string

Run it with Debian's /usr/bin/python3, which has openpyxl.
"""
import datetime
import json
import sys
import zipfile


def cell_value(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def read_rows(path):
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=False)
    sheet = book.worksheets[0]
    rows, types = [], []
    for row in sheet.iter_rows():
        rows.append([cell_value(cell.value) for cell in row])
        types.append([cell.data_type for cell in row])
    return {"sheet": sheet.title, "rows": rows, "types": types}


def read_xml(path):
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def main(argv):
    if len(argv) == 3 and argv[1] == "--xml":
        print(json.dumps(read_xml(argv[2]), ensure_ascii=False))
        return 0
    if len(argv) == 2:
        print(json.dumps(read_rows(argv[1]), ensure_ascii=False))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
