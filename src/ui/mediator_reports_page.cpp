#include "ui/mediator_reports_page.hpp"

#include "core/mediator_log.hpp"
#include "core/outbox.hpp"
#include "core/report_builder.hpp"
#include "core/report_files.hpp"
#include "core/report_sender.hpp"
#include "core/sqlite_support.hpp"
#include "ui/mediator_period_picker.hpp"

#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filepicker.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace pasapas::ui {

namespace fs = std::filesystem;

MediatorReportsPage::MediatorReportsPage(wxWindow* parent, MediatorContext& context)
    : MediatorPage(parent, context) {
    SetName("mediator-reports-page");
    const int gap = FromDIP(8);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    scroller->SetName("reports-content");
    scroller->SetScrollRate(0, FromDIP(20));
    wxWindow* p = scroller;
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    period_ = new MediatorPeriodPicker(p, "reports-period", nullptr);
    sizer->Add(period_, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* k_row = new wxBoxSizer(wxHORIZONTAL);
    k_row->Add(field_label(p, _("Hide any count below:")),
               wxSizerFlags().CentreVertical().Border(wxRIGHT, gap));
    k_ = new wxSpinCtrl(p, wxID_ANY, "5", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2, 50, 5);
    k_->SetName("reports-k");
    k_row->Add(k_, wxSizerFlags().CentreVertical());
    sizer->Add(k_row, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    auto* k_note = wrapped_text(
        p, _("Small numbers could point at someone: the statistics hide them (5 or more is advised)."), this);
    set_relative_size(k_note, 0.9);
    sizer->Add(k_note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));

    auto* folder_row = new wxBoxSizer(wxHORIZONTAL);
    folder_row->Add(field_label(p, _("Save the files in:")),
                    wxSizerFlags().CentreVertical().Border(wxRIGHT, gap));
    folder_ =
        new wxDirPickerCtrl(p, wxID_ANY, wxStandardPaths::Get().GetDocumentsDir(), _("Choose a folder"),
                            wxDefaultPosition, wxDefaultSize, wxDIRP_USE_TEXTCTRL | wxDIRP_DIR_MUST_EXIST);
    folder_->SetName("reports-folder");
    folder_row->Add(folder_, wxSizerFlags(1).CentreVertical());
    sizer->Add(folder_row, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* exports = new wxWrapSizer(wxHORIZONTAL);
    const auto button = [&](wxSizer* into, const wxString& label, const wxString& name) {
        auto* made = new wxButton(p, wxID_ANY, label);
        made->SetName(name);
        into->Add(made, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, gap));
        return made;
    };
    const std::pair<core::ReportFormat, wxString> labels[] = {
        {core::ReportFormat::CoopCsv, _("Export La Coop CSV")},
        {core::ReportFormat::CoopXlsx, _("Export La Coop XLSX")},
        {core::ReportFormat::Stats, _("Export statistics (CSV)")},
        {core::ReportFormat::Xapi, _("Export xAPI (JSON)")},
        {core::ReportFormat::Html, _("Printable summary (HTML)")}};
    for (const auto& [format, label] : labels) {
        const core::ReportFormat chosen = format;
        button(exports, label, wxString("export:") + utf8(std::string(core::report_format_name(format))))
            ->Bind(wxEVT_BUTTON, [this, chosen](wxCommandEvent&) { export_clicked(chosen); });
    }
    button(exports, _("Save everything to a USB stick..."), "export-usb")
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            wxDirDialog dialog(this, _("Choose the USB stick (or a folder on it)"), folder_->GetPath(),
                               wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
            if (dialog.ShowModal() == wxID_OK) {
                save_to_usb(fs::path(dialog.GetPath().utf8_string()));
            }
        });
    sizer->Add(exports, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    status_ = new wxStaticText(p, wxID_ANY, wxEmptyString);
    status_->SetName("reports-status");
    sizer->Add(status_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    open_summary_ = new wxButton(p, wxID_ANY, _("Open the summary in the browser"));
    open_summary_->SetName("open-summary");
    open_summary_->Hide();
    open_summary_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxLaunchDefaultBrowser(wxString("file://") + wxString(last_summary_.native()));
    });
    sizer->Add(open_summary_, wxSizerFlags().Border(wxALL, gap));

    // Sending.
    auto* sending = new wxStaticBoxSizer(wxVERTICAL, p, _("Sending to the local authority"));
    wxWindow* box = sending->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);
    const auto row = [&](const wxString& label, wxWindow* control) {
        grid->Add(label_for(control, label), wxSizerFlags().CentreVertical());
        grid->Add(control, wxSizerFlags().Expand());
    };
    xapi_endpoint_ = new wxTextCtrl(box, wxID_ANY);
    xapi_endpoint_->SetName("send-xapi-endpoint");
    row(_("xAPI endpoint (Learning Record Store):"), xapi_endpoint_);
    stats_endpoint_ = new wxTextCtrl(box, wxID_ANY);
    stats_endpoint_->SetName("send-stats-endpoint");
    row(_("Statistics endpoint:"), stats_endpoint_);
    auth_ = new wxChoice(box, wxID_ANY);
    auth_->SetName("send-auth");
    auth_->Append(_("None"));
    auth_->Append(_("Token (Bearer)"));
    auth_->Append(_("User and password (Basic)"));
    auth_->SetSelection(0);
    auth_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_auth_fields(); });
    row(_("Authentication:"), auth_);
    token_ = new wxTextCtrl(box, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    token_->SetName("send-token");
    row(_("Token:"), token_);
    user_ = new wxTextCtrl(box, wxID_ANY);
    user_->SetName("send-user");
    row(_("User:"), user_);
    password_ = new wxTextCtrl(box, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    password_->SetName("send-password");
    row(_("Password:"), password_);
    sending->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));
    auto* send_row = new wxBoxSizer(wxHORIZONTAL);
    auto* save = new wxButton(box, wxID_ANY, _("Save the settings"));
    save->SetName("send-save-settings");
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_settings(); });
    send_row->Add(save, wxSizerFlags().Border(wxRIGHT, gap));
    auto* send = new wxButton(box, wxID_ANY, _("Send now"));
    send->SetName("send-now");
    send->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send_now(); });
    send_row->Add(send);
    sending->Add(send_row, wxSizerFlags().Border(wxALL, gap));
    // What the last sending did, beside its button: the page's status line may be scrolled away.
    send_result_ = new wxStaticText(box, wxID_ANY, wxEmptyString);
    send_result_->SetName("send-result");
    sending->Add(send_result_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    outbox_status_ = new wxStaticText(box, wxID_ANY, wxEmptyString);
    outbox_status_->SetName("send-status");
    sending->Add(outbox_status_, wxSizerFlags().Expand().Border(wxALL, gap));
    sending->Add(field_label(box, _("Refused by the server (not sent):")),
                 wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    dead_ = make_table(box, "send-dead-letters", {_("Kind"), _("Attempts"), _("Answer"), _("Detail")});
    dead_->SetMinSize(wxSize(-1, FromDIP(110)));
    sending->Add(dead_, wxSizerFlags().Expand().Border(wxALL, gap));
    retry_ = new wxButton(box, wxID_ANY, _("Try again"));
    retry_->SetName("send-retry");
    retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retry_dead(); });
    sending->Add(retry_, wxSizerFlags().Border(wxALL, gap));
    sizer->Add(sending, wxSizerFlags().Expand().Border(wxALL, gap));

    scroller->SetSizer(sizer);
    outer->Add(scroller, wxSizerFlags(1).Expand());
    SetSizer(outer);
    load_settings();
    refresh();
}

