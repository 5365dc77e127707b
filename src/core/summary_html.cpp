// One printable page for elected officials: the period's big figures and a few bar charts, in
// French, self-contained (inline CSS and SVG, no script, nothing fetched), so it can be mailed,
// opened offline and printed on one A4 sheet.
#include "html_text.hpp"
#include "report_exports.hpp"
#include "report_format.hpp"
#include "sqlite_support.hpp"

#include <algorithm>
#include <string_view>

namespace pasapas::core {
namespace {

constexpr std::size_t kMaxBars = 6;

std::string shown(const StatCell& cell, int k) {
    return cell.suppressed ? "&lt; " + std::to_string(k) : std::to_string(cell.value);
}

// A horizontal bar chart; a hidden count gets no bar, only « < k », so its length tells nothing.
std::string bar_chart(const StatSection& section, int k) {
    std::vector<StatCell> cells = section.cells;
    std::stable_sort(cells.begin(), cells.end(), [](const StatCell& a, const StatCell& b) {
        if (a.suppressed != b.suppressed) {
            return !a.suppressed;
        }
        return a.value > b.value;
    });
    const std::size_t others = cells.size() > kMaxBars ? cells.size() - kMaxBars : 0;
    cells.resize(std::min(cells.size(), kMaxBars));
    int biggest = 1;
    for (const auto& cell : cells) {
        if (!cell.suppressed) {
            biggest = std::max(biggest, cell.value);
        }
    }
    std::string out = "<figure class=\"chart\"><figcaption>" + html_escaped(section.title) + "</figcaption>";
    if (cells.empty()) {
        return out + "<p class=\"empty\">Aucune donnée sur la période.</p></figure>";
    }
    constexpr int kRow = 26;
    constexpr int kLabelWidth = 190;
    constexpr int kBarSpace = 150;
    const int height = static_cast<int>(cells.size()) * kRow;
    out += "<svg viewBox=\"0 0 400 " + std::to_string(height) + "\" role=\"img\" aria-label=\"" +
           html_escaped(section.title) + "\">";
    int y = 0;
    for (const auto& cell : cells) {
        const int mid = y + kRow / 2;
        out += "<text class=\"label\" x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" +
               std::to_string(mid + 5) + "\" text-anchor=\"end\">" + html_escaped(cell.label) + "</text>";
        int value_x = kLabelWidth + 4;
        if (!cell.suppressed) {
            const int width = std::max(2, cell.value * kBarSpace / biggest);
            out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 4) +
                   "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(kRow - 8) +
                   "\" rx=\"3\"/>";
            value_x += width;
        }
        out += std::string("<text class=\"value") + (cell.suppressed ? " hidden" : "") + "\" x=\"" +
               std::to_string(value_x) + "\" y=\"" + std::to_string(mid + 5) + "\">" + shown(cell, k) +
               "</text>";
        y += kRow;
    }
    out += "</svg>";
    if (others > 0) {
        out += "<p class=\"more\">et " + std::to_string(others) + " autre" + (others > 1 ? "s" : "") + "</p>";
    }
    return out + "</figure>";
}

const StatSection* section_titled(const Statistics& stats, std::string_view title) {
    const auto found = std::find_if(stats.sections.begin(), stats.sections.end(),
                                    [title](const StatSection& s) { return s.title == title; });
    return found == stats.sections.end() ? nullptr : &*found;
}

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 190mm;
       padding: 8mm; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 22pt; margin: 0 0 2mm; color: #123d7a; }
.period { font-size: 13pt; margin: 0 0 6mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin-bottom: 6mm; }
.figure { border: 1px solid #b9c6da; border-radius: 3mm; padding: 3mm; text-align: center; }
.figure .number { display: block; font-size: 24pt; font-weight: bold; color: #123d7a; }
.figure .what { display: block; font-size: 10pt; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 6mm; }
.chart { margin: 0; break-inside: avoid; }
.chart figcaption { font-weight: bold; font-size: 12pt; margin-bottom: 1mm; }
.chart svg { width: 100%; height: auto; }
.chart rect { fill: #2a5caa; }
.chart text { font-size: 12px; fill: #1a1a1a; }
.chart text.hidden { fill: #555555; font-style: italic; }
.empty, .more { color: #555555; font-size: 10pt; margin: 1mm 0; }
.note { margin-top: 6mm; font-size: 10pt; color: #333333; border-top: 1px solid #b9c6da; padding-top: 2mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  .figure, .chart { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string summary_html(const Statistics& stats) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Bilan de la médiation numérique</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n<h1>Bilan de la médiation numérique</h1>\n";
    out += "<p class=\"period\">Période : " + html_escaped(period_text(stats.period)) + "</p>\n";
    out += "<section class=\"figures\">\n";
    for (const auto& cell : stats.general) {
        out += "<div class=\"figure\"><span class=\"number\">" + shown(cell, stats.k) +
               "</span><span class=\"what\">" + html_escaped(cell.label) + "</span></div>\n";
    }
    out += "</section>\n<section class=\"charts\">\n";
    for (const auto* title : {"Thématiques Médiation numérique", "Thématiques Démarches administratives",
                              "Tranches d'âge", "Niveau d'autonomie (accompagnements individuels)"}) {
        if (const auto* section = section_titled(stats, title)) {
            out += bar_chart(*section, stats.k) + "\n";
        }
    }
    const auto k = std::to_string(stats.k);
    out +=
        "</section>\n<p class=\"note\">Pour qu'aucune personne ne puisse être reconnue, les nombres "
        "inférieurs à " +
        k + " sont remplacés par « &lt; " + k +
        " », ainsi que, si besoin, un autre nombre qui permettrait de les retrouver par soustraction. "
        "Données anonymisées produites par Pas à Pas le " +
        french_date(utc_now_iso()) + ".</p>\n</body>\n</html>\n";
    return out;
}

}  // namespace pasapas::core
