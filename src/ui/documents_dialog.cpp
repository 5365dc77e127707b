#include "ui/documents_dialog.hpp"

#include "ui/activity_view.hpp"
#include "ui/appearance.hpp"

#include <wx/bmpbndl.h>
#include <wx/button.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <string>

namespace pasapas::ui {

namespace {

constexpr double kBasePoints = 13.0;  // Appearance's size at 100 %

// Dialogs get their own look when they open; the caller's window tells which one is in use.
Appearance look_of(const wxWindow* parent) {
    Appearance look;
    if (parent == nullptr) {
        return look;
    }
    const double percent = parent->GetFont().GetPointSize() * 100.0 / kBasePoints;
    int best = look.text_percent;
    for (const int step : Appearance::kTextSteps) {
        if (std::abs(step - percent) < std::abs(best - percent)) {
            best = step;
        }
    }
    look.text_percent = best;
    look.high_contrast = parent->GetBackgroundColour() == wxColour(0, 0, 0);
    return look;
}

std::string extension_of(const std::string& name) {
    const auto dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// Height over width of an SVG picture, from its viewBox (scans are mostly A4 pages).
double svg_aspect(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string head(2048, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    static const std::regex view_box(
        R"re(viewBox\s*=\s*"\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+))re");
    std::smatch match;
    if (std::regex_search(head, match, view_box)) {
        const double w = std::stod(match[1].str());
        const double h = std::stod(match[2].str());
        if (w > 0 && h > 0) {
            return std::clamp(h / w, 0.2, 5.0);
        }
    }
    return 297.0 / 210.0;
}

// A picture at most width pixels wide (SVG drawn at that size), or an invalid bitmap.
wxBitmap load_picture(const std::filesystem::path& path, int width) {
    if (path.empty()) {
        return {};
    }
    const wxString file = wxString(path.native());
    if (extension_of(path.filename().string()) == "svg") {
        const wxSize size(width, static_cast<int>(std::lround(width * svg_aspect(path))));
        const wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(file, size);
        if (!bundle.IsOk()) {
            return {};
        }
        return bundle.GetBitmap(size);
    }
    wxImage image;
    if (!image.LoadFile(file) || image.GetWidth() <= 0) {
        return {};
    }
    const int height = image.GetHeight() * width / image.GetWidth();
    image.Rescale(width, std::max(1, height), wxIMAGE_QUALITY_HIGH);
    return wxBitmap(image);
}

}  // namespace

wxString DocumentsDialog::size_text(std::int64_t kb) {
    if (kb < 1024) {
        return wxString::Format(_("%d KB"), static_cast<int>(std::max<std::int64_t>(kb, 0)));
    }
    // One decimal, as file managers do; the translation decides the decimal separator.
    const auto tenths = static_cast<int>(std::lround(static_cast<double>(kb) * 10.0 / 1024.0));
    if (tenths % 10 == 0) {
        return wxString::Format(_("%d MB"), tenths / 10);
    }
    return wxString::Format(_("%d.%d MB"), tenths / 10, tenths % 10);
}

wxString DocumentsDialog::type_text(const std::string& file_name) {
    const std::string ext = extension_of(file_name);
    if (ext == "pdf") {
        return _("PDF document");
    }
    if (ext == "jpg" || ext == "jpeg") {
        return _("JPEG image");
    }
    if (ext == "png") {
        return _("PNG image");
    }
    if (ext == "heic") {
        return _("HEIC image");
    }
    if (ext == "doc" || ext == "docx" || ext == "odt") {
        return _("Text document");
    }
    if (ext.empty()) {
        return _("File");
    }
    return wxString::Format(_("%s file"), wxString::FromUTF8(ext).Upper());
}

wxString DocumentsDialog::limits_text(const core::Field& field) {
    wxString formats;
    for (const std::string& ext : field.accept) {
        formats += (formats.empty() ? "" : ", ") + wxString::FromUTF8(ext);
    }
    if (field.max_kb > 0 && !formats.empty()) {
        return wxString::Format(_("Maximum size: %s. Accepted formats: %s"), size_text(field.max_kb),
                                formats);
    }
    if (field.max_kb > 0) {
        return wxString::Format(_("Maximum size: %s."), size_text(field.max_kb));
    }
    if (!formats.empty()) {
        return wxString::Format(_("Accepted formats: %s"), formats);
    }
    return {};
}

DocumentsDialog::DocumentsDialog(wxWindow* parent, const core::Scenario& scenario, const core::Field& field)
    : wxDialog(parent, wxID_ANY, _("Documents"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      scenario_(scenario) {
    SetName("documents-dialog");
    const Appearance look = look_of(parent);
    const int gap = look.point_size() / 2;
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* field_label = new wxStaticText(this, wxID_ANY, lesson_text(field.label));
    field_label->SetName("documents-field");
    set_relative_size(field_label, 1.2);
    sizer->Add(field_label, wxSizerFlags().Border(wxALL, gap));
    if (const wxString limits = limits_text(field); !limits.empty()) {
        auto* limits_line = new wxStaticText(this, wxID_ANY, limits);
        limits_line->SetName("documents-limits");
        sizer->Add(limits_line, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    }

    // No column headers: GTK draws them at its own size, clipped at large text sizes, and
    // « PDF document » or « 420 KB » need no title.
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_NO_HEADER);
    list_->SetName("documents-list");
    list_->AppendColumn(_("Name"));
    list_->AppendColumn(_("Type"));
    list_->AppendColumn(_("Size"), wxLIST_FORMAT_RIGHT);
    for (const core::Document& document : scenario.documents) {
        const long row = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(document.name));
        list_->SetItem(row, 1, type_text(document.name));
        list_->SetItem(row, 2, size_text(document.kb));
    }
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));

