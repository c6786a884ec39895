#!/usr/bin/python3
"""Validates MISP events (Vigil's misp-event-<n>.json, misp-operation-<n>.json) against MISP's reference files.

With the folder of MISP reference files (misp-reference/ in the shared data: PyMISP's describeTypes.json,
schema.json and schema-lax.json, the misp-objects templates and the misp-galaxy DISARM cluster), checks:
  - the event against PyMISP's strict schema.json. That schema (the MISP 2.4 core format) predates MISP
    objects and has no place for an "Object" key at any level, so the event is checked without it, each
    object attribute against the strict attribute definition (less its object_relation), and the whole
    event, objects included, against schema-lax.json;
  - every attribute's type and category against describeTypes (the category must allow the type);
  - every object against its template: name, template_uuid, template_version, meta-category, known
    object_relation names with the template's attribute type, single-valued relations at most once,
    required / requiredOneOf relations present;
  - every misp-galaxy tag: galaxy type disarm-techniques and a value that exists in the cluster file;
  - no empty value, uuids well-formed and unique.

Usage: validate_misp.py --reference DIR [--writer PROGRAM --out DIR] [EVENT.json ...]
With --writer, runs `PROGRAM --all DIR` first and validates DIR/misp-event-*.json and misp-operation-*.json.
Exit status: 0 valid, 1 invalid, 77 skipped (reference files absent outside CI).
"""
import argparse
import glob
import json
import os
import pathlib
import re
import subprocess
import sys

import jsonschema

SKIP = 77
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
GALAXY_TAG = re.compile(r'^misp-galaxy:([^=]+)="(.*)"$')
# The keys a MISP object carries in the core format (MISP RFC, section "Object").
OBJECT_KEYS = {"name", "meta-category", "description", "template_uuid", "template_version", "uuid", "timestamp",
               "distribution", "sharing_group_id", "comment", "deleted", "first_seen", "last_seen", "Attribute",
               "ObjectReference"}


class Reference:
    def __init__(self, root):
        root = pathlib.Path(root)
        self.types = json.loads((root / "pymisp" / "describeTypes.json").read_text(encoding="utf-8"))["result"]
        self.strict = json.loads((root / "pymisp" / "schema.json").read_text(encoding="utf-8"))
        self.lax = json.loads((root / "pymisp" / "schema-lax.json").read_text(encoding="utf-8"))
        self.templates = {}
        for path in (root / "objects").glob("*/definition.json"):
            template = json.loads(path.read_text(encoding="utf-8"))
            self.templates[template["name"]] = template
        cluster = json.loads((root / "galaxy" / "clusters-disarm-techniques.json").read_text(encoding="utf-8"))
        self.galaxy_type = cluster["type"]
        self.galaxy_values = {value["value"] for value in cluster["values"]}


def schema_errors(schema, instance, where):
    validator = jsonschema.Draft4Validator(schema)
    return ["%s: %s at %s" % (where, e.message[:200], "/".join(map(str, e.absolute_path)))
            for e in validator.iter_errors(instance)]


def attribute_errors(ref, attribute, where):
    errors = []
    kind, category = attribute.get("type"), attribute.get("category")
    if kind not in ref.types["types"]:
        errors.append("%s: unknown attribute type %r" % (where, kind))
    elif kind not in ref.types["category_type_mappings"].get(category, []):
        errors.append("%s: category %r does not allow type %r" % (where, category, kind))
    if not str(attribute.get("value", "")).strip():
        errors.append("%s: empty value" % where)
    errors += tag_errors(ref, attribute.get("Tag", []), where)
    return errors


def tag_errors(ref, tags, where):
    errors = []
    for tag in tags:
        match = GALAXY_TAG.match(tag.get("name", ""))
        if not match:
            continue
        galaxy, value = match.groups()
        if galaxy != ref.galaxy_type:
            errors.append("%s: galaxy %r is not MISP's %r" % (where, galaxy, ref.galaxy_type))
        elif value not in ref.galaxy_values:
            errors.append("%s: %r is not a value of the %s cluster" % (where, value, galaxy))
    return errors


