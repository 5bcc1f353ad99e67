"""Round 21, Python web frameworks: a Flask shop (flask routes, the dev server's log with 404s and two 500s, test-client
failures under pytest) and a Django library project (makemigrations --check, sqlmigrate, diffsettings, inspectdb on a
legacy database, a migrate that fails, the test runner on a second app, serial and parallel). Run through
capture_wide21.py."""

from __future__ import annotations

import re
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path

from capture_data import free_port, python_exceptions, rule4, stop, wait_port, ws_rows
from capture_more import kind, run, start, write_tree
from capture_wide10 import line_rule
from capture_wide10_py import n_django_test, with_pytest
from capture_wide21 import BIN, PY, add, cap

# ================================================================== Flask


@kind("flask-routes", "table")
def n_flask_routes(lines):
    """Rule 4 on flask routes: the header row, and every route whose Methods cell is rare (at most 2 rows) while one value covers half the rows."""
    head = next((ln for ln in lines if ln.startswith("Endpoint")), None)
    rows = ws_rows([ln for ln in lines if ln.strip() and not ln.startswith(("Endpoint", "---"))], ["endpoint", "methods", "rule"])
    return rule4(rows, cat=["methods"], header=[head])


@kind("flask-server-log", "log")
def n_flask_log(lines):
    """Rules 1+4 on Flask's dev server console: every 'ERROR in' line, each traceback's exception line with its location, access rows whose status is rare while one dominates, the 'Running on' line."""
    out: list = [ln for ln in lines if "ERROR in " in ln or "Running on http" in ln] + python_exceptions(lines)
    acc = [(ln, {"status": m.group(1)}) for ln in lines for m in [re.search(r'" (\d{3}) ', ln)] if m]
    return out + rule4(acc, cat=["status"])


n_pytest_flask = with_pytest("pytest-flask-client", "Rules 1+2 on pytest over Flask's test client: the pytest rule (each FAILED id, first E line per failure, final counts).")

FLASK_APP = '''from flask import Blueprint, Flask, abort, jsonify, request

catalog = Blueprint("catalog", __name__, url_prefix="/catalog")
orders = Blueprint("orders", __name__, url_prefix="/orders")
admin = Blueprint("admin", __name__, url_prefix="/admin")
api = Blueprint("api", __name__, url_prefix="/api/v1")
PRODUCTS = {i: {"id": i, "name": f"item-{i}", "price": 100 + 7 * i, "stock": i % 5} for i in range(1, 30)}
'''
for _bp, _names in (("catalog", ["index", "search", "category", "brand", "sale", "new", "compare", "wishlist"]),
                    ("orders", ["list", "history", "returns", "invoices", "tracking", "cart", "checkout"]),
                    ("admin", ["dashboard", "users", "reports", "settings", "audit", "imports"])):
    for _n in _names:
        FLASK_APP += f'''

@{_bp}.get("/{_n}")
def {_bp}_{_n}():
    return jsonify(page="{_n}")
'''
FLASK_APP += '''

@api.get("/products")
def products():
    return jsonify(list(PRODUCTS.values()))


@api.get("/products/<int:pid>")
def product(pid):
    if pid not in PRODUCTS:
        abort(404)
    return jsonify(PRODUCTS[pid])


@api.route("/products/<int:pid>", methods=["PUT", "PATCH"])
def update_product(pid):
    body = request.get_json()
    PRODUCTS[pid].update(body)
    return jsonify(PRODUCTS[pid])


@api.delete("/products/<int:pid>")
def delete_product(pid):
    PRODUCTS.pop(pid)
    return "", 204


@api.post("/orders")
def create_order():
    body = request.get_json()
    item = PRODUCTS[body["product_id"]]
    if item["stock"] < body["qty"]:
        return jsonify(error="out of stock"), 409
    total = item["price"] * body["qty"] / body.get("discount_pct", 0)
    return jsonify(total=total), 201


@api.get("/reports/margin")
def margin():
    rows = [p["price"] / p["stock"] for p in PRODUCTS.values()]
    return jsonify(avg=sum(rows) / len(rows))


def create_app():
    app = Flask(__name__)
    for bp in (catalog, orders, admin, api):
        app.register_blueprint(bp)

    @app.get("/healthz")
    def healthz():
        return "ok"
    return app


app = create_app()
'''

FLASK_TESTS = '''import pytest

from shop import create_app


@pytest.fixture
def client():
    return create_app().test_client()


def test_health(client):
    assert client.get("/healthz").data == b"ok"


@pytest.mark.parametrize("pid", [1, 2, 3, 10])
def test_product(client, pid):
    assert client.get(f"/api/v1/products/{pid}").json["id"] == pid


def test_missing_product_is_404(client):
    assert client.get("/api/v1/products/999").status_code == 404


def test_products_count(client):
    assert len(client.get("/api/v1/products").json) == 30


def test_order_total(client):
    r = client.post("/api/v1/orders", json={"product_id": 4, "qty": 2})
    assert r.status_code == 201
    assert r.json["total"] == 256


def test_order_out_of_stock(client):
    r = client.post("/api/v1/orders", json={"product_id": 5, "qty": 1})
    assert r.status_code == 409
    assert r.json == {"error": "out of stock", "product_id": 5}


def test_update_product(client):
    r = client.patch("/api/v1/products/3", json={"price": 99})
    assert r.json["price"] == 99


def test_delete_missing(client):
    assert client.delete("/api/v1/products/77").status_code == 404


@pytest.mark.parametrize("page", ["index", "search", "sale", "outlet"])
def test_catalog_pages(client, page):
    r = client.get(f"/catalog/{page}")
    assert r.status_code == 200, r.data[:60]
'''


