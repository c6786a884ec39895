#!/usr/bin/python3
"""Validates STIX 2.1 bundles against the OASIS JSON schemas (cti-stix2-json-schemas), offline.

Checks each bundle against schemas/common/bundle.json and every object against its own type's schema, then
that ids are unique, every *_ref / *_refs points at an object in the bundle, and every property the
specification does not define (a custom property such as x_vigil_basis or x_mitre_version) is declared the
STIX 2.1 way: by a toplevel-property-extension the object names in `extensions`, whose extension-definition
is in the bundle and lists the property in extension_properties. That is what a strict consumer (e.g.
python-stix2 without allow_custom) needs to accept the bundle.

Usage:
  validate_stix.py --schemas DIR [--writer PROGRAM --out FILE] [BUNDLE ...]
With --writer, runs PROGRAM FILE first (a test binary that writes a bundle) and validates FILE.
Exit status: 0 valid, 1 invalid, 77 skipped (schemas absent outside CI).
Runs on Debian's python3-jsonschema (4.10: RefResolver with a local store; no network).
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

import jsonschema

SKIP = 77
TYPE_FOLDERS = ("sdos", "sros", "observables", "common")


def load_store(schema_root):
    store = {}
    by_type = {}
    for path in sorted(schema_root.rglob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema["$id"]] = schema
        if path.parent.name in TYPE_FOLDERS:
            by_type[path.stem] = schema
    return store, by_type


def validator_for(schema, store):
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def defined_properties(schema, store, seen=None):
    """Property names a schema defines, following $ref and allOf / anyOf / oneOf."""
    seen = set() if seen is None else seen
    names = set()
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if ref and not ref.startswith("#"):
            target = resolve(schema, ref, store)
            if target is not None and id(target) not in seen:
                seen.add(id(target))
                names |= defined_properties(target, store, seen)
        names |= set(schema.get("properties", {}).keys())
        for key in ("allOf", "anyOf", "oneOf"):
            for part in schema.get(key, []):
                names |= defined_properties(dict(part, **{"$id": schema.get("$id")}) if "$id" not in part else part,
                                            store, seen)
    return names


def resolve(schema, ref, store):
    base = schema.get("$id", "")
    url = ref.split("#")[0]
    if not url.startswith("http"):
        url = base.rsplit("/", 1)[0] + "/" + url
    parts = []
    for part in url.split("/"):
        if part == "..":
            parts.pop()
        else:
            parts.append(part)
    return store.get("/".join(parts))


def custom_property_errors(bundle, store, by_type):
    """Properties outside the specification must come with a toplevel-property-extension declaring them."""
    declared = {}
    for obj in bundle.get("objects", []):
        if obj.get("type") == "extension-definition" and "toplevel-property-extension" in obj.get("extension_types", []):
            declared[obj["id"]] = set(obj.get("extension_properties", []))
    errors = []
    for obj in bundle.get("objects", []):
        schema = by_type.get(obj.get("type"))
        if schema is None:
            continue
        defined = defined_properties(schema, store)
        custom = sorted(set(obj) - defined)
        if not custom:
            continue
        allowed = set()
        for ext_id, ext in obj.get("extensions", {}).items():
            if isinstance(ext, dict) and ext.get("extension_type") == "toplevel-property-extension":
                allowed |= declared.get(ext_id, set())
        for name in custom:
            if name not in allowed:
                errors.append("%s: custom property %s is not declared by a toplevel-property-extension it names"
                              % (obj.get("id"), name))
    return errors


def refs_of(obj):
    for key, value in obj.items():
        if key.endswith("_ref") and isinstance(value, str):
            yield key, value
        elif key.endswith("_refs") and isinstance(value, list):
            for item in value:
                yield key, item


def bundle_listed_types(bundle_schema):
    """The object types bundle.json names in its list of known objects."""
    listed = set()
    for choice in bundle_schema["properties"]["objects"]["items"]["anyOf"]:
        for option in choice.get("oneOf", []):
            listed.add(option["$ref"].rsplit("/", 1)[-1][:-len(".json")])
    return listed


def check_bundle(path, store, by_type):
    errors = []
    bundle = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    # bundle.json (at the pinned commit) lists the SDO, SRO and SCO types but not extension-definition,
    # and its branch for other types cannot match one (an extension-definition satisfies both core.json and
    # cyber-observable-core.json of a oneOf). The envelope is checked with the types it lists; every object,
    # extension definitions included, is checked against its own type's schema below.
    listed = bundle_listed_types(by_type["bundle"])
    envelope = dict(bundle, objects=[o for o in bundle.get("objects", []) if o.get("type") in listed])
    for error in validator_for(by_type["bundle"], store).iter_errors(envelope):
        errors.append("bundle: %s at %s" % (error.message[:300], "/".join(map(str, error.absolute_path))))
    ids = set()
    for obj in bundle.get("objects", []):
        oid = obj.get("id", "?")
        if oid in ids:
            errors.append("%s: duplicate id" % oid)
        ids.add(oid)
        schema = by_type.get(obj.get("type"))
        if schema is None:
            errors.append("%s: no schema for type %r" % (oid, obj.get("type")))
            continue
        for error in validator_for(schema, store).iter_errors(obj):
            errors.append("%s: %s at %s" % (oid, error.message[:300], "/".join(map(str, error.absolute_path))))
    for obj in bundle.get("objects", []):
        for key, ref in refs_of(obj):
            if ref not in ids:
                errors.append("%s: %s -> %s is not in the bundle" % (obj.get("id"), key, ref))
        for ext_id in obj.get("extensions", {}):
            if ext_id.startswith("extension-definition--") and ext_id not in ids:
                errors.append("%s: extension %s is not defined in the bundle" % (obj.get("id"), ext_id))
    errors += custom_property_errors(bundle, store, by_type)
    return len(bundle.get("objects", [])), errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", required=True, help="the stix2-json-schemas folder (holding schemas/)")
    parser.add_argument("--writer")
    parser.add_argument("--out")
    parser.add_argument("bundles", nargs="*")
    args = parser.parse_args()
    # The shared-data location chosen when the tests run wins over the one fixed when they were configured.
    shared = os.environ.get("VIGIL_SHARED_DATA")
    schemas = os.path.join(shared, "stix2-json-schemas") if shared else args.schemas
    schema_root = pathlib.Path(schemas) / "schemas"
    if not schema_root.is_dir():
        if os.environ.get("CI") == "true":
            print("STIX schemas missing in CI: %s" % schema_root)
            return 1
        print("skipped: STIX schemas not present at %s" % schema_root)
        return SKIP
    bundles = list(args.bundles)
    if args.writer:
        subprocess.run([args.writer, args.out], check=True)
        bundles.append(args.out)
    if not bundles:
        parser.error("no bundle to validate")
    store, by_type = load_store(schema_root)
    failed = 0
    for path in bundles:
        count, errors = check_bundle(path, store, by_type)
        for error in errors:
            print("%s: %s" % (path, error))
        print("%s: %d objects, %s" % (path, count, "valid" if not errors else "%d error(s)" % len(errors)))
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
