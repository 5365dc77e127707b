#pragma once
// Text size, contrast and language, with a live preview inside the dialog. The caller applies
// the result to the main window and decides whether it is remembered for the learner.
#include "ui/appearance.hpp"

#include <wx/dialog.h>

#include <vector>

class wxCheckBox;
class wxRadioBox;
class wxStaticText;
class wxToggleButton;

namespace pasapas::ui {

class SettingsDialog : public wxDialog {
public:
    // remembered: the settings are kept for the current learner (else only until the app closes).
    SettingsDialog(wxWindow* parent, const Appearance& current, bool remembered);

    [[nodiscard]] const Appearance& chosen() const { return chosen_; }

    // The language codes offered, in the order of the language choice.
    static const std::vector<std::string>& language_codes();

private:
    void preview();
    void fit_to_content();

    Appearance chosen_;
    std::vector<wxToggleButton*> size_buttons_;
    wxCheckBox* contrast_ = nullptr;
    wxRadioBox* language_ = nullptr;
    wxStaticText* sample_ = nullptr;
};

}  // namespace pasapas::ui
