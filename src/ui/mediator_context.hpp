#pragma once
// What every page of the mediator console shares: the store, the catalogue, who is signed in,
// the way out to the network, the look; and the few helpers every page needs (tables, La Coop
// labels, dates, errors in plain words, dialogs that behave as modal ones without a nested
// event loop).
#include "core/http_client.hpp"
#include "core/lesson_loader.hpp"
#include "core/mediator_accounts.hpp"
#include "core/progress_store.hpp"
#include "core/tags.hpp"
#include "ui/appearance.hpp"

#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/string.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pasapas::ui {

struct MediatorContext {
    std::shared_ptr<core::ProgressStore> store;  // shared: the console may outlive the frame's member
    const core::LoadResult* lessons = nullptr;
    core::MediatorId mediator = 0;
    std::shared_ptr<core::HttpClient> http;  // null when the app was built without a way out
    Appearance appearance;
};

// Appends to the mediator journal; a journal that cannot be written is said, not hidden.
void log_action(wxWindow* parent, const MediatorContext& context, const std::string& action,
                const std::string& detail = {});

// A StoreError (already translated, plain words) in a message box; the console keeps going.
void show_store_error(wxWindow* parent, const std::exception& error);

// Shows a dialog as a modal one (the rest of the app disabled) but without a nested event loop,
// so that GUI tests drive it like a person; done gets the return code once it is hidden, then
// the dialog is destroyed.
void show_as_modal(wxDialog* dialog, std::function<void(int)> done);

// GTK measures a dialog's controls with their new font only once it has drawn them: right after
// the first paint, sizes are measured again, rewrap (when given) wraps texts anew, and the dialog
// is fitted to its content and centred, so no text is cut at large sizes.
void fit_after_first_paint(wxDialog* dialog, std::function<void()> rewrap = {});

// The framework's label for an id (shown as it is), or « Non communiqué » when empty.
wxString coop_label(const std::vector<core::TagEntry>& list, const std::string& id);
wxString utf8(const std::string& text);

// A choice of the framework's labels; with_not_given puts « Non communiqué » (id "") first.
wxChoice* coop_choice(wxWindow* parent, const wxString& name, const std::vector<core::TagEntry>& list,
                      const std::string& selected, bool with_not_given);
std::string chosen_id(const wxChoice* choice, const std::vector<core::TagEntry>& list, bool with_not_given);

// A label for the control that follows it: screen readers read it, and it grows with the text.
wxStaticText* field_label(wxWindow* parent, const wxString& text);

// The label of a control made before it: placed before it among its siblings (the text a screen
// reader takes for it) and given to it as its help text, as the rest of the app does.
wxStaticText* label_for(wxWindow* control, const wxString& text);

// A text that wraps to the width of `area` (less a margin) whenever area is resized, so that it is
// never cut at large text sizes; set_wrapped changes it later.
wxStaticText* wrapped_text(wxWindow* parent, const wxString& text, wxWindow* area);
void set_wrapped(wxStaticText* text, const wxString& label);

// A report-style list with these column titles, named for screen readers and tests.
wxListCtrl* make_table(wxWindow* parent, const wxString& name, const std::vector<wxString>& columns);
void add_row(wxListCtrl* table, const std::vector<wxString>& cells, long data = 0);
void fit_columns(wxListCtrl* table);
long selected_row(const wxListCtrl* table);  // -1 when none

std::string iso_date(const wxDateTime& date);        // YYYY-MM-DD
wxDateTime parse_iso_date(const std::string& text);  // invalid when it is not one
wxString duration_text(std::int64_t milliseconds);   // "1 h 05", "12 min"

}  // namespace pasapas::ui
