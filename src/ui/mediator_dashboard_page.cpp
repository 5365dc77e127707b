#include "ui/mediator_dashboard_page.hpp"

#include "core/dashboard.hpp"
#include "core/mediator_fields.hpp"
#include "ui/bar_chart.hpp"
#include "ui/mediator_period_picker.hpp"

#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace pasapas::ui {

namespace {

constexpr int kMaxVisibleRows = 10;

wxString title_in_catalogue(const std::string& title) {
    return wxGetTranslation(utf8(title), "pasapas-lessons");
}

}  // namespace

MediatorDashboardPage::MediatorDashboardPage(wxWindow* parent, MediatorContext& context)
    : MediatorPage(parent, context) {
    SetName("mediator-dashboard-page");
    const int gap = FromDIP(8);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    period_ = new MediatorPeriodPicker(this, "dashboard-period", [this] { refresh(); });
    outer->Add(period_, wxSizerFlags().Expand().Border(wxALL, gap));

    // Much to show: it scrolls below the period, which stays in view.
    scroller_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    scroller_->SetName("dashboard-content");
    scroller_->SetScrollRate(0, FromDIP(20));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    content_ = sizer;

    auto* figures = new wxWrapSizer(wxHORIZONTAL);
    const std::pair<const char*, wxString> names[] = {{"learners", _("learners")},
                                                      {"activities", _("sessions and workshops")},
                                                      {"hours", _("in sessions and workshops")},
                                                      {"lessons", _("lessons done")},
                                                      {"procedures", _("procedures done")}};
    for (const auto& [id, caption] : names) {
        auto* box = new wxBoxSizer(wxVERTICAL);
        auto* number = new wxStaticText(scroller_, wxID_ANY, "0");
        number->SetName(wxString("figure-") + id);
        set_relative_size(number, 2.0);
        number->SetFont(number->GetFont().Bold());
        box->Add(number, wxSizerFlags().Centre());
        box->Add(new wxStaticText(scroller_, wxID_ANY, caption), wxSizerFlags().Centre());
        figures->Add(box, wxSizerFlags().Border(wxALL, gap * 2));
        figures_[id] = number;
    }
    sizer->Add(figures, wxSizerFlags().Expand());

    autonomy_chart_ = new BarChart(scroller_, "autonomy-chart", _("Autonomy levels reached"));
    sizer->Add(autonomy_chart_, wxSizerFlags().Expand().Border(wxALL, gap));
    autonomy_table_ = table(_("Autonomy levels, as a table:"), "autonomy-table", {_("Level"), _("Checks")});
    theme_chart_ = new BarChart(scroller_, "theme-chart", _("Learners per theme"));
    sizer->Add(theme_chart_, wxSizerFlags().Expand().Border(wxALL, gap));
    theme_table_ = table(_("Themes, as a table:"), "theme-table",
                         {_("Theme"), _("Learners"), _("Completed"), _("Time"), _("Activities")});
    stuck_ = table(_("Where people get stuck:"), "stuck-table",
                   {_("Lesson or procedure"), _("Step"), _("Learners"), _("Mistakes"), _("Hints")});
    learners_ =
        table(_("Per learner:"), "dashboard-learners",
              {_("Name"), _("Lessons done"), _("Procedures done"), _("Time"), _("Sessions"), _("Last seen")});
    items_ =
        table(_("Per lesson and procedure:"), "dashboard-items",
              {_("Lesson or procedure"), _("Kind"), _("Theme"), _("Started"), _("Completed"), _("Time")});
    scroller_->SetSizer(sizer);
    outer->Add(scroller_, wxSizerFlags(1).Expand());
    SetSizer(outer);
    refresh();
}

