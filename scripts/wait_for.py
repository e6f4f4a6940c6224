"""Wait until a PostgreSQL or Redis server answers.

Usage: python scripts/wait_for.py postgres|redis URL SECONDS
Exits 0 when it answers, 1 when it did not within SECONDS.
"""

import sys
import time


def ping(kind: str, url: str) -> None:
    if kind == "postgres":
        import psycopg

        # Connect to the maintenance database: the test database may not exist yet.
        base = url.rsplit("/", 1)[0] + "/postgres"
        psycopg.connect(base, connect_timeout=2).close()
    else:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()


def main() -> int:
    kind, url, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    deadline = time.monotonic() + seconds
    while True:
        try:
            ping(kind, url)
            return 0
        except Exception as e:  # noqa: BLE001 - any failure means "not yet"
            if time.monotonic() > deadline:
                print(f"{kind} at {url} does not answer: {e}", file=sys.stderr)
                return 1
            time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())
