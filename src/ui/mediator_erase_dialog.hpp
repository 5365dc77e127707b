#pragma once
// Erasing a learner for good, said in plain words; the first name must be typed to confirm, so
// that a slip of the mouse cannot erase anyone.
#include "ui/appearance.hpp"

#include <wx/dialog.h>

class wxButton;
class wxTextCtrl;

namespace pasapas::ui {

class MediatorEraseDialog : public wxDialog {
public:
    MediatorEraseDialog(wxWindow* parent, const Appearance& appearance, const wxString& name);

private:
    wxString name_;
    wxTextCtrl* confirm_ = nullptr;
    wxButton* erase_ = nullptr;
};

}  // namespace pasapas::ui