void MediatorReportsPage::refresh() {
    dead_->DeleteAllItems();
    try {
        core::Outbox outbox(*context_.store);
        const core::OutboxCounts counts = outbox.counts();
        wxString text = wxString::Format(_("Waiting to be sent: %d. Refused: %d. Sent: %d."), counts.pending,
                                         counts.dead, counts.sent);
        if (!counts.next_attempt_at.empty()) {
            wxDateTime next;
            if (next.ParseISOCombined(utf8(counts.next_attempt_at.substr(0, 19)))) {
                text += " " + wxString::Format(_("Next try: %s."),
                                               next.FromTimezone(wxDateTime::UTC).Format("%x %X"));
            }
        }
        outbox_status_->SetLabel(text);
        for (const auto& item : outbox.dead_letters()) {
            add_row(dead_,
                    {utf8(item.kind), wxString::Format("%d", item.attempts),
                     wxString::Format("%ld", item.last_status), utf8(item.last_error)},
                    static_cast<long>(item.id));
        }
    } catch (const core::StoreError& error) {
        outbox_status_->SetLabel(wxString::FromUTF8(error.what()));
    }
    fit_columns(dead_);
    retry_->Enable(dead_->GetItemCount() > 0);
    Layout();
}

core::ReportDataset MediatorReportsPage::dataset() const {
    return core::build_report(*context_.store, context_.lessons->lessons, context_.lessons->scenarios,
                              core::ReportPeriod{period_->from(), period_->to()}, k_->GetValue());
}

