#pragma once
// The learner's phone beside the simulated browser: the SMS the procedure sends (one-time
// codes), drawn as a phone with its messages in bubbles, newest at the bottom. The texts are
// real static texts, so that a screen reader reads them and the app's text size applies.
#include "core/scenario_session.hpp"

#include <wx/panel.h>

#include <vector>

class wxScrolledWindow;
class wxStaticText;
class wxBoxSizer;
class wxSizerItem;

namespace pasapas::ui {

class PhonePanel : public wxPanel {
public:
    explicit PhonePanel(wxWindow* parent);

    // Shows these messages (all received so far, oldest first); only new ones are added.
    void update(const std::vector<core::ReceivedSms>& sms);

    // The phone's edges grow with the text size.
    bool SetFont(const wxFont& font) override;

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void on_paint(wxPaintEvent& event);
    void add_bubble(const core::ReceivedSms& sms, std::size_t index);
    void scroll_to_newest();
    void settle();
    void set_margins();
    void relayout_after_paint();

    wxScrolledWindow* messages_ = nullptr;
    wxBoxSizer* list_ = nullptr;
    wxStaticText* empty_ = nullptr;
    std::vector<core::ReceivedSms> shown_;
    bool relayout_pending_ = false;
    // Short of this height, the phone's top and bottom narrow so that its screen keeps room.
    int roomy_height_ = 0;
    bool compact_ = false;
    int top_ = 0;
    int bottom_ = 0;
};

}  // namespace pasapas::ui
