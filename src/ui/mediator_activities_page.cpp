#include "ui/mediator_activities_page.hpp"

#include "core/mediator_fields.hpp"
#include "ui/mediator_activity_dialog.hpp"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>

namespace pasapas::ui {

MediatorActivitiesPage::MediatorActivitiesPage(wxWindow* parent, MediatorContext& context)
    : MediatorPage(parent, context) {
    SetName("mediator-activities-page");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(field_label(this, _("Sessions and workshops, newest first:")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    table_ = make_table(this, "activities-table",
                        {_("Date"), _("Type"), _("Duration"), _("Participants"), _("Themes"), _("Title")});
    const auto update = [this](wxListEvent&) {
        edit_->Enable(selected() != nullptr);
        delete_->Enable(selected() != nullptr);
        show_attendees();
    };
    table_->Bind(wxEVT_LIST_ITEM_SELECTED, update);
    table_->Bind(wxEVT_LIST_ITEM_DESELECTED, update);
    table_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open(false); });
    sizer->Add(table_, wxSizerFlags(3).Expand().Border(wxALL, gap));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* create = new wxButton(this, wxID_ANY, _("New activity..."));
    create->SetName("activity-new");
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(true); });
    buttons->Add(create, wxSizerFlags().Border(wxRIGHT, gap));
    edit_ = new wxButton(this, wxID_ANY, _("Edit..."));
    edit_->SetName("activity-edit");
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open(false); });
    buttons->Add(edit_, wxSizerFlags().Border(wxRIGHT, gap));
    delete_ = new wxButton(this, wxID_ANY, _("Delete..."));
    delete_->SetName("activity-delete");
    delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    buttons->Add(delete_);
    sizer->Add(buttons, wxSizerFlags().Border(wxALL, gap));

    attendees_title_ = field_label(this, _("Who came, and how far they are:"));
    attendees_title_->SetName("activity-attendees-title");
    sizer->Add(attendees_title_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    attendees_ =
        make_table(this, "activity-attendees",
                   {_("Learner"), _("Lessons done"), _("Procedures done"), _("Best autonomy level")});
    sizer->Add(attendees_, wxSizerFlags(2).Expand().Border(wxALL, gap));
    SetSizer(sizer);
    refresh();
}

void MediatorActivitiesPage::refresh() {
    table_->DeleteAllItems();
    try {
        activities_ = core::ActivityBook(*context_.store).list();
    } catch (const core::StoreError& error) {
        activities_.clear();
        show_store_error(this, error);
    }
    for (std::size_t i = 0; i < activities_.size(); ++i) {
        const auto& activity = activities_[i];
        wxString themes;
        for (const auto& theme : activity.themes) {
            themes += (themes.empty() ? "" : ", ") + coop_label(core::coop_themes(), theme);
        }
        const int participants = static_cast<int>(activity.learners.size()) + activity.anonymous_participants;
        const wxDateTime date = parse_iso_date(activity.date);
        add_row(table_,
                {date.IsValid() ? date.FormatDate() : utf8(activity.date),
                 coop_label(core::activity_kinds(), activity.kind),
                 duration_text(std::int64_t{activity.duration_min} * 60000),
                 wxString::Format("%d", participants), themes, utf8(activity.title)},
                static_cast<long>(i));
    }
    fit_columns(table_);
    edit_->Enable(false);
    delete_->Enable(false);
    show_attendees();
}

void MediatorActivitiesPage::show_attendees() {
    attendees_->DeleteAllItems();
    const core::ActivityRecord* activity = selected();
    if (activity == nullptr) {
        fit_columns(attendees_);
        return;
    }
    const auto& levels = core::autonomy_levels();
    try {
        for (const core::LearnerId id : activity->learners) {
            const auto learner = context_.store->learner(id);
            if (!learner) {
                continue;
            }
            int lessons = 0;
            for (const auto& progress : context_.store->all_progress(id)) {
                lessons += progress.status == core::LessonStatus::Done ? 1 : 0;
            }
            std::set<std::string> procedures;
            std::ptrdiff_t best = -1;
            for (const auto& result : context_.store->scenario_results(id)) {
                if (result.finished) {
                    procedures.insert(result.scenario_id);
                }
                // La Coop lists its autonomy levels from the least to the most autonomous.
                for (std::size_t i = 0; i < levels.size(); ++i) {
                    if (levels[i].code == result.level) {
                        best = std::max(best, static_cast<std::ptrdiff_t>(i));
                    }
                }
            }
            add_row(
                attendees_,
                {utf8(learner->name), wxString::Format("%d", lessons),
                 wxString::Format("%zu", procedures.size()),
                 best < 0 ? wxString(_("None yet"))
                          : coop_label(levels, std::string(levels[static_cast<std::size_t>(best)].code))});
        }
        if (activity->anonymous_participants > 0) {
            add_row(attendees_,
                    {wxString::Format(
                         wxPLURAL("%d participant without a profile", "%d participants without a profile",
                                  static_cast<unsigned>(activity->anonymous_participants)),
                         activity->anonymous_participants),
                     wxString(), wxString(), wxString()});
        }
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    fit_columns(attendees_);
    Layout();
}

const core::ActivityRecord* MediatorActivitiesPage::selected() const {
    const long row = selected_row(table_);
    if (row < 0) {
        return nullptr;
    }
    const auto index = static_cast<std::size_t>(table_->GetItemData(row));
    return index < activities_.size() ? &activities_[index] : nullptr;
}

void MediatorActivitiesPage::open(bool create) {
    const core::ActivityRecord* activity = selected();
    if (!create && activity == nullptr) {
        return;
    }
    auto* dialog = new MediatorActivityDialog(this, context_.appearance, *context_.store,
                                              create ? core::ActivityRecord{} : *activity);
    show_as_modal(dialog, [this](int code) {
        if (code == wxID_OK) {
            refresh();
        }
    });
}

void MediatorActivitiesPage::remove() {
    const core::ActivityRecord* activity = selected();
    if (activity == nullptr) {
        return;
    }
    wxMessageDialog confirm(this, _("Delete this activity? The learners' progress is kept."),
                            _("Delete the activity"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    confirm.SetYesNoLabels(_("Delete"), _("Keep"));
    if (confirm.ShowModal() != wxID_YES) {
        return;
    }
    try {
        core::ActivityBook(*context_.store).remove(activity->id);
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
        return;
    }
    log_action(this, context_, "delete-activity");
    refresh();
}

}  // namespace pasapas::ui
