"""Word tables and compiled patterns that read one normalised date expression.

Frozen lexicons (month, weekday, count, ordinal, season words) and the anchored regular expressions
:mod:`quotemine.pipeline.dates.timex` tries on an expression once it is lower-cased and squeezed.
The number words come from :mod:`quotemine.lexicons.numbers`. Nothing here is mutable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from quotemine.lexicons.numbers import CARDINALS

MONTHS: Mapping[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: Mapping[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_COUNTED = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "fifteen", "twenty", "thirty", "forty", "fifty")  # fmt: skip
#: Count words of "two years ago", "3 fridays from now": cardinals and vague counts.
NUMBERS: Mapping[str, int] = {
    "a": 1, "an": 1, **{word: CARDINALS[word] for word in _COUNTED}, "a few": 3, "few": 3, "several": 3,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
}  # fmt: skip
ORDINALS: Mapping[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                               "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}  # fmt: skip
SEASONS: Mapping[str, tuple[str, int]] = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "fall": ("FA", 9),
    "autumn": ("FA", 9),
    "winter": ("WI", 12),
}
DECADE_WORDS: Mapping[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
REF_WORDS: Mapping[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
    "these days": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "to date": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the future": "FUTURE_REF",
    "soon": "FUTURE_REF", "the past": "PAST_REF", "the distant past": "PAST_REF",
    "the recent past": "PAST_REF", "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the immediate future": "FUTURE_REF", "the moment": "PRESENT_REF",
    "this moment": "PRESENT_REF",
}  # fmt: skip

UNITS_W = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
DAY_WORDS: Mapping[str, int] = {
    **{w: i + 1 for i, w in enumerate(UNITS_W)},
    **{"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
       "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
       "twentieth": 20, "thirtieth": 30},
    **{f"twenty{sep}{w}": 21 + i for i, w in enumerate(UNITS_W) for sep in ("-", " ")},
    **{f"thirty{sep}first": 31 for sep in ("-", " ")},
}  # fmt: skip
MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WD = r"(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
DAY = (
    r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dayw>"
    + "|".join(sorted(DAY_WORDS, key=len, reverse=True))
    + r"))"
)
YEAR = r"(?P<year>[12]\d{3})"
NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
UNIT = r"(?P<unit>day|week|fortnight|month|quarter|year|decade|century|centurie)s?"

LEAD = re.compile(
    r"^(?:the|on|in|at|by|during|since|until|till|of|from|before|after|around|about|nearly|almost|"
    r"some|sometime|approximately|roughly|circa|as of|as early as|as late as|as recently as)\s+"
)
MOD = re.compile(
    r"^(?P<m>early|earlier|mid|middle|late|later|the beginning of|beginning of|the start of|start of|"
    r"the end of|end of|the middle of|middle of|the close of)(?:[\s-]+|$)(?:in\s+)?(?:the\s+)?"
)
MOD_MAP: Mapping[str, str] = {"early": "early", "earlier": "early", "beginning": "early", "start": "early",
                               "mid": "mid", "middle": "mid", "late": "late", "later": "late", "end": "late",
                               "close": "late"}  # fmt: skip
#: The parts of days a verb does things in, as a habit: "works mornings" (every morning).
PARTS_OF_DAYS: Final = frozenset({"mornings", "afternoons", "evenings"})
#: Days counted in a frequency: "four nights a week", "two days a month".
COUNTED_DAYS: Final = "days|nights|mornings|afternoons|evenings"
TOD = re.compile(r"[\s,]+(?:morning|afternoon|evening|night|overnight)$")
SETS = re.compile(
    r"^(?:every|each|per)\b|^(?:once|twice|thrice|\S+ (?:times|" + COUNTED_DAYS + r")) "
    r"(?:a|an|per|each|every) |"
    r"^(?:daily|weekly|monthly|annually|yearly|quarterly|nightly|hourly|"
    r"biweekly|fortnightly|semiannually|annual)$|"
    r"^(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|mornings|afternoons|evenings)$|"
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? "
    r"(?:mornings|afternoons|evenings|nights)$"
)
TIMES = re.compile(
    r"\b(?:a\.?m\.?|p\.?m\.?|noon|midday|midnight|o'clock|\d{1,2}:\d{2}|gmt|est|edt|utc)\b|(?<=\d)[ap]\.?m\b|"
    r"^(?:this|that|the|tomorrow|yesterday|last)?\s*(?:morning|afternoon|evening|night|tonight|overnight)$|^tonight$"
)
DURATION = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|previous|coming|recent|following|final)\s+)?"
    r"(?:(?:\d+|[a-z]+(?:-[a-z]+)?|a few|several|many|couple of)\s+)?(?:full\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?|centuries|quarters?|hours?|minutes?|weekends?|fortnights?)"
    r"(?:\s+(?:old|long|or so|and a half))?$"
    r"|^(?:\d+|[a-z]+)[\s-](?:days?|weeks?|months?|years?|decades?)(?:[\s-]old)?$|years?$|-year-old$"
)

P_REL = re.compile(
    r"^(?P<rel>last|this|next|previous|following|coming|this coming|this past|current|the current|latest|"
    r"most recent|same|that)\s+(?P<unit>week|weekend|month|year|quarter|decade|century|period)$"
)
P_AGO = re.compile(r"^(?:just\s+|only\s+|over\s+|more than\s+|less than\s+)?" + NUM + r"\s+" + UNIT
                    + r"\s+(?P<dir>ago|earlier|before|later|after|from now|hence)$")  # fmt: skip
P_IN = re.compile(r"^(?:in|within)\s+" + NUM + r"\s+" + UNIT + r"$")
P_UPCOMING = re.compile(
    r"^(?:the\s+)?(?:upcoming\s+"
    + NUM
    + r"|"
    + NUM.replace("<num>", "<num2>")
    + r"\s+upcoming)\s+"
    + UNIT
    + r"$"
)
P_WD_COUNT = re.compile(
    r"^" + NUM + r"\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\s+"
    r"(?P<dir>from now|hence|ago)$"
)
P_FROM = re.compile(r"^" + NUM + r"\s+" + UNIT + r"\s+(?P<dir>from|after|before)\s+(?!now$)(?P<rest>.+)$")
#: "the day after Christmas", "the day before the 12th": one day from a named day
P_DAY_FROM = re.compile(r"^(?:the\s+)?day\s+(?P<dir>after|before)\s+(?P<rest>.+)$")
P_DAY_OF_REL_MONTH = re.compile(
    r"^" + DAY + r"\s+(?:of\s+)?(?:the\s+)?(?P<rel>this|current|next|coming|following|last|previous)\s+month$"
)  # "the 20th of last month", "5th of the following month"
P_WD_OF_WEEK = re.compile(
    r"^" + WD + r"\s+(?:of|from)\s+(?P<rel>this|next|last|the following|the previous|the same)\s+week$"
    r"|^(?P<rel2>this|next|last)\s+week's\s+" + WD.replace("<wd>", "<wd2>") + r"$"
)  # "Tuesday of next week", "Friday from last week", "next week's Friday"
#: British "Friday week", "a week on Friday": the coming Friday, then a week (or a fortnight) on.
P_WD_WEEK = re.compile(
    r"^(?:(?P<num>a|one|two)\s+(?P<unit>week|weeks|fortnight)\s+on\s+"
    + WD
    + r"|"
    + WD.replace("<wd>", "<wd2>")
    + r"\s+(?P<unit2>week|fortnight))$"
)
P_MDY = re.compile(
    r"^(?:" + WD + r",?\s+)?" + MON + r"\s+" + DAY + r"(?:,?\s+(?:of\s+|in\s+)?" + YEAR + r")?$"
)
P_DMY = re.compile(r"^(?:" + WD + r",?\s+)?(?:the\s+)?" + DAY + r"\s+(?:of\s+)?" + MON
                    + r"(?:,?\s+(?:of\s+|in\s+)?" + YEAR + r")?$")  # fmt: skip
P_MY = re.compile(r"^" + MON + r",?\s+(?:of\s+)?" + YEAR + r"$")
P_YM = re.compile(r"^" + YEAR + r"\s+" + MON + r"$")
P_MON = re.compile(r"^(?P<rel>last|next|this|this past|this coming|coming)?\s*" + MON + r"$")
P_WD = re.compile(
    r"^(?P<rel>last|next|this|this past|this coming|coming|past|previous|following)?\s*" + WD + r"$"
)
P_ISO = re.compile(r"^(?P<year>[12]\d{3})-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)$")
P_HYPHEN = re.compile(
    r"^(?P<day>[0-3]?\d)-(?P<mon>[a-z]{3,9})\.?-(?P<year>[12]\d{3})$|^(?P<mon2>[a-z]{3,9})-(?P<day2>[0-3]?\d)-(?P<year2>[12]\d{3})$"
)
P_WEEK_NUM = re.compile(
    r"^(?:week|wk)\s+(?P<n>\d{1,2})(?:\s+of\s+(?:(?P<year>[12]\d{3})|(?P<rel>last|this|next)\s+year))?$"
    r"|^(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<unit>week|month)\s+of\s+(?P<year2>[12]\d{3})$"
)
P_MON_WORDS = re.compile(r"^" + MON + r",?\s+(?:of\s+)?(?P<rest>(?:nineteen|twenty|two thousand)\b.*)$")
P_NTH_WD = re.compile(
    r"^(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
    + WD
    + r"\s+(?:of|in)\s+(?P<rest>.+)$"
)
P_ISO_MONTH = re.compile(r"^(?P<year>[12]\d{3})-(?P<mon>0[1-9]|1[0-2])$")
P_US = re.compile(
    r"^(?:on\s+)?(?:(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)|(?P<dd>1[3-9]|2\d|3[01])/(?P<mm>0?[1-9]|1[0-2]))"
    r"(?:/(?P<year>\d{4}|\d{2}))?$"
)  # "11/29/02"; the day first only when it cannot be a month: "31/10/1974"
P_HALF = re.compile(
    r"^(?:the\s+)?(?:(?P<h>first|second|1st|2nd)\s+half|(?P<h2>first|last)\s+two\s+quarters)\s+of\s+"
    r"(?:(?:fiscal\s+)?" + YEAR + r"|(?P<rel>this|last|next)\s+year|the\s+year)$"
)
P_YEAR_END = re.compile(r"^(?P<since>since\s+)?(?:the\s+)?(?:(?P<rel>this|last|next)\s+)?year[\s-]end$")
P_YEAR = re.compile(r"^(?:fiscal\s+|calendar\s+|(?:the\s+)?year\s+|fy\s*)?" + YEAR + r"$")
P_DECADE = re.compile(
    r"^(?P<c>[12]\d)?(?P<d>\d)0'?s$|^'(?P<d2>\d)0s$|^(?P<w>" + "|".join(DECADE_WORDS) + r")$"
)
P_CENTURY = re.compile(
    r"^(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)) + r"))"
    r"[\s-]+centur(?:y|ies)$"
)
P_QUARTER = re.compile(
    r"^(?:its\s+|their\s+)?(?:fiscal\s+)?(?:(?P<y1>[12]\d{3})(?:'s)?\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|"
    r"1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y2>[12]\d{3})|\s+(?P<y3>[12]\d{3}))?$"
    r"|^(?P<q2>q[1-4])\s*(?P<y4>[12]\d{3})?$|^(?P<y5>[12]\d{3})\s*-?\s*(?P<q3>q[1-4])$"
)
P_YEARAGO = re.compile(r"^(?:year[\s-]ago|year[\s-]earlier|prior[\s-]year)(?:\s+(?:quarter|period))?$")
P_SEASON = re.compile(
    r"^(?P<rel>last|this|next|this past|past|coming|this coming)?\s*(?P<s>spring|summer|fall|autumn|winter)"
    r"(?:\s+(?:of\s+)?" + YEAR + r")?$"
)
P_ANCHOR_YEAR = re.compile(
    r"^the\s+(?:following|next|previous|preceding|prior|same)\s+year$|^following year$|"
    r"^that year$|^the year (?:before|after)$"
)
P_YEAR_WORDS = re.compile(
    r"^(?P<c>nineteen|twenty)[\s-](?P<t>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?P<u>one|two|three|four|five|six|seven|eight|nine))?$"
    r"|^two thousand(?:\s+and)?(?:\s+(?P<u2>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?$"
)

#: Digit values for spelled-out years: units and teens as such, tens as their tens digit.
WORD_DIGITS: Mapping[str, int] = {word: v if v < 20 else v // 10 for word, v in CARDINALS.items() if v}
