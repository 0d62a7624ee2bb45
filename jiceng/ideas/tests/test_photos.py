"""Photos with a suggestion: from the resident's phone or entered by staff, checked by content, never shown to the
public; a refused photo refuses the whole suggestion and nothing is recorded."""

import io
import secrets
import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jiceng.core.attachments import attachments_of
from jiceng.core.models import Attachment, AuditEvent
from jiceng.ideas import intake, services
from jiceng.ideas.models import Suggestion

pytestmark = pytest.mark.django_db


def _photo(name="楼道.jpg", gps=False):
    buffer = io.BytesIO()
    image = Image.new("RGB", (640, 480), (40, 40, 40))
    if gps:
        exif = Image.Exif()
        exif[0x8825] = {1: "N", 2: (34.0, 48.0, 0.0)}  # GPSInfo
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _public_post(client, campaign, compound, **files):
    token = signing.dumps({"c": campaign.code, "a": 3, "b": 4, "t": time.time() - 10, "n": secrets.token_hex(8)},
                          salt=intake.SALT)
    data = {"text": "楼道灯坏了好几个月了", "name": "", "phone": "", "answer": "7", "token": token, "website": ""}
    return client.post(f"/p/ideas/{campaign.code}/{compound.pk}/", {**data, **files})


def _nothing_written(before):
    return (Suggestion.objects.count(), Attachment.objects.count(), AuditEvent.objects.count()) == before


def _counts():
    return Suggestion.objects.count(), Attachment.objects.count(), AuditEvent.objects.count()


def test_a_resident_sends_a_photo_from_the_phone(client, world, campaign):
    response = _public_post(client, campaign, world.compound_a, photos=[_photo(gps=True)])
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    photo = attachments_of(suggestion).get()
    assert photo.kind == "image" and photo.thumbnail
    stored = Image.open(photo.file.open("rb"))
    assert 0x8825 not in stored.getexif()  # no GPS position of the resident's home


@pytest.mark.parametrize("upload", [
    SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + bytes(300), content_type="image/jpeg"),  # an executable
    SimpleUploadedFile("photo.jpg", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n", content_type="image/jpeg"),
    SimpleUploadedFile("photo.jpg", _photo().read()[:200], content_type="image/jpeg"),  # truncated
])
def test_a_hostile_or_broken_photo_refuses_the_suggestion_and_writes_nothing(client, world, campaign, upload):
    before = _counts()
    response = _public_post(client, campaign, world.compound_a, photos=[upload])
    assert response.status_code == 400
    page = response.content.decode()
    assert "楼道灯坏了好几个月了" in page  # the resident's words are kept in the form to send again
    assert any(word in page for word in ("图片", "文件", "照片"))
    assert _nothing_written(before)


def test_at_most_three_photos(client, world, campaign):
    before = _counts()
    response = _public_post(client, campaign, world.compound_a, photos=[_photo(f"{n}.jpg") for n in range(4)])
    assert response.status_code == 400 and "最多" in response.content.decode()
    assert _nothing_written(before)
    with pytest.raises(Exception, match="最多|At most"):
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text="楼道灯坏了", channel="visit", photos=[_photo() for _ in range(4)])
    assert _nothing_written(before)


def test_staff_enter_a_photo_and_see_its_thumbnail(client, world, campaign):
    client.force_login(world.user("reporter_a"))
    response = client.post(f"/ideas/campaigns/{campaign.pk}/", {
        "compound": world.compound_a.pk, "channel": "visit", "text": "车棚顶漏雨，车都淋湿了", "photos": [_photo()]})
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert attachments_of(suggestion).count() == 1
    page = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert 'data-testid="suggestion-photo"' in page
    correction = services.suggestion_correct(actor=world.user("reporter_a"), suggestion=suggestion,
                                             text="车棚顶漏雨，电动车都淋湿了")
    page = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert page.count('data-testid="suggestion-photo"') == 1 and correction.text in page


def test_the_public_pages_never_show_the_photo(client, world, campaign):
    _public_post(client, campaign, world.compound_a, photos=[_photo()])
    suggestion = Suggestion.objects.get()
    photo = attachments_of(suggestion).get()
    for url in (f"/p/ideas/receipt/{suggestion.receipt}/", f"/p/ideas/status/?receipt={suggestion.receipt}",
                f"/p/ideas/{campaign.code}/adopted/", f"/api/ideas/public/status/{suggestion.receipt}/"):
        body = client.get(url).content.decode()
        assert photo.sha256 not in body and "thumbnails/" not in body


def test_the_campaign_page_with_photos_runs_a_constant_number_of_queries(client, world, campaign,
                                                                         django_assert_max_num_queries):
    for n in range(12):
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text=f"第{n}条：楼道灯坏了", channel="visit", photos=[_photo()])
    client.force_login(world.user("reporter_a"))
    client.get("/")
    with django_assert_max_num_queries(10):
        response = client.get(f"/ideas/campaigns/{campaign.pk}/")
    assert response.content.decode().count('data-testid="suggestion-photo"') == 12
