#include "scenario_session.hpp"

#include "translate.hpp"

#include <algorithm>
#include <array>
#include <random>

namespace pasapas::core {
namespace {

// The page and its index, which Scenario::page() does not give.
const Page* find_page(const Scenario& scenario, const std::string& id, std::size_t* index = nullptr) {
    for (std::size_t i = 0; i < scenario.pages.size(); ++i) {
        if (scenario.pages[i].id == id) {
            if (index != nullptr) {
                *index = i;
            }
            return &scenario.pages[i];
        }
    }
    return nullptr;
}

const Field* find_field(const Page& page, const std::string& id) {
    for (const auto& field : page.fields) {
        if (field.id == id) {
            return &field;
        }
    }
    return nullptr;
}

const PageAction* find_action(const Page& page, const std::string& id) {
    for (const auto& action : page.actions) {
        if (action.id == id) {
            return &action;
        }
    }
    return nullptr;
}

const std::string* find_coach(const Page& page, const std::string& on) {
    for (const auto& coach : page.coaching) {
        if (coach.on == on) {
            return &coach.text;
        }
    }
    return nullptr;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Secrets are never shown back, not even on the learner's own screen.
bool is_secret(const Field& field) {
    return field.type == FieldType::Password || field.type == FieldType::Code ||
           field.check == FieldCheck::Code;
}

std::string padded(int number, std::size_t width) {
    std::string out = std::to_string(number);
    return std::string(out.size() < width ? width - out.size() : 0, '0') + out;
}

// Compared "without spaces and case", as the sites do for names and numbers: ASCII letters and
// the accented capitals of Latin-1 (É, À, Ç…, two UTF-8 bytes starting with 0xC3) are folded.
std::string folded(const std::string& text) {
    std::string out = without_spaces(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto byte = static_cast<unsigned char>(out[i]);
        if (byte >= 'A' && byte <= 'Z') {
            out[i] = static_cast<char>(byte - 'A' + 'a');
        } else if (byte == 0xC3 && i + 1 < out.size()) {
            const auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) {  // 0x97 is ×, not a letter
                out[i + 1] = static_cast<char>(next + 0x20);
            }
            ++i;
        }
    }
    return out;
}

std::string extension_of(const std::string& name) {
    const auto dot = name.rfind('.');
    std::string out = dot == std::string::npos ? std::string{} : name.substr(dot + 1);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

// The size as the French sites print it: "5 Mo", "1,5 Mo", "800 Ko". The simulated site is French
// whatever the interface language, like its own messages.
std::string size_text(std::int64_t kb) {
    if (kb < 1024) {
        return std::to_string(kb) + " Ko";
    }
    const std::int64_t tenths = (kb * 10 + 512) / 1024;
    if (tenths % 10 == 0) {
        return std::to_string(tenths / 10) + " Mo";
    }
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " Mo";
}

std::string default_error(const std::string& error) {
    if (error == "required") {
        return tr("This field is required.");
    }
    if (error == "key") {
        return tr("The check digits at the end are not valid.");
    }
    if (error == "future") {
        return tr("The date cannot be in the future.");
    }
    if (error == "too-large") {
        return tr("The file {name} is too large. Maximum size: {max}.");
    }
    if (error == "wrong-format") {
        return tr("The file {name} is not in an accepted format. Accepted formats: {formats}.");
    }
    if (error == "code") {
        return tr("This code is not the one that was sent.");
    }
    if (error == "mismatch") {
        return tr("This information is not correct.");
    }
    return tr("The format is not valid.");
}

// Pas à Pas' own kind explanation when the scenario has no <coach> for the mistake.
std::string default_coach(const std::string& error_kind) {
    if (error_kind == "required") {
        return tr("A box the site needs is still empty. Fill it in, then press the button again.");
    }
    if (error_kind == "format") {
        return tr(
            "The site expects a precise format. Read the small text under the box's name, then type "
            "it again.");
    }
    if (error_kind == "key") {
        return tr(
            "One digit is probably wrong. Compare the number with your identity sheet, digit by digit.");
    }
    if (error_kind == "future") {
        return tr("This date is in the future. Check the year.");
    }
    if (error_kind == "too-large") {
        return tr("This file is too heavy for the site. Choose another file in the Documents folder.");
    }
    if (error_kind == "wrong-format") {
        return tr(
            "The site does not accept this kind of file. Choose a file whose name ends with one of "
            "the formats shown.");
    }
    if (error_kind == "code") {
        return tr("Type the code you have just received on the phone or in the mailbox, exactly as it is.");
    }
    if (error_kind == "mismatch") {
        return tr("This is not what your identity sheet says. Compare them carefully.");
    }
    if (error_kind == "timeout") {
        return tr(
            "The site closed the session after a long time without any action, as real sites do to "
            "protect you. Start again from here.");
    }
    return tr("This is not the right way to go. Take a moment to look at the page again.");
}

std::string random_run_id() {
    std::random_device device;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int part = 0; part < 4; ++part) {
        auto bits = device();
        for (int i = 0; i < 8; ++i) {
            out.push_back(kHex[bits & 0xfU]);
            bits >>= 4U;
        }
    }
    return out;
}

}  // namespace

const char* mode_id(ScenarioMode mode) {
    switch (mode) {
        case ScenarioMode::Guided:
            return "guided";
        case ScenarioMode::Practice:
            return "practice";
        case ScenarioMode::Check:
            return "check";
    }
    return "practice";
}

const char* level_id(AutonomyLevel level) {
    switch (level) {
        case AutonomyLevel::WithGuidance:
            return "avec_guidage";
        case AutonomyLevel::AutonomousWhenNeeded:
            return "autonome_avec_guidage";
        case AutonomyLevel::Autonomous:
            return "autonome";
    }
    return "avec_guidage";
}

ScenarioSession::ScenarioSession(const Scenario& scenario, ScenarioMode mode, ProgressStore* store,
                                 LearnerId learner, std::uint32_t seed, Clock clock,
                                 ContentTranslator translate)
    : scenario_(scenario),
      mode_(mode),
      store_(store),
      learner_(learner),
      clock_(std::move(clock)),
      translate_(std::move(translate)),
      rng_state_(seed * 2654435761U + 0x9E3779B9U) {
    if (!clock_) {
        clock_ = [] { return std::chrono::steady_clock::now(); };
    }
    if (rng_state_ == 0) {
        rng_state_ = 0x6D2B79F5U;  // xorshift never leaves 0
    }
    // No 0/O or 1/I: the learner copies the reference by hand.
    static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 10; ++i) {
        reference_.push_back(kAlphabet[next_random() % kAlphabet.size()]);
    }
    if (store_ != nullptr) {
        run_ = random_run_id();
    }
    started_ = now();
    std::size_t start = 0;
    find_page(scenario_, scenario_.start_page, &start);
    enter(start, true);
}

