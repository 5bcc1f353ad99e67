#!/usr/bin/env python3
"""Capture round 459 of the compression corpus: compiled and native-extension Python tooling an agent meets while
building a package (numba typing errors and warnings, `numba -s`, cython over several .pyx files, cythonize -a,
pybind11 bindings failing in g++, an import smoke test of built modules, cffi builds, swig -Wall, f2py -c through
meson with gfortran errors, setuptools build_ext, pex and shiv builds) on a clock tower's packages written here
(`clocktower`: escapements, pendulums, clockmakers, chimes; seeds 45910+).

Every kind's extractor is new and written here (NEEDLES.md, "Round 459", fixed before capture). Nothing captured here
was compressed.

Usage:   python3 scripts/corpus/capture_wide459.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide459.json  as {"version": 2, "items": [...]}, ids prefixed "wide459-".
Tools:   a venv in /dev/shm/hm-corpus-wide459/venv (numba, cython, pybind11, cffi, setuptools, wheel, pex, shiv,
         meson, ninja from PyPI); Debian's gcc, g++, gfortran, swig.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, mask, next_match, prev_match, write_tree  # noqa: E402

ID_PREFIX = "wide459-"
DEFAULT_OUT = HERE / "data" / "wide459.json"
TMP = Path(os.environ.get("HM459_TMP", "/dev/shm/hm-corpus-wide459-run"))
TOOLS = Path(os.environ.get("HM459_TOOLS", "/dev/shm/hm-corpus-wide459"))
VENV = TOOLS / "venv"
PY = f"{VENV}/bin/python"
PY_TOOLS = ["numba", "cython", "pybind11", "cffi", "setuptools", "wheel", "pex", "shiv", "meson", "ninja"]

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=600, env=None, typed=None):
    add(item_id, typed or command, cm.run(f"nice {command}", cwd=cwd, env=env, timeout=timeout), extractor)


# ------------------------------------------------------------------ extractors (NEEDLES.md, round 459)

LOC = r"^[^\s:]+:\d+(:\d+)?:"
EXC = r"^[A-Za-z_][\w.]*(Error|Exception|Exit)\b(:|$)"


def _file_of(ln):
    m = re.match(r"^([^\s:]+):\d+", ln)
    return m.group(1) if m else ""


def _gcc(lines):
    """gcc-style: error lines + location (on the line or six above); warning: one any per (flag or shape, file)"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\b(fatal error|error):|^Error:|:\s*Error:", ln):
            out.append(ln)
            if not re.match(LOC, ln):
                out.append(prev_match(lines, i, LOC))
        elif re.search(r"\bwarning:", ln):
            loc = ln if re.match(LOC, ln) else (prev_match(lines, i, LOC) or "")
            flag = re.search(r"\[-W[\w=-]+\]", ln)
            warns.append(((flag.group(0) if flag else mask(ln.split("warning:", 1)[1]), _file_of(loc)), ln))
    return out, groups(warns)


def _innermost_files(lines):
    """the innermost `File` line of each traceback (the last one above its exception line)"""
    out, last = [], None
    for ln in lines:
        if re.match(r"^\s+File \"", ln):
            last = ln
        elif re.match(EXC, ln) and last:
            out.append(last)
            last = None
    return out


@cm.kind("numba-typing-error", "build")
def N_NUMBA_TYPING(lines):
    """every exception line + the first non-blank line after it, numba's `File "x", line N:` lines, innermost File; During: one any per shape"""
    out, during = [], []
    for i, ln in enumerate(lines):
        if re.match(EXC, ln):
            out.append(ln)
            out.append(next_match(lines, i, r"\S", ahead=6))
        elif re.match(r'^File "[^"]+", line \d+:', ln):
            out.append(ln)
        elif re.match(r"^\s*During: ", ln):
            during.append((mask(ln.strip()), ln))
    return out + _innermost_files(lines) + groups(during)


@cm.kind("numba-warnings", "log")
def N_NUMBA_WARN(lines):
    """every Error/exception line; each Warning line one any per (warning class, file); the closing summary line"""
    out, warns = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (\w*Warning):( |$)", ln)
        if m:
            warns.append(((m.group(2), m.group(1)), ln))
        elif re.match(EXC, ln) or re.search(r"\bError\b", ln):
            out.append(ln)
        elif re.match(r"^chimes checked:", ln):
            out.append(ln)
    return out + groups(warns)


SYSINFO_KEYS = ("Numba Version", "llvmlite Version", "NumPy Version", "Python Version", "LLVM Version", "CPU Name",
                "CPU Count", "Machine", "Platform Name")


@cm.kind("numba-sysinfo", "doc")
def N_NUMBA_SYSINFO(lines):
    """every __Section__ heading, the Numba/llvmlite/NumPy/Python/LLVM version, CPU name/count, machine, platform lines; Error/Warning lines"""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^__.+__$", s) or s.startswith(SYSINFO_KEYS) or re.search(r"Error|Warning", ln):
            out.append(ln)
    return out


