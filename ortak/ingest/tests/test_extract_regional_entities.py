"""People and institutions in the region's languages: base forms, states, who took part.

Hand-written sentences of the kind the region's press prints (not taken from any corpus), one
row per construction: a name's case ending, a state that goes unsaid, an embassy's owner, a
person only quoted or recalled.
"""

from __future__ import annotations

import pytest

from ortak.ingest.extract import extract
from ortak.ingest.extract.reader import Article


def _record(text: str, lang: str) -> dict:
    return extract(Article(text=text, language=lang)).record.to_dict()


def _people(record: dict) -> dict[str, dict]:
    return {p["name"]: p for e in record["events"] for p in e["participants"]}


def _assert_person(text, lang, name, role, org, country) -> dict[str, dict]:
    """The person is found with that title, body and state; all the people, for more checks."""
    people = _people(_record(text, lang))
    assert name in people, people
    person = people[name]
    assert (person["role"], person["organization"], person["country"]) == (role, org, country)
    return people


def _orgs(record: dict) -> dict[str, str | None]:
    return {o["name"]: o["country"] for e in record["events"] for o in e["organizations"]}


def _countries(record: dict) -> set[str]:
    return {c for e in record["events"] for c in e["countries"]}


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        # the head noun's genitive or dative before an abbreviation in brackets
        ("az", "Görüşə Türkdilli Dövlətlərin Əməkdaşlıq Şurasının (TDƏŞ) nümayəndəsi Aygün "
               "Əliyeva qatılıb.", "Türkdilli Dövlətlərin Əməkdaşlıq Şurası (TDƏŞ)"),
        ("az", "Forum Gənclər Təşkilatına (GT) üzv ölkələrin nümayəndələri ilə keçirilib.",
         "Gənclər Təşkilatı (GT)"),
        # a head noun in the locative ends one name; the next begins after it
        ("az", "Gəncə Mədəniyyət Mərkəzində Türk Dövlətləri Təşkilatının nümayəndələri görüşüb.",
         "Gəncə Mədəniyyət Mərkəzi"),
        # a Kyrgyz association
        ("ky", "Жыйынга «Ала-Тоо» бирикмесинин башчысы Асан Усенов катышты.",
         "«Ала-Тоо» бирикмеси"),
    ],
)  # fmt: skip
def test_institution_named_in_a_case_is_listed_in_its_base_form(lang, text, org):
    assert org in _orgs(_record(text, lang))


def test_an_abbreviation_named_first_gives_way_to_the_full_name():
    text = (
        "TDT ölkələrinin nümayəndələri Bakıda görüşüb. Görüş Türk Dövlətləri Təşkilatının "
        "dəstəyi ilə keçirilib."
    )
    orgs = _orgs(_record(text, "az"))
    assert "Türk Dövlətləri Təşkilatı" in orgs
    assert "TDT" not in orgs


@pytest.mark.parametrize(
    ("lang", "text", "not_start"),
    [
        # a news site citing the institution
        ("az", "Yenixeber.az Dövlət Komitəsinə istinadən xəbər verir ki, Bakıda görüş keçirilib.",
         "Yenixeber.az"),
        # a name right before a lower-case head noun ("the committee's")
        ("az", "Komitənin əməkdaşı Aysel Quliyeva komitənin layihələrindən danışıb.", "Aysel"),
        # the sentence's opening words before a minister's field
        ("uz", "Oʻz nutqida tashqi ishlar vaziri oʻrinbosari Botir Karimov hamkorlikni "
               "taʼkidladi.", "Oʻz"),
    ],
)  # fmt: skip
def test_institution_names_do_not_start_with_a_source_a_person_or_the_sentence(
    lang, text, not_start
):
    assert not [o for o in _orgs(_record(text, lang)) if o.startswith(not_start)]


@pytest.mark.parametrize(
    ("lang", "text", "org", "country"),
    [
        ("uz", "Qozogʻistonning Berlindagi elchixonasida vatandoshlar bilan uchrashuv boʻlib "
               "oʻtdi.", "Qozogʻistonning Berlindagi elchixonasi", "KZ"),
        # "our country's embassy in France": the press's own state
        ("az", "Tədbir ölkəmizin Fransadakı Səfirliyinin dəstəyi ilə keçirilib.",
         "Fransadakı Səfirliyi", "AZ"),
        ("ru", "Встреча прошла в Посольстве Кыргызстана в Германии.",
         "Посольство Кыргызстана в Германии", "KG"),
    ],
)  # fmt: skip
def test_an_embassy_belongs_to_the_state_that_sends_it(lang, text, org, country):
    record = _record(text, lang)
    assert _orgs(record).get(org) == country, _orgs(record)


