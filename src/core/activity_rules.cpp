#include "activity_rules.hpp"

#include "translate.hpp"

#include <algorithm>
#include <cstdint>

namespace pasapas::core {
namespace {

// Every letter the folding helpers change lies in U+0080..U+017F, always encoded on two
// bytes led by 0xC2..0xC5. Looking only for those pairs keeps any other code point, and any
// invalid byte, exactly as it was: a learner's odd keyboard never breaks the comparison.
bool decode_two_byte(std::string_view s, std::size_t i, char32_t& cp) {
    if (i + 1 >= s.size()) {
        return false;
    }
    const auto lead = static_cast<unsigned char>(s[i]);
    const auto cont = static_cast<unsigned char>(s[i + 1]);
    if (lead < 0xC2 || lead > 0xC5 || (cont & 0xC0U) != 0x80U) {
        return false;
    }
    cp = (static_cast<char32_t>(lead & 0x1FU) << 6U) | static_cast<char32_t>(cont & 0x3FU);
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else {
        out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    }
}

char32_t lower(char32_t cp) {
    if (cp >= U'A' && cp <= U'Z') {
        return cp + 0x20;
    }
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {  // Latin-1 capitals, not ×
        return cp + 0x20;
    }
    if (cp == 0x178) {  // Ÿ, whose small letter ÿ lives in Latin-1
        return 0xFF;
    }
    // Latin Extended-A pairs capital/small letters, with the parity flipping twice; İ, ı, ĸ, ŉ
    // and ſ have no simple pair and stay as they are.
    const bool even_upper =
        (cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if ((even_upper && cp % 2 == 0) || (odd_upper && cp % 2 == 1)) {
        return cp + 1;
    }
    return cp;
}

// Base letters of U+00C0..U+00FF and U+0100..U+017F; '.' keeps the letter (it is not an
// accented one: Ð, Þ, ß, ŋ…), '*' is a ligature spelt out below.
constexpr std::string_view kLatin1Base = "AAAAAA*CEEEEIIII.NOOOOO.OUUUUY..aaaaaa*ceeeeiiii.nooooo.ouuuuy.y";
constexpr std::string_view kExtendedABase =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiI.**JjKk.LlLlLlLlLlNnNnNn...OoOoOo**RrRrRrSsSsSsSs"
    "TtTtTtUuUuUuUuUuUuWwYyYZzZzZz.";
static_assert(kLatin1Base.size() == 0x40);
static_assert(kExtendedABase.size() == 0x80);

std::string_view ligature(char32_t cp) {
    switch (cp) {
        case 0xC6:
            return "AE";
        case 0xE6:
            return "ae";
        case 0x132:
            return "IJ";
        case 0x133:
            return "ij";
        case 0x152:
            return "OE";
        case 0x153:
            return "oe";
        default:
            return {};
    }
}

template <typename Map>
std::string transform(std::string_view utf8, Map map) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        char32_t cp = 0;
        if (decode_two_byte(utf8, i, cp)) {
            map(out, cp);
            ++i;
        } else {
            const auto byte = static_cast<unsigned char>(utf8[i]);
            if (byte < 0x80) {
                map(out, static_cast<char32_t>(byte));
            } else {
                out.push_back(utf8[i]);
            }
        }
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::string without_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return !is_space(c); });
    return out;
}

std::string default_feedback(std::string_view key) {
    if (key == mistake::kMiss) {
        return tr("Almost! Click right on the target.");
    }
    if (key == mistake::kWrongTarget) {
        return tr("Not this one. Read the instruction again and try another one.");
    }
    if (key == mistake::kSingleClick) {
        return tr("That was one click. Click twice, quickly, without moving the mouse.");
    }
    if (key == mistake::kWrongZone) {
        return tr("Not this place. Try another one.");
    }
    if (key == mistake::kCase) {
        return tr("Nearly there: check the capital letters.");
    }
    if (key == mistake::kAccents) {
        return tr("Nearly there: check the accents (é, è, à…).");
    }
    if (key == mistake::kSpaces) {
        return tr("Nearly there: check the spaces.");
    }
    if (key == mistake::kDifferent) {
        return tr("That is not quite it. Read the text again, letter by letter.");
    }
    if (key == mistake::kEmpty) {
        return tr("The box is empty. Type the text, then validate.");
    }
    if (key == mistake::kWrongChoice) {
        return tr("That is not the right answer.");
    }
    if (key == mistake::kIncomplete) {
        return tr("Good, but there are other right answers too.");
    }
    if (key == mistake::kUseEnter) {
        return tr("The text is right. Now press the Entrée key (Enter) to validate.");
    }
    return {};
}

