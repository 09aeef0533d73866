"""The one exception the CLI turns into a plain message and a non-zero exit."""


class EtlError(Exception):
    """A problem with the input or the build, worded for the officer who runs the ETL."""
