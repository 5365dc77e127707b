#include "ui/mailbox_panel.hpp"

#include "ui/appearance.hpp"

#include <wx/button.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>
#include <wx/tokenzr.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>

namespace pasapas::ui {

namespace {

// Fonts of windows created after the app's look was applied: scaled from the panel's own size
// and remembered, so that the next apply_appearance keeps the ratio.
void style(wxWindow* window, const wxWindow* panel, double relative, bool bold = false) {
    set_relative_size(window, relative);
    wxFont font = panel->GetFont();
    font.SetPointSize(std::max(1, static_cast<int>(font.GetPointSize() * relative + 0.5)));
    font.SetWeight(bold ? wxFONTWEIGHT_BOLD : wxFONTWEIGHT_NORMAL);
    window->SetFont(font);
    if (dynamic_cast<wxButton*>(window) == nullptr && dynamic_cast<wxToggleButton*>(window) == nullptr) {
        window->SetForegroundColour(panel->GetForegroundColour());
        window->SetBackgroundColour(panel->GetBackgroundColour());
    }
}

// A chosen toggle is drawn inverted, as apply_appearance draws it; one no longer chosen gets
// the theme's colours back (apply_appearance only runs when the screen is built).
void show_chosen(wxToggleButton* toggle, const wxWindow* panel, bool chosen) {
    toggle->SetValue(chosen);
    if (chosen) {
        Appearance look;
        look.high_contrast = panel->GetBackgroundColour() == wxColour(0, 0, 0);
        toggle->SetForegroundColour(look.background());
        toggle->SetBackgroundColour(look.accent());
    } else {
        toggle->SetForegroundColour(wxNullColour);
        toggle->SetBackgroundColour(wxNullColour);
    }
}

wxString utf8(const std::string& text) {
    return wxString::FromUTF8(text);
}

// The chosen folder or mail is marked in words as well as pressed, as the choice lists are.
wxString chosen_mark(bool chosen) {
    return chosen ? wxString::FromUTF8("▶ ") : wxString();
}

// Text broken into lines no wider than width, long words (e-mail addresses) cut where they must
// be: a label that does not fit would be clipped.
wxString wrap_text(const wxWindow* window, const wxFont& font, const wxString& text, int width) {
    const auto fits = [&](const wxString& line) {
        int w = 0;
        int h = 0;
        window->GetTextExtent(line, &w, &h, nullptr, nullptr, &font);
        return w <= width;
    };
    wxArrayString lines;
    wxStringTokenizer paragraphs(text, "\n", wxTOKEN_RET_EMPTY_ALL);
    while (paragraphs.HasMoreTokens()) {
        wxString line;
        wxStringTokenizer words(paragraphs.GetNextToken(), " ", wxTOKEN_STRTOK);
        while (words.HasMoreTokens()) {
            wxString word = words.GetNextToken();
            if (const wxString candidate = line.empty() ? word : line + " " + word; fits(candidate)) {
                line = candidate;
                continue;
            }
            if (!line.empty()) {
                lines.Add(line);
            }
            while (word.length() > 1 && !fits(word)) {
                std::size_t cut = word.length() - 1;
                while (cut > 1 && !fits(word.Left(cut))) {
                    --cut;
                }
                lines.Add(word.Left(cut));
                word = word.Mid(cut);
            }
            line = word;
        }
        lines.Add(line);
    }
    return wxJoin(lines, '\n', '\0');
}

}  // namespace

MailboxPanel::MailboxPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("mailbox");
    const int pt = GetFont().GetPointSize();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Mailbox"));
    title->SetName("mailbox-title");
    style(title, this, 1.2, true);
    sizer->Add(title, wxSizerFlags().Border(wxALL, pt / 2));

    // Side by side when there is room, one under the other at large text sizes.
    auto* folders = new wxWrapSizer(wxHORIZONTAL);
    inbox_ = new wxToggleButton(this, wxID_ANY, _("Inbox"), wxDefaultPosition, wxDefaultSize, wxBU_LEFT,
                                wxDefaultValidator, "folder-inbox");
    junk_ = new wxToggleButton(this, wxID_ANY, _("Junk mail"), wxDefaultPosition, wxDefaultSize, wxBU_LEFT,
                               wxDefaultValidator, "folder-spam");
    for (wxToggleButton* folder : {inbox_, junk_}) {
        style(folder, this, 1.0);
        folders->Add(folder, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, pt / 2));
    }
    inbox_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { show_folder(false); });
    junk_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { show_folder(true); });
    sizer->Add(folders, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, pt / 2));

    // The list is short (a procedure sends few mails): a few rows high, scrolling if needed.
    list_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    list_->SetName("mail-list");
    list_->SetScrollRate(0, 10);
    list_sizer_ = new wxBoxSizer(wxVERTICAL);
    list_->SetSizer(list_sizer_);
    sizer->Add(list_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, pt / 2));
    sizer->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxALL, pt / 2));

    reader_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    reader_->SetName("mail-reader");
    reader_->SetScrollRate(0, 10);
    reader_sizer_ = new wxBoxSizer(wxVERTICAL);
    reader_->SetSizer(reader_sizer_);
    sizer->Add(reader_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, pt / 2));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { settle(); });
    });
    // GTK measures texts with a new font only once it has drawn them: lay out again then.
    Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
        event.Skip();
        if (!relayout_pending_) {
            return;
        }
        relayout_pending_ = false;
        CallAfter([this] {
            for (wxWindow* area : {static_cast<wxWindow*>(reader_), static_cast<wxWindow*>(list_)}) {
                for (wxWindow* child : area->GetChildren()) {
                    child->InvalidateBestSize();
                }
            }
            inbox_->InvalidateBestSize();
            junk_->InvalidateBestSize();
            wrapped_for_ = {};
            settle();
        });
    });
    SetSizer(sizer);
    refresh_folders();
    rebuild_list();
    rebuild_reader();
}

