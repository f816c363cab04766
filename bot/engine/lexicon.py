"""The little language knowledge the engine needs: stopwords, aliases, names, question kinds.

Everything here is written in folded form (see `text.fold`): lowercase plain Latin, so
Serbian Cyrillic and diacritics are already gone. The lists are about how people ask
(English, Albanian, Serbian) and about names in the domain, never about one question.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.engine.text import fold


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
    ngl bruh nah nope
    yep yup smth sth wait already real actual
    recommend recommends recommended suggest suggests suggested propose proposes proposed
    advise advises advised argue argues argued claim claims claimed believe believes
    believed thinks thought tell tells told mention mentions mentioned according view
    views opinion call calls called talk talks talked discuss discusses discussed
    """
)


def is_stopword(word: str) -> bool:
    """Whether a folded word carries no topic: a stopword, or a stray letter (NATO-s)."""
    return word in STOPWORDS or (len(word) == 1 and not word.isdigit())


# Phrases rewritten before tokenising, so every name of a thing becomes one form. Keys and
# values are folded; keys match whole words. Longest keys are tried first.
_ALIASES: dict[str, str] = {
    "pfp": "partnership for peace",
    "wen": "when",
    "whn": "when",
    "y": "why",
    "wy": "why",
    "hw": "how",
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
    "partnerstvo za mir": "partnership for peace",
    "partnerstvu za mir": "partnership for peace",
    "partnerstva za mir": "partnership for peace",
    "partneriteti per paqe": "partnership for peace",
    "partneritetin per paqe": "partnership for peace",
    "partneritetit per paqe": "partnership for peace",
    "secgen": "secretary general",
    "sg": "secretary general",
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
    # Words for the same thing in the domain, so a paraphrase meets its entry.
    "countries": "country",
    # "State" is a country in the plural ("non-recognising states") and after words that
    # make it one; alone it is as often one of the US states ("which state does he
    # represent"), which no entry speaks of.
    "states": "country",
    "member state": "member country",
    "nation state": "country",
    "sovereign state": "independent country",
    "independent state": "independent country",
    "nation": "country",
    "nations": "country",
    "joins": "join",
    "joined": "join",
    "accession": "join",
    "joining": "join",
    "accede": "join",
    "admission": "join",
    "admitted": "join",
    "enter": "join",
    "entering": "join",
    "expansion": "enlargement",
    "expand": "enlargement",
    "expanded": "enlargement",
    "expanding": "enlargement",
    "enlarge": "enlargement",
    "enlarged": "enlargement",
    "danger": "threat",
    "dangers": "threat",
    "menace": "threat",
    "threats": "threat",
    "threaten": "threat",
    "threatens": "threat",
    "warn": "warning",
    "warned": "warning",
    "warns": "warning",
    "alarm": "warning",
    "gain": "benefit",
    "gains": "benefit",
    "profit": "benefit",
    "advantage": "benefit",
    "advantages": "benefit",
    "benefits": "benefit",
    "vote": "elections",
    "voting": "elections",
    "voted": "elections",
    "voters": "elections",
    "votes": "elections",
    "polls": "elections",
    "ballot": "elections",
    "election": "elections",
    "drop": "relinquish",
    "dropping": "relinquish",
    "dropped": "relinquish",
    "abandon": "relinquish",
    "abandoning": "relinquish",
    "renounce": "relinquish",
    "renouncing": "relinquish",
    "give up": "relinquish",
    "giving up": "relinquish",
    "gave up": "relinquish",
    "gives up": "relinquish",
    "want to know": "",
    "wanted to know": "",
    "want to ask": "",
    "wanted to ask": "",
    "would like to know": "",
    "want": "objective",
    "wants": "objective",
    "wanted": "objective",
    "aspire": "objective",
    "aspires": "objective",
    "aspiration": "objective",
    "aspirations": "objective",
    "wish": "objective",
    "goal": "objective",
    "goals": "objective",
    "aim": "objective",
    "aims": "objective",
    "ambition": "objective",
    "ambitions": "objective",
    "mbron": "protect",
    "mbrojne": "protect",
    "mbrojti": "protect",
    "mbrojtur": "protect",
    "stiti": "protect",
    "stite": "protect",
    "stitio": "protect",
    "primary": "main",
    "biggest": "main",
    "greatest": "main",
    "principal": "main",
    "major": "main",
    "kryesor": "main",
    "kryesore": "main",
    "kryesori": "main",
    "najveca": "main",
    "najveci": "main",
    "najvece": "main",
    "glavna": "main",
    "glavni": "main",
    "army": "military",
    "armies": "military",
    "pentagon": "unitedstates department of defense",
    "how large": "how many",
    "how big": "how many",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "nato chief": "secretary general nato",
    "nato boss": "secretary general nato",
    "nato head": "secretary general nato",
    "head of nato": "secretary general nato",
    "chief of nato": "secretary general nato",
    "sum up": "summarize",
    "sums up": "summarize",
    "summed up": "summarize",
    "summing up": "summarize",
    "summarise": "summarize",
    "summarises": "summarize",
    "summarizes": "summarize",
    "viewpoint": "perspective",
    "standpoint": "perspective",
    "point of view": "perspective",
    "work closer with": "cooperate with",
    "closer": "toward",
    "nearer": "toward",
    "towards": "toward",
    "slow": "pace",
    "slowly": "pace",
    "slower": "pace",
    "speed": "pace",
    "fast": "pace",
    "faster": "pace",
    "quickly": "pace",
    "quicker": "pace",
    "accelerated": "pace",
    "accelerate": "pace",
    "lately": "recent",
    "recently": "recent",
    "demand": "conditions",
    "demands": "conditions",
    "require": "conditions",
    "requires": "conditions",
    "required": "conditions",
    "develop": "progress",
    "developed": "progress",
    "development": "progress",
    "advance": "progress",
    "advanced": "progress",
    "push forward": "progress",
    "push ahead": "progress",
    "press ahead": "progress",
    "move forward": "progress",
    "moving forward": "progress",
    "upgrade": "progress",
    "upgraded": "progress",
    "upgrading": "progress",
    "stick together": "unity",
    "stuck together": "unity",
    "stand together": "unity",
    "stood together": "unity",
    "united front": "unity",
    "improve": "progress",
    "improved": "progress",
    "improvement": "progress",
    "stable": "stability",
    "unstable": "stability",
    "instability": "stability",
    "rule": "conditions",
    "rules": "conditions",
    "requirement": "conditions",
    "requirements": "conditions",
    "criteria": "conditions",
    "criterion": "conditions",
    "prerequisites": "conditions",
    "condition": "conditions",
    "prishtina": "kosovo",
    "prishtine": "kosovo",
    "prishtines": "kosovo",
    "prishtinen": "kosovo",
    "pristine": "kosovo",
    "pristini": "kosovo",
    "beograd": "serbia",
    "beogradu": "serbia",
    "beograda": "serbia",
    "beogradi": "serbia",
    "belgrade": "serbia",
    "pristina": "kosovo",
    # A capital or a seat of power stands for its country or body in political talk.
    "athens": "greece",
    "madrid": "spain",
    "bucharest": "romania",
    "bratislava": "slovakia",
    "moscow": "russia",
    "kremlin": "russia",
    "moskva": "russia",
    "moskve": "russia",
    "moska": "russia",
    "kremlj": "russia",
    "kremlini": "russia",
    "tirana": "albania",
    "tirane": "albania",
    "tiranes": "albania",
    "zagreb": "croatia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "stockholm": "sweden",
    "helsinki": "finland",
    "united": "unitedstates",
    "united kingdom": "uk",
    "wb6": "western balkans",
    "wb": "western balkans",
    # Other names for the same roles and things.
    "ally": "allies",
    "pm": "prime minister",
    "premier": "prime minister",
    "drills": "exercises",
    "drill": "exercises",
    "war games": "exercises",
    "manoeuvres": "exercises",
    "maneuvers": "exercises",
    "head of state": "president",
    "cabinet": "government",
    "govt": "government",
    "gov": "government",
    "administration": "government",
    "interim": "caretaker",
    "acting": "caretaker",
    "press officer": "spokesperson",
    "press office": "spokesperson",
    "press secretary": "spokesperson",
    "spokesmen": "spokesperson",
    "spokespeople": "spokesperson",
    "spox": "spokesperson",
    "zedhenes": "spokesperson",
    "zedhenesi": "spokesperson",
    "portparol": "spokesperson",
    "portparolka": "spokesperson",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "congressmen": "representatives",
    "congresswomen": "representatives",
    "member of congress": "representative",
    "powder keg": "tinderbox",
    "powderkeg": "tinderbox",
    "bure baruta": "tinderbox",
    "buretom baruta": "tinderbox",
    "buretu baruta": "tinderbox",
    "fuci baruti": "tinderbox",
    "fuci me baruth": "tinderbox",
    "statehood": "independence",
    "sovereignty": "independence",
    "prerequisite": "conditions",
    "precondition": "conditions",
    "preconditions": "conditions",
    "uslov": "conditions",
    "uslovi": "conditions",
    "kusht": "conditions",
    "kushti": "conditions",
    "kushte": "conditions",
    "hinge on": "depends on",
    "hinges on": "depends on",
    "hinge": "depends",
    "hinges": "depends",
    "depend": "depends",
    "dependent": "depends",
    "road": "path",
    "route": "path",
    "way to": "path to",
    "ex": "former",
    "talks": "negotiations",
    "negotiation": "negotiations",
    "negotiate": "negotiations",
    "cut back": "reduction",
    "pull out": "reduction",
    "pulls out": "reduction",
    "pulling out": "reduction",
    "pulled out": "reduction",
    "mess with": "interfere",
    "messes with": "interfere",
    "messing with": "interfere",
    "meddle": "interfere",
    "meddles": "interfere",
    "meddling": "interfere",
    "interference": "interfere",
    "interferes": "interfere",
    "interfering": "interfere",
    "friends": "allies",
    "essential": "necessity",
    "vital": "necessity",
    "crucial": "necessity",
    "indispensable": "necessity",
    "necessary": "necessity",
    "outlay": "spending",
    "outlays": "spending",
    "expenditure": "spending",
    "expenditures": "spending",
    "go up": "increase",
    "goes up": "increase",
    "went up": "increase",
    "gone up": "increase",
    "rise": "increase",
    "rose": "increase",
    "risen": "increase",
    "grew": "increase",
    "withhold": "refuse",
    "withholds": "refuse",
    "withheld": "refuse",
    "withholding": "refuse",
    "submit": "apply",
    "submits": "apply",
    "submitted": "apply",
    "lodge": "apply",
    "filing": "apply",
    "filed": "apply",
    "promise": "pledge",
    "promises": "pledge",
    "promised": "pledge",
    "pledged": "pledge",
    "pledges": "pledge",
    "friend": "allies",
    "cut": "reduction",
    "cuts": "reduction",
    "reduce": "reduction",
    "reduced": "reduction",
    "reduces": "reduction",
    "reducing": "reduction",
    "reductions": "reduction",
    "withdraw": "reduction",
    "withdrawal": "reduction",
    "burden": "responsibility",
    "responsibilities": "responsibility",
    "times": "occasions",
    "occasion": "occasions",
    "journalists": "rferl",
    "journalist": "rferl",
    "reporter": "rferl",
    "reporters": "rferl",
    "jedinstvo": "unity",
    "jedinstva": "unity",
    "jedinstvu": "unity",
    "jedinstvom": "unity",
    "uniteti": "unity",
    "unitetin": "unity",
    "unitetit": "unity",
    "vakum": "vacuum",
    "vakuum": "vacuum",
    "vakuuma": "vacuum",
    "sigurie": "security",
    "sigurine": "security",
    "sigurise se": "security",
    "kosovar": "kosovo",
    "kosovars": "kosovo",
    "kosovan": "kosovo",
    "kosovans": "kosovo",
    "defence": "defense",
    "defences": "defense",
    "neighbours": "neighbors",
    "neighbour": "neighbors",
    "troop": "troops",
    "soldiers": "troops",
    "recognise": "recognize",
    "acknowledge": "recognize",
    "acknowledges": "recognize",
    "acknowledged": "recognize",
    "acknowledging": "recognize",
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
    "ballkanin perendimor": "western balkans",
    "ballkanin": "balkans",
    "perendimor": "western",
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
    "clanstvu": "membership",
    "clanstvom": "membership",
    "clanica": "member",
    "clanice": "members",
    "clanicama": "members",
    "anetaresua": "join",
    "anetaresuar": "join",
    "anetaresohet": "join",
    "anetaresohen": "join",
    "anetaresohej": "join",
    "anetaresimit": "membership",
    "anetaresim": "membership",
    "anetaresimi": "membership",
    "anetaresimin": "membership",
    "anetaresia": "membership",
    "anetare": "member",
    "anetaret": "members",
    "vend": "country",
    "vendi": "country",
    "vende": "country",
    "vendet": "country",
    "vendeve": "country",
    "shtet": "country",
    "shteti": "country",
    "shtete": "country",
    "shtetet": "country",
    "zemlja": "country",
    "zemlje": "country",
    "zemalja": "country",
    "zemljama": "country",
    "drzava": "country",
    "drzave": "country",
    "drzavama": "country",
    "fundit": "last",
    "fundi": "last",
    "poslednja": "last",
    "poslednji": "last",
    "poslednje": "last",
    "posljednja": "last",
    "posljednji": "last",
    "usla": "join",
    "usao": "join",
    "usle": "join",
    "udje": "join",
    "uci": "join",
    "pristupanje": "join",
    "pristupila": "join",
    "savez": "alliance",
    "saveza": "alliance",
    "savezu": "alliance",
    "aleanca": "alliance",
    "aleanca e": "alliance",
    "aleances": "alliance",
    "aleancen": "alliance",
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
    "kuvend": "assembly",
    "kuvendi": "assembly",
    "kuvendin": "assembly",
    "kuvendit": "assembly",
    "skupstina": "assembly",
    "skupstine": "assembly",
    "skupstini": "assembly",
    "skupstinu": "assembly",
    "vlada": "government",
    "vlade": "government",
    "qeveria": "government",
    "qeveri": "government",
    "izbori": "elections",
    "izbore": "elections",
    "zgjedhjet": "elections",
    "zgjedhje": "elections",
    "zgjedhjet e reja": "next elections",
    "zgjedhje te reja": "next elections",
    "zgjedhjeve te reja": "next elections",
    "novi izbori": "next elections",
    "nove izbore": "next elections",
    "novih izbora": "next elections",
    "naredni izbori": "next elections",
    "sledeci izbori": "next elections",
    "prosirenje": "enlargement",
    "prosirenja": "enlargement",
    "zgjerim": "enlargement",
    "zgjerimi": "enlargement",
    "vezbe": "exercises",
    "stervitje": "exercises",
    "stervitjet": "exercises",
    "smanjenje": "reduction",
    "smanjenja": "reduction",
    "smanjenju": "reduction",
    "povlacenje": "reduction",
    "zvogelimi": "reduction",
    "zvogelimin": "reduction",
    "terheqja": "reduction",
    "terheqjen": "reduction",
    "snage": "forces",
    "snaga": "forces",
    "snagama": "forces",
    "trupe": "troops",
    "trupa": "troops",
    "forcat": "forces",
    "forcave": "forces",
    "trupat": "troops",
    "trupave": "troops",
    "najavile": "announced",
    "najavili": "announced",
    "najavio": "announced",
    "najavila": "announced",
    "njoftoi": "announced",
    "njoftuan": "announced",
    "rat": "war",
    "lufta": "war",
    "lufte": "war",
    "odbrana": "defense",
    "odbranu": "defense",
    "odbrane": "defense",
    "odbrani": "defense",
    "odbrambena": "defense",
    "odbrambene": "defense",
    "odbrambeni": "defense",
    "odbrambeno": "defense",
    "odbrambenu": "defense",
    "odbrambenih": "defense",
    "saradnja": "cooperation",
    "saradnje": "cooperation",
    "saradnju": "cooperation",
    "saradnji": "cooperation",
    "saradjuje": "cooperates",
    "saradjuju": "cooperate",
    "saradjivati": "cooperate",
    "bashkepunim": "cooperation",
    "bashkepunimi": "cooperation",
    "bashkepunimin": "cooperation",
    "bashkepunimit": "cooperation",
    "bashkepunon": "cooperates",
    "bashkepunojne": "cooperate",
    "bashkepunoje": "cooperate",
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
# A question's kind is read where a question starts: at the start of a sentence or clause,
# after a few filler words, or after "I wonder", "do you know" and the like. A "when"
# inside the context of a long question ("when I read it...") does not make it ask for a
# date, and neither does a clause like "when I read", where a subject follows. "How many"
# asks for a count wherever it stands.
# Anything up to the last word of asking ("... I'd like to know") is read as one span, not
# as a repeated choice: a `.*` inside a repeated group backtracks without bound ("ask ask
# ask ..." froze the engine for minutes). The language matched is the same.
_LEAD_IN = (
    r"^(?:.* (?:know|remember|wonder|wondering|sure|idea|tell me|asking|ask|curious) )?"
    r"(?:(?:so|and|but|ok|okay|also|then|hey|hi|please|pls|well|just|quick question|"
    r"i (?:was |am )?(?:wonder|wondering|curious)(?: about)?|does anyone know|"
    r"can you tell me|could you tell me|tell me|any idea|do you know|"
    r"a ja|dhe|i|pa|a) )*"
)
_WHEN = re.compile(
    _LEAD_IN + r"(?:(?:since )?when(?! (?:i|im|ive|we|you|he|she|they|it|people|someone|one|"
    r"my|our|your|their|reading|looking|thinking|the|a|an|this|that) )"
    r"|what year|which year|what dates?|which dates?|on what dates?|on which dates?"
    r"|how long ago|in what years?|in which years?|during which years?|kur|kada|kad|koje godine"
    r"|cilin vit"
    r"|ne cilin vit)(?: |$)"
)
# "Kosovo NATO when?", "since when exactly": a "when" ending a clause asks for a date too,
# as does "since when" anywhere.
_WHEN_LAST = re.compile(
    r"(?:.* )?(?:when(?: (?:exactly|precisely|roughly|again|then|tho|though|actually"
    r"|approximately|about|was that|was it|did that happen|did it happen))*$|since when\b)"
)
_HOW_MANY = re.compile(
    r"(?:^|.* )(?:how many|how much|what number of|the number of|what percentage"
    r"|what share|koliko|sa shume"
    r"|sa [a-z]+ (?:ka|kane|kishte|kishin|jane|ishin|kemi|keni))(?: |$)"
)
# "What's Greece's actual reason for...": a reason asked after a few words of its owner.
_WHY = re.compile(
    _LEAD_IN + r"(?:why|how come|for what reasons?|what (?:is|are|was|were) the reasons?"
    r"|what reasons?|on what grounds|pse|perse|zasto|zbog cega|iz kog razloga"
    r"|what(?: (?:is|are|was|were))? (?:[a-z0-9]+ ){1,3}reasons? (?:for|behind|why))(?: |$)"
)
_CLAUSE = re.compile(r"[.?!;:,\n]+")
# Names of places in Albanian and Serbian, by stem, and the endings their cases add
# (folded): every inflected form is read as the English name.
_ALBANIAN_ENDINGS = ("", "a", "e", "i", "es", "en", "se", "ne", "ia", "ise", "ine", "it", "in")
_SERBIAN_ENDINGS = ("", "a", "e", "i", "u", "o", "om", "oj", "ija", "ije", "iji", "iju", "ijom")
_INFLECTED_NAMES = {
    _ALBANIAN_ENDINGS: {
        "kosov": "kosovo",
        "greqi": "greece",
        "spanj": "spain",
        "rumani": "romania",
        "sllovaki": "slovakia",
        "serbi": "serbia",
        "rusi": "russia",
        "shqiperi": "albania",
        "ukrain": "ukraine",
        "kroaci": "croatia",
        "suedi": "sweden",
        "finland": "finland",
        "amerik": "unitedstates",
        "evrop": "europe",
        "brazil": "brazil",
        "turqi": "turkey",
        "gjermani": "germany",
        "franc": "france",
    },
    _SERBIAN_ENDINGS: {
        "kosov": "kosovo",
        "grck": "greece",
        "spanij": "spain",
        "rumunij": "romania",
        "slovack": "slovakia",
        "srbij": "serbia",
        "rusij": "russia",
        "albanij": "albania",
        "ukrajin": "ukraine",
        "hrvatsk": "croatia",
        "svedsk": "sweden",
        "finsk": "finland",
        "amerik": "unitedstates",
        "evrop": "europe",
        "brazil": "brazil",
        "turs": "turkey",
        "nemack": "germany",
        "francusk": "france",
    },
}
# People's names take case endings too, and Serbian makes possessives of them (Kurtijeva
# vlada, Kurti's government).
_ALBANIAN_PERSON_ENDINGS = ("", "t", "n", "it", "in", "ne", "se", "s")
_SERBIAN_PERSON_ENDINGS = (
    "ja",
    "ju",
    "jem",
    "jom",
    "jev",
    "jeva",
    "jeve",
    "jevi",
    "jevu",
    "jevom",
    "jevoj",
    "jevih",
)
_PEOPLE_FORMS = {
    _ALBANIAN_PERSON_ENDINGS: {"kurti": "kurti", "osmani": "osmani", "mediu": "mediu"},
    _SERBIAN_PERSON_ENDINGS: {"kurti": "kurti", "osmani": "osmani", "mediu": "mediu"},
    ("", "a", "u", "om", "ov", "ova", "ove"): {"rute": "rutte", "rutte": "rutte"},
    ("i", "ij", "og", "om", "ome", "ija", "iju", "ijem", "yy", "yi"): {"zelensk": "zelensky"},
}
# Šea, as Serbian writes Shea, folds to "sea" (an English word, so only its other cases).
# Serbian also writes him Džejmi Šej (folded: dzejmi sej).
_ALIASES.update({"sei": "shea", "seu": "shea", "seom": "shea", "sej": "shea", "dzejmi": "jamie"})
for _endings, _stems in _PEOPLE_FORMS.items():
    for _stem, _name in _stems.items():
        for _ending in _endings:
            _ALIASES.setdefault(_stem + _ending, _name)
for _endings, _stems in _INFLECTED_NAMES.items():
    for _stem, _name in _stems.items():
        for _ending in _endings:
            _ALIASES.setdefault(_stem + _ending, _name)

_ALIAS_WORDS = {tuple(key.split()): value.split() for key, value in _ALIASES.items()}
# Aliases of one word for one word, which a misspelling may be corrected to.
ONE_WORD_ALIASES = {
    key: value for key, value in _ALIASES.items() if " " not in key and value and " " not in value
}
_ALIAS_LENGTHS: dict[str, tuple[int, ...]] = {}
for _key in sorted(_ALIAS_WORDS, key=len, reverse=True):
    _ALIAS_LENGTHS[_key[0]] = (*_ALIAS_LENGTHS.get(_key[0], ()), len(_key))

WHEN = "when"
HOW_MANY = "how_many"
WHY = "why"
# How many questions' clauses and kinds are remembered: a question is read several ways
# in a row, and this many is enough for that (repeats of old questions are not the point).
CLAUSE_CACHE = 16


def alias_of(word: str) -> str:
    """The canonical form of one folded word (itself when it is no one-word alias)."""
    return ONE_WORD_ALIASES.get(word, word)


def apply_aliases(folded: str) -> str:
    """Rewrite every alias in folded text to its one canonical form, longest alias first."""
    words = folded.split()
    out: list[str] = []
    position = 0
    while position < len(words):
        for length in _ALIAS_LENGTHS.get(words[position], ()):
            replacement = _ALIAS_WORDS.get(tuple(words[position : position + length]))
            if replacement is not None:
                out += replacement
                position += length
                break
        else:
            out.append(words[position])
            position += 1
    return " ".join(out)


@lru_cache(maxsize=CLAUSE_CACHE)
def clauses(text: str) -> tuple[str, ...]:
    """The clauses of a question, each folded with aliases resolved.

    Remembered, because every reading of what a question asks starts from them.
    """
    return tuple(apply_aliases(fold(clause)) for clause in _CLAUSE.split(text))


@lru_cache(maxsize=CLAUSE_CACHE)
def question_kind(text: str) -> str | None:
    """Whether the question asks for a date (`WHEN`), a count (`HOW_MANY`), a reason (`WHY`).

    `text` is the cleaned question, punctuation kept, so clauses can be told apart.
    """
    clauses_ = clauses(text)
    if any(_HOW_MANY.match(clause) for clause in clauses_):
        return HOW_MANY
    if any(
        (_WHEN.match(clause) and not _setting_a_scene(clause, clauses_[i + 1 :]))
        or _WHEN_LAST.match(clause)
        for i, clause in enumerate(clauses_)
    ):
        return WHEN
    if any(_WHY.match(clause) for clause in clauses_):
        return WHY
    return None


_WHY_WORDS = re.compile(r"\b(?:why|how come|reasons?|grounds|pse|perse|zasto|razloga|cega)\b")


def asks_why(text: str) -> bool:
    """Whether the question asks for a reason (a cheap look for a why-word comes first)."""
    return _WHY_WORDS.search(fold(text)) is not None and question_kind(text) == WHY


# What a question asks for, when a word names it: the thing counted ("how many troops"),
# the thing asked after ("what job", "which outlet", "what was the turnout") or the deed
# ("who won"). An entry that never mentions that word does not state what was asked, however
# well the rest of the question matches it ("who won the elections" is not "when are the
# elections").
_AUXILIARY = r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should)"


