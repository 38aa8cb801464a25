"""Errors people can look up: each has a code and a plain message.

E101 no such input file · E102 a JSONL line is not JSON · E103 a JSONL
article has no text · E104 an input is not UTF-8 · E105 a language marsad has no data
for · E106 a config file that is not valid or names an unknown setting · E201 a gold file is
malformed · E301 the store cannot be opened · E302 an unknown review decision ·
E303 a correction names no or unknown fields · E304 no such figure ·
E305 a binary export format without an output file · E401 a value a figure field does not
allow (marsad.schema names the field, the value and what is allowed) · E501 a Spark manifest
that cannot be read or lists no source · E502 PySpark not installed · E503 Spark cannot
start · E504 a folder that is not a marsad spark output · E601 a `marsad watch` sources file that
cannot be read or is not valid.
"""


class MarsadError(Exception):
    """Base of marsad's errors; `code` names the kind."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message


class InputError(MarsadError):
    """An input file or line that marsad cannot read."""
