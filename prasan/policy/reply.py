"""The agency's progress report page, behind the coordination app's reply link (coordination/reply_kinds.py): the
same signed, expiring, one-use link; this page asks for progress, indicator values, milestones, narrative,
problems and files instead of a plain answer, and refuses a report for a closed commitment with the reason."""

from django.shortcuts import render

from prasan.audit.models import record
from prasan.coordination import links

from . import services
from .forms import ReportForm
from .models import ReportDue


class ProgressReply:
    def _due(self, request_obj):
        cached = getattr(request_obj, "_policy_due", None)
        if cached is None:
            cached = (ReportDue.objects.select_related("commitment__policy__matter__office", "commitment__agency")
                      .filter(request_id=request_obj.pk).first())
            request_obj._policy_due = cached or False
        return cached or None

    def claims(self, request_obj) -> bool:
        return self._due(request_obj) is not None

    def closed_reason(self, request_obj) -> str:
        return services.commitment_closed_reason(self._due(request_obj).commitment)

    def page(self, http_request, request_obj):
        due = self._due(request_obj)
        commitment = due.commitment
        policy = commitment.policy
        if policy.matter.is_secret and http_request.method == "GET":
            record("liaison", "matter.read", policy.matter, number=policy.matter.number, purpose="policy-report-link",
                   request=request_obj.pk, agency=commitment.agency.name)
        form = ReportForm(http_request.POST or None, http_request.FILES or None,
                          indicators=policy.indicators.all(),
                          milestones=commitment.milestones.filter(done_on__isnull=True))
        context = {"req": request_obj, "due": due, "commitment": commitment, "policy": policy, "form": form}
        if http_request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                report = services.submit_report(
                    due, name=data["name"], progress=data["progress"], narrative=data["narrative"],
                    problems=data["problems"], values=data["values"], milestones=data["milestones_done"],
                    uploads=data["files"])
            except services.ReportRefused as exc:
                return render(http_request, "coordination/reply_invalid.html", {"reason": str(exc)}, status=409)
            except links.LinkError as exc:
                return render(http_request, "coordination/reply_invalid.html", {"reason": str(exc)}, status=410)
            return render(http_request, "policy/report_done.html", {**context, "report": report})
        return render(http_request, "policy/report_form.html", context, status=400 if form.errors else 200)


PROGRESS_REPLY = ProgressReply()
