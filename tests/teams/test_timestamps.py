"""The timestamp field editors type video moments into."""

import pytest
from django.core.exceptions import ValidationError

from teams.timestamps import TimestampField, format_timestamp, parse_timestamp


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:23:45", 5025),
        ("83:45", 5025),
        ("5025", 5025),
        ("0", 0),
        ("0:07", 7),
        ("1:05", 65),
        ("10:00:00", 36000),
        (" 2:03 ", 123),  # pasted with spaces
        ("", None),
        ("   ", None),
    ],
)
def test_good_timestamps(text, seconds):
    assert parse_timestamp(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "1:2:3:4",  # too many parts
        "1:60",  # seconds after a colon
        "1:60:00",  # minutes after the hours
        "-5",
        "1.5",
        "abc",
        "1:",
        ":30",
        "1m30s",
        "1:23:45:",
        "99999999",  # longer than any talk
        "25:00:00",
    ],
)
def test_nonsense_is_rejected_with_a_message(text):
    with pytest.raises(ValidationError) as error:
        parse_timestamp(text)
    assert error.value.messages[0]


@pytest.mark.parametrize(
    ("seconds", "text"), [(None, ""), (0, "0:00"), (65, "1:05"), (5025, "1:23:45")]
)
def test_format_is_what_players_show(seconds, text):
    assert format_timestamp(seconds) == text


def test_form_field_cleans_to_seconds_and_shows_saved_seconds_as_a_time():
    field = TimestampField()
    assert field.clean("83:45") == 5025
    assert field.clean("") is None
    assert field.prepare_value(5025) == "1:23:45"
    assert field.prepare_value("83:4x") == "83:4x"  # a typed value is shown as typed
    with pytest.raises(ValidationError):
        field.clean("1:2:3:4")
