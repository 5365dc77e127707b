#include "ui/phone_panel.hpp"

#include "ui/appearance.hpp"

#include <wx/dcbuffer.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <algorithm>
#include <regex>
#include <vector>

namespace pasapas::ui {

namespace {

// A phone is narrow: its messages wrap at this many characters, at every text size.
constexpr int kPhoneChars = 24;

// A static text that wraps at a width counted in characters of its own font, again whenever
// the text size changes (apply_appearance sets a new font).
class WrappedText : public wxStaticText {
public:
    WrappedText(wxWindow* parent, const wxString& text, int chars)
        : wxStaticText(parent, wxID_ANY, wxEmptyString), text_(text), chars_(chars) {
        rewrap();
    }
    bool SetFont(const wxFont& font) override {
        const bool changed = wxStaticText::SetFont(font);
        rewrap();
        return changed;
    }
    // Narrower still when the phone's screen is: GTK would wrap a wider label again by itself,
    // under the lines already cut.
    void wrap_to(int max_width) {
        if (max_width != max_width_) {
            max_width_ = max_width;
            rewrap();
        }
    }

private:
    void rewrap() {
        int width = GetCharWidth() * chars_;
        if (max_width_ > 0) {
            width = std::min(width, max_width_);
        }
        SetLabel(wxControl::EscapeMnemonics(text_));
        Wrap(width);
        InvalidateBestSize();
    }
    wxString text_;
    int chars_;
    int max_width_ = 0;
};

// A received message: a rounded outline around its sender and text. Only the outline is
// painted, so that the texts inside keep the colours of the app's look (high contrast too).
class Bubble : public wxPanel {
public:
    explicit Bubble(wxWindow* parent) : wxPanel(parent) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
            wxAutoBufferedPaintDC dc(this);
            dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
            dc.Clear();
            const int pt = GetFont().GetPointSize();
            dc.SetPen(wxPen(GetForegroundColour(), std::max(2, pt / 6)));
            dc.SetBrush(wxBrush(GetBackgroundColour()));
            wxRect rect(GetClientSize());
            rect.Deflate(1);
            dc.DrawRoundedRectangle(rect, pt);
        });
        Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
            Refresh();
            event.Skip();
        });
    }
};

// The one-time code in a message, if any: what the learner has to copy, shown big as well.
wxString code_in(const std::string& body) {
    static const std::regex code(R"((^|[^0-9])([0-9]{6,8})($|[^0-9]))");
    std::smatch match;
    if (std::regex_search(body, match, code)) {
        return wxString::FromUTF8(match[2].str());
    }
    return {};
}

// Fonts of texts created after the app's look was applied: scaled from the panel's own size
// and remembered, so that the next apply_appearance keeps the ratio.
void scale_font(wxWindow* window, int base_points, double relative, bool bold = false, bool mono = false) {
    set_relative_size(window, relative);
    const int points = std::max(1, static_cast<int>(base_points * relative + 0.5));
    // A new font rather than a changed copy: GTK drops a copy whose face name is cleared.
    wxFontInfo info(points);
    info.Bold(bold);
    if (mono) {
        info.Family(wxFONTFAMILY_TELETYPE);
    }
    window->SetFont(wxFont(info));
}

}  // namespace

PhonePanel::PhonePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("phone");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    const int pt = GetFont().GetPointSize();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddSpacer(pt * 2);  // the top of the phone, with its earpiece
    auto* title = new wxStaticText(this, wxID_ANY, _("Messages"), wxDefaultPosition, wxDefaultSize,
                                   wxALIGN_CENTRE_HORIZONTAL);
    title->SetName("phone-title");
    scale_font(title, pt, 1.2, true);
    sizer->Add(title, wxSizerFlags().Expand());
    sizer->Add(new wxStaticLine(this), wxSizerFlags().Expand());

    messages_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    messages_->SetName("phone-messages");
    messages_->SetScrollRate(0, 10);
    list_ = new wxBoxSizer(wxVERTICAL);
    empty_ = new wxStaticText(messages_, wxID_ANY, _("No messages"));
    empty_->SetName("phone-empty");
    list_->Add(empty_, wxSizerFlags().Border(wxALL, pt / 2));
    messages_->SetSizer(list_);
    sizer->Add(messages_, wxSizerFlags(1).Expand());
    sizer->AddSpacer(pt * 3);  // the bottom of the phone, with its home bar
    SetSizer(sizer);
    set_margins();
    messages_->Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
        event.Skip();
        if (relayout_pending_) {
            relayout_pending_ = false;
            CallAfter([this] { settle(); });
        }
    });

    Bind(wxEVT_PAINT, &PhonePanel::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        if (GetSizer() != nullptr && (GetClientSize().y < roomy_height_) != compact_) {
            set_margins();
        }
        Refresh();
        event.Skip();
        CallAfter([this] { settle(); });
    });
}

