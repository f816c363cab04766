"""The little language knowledge the engine needs: stopwords, aliases, names, question kinds.

Everything here is written in folded form (see `text.fold`): lowercase plain Latin, so
Serbian Cyrillic and diacritics are already gone. The lists are about how people ask
(English, Albanian, Serbian) and about names in the domain, never about one question.
"""

from __future__ import annotations

import re


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


# Words that carry no topic: function words and the filler of conversational questions, in
# English, Albanian and Serbian. Question words are here too; `question_kind` reads them
# before they are dropped.
STOPWORDS = _word_set(
    """
    a about above actually after again against ago all almost also although always am an
    and any anybody anyone anything anyway are around as ask asked asking at away back
    be because been before being below besides between both brief briefly but by can
    cannot could currently curious dear describe did do does doing done dont down during
    each either else enough especially even ever every exactly explain explained far few
    find for from further get gets getting give given go going got had has have having
    he hear heard hello help her here hers herself hey hi him himself his how however i
    id if im in indeed info information into is isnt it its itself ive just kind know
    known let lets like likely look made main make many may maybe me mean meant might
    mind more most much must my myself need needs no nor not now of off often oh ok okay
    on once one only or other others otherwise our ours ourselves out over own
    particular particularly people perhaps please pls point pretty probably quick
    quickly quite rather re read reading really regarding right said same say saying
    says see seem seems seen she should since so some someone something sort sorry still
    such summarize summary sure tell than thank thanks that the their theirs them
    themselves then there these they thing things think this those though through thus
    to too topic true truly try u under understand until up upon use used very want
    wanted wanting was way we well were what whatever when where whether which while who
    whom whose why will wish with within without wonder wondering would yeah yes yet you
    your yours yourself e dhe i te ne per nga me qe eshte jane a apo nje ky kjo keto ato
    ai ajo cili cila cilat cilet cfare pse si sa kur ku nuk do ka kane kishte ishte jam
    je jemi jeni mund duhet se por edhe vetem tani ose mbi pa deri tek prej sipas lidhje
    rreth une ti na ju ata tyre saj tij kete ketij asaj atij cka je su da li i u na za
    od do sa se koji koja koje kojim kojih sta sto zasto kako kada kad gde ko kome koga
    nije nisu ima imaju bio bila bilo biti ce cemu tome ovo ovaj ova ove taj ta to te ti
    mi vi oni one ona on ja bi jos samo ili ali kao po pre posle prema oko iz preko
    medju sve svi neki nesto mogu moze treba reci
    """
)

