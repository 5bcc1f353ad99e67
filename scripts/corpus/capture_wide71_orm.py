"""Round 71's ORM and migration steps: `vetbook`'s database as knex, sequelize-cli, TypeORM and drizzle-kit projects
against SQLite, with other mistakes put in than round 70's (a migration naming a column that is not there, a NOT NULL
column added without a default to a table holding rows, a duplicate index name, a foreign key to a missing table).
Needles: round 70's extractors, imported. Run through capture_wide71.py."""

from __future__ import annotations

import os
import random
from pathlib import Path

from capture_wide71 import TOOLS, cap
from capture_wide70_orm import n_drizzle, n_knex, n_query_log, n_sequelize, n_typeorm

ENV = {"PATH": f"{TOOLS / 'orm' / 'node_modules' / '.bin'}:{os.environ.get('PATH', '')}"}
BASE = ["clinics", "vets", "nurses", "owners", "pets", "species", "breeds", "appointments", "visits", "vaccines",
        "vaccinations", "prescriptions", "drugs", "doses", "invoices", "payments", "insurers", "claims", "rooms",
        "kennels", "lab_orders", "lab_results", "xrays", "surgeries"]
TABLES = BASE + [f"{t}_history" for t in BASE[:16]] + [f"{t}_{s}" for s in ("archive", "audit") for t in BASE]
COLS = ["name", "status", "notes", "amount", "weight_kg", "starts_at", "phone", "email", "room_no", "chip_id",
        "born_on", "currency", "code", "priority"]
TYPES = ["string", "integer", "decimal", "boolean", "datetime"]


def cap_(item, cmd, cwd, ext, **kw):
    cap(item, cmd, cwd, ext, env=ENV, timeout=300, **kw)


def proj(tmp: Path, name: str) -> Path:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    os.symlink(TOOLS / "orm" / "node_modules", d / "node_modules")
    return d


def cols(rnd: random.Random, n: int = 6) -> list:
    return [(c, rnd.choice(TYPES)) for c in rnd.sample(COLS, n)]


def knex(tmp: Path) -> None:
    d = proj(tmp, "vetbook-knex")
    (d / "db" / "migrations").mkdir(parents=True)
    (d / "knexfile.js").write_text("module.exports = { development: { client: 'better-sqlite3', useNullAsDefault: true,"
                                   " connection: { filename: './vetbook.sqlite3' },"
                                   " migrations: { directory: './db/migrations' } } };\n")
    rnd = random.Random(710)
    for i, t in enumerate(TABLES):
        body = "\n".join(f"    t.{ty}('{c}');" for c, ty in cols(rnd))
        up = f"  await knex.schema.createTable('{t}', (t) => {{\n    t.increments('id');\n{body}\n  }});\n"
        if t == "vets":
            up += "  await knex('vets').insert([{ name: 'Dr Okafor' }, { name: 'Dr Lind' }]);\n"
        if t == "payments_history":  # renames a column vets does not have
            up = "  await knex.raw('ALTER TABLE vets RENAME COLUMN licence_no TO license_no');\n" + up
        (d / "db" / "migrations" / f"2026{11 + i // 720:02d}{10 + i // 24 % 30:02d}{i % 24:02d}0000_create_{t}.js").write_text(
            f"exports.up = async function (knex) {{\n{up}}};\n\nexports.down = function (knex) {{\n"
            f"  return knex.schema.dropTableIfExists('{t}');\n}};\n")
    cap_("knex-migrate-list-pending", "npx knex migrate:list 2>&1 | tail -n 60", d, n_knex)
    cap_("knex-migrate-latest-fail", "npx knex migrate:latest; echo EXIT=$?", d, n_knex)
    bad = next((d / "db" / "migrations").glob("*_create_payments_history.js"))
    bad.write_text(bad.read_text().replace("licence_no TO license_no", "name TO full_name"))
    cap_("knex-migrate-up-each", "for i in 1 2 3 4 5 6; do npx knex migrate:up; done; npx knex migrate:list"
         " | head -n 80", d, n_knex)
    cap_("knex-migrate-latest-rollback", "npx knex migrate:latest && npx knex migrate:rollback; npx knex migrate:status;"
         " echo EXIT=$?", d, n_knex)