# "When RFE/RL asked NATO..., did it commit to anything?": a "when" with its own subject,
# followed by a clause that asks, sets the scene of the question; it does not ask for a date.
_SCENE = re.compile(r"(?:.* )?when (?!" + _AUXILIARY + r"\b)")
_ASKING = re.compile(r"(?:and |but |so )?(?:" + _AUXILIARY + r"|what|which|who|how|why|where)\b")


def _setting_a_scene(clause: str, rest: tuple[str, ...]) -> bool:
    """Whether a "when" clause only sets the scene for a later clause that asks."""
    return _SCENE.match(clause) is not None and any(_ASKING.match(c.strip()) for c in rest)


_FOCUS = re.compile(
    _LEAD_IN + r"(?:(?:in|on|during) )?"
    r"(?:how many|how much|(?:what|which)(?: (?:is|was|are|were) (?:the|a|an))?"
    r"|who(?: (?:will|would|could|did|does|do|has|have|had|can|might))?)"
    r" (?P<rest>.+)$"
)
_AUXILIARIES = _word_set("is was are were did does do has have had will would could should can")
# Words naming only a class of answer ("which country", "what kind"), not what is asked; and
# a word in -ing after "what" is a verb ("what's stopping..."), not a thing asked for.
_CLASS_NOUNS = _word_set(
    "country kind type sort part area one ones person people thing things way ways role"
    " year date day month expert analyst official diplomat politician leader"
    " word words quote"
)
# Words that qualify what is asked ("what big steps", "which key allies") rather than name it.
_QUALIFIERS = _word_set(
    "main key major big biggest important latest recent concrete specific exact actual real"
    " political military economic diplomatic"
)


