#!/usr/bin/env python3
"""Capture round 471 of the compression corpus: second samples of round 459's compiled and native-extension Python
kinds (numba, cython, cythonize -a, pybind11 in g++, an import smoke test, cffi, swig, f2py through meson,
setuptools build_ext, pex, shiv) and of round 464's Haskell toolchain kinds (ghc-pkg check/list/describe, cabal
test/check/solver, hspec's failed-examples and progress formatters, QuickCheck verboseCheck and labels, the RTS's
per-GC log and machine-readable stats), on a clock winder's round written here (`windround` and `arborkeep`:
winders, arbors, winding squares, chimes; seeds 47110+) with faults other than those rounds'.

No extractor is written here: every kind's needles come from round 459's or 464's extractor, imported
(NEEDLES.md, "Round 471", fixed before capture). Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide471.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide471.json  as {"version": 2, "items": [...]}, ids prefixed "wide471-".
Tools:   a venv in /dev/shm/hm-corpus-wide471/venv (numba, cython, pybind11, cffi, setuptools, wheel, pex, shiv,
         meson, ninja from PyPI); Debian's gcc, g++, gfortran, swig, ghc, cabal-install, hspec, QuickCheck.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide459 as w459  # noqa: E402  (extractors only)

ID_PREFIX = "wide471-"
DEFAULT_OUT = HERE / "data" / "wide471.json"
TMP = Path(os.environ.get("HM471_TMP", "/dev/shm/hm-corpus-wide471-run"))
TOOLS = Path(os.environ.get("HM471_TOOLS", "/dev/shm/hm-corpus-wide471"))
VENV = TOOLS / "venv"
PY = f"{VENV}/bin/python"
PY_TOOLS = ["numba", "cython", "pybind11", "cffi", "setuptools", "wheel", "pex", "shiv", "meson", "ninja"]

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=600, env=None, typed=None):
    add(item_id, typed or command, cm.run(f"nice timeout {timeout - 5} {command}", cwd=cwd, env=env, timeout=timeout),
        extractor)


# ------------------------------------------------------------------ material: a clock winder's round (seeds 47110+)

PARTS = ["arbor", "winder", "square", "chime", "click", "detent", "great_wheel", "barrel", "strike_train",
         "going_train", "maintaining_power", "bolt_and_shutter", "rack", "snail", "warning_wheel", "fly", "crank",
         "ratchet_wheel", "count_wheel", "weight_line"]
CLOCKS = ["st_marys", "town_hall", "corn_exchange", "market_cross", "all_saints", "guildhall", "station", "school",
          "almshouse", "abbey"]


def names(rng, n):
    return [f"{rng.choice(PARTS)}_{rng.choice(CLOCKS)}_{k}" for k in range(n)]


NUMBA_FAULTS = [
    ("    t = (n, 1.5, 'crank')\n    s = 0\n    for i in range(4):\n        s += t[i]\n    return s\n", "np.ones(3), 2"),
    ("    return np.empty(n / 2)\n", "np.ones(3), 4"),
    ("    return 'turns: %d' % n\n", "np.ones(2), 7"),
    ("    s = {1, 'arbor', 2.5}\n    return len(s) + n\n", "np.ones(2), 1"),
    ("    return (arr[i] * 2 for i in range(n))\n", "np.ones(4), 3"),
    ("    w = arr.winding_turns\n    return w * n\n", "np.ones(2), 2"),
    ("    out = np.zeros(n)\n    out[0] = 'tick'\n    return out\n", "np.ones(2), 3"),
    ("    d = dict(chime=n)\n    return d['chime'] + d.get('bells', 'none')\n", "np.ones(2), 4"),
    ("    return np.concatenate(arr, arr)\n", "np.ones(3), 0"),
    ("    return sorted(arr, key=lambda x: -x)\n", "np.ones(3), 0"),
]


def numba_script(seed, n):
    rng = random.Random(seed)
    body = ["import traceback\nimport numpy as np\nfrom numba import njit\n\n"]
    calls = []
    for k, fn in enumerate(names(rng, n)):
        src, args = NUMBA_FAULTS[rng.randrange(len(NUMBA_FAULTS))]
        body.append(f"@njit\ndef {fn}(arr, n):\n    '''turns of the {fn.split('_')[0]} on the round, stop {k}'''\n{src}\n\n")
        calls.append((fn, args))
    body.append("failed = 0\n")
    for fn, args in calls:
        body.append(f"try:\n    print('{fn} ->', {fn}({args}))\nexcept Exception:\n    failed += 1\n"
                    f"    print('*** {fn}: no machine code ***')\n    traceback.print_exc()\n")
    body.append(f"print('winding round jit:', failed, 'of', {n}, 'clocks not compiled')\n")
    return "".join(body)


def step_numba_typing(tmp):
    d = tmp / "numba"
    d.mkdir(exist_ok=True)
    for k, n in enumerate([3, 8, 20]):
        f = f"winding_jit_{k}.py"
        (d / f).write_text(numba_script(47110 + k, n))
        cap(f"numba-typing-{k}", f"{PY} {f}", d, w459.N_NUMBA_TYPING, timeout=500, typed=f"python {f}")


NUMBA_WARN_SRC = '''import traceback
import warnings
import numpy as np
from numba import njit, jit
warnings.simplefilter("always")
checked = 0
'''


def _guarded(fn, call):
    """a call whose failure prints its traceback and an `Error in` line, so the script goes on"""
    return (f"try:\n    print('{fn}', {call})\nexcept Exception as e:\n    traceback.print_exc()\n"
            f"    print('Error in {fn}:', type(e).__name__)\n")


def numba_warn_script(seed, n):
    rng = random.Random(seed)
    out = [NUMBA_WARN_SRC]
    for k, fn in enumerate(names(rng, n)):
        kind = rng.randrange(3)
        if kind == 0:  # a reflected list of lists
            out.append(f"@njit\ndef {fn}(rota):\n    s = 0\n    for day in rota:\n        s += len(day)\n    return s\n"
                       + _guarded(fn, f"{fn}([[1, 2], [3], [{k}, {k + 1}, {k + 2}]])"))
        elif kind == 1:  # object mode, with loop lifting, then a runtime fault
            out.append(f"@jit(forceobj=True)\ndef {fn}(a):\n    turns = 0\n    for x in a:\n        turns += int(x)\n"
                       f"    return turns // (len(a) - {k % 4 + 3})\n"
                       f"try:\n    print('{fn}', {fn}(np.ones({k % 4 + 3})))\nexcept ZeroDivisionError as e:\n"
                       f"    traceback.print_exc()\n    print('Error in {fn}: ZeroDivisionError', e)\n")
        else:  # a reflected set
            out.append(f"@njit\ndef {fn}(squares):\n    return len(squares) * {k + 1}\n"
                       + _guarded(fn, f"{fn}({{1, 2, {k + 3}}})"))
        out.append("checked += 1\n")
    out.append("print('chimes checked:', checked, 'winding functions')\n")
    return "".join(out)


def step_numba_warn(tmp):
    d = tmp / "numba"
    d.mkdir(exist_ok=True)
    for k, n in enumerate([6, 18]):
        f = f"chime_round_{k}.py"
        (d / f).write_text(numba_warn_script(47120 + k, n))
        cap(f"numba-warnings-{k}", f"{PY} -W always {f}", d, w459.N_NUMBA_WARN, timeout=500,
            typed=f"python -W always {f}")


def step_numba_sysinfo(tmp):
    cap("numba-sysinfo-0", f"{VENV}/bin/numba -s", tmp, w459.N_NUMBA_SYSINFO, timeout=200, typed="numba -s",
        env={"NUMBA_OPT": "0"})


PYX_GOOD = '''
cdef class {cls}:
    cdef public int teeth
    cdef public double turns_per_day
    def __init__(self, int teeth, double turns_per_day):
        self.teeth = teeth
        self.turns_per_day = turns_per_day
    cpdef double turns(self, int days):
        return self.turns_per_day * days
    def ratio(self, int other):
        cdef double r = self.teeth
        return r / other
'''
PYX_FAULTS = [
    "cdef class {fn}Square:\n    cdef int size\n    def wind(self):\n        self.turned = True\n        return self.size\n",
    "def {fn}(list rota):\n    cdef int n\n    with nogil:\n        n = len(rota)\n    return n\n",
    "def {fn}(int n):\n    cpdef int inner(int x):\n        return x\n    return inner(n)\n",
    "ctypedef struct {fn}_t\n    int teeth\n",
    "def {fn}(obj):\n    cdef int *p = &obj\n    return p[0]\n",
    "def {fn}(int n):\n    cdef unsigned int u = -1\n    return u + n\n",
    "def {fn}(double d):\n    cdef int i = d\n    return i\n",
    "def {fn}(n):\n    return [x for x in range(n) if x >\n",
    "cdef extern from \"winding_{k}.h\":\n    int crank_turns(int)\ndef {fn}(int n):\n    return crank_turns(n)\n",
    "def {fn}(int n):\n    cdef int result\n    return result + n\n",
]


def pyx_tree(root, seed, n):
    rng = random.Random(seed)
    files = []
    for k, fn in enumerate(names(rng, n)):
        body = PYX_GOOD.format(cls=fn.title().replace("_", "")) + "\n"
        for j in range(rng.randint(1, 3)):
            body += "\n" + rng.choice(PYX_FAULTS).format(fn=f"{fn}_{j}", k=j) + "\n"
        (root / f"{fn}.pyx").write_text("# cython: language_level=3\n" + body)
        files.append(f"{fn}.pyx")
    return files


def step_cython(tmp):
    for k, n in enumerate([4, 14, 40]):
        d = tmp / f"cython{k}"
        d.mkdir()
        files = pyx_tree(d, 47130 + k, n)
        cap(f"cython-cli-{k}", f"{VENV}/bin/cython -3 -Wextra {' '.join(files)}", d, w459.N_CYTHON, timeout=400,
            typed=f"cython -3 -Wextra {' '.join(files)}")


def step_cythonize(tmp):
    for k, n in enumerate([3, 5]):
        d = tmp / f"cythonize{k}"
        d.mkdir()
        rng = random.Random(47140 + k)
        files = []
        for j, fn in enumerate(names(rng, n)):
            body = "# cython: language_level=3\n" + PYX_GOOD.format(cls=fn.title().replace("_", ""))
            if j % 2 == 0:
                body += "\n" + rng.choice(PYX_FAULTS).format(fn=f"{fn}_x", k=j) + "\n"
            else:  # compiles in Cython; the C compiler warns on the verbatim C
                body += (f"\ncdef extern from *:\n    '''\n    static unsigned {fn}_fly(int x) {{ unsigned u = x; if (x < u) return 1; return u; }}\n"
                         f"    static int {fn}_rack(const char *s) {{ char *t = s; return t[0]; }}\n    '''\n"
                         f"    unsigned {fn}_fly(int x)\n\ndef fly_{j}(int x):\n    return {fn}_fly(x)\n")
            (d / f"{fn}.pyx").write_text(body)
            files.append(f"{fn}.pyx")
        cap(f"cythonize-a-{k}", f"{VENV}/bin/cythonize -a -i -j1 -k {' '.join(files)}", d, w459.N_CYTHONIZE_A,
            timeout=600, env={"CFLAGS": "-Wall -Wextra -O0"},
            typed=f"CFLAGS='-Wall -Wextra -O0' cythonize -a -i -j1 -k {' '.join(files)}")


PB_HEAD = '''#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <memory>
#include <string>
#include <vector>
namespace py = pybind11;

class Clock {
public:
    virtual ~Clock() = default;
    virtual int strikes(int hour) const { return hour % 12 ? hour % 12 : 12; }
};

class Winder : public Clock {
public:
    Winder(std::string name, int arbors) : name_(name), arbors_(arbors) {}
    int turns(int days) const { return days * arbors_ * 8; }
    int turns(int days, double rate) const { return static_cast<int>(days * rate); }
    std::vector<std::string> round() const { return {"st_marys", "guildhall"}; }
    std::string name_;
    int arbors_;
};
'''
PB_FAULTS = [
    '    .def("turns", py::overload_cast<int, int>(&Winder::turns, py::const_))\n',     # no such signature
    '    .def_readonly("round", &Winder::round)\n',                                     # a method as a field
    '    .def("first_stop", [](const Winder &w) -> const std::string & { std::string s = w.name_; return s; })\n',
    '    .def(py::init<std::string>())\n',                                              # no such constructor
    '    .def("strikes", &Clock::strikes, py::arg("hour"), py::arg("minute"), py::arg("bell"))\n',
    '    .def("wind_all", &Winder::wind_all)\n',                                        # no such member
    '    .def_property("arbors", &Winder::arbors_)\n',                                  # property needs getter+setter
]


def step_pybind11(tmp):
    d = tmp / "pybind"
    d.mkdir()
    inc = cm.run(f"{PY} -m pybind11 --includes").strip()
    for k, nf in enumerate([2, 5]):
        rng = random.Random(47150 + k)
        faults = rng.sample(PB_FAULTS, nf)
        src = PB_HEAD + (f'\nPYBIND11_MODULE(winding{k}, m) {{\n    py::class_<Clock, std::shared_ptr<Clock>>(m, "Clock");\n'
                         '    py::class_<Winder, Clock, std::unique_ptr<Winder>>(m, "Winder")\n'
                         '    .def(py::init<std::string, int>())\n' + "".join(faults) + "    ;\n}\n")
        (d / f"winding{k}.cpp").write_text(src)
        cmd = f"g++ -O0 -Wall -Wextra -shared -std=c++17 -fPIC {inc} winding{k}.cpp -o winding{k}.so"
        typed = f"g++ -O0 -Wall -Wextra -shared -std=c++17 -fPIC $(python3 -m pybind11 --includes) winding{k}.cpp -o winding{k}$(python3-config --extension-suffix)"
        cap(f"pybind11-gxx-{k}", cmd, d, w459.N_PYBIND, timeout=500, typed=typed)


C_GOOD = '''#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *turns(PyObject *self, PyObject *args) {
    int days, arbors;
    if (!PyArg_ParseTuple(args, "ii", &days, &arbors))
        return NULL;
    return PyLong_FromLong((long)days * arbors * 8);
}
'''
C_FAULTS = [
    "static PyObject *chime(PyObject *self, PyObject *args) {\n    int hour;\n    if (!PyArg_ParseTuple(args, \"ii\", &hour))\n        return NULL;\n    return PyLong_FromLong(hour % 12);\n}\n",
    "static PyObject *chime(PyObject *self, PyObject *args) {\n    int hour = 3;\n    if (hour > 12)\n        return PyLong_FromLong(hour);\n}\n",
    "static PyObject *chime(PyObject *self, PyObject *args) {\n    const char *bell = \"tenor\";\n    char *b = bell;\n    b[0] = 'T';\n    return PyUnicode_FromString(b);\n}\n",
    "static PyObject *chime(PyObject *self, PyObject *args) {\n    return PyLong_FromLong(wind_strike_train(12));\n}\n",
    "static PyObject *chime(PyObject *self, PyObject *args) {\n    int quarters[4] = {1, 2, 3, 4};\n    return PyLong_FromLong(quarters[4]) \n}\n",
]


def c_module(name, fault):
    return (C_GOOD + fault + f'''
static PyMethodDef methods[] = {{
    {{"turns", turns, METH_VARARGS, "crank turns for a week"}},
    {{"chime", (PyCFunction)chime, METH_VARARGS, "strike the hour"}},
    {{NULL, NULL, 0, NULL}}
}};
static struct PyModuleDef mod = {{PyModuleDef_HEAD_INIT, "{name}", NULL, -1, methods}};
PyMODINIT_FUNC PyInit_{name}(void) {{ return PyModule_Create(&mod); }}
''')


def step_build_ext(tmp):
    for k, (n, faults) in enumerate([(3, [0, 1, 2]), (8, [1, 1, 3, 0, 2, 1, 4, 1])]):
        d = tmp / f"buildext{k}"
        (d / "src").mkdir(parents=True)
        rng = random.Random(47160 + k)
        mods = [f"{p}_{c}" for p, c in zip(rng.sample(PARTS, n), rng.sample(CLOCKS, n))]
        for j, m in enumerate(mods):
            (d / "src" / f"{m}.c").write_text(c_module(m, C_FAULTS[faults[j]]))
        exts = ",\n    ".join(f'Extension("windround.{m}", ["src/{m}.c"], extra_compile_args=["-Wall", "-Wextra", "-O0"])'
                               for m in mods)
        (d / "setup.py").write_text(f"from setuptools import setup, Extension\n\nsetup(\n    name='windround',\n"
                                    f"    version='2.{k}.0',\n    packages=['windround'],\n    ext_modules=[\n    {exts}\n    ],\n)\n")
        (d / "windround").mkdir()
        (d / "windround" / "__init__.py").write_text('"""The winder\'s round."""\n')
        cap(f"build-ext-{k}", f"{PY} setup.py build_ext --inplace -j1", d, w459.N_BUILD_EXT, timeout=600,
            typed="python setup.py build_ext --inplace -j1")


