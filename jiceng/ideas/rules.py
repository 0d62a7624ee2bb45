"""Pure rules of the ideas app (no ORM)."""


def weighted_mean(score_sets: list[dict], criteria: list[dict]) -> float | None:
    """Mean over evaluators of Σ weight × score / Σ weight; None when nobody scored yet."""
    if not score_sets:
        return None
    total_weight = sum(float(c.get("weight", 1)) for c in criteria) or 1.0
    per_evaluator = [sum(float(c.get("weight", 1)) * float(s.get(c["key"], 0)) for c in criteria) / total_weight
                     for s in score_sets]
    return round(sum(per_evaluator) / len(per_evaluator), 2)


def funnel(*, suggestions: int, ideas: int, adopted: int, done: int) -> list[tuple[str, int]]:
    """The stages of a campaign, from what residents said to projects completed."""
    return [("suggestions", suggestions), ("ideas", ideas), ("adopted", adopted), ("done", done)]