std::string MediatorReportsPage::period_text() const {
    return (period_->from().empty() ? std::string("debut") : period_->from()) + ".." +
           (period_->to().empty() ? std::string("fin") : period_->to());
}

fs::path MediatorReportsPage::export_to(core::ReportFormat format, const fs::path& folder) {
    const core::ReportDataset data = dataset();
    const fs::path file = folder / core::report_file_name(format, data.period);
    const std::string count = core::write_report(data, format, file, core::xapi_home_page(*context_.store));
    // What, when and how many: never whom, and not even the folder (it may hold a name).
    core::MediatorLog(*context_.store)
        .append(context_.mediator, "export",
                std::string(core::report_format_name(format)) + " " + period_text() + " " + count);
    return file;
}

void MediatorReportsPage::export_clicked(core::ReportFormat format) {
    const fs::path folder(folder_->GetPath().utf8_string());
    if (folder.empty() || !fs::is_directory(folder)) {
        say(_("Choose an existing folder to save the file in."), true);
        return;
    }
    try {
        wxBusyCursor busy;
        const fs::path file = export_to(format, folder);
        say(wxString::Format(_("Saved: %s"), wxString(file.native())), false);
        if (format == core::ReportFormat::Html) {
            last_summary_ = file;
            open_summary_->Show();
            Layout();
        }
    } catch (const core::StoreError& error) {
        say(wxString::FromUTF8(error.what()), true);
        show_store_error(this, error);
    }
}

void MediatorReportsPage::save_to_usb(const fs::path& parent) {
    try {
        wxBusyCursor busy;
        const fs::path folder = parent / ("Pas-a-Pas_rapports_" + core::local_stamp());
        std::error_code error;
        fs::create_directories(folder, error);
        if (error) {
            throw core::StoreError(wxString::Format(_("The folder %s could not be made: %s"),
                                                    wxString(folder.native()),
                                                    wxString::FromUTF8(error.message()))
                                       .utf8_string());
        }
        for (const core::ReportFormat format : core::report_formats()) {
            export_to(format, folder);
        }
        core::MediatorLog(*context_.store).append(context_.mediator, "save-usb", period_text());
        say(wxString::Format(_("Everything is saved in %s"), wxString(folder.native())), false);
    } catch (const core::StoreError& error) {
        say(wxString::FromUTF8(error.what()), true);
        show_store_error(this, error);
    }
}

core::SendTarget MediatorReportsPage::target_from_fields() const {
    core::SendTarget target;
    target.xapi_endpoint = xapi_endpoint_->GetValue().Strip(wxString::both).utf8_string();
    target.stats_endpoint = stats_endpoint_->GetValue().Strip(wxString::both).utf8_string();
    target.auth = auth_->GetSelection() == 1   ? core::SendTarget::Auth::Bearer
                  : auth_->GetSelection() == 2 ? core::SendTarget::Auth::Basic
                                               : core::SendTarget::Auth::None;
    target.token = token_->GetValue().utf8_string();
    target.user = user_->GetValue().utf8_string();
    target.password = password_->GetValue().utf8_string();
    return target;
}

