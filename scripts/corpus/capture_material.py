"""Helpers the agent rounds' material scripts share (capture_wide200_mat.py and its successors): bugs put into a
package's sources, a git history built by committing a pristine sdist in steps, and a seeded application log."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run

GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 9 + ["WARNING"] * 3 + ["ERROR"]


def put_bugs(root: Path, bugs) -> None:
    for rel, old, new in bugs:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def history(tmp: Path, src: Path, name: str, sdist_dir: str, rels: list[str], people: list[tuple[str, str]],
            seed: int, step: int, bugs) -> Path:
    """A git history of the pristine sdist (found in `src`): its other files first, then `rels` committed `step`
    lines at a time; the bugs put in afterwards, uncommitted."""
    repo = tmp / f"{name}-git"
    pristine = tmp / f"pristine-{name}"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(src.glob(sdist_dir + '.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / sdist_dir} {repo} && rm -rf {pristine}")
    keep = {rel: (repo / rel).read_text() for rel in rels}
    for rel in rels:
        (repo / rel).unlink()
    who0 = {"GIT_AUTHOR_NAME": people[0][0], "GIT_AUTHOR_EMAIL": people[0][1],
            "GIT_COMMITTER_NAME": people[0][0], "GIT_COMMITTER_EMAIL": people[0][1]}
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Import packaging, docs and licence'",
        cwd=repo, env={**GIT_ENV, **who0, "GIT_AUTHOR_DATE": "2025-03-03 10:12:00", "GIT_COMMITTER_DATE": "2025-03-03 10:12:00"})
    rnd = random.Random(seed)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 26:02d}-{1 + n % 26:02d} {8 + j % 10:02d}:{rnd.randint(10, 59)}:00"
            nm, em = people[n % len(people)]
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who0, "GIT_AUTHOR_NAME": nm, "GIT_AUTHOR_EMAIL": em, "GIT_AUTHOR_DATE": stamp,
                     "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo, bugs)
    return repo


def app_log(path: Path, seed: int, n: int, loggers: list[str], msgs: dict, pid: int, day: str) -> None:
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        lvl = rnd.choice(LOG_LEVELS)
        ts = f"{day} {6 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 7) % 60:02d},{rnd.randint(0, 999):03d}"
        lines.append(f"{ts} {lvl} {rnd.choice(loggers)} [{pid + rnd.randint(0, 3)}] " + msgs[lvl](rnd))
    path.write_text("\n".join(lines) + "\n")