def sequelize(tmp: Path) -> None:
    d = proj(tmp, "vetbook-seq")
    (d / "config").mkdir()
    (d / "migrations").mkdir()
    (d / "config" / "config.json").write_text('{"development": {"dialect": "sqlite", "storage": "./vetbook.sqlite"}}\n')
    rnd = random.Random(711)
    conv = {"string": "STRING", "integer": "INTEGER", "decimal": "DECIMAL(10, 2)", "boolean": "BOOLEAN",
            "datetime": "DATE"}
    for i, t in enumerate(TABLES):
        fields = ",\n".join(f"      {c}: {{ type: Sequelize.{conv[ty]} }}" for c, ty in cols(rnd))
        extra = ""
        if t == "invoices":
            extra = ("    await queryInterface.bulkInsert('invoices', [{ id: 1 }, { id: 2 }]);\n")
        if t == "invoices_history":  # NOT NULL without a default on a table holding rows, then a duplicate index
            extra = ("    await queryInterface.addIndex('pets', ['name'], { name: 'idx_name' });\n"
                     "    await queryInterface.addIndex('owners', ['name'], { name: 'idx_name' });\n")
        (d / "migrations" / f"2026{11 + i // 720:02d}{10 + i // 24 % 30:02d}{i % 24:02d}0000-create-{t}.js").write_text(
            "'use strict';\nmodule.exports = {\n  async up(queryInterface, Sequelize) {\n"
            f"    await queryInterface.createTable('{t}', {{\n      id: {{ type: Sequelize.INTEGER, primaryKey: true,"
            f" autoIncrement: true }},\n{fields}\n    }});\n{extra}  }},\n"
            f"  async down(queryInterface) {{\n    await queryInterface.dropTable('{t}');\n  }},\n}};\n")
    cap_("sequelize-migrate", "npx sequelize-cli db:migrate 2>&1 | tail -n 150; echo EXIT=$?", d, n_sequelize)
    cap_("sequelize-migrate-status", "npx sequelize-cli db:migrate:status", d, n_sequelize)
    bad = next((d / "migrations").glob("*-create-invoices_history.js"))
    bad.write_text(bad.read_text().replace("['name'], { name: 'idx_name' });\n    await queryInterface.addIndex('owners'",
                                           "['name'], { name: 'idx_pets_name' });\n    await queryInterface.addIndex('owners'")
                   .replace("addIndex('owners', ['name'], { name: 'idx_name' })",
                            "addIndex('owners', ['name'], { name: 'idx_owners_name' })"))
    cap_("sequelize-migrate-rerun", "npx sequelize-cli db:migrate; npx sequelize-cli db:migrate:status | tail -n 30;"
         " echo EXIT=$?", d, n_sequelize)
    (d / "log.js").write_text(QUERY_LOG_JS)
    cap_("orm-query-log", "node log.js 2>&1 | tail -n 120", d, n_query_log)
    (d / "billing.js").write_text(BILLING_LOG_JS)
    cap_("orm-query-log-billing", "node billing.js; echo EXIT=$?", d, n_query_log)


