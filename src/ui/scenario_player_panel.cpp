#include "ui/scenario_player_panel.hpp"

#include "ui/browser_view.hpp"
#include "ui/documents_dialog.hpp"
#include "ui/mailbox_panel.hpp"
#include "ui/page_view.hpp"
#include "ui/phone_panel.hpp"
#include "ui/printable_sheet.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>
#include <wx/timer.h>
#include <wx/weakref.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>
#include <exception>
#include <utility>
#include <vector>

namespace pasapas::ui {

namespace {

wxString from_utf8(const std::string& text) {
    return wxString::FromUTF8(text);
}

std::string content_translation(const std::string& text) {
    // Scenario text is French at the source; other languages come from the lessons' catalog.
    return wxGetTranslation(wxString::FromUTF8(text), "pasapas-lessons").utf8_string();
}

wxString mode_name(core::ScenarioMode mode) {
    switch (mode) {
        case core::ScenarioMode::Guided:
            return _("Guided");
        case core::ScenarioMode::Practice:
            return _("Practice");
        case core::ScenarioMode::Check:
            return _("Autonomy check");
    }
    return {};
}

wxString level_name(core::AutonomyLevel level) {
    switch (level) {
        case core::AutonomyLevel::WithGuidance:
            return _("With guidance");
        case core::AutonomyLevel::AutonomousWhenNeeded:
            return _("Autonomous with guidance when needed");
        case core::AutonomyLevel::Autonomous:
            return _("Autonomous");
    }
    return {};
}

core::ScenarioSession::Clock& test_clock() {
    static core::ScenarioSession::Clock clock;
    return clock;
}

// The side column's tabs, in order.
enum Side : std::size_t { kPhone, kMail, kDocuments, kPersona, kChecklist, kSideCount };

constexpr std::array<const char*, kSideCount> kSideTargets{"@phone", "@mail", "@documents", "@persona",
                                                           "@checklist"};
constexpr std::array<const char*, kSideCount> kSideNames{"side:phone", "side:mail", "side:documents",
                                                         "side:persona", "side:checklist"};

}  // namespace

struct ScenarioPlayerPanel::Impl {
    ScenarioPlayerPanel* self;
    core::ScenarioSession session;
    Appearance appearance;
    std::function<void()> on_exit;
    core::Feedback last;  // what the last action gave, shown until the next one

    wxStaticText* title = nullptr;
    wxStaticText* mode_label = nullptr;
    wxButton* hint_button = nullptr;
    wxButton* leave = nullptr;
    Tinted<wxPanel>* timeout_banner = nullptr;
    wxStaticText* timeout_text = nullptr;
    wxPanel* side_column = nullptr;
    wxScrolledWindow* guidance = nullptr;
    wxStaticText* instruction = nullptr;
    wxBoxSizer* hints_sizer = nullptr;
    Tinted<wxPanel>* coach_box = nullptr;
    wxStaticText* coach = nullptr;
    wxPanel* end_panel = nullptr;
    wxStaticText* end_title = nullptr;
    wxStaticText* level = nullptr;
    wxStaticText* store_error = nullptr;
    BrowserView* browser = nullptr;
    std::array<wxToggleButton*, kSideCount> side_buttons{};
    std::array<Tinted<wxPanel>*, kSideCount> side_frames{};
    wxSimplebook* side_book = nullptr;
    PhonePanel* phone = nullptr;
    MailboxPanel* mailbox = nullptr;
    // The identity sheet first: it holds what the learner will have to type.
    std::size_t side_shown = kPersona;
    bool side_chosen = false;  // by the learner, rather than opened for what just arrived
    std::size_t sms_seen = 0;
    std::size_t sms_known = 0;
    std::size_t mails_known = 0;
    std::string guide_key;           // page and target of the guide the hints were for
    bool instruction_asked = false;  // practice mode: the learner asked for the instruction
    int hints_shown = 0;
    std::vector<std::pair<wxStaticText*, wxString>> wrapped;
    int wrap_width = 0;
    wxTimer timer;

    Impl(ScenarioPlayerPanel* owner, const core::Scenario& scenario, core::ScenarioMode mode,
         core::ProgressStore* store, core::LearnerId learner, const Appearance& look,
         std::function<void()> exit, std::uint32_t seed)
        : self(owner),
          session(scenario, mode, store, learner, seed, test_clock(), content_translation),
          appearance(look),
          on_exit(std::move(exit)) {}

    [[nodiscard]] int pt() const { return appearance.point_size(); }
    // Margins grow less than the text: at 200 % every pixel of height is the page's.
    [[nodiscard]] int gap() const { return std::min(pt(), self->FromDIP(12)); }
    [[nodiscard]] wxColour coach_fill() const {
        return appearance.high_contrast ? appearance.background() : wxColour(0xff, 0xf4, 0xc2);
    }
    [[nodiscard]] wxColour highlight() const {
        return appearance.high_contrast ? appearance.accent() : wxColour(0xff, 0xb3, 0x00);
    }

