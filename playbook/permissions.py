"""Kept because the editor-permission migrations of 2026 import this path; the code lives in
core.permissions. New code imports from there."""

from core.permissions import (  # noqa: F401
    EDITORS_GROUP,
    grant_editor_permissions,
    revoke_editor_permissions,
)
