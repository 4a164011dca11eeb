"""What a public page needs besides its own content: pagination, the Open Graph/Twitter card of the page, and
the month list of the archive — all read through publishing.public only."""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from prasan.publishing.public import public_posts, site_version
from prasan.thai.dates import month_year
from prasan.thai.preferences import screen_thai_digits

PER_PAGE = 12
DESCRIPTION_CHARS = 180


def page_of(posts, request):
    """One page of a list (bad or too large page numbers give the last page, never an error)."""
    paginator = Paginator(posts, PER_PAGE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def post_url(post) -> str:
    return reverse("public:post", args=[post.url_key])


def plain(post) -> str:
    """The post's summary, or the start of its body as text, for descriptions and search snippets."""
    text = post.summary or strip_tags(post.body_html)
    return " ".join(text.split())


@dataclass
class Card:
    """Open Graph and Twitter-card tags of a page."""

    title: str
    description: str
    url: str
    kind: str = "website"
    image: str = ""
    image_alt: str = ""
    published: dt.datetime | None = None


def card_for(request, title: str, description: str = "", post=None) -> Card:
    url = request.build_absolute_uri(request.path)
    card = Card(title, Truncator(description).chars(DESCRIPTION_CHARS), url)
    if post is not None:
        card.kind, card.published = "article", post.publish_at
        card.description = Truncator(plain(post)).chars(DESCRIPTION_CHARS)
        if post.cover_id:
            card.image = request.build_absolute_uri(reverse("public:image", args=[post.cover_id]))
            card.image_alt = post.cover.alt_text
    return card


@dataclass(frozen=True)
class Month:
    year: int  # Christian era, as in the URL
    month: int
    count: int

    @property
    def label(self) -> str:
        return month_year(dt.date(self.year, self.month, 1), thai_digits=screen_thai_digits())

    @property
    def url(self) -> str:
        return reverse("public:month", args=[self.year, f"{self.month:02d}"])


def months(limit: int = 24) -> list[Month]:
    """The latest months that have posts, newest first, with how many. Counting every post by month is the
    dearest query of a page (about 0.1 s at 10,000 posts), so the answer is kept per site version, shared by
    the home page and every archive page."""
    key = f"public-site-months:{site_version()}:{limit}"
    found = cache.get(key)
    if found is None:
        rows = (public_posts().order_by()
                .annotate(m=TruncMonth("publish_at", tzinfo=timezone.get_current_timezone()))
                .values("m").annotate(n=Count("id")).order_by("-m")[:limit])
        found = [Month(r["m"].year, r["m"].month, r["n"]) for r in rows if r["m"]]
        cache.set(key, found, 15 * 60)
    return found


_PHOTO = re.compile(r'<img\b([^>]*?)\bdata-image="(\d{1,12})"([^>]*)>')


def _image_url(pk: int) -> str:
    return reverse("public:image", args=[pk])


def public_body(post) -> SafeString:
    """The body's HTML for the public: cleaned again by publishing's allow-list (it is stored cleaned; a second
    pass costs little, is cached with the page, and holds should a body ever be written past the editor), its
    photos — kept as <img data-image="ID"> — pointed at this site's photo address, only photos of this post."""
    try:
        from prasan.publishing.sanitise import clean
    except ImportError:  # before the sanitiser exists: the text only, escaped
        return SafeString(linebreaks(strip_tags(post.body_html), autoescape=True))
    own = {image.pk for image in post.images.all()}

    def photo(found):
        pk = int(found.group(2))
        if pk not in own:
            return ""
        return f'<img{found.group(1)}src="{_image_url(pk)}" loading="lazy"{found.group(3)}>'

    return SafeString(_PHOTO.sub(photo, clean(post.body_html)))