def _cython(lines):
    out, warns = [], []
    for ln in lines:
        if ln.startswith("Error compiling Cython file"):
            out.append(ln)
        elif re.match(r"^warning: \S+\.(pyx|pxd|pxi):\d+:\d+: ", ln):
            f = ln.split()[1].split(":")[0]
            warns.append(((mask(ln.split(":", 4)[-1]), f), ln))
        elif re.match(r"^\S+\.(pyx|pxd|pxi):\d+:\d+: ", ln):
            out.append(ln)
    return out, groups(warns)


@cm.kind("cython-cli", "build")
def N_CYTHON(lines):
    """every `Error compiling Cython file:` line and every `file.pyx:L:C: message` error line; warning: one any per (shape, file)"""
    e, w = _cython(lines)
    return e + w


@cm.kind("cythonize-annotate", "build")
def N_CYTHONIZE_A(lines):
    """as cython-cli for Cython's diagnostics, gcc-style for the C compiler's, the closing Error/failed lines"""
    e, w = _cython(lines)
    ge, gw = _gcc(lines)
    tail = [ln for ln in lines if re.search(r"^\w*Error\b|failed|Failed", ln)]
    return e + ge + tail + w + gw


@cm.kind("pybind11-gxx", "build")
def N_PYBIND(lines):
    """gcc-style, plus for each error the nearest `required from here` line among the 20 above it"""
    e, w = _gcc(lines)
    extra = [prev_match(lines, i, r"required from here", back=20)
             for i, ln in enumerate(lines) if re.search(r"\b(fatal error|error):", ln)]
    return e + extra + w


@cm.kind("native-import-smoke", "test")
def N_SMOKE(lines):
    """every exception line, each traceback's innermost File line, every ok/FAIL line per module, the closing count line"""
    out = [ln for ln in lines if re.match(EXC, ln) or re.match(r"^(ok|FAIL)\s", ln) or ln.startswith("smoke:")]
    return out + _innermost_files(lines)


@cm.kind("cffi-build", "build")
def N_CFFI(lines):
    """gcc-style for the compiler; every exception line, `<cdef source string>:N` lines, each traceback's innermost File"""
    e, w = _gcc(lines)
    out = [ln for ln in lines if re.match(EXC, ln) or "<cdef source string>:" in ln]
    return e + out + _innermost_files(lines) + w


@cm.kind("swig-diagnostics", "lint")
def N_SWIG(lines):
    """every Error line; `Warning NNN:` lines one any per (warning number, file)"""
    out, warns = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: Warning (\d+):", ln)
        if m:
            warns.append(((m.group(2), m.group(1)), ln))
        elif re.search(r"\bError\b", ln):
            out.append(ln)
    return out + groups(warns)


@cm.kind("f2py-build", "build")
def N_F2PY(lines):
    """gfortran Error: lines + location above, gcc-style warnings, gfortran Warning: one any per (shape, file), FAILED: lines, failed/Error lines"""
    out, warns = [], []
    floc = r"^\S+:\d+:\d+:\s*$"
    for i, ln in enumerate(lines):
        if re.match(r"^Error: ", ln):
            out.append(ln)
            out.append(prev_match(lines, i, floc))
        elif re.match(r"^Warning: ", ln):
            loc = prev_match(lines, i, floc) or ""
            flag = re.search(r"\[-W[\w=-]+\]", ln)
            warns.append(((flag.group(0) if flag else mask(ln), _file_of(loc)), ln))
        elif re.match(r"^FAILED: ", ln) or re.search(r"failed|Error", ln):
            out.append(ln)
    e, w = _gcc([ln for ln in lines if not re.match(r"^(Error|Warning): ", ln)])
    return out + e + groups(warns) + w


@cm.kind("setuptools-build-ext", "build")
def N_BUILD_EXT(lines):
    """gcc-style; the `building 'x' extension` line last seen before each error; the closing `error: command ... failed` line"""
    e, w = _gcc(lines)
    extra = []
    for i, ln in enumerate(lines):
        if re.search(r"\b(fatal error|error):", ln):
            extra.append(prev_match(lines, i, r"^building '.*' extension", back=10_000))
        if re.match(r"^error: command ", ln):
            extra.append(ln)
    return e + extra + w


def _packer(lines):
    return [ln for ln in lines
            if re.search(r"error|Error|ERROR|Failed|failed|Could not find|No matching distribution", ln)]


@cm.kind("pex-build", "build")
def N_PEX(lines):
    """every line with error/Error/ERROR/Failed/failed, every `Could not find` / `No matching distribution` line"""
    return _packer(lines)


@cm.kind("shiv-build", "build")
def N_SHIV(lines):
    """as pex-build, plus pip's `Successfully installed` line"""
    return _packer(lines) + [ln for ln in lines if ln.startswith("Successfully installed")]


# ------------------------------------------------------------------ material: a clock tower (seeds 45910+)

