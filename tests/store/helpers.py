"""Builders for store tests: articles with claims whose spans slice the text exactly."""

from __future__ import annotations

from claimwatch.model import Article, Claim, Place, Quantity, Source, TimeInfo


def span_of(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return i, i + len(part)


def make_article(text: str, *, published: str | None = "2024-03-05", outlet: str | None = "Example News",
                 title: str | None = "A report", url: str | None = None, n_claims: int | None = None) -> Article:
    """One claim per sentence holding a number word from the table below (or per digit group)."""
    import re

    art = Article(text=text, published=published, outlet=outlet, title=title, url=url)
    for m in re.finditer(r"[^.]+\.", text):
        sent = m.group(0)
        s = m.start() + len(sent) - len(sent.lstrip())
        e = m.end()
        num = re.search(r"\b\d[\d,]*\b", text[s:e])
        if not num:
            continue
        q0, q1 = s + num.start(), s + num.end()
        value = int(num.group(0).replace(",", ""))
        claim = Claim(
            id=f"c{len(art.claims) + 1}", kind="count", text=text[s:e], span=(s, e), event_type="death",
            quantity=Quantity(text=text[q0:q1], span=(q0, q1), low=value, best=value, high=value,
                              qualifier="exact", unit="migrants"),
        )
        for name, stype in (("the coast guard", "law_enforcement"), ("IOM", "ngo"), ("officials", "official")):
            k = text[s:e].lower().find(name.lower())
            if k >= 0:
                ss = (s + k, s + k + len(name))
                claim.source = Source(name=text[ss[0]:ss[1]], canonical=name.replace("the ", "").title(), type=stype,
                                      cue="said", span=ss, quote="indirect")
                claim.evidential = "attributed"
        for place, cc in (("Libya", "LY"), ("Lampedusa", "IT"), ("Greece", "GR")):
            if place in text[s:e]:
                claim.places.append(Place(text=place, span=span_of(text, place, s), name=place, country=cc))
        if "Tuesday" in text[s:e]:
            claim.time = TimeInfo(text="Tuesday", start=published, end=published, precision="day",
                                  anchor="published", span=span_of(text, "Tuesday", s))
        art.claims.append(claim)
        if n_claims is not None and len(art.claims) >= n_claims:
            break
    for c in art.claims:
        c.article_id = art.id
    return art


LIBYA = ("At least 40 migrants drowned off Libya on Tuesday, IOM said. "
         "The coast guard said it rescued 12 people and recovered 3 bodies. "
         "Rescue groups have called for more ships in the central Mediterranean.")
GREECE = ("Greek officials said 18 people were detained near the border with Turkey. "
          "Officials said 5 of them were suspected smugglers held in Greece.")

#: A longer report (about 150 words) for near-duplicate tests: real articles are long enough for
#: word 5-gram MinHash to separate re-posts from different reports.
LIBYA_LONG = LIBYA + (
    " The boat had left the port of Zuwara late on Sunday with about 60 people on board, according to"
    " survivors interviewed by aid workers in Tripoli. Most of those on board came from Sudan, Eritrea and"
    " Bangladesh, the survivors said, and several children were among the missing. The agency said the"
    " shipwreck was the deadliest on the route this year and urged European governments to restore"
    " state-led search and rescue operations. A spokesperson for the Libyan coast guard said patrols had"
    " been stepped up along the western coast after a rise in departures during the calm weather of recent"
    " weeks. Humanitarian organisations have repeatedly criticised the return of intercepted migrants to"
    " detention centres in Libya, where they say abuses are widespread."
)
