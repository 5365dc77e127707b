#include "ui/mediator_console_panel.hpp"

#include "core/mediator_log.hpp"
#include "ui/appearance.hpp"
#include "ui/mediator_activities_page.hpp"
#include "ui/mediator_dashboard_page.hpp"
#include "ui/mediator_journal_page.hpp"
#include "ui/mediator_learners_page.hpp"
#include "ui/mediator_reports_page.hpp"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

namespace pasapas::ui {

namespace {

// Every panel inside, top down: a panel whose size did not change is not laid out again by its
// parent, and would keep the positions measured with the fonts it had before.
void layout_down(wxWindow* window) {
    if (window->GetSizer() != nullptr) {
        window->Layout();
    }
    if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(window); scrolled != nullptr) {
        scrolled->FitInside();
    }
    if (auto* table = dynamic_cast<wxListCtrl*>(window); table != nullptr) {
        // GTK draws the column titles in the theme's colours whatever the contrast: their text
        // takes the theme's button text colour, else it would be white on white.
        // The titles are the part above the rows (wx gives no other way to tell them apart).
        wxWindow* titles = nullptr;
        for (wxWindow* part : table->GetChildren()) {
            if (table->GetChildren().GetCount() == 2 &&
                (titles == nullptr || part->GetPosition().y < titles->GetPosition().y)) {
                titles = part;
            }
        }
        if (titles != nullptr) {
            titles->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNTEXT));
            titles->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
            titles->Refresh();
        }
        fit_columns(table);  // widths measured again with the real font
    }
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsTopLevel()) {
            layout_down(child);
        }
    }
}

}  // namespace

MediatorConsolePanel::MediatorConsolePanel(wxWindow* parent, MediatorContext context,
                                           std::function<void()> leave)
    : wxPanel(parent, wxID_ANY), context_(std::move(context)), leave_(std::move(leave)) {
    SetName("mediator-console");
    const int gap = FromDIP(10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    // Title and who is signed in on the left, one above the other so that they fit at 200 %.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* heading = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Mediator area"));
    set_relative_size(title, 1.5);
    title->SetFont(title->GetFont().Bold());
    heading->Add(title);
    wxString login;
    try {
        for (const auto& mediator : core::MediatorAccounts(*context_.store).list()) {
            if (mediator.id == context_.mediator) {
                login = utf8(mediator.login);
            }
        }
    } catch (const core::StoreError&) {
        // Only the greeting needs the login; the pages say it if the store fails.
    }
    auto* who = new wxStaticText(this, wxID_ANY, wxString::Format(_("Signed in as %s"), login));
    who->SetName("mediator-signed-in-as");
    heading->Add(who);
    top->Add(heading, wxSizerFlags(1).CentreVertical().Border(wxRIGHT, gap * 2));
    auto* leave_button = new wxButton(this, wxID_ANY, _("Lock and leave"));
    leave_button->SetName("mediator-leave");
    set_relative_size(leave_button, 1.1);
    leave_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { lock_and_leave(); });
    top->Add(leave_button, wxSizerFlags().CentreVertical());
    sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, gap));

    pages_ = new wxNotebook(this, wxID_ANY);
    pages_->SetName("mediator-pages");
    pages_->AddPage(new MediatorLearnersPage(pages_, context_), _("Learners"));
    pages_->AddPage(new MediatorActivitiesPage(pages_, context_), _("Activities"));
    pages_->AddPage(new MediatorDashboardPage(pages_, context_), _("Dashboard"));
    pages_->AddPage(new MediatorReportsPage(pages_, context_), _("Reports"));
    pages_->AddPage(new MediatorJournalPage(pages_, context_), _("Journal"));
    // Another page may have changed what this one shows.
    pages_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        if (auto* page = dynamic_cast<MediatorPage*>(pages_->GetCurrentPage()); page != nullptr) {
            page->refresh();
            page->Layout();
            relayout_after_paint(page);
        }
    });
    sizer->Add(pages_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    SetSizer(sizer);
    // GTK measures a page's controls with their new font only once it has drawn them: a page is
    // laid out again, all the way down, right after its next paint once it is shown.
    for (std::size_t i = 0; i < pages_->GetPageCount(); ++i) {
        wxWindow* page = pages_->GetPage(i);
        page->Bind(wxEVT_PAINT, [this, page](wxPaintEvent& event) {
            event.Skip();
            if (relayout_pending_.erase(page) > 0) {
                page->CallAfter([page] {
                    forget_best_sizes(page);
                    layout_down(page);
                    page->Refresh();
                });
            }
        });
    }
    relayout_after_paint(pages_->GetPage(0));
}

void MediatorConsolePanel::relayout_after_paint(wxWindow* page) {
    relayout_pending_.insert(page);
    page->Refresh();
}

MediatorConsolePanel::~MediatorConsolePanel() {
    // Closing the window while the console is open locks it too.
    try {
        sign_out();
    } catch (const std::exception&) {
        // Nothing to tell anyone any more: the window is going away.
    }
}

bool MediatorConsolePanel::show_page(const wxString& name) {
    for (std::size_t i = 0; i < pages_->GetPageCount(); ++i) {
        if (pages_->GetPage(i)->GetName() == name) {
            pages_->ChangeSelection(i);
            if (auto* page = dynamic_cast<MediatorPage*>(pages_->GetPage(i)); page != nullptr) {
                page->refresh();
                page->Layout();
                relayout_after_paint(page);
            }
            return true;
        }
    }
    return false;
}

void MediatorConsolePanel::sign_out() {
    if (signed_out_) {
        return;
    }
    signed_out_ = true;
    core::MediatorLog(*context_.store).append(context_.mediator, "sign-out");
}

void MediatorConsolePanel::lock_and_leave() {
    try {
        sign_out();
    } catch (const core::StoreError& error) {
        show_store_error(this, error);
    }
    leave_();
}

}  // namespace pasapas::ui
