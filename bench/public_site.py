"""The public site at 10,000 posts (issue #18): home and post pages from the cache (target p95 ≤ 20 ms), and
200 readers at once for 2 minutes over HTTP (target: no error).

Runs on a bench database of its own (PRASAN_BENCH_DATA_DIR, default var/bench-public; or
PRASAN_BENCH_DATABASE_URL), never the office's, filled once with the posts it lacks:

    .venv/bin/python -m bench.public_site pages   [--posts 10000] [--reps 300] [--json FILE]
    .venv/bin/python -m bench.public_site readers [--posts 10000] [--readers 200] [--minutes 2] [--json FILE]
"""

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import time
from pathlib import Path

TITLES = ("รัฐมนตรีลงพื้นที่ตรวจเยี่ยมโรงเรียน{place}", "รัฐมนตรีประชุมติดตามนโยบายการศึกษา{place}",
          "มอบทุนการศึกษาแก่นักเรียนจังหวัด{place}", "ติดตามโครงการอาหารกลางวันที่{place}",
          "ประกาศรับสมัครครูผู้ช่วยประจำ{place}", "ข่าวแจกสื่อมวลชน เปิดศูนย์การเรียนรู้{place}")
PLACES = ("ขอนแก่น", "อุดรธานี", "เชียงใหม่", "นครราชสีมา", "สงขลา", "ภูเก็ต", "น่าน", "ชลบุรี", "ลำปาง", "ยะลา")
TAGS = [(f"ป้าย {name}", slug) for name, slug in (
    ("การศึกษาขั้นพื้นฐาน", "basic"), ("อาชีวศึกษา", "vocational"), ("อุดมศึกษา", "higher"), ("ครู", "teachers"),
    ("ทุนการศึกษา", "scholarships"), ("อาหารกลางวัน", "lunch"), ("นโยบาย", "policy"), ("ภัยพิบัติ", "disaster"))]
COVERS = 300  # the newest posts have photos; the home page and the first list pages show them


def setup() -> None:
    os.environ["PRASAN_DATA_DIR"] = os.environ.get("PRASAN_BENCH_DATA_DIR", "var/bench-public")
    os.environ.pop("PRASAN_DATABASE_URL", None)
    if os.environ.get("PRASAN_BENCH_DATABASE_URL"):
        os.environ["PRASAN_DATABASE_URL"] = os.environ["PRASAN_BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")
    from prasan.secret_key import ensure_key_file

    ensure_key_file()
    import django

    django.setup()


def _photo(n: int):
    from PIL import Image

    from prasan.publishing import images

    out = io.BytesIO()
    Image.new("RGB", (1200, 800), ((n * 37) % 255, (n * 91) % 255, 120)).save(out, "JPEG", quality=80)
    return images.prepare(out.getvalue())


