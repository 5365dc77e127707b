#pragma once
// Records an individual session or a collective workshop with La Coop's activity fields, and the
// learners who came. The title and notes stay on this PC, and the dialog says so. What the
// activity book refuses is said inside the dialog, which stays open to fix it.
#include "core/activity_book.hpp"
#include "ui/appearance.hpp"

#include <wx/dialog.h>

#include <vector>

class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxDatePickerCtrl;
class wxScrolledWindow;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace pasapas::ui {

class MediatorActivityDialog : public wxDialog {
public:
    MediatorActivityDialog(wxWindow* parent, const Appearance& appearance, core::ProgressStore& store,
                           core::ActivityRecord activity);

    [[nodiscard]] core::ActivityId saved() const { return saved_; }

private:
    void kind_changed();
    void save();
    void say(const wxString& message);

    Appearance appearance_;
    core::ProgressStore& store_;
    core::ActivityRecord activity_;
    std::vector<core::Learner> learners_;
    wxScrolledWindow* fields_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxDatePickerCtrl* date_ = nullptr;
    wxChoice* duration_preset_ = nullptr;
    wxSpinCtrl* duration_ = nullptr;
    wxChoice* place_type_ = nullptr;
    wxTextCtrl* place_name_ = nullptr;
    wxTextCtrl* place_commune_ = nullptr;
    wxTextCtrl* place_postcode_ = nullptr;
    wxTextCtrl* place_insee_ = nullptr;
    wxCheckListBox* equipment_ = nullptr;
    wxCheckListBox* digital_themes_ = nullptr;
    wxCheckListBox* admin_themes_ = nullptr;
    wxChoice* demarche_ = nullptr;
    wxChoice* autonomy_ = nullptr;
    wxChoice* workshop_level_ = nullptr;
    wxSpinCtrl* anonymous_ = nullptr;
    wxCheckBox* referred_ = nullptr;
    wxChoice* referral_ = nullptr;
    wxTextCtrl* title_ = nullptr;
    wxTextCtrl* notes_ = nullptr;
    wxCheckListBox* attendees_ = nullptr;
    wxStaticText* message_ = nullptr;
    core::ActivityId saved_ = 0;
};

}  // namespace pasapas::ui
