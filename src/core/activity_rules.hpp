#pragma once
// Judges what a learner did against a step's activity. Pure logic, no clock, no storage:
// the UI turns real mouse and keyboard events into Actions, the rules say whether they
// succeed and which typical mistake they are.
#include "lesson.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pasapas::core {

// Mistake keys, also the keys of Activity::feedback in lesson.xml (<feedback on="...">).
namespace mistake {
inline constexpr std::string_view kMiss = "miss";                 // clicked beside every target
inline constexpr std::string_view kWrongTarget = "wrong-target";  // clicked another target
inline constexpr std::string_view kSingleClick = "single-click";  // one click where two were needed
inline constexpr std::string_view kWrongZone = "wrong-zone";      // dropped on the wrong zone
inline constexpr std::string_view kCase = "case";                 // right letters, wrong capitals
inline constexpr std::string_view kAccents = "accents";           // right letters, missing/wrong accents
inline constexpr std::string_view kSpaces = "spaces";             // extra or missing spaces
inline constexpr std::string_view kDifferent = "different";       // another text
inline constexpr std::string_view kEmpty = "empty";               // validated an empty box
inline constexpr std::string_view kWrongChoice = "wrong-choice";  // picked a wrong answer
inline constexpr std::string_view kIncomplete = "incomplete";     // multiple choice: some right ones missing
inline constexpr std::string_view kUseEnter = "use-enter";        // right text, not validated with Entrée
}  // namespace mistake

struct Action {
    enum class Type : std::uint8_t {
        Click,        // target = option id, or empty for a click beside every target
        DoubleClick,  // target = option id, or empty
        Drop,         // target = item id, zone = zone id (empty: dropped outside every zone)
        Text,         // text = what is in the box, on validation (button or Entrée)
        Choose,       // chosen = the picked option ids
    };
    Type type = Type::Click;
    std::string target;
    std::string zone;
    std::string text;
    std::vector<std::string> chosen;
    bool via_enter = false;  // Text: validated with the Entrée key
};

// What the learner has achieved so far in a multi-action step (drag and drop).
struct ActivityState {
    std::set<std::string> placed;  // items already dropped on their zone
};

struct Verdict {
    bool correct = false;        // this action was right
    bool step_complete = false;  // the step's success rule is now met
    std::string mistake;         // one of mistake::k…, empty when correct
    std::string feedback;        // kind words for the learner: the lesson's own, else a default (translated)
};

[[nodiscard]] Verdict evaluate(const Activity& activity, ActivityState& state, const Action& action);

// Text comparison helpers, exposed for tests and for the type activity's live hints.
// Lower-case, accents kept (Latin-1 and Latin Extended-A). Other code points and invalid
// UTF-8 bytes pass through unchanged.
[[nodiscard]] std::string fold_case(std::string_view utf8);
[[nodiscard]] std::string strip_accents(std::string_view utf8);  // é→e, Ç→C, œ→oe…

}  // namespace pasapas::core
