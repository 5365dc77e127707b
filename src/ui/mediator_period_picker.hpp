#pragma once
// A period for the dashboard and the reports: from and to dates, with presets (this month, the
// last three months, this year, everything).
#include <wx/panel.h>

#include <functional>
#include <string>

class wxChoice;
class wxDatePickerCtrl;

namespace pasapas::ui {

class MediatorPeriodPicker : public wxPanel {
public:
    MediatorPeriodPicker(wxWindow* parent, const wxString& name, std::function<void()> changed);

    [[nodiscard]] std::string from() const;  // YYYY-MM-DD, "" = no lower bound
    [[nodiscard]] std::string to() const;
    void set(const std::string& from, const std::string& to);

private:
    void preset_chosen();

    std::function<void()> changed_;
    wxChoice* preset_ = nullptr;
    wxDatePickerCtrl* from_ = nullptr;
    wxDatePickerCtrl* to_ = nullptr;
};

}  // namespace pasapas::ui
