#pragma once
// Drag and drop steps: items are tiles the learner carries with the mouse button held down
// onto large labelled zones. From the keyboard: pick an item with Space, then a zone.
#include "ui/activity_view.hpp"

#include <map>
#include <string>
#include <vector>

namespace pasapas::ui {

class DragActivityView : public ActivityView {
public:
    DragActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                     ActionHandler on_action);

    // A right drop snaps the item into its zone, any other verdict sends it back.
    void show_verdict(const core::Action& action, const core::Verdict& verdict) override;

protected:
    wxSize DoGetBestClientSize() const override;

private:
    struct Piece {
        std::string id;
        Tile* tile = nullptr;
        wxPoint home;
    };

    void layout_pieces();
    void start_drag(Piece& piece, const wxPoint& in_tile);
    void drag_to_mouse();
    void end_drag();
    void drop(const std::string& item, const std::string& zone);
    void on_item_key(wxKeyEvent& event, Piece& piece);
    void on_zone_key(wxKeyEvent& event, const std::string& zone);
    [[nodiscard]] std::string zone_under(const wxPoint& canvas_point) const;
    [[nodiscard]] wxSize item_size() const;
    [[nodiscard]] int items_per_zone() const;

    std::vector<Piece> items_;
    std::vector<std::pair<std::string, Tile*>> zones_;
    std::map<std::string, std::string> placed_;  // item id -> zone id, as the verdicts said
    Piece* dragging_ = nullptr;
    wxPoint grab_offset_;
    wxPoint press_point_;
    std::string selected_;  // item picked from the keyboard, waiting for a zone
};

}  // namespace pasapas::ui