    void build();
    wxWindow* build_side(wxWindow* parent);
    void build_guidance(wxWindow* parent, wxSizer* column_sizer);
    void fit_guidance();
    void scroll_guidance_to(wxWindow* target);
    void bring_into_view(wxWindow* target);
    [[nodiscard]] int wrap_limit(const wxStaticText* text) const;
    wxWindow* build_documents(wxWindow* parent);
    wxWindow* build_persona(wxWindow* parent);
    wxWindow* build_checklist(wxWindow* parent);
    void add_wrapped(wxStaticText* text, const wxString& full);
    void set_wrapped(wxStaticText* text, const wxString& full);
    void rewrap(bool force);
    void restyle();

    void show(const core::Feedback& feedback);
    void update_guidance();
    void update_side();
    void show_side(std::size_t which);
    void on_value(const std::string& id, const std::string& value);
    void on_activate(const std::string& id);
    void on_back();
    void on_hint();
    void on_tick();
    void on_leave();
    void show_end();
    void show_store_error(const std::exception& error);
    template <typename F>
    void guarded(F&& action) {
        try {
            action();
        } catch (const std::exception& error) {
            show_store_error(error);
        }
    }
};

void ScenarioPlayerPanel::Impl::build() {
    const int gap = this->gap();
    auto* outer = new wxBoxSizer(wxVERTICAL);

    // Top bar, one line at every text size: where am I, and the way out. The height saved here
    // is the simulated page's.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    const wxString title_text = from_utf8(session.text(session.scenario().title));
    title = new wxStaticText(self, wxID_ANY, title_text, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END,
                             "scenario-title");
    set_relative_size(title, 1.2);
    title->SetFont(title->GetFont().Bold());
    title->SetToolTip(title_text);
    title->SetMinSize(wxSize(pt() * 6, -1));
    top->Add(title, wxSizerFlags(1).CentreVertical());
    leave = new wxButton(self, wxID_ANY, _("Quit (your progress is saved)"), wxDefaultPosition, wxDefaultSize,
                         0, wxDefaultValidator, "leave-button");
    top->Add(leave, wxSizerFlags().CentreVertical().Border(wxLEFT, gap));
    outer->Add(top, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));

    // The site's time-out warning: a banner, never a dialog that would steal the keyboard.
    timeout_banner = new Tinted<wxPanel>(self, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
                                         "timeout-banner");
    timeout_banner->tint(appearance.high_contrast ? appearance.foreground() : wxColour(0x1a, 0x1a, 0x1a),
                         appearance.high_contrast ? appearance.background() : wxColour(0xff, 0xe0, 0xb2));
    auto* banner_row = new wxBoxSizer(wxHORIZONTAL);
    auto* banner_text = new Tinted<wxStaticText>(timeout_banner, wxID_ANY, wxString(), wxDefaultPosition,
                                                 wxDefaultSize, 0, "timeout-text");
    banner_text->tint(timeout_banner->GetForegroundColour(), timeout_banner->GetBackgroundColour());
    timeout_text = banner_text;
    // A little smaller than the rest so that, with its button, it is one line even at 200 %.
    set_relative_size(timeout_text, 0.9);
    add_wrapped(timeout_text, wxString());
    banner_row->Add(timeout_text, wxSizerFlags(1).CentreVertical().Border(wxALL, gap / 2));
    auto* stay = new wxButton(timeout_banner, wxID_ANY, _("Stay connected"), wxDefaultPosition, wxDefaultSize,
                              0, wxDefaultValidator, "stay-connected");
    set_relative_size(stay, 0.9);
    stay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        guarded([this] { session.extend(); });
        timeout_banner->Hide();
        self->Layout();
        browser->page()->SetFocus();
    });
    banner_row->Add(stay, wxSizerFlags().CentreVertical().Border(wxALL, gap / 2));
    timeout_banner->SetSizer(banner_row);
    timeout_banner->Hide();
    outer->Add(timeout_banner, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));

    // The end: what it gave, and the way home, in place of the title and « Quitter » (not below
    // them: at 200 % the receipt needs the height).
    end_panel = new wxPanel(self, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "end-panel");
    auto* end_sizer = new wxBoxSizer(wxHORIZONTAL);
    auto* end_texts = new wxBoxSizer(wxVERTICAL);
    end_title =
        new wxStaticText(end_panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "end-title");
    set_relative_size(end_title, 1.0);
    end_title->SetFont(end_title->GetFont().Bold());
    add_wrapped(end_title, wxString());
    end_texts->Add(end_title);
    level = new wxStaticText(end_panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "level");
    set_relative_size(level, 1.0);
    add_wrapped(level, wxString());
    end_texts->Add(level);
    end_sizer->Add(end_texts, wxSizerFlags(1).CentreVertical());
    auto* home = new wxButton(end_panel, wxID_ANY, _("Back to home"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "home-button");
    set_relative_size(home, 1.1);
    home->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_leave(); });
    end_sizer->Add(home, wxSizerFlags().CentreVertical().Border(wxLEFT, gap));
    end_panel->SetSizer(end_sizer);
    end_panel->Hide();
    top->Insert(1, end_panel, wxSizerFlags(1).CentreVertical());

    // The browser and, beside it, the learner's phone, mail, documents and papers.
    auto* main = new wxBoxSizer(wxHORIZONTAL);
    PageView::Callbacks callbacks;
    callbacks.value_changed = [this](const std::string& id, const std::string& value) {
        on_value(id, value);
    };
    callbacks.activate = [this](const std::string& id) { on_activate(id); };
    callbacks.pick_file = [this](const core::Field& field) {
        return DocumentsDialog::pick(self, session.scenario(), field);
    };
    browser = new BrowserView(self, appearance, std::move(callbacks), [this] { on_back(); });
    main->Add(browser, wxSizerFlags(1).Expand().Border(wxRIGHT, gap));
    main->Add(build_side(self), wxSizerFlags().Expand());
    outer->Add(main, wxSizerFlags(1).Expand().Border(wxALL, gap));
    self->SetSizer(outer);

    leave->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_leave(); });
    hint_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_hint(); });
    self->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap(false);
        event.Skip();
    });
    if (!session.finished()) {
        timer.Start(1000);
    }
}

