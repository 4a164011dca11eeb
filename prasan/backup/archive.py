"""One backup archive of the whole office: the database, every uploaded/rendered file, and a
manifest with each member's SHA-256 and the schema's migrations — and its restore.

Layout of the .tar.gz:
    manifest.json            format, when, database vendor, migrations applied, members' SHA-256
    database/prasan.sqlite3  SQLite's online backup (consistent while the office keeps working)
    database/prasan.pgdump   or pg_dump's custom format (PostgreSQL)
    media/...                the files under MEDIA_ROOT
    secret_key               the signing key, so reply links already sent still work after a restore

Restore refuses an archive whose members do not match the manifest (damaged or altered), one made
by a newer Prasan (migrations this code does not know), and a target that is not empty.
"""

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A refusal, with the reason in Thai."""


@dataclass
class Target:
    """Where a backup is read from or restored into: a database's settings and a media folder."""

    database: dict
    media_root: Path
    secret_key_file: Path | None = None

    @classmethod
    def current(cls, alias: str = "default") -> "Target":
        return cls(dict(connections[alias].settings_dict), Path(settings.MEDIA_ROOT),
                   Path(settings.DATA_DIR) / "secret_key")

    @property
    def vendor(self) -> str:
        return "postgresql" if "postgresql" in self.database["ENGINE"] else "sqlite"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _pg_env(database: dict) -> dict:
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    return env


def _pg_args(database: dict) -> list[str]:
    args = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    return args


def _dump_database(target: Target, into: Path) -> Path:
    if target.vendor == "sqlite":
        out = into / "prasan.sqlite3"
        source = sqlite3.connect(str(target.database["NAME"]))
        copy = sqlite3.connect(str(out))
        try:
            source.backup(copy)  # SQLite's online backup: a consistent copy while others write
        finally:
            copy.close()
            source.close()
        return out
    out = into / "prasan.pgdump"
    result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(out),
                             *_pg_args(target.database)], env=_pg_env(target.database), capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_dump ไม่สำเร็จ: {result.stderr.strip()[:500]}")
    return out


