"""Who is acting and under which request id, carried through a request or a command.

The audit trail copies the request id onto every event, so all the changes one
click made can be found together. Set by RequestContextMiddleware for web
requests and by `command_context` for management commands.
"""

import contextvars
import uuid
from contextlib import contextmanager

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("jiceng_request_id", default="")


def current_request_id() -> str:
    return _request_id.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


@contextmanager
def request_context(request_id: str | None = None):
    token = _request_id.set(request_id or new_request_id())
    try:
        yield _request_id.get()
    finally:
        _request_id.reset(token)
