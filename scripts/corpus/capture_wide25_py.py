"""Round 25, the Python work: a Django 4.2 project (a vet clinic) with a broken billing app, failing tests and half
applied migrations; (capture_wide25_frames.py holds the data and CLI libraries); a FastAPI app under uvicorn and a WSGI app under gunicorn with a
failing route each; the webcolors sdist with bugs put in (pytest, sphinx-build on its docs), the bidict and
python-slugify sdists as shipped under flake8, ruff, pycodestyle, bandit and black; pip (a resolver conflict, a
failed sdist build, list, freeze, show -f, wheel of a C extension). Each kind's extractor is an earlier round's.
Run through capture_wide25.py."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

from capture_data import free_port, stop, wait_port
from capture_more import n_bandit, n_black, n_pip_freeze, n_pip_show, n_pip_wheel, n_pycodestyle, run, start, write_tree
from capture_wide10_py import n_django_check, n_django_test, n_showmigrations, n_uvicorn
from capture_wide10_tools import n_sphinx, n_uv_tree
from capture_wide12_logs import GUNI
from capture_wide15_data import n_pip_install, n_pip_list
from capture_wide15_diag import n_flake8, n_pytest, n_ruff
from capture_wide17_runs import patch
from capture_wide25 import PY, VENV, add, cap
from capture_more import PIP_ENV

WEBC, BIDICT, SLUG = "webcolors-24.8.0", "bidict-0.23.1", "python-slugify-8.0.4"
NOCACHE = "-p no:cacheprovider"

# ------------------------------------------------------------------ Django

CLINIC_MODELS = '''from decimal import Decimal
from django.db import models


class Owner(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32, blank=True)

    def __str__(self):
        return self.name


class Pet(models.Model):
    SPECIES = [("dog", "Dog"), ("cat", "Cat"), ("rabbit", "Rabbit"), ("bird", "Bird")]
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="pets")
    name = models.CharField(max_length=60)
    species = models.CharField(max_length=10, choices=SPECIES)
    weight_kg = models.DecimalField(max_digits=5, decimal_places=2)
    born = models.DateField(null=True, blank=True)

    def dose_ml(self, mg_per_kg: Decimal, mg_per_ml: Decimal) -> Decimal:
        # the dose is rounded down to 0.1 ml: a syringe's resolution
        return (self.weight_kg * mg_per_kg / mg_per_ml).quantize(Decimal("1"))


class Visit(models.Model):
    pet = models.ForeignKey(Pet, on_delete=models.CASCADE, related_name="visits")
    when = models.DateTimeField()
    reason = models.CharField(max_length=200)
    fee = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("45.00"))
    paid = models.BooleanField(default=False)

    def total(self, extras=()):
        return self.fee + sum(e for e in extras)
'''

CLINIC_TESTS = '''from datetime import datetime, timezone
from decimal import Decimal

from django.db import IntegrityError
from django.test import TestCase

from .models import Owner, Pet, Visit


class PetTests(TestCase):
    def setUp(self):
        self.owner = Owner.objects.create(name="Ruth Okafor", email="ruth@example.org")
        self.rex = Pet.objects.create(owner=self.owner, name="Rex", species="dog", weight_kg=Decimal("31.40"))

    def test_dose_rounds_to_tenth_ml(self):
        self.assertEqual(self.rex.dose_ml(Decimal("2.5"), Decimal("50")), Decimal("1.5"))

    def test_dose_small_cat(self):
        kit = Pet.objects.create(owner=self.owner, name="Kit", species="cat", weight_kg=Decimal("3.20"))
        self.assertEqual(kit.dose_ml(Decimal("5"), Decimal("100")), Decimal("0.1"))

    def test_owner_email_unique(self):
        with self.assertRaises(IntegrityError):
            Owner.objects.create(name="Other", email="ruth@example.org")

    def test_species_choices(self):
        self.assertEqual([c for c, _ in Pet.SPECIES], ["dog", "cat", "rabbit", "bird"])

    def test_pets_related_name(self):
        self.assertEqual(list(self.owner.pets.values_list("name", flat=True)), ["Rex"])


class VisitTests(TestCase):
    def setUp(self):
        owner = Owner.objects.create(name="Tomas Lind", email="tomas@example.org")
        self.pet = Pet.objects.create(owner=owner, name="Miso", species="rabbit", weight_kg=Decimal("2.10"))

    def visit(self, **kw):
        return Visit.objects.create(pet=self.pet, when=datetime(2026, 3, 4, 9, 30, tzinfo=timezone.utc),
                                    reason="check-up", **kw)

    def test_default_fee(self):
        self.assertEqual(self.visit().fee, Decimal("45.00"))

    def test_total_with_extras(self):
        self.assertEqual(self.visit().total([Decimal("12.50"), Decimal("3.25")]), Decimal("60.75"))

    def test_total_without_extras_is_decimal(self):
        self.assertIsInstance(self.visit(fee=Decimal("0")).total(), Decimal)

    def test_unpaid_by_default(self):
        self.assertFalse(self.visit().paid)

    def test_visits_ordered_by_when(self):
        a = self.visit()
        b = Visit.objects.create(pet=self.pet, when=datetime(2026, 1, 2, tzinfo=timezone.utc), reason="vaccine")
        self.assertEqual(list(self.pet.visits.all()), [b, a])

    def test_reason_max_length(self):
        self.assertEqual(Visit._meta.get_field("reason").max_length, 120)

    def test_pet_str(self):
        self.assertEqual(str(self.pet), "Miso (rabbit)")
'''

# a second app with the slips `check` reports (loaded only for the check run)
BILLING_MODELS = '''from django.db import models
from clinic.models import Owner, Visit


class Invoice(models.Model):
    owner = models.ForeignKey(Owner, on_delete=models.PROTECT)
    visit = models.ForeignKey(Visit, on_delete=models.SET_NULL)
    number = models.CharField()
    amount = models.DecimalField(max_digits=8)
    currency = models.CharField(max_length=3, choices=["EUR", "USD"])
    issued = models.DateField(auto_now=True, default="2026-01-01")
    notes = models.TextField(max_length=-1)


class Payment(models.Model):
    invoice = models.ForeignKey("Invoice", on_delete=models.CASCADE, related_name="owner")
    method = models.CharField(max_length=20, db_index="yes")
    amount = models.DecimalField(max_digits=8, decimal_places=10)
'''

BILLING_ADMIN = '''from django.contrib import admin
from .models import Invoice, Payment


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ["number", "owner", "total_due", "status"]
    list_filter = ["currency", "paid"]
    search_fields = "number"
    raw_id_fields = ["visit", "missing"]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display_links = ["method"]
    ordering = "amount"
'''

SETTINGS_TAIL = '''
import os
INSTALLED_APPS += ["clinic"] + (["billing"] if os.environ.get("WITH_BILLING") else [])
'''


def django(tmp: Path) -> None:
    root = tmp / "vetclinic"
    root.mkdir()
    run(f"{VENV}/bin/django-admin startproject vetclinic .", cwd=root)
    run(f"{PY} manage.py startapp clinic && {PY} manage.py startapp billing", cwd=root)
    with open(root / "vetclinic" / "settings.py", "a") as f:
        f.write(SETTINGS_TAIL)
    write_tree(root, {"clinic/models.py": CLINIC_MODELS, "clinic/tests.py": CLINIC_TESTS,
                      "billing/models.py": BILLING_MODELS, "billing/admin.py": BILLING_ADMIN})
    cap("django-check-deploy-billing", f"{PY} manage.py check --deploy", root, n_django_check,
        env={"WITH_BILLING": "1"}, typed="python manage.py check --deploy")
    run(f"{PY} manage.py makemigrations clinic", cwd=root)
    models = root / "clinic" / "models.py"
    patch(models, "    phone = models.CharField(max_length=32, blank=True)\n",
          "    phone = models.CharField(max_length=32, blank=True)\n    address = models.TextField(blank=True)\n")
    run(f"{PY} manage.py makemigrations clinic -n owner_address", cwd=root)
    patch(models, "    paid = models.BooleanField(default=False)\n",
          "    paid = models.BooleanField(default=False)\n    vet = models.CharField(max_length=80, blank=True)\n")
    run(f"{PY} manage.py makemigrations clinic -n visit_vet", cwd=root)
    run(f"{PY} manage.py migrate auth && {PY} manage.py migrate clinic 0001", cwd=root)
    cap("django-showmigrations-partial", f"{PY} manage.py showmigrations -v 2", root, n_showmigrations,
        typed="python manage.py showmigrations -v 2")
    cap("django-test-v2-clinic", f"{PY} manage.py test -v 2 2>&1", root, n_django_test,
        typed="python manage.py test -v 2 2>&1")


# ------------------------------------------------------------------ servers: uvicorn, gunicorn

FASTAPI_APP = '''from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
STOCK = {f"SKU-{i:04d}": i * 3 % 17 for i in range(1, 60)}


class Reserve(BaseModel):
    sku: str
    qty: int


@app.get("/health")
def health():
    return {"ok": True}


@app.get("/stock/{sku}")
def stock(sku: str):
    if sku not in STOCK:
        raise HTTPException(404, "unknown sku")
    return {"sku": sku, "qty": STOCK[sku]}


@app.post("/reserve")
def reserve(r: Reserve):
    left = STOCK[r.sku] - r.qty
    ratio = r.qty / STOCK[r.sku]   # crashes on a sold-out item
    STOCK[r.sku] = left
    return {"left": left, "ratio": ratio}
'''

WSGI_APP = '''import json

def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path.startswith("/report/"):
        month = path.rsplit("/", 1)[1]
        year, mon = month.split("-")          # a month without a dash breaks the worker
        body = json.dumps({"month": month, "rows": int(mon) * 31}).encode()
        start_response("200 OK", [("Content-Type", "application/json")])
        return [body * (int(mon) % 5 + 1)]
    if path == "/":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found"]
'''


def hit(url: str, body: bytes | None = None) -> None:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except (urllib.error.HTTPError, urllib.error.URLError, ConnectionError):
        pass


def servers(tmp: Path) -> None:
    d = tmp / "servers"
    write_tree(d, {"shop.py": FASTAPI_APP, "reports.py": WSGI_APP})
    port = free_port()
    log = open(d / "uvicorn.log", "wb")
    p = start([str(VENV / "bin" / "uvicorn"), "shop:app", "--port", str(port), "--no-use-colors"], cwd=d, log=log)
    wait_port(port)
    base = f"http://127.0.0.1:{port}"
    for i in range(1, 75):
        hit(f"{base}/stock/SKU-{i:04d}" if i % 9 else f"{base}/stock/SKU-9{i:03d}")
        if i % 6 == 0:
            hit(f"{base}/reserve", b'{"sku": "SKU-%04d", "qty": 1}' % i)
        if i == 40:
            hit(f"{base}/reserve", b'{"sku": "SKU-0017", "qty": "two"}')
        if i % 25 == 0:
            hit(f"{base}/health")
    time.sleep(0.5)
    stop(p)
    log.close()
    add("uvicorn-log-shop", f"uvicorn shop:app --port {port}", (d / "uvicorn.log").read_text(), n_uvicorn)
    port = free_port()
    log = open(d / "gunicorn.log", "wb")
    p = start([str(VENV / "bin" / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--access-logfile", "-",
               "--error-logfile", "-", "reports:app"], cwd=d, log=log)
    wait_port(port)
    base = f"http://127.0.0.1:{port}"
    for i in range(60):
        hit(f"{base}/report/2026-{1 + i % 12:02d}" if i % 17 else f"{base}/report/202604")
        if i % 11 == 0:
            hit(f"{base}/favicon.ico")
    time.sleep(0.5)
    stop(p)
    log.close()
    add("gunicorn-log-reports", f"gunicorn -w 2 -b 127.0.0.1:{port} --access-logfile - --error-logfile - reports:app",
        (d / "gunicorn.log").read_text(), GUNI)


# ------------------------------------------------------------------ sdists: tests, docs, linters

def tests(tmp: Path) -> None:
    w = tmp / WEBC / "src" / "webcolors"
    patch(w / "_normalization.py", "return 0 if value < 0 else 255 if value > 255 else value",
          "return 0 if value < 0 else 255 if value >= 255 else value + 1 if value > 250 else value")
    patch(w / "_normalization.py", 'return f"#{hex_digits.lower()}"', 'return f"#{hex_digits}"')
    patch(w / "_normalization.py", "return int(round(float(percent.split(\"%\")[0]) / 100 * 255))",
          "return int(float(percent.split(\"%\")[0]) / 100 * 255)")
    cap("pytest-webcolors-bugs", f"{PY} -m pytest tests {NOCACHE} 2>&1", tmp / WEBC, n_pytest,
        env={"PYTHONPATH": "src"}, typed="python -m pytest tests 2>&1")
    # its conf.py reads the installed version: installed as an agent would, editable
    run(f"{VENV}/bin/pip install -q --no-deps -e .", cwd=tmp / WEBC, env=PIP_ENV, timeout=300)
    cap("sphinx-build-webcolors-docs", "sphinx-build -b html -D extensions=sphinx.ext.autodoc,sphinx.ext.doctest "
        "-D html_theme=alabaster docs docs/_build 2>&1", tmp / WEBC, n_sphinx)


def lint(tmp: Path) -> None:
    cap("flake8-bidict-slugify", f"flake8 --max-line-length 88 {BIDICT}/bidict {SLUG}/slugify {WEBC}/src {WEBC}/tests",
        tmp, n_flake8)
    cap("ruff-select-all-bidict", "ruff check --no-cache --select ALL --output-format concise bidict 2>&1",
        tmp / BIDICT, n_ruff)
    cap("pycodestyle-webcolors", "pycodestyle --max-line-length=79 src tests", tmp / WEBC, n_pycodestyle)
    cap("bandit-r-slugify-webcolors", f"bandit -r {SLUG}/slugify {WEBC}/src {WEBC}/tests 2>&1", tmp, n_bandit)
    cap("black-check-diff-bidict", "black --check --diff -l 79 --skip-magic-trailing-comma bidict 2>&1",
        tmp / BIDICT, n_black)


# ------------------------------------------------------------------ pip and uv

UV_PROJECT = '''[project]
name = "depot-sync"
version = "0.4.0"
requires-python = ">=3.11"
dependencies = ["httpx>=0.27", "pydantic>=2.8", "structlog>=24.1", "tenacity>=8.5", "click>=8.1"]

[dependency-groups]
dev = ["pytest>=8", "respx>=0.21"]
'''


CEXT = {
    "setup.py": """from setuptools import Extension, setup

