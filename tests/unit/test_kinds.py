"""The registry of kinds: each kind declared once is stored, counted, exported, imported and synced.

``every_kind`` keeps a bit of every kind (test_exchange's ``fill`` and what came after it): a new kind
adds its entry there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.unit.test_exchange import fill
from tui.exchange import apply, export_data, export_json, parse, plan_import
from tui.model import DayThatMatters
from tui.storage import Store
from tui.storage.kinds import KINDS
from tui.together.sharing import Together


def every_kind(store: Store) -> None:
    fill(store)
    store.put("days", DayThatMatters(id="d1", kind="big", day=date(2026, 12, 3), text="interview", shared=True))


def test_every_kind_goes_everywhere(tmp_path: Path) -> None:
    with Store(tmp_path / "full") as full:
        every_kind(full)
        counts = full.counts().by_section
        assert list(counts) == [kind.section for kind in KINDS]
        assert all(counts.values()), f"every_kind() keeps no entry of {[s for s, n in counts.items() if not n]}"
        data = export_data(full)
        assert {kind.section: len(data[kind.section]) for kind in KINDS} == counts
        sent = {kind for kind, _id in Together(full, tmp_path / "sync", person="ana").sources()}
        assert {kind.sync.kind for kind in KINDS if kind.sync} <= sent
        text = export_json(data)
    bundle = parse(text.encode())
    assert {name: len(found) for name, found in bundle.sections.items()} == counts
    with Store(tmp_path / "new") as new:
        plan = plan_import(bundle, new)
        assert plan.changes() == counts
        apply(plan, new)
        assert new.counts().by_section == counts
        assert export_json(export_data(new)) == text
        again = plan_import(bundle, new)
        assert again.empty and again.already == sum(counts.values())


def test_a_kind_without_a_rule_of_its_own_is_kept_as_the_partner_sent_it(tmp_path: Path) -> None:
    """The inbound side of a kind with no function in inbound.APPLY (here the note's, taken away)."""
    from tui.sync.change import Change
    from tui.sync.hlc import Stamp
    from tui.together import inbound

    with Store(tmp_path / "mine") as mine, Store(tmp_path / "theirs") as theirs:
        fill(theirs)
        note = theirs.note("n1")
        doc = next(kind for kind in KINDS if kind.name == "notes").doc(note)
        adapter = Together(mine, tmp_path / "sync", person="ana")
        change = Change("note", "n1", doc, Stamp(1, 0, "dev"), "dev")
        assert inbound.kept_as_sent(adapter, change, doc, "Sam", False)
        assert mine.note("n1") == note and adapter.state["shared_notes"] == {"n1": True}
        gone = Change("note", "n1", {}, Stamp(2, 0, "dev"), "dev", deleted=True)
        assert inbound.kept_as_sent(adapter, gone, {}, "Sam", False)
        assert mine.entries("notes") == []
