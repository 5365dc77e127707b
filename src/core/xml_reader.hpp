#pragma once
// What lesson.xml and scenario.xml readers share: reading an untrusted file within limits,
// refusing bad encodings and DOCTYPEs, parsing with line numbers, and the small checks every
// element goes through (known attributes, text only, required values), each reported as
// "file:line: reason" in plain, translated words. Internal to the core's loaders.
#include "lesson.hpp"
#include "lesson_loader.hpp"
#include "tags.hpp"

#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pasapas::core {

namespace xml {

std::string in_quotes(std::string_view text);
std::string tag(std::string_view name);  // "<name>"

// Authors indent their XML: leading/trailing whitespace goes, inner runs become one space.
// Message bodies keep their paragraphs: a blank line stays a paragraph break ("\n\n"), so a
// simulated e-mail reads like a real one.
std::string collapse_whitespace(std::string_view text, bool keep_paragraphs = false);

// Lower-case letters, digits and dashes: lesson and scenario ids, which are folder names.
bool is_folder_id(std::string_view id);

}  // namespace xml

// The messages that name the kind of file ("a lesson file…", "the scenario folder…").
enum class XmlFileKind : std::uint8_t { Lesson, Scenario };

class XmlReader {
public:
    using Limits = LessonLoader;

    XmlReader(std::filesystem::path file, XmlFileKind kind, std::vector<LoadProblem>& problems);
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;
    virtual ~XmlReader() = default;

    // Reads and parses the file and checks its root element, depth and format attribute against
    // `format_version`. Returns the root, or an empty node after reporting why not.
    pugi::xml_node open(std::string_view root_name, int format_version);

    [[nodiscard]] bool failed() const { return problems_.size() > first_problem_; }
    [[nodiscard]] std::size_t problem_count() const { return problems_.size() - first_problem_; }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }  // canonical folder
    [[nodiscard]] XmlFileKind kind() const { return kind_; }

    void report(int line, std::string reason);

    [[nodiscard]] int line_of(const pugi::xml_node& node) const;
    // pugixml parses in place, so attribute names point into the data and give their own line.
    [[nodiscard]] int line_of(const pugi::xml_node& node, const pugi::xml_attribute& attr) const;

    void check_length(int line, std::string_view text);
    void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed);
    void unknown_element(const pugi::xml_node& child, const pugi::xml_node& parent);
    void stray_text(const pugi::xml_node& text, const pugi::xml_node& parent);
    // Reports every child (element or text) of an element that must be empty.
    void no_children(const pugi::xml_node& node);

    // Concatenated, whitespace-collapsed text of an element that may only hold text.
    std::string text_of(const pugi::xml_node& node, bool keep_paragraphs = false);
    std::string required_text(const pugi::xml_node& node, bool keep_paragraphs = false);

    // Attribute value with whitespace collapsed; reports it when required and missing or blank.
    std::string attribute(const pugi::xml_node& node, const char* name, bool required);
    // true/false attribute (absent means false).
    bool boolean(const pugi::xml_node& node, const char* name);
    // Whole number attribute within [min, max]; nullopt (reported) when absent and required, or invalid.
    std::optional<std::int64_t> integer(const pugi::xml_node& node, const char* name, bool required,
                                        std::int64_t min, std::int64_t max);

    void invalid_value(const pugi::xml_node& node, const pugi::xml_attribute& attr,
                       std::string_view expected);
    void missing_child(const pugi::xml_node& parent, std::string_view child);
    void duplicate_child(const pugi::xml_node& child, const pugi::xml_node& parent);

    // The id attribute of the root: folder-id shaped and equal to the folder's name.
    std::string root_id(const pugi::xml_node& root);

    int parse_minutes(const pugi::xml_node& node);
    LessonLevel parse_level(const pugi::xml_node& node);
    std::string parse_code(const pugi::xml_node& node, const std::vector<TagEntry>& list,
                           std::string_view pattern);
    std::string parse_theme(const pugi::xml_node& node);
    void parse_tags(const pugi::xml_node& node, LessonTags& tags);

    // The metadata every lesson and scenario file opens with, in the order missing ones are
    // reported.
    static constexpr std::array<const char*, 6> kMetadata{"title", "summary", "minutes",
                                                          "level", "theme",   "tags"};
    static bool is_metadata(std::string_view name);
    // Reads child into item (a Lesson or a Scenario) when it is metadata; false otherwise.
    template <typename Item>
    bool parse_metadata(const pugi::xml_node& child, Item& item) {
        const std::string_view name = child.name();
        if (name == "title") {
            item.title = required_text(child);
        } else if (name == "summary") {
            item.summary = required_text(child);
        } else if (name == "minutes") {
            item.minutes = parse_minutes(child);
        } else if (name == "level") {
            item.level = parse_level(child);
        } else if (name == "theme") {
            item.theme = parse_theme(child);
        } else if (name == "tags") {
            parse_tags(child, item.tags);
        } else {
            return false;
        }
        return true;
    }

    // The picture named by the attribute `src_name` of node, checked to be a .png/.svg/.jpg
    // file inside the folder and not too large; nullopt (reported) otherwise.
    std::optional<std::filesystem::path> picture(const pugi::xml_node& node, const char* src_name = "src");

private:
    std::filesystem::path file_;
    XmlFileKind kind_;
    std::vector<LoadProblem>& problems_;
    std::size_t first_problem_;
    std::string data_;
    std::vector<std::size_t> newlines_;
    pugi::xml_document doc_;
    std::filesystem::path dir_;

    [[nodiscard]] int line_at(std::size_t offset) const;
    bool read_file();
    bool check_bytes();
    bool check_depth(const pugi::xml_node& root);
    bool check_format(const pugi::xml_node& root, int format_version);
};

}  // namespace pasapas::core
