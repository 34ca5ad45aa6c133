"""Spoken languages (never programming languages) with the stated level and CEFR where derivable.

Inside a languages section every known language name counts. Elsewhere a language counts only on a line
that says "Languages known/spoken: ..." or with a level word beside it ("fluent in Spanish", "French (B2)").
"""

from __future__ import annotations

import re

from models.evidence import Span
from models.resume import Language, Section

__all__ = ["LANGUAGE_NAMES", "NAME_RE", "cefr_of", "extract_languages"]

LANGUAGE_NAMES: dict[str, str] = {
    n.lower(): n
    for n in (
        "English", "Spanish", "French", "German", "Italian", "Portuguese", "Dutch", "Swedish", "Norwegian",
        "Danish", "Finnish", "Icelandic", "Polish", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian",
        "Greek", "Russian", "Ukrainian", "Serbian", "Croatian", "Bosnian", "Slovenian", "Albanian",
        "Lithuanian", "Latvian", "Estonian", "Turkish", "Arabic", "Hebrew", "Persian", "Farsi", "Urdu",
        "Hindi", "Bengali", "Bangla", "Punjabi", "Gujarati", "Marathi", "Tamil", "Telugu", "Kannada",
        "Malayalam", "Odia", "Oriya", "Assamese", "Konkani", "Sindhi", "Nepali", "Sinhala", "Chinese",
        "Mandarin", "Cantonese", "Japanese", "Korean", "Vietnamese", "Thai", "Indonesian", "Malay",
        "Filipino", "Tagalog", "Swahili", "Amharic", "Yoruba", "Igbo", "Hausa", "Zulu", "Afrikaans",
        "Catalan", "Basque", "Galician", "Irish", "Welsh", "Latin", "Sanskrit", "Burmese", "Khmer", "Lao",
        "Mongolian", "Kazakh", "Uzbek", "Georgian", "Armenian", "Azerbaijani", "Pashto", "Kurdish",
        "Somali", "Maltese", "Luxembourgish", "Bhojpuri", "Maithili", "Tulu",
    )
}  # fmt: skip
LANGUAGE_NAMES["farsi"] = "Persian"
LANGUAGE_NAMES["bangla"] = "Bengali"
LANGUAGE_NAMES["oriya"] = "Odia"
# one language, not two: "Mandarin Chinese – HSK 4"
LANGUAGE_NAMES["mandarin chinese"] = "Mandarin"
LANGUAGE_NAMES["cantonese chinese"] = "Cantonese"

