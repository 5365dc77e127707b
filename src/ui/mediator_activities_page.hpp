#pragma once
// The console's record of sessions and workshops, newest first: new, edit, delete; and the
// progress of the learners who came to the selected one.
#include "core/activity_book.hpp"
#include "ui/mediator_page.hpp"

#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace pasapas::ui {

class MediatorActivitiesPage : public MediatorPage {
public:
    MediatorActivitiesPage(wxWindow* parent, MediatorContext& context);
    void refresh() override;

private:
    [[nodiscard]] const core::ActivityRecord* selected() const;
    void open(bool create);
    void remove();
    void show_attendees();

    std::vector<core::ActivityRecord> activities_;
    wxListCtrl* table_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* delete_ = nullptr;
    wxStaticText* attendees_title_ = nullptr;
    wxListCtrl* attendees_ = nullptr;
};

}  // namespace pasapas::ui
