"""Pictures that editors upload: checked by their content, resized once, stored without
their metadata.

An upload is read only up to the size limit, opened by Pillow from its bytes (the name
and the declared type are ignored), refused unless it is a JPEG, PNG, GIF or WebP of a
sane size, turned upright by its EXIF orientation and saved again at a few widths. Saving
anew writes no EXIF at all, so a phone's GPS position never reaches a reader. SVG is not
accepted: it is a document that can carry scripts, not a picture.
"""

import io
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Widths a page asks for (srcset); none is larger than the upload itself.
WIDTHS = (480, 960, 1600)
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "GIF": "png", "WEBP": "webp"}
SAVE_AS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}
MAX_PIXELS = 40_000_000  # 8,000 × 5,000; a 20,000 × 20,000 bomb is refused unopened


@dataclass(frozen=True)
class Variant:
    name: str  # the storage name
    width: int
    height: int

    def as_dict(self) -> dict:
        return {"name": self.name, "width": self.width, "height": self.height}


def max_bytes() -> int:
    return settings.PLAYBOOK_IMAGE_MAX_BYTES


def read_upload(upload) -> bytes:
    """The upload's bytes, refused past the limit without reading further."""
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise _too_large()
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise _too_large()
    return data


def _too_large():
    return ValidationError(
        _("The picture is larger than %(mb)s MB; make it smaller and try again.")
        % {"mb": max_bytes() // 1_000_000}
    )


def _too_many_pixels():
    return ValidationError(
        _("The picture has more than %(mp)s million pixels; make it smaller and try again.")
        % {"mp": MAX_PIXELS // 1_000_000}
    )


def _open(data: bytes) -> Image.Image:
    not_a_picture = ValidationError(
        _("This file is not a picture we accept (JPEG, PNG, GIF or WebP).")
    )
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only
    except Image.DecompressionBombError:  # Pillow's own, far higher limit
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError):
        raise not_a_picture from None
    if image.format not in ACCEPTED:
        raise not_a_picture
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This picture is damaged and cannot be read.")) from None
    return image


def check_picture(data: bytes) -> None:
    """Raises ValidationError, with a reader's message, unless `data` is a picture we take."""
    _open(data).close()


def store_picture(data: bytes, *, folder: str) -> list[Variant]:
    """Saves the picture at each width up to its own, under unguessable names of ours."""
    image = _open(data)
    extension = ACCEPTED[image.format]
    image = ImageOps.exif_transpose(image)  # upright, as the camera meant it
    if extension == "jpg":
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    widths = [w for w in WIDTHS if w < image.width]
    if image.width <= WIDTHS[-1]:
        widths.append(image.width)
    stem = f"{folder}/{uuid.uuid4().hex}"
    variants = []
    for width in widths:
        copy = image.copy()
        copy.thumbnail((width, width * 10), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        options = {"quality": 82, "optimize": True} if extension in ("jpg", "webp") else {}
        copy.save(buffer, SAVE_AS[extension], **options)  # no exif=: nothing carried over
        name = default_storage.save(
            f"{stem}-{copy.width}.{extension}", ContentFile(buffer.getvalue())
        )
        variants.append(Variant(name, copy.width, copy.height))
    return variants


def delete_variants(variants: list[dict]) -> None:
    for variant in variants:
        default_storage.delete(variant["name"])


def shown_variant(variants: list[dict]) -> dict:
    """The variant a page gives as `src`, with its URL (a srcset lets the browser choose)."""
    variant = variants[min(1, len(variants) - 1)]
    return {**variant, "url": default_storage.url(variant["name"])}


def srcset(variants: list[dict]) -> str:
    return ", ".join(f"{default_storage.url(v['name'])} {v['width']}w" for v in variants)
