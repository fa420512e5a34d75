"""Where a date expression may stand in running text: the candidate patterns and their start words.

:mod:`quotemine.pipeline.dates.candidates` tries these patterns, anchored, at the token starts whose
word can open a date (:data:`START_WORDS`, digits), to catch what the entity recogniser misses
("third-quarter", "now", lower-case or short sentences). What a match means is decided later, by
:mod:`quotemine.pipeline.dates.timex`.
"""

from __future__ import annotations

import re

from quotemine.pipeline.dates.words import COUNTED_DAYS, DAY_WORDS, MONTHS

__all__ = [
    "CANDIDATE_PATTERNS",
    "CENTURY_CONJ",
    "DAY_AFTER_CLOCK",
    "DIGIT_OR_MONTH",
    "LATER_IN",
    "OFFSET_PREFIX",
    "REL",
    "SPAN_THEN_DATE",
    "START_WORDS",
]

START_WORDS = frozenset(
    {*MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | set(
        "early mid middle late the end beginning start earlier later last next this coming previous "
        "following that current today yesterday tomorrow tonight right now currently nowadays these "
        "recently lately its fiscal year in since by until of during from before after within about "
        "nearly almost some just only than wk upcoming "
        "more over a an one two three four five six seven eight nine ten eleven twelve twenty thirty several "
        "first second third fourth 1st 2nd 3rd 4th q1 q2 q3 q4 year-ago year-earlier mon tue tues wed thu "
        "thur thurs fri sat sun every each daily weekly biweekly monthly quarterly yearly nightly hourly "
        "annually semiannually biannually half noon midday midnight soon "
        "seconds minutes hours days weeks months years decades centuries century less under well roughly "
        "around many between once twice thrice up at thirteen fourteen fifteen sixteen seventeen eighteen "
        "nineteen forty fifty sixty seventy eighty ninety dozens hundreds percent cent cents million billion "
        "thousand times barrels nights mondays tuesdays wednesdays thursdays fridays saturdays sundays "
        "weekends h1 h2 fy hour week month decade weeklong yearlong monthlong spring summer autumn "
        "winter per fortnightly day mornings afternoons evenings".split()
    )
)
DIGIT_OR_MONTH = re.compile(
    r"\d|\b(?i:" + "|".join(m for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3) + r")\b"
)
MONTH_ALT = "|".join(sorted((m for m in MONTHS if m not in ("may", "march", "mar")), key=len, reverse=True))
C_MON = rf"(?:(?i:{MONTH_ALT})\.?|May|March|Mar\.?)"
WDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WDAY_PREFIX = rf"(?:{WDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
MONI = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
REL = r"(?i:last|next|this|this past|this coming|coming|previous|the previous|following|the following|that)"
MODP = r"(?:(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|earlier|later)[\s-]+" \
        r"(?:(?i:in)\s+)?(?:(?i:the)\s+)?)?"  # fmt: skip
NUMW = r"(?:\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|" \
        r"a few|" \
        r"several|a couple of))"  # fmt: skip
#: What makes "later"/"earlier" the modifier of the date after it ("later this week"), not an offset.
LATER_IN = r"\s+(?i:this|next|last|that|today|tonight|tomorrow)\b"
NUMBER_WORDS = (
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|hundred)"
)
COUNTW = (
    rf"(?:\d+(?:\.\d+)?|{NUMBER_WORDS}|(?i:a few|several|many|a couple of|a dozen|dozens of|hundreds of))"
)
#: A half after a count, as business news writes it: "(two) and one-half (years)", "(two) and a half".
AND_HALF = r"(?:\s+(?i:and)\s+(?i:a|one)[\s-](?i:half))?"
OFFSET_PREFIX = re.compile(
    rf"\b{NUMW}\s+(?i:days?|weeks?|months?|years?|fortnights?)\s+(?i:from|after|before)\s+$"
    r"|\b(?i:the\s+day\s+(?:after|before))\s+$"  # "the day after" + "Christmas": the next day
)
OFIN = r"(?:(?i:of|in)\s+)?"
DAYW = "(?i:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)) + ")"
SET_UNITS = (
    r"(?i:day|week|weekend|month|quarter|year|morning|afternoon|evening|night|hour|spring|summer|fall|autumn|"
    r"winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)"
)
DAY_PART = r"(?i:morning|afternoon|evening|night)"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)|(?:12\s+)?(?i:noon|midday|midnight)\b|"
    r"(?:1[0-2]|[1-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:o'clock)\b)"
)
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{DAYW})"
#: The day written after a clock time: "(11.40pm) on 14 September", "(5 p.m.) on March 3", "(6 a.m.) on
#: Saturday".
DAY_AFTER_CLOCK = (
    rf"\s*,?\s+(?:(?i:on)\s+)?(?P<day>(?:(?i:the)\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{C_MON}"
    rf"|{C_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?|{WDAY})(?![\w-])"
)
#: What follows the first of two centuries: "and 21st centuries", "to the twenty-first centuries".
CENTURY_CONJ = rf"\s+(?i:and|or|to|through)\s+(?:(?i:the)\s+)?{ORDINAL}[\s-]+(?i:centuries)\b"
CANDIDATE_PATTERNS: tuple[str, ...] = (
    # a span of time after "for", "over", "after"... that the entity recogniser missed ("after several
    # quarters of losses", "for over an hour"); not "two days ago", "a week later" (dates)
    rf"\b(?i:for|over|during|after|within|throughout|across)\s+(?P<d>(?:(?i:the)\s+)?(?:(?i:past|last|next|"
    rf"coming|first|previous|final)\s+)?(?:(?i:more than|less than|nearly|almost|about|over|at least)\s+)?"
    rf"(?:{NUMW}|(?i:several|many|a few|few|some))\s+(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|"
    r"months?|quarters?|years?|decades?))\b"
    r"(?!-|\s+(?i:ago|earlier|later|from now|before|after|hence|old|of age)\b)",
    rf"\b{CLOCK}(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|(?i:local\s+time)))?"
    rf"(?:\s+(?i:(?:on\s+)?{WDAY}|today|tomorrow|yesterday|tonight)\b(?:\s+{DAY_PART}\b)?)?",
    # a clock without a.m./p.m. after a preposition of time: "called at 21:40 on Friday", "until 09:30" (the
    # recogniser calls it a number); not "John 3:16" or a ratio
    r"\b(?i:at|by|from|until|before|after|around)\s+(?P<d>(?:2[0-3]|[01]?\d):[0-5]\d(?![\d:]|\s+(?i:ratio|split|margin)\b)"
    r"(?:\s+(?:GMT|UTC|BST|CET|(?i:local\s+time)))?"
    rf"(?:\s+(?i:(?:on\s+)?{WDAY}|today|tomorrow|yesterday|tonight)\b(?:\s+{DAY_PART}\b)?)?)",
    rf"\b(?i:(?:almost\s+|nearly\s+)?(?:every|each)\s+(?:other\s+|{NUMW}\s+)?)(?:{WDAY}\s+{DAY_PART}|"
    rf"(?:(?i:business|trading|working)\s+)?{SET_UNITS}s?)\b(?!-)",  # "each trading day": P1D
    r"\b(?i:annually|semiannually|biannually)\b|\b(?i:daily|weekly|biweekly|fortnightly|monthly|quarterly|yearly|"
    r"nightly|"
    r"hourly)(?=\s*(?:[.,;:!?)]|$)|\s+(?i:and|or|in|at|on|for|to|from|by|since|until|with|basis|between|across|"
    r"throughout|during|except|through|around|via)\b)",
    r"\b(?i:(?:the\s+)?(?:last|past|next|coming|first|previous)\s+|a\s+|half\s+a\s+)(?i:quarter|half)"
    r"(?:[\s-]|\s+(?i:of\s+a)\s+)(?i:century|centuries)\b",
    r"\b(?i:(?:the\s+)?(?:(?:first|second|1st|2nd)\s+half|(?:first|last)\s+two\s+quarters)\s+of\s+"
    r"(?:(?:fiscal\s+)?[12]\d{3}|(?:this|last|next)\s+year|the\s+year))\b",
    r"\b(?i:(?:since\s+)?(?:the\s+)?(?:(?:this|last|next)\s+)?year[\s-]end)\b",
    r"\b(?i:the)\s+[12]\d{3}\s+(?i:quarter|period)\b",
    rf"\b(?i:(?:the\s+)?(?:upcoming\s+{NUMW}|{NUMW}\s+upcoming)\s+(?:days?|weeks?|fortnights?|months?|quarters?|years?))\b",
    rf"\b{NUMW}\s+(?i:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\s+"
    r"(?i:from now|hence|ago)\b",
    rf"\b(?:{WDAY_PREFIX},?\s+)?{MODP}{MONI}\s+[0-3]?\d(?:st|nd|rd|th)?\b(?:,?\s+{OFIN}[12]\d{{3}}\b)?",
    rf"\b(?:{WDAY_PREFIX},?\s+)?(?:(?i:the)\s+)?[0-3]?\d(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{MONI}\b"
    rf"(?:,?\s+{OFIN}[12]\d{{3}}\b)?",
    rf"\b{MODP}{C_MON},?\s+[12]\d{{3}}\b",
    rf"\b{MODP}(?:{REL}\s+)?(?:(?i:january|february|april|june|july|august|september|october|november|december)"
    r"|May|March)\b",
    rf"\b{MODP}(?:{REL}\s+)?{WDAY}\b",
    # a month abbreviated without its period after a preposition ("leave after Feb", "ends in Sept"); not
    # a name ("in Jan Berg's film")
    r"\b(?i:in|by|since|until|till|after|before|from|through|during|early|late|mid)\s+"
    r"(?P<d>(?:Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\b(?![.'\-]|\s+[A-Z])",
    # a day of a month named by its place: "the 20th of last month", "5th of the following month"
    rf"\b(?:(?i:the)\s+)?{ORDINAL}\s+(?:(?i:of)\s+)?(?:(?i:the)\s+)?(?i:this|current|next|coming|following|last|"
    r"previous)\s+(?i:month)\b",
    # a plural weekday or "weekends" is a habit (TimeML: a set, "XXXX-WXX-2"): "shut on Tuesdays"
    r"\b(?i:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends)\b(?!-|'|\s+(?i:ago|"
    r"from now|hence|earlier|later|before|after|of)\b)",
    # ... and the parts of days a verb does things in: "works mornings" (the verb is vetted)
    r"\b(?i:mornings|afternoons|evenings)\b(?!-|')",
    # ... and a part of such days: "on Friday nights", "on Sunday mornings"
    rf"\b{WDAY}s?\s+{DAY_PART}s\b(?!-|')",
    # "day after tomorrow" with or without its article (else only "tomorrow" is read: a wrong day)
    r"\b(?i:(?:the\s+)?day\s+(?:after\s+tomorrow|before\s+yesterday))\b",
    rf"\b{MODP}(?i:today|yesterday|tomorrow|tonight)\b",
    r"\b(?i:right now|now|currently|nowadays|these days|recently|lately|at present|"
    r"the (?:near |foreseeable |distant |immediate )?future)\b",
    # "at the moment," "at this moment." (TimeML: PRESENT_REF), not "the moment he arrived", "of impact"
    r"\b(?i:at)\s+(?P<d>(?i:the|this)\s+(?i:moment))(?=\s*(?:[,.;:!?)]|$))",
    # "in the past" (TimeML: PAST_REF), not "the past week" or "the past president"
    r"\b(?i:the(?: distant| recent)? past)(?=\s*(?:[.,;:!?)\"'\u201d]|$)|"
    r"\s+(?i:and|or|but|to|in|of|when|as|that|is|was|has|had|will|would)\b)",
    # TimeML's "soon" (FUTURE_REF), not "as soon as"; "recent" before a noun was tried and dropped: as
    # many false finds as true ones (annotators tag it unevenly)
    r"(?<![Aa]s )\b(?i:soon)\b(?!\s+(?i:as|after|before|enough)\b)",
    rf"\b{MODP}{REL}\s+(?i:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b(?!-)",
    rf"\b{MODP}(?i:this|the current|the latest|the most recent)\s+(?i:quarter|period)\b",
    rf"\b(?i:(?:about|nearly|almost|some|just|only|more than|less than|just over|well over|over|just under|"
    rf"under|roughly|around)\s+)?(?:(?:{NUMW}|(?i:many))\s+)?(?i:seconds?|minutes?|hours?|days?|weeks?|"
    r"fortnights?|months?|years?|decades?|century|centuries)\s+(?i:ago|earlier|later|hence|from now)\b"
    rf"(?!{LATER_IN})",  # not "later this week"
    # a rate: "$40,000 a year", "5% a year", "24 hours a day", "per month" (TimeML: a set, P1Y)
    r"(?:\d[\d,.]*\s*%?|(?i:percent|cents?|million|billion|thousand|hours|days|nights|weeks|months|times|barrels))\s+(?P<d>(?i:a|an|per)\s+"
    r"(?i:hour|day|week|month|quarter|year))\b(?!-|\s+(?i:ago|earlier|later|after|before|from\s+(?:now|today|then)|or|and|of|to)\b)",
    # "per" makes a calendar unit a rate: "400 tonnes per day" (TimeML: a set, P1D); not a speed ("per
    # second", "per hour"), which TimeML leaves unmarked
    r"\b(?i:per)\s+(?i:day|week|month|quarter|year|annum)\b(?!-|')",
    # a rate after a counted noun: "150 million shares a day", "80,000 visitors a year" (kept only after a
    # plural noun or a number, see vetting.py), also before the verb ("9,000 hikers a year climb it"); not
    # an offset ("a year ago", "a week later") or a span of its own ("a year or two", "a day long")
    r"\b(?i:a|an)\s+(?i:day|week|month|year)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?i:in|on|for|at|and|or|but|last|this|"
    r"since|until|over|from|by|with)\b|\s+(?!(?:ago|earlier|later|before|after|hence|old|long|ahead|back|prior|"
    r"apart|of|to|the|an?|that|more|less|or|and|and a half|running|straight|in a row)\b)[a-z]+\b)",
    # a count of a unit standing alone ("took 18 months", "between two and four weeks", "three and
    # one-half years", "ten business days"); the ends of a range are split later; not an offset ("two
    # days ago"), an age or a compound ("two-year")
    rf"\b(?:(?i:between)\s+)?(?P<d>(?:(?i:more than|less than|nearly|almost|about|some|over|up to|at least|"
    rf"roughly|around)\s+)?{COUNTW}(?:(?:\s*-\s*|\s+(?i:to|or|and)\s+){COUNTW})?{AND_HALF}\s+(?i:seconds?|"
    r"minutes?|hours?|(?:(?:business|trading|working)\s+)?days?|weeks?|months?|quarters?|years?|decades?|"
    r"centuries))\b(?!-|\s+(?i:ago|earlier|later|"
    r"from now|before|after|hence|old|of age)\b)",
    # an uncounted span that measures a noun ("faced years of deficits", "after weeks of talks"); not "days
    # of the week", "years of age"
    r"(?<![Tt]he\s)\b(?i:hours|days|weeks|months|years|decades)(?=\s+of\s+(?!(?:the|a|an|this|that|these|those|his|her|its|"
    r"their|our|my|your|age)\b)[a-z])",
    # British "a fortnight", "the past fortnight" (two weeks) are spans; "a fortnight ago" is an offset
    r"\b(?i:a|one|the\s+(?:past|last|next|coming|previous|following))\s+(?i:fortnight)\b"
    r"(?!-|'|\s+(?i:ago|earlier|later|from now|before|after|hence)\b)",
    # a unit counted from the date last named ("the next day", "the day before", "the same week") or two
    # units on ("the week after next"); "the day after the vote" is no date of its own
    r"\b(?i:the\s+)(?i:(?:following|next|previous|preceding|prior|same)\s+day|(?:following|previous|preceding|"
    r"prior|same)\s+(?:week|month)|(?:week|weekend|month|year)\s+(?:after\s+next|before\s+last)|day\s+(?:before|"
    r"after)(?=\s*(?:[.,;:!?)\"\u201d]|$|\s+(?:and|but|when|as|while)\b)))\b",
    # the span a figure covers: "the year ended March 31", "the nine months ending in June" (a duration)
    rf"\b(?P<d>(?i:the\s+)(?:(?i:fiscal|first|last|past|latest)\s+)?(?:{COUNTW}\s+)?(?i:years?|quarters?|months?|weeks?))"
    r"(?=\s+(?i:ended|ending)\b)",
    # a season after a preposition of time ("will publish it in the autumn"), not a name ("the spring
    # statement", "the summer months")
    r"\b(?i:in|by|during|until|till|through|over|since|before|after)\s+(?P<d>(?i:the)\s+"
    r"(?i:spring|summer|autumn|fall|winter))(?=\s*(?:[.,;:!?)\"\u201d]|$)|\s+(?i:and|or|but|when|as|to|for|with|"
    r"at|in|on|if|while|because)\b)",
    # a part of the day after a preposition of time ("resumed in the afternoon"; TimeML: a time on the day
    # in focus), not a name ("the morning session", "the evening news")
    r"\b(?i:in|during|by|until|till|through|throughout|since)\s+(?P<d>(?i:the)\s+(?i:morning|afternoon|evening))"
    r"(?=\s*(?:[.,;:!?)\"\u201d]|$)|\s+(?i:and|or|but|when|as|to|for|with|at|in|on|if|while|because)\b)",
    # a season of a year: "the autumn of 1998", "winter 2021" (the recogniser often keeps only the year)
    r"\b(?:(?i:the)\s+)?(?i:spring|summer|autumn|fall|winter)\s+(?:(?i:of)\s+)?[12]\d{3}\b(?![-/.,]?\d)",
    # a span written as a modifier: "a year-long inquiry", "the decade-long war", "a weeklong strike"
    r"\b(?i:(?:hour|day|week|month|year|decade)s?-?long)\b",
    # how often: "twice a year", "three times a week", "four nights a week" (TimeML: a set with the
    # period as its value)
    rf"\b(?i:once|twice|thrice|(?:\d+|{NUMBER_WORDS})\s+(?:times|{COUNTED_DAYS}))\s+(?i:a|an|per|each|every)\s+"
    r"(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade)\b(?!-)",
    r"\b(?i:(?:the|its)\s+)?(?:[12]\d{3}(?:'s)?\s+)?(?i:fiscal\s+)?(?i:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?i:quarter|qtr)\b"
    r"(?:\s+(?i:of)\s+[12]\d{3})?",
    r"\b(?i:the\s+)?(?i:year[\s-]ago|year[\s-]earlier)(?:\s+(?i:quarter|period))?\b",
    rf"\b{MODP}(?:[12]\d)?\d0'?s\b",
    rf"\b(?i:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{DAYW})[\s-]+(?i:century|centuries)\b",
    # the first of two centuries: "the 20th" of "the 20th and 21st centuries" (no day of the month)
    rf"\b(?P<d>(?i:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{DAYW}))(?={CENTURY_CONJ})",
    r"\b[12]\d{3}-[01]?\d-[0-3]?\d\b",
    r"\b[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})\b",
    # a month and day in figures after "on" ("on 4/21", "on 21/4"), not a ratio or a score ("won 4/21")
    # (vetting keeps only those after "on")
    r"\b(?:(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))\b"
    r"(?![/%]|[.,]\d|\s*(?i:of|per|percent)\b)",
    # the day first, as outside the US, when the first number cannot be a month: "31/10/1974"
    r"\b(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:\d{4}|\d{2})\b",
    rf"\b(?i:in|since|by|until|of|during|from|before|after|fiscal|year|than)\s+(?P<d>{MODP}(?:1[5-9]|20)\d{{2}})\b"
    r"(?![%]|[,.]\d|-\w)",
    r"\b(?i:early|mid|late)-?(?:1[5-9]|20)\d{2}\b",
    rf"\b(?:{WDAY},?\s+)?{C_MON}\s+(?:(?i:the)\s+)?{DAYW}\b(?:,?\s+{OFIN}[12]\d{{3}}\b)?",
    rf"\b(?:{WDAY},?\s+)?(?:(?i:the)\s+)?{DAYW}\s+(?i:of)\s+{MONI}\b(?:,?\s+{OFIN}[12]\d{{3}}\b)?",
    r"\b[12]\d{3}-(?:0[1-9]|1[0-2])\b(?!-\d)",
    rf"\b{MODP}(?:{REL}|(?i:the\s+)?(?i:current))\s+(?i:qtr|yr|year|month|week|quarter)\b(?!-)",
    r"\b(?i:(?:the\s+)?(?:early|late|mid|middle|end|beginning|start|earlier|later)\s+(?:of\s+|in\s+)?(?:the\s+)?)"
    r"(?i:year|month|week)\b",
    r"\b(?i:(?:the\s+)?year to date)\b",
    rf"\b(?i:in|within)\s+{NUMW}\s+(?i:days?|weeks?|months?|years?|fortnight)\b(?!\s+(?i:or|to)\b)",
    rf"\b(?:{WDAY}\s+(?i:of|from)\s+)(?i:this|next|last|the following|the previous|the same)\s+"
    r"(?i:week)\b(?!-|')",  # not "Friday from last week's trip" (a trip of last week)
    # a weekday of a week named first: "next week's Friday", "last week's Monday"
    rf"\b(?i:this|next|last)\s+(?i:week)'s\s+{WDAY}\b",
    # British offsets from a weekday: "a week on Friday", "Friday week" (the coming Friday, a week on)
    rf"\b(?i:a|one|two)\s+(?i:weeks?|fortnight)\s+(?i:on)\s+{WDAY}\b(?!-|')",
    rf"\b{WDAY}\s+(?:week|fortnight)\b(?!-|'|\s+(?i:of|and|or|to|in|after|before|ago|later|earlier)\b)",
    r"\b(?i:q[1-4])\s*[12]\d{3}\b|\b[12]\d{3}\s*(?i:q[1-4])\b",
    rf"\b(?:(?i:the)\s+)?(?i:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+{WDAY}\s+(?i:of|in)\s+"
    rf"(?:(?i:the\s+month|this\s+month|next\s+month|last\s+month)|(?:(?i:next|last|this)\s+)?{MONI}"
    rf"(?:,?\s+[12]\d{{3}})?)\b",
    rf"\b{C_MON},?\s+(?i:(?:nineteen|twenty)[\s-](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two thousand(?:\s+and)?(?:\s+(?:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen))?)\b",
    rf"\b[0-3]?\d-{MONI}-[12]\d{{3}}\b|\b{MONI}-[0-3]?\d-[12]\d{{3}}\b",
    r"\b(?i:(?:the\s+)?(?:week|wk)\s+\d{1,2}(?:\s+of\s+(?:[12]\d{3}|(?:last|this|next)\s+year))?)\b",
    r"\b(?i:(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?:week|month)\s+of\s+)"
    r"[12]\d{3}\b",
    # a week or a day by its place in a month or a year: "the second week of July", "the last day of
    # the month", "the first day of next year"
    r"\b(?:(?i:the)\s+)?(?:(?i:second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+(?=(?i:last|final)\b))?"
    r"(?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s+(?i:weekend|week|day)\s+"
    r"(?i:of|in)\s+(?:(?i:(?:the|this|next|last)\s+(?:month|year))|[12]\d{3}|"
    rf"{MONI}(?:,?\s+[12]\d{{3}})?)\b(?!-|')",
    # a weekday and its week, a month (or a day of it) and its year: "Tuesday next week", "March last
    # year", "June 3 next year"; not "next week's"
    rf"\b{WDAY}\s+(?i:this|next|last)\s+(?i:week)\b(?!-|')",
    rf"\b{C_MON}(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:(?i:of)\s+)?(?i:this|next|last)\s+(?i:year)\b(?!-|')",
    # short forms: "H1 2022", "3Q 2019", "2021 H2", "FY2020", "FY '21", "Jan. '19", "summer of '98", "in
    # '89", "25.12.2019", "2019/12/25"
    r"\b(?i:h[12]|[12]h|[1-4]q)\s*(?:[12]\d{3}|'\d{2})\b|\b[12]\d{3}\s*(?i:h[12]|[1-4]q)\b",
    r"\b(?i:fy)\s*(?:'?\d{2}|[12]\d{3})\b",
    rf"\b(?:{C_MON}|(?i:spring|summer|fall|autumn|winter))\s+(?:(?i:of)\s+)?'\d{{2}}\b",
    r"\b(?i:in|since|of|by|until|during|before|after)\s+(?P<d>'\d{2})\b(?!\s*-|'|s\b)",
    r"\b[0-3]?\d\.[0-3]?\d\.[12]\d{3}\b(?!\.\d)|\b[12]\d{3}/[01]?\d/[0-3]?\d\b",
    # "Friday after next", "April after next"
    rf"\b(?:{WDAY}|{C_MON})\s+(?i:after\s+next)\b",
    # a weekday and a day of the month with no month: "Tues 3rd", "Thursday the 6th"
    rf"\b{WDAY_PREFIX},?\s+(?:(?i:the)\s+)?[0-3]?\d(?:st|nd|rd|th)\b(?!-|\s+(?:(?i:of)\s+)?{MONI})",
    # a half or a quarter by its code ("profits fell in H1", "for Q3"; the word before is vetted); not
    # "the H1 visa" nor "Q3 2024" (read with its year above)
    r"\b(?:H[12]|Q[1-4])\b(?![-/]|\s*(?:[12]\d{3}|'\d\d)\b|\s+(?i:visas?|receptors?)\b)",
    # a day of the month alone ("back on the 9th"; the word before is vetted)
    r"\b(?i:the)\s+[0-3]?\d(?:st|nd|rd|th)\b(?!-|\s+(?i:of|and|or|to|century|centuries|minute)\b)",
    # a half or a quarter glued to a two-digit year: "1H25", "H2 24" is not read
    r"\b(?:[12]H|[1-4]Q)\d\d\b",
    # a day and a month in figures after a preposition of time: "until 27/11", "since 11/27"
    r"\b(?i:on|until|till|since|before|after)\s+(?P<d>(?:[0-3]?\d)/(?:[0-3]?\d))\b(?![/.,]\d|\s*(?:%|(?i:of)\b))",
)

#: An entity that is a span of time and then the date it fell in ("10 days last month", "two hours
#: on Tuesday"): two expressions (TimeML: a DURATION and a DATE); ``d`` is the span, ``date`` the date.
SPAN_THEN_DATE = re.compile(
    rf"(?P<d>(?:(?i:about|some|nearly|almost|more than|less than|over|just over|at least)\s+)?{COUNTW}\s+"
    r"(?i:minutes?|hours?|days?|weeks?|months?|years?))\s+(?:(?i:on|in|during)\s+)?"
    rf"(?P<date>(?i:(?:last|this|next|this past|earlier this|later this)\s+(?:week|weekend|month|year|"
    rf"spring|summer|fall|autumn|winter)|yesterday|today|tomorrow)|{WDAY})$"
)
