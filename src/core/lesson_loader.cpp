#include "lesson_loader.hpp"

#include "tags.hpp"
#include "translate.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <initializer_list>
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

// Past this many problems in one file the rest is noise (a hostile or badly damaged file).
constexpr std::size_t kMaxProblemsPerFile = 50;

std::string in_quotes(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

std::string tag(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 2);
    out += '<';
    out += name;
    out += '>';
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Authors indent their XML: leading/trailing whitespace goes, inner runs become one space.
// Message bodies keep their paragraphs: a blank line stays a paragraph break ("\n\n"), so a
// simulated e-mail reads like a real one.
std::string collapse_whitespace(std::string_view text, bool keep_paragraphs = false) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    int newlines = 0;
    for (const char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            newlines += c == '\n' ? 1 : 0;
            continue;
        }
        if (pending_space) {
            out += keep_paragraphs && newlines >= 2 ? "\n\n" : " ";
            pending_space = false;
        }
        newlines = 0;
        out += c;
    }
    return out;
}

std::size_t count_chars(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++n;
        }
    }
    return n;
}

// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and code points
// past U+10FFFF included), or npos. pugixml would silently accept such bytes.
std::size_t invalid_utf8_offset(std::string_view data) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    const std::size_t size = data.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned b = bytes[i];
        if (b < 0x80U) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned low = 0x80U;
        unsigned high = 0xBFU;
        if (b >= 0xC2U && b <= 0xDFU) {
            length = 2;
        } else if (b >= 0xE0U && b <= 0xEFU) {
            length = 3;
            if (b == 0xE0U) {
                low = 0xA0U;
            } else if (b == 0xEDU) {
                high = 0x9FU;
            }
        } else if (b >= 0xF0U && b <= 0xF4U) {
            length = 4;
            if (b == 0xF0U) {
                low = 0x90U;
            } else if (b == 0xF4U) {
                high = 0x8FU;
            }
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const unsigned c = bytes[i + k];
            const unsigned lo = k == 1 ? low : 0x80U;
            const unsigned hi = k == 1 ? high : 0xBFU;
            if (c < lo || c > hi) {
                return i;
            }
        }
        i += length;
    }
    return std::string_view::npos;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) {
                   return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
               };
               return lower(x) == lower(y);
           });
}

// The value of encoding="…" in an XML declaration at the start of data, if any.
std::optional<std::string_view> declared_encoding(std::string_view data) {
    if (data.substr(0, 5) != "<?xml" || data.size() < 6 || !is_space(data[5])) {
        return std::nullopt;
    }
    const auto end = data.find("?>");
    if (end == std::string_view::npos) {
        return std::nullopt;  // the parser reports the broken declaration
    }
    const auto decl = data.substr(0, end);
    auto pos = decl.find("encoding");
    if (pos == std::string_view::npos) {
        return std::nullopt;
    }
    pos += 8;
    while (pos < decl.size() && (is_space(decl[pos]) || decl[pos] == '=')) {
        ++pos;
    }
    if (pos >= decl.size() || (decl[pos] != '"' && decl[pos] != '\'')) {
        return std::nullopt;
    }
    const char quote = decl[pos];
    const auto close = decl.find(quote, pos + 1);
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    return decl.substr(pos + 1, close - pos - 1);
}

bool is_lesson_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string parse_error_reason(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_unrecognized_tag:
        case pugi::status_bad_start_element:
            return tr("the XML is malformed: a tag is not written correctly");
        case pugi::status_bad_attribute:
            return tr("the XML is malformed: an attribute is not written correctly (check its quotes)");
        case pugi::status_end_element_mismatch:
            return tr("the XML is malformed: a closing tag does not match the tag it closes");
        case pugi::status_bad_end_element:
            return tr("the XML is malformed: a closing tag is not written correctly");
        case pugi::status_bad_comment:
            return tr("the XML is malformed: a comment is not closed (it must end with -->)");
        case pugi::status_bad_cdata:
        case pugi::status_bad_pcdata:
            return tr("the XML is malformed: some text is not written correctly");
        case pugi::status_bad_pi:
            return tr("the XML is malformed: the <?xml … ?> line is not written correctly");
        case pugi::status_no_document_element:
            return tr("the file holds no XML element");
        default:
            return tr("the XML is malformed");
    }
}

