#pragma once
// One page of the mediator console: reads the store again each time it is shown, since another
// page may have changed what it shows (a learner erased, an activity recorded).
#include "ui/mediator_context.hpp"

#include <wx/panel.h>

namespace pasapas::ui {

class MediatorPage : public wxPanel {
public:
    MediatorPage(wxWindow* parent, MediatorContext& context) : wxPanel(parent, wxID_ANY), context_(context) {}
    virtual void refresh() = 0;

protected:
    MediatorContext& context_;
};

}  // namespace pasapas::ui
