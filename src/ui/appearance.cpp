#include "ui/appearance.hpp"

#include <wx/button.h>
#include <wx/font.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include <cmath>
#include <cstdlib>
#include <dlfcn.h>
#include <unordered_map>
#include <unordered_set>

namespace pasapas::ui {

namespace {

// Base size in points at 100 %: larger than the desktop default on purpose, because many
// learners read with difficulty.
constexpr double kBasePoints = 13.0;

// Relative sizes live outside the windows: client data belongs to the controls themselves
// (some use it for their items), so a side table cleaned on destruction is the safe place.
std::unordered_map<const wxWindow*, double>& relative_sizes() {
    static std::unordered_map<const wxWindow*, double> sizes;
    return sizes;
}

double relative_size_of(const wxWindow* window) {
    const auto& sizes = relative_sizes();
    const auto found = sizes.find(window);
    return found == sizes.end() ? 1.0 : found->second;
}

bool is_button(const wxWindow* window) {
    return dynamic_cast<const wxButton*>(window) != nullptr ||
           dynamic_cast<const wxToggleButton*>(window) != nullptr;
}

// Scrolled areas size their content only when they are resized themselves: tell them their
// content changed.
void refit_scrolled(wxWindow* window) {
    if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(window); scrolled != nullptr) {
        scrolled->Layout();
        scrolled->FitInside();
    }
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsTopLevel()) {
            refit_scrolled(child);
        }
    }
}

// Only what differs is set: every change restyles a GTK widget, which is what makes start-up
// and screen changes slow when done twice.
// Reading a colour that was never set asks GTK for the theme's default, which builds a
// throw-away widget each time: a colour never set is simply set.
void set_colours(wxWindow* window, const wxColour& foreground, const wxColour& background) {
    if (!window->UseForegroundColour() || window->GetForegroundColour() != foreground) {
        window->SetForegroundColour(foreground);
    }
    if (!window->UseBackgroundColour() || window->GetBackgroundColour() != background) {
        window->SetBackgroundColour(background);
    }
}

// The body size GTK's default font has in this process, 0 when it could not be set.
int& desktop_points() {
    static int points = 0;
    return points;
}

// fonts_settled: the desktop font already had the body size before this pass, so every control
// at the body size has it, from GTK's default or from a font derived from it when created.
// Reading a control's font otherwise asks GTK for its theme's default, which builds a throw-away
// widget each time: this is what made the home screen slow to appear.
void apply_to(wxWindow* window, const Appearance& appearance, bool fonts_settled) {
    const double relative = relative_size_of(window);
    const int points = appearance.point_size(relative);
    if (!fonts_settled || relative != 1.0) {
        wxFont font = window->GetFont();
        if (!font.IsOk()) {
            font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
        }
        if (font.GetPointSize() != points) {
            font.SetPointSize(points);
            window->SetFont(font);
        }
    }

    if (auto* toggle = dynamic_cast<wxToggleButton*>(window); toggle != nullptr && toggle->GetValue()) {
        // A chosen toggle is drawn inverted: the theme's own "pressed" look is too faint.
        set_colours(window, appearance.background(), appearance.accent());
    } else if (is_button(window)) {
        // Buttons keep the theme's own colours: forcing a text colour also paints disabled
        // buttons as if they were enabled (a greyed-out "Next" must look greyed out), and in
        // high contrast the theme's light button with dark text stays readable on black.
    } else {
        set_colours(window, appearance.foreground(), appearance.background());
    }
    for (wxWindow* child : window->GetChildren()) {
        // Top-level children (dialogs) get their own appearance when they open.
        if (!child->IsTopLevel()) {
            apply_to(child, appearance, fonts_settled);
        }
    }
}

void relayout(wxWindow* root) {
    forget_best_sizes(root);
    root->Layout();
    refit_scrolled(root);
    root->SendSizeEvent();
}

// Windows restyled since their last paint.
std::unordered_set<const wxWindow*>& awaiting_relayout() {
    static std::unordered_set<const wxWindow*> windows;
    return windows;
}

// GTK measures controls with their new font only once it has applied the style change,
// which happens when it next draws them, after wx's idle time: so the layout is done again
// right after the next paint (one handler per window, bound once, gone with the window).
void relayout_after_next_paint(wxWindow* root) {
    auto& waiting = awaiting_relayout();
    if (waiting.contains(root)) {
        return;
    }
    static std::unordered_set<const wxWindow*> bound;
    waiting.insert(root);
    if (bound.insert(root).second) {
        root->Bind(wxEVT_PAINT, [root](wxPaintEvent& event) {
            event.Skip();
            if (awaiting_relayout().erase(root) > 0) {
                root->CallAfter([root] { relayout(root); });
            }
        });
        root->Bind(wxEVT_DESTROY, [root](wxWindowDestroyEvent& event) {
            event.Skip();
            if (event.GetEventObject() == root) {
                awaiting_relayout().erase(root);
                bound.erase(root);
            }
        });
    }
}

}  // namespace

