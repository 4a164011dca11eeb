"""`prasan extract FILE` without Django: the intake pipeline needs neither the database nor the apps, and
loading them took seconds before any work (issue 19: the command starts in ≤ 2 s). `prasan.cli` calls
`main` before Django is set up; the management command calls it too, so both print the same."""

import json
import sys


def main(path: str, out=None, err=None) -> int:
    from .errors import IntakeError
    from .pipeline import extract_file

    out, err = out or sys.stdout, err or sys.stderr
    try:
        result = extract_file(path)
    except FileNotFoundError:
        err.write(f"ไม่พบไฟล์: {path}\n")
        return 1
    except IsADirectoryError:
        err.write(f"เป็นโฟลเดอร์ ไม่ใช่ไฟล์: {path}\n")
        return 1
    except IntakeError as exc:
        err.write(exc.message + "\n")
        return 1
    out.write(json.dumps(result.fields, ensure_ascii=False, indent=2) + "\n")
    return 0