std::size_t MailboxPanel::unread(bool spam) const {
    return static_cast<std::size_t>(std::count_if(
        mails_.begin(), mails_.end(), [spam](const auto& mail) { return mail.spam == spam && !mail.read; }));
}

void MailboxPanel::update(const std::vector<core::ReceivedMail>& mails) {
    const bool same_mails =
        mails.size() == mails_.size() &&
        std::equal(mails.begin(), mails.end(), mails_.begin(), [](const auto& a, const auto& b) {
            return a.spam == b.spam && a.from == b.from && a.subject == b.subject && a.body == b.body &&
                   a.link == b.link;
        });
    // A mail opened here stays read even if the session has not said so yet.
    std::vector<core::ReceivedMail> next = mails;
    if (same_mails) {
        for (std::size_t i = 0; i < next.size(); ++i) {
            next[i].read = next[i].read || mails_[i].read;
        }
    }
    mails_ = std::move(next);
    if (open_ && *open_ >= mails_.size()) {
        open_.reset();
    }
    Freeze();
    refresh_folders();
    rebuild_list();
    if (!same_mails) {
        rebuild_reader();
    }
    Thaw();
    Layout();
}

void MailboxPanel::refresh_folders() {
    const auto label = [](const wxString& name, std::size_t count) {
        return count == 0 ? name : wxString::Format("%s (%zu)", name, count);
    };
    const std::size_t in = unread(false);
    const std::size_t junk = unread(true);
    inbox_->SetLabel(chosen_mark(!spam_) + label(_("Inbox"), in));
    junk_->SetLabel(chosen_mark(spam_) + label(_("Junk mail"), junk));
    show_chosen(inbox_, this, !spam_);
    show_chosen(junk_, this, spam_);
    // Unread mail is in bold, as in every webmail.
    style(inbox_, this, 1.0, in > 0);
    style(junk_, this, 1.0, junk > 0);
    inbox_->InvalidateBestSize();
    junk_->InvalidateBestSize();
}

void MailboxPanel::show_folder(bool spam) {
    spam_ = spam;
    if (open_ && mails_[*open_].spam != spam) {
        open_.reset();
        rebuild_reader();
    }
    Freeze();
    refresh_folders();
    rebuild_list();
    Thaw();
    Layout();
}

void MailboxPanel::rebuild_list() {
    const int pt = GetFont().GetPointSize();
    list_sizer_->Clear(true);
    rows_.clear();
    list_empty_ = nullptr;
    bool any = false;
    // Newest first, as webmails list them.
    for (std::size_t i = mails_.size(); i-- > 0;) {
        const core::ReceivedMail& mail = mails_[i];
        if (mail.spam != spam_) {
            continue;
        }
        any = true;
        const bool chosen = open_ == i;
        auto* row = new wxToggleButton(list_, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                       wxBU_LEFT, wxDefaultValidator, wxString::Format("mail-%zu", i));
        rows_.emplace_back(row, i);  // labelled by relabel_rows, to the list's width
        show_chosen(row, this, chosen);
        style(row, this, 1.0, !mail.read);
        row->Bind(wxEVT_TOGGLEBUTTON, [this, i](wxCommandEvent&) { CallAfter([this, i] { open(i); }); });
        list_sizer_->Add(row, wxSizerFlags().Expand().Border(wxBOTTOM, pt / 4));
    }
    if (!any) {
        list_empty_ = new wxStaticText(list_, wxID_ANY, wxEmptyString);
        list_empty_->SetName("mail-list-empty");
        style(list_empty_, this, 1.0);
        list_sizer_->Add(list_empty_, wxSizerFlags().Border(wxALL, pt / 2));
    }
    relabel_rows();
    list_->FitInside();
    list_->Layout();
    relayout_after_paint();
}

void MailboxPanel::relabel_rows() {
    const int pt = GetFont().GetPointSize();
    // The room inside a row: the list's width less the button's own padding.
    const int width = std::max(list_->GetClientSize().x - pt * 3, GetCharWidth() * 12);
    for (auto& [row, index] : rows_) {
        const core::ReceivedMail& mail = mails_[index];
        const wxString mark = chosen_mark(open_ == index);
        const wxFont font = row->GetFont();
        row->SetLabel(wxControl::EscapeMnemonics(mark + wrap_text(row, font, utf8(mail.from), width) + "\n" +
                                                 wrap_text(row, font, utf8(mail.subject), width)));
        row->InvalidateBestSize();
    }
    if (list_empty_ != nullptr) {
        list_empty_->SetLabel(
            wrap_text(list_empty_, list_empty_->GetFont(), _("No messages in this folder."), width));
        list_empty_->InvalidateBestSize();
    }
}

