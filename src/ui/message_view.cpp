#include "ui/message_view.hpp"

#include "ui/activity_view.hpp"

#include <wx/dcbuffer.h>
#include <wx/tokenzr.h>

#include <algorithm>

namespace pasapas::ui {

MessageView::MessageView(wxWindow* parent, const core::Media& media, const Appearance& appearance)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
      kind_(media.kind),
      from_(lesson_text(media.from)),
      subject_(lesson_text(media.subject)),
      body_(lesson_text(media.body)),
      appearance_(appearance) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    // What a screen reader says for this picture of a message: the message itself.
    wxString spoken = is_sms()
                          ? wxString::Format(_("Text message from %s: %s"), from_, body_)
                          : wxString::Format(_("E-mail from %s, subject %s: %s"), from_, subject_, body_);
    SetName(spoken);
    SetLabel(spoken);
    Bind(wxEVT_PAINT, &MessageView::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

int MessageView::content_width() const {
    // A phone is narrow; an e-mail is read in a wider window. Both scale with the text.
    return GetCharWidth() * (is_sms() ? 30 : 50);
}

std::vector<wxString> MessageView::wrap(const wxString& text, int width, const wxFont& font) const {
    std::vector<wxString> lines;
    wxStringTokenizer paragraphs(text, "\n", wxTOKEN_RET_EMPTY_ALL);
    while (paragraphs.HasMoreTokens()) {
        const wxString paragraph = paragraphs.GetNextToken();
        wxString line;
        wxStringTokenizer words(paragraph, " ", wxTOKEN_STRTOK);
        if (!words.HasMoreTokens()) {
            lines.emplace_back();
        }
        while (words.HasMoreTokens()) {
            const wxString word = words.GetNextToken();
            const wxString candidate = line.empty() ? word : line + " " + word;
            int w = 0;
            int h = 0;
            GetTextExtent(candidate, &w, &h, nullptr, nullptr, &font);
            if (w > width && !line.empty()) {
                lines.push_back(line);
                line = word;
            } else {
                line = candidate;
            }
        }
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

wxSize MessageView::DoGetBestClientSize() const {
    const int pt = GetFont().GetPointSize();
    const int line_h = GetCharHeight() + pt / 4;
    const int width = content_width();
    const auto body_lines = static_cast<int>(wrap(body_, width, GetFont()).size());
    if (is_sms()) {
        // Phone frame, sender bar, bubble, some empty screen below.
        return {width + pt * 6, pt * 2 + line_h * 2 + pt * 2 + body_lines * line_h + pt * 2 + pt * 6};
    }
    const int header_lines = 2 + static_cast<int>(wrap(subject_, width, GetFont()).size());
    return {width + pt * 4, pt * 2 + header_lines * line_h + pt * 2 + body_lines * line_h + pt * 2};
}

void MessageView::on_paint(wxPaintEvent& /*event*/) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    const wxFont font = GetFont();
    const wxFont bold = font.Bold();
    const int pt = font.GetPointSize();
    const int line_h = GetCharHeight() + pt / 4;
    const int width = content_width();
    const wxColour fg = appearance_.foreground();
    const wxColour bg = appearance_.background();
    const wxSize size = GetClientSize();
    dc.SetTextForeground(fg);

    if (is_sms()) {
        // The phone: a dark rounded body with a light screen.
        const wxRect phone(0, 0, std::min(size.x, width + pt * 6), size.y);
        dc.SetPen(wxPen(fg, 2));
        dc.SetBrush(
            wxBrush(appearance_.high_contrast ? wxColour(0x40, 0x40, 0x40) : wxColour(0x30, 0x30, 0x38)));
        dc.DrawRoundedRectangle(phone, pt * 2);
        wxRect screen = phone;
        screen.Deflate(pt, pt * 2);
        dc.SetBrush(wxBrush(bg));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.DrawRectangle(screen);
        // Sender bar.
        int y = screen.y + pt / 2;
        dc.SetFont(bold);
        dc.DrawText(from_, screen.x + pt, y);
        y += line_h + pt / 2;
        dc.SetPen(wxPen(fg, 1));
        dc.DrawLine(screen.x, y, screen.GetRight(), y);
        y += pt;
        // The received message: a bubble on the left.
        const auto lines = wrap(body_, width - pt * 2, font);
        const wxRect bubble(screen.x + pt / 2, y, width - pt, static_cast<int>(lines.size()) * line_h + pt);
        dc.SetBrush(
            wxBrush(appearance_.high_contrast ? wxColour(0x20, 0x20, 0x20) : wxColour(0xe6, 0xe8, 0xee)));
        dc.DrawRoundedRectangle(bubble, pt);
        dc.SetFont(font);
        int ly = bubble.y + pt / 2;
        for (const wxString& line : lines) {
            dc.DrawText(line, bubble.x + pt / 2, ly);
            ly += line_h;
        }
        return;
    }

    // The e-mail: a framed window with a header and the body below a rule.
    const wxRect frame(0, 0, std::min(size.x, width + pt * 4), size.y);
    dc.SetPen(wxPen(fg, 2));
    dc.SetBrush(wxBrush(bg));
    dc.DrawRectangle(frame);
    int y = pt;
    const int x = pt * 2;
    dc.SetFont(bold);
    int label_w = 0;
    for (const wxString& label : {_("From:"), _("Subject:")}) {
        label_w = std::max(label_w, dc.GetTextExtent(label).x);
    }
    dc.DrawText(_("From:"), x, y);
    dc.SetFont(font);
    dc.DrawText(from_, x + label_w + pt, y);
    y += line_h;
    dc.SetFont(bold);
    dc.DrawText(_("Subject:"), x, y);
    for (const wxString& line : wrap(subject_, width - label_w - pt, bold)) {
        dc.DrawText(line, x + label_w + pt, y);
        y += line_h;
    }
    y += pt;
    dc.SetPen(wxPen(fg, 1));
    dc.DrawLine(pt, y, frame.GetRight() - pt, y);
    y += pt;
    dc.SetFont(font);
    for (const wxString& line : wrap(body_, width, font)) {
        dc.DrawText(line, x, y);
        y += line_h;
    }
}

}  // namespace pasapas::ui
