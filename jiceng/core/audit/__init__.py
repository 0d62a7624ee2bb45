"""The audit trail: every service writes one event per change through `record`.

    from jiceng.core import audit
    before = audit.snapshot(division)
    ... change and save ...
    audit.record(actor=actor, action="org.division.updated", obj=division,
                 before=before, after=audit.snapshot(division))
"""

from .chain import GENESIS_HASH, event_hash, verify_chain
from .service import history_for, record, snapshot

__all__ = ["GENESIS_HASH", "event_hash", "history_for", "record", "snapshot", "verify_chain"]
