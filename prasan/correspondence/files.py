"""Files attached to register entries, checked by content and stored content-addressed."""

import hashlib

from django.core.files.base import ContentFile

from prasan.matters.uploads import check_upload

from .models import EntryFile


def store_entry_file(entry, upload) -> EntryFile:
    content_type = check_upload(upload)
    data = b"".join(upload.chunks())
    digest = hashlib.sha256(data).hexdigest()
    item = EntryFile(entry=entry, name=upload.name[:255], sha256=digest, size=len(data), content_type=content_type)
    item.file.save(f"{digest[:16]}.bin", ContentFile(data), save=False)
    item.save()
    return item
