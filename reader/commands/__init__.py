"""One module per sub-command, each with ``run(args) -> int``; parsing is in ``reader.cli``."""
