#include "ui/browser_view.hpp"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace pasapas::ui {

namespace {

// The padlock, drawn (no emoji font needed): a shackle over a body. An address that is not
// https gets a hollow triangle instead.
class LockIcon : public wxWindow {
public:
    LockIcon(wxWindow* parent, int size, const bool* secure, const SiteColours* colours)
        : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(size, size), wxBORDER_NONE, "padlock"),
          secure_(secure),
          colours_(colours) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetMinSize(wxSize(size, size));
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    }
    bool AcceptsFocus() const override { return false; }
    bool AcceptsFocusFromKeyboard() const override { return false; }

private:
    void paint() {
        wxAutoBufferedPaintDC dc(this);
        const wxSize size = GetClientSize();
        dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
        dc.Clear();
        const int s = std::min(size.x, size.y);
        const int pen = std::max(2, s / 9);
        if (*secure_) {
            dc.SetPen(wxPen(colours_->text, pen));
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            const int shackle_w = s / 2;
            const int left = (size.x - shackle_w) / 2;
            dc.DrawEllipticArc(left, s / 8, shackle_w, s / 2, 0, 180);
            dc.DrawLine(left, s / 8 + s / 4, left, s / 2);
            dc.DrawLine(left + shackle_w, s / 8 + s / 4, left + shackle_w, s / 2);
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(colours_->text));
            dc.DrawRoundedRectangle((size.x - s * 3 / 4) / 2, s * 4 / 9, s * 3 / 4, s / 2, s / 10.0);
        } else {
            dc.SetPen(wxPen(colours_->error, pen));
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            const wxPoint points[] = {{s / 2, pen}, {s - pen, s - pen}, {pen, s - pen}};
            dc.DrawPolygon(3, points);
            dc.DrawLine(s / 2, s * 3 / 8, s / 2, s * 5 / 8 + 1);
            dc.DrawLine(s / 2, s * 3 / 4, s / 2, s * 3 / 4 + 1);
        }
    }
    const bool* secure_;
    const SiteColours* colours_;
};

}  // namespace