def _is_class_noun(word: str) -> bool:
    return word in _CLASS_NOUNS or word.rstrip("s") in _CLASS_NOUNS


# "Which other countries...", "who else...": members beyond those an entry lists.
_BEYOND = re.compile(_LEAD_IN + r"(?:(?:what|which|any) other|who else|what else)(?: |$)")
# "What did Kurti say...", "according to Osmani": the person must be one whose words the
# entry reports, not merely one it mentions.
_SAYS = (
    r"(?:say|says|said|tell|told|think|thinks|thought|believe|believes|argue|argues|warn"
    r"|warns|warned|claim|claims|mean|means|announce|announced|describe|described|want"
    r"|wants|see|sees|propose|proposes|stress|stresses|suggest|suggests|view|views|predict)"
)
_SPEAKER_ASKED = re.compile(
    _LEAD_IN
    + r"(?:what|how|why|where|when|did|does|has)(?: "
    + _AUXILIARY
    + r")? (?P<subject>(?:[a-z0-9]+ ){1,3}?)(?P<verb>"
    + _SAYS
    + r")\b"
    r"|.*\baccording to (?P<source>(?:[a-z0-9]+ ?){1,3})"
)
_VOICE = re.compile(
    r"(?P<voice>(?:[a-z0-9]+ ){1,3})(?:says|said|told|tells|argues|warns|warned|warning"
    r"|announced|described|describes|sees|believes|stresses|underscores|highlights|notes"
    r"|raised|adds|confirms|emphasized|emphasised|underlined|replied|writes|reports|asked"
    r"|acknowledged|acknowledges|stated|states|explained|explains|added|insisted|admitted)\b"
    r"|\baccording to (?P<source>(?:[a-z0-9]+ ?){1,3})"
)
# Verbs that ask for the words of a country too ("what did Croatia say"), not only of a
# person ("what does Russia want" asks about Russia, not for its words). Kosovo is what the
# knowledge is about: its views come in many voices, so it is not held to this.
_SPEECH = _word_set("say says said tell told think thinks thought claim claims argue argues argued")
_PROTAGONISTS = _word_set("kosovo")
# People of the domain a question may ask to quote. Only for them does a question's "what
# did X say" demand an entry that reports X's own words.
PEOPLE = _word_set(
    """
    kurti albin osmani vjosa rutte mark shea jamie mediu fatmir kryeziu perparim self
    keith zelensky zelenskyy volodymyr vucic putin trump biden stoltenberg macron
    scholz merz rama hoti thaci haradinaj abdixhiku kallas costa lavrov
    """
)


