"""Transfer frames: who gives what to whom, in active, passive and nominal wording.

Every sentence here is written for these tests. A case names the giver, the receiver and
the concept of one flow the sentence must yield; when the frame holds a figure, the flow
must point at that figure's claim and the claim must carry the same parties.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extract.concepts import concept_of
from claimledger.extract.pipeline import Extraction, extract_document
from claimledger.ingest import load_text
from claimledger.model import Flow
from claimledger.parties import PartyRegistry

REGISTRY = PartyRegistry.default()


def run(text: str, registry: PartyRegistry | None = None) -> Extraction:
    return extract_document(load_text(text, name="frame", origin="test"), registry=registry)


def find_flow(ex: Extraction, giver: str, receiver: str, concept: str) -> Flow | None:
    for flow in ex.flows:
        if (flow.giver, flow.receiver, flow.concept) == (giver, receiver, concept):
            return flow
    return None


def check_frame(
    text: str, giver: str, receiver: str, concept: str, word: str, figure: bool
) -> None:
    ex = run(text)
    seen = [(f.giver, f.receiver, f.concept, f.item, f.claim) for f in ex.flows]
    flow = find_flow(ex, giver, receiver, concept)
    assert flow is not None, f"no {giver} -> {receiver} {concept!r} flow in {seen}"
    # The original words are kept next to the concept.
    assert word in flow.item.lower(), flow.item
    assert concept_of(flow.item) == concept
    if figure:
        assert flow.claim is not None, f"flow carries no figure: {seen}"
        claim = ex.claims[flow.claim]
        assert (claim.from_, claim.to) == (giver, receiver), claim
        assert claim.start >= flow.sent_start and claim.end <= flow.sent_end
    else:
        assert flow.claim is None


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


REGRESSION = "REGRESSION (produced earlier this session): "


def case(text, giver, receiver, concept, word, figure=True, marks=()):
    return pytest.param(text, giver, receiver, concept, word, figure, marks=marks, id=text[:48])


ACTIVE = [
    case("Iran supplied 300 drones to Russia last spring.", "Iran", "Russia", "weapons", "drones"),
    case(
        "China sent 2,000 tons of steel to Belarus in 2023.",
        "China", "Belarus", "iron and steel", "steel",
    ),
    case(
        "Syria shipped about 40,000 rounds of ammunition to Russia.",
        "Syria", "Russia", "artillery shells", "rounds",
    ),
    case("Poland delivered 150 tanks to Ukraine.", "Poland", "Ukraine", "weapons", "tanks"),
    case(
        "South Korea provided 500 million dollars in aid to Ukraine.",
        "South Korea", "Ukraine", "aid", "aid",
    ),
    case(
        "Qatar exported 8 million tonnes of LNG to China in 2022.",
        "Qatar", "China", "oil and gas", "lng",
    ),
    case(
        "The United States paid $2 billion to Poland.",
        "United States", "Poland", "payments", "pay",
    ),
    case("Belarus gave 1,000 soldiers to Russia.", "Belarus", "Russia", "troops", "soldiers"),
    case("Pyongyang sent 3,000 workers to Moscow.", "North Korea", "Russia", "workers", "workers"),
    case(
        "The United States gave 31 tanks to Ukraine.",
        "United States", "Ukraine", "weapons", "tanks",
    ),
    case(
        "Iran exported 1.5 million barrels of crude oil to China in 2023.",
        "Iran", "China", "oil and gas", "oil",
    ),
    case(
        "North Korea sent troops to Russia to fight against Ukraine.",
        "North Korea", "Russia", "troops", "troops", figure=False,
    ),
]  # fmt: skip

RECEIVE = [
    case(
        "Russia received 5,000 shells from Iran.", "Iran", "Russia", "artillery shells", "shells"
    ),
    case(
        "China imported 90 million barrels of crude from Iran.",
        "Iran", "China", "oil and gas", "crude",
    ),
    case(
        "Syria obtained 20 missiles from North Korea.",
        "North Korea", "Syria", "ballistic missiles", "missiles",
    ),
    case(
        "Syria received 2,000 troops from Iran.", "Iran", "Syria", "troops", "troops",
    ),
    case(
        "North Korea received 100,000 tons of rice from China.",
        "China", "North Korea", "food", "rice",
    ),
    case(
        "Belarus received troops from Russia.", "Russia", "Belarus", "troops", "troops",
        figure=False,
    ),
    case(
        "Poland bought 1,000 tanks from South Korea.",
        "South Korea", "Poland", "weapons", "tanks",
    ),
    case(
        "5,000 shells were supplied to Russia by Iran.",
        "Iran", "Russia", "artillery shells", "shells",
    ),
    case(
        "Artillery shells were shipped to Russia by North Korea.",
        "North Korea", "Russia", "artillery shells", "shells", figure=False,
    ),
]  # fmt: skip

SUPPLIES_WITH = [
    case(
        "China supplies North Korea with 500,000 tonnes of oil each year.",
        "China", "North Korea", "oil and gas", "oil",
    ),
    case(
        "Russia is supplying North Korea with oil and gas.",
        "Russia", "North Korea", "oil and gas", "oil", figure=False,
    ),
    case(
        "Iran supplies Syria with petroleum.",
        "Iran", "Syria", "oil and gas", "petroleum", figure=False,
    ),
    case(
        "The United States is supplying Ukraine with ammunition.",
        "United States", "Ukraine", "artillery shells", "ammunition", figure=False,
    ),
    case(
        "Belarus supplies Russia with 2,000 trucks.", "Belarus", "Russia", "vehicles", "trucks",
    ),
    case(
        "Qatar supplies Poland with 1 million tonnes of gas a year.",
        "Qatar", "Poland", "oil and gas", "gas",
    ),
]  # fmt: skip

SHIPMENTS = [
    case(
        "The report counted shipments of 12,000 shells from North Korea to Russia.",
        "North Korea", "Russia", "artillery shells", "shells",
    ),
    case(
        "Shipments of oil from Iran to Syria continued.",
        "Iran", "Syria", "oil and gas", "oil", figure=False,
    ),
    case(
        "Analysts tracked shipments of rice from China to North Korea.",
        "China", "North Korea", "food", "rice", figure=False,
    ),
    case(
        "Shipments of 50,000 tons of food from Russia to North Korea began in May.",
        "Russia", "North Korea", "food", "food",
    ),
]  # fmt: skip

NOMINAL = [
    case(
        "North Korean arms shipments to Russia grew sharply.",
        "North Korea", "Russia", "weapons", "arms", figure=False,
    ),
    case(
        "Chinese oil shipments to North Korea rose.",
        "China", "North Korea", "oil and gas", "oil", figure=False,
    ),
    case(
        "Russian wheat exports to Syria doubled.", "Russia", "Syria", "food", "wheat", figure=False
    ),
    case(
        "Iranian missile deliveries to Russia were reported.",
        "Iran", "Russia", "ballistic missiles", "missile", figure=False,
    ),
    case(
        "Chinese food aid to North Korea increased.",
        "China", "North Korea", "food", "food", figure=False,
    ),
    case(
        "Iranian drone deliveries to Russia have continued.",
        "Iran", "Russia", "weapons", "drone", figure=False,
    ),
    case(
        "Russian rice aid arrived in Pyongyang.", "Russia", "North Korea", "food", "rice",
        figure=False,
    ),
    case(
        "Russian rice aid of 50,000 tons reached North Korea in March.",
        "Russia", "North Korea", "food", "rice",
    ),
]  # fmt: skip

FIGHT_FOR = [
    case(
        "North Korea sent 12,000 soldiers to fight for Russia.",
        "North Korea", "Russia", "troops", "soldiers",
    ),
    case(
        "North Korea sent 10,000 troops to fight for Russia in Ukraine.",
        "North Korea", "Russia", "troops", "troops",
    ),
    case(
        "Pyongyang dispatched troops to fight for Russia in Kursk.",
        "North Korea", "Russia", "troops", "troops", figure=False,
    ),
    case(
        "Iran sent 2,000 fighters to fight for Syria.", "Iran", "Syria", "troops", "fighters",
    ),
    case(
        "About 4,000 North Korean workers are in Russia.",
        "North Korea", "Russia", "workers", "workers",
    ),
]  # fmt: skip

PAY = [
    case(
        "Moscow pays each North Korean soldier a salary of $2,000 a month.",
        "Russia", "North Korea", "salary", "salary",
    ),
    case(
        "The Kremlin paid salaries of $1,500 a month to the North Korean laborers.",
        "Russia", "North Korea", "salary", "salar",
    ),
    case(
        "Russia pays North Korean soldiers $2,000 per month.",
        "Russia", "North Korea", "salary", "salary",
    ),
    case(
        "Russia paid North Korea $1 billion for the shells.",
        "Russia", "North Korea", "payments", "pay",
    ),
    case(
        "Moscow pays the wages of 5,000 North Korean workers.",
        "Russia", "North Korea", "salary", "wages", figure=False,
    ),
    case(
        "Russia pays the salaries of North Korean troops.",
        "Russia", "North Korea", "salary", "salaries", figure=False,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), ACTIVE)
def test_active_verb_to(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), RECEIVE)
def test_receive_from_and_passive(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), SUPPLIES_WITH)
def test_supplies_with(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), SHIPMENTS)
def test_shipments_of_from_to(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), NOMINAL)
def test_nominal_demonym_frames(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), FIGHT_FOR)
def test_troops_and_workers_go_to_the_host(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


@pytest.mark.parametrize(("text", "giver", "receiver", "concept", "word", "figure"), PAY)
def test_pay_flows_from_payer_to_country_of_the_paid(text, giver, receiver, concept, word, figure):
    check_frame(text, giver, receiver, concept, word, figure)


# -- both directions of a deal -------------------------------------------------------------

NK, RU = "North Korea", "Russia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korea sent 10,000 troops to Russia in exchange for 3 million barrels of oil.",
            [(NK, RU, "troops"), (RU, NK, "oil and gas")],
            id="figures-both-sides",
        ),
        pytest.param(
            "Russia sent oil to North Korea in exchange for 20,000 artillery shells.",
            [(RU, NK, "oil and gas"), (NK, RU, "artillery shells")],
            id="figure-on-the-return",
        ),
        pytest.param(
            "North Korea sent 10,000 troops to Russia in exchange for oil.",
            [(NK, RU, "troops"), (RU, NK, "oil and gas")],
            id="bare-return",
        ),
        pytest.param(
            "North Korea provides troops to Russia in exchange for technology.",
            [(NK, RU, "troops"), (RU, NK, "technology")],
            id="technology-return",
        ),
        pytest.param(
            "Pyongyang provides artillery shells in exchange for food and technology from Moscow.",
            [(NK, RU, "artillery shells"), (RU, NK, "food"), (RU, NK, "technology")],
            id="receiver-only-in-from-phrase",
        ),
    ],
)
def test_in_exchange_for(text, expected):
    ex = run(text)
    got = {(f.giver, f.receiver, f.concept) for f in ex.flows}
    assert set(expected) <= got, got
    for flow in ex.flows:
        if flow.claim is not None:
            claim = ex.claims[flow.claim]
            assert (claim.from_, claim.to) == (flow.giver, flow.receiver)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The troops-for-oil arrangement between North Korea and Russia worries Seoul.",
            [(NK, RU, "troops"), (RU, NK, "oil and gas")],
            id="troops-for-oil",
        ),
        pytest.param(
            "Experts describe a munitions-for-technology deal between Pyongyang and Moscow.",
            [(NK, RU, "artillery shells"), (RU, NK, "technology")],
            id="munitions-for-technology",
        ),
    ],
)
def test_x_for_y_compounds(text, expected):
    got = {(f.giver, f.receiver, f.concept) for f in run(text).flows}
    assert set(expected) <= got, got


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("China sent 2,000 tons of steel to Belarus in 2023."),
        pytest.param("Qatar supplies Poland with 1 million tonnes of gas a year."),
        pytest.param("Iran exported 1.5 million barrels of crude oil to China."),
        pytest.param(
            "South Korea provided 500 million dollars in aid to Ukraine.",
        ),
        "Poland delivered 150 tanks to Ukraine.",
    ],
)
def test_no_flow_is_named_after_a_unit_or_a_party(text):
    for flow in run(text).flows:
        assert flow.concept not in {"ton", "tonne", "barrel", "dollar", "count"}, flow
        assert REGISTRY.resolve(flow.item) is None, flow


# -- items to concepts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "concept"),
    [
        *[(w, "artillery shells") for w in ("shells", "rounds", "ammunition", "munitions")],
        *[(w, "troops") for w in ("troops", "soldiers", "personnel")],
        *[(w, "workers") for w in ("workers", "laborers", "labourers")],
        *[(w, "oil and gas") for w in ("oil", "petroleum", "crude")],
        *[(w, "food") for w in ("rice", "food aid", "russian rice aid")],
        *[(w, "salary") for w in ("salary", "pay", "wages")],
        ("155mm artillery rounds", "artillery shells"),
        ("combat engineering brigades", "combat engineers"),
        pytest.param("drone", "weapons"),
    ],
)
def test_concept_lexicon(words, concept):
    assert concept_of(words) == concept


# -- party names inside frames -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "giver", "receiver"),
    [
        ("The DPRK supplied 9,000 shells to Russia.", NK, RU),
        ("Pyongyang shipped 6,000 shells to the Kremlin.", NK, RU),
        ("Moscow received 800 missiles from the DPRK.", NK, RU),
        ("North Korean factories sent 6,000 shells to Russia.", NK, RU),
        ("Seoul delivered 50 howitzers to Poland.", "South Korea", "Poland"),
        ("The Kremlin delivered 20 fighter jets to Pyongyang.", RU, NK),
        ("Washington sent 40 tanks to Kyiv.", "United States", "Ukraine"),
    ],
)
def test_aliases_resolve_inside_frames(text, giver, receiver):
    ex = run(text)
    assert [(c.from_, c.to) for c in ex.claims] == [(giver, receiver)]
    assert any((f.giver, f.receiver) == (giver, receiver) for f in ex.flows), ex.flows


@pytest.fixture
def user_registry(tmp_path: Path) -> PartyRegistry:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "parties:\n"
        "  - name: North Korea\n"
        "    aliases: [Hermit Kingdom]\n"
        "  - name: Wakanda\n"
        "    kind: country\n"
        "    demonyms: [Wakandan]\n",
        encoding="utf-8",
    )
    return PartyRegistry.default().with_aliases_file(path)


def test_user_alias_file_changes_parties(user_registry: PartyRegistry):
    text = "The Hermit Kingdom shipped 6,000 shells to Russia."
    plain = run(text)
    assert [(c.from_, c.to) for c in plain.claims] == [(None, RU)]
    assert not find_flow(plain, NK, RU, "artillery shells")

    extended = run(text, registry=user_registry)
    assert [(c.from_, c.to) for c in extended.claims] == [(NK, RU)]
    flow = find_flow(extended, NK, RU, "artillery shells")
    assert flow is not None and flow.claim == 0
    # The shared default registry is left as it was.
    assert REGISTRY.resolve("Hermit Kingdom") is None


def test_user_alias_file_adds_a_new_party(user_registry: PartyRegistry):
    ex = run("Wakanda sent 700 soldiers to Poland.", registry=user_registry)
    assert [(c.from_, c.to) for c in ex.claims] == [("Wakanda", "Poland")]
    assert find_flow(ex, "Wakanda", "Poland", "troops") is not None
    ex = run("Russia is supplying the Hermit Kingdom with oil.", registry=user_registry)
    flow = find_flow(ex, RU, NK, "oil and gas")
    assert flow is not None and flow.claim is None