wxWindow* ScenarioPlayerPanel::Impl::build_side(wxWindow* parent) {
    auto* column = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "side");
    side_column = column;
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    build_guidance(column, sizer);
    const std::array<wxString, kSideCount> labels{_("Phone"), _("E-mails"), _("Documents"),
                                                  _("Identity sheet"), _("To prepare")};
    for (std::size_t i = 0; i < kSideCount; ++i) {
        // The frame around each toggle becomes the highlight when the guide points at it.
        side_frames[i] = new Tinted<wxPanel>(column, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                             wxTAB_TRAVERSAL, wxString(kSideNames[i]) + "-frame");
        side_frames[i]->tint(wxNullColour, appearance.background());
        side_buttons[i] = new wxToggleButton(side_frames[i], wxID_ANY, labels[i], wxDefaultPosition,
                                             wxDefaultSize, 0, wxDefaultValidator, kSideNames[i]);
        set_relative_size(side_buttons[i], 0.95);
        auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
        frame_sizer->Add(side_buttons[i], wxSizerFlags().Expand().Border(wxALL, std::max(3, gap() / 3)));
        side_frames[i]->SetSizer(frame_sizer);
        sizer->Add(side_frames[i], wxSizerFlags().Expand());
        side_buttons[i]->Bind(wxEVT_TOGGLEBUTTON, [this, i](wxCommandEvent&) { show_side(i); });
    }
    side_frames[kChecklist]->Hide();
    side_book = new wxSimplebook(column, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "side-book");
    phone = new PhonePanel(side_book);
    mailbox = new MailboxPanel(side_book);
    mailbox->on_read = [this](std::size_t index) {
        guarded([this, index] { session.mark_mail_read(index); });
        update_side();
    };
    mailbox->on_follow_link = [this](std::size_t index) {
        self->CallAfter([this, index] {
            core::Feedback feedback;
            guarded([&] { feedback = session.follow_mail_link(index); });
            show(feedback);
        });
    };
    side_book->AddPage(phone, labels[kPhone]);
    side_book->AddPage(mailbox, labels[kMail]);
    side_book->AddPage(build_documents(side_book), labels[kDocuments]);
    side_book->AddPage(build_persona(side_book), labels[kPersona]);
    side_book->AddPage(build_checklist(side_book), labels[kChecklist]);
    side_book->ChangeSelection(side_shown);
    sizer->Add(side_book, wxSizerFlags(1).Expand().Border(wxTOP, gap() / 2));
    column->SetSizer(sizer);
    // Wide enough for the phone's bubbles at every text size; the browser takes the rest.
    column->SetMinSize(wxSize(std::max(pt() * 13, self->FromDIP(280)), -1));
    return column;
}

