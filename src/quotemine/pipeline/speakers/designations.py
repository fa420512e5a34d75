"""What stands right after a person's name and describes them: an age, a US party designation, a place.

"Ola Brenn, 24," is "the 24-year-old"; "Jane Roe (D-Nev.)" is "the Nevada Democrat" (the state's
abbreviation read through ``us_state_abbreviations.txt``); "Sen. Jane Roe of Iowa" is "the Iowa
senator". ``ABBREVIATIONS`` gives the word a description uses for an abbreviated title ("Sen.":
"the senator").
"""

from __future__ import annotations

import functools
import re

from quotemine.lexicons import data_lines

__all__ = ["ABBREVIATIONS", "age_after", "origin_after", "party_after"]

#: Abbreviated titles and the word a description uses for them ("Sen." is "the senator"), and
#: the one form of a party's names.
ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "col": "colonel",
    "capt": "captain",
    "cmdr": "commander",
    "adm": "admiral",
    "supt": "superintendent",
    "pres": "president",
    "sec": "secretary",
    "prof": "professor",
    "dr": "doctor",
    "det": "detective",
    "insp": "inspector",
    "amb": "ambassador",
    # one party under its two names: "the GOP front-runner" is "the Republican front-runner"
    "gop": "republican",
    "democratic": "democrat",
}

#: An age in apposition after a name: "Ola Brenn, 24," or "Ola Brenn (24)".
_AGE_APPOSITION = re.compile(r"(?:,\s+|\s+\()(\d{1,3})(?:,|\))")
#: A US party designation after a name: "Jane Roe (D-Iowa)", "Carl Bisk, R-Texas,".
_PARTY_DESIGNATION = re.compile(r"(?:\s*\(|,\s*)([DRI])[-–]\s?([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)\)?")
_PARTIES = {"D": "democrat", "R": "republican", "I": "independent"}
_STATES_FILE = "us_state_abbreviations.txt"


@functools.lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """Return each state abbreviation (lower case, no dots or spaces) with the state's name."""
    pairs = (line.split("\t", 1) for line in data_lines(_STATES_FILE))
    return {key.strip(): name.strip() for key, name in pairs}


def party_after(text: str, e: int) -> tuple[str, str] | None:
    """Return the party and state of a designation right after a mention ending at ``e``.

    ("democrat", "Nevada") for "(D-Nev.)"; a state not abbreviated ("Iowa") as written.
    """
    m = _PARTY_DESIGNATION.match(text, e, e + 30)
    if m is None:
        return None
    state = m.group(2)
    key = state.replace(".", "").replace(" ", "").lower()
    return _PARTIES[m.group(1)], _states().get(key, state)


def age_after(text: str, e: int) -> str | None:
    """Return the age stated right after a mention ending at ``e``, as "24-year-old", or ``None``."""
    m = _AGE_APPOSITION.match(text, e, e + 8)
    return f"{m.group(1)}-year-old" if m is not None else None


#: A place or body after a name: "Sen. Jane Roe of Iowa", "Carl Bisk, of Dunmere,".
_ORIGIN = re.compile(r",?\s+of\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def origin_after(text: str, e: int) -> tuple[str, int] | None:
    """Return the capitalised words of "of PLACE" right after a mention ending at ``e``, and their end.

    ``None`` when no "of PLACE" follows.
    """
    m = _ORIGIN.match(text, e, e + 60)
    return (m.group(1), m.end()) if m is not None else None
