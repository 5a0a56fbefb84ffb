"""GB/T 7714-2015 references, one test per layout of the standard, each asserting the whole
record read."""

from __future__ import annotations

from recconv.formats.record import ET_AL, Date, Name
from recconv.formats.references.parse import parse_reference


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


def test_a_patent_number_after_the_code_with_its_country():
    record = read("罗汉杰. 直线段匹配方法、装置、存储介质及终端[P]. 中国专利: CN109919190A, 2019-06-21.")
    assert record.type == "patent"
    assert record.fields == {"title": "直线段匹配方法、装置、存储介质及终端", "number": "CN109919190A"}
    assert record.dates == {"issued": Date((2019, 6, 21))}


def test_a_conference_host_printed_with_volume_and_issue():
    record = read("[5] Zhong W, Guo Y, Gao N, et al. MemoryBank: Enhancing large language models "
                  "with long-term memory[C]//Proceedings of the AAAI Conference on Artificial "
                  "Intelligence. 2024, 38(17): 19724-19731.")
    assert record.type == "paper-conference"
    assert "editor" not in record.names and "publisher" not in record.fields
    assert record.fields["container-title"] == (
        "Proceedings of the AAAI Conference on Artificial Intelligence")
    assert (record.fields["volume"], record.fields["issue"], record.fields["page"]) == (
        "38", "17", "19724-19731")
    assert record.dates == {"issued": Date((2024,))}


def test_an_abbreviated_host_title_is_no_editor():
    record = read("[4] Gao Z, Li Z, Wang J, et al. FunASR: A fundamental end-to-end speech "
                  "recognition toolkit[C]//Proc. Interspeech 2023. 2023: 1593-1597.")
    assert "editor" not in record.names
    assert record.fields["container-title"] == "Proc. Interspeech 2023"
    assert record.fields["page"] == "1593-1597"


def test_a_journal_named_before_the_code():
    record = read("张学珍, 王发浩, 罗海江. 1978—2018年中国环境污染的时空特征——基于《人民日报》新闻报道. "
                  "地理研究[J], 2021, 40(4): 1134-1145 doi:10.11821/dlyj020200206")
    assert record.fields == {"title": "1978—2018年中国环境污染的时空特征——基于《人民日报》新闻报道",
                             "container-title": "地理研究", "volume": "40", "issue": "4",
                             "page": "1134-1145", "DOI": "10.11821/dlyj020200206"}
    assert record.dates == {"issued": Date((2021,))}


def test_a_given_first_western_name_among_the_authors():
    record = read("BAO Yanhua, TANG Qian, Barbara M. KEHM. Construction of Interdisciplinary "
                  "Research Platforms in German Universities[J]. Journal of Beijing University of "
                  "Aeronautics and Astronautics Social Sciences Edition, 2022, 35(5): 177-182.")
    assert record.names["author"] == [Name(family="BAO", given="Yanhua"),
                                      Name(family="TANG", given="Qian"),
                                      Name(family="KEHM", given="Barbara M.")]
    assert record.fields["title"].startswith("Construction of")


def test_an_organisation_in_capitals_and_an_arxiv_number():
    record = read("[18] ST MICROELECTRONICS. STM32F4 reference manual: RM0090[EB/OL]. (2022)"
                  "[2026-03-06]. https://www.st.com/resource/en/reference_manual/rm0090.pdf.")
    assert record.names["author"] == [Name(literal="ST MICROELECTRONICS")]
    record = read("[6] KANG H J, LIU C, SHIN J, et al. Large Language Models in Software "
                  "Engineering: A Survey[J/OL]. arXiv preprint arXiv:2308.10620, 2023.")
    assert record.fields["container-title"] == "arXiv preprint arXiv:2308.10620"
    assert record.dates == {"issued": Date((2023,))}
    assert "volume" not in record.fields and "page" not in record.fields


def test_an_initial_run_into_the_surname():
    record = read("[20] Pazzani M,BillsusD.Learning and revising user profiles[M].[S.1.] :Kluwer "
                  "Academic Publishers,1997.")
    assert record.names["author"] == [Name(family="Pazzani", given="M"),
                                      Name(family="Billsus", given="D")]


def test_inverted_names_with_full_stops_and_a_host_without_a_stop_before_its_year():
    record = read("[11] Lewis, P., Perez, E., Piktus, A., et al. Retrieval-Augmented Generation "
                  "for Knowledge-Intensive NLP Tasks[C]. NeurIPS, 2020.")
    assert record.names["author"] == [Name(family="Lewis", given="P."),
                                      Name(family="Perez", given="E."),
                                      Name(family="Piktus", given="A."), ET_AL]
    assert record.fields["title"].startswith("Retrieval-Augmented")
    record = read("[3] Chen L. Smart Contract Security[C]//Proceedings of IEEE, 2021: 100-110.")
    assert record.fields == {"title": "Smart Contract Security",
                             "container-title": "Proceedings of IEEE", "page": "100-110"}
    assert record.dates == {"issued": Date((2021,))}
    record = read("[17] DOCKER INC. Docker Compose documentation[EB/OL]. (2023)[2026-03-06]. "
                  "https://docs.docker.com/compose/.")
    assert record.names["author"] == [Name(literal="DOCKER INC")]


def test_a_patent_with_its_number_and_dotted_date_in_parentheses():
    record = read("张三, 李四. 一种播种装置[P]. 中国: ZL202310000001.5（授权公告日: 2023.05.06, "
                  "发明）")
    assert record.type == "patent"
    assert record.fields == {"title": "一种播种装置", "number": "ZL202310000001.5"}
    assert record.dates == {"issued": Date((2023, 5, 6))}
    record = read("王五. 一种识别方法[P].（申请公布号: CN116000001A, 申请公布日: 2023.02.03, "
                  "实质审查的生效）")
    assert record.fields == {"title": "一种识别方法", "number": "CN116000001A"}
    assert record.dates == {"issued": Date((2023, 2, 3))}


def test_a_standard_number_in_parentheses_and_a_document_number():
    record = read("[2] 国家卫生健康委员会. 老年人膳食指导(WS/T 556—2017)[S]. 北京: 中国标准出版社, "
                  "2017.")
    assert record.fields["title"] == "老年人膳食指导"
    assert record.fields["number"] == "WS/T 556—2017"
    record = read("国务院办公厅. 关于推进某项工作的通知[EB/OL]. 国办发〔2020〕12号. (2020-03-01).")
    assert record.type == "webpage"
    assert record.fields == {"title": "关于推进某项工作的通知", "number": "国办发〔2020〕12号"}
    assert record.dates == {"issued": Date((2020, 3, 1))}


def test_a_western_name_among_han_names_is_given_first():
    record = read("王五, 赵六, Anna Keller. 欧洲石器研究概述[J]. 考古, 2010, (3): 1-9.")
    assert record.names["author"] == [Name(family="王", given="五"), Name(family="赵", given="六"),
                                      Name(family="Keller", given="Anna")]
    record = read("Wang Shanshan. Application of an improved network[J]. Sensors, 2022, 3(1): 2-9.")
    assert record.names["author"] == [Name(family="Wang", given="Shanshan")]
