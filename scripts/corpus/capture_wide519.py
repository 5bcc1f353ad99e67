#!/usr/bin/env python3
"""Round 519: second samples of round 509's kinds (cookiecutter and copier failing, j2lint, git-cliff, commitizen's
bump and changelog dry runs, datamodel-codegen, openapi-python-client generate, dennis lint and status, handlebars
precompile and parse errors, mjml validation, license-report) on a coastguard's lookout (watches, flares, signalmen;
seed 51910) with other faults than round 509's. No new rules: every extractor is round 509's, imported. See
NEEDLES.md, round 519.

Usage:   .venv/bin/python scripts/corpus/capture_wide519.py
Writes:  scripts/corpus/data/wide519.json, ids prefixed "wide519-".
Tools:   the PyPI and npm tools of round 509 in /dev/shm/hm-corpus-wide519/venv and /dev/shm/hm-corpus-wide519/js
         (made once); Debian's git.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide509 as w509  # noqa: E402
from capture_wide509 import (N_CLIFF, N_CZ_LOG, N_LR_MD, N_LR_TABLE, n_cookiecutter, n_copier, n_cz_bump,  # noqa: E402
                             n_datamodel, n_dennis_lint, n_dennis_status, n_hbs, n_hbs_err, n_j2lint, n_mjml, n_opc)

ROOT = Path("/dev/shm/hm-corpus-wide519")
TMP = Path("/dev/shm/hm-corpus-wide519-run")
VENV = ROOT / "venv"
JS = ROOT / "js"
OUT = HERE / "data" / "wide519.json"
SEED = 51910
S = cm.Sized(400, 120_000)

# ================================================================== material (seed 51910)

WATCHMEN = ["Abernethy", "Bannerman", "Cairncross", "Drysdale", "Elphinstone", "Forsyth", "Gilchrist", "Haldane",
            "Inglis", "Johnstone", "Kinnear", "Lindsay", "Moncrieff", "Naismith", "Ormiston", "Pringle", "Rattray",
            "Sinclair", "Threipland", "Urquhart"]
SCOPES = ["watch", "flares", "signals", "lamp", "log", "semaphore", "radar", "dutybook", "sighting", "handover"]
THINGS = ["morning watch handover", "red parachute flare log", "Aldis lamp check", "signalman rota", "sighting bearing",
          "visibility report", "first watch entry", "white star signal", "distress call relay", "flag hoist record",
          "dog watch split", "coast rescue callout", "lookout hut heater", "binocular inventory", "tide gauge reading",
          "fog signal timing", "middle watch relief"]


def make_repo(d: Path, n: int, every: int, seed: int) -> str:
    """Round 509's fast-import history generator, given this round's words; the package is `lookoutlog`."""
    w509.CREWS, w509.SCOPES, w509.THINGS = WATCHMEN, SCOPES, THINGS
    rng = random.Random(seed)
    stream, last = w509.fast_import_stream(rng, n, every, "0.1.0")
    pyproj = ("[project]\nname = \"lookoutlog\"\nversion = \"VER\"\n\n[tool.commitizen]\nname = \"cz_conventional_commits\"\n"
              "version = \"VER\"\ntag_format = \"v$version\"\nupdate_changelog_on_bump = false\n").replace("VER", last[1:])
    # round 509's fixed words swapped for ones of the same length (fast-import's `data N` counts bytes)
    stream = stream.replace("station.invalid", "lookout.invalid").replace("Merge branch 'crew/", "Merge branch 'post/")
    stream = stream.replace("at berth ", "at watch ").replace("after shout #", "after flare #")
    stream = stream.replace("PYPROJECT", pyproj.rstrip("\n"))
    d.mkdir(parents=True)
    cm.run("git init -q -b main . && git config user.email duty@lookout.invalid && git config user.name Duty", cwd=d)
    (d.parent / f"{d.name}.fi").write_text(stream)
    cm.run(f"git fast-import --quiet < ../{d.name}.fi && git checkout -q -f main", cwd=d)
    return last


def step_changelog(tmp: Path) -> None:
    repo = tmp / "lookoutlog"
    last = make_repo(repo, 1200, 80, SEED)
    cm.note(f"lookoutlog last tag {last}: {cm.run('git log --oneline | wc -l; git tag | wc -l', cwd=repo).split()}")
    cm.run("git-cliff --init", cwd=repo)
    toml = (repo / "cliff.toml").read_text()
    broken = toml.replace("{% for group, commits in commits | group_by(attribute=\"group\") %}",
                          "{% for group, commits in commits | group_by(attribute=\"group\") %}{{ commit.signalman | upper }",
                          1)
    if broken == toml:  # the template's for-loop spelled otherwise: break the first {% endfor %}
        broken = toml.replace("{% endfor %}", "{% endfor", 1)
    (repo / "cliff-broken.toml").write_text(broken)
    tags = cm.run("git tag --sort=creatordate", cwd=repo).split()
    S.cap("cliff-full", "git-cliff", repo, N_CLIFF)
    S.cap("cliff-latest-strip", "git-cliff --latest --strip all", repo, N_CLIFF)
    S.cap("cliff-range", f"git-cliff {tags[2]}..{tags[5]}", repo, N_CLIFF)
    S.cap("cliff-tag-pattern", f"git-cliff --tag-pattern 'release-.*' {tags[-2]}..HEAD", repo, N_CLIFF)
    S.cap("cliff-broken-template", "git-cliff -c cliff-broken.toml --latest", repo, N_CLIFF)
    S.cap("cliff-unreleased-verbose", "git-cliff -v --unreleased", repo, N_CLIFF)
    S.cap("cz-changelog-full", "cz changelog --dry-run", repo, N_CZ_LOG)
    S.cap("cz-changelog-range", f"cz changelog --dry-run {tags[9][1:]}..{tags[12][1:]}", repo, N_CZ_LOG)
    S.cap("cz-changelog-unknown-rev", "cz changelog --dry-run 7.7.7", repo, N_CZ_LOG)
    S.cap("cz-bump-major", "cz bump --dry-run --yes --increment MAJOR --changelog", repo, n_cz_bump)
    pp = repo / "pyproject.toml"
    pp.write_text(pp.read_text().replace(f'"{last[1:]}"', '"0.3.7"'))  # a version no tag names
    S.cap("cz-bump-untagged-version", "cz bump --dry-run --yes --changelog", repo, n_cz_bump)


COOKIE_JSON = {
    "post_name": "Fife Ness Coastwatch", "slug": "fife_ness", "post_code": "FNS", "watch_officer": "Moncrieff",
    "watch_system": ["four-on-eight-off", "dog watches", "day only"], "flare_store": "yes",
    "signalmen": {f"sig_{i:02d}": {"name": WATCHMEN[(i * 7) % len(WATCHMEN)], "lamp": f"ALDIS-{300 + i}",
                                   "watch": ["first", "middle", "morning", "forenoon", "afternoon", "dog"][i % 6]}
                  for i in range(36)},
}


def cookie_tree(tmp: Path, name: str, faults: dict[str, str], raw_json: str | None = None) -> Path:
    root = tmp / name
    base = "{{cookiecutter.slug}}"
    files = {"cookiecutter.json": raw_json or json.dumps(COOKIE_JSON, indent=2)}
    for th in THINGS:
        files[f"{base}/log/{th.replace(' ', '_')}.md"] = (
            f"# {th} at {{{{ cookiecutter.post_name }}}}\n\nOfficer: {{{{ cookiecutter.watch_officer }}}}\n"
            f"System: {{{{ cookiecutter.watch_system }}}}\n")
    files[f"{base}/watchbill.md"] = ("# Watch bill\n{% for k, s in cookiecutter.signalmen.items() %}- {{ s.name }} "
                                     "({{ s.watch }}) {{ s.lamp }}\n{% endfor %}\n")
    files.update(faults)
    cm.write_tree(root, files)
    return root


def step_cookiecutter(tmp: Path) -> None:
    out = tmp / "cc-out"
    b = "{{cookiecutter.slug}}"
    notjson = json.dumps(COOKIE_JSON, indent=2).replace('"flare_store": "yes",', '"flare_store": "yes",,\n  // flares')
    cases = {
        "notjson": ({}, notjson),
        "dirname": ({f"{b}/{{{{cookiecutter.watch_nam}}}}/relief.md": "relief at {{ cookiecutter.post_code }}\n"}, None),
        "hook-exception": ({"hooks/pre_gen_project.py": (
            "watches = {'first': 20, 'middle': 0, 'morning': 4}\nsystem = '{{ cookiecutter.watch_system }}'\n"
            "print(f'checking watch system {system}')\n"
            "hours = {w: 24 // watches[w] for w in watches}\nprint(hours)\n")}, None),
        "include-missing": ({f"{b}/flares.md": "# Flares\n{% include 'partials/flare_table.md' %}\n"}, None),
    }
    for name, (faults, raw) in cases.items():
        tpl = cookie_tree(tmp, f"watchbill-{name}", faults, raw)
        S.cap(f"cookiecutter-{name}", f"cookiecutter --no-input -f -o {out} {tpl.name}", tmp, n_cookiecutter)
    S.cap("cookiecutter-hook-exception-verbose", f"cookiecutter --no-input -f -v -o {out} watchbill-hook-exception", tmp,
          n_cookiecutter)
    nt = tmp / "watchbill-plain"
    cm.write_tree(nt, {"cookiecutter.json": json.dumps(COOKIE_JSON, indent=2), "lookout/README.md": "# lookout\n"})
    S.cap("cookiecutter-no-template-dir", f"cookiecutter --no-input -f -o {out} watchbill-plain", tmp, n_cookiecutter)


COPIER_YML = """\
_templates_suffix: .jinja
post_name:
  type: str
  default: Fife Ness
