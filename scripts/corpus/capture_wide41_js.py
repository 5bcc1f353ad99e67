"""Round 41, Node side: the auction hall's Koa API with koa-logger in front, driven over loopback by curl; its
bid-validation scripts through zod, joi and yup; its lot-sheet templates through Nunjucks and EJS with errors put in.
Extractors are capture_wide41_py.py's `ext` wrapper around the rules of NEEDLES.md "Round 41". Run through
capture_wide41.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from capture_more import groups, mask, run, start, stop
from capture_wide41 import JS, cap, add
from capture_wide41_py import ext


def _koa(lines):
    from collections import Counter
    reqs = [(m.group(1), ln) for ln in lines for m in [re.search(r"(?:<--|-->|xxx)\s+(\w+)\s", ln)] if m]
    methods = Counter(meth for meth, _ in reqs)
    common = methods.most_common(1)[0][1] if methods else 0
    out = [ln for meth, ln in reqs if methods[meth] <= 2 and common * 2 >= len(reqs)]
    durs = []
    for ln in lines:
        m = re.search(r"(-->|xxx)\s+(\w+)\s+(\S+)\s+(\d{3})\s+(\d+)ms", ln)
        if m:
            durs.append((int(m.group(5)), ln))
            if m.group(4)[0] in "45":
                out.append(ln)
    if durs:
        out.append(max(durs)[1])
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(\w*Error)\b", ln):
            out.append(ln)
            out.append(next((l for l in lines[i + 1:i + 4] if l.strip().startswith("at ")), None))
    return out


N_KOA = ext("koa-logger", "log", "Rules 1+4: 4xx/5xx or rare-method lines, the slowest line, each error stack's "
            "first line and first at line", _koa)


def _issues(lines):
    """zod / joi / yup dumps: every entry naming a field / path and what failed, one any per (field, check) when
    repeated, and the count line."""
    pairs = []
    path: list[str] = []
    code = ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r'^"code": "', s) or re.match(r'^"type": "', s):
            code = s
        if s == '"path": [':
            path = []
            for l in lines[i + 1:i + 8]:
                if l.strip().startswith("]"):
                    break
                path.append(l.strip().strip(","))
        if re.match(r'^"message": "', s):
            field = next((p for p in reversed(path) if not p.isdigit()), "")
            pairs.append(((field, re.sub(r"\d+", "N", s)), ln))
        elif re.match(r"^- \w+ ", s):  # yup: '- field message'
            pairs.append((re.sub(r"\d+", "N", s), ln))
    out = groups(pairs)
    out += [ln for ln in lines if re.match(r"^\d+ (errors?|issues?|invalid)\b", ln.strip())]
    return out


N_ZOD = ext("zod-error", "log", "Rule 1/5: every issue naming a path and what failed (one any per shape), the "
            "count line", _issues)
N_JOI = ext("joi-validation-error", "log", "Rule 1/5: every detail naming a path and what failed (one any per "
            "shape), the count line", _issues)
N_YUP = ext("yup-validation-error", "log", "Rule 1/5: every error naming a path and what failed (one any per "
            "shape), the count line", _issues)


def _tmpl(lines):
    out = []
    for i, ln in enumerate(lines):
        if i and lines[i - 1].startswith("Template render error"):
            out.append(ln)
        if re.match(r"^\s*(Template render error|\w*Error\b)", ln) or re.search(r"\[Line \d+, Column \d+\]", ln) \
                or re.match(r"^\s*>>\s+\d+\|", ln) or re.search(r"\bejs:\d+|\.ejs:\d+|\.njk", ln):
            out.append(ln)
    return out


N_NJK = ext("nunjucks-template-error", "log", "Rule 1: the error line and the line naming template, line and column",
            _tmpl)
N_EJS = ext("ejs-template-error", "log", "Rule 1: the error line, the line naming template and line, the >> marker",
            _tmpl)

KOA_APP = r'''
const Koa = require("koa");
const logger = require("koa-logger");
const app = new Koa();
app.use(logger());
let n = 0;
app.use(async (ctx) => {
  n += 1;
  const p = ctx.path;
  if (p.startsWith("/lots/") && p.endsWith("/close") && ctx.method === "PUT") {
    if (n % 7 === 0) throw new Error(`lot ${p.split("/")[2]} already settled (bid ledger locked)`);
    ctx.body = { closed: true }; return;
  }
  if (p === "/slow-report") { await new Promise(r => setTimeout(r, 180)); ctx.body = { rows: 412 }; return; }
  if (p.startsWith("/lots/")) {
    const id = Number(p.split("/")[2]);
    if (id > 1500) { ctx.status = 404; ctx.body = { error: "no such lot" }; return; }
    ctx.body = { id, species: "cod", bids: Array.from({ length: id % 9 }, (_, i) => i) }; return;
  }
  if (p === "/bids" && ctx.method === "POST") { ctx.status = (n % 11 === 0) ? 422 : 201; ctx.body = {}; return; }
  if (p === "/buyers") { ctx.status = (n % 29 === 0) ? 503 : 200; ctx.body = []; return; }
  ctx.status = 404;
});
app.on("error", (err) => { console.error(err.stack.split("\n").slice(0, 4).join("\n")); });
app.listen(Number(process.argv[2]));
'''


def koa(tmp: Path) -> None:
    (JS / "hall_api.js").write_text(KOA_APP)
    log = open(tmp / "koa.log", "wb")
    port = 47141
    p = start(["node", str(JS / "hall_api.js"), str(port)], cwd=JS, log=log)
    time.sleep(1.5)
    r = random.Random(4104)
    cmds = []
    for i in range(420):
        x = r.random()
        if x < 0.5:
            cmds.append(f"curl -s -o /dev/null localhost:{port}/lots/{r.randint(1, 1600)}")
        elif x < 0.7:
            cmds.append(f"curl -s -o /dev/null -X POST localhost:{port}/bids -d amount={r.randint(10, 900)}")
        elif x < 0.85:
            cmds.append(f"curl -s -o /dev/null localhost:{port}/buyers")
        elif x < 0.97:
            cmds.append(f"curl -s -o /dev/null -X PUT localhost:{port}/lots/{r.randint(1, 1500)}/close")
        else:
            cmds.append(f"curl -s -o /dev/null -X DELETE localhost:{port}/bids/{r.randint(1, 99)}")
        if i in (90, 333):
            cmds.append(f"curl -s -o /dev/null localhost:{port}/slow-report")
    run(" ; ".join(cmds), cwd=tmp, timeout=120)
    time.sleep(0.5)
    stop(p)
    log.close()
    raw = (tmp / "koa.log").read_text()
    add("koa-logger-hall-api", "cat koa.log", raw, N_KOA)
    cap("koa-logger-grep-status-tail", "grep -E ' (4|5)[0-9]{2} |xxx|Error' koa.log | tail -n 60", tmp, N_KOA)


ZOD = r'''
const { z } = require("zod");
const Bid = z.object({
  lot: z.string().regex(/^L\d{5}$/), buyer: z.string().regex(/^B\d{3}$/),
  amount_eur: z.number().positive().max(50000), placed_at: z.string().datetime(),
  boxes: z.number().int().min(1).max(12), grade: z.enum(["A", "B", "C"]),
});
const Batch = z.object({ auction: z.number().int(), bids: z.array(Bid).min(1) });
const bids = [];
for (let i = 0; i < 120; i++) {
  bids.push({ lot: i % 9 === 4 ? `L${i}` : `L2${String(i).padStart(4, "0")}`, buyer: i % 13 === 5 ? "b12" : `B${String(i % 139 + 1).padStart(3, "0")}`,
    amount_eur: i % 11 === 3 ? -20 : 100 + i * 7.5, placed_at: i % 17 === 8 ? "2026-05-12 05:31" : "2026-05-12T05:31:00Z",
    boxes: i % 19 === 2 ? 0 : (i % 12) + 1, grade: i % 50 === 27 ? "Z" : "ABC"[i % 3] });
}
const r = Batch.safeParse({ auction: "12", bids });
if (!r.success) {
  console.error(JSON.stringify(r.error.issues, null, 2));
  console.error(`${r.error.issues.length} issues`);
  process.exit(1);
}
'''

JOI = r'''
const Joi = require("joi");
const schema = Joi.object({
  code: Joi.string().pattern(/^B\d{3}$/).required(), name: Joi.string().min(3).required(),
  email: Joi.string().email({ tlds: false }), credit_limit: Joi.number().min(0).max(100000),
  vat: Joi.string().length(11), port: Joi.string().valid("Brixham", "Newlyn", "Peterhead"),
});
let bad = 0;
for (let i = 0; i < 80; i++) {
  const buyer = { code: i % 7 === 3 ? `X${i}` : `B${String(i + 1).padStart(3, "0")}`, name: i % 9 === 4 ? "Al" : `Buyer ${i}`,
    email: i % 5 === 2 ? `buyer${i}-at-example` : `b${i}@example.org`, credit_limit: i % 8 === 6 ? 250000 : 1000 * i,
    vat: i % 10 === 1 ? "GB12345" : "GB123456789", port: i % 6 === 5 ? "Plymouth" : "Newlyn" };
  if (i === 17) buyer.fax = "01803 555";
  const { error } = schema.validate(buyer, { abortEarly: false });
  if (error) { bad += 1; console.log(`buyer ${i}:`, JSON.stringify(error.details.map(d => ({ message: d.message, path: d.path, type: d.type })), null, 1)); }
}
console.log(`${bad} invalid buyers`);
'''

YUP = r'''
const yup = require("yup");
const lot = yup.object({
  lot_id: yup.string().matches(/^L\d{5}$/, "lot_id must look like L12345").required(),
  species: yup.string().oneOf(["cod", "hake", "sole", "ling", "plaice"]).required(),
  weight_kg: yup.number().positive().max(500).required(), reserve_eur: yup.number().min(0),
  landed_at: yup.date().max(new Date("2026-12-31")), vessel: yup.string().required(),
});
(async () => {
  let n = 0;
  for (let i = 0; i < 150; i++) {
    const row = { lot_id: i % 8 === 5 ? `L${i}` : `L3${String(i).padStart(4, "0")}`, species: i % 6 === 1 ? "turbot" : "cod",
      weight_kg: i % 10 === 7 ? -4 : i * 13.5 + 1, reserve_eur: i % 12 === 9 ? -1 : 50, landed_at: i % 41 === 22 ? "next tuesday" : "2026-05-12",
      vessel: i % 15 === 4 ? undefined : "Silver Gull" };
    try { await lot.validate(row, { abortEarly: false }); }
    catch (e) { n += 1; console.log(`row ${i}: ValidationError: ${e.errors.length} errors occurred`); for (const m of e.errors) console.log("  - " + m); }
  }
  console.log(`${n} invalid rows`);
})();
'''

NJK_RENDER = r'''
const nunjucks = require("nunjucks");
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader("njk"), { throwOnUndefined: true });
const lots = Array.from({ length: 5 }, (_, i) => ({ species: "cod", weight: 10 * i }));
for (const name of ["sheet.njk", "invoice.njk"]) {
  try { console.log(env.render(name, { lots, hall: { name: "A" } })); }
  catch (e) { console.error(e.stack.split("\n").slice(0, 8).join("\n")); }
}
'''

EJS_RENDER = r'''
const ejs = require("ejs");
const lots = Array.from({ length: 4 }, (_, i) => ({ species: "hake", weight: 12 * i }));
for (const f of ["views/sheet.ejs", "views/buyer.ejs"]) {
  ejs.renderFile(f, { lots, hall: "A" }, (err, html) => {
    if (err) console.error(err.stack.split("\n").slice(0, 16).join("\n")); else console.log(html);
  });
}
'''


def scripts(tmp: Path) -> None:
    for name, body in (("zod_bids.js", ZOD), ("joi_buyers.js", JOI), ("yup_lots.js", YUP), ("njk_render.js", NJK_RENDER),
                       ("ejs_render.js", EJS_RENDER)):
        (JS / name).write_text(body)
    (JS / "njk").mkdir(exist_ok=True)
    (JS / "njk" / "sheet.njk").write_text("<h1>Hall {{ hall.name }}</h1>\n<table>\n{% for lot in lots %}\n"
                                          "<tr><td>{{ lot.species | upper }}</td><td>{{ lot.weight }}</td>"
                                          "<td>{{ lot.buyer.code }}</td></tr>\n{% endfor %}\n</table>\n")
    (JS / "njk" / "invoice.njk").write_text("<h1>Invoice</h1>\n{% for lot in lots %}\n<p>{{ lot.species }}</p>\n"
                                            "{% if lot.weight > 10 %}heavy{% endfor %}\n")
    (JS / "views").mkdir(exist_ok=True)
    (JS / "views" / "sheet.ejs").write_text("<h1>Hall <%= hall %></h1>\n<ul>\n<% lots.forEach(function(lot) { %>\n"
                                            "  <li><%= lot.species %> <%= lot.weight.toFixed(1) %> kg</li>\n"
                                            "  <li>buyer <%= buyer.code %></li>\n<% }) %>\n</ul>\n")
    (JS / "views" / "buyer.ejs").write_text("<h1>Buyers</h1>\n<% for (const b of buyers { %>\n<p><%= b.code %></p>\n"
                                            "<% } %>\n")
    cap("zod-safeparse-issues", "node zod_bids.js; echo EXIT=$?", JS, N_ZOD)
    cap("joi-validation-details", "node joi_buyers.js", JS, N_JOI)
    cap("yup-validation-errors", "node yup_lots.js | head -n 80", JS, N_YUP)
    cap("nunjucks-render-errors", "node njk_render.js", JS, N_NJK)
    cap("ejs-render-errors", "node ejs_render.js; echo EXIT=$?", JS, N_EJS)


STEPS = [koa, scripts]