QUERY_LOG_JS = r"""
const { Sequelize, DataTypes } = require('sequelize');
const seq = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: (sql) => console.log(sql) });
const Owner = seq.define('Owner', { email: { type: DataTypes.STRING, unique: true }, name: DataTypes.STRING });
const Pet = seq.define('Pet', {
  name: { type: DataTypes.STRING, allowNull: false }, species: DataTypes.STRING,
  chip: { type: DataTypes.STRING, unique: true }, weightKg: DataTypes.FLOAT,
});
Owner.hasMany(Pet); Pet.belongsTo(Owner);
(async () => {
  await seq.sync();
  let ok = 0, failed = 0;
  for (let i = 0; i < 12; i++) await Owner.create({ email: `o${i}@vetmail.example`, name: `Owner ${i}` });
  for (let i = 0; i < 70; i++) {
    const chip = i % 23 === 22 ? '900071000000005' : `9000710000${String(i).padStart(5, '0')}`;
    try {
      await Pet.create({ name: i % 31 === 30 ? null : `Pet${i}`, species: ['dog', 'cat', 'rabbit'][i % 3],
        chip, weightKg: 2 + (i % 40), OwnerId: 1 + (i % 12) });
      ok++;
    } catch (e) {
      failed++;
      console.log(`${e.name}: ${e.message}`);
      if (e.parent) console.log(`  ${e.parent.code}: ${e.parent.message}`);
    }
  }
  const heavy = await Pet.findAll({ where: { species: 'dog' }, include: Owner, order: [['weightKg', 'DESC']], limit: 5 });
  console.log(`heaviest dogs: ${heavy.map((p) => p.name).join(', ')}`);
  try {
    await seq.query('SELECT p.name, o.phone FROM Pets p JOIN Owners o ON o.id = p.OwnerId');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
  try {
    await Pet.update({ OwnerId: 99 }, { where: { id: 3 } });
    await seq.query('PRAGMA foreign_key_check');
    await seq.query("INSERT INTO Pets (name, species, OwnerId, createdAt, updatedAt) VALUES ('Ghost', 'cat', 404, datetime(), datetime())");
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
  console.log(`done: ${ok} pets saved, ${failed} failed`);
})();
"""


BILLING_LOG_JS = r"""
const { Sequelize, DataTypes } = require('sequelize');
const seq = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: (sql) => console.log(sql) });
const Clinic = seq.define('Clinic', { name: DataTypes.STRING });
const Invoice = seq.define('Invoice', {
  number: { type: DataTypes.STRING, unique: true },
  total: { type: DataTypes.DECIMAL(10, 2), validate: { min: 0 } },
  status: { type: DataTypes.STRING, validate: { isIn: [['open', 'paid', 'void']] } },
});
const Line = seq.define('InvoiceLine', { item: DataTypes.STRING, qty: DataTypes.INTEGER, price: DataTypes.DECIMAL(10, 2) });
Clinic.hasMany(Invoice); Invoice.belongsTo(Clinic);
Invoice.hasMany(Line); Line.belongsTo(Invoice);
(async () => {
  await seq.sync();
  await Clinic.bulkCreate([{ name: 'Northside' }, { name: 'Harbour' }, { name: 'Elm Street' }]);
  let ok = 0, failed = 0;
  for (let i = 0; i < 40; i++) {
    try {
      await seq.transaction(async (t) => {
        const inv = await Invoice.create({
          number: i === 27 ? 'INV-2026-0011' : `INV-2026-${String(i).padStart(4, '0')}`,
          total: i === 19 ? -45.5 : 30 + i * 7.25, status: i === 33 ? 'refunded' : 'open',
          ClinicId: i === 14 ? 9 : 1 + (i % 3),
        }, { transaction: t });
        for (let k = 0; k < 2; k++) {
          await Line.create({ item: ['rabies shot', 'consult', 'x-ray'][(i + k) % 3], qty: 1 + k, price: 15 + k,
            InvoiceId: inv.id }, { transaction: t });
        }
      });
      ok++;
    } catch (e) {
      failed++;
      console.log(`${e.name}: ${e.message}`);
      if (e.parent) console.log(`  ${e.parent.code}: ${e.parent.message}`);
    }
  }
  try {
    await seq.query('UPDATE Invoices SET paidAt = CURRENT_TIMESTAMP WHERE status = \'open\'');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
  const [rows] = await seq.query('SELECT ClinicId, COUNT(*) AS n, SUM(total) AS sum FROM Invoices GROUP BY ClinicId');
  console.log(`per clinic: ${JSON.stringify(rows)}`);
  console.log(`done: ${ok} invoices saved, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
"""


