"""Cheap pre-checks of the extractor against the plain forms they skip work for, on generated text.

Where a pattern is searched only when a cheap test says it can match (a stem
in the sentence, a word in the window), the plain form that always searches
stands beside it; these tests hold the two to the same answers. The text is
made of the words the patterns look for (numbers, death words, actor nouns,
demonyms, groups) mixed with other words, so that matches and near misses are
frequent.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import actors, located, resolution, resolution_actors, sources, toponyms
from geoconflict.extraction.cues import Fold
from geoconflict.extraction.spans import Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.lang import en
from geoconflict.text.normalize import case_fold

_WORDS = sorted({
    *en.NUMBER_WORDS, *en.DEMONYMS, *en.GROUPS, *en.ACTOR_NOUNS.split("|"), "killed", "Killed", "KILLING", "kills",
    "dead", "died", "shot", "shooting", "were", "was", "has", "been", "reportedly", "at", "least", "no", "No",
    "nobody", "without", "casualties", "fatalities", "deaths", "injuries", "one", "hurt", "injured", "a", "an",
    "number", "soldier", "civilians", "people", "12", "3", "1,200", "of", "Of", "OF", "the", "forces", "government",
    "ministry", "embassy", "Kyiv", "Sudan", "⟦0⟧", "⟦1⟧", "x", "kil", "dea", "nob", "wit", "Gunmen", "POLICE",
    "unidentified", "Armed", "men", "militias", "Mob", "İnsurgents", "ınsurgents", "ſoldiers", "\u212ailled",
    "security", "Forces", "villagers", "young",
})
_SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", "; ", "-", "'s ", ""]


def _made_of(words: list[str], separators: list[str] = _SEPARATORS, max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts of up to *max_size* of *words*, each followed by one of *separators*."""
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(separators)),
                    max_size=max_size).map(lambda parts: "".join(w + sep for w, sep in parts))


texts = _made_of(_WORDS)


def _window(data: st.DataObject, text: str) -> tuple[int, int]:
    """A window ``(lo, hi)`` of *text*, drawn anywhere (cutting words too)."""
    lo = data.draw(st.integers(0, len(text)))
    return lo, data.draw(st.integers(lo, len(text)))


_FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(texts)
def test_fatalities_in(text):
    folded = case_fold(text)
    assert located.fatalities_in(text, folded) == located.fatalities_in_reference(text, folded)


def test_fatalities_in_reads_counts():
    # the pre-check must not hide what the patterns find
    cases = {"Gunmen killed 14 villagers near the market.": 14, "Three soldiers died in the ambush.": 3,
             "A police officer was shot dead.": 1, "There were no casualties.": 0,
             "Officials gave no figure.": None, "The convoy was hit.": None}
    for text, expected in cases.items():
        folded = case_fold(text)
        assert located.fatalities_in(text, folded) == expected == located.fatalities_in_reference(text, folded)


@_FAST
@given(texts, st.data())
def test_parties(text, data):
    lo, hi = _window(data, text)
    assert actors.parties(text, lo, hi) == [a for a in actors.actors(text, lo, hi) if a.party]


@_FAST
@given(texts)
def test_actor_of_before_needs_of(text):
    # located._names_actor searches ACTOR_OF_BEFORE only in windows holding "of"
    if en.ACTOR_OF_BEFORE.search(text):
        assert en.OF in case_fold(text)


@_FAST
@given(texts, st.data())
def test_generic_actor_folded(text, data):
    # acled_types._nearest finds generic actors in the case-folded sentence
    lo, hi = _window(data, text)
    plain = [(m.span(), m.group(0).lower()) for m in en.GENERIC_ACTOR.finditer(text, lo, hi)]
    fast = [(m.span(), text[m.start():m.end()].lower()) for m in Fold.GENERIC_ACTOR.finditer(case_fold(text), lo, hi)]
    assert fast == plain


_NAME_WORDS = [*en.NAMED_AFTER_WORDS, *en.NEIGHBOURHOOD_WORDS, *(w.lower() for w in en.NEIGHBOURHOOD_WORDS),
               "im", "imen", "olonia", "Barri", "de", "los", "Prados", "Pinos", "Lenina", "Shakhta", "Testgrad",
               "Obrera", "Kyiv", "the", "x"]
name_windows = _made_of(_NAME_WORDS, max_size=12)


