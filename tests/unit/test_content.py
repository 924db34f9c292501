"""The shipped content: shape, counts, wording limits and the loader."""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from functools import cache
from importlib.resources import files

import pytest

from tests.unit.kept_ids import KEPT_GESTURE_IDS, KEPT_PROMPT_IDS
from tests.unit.near_dup import LIMIT, content_words, near_duplicates, overlap
from tui import content
from tui.model import EFFORTS, LOVE_LANGUAGES, Gesture, Prompt

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")
ALLOWED_PLACEHOLDERS = {"{partner}", "{partner_s}"}
THEME_IDS = ["seen", "blocks", "rituals", "gratitude", "repair", "safety", "maps", "fondness", "dreams"]
JSON_FILES = ["gestures.json", "prompts.json", "rituals.json", "why.json"]

GESTURE_MAX = 140
PROMPT_MAX = 160
RITUAL_NAME_MAX = 40
RITUAL_DESCRIPTION_MAX = 140
WHY_MAX = 90


def _fallback(text: str) -> str:
    return content.personalise(text, "")


def _one_sentence(text: str) -> bool:
    """Starts with a capital, ends with . ! or ?, no sentence break inside."""
    if not text or text != text.strip() or "\n" in text:
        return False
    if not text[0].isupper() or text[-1] not in ".!?":
        return False
    return re.search(r"[.!?][\"')]?\s+[A-Z]", text[:-1]) is None


# --- packaging -------------------------------------------------------------


@pytest.mark.parametrize("name", JSON_FILES)
def test_json_files_are_package_data(name):
    resource = files("tui.content").joinpath(name)
    assert resource.is_file(), f"{name} is not found in the tui.content package"
    json.loads(resource.read_text(encoding="utf-8"))


