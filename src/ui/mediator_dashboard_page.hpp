#pragma once
// The console's dashboard over a period: big figures, charts of autonomy levels and themes (each
// with a table of the same numbers), where people get stuck, and per learner and per item tables.
#include "ui/mediator_page.hpp"

#include <map>

class wxListCtrl;
class wxScrolledWindow;
class wxStaticText;

namespace pasapas::ui {

class BarChart;
class MediatorPeriodPicker;

class MediatorDashboardPage : public MediatorPage {
public:
    MediatorDashboardPage(wxWindow* parent, MediatorContext& context);
    void refresh() override;

private:
    wxListCtrl* table(const wxString& title, const wxString& name, const std::vector<wxString>& columns);
    void fit_table(wxListCtrl* table);

    wxScrolledWindow* scroller_ = nullptr;
    MediatorPeriodPicker* period_ = nullptr;
    std::map<std::string, wxStaticText*> figures_;
    BarChart* autonomy_chart_ = nullptr;
    wxListCtrl* autonomy_table_ = nullptr;
    BarChart* theme_chart_ = nullptr;
    wxListCtrl* theme_table_ = nullptr;
    wxListCtrl* stuck_ = nullptr;
    wxListCtrl* learners_ = nullptr;
    wxListCtrl* items_ = nullptr;
    wxSizer* content_ = nullptr;
};

}  // namespace pasapas::ui
