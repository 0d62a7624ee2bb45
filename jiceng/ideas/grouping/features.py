"""From a resident's words to a weighted feature vector.

Three layers, strongest first:

* concepts from the residents' lexicon ("灯不亮", "黑咕隆咚" → LIGHT; "楼道" → STAIRWELL; both → STAIR_LIGHT),
  weighted by how much they say about *which problem* is meant, and by where they stand: the first clause and a
  request ("建议…", "能不能…") name the problem, later clauses mostly describe circumstances, and a thing used
  as a place ("在垃圾桶边上") says where rather than what;
* the words jieba finds in what the lexicon did not cover (nouns above verbs), weighted by inverse document
  frequency in the batch, so that a topic nobody put in the lexicon (宽带, 防汛) still brings its texts together;
* character bigrams and rare single characters of that same remainder, which catch typos and word variants.

Building and flat numbers ("3号楼", "2单元", "501室") and filler ("建议", "麻烦社区") are removed first: two
residents of different buildings complaining about the same broken lights are making the same suggestion.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import DROP, PLACE_AFTER, PLACE_AND, PLACE_BEFORE, REQUEST, Lexicon, default_lexicon

#: Numbers that locate a home rather than describe a problem: 3号楼, 十二栋, 2单元, 501室, 六楼, a座, 12345.
_RE_LOCATOR = re.compile(
    r"[0-9一二三四五六七八九十百两几]+\s*(?:号楼|号院|号门|单元|栋|幢|号|层|楼|室|户|排|门|期|区|组|座)"
    r"|[a-z]\s*(?:座|栋|区)"
    r"|[0-9]+"
)
#: A record's label before a colon at the very start ("坝坝会记录：", "楼组长记：", "来电人反映：", "网格员走访：",
#: "12345工单："): it says who wrote the words down or how they came in, not what the resident asks for.
_RE_LABEL = re.compile(
    r"^[^,.;!?:，。；！？]{0,14}?(?:记录|纪要|记|反映|走访|入户|来电|留言|热线|工单|问卷|意见簿|意见箱|信箱|会议|会|发言|摘录|反馈"
    r"|群|原话|代表)[^,.;!?:，。；！？]{0,6}:"
)
#: Who is asked to act, right after the asking verb ("要求物业…", "请城管…", "协调电信…"): the addressee, not the
#: topic (a property company as the topic is "引进物业", "物业费", "物业不作为").
_RE_ADDRESSEE = re.compile(
    r"(?<=要求|督促|通知|联系|协调|希望|建议|麻烦)(?:物业公司|物业|城管|环卫|派出所|民警|电信|移动|联通|运营商|供电局|供电所"
    r"|自来水公司|燃气公司|热力公司|房管所|房管局|园林局|园林)(?!费|管理费|服务费)"
    r"|(?<=[请让由叫找催])(?:物业公司|物业|城管|环卫|派出所|电信|运营商|供电局|园林)(?!费|管理费|服务费)"
)
#: Clause boundaries: punctuation and white space.
_RE_CLAUSE = re.compile(r"[\s,.;:!?，。；：！？、…~～()（）\[\]【】《》“”\"'‘’/|]+")
#: Anything that is neither a CJK ideograph nor an ASCII letter or digit separates text into chunks.
_RE_SEPARATOR = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

#: Weight of a residual noun shared with other texts and rare in the batch (verbs and the rest count less).
WORD_WEIGHT = 1.0
VERB_FACTOR = 0.5
OTHER_FACTOR = 0.25
BIGRAM_WEIGHT = 0.6
#: Weight of single residual characters (idf-weighted, so only rare ones count): 骗 in 被骗 / 骗钱 / 防骗.
UNIGRAM_WEIGHT = 0.4
#: A jieba dictionary word at least this frequent keeps its characters from one-character lexicon entries.
COMMON_WORD = 200
#: Concepts at least this heavy name a topic; the rest (places, kinds of fault) only describe it.
TOPIC_WEIGHT = 2.0
#: The residual words and bigrams may carry at most this share of the topic concepts' length, when there are any.
RESIDUAL_SHARE = 1.0
#: Salience of concepts found in a clause that is neither the first nor a request.
LATER_CLAUSE = 0.5
#: Salience factor of a concept used as a place ("在垃圾桶边上", "车棚里"): it says where, not what.
LOCATIVE = 0.6
#: Factor on the residual words and n-grams of a text in which no topic concept was found: its topic is unknown to
#: the lexicon, so what jieba finds is all there is to say which problem it is about.
UNKNOWN_TOPIC_BOOST = 2.0


@dataclass(frozen=True)
class Analysis:
    """What a text says, before weighting: lexicon concepts, residual words and residual character n-grams."""

    concepts: tuple[tuple[str, float], ...]  # (concept, salience), sorted by concept
    words: tuple[tuple[str, float], ...]  # (word, part-of-speech weight)
    grams: tuple[str, ...]  # character bigrams and single characters

    @property
    def is_empty(self) -> bool:
        return not (self.concepts or self.words or self.grams)


def _segment(span: str) -> list[tuple[str, str]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return [(pair.word, pair.flag) for pair in jieba.posseg.lcut(span)]


def _inside_word(chunk: str, index: int, after_residue: bool) -> bool:
    """True when the character at ``index`` belongs to a common word the lexicon does not know (吵架, 太阳, 车子).

    A one-character lexicon entry (吵, 太, 车) must not take a character out of such a word.
    """
    frequency = _dictionary()
    for length in (3, 2):
        piece = chunk[index:index + length]
        if len(piece) == length and frequency.get(piece, 0) >= COMMON_WORD:
            return True
    return after_residue and index > 0 and frequency.get(chunk[index - 1:index + 1], 0) >= COMMON_WORD


@functools.cache
def _dictionary() -> dict[str, int]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def _pos_weight(tag: str) -> float:
    """How likely a word of this part of speech names the thing a suggestion is about: nouns most, verbs less."""
    if tag[:1] in ("n", "l", "i", "j", "z") or tag == "vn":
        return 1.0
    if tag[:1] == "v":
        return VERB_FACTOR
    return OTHER_FACTOR


def clauses(text: str) -> list[str]:
    """The clauses of a text: split at punctuation and white space, after full-width to half-width folding,
    without the party asked to act ("要求物业…") and without a leading record label ("坝坝会记录：…")."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    folded = _RE_ADDRESSEE.sub(" ", folded)
    unlabelled = _RE_LABEL.sub("", folded, count=1)
    if unlabelled.strip():  # a text that is nothing but a label keeps it
        folded = unlabelled
    return [clause for clause in _RE_CLAUSE.split(folded) if clause]


