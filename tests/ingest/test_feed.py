"""RSS and Atom feeds: one Document per entry, links never fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import load_bytes, load_path
from claimledger.ingest.feed import plain_text


def test_rss_fixture(data_dir: Path) -> None:
    first, second = load_path(data_dir / "feed.xml")
    assert (first.name, second.name) == ("feed-1", "feed-2")
    assert first.kind == "feed"
    assert first.text == (
        "Dairy cooperative reports record milk intake\n\n"
        "The cooperative took in 310 million litres of milk in 2023, up 4 percent.\n\n"
        "Members were paid an average of 41 cents a litre."
    )
    assert first.title == "Dairy cooperative reports record milk intake"
    assert first.url == "https://valley-gazette.example/business/dairy-record"
    assert (first.published, second.published) == ("2024-04-02", "2024-04-03")
    assert first.outlet == second.outlet == "Valley Gazette: Business"
    assert second.text.startswith("Sawmill to hire 60 workers\n\nThe sawmill")
    assert first.id != second.id


def test_atom_sniffed_from_content() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><title>Ferry fares rise</title><link href="https://harbour.example/fares"/>
<updated>2024-05-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;Fares rise by 6 percent in June.&lt;/p&gt;</content></entry>
</feed>"""
    [doc] = load_bytes(atom, name="notes", origin="notes")
    assert doc.text == "Ferry fares rise\n\nFares rise by 6 percent in June."
    assert (doc.name, doc.url, doc.published) == (
        "notes-1",
        "https://harbour.example/fares",
        "2024-05-06",
    )
    assert doc.outlet == "Harbour Notes"


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title></channel></rss>'
    )
    with pytest.raises(InputError) as err:
        load_path(path)
    assert str(err.value) == f"{path}: feed has no entries"


def test_plain_text_of_fragment() -> None:
    assert plain_text("<p>One &amp; two</p><p>Three<br>four</p>") == "One & two\n\nThree\nfour"
    assert plain_text("no markup") == "no markup"
