"""Round 108, packaging: the kiln controller's packages (`kilnctl`) written here with mistakes put in, widened by
seeded module lists: wheels built by setuptools with stray bytecode, a top-level `tests` package, a module outside
any package, an empty library and a top-level `__init__.py`, read by check-wheel-contents; a C extension linked to a
library of its own and to newer glibc symbols, read by `auditwheel show`; an extension tagged abi3 but built against
the full API, read by abi3audit; flit projects with a module without docstring, a bad pyproject, a version that needs
an import and untracked files; pip-audit of pinned requirements; setuptools-scm and versioningit on a plain directory
and on repositories with and without usable tags. The extractors are this round's (NEEDLES.md, "Round 108"). Run
through capture_wide108.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide108 import TMP, VENV, cap, exit_lines, tracebacks, warn_groups

PY = f"{VENV}/bin/python"
GIT_ENV = {"GIT_AUTHOR_NAME": "Mara Okafor", "GIT_AUTHOR_EMAIL": "mara@example.org", "GIT_COMMITTER_NAME": "Mara Okafor",
           "GIT_COMMITTER_EMAIL": "mara@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}


@kind("check-wheel-contents", "lint")
def n_cwc(lines):
    """Round 108: every finding line (`<wheel>: Wnnn: message`) with the first member path listed under it, every `<wheel>: OK` line; rule 1; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\.whl: W\d{3}: ", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith((" ", "\t")) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"\.whl: OK$", ln):
            out.append(ln)
        elif re.search(r"(?i)\berror\b", ln):
            out.append(ln)
    return out + tracebacks(lines) + exit_lines(lines)


