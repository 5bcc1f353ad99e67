"""Round 10, Python web and tooling: a Django project (its test runner with failures, check, showmigrations,
migrate --plan), a FastAPI app under uvicorn hit on loopback (4xx, 5xx and a 40-frame crash inside the access
log), pytest under xdist / rerunfailures / sugar / hypothesis statistics. Run through capture_wide10.py."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

from capture_data import free_port, wait_port
from capture_diagnostics import needles_pytest
from capture_more import add_or_skip as add, kind, run, start, write_tree
from capture_wide10 import COLOR, PY, VENV, line_rule

BIN = VENV / "bin"


def with_pytest(name: str, doc: str, extra: str | None = None) -> object:
    """A pytest-plugin kind: the pytest rule (needles_pytest) plus every line matching `extra`."""
    extra_re = re.compile(extra) if extra else None

    def ext(lines):
        return needles_pytest(lines) + ([ln for ln in lines if extra_re.search(ln)] if extra_re else [])
    ext.__doc__ = doc
    return kind(name, "test")(ext)


# ================================================================== Django

n_django_test = line_rule(
    "django-test", "test",
    "Rule 2 on Django's test runner: every 'FAIL: / ERROR: test (module.Class.test)' header, the first 'AssertionError'/'…Error:' line after each, and the final 'FAILED (failures=N, errors=M)' / 'Ran N tests' lines.",
    hit=r"^(FAIL|ERROR): \w+ \(|^\w*(Error|Exception): ", summary=r"^(FAILED \(|OK$|Ran \d+ tests?)")
n_django_check = line_rule(
    "django-check", "lint",
    "Rules 1+3 on manage.py check: every finding line ('app.Model.field: (fields.E120) …', '<class …>: (admin.E108) …', '?: (…W…) …'), and the closing 'System check identified N issues' line.",
    hit=r"^\S.*: \(\w+\.[EWCI]\d+\) |^SystemCheckError", summary=r"System check identified")


@kind("django-showmigrations", "listing")
def n_showmigrations(lines):
    """Rule 4 on showmigrations (app-grouped or --plan): every app header line, and every migration whose state ([ ] unapplied) is rare while applied ([X]) dominates."""
    apps = [ln for ln in lines if re.match(r"^\w+$", ln)]
    rows = [ln for ln in lines if re.match(r"^\s*\[[ X]\] ", ln)]
    applied = sum("[X]" in r for r in rows)
    rare = [r for r in rows if "[ ]" in r] if applied * 2 >= len(rows) else [r for r in rows if "[X]" in r]
    return apps + (rare if len(rare) <= 2 else [])


n_migrate_plan = line_rule(
    "django-migrate-plan", "listing",
    "Rule 5 on migrate --plan: every planned migration's header line ('app.0002_name'), the operations being listed under it are not asked for; an irreversible 'Raw SQL operation' / 'IRREVERSIBLE' line.",
    hit=r"^  \w+\.\d{4}_\w+$|IRREVERSIBLE|Raw SQL|Raw Python")

SETTINGS_TAIL = '''
import os
INSTALLED_APPS += ["shop"] + (["legacy"] if os.environ.get("WITH_LEGACY") else [])
'''

SHOP_MODELS_1 = '''from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    price_cents = models.PositiveIntegerField()
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
'''

SHOP_MODELS_2 = SHOP_MODELS_1 + '''    stock = models.IntegerField(default=0)

    def is_available(self, qty=1):
        return self.stock > qty

    def price_with_vat(self, rate=0.2):
        return int(self.price_cents * (1 + rate))


class Order(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    qty = models.PositiveIntegerField()
    status = models.CharField(max_length=12, default="new")

    def total_cents(self):
        return self.product.price_cents * self.qty
'''

SHOP_TESTS = '''from django.test import TestCase
from django.db import IntegrityError

from .models import Category, Product, Order


class ProductTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cat = Category.objects.create(name="tools")
        cls.p = Product.objects.create(sku="T-1", title="Hammer", price_cents=1250, category=cls.cat, stock=3)

    def test_available_when_stock_equals_qty(self):
        self.assertTrue(self.p.is_available(3))

    def test_available_single(self):
        self.assertTrue(self.p.is_available())

    def test_price_with_vat(self):
        self.assertEqual(self.p.price_with_vat(), 1500)

    def test_price_with_reduced_vat(self):
        self.assertEqual(self.p.price_with_vat(0.055), 1318)

    def test_sku_unique(self):
        with self.assertRaises(IntegrityError):
            Product.objects.create(sku="T-1", title="Other", price_cents=1, category=self.cat)

    def test_category_products(self):
        self.assertEqual(list(self.cat.products.values_list("sku", flat=True)), ["T-1"])


class OrderTests(TestCase):
    def setUp(self):
        cat = Category.objects.create(name="garden")
        self.p = Product.objects.create(sku="G-7", title="Rake", price_cents=999, category=cat, stock=10)

    def test_total(self):
        self.assertEqual(Order.objects.create(product=self.p, qty=3).total_cents(), 2997)

    def test_default_status(self):
        self.assertEqual(Order.objects.create(product=self.p, qty=1).status, "new")

    def test_total_of_missing_product(self):
        o = Order(qty=2)
        self.assertEqual(o.total_cents(), 0)

    def test_orders_by_status(self):
        for q in range(1, 6):
            Order.objects.create(product=self.p, qty=q, status="paid" if q % 2 else "new")
        self.assertQuerySetEqual(Order.objects.filter(status="paid").order_by("qty").values_list("qty", flat=True),
                                 [1, 3, 5, 7])
'''

LEGACY_MODELS = '''from django.db import models


class Invoice(models.Model):
    number = models.CharField()
    customer = models.ForeignKey("Customer", on_delete=models.CASCADE)
    tags = models.ManyToManyField("shop.Category", null=True)
    paid = models.BooleanField(default=False, null=True, blank=True)
    created = models.DateTimeField(auto_now=True, default=None)
'''

LEGACY_ADMIN = '''from django.contrib import admin

from .models import Invoice


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ["number", "total", "customer"]
    list_filter = ["status"]
    search_fields = "number"
'''


def cap_django(tmp: Path) -> None:
    root = tmp / "django"
    root.mkdir()
    run(f"{BIN}/django-admin startproject config . && {PY} manage.py startapp shop && {PY} manage.py startapp legacy", cwd=root)
    settings = root / "config" / "settings.py"
    settings.write_text(settings.read_text() + SETTINGS_TAIL)
    (root / "shop" / "models.py").write_text(SHOP_MODELS_1)
    run(f"{PY} manage.py makemigrations shop -n initial", cwd=root)
    (root / "shop" / "models.py").write_text(SHOP_MODELS_2)
    run(f"{PY} manage.py makemigrations shop -n stock_and_orders", cwd=root)
    write_tree(root / "shop" / "migrations", {"0003_backfill_stock.py": BACKFILL})
    add("django-migrate-plan", "python manage.py migrate --plan", run(f"{PY} manage.py migrate --plan", cwd=root), n_migrate_plan)
    run(" && ".join(f"{PY} manage.py migrate {a}" for a in ("contenttypes", "auth", "admin", "sessions", "shop 0002")), cwd=root)
    add("django-showmigrations-plan", "python manage.py showmigrations --plan -v 2",
        run(f"{PY} manage.py showmigrations --plan -v 2", cwd=root), n_showmigrations)
    (root / "shop" / "tests.py").write_text(SHOP_TESTS)
    add("django-test-v2", "python manage.py test -v 2 shop", run(f"{PY} manage.py test -v 2 shop", cwd=root, timeout=300), n_django_test)
    add("django-test-default", "python manage.py test", run(f"{PY} manage.py test", cwd=root, timeout=300), n_django_test)
    write_tree(root / "legacy", {"models.py": LEGACY_MODELS, "admin.py": LEGACY_ADMIN})
    add("django-check-errors", "python manage.py check", run(f"{PY} manage.py check", cwd=root, env={"WITH_LEGACY": "1"}), n_django_check)
    add("django-check-deploy", "python manage.py check --deploy",
        run(f"{PY} manage.py check --deploy", cwd=root), n_django_check)


BACKFILL = '''from django.db import migrations


def backfill(apps, schema_editor):
    Product = apps.get_model("shop", "Product")
    Product.objects.filter(stock=0).update(stock=1)


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_stock_and_orders")]
    operations = [
        migrations.RunPython(backfill),
        migrations.RunSQL("CREATE INDEX shop_product_title ON shop_product (title)"),
    ]
'''

# ================================================================== FastAPI under uvicorn


@kind("uvicorn-access-log", "log")
def n_uvicorn(lines):
    """Rules 1+4 on uvicorn's console (startup lines, access lines, an exception's traceback): every ERROR line, the traceback's final exception line with the frame line above it; access rows whose status is rare while one dominates; the startup 'Uvicorn running on' line."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("ERROR:") or ln.startswith("Uvicorn running on") or "Uvicorn running on" in ln:
            out.append(ln)
        if re.match(r"^\w+(\.\w+)*(Error|Exception): ", ln):
            out.append(ln)
            out.append(next((x for x in reversed(lines[max(0, i - 4):i]) if x.strip().startswith("File ")), None))
    rows = [(ln, {"status": m.group(1)}) for ln in lines for m in [re.search(r'HTTP/1\.1" (\d{3})', ln)] if m]
    from capture_data import rule4
    return out + rule4(rows, cat=("status",))