def question_focus(text: str) -> tuple[str, ...]:
    """The words naming what each clause of the question asks for (see `_FOCUS`)."""
    found = []
    for clause in clauses(text):
        match = _FOCUS.match(clause)
        word = "" if match is None else _first_asked(match.group("rest").split())
        if word and not is_stopword(word):
            found.append(word)
    return tuple(found)


def _first_asked(words: list[str]) -> str:
    """The word naming what is asked, past names, qualifiers and class nouns.

    "How many Kosovo soldiers" asks for soldiers, "which NATO countries sent" for what they
    sent, "what big steps" for steps; past a class noun and an auxiliary comes the deed
    ("which countries are offering"), unless it is someone's name ("which years was Shea")
    or their speaking ("which expert argued"), which other checks weigh. A word in -ing
    straight after "what" is a verb ("what's stopping"), not a thing asked for.
    """
    if words and words[0].endswith("ing"):
        return ""
    position = _past_names(words, 0)
    if position < len(words) and _is_class_noun(words[position]):
        position += 1
        if position < len(words) and words[position] in _AUXILIARIES:
            position = _past_names(words, position + 1)
    word = words[position] if position < len(words) else ""
    if _is_class_noun(word) or word in _SPEECH:
        return ""
    return word


def _past_names(words: list[str], position: int) -> int:
    """The position of the first word from `position` that is no name and no qualifier."""
    while position < len(words) and (
        words[position] in NAMES
        or words[position] in PEOPLE
        or words[position] == "nato"
        or words[position] in _QUALIFIERS
    ):
        position += 1
    return position


