#include "lesson_loader.hpp"

#include "scenario_loader.hpp"
#include "tags.hpp"
#include "translate.hpp"
#include "xml_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string_view>
#include <system_error>
#include <utility>

namespace pasapas::core {

std::string LoadProblem::to_string() const {
    std::string out = file.string();
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    out += ": ";
    out += reason;
    return out;
}

namespace {

namespace fs = std::filesystem;
using xml::collapse_whitespace;
using xml::in_quotes;
using xml::tag;

struct ActivityName {
    std::string_view name;
    ActivityKind kind;
    std::initializer_list<std::string_view> feedback_keys;
    std::string_view keys_text;  // for messages
};

const ActivityName kActivities[] = {
    {"click", ActivityKind::Click, {"miss", "wrong-target"}, "miss, wrong-target"},
    {"double-click",
     ActivityKind::DoubleClick,
     {"miss", "wrong-target", "single-click"},
     "miss, wrong-target, single-click"},
    {"drag", ActivityKind::DragDrop, {"miss", "wrong-zone"}, "miss, wrong-zone"},
    {"scroll", ActivityKind::Scroll, {"miss", "wrong-target"}, "miss, wrong-target"},
    {"type",
     ActivityKind::Type,
     {"case", "accents", "spaces", "different", "empty", "use-enter"},
     "case, accents, spaces, different, empty, use-enter"},
    {"choice", ActivityKind::Choice, {"wrong-choice", "incomplete"}, "wrong-choice, incomplete"},
};

const ActivityName* find_activity(std::string_view name) {
    for (const auto& a : kActivities) {
        if (a.name == name) {
            return &a;
        }
    }
    return nullptr;
}

bool is_step_element(std::string_view name) {
    return name == "instruction" || name == "image" || name == "sms" || name == "email" || name == "hint";
}

class FileLoader : public XmlReader {
public:
    FileLoader(fs::path file, std::vector<LoadProblem>& problems)
        : XmlReader(std::move(file), XmlFileKind::Lesson, problems) {}

    std::optional<Lesson> load();

private:
    void parse_lesson(const pugi::xml_node& root, Lesson& lesson);
    void parse_steps(const pugi::xml_node& node, std::vector<Step>& steps);
    void parse_step(const pugi::xml_node& node, Step& step);
    std::optional<Media> parse_media(const pugi::xml_node& node);
    void parse_activity(const pugi::xml_node& node, const ActivityName& name, Activity& activity);
    bool parse_common(const pugi::xml_node& child, const ActivityName& name, Activity& activity,
                      std::map<std::string, int>& feedback_lines, bool& seen_success);
    Option parse_option(const pugi::xml_node& node);
    void check_option_ids(const pugi::xml_node& activity, std::map<std::string, int>& ids,
                          const std::string& id, const pugi::xml_node& node);
};

std::optional<Lesson> FileLoader::load() {
    const auto root = open("lesson", kLessonFormatVersion);
    if (!root) {
        return std::nullopt;
    }
    Lesson lesson;
    lesson.dir = dir();
    parse_lesson(root, lesson);
    if (failed()) {
        return std::nullopt;
    }
    return lesson;
}

void FileLoader::parse_lesson(const pugi::xml_node& root, Lesson& lesson) {
    check_attributes(root, {"id", "format"});
    lesson.id = root_id(root);
    lesson.format_version = kLessonFormatVersion;

    std::map<std::string_view, bool> seen;
    for (const auto& child : root.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, root);
            continue;
        }
        const std::string_view name = child.name();
        if (!is_metadata(name) && name != "steps") {
            unknown_element(child, root);
            continue;
        }
        if (seen[name]) {
            duplicate_child(child, root);
            continue;
        }
        seen[name] = true;
        check_attributes(child, {});
        if (!parse_metadata(child, lesson)) {
            parse_steps(child, lesson.steps);
        }
    }
    for (const char* name : kMetadata) {
        if (!seen[name]) {
            missing_child(root, name);
        }
    }
    if (!seen["steps"]) {
        missing_child(root, "steps");
    }
}

void FileLoader::parse_steps(const pugi::xml_node& node, std::vector<Step>& steps) {
    std::map<std::string, int> ids;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        if (std::string_view(child.name()) != "step") {
            unknown_element(child, node);
            continue;
        }
        if (steps.size() == Limits::kMaxSteps) {
            report(line_of(child),
                   fmt(tr("a lesson may have at most {0} steps"), {std::to_string(Limits::kMaxSteps)}));
            return;
        }
        Step step;
        parse_step(child, step);
        if (!step.id.empty()) {
            const auto [it, inserted] = ids.emplace(step.id, step.line);
            if (!inserted) {
                report(step.line, fmt(tr("two steps have the id {0} (the other one is on line {1})"),
                                      {in_quotes(step.id), std::to_string(it->second)}));
            }
        }
        steps.push_back(std::move(step));
    }
    if (steps.empty()) {
        missing_child(node, "step");
    }
}