post_code:
  type: str
  default: FNS
watch_system:
  type: str
  choices: [four-on-eight-off, dog watches, day only]
  default: dog watches
signalmen:
  type: int
  default: 12
"""


def copier_tree(tmp: Path, name: str, yml: str, faults: dict[str, str]) -> Path:
    root = tmp / name
    files = {"copier.yml": yml}
    for th in THINGS:
        stem = th.replace(" ", "_")
        files[f"log/{stem}.md.jinja"] = f"# {th} at {{{{ post_name }}}} ({{{{ post_code }}}})\n"
        files[f"watch/{stem}.py.jinja"] = f"SIGNALMEN = {{{{ signalmen }}}}\nSYSTEM = '{{{{ watch_system }}}}'\n"
        files[f"charts/{stem}.txt"] = f"{th}\n"
    files["README.md.jinja"] = "# {{ post_name }} lookout\n"
    files.update(faults)
    cm.write_tree(root, files)
    return root


def step_copier(tmp: Path) -> None:
    copier_tree(tmp, "bill-ok", COPIER_YML, {})
    S.cap("copier-clean", "copier copy --defaults --data signalmen=9 bill-ok dst-clean", tmp, n_copier)
    for rel in ("log/aldis_lamp_check.md", "watch/signalman_rota.py", "charts/fog_signal_timing.txt"):
        (tmp / "dst-clean" / rel).write_text("edited on watch\n")
    (tmp / "dst-clean" / "log" / "visibility_report.md").unlink()
    S.cap("copier-recopy-overwrite", "copier copy --defaults --overwrite --data signalmen=9 bill-ok dst-clean", tmp, n_copier)
    copier_tree(tmp, "bill-badyaml", COPIER_YML.replace("  default: FNS\n", "  default: \"FNS\n\tvalidator: x\n"), {})
    S.cap("copier-bad-yaml", "copier copy --defaults bill-badyaml dst-badyaml", tmp, n_copier)
    S.cap("copier-bad-choice", "copier copy --defaults --data watch_system=helicopter bill-ok dst-choice", tmp, n_copier)
    S.cap("copier-int-word", "copier copy --defaults --data signalmen=twelve bill-ok dst-int", tmp, n_copier)
    copier_tree(tmp, "bill-include", COPIER_YML, {"log/flares.md.jinja": "{% include 'partials/flare_table.md.jinja' %}\n"})
    S.cap("copier-include-missing", "copier copy --defaults bill-include dst-include", tmp, n_copier)


J2_LINES = [
    "{{signal.lamp}} watch for {{ watch.officer }}",
    "{%for s in signalmen%}",
    "{{ s.name|upper }} {{ s.watch }}",
    "      {{ s.lamp }}",
    "{%endfor%}",
    "{% if visibility<2 and fog %}Fog signal every {{ fog.interval }}s{% endif %}",
    "{% set flareCount = flares | length %}",
    "{% set white-star = flares.white %}",
    "{% if flareCount > 0 %}",
    "   Flares fired: {{ flareCount }}",
    "{% endif %}",
    "{% if a %}{% if b %}both{% endif %}{% endif %}",
    "{{watch.relief}}",
    "{%- for b in bearings -%}{{ b.deg }}{%- endfor -%}",
    "{# sighting note #}",
    "\t{{ sighting.bearing }}",
]


def step_j2lint(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    root = tmp / "flarelocker"
    files = {}
    for sub, n in (("watch", 20), ("flares", 14), ("signals", 26)):
        for i in range(n):
            body = "\n".join(rng.choice(J2_LINES) for _ in range(rng.randint(6, 26)))
            files[f"templates/{sub}/{sub}_{i:02d}.j2"] = body + "\n"
    files["templates/signals/broken_relief.j2"] = "{% for s in signalmen %}\n{{ s.name }\n{% endif %}\n"
    cm.write_tree(root, files)
    S.cap("j2lint-watch", "j2lint templates/watch", root, n_j2lint)
    S.cap("j2lint-signals", "j2lint templates/signals", root, n_j2lint)
    S.cap("j2lint-flares-warn", "j2lint --warn S3 S6 V1 -- templates/flares", root, n_j2lint)
    S.cap("j2lint-ignore-verbose", "j2lint -v --ignore S1 S4 -- templates/flares/flares_03.j2 templates/signals/broken_relief.j2",
          root, n_j2lint)


SB_A = ("Sighting", "Flare", "Signal", "Watch", "Bearing", "Vessel", "Lamp", "Relief", "Callout", "Hoist")
SB_B = ("Record", "Report", "Entry", "Summary", "Event", "Check", "Log", "Note", "Change", "Detail", "Window",
        "Request", "Audit", "Handover", "State", "Alert")


def signalbook_schema(rng: random.Random, n: int, defs_key: str = "$defs") -> dict:
    names = [a + b for a in SB_A for b in SB_B][:n]
    defs = {}
    for i, nm in enumerate(names):
        props = {"id": {"type": "string", "format": "uuid"}, "post_code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                 "logged_at": {"type": "string", "format": "date-time"}}
        for _ in range(rng.randint(3, 8)):
            t = rng.choice(["int", "nullstr", "enum", "arr", "oneof", "num", "bool", "allof"])
            key = f"{rng.choice(['lamp', 'flare', 'bearing', 'vessel', 'watch', 'signal', 'fog', 'tide'])}_" \
                  f"{rng.choice(['count', 'colour', 'degrees', 'name', 'kind', 'ref', 'notes', 'range_nm'])}"
            ref = f"#/{defs_key}/{rng.choice(names[: i + 1])}"
            if t == "int":
                props[key] = {"type": "integer", "minimum": 0, "maximum": rng.randint(10, 360)}
            elif t == "nullstr":
                props[key] = {"type": ["string", "null"], "maxLength": rng.randint(8, 120)}
            elif t == "enum":
                props[key] = {"type": "string", "enum": rng.sample(["red", "white", "green", "parachute", "hand-held",
                                                                    "star", "smoke", "orange"], 3)}
            elif t == "arr":
                props[key] = {"type": "array", "items": {"$ref": ref}, "maxItems": rng.randint(2, 40)}
            elif t == "oneof":
                props[key] = {"oneOf": [{"$ref": ref}, {"type": "string"}, {"type": "null"}]}
            elif t == "num":
                props[key] = {"type": "number", "minimum": 0, "maximum": 360}
            elif t == "bool":
                props[key] = {"type": "boolean"}
            else:
                props[key] = {"allOf": [{"$ref": ref}, {"description": "as logged on watch"}]}
        defs[nm] = {"type": "object", "title": nm, "description": f"A {nm} kept at the lookout.", "properties": props,
                    "required": ["id", "post_code"]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Signalbook", "type": "object",
            "properties": {nm[0].lower() + nm[1:]: {"$ref": f"#/{defs_key}/{nm}"} for nm in names[:8]}, defs_key: defs}


def signalbook_openapi(rng: random.Random, n_paths: int, v31: bool, no_responses: bool = False) -> dict:
    comps = signalbook_schema(rng, 36, "components/schemas")["components/schemas"]
    if not v31:  # 3.0: nullable instead of type lists
        comps = json.loads(json.dumps(comps).replace('["string", "null"]', '"string", "nullable": true'))
    names = list(comps)
    paths = {}
    for i in range(n_paths):
        nm = names[i % len(names)]
        op = {"operationId": f"get_{nm.lower()}", "tags": [nm[:6].lower()],
              "parameters": [{"name": "post_code", "in": "path", "required": True, "schema": {"type": "string"}}],
              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{nm}"}}}}}}
        f = i % 8
        if f == 1:
            op["operationId"] = "get_sighting"  # duplicate operation id
        elif f == 3 and no_responses:
            del op["responses"]
        elif f == 5:
            op["parameters"].append({"name": "colour", "in": "query",
                                     "schema": {"type": "string", "enum": ["red", "white"], "default": "amber"}})
        elif f == 6:
            op["parameters"].append({"name": "since", "in": "query", "schema": {"type": "integer", "default": "yesterday"}})
        paths[f"/posts/{{post_code}}/{nm.lower()}s/{i}"] = {"get": op}
    return {"openapi": "3.1.0" if v31 else "3.0.3", "info": {"title": "Signalbook", "version": "1.4.0"}, "paths": paths,
            "components": {"schemas": comps}}


def step_codegen(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    d = tmp / "signalbook"
    d.mkdir()
    (d / "signalbook.schema.json").write_text(json.dumps(signalbook_schema(rng, 150), indent=2))
    (d / "signalbook-small.schema.json").write_text(json.dumps(signalbook_schema(rng, 28), indent=2))
    (d / "signalbook-notjson.schema.json").write_text(json.dumps(signalbook_schema(rng, 6), indent=2)
                                                      .replace('"type": "object"', "type: object, // lookout", 2))
    small = signalbook_openapi(random.Random(SEED + 3), 16, False)
    (d / "openapi-small.json").write_text(json.dumps(small))
    cm.run(f"{VENV}/bin/python -c \"import json,yaml; yaml.safe_dump(json.load(open('openapi-small.json')), "
           "open('openapi-small.yaml','w'), sort_keys=False)\"", cwd=d)
    (d / "openapi.json").write_text(json.dumps(signalbook_openapi(random.Random(SEED + 4), 64, False, True), indent=1))
    (d / "openapi31.json").write_text(json.dumps(signalbook_openapi(random.Random(SEED + 5), 24, True), indent=1))
    S.cap("dmcg-full", "datamodel-codegen --input signalbook.schema.json --input-file-type jsonschema", d, n_datamodel)
    S.cap("dmcg-typeddict", "datamodel-codegen --input signalbook-small.schema.json --input-file-type jsonschema "
          "--output-model-type typing.TypedDict", d, n_datamodel)
    S.cap("dmcg-msgspec", "datamodel-codegen --input signalbook-small.schema.json --input-file-type jsonschema "
          "--output-model-type msgspec.Struct", d, n_datamodel)
    S.cap("dmcg-yaml-openapi", "datamodel-codegen --input openapi-small.yaml --input-file-type openapi", d, n_datamodel)
    S.cap("dmcg-notjson", "datamodel-codegen --input signalbook-notjson.schema.json --input-file-type jsonschema", d, n_datamodel)
    S.cap("opc-full", "openapi-python-client generate --path openapi.json --output-path client --overwrite", d, n_opc, timeout=300)
    S.cap("opc-31", "openapi-python-client generate --path openapi31.json --output-path client31 --overwrite --meta none",
          d, n_opc, timeout=300)
    S.cap("opc-yaml", "openapi-python-client generate --path openapi-small.yaml --output-path client-y --overwrite", d, n_opc,
          timeout=300)


PO_MSGS = ["Watch relieved by %(name)s at %(time)s", "{0} flares logged at the {1} post", "Lamp check for %s",
           "Bearing %(degrees)d degrees", "Visibility good", "Fog signal every {seconds} seconds",
           "Sighting #%(number)d closed", "<em>Distress</em> relayed to %(station)s", "Callout at %(time)s",
           "Hoist recorded by {name}", "%(vessel)s in sight", "Watch: %(first)s (first), %(middle)s (middle)"]
LANGS = {"fr": "FR", "es": "ES", "ga": "GA", "is": "IS"}
PLURALS = {"fr": "nplurals=2; plural=(n > 1);", "es": "nplurals=2; plural=(n != 1);",
           "ga": "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4);", "is": "nplurals=2; plural=(n%10!=1 || n%100==11);"}


def po_file(rng: random.Random, lang: str, n: int) -> str:
    out = [f'msgid ""\nmsgstr ""\n"Project-Id-Version: flagstaff 3.1\\n"\n"Language: {lang}\\n"\n'
           f'"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {PLURALS[lang]}\\n"\n']
    npl = int(PLURALS[lang].split("=")[1].split(";")[0])
    for i in range(n):
        src = rng.choice(PO_MSGS) + f" [{i}]"
        dst = f"<{LANGS[lang]}> " + src
        r = rng.random()
        flags = "#, python-format\n" if "%" in src else "#, python-brace-format\n" if "{" in src else ""
        where = f"#: flagstaff/{rng.choice(SCOPES)}.py:{rng.randint(5, 700)}\n"
        if r < 0.06:  # a plural entry, some with the wrong number of forms
            k = npl if rng.random() < 0.5 else max(1, npl - 1)
            forms = "".join(f'msgstr[{j}] "<{LANGS[lang]}> {j} flares at %(post)s"\n' for j in range(k))
            out.append(f'{where}#, python-format\nmsgid "one flare at %(post)s"\nmsgid_plural "%(n)d flares at %(post)s"\n{forms}')
            continue
        if r < 0.11:
            dst = dst.replace("%(name)s", "%(nom)s").replace("%(time)s", "%(heure)s").replace("{name}", "{nom}")
            dst = dst.replace("%(vessel)s", "%(navire)s").replace("{seconds}", "{secondes}")
        elif r < 0.15:
            dst = dst.replace(")s", ")").replace(")d", ")")
        elif r < 0.19:
            dst = dst.replace("{0}", "{2}").replace("%s", "%d")
        elif r < 0.23:
            dst = ""
        elif r < 0.27:
            flags = "#, fuzzy\n" + flags
        elif r < 0.29:
            dst = dst.replace("</em>", "</b>")
        out.append(f"{where}{flags}msgid {json.dumps(src, ensure_ascii=False)}\nmsgstr {json.dumps(dst, ensure_ascii=False)}\n")
    return "\n".join(out)


def step_dennis(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    root = tmp / "flagstaff"
    files = {f"locale/{lang}/LC_MESSAGES/messages.po": po_file(rng, lang, n) for lang, n in
             (("fr", 380), ("es", 260), ("ga", 200), ("is", 90))}
    cm.write_tree(root, files)
    S.cap("dennis-lint-all", "dennis-cmd lint locale", root, n_dennis_lint)
    S.cap("dennis-lint-errorsonly", "dennis-cmd lint --errorsonly locale", root, n_dennis_lint)
    S.cap("dennis-lint-ga", "dennis-cmd lint locale/ga/LC_MESSAGES/messages.po", root, n_dennis_lint)
    S.cap("dennis-status-all", "dennis-cmd status locale/*/LC_MESSAGES/messages.po", root, n_dennis_status)
    S.cap("dennis-status-es", "dennis-cmd status --showuntranslated --showfuzzy locale/es/LC_MESSAGES/messages.po", root,
          n_dennis_status)


HBS = ["<section class=\"watch\">{{#each sightings}}<p>{{bearing}}&deg; {{vessel}} {{#if flare}}flare{{/if}}</p>{{/each}}</section>",
       "{{#with officer}}<h3>{{name}}</h3><small>{{lamp}}</small>{{/with}}",
       "{{> signalRow signal=this}}",
       "{{#if fog}}<b>Fog signal {{fog.interval}}s</b>{{else if haze}}haze{{else}}clear{{/if}}",
       "<ol>{{#each signalmen as |s n|}}<li data-n=\"{{n}}\">{{s.name}} ({{s.watch}})</li>{{/each}}</ol>",
       "{{{relief.notes}}} {{tide.height}}m {{lookup watches @index}}",
       "{{#each flares}}{{#unless @first}}, {{/unless}}{{colour}} {{kind}}{{/each}}"]


def step_handlebars(tmp: Path) -> None:
    rng = random.Random(SEED + 7)
    root = tmp / "flareboard"
    files = {}
    for sub, n in (("board", 15), ("signals", 9)):
        for i in range(n):
            files[f"templates/{sub}/{sub}_{i:02d}.handlebars"] = "\n".join(rng.choice(HBS) for _ in range(rng.randint(3, 10))) + "\n"
    files["broken/unclosed_comment.handlebars"] = HBS[1] + "\n{{!-- flare log, kept by the first watch\n<p>{{officer.name}}</p>\n"
    files["broken/stray_else.handlebars"] = "<h1>{{post}}</h1>\n{{else}}\n<p>no watch</p>\n"
    files["broken/stray_close.handlebars"] = "<ul>\n{{#each signalmen}}<li>{{name}}</li>{{/each}}\n{{/with}}\n</ul>\n"
    files["broken/subexpr.handlebars"] = "{{lookup watches (concat 'first' }}\n<p>{{relief}}</p>\n"
    cm.write_tree(root, files)
    S.cap("hbs-precompile-board", "handlebars templates/board/ -e handlebars", root, n_hbs)
    for b in ("unclosed_comment", "stray_else", "stray_close", "subexpr"):
        S.cap(f"hbs-error-{b.replace('_', '-')}", f"handlebars broken/{b}.handlebars", root, n_hbs_err)


MJ_BODY = ["<mj-section><mj-column><mj-text font-size=\"16px\">Watch {n} relieved</mj-text></mj-column></mj-section>",
           "<mj-section><mj-column><mj-image src=\"https://lookout.invalid/lamp.png\" width=\"240pt\" /></mj-column></mj-section>",
           "<mj-section><mj-column><mj-button href=\"https://lookout.invalid/bill\" border-radius=\"round\">Watch bill</mj-button></mj-column></mj-section>",
           "<mj-column><mj-text>Flare logged {n}</mj-text></mj-column>",
           "<mj-section><mj-column><mj-text line-height=\"tall\">Signal {n}</mj-text></mj-column></mj-section>",
           "<mj-section><mj-column><mj-spacer height=\"1x\" /></mj-column></mj-section>",
           "<mj-section><mj-column><mj-table><tr><td>{n}</td></tr></mj-table></mj-column></mj-section>"]
MJ_HEAD = ["<mj-head><mj-title>Watch notice</mj-title></mj-head>",
           "<mj-head><mj-flare colour=\"red\" /><mj-title>Flare notice</mj-title></mj-head>",
           "<mj-head><mj-attributes><mj-text padding=\"4 px\" /></mj-attributes></mj-head>"]


def step_mjml(tmp: Path) -> None:
    rng = random.Random(SEED + 8)
    root = tmp / "watchnotices"
    files = {}
    for i in range(24):
        body = "\n".join(rng.choice(MJ_BODY).format(n=i * 10 + k) for k in range(rng.randint(4, 12)))
        if i % 7 == 2:
            body += "\n<mj-include path=\"./partials/relief_footer.mjml\" />"
        files[f"notices/watch_{i:02d}.mjml"] = f"<mjml>\n{rng.choice(MJ_HEAD)}\n<mj-body>\n{body}\n</mj-body>\n</mjml>\n"
    cm.write_tree(root, files)
    S.cap("mjml-validate-all", "mjml --validate notices/*.mjml", root, n_mjml)
    S.cap("mjml-strict-one", "mjml --config.validationLevel=strict -s notices/watch_02.mjml", root, n_mjml)


def step_license_report(tmp: Path) -> None:
    rng = random.Random(SEED + 9)
    root = tmp / "signalyard"
    nm = root / "node_modules"
    nm.mkdir(parents=True)
    pkgs = sorted(p.name for p in (JS / "node_modules").iterdir() if not p.name.startswith((".", "@")))
    chosen = rng.sample(pkgs, min(90, len(pkgs)))
    deps = {}
    for p in chosen:
        (nm / p).symlink_to(JS / "node_modules" / p)
        deps[p] = "^" + json.loads((JS / "node_modules" / p / "package.json").read_text()).get("version", "0.0.0")
    odd = {"coastwatch-lamps": {"licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]},
           "coastwatch-flares": {"license": "Custom"}, "coastwatch-hoist": {"license": "WTFPL"},
           "coastwatch-bearing": {"license": "ISC", "version": None}, "coastwatch-fog": {}}
    for name, extra in odd.items():
        pj = {"name": name, "version": f"1.{rng.randint(0, 9)}.{rng.randint(0, 9)}", "author": "Fife Ness watch"}
        pj.update(extra)
        pj = {k: v for k, v in pj.items() if v is not None}
        (nm / name).mkdir()
        (nm / name / "package.json").write_text(json.dumps(pj))
        if name == "coastwatch-fog":
            (nm / name / "LICENSE").write_text("Copyright the Fife Ness watch. All rights reserved.\n")
        deps[name] = "^" + pj.get("version", "1.0.0")
    dev = dict(list(deps.items())[:20])
    prod = dict(list(deps.items())[20:])
    (root / "package.json").write_text(json.dumps({"name": "signalyard", "version": "0.8.2", "dependencies": prod,
                                                   "devDependencies": dev}, indent=2))
    reg = "--registry=http://127.0.0.1:28519/"
    fields = "--fields=name --fields=licenseType --fields=installedVersion --fields=author"
    S.cap("lr-table", f"license-report --output=table {fields} {reg}", root, N_LR_TABLE, timeout=120)
    S.cap("lr-table-prod", f"license-report --output=table --only=prod {fields} --fields=link {reg}", root, N_LR_TABLE,
          timeout=120)
    S.cap("lr-markdown", f"license-report --output=markdown {fields} {reg}", root, N_LR_MD, timeout=120)


def ensure_tools() -> None:
    cm.install_venv(VENV, "dennis-cmd", w509.PY_TOOLS)
    cm.install_npm(JS, "mjml", w509.NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps():
    return [step_changelog, step_cookiecutter, step_copier, step_j2lint, step_codegen, step_dennis, step_handlebars,
            step_mjml, step_license_report]


def drop_needleless(path: Path) -> None:
    """An item whose rule found no needle on its text is dropped whole (NEEDLES.md, round 519)."""
    data = json.loads(path.read_text())
    keep = [it for it in data["items"] if it["needles"]]
    for it in data["items"]:
        if not it["needles"]:
            cm.note(f"dropped {it['id']}: no needle")
    data["items"] = keep
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    cm.note(f"kept {len(keep)} items")


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide519-", OUT, TMP)
    out_arg = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else OUT
    drop_needleless(Path(out_arg))
