#include "ui/activity_view.hpp"

#include "ui/choice_activity_view.hpp"
#include "ui/drag_activity_view.hpp"
#include "ui/scroll_activity_view.hpp"
#include "ui/target_activity_view.hpp"
#include "ui/type_activity_view.hpp"

#include <wx/dcbuffer.h>
#include <wx/intl.h>

#include <algorithm>
#include <utility>

namespace pasapas::ui {

wxString lesson_text(const std::string& utf8) {
    if (utf8.empty()) {
        return {};
    }
    return wxGetTranslation(wxString::FromUTF8(utf8), "pasapas-lessons");
}

ActivityView::ActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                           ActionHandler on_action)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "activity"),
      step_(step),
      appearance_(appearance),
      on_action_(std::move(on_action)) {}

void ActivityView::show_verdict(const core::Action& /*action*/, const core::Verdict& /*verdict*/) {}

void ActivityView::act(const core::Action& action) const {
    if (on_action_) {
        on_action_(action);
    }
}

ActivityView* create_activity_view(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                                   ActivityView::ActionHandler on_action) {
    switch (step.activity.kind) {
        case core::ActivityKind::Click:
        case core::ActivityKind::DoubleClick:
            return new TargetActivityView(parent, step, appearance, std::move(on_action));
        case core::ActivityKind::DragDrop:
            return new DragActivityView(parent, step, appearance, std::move(on_action));
        case core::ActivityKind::Scroll:
            return new ScrollActivityView(parent, step, appearance, std::move(on_action));
        case core::ActivityKind::Type:
            return new TypeActivityView(parent, step, appearance, std::move(on_action));
        case core::ActivityKind::Choice:
            return new ChoiceActivityView(parent, step, appearance, std::move(on_action));
    }
    return new ActivityView(parent, step, appearance, std::move(on_action));
}

bool is_enter_key(int key_code) {
    return key_code == WXK_RETURN || key_code == WXK_NUMPAD_ENTER;
}

bool is_press_key(int key_code) {
    return key_code == WXK_SPACE || is_enter_key(key_code);
}

Tile::Tile(wxWindow* parent, const wxString& name, const wxString& label, const Appearance& appearance,
           Style style)
    : wxControl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE, wxDefaultValidator, name),
      appearance_(appearance),
      style_(style) {
    SetLabel(label);
    set_relative_size(this, 1.2);
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetCursor(wxCursor(wxCURSOR_HAND));
    Bind(wxEVT_PAINT, &Tile::on_paint, this);
    // The focus ring and hover frame are drawn, so both need a repaint.
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_ENTER_WINDOW, [this](wxMouseEvent& e) {
        hover_ = true;
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent& e) {
        hover_ = false;
        Refresh();
        e.Skip();
    });
}

void Tile::set_selected(bool selected) {
    selected_ = selected;
    Refresh();
}

void Tile::set_placed(bool placed) {
    placed_ = placed;
    SetCursor(placed ? wxNullCursor : wxCursor(wxCURSOR_HAND));
    Refresh();
}

wxSize Tile::DoGetBestClientSize() const {
    const int pt = GetFont().GetPointSize();
    int w = 0;
    int h = 0;
    GetTextExtent(GetLabel(), &w, &h);
    // Big enough to hit for someone who struggles with a mouse: at least ~3 lines high.
    const int pad_x = pt * 2;
    const int pad_y = pt * 4 / 5;
    const int min_w = style_ == Style::Zone ? pt * 16 : pt * 9;
    const int min_h = style_ == Style::Zone ? pt * 9 : (style_ == Style::Row ? pt * 3 : pt * 4);
    return {std::max(w + 2 * pad_x, min_w), std::max(h + 2 * pad_y, min_h)};
}

void Tile::on_paint(wxPaintEvent& /*event*/) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour parent_bg = GetParent()->GetBackgroundColour();
    dc.SetBackground(wxBrush(parent_bg));
    dc.Clear();

    const wxSize size = GetClientSize();
    const int pt = GetFont().GetPointSize();
    const int border = std::max(2, pt / 5);
    const int radius = pt / 2;
    wxRect rect(wxPoint(0, 0), size);
    rect.Deflate(border);

    wxColour fill = appearance_.target_fill();
    wxColour text = appearance_.high_contrast ? wxColour(0, 0, 0) : appearance_.foreground();
    wxColour frame = appearance_.accent();
    if (style_ == Style::Zone) {
        fill = appearance_.background();
        text = appearance_.foreground();
        frame = appearance_.foreground();
    }
    if (selected_) {
        frame = appearance_.success();
    }
    if (placed_) {
        frame = appearance_.success();
    }
    const bool focused = HasFocus();
    const int frame_width = (focused || selected_ || hover_) ? border * 2 : border;
    dc.SetBrush(wxBrush(fill));
    dc.SetPen(wxPen(frame, frame_width, style_ == Style::Zone ? wxPENSTYLE_LONG_DASH : wxPENSTYLE_SOLID));
    dc.DrawRoundedRectangle(rect, radius);
    if (focused) {
        // A second, dotted ring: the keyboard focus must be obvious, also in high contrast.
        wxRect inner = rect;
        inner.Deflate(frame_width + border);
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.SetPen(wxPen(text, std::max(1, border / 2), wxPENSTYLE_DOT));
        dc.DrawRoundedRectangle(inner, radius);
    }

    dc.SetFont(GetFont());
    dc.SetTextForeground(text);
    wxString label = GetLabel();
    if (placed_) {
        label = wxString::FromUTF8("\xE2\x9C\x93 ") + label;  // ✓
    }
    const int align = style_ == Style::Zone ? (wxALIGN_CENTER_HORIZONTAL | wxALIGN_TOP)
                                            : (style_ == Style::Row ? (wxALIGN_LEFT | wxALIGN_CENTER_VERTICAL)
                                                                    : wxALIGN_CENTER);
    wxRect text_rect = rect;
    text_rect.Deflate(pt, pt / 2);
    dc.DrawLabel(label, text_rect, align);
}

}  // namespace pasapas::ui
