"""The public site's own search index: published posts only, in the project's search normal form
(prasan.search.text), looked up through SQLite FTS5 trigrams or PostgreSQL pg_trgm (search_schema.py)."""

from django.db import models

from prasan.search.models import FtsTableColumn


class PostSearch(models.Model):
    """One row per public post, made from publishing.public by search.sync(); never the source of what is
    shown (results are read back through public_posts(), so a stale row can never show a withdrawn post)."""

    post_id = models.BigIntegerField(unique=True)
    stamp = models.CharField(max_length=40)  # the post's updated_at when indexed: changed → index again
    publish_at = models.DateTimeField(db_index=True)
    title = models.TextField()
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = "ดัชนีค้นหาข่าวสาธารณะ"
        verbose_name_plural = "ดัชนีค้นหาข่าวสาธารณะ"


class PostSearchText(models.Model):
    """SQLite: the FTS5 trigram table over PostSearch (title, body), for MATCH lookups only."""

    entry = models.OneToOneField(PostSearch, primary_key=True, db_column="rowid", on_delete=models.DO_NOTHING,
                                 related_name="+", db_constraint=False)
    everything = FtsTableColumn(db_column="public_site_fts")

    class Meta:
        managed = False
        db_table = "public_site_fts"
