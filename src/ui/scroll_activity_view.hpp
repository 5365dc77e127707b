#pragma once
// Scroll steps: a long list of large rows, shown from the top so that the one to find is out
// of sight; the wheel, the scroll bar and the arrow keys all move it; a click picks a row.
#include "ui/activity_view.hpp"

#include <wx/scrolwin.h>

#include <vector>

namespace pasapas::ui {

class ScrollActivityView : public ActivityView {
public:
    ScrollActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                       ActionHandler on_action);

    // For tests: the scrolled list and its rows.
    [[nodiscard]] wxScrolledWindow* list() const { return list_; }

private:
    void on_row_key(wxKeyEvent& event, std::size_t index);
    void pick(std::size_t index);

    wxScrolledWindow* list_ = nullptr;
    std::vector<Tile*> rows_;
};

}  // namespace pasapas::ui
