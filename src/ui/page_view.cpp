#include "ui/page_view.hpp"

#include <wx/bmpbndl.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dcbuffer.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>
#include <qrencode.h>

namespace pasapas::ui {

namespace {

// A link's words on as many lines as its width needs: a button's label never wraps by itself,
// and at large text sizes a long link would be cut on both sides.
wxString wrap_words(const wxWindow* window, const wxString& text, int width) {
    wxString result;
    wxString line;
    wxString word;
    auto flush_word = [&] {
        if (word.empty()) {
            return;
        }
        const wxString candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && window->GetTextExtent(candidate).x > width) {
            result += line + "\n";
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (const wxUniChar c : text) {
        if (c == ' ') {
            flush_word();
        } else {
            word += c;
        }
    }
    flush_word();
    return result + line;
}

// A text with a word longer than the width (an address): broken after a '/', '.' or '-', or
// anywhere, rather than cut. GTK would wrap it itself, but in a box one line high.
wxString break_long_words(const wxWindow* window, const wxString& text, int width) {
    wxString result;
    wxString line;
    for (const wxUniChar c : text) {
        if (c == '\n') {
            result += line + "\n";
            line.clear();
            continue;
        }
        if (!line.empty() && window->GetTextExtent(line + c).x > width) {
            std::size_t cut = line.size();
            for (std::size_t i = line.size(); i > 1; --i) {
                const wxUniChar before = line[i - 1];
                if (before == ' ' || before == '/' || before == '.' || before == '-') {
                    cut = i;
                    break;
                }
            }
            wxString head = line.Left(cut);
            head.Trim();
            result += head + "\n";
            line = line.Mid(cut);
        }
        line += c;
    }
    return result + line;
}

wxString from_utf8(const std::string& text) {
    return wxString::FromUTF8(text);
}

// A window that only paints: the accent strip, the stepper's bar, the padlock, the QR code.
class PaintedWindow : public wxWindow {
public:
    using Painter = std::function<void(wxDC&, const wxSize&)>;
    PaintedWindow(wxWindow* parent, const wxSize& size, Painter painter, const wxString& name = "painted")
        : wxWindow(parent, wxID_ANY, wxDefaultPosition, size, wxBORDER_NONE, name),
          painter_(std::move(painter)) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetMinSize(size);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
            wxAutoBufferedPaintDC dc(this);
            painter_(dc, GetClientSize());
        });
    }
    bool AcceptsFocus() const override { return false; }
    bool AcceptsFocusFromKeyboard() const override { return false; }

private:
    Painter painter_;
};

std::string compose_date3(const std::string& day, const std::string& month, const std::string& year) {
    if (day.empty() && month.empty() && year.empty()) {
        return {};
    }
    auto pad = [](const std::string& part) {
        const bool digits = !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) {
            return std::isdigit(c) != 0;
        });
        return digits && part.size() == 1 ? "0" + part : part;
    };
    return pad(day) + "/" + pad(month) + "/" + year;
}

std::vector<std::string> split_date(const std::string& value) {
    std::vector<std::string> parts;
    std::string current;
    for (const char c : value) {
        if (c == '/') {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    parts.resize(3);
    return parts;
}

wxBitmap load_picture(const std::filesystem::path& file, int height) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".svg") {
        const wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(file.string(), wxSize(height, height));
        if (!bundle.IsOk()) {
            return {};
        }
        const wxSize natural = bundle.GetDefaultSize();
        const int width = natural.y > 0 ? natural.x * height / natural.y : height;
        return bundle.GetBitmap(wxSize(width, height));
    }
    wxImage image;
    if (!image.LoadFile(file.string()) || image.GetHeight() <= 0) {
        return {};
    }
    const double scale = static_cast<double>(height) / image.GetHeight();
    image.Rescale(static_cast<int>(image.GetWidth() * scale), height, wxIMAGE_QUALITY_HIGH);
    return wxBitmap(image);
}

// The simulated site's own controls read as on the French site whatever the app's language:
// French source texts, through the content catalog like the rest of the site.
wxString site_text(const core::ScenarioSession& session, const char* french) {
    return wxString::FromUTF8(session.text(french));
}

}  // namespace

std::vector<std::vector<bool>> qr_modules(const std::string& text) {
    std::vector<std::vector<bool>> modules;
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == nullptr) {
        return modules;
    }
    const auto width = static_cast<std::size_t>(code->width);
    modules.assign(width, std::vector<bool>(width, false));
    for (std::size_t y = 0; y < width; ++y) {
        for (std::size_t x = 0; x < width; ++x) {
            modules[y][x] = (code->data[y * width + x] & 1U) != 0;  // bit 0: dark module
        }
    }
    QRcode_free(code);
    return modules;
}

