"""Word lists and patterns the extractor reads reports with (English).

Everything here is data: demonyms, named armed groups, the words that signal
a movement, a territorial claim, fighting, a meeting or a strike, and the
words that make a capitalised name an organisation or a person's title rather
than a place. :mod:`geoconflict.extraction.core` applies them.

Examples
--------
>>> DEMONYMS["Ukrainian"], DEMONYMS["Congolese"]
('UA', 'CD')
>>> bool(MOVE_CUE.search("conscripts being transferred from Murmansk"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal_trie(words: Iterable[str], *, any_space: bool = False) -> str:
    r"""A regex for any of *words* (literal), shared beginnings written once.

    It tries the words in the order their alternation sorted longest first
    does: the words that can match at one position all begin one another,
    and each continuation is optional and greedy. But ``re`` rules a position
    out in a step or two instead of trying every word. With *any_space*, a
    space stands for ``\s+``.

    >>> literal_trie(["Col", "Colonel", "Capt"])
    '(?:C(?:ol(?:onel)?|apt))'
    >>> literal_trie(["the day", "today"], any_space=True)
    '(?:t(?:he\\s+day|oday))'
    """
    def piece(c: str) -> str:
        return r"\s+" if any_space and c == " " else re.escape(c)

    tree: dict = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = []
        for c, child in node.items():
            if c:
                chain = piece(c)
                while len(child) == 1 and "" not in child:  # a run of single characters: one literal
                    (c, child), = child.items()
                    chain += piece(c)
                alternatives.append(chain + branch(child))
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + branch(tree) + ")"

__all__ = [
    "ACTOR_NOUNS",
    "AREA",
    "ATTRIBUTION_VERBS",
    "CLAIM_CUE",
    "COMBAT_CUE",
    "DEMONYMS",
    "DENY_CUE",
    "GROUPS",
    "MEETING_CUE",
    "MOVE_CUE",
    "NAME_CONNECTORS",
    "ORG_AFTER",
    "ORG_BEFORE",
    "OUTLET_AFTER",
    "ROLE_WORDS",
    "SETTLEMENTS",
    "STRIKE_CUE",
    "UNCONFIRMED_CUE",
]

#: Demonym (and adjective) → ISO country code.
DEMONYMS: dict[str, str] = {
    "Afghan": "AF", "Algerian": "DZ", "American": "US", "Angolan": "AO", "Armenian": "AM",
    "Azerbaijani": "AZ", "Azeri": "AZ", "Bangladeshi": "BD", "Belarusian": "BY", "Belarussian": "BY",
    "British": "GB", "Burkinabe": "BF", "Burkinabè": "BF", "Burmese": "MM", "Burundian": "BI",
    "Cameroonian": "CM", "Chadian": "TD", "Chinese": "CN", "Colombian": "CO", "Congolese": "CD",
    "Egyptian": "EG", "Emirati": "AE", "Eritrean": "ER", "Estonian": "EE", "Ethiopian": "ET",
    "Finnish": "FI", "French": "FR", "Georgian": "GE", "German": "DE", "Haitian": "HT", "Indian": "IN",
    "Iranian": "IR", "Iraqi": "IQ", "Israeli": "IL", "Jordanian": "JO", "Kenyan": "KE", "Kurdish": "IQ",
    "Latvian": "LV", "Lebanese": "LB", "Libyan": "LY", "Lithuanian": "LT", "Malian": "ML",
    "Mauritanian": "MR", "Mexican": "MX", "Moldovan": "MD", "Moroccan": "MA", "Mozambican": "MZ",
    "Myanmar": "MM", "Nigerian": "NG", "Nigerien": "NE", "North Korean": "KP", "Pakistani": "PK",
    "Palestinian": "PS", "Polish": "PL", "Qatari": "QA", "Romanian": "RO", "Russian": "RU",
    "Rwandan": "RW", "Saudi": "SA", "Serbian": "RS", "Somali": "SO", "South Sudanese": "SS",
    "Sudanese": "SD", "Syrian": "SY", "Taiwanese": "TW", "Thai": "TH", "Turkish": "TR", "Ugandan": "UG",
    "Ukrainian": "UA", "Venezuelan": "VE", "Yemeni": "YE", "Zambian": "ZM", "Zimbabwean": "ZW",
    "Kyrgyz": "KG", "Tajik": "TJ", "Uzbek": "UZ", "Kazakh": "KZ", "Libyan National": "LY",
}

#: Named armed groups and forces → the country they operate in (or None).
GROUPS: dict[str, str | None] = {
    "Rapid Support Forces": "SD", "RSF": "SD", "Sudanese Armed Forces": "SD", "SAF": "SD",
    "M23": "CD", "AFC/M23": "CD", "FARDC": "CD", "ADF": "CD", "Wazalendo": "CD", "CODECO": "CD",
    "Hamas": "PS", "Islamic Jihad": "PS", "IDF": "IL", "Israel Defense Forces": "IL", "Hezbollah": "LB",
    "Houthis": "YE", "Houthi": "YE", "Ansar Allah": "YE", "Southern Transitional Council": "YE",
    "Arakan Army": "MM", "Tatmadaw": "MM", "junta": None, "Junta": None, "Kachin Independence Army": "MM", "KIA": "MM",
    "MNDAA": "MM", "Ta'ang National Liberation Army": "MM", "TNLA": "MM", "People's Defence Force": "MM",
    "PDF": "MM", "Three Brotherhood Alliance": "MM",
    "JNIM": "ML", "Islamic State": None, "ISIS": None, "IS": None, "Wagner": None, "Africa Corps": None,
    "al-Shabaab": "SO", "Al-Shabaab": "SO", "Boko Haram": "NG", "ISWAP": "NG", "Taliban": "AF",
    "TPLF": "ET", "Fano": "ET", "FLA": "ML", "Azov": "UA", "Kurdish YPG": "SY", "SDF": "SY", "HTS": "SY",
    "Hayat Tahrir al-Sham": "SY",
}

#: Nouns that make an adjective or a group name into an armed actor.
ACTOR_NOUNS = (
    r"armed forces|air force|troops|troop|forces|force|units|unit|soldiers|military|army|conscripts|reservists|"
    r"fighters|militants|militias|militia|rebels|insurgents|paratroopers|marines|mercenaries|servicemen|"
    r"personnel|battalions|battalion|brigades|brigade|regiments|regiment|divisions|division|reinforcements|"
    r"tanks|artillery|convoys|convoy|jets|warplanes|drones|navy|gunmen|peacekeepers|special forces|"
    r"side|operation|offensive|incursion|counteroffensive|authorities|government|jihadists|"
    r"combatants|paramilitaries|paramilitary|corps|armed groups|attackers|saboteurs|alliance|coalition|"
    r"volunteers|police"
)
ACTOR_NOUN = re.compile(rf"\b(?:{ACTOR_NOUNS})\b", re.IGNORECASE)
#: Force nouns that can stand alone as the unit that moves.
UNIT_WORDS = (
    r"units|unit|conscripts|reservists|reinforcements|paratroopers|marines|mercenaries|troops|soldiers|fighters|"
    r"battalions|battalion|brigades|brigade|regiments|regiment|divisions|division|tanks|artillery|convoys|convoy|"
    r"peacekeepers|servicemen|armed groups|attackers|saboteurs|gunmen|militants|rebels|insurgents|"
    r"rebel alliance|alliance|coalition"
)
UNIT_NOUN = re.compile(rf"\b(?:{UNIT_WORDS})\b", re.IGNORECASE)
#: A numbered or named formation ("810th Naval Infantry Brigade", "the 3rd Assault Brigade").
FORMATION = re.compile(
    r"\b(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w'-]*\s+){0,4}"
    r"(?:Brigade|Division|Regiment|Battalion|Corps|Army|Group|Squadron|Company)|"
    r"(?:[A-Z][\w'-]*\s+){1,3}(?:Brigade|Regiment|Battalion|Division|Corps))\b"
)

#: Movement words (verbs and nouns), any tense.
MOVE_CUE = re.compile(
    r"\b(?:re-?deploy\w*|deploy\w*|relocat\w*|reallocat\w*|transfer\w*|mov(?:e|es|ed|ing|ement|ements)|"
    r"pull(?:s|ed|ing)?|withdr[ae]w\w*|sen(?:d|ds|t|ding)|dispatch\w*|cross(?:es|ed|ing)?|"
    r"advanc(?:e|es|ed|ing)|shift(?:s|ed|ing)?|rush(?:es|ed|ing)?|reinforc\w*|push(?:es|ed|ing)?|"
    r"march(?:es|ed|ing)?|retreat\w*|rotat\w*|airlift\w*|ferr(?:y|ied|ying)|brought|bring\w*|head(?:s|ed|ing)|"
    r"return(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
#: Control of territory.
CLAIM_CUE = re.compile(
    r"\b(?:control(?:s|led|ling)?|seiz(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|took|taken|tak(?:e|es|ing)\s+over|"
    r"occup(?:y|ies|ied|ying)|liberat(?:e|es|ed|ing)|recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook|"
    r"overr(?:an|un|uns)|fell\s+to|fallen\s+to|hold(?:s|ing)?|held|gain(?:s|ed)?\s+control)\b",
    re.IGNORECASE,
)
#: Number of settlements: "28 settlements", "more than 70 villages".
SETTLEMENTS = re.compile(
    r"\b(?P<n>\d[\d,]*|a dozen|dozens of|two dozen|three dozen|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+"
    r"(?:(?:more|other|small|border|frontline|front-line)\s+)?"
    r"(?P<what>settlements|villages|towns|localities|communities|hamlets|settlement|village|town|locality)\b",
    re.IGNORECASE,
)
#: A stated area: "over 1,000 square kilometers", "about 350 km²".
AREA = re.compile(
    r"(?:(?P<q>over|more than|about|around|nearly|almost|some|roughly|at least|approximately|up to)\s+)?"
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²|"
    r"square\s+miles?|sq\.?\s*mi(?:les?)?)",
    re.IGNORECASE,
)
#: Fighting in a place.
COMBAT_CUE = re.compile(
    r"\b(?:combat|fighting|fights|fought|clash(?:es|ed)?|battl(?:e|es|ed|ing)|hostilities|"
    r"firefights?|skirmish(?:es)?|gunfights?|street\s+fighting)\b",
    re.IGNORECASE,
)
#: A meeting.
MEETING_CUE = re.compile(
    r"\b(?:met|meet(?:s|ing)?\s+with|held\s+talks|hold(?:s|ing)?\s+talks|talks\s+with|visit(?:ed|s|ing)?|"
    r"summit)\b",
    re.IGNORECASE,
)
#: A strike or an attack on a place; the group name is the event type.
STRIKE_CUE = re.compile(
    r"\b(?:(?P<strike>struck|strikes?\s+on|air\s*strikes?|airstrikes?|missile\s+strikes?|drone\s+strikes?|"
    r"shell(?:ed|ing)|bomb(?:ed|ing|ardment|arded)|pounded|hit)|"
    r"(?P<attack>attack(?:ed|s)?(?:\s+on)?|ambush(?:ed)?|raid(?:ed)?|stormed|assault(?:ed)?\s+on)|"
    r"(?P<protest>protest(?:s|ed|ers)?|demonstrat(?:ion|ions|ors|ed))|"
    r"(?P<massacre>massacre(?:d)?|killings?\s+of\s+civilians))\b",
    re.IGNORECASE,
)
FATALITIES = re.compile(
    r"\b(?:killing|killed|kills)\s+(?:at\s+least\s+)?(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens)\b|\b(?:at\s+least\s+)?(?P<n2>\d[\d,]*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+(?:people|civilians|persons|children|soldiers)?\s*(?:were\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:killed|dead)\b",
    re.IGNORECASE,
)
#: The other side has not confirmed.
UNCONFIRMED_CUE = re.compile(
    r"\b(?:ha(?:s|ve)\s+yet\s+to\s+(?:confirm|verify|comment)|(?:has|have|had|did|does|do)\s+not\s+"
    r"(?:yet\s+)?(?:confirm|verif)\w*|not\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)|"
    r"could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif)\w*|unconfirmed|unverified|"
    r"no\s+(?:official\s+)?confirmation)\b",
    re.IGNORECASE,
)
DENY_CUE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es)?|rejected|refuted)\b", re.IGNORECASE)
CONFIRM_CUE = re.compile(r"(?<!not )(?<!yet to )\bconfirm(?:s|ed)\b", re.IGNORECASE)
CLAIMED_CUE = re.compile(r"\b(?:claim(?:s|ed)?|purportedly|allegedly|reportedly)\b", re.IGNORECASE)

#: Cheap necessary conditions for the cues above, looked for in lower-cased text
#: (``geoconflict.text.normalize.case_fold``): each alternative of a cue contains one of its stems, so
#: a text none of them occurs in cannot match the cue. Change a cue and its stems together.
CUE_STEMS: dict[str, tuple[str, ...]] = {
    "move": (  # MOVE_CUE ("re-deploy" holds "deploy")
        "deploy", "relocat", "reallocat", "transfer", "mov", "pull", "withdr", "sen", "dispatch", "cross", "advanc",
        "shift", "rush", "reinforc", "push", "march", "retreat", "rotat", "airlift", "ferr", "brought", "bring",
        "head", "return"),
    "claim": (  # CLAIM_CUE ("taken", "retake", "take over" hold "tak"; "retook" holds "took")
        "control", "seiz", "captur", "took", "tak", "occup", "liberat", "overr", "fell", "fallen", "hold", "held"),
    "combat": ("combat", "fight", "fought", "clash", "battl", "hostilities", "skirmish"),  # COMBAT_CUE
    "meeting": ("met", "meet", "talks", "visit", "summit"),  # MEETING_CUE
    "strike": (  # STRIKE_CUE
        "struck", "strike", "shell", "bomb", "pounded", "hit", "attack", "ambush", "raid", "stormed", "assault",
        "protest", "demonstrat", "massacre", "killing"),
    "status": ("den", "dismiss", "rejected", "refuted", "confirm", "verif", "comment"),  # DENY_, UNCONFIRMED_, CONFIRM_CUE
}

#: Speech and report verbs after which the subject is who says so.
ATTRIBUTION_VERBS = (
    r"said|says|told|tells|stated|states|claimed|claims|claim|reported|reports|announced|announces|"
    r"acknowledged|acknowledges|confirmed|confirms|denied|denies|admitted|noted|added|wrote|warned|"
    r"insisted|asserted|alleged|emphasized|emphasised|explained|reiterated|observed|posted|estimated|"
    r"estimates|assessed|assesses|suggested|suggests|declared|accused"
)

#: Titles and roles that precede a person's name.
ROLE_WORDS = frozenset("""
President Vice Prime Minister Ministers Governor Acting Deputy General Gen Gen. Lieutenant Lt Lt. Colonel Col Col.
Commander Chief Secretary Spokesman Spokeswoman Spokesperson Ambassador Envoy Mayor Senator Leader Head
Chairman Chairwoman Director Admiral Major Maj Maj. Captain Capt Sergeant Sgt Mr Mr. Mrs Mrs. Ms Ms. Dr Dr.
Sheikh King Queen Prince Emir Pope Defence Defense Foreign Interior Affairs Military Army Armed Forces
Security National Regional Presidential Commissioner Advisor Adviser Representative Special Analyst Officer
Chancellor Premier Speaker MP Rep. Sen. Marshal Brigadier Field Staff Joint Press Information Health
Intelligence Staff Of
""".split())
#: Words that may sit next to a place name in one capitalised run without making it another name.
NAME_CONNECTORS = frozenset("""
North South East West Northern Southern Eastern Western Central Greater Upper Lower New Old Northeast
Northwest Southeast Southwest Northeastern Northwestern Southeastern Southwestern The
Oblast Region Province District Raion Rayon County State Governorate City Town Village Strip Valley River
Airport Airbase Base Bridge Port Dam Corridor Crossing Front Border Camp Refugee Lake Sea Island Islands
Peninsula Mountains Hills Plain Desert Canal Plant Station Highway Road Street Square Municipality Krai
Republic Territory Territories Prefecture Department Arrondissement Township Division Zone Area Enclave
""".split())
#: Capitalised words right after a name that make it an organisation or an outlet.
ORG_AFTER = frozenset("""
Post Times Independent Herald Tribune Journal Gazette Telegraph News Today Daily Radio TV Television
Broadcasting Agency Airlines Airways University Institute Ministry Council Committee Commission Bank FC
Club Group Energy Oil Gas Declaration Accords Agreement Agreements Protocol Process Format Conference
Company Corporation Holdings Review Observer Monitor Chronicle Express Mirror Insider Post's Times' Party
Movement Front Brigade Battalion Regiment Forces Army Police Guard Media Press Foundation Center Centre
Health Security Defense Defence Armed Tribunal Court Prosecutor Office Government Administration Authority
""".split())
#: Lower-case words right after a name that make it an outlet.
OUTLET_AFTER = re.compile(
    r"\s+(?:news\s+agency|news\s+outlet|news\s+site|news\s+website|agency|newspaper|daily|broadcaster|outlet|"
    r"television|radio|TV|channel|magazine|media|wire\s+service)\b",
)
#: An organisation head right before a name: "Ministry of Defense", "University of Khartoum".
ORG_BEFORE = re.compile(
    r"\b(?:Ministry|Ministries|Department|University|Bank|Institute|Academy|Museum|Commission|Committee|Office|"
    r"Agency|Court|Service|Council|Embassy|Consulate|Mission|Federation|Church|Patriarchate|Parliament)"
    r"\s+(?:of|for)\s+(?:the\s+)?$"
)
#: Titles that say an "X of Y" is about Y the place all the same ("Governor of Kursk region").
PLACE_TITLES = re.compile(r"\b(?:Governor|Mayor|Head|President|Prime Minister|Chief)\s+of\s+(?:the\s+)?$")


# ---- calendar
#: Month names, January first (a name's index + 1 is its month number).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Month abbreviations of report prose and their month numbers ("Sept" before "Sep": an alternation of
#: them in this order tries the longer first).
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
                       "Oct": 10, "Nov": 11, "Dec": 12}
#: Weekday names, Monday first (a name's index is its ``date.weekday()``).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
