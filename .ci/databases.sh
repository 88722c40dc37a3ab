# Shared by .ci/run and the performance run: installs (apt, as root) and starts the databases the tests use.

apt_install() {
    if [ -z "${APT_UPDATED:-}" ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start_postgresql() {
    if [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
        apt_install postgresql
    fi
    PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
    for _ in $(seq 1 30); do
        pg_isready -q -h localhost -p 5432 && break
        sleep 1
    done
    pg_isready -h localhost -p 5432
    su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DROP DATABASE IF EXISTS polyproto;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'polyproto') THEN
        CREATE ROLE polyproto LOGIN PASSWORD 'polyproto';
    END IF;
END $$;
CREATE DATABASE polyproto OWNER polyproto;
SQL
}

