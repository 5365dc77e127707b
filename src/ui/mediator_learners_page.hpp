#pragma once
// The console's learners: every profile with La Coop's attributes and how far they got, and the
// selected one's progress item by item. New, edit, archive and erase from here.
#include "ui/mediator_page.hpp"

#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace pasapas::ui {

class MediatorLearnersPage : public MediatorPage {
public:
    MediatorLearnersPage(wxWindow* parent, MediatorContext& context);
    void refresh() override;

private:
    [[nodiscard]] const core::Learner* selected() const;
    void show_selected();
    void edit(bool create);
    void toggle_archived();
    void erase();

    std::vector<core::Learner> learners_;
    wxListCtrl* table_ = nullptr;
    wxListCtrl* progress_ = nullptr;
    wxStaticText* progress_title_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* archive_ = nullptr;
    wxButton* erase_ = nullptr;
};

}  // namespace pasapas::ui