BrowserView::BrowserView(wxWindow* parent, const Appearance& appearance, PageView::Callbacks callbacks,
                         std::function<void()> on_back)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "browser"),
      appearance_(appearance),
      colours_(SiteColours::for_appearance(appearance)) {
    const int pt = appearance.point_size();
    // The frame's margins stay thin at large text sizes: the height is the page's.
    const int pad = std::min(pt / 2, FromDIP(6));
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    // The banner says it all the time: nothing here is real, nothing is sent.
    auto* banner =
        new Tinted<wxPanel>(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "simulation-banner");
    const wxColour banner_fill = appearance.high_contrast ? appearance.accent() : wxColour(0xff, 0xd8, 0x4d);
    banner->tint(*wxBLACK, banner_fill);
    auto* banner_text = new Tinted<wxStaticText>(
        banner, wxID_ANY, _("SIMULATION: an exercise. Nothing you type is sent anywhere."), wxDefaultPosition,
        wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL, "simulation-text");
    banner_text->tint(*wxBLACK, banner_fill);
    banner_text->SetFont(banner_text->GetFont().Bold());
    set_relative_size(banner_text, 0.9);
    auto* banner_sizer = new wxBoxSizer(wxVERTICAL);
    banner_sizer->Add(banner_text, wxSizerFlags().Expand().Border(wxALL, pad / 2));
    // The banner wraps to the browser's width: it must never be cut, nor widen the window.
    const wxString banner_label = banner_text->GetLabel();
    banner_text->SetMinSize(wxSize(pt * 6, -1));
    auto wrapped_at = std::make_shared<int>(0);
    Bind(wxEVT_SIZE, [banner_text, banner_label, pt, wrapped_at](wxSizeEvent& event) {
        const int width = std::max(pt * 6, event.GetSize().x - pt);
        if (width != *wrapped_at) {
            *wrapped_at = width;
            banner_text->SetLabel(banner_label);
            banner_text->Wrap(width);
            banner_text->InvalidateBestSize();
        }
        event.Skip();
    });
    banner->SetSizer(banner_sizer);
    sizer->Add(banner, wxSizerFlags().Expand());

    // The browser's own frame: a tab, then back and the address.
    const wxColour chrome =
        appearance.high_contrast ? wxColour(0x20, 0x20, 0x20) : wxColour(0xde, 0xe1, 0xe6);
    auto* bar =
        new Tinted<wxPanel>(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "browser-bar");
    bar->tint(colours_.text, chrome);
    auto* bar_sizer = new wxBoxSizer(wxVERTICAL);
    auto* tab_panel =
        new Tinted<wxPanel>(bar, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "browser-tab-panel");
    tab_panel->tint(colours_.text, colours_.page);
    auto* tab_text = new Tinted<wxStaticText>(tab_panel, wxID_ANY, wxString(), wxDefaultPosition,
                                              wxDefaultSize, wxST_ELLIPSIZE_END, "browser-tab");
    tab_text->tint(colours_.text, colours_.page);
    tab_ = tab_text;
    set_relative_size(tab_, 0.85);
    auto* tab_sizer = new wxBoxSizer(wxVERTICAL);
    tab_sizer->Add(tab_, wxSizerFlags().Expand().Border(wxALL, pad / 2));
    tab_panel->SetSizer(tab_sizer);
    // Long titles are cut with "…" rather than widening the browser at large text sizes.
    tab_->SetMinSize(wxSize(pt * 12, -1));
    bar_sizer->Add(tab_panel, wxSizerFlags().Border(wxLEFT | wxTOP, pad));

    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    back_ = new wxButton(bar, wxID_ANY, wxString::FromUTF8("\xE2\x86\x90 ") + _("Back"), wxDefaultPosition,
                         wxDefaultSize, 0, wxDefaultValidator, "browser-back");
    back_->SetHelpText(_("Back to the previous page"));
    back_->Bind(wxEVT_BUTTON, [on_back = std::move(on_back), this](wxCommandEvent&) {
        if (on_back) {
            CallAfter(on_back);
        }
    });
    nav->Add(back_, wxSizerFlags().CentreVertical().Border(wxRIGHT, pt / 2));

    // The address bar's frame turns into the highlight when the guide points at it.
    address_frame_ = new Tinted<wxPanel>(bar, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "address-frame");
    address_frame_->tint(colours_.text, chrome);
    address_ =
        new Tinted<wxPanel>(address_frame_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "address-bar");
    address_->tint(colours_.text, colours_.page);
    auto* address_sizer = new wxBoxSizer(wxHORIZONTAL);
    lock_ = new LockIcon(address_, pt + pt / 2, &secure_, &colours_);
    address_sizer->Add(lock_, wxSizerFlags().CentreVertical().Border(wxLEFT | wxRIGHT, pt / 2));
    auto* security = new Tinted<wxStaticText>(address_, wxID_ANY, wxString(), wxDefaultPosition,
                                              wxDefaultSize, 0, "address-security");
    security->tint(colours_.error, colours_.page);
    security_ = security;
    address_sizer->Add(security_, wxSizerFlags().CentreVertical().Border(wxRIGHT, pt / 2));
    auto* url = new Tinted<wxStaticText>(address_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                         wxST_ELLIPSIZE_END, "address-url");
    url->tint(colours_.text, colours_.page);
    url_ = url;
    url_->SetMinSize(wxSize(pt * 6, -1));
    address_sizer->Add(url_, wxSizerFlags(1).CentreVertical().Border(wxTOP | wxBOTTOM, pad / 2));
    address_->SetSizer(address_sizer);
    auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
    frame_sizer->Add(address_, wxSizerFlags().Expand().Border(wxALL, std::max(3, pad / 2)));
    address_frame_->SetSizer(frame_sizer);
    nav->Add(address_frame_, wxSizerFlags(1).CentreVertical());
    bar_sizer->Add(nav, wxSizerFlags().Expand().Border(wxALL, pad));
    bar->SetSizer(bar_sizer);
    sizer->Add(bar, wxSizerFlags().Expand());

    page_ = new PageView(this, appearance, std::move(callbacks));
    sizer->Add(page_, wxSizerFlags(1).Expand());
    SetSizer(sizer);
}

void BrowserView::show(const core::ScenarioSession& session, const core::Feedback& feedback) {
    const core::Page& page = session.page();
    const std::string url = session.text(page.url);
    secure_ = url.rfind("https://", 0) == 0;
    const wxString shown_url = wxString::FromUTF8(url);
    url_->SetLabel(shown_url);
    // Read aloud as one line: whether the address is secure, then the address.
    const wxString spoken = secure_ ? wxString::Format(_("Secure address: %s"), shown_url)
                                    : wxString::Format(_("Not secure: %s"), shown_url);
    address_->SetHelpText(spoken);
    address_->SetToolTip(spoken);
    security_->SetLabel(secure_ ? wxString() : _("Not secure"));
    security_->Show(!secure_);
    lock_->Refresh();
    const wxString site = wxString::FromUTF8(session.text(page.site));
    const wxString title = wxString::FromUTF8(session.text(page.title));
    tab_->SetLabel(title.empty() ? site : title + wxString::FromUTF8(" \xE2\x80\x94 ") + site);
    back_->Enable(session.can_go_back());
    page_->show(session, feedback);
    Layout();
}

void BrowserView::highlight_address(bool on) {
    const wxColour chrome =
        appearance_.high_contrast ? wxColour(0x20, 0x20, 0x20) : wxColour(0xde, 0xe1, 0xe6);
    address_frame_->tint(wxNullColour, on ? colours_.highlight : chrome);
}

}  // namespace pasapas::ui
