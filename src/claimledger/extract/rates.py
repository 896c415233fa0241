"""The rate period of a figure (`per`), from the words around its number: '$900 a month',
'1.2 million barrels of oil per day', 'a monthly wage of about $900', 'annual income of
$4,000', 'the income is $4,000 a year'."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.extract import lexicon as lx
from claimledger.extract.context import Draft

_RATE_AFTER_OF_RE = re.compile(
    r"^\s+of\s+(?:[\w'’-]+\s+){1,4}?("
    + "|".join(re.escape(k) for k in sorted(lx.RATE_PHRASES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


_RATE_NEXT_RE = re.compile(
    r"^(?:\s+[a-z]+)?\s+("
    + "|".join(re.escape(k) for k in sorted(lx.RATE_PHRASES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def per_for(draft: Draft, sentence_text: str) -> str | None:
    """The period the figure is a rate over, else None."""
    q = draft.quantity
    if q.per or draft.item.per:
        return q.per or draft.item.per
    m = _RATE_AFTER_OF_RE.match(sentence_text[q.end :])
    if m:  # "1.2 million barrels of oil per day": a rate after the 'of' phrase of the measure
        return lx.RATE_PHRASES[re.sub(r"\s+", " ", m.group(1).lower())]
    after = sentence_text[q.end :]
    suffix = re.match(r"\s*([a-z/]+)\b", after, re.IGNORECASE)
    if suffix and suffix.group(1).lower() in lx.RATE_UNIT_WORDS:
        return lx.RATE_UNIT_WORDS[suffix.group(1).lower()]  # "1.6m bpd"
    if q.unit in lx.DURATION_UNITS:
        # "six days a week", "two days off a month"; but "an annual leave of 20 days"
        # counts days, it is not a rate of them.
        m = _RATE_NEXT_RE.match(after)
        return lx.RATE_PHRASES[re.sub(r"\s+", " ", m.group(1).lower())] if m else None
    for noun in _measured(draft):
        for tok in (noun, *(c for c in noun.children if c.dep_ in ("amod", "compound"))):
            period = lx.RATE_ADJECTIVES.get(tok.lower_)
            if period:
                return period
    return _every_period(draft)


_PERIOD_NOUNS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_EVERY = frozenset({"each", "every", "a", "per"})


def _every_period(draft: Draft) -> str | None:
    """'Thousands of containers pass through the terminal each month', '40 wagons crossing
    the border every week': a period phrase on the clause that moves what is counted."""
    root = draft.span.root
    verbs = [a for a in root.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    if draft.item.head is not None:
        verbs += [c for c in draft.item.head.children if c.dep_ in ("acl", "relcl")]
    for verb in verbs:
        for child in verb.children:
            period = _PERIOD_NOUNS.get(child.lemma_.lower())
            dets = [d for d in child.children if d.dep_ == "det" and d.lower_ in _EVERY]
            if child.dep_ == "npadvmod" and period and dets:
                return period
    return None


def _measured(draft: Draft) -> list[Token]:
    """The nouns whose amount the figure is: its item, the noun it is 'of' ('a wage of $900'),
    the subject it is equated with ('the annual income is $4,000')."""
    out: list[Token] = [draft.item.head] if draft.item.head is not None else []
    tok = draft.span.root
    while tok.dep_ in ("nummod", "quantmod", "compound", "advmod", "amod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ == "NOUN" and tok.i != draft.span.root.i:
        out.append(tok)  # "a 500,000-barrel annual cap"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        out.append(tok.head.head)
    if tok.dep_ in ("attr", "acomp", "dobj") and tok.head.lemma_ in ("be", "total", "reach"):
        out.extend(c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out