const Page& ScenarioSession::page() const {
    return scenario_.pages.at(page_);
}

std::chrono::steady_clock::time_point ScenarioSession::now() const {
    return clock_();
}

CalendarDate ScenarioSession::today() const {
    return today_ ? *today_ : local_today();
}

std::string ScenarioSession::translated(const std::string& source) const {
    return translate_ ? translate_(source) : source;
}

std::string ScenarioSession::text(const std::string& source) const {
    return expand(translated(source));
}

std::string ScenarioSession::expand(const std::string& text) const {
    std::string out = text;
    static constexpr std::string_view kPersona = "{persona.";
    for (auto at = out.find(kPersona); at != std::string::npos; at = out.find(kPersona, at)) {
        const auto close = out.find('}', at);
        if (close == std::string::npos) {
            break;
        }
        const std::string key = out.substr(at + kPersona.size(), close - at - kPersona.size());
        if (const auto value = scenario_.fact(key)) {
            out.replace(at, close - at + 1, *value);
            at += value->size();
        } else {
            at = close + 1;  // an unknown key stays visible, so that the author notices it
        }
    }
    replace_all(out, "{reference}", reference_);
    replace_all(out, "{code}", last_code_);
    // Last, and skipping what it inserts: what the learner typed must never be read as a placeholder.
    static constexpr std::string_view kField = "{field.";
    for (auto at = out.find(kField); at != std::string::npos; at = out.find(kField, at)) {
        const auto close = out.find('}', at);
        if (close == std::string::npos) {
            break;
        }
        const std::string shown = submitted(out.substr(at + kField.size(), close - at - kField.size()));
        out.replace(at, close - at + 1, shown);
        at += shown.size();
    }
    return out;
}