def typeorm(tmp: Path) -> None:
    d = proj(tmp, "vetbook-typeorm")
    (d / "migrations").mkdir()
    rnd = random.Random(712)
    sqlt = {"string": "varchar", "integer": "integer", "decimal": "decimal(10,2)", "boolean": "boolean",
            "datetime": "datetime"}
    for i, t in enumerate(TABLES):
        ts = 1764900000000 + i * 60000
        cname = "".join(p.capitalize() for p in t.split("_")) + "Table" + str(ts)
        c = ", ".join(f'"{n}" {sqlt[ty]}' for n, ty in cols(rnd))
        q = [f'CREATE TABLE "{t}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, {c})',
             f'CREATE INDEX "IDX_{t}_id" ON "{t}" ("id")']
        if t == "lab_results":  # a foreign key to a table never created, then a query on it
            q.append('INSERT INTO "lab_results" ("id") SELECT "id" FROM "lab_panels"')
        body = "\n".join(f"    await queryRunner.query(`{s}`);" for s in q)
        (d / "migrations" / f"{ts}-{t}.js").write_text(
            f"module.exports = class {cname} {{\n  name = '{cname}';\n  async up(queryRunner) {{\n{body}\n  }}\n"
            f"  async down(queryRunner) {{\n    await queryRunner.query(`DROP TABLE \"{t}\"`);\n  }}\n}};\n")
    (d / "data-source.js").write_text(
        "const { DataSource } = require('typeorm');\nmodule.exports = { default: new DataSource({ type: 'better-sqlite3',"
        " database: 'vetbook.sqlite', migrations: ['migrations/*.js'], logging: ['query', 'error'] }) };\n")
    cap_("typeorm-migration-show", "npx typeorm migration:show -d data-source.js; echo EXIT=$?", d, n_typeorm)
    cap_("typeorm-migration-run-fail", "npx typeorm migration:run -d data-source.js -t each; echo EXIT=$?", d,
         n_typeorm)
    cap_("typeorm-migration-run-retry", "npx typeorm migration:run -d data-source.js 2>&1 | tail -n 40", d, n_typeorm)
    cap_("typeorm-migration-show-after", "npx typeorm migration:show -d data-source.js 2>&1 | head -n 80", d, n_typeorm)
    cap_("typeorm-migration-revert", "npx typeorm migration:revert -d data-source.js; npx typeorm migration:revert"
         " -d data-source.js; echo EXIT=$?", d, n_typeorm)


DRIZZLE_HEAD = "import { sqliteTable, integer, text, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';\n"


def drizzle(tmp: Path) -> None:
    d = proj(tmp, "vetbook-drizzle")
    rnd = random.Random(713)
    conv = {"string": "text", "integer": "integer", "decimal": "real", "boolean": "integer", "datetime": "text"}
    body = [DRIZZLE_HEAD]
    for t in TABLES:
        cs = cols(rnd)
        fs = "\n".join(f"  {c}: {conv[ty]}('{c}'),"for c, ty in cs)
        body.append(f"export const {t} = sqliteTable('{t}', {{\n  id: integer('id').primaryKey(),\n{fs}\n}}, (t) => [\n"
                    f"  index('{t}_{cs[0][0]}_idx').on(t.{cs[0][0]}),\n  uniqueIndex('{t}_{cs[1][0]}_uq').on(t.{cs[1][0]}),\n]);\n")
    (d / "schema.ts").write_text("\n".join(body))
    (d / "drizzle.config.ts").write_text("export default { dialect: 'sqlite', schema: './schema.ts', out: './drizzle',"
                                         " dbCredentials: { url: 'file:vetbook.sqlite' } };\n")
    cap_("drizzle-kit-generate", "npx drizzle-kit generate --name vetbook_init; echo EXIT=$?", d, n_drizzle)
    s = (d / "schema.ts").read_text()
    s = s.replace("export const surgeries", "const surgeries").replace("export const xrays", "const xrays")
    s = s.replace("sqliteTable('pets', {\n", "sqliteTable('pets', {\n  neutered: integer('neutered').notNull(),\n")
    (d / "schema.ts").write_text(s)
    cap_("drizzle-kit-generate-drop", "npx drizzle-kit generate --name drop_imaging 2>&1 | tail -n 60", d, n_drizzle)


STEPS = [knex, sequelize, typeorm, drizzle]