PARTS = ["escapement", "pendulum", "anchor", "pallet", "crutch", "bob", "fusee", "chime", "bell", "hammer",
         "ratchet", "pinion", "barrel", "arbor", "dial", "verge", "foliot", "mainspring", "gongs", "striker"]
MAKERS = ["harrison", "huygens", "graham", "mudge", "tompion", "vulliamy", "dent", "grimthorpe", "breguet", "knibb"]


def names(rng, n):
    return [f"{rng.choice(PARTS)}_{rng.choice(MAKERS)}_{k}" for k in range(n)]


# numba typing faults, each a function body taking (arr, n) and a call of it
NUMBA_FAULTS = [
    ("    return arr[0] + 'tick'\n", "np.arange(5.0), 3"),
    ("    total = 0\n    for i in range(n):\n        total += arr[i]\n    return total.swing()\n", "np.ones(4), 4"),
    ("    d = {}\n    d[1] = 'pallet'\n    d['beat'] = 2.5\n    return d\n", "np.ones(2), 1"),
    ("    out = [1, 'two', 3.0]\n    return out[n]\n", "np.ones(2), 1"),
    ("    return undefined_escapement_ratio(arr) * n\n", "np.ones(3), 2"),
    ("    t = (1, 2.0, 'bob')\n    return t[n]\n", "np.ones(3), 1"),
    ("    return np.linalg.frobnicate(arr)\n", "np.ones((2, 2)), 0"),
    ("    s = 'beats'\n    return s * arr\n", "np.ones(3), 0"),
    ("    x = 1\n    if n > 2:\n        x = 'late'\n    return x + 1\n", "np.ones(2), 3"),
    ("    return len(n)\n", "np.ones(2), 5"),
    ("    import os\n    return os.getcwd()\n", "np.ones(2), 0"),
    ("    return arr.reshape(n, 'x')\n", "np.ones(6), 2"),
]


def numba_script(seed, n):
    rng = random.Random(seed)
    body = ["import traceback\nimport numpy as np\nfrom numba import njit\n\n"]
    calls = []
    for k, fn in enumerate(names(rng, n)):
        src, args = NUMBA_FAULTS[rng.randrange(len(NUMBA_FAULTS))]
        body.append(f"@njit\ndef {fn}(arr, n):\n    '''the {fn.split('_')[0]} of the tower, step {k}'''\n{src}\n\n")
        calls.append((fn, args))
    body.append("failures = 0\n")
    for fn, args in calls:
        body.append(f"try:\n    print('{fn}:', {fn}({args}))\nexcept Exception:\n    failures += 1\n"
                    f"    print('--- {fn} failed to compile ---')\n    traceback.print_exc()\n")
    body.append(f"print('tower jit check:', failures, 'of', {n}, 'functions failed')\n")
    return "".join(body)


def step_numba_typing(tmp):
    d = tmp / "numba"
    d.mkdir(exist_ok=True)
    for k, n in enumerate([2, 5, 9, 16, 30]):
        f = f"escapement_jit_{k}.py"
        (d / f).write_text(numba_script(45910 + k, n))
        cap(f"numba-typing-{k}", f"{PY} {f}", d, N_NUMBA_TYPING, timeout=400, typed=f"python {f}")


NUMBA_WARN_SRC = '''import traceback
import warnings
import numpy as np
from numba import njit, jit, prange
warnings.simplefilter("always")
count = 0
'''


def numba_warn_script(seed, n):
    rng = random.Random(seed)
    out = [NUMBA_WARN_SRC]
    for k, fn in enumerate(names(rng, n)):
        kind = rng.randrange(4)
        if kind == 0:  # parallel=True with nothing to parallelise
            out.append(f"@njit(parallel=True)\ndef {fn}(a):\n    s = 0.0\n    for i in range(a.shape[0]):\n"
                       f"        s += a[i] * {k + 1}\n    return s\nprint('{fn}', {fn}(np.ones({k + 3})))\n")
        elif kind == 1:  # reflected list argument
            out.append(f"@njit\ndef {fn}(beats):\n    return sum(beats) / len(beats)\nprint('{fn}', {fn}([1.0, 2.0, {k}.5]))\n")
        elif kind == 2:  # a non-contiguous array in a dot product
            out.append(f"@njit\ndef {fn}(a, b):\n    return np.dot(a, b)\n"
                       f"m = np.arange({(k + 2) * 4}.0).reshape({k + 2}, 4)\ntry:\n    print('{fn}', {fn}(m[:, ::2].T, m[:, ::2]).sum())\n"
                       f"except Exception as e:\n    traceback.print_exc()\n    print('Error in {fn}:', type(e).__name__)\n")
        else:  # object mode fallback requested through forceobj, and a runtime error inside
            out.append(f"@jit(forceobj=True, looplift=True)\ndef {fn}(a):\n    total = 0\n    for x in a:\n"
                       f"        total += x\n    return {{'bell': total}}['strike{k % 3}']\n"
                       f"try:\n    print('{fn}', {fn}(np.ones(3)))\nexcept KeyError as e:\n    print('Error in {fn}: KeyError', e)\n")
        out.append("count += 1\n")
    out.append("print('chimes checked:', count, 'functions')\n")
    return "".join(out)