@kind("auditwheel-show", "pkg")
def n_auditwheel(lines):
    """Round 108: the `consistent with the following platform tag` line, the `This constrains the platform tag to` line (or the line after it), every line naming an external library or versioned symbol, rule 1 (`does not look like a platform wheel`, `auditwheel: error:`); any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"consistent with the following platform tag|^following platform tag:", ln) \
                or "does not look like a platform wheel" in ln:
            out.append(ln)
        elif "constrains the platform tag" in ln:
            out.append(ln)
            if not re.search(r'"[^"]+"', ln) and i + 1 < len(lines):
                out.append(lines[i + 1])
        elif re.search(r"\.so(\.\d+)*\b", ln) and not re.search(r"^\S+\.whl", ln):
            out.append(ln)
        elif re.search(r"(?i)\berror\b|not found", ln):
            out.append(ln)
    return out + tracebacks(lines) + exit_lines(lines)


@kind("abi3audit", "lint")
def n_abi3audit(lines):
    """Round 108: every line naming a violation or mismatch (a non-abi3 symbol, a version above the tag) with the extension it is in, the closing summary line(s); rule 1; any EXIT= line."""
    out = []
    ext = None
    in_syms = False
    for ln in lines:
        if re.search(r"\.(so|pyd)\b", ln) and not re.search(r"(?i)scanned", ln):
            ext = ln
        row = re.match(r"^\s*(?:\[[\d:]+\]\s*)?│\s*(\S+)\s*│\s*([^│]+?)\s*│", ln)
        if row and row.group(1) != "Symbol":
            out.append(ln)                       # a symbol the extension should not use, or its too-new version
        elif re.search(r"(?i)non-abi3 symbols|but is tagged|ABI violation|ABI version mismatch", ln) \
                and not re.search(r"(?i)\d+ extensions? scanned", ln):
            if ext and ext != ln:
                out.append(ext)
            out.append(ln)
        if re.search(r'"(non_abi3_symbols|future_abi3_objects)": [\[{]', ln):
            in_syms = True
            if ext:
                out.append(ext)
            continue
        if in_syms:
            if re.match(r"^\s*[\]}]", ln):
                in_syms = False
            else:
                out.append(ln)
        if re.search(r'"(is_abi3|is_abi3_baseline_compatible)": false|"computed": ', ln):
            out.append(ln)
        if re.search(r"(?i)extensions? scanned|no abi3 violations", ln):
            out.append(ln)
        if re.search(r"(?i)\berror\b", ln):
            out.append(ln)
    return out + tracebacks(lines) + warn_groups(lines) + exit_lines(lines)


@kind("flit-build", "build")
def n_flit(lines):
    """Round 108: every Error/Exception line (and flit's own failure messages: cannot, does not exist, untracked) and its innermost File line, warnings one {"any"} per shape, every `Built sdist:` / `Built wheel:` line; any EXIT= line."""
    fail = r"\bError\b|Exception\b|\berror\b|\b[Cc]annot\b|does not exist|[Uu]ntracked|not found|[Ff]ailed"
    out = [ln for ln in lines if re.search(fail, ln) and not ln.lstrip().startswith(("raise ", "File "))]
    out += tracebacks(lines)
    out += [ln for ln in lines if re.search(r"Built (sdist|wheel)", ln)]
    return out + warn_groups(lines) + exit_lines(lines)


@kind("pip-audit", "pkg")
def n_pip_audit(lines):
    """Round 108: every vulnerability row, the table header rows, the Found N known vulnerabilities / No known vulnerabilities line, Skip lines one {"any"} per reason; ERROR/exception lines and a connection failure's last line; any EXIT= line."""
    out, pairs = [], []
    in_vuln = in_skip = False
    for ln in lines:
        if re.match(r"^Name\s+Version\s+ID", ln):
            out.append(ln)
            in_vuln, in_skip = True, False
            continue
        if re.match(r"^Name\s+Skip Reason", ln):
            out.append(ln)
            in_vuln, in_skip = False, True
            continue
        if re.match(r"^-{3,}", ln) or not ln.strip():
            continue
        if re.search(r"Found \d+ known vulnerabilit|No known vulnerabilities", ln):
            out.append(ln)
            continue
        if in_vuln and re.match(r"^\S+\s+\S+\s+\S+", ln):
            out.append(ln)
        elif in_skip and re.match(r"^\S+\s+\S", ln):
            name = ln.split()[0]
            reason = re.sub(r"\b" + re.escape(name) + r"\b", "<n>", ln[len(name):])
            pairs.append((re.sub(r"\s+", " ", mask(reason)).strip(), ln))
        if not ln.startswith(" ") and re.search(r"\bERROR\b|[Ee]rror:|ConnectionError|Max retries|NameResolution|Failed to", ln):
            out.append(ln)
    return out + groups(pairs) + tracebacks(lines) + exit_lines(lines)


def _version_ext(lines):
    out = [ln for ln in lines if re.search(r"(?<![-\w])(Error|Exception|error|ERROR)\b|\w(Error|Exception)\b", ln)
           and not ln.lstrip().startswith(("raise ", "File "))]
    out += tracebacks(lines)
    out += [ln for ln in lines if re.fullmatch(r"\s*v?\d+(\.\d+)*[\w.+-]*\s*", ln)
            or re.search(r"(?i)\bversion\b.*\b\d+\.\d+(\.\d+)?(\.dev\d+|\+\S+)", ln)]
    return out + warn_groups(lines) + exit_lines(lines)


@kind("setuptools-scm-version", "pkg")
def n_scm(lines):
    """Round 108: every exception / Error line and its innermost File line, every line holding a computed version, warnings one {"any"} per shape; any EXIT= line."""
    return _version_ext(lines)


@kind("versioningit-version", "pkg")
def n_versioningit(lines):
    """Round 108: every exception / Error line and its innermost File line, every line holding a computed version, warnings one {"any"} per shape; any EXIT= line."""
    return _version_ext(lines)


# ------------------------------------------------------------------ wheels

def _setup(name: str, body: str) -> str:
    return f"from setuptools import setup, find_packages\n\nsetup(name={name!r}, version='1.4.0', {body})\n"


def wheels(tmp: Path) -> None:
    d = tmp / "wheels"
    dist = d / "dist"
    rnd = random.Random(10804)
    # kiln-utils: find_packages() picks up tests, package_data '*' ships __pycache__, a stray top-level module
    files = {"setup.py": _setup("kiln-utils", "packages=find_packages(), py_modules=['kilnshim'], "
                                "package_data={'': ['*', '__pycache__/*']}, include_package_data=True"),
             "kilnshim.py": "KILN = 1\n", "tests/__init__.py": "", "tests/test_cone.py": "def test_cone():\n    assert 1\n",
             "kiln_utils/__init__.py": '"""Kiln utilities."""\n'}
    for i in range(rnd.randint(70, 84)):
        m = f"{rnd.choice(['cone', 'ramp', 'zone', 'vent', 'probe'])}_{i:02d}"
        files[f"kiln_utils/{m}.py"] = f"def {m}():\n    return {i}\n"
    for sub in ("schedules", "profiles"):   # data dirs holding .py files but no __init__.py
        for i in range(4):
            files[f"kiln_utils/{sub}/s{i}.py"] = f"SEGMENTS = {[i, i + 1]}\n"
    write_tree(d / "kiln-utils", files)
    run(f"{PY} -m compileall -q kiln_utils tests", cwd=d / "kiln-utils")
    write_tree(d / "kiln-empty", {"setup.py": _setup("kiln-empty", "packages=[]"), "README.md": "empty\n"})
    write_tree(d / "kiln-initpy", {"setup.py": _setup("kiln-initpy", "py_modules=['__init__', 'kiln_ops']"),
                                   "__init__.py": "", "kiln_ops.py": "OPS = []\n"})
    write_tree(d / "kiln-log", {"setup.py": _setup("kiln-log", "packages=['kiln_log']"),
                                "kiln_log/__init__.py": '"""Firing logs."""\n', "kiln_log/store.py": "ROWS = []\n"})
    write_tree(d / "kiln-dup", {"setup.py": _setup("kiln-dup", "packages=['kiln_dup', 'kiln_dup.io'], "
                                                   "package_dir={'kiln_dup': 'src', 'kiln_dup.io': 'src'}"),
                                "src/__init__.py": '"""dup."""\n', "src/reader.py": "def read():\n    return 1\n"})
    for p in ("kiln-utils", "kiln-empty", "kiln-initpy", "kiln-log", "kiln-dup"):
        run(f"{PY} -m pip wheel -q --no-deps --no-build-isolation -w {dist} .", cwd=d / p, timeout=300)
    cap("cwc-dist-all", "check-wheel-contents dist/", d, n_cwc)
    cap("cwc-utils-toplevel", "check-wheel-contents --toplevel kiln_utils dist/kiln_utils-1.4.0-py3-none-any.whl; echo EXIT=$?",
        d, n_cwc)
    cap("cwc-package-mismatch", "check-wheel-contents --package kiln-utils/kiln_utils --ignore W001 dist/kiln_utils-*.whl "
        "dist/kiln_log-*.whl 2>&1 | head -n 60", d, n_cwc)


EXT_C = r'''
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <sys/random.h>
#include "kilnmath.h"

static PyObject *interp(PyObject *self, PyObject *args) {
    double x;
    if (!PyArg_ParseTuple(args, "d", &x)) return NULL;
    unsigned int seed;
    getrandom(&seed, sizeof seed, 0);                 /* glibc 2.25 */
    double *buf = reallocarray(NULL, 8, sizeof(double)); /* glibc 2.26 */
    double r = kiln_interp(x) + (seed % 2) * 0.0;
    free(buf);
    return PyFloat_FromDouble(r);
}

static PyObject *label(PyObject *self, PyObject *args) {
    PyObject *o;
    if (!PyArg_ParseTuple(args, "O", &o)) return NULL;
    const char *s = PyUnicode_AsUTF8(o);               /* in the limited API only since 3.10 */
    if (!s) return NULL;
    PyFrameObject *f = PyEval_GetFrame();
    int line = f ? PyFrame_GetLineNumber(f) : -1;
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "label", PyUnicode_FromString(s));
    PyDict_SetItemString(d, "line", PyLong_FromLong(line));
    PyObject *k = PyUnicode_FromString("label");
    PyObject *v = _PyDict_GetItem_KnownHash(d, k, PyObject_Hash(k)); /* private, never in the stable ABI */
    Py_XINCREF(v);
    Py_DECREF(k);
    Py_DECREF(d);
    return v;
}

static PyMethodDef M[] = {{"interp", interp, METH_VARARGS, NULL}, {"label", label, METH_VARARGS, NULL}, {NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "__MOD__", NULL, -1, M};
PyMODINIT_FUNC PyInit___MOD__(void) { return PyModule_Create(&mod); }
'''


def native(tmp: Path) -> None:
    d = tmp / "native"
    lib = d / "lib"
    write_tree(d, {"lib/kilnmath.h": "double kiln_interp(double x);\n",
                   "lib/kilnmath.c": "#include <math.h>\ndouble kiln_interp(double x) { return x * 0.95 + sqrt(x); }\n"})
    run("gcc -shared -fPIC -O1 -o libkilnmath.so kilnmath.c -lm", cwd=lib)
    dist = d / "dist"
    zones = ["kiln_abi", "kiln_abi_zone1", "kiln_abi_zone2", "kiln_abi_vent", "kiln_abi_probe", "kiln_abi_relay",
             "kiln_abi_cone", "kiln_abi_ramp"]
    for name, abi3 in (("kiln_fast", False), ("kiln_abi", True)):
        p = d / name
        mods = zones if abi3 else [name]
        exts = ", ".join(f"Extension('{m}', ['{m}.c'], include_dirs=['{lib}'], library_dirs=['{lib}'], "
                         f"libraries=['kilnmath']" + (", py_limited_api=True)" if abi3 else ")") for m in mods)
        opts = ", options={'bdist_wheel': {'py_limited_api': 'cp37'}}" if abi3 else ""
        files = {f"{m}.c": EXT_C.replace("__MOD__", m) if k % 3 != 2 else
                 EXT_C.replace("__MOD__", m).replace("_PyDict_GetItem_KnownHash(d, k, PyObject_Hash(k))",
                                                     "PyDict_GetItemWithError(d, k)")
                 for k, m in enumerate(mods)}
        write_tree(p, {**files, "setup.py": f"from setuptools import setup, Extension\n\nsetup(name='{name}', version='0.3.1', "
                                            f"ext_modules=[{exts}]{opts})\n"})
        run(f"{PY} -m pip wheel -q --no-deps --no-build-isolation -w {dist} .", cwd=p, timeout=300)
    write_tree(d / "kiln_pure", {"setup.py": _setup("kiln-pure", "py_modules=['kiln_pure']"), "kiln_pure.py": "X = 1\n"})
    run(f"{PY} -m pip wheel -q --no-deps --no-build-isolation -w {dist} .", cwd=d / "kiln_pure", timeout=300)
    env = {"LD_LIBRARY_PATH": str(lib)}
    cap("auditwheel-show-ext", "auditwheel show dist/kiln_fast-0.3.1-cp311-cp311-linux_x86_64.whl", d, n_auditwheel, env=env)
    cap("auditwheel-show-nolib", "auditwheel -v show dist/kiln_fast-0.3.1-cp311-cp311-linux_x86_64.whl; echo EXIT=$?", d,
        n_auditwheel)
    cap("auditwheel-show-all", "for w in dist/*.whl; do echo \"== $w\"; auditwheel show \"$w\"; done 2>&1", d, n_auditwheel,
        env=env)
    wide = {"TERM": "xterm-256color", "COLUMNS": "150"}   # rich wraps at 80 columns on a dumb terminal
    cap("abi3audit-verbose", "abi3audit --verbose dist/kiln_abi-0.3.1-cp37-abi3-linux_x86_64.whl; echo EXIT=$?", d,
        n_abi3audit, env=wide)
    cap("abi3audit-report", "abi3audit --report dist/kiln_abi-*.whl | python3 -m json.tool", d, n_abi3audit)
    cap("abi3audit-summary", "abi3audit --summary --verbose dist/*abi3*.whl", d, n_abi3audit)


FLIT_PY = '''[build-system]
requires = ["flit_core >=3.2,<4"]
build-backend = "flit_core.buildapi"

[project]
name = "{name}"
{extra}
'''


def flit(tmp: Path) -> None:
    d = tmp / "flit"
    projects = {
        "kiln_notes": ('authors = [{name = "Mara Okafor"}]\ndynamic = ["version", "description"]',
                       {"kiln_notes.py": "VERSION = '0.2'\n\ndef note(s):\n    return s\n"}),
        "kiln_cones": ('dynamic = ["version", "description"]\nlicense = "MIT"\nrequires-python = ">=3.9"\n'
                       'dependencies = ["pyserial >= 3.5"]\nclassifiers = ["Programming Language :: Python :: 9"]\n'
                       'keywords = "kiln, cone"\n\n[project.scripts]\ncones = "kiln_cones:main"\n\n'
                       '[tool.flit.module]\nname = "kiln_cones"\n\n[tool.flit.sdist]\ninclude = ["docs/"]\n'
                       'exclude_pattern = ["*.tmp"]\n',
                       {"kiln_cones/__init__.py": '"""Cone charts."""\n__version__ = "1.0"\n'}),
        "kiln_probe": ('dynamic = ["version", "description"]',
                       {"kiln_probe/__init__.py": '"""Thermocouple probes."""\nimport serial\nfrom ._v import get\n'
                                                  '__version__ = get()\n',
                        "kiln_probe/_v.py": "def get():\n    return '0.9.' + '1'\n"}),
        "kiln_sched": ('version = "2.0.0rc"\ndescription = "Firing schedules"\nreadme = "README.rst"',
                       {"kiln_sched/__init__.py": '"""Firing schedules."""\n'}),
        "kiln_vent": ('dynamic = ["version", "description"]',
                      {"kiln_vent/__init__.py": '"""Vent control."""\n__version__ = "0.4.2"\n',
                       "kiln_vent/relay.py": "ON = 1\n"}),
    }
    for name, (extra, files) in projects.items():
        write_tree(d / name, {"pyproject.toml": FLIT_PY.format(name=name, extra=extra), **files})
    genv = GIT_ENV
    vent = d / "kiln_vent"
    run("git init -q && git add pyproject.toml kiln_vent/__init__.py && git commit -qm init", cwd=vent, env=genv)
    (vent / "notes.tmp").write_text("x\n")
    (vent / "kiln_vent" / "calibrate.py").write_text("OFFSET = 2.5\n")   # a module never added to git
    cap("flit-each-project", 'for p in kiln_notes kiln_cones kiln_sched kiln_vent; do echo "== $p"; '
        '(cd $p && flit build --no-use-vcs; echo "EXIT=$?"); done 2>&1', d, n_flit, env=genv)
    cap("flit-debug-docstring", "flit --debug build --no-use-vcs; echo EXIT=$?", d / "kiln_notes", n_flit, env=genv)
    cap("flit-import-version", "flit build --no-use-vcs; echo EXIT=$?", d / "kiln_probe", n_flit, env=genv)
    cap("flit-debug-vcs-build", "flit --debug build; echo EXIT=$?", vent, n_flit, env=genv)


def audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True)
    rnd = random.Random(10805)
    pins = ["requests==2.19.0", "jinja2==2.10", "pyyaml==5.3", "urllib3==1.24.1", "django==2.2.0", "pillow==8.0.0",
            "flask==0.12.2", "cryptography==2.3", "lxml==4.6.2", "paramiko==2.4.1", "numpy==1.16.0", "sqlparse==0.4.1",
            "pyserial==3.5", "click==8.1.7", "werkzeug==0.15.3", "tornado==5.1", "aiohttp==3.7.3", "babel==2.8.0",
            "certifi==2019.11.28", "idna==2.7", "setuptools==39.0.1", "wheel==0.30.0", "pip==19.2", "sqlalchemy==1.2.0",
            "markdown==2.6.11", "bleach==3.1.0", "mistune==0.8.3", "pygments==2.5.2", "rsa==4.0", "ecdsa==0.13",
            "pycryptodome==3.9.0", "twisted==19.10.0", "scrapy==1.5.0", "notebook==5.7.2", "ipython==7.16.0",
            "tensorflow==2.4.0", "gunicorn==19.9.0", "uvicorn==0.11.3", "fastapi==0.65.1", "starlette==0.13.4"]
    rnd.shuffle(pins)
    (d / "requirements.txt").write_text("\n".join(pins) + "\n")
    env = {"PIP_CONFIG_FILE": None}
    cap("pip-audit-nodeps", "pip-audit --no-deps --disable-pip -r requirements.txt; echo EXIT=$?", d, n_pip_audit,
        env=env, timeout=300)
    cap("pip-audit-osv", "pip-audit --no-deps --disable-pip -s osv -r requirements.txt 2>&1 | tail -n 40", d, n_pip_audit,
        env=env, timeout=300)
    cap("pip-audit-env", f"pip-audit --path {VENV}/lib/python3.11/site-packages --desc; echo EXIT=$?", d, n_pip_audit,
        env=env, timeout=300)


