#include "ui/drag_activity_view.hpp"

#include <wx/utils.h>

#include <algorithm>
#include <utility>

namespace pasapas::ui {

DragActivityView::DragActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                                   ActionHandler on_action)
    : ActivityView(parent, step, appearance, std::move(on_action)) {
    SetName("drag-canvas");
    // Zones first: windows created later are drawn above them, so a carried item stays visible.
    for (const core::DropZone& zone : step.activity.zones) {
        auto* tile = new Tile(this, "zone:" + wxString::FromUTF8(zone.id), lesson_text(zone.label),
                              appearance, Tile::Style::Zone);
        const std::string id = zone.id;
        tile->Bind(wxEVT_LEFT_DOWN, [this, id](wxMouseEvent& e) {
            if (!selected_.empty()) {
                drop(std::exchange(selected_, {}), id);
            }
            e.Skip();
        });
        tile->Bind(wxEVT_KEY_DOWN, [this, id](wxKeyEvent& e) { on_zone_key(e, id); });
        zones_.emplace_back(zone.id, tile);
    }
    items_.reserve(step.activity.items.size());
    for (const core::DragItem& item : step.activity.items) {
        auto* tile =
            new Tile(this, "item:" + wxString::FromUTF8(item.id), lesson_text(item.label), appearance);
        items_.push_back(Piece{item.id, tile, {}});
    }
    for (Piece& piece : items_) {
        // Tab reaches the items first, then the zones: the order of the task.
        if (!zones_.empty()) {
            piece.tile->MoveBeforeInTabOrder(zones_.front().second);
        }
        Piece* p = &piece;
        piece.tile->Bind(wxEVT_LEFT_DOWN, [this, p](wxMouseEvent& e) {
            start_drag(*p, e.GetPosition());
            e.Skip();
        });
        piece.tile->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
            if (dragging_ != nullptr) {
                drag_to_mouse();
            }
            e.Skip();
        });
        piece.tile->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
            end_drag();
            e.Skip();
        });
        piece.tile->Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) {
            dragging_ = nullptr;
            layout_pieces();
        });
        piece.tile->Bind(wxEVT_KEY_DOWN, [this, p](wxKeyEvent& e) { on_item_key(e, *p); });
    }
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        layout_pieces();
        e.Skip();
    });
}

wxSize DragActivityView::item_size() const {
    wxSize size;
    for (const Piece& piece : items_) {
        const wxSize best = piece.tile->GetBestSize();
        size.x = std::max(size.x, best.x);
        size.y = std::max(size.y, best.y);
    }
    return size;
}

int DragActivityView::items_per_zone() const {
    int most = 1;
    for (const auto& [zone, tile] : zones_) {
        const auto count = std::count_if(step().activity.items.begin(), step().activity.items.end(),
                                         [&](const core::DragItem& item) { return item.zone == zone; });
        most = std::max(most, static_cast<int>(count));
    }
    return most;
}

wxSize DragActivityView::DoGetBestClientSize() const {
    const int pt = GetFont().GetPointSize();
    const wxSize item = item_size();
    const auto n_items = static_cast<int>(std::max<std::size_t>(1, items_.size()));
    const auto n_zones = static_cast<int>(std::max<std::size_t>(1, zones_.size()));
    const int per_row = std::min(n_items, 4);
    const int item_rows = (n_items + per_row - 1) / per_row;
    int zone_w = item.x + pt * 4;
    int zone_label_h = 0;
    for (const auto& [zone, tile] : zones_) {
        zone_w = std::max(zone_w, tile->GetBestSize().x);
        zone_label_h = std::max(zone_label_h, tile->GetCharHeight() * 3 / 2);
    }
    const int w = std::max(per_row * (item.x + pt * 2), n_zones * (zone_w + pt * 2)) + pt * 2;
    const int zone_h = zone_label_h + items_per_zone() * (item.y + pt / 2) + pt * 2;
    // A band of empty room between items and zones: the drag is a real movement.
    const int h = item_rows * (item.y + pt) + pt * 3 + zone_h;
    return {w, h};
}

