"""What a service takes from the fields it is given (an API body, a form's data): a model's own values, by name.

An unknown name, or one the system sets itself, is a Thai error by field (ValidationError), never silently
dropped; a null for a text column is the empty string the column keeps."""

from django.core.exceptions import FieldDoesNotExist, ValidationError


def own_values(model, fields: dict, managed: frozenset) -> dict:
    values, errors = {}, {}
    for name, value in fields.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            errors[name] = "ไม่รู้จักช่องนี้"
            continue
        if name in managed or not field.concrete:
            errors[name] = "ช่องนี้ระบบกำหนดเอง"
            continue
        values[name] = "" if value is None and not field.null else value
    if errors:
        raise ValidationError(errors)
    return values