def applied_migrations(alias: str = "default") -> list[str]:
    recorder = MigrationRecorder(connections[alias])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def backup(out: Path, target: Target | None = None, alias: str = "default") -> dict:
    """Write the archive to `out` (written beside it first, then renamed, so a half-written
    archive never carries the final name). Returns the manifest."""
    target = target or Target.current(alias)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="prasan-backup-", dir=out.parent) as work:
        work = Path(work)
        (work / "database").mkdir()
        dump = _dump_database(target, work / "database")
        members = {f"database/{dump.name}": sha256_file(dump)}
        media = sorted(p for p in target.media_root.rglob("*") if p.is_file()) if target.media_root.exists() else []
        for path in media:
            members["media/" + path.relative_to(target.media_root).as_posix()] = sha256_file(path)
        key = target.secret_key_file
        if key is not None and key.exists():
            members["secret_key"] = sha256_file(key)
        manifest = {
            "format": FORMAT, "created_at": timezone.now().isoformat(), "database": target.vendor,
            "migrations": applied_migrations(alias), "files": members,
        }
        partial = work / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
            tar.add(dump, arcname=f"database/{dump.name}")
            for path in media:
                tar.add(path, arcname="media/" + path.relative_to(target.media_root).as_posix())
            if "secret_key" in members:
                tar.add(key, arcname="secret_key")
        os.replace(partial, out)
    return manifest


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def read_checked(archive: Path, into: Path) -> dict:
    """Unpack `archive` into `into` and check it: every member listed with the right SHA-256, nothing
    extra, no path outside the folder. Returns the manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            names = [m.name for m in tar.getmembers()]
            if "manifest.json" not in names:
                raise BackupError("ไม่ใช่ไฟล์สำรองของประสาน (ไม่มี manifest.json)")
            tar.extractall(into, filter="data")  # "data" refuses absolute paths, .., links out, devices
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"เปิดไฟล์สำรองไม่ได้ หรือไฟล์เสียหาย: {error}") from error
    try:
        manifest = json.loads((into / "manifest.json").read_text(encoding="utf-8"))
        files = manifest["files"]
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError("manifest.json ของไฟล์สำรองเสียหาย") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"ไฟล์สำรองรูปแบบที่ {manifest.get('format')} ประสานรุ่นนี้อ่านได้เฉพาะรูปแบบที่ {FORMAT}")
    present = {n for n in names if (into / n).is_file()} - {"manifest.json"}
    if present != set(files):
        extra, missing = sorted(present - set(files)), sorted(set(files) - present)
        raise BackupError(f"ไฟล์ในสำเนาไม่ตรงกับรายการ (เกิน {extra[:3]} ขาด {missing[:3]}) สำเนาถูกแก้ไขหรือเสียหาย")
    for name, expected in files.items():
        if sha256_file(into / name) != expected:
            raise BackupError(f"ค่าตรวจสอบ SHA-256 ของ {name} ไม่ตรง สำเนาถูกแก้ไขหรือเสียหาย จึงไม่กู้คืน")
    newer = sorted(set(manifest.get("migrations", [])) - known_migrations())
    if newer:
        raise BackupError("สำเนานี้มาจากประสานรุ่นที่ใหม่กว่า (โครงสร้างฐานข้อมูล "
                          f"{', '.join(newer[:3])}) ติดตั้งรุ่นเดียวกันหรือใหม่กว่าก่อนแล้วจึงกู้คืน")
    return manifest


def _database_is_empty(target: Target) -> bool:
    if target.vendor == "sqlite":
        path = Path(target.database["NAME"])
        if not path.exists() or path.stat().st_size == 0:
            return True
        with sqlite3.connect(str(path)) as db:
            return not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchone()
    import psycopg

    with psycopg.connect(**_psycopg_kwargs(target.database)) as db:
        return not db.execute("SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1").fetchone()


def _psycopg_kwargs(database: dict) -> dict:
    kwargs = {"dbname": database["NAME"]}
    for ours, theirs in (("HOST", "host"), ("PORT", "port"), ("USER", "user"), ("PASSWORD", "password")):
        if database.get(ours):
            kwargs[theirs] = str(database[ours])
    return kwargs


def restore(archive: Path, target: Target) -> dict:
    """Restore `archive` into an empty database and media folder. Returns the manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"ไม่พบไฟล์สำรอง {archive}")
    if not _database_is_empty(target):
        raise BackupError("ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว กู้คืนได้เฉพาะลงฐานข้อมูลว่าง (ไม่เขียนทับข้อมูลเดิม)")
    if target.media_root.exists() and any(p.is_file() for p in target.media_root.rglob("*")):
        raise BackupError(f"โฟลเดอร์ไฟล์ปลายทาง {target.media_root} มีไฟล์อยู่แล้ว กู้คืนได้เฉพาะลงโฟลเดอร์ว่าง")
    work_parent = target.media_root.parent
    work_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="prasan-restore-", dir=work_parent) as work:
        work = Path(work)
        manifest = read_checked(archive, work)
        if manifest["database"] != target.vendor:
            raise BackupError(f"สำเนานี้เป็นฐานข้อมูล {manifest['database']} แต่ปลายทางเป็น {target.vendor}")
        _restore_database(work / "database", target)
        if (work / "media").exists():
            target.media_root.mkdir(parents=True, exist_ok=True)
            for path in sorted((work / "media").rglob("*")):
                if path.is_file():
                    dest = target.media_root / path.relative_to(work / "media")
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, dest)
        key = target.secret_key_file
        if key is not None and (work / "secret_key").exists() and not key.exists():
            key.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / "secret_key", key)
            key.chmod(0o600)
    return manifest


def _restore_database(folder: Path, target: Target) -> None:
    if target.vendor == "sqlite":
        dest_path = Path(target.database["NAME"])
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(str(folder / "prasan.sqlite3"))
        dest = sqlite3.connect(str(dest_path))
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        return
    result = subprocess.run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                             *_pg_args(target.database), str(folder / "prasan.pgdump")],
                            env=_pg_env(target.database), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_restore ไม่สำเร็จ: {result.stderr.strip()[:500]}")


def nightly(folder: Path, keep: int, now: dt.datetime | None = None) -> tuple[Path | None, list[Path]]:
    """Today's backup into `folder` unless there is one already; then only the newest `keep` stay.
    Returns (the archive written or None, the archives removed)."""
    now = timezone.localtime(now or timezone.now())
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = None
    if not list(folder.glob(f"prasan-{now:%Y%m%d}-*.tar.gz")):
        written = folder / f"prasan-{now:%Y%m%d-%H%M%S}.tar.gz"
        backup(written)
    archives = sorted(folder.glob("prasan-*.tar.gz"))
    removed = archives[:-keep] if keep > 0 else []
    for old in removed:
        old.unlink()
    return written, removed