// The lesson author's words win over ours: first what they wrote on the very option picked,
// then what they wrote for this kind of mistake, and only then a kind default.
Verdict wrong(const Activity& activity, std::string_view key, const std::string& option_feedback = {}) {
    Verdict v;
    v.mistake = std::string(key);
    if (!option_feedback.empty()) {
        v.feedback = option_feedback;
    } else if (const auto it = activity.feedback.find(v.mistake);
               it != activity.feedback.end() && !it->second.empty()) {
        v.feedback = it->second;
    } else {
        v.feedback = default_feedback(key);
    }
    return v;
}

Verdict done(const Activity& activity, const std::string& option_feedback = {}) {
    Verdict v;
    v.correct = true;
    v.step_complete = true;
    if (!option_feedback.empty()) {
        v.feedback = option_feedback;
    } else if (!activity.success.empty()) {
        v.feedback = activity.success;
    } else {
        v.feedback = tr("Well done!");
    }
    return v;
}

const Option* find_option(const Activity& activity, std::string_view id) {
    const auto it = std::find_if(activity.options.begin(), activity.options.end(),
                                 [id](const Option& o) { return o.id == id; });
    return it == activity.options.end() ? nullptr : &*it;
}

// An Action that does not answer this kind of activity (a drop on a click step…): neither
// right nor a mistake, so the session neither counts nor records it.
Verdict ignored() {
    return {};
}

// Click and scroll steps; also a double-click step once the action is known to be the right
// kind of click.
Verdict judge_target(const Activity& activity, const std::string& target) {
    const Option* option = target.empty() ? nullptr : find_option(activity, target);
    if (option == nullptr) {
        return wrong(activity, mistake::kMiss);
    }
    if (!option->correct) {
        return wrong(activity, mistake::kWrongTarget, option->feedback);
    }
    return done(activity, option->feedback);
}

Verdict judge_click(const Activity& activity, const Action& action) {
    // A beginner who double-clicks where one click was enough has still clicked the right thing.
    if (action.type != Action::Type::Click && action.type != Action::Type::DoubleClick) {
        return ignored();
    }
    return judge_target(activity, action.target);
}

Verdict judge_double_click(const Activity& activity, const Action& action) {
    if (action.type == Action::Type::Click) {
        const Option* option = action.target.empty() ? nullptr : find_option(activity, action.target);
        if (option != nullptr && option->correct) {
            return wrong(activity, mistake::kSingleClick);
        }
        return judge_target(activity, action.target);
    }
    if (action.type != Action::Type::DoubleClick) {
        return ignored();
    }
    return judge_target(activity, action.target);
}

Verdict judge_drop(const Activity& activity, ActivityState& state, const Action& action) {
    if (action.type != Action::Type::Drop) {
        return ignored();
    }
    const auto item = std::find_if(activity.items.begin(), activity.items.end(),
                                   [&](const DragItem& i) { return i.id == action.target; });
    const bool zone_known = std::any_of(activity.zones.begin(), activity.zones.end(),
                                        [&](const DropZone& z) { return z.id == action.zone; });
    if (item == activity.items.end() || action.zone.empty() || !zone_known) {
        return wrong(activity, mistake::kMiss);
    }
    if (item->zone != action.zone) {
        // An item already placed stays placed: the view puts it back on its zone.
        return wrong(activity, mistake::kWrongZone);
    }
    state.placed.insert(item->id);
    const bool all_placed = std::all_of(activity.items.begin(), activity.items.end(),
                                        [&](const DragItem& i) { return state.placed.count(i.id) > 0; });
    if (all_placed) {
        return done(activity);
    }
    Verdict v;
    v.correct = true;
    v.feedback = tr("Good! Keep going.");
    return v;
}