void ScenarioPlayerPanel::Impl::build_guidance(wxWindow* parent, wxSizer* column_sizer) {
    // Pas a Pas' own voice, apart from the site: above the phone and papers rather than above
    // the browser, so that at large text sizes the page keeps its height.
    // The mode and « Indice » share a line (two at large text sizes) that never scrolls away:
    // what help there is, and where to ask for it, right above what to do.
    auto* head = new wxWrapSizer(wxHORIZONTAL);
    mode_label =
        new wxStaticText(parent, wxID_ANY, wxString::Format(_("Mode: %s"), mode_name(session.mode())),
                         wxDefaultPosition, wxDefaultSize, 0, "scenario-mode");
    // Smaller than the rest, so that it fits beside « Indice » even at 200 %.
    set_relative_size(mode_label, 0.85);
    add_wrapped(mode_label, mode_label->GetLabel());
    head->Add(mode_label, wxSizerFlags().CentreVertical().Border(wxRIGHT, pt() / 2));
    hint_button = new wxButton(parent, wxID_ANY, _("Hint"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "hint-button");
    set_relative_size(hint_button, 1.1);
    hint_button->Show(session.mode() != core::ScenarioMode::Check);
    head->Add(hint_button, wxSizerFlags().CentreVertical());
    column_sizer->Add(head, wxSizerFlags().Expand().Border(wxBOTTOM, pt() / 4));

    // What to do, the hints asked for and the coaching scroll on their own when they are taller
    // than their share of the column.
    guidance = new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxVSCROLL | wxTAB_TRAVERSAL, "guidance");
    guidance->SetScrollRate(0, std::max(4, pt() / 2));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    instruction =
        new wxStaticText(guidance, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "instruction");
    set_relative_size(instruction, 1.1);
    instruction->SetFont(instruction->GetFont().Bold());
    add_wrapped(instruction, wxString());
    sizer->Add(instruction, wxSizerFlags().Expand());
    hints_sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(hints_sizer, wxSizerFlags().Expand());
    coach_box = new Tinted<wxPanel>(guidance, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "coach-box");
    coach_box->tint(appearance.high_contrast ? appearance.accent() : wxColour(0x1a, 0x1a, 0x1a),
                    coach_fill());
    auto* coach_text = new Tinted<wxStaticText>(coach_box, wxID_ANY, wxString(), wxDefaultPosition,
                                                wxDefaultSize, 0, "coach");
    coach_text->tint(coach_box->GetForegroundColour(), coach_fill());
    coach = coach_text;
    add_wrapped(coach, wxString());
    auto* coach_sizer = new wxBoxSizer(wxVERTICAL);
    coach_sizer->Add(coach, wxSizerFlags().Expand().Border(wxALL, std::max(3, pt() / 3)));
    coach_box->SetSizer(coach_sizer);
    coach_box->Hide();
    sizer->Add(coach_box, wxSizerFlags().Expand().Border(wxTOP, pt() / 3));
    store_error =
        new wxStaticText(guidance, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "store-error");
    add_wrapped(store_error, wxString());
    sizer->Add(store_error, wxSizerFlags().Expand());
    guidance->SetSizer(sizer);
    column_sizer->Add(guidance, wxSizerFlags().Expand().Border(wxBOTTOM, gap()));
}

void ScenarioPlayerPanel::Impl::fit_guidance() {
    // Nothing to say (the end, the store's message gone): no empty box taking room.
    const bool any = instruction->IsShown() || coach_box->IsShown() || !hints_sizer->IsEmpty() ||
                     !store_error->GetLabel().empty();
    if (guidance->IsShown() != any) {
        guidance->Show(any);
        side_column->Layout();
    }
    const int best = guidance->GetSizer()->CalcMin().y;
    // As tall as its text, but the phone, mail and papers below keep room to be read; past
    // that it scrolls.
    int others = 0;
    for (wxSizerItem* item : side_column->GetSizer()->GetChildren()) {
        if (item->IsShown() && item->GetWindow() != guidance && item->GetWindow() != side_book) {
            others += item->GetMinSizeWithBorder().y;
        }
    }
    // The phone below, when shown, keeps at least the height it needs to be drawn whole.
    const int book = side_shown == kPhone ? std::max(pt() * 5, phone->GetMinSize().y) : pt() * 5;
    if (side_book->GetMinSize().y != book) {
        side_book->SetMinSize(wxSize(-1, book));
    }
    const int cap = std::max(pt() * 3, side_column->GetClientSize().y - others - gap() * 2 - book);
    const int height = std::min(best, cap);
    if (guidance->GetMinSize().y != height) {
        guidance->SetMinSize(wxSize(pt() * 4, height));
        side_column->Layout();
    }
    guidance->FitInside();
    // Its children move when a text is rewrapped even if its own size stays the same.
    guidance->Layout();
}

void ScenarioPlayerPanel::Impl::scroll_guidance_to(wxWindow* target) {
    // The newest words (coaching after a mistake, a hint) are in sight without scrolling.
    int unit = 1;
    guidance->GetScrollPixelsPerUnit(nullptr, &unit);
    unit = std::max(1, unit);
    const int view_top = guidance->GetViewStart().y * unit;
    const int top = target->GetPosition().y + view_top;
    const int bottom = top + target->GetSize().y;
    const int height = guidance->GetClientSize().y;
    // Taller than the view: its beginning, where reading starts.
    if (bottom - top > height) {
        guidance->Scroll(-1, std::max(0, top) / unit);
    } else {
        const int wanted = std::clamp(bottom - height, 0, std::max(0, top));
        guidance->Scroll(-1, std::min((wanted + unit - 1) / unit, std::max(0, top) / unit));
    }
}