def step_numba_warn(tmp):
    d = tmp / "numba"
    d.mkdir(exist_ok=True)
    for k, n in enumerate([4, 10, 22]):
        f = f"chime_warn_{k}.py"
        (d / f).write_text(numba_warn_script(45920 + k, n))
        cap(f"numba-warnings-{k}", f"{PY} -W always {f}", d, N_NUMBA_WARN, timeout=400, typed=f"python -W always {f}")


def step_numba_sysinfo(tmp):
    cap("numba-sysinfo-0", f"{VENV}/bin/numba -s", tmp, N_NUMBA_SYSINFO, timeout=200, typed="numba -s")
    cap("numba-sysinfo-1", f"{VENV}/bin/numba -s", tmp, N_NUMBA_SYSINFO, timeout=200, typed="NUMBA_DISABLE_JIT=1 NUMBA_NUM_THREADS=1 numba -s",
        env={"NUMBA_DISABLE_JIT": "1", "NUMBA_NUM_THREADS": "1"})


# Cython modules: good code with faults put in
PYX_GOOD = '''
cdef class {cls}:
    cdef public double length
    cdef public int beats
    def __init__(self, double length, int beats):
        self.length = length
        self.beats = beats
    cpdef double period(self):
        cdef double g = 9.81
        return 2.0 * 3.141592653589793 * (self.length / g) ** 0.5
    def rate(self, int hours):
        cdef int i
        cdef double total = 0
        for i in range(hours):
            total += self.beats * 3600.0
        return total
'''
PYX_FAULTS = [
    "def {fn}(int n):\n    cdef int x = 'tick'\n    return x + n\n",
    "def {fn}(double a):\n    cdef int unused_{k} = 3\n    return a * 2\n",
    "cdef {fn}(int n)\n    return n\n",
    "def {fn}(list beats):\n    cdef double *p = beats\n    return p[0]\n",
    "def {fn}(n):\n    return n.swing(\n",
    "def {fn}(int n):\n    cdef object o = n\n    cdef int y\n    return o\n",
    "def {fn}(int n):\n    cdef char *s = 'verge'\n    return s\n",
    "def {fn}(n):\n    return undeclared_arbor_{k}(n) + n\n",
    "def {fn}(int n):\n    cdef int i\n    for i from 0 <= i < n:\n        pass\n    return i\n",
    "cdef class {fn}Bell:\n    cdef int strikes\n    def ring(self):\n        self.tone = 3\n        return self.strikes\n",
]


def pyx_tree(root, seed, n):
    rng = random.Random(seed)
    files = []
    for k, fn in enumerate(names(rng, n)):
        body = PYX_GOOD.format(cls=fn.title().replace("_", "")) + "\n"
        for j in range(rng.randint(1, 3)):
            body += "\n" + rng.choice(PYX_FAULTS).format(fn=f"{fn}_{j}", k=j) + "\n"
        name = f"{fn}.pyx"
        (root / name).write_text("# cython: language_level=3\n" + body)
        files.append(name)
    return files


def step_cython(tmp):
    for k, n in enumerate([3, 6, 12, 24]):
        d = tmp / f"cython{k}"
        d.mkdir()
        files = pyx_tree(d, 45930 + k, n)
        cap(f"cython-cli-{k}", f"{VENV}/bin/cython -3 -Wextra {' '.join(files)}", d, N_CYTHON, timeout=300,
            typed=f"cython -3 -Wextra {' '.join(files)}")


def step_cythonize(tmp):
    for k, n in enumerate([2, 4, 7]):
        d = tmp / f"cythonize{k}"
        d.mkdir()
        rng = random.Random(45940 + k)
        files = []
        for j, fn in enumerate(names(rng, n)):
            body = "# cython: language_level=3\n" + PYX_GOOD.format(cls=fn.title().replace("_", ""))
            if j % 2 == 1:
                body += "\n" + rng.choice(PYX_FAULTS).format(fn=f"{fn}_x", k=j) + "\n"
            else:  # compiles in Cython, C warnings in gcc
                body += (f"\ncdef extern from *:\n    '''\n    static int {fn}_spare(int x) {{ int y; return x; }}\n"
                         f"    static long {fn}_cast(void *p) {{ return (long)(int)p; }}\n    '''\n"
                         f"    int {fn}_spare(int x)\n\ndef spare_{j}(int x):\n    return {fn}_spare(x)\n")
            (d / f"{fn}.pyx").write_text(body)
            files.append(f"{fn}.pyx")
        cap(f"cythonize-a-{k}", f"{VENV}/bin/cythonize -a -i -j1 -k {' '.join(files)}", d, N_CYTHONIZE_A,
            timeout=500, env={"CFLAGS": "-Wall -Wextra -O0"}, typed=f"CFLAGS='-Wall -Wextra -O0' cythonize -a -i -j1 -k {' '.join(files)}")


