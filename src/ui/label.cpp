#include "ui/label.hpp"

#include <dlfcn.h>

namespace pasapas::ui {

Label::Label(wxWindow* parent, const wxString& text, const Appearance& appearance, double relative,
             bool bold) {
    // Set on the wx side only, before the GTK label exists: wx gives them to GTK in one style
    // when it creates the label, and apply_appearance then finds nothing to change.
    if (relative != 1.0 || bold) {
        wxWindowBase::SetFont(appearance.font(relative, bold));
    }
    wxWindowBase::SetForegroundColour(appearance.foreground());
    wxWindowBase::SetBackgroundColour(appearance.background());
    // No automatic resizing while the label is created: it would measure the text before its
    // style is applied. The style is dropped afterwards so that later changes of text or font
    // resize it as with any wxStaticText.
    Create(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    SetWindowStyleFlag(GetWindowStyleFlag() & ~wxST_NO_AUTORESIZE);
    if (relative != 1.0) {
        set_relative_size(this, relative);
    }
}

wxSize Label::DoGetBestSize() const {
    if (!unwrap_tried_) {
        unwrap_tried_ = true;
        // GTK is already loaded by wx; the function is reached through the dynamic linker
        // rather than GTK's headers, which wx's development package does not require.
        using SetLineWrap = void (*)(void*, int);
        static auto* const set_line_wrap =
            reinterpret_cast<SetLineWrap>(dlsym(RTLD_DEFAULT, "gtk_label_set_line_wrap"));
        if (set_line_wrap != nullptr && GetHandle() != nullptr) {
            set_line_wrap(GetHandle(), 0);
            unwrapped_ = true;
        }
    }
    if (!unwrapped_) {
        return wxStaticText::DoGetBestSize();
    }
    // With wrapping off, GTK's natural size is the unwrapped size wxStaticText reports; its one
    // pixel of margin against needless wrapping is kept so that layouts are exactly as before.
    wxSize size = wxControl::DoGetBestSize();
    size.x++;
    CacheBestSize(size);
    return size;
}

}  // namespace pasapas::ui
