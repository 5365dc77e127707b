#pragma once
// An SMS drawn on a phone, or an e-mail with its From and Subject lines, as a learner would
// see them on their own device; used by the lessons on scams and messages.
#include "core/lesson.hpp"
#include "ui/appearance.hpp"

#include <wx/window.h>

#include <vector>

namespace pasapas::ui {

class MessageView : public wxWindow {
public:
    MessageView(wxWindow* parent, const core::Media& media, const Appearance& appearance);

    bool AcceptsFocus() const override { return false; }

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void on_paint(wxPaintEvent& event);
    [[nodiscard]] std::vector<wxString> wrap(const wxString& text, int width, const wxFont& font) const;
    [[nodiscard]] int content_width() const;
    [[nodiscard]] bool is_sms() const { return kind_ == core::MediaKind::Sms; }

    core::MediaKind kind_;
    wxString from_;
    wxString subject_;
    wxString body_;
    Appearance appearance_;
};

}  // namespace pasapas::ui