@_FAST
@given(name_windows, st.data())
def test_named_after_before_is_the_plain_search(text, data):
    # toponyms._context_reason searches the window before a name only when it holds the words' letters
    lo, hi = _window(data, text)
    assert toponyms._named_after_before(text, lo, hi) == (en.NAMED_AFTER_BEFORE.search(text, lo, hi) is not None)
    assert toponyms._neighbourhood_before(text, lo, hi) == (
        en.NEIGHBOURHOOD_BEFORE.search(text, lo, hi) is not None)


_RULE_WORDS = [*_NAME_WORDS, "ward", "Wards", "WARD", "quarter", "Quarters", "neighbourhood", "Neighborhood",
               "neıghbourhood", "NEİGHBORHOODS", "barrio", "barrıos", "favela", "Favelas", "quarterſ", "toward",
               "Kyiv", "Nova", "Terra", "community"]
rule_texts = _made_of(_RULE_WORDS, max_size=10)


@_FAST
@given(rule_texts, st.data())
def test_context_reason_skips_only_rules_whose_words_are_missing(text, data):
    # toponyms.RuleWords.of(text) says which of the rarer rules can match anywhere in the text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span(start, end, text[start:end], "")
    words = toponyms.RuleWords.of(text)
    assert toponyms._context_reason(text, span, set(), words) == toponyms._context_reason(
        text, span, set(), toponyms.RuleWords.ALL)


@_FAST
@given(rule_texts)
def test_every_match_of_the_rarer_rules_holds_their_words(text):
    words = toponyms.RuleWords.of(text)
    for pos in range(len(text) + 1):
        if en.NEIGHBOURHOOD_AFTER.match(text, pos):
            assert words.part_after
        if en.NEIGHBOURHOOD_OPENING.match(text, pos) or en.NEIGHBOURHOOD_BEFORE.search(text, 0, pos):
            assert words.part_opening
        if en.NAMED_AFTER.match(text, pos) or en.NAMED_AFTER_BEFORE.search(text, 0, pos):
            assert words.named_after


def test_rule_words_say_which_rules_can_match():
    assert toponyms.RuleWords.of("Shelling hit Kyiv.") == toponyms.RuleWords(False, False, False)
    assert toponyms.RuleWords.of("the mine imeni Lenina") == toponyms.RuleWords(True, False, False)
    assert toponyms.RuleWords.of("in colonia Obrera") == toponyms.RuleWords(False, True, False)
    assert toponyms.RuleWords.of("the Terra Nova NEIGHBORHOOD") == toponyms.RuleWords(False, False, True)
    text = "Shelling hit the Terra Nova neighborhood; Testgrad Ward."
    span = Span(17, 22, "Terra", "")
    assert "part of a city" in toponyms._context_reason(text, span, set(), toponyms.RuleWords.of(text))


_WAR_WORDS = ["war", "WAR", "Wars", "invasion", "ınvasıon", "İNVASION", "aggression", "aggreſſion", "occupation",
              "Occupatıon", "in", "of", "ON", "against", "agaınst", "the", "Ukraine", "toward", "x", "wa", "nv"]
war_texts = _made_of(_WAR_WORDS, max_size=10)


@_FAST
@given(war_texts)
def test_a_text_without_the_war_stems_holds_no_war_object(text):
    # resolution._war_object is searched before each span only in a text _tells_of_war
    if any(en.WAR_OBJECT_BEFORE.search(text, 0, end) for end in range(len(text) + 1)):
        assert resolution._tells_of_war(text)


def test_tells_of_war_finds_each_word():
    for text in ("the war in", "an INVASION of", "aggression against", "the occupation of", "WAR ON"):
        assert resolution._tells_of_war(text) and en.WAR_OBJECT_BEFORE.search(text + " "), text
    assert not resolution._tells_of_war("Shelling hit Kyiv and Kharkiv.")


def test_the_window_checks_find_what_they_are_for():
    text = "the mine Shakhta imeni Testgrad and Colonia Prados de los Testgrad"
    named, part = text.index("Testgrad"), text.rindex("Testgrad")
    assert toponyms._named_after_before(text, 0, named)
    assert toponyms._neighbourhood_before(text, named, part)
    assert not toponyms._named_after_before(text, named, part)
    assert not toponyms._neighbourhood_before(text, 0, named)