# "When did Finland join NATO?", "What year did Croatia join?": a question when a country
# did something asks the date of that deed, which an entry giving a date for something
# else, and naming the deed only in how it is asked, does not state.
_PREDICATE = re.compile(
    _LEAD_IN
    + r"(?:(?:since )?when |(?:on |in )?(?:what|which) (?:date|year|day|month) )?"
    + _AUXILIARY
    + r" (?P<rest>.+)$"
)


def predicate_asked(text: str) -> str:
    """The deed a question asks about a country ("did Croatia recognise": recognise).

    Only of a country other than Kosovo, which every entry is about in one way or another.
    """
    for clause in clauses(text):
        match = _PREDICATE.match(clause)
        if match is None:
            continue
        named = False
        for word in match.group("rest").split():
            if word in NAMES or word in PEOPLE or word == "nato":
                named = named or (word in NAMES and word not in _PROTAGONISTS)
            elif not (is_stopword(word) or word.endswith("ly")):
                return word if named else ""
    return ""


# "When did it first / start...", "who was it before Rutte": the question asks about a
# beginning, or about what came before or after someone; an entry that states no beginning
# and no before or after states something else.
_ORIGIN = re.compile(
    r"\b(?:first|start|started|starts|begin|began|begun|originally|initially|founded"
    r"|established|created|take over|takes over|took over|taken over|taking over"
    r"|(?:take|took|taken|assume|assumed|leave|left) office|appointed|sworn in)\b"
)
_NEXT_TO_SOMEONE = re.compile(r"\b(?:before|after|until|since) (?P<who>[a-z]+)\b")
_ORIGIN_STATED = re.compile(
    r"\b(?:first|start|started|since|began|begin|founded|established|created|before|after"
    r"|previous|former|earlier|from \w+(?: \w+)? to)\b"
)


