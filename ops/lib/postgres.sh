# shellcheck shell=bash
# A throwaway PostgreSQL cluster for tests and local runs: its own data folder
# under /tmp, its own port on 127.0.0.1, its socket inside that folder. It never
# touches a system cluster. Source this file, then:
#
#   waymark_pg_start [database]   # default database: waymark_test
#   ... use $WAYMARK_PG_URL ...
#   waymark_pg_stop               # stops the server and deletes the folder; safe to call twice
#
# The application's role, waymark (password waymark), is deliberately NOT a
# superuser and has no BYPASSRLS: PostgreSQL's row-level security, the second wall
# of tenant isolation, binds only such roles. It owns the database, so it may drop
# and recreate the public schema (PostgreSQL 15 gives public to pg_database_owner).

WAYMARK_PG_DIR=""
WAYMARK_PG_PORT=""
WAYMARK_PG_URL=""
WAYMARK_PG_BIN=""

waymark_pg__say() { printf '%s\n' "$*" >&2; }

# The folder holding initdb, pg_ctl and psql: PostgreSQL 15 first, then the newest
# Debian-packaged version, then whatever pg_config or PATH offers (macOS, other distros).
waymark_pg__find_bin() {
    local dir
    for dir in "${WAYMARK_PG_BINDIR:-}" /usr/lib/postgresql/15/bin \
               $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/psql" ] && { echo "$dir"; return 0; }
    done
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null) && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

# Finds the server binaries, installing PostgreSQL from Debian's packages when they
# are missing and we are root (CI on a new machine). A non-root user is told what to do.
waymark_pg_ensure_installed() {
    WAYMARK_PG_BIN=$(waymark_pg__find_bin) && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        waymark_pg__say "ops: PostgreSQL server binaries (initdb, pg_ctl) are not installed, and this script can install them only as root on Debian/Ubuntu."
        waymark_pg__say "ops: install PostgreSQL 15 (Debian: apt-get install postgresql-15), or set WAYMARK_PG_BINDIR to the folder holding initdb,"
        waymark_pg__say "ops: or run 'ops/test --sqlite-only'."
        return 1
    fi
    waymark_pg__say "ops: PostgreSQL is not installed; installing it from Debian's packages."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends postgresql-15 >&2 \
        || apt-get install -y -q --no-install-recommends postgresql >&2
    WAYMARK_PG_BIN=$(waymark_pg__find_bin) || { waymark_pg__say "ops: PostgreSQL was installed but initdb is still not found."; return 1; }
}

# initdb refuses to run as root, so as root every server command runs as the
# postgres system user (created by the Debian package); otherwise as ourselves.
waymark_pg__run() {
    if [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd "$WAYMARK_PG_DIR" && runuser -u postgres -- "$@")
        else
            local quoted; quoted=$(printf '%q ' "$@")
            (cd "$WAYMARK_PG_DIR" && su postgres -s /bin/sh -c "$quoted")
        fi
    else
        (cd "$WAYMARK_PG_DIR" && "$@")
    fi
}

waymark_pg__port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

waymark_pg__psql_admin() {
    waymark_pg__run "$WAYMARK_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WAYMARK_PG_DIR" -p "$WAYMARK_PG_PORT" \
        -U postgres -d postgres "$@"
}

