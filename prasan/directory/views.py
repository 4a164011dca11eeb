"""The directory pages: agencies and their liaison officers, editing them, and importing them from CSV."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from prasan.matters.access import staff_required

from . import csvfile, permissions
from .forms import AgencyFilterForm, AgencyForm, ContactForm, ImportForm
from .importing import import_agencies
from .models import Agency, Contact
from .permissions import allowed_if, can_edit, can_import
from .queries import matters_involving, search_agencies


@staff_required
def agency_list(request):
    form = AgencyFilterForm(request.GET)
    page = Paginator(search_agencies(**form.filters()), 50).get_page(request.GET.get("page"))
    return render(request, "directory/agency_list.html", {
        "form": form, "page": page, "querystring": form.querystring(), **permissions.nav(request.user),
    })


@staff_required
def agency_detail(request, pk):
    agency = get_object_or_404(Agency.objects.select_related("parent"), pk=pk)
    return render(request, "directory/agency_detail.html", {
        "agency": agency, "contacts": agency.contacts.all(), "children": agency.children.order_by("name"),
        "matters": matters_involving(agency, request.user), **permissions.nav(request.user),
    })


@allowed_if(can_edit)
def agency_edit(request, pk=None):
    agency = get_object_or_404(Agency, pk=pk) if pk else None
    form = AgencyForm(_posted(request), instance=agency)
    if request.method == "POST" and form.is_valid():
        agency = form.save_by(request.user)
        messages.success(request, f"บันทึกข้อมูล {agency.name} แล้ว")
        return redirect("agency-detail", agency.pk)
    return render(request, "directory/agency_form.html", {
        "form": form, "agency": agency, **permissions.nav(request.user),
    })


@allowed_if(can_edit)
def contact_edit(request, agency_pk, pk=None):
    agency = get_object_or_404(Agency, pk=agency_pk)
    contact = get_object_or_404(Contact, pk=pk, agency=agency) if pk else None
    form = ContactForm(_posted(request), instance=contact, agency=agency)
    if request.method == "POST" and form.is_valid():
        contact = form.save_by(request.user)
        messages.success(request, f"บันทึกข้อมูลผู้ติดต่อ {contact.name} แล้ว")
        return redirect("agency-detail", agency.pk)
    return render(request, "directory/contact_form.html", {
        "form": form, "agency": agency, "contact": contact, **permissions.nav(request.user),
    })


@allowed_if(can_import)
def agency_import(request):
    form = ImportForm(_posted(request), request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_agencies(form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"], by=request.user)
    return render(request, "directory/agency_import.html", {
        "form": form, "result": result, **permissions.nav(request.user),
    })


@require_GET
@allowed_if(can_import)
def import_template(request):
    """A blank CSV with the Thai headers; the BOM makes Excel open it as UTF-8."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agencies-template.csv"'
    response.write("\ufeff" + ",".join(csvfile.TEMPLATE_HEADERS) + "\r\n")
    return response


def _posted(request):
    return request.POST if request.method == "POST" else None
