"""How a recommendation is worded: whom it addresses and how strongly.

The Working Group writes "Государствам-участникам следует ..." (should), "... рекомендуется"
(is encouraged), "... предлагается" (is invited), "Государства-участники, возможно,
пожелают ..." (may wish), "... могут/могли бы рассмотреть" (may), and "Рабочая группа
просила Секретариат ..." / "рекомендовала Конференции ..." (a request to a body). The first
such wording in the text decides; the addressee is the body named in the same clause.
"""

from __future__ import annotations

import re

__all__ = ["strength", "addressee"]

_STRENGTHS = (
    ("ShouldNot", re.compile(r"\bне\s+следует\b")),
    ("Should", re.compile(r"\bследует\b")),
    ("Requested", re.compile(r"\b(?:просил[аи]?|просит|рекомендовал[аи]?)\b")),
    ("Encouraged", re.compile(r"\bрекомендуется\b")),
    ("Invited", re.compile(r"\bпредлагается\b")),
    ("MayWish", re.compile(r"\bвозможно,\s+(?:\w+\s+)?пожела\w+")),
    ("May", re.compile(
        r"\b(?:могут|могли\s+бы)\s+(?:[\w,]+\s+){0,8}?рассмотреть\b|\bможет\s+быть\s+предложено\b"
    )),
)

# Whom: the body named as the addressee, in the dative ("Государствам-участникам следует")
# or nominative ("Государства-участники, возможно, пожелают"); a request names it after the
# verb ("просила Секретариат", "рекомендовала Конференции").
_ADDRESSEES = (
    ("StatesParties", re.compile(r"\b[Гг]осударств(?:ам|а)?(?:\s*[-—–]\s*|\s+—\s+)участник\w*")),
    ("Secretariat", re.compile(r"\b(?:Секретариат\w*|УНП ООН)\b")),
    ("Conference", re.compile(r"\bКонференци[иия]\b")),
    ("WorkingGroupAddressee", re.compile(r"\bРабоч(?:ей|ая)\s+групп[еа]\b")),
    ("InternationalOrganizations", re.compile(r"\bмеждународн\w+\s+организаци\w+")),
    ("States", re.compile(r"\b[Гг]осударств(?:ам|а)?\b(?!\s*[-—–]\s*участ)")),
)
_REQUEST = re.compile(r"\b(?:просил[аи]?|просит|рекомендовал[аи]?)\s+(?P<whom>\w+)")


def strength(text: str) -> str | None:
    """The strength concept of the first wording found (see the module docstring)."""
    best = None
    for name, pattern in _STRENGTHS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def addressee(text: str) -> str | None:
    """The addressee concept: the body asked, else the first body named before the verb."""
    request = _REQUEST.search(text)
    if request:
        for name, pattern in _ADDRESSEES:
            if pattern.match(request.group("whom") + " "):
                return name
    first = None
    for name, pattern in _ADDRESSEES:
        m = pattern.search(text)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), name)
    return first[1] if first else None
