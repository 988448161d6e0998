# shellcheck shell=bash
# A Python virtual environment under .build-*/ for the project's own checks, made the first
# time it is needed (installing Debian's python3-venv when missing and we are root).
#
#   waymark_venv DIR   creates DIR unless it already holds a python; the caller then installs
#                      what it needs with "$DIR/bin/pip install …".
waymark_venv() {
    local venv=$1
    [ -x "$venv/bin/python" ] && return 0
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        # Debian keeps venv in its own package.
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
            apt-get update -q >&2 && apt-get install -y -q --no-install-recommends python3-venv >&2
            rm -rf "$venv"; python3 -m venv "$venv"
        else
            echo "python3 -m venv failed; install python3-venv" >&2; return 1
        fi
    fi
}
