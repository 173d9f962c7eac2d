"""The main event, its type, venue and date, and planned events, as the region's languages
report them: the verbs of a visit made or a delegation received, a visit word that only says
a person is on a visit, potential forms that are no plans, and places that are not venues.

Hand-written sentences of the kinds the region's press prints (none taken from the gold corpus
or the probe articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from ortak.ingest.extract import extract
from ortak.ingest.extract.reader import Article


def _record(text: str, lang: str, published: dt.date | None = None) -> dict:
    return extract(Article(text=text, language=lang, published=published)).record.to_dict()


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        # "do a visit" and "receive" report an event held, in every tense of the verb
        ("tr", "Dernek Başkanı Ali Yılmaz, Vakıf Başkanı Murat Demir'i makamında ziyaret etti.",
         "visit"),
        ("tr", "Dernek Başkanı Ali Yılmaz Bakü'de Komite Başkanlığına ziyarette bulundu.",
         "visit"),
        ("tr", "Vakıf Başkanı Murat Demir, Dernek Başkanı Ali Yılmaz'ı makamında kabul etti.",
         "other"),
        ("uz", "Qoʻmita raisi Anvar Karimov jamiyat rahbarlarini qabul qildi.", "other"),
        ("az", "Komitə sədri Elçin Məmmədov icma rəhbərlərini qəbul edib.", "other"),
        ("ky", "Агенттиктин директору Асан Үсөнов диаспора өкүлдөрүн кабыл алды.", "other"),
        ("kk", "Қор президенті Ерлан Сейітов диаспора өкілдерін қабылдады.", "other"),
        # the participle of the present continuous: the event is going on
        ("ky", "Ошто өтүп жаткан форумда диаспоралардын өкүлдөрү сөз сүйлөштү.", "forum"),
        ("kk", "Алматыда өтіп жатқан форумда диаспора өкілдері сөз сөйледі.", "forum"),
    ],
)  # fmt: skip
def test_visit_and_receive_verbs_report_the_event_held(lang, text, type_):
    record = _record(text, lang)
    assert [e["type"] for e in record["events"]] == [type_], record
    assert record["planned"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Председатель комитета Олег Петров встретился с находящимся с визитом в Казани "
               "министром Анваром Каримовым."),
        ("ru", "Председатель комитета Олег Петров встретился с прибывшим с визитом министром "
               "Анваром Каримовым."),
        ("uz", "Qoʻmita raisi Anvar Karimov mamlakatimizga rasmiy tashrif bilan kelgan "
               "delegatsiyani qabul qildi."),
        ("tr", "Vakıf Başkanı Murat Demir, resmi ziyaret için gelen Bakan Ali Yılmaz'ı kabul "
               "etti."),
        ("kk", "Қор президенті Ерлан Сейітов ресми сапармен келген делегацияны қабылдады."),
    ],
)  # fmt: skip
def test_a_visit_word_describing_a_person_on_a_visit_is_no_visit(lang, text):
    record = _record(text, lang)
    assert record["events"][0]["type"] == "other", record


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "Görüşmede gerçekleştirilebilecek yeni işbirliği imkanları ele alındı."),
        ("tr", "Toplantıda düzenlenebilecek ortak projeler görüşüldü."),
        ("az", "Görüşdə birgə keçirilə biləcək layihələr müzakirə olunub."),
    ],
)
def test_potential_forms_are_no_plans(lang, text):
    assert _record(text, lang)["planned"] == []


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        ("ky", "Бишкекте Нооруз майрамына арналган салтанаттуу иш-чара болуп өттү.",
         "cultural_event"),
        ("ky", "Ошто Улуттук валюта күнүн майрамдоо иш-чарасы өттү.", "cultural_event"),
        ("tr", "Ankara'da Ramazan Bayramı etkinliği düzenlendi.", "cultural_event"),
        ("kk", "Алматыда Тәуелсіздік мерекесіне арналған іс-шара өтті.", "cultural_event"),
        ("uz", "Toshkentda Navroʻz bayrami tadbiri boʻlib oʻtdi.", "cultural_event"),
        ("ru", "В Казани прошел праздник тюркской культуры.", "cultural_event"),
    ],
)  # fmt: skip
def test_feasts_and_celebrations_are_cultural(lang, text, type_):
    assert _record(text, lang)["events"][0]["type"] == type_


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        ("uz", "Ertaga delegatsiya aʼzolari viloyatlarga safarga chiqadi.", "visit"),
        ("kk", "Келесі форумды Бішкекте өткізу жоспарланған.", "forum"),
        ("kk", "Kelesi forýmdy Bishkekte ótkizý josparlanǵan.", "forum"),
        ("ru", "Следующий форум соотечественников запланирован в Бишкеке.", "forum"),
        ("tr", "Yarın Ankara'da diaspora forumu düzenlenecek.", "forum"),
    ],
)
def test_plan_words_make_planned_events(lang, text, type_):
    record = _record(text, lang)
    assert [e["type"] for e in record["planned"]] == [type_], record


def test_a_range_of_days_dates_a_planned_event():
    text = (
        "Mamlakatimizda oʻtkaziladigan tadbirlar, jumladan, Yoshlar forumi (5-6-avgust, "
        "Samarqand) muhokama qilindi."
    )
    planned = _record(text, "uz", published=dt.date(2023, 7, 1))["planned"]
    assert [(e["type"], e["start_date"], e["end_date"]) for e in planned] == [
        ("forum", "2023-08-05", "2023-08-06")
    ]


def test_a_place_where_past_work_was_done_is_no_venue():
    text = (
        "Председатель комитета Олег Петров встретился с руководителями общины. "
        "Он высоко оценил проделанную в Казани работу по объединению соотечественников."
    )
    assert _record(text, "ru")["events"][0]["city"] is None


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        ("kk", "Бүгін Ақордада Мемлекеттік хатшы Асан Серікұлы диаспора өкілдерімен кездесті.",
         "Astana"),
        ("kk", "Búgin Aqordada Memlekettik hatshy Asan Serikuly dıaspora ókilderimen kezdesti.",
         "Astana"),
        ("ky", "Швейцариянын Люцерн шаарында өтүп жаткан форумда кыргыз диаспоралары чогулду.",
         "Lucerne"),
        ("kk", "Майндағы Франкфурт қаласында диаспора өкілдерімен кездесу өтті.", "Frankfurt"),
    ],
)  # fmt: skip
def test_venues_named_as_the_region_and_english_name_them(lang, text, city):
    assert _record(text, lang)["events"][0]["city"] == city


def test_a_recalled_events_venue_is_not_the_main_events():
    text = (
        "Бүгін Ақордада Мемлекеттік хатшы Асан Серікұлы диаспора өкілдерімен кездесті. "
        "Кездесуге министр Ерлан Сейітов қатысты. "
        "Мәселен, Баку қаласында 2018 жылы түркі елдерінің студенттік ойындары өткізілді."
    )
    event = _record(text, "kk")["events"][0]
    assert event["city"] == "Astana"


def test_a_page_header_line_is_no_event_title():
    text = (
        "Линктер\n\nЧУКУЛ КАБАР!\n\n"
        "Диаспоранын өкүлү Азамат Исмаилов Европадагы кыргыздардын федерациясын түзүү "
        "демилгесин көтөрдү жана ал колдоо тапты."
    )
    record = _record(text, "ky")
    assert record["events"], record
    assert record["events"][0]["title"] != "Линктер"


def test_a_venue_of_an_earlier_year_is_not_the_events():
    text = (
        "2023-yil 12-aprel kuni vazir Anvar Karimov jamiyat rahbarlarini qabul qildi. "
        "Tashkilotning 2021-yil 5-mart kuni Samarqand shahrida boʻlib oʻtgan sammitida "
        "ilgari surilgan tashabbuslar muhokama qilindi."
    )
    event = _record(text, "uz")["events"][0]
    assert (event["start_date"], event["city"]) == ("2023-04-12", None)


def test_a_date_with_a_time_of_day_is_the_pages_stamp():
    text = (
        "Жаңылыктар\n\n23-Ноябрь, 2024-жыл, ишемби, Бишкек убактысы 18:43\n\n"
        "Швейцариянын Люцерн шаарында өтүп жаткан форумда кыргыз диаспоралары чогулду."
    )
    assert _record(text, "ky")["events"][0]["start_date"] is None


def test_each_event_of_a_planned_list_with_its_own_date_and_place():
    text = (
        "2023-yil 2-may kuni vazir Anvar Karimov jamiyat rahbarlarini qabul qildi. "
        "Uchrashuvda mamlakatimizda oʻtkaziladigan tadbirlar, jumladan, Yoshlar forumi "
        "(5-6-avgust, Samarqand) va xalqaro ilmiy konferensiya (10-11-sentabr, Buxoro) "
        "muhokama qilindi."
    )
    planned = _record(text, "uz")["planned"]
    assert [(e["type"], e["start_date"], e["city"]) for e in planned] == [
        ("forum", "2023-08-05", "Samarkand"),
        ("conference", "2023-09-10", "Bukhara"),
    ]


def test_a_future_participle_of_the_held_verb_is_a_plan():
    text = "Joriy yilda Samarqandda boʻlib oʻtadigan sammitga tayyorgarlik muhokama qilindi."
    assert [e["type"] for e in _record(text, "uz")["planned"]] == ["other"]


def test_a_photo_captions_date_dates_the_event_a_dateline_does_not():
    caption = (
        "Дипломат Азамат Исмаилов кыргыз диаспорасынын форумунда сүйлөп жатат. "
        "13-июль, 2022-жыл.\n\n"
        "Швейцариянын Люцерн шаарында өтүп жаткан форумда кыргыз диаспоралары чогулду."
    )
    assert _record(caption, "ky")["events"][0]["start_date"] == "2022-07-13"
    dateline = (
        "Дипломат Азамат Исмаилов кыргыз диаспорасынын форумунда сүйлөп жатат.\n"
        "13-июль, 2022-жыл.\n\n"
        "Швейцариянын Люцерн шаарында өтүп жаткан форумда кыргыз диаспоралары чогулду."
    )
    assert _record(dateline, "ky")["events"][0]["start_date"] is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Министр культуры Анвар Каримов прибыл с визитом в Казань."),
        ("ru", "Делегация общины совершила визит в Уфу."),
        ("kk", "Қор президенті Ерлан Сейітов ресми сапармен Бішкекке келді."),
        ("ky", "Агенттиктин директору Асан Үсөнов иш сапары менен Алматыга барды."),
        ("uz", "Qoʻmita raisi Anvar Karimov rasmiy tashrif bilan Bokuga bordi."),
    ],
)
def test_going_on_a_visit_reports_a_visit_held(lang, text):
    assert [e["type"] for e in _record(text, lang)["events"]] == ["visit"]


def test_an_event_of_an_earlier_year_is_not_the_main_one():
    text = (
        "2021-yil 5-mart kuni Samarqandda diaspora forumi boʻlib oʻtgan edi. "
        "2023-yil 12-aprel kuni Toshkentda diaspora vakillari bilan uchrashuv boʻlib oʻtdi."
    )
    event = _record(text, "uz")["events"][0]
    assert (event["type"], event["start_date"], event["city"]) == (
        "other",
        "2023-04-12",
        "Tashkent",
    )


def test_a_planned_event_named_again_without_date_or_place_is_one_event():
    text = (
        "Dördüncü Diaspora Forumu Nisan 2025'te Ankara'da düzenlenecek. "
        "Toplantıda Dördüncü Diaspora Forumu hazırlıkları için yapılacak çalışmalar da ele "
        "alınacak."
    )
    planned = _record(text, "tr", published=dt.date(2025, 1, 10))["planned"]
    assert [(e["type"], e["start_date"]) for e in planned] == [("forum", "2025-04")]


def test_a_city_of_the_region_missing_from_the_gazetteer_has_its_state():
    event = _record("Túrkistanda dıaspora forýmy ótti.", "kk")["events"][0]
    assert (event["city"], event["country"]) == ("Turkistan", "KZ")


def test_the_visit_a_participant_is_on_is_an_event_of_its_own():
    text = (
        "Председатель комитета Олег Петров встретился с находящимся с визитом в Казани "
        "министром Анваром Каримовым."
    )
    events = _record(text, "ru")["events"]
    assert [(e["type"], e["city"]) for e in events] == [("other", "Kazan"), ("visit", "Kazan")]
    assert events[1]["title"] == "визитом в Казани"


def test_a_participle_ending_the_sentence_reports_the_visit():
    text = "Qoʻmita raisi Anvar Karimov Bokuga rasmiy tashrif bilan kelgan."
    assert _record(text, "uz")["events"][0]["type"] == "visit"
