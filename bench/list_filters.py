"""The pages issue #20 found slow under load, timed alone and as multiples of the floor (bench.scenarios.FLOOR):
a list and a register filtered by a common phrase, the list by duty type and state, the search with common words,
the dashboards' pages and the policy list of a viewer whose list depends on need to know."""

from urllib.parse import urlencode

from django.test import Client

from .scenarios import time_get

# Phrases in thousands of titles or letters at a million matters: the index hands such a phrase to the list,
# which reads itself in order and counts only to the page's end.
COMMON_TITLES = ["ลูกเสือ", "ครูผู้ช่วย", "ขอข้อมูล", "อาคารเรียน"]
COMMON_LETTERS = ["ศธ ๐๔๐", "ศธ 04012", "ขอข้อมูล", "สพฐ. ขอข้อมูล"]
COMMON_WORDS = ["ครูผู้ช่วย เชียงใหม่", "งบประมาณซ่อมแซม สงขลา", "ร้องเรียน สพฐ.", "อาคารเรียน ขอนแก่น", "สร ๑๒"]


def _urls(path: str, values: list[str], reps: int, **extra) -> list[str]:
    return [f"{path}?{urlencode({**extra, 'q': values[n % len(values)]})}" for n in range(reps)]


def run(users: dict, reps: int = 20) -> dict:
    clients = {}
    for name in ("head", "coordinator", "registrar", "minister"):
        clients[name] = Client()
        clients[name].force_login(users[name])
    head, coordinator = clients["head"], clients["coordinator"]
    duty = [f"/matters/?state=open&duty_type={d}&urgency={u}" for d in ("analysis", "parliament", "complaint")
            for u in ("", "urgent", "most_urgent")]
    return {
        "list_q_common": time_get(head, _urls("/matters/", COMMON_TITLES, reps)),
        "list_q_common_coordinator": time_get(coordinator, _urls("/matters/", COMMON_TITLES, reps)),
        "list_duty_type_state": time_get(coordinator, [duty[n % len(duty)] for n in range(reps)]),
        "register_q_common": time_get(clients["registrar"], _urls("/registers/incoming/", COMMON_LETTERS, reps)),
        "search_common_words": time_get(coordinator, _urls("/search/", COMMON_WORDS, reps)),
        "dashboard_decisions_page": time_get(head, ["/tracking/decisions/"] * (reps // 2)),
        "list_policy_coordinator": time_get(coordinator, ["/policies/"] * (reps // 2)),
    }