# pybind11 bindings: a Pendulum class and faults in its bindings
PB_HEAD = '''#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <string>
#include <vector>
#include <map>
namespace py = pybind11;

class Pendulum {
public:
    Pendulum(double length, int beats) : length_(length), beats_(beats) {}
    double period() const { return 2.0 * 3.141592653589793 * length_; }
    void regulate(double dl) { length_ += dl; }
    void regulate(int turns) { length_ += turns * 0.001; }
    std::vector<double> swings(int n) const { return std::vector<double>(n, length_); }
    double length_;
private:
    int beats_;
    std::string maker_ = "harrison";
};
'''
PB_FAULTS = [
    '    .def("regulate", &Pendulum::regulate)\n',                                   # ambiguous overload
    '    .def_readwrite("beats", &Pendulum::beats_)\n',                              # private member
    '    .def(py::init<std::string, int>())\n',                                      # no such constructor
    '    .def("swings", &Pendulum::swings, py::arg("n"), py::arg("extra"))\n',       # too many py::arg
    '    .def_property_readonly("maker", [](const Pendulum &p) { return p.maker_; })\n',
    '    .def("period", &Pendulum::period_hours)\n',
    '    .def("strike", [](Pendulum &p, std::map<int, Bell> m) { return m.size(); })\n',
]


def step_pybind11(tmp):
    d = tmp / "pybind"
    d.mkdir()
    inc = cm.run(f"{PY} -m pybind11 --includes").strip()
    for k, nf in enumerate([1, 3, 6]):
        rng = random.Random(45950 + k)
        faults = rng.sample(PB_FAULTS, nf)
        src = PB_HEAD + (f'\nPYBIND11_MODULE(clockwork{k}, m) {{\n    py::class_<Pendulum>(m, "Pendulum")\n'
                         '    .def(py::init<double, int>())\n    .def_readwrite("length", &Pendulum::length_)\n'
                         + "".join(faults) + "    ;\n}\n")
        (d / f"clockwork{k}.cpp").write_text(src)
        cmd = f"g++ -O0 -Wall -Wextra -shared -std=c++17 -fPIC {inc} clockwork{k}.cpp -o clockwork{k}$({PY}-config --extension-suffix 2>/dev/null || echo .so)"
        typed = f"g++ -O0 -Wall -Wextra -shared -std=c++17 -fPIC $(python3 -m pybind11 --includes) clockwork{k}.cpp -o clockwork{k}$(python3-config --extension-suffix)"
        cap(f"pybind11-gxx-{k}", cmd, d, N_PYBIND, timeout=500, typed=typed)


# a setuptools project with several C extensions
C_GOOD = '''#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *beat(PyObject *self, PyObject *args) {
    double length;
    if (!PyArg_ParseTuple(args, "d", &length))
        return NULL;
    return PyFloat_FromDouble(2.0 * 3.141592653589793 * length);
}
'''
C_FAULTS = [
    "static PyObject *wind(PyObject *self, PyObject *args) {\n    int unused;\n    return PyLong_FromLong(mainspring_turns(7));\n}\n",
    "static PyObject *wind(PyObject *self, PyObject *args) {\n    long n = PyLong_AsLong(args)\n    return PyLong_FromLong(n);\n}\n",
    "static PyObject *wind(PyObject *self, PyObject *args) {\n    char *s = 42;\n    return PyUnicode_FromString(s);\n}\n",
    "static PyObject *wind(PyObject *self, PyObject *args) {\n    unsigned n = 3; int i = -1;\n    if (i < n) return Py_None;\n    return PyLong_FromLong(n);\n}\n",
    "static PyObject *wind(PyObject *self, PyObject *args) {\n    return PyLong_FromLong(sizeof(struct fusee));\n}\n",
]


def c_module(name, fault):
    return (C_GOOD + fault + f'''
static PyMethodDef methods[] = {{
    {{"beat", beat, METH_VARARGS, "period of a pendulum"}},
    {{"wind", (PyCFunction)wind, METH_VARARGS, "wind the mainspring"}},
    {{NULL, NULL, 0, NULL}}
}};
static struct PyModuleDef mod = {{PyModuleDef_HEAD_INIT, "{name}", NULL, -1, methods}};
PyMODINIT_FUNC PyInit_{name}(void) {{ return PyModule_Create(&mod); }}
''')


def setup_project(d, seed, n, fault_ids):
    rng = random.Random(seed)
    mods = [f"{p}_{m}" for p, m in zip(rng.sample(PARTS, n), rng.sample(MAKERS * 2, n))]
    for j, m in enumerate(mods):
        (d / "src").mkdir(exist_ok=True)
        (d / "src" / f"{m}.c").write_text(c_module(m, C_FAULTS[fault_ids[j % len(fault_ids)]]))
    exts = ",\n    ".join(f'Extension("clocktower.{m}", ["src/{m}.c"], extra_compile_args=["-Wall", "-Wextra", "-O0"])'
                           for m in mods)
    (d / "setup.py").write_text(f"from setuptools import setup, Extension\n\nsetup(\n    name='clocktower-{seed}',\n"
                                f"    version='0.{seed % 100}.0',\n    packages=['clocktower'],\n    ext_modules=[\n    {exts}\n    ],\n)\n")
    (d / "clocktower").mkdir(exist_ok=True)
    (d / "clocktower" / "__init__.py").write_text('"""The clock tower."""\n')
    return mods


