"""Folding and transliteration: one key for the spellings of one name.

`to_latin` gives a readable Latin form of Cyrillic text. It follows BGN/PCGN for Russian
(ж zh, х kh, ц ts, щ shch, ы y, е as ye at the start of a word and after a vowel) and the
Turkic letters as their own Latin alphabets write them (Kazakh қ q, ғ gh, ң ng, ә ä, ө ö,
ү ü, ұ u, і i; Uzbek ў oʻ, ҳ h). The soft and hard signs are dropped, as passports do.

`fold` builds the matching key: transliterate, strip diacritics, then collapse the Turkic
Latin orthographies (Turkish, Azerbaijani, Kazakh, Uzbek, Turkmen) and the usual English and
Russian renderings of them into one spelling per word. `skeleton` is a coarser key of one
folded word, for blocking and for telling an extended name (Rustambek) from its stem.
A name that may be read in more than one orthography has a key for each
(ortak.names.readings).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Lowercase Cyrillic letters and their Latin form; "е" and "ё" depend on the letter before.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh, Kyrgyz, Uzbek, Tajik, Tatar, Bashkir and Azerbaijani Cyrillic letters.
    "ә": "ä", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "ö", "ұ": "u", "ү": "ü", "һ": "h",
    "і": "i", "ў": "oʻ", "ҳ": "h", "ҷ": "j", "ҹ": "j", "ј": "y", "ҝ": "g", "җ": "zh",
    "ҙ": "z", "ҫ": "s", "ҡ": "q", "ӣ": "i", "ӯ": "u", "ӈ": "ng", "ҥ": "ng", "ӧ": "ö",
    "ӱ": "ü", "ӑ": "a", "ӗ": "e", "ӳ": "ü", "є": "ye", "ї": "yi", "ґ": "g",
}  # fmt: skip
_CYRILLIC_VOWELS = set("аеёиоуыэюяәөұүіӯӣєї")
_HUSHING = set("жчшщ")  # after these ё is heard as o: Горбачёв -> Gorbachov


def _cyrillic_e(letter: str, before: str) -> str:
    """ "е" and "ё" as BGN writes them: ye/yo after a vowel, a sign or at a word start."""
    if letter == "ё" and before in _HUSHING:
        return "o"
    iotated = not before.isalpha() or before in _CYRILLIC_VOWELS or before in "ъь"
    if letter == "е":
        return "ye" if iotated else "e"
    return "yo"


def _latin_case(latin: str, text: str, index: int) -> str:
    """The case of an uppercase Cyrillic letter carried to its Latin letters.

    "Жаркынай" -> "Zharkynay" but "ЖАРКЫНАЙ" -> "ZHARKYNAY": a word written in capitals
    stays in capitals, a capital initial becomes a capital first letter only.
    """
    after = text[index + 1] if index + 1 < len(text) else ""
    before = text[index - 1] if index else ""
    if after.isupper() or (before.isupper() and not after.islower()):
        return latin.upper()
    return latin[:1].upper() + latin[1:]


def to_latin(text: str) -> str:
    """A readable Latin transliteration of the Cyrillic in `text`; other text is kept.

    "Равшанбек Сабиров" -> "Ravshanbek Sabirov", "Жаркынай" -> "Zharkynay",
    "Қазақстан" -> "Qazaqstan", "Ўзбекистон" -> "Oʻzbekiston". Case is kept.
    """
    out = []
    for index, char in enumerate(text):
        lower = char.lower()
        if lower in "её":
            latin = _cyrillic_e(lower, text[index - 1].lower() if index else "")
        elif lower in _CYRILLIC:
            latin = _CYRILLIC[lower]
        else:
            out.append(char)
            continue
        out.append(_latin_case(latin, text, index) if char.isupper() else latin)
    return "".join(out)


# Letters that do not decompose into a base letter and a mark; ž and ñ are whole sounds
# (Kazakh and Turkmen ž = zh, ñ/ň = ng), so they are spelled out before marks are dropped.
_SPELLED_OUT = str.maketrans(
    {
        "ı": "i", "ə": "a", "ǝ": "a", "ž": "zh", "ñ": "ng", "ň": "ng", "ŋ": "ng",
        "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h",
    }
)  # fmt: skip
# Apostrophes and modifier letters vanish: Oʻzbekiston, Ma'ruf, O'Brien, El'shad.
_APOSTROPHES = re.compile("['‘’ʻʼʽ`´ʹʺ′‛]")
# Multi-letter spellings of one sound, longest first; `_CONSONANTS` gives the key letter.
# ç, c (Turkish, Azerbaijani), ch, j, zh, dzh and Hungarian cs all become "j": the
# orthographies of the region spell the same name with any of them (Kocaman, Kojaman,
# Çiviler, Chiviler; Zharkynay, Jarkınay). Likewise ş/sh/s (Şuşa, Shusha, Susa when the
# cedilla is lost), kh/x/h (Khazar, Xəzər, Hazar), gh/ğ/g, q/k and w/v. Hungarian zs is
# left out: it would turn Kyrgyzstan into Kyrgyjtan; sz before h is s and zh (Aszhan, Асжан,
# not Asan).
_CONSONANT = re.compile("dzh|dj|sh|ch|zh|kh|gh|cs|sz(?!h)|c|x|q|w")
_CONSONANTS = {
    "dzh": "j", "dj": "j", "sh": "s", "ch": "j", "zh": "j", "kh": "h", "gh": "g",
    "cs": "j", "sz": "s", "c": "j", "x": "h", "q": "k", "w": "v",
}  # fmt: skip
# The y and i rules, in order, each with why; they run after the consonants above.
_RULES = (
    (re.compile("yy"), "yi"),  # Йылдырым -> Yyldyrym: the second y is the vowel ы
    (re.compile("(?<=i)y(?=[aeiou])"), ""),  # Aliyev/Aliev, Aliya/Alia
    (re.compile("(?<=[aeiou])ye|^ye"), "e"),  # Imanbayev/Imanbaev, Yerlan/Erlan
    (re.compile("(?<=[^aeiouy])ye"), "ie"),  # Grigoryev/Grigoriev
    (re.compile("(?<=[^aeiouy])y(?=[ou])"), ""),  # Гёзалов, Тюрк: Russian ё, ю for ö, ü
    # y is a vowel (Russian ы, Turkish ı) when no vowel stands beside it: Kyrgyz, Bakyt.
    (re.compile("(?<=[^aeiou])y(?=[^aeiou]|$)|^y(?=[^aeiou])"), "i"),
    # i after a vowel and before a consonant is the glide y: Meiram/Meyram, Kairat/Kayrat.
    (re.compile("(?<=[aeou])i(?=[^aeiou]|$)"), "y"),
    (re.compile("iy$"), "i"),  # Dmitriy/Dmitri
    (re.compile("iston$"), "istan"),  # Uzbek and Tajik -iston is -istan
    (re.compile(r"(.)\1+"), r"\1"),  # Binnatova/Binatova, Hassan/Hasan
)


def _letters(text: str) -> str:
    """Lowercase text with diacritics and apostrophes gone and punctuation as spaces.

    İ is lowered by hand: str.lower() turns it into i and a combining dot, whatever the
    locale, and the dot is dropped with the other marks below.
    """
    text = text.replace("İ", "i").replace("I", "i").lower().translate(_SPELLED_OUT)
    text = _APOSTROPHES.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return "".join(kept)


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """One lowercase word in the key spelling; rules repeat until nothing changes.

    Cached: a registry repeats its first names and surname endings many times.
    """
    for _ in range(4):
        before = word
        word = _CONSONANT.sub(lambda m: _CONSONANTS[m.group()], word)
        if len(word) == 1:
            return word  # an initial: "Y." must stay y to agree with Yusuf
        for pattern, replacement in _RULES:
            word = pattern.sub(replacement, word)
        if word == before:
            break
    return word


def fold(text: str) -> str:
    """The matching key of a name: lowercase ASCII words separated by single spaces.

    Spellings of one name across scripts and orthographies fold alike: "Çiviler",
    "Civiler", "Chiviler" and "Чивилер" all give "jiviler"; "Aliyev", "Aliev" and "Алиев"
    give "aliev". Different names stay apart: "Aliyeva" gives "alieva". Letters of scripts
    other than Latin and Cyrillic are kept, lowercased, so that distinct names in them do
    not all fold to nothing. fold(fold(x)) == fold(x).
    """
    words = (_fold_word(word) for word in _letters(to_latin(text)).split())
    return " ".join(word for word in words if word)


def tokens(text: str) -> list[str]:
    """The folded words of `text`: tokens("F. Muradov") == ["f", "muradov"]."""
    return fold(text).split()


# The skeleton merges what transliteration blurs inside a folded word: the vowels a e o u
# (Uzbek Toshkent/Tashkent, Oʻzbek/Uzbek, Azerbaijani ə as a or e), k g h (Azerbaijani q
# written g, Russian г for h: Гейдар/Heydar), d/t and b/p (final devoicing: Murad/Murat).
_SKELETON = str.maketrans("eougqhdb", "aaakkktp")


def skeleton(word: str) -> str:
    """A coarse key of one folded word, for blocking candidates and stem checks."""
    return re.sub(r"(.)\1+", r"\1", word.translate(_SKELETON))