# "When is the next...": a date to come, which only an entry speaking of one states.
_NEXT = re.compile(r"\b(?:next|upcoming|future|coming|when will|going to)\b")
_FUTURE_STATED = re.compile(r"\b(?:next|upcoming|heading|again|will|future|coming)\b")


# "Where in Kosovo was it held?" asks for a place inside the one named: an entry naming
# no other place does not state it.
_WHERE_WITHIN = re.compile(r"\bwhere (?:exactly )?(?:in|inside|within) (?P<place>[a-z]+)\b")


def place_asked_within(text: str) -> str:
    """The place a question asks a location inside of ("where in Kosovo": kosovo), or ""."""
    match = _WHERE_WITHIN.search(" ".join(clauses(text)))
    return match.group("place") if match and match.group("place") in NAMES else ""


def places(folded: str) -> frozenset[str]:
    """The countries, cities and organisations named in folded text."""
    return frozenset(word for word in folded.split() if word in NAMES)


def asks_for_an_origin(text: str) -> bool:
    """Whether the question asks when something began, or about someone's before or after."""
    folded = " ".join(clauses(text))
    if question_kind(text) == WHEN and _ORIGIN.search(folded):
        return True
    return any(m.group("who") in PEOPLE for m in _NEXT_TO_SOMEONE.finditer(folded))


