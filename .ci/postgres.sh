#!/usr/bin/env bash
# Installs (if needed) and starts a PostgreSQL cluster on 127.0.0.1:5432 for the tests.
# Prints the admin URL the tests use (TEST_PG_URL).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
  pg_createcluster "$ver" main >/dev/null
fi
conf=/etc/postgresql/$ver/main/postgresql.conf
grep -q "^listen_addresses = '127.0.0.1'" "$conf" || echo "listen_addresses = '127.0.0.1'" >> "$conf"
# Our settings are one block at the end of the file, rewritten on every start
# (older versions of this script marked it fsync_tuned).
sed -i '/^# vroegsignaal settings/,$d; /^# fsync_tuned/,$d' "$conf"
cat >> "$conf" <<'CONF'
# vroegsignaal settings: sizes for a 2-core, 24 GiB machine. shared_buffers
# bounds what a backend's resident set can reach (a backend counts the shared
# buffers it touched): with 1 GB, the CLI and a backend together stay under the
# 1.5 GiB of issue 3 while importing a million households (README, Performance).
shared_buffers = 1GB
work_mem = 256MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
max_connections = 200
CONF
pg_ctlcluster "$ver" main start 2>/dev/null || pg_ctlcluster "$ver" main restart
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
echo "postgres://postgres:postgres@127.0.0.1:5432/postgres"
