"""A few lines of one template, each naming a different thing, are content (issue #11, principle 7
of the log ranking): each instance stays; a template whose instances differ by numbers alone, a
table's rows, and a stream of many instances are still sampled."""

from __future__ import annotations

from headroom_mitm.compress.lineindex import LineIndex, zero_digits
from headroom_mitm.compress.names import named_instances

from tests.support import RULES, lossy_rendering

S = RULES

_SITE = "/srv/billing/.venv/lib/python3.12/site-packages"
_MIGRATIONS = [
    ("", "3e9a1c7b5d20", "create invoice"),
    ("3e9a1c7b5d20", "8b2f6d4e1a93", "add invoice currency"),
    ("8b2f6d4e1a93", "c4d7e2a9f015", "create payment"),
    ("c4d7e2a9f015", "f1a8b3c6d742", "index payment by invoice"),
    ("f1a8b3c6d742", "9d5c2e7f4b18", "backfill currency"),
    ("9d5c2e7f4b18", "a6e4f9b2c837", "rename invoice holder"),
]


_STACK = [
    ("alembic/config.py", "main", "CommandLine(prog=prog).main(argv=argv)"),
    ("alembic/config.py", "run_cmd", "fn(config, *positional, **kwarg)"),
    ("alembic/command.py", "upgrade", "script.run_env()"),
    ("alembic/script/base.py", "run_env", 'util.load_python_file(self.dir, "env.py")'),
    ("alembic/util/pyfiles.py", "load_python_file", "module = load_module_py(module_id, path)"),
    ("alembic/runtime/environment.py", "run_migrations", "self.get_context().run_migrations(**kw)"),
    ("alembic/runtime/migration.py", "run_migrations", "step.migration_fn(**kw)"),
    ("alembic/operations/ops.py", "alter_column", "return operations.invoke(alt)"),
    ("alembic/operations/base.py", "invoke", "return fn(self, operation)"),
    ("alembic/ddl/impl.py", "alter_column", "self._exec(base.ColumnName(table_name, column_name, name))"),
    ("alembic/ddl/impl.py", "_exec", "return conn.execute(construct, params)"),
    ("sqlalchemy/engine/base.py", "execute", "return meth(self, distilled_parameters, execution_options)"),
    ("sqlalchemy/sql/ddl.py", "_execute_on_connection", "return connection._execute_ddl(self, distilled_params, execution_options)"),
    ("sqlalchemy/engine/base.py", "_execute_ddl", "ret = self._execute_context(dialect, dialect.execution_ctx_cls._init_ddl)"),
    ("sqlalchemy/engine/base.py", "_execute_context", "return self._exec_single_context(dialect, context, statement, parameters)"),
    ("sqlalchemy/engine/base.py", "_exec_single_context", "self._handle_dbapi_exception(e, str_statement, effective_parameters, cursor, context)"),
    ("sqlalchemy/engine/base.py", "_handle_dbapi_exception", "raise sqlalchemy_exception.with_traceback(exc_info[2]) from e"),
    ("sqlalchemy/engine/default.py", "do_execute", "cursor.execute(statement, parameters)"),
    ("psycopg/cursor.py", "execute", "raise ex.with_traceback(None)"),
]


def _frame(path: str, line: int, fn: str, code: str) -> list[str]:
    return [f'  File "{_SITE}/{path}", line {line}, in {fn}', f"    {code}"]


def _alembic_upgrade_failing() -> str:
    lines = [
        "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.",
        "INFO  [alembic.runtime.migration] Will assume transactional DDL.",
    ]
    lines += [f"INFO  [alembic.runtime.migration] Running upgrade {a} -> {b}, {what}" for a, b, what in _MIGRATIONS]
    lines += ["Traceback (most recent call last):"]
    for k, (path, fn, code) in enumerate(_STACK):
        lines += _frame(path, 120 + 97 * k, fn, code)
    lines += [
        'psycopg.errors.UndefinedColumn: column "holder" does not exist',
        "[SQL: ALTER TABLE invoice RENAME COLUMN holder TO account_holder]",
    ]
    return "\n".join(lines) + "\n"


def test_each_migration_a_log_runs_stays_over_a_long_traceback() -> None:
    # Each "Running upgrade A -> B" names another migration: the one that failed is the last.
    text = _alembic_upgrade_failing()
    out = lossy_rendering(text, S)[1]
    assert "retrieve" in out  # the traceback's middle still goes
    for a, b, what in _MIGRATIONS:
        assert f"Running upgrade {a} -> {b}, {what}" in out


def _ld_debug() -> str:
    libs = ["libpython3.12.so.1.0", "libc.so.6", "libm.so.6", "libssl.so.3", "libcrypto.so.3", "libz.so.1", "libffi.so.8", "libmissing.so.2"]
    dirs = [f"/opt/py/lib/glibc-hwcaps/x86-64-v{v}" for v in (4, 3, 2)] + ["/opt/py/lib/tls/x86_64", "/opt/py/lib/tls", "/opt/py/lib/x86_64", "/opt/py/lib"]
    lines = []
    for lib in libs:
        lines += [f"     41822:\tfind library={lib} [0]; searching", f"     41822:\t search path={':'.join(dirs)}\t\t(RUNPATH from file python3)"]
        lines += [f"     41822:\t  trying file={d}/{lib}" for d in dirs]
        lines += ["     41822:"]
    for mod in _MODULES:
        lines += ["     41822:", f"     41822:\tcalling init: /opt/py/lib/python3.12/lib-dynload/{mod}.cpython-312-x86_64-linux-gnu.so", "     41822:"]
    lines += [
        "Traceback (most recent call last):",
        '  File "<string>", line 1, in <module>',
        '  File "/opt/py/lib/python3.12/ctypes/__init__.py", line 379, in __init__',
        "    self._handle = _dlopen(self._name, mode)",
        "                   ^^^^^^^^^^^^^^^^^^^^^^^^^",
        "OSError: libmissing.so.2: cannot open shared object file: No such file or directory",
    ]
    return "\n".join(lines) + "\n"