bool PhonePanel::SetFont(const wxFont& font) {
    const bool changed = wxPanel::SetFont(font);
    if (GetSizer() != nullptr) {
        set_margins();
        relayout_after_paint();
    }
    return changed;
}

void PhonePanel::set_margins() {
    const int pt = GetFont().GetPointSize();
    // The heading's own font may not be set yet when the panel's changes: its height at 1.2 times.
    const int title = std::max(GetSizer()->GetItem(std::size_t{1})->GetWindow()->GetBestSize().y,
                               GetCharHeight() * 6 / 5 + 2);
    // However little room the column leaves, the messages keep a couple of lines and scroll
    // inside them, and the phone's top and bottom narrow, rather than the heading sliding
    // onto the home bar.
    const int lines = GetCharHeight() * 2;
    roomy_height_ = pt * 2 + pt / 2 + title + pt + pt * 3 / 2 + lines + pt * 3;
    compact_ = GetClientSize().y < roomy_height_;
    top_ = compact_ ? pt + pt / 2 : pt * 2 + pt / 2;
    bottom_ = compact_ ? pt * 2 : pt * 3;
    messages_->SetMinSize(wxSize(-1, lines));
    SetMinSize(wxSize(-1, pt + pt / 2 + title + pt / 2 + pt / 2 + lines + pt * 2));
    const wxSizerItemList& items = GetSizer()->GetChildren();
    // Spacer, title, line, messages, spacer: the screen inside the phone's edges.
    auto item = items.begin();
    (*item)->AssignSpacer(wxSize(0, top_));
    ++item;
    (*item)->SetFlag(wxLEFT | wxRIGHT | wxEXPAND);
    (*item)->SetBorder(pt * 2);
    ++item;
    (*item)->SetFlag(wxLEFT | wxRIGHT | wxTOP | wxEXPAND);
    (*item)->SetBorder(compact_ ? pt / 2 : pt);
    ++item;
    (*item)->SetFlag(wxLEFT | wxRIGHT | wxTOP | wxEXPAND);
    (*item)->SetBorder(compact_ ? pt / 2 : pt * 3 / 2);
    ++item;
    (*item)->AssignSpacer(wxSize(0, bottom_));
}

void PhonePanel::settle() {
    Layout();
    const int pt = GetFont().GetPointSize();
    // The bubble's margins and a scroll bar's width.
    const int room = messages_->GetClientSize().x - pt * 4;
    for (wxWindow* bubble : messages_->GetChildren()) {
        bubble->InvalidateBestSize();
        for (wxWindow* text : bubble->GetChildren()) {
            if (auto* wrapped = dynamic_cast<WrappedText*>(text); wrapped != nullptr && room > pt * 5) {
                wrapped->wrap_to(room);
            }
            text->InvalidateBestSize();
        }
        bubble->Layout();
    }
    Layout();
    scroll_to_newest();
}

// GTK measures texts with a new font only once it has drawn them.
void PhonePanel::relayout_after_paint() {
    relayout_pending_ = true;
    messages_->Refresh();
}

wxSize PhonePanel::DoGetBestClientSize() const {
    const int pt = GetFont().GetPointSize();
    // Wide enough for the wrapped messages, with the phone's edges and a scroll bar.
    return {GetCharWidth() * kPhoneChars + pt * 5 + 20, GetCharHeight() * 22};
}

