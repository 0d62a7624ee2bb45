"""Benchmark of the ideas grouping and category suggestion: quality on the labelled sets, speed on 10,000 texts.

Run from the repository root:

    .venv/bin/python bench/ideas_grouping.py [--size 10000] [--seed 7]

Prints figures and asserts nothing.  Quality: pairwise and B-cubed precision/recall/F1 on every labelled set in
jiceng/ideas/tests/data (what each set has been used for is in docs/performance.md), and category accuracy on the
held-out set.  Speed: 10,000 suggestions made
by recombining the labelled phrases (new building numbers, filler, a clause of a sibling text), timed against a
floor measured in the same run: jieba segmenting the same 10,000 texts.
"""

import argparse
import csv
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings.test")

import django  # noqa: E402

django.setup()

import jieba  # noqa: E402

from jiceng.ideas.classify import CategorySuggester  # noqa: E402
from jiceng.ideas.grouping import DEFAULT_THRESHOLD, group_suggestions  # noqa: E402
from jiceng.ideas.grouping.metrics import bcubed_scores, pairwise_scores  # noqa: E402

DATA = ROOT / "jiceng" / "ideas" / "tests" / "data"
PREFIXES = ["", "", "", "建议", "希望", "麻烦社区", "我想反映一下，", "居民反映：", "老问题了，", "请问"]
SUFFIXES = ["", "", "", "，希望尽快解决", "，谢谢", "！！", "。麻烦了", "，大家都有意见", "，说了好多次了", "？"]
CLAUSE = re.compile(r"[，。！？,.!?\s]+")
NUMBER = re.compile(r"[0-9一二三四五六七八九十]+(?=号楼|栋|单元|楼)")


def load(name):
    with open(DATA / f"suggestions_{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def truth(rows):
    groups = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row["id"])
    return list(groups.values())


def quality(name):
    rows = load(name)
    predicted = group_suggestions([(row["id"], row["text"], row["compound"]) for row in rows])
    return len(rows), len(truth(rows)), pairwise_scores(predicted, truth(rows)), bcubed_scores(predicted, truth(rows))


def generate(size, seed):
    """``size`` new suggestions from the labelled phrases, each labelled with the group it came from."""
    rows = load("labelled")
    by_group = {}
    for row in rows:
        by_group.setdefault(row["group"], []).append(row["text"])
    rnd = random.Random(seed)
    texts, labels = [], []
    for _ in range(size):
        row = rnd.choice(rows)
        text = NUMBER.sub(lambda _match: str(rnd.randint(1, 12)), row["text"])
        siblings = by_group[row["group"]]
        if len(siblings) > 1 and rnd.random() < 0.3:
            clauses = [clause for clause in CLAUSE.split(rnd.choice(siblings)) if clause]
            text = text.rstrip("。！") + "，" + rnd.choice(clauses)
        texts.append(rnd.choice(PREFIXES) + text + rnd.choice(SUFFIXES))
        labels.append(row["group"])
    return texts, labels


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    print(f"threshold {DEFAULT_THRESHOLD}")

    print("\n== quality ==")
    for name in ("labelled", "heldout", "fresh", "fresh2", "north", "south", "central", "township", "east",
                 "southwest", "northeast", "capital", "chengdu", "prefecture", "county", "shanghai", "guangzhou",
                 "xian", "zhengzhou", "wuhan"):
        if not (DATA / f"suggestions_{name}.csv").exists():
            continue
        count, groups, pairwise, bcubed = quality(name)
        print(f"{name:10} {count:4} texts {groups:3} true groups | pairwise P {pairwise.precision:.3f} "
              f"R {pairwise.recall:.3f} F1 {pairwise.f1:.3f} | B-cubed P {bcubed.precision:.3f} "
              f"R {bcubed.recall:.3f} F1 {bcubed.f1:.3f}")
    labelled, heldout = load("labelled"), load("heldout")
    trained = CategorySuggester().train([(row["text"], row["category"]) for row in labelled])
    for label, suggester in (("keywords only", CategorySuggester()), ("trained on labelled", trained)):
        accuracy = sum(suggester.suggest(row["text"]).category == row["category"] for row in heldout) / len(heldout)
        print(f"category accuracy on held-out, {label}: {accuracy:.3f}")

    print(f"\n== speed on {options.size:,} generated suggestions ==")
    texts, labels = generate(options.size, options.seed)
    jieba.lcut("预热")  # load the dictionary outside the timings
    group_suggestions([(0, "预热楼道灯坏了")])
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    floor = time.perf_counter() - started
    started = time.perf_counter()
    groups = group_suggestions(list(enumerate(texts)))
    elapsed = time.perf_counter() - started
    flat = sorted(ident for group in groups for ident in group)
    assert flat == list(range(len(texts))), "every id exactly once"  # noqa: S101
    predicted_truth = {}
    for ident, label in enumerate(labels):
        predicted_truth.setdefault(label, []).append(ident)
    pairwise = pairwise_scores(groups, list(predicted_truth.values()))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"floor: jieba.lcut over the same texts  {floor:6.2f} s")
    print(f"group_suggestions                      {elapsed:6.2f} s  = {elapsed / floor:.1f} x floor")
    print(f"{len(groups):,} groups; pairwise F1 against the source groups {pairwise.f1:.3f}; "
          f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