SCM_PY = '''[build-system]
requires = ["setuptools>=64", "{backend}"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
dynamic = ["version"]

{tool}
'''


def versions(tmp: Path) -> None:
    d = tmp / "versions"
    genv = GIT_ENV
    scm_tool = '[tool.setuptools_scm]\nversion_file = "kiln_ctl/_version.py"\ntag_regex = "^kiln-(?P<version>[0-9.]+)$"\n'
    vit_tool = ('[tool.versioningit.vcs]\nmethod = "git"\nmatch = ["v*"]\n\n[tool.versioningit.format]\n'
                'distance = "{base_version}.post{distance}+{vcs}{rev}"\ndirty = "{base_version}+d{build_date:%Y%m%d}"\n')
    for name, backend, tool in (("scm-plain", "setuptools-scm", scm_tool), ("scm-repo", "setuptools-scm", scm_tool),
                                ("vit-plain", "versioningit", vit_tool), ("vit-repo", "versioningit", vit_tool)):
        write_tree(d / name, {"pyproject.toml": SCM_PY.format(backend=backend, name="kiln-ctl", tool=tool),
                              "kiln_ctl/__init__.py": '"""Kiln control."""\n'})
    for name in ("scm-repo", "vit-repo"):
        r = d / name
        run("git init -q -b main && git add . && git commit -qm 'first firing'", cwd=r, env=genv)
        for i, tag in enumerate(["release-1.2", "v1.3-beta", "kiln-1.4rc", "1.5"]):
            (r / f"seg{i}.txt").write_text(f"{i}\n")
            run(f"git add . && git commit -qm 'segment {i}' && git tag {tag}", cwd=r, env=genv)
        (r / "kiln_ctl/__init__.py").write_text('"""Kiln control (dirty)."""\n')
    cap("scm-no-git", f"git describe --tags; SETUPTOOLS_SCM_DEBUG=1 {PY} -m setuptools_scm; echo EXIT=$?", d / "scm-plain",
        n_scm, env=genv, typed="git describe --tags; SETUPTOOLS_SCM_DEBUG=1 python -m setuptools_scm; echo EXIT=$?")
    cap("scm-bad-tags", f"git describe --tags; {PY} -m setuptools_scm --strip-dev; {PY} -m setuptools_scm ls | head -n 5; "
        "echo EXIT=$?", d / "scm-repo", n_scm, env=genv,
        typed="git describe --tags; python -m setuptools_scm --strip-dev; python -m setuptools_scm ls | head -n 5; echo EXIT=$?")
    cap("scm-build-sdist", f"{PY} -m build --sdist --no-isolation 2>&1 | tail -n 40", d / "scm-plain", n_scm, env=genv,
        timeout=300, typed="python -m build --sdist --no-isolation 2>&1 | tail -n 40")
    cap("versioningit-no-git", "versioningit --traceback .; echo EXIT=$?", d / "vit-plain", n_versioningit, env=genv)
    cap("versioningit-repo", "git tag -l; versioningit -vv .; echo EXIT=$?", d / "vit-repo", n_versioningit, env=genv)


STEPS = [wheels, native, flit, audit, versions]
