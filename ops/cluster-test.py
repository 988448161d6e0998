#!/usr/bin/env python3
"""Drives the two-instance cluster that ops/cluster-test started (standard library only).

1. A session made on instance a carries on on instance b, CSRF included; an import checked on
   instance a is confirmed on instance b.
2. The sign-in throttle counts across both instances: per account, then per address.
3. A forecast run from nginx; then the same run again, its instance killed mid-run: the other
   instance takes the job up and finishes it, with the same results as the uninterrupted run.
4. The last instance stopped (SIGTERM) mid-run: it stops within its grace, and the run is either
   finished or handed back untried for whichever instance starts next.
"""
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

NGINX = os.environ["WAYMARK_CLUSTER_URL"]
A, B = os.environ["WAYMARK_CLUSTER_A"], os.environ["WAYMARK_CLUSTER_B"]
PIDS = {int(os.environ["WAYMARK_CLUSTER_PID_A"]): A, int(os.environ["WAYMARK_CLUSTER_PID_B"]): B}
DATABASE = os.environ["WAYMARK_CLUSTER_DATABASE_URL"]
PSQL = os.environ["WAYMARK_PSQL"]
PASSWORD = os.environ["WAYMARK_DEMO_PASSWORD"]
COMMISSIONER, VIEWER = "amara.okafor@wmvrp.example", "helen.zhao@halcyonfield.example"
TENANT = "/t/west-midlands"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class Client:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with self.opener.open(url, data, timeout=60) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.headers

    def csrf(self, url):
        status, html, _ = self.request(url)
        match = re.search(r'name="_csrf" value="([^"]+)"', html)
        if match is None:
            check(False, f"a form with a CSRF token on {url} (status {status})")
        return match.group(1)

    def sign_in(self, base, email, password):
        return self.request(base + "/sign-in", {"_csrf": self.csrf(base + "/sign-in"), "email": email, "password": password})[0]


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}")
        sys.exit(1)
    print(f"ok: {what}")


def sql(query):
    # Platform scope, as Waymark's own platform work: row-level security hides tenants' rows otherwise.
    environment = dict(os.environ, PGOPTIONS="-c waymark.platform=on")
    return subprocess.run([PSQL, "-X", "-At", "-d", DATABASE, "-c", query], check=True, capture_output=True, text=True,
                          env=environment).stdout.strip()


def session_carries_across_instances():
    client = Client()
    check(client.sign_in(A, COMMISSIONER, PASSWORD) == 303, "signed in on instance a")
    status, html, _ = client.request(B + TENANT + "/routes")
    check(status == 200 and "Sign out" in html, "the session works on instance b")
    token = client.csrf(A + TENANT + "/forecasts/new")
    fields = {"_csrf": token, "name": "Made across instances", "description": "", "as_of": "2022-09-01", "horizon_months": "12",
              "samples": "200", "seed": "7", "p_prospective": "30", "p_pledged": "70", "p_confirmed": "100", "p_received": "100",
              "renewal": "none", "inflation_low": "0", "inflation_high": "0"}
    status, body, headers = client.request(B + TENANT + "/forecasts/new", fields)
    check(status == 303 and "/forecasts/" in headers.get("Location", ""),
          f"a form from instance a's page is accepted by instance b (CSRF) (status {status} {re.findall(r'wm-error-message[^<]*<[^<]*<[^>]*>([^<]*)', body)[:3]})")
    return client


def multipart(fields, file_field, filename, content):
    boundary = "waymark-cluster-test-boundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
                 f'Content-Type: text/csv\r\n\r\n'.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def import_checked_on_one_instance_is_confirmed_on_the_other(client):
    path = TENANT + "/imports/organisations"
    status, template, _ = client.request(A + path + "/template.csv")
    check(status == 200 and "Leeds Youth Partnership CIO" in template, "the organisations template from instance a")
    body, content_type = multipart({"_csrf": client.csrf(A + path), "action": "check"}, "file", "organisations.csv", template.encode())
    request = urllib.request.Request(A + path, data=body, headers={"Content-Type": content_type})
    with client.opener.open(request, timeout=60) as response:
        checked = response.read().decode()
    payload = re.search(r'name="payload" value="([^"]+)"', checked)
    check(payload is not None, "instance a checked the file and offers to import it")
    filename = re.search(r'name="filename" value="([^"]*)"', checked).group(1)
    token = re.search(r'name="_csrf" value="([^"]+)"', checked).group(1)
    status, _, _ = client.request(B + path, {"_csrf": token, "action": "import", "filename": filename, "payload": payload.group(1)})
    check(status in (200, 303), f"instance b imported what instance a checked ({status})")
    status, html, _ = client.request(A + TENANT + "/organisations")
    check("Leeds Youth Partnership CIO" in html, "and the organisation is there, on either instance")


def scenario(client, name, samples):
    fields = {"_csrf": client.csrf(NGINX + TENANT + "/forecasts/new"), "name": name, "description": "", "as_of": "2022-09-01",
              "horizon_months": "36", "samples": str(samples), "seed": "11", "p_prospective": "30", "p_pledged": "70",
              "p_confirmed": "100", "p_received": "100", "renewal": "none", "inflation_low": "0", "inflation_high": "4"}
    status, _, headers = client.request(NGINX + TENANT + "/forecasts/new", fields)
    check(status == 303, f"scenario '{name}' saved through nginx")
    return headers["Location"].rstrip("/").split("/")[-1]


