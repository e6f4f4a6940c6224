import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from masthead.articles.models import Article
from masthead.demo.load import load_demo


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
        User = get_user_model()
        User.objects.create_superuser("admin", "admin@example.org", password)
        host = f"http://{bind}"
        self.stdout.write(
            self.style.SUCCESS(f"Demo site ready: {count} articles.\n")
            + f"  Site:        {host}/\n"
            f"  Newsroom:    {host}/desk/\n"
            f"  User:        admin\n"
            f"  Password:    {password}\n"
        )
        if not no_serve:
            call_command("serve", bind=bind, verbosity=options["verbosity"])