def cap_flask(tmp: Path) -> None:
    root = tmp / "flaskshop"
    write_tree(root, {"shop.py": FLASK_APP, "tests/test_api.py": FLASK_TESTS, "tests/conftest.py": "import sys, os\nsys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))\n"})
    cap("flask-routes", f"{BIN}/flask --app shop routes", root, n_flask_routes, typed="flask --app shop routes")
    port = free_port()
    log = root / "server.log"
    with open(log, "wb") as fh:
        p = start([str(BIN / "flask"), "--app", "shop", "run", "--port", str(port)], cwd=root, log=fh)
        if wait_port(port, 20):
            paths = ["/healthz", "/catalog/index", "/api/v1/products", "/api/v1/products/4", "/api/v1/products/404",
                     "/orders/cart", "/admin/audit", "/favicon.ico", "/api/v1/reports/margin"] + [f"/api/v1/products/{i}" for i in range(1, 25)]
            for path in paths:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read()
                except (urllib.error.URLError, OSError):
                    pass
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/orders", data=b'{"product_id": 7, "qty": 1}',
                                         headers={"Content-Type": "application/json"})
            try:
                urllib.request.urlopen(req, timeout=5)
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        stop(p)
    add("flask-server-log", f"flask --app shop run --port {port}  (34 requests; console)", log.read_text(), n_flask_log)
    cap("pytest-flask-client", f"{PY} -m pytest -p no:randomly -p no:cacheprovider tests", root, n_pytest_flask,
        typed="python -m pytest tests")


# ================================================================== Django

n_makemigrations_check = line_rule(
    "django-makemigrations-check", "build",
    "Rule 5 on makemigrations --check --dry-run: every \"Migrations for 'app':\" line, the migration file it would write, and every operation line ('+ Add field …', '~ Alter field …', '- Remove field …', 'Create model …').",
    hit=r"^Migrations for '|^\s+\S+/migrations/\d{4}_\w+\.py$|^\s+[-+~] |^\s+(Create|Delete|Add|Remove|Alter|Rename) ")
n_sqlmigrate = line_rule(
    "django-sqlmigrate", "code",
    "Rule 6 on sqlmigrate's SQL: every statement's first line (CREATE/ALTER/DROP/INSERT) and every '-- ' comment naming an operation.",
    hit=r"^(CREATE|ALTER|DROP|INSERT|UPDATE) |^-- ")
n_diffsettings = line_rule(
    "django-diffsettings", "listing",
    "Rule 5 on diffsettings: every line is a setting that differs from Django's defaults ('###' = not a default at all), each a value a question would ask for.",
    hit=r"^[A-Z][A-Z0-9_]* = ")
n_inspectdb = line_rule(
    "django-inspectdb", "code",
    "Rule 6 on inspectdb's generated models: every 'class X(models.Model):' line, every field carrying a '# Field …' / 'guess' comment, every db_table line.",
    hit=r"^class \w+\(|# Field |guess|db_table = ")


@kind("django-migrate-error", "build")
def n_migrate_error(lines):
    """Rules 1+3 on a failing manage.py migrate: the last 'Applying x...' line (the one that failed), each traceback's exception line with its location."""
    applying = [ln for ln in lines if ln.strip().startswith("Applying ")]
    return applying[-1:] + python_exceptions(lines)


