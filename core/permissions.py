"""The `Editors` group and its permissions, granted by each app's data migration."""

EDITORS_GROUP = "Editors"
EDITOR_ACTIONS = ("add", "change", "delete", "view")


def grant_editor_permissions(
    apps, app_label: str, model_names: list[str], actions: tuple[str, ...] = EDITOR_ACTIONS
) -> None:
    """Give the Editors group the listed rights (all four by default) on content models.

    Django creates permissions only after `migrate` finishes, so they are created here
    first; otherwise a fresh database would leave the group empty.
    """
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    codenames = [f"{action}_{model}" for model in model_names for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    if permissions.count() != len(codenames):
        raise RuntimeError(f"missing permissions for {app_label}: expected {codenames}")
    group.permissions.add(*permissions)


def revoke_editor_permissions(apps, app_label: str, model_names: list[str] | None = None) -> None:
    """Undo grant_editor_permissions: for the listed models, or all of the app's."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=EDITORS_GROUP).first()
    if group is not None:
        granted = group.permissions.filter(content_type__app_label=app_label)
        if model_names is not None:
            granted = granted.filter(content_type__model__in=model_names)
        group.permissions.remove(*granted)
