"""GB/T 7714-2015 references, one test per layout of the standard, each asserting the whole
record read."""

from __future__ import annotations

from recconv.formats.record import ET_AL, Date, Name
from recconv.formats.references import parse_reference


def read(text: str):
    parsed = parse_reference(text)
    assert parsed is not None and parsed.style == "gbt7714", parsed
    return parsed.record


def test_a_chinese_journal_article_keeps_its_full_width_punctuation():
    record = read("[28] 袁训来，陈哲，肖书海，等. 蓝田生物群：一个认识多细胞生物起源和早期演化的"
                  "新窗口[J]. 科学通报，2012，57（34）：3219.")
    assert record.type == "article-journal"
    assert record.names["author"] == [Name(family="袁", given="训来"), Name(family="陈", given="哲"),
                                      Name(family="肖", given="书海"), ET_AL]
    assert record.fields == {"title": "蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口",
                             "container-title": "科学通报", "volume": "57", "issue": "34",
                             "page": "3219"}
    assert record.dates == {"issued": Date((2012,))}


def test_an_online_english_article_with_capital_surnames_access_date_url_and_doi():
    record = read("[6] MYBURG A A，GRATTAPAGLIA D，TUSKAN G A，et al. The genome of Eucalyptus "
                  "grandis[J/OL]. Nature，2014，510：356-362[2014-06-25]. "
                  "http://www.nature.com/nature/journal/v510/n7505/pdf/nature13308.pdf. "
                  "DOI:10.1038/nature13308.")
    assert record.names["author"] == [Name(family="MYBURG", given="A A"),
                                      Name(family="GRATTAPAGLIA", given="D"),
                                      Name(family="TUSKAN", given="G A"), ET_AL]
    assert record.fields["container-title"] == "Nature"
    assert (record.fields["volume"], record.fields["page"]) == ("510", "356-362")
    assert record.fields["DOI"] == "10.1038/nature13308"
    assert record.fields["URL"].endswith("/nature13308.pdf")
    assert record.dates == {"issued": Date((2014,)), "accessed": Date((2014, 6, 25))}


def test_a_conference_paper_in_proceedings_reads_the_host_and_its_editor():
    record = read("[3] 贾东琴，柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. "
                  "中国图书馆学会年会论文集：2011年卷. 北京：国家图书馆出版社，2011：45-52.")
    assert record.type == "paper-conference"
    assert record.names["editor"] == [Name(literal="中国图书馆学会")]
    assert record.fields == {"title": "面向数字素养的高校图书馆数字服务体系研究",
                             "container-title": "中国图书馆学会年会论文集：2011年卷",
                             "publisher-place": "北京", "publisher": "国家图书馆出版社",
                             "page": "45-52"}


def test_a_book_with_edition_and_translator():
    record = read("[1] 库恩. 科学革命的结构[M]. 金吾伦, 胡新和, 译. 2 版. 北京: 北京大学出版社, 2012.")
    assert record.type == "book"
    assert record.names["translator"] == [Name(family="金", given="吾伦"),
                                          Name(family="胡", given="新和")]
    assert record.fields["edition"] == "2 版"
    assert (record.fields["publisher-place"], record.fields["publisher"]) == ("北京", "北京大学出版社")


def test_a_patent_number_and_publication_date():
    record = read("[37] 邓一刚. 全智能节电器：CN101106276A[P]. 2008-01-16.")
    assert record.type == "patent"
    assert record.fields == {"title": "全智能节电器", "number": "CN101106276A"}
    assert record.dates == {"issued": Date((2008, 1, 16))}


def test_a_standard_number_leaves_the_title():
    record = read("全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. "
                  "北京: 中国标准出版社, 2015.")
    assert record.type == "standard"
    assert record.fields["number"] == "GB/T 7714—2015"
    assert record.fields["title"] == "信息与文献 参考文献著录规则"


def test_author_year_variant_takes_the_year_after_the_authors():
    record = read("陈凯, 陈砺锋, 张紫昭, 等. 2023. 基于实证调查的新疆地区地质灾害易发性和危险性评价"
                  "研究[J]. 工程地质学报, 31(4): 1156-1166. doi: 10.13544/j.cnki.jeg.2023-0229")
    assert record.dates == {"issued": Date((2023,))}
    assert (record.fields["volume"], record.fields["issue"], record.fields["page"]) == (
        "31", "4", "1156-1166")
    assert record.fields["DOI"] == "10.13544/j.cnki.jeg.2023-0229"


def test_a_newspaper_article_takes_date_and_page_from_the_parentheses():
    record = read("[1] 余建斌. 我们的科技一直在追赶：访中国工程院院长周济[N/OL]. 人民日报，"
                  "2013-01-12（2）[2013-03-20]. http://paper.people.com.cn/rmrb/html/2013-01/12/"
                  "nw.D110000renmrb_20130112_5-02.htm.")
    assert record.type == "article-newspaper"
    assert record.fields["container-title"] == "人民日报"
    assert record.fields["page"] == "2"
    assert record.dates == {"issued": Date((2013, 1, 12)), "accessed": Date((2013, 3, 20))}


def test_a_web_page_takes_its_publication_date_from_parentheses():
    record = read("[36] 科技部监督司. 负责任研究行为规范指引（2023）[EB/OL]. (2023-12)[2026-10-02]. "
                  "https://www.research.pku.edu.cn/docs/2023-12/20231227162417283170.pdf.")
    assert record.type == "webpage"
    assert record.names["author"] == [Name(literal="科技部监督司")]
    assert record.dates == {"issued": Date((2023, 12)), "accessed": Date((2026, 10, 2))}


def test_a_thesis_takes_place_and_university():
    record = read("[4] 赵天书. 诺西肽分阶段补料分批发酵过程优化研究[D]. 沈阳: 东北大学, 2013.")
    assert record.type == "thesis"
    assert (record.fields["publisher-place"], record.fields["publisher"]) == ("沈阳", "东北大学")


def test_an_english_rendering_appended_in_brackets_is_set_aside():
    record = read("[16] 王劲峰,徐成东.地理探测器:原理与展望[J].地理学报,2017, 72(1): 116-134."
                  "[Wang Jinfeng, Xu Chengdong. Geodetector: Principle and prospective[J]."
                  "Acta Geographica Sinica,2017,72(1): 116-134.]")
    assert record.fields["container-title"] == "地理学报"
    assert record.fields["page"] == "116-134"
