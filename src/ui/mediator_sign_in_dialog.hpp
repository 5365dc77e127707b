#pragma once
// The key to the mediator console: creates the first mediator account on a fresh install, or
// asks for a login and password. Wrong passwords and the wait after too many are said inside
// the dialog, which stays open for another try.
#include "core/mediator_accounts.hpp"
#include "ui/appearance.hpp"

#include <wx/dialog.h>

#include <optional>

class wxStaticText;
class wxTextCtrl;

namespace pasapas::ui {

class MediatorSignInDialog : public wxDialog {
public:
    // create_first: no account exists yet, the dialog makes one (and signs it in).
    MediatorSignInDialog(wxWindow* parent, const Appearance& appearance, core::ProgressStore& store,
                         bool create_first);

    [[nodiscard]] std::optional<core::MediatorId> signed_in() const { return signed_in_; }

private:
    void submit();
    void create();
    void sign_in();
    void say(const wxString& message);

    Appearance appearance_;
    core::ProgressStore& store_;
    bool create_first_;
    wxTextCtrl* login_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* again_ = nullptr;
    wxStaticText* message_ = nullptr;
    std::optional<core::MediatorId> signed_in_;
};

}  // namespace pasapas::ui
