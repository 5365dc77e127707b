#include "ui/home_card.hpp"

#include <wx/tokenzr.h>

namespace pasapas::ui {

namespace {

wxString escape_markup(const wxString& text) {
    wxString escaped;
    escaped.reserve(text.length());
    for (const wxUniChar c : text) {
        switch (c.GetValue()) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

}  // namespace

HomeCard::HomeCard(wxWindow* parent, const wxString& name, const HomeCardText& text, std::size_t wrap_chars)
    : wxButton(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(1, 1), wxBU_LEFT), text_(text) {
    // Created at a token size: at the default size wx would have GTK measure the empty button,
    // only to measure it again once it has its text. The token size is no minimum: sizers use
    // the card's best size, measured once its label is set.
    SetMinSize(wxDefaultSize);
    SetName(name);
    // The title is bold, a little wider per character than the rest: a shorter line is safe.
    const std::size_t title_chars = wrap_chars * 3 / 4;
    wxString markup = "<b>" + escape_markup(wrap(text.title, title_chars)) + "</b>";
    if (!text.summary.empty()) {
        markup += "\n" + escape_markup(wrap(text.summary, wrap_chars));
    }
    markup += "\n" + escape_markup(text.details) + "      <b>" + escape_markup(text.action) + L" \u203a</b>";
    SetLabelMarkup(markup);
    // Screen readers read the label; the tooltip repeats the title for sighted mouse users.
    SetToolTip(text.title);
}

wxString HomeCard::wrap(const wxString& text, std::size_t max_chars) {
    if (max_chars == 0 || text.length() <= max_chars) {
        return text;
    }
    wxString wrapped;
    std::size_t line_length = 0;
    wxStringTokenizer words(text, " ", wxTOKEN_STRTOK);
    while (words.HasMoreTokens()) {
        const wxString word = words.GetNextToken();
        if (line_length > 0 && line_length + 1 + word.length() > max_chars) {
            wrapped += "\n";
            line_length = 0;
        } else if (line_length > 0) {
            wrapped += " ";
            ++line_length;
        }
        wrapped += word;
        line_length += word.length();
    }
    return wrapped;
}

}  // namespace pasapas::ui
