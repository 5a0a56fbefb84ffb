"""Personal and organisational names as they appear in records, parsed into `Name` parts."""

from __future__ import annotations

import re

from .record import ET_AL, Name

# Two-character Chinese surnames; any other Han-script name takes its first character as the
# family name.
COMPOUND_SURNAMES = frozenset("""
欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 闾丘 端木 百里
东郭 南宫 西门 独孤 呼延 澹台 公冶 宗政 濮阳 太叔 申屠 万俟 淳于 单于 赫连 拓跋 司空 公羊 第五
羊舌 亓官 司寇 子车 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 夹谷 巫马 公西 梁丘 左丘 东门 微生 公仪
段干 归海 南门 呼衍 完颜 鲜于 闻人 仲孙 叔孙 即墨 达奚 褚师 乐羊 万俟 贺兰 纳兰
""".split())

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd"})

# Words that mark a name as an organisation's rather than a person's.
ORGANISATION_WORDS = frozenset("""
academy agency association board bureau center centre collaboration commission committee
community company consortium corporation council department foundation group inc institute
institution laboratory league ltd ministry network office organisation organization panel
project society team union university
""".split())

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"\s+")


def is_han(text: str) -> bool:
    """Whether `text` contains Chinese (Han) characters."""
    return bool(HAN.search(text))


def parse_name(text: str, affiliations: tuple[str, ...] = ()) -> Name:
    """Parse one name: ``Family, Given``, ``Given Family``, a Han-script name, or an organisation.

    >>> parse_name("van der Berg, Jan").non_dropping_particle
    'van der'
    >>> parse_name("欧阳修").family
    '欧阳'
    """
    text = _SPACES.sub(" ", text).strip().strip(",;").strip()
    if not text:
        return Name(affiliations=affiliations)
    if is_han(text) and "," not in text:
        return _han_name(text, affiliations)
    if "," in text:
        return _inverted_name(text, affiliations)
    if is_organisation(text):
        return Name(literal=text, affiliations=affiliations)
    words = text.split(" ")
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in SUFFIXES else ""
    family_start = _particle_start(words[:-1])
    return Name(
        family=words[-1],
        given=" ".join(words[:family_start]),
        non_dropping_particle=" ".join(words[family_start:-1]),
        suffix=suffix,
        affiliations=affiliations,
    )


def parse_tagged_name(text: str) -> Name:
    """A name as tagged formats (RIS, notes) write it: ``Family, Given`` (or Zotero's
    ``Family || Given``), a Han-script name, or else, with no comma, an organisation's name kept
    whole (Zotero reads RIS so too)."""
    text = text.strip()
    if text.lower() == "others":
        return ET_AL
    if "||" in text:
        family, _, given = text.partition("||")
        return Name(family=family.strip(), given=given.strip())
    if "," in text or " " not in text or is_han(text):
        return parse_name(text)
    return Name(literal=text)


def _han_name(text: str, affiliations: tuple[str, ...]) -> Name:
    compact = text.replace(" ", "")
    if len(compact) < 2:
        return Name(family=compact, affiliations=affiliations)
    split = 2 if compact[:2] in COMPOUND_SURNAMES and len(compact) > 2 else 1
    return Name(family=compact[:split], given=compact[split:], affiliations=affiliations)


def _inverted_name(text: str, affiliations: tuple[str, ...]) -> Name:
    """``von Last, First``, ``Last, First, Jr.`` or BibTeX's ``Last, Jr, First``."""
    parts = [p.strip() for p in text.split(",")]
    last, rest = parts[0], [p for p in parts[1:] if p]
    suffix = ""
    if len(rest) >= 2 and rest[-1].lower() in SUFFIXES:
        suffix = rest.pop()
    elif len(rest) >= 2 and rest[0].lower() in SUFFIXES:
        suffix = rest.pop(0)
    words = last.split(" ")
    family_start = _particle_start(words[:-1], from_start=True)
    return Name(
        family=" ".join(words[family_start:]),
        given=", ".join(rest),
        non_dropping_particle=" ".join(words[:family_start]),
        suffix=suffix,
        affiliations=affiliations,
    )


def _particle_start(words: list[str], from_start: bool = False) -> int:
    """Index where lower-case particle words (``van der``, ``de``) begin or, `from_start`, end.

    For ``Given von Last`` the particles are the lower-case run just before the family name;
    for ``von Last, Given`` they are the lower-case run at the start.
    """
    if from_start:
        count = 0
        while count < len(words) and words[count][:1].islower():
            count += 1
        return count
    index = len(words)
    while index > 1 and words[index - 1][:1].islower():
        index -= 1
    return index


def is_organisation(text: str) -> bool:
    """Whether a name without a comma reads as an organisation's (``World Health Organization``)."""
    words = {w.strip(".,()&").lower() for w in text.split(" ")}
    return bool(words & ORGANISATION_WORDS) or len(words) > 5


# Chinese database exports write organisations where authors go; these endings give them away.
_ORGANISATION_ENDINGS = ("评论员", "记者", "通讯员", "编辑部", "课题组", "委员会", "协会", "学会",
                         "研究院", "研究所", "研究中心", "中心", "集团", "公司", "大学", "学院",
                         "医院", "办公室", "小组", "工作组")
_SHORT_ORGANISATION_ENDINGS = ("社", "局", "厅", "署", "部", "院", "所", "会")
_INITIALS = re.compile(r"^[A-Z]{1,3}$")


def parse_database_name(text: str) -> Name:
    """A name from a Chinese database: a Han-script name (family name first), an organisation
    (kept whole), ``Family, Given``, ``Smith J`` (initials last) or ``Given Family``."""
    text = re.sub(r"\s+", " ", text).strip().strip(",，")
    if is_han(text):
        compact = text.replace(" ", "")
        if (compact.startswith(("本报", "本刊")) or compact.endswith(_ORGANISATION_ENDINGS)
                or len(compact.replace("·", "")) > 4
                or (len(compact) >= 3 and compact.endswith(_SHORT_ORGANISATION_ENDINGS))):
            return Name(literal=compact)
        return parse_name(compact)
    words = text.split(" ")
    if "," in text or "||" in text or len(words) == 1:
        return parse_tagged_name(text)
    if len(words) == 2 and _INITIALS.match(words[1]) and not _INITIALS.match(words[0]):
        return Name(family=words[0], given=words[1])
    return parse_name(text)