void forget_best_sizes(wxWindow* window) {
    window->InvalidateBestSize();
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsTopLevel()) {
            forget_best_sizes(child);
        }
    }
}

int Appearance::point_size(double relative) const {
    return static_cast<int>(std::lround(kBasePoints * text_percent / 100.0 * relative));
}

wxFont Appearance::font(double relative, bool bold) const {
    wxFont out = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    out.SetPointSize(point_size(relative));
    if (bold) {
        out.MakeBold();
    }
    return out;
}

wxColour Appearance::background() const {
    return high_contrast ? wxColour(0, 0, 0) : wxColour(0xff, 0xff, 0xff);
}

wxColour Appearance::foreground() const {
    return high_contrast ? wxColour(0xff, 0xff, 0xff) : wxColour(0x1a, 0x1a, 0x1a);
}

wxColour Appearance::accent() const {
    return high_contrast ? wxColour(0xff, 0xff, 0x00) : wxColour(0x1f, 0x2a, 0x9e);
}

wxColour Appearance::success() const {
    return high_contrast ? wxColour(0x7d, 0xff, 0x8c) : wxColour(0x1b, 0x6e, 0x2a);
}

wxColour Appearance::error() const {
    return high_contrast ? wxColour(0xff, 0xb0, 0x8a) : wxColour(0xa3, 0x3a, 0x1c);
}

wxColour Appearance::target_fill() const {
    return high_contrast ? wxColour(0xff, 0xff, 0x00) : wxColour(0xcf, 0xd8, 0xff);
}

void apply_appearance(wxWindow* root, const Appearance& appearance) {
    if (root == nullptr) {
        return;
    }
    const bool changed = use_as_desktop_font(appearance);
    const bool fonts_settled = !changed && desktop_points() == appearance.point_size();
    root->Freeze();
    apply_to(root, appearance, fonts_settled);
    root->Thaw();
    root->Layout();
    refit_scrolled(root);
    root->SendSizeEvent();
    root->Refresh();
    relayout_after_next_paint(root);
}

bool use_as_desktop_font(const Appearance& appearance) {
    const int points = appearance.point_size();
    if (desktop_points() == points) {
        return false;
    }
    // GTK is already loaded by wx; its settings object is reached through the dynamic linker
    // rather than GTK's headers, which wx's development package does not require.
    using SettingsGetter = void* (*)();
    using PropertyAccess = void (*)(void*, const char*, ...);
    using Free = void (*)(void*);
    auto* get_settings = reinterpret_cast<SettingsGetter>(dlsym(RTLD_DEFAULT, "gtk_settings_get_default"));
    auto* get_property = reinterpret_cast<PropertyAccess>(dlsym(RTLD_DEFAULT, "g_object_get"));
    auto* set_property = reinterpret_cast<PropertyAccess>(dlsym(RTLD_DEFAULT, "g_object_set"));
    auto* free_string = reinterpret_cast<Free>(dlsym(RTLD_DEFAULT, "g_free"));
    void* settings = get_settings != nullptr ? get_settings() : nullptr;
    if (settings == nullptr || get_property == nullptr || set_property == nullptr || free_string == nullptr) {
        return false;
    }
    // "Family [Style] Size", e.g. "Cantarell 11": keep all but the size.
    char* current = nullptr;
    get_property(settings, "gtk-font-name", &current, nullptr);
    wxString family = current != nullptr ? wxString::FromUTF8(current) : wxString("Sans 10");
    free_string(current);
    if (const auto space = family.find_last_of(' '); space != wxString::npos) {
        double size = 0;
        if (family.Mid(space + 1).ToCDouble(&size)) {
            family.Truncate(space);
        }
    }
    const wxString name = wxString::Format("%s %d", family, points);
    set_property(settings, "gtk-font-name", name.utf8_str().data(), nullptr);
    desktop_points() = points;
    return true;
}

void set_relative_size(wxWindow* window, double relative) {
    if (window == nullptr) {
        return;
    }
    auto& sizes = relative_sizes();
    const bool known = sizes.contains(window);
    sizes[window] = relative;
    if (!known) {
        window->Bind(wxEVT_DESTROY, [window](wxWindowDestroyEvent& event) {
            if (event.GetEventObject() == window) {
                relative_sizes().erase(window);
            }
            event.Skip();
        });
    }
}

}  // namespace pasapas::ui