SiteColours SiteColours::for_appearance(const Appearance& appearance) {
    SiteColours colours;
    if (appearance.high_contrast) {
        // The learner asked for high contrast: the site follows, as a browser's forced colours do.
        colours.page = appearance.background();
        colours.text = appearance.foreground();
        colours.muted = appearance.foreground();
        colours.blue = appearance.accent();
        colours.red = appearance.error();
        colours.error = appearance.error();
        colours.line = appearance.foreground();
        colours.band = wxColour(0x20, 0x20, 0x20);
        colours.info = wxColour(0x10, 0x10, 0x40);
        colours.success = wxColour(0x10, 0x40, 0x10);
        colours.warning = wxColour(0x40, 0x10, 0x10);
        colours.highlight = appearance.accent();
    }
    return colours;
}

struct PageView::Impl {
    PageView* self;
    Appearance appearance;
    SiteColours colours;
    Callbacks callbacks;
    std::map<std::string, Tinted<wxPanel>*> boxes;
    std::map<std::string, wxWindow*> first_controls;
    std::vector<std::pair<wxStaticText*, wxString>> wrapped;
    // Links, tiles and tick boxes: their labels never wrap by themselves.
    struct WrappedControl {
        wxControl* control;
        wxString full;
        int indent;  // the room the control takes beside its label (a tick box's box)
        bool tile;
        // Links are underlined as on the real sites; GTK draws a button's label without its
        // font's underline, but not without markup's.
        bool underline;
    };
    std::vector<WrappedControl> wrapped_links;
    std::string highlighted;
    std::string first_error;
    int wrap_width = 0;

    Impl(PageView* owner, const Appearance& look, Callbacks calls)
        : self(owner),
          appearance(look),
          colours(SiteColours::for_appearance(look)),
          callbacks(std::move(calls)) {}

    int pt() const { return appearance.point_size(); }

    wxStaticText* text(wxWindow* parent, const wxString& label, double relative = 1.0, bool bold = false,
                       const wxColour& colour = wxNullColour, const wxString& name = "site-text") {
        auto* line =
            new Tinted<wxStaticText>(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, name);
        line->tint(colour.IsOk() ? colour : colours.text, parent->GetBackgroundColour());
        if (relative != 1.0) {
            set_relative_size(line, relative);
        }
        if (bold) {
            line->SetFont(line->GetFont().Bold());
        }
        wrapped.emplace_back(line, label);
        return line;
    }

    Tinted<wxPanel>* panel(wxWindow* parent, const wxColour& background,
                           const wxString& name = "site-panel") {
        auto* box =
            new Tinted<wxPanel>(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name);
        box->tint(colours.text, background);
        return box;
    }

    // The frame every field and action sits in: its padding turns into the highlight.
    std::pair<Tinted<wxPanel>*, Tinted<wxPanel>*> framed(const std::string& id) {
        auto* box = panel(self, colours.page, from_utf8("box:" + id));
        auto* inner = panel(box, colours.page, from_utf8("inner:" + id));
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(inner, wxSizerFlags().Expand().Border(wxALL, std::max(4, pt() / 2)));
        box->SetSizer(sizer);
        boxes[id] = box;
        return {box, inner};
    }

    void build_header(wxSizer* sizer, const core::ScenarioSession& session);
    void build_block(wxSizer* sizer, const core::ScenarioSession& session, const core::Block& block,
                     std::size_t index, const core::Feedback& feedback);
    void build_field(wxSizer* sizer, const core::ScenarioSession& session, const core::Field& field,
                     const core::Feedback& feedback);
    wxWindow* build_control(wxWindow* parent, wxSizer* column, const core::ScenarioSession& session,
                            const core::Field& field);
    void build_action(wxSizer* sizer, const core::ScenarioSession& session, const core::PageAction& action);
    void alert(wxWindow* parent, wxSizer* sizer, const std::string& kind, const wxString& message,
               const wxString& name);
    void changed(const std::string& id, const std::string& value) {
        if (callbacks.value_changed) {
            callbacks.value_changed(id, value);
        }
    }
    void rewrap(bool force);
    void scroll_into_view(wxWindow* window);
};

void PageView::Impl::alert(wxWindow* parent, wxSizer* sizer, const std::string& kind, const wxString& message,
                           const wxString& name) {
    wxColour fill = colours.info;
    wxColour bar = colours.blue;
    if (kind == "error") {
        fill = colours.warning;
        bar = colours.error;
    } else if (kind == "success") {
        fill = colours.success;
        bar = wxColour(0x18, 0x75, 0x3c);
    } else if (kind == "warning") {
        fill = wxColour(0xff, 0xf4, 0xd6);
        bar = wxColour(0xb3, 0x40, 0x00);
    }
    if (appearance.high_contrast) {
        bar = kind == "error" ? colours.error : colours.blue;
    }
    auto* box = panel(parent, fill, name);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* strip = panel(box, bar, "alert-bar");
    strip->SetMinSize(wxSize(std::max(4, pt() / 3), -1));
    row->Add(strip, wxSizerFlags().Expand());
    row->Add(text(box, message, 1.0, kind == "error", colours.text, wxString(name) + "-text"),
             wxSizerFlags(1).Border(wxALL, pt()));
    box->SetSizer(row);
    sizer->Add(box, wxSizerFlags().Expand().Border(wxBOTTOM, pt()));
}