def test_an_embassy_abroad_makes_its_state_take_part_not_the_host():
    text = "Oʻzbekistonning Parijdagi elchixonasida diaspora vakillari bilan uchrashuv boʻldi."
    countries = _countries(_record(text, "uz"))
    assert "UZ" in countries
    assert "FR" not in countries


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        # a title with no state: the press's own state's official
        ("tr", "Toplantıya Başkan Yardımcısı Kemal Yıldız katıldı.", "Kemal Yıldız", "TR"),
        ("uz", "Uchrashuvda Elchi Botir Karimov soʻzga chiqdi.", "Botir Karimov", "UZ"),
        ("ky", "Президент Азамат Сыдыков мекендештер менен жолугушту.", "Азамат Сыдыков", "KG"),
        # an envoy in a state is not of that state
        ("az", "Azərbaycanın Fransadakı səfiri Rəşad Məmmədov çıxış edib.", "Rəşad Məmmədov",
         "AZ"),
        ("az", "Tədbirdə Fransadakı səfir Rəşad Məmmədov çıxış edib.", "Rəşad Məmmədov", "AZ"),
        # a title that refers back to the committee the article named
        ("ru", "Государственный комитет по работе с диаспорой Азербайджана провел встречу. "
               "Председатель комитета Эльчин Гулиев выступил перед гостями.", "Эльчин Гулиев",
         "AZ"),
        # a first name that is also a city's name
        ("ky", "Башкы консул Лира Асанова жолугушууга катышты.", "Лира Асанова", "KG"),
    ],
)  # fmt: skip
def test_a_person_gets_the_state_represented(lang, text, name, country):
    people = _people(_record(text, lang))
    assert name in people, people
    assert people[name]["country"] == country


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        # feminine surnames stay whole before "and" and at a clause's end
        ("az", "Komitənin məsul əməkdaşları Aysel Quliyeva və Nərgiz Həsənova məlumat veriblər.",
         ["Aysel Quliyeva", "Nərgiz Həsənova"]),
        ("kk", "Жиынға маман Әсел Нұрланова қатысты.", ["Әсел Нұрланова"]),
        # an apostrophe that is a letter of the name, not the start of a case ending
        ("uz", "Uyushma raisi Abdulla Ho'ja va elchi Ilhom Ne’matov soʻzga chiqdi.",
         ["Abdulla Ho'ja", "Ilhom Ne’matov"]),
        # a capitalised word after a name already found opens the next phrase
        ("az", "Komitənin sədri Elçin Quliyev görüşdə iştirak edib. Elçin Quliyev Türk "
               "dünyasının birliyindən danışıb.", ["Elçin Quliyev"]),
    ],
)  # fmt: skip
def test_names_are_kept_whole(lang, text, names):
    assert sorted(_people(_record(text, lang))) == sorted(names)


def test_a_name_joined_by_and_shares_the_title_before_it():
    text = "Komitənin məsul əməkdaşları Aysel Quliyeva və Nərgiz Həsənova məlumat veriblər."
    people = _people(_record(text, "az"))
    assert people["Nərgiz Həsənova"]["role"] == people["Aysel Quliyeva"]["role"]


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("ru", "На встрече выступил посол Айдар Сапаров. Он напомнил слова президента Казахстана "
               "Нурлана Сапарбекова о дружбе народов.", "Сапарбеков"),
        ("az", "Görüşdə sədr Natiq Məmmədov çıxış edib və Heydər Əliyevin sözlərini xatırladıb.",
         "Əliyev"),
        ("kk", "Жиында директор Әлібек Серіков Мұхтар Әуезовтың 125 жылдығына арналған іс-шаралар "
               "туралы айтты.", "Әуезов"),
        # a programme's name is no person
        ("az", "Görüşdə sədr Natiq Məmmədov Diaspor Potensialı proqramını təqdim edib.",
         "Potensial"),
    ],
)  # fmt: skip
def test_people_only_quoted_recalled_or_commemorated_are_not_participants(lang, text, absent):
    names = " ".join(_people(_record(text, lang)))
    assert absent not in names


