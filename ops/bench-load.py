#!/usr/bin/env python3
"""Load on signed-in pages (issue 20), run by `ops/bench load` against a release server.

Signs in as the demo commissioner, reads the tenant's menu from its home page, then runs wrk
(50 connections, 2 threads) against /healthz and each page in the menu, one after another, with
the session's cookie. Prints each page's requests a second, its share of /healthz's, and its
99th-percentile latency; the target is a quarter of /healthz and under 100 ms.
Standard library only, besides wrk itself.
"""
import argparse
import http.cookiejar
import re
import subprocess
import sys
import urllib.parse
import urllib.request

COMMISSIONER = "amara.okafor@wmvrp.example"
TENANT = "/t/west-midlands"


def sign_in(base, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/sign-in", timeout=30).read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    fields = urllib.parse.urlencode({"_csrf": token, "email": COMMISSIONER, "password": password}).encode()
    opener.open(base + "/sign-in", fields, timeout=30).read()
    home = opener.open(base + TENANT + "/", timeout=30).read().decode()
    if "Sign out" not in home:
        sys.exit("bench-load: could not sign in as the demo commissioner")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    menu = re.search(r'<ul class="wm-service-navigation__list".*?</ul>', home, re.S).group(0)
    pages = [(label.strip(), href) for href, label in
             re.findall(r'<a class="wm-service-navigation__link" href="([^"]+)"[^>]*>(?:<strong[^>]*>)?([^<]+)', menu)]
    return cookie, pages


def wrk(url, cookie, seconds, connections):
    command = ["wrk", "--latency", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p99_ms, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()

    cookie, pages = sign_in(args.base, args.password)
    healthz, healthz_p99, _ = wrk(args.base + "/healthz", None, args.seconds, args.connections)
    print(f"{'page':<28} {'requests/s':>11} {'of /healthz':>12} {'p99':>10}  verdict")
    print(f"{'/healthz':<28} {healthz:>11.0f} {'100%':>12} {healthz_p99:>8.1f}ms")
    failed = []
    for label, href in pages:
        rate, p99, errors = wrk(args.base + href, cookie, args.seconds, args.connections)
        share = rate / healthz
        good = share >= 0.25 and p99 < 100 and errors == 0
        if not good:
            failed.append(label)
        note = f"  {errors} answers not 2xx/3xx" if errors else ""
        print(f"{label:<28} {rate:>11.0f} {share:>11.0%} {p99:>8.1f}ms  {'meets' if good else 'misses'} the target{note}")
    print(f"{len(pages) - len(failed)} of {len(pages)} pages at a quarter of /healthz or more with p99 under 100 ms"
          + (f"; missing: {', '.join(failed)}" if failed else ""))


if __name__ == "__main__":
    main()
