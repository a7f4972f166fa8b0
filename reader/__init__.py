"""reader: read one news story as several outlets told it."""

__version__ = "0.1.0"