// Maps byte offsets to 1-based line numbers; built once per file, queried by binary search.
class LineIndex {
public:
    explicit LineIndex(std::string_view data) {
        const char* begin = data.data();
        const char* end = begin + data.size();
        for (const char* p = begin; p < end;) {
            const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (found == nullptr) {
                break;
            }
            const char* nl = static_cast<const char*>(found);
            newlines_.push_back(static_cast<std::size_t>(nl - begin));
            p = nl + 1;
        }
    }
    [[nodiscard]] int line_of(std::size_t offset) const {
        const auto it = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
        return static_cast<int>(it - newlines_.begin()) + 1;
    }

private:
    std::vector<std::size_t> newlines_;
};

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

class FileLoader {
public:
    FileLoader(fs::path file, std::vector<LoadProblem>& problems)
        : file_(std::move(file)), problems_(problems), first_problem_(problems.size()) {}

    std::optional<Lesson> load();

private:
    using Limits = LessonLoader;

    fs::path file_;
    std::vector<LoadProblem>& problems_;
    std::size_t first_problem_;
    std::string data_;
    std::optional<LineIndex> lines_;
    fs::path dir_;  // canonical lesson folder

    [[nodiscard]] bool failed() const { return problems_.size() > first_problem_; }

    void report(int line, std::string reason) {
        const std::size_t mine = problems_.size() - first_problem_;
        if (mine > kMaxProblemsPerFile) {
            return;
        }
        if (mine == kMaxProblemsPerFile) {
            problems_.push_back({file_, line, tr("too many problems; fix these first, then check again")});
            return;
        }
        problems_.push_back({file_, line, std::move(reason)});
    }

    [[nodiscard]] int line_at(std::size_t offset) const { return lines_ ? lines_->line_of(offset) : 0; }

    [[nodiscard]] int line_of(const pugi::xml_node& node) const {
        const auto offset = node.offset_debug();
        return offset < 0 ? 0 : line_at(static_cast<std::size_t>(offset));
    }

    // pugixml parses in place, so attribute names point into data_ and give their own line.
    [[nodiscard]] int line_of(const pugi::xml_node& node, const pugi::xml_attribute& attr) const {
        const char* name = attr.name();
        if (name >= data_.data() && name < data_.data() + data_.size()) {
            return line_at(static_cast<std::size_t>(name - data_.data()));
        }
        return line_of(node);
    }

    bool read_file();
    bool check_bytes();
    bool check_depth(const pugi::xml_node& root);

    void check_length(int line, std::string_view text) {
        const auto n = count_chars(text);
        if (n > Limits::kMaxTextChars) {
            report(line, fmt(tr("this text has {0} characters; the limit is {1}"),
                             {std::to_string(n), std::to_string(Limits::kMaxTextChars)}));
        }
    }