bool MailboxPanel::SetFont(const wxFont& font) {
    const bool changed = wxPanel::SetFont(font);
    relayout_after_paint();
    return changed;
}

void MailboxPanel::relayout_after_paint() {
    relayout_pending_ = true;
    Refresh();
}

void MailboxPanel::open(std::size_t index) {
    if (index >= mails_.size()) {
        return;
    }
    open_ = index;
    mails_[index].read = true;
    spam_ = mails_[index].spam;
    Freeze();
    refresh_folders();
    rebuild_list();
    rebuild_reader();
    Thaw();
    Layout();
    // Later, so that the owner may update this panel from its handler.
    CallAfter([this, index] {
        if (on_read) {
            on_read(index);
        }
    });
}

void MailboxPanel::rebuild_reader() {
    const int pt = GetFont().GetPointSize();
    reader_sizer_->Clear(true);
    wrapped_.clear();
    const auto add_text = [&](const wxString& text, const wxString& name, double relative, bool bold) {
        auto* line = new wxStaticText(reader_, wxID_ANY, wxControl::EscapeMnemonics(text));
        line->SetName(name);
        style(line, this, relative, bold);
        wrapped_.emplace_back(line, text);
        reader_sizer_->Add(line, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, pt / 2));
        return line;
    };
    if (!open_) {
        add_text(
            mails_.empty() ? _("No mail has arrived yet.") : _("Choose a message in the list to read it."),
            "mail-reader-empty", 1.0, false);
    } else {
        const core::ReceivedMail& mail = mails_[*open_];
        if (mail.spam) {
            // What webmails say above a junk message; this one is genuine, it was only misfiled.
            add_text(_("This message was put in Junk mail."), "mail-spam-notice", 1.0, false);
        }
        add_text(utf8(mail.subject), "mail-subject", 1.3, true);
        add_text(wxString::Format(_("From: %s"), utf8(mail.from)), "mail-from", 1.0, false);
        reader_sizer_->Add(new wxStaticLine(reader_), wxSizerFlags().Expand().Border(wxALL, pt / 2));
        wxStringTokenizer paragraphs(utf8(mail.body), "\n", wxTOKEN_STRTOK);
        int number = 0;
        while (paragraphs.HasMoreTokens()) {
            const wxString paragraph = paragraphs.GetNextToken().Strip(wxString::both);
            if (!paragraph.empty()) {
                add_text(paragraph, wxString::Format("mail-paragraph-%d", number++), 1.0, false);
            }
        }
        if (!mail.link.empty()) {
            const wxString label = mail.link_label.empty() ? _("Open the link") : utf8(mail.link_label);
            auto* link = new wxButton(reader_, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "mail-link");
            style(link, this, 1.3, true);
            const std::size_t index = *open_;
            link->Bind(wxEVT_BUTTON, [this, index](wxCommandEvent&) {
                // Later: following the link may change the page and this panel.
                CallAfter([this, index] {
                    if (on_follow_link) {
                        on_follow_link(index);
                    }
                });
            });
            reader_sizer_->Add(link, wxSizerFlags().Border(wxALL, pt));
        }
    }
    wrapped_for_ = {};
    rewrap();
    relayout_after_paint();
}

void MailboxPanel::settle() {
    // Wrapping changes the heights, which may bring or remove a scroll bar and so change the
    // width: a few rounds until nothing moves.
    for (int round = 0; round < 3; ++round) {
        // The list as tall as its rows, up to a few, so that the reading pane keeps the room.
        const int rows_height = list_sizer_->GetMinSize().y;
        list_->SetMinSize(wxSize(-1, std::clamp(rows_height, GetCharHeight() * 2, GetCharHeight() * 8)));
        Layout();
        reader_->Layout();
        list_->Layout();
        const auto before = wrapped_for_;
        rewrap();
        if (wrapped_for_ == before) {
            break;
        }
    }
}

void MailboxPanel::rewrap() {
    const int pt = GetFont().GetPointSize();
    const int width = std::max(reader_->GetClientSize().x - pt * 2, GetCharWidth() * 20);
    // The text size changes the wrapping as much as the widths do.
    const std::array<int, 3> key{width, list_->GetClientSize().x, pt};
    if (key == wrapped_for_) {
        return;
    }
    wrapped_for_ = key;
    for (auto& [text, full] : wrapped_) {
        text->SetLabel(wxControl::EscapeMnemonics(wrap_text(text, text->GetFont(), full, width)));
        text->InvalidateBestSize();
    }
    relabel_rows();
    reader_->Layout();
    reader_->FitInside();
    list_->Layout();
    list_->FitInside();
    Layout();
}

}  // namespace pasapas::ui