std::string ScenarioSession::submitted(const std::string& field_id) const {
    const auto found = submitted_.find(field_id);
    return found == submitted_.end() ? std::string{} : found->second;
}

std::string ScenarioSession::shown_value(const Field& field) const {
    const std::string typed = value(field.id);
    switch (field.type) {
        case FieldType::Password:
        case FieldType::Code:
            return {};
        case FieldType::Select:
        case FieldType::Radio:
            for (const auto& option : field.options) {
                if (option.value == typed) {
                    return text(option.label);
                }
            }
            return {};
        case FieldType::Checkbox:
            return translated(typed == "true" ? "Oui" : "Non");
        case FieldType::File: {
            const auto* document = scenario_.document(typed);
            return document != nullptr ? document->name : std::string{};
        }
        case FieldType::Date:
        case FieldType::Date3:
            if (const auto date = parse_date(typed)) {
                return padded(date->day, 2) + "/" + padded(date->month, 2) + "/" + padded(date->year, 4);
            }
            return trimmed(typed);
        default:
            return is_secret(field) ? std::string{} : trimmed(typed);
    }
}

std::string ScenarioSession::expand_file(const std::string& text, const Field& field) const {
    std::string out = text;
    const auto* document = scenario_.document(value(field.id));
    replace_all(out, "{name}", document != nullptr ? document->name : std::string{});
    replace_all(out, "{max}", size_text(field.max_kb));
    std::string formats;
    for (const auto& format : field.accept) {
        formats += (formats.empty() ? "" : ", ") + format;
    }
    replace_all(out, "{formats}", formats);
    return expand(out);
}

void ScenarioSession::set_value(const std::string& field_id, const std::string& value) {
    if (!left_) {
        values_[field_id] = value;
    }
}

std::string ScenarioSession::value(const std::string& field_id) const {
    const auto found = values_.find(field_id);
    return found == values_.end() ? std::string{} : found->second;
}

std::string ScenarioSession::field_error(const Field& field) const {
    const std::string typed = value(field.id);
    const bool empty = field.type == FieldType::Checkbox ? typed != "true" : is_blank(typed);
    if (empty) {
        return field.optional ? "" : "required";
    }
    if (field.type == FieldType::File) {
        const auto* document = scenario_.document(typed);
        if (document == nullptr) {
            return "required";
        }
        if (field.max_kb > 0 && document->kb > field.max_kb) {
            return "too-large";
        }
        if (!field.accept.empty() && std::find(field.accept.begin(), field.accept.end(),
                                               extension_of(document->name)) == field.accept.end()) {
            return "wrong-format";
        }
    }
    if (const auto result = apply_check(field.check, typed, today()); result != CheckResult::Ok) {
        return error_key(result);
    }
    if (field.check == FieldCheck::NirKey) {
        // The key is judged with the number it belongs to; a number that is itself wrong
        // gets its own message, under its own box.
        const std::string number = value(field.key_of);
        if (check_nir13(number) == CheckResult::Ok &&
            check_nir(without_spaces(number) + without_spaces(typed)) == CheckResult::Key) {
            return "key";
        }
    }
    if ((field.type == FieldType::Code || field.check == FieldCheck::Code) &&
        (last_code_.empty() || without_spaces(typed) != last_code_)) {
        return "code";
    }
    if (!field.expect.empty()) {
        const std::string expected = expand(field.expect);
        bool same = false;
        switch (field.type) {
            case FieldType::Password:
            case FieldType::Select:
            case FieldType::Radio:
            case FieldType::Checkbox:
            case FieldType::File:
                same = typed == expected;
                break;
            default:
                same = folded(typed) == folded(expected);
                break;
        }
        if (!same) {
            return "mismatch";
        }
    }
    return "";
}