def analyse(text: str, lexicon: Lexicon | None = None) -> Analysis:
    """Split a suggestion into lexicon concepts and a residue of words and n-grams. Never raises on odd input.

    Each concept carries a salience: full in the first clause and in a clause that makes a request ("建议…",
    "能不能…"), LATER_CLAUSE in the others, which usually describe circumstances ("…晚上在垃圾桶边上乱窜"); a
    concept used as a place (after 在/到, before 边上/旁边/里) counts LOCATIVE times as much.
    """
    lexicon = lexicon or default_lexicon()
    salience: dict[str, float] = {}
    residue: list[str] = []
    seen_content = carry_request = False
    for clause in clauses(text):
        mentions: list[list] = []  # [concept names, used as a place?, end position]
        request, at_pending = carry_request, False
        residue_before = len(residue)
        for chunk in _RE_SEPARATOR.split(_RE_LOCATOR.sub(" ", clause)):
            start, span_start = 0, 0
            while start < len(chunk):
                found = lexicon.match_at(chunk, start)
                if found is None or (found[0] == 1 and _inside_word(chunk, start, span_start < start)):
                    start += 1
                    continue
                if start > span_start:
                    residue.append(chunk[span_start:start])
                    at_pending = False
                length, names = found
                start += length
                span_start = start
                if names[0] == REQUEST:
                    request = True
                elif names[0] == PLACE_BEFORE:
                    at_pending = True
                elif names[0] == PLACE_AFTER:
                    if mentions and start - length == mentions[-1][2]:
                        mentions[-1][1] = True
                elif names[0] == PLACE_AND:
                    at_pending = bool(mentions) and mentions[-1][1] and start - length == mentions[-1][2]
                elif not names[0].startswith(DROP):
                    mentions.append([names, at_pending, start])
                    at_pending = False
            if span_start < len(chunk):
                residue.append(chunk[span_start:])
            at_pending = False
        has_content = bool(mentions) or len(residue) > residue_before
        # a clause of filler only ("市民来电反映", "诉求：", "建议：") neither counts as the first clause nor
        # uses up a request: the next clause is the first, or the request.
        carry_request = request and not has_content
        weight = 1.0 if not seen_content or request else LATER_CLAUSE
        seen_content = seen_content or has_content
        for names, locative, _ in mentions:
            for name in names:
                salience[name] = max(salience.get(name, 0.0), weight * (LOCATIVE if locative else 1.0))
    derived_only = set()
    for name, left, right, _unless in lexicon.derived:
        if left in salience and right in salience:
            if name not in salience:
                derived_only.add(name)
            salience[name] = max(salience.get(name, 0.0), min(salience[left], salience[right]))
    for name, _left, _right, unless in lexicon.derived:
        if unless is not None and name in derived_only and unless in salience:
            del salience[name]  # derived only, and the exception holds (a broken lift is not a lift to add)
            derived_only.discard(name)
    words: dict[str, float] = {}
    grams: dict[str, None] = {}
    for span in residue:
        for word, tag in _segment(span) if len(span) > 1 else ():
            if len(word) > 1 and not word.isdigit():
                words[word] = max(words.get(word, 0.0), _pos_weight(tag))
        for index in range(len(span) - 1):
            grams[span[index:index + 2]] = None
        if UNIGRAM_WEIGHT:
            for char in span:
                grams[char] = None
    return Analysis(concepts=tuple(sorted(salience.items())), words=tuple(words.items()), grams=tuple(grams))


