"""Dates, venues and the states taking part, as the region's languages write them.

Hand-written sentences of the kinds the region's press prints (none taken from the gold corpus
or the probe articles): a year in the genitive before its day, a day and month joined by a
hyphen with a case ending, states listed by their delegations in the case the sentence puts
them in, world capitals in each language's spelling, and a town's name that is a first name.
"""

from __future__ import annotations

import pytest

from ortak.ingest.extract import extract, languages
from ortak.ingest.extract.pipeline import pipeline
from ortak.ingest.extract.reader import Article
from ortak.ingest.extract.regional_text import analyse


def _cities(text: str, lang: str) -> set[str | None]:
    nlp = pipeline("regional")
    doc = nlp.make_doc(text)
    doc.user_data["ortak_text"] = text
    doc = nlp.get_pipe("ortak_sentences")(doc)
    return {p.name for p in analyse(doc, lang).places if p.kind == "city"}


def _event(text: str, lang: str) -> dict:
    record = extract(Article(text=text, language=lang)).record.to_dict()
    assert record["events"], record
    return record["events"][0]


@pytest.mark.parametrize(
    ("lang", "text", "start"),
    [
        ("kk", "2019 жылдың 14 наурызында Астанада диаспоралар форумы өтті.", "2019-03-14"),
        ("kk", "Форум 2019 жылдың наурыз айында Астанада өтті.", "2019-03"),
        ("kk", "Diaspora uıymdarynyń kezdesýi 2020 jyldyń 3 maýsymynda Astanada ótti.",
         "2020-06-03"),
        ("ky", "2020-жылдын 7-октябрында Ош шаарында диаспоралардын форуму болуп өттү.",
         "2020-10-07"),
        ("ky", "Диаспоралардын форуму 3-январь, 2022-жылы Бишкекте болуп өттү.", "2022-01-03"),
        ("uz", "Diaspora vakillari uchrashuvi 14-mart, 2016-yil Toshkentda boʻlib oʻtdi.",
         "2016-03-14"),
        ("uz", "2016-yilning 9-aprelida Toshkentda diaspora forumi boʻlib oʻtdi.", "2016-04-09"),
        ("tr", "Diaspora Forumu 2016 yılının Nisan ayında Ankara’da gerçekleştirildi.", "2016-04"),
        ("az", "Diaspor forumu 2016-cı ilin 9 aprelində Bakıda keçirilib.", "2016-04-09"),
        ("ru", "В апреле 2016 года в Бишкеке прошел форум диаспор.", "2016-04"),
        ("ru", "В мае 2017 г. в Бишкеке прошел форум диаспор.", "2017-05"),
    ],
)  # fmt: skip
def test_year_first_and_day_month_with_case_endings(lang, text, start):
    assert _event(text, lang)["start_date"] == start


@pytest.mark.parametrize(
    ("lang", "text", "start", "end"),
    [
        ("ru", "Форум диаспор прошел 28 октября – 1 ноября 2019 года в Баку.", "2019-10-28",
         "2019-11-01"),
        ("ru", "Форум диаспор прошел 05.06.2018 в Баку.", "2018-06-05", None),
        ("tr", "Diaspora Forumu 7 – 8 Ekim 2019 tarihlerinde Ankara’da gerçekleştirildi.",
         "2019-10-07", "2019-10-08"),
        ("tr", "Diaspora Forumu 29 Ekim-1 Kasım 2019 tarihlerinde Ankara’da gerçekleştirildi.",
         "2019-10-29", "2019-11-01"),
        ("uz", "Diaspora forumi 2019-yil 7-8-oktabr kunlari Toshkentda boʻlib oʻtdi.",
         "2019-10-07", "2019-10-08"),
        ("ky", "Диаспоралардын форуму 2019-жылдын 7-8-октябрында Бишкекте болуп өттү.",
         "2019-10-07", "2019-10-08"),
        ("az", "Diaspor forumu 2019-cu il oktyabrın 7-8-də Bakıda keçirilib.", "2019-10-07",
         "2019-10-08"),
    ],
)  # fmt: skip
def test_ranges_of_days_as_each_language_writes_them(lang, text, start, end):
    event = _event(text, lang)
    assert (event["start_date"], event["end_date"]) == (start, end)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "Diaspora Forumu'nun 2019 yılında Ankara'da düzenlenmesi öngörülmektedir."),
        ("ru", "В 2019 году в Баку состоится форум диаспор."),
        ("az", "2019-cu ildə Bakıda Türk dövlətlərinin diaspor təşkilatlarının forumu "
               "keçiriləcək."),
        ("kk", "2019 жылы Астанада түркі мемлекеттерінің диаспора ұйымдарының форумы өтеді."),
        ("uz", "2019-yilda Toshkentda turkiy davlatlar diaspora tashkilotlarining forumi "
               "oʻtkaziladi."),
    ],
)  # fmt: skip
def test_a_planned_event_is_dated_by_its_year(lang, text):
    record = extract(Article(text=text, language=lang)).record.to_dict()
    assert [p["start_date"] for p in record["planned"]] == ["2019"]


