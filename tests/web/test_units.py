"""The pure helpers: highlighting, number formats, chart geometry, exchange line records."""

from __future__ import annotations

import pytest

from claimledger import exchange
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web import charts, flows
from claimledger.web.formatting import figure, number
from claimledger.web.highlight import Mark, highlight


def test_highlight_escapes_then_marks() -> None:
    text = "A <b>1,000</b> & 2 <script>x</script>"
    html = highlight(text, [Mark(5, 10, "/figure/1", 'say "hi"', 1)])
    assert str(html) == (
        'A &lt;b&gt;<mark id="claim-1"><a href="/figure/1" title="say &#34;hi&#34;">1,000</a>'
        "</mark>&lt;/b&gt; &amp; 2 &lt;script&gt;x&lt;/script&gt;"
    )


def test_highlight_offsets_emphasis_and_overlaps() -> None:
    text = "xx One 10 two 20.\nNext"
    marks = [Mark(7, 9, "/a", ident=1, current=True), Mark(8, 12, "/b", ident=2),
             Mark(14, 16, "/c", ident=3)]  # fmt: skip
    html = str(highlight(text[3:], marks, base=3, emphasis=(3, 17)))
    assert html.startswith('<span class="sentence">One <mark id="claim-1" class="current">')
    assert "/b" not in html  # overlaps the first mark: dropped
    assert html.endswith("20</a></mark>.</span><br>Next")


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ({"value": 10000, "unit": "count"}, "10,000"),
        ({"value": 5e6, "unit": "count", "qualifier": "over"}, "over 5 million"),
        (
            {"value": 2000, "unit": "USD", "qualifier": "about", "per": "month"},
            "about $2,000/month",
        ),
        ({"value": None, "low": 20000, "high": 50000, "unit": "count"}, "20,000–50,000"),
        ({"value": 39.5, "unit": "percent"}, "39.5%"),
        ({"value": 1.42e9, "unit": "USD"}, "$1.42 billion"),
        ({"value": 3, "unit": "KRW"}, "3 KRW"),
        ({"value": 100, "unit": "t"}, "100 tonnes"),
    ],
)
def test_figure_text(row: dict, text: str) -> None:
    assert figure(row) == text


def test_number_edge_cases() -> None:
    assert number(None) == "?"
    assert number(0.5) == "0.5"
    assert number(1_000_000) == "1 million"


def test_timeline_geometry() -> None:
    points = [
        {"id": 1, "date_key": "2023", "value": 100.0, "origin": "A"},
        {"id": 2, "date_key": "2024-06", "value": None, "low": 50.0, "high": 150.0, "origin": "B"},
        {"id": 3, "date_key": None, "value": 1.0, "origin": "A"},
    ]
    chart = charts.timeline(points)
    assert [m["id"] for m in chart["marks"]] == [1, 2, 3]  # the undated one is not dropped
    dot, bar, undated = chart["marks"]
    assert undated["undated"] and undated["x"] > chart["right"] and chart["undated"] == 1
    assert dot["kind"] == "dot" and bar["kind"] == "bar" and bar["y1"] < bar["y2"]
    assert dot["x"] < bar["x"] and dot["colour"] != bar["colour"]
    assert [t["label"] for t in chart["xticks"]] == ["2023", "2024", "2025"]
    assert charts.year_fraction("2024-06-19") == pytest.approx(2024.46, abs=0.01)


def test_timeline_marks_at_one_spot_do_not_hide_each_other() -> None:
    points = [{"id": i, "date_key": "2024-03", "value": 500.0, "origin": o}
              for i, o in enumerate("ABC")]  # fmt: skip
    marks = charts.timeline(points)["marks"]
    xs = [m["x"] for m in marks]
    assert len(set(xs)) == 3 and max(xs) - min(xs) >= 2 * charts.STACK_STEP - 0.2
    assert all(m["stacked"] == 3 for m in marks)


def test_sankey_draws_each_flow_once_with_span_and_sources() -> None:
    lines = [
        {"giver": "A", "receiver": "B", "concept": "shells", "claims": 3,
         "sources": ["X", "Y"], "figures": [{"value": 1000, "unit": "count"},
                                            {"value": 3000, "unit": "count"}]},
        {"giver": "B", "receiver": "A", "concept": "oil", "claims": 1, "sources": ["Z"],
         "figures": []},
    ]  # fmt: skip
    chart = charts.sankey(lines, "A", "B")
    # one band per flow (into its item box, then out to the receiver, arrow at the end)
    assert [link["arrow"] for link in chart["links"]] == [False, True, False, True]
    labels = [n["label"] for n in chart["nodes"] if n["concept"]]
    assert labels == ["shells · 1,000–3,000 · 2 sources", "oil · no figure · 1 source"]
    assert [s["label"] for s in chart["sections"]] == ["A → B", "B → A"]
    parties = {(n["label"], n["anchor"]) for n in chart["nodes"] if not n["concept"]}
    assert parties == {("A", "start"), ("B", "end")}  # A always left, B always right
    back = chart["links"][3]["d"]  # B -> A ends at A's node on the left
    assert back.endswith(back.split(" ")[-1]) and float(back.split(" ")[-1].split(",")[0]) < 20
    narrow = chart["narrow"]["rows"]
    assert [r["label"] for r in narrow if r["kind"] == "bar"] == labels


def test_capped_lines_keep_everything_but_the_extra_figures(corpus_db) -> None:  # type: ignore[no-untyped-def]
    registry = PartyRegistry.default()
    with Ledger.open(corpus_db) as ledger:
        full = exchange.exchange(ledger, "North Korea", "Russia", registry)
        capped = exchange.exchange(ledger, "North Korea", "Russia", registry, limit=1)
    assert full and any(len(line.figures) > 1 for line in full)
    for whole, cut in zip(full, capped, strict=True):
        assert cut.figures == whole.figures[:1] and cut.figures_total == len(whole.figures)
        assert (cut.sources, cut.claims, cut.first, cut.last) == (
            whole.sources, whole.claims, whole.first, whole.last
        )  # fmt: skip
        record = flows.line_record(cut)
        assert (record["from"], record["to"]) == (cut.giver, cut.receiver)
        assert record["figures_total"] == cut.figures_total