def step_build_ext(tmp):
    for k, (n, faults) in enumerate([(2, [0, 3]), (4, [3, 0, 4, 1]), (7, [3, 3, 0, 3, 3, 2, 1])]):
        d = tmp / f"buildext{k}"
        d.mkdir()
        setup_project(d, 45960 + k, n, faults)
        cap(f"build-ext-{k}", f"{PY} setup.py build_ext --inplace -j1", d, N_BUILD_EXT, timeout=500,
            typed="python setup.py build_ext --inplace -j1")


# cffi builders: cdef faults and C faults
CFFI_CASES = [
    ("double pendulum_period(double length);", "double pendulum_period(double length) { return 2.0 * 3.14159 * length; }"),
    ("double pendulum_period(double length);\nint escapement_beats(escapement_t *e);",
     "double pendulum_period(double length) { return length; }"),
    ("struct bell { int strikes; ... };\nint bell_ring(struct bell *b);",
     "struct bell { int strikes; };\nint bell_ring(struct bell *b) { return b->strikes }"),
    ("int chime_count(int hour);", "int chime_count(int hour) { int unused; return hour % 12 + missing_offset; }"),
    ("#define GEAR_TEETH 60\nint gear_ratio(int a, int b);", "int gear_ratio(int a, int b) { return a / b; }"),
    ("long mainspring_torque(long turns)", "long mainspring_torque(long turns) { return turns * 3; }"),
    ("typedef struct { double hours; } dial_t;\ndouble dial_read(dial_t d);",
     "typedef struct { double hours; } dial_t;\ndouble dial_read(dial_t d) { return d.minutes; }"),
]


def cffi_script(seed, n):
    rng = random.Random(seed)
    out = ["import traceback\nfrom cffi import FFI\nok = failed = 0\n"]
    for k, nm in enumerate(names(rng, n)):
        cdef, csrc = CFFI_CASES[rng.randrange(len(CFFI_CASES))]
        out.append(f"print('=== building _{nm}')\ntry:\n    ffi = FFI()\n    ffi.cdef({cdef!r})\n"
                   f"    ffi.set_source('_{nm}', {csrc!r}, extra_compile_args=['-Wall', '-O0'])\n"
                   f"    ffi.compile(verbose=True, tmpdir='build_{k}')\n    ok += 1\nexcept Exception:\n"
                   f"    failed += 1\n    traceback.print_exc()\n")
    out.append("print('cffi modules built:', ok, 'failed:', failed)\n")
    return "".join(out)


def step_cffi(tmp):
    d = tmp / "cffi"
    d.mkdir()
    for k, n in enumerate([1, 3, 6]):
        f = f"build_ffi_{k}.py"
        (d / f).write_text(cffi_script(45970 + k, n))
        cap(f"cffi-build-{k}", f"{PY} {f}", d, N_CFFI, timeout=500, typed=f"python {f}")


# an import smoke test of built modules: C extensions, ctypes libraries, cffi's ABI mode
SMOKE_CASES = {
    "good": ("c", 3, "escapement_ok", "escapement_ok", "print(m.beat(0.994))"),
    "undef": ("c", 0, "fusee_undef", "fusee_undef", "print(m.wind())"),
    "misnamed": ("c", 3, "verge_named", "verge_other", "print(m.beat(1.0))"),
    "badargs": ("c", 3, "anchor_args", "anchor_args", "print(m.beat('long'))"),
    "ctypes_missing": ("ctypes", None, "libchime", None, "print(lib.chime_strike(3))"),
    "ctypes_nofile": ("ctypes", None, "libbell_absent", None, "print(lib.bell_ring(1))"),
    "ctypes_ok": ("ctypes", None, "libchime", None, "print(lib.chime_count(15))"),
    "cffi_abi": ("cffi", None, "libgong_absent", None, "print(lib.gong(2))"),
}


