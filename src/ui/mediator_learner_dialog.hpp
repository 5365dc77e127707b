#pragma once
// Creates or edits a learner's profile from the console: first name, La Coop's coarse
// attributes (age bracket, gender, status, commune) and the mediator's private notes. A birth
// year may be typed to pick the bracket; it is never stored.
#include "core/progress_store.hpp"
#include "ui/appearance.hpp"

#include <wx/dialog.h>

#include <optional>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace pasapas::ui {

class MediatorLearnerDialog : public wxDialog {
public:
    // learner: the one to edit, or nullopt for a new profile.
    MediatorLearnerDialog(wxWindow* parent, const Appearance& appearance, core::ProgressStore& store,
                          std::optional<core::Learner> learner);

    [[nodiscard]] core::LearnerId saved() const { return saved_; }

private:
    void year_typed();
    void save();
    void say(const wxString& message);

    Appearance appearance_;
    core::ProgressStore& store_;
    std::optional<core::Learner> learner_;
    wxTextCtrl* name_ = nullptr;
    wxChoice* age_ = nullptr;
    wxTextCtrl* year_ = nullptr;
    wxChoice* gender_ = nullptr;
    wxChoice* status_ = nullptr;
    wxTextCtrl* commune_ = nullptr;
    wxTextCtrl* postcode_ = nullptr;
    wxTextCtrl* insee_ = nullptr;
    wxTextCtrl* notes_ = nullptr;
    wxStaticText* message_ = nullptr;
    core::LearnerId saved_ = 0;
};

}  // namespace pasapas::ui
