#include "ui/printable_sheet.hpp"

#include "core/html_text.hpp"

#include <wx/bmpbndl.h>
#include <wx/filesys.h>
#include <wx/html/htmprint.h>
#include <wx/intl.h>

#include <algorithm>
#include <system_error>

namespace pasapas::ui {

namespace {

wxString app_name() {
    return wxString::FromUTF8("Pas à Pas");
}

// Interface strings and content, escaped for HTML.
std::string ui(const wxString& text) {
    return core::html_escaped(text.utf8_string());
}
std::string content(const core::ScenarioSession& session, const std::string& source) {
    return core::html_escaped(session.text(source));
}

// Large, framed and red on every sheet: nobody should mistake it for real papers.
std::string fictitious_mark() {
    return "<table width=\"100%\" border=\"3\" cellpadding=\"10\" cellspacing=\"0\"><tr><td align=\"center\">"
           "<font size=\"+3\" color=\"#b00020\"><b>" +
           ui(_("FICTITIOUS")) + " — " + ui(_("SIMULATION")) + "</b></font><br><font size=\"+1\"><b>" +
           ui(_("Never use for a real procedure")) + "</b></font></td></tr></table>";
}

std::string page(const std::string& title, const std::string& body) {
    return "<html><head><meta charset=\"UTF-8\"><title>" + title + "</title></head><body>" + body +
           "</body></html>";
}

void preview(wxWindow* parent, const wxString& name, const std::string& html) {
    // The printouts belong to the preview window once it is open.
    wxHtmlEasyPrinting printer(name, parent);
    printer.SetStandardFonts(12);
    printer.SetFooter(wxString::FromUTF8("<p align=\"right\"><font size=\"-1\">" +
                                         ui(wxString::Format(_("%s simulation"), app_name())) +
                                         " — @PAGENUM@/@PAGESCNT@</font></p>"));
    printer.PreviewText(wxString::FromUTF8(html));
}

}  // namespace

std::filesystem::path printable_card(const core::Scenario& scenario) {
    const std::filesystem::path& card = scenario.persona.card;
    std::error_code error;
    if (card.empty() || !std::filesystem::exists(card, error)) {
        return {};
    }
    std::string ext = card.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".svg") {
        return card;
    }
    // wxHTML cannot draw SVG: draw it once, at print resolution, as a PNG.
    const wxSize size(900, 570);  // an ID card's proportions, 85.6 × 54 mm
    const wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(wxString(card.native()), size);
    if (!bundle.IsOk()) {
        return {};
    }
    const wxBitmap bitmap = bundle.GetBitmap(size);
    const std::filesystem::path png =
        std::filesystem::temp_directory_path() /
        ("pasapas-card-" + scenario.id + "-" + std::to_string(wxGetProcessId()) + ".png");
    if (!bitmap.IsOk() || !bitmap.SaveFile(wxString(png.native()), wxBITMAP_TYPE_PNG)) {
        return {};
    }
    return png;
}

std::string persona_sheet_html(const core::Scenario& scenario, const core::ScenarioSession& session) {
    return persona_sheet_html(scenario, session, printable_card(scenario));
}

std::string persona_sheet_html(const core::Scenario& scenario, const core::ScenarioSession& session,
                               const std::filesystem::path& card_picture) {
    std::string body = fictitious_mark();
    body += "<h1>" + ui(_("Identity sheet")) + "</h1>";
    body += "<p><font size=\"+1\">" + content(session, scenario.title) + "</font></p>";
    body += "<p>" + ui(_("This person does not exist. Use these details only in this simulation.")) + "</p>";
    body += "<table width=\"100%\" border=\"1\" cellpadding=\"8\" cellspacing=\"0\">";
    for (const core::PersonaFact& fact : scenario.persona.facts) {
        body += "<tr><td width=\"40%\"><b>" + content(session, fact.label) +
                "</b></td><td><font size=\"+1\">" + content(session, fact.value) + "</font></td></tr>";
    }
    body += "</table>";
    if (!card_picture.empty()) {
        const wxString url = wxFileSystem::FileNameToURL(wxFileName(wxString(card_picture.native())));
        body += "<p align=\"center\"><img src=\"" + core::html_escaped(url.utf8_string()) +
                "\" width=\"360\" alt=\"" + content(session, scenario.persona.card_alt) + "\"></p>";
        if (!scenario.persona.card_alt.empty()) {
            body += "<p align=\"center\"><i>" + content(session, scenario.persona.card_alt) + "</i></p>";
        }
    }
    body += "<br>" + fictitious_mark();
    return page(ui(_("Identity sheet")), body);
}

std::string checklist_html(const core::Scenario& scenario, const core::ScenarioSession& session) {
    std::string body = "<h1>" + content(session, scenario.title) + "</h1>";
    if (!session.reference().empty()) {
        body += "<p><font size=\"+1\">" +
                ui(wxString::Format(_("Reference of your simulation: %s"),
                                    wxString::FromUTF8(session.reference()))) +
                "</font></p>";
    }
    const std::string title = scenario.checklist.title.empty() ? ui(_("For the real procedure, prepare:"))
                                                               : content(session, scenario.checklist.title);
    body += "<h2>" + title + "</h2>";
    body += "<table cellpadding=\"6\" cellspacing=\"0\">";
    for (const std::string& item : scenario.checklist.items) {
        // A box to tick with a pen.
        body += "<tr><td valign=\"top\"><font size=\"+2\">&#9744;</font></td><td><font size=\"+1\">" +
                content(session, item) + "</font></td></tr>";
    }
    body += "</table><hr><p><i>" +
            ui(wxString::Format(_("This was a simulation in %s: nothing was sent to any administration. For "
                                  "the real procedure, use your own details on the official site."),
                                app_name())) +
            "</i></p>";
    return page(title, body);
}

void print_persona_sheet(wxWindow* parent, const core::Scenario& scenario,
                         const core::ScenarioSession& session) {
    preview(parent, _("Identity sheet"), persona_sheet_html(scenario, session));
}

void print_checklist(wxWindow* parent, const core::Scenario& scenario, const core::ScenarioSession& session) {
    preview(parent, _("Checklist"), checklist_html(scenario, session));
}

}  // namespace pasapas::ui
