"""Round 71's API-contract steps: `vetbook`, a veterinary clinic's OpenAPI file, GraphQL schema and documents,
validators and a small server, written here with mistakes put in and widened by seeded generators. Needles: round
70's extractors, imported. Run through capture_wide71.py."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

from capture_more import PROCS, start, write_tree
from capture_wide71 import TOOLS, cap
from capture_wide70_api import (n_class_validator, n_express_validator, n_gql_codegen, n_json2ts, n_redocly_bundle,
                                n_redocly_lint, n_valibot, yaml_dump)

RES = ["clinic", "vet", "nurse", "owner", "pet", "species", "breed", "appointment", "visit", "vaccine",
       "vaccination", "prescription", "drug", "dose", "invoice", "payment", "insurer", "claim", "room", "kennel",
       "labOrder", "labResult", "xray", "surgery", "anesthetic", "diet", "reminder", "referral", "shift", "supplier",
       "stockItem", "note"]
ENV = {"PATH": f"{TOOLS / 'api' / 'node_modules' / '.bin'}:{os.environ.get('PATH', '')}"}


def cap_(item, cmd, cwd, ext, **kw):
    cap(item, cmd, cwd, ext, env=ENV, timeout=300, **kw)


def openapi(n: int, seed: int, broken: bool) -> dict:
    """An OpenAPI 3.1 description of `n` resources (two paths each); with `broken`, mistakes put in."""
    rnd = random.Random(seed)
    paths, schemas = {}, {}
    for k, r in enumerate(RES[:n]):
        C = r[0].upper() + r[1:]
        props = {"id": {"type": "integer", "format": "int64"}}
        for f in rnd.sample(["name", "species", "weightKg", "born", "chipId", "status", "startsAt", "endsAt",
                             "amount", "currency", "phone", "email", "notes", "room", "vetId", "petId"], 6):
            props[f] = {"type": rnd.choice(["string", "integer", "number", "boolean"])}
        if broken and k % 6 == 4:
            props["status"] = {"type": "string", "enum": ["booked", "seen", "cancelled"], "default": "pending"}
        if broken and k % 8 == 3:
            props["weightKg"] = {"type": "number", "minimum": "0"}
        schemas[C] = {"type": "object", "required": ["id"], "properties": props}
        ref = {"$ref": f"#/components/schemas/{C}"}
        if broken and k % 7 == 2:
            ref = {"$ref": f"./schemas/{r}.yaml"}  # an external file that does not exist
        if broken and k % 9 == 5:
            ref = {"$ref": f"#/components/schema/{C}"}  # 'schema' for 'schemas'
        one = {"get": {"operationId": f"get{C}", "summary": f"Fetch a {r}", "tags": [r],
                       "parameters": [{"name": f"{r}Id", "in": "path", "required": True,
                                       "schema": {"type": "integer"}}],
                       "responses": {"200": {"description": "The record",
                                             "content": {"application/json": {"schema": ref}}},
                                     "404": {"description": "No such record"}}},
               "put": {"operationId": f"update{C}", "summary": f"Replace a {r}", "tags": [r],
                       "parameters": [{"name": f"{r}Id", "in": "path", "required": True,
                                       "schema": {"type": "integer"}}],
                       "requestBody": {"required": True, "content": {"application/json": {"schema": ref}}},
                       "responses": {"200": {"description": "Updated"}, "422": {"description": "Invalid"}}}}
        many = {"get": {"operationId": f"list{C}s", "summary": f"List {r}s", "tags": [r],
                        "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                        "responses": {"200": {"description": "A page",
                                              "content": {"application/json": {"schema": {"type": "array",
                                                                                          "items": ref}}}},
                                      "400": {"description": "Bad query"}}},
                "post": {"operationId": f"create{C}", "summary": f"Create a {r}", "tags": [r],
                         "requestBody": {"content": {"application/json": {"schema": ref}}},
                         "responses": {"201": {"description": "Created"}, "422": {"description": "Invalid"}}}}
        if broken and k % 5 == 1:
            one["get"]["parameters"][0]["name"] = "id"  # the path says {xId}, the parameter says id
        if broken and k % 4 == 2:
            del one["put"]["responses"]["422"]
            one["put"]["responses"] = {"200": {"description": "Updated"}}
            del many["get"]["responses"]["400"]  # no 4xx response
        if broken and k % 6 == 0:
            many["post"]["operationId"] = f"create {C}"  # a space in an operationId
        if broken and k % 10 == 7:
            many["get"]["operationId"] = f"list{RES[k - 1][0].upper() + RES[k - 1][1:]}s"  # duplicate
        if broken and k % 11 == 9:
            one["get"]["security"] = [{"vetAuth": []}]  # an undefined security scheme
        if broken and k % 7 == 6:
            del many["get"]["summary"]
            many["get"]["responses"]["200"].pop("description")
        paths[f"/{r}s"] = many
        paths[f"/{r}s/{{{r}Id}}"] = one
    doc = {"openapi": "3.1.0", "info": {"title": "Vetbook API", "version": "1.9.2",
                                        "license": {"name": "MIT", "identifier": "MIT"}},
           "servers": [{"url": "https://api.vetbook.example/v1"}],
           "security": [{"bearer": []}], "paths": paths,
           "components": {"schemas": schemas,
                          "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}
    if broken:
        doc["servers"] = [{"url": "https://api.vetbook.example/v1/"}, {"url": "http://localhost:8080/"}]
        del doc["info"]["license"]
        schemas["LegacyPet"] = {"type": "object"}
        schemas["Orphan"] = {"type": "object", "properties": {"x": {"type": "strng"}}}
    return doc


def contracts(tmp: Path) -> None:
    d = tmp / "vetbook"
    d.mkdir(parents=True, exist_ok=True)
    os.symlink(TOOLS / "api" / "node_modules", d / "node_modules")
    (d / "openapi.yaml").write_text(yaml_dump(openapi(32, 710, True)) + "\n")
    (d / "openapi-clinic.yaml").write_text(yaml_dump(openapi(10, 711, True)) + "\n")
    (d / "openapi.json").write_text(json.dumps(openapi(24, 712, True), indent=2) + "\n")
    (d / "openapi-v2.yaml").write_text(yaml_dump(openapi(28, 713, False)) + "\n")
    (d / "redocly.yaml").write_text("extends:\n  - recommended\nrules:\n  operation-4xx-response: error\n"
                                    "  no-server-trailing-slash: error\n")
    cap_("redocly-lint-large", "npx redocly lint openapi.yaml; echo EXIT=$?", d, n_redocly_lint)
    cap_("redocly-lint-stylish-head", "npx redocly lint --format=stylish openapi.json 2>&1 | head -n 80", d,
         n_redocly_lint)
    cap_("redocly-lint-clinic-tail", "npx redocly lint openapi-clinic.yaml 2>&1 | tail -n 150", d, n_redocly_lint)
    cap_("redocly-bundle", "npx redocly bundle openapi.yaml -o dist/vetbook.yaml; echo EXIT=$?", d, n_redocly_bundle)
    cap_("redocly-bundle-dereferenced", "npx redocly bundle openapi-v2.yaml --dereferenced -o dist/v2.json --ext json"
         " && head -c 9000 dist/v2.json", d, n_redocly_bundle)


SDL = ["Clinic", "Vet", "Owner", "Pet", "Appointment", "Visit", "Vaccination", "Prescription", "Invoice", "LabResult",
       "Surgery", "Referral", "Nurse", "Room", "Kennel", "Drug", "Dose", "Payment", "Insurer", "Claim", "Xray",
       "Diet", "Reminder", "Supplier"]


def sdl(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for t in SDL:
        fields = ["  id: ID!", "  createdAt: String!"]
        for f in rnd.sample(["name", "status", "notes", "amount", "weightKg", "startsAt", "species", "phone",
                             "email", "room"], 6):
            fields.append(f"  {f}: {rnd.choice(['String', 'Int', 'Float', 'Boolean'])}")
        if t == "Pet":
            fields += ["  owner: Owner!", "  visits(last: Int): [Visit!]!"]
        out.append(f"type {t} {{\n" + "\n".join(fields) + "\n}\n")
    q = "\n".join(f"  {t[0].lower() + t[1:]}(id: ID!): {t}\n  {t[0].lower() + t[1:]}s(first: Int, after: String): "
                  f"[{t}!]!" for t in SDL)
    out.append("type Query {\n" + q + "\n}\n")
    out.append("input BookInput {\n  petId: ID!\n  vetId: ID!\n  startsAt: String!\n}\n")
    out.append("type Mutation {\n  bookAppointment(input: BookInput!): Appointment!\n  cancelAppointment(id: ID!): "
               "Boolean!\n}\n")
    return "\n".join(out)


def graphql(tmp: Path) -> None:
    d = tmp / "vetbook-gql"
    d.mkdir(parents=True, exist_ok=True)
    os.symlink(TOOLS / "api" / "node_modules", d / "node_modules")
    (d / "schema.graphql").write_text(sdl(71))
    docs = {}
    for k, t in enumerate(SDL):
        lc = t[0].lower() + t[1:]
        bad = "    vetName\n" if k % 3 == 2 else ""
        arg = "(id: $id, withDeleted: true)" if k == 4 else "(id: $id)"
        typ = "Int!" if k == 7 else "ID!"
        docs[f"src/graphql/{lc}.graphql"] = (
            f"query {t}Detail($id: {typ}) {{\n  {lc}{arg} {{\n    id\n    createdAt\n{bad}  }}\n}}\n\n"
            f"query {t}Page($after: String) {{\n  {lc}s(first: 25, after: $after) {{\n    id\n  }}\n}}\n")
    docs["src/graphql/pet.graphql"] += ("\nfragment PetCard on Pet {\n  id\n  owner {\n    fullName\n  }\n}\n\n"
                                        "mutation Book($input: BookingInput!) {\n  bookAppointment(input: $input)"
                                        " {\n    id\n  }\n}\n")
    write_tree(d, docs)
    (d / "codegen.yml").write_text("schema: schema.graphql\ndocuments: 'src/graphql/**/*.graphql'\ngenerates:\n"
                                   "  src/__generated__/types.ts:\n    plugins:\n      - typescript\n"
                                   "      - typescript-operations\n  src/__generated__/schema.ts:\n    plugins:\n"
                                   "      - typescript\n")
    cap_("graphql-codegen", "npx graphql-codegen --config codegen.yml; echo EXIT=$?", d, n_gql_codegen)
    cap_("graphql-codegen-head", "npx graphql-codegen --config codegen.yml 2>&1 | head -n 80", d, n_gql_codegen)
    (d / "codegen-schema.yml").write_text("schema: schema.graphql\ngenerates:\n  src/__generated__/schema.ts:\n"
                                          "    plugins:\n      - typescript\n")
    cap_("graphql-codegen-schema-only", "npx graphql-codegen --config codegen-schema.yml && head -n 120"
         " src/__generated__/schema.ts", d, n_gql_codegen)


def visits(n: int, seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        r = {"ref": f"VB-{710000 + i}", "owner": f"owner{i}@vetmail.example", "pet": rnd.choice(
            ["Biscuit", "Luna", "Milo", "Nala", "Pepper", "Rex", "Tofu"]), "species": rnd.choice(
            ["dog", "cat", "rabbit", "parrot"]), "weightKg": round(rnd.uniform(0.4, 48), 1),
            "vetId": rnd.randint(1, 14), "startsAt": f"2026-1{rnd.randint(0, 2)}-0{rnd.randint(1, 9)}T09:30:00Z",
            "chip": "".join(rnd.choice("0123456789") for _ in range(15))}
        bad = rnd.random()
        if bad < 0.07:
            r["weightKg"] = -r["weightKg"]
        elif bad < 0.13:
            r["species"] = "dragon"
        elif bad < 0.18:
            r["chip"] = r["chip"][:9]
        elif bad < 0.22:
            r["owner"] = f"owner{i}.vetmail.example"
        elif bad < 0.25:
            r["startsAt"] = "tomorrow 9am"
        elif bad < 0.28:
            r["vetId"] = "dr-" + str(r["vetId"])
        elif bad < 0.30:
            r["weightKg"] = -1
            r["species"] = "hamster"
        out.append(r)
    return out


VALIBOT_JS = r"""
const v = require('valibot');
const fs = require('fs');
const Visit = v.object({
  ref: v.pipe(v.string(), v.regex(/^VB-\d{6}$/)),
  owner: v.pipe(v.string(), v.email()),
  pet: v.pipe(v.string(), v.minLength(2)),
  species: v.picklist(['dog', 'cat', 'rabbit', 'parrot', 'hamster']),
  weightKg: v.pipe(v.number(), v.minValue(0.1, 'weight must be positive'), v.maxValue(90)),
  vetId: v.pipe(v.number(), v.integer()),
  startsAt: v.pipe(v.string(), v.isoTimestamp()),
  chip: v.pipe(v.string(), v.length(15, 'a microchip id has 15 digits')),
});
const rows = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let bad = 0, issues = 0;
rows.forEach((row, i) => {
  const r = v.safeParse(Visit, row, { abortEarly: false });
  if (!r.success) {
    bad++; issues += r.issues.length;
    console.log(`visit #${i} ${row.ref}: ${r.issues.length} issue(s)`);
    for (const iss of r.issues) {
      console.log(`  - path: ${v.getDotPath(iss)}`);
      console.log(`    message: ${iss.message}`);
      console.log(`    received: ${iss.received}`);
    }
  }
});
console.log(`checked ${rows.length} records: ${rows.length - bad} accepted, ${bad} rejected (${issues} issues)`);
process.exit(bad ? 1 : 0);
"""

CLASS_VALIDATOR_JS = r"""
require('reflect-metadata');
const cv = require('class-validator');
const fs = require('fs');
class Visit {}
const on = (prop, ...ds) => ds.forEach((d) => d(Visit.prototype, prop));
on('ref', cv.Matches(/^VB-\d{6}$/));
on('owner', cv.IsEmail({}, { message: 'owner must be an email address' }));
on('pet', cv.IsString(), cv.Length(2, 30));
on('species', cv.IsIn(['dog', 'cat', 'rabbit', 'parrot', 'hamster']));
on('weightKg', cv.IsNumber(), cv.IsPositive(), cv.Max(90));
on('vetId', cv.IsInt());
on('startsAt', cv.IsISO8601({ strict: true }));
on('chip', cv.IsNumberString(), cv.Length(15, 15));
const rows = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
(async () => {
  let bad = 0;
  for (const [i, row] of rows.entries()) {
    const errors = await cv.validate(Object.assign(new Visit(), row));
    if (errors.length) {
      bad++;
      console.log(`visit ${i} ${row.ref} failed with ${errors.length} errors:`);
      for (const e of errors) {
        console.log(`  property: ${e.property} (value ${JSON.stringify(e.value)})`);
        console.log(`  constraints: ${JSON.stringify(e.constraints)}`);
      }
    }
  }
  console.log(`${rows.length} visits validated, ${bad} rejected`);
})();
"""


def validators(tmp: Path) -> None:
    d = tmp / "vetbook-val"
    d.mkdir(parents=True, exist_ok=True)
    os.symlink(TOOLS / "api" / "node_modules", d / "node_modules")
    (d / "visits.json").write_text(json.dumps(visits(320, 710), indent=1))
    (d / "visits-week.json").write_text(json.dumps(visits(90, 711), indent=1))
    (d / "valibot-check.js").write_text(VALIBOT_JS)
    (d / "cv-check.js").write_text(CLASS_VALIDATOR_JS)
    cap_("valibot-issues", "node valibot-check.js visits.json; echo EXIT=$?", d, n_valibot)
    cap_("valibot-issues-tail", "node valibot-check.js visits-week.json 2>&1 | tail -n 150", d, n_valibot)
    cap_("class-validator-errors", "node cv-check.js visits.json", d, n_class_validator)
    cap_("class-validator-errors-head", "node cv-check.js visits-week.json | head -n 80", d, n_class_validator)
    rnd = random.Random(714)
    defs = {}
    for t in SDL:
        defs[t] = {"type": "object", "additionalProperties": False, "required": ["id", "createdAt"], "properties": {
            "id": {"type": "string", "format": "uuid"}, "createdAt": {"type": "string", "format": "date-time"},
            **{f: {"type": rnd.choice(["string", "integer", "number", "boolean"]), "description": f"{t} {f}."}
               for f in rnd.sample(["name", "status", "notes", "amount", "weightKg", "startsAt", "species", "phone",
                                    "email", "room", "vetId", "petId"], 7)},
            "tags": {"type": "array", "items": {"type": "string"}},
            "state": {"enum": ["draft", "active", "archived"]}}}
    defs["Pet"]["properties"]["owner"] = {"$ref": "#/definitions/Owner"}
    defs["Visit"]["properties"]["prescriptions"] = {"type": "array", "items": {"$ref": "#/definitions/Prescription"}}
    (d / "schemas").mkdir(exist_ok=True)
    (d / "schemas" / "vetbook.schema.json").write_text(json.dumps({
        "title": "Vetbook", "type": "object",
        "properties": {t.lower(): {"$ref": f"#/definitions/{t}"} for t in SDL}, "definitions": defs}, indent=2))
    bad = {"title": "Invoice", "type": "object", "properties": {
        "lines": {"type": "array", "items": {"$ref": "#/definitions/InvoiceLine"}},
        "insurer": {"$ref": "insurer.schema.json#/definitions/Insurer"}}, "definitions": {}}
    (d / "schemas" / "invoice.schema.json").write_text(json.dumps(bad, indent=2))
    cap_("json-schema-to-typescript", "npx json2ts -i schemas/vetbook.schema.json | head -n 400", d, n_json2ts)
    cap_("json-schema-to-typescript-bad-ref", "npx json2ts -i schemas/invoice.schema.json -o src/invoice.d.ts;"
         " echo EXIT=$?", d, n_json2ts)


EXPRESS_JS = r"""
const express = require('express');
const { body, param, checkSchema, validationResult } = require('express-validator');
const app = express();
app.use(express.json());
const v = (req, res, next) => {
  const r = validationResult(req);
  if (!r.isEmpty()) return res.status(422).json({ error: 'validation failed', errors: r.array() });
  next();
};
app.post('/appointments', [
  body('petId').isInt({ min: 1 }).withMessage('petId must be a positive integer'),
  body('vetId').isInt({ min: 1 }).withMessage('vetId must be a positive integer'),
  body('startsAt').isISO8601().withMessage('startsAt must be an ISO 8601 timestamp'),
  body('durationMin').isIn([15, 30, 45, 60]).withMessage('durationMin must be 15, 30, 45 or 60'),
  body('owner.email').isEmail().withMessage('owner.email is not a valid address'),
  body('owner.phone').isMobilePhone('any').withMessage('owner.phone is not a phone number'),
  body('reason').isLength({ min: 3, max: 200 }),
  body('vaccines.*.code').matches(/^VAC-[A-Z]{3}$/).withMessage('vaccine code must look like VAC-RAB'),
  body('vaccines.*.dueOn').isDate(),
], v, (req, res) => res.status(201).json({ ok: true }));
app.patch('/pets/:petId', [param('petId').isInt(), body('weightKg').isFloat({ gt: 0, lt: 120 }),
  body('species').isIn(['dog', 'cat', 'rabbit', 'parrot'])], v, (req, res) => res.json({ ok: true }));
