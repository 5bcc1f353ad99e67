"""The settings model: fields, kinds and checks from the option table, without pydantic."""

import subprocess
import sys
from pathlib import Path

import pytest

from headroom_mitm.launcher.cli import main
from headroom_mitm.launcher.settings import GlobalOptions, SettingsError


def test_values_take_their_rows_kind(tmp_path):
    (tmp_path / "ca.pem").write_text("")
    options = GlobalOptions(state_dir=str(tmp_path), llm_hosts=["a.test"], tool_output_dirs=["/srv/out"],
                            store_days=2, upstream_ca=str(tmp_path / "ca.pem"))
    assert options.state_dir == tmp_path and options.llm_hosts == ("a.test",)
    assert options.tool_output_dirs == (Path("/srv/out"),) and options.upstream_ca == tmp_path / "ca.pem"
    assert isinstance(options.store_days, float) and options.store_days == 2.0


@pytest.mark.parametrize("field, value, message", [
    ("connect_retries", 11, "--connect-retries: must be ≤ 10"),
    ("connect_retries", "3", "--connect-retries: expected an integer"),
    ("connect_retries", True, "--connect-retries: expected an integer"),
    ("compress", "no", "--no-compress: expected true or false"),
    ("inspect", "some", "--inspect: expected one of llm, all"),
    ("llm_hosts", "a.test", "--llm-host: expected a list"),
    ("store_days", 0, "--store-days: must be > 0"),
    ("tool_output_dirs", ("rel",), "--tool-output-dir rel: must be an absolute path"),
])
def test_a_bad_value_is_refused_naming_its_option(tmp_path, field, value, message):
    with pytest.raises(SettingsError, match=message):
        GlobalOptions(state_dir=tmp_path, **{field: value})


def test_every_bad_option_is_named_at_once(capsys, tmp_path):
    assert main(["--state-dir", str(tmp_path), "--records-keep", "-1", "--store-days", "0", "proxy"]) == 2
    err = capsys.readouterr().err
    assert "--records-keep: must be ≥ 0" in err and "--store-days: must be > 0" in err


def test_replace_checks_the_changed_values(tmp_path):
    options = GlobalOptions(state_dir=tmp_path)
    assert options.replace(routes=("h=http://127.0.0.1:1",)).routes == ("h=http://127.0.0.1:1",)
    with pytest.raises(SettingsError, match="--route"):
        options.replace(routes=("bad",))


def test_the_settings_load_neither_pydantic_nor_the_stages_checkers(tmp_path):
    code = ("import sys; from headroom_mitm.launcher.settings import GlobalOptions; "
            f"GlobalOptions.from_cli({str(tmp_path)!r}); "
            "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'headroom_mitm.forward', "
            "'headroom_mitm.route', 'headroom_mitm.policy'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
