"""Validates Waymark's open data files with the official schemas vendored in standards/.

    python ops/validate-open-data.py FILE...

A file ending -360giving.json is a 360Giving 1.4 package (JSON Schema 2020-12), one ending
-ocds-releases.json an OCDS 1.1 release package and -ocds-records.json a record package (draft 4).
Beside the schema, each file is held to the checks the publishers' own tools add:
360Giving's quality rules that matter here, and for OCDS what libcoveocds checks offline. Prints
every problem and exits 1 if there is any.
"""
import csv
import datetime
import json
import pathlib
import re
import sys

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

STANDARDS = pathlib.Path(__file__).resolve().parent.parent / "standards"
ORG_ID_PREFIXES = {"GB-CHC", "GB-SC", "GB-NIC", "GB-COH", "GB-EDU", "GB-LAE", "GB-PLA", "GB-LAS", "GB-UKPRN",
                   "GB-GOR", "GB-GOVUK", "GB-NHS", "GB-MPR", "GB-REV", "GB-SHPE", "GB-UKLA", "XI-ROR", "XI-GRID"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def registry(folder, spec):
    """Every schema of a folder, under its $id and under any remote URL ending in its name."""
    resources = []
    for path in folder.glob("*.json"):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=spec)
        resources.append((path.name, resource))
    reg = Registry()
    for name, resource in resources:
        reg = reg.with_resource(name, resource)
        if resource.id():
            reg = reg.with_resource(resource.id(), resource)
    return reg, dict(resources)


class RemoteByName:
    """Resolves any remote $ref (another version's URL) to the vendored file of the same name."""

    def __init__(self, folder, spec):
        self.folder, self.spec = folder, spec

    def __call__(self, uri):
        name = uri.rsplit("/", 1)[-1].split("#")[0]
        path = self.folder / name
        if not path.exists():
            raise LookupError(uri)
        return Resource.from_contents(json.loads(path.read_text()), default_specification=self.spec)


def schema_errors(document, folder, main, spec, validator_class):
    schema = json.loads((folder / main).read_text())
    reg = Registry(retrieve=RemoteByName(folder, spec))
    validator = validator_class(schema, registry=reg, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:300]}"
            for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))]


def grant_rules(package, today):
    problems = []
    ids = set()
    for grant in package.get("grants", []):
        gid = grant.get("id", "?")
        if gid in ids:
            problems.append(f"{gid}: the id is used twice")
        ids.add(gid)
        if not gid.startswith("360G-"):
            problems.append(f"{gid}: the id does not start 360G-")
        award = grant.get("awardDate", "")[:10]
        if award and award > today:
            problems.append(f"{gid}: the award date {award} is in the future")
        for dates in grant.get("plannedDates", []):
            if dates.get("startDate", "") > dates.get("endDate", "9999"):
                problems.append(f"{gid}: the planned start is after the planned end")
        if len(grant.get("fundingOrganization", [])) != 1:
            problems.append(f"{gid}: there is not exactly one funding organisation")
        for org in grant.get("recipientOrganization", []) + grant.get("fundingOrganization", []):
            oid = org.get("id", "")
            prefix = "-".join(oid.split("-")[:2])
            if not oid.startswith("360G-") and prefix not in ORG_ID_PREFIXES:
                problems.append(f"{gid}: {oid} does not use an org-id prefix from the register")
            charity = org.get("charityNumber")
            if charity and charity.isdigit() and not 6 <= len(charity) <= 7:
                problems.append(f"{gid}: the charity number {charity} is not 6 or 7 digits")
            company = org.get("companyNumber")
            if company and len(company) != 8:
                problems.append(f"{gid}: the company number {company} is not 8 characters")
        for field in ("title", "description"):
            if EMAIL.search(grant.get(field, "")):
                problems.append(f"{gid}: the {field} holds an email address")
    return problems


def codelist(name):
    with open(STANDARDS / "ocds-1.1" / "codelists" / f"{name}.csv", newline="") as f:
        return {row["Code"] for row in csv.DictReader(f)}


