"""Round 262's data, from a seeded generator: a year of household and small-business books in ledger/hledger and
beancount syntax, a Taskwarrior import file, a Timewarrior track list and a khal calendar, each with faults put in on
purpose. Run as a script: `python capture_wide262_gen.py SEED OUTDIR`. Run through capture_wide262.py."""

from __future__ import annotations

import json
import random
import sys
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ASSETS = ["Assets:Bank:Checking", "Assets:Bank:Savings", "Assets:Cash", "Assets:Brokerage"]
LIABS = ["Liabilities:CreditCard:Visa", "Liabilities:Loan:Car"]
INCOME = ["Income:Salary", "Income:Freelance", "Income:Interest", "Income:Dividends"]
EXPENSES = ["Expenses:Food:Groceries", "Expenses:Food:Restaurants", "Expenses:Food:Coffee", "Expenses:Housing:Rent",
            "Expenses:Housing:Utilities:Electricity", "Expenses:Housing:Utilities:Water", "Expenses:Housing:Internet",
            "Expenses:Transport:Fuel", "Expenses:Transport:Transit", "Expenses:Transport:Car:Insurance",
            "Expenses:Transport:Car:Repairs", "Expenses:Health:Pharmacy", "Expenses:Health:Dentist",
            "Expenses:Leisure:Books", "Expenses:Leisure:Cinema", "Expenses:Leisure:Travel", "Expenses:Clothing",
            "Expenses:Gifts", "Expenses:Phone", "Expenses:Software:Subscriptions", "Expenses:Bank:Fees",
            "Expenses:Taxes:Income"]
EQUITY = ["Equity:Opening-Balances"]
PAYEES = {"Expenses:Food:Groceries": ["Rema 1000", "Kiwi", "Coop Extra", "Meny"],
          "Expenses:Food:Restaurants": ["Bistro Nord", "Pho Saigon", "Trattoria Lucca", "Sushi Kaito"],
          "Expenses:Food:Coffee": ["Kaffebrenneriet", "Espresso House"], "Expenses:Housing:Rent": ["Fjellvegen Eiendom"],
          "Expenses:Housing:Utilities:Electricity": ["Tibber"], "Expenses:Housing:Utilities:Water": ["Bergen Kommune"],
          "Expenses:Housing:Internet": ["Telia"], "Expenses:Transport:Fuel": ["Circle K", "Esso", "Uno-X"],
          "Expenses:Transport:Transit": ["Skyss"], "Expenses:Transport:Car:Insurance": ["If Skadeforsikring"],
          "Expenses:Transport:Car:Repairs": ["Mekonomen"], "Expenses:Health:Pharmacy": ["Apotek 1", "Vitusapotek"],
          "Expenses:Health:Dentist": ["Tannlege Berg"], "Expenses:Leisure:Books": ["Norli", "Ark"],
          "Expenses:Leisure:Cinema": ["Odeon Kino"], "Expenses:Leisure:Travel": ["Norwegian Air", "Vy", "Hotels.com"],
          "Expenses:Clothing": ["Dressmann", "H&M", "XXL Sport"], "Expenses:Gifts": ["Nille", "Clas Ohlson"],
          "Expenses:Phone": ["Telenor"], "Expenses:Software:Subscriptions": ["GitHub", "Spotify", "Netflix"],
          "Expenses:Bank:Fees": ["DNB"]}
RANGE = {"Expenses:Housing:Rent": (11500, 11500), "Expenses:Leisure:Travel": (600, 7400),
         "Expenses:Transport:Car:Repairs": (900, 8800), "Expenses:Transport:Car:Insurance": (780, 780),
         "Expenses:Health:Dentist": (850, 2400), "Expenses:Food:Coffee": (38, 79)}


def amount(rnd, acct):
    lo, hi = RANGE.get(acct, (45, 1600))
    return round(rnd.uniform(lo, hi), 2)


