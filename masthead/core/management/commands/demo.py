import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from masthead.accounts.roles import Role
from masthead.articles.models import Article
from masthead.demo.load import load_demo
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
        "Create a fresh demo site (its own SQLite database under ./var/), "
        "print the back-office login and serve it on http://127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="Only create the site, do not serve it."
        )

    def handle(self, *args, bind, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if Article.objects.exists():
            raise CommandError(
                "This database already has articles; the demo needs an empty one. "
                "Unset DATABASE_URL to use the demo's own SQLite database."
            )
        count = load_demo()
        password = os.environ.get("MASTHEAD_DEMO_PASSWORD") or secrets.token_urlsafe(12)
        self.create_personas(password)
        users = ", ".join(f"{username} ({role.value})" for username, role in PERSONAS)
        host = f"http://{bind}"
        self.stdout.write(
            self.style.SUCCESS(f"Demo site ready: {count} articles.\n")
            + f"  Site:        {host}/\n"
            f"  Newsroom:    {host}/desk/\n"
            f"  User:        admin\n"
            f"  Users:       {users}\n"
            f"  Password:    {password}\n"
        )
        if not no_serve:
            # Absolute links name the address the demo serves on (unless set).
            os.environ.setdefault("SITE_URL", host)
            call_command("serve", bind=bind, verbosity=options["verbosity"])

    @transaction.atomic
    def create_personas(self, password: str) -> None:
        User = get_user_model()
        for username, role in PERSONAS:
            if username == "admin":
                user = User.objects.create_superuser(username, "admin@example.org", password)
            else:
                user = User.objects.create_user(
                    username, f"{username}@example.org", password, is_staff=True
                )
            user.groups.add(Group.objects.get(name=role.value))
        username, slug = REPORTER_AUTHOR
        Author.objects.filter(slug=slug).update(user=User.objects.get(username=username))
