#pragma once
// Plays one procedure simulation for one learner, headless: the page shown in the simulated
// browser, what was typed, the phone's SMS and the mailbox, the session time-out, guidance,
// the real site's error messages and Pas à Pas' coaching, and what goes into the progress
// store. The scenario views only draw this state and forward actions, so every procedure's
// happy path and typical mistakes are tested without a GUI.
//
// Texts returned are final: translated through the content translator, then with {persona.KEY},
// {code}, {reference}, {name}, {max}, {formats} and {field.ID} replaced.
#include "progress_store.hpp"
#include "scenario.hpp"
#include "validators.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

enum class ScenarioMode : std::uint8_t {
    Guided,    // next target highlighted and explained, coaching on mistakes
    Practice,  // help only on request, coaching on mistakes
    Check,     // autonomy check: no help, no coaching
};

// La Coop de la médiation numérique's autonomy levels.
enum class AutonomyLevel : std::uint8_t {
    WithGuidance,          // « Avec guidage »
    AutonomousWhenNeeded,  // « Autonome avec guidage en cas de besoin »
    Autonomous,            // « Autonome »
};

// Stable ids kept in the progress store (see ScenarioResult).
[[nodiscard]] const char* mode_id(ScenarioMode mode);  // "guided", "practice", "check"
[[nodiscard]] const char* level_id(
    AutonomyLevel level);  // "avec_guidage", "autonome_avec_guidage", "autonome"

struct ReceivedSms {
    std::string from;
    std::string body;
};

struct ReceivedMail {
    bool spam = false;
    std::string from;
    std::string subject;
    std::string body;
    std::string link;  // page id, empty if none
    std::string link_label;
    bool read = false;
};

// What the learner sees after an action.
struct Feedback {
    std::map<std::string, std::string> field_errors;  // field id -> the site's message under it
    std::string alert;      // the site's message at the top of the page (global errors)
    std::string coach;      // Pas à Pas' explanation; always empty in the autonomy check
    std::string mistake;    // the mistake counted, e.g. "nir:key", "lookalike-site", "timeout"
    bool moved = false;     // another page is now shown
    bool finished = false;  // the end page was reached
};

class ScenarioSession {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using ContentTranslator = std::function<std::string(const std::string&)>;

    // store may be null (guest mode). seed makes codes and the reference reproducible in tests;
    // the app passes a random one. Nothing typed is ever stored: only which check failed.
    ScenarioSession(const Scenario& scenario, ScenarioMode mode, ProgressStore* store, LearnerId learner,
                    std::uint32_t seed, Clock clock = {}, ContentTranslator translate = {});

    [[nodiscard]] const Scenario& scenario() const { return scenario_; }
    [[nodiscard]] ScenarioMode mode() const { return mode_; }
    [[nodiscard]] const Page& page() const;
    [[nodiscard]] std::size_t page_index() const { return page_; }
    [[nodiscard]] bool can_go_back() const { return !history_.empty(); }
    [[nodiscard]] const std::string& reference() const { return reference_; }

    // Values as the UI shows them (see the table in SCENARIOS.md); cleared when a page is left.
    void set_value(const std::string& field_id, const std::string& value);
    [[nodiscard]] std::string value(const std::string& field_id) const;

    // Uses a button (checks the fields) or a link of the current page.
    Feedback activate(const std::string& action_id);
    // The browser's back button.
    Feedback back();
    // Opens a mail (marks it read) and follows its link, if any.
    Feedback follow_mail_link(std::size_t mail_index);
    void mark_mail_read(std::size_t mail_index);
    // The learner opened the phone, the mailbox, the Documents folder or the address bar
    // ("@phone", "@mail", "@documents", "@address-bar"): a guide with that target is done.
    void mark_used(const std::string& target);

    [[nodiscard]] const std::vector<ReceivedSms>& sms() const { return sms_; }
    [[nodiscard]] const std::vector<ReceivedMail>& mails() const { return mails_; }

    // Guidance: the current guide of the page (its target is what guided mode highlights);
    // null when every guide is done, and always null in the autonomy check.
    [[nodiscard]] const Guide* current_guide() const;
    [[nodiscard]] std::string instruction() const;  // the current guide's, translated
    // Next hint of the current guide, more explicit each time; nullopt when none is left or in
    // the autonomy check. Recorded.
    std::optional<std::string> next_hint();