Verdict judge_type(const Activity& activity, const Action& action) {
    if (action.type != Action::Type::Text) {
        return ignored();
    }
    const TypeRule& rule = activity.type;
    if (trimmed(action.text).empty()) {
        return wrong(activity, mistake::kEmpty);
    }
    const std::string_view typed = rule.trim ? trimmed(action.text) : std::string_view(action.text);
    const std::string_view expected = rule.trim ? trimmed(rule.expected) : std::string_view(rule.expected);

    // Applies the foldings the lesson allows, plus the ones a mistake check adds.
    const auto norm = [&](std::string_view s, bool fold, bool strip) {
        std::string out(s);
        if (fold || rule.ignore_case) {
            out = fold_case(out);
        }
        if (strip || rule.ignore_accents) {
            out = strip_accents(out);
        }
        return out;
    };

    if (norm(typed, false, false) == norm(expected, false, false)) {
        if (rule.submit_with_enter && !action.via_enter) {
            return wrong(activity, mistake::kUseEnter);
        }
        return done(activity);
    }
    if (without_spaces(norm(typed, false, false)) == without_spaces(norm(expected, false, false))) {
        return wrong(activity, mistake::kSpaces);
    }
    if (!rule.ignore_case && norm(typed, true, false) == norm(expected, true, false)) {
        return wrong(activity, mistake::kCase);
    }
    if (!rule.ignore_accents && norm(typed, false, true) == norm(expected, false, true)) {
        return wrong(activity, mistake::kAccents);
    }
    return wrong(activity, mistake::kDifferent);
}

Verdict judge_choice(const Activity& activity, const Action& action) {
    std::vector<std::string> chosen;
    if (action.type == Action::Type::Choose) {
        chosen = action.chosen;
    } else if ((action.type == Action::Type::Click || action.type == Action::Type::DoubleClick) &&
               !activity.multiple && !action.target.empty()) {
        chosen.push_back(action.target);  // a single-answer question may be answered by a click
    } else {
        return ignored();
    }
    if (chosen.empty()) {
        return ignored();  // nothing picked yet: the view keeps its button disabled
    }
    for (const auto& id : chosen) {
        const Option* option = find_option(activity, id);
        if (option == nullptr || !option->correct) {
            return wrong(activity, mistake::kWrongChoice,
                         option != nullptr ? option->feedback : std::string());
        }
    }
    if (!activity.multiple) {
        // Every picked answer is right; its own explanation says why.
        return done(activity, find_option(activity, chosen.front())->feedback);
    }
    const bool all_found =
        std::all_of(activity.options.begin(), activity.options.end(), [&](const Option& o) {
            return !o.correct || std::find(chosen.begin(), chosen.end(), o.id) != chosen.end();
        });
    if (!all_found) {
        return wrong(activity, mistake::kIncomplete);
    }
    return done(activity);
}

}  // namespace

std::string fold_case(std::string_view utf8) {
    return transform(utf8, [](std::string& out, char32_t cp) { append_utf8(out, lower(cp)); });
}

std::string strip_accents(std::string_view utf8) {
    return transform(utf8, [](std::string& out, char32_t cp) {
        char base = '.';
        if (cp >= 0xC0 && cp <= 0xFF) {
            base = kLatin1Base[cp - 0xC0];
        } else if (cp >= 0x100 && cp <= 0x17F) {
            base = kExtendedABase[cp - 0x100];
        }
        if (base == '*') {
            out.append(ligature(cp));
        } else if (base != '.') {
            out.push_back(base);
        } else {
            append_utf8(out, cp);
        }
    });
}

Verdict evaluate(const Activity& activity, ActivityState& state, const Action& action) {
    switch (activity.kind) {
        case ActivityKind::Click:
        case ActivityKind::Scroll:  // the list only makes the target harder to reach, not to click
            return judge_click(activity, action);
        case ActivityKind::DoubleClick:
            return judge_double_click(activity, action);
        case ActivityKind::DragDrop:
            return judge_drop(activity, state, action);
        case ActivityKind::Type:
            return judge_type(activity, action);
        case ActivityKind::Choice:
            return judge_choice(activity, action);
    }
    return ignored();
}

}  // namespace pasapas::core