def fill(wanted: int, seed: int = 3) -> int:
    """Published posts up to `wanted` (news, press releases, announcements over the last three years)."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from prasan.directory.models import Office
    from prasan.publishing.models import Kind, Post, PostImage, Status, Tag
    from prasan.publishing.public import mark_changed

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    office = Office.current()
    if not office.address:
        Office.objects.filter(pk=office.pk).update(
            name="สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ", address="ถนนราชดำเนินนอก เขตดุสิต กรุงเทพมหานคร 10300",
            phone="02 628 5600")
    have = Post.objects.count()
    if have >= wanted:
        return have
    rng = random.Random(seed)
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in TAGS]
    now = timezone.now()
    body = "".join(f"<p>ย่อหน้าที่ {n} รัฐมนตรีว่าการกระทรวงศึกษาธิการพบผู้บริหาร ครู และนักเรียน "
                   f"รับฟังปัญหาและมอบนโยบายการศึกษาให้ทั่วถึงและมีคุณภาพ</p>" for n in range(8))
    kinds = [Kind.NEWS] * 7 + [Kind.PRESS] * 2 + [Kind.ANNOUNCEMENT]
    missing = wanted - have
    with transaction.atomic():
        posts = []
        for n in range(missing):
            at = now - dt.timedelta(minutes=rng.randint(60, 3 * 365 * 24 * 60))
            title = rng.choice(TITLES).format(place=rng.choice(PLACES)) + f" ({have + n + 1})"
            posts.append(Post(kind=rng.choice(kinds), title=title, summary=title + " เพื่อติดตามงานตามนโยบาย",
                              body_html=body, status=Status.PUBLISHED, publish_at=at, published_at=at,
                              created_at=at))
        made = Post.objects.bulk_create(posts, batch_size=1000)
        through = Post.tags.through
        through.objects.bulk_create([through(post_id=p.pk, tag_id=rng.choice(tags).pk) for p in made],
                                    batch_size=2000)
        newest = sorted(made, key=lambda p: p.publish_at, reverse=True)[:COVERS]
        for n, post in enumerate(newest):
            post.cover = PostImage.objects.create(post=post, image=_photo(n), alt_text=f"ภาพกิจกรรม {post.title}")
        Post.objects.bulk_update(newest, ["cover"], batch_size=500)
        mark_changed()
    return Post.objects.count()


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def pick(q):
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)

    return {"p50_ms": pick(0.5), "p95_ms": pick(0.95), "max_ms": round(ordered[-1] * 1000, 2), "n": len(ordered)}


def _time(client, urls: list[str]) -> tuple[dict, dict]:
    """(wall, CPU) percentiles of GETs of `urls`, each of which must answer 200."""
    wall, cpu = [], []
    for url in urls:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if response.status_code != 200:
            raise RuntimeError(f"{url} ตอบ {response.status_code}")
    return _percentiles(wall), _percentiles(cpu)


def pages(reps: int) -> dict:
    from django.test import Client

    from prasan.publishing.public import public_posts

    client = Client()
    rng = random.Random(11)
    keys = list(public_posts().values_list("id", flat=True)[:5000])
    posts = [f"/public/posts/{rng.choice(keys)}/" for _ in range(reps)]
    results = {}
    results["home_first_render"] = _time(client, ["/public/"])[0]  # a new version's first request renders it
    results["post_first_render"], results["post_first_render_cpu"] = _time(client, posts)
    results["home_cached"], results["home_cached_cpu"] = _time(client, ["/public/"] * reps)
    results["post_cached"], results["post_cached_cpu"] = _time(client, posts)
    results["section_page_cached"] = _time(client, [f"/public/news/?page={rng.randint(1, 40)}"
                                                    for _ in range(reps // 4)] * 2)[0]
    results["search_first"] = _time(client, [f"/public/search/?q={w}" for w in ("ขอนแก่น", "ทุนการศึกษา", "ครู")])[0]
    return results


def readers(count: int, minutes: float, workers: int, threads: int, think: float) -> dict:
    from django.conf import settings
    from django.db import connection

    from bench.load.run import Server, read_samples, run_locust, summarize

    out = settings.DATA_DIR / "loadtest" / ("public-" + time.strftime("%Y%m%d-%H%M%S"))
    out.mkdir(parents=True, exist_ok=True)
    connection.close()
    server = Server(workers, threads)
    log = out / "gunicorn.log"
    server.start(log)
    cpu_before, load_before = server.cpu_seconds(), os.getloadavg()[0]
    try:
        seconds = round(minutes * 60)
        print(f"ผู้อ่าน {count} คน นาน {seconds} วินาที ที่ {server.url} (gunicorn {workers}×{threads}) ผลดิบที่ {out}")
        run_locust(server.url, users=count, seconds=seconds, out=out, spawn_rate=max(10, count / 20), think=think,
                   locustfile=Path(__file__).resolve().parent / "load" / "public_readers.py")
        cpu = server.cpu_seconds() - cpu_before
        load = max(load_before, os.getloadavg()[0])
    finally:
        server.stop()
    result = summarize(read_samples(out))
    troubles = server.troubles(log)
    return {"readers": count, "seconds": seconds, **result.as_dict(), "server_cpu_s": round(cpu, 1),
            "load_average": round(load, 1), "server_troubles": troubles,
            "target": {"errors": 0, "met": result.errors == 0 and not troubles}}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["pages", "readers"])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--reps", type=int, default=300)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    setup()
    from django.db import connection

    started = time.perf_counter()
    count = fill(args.posts)
    print(f"ข่าวในฐานข้อมูล {count:,} รายการ ({time.perf_counter() - started:.1f} วินาที) บน {connection.vendor}")
    meta = {"posts": count, "database": connection.vendor, "python": platform.python_version(),
            "cpus": os.cpu_count(), "load_average_start": round(os.getloadavg()[0], 1)}
    if args.what == "pages":
        results = pages(args.reps)
        for name, value in results.items():
            print(f"{name:<28}p50 {value['p50_ms']:>8} ms   p95 {value['p95_ms']:>8} ms   (n={value['n']})")
        met = results["home_cached"]["p95_ms"] <= 20 and results["post_cached"]["p95_ms"] <= 20
        print(f"เป้าหมาย p95 ≤ 20 ms จากแคช (หน้าแรกและหน้าข่าว): {'ผ่าน' if met else 'ไม่ผ่าน'} "
              f"(load average {os.getloadavg()[0]:.1f})")
        results["target"] = {"p95_ms_at_most": 20, "met": met}
    else:
        results = readers(args.readers, args.minutes, args.workers, args.threads, args.think)
        for row in [*results["requests"], results["total"]]:
            print(f"{row['method']:<5}{row['name']:<34}{row['requests']:>8,}{row['failures']:>6}"
                  f"{row['rps']:>8.1f}/s  p50 {row['p50_ms']:>6} ms  p95 {row['p95_ms']:>6} ms  max {row['max_ms']:>7} ms")
        for failure in results["failures"]:
            print(f"ผิดพลาด {failure['occurrences']} ครั้ง: {failure['method']} {failure['name']} — {failure['error']}")
        print(f"gunicorn CPU {results['server_cpu_s']} s · load average {results['load_average']} · "
              f"เป้าหมาย ไม่มีข้อผิดพลาด: {'ผ่าน' if results['target']['met'] else 'ไม่ผ่าน'}")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"meta": meta, "results": results}, handle, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