def step_smoke(tmp):
    d = tmp / "smoke"
    d.mkdir()
    inc = cm.run(f"{PY} -c 'import sysconfig; print(sysconfig.get_paths()[\"include\"])'").strip()
    for key, (kind, fault, fname, modname, _) in SMOKE_CASES.items():
        if kind == "c" and not (d / f"{fname}.so").exists():
            (d / f"{fname}.c").write_text(c_module(modname, C_FAULTS[fault]))
            cm.run(f"nice gcc -O0 -shared -fPIC -I{inc} {fname}.c -o {fname}.so", cwd=d, timeout=200)
    (d / "libchime.c").write_text("int chime_count(int hour) { return hour % 12 ? hour % 12 : 12; }\n")
    cm.run("nice gcc -O0 -shared -fPIC libchime.c -o libchime.so", cwd=d, timeout=200)
    for k, picks in enumerate([["good", "undef", "ctypes_missing", "misnamed"],
                               ["good", "badargs", "ctypes_ok", "ctypes_nofile", "cffi_abi", "undef"],
                               list(SMOKE_CASES) + ["undef", "misnamed", "good"]]):
        lines = ["import importlib, traceback, sys, ctypes\nsys.path.insert(0, '.')\nok = failed = 0\n"]
        for j, key in enumerate(picks):
            kind, _, fname, _, call = SMOKE_CASES[key]
            if kind == "c":
                load = f"m = importlib.import_module('{fname}')"
            elif kind == "ctypes":
                load = f"lib = ctypes.CDLL('./{fname}.so')"
            else:
                load = f"from cffi import FFI\n    ffi = FFI(); ffi.cdef('int gong(int);')\n    lib = ffi.dlopen('./{fname}.so')"
            lines.append(f"try:\n    {load}\n    {call}\n    print('ok   {key} #{j}')\n    ok += 1\n"
                         f"except Exception:\n    print('FAIL {key} #{j}')\n    traceback.print_exc(file=sys.stdout)\n    failed += 1\n")
        lines.append("print(f'smoke: {ok} ok, {failed} failed')\n")
        (d / f"smoke_{k}.py").write_text("".join(lines))
        cap(f"import-smoke-{k}", f"{PY} smoke_{k}.py", d, N_SMOKE, timeout=200, typed=f"python smoke_{k}.py")


# SWIG interfaces over a C++ header with things SWIG warns about, and syntax faults
SWIG_H = '''#include <string>
#include <vector>
class Movement;
class Escapement : public Movement {
public:
    Escapement(double beat);
    double beat() const;
    Escapement operator+(const Escapement &o) const;
    bool operator==(const Escapement &o) const;
    Escapement &operator=(const Escapement &o);
    void regulate(int turns);
    void regulate(long turns);
    void regulate(short turns);
    int operator[](int i) const;
    struct Pallet { int teeth; } pallet;
    double (*hook)(double);
};
'''
SWIG_FAULTS = [
    "%rename(tick) Escapement::beat;\n",
    "%typemap(in) int {\n  $1 = PyLong_AsLong($input);\n",
    "class Broken { int x }\n",
    "%extend Escapement {\n  double doubled() { return $self->beat() * 2; }\n};\n",
    "%include \"missing_bell.h\"\n",
    "%template(BeatList) std::vector<double>;\n",
    "%apply double *OUTPUT { double *swing };\nvoid swing(double *swing);\n",
    "%ignore Escapement::hook;\n%feature(\"nosuchfeature\") Escapement;\n",
]


def step_swig(tmp):
    for k, n in enumerate([2, 5, 9]):
        d = tmp / f"swig{k}"
        d.mkdir()
        rng = random.Random(45980 + k)
        files = []
        for j, nm in enumerate(names(rng, n)):
            (d / f"{nm}.h").write_text(SWIG_H.replace("Escapement", nm.title().replace("_", "")))
            cls = nm.title().replace("_", "")
            body = f"%module {nm}\n%{{\n#include \"{nm}.h\"\n%}}\n"
            for fault in rng.sample(SWIG_FAULTS, rng.randint(1, 3)):
                body += fault.replace("Escapement", cls)
            body += f"%include \"{nm}.h\"\n"
            (d / f"{nm}.i").write_text(body)
            files.append(f"{nm}.i")
        cmd = f"for f in {' '.join(files)}; do echo \"== swig $f\"; swig -python -c++ -Wall -Wextra -outdir out $f; done"
        (d / "out").mkdir()
        (d / "swig_all.sh").write_text(cmd + "\n")  # `nice` runs a program, not a shell loop
        cap(f"swig-{k}", "sh swig_all.sh", d, N_SWIG, timeout=300, typed=cmd)


# Fortran routines for f2py, faults put in
F_GOOD = '''subroutine {nm}_period(length, n, periods)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: length(n)
  double precision, intent(out) :: periods(n)
  integer :: i
  do i = 1, n
     periods(i) = 2.0d0 * 3.141592653589793d0 * sqrt(length(i) / 9.81d0)
  end do
end subroutine {nm}_period
'''
F_FAULTS = [
    "subroutine {nm}_wind(turns, torque)\n  implicit none\n  integer, intent(in) :: turns\n  double precision, intent(out) :: torque\n  torque = turns * spring_rate\nend subroutine {nm}_wind\n",
    "subroutine {nm}_strike(hour, strikes)\n  implicit none\n  integer, intent(in) :: hour\n  integer, intent(out) :: strikes\n  integer :: unused\n  strikes = mod(hour, 12)\nend subroutine {nm}_strike\n",
    "subroutine {nm}_bell(n, tone)\n  implicit none\n  integer, intent(in) :: n\n  real, intent(out) :: tone\n  tone = 'bong'\nend subroutine {nm}_bell\n",
    "subroutine {nm}_gears(n, teeth)\n  implicit none\n  integer, intent(in) :: n\n  integer, intent(out) :: teeth(n)\n  integer :: i\n  do i = 1, n\n     teeth(i) = i * 12\nend subroutine {nm}_gears\n",
    "subroutine {nm}_dial(h, m)\n  implicit none\n  real, intent(in) :: h\n  integer, intent(out) :: m\n  m = h * 60.0\nend subroutine {nm}_dial\n",
]


