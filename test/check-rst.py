#!/usr/bin/python3
"""Render reStructuredText files with docutils and fail on any message it reports.

  test/check-rst.py doc/mms.rst doc/tutorial.rst doc/mms-attributes.rst

Each file is rendered to HTML (docutils' html5 writer; Debian: python3-docutils) with every
message reported, down to INFO (a duplicate target, text that looks like a title, an
include that is not found, a table that does not parse). The module's documentation must
render without any. Exit status 0 when none reported one, 1 otherwise (the messages are
printed with file and line), 2 when docutils is missing or a file cannot be read.
"""

import io
import sys


def main(paths):
    try:
        import docutils.core
    except ImportError as e:
        print("check-rst: needs docutils (Debian: python3-docutils): %s" % e, file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            print("check-rst: %s: %s" % (path, e.strerror), file=sys.stderr)
            return 2
        messages = io.StringIO()
        docutils.core.publish_string(
            text,
            source_path=path,
            writer_name="html5",
            settings_overrides={
                "report_level": 1,
                "halt_level": 5,
                "warning_stream": messages,
                "output_encoding": "unicode",
            },
        )
        if messages.getvalue().strip():
            failed += 1
            print("FAIL  %s:\n%s" % (path, messages.getvalue().rstrip()))
        else:
            print("ok    %s renders without docutils messages" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