@pytest.mark.parametrize(
    ("lang", "text", "name", "role", "org", "country"),
    [
        # a title after the name's comma
        ("ru", "Айдар Касымов, председатель управления Министерства культуры Узбекистана, "
               "открыл выставку.", "Айдар Касымов", "председатель",
         "управление Министерства культуры Узбекистана", "UZ"),
        ("uz", "Abdulla Ho'ja, Turon uyushmasi raisi, tadbirda soʻzga chiqdi.",
         "Abdulla Ho'ja", "raisi", "Turon uyushmasi", None),
        # a Russian title in the nominative, the quoted name after the head in the body's name
        ("ru", "Председатель комитета встретился с президентом Фонда \"Достар\" Республики "
               "Казахстан Асхатом Нурлановым.", "Асхат Нурланов", "президент",
         "Фонд \"Достар\" Республики Казахстан", "KZ"),
        # "the same Committee's": the committee named before
        ("tr", "Toplantıya Azerbaycan Diaspora İşlerinden Sorumlu Devlet Komitesi Başkanı Elçin "
               "Aliyev, aynı Komitenin Başkan Yardımcısı Kemal Hasanov katıldı.", "Kemal Hasanov",
         "Başkan Yardımcısı", "Azerbaycan Diaspora İşlerinden Sorumlu Devlet Komitesi", "AZ"),
        # a quoted name before a Turkic head, and an event word that is also a word of names
        ("ky", "Жыйынга «Ала-Тоо» бирикмесинин маданий борборунун директору Асан Усенов катышты.",
         "Асан Усенов", "директору", "«Ала-Тоо» бирикмесинин маданий борбору", None),
    ],
)  # fmt: skip
def test_title_institution_and_state_of_a_person(lang, text, name, role, org, country):
    _assert_person(text, lang, name, role, org, country)


@pytest.mark.parametrize(
    ("lang", "text", "org", "absent"),
    [
        # a lower-case plural head names a kind of body, not one body
        ("ru", "В Будапеште прошло заседание, где диаспоральные институты Организации тюркских "
               "государств обсудили планы.", "Организация тюркских государств",
         "диаспоральные институты"),
        # a Turkic name opens capitalised
        ("kk", "Жиында үйлестіру кеңесі Астанадағы ТҮРКСОЙ хатшылығы туралы айтылды.",
         "Астанадағы ТҮРКСОЙ хатшылығы", "кеңесі"),
    ],
)  # fmt: skip
def test_institution_names_are_names_of_one_body(lang, text, org, absent):
    orgs = _orgs(_record(text, lang))
    assert org in orgs, orgs
    assert not [o for o in orgs if o.startswith(absent)]


def test_a_town_among_a_persons_names_gives_no_state():
    text = "Tədbirdə Mustafa Kamal Atatürk və Natiq Əliyev haqqında danışılıb."
    record = _record(text, "az")
    assert _people(record)["Natiq Əliyev"]["country"] is None
    assert "ID" not in _countries(record)


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        ("kk", "Konferensııaǵa Á.Bókeıhan atyndaǵy Batys Qazaqstan ýnıversıtetiniń rektory "
               "Asqar Serikov qatysty.", "Á.Bókeıhan atyndaǵy Batys Qazaqstan ýnıversıteti"),
        ("az", "Tədbirdə Nizami Gəncəvi adına Bakı Mədəniyyət Mərkəzinin direktoru Elçin "
               "Quliyev çıxış edib.", "Nizami Gəncəvi adına Bakı Mədəniyyət Mərkəzi"),
    ],
)  # fmt: skip
def test_the_person_a_body_is_named_after_opens_its_name(lang, text, org):
    assert org in _orgs(_record(text, lang))


def test_a_news_agency_cited_as_the_source_is_no_institution():
    text = "“Trend” agentliyinin məlumatına görə, Komitənin sədri Elçin Quliyev çıxış edib."
    assert not [o for o in _orgs(_record(text, "az")) if "Trend" in o]


def test_a_head_inside_a_quoted_title_joins_no_name_before_the_quote():
    text = 'İclasda Diaspor Komitəsinin "Gənclər Şurası Fəaliyyət Planı" layihəsi müzakirə olunub.'
    assert not [o for o in _orgs(_record(text, "az")) if '"' in o]


