"""The search index: one row per searchable thing, in the index's normal form, with what permission needs."""

from django.db import models


class Kind(models.TextChoices):
    MATTER = "matter", "เรื่อง"
    ACTIVITY = "activity", "บันทึกการประสานงาน"
    ANSWER = "answer", "คำตอบจากหน่วยงาน"
    DOCUMENT = "document", "เอกสาร"
    ENTRY = "entry", "ทะเบียนหนังสือ"
    LETTER = "letter", "ข้อความหนังสือรับ"


class SearchEntry(models.Model):
    """Kept in step with its source by signals (index.py); rebuilt from scratch by `prasan reindex`.

    Ids follow the sources' dates (the rebuild inserts oldest first, new things come last), so the
    index can list the newest matches first without sorting every match.
    """

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField()
    matter_id = models.BigIntegerField(null=True, blank=True)
    # The strictest level among the thing itself, its register and its matter.
    secrecy = models.PositiveSmallIntegerField(default=0)
    # Part of a secret matter: also needs the matter's need to know (assignee, share, head, …).
    need_to_know = models.BooleanField(default=False)
    # The person whose own work this is, where only they (and named roles) may see it (letter intake).
    owner_id = models.BigIntegerField(null=True, blank=True)
    state = models.CharField(max_length=20, blank=True)
    duty_type = models.CharField(max_length=30, blank=True)
    date = models.DateTimeField()
    # Normalised text (text.index_text); what people see is read from the source when shown.
    title = models.TextField()
    body = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")]
        indexes = [models.Index(fields=["matter_id"], name="search_entry_matter")]


class SearchGrant(models.Model):
    """Need to know of a secret matter besides clearance (grants.py): a user it is assigned or shared to, or its
    owner unit. Only secret matters have rows."""

    matter_id = models.BigIntegerField()
    user_id = models.BigIntegerField(null=True, blank=True)
    unit_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user_id"], name="search_grant_user"),
                   models.Index(fields=["unit_id"], name="search_grant_unit"),
                   models.Index(fields=["matter_id"], name="search_grant_matter")]


class FtsMatch(models.Lookup):
    """`<fts5 table column> MATCH <expression>` (SQLite FTS5)."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FtsTableColumn(models.TextField):
    """FTS5's hidden column named after its table: matching it searches every column."""


FtsTableColumn.register_lookup(FtsMatch)


class SearchText(models.Model):
    """SQLite FTS5 trigram table over SearchEntry's title and body (migration 0002, only on SQLite)."""

    entry = models.OneToOneField(SearchEntry, primary_key=True, db_column="rowid", on_delete=models.DO_NOTHING,
                                 related_name="+", db_constraint=False)
    title = models.TextField()
    body = models.TextField()
    everything = FtsTableColumn(db_column="search_fts")

    class Meta:
        managed = False
        db_table = "search_fts"


class SearchTitle(models.Model):
    """SQLite FTS5 trigram table over SearchEntry's title alone (migration 0002, only on SQLite)."""

    entry = models.OneToOneField(SearchEntry, primary_key=True, db_column="rowid", on_delete=models.DO_NOTHING,
                                 related_name="+", db_constraint=False)
    title = models.TextField()
    everything = FtsTableColumn(db_column="search_title_fts")

    class Meta:
        managed = False
        db_table = "search_title_fts"
