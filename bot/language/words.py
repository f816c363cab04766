"""Words of the general language, whatever the subject: English, Albanian and Serbian.

What the engine reads the same way in every knowledge (stopwords, chat spellings,
negations, the case endings of names) lives here, apart from the engine, so the knowledge
package can validate vocabulary files against it without importing the engine. What is
true of one subject only is the knowledge's vocabulary (knowledge/vocabulary).
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


# Words that carry no topic: function words and the filler of conversational questions, in
# English, Albanian and Serbian. Question words are here too; `question_kind` reads them
# before they are dropped.
STOPWORDS = word_set(
    """
    a about above actually after again against ago all almost also although always am an
    and any anybody anyone anything anyway are around as ask asked asking at away back
    be because been before being below besides between both brief briefly but by can
    could currently curious dear describe did do does doing done down during
    each either else enough especially even ever every exactly explain explained far few
    find for from further get gets getting give given go going got had has have having
    he hear heard hello help her here hers herself hey hi him himself his how however i
    id if im in indeed info information into is it its itself ive just kind know
    known let lets like likely look made make many may maybe me mean meant might
    mind more most much must my myself no nor now of off often oh ok okay
    on once one only or other others otherwise our ours ourselves out over own
    particular particularly people perhaps please pls point pretty probably quick
    quickly quite rather re read reading really regarding right said same say saying
    says see seem seems seen she should since so some someone something sort sorry still
    such summarize summary sure tell than thank thanks that the their theirs them
    themselves then there these they thing things think this those though through thus
    to too topic true truly try u under understand until up upon use used very
    wanting was way we well were what whatever when where whether which while who
    whom whose why will with within without wonder wondering would yeah yes yet you
    your yours yourself e dhe i te ne per nga me qe eshte jane a apo nje ky kjo keto ato
    ai ajo kush cili cila cilat cilet cilin cilen cfare pse si sa kur ku nuk do ka kane
    kishte ishte jam jan
    je jemi jeni mund duhet se por edhe vetem tani ose mbi pa deri tek prej sipas lidhje
    rreth une ti na ju ata tyre saj tij kete ketij asaj atij cka je su da li i u na za
    vec od do sa se koji koja koje kojim kojih sta sto zasto kako kada kad gde ko kome koga
    nije nisu ima imaju bio bila bilo biti ce cemu tome ovo ovaj ova ove taj ta to te ti
    mi vi oni one ona on ja bi jos samo ili ali kao po pre posle prema oko iz preko
    medju sve svi neki nesto mogu moze treba reci
    pas para gjate sepse midis nakon tokom zbog izmedju njegov njegova njegovo njegove
    njen njena njeno njene njihov njihova njihovo njihove
    jer kroz pod nad pored uz iako ako nego vrlo odmah tada tako sebe sebi mu ga joj ih
    njega njemu njoj nju njih njim njima nas nam vas vam mene meni tebe tebi svoj svoja
    svoje svog svom moj moja moje jedna jedno jedne ni neka nekog neku uvek sada ovde tamo
    svaki svaka svako
    nese megjithese pasi ndersa atje ketu gjithe cdo tashme akoma ende
    shume pak nder kundrejt
    tha thote thone thene mendon rekao rekla rekli kaze kazao izjavio izjavila misli
    willing able ones clarify confused confusing
    keep keeps kept keeping hold holds held holding take takes took taken taking bring
    brings brought bringing allow allows allowed affect affects affected become becomes
    became come comes came coming put puts
    basically apparently honestly literally seriously nowadays simply
    manage manages managed managing succeed succeeded
    exact wording verbatim name names
    mr mrs ms dr sir madam mister gospodin gospodja zoti zonja
    stance stances attitude qendrim qendrimi qendrimin ndaj stav stava stavu
    represent represents represented predstavlja predstavljaju perfaqeson
    gonna wanna gotta rn tho kinda sorta yall ya lemme stuff care cares happen happens
    happened happening
    lol lmao haha hahaha xd omg btw imo imho tbh idk pls plz thx ty yo guys bro folks
    trying tried tries question questions
    koliko kolko kolku date dates contact contacted contacting reach reached
    wat wut wht whats whos hows wheres whys hav hv shud shld shoud abt bout cuz coz bc ur
    ngl bruh nah nope hm hmm hmmm um umm uh uhm ah ahh eh erm guy dude
    yep yup smth sth wait already real actual
    uopste uopce brate bre ajde zapravo stvarno valjda inace znaci jel jeli bas ej hej
    tog toga tome ovog ovoga ovom ovome ovih onog onoga onom onome onih ovu onu
    pra ore vlla valle hajde ndoshta vertet
    osht asht jon kon qysh
    recommend recommends recommended suggest suggests suggested propose proposes proposed
    advise advises advised argue argues argued claim claims claimed believe believes
    believed thinks thought tell tells told mention mentions mentioned according view
    views opinion call calls called talk talks talked discuss discusses discussed
    makes making gives giving sees seeing describes described describing explains
    explaining means reads looks looked looking finds helps helping uses using knows knew
    hears seemed understands understood putting letting becoming asks wonders wondered
    points pointed pointing goes went gone
    """
)


def is_stopword(word: str) -> bool:
    """Whether a folded word carries no topic: a stopword, or a stray letter (an "-s" cut off)."""
    return word in STOPWORDS or (len(word) == 1 and not word.isdigit())


# Phrases of the language rewritten before tokenising, whatever the subject: chat spellings,
# negations, and the filler of asking. Keys and values are folded; keys match whole words,
# longest first. What is said about the subject (other names of its places, people and bodies;
# people's words for the sources' words) is the knowledge's vocabulary (knowledge/vocabulary).
GENERAL_ALIASES: dict[str, str] = {
    "wen": "when",
    "whn": "when",
    "y": "why",
    "wy": "why",
    "hw": "how",
    "menny": "many",
    "meny": "many",
    "mny": "many",
    "wich": "which",
    "whitch": "which",
    "wher": "where",
    "whre": "where",
    "res": "resolution",
    "govt": "government",
    "gov": "government",
    "pres": "president",
    "admin": "administration",
    "intl": "international",
    "parl": "parliament",
    "dept": "department",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "cant": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "wont": "will not",
    "wouldnt": "would not",
    "havent": "have not",
    "hasnt": "has not",
    "shouldnt": "should not",
    "never": "not",
    "nuk": "not",
    "nije": "not",
    "nisu": "not",
    "nece": "not",
    "ne moze": "not moze",
    "want to know": "",
    "wanted to know": "",
    "want to ask": "",
    "wanted to ask": "",
    "would like to know": "",
    # Where the member read it, not what they ask: the sources are the bot's only ground.
    "according to the article": "",
    "according to the piece": "",
    "according to the report": "",
    "according to the story": "",
    # Idioms of asking that name nothing ("why was it done in the first place"): "first"
    # read as a word would ask about a beginning.
    "in the first place": "",
    # How members frame a question, not what they ask ("in short, why...?", "asking for a
    # friend"): "sentence", "short" or "friend" read as words would ask about them.
    "in short": "",
    "in a nutshell": "",
    "in a few words": "",
    "in one sentence": "",
    "in a sentence": "",
    "explain like i m 5": "explain",
    "explain like im 5": "explain",
    "eli5": "explain",
    "asking for a friend": "",
    "serious question": "",
    "honest question": "",
    "genuine question": "",
    "whats the deal with": "what about",
    "what is the deal with": "what about",
    "as a matter of fact": "",
    "for that matter": "",
    "sum up": "summarize",
    "sums up": "summarize",
    "summed up": "summarize",
    "summing up": "summarize",
    "summarise": "summarize",
    "summarises": "summarize",
    "summarizes": "summarize",
    # Months as members shorten them ("since feb 1"). Not "mar" nor "nov", which are words
    # of the other languages read ("nov": Serbian for new).
    "jan": "january",
    "feb": "february",
    "apr": "april",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "dec": "december",
}


# The case endings of Albanian and Serbian names, by the name a vocabulary file gives them
# (see knowledge/README.md): a stem with every ending of its set is read as the name it
# stands for. People's names take case endings too, and Serbian makes possessives of them
# ("X's government"). A person's set fits a name ending in a vowel (-t, -ja, -jev) and one
# ending in a consonant (-u, -ut, -a, -om, -ov) alike; the forms one kind of name never
# takes are words nobody writes.
ENDINGS: dict[str, tuple[str, ...]] = {
    "albanian": ("", "a", "e", "i", "es", "en", "se", "ne", "ia", "ise", "ine", "it", "in"),
    "serbian": ("", "a", "e", "i", "u", "o", "om", "oj", "ija", "ije", "iji", "iju", "ijom"),
    "albanian person": ("", "t", "n", "it", "in", "ne", "se", "s", "i", "u", "ut", "un"),
    "serbian person": (
        *("ja", "ju", "jem", "jom"),
        *("jev", "jeva", "jeve", "jevi", "jevu", "jevom", "jevoj", "jevih"),
        *("a", "u", "om", "em", "e"),
        *("ov", "ova", "ove", "ovi", "ovu", "ovom", "ovoj", "ovih"),
        *("ev", "eva", "eve", "evi", "evu", "evom", "evoj", "evih"),
    ),
}


# Ordinal numbers, which a question asks about as it asks about a number ("the third phase"
# is not the second): English, Albanian and Serbian. "First" and "last" are not among them:
# "when did it first..." asks for a beginning, not for the first of several.
ORDINALS = word_set(
    """
    second third fourth fifth sixth seventh eighth ninth tenth
    2nd 3rd 4th 5th 6th 7th 8th 9th 10th
    dyte trete katert peste gjashte shtate tete nente dhjete
    treci cetvrti peti sesti sedmi osmi deveti deseti
    """
)

# Words that decide what a question asks (a person, a date, a reason, a yes or a no) or
# turn it to the negative, folded, in English, Albanian and Serbian: read as another word,
# one would change what every question holding it asks.
ASKING_WORDS = word_set(
    """
    what who whom whose when where why how which whether not never nor without
    kush cfare cka pse kur cila cilat cili cilet ku sa nuk jo
    sta kada zasto kako koji koje koja gde kome cije nije nisu nikad bez
    """
)

# Words whose opposites a question may ask by ("was it the first" of an entry asked "was it
# the last"): English, in the forms questions write them.
_OPPOSITE_PAIRS = """
    first:last earliest:latest most:fewest more:fewer more:less largest:smallest
    biggest:smallest highest:lowest oldest:newest oldest:youngest before:after win:lose
    won:lost accept:reject accepted:rejected support:oppose supported:opposed join:leave
    joined:left allow:ban allowed:banned rise:fall rose:fell early:late
"""


def _opposites(pairs: str) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for pair in pairs.split():
        one, other = pair.split(":")
        found.setdefault(one, set()).add(other)
        found.setdefault(other, set()).add(one)
    return {word: frozenset(others) for word, others in found.items()}


OPPOSITES = _opposites(_OPPOSITE_PAIRS)

# The names of the months in English, Albanian and Serbian (folded), and of the days: a
# text writes them with a capital (in English), but they name no place, person or body.
MONTHS = (
    "january february march april may june july august september october november december"
    " janar shkurt mars prill maj qershor korrik gusht shtator tetor nentor dhjetor"
    " januar februar mart april jun jul avgust septembar oktobar novembar decembar"
)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_NAMES = frozenset((*MONTHS.split(), *_DAYS))

# Small words inside a person's name ("Anna van der Berg", "Khalid bin Salman"), written in
# lowercase within it and capitalised where it opens a sentence.
NAME_PARTICLES = word_set("von van der den de del della di da du la le bin ibn al el")


def is_number(word: str) -> bool:
    """Whether a folded word is a number: digits, or an ordinal (third, 3rd)."""
    return word.isdigit() or word in ORDINALS