    void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed) {
        for (const auto& attr : node.attributes()) {
            const std::string_view name = attr.name();
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                report(line_of(node, attr),
                       fmt(tr("unknown attribute {0} on {1}"), {name, tag(node.name())}));
            } else {
                check_length(line_of(node, attr), attr.value());
            }
        }
    }

    void unknown_element(const pugi::xml_node& child, const pugi::xml_node& parent) {
        report(line_of(child),
               fmt(tr("unknown element {0} in {1}"), {tag(child.name()), tag(parent.name())}));
    }

    void stray_text(const pugi::xml_node& text, const pugi::xml_node& parent) {
        if (!collapse_whitespace(text.value()).empty()) {
            report(line_of(text), fmt(tr("text is not allowed directly in {0}"), {tag(parent.name())}));
        }
    }

    // Concatenated, whitespace-collapsed text of an element that may only hold text.
    std::string text_of(const pugi::xml_node& node, bool keep_paragraphs = false) {
        std::string raw;
        for (const auto& child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                raw += child.value();
            } else if (child.type() == pugi::node_element) {
                unknown_element(child, node);
            }
        }
        auto text = collapse_whitespace(raw, keep_paragraphs);
        check_length(line_of(node), text);
        return text;
    }

    std::string required_text(const pugi::xml_node& node, bool keep_paragraphs = false) {
        auto text = text_of(node, keep_paragraphs);
        if (text.empty()) {
            report(line_of(node), fmt(tr("{0} is empty"), {tag(node.name())}));
        }
        return text;
    }

    // Attribute value with whitespace collapsed; reports it when required and missing or blank.
    std::string attribute(const pugi::xml_node& node, const char* name, bool required) {
        const auto attr = node.attribute(name);
        auto value = collapse_whitespace(attr.value());
        if (required && value.empty()) {
            report(line_of(node), attr ? fmt(tr("{0} on {1} is empty"), {name, tag(node.name())})
                                       : fmt(tr("{0} has no {1} attribute"), {tag(node.name()), name}));
        }
        return value;
    }

    // true/false attribute (absent means false).
    bool boolean(const pugi::xml_node& node, const char* name) {
        const auto attr = node.attribute(name);
        if (!attr) {
            return false;
        }
        const std::string_view value = attr.value();
        if (value == "true") {
            return true;
        }
        if (value != "false") {
            invalid_value(node, attr, "true, false");
        }
        return false;
    }

    void invalid_value(const pugi::xml_node& node, const pugi::xml_attribute& attr,
                       std::string_view expected) {
        report(line_of(node, attr), fmt(tr("{0}={1} on {2} is not valid (expected {3})"),
                                        {attr.name(), in_quotes(attr.value()), tag(node.name()), expected}));
    }

    void missing_child(const pugi::xml_node& parent, std::string_view child) {
        report(line_of(parent), fmt(tr("{0} has no {1}"), {tag(parent.name()), tag(child)}));
    }

    void duplicate_child(const pugi::xml_node& child, const pugi::xml_node& parent) {
        report(line_of(child),
               fmt(tr("{0} appears more than once in {1}"), {tag(child.name()), tag(parent.name())}));
    }

    bool check_format(const pugi::xml_node& root);
    void parse_lesson(const pugi::xml_node& root, Lesson& lesson);
    int parse_minutes(const pugi::xml_node& node);
    LessonLevel parse_level(const pugi::xml_node& node);
    std::string parse_code(const pugi::xml_node& node, const std::vector<TagEntry>& list,
                           std::string_view pattern);
    void parse_tags(const pugi::xml_node& node, LessonTags& tags);
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

bool FileLoader::read_file() {
    std::error_code error;
    const auto status = fs::status(file_, error);
    if (error || !fs::exists(status)) {
        report(0, tr("the file does not exist"));
        return false;
    }
    if (!fs::is_regular_file(status)) {
        report(0, tr("this is not a file"));
        return false;
    }
    const auto size = fs::file_size(file_, error);
    if (error) {
        report(0, tr("the file cannot be read"));
        return false;
    }
    if (size > Limits::kMaxFileBytes) {
        report(0, fmt(tr("the file is too large ({0} bytes; a lesson file may have at most {1} bytes)"),
                      {std::to_string(size), std::to_string(Limits::kMaxFileBytes)}));
        return false;
    }
    std::FILE* in = std::fopen(file_.c_str(), "rb");
    if (in == nullptr) {
        report(0, tr("the file cannot be read"));
        return false;
    }
    // Sized from the file, plus one byte to notice a file that grew since its size was read
    // (then read on, up to one byte past the limit). Never a 1 MiB buffer for a 5 KiB file.
    data_.resize(static_cast<std::size_t>(size) + 1);
    std::size_t got = std::fread(data_.data(), 1, data_.size(), in);
    if (got == data_.size() && got <= Limits::kMaxFileBytes) {
        data_.resize(static_cast<std::size_t>(Limits::kMaxFileBytes) + 1);
        got += std::fread(data_.data() + got, 1, data_.size() - got, in);
    }
    const bool read_error = std::ferror(in) != 0;
    std::fclose(in);
    if (read_error) {
        report(0, tr("the file cannot be read"));
        return false;
    }
    data_.resize(got);
    if (got > Limits::kMaxFileBytes) {
        report(0, fmt(tr("the file is too large ({0} bytes; a lesson file may have at most {1} bytes)"),
                      {std::to_string(got), std::to_string(Limits::kMaxFileBytes)}));
        return false;
    }
    return true;
}

