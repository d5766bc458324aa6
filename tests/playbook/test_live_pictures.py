"""Pictures in live updates: checked by content, resized once, stored without metadata,
shown with width/height, srcset and lazy loading; bad files get a clear 4xx and leave
nothing behind."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from playbook.models import LiveUpdate, LiveUpdateImage
from tests.playbook.live_helpers import HTMX

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def picture(fmt="JPEG", size=(2000, 1000), exif=None, name="photo.jpg"):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 30, 40)).save(buffer, fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def with_gps():
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"  # Make
    exif[0x9286] = "user comment"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (37.0, 33.0, 0.0)  # latitude: where the editor stood
    return exif


def post(client, live, **fields):
    data = {"body": "사진이 있는 소식", "picture_alt": "무대 위의 발표자", **fields}
    url = reverse("playbook:update-create", args=[live.slug])
    return client.post(url, data, **HTMX)


def stored_files(media):
    return sorted(p for p in media.rglob("*") if p.is_file())


def test_a_picture_is_stored_at_a_few_widths_without_its_location(editor_client, live, media):
    response = post(editor_client, live, picture=picture(exif=with_gps()))
    assert response.status_code == 200
    image = LiveUpdateImage.objects.get()
    assert [v["width"] for v in image.variants] == [480, 960, 1600]
    assert [v["height"] for v in image.variants] == [240, 480, 800]
    files = stored_files(media)
    assert len(files) == 3
    for path in files:
        with Image.open(path) as stored:
            assert stored.format == "JPEG"
            assert dict(stored.getexif()) == {}  # no GPS, no maker, nothing
            assert "photo" not in path.name  # our names, never the uploaded one


def test_the_page_shows_it_with_size_srcset_and_lazy_loading(client, editor_client, live):
    post(editor_client, live, picture=picture())
    html = client.get(live.get_absolute_url()).content.decode()
    figure = html[html.index('class="update-picture"') :]
    figure = figure[: figure.index("</figure>")]
    assert 'alt="무대 위의 발표자"' in figure and 'loading="lazy"' in figure
    assert 'width="960" height="480"' in figure
    assert " 480w" in figure and " 960w" in figure and " 1600w" in figure
    src = figure.split('src="')[1].split('"')[0]
    served = client.get(src)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert "immutable" in served["Cache-Control"]
    update = LiveUpdate.objects.get(body="사진이 있는 소식")
    own_page = client.get(update.get_permalink()).content.decode()
    assert f'<meta property="og:image" content="http://testserver{src}">' in own_page


def test_a_small_picture_is_never_enlarged(editor_client, live):
    post(editor_client, live, picture=picture("PNG", (300, 200), name="a.png"))
    image = LiveUpdateImage.objects.get()
    assert image.variants == [{"name": image.variants[0]["name"], "width": 300, "height": 200}]
    assert image.variants[0]["name"].endswith(".png")


def huge_png(width=20_000, height=20_000) -> bytes:
    """A PNG whose header claims a huge size (a decompression bomb's shape)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "upload, words",
    [
        (SimpleUploadedFile("x.jpg", b"not a picture at all", "image/jpeg"), "JPEG"),
        (SimpleUploadedFile("x.svg", SVG, "image/svg+xml"), "JPEG"),
        (SimpleUploadedFile("bomb.png", huge_png(), "image/png"), "40"),
        (SimpleUploadedFile("wide.png", huge_png(9_000, 5_000), "image/png"), "40"),
        (SimpleUploadedFile("cut.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "image/jpeg"), ""),
    ],
    ids=["text", "svg", "20000x20000", "9000x5000", "truncated"],
)
def test_what_is_not_a_picture_we_accept_is_refused(editor_client, live, media, upload, words):
    response = post(editor_client, live, picture=upload)
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_picture-error"' in html and words in html
    assert not LiveUpdate.objects.filter(body="사진이 있는 소식").exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_before_it_is_read(editor_client, live, settings, media):
    settings.PLAYBOOK_IMAGE_MAX_BYTES = 50_000
    big = picture(size=(3000, 3000))
    big.file = io.BytesIO(big.read() + b"\x00" * 60_000)
    big.size = 50_000 + 60_000
    response = post(editor_client, live, picture=big)
    assert response.status_code == 422 and "MB" in response.content.decode()
    assert stored_files(media) == []


def test_a_picture_needs_its_alt_text(editor_client, live, media):
    response = post(editor_client, live, picture=picture(), picture_alt="  ")
    assert response.status_code == 422
    assert 'id="id_picture_alt-error"' in response.content.decode()
    assert stored_files(media) == [] and not LiveUpdateImage.objects.exists()


def test_the_uploaded_name_cannot_choose_where_it_is_stored(editor_client, live, media):
    post(editor_client, live, picture=picture(name="../../../etc/passwd.jpg"))
    files = stored_files(media)
    assert files and all(media in path.parents for path in files)
    assert all("passwd" not in path.name for path in files)


def test_a_retracted_update_hides_its_picture(client, editor_client, editor, live):
    from playbook import services

    post(editor_client, live, picture=picture())
    update = LiveUpdate.objects.get(body="사진이 있는 소식")
    services.live_update_retract(update=update, editor=editor, expected_version=update.version)
    html = client.get(live.get_absolute_url()).content.decode()
    assert "update-picture" not in html


def test_the_page_costs_the_same_queries_whatever_the_number_of_pictures(
    client, editor_client, live
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(live.get_absolute_url())
        return len(captured)

    post(editor_client, live, picture=picture(size=(600, 400)))
    queries()  # warms the cached revision and next due time
    one = queries()
    for _ in range(5):
        post(editor_client, live, picture=picture(size=(600, 400)))
    queries()
    assert queries() == one


def admin_data(update, **picture_fields):
    return {
        "section": update.section_id,
        "body": update.body,
        "body_ko": update.body,
        "is_key_event": "",
        # As the change page posts it: the version the editor opened (core.admin_versioning).
        "expected_version": update.version,
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "images-0-order": "0",
        **{f"images-0-{name}": value for name, value in picture_fields.items()},
    }


def test_editors_add_a_picture_in_the_admin_with_the_same_checks(
    editor_client, editor, live, media
):
    from playbook import services

    update = services.live_update_create(section=live, author=editor, body="관리 화면 사진")
    url = reverse("admin:playbook_liveupdate_change", args=[update.pk])
    refused = editor_client.post(
        url, admin_data(update, alt="설명", upload=SimpleUploadedFile("x.svg", SVG))
    )
    assert refused.status_code == 200  # the form again, with the message
    assert "JPEG, PNG" in refused.content.decode() or "JPEG" in refused.content.decode()
    assert stored_files(media) == []
    no_alt = editor_client.post(url, admin_data(update, alt="", upload=picture()))
    assert no_alt.status_code == 200 and stored_files(media) == []

    saved = editor_client.post(url, admin_data(update, alt="관리 화면의 사진", upload=picture()))
    assert saved.status_code == 302, saved.context and [
        form.errors for form in saved.context.get("inline_admin_formsets", [])
    ] + [saved.context["adminform"].form.errors]
    image = LiveUpdateImage.objects.get(update=update)
    assert image.alt == "관리 화면의 사진" and len(image.variants) == 3
    assert len(stored_files(media)) == 3
