"""Bad input, and how the command-line tools report it."""
import sys


class FormatError(ValueError):
    """Input that is not in the format; the message names file and line."""


def bad_input(tool, err):
    """Say what was wrong with the input in one line on stderr, prefixed by
    the tool's name; returns 2, the tools' exit status for bad input."""
    if isinstance(err, OSError):
        text = f"{err.filename}: {err.strerror}"
    else:
        text = str(err)
    print(f"{tool}: {text}", file=sys.stderr)
    return 2
