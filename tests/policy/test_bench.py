"""The bench's policies (bench/policy.py): the 50-agency × 12-month policy and one on each policy follow-up matter,
whose pages the scenarios time — small here, so the bench cannot rot unnoticed."""

import pytest

from bench import policy as bench
from prasan.policy.models import Policy, ProgressReport, ReportDue
from prasan.policy.rollup import build

pytestmark = pytest.mark.django_db


def test_the_bench_fills_policies_and_times_their_pages(users, make_matter, office):
    for n in range(2):
        make_matter(title=f"ติดตามนโยบาย {n}", duty_type="policy_followup")
    filled = bench.fill(policies=2)
    assert filled["policies"] == 3
    big = Policy.objects.get(pk=filled["big_policy"])
    assert big.commitments.count() == 50
    assert ReportDue.objects.filter(commitment__policy=big).count() == 600
    assert ProgressReport.objects.filter(commitment__policy=big).count() > 400  # most reported, some missing
    assert len(build(big).rows) == 50
    assert bench.fill(policies=2)["policies"] == 3  # once
    results = bench.scenarios(users, reps=2)
    assert set(results) == {"policy_rollup_50x12", "policy_rollup_50x12_minister", "policy_list",
                            "policy_list_coordinator"}
    assert all(r["p95_ms"] > 0 for r in results.values())
