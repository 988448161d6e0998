# shellcheck shell=bash
# Real SMTP servers with TLS for the mail tests (ops/lib/smtpd.py, aiosmtpd from PyPI into
# .build-smtpd/venv the first time). Source, then:
#
#   waymark_smtpd_start    # sets WAYMARK_TEST_SMTPD to the servers' description (servers.json)
#   waymark_smtpd_stop     # safe to call twice

WAYMARK_SMTPD_DIR="" WAYMARK_SMTPD_PID=""

waymark_smtpd_start() {
    . ops/lib/venv.sh
    local venv=.build-smtpd/venv
    if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
        echo "==> Installing aiosmtpd into $venv" >&2
        rm -rf "$venv"; waymark_venv "$venv" || return 1
        "$venv/bin/pip" install --quiet "aiosmtpd>=1.4,<2" || return 1
    fi
    if ! command -v openssl >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
            # A new machine may have no package lists yet.
            apt-get update -q >&2 && apt-get install -y -q --no-install-recommends openssl >&2
        fi
        command -v openssl >/dev/null 2>&1 || { echo "ops: openssl is needed to make the mail tests' certificates" >&2; return 1; }
    fi
    WAYMARK_SMTPD_DIR=$(mktemp -d /tmp/waymark-smtpd.XXXXXX) || return 1
    local d=$WAYMARK_SMTPD_DIR
    # A throwaway authority, and a certificate for localhost and 127.0.0.1 that it signs.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Waymark test mail authority" \
        -keyout "$d/ca.key" -out "$d/ca.pem" >/dev/null 2>&1 || return 1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$d/server.key" -out "$d/server.csr" >/dev/null 2>&1 || return 1
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$d/ext.cnf"
    openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
        -extfile "$d/ext.cnf" -out "$d/server.pem" >/dev/null 2>&1 || return 1
    "$venv/bin/python" ops/lib/smtpd.py "$d" >"$d/log" 2>&1 &
    WAYMARK_SMTPD_PID=$!
    local waited=0
    until [ -f "$d/servers.json" ]; do
        sleep 0.2; waited=$((waited + 1))
        if [ "$waited" -gt 150 ] || ! kill -0 "$WAYMARK_SMTPD_PID" 2>/dev/null; then
            echo "ops: the test mail servers did not start:" >&2; cat "$d/log" >&2; return 1
        fi
    done
    export WAYMARK_TEST_SMTPD=$d/servers.json
    echo "ops: test mail servers (STARTTLS, implicit TLS, plain) listening: $(cat "$d/servers.json")"
}

waymark_smtpd_stop() {
    # `|| true`: the server ends by our TERM (status 143), and the callers run with set -e.
    if [ -n "$WAYMARK_SMTPD_PID" ]; then
        kill "$WAYMARK_SMTPD_PID" 2>/dev/null || true
        wait "$WAYMARK_SMTPD_PID" 2>/dev/null || true
    fi
    case "$WAYMARK_SMTPD_DIR" in /tmp/waymark-smtpd.*) rm -rf -- "$WAYMARK_SMTPD_DIR" ;; esac
    WAYMARK_SMTPD_DIR="" WAYMARK_SMTPD_PID=""
    return 0
}