# Phrases rewritten before tokenising, so every name of a thing becomes one form. Keys and
# values are folded; keys match whole words. Longest keys are tried first.
_ALIASES: dict[str, str] = {
    "pfp": "partnership for peace",
    "partnerstvo za mir": "partnership for peace",
    "partnerstvu za mir": "partnership for peace",
    "partnerstva za mir": "partnership for peace",
    "partneriteti per paqe": "partnership for peace",
    "partneritetin per paqe": "partnership for peace",
    "partneritetit per paqe": "partnership for peace",
    "secgen": "secretary general",
    "sec gen": "secretary general",
    "generalni sekretar": "secretary general",
    "generalnog sekretara": "secretary general",
    "sekretari i pergjithshem": "secretary general",
    "sekretari i pergjithshem i nato": "secretary general nato",
    "nato pa": "nato parliamentary assembly",
    "parlamentarna skupstina": "parliamentary assembly",
    "asamblene parlamentare": "parliamentary assembly",
    "asambleja parlamentare": "parliamentary assembly",
    "kosovo force": "kfor",
    "rfe rl": "rferl",
    "rfe": "rferl",
    "radio free europe radio liberty": "rferl",
    "radio free europe": "rferl",
    "radio liberty": "rferl",
    "radio evropa e lire": "rferl",
    "radio slobodna evropa": "rferl",
    "us": "unitedstates",
    "usa": "unitedstates",
    "united states of america": "unitedstates",
    "united states": "unitedstates",
    "america": "unitedstates",
    "american": "unitedstates",
    "americans": "unitedstates",
    "washington": "unitedstates",
    "shba": "unitedstates",
    "shteteve te bashkuara": "unitedstates",
    "shtetet e bashkuara": "unitedstates",
    "amerika": "unitedstates",
    "amerikes": "unitedstates",
    "sjedinjene drzave": "unitedstates",
    "sjedinjenih drzava": "unitedstates",
    "amerike": "unitedstates",
    "ameriku": "unitedstates",
    "european union": "eu",
    "evropska unija": "eu",
    "bashkimi evropian": "eu",
    "united nations": "un",
    "ujedinjene nacije": "un",
    "ujedinjenih nacija": "un",
    "ujedinjenim nacijama": "un",
    "kombet e bashkuara": "un",
    "oun": "un",
    "oksh": "un",
    "defence": "defense",
    "defences": "defense",
    "neighbours": "neighbors",
    "neighbour": "neighbors",
    "troop": "troops",
    "soldiers": "troops",
    "recognise": "recognize",
    "recognised": "recognize",
    "recognising": "recognize",
    "shqiperia": "albania",
    "shqiperi": "albania",
    "shqiperise": "albania",
    "shqiperine": "albania",
    "albanija": "albania",
    "albanije": "albania",
    "albaniji": "albania",
    "srbija": "serbia",
    "srbije": "serbia",
    "srbiji": "serbia",
    "srbiju": "serbia",
    "srbijom": "serbia",
    "serbise": "serbia",
    "serbine": "serbia",
    "serbi": "serbia",
    "rusija": "russia",
    "rusije": "russia",
    "rusiji": "russia",
    "rusiju": "russia",
    "rusia": "russia",
    "rusise": "russia",
    "rusine": "russia",
    "ukrajina": "ukraine",
    "ukrajine": "ukraine",
    "ukrajini": "ukraine",
    "ukrajinu": "ukraine",
    "ukraina": "ukraine",
    "ukraines": "ukraine",
    "ukrainen": "ukraine",
    "grcka": "greece",
    "grcke": "greece",
    "greqia": "greece",
    "greqi": "greece",
    "spanija": "spain",
    "spanije": "spain",
    "spanja": "spain",
    "spanjes": "spain",
    "spanje": "spain",
    "rumunija": "romania",
    "rumunije": "romania",
    "rumania": "romania",
    "rumanise": "romania",
    "rumani": "romania",
    "slovacka": "slovakia",
    "slovacke": "slovakia",
    "sllovakia": "slovakia",
    "sllovakise": "slovakia",
    "sllovaki": "slovakia",
    "svedska": "sweden",
    "svedske": "sweden",
    "suedia": "sweden",
    "suedi": "sweden",
    "suedise": "sweden",
    "finska": "finland",
    "finske": "finland",
    "finlanda": "finland",
    "finlandes": "finland",
    "crna gora": "montenegro",
    "crne gore": "montenegro",
    "mali i zi": "montenegro",
    "malit te zi": "montenegro",
    "severna makedonija": "north macedonia",
    "severne makedonije": "north macedonia",
    "maqedonia e veriut": "north macedonia",
    "maqedonise se veriut": "north macedonia",
    "bosna i hercegovina": "bosnia and herzegovina",
    "bosne i hercegovine": "bosnia and herzegovina",
    "bosnja dhe hercegovina": "bosnia and herzegovina",
    "bosnje dhe hercegovines": "bosnia and herzegovina",
    "bih": "bosnia and herzegovina",
    "hrvatska": "croatia",
    "hrvatske": "croatia",
    "hrvatskom": "croatia",
    "kroacia": "croatia",
    "kroacise": "croatia",
    "evropa": "europe",
    "evrope": "europe",
    "evropi": "europe",
    "evropes": "europe",
    "zapadni balkan": "western balkans",
    "zapadnog balkana": "western balkans",
    "zapadnom balkanu": "western balkans",
    "ballkani perendimor": "western balkans",
    "ballkanit perendimor": "western balkans",
    "ballkan": "balkans",
    "ballkani": "balkans",
    "ballkanit": "balkans",
    "balkan": "balkans",
    "balkanu": "balkans",
    "balkana": "balkans",
    "nezavisnost": "independence",
    "nezavisnosti": "independence",
    "pavaresia": "independence",
    "pavaresine": "independence",
    "pavaresise": "independence",
    "priznaje": "recognize",
    "priznaju": "recognize",
    "priznati": "recognize",
    "priznanje": "recognize",
    "priznavanje": "recognize",
    "njeh": "recognize",
    "njohin": "recognize",
    "njohja": "recognize",
    "njohjen": "recognize",
    "njohur": "recognize",
    "clanstvo": "membership",
    "clanstva": "membership",
    "clanica": "member",
    "clanice": "members",
    "clanicama": "members",
    "anetaresim": "membership",
    "anetaresimi": "membership",
    "anetaresimin": "membership",
    "anetaresia": "membership",
    "anetare": "member",
    "anetaret": "members",
    "saveznici": "allies",
    "saveznika": "allies",
    "aleatet": "allies",
    "aleateve": "allies",
    "bezbednost": "security",
    "bezbednosti": "security",
    "siguria": "security",
    "sigurise": "security",
    "pretnja": "threat",
    "pretnju": "threat",
    "kercenim": "threat",
    "kercenimi": "threat",
    "predsednik": "president",
    "predsednica": "president",
    "presidentja": "president",
    "presidentes": "president",
    "vlada": "government",
    "vlade": "government",
    "qeveria": "government",
    "qeveri": "government",
    "izbori": "elections",
    "izbore": "elections",
    "zgjedhjet": "elections",
    "zgjedhje": "elections",
    "prosirenje": "enlargement",
    "prosirenja": "enlargement",
    "zgjerim": "enlargement",
    "zgjerimi": "enlargement",
    "vezbe": "exercises",
    "stervitje": "exercises",
    "stervitjet": "exercises",
    "rat": "war",
    "lufta": "war",
    "lufte": "war",
    "odbrana": "defense",
    "odbranu": "defense",
    "mbrojtje": "defense",
    "mbrojtja": "defense",
    "vojni": "military",
    "vojna": "military",
    "ushtarake": "military",
    "ushtria": "military",
}

