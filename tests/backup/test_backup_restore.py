"""prasan backup → prasan restore: every table and every file identical, on SQLite and PostgreSQL;
a damaged, altered or newer-schema archive and a non-empty target are refused in Thai."""

import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from prasan.audit.models import AuditEvent
from prasan.backup.archive import BackupError, Target, backup, nightly, restore
from prasan.matters.models import MatterFile

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office_at_work(make_matter, users, settings):
    """Matters with files (one Thai-named, one binary), audit events, users with hashed passwords."""
    matter = make_matter(title="ขอข้อมูลครูผู้ช่วย", secrecy=1)
    make_matter(title="เรื่องที่สอง")
    for name, content in [("หนังสือตอบ สพฐ.pdf", b"%PDF-1.4\n" + os.urandom(3000)),
                          ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)]:
        record = MatterFile(matter=matter, name=name, sha256=hashlib.sha256(content).hexdigest(), size=len(content),
                            content_type="application/octet-stream", uploaded_by=users["coordinator"])
        record.file.save(name, ContentFile(content), save=True)
    return matter


def files_of(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def sqlite_tables(path) -> dict[str, list]:
    import sqlite3

    with sqlite3.connect(str(path)) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)  # noqa: S608
                for name in names}


def pg_tables(kwargs) -> dict[str, list]:
    import psycopg

    with psycopg.connect(**kwargs) as db:
        names = [r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname='public' ORDER BY 1")]
        tables = {}
        for name in names:
            rows = db.execute(f'SELECT * FROM "{name}"').fetchall()  # noqa: S608
            tables[name] = sorted(rows, key=repr)
        sequences = db.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname='public' "
                               "ORDER BY 1").fetchall()
        return {**tables, "(sequences)": sequences}


def pg_kwargs(database: dict, name: str | None = None) -> dict:
    from prasan.backup.archive import _psycopg_kwargs

    return _psycopg_kwargs({**database, "NAME": name or database["NAME"]})


