"""Common English words: a word a member spelt right is not read as another word misspelt.

A spell checker corrects only the words its dictionary does not know; the engine's typo
reader knows only the knowledge's words, so without a dictionary it read "weather" as
"whether", "summit" as "submit" and "minority" as "majority". The words come from
pyspellchecker's English word-frequency list (words counted in subtitles and other text,
misspellings left out), a list kept up by its maintainers rather than by us.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib.resources import files

from bot.language.words import word_set

# The list as pyspellchecker ships it: one JSON object of word counts, '"word": count' a
# line. Read with a pattern, not as JSON: a dictionary of all 160,572 words would take
# 40 MB for a moment in a process that may be about to build an index of 10,000 entries.
_ENGLISH_LIST = files("spellchecker") / "resources" / "en.json.gz"
# Only the words (of letters a to z) the list counts at least 1,000 times: 18,380 of its
# 160,572, about 2 MB kept. Chosen on the knowledge's own held-out phrasings (`make bench`):
# with this floor 73.8 % are answered by their entry, as with 3,000, against 73.6 % with
# 300 and with every word of the list (rarer words are more often a misspelling's only
# reading); near questions answered 33.0 % against 33.1 % with 3,000.
_COMMON_WORD = re.compile(r'^"([a-z]+)": [1-9][0-9]{3,}', re.MULTILINE)


@cache
def common_english_words() -> frozenset[str]:
    """The list's words counted at least 1,000 times (see `_COMMON_WORD`).

    Read once per process, best before a large index is built (`Index` does): 0.1 s and
    a few megabytes for a moment.
    """
    text = gzip.decompress(_ENGLISH_LIST.read_bytes()).decode("utf-8")
    return frozenset(_COMMON_WORD.findall(text))


# The past forms of English verbs that no ending rule reaches (not "-ed"): a word after a
# noun in one of these is a deed ("how many people fled"), not a word qualifying the noun.
# Left out: forms as often a noun or an adjective in news ("left", "found", "lead", "shot",
# "wound", "ground", "bore", "lay", "felt", "fed", "bled", "rose", "saw", "lit", "sat").
IRREGULAR_PAST = word_set(
    """
    arose arisen became began begun bent bit bitten blew blown broke broken brought built
    bought caught chose chosen came crept dealt dug drew drawn drank drove driven ate eaten
    fell fallen fought fled flew flown forbade forbidden foresaw foreseen forgot forgotten
    forgave forgiven froze frozen got gotten gave given grew grown hung heard hid hidden
    held kept knew known led lent lost made meant met misled mistook mistaken overcame
    overran oversaw overseen overtook overtaken overthrew overthrown paid proven rebuilt
    repaid rode ridden rang rung risen ran seen sought sold sent shook shaken shone shown
    shrank shrunk sang sung sank sunk slept slid spoke spoken sped spent spun stood stole
    stolen stuck stung struck stricken strove striven swore sworn swept swam swum swung
    took taken taught tore torn told thought threw thrown underwent undergone understood
    undertook undertaken upheld woke woken wore worn wept won withdrew withdrawn withheld
    withstood wrote written
    """
)
