#pragma once
// The lesson model: what lessons/<id>/lesson.xml describes once it has been validated.
// Plain data, no behaviour: the loader builds it, activity_rules judges actions against it,
// the UI draws it. Text is the lesson's own language (French); the UI passes it through the
// "pasapas-lessons" catalog before showing it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

inline constexpr int kLessonFormatVersion = 1;

enum class ActivityKind : std::uint8_t {
    Click,        // click the right target among several
    DoubleClick,  // double-click the right target (a single click is a typical mistake)
    DragDrop,     // drag every item onto its zone
    Scroll,       // scroll a long list to find and click one item
    Type,         // type a text, with rules for case, accents and how to validate it
    Choice,       // pick the right answer(s)
};

// A clickable thing: click/double-click target, an entry of a scroll list, an answer of a choice.
struct Option {
    std::string id;
    std::string label;
    bool correct = false;
    std::string feedback;  // shown when this option is picked (why it is right or wrong)
};

struct DragItem {
    std::string id;
    std::string label;
    std::string zone;  // id of the zone it belongs to
};

struct DropZone {
    std::string id;
    std::string label;
};

struct TypeRule {
    std::string expected;
    bool ignore_case = false;
    bool ignore_accents = false;
    bool trim = true;                // spaces around the text do not count
    std::string initial;             // text already in the box (to practise Effacer)
    bool submit_with_enter = false;  // the step is validated by pressing Entrée
};

struct Activity {
    ActivityKind kind = ActivityKind::Click;
    std::vector<Option> options;  // Click, DoubleClick, Scroll, Choice
    bool multiple = false;        // Choice: every correct option must be picked
    std::vector<DragItem> items;  // DragDrop
    std::vector<DropZone> zones;  // DragDrop
    TypeRule type;                // Type
    // Feedback for typical mistakes, keyed by mistake (see activity_rules.hpp for the keys).
    std::map<std::string, std::string> feedback;
    std::string success;  // said when the step is done
};

enum class MediaKind : std::uint8_t { Image, Sms, Email };

struct Media {
    MediaKind kind = MediaKind::Image;
    std::filesystem::path file;  // Image: absolute path, checked to exist at load time
    std::string alt;             // Image: text for screen readers and read-aloud
    std::string from;            // Sms/Email: sender as displayed
    std::string subject;         // Email
    std::string body;            // Sms/Email
};

struct Step {
    std::string id;
    std::string instruction;
    std::optional<Media> media;
    Activity activity;
    std::vector<std::string> hints;  // from vague to explicit
    int line = 0;                    // line of <step> in lesson.xml, for messages
};

struct LessonTags {
    std::vector<std::string> digcomp;  // DigComp 2.2 competence codes, e.g. "1.1"
    std::vector<std::string> pix;      // Pix competence codes, e.g. "5.2"
    std::vector<std::string> coop;     // La Coop thématique ids, e.g. "prendre_en_main_du_materiel"
};

enum class LessonLevel : std::uint8_t { Beginner, Intermediate, Advanced };

struct Lesson {
    std::string id;  // equals the folder name
    int format_version = kLessonFormatVersion;
    std::string title;
    std::string summary;
    int minutes = 0;
    LessonLevel level = LessonLevel::Beginner;
    std::string theme;  // the La Coop thématique id the home screen groups it under
    LessonTags tags;
    std::vector<Step> steps;
    std::filesystem::path dir;
};

}  // namespace pasapas::core
