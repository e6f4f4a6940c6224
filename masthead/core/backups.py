"""Backups that restore: ``masthead backup`` and ``masthead restore``.

A backup is one tar archive holding

- ``database.sqlite3`` (SQLite's online backup API) or ``database.pgdump``
  (``pg_dump --format=custom``): a consistent snapshot, taken while the site
  runs and writes;
- ``media/…``: the uploaded files, copied after the snapshot was taken, so
  that every file the snapshot refers to is there (uploads are never
  deleted; a file missing anyway is listed in the manifest);
- ``manifest.json``: the format, Masthead's version, the database engine,
  the applied migrations, the time, and a SHA-256 checksum of every member.

A restore checks the archive whole (checksums, member names, engine,
migrations) before it writes anything, and goes only into an empty site
unless it is told to replace what is there.

Media in a bucket (MEDIA_STORAGE=s3) are not copied into the archive: a
bucket holds far more than one archive should, and the provider keeps it
(versioning, replication, or a copy with ``rclone``/``aws s3 sync``:
README.md, "Backups"). The manifest says so (``media_storage``), and a
restore into a site whose media are in a bucket leaves the bucket alone.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

import masthead

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MEDIA = "media"
# Rows that `migrate` itself creates: a site holding only these is empty.
CREATED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass
class Manifest:
    engine: str
    created_at: str
    migrations: dict[str, list[str]]
    checksums: dict[str, str] = field(default_factory=dict)
    missing_media: list[str] = field(default_factory=list)
    # "local": the media files are in the archive; "s3": in the bucket.
    media_storage: str = "local"
    version: str = masthead.__version__
    format: int = FORMAT

    @property
    def database_member(self) -> str:
        return DATABASE_MEMBERS[self.engine]

    @property
    def media_files(self) -> list[str]:
        return sorted(name for name in self.checksums if name.startswith(MEDIA + "/"))


def media_in_bucket() -> bool:
    """Whether this site keeps its media in a bucket, backed up by its own means."""
    return settings.MEDIA_STORAGE != "local"


def engine() -> str:
    """The current database's engine: "sqlite" or "postgresql"."""
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


# -- backup ----------------------------------------------------------------------------


