import datetime as dt
import os
import stat
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from mitmproxy.certs import CertStore

from headroom_certs.ca import CaFiles, create_ca, generate_ca
from headroom_certs.session import SessionCa, build_bundle, sweep_stale_session_dirs


def test_ca_extensions_and_validity():
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    key, cert = generate_ca("test CA", dt.timedelta(days=2), now=now)
    assert isinstance(key.curve, ec.SECP256R1)
    basic = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca is True and basic.value.path_length == 0
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    assert cert.not_valid_before_utc < now < cert.not_valid_after_utc
    assert cert.not_valid_after_utc - now == dt.timedelta(days=2)
    assert cert.issuer == cert.subject


def test_ca_files_are_private_and_loadable_by_mitmproxy(tmp_path: Path):
    files = create_ca(tmp_path / "ca", "test CA", dt.timedelta(days=1))
    assert stat.S_IMODE(os.stat(files.directory).st_mode) == 0o700
    for path in (files.key_and_cert, files.cert):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert b"PRIVATE KEY" not in files.cert.read_bytes()
    store = CertStore.from_store(files.directory, "mitmproxy", 2048)
    leaf = store.get_cert("api.example.test", [x509.DNSName("api.example.test")])
    assert leaf.cert.issuer == store.default_ca.subject
    assert x509.DNSName("api.example.test") in leaf.cert.altnames


def test_session_ca_is_removed_on_exit(tmp_path: Path):
    with SessionCa(tmp_path) as session:
        assert session.directory is not None
        directory = session.directory
        assert session.files.exists()
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    assert not directory.exists()


def test_session_ca_is_removed_when_the_body_raises(tmp_path: Path):
    try:
        with SessionCa(tmp_path) as session:
            directory = session.directory
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert directory is not None and not directory.exists()


def test_stale_session_dirs_of_dead_processes_are_swept(tmp_path: Path):
    dead = tmp_path / "headroom-mitm-999999999-abc"
    alive = tmp_path / f"headroom-mitm-{os.getpid()}-def"
    unrelated = tmp_path / "something-else"
    for d in (dead, alive, unrelated):
        d.mkdir()
    removed = sweep_stale_session_dirs(tmp_path)
    assert removed == [dead]
    assert alive.exists() and unrelated.exists()


def test_bundle_merges_the_users_file_first(tmp_path: Path):
    ours = create_ca(tmp_path / "ca", "ours", dt.timedelta(days=1))
    theirs = tmp_path / "corp.pem"
    theirs.write_bytes(CaFiles(ours.directory).cert.read_bytes().replace(b"\n", b"\n", 1).rstrip(b"\n"))
    out = tmp_path / "bundle.pem"
    warnings = build_bundle(out, ours.cert, str(theirs))
    assert warnings == []
    certs = x509.load_pem_x509_certificates(out.read_bytes())
    assert len(certs) == 2
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_bundle_with_unreadable_user_file_warns_and_keeps_ours(tmp_path: Path):
    ours = create_ca(tmp_path / "ca", "ours", dt.timedelta(days=1))
    out = tmp_path / "bundle.pem"
    warnings = build_bundle(out, ours.cert, str(tmp_path / "missing.pem"))
    assert len(warnings) == 1 and "missing.pem" in warnings[0]
    assert out.read_bytes() == ours.cert.read_bytes()