void PageView::Impl::build_header(wxSizer* sizer, const core::ScenarioSession& session) {
    const core::Page& page = session.page();
    auto* band = panel(self, colours.page, "site-header");
    auto* column = new wxBoxSizer(wxVERTICAL);
    const SiteColours look = colours;
    // A thin blue line ending in red: the State sites' accent, drawn, never their block mark.
    auto* accent = new PaintedWindow(
        band, wxSize(-1, std::max(4, pt() / 3)),
        [look](wxDC& dc, const wxSize& size) {
            const int red = size.x / 8;
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(look.blue));
            dc.DrawRectangle(0, 0, size.x - red, size.y);
            dc.SetBrush(wxBrush(look.red));
            dc.DrawRectangle(size.x - red, 0, red, size.y);
        },
        "site-accent");
    column->Add(accent, wxSizerFlags().Expand());
    auto* name = text(band, from_utf8(session.text(page.site)), 1.4, true, colours.blue, "site-name");
    column->Add(name, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, pt()));
    auto* title =
        text(band, from_utf8(session.text(page.title)), 1.0, false, colours.muted, "site-page-title");
    column->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, pt()));
    auto* rule = panel(band, colours.line, "site-rule");
    rule->SetMinSize(wxSize(-1, 1));
    column->Add(rule, wxSizerFlags().Expand());
    band->SetSizer(column);
    sizer->Add(band, wxSizerFlags().Expand().Border(wxBOTTOM, pt()));
}

void PageView::Impl::build_block(wxSizer* sizer, const core::ScenarioSession& session,
                                 const core::Block& block, std::size_t index,
                                 const core::Feedback& feedback) {
    const core::Page& page = session.page();
    const wxString number = wxString::Format("%zu", index);
    switch (block.kind) {
        case core::Block::Kind::Heading:
            sizer->Add(
                text(self, from_utf8(session.text(block.text)), 1.6, true, colours.text, "heading:" + number),
                wxSizerFlags().Border(wxBOTTOM, pt()));
            break;
        case core::Block::Kind::Text:
            sizer->Add(
                text(self, from_utf8(session.text(block.text)), 1.0, false, colours.text, "text:" + number),
                wxSizerFlags().Border(wxBOTTOM, pt()));
            break;
        case core::Block::Kind::Alert:
            alert(self, sizer, block.label, from_utf8(session.text(block.text)), "alert:" + number);
            break;
        case core::Block::Kind::Recap: {
            auto* row = new wxBoxSizer(wxVERTICAL);
            row->Add(text(self, from_utf8(session.text(block.label)), 0.9, false, colours.muted,
                          "recap-label:" + number));
            row->Add(
                text(self, from_utf8(session.text(block.text)), 1.1, true, colours.text, "recap:" + number));
            sizer->Add(row, wxSizerFlags().Border(wxBOTTOM, pt()));
            break;
        }
        case core::Block::Kind::Qr: {
            const std::string value = session.text(block.text);
            auto modules = std::make_shared<std::vector<std::vector<bool>>>(qr_modules(value));
            const int count = static_cast<int>(modules->size()) + 8;  // with its quiet zone
            const int scale = std::max(3, pt() / 3);
            const SiteColours look = colours;
            auto* qr = new PaintedWindow(
                self, wxSize(count * scale, count * scale),
                [modules, scale](wxDC& dc, const wxSize& size) {
                    // Always dark on white, whatever the contrast: that is what a reader scans.
                    dc.SetPen(*wxTRANSPARENT_PEN);
                    dc.SetBrush(*wxWHITE_BRUSH);
                    dc.DrawRectangle(0, 0, size.x, size.y);
                    dc.SetBrush(*wxBLACK_BRUSH);
                    for (std::size_t y = 0; y < modules->size(); ++y) {
                        for (std::size_t x = 0; x < (*modules)[y].size(); ++x) {
                            if ((*modules)[y][x]) {
                                dc.DrawRectangle((static_cast<int>(x) + 4) * scale,
                                                 (static_cast<int>(y) + 4) * scale, scale, scale);
                            }
                        }
                    }
                },
                "qr:" + number);
            (void)look;
            qr->SetHelpText(from_utf8(value));
            qr->SetToolTip(wxString::Format(_("QR code: %s"), from_utf8(value)));
            sizer->Add(qr, wxSizerFlags().Border(wxBOTTOM, pt()));
            break;
        }
        case core::Block::Kind::Image: {
            const wxBitmap bitmap = load_picture(block.image, pt() * 10);
            if (bitmap.IsOk()) {
                auto* picture = new wxStaticBitmap(self, wxID_ANY, bitmap, wxDefaultPosition, wxDefaultSize,
                                                   0, from_utf8(session.text(block.text)));
                picture->SetToolTip(from_utf8(session.text(block.text)));
                sizer->Add(picture, wxSizerFlags().Border(wxBOTTOM, pt()));
            }
            break;
        }
        case core::Block::Kind::Stepper: {
            auto* column = new wxBoxSizer(wxVERTICAL);
            column->Add(text(self,
                             wxString::Format(site_text(session, "Étape %d sur %d"), block.step, block.of),
                             0.9, false, colours.muted, "stepper-step"));
            column->Add(
                text(self, from_utf8(session.text(block.text)), 1.3, true, colours.text, "stepper-title"));
            const int step = block.step;
            const int of = std::max(1, block.of);
            const SiteColours look = colours;
            auto* bar = new PaintedWindow(
                self, wxSize(pt() * 16, std::max(6, pt() / 2)),
                [step, of, look](wxDC& dc, const wxSize& size) {
                    dc.SetPen(*wxTRANSPARENT_PEN);
                    dc.SetBrush(wxBrush(look.page));
                    dc.DrawRectangle(0, 0, size.x, size.y);
                    const int gap = 4;
                    const int width = (size.x - gap * (of - 1)) / of;
                    for (int i = 0; i < of; ++i) {
                        dc.SetBrush(wxBrush(i < step ? look.blue : look.line));
                        dc.DrawRectangle(i * (width + gap), 0, width, size.y);
                    }
                },
                "stepper-bar");
            column->Add(bar, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, pt() / 2));
            if (!block.label.empty()) {
                column->Add(text(self,
                                 wxString::Format(site_text(session, "Étape suivante : %s"),
                                                  from_utf8(session.text(block.label))),
                                 0.9, false, colours.muted, "stepper-next"));
            }
            sizer->Add(column, wxSizerFlags().Expand().Border(wxBOTTOM, pt()));
            break;
        }
        case core::Block::Kind::Field:
            if (block.index < page.fields.size()) {
                build_field(sizer, session, page.fields[block.index], feedback);
            }
            break;
        case core::Block::Kind::Action:
            if (block.index < page.actions.size()) {
                build_action(sizer, session, page.actions[block.index]);
            }
            break;
    }
}

