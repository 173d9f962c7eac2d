"""Hand-built event records, in the format of ../shared/extraction-schema.md."""

import copy


def event_record(**overrides) -> dict:
    event = {
        "title": "5th meeting of the Ministers and Heads of Diaspora Institutions",
        "type": "ministerial_meeting",
        "start_date": "2023-10-05",
        "end_date": None,
        "city": "Bishkek",
        "country": "KG",
        "organizers": ["Ministry of Labor, Social Security and Migration of the Kyrgyz Republic"],
        "framework": None,
        "participants": [
            {
                "name": "Fuad Muradov",
                "role": "Chairman",
                "organization": "State Committee on Work with Diaspora",
                "country": "AZ",
            },
            {
                "name": "Merey Mukazhan",
                "role": "Deputy Secretary General",
                "organization": "Organization of Turkic States",
                "country": None,
            },
        ],
        "organizations": [
            {"name": "State Committee on Work with Diaspora", "country": "AZ"},
            {"name": "Organization of Turkic States", "country": None},
            {
                "name": "Ministry of Labor, Social Security and Migration of the Kyrgyz Republic",
                "country": "KG",
            },
        ],
        "countries": ["AZ", "KG", "KZ", "TR", "UZ"],
        "outcomes": ["adopted the Diaspora Joint Activity Plan of the OTS for the year 2024"],
        "site_visits": ["Azerbaijan Culture and Education Center in Bishkek"],
    }
    event.update(overrides)
    return event


def article_record(*events: dict, planned: tuple = (), path: str = "article.txt") -> dict:
    return {
        "source": {"path": path, "url": None, "published": "2023-10-06", "language": "en"},
        "events": [copy.deepcopy(e) for e in events] or [event_record()],
        "planned": list(planned),
    }