std::string ScenarioSession::error_message(const Field& field, const std::string& error, bool& global) const {
    for (const auto& candidate : field.errors) {
        if (candidate.on == error) {
            global = candidate.global;
            return expand_file(translated(candidate.message), field);
        }
    }
    global = false;
    return expand_file(default_error(error), field);
}

std::string ScenarioSession::coach_for(const std::string& key, const std::string& error_kind) const {
    if (mode_ == ScenarioMode::Check) {
        return {};
    }
    if (const auto* coach = find_coach(page(), key)) {
        return text(*coach);
    }
    return expand(default_coach(error_kind));
}

std::uint32_t ScenarioSession::next_random() {
    rng_state_ ^= rng_state_ << 13U;
    rng_state_ ^= rng_state_ >> 17U;
    rng_state_ ^= rng_state_ << 5U;
    return rng_state_;
}

std::string ScenarioSession::new_code(int digits) {
    std::string code;
    for (int i = 0; i < std::max(1, digits); ++i) {
        code.push_back(static_cast<char>('0' + next_random() % 10U));
    }
    return code;
}

void ScenarioSession::touch() {
    const auto at = now();
    last_action_ = at;
    totals_.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(at - started_).count();
}

void ScenarioSession::enter(std::size_t index, bool deliver) {
    values_.clear();
    done_targets_.clear();
    hints_shown_ = 0;
    hint_guide_ = static_cast<std::size_t>(-1);
    page_ = index;
    page_shown_ = now();
    last_action_ = page_shown_;
    if (!deliver) {
        return;
    }
    for (const auto& message : page().sends) {
        const std::string body = translated(message.body);
        if (body.find("{code}") != std::string::npos) {
            last_code_ = new_code(message.digits);
        }
        if (message.channel == OutgoingMessage::Channel::Sms) {
            sms_.push_back({message.from, expand(body)});
        } else {
            mails_.push_back({message.spam, message.from, text(message.subject), expand(body), message.link,
                              text(message.link_label), false});
        }
    }
}

void ScenarioSession::go_forward(const std::string& page_id, Feedback& feedback) {
    std::size_t index = 0;
    const Page* next = find_page(scenario_, page_id, &index);
    if (next == nullptr) {
        return;
    }
    save("step-done", true, "", hints_shown_);
    history_.push_back(page_);
    enter(index, true);
    feedback.moved = true;
    if (next->end) {
        feedback.finished = true;
        if (!finished_) {
            finished_ = true;
            save("lesson-done", true, "", hints_shown_);
            save_result();
        }
    }
}