void PageView::Impl::build_field(wxSizer* sizer, const core::ScenarioSession& session,
                                 const core::Field& field, const core::Feedback& feedback) {
    const auto error = feedback.field_errors.find(field.id);
    const bool in_error = error != feedback.field_errors.end();
    auto [box, inner] = framed(field.id);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    // The State sites' error style: a red line along the field, the message under it.
    auto* line = panel(inner, in_error ? colours.error : colours.page, from_utf8("error-line:" + field.id));
    line->SetMinSize(wxSize(std::max(3, pt() / 4), -1));
    row->Add(line, wxSizerFlags().Expand().Border(wxRIGHT, pt() / 2));
    auto* column = new wxBoxSizer(wxVERTICAL);
    wxString label = from_utf8(session.text(field.label));
    if (field.optional) {
        label += " " + site_text(session, "(facultatif)");
    }
    if (field.type != core::FieldType::Checkbox) {
        column->Add(text(inner, label, 1.0, true, in_error ? colours.error : colours.text,
                         from_utf8("label:" + field.id)));
    }
    if (!field.hint.empty()) {
        column->Add(text(inner, from_utf8(session.text(field.hint)), 0.9, false, colours.muted,
                         from_utf8("hint:" + field.id)));
    }
    wxWindow* control = build_control(inner, column, session, field);
    if (control != nullptr) {
        first_controls[field.id] = control;
        control->SetHelpText(label);
    }
    if (in_error) {
        column->Add(
            text(inner, from_utf8(error->second), 1.0, false, colours.error, from_utf8("error:" + field.id)),
            wxSizerFlags().Border(wxTOP, pt() / 3));
        if (first_error.empty()) {
            first_error = field.id;
        }
    }
    row->Add(column, wxSizerFlags(1).Expand());
    inner->SetSizer(row);
    sizer->Add(box, wxSizerFlags().Expand().Border(wxBOTTOM, pt() / 2));
}

