#pragma once
// Creates a learner: a first name or nickname, a picture, and an optional 4-digit code for
// shared computers. Problems are said in plain words inside the dialog, next to the fields.
// Works shown modal or modeless (the main frame uses it modeless so that nothing nests event
// loops); either way it ends with wxID_OK once the learner exists.
#include "core/progress_store.hpp"
#include "ui/appearance.hpp"
#include "ui/avatar_catalog.hpp"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxStaticText;
class wxTextCtrl;
class wxToggleButton;

namespace pasapas::ui {

class NewProfileDialog : public wxDialog {
public:
    static constexpr std::size_t kMaxNameChars = 40;

    NewProfileDialog(wxWindow* parent, const Appearance& appearance, const AvatarCatalog& avatars,
                     core::ProgressStore& store);

    // The learner created, 0 if none (cancelled).
    [[nodiscard]] core::LearnerId created() const { return created_; }

private:
    void pick_avatar(const std::string& id);
    void create();
    void show_error(const wxString& message, wxWindow* focus);

    Appearance appearance_;
    core::ProgressStore& store_;
    wxTextCtrl* name_ = nullptr;
    std::vector<std::pair<std::string, wxToggleButton*>> avatar_buttons_;
    std::string avatar_;
    wxTextCtrl* pin_ = nullptr;
    wxTextCtrl* pin_again_ = nullptr;
    wxStaticText* error_ = nullptr;
    core::LearnerId created_ = 0;
};

}  // namespace pasapas::ui
