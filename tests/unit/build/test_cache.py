"""The build cache (handbook.build.cache): outputs of slow steps kept between
builds by what they are made from, never stale, bounded in size, and never
trusted when damaged. (Real builds with it: tests/site/test_build_cache.py.)"""
import os
import time

from handbook.build.cache import BuildCache, code_version


def test_bytes_are_made_once_per_inputs(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    calls = []

    def make(value):
        calls.append(value)
        return value.encode("utf-8")

    assert cache.bytes("step", ["v1", "a"], lambda: make("A")) == b"A"
    assert cache.bytes("step", ["v1", "a"], lambda: make("again")) == b"A"  # kept
    assert cache.bytes("step", ["v1", "b"], lambda: make("B")) == b"B"      # other input
    assert cache.bytes("step", ["v2", "a"], lambda: make("C")) == b"C"      # other code version
    assert calls == ["A", "B", "C"]
    # inputs are length-prefixed: ("ab", "c") and ("a", "bc") are different keys
    assert cache.bytes("step", ["ab", "c"], lambda: b"1") == b"1"
    assert cache.bytes("step", ["a", "bc"], lambda: b"2") == b"2"


def test_switched_off_or_unwritable_cache_still_gives_the_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", "0")
    off = BuildCache.for_project(tmp_path)
    assert off.bytes("step", ["x"], lambda: b"made") == b"made"
    assert not (tmp_path / ".cache").exists()
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert BuildCache(blocked).bytes("step", ["x"], lambda: b"made") == b"made"


def test_trim_keeps_the_most_recently_used(tmp_path):
    cache = BuildCache(tmp_path)
    for name in "abcd":
        cache.bytes("step", [name], lambda: b"x" * 1000)
    entries = sorted((tmp_path / "step").iterdir())
    now = time.time()
    for age, entry in enumerate(entries):
        os.utime(entry, (now - 100 * age, now - 100 * age))
    cache.trim(limit=2500)
    assert sorted((tmp_path / "step").iterdir()) == entries[:2]


def test_code_version_changes_with_the_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("A = 1\n", encoding="utf-8")
    first = code_version(module, "lib 1.0")
    assert code_version(module, "lib 1.0") == first
    assert code_version(module, "lib 1.1") != first
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_version(module, "lib 1.0") != first


def test_a_table_keeps_the_values_used_by_the_last_build(tmp_path):
    from handbook.build.cache import digest

    cache = BuildCache(tmp_path)
    table = cache.table("step", "v1")
    assert table.get(digest("a"), lambda: {"n": 1}) == {"n": 1}
    assert table.get(digest("b"), lambda: [2, None]) == [2, None]
    assert table.get(digest("a"), lambda: "made twice") == {"n": 1}
    table.save()

    again = cache.table("step", "v1")
    assert again.known() == {digest("a"), digest("b")}
    assert again.get(digest("a"), lambda: "made again") == {"n": 1}  # read from the file
    again.save(prune=False)  # a build that saw some pages only (dirty preview) keeps the others
    assert cache.table("step", "v1").known() == {digest("a"), digest("b")}
    third = cache.table("step", "v1")
    third.get(digest("a"), lambda: "made again")
    third.save()  # "b" was not used: it goes
    assert cache.table("step", "v1").known() == {digest("a")}
    assert cache.table("step", "v2").known() == set()  # other code: other table
    # length-prefixed: ("ab", "c") and ("a", "bc") are different keys
    assert digest("ab", "c") != digest("a", "bc")


def test_a_damaged_or_switched_off_table_is_made_again(tmp_path, monkeypatch):
    cache = BuildCache(tmp_path)
    (tmp_path / "step").mkdir()
    (tmp_path / "step" / "v1.json").write_text('{"cut short', encoding="utf-8")
    table = cache.table("step", "v1")
    assert table.get("k", lambda: 1) == 1
    table.save()
    assert cache.table("step", "v1").known() == {"k"}

    monkeypatch.setenv("HANDBOOK_CACHE", "0")
    off = BuildCache.for_project(tmp_path / "project").table("step", "v1")
    assert off.get("k", lambda: 2) == 2 and off.known() == set()
    off.save()
    assert not (tmp_path / "project" / ".cache").exists()


def _entry(cache_folder):
    [entry] = [p for p in cache_folder.rglob("*") if p.is_file()]
    return entry


def test_a_damaged_entry_is_dropped_made_again_and_said_once(tmp_path, caplog):
    import logging

    cache = BuildCache(tmp_path)  # one cache a build: each step's damage said once
    assert cache.bytes("step", ["a"], lambda: b"payload") == b"payload"
    entry = _entry(tmp_path)
    for damage in (lambda d: d[:-1], lambda d: b"", lambda d: d[:-3] + bytes([d[-3] ^ 4]) + d[-2:]):
        entry.write_bytes(damage(entry.read_bytes()))
        with caplog.at_level(logging.INFO, logger="mkdocs.handbook.cache"):
            assert cache.bytes("step", ["a"], lambda: b"payload") == b"payload"  # made again, not the damage
    assert [r.getMessage().count("build cache: damaged") for r in caplog.records] == [1]  # one line per step
    assert cache.bytes("step", ["a"], lambda: b"never") == b"payload"  # whole again


def test_a_damaged_or_ill_shaped_table_is_dropped(tmp_path):
    def valid(value):
        return isinstance(value, list) and all(isinstance(x, str) for x in value)

    cache = BuildCache(tmp_path)
    table = cache.table("step", "v1", valid)
    table.get("k1", lambda: ["a"])
    table.get("k2", lambda: ["b"])
    table.save()
    path = tmp_path / "step" / "v1.json"
    assert cache.table("step", "v1", valid).known() == {"k1", "k2"}
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"a"', '"A"'), encoding="utf-8")  # the checksum no longer matches
    assert cache.table("step", "v1", valid).known() == set()
    path.write_text("{not json", encoding="utf-8")
    assert cache.table("step", "v1", valid).known() == set()
    # intact file, but one value of the wrong shape: only that entry goes
    import hashlib
    import json
    entries = {"k1": ["a"], "k2": {"x": 1}}
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(json.dumps({"format": 2, "sha256": hashlib.sha256(body.encode()).hexdigest(),
                                "entries": entries}), encoding="utf-8")
    kept = cache.table("step", "v1", valid)
    assert kept.known() == {"k1"}
    assert kept.get("k2", lambda: ["made"]) == ["made"]
