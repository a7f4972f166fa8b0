"""The one exception type the command line turns into a one-line error."""


class ReaderError(Exception):
    """A failure the user can act on; its message is shown as one line, without a traceback."""
