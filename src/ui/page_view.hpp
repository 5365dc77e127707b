#pragma once
// One page of a simulated website, drawn from core::Page's blocks in document order: a neutral
// look-alike of the State's sites (white page, header band with the site's name, a thin blue
// and red accent, the form style with its red error line), never their marks. Only draws the
// session's state and forwards what the learner types, ticks and clicks.
#include "core/scenario_session.hpp"
#include "ui/appearance.hpp"

#include <wx/colour.h>
#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class wxStaticText;

namespace pasapas::ui {

// A control whose colours are its own: apply_appearance, which paints a whole window tree in
// the learner's colours, must not repaint the site's accents, error lines and highlights.
template <typename Base>
class Tinted : public Base {
public:
    using Base::Base;

    void tint(const wxColour& foreground, const wxColour& background) {
        locked_ = false;
        if (foreground.IsOk()) {
            Base::SetForegroundColour(foreground);
        }
        if (background.IsOk()) {
            Base::SetBackgroundColour(background);
        }
        locked_ = true;
        this->Refresh();
    }
    bool SetForegroundColour(const wxColour& colour) override {
        return locked_ ? false : Base::SetForegroundColour(colour);
    }
    bool SetBackgroundColour(const wxColour& colour) override {
        return locked_ ? false : Base::SetBackgroundColour(colour);
    }

private:
    bool locked_ = false;
};

// The site's own colours: look-alikes of the State's palette, not its tokens.
struct SiteColours {
    wxColour page{0xff, 0xff, 0xff};
    wxColour text{0x16, 0x16, 0x16};
    wxColour muted{0x5a, 0x5a, 0x5a};
    wxColour blue{0x1b, 0x1b, 0x8a};
    wxColour red{0xc8, 0x1d, 0x25};
    wxColour error{0xc8, 0x1d, 0x25};
    wxColour line{0xd0, 0xd0, 0xd0};
    wxColour band{0xf4, 0xf4, 0xf6};
    wxColour info{0xe8, 0xed, 0xff};
    wxColour success{0xb8, 0xfe, 0xc9};
    wxColour warning{0xff, 0xe9, 0xe6};
    wxColour highlight{0xff, 0xb3, 0x00};  // Pas à Pas' own mark around the next thing to do
    static SiteColours for_appearance(const Appearance& appearance);
};

class PageView : public wxScrolledWindow {
public:
    struct Callbacks {
        std::function<void(const std::string& field_id, const std::string& value)> value_changed;
        std::function<void(const std::string& action_id)> activate;
        // « Parcourir… » on a file field: the chosen document's id, or nullopt if cancelled.
        std::function<std::optional<std::string>(const core::Field& field)> pick_file;
    };

    PageView(wxWindow* parent, const Appearance& appearance, Callbacks callbacks);
    ~PageView() override;

    // Draws the session's current page with its values, and the feedback of the last action
    // (errors under the fields, the alert at the top).
    void show(const core::ScenarioSession& session, const core::Feedback& feedback);

    // The box around a field, button or link of the page (to highlight), or nullptr.
    [[nodiscard]] wxWindow* box(const std::string& id) const;
    // Marks this element (empty: none) with a thick border, and scrolls it into view.
    void highlight(const std::string& id);
    // The first control of the field (where the keyboard goes after a failed submit).
    [[nodiscard]] wxWindow* first_control(const std::string& field_id) const;
    void focus_first();
    void restyle();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A QR code's modules (true = dark), from libqrencode; empty when the text cannot be encoded.
[[nodiscard]] std::vector<std::vector<bool>> qr_modules(const std::string& text);

}  // namespace pasapas::ui
