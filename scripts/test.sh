#!/usr/bin/env bash
# Lint, type-check, then run every test on SQLite and PostgreSQL (127.0.0.1:5432, database `test`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

pg_ready() { "$BIN/python" - <<'PY'
import asyncio, sys
import asyncpg
async def main():
    conn = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test", timeout=3)
    await conn.close()
try:
    asyncio.run(main())
except Exception:
    sys.exit(1)
PY
}

if ! pg_ready; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "starting PostgreSQL…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  fi
fi
pg_ready || echo "warning: PostgreSQL is not reachable; its tests will be skipped (CI fails instead)"

"$BIN/ruff" check .
"$BIN/ruff" format --check .
"$BIN/mypy"
"$BIN/pytest" "$@"