    // Time-out, measured with the clock since the last action on a timed page.
    enum class TimeState : std::uint8_t { Running, Warning, Expired };
    // Typing is not an action: like the real sites, only buttons, links, back and « Rester
    // connecté » restart the count. Untimed pages (and scenarios without a time-out) stay Running.
    [[nodiscard]] TimeState time_state() const;
    // Seconds before the time-out, rounded up; -1 when no time-out applies on this page.
    [[nodiscard]] int seconds_left() const;
    // Called by the UI on a timer: once expired, shows the expired page and counts "timeout".
    Feedback poll_time();
    // « Rester connecté » on the warning.
    void extend();

    [[nodiscard]] bool finished() const { return finished_; }
    // Only meaningful once finished (or left): see SCENARIOS.md, "Modes and result".
    // Check: « Autonome » when finished with at most 2 mistakes, else « Autonome avec guidage en
    // cas de besoin ». Practice: « Autonome » when finished with no hint and at most 2 mistakes,
    // else « Autonome avec guidage en cas de besoin ». Guided, or not finished: « Avec guidage ».
    [[nodiscard]] AutonomyLevel level() const;

    // Leaves the simulation; records the exit (and, in the autonomy check, the level reached).
    void leave();

    struct Totals {
        int actions = 0;
        int mistakes = 0;
        int hints = 0;
        std::int64_t duration_ms = 0;
    };
    [[nodiscard]] const Totals& totals() const { return totals_; }

    // The date "past-date" checks compare with; the computer's calendar unless set (tests).
    void set_today(const CalendarDate& today) { today_ = today; }

    // What the learner last submitted successfully (a button whose checks all passed) in the field
    // `field_id` during this run, as a recap shows it back: an option's label, « Oui » / « Non »,
    // a document's name, a date as JJ/MM/AAAA, the text typed. Empty when the field was never
    // submitted (a branch skipped it) and always for password and one-time code fields. Kept in
    // memory for the run only, never stored; it is what {field.ID} shows.
    [[nodiscard]] std::string submitted(const std::string& field_id) const;

    // Replaces placeholders in an already translated text.
    [[nodiscard]] std::string expand(const std::string& text) const;
    // Translates (content catalog) then expands.
    [[nodiscard]] std::string text(const std::string& source) const;

private:
    [[nodiscard]] std::chrono::steady_clock::time_point now() const;
    [[nodiscard]] CalendarDate today() const;
    [[nodiscard]] std::string translated(const std::string& source) const;
    // The first failing error key of a field for its current value ("" when it passes).
    [[nodiscard]] std::string field_error(const Field& field) const;
    [[nodiscard]] std::string error_message(const Field& field, const std::string& error, bool& global) const;
    [[nodiscard]] std::string expand_file(const std::string& text, const Field& field) const;
    // The current value of a field of the current page as the learner sees it (see submitted()).
    [[nodiscard]] std::string shown_value(const Field& field) const;
    [[nodiscard]] std::string coach_for(const std::string& key, const std::string& error_kind) const;
    [[nodiscard]] bool target_done(const std::string& target) const;
    std::uint32_t next_random();
    std::string new_code(int digits);
    // Shows page `index`: values and guidance start afresh; `deliver` sends its SMS and mails.
    void enter(std::size_t index, bool deliver);
    // Leaves the page forward to `page_id` (unknown: stays); fills moved / finished.
    void go_forward(const std::string& page_id, Feedback& feedback);
    Feedback expire();
    void touch();
    void save(const std::string& action, bool success, const std::string& mistake, int hint_level);
    void save_result();

    const Scenario& scenario_;
    ScenarioMode mode_;
    ProgressStore* store_;
    LearnerId learner_;
    Clock clock_;
    ContentTranslator translate_;
    std::size_t page_ = 0;
    std::vector<std::size_t> history_;
    std::map<std::string, std::string> values_;
    // Field id -> shown value, kept across pages for {field.ID}; never written to the store.
    std::map<std::string, std::string> submitted_;
    std::vector<ReceivedSms> sms_;
    std::vector<ReceivedMail> mails_;
    std::string reference_;
    std::string last_code_;
    std::uint32_t rng_state_ = 0;
    bool finished_ = false;
    bool left_ = false;
    Totals totals_;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_action_;
    std::chrono::steady_clock::time_point page_shown_;
    std::map<std::string, bool> done_targets_;               // actions used on the current page
    int hints_shown_ = 0;                                    // for the current guide
    std::size_t hint_guide_ = static_cast<std::size_t>(-1);  // the guide hints_shown_ counts for
    std::optional<CalendarDate> today_;
    std::string run_;  // this run's id in the store's results
};

}  // namespace pasapas::core
