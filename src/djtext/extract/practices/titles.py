"""Book-title-marked rules, systems and activities of the unit (《…议事规则》, 《…图片展》), not
national documents (《中共中央…》) nor proposals (《关于…的提案》)."""
from __future__ import annotations

import re

from djtext.extract.practices.mentions import practice_mention
from djtext.models import Mention

TITLE = re.compile(r"《([^《》\n]{4,40})》")
# titles issued by national bodies are documents a unit implements, not its own practice
NATIONAL_ISSUERS = ("中共中央", "中央", "国务院", "中国共产党", "全国政协", "中国人民政治协商会议")
TITLE_HEADS = ("制度", "规则", "清单", "办法", "规程", "细则", "机制", "公约", "守则", "规定", "协议")
PLAN_TITLE_HEADS = ("意见", "实施意见", "规划", "实施方案", "工作方案", "方案")  # 《…党组关于…的意见》
NOT_OWN_TITLES = ("提案", "建议", "报告", "讲话")
BUILDING_PLAN = re.compile(r"建设的(?:实施)?(?:意见|方案)")  # 《关于推进甲乙建设的实施意见》
OTHER_ISSUER = re.compile(r"^中共|[省市县区州]委$|人民政府$|办公厅$")
PLAN_NOTE = re.compile(r"规划[（(][\d—\-－至]+[）)]$")  # 《…工作规划（2024—2027）》
TITLE_ACTIVITY_HEADS = ("图片展", "展览", "大赛", "征文")  # 《…图片展》: an activity the unit holds
# a note after a title's name: 《…制度(试行)》
TITLE_NOTE = re.compile(r"\s*[（(](?:试行|暂行|修订|修订稿|草案|征求意见稿)[）)]$")


def from_titles(text: str) -> list[Mention]:
    """Book-title-marked rules, plans and activities of the unit itself (《…议事规则》)."""
    found = []
    for match in TITLE.finditer(text):
        title = TITLE_NOTE.sub("", match.group(1).strip())  # 《…制度(试行)》 -> …制度
        if title.startswith(NATIONAL_ISSUERS) or title.endswith(NOT_OWN_TITLES):
            continue
        if "关于" in title and not (title.endswith(PLAN_TITLE_HEADS) and (
                "政协" in title.split("关于")[0] or BUILDING_PLAN.search(title))):
            continue  # 《关于…的提案》, 《关于加强…工作的意见》: a proposal or a higher body's document
        if OTHER_ISSUER.search(title.split("关于")[0]):
            continue  # 《中共某市委关于…的意见》: a party committee's document, not the unit's rule
        category = "mechanism" if title.endswith(TITLE_HEADS + PLAN_TITLE_HEADS) or PLAN_NOTE.search(title) else "activity" if title.endswith(TITLE_ACTIVITY_HEADS) else ""
        if category:
            found.append(practice_mention(title, match.start(1), match.start(1) + len(title), category, "title"))
    return found