    // The preview below the list, as wide as the room allows at large text sizes.
    auto* preview_row = new wxBoxSizer(wxHORIZONTAL);
    preview_ = new wxStaticBitmap(this, wxID_ANY, wxBitmapBundle());
    preview_->SetName("documents-preview");
    preview_row->Add(preview_, wxSizerFlags().Border(wxRIGHT, gap));
    preview_alt_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    preview_alt_->SetName("documents-preview-alt");
    preview_row->Add(preview_alt_, wxSizerFlags().CentreVertical());
    sizer->Add(preview_row, wxSizerFlags().Border(wxALL, gap));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    cancel->SetName("documents-cancel");
    auto* open = new wxButton(this, wxID_OK, _("Open"));
    open->SetName("documents-open");
    set_relative_size(open, 1.2);
    buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, gap));
    buttons->Add(open);
    sizer->Add(buttons, wxSizerFlags().Right().Border(wxALL, gap));
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    SetAffirmativeId(wxID_OK);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this, open](wxListEvent& event) {
        open->Enable(true);
        show_preview(event.GetIndex());
    });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this, open](wxListEvent&) {
        open->Enable(selected_row() >= 0);
        show_preview(selected_row());
    });
    // Entrée on a row, or a double click, opens it, as in a real file chooser.
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });

    apply_appearance(this, look);
    // Columns wide enough for their text at this size.
    for (int column = 0; column < 3; ++column) {
        int widest = 0;
        for (long row = 0; row < list_->GetItemCount(); ++row) {
            widest = std::max(widest, list_->GetTextExtent(list_->GetItemText(row, column)).x);
        }
        list_->SetColumnWidth(column, widest + gap * 4);
    }
    int columns = 0;
    for (int column = 0; column < 3; ++column) {
        columns += list_->GetColumnWidth(column);
    }
    const int rows = std::max(4, list_->GetItemCount() + 2);
    list_->SetMinSize(wxSize(columns + gap * 2, GetCharHeight() * rows * 3 / 2));
    // Room for a preview from the start, so that choosing a file does not resize the window.
    if (std::any_of(scenario.documents.begin(), scenario.documents.end(),
                    [](const core::Document& d) { return !d.preview.empty(); })) {
        preview_->SetMinSize(wxSize(GetCharWidth() * 12, GetCharWidth() * 17));
    }
    if (list_->GetItemCount() > 0) {
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        show_preview(0);
    } else {
        open->Enable(false);
    }
    sizer->SetSizeHints(this);
    list_->SetFocus();
    CentreOnParent();
}

long DocumentsDialog::selected_row() const {
    return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void DocumentsDialog::show_preview(long row) {
    wxBitmap picture;
    wxString alt;
    if (row >= 0 && static_cast<std::size_t>(row) < scenario_.documents.size()) {
        const core::Document& document = scenario_.documents[static_cast<std::size_t>(row)];
        picture = load_picture(document.preview, GetCharWidth() * 12);
        alt = lesson_text(document.alt);
        if (!picture.IsOk() && alt.empty()) {
            alt = _("No preview");
        }
    }
    preview_->SetBitmap(picture.IsOk() ? wxBitmapBundle(picture) : wxBitmapBundle());
    preview_->SetLabel(alt);  // what a screen reader says for the picture
    preview_alt_->SetLabel(alt);
    preview_alt_->Wrap(GetCharWidth() * 30);
    Layout();
}

std::optional<std::string> DocumentsDialog::pick(wxWindow* parent, const core::Scenario& scenario,
                                                 const core::Field& field) {
    DocumentsDialog dialog(parent, scenario, field);
    if (dialog.ShowModal() != wxID_OK) {
        return std::nullopt;
    }
    const long row = dialog.selected_row();
    if (row < 0 || static_cast<std::size_t>(row) >= scenario.documents.size()) {
        return std::nullopt;
    }
    return scenario.documents[static_cast<std::size_t>(row)].id;
}

}  // namespace pasapas::ui
