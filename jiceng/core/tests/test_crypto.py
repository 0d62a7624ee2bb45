"""Personal data: encrypted at rest, blind indexes, masks and validators."""

import pytest
from django.core.exceptions import FieldError, ValidationError
from django.db import connection, models
from django.test.utils import isolate_apps, override_settings
from hypothesis import given
from hypothesis import strategies as st

from jiceng.core import audit
from jiceng.core.crypto import (
    DecryptionError,
    EncryptedTextField,
    blind_index,
    blind_index_candidates,
    decrypt,
    encrypt,
    mask_id_number,
    mask_name,
    mask_phone,
    validate_id_number,
    validate_mobile,
)

VALID_ID = "410106199001011248"
VALID_ID_X = "41010619900101123X"


def _create_table(model) -> None:
    # Build the CREATE TABLE statement without entering the schema editor (SQLite refuses that inside the
    # test's transaction); the table goes away with the transaction's rollback.
    sql, params = connection.schema_editor().table_sql(model)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def person_model(db):
    with isolate_apps("jiceng.core"):

        class Person(models.Model):
            name = EncryptedTextField(blank=True, null=True)
            phone = EncryptedTextField(blank=True)
            phone_index = models.CharField(max_length=64, blank=True)

            class Meta:
                app_label = "core"
                db_table = "core_test_encrypted_person"

            def __str__(self):
                return f"person {self.pk}"

        _create_table(Person)
        yield Person


def _raw_row(model, pk) -> tuple:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, phone FROM {table} WHERE id = %s", [pk])  # noqa: S608 (a fixed test table)
        return cursor.fetchone()


# --- the field -------------------------------------------------------------------------------------------------

def test_the_database_column_holds_no_plaintext(person_model):
    person = person_model.objects.create(name="张三丰", phone="13812345678")

    raw_name, raw_phone = _raw_row(person_model, person.pk)

    assert "张三丰" not in raw_name and "13812345678" not in raw_phone
    assert "5678" not in raw_phone


def test_a_saved_value_reads_back_as_the_plaintext(person_model):
    person = person_model.objects.create(name="张三丰", phone="13812345678")

    loaded = person_model.objects.get(pk=person.pk)

    assert (loaded.name, loaded.phone) == ("张三丰", "13812345678")


def test_equal_values_are_stored_as_different_ciphertexts(person_model):
    first = person_model.objects.create(phone="13812345678")
    second = person_model.objects.create(phone="13812345678")

    assert _raw_row(person_model, first.pk)[1] != _raw_row(person_model, second.pk)[1]


def test_null_and_empty_values_are_stored_as_they_are(person_model):
    person = person_model.objects.create(name=None, phone="")

    assert _raw_row(person_model, person.pk) == (None, "")
    assert person_model.objects.filter(name__isnull=True).count() == 1


def test_filtering_on_the_encrypted_value_is_refused(person_model):
    person_model.objects.create(phone="13812345678")

    with pytest.raises(FieldError):
        list(person_model.objects.filter(phone="13812345678"))


def test_the_field_is_marked_sensitive_and_the_audit_snapshot_redacts_it(person_model):
    person = person_model.objects.create(name="张三丰", phone="13812345678", phone_index="abc")

    state = audit.snapshot(person)

    assert state == {"name": "[encrypted]", "phone": "[encrypted]", "phone_index": "abc"}


def test_the_audit_snapshot_keeps_an_empty_encrypted_value_empty(person_model):
    person = person_model.objects.create(name=None, phone="")

    assert audit.snapshot(person, ["name", "phone"]) == {"name": None, "phone": None}


def test_an_indexed_encrypted_field_fails_the_system_check():
    with isolate_apps("jiceng.core"):

        class Indexed(models.Model):
            secret = EncryptedTextField(db_index=True)

            class Meta:
                app_label = "core"

            def __str__(self):
                return "indexed"

        errors = Indexed._meta.get_field("secret").check()

    assert [e.id for e in errors] == ["jiceng.E101"]


# --- keys and rotation -----------------------------------------------------------------------------------------

@override_settings(JICENG_FIELD_ENCRYPTION_KEY="old-key")
def test_rows_written_under_the_old_key_read_after_a_new_key_is_put_first(person_model):
    person = person_model.objects.create(phone="13812345678")

    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="new-key, old-key"):
        assert person_model.objects.get(pk=person.pk).phone == "13812345678"


@override_settings(JICENG_FIELD_ENCRYPTION_KEY="old-key")
def test_resaving_a_row_after_rotation_encrypts_it_with_the_new_key(person_model):
    person = person_model.objects.create(phone="13812345678")

    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="new-key,old-key"):
        person_model.objects.get(pk=person.pk).save()
    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="new-key"):
        assert person_model.objects.get(pk=person.pk).phone == "13812345678"


@override_settings(JICENG_FIELD_ENCRYPTION_KEY="old-key")
def test_reading_a_row_whose_key_was_removed_raises_a_decryption_error(person_model):
    person = person_model.objects.create(phone="13812345678")

    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="new-key"), pytest.raises(DecryptionError):
        person_model.objects.get(pk=person.pk)


