#pragma once
// The simulated web browser around a scenario's pages: a « SIMULATION » banner that never
// goes away, a tab with the site and the page title, a back button, the address bar (the
// https address with a drawn padlock, or a plain warning when the address is not secure),
// and the page itself (PageView).
#include "core/scenario_session.hpp"
#include "ui/appearance.hpp"
#include "ui/page_view.hpp"

#include <wx/panel.h>

#include <functional>

class wxButton;
class wxStaticText;

namespace pasapas::ui {

class BrowserView : public wxPanel {
public:
    BrowserView(wxWindow* parent, const Appearance& appearance, PageView::Callbacks callbacks,
                std::function<void()> on_back);

    // Draws the session's current page, its address and the feedback of the last action.
    void show(const core::ScenarioSession& session, const core::Feedback& feedback);

    [[nodiscard]] PageView* page() const { return page_; }
    [[nodiscard]] wxWindow* address_bar() const { return address_; }
    // Marks the address bar as the thing to look at (guide target @address-bar).
    void highlight_address(bool on);

private:
    Appearance appearance_;
    SiteColours colours_;
    wxButton* back_ = nullptr;
    wxStaticText* tab_ = nullptr;
    Tinted<wxPanel>* address_ = nullptr;
    Tinted<wxPanel>* address_frame_ = nullptr;
    wxWindow* lock_ = nullptr;
    wxStaticText* url_ = nullptr;
    wxStaticText* security_ = nullptr;
    PageView* page_ = nullptr;
    bool secure_ = true;
};

}  // namespace pasapas::ui