FASTAPI_APP = '''import logging
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
ITEMS = {i: {"id": i, "name": f"item-{i}", "price": 3 * i + 0.5} for i in range(1, 30)}
log = logging.getLogger("uvicorn.error")


class Order(BaseModel):
    item_id: int
    qty: int


def walk(tree, depth):
    # a deep recursive renderer: the crash surfaces 40 frames down
    if depth == 0:
        return tree["children"][0]["name"].upper()
    return walk({"children": [{"name": None}]} if depth == 1 else tree, depth - 1)


@app.get("/items/{item_id}")
def get_item(item_id: int):
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="not found")
    return ITEMS[item_id]


@app.post("/orders")
def create_order(order: Order):
    item = ITEMS[order.item_id]
    return {"total": item["price"] * order.qty}


@app.get("/render/{depth}")
def render(depth: int):
    return {"out": walk({"children": [{"name": "root"}]}, depth)}
'''


def hit(base: str, method: str, path: str, body: bytes | None = None) -> None:
    req = urllib.request.Request(base + path, data=body, method=method, headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except urllib.error.HTTPError as e:
        e.read()
    except OSError:
        pass


def cap_uvicorn(tmp: Path) -> None:
    d = tmp / "api"
    write_tree(d, {"app.py": FASTAPI_APP})
    port = free_port()
    logf = open(d / "server.log", "w")
    p = start([str(BIN / "uvicorn"), "app:app", "--host", "127.0.0.1", "--port", str(port)], cwd=d, log=logf)
    if not wait_port(port, 20):
        return
    base = f"http://127.0.0.1:{port}"
    for i in range(1, 61):
        if i == 37:
            hit(base, "GET", "/render/38")
        elif i in (22, 44):
            hit(base, "POST", "/orders", b'{"item_id": "x", "qty": 2}')
        elif i == 13:
            hit(base, "GET", f"/items/{900 + i}")
        elif i % 5 == 0:
            hit(base, "POST", "/orders", b'{"item_id": %d, "qty": %d}' % (i % 29 + 1, i))
        else:
            hit(base, "GET", f"/items/{i % 29 + 1}")
    hit(base, "POST", "/orders", b'{"item_id": 99, "qty": 1}')
    time.sleep(0.5)
    p.terminate()
    p.wait(10)
    logf.close()
    add("uvicorn-fastapi-crash", f"uvicorn app:app --port {port}  (60 requests; log)", (d / "server.log").read_text(), n_uvicorn)


# ================================================================== pytest plugins

n_xdist = with_pytest("pytest-xdist", "Rule 2 on pytest -n 2 (xdist): each FAILED id, the first E line and location of each failure, the final summary line (the pytest rule); plus the '[gw0] … FAILED' worker lines.", r"^\[gw\d\] .*FAILED")
n_reruns = with_pytest("pytest-reruns", "Rule 2 on pytest --reruns (rerunfailures): the pytest rule (failed ids, first E line, summary with 'rerun' count) plus every 'RERUN' line of -rR.", r"^RERUN ")
n_hyp_stats = with_pytest("hypothesis-statistics", "Rule 2 on pytest --hypothesis-show-statistics: the pytest rule plus every 'Falsifying example:' line.", r"Falsifying example")
@kind("pytest-sugar", "test")
def n_sugar(lines):
    """Rule 2 on pytest-sugar's output: every failure header ('――― test_x ―――') with the first 'E ' line of its failure, every 'FAILED id' summary line, and the closing 'Results' block's count lines ('  7 failed') and failed-test lines ('  - file.py:N name')."""
    out: list = []
    heads = [i for i, ln in enumerate(lines) if re.search(r"―― \S+ ――", ln)]
    for j, h in enumerate(heads):
        end = heads[j + 1] if j + 1 < len(heads) else len(lines)
        out += [lines[h], next((x for x in lines[h + 1:end] if x.startswith("E ")), None)]
    res = next((i for i, ln in enumerate(lines) if ln.startswith("Results (")), len(lines))
    out += [ln for ln in lines if ln.startswith("FAILED ")]
    return out + [ln for ln in lines[res:] if re.match(r"^\s+(\d+ \w+|- \S+:\d+ )", ln)]


PLUGIN_TESTS = {
    "conftest.py": "",
    "test_pricing.py": '''import pytest


def price(qty, unit, discount=0.0):
    total = qty * unit
    if qty >= 10:
        total *= 0.9
    return round(total * (1 - discount), 2)


@pytest.mark.parametrize("qty,unit,want", [(q, u, round(q * u * (0.9 if q > 10 else 1), 2))
                                           for q in (1, 5, 10, 11, 20) for u in (0.99, 3.5, 10)])
def test_price(qty, unit, want):
    assert price(qty, unit) == want


@pytest.mark.parametrize("d", [0, 0.1, 0.25, 0.5])
def test_discount_never_negative(d):
    assert price(3, 2, d) >= 0


def test_discount_over_one():
    assert price(1, 10, 1.5) == 0
''',
    "test_flaky.py": '''import os
import pathlib

COUNTER = pathlib.Path(os.environ.get("FLAKY_DIR", ".")) / "flaky.count"


def bump():
    n = int(COUNTER.read_text()) + 1 if COUNTER.exists() else 1
    COUNTER.write_text(str(n))
    return n


def test_eventually_consistent():
    assert bump() % 3 == 0, "replica lag: read before write propagated"


def test_always_broken():
    assert {"status": "ok"}.get("code") == 200


def test_stable():
    assert sum(range(10)) == 45
''',
    "test_props.py": '''from hypothesis import given, strategies as st


def normalize(path):
    parts = [p for p in path.split("/") if p not in ("", ".")]
    return "/" + "/".join(parts)


@given(st.lists(st.sampled_from(["a", "b", ".", "..", ""]), max_size=6))
def test_normalize_idempotent(parts):
    p = "/".join(parts)
    assert normalize(normalize(p)) == normalize(p)


@given(st.lists(st.sampled_from(["a", "b", ".", ".."]), min_size=1, max_size=6))
def test_normalize_no_dotdot(parts):
    assert ".." not in normalize("/".join(parts)).split("/")


@given(st.integers(), st.integers())
def test_add_commutes(a, b):
    assert a + b == b + a
''',
}


def cap_pytest_plugins(tmp: Path) -> None:
    d = tmp / "plugins"
    write_tree(d, PLUGIN_TESTS)
    env = {"FLAKY_DIR": str(d)}
    add("pytest-xdist-n2", "pytest -n 2 -p no:sugar", run(f"{PY} -m pytest -n 2 -p no:sugar -p no:cacheprovider", cwd=d, env=env, timeout=300), n_xdist)
    (d / "flaky.count").unlink(missing_ok=True)
    add("pytest-reruns-rR", "pytest --reruns 2 -rR -p no:sugar test_flaky.py test_pricing.py",
        run(f"{PY} -m pytest --reruns 2 -rR -p no:sugar -p no:cacheprovider test_flaky.py test_pricing.py", cwd=d, env=env, timeout=300), n_reruns)
    add("hypothesis-show-statistics", "pytest --hypothesis-show-statistics -p no:sugar test_props.py",
        run(f"{PY} -m pytest --hypothesis-show-statistics -p no:sugar -p no:cacheprovider test_props.py", cwd=d, env=env, timeout=300), n_hyp_stats)
    (d / "flaky.count").unlink(missing_ok=True)
    add("pytest-sugar-color", "pytest --force-sugar (colour)",
        run(f"{PY} -m pytest --force-sugar -p no:cacheprovider -p no:xdist", cwd=d, env={**env, **COLOR}, timeout=300), n_sugar)


STEPS = [cap_django, cap_uvicorn, cap_pytest_plugins]
