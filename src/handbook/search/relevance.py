"""How good the search's ranking is, measured on a set of queries.

The set (tests/fixtures/search/relevance.yml) gives, for each query as staff
type it, the results that should come first (grade 2) and good results after
them (grade 1). The worker's answer is a list of result groups, one per page,
as Material shows them; each group is judged by its best result:

* a judgment naming a page ("cam-nang/cong-khai/") is met by that page's group;
* one naming a section ("…/#dieu-51-…") only when that section is the best
  result of its page's group (the article asked for, not another one).

Two standard measures over the groups in order:

* MRR: the mean over queries of 1 / the rank of the first group of grade 2
  (0 when none is among the results);
* nDCG@5: the gains (2^grade - 1) of the first five groups, discounted by
  log2(rank + 1), divided by the same for the best possible order.

Queries marked ``full: false`` have no page holding every word together: the
worker must say so (its answer's ``full`` is 0); they are not in the means.

``RUN_QUERIES`` is the JavaScript that asks the published worker, in a page
of the built site, exactly as Material does (SETUP, then QUERY after QUERY):
bench/search_bench.py and tests/browser/test_search_relevance.py both run it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["Query", "load", "judge", "reciprocal_rank", "ndcg", "evaluate", "RUN_QUERIES"]


@dataclass(frozen=True)
class Query:
    query: str
    lang: str = "vi"
    kind: str = "topic"
    first: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    full: bool = True

    @property
    def grades(self) -> dict[str, int]:
        grades = {location: 1 for location in self.also}
        grades.update({location: 2 for location in self.first})
        return grades


def load(path: Path) -> list[Query]:
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    queries = []
    for entry in entries:
        unknown = set(entry) - {"query", "lang", "kind", "first", "also", "full"}
        if unknown or "query" not in entry:
            raise ValueError(f"{path}: {entry!r}: unknown keys {sorted(unknown)} or no query")
        queries.append(Query(query=str(entry["query"]), lang=entry.get("lang", "vi"),
                             kind=entry.get("kind", "topic"),
                             first=tuple(entry.get("first") or ()), also=tuple(entry.get("also") or ()),
                             full=entry.get("full", True)))
    return queries


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def best_locations(groups: list[list[dict]]) -> list[tuple[str, str]]:
    """``(page, best result)`` of each group, in order."""
    found = []
    for group in groups:
        best = max(group, key=lambda item: item.get("score", 0))
        found.append((_page(best["location"]), best["location"]))
    return found


def judge(groups: list[list[dict]], grades: dict[str, int]) -> list[int]:
    """The grade of each result group (0: not judged)."""
    judged = []
    for page, best in best_locations(groups):
        judged.append(max(grades.get(best, 0), grades.get(page, 0)))
    return judged


def reciprocal_rank(judged: list[int], wanted: int = 2) -> float:
    for rank, grade in enumerate(judged, 1):
        if grade >= wanted:
            return 1 / rank
    return 0.0


def _dcg(gains: list[int]) -> float:
    return sum((2 ** grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(gains, 1))


def ndcg(judged: list[int], grades: dict[str, int], k: int = 5) -> float:
    # A page judged twice (the page and one of its sections) fills one place.
    by_page: dict[str, int] = {}
    for location, grade in grades.items():
        by_page[_page(location)] = max(by_page.get(_page(location), 0), grade)
    ideal = _dcg(sorted(by_page.values(), reverse=True)[:k])
    return _dcg(judged[:k]) / ideal if ideal else 0.0


@dataclass
class Report:
    mrr: float
    ndcg5: float
    per_query: list[dict] = field(default_factory=list)

    @property
    def misses(self) -> list[dict]:
        """Queries whose first result is not one of those that should come first,
        and ``full: false`` queries the worker answered as if complete."""
        return [q for q in self.per_query if q["rr"] < 1 or not q["full_ok"]]


def evaluate(queries: list[Query], answers: dict[tuple[str, str], dict]) -> Report:
    """``answers``: the worker's answer (``{"items": groups, "full": n}``) to
    each ``(lang, query)``."""
    per_query = []
    for query in queries:
        answer = answers[(query.lang, query.query)]
        groups = answer.get("items", [])
        judged = judge(groups, query.grades)
        top = [best for _, best in best_locations(groups)[:3]]
        entry = {"query": query.query, "lang": query.lang, "kind": query.kind, "top": top,
                 "groups": len(groups), "full": answer.get("full", 0)}
        if query.full:
            entry.update(rr=reciprocal_rank(judged), ndcg5=ndcg(judged, query.grades),
                         full_ok=True,
                         rank=next((r for r, g in enumerate(judged, 1) if g >= 2), None))
        else:
            entry.update(rr=1.0, ndcg5=None, full_ok=answer.get("full", 0) == 0, rank=None)
        per_query.append(entry)
    scored = [q for q, query in zip(per_query, queries) if query.full]
    mrr = sum(q["rr"] for q in scored) / len(scored) if scored else 0.0
    ndcg5 = sum(q["ndcg5"] for q in scored) / len(scored) if scored else 0.0
    return Report(mrr=mrr, ndcg5=ndcg5, per_query=per_query)


# In a page of the built site: the published worker, set up with the
# language's index and asked each query, as Material's search box asks it.
# Returns {query: {items, full}}.
RUN_QUERIES = """async ([workerUrl, indexUrl, queries]) => {
  const worker = new Worker(workerUrl)
  let resolve
  worker.onmessage = ev => resolve(ev.data)
  const send = message => new Promise(r => { resolve = r; worker.postMessage(message) })
  const index = await (await fetch(indexUrl)).json()
  await send({ type: 0, data: index })
  const answers = {}
  for (const query of queries) {
    const result = await send({ type: 2, data: query })
    answers[query] = { items: result.data.items, full: result.data.full }
  }
  worker.terminate()
  return answers
}"""


def worker_and_index(page) -> tuple[str, str]:
    """The worker's and the index's addresses for a Playwright ``page`` open
    on the built site, read from Material's ``__config`` as Material reads it."""
    import json

    config = json.loads(page.locator("#__config").text_content())
    worker = page.evaluate("u => new URL(u, location.href).href", config["search"])
    index = page.evaluate("b => new URL('search/search_index.json', new URL(b, location.href)).href",
                          config["base"])
    return worker, index