CFFI_CASES = [
    ("int crank_turns(int days, int arbors);", "int crank_turns(int days, int arbors) { return days * arbors * 8; }"),
    ("struct square { int size; };\nint square_fit(struct square s, ...);",
     "struct square { int size; };\nint square_fit(struct square s, ...) { return s.size; }"),
    ("typedef winding_t rota_t;\nint rota_len(rota_t *r);", "int rota_len(void *r) { return 0; }"),
    ("int chime_quarters(int q);", "int chime_quarter(int q) { return q * 4; }"),
    ("struct { int teeth; } wheel;", "struct { int teeth; } wheel = {96};"),
    ("int fly_speed(int vanes) { return vanes * 2; }", ""),
    ("double weight_drop(double kg);", "double weight_drop(double kg) { double d; return kg * d; }"),
]


def cffi_script(seed, n):
    rng = random.Random(seed)
    out = ["import traceback\nfrom cffi import FFI\nok = failed = 0\n"]
    for k, nm in enumerate(names(rng, n)):
        cdef, csrc = CFFI_CASES[rng.randrange(len(CFFI_CASES))]
        out.append(f"print('--- ffi module _{nm}')\ntry:\n    ffi = FFI()\n    ffi.cdef({cdef!r})\n"
                   f"    ffi.set_source('_{nm}', {csrc!r}, extra_compile_args=['-Wall', '-Wextra', '-O0'])\n"
                   f"    lib_path = ffi.compile(verbose=True, tmpdir='build_{k}')\n"
                   f"    import importlib, sys\n    sys.path.insert(0, 'build_{k}')\n"
                   f"    importlib.import_module('_{nm}')\n    ok += 1\nexcept Exception:\n"
                   f"    failed += 1\n    traceback.print_exc()\n")
    out.append("print('winding ffi modules:', ok, 'built,', failed, 'failed')\n")
    return "".join(out)