app.listen(+process.argv[2], () => console.log('listening'));
"""


def servers(tmp: Path) -> None:
    d = tmp / "vetbook-srv"
    d.mkdir(parents=True, exist_ok=True)
    os.symlink(TOOLS / "api" / "node_modules", d / "node_modules")
    (d / "server.js").write_text(EXPRESS_JS)
    start("node server.js 3571", cwd=d, env=ENV)
    time.sleep(3)
    vac = [{"code": c, "dueOn": dd} for c, dd in [("VAC-RAB", "2026-13-01"), ("rabies", "2026-03-01"),
                                                    ("VAC-DHP", "2026-04-31"), ("VAC-LEP", "2026-05-02"),
                                                    ("VAC-KC", "soon"), ("VAC-FVR", "2026-06-10"),
                                                    ("FELV", "2026-07-01"), ("VAC-BOR", "2026-08-20")] * 3]
    (d / "bad.json").write_text(json.dumps({"petId": "p-12", "vetId": 0, "startsAt": "Monday 10:00",
                                            "durationMin": 20, "owner": {"email": "kim@", "phone": "call me"},
                                            "reason": "x", "vaccines": vac}))
    h = "-H 'content-type: application/json'"
    cap_("express-validator-response-jq", f"curl -s -X POST localhost:3571/appointments {h} -d @bad.json | jq", d,
         n_express_validator)
    cap_("express-validator-response-status-jq",
         f"curl -s -w '\\nHTTP %{{http_code}}\\n' -X PATCH localhost:3571/pets/rex {h} "
         "-d '{\"weightKg\": -2, \"species\": \"dragon\"}' | head -n 1 | jq; "
         f"curl -s -X POST localhost:3571/appointments {h} -d '{{}}' | jq '.errors'", d, n_express_validator)
    for p in list(PROCS):
        try:
            os.killpg(p.pid, 15)
        except Exception:
            pass
        PROCS.remove(p)


STEPS = [contracts, graphql, validators, servers]
