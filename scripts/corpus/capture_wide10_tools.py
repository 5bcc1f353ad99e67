"""Round 10, Python tooling: sphinx-build warnings, uv's add/sync, tree and pip compile, an ansible-playbook run on
localhost. Run through capture_wide10.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_more import add_or_skip as add, kind, mask, run, write_tree
from capture_wide10 import PIP_ENV, PY, VENV, grouped_rule, line_rule

BIN = VENV / "bin"


# ================================================================== sphinx, uv, ansible

n_sphinx = grouped_rule(
    "sphinx-build", "build",
    "Rules 1+3 on sphinx-build: every ERROR/CRITICAL line ('path.rst:12: ERROR: …', its own location on it); WARNING lines as one needle per (message shape, file); the closing 'build succeeded, N warnings.' / 'build finished with problems' line.",
    warn=r"^(\S*?)(:\d+)?: WARNING: (.*)|^WARNING: (.*)", key=lambda m: (mask(m.group(3) or m.group(4) or ""), m.group(1) or ""),
    hit=r"(ERROR|CRITICAL): ", summary=r"^build (succeeded|finished)")

SPHINX = {
    "conf.py": "project = 'orders'\nextensions = ['sphinx.ext.autodoc']\nhtml_theme = 'alabaster'\n",
    "index.rst": "Orders\n======\n\n.. toctree::\n   :maxdepth: 2\n\n   install\n   api\n   changelog\n   missing-page\n\nSee :ref:`config-ref` and :doc:`nowhere`.\n",
    "install.rst": "Install\n=======\n\nRun ``pip install orders``.\n\n.. code-block:: pyhton\n\n   import orders\n\n.. note::\nThis note has no body indent.\n\nSee `the guide <http://example.invalid>`_ and `the guide <http://example.invalid/2>`_.\n",
    "api.rst": "API\n===\n\n.. automodule:: orders.api\n   :members:\n\n.. function:: refund(order_id)\n\n   Refund an order.\n\n.. function:: refund(order_id)\n\n   Duplicate.\n\n.. unknown-directive:: x\n",
    "changelog.rst": "Changelog\n---------\n\n1.0\n===\n\n* first release [#12]_\n\nToo short\n~~\n",
    "orphan.rst": "Orphan\n======\n\nNot in any toctree.\n",
}

n_uv_lock = line_rule(
    "uv-lock", "pkg",
    "Rule 3 on uv lock / uv sync: the 'Resolved N packages' / 'Installed N packages' / 'Prepared' summary lines, and every error line ('error:', '× No solution found').",
    hit=r"^(Resolved|Installed|Prepared|Audited|Uninstalled) \d+ packages?|^error:|No solution found|^\s+╰─▶")


@kind("uv-tree", "pkg")
def n_uv_tree(lines):
    """Rule 5 on uv tree: every direct dependency (the lines one level under the project, '├── x v1' / '└── x v1'), and the project's own first line."""
    return [ln for ln in lines if re.match(r"^[├└]── \S+ v", ln)] + lines[:1]


@kind("uv-pip-compile", "pkg")
def n_uv_compile(lines):
    """Rules 3+5 on uv pip compile: the 'Resolved N packages' line, and the pinned line of every direct requirement (a 'name==version' line whose '# via' block names '-r requirements.in')."""
    out = [ln for ln in lines if ln.startswith("Resolved ")]
    for i, ln in enumerate(lines):
        if re.match(r"^[\w.-]+(\[[\w,]+\])?==\S+", ln):
            via = []
            for x in lines[i + 1:]:
                if not x.startswith("    #"):
                    break
                via.append(x)
            if any("-r requirements.in" in v for v in via):
                out.append(ln)
    return out


n_ansible = line_rule(
    "ansible-playbook", "log",
    "Rules 1+3 on ansible-playbook: every 'fatal:' / 'failed:' / '[ERROR]' / '[WARNING]' line, the PLAY RECAP rows whose failed= or unreachable= is not 0, and the 'PLAY RECAP' header.",
    hit=r"^fatal:|^failed:|\[ERROR\]|\[WARNING\]|^PLAY RECAP|failed=[1-9]|unreachable=[1-9]")

REQS_IN = "fastapi>=0.110\nuvicorn[standard]\nsqlalchemy>=2\nalembic\npydantic<2\nhttpx\nrich\n"
PLAYBOOK = '''- name: provision orders service (local)
  hosts: all
  gather_facts: false
  vars:
    app_dir: "{{ root }}/srv/orders"
    workers: [web, queue, cron, metrics]
  tasks:
    - name: create the app tree
      ansible.builtin.file: {path: "{{ app_dir }}/{{ item }}", state: directory, mode: "0755"}
      loop: "{{ workers }}"
    - name: render each worker's env file
      ansible.builtin.copy:
        dest: "{{ app_dir }}/{{ item }}/env"
        content: "WORKER={{ item }}\\nPORT={{ 8000 + idx }}\\n"
      loop: "{{ workers }}"
      loop_control: {index_var: idx}
    - name: check free disk
      ansible.builtin.command: df -k {{ root }}
      register: df
      changed_when: false
    - name: read the release marker
      ansible.builtin.slurp: {src: "{{ app_dir }}/RELEASE"}
      register: rel
      ignore_errors: true
    - name: validate every worker config
      ansible.builtin.shell: grep -q "PORT=800[0-2]" {{ app_dir }}/{{ item }}/env
      loop: "{{ workers }}"
    - name: never reached
      ansible.builtin.debug: {msg: done}
'''


def cap_tooling(tmp: Path) -> None:
    s = tmp / "sphinx"
    write_tree(s, SPHINX)
    add("sphinx-build-warnings", "sphinx-build -b html . _build",
        run(f"{BIN}/sphinx-build -b html . _build", cwd=s, timeout=300), n_sphinx)
    u = tmp / "uvproj"
    run(f"{BIN}/uv init --name orders-svc --no-workspace {u}", env={**PIP_ENV, "UV_CACHE_DIR": str(tmp / 'uvcache')})
    uenv = {**PIP_ENV, "UV_CACHE_DIR": str(tmp / "uvcache"), "UV_PYTHON": str(PY), "UV_PYTHON_DOWNLOADS": "never"}
    add("uv-add-sync", "uv add fastapi sqlalchemy alembic httpx pandas rich typer && uv sync",
        run(f"{BIN}/uv add fastapi sqlalchemy alembic httpx pandas rich typer 2>&1 && {BIN}/uv sync", cwd=u, env=uenv, timeout=600), n_uv_lock)
    add("uv-tree", "uv tree", run(f"{BIN}/uv tree", cwd=u, env=uenv, timeout=300), n_uv_tree)
    (tmp / "requirements.in").write_text(REQS_IN)
    add("uv-pip-compile", "uv pip compile requirements.in",
        run(f"{BIN}/uv pip compile requirements.in", cwd=tmp, env=uenv, timeout=300), n_uv_compile)
    a = tmp / "ansible"
    write_tree(a, {"play.yml": PLAYBOOK})
    add("ansible-playbook-local", "ansible-playbook -i localhost, -c local play.yml",
        run(f"{BIN}/ansible-playbook -i localhost, -c local -e root={a} -e ansible_python_interpreter={PY} play.yml", cwd=a,
            env={"ANSIBLE_NOCOLOR": "1", "ANSIBLE_LOCAL_TEMP": str(a / ".tmp"), "ANSIBLE_HOME": str(a / ".ansible")}, timeout=300), n_ansible)


STEPS = [cap_tooling]
