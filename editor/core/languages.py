"""ISO 639-1 language codes: which are real, and what they are called.

Any real language is accepted for an article (a newsroom may receive a piece in
Polish before it has a Polish site); the *site* languages are a setting.
"""

from __future__ import annotations

# ISO 639-1: two-letter code -> English name.
_NAMES = dict(
    item.split(":")
    for item in (
        "aa:Afar ab:Abkhazian ae:Avestan af:Afrikaans ak:Akan am:Amharic an:Aragonese "
        "ar:Arabic as:Assamese av:Avaric ay:Aymara az:Azerbaijani ba:Bashkir be:Belarusian "
        "bg:Bulgarian bi:Bislama bm:Bambara bn:Bengali bo:Tibetan br:Breton bs:Bosnian "
        "ca:Catalan ce:Chechen ch:Chamorro co:Corsican cr:Cree cs:Czech cu:Church_Slavic "
        "cv:Chuvash cy:Welsh da:Danish de:German dv:Divehi dz:Dzongkha ee:Ewe el:Greek "
        "en:English eo:Esperanto es:Spanish et:Estonian eu:Basque fa:Persian ff:Fulah "
        "fi:Finnish fj:Fijian fo:Faroese fr:French fy:Western_Frisian ga:Irish gd:Gaelic "
        "gl:Galician gn:Guarani gu:Gujarati gv:Manx ha:Hausa he:Hebrew hi:Hindi ho:Hiri_Motu "
        "hr:Croatian ht:Haitian hu:Hungarian hy:Armenian hz:Herero ia:Interlingua "
        "id:Indonesian ie:Interlingue ig:Igbo ii:Sichuan_Yi ik:Inupiaq io:Ido is:Icelandic "
        "it:Italian iu:Inuktitut ja:Japanese jv:Javanese ka:Georgian kg:Kongo ki:Kikuyu "
        "kj:Kuanyama kk:Kazakh kl:Kalaallisut km:Khmer kn:Kannada ko:Korean kr:Kanuri "
        "ks:Kashmiri ku:Kurdish kv:Komi kw:Cornish ky:Kyrgyz la:Latin lb:Luxembourgish "
        "lg:Ganda li:Limburgish ln:Lingala lo:Lao lt:Lithuanian lu:Luba-Katanga lv:Latvian "
        "mg:Malagasy mh:Marshallese mi:Maori mk:Macedonian ml:Malayalam mn:Mongolian "
        "mr:Marathi ms:Malay mt:Maltese my:Burmese na:Nauru nb:Norwegian_Bokmål "
        "nd:North_Ndebele ne:Nepali ng:Ndonga nl:Dutch nn:Norwegian_Nynorsk no:Norwegian "
        "nr:South_Ndebele nv:Navajo ny:Chichewa oc:Occitan oj:Ojibwa om:Oromo or:Oriya "
        "os:Ossetian pa:Punjabi pi:Pali pl:Polish ps:Pashto pt:Portuguese qu:Quechua "
        "rm:Romansh rn:Rundi ro:Romanian ru:Russian rw:Kinyarwanda sa:Sanskrit sc:Sardinian "
        "sd:Sindhi se:Northern_Sami sg:Sango si:Sinhala sk:Slovak sl:Slovenian sm:Samoan "
        "sn:Shona so:Somali sq:Albanian sr:Serbian ss:Swati st:Southern_Sotho su:Sundanese "
        "sv:Swedish sw:Swahili ta:Tamil te:Telugu tg:Tajik th:Thai ti:Tigrinya tk:Turkmen "
        "tl:Tagalog tn:Tswana to:Tonga tr:Turkish ts:Tsonga tt:Tatar tw:Twi ty:Tahitian "
        "ug:Uyghur uk:Ukrainian ur:Urdu uz:Uzbek ve:Venda vi:Vietnamese vo:Volapük "
        "wa:Walloon wo:Wolof xh:Xhosa yi:Yiddish yo:Yoruba za:Zhuang zh:Chinese zu:Zulu"
    ).split()
)
LANGUAGE_NAMES: dict[str, str] = {code: name.replace("_", " ") for code, name in _NAMES.items()}

# Languages the newsroom publishes in when nothing else is configured.
DEFAULT_SITE_LANGUAGES: tuple[str, ...] = ("de", "en")


def normalize_language(code: str) -> str:
    """The ISO 639-1 code for ``code`` ("DE", "de-AT", "de_CH" -> "de").

    Raises ``ValueError`` with a readable message for an unknown code.
    """
    base = (code or "").strip().replace("_", "-").split("-")[0].lower()
    if base not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language code {code!r} (expected ISO 639-1, e.g. 'de', 'en')")
    return base


def is_language(code: str) -> bool:
    try:
        normalize_language(code)
    except ValueError:
        return False
    return True


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