void FileLoader::parse_step(const pugi::xml_node& node, Step& step) {
    step.line = line_of(node);
    check_attributes(node, {"id"});
    step.id = attribute(node, "id", true);
    bool has_instruction = false;
    const ActivityName* activity = nullptr;
    std::vector<pugi::xml_node> unknown;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        const std::string_view name = child.name();
        if (name == "instruction") {
            if (has_instruction) {
                duplicate_child(child, node);
                continue;
            }
            has_instruction = true;
            check_attributes(child, {});
            step.instruction = required_text(child);
        } else if (name == "hint") {
            check_attributes(child, {});
            step.hints.push_back(required_text(child));
        } else if (name == "image" || name == "sms" || name == "email") {
            if (step.media) {
                report(
                    line_of(child),
                    fmt(tr("a step may show only one picture or message; {0} is a second one"), {tag(name)}));
                continue;
            }
            step.media = parse_media(child);
            if (!step.media) {
                step.media.emplace();  // so that a second broken medium is still reported as a second one
            }
        } else if (const auto* kind = find_activity(name)) {
            if (activity != nullptr) {
                report(line_of(child),
                       fmt(tr("a step holds exactly one activity; {0} is a second one"), {tag(name)}));
                continue;
            }
            activity = kind;
            parse_activity(child, *kind, step.activity);
        } else {
            unknown.push_back(child);
        }
    }
    for (const auto& child : unknown) {
        // With no activity at all, an unknown element is most likely a misspelt activity.
        if (activity == nullptr && !is_step_element(child.name())) {
            report(
                line_of(child),
                fmt(tr("unknown activity {0} (expected click, double-click, drag, scroll, type or choice)"),
                    {in_quotes(child.name())}));
        } else {
            unknown_element(child, node);
        }
    }
    if (!has_instruction) {
        missing_child(node, "instruction");
    }
    if (activity == nullptr && unknown.empty()) {
        report(step.line, tr("<step> needs an activity: click, double-click, drag, scroll, type or choice"));
    }
    if (step.hints.empty()) {
        missing_child(node, "hint");
    }
}

std::optional<Media> FileLoader::parse_media(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    Media media;
    const auto problems_before = problem_count();
    if (name == "image") {
        media.kind = MediaKind::Image;
        check_attributes(node, {"src", "alt"});
        media.alt = attribute(node, "alt", true);
        no_children(node);
        auto file = picture(node);
        if (!file) {
            return std::nullopt;
        }
        media.file = std::move(*file);
    } else if (name == "sms") {
        media.kind = MediaKind::Sms;
        check_attributes(node, {"from"});
        media.from = attribute(node, "from", true);
        media.body = required_text(node, true);
    } else {
        media.kind = MediaKind::Email;
        check_attributes(node, {"from", "subject"});
        media.from = attribute(node, "from", true);
        media.subject = attribute(node, "subject", true);
        media.body = required_text(node, true);
    }
    if (problem_count() != problems_before) {
        return std::nullopt;
    }
    return media;
}

Option FileLoader::parse_option(const pugi::xml_node& node) {
    check_attributes(node, {"id", "label", "correct", "feedback"});
    Option option;
    option.id = attribute(node, "id", true);
    option.label = attribute(node, "label", true);
    option.correct = boolean(node, "correct");
    option.feedback = attribute(node, "feedback", false);
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_element) {
            unknown_element(child, node);
        } else {
            stray_text(child, node);
        }
    }
    return option;
}

void FileLoader::check_option_ids(const pugi::xml_node& activity, std::map<std::string, int>& ids,
                                  const std::string& id, const pugi::xml_node& node) {
    if (id.empty()) {
        return;
    }
    const int line = line_of(node);
    const auto [it, inserted] = ids.emplace(id, line);
    if (!inserted) {
        report(line, fmt(tr("two elements of {0} have the id {1} (the other one is on line {2})"),
                         {tag(activity.name()), in_quotes(id), std::to_string(it->second)}));
    }
}