def transactions(rnd, year=2025):
    """(date, payee, [(account, amount)]) of a year: salary, rent, bills, spending, a few transfers."""
    tx = [(date(year, 1, 1), "Opening balances", [("Assets:Bank:Checking", 24650.00), ("Assets:Bank:Savings", 80000.00),
                                                    ("Assets:Cash", 1200.00), ("Liabilities:Loan:Car", -96000.00),
                                                    ("Equity:Opening-Balances", -9850.00)])]
    for m in range(1, 13):
        tx.append((date(year, m, 1), "Fjellvegen Eiendom", [("Expenses:Housing:Rent", 11500.00), ("Assets:Bank:Checking", -11500.00)]))
        tx.append((date(year, m, 25), "Nordvik Systems AS", [("Assets:Bank:Checking", 38410.00), ("Expenses:Taxes:Income", 14230.00),
                                                             ("Income:Salary", -52640.00)]))
        tx.append((date(year, m, 15), "DNB", [("Liabilities:Loan:Car", 2600.00), ("Assets:Bank:Checking", -2600.00)]))
        tx.append((date(year, m, 28), "DNB", [("Assets:Bank:Savings", 42.17 + m), ("Income:Interest", -(42.17 + m))]))
        for _ in range(rnd.randint(26, 34)):
            acct = rnd.choice([a for a in EXPENSES if a not in ("Expenses:Housing:Rent", "Expenses:Taxes:Income")])
            pay = rnd.choice(["Liabilities:CreditCard:Visa"] * 3 + ["Assets:Bank:Checking"] * 2 + ["Assets:Cash"])
            a = amount(rnd, acct)
            tx.append((date(year, m, rnd.randint(1, 28)), rnd.choice(PAYEES[acct]), [(acct, a), (pay, -a)]))
        if m % 3 == 0:
            tx.append((date(year, m, 20), "Freelance invoice", [("Assets:Bank:Checking", 9000.00 + 250 * m), ("Income:Freelance", -(9000.00 + 250 * m))]))
        tx.append((date(year, m, 10), "Visa payment", [("Liabilities:CreditCard:Visa", 9000.00), ("Assets:Bank:Checking", -9000.00)]))
    tx.sort(key=lambda t: t[0])
    return tx


def ledger_text(tx, declare=True):
    out = []
    if declare:
        for a in ASSETS + LIABS + INCOME + EXPENSES + EQUITY:
            out.append(f"account {a}")
        out += ["commodity NOK", ""]
    for d, payee, posts in tx:
        out.append(f"{d:%Y-%m-%d} * {payee}")
        for acct, amt in posts:
            out.append(f"    {acct:<44} {amt:>12.2f} NOK")
        out.append("")
    return "\n".join(out) + "\n"


def bean_text(tx, rnd):
    out = ['option "title" "Household books 2025"', 'option "operating_currency" "NOK"', ""]
    for a in ASSETS + LIABS + INCOME + EXPENSES + EQUITY:
        out.append(f"2024-12-31 open {a} NOK")
    out.append("")
    for d, payee, posts in tx:
        out.append(f'{d:%Y-%m-%d} * "{payee}" ""')
        for acct, amt in posts:
            out.append(f"  {acct:<44} {amt:>12.2f} NOK")
        out.append("")
    out.append("2025-06-30 balance Assets:Cash  950.00 NOK")
    out.append("2025-12-31 balance Assets:Bank:Savings  80600.00 NOK")
    out.append("")
    return "\n".join(out) + "\n"


