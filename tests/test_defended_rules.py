"""The rules that read an attack told from the defender's side (session 17, branch ``repelled``), one by one on
sentences of their forms: an attack driven off, the passive "came under attack from", a siege broken. The held-out
check of the same families is ``tests/test_events_defended.py``."""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.defended import defended_sides
from geoconflict.model.acled import acled_rows


def _main(gazetteer, text: str, published: str = "2024-05-20") -> dict:
    row = next(iter(acled_rows(extract(read_report(text, published=published), gazetteer=gazetteer))), None)
    assert row is not None, "the report gave no located event"
    return row


@pytest.mark.parametrize(("masked", "expected"), [
    ("Kenyan troops repelled an attack by al-Shabaab militants on a camp in ⟦0⟧", ("Al-Shabaab", "Kenyan forces")),
    ("police foiled a raid by bandits on ⟦0⟧", ("bandits", "police")),
    ("Ukrainian forces beat back two Russian assaults near ⟦0⟧", ("Russian forces", "Ukrainian forces")),
    ("the garrison fended off an HTS offensive on ⟦0⟧", ("HTS",)),
    ("an army outpost near ⟦0⟧ came under heavy fire from Houthi fighters", ("Houthis", "army")),
    ("an attack by al-Shabaab on a base in ⟦0⟧ was repulsed by Somali troops", ("Al-Shabaab", "Somali forces")),
    ("a Russian assault on ⟦0⟧ was quickly repelled", ("Russian forces",)),
    ("Kenyan police fought off an attack by bandits on ⟦0⟧", ("bandits", "Kenyan forces")),
    ("protesters were repelled by police in ⟦0⟧", None),  # no attack's noun in the subject
    ("the garrison in ⟦0⟧ repulsed a jihadist raid", ("jihadists",)),  # a garrison is no actor the project names
    ("Malian troops foiled a rebel attack on ⟦0⟧", ("rebels", "Malian forces")),
    ("soldiers repelled the attackers at ⟦0⟧", None),  # no attack's noun after the verb
    ("police foiled a bomb attack in ⟦0⟧", None),  # the attack names no side
    ("gunmen attacked a police post in ⟦0⟧", None),  # told from the attacker's side: no word of it
])
def test_an_attack_told_from_the_defenders_side_names_the_attacker_first(masked, expected):
    assert defended_sides(masked, masked.lower()) == expected


@pytest.mark.parametrize(("text", "actors"), [
    ("Somali troops repulsed an attack by al-Shabaab on their base in Beledweyne on Monday, the army said.",
     ("Al-Shabaab", "Somali forces")),
    ("On 4 March 2024, a police convoy came under attack from TTP militants near Bannu (Bannu, Khyber Pakhtunkhwa).",
     ("TTP", "police")),
    ("The army lifted the RSF's siege of El Obeid on Sunday, a military source said.", ("army", "RSF")),
    ("RSF fighters laid siege to El Obeid on Sunday, residents said.", ("RSF",)),  # a siege kept: the besieger first
])
def test_the_main_event_names_the_attacker_first(gazetteer, text, actors):
    row = _main(gazetteer, text)
    assert row["event_type"] == "Battles"
    assert tuple(a for a in (row["actor1"], row["actor2"]) if a) == actors


def test_the_gate_forced_open_reads_the_same(monkeypatch):
    import re

    from geoconflict.extraction import defended
    sentences = ["Kenyan troops repelled an attack by al-Shabaab militants on a camp in ⟦0⟧",
                 "an army outpost near ⟦0⟧ came under heavy fire from Houthi fighters",
                 "gunmen attacked a police post in ⟦0⟧", "Russian forces shelled ⟦0⟧"]
    gated = [defended_sides(s, s.lower()) for s in sentences]
    monkeypatch.setattr(defended, "_GATE", re.compile(""))
    assert [defended_sides(s, s.lower()) for s in sentences] == gated