def test_a_year_alone_does_not_date_a_reported_event():
    text = "2012 yılında kurulan Türk Konseyi'nin Diaspora Forumu Ankara'da gerçekleştirildi."
    assert _event(text, "tr")["start_date"] is None


@pytest.mark.parametrize(
    ("lang", "word", "month"),
    [
        ("ru", "феврале", 2),
        ("ru", "мае", 5),
        ("ky", "декабрында", 12),
        ("ky", "5-январында", 1),
        ("uz", "7-8-oktabr", 10),
        ("kk", "ақпанында", 2),
    ],
)
def test_month_words_in_their_case_forms(lang, word, month):
    assert languages.month_of(lang, word) == month


def test_a_full_date_in_a_caption_dates_an_event_whose_sentence_has_none():
    text = (
        "Diaspora tashkilotlari rahbarlari elchixonada suhbatlashmoqda, Toshkent, 6-dekabr, "
        "2012-yil.\nDiaspora vakillari bilan uchrashuv boʻlib oʻtdi va unda fikr almashildi."
    )
    assert _event(text, "uz")["start_date"] == "2012-12-06"


@pytest.mark.parametrize(
    ("lang", "text", "parties"),
    [
        ("ru", "Заседание руководителей диаспорских ведомств состоялось в Анкаре. В нем "
               "приняли участие делегации Азербайджана, Казахстана, Кыргызстана и Узбекистана.",
         {"AZ", "KZ", "KG", "UZ"}),
        ("ru", "Форум диаспор прошел в Баку. На форум прибыли представители из Венгрии и "
               "Туркменистана, а также эксперты.", {"HU", "TM"}),
        ("tr", "Diaspora Forumu Ankara'da gerçekleştirildi. Foruma Azerbaycan, Kazakistan ve "
               "Özbekistan heyetleri katıldı.", {"AZ", "KZ", "UZ"}),
        ("tr", "Diaspora Forumu Ankara'da gerçekleştirildi. Foruma Macaristan'dan gelen "
               "temsilciler katıldı.", {"HU"}),
        ("az", "Diaspor forumu Bakıda keçirilib. Forumda Qazaxıstan, Qırğızıstan və Türkiyə "
               "nümayəndələri iştirak edib.", {"KZ", "KG", "TR"}),
        ("kk", "Диаспоралар форумы Астанада өтті. Форумға Әзербайжан, Түркия және Өзбекстан "
               "делегациялары қатысты.", {"AZ", "TR", "UZ"}),
        ("ky", "Диаспоралардын форуму Бишкекте болуп өттү. Форумга Казакстан, Түркия жана "
               "Өзбекстан өкүлдөрү катышты.", {"KZ", "TR", "UZ"}),
        ("kk", "Диаспоралар форумы Астанада өтті. Форумға Әзербайжан және Венгрия елдерінің "
               "өкілдері қатысты.", {"AZ", "HU"}),
        ("ru", "При участии Венгрии и Туркменистана в Баку прошел форум диаспор.",
         {"HU", "TM"}),
        ("tr", "Diaspora Forumu, Macaristan ve Türkmenistan'ın katılımıyla Ankara'da "
               "gerçekleştirildi.", {"HU", "TM"}),
        ("ky", "Диаспоралардын форуму Бишкекте болуп өттү. Ага Венгрия жана Түркмөнстан "
               "катышты.", {"HU", "TM"}),
        ("az", "Diaspor forumu Bakıda keçirilib. Forumda Macarıstan və Türkmənistandan gələn "
               "iştirakçılar çıxış edib.", {"HU", "TM"}),
        ("uz", "Diaspora forumi Toshkentda boʻlib oʻtdi. Forumda Qozogʻiston, Turkiya va "
               "Ozarbayjon delegatsiyalari ishtirok etdi.", {"KZ", "TR", "AZ"}),
        ("uz", "Диаспора форуми Тошкентда бўлиб ўтди. Форумда Қозоғистон ва Туркия "
               "делегациялари иштирок этди.", {"KZ", "TR"}),
    ],
)  # fmt: skip
def test_states_listed_by_their_delegations_take_part(lang, text, parties):
    assert parties <= set(_event(text, lang)["countries"])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Форум диаспор прошел в Баку, где выступил посол Казахстана."),
        ("tr", "Diaspora Forumu Ankara'da gerçekleştirildi. Forumda Kazakistan diasporası "
               "hakkında bilgi verildi."),
    ],
)  # fmt: skip
def test_states_merely_named_do_not_take_part(lang, text):
    assert "KZ" not in _event(text, lang)["countries"]


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        ("ru", "В столице Венгрии, Будапеште, состоялось заседание руководителей "
               "диаспорских ведомств.", "Budapest"),
        ("uz", "Oʻzbekistonning Vashingtondagi elchixonasida diaspora vakillari bilan uchrashuv "
               "boʻlib oʻtdi.", "Washington"),
        ("tr", "Diaspora Forumu Vaşington'da gerçekleştirildi.", "Washington"),
        ("az", "Diaspor forumu Vaşinqtonda keçirilib.", "Washington"),
        ("kk", "Диаспоралар форумы Нью-Йоркте өтті.", "New York"),
        ("kk", "Diaspora uıymdarynyń kezdesýi Berlınde ótti.", "Berlin"),
        ("ky", "Диаспоралардын форуму Римде болуп өттү.", "Rome"),
        ("uz", "Diaspora forumi Parijda boʻlib oʻtdi.", "Paris"),
        ("ru", "Форум диаспор прошел в Нью-Йорке.", "New York"),
    ],
)  # fmt: skip
def test_venues_in_each_languages_spelling_and_case(lang, text, city):
    assert _event(text, lang)["city"] == city


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        # A town of the world gazetteer that is also a first name, before a surname.
        ("ky", "Башкы консул Лира Сыдыкова диаспора өкүлдөрү менен жолугушуу өттү.", None),
        ("az", "Mustafa Kamal Atatürk haqqında konfrans keçirilib.", None),
        # The same word with a case ending names the place.
        ("ky", "Диаспоралардын жыйыны Лирада болуп өттү.", "Lira"),
    ],
)  # fmt: skip
def test_a_first_name_is_no_city_without_a_sign_of_place(lang, text, city):
    assert _event(text, lang)["city"] == city


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uz", "Toshkentdagi vazirlik va Londondagi elchixona tomonidan vatandoshlar bilan "
               "videokonferensiya shaklida uchrashuv oʻtkazildi."),
        ("ru", "В режиме онлайн состоялась встреча руководителей диаспорских организаций из "
               "Бишкека и Алматы."),
    ],
)  # fmt: skip
def test_an_event_held_online_has_no_venue(lang, text):
    event = _event(text, lang)
    assert (event["city"], event["country"]) == (None, None)


@pytest.mark.parametrize(
    ("lang", "text", "cities"),
    [
        # A capital's name too, before a surname.
        ("ru", "Директор центра София Иванова выступила в Бишкеке.", {"Bishkek"}),
        ("ru", "Делегация прибыла в Софию.", {"Sofia"}),
        ("ky", "Башкы консул Лира Сыдыкова Бишкекке келди.", {"Bishkek"}),
    ],
)  # fmt: skip
def test_towns_that_are_first_names_among_the_places_of_a_text(lang, text, cities):
    assert _cities(text, lang) == cities