void ScenarioPlayerPanel::Impl::bring_into_view(wxWindow* target) {
    scroll_guidance_to(target);
    // Again once the layout has settled: wrapping and sizing happen after this.
    wxWeakRef<wxWindow> weak(target);
    self->CallAfter([this, weak] {
        if (weak.get() != nullptr) {
            scroll_guidance_to(weak.get());
        }
    });
}

wxWindow* ScenarioPlayerPanel::Impl::build_documents(wxWindow* parent) {
    auto* page =
        new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "documents");
    page->SetScrollRate(0, pt());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(page, wxID_ANY, _("Documents folder"));
    heading->SetFont(heading->GetFont().Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, pt() / 2));
    const auto& documents = session.scenario().documents;
    if (documents.empty()) {
        sizer->Add(new wxStaticText(page, wxID_ANY, _("This folder is empty.")));
    }
    for (const core::Document& document : documents) {
        auto* name = new wxStaticText(page, wxID_ANY, from_utf8(document.name), wxDefaultPosition,
                                      wxDefaultSize, 0, from_utf8("document:" + document.id));
        name->SetFont(name->GetFont().Bold());
        sizer->Add(name);
        sizer->Add(new wxStaticText(page, wxID_ANY,
                                    DocumentsDialog::type_text(document.name) + ", " +
                                        DocumentsDialog::size_text(document.kb)),
                   wxSizerFlags().Border(wxBOTTOM, pt() / 2));
    }
    auto* note = new wxStaticText(page, wxID_ANY, _("To send one, use \"Browse...\" on the site."));
    add_wrapped(note, note->GetLabel());
    sizer->Add(note, wxSizerFlags().Border(wxTOP, pt() / 2));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ScenarioPlayerPanel::Impl::build_persona(wxWindow* parent) {
    auto* page =
        new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "persona");
    page->SetScrollRate(0, pt());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* mark = new Tinted<wxStaticText>(page, wxID_ANY, _("FICTITIOUS: for the simulation only"),
                                          wxDefaultPosition, wxDefaultSize, 0, "persona-mark");
    mark->tint(appearance.error(), appearance.background());
    mark->SetFont(mark->GetFont().Bold());
    add_wrapped(mark, mark->GetLabel());
    sizer->Add(mark, wxSizerFlags().Border(wxBOTTOM, pt() / 2));
    for (const core::PersonaFact& fact : session.scenario().persona.facts) {
        auto* label = new wxStaticText(page, wxID_ANY, from_utf8(session.text(fact.label)), wxDefaultPosition,
                                       wxDefaultSize, 0, from_utf8("fact-label:" + fact.key));
        add_wrapped(label, label->GetLabel());
        sizer->Add(label);
        auto* value = new wxStaticText(page, wxID_ANY, from_utf8(fact.value), wxDefaultPosition,
                                       wxDefaultSize, 0, from_utf8("fact:" + fact.key));
        value->SetFont(value->GetFont().Bold());
        sizer->Add(value, wxSizerFlags().Border(wxBOTTOM, pt() / 2));
    }
    auto* print = new wxButton(page, wxID_ANY, _("Print the sheet"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "print-persona");
    print->Bind(wxEVT_BUTTON,
                [this](wxCommandEvent&) { print_persona_sheet(self, session.scenario(), session); });
    sizer->Add(print, wxSizerFlags().Border(wxTOP, pt() / 2));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ScenarioPlayerPanel::Impl::build_checklist(wxWindow* parent) {
    auto* page =
        new wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "checklist");
    page->SetScrollRate(0, pt());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const core::Checklist& checklist = session.scenario().checklist;
    const wxString heading_text = checklist.title.empty() ? _("For the real procedure, prepare:")
                                                          : from_utf8(session.text(checklist.title));
    auto* heading = new wxStaticText(page, wxID_ANY, heading_text, wxDefaultPosition, wxDefaultSize, 0,
                                     "checklist-title");
    heading->SetFont(heading->GetFont().Bold());
    add_wrapped(heading, heading_text);
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, pt() / 2));
    for (std::size_t i = 0; i < checklist.items.size(); ++i) {
        const wxString item =
            wxString::FromUTF8("\xE2\x96\xA1 ") + from_utf8(session.text(checklist.items[i]));
        auto* line = new wxStaticText(page, wxID_ANY, item, wxDefaultPosition, wxDefaultSize, 0,
                                      wxString::Format("checklist-item:%zu", i));
        add_wrapped(line, item);
        sizer->Add(line, wxSizerFlags().Border(wxBOTTOM, pt() / 3));
    }
    auto* print = new wxButton(page, wxID_ANY, _("Print"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "print-checklist");
    print->Bind(wxEVT_BUTTON,
                [this](wxCommandEvent&) { print_checklist(self, session.scenario(), session); });
    sizer->Add(print, wxSizerFlags().Border(wxTOP, pt() / 2));
    page->SetSizer(sizer);
    return page;
}

