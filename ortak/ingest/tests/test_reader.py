"""Reading articles: datelines, languages and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from ortak.core.errors import InputError
from ortak.ingest.extract import reader
from ortak.ingest.extract.language import detect
from ortak.ingest.extract.settings import reader_settings

ARTICLE = "A roundtable was held in Bishkek. The minister of labor and the officials attended it."


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (" date 2025-06-13 MENAFN - Trend) " + ARTICLE, dt.date(2025, 6, 13)),
        (
            "Headline\n\nSociety Materials 21 June 2013 17:51 (UTC +04:00)\n\n" + ARTICLE,
            dt.date(2013, 6, 21),
        ),
        (ARTICLE, None),
        ("Diaspora chiefs met in Astana\n\n14 March, 2024\n\n" + ARTICLE, dt.date(2024, 3, 14)),
        ("Ankara, 2 May 2025\n\n" + ARTICLE, dt.date(2025, 5, 2)),
        ("Headline\n\nMarch 14, 2024 10:05\n\n" + ARTICLE, dt.date(2024, 3, 14)),
        ("ASTANA, Sept. 9, 2023 /Kazinform/ - " + ARTICLE, dt.date(2023, 9, 9)),
        (
            "Forum ends\nBAKU, Azerbaijan, October 1, 2024 /Trend/ - " + ARTICLE,
            dt.date(2024, 10, 1),
        ),
        ("BAKU, Azerbaijan, December 21. " + ARTICLE, None),
        ("The forum will open on 12 October 2024 in Baku\n\n" + ARTICLE, None),
        # The region's press: the month in the article's own language, as a header line.
        ("Заголовок новости\n\n3 июня, 2024\n\n" + ARTICLE, dt.date(2024, 6, 3)),
        ("Астана • 7 Мамыр, 2023\n\n" + ARTICLE, dt.date(2023, 5, 7)),
        ("Жаңылык\n  • 11 Окт 2021\n  • 523\n\n" + ARTICLE, dt.date(2021, 10, 11)),
        ("Haber başlığı\n\n9 Eylül 2022\n\n" + ARTICLE, dt.date(2022, 9, 9)),
        ("Bakı, 15 noyabr 2020\n\n" + ARTICLE, dt.date(2020, 11, 15)),
        ("Headline\n\nMarching 14, 2024\n\n" + ARTICLE, None),
    ],
)
def test_reader_dateline_gives_the_publication_date(text, published):
    assert reader.read_text(text).published == published


def test_reader_removes_the_date_line_from_the_text():
    article = reader.read_text(" date 2022-03-28\n\n" + ARTICLE)
    assert article.text.startswith("A roundtable")


def test_reader_published_option_wins_over_a_missing_dateline():
    assert reader.read_text(ARTICLE, published=dt.date(2024, 1, 2)).published == dt.date(2024, 1, 2)


def test_reader_normalises_decomposed_letters():
    assert (
        "Çiviler" in reader.read_text("OTS Secretary General Ali C\u0327iviler spoke today.").text
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The forum of the diaspora institutions was held in Baku with the heads.", "en"),
        ("Форум руководителей диаспорских организаций прошел в Бишкеке и был открыт.", "ru"),
        ("Бишкекте диаспора мекемелеринин жетекчилеринин форуму өттү жана ал үчүн бул.", "ky"),
        ("Астанада диаспора ұйымдары басшыларының форумы өтті және бұл үшін бойынша.", "kk"),
        ("Bakıda diaspor təşkilatlarının rəhbərlərinin forumu keçirilib və bu da həmçinin.", "az"),
        ("Türk devletleri diaspora forumu Bursa'da yapıldı ve bu da bir ilk olarak.", "tr"),
        ("Toshkentda diaspora tashkilotlari rahbarlari forumi bo‘lib o‘tdi va bu bilan ham.", "uz"),
        ("zzz qqq xxx", None),
    ],
)
def test_language_detection_from_script_and_stopwords(text, language):
    assert detect(text) == language


def test_reader_unknown_language_gets_a_note_and_still_an_article():
    article = reader.read_text("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do.")
    assert article.language is None
    assert any("W101" in note for note in article.notes)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E101"),
        (b"   \n\t  ", "E101"),
        (b"GIF89a\x00\x01\x02 binary", "E102"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "E102"),
        (b"\x98\x81\x8d" * 20, "E105"),
    ],
)
def test_reader_refuses_bad_bytes_with_a_code(data, code):
    with pytest.raises(InputError) as caught:
        reader.read_bytes(data)
    assert caught.value.code == code
    assert str(caught.value).startswith(f"ortak.{code}: ")


def test_reader_refuses_an_enormous_article_before_parsing(monkeypatch):
    limit = reader_settings()["max_bytes"]
    assert limit == 2_000_000
    with pytest.raises(InputError) as caught:
        reader.read_bytes(b"a" * (limit + 1))
    assert caught.value.code == "E103"


def test_reader_checks_a_file_size_before_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    monkeypatch.setattr(reader, "reader_settings", lambda: {"max_bytes": 100})
    with pytest.raises(InputError) as caught:
        reader.read_path(path)
    assert caught.value.code == "E103"


def test_reader_decodes_a_cp1251_russian_article():
    text = "Форум руководителей диаспорских организаций прошел в Бишкеке."
    article = reader.read_bytes(text.encode("cp1251"))
    assert article.text == text
    assert article.language == "ru"


def test_reader_decodes_utf16_with_a_bom():
    assert reader.read_bytes(ARTICLE.encode("utf-16")).text == ARTICLE


HTML_ARTICLE = """<html><head><title>Forum in Baku</title>
<meta property="article:published_time" content="2024-11-18T10:00:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><p>The 6th meeting of the Ministers and Heads of Institutions in charge of Diaspora
Affairs of the OTS was convened on 18 November 2024 in Tashkent, the capital of Uzbekistan.</p>
<p>During the meeting, the Deputy Secretary General of the OTS and the heads of institutions
held in depth discussions on the current state of the diasporas of the OTS countries.</p>
</article><footer>Copyright</footer></body></html>"""


def test_reader_takes_the_main_text_and_date_of_an_html_page():
    article = reader.read_bytes(HTML_ARTICLE.encode("utf-8"))
    assert "convened on 18 November 2024 in Tashkent" in article.text
    assert "Copyright" not in article.text
    assert article.published == dt.date(2024, 11, 18)


def test_reader_refuses_an_html_page_with_no_article():
    page = b"<html><body><nav><a href='/'>Home</a></nav><ul><li>x</li></ul></body></html>"
    with pytest.raises(InputError) as caught:
        reader.read_bytes(page)
    assert caught.value.code == "E104"
    assert "index page" in caught.value.message


def test_reader_reads_standard_input():
    article = reader.read_stdin(io.BytesIO(ARTICLE.encode("utf-8")))
    assert article.path == "-" and article.text == ARTICLE


def test_reader_never_reads_a_file_url(tmp_path):
    """A file:// address would let a web form read the server's files: give the path instead."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        reader.read_url(path.as_uri())
    assert caught.value.code == "E106"


def test_reader_missing_url_or_path_is_e106(tmp_path):
    with pytest.raises(InputError) as caught:
        reader.read_url((tmp_path / "missing.html").as_uri())
    assert caught.value.code == "E106"
    with pytest.raises(InputError) as caught:
        reader.read_path(tmp_path / "missing.txt")
    assert caught.value.code == "E106"