def run(client, scenario_id):
    page = client.request(NGINX + TENANT + f"/forecasts/{scenario_id}")[1]
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    status = client.request(NGINX + TENANT + f"/forecasts/{scenario_id}/run", {"_csrf": token, "version": version})[0]
    check(status == 303, "run asked for")


def wait_finished(client, scenario_id, seconds=600):
    deadline = time.time() + seconds
    while time.time() < deadline:
        state = sql(f"SELECT run_state FROM forecast_scenarios WHERE id = '{scenario_id}'")
        if state in ("finished", "failed"):
            return state
        time.sleep(0.5)
    return "still " + state


def results_csv(client, scenario_id):
    status, text, _ = client.request(NGINX + TENANT + f"/forecasts/{scenario_id}/results.csv")
    check(status == 200, "results downloaded")
    return text


def forecast_survives_a_killed_instance(client):
    samples = 60000
    reference = scenario(client, "Reference run", samples)
    run(client, reference)
    state = wait_finished(client, reference)
    check(state == "finished", f"the reference run finished ({state}: {sql(f'SELECT run_error FROM forecast_scenarios WHERE id = {chr(39)}{reference}{chr(39)}')})")
    expected = results_csv(client, reference)

    resumed = scenario(client, "Run whose instance dies", samples)
    run(client, resumed)
    deadline, holder = time.time() + 120, ""
    while time.time() < deadline and not holder:
        holder = sql(f"SELECT claimed_by FROM jobs WHERE kind = 'forecast' AND lower(subject) = lower('{resumed}') AND state = 'running'")
        time.sleep(0.1)
    check(holder != "", f"the run is held by an instance ({holder})")
    pid = int(holder.split(":")[1])
    check(pid in PIDS, f"held by one of the two instances (pid {pid})")
    survivor = [url for p, url in PIDS.items() if p != pid][0]
    status, html, _ = client.request(survivor + TENANT + f"/forecasts/{resumed}")
    check(status == 200 and ("Running" in html or "Waiting" in html), "the other instance shows the run under way")
    os.kill(pid, signal.SIGKILL)
    print(f"killed instance pid {pid} mid-run")
    state = wait_finished(client, resumed)
    check(state == "finished", f"the run finished on the surviving instance ({state})")
    row = sql(f"SELECT attempts || ' ' || claimed_by FROM jobs WHERE kind = 'forecast' AND lower(subject) = lower('{resumed}')")
    attempts, claimed_by = row.split(" ", 1)
    check(int(claimed_by.split(":")[1]) != pid and int(attempts) == 2, f"taken up by the other instance on its second attempt ({row})")
    actual = results_csv(client, resumed)
    check(actual == expected, "the same results as the run that was never interrupted")
    return int(claimed_by.split(":")[1])


def a_stopping_instance_finishes_or_hands_back(client, pid):
    """SIGTERM (systemd's stop) to the last instance while it runs a forecast: it stops within its
    grace, and the run is either finished or waiting again for any instance, never lost."""
    stopped = scenario(client, "Run whose instance is stopped", 100000)
    run(client, stopped)
    deadline, held = time.time() + 120, ""
    while time.time() < deadline and not held:
        held = sql(f"SELECT claimed_by FROM jobs WHERE kind = 'forecast' AND lower(subject) = lower('{stopped}') AND state = 'running'")
        time.sleep(0.1)
    check(held != "", "the run is under way")
    began = time.time()
    os.kill(pid, signal.SIGTERM)
    while time.time() - began < 30:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        if subprocess.run(["sh", "-c", f"grep -q zombie /proc/{pid}/status 2>/dev/null || ! test -e /proc/{pid}"]).returncode == 0:
            break
        time.sleep(0.2)
    took = time.time() - began
    check(took < 25, f"the instance stopped within its grace ({took:.1f} s)")
    row = sql(f"SELECT state || ' ' || attempts || ' ' || COALESCE(claim_token::text, '-') FROM jobs WHERE kind = 'forecast' AND lower(subject) = lower('{stopped}')")
    state, attempts, token = row.split(" ")
    check(state == "finished" or (state == "waiting" and attempts == "0" and token == "-"),
          f"the run finished, or was handed back untried for another instance ({row})")


def throttle_counts_across_instances():
    client = Client()
    for attempt in range(5):
        base = A if attempt % 2 == 0 else B
        check(client.sign_in(base, VIEWER, "not the password") == 401, f"wrong password {attempt + 1} on instance {'a' if base == A else 'b'}")
    check(client.sign_in(B, VIEWER, PASSWORD) == 429, "the sixth try for the account is refused, on either instance, right password or not")
    # Six failures so far (the refused try counts too); 20 from one address lock it.
    for attempt in range(13):
        base = A if attempt % 2 == 0 else B
        client.sign_in(base, f"nobody{attempt}@example.org", "guess")
    check(client.sign_in(A, f"someone-new@example.org", "guess") == 401, "the 20th failure from the address is still answered")
    check(client.sign_in(B, COMMISSIONER, PASSWORD) == 429, "then the address is refused across both instances")


def main():
    client = session_carries_across_instances()
    import_checked_on_one_instance_is_confirmed_on_the_other(client)
    # While both instances are up; the commissioner's session carries on after the address is locked.
    throttle_counts_across_instances()
    survivor = forecast_survives_a_killed_instance(client)
    a_stopping_instance_finishes_or_hands_back(client, survivor)
    print("cluster test passed")


if __name__ == "__main__":
    main()
