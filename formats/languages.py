"""Language names as sources write them (English, ISO 639-2, Chinese, babel) as CSL codes."""

from __future__ import annotations

_CODES = {
    "en": ("english", "eng", "英文", "英语", "usenglish", "ukenglish"),
    "en-US": ("american",),
    "en-GB": ("british",),
    "zh-CN": ("chinese", "chi", "zho", "中文", "汉语", "简体中文"),
    "zh-TW": ("繁体中文", "繁體中文"),
    "de": ("german", "ger", "deu", "德文", "德语"),
    "de-DE": ("ngerman",),
    "de-AT": ("naustrian",),
    "fr": ("french", "fre", "fra", "法文", "法语"),
    "es": ("spanish", "spa"),
    "pt": ("portuguese", "por"),
    "pt-BR": ("brazilian",),
    "it": ("italian", "ita"),
    "nl": ("dutch", "dut", "nld"),
    "ru": ("russian", "rus", "俄文", "俄语"),
    "ja": ("japanese", "jpn", "日文", "日语"),
    "ko": ("korean", "kor", "韩文", "朝鲜语"),
    "pl": ("polish", "pol"),
    "tr": ("turkish", "tur"),
    "sv": ("swedish", "swe"),
    "da": ("danish", "dan"),
    "fi": ("finnish", "fin"),
    "nb": ("norsk", "norwegian", "nor"),
    "cs": ("czech", "cze", "ces"),
    "el": ("greek", "gre", "ell"),
    "hu": ("magyar", "hungarian", "hun"),
    "la": ("latin", "lat"),
    "uk": ("ukrainian", "ukr"),
    "ca": ("catalan", "cat"),
    "hr": ("croatian", "hrv"),
    "sk": ("slovak", "slo", "slk"),
    "ar": ("arabic", "ara"),
}
_BY_NAME = {name: code for code, names in _CODES.items() for name in names}


def language_code(name: str) -> str:
    """``English``, ``eng``, ``中文``, ``ngerman`` → ``en``, ``en``, ``zh-CN``, ``de-DE``; a name
    not in the table is returned as given (it may already be a code)."""
    text = name.strip()
    return _BY_NAME.get(text.lower(), text)
