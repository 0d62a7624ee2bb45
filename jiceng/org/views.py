"""Org pages: the tree, a division, a unit, the compound list (filters, sorting, XLSX), each object's history."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from jiceng.core.errors import DomainError
from jiceng.core.exports import XLSX_CONTENT_TYPE
from jiceng.core.history import HistoryMixin
from jiceng.core.http import attachment_response
from jiceng.core.views_mixins import FilteredListMixin, form_errors_from

from . import exports, permissions, selectors, services
from .filtersets import CompoundFilterSet, UnitFilterSet
from .forms import DivisionCreateForm, DivisionUpdateForm, UnitForm
from .models import Division, Unit
from .rules import LEVEL_KINDS


def _division_for_write(user, pk, check):
    """404 when the division does not exist, 403 when it exists but the user may not change it."""
    division = get_object_or_404(Division.objects.select_related("parent"), pk=pk)
    if not check(user, division):
        raise DjangoPermissionDenied
    return division


class TreeView(LoginRequiredMixin, TemplateView):
    template_name = "org/tree.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        roots = list(selectors.division_roots_for(user))
        context["roots"] = [(root, list(selectors.children_with_counts(user, root))) for root in roots]
        return context


class TreeChildrenView(LoginRequiredMixin, View):
    """htmx fragment: the children of one node of the tree."""

    def get(self, request, pk):
        division = get_object_or_404(selectors.divisions_visible_to(request.user), pk=pk)
        children = selectors.children_with_counts(request.user, division)
        return render(request, "org/partials/tree_children.html", {"division": division, "children": children})


class DivisionDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "org/division_detail.html"
    context_object_name = "division"

    def get_queryset(self):
        return selectors.divisions_visible_to(self.request.user, include_archived=True).select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        division = self.object
        user = self.request.user
        ancestors = selectors.ancestors(division)
        context.update(
            ancestors=[(a, permissions.can_view(user, a)) for a in ancestors],
            children=selectors.children_with_counts(user, division)[:200],
            units=selectors.units_visible_to(user).filter(division=division),
            party_orgs=selectors.party_orgs_visible_to(user).filter(division=division),
            can_manage=permissions.can_manage_division(user, division),
            can_add_child=permissions.can_manage_division(user, division) and bool(
                DivisionCreateForm(parent=division).fields["kind"].choices),
            street=next((d for d in [*ancestors, division] if d.kind in LEVEL_KINDS["street"]), None),
        )
        return context


class DivisionCreateView(LoginRequiredMixin, View):
    template_name = "org/division_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.parent = _division_for_write(request.user, kwargs["pk"], permissions.can_manage_division)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return self.render(DivisionCreateForm(parent=self.parent))

    def post(self, request, pk):
        form = DivisionCreateForm(request.POST, parent=self.parent)
        if form.is_valid():
            try:
                division = services.division_create(actor=request.user, parent=self.parent, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("org:division", pk=division.pk)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return render(self.request, self.template_name, {
            "form": form, "parent": self.parent, "title": _("Add a division"),
            "cancel_url": reverse("org:division", args=[self.parent.pk])}, status=status)


class DivisionUpdateView(LoginRequiredMixin, View):
    template_name = "org/division_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.division = _division_for_write(request.user, kwargs["pk"], permissions.can_manage_division)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        d = self.division
        initial = {"name": d.name, "code": d.code, "unmanaged": d.unmanaged, "sort_order": d.sort_order}
        return self.render(DivisionUpdateForm(initial=initial, division=d))

    def post(self, request, pk):
        form = DivisionUpdateForm(request.POST, division=self.division)
        if form.is_valid():
            try:
                services.division_update(actor=request.user, division=self.division, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("org:division", pk=self.division.pk)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return render(self.request, self.template_name, {
            "form": form, "division": self.division, "title": _("Edit division"),
            "cancel_url": reverse("org:division", args=[self.division.pk])}, status=status)


class DivisionArchiveView(LoginRequiredMixin, View):
    def post(self, request, pk):
        division = _division_for_write(request.user, pk, permissions.can_manage_division)
        try:
            services.division_archive(actor=request.user, division=division)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Archived. Its history is kept."))
        return redirect("org:division", pk=division.pk)


class CompoundListView(LoginRequiredMixin, FilteredListMixin, ListView):
    """Compounds with filters (street, community, unmanaged, name), sorting, pagination and XLSX export."""

    template_name = "org/compound_list.html"
    partial_template_name = "org/partials/compound_table.html"
    filterset_class = CompoundFilterSet

    def base_queryset(self):
        return selectors.compounds_visible_to(self.request.user).order_by("path")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["streets"] = selectors.divisions_visible_to(user).filter(kind__in=("street", "town"))
        street_id = self.request.GET.get("street")
        communities = selectors.divisions_visible_to(user).filter(kind__in=("community", "village"))
        if street_id and street_id.isdigit():
            communities = communities.filter(parent_id=int(street_id))
        context["communities"] = communities.order_by("path")
        return context

    def export(self, queryset):
        return attachment_response(exports.compounds_xlsx(queryset.iterator(chunk_size=2000)),
                                   _("compounds") + ".xlsx", XLSX_CONTENT_TYPE)


class UnitListView(LoginRequiredMixin, FilteredListMixin, ListView):
    template_name = "org/unit_list.html"
    filterset_class = UnitFilterSet

    def base_queryset(self):
        return selectors.units_visible_to(self.request.user)


class UnitDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "org/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return selectors.units_visible_to(self.request.user, include_archived=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            members=selectors.memberships_of_unit(self.object),
            party_orgs=selectors.party_orgs_visible_to(user).filter(unit=self.object),
            subunits=selectors.units_visible_to(user).filter(parent=self.object),
            can_manage=permissions.can_manage_unit(user, self.object),
        )
        return context


class UnitUpdateView(LoginRequiredMixin, View):
    template_name = "org/unit_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.unit = get_object_or_404(Unit.objects.select_related("division"), pk=kwargs["pk"])
        if not permissions.can_manage_unit(request.user, self.unit):
            raise DjangoPermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None, initial=None):
        units = selectors.units_visible_to(self.request.user).exclude(pk=self.unit.pk)
        return UnitForm(data, initial=initial, units=units)

    def get(self, request, pk):
        u = self.unit
        return self.render(self.form(initial={"name": u.name, "short_name": u.short_name, "kind": u.kind,
                                              "parent": u.parent_id, "credit_code": u.credit_code}))

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                services.unit_update(actor=request.user, unit=self.unit, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("org:unit", pk=self.unit.pk)
        return self.render(form, status=400)

    def render(self, form, status=200):
        return render(self.request, self.template_name, {
            "form": form, "unit": self.unit, "cancel_url": reverse("org:unit", args=[self.unit.pk])}, status=status)


class UnitArchiveView(LoginRequiredMixin, View):
    def post(self, request, pk):
        unit = get_object_or_404(Unit.objects.select_related("division"), pk=pk)
        if not permissions.can_manage_unit(request.user, unit):
            raise DjangoPermissionDenied
        services.unit_archive(actor=request.user, unit=unit)
        messages.success(request, _("Archived. Its history is kept."))
        return redirect("org:unit", pk=unit.pk)
