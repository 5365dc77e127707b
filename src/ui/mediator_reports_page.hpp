#pragma once
// The console's reports, only when the mediator asks: La Coop's activities (CSV, XLSX), the
// statistics for the collectivité, xAPI statements, a printable summary, everything at once on a
// USB stick; and sending through the outbox to the configured endpoints, with its status and the
// items the server refused. Every export and send is written in the journal, without names.
#include "core/report_dataset.hpp"
#include "core/report_files.hpp"
#include "core/report_sender.hpp"
#include "ui/mediator_page.hpp"

#include <filesystem>
#include <string>

class wxButton;
class wxChoice;
class wxDirPickerCtrl;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace pasapas::ui {

class MediatorPeriodPicker;

class MediatorReportsPage : public MediatorPage {
public:
    MediatorReportsPage(wxWindow* parent, MediatorContext& context);
    void refresh() override;

    // Writes one format into folder under core::report_file_name and journals it; returns the
    // file written. Throws StoreError (translated) when it cannot.
    std::filesystem::path export_to(core::ReportFormat format, const std::filesystem::path& folder);
    void save_to_usb(const std::filesystem::path& parent);
    void send_now();

private:
    [[nodiscard]] core::ReportDataset dataset() const;
    [[nodiscard]] std::string period_text() const;
    [[nodiscard]] core::SendTarget target_from_fields() const;
    void export_clicked(core::ReportFormat format);
    void ask_credentials_again();
    // In the page's status line, or in `where`.
    void say(const wxString& message, bool problem, wxStaticText* where = nullptr);
    void load_settings();
    void save_settings();
    void update_auth_fields();
    void retry_dead();

    MediatorPeriodPicker* period_ = nullptr;
    wxSpinCtrl* k_ = nullptr;
    wxDirPickerCtrl* folder_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* open_summary_ = nullptr;
    std::filesystem::path last_summary_;
    wxTextCtrl* xapi_endpoint_ = nullptr;
    wxTextCtrl* stats_endpoint_ = nullptr;
    wxChoice* auth_ = nullptr;
    wxTextCtrl* token_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* send_result_ = nullptr;
    wxStaticText* outbox_status_ = nullptr;
    wxListCtrl* dead_ = nullptr;
    wxButton* retry_ = nullptr;
};

}  // namespace pasapas::ui
