#pragma once
// Asks the 4-digit code of a protected profile: a large keypad for mouse users, and the
// keyboard works too. Closes with wxID_OK only once the code was accepted.
#include "core/progress_store.hpp"
#include "ui/appearance.hpp"

#include <wx/dialog.h>

#include <functional>
#include <string>

class wxStaticText;
class wxTextCtrl;

namespace pasapas::ui {

class PinDialog : public wxDialog {
public:
    using Checker = std::function<core::ProgressStore::PinCheck(const std::string& pin)>;

    PinDialog(wxWindow* parent, const Appearance& appearance, const wxString& learner_name, Checker check);

private:
    void press_digit(char digit);
    void erase();
    void submit();

    Appearance appearance_;
    Checker check_;
    wxTextCtrl* field_ = nullptr;
    wxStaticText* message_ = nullptr;
};

}  // namespace pasapas::ui
