"""Session CAs made one session ahead: taken once, checked cheaply, anything doubtful discarded."""

import datetime as dt
import os
import stat
from pathlib import Path

from cryptography import x509
from mitmproxy.certs import CertStore

from headroom_certs.ca import SESSION_VALIDITY, CaFiles
from headroom_certs.session import KEEP, SHELF_LIFE, STAMP, SessionCa, make_spare, spares_ready, sweep_spares


def _cert(files: CaFiles) -> x509.Certificate:
    return x509.load_pem_x509_certificate(files.cert.read_bytes())


def test_a_session_takes_the_spare_once_and_it_is_private_and_usable(tmp_path: Path):
    spares = tmp_path / "spares"
    ready = make_spare(spares)
    assert ready is not None and stat.S_IMODE(os.stat(spares).st_mode) == 0o700
    spare_cert = (ready / "mitmproxy-ca-cert.pem").read_bytes()
    with SessionCa(tmp_path, spares=spares) as first:
        assert first.from_spare and first.files.cert.read_bytes() == spare_cert
        for path in (first.files.key_and_cert, first.files.cert):
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(first.files.directory).st_mode) == 0o700
        store = CertStore.from_store(first.files.directory, "mitmproxy", 2048)
        assert store.get_cert("api.example.test", [x509.DNSName("api.example.test")]).cert.issuer == store.default_ca.subject
        left = _cert(first.files).not_valid_after_utc - dt.datetime.now(dt.timezone.utc)
        assert SESSION_VALIDITY < left <= SESSION_VALIDITY + SHELF_LIFE
        with SessionCa(tmp_path, spares=spares) as second:  # nothing left: made the old way
            assert not second.from_spare and second.files.cert.read_bytes() != spare_cert
    assert list(spares.iterdir()) == []


def test_only_keep_spares_are_made(tmp_path: Path):
    spares = tmp_path / "spares"
    for _ in range(KEEP + 2):
        make_spare(spares)
    assert spares_ready(spares) == KEEP


def _spoiled(tmp_path: Path, spoil) -> tuple[Path, Path]:
    spares = tmp_path / "spares"
    ready = make_spare(spares)
    assert ready is not None
    spoil(ready)
    return spares, ready


def _not_taken(tmp_path: Path, spares: Path, ready: Path) -> None:
    with SessionCa(tmp_path, spares=spares) as session:
        assert not session.from_spare and session.files.exists()
    assert not ready.exists()  # discarded, never offered again


def test_an_expired_spare_is_discarded(tmp_path: Path):
    spares = tmp_path / "spares"
    make_spare(spares, now=dt.datetime.now(dt.timezone.utc) - SHELF_LIFE - dt.timedelta(minutes=1))
    (ready,) = spares.iterdir()
    _not_taken(tmp_path, spares, ready)


def test_a_key_readable_by_others_is_discarded(tmp_path: Path):
    spares, ready = _spoiled(tmp_path, lambda d: os.chmod(d / "mitmproxy-ca.pem", 0o644))
    _not_taken(tmp_path, spares, ready)


def test_a_spare_without_its_stamp_is_discarded(tmp_path: Path):
    spares, ready = _spoiled(tmp_path, lambda d: (d / STAMP).unlink())
    _not_taken(tmp_path, spares, ready)


def test_a_symlinked_spare_is_not_followed(tmp_path: Path):
    elsewhere = make_spare(tmp_path / "elsewhere")
    spares = tmp_path / "spares"
    spares.mkdir(mode=0o700)
    (spares / "spare-link").symlink_to(elsewhere)
    with SessionCa(tmp_path, spares=spares) as session:
        assert not session.from_spare
    assert elsewhere is not None and (elsewhere / STAMP).exists()  # the link's target was never touched
    assert list(spares.iterdir()) == []  # and the link is gone


def test_spares_in_a_directory_others_can_enter_are_not_used(tmp_path: Path):
    spares = tmp_path / "spares"
    make_spare(spares)
    os.chmod(spares, 0o755)
    with SessionCa(tmp_path, spares=spares) as session:
        assert not session.from_spare


def test_what_dead_launchers_left_half_done_is_swept(tmp_path: Path):
    spares = tmp_path / "spares"
    spares.mkdir(mode=0o700)
    dead = [spares / "making-999999999-ab", spares / "taking-999999999-cd"]
    alive = spares / f"making-{os.getpid()}-ef"
    for d in (*dead, alive):
        d.mkdir()
    sweep_spares(spares)
    assert not any(d.exists() for d in dead) and alive.exists()
