"""Fidelity rules of issue #11's thirty-first pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import random

from tests.compress.support import sent

_RULES = (
    ("Jinja statements should be on separate lines, ignoring raw block contents", "single-statement-per-line"),
    ("Indentation should not use tabulation but 4 spaces", "jinja-statements-no-tabs"),
    ("Jinja statements should not have {%- or {%+ or -%} as delimiters", "jinja-statements-delimiter"),
    ("All variables should use lower case: '{{ variable }}': bellCode", "jinja-variable-lower-case"),
)
_SYNTAX = ("expected token 'end of statement block', got '-'", "jinja-syntax-error")


def test_findings_placed_behind_a_tree_branch_are_findings() -> None:
    # j2lint lists each template's findings under its name as "├── path:line message (rule)",
    # with no level word: read as ordinary lines, two thirds of the errors were cut.
    rng = random.Random(31)
    out = ["─" * 40 + " JINJA2 LINT ERRORS " + "─" * 40]
    findings = []
    for f in range(30):
        path = f"templates/levers/lever_{f:02d}.j2"
        out.append(path)
        lines = sorted(rng.sample(range(1, 40), rng.randrange(6, 14)))
        for k, at in enumerate(lines):
            message, rule = rng.choice(_RULES) if (f, k) != (4, 2) else _SYNTAX
            branch = "└──" if k == len(lines) - 1 else "├──"
            finding = f"{branch} {path}:{at} {message}"
            findings.append(finding)
            out.append(f"{finding} ({rule})")
    out += ["", f"Jinja2 linting finished with {len(findings)} error(s) and 0 warning(s)"]
    text = "\n".join(out)
    assert len(text) > 20_000
    kept = sent(text)
    assert [f for f in findings if f not in kept] == []
    assert "Jinja2 linting finished with" in kept


def test_a_printed_sql_schema_is_a_document() -> None:
    # An SQL prettifier's output (pglast's pgpp), a schema dump or `cat schema.sql`: what the model
    # asked to read. With its clauses led by commas too few lines read as code, and it was ranked
    # as a log: two thirds of its CREATE statements went.
    rng = random.Random(131)
    columns = ("occupied timestamptz", "lever_no integer", "remarks text", "pulled_at timestamptz",
               "code numeric(6, 2)", "checked boolean DEFAULT FALSE", "section integer", "train text",
               "signalman text NOT NULL", "block_bell smallint CHECK (block_bell > 0)")
    out = []
    for k in range(90):
        table = f"{('levers', 'bells', 'circuits', 'registers')[k % 4]}_{k}"
        out += [f"CREATE TABLE {table} (", "    id bigserial PRIMARY KEY",
                "  , box_id integer REFERENCES boxes (id) ON DELETE CASCADE"]
        out += [f"  , {c}" for c in rng.sample(columns, rng.randrange(4, 9))]
        out += [");", "", f"CREATE INDEX {table}_box_idx", f"  ON {table} (box_id);", ""]
        if k % 5 == 2:
            out += [f"INSERT INTO {table} (box_id)", "SELECT id", "FROM boxes", "WHERE name LIKE 'K%'",
                    "   OR name IN ('Tanners Curve', 'Saltcote East');", ""]
    text = "\n".join(out)
    assert len(text) > 20_000
    assert sent(text) == text


def test_what_a_command_made_of_the_system_stays() -> None:
    # systemd-sysusers --dry-run and systemctl --root enable report each account and link they
    # make: the names and ids a question about the change asks for. Read as one template's
    # repetitions, most were cut; like removals, each stays while there are few enough.
    errors = [f"/etc/sysusers.d/pumping.conf:{k + 3}: Unknown command type 'x'." for k in range(5, 120, 17)]
    made = []
    for k in range(120):
        if k % 3:
            made.append(f"Creating group 'engineman{k:03d}' with GID {900 - k}.")
            made.append(f"Creating user 'engineman{k:03d}' (Engineman {k}) with UID {900 - k} and GID {900 - k}.")
        else:
            made.append(f"Created symlink /etc/systemd/system/multi-user.target.wants/beam-{k}.service → /usr/lib/systemd/system/beam-{k}.service.")
    kept = sent("\n".join([*errors, *made, "Would write /etc/group…", "Would write /etc/passwd…"]))
    assert [m for m in made if m not in kept] == []


def test_a_thousand_things_made_are_a_bulk_job_not_each_a_finding() -> None:
    # Past MUST_AT_MOST lines a creation list is a job's progress: ranked as any repetitive output.
    made = [f"Creating user 'stoker{k:04d}' (Stoker {k}) with UID {20000 + k} and GID {20000 + k}." for k in range(1200)]
    kept = sent("\n".join(["/etc/sysusers.d/boiler.conf:4: Unknown command type 'x'.", *made]))
    assert "elided" in kept and sum(1 for m in made if m in kept) < 400
