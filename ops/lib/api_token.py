#!/usr/bin/env python3
"""Signs in to a Waymark server as a demo person and makes a personal API token on the
tenant's tokens page, as a person would; prints the token. Standard library only.

Usage: ops/lib/api_token.py BASE_URL EMAIL PASSWORD [TENANT]
"""
import http.cookiejar, re, sys, urllib.parse, urllib.request

base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
tenant = sys.argv[4] if len(sys.argv) > 4 else "west-midlands"
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

def csrf(path):
    html = opener.open(base + path).read().decode()
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    if not match: sys.exit(f"no form on {path}")
    return match.group(1)

def post(path, fields):
    return opener.open(base + path, urllib.parse.urlencode(fields).encode()).read().decode()

post("/sign-in", {"_csrf": csrf("/sign-in"), "email": email, "password": password})
page = post(f"/t/{tenant}/tokens", {"_csrf": csrf(f"/t/{tenant}/tokens"), "name": "fuzz"})
match = re.search(r'id="new-token">([^<]+)<', page)
if not match: sys.exit("the tokens page showed no new token")
print(match.group(1))
