"""Pure functions of the hash chain: canonical form, hashing, verification over any iterable of events."""

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS_HASH = "0" * 64


def canonical_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_event(fields: dict) -> bytes:
    """One event's fields as canonical JSON: sorted keys, no spaces, UTF-8, times in UTC to the microsecond."""
    data = dict(fields)
    if isinstance(data.get("created_at"), datetime):
        data["created_at"] = canonical_time(data["created_at"])
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(prev_hash: str, fields: dict) -> str:
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_event(fields))
    return digest.hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    last_hash: str
    breaks: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        return not self.breaks


def verify_chain(
    events: Iterable[tuple[int, str, str, dict]], *, head_hash: str | None = None, head_length: int | None = None,
    max_breaks: int = 20,
) -> ChainReport:
    """Check events given in chain order as (id, prev_hash, hash, fields).

    A break is reported where a row's own hash does not match its content, where
    its prev_hash does not name the row before it, or where the head (last hash,
    length) does not match the end of the table (a removed last row).
    """
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS_HASH
    checked = 0
    last_id = 0
    for event_id, prev_hash, stored_hash, fields in events:
        checked += 1
        last_id = event_id
        if prev_hash != expected_prev:
            breaks.append(ChainBreak(event_id, "prev_hash does not match the previous event"))
        if event_hash(prev_hash, fields) != stored_hash:
            breaks.append(ChainBreak(event_id, "content does not match its hash"))
        expected_prev = stored_hash
        if len(breaks) >= max_breaks:
            break
    else:
        if head_hash is not None and head_hash != expected_prev:
            breaks.append(ChainBreak(last_id, "the chain head does not match the last event"))
        if head_length is not None and head_length != checked:
            breaks.append(ChainBreak(last_id, f"the chain head counts {head_length} events, the table holds {checked}"))
    return ChainReport(checked=checked, last_hash=expected_prev, breaks=tuple(breaks))


def iter_fields(rows: Iterable) -> Iterator[tuple[int, str, str, dict]]:
    for row in rows:
        yield row.id, row.prev_hash, row.hash, hashed_fields(row)


def hashed_fields(row) -> dict:
    """What the hash of an AuditEvent covers (a content type by its natural key, not its database id)."""
    return {
        "created_at": row.created_at,
        "actor_id": row.actor_id,
        "actor_name": row.actor_name,
        "action": row.action,
        "object_type": row.object_type,
        "object_id": row.object_id,
        "object_repr": row.object_repr,
        "changes": row.changes,
        "payload": row.payload,
        "request_id": row.request_id,
    }
