"""Small builders of claims for reconciliation unit tests."""

from __future__ import annotations

import itertools

from claimwatch.model import Claim, Place, Quantity, Source, TimeInfo

_seq = itertools.count(1)

PLACES = {
    "Tisza": dict(name="Tisza", lat=48.05, lon=23.6, country=None, feature="river"),
    "Solotvyno": dict(name="Solotvyno", lat=47.96, lon=23.87, country="UA", feature="town"),
    "Mukachevo": dict(name="Mukachevo", lat=48.44, lon=22.72, country="UA", feature="city"),
    "Zakarpattia": dict(name="Zakarpattia Oblast", lat=48.4, lon=23.3, country="UA", feature="admin1"),
    "Odesa": dict(name="Odesa", lat=46.48, lon=30.73, country="UA", feature="city"),
    "Ukraine": dict(name="Ukraine", lat=49.0, lon=32.0, country="UA", feature="country"),
    "Romania": dict(name="Romania", lat=46.0, lon=25.0, country="RO", feature="country"),
    "Moldova": dict(name="Moldova", lat=47.0, lon=28.5, country="MD", feature="country"),
    "Lampedusa": dict(name="Lampedusa", lat=35.5, lon=12.6, country="IT", feature="island"),
    "Zuwara": dict(name="Zuwara", lat=32.93, lon=12.08, country="LY", feature="city"),
    "Calais": dict(name="Calais", lat=50.95, lon=1.86, country="FR", feature="city"),
    "Channel": dict(name="English Channel", lat=50.2, lon=-0.9, country=None, feature="sea"),
}


def place(name: str, role: str = "event") -> Place:
    return Place(text=name, span=None, role=role, **PLACES[name])


def article(aid: str, outlet: str, published: str | None, duplicate_of: str | None = None) -> dict:
    return {"id": aid, "url": f"https://{outlet.lower().replace(' ', '')}.example/{aid}", "outlet": outlet,
            "published": published, "duplicate_of": duplicate_of}


def count(best, unit="people", *, event="death", text=None, source=None, stype="official", canonical=None,
          affiliation=None, qualifier="exact", low=None, high=None, time=None, start=None, end=None,
          precision=None, places=(), certainty="certain", polarity="positive", review=None, cid=None,
          qtext=None) -> Claim:
    """A count claim; ``time`` is the time text ("since 2022", "on Monday") with ``start``/``precision``."""
    qtext = qtext or str(best)
    if low is None and high is None and qualifier == "exact":
        low = high = best
    body = text or f"{qtext} {unit} died, {source or 'officials'} said."
    t = None
    if time is not None:
        t = TimeInfo(text=time, start=start, end=end, precision=precision or "day")
    src = Source(name=source, canonical=canonical or source, affiliation=affiliation,
                 type=stype if source else "author")
    return Claim(
        id=cid or f"c{next(_seq)}", kind="count", text=body, span=(0, len(body)), event_type=event, source=src,
        certainty=certainty, polarity=polarity, evidential="attributed" if source else "author",
        quantity=Quantity(text=qtext, span=(0, len(qtext)), low=low, best=best, high=high, qualifier=qualifier,
                          unit=unit),
        time=t, places=[place(p) if isinstance(p, str) else place(*p) for p in places], review=review,
    )