void DragActivityView::layout_pieces() {
    const wxSize area = GetClientSize();
    const int pt = GetFont().GetPointSize();
    const wxSize item = item_size();
    const auto n_zones = static_cast<int>(std::max<std::size_t>(1, zones_.size()));
    const int gap = pt * 2;

    // Zones along the bottom, sharing the width.
    int zone_label_h = 0;
    for (const auto& [zone, tile] : zones_) {
        zone_label_h = std::max(zone_label_h, tile->GetCharHeight() * 3 / 2);
    }
    const int zone_h = zone_label_h + items_per_zone() * (item.y + pt / 2) + pt * 2;
    const int zone_w = (area.x - gap * (n_zones + 1)) / n_zones;
    const int zone_y = std::max(0, area.y - zone_h - pt);
    std::map<std::string, wxRect> zone_rects;
    for (std::size_t i = 0; i < zones_.size(); ++i) {
        const wxRect rect(gap + static_cast<int>(i) * (zone_w + gap), zone_y, zone_w, zone_h);
        zones_[i].second->SetSize(rect);
        zone_rects[zones_[i].first] = rect;
    }

    // Items along the top, spread out; placed ones stacked inside their zone.
    const auto n_items = static_cast<int>(std::max<std::size_t>(1, items_.size()));
    const int per_row = std::min(n_items, 4);
    const int slot_w = area.x / per_row;
    std::map<std::string, int> stacked;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        Piece& piece = items_[i];
        const int col = static_cast<int>(i) % per_row;
        const int row = static_cast<int>(i) / per_row;
        piece.home = wxPoint(col * slot_w + std::max(0, slot_w - item.x) / 2, pt + row * (item.y + pt));
        if (&piece == dragging_) {
            continue;
        }
        const auto placed = placed_.find(piece.id);
        if (placed != placed_.end() && zone_rects.contains(placed->second)) {
            const wxRect& zone = zone_rects[placed->second];
            const int k = stacked[placed->second]++;
            piece.tile->SetSize(zone.x + (zone.width - item.x) / 2,
                                zone.y + zone_label_h + k * (item.y + pt / 2), item.x, item.y);
        } else {
            piece.tile->SetSize(wxRect(piece.home, item));
        }
        piece.tile->Raise();
    }
}

void DragActivityView::start_drag(Piece& piece, const wxPoint& in_tile) {
    if (piece.tile->placed() || dragging_ != nullptr) {
        return;
    }
    dragging_ = &piece;
    grab_offset_ = in_tile;
    press_point_ = wxGetMousePosition();
    piece.tile->Raise();
    piece.tile->CaptureMouse();
}

void DragActivityView::drag_to_mouse() {
    const wxPoint mouse = ScreenToClient(wxGetMousePosition());
    dragging_->tile->Move(mouse - grab_offset_);
}

void DragActivityView::end_drag() {
    if (dragging_ == nullptr) {
        return;
    }
    Piece* piece = std::exchange(dragging_, nullptr);
    if (piece->tile->HasCapture()) {
        piece->tile->ReleaseMouse();
    }
    // Where the pointer is, not where the tile's corner is: that is what the learner aims with.
    const std::string zone = zone_under(ScreenToClient(wxGetMousePosition()));
    drop(piece->id, zone);
}

std::string DragActivityView::zone_under(const wxPoint& canvas_point) const {
    for (const auto& [zone, tile] : zones_) {
        if (tile->GetRect().Contains(canvas_point)) {
            return zone;
        }
    }
    return {};
}

void DragActivityView::drop(const std::string& item, const std::string& zone) {
    for (Piece& piece : items_) {
        piece.tile->set_selected(false);
    }
    core::Action action;
    action.type = core::Action::Type::Drop;
    action.target = item;
    action.zone = zone;
    act(action);
}

void DragActivityView::show_verdict(const core::Action& action, const core::Verdict& verdict) {
    if (action.type != core::Action::Type::Drop) {
        return;
    }
    for (Piece& piece : items_) {
        if (piece.id == action.target && verdict.correct) {
            placed_[piece.id] = action.zone;
            piece.tile->set_placed(true);
        }
    }
    layout_pieces();
}

void DragActivityView::on_item_key(wxKeyEvent& event, Piece& piece) {
    if (!is_press_key(event.GetKeyCode())) {
        event.Skip();
        return;
    }
    if (piece.tile->placed()) {
        return;
    }
    for (Piece& other : items_) {
        other.tile->set_selected(&other == &piece);
    }
    selected_ = piece.id;
    // The zones come next in the Tab order of a careful reader; go there directly.
    if (!zones_.empty()) {
        zones_.front().second->SetFocus();
    }
}

void DragActivityView::on_zone_key(wxKeyEvent& event, const std::string& zone) {
    if (!is_press_key(event.GetKeyCode()) || selected_.empty()) {
        event.Skip();
        return;
    }
    drop(std::exchange(selected_, {}), zone);
}

}  // namespace pasapas::ui
