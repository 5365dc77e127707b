#pragma once
// Click and double-click steps: the targets are large tiles spread over a canvas, so the
// learner has to move the mouse to reach them; clicking beside them is a "miss".
#include "ui/activity_view.hpp"

#include <wx/timer.h>

#include <vector>

namespace pasapas::ui {

class TargetActivityView : public ActivityView {
public:
    TargetActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                       ActionHandler on_action);

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void layout_tiles();
    void on_left_down(const std::string& target);
    void on_double_click(const std::string& target);
    void on_key(wxKeyEvent& event, const std::string& target);
    void on_paint(wxPaintEvent& event);
    void send(core::Action::Type type, const std::string& target);
    [[nodiscard]] bool wants_double_click() const;

    std::vector<Tile*> tiles_;
    // On a double-click step the first press of a double click must not count as a single
    // click (GTK delivers it before the double click): it waits for the system's
    // double-click time and only then becomes a Click.
    wxTimer single_click_timer_;
    std::string pending_target_;
};

}  // namespace pasapas::ui