def test_a_plural_demonym_is_a_word_of_an_associations_name():
    text = "Tadbirda Germaniyadagi oʻzbekistonliklar uyushmasi raisi Botir Karimov soʻzga chiqdi."
    assert "Germaniyadagi oʻzbekistonliklar uyushmasi" in _orgs(_record(text, "uz"))


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("ru", "Турцию на заседании представили посол Айдар Сапаров и советник Али Демиров.",
         "Айдар Сапаров", "TR"),
        ("az", "Görüşdə Qazaxıstanı səfir Asqar Serikov təmsil edib.", "Asqar Serikov", "KZ"),
    ],
)  # fmt: skip
def test_the_state_a_sentence_says_its_people_represented(lang, text, name, country):
    assert _people(_record(text, lang))[name]["country"] == country


def test_a_speakers_own_words_do_not_make_him_recalled():
    text = "Komitənin sədri Natiq Məmmədov sözlərinə davam edərək əməkdaşlığı vurğulayıb."
    assert "Natiq Məmmədov" in _people(_record(text, "az"))


def test_a_state_in_the_ablative_is_whose_the_official_is():
    text = "Toplantıya Kazakistan’dan Başkan Yardımcısı Aydın Serikov katıldı."
    assert _people(_record(text, "tr"))["Aydın Serikov"]["country"] == "KZ"


@pytest.mark.parametrize(
    ("lang", "text", "name", "role", "org", "country"),
    [
        # a first name that starts like a title word ("elçi", an envoy)
        ("tr", "Toplantıya Azerbaycan Diaspora Komitesi Başkanı Fuad Muradov ve Başkan "
               "Yardımcısı Elçin Quliyev katıldı.", "Elçin Quliyev", "Başkan Yardımcısı",
         "Azerbaycan Diaspora Komitesi", "AZ"),
        # "and" joins two people, not two titles; an envoy speaks for a state, not a body
        ("az", "Tədbirdə Qazaxıstan səfirliyinin müşaviri Asqar Serikov və səfir Elçin Quliyev "
               "iştirak edib.", "Elçin Quliyev", "səfir", None, "KZ"),
        # "at the meeting" names no ministry
        ("uz", "Uchrashuvda vazir oʻrinbosari Elchin Karimov soʻzga chiqdi.", "Elchin Karimov",
         "vazir oʻrinbosari", None, "UZ"),
    ],
)  # fmt: skip
def test_a_title_joined_by_and_to_a_named_body_is_a_title_in_it(
    lang, text, name, role, org, country
):
    person = _people(_record(text, lang))[name]
    assert (person["role"], person["organization"], person["country"]) == (role, org, country)