def asks_for_a_date_to_come(text: str) -> bool:
    """Whether the question asks when something next happens."""
    return question_kind(text) == WHEN and _NEXT.search(" ".join(clauses(text))) is not None


def states_an_origin(folded: str) -> bool:
    """Whether folded text says when something began, or what came before or after."""
    return _ORIGIN_STATED.search(folded) is not None


def states_a_future(folded: str) -> bool:
    """Whether folded text speaks of something still to come."""
    return _FUTURE_STATED.search(folded) is not None


# A list or a count is of those that do, or of those that do not: "which countries
# recognise Kosovo" is not answered by the ones that do not.
_LIST = re.compile(
    _LEAD_IN + r"(?:which|what|how many)(?: [a-z]+)?(?: [a-z]+)? (?:country|members?|allies)\b"
)
_NEGATIVE = _word_set(
    "not no non refuse refuses refused refusing refusal holdout holdouts reject rejects deny"
    " denies oppose opposes opposed against outside excluded without"
)


def asks_for_those_that_do(text: str) -> bool:
    """Whether the question asks which or how many countries do something (not which do not).

    Only with no negative anywhere in it: a "they" may carry one from an earlier clause.
    """
    if is_negative(text):
        return False
    return any(_LIST.match(clause) for clause in clauses(text))


def is_negative(text: str) -> bool:
    """Whether text asks or states in the negative (not, refuse, non-recognising...)."""
    return any(word in _NEGATIVE for word in apply_aliases(fold(text)).split())


# "Who is the speaker / the NATO spokesperson / Kosovo's prime minister?" asks who holds a
# role: an entry answers only if it names someone (or some country) beside that role.
# "What's the name of the NATO spokesperson" asks who holds the role, as "who is" does.
_HOLDER_ASKED = r"(?:who(?: is| was| are| were|s)|what(?: is| was)? the names? of)"
_WHO_HOLDS = re.compile(_LEAD_IN + _HOLDER_ASKED + r" (?P<role>(?:the|a|an|nato) .+)$")
# ...or "who is Kosovo's prime minister": the role after a name, not "who is eligible".
_WHO_HOLDS_NAMED = re.compile(_LEAD_IN + _HOLDER_ASKED + r" (?P<role>.+)$")
ROLE_WINDOW = 3


def roles_asked(text: str) -> tuple[str, ...]:
    """The words of the role the question asks the holder of, or () if it asks no such."""
    for clause in clauses(text):
        match = _WHO_HOLDS.match(clause)
        if match is None:
            match = _WHO_HOLDS_NAMED.match(clause)
            if match is None or match.group("role").split()[0] not in NAMES:
                continue
        words = [w for w in match.group("role").split() if not is_stopword(w)]
        if any(w in PEOPLE for w in words):
            return ()
        return tuple(w for w in words if w not in NAMES and w != "nato")
    return ()


