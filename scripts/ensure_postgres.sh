# Sourced by `make test`: make sure the local PostgreSQL is up and tell pytest where it is.
# Sets TEST_POSTGRES_URL when a server answers; in CI (CI=true) a missing server is an error.
: "${TEST_POSTGRES_URL:=postgresql+psycopg://postgres@127.0.0.1:5432/test}"
_pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }
if command -v pg_isready >/dev/null 2>&1 && ! _pg_up && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is down; starting it with pg_ctlcluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do _pg_up && break; sleep 1; done
fi
if command -v pg_isready >/dev/null 2>&1 && _pg_up; then
    export TEST_POSTGRES_URL
    echo "PostgreSQL tests: on ($TEST_POSTGRES_URL)"
elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is not reachable at 127.0.0.1:5432 and CI requires it" >&2
    return 1 2>/dev/null || exit 1
else
    unset TEST_POSTGRES_URL
    echo "PostgreSQL tests: SKIPPED (no server at 127.0.0.1:5432)"
fi
if [ "${CI:-}" = "true" ]; then export NEWSROOM_REQUIRE_POSTGRES=1; fi
