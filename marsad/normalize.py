"""Unicode and Arabic normalisation that keeps every character offset.

marsad reports figures by character offsets into the text it was given, so the
normalised text has exactly the length of the input: letters are folded one to
one (alef and ya forms, Arabic-Indic digits, quotes, case), and characters
that matching must ignore (diacritics, tatweel) are left in place and dropped
from a token only when it is looked up (:func:`fold_token`).
"""

from __future__ import annotations

import re
import unicodedata

_ONE_TO_ONE = {
    # alef forms, alef maksura, hamza seats
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "و", "ئ": "ي",
    # ta marbuta folds to ha: أسرة / أسره are written both ways in the news
    "ة": "ه",
    # Persian and Urdu letter variants seen in Arabic-script copy
    "ک": "ك", "ی": "ي", "ھ": "ه",
    # Persian heh with hamza (فوریۀ): the hamza is dropped as a mark elsewhere
    "ۀ": "ه",
    # Turkish dotted capital and dotless small i: "İ".lower() is two characters,
    # and SIĞINMACI / sığınmacı must meet; both fold to a plain i
    "İ": "i", "ı": "i",
    # Cyrillic yo is written as ye in most news copy
    "ё": "е", "Ё": "Е",
    # separators and punctuation
    "٬": ",", "٫": ".", "،": ",", "؛": ";", "؟": "?", "٪": "%",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-", "—": "-", "‐": "-", "‑": "-",
}
for _zero, _block in ((0x0660, "arabic-indic"), (0x06F0, "persian")):
    for _i in range(10):
        _ONE_TO_ONE[chr(_zero + _i)] = str(_i)
# Full-width forms of ASCII (Chinese and Japanese copy: ３万, ，（）％), corner quotes, the list comma 、.
for _code in range(0xFF01, 0xFF5F):
    _ONE_TO_ONE[chr(_code)] = chr(_code - 0xFEE0)
_ONE_TO_ONE.update({"「": '"', "」": '"', "『": '"', "』": '"', "\u3000": " ", "、": ","})

_TABLE = str.maketrans(_ONE_TO_ONE)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

# Ignored inside a token: harakat, superscript alef, tatweel, direction marks.
IGNORABLE = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640\u200c\u200d\u200e\u200f\u061c"
DROP_IGNORABLE = str.maketrans("", "", IGNORABLE)


def _fold_presentation_forms(text: str) -> str:
    """Map Arabic presentation forms to their base letter, one for one."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            base = unicodedata.normalize("NFKC", ch)
            # a ligature (lam-alef) keeps its first letter so offsets hold
            ch = base[0] if base and base.strip() else ch
        out.append(ch)
    return "".join(out)


def normalize(text: str) -> str:
    """Return `text` folded for matching, with the same length as `text`."""
    if text.isascii():  # English copy: nothing to fold but case and the backquote
        lowered = text.replace("`", "'").lower()
        return lowered
    folded = text.translate(_TABLE)
    if _PRESENTATION.search(folded):
        folded = _fold_presentation_forms(folded).translate(_TABLE)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def fold_token(token: str) -> str:
    """The lookup form of a token: normalised and without ignorable marks."""
    return normalize(token).translate(DROP_IGNORABLE)


# Text is made valid once where it comes in (readers, the API): a lone
# surrogate (an escaped "\udc80" in JSON, a file name that is not UTF-8) cannot
# be encoded, and PostgreSQL refuses NUL; other C0 controls are noise in news.
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """`text` made safe to store: lone surrogates become U+FFFD, NUL and C0
    control characters other than tab, line feed and carriage return are removed."""
    if text.isascii():
        return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text
    text = _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def safe_text(text: str) -> str:
    """`text` with the same length, readable by every stage: lone surrogates
    become U+FFFD and control characters a space (offsets stay those of `text`)."""
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return _CONTROLS.sub(" ", text) if _CONTROLS.search(text) else text
