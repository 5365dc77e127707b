#include "ui/target_activity_view.hpp"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <array>
#include <utility>

namespace pasapas::ui {

namespace {

// Where each tile sits inside its cell, as a fraction of the free room: fixed, so that a
// lesson always looks the same, but irregular, so that targets are not in a tidy row.
constexpr std::array<double, 5> kSpreadX{0.15, 0.85, 0.4, 0.95, 0.05};
constexpr std::array<double, 5> kSpreadY{0.75, 0.1, 0.45, 0.9, 0.25};

}  // namespace

TargetActivityView::TargetActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                                       ActionHandler on_action)
    : ActivityView(parent, step, appearance, std::move(on_action)), single_click_timer_(this) {
    SetName("target-canvas");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    for (const core::Option& option : step.activity.options) {
        auto* tile =
            new Tile(this, "target:" + wxString::FromUTF8(option.id), lesson_text(option.label), appearance);
        const std::string id = option.id;
        tile->Bind(wxEVT_LEFT_DOWN, [this, id](wxMouseEvent& e) {
            on_left_down(id);
            e.Skip();  // lets the tile take the focus
        });
        tile->Bind(wxEVT_LEFT_DCLICK, [this, id](wxMouseEvent&) { on_double_click(id); });
        tile->Bind(wxEVT_KEY_DOWN, [this, id](wxKeyEvent& e) { on_key(e, id); });
        tiles_.push_back(tile);
    }
    Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent&) { on_left_down({}); });
    Bind(wxEVT_LEFT_DCLICK, [this](wxMouseEvent&) { on_double_click({}); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        layout_tiles();
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_PAINT, &TargetActivityView::on_paint, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        const std::string target = std::exchange(pending_target_, {});
        send(core::Action::Type::Click, target);
    });
}

bool TargetActivityView::wants_double_click() const {
    return step().activity.kind == core::ActivityKind::DoubleClick;
}

void TargetActivityView::send(core::Action::Type type, const std::string& target) {
    core::Action action;
    action.type = type;
    action.target = target;
    act(action);
}

void TargetActivityView::on_left_down(const std::string& target) {
    if (!wants_double_click()) {
        send(core::Action::Type::Click, target);
        return;
    }
    if (single_click_timer_.IsRunning()) {
        return;  // the second press of a double click: the double-click event follows
    }
    pending_target_ = target;
    int ms = wxSystemSettings::GetMetric(wxSYS_DCLICK_MSEC, this);
    if (ms <= 0) {
        ms = 500;
    }
    single_click_timer_.StartOnce(ms + 50);
}

void TargetActivityView::on_double_click(const std::string& target) {
    if (!wants_double_click()) {
        // On a click step both presses count: the second one is simply another click.
        send(core::Action::Type::Click, target);
        return;
    }
    single_click_timer_.Stop();
    pending_target_.clear();
    send(core::Action::Type::DoubleClick, target);
}

void TargetActivityView::on_key(wxKeyEvent& event, const std::string& target) {
    const int key = event.GetKeyCode();
    if (!is_press_key(key)) {
        event.Skip();
        return;
    }
    // For people who cannot use a mouse, Entrée stands for the double click.
    if (wants_double_click() && is_enter_key(key)) {
        send(core::Action::Type::DoubleClick, target);
    } else {
        send(core::Action::Type::Click, target);
    }
}

void TargetActivityView::layout_tiles() {
    if (tiles_.empty()) {
        return;
    }
    const wxSize area = GetClientSize();
    const std::size_t n = tiles_.size();
    const std::size_t cols = n <= 4 ? n : (n + 1) / 2;
    const std::size_t rows = (n + cols - 1) / cols;
    const int cell_w = area.x / static_cast<int>(cols);
    const int cell_h = area.y / static_cast<int>(rows);
    for (std::size_t i = 0; i < n; ++i) {
        Tile* tile = tiles_[i];
        const wxSize best = tile->GetBestSize();
        const int free_x = std::max(0, cell_w - best.x);
        const int free_y = std::max(0, cell_h - best.y);
        const int x =
            static_cast<int>(i % cols) * cell_w + static_cast<int>(free_x * kSpreadX.at(i % kSpreadX.size()));
        const int y =
            static_cast<int>(i / cols) * cell_h + static_cast<int>(free_y * kSpreadY.at(i % kSpreadY.size()));
        tile->SetSize(x, y, best.x, best.y);
    }
}

wxSize TargetActivityView::DoGetBestClientSize() const {
    const int pt = GetFont().GetPointSize();
    const std::size_t n = std::max<std::size_t>(1, tiles_.size());
    const std::size_t cols = n <= 4 ? n : (n + 1) / 2;
    const std::size_t rows = (n + cols - 1) / cols;
    int tile_w = 0;
    int tile_h = 0;
    for (const Tile* tile : tiles_) {
        const wxSize best = tile->GetBestSize();
        tile_w = std::max(tile_w, best.x);
        tile_h = std::max(tile_h, best.y);
    }
    // Room around each tile, so that reaching it takes a real movement of the mouse.
    const int w = static_cast<int>(cols) * (tile_w + pt * 3);
    const int h = static_cast<int>(rows) * (tile_h * 3);
    return {std::max(w, pt * 36), std::max(h, pt * 18)};
}

void TargetActivityView::on_paint(wxPaintEvent& /*event*/) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    // A quiet frame shows where the exercise is.
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.SetPen(wxPen(appearance().foreground(), 1, wxPENSTYLE_SHORT_DASH));
    dc.DrawRectangle(wxRect(wxPoint(0, 0), GetClientSize()));
}

}  // namespace pasapas::ui
