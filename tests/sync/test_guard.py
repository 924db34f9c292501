"""The one door for reading the shared folder: links, pipes, devices, huge and deep files refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.sync import guard
from tui.sync.guard import KEY_CAP, FileCache, Refused


def test_a_regular_file_under_its_cap_is_read_with_its_identity(tmp_path: Path) -> None:
    path = tmp_path / "key.pub"
    path.write_bytes(b'{"key": "x"}')
    data, ident = guard.read_file(path, KEY_CAP)
    st = os.stat(path)
    assert data == b'{"key": "x"}' and ident == (st.st_ino, st.st_size, st.st_mtime_ns)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.symlink_to("/dev/zero"), "link"),
        (lambda p: p.symlink_to(p.parent / "real"), "link"),
        (lambda p: os.mkfifo(p), "pipe"),
        (lambda p: p.mkdir(), "folder"),
        (lambda p: p.write_bytes(b"x" * (KEY_CAP + 1)), "over the limit"),
    ],
    ids=["link to /dev/zero", "link to a file", "fifo", "folder", "too big"],
)
def test_what_is_not_a_small_regular_file_is_refused_without_blocking(tmp_path: Path, make, said: str) -> None:
    (tmp_path / "real").write_bytes(b"{}")
    path = tmp_path / "key.pub"
    make(path)
    with pytest.raises(Refused, match=said):
        guard.read_file(path, KEY_CAP)


def test_a_sparse_file_of_gigabytes_is_refused_from_its_size_alone(tmp_path: Path) -> None:
    path = tmp_path / "log-2026-01.age"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)
    with pytest.raises(Refused, match="3,221,225,472 bytes, over the limit"):
        guard.read_file(path, guard.LOG_CAP)


def test_a_file_too_short_for_its_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log-2026-01.sync-conflict-x.age"
    path.write_bytes(b"x")
    with pytest.raises(Refused, match="too short"):
        guard.read_file(path, guard.LOG_CAP, guard.MIN_LOG)


def test_a_folder_that_is_a_link_is_refused_and_a_real_one_listed_without_following(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a").mkdir()
    (real / "b").symlink_to(tmp_path)
    (real / "c").write_bytes(b"")
    (tmp_path / "link").symlink_to(real)
    listed, whole = guard.list_dir(real)
    assert sorted(listed) == [("a", True), ("b", False), ("c", False)] and whole
    assert sorted(guard.list_dir(real, lambda name: name != "c")[0]) == [("a", True), ("b", False)]
    assert len(guard.list_dir(real, limit=2)[0]) == 2 and not guard.list_dir(real, limit=2)[1]
    with pytest.raises(Refused, match="link"):
        guard.list_dir(tmp_path / "link")
    with pytest.raises(FileNotFoundError):
        guard.list_dir(tmp_path / "missing")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
        (b'{"a": 1e400}', "too large a number"),
        (b'{"a": NaN}', "not a number"),
        (b'{"a": -Infinity}', "not a number"),
        (b'{"a": ' + b"9" * 5000 + b"}", "too large"),
        (b'{"a": "\xff"}', "not UTF-8"),
        (b'{"a": ', "not JSON"),
    ],
    ids=["deep", "1e400", "nan", "-inf", "huge int", "not utf-8", "cut short"],
)
def test_json_with_limits_refuses_in_one_short_line(text: bytes, said: str) -> None:
    with pytest.raises(ValueError, match=said) as caught:
        guard.loads(text)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 100


def test_json_within_limits_is_read_and_brackets_inside_strings_do_not_count() -> None:
    assert guard.loads(b'{"text": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\" {{{{{{{{{{{{{{{{{{", "n": [1, 2.5, -3]}') == {
        "text": '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ " {{{{{{{{{{{{{{{{{{',
        "n": [1, 2.5, -3],
    }
    assert guard.depth(b"]]]]]]]]\n" + b"[" * 20, limit=30) == 20  # a line closing too much hides nothing after it


def test_the_cache_holds_a_result_only_while_the_file_is_the_same(tmp_path: Path) -> None:
    cache = FileCache(limit=2)
    path = tmp_path / "f"
    cache.put(path, "k", (1, 2, 3), "bad")
    assert cache.get(path, "k", (1, 2, 3)) == "bad"
    assert cache.get(path, "k", (1, 2, 4)) is None
    assert cache.get(path, "other", (1, 2, 3)) is None
    cache.put(tmp_path / "g", "k", (1, 1, 1), "x")
    cache.put(tmp_path / "h", "k", (1, 1, 1), "y")
    assert cache.get(path, "k", (1, 2, 3)) is None  # the oldest goes first once full


def test_few_says_how_many_more_and_where() -> None:
    assert guard.few(["a", "b"], 3) == ["a", "b"]
    assert guard.few([str(i) for i in range(9)], 3) == [
        "0",
        "1",
        "2",
        "and 6 more (micro-romance pair status --json lists them all)",
    ]


def test_a_file_swapped_for_a_link_or_a_pipe_after_its_look_is_refused(tmp_path: Path, monkeypatch) -> None:
    real = tmp_path / "real"
    real.write_bytes(b"{}")
    looked = os.stat(real)  # what lstat saw, a moment before the swap
    monkeypatch.setattr(guard, "check_file", lambda path, cap, floor=0: looked)
    link, pipe = tmp_path / "link", tmp_path / "pipe"
    link.symlink_to(real)
    os.mkfifo(pipe)
    with pytest.raises(Refused, match="is a link"):
        guard.read_file(link, KEY_CAP)
    with pytest.raises(Refused, match="was replaced while it was read"):
        guard.read_file(pipe, KEY_CAP)