void ScenarioPlayerPanel::Impl::add_wrapped(wxStaticText* text, const wxString& full) {
    wrapped.emplace_back(text, full);
    text->Bind(wxEVT_DESTROY, [this, text](wxWindowDestroyEvent& event) {
        std::erase_if(wrapped, [text](const auto& entry) { return entry.first == text; });
        event.Skip();
    });
}

void ScenarioPlayerPanel::Impl::set_wrapped(wxStaticText* text, const wxString& full) {
    for (auto& entry : wrapped) {
        if (entry.first == text) {
            entry.second = full;
        }
    }
    text->SetLabel(full);
    text->Wrap(wrap_limit(text));
}

int ScenarioPlayerPanel::Impl::wrap_limit(const wxStaticText* text) const {
    if (side_column != nullptr && side_column->IsDescendant(const_cast<wxStaticText*>(text))) {
        // Texts of the side column wrap to its width, leaving room for the guidance's scrollbar.
        const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, self);
        const int inner = text->GetParent() == coach_box ? std::max(3, pt() / 3) * 2 : 0;
        return std::max(120, side_column->GetClientSize().x - std::max(scrollbar, 16) - inner - 4);
    }
    const int width = wrap_width > 0 ? wrap_width : 400;
    if (text == timeout_text) {
        // Beside « Rester connecte ».
        const wxWindow* stay = timeout_banner->FindWindow("stay-connected");
        return std::max(pt() * 8, self->GetClientSize().x - (stay != nullptr ? stay->GetBestSize().x : 0) -
                                      gap() * 4 - 2);
    }
    if (end_panel != nullptr && text->GetParent() == end_panel) {
        // Beside « Retour a l'accueil ».
        const wxWindow* home = end_panel->FindWindow("home-button");
        return std::max(pt() * 8, width - (home != nullptr ? home->GetBestSize().x : 0) - gap() * 2);
    }
    return width;
}

void ScenarioPlayerPanel::Impl::rewrap(bool force) {
    const int width = std::max(200, self->GetClientSize().x - gap() * 4);
    if (!force && width == wrap_width) {
        fit_guidance();
        return;
    }
    wrap_width = width;
    self->Layout();
    for (auto& [text, full] : wrapped) {
        text->SetLabel(full);
        text->Wrap(wrap_limit(text));
    }
    fit_guidance();
    self->Layout();
}

void ScenarioPlayerPanel::Impl::restyle() {
    apply_appearance(self, appearance);
    store_error->SetForegroundColour(appearance.error());
    rewrap(true);
    self->CallAfter([this] {
        rewrap(true);
        self->Layout();
    });
}

void ScenarioPlayerPanel::Impl::show(const core::Feedback& feedback) {
    last = feedback;
    self->Freeze();
    browser->show(session, feedback);
    const wxString coach_text = from_utf8(feedback.coach);
    if (coach_text.empty()) {
        coach_box->Hide();
    } else {
        // TRANSLATORS: Pas à Pas' own kind advice after a mistake, apart from the site's messages
        set_wrapped(coach, wxString::Format(_("Tip: %s"), coach_text));
        coach_box->Show();
    }
    update_side();
    // Laid out before the guidance scrolls its target into view.
    self->Layout();
    update_guidance();
    self->Layout();
    if (coach_box->IsShown()) {
        bring_into_view(coach_box);
    } else {
        // Something new to do: read from its beginning.
        guidance->Scroll(0, 0);
    }
    self->Thaw();
    if (feedback.finished || session.finished()) {
        show_end();
    }
    if (!feedback.field_errors.empty()) {
        browser->page()->focus_first();
    } else if (feedback.moved) {
        browser->page()->SetFocus();
    }
    if (session.time_state() != core::ScenarioSession::TimeState::Warning) {
        timeout_banner->Hide();
    }
}

void ScenarioPlayerPanel::Impl::update_guidance() {
    const core::Guide* guide = session.current_guide();
    const std::string key =
        std::to_string(session.page_index()) + "/" + (guide != nullptr ? guide->target : std::string());
    if (key != guide_key) {
        // A new thing to do: the previous hints no longer apply.
        guide_key = key;
        hints_sizer->Clear(true);
        hints_shown = 0;
        instruction_asked = false;
    }
    wxString text;
    switch (session.mode()) {
        case core::ScenarioMode::Guided:
            text = from_utf8(session.instruction());
            break;
        case core::ScenarioMode::Practice:
            text = instruction_asked ? from_utf8(session.instruction())
                                     : _("Do it on your own. If you are stuck, press \"Hint\".");
            break;
        case core::ScenarioMode::Check:
            text = _("Autonomy check: no help. Do it as you would for real.");
            break;
    }
    if (session.finished()) {
        text = wxString();
    }
    set_wrapped(instruction, text);
    instruction->Show(!text.empty());

    // Guided mode marks the next thing to do.
    const std::string target =
        session.mode() == core::ScenarioMode::Guided && guide != nullptr ? guide->target : std::string();
    browser->page()->highlight(target.empty() || target[0] == '@' ? std::string() : target);
    browser->highlight_address(target == "@address-bar");
    for (std::size_t i = 0; i < kSideCount; ++i) {
        side_frames[i]->tint(wxNullColour, target == kSideTargets[i] ? highlight() : appearance.background());
    }
    hint_button->Enable(!session.finished() && (guide != nullptr || !instruction_asked));
    fit_guidance();
}