def step_cffi(tmp):
    d = tmp / "cffi"
    d.mkdir()
    for k, n in enumerate([4, 9]):
        f = f"build_winding_ffi_{k}.py"
        (d / f).write_text(cffi_script(47170 + k, n))
        cap(f"cffi-build-{k}", f"{PY} {f}", d, w459.N_CFFI, timeout=600, typed=f"python {f}")


SMOKE_CASES = {
    "good": ("c", 0, "arbor_ok", "arbor_ok", "print(m.turns(7, 3))"),
    "implicit": ("c", 3, "strike_implicit", "strike_implicit", "print(m.chime())"),
    "argcount": ("c", 0, "rack_args", "rack_args", "print(m.chime(12))"),
    "noinit": ("c", 0, "snail_noinit", "snail_other", "print(m.turns(1, 1))"),
    "ctypes_sym": ("ctypes", None, "libwinder", None, "print(lib.winder_crank(3))"),
    "ctypes_ok": ("ctypes", None, "libwinder", None, "print(lib.winder_turns(7))"),
    "ctypes_arch": ("ctypes", None, "winding_notes", None, "print(lib.note(1))"),
    "cffi_sym": ("cffi", None, "libwinder", None, "print(lib.winder_weight(2))"),
}


def step_smoke(tmp):
    d = tmp / "smoke"
    d.mkdir()
    inc = cm.run(f"{PY} -c 'import sysconfig; print(sysconfig.get_paths()[\"include\"])'").strip()
    for key, (kind, fault, fname, modname, _) in SMOKE_CASES.items():
        if kind == "c" and not (d / f"{fname}.so").exists():
            (d / f"{fname}.c").write_text(c_module(modname, C_FAULTS[fault]))
            cm.run(f"nice timeout 200 gcc -O0 -shared -fPIC -I{inc} {fname}.c -o {fname}.so", cwd=d, timeout=200)
    (d / "libwinder.c").write_text("int winder_turns(int days) { return days * 8; }\n")
    cm.run("nice timeout 200 gcc -O0 -shared -fPIC libwinder.c -o libwinder.so", cwd=d, timeout=200)
    (d / "winding_notes.so").write_text("not a shared object: the winder's notes\n")
    for k, picks in enumerate([["good", "implicit", "ctypes_sym", "argcount", "ctypes_ok"],
                               list(SMOKE_CASES) + ["noinit", "implicit", "good", "cffi_sym"]]):
        lines = ["import importlib, traceback, sys, ctypes\nsys.path.insert(0, '.')\nok = failed = 0\n"]
        for j, key in enumerate(picks):
            kind, _, fname, _, call = SMOKE_CASES[key]
            if kind == "c":
                load = f"m = importlib.import_module('{fname}')"
            elif kind == "ctypes":
                load = f"lib = ctypes.CDLL('./{fname}.so')"
            else:
                load = f"from cffi import FFI\n    ffi = FFI(); ffi.cdef('int winder_weight(int);')\n    lib = ffi.dlopen('./{fname}.so')"
            lines.append(f"try:\n    {load}\n    {call}\n    print('ok   {key} #{j}')\n    ok += 1\n"
                         f"except Exception:\n    print('FAIL {key} #{j}')\n    traceback.print_exc(file=sys.stdout)\n    failed += 1\n")
        lines.append("print(f'smoke: {ok} ok, {failed} failed')\n")
        (d / f"smoke_{k}.py").write_text("".join(lines))
        cap(f"import-smoke-{k}", f"{PY} smoke_{k}.py", d, w459.N_SMOKE, timeout=200, typed=f"python smoke_{k}.py")