_LEVELS: list[tuple[str, str | None]] = [
    (r"native(?:\s+speaker)?|mother\s*tongue|first\s+language|bilingual", "native"),
    (
        r"full\s+professional(?:\s+proficiency)?|fluent|fluently|fluency|proficient|advanced|excellent|c2|c1",
        "C1",
    ),
    (r"professional\s+working(?:\s+proficiency)?|upper[\s-]intermediate|very\s+good|good|b2", "B2"),
    (r"intermediate|working\s+knowledge|conversational|limited\s+working(?:\s+proficiency)?|b1", "B1"),
    (r"elementary|basic|beginner|basics|a2|a1|limited", "A2"),
    (r"read|write|speak|reading|writing|speaking", None),
]
_LEVEL_RE = re.compile(
    "|".join(f"(?P<v{i}>\\b(?:{p})\\b)" for i, (p, _c) in enumerate(_LEVELS)), re.IGNORECASE
)
_CEFR_EXACT = re.compile(r"\b([ABC][12])\b")
# a spoken language's name; a lookahead on the first letters fails fast where no name can start, before the long
# alternation is tried
_NAME_FIRST = "".join(sorted({n[0] for n in LANGUAGE_NAMES}))
NAME_RE = re.compile(
    r"\b(?=["
    + _NAME_FIRST
    + _NAME_FIRST.upper()
    + r"])("
    + "|".join(sorted(LANGUAGE_NAMES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_LANG_LINE = re.compile(
    r"\b(?:languages?\s*(?:known|spoken|proficiency|skills)?|linguistic\s+(?:skills|proficiency))\s*[:\-–]",
    re.IGNORECASE,
)
_CUE_RE = re.compile(
    r"fluen|native|proficien|speak|spoken|bilingual|conversational|mother\s*tongue|knowledge of|"
    r"\b[ABC][12]\b|\bbasic\b|\bintermediate\b|\badvanced\b",
    re.IGNORECASE,
)
# the literal each alternative of _CUE_RE starts with, lower case: where a cue can start
_CUE_HEADS = (
    "fluen", "native", "proficien", "speak", "spoken", "bilingual", "conversational", "mother", "knowledge of",
    "a1", "a2", "b1", "b2", "c1", "c2", "basic", "intermediate", "advanced",
)  # fmt: skip
# characters that IGNORECASE matching folds onto ASCII letters but str.lower() does not (long s, Kelvin sign,
# dotless i, dotted capital I): a text holding one takes the plain scan
_FOLD_SPECIAL = re.compile("[\u017f\u212a\u0131\u0130]")


def _matches_at_heads(
    rx: re.Pattern[str], heads: tuple[str, ...], text: str, low: str
) -> list[re.Match[str]]:
    """The matches of rx.finditer(text), found by trying rx only where one of its literal heads occurs (str.find on
    the lower-cased text `low`) instead of at every position: the same matches, a fraction of the time. Every
    match of rx must start with one of `heads` (lower case)."""
    if len(low) != len(text) or _FOLD_SPECIAL.search(text):
        return list(rx.finditer(text))
    starts: set[int] = set()
    for head in heads:
        i = low.find(head)
        while i >= 0:
            starts.add(i)
            i = low.find(head, i + 1)
    out: list[re.Match[str]] = []
    last_end = 0
    for i in sorted(starts):
        if i < last_end:
            continue
        m = rx.match(text, i)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


_PROGRAMMING_CUE = re.compile(
    r"\b(?:programming|scripting|java|python|c\+\+|sql|javascript|php|html|ruby|perl|c#)\b", re.IGNORECASE
)


def cefr_of(level: str | None) -> str | None:
    """CEFR level from a level as written ("B2" -> B2, "native" -> native, "fluent" -> C1), or None."""
    if not level:
        return None
    m = _CEFR_EXACT.search(level.upper())
    if m:
        return m.group(1)
    lm = _LEVEL_RE.search(level)
    if lm and lm.lastgroup:
        return _LEVELS[int(lm.lastgroup[1:])][1]
    return None


def _level_near(text: str, a: int, b: int, lo: int, hi: int) -> tuple[str, int, int] | None:
    """A level word in the same list item as the language (after it up to a comma, or just before it)."""
    after_end = hi
    for sep in (",", ";", "\n", "|", "•"):
        p = text.find(sep, b, hi)
        if p >= 0:
            after_end = min(after_end, p)
    m = _LEVEL_RE.search(text, b, min(after_end, b + 60))
    if m:
        return m.group(0), m.start(), m.end()
    before_start = max(lo, a - 30)
    seg = text[before_start:a]
    cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind("\n"))
    ms = list(_LEVEL_RE.finditer(text, before_start + cut + 1, a))
    if ms:
        return ms[-1].group(0), ms[-1].start(), ms[-1].end()
    return None


def extract_languages(text: str, sections: list[Section]) -> list[Language]:
    """Spoken languages with their levels."""
    out: dict[str, Language] = {}
    regions: list[tuple[int, int, float, bool]] = []  # (start, end, confidence, needs_level)
    for sec in sections:
        if sec.kind == "languages":
            regions.append((sec.start, sec.end, 0.85, False))
    low = text.lower()
    for m in _matches_at_heads(_LANG_LINE, ("language", "linguistic"), text, low):
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        if not _PROGRAMMING_CUE.search(text, m.end(), b):
            regions.append((m.end(), b, 0.8, False))
    # elsewhere: only around level words ("fluent in Spanish", "French (native)")
    for m in _matches_at_heads(_CUE_RE, _CUE_HEADS, text, low):
        regions.append((max(0, m.start() - 40), min(len(text), m.end() + 40), 0.6, True))
    for lo, hi, conf, needs_level in regions:
        for m in NAME_RE.finditer(text, lo, hi):
            canonical = LANGUAGE_NAMES[m.group(1).lower()]
            if canonical in out:
                continue
            if not m.group(1)[0].isupper():
                continue
            lvl = _level_near(text, m.start(), m.end(), lo, hi)
            if needs_level:
                # outside a languages list: "fluent in Spanish", "Spanish (native)", "French - B2"
                near = text[max(0, m.start() - 25) : m.end() + 25]
                if not re.search(
                    r"(?:fluent|native|proficien|speak|spoken|bilingual|conversational|mother\s*tongue|"
                    r"working knowledge of|knowledge of)\w*\s+(?:in\s+)?"
                    + re.escape(m.group(1))
                    + r"|"
                    + re.escape(m.group(1))
                    + r"\s*[(:\-–]\s*(?:native|fluent|[ABC][12]|basic|"
                    r"intermediate|advanced|proficient|conversational|mother)",
                    near,
                    re.IGNORECASE,
                ):
                    continue
            level = lvl[0] if lvl else None
            out[canonical] = Language(
                name=canonical,
                level=level,
                cefr=cefr_of(level),  # type: ignore[arg-type]
                evidence=Span.of(text, m.start(), m.end()),
                confidence=conf,
            )
    return list(out.values())
