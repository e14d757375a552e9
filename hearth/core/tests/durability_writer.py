"""Processes that write couple data through Hearth's services without pause, for
test_durability to kill with SIGKILL.

    python -m hearth.core.tests.durability_writer OWNER_ID PARTNER_ID

Loading Django takes most of a second, so this process loads it once and then, for each
line on its standard input, forks a writer and prints `writer <pid>`. A writer prints
`writing <kind> <id>` inside each transaction, before the commit, and `ack <kind> <id>`
once committed: an acknowledged write must survive any kill. When a writer has died this
process prints `ended <pid> <signal>`.
"""

import os
import sys


def say(line: str) -> None:
    os.write(1, f"{line}\n".encode())  # one write(2) per line: lines never interleave


def write_forever(owner_id: int, partner_id: int) -> None:
    from django.db import transaction

    from hearth.accounts.models import User
    from hearth.appreciate.services import journal_write, note_send
    from hearth.couples.selectors import couple_for_user
    from hearth.support.services import bid_send
    from hearth.trust.promises import promise_keep, promise_make

    owner, partner = User.objects.get(pk=owner_id), User.objects.get(pk=partner_id)
    couple = couple_for_user(owner)
    assert couple is not None
    writes = [
        ("note", lambda n: note_send(user=owner, couple=couple, did=f"Tea {n}", felt="Warm")),
        ("journal", lambda n: journal_write(user=partner, couple=couple, text=f"Glad {n}")),
        ("bid", lambda n: bid_send(user=partner, couple=couple, kind="talk")),
        (
            "kept",
            lambda n: promise_keep(
                user=partner, promise=promise_make(user=owner, couple=couple, text=f"Call {n}")
            ),
        ),
    ]
    n = 0
    while True:
        kind, write = writes[n % len(writes)]
        with transaction.atomic():
            written = write(n)
            say(f"writing {kind} {written.pk}")
        say(f"ack {kind} {written.pk}")
        n += 1


def main(owner_id: int, partner_id: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
    import django

    django.setup()
    import hearth.appreciate.services
    import hearth.support.services
    import hearth.trust.promises  # noqa: F401 (loaded once, before forking)

    # No database connection is opened here: each writer opens its own.
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(owner_id, partner_id)
            finally:
                os._exit(1)
        say(f"writer {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ended {pid} {os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