@_FAST
@given(texts, st.data())
def test_actor_of_before_is_the_plain_search(text, data):
    # located._names_actor searches "the forces of" only in windows ending with "of" or "the" and a space
    lo, hi = _window(data, text)
    assert located._actor_of_before(text, lo, hi) == (en.ACTOR_OF_BEFORE.search(text, lo, hi) is not None)


def test_actor_of_before_finds_the_forces_of_a_place():
    for text, expected in (("shelled by the forces OF the ⟦0⟧", True), ("the Embassy of\n⟦0⟧", True),
                           ("troops in ⟦0⟧", False), ("the government of ⟦0⟧", True), ("the end of it ⟦0⟧", False)):
        hi = text.index("⟦")
        assert located._actor_of_before(text, 0, hi) is expected, text


_CLAUSE_WORDS = sorted({
    *(w.replace(r"\s+", " ").replace("(?:arrest|detention)", "arrest") for w in en.OTHER_CLAUSE_WORDS),
    "detention", "and", "to", "demand", "demanded", "against", "the", "Who", "WHICH", "wh", "aft", "befor",
    "follow", "protesters", "⟦0⟧", "in", "x", "whoever", "afterwards",
})
clauses = _made_of(_CLAUSE_WORDS, [*_SEPARATORS, ";", " ;", ",\n"], max_size=20)


@_FAST
@given(clauses)
def test_clause_end_is_the_plain_search(after):
    # located._clause_end searches OTHER_CLAUSE only when the text holds one of its cores
    assert located._clause_end(after) == located.clause_end_reference(after)


def test_every_other_clause_word_holds_a_core():
    for word in en.OTHER_CLAUSE_WORDS:
        for written in (word.replace(r"\s+", " ").replace("(?:arrest|detention)", end) for end in ("arrest", "detention")):
            assert en.OTHER_CLAUSE.fullmatch(f", {written}"), written
            assert any(core in written for core in en.OTHER_CLAUSE_CORES), written
    assert en.OTHER_CLAUSE.fullmatch(";") and ";" in en.OTHER_CLAUSE_CORES


def test_clause_end_stops_at_another_clause():
    for after, end in ((" the market in ⟦0⟧, who were detained in ⟦1⟧", len(" the market in ⟦0⟧")),
                       (" a checkpoint; the army said", len(" a checkpoint")),
                       (" a convoy near ⟦0⟧ on the road", None)):
        assert located._clause_end(after) == (len(after) if end is None else end) == located.clause_end_reference(after)


_SPEECH_WORDS = ["said", "says", "told", "claimed", "has", "said,", "the", "army", "The", "Army", "spokesman",
                 "Ivan", "Petrenko", "police", "according", "to", "reports", "\"", "”", "“", "(", ")", "Said", "x",
                 "sai", "denied", "local", "officials", "he", "it", "12"]
speech = _made_of(_SPEECH_WORDS, [*_SEPARATORS, ", ", ",\" ", "\" "], max_size=20)


@_FAST
@given(speech)
def test_attributed_is_the_plain_search(sentence):
    # sources._attributed skips the inverted attribution when the sentence holds no attribution verb
    assert sources._attributed(sentence) == sources.attributed_reference(sentence)


@_FAST
@given(speech)
def test_verb_matches_are_the_plain_search(sentence):
    found = [(m.span(), m.group(0)) for m in sources.verb_matches(sentence)]
    assert found == [(m.span(), m.group(0)) for m in sources._VERB.finditer(sentence)]


def test_attributed_finds_both_orders():
    for sentence, who in (("The army said the village was shelled.", "The army"),
                          ("\"The village was shelled,\" said Governor Ivan Petrenko", "Governor Ivan Petrenko"),
                          ("The village was shelled overnight.", None)):
        assert sources._attributed(sentence) == who == sources.attributed_reference(sentence)


_HINT_WORDS = [*en.REGION_HINTS, "DP", "LPRs", "M2", "Fan", "the", "fighters", "shelled", "village", "x", "SMM"]
hint_texts = _made_of(_HINT_WORDS, max_size=12)


@_FAST
@given(hint_texts)
def test_hinted_regions_is_the_plain_search(text):
    # resolution_actors.hinted_regions searches _HINT only when a hint's name occurs in the text
    gaz = Gazetteer.default()
    plain = {unit for m in resolution_actors._HINT.finditer(text) for unit in resolution_actors._units_of(gaz, m.group(0))}
    assert resolution_actors.hinted_regions(gaz, text) == plain