wxWindow* PageView::Impl::build_control(wxWindow* parent, wxSizer* column,
                                        const core::ScenarioSession& session, const core::Field& field) {
    const std::string id = field.id;
    const wxString control_name = from_utf8("input:" + id);
    const std::string value = session.value(id);
    const int gap = pt() / 3;
    auto text_box = [&](const wxString& name, long style, int chars) {
        auto* box = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, style,
                                   wxDefaultValidator, name);
        box->SetMinSize(wxSize(box->GetCharWidth() * chars, -1));
        return box;
    };
    switch (field.type) {
        case core::FieldType::Text:
        case core::FieldType::Email:
        case core::FieldType::Tel:
        case core::FieldType::Date:
        case core::FieldType::Code: {
            const int chars = field.type == core::FieldType::Code   ? std::max(8, field.digits + 4)
                              : field.type == core::FieldType::Date ? 14
                                                                    : 32;
            auto* box = text_box(control_name, 0, chars);
            if (field.type == core::FieldType::Code) {
                box->SetMaxLength(static_cast<unsigned long>(std::max(1, field.digits) + 4));
            }
            box->ChangeValue(from_utf8(value));
            box->Bind(wxEVT_TEXT,
                      [this, id, box](wxCommandEvent&) { changed(id, box->GetValue().utf8_string()); });
            column->Add(box, wxSizerFlags().Border(wxTOP, gap));
            return box;
        }
        case core::FieldType::Password: {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            // GTK cannot unmask a password box: two boxes share the value, one is shown.
            auto* hidden = text_box(control_name, wxTE_PASSWORD, 24);
            auto* plain = text_box(from_utf8("input-plain:" + id), 0, 24);
            hidden->ChangeValue(from_utf8(value));
            plain->ChangeValue(from_utf8(value));
            plain->Hide();
            hidden->Bind(wxEVT_TEXT, [this, id, hidden, plain](wxCommandEvent&) {
                plain->ChangeValue(hidden->GetValue());
                changed(id, hidden->GetValue().utf8_string());
            });
            plain->Bind(wxEVT_TEXT, [this, id, hidden, plain](wxCommandEvent&) {
                hidden->ChangeValue(plain->GetValue());
                changed(id, plain->GetValue().utf8_string());
            });
            row->Add(hidden, wxSizerFlags().CentreVertical());
            row->Add(plain, wxSizerFlags().CentreVertical());
            auto* show =
                new wxCheckBox(parent, wxID_ANY, site_text(session, "Afficher"), wxDefaultPosition,
                               wxDefaultSize, 0, wxDefaultValidator, from_utf8("show-password:" + id));
            show->Bind(wxEVT_CHECKBOX, [this, hidden, plain, show](wxCommandEvent&) {
                const bool visible = show->GetValue();
                plain->Show(visible);
                hidden->Show(!visible);
                (visible ? static_cast<wxWindow*>(plain) : static_cast<wxWindow*>(hidden))
                    ->GetParent()
                    ->Layout();
                self->Layout();
            });
            row->Add(show, wxSizerFlags().CentreVertical().Border(wxLEFT, pt()));
            column->Add(row, wxSizerFlags().Border(wxTOP, gap));
            return hidden;
        }
        case core::FieldType::Date3: {
            const auto parts = split_date(value);
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            std::vector<wxTextCtrl*> boxes_;
            const std::array<wxString, 3> labels{site_text(session, "Jour"), site_text(session, "Mois"),
                                                 site_text(session, "Année")};
            const std::array<const char*, 3> names{"day", "month", "year"};
            const std::array<int, 3> widths{5, 5, 8};
            for (std::size_t i = 0; i < 3; ++i) {
                auto* part = new wxBoxSizer(wxVERTICAL);
                part->Add(text(parent, labels[i], 0.9, false, colours.muted,
                               wxString::Format("label-%s:%s", names[i], id)));
                auto* box = text_box(from_utf8("input-" + std::string(names[i]) + ":" + id), 0, widths[i]);
                box->SetMaxLength(i == 2 ? 4 : 2);
                box->ChangeValue(from_utf8(parts[i]));
                box->SetHelpText(labels[i]);
                part->Add(box);
                row->Add(part, wxSizerFlags().Border(wxRIGHT, pt()));
                boxes_.push_back(box);
            }
            for (wxTextCtrl* box : boxes_) {
                box->Bind(wxEVT_TEXT, [this, id, boxes_](wxCommandEvent&) {
                    changed(id, compose_date3(boxes_[0]->GetValue().utf8_string(),
                                              boxes_[1]->GetValue().utf8_string(),
                                              boxes_[2]->GetValue().utf8_string()));
                });
            }
            column->Add(row, wxSizerFlags().Border(wxTOP, gap));
            return boxes_.front();
        }
        case core::FieldType::Select: {
            wxArrayString labels;
            labels.Add(site_text(session, "Sélectionnez une option"));
            int chosen = 0;
            for (std::size_t i = 0; i < field.options.size(); ++i) {
                labels.Add(from_utf8(session.text(field.options[i].label)));
                if (field.options[i].value == value) {
                    chosen = static_cast<int>(i) + 1;
                }
            }
            auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels, 0,
                                        wxDefaultValidator, control_name);
            choice->SetSelection(chosen);
            const std::vector<core::FieldOption> options = field.options;
            choice->Bind(wxEVT_CHOICE, [this, id, choice, options](wxCommandEvent&) {
                const int index = choice->GetSelection();
                changed(id, index <= 0 ? std::string() : options[static_cast<std::size_t>(index - 1)].value);
            });
            column->Add(choice, wxSizerFlags().Border(wxTOP, gap));
            return choice;
        }
        case core::FieldType::Radio: {
            wxWindow* first = nullptr;
            for (std::size_t i = 0; i < field.options.size(); ++i) {
                const core::FieldOption& option = field.options[i];
                auto* radio =
                    new wxRadioButton(parent, wxID_ANY, from_utf8(session.text(option.label)),
                                      wxDefaultPosition, wxDefaultSize, i == 0 ? wxRB_GROUP : 0,
                                      wxDefaultValidator, from_utf8("option:" + id + ":" + option.value));
                if (first == nullptr) {
                    first = radio;
                }
                const std::string option_value = option.value;
                radio->Bind(wxEVT_RADIOBUTTON,
                            [this, id, option_value](wxCommandEvent&) { changed(id, option_value); });
                column->Add(radio, wxSizerFlags().Border(wxTOP, gap));
            }
            // GTK always ticks one button of a group: a hidden last one stands for "none yet".
            auto* none = new wxRadioButton(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                           wxDefaultValidator, from_utf8("option-none:" + id));
            none->Hide();
            none->SetValue(true);
            for (const core::FieldOption& option : field.options) {
                if (option.value == value) {
                    if (auto* radio = dynamic_cast<wxRadioButton*>(
                            parent->FindWindow(from_utf8("option:" + id + ":" + option.value)))) {
                        radio->SetValue(true);
                    }
                }
            }
            return first;
        }
        case core::FieldType::Checkbox: {
            wxString label = from_utf8(session.text(field.label));
            if (field.optional) {
                label += " " + site_text(session, "(facultatif)");
            }
            auto* box = new wxCheckBox(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0,
                                       wxDefaultValidator, control_name);
            box->SetValue(value == "true");
            wrapped_links.push_back({box, label, pt() * 2, false, false});
            box->Bind(wxEVT_CHECKBOX, [this, id, box](wxCommandEvent&) {
                changed(id, box->GetValue() ? "true" : std::string());
            });
            column->Add(box, wxSizerFlags().Border(wxTOP, gap));
            return box;
        }
        case core::FieldType::File: {
            if (!field.accept.empty() || field.max_kb > 0) {
                wxString formats;
                for (const std::string& format : field.accept) {
                    formats += (formats.empty() ? "" : ", ") + from_utf8(format);
                }
                wxString limits;
                if (field.max_kb > 0) {
                    limits = wxString::Format(
                        site_text(session, "Taille maximale : %s."),
                        field.max_kb >= 1024 ? wxString::Format(site_text(session, "%lld Mo"),
                                                                static_cast<long long>(field.max_kb / 1024))
                                             : wxString::Format(site_text(session, "%lld Ko"),
                                                                static_cast<long long>(field.max_kb)));
                }
                if (!formats.empty()) {
                    limits += (limits.empty() ? "" : " ") +
                              wxString::Format(site_text(session, "Formats acceptés : %s."), formats);
                }
                column->Add(text(parent, limits, 0.9, false, colours.muted, from_utf8("limits:" + id)));
            }
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            auto* browse = new wxButton(parent, wxID_ANY, site_text(session, "Parcourir…"), wxDefaultPosition,
                                        wxDefaultSize, 0, wxDefaultValidator, control_name);
            const core::Document* document = session.scenario().document(value);
            auto* chosen = text(parent,
                                document != nullptr ? from_utf8(document->name)
                                                    : site_text(session, "Aucun fichier sélectionné."),
                                1.0, false, colours.text, from_utf8("file-name:" + id));
            const core::Field* field_ptr = &field;
            browse->Bind(wxEVT_BUTTON, [this, id, field_ptr, chosen, &session](wxCommandEvent&) {
                if (!callbacks.pick_file) {
                    return;
                }
                const auto picked = callbacks.pick_file(*field_ptr);
                if (!picked) {
                    return;
                }
                const core::Document* doc = session.scenario().document(*picked);
                const wxString name = doc != nullptr ? from_utf8(doc->name) : from_utf8(*picked);
                for (auto& entry : wrapped) {
                    if (entry.first == chosen) {
                        entry.second = name;
                    }
                }
                chosen->SetLabel(name);
                changed(id, *picked);
                self->Layout();
            });
            row->Add(browse, wxSizerFlags().CentreVertical().Border(wxRIGHT, pt()));
            row->Add(chosen, wxSizerFlags().CentreVertical());
            column->Add(row, wxSizerFlags().Border(wxTOP, gap));
            return browse;
        }
    }
    return nullptr;
}