@pytest.mark.parametrize(
    ("lang", "text", "name", "role", "org", "country"),
    [
        # a word of respect between the title and the name is neither
        ("tr", "Toplantıya Kültür Bakanı Sayın Ayşe Kara Demirtaş katıldı.",
         "Ayşe Kara Demirtaş", "Bakanı", "Kültür Bakanlığı", "TR"),
        ("az", "Tədbirdə Hörmətli Kamran Əhmədov çıxış edib.", "Kamran Əhmədov", None, None, None),
        # a title word in the genitive names the minister's ministry, of the press's own state
        ("uz", "Таълим вазирининг ўринбосари Ботир Каримов ватандошлар билан учрашди.",
         "Ботир Каримов", "вазирининг ўринбосари", "Таълим вазирлиги", "UZ"),
        ("kk", "Мәдениет министрінің орынбасары Ерлан Сейітов жиынға қатысты.",
         "Ерлан Сейітов", "министрінің орынбасары", "Мәдениет министрлігі", "KZ"),
        # the parliament named by its own name is the state's
        ("ky", "Жогорку Кеңештин депутаты Нурлан Осмонов жолугушууга катышты.",
         "Нурлан Осмонов", "депутаты", "Жогорку Кеңеш", "KG"),
        # an occupation is a title, but of no state's office
        ("ky", "Ишкер Бакыт Осмонов форумда сөз сүйлөдү.", "Бакыт Осмонов", "Ишкер", None, None),
        ("uz", "Tadbirda tadbirkor Jasur Qodirov soʻzga chiqdi.",
         "Jasur Qodirov", "tadbirkor", None, None),
    ],
)  # fmt: skip
def test_honorifics_occupations_and_titles_in_the_genitive(lang, text, name, role, org, country):
    _assert_person(text, lang, name, role, org, country)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a woman's surname with a case ending after its "-a" keeps the "-a"
        ("az", "Fondun vitse-prezidenti Günay Həsənovanın çıxışı ilə sərgi açılıb.",
         "Günay Həsənova"),
        ("uz", "Jamgʻarma raisi Dilnoza Rahimovaning taklifi bilan uchrashuv boʻldi.",
         "Dilnoza Rahimova"),
        # "-a" after a front-vowel stem is no dative ("-ə" is): the woman's surname
        ("az", "Bakıda Fondun vitse-prezidenti Aynur Quliyeva Azərbaycan icması ilə görüşüb.",
         "Aynur Quliyeva"),
        # the instrumental of a Kazakh name in the Latin alphabet
        ("kk", "Mınıstr Serik Jaqsylyqov hatshy Erlan Ábdiqadyrovpen kezdesti.",
         "Erlan Ábdiqadyrov"),
    ],
)  # fmt: skip
def test_names_lose_their_case_endings_but_not_a_womans_a(lang, text, name):
    assert name in _people(_record(text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "org", "country"),
    [
        # a plural of a word of names stands inside the name
        ("uz", "Yigʻilishda Turkiy davlatlar tashkiloti (TDT) Bosh kotibi Anvar Rasulov ishtirok "
               "etdi.", "Turkiy davlatlar tashkiloti (TDT)", None),
        # an adjective of a state's name stands inside the name and gives it its state
        ("uz", "Anjumanda Butunjahon rossiyalik vatandoshlar kengashi raisi Ivan Petrov soʻzga "
               "chiqdi.", "Butunjahon rossiyalik vatandoshlar kengashi", "RU"),
        # an abstract noun stands inside a name
        ("kk", "Astanada hatshy Aıgúl Sadyqova Túrkitildes memleketter yntymaqtastyǵy "
               "keńesiniń bas hatshysy Erlan Ábdiqadyrovpen kezdesti.",
         "Túrkitildes memleketter yntymaqtastyǵy keńesi", None),
        # "and" ("jáne") inside a ministry's field is no dative
        ("kk", "Jıynǵa Ázerbaıjan Mádenıet jáne týrızm mınıstri Anar Kerimov qatysty.",
         "Ázerbaıjan Mádenıet jáne týrızm mınıstrligi", "AZ"),
        # a verbal noun stands inside a name
        ("uz", "Toshkentda Xalqaro muvofiqlashtirish kengashi raisi Ivan Petrov soʻzga chiqdi.",
         "Xalqaro muvofiqlashtirish kengashi", None),
        # an adjective of a word of names ("madaniy" of "madaniyat") stands inside it too
        ("uz", "Tadbirda Turkiya madaniy markazi rahbari Kemal Yilmaz ishtirok etdi.",
         "Turkiya madaniy markazi", "TR"),
    ],
)  # fmt: skip
def test_lower_case_words_made_from_words_of_names_stay_inside_the_name(lang, text, org, country):
    orgs = _orgs(_record(text, lang))
    assert orgs.get(org, "missing") == country, orgs


@pytest.mark.parametrize(
    ("lang", "text", "name", "role", "org", "country"),
    [
        # an adjective that is likelier read as a noun ("главное") opens the name it agrees with
        ("ru", "В Анкаре посол встретился с начальником Главного управления по делам молодежи "
               "Турции Эмре Кайя.", "Эмре Кайя", "начальник",
         "Главное управление по делам молодежи Турции", "TR"),
        # "his deputy": a title in the body of the person named before; a surname the
        # dictionary only guesses as an adjective ("Сабитовым") is a surname
        ("ru", "В Казани прошла встреча с председателем Фонда \"Мирас\" Республики Казахстан "
               "Ерланом Сабитовым и его заместителем Маратом Исаевым.", "Марат Исаев",
         "заместитель", "Фонд \"Мирас\" Республики Казахстан", "KZ"),
    ],
)  # fmt: skip
def test_russian_adjectives_and_possessives_around_titles(lang, text, name, role, org, country):
    _assert_person(text, lang, name, role, org, country)


def test_a_catalog_body_is_known_with_its_abbreviation_after_it():
    text = (
        "Председатель Государственного комитета по работе с диаспорой (ГКРД) Эльмир "
        "Гасанов посетил Москву."
    )
    person = _people(_record(text, "ru"))["Эльмир Гасанов"]
    assert person["country"] == "AZ"