Feedback ScenarioSession::activate(const std::string& action_id) {
    Feedback feedback;
    if (left_) {
        return feedback;
    }
    if (time_state() == TimeState::Expired) {
        return expire();  // the click reaches a site that has already closed the session
    }
    const Page& here = page();
    const PageAction* action = find_action(here, action_id);
    if (action == nullptr) {
        return feedback;
    }
    touch();
    ++totals_.actions;
    done_targets_[action_id] = true;

    if (action->kind == ActionKind::Button) {
        std::string first_error;
        for (const auto& field : here.fields) {
            const std::string error = field_error(field);
            if (error.empty()) {
                continue;
            }
            bool global = false;
            const std::string message = error_message(field, error, global);
            if (!global) {
                feedback.field_errors[field.id] = message;
            } else if (feedback.alert.empty()) {
                feedback.alert = message;
            }
            if (feedback.mistake.empty()) {
                feedback.mistake = field.id + ":" + error;
                first_error = error;
            }
        }
        if (!feedback.mistake.empty()) {
            ++totals_.mistakes;
            feedback.coach = coach_for(feedback.mistake, first_error);
            save("attempt", false, feedback.mistake, hints_shown_);
            return feedback;
        }
        for (const auto& field : here.fields) {
            if (!is_secret(field)) {
                submitted_[field.id] = shown_value(field);
            }
        }
    }
    if (!action->mistake.empty()) {
        ++totals_.mistakes;
        feedback.mistake = action->mistake;
        feedback.coach = coach_for(action->mistake, "");
    }
    save("attempt", feedback.mistake.empty(), feedback.mistake, hints_shown_);

    std::string target = action->go_to;
    if (action->kind == ActionKind::Button) {
        for (const auto& branch : action->branches) {
            if (value(branch.field) == branch.value) {
                target = branch.go_to;
                break;
            }
        }
    }
    if (!target.empty()) {
        go_forward(target, feedback);
    }
    return feedback;
}

Feedback ScenarioSession::back() {
    Feedback feedback;
    if (left_) {
        return feedback;
    }
    if (time_state() == TimeState::Expired) {
        return expire();
    }
    if (history_.empty()) {
        return feedback;
    }
    touch();
    ++totals_.actions;
    save("attempt", true, "", hints_shown_);
    const std::size_t previous = history_.back();
    history_.pop_back();
    enter(previous, false);  // the browser shows the page again; the site sends nothing new
    feedback.moved = true;
    return feedback;
}

void ScenarioSession::mark_mail_read(std::size_t mail_index) {
    if (mail_index < mails_.size()) {
        mails_[mail_index].read = true;
        done_targets_["@mail"] = true;
    }
}

void ScenarioSession::mark_used(const std::string& target) {
    done_targets_[target] = true;
}

Feedback ScenarioSession::follow_mail_link(std::size_t mail_index) {
    Feedback feedback;
    if (left_ || mail_index >= mails_.size()) {
        return feedback;
    }
    if (time_state() == TimeState::Expired) {
        return expire();
    }
    mark_mail_read(mail_index);
    touch();
    ++totals_.actions;
    save("attempt", true, "", hints_shown_);
    const std::string link = mails_[mail_index].link;  // a copy: entering a page may add mails
    if (!link.empty()) {
        go_forward(link, feedback);
    }
    return feedback;
}

bool ScenarioSession::target_done(const std::string& target) const {
    if (const auto found = done_targets_.find(target); found != done_targets_.end() && found->second) {
        return true;
    }
    if (const Field* field = find_field(page(), target)) {
        return field_error(*field).empty();
    }
    if (find_action(page(), target) != nullptr || target.starts_with('@')) {
        return false;
    }
    return true;  // a target this page does not have must not block the guides after it
}

const Guide* ScenarioSession::current_guide() const {
    if (mode_ == ScenarioMode::Check || left_) {
        return nullptr;
    }
    for (const auto& guide : page().guides) {
        if (!target_done(guide.target)) {
            return &guide;
        }
    }
    return nullptr;
}

std::string ScenarioSession::instruction() const {
    const Guide* guide = current_guide();
    return guide != nullptr ? text(guide->instruction) : std::string{};
}

std::optional<std::string> ScenarioSession::next_hint() {
    const Guide* guide = current_guide();
    if (guide == nullptr) {
        return std::nullopt;
    }
    const auto index = static_cast<std::size_t>(guide - page().guides.data());
    if (index != hint_guide_) {
        hint_guide_ = index;
        hints_shown_ = 0;
    }
    if (static_cast<std::size_t>(hints_shown_) >= guide->hints.size()) {
        return std::nullopt;
    }
    std::string hint = text(guide->hints[static_cast<std::size_t>(hints_shown_)]);
    ++hints_shown_;
    ++totals_.hints;
    save("hint", false, "", hints_shown_);
    return hint;
}

