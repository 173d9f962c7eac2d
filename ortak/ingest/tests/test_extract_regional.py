"""The region's languages, one table of sentences per component and language.

Each row is a hand-written sentence of the kind the region's press prints (not taken from the
gold corpus), with what the component must read from it. Adding a language to the extractor
is adding its data folder under patterns/ and its rows here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ortak.ingest.extract import extract
from ortak.ingest.extract.language import detect
from ortak.ingest.extract.reader import Article


def _record(text: str, lang: str, published: dt.date | None = None) -> dict:
    return extract(Article(text=text, language=lang, published=published)).record.to_dict()


def _people(record: dict) -> dict[str, dict]:
    return {p["name"]: p for e in record["events"] for p in e["participants"]}


def _orgs(record: dict) -> set[str]:
    return {o["name"] for e in record["events"] for o in e["organizations"]}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Qazaqstan men Ózbekstan arasyndaǵy yntymaqtastyq týraly konferensııa ótti jáne "
         "oǵan delegasııa qatysty.", "kk"),
        ("Қазақстан мен Өзбекстан арасындағы ынтымақтастық туралы конференция өтті және "
         "оған делегация қатысты.", "kk"),
        ("Бишкекте диаспора боюнча жыйын болуп өттү жана ага өкүлдөр катышты.", "ky"),
        ("Тошкентда диаспора вакиллари билан учрашув бўлиб ўтди ва бу ҳақда маълумот берилди.",
         "uz"),
        ("Toshkentda diaspora vakillari bilan uchrashuv boʻlib oʻtdi va bu haqida maʼlumot "
         "berildi.", "uz"),
        ("Bakıda diaspor təşkilatlarının rəhbərləri ilə görüş keçirilib və məlumat verilib.", "az"),
        ("Ankara'da diaspora kuruluşlarının başkanları ile bir toplantı yapıldı ve bu da ilk oldu.",
         "tr"),
        ("В Бишкеке прошла встреча руководителей диаспорских организаций, и она была открыта.",
         "ru"),
        ("The meeting of the heads of diaspora institutions was held in Bishkek on Monday.", "en"),
    ],
)  # fmt: skip
def test_language_known_in_both_scripts(text, language):
    assert detect(text) == language


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("tr", "Toplantıya Azerbaycan Cumhuriyeti Diaspora İşlerinden Sorumlu Devlet Komitesi "
               "Başkanı Fuad Muradov’un katılımıyla Ankara’da yapıldı.", "Fuad Muradov", "AZ"),
        ("az", "Görüşdə Qazaxıstan Respublikasının “Otandastar” Fondunun prezidenti Abzal "
               "Saparbekulı iştirak edib.", "Abzal Saparbekulı", "KZ"),
        ("uz", "Uchrashuvda Qirgʻiziston Respublikasi Tashqi ishlar vazirligi direktori "
               "Talant Kaymazarov ishtirok etdi.", "Talant Kaymazarov", "KG"),
        ("kk", "Жиынға Әзербайжан Республикасының Диаспорамен жұмыс жөніндегі мемлекеттік "
               "комитетінің төрағасы Фуад Мурадов қатысты.", "Фуад Мурадов", "AZ"),
        ("ky", "Жолугушууга Казакстан Республикасынын Тышкы иштер министрлигинин директору "
               "Серик Егизбаевдин катышты.", "Серик Егизбаев", "KZ"),
        ("ru", "Во встрече принял участие председатель Государственного комитета по работе с "
               "диаспорой Азербайджана Фуадом Мурадовым.", "Фуад Мурадов", "AZ"),
        # A first name that also spells an oblique case of a Russian common noun.
        ("ru", "В Баку прибыл посол Казахстана Мерей Мукажан.", "Мерей Мукажан", "KZ"),
        ("ru", "Встреча с послом Казахстана Мереем Мукажаном состоялась в Баку.",
         "Мерей Мукажан", "KZ"),
    ],
)  # fmt: skip
def test_titled_person_in_base_form_with_the_state_represented(lang, text, name, country):
    people = _people(_record(text, lang))
    assert name in people, people
    assert people[name]["country"] == country


@pytest.mark.parametrize(
    ("lang", "text", "latin"),
    [
        ("ru", "На церемонии выступил губернатор Бурсы Якуп Джанполат.", "Yakup Dzhanpolat"),
        ("kk", "Жиынды вице-министр Серік Егізбаев ашты.", "Serik Egizbaev"),
    ],
)
def test_cyrillic_names_get_the_scorers_transliteration(lang, text, latin):
    people = list(_people(_record(text, lang)).values())
    assert [p.get("name_latin") for p in people] == [latin]


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("ru", "Директор Азербайджанского культурного центра имени Гейдара Алиева Самир Аббасов "
               "встретился с гостями.", "Гейдар Алиев"),
        ("kk", "M.Áýezov atyndaǵy Ońtústik Qazaqstan ýnıversıtetiniń rektory Jeńis Abdullaev "
               "sóz sóıledi.", "M.Áýezov"),
        ("ru", "Состоялась демонстрация фильма, посвященного Гейдару Алиеву, и встреча "
               "председателя комитета Фуада Мурадова с общиной.", "Гейдар Алиев"),
    ],
)  # fmt: skip
def test_names_inside_institution_names_or_remembered_are_not_participants(lang, text, absent):
    names = " ".join(_people(_record(text, lang)))
    assert absent.split()[-1][:5] not in names


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("tr", "Türk Konseyi’nin Diaspora Forumu Bakü’de yapıldı.", "Türk Konseyi"),
        ("az", "Tədbirdə Türk Dövlətləri Təşkilatının Katibliyinin nümayəndəsi Aygün Əliyeva "
               "iştirak edib.", "Türk Dövlətləri Təşkilatının Katibliyi"),
        ("ru", "Встреча прошла в здании Государственного комитета по работе с диаспорой.",
         "Государственный комитет по работе с диаспорой"),
        ("kk", "Түркі мемлекеттері ұйымының отырысы Астанада өтті.", "Түркі мемлекеттері ұйымы"),
        ("ky", "Түрк мамлекеттер уюмунун жыйыны Бишкекте болуп өттү.", "Түрк мамлекеттер уюму"),
        ("uz", "Ozarbayjon diasporasi bilan ishlash davlat qoʻmitasining vakillari Toshkentda "
               "uchrashdi.", "Ozarbayjon diasporasi bilan ishlash davlat qoʻmitasi"),
    ],
)  # fmt: skip
def test_institution_names_in_base_form(lang, text, org):
    assert org in _orgs(_record(text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "type_", "start", "city"),
    [
        ("tr", "Türk Konseyi Diaspora Forumu 23-24 Kasım 2023 tarihinde İstanbul’da "
               "gerçekleştirildi.", "forum", "2023-11-23", "Istanbul"),
        ("tr", "Diaspora kurumları arasında Tecrübe Değişimi Programı 10 Mart 2024 tarihinde "
               "Ankara'da yapıldı.", "exchange_of_experience", "2024-03-10", "Ankara"),
        ("az", "Diaspor qurumları arasında təcrübə mübadiləsi 5 may 2022-ci ildə Bakıda "
               "keçirilib.", "exchange_of_experience", "2022-05-05", "Baku"),
        ("ru", "Круглый стол, посвященный диаспоре, состоялся 14-15 октября 2024 года в Бишкеке.",
         "roundtable", "2024-10-14", "Bishkek"),
        ("kk", "Түркітілдес диаспоралар форумы 2021 жылғы 20 қарашада Астанада өтті.",
         "forum", "2021-11-20", "Astana"),
        ("ky", "Диаспоралардын форуму 2022-жылы 28 мартта Бишкекте болуп өттү.", "forum",
         "2022-03-28", "Bishkek"),
        ("uz", "Diaspora vakillari uchun trening 2023 yil 24 may kuni Toshkentda boʻlib oʻtdi.",
         "training", "2023-05-24", "Tashkent"),
    ],
)  # fmt: skip
def test_event_type_date_and_city(lang, text, type_, start, city):
    event = _record(text, lang)["events"][0]
    assert (event["type"], event["city"]) == (type_, city)
    if start:
        assert event["start_date"] == start


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("az", "Sabah Bakıda Türk Dövlətləri Təşkilatının Diaspor Forumu keçiriləcək."),
        ("tr", "Diaspora Forumu gelecek ay Ankara’da düzenlenecek."),
        ("ru", "В Астане состоится форум диаспор тюркских государств."),
        ("kk", "Келесі айда Астанада диаспоралар форумы өтеді."),
    ],
)
def test_announced_events_go_to_planned(lang, text):
    record = _record(text, lang)
    assert record["events"] == []
    assert [p["type"] for p in record["planned"]] == ["forum"]


def test_today_dates_the_event_by_the_publication():
    text = "Бүгүн Бишкек шаарында диаспоралардын форуму болуп өттү."
    event = _record(text, "ky", published=dt.date(2022, 3, 28))["events"][0]
    assert event["start_date"] == "2022-03-28"


# Each language's ways of writing a day, a range of days and "yesterday", resolved against
# the publication date where the year is not written.
@pytest.mark.parametrize(
    ("lang", "published", "text", "start", "end"),
    [
        ("tr", "2025-05-14", "Diaspora kurumları toplantısı 2025 yılı mayıs ayının 12'sinde "
         "Ankara'da gerçekleştirildi. Toplantıya bakanlar katıldı.", "2025-05-12", None),
        ("tr", "2024-10-20", "Gençlik Forumu dün İzmir'de düzenlendi. Foruma gençler katıldı.",
         "2024-10-19", None),
        ("ru", "2025-05-20", "Форум молодежи прошел с 15 по 17 мая 2025 года в Казани. В нем "
         "приняли участие делегации.", "2025-05-15", "2025-05-17"),
        ("ru", "2025-05-20", "15-16 мая в Астане состоялось заседание руководителей ведомств. "
         "В нем приняли участие делегации.", "2025-05-15", "2025-05-16"),
        ("ru", "2025-05-20", "Вчера в Астане состоялось заседание руководителей ведомств. "
         "В нем приняли участие делегации.", "2025-05-19", None),
        ("az", "2025-05-13", "Diaspor təşkilatlarının toplantısı mayın 12-də Bakıda keçirilib. "
         "Tədbirdə nümayəndə heyətləri iştirak edib.", "2025-05-12", None),
        ("az", "2025-08-13", "Diaspor təşkilatlarının toplantısı 2024-cü il mayın 12-də Bakıda "
         "keçirilib. Tədbirdə nümayəndə heyətləri iştirak edib.", "2024-05-12", None),
        ("az", "2025-05-13", "Diaspor təşkilatlarının toplantısı dünən Bakıda keçirilib. "
         "Tədbirdə nümayəndə heyətləri iştirak edib.", "2025-05-12", None),
        ("uz", "2025-05-14", "Diaspora tashkilotlari uchrashuvi 12-may kuni Toshkentda boʻlib "
         "oʻtdi. Unda vakillar ishtirok etdi.", "2025-05-12", None),
        ("uz", "2025-05-14", "Diaspora tashkilotlari uchrashuvi kecha Toshkentda boʻlib oʻtdi. "
         "Unda vakillar ishtirok etdi.", "2025-05-13", None),
        ("kk", "2025-05-14", "Диаспора ұйымдарының кездесуі 12-13 мамыр күндері Астанада өтті. "
         "Кездесуге өкілдер қатысты.", "2025-05-12", "2025-05-13"),
        ("kk", "2025-05-14", "Диаспора ұйымдарының кездесуі кеше Астанада өтті. Кездесуге "
         "өкілдер қатысты.", "2025-05-13", None),
        ("kk", "2025-05-14", "Diaspora uıymdarynyń kezdesýi 12 mamyrda Astanada ótti. "
         "Kezdesýge ókilder qatysty.", "2025-05-12", None),
        ("ky", "2025-08-14", "Диаспора уюмдарынын жолугушуусу 2024-жылдын 12-майында Бишкекте "
         "өттү. Ага өкүлдөр катышты.", "2024-05-12", None),
        ("ky", "2025-05-14", "Диаспора уюмдарынын жолугушуусу 12-майда Бишкекте өттү. Ага "
         "өкүлдөр катышты.", "2025-05-12", None),
        ("ky", "2025-05-14", "Диаспора уюмдарынын жолугушуусу кечээ Бишкекте өттү. Ага өкүлдөр "
         "катышты.", "2025-05-13", None),
    ],
)  # fmt: skip
def test_dates_as_each_language_writes_them(lang, published, text, start, end):
    record = _record(text, lang, published=dt.date.fromisoformat(published))
    event = record["events"][0]
    assert (event["start_date"], event["end_date"]) == (start, end)


def test_today_counts_in_the_body_not_in_the_header_lines():
    header = (
        "Сайттын аты\nБашкы бет\nБөлүм\nКабарлар\n\nЖаңылыктын аталышы\n\n"
        "Жаңылыктын аталышы\n  • 5 Апр 2024\n  • 812\n  • 3\n\n"
    )
    body = ("Урматтуу коноктор,\n\nБүгүн Ош шаарында диаспоралардын форуму болуп өттү жана "
            "ага көптөгөн өкүлдөр катышты.")  # fmt: skip
    event = _record(header + body, "ky", published=dt.date(2024, 4, 5))["events"][0]
    assert event["start_date"] == "2024-04-05"


def test_a_month_word_alone_is_no_month():
    from ortak.ingest.extract import languages

    assert languages.month_of("az", "mayın") == 5
    assert languages.month_of("ky", "майында") == 5
    assert languages.month_of("uz", "12-may") == 5
    assert languages.month_of("az", "mayor") is None
    assert languages.month_of("uz", "mayli") is None


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("ky", "Жыйынга Кыргыз Республикасынын Билим министрлигине караштуу Жаштар жана спорт "
               "департаментинин директору Асан Үсөнов катышты. Жаштар жана спорт департаменти "
               "жаңы долбоорду сунуштады.",
         "Кыргыз Республикасынын Билим министрлигине караштуу Жаштар жана спорт департаменти"),
        ("kk", "Jıynǵa Qazaqstan Respýblıkasy Bilim mınıstrligi janyndaǵy Jastar jáne sport "
               "komıtetiniń tóraǵasy Asqar Nurlanov qatysty. Jastar jáne sport komıteti jańa "
               "jobany usyndy.",
         "Qazaqstan Respýblıkasy Bilim mınıstrligi janyndaǵy Jastar jáne sport komıteti"),
        ("tr", "Toplantıya Kazakistan Cumhuriyeti Kültür Bakanlığına bağlı Dil Politikası "
               "Komitesi Başkanı Askar Nurlanov katıldı. Dil Politikası Komitesi yeni bir proje "
               "sundu.",
         "Kazakistan Cumhuriyeti Kültür Bakanlığına bağlı Dil Politikası Komitesi"),
    ],
)  # fmt: skip
def test_a_body_under_another_is_one_institution_listed_once_in_full(lang, text, org):
    assert _orgs(_record(text, lang)) == {org}


def test_bodies_joined_by_and_stay_two():
    text = "Toplantıya Türk Kültür ve Miras Vakfı ve Yunus Emre Enstitüsü temsilcileri katıldı."
    assert _orgs(_record(text, "tr")) == {"Türk Kültür ve Miras Vakfı", "Yunus Emre Enstitüsü"}


@pytest.mark.parametrize(
    ("lang", "text", "types"),
    [
        # Two events joined by "and", subjects of one held verb.
        ("tr", "Diaspora Kurumları arasında Tecrübe Değişimi Programı ve Üçüncü Diaspora Temas "
               "Grubu Toplantısı 3 Nisan 2024 tarihinde İzmir'de gerçekleştirilmiştir.",
         ["exchange_of_experience", "contact_group_meeting"]),
        # An event held within the framework of another: both took place.
        ("tr", "Gençlik Forumu kapsamında Diaspora Temas Grubu Toplantısı Konya'da 5 Mayıs 2023 "
               "tarihinde yapıldı.", ["contact_group_meeting", "forum"]),
        ("az", "Diaspor Forumu çərçivəsində Təcrübə mübadiləsi proqramı 5 may 2023-cü ildə "
               "Bakıda keçirilib.", ["exchange_of_experience", "forum"]),
        ("ru", "В рамках форума диаспор 5 мая 2023 года в Баку состоялся круглый стол.",
         ["roundtable", "forum"]),
        # A programme its participants come from is no event of the sentence.
        ("az", "Diaspor qurumları üçün II “Gənclik” Təcrübə proqramının iştirakçıları Gəncə və "
               "Şəkiyə səfər ediblər.", ["visit"]),
    ],
)  # fmt: skip
def test_events_held_together_in_one_sentence(lang, text, types):
    events = _record(text, lang)["events"]
    assert [e["type"] for e in events] == types
    assert len({(e["start_date"], e["city"]) for e in events}) == 1


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("kk", "Konferensııa Almatyda ótti. Jıyn barysynda «Ata qory» QeAQ-nyń prezıdenti Erlan "
               "Saparbaıuly qonaqtardy quttyqtap, alǵysyn bildirdi.", "Erlan Saparbaıuly"),
        ("tr", "Forum Ankara’da yapıldı. Toplantıya Gençlik Vakfı Başkanı Ahmet Ziyaretoğlu "
               "katıldı.", "Ahmet Ziyaretoğlu"),
    ],
)  # fmt: skip
def test_a_surname_that_starts_like_an_event_word_is_a_name(lang, text, name):
    assert name in _people(_record(text, lang))


def test_today_in_an_article_known_to_the_month_dates_the_event_to_that_month():
    from ortak.ingest.extract import read_text

    article = read_text(
        " date 2024-09 Bu gün Gəncədə diaspor təşkilatlarının rəhbərlərinin forumu keçirilib. "
        "Forumda nümayəndə heyətləri iştirak edib."
    )
    assert (article.published, article.published_month) == (None, dt.date(2024, 9, 1))
    event = extract(article).record.to_dict()["events"][0]
    assert event["start_date"] == "2024-09"


@pytest.mark.parametrize(
    ("lang", "text", "title"),
    [
        ("ky", "Бишкекте Түрк мамлекеттер уюмунун III жаштар форуму болуп өттү.",
         "Түрк мамлекеттер уюмунун III жаштар форуму"),
        ("tr", "Ankara’da Türk Devletleri Teşkilatı’nın 3. gençlik forumu gerçekleştirildi.",
         "Türk Devletleri Teşkilatı’nın 3. gençlik forumu"),
        ("kk", "Астанада Түркі мемлекеттері ұйымының үшінші жастар форумы өтті.",
         "Түркі мемлекеттері ұйымының үшінші жастар форумы"),
        ("az", "Bakıda Türk Dövlətləri Təşkilatının üçüncü gənclər forumu keçirilib.",
         "Türk Dövlətləri Təşkilatının üçüncü gənclər forumu"),
        # The speaker's name in the genitive is no part of the title; the case ending goes.
        ("ky", "Директор Асан Үсөновдун Түрк мамлекеттер уюмунун жаштар форумунда сүйлөгөн "
               "сөзү. Форум Бишкекте болуп өттү.", "Түрк мамлекеттер уюмунун жаштар форуму"),
    ],
)  # fmt: skip
def test_event_title_with_its_owner_in_the_genitive(lang, text, title):
    assert _record(text, lang)["events"][0]["title"] == title


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A meeting word, a heads word and a diaspora word in one clause, not side by side.
        ("ru", "В Бишкеке прошло пятое заседание руководителей государственных служб по делам "
               "диаспоры тюркских государств."),
        ("ru", "В Баку состоялась встреча министров и руководителей агентств по работе с "
               "соотечественниками."),
        ("tr", "Diaspora alanında çalışan kamu kurumlarının başkanları 4. toplantısı İzmir'de "
               "gerçekleştirildi."),
        ("az", "Bakıda diaspor siyasətinə cavabdeh nazirliklərin və agentlik rəhbərlərinin 5-ci "
               "toplantısı keçirilib."),
        ("kk", "Астанада диаспора ісіне жауапты мемлекеттік органдар басшыларының кезекті "
               "отырысы өтті."),
        ("kk", "Astanada dıaspora isine jaýapty memlekettik organdar basshylarynyń kezekti "
               "otyrysy ótti."),
        ("ky", "Бишкекте диаспора маселелери боюнча мамлекеттик мекемелердин жетекчилеринин "
               "жыйыны болуп өттү."),
        ("uz", "Toshkentda diaspora masalalari bilan shugʻullanuvchi idoralar rahbarlari "
               "uchrashuvi boʻlib oʻtdi."),
        ("uz", "Тошкентда диаспора масалалари билан шуғулланувчи идоралар раҳбарлари "
               "учрашуви бўлиб ўтди."),
    ],
)  # fmt: skip
def test_a_meeting_of_the_heads_of_the_diaspora_bodies_is_ministerial(lang, text):
    assert _record(text, lang)["events"][0]["type"] == "ministerial_meeting"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A meeting with the heads, not of them.
        ("az", "Bakıda komitənin sədri diaspor təşkilatlarının rəhbərləri ilə görüş keçirib."),
        ("tr", "Ankara'da diaspora derneklerinin başkanları ile bir toplantı yapıldı."),
        ("uz", "Toshkentda diaspora tashkilotlari rahbarlari bilan uchrashuv boʻlib oʻtdi."),
        # One head meeting the diaspora.
        ("ru", "В Бишкеке прошла встреча руководителя агентства с представителями диаспоры."),
        # Heads, but of no diaspora body.
        ("kk", "Астанада облыс әкімдіктері басшыларының отырысы өтті."),
        # Heads of the diaspora's own associations, not of state bodies.
        ("tr", "Berlin'de Türk diaspora derneklerinin başkanları toplantısı yapıldı."),
        ("az", "Bakıda diaspor icmalarının rəhbərlərinin iclası keçirilib."),
    ],
)
def test_a_meeting_with_heads_or_of_other_heads_is_not_ministerial(lang, text):
    assert _record(text, lang)["events"][0]["type"] != "ministerial_meeting"


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        # Reported past, perfect and present continuous of the held verbs, read as their stem
        # and the language's ending.
        ("tr", "Dernek Başkanı Ali Yılmaz Ankara'da diaspora temsilcileriyle görüşmüştür.",
         "other"),
        ("tr", "Diaspora Forumu bugün İstanbul'da gerçekleşiyor.", "forum"),
        ("tr", "Gençlik Kurultayı geçen hafta Bursa'da düzenlenmişti.", "forum"),
        ("az", "Diaspor təşkilatlarının forumu Gəncədə keçirilmişdir.", "forum"),
        ("az", "Komitə sədri Şuşada gənclərlə görüşüblər.", "other"),
        ("kk", "Almatyda dıaspora forýmy ótip jatyr.", "forum"),
        ("kk", "Астанада диаспоралар форумы өтуде.", "forum"),
        ("kk", "Qor prezıdentі men mınıstr memorandýmǵa qol qoıǵan bolatyn.", "signing"),
        ("kk", "Қор президенті мен министр меморандумға қол қойды.", "signing"),
        ("ky", "Ошто диаспоралардын форуму өтүп жатат.", "forum"),
        ("uz", "Samarqandda diaspora vakillari uchun seminar oʻtkazilmoqda.", "training"),
        ("uz", "Самарқандда диаспора вакиллари учун семинар ўтказилмоқда.", "training"),
        ("ru", "В Казани была проведена конференция соотечественников.", "conference"),
        # The past participle of a held verb says the event took place.
        ("uz", "Toshkentda boʻlib oʻtgan forumda diaspora vakillari soʻzga chiqishdi.", "forum"),
        ("ky", "Бишкекте өткөрүлгөн форумга диаспора өкүлдөрү келишкен.", "forum"),
    ],
)  # fmt: skip
def test_held_verbs_in_every_tense_that_reports_the_event(lang, text, type_):
    record = _record(text, lang)
    assert [e["type"] for e in record["events"]] == [type_], record
    assert record["planned"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В Казани будет проведена конференция соотечественников."),
        ("tr", "Diaspora Forumu gelecek yıl İstanbul'da gerçekleştirilecek."),
        ("uz", "Samarqandda diaspora vakillari uchun seminar o'tkaziladi."),
        ("kk", "Almatyda dıaspora forýmy ótedi."),
    ],
)
def test_future_forms_of_the_held_verbs_stay_planned(lang, text):
    record = _record(text, lang)
    assert record["events"] == []
    assert len(record["planned"]) == 1


@pytest.mark.parametrize(
    ("lang", "text", "type_"),
    [
        ("kk", "Былтыр Алматыда ақындар фестивалі өткізілген еді. Бүгін қор президенті мен "
               "министр меморандумға қол қойды.", "signing"),
        ("tr", "Birlik şimdiye kadar beş eğitim programı düzenlemiştir. Diaspora Forumu 3 Mart "
               "2024 tarihinde Ankara'da yapıldı.", "forum"),
        ("ru", "Напомним, в прошлом году в Казани прошел фестиваль. В Уфе состоялся форум "
               "соотечественников.", "forum"),
    ],
)  # fmt: skip
def test_an_event_recalled_as_earlier_is_not_the_main_one(lang, text, type_):
    assert _record(text, lang)["events"][0]["type"] == type_


def test_schools_are_no_training():
    text = "Toshkentda oʻquv yurtlari talabalari bilan uchrashuv boʻlib oʻtdi."
    assert _record(text, "uz")["events"][0]["type"] == "other"


@pytest.mark.parametrize(
    ("lang", "text", "part", "type_"),
    [
        # The language's word for "an event", held for an anniversary: a cultural event.
        ("ky", "Бишкекте университеттин 50 жылдыгына арналган иш-чара болуп өттү.", "events",
         "cultural_event"),
        ("kk", "Тараптар қауымдастықтың 20 жылдығына орай іс-шараларды бірлесіп өткізуге "
               "келісті.", "planned", "cultural_event"),
        ("ru", "В Казани прошло мероприятие к 30-летию ассоциации соотечественников.", "events",
         "cultural_event"),
        ("uz", "Toshkentda mustaqillikning 30 yilligiga bagʻishlangan tadbir boʻlib oʻtdi.",
         "events", "cultural_event"),
        # A meeting for an anniversary stays a meeting.
        ("uz", "Toshkentda mustaqillikning 30 yilligiga bagʻishlangan uchrashuv boʻlib oʻtdi.",
         "events", "other"),
    ],
)  # fmt: skip
def test_an_event_held_for_an_anniversary_is_cultural(lang, text, part, type_):
    assert _record(text, lang)[part][0]["type"] == type_


def test_a_meeting_reported_by_its_verb_alone_is_the_main_event():
    text = (
        "Кечээ Стамбулда консул Асан Үсөнов кыргыз түрктөрүнүн бирикмесинин өкүлдөрү "
        "менен жолугушту. Алар Анкарада өтө турган иш-чаралар боюнча пикир алмашты."
    )
    record = _record(text, "ky", published=dt.date(2021, 6, 19))
    assert [e["type"] for e in record["events"]] == ["other"]
    assert record["events"][0]["start_date"] == "2021-06-18"
    assert len(record["planned"]) == 1
