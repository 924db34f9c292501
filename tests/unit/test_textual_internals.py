"""The few private Textual names micro-romance leans on are still there.

Each is used because no public way does the job (named beside each check). A Textual upgrade
that renames one would otherwise break the app quietly: a box drawn twice, an underline that
slides again, a footer that never fills. This test fails first, and says which.
"""

from __future__ import annotations

import inspect

from textual.app import App
from textual.reactive import Reactive
from textual.widgets import Footer, OptionList, SelectionList, Tabs


def test_the_tab_strips_underline_can_be_told_not_to_slide() -> None:
    # tui/widgets/tabs.py: the underline jumps to the new tab instead of animating for 0.3 s.
    from textual.widgets._tabbed_content import ContentTabs

    assert issubclass(ContentTabs, Tabs)
    assert "animate" in inspect.signature(Tabs._highlight_active).parameters


def test_the_header_title_and_footer_keys_are_where_we_import_them() -> None:
    # tui/widgets/header.py and footer.py style and build these widgets themselves.
    from textual.widgets._footer import FooterKey
    from textual.widgets._header import HeaderTitle

    assert FooterKey and HeaderTitle
    # tui/widgets/footer.py waits for the footer's first set of keys the way Footer does.
    assert isinstance(Footer.__dict__.get("_bindings_ready"), Reactive)


def test_selection_lists_gutter_is_still_asked_for() -> None:
    # tui/widgets/marks.py: [x]/[ ] take the room Textual's own check box would.
    assert callable(getattr(SelectionList, "_get_left_gutter_width", None))
    assert callable(getattr(OptionList, "_get_left_gutter_width", None))


def test_the_apps_truecolor_filter_can_be_refreshed() -> None:
    # tui/app.py: the saved theme is taken on at start without parsing every stylesheet twice,
    # which means refreshing the ANSI filter as a theme change would.
    assert "theme" in inspect.signature(App._refresh_truecolor_filter).parameters


def test_the_tabbed_content_handlers_we_override_are_still_its_own() -> None:
    # tui/widgets/tabs.py: a late "activated" message or a focus in a hidden pane cannot turn the
    # tabs back. It overrides TabbedContent's handlers of both and asks which strip sent the news.
    from textual.widgets import TabbedContent

    for name in ("_on_tab_pane_focused", "_on_tabs_tab_activated"):
        handler = TabbedContent.__dict__.get(name)
        assert callable(handler), name
        assert list(inspect.signature(handler).parameters) == ["self", "event"], name
    assert list(inspect.signature(TabbedContent._is_associated_tabs).parameters) == ["self", "tabs"]


def test_the_option_lists_line_cache_and_resize_handler_are_still_there() -> None:
    # tui/widgets/steady_list.py: the measured rows are kept when the list comes back at the same
    # width, by preventing OptionList's own resize handler and reading whether its cache is empty.
    from textual.widgets._option_list import OptionList as Listed

    assert Listed is OptionList
    assert callable(OptionList.__dict__.get("_on_resize"))  # OptionList's own (it takes no event in 8.2)
    listed = OptionList("one")
    assert hasattr(listed._line_cache, "lines")