bool FileLoader::check_bytes() {
    const std::string_view data = data_;
    if (data.size() >= 2 &&
        ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF'))) {
        report(1, tr("the file is saved as UTF-16; save it as UTF-8"));
        return false;
    }
    std::size_t start = 0;
    if (data.substr(0, 3) == "\xEF\xBB\xBF") {
        start = 3;
    }
    const auto bad = invalid_utf8_offset(data);
    if (bad != std::string_view::npos) {
        report(line_at(bad), tr("the file is not valid UTF-8 text; save it as UTF-8"));
        return false;
    }
    if (const auto encoding = declared_encoding(data.substr(start));
        encoding && !equals_ignore_case(*encoding, "UTF-8")) {
        report(1, fmt(tr("the file declares the encoding {0}; lesson files must be UTF-8"),
                      {in_quotes(*encoding)}));
        return false;
    }
    // Refused before parsing: a DOCTYPE is how entity bombs and external entities get in,
    // and no lesson needs one.
    const auto doctype = data.find("<!DOCTYPE");
    if (doctype != std::string_view::npos) {
        report(line_at(doctype), tr("a DOCTYPE is not allowed in a lesson file"));
        return false;
    }
    return true;
}

// Iterative walk: a hostile file may nest thousands of elements; no recursion may follow it.
bool FileLoader::check_depth(const pugi::xml_node& root) {
    int depth = 1;
    pugi::xml_node node = root;
    while (node) {
        if (node.type() == pugi::node_element && depth > Limits::kMaxDepth) {
            report(line_of(node),
                   fmt(tr("elements are nested more than {0} deep"), {std::to_string(Limits::kMaxDepth)}));
            return false;
        }
        if (node.first_child() && node.type() == pugi::node_element) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && node != root && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (!node || node == root) {
            break;
        }
        node = node.next_sibling();
    }
    return true;
}

bool FileLoader::check_format(const pugi::xml_node& root) {
    const auto attr = root.attribute("format");
    if (!attr) {
        report(line_of(root), tr("<lesson> has no format attribute (write format=\"1\")"));
        return false;
    }
    const std::string_view value = attr.value();
    if (value.empty() || value.size() > 6 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        report(line_of(root, attr),
               fmt(tr("format {0} is not a number (write format=\"1\")"), {in_quotes(value)}));
        return false;
    }
    const int format = std::stoi(std::string(value));
    if (format < 1) {
        report(line_of(root, attr),
               fmt(tr("format {0} is not a number (write format=\"1\")"), {in_quotes(value)}));
        return false;
    }
    if (format > kLessonFormatVersion) {
        report(
            line_of(root, attr),
            fmt(tr("this lesson needs a newer version of Pas à Pas (it uses format {0}; this version reads "
                   "format {1})"),
                {std::to_string(format), std::to_string(kLessonFormatVersion)}));
        return false;
    }
    return true;
}

std::optional<Lesson> FileLoader::load() {
    if (!read_file()) {
        return std::nullopt;
    }
    lines_.emplace(data_);
    if (!check_bytes()) {
        return std::nullopt;
    }
    pugi::xml_document doc;
    // In place, so that node and attribute names point into data_ and give their lines.
    const auto parsed =
        doc.load_buffer_inplace(data_.data(), data_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        report(line_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))),
               parse_error_reason(parsed.status));
        return std::nullopt;
    }
    const auto root = doc.document_element();
    if (std::string_view(root.name()) != "lesson") {
        report(line_of(root), fmt(tr("the first element must be <lesson>, not {0}"), {tag(root.name())}));
        return std::nullopt;
    }
    if (!check_depth(root) || !check_format(root)) {
        return std::nullopt;
    }
    std::error_code error;
    dir_ = fs::canonical(fs::absolute(file_, error).parent_path(), error);
    if (error) {
        report(0, tr("the lesson folder cannot be read"));
        return std::nullopt;
    }
    Lesson lesson;
    lesson.dir = dir_;
    parse_lesson(root, lesson);
    if (failed()) {
        return std::nullopt;
    }
    return lesson;
}