_RESPONSIBLE_WORDS = ["claimed", "Claimed", "CLAIMED", "claim", "by", "blaming", "Blamed", "blame", "on", "attributed",
                      "ATTRIBUTED", "to", "responsibility", "it", "the", "attack", "bombings", "has", "later", "RSF",
                      "Al-Shabaab", "militants", "⟦0⟧", "cla\u0130med", "blamıng"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_made_of(_RESPONSIBLE_WORDS))
def test_every_match_of_the_responsibility_patterns_holds_a_stem(text):
    # held_responsible searches neither pattern in a sentence whose case fold holds no stem
    folded = case_fold(text)
    if en.RESPONSIBLE_AFTER.search(text) or en.RESPONSIBLE_BEFORE.search(text):
        assert any(w in folded for w in en.RESPONSIBLE_STEMS)
    if not any(w in folded for w in en.RESPONSIBLE_STEMS):
        assert located.held_responsible(text, folded) is None


def test_held_responsible_reads_the_side_blamed():
    for text, side in (("A bomb hit a bus in ⟦0⟧, police said, BLAMING Al-Shabaab militants.", "Al-Shabaab"),
                       ("Two soldiers were killed; the RSF later claimed the attack.", "RSF"),
                       ("Two soldiers were killed near ⟦0⟧.", None)):
        assert located.held_responsible(text, case_fold(text)) == side


_HEAD_WORDS = ["will", "Will", "WOULD", "could", "might", "may", "threatened", "planned", "plans", "vowed", "vow",
               "was", "Was", "were", "WERE", "been", "being", "be", "wa", "wer", "bee", "plan", "to", "attack",
               "reportedly", "shelled", "by", "gunmen", "the", "town", "⟦0⟧", "İ", "\u212aill", "wıll"]


@_FAST
@given(text=_made_of(_HEAD_WORDS, [" ", " ", "  ", "\n", ", ", ". ", ""], max_size=12), data=st.data())
def test_stemmed_patterns_are_their_plain_searches(text, data):
    # a head is searched only when it holds a stem: the answer is the pattern's, in whole texts and windows
    from geoconflict.extraction.cues import Stems

    folded = case_fold(text)
    lo, hi = _window(data, folded)
    for stemmed in (Stems.MODAL, Stems.PASSIVE_VERB_BEFORE):
        for args in ((folded,), (folded, lo, hi)):
            got, want = stemmed.search(*args), stemmed.pattern.search(*args)
            assert (got.span() if got else None) == (want.span() if want else None), (stemmed.stems, args)


#: The words of the forms a claim's other side is read in (:mod:`geoconflict.extraction.claim_sides`), cut and whole.
_FORM_WORDS = ["from", "From", "out", "of", "bases", "base", "outposts", "posts", "positions", "barracks", "garrison",
               "checkpoints", "stations", "headquarters", "ISIS-held", "-held", "held", "Held", "by", "drove", "driven",
               "drive", "driving", "pushed", "expelled", "ousted", "cleared", "flushed", "clashes", "fighting",
               "fought", "battles", "combat", "with", "against", "withdrew", "withdrawn", "retreated", "fled", "flees",
               "pulled", "abandoned", "x", "the", "army", "⟦0⟧", "İ", "fro", "hel", "wit", "\u212aill"]


@_FAST
@given(text=_made_of(_FORM_WORDS, [" ", " ", "  ", "\n", ", ", ". ", ""], max_size=16), data=st.data())
def test_the_forms_of_the_other_side_are_their_plain_searches(text, data):
    from geoconflict.extraction import claim_sides

    folded = case_fold(text)
    lo, hi = _window(data, folded)
    for stemmed in (claim_sides._TAKEN_FROM, claim_sides._HELD_POST, claim_sides._HELD_BY_BEFORE,
                    claim_sides._HELD_BY_AFTER, claim_sides._DROVE_OUT, claim_sides._FOUGHT_WITH, claim_sides._GAVE_WAY):
        for args in ((folded,), (folded, lo, hi)):
            got = [m.span() for m in stemmed.finditer(*args)]
            assert got == [m.span() for m in stemmed.pattern.finditer(*args)], (stemmed.stems, args)