def main() -> None:
    seed, outdir = int(sys.argv[1]), Path(sys.argv[2])
    rnd = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    tx = transactions(rnd)
    # the clean books, with a duplicate transaction and one out of date order put in (both still readable)
    dup = next(t for t in tx if t[1] == "Circle K")
    tx_faulty = list(tx)
    k = tx_faulty.index(dup)
    tx_faulty.insert(k + 1, dup)
    late = (date(2025, 3, 4), "Mekonomen", [("Expenses:Transport:Car:Repairs", 4312.50), ("Assets:Bank:Checking", -4312.50)])
    k = next(i for i, t in enumerate(tx_faulty) if t[0] >= date(2025, 5, 17))
    tx_faulty.insert(k, late)
    (outdir / "books.ledger").write_text(ledger_text(tx_faulty))
    (outdir / "books.journal").write_text(ledger_text(tx_faulty))
    # an unknown account (a typo) for --strict / check accounts
    typo = ledger_text(tx_faulty).replace("Expenses:Leisure:Cinema   ", "Expenses:Leisure:Cinmea   ", 1)
    (outdir / "typo.ledger").write_text(typo)
    # an unbalanced transaction in the middle of the year
    body = ledger_text(tx_faulty).splitlines()
    k = next(i for i, ln in enumerate(body) if ln.startswith("2025-07-") and "Groceries" in body[i + 1])
    body[k + 2] = body[k + 2].replace("-", "-1", 1) if "-" in body[k + 2] else body[k + 2]
    (outdir / "unbalanced.ledger").write_text("\n".join(body) + "\n")
    # a bad amount and a bad date
    body = ledger_text(tx_faulty).splitlines()
    k = next(i for i, ln in enumerate(body) if ln.startswith("2025-09-") and "Expenses:" in body[i + 1] and "Rent" not in body[i + 1])
    body[k + 1] = body[k + 1].replace(".", ",,", 1)
    k = next(i for i, ln in enumerate(body) if ln.startswith("2025-10-") and "Expenses:" in body[i + 1] and "Rent" not in body[i + 1])
    body[k] = body[k].replace("2025-10-", "2025-13-", 1)
    (outdir / "badamount.ledger").write_text("\n".join(body) + "\n")
    # a budget: periodic transactions
    budget = ["~ Monthly"] + [f"    {a:<44} {v:>10.2f} NOK" for a, v in [
        ("Expenses:Food:Groceries", 3500), ("Expenses:Food:Restaurants", 900), ("Expenses:Food:Coffee", 200),
        ("Expenses:Transport:Fuel", 1200), ("Expenses:Leisure:Books", 300), ("Expenses:Leisure:Travel", 1500),
        ("Expenses:Clothing", 600), ("Expenses:Phone", 400), ("Expenses:Software:Subscriptions", 350),
        ("Expenses:Health:Pharmacy", 250), ("Expenses:Housing:Rent", 11500)]] + ["    Assets:Bank:Checking", ""]
    (outdir / "budget.ledger").write_text("\n".join(budget) + "\n" + "include books.ledger\n")
    # beancount: an unopened account, an unbalanced transaction, a failing balance assertion (Cash), a duplicate
    bt = bean_text(tx_faulty, rnd).splitlines()
    k = next(i for i, ln in enumerate(bt) if "Odeon Kino" in ln and "Cinema" in bt[i + 1])
    bt[k + 1] = bt[k + 1].replace("Expenses:Leisure:Cinema   ", "Expenses:Leisure:Theatre  ", 1)
    k = next(i for i, ln in enumerate(bt) if ln.startswith("2025-08-") and "Expenses:" in bt[i + 1] and "Rent" not in bt[i + 1])
    bt[k + 1] = bt[k + 1].replace(".", "1.", 1)
    (outdir / "books.beancount").write_text("\n".join(bt) + "\n")
    (outdir / "clean.beancount").write_text(bean_text(tx, rnd).replace("2025-06-30 balance Assets:Cash  950.00 NOK\n", ""))
    # tasks for `task import`, relative to today so that some are overdue
    now = datetime.now(timezone.utc).replace(microsecond=0)
    fmt = "%Y%m%dT%H%M%SZ"
    projects = (["home"] * 5 + ["work.api"] * 6 + ["work.infra"] * 4 + ["garden"] * 2 + ["taxes", "car", "books.2025"]
                + ["work.api.auth", "work.api.billing", "home.kitchen", "side.blog", "side.rust-cli", "work.oncall"])
    tags = ["errand", "phone", "computer", "waiting", "someday", "urgent", "call"]
    words = ["fix", "renew", "call", "write", "review", "clean", "order", "book", "pay", "update", "plan", "read"]
    objs = ["insurance", "gutter", "deploy script", "PR 412", "dentist", "passport", "tax return", "winter tyres",
            "router firmware", "quarterly report", "hedge", "roof tiles", "CI cache", "oncall rota", "invoice 2025-031"]
    tasks = []
    for i in range(600):
        entry = now - timedelta(days=rnd.randint(1, 200), hours=rnd.randint(0, 23))
        t = {"uuid": str(uuid.UUID(int=rnd.getrandbits(128), version=4)), "description":
             f"{rnd.choice(words)} {rnd.choice(objs)} #{i + 1}", "entry": entry.strftime(fmt),
             "project": rnd.choice(projects), "status": "pending"}
        if rnd.random() < 0.35:
            t["priority"] = rnd.choice(["H", "M", "M", "L", "L", "L"])
        if rnd.random() < 0.4:
            t["due"] = (now + timedelta(days=rnd.randint(-20, 60))).strftime(fmt)
        if rnd.random() < 0.4:
            t["tags"] = rnd.sample(tags, rnd.randint(1, 2))
        if rnd.random() < 0.45:
            t["status"] = "completed"
            t["end"] = min(now, entry + timedelta(days=rnd.randint(0, 40))).strftime(fmt)
        elif rnd.random() < 0.05:
            t["status"] = "deleted"
            t["end"] = (entry + timedelta(days=2)).strftime(fmt)
        tasks.append(t)
    (outdir / "tasks.json").write_text(json.dumps(tasks))
    # time intervals: `timew track` command lines, weekdays of eight weeks ending a week ago
    ttags = [["work", "api"], ["work", "api"], ["work", "review"], ["work", "meeting"], ["work", "infra"],
             ["admin"], ["study", "rust"], ["work", "api", "oncall"]]
    start_day = (now - timedelta(days=119)).date()
    lines = []
    for d in range(112):
        day = start_day + timedelta(days=d)
        if day.weekday() >= 5:
            continue
        t = datetime(day.year, day.month, day.day, 8, rnd.choice([0, 15, 30]))
        for _ in range(rnd.randint(3, 6)):
            dur = timedelta(minutes=rnd.choice([25, 45, 50, 60, 90, 120, 150]))
            lines.append(f"{t:%Y-%m-%dT%H:%M:%S} - {t + dur:%Y-%m-%dT%H:%M:%S} " + " ".join(rnd.choice(ttags)))
            t = t + dur + timedelta(minutes=rnd.choice([5, 10, 15, 30]))
    (outdir / "intervals.txt").write_text("\n".join(lines) + "\n")
    # a calendar: a vdir of events per calendar, one malformed
    cal_start = (now - timedelta(days=3)).date()
    for cal in ["personal", "work", "family"]:
        (outdir / "cal" / cal).mkdir(parents=True, exist_ok=True)
    titles = {"work": ["Standup", "Sprint planning", "1:1 with Ola", "Design review", "Release retro", "Customer call"],
              "personal": ["Gym", "Dentist", "Piano lesson", "Haircut", "Book club"],
              "family": ["Dinner at grandma's", "School play", "Football practice"]}
    for i in range(260):
        cal = rnd.choice(["work"] * 6 + ["personal"] * 3 + ["family"])
        day = cal_start + timedelta(days=rnd.randint(0, 60))
        st = datetime(day.year, day.month, day.day, rnd.randint(7, 19), rnd.choice([0, 30]))
        en = st + timedelta(minutes=rnd.choice([15, 30, 60, 90]))
        allday = rnd.random() < 0.06
        ds = f"DTSTART;VALUE=DATE:{day:%Y%m%d}\nDTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}" if allday else \
            f"DTSTART;TZID=Europe/Oslo:{st:%Y%m%dT%H%M%S}\nDTEND;TZID=Europe/Oslo:{en:%Y%m%dT%H%M%S}"
        loc = f"\nLOCATION:{rnd.choice(['Room Fløyen', 'Room Ulriken', 'Zoom', 'Home'])}" if cal == "work" else ""
        uid = f"r262-{i:03d}@example.org"
        (outdir / "cal" / cal / f"{uid}.ics").write_text(
            f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//r262//EN\nBEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20250101T000000Z\n"
            f"{ds}\nSUMMARY:{rnd.choice(titles[cal])}{loc}\nEND:VEVENT\nEND:VCALENDAR\n")
    bad = (f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//r262//EN\nBEGIN:VEVENT\nUID:r262-bad@example.org\n"
           f"DTSTART:{cal_start + timedelta(days=2):%Y%m%d}T25:61:00\nSUMMARY:Broken import from Outlook\nEND:VEVENT\n"
           f"BEGIN:VEVENT\nUID:r262-bad2@example.org\nSUMMARY:Event without a start\nEND:VEVENT\nEND:VCALENDAR\n")
    (outdir / "broken.ics").write_text(bad)


if __name__ == "__main__":
    main()