SWIG_H = '''#include <string>
class Winder {
public:
    Winder(int arbors);
    int turns(int days) const;
    Winder operator-(const Winder &o) const;
    Winder operator*(int k) const;
    bool operator<(const Winder &o) const;
    Winder &operator+=(int k);
    Winder operator++(int);
    operator int() const;
    void wind(int days);
    void wind(unsigned days);
    static const char *maker;
};
'''
SWIG_FAULTS = [
    "%extend Crankshaft {\n  int doubled() { return 2; }\n};\n",
    "%include \"missing_rota.h\"\n",
    "%{\n#include <vector>\n",
    "%rename(__add__) Winder::operator+;\n",
    "%ignore Winder::wind(unsigned);\n%newobject Winder::nothing_here;\n",
    "%typemap(out) Winder {\n  $result = SWIG_NewPointerObj(new Winder($1), $descriptor, 1);\n",
    "%constant int ARBORS = ;\n",
]


def step_swig(tmp):
    for k, n in enumerate([5, 8]):
        d = tmp / f"swig{k}"
        d.mkdir()
        rng = random.Random(47180 + k)
        files = []
        for j, nm in enumerate(names(rng, n)):
            cls = nm.title().replace("_", "")
            (d / f"{nm}.h").write_text(SWIG_H.replace("Winder", cls))
            body = f"%module {nm}\n%{{\n#include \"{nm}.h\"\n%}}\n"
            for fault in rng.sample(SWIG_FAULTS, rng.randint(1, 2)):
                body += fault.replace("Winder", cls)
            body += f"%include \"{nm}.h\"\n"
            (d / f"{nm}.i").write_text(body)
            files.append(f"{nm}.i")
        cmd = f"for f in {' '.join(files)}; do echo \"-- swig $f\"; swig -python -c++ -Wall -Wextra -outdir out $f; done"
        (d / "out").mkdir()
        (d / "swig_round.sh").write_text(cmd + "\n")  # `nice` runs a program, not a shell loop
        cap(f"swig-{k}", "sh swig_round.sh", d, w459.N_SWIG, timeout=300, typed=cmd)


