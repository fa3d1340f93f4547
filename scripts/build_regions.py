"""Build the region gazetteer (regions.csv) and its stop-list (regions_stoplist.txt).

Source: the china_location table packaged with jionlp 1.5.31 (Apache-2.0). jionlp is heavy and is
never a djtext dependency: install it into a throwaway venv and point this script at the package
(or at its ``dictionary/china_location.zip``); the script only reads the data file, it never
imports jionlp::

    python -m venv /tmp/jio-venv && /tmp/jio-venv/bin/pip install --no-deps jionlp==1.5.31
    python scripts/build_regions.py --jionlp /tmp/jio-venv/lib/python3.11/site-packages/jionlp

The stop-list of common-word collisions is derived from jieba's general dictionary (installed
with djtext): place names that are also common words (和平, 东方) and ordinary words that start
or end with a place name (中山装, 长安街, 孙中山). Pass ``--jieba-dict`` to use another file.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "djtext" / "data" / "lexicons"
JIONLP_VERSION = "1.5.31"

# Short forms that are generic words or placeholders, not names: never emitted.
GENERIC_SHORTS = frozenset(
    "城区 郊区 矿区 新区 市中 东区 西区 南区 北区 中区 经开区 高新区 示范区 管理区 市直辖 省直辖 "
    "市辖区 开发区 工业区".split()
)
# Rows standing for "directly administered" groupings rather than units.
PLACEHOLDER_NAMES = frozenset({"市直辖行政区划", "省直辖行政区划", "市辖区"})
# Provinces whose subdivisions are left out (no CPPCC units; their district names collide).
TOP_ONLY_PROVINCES = frozenset({"香港特别行政区", "澳门特别行政区", "台湾省"})
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
# A word extending a place name by one of these characters is an administrative or unit phrase
# (杭州市, 宁夏区, 定海人大), never an ordinary-word collision.
ADMIN_CHARS = frozenset("省市区县州盟旗委政党人镇乡街地")
COMMON_WORD_MIN_FREQ = 100   # jieba frequency from which a non-place-tagged name is a common word
BLOCKER_MIN_FREQ = 5         # jieba frequency from which an extension of a short is a real word
MANUAL_COMMON_WORDS = ("东方", "和平", "永安", "长安", "中山", "新城", "城关", "开放", "新华", "平安", "阿里",
                       "解放区", "新城区")


@dataclass
class Row:
    """One gazetteer row."""

    code: str
    level: str
    name: str
    shorts: list[str]
    province: str
    city: str


def find_china_location(path: str | None) -> bytes:
    """Return the bytes of jionlp's china_location.txt (from a package dir, zip or txt)."""
    if path is None:
        spec = importlib.util.find_spec("jionlp")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("build_regions: jionlp not found; pass --jionlp PATH (see the module docstring)")
        path = list(spec.submodule_search_locations)[0]
    p = Path(path)
    if p.is_dir():
        p = p / "dictionary" / "china_location.zip"
    if p.suffix == ".zip":
        with zipfile.ZipFile(p) as zf:
            return zf.read("china_location.txt")
    return p.read_bytes()


def safe_short(alias: str, name: str) -> list[str]:
    """The alias's short forms that are safe ones (≥ 2 chars, not generic, not the name); the
    source writes two aliases as ``巴州/巴音郭楞``."""
    out = []
    for form in alias.split("/"):
        form = form.strip()
        if len(form) < 2 or form == name or form in GENERIC_SHORTS or not name.startswith(form[:1]):
            continue
        out.append(form)
    return out


# Autonomous units are usually written as their short name plus the level word: 延边州 for
# 延边朝鲜族自治州, 焉耆县 for 焉耆回族自治县, 鄂温克旗 for 鄂温克族自治旗.
AUTONOMOUS_LEVEL_WORDS = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))


def add_level_word_shorts(rows: list[Row]) -> list[Row]:
    """Give autonomous prefectures, counties and banners the short form ``short + 州/县/旗``
    (never one that is another unit's name or short form)."""
    taken = {r.name for r in rows} | {s for r in rows for s in r.shorts}
    for row in rows:
        word = next((w for suffix, w in AUTONOMOUS_LEVEL_WORDS if row.name.endswith(suffix)), "")
        if not word:
            continue
        for short in list(row.shorts):
            form = short + word
            if short.endswith(word) or form in taken or form == row.name:
                continue
            row.shorts.append(form)
            taken.add(form)
    return rows


