"""The document's mention table: roles, short forms and pronouns resolve to the name the
article gave; quotations keep their speaker; chained and trailing attributions."""

from __future__ import annotations

from claimledger.extract.pipeline import extract_document, read_documents
from claimledger.ingest import load_text


def _doc(text: str):  # type: ignore[no-untyped-def]
    return load_text(f"Title: T\nPublished: 2024-05-02\nOutlet: The Desk\n\n{text}", name="t",
                     origin="t")  # fmt: skip


def sources(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.quote, c.source, c.modality) for c in extract_document(_doc(text)).claims]


def test_roles_and_short_forms_are_collected_per_person() -> None:
    text = (
        "Interior Minister Carla Mendes visited the port on Tuesday. "
        "Officials from the Harbour Authority (HA) met her there. "
        "Mendes later spoke to reporters."
    )
    context = next(read_documents([_doc(text)]))
    people = {m.name: m for m in context.mentions if m.kind == "person"}
    assert "interior minister" in people["Carla Mendes"].roles
    assert people["Carla Mendes"].sentences == [0, 2]  # named again by surname
    bodies = [m for m in context.mentions if m.kind == "organisation"]
    assert any("HA" in m.surfaces for m in bodies)


def test_a_role_noun_resolves_to_the_person_given_that_role() -> None:
    text = (
        "Interior Minister Carla Mendes visited the port on Tuesday. "
        "The minister said that 4,000 containers had been inspected."
    )
    assert sources(text) == [("4,000 containers", "Carla Mendes", "reported")]


def test_a_surname_resolves_to_the_full_name() -> None:
    text = (
        "Senator Paulo Antunes chairs the trade committee. Antunes said exports fell by 12 percent."
    )
    assert sources(text)[0][1] == "Paulo Antunes"


def test_a_speech_verb_after_a_comma_attributes_the_whole_sentence() -> None:
    text = "Brazil shipped 2,000 tonnes of coffee to Chile, Trade Minister Ana Lobo told reporters."
    ((_quote, source, modality),) = sources(text)
    assert "Ana Lobo" in (source or "") and modality == "reported"


def test_a_parenthetical_speech_verb_attributes_the_sentence() -> None:
    text = "At the same time, the statistics office noted, imports fell by $300 million."
    assert sources(text)[0][1:] == ("statistics office", "reported")


def test_chained_attribution_names_both() -> None:
    text = "Quoting port officials, the Gazette reported that 600 trucks crossed the border."
    assert sources(text)[0][1] == "Gazette, quoting port officials"


def test_a_quotation_after_an_attributed_one_keeps_its_speaker() -> None:
    text = (
        '"The harvest was poor," the farmers\' union said in a statement. '
        '"Around 300 farms lost their crops."'
    )
    assert sources(text) == [("Around 300 farms", "farmers' union", "reported")]


def test_it_said_after_a_quotation_is_the_body_named_before() -> None:
    text = (
        "The Coastal Research Institute published a survey on Monday. "
        '"Fish stocks fell by 30 percent in a decade," it said.'
    )
    assert sources(text)[0][1] == "Coastal Research Institute"


def test_scare_quotes_around_a_figure_are_reported_without_a_source() -> None:
    text = 'There have been "hundreds" of arrests since the protests began.'
    assert sources(text)[0][1:] == (None, "reported")


def test_an_acronym_is_kept_beside_the_full_name() -> None:
    text = (
        "The Harbour Research Council (HRC) published its survey on Monday. "
        "The HRC said imports fell by 9 percent."
    )
    assert sources(text)[0][1] == "Harbour Research Council (HRC)"


def test_a_registry_acronym_is_kept_beside_its_canonical_name() -> None:
    assert sources("The IMF said growth would slow to 2 percent.")[0][1] == (
        "International Monetary Fund (IMF)"
    )


def test_a_bare_body_noun_resolves_to_the_body_it_names() -> None:
    text = (
        "The Lisbon Shipping Forum met on Monday. "
        "The forum estimated that 300 ships used the strait."
    )
    assert sources(text)[0][1] == "Lisbon Shipping Forum"


def test_only_sentences_that_may_introduce_a_source_are_read_for_names() -> None:
    from claimledger.extract.mentions import introduces

    assert introduces("Deputy Minister Ana Kral toured the port on Monday.")  # a role
    assert introduces("The harbour authority has kept quiet.")  # a body's role noun
    assert introduces("He added that the quay would reopen.")  # speech
    assert introduces("“We are ready,” was all she would say.")  # a quotation
    assert not introduces("The weather turned cold across the north.")