@pytest.fixture
def fresh_target(tmp_path):
    """An empty database of the same kind as the suite's, and an empty data dir."""
    if connection.vendor == "sqlite":
        yield Target({"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "new" / "prasan.sqlite3"},
                     tmp_path / "new" / "media", tmp_path / "new" / "secret_key")
        return
    import psycopg

    name = f"prasan_restore_{uuid.uuid4().hex[:8]}"
    admin = pg_kwargs(connection.settings_dict, "postgres")
    with psycopg.connect(**admin, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    yield Target({**connection.settings_dict, "NAME": name}, tmp_path / "new" / "media", tmp_path / "new" / "secret_key")
    with psycopg.connect(**admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def tables_of(target: Target):
    if target.vendor == "sqlite":
        return sqlite_tables(target.database["NAME"])
    return pg_tables(pg_kwargs(target.database))


def test_a_round_trip_restores_every_table_and_every_file(office_at_work, fresh_target, tmp_path, settings):
    key = tmp_path / "secret_key"
    key.write_text("the-office-key-" + "k" * 40)
    source = Target.current()
    source.secret_key_file = key
    archive = tmp_path / "office.tar.gz"
    manifest = backup(archive, source)
    assert manifest["database"] == connection.vendor
    assert "accounts.0003_signin_security" in manifest["migrations"]
    assert sum(1 for n in manifest["files"] if n.startswith("media/")) == 2

    restored = restore(archive, fresh_target)
    assert restored["files"] == manifest["files"]
    before, after = tables_of(source), tables_of(fresh_target)
    assert set(before) == set(after) and len(before) > 40
    for table in before:
        assert after[table] == before[table], table
    assert files_of(fresh_target.media_root) == files_of(Path(settings.MEDIA_ROOT))
    assert len(before["matters_matter"]) == 2 and len(before["audit_auditevent"]) == 2
    assert fresh_target.secret_key_file.read_text() == key.read_text()


def test_the_archive_lists_each_member_with_its_sha256(office_at_work, tmp_path):
    archive = tmp_path / "office.tar.gz"
    backup(archive)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        for name, digest in manifest["files"].items():
            assert hashlib.sha256(tar.extractfile(name).read()).hexdigest() == digest


def rewrite(archive: Path, out: Path, change):
    """Copy an archive member by member, letting `change(name, data)` alter what it wants."""
    with tarfile.open(archive) as src, tarfile.open(out, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read() if member.isfile() else b""
            data = change(member.name, data)
            if data is None:
                continue
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            dst.addfile(info, io.BytesIO(data))
    return out


@pytest.fixture
def archive(office_at_work, tmp_path):
    path = tmp_path / "office.tar.gz"
    backup(path)
    return path


def test_a_tampered_file_is_refused(archive, fresh_target, tmp_path):
    def alter(name, data):
        return data[:-1] + b"X" if name.endswith(".pdf") else data

    with pytest.raises(BackupError, match="SHA-256"):
        restore(rewrite(archive, tmp_path / "bad.tar.gz", alter), fresh_target)
    assert not fresh_target.media_root.exists()


def test_a_tampered_database_is_refused(archive, fresh_target, tmp_path):
    def alter(name, data):
        if not name.startswith("database/"):
            return data
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:]

    with pytest.raises(BackupError, match="SHA-256"):
        restore(rewrite(archive, tmp_path / "bad.tar.gz", alter), fresh_target)


def test_a_file_slipped_in_is_refused(archive, fresh_target, tmp_path):
    bad = tmp_path / "slipped.tar.gz"
    with tarfile.open(bad, "w:gz") as out, tarfile.open(archive) as src:
        for member in src.getmembers():
            out.addfile(member, src.extractfile(member))
        extra = b"<script>"
        info = tarfile.TarInfo("media/matters/evil.html")
        info.size = len(extra)
        out.addfile(info, io.BytesIO(extra))
    with pytest.raises(BackupError, match="ไม่ตรงกับรายการ"):
        restore(bad, fresh_target)


def test_a_path_outside_the_folder_is_refused(archive, fresh_target, tmp_path):
    bad = tmp_path / "escape.tar.gz"
    with tarfile.open(bad, "w:gz") as out, tarfile.open(archive) as src:
        for member in src.getmembers():
            out.addfile(member, src.extractfile(member))
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = 1
        out.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(BackupError):
        restore(bad, fresh_target)
    assert not (tmp_path / "escaped.txt").exists()


def test_an_archive_from_a_newer_prasan_is_refused(archive, fresh_target, tmp_path):
    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"].append("matters.9999_from_the_future")
        return json.dumps(manifest).encode()

    with pytest.raises(BackupError, match="รุ่นที่ใหม่กว่า"):
        restore(rewrite(archive, tmp_path / "newer.tar.gz", newer), fresh_target)


def test_restore_refuses_a_database_that_is_not_empty(archive):
    with pytest.raises(BackupError, match="มีข้อมูลอยู่แล้ว"):
        restore(archive, Target.current())


def test_restore_refuses_a_media_folder_that_is_not_empty(archive, fresh_target):
    fresh_target.media_root.mkdir(parents=True)
    (fresh_target.media_root / "old.txt").write_text("เดิม")
    with pytest.raises(BackupError, match="มีไฟล์อยู่แล้ว"):
        restore(archive, fresh_target)


def test_a_damaged_archive_is_refused(tmp_path, fresh_target):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar at all")
    with pytest.raises(BackupError, match="เสียหาย"):
        restore(junk, fresh_target)


def test_the_backup_command_writes_one_archive_and_never_overwrites(office_at_work, tmp_path):
    out = tmp_path / "b.tar.gz"
    text = io.StringIO()
    call_command("backup", str(out), stdout=text)
    assert out.exists() and "สำรองข้อมูลแล้ว" in text.getvalue() and "ไฟล์ 2 ไฟล์" in text.getvalue()
    with pytest.raises(CommandError, match="ไม่เขียนทับ"):
        call_command("backup", str(out))


def test_nightly_keeps_the_newest_copies_and_runs_once_a_day(office_at_work, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in ("20261101", "20261102", "20261103"):
        (folder / f"prasan-{day}-020000.tar.gz").write_bytes(b"old")
    written, removed = nightly(folder, keep=2)
    assert written is not None and written.exists()
    assert [p.name for p in removed] == ["prasan-20261101-020000.tar.gz", "prasan-20261102-020000.tar.gz"]
    again, removed = nightly(folder, keep=2)
    assert again is None and removed == []
    assert len(list(folder.iterdir())) == 2


def test_the_nightly_task_uses_the_settings(office_at_work, tmp_path, settings):
    from prasan.backup.tasks import nightly_backup

    settings.BACKUP_DIR, settings.BACKUP_KEEP = tmp_path / "nightly", 3
    result = nightly_backup.enqueue().return_value
    assert Path(result["written"]).parent == tmp_path / "nightly"


@pytest.mark.skipif("os.environ.get('PRASAN_DATABASE_URL')", reason="the command-line round trip runs on SQLite")
def test_the_command_line_restores_into_an_empty_data_dir_and_the_office_works(archive, tmp_path):
    """`prasan restore` in a new data dir with no key yet: restored, migrated, the audit chain whole;
    a second restore over it is refused."""
    data = tmp_path / "restored"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRASAN_")}
    env["PRASAN_DATA_DIR"] = str(data)
    prasan = str(ROOT / ".venv" / "bin" / "prasan")
    result = subprocess.run([prasan, "restore", str(archive)], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "กู้คืนแล้ว" in result.stdout and "ครบถ้วน" in result.stdout
    events = sqlite_tables(data / "prasan.sqlite3")["audit_auditevent"]
    assert len(events) == AuditEvent.objects.count()
    assert files_of(data / "media") == files_of(Path(settings.MEDIA_ROOT))
    again = subprocess.run([prasan, "restore", str(archive)], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode != 0 and "มีข้อมูลอยู่แล้ว" in again.stderr


def test_the_tick_makes_the_nightly_backup_once_a_day_after_its_hour(office_at_work, tmp_path, settings):
    from prasan.tracking.tasks import run_tick

    settings.BACKUP_DIR, settings.BACKUP_KEEP, settings.BACKUP_AT = tmp_path / "nightly", 2, "02:00"

    def tick(day: int, hour: int):
        return run_tick(timezone.make_aware(dt.datetime(2026, 12, day, hour, 5)))

    def archives():
        return sorted(p.name for p in (tmp_path / "nightly").glob("*.tar.gz"))

    assert tick(1, 1)["backup_written"] == 0 and archives() == []  # before its hour
    assert tick(1, 2)["backup_written"] == 1 and archives() == ["prasan-20261201-020500.tar.gz"]
    assert tick(1, 3)["backup_written"] == 0 and len(archives()) == 1  # once a day
    tick(2, 2)
    tick(3, 2)
    assert archives() == ["prasan-20261202-020500.tar.gz", "prasan-20261203-020500.tar.gz"]  # the newest 2 kept
    text = io.StringIO()
    call_command("tick", "--now", "2026-12-04T02:30", stdout=text)
    assert "สำรองข้อมูลประจำคืน 1" in text.getvalue()


def test_a_failed_nightly_backup_is_counted_and_tried_again(office_at_work, tmp_path, settings):
    from prasan.tracking.tasks import run_tick

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    settings.BACKUP_DIR, settings.BACKUP_AT = blocked, "02:00"
    assert run_tick(timezone.make_aware(dt.datetime(2026, 12, 1, 3, 0)))["backup_failed"] == 1
    blocked.unlink()
    assert run_tick(timezone.make_aware(dt.datetime(2026, 12, 1, 3, 5)))["backup_written"] == 1