def test_loader_imports_only_stdlib_and_model():
    source = files("tui.content").joinpath("__init__.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module if node.module.startswith("tui") else node.module.split(".")[0])
    allowed = set(sys.stdlib_module_names) | {"tui.model"}
    assert imported <= allowed, imported - allowed


def test_loaders_are_cached():
    assert content.gestures() is content.gestures()
    assert content.prompts() is content.prompts()
    assert content.why_lines() is content.why_lines()


# --- gestures --------------------------------------------------------------


def test_gestures_are_dataclasses_with_frozenset_tags():
    for g in content.gestures():
        assert isinstance(g, Gesture)
        assert isinstance(g.tags, frozenset)


def test_gesture_ids_unique_and_kebab_case():
    ids = [g.id for g in content.gestures()]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for gid in ids:
        assert ID_RE.match(gid), gid


def test_gesture_languages_efforts_and_tags_are_known():
    for g in content.gestures():
        assert g.language in LOVE_LANGUAGES, g.id
        assert g.effort in EFFORTS, g.id
        assert g.tags <= content.TAGS, (g.id, g.tags - content.TAGS)
        assert g.tags, f"{g.id} has no tags"


def test_gesture_counts():
    all_ = content.gestures()
    assert len(all_) >= 400
    per_language = Counter(g.language for g in all_)
    for lang in LOVE_LANGUAGES:
        assert per_language[lang] >= 80, (lang, per_language[lang])
    apart = [g for g in all_ if "apart" in g.tags]
    assert len(apart) >= 120
    for lang in LOVE_LANGUAGES:
        n_apart = sum(1 for g in apart if g.language == lang)
        n_together = sum(1 for g in all_ if g.language == lang and "together" in g.tags)
        assert n_apart >= 3, (lang, n_apart)
        assert n_together >= 10, (lang, n_together)


def test_every_gesture_says_where_it_works():
    for g in content.gestures():
        assert g.tags & {"together", "apart"}, g.id


def test_many_gestures_cost_nothing():
    all_ = content.gestures()
    free = sum(1 for g in all_ if "costs_nothing" in g.tags)
    assert free * 2 >= len(all_)
    assert free >= 200


def test_every_gesture_has_each_field():
    efforts = Counter(g.effort for g in content.gestures())
    wheres = Counter(g.where for g in content.gestures())
    assert set(efforts) == set(EFFORTS) and min(efforts.values()) >= 30, efforts
    assert set(wheres) == {"together", "apart", "both"}, wheres
    for g in content.gestures():
        assert g.costs_money == ("costs_nothing" not in g.tags), g.id
        assert g.where == ("both" if {"together", "apart"} <= g.tags else "apart" if "apart" in g.tags else "together")


@pytest.mark.parametrize(
    "moment, words",
    [
        ("mornings", ("morning", "breakfast", "wake")),
        ("partings", ("goodbye", "leave", "leaves", "heads out", "part ", "separate ways")),
        ("reunions", ("reunite", "come home", "comes home", "see each other again", "meet again", "returns")),
        ("meals", ("dinner", "lunch", "meal", "breakfast")),
        ("chores", ("chore", "dishes", "laundry", "bins", "washing up")),
        ("work days", ("work", "meeting")),
        ("weekends", ("weekend", "sunday", "friday")),
        ("illness", ("ill", "unwell", "headache")),
        ("hard weeks", ("hard week", "hard day", "rough day")),
        ("celebrations", ("celebrat", "birthday", "toast")),
        ("good news", ("good news", "win")),
        ("bids", ("bid", "look at this", "points something out", "reaches for")),
    ],
)
def test_catalog_covers_ordinary_life(moment, words):
    hits = [g.id for g in content.gestures() if any(w in g.text.casefold() for w in words)]
    assert len(hits) >= 3, (moment, hits)


def test_near_duplicate_measure():
    a = content_words("Hug {partner} at the door when you come home.")
    assert a == {"hug", "door", "come", "home"}
    assert overlap(a, content_words("Come home and hug at the door.")) == 1.0
    assert overlap(a, content_words("Write a letter by hand.")) == 0.0
    assert near_duplicates({"x": "Hug at the door.", "y": "A door hug at home.", "z": "Post a letter."}) == [
        ("x", "y", 1.0)
    ]


def test_no_two_gestures_are_near_duplicates():
    # Overlap = |A & B| / min(|A|, |B|) of content words; more than 0.6 fails.
    found = near_duplicates({g.id: g.text for g in content.gestures()})
    assert not found, f"over {LIMIT}: {found}"


def test_no_two_prompts_are_near_duplicates():
    found = near_duplicates({p.id: p.text for p in content.prompts()})
    assert not found, f"over {LIMIT}: {found}"


def test_existing_ids_are_kept():
    for gid in KEPT_GESTURE_IDS:
        assert gid in content.gesture_by_id(), gid
    for pid in KEPT_PROMPT_IDS:
        assert pid in content.prompt_by_id(), pid


def test_gesture_texts_are_one_short_sentence():
    for g in content.gestures():
        assert g.text.strip(), g.id
        assert _one_sentence(g.text), g.id
        assert len(g.text) < GESTURE_MAX, g.id
        assert len(_fallback(g.text)) < GESTURE_MAX, g.id


def test_gesture_placeholders_are_only_partner():
    for g in content.gestures():
        found = set(PLACEHOLDER_RE.findall(g.text))
        assert found <= ALLOWED_PLACEHOLDERS, (g.id, found)
        rest = PLACEHOLDER_RE.sub("", g.text)
        assert "{" not in rest and "}" not in rest, g.id
        assert not g.text.startswith("{"), g.id


def test_placeholders_used_in_a_fair_share():
    all_ = content.gestures()
    with_name = sum(1 for g in all_ if "{partner" in g.text)
    assert len(all_) // 5 <= with_name <= len(all_) // 2


def test_gesture_texts_unique():
    texts = [g.text.casefold() for g in content.gestures()]
    assert len(texts) == len(set(texts))


def test_gesture_by_id_matches_catalog():
    index = content.gesture_by_id()
    assert list(index) == [g.id for g in content.gestures()]
    index.clear()  # a caller's copy; the catalog is unharmed
    assert content.gesture_by_id()


@pytest.mark.parametrize(
    "gid, language",
    [
        ("red-light-squeeze", "touch"),
        ("mirror-note", "words"),
        ("midday-thinking-of-you", "words"),
        ("coffee-their-way", "service"),
        ("specific-compliment", "words"),
        ("door-hug", "touch"),
        ("turn-toward-a-bid", "time"),
        ("six-second-kiss", "touch"),
        ("one-thing-before-parting", "time"),
        ("celebrate-good-news", "words"),
        ("embrace-before-sleep", "touch"),
    ],
)
def test_inspiring_gestures_present(gid, language):
    g = content.gesture_by_id()[gid]
    assert g.language == language


def test_red_light_squeeze_reads_well():
    g = content.gesture_by_id()["red-light-squeeze"]
    assert "red light" in g.text
    assert "together" in g.tags


# --- prompts ---------------------------------------------------------------


def test_themes_in_order_with_titles():
    t = content.topics()
    assert list(t) == THEME_IDS
    for tid, title in t.items():
        assert title.strip() and len(title) <= 60, tid


def test_prompts_are_dataclasses():
    for p in content.prompts():
        assert isinstance(p, Prompt)


def test_prompt_ids_unique_and_kebab_case():
    ids = [p.id for p in content.prompts()]
    assert len(ids) == len(set(ids))
    for pid in ids:
        assert ID_RE.match(pid), pid


def test_prompt_topics_and_depths_known():
    known = content.topics()
    for p in content.prompts():
        assert p.topic in known, p.id
        assert p.depth in (1, 2, 3), p.id


def test_prompt_counts():
    all_ = content.prompts()
    assert len(all_) >= 240
    assert len(content.topics()) >= 8
    per_theme = Counter(p.topic for p in all_)
    for tid in THEME_IDS:
        assert per_theme[tid] >= 24, (tid, per_theme[tid])


def test_topics_and_themes_are_the_same():
    assert content.topics() == content.topics()
    for p in content.prompts():
        assert p.topic == p.topic


def test_prompt_depth_rises_within_each_theme():
    for tid in THEME_IDS:
        depths = [p.depth for p in content.prompts() if p.topic == tid]
        assert depths == sorted(depths), tid
        assert set(depths) == {1, 2, 3}, tid


def test_prompt_texts():
    for p in content.prompts():
        assert p.text.strip(), p.id
        assert p.text[0].isupper() and p.text.endswith("?"), p.id
        assert "  " not in p.text and p.text == p.text.strip(), p.id
        assert len(p.text) <= PROMPT_MAX, p.id
        assert "{" not in p.text and "}" not in p.text, p.id


def test_prompt_texts_unique():
    texts = [p.text.casefold() for p in content.prompts()]
    assert len(texts) == len(set(texts))


def test_blocks_prompts_are_gentle():
    blaming = ("fault", "blame", "should have", "lazy", "selfish", "failed", "why don't you")
    for p in content.prompts():
        if p.topic == "blocks":
            low = p.text.casefold()
            assert not any(word in low for word in blaming), p.id


@pytest.mark.parametrize(
    "pid, theme",
    [
        ("small-gestures-seen", "seen"),
        ("what-keeps-me", "blocks"),
        ("rituals-over-big-moments", "rituals"),
        ("ritual-to-start-today", "rituals"),
    ],
)
def test_inspiring_prompts_present(pid, theme):
    assert content.prompt_by_id()[pid].topic == theme


def test_prompt_by_id_matches_deck():
    assert list(content.prompt_by_id()) == [p.id for p in content.prompts()]


# --- rituals ---------------------------------------------------------------


def test_default_rituals_shape():
    rituals = content.default_rituals()
    assert len(rituals) >= 8
    ids = [r["id"] for r in rituals]
    assert len(ids) == len(set(ids))
    for r in rituals:
        assert set(r) == {"id", "name", "description", "weekdays", "together"}
        assert ID_RE.match(r["id"]), r["id"]
        assert r["name"].strip() and len(r["name"]) <= RITUAL_NAME_MAX, r["id"]
        assert _one_sentence(r["description"]), r["id"]
        assert len(r["description"]) <= RITUAL_DESCRIPTION_MAX, r["id"]
        assert "{" not in r["name"] + r["description"], r["id"]
        assert isinstance(r["weekdays"], tuple)
        assert all(isinstance(d, int) and 0 <= d <= 6 for d in r["weekdays"])


def test_default_rituals_daily_and_weekly():
    rituals = content.default_rituals()
    daily = [r for r in rituals if not r["weekdays"]]
    weekly = [r for r in rituals if len(r["weekdays"]) == 1]
    assert len(daily) >= 6
    assert {r["id"] for r in weekly} >= {"weekly-date", "how-are-we"}


def test_default_rituals_are_fresh_copies():
    first = content.default_rituals()
    first[0]["name"] = "changed"
    assert content.default_rituals()[0]["name"] != "changed"


# --- why lines -------------------------------------------------------------


def test_why_lines():
    lines = content.why_lines()
    assert len(lines) >= 14
    assert len(set(lines)) == len(lines)
    for line in lines:
        assert line.strip() == line and line, line
        assert len(line) < WHY_MAX, line
        assert "{" not in line and "}" not in line, line


# --- personalise -----------------------------------------------------------


def test_personalise_with_name():
    text = "Hug {partner} and praise {partner_s} work."
    assert content.personalise(text, "Sam") == "Hug Sam and praise Sam's work."


def test_personalise_strips_name():
    assert content.personalise("Call {partner}.", "  Alex \n") == "Call Alex."


@pytest.mark.parametrize("empty", ["", "   ", "\t\n"])
def test_personalise_empty_name_falls_back(empty):
    text = "Hug {partner} and praise {partner_s} work."
    assert content.personalise(text, empty) == "Hug your partner and praise your partner's work."


def test_personalise_possessive_of_name_ending_in_s():
    assert content.personalise("{partner_s} hand", "James") == "James's hand"


def test_personalise_name_with_braces_is_literal():
    text = "Hug {partner} and praise {partner_s} work."
    assert content.personalise(text, "{x}") == "Hug {x} and praise {x}'s work."
    assert content.personalise(text, "{0}") == "Hug {0} and praise {0}'s work."


def test_personalise_name_that_looks_like_a_placeholder():
    text = "Hug {partner}; see {partner_s} smile."
    assert content.personalise(text, "{partner_s}") == "Hug {partner_s}; see {partner_s}'s smile."
    assert content.personalise(text, "{partner}") == "Hug {partner}; see {partner}'s smile."


def test_personalise_markup_is_literal():
    assert content.personalise("Hug {partner}.", "[bold]x") == "Hug [bold]x."
    assert content.personalise("{partner_s} day", "[/]") == "[/]'s day"


def test_personalise_without_placeholders_is_unchanged():
    assert content.personalise("Make the bed.", "Sam") == "Make the bed."


def test_every_gesture_personalises_cleanly():
    for g in content.gestures():
        for name in ("", "Sam", "{x}"):
            out = content.personalise(g.text, name)
            assert "{partner" not in out, g.id
        assert "Sam" in content.personalise(g.text, "Sam") or "{partner" not in g.text


# --- told: the gesture as its receiver reads it -----------------------------

TOLD_MAX = 76
"""The Today card's inner width at 80 columns: a told line, with a ten-letter name, fits one line."""
SAME_AS_PAST = {"read", "put", "set", "let", "cut", "spread"}
"""Verbs whose past tense is their plain form: "{giver} read you ..." is already past."""
OPENERS = {"when", "if", "on", "in", "at", "before", "after", "while", "under", "instead", "quietly"}
"""How a gesture text may open before its verb ("When {partner} ...")."""
GIVERS_WORDS = ("your partner", "{partner")
"""Words that speak to the giver, as the gesture texts do."""


@cache
def _imperatives() -> frozenset[str]:
    """The verbs the gesture texts open with, as instructions to the giver: "send", "leave", ..."""
    return frozenset({g.text.split()[0].casefold().strip(",") for g in content.gestures()} - OPENERS - SAME_AS_PAST)


def _told_problems(g: Gesture) -> list[str]:
    """What is wrong with a gesture's told line, as its receiver would read it."""
    imperatives = _imperatives()
    line, filled = g.told, g.told.replace("{giver}", "Alexandria")
    words = line.split()
    if not words:
        return ["no told line"]
    problems = []
    if "{giver}" not in line:
        problems.append("no {giver}")
    if set(PLACEHOLDER_RE.findall(line)) - {"{giver}"}:
        problems.append("a placeholder other than {giver}")
    if any(w in line.casefold() for w in GIVERS_WORDS):
        problems.append("speaks to the giver")
    if words[0].casefold() in imperatives:
        problems.append(f"starts as an instruction: {words[0]!r}")
    after = [words[i + 1].casefold() for i, w in enumerate(words[:-1]) if w == "{giver}"]
    if any(w in imperatives for w in after):
        problems.append(f"not in the past: {{giver}} {after}")
    if not re.search(r"\byou(r|rs)?\b", line, re.IGNORECASE):
        problems.append("not told to you")
    if not _one_sentence(filled):
        problems.append("not one sentence")
    if len(filled) > TOLD_MAX:
        problems.append(f"{len(filled)} characters")
    return problems


def test_every_gesture_is_told_to_its_receiver():
    found = {g.id: p for g in content.gestures() if (p := _told_problems(g))}
    assert found == {}


def test_told_checks_catch_words_for_the_giver():
    def problems(told: str) -> list[str]:
        return _told_problems(Gesture("x", "Hug.", "touch", "minute", told=told))

    assert problems("{giver} left a kind note on the mirror for you to find.") == []
    assert problems(" ") == ["no told line"]
    assert problems("Leave a kind note on the mirror for {giver}.") == [
        "starts as an instruction: 'Leave'",
        "not told to you",
    ]
    assert problems("{giver} send you a note.") == ["not in the past: {giver} ['send']"]
    assert problems("{giver} hugged your partner.") == ["speaks to the giver"]
    assert problems("{giver} hugged you and {partner}.") == ["a placeholder other than {giver}", "speaks to the giver"]
    assert problems("Someone left a note for you.") == ["no {giver}"]
    assert problems("{giver} left a note on the mirror.") == ["not told to you"]
    assert problems("{giver} left you a note. It was kind.") == ["not one sentence"]
    assert problems("When you woke, {giver} had left you a note.") == []
    assert problems("{giver} left you " + "o" * 55 + ".") == []  # "Alexandria left you ooo…." is 76 long
    assert problems("{giver} left you " + "o" * 56 + ".") == ["77 characters"]


def test_told_lines_are_unique():
    lines = [g.told.casefold() for g in content.gestures() if g.told]
    assert len(lines) == len(set(lines)), [t for t, n in Counter(lines).items() if n > 1]


def test_told_fills_the_givers_name():
    assert content.told("mirror-note", "  Alex \n") == "Alex left a kind note on the bathroom mirror for you to find."


def test_told_keeps_a_name_exactly_as_typed():
    assert content.told("mirror-note", "[b]{giver}").startswith("[b]{giver} left a kind note")


def test_told_without_a_name_says_your_partner():
    assert content.told("mirror-note", " ").startswith("Your partner left a kind note")


def test_told_of_an_occasion_gesture_is_its_own_line():
    occasion = content.occasions()[0]
    assert content.told(occasion.id, "Alex") == occasion.told.replace("{giver}", "Alex")


@pytest.mark.parametrize("gid", ["a-gesture-from-a-newer-catalog", ""])
def test_told_of_an_unknown_gesture_is_still_true(gid):
    assert content.told(gid, "Alex") == "Alex did something kind for you today."