void PageView::Impl::build_action(wxSizer* sizer, const core::ScenarioSession& session,
                                  const core::PageAction& action) {
    auto [box, inner] = framed(action.id);
    auto* column = new wxBoxSizer(wxVERTICAL);
    const wxString label = from_utf8(session.text(action.label));
    const wxString name = from_utf8("action:" + action.id);
    const std::string id = action.id;
    auto bind = [this, id](wxButton* button) {
        button->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) {
            if (callbacks.activate) {
                // After the click: activating may rebuild this page and destroy the button.
                self->CallAfter([this, id] { callbacks.activate(id); });
            }
        });
    };
    switch (action.style) {
        case core::ActionStyle::Primary:
        case core::ActionStyle::Secondary:
        case core::ActionStyle::FranceConnect: {
            const bool primary = action.style != core::ActionStyle::Secondary;
            auto* button = new Tinted<wxButton>(inner, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0,
                                                wxDefaultValidator, name);
            if (action.style == core::ActionStyle::FranceConnect) {
                // A neutral stand-in for the FranceConnect button: its shape and words, no logo.
                set_relative_size(button, 1.2);
                button->SetFont(button->GetFont().Bold());
                button->tint(*wxWHITE, appearance.high_contrast ? colours.blue : wxColour(0x00, 0x00, 0x91));
            } else if (primary) {
                button->tint(appearance.high_contrast ? colours.page : *wxWHITE, colours.blue);
            } else {
                button->tint(colours.blue, colours.page);
            }
            bind(button);
            column->Add(button);
            break;
        }
        case core::ActionStyle::Link: {
            auto* button =
                new Tinted<wxButton>(inner, wxID_ANY, label, wxDefaultPosition, wxDefaultSize,
                                     wxBORDER_NONE | wxBU_EXACTFIT | wxBU_LEFT, wxDefaultValidator, name);
            wrapped_links.push_back({button, label, 0, false, true});
            button->SetFont(button->GetFont().Underlined());
            button->tint(colours.blue, colours.page);
            bind(button);
            column->Add(button);
            break;
        }
        case core::ActionStyle::Tile: {
            auto* button = new Tinted<wxButton>(inner, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0,
                                                wxDefaultValidator, name);
            set_relative_size(button, 1.2);
            button->SetFont(button->GetFont().Bold());
            button->tint(colours.blue, colours.band);
            button->SetMinSize(wxSize(pt() * 18, pt() * 4));
            wrapped_links.push_back({button, label, pt(), true, false});
            bind(button);
            column->Add(button);
            break;
        }
        case core::ActionStyle::Result: {
            if (action.ad) {
                column->Add(text(inner, _("Ad"), 0.9, true, colours.text, from_utf8("ad:" + id)));
            }
            column->Add(text(inner, from_utf8(session.text(action.url)), 0.9, false,
                             appearance.high_contrast ? colours.text : wxColour(0x0b, 0x6b, 0x2b),
                             from_utf8("url:" + id)));
            auto* button =
                new Tinted<wxButton>(inner, wxID_ANY, label, wxDefaultPosition, wxDefaultSize,
                                     wxBORDER_NONE | wxBU_EXACTFIT | wxBU_LEFT, wxDefaultValidator, name);
            wrapped_links.push_back({button, label, 0, false, true});
            set_relative_size(button, 1.2);
            button->SetFont(button->GetFont().Underlined());
            button->tint(colours.blue, colours.page);
            bind(button);
            column->Add(button);
            if (!action.snippet.empty()) {
                column->Add(text(inner, from_utf8(session.text(action.snippet)), 1.0, false, colours.text,
                                 from_utf8("snippet:" + id)));
            }
            break;
        }
    }
    inner->SetSizer(column);
    sizer->Add(box, wxSizerFlags().Border(wxBOTTOM, pt() / 2));
}