def object_errors(ref, obj, where):
    errors = ["%s: key %r is not a MISP object key" % (where, k) for k in obj if k not in OBJECT_KEYS]
    template = ref.templates.get(obj.get("name"))
    if template is None:
        return errors + ["%s: no template named %r" % (where, obj.get("name"))]
    for key, expected in (("template_uuid", template["uuid"]), ("template_version", str(template["version"])),
                          ("meta-category", template["meta-category"])):
        if str(obj.get(key)) != expected:
            errors.append("%s: %s is %r, the template's is %r" % (where, key, obj.get(key), expected))
    seen = {}
    strict_attribute = dict(ref.strict["defs"]["attribute"], defs=ref.strict["defs"])
    for index, attribute in enumerate(obj.get("Attribute", [])):
        at = "%s/Attribute/%d" % (where, index)
        relation = attribute.get("object_relation")
        definition = template["attributes"].get(relation)
        if definition is None:
            errors.append("%s: %r is not an object_relation of %s" % (at, relation, template["name"]))
            continue
        if attribute.get("type") != definition["misp-attribute"]:
            errors.append("%s: %s is a %r in the template, not %r" % (at, relation, definition["misp-attribute"],
                                                                     attribute.get("type")))
        seen[relation] = seen.get(relation, 0) + 1
        if seen[relation] > 1 and not definition.get("multiple"):
            errors.append("%s: %s appears more than once" % (at, relation))
        errors += attribute_errors(ref, attribute, at)
        bare = {k: v for k, v in attribute.items() if k != "object_relation"}
        errors += schema_errors(strict_attribute, bare, at + " (strict attribute)")
    for required in template.get("required", []):
        if required not in seen:
            errors.append("%s: required %s missing" % (where, required))
    one_of = template.get("requiredOneOf", [])
    if one_of and not any(r in seen for r in one_of):
        errors.append("%s: none of %s present" % (where, one_of))
    return errors


def check_event(path, ref):
    document = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    errors = schema_errors(ref.lax, document, "lax schema")
    event = document.get("Event", {})
    without_objects = {"Event": {k: v for k, v in event.items() if k != "Object"}}
    errors += schema_errors(ref.strict, without_objects, "strict schema")
    errors += tag_errors(ref, event.get("Tag", []), "Event/Tag")
    for index, attribute in enumerate(event.get("Attribute", [])):
        errors += attribute_errors(ref, attribute, "Event/Attribute/%d" % index)
    for index, obj in enumerate(event.get("Object", [])):
        errors += object_errors(ref, obj, "Event/Object/%d %s" % (index, obj.get("name")))
    uuids = [event.get("uuid"), event.get("Orgc", {}).get("uuid")]
    for obj in event.get("Object", []):
        uuids.append(obj.get("uuid"))
        uuids += [a.get("uuid") for a in obj.get("Attribute", [])]
    uuids += [a.get("uuid") for a in event.get("Attribute", [])]
    for uuid in uuids:
        if not isinstance(uuid, str) or not UUID.match(uuid):
            errors.append("uuid %r is not a lower-case UUID" % (uuid,))
    duplicates = {u for u in uuids if uuids.count(u) > 1}
    errors += ["uuid %s is used more than once" % u for u in sorted(map(str, duplicates))]
    return len(event.get("Object", [])), errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", required=True, help="the misp-reference folder")
    parser.add_argument("--writer")
    parser.add_argument("--out")
    parser.add_argument("events", nargs="*")
    args = parser.parse_args()
    shared = os.environ.get("VIGIL_SHARED_DATA")
    reference = os.path.join(shared, "misp-reference") if shared else args.reference
    if not os.path.isdir(os.path.join(reference, "pymisp")):
        if os.environ.get("CI") == "true":
            print("MISP reference files missing in CI: %s" % reference)
            return 1
        print("skipped: MISP reference files not present at %s" % reference)
        return SKIP
    events = list(args.events)
    if args.writer:
        subprocess.run([args.writer, "--all", args.out], check=True, stdout=subprocess.DEVNULL)
        events += sorted(glob.glob(os.path.join(args.out, "misp-event-*.json")))
        events += sorted(glob.glob(os.path.join(args.out, "misp-operation-*.json")))
    if not events:
        parser.error("no event to validate")
    ref = Reference(reference)
    failed = 0
    for path in events:
        objects, errors = check_event(path, ref)
        for error in errors:
            print("%s: %s" % (path, error))
        print("%s: %d objects, %s" % (path, objects, "valid" if not errors else "%d error(s)" % len(errors)))
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
