#pragma once
// A small horizontal bar chart drawn with wxDC, for the dashboard: one labelled bar per value,
// the number written at the end of each bar. Its label is the same data in words, for screen
// readers and tooltips; the dashboard also shows a table of the same numbers beside it.
#include "ui/appearance.hpp"

#include <wx/window.h>

#include <string>
#include <utility>
#include <vector>

namespace pasapas::ui {

class BarChart : public wxWindow {
public:
    BarChart(wxWindow* parent, const wxString& name, const wxString& title);

    void set_data(std::vector<std::pair<wxString, int>> bars, const Appearance& appearance);
    [[nodiscard]] const std::vector<std::pair<wxString, int>>& data() const { return bars_; }
    // "Title: label 3, label 5." — what the chart says, in words.
    [[nodiscard]] wxString text_alternative() const;

protected:
    wxSize DoGetBestSize() const override;

private:
    void paint();

    wxString title_;
    std::vector<std::pair<wxString, int>> bars_;
    wxColour bar_colour_;
};

}  // namespace pasapas::ui
