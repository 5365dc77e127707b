#pragma once
// The learner's mailbox beside the simulated browser: the confirmation e-mails and activation
// links the procedure sends, in two folders like a webmail (« Boîte de réception » and
// « Courriels indésirables », where the real sites' mails often land), a list and a reading
// pane whose link is a big button.
#include "core/scenario_session.hpp"

#include <wx/panel.h>

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

class wxBoxSizer;
class wxScrolledWindow;
class wxStaticText;
class wxToggleButton;

namespace pasapas::ui {

class MailboxPanel : public wxPanel {
public:
    explicit MailboxPanel(wxWindow* parent);

    // Shows these mails (all received so far, oldest first); keeps the open folder and mail.
    void update(const std::vector<core::ReceivedMail>& mails);

    // Indexes are into the vector given to update().
    std::function<void(std::size_t)> on_follow_link;  // the open mail's link button
    std::function<void(std::size_t)> on_read;         // a mail was opened

    // The folder shown: false for the inbox, true for junk mail.
    void show_folder(bool spam);
    void open(std::size_t index);
    [[nodiscard]] bool showing_spam() const { return spam_; }
    [[nodiscard]] std::optional<std::size_t> open_mail() const { return open_; }

    bool SetFont(const wxFont& font) override;

private:
    void refresh_folders();
    void rebuild_list();
    void rebuild_reader();
    void rewrap();
    void settle();
    void relabel_rows();
    void relayout_after_paint();
    [[nodiscard]] std::size_t unread(bool spam) const;

    std::vector<core::ReceivedMail> mails_;
    bool spam_ = false;
    std::optional<std::size_t> open_;
    wxToggleButton* inbox_ = nullptr;
    wxToggleButton* junk_ = nullptr;
    wxScrolledWindow* list_ = nullptr;
    wxBoxSizer* list_sizer_ = nullptr;
    wxStaticText* list_empty_ = nullptr;  // « no messages », when the folder is empty
    wxScrolledWindow* reader_ = nullptr;
    wxBoxSizer* reader_sizer_ = nullptr;
    std::vector<std::pair<wxStaticText*, wxString>> wrapped_;    // reader texts and their full text
    std::vector<std::pair<wxToggleButton*, std::size_t>> rows_;  // list rows and their mail
    std::array<int, 3> wrapped_for_{};                           // reader width, list width, text size
    bool relayout_pending_ = false;
};

}  // namespace pasapas::ui
