#include "ui/scroll_activity_view.hpp"

#include <wx/settings.h>
#include <wx/sizer.h>

#include <algorithm>
#include <utility>

namespace pasapas::ui {

namespace {

// Shows four and a half rows: the cut row tells that the list goes on.
class RowList : public wxScrolledWindow {
public:
    explicit RowList(wxWindow* parent)
        : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxBORDER_SIMPLE,
                           "scroll-list") {}

protected:
    wxSize DoGetBestSize() const override {
        int row_w = 0;
        int row_h = 0;
        for (const wxWindow* row : GetChildren()) {
            const wxSize best = row->GetBestSize();
            row_w = std::max(row_w, best.x);
            row_h = std::max(row_h, best.y);
        }
        const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
        return {row_w + std::max(scrollbar, 16) + GetCharWidth() * 4, row_h * 9 / 2};
    }
};

}  // namespace

ScrollActivityView::ScrollActivityView(wxWindow* parent, const core::Step& step, const Appearance& appearance,
                                       ActionHandler on_action)
    : ActivityView(parent, step, appearance, std::move(on_action)) {
    SetName("scroll-view");
    list_ = new RowList(this);
    auto* rows = new wxBoxSizer(wxVERTICAL);
    for (const core::Option& option : step.activity.options) {
        auto* row = new Tile(list_, "target:" + wxString::FromUTF8(option.id), lesson_text(option.label),
                             appearance, Tile::Style::Row);
        const std::size_t index = rows_.size();
        row->Bind(wxEVT_LEFT_DOWN, [this, index](wxMouseEvent& e) {
            pick(index);
            e.Skip();
        });
        row->Bind(wxEVT_KEY_DOWN, [this, index](wxKeyEvent& e) { on_row_key(e, index); });
        rows->Add(row, wxSizerFlags().Expand());
        rows_.push_back(row);
    }
    list_->SetSizer(rows);
    list_->SetScrollRate(0, 10);
    list_->Scroll(0, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, wxSizerFlags().Left());
    SetSizer(sizer);
}

void ScrollActivityView::pick(std::size_t index) {
    core::Action action;
    action.type = core::Action::Type::Click;
    action.target = step().activity.options.at(index).id;
    act(action);
}

void ScrollActivityView::on_row_key(wxKeyEvent& event, std::size_t index) {
    const int key = event.GetKeyCode();
    if (is_press_key(key)) {
        pick(index);
    } else if ((key == WXK_DOWN || key == WXK_NUMPAD_DOWN) && index + 1 < rows_.size()) {
        rows_[index + 1]->SetFocus();  // the scrolled window follows the focus
    } else if ((key == WXK_UP || key == WXK_NUMPAD_UP) && index > 0) {
        rows_[index - 1]->SetFocus();
    } else {
        event.Skip();
    }
}

}  // namespace pasapas::ui
