#pragma once
// Text put into HTML pages the app writes (the printable identity sheet, the summary for
// elected officials): every character with a meaning in HTML is escaped, quotes included, so a
// name or label can go into an element or an attribute alike.
#include <string>
#include <string_view>

namespace pasapas::core {

inline std::string html_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

}  // namespace pasapas::core