def holders(folded: str) -> frozenset[str]:
    """Words standing within a few words of a person's or a country's name in folded text."""
    words = [w for w in folded.split() if not is_stopword(w)]
    near: set[str] = set()
    for i, word in enumerate(words):
        if word in PEOPLE or word in NAMES:
            near.update(words[max(0, i - ROLE_WINDOW) : i + ROLE_WINDOW + 1])
    return frozenset(near)


# "Besides defence cooperation, what else...", "apart from X", "other than X", "X aside":
# the question sets X aside and asks for something else. X runs to a comma, a question
# word, or the end, and is at most a few words long.
_SET_ASIDE = re.compile(
    r"\b(?:besides|apart from|other than|aside from|except(?: for)?|leaving aside"
    r"|setting aside|putting aside|in addition to)\s+(?P<aside>[^,;:?!.]+?)"
    r"(?=\s*[,;:?!.]|\s+(?:what|which|who|whom|how|why|when|where|does|do|did|is|are|was"
    r"|were|can|could|should|would|will|has|have|" + _SAYS + r")\b|\s*$)",
    re.IGNORECASE,
)
SET_ASIDE_WORDS = 8


def set_aside(text: str) -> tuple[str, str]:
    """The question without what it sets aside ("besides X, what else..."), and X.

    Both are cleaned text, so the rest is read as any question is; X is "" when nothing is
    set aside, or when it is too long to be only a thing set aside.
    """
    match = _SET_ASIDE.search(text)
    if match is None or len(match.group("aside").split()) > SET_ASIDE_WORDS:
        return text, ""
    rest = f"{text[: match.start()].rstrip()} {text[match.end() :].lstrip(' ,;:')}".strip()
    return rest, match.group("aside")


def asks_beyond_a_list(text: str) -> bool:
    """Whether the question asks for members beyond those named ("which other...")."""
    return any(_BEYOND.match(clause) for clause in clauses(text))


# Roles whose holder a question may ask to quote ("what did the NATO spokesperson say"):
# like a person, the entry must report the holder's words, not merely mention the role.
SPEAKING_ROLES = _word_set(
    """
    spokesperson president minister ambassador chancellor commander
    """
)


def people_asked_to_speak(text: str) -> frozenset[str]:
    """The people (or role holders) whose own words the question asks for ("what did Kurti say")."""
    people: set[str] = set()
    for clause in clauses(text):
        match = _SPEAKER_ASKED.match(clause)
        if match is not None:
            subject = match.group("subject") or match.group("source") or ""
            speaks = match.group("verb") in _SPEECH
            people.update(
                word
                for word in subject.split()
                if word in PEOPLE
                or word in SPEAKING_ROLES
                or (speaks and word in NAMES and word not in _PROTAGONISTS)
            )
    return frozenset(people)


# "What did Osmani say about the elections?": what someone's words are asked about. An
# entry quoting them on something else does not answer it.
_SPOKEN_ABOUT = re.compile(r"(?:^|.* )" + _SAYS + r" (?:about|on|regarding) (?P<about>.+)$")


def spoken_about(text: str) -> tuple[str, ...]:
    """The words naming what a question asks someone's words about, if it asks so."""
    if not people_asked_to_speak(text):
        return ()
    for clause in clauses(text):
        match = _SPOKEN_ABOUT.match(clause)
        if match is not None:
            return tuple(w for w in match.group("about").split() if not is_stopword(w))
    return ()


# Whom the source asked for comment speaks in it too, if only to give no response.
_ASKED = re.compile(r"\basked the ((?:[a-z0-9]+ ?){1,3})")


def voices(folded: str) -> frozenset[str]:
    """The words naming who speaks in folded text: the few words before a verb of saying."""
    return frozenset(
        word
        for m in _VOICE.finditer(folded)
        for word in (m.group("voice") or m.group("source")).split()
    ) | {word for m in _ASKED.finditer(folded) for word in m.group(1).split()}


_REASON = re.compile(
    r"\b(?:because|due to|reasons?|prompted|so that|in order to|blocked|without this"
    r"|thanks to|owing to|caused?|as a result|to demonstrate|to compensate|in exchange for"
    r"|means|meant|interest in|leads? to|led to|results? in|resulted in|stems? from"
    r"|driven by|is why)\b"
)


def states_a_reason(folded: str) -> bool:
    """Whether folded text gives a reason (because, due to, for ... reasons, blocked by...)."""
    return _REASON.search(folded) is not None


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
_COUNT = re.compile(r"\b(?:\d+|most of|" + "|".join(_NUMBER_WORDS.split()) + r")\b")
_YEAR_OR_DAY = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2} (?:" + "|".join(_MONTHS.split()[:12]) + r")\b"
    r"|\b(?:" + "|".join(_MONTHS.split()[:12]) + r") \d{1,2}\b"
    r"|\b(?:article|neni|clan|clana|clanu) \d+\b"
)


def states_a_date(folded: str) -> bool:
    """Whether folded text states when something happened (a year, a month, a time)."""
    return _DATE_WORDS.search(folded) is not None


def states_a_count(folded: str) -> bool:
    """Whether folded text states a count or an amount (not merely a year or a day)."""
    return _COUNT.search(_YEAR_OR_DAY.sub(" ", folded)) is not None
