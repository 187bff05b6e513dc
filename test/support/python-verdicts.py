"""Verdicts of Python's jsonschema on group-spec's JSON Schemas, for test/python-jsonschema.test.ts.

Reads {"schemas": {kind: schema}, "cases": [{"kind": kind, "body": body}]} as JSON on stdin and writes
{"version": ..., "formats": [...], "verdicts": [{"valid": bool, "errors": [[path, keyword], ...]}]} on stdout,
one verdict per case, in order. The format checker is jsonschema's own, with whatever format packages this
Python has: what a Python service that imports these schemas gets.
"""

import json
import sys
from importlib.metadata import version

from jsonschema import Draft202012Validator


def main() -> None:
    given = json.load(sys.stdin)
    checker = Draft202012Validator.FORMAT_CHECKER
    validators = {
        kind: Draft202012Validator(schema, format_checker=checker) for kind, schema in given["schemas"].items()
    }
    verdicts = []
    for case in given["cases"]:
        errors = sorted(validators[case["kind"]].iter_errors(case["body"]), key=lambda e: list(e.absolute_path))
        verdicts.append(
            {
                "valid": not errors,
                "errors": [["/" + "/".join(str(p) for p in e.absolute_path), e.validator] for e in errors],
            }
        )
    json.dump({"version": version("jsonschema"), "formats": sorted(checker.checkers), "verdicts": verdicts}, sys.stdout)


main()