void MediatorReportsPage::send_now() {
    if (!context_.http) {
        say(_("Sending is not available in this version: save the reports to a USB stick instead."), true,
            send_result_);
        return;
    }
    const core::SendTarget target = target_from_fields();
    if (target.xapi_endpoint.empty() && target.stats_endpoint.empty()) {
        say(_("Type the address where the reports go first."), true, send_result_);
        xapi_endpoint_->SetFocus();
        return;
    }
    try {
        wxBusyCursor busy;
        core::save_send_target(*context_.store, target);
        const int queued =
            core::queue_reports(*context_.store, dataset(), target, core::xapi_home_page(*context_.store));
        core::Outbox outbox(*context_.store);
        core::ReportSender sender(outbox, *context_.http);
        const core::SendReport report = sender.send_due(target, core::utc_now_iso());
        core::MediatorLog(*context_.store)
            .append(context_.mediator, "send",
                    period_text() + " queued " + std::to_string(queued) + ", sent " +
                        std::to_string(report.sent) + ", already stored " +
                        std::to_string(report.already_stored) + ", refused " + std::to_string(report.dead) +
                        ", later " + std::to_string(report.retry_later));
        // The sender's summary says it all, a refused token or password included.
        const wxString message = wxString::FromUTF8(report.message);
        if (report.auth_refused) {
            ask_credentials_again();
        }
        say(message, report.auth_refused || report.unsafe_endpoint || report.dead > 0, send_result_);
    } catch (const core::StoreError& error) {
        say(wxString::FromUTF8(error.what()), true, send_result_);
        show_store_error(this, error);
    }
    refresh();
}

void MediatorReportsPage::ask_credentials_again() {
    // The old ones were refused: leaving them in place would only be refused again.
    if (auth_->GetSelection() == 0) {
        auth_->SetSelection(1);
        update_auth_fields();
    }
    if (auth_->GetSelection() == 2) {
        password_->Clear();
        user_->SetFocus();
        user_->SelectAll();
    } else {
        token_->Clear();
        token_->SetFocus();
    }
}

void MediatorReportsPage::retry_dead() {
    const long row = selected_row(dead_);
    try {
        core::Outbox outbox(*context_.store);
        if (row >= 0) {
            outbox.requeue_dead(static_cast<std::int64_t>(dead_->GetItemData(row)));
        } else {
            for (const auto& item : outbox.dead_letters()) {
                outbox.requeue_dead(item.id);
            }
        }
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    refresh();
    send_now();
}

void MediatorReportsPage::load_settings() {
    try {
        const core::SendTarget target = core::load_send_target(*context_.store);
        xapi_endpoint_->ChangeValue(utf8(target.xapi_endpoint));
        stats_endpoint_->ChangeValue(utf8(target.stats_endpoint));
        auth_->SetSelection(target.auth == core::SendTarget::Auth::Bearer  ? 1
                            : target.auth == core::SendTarget::Auth::Basic ? 2
                                                                           : 0);
        token_->ChangeValue(utf8(target.token));
        user_->ChangeValue(utf8(target.user));
        password_->ChangeValue(utf8(target.password));
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    update_auth_fields();
}

void MediatorReportsPage::save_settings() {
    try {
        core::save_send_target(*context_.store, target_from_fields());
        say(_("The sending settings are saved."), false, send_result_);
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
}

void MediatorReportsPage::update_auth_fields() {
    token_->Enable(auth_->GetSelection() == 1);
    user_->Enable(auth_->GetSelection() == 2);
    password_->Enable(auth_->GetSelection() == 2);
}

void MediatorReportsPage::say(const wxString& message, bool problem, wxStaticText* where) {
    where = where != nullptr ? where : status_;
    where->SetLabel(message);
    where->SetForegroundColour(problem ? context_.appearance.error() : context_.appearance.foreground());
    where->Wrap(std::max(GetClientSize().x - FromDIP(60), FromDIP(300)));
    Layout();
    if (auto* content = dynamic_cast<wxScrolledWindow*>(FindWindow("reports-content")); content != nullptr) {
        content->Layout();
        content->FitInside();
        // The message is scrolled into view: it answers what the mediator just did.
        const wxRect shown = content->GetScreenRect();
        const wxRect said = where->GetScreenRect();
        int unit = 1;
        content->GetScrollPixelsPerUnit(nullptr, &unit);
        unit = std::max(unit, 1);
        int x = 0;
        int y = 0;
        content->GetViewStart(&x, &y);
        if (said.GetBottom() > shown.GetBottom()) {
            content->Scroll(x, y + (said.GetBottom() - shown.GetBottom()) / unit + 1);
        } else if (said.GetTop() < shown.GetTop()) {
            content->Scroll(x, std::max(0, y - (shown.GetTop() - said.GetTop()) / unit - 1));
        }
    }
}

}  // namespace pasapas::ui
