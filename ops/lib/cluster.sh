# shellcheck shell=bash
# Two `waymark serve` instances on one throwaway PostgreSQL behind nginx, all on loopback.
# Source (with ops/lib/postgres.sh and ops/lib/serve.sh), then:
#
#   waymark_cluster_start   # sets WAYMARK_CLUSTER_URL (nginx), WAYMARK_CLUSTER_A/B (each instance),
#                           # WAYMARK_CLUSTER_DATABASE_URL, WAYMARK_CLUSTER_DIR
#   waymark_cluster_stop
#
# Jobs' leases are short here (WAYMARK_JOB_LEASE_SECONDS=5) so a killed instance's forecast is
# taken up in seconds; production keeps the default minute.

WAYMARK_CLUSTER_DIR="" WAYMARK_NGINX_PID=""

waymark_cluster__nginx() {
    command -v nginx >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "ops: nginx is not installed; installing it from Debian's packages." >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q --no-install-recommends nginx-light >&2 2>/dev/null \
            || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends nginx >&2; }
    fi
    command -v nginx >/dev/null 2>&1 || { echo "ops: nginx is needed (Debian: apt-get install nginx)" >&2; return 1; }
}

waymark_cluster_start() {
    waymark_cluster__nginx || return 1
    WAYMARK_CLUSTER_DIR=$(mktemp -d /tmp/waymark-cluster.XXXXXX) || return 1
    local d=$WAYMARK_CLUSTER_DIR
    waymark_pg_start waymark_cluster || return 1
    WAYMARK_CLUSTER_DATABASE_URL=$WAYMARK_PG_URL
    local key; key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
    local common=(DATABASE_URL="$WAYMARK_PG_URL" WAYMARK_AUDIT_KEY="$key" WAYMARK_BCRYPT_COST=4
                  WAYMARK_DEMO_PASSWORD="${WAYMARK_DEMO_PASSWORD:-cluster-demo-password}" WAYMARK_JOB_LEASE_SECONDS=5
                  WAYMARK_TRUSTED_PROXIES=127.0.0.1 WAYMARK_ALERTS=off LOG_LEVEL=notice)
    # The first instance migrates and seeds the demo; the second starts on the ready database,
    # as an upgrade does (migrate once, then start instances).
    waymark_serve_start a "$d/a.log" "${common[@]}" WAYMARK_SEED_DEMO=1 WAYMARK_DATA_DIR="$d/a" || return 1
    WAYMARK_CLUSTER_A=http://127.0.0.1:$WAYMARK_SERVE_PORT
    waymark_serve_wait_ready "$WAYMARK_SERVE_PORT" 300 || { echo "ops: instance a did not start:" >&2; tail -n 30 "$d/a.log" >&2; return 1; }
    WAYMARK_SERVE_FIRST_PORT=$(( WAYMARK_SERVE_PORT + 1 ))
    waymark_serve_start b "$d/b.log" "${common[@]}" WAYMARK_SEED_DEMO=0 WAYMARK_DATA_DIR="$d/b" || return 1
    WAYMARK_CLUSTER_B=http://127.0.0.1:$WAYMARK_SERVE_PORT
    waymark_serve_wait_ready "$WAYMARK_SERVE_PORT" 300 || { echo "ops: instance b did not start:" >&2; tail -n 30 "$d/b.log" >&2; return 1; }

    local port; port=$(waymark_serve__free_port $(( WAYMARK_SERVE_PORT + 1 ))) || return 1
    mkdir -p "$d/nginx-temp" && chmod 1777 "$d/nginx-temp"
    cat >"$d/nginx.conf" <<NGINX
worker_processes 1;
pid $d/nginx.pid;
error_log $d/nginx-error.log warn;
events { worker_connections 256; }
http {
    access_log $d/nginx-access.log;
    client_body_temp_path $d/nginx-temp/body;
    proxy_temp_path $d/nginx-temp/proxy;
    fastcgi_temp_path $d/nginx-temp/fastcgi;
    uwsgi_temp_path $d/nginx-temp/uwsgi;
    scgi_temp_path $d/nginx-temp/scgi;
    upstream waymark {
        server ${WAYMARK_CLUSTER_A#http://} max_fails=1 fail_timeout=5s;
        server ${WAYMARK_CLUSTER_B#http://} max_fails=1 fail_timeout=5s;
    }
    server {
        listen 127.0.0.1:$port;
        client_max_body_size 16m;
        location = /metrics { return 404; }
        location / {
            proxy_pass http://waymark;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
NGINX
    nginx -c "$d/nginx.conf" -g 'daemon off;' >"$d/nginx.out" 2>&1 &
    WAYMARK_NGINX_PID=$!
    WAYMARK_CLUSTER_URL=http://127.0.0.1:$port
    local waited=0
    until curl -fsS -o /dev/null "$WAYMARK_CLUSTER_URL/readyz" 2>/dev/null; do
        sleep 0.5; waited=$((waited + 1))
        [ "$waited" -lt 40 ] || { echo "ops: nginx did not start:" >&2; cat "$d/nginx.out" "$d/nginx-error.log" >&2 2>/dev/null; return 1; }
    done
    export WAYMARK_CLUSTER_URL WAYMARK_CLUSTER_A WAYMARK_CLUSTER_B WAYMARK_CLUSTER_DATABASE_URL WAYMARK_CLUSTER_DIR
    echo "ops: cluster up: nginx $WAYMARK_CLUSTER_URL -> instance a $WAYMARK_CLUSTER_A (pid ${WAYMARK_SERVE_PIDS[a]}), instance b $WAYMARK_CLUSTER_B (pid ${WAYMARK_SERVE_PIDS[b]}); PostgreSQL $WAYMARK_CLUSTER_DATABASE_URL"
}

waymark_cluster_stop() {
    if [ -n "$WAYMARK_NGINX_PID" ]; then
        kill "$WAYMARK_NGINX_PID" 2>/dev/null || true
        wait "$WAYMARK_NGINX_PID" 2>/dev/null || true
    fi
    WAYMARK_NGINX_PID=""
    waymark_serve_stop_all
    waymark_pg_stop
    case "$WAYMARK_CLUSTER_DIR" in /tmp/waymark-cluster.*) rm -rf -- "$WAYMARK_CLUSTER_DIR" ;; esac
    WAYMARK_CLUSTER_DIR=""
    return 0
}
