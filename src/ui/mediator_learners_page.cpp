#include "ui/mediator_learners_page.hpp"

#include "core/activity_book.hpp"
#include "core/mediator_fields.hpp"
#include "ui/mediator_erase_dialog.hpp"
#include "ui/mediator_learner_dialog.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>
#include <set>

namespace pasapas::ui {

namespace {

wxString lesson_title(const core::LoadResult& catalogue, const std::string& id, bool* procedure) {
    for (const auto& lesson : catalogue.lessons) {
        if (lesson.id == id) {
            *procedure = false;
            return wxGetTranslation(utf8(lesson.title), "pasapas-lessons");
        }
    }
    for (const auto& scenario : catalogue.scenarios) {
        if (scenario.id == id) {
            *procedure = true;
            return wxGetTranslation(utf8(scenario.title), "pasapas-lessons");
        }
    }
    return utf8(id);
}

}  // namespace

MediatorLearnersPage::MediatorLearnersPage(wxWindow* parent, MediatorContext& context)
    : MediatorPage(parent, context) {
    SetName("mediator-learners-page");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(field_label(this, _("Learners:")), wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    table_ = make_table(this, "learners-table",
                        {_("Name"), _("Age bracket"), _("Gender"), _("Status"), _("Commune"), _("Archived"),
                         _("Lessons done"), _("Procedures done")});
    table_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_selected(); });
    table_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { show_selected(); });
    table_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit(false); });
    sizer->Add(table_, wxSizerFlags(3).Expand().Border(wxALL, gap));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    const auto button = [&](const wxString& label, const wxString& name) {
        auto* made = new wxButton(this, wxID_ANY, label);
        made->SetName(name);
        buttons->Add(made, wxSizerFlags().Border(wxRIGHT, gap));
        return made;
    };
    button(_("New learner..."), "learner-new")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(true); });
    edit_ = button(_("Edit..."), "learner-edit");
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(false); });
    archive_ = button(_("Archive"), "learner-archive");
    archive_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle_archived(); });
    erase_ = button(_("Erase..."), "learner-erase");
    erase_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { erase(); });
    sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));

    progress_title_ = field_label(this, _("Progress of the selected learner:"));
    progress_title_->SetName("learner-progress-title");
    sizer->Add(progress_title_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    progress_ = make_table(this, "learner-progress", {_("Lesson or procedure"), _("Kind"), _("Status")});
    sizer->Add(progress_, wxSizerFlags(2).Expand().Border(wxALL, gap));
    SetSizer(sizer);
    refresh();
}

void MediatorLearnersPage::refresh() {
    const core::Learner* before = selected();
    const core::LearnerId keep = before != nullptr ? before->id : 0;
    table_->DeleteAllItems();
    try {
        learners_ = context_.store->all_learners();
        for (std::size_t i = 0; i < learners_.size(); ++i) {
            const auto& learner = learners_[i];
            int lessons = 0;
            for (const auto& progress : context_.store->all_progress(learner.id)) {
                lessons += progress.status == core::LessonStatus::Done ? 1 : 0;
            }
            std::set<std::string> procedures;
            for (const auto& result : context_.store->scenario_results(learner.id)) {
                if (result.finished) {
                    procedures.insert(result.scenario_id);
                }
            }
            const auto& a = learner.attributes;
            wxString commune = utf8(a.commune);
            if (!a.postcode.empty()) {
                commune += " (" + utf8(a.postcode) + ")";
            }
            add_row(
                table_,
                {utf8(learner.name), coop_label(core::age_brackets(), a.age_bracket),
                 coop_label(core::genders(), a.gender), coop_label(core::social_statuses(), a.social_status),
                 commune, learner.archived ? _("Archived") : wxString(), wxString::Format("%d", lessons),
                 wxString::Format("%zu", procedures.size())},
                static_cast<long>(i));
            if (learner.id == keep) {
                table_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                     wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            }
        }
    } catch (const core::StoreError& error) {
        learners_.clear();
        show_store_error(this, error);
    }
    fit_columns(table_);
    show_selected();
}