waymark_pg_start() {
    local database=${1:-waymark_test}
    waymark_pg_ensure_installed || return 1
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        waymark_pg__say "ops: running as root, but there is no 'postgres' user to run PostgreSQL as (initdb refuses root)."
        return 1
    fi

    case "$database" in
        ""|[!a-z_]*|*[!a-z0-9_]*) waymark_pg__say "ops: '$database' is not a plain database name"; return 1 ;;
    esac

    WAYMARK_PG_DIR=$(mktemp -d /tmp/waymark-pg.XXXXXX) || return 1
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$WAYMARK_PG_DIR" || return 1; fi

    # Local socket connections (our own set-up) are trusted; TCP needs a password,
    # checked with SCRAM as in production. C collation sorts like SQLite does.
    if ! waymark_pg__run "$WAYMARK_PG_BIN/initdb" -D "$WAYMARK_PG_DIR/data" -U postgres \
            --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-locale --no-sync \
            >"$WAYMARK_PG_DIR/initdb.log" 2>&1; then
        waymark_pg__say "ops: initdb failed:"; cat "$WAYMARK_PG_DIR/initdb.log" >&2
        return 1
    fi

    # Durability is pointless for a throwaway cluster; turning it off makes the
    # tests' schema drops and migrations much faster. Another run may take a port
    # between our check and the bind, so a failed start moves on to the next port.
    local port started=""
    for port in $(seq "${WAYMARK_PG_FIRST_PORT:-55432}" $(( ${WAYMARK_PG_FIRST_PORT:-55432} + 40 ))); do
        waymark_pg__port_busy "$port" && continue
        WAYMARK_PG_PORT=$port
        rm -f "$WAYMARK_PG_DIR/log"
        if waymark_pg__run "$WAYMARK_PG_BIN/pg_ctl" -D "$WAYMARK_PG_DIR/data" -l "$WAYMARK_PG_DIR/log" -w -t 60 \
                -o "-p $port -k $WAYMARK_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                start >/dev/null; then
            started=1; break
        fi
        grep -q 'already in use\|could not bind\|could not create any TCP/IP sockets' "$WAYMARK_PG_DIR/log" 2>/dev/null || break
    done
    if [ -z "$started" ]; then
        waymark_pg__say "ops: PostgreSQL did not start. Its log:"; tail -n 30 "$WAYMARK_PG_DIR/log" >&2 2>/dev/null
        return 1
    fi

    waymark_pg__psql_admin <<SQL || return 1
CREATE ROLE waymark LOGIN PASSWORD 'waymark' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE $database OWNER waymark;
SQL
    WAYMARK_PG_URL="postgres://waymark:waymark@127.0.0.1:$WAYMARK_PG_PORT/$database"
    echo "ops: PostgreSQL $("$WAYMARK_PG_BIN/postgres" --version | awk '{print $3}') is running on 127.0.0.1:$WAYMARK_PG_PORT (data in $WAYMARK_PG_DIR); role waymark owns database $database."
}

# The server's log, for when something went wrong.
waymark_pg_log_tail() {
    [ -n "$WAYMARK_PG_DIR" ] && [ -f "$WAYMARK_PG_DIR/log" ] && tail -n "${1:-40}" "$WAYMARK_PG_DIR/log"
    return 0
}

waymark_pg_stop() {
    [ -n "$WAYMARK_PG_DIR" ] || return 0
    if [ -f "$WAYMARK_PG_DIR/data/postmaster.pid" ]; then
        waymark_pg__run "$WAYMARK_PG_BIN/pg_ctl" -D "$WAYMARK_PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || waymark_pg__run "$WAYMARK_PG_BIN/pg_ctl" -D "$WAYMARK_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
            || waymark_pg__say "ops: could not stop PostgreSQL in $WAYMARK_PG_DIR"
    fi
    case "$WAYMARK_PG_DIR" in
        /tmp/waymark-pg.*) rm -rf -- "$WAYMARK_PG_DIR" ;;
    esac
    WAYMARK_PG_DIR=""; WAYMARK_PG_PORT=""; WAYMARK_PG_URL=""
}

# Another empty database in the running cluster, owned by the application's role
# (which may not create databases itself).
waymark_pg_create_database() {
    case "$1" in
        ""|[!a-z_]*|*[!a-z0-9_]*) waymark_pg__say "ops: '$1' is not a plain database name"; return 1 ;;
    esac
    waymark_pg__psql_admin -c "CREATE DATABASE $1 OWNER waymark" || return 1
    echo "postgres://waymark:waymark@127.0.0.1:$WAYMARK_PG_PORT/$1"
}