bool FileLoader::parse_common(const pugi::xml_node& child, const ActivityName& name, Activity& activity,
                              std::map<std::string, int>& feedback_lines, bool& seen_success) {
    const std::string_view element = child.name();
    if (element == "success") {
        check_attributes(child, {});
        if (seen_success) {
            duplicate_child(child, child.parent());
            return true;
        }
        seen_success = true;
        activity.success = required_text(child);
        return true;
    }
    if (element != "feedback") {
        return false;
    }
    check_attributes(child, {"on"});
    const auto key = attribute(child, "on", true);
    auto text = required_text(child);
    if (key.empty()) {
        return true;
    }
    if (std::find(name.feedback_keys.begin(), name.feedback_keys.end(), key) == name.feedback_keys.end()) {
        report(line_of(child, child.attribute("on")),
               fmt(tr("feedback on={0} does not apply to {1} (it accepts {2})"),
                   {in_quotes(key), tag(name.name), name.keys_text}));
        return true;
    }
    const int line = line_of(child);
    const auto [it, inserted] = feedback_lines.emplace(key, line);
    if (!inserted) {
        report(line, fmt(tr("two feedbacks on={0} in {1} (the other one is on line {2})"),
                         {in_quotes(key), tag(name.name), std::to_string(it->second)}));
        return true;
    }
    activity.feedback.emplace(key, std::move(text));
    return true;
}

void FileLoader::parse_activity(const pugi::xml_node& node, const ActivityName& name, Activity& activity) {
    activity.kind = name.kind;
    const int line = line_of(node);
    switch (name.kind) {
        case ActivityKind::Choice:
            check_attributes(node, {"multiple"});
            activity.multiple = boolean(node, "multiple");
            break;
        case ActivityKind::Type:
            check_attributes(node, {"expected", "case", "accents", "spaces", "initial", "validate"});
            break;
        default:
            check_attributes(node, {});
            break;
    }

    const std::string_view option_name = name.kind == ActivityKind::Choice ? "answer" : "target";
    const bool takes_options = name.kind == ActivityKind::Click || name.kind == ActivityKind::DoubleClick ||
                               name.kind == ActivityKind::Scroll || name.kind == ActivityKind::Choice;
    std::map<std::string, int> ids;
    std::map<std::string, int> zone_ids;
    std::map<std::string, int> feedback_lines;
    std::vector<int> item_lines;
    bool seen_success = false;
    bool too_many = false;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        if (parse_common(child, name, activity, feedback_lines, seen_success)) {
            continue;
        }
        const std::string_view element = child.name();
        const std::size_t count = activity.options.size() + activity.items.size() + activity.zones.size();
        const bool counted =
            (takes_options && element == option_name) ||
            (name.kind == ActivityKind::DragDrop && (element == "zone" || element == "item"));
        if (counted && count >= Limits::kMaxOptions) {
            if (!too_many) {
                report(line_of(child), fmt(tr("{0} may hold at most {1} targets, answers, zones or items"),
                                           {tag(name.name), std::to_string(Limits::kMaxOptions)}));
                too_many = true;
            }
            continue;
        }
        if (takes_options && element == option_name) {
            auto option = parse_option(child);
            check_option_ids(node, ids, option.id, child);
            activity.options.push_back(std::move(option));
        } else if (name.kind == ActivityKind::DragDrop && element == "zone") {
            check_attributes(child, {"id", "label"});
            DropZone zone{attribute(child, "id", true), attribute(child, "label", true)};
            check_option_ids(node, zone_ids, zone.id, child);
            activity.zones.push_back(std::move(zone));
        } else if (name.kind == ActivityKind::DragDrop && element == "item") {
            check_attributes(child, {"id", "label", "zone"});
            DragItem item{attribute(child, "id", true), attribute(child, "label", true),
                          attribute(child, "zone", true)};
            check_option_ids(node, ids, item.id, child);
            activity.items.push_back(std::move(item));
            item_lines.push_back(line_of(child));
        } else {
            unknown_element(child, node);
        }
    }

    const auto correct = static_cast<std::size_t>(std::count_if(
        activity.options.begin(), activity.options.end(), [](const Option& o) { return o.correct; }));
    switch (name.kind) {
        case ActivityKind::Click:
        case ActivityKind::DoubleClick:
            if (activity.options.empty()) {
                missing_child(node, "target");
            } else if (correct == 0) {
                report(line,
                       fmt(tr("{0} needs at least one target with correct=\"true\""), {tag(name.name)}));
            }
            break;
        case ActivityKind::Scroll:
            if (activity.options.size() < 8) {
                report(line, fmt(tr("<scroll> needs at least 8 targets (it has {0}), so that the list must "
                                    "be scrolled"),
                                 {std::to_string(activity.options.size())}));
            }
            if (correct != 1) {
                report(line, fmt(tr("<scroll> needs exactly one target with correct=\"true\" (it has {0})"),
                                 {std::to_string(correct)}));
            }
            break;
        case ActivityKind::Choice:
            if (activity.options.size() < 2) {
                report(line, fmt(tr("<choice> needs at least 2 answers (it has {0})"),
                                 {std::to_string(activity.options.size())}));
            }
            if (correct == 0) {
                report(line, tr("<choice> needs at least one answer with correct=\"true\""));
            }
            break;
        case ActivityKind::DragDrop:
            if (activity.zones.empty()) {
                missing_child(node, "zone");
            }
            if (activity.items.empty()) {
                missing_child(node, "item");
            }
            for (std::size_t i = 0; i < activity.items.size(); ++i) {
                const auto& item = activity.items[i];
                if (!item.zone.empty() && zone_ids.find(item.zone) == zone_ids.end()) {
                    report(item_lines[i],
                           fmt(tr("item {0} goes to zone {1}, but there is no zone with that id"),
                               {in_quotes(item.id), in_quotes(item.zone)}));
                }
            }
            break;
        case ActivityKind::Type: {
            auto& rule = activity.type;
            const auto expected = node.attribute("expected");
            rule.expected = expected.value();
            if (!expected) {
                report(line, tr("<type> needs an expected attribute: the text the learner must type"));
            } else if (collapse_whitespace(rule.expected).empty()) {
                report(line_of(node, expected), tr("expected on <type> is empty"));
            }
            rule.initial = node.attribute("initial").value();
            const auto choice = [&](const char* attr_name, std::string_view first, std::string_view second,
                                    bool& first_value, bool default_first) {
                const auto attr = node.attribute(attr_name);
                first_value = default_first;
                if (!attr) {
                    return;
                }
                const std::string_view value = attr.value();
                if (value == first) {
                    first_value = true;
                } else if (value == second) {
                    first_value = false;
                } else {
                    invalid_value(node, attr, std::string(first) + ", " + std::string(second));
                }
            };
            bool exact_case = true;
            bool exact_accents = true;
            choice("case", "exact", "ignore", exact_case, true);
            choice("accents", "exact", "ignore", exact_accents, true);
            choice("spaces", "trim", "exact", rule.trim, true);
            bool button = true;
            choice("validate", "button", "enter", button, true);
            rule.ignore_case = !exact_case;
            rule.ignore_accents = !exact_accents;
            rule.submit_with_enter = !button;
            break;
        }
    }
}

}  // namespace

