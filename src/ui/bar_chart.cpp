#include "ui/bar_chart.hpp"

#include <wx/dcbuffer.h>

#include <algorithm>

namespace pasapas::ui {

BarChart::BarChart(wxWindow* parent, const wxString& name, const wxString& title)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE), title_(title) {
    SetName(name);
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
}

void BarChart::set_data(std::vector<std::pair<wxString, int>> bars, const Appearance& appearance) {
    bars_ = std::move(bars);
    bar_colour_ = appearance.accent();
    SetLabel(text_alternative());
    SetToolTip(text_alternative());
    InvalidateBestSize();
    Refresh();
}

wxString BarChart::text_alternative() const {
    wxString text = title_ + ":";
    if (bars_.empty()) {
        return text + " " + _("nothing in this period.");
    }
    for (std::size_t i = 0; i < bars_.size(); ++i) {
        text +=
            wxString::Format(" %s %d%s", bars_[i].first, bars_[i].second, i + 1 < bars_.size() ? "," : ".");
    }
    return text;
}

wxSize BarChart::DoGetBestSize() const {
    const int line = GetCharHeight();
    const auto rows = static_cast<int>(std::max<std::size_t>(bars_.size(), 1));
    return {GetCharWidth() * 60, line * 2 + rows * (line * 3 / 2)};
}

void BarChart::paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    dc.SetFont(GetFont());
    dc.SetTextForeground(GetForegroundColour());
    const int line = GetCharHeight();
    const wxSize size = GetClientSize();
    dc.DrawText(title_, 0, 0);
    if (bars_.empty()) {
        dc.DrawText(_("Nothing in this period."), 0, line * 3 / 2);
        return;
    }
    // Labels on the left, as wide as the longest one but never more than 45 % of the chart.
    int label_width = 0;
    for (const auto& [label, value] : bars_) {
        label_width = std::max(label_width, dc.GetTextExtent(label).x);
    }
    label_width = std::min(label_width, size.x * 45 / 100);
    const int max_value =
        std::max(1, std::max_element(bars_.begin(), bars_.end(), [](const auto& a, const auto& b) {
                        return a.second < b.second;
                    })->second);
    const int number_width = dc.GetTextExtent(wxString::Format("%d", max_value)).x + line;
    const int left = label_width + line / 2;
    const int room = std::max(1, size.x - left - number_width);
    int y = line * 3 / 2;
    for (const auto& [label, value] : bars_) {
        wxString base = label;
        wxString shown = label;
        while (base.length() > 3 && dc.GetTextExtent(shown).x > label_width) {
            base.RemoveLast();
            shown = base + wxString::FromUTF8("…");
        }
        dc.DrawText(shown, 0, y);
        const int width = value * room / max_value;
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(bar_colour_));
        dc.DrawRectangle(left, y + line / 8, std::max(width, 2), line * 3 / 4 + line / 8);
        dc.DrawText(wxString::Format("%d", value), left + width + line / 3, y);
        y += line * 3 / 2;
    }
}

}  // namespace pasapas::ui