_MODULES = ["_ssl", "_socket", "math", "select", "array", "_struct", "binascii", "_datetime", "_sqlite3", "_ctypes",
            "_json", "_hashlib", "_blake2", "_bisect", "_random", "_heapq", "zlib", "_lzma", "_bz2", "_decimal"]  # fmt: skip


def test_each_library_a_loader_looks_for_and_starts_stays_among_the_paths_it_tries() -> None:
    # LD_DEBUG=libs: the 56 "trying file=" lines are a stream to sample; each "find library=" and
    # each "calling init:" line names what was looked for or started.
    text = _ld_debug()
    out = lossy_rendering(text, S)[1]
    assert out.count("trying file=") < 56
    for lib in ("libpython3.12.so.1.0", "libc.so.6", "libssl.so.3", "libz.so.1", "libffi.so.8", "libmissing.so.2"):
        assert f"     41822:\tfind library={lib} [0]; searching" in out
    for mod in _MODULES:
        assert f"calling init: /opt/py/lib/python3.12/lib-dynload/{mod}.cpython-312-x86_64-linux-gnu.so\n" in out


def _named(text: str) -> list[str]:
    index = LineIndex(text)
    return [index.lines[i] for i in named_instances(index, zero_digits(text).split("\n"))]


def test_instances_that_differ_by_their_digits_alone_are_a_repeat() -> None:
    # cmake over numbered sources: "page01" and "page02" differ as "12ms" and "13ms" do.
    text = "\n".join(f"[{4 * k:3d}%] Building C object CMakeFiles/book.dir/src/page{k:02d}.c.o" for k in range(14))
    assert _named(text) == []
    pages = ["intro", "setup", "usage", "config", "deploy", "faq", "api", "cli", "plugins", "testing", "release", "license"]
    text = "\n".join(f"[{4 * k:3d}%] Building C object CMakeFiles/book.dir/src/{p}.c.o" for k, p in enumerate(pages))
    assert len(_named(text)) == 12


def test_a_tables_rows_are_no_template() -> None:
    names = ["base-cmd.js", "npm.js", "display.js", "doctor.js", "cache.js", "profile.js", "publish.js", "view.js"]
    text = "\n".join(f"-rw-r--r-- root {10000 + 917 * k} /usr/lib/node_modules/npm/lib/{n}" for k, n in enumerate(names))
    assert _named(text) == []
    # polars prints a frame's cells apart by "┆": a row's first cells are no template either.
    text = "\n".join(f"│ {1000 + k}     ┆ eu-west  ┆ shipped  ┆ {k}   ┆ … ┆ {n}" for k, n in enumerate(names))
    assert _named(text) == []


def test_a_template_of_many_instances_is_sampled() -> None:
    # 5,000 distinct request paths: a stream, not a list of things.
    words = ["invoice", "payment", "refund", "customer", "ledger", "report", "export", "audit"]
    paths = [f"/api/{words[k % 8]}/{words[k // 8 % 8]}-{words[k // 64 % 8]}{words[k // 512 % 8]}{k}" for k in range(5000)]
    text = "\n".join(f"INFO  [shop.access] served GET {p} 200 {k % 40 + 2}ms" for k, p in enumerate(paths))
    assert _named(text) == []
    assert _named("\n".join(text.splitlines()[:40])) == []  # more than a few dozen
    assert len(_named("\n".join(text.splitlines()[:30]))) == 30


def test_few_instances_each_naming_another_thing_are_found() -> None:
    text = _alembic_upgrade_failing()
    assert [x for x in _named(text) if "Running upgrade" in x] == [
        f"INFO  [alembic.runtime.migration] Running upgrade {a} -> {b}, {what}" for a, b, what in _MIGRATIONS[1:]
    ]


def test_a_statement_is_no_template() -> None:
    # A traceback's source lines: one word ("return") before the name is a statement's.
    text = "\n".join(f"    return {f}(statement, parameters)" for f in ("meth", "fn", "self._exec_single_context", "connection._execute_clauseelement"))
    assert _named(text) == []


def test_a_tables_rows_are_sampled_by_the_tables_rules() -> None:
    # kubectl get events -o custom-columns, tab-separated: each row names its pod, but the rows
    # are a table's, sampled by its rules (head, tail, rare values).
    pods = [f"{app}-{suffix}" for app in ("web", "api", "worker", "cron") for suffix in ("x7k2p", "q9m4d", "h3n8s", "b5t6w", "z2c7f")]
    rows = ["LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE"]
    for k, pod in enumerate(pods):
        rows += [
            f"{k + 2}m\tNormal\tScheduled\tpod/{pod}\tSuccessfully assigned shop/{pod} to node-{k % 3}",
            f"{k + 2}m\tNormal\tPulled\tpod/{pod}\tContainer image already present on machine",
            f"{k + 2}m\tNormal\tStarted\tpod/{pod}\tStarted container",
        ]
    rows += [f"{k + 2}m\tNormal\tSuccessfulCreate\treplicaset/web-{k}\tCreated pod: web-{k}" for k in range(30)]
    out = lossy_rendering("\n".join(rows) + "\n", S)[1]
    assert sum(f"\tPulled\tpod/{pod}\t" in out for pod in pods) < len(pods)
