"""The offline index written by another process: the records it is sent give
the same files as the records themselves."""

import io

from search_index.offline import send_bundle, write_offline_index, write_sent_bundles
from search_index.records import SearchRecord


def records():
    return [
        SearchRecord("a.html", "ur", "a", "جسٹس جمالی نے سڑکوں کا جائزہ لیا", ["جسٹس", "جمالی", "سڑکوں", "جائزہ"],
                     ["xflanguageurxf", "xfyear2025xf"], {"title": "سڑکیں", "date": "2025-01-02"}),
        SearchRecord("en/b.html", "en", "b", "A short one", ["a", "short", "one"], [], {"title": "B", "date": ""}),
        SearchRecord("c.html", "ur", "c", "", [], [], {"title": "", "date": ""}),
    ]


def files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_record_packed_and_unpacked_is_the_same_record():
    for record in records():
        assert SearchRecord.unpacked(record.packed()) == record


def test_bundles_sent_to_the_writer_give_the_files_the_records_give(tmp_path):
    direct, sent = tmp_path / "direct", tmp_path / "sent"
    for bundle in ("2025", "undated"):
        write_offline_index(records(), direct, bundle)
    stream = io.BytesIO()
    for bundle in ("2025", "undated"):
        send_bundle(stream, records(), sent, bundle)
    stream.seek(0)
    write_sent_bundles(stream)
    assert files(direct) and files(sent) == files(direct)