void ScenarioPlayerPanel::Impl::update_side() {
    const auto& sms = session.sms();
    // What just arrived is put in front of the learner; its tab keeps its « new » count until
    // the learner opens it herself.
    std::size_t arrived = kSideCount;
    if (session.mails().size() > mails_known) {
        arrived = kMail;
    }
    if (sms.size() > sms_known) {
        arrived = kPhone;
    }
    sms_known = sms.size();
    mails_known = session.mails().size();
    if (sms.size() < sms_seen) {
        sms_seen = 0;  // the session was started again
    }
    if (arrived != kSideCount && arrived != side_shown) {
        side_shown = arrived;
        side_chosen = false;
        side_book->ChangeSelection(arrived);
        self->CallAfter([this] {
            // The chosen toggle is drawn inverted by the appearance.
            apply_appearance(side_column, appearance);
            for (auto* frame : side_frames) {
                frame->Refresh();
            }
            rewrap(true);
        });
    }
    if (side_shown == kPhone && side_chosen) {
        sms_seen = sms.size();
    }
    phone->update(sms);
    mailbox->update(session.mails());
    const std::size_t new_sms = sms.size() > sms_seen ? sms.size() - sms_seen : 0;
    const auto unread =
        static_cast<std::size_t>(std::count_if(session.mails().begin(), session.mails().end(),
                                               [](const core::ReceivedMail& mail) { return !mail.read; }));
    // TRANSLATORS: a side tab with its count of unread messages, e.g. "Phone (1)"
    side_buttons[kPhone]->SetLabel(new_sms > 0 ? wxString::Format(_("%s (%zu new)"), _("Phone"), new_sms)
                                               : _("Phone"));
    side_buttons[kMail]->SetLabel(unread > 0 ? wxString::Format(_("%s (%zu new)"), _("E-mails"), unread)
                                             : _("E-mails"));
    for (std::size_t i = 0; i < kSideCount; ++i) {
        if (side_buttons[i]->GetValue() && i != side_shown) {
            // The appearance inverts a chosen toggle but never restores one no longer chosen.
            side_buttons[i]->SetBackgroundColour(wxNullColour);
            side_buttons[i]->SetForegroundColour(wxNullColour);
        }
        side_buttons[i]->SetValue(i == side_shown);
        side_buttons[i]->InvalidateBestSize();
    }
}

void ScenarioPlayerPanel::Impl::show_side(std::size_t which) {
    side_shown = which;
    side_chosen = true;
    side_book->ChangeSelection(which);
    guarded([this, which] {
        if (which != kChecklist) {
            session.mark_used(kSideTargets[which]);
        }
    });
    update_side();
    update_guidance();
    // The chosen toggle is drawn inverted by the appearance.
    apply_appearance(side_book->GetParent(), appearance);
    for (std::size_t i = 0; i < kSideCount; ++i) {
        side_frames[i]->Refresh();
    }
    rewrap(true);
}

void ScenarioPlayerPanel::Impl::on_value(const std::string& id, const std::string& value) {
    session.set_value(id, value);
    update_guidance();
}

void ScenarioPlayerPanel::Impl::on_activate(const std::string& id) {
    if (session.finished() && !session.page().actions.empty() && id.empty()) {
        return;
    }
    core::Feedback feedback;
    bool ok = false;
    guarded([&] {
        feedback = session.activate(id);
        ok = true;
    });
    if (ok) {
        store_error->SetLabel(wxString());
    }
    show(feedback);
}

void ScenarioPlayerPanel::Impl::on_back() {
    core::Feedback feedback;
    guarded([&] { feedback = session.back(); });
    show(feedback);
}