def create_backup(path: Path) -> Manifest:
    """Write a backup of the site to ``path`` (a new file; an existing one
    is never replaced). The archive appears whole or not at all."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} exists already; name a new file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        dump = Path(work) / "database"
        if engine() == "sqlite":
            manifest, referenced = _snapshot_sqlite(dump)
        else:
            manifest, referenced = _snapshot_postgresql(dump)
        partial = Path(work) / "archive.tar"
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            manifest.checksums[manifest.database_member] = _add_file(
                tar, dump, manifest.database_member
            )
            if media_in_bucket():
                manifest.media_storage = settings.MEDIA_STORAGE
            else:
                media = Path(settings.MEDIA_ROOT)
                for file in sorted(media.rglob("*")) if media.is_dir() else []:
                    if file.is_file() and not file.is_symlink():
                        name = f"{MEDIA}/{file.relative_to(media).as_posix()}"
                        manifest.checksums[name] = _add_file(tar, file, name)
                manifest.missing_media = sorted(
                    name for name in referenced if f"{MEDIA}/{name}" not in manifest.checksums
                )
            data = json.dumps(manifest.__dict__, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(partial, 0o600)
        os.link(partial, path)  # fails rather than replace a file made meanwhile
    return manifest


def _snapshot_sqlite(dump: Path) -> tuple[Manifest, set[str]]:
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    target = sqlite3.connect(dump)
    try:
        source.backup(target)  # all pages in one step: one consistent read
        target.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        (check,) = target.execute("PRAGMA integrity_check").fetchone()
        if check != "ok":
            raise BackupError(f"The database failed SQLite's integrity check: {check}")
        manifest = Manifest("sqlite", _now(), _applied_migrations(target.cursor()))
        return manifest, _referenced_files(target.cursor())
    finally:
        target.close()
        source.close()


def _snapshot_postgresql(dump: Path) -> tuple[Manifest, set[str]]:
    # pg_dump reads the snapshot of this transaction, so the list of files
    # and the migrations come from exactly the data it dumps.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        _pg("pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={dump}")
        manifest = Manifest("postgresql", _now(), _applied_migrations(cursor))
        return manifest, _referenced_files(cursor)


def _now() -> str:
    return timezone.now().isoformat(timespec="seconds")


def _applied_migrations(cursor) -> dict[str, list[str]]:
    cursor.execute('SELECT "app", "name" FROM "django_migrations" ORDER BY "app", "name"')
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def _referenced_files(cursor) -> set[str]:
    """The names of the files that the database's file fields refer to."""
    names = set()
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField):
                table, column = model._meta.db_table, f.column
                cursor.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" <> \'\'')  # noqa: S608 (names from the models, no input)
                names.update(name for (name,) in cursor.fetchall() if name)
    return names


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> str:
    """Add the file as ``name``; its SHA-256, of exactly the bytes archived."""
    with open(path, "rb") as f:
        info = tar.gettarinfo(fileobj=f, arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        hashing = _Hashing(f)
        tar.addfile(info, hashing)
        return hashing.hash.hexdigest()


class _Hashing:
    def __init__(self, file):
        self.file, self.hash = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.hash.update(data)
        return data


def _pg(program: str, *args: str, database: str | None = None) -> None:
    db = settings.DATABASES["default"]
    command = [program, "--no-password"]
    if db.get("HOST"):
        command.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        command.append(f"--port={db['PORT']}")
    if db.get("USER"):
        command.append(f"--username={db['USER']}")
    command += [*args, f"--dbname={database or db['NAME']}"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    if sslmode := db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    if shutil.which(program) is None:
        raise BackupError(f"{program} is needed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 (pg_dump or pg_restore: an argument list, no shell)
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


# -- restore ---------------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> Manifest:
    try:
        member = tar.getmember(MANIFEST)
        data = json.loads(tar.extractfile(member).read())
        manifest = Manifest(**data)
    except (KeyError, ValueError, TypeError, AttributeError) as e:
        raise BackupError("This is not a Masthead backup (no readable manifest).") from e
    if manifest.format != FORMAT or manifest.engine not in DATABASE_MEMBERS:
        raise BackupError(
            f"This backup has format {manifest.format}; this Masthead reads {FORMAT}."
        )
    return manifest


def check_archive(tar: tarfile.TarFile, manifest: Manifest) -> None:
    """Every member is named in the manifest, is a plain file with a safe
    name, and has its checksum; the database member is there."""
    seen = set()
    for member in tar.getmembers():
        if member.name == MANIFEST:
            continue
        if member.name not in manifest.checksums or not member.isfile():
            raise BackupError(
                f"The archive holds {member.name!r}, which its manifest does not list."
            )
        if not _safe(member.name):
            raise BackupError(f"The archive holds an unsafe name: {member.name!r}.")
        digest = hashlib.sha256()
        with tar.extractfile(member) as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != manifest.checksums[member.name]:
            raise BackupError(f"{member.name} is damaged (its checksum does not match).")
        seen.add(member.name)
    if missing := set(manifest.checksums) - seen:
        raise BackupError(f"The archive is incomplete: {', '.join(sorted(missing))} missing.")
    if manifest.database_member not in seen:
        raise BackupError("The archive holds no database.")


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and (name in DATABASE_MEMBERS.values() or (path.parts[0] == MEDIA and len(path.parts) > 1))
    )


def check_target(manifest: Manifest, force: bool) -> None:
    """Refuse an archive of another engine, of a newer Masthead, or (unless
    ``force``) a site that holds data."""
    if manifest.engine != engine():
        raise BackupError(
            f"This backup holds a {ENGINE_NAMES[manifest.engine]} database and this site "
            f"runs on {ENGINE_NAMES[engine()]}: restore it into a site on "
            f"{ENGINE_NAMES[manifest.engine]}."
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            f"This backup was made by a newer Masthead ({manifest.version}); its database has "
            f"migrations this one does not know: {', '.join(unknown)}."
        )
    if not force and (held := site_contents()):
        raise BackupError(
            "This site is not empty ("
            + ", ".join(f"{what}: {count}" for what, count in held.items())
            + "). Restore into an empty site, or pass --force to replace its database "
            "with the backup's (media files of the same name are replaced; others are kept)."
        )


def site_contents() -> dict[str, int]:
    """What the site holds beyond what `migrate` creates: rows per model and
    the number of media files. Empty for an empty site."""
    held = {}
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model._meta.label_lower in CREATED_BY_MIGRATE or model._meta.db_table not in tables:
            continue
        if count := model._default_manager.count():
            held[model._meta.label] = count
    if media_in_bucket():
        return held  # what a bucket holds, a restore leaves alone
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and (files := sum(1 for p in media.rglob("*") if p.is_file())):
        held["media files"] = files
    return held


def restore_backup(path: Path, force: bool = False) -> Manifest:
    """Bring a backup back into this site (see check_target)."""
    try:
        tar = tarfile.open(path, "r:")
    except (OSError, tarfile.TarError) as e:
        raise BackupError(f"Cannot read {path}: {e}") from e
    with tar, tempfile.TemporaryDirectory(prefix="masthead-restore-") as work:
        manifest = read_manifest(tar)
        check_archive(tar, manifest)
        check_target(manifest, force)
        dump = Path(work) / "database"
        with tar.extractfile(manifest.database_member) as src, open(dump, "wb") as dst:
            shutil.copyfileobj(src, dst)
        connections.close_all()
        if manifest.engine == "sqlite":
            _restore_sqlite(dump)
        else:
            _pg(
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                str(dump),
            )
        connections.close_all()
        # Into a bucket, the operator copies them (the restore command says how).
        if not media_in_bucket():
            _restore_media(tar, manifest)
    return manifest


def _restore_media(tar: tarfile.TarFile, manifest: Manifest) -> None:
    media = Path(settings.MEDIA_ROOT)
    for name in manifest.media_files:
        target = media.joinpath(*PurePosixPath(name).parts[1:])
        target.parent.mkdir(parents=True, exist_ok=True)
        with tar.extractfile(name) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)


def _restore_sqlite(dump: Path) -> None:
    database = Path(settings.DATABASES["default"]["NAME"])
    database.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(dump)
    target = sqlite3.connect(database, timeout=20)
    try:
        source.backup(target)  # replaces the target's pages in one transaction
        (check,) = target.execute("PRAGMA integrity_check").fetchone()
        if check != "ok":
            raise BackupError(f"The restored database failed SQLite's integrity check: {check}")
    finally:
        target.close()
        source.close()