def vectorise(analyses: Sequence[Analysis], lexicon: Lexicon | None = None,
              counts: Sequence[int] | None = None) -> list[dict[str, float]]:
    """Unit-length feature vectors for a batch; ``counts`` gives how many texts each analysis stands for.

    Concept weights come from the lexicon, times their salience.  Words and n-grams are weighted by their inverse
    document frequency in this batch; those found in one text only are left out (they can only make that text look
    unlike the others), and together they never outweigh the topic concepts (RESIDUAL_SHARE) when there are any.
    An empty analysis gives an empty vector.
    """
    lexicon = lexicon or default_lexicon()
    counts = counts or [1] * len(analyses)
    total = sum(counts)
    frequency: dict[str, int] = {}
    for analysis, count in zip(analyses, counts, strict=True):
        for feature in _residual_keys(analysis):
            frequency[feature] = frequency.get(feature, 0) + count
    top_idf = math.log((1 + total) / 2) + 1

    def idf(feature: str) -> float:
        return (math.log((1 + total) / (1 + frequency[feature])) + 1) / top_idf

    vectors = []
    for analysis in analyses:
        core = {}
        topic_norm = 0.0
        for name, salience in analysis.concepts:
            weight = lexicon.weights.get(name, 0.0) * salience
            if weight > 0:
                core["c:" + name] = weight
                if lexicon.weights[name] >= TOPIC_WEIGHT:
                    topic_norm += weight * weight
        topic_norm = math.sqrt(topic_norm)
        residual = {}
        for word, pos_weight in analysis.words:
            if frequency["w:" + word] > 1:
                residual["w:" + word] = WORD_WEIGHT * pos_weight * idf("w:" + word)
        for gram in analysis.grams:
            if frequency["b:" + gram] > 1:
                residual["b:" + gram] = (BIGRAM_WEIGHT if len(gram) > 1 else UNIGRAM_WEIGHT) * idf("b:" + gram)
        residual_norm = math.sqrt(sum(v * v for v in residual.values()))
        if topic_norm and residual_norm > RESIDUAL_SHARE * topic_norm:
            scale = RESIDUAL_SHARE * topic_norm / residual_norm
            residual = {k: v * scale for k, v in residual.items()}
        elif not topic_norm and UNKNOWN_TOPIC_BOOST != 1.0:
            residual = {k: v * UNKNOWN_TOPIC_BOOST for k, v in residual.items()}
        vector = core | residual
        norm = math.sqrt(sum(v * v for v in vector.values()))
        vectors.append({k: v / norm for k, v in vector.items()} if norm else {})
    return vectors


def _residual_keys(analysis: Analysis) -> list[str]:
    return ["w:" + word for word, _ in analysis.words] + ["b:" + gram for gram in analysis.grams]
