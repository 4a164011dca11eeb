"""The search page: one box in the header, filters beside the results."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render

from prasan.matters.access import staff_required
from prasan.matters.choices import DutyType, State
from prasan.thai.fields import ThaiDateField

from .models import Kind
from .query import MAX_QUERY, PER_PAGE, SearchError, SearchParams, kinds_for, search


class SearchForm(forms.Form):
    q = forms.CharField(label="คำค้น", max_length=MAX_QUERY, required=False,
                        error_messages={"max_length": f"คำค้นยาวได้ไม่เกิน {MAX_QUERY} ตัวอักษร"})
    kind = forms.ChoiceField(label="ชนิด", required=False)
    state = forms.ChoiceField(label="สถานะเรื่อง", required=False, choices=[("", "ทุกสถานะ"), *State.choices])
    duty_type = forms.ChoiceField(label="ประเภทภารกิจ", required=False,
                                  choices=[("", "ทุกประเภท"), *DutyType.choices])
    date_from = ThaiDateField(label="ตั้งแต่วันที่", required=False)
    date_to = ThaiDateField(label="ถึงวันที่", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["kind"].choices = [("", "ทุกชนิด"), *((k, Kind(k).label) for k in kinds_for(user))]
        self.fields["kind"].error_messages["invalid_choice"] = "ไม่มีชนิดนี้ให้ค้น"
        self.fields["state"].error_messages["invalid_choice"] = "ไม่มีสถานะนี้"
        self.fields["duty_type"].error_messages["invalid_choice"] = "ไม่มีประเภทภารกิจนี้"

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม")
        return data


@staff_required
def search_page(request):
    form = SearchForm(request.GET or None, user=request.user)
    context = {"form": form, "searched": False, "error": ""}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        try:
            results = search(request.user, SearchParams(**form.cleaned_data))
        except SearchError as exc:
            context["error"] = str(exc)
        else:
            params = request.GET.copy()
            params.pop("page", None)
            context.update(searched=True, results=results, count=f"{results.count():,}", page=Paginator(results, PER_PAGE).get_page(request.GET.get("page")),
                           querystring=params.urlencode())
    return render(request, "search/results.html", context)