setup(name="fastcrc", version="0.2.0", packages=["fastcrc"], ext_modules=[Extension("fastcrc._crc", ["src/crc.c", "src/table.c"])])
""",
    "src/table.c": """#include <stdint.h>
#include <stddef.h>

uint32_t crc_table[256];

void build_table(uint32_t poly) {
    for (int i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? poly ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

int table_ready(void) {
    int unused_count;
    for (size_t i = 0; i < 256; i++)
        if (crc_table[i] != 0) return 1;
}
""",
    "src/crc.c": """#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

extern uint32_t crc_table[256];
void build_table(uint32_t poly);
int table_ready(void);

static PyObject *crc32(PyObject *self, PyObject *args) {
    const unsigned char *buf;
    Py_ssize_t len;
    int seed = 0;
    if (!PyArg_ParseTuple(args, "y#|i", &buf, &len, &seed))
        return NULL;
    uint32_t c = seed ^ 0xFFFFFFFF;
    for (int i = 0; i < len; i++)
        c = crc_table[(c ^ buf[i]) & 0xFF] ^ (c >> 8);
    return PyLong_FromUnsignedLong(c ^ 0xFFFFFFFF);
}

static PyObject *reset(PyObject *self, PyObject *args) {
    unsigned int poly;
    if (!PyArg_ParseTuple(args, "I", &poly))
        return NULL;
    switch (poly) {
    case 0:
        poly = 0xEDB88320;
    case 1:
        poly = 0x82F63B78;
        break;
    }
    build_table(poly);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"crc32", crc32, METH_VARARGS, "CRC-32 of a bytes object."},
    {"reset", reset, METH_VARARGS, "Rebuild the table for a polynomial."},
    {NULL}
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_crc", NULL, -1, methods};

PyMODINIT_FUNC PyInit__crc(void) {
    char name[8];
    sprintf(name, "crc-%d", table_ready());
    build_table(0xEDB88320);
    return PyModule_Create(&module);
}
""",
    "fastcrc/__init__.py": "from ._crc import crc32, reset\n",
}


def pip(tmp: Path) -> None:
    env = {**PIP_ENV}
    run("python3 -m venv venv", cwd=tmp)
    pipx = f"{tmp}/venv/bin/pip"
    cap("pip-install-resolution-conflict", f"{pipx} install sphinx==7.4.7 docutils==0.16 2>&1", tmp, n_pip_install,
        env=env, typed="pip install sphinx==7.4.7 docutils==0.16")
    cap("pip-install-mysqlclient-build-error", f"{pipx} install --no-cache-dir mysqlclient==2.2.4 2>&1", tmp,
        n_pip_install, env=env, typed="pip install --no-cache-dir mysqlclient==2.2.4")
    cap("pip-list-tools-venv", f"{VENV}/bin/pip list", tmp, n_pip_list, typed="pip list")
    cap("pip-freeze-tools-venv", f"{VENV}/bin/pip freeze", tmp, n_pip_freeze, typed="pip freeze")
    cap("pip-show-files-pydantic-core-rich", f"{VENV}/bin/pip show -f pydantic_core rich", tmp, n_pip_show,
        typed="pip show -f pydantic_core rich")
    write_tree(tmp / "fastcrc", CEXT)
    cap("pip-wheel-cext-fastcrc", f"{VENV}/bin/pip wheel -v --no-deps --no-build-isolation -w dist . 2>&1",
        tmp / "fastcrc", n_pip_wheel, env={**env, "CFLAGS": "-Wall -Wextra"}, timeout=300,
        typed="pip wheel -v --no-deps --no-build-isolation -w dist . 2>&1")
    u = tmp / "depot-sync"
    write_tree(u, {"pyproject.toml": UV_PROJECT, "src/depot_sync/__init__.py": ""})
    uenv = {**PIP_ENV, "UV_CACHE_DIR": str(tmp / "uv-cache"), "UV_NO_PROGRESS": "1"}
    cap("uv-tree-depot-sync", f"{VENV}/bin/uv tree", u, n_uv_tree, env=uenv, timeout=300, typed="uv tree")


STEPS = [django, servers, tests, lint, pip]