def step_f2py(tmp):
    for k, n in enumerate([1, 3]):
        d = tmp / f"f2py{k}"
        d.mkdir()
        rng = random.Random(45990 + k)
        files = []
        for j, nm in enumerate(names(rng, n)):
            body = F_GOOD.format(nm=nm) + "\n" + "\n".join(f.format(nm=nm) for f in rng.sample(F_FAULTS, 2 + k))
            (d / f"{nm}.f90").write_text(body)
            files.append(f"{nm}.f90")
        cap(f"f2py-{k}", f"{VENV}/bin/f2py -c -m tower{k} {' '.join(files)} --build-dir bld --backend meson", d, N_F2PY, timeout=600,
            env={"FFLAGS": "-Wall", "PATH": f"{VENV}/bin:{os.environ['PATH']}"},
            typed=f"FFLAGS=-Wall f2py -c -m tower{k} {' '.join(files)} --build-dir bld --backend meson")


# pex and shiv over local projects; wheels of setuptools and wheel fetched once for offline builds
def proj(d, name, deps, broken=False):
    d.mkdir(parents=True)
    pkg = name.replace("-", "_")
    (d / pkg).mkdir()
    (d / pkg / "__init__.py").write_text('"""A clock tower part."""\n')
    (d / pkg / "cli.py").write_text("def main():\n    print('the tower strikes twelve')\n")
    dep = ", ".join(f'"{x}"' for x in deps)
    (d / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=61", "wheel"]\nbuild-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{name}"\nversion = "1.4.{len(deps)}"\ndependencies = [{dep}]\n'
        + ("requires-python = \">=3.8\"\n[tool.setuptools]\npackages = [\"nonexistent_pkg\"]\n" if broken else
           f'\n[tool.setuptools]\npackages = ["{pkg}"]\n'))


def packers_material(tmp):
    wh = TOOLS / "wheels"
    if not list(wh.glob("setuptools-*.whl")):
        cm.run(f"{VENV}/bin/pip download -q -d {wh} setuptools wheel", env=cm.PIP_ENV, timeout=300)
    d = tmp / "pack"
    if not d.exists():
        proj(d / "tower-chimes", "tower-chimes", [])
        proj(d / "tower-bells", "tower-bells", ["tower-chimes", "bell-ropes>=2.0"])
        proj(d / "tower-dial", "tower-dial", ["tower-chimes"], broken=True)
        proj(d / "tower-hands", "tower-hands", ["tower-chimes", "escapement-gears==0.9.1", "pendulum-bob<1"])
    return wh, d


def step_pex(tmp):
    wh, d = packers_material(tmp)
    for k, (projs, extra) in enumerate([(["tower-chimes", "tower-bells"], ""), (["tower-dial"], "-v"),
                                        (["tower-chimes", "tower-hands"], "-v"), (["tower-chimes"], "-vv")]):
        p = " ".join(f"./{x}" for x in projs)
        cap(f"pex-{k}", f"{VENV}/bin/pex {p} --no-pypi -f {wh} {extra} -c tower-chimes -o tower{k}.pex", d, N_PEX,
            timeout=400, env={"PATH": f"{VENV}/bin:{os.environ['PATH']}", "PEX_ROOT": str(tmp / "pexroot")},
            typed=f"pex {p} --no-pypi -f wheels {extra} -c tower-chimes -o tower{k}.pex")


def step_shiv(tmp):
    wh, d = packers_material(tmp)
    for k, projs in enumerate([["tower-chimes"], ["tower-chimes", "tower-bells"], ["tower-dial"],
                               ["tower-chimes", "tower-hands"]]):
        p = " ".join(f"./{x}" for x in projs)
        cap(f"shiv-{k}", f"{VENV}/bin/shiv -e tower_chimes.cli:main -o tower{k}.pyz --no-index -f {wh} {p}", d, N_SHIV,
            timeout=400, env={"PATH": f"{VENV}/bin:{os.environ['PATH']}"},
            typed=f"shiv -e tower_chimes.cli:main -o tower{k}.pyz --no-index -f wheels {p}")


STEPS = [step_numba_typing, step_numba_warn, step_numba_sysinfo, step_cython, step_cythonize, step_pybind11,
         step_build_ext, step_cffi, step_smoke, step_swig, step_f2py, step_pex, step_shiv]


def ensure_tools():
    cm.install_venv(VENV, "shiv", PY_TOOLS)
    cm.ensure_apt("swig", "swig")
    cm.ensure_apt("gfortran", "gfortran")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide459", sys.modules["__main__"])
    main()
