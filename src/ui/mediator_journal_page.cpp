#include "ui/mediator_journal_page.hpp"

#include "core/mediator_log.hpp"

#include <wx/sizer.h>

#include <map>

namespace pasapas::ui {

namespace {

// What the journal's action ids mean, in words; an id this version does not know is shown as is.
wxString action_label(const std::string& action) {
    // Built each time: the language may have changed since.
    const std::map<std::string, wxString> labels{
        {"sign-in", _("Signed in")},
        {"sign-in-failed", _("Wrong login or password")},
        {"sign-in-refused", _("Sign-in refused: waiting after too many attempts")},
        {"locked", _("Locked after too many attempts")},
        {"sign-out", _("Locked and left")},
        {"create-mediator", _("Mediator account created")},
        {"change-password", _("Password changed")},
        {"export", _("Export")},
        {"send", _("Sending")},
        {"save-usb", _("Everything saved to a USB stick")},
        {"erase-learner", _("Learner erased")},
        {"archive-learner", _("Learner archived")},
        {"unarchive-learner", _("Learner back from the archive")},
        {"delete-activity", _("Activity deleted")}};
    const auto found = labels.find(action);
    return found == labels.end() ? utf8(action) : found->second;
}

}  // namespace

MediatorJournalPage::MediatorJournalPage(wxWindow* parent, MediatorContext& context)
    : MediatorPage(parent, context) {
    SetName("mediator-journal-page");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(field_label(this, _("What was done in the mediator area, newest first:")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    table_ = make_table(this, "journal-table", {_("When"), _("Mediator"), _("Action"), _("Detail")});
    sizer->Add(table_, wxSizerFlags(1).Expand().Border(wxALL, gap));
    SetSizer(sizer);
    refresh();
}

void MediatorJournalPage::refresh() {
    table_->DeleteAllItems();
    try {
        std::map<core::MediatorId, std::string> logins;
        for (const auto& mediator : core::MediatorAccounts(*context_.store).list()) {
            logins[mediator.id] = mediator.login;
        }
        for (const auto& entry : core::MediatorLog(*context_.store).entries(500)) {
            wxDateTime at;
            wxString when = utf8(entry.at);
            if (at.ParseISOCombined(utf8(entry.at.substr(0, 19)))) {
                when = at.FromTimezone(wxDateTime::UTC).Format("%x %X");
            }
            const wxString who = entry.mediator ? utf8(logins[*entry.mediator]) : wxString::FromUTF8("—");
            add_row(table_, {when, who, action_label(entry.action), utf8(entry.detail)});
        }
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    fit_columns(table_);
}

}  // namespace pasapas::ui
