"""One search box across modules: Chinese segmentation, 2-character words always match, scope respected.

Modules register a SearchProvider per model in AppConfig.ready(). Every audited
change re-indexes its object after commit (see core.audit.record), so the index
follows the one write path without any module remembering to update it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import SearchEntry

PAGE_SIZE = 20
EVERY_STAFF = "*"  # scope_path of records every staff user with a membership may read (published bulletins)


@dataclass(frozen=True)
class SearchDocument:
    title: str
    body: str
    url: str
    scope_path: str


@dataclass(frozen=True)
class SearchProvider:
    model_label: str  # "org.division"
    module: str  # shown as the result's module name
    get_object: Callable  # (object_id) -> instance or None
    document: Callable  # (instance) -> SearchDocument | None (None: not searchable, e.g. archived)
    queryset: Callable  # () -> iterable of instances for a full reindex


_providers: dict[str, SearchProvider] = {}
_scope_filter: Callable | None = None
_staff_check: Callable | None = None


def register(provider: SearchProvider) -> None:
    _providers[provider.model_label] = provider


def set_scope_filter(function: Callable, is_staff: Callable) -> None:
    """The org app tells search how to limit a path field to a user's scope (function(user, field) -> Q) and
    who counts as staff for records everyone may read (is_staff(user) -> bool)."""
    global _scope_filter, _staff_check
    _scope_filter = function
    _staff_check = is_staff


def _segment(text: str) -> list[str]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)

    return [w.strip().lower() for w in jieba.cut_for_search(text) if w.strip()]


def _bigrams(text: str) -> list[str]:
    chars = [c for c in text.lower() if not c.isspace()]
    return ["".join(chars[i:i + 2]) for i in range(len(chars) - 1)]


def tokens_for(text: str) -> str:
    """The indexed form of a text: jieba words and character bigrams, space separated with spaces at both ends."""
    words = set(_segment(text)) | set(_bigrams(text))
    return " " + " ".join(sorted(words)) + " "


def query_terms(query: str) -> list[str]:
    """The words to look for: the segmented query, whole words kept as the user typed them."""
    terms = []
    for part in query.split():
        segmented = [w for w in _segment(part) if len(w) >= 2 or not w.isascii()]
        terms.extend(segmented if len(part) > 4 and segmented else [part.lower()])
    seen = []
    for term in terms:
        if term and term not in seen:
            seen.append(term)
    return seen[:10]


def index_object(model_label: str, object_id) -> None:
    provider = _providers.get(model_label)
    if provider is None:
        return
    instance = provider.get_object(object_id)
    document = provider.document(instance) if instance is not None else None
    if document is None:
        SearchEntry.objects.filter(object_type=model_label, object_id=str(object_id)).delete()
        return
    SearchEntry.objects.update_or_create(
        object_type=model_label, object_id=str(object_id),
        defaults={"module": provider.module, "title": document.title[:300], "body": document.body,
                  "url": document.url, "scope_path": document.scope_path,
                  "tokens": tokens_for(f"{document.title} {document.body}")},
    )


def index_after_commit(model_label: str, object_id) -> None:
    if model_label in _providers:
        transaction.on_commit(lambda: index_object(model_label, object_id))


def reindex(model_label: str | None = None) -> int:
    count = 0
    for label, provider in _providers.items():
        if model_label and label != model_label:
            continue
        for instance in provider.queryset():
            index_object(label, instance.pk)
            count += 1
    return count


def _matching(user, terms: list[str]):
    qs = SearchEntry.objects.all()
    if _scope_filter is None or _staff_check is None:
        return qs.none()
    condition = _scope_filter(user, "scope_path")
    if _staff_check(user):
        condition |= Q(scope_path=EVERY_STAFF)
    qs = qs.filter(condition)
    for term in terms:
        if len(term) == 1:
            qs = qs.filter(Q(title__icontains=term) | Q(body__icontains=term))
        else:
            qs = qs.filter(Q(tokens__contains=f" {term} ") | Q(title__icontains=term) | Q(body__icontains=term))
    return qs


def highlight(text: str, terms: list[str], *, limit: int | None = None) -> str:
    """Escape the text and wrap each found term in <mark>; with `limit`, a snippet around the first hit."""
    if limit is not None and len(text) > limit:
        lowered = text.lower()
        positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
        start = max(0, min(positions) - limit // 3) if positions else 0
        text = ("…" if start else "") + text[start:start + limit] + ("…" if start + limit < len(text) else "")
    result = escape(text)
    for term in sorted(terms, key=len, reverse=True):
        escaped_term = escape(term)
        if not escaped_term:
            continue
        lowered = result.lower()
        out, i = [], 0
        while True:
            j = lowered.find(escaped_term.lower(), i)
            if j < 0:
                out.append(result[i:])
                break
            out.append(result[i:j])
            out.append(f"<mark>{result[j:j + len(escaped_term)]}</mark>")
            i = j + len(escaped_term)
        result = "".join(out)
    return mark_safe(result)  # noqa: S308 (every piece was escaped above)


@dataclass(frozen=True)
class SearchHit:
    title: str
    snippet: str
    url: str
    module: str


def search_page(user, query: str, page_number=1):
    """A page of hits for the user's query, highlighted; an empty query gives an empty page."""
    terms = query_terms(query) if query else []
    qs = _matching(user, terms).order_by("-updated_at", "-id") if terms else SearchEntry.objects.none()
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    page.object_list = [
        SearchHit(title=highlight(e.title, terms), snippet=highlight(e.body, terms, limit=120), url=e.url,
                  module=e.module)
        for e in page.object_list
    ]
    return page