F_GOOD = '''subroutine {nm}_torque(weight, radius, n, torque)
  implicit none
  integer, intent(in) :: n
  double precision, intent(in) :: weight(n), radius
  double precision, intent(out) :: torque(n)
  integer :: i
  do i = 1, n
     torque(i) = weight(i) * 9.81d0 * radius
  end do
end subroutine {nm}_torque
'''
F_FAULTS = [
    "subroutine {nm}_turns(days, turns)\n  implicit none\n  integer, intent(in) :: days\n  integer, intent(out) :: turns\n  turns = days * arbors_per_clock\nend subroutine {nm}_turns\n",
    "subroutine {nm}_rota(n, stops)\n  implicit none\n  integer, intent(in) :: n\n  integer, intent(out) :: stops(n)\n  integer :: i\n  do i = 1, n\n     stops(i) = i\n  end if\nend subroutine {nm}_rota\n",
    "subroutine {nm}_drop(n, heights)\n  implicit none\n  integer, intent(in) :: n\n  double precision, intent(out) :: heights(n)\n  double precision :: grid(n, n)\n  grid = 1.0d0\n  heights = grid\nend subroutine {nm}_drop\n",
    "subroutine {nm}_chime(q, bells)\n  implicit none\n  integer, intent(in) :: q\n  integer, intent(out) :: bells\n  real :: spare\n  bells = q * 4\nend subroutine {nm}_chime\n",
]


