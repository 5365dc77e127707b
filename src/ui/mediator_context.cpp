#include "ui/mediator_context.hpp"

#include "core/mediator_fields.hpp"
#include "core/mediator_log.hpp"
#include "ui/appearance.hpp"

#include <wx/clntdata.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace pasapas::ui {

void log_action(wxWindow* parent, const MediatorContext& context, const std::string& action,
                const std::string& detail) {
    try {
        core::MediatorLog(*context.store).append(context.mediator, action, detail);
    } catch (const core::StoreError& error) {
        show_store_error(parent, error);
    }
}

void show_store_error(wxWindow* parent, const std::exception& error) {
    wxMessageBox(wxString::FromUTF8(error.what()), _("This could not be done"), wxOK | wxICON_WARNING,
                 parent);
}

void show_as_modal(wxDialog* dialog, std::function<void(int)> done) {
    auto disabler =
        std::make_shared<std::unique_ptr<wxWindowDisabler>>(std::make_unique<wxWindowDisabler>(dialog));
    // GTK may report the hiding more than once (again while the dialog is destroyed): the result
    // is handled the first time only.
    auto handled = std::make_shared<bool>(false);
    dialog->Bind(wxEVT_SHOW, [dialog, disabler, handled, done = std::move(done)](wxShowEvent& event) {
        event.Skip();
        if (event.IsShown() || *handled) {
            return;
        }
        *handled = true;
        wxWindow* owner = dialog->GetParent();
        owner->CallAfter([dialog, disabler, done] {
            disabler->reset();
            const int code = dialog->GetReturnCode();
            dialog->Destroy();
            done(code);
        });
    });
    dialog->Show();
}

void fit_after_first_paint(wxDialog* dialog, std::function<void()> rewrap) {
    auto pending = std::make_shared<bool>(true);
    dialog->Bind(wxEVT_PAINT, [dialog, pending, rewrap = std::move(rewrap)](wxPaintEvent& event) {
        event.Skip();
        if (!*pending) {
            return;
        }
        *pending = false;
        dialog->CallAfter([dialog, rewrap] {
            forget_best_sizes(dialog);
            if (rewrap) {
                rewrap();
            }
            if (dialog->GetSizer() != nullptr) {
                dialog->GetSizer()->SetSizeHints(dialog);
            }
            dialog->Layout();
            dialog->CentreOnParent();
            dialog->Refresh();
        });
    });
}

wxString utf8(const std::string& text) {
    return wxString::FromUTF8(text);
}

wxString coop_label(const std::vector<core::TagEntry>& list, const std::string& id) {
    if (id.empty()) {
        return utf8(core::not_given_label(list));
    }
    if (const core::TagEntry* entry = core::find_tag(list, id); entry != nullptr) {
        return utf8(std::string(entry->label));
    }
    return utf8(id);
}

wxChoice* coop_choice(wxWindow* parent, const wxString& name, const std::vector<core::TagEntry>& list,
                      const std::string& selected, bool with_not_given) {
    auto* choice = new wxChoice(parent, wxID_ANY);
    choice->SetName(name);
    if (with_not_given) {
        choice->Append(utf8(core::not_given_label(list)));
    }
    int selection = 0;
    for (const auto& entry : list) {
        if (entry.code == selected) {
            selection = static_cast<int>(choice->GetCount());
        }
        choice->Append(utf8(std::string(entry.label)));
    }
    choice->SetSelection(selection);
    return choice;
}

std::string chosen_id(const wxChoice* choice, const std::vector<core::TagEntry>& list, bool with_not_given) {
    int index = choice->GetSelection() - (with_not_given ? 1 : 0);
    if (index < 0 || static_cast<std::size_t>(index) >= list.size()) {
        return {};
    }
    return std::string(list[static_cast<std::size_t>(index)].code);
}

wxStaticText* field_label(wxWindow* parent, const wxString& text) {
    return new wxStaticText(parent, wxID_ANY, text);
}

wxStaticText* label_for(wxWindow* control, const wxString& text) {
    auto* label = new wxStaticText(control->GetParent(), wxID_ANY, text);
    label->MoveBeforeInTabOrder(control);
    wxString spoken = text;
    spoken.Trim();
    if (spoken.EndsWith(":")) {
        spoken.RemoveLast();
        spoken.Trim();
    }
    control->SetHelpText(spoken);
    return label;
}

namespace {

void wrap_to(wxStaticText* text, const wxWindow* area) {
    const auto* original = dynamic_cast<wxStringClientData*>(text->GetClientObject());
    text->SetLabel(original != nullptr ? original->GetData() : text->GetLabel());
    text->Wrap(std::max(area->GetClientSize().x - text->FromDIP(40), text->FromDIP(200)));
}

}  // namespace

wxStaticText* wrapped_text(wxWindow* parent, const wxString& text, wxWindow* area) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetClientObject(new wxStringClientData(text));
    area->Bind(wxEVT_SIZE, [label, area](wxSizeEvent& event) {
        event.Skip();
        wrap_to(label, area);
    });
    return label;
}

void set_wrapped(wxStaticText* text, const wxString& label) {
    text->SetClientObject(new wxStringClientData(label));
    wrap_to(text, text->GetParent());
}

wxListCtrl* make_table(wxWindow* parent, const wxString& name, const std::vector<wxString>& columns) {
    auto* table = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES | wxLC_VRULES);
    table->SetName(name);
    // Small enough that the pages fit at 200 % text; the sizers give tables the room left.
    table->SetMinSize(table->FromDIP(wxSize(200, 90)));
    for (const auto& column : columns) {
        table->AppendColumn(column);
    }
    return table;
}

void add_row(wxListCtrl* table, const std::vector<wxString>& cells, long data) {
    const long row = table->InsertItem(table->GetItemCount(), cells.empty() ? wxString() : cells.front());
    for (std::size_t column = 1; column < cells.size(); ++column) {
        table->SetItem(row, static_cast<int>(column), cells[column]);
    }
    table->SetItemData(row, data);
}

void fit_columns(wxListCtrl* table) {
    for (int column = 0; column < table->GetColumnCount(); ++column) {
        // The wider of the title and the longest cell, so neither is cut.
        table->SetColumnWidth(column, wxLIST_AUTOSIZE_USEHEADER);
        const int header = table->GetColumnWidth(column);
        table->SetColumnWidth(column, wxLIST_AUTOSIZE);
        if (table->GetColumnWidth(column) < header) {
            table->SetColumnWidth(column, header);
        }
    }
}

long selected_row(const wxListCtrl* table) {
    return table->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

std::string iso_date(const wxDateTime& date) {
    return date.IsValid() ? date.FormatISODate().ToStdString() : std::string();
}

wxDateTime parse_iso_date(const std::string& text) {
    wxDateTime date;
    if (text.size() != 10 || !date.ParseISODate(text)) {
        return wxDefaultDateTime;
    }
    return date;
}

wxString duration_text(std::int64_t milliseconds) {
    const std::int64_t minutes = (milliseconds + 30000) / 60000;
    if (minutes < 60) {
        // TRANSLATORS: a duration in minutes, e.g. "12 min"
        return wxString::Format(_("%lld min"), static_cast<long long>(minutes));
    }
    // TRANSLATORS: a duration in hours and minutes, e.g. "1 h 05"
    return wxString::Format(_("%lld h %02lld"), static_cast<long long>(minutes / 60),
                            static_cast<long long>(minutes % 60));
}

}  // namespace pasapas::ui