def test_stemmed_patterns_read_heads():
    from geoconflict.extraction.cues import Stems

    assert Stems.MODAL.search("militants vowed to attack ") is not None
    assert Stems.MODAL.search("militants attacked ") is None
    assert Stems.PASSIVE_VERB_BEFORE.search("two farmers were shot") is not None
    assert Stems.PASSIVE_VERB_BEFORE.search("gunmen shot") is None


@_FAST
@given(text=_made_of(["in", "on", "near", "the", "village", "of", "⟦0⟧", "⟦12⟧", "⟦", "town", "targeting", "into"],
                     [" ", "  ", ", ", ""], max_size=10))
def test_an_event_place_is_a_token(text):
    # _place looks for the event's own preposition and place only in a clause holding a token
    if located._EVENT_PLACE.search(text):
        assert "⟦" in text


_AREA_TEXTS = [
    "Israeli forces fired at fishermen off Gaza.",
    "Houthi fighters clashed with Saudi forces near Hebron.",
    "Russian forces shelled Odessa and Kherson; Ukrainian troops repelled an assault near Bakhmut.",
    "RSF fighters attacked El Fasher, Sudanese Armed Forces said.",
    "Police dispersed protesters in Gaza.",
    "American and Russian troops were seen near Hebron.",
]


@_FAST
@given(texts)
def test_area_bound_is_inside_the_actor_area(text):
    # resolution_actors.pull_to_actors scans the parties only when a loose place lies outside area_bound
    area, bound = resolution_actors.actor_area(text), resolution_actors.area_bound(text)
    if bound is None:
        assert area == frozenset()
    elif area:
        assert bound <= area


def test_area_bound_of_written_reports():
    for text in _AREA_TEXTS:
        area, bound = resolution_actors.actor_area(text), resolution_actors.area_bound(text)
        assert (bound is None and not area) or (bound is not None and (not area or bound <= area)), text
    assert resolution_actors.area_bound("Police dispersed the crowd.") is None
    assert resolution_actors.area_bound("Israeli forces fired at fishermen.") == resolution_actors.actor_area(
        "Israeli forces fired at fishermen.") != frozenset()


def test_pull_to_actors_without_the_bound_places_alike(monkeypatch):
    from geoconflict.extraction.document import read_document
    from geoconflict.text.report import read_report

    gaz = Gazetteer.default()

    def placed(text):
        doc = read_document(read_report(text, published="2024-03-04"), gaz)
        return [(x.start, x.end, x.place, x.reason) for x in doc.spans]

    fast = [placed(t) for t in _AREA_TEXTS]
    monkeypatch.setattr(resolution_actors, "area_bound", lambda text: frozenset())  # (never skips the scan)
    assert fast == [placed(t) for t in _AREA_TEXTS]
    assert [(x[2].country_code, "where the report's actors are" in x[3]) for x in fast[0]] == [("PS", True)]


def _places() -> list:
    from geoconflict.model import Place, PlaceKind

    return [Place("Kramatorsk", kind=PlaceKind.POPULATED_PLACE, lat=48.7, lon=37.6, country_code="UA"),
            Place("Donetsk Oblast", kind=PlaceKind.ADMIN1, lat=48.0, lon=37.8, country_code="UA")]


@_FAST
@given(st.sampled_from([None, 0, 1]), st.booleans(), st.sampled_from([None, "district"]),
       st.sampled_from(["gazetteer name", "x; outlier: far", "approximate: placed at its unit", "outlier; approximate"]),
       st.lists(st.sampled_from([0, 1]), max_size=2))
def test_may_be_unplaced_holds_every_unplaced_span(at, fixed, descriptor, reason, unit_ids):
    # resolution_spelling.respell_in_units reads no sentence when no span _may_be_unplaced
    from geoconflict.extraction import resolution_spelling as rs
    from geoconflict.extraction.resolution_common import OUTLIER
    from geoconflict.extraction.structure import APPROXIMATE

    places = _places()
    reason = reason.replace("outlier", OUTLIER).replace("approximate", APPROXIMATE)
    x = Span(0, 4, "Test", reason, descriptor=descriptor, place=None if at is None else places[at], fixed=fixed)
    units = [places[i] for i in unit_ids]
    if rs._unplaced(x, units):
        assert rs._may_be_unplaced(x)
    # (and it is exactly _unplaced for the units that hold x's own place)
    assert rs._may_be_unplaced(x) == rs._unplaced(x, [] if x.place is None else [x.place])