const core::Learner* MediatorLearnersPage::selected() const {
    const long row = selected_row(table_);
    if (row < 0) {
        return nullptr;
    }
    const auto index = static_cast<std::size_t>(table_->GetItemData(row));
    return index < learners_.size() ? &learners_[index] : nullptr;
}

void MediatorLearnersPage::show_selected() {
    const core::Learner* learner = selected();
    edit_->Enable(learner != nullptr);
    archive_->Enable(learner != nullptr);
    erase_->Enable(learner != nullptr);
    archive_->SetLabel(learner != nullptr && learner->archived ? _("Unarchive") : _("Archive"));
    progress_->DeleteAllItems();
    if (learner == nullptr) {
        progress_title_->SetLabel(_("Select a learner to see their progress."));
        return;
    }
    try {
        const int workshops =
            static_cast<int>(core::ActivityBook(*context_.store).of_learner(learner->id).size());
        progress_title_->SetLabel(wxString::Format(
            wxPLURAL("Progress of %s (%d workshop or session attended):",
                     "Progress of %s (%d workshops or sessions attended):", static_cast<unsigned>(workshops)),
            utf8(learner->name), workshops));
        for (const auto& progress : context_.store->all_progress(learner->id)) {
            bool procedure = false;
            const wxString title = lesson_title(*context_.lessons, progress.lesson_id, &procedure);
            wxString status = _("Not started");
            if (progress.status == core::LessonStatus::Done) {
                status = _("Done");
            } else if (progress.status == core::LessonStatus::InProgress) {
                status = wxString::Format(_("In progress, step %d"), progress.current_step + 1);
            }
            add_row(progress_, {title, _("Lesson"), status});
        }
        // One line per procedure: its best outcome.
        std::map<std::string, wxString> procedures;
        for (const auto& result : context_.store->scenario_results(learner->id)) {
            wxString& status = procedures[result.scenario_id];
            if (result.finished) {
                status =
                    result.level.empty()
                        ? _("Done")
                        : wxString::Format(_("Done (%s)"), coop_label(core::autonomy_levels(), result.level));
            } else if (status.empty()) {
                status = _("Tried");
            }
        }
        for (const auto& [id, status] : procedures) {
            bool procedure = true;
            add_row(progress_, {lesson_title(*context_.lessons, id, &procedure), _("Procedure"), status});
        }
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    fit_columns(progress_);
    Layout();
}

void MediatorLearnersPage::edit(bool create) {
    const core::Learner* learner = selected();
    if (!create && learner == nullptr) {
        return;
    }
    auto* dialog = new MediatorLearnerDialog(this, context_.appearance, *context_.store,
                                             create ? std::nullopt : std::optional<core::Learner>(*learner));
    show_as_modal(dialog, [this](int code) {
        if (code == wxID_OK) {
            refresh();
        }
    });
}

void MediatorLearnersPage::toggle_archived() {
    const core::Learner* learner = selected();
    if (learner == nullptr) {
        return;
    }
    const bool archive = !learner->archived;
    try {
        context_.store->set_archived(learner->id, archive);
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
        return;
    }
    log_action(this, context_, archive ? "archive-learner" : "unarchive-learner");
    refresh();
}

void MediatorLearnersPage::erase() {
    const core::Learner* learner = selected();
    if (learner == nullptr) {
        return;
    }
    const core::LearnerId id = learner->id;
    auto* dialog = new MediatorEraseDialog(this, context_.appearance, utf8(learner->name));
    show_as_modal(dialog, [this, id](int code) {
        if (code != wxID_OK) {
            return;
        }
        try {
            context_.store->erase_learner(id);
        } catch (const core::StoreError& error) {
            show_store_error(this, error);
            return;
        }
        // What and how many, never whom.
        log_action(this, context_, "erase-learner");
        refresh();
    });
}

}  // namespace pasapas::ui
