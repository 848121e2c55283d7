"""Looking up and keeping ImportRecords: what an outside key became here."""

from django.contrib.contenttypes.models import ContentType

from .models import ImportRecord

MAX_KEY = 500


def clip(key):
    """Keys longer than the column are kept as a hash of themselves."""
    if len(key) <= MAX_KEY:
        return key
    import hashlib

    return f"sha256:{hashlib.sha256(key.encode()).hexdigest()}"


def record(source, key):
    return ImportRecord.objects.filter(source=source, key=clip(key)).first()


def target(found, model):
    """The object a record points at, or None if it is gone (deleted since) or of another
    type."""
    if found is None:
        return None
    if found.content_type_id != ContentType.objects.get_for_model(model).pk:
        return None
    return model._default_manager.filter(pk=found.object_id).first()


def find(source, key, model):
    return target(record(source, key), model)


def remember(source, key, obj, digest=""):
    ImportRecord.objects.update_or_create(
        source=source,
        key=clip(key),
        defaults={
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": obj.pk,
            "digest": digest,
        },
    )


def take_over(source, former, key, child_key):
    """The record kept under an earlier key (``former``), moved to ``key`` with the records
    of its children (``child_key(parent_key, id)``: its comments), or None if there is none.
    """
    found = record(source, former)
    if found is None:
        return None
    prefix = child_key(former, "")
    children = list(ImportRecord.objects.filter(source=source, key__startswith=prefix))
    for child in children:
        child.key = clip(child_key(key, child.key.removeprefix(prefix)))
    ImportRecord.objects.bulk_update(children, ["key"])
    found.key = clip(key)
    found.save(update_fields=["key"])
    return found
