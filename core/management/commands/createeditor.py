import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.permissions import EDITORS_GROUP

PASSWORD_ENV = "PLAYBOOK_EDITOR_PASSWORD"  # noqa: S105 - the name of a variable


class Command(BaseCommand):
    help = (
        "Create an editor: a staff user in the Editors group. The password is read from "
        f"${PASSWORD_ENV} or asked for at a prompt; there is no default."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--name",
            default="",
            help="The name shown in public (bylines, feed, /changes/); never the username.",
        )

    def handle(self, *args, username: str, email: str, name: str = "", **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist as error:
            raise CommandError("The Editors group is missing: run `manage.py migrate`.") from error

        password = os.environ.get(PASSWORD_ENV) or self._ask_password()
        user = User(username=username, email=email, first_name=name.strip()[:150], is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from error

        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created."))

    def _ask_password(self) -> str:
        try:
            first = getpass.getpass("Password: ")
            second = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt) as error:
            raise CommandError(
                f"No password given. Set ${PASSWORD_ENV} or run this in a terminal."
            ) from error
        if not first:
            raise CommandError("The password may not be empty.")
        if first != second:
            raise CommandError("The two passwords differ.")
        return first