def ocds_rules(package, prefix_required=True):
    """What libcoveocds adds to the schema, offline: release ids unique within each ocid, every
    ocid under an ocds- prefix, a party for every organisation referenced, codelist values."""
    problems = []
    seen = set()
    tags, roles = codelist("releaseTag"), codelist("partyRole")
    methods, statuses = codelist("method"), codelist("tenderStatus")
    releases = package.get("releases")
    if releases is None:  # a record package: check its compiled releases and the releases it embeds
        releases = []
        for record in package.get("records", []):
            releases += [r for r in record.get("releases", []) if isinstance(r, dict) and "tag" in r]
            if "compiledRelease" in record:
                releases.append(record["compiledRelease"])
    for release in releases:
        ocid, rid = release.get("ocid", ""), release.get("id", "")
        if "compiled" not in release.get("tag", []):
            if (ocid, rid) in seen:
                problems.append(f"{ocid}: release id {rid} is used twice")
            seen.add((ocid, rid))
        if prefix_required and not re.match(r"^ocds-[a-z0-9]{6}-", ocid):
            problems.append(f"{ocid}: the ocid does not start with a registered ocds- prefix")
        for tag in release.get("tag", []):
            if tag not in tags:
                problems.append(f"{ocid} {rid}: tag {tag} is not in the releaseTag codelist")
        party_ids = {p.get("id") for p in release.get("parties", [])}
        for party in release.get("parties", []):
            for role in party.get("roles", []):
                if role not in roles:
                    problems.append(f"{ocid} {rid}: role {role} is not in the partyRole codelist")
        referenced = []
        for key in ("buyer",):
            if key in release:
                referenced.append(release[key])
        tender = release.get("tender", {})
        if "procuringEntity" in tender:
            referenced.append(tender["procuringEntity"])
        referenced += tender.get("tenderers", [])
        for award in release.get("awards", []):
            referenced += award.get("suppliers", [])
        for contract in release.get("contracts", []):
            for transaction in contract.get("implementation", {}).get("transactions", []):
                referenced += [transaction[k] for k in ("payer", "payee") if k in transaction]
        for ref in referenced:
            if ref.get("id") not in party_ids:
                problems.append(f"{ocid} {rid}: {ref.get('name')} ({ref.get('id')}) is referenced but not among the parties")
        if "procurementMethod" in tender and tender["procurementMethod"] not in methods:
            problems.append(f"{ocid} {rid}: procurementMethod {tender['procurementMethod']} is not in the codelist")
        if "status" in tender and tender["status"] not in statuses:
            problems.append(f"{ocid} {rid}: tender status {tender['status']} is not in the codelist")
    return problems


def main(paths):
    today = datetime.date.today().isoformat()
    failed = 0
    if not paths:
        print("validate-open-data: no files given", file=sys.stderr)
        return 2
    for name in paths:
        document = json.loads(pathlib.Path(name).read_text())
        if name.endswith("-360giving.json"):
            problems = schema_errors(document, STANDARDS / "360giving", "360-giving-package-schema.json", DRAFT202012,
                                     jsonschema.Draft202012Validator) + grant_rules(document, today)
            count = len(document.get("grants", []))
            what = f"{count} grant{'s' if count != 1 else ''}"
        elif name.endswith("-ocds-releases.json"):
            problems = schema_errors(document, STANDARDS / "ocds-1.1", "release-package-schema.json", DRAFT4,
                                     jsonschema.Draft4Validator) + ocds_rules(document)
            what = f"{len(document.get('releases', []))} releases"
        elif name.endswith("-ocds-records.json"):
            problems = schema_errors(document, STANDARDS / "ocds-1.1", "record-package-schema.json", DRAFT4,
                                     jsonschema.Draft4Validator) + ocds_rules(document)
            what = f"{len(document.get('records', []))} records"
        else:
            print(f"{name}: not a file this script knows (-360giving.json, -ocds-releases.json, -ocds-records.json)")
            failed = 1
            continue
        print(f"{name}: {what}, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        for problem in problems:
            print(f"  {problem}")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