def test_a_quotation_mark_left_open_quotes_no_name():
    text = (
        "« Барча хабарлар Маданият вазирининг ўринбосари Ботир Каримов ватандошлар билан учрашди."
    )
    assert "Ботир Каримов" in _people(_record(text, "uz"))


@pytest.mark.parametrize(
    ("lang", "text", "name", "role", "org", "country"),
    [
        # the capitalised words of a body's name after a titled name open the body's name
        ("az", "Komitənin sədri Elnur Həsənov Gəncə Mədəniyyət Dərnəyinin təsisçisi Orxan "
               "Kərimli ilə görüşüb.", "Orxan Kərimli", "təsisçisi", "Gəncə Mədəniyyət Dərnəyi",
         "AZ"),
        # a state's name quoted as a body's name gives the person no state; the body's does
        ("ky", "Форумда Түркиядагы “Кыргызстан” достук жана маданият коомунун негиздөөчүсү "
               "Айбек Сарыгул сөз сүйлөдү.", "Айбек Сарыгул", "негиздөөчүсү",
         "Түркиядагы “Кыргызстан” достук жана маданият коому", "TR"),
    ],
)  # fmt: skip
def test_founders_of_bodies_named_after_places(lang, text, name, role, org, country):
    people = _assert_person(text, lang, name, role, org, country)
    assert "Elnur Həsənov Gəncə" not in people


@pytest.mark.parametrize(
    ("lang", "text", "name", "role", "org", "country"),
    [
        # "acting" abbreviated between the title and the name; the sentence's opening adverb
        # is no word of the ministry's name
        ("uz", "Kecha O‘zbekiston Respublikasi Madaniyat vaziri v.b. Anvar Karimov Toshkentda "
               "mehmonni qabul qildi.", "Anvar Karimov", "vaziri v.b.",
         "O‘zbekiston Respublikasi Madaniyat vazirligi", "UZ"),
        # academic abbreviations belong to the title, their dots end no sentence
        ("tr", "Ankara'da Rektör Prof. Dr. Ali Veli Kaya konuşma yaptı.", "Ali Veli Kaya",
         "Rektör Prof. Dr.", None, "TR"),
        # a rector with no body of his own heads the university the sentence named
        ("tr", "Heyet, Bakü Devlet Üniversitesi'ni ziyaret ederek Rektör Elçin Babayev ile "
               "görüştü.", "Elçin Babayev", "Rektör", "Bakü Devlet Üniversitesi", "AZ"),
    ],
)  # fmt: skip
def test_abbreviations_in_titles(lang, text, name, role, org, country):
    _assert_person(text, lang, name, role, org, country)


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        # names in the genitive joined by "and", then what is theirs: mentioned, not present
        ("az", "Komitə sədri Elnur Həsənov icmaların Prezident Rauf Məmmədovun və Birinci "
               "vitse-prezident Aynur Quliyevanın qayğısı ilə əhatə olduğunu vurğulayıb.",
         {"Rauf Məmmədov", "Aynur Quliyeva"}),
        # a work of the person's quoted by its title
        ("kk", "Júzdesý barysynda hatshy Aıgúl Sadyqova Prezıdent Nurlan Ábdirovtyń «Uly dala» "
               "atty maqalasyndaǵy sózderin atap ótti.", {"Nurlan Ábdirov"}),
    ],
)  # fmt: skip
def test_people_whose_care_or_writings_are_mentioned_are_not_present(lang, text, absent):
    people = _people(_record(text, lang))
    assert not absent & set(people), people


def test_a_person_named_first_untitled_takes_the_title_of_a_later_mention():
    text = (
        "«Biz kitaphana ashamyz», - dedi Nurtaı Ábiqaev jıynda. Sodan soń Otandastar qory "
        "prezıdenti Nurtaı Ábiqaev pen QR Mádenıet mınıstri Arman Seıitov memorandýmǵa qol "
        "qoıdy."
    )
    person = _people(_record(text, "kk"))["Nurtaı Ábiqaev"]
    assert (person["role"], person["country"]) == ("prezıdenti", "KZ")