void PhonePanel::on_paint(wxPaintEvent& /*event*/) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour bg = GetBackgroundColour();
    const wxColour fg = GetForegroundColour();
    dc.SetBackground(wxBrush(bg));
    dc.Clear();
    const int pt = GetFont().GetPointSize();
    // The phone's body: a thick rounded outline, an earpiece at the top, a home bar below.
    wxRect body(GetClientSize());
    body.Deflate(pt / 2);
    dc.SetPen(wxPen(fg, std::max(3, pt / 3)));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.DrawRoundedRectangle(body, pt * 2);
    dc.SetPen(wxPen(fg, std::max(2, pt / 4)));
    const int mid = body.x + body.width / 2;
    // Both in the room the layout left above and below the screen, however tall the phone is.
    const int ear = std::min(pt, (top_ - pt / 2) / 2);
    const int bar = std::min(pt * 3 / 2, (bottom_ - pt / 2) / 2 + pt / 4);
    dc.DrawLine(mid - pt * 2, body.y + ear, mid + pt * 2, body.y + ear);
    dc.DrawLine(mid - pt * 3, body.GetBottom() - bar, mid + pt * 3, body.GetBottom() - bar);
}

void PhonePanel::update(const std::vector<core::ReceivedSms>& sms) {
    const bool appended =
        sms.size() >= shown_.size() &&
        std::equal(shown_.begin(), shown_.end(), sms.begin(),
                   [](const auto& a, const auto& b) { return a.from == b.from && a.body == b.body; });
    if (appended && sms.size() == shown_.size()) {
        return;
    }
    messages_->Freeze();
    if (!appended) {
        // The session was started again: start from an empty phone.
        // Destroying a child removes it from the list being walked: walk a copy.
        const std::vector<wxWindow*> children(messages_->GetChildren().begin(),
                                              messages_->GetChildren().end());
        for (wxWindow* child : children) {
            if (child != empty_) {
                list_->Detach(child);
                child->Destroy();
            }
        }
        shown_.clear();
    }
    for (std::size_t i = shown_.size(); i < sms.size(); ++i) {
        add_bubble(sms[i], i);
        shown_.push_back(sms[i]);
    }
    empty_->Show(shown_.empty());
    messages_->Thaw();
    Layout();
    messages_->FitInside();
    scroll_to_newest();
    relayout_after_paint();
}

void PhonePanel::add_bubble(const core::ReceivedSms& sms, std::size_t index) {
    const int pt = GetFont().GetPointSize();
    auto* bubble = new Bubble(messages_);
    bubble->SetName(wxString::Format("sms-%zu", index));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* from = new wxStaticText(bubble, wxID_ANY, wxControl::EscapeMnemonics(wxString::FromUTF8(sms.from)));
    from->SetName(wxString::Format("sms-%zu-from", index));
    scale_font(from, pt, 0.9, true);
    sizer->Add(from, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, pt));
    auto* body = new WrappedText(bubble, wxString::FromUTF8(sms.body), kPhoneChars);
    body->SetName(wxString::Format("sms-%zu-body", index));
    scale_font(body, pt, 1.0);
    // Given the bubble's whole width: narrower, GTK would wrap it again, under the lines cut.
    sizer->Add(body, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, pt));
    if (const wxString code = code_in(sms.body); !code.empty()) {
        // Big, bold and in fixed-width digits, so that 0 and 8, 1 and 7 are not confused.
        auto* big = new wxStaticText(bubble, wxID_ANY, code);
        big->SetName(wxString::Format("sms-%zu-code", index));
        scale_font(big, pt, 1.6, true, true);
        sizer->Add(big, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, pt));
    }
    sizer->AddSpacer(pt);
    bubble->SetSizer(sizer);
    for (wxWindow* window : {static_cast<wxWindow*>(bubble), static_cast<wxWindow*>(from)}) {
        window->SetForegroundColour(GetForegroundColour());
        window->SetBackgroundColour(GetBackgroundColour());
    }
    for (wxWindow* child : bubble->GetChildren()) {
        child->SetForegroundColour(GetForegroundColour());
        child->SetBackgroundColour(GetBackgroundColour());
    }
    list_->Add(bubble, wxSizerFlags().Expand().Border(wxALL, pt / 2));
}

void PhonePanel::scroll_to_newest() {
    messages_->FitInside();
    int unit_x = 0;
    int unit_y = 0;
    messages_->GetScrollPixelsPerUnit(&unit_x, &unit_y);
    if (unit_y > 0) {
        messages_->Scroll(-1, messages_->GetVirtualSize().y / unit_y + 1);
    }
}

}  // namespace pasapas::ui