@override_settings(JICENG_FIELD_ENCRYPTION_KEY="")
def test_without_a_field_key_the_keys_come_from_the_secret_key():
    token = encrypt("13812345678")

    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="", SECRET_KEY="another-secret-key-for-this-test-0123456789"):
        with pytest.raises(DecryptionError):
            decrypt(token)
    assert decrypt(token) == "13812345678"


def test_a_tampered_token_raises_a_decryption_error():
    token = encrypt("13812345678")
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]

    with pytest.raises(DecryptionError):
        decrypt(tampered)


@given(st.text(max_size=200))
def test_any_text_survives_encryption(text):
    assert decrypt(encrypt(text)) == text


# --- blind index -----------------------------------------------------------------------------------------------

def test_a_blind_index_is_64_hex_digits_and_not_the_value():
    index = blind_index("13812345678", "phone")

    assert len(index) == 64 and int(index, 16) >= 0
    assert "13812345678" not in index


def test_phone_numbers_are_normalised_before_indexing():
    expected = blind_index("13812345678", "phone")

    assert blind_index("+86 138-1234-5678", "phone") == expected
    assert blind_index("１３８１２３４５６７８", "phone") == expected


def test_id_numbers_are_normalised_before_indexing():
    assert blind_index(" 41010619900101123x ", "id_number") == blind_index(VALID_ID_X, "id_number")


def test_the_same_value_has_different_indexes_for_different_purposes():
    assert blind_index("13812345678", "phone") != blind_index("13812345678", "emergency_phone")


def test_an_empty_value_has_an_empty_index():
    assert blind_index("", "phone") == "" and blind_index(None, "phone") == ""


def test_a_malformed_purpose_is_refused():
    with pytest.raises(ValueError):
        blind_index("13812345678", "Phone Number")


def test_a_new_key_changes_the_index_and_the_candidates_cover_both_keys():
    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="old-key"):
        old_index = blind_index("13812345678", "phone")
    with override_settings(JICENG_FIELD_ENCRYPTION_KEY="new-key,old-key"):
        new_index = blind_index("13812345678", "phone")
        candidates = blind_index_candidates("13812345678", "phone")

    assert new_index != old_index
    assert candidates == [new_index, old_index]


def test_an_indexed_row_is_found_by_its_blind_index(person_model):
    person_model.objects.create(phone="13812345678", phone_index=blind_index("13812345678", "phone"))
    person_model.objects.create(phone="13900000000", phone_index=blind_index("13900000000", "phone"))

    found = person_model.objects.filter(phone_index=blind_index("138 1234 5678", "phone"))

    assert [p.phone for p in found] == ["13812345678"]


# --- masks -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "masked"), [
    ("13812345678", "138****5678"),
    (" 13812345678 ", "138****5678"),
    ("037168912345", "037*****2345"),
    ("1234567", "1*****7"),
    ("1234", "1**4"),
    ("12345678", "12****78"),
    ("123", "***"),
    ("", ""),
    (None, ""),
])
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("410106199001011234", "410106********1234"),
    ("41010619900101123X", "410106********123X"),
    ("410106900101123", "410106*****1123"),
    ("12345678", "12****78"),
    ("12", "**"),
    ("", ""),
    (None, ""),
])
def test_mask_id_number(value, masked):
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("张三丰", "张*丰"),
    ("张三", "张*"),
    ("欧阳娜娜", "欧**娜"),
    ("买买提·艾力", "买****力"),
    ("张", "*"),
    ("", ""),
    (None, ""),
])
def test_mask_name(value, masked):
    assert mask_name(value) == masked


@given(st.text(alphabet="0123456789", min_size=1, max_size=30))
def test_a_masked_phone_keeps_its_length_and_hides_at_least_a_third(value):
    masked = mask_phone(value)

    assert len(masked) == len(value)
    assert masked.count("*") * 3 >= len(value)


# --- validators ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["13812345678", "19912345678", "+86 138-1234-5678", "１３８１２３４５６７８"])
def test_validate_mobile_accepts_mainland_mobile_numbers(value):
    validate_mobile(value)


@pytest.mark.parametrize("value", ["", None, "1381234567", "138123456789", "12812345678", "03716891234",
                                   "1381234567a"])
def test_validate_mobile_refuses_anything_else_with_a_message(value):
    with pytest.raises(ValidationError) as caught:
        validate_mobile(value)

    assert caught.value.code == "invalid_mobile"
    assert str(caught.value.messages[0])


@pytest.mark.parametrize("value", [VALID_ID, VALID_ID_X, "41010619900101123x", " 4101 0619 9001 0112 48 "])
def test_validate_id_number_accepts_a_valid_number(value):
    validate_id_number(value)


@pytest.mark.parametrize(("value", "code"), [
    ("", "id_number_length"),
    (None, "id_number_length"),
    ("41010619900101124", "id_number_length"),
    ("41010619900101124A", "id_number_format"),
    ("4101061990010112X8", "id_number_format"),
    ("410106199001011234", "id_number_checksum"),
    ("410106199013011237", "id_number_birth_date"),
    ("41010620991231123X", "id_number_birth_date"),
    ("999999199001011238", "id_number_region"),
])
def test_validate_id_number_says_which_part_is_wrong(value, code):
    with pytest.raises(ValidationError) as caught:
        validate_id_number(value)

    assert caught.value.code == code