@pytest.mark.parametrize(
    ("lang", "text", "name", "org"),
    [
        # a name in a case, or before an abbreviation, opens no body's name
        ("tr", "Türk Konseyi Genel Sekreter Yardımcısı Ahmet Kocaman'ın YTB Başkan Yardımcısı "
               "Veli Demir ile görüşmesi yapıldı.", "Veli Demir", "YTB"),
        ("tr", "Türk Konseyi Genel Sekreter Yardımcısı Ahmet Kocaman YTB Başkan Yardımcısı "
               "Veli Demir ile görüştü.", "Ahmet Kocaman", "Türk Konseyi"),
        # "today" opening the sentence is no word of the quoted name after it
        ("kk", "Búgin «Otandastar qory» KEAQ prezıdenti Nurtaı Ábiqaev memorandýmǵa qol qoıdy.",
         "Nurtaı Ábiqaev", "«Otandastar qory» KEAQ"),
    ],
)  # fmt: skip
def test_where_a_persons_name_ends_and_a_bodys_begins(lang, text, name, org):
    people = _people(_record(text, lang))
    assert name in people, people
    assert people[name]["organization"] == org


def test_a_states_full_name_is_no_body():
    record = _record("Bakıda Rusiya Federasiyası səfiri İvan Petrov çıxış edib.", "az")
    assert "Rusiya Federasiyası" not in _orgs(record)
    assert _people(record)["İvan Petrov"]["country"] == "RU"


def test_a_kazakh_latin_vice_minister_names_the_ministry():
    text = "Jıynǵa Ázerbaıjan Jastar jáne sport vıtse-mınıstri Ismaıl Ismaılov qatysty."
    person = _people(_record(text, "kk"))["Ismaıl Ismaılov"]
    assert person["organization"] == "Ázerbaıjan Jastar jáne sport mınıstrligi"
    assert person["country"] == "AZ"


def test_a_body_named_again_with_its_state_takes_that_state():
    text = (
        "Tadbirda Rus madaniy markazi vakillari qatnashdi. Anjumanda O‘zbekistondagi Rus "
        "madaniy markazi raisi Ivan Petrov soʻzga chiqdi."
    )
    assert _orgs(_record(text, "uz")) == {"O‘zbekistondagi Rus madaniy markazi": "UZ"}


@pytest.mark.parametrize(
    ("lang", "text", "org"),
    [
        # a public association, in the genitive after its adjectives
        ("ru", "В Казани председатель Татарского общественного объединения Ильдар Гарипов "
               "встретился с гостями.", "Татарское общественное объединение"),
        # a representation office, before the body it represents
        ("ru", "Встреча прошла при поддержке Представительства Агентства по делам молодёжи.",
         "Представительство Агентства по делам молодёжи"),
        # a society
        ("tr", "Toplantıya Ahıska Türkleri Kültür ve Dayanışma Cemiyeti Başkanı Ali Yılmaz "
               "katıldı.", "Ahıska Türkleri Kültür ve Dayanışma Cemiyeti"),
        # a club, in the genitive
        ("az", "Tədbirdə Bakı Azərbaycan-Türk Dostluq Klubunun sədri Elçin Məmmədov çıxış edib.",
         "Bakı Azərbaycan-Türk Dostluq Klubu"),
        # a society, in Cyrillic and in Latin
        ("kk", "Кездесуге «Достық» қоғамының төрағасы Ерлан Сейітов қатысты.", "«Достық» қоғамы"),
        ("kk", "Kezdesýge «Dostyq» qoǵamynyń tóraǵasy Erlan Seıitov qatysty.", "«Dostyq» qoǵamy"),
        # a union, and a city's administration
        ("kk", "Кездесуге Қазақ Мәдени Орталықтары Одағының төрағасы Ерлан Сейітов қатысты.",
         "Қазақ Мәдени Орталықтары Одағы"),
        ("ky", "Жолугушууга «Ала-Тоо» биримдигинин төрагасы Асан Усенов катышты.",
         "«Ала-Тоо» биримдиги"),
        ("ky", "Жолугушууга Бишкек Шаардык Администрациясынын өкүлдөрү катышты.",
         "Бишкек Шаардык Администрациясы"),
        # a union, in Latin and in the Cyrillic made from it
        ("uz", "Uchrashuvda Oʻzbek Madaniyat Markazlari Ittifoqi raisi Anvar Karimov soʻzga "
               "chiqdi.", "Oʻzbek Madaniyat Markazlari Ittifoqi"),
        ("uz", "Учрашувда Ўзбек Маданият Марказлари Иттифоқи раиси Анвар Каримов сўзга чиқди.",
         "Ўзбек Маданият Марказлари Иттифоқи"),
    ],
)  # fmt: skip
def test_more_kinds_of_body_end_a_name(lang, text, org):
    assert org in _orgs(_record(text, lang))
