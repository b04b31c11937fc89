#!/usr/bin/env python3
"""The JSON Schemas (for editors) and the C++ loader agree.

Every YAML file of the repository's data and fixtures (rubrics, companies,
pairs, pairwise comparisons; not the byte-level hostile corpus, which is not
YAML a schema could see) is checked twice: with the schemas (python3-jsonschema,
draft-07) and with `ecoscore validate` (a company with the rubric it names,
a pairs file with the companies beside it). The test fails when
  - the loader accepts a file the schema rejects (the schema is too strict,
    so an editor would flag a good file), or
  - the schema accepts a file the loader rejects, unless the file is listed
    in LOADER_ONLY with the reason: checks a schema cannot express (values on
    the scale of the rubric a company names, a rubric version that exists,
    reciprocal matrices, shares that add up, ids that refer to each other).
Usage: check_schemas.py ECOSCORE REPO_ROOT
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml

LOADER_ONLY = {
    "tests/data/ahp/bad-cells.yaml": "a diagonal judgement that is not 1",
    "tests/data/ahp/rubric-ahp-bad.yaml": "matrices that are not reciprocal, criteria that are not the ids",
    "tests/data/bad-company/booleans.yaml": "values of the wrong type for their scales",
    "tests/data/bad-company/decisions.yaml": "decisions that name unknown indicators and grades",
    "tests/data/bad-company/numbers.yaml": "numbers YAML 1.1 reads differently (010, 0x1F, 1e400, .nan)",
    "tests/data/bad-company/role.yaml": "ratings for dimensions the firm's role does not have",
    "tests/data/bad-company/unknown-rubric.yaml": "a rubric that does not exist",
    "tests/data/bad-company/values.yaml": "values off their scales",
    "tests/data/bad-company/version.yaml": "a rubric version that does not exist",
    "tests/data/bad-pairs/pairs.yaml": "pairs that name unknown firms or the wrong roles",
    "tests/data/bad-rubric/share-mismatch.yaml": "indicator weights that do not add up to the printed share",
    "tests/data/fail-policy/sme.yaml": "unrated indicators under the rubric's `fail` policy",
}

class Loader(yaml.SafeLoader):
    """Dates stay text, as in a JSON document checked against the schemas."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


SCHEMA_OF = {"rubric": "rubric.schema.json", "company": "company.schema.json", "pairs": "pairs.schema.json",
             "ahp": "ahp.schema.json"}


def schemas(root):
    found = {}
    for path in glob.glob(os.path.join(root, "schemas", "*.json")):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        found[schema["$id"]] = schema
    return found


def validator_for(store, schema_id):
    """A draft-07 validator resolving the schemas' references among
    themselves (Debian's jsonschema 4.10 and later ones alike)."""
    schema = store[schema_id]
    try:
        import referencing
        reg = referencing.Registry().with_resources(
            (k, referencing.Resource.from_contents(v)) for k, v in store.items())
        return jsonschema.Draft7Validator(schema, registry=reg)
    except ImportError:
        resolver = jsonschema.RefResolver(base_uri=schema_id, referrer=schema, store=store)
        return jsonschema.Draft7Validator(schema, resolver=resolver)


def rubric_files(root):
    found = {}
    for path in glob.glob(os.path.join(root, "rubrics", "*.yaml")) + glob.glob(os.path.join(root, "tests/data/**/*.yaml"), recursive=True):
        if "/hostile/" in path:
            continue
        try:
            doc = load(path)
        except (yaml.YAMLError, ValueError):
            continue
        if isinstance(doc, dict) and isinstance(doc.get("rubric"), dict):
            head = doc["rubric"]
            found[f"{head.get('id')}@{head.get('version')}"] = os.path.relpath(path, root)
    return found


def loader_accepts(binary, root, rel, kind, doc, rubrics):
    cmd = [binary, "validate", "-q"]
    if kind == "company":
        ref = (doc.get("evaluation") or {}).get("rubric") if isinstance(doc.get("evaluation"), dict) else None
        if ref in rubrics:
            cmd += ["--rubric", rubrics[ref]]
        cmd.append(rel)
    elif kind == "pairs":
        cmd.append(os.path.dirname(rel))
        if "mini" in open(os.path.join(root, rel), encoding="utf-8").read() or os.path.dirname(rel).startswith("tests/"):
            cmd[3:3] = ["--rubric", rubrics.get("mini@2", "")]
    else:
        cmd.append(rel)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    return proc.returncode == 0, proc.stderr.strip().splitlines()[:2]


def main() -> int:
    binary, root = sys.argv[1:3]
    store = schemas(root)
    rubrics = rubric_files(root)
    files = sorted(set(glob.glob(os.path.join(root, "rubrics", "*.yaml")) +
                       glob.glob(os.path.join(root, "companies", "**", "*.yaml"), recursive=True) +
                       glob.glob(os.path.join(root, "tests", "data", "**", "*.yaml"), recursive=True)))
    failures = checked = 0
    for path in files:
        rel = os.path.relpath(path, root)
        if rel.startswith("tests/data/hostile/"):
            continue
        try:
            doc = load(path)
        except (yaml.YAMLError, ValueError):
            continue  # not YAML a schema could see; the hostile goldens cover such files
        kind = next((k for k in SCHEMA_OF if isinstance(doc, dict) and k in doc), None)
        if kind is None:
            continue
        validator = validator_for(store, SCHEMA_OF[kind])
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        schema_ok = not errors
        loader_ok, loader_says = loader_accepts(binary, root, rel, kind, doc, rubrics)
        checked += 1
        if loader_ok and not schema_ok:
            failures += 1
            print(f"FAIL {rel}: the loader accepts it but the schema says: {errors[0].message} at {list(errors[0].absolute_path)}")
        elif schema_ok and not loader_ok and rel not in LOADER_ONLY:
            failures += 1
            print(f"FAIL {rel}: the schema accepts it but the loader says: {loader_says}")
        elif schema_ok and not loader_ok:
            print(f"ok   {rel}: loader only ({LOADER_ONLY[rel]})")
        elif loader_ok and rel in LOADER_ONLY:
            failures += 1
            print(f"FAIL {rel}: listed as loader-only, but the loader accepts it")
        else:
            print(f"ok   {rel}: schema {'accepts' if schema_ok else 'rejects'}, loader {'accepts' if loader_ok else 'rejects'}")
    print(f"{checked} files, {failures} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