void PageView::Impl::rewrap(bool force) {
    const int width = std::max(200, self->GetClientSize().x - pt() * 6);
    if (!force && width == wrap_width) {
        return;
    }
    wrap_width = width;
    for (auto& [line, full] : wrapped) {
        line->SetLabel(full);
        line->Wrap(width);
        line->InvalidateBestSize();
        if (line->GetBestSize().x > width) {
            line->SetLabel(break_long_words(line, line->GetLabel(), width));
            line->InvalidateBestSize();
        }
    }
    for (const WrappedControl& entry : wrapped_links) {
        const wxString label = wrap_words(entry.control, entry.full, width - pt() - entry.indent);
        if (entry.underline) {
            wxString quoted = label;
            quoted.Replace("&", "&amp;");
            quoted.Replace("<", "&lt;");
            quoted.Replace(">", "&gt;");
            entry.control->SetLabelMarkup("<u>" + quoted + "</u>");
        } else {
            entry.control->SetLabel(label);
        }
        entry.control->InvalidateBestSize();
        if (entry.tile) {
            // A tile is at least its usual size, and as wide as its name needs within the page.
            entry.control->SetMinSize(wxSize(pt() * 18, pt() * 4));
            const wxSize best = entry.control->GetBestSize();
            entry.control->SetMinSize(
                wxSize(std::min(width, std::max(pt() * 18, best.x)), std::max(pt() * 4, best.y)));
        }
    }
    self->Layout();
    self->FitInside();
}

