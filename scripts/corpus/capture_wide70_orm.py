"""Round 70's ORM and migration steps: `ferrytix`'s database, as knex, sequelize-cli, TypeORM, drizzle-kit and
Prisma projects against SQLite, with mistakes put in (a migration that breaks a constraint, a migration naming a
missing table, a Prisma schema with a bad relation). Extractors apply NEEDLES.md "Round 70"'s rules. Run through
capture_wide70.py."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

from capture_wide70 import TOOLS, cap
from capture_wide70_common import rule

# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 70")

n_knex = rule(
    "knex-migrate", "build",
    "Batch-run lines, every migration file listed, the failing migration and its SQL error line with its first at line.",
    r"SQLITE_|[Ee]rror|failed", None,
    r"Batch \d+|Found \d+|Already up to date|^\s*\S+\.js\s*$|[Cc]ompleted|[Pp]ending|Rolled back|Using environment")
n_sequelize = rule(
    "sequelize-migrate", "build",
    "Every == name: migrating / migrated line, the ERROR: line and its migration, every up/down status row.",
    r"ERROR|SQLITE_|[Ee]rror", None, r"^== |^(up|down)\s|No migrations|Loaded configuration|Using environment")
n_typeorm = rule(
    "typeorm-migration", "build",
    "Every [X]/[ ] migration:show row, every executed-successfully line, query failed with its error line, the migration-run error.",
    r"query failed|[Ee]rror|SQLITE_", None,
    r"\[X\]|\[ \]|executed successfully|migrations are already loaded|migrations? (were|are) (found|new)|No migrations")
n_drizzle = rule(
    "drizzle-kit", "build",
    "Every [✓]/[✗]/Error line, the migration file written, every table line with its counts, every data-loss warning.",
    r"\[✗\]|[Ee]rror|collision|\[x\]", r"data loss|Warning|warning",
    r"\[✓\]|migration file|\d+ columns|No schema changes|Everything's fine|Reading config|Changes applied")
n_prisma = rule(
    "prisma-cli", "build",
    "Every error: line with its --> location, the Validation Error Count line, the closing Error: line; CREATE/ALTER statements; the Generated line.",
    r"^error|^Error|[Ee]rror:", r"^warning|⚠", r"-->|Validation Error Count|^CREATE |^ALTER |^DROP |Generated|is valid|"
    r"Formatted|Prisma schema loaded")
_query_log = rule(
    "orm-query-log", "log",
    "Every error line (driver SQLITE_ message, the ORM's error class line) with the statement logged above it; the closing summary.",
    r"SQLITE_|Error\b|error:", None, r"^done|summary|bookings? (saved|failed)")



def n_query_log(lines):
    """Every error line (driver SQLITE_ message, the ORM's error class line) with the statement logged above it; the closing summary."""
    out = _query_log(lines)
    for i, ln in enumerate(lines):
        if re.search(r"^\S*Error\b", ln):
            for j in range(i - 1, max(-1, i - 4), -1):
                if lines[j].startswith("Executing"):
                    out.append(lines[j])
                    break
    return out


n_query_log.kind = _query_log.kind

ENV = {"PATH": f"{TOOLS / 'orm' / 'node_modules' / '.bin'}:{os.environ.get('PATH', '')}"}
TABLES = ["ports", "vessels", "routes", "sailings", "fares", "cabins", "passengers", "vehicles", "bookings",
          "invoices", "refunds", "crews", "meals", "vouchers"]
TABLES = TABLES + [f"{t[:-1]}_{s}" for s in ("audits", "archives", "snapshots") for t in TABLES]


def cap_(item, cmd, cwd, ext, **kw):
    cap(item, cmd, cwd, ext, env=ENV, timeout=300, **kw)


def proj(tmp: Path, name: str) -> Path:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    os.symlink(TOOLS / "orm" / "node_modules", d / "node_modules")
    return d


def cols(t: str, rnd: random.Random) -> list:
    return [(c, rnd.choice(["string", "integer", "decimal", "boolean", "datetime"]))
            for c in rnd.sample(["name", "code", "status", "price", "seats", "notes", "capacity", "email", "deck",
                                 "length", "departs_at", "arrives_at"], 5)]


def knex(tmp: Path) -> None:
    d = proj(tmp, "ferrytix-knex")
    (d / "migrations").mkdir()
    (d / "knexfile.js").write_text("module.exports = { development: { client: 'better-sqlite3', useNullAsDefault: true,"
                                   " connection: { filename: './dev.sqlite3' } } };\n")
    rnd = random.Random(70)
    for i, t in enumerate(TABLES):
        body = "\n".join(f"    t.{ty}('{c}');" for c, ty in cols(t, rnd))
        fk = f"    t.integer('{TABLES[i - 1][:-1]}_id').references('id').inTable('{TABLES[i - 1]}');\n" if i else ""
        up = f"  await knex.schema.createTable('{t}', (t) => {{\n    t.increments('id');\n{body}\n{fk}  }});\n"
        if t == "booking_snapshots":
            up += ("  await knex('bookings').insert([{ id: 1 }, { id: 1 }]);\n")
        (d / "migrations" / f"2026110{1 + i // 10}{i % 10:02d}0000_create_{t}.js").write_text(
            f"exports.up = async function (knex) {{\n{up}}};\n\nexports.down = function (knex) {{\n"
            f"  return knex.schema.dropTable('{t}');\n}};\n")
    cap_("knex-migrate-list", "npx knex migrate:list", d, n_knex)
    cap_("knex-migrate-latest", "npx knex migrate:latest; echo EXIT=$?", d, n_knex)
    cap_("knex-migrate-latest-tail", "npx knex migrate:latest 2>&1 | tail -n 80", d, n_knex)
    cap_("knex-migrate-list-after", "npx knex migrate:list; npx knex migrate:status; echo EXIT=$?", d, n_knex)


def sequelize(tmp: Path) -> None:
    d = proj(tmp, "ferrytix-seq")
    (d / "config").mkdir()
    (d / "migrations").mkdir()
    (d / "config" / "config.json").write_text('{"development": {"dialect": "sqlite", "storage": "./dev.sqlite"}}\n')
    rnd = random.Random(71)
    for i, t in enumerate(TABLES):
        fields = ",\n".join(f"      {c}: {{ type: Sequelize.{ {'string': 'STRING', 'integer': 'INTEGER', 'decimal': 'DECIMAL', 'boolean': 'BOOLEAN', 'datetime': 'DATE'}[ty]} }}"
                            for c, ty in cols(t, rnd))
        extra = ""
        if t == "fare_snapshots":
            extra = "    await queryInterface.addColumn('sailing', 'fare_id', { type: Sequelize.INTEGER });\n"
        (d / "migrations" / f"2026110{1 + i // 10}{i % 10:02d}0000-create-{t}.js").write_text(
            "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n"
            f"    await queryInterface.createTable('{t}', {{\n      id: {{ type: Sequelize.INTEGER, primaryKey: true,"
            f" autoIncrement: true }},\n{fields}\n    }});\n{extra}  }},\n"
            f"  async down(queryInterface) {{\n    await queryInterface.dropTable('{t}');\n  }},\n}};\n")
    cap_("sequelize-migrate-status", "npx sequelize-cli db:migrate:status", d, n_sequelize)
    cap_("sequelize-migrate", "npx sequelize-cli db:migrate; echo EXIT=$?", d, n_sequelize)
    cap_("sequelize-migrate-status-after", "npx sequelize-cli db:migrate:status 2>&1 | tail -n 80", d, n_sequelize)
    (d / "log.js").write_text(QUERY_LOG_JS)
    cap_("orm-query-log", "node log.js", d, n_query_log)


QUERY_LOG_JS = r"""
const { Sequelize, DataTypes } = require('sequelize');
const seq = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: (sql) => console.log(sql) });
const Booking = seq.define('Booking', {
  ref: { type: DataTypes.STRING, unique: true, allowNull: false },
  email: DataTypes.STRING, passengers: DataTypes.INTEGER, fare: DataTypes.DECIMAL,
});
(async () => {
  await seq.sync();
  let ok = 0, failed = 0;
  for (let i = 0; i < 60; i++) {
    const ref = i % 17 === 16 ? 'FTX-70003' : `FTX-${70000 + i}`;
    try {
      await Booking.create({ ref, email: `p${i}@mail.example`, passengers: 1 + (i % 5), fare: 20 + i });
      ok++;
    } catch (e) {
      failed++;
      console.log(`${e.name}: ${e.message}`);
      if (e.parent) console.log(`  ${e.parent.code}: ${e.parent.message}`);
    }
  }
  const rows = await Booking.findAll({ where: { passengers: 3 }, order: [['fare', 'DESC']] });
  console.log(`found ${rows.length} bookings with 3 passengers`);
  try {
    await seq.query('SELECT ref, total FROM Bookings WHERE fare > 50');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
  console.log(`done: ${ok} bookings saved, ${failed} failed`);
})();
"""


def typeorm(tmp: Path) -> None:
    d = proj(tmp, "ferrytix-typeorm")
    (d / "migrations").mkdir()
    names = []
    rnd = random.Random(72)
    for i, t in enumerate(TABLES):
        cname = "Create" + t.capitalize() + str(1764500000000 + i * 1000)
        names.append(cname)
        c = ", ".join(f'"{n}" {dict(string="varchar", integer="integer", decimal="decimal", boolean="boolean", datetime="datetime")[ty]}'
                      for n, ty in cols(t, rnd))
        sql = f'CREATE TABLE "{t}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, {c})'
        if t == "invoice_archives":
            sql = f'CREATE TABLE "{t}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, {c}, "booking_id" integer REFERENCES "bookings" ("id")'
        (d / "migrations" / f"{1764500000000 + i * 1000}-create-{t}.js").write_text(
            f"module.exports = class {cname} {{\n  name = '{cname}';\n  async up(queryRunner) {{\n"
            f"    await queryRunner.query(`{sql}`);\n  }}\n  async down(queryRunner) {{\n"
            f"    await queryRunner.query(`DROP TABLE \"{t}\"`);\n  }}\n}};\n")
    (d / "data-source.js").write_text(
        "const { DataSource } = require('typeorm');\nmodule.exports = { default: new DataSource({ type: 'better-sqlite3',"
        " database: 'dev.sqlite', migrations: ['migrations/*.js'], logging: true }) };\n")
    cap_("typeorm-migration-show", "npx typeorm migration:show -d data-source.js", d, n_typeorm)
    cap_("typeorm-migration-run", "npx typeorm migration:run -d data-source.js -t each; echo EXIT=$?", d, n_typeorm)
    cap_("typeorm-migration-show-after", "npx typeorm migration:show -d data-source.js 2>&1 | tail -n 80", d,
         n_typeorm)


DRIZZLE_SCHEMA = """import { sqliteTable, integer, text, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
"""


def drizzle(tmp: Path) -> None:
    d = proj(tmp, "ferrytix-drizzle")
    rnd = random.Random(73)
    body = [DRIZZLE_SCHEMA]
    for t in TABLES:
        fs = "\n".join(f"  {c}: {dict(string='text', integer='integer', decimal='real', boolean='integer', datetime='text')[ty]}('{c}'),"
                       for c, ty in cols(t, rnd))
        body.append(f"export const {t} = sqliteTable('{t}', {{\n  id: integer('id').primaryKey(),\n{fs}\n}}, (t) => [\n"
                    f"  index('{t}_idx').on(t.id),\n]);\n")
    (d / "schema.ts").write_text("\n".join(body))
    (d / "drizzle.config.ts").write_text("export default { dialect: 'sqlite', schema: './schema.ts', out: './drizzle',"
                                         " dbCredentials: { url: 'file:dev.sqlite' } };\n")
    cap_("drizzle-kit-generate", "npx drizzle-kit generate --name init", d, n_drizzle)
    # a change that loses data: a column renamed away and a table dropped
    s = (d / "schema.ts").read_text().replace("export const vouchers", "const vouchers").replace("  seats:", "  seatCount:")
    (d / "schema.ts").write_text(s)
    cap_("drizzle-kit-generate-2", "npx drizzle-kit generate --name drop_vouchers 2>&1 | tail -n 80; echo EXIT=$?", d,
         n_drizzle)
    # two migrations with the same prefix: check reports a collision
    j = d / "drizzle" / "meta" / "_journal.json"
    if j.exists():
        j.write_text(j.read_text().replace('"idx": 1', '"idx": 0'))
    cap_("drizzle-kit-check", "npx drizzle-kit check; echo EXIT=$?", d, n_drizzle)
    cap_("drizzle-kit-push", "npx drizzle-kit push --force; echo EXIT=$?", d, n_drizzle)


PRISMA_BAD = """datasource db {
  provider = "sqlite"
  url      = "file:./dev.db"
}

generator client {
  provider = "prisma-client-js"
}
"""


def prisma(tmp: Path) -> None:
    d = proj(tmp, "ferrytix-prisma")
    rnd = random.Random(74)
    models, ok = [PRISMA_BAD], [PRISMA_BAD]
    for i, t in enumerate(TABLES):
        m = t[:-1].capitalize() if not t.endswith("ies") else t
        fs = [f"  {c} {dict(string='String', integer='Int', decimal='Decimal', boolean='Boolean', datetime='DateTime')[ty]}?"
              for c, ty in cols(t, rnd)]
        good = [f"model {m} {{", "  id Int @id @default(autoincrement())", *fs, "}"]
        ok.append("\n".join(good) + "\n")
        bad = list(good)
        if i % 4 == 1:
            bad.insert(2, f"  owner {TABLES[i - 1][:-1].capitalize()}x @relation(fields: [ownerId], references: [id])")
        if i % 5 == 2:
            bad.insert(2, "  code String @unique @uniq")
        if i % 6 == 3:
            bad.insert(2, "  status Statuss")
        models.append("\n".join(bad) + "\n")
    (d / "prisma").mkdir()
    (d / "prisma" / "schema.prisma").write_text("\n".join(models))
    (d / "ok").mkdir()
    (d / "ok" / "schema.prisma").write_text("\n".join(ok))
    e = {"PRISMA_HIDE_UPDATE_MESSAGE": "1", "CHECKPOINT_DISABLE": "1"}
    cap("prisma-validate", "npx prisma validate", d, n_prisma, env={**ENV, **e}, timeout=300)
    cap("prisma-validate-exit", "npx prisma validate 2>&1 | tail -n 80; echo EXIT=$?", d, n_prisma,
        env={**ENV, **e}, timeout=300)
    cap("prisma-format-check", "npx prisma format --check --schema ok/schema.prisma; echo EXIT=$?", d, n_prisma,
        env={**ENV, **e}, timeout=300)
    cap("prisma-migrate-diff", "npx prisma migrate diff --from-empty --to-schema-datamodel ok/schema.prisma --script",
        d, n_prisma, env={**ENV, **e}, timeout=300)
    cap("prisma-generate", "npx prisma generate --schema prisma/schema.prisma; echo EXIT=$?", d, n_prisma,
        env={**ENV, **e}, timeout=300)


STEPS = [knex, sequelize, typeorm, drizzle, prisma]