void FileLoader::parse_lesson(const pugi::xml_node& root, Lesson& lesson) {
    check_attributes(root, {"id", "format"});
    lesson.id = attribute(root, "id", true);
    if (!lesson.id.empty()) {
        const auto folder = fs::absolute(file_).lexically_normal().parent_path().filename().string();
        if (!is_lesson_id(lesson.id)) {
            report(
                line_of(root, root.attribute("id")),
                fmt(tr("id {0} may only use lower-case letters, digits and dashes"), {in_quotes(lesson.id)}));
        } else if (lesson.id != folder) {
            report(line_of(root, root.attribute("id")),
                   fmt(tr("id {0} must equal the name of the lesson folder, {1}"),
                       {in_quotes(lesson.id), in_quotes(folder)}));
        }
    }
    lesson.format_version = kLessonFormatVersion;

    std::map<std::string_view, bool> seen;
    for (const auto& child : root.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, root);
            continue;
        }
        const std::string_view name = child.name();
        const bool known = name == "title" || name == "summary" || name == "minutes" || name == "level" ||
                           name == "theme" || name == "tags" || name == "steps";
        if (!known) {
            unknown_element(child, root);
            continue;
        }
        if (seen[name]) {
            duplicate_child(child, root);
            continue;
        }
        seen[name] = true;
        check_attributes(child, {});
        if (name == "title") {
            lesson.title = required_text(child);
        } else if (name == "summary") {
            lesson.summary = required_text(child);
        } else if (name == "minutes") {
            lesson.minutes = parse_minutes(child);
        } else if (name == "level") {
            lesson.level = parse_level(child);
        } else if (name == "theme") {
            lesson.theme =
                parse_code(child, coop_themes(),
                           tr("unknown La Coop thématique {0} (the list is in lessons/README.md)"));
        } else if (name == "tags") {
            parse_tags(child, lesson.tags);
        } else {
            parse_steps(child, lesson.steps);
        }
    }
    for (const char* name : {"title", "summary", "minutes", "level", "theme", "tags", "steps"}) {
        if (!seen[name]) {
            missing_child(root, name);
        }
    }
}

int FileLoader::parse_minutes(const pugi::xml_node& node) {
    const auto text = text_of(node);
    const bool digits = !text.empty() && text.size() <= 4 &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int minutes = digits ? std::stoi(text) : 0;
    if (minutes < 1 || minutes > 600) {
        report(line_of(node), fmt(tr("<minutes> must be a whole number of minutes from 1 to 600, not {0}"),
                                  {in_quotes(text)}));
        return 0;
    }
    return minutes;
}

LessonLevel FileLoader::parse_level(const pugi::xml_node& node) {
    const auto text = text_of(node);
    if (text == "debutant") {
        return LessonLevel::Beginner;
    }
    if (text == "intermediaire") {
        return LessonLevel::Intermediate;
    }
    if (text == "avance") {
        return LessonLevel::Advanced;
    }
    report(line_of(node),
           fmt(tr("unknown level {0} (expected debutant, intermediaire or avance)"), {in_quotes(text)}));
    return LessonLevel::Beginner;
}

std::string FileLoader::parse_code(const pugi::xml_node& node, const std::vector<TagEntry>& list,
                                   std::string_view pattern) {
    auto text = text_of(node);
    if (find_tag(list, text) == nullptr) {
        report(line_of(node), fmt(pattern, {in_quotes(text)}));
    }
    return text;
}

