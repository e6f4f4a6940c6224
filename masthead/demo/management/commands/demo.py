import fcntl
import os
import secrets
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, transaction

from masthead.accounts.roles import Role
from masthead.articles.models import Article
from masthead.core.static import collect_static
from masthead.demo.languages import OPTION, parse_languages
from masthead.demo.load import demo_languages, load_demo
from masthead.lib import jobs
from masthead.lib.i18n import content_language_codes
from masthead.pagecache.generation import bump
from masthead.people.models import Author

# One newsroom account per role; "admin" is the superuser. All share the
# printed password.
PERSONAS = [
    ("admin", Role.ADMINISTRATOR),
    ("eda", Role.EDITOR),
    ("ron", Role.REPORTER),
    ("cora", Role.CONTRIBUTOR),
    ("theo", Role.TRANSLATOR),
]
# The reporter writes under this byline.
REPORTER_AUTHOR = ("ron", "lena-hartmann")


class Command(BaseCommand):
    help = (
        "Run the demo site: its own SQLite database under ./var/ (demo.sqlite3), "
        "built with the demo content on the first run and kept on later runs "
        "(languages added with --languages get theirs); "
        "print the back-office login and serve it on http://127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="Only create the site, do not serve it."
        )
        parser.add_argument(
            OPTION,
            metavar="CODES",
            help="The content languages, comma-separated, the default language among them, "
            "e.g. de,en,fr,ar (default: MASTHEAD_LANGUAGES, else de,en). The demo has "
            f"articles in {', '.join(demo_languages())}; other languages get none. "
            "Languages added to a kept site get their articles; languages left out "
            "keep theirs, unseen.",
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="Delete the demo's database and uploads and start over "
            "(refused while a demo is serving from them).",
        )

    def handle(self, *args, bind, no_serve, fresh, languages, **options):
        languages = self.check_languages(languages)
        var = settings.VAR_DIR
        database = Path(settings.DATABASES["default"]["NAME"])
        own = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and (
            database == var / "demo.sqlite3"
        )
        if fresh and not own:
            raise CommandError(
                "--fresh only deletes the demo's own database; DATABASE_URL names "
                "another one. Unset DATABASE_URL to run the demo on its own database."
            )
        var.mkdir(parents=True, exist_ok=True)
        # Every demo holds a shared lock on this file while it runs and serves
        # (the lock passes to the server process); --fresh needs it alone.
        lock = open(var / "demo.lock", "a")  # noqa: SIM115 (held until the process ends)
        if fresh:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise CommandError(
                    f"Another demo is running from {database}; stop it (Ctrl-C) before "
                    "starting over with --fresh. Nothing was deleted."
                ) from None
            self.delete_demo_site(database)
        fcntl.flock(lock, fcntl.LOCK_SH)

        call_command("migrate", interactive=False, verbosity=0)
        kept = Article.objects.exists()
        if kept and not own:
            raise CommandError(
                "This database already has articles; the demo needs an empty one. "
                "Unset DATABASE_URL to use the demo's own SQLite database."
            )
        # The languages without any article yet: on a kept site, those
        # named for the first time (load_demo leaves the others alone).
        added = [code for code in languages if not Article.objects.filter(language=code).exists()]
        if load_demo(languages=languages):
            # The pictures' renditions, made now rather than by the worker
            # beside the server: the first page a visitor opens shows the
            # site as readers get it, and a demo built with --no-serve has
            # no jobs left waiting for a worker.
            jobs.run_due_jobs()
        if no_serve:
            # Ready to serve later: `masthead serve` then starts at once (it
            # collects only what changed since). Serving collects below.
            collect_static()
        password = self.password(var)
        self.create_personas(password)
        bump()
        users = ", ".join(f"{username} ({role.value})" for username, role in PERSONAS)
        host = f"http://{bind}"
        count = Article.objects.in_site_languages().count()
        if kept:
            ready = (
                f"Demo site ready: {count} articles, kept from the last run "
                "(`masthead demo --fresh` starts over).\n"
            )
        else:
            ready = f"Demo site ready: {count} articles.\n"
        self.stdout.write(
            self.style.SUCCESS(ready) + f"  Languages:   {self.language_list(languages)}\n"
            f"  Site:        {host}/\n"
            f"  Newsroom:    {host}/desk/\n"
            f"  User:        admin\n"
            f"  Users:       {users}\n"
            f"  Password:    {password}\n"
            + self.language_notes(languages, added if kept else [])
            + self.machine_translation(languages)
        )
        if not no_serve:
            # `serve` replaces this process with granian: it inherits the lock.
            os.set_inheritable(lock.fileno(), True)
            # Absolute links name the address the demo serves on (unless set).
            os.environ.setdefault("SITE_URL", host)
            call_command("serve", bind=bind, verbosity=options["verbosity"])

    def check_languages(self, value: str | None) -> list[str]:
        """The site's content languages, which --languages must name: the
        settings read them before this command runs (masthead/cli.py)."""
        configured = content_language_codes()
        if value is None:
            return configured
        try:
            codes = parse_languages(value, settings.LANGUAGE_CODE)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if codes != configured:
            wanted = ",".join(codes)
            raise CommandError(
                f"{OPTION} {wanted} came too late: the settings were read with "
                f"the languages {','.join(configured)}. Run it as "
                f"`masthead demo {OPTION} {wanted}`, or set MASTHEAD_LANGUAGES={wanted}."
            )
        return codes

    def language_list(self, languages: list[str]) -> str:
        return ", ".join(
            f"{code} (default)" if code == settings.LANGUAGE_CODE else code for code in languages
        )

    def machine_translation(self, languages: list[str]) -> str:
        """With English and Spanish among its languages, the demo's
        translation desk translates English into Spanish with Apertium, when
        Apertium and its English–Spanish pair (Debian's apertium-eng-spa)
        are installed, unless MASTHEAD_MACHINE_TRANSLATION says otherwise."""
        if "MASTHEAD_MACHINE_TRANSLATION" in os.environ or not {"en", "es"} <= set(languages):
            return ""
        command = shutil.which(settings.APERTIUM_COMMAND)
        if command is None:
            return ""
        pairs = subprocess.run(  # noqa: S603 (the configured program, listing its pairs)
            [command, "-l"], capture_output=True, text=True, check=False
        )
        if "eng-spa" not in pairs.stdout.split():
            return ""
        # For this process and the server it becomes.
        os.environ["MASTHEAD_MACHINE_TRANSLATION"] = "en:es=apertium"
        settings.MACHINE_TRANSLATION = {"en:es": "apertium"}
        return "  Machine translation: English into Spanish with Apertium.\n"

    def language_notes(self, languages: list[str], added: list[str]) -> str:
        """What the demo did with each language, where that is not simply
        "loaded": added to a kept site, without demo content, or kept in
        the database but not shown."""
        notes = []
        with_content = [code for code in added if code in demo_languages()]
        if with_content:
            notes.append(f"Added the demo's articles in {', '.join(with_content)}.")
        if without := [code for code in languages if code not in demo_languages()]:
            notes.append(
                f"The demo has no articles in {', '.join(without)}: "
                "those pages stay empty until someone writes some."
            )
        unseen = (
            Article.objects.exclude(language__in=languages)
            .values_list("language", flat=True)
            .distinct()
            .order_by("language")
        )
        if unseen := list(unseen):
            shown = ",".join([*languages, *unseen])
            notes.append(
                f"Kept but not shown: the articles in {', '.join(unseen)} "
                f"(`masthead demo {OPTION} {shown}` shows them)."
            )
        return "".join(f"  {note}\n" for note in notes)

    def delete_demo_site(self, database: Path) -> None:
        connections.close_all()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        media = Path(settings.MEDIA_ROOT)
        if media == settings.VAR_DIR / "demo-media":
            shutil.rmtree(media, ignore_errors=True)
        self.stdout.write(f"Deleted the demo database {database}; starting over.")

    def password(self, var: Path) -> str:
        """The demo accounts' password: MASTHEAD_DEMO_PASSWORD, or the one
        made on the first run and kept in var/demo-password (mode 0600)."""
        if password := os.environ.get("MASTHEAD_DEMO_PASSWORD"):
            return password
        path = var / "demo-password"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(12))
        return path.read_text().strip()

    @transaction.atomic
    def create_personas(self, password: str) -> None:
        """Create the accounts that are missing; set the password of all."""
        User = get_user_model()
        for username, role in PERSONAS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=f"{username}@example.org", is_staff=True)
                user.is_superuser = username == "admin"
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=role.value))
        username, slug = REPORTER_AUTHOR
        Author.objects.filter(slug=slug, user=None).update(user=User.objects.get(username=username))
