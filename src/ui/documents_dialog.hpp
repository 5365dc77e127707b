#pragma once
// The learner's "Documents" folder, opened by a file field's « Parcourir »: a simplified file
// chooser listing the scenario's fake scans with their type and size as a computer shows them,
// and the site's limits above, so that choosing the right file is part of the exercise.
#include "core/scenario.hpp"

#include <wx/dialog.h>

#include <cstdint>
#include <optional>
#include <string>

class wxListCtrl;
class wxListEvent;
class wxStaticBitmap;
class wxStaticText;

namespace pasapas::ui {

class DocumentsDialog : public wxDialog {
public:
    // Shows the folder modally; the chosen document's id, or nothing if cancelled.
    static std::optional<std::string> pick(wxWindow* parent, const core::Scenario& scenario,
                                           const core::Field& field);

    // « 420 Ko », « 14,2 Mo » once translated: sizes as a file manager shows them.
    [[nodiscard]] static wxString size_text(std::int64_t kb);
    // « Document PDF », « Image JPEG »…: the format named from the file name's extension.
    [[nodiscard]] static wxString type_text(const std::string& file_name);
    // « Taille max. : 5 Mo. Formats acceptés : pdf, jpg, png » once translated.
    [[nodiscard]] static wxString limits_text(const core::Field& field);

private:
    DocumentsDialog(wxWindow* parent, const core::Scenario& scenario, const core::Field& field);
    void show_preview(long row);
    [[nodiscard]] long selected_row() const;

    const core::Scenario& scenario_;
    wxListCtrl* list_ = nullptr;
    wxStaticBitmap* preview_ = nullptr;
    wxStaticText* preview_alt_ = nullptr;
};

}  // namespace pasapas::ui