wxListCtrl* MediatorDashboardPage::table(const wxString& title, const wxString& name,
                                         const std::vector<wxString>& columns) {
    const int gap = FromDIP(8);
    content_->Add(field_label(scroller_, title), wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    wxListCtrl* made = make_table(scroller_, name, columns);
    content_->Add(made, wxSizerFlags().Expand().Border(wxALL, gap));
    return made;
}

void MediatorDashboardPage::fit_table(wxListCtrl* table) {
    fit_columns(table);
    // Tall enough for its rows (up to a limit, then it scrolls itself) at the current text size.
    const int rows = std::min(std::max(table->GetItemCount(), 1), kMaxVisibleRows) + 2;
    table->SetMinSize(wxSize(-1, rows * table->GetCharHeight() * 8 / 5));
}

void MediatorDashboardPage::refresh() {
    core::DashboardData data;
    try {
        data = core::build_dashboard(*context_.store, context_.lessons->lessons, context_.lessons->scenarios,
                                     period_->from(), period_->to());
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    int lessons = 0;
    int procedures = 0;
    for (const auto& learner : data.learners) {
        lessons += learner.lessons_done;
        procedures += learner.procedures_done;
    }
    figures_["learners"]->SetLabel(wxString::Format("%zu", data.learners.size()));
    figures_["activities"]->SetLabel(wxString::Format("%d", data.activities));
    figures_["hours"]->SetLabel(duration_text(std::int64_t{data.activity_minutes} * 60000));
    figures_["lessons"]->SetLabel(wxString::Format("%d", lessons));
    figures_["procedures"]->SetLabel(wxString::Format("%d", procedures));

    std::vector<std::pair<wxString, int>> levels;
    autonomy_table_->DeleteAllItems();
    for (const auto& level : core::autonomy_levels()) {
        const auto found = data.autonomy.find(std::string(level.code));
        const int count = found == data.autonomy.end() ? 0 : found->second;
        levels.emplace_back(utf8(std::string(level.label)), count);
        add_row(autonomy_table_, {utf8(std::string(level.label)), wxString::Format("%d", count)});
    }
    autonomy_chart_->set_data(levels, context_.appearance);

    std::vector<std::pair<wxString, int>> themes;
    theme_table_->DeleteAllItems();
    for (const auto& theme : data.themes) {
        const wxString label = coop_label(core::coop_themes(), theme.theme);
        themes.emplace_back(label, theme.learners);
        add_row(theme_table_,
                {label, wxString::Format("%d", theme.learners), wxString::Format("%d", theme.completed),
                 duration_text(theme.time_ms), wxString::Format("%d", theme.activities)});
    }
    theme_chart_->set_data(themes, context_.appearance);

    stuck_->DeleteAllItems();
    for (const auto& point : data.stuck) {
        add_row(stuck_, {title_in_catalogue(point.item_title), utf8(point.step_id),
                         wxString::Format("%d", point.learners), wxString::Format("%d", point.failures),
                         wxString::Format("%d", point.hints)});
    }
    learners_->DeleteAllItems();
    for (const auto& learner : data.learners) {
        const wxDateTime seen = parse_iso_date(learner.last_seen.substr(0, 10));
        add_row(learners_, {utf8(learner.name), wxString::Format("%d", learner.lessons_done),
                            wxString::Format("%d", learner.procedures_done), duration_text(learner.time_ms),
                            wxString::Format("%d", learner.activities),
                            seen.IsValid() ? seen.FormatDate() : wxString()});
    }
    items_->DeleteAllItems();
    for (const auto& item : data.items) {
        add_row(items_, {title_in_catalogue(item.title), item.procedure ? _("Procedure") : _("Lesson"),
                         coop_label(core::coop_themes(), item.theme), wxString::Format("%d", item.started),
                         wxString::Format("%d", item.completed), duration_text(item.time_ms)});
    }
    for (wxListCtrl* each : {autonomy_table_, theme_table_, stuck_, learners_, items_}) {
        fit_table(each);
    }
    scroller_->Layout();
    scroller_->FitInside();
}

}  // namespace pasapas::ui