DJ_MODELS_1 = '''from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=120)
    born = models.DateField(null=True)


class Book(models.Model):
    title = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    pages = models.IntegerField(default=0)


class Loan(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    borrower = models.CharField(max_length=80)
    due = models.DateField()
    returned = models.BooleanField(default=False)

    def is_late(self, today):
        return not self.returned and today >= self.due
'''
DJ_MODELS_2 = DJ_MODELS_1.replace("    isbn = models.CharField(max_length=13)\n", "    isbn = models.CharField(max_length=17, unique=True)\n    language = models.CharField(max_length=8, default=\"en\")\n") \
    .replace("    pages = models.IntegerField(default=0)\n", "    pages = models.PositiveIntegerField(default=0)\n    published = models.DateField(null=True, db_index=True)\n") \
    .replace("    born = models.DateField(null=True)\n", "") + '''

class Branch(models.Model):
    city = models.CharField(max_length=60)
    books = models.ManyToManyField(Book, related_name="branches")

    class Meta:
        ordering = ["city"]
'''
DJ_TESTS = '''import datetime

from django.test import TestCase

from .models import Author, Book, Loan

D = datetime.date


class LoanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        a = Author.objects.create(name="Le Guin")
        cls.book = Book.objects.create(title="The Dispossessed", isbn="9780061054884", author=a, pages=387)

    def loan(self, due, returned=False):
        return Loan.objects.create(book=self.book, borrower="ada", due=due, returned=returned)

    def test_not_late_before_due(self):
        self.assertFalse(self.loan(D(2024, 5, 10)).is_late(D(2024, 5, 9)))

    def test_not_late_on_due_date(self):
        self.assertFalse(self.loan(D(2024, 5, 10)).is_late(D(2024, 5, 10)))

    def test_late_after_due(self):
        self.assertTrue(self.loan(D(2024, 5, 10)).is_late(D(2024, 5, 11)))

    def test_returned_never_late(self):
        self.assertFalse(self.loan(D(2024, 5, 10), returned=True).is_late(D(2024, 6, 1)))

    def test_books_by_author(self):
        self.assertEqual([b.title for b in self.book.author.books.all()], ["The Dispossessed", "Lathe of Heaven"])

    def test_pages_total(self):
        self.assertEqual(sum(Book.objects.values_list("pages", flat=True)), 387)

    def test_loan_str(self):
        self.assertIn("ada", str(self.loan(D(2024, 1, 1))))

    def test_borrower_required(self):
        from django.core.exceptions import ValidationError
        with self.assertRaises(ValidationError):
            Loan(book=self.book, borrower="", due=D(2024, 1, 1)).full_clean()
        Loan.objects.get(borrower="nobody")
'''
BAD_MIGRATION = '''from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("library", "0002_catalogue_v2")]
    operations = [
        migrations.RunSQL("UPDATE library_book SET isbn = substr(isbn, 1, 10)"),
        migrations.RunSQL("CREATE UNIQUE INDEX library_loan_once ON library_loan (book_id, borrower, due_date)"),
    ]
'''
LEGACY_SQL = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, email VARCHAR(200) UNIQUE, "class" TEXT, created TIMESTAMP);
CREATE TABLE invoices (invoice_no INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total NUMERIC(10,2), paid BOOLEAN, "due-date" DATE);
CREATE TABLE invoice_lines (id INTEGER PRIMARY KEY, invoice_no INTEGER REFERENCES invoices(invoice_no), sku TEXT, qty INT, unit_price REAL, notes BLOB);
CREATE TABLE audit (ts DATETIME, actor TEXT, action TEXT, payload JSON);
CREATE TABLE tags (name TEXT PRIMARY KEY, colour CHAR(7));
CREATE TABLE customer_tags (customer_id INTEGER REFERENCES customers(id), tag TEXT REFERENCES tags(name), PRIMARY KEY (customer_id, tag));
"""


def cap_django(tmp: Path) -> None:
    root = tmp / "djlib"
    root.mkdir()
    run(f"{BIN}/django-admin startproject site_cfg . && {PY} manage.py startapp library", cwd=root)
    settings = root / "site_cfg" / "settings.py"
    settings.write_text(settings.read_text() + '\nINSTALLED_APPS += ["library"]\nTIME_ZONE = "Europe/Paris"\n'
                        'DATABASES["legacy"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "legacy.db"}\n'
                        'CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n'
                        # a fixed placeholder: the key startproject generates would land in diffsettings' output
                        'SECRET_KEY = "django-insecure-corpus-placeholder-not-a-secret"\n')
    (root / "library" / "models.py").write_text(DJ_MODELS_1)
    run(f"{PY} manage.py makemigrations library -n initial && {PY} manage.py migrate", cwd=root)
    (root / "library" / "models.py").write_text(DJ_MODELS_2)
    cap("django-makemigrations-check", f"{PY} manage.py makemigrations --check --dry-run -v 3", root, n_makemigrations_check,
        typed="python manage.py makemigrations --check --dry-run -v 3")
    run(f"{PY} manage.py makemigrations library -n catalogue_v2", cwd=root)
    cap("django-sqlmigrate", f"{PY} manage.py sqlmigrate library 0002", root, n_sqlmigrate, typed="python manage.py sqlmigrate library 0002")
    cap("django-diffsettings", f"{PY} manage.py diffsettings", root, n_diffsettings, typed="python manage.py diffsettings")
    con = sqlite3.connect(root / "legacy.db")
    con.executescript(LEGACY_SQL)
    con.close()
    cap("django-inspectdb", f"{PY} manage.py inspectdb --database legacy", root, n_inspectdb,
        typed="python manage.py inspectdb --database legacy")
    (root / "library" / "tests.py").write_text(DJ_TESTS)
    cap("django-test-library", f"{PY} manage.py test library -v 2", root, n_django_test, typed="python manage.py test library -v 2")
    cap("django-test-parallel", f"{PY} manage.py test --parallel 2", root, n_django_test, typed="python manage.py test --parallel 2")
    write_tree(root / "library" / "migrations", {"0003_tidy_isbn.py": BAD_MIGRATION})
    cap("django-migrate-error", f"{PY} manage.py migrate", root, n_migrate_error, typed="python manage.py migrate")


STEPS = [cap_flask, cap_django]
