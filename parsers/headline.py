"""The resume's headline: the title line under the candidate's name (parsers.experience.find_headline reads it),
read from the right place when the name reader took a title for the name.

Anonymised resumes (livecareer exports) open with the title, and the name reader can take its first words for a
name ("BENEFIT ADVOCATE" of "BENEFIT ADVOCATE SUPERVISOR"); the headline, read after the name, was then the rest
of that line ("SUPERVISOR"). When the "name" itself reads as a title and its line runs on past it, the whole line
is read as a header line.
"""

from __future__ import annotations

from models.evidence import TextField
from models.resume import Section
from parsers.experience import find_headline, looks_like_title

__all__ = ["read_headline"]


def read_headline(text: str, sections: list[Section], name: TextField | None = None) -> TextField | None:
    """The headline title (see parsers.experience.find_headline), read after the name unless the name is the
    head of a title line."""
    ev = name.evidence if name is not None else None
    if ev is None or name is None:
        return find_headline(text, sections, None)
    name_end = ev.end
    line_start = text.rfind("\n", 0, ev.start) + 1
    rest = text[ev.end : text.find("\n", ev.end) if "\n" in text[ev.end :] else len(text)]
    # the line runs on after one space into more words of the title (or a slash: "PATIENT ADVOCATE /CLINICAL ...")
    if (
        rest.strip()
        and rest[:1] == " "
        and (rest.lstrip()[:1].isalnum() or rest.lstrip()[:1] == "/")
        and looks_like_title(name.value) > 0
    ):
        name_end = line_start  # "BENEFIT ADVOCATE" + " SUPERVISOR": one title line, not a name and a title
    return find_headline(text, sections, name_end)
