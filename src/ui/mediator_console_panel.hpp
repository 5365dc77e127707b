#pragma once
// The mediator console: a screen of the main window with one page per task (learners,
// activities, dashboard, reports, journal). Leaving it, or closing the window, locks it: the
// next visit asks for the password again.
#include "ui/mediator_context.hpp"

#include <wx/panel.h>

#include <functional>
#include <set>

class wxNotebook;

namespace pasapas::ui {

class MediatorConsolePanel : public wxPanel {
public:
    MediatorConsolePanel(wxWindow* parent, MediatorContext context, std::function<void()> leave);
    ~MediatorConsolePanel() override;
    MediatorConsolePanel(const MediatorConsolePanel&) = delete;
    MediatorConsolePanel& operator=(const MediatorConsolePanel&) = delete;

    [[nodiscard]] wxNotebook* pages() const { return pages_; }
    [[nodiscard]] core::MediatorId mediator() const { return context_.mediator; }
    // Shows the page with this window name ("mediator-learners-page"…); false when none.
    bool show_page(const wxString& name);

private:
    void relayout_after_paint(wxWindow* page);
    void lock_and_leave();
    void sign_out();

    MediatorContext context_;
    std::function<void()> leave_;
    wxNotebook* pages_ = nullptr;
    bool signed_out_ = false;
    std::set<wxWindow*> relayout_pending_;
};

}  // namespace pasapas::ui
