#pragma once
// The mediators' journal, newest first, read-only: what was done and how many, never whom.
#include "ui/mediator_page.hpp"

class wxListCtrl;

namespace pasapas::ui {

class MediatorJournalPage : public MediatorPage {
public:
    MediatorJournalPage(wxWindow* parent, MediatorContext& context);
    void refresh() override;

private:
    wxListCtrl* table_ = nullptr;
};

}  // namespace pasapas::ui