def step_f2py(tmp):
    d = tmp / "f2py0"
    d.mkdir()
    rng = random.Random(47190)
    files = []
    for nm in names(rng, 2):
        body = F_GOOD.format(nm=nm) + "\n" + "\n".join(f.format(nm=nm) for f in rng.sample(F_FAULTS, 3))
        (d / f"{nm}.f90").write_text(body)
        files.append(f"{nm}.f90")
    cap("f2py-0", f"{VENV}/bin/f2py -c -m windround {' '.join(files)} --build-dir bld --backend meson", d, w459.N_F2PY,
        timeout=600, env={"FFLAGS": "-Wall", "PATH": f"{VENV}/bin:{os.environ['PATH']}"},
        typed=f"FFLAGS=-Wall f2py -c -m windround {' '.join(files)} --build-dir bld --backend meson")


def proj(d, name, deps, backend="setuptools.build_meta"):
    d.mkdir(parents=True)
    pkg = name.replace("-", "_")
    (d / pkg).mkdir()
    (d / pkg / "__init__.py").write_text('"""A stop on the winder\'s round."""\n')
    (d / pkg / "cli.py").write_text("def main():\n    print('all clocks wound')\n")
    dep = ", ".join(f'"{x}"' for x in deps)
    (d / "pyproject.toml").write_text(
        f'[build-system]\nrequires = ["setuptools>=61", "wheel"]\nbuild-backend = "{backend}"\n\n'
        f'[project]\nname = "{name}"\nversion = "3.1.{len(deps)}"\ndependencies = [{dep}]\n\n'
        f'[tool.setuptools]\npackages = ["{pkg}"]\n')


