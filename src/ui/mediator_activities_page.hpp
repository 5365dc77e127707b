#pragma once
// The console's record of sessions and workshops, newest first: new, edit, delete.
#include "core/activity_book.hpp"
#include "ui/mediator_page.hpp"

#include <vector>

class wxButton;
class wxListCtrl;

namespace pasapas::ui {

class MediatorActivitiesPage : public MediatorPage {
public:
    MediatorActivitiesPage(wxWindow* parent, MediatorContext& context);
    void refresh() override;

private:
    [[nodiscard]] const core::ActivityRecord* selected() const;
    void open(bool create);
    void remove();

    std::vector<core::ActivityRecord> activities_;
    wxListCtrl* table_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* delete_ = nullptr;
};

}  // namespace pasapas::ui
