"""marsad: movement figures from news, with their evidence.

    >>> from marsad import extract
    >>> [f.value for f in extract("Some 10,000 Russians arrived in Georgia.", language="en")]
    [10000]
"""

from marsad.figure import ANNOTATION_FIELDS, Figure
from marsad.pipeline import EXTRACTOR_VERSION, extract

__all__ = ["ANNOTATION_FIELDS", "EXTRACTOR_VERSION", "Figure", "extract"]
__version__ = "0.1.0"