LoadResult LessonLoader::load_file(const std::filesystem::path& lesson_xml) const {
    LoadResult result;
    FileLoader loader(lesson_xml, result.problems);
    if (auto lesson = loader.load()) {
        result.lessons.push_back(std::move(*lesson));
    }
    return result;
}

LoadResult LessonLoader::load_directory(const std::filesystem::path& dir) const {
    LoadResult result;
    std::error_code error;
    const auto status = fs::status(dir, error);
    if (error || !fs::exists(status)) {
        result.problems.push_back({dir, 0, tr("the lessons folder does not exist")});
        return result;
    }
    if (!fs::is_directory(status)) {
        result.problems.push_back({dir, 0, tr("this is not a folder")});
        return result;
    }
    std::vector<fs::path> folders;
    fs::directory_iterator it(dir, error);
    if (error) {
        result.problems.push_back({dir, 0, tr("the lessons folder cannot be read")});
        return result;
    }
    for (const auto& entry : it) {
        std::error_code entry_error;
        if (entry.is_directory(entry_error)) {
            folders.push_back(entry.path());
        }
    }
    // Folder order is the id order for good lessons, and keeps the problem list stable.
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        std::error_code folder_error;
        const auto lesson_file = folder / "lesson.xml";
        const auto scenario_file = folder / "scenario.xml";
        const bool has_lesson = fs::exists(lesson_file, folder_error);
        const bool has_scenario = fs::exists(scenario_file, folder_error);
        if (has_lesson && has_scenario) {
            // Neither is loaded: which one the author meant is a guess the app must not make.
            result.problems.push_back(
                {folder, 0, tr("this folder holds both a lesson.xml and a scenario.xml; keep only one")});
        } else if (has_scenario) {
            auto loaded = ScenarioLoader{}.load_file(scenario_file);
            std::move(loaded.scenarios.begin(), loaded.scenarios.end(), std::back_inserter(result.scenarios));
            std::move(loaded.problems.begin(), loaded.problems.end(), std::back_inserter(result.problems));
        } else if (has_lesson) {
            FileLoader loader(lesson_file, result.problems);
            if (auto lesson = loader.load()) {
                result.lessons.push_back(std::move(*lesson));
            }
        }
    }
    std::sort(result.lessons.begin(), result.lessons.end(),
              [](const Lesson& a, const Lesson& b) { return a.id < b.id; });
    std::sort(result.scenarios.begin(), result.scenarios.end(),
              [](const Scenario& a, const Scenario& b) { return a.id < b.id; });
    return result;
}

}  // namespace pasapas::core
