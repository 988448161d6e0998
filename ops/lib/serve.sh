# shellcheck shell=bash
# Starting and stopping `waymark serve` processes for the ops scripts (restore drill,
# cluster): each on its own free port on 127.0.0.1, its output in a log file.
#
#   waymark_serve_start NAME LOGFILE [env assignments...]   # sets WAYMARK_SERVE_PORT; pid in WAYMARK_SERVE_PIDS[NAME]
#   waymark_serve_wait_ready PORT [seconds]                 # until /readyz answers 200
#   waymark_serve_stop NAME [signal]                        # TERM by default; KILL for a crash
#   waymark_serve_stop_all
#
# WAYMARK_SERVE_ENV=production serves as a deployment does (templates cached, for benchmarks).

declare -gA WAYMARK_SERVE_PIDS=()
WAYMARK_SERVE_PORT=""
WAYMARK_SERVE_BIN=${WAYMARK_SERVE_BIN:-.build/debug/waymark}

waymark_serve__free_port() {
    local port
    for port in $(seq "${1:-18080}" $(( ${1:-18080} + 200 ))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        echo "$port"; return 0
    done
    return 1
}

waymark_serve_start() {
    local name=$1 log=$2; shift 2
    WAYMARK_SERVE_PORT=$(waymark_serve__free_port "${WAYMARK_SERVE_FIRST_PORT:-18080}") || return 1
    env "$@" "$WAYMARK_SERVE_BIN" serve ${WAYMARK_SERVE_ENV:+--env "$WAYMARK_SERVE_ENV"} \
        --hostname 127.0.0.1 --port "$WAYMARK_SERVE_PORT" >"$log" 2>&1 &
    WAYMARK_SERVE_PIDS[$name]=$!
}

waymark_serve_wait_ready() {
    local port=$1 seconds=${2:-180} waited=0
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
        sleep 1; waited=$((waited + 1))
        [ "$waited" -lt "$seconds" ] || return 1
    done
}

waymark_serve_stop() {
    local name=$1 signal=${2:-TERM} pid=${WAYMARK_SERVE_PIDS[$1]:-}
    [ -n "$pid" ] || return 0
    kill -s "$signal" "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "WAYMARK_SERVE_PIDS[$name]"
}

waymark_serve_stop_all() {
    local name
    for name in "${!WAYMARK_SERVE_PIDS[@]}"; do waymark_serve_stop "$name"; done
}
