"""Short news articles of the kind the diaspora institutions publish, written for Ortak's
tests (events of the OTS diaspora track, with their places, dates and institutions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class NewsArticle:
    slug: str
    title: str
    published: dt.datetime
    paragraphs: tuple[str, ...]
    # Where the site has it, when not at a dated slug (`/haberler/87`, `/news.php?id=12`).
    address: str = ""

    @property
    def path(self) -> str:
        return self.address or f"/en/news/{self.published:%Y/%m}/{self.slug}"

    @property
    def guid(self) -> str:
        return f"news-{self.slug}"

    def html(self, site: Any, *, canonical: str | None = None) -> str:
        link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        body = "".join(f"<p>{escape(text)}</p>" for text in self.paragraphs)
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(self.title)}</title>{link}</head><body>"
            '<header><nav><a href="/">Home</a> <a href="/en/news">News</a></nav></header>'
            f"<main><article><h1>{escape(self.title)}</h1>"
            f'<time datetime="{self.published:%Y-%m-%d}">{self.published:%d %B %Y}</time>'
            f"{body}</article></main><footer>State Committee on Work with Diaspora</footer>"
            "</body></html>"
        )


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T09:30:00+00:00")


ARTICLES = [
    NewsArticle(
        "diaspora-youth-forum-opens-in-baku",
        "Forum of diaspora youth of the Turkic states opens in Baku",
        _at("2025-06-12"),
        (
            "The Forum of Diaspora Youth of the Turkic States opened in Baku on 12 June "
            "2025, organized by the State Committee on Work with Diaspora of the Republic "
            "of Azerbaijan.",
            "Young members of diaspora organizations from Germany, France, Russia and the "
            "United States took part in the two-day forum, together with representatives "
            "of the diaspora institutions of Kazakhstan, Kyrgyzstan, Türkiye and Uzbekistan.",
            "Chairman of the Committee Fuad Muradov said that the forum would be held every "
            "year as part of the joint activity plan of the Organization of Turkic States.",
        ),
    ),
    NewsArticle(
        "otandastar-and-kyrgyz-agency-sign-memorandum",
        "Otandastar Foundation and Kyrgyz diaspora agency sign a memorandum in Astana",
        _at("2025-06-14"),
        (
            "The Otandastar Foundation of Kazakhstan and the State Agency for Diaspora "
            "Affairs of Kyrgyzstan signed a memorandum of cooperation in Astana on 14 June "
            "2025.",
            "The memorandum provides for joint cultural events for the Kazakh and Kyrgyz "
            "communities abroad and for an exchange of experience between the two bodies.",
            "The signing ceremony was attended by the ambassadors of both countries and by "
            "heads of diaspora associations living in Russia and Türkiye.",
        ),
    ),
    NewsArticle(
        "training-for-diaspora-activists-in-istanbul",
        "Training for diaspora activists held in Istanbul",
        _at("2025-06-16"),
        (
            "A training program for diaspora activists of the Turkic states was held in "
            "Istanbul from 16 to 18 June 2025 by the Presidency for Turks Abroad and "
            "Related Communities.",
            "Thirty participants from Azerbaijan, Kazakhstan, Kyrgyzstan and Uzbekistan "
            "attended sessions on project management, media work and youth engagement.",
            "At the end of the training the participants received certificates and agreed "
            "to set up a network of diaspora trainers.",
        ),
    ),
    NewsArticle(
        "uzbek-cultural-centre-opens-in-berlin",
        "Uzbek cultural centre opens in Berlin",
        _at("2025-06-18"),
        (
            "A cultural centre of the Uzbek community opened in Berlin on 18 June 2025 with "
            "the support of the Committee on Interethnic Relations and Friendly Ties with "
            "Foreign Countries of Uzbekistan.",
            "The centre will hold language courses for children, exhibitions of national "
            "crafts and meetings of compatriots living in Germany.",
            "The opening was attended by the Ambassador of Uzbekistan to Germany and by "
            "representatives of Azerbaijani and Turkish diaspora associations in Berlin.",
        ),
    ),
    NewsArticle(
        "contact-group-meets-in-budapest",
        "Contact Group on diaspora affairs of the OTS meets in Budapest",
        _at("2025-06-20"),
        (
            "The Contact Group of the diaspora institutions of the Organization of Turkic "
            "States held its meeting in Budapest on 20 June 2025.",
            "Representatives of Azerbaijan, Hungary, Kazakhstan, Kyrgyzstan, Türkiye and "
            "Uzbekistan discussed the draft Diaspora Joint Activity Plan for 2026.",
            "The participants agreed to hold the next diaspora forum of the OTS in Bishkek "
            "in the autumn of 2026.",
        ),
    ),
]