ScenarioSession::TimeState ScenarioSession::time_state() const {
    const int left = seconds_left();
    if (left < 0) {
        return TimeState::Running;
    }
    if (left == 0) {
        return TimeState::Expired;
    }
    return left <= scenario_.session.warning_s ? TimeState::Warning : TimeState::Running;
}

int ScenarioSession::seconds_left() const {
    if (left_ || scenario_.session.timeout_s <= 0 || !page().timed) {
        return -1;
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now() - last_action_).count();
    const std::int64_t remaining_ms = std::int64_t{scenario_.session.timeout_s} * 1000 - elapsed;
    if (remaining_ms <= 0) {
        return 0;
    }
    return static_cast<int>((remaining_ms + 999) / 1000);
}

Feedback ScenarioSession::poll_time() {
    if (time_state() == TimeState::Expired) {
        return expire();
    }
    return {};
}

void ScenarioSession::extend() {
    if (time_state() != TimeState::Expired) {
        touch();
    }
}

Feedback ScenarioSession::expire() {
    Feedback feedback;
    feedback.mistake = "timeout";
    ++totals_.mistakes;
    touch();
    save("timeout", false, "timeout", hints_shown_);
    const std::size_t timed_out = page_;
    std::size_t index = 0;
    if (find_page(scenario_, scenario_.session.expired_page, &index) != nullptr) {
        history_.push_back(page_);
        enter(index, true);
        feedback.moved = true;
    } else {
        enter(page_, false);  // no expired page: the form starts empty, as after a reload
    }
    if (mode_ != ScenarioMode::Check) {
        const auto* coach = find_coach(scenario_.pages.at(timed_out), "timeout");
        if (coach == nullptr) {
            coach = find_coach(page(), "timeout");
        }
        feedback.coach = coach != nullptr ? text(*coach) : expand(default_coach("timeout"));
    }
    return feedback;
}

AutonomyLevel ScenarioSession::level() const {
    if (!finished_) {
        return AutonomyLevel::WithGuidance;
    }
    switch (mode_) {
        case ScenarioMode::Guided:
            return AutonomyLevel::WithGuidance;
        case ScenarioMode::Practice:
            return totals_.hints > 0 || totals_.mistakes > 2 ? AutonomyLevel::AutonomousWhenNeeded
                                                             : AutonomyLevel::Autonomous;
        case ScenarioMode::Check:
            return totals_.mistakes <= 2 ? AutonomyLevel::Autonomous : AutonomyLevel::AutonomousWhenNeeded;
    }
    return AutonomyLevel::WithGuidance;
}

void ScenarioSession::leave() {
    if (left_) {
        return;
    }
    touch();
    save("leave", finished_, "", hints_shown_);
    left_ = true;
    save_result();
}

void ScenarioSession::save(const std::string& action, bool success, const std::string& mistake,
                           int hint_level) {
    if (store_ == nullptr) {
        return;
    }
    StepEvent event;
    event.learner = learner_;
    event.lesson_id = scenario_.id;
    event.step_id = page().id;
    event.step_index = static_cast<int>(page_);
    event.action = action;
    event.success = success;
    event.mistake = mistake;
    event.hint_level = hint_level;
    event.duration_ms = std::max<std::int64_t>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(now() - page_shown_).count());
    LessonProgress progress;
    progress.lesson_id = scenario_.id;
    progress.status = finished_ ? LessonStatus::Done : LessonStatus::InProgress;
    progress.current_step = static_cast<int>(page_);
    store_->record(event, progress);
}

void ScenarioSession::save_result() {
    if (store_ == nullptr) {
        return;
    }
    ScenarioResult result;
    result.learner = learner_;
    result.scenario_id = scenario_.id;
    result.mode = mode_id(mode_);
    result.level = level_id(level());
    result.mistakes = totals_.mistakes;
    result.hints = totals_.hints;
    result.duration_ms = totals_.duration_ms;
    result.finished = finished_;
    result.run = run_;
    store_->record_scenario_result(result);
}

}  // namespace pasapas::core