# Names of places, states and organisations a near-domain question may bring in. A name in
# the question that an entry does not mention means the entry cannot be the answer.
NAMES = _word_set(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon
    canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech
    denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
    finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan jordan kazakhstan kenya kiribati korea kuwait kyrgyzstan laos latvia
    lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
    holland zealand nicaragua niger nigeria macedonia norway oman pakistan palau
    palestine panama paraguay peru philippines poland portugal qatar romania russia
    rwanda samoa marino saudi senegal serbia seychelles sierra singapore slovakia
    slovenia solomon somalia africa spain sri lanka sudan suriname sweden switzerland
    syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkiye
    turkmenistan tuvalu uganda ukraine emirates uae britain uk england scotland wales
    kingdom unitedstates uruguay uzbekistan vanuatu vatican venezuela vietnam yemen
    zambia zimbabwe kosovo eu un osce oecd imf wto icj icc asean brics opec g7 g20 unmik
    eulex frontex interpol schengen brussels belgrade pristina prishtina tirana skopje
    podgorica sarajevo zagreb moscow beijing paris berlin london ankara athens madrid
    bucharest bratislava kyiv kiev mitrovica
    """
)

# Opening words that make a question ask for a date, or for a count or an amount.
_WHEN = re.compile(
    r"^(?:.* )?(?:when|since when|what year|which year|what date|which date|how long ago"
    r"|kur|kada|kad|koje godine|cilin vit|ne cilin vit)(?: |$)"
)
_HOW_MANY = re.compile(
    r"^(?:.* )?(?:how many|how much|what number of|number of|what percentage|what share"
    r"|koliko|sa shume|sa vende|sa ushtare|sa para|sa anetare)(?: |$)"
)
_ALIAS_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_ALIASES, key=len, reverse=True)) + r")\b"
)

WHEN = "when"
HOW_MANY = "how_many"


def apply_aliases(folded: str) -> str:
    """Rewrite every alias in folded text to its one canonical form."""
    return _ALIAS_PATTERN.sub(lambda m: _ALIASES[m.group(0)], folded)


def question_kind(folded: str) -> str | None:
    """Whether the question asks for a date (`WHEN`), a count (`HOW_MANY`), or neither."""
    if _HOW_MANY.match(folded):
        return HOW_MANY
    if _WHEN.match(folded):
        return WHEN
    return None


_MONTHS = (
    "january february march april may june july august september october november december"
    " janar shkurt mars prill maj qershor korrik gusht shtator tetor nentor dhjetor"
    " januar februar mart april jun jul avgust septembar oktobar novembar decembar"
)
_DATE_WORDS = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|" + "|".join(_MONTHS.split()) + r"|last year|previous year"
    r"|this year|years? (?:ago|earlier|later)|this (?:week|month|autumn|spring|summer|winter)"
    r"|earlier this|(?:last|next) (?:week|month)|yesterday|today|recently)\b"
)
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " twenty thirty forty fifty hundred hundreds thousand thousands million millions billion"
    " billions dozen dozens percent"
)
_COUNT = re.compile(r"\b(?:\d+|" + "|".join(_NUMBER_WORDS.split()) + r")\b")
_YEAR_OR_DAY = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2} (?:" + "|".join(_MONTHS.split()[:12]) + r")\b"
    r"|\b(?:" + "|".join(_MONTHS.split()[:12]) + r") \d{1,2}\b"
)


def states_a_date(folded: str) -> bool:
    """Whether folded text states when something happened (a year, a month, a time)."""
    return _DATE_WORDS.search(folded) is not None


def states_a_count(folded: str) -> bool:
    """Whether folded text states a count or an amount (not merely a year or a day)."""
    return _COUNT.search(_YEAR_OR_DAY.sub(" ", folded)) is not None
