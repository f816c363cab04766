"""Common English words: a word a member spelt right is not read as another word misspelt.

A spell checker corrects only the words its dictionary does not know; the engine's typo
reader knows only the knowledge's words, so without a dictionary it read "weather" as
"whether", "summit" as "submit" and "minority" as "majority". The words come from
pyspellchecker's English word-frequency list (words counted in subtitles and other text,
misspellings left out), a list kept up by its maintainers rather than by us.
"""

from __future__ import annotations

from functools import cache

from spellchecker import SpellChecker

# Only the words the list counts at least this often: 18,926 of its 160,572, about 2 MB in
# every process. Chosen on the knowledge's own held-out phrasings (`make bench`): with this
# floor 73.8 % are answered by their entry, as with 3,000, against 73.6 % with 300 and
# with every word of the list (rarer words are more often a misspelling's only reading);
# near questions answered 33.0 % against 33.1 % with 3,000.
COMMON_COUNT = 1000


@cache
def common_english_words() -> frozenset[str]:
    """The list's words counted at least `COMMON_COUNT` times (not "don't": folded apart).

    Read once per process, whole (15 MB for a tenth of a second), so it is best read
    before a large index is built: `Index` does.
    """
    counts = SpellChecker(language="en", distance=1).word_frequency
    return frozenset(w for w, count in counts.items() if count >= COMMON_COUNT and w.isalpha())