void FileLoader::parse_tags(const pugi::xml_node& node, LessonTags& tags) {
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) {
            stray_text(child, node);
            continue;
        }
        const std::string_view name = child.name();
        check_attributes(child, {});
        if (name == "digcomp") {
            tags.digcomp.push_back(parse_code(child, digcomp_competences(),
                                              tr("unknown DigComp competence {0} (expected 1.1 to 5.4)")));
        } else if (name == "pix") {
            tags.pix.push_back(
                parse_code(child, pix_competences(), tr("unknown Pix competence {0} (expected 1.1 to 5.2)")));
        } else if (name == "coop") {
            tags.coop.push_back(
                parse_code(child, coop_themes(),
                           tr("unknown La Coop thématique {0} (the list is in lessons/README.md)")));
        } else {
            unknown_element(child, node);
        }
    }
    if (tags.digcomp.empty()) {
        missing_child(node, "digcomp");
    }
    if (tags.pix.empty()) {
        missing_child(node, "pix");
    }
    if (tags.coop.empty()) {
        missing_child(node, "coop");
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
    const auto problems_before = problems_.size();
    if (name == "image") {
        media.kind = MediaKind::Image;
        check_attributes(node, {"src", "alt"});
        const std::string src = node.attribute("src").value();
        media.alt = attribute(node, "alt", true);
        for (const auto& child : node.children()) {
            if (child.type() == pugi::node_element) {
                unknown_element(child, node);
            } else {
                stray_text(child, node);
            }
        }
        if (src.empty()) {
            attribute(node, "src", true);
            return std::nullopt;
        }
        const int line = line_of(node, node.attribute("src"));
        const fs::path relative(src);
        std::string extension = relative.extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        const bool escapes =
            relative.is_absolute() || relative.has_root_path() ||
            std::any_of(relative.begin(), relative.end(), [](const fs::path& p) { return p == ".."; });
        if (escapes) {
            report(line, fmt(tr("the picture {0} must be inside the lesson folder"), {in_quotes(src)}));
            return std::nullopt;
        }
        if (extension != ".png" && extension != ".svg" && extension != ".jpg" && extension != ".jpeg") {
            report(line,
                   fmt(tr("the picture {0} must be a .png, .svg, .jpg or .jpeg file"), {in_quotes(src)}));
            return std::nullopt;
        }
        std::error_code error;
        const auto file = fs::canonical(dir_ / relative, error);
        if (error || !fs::is_regular_file(file, error)) {
            report(line, fmt(tr("the picture {0} does not exist in the lesson folder"), {in_quotes(src)}));
            return std::nullopt;
        }
        // A symbolic link may still lead outside the folder.
        const auto [dir_end, file_it] = std::mismatch(dir_.begin(), dir_.end(), file.begin(), file.end());
        if (dir_end != dir_.end()) {
            report(line, fmt(tr("the picture {0} must be inside the lesson folder"), {in_quotes(src)}));
            return std::nullopt;
        }
        const auto size = fs::file_size(file, error);
        if (error) {
            report(line, fmt(tr("the picture {0} cannot be read"), {in_quotes(src)}));
            return std::nullopt;
        }
        if (size > Limits::kMaxImageBytes) {
            report(line, fmt(tr("the picture {0} is too large ({1} bytes; the limit is {2})"),
                             {in_quotes(src), std::to_string(size), std::to_string(Limits::kMaxImageBytes)}));
            return std::nullopt;
        }
        media.file = file;
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
    if (problems_.size() != problems_before) {
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
    std::vector<fs::path> files;
    fs::directory_iterator it(dir, error);
    if (error) {
        result.problems.push_back({dir, 0, tr("the lessons folder cannot be read")});
        return result;
    }
    for (const auto& entry : it) {
        std::error_code entry_error;
        if (!entry.is_directory(entry_error)) {
            continue;
        }
        auto file = entry.path() / "lesson.xml";
        if (fs::exists(file, entry_error)) {
            files.push_back(std::move(file));
        }
    }
    // Folder order is the id order for good lessons, and keeps the problem list stable.
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        FileLoader loader(file, result.problems);
        if (auto lesson = loader.load()) {
            result.lessons.push_back(std::move(*lesson));
        }
    }
    std::sort(result.lessons.begin(), result.lessons.end(),
              [](const Lesson& a, const Lesson& b) { return a.id < b.id; });
    return result;
}

}  // namespace pasapas::core