def packers_material(tmp):
    wh = TOOLS / "wheels"
    if not list(wh.glob("setuptools-*.whl")):
        cm.run(f"{VENV}/bin/pip download -q -d {wh} setuptools wheel", env=cm.PIP_ENV, timeout=300)
    d = tmp / "pack"
    if not d.exists():
        proj(d / "wind-rota", "wind-rota", [])
        proj(d / "wind-chimes", "wind-chimes", ["wind-rota", "turret-bells~=4.2"])
        proj(d / "wind-squares", "wind-squares", ["wind-rota"], backend="setuptools.build_metta")
        proj(d / "wind-arbors", "wind-arbors", ["wind-rota", "clock-crank[fast]>=1.0", "weight-line==2.3.*"])
    return wh, d


def step_pex(tmp):
    wh, d = packers_material(tmp)
    env = {"PATH": f"{VENV}/bin:{os.environ['PATH']}", "PEX_ROOT": str(tmp / "pexroot")}
    for k, (projs, extra) in enumerate([(["wind-rota", "wind-chimes"], "-v"), (["wind-rota", "wind-squares"], ""),
                                        (["wind-rota", "wind-arbors"], "-v")]):
        p = " ".join(f"./{x}" for x in projs)
        cap(f"pex-{k}", f"{VENV}/bin/pex {p} --no-pypi -f {wh} {extra} -c wind-rota -o round{k}.pex", d, w459.N_PEX,
            timeout=500, env=env, typed=f"pex {p} --no-pypi -f wheels {extra} -c wind-rota -o round{k}.pex")


def step_shiv(tmp):
    wh, d = packers_material(tmp)
    for k, projs in enumerate([["wind-rota", "wind-squares"], ["wind-rota", "wind-arbors"], ["wind-rota"]]):
        p = " ".join(f"./{x}" for x in projs)
        cap(f"shiv-{k}", f"{VENV}/bin/shiv -e wind_rota.cli:main -o round{k}.pyz --no-index -f {wh} {p}", d,
            w459.N_SHIV, timeout=500, env={"PATH": f"{VENV}/bin:{os.environ['PATH']}"},
            typed=f"shiv -e wind_rota.cli:main -o round{k}.pyz --no-index -f wheels {p}")


PY_STEPS = [step_numba_typing, step_numba_warn, step_numba_sysinfo, step_cython, step_cythonize, step_pybind11,
            step_build_ext, step_cffi, step_smoke, step_swig, step_f2py, step_pex, step_shiv]


def ensure_tools():
    cm.install_venv(VENV, "shiv", PY_TOOLS)
    for tool in ("swig", "gfortran", "ghc", "cabal"):
        cm.have(tool, tool)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps():
    import capture_wide471_hs as hs
    return PY_STEPS + list(hs.STEPS)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide471", sys.modules["__main__"])
    main()
