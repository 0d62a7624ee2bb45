"""Pieces of the generated scope matrices (org, ideas): an endpoint with placeholders, and calling it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    url: str  # formatted with the ids of the objects under test
    api: bool
    data: dict | None = None


def fill(value, ids):
    """A placeholder "{name}" (also inside a list) replaced by ids[name]; a callable called (a fresh upload for
    every call); anything else as it is."""
    if callable(value):
        return value()
    if isinstance(value, list):
        return [fill(item, ids) for item in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


def call(client, endpoint: Endpoint, ids: dict):
    """Call the endpoint with its placeholders filled: JSON for the API, a form post for pages."""
    url = endpoint.url.format(**ids)
    data = {key: fill(value, ids) for key, value in (endpoint.data or {}).items()}
    if endpoint.method == "get":
        return client.get(url)
    method = getattr(client, endpoint.method)
    return method(url, data, format="json") if endpoint.api else method(url, data)