def city_shorts(alias: str, name: str) -> list[str]:
    """Short forms of a prefecture-level unit; 吉林市 gets 吉林 even though the province has it."""
    shorts = safe_short(alias, name)
    if not shorts:
        for suffix in ("地区", "市", "盟"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                shorts = safe_short(name[: -len(suffix)], name)
                break
    return shorts


def is_functional_zone(code: str) -> bool:
    """Development zones and similar (GB/T 2260 statistical codes xxxx7x) are not units."""
    return len(code) == 6 and code[4] == "7"


def parse_rows(text: str) -> list[Row]:
    """Turn the tab-indented province/city/county lines into gazetteer rows."""
    rows: list[Row] = []
    province = city = ""
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2 or not line.strip():
            continue
        parts = line.strip().split("\t")
        if len(parts) != 3:
            continue
        name, code, alias = parts
        if depth == 0:
            province, city = name, ""
            rows.append(Row(code, "province", name, safe_short(alias, name), name, ""))
            continue
        if province in TOP_ONLY_PROVINCES:
            continue
        if depth == 1:
            if name in PLACEHOLDER_NAMES:
                city = ""
            elif province in MUNICIPALITIES and name == province:
                city = province
            else:
                city = name
                rows.append(Row(code, "city", name, city_shorts(alias, name), province, ""))
            continue
        if name in PLACEHOLDER_NAMES or is_functional_zone(code):
            continue
        rows.append(Row(code, "county", name, safe_short(alias, name), province, city))
    return rows


CORRECTIONS = Path(__file__).resolve().parent / "regions_corrections.csv"


def apply_corrections(rows: list[Row], path: Path = CORRECTIONS) -> list[Row]:
    """Rename rows whose official name changed after the source was made, and add units created
    since (scripts/regions_corrections.csv: a code the source lacks is added with its level,
    province and city)."""
    if not path.exists():
        return rows
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    fixes = {row["code"]: row for row in csv.DictReader(lines)}
    for row in rows:
        fix = fixes.pop(row.code, None)
        if fix:
            row.name, row.shorts = fix["name"], [s for s in (fix["short"] or "").split("|") if s]
    for code, fix in fixes.items():
        if not fix.get("level") or not fix.get("province"):
            sys.exit(f"build_regions: {path.name}: new unit {code} needs a level and a province")
        rows.append(Row(code, fix["level"], fix["name"], [s for s in (fix["short"] or "").split("|") if s],
                        fix["province"], fix.get("city") or ""))
    return rows


def read_jieba_dict(path: str | None) -> dict[str, tuple[int, str]]:
    """jieba's dictionary as word -> (frequency, tag)."""
    if path is None:
        spec = importlib.util.find_spec("jieba")
        if spec is None or spec.origin is None:
            sys.exit("build_regions: jieba not found; pass --jieba-dict PATH")
        path = str(Path(spec.origin).parent / "dict.txt")
    words: dict[str, tuple[int, str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            words[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    return words


def stoplist(rows: list[Row], words: dict[str, tuple[int, str]]) -> tuple[list[str], list[str]]:
    """(surfaces that are common words, ordinary words that contain a short form at an edge)."""
    surfaces = {r.name for r in rows} | {s for r in rows for s in r.shorts}
    shorts = {s for r in rows for s in r.shorts}
    common = set(MANUAL_COMMON_WORDS) & surfaces
    upper_shorts = {s for r in rows if r.level != "county" for s in r.shorts}
    county_shorts = {s for r in rows if r.level == "county" for s in r.shorts} - upper_shorts
    bare_names = {r.name for r in rows if len(r.name) == 2}  # 城区, 郊区, 矿区, 盂县 ...
    for surface in county_shorts | bare_names:
        freq, tag = words.get(surface, (0, ""))
        if freq >= COMMON_WORD_MIN_FREQ and not tag.startswith("ns"):
            common.add(surface)
    blockers = set()
    for word, (freq, _tag) in words.items():
        if freq < BLOCKER_MIN_FREQ or word in surfaces or not 3 <= len(word) <= 5:
            continue
        for k in (1, 2):
            head, tail = word[:-k], word[-k:]
            if head in shorts and tail[0] not in ADMIN_CHARS and tail not in surfaces:
                blockers.add(word)
            head, tail = word[:k], word[k:]
            if tail in shorts and head not in surfaces:
                blockers.add(word)
    return sorted(common), sorted(blockers)


CSV_HEADER = """# regions.csv: China's provinces, prefecture-level units and county-level units (gazetteer).
# Generated by scripts/build_regions.py from jionlp {version}'s china_location table
# (Apache-2.0; see regions.LICENSE.md). Do not edit by hand: regenerate.
# code: GB/T 2260 code; level: province | city | county; name: full official name;
# short: safe short forms separated by | (>= 2 characters, never generic words such as 城区);
# province / city: parent names. Municipalities (北京市 ...) are one province row; their
# districts have province = city = the municipality. County-level units administered directly
# by a province (仙桃市, 石河子市 ...) have an empty city.
"""

STOP_HEADER = """# regions_stoplist.txt: place names that collide with ordinary words (for djtext.regions).
# Generated by scripts/build_regions.py from jieba's general dictionary plus a few manual
# entries. A line that is itself a place name (和平, 东方) marks that name as a common word:
# it counts as a place only with evidence (a following 政协/党组/委员会/市委 ..., or its parent
# place right before it). Any other line is an ordinary word that starts or ends with a place
# name (中山装, 长安街, 孙中山): it blocks the place match inside it.
"""


CHARS_HEADER = """# regions_chars.txt: the characters of all place names and stop-list words, most frequent in
# general Chinese text first (character frequency summed over jieba's general dictionary).
# Generated by scripts/build_regions.py. djtext.regions builds its matcher in this order, which
# makes matching several times faster (the matcher looks up a state's transitions in insertion
# order); it does not change what is found.
"""


def char_order(rows: list[Row], extra_words: list[str], words: dict[str, tuple[int, str]]) -> list[str]:
    """Characters of all names, shorts and stop-list words, most frequent in general text first."""
    chars = {c for r in rows for s in (r.name, *r.shorts) for c in s} | {c for w in extra_words for c in w}
    freq = dict.fromkeys(chars, 0)
    for word, (count, _tag) in words.items():
        for c in word:
            if c in freq:
                freq[c] += count
    return sorted(chars, key=lambda c: (-freq[c], c))


def write_outputs(rows: list[Row], common: list[str], blockers: list[str], out: Path,
                  chars: list[str] = ()) -> None:
    """Write regions.csv, regions_stoplist.txt and regions_chars.txt into ``out``."""
    (out / "regions_chars.txt").write_text(CHARS_HEADER + "\n".join(chars) + "\n", encoding="utf-8")
    buf = io.StringIO()
    buf.write(CSV_HEADER.format(version=JIONLP_VERSION))
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["code", "level", "name", "short", "province", "city"])
    for r in rows:
        writer.writerow([r.code, r.level, r.name, "|".join(r.shorts), r.province, r.city])
    (out / "regions.csv").write_text(buf.getvalue(), encoding="utf-8")
    stop = STOP_HEADER + "# --- common words\n" + "\n".join(common)
    stop += "\n# --- blocking words\n" + "\n".join(blockers) + "\n"
    (out / "regions_stoplist.txt").write_text(stop, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jionlp", help="jionlp package dir, china_location.zip or .txt")
    parser.add_argument("--jieba-dict", help="jieba dict.txt (default: the installed jieba's)")
    parser.add_argument("--out", default=str(LEXICONS), help="output folder")
    args = parser.parse_args(argv)
    text = find_china_location(args.jionlp).decode("utf-8")
    rows = add_level_word_shorts(apply_corrections(parse_rows(text)))
    words = read_jieba_dict(args.jieba_dict)
    common, blockers = stoplist(rows, words)
    write_outputs(rows, common, blockers, Path(args.out), char_order(rows, common + blockers, words))
    levels = {lv: sum(r.level == lv for r in rows) for lv in ("province", "city", "county")}
    print(f"regions.csv: {levels}; stop-list: {len(common)} common words, {len(blockers)} blockers;"
          f" {dt.date.today().isoformat()}")


if __name__ == "__main__":
    main()