void ScenarioPlayerPanel::Impl::on_hint() {
    if (session.mode() == core::ScenarioMode::Check) {
        return;
    }
    if (session.mode() == core::ScenarioMode::Practice && !instruction_asked) {
        // First the instruction itself; the hints come after.
        instruction_asked = true;
        update_guidance();
        rewrap(true);
        bring_into_view(instruction);
        return;
    }
    std::optional<std::string> hint;
    guarded([&] { hint = session.next_hint(); });
    if (hint) {
        ++hints_shown;
        const wxString text = wxString::Format(_("Hint %d: %s"), hints_shown, from_utf8(*hint));
        auto* line = new wxStaticText(guidance, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0,
                                      wxString::Format("hint-%d", hints_shown));
        set_relative_size(line, 1.1);
        apply_appearance(line, appearance);
        line->SetForegroundColour(appearance.accent());
        add_wrapped(line, text);
        hints_sizer->Add(line, wxSizerFlags().Expand().Border(wxTOP, pt() / 3));
        rewrap(true);
        bring_into_view(line);
    } else {
        hint_button->Disable();
        browser->page()->SetFocus();
    }
}

void ScenarioPlayerPanel::Impl::on_tick() {
    if (session.finished()) {
        timer.Stop();
        return;
    }
    core::Feedback feedback;
    guarded([&] { feedback = session.poll_time(); });
    if (feedback.moved) {
        timeout_banner->Hide();
        show(feedback);
        return;
    }
    const bool warning = session.time_state() == core::ScenarioSession::TimeState::Warning;
    if (warning) {
        const int seconds = std::max(0, session.seconds_left());
        // Short, so that it stays on one line at 200 %: the button beside it asks the question.
        const wxString text =
            seconds >= 60
                ? wxString::Format(_("Your session on this site ends in %d min."), (seconds + 59) / 60)
                : wxString::Format(_("Your session on this site ends in %d s."), seconds);
        if (const auto entry = std::find_if(wrapped.begin(), wrapped.end(),
                                            [this](const auto& item) { return item.first == timeout_text; });
            entry == wrapped.end() || entry->second != text) {
            set_wrapped(timeout_text, text);
            self->Layout();
        }
    }
    if (warning != timeout_banner->IsShown()) {
        timeout_banner->Show(warning);
        if (warning) {
            apply_appearance(timeout_banner, appearance);
        }
        self->Layout();
    }
}

void ScenarioPlayerPanel::Impl::on_leave() {
    timer.Stop();
    guarded([this] { session.leave(); });
    self->CallAfter([this] {
        if (on_exit) {
            on_exit();
        }
    });
}

void ScenarioPlayerPanel::Impl::show_end() {
    timer.Stop();
    timeout_banner->Hide();
    hint_button->Hide();
    set_wrapped(end_title, _("Well done, the procedure is complete. Here is your receipt."));
    if (session.mode() == core::ScenarioMode::Check) {
        set_wrapped(level, wxString::Format(_("Your result: %s"), level_name(session.level())));
        level->Show();
    } else {
        level->Hide();
    }
    title->Hide();
    leave->Hide();
    end_panel->Show();
    side_frames[kChecklist]->Show();
    show_side(kChecklist);
    restyle();
    if (wxWindow* home = end_panel->FindWindow("home-button"); home != nullptr) {
        home->SetFocus();
    }
}

void ScenarioPlayerPanel::Impl::show_store_error(const std::exception& error) {
    store_error->SetLabel(
        wxString::Format(_("Your progress could not be saved: %s"), wxString::FromUTF8(error.what())));
    store_error->SetForegroundColour(appearance.error());
    store_error->Wrap(wrap_limit(store_error));
    fit_guidance();
    self->Layout();
    bring_into_view(store_error);
}

ScenarioPlayerPanel::ScenarioPlayerPanel(wxWindow* parent, const core::Scenario& scenario,
                                         core::ScenarioMode mode, core::ProgressStore* store,
                                         core::LearnerId learner, const Appearance& appearance,
                                         std::function<void()> on_exit, std::uint32_t seed)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "scenario-player"),
      impl_(std::make_unique<Impl>(this, scenario, mode, store, learner, appearance, std::move(on_exit),
                                   seed)) {
    impl_->timer.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { impl_->on_tick(); });
    impl_->build();
    impl_->show(core::Feedback{});
    impl_->restyle();
}

ScenarioPlayerPanel::~ScenarioPlayerPanel() {
    impl_->timer.Stop();
    // The children's destroy handlers use impl_: they must run while it still exists.
    DestroyChildren();
}

void ScenarioPlayerPanel::set_test_clock(core::ScenarioSession::Clock clock) {
    test_clock() = std::move(clock);
}

const core::ScenarioSession& ScenarioPlayerPanel::session() const {
    return impl_->session;
}

void ScenarioPlayerPanel::set_appearance(const Appearance& appearance) {
    // The site's colours are fixed when drawn: the browser is rebuilt with the new ones.
    Freeze();
    impl_->appearance = appearance;
    DestroyChildren();
    impl_->wrapped.clear();
    impl_->guide_key.clear();
    SetSizer(nullptr);
    impl_->build();
    Thaw();
    impl_->show(impl_->last);
    impl_->restyle();
}

}  // namespace pasapas::ui
