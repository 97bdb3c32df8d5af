"""HTTP content negotiation (RFC 9110, section 12.5.1): the best offered media type for an
``Accept`` header, q-values and wildcards included."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["parse_accept", "choose"]


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """(media range, q, specificity) for each entry; a malformed q counts as 0."""
    out = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = min(max(float(f[2:]), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        out.append((media, q, specificity))
    return out


def _matches(media_range: str, offered: str) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return offered.split("/")[0] == media_range[:-2]
    return media_range == offered


def choose(header: str | None, offered: Sequence[str]) -> str | None:
    """The offered type the client likes best (ties go to the first offered); the first
    offered when there is no ``Accept``; ``None`` when the client accepts none of them."""
    ranges = parse_accept(header)
    if not ranges:
        return offered[0]
    best, best_q = None, 0.0
    for media in offered:
        # the most specific range that matches decides this type's q
        matching = [(s, q) for r, q, s in ranges if _matches(r, media)]
        if not matching:
            continue
        q = max(matching)[1]
        if q > best_q:
            best, best_q = media, q
    return best