void PageView::Impl::scroll_into_view(wxWindow* window) {
    int unit_x = 0;
    int unit_y = 0;
    self->GetScrollPixelsPerUnit(&unit_x, &unit_y);
    if (unit_y <= 0) {
        return;
    }
    const wxPoint on_screen = window->GetScreenPosition() - self->GetScreenPosition();
    const wxPoint top = self->CalcUnscrolledPosition(on_screen);
    int view_x = 0;
    int view_y = 0;
    self->GetViewStart(&view_x, &view_y);
    const int visible_top = view_y * unit_y;
    const int visible_bottom = visible_top + self->GetClientSize().y;
    if (top.y < visible_top || top.y + window->GetSize().y > visible_bottom) {
        self->Scroll(-1, std::max(0, (top.y - pt() * 2) / unit_y));
    }
}

PageView::PageView(wxWindow* parent, const Appearance& appearance, Callbacks callbacks)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                       "page-view"),
      impl_(std::make_unique<Impl>(this, appearance, std::move(callbacks))) {
    SetScrollRate(0, impl_->pt());
    SetMinSize(wxSize(-1, impl_->pt() * 12));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        impl_->rewrap(false);
        event.Skip();
        // The highlighted element, or else the field the site complained about, stays in sight
        // when the page is resized or re-laid out (at large text sizes it moves down after
        // the first drawing).
        CallAfter([this] {
            wxWindow* target = box(impl_->highlighted);
            if (target == nullptr && !impl_->first_error.empty()) {
                target = box(impl_->first_error);
            }
            if (target != nullptr) {
                impl_->scroll_into_view(target);
            }
        });
    });
}

PageView::~PageView() {
    DestroyChildren();
}

void PageView::show(const core::ScenarioSession& session, const core::Feedback& feedback) {
    Freeze();
    DestroyChildren();
    impl_->boxes.clear();
    impl_->first_controls.clear();
    impl_->wrapped.clear();
    impl_->wrapped_links.clear();
    impl_->first_error.clear();
    impl_->highlighted.clear();
    SetBackgroundColour(impl_->colours.page);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    impl_->build_header(outer, session);
    auto* content = new wxBoxSizer(wxVERTICAL);
    if (!feedback.alert.empty()) {
        impl_->alert(this, content, "error", from_utf8(feedback.alert), "page-alert");
    }
    const core::Page& page = session.page();
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        impl_->build_block(content, session, page.blocks[i], i, feedback);
    }
    outer->Add(content, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, impl_->pt() * 2));
    SetSizer(outer, true);
    apply_appearance(this, impl_->appearance);
    Thaw();
    impl_->rewrap(true);
    Scroll(0, 0);
}

wxWindow* PageView::box(const std::string& id) const {
    const auto found = impl_->boxes.find(id);
    return found == impl_->boxes.end() ? nullptr : found->second;
}

wxWindow* PageView::first_control(const std::string& field_id) const {
    const auto found = impl_->first_controls.find(field_id);
    return found == impl_->first_controls.end() ? nullptr : found->second;
}

void PageView::highlight(const std::string& id) {
    if (id == impl_->highlighted) {
        return;
    }
    if (const auto old = impl_->boxes.find(impl_->highlighted); old != impl_->boxes.end()) {
        old->second->tint(wxNullColour, impl_->colours.page);
    }
    impl_->highlighted = id;
    if (const auto found = impl_->boxes.find(id); found != impl_->boxes.end()) {
        found->second->tint(wxNullColour, impl_->colours.highlight);
        impl_->scroll_into_view(found->second);
        // Again once the screen has settled: a new page or text size moves things after this.
        CallAfter([this, id] {
            if (impl_->highlighted == id) {
                if (wxWindow* target = box(id); target != nullptr) {
                    impl_->scroll_into_view(target);
                }
            }
        });
    }
}

void PageView::focus_first() {
    if (wxWindow* control = first_control(impl_->first_error); control != nullptr) {
        control->SetFocus();
        // The field's box, with its label and the site's message under it.
        const auto box_of = [this]() -> wxWindow* {
            const auto found = impl_->boxes.find(impl_->first_error);
            return found != impl_->boxes.end() ? found->second : first_control(impl_->first_error);
        };
        impl_->scroll_into_view(box_of());
        // Again once the page is laid out: at large text sizes it moves after this.
        CallAfter([this, box_of, error = impl_->first_error] {
            if (impl_->first_error == error) {
                if (wxWindow* target = box_of(); target != nullptr) {
                    impl_->scroll_into_view(target);
                }
            }
        });
    }
}

void PageView::restyle() {
    impl_->rewrap(true);
}

}  // namespace pasapas::ui
