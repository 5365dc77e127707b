#include "ui/mediator_journal_page.hpp"

#include "core/mediator_log.hpp"

#include <wx/sizer.h>

#include <map>

namespace pasapas::ui {

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
            add_row(table_, {when, who, utf8(entry.action), utf8(entry.detail)});
        }
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    fit_columns(table_);
}

}  // namespace pasapas::ui