def run(page, base_url: str, queries: list[Query]) -> dict[tuple[str, str], dict]:
    """Every query of ``queries`` through the worker of the site at
    ``base_url``, with a Playwright ``page``: ``{(lang, query): answer}``."""
    answers = {}
    for lang, path in (("vi", "/"), ("en", "/en/")):
        asked = [q.query for q in queries if q.lang == lang]
        if not asked:
            continue
        page.goto(base_url + path, wait_until="domcontentloaded")
        worker, index = worker_and_index(page)
        for query, answer in page.evaluate(RUN_QUERIES, [worker, index, asked]).items():
            answers[(lang, query)] = answer
    return answers


def report_lines(report: Report) -> list[str]:
    """Markdown: the two means, then every query that missed."""
    lines = [f"MRR {report.mrr:.3f}, nDCG@5 {report.ndcg5:.3f} over "
             f"{sum(1 for q in report.per_query if q['ndcg5'] is not None)} queries "
             f"(+ {sum(1 for q in report.per_query if q['ndcg5'] is None)} without a full match)"]
    for q in report.misses:
        if not q["full_ok"]:
            lines.append(f"- `{q['query']}` ({q['lang']}): answered as complete, should say no page holds every word")
        else:
            where = f"first expected at rank {q['rank']}" if q["rank"] else "no expected result"
            lines.append(f"- `{q['query']}` ({q['lang']}, {q['kind']}): {where}; top: "
                         + ", ".join(f"`{t}`" for t in q["top"]))
    return lines
