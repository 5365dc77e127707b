#include "xml_reader.hpp"

#include "translate.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <system_error>
#include <utility>

namespace pasapas::core {

namespace fs = std::filesystem;

namespace {

// Past this many problems in one file the rest is noise (a hostile or badly damaged file).
constexpr std::size_t kMaxProblemsPerFile = 50;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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

std::string too_large_pattern(XmlFileKind kind) {
    return kind == XmlFileKind::Lesson
               ? tr("the file is too large ({0} bytes; a lesson file may have at most {1} bytes)")
               : tr("the file is too large ({0} bytes; a scenario file may have at most {1} bytes)");
}

}  // namespace

namespace xml {

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

std::string collapse_whitespace(std::string_view text, bool keep_paragraphs) {
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

bool is_folder_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

}  // namespace xml

using xml::collapse_whitespace;
using xml::in_quotes;
using xml::tag;

XmlReader::XmlReader(fs::path file, XmlFileKind kind, std::vector<LoadProblem>& problems)
    : file_(std::move(file)), kind_(kind), problems_(problems), first_problem_(problems.size()) {}

pugi::xml_node XmlReader::open(std::string_view root_name, int format_version) {
    if (!read_file()) {
        return {};
    }
    const char* begin = data_.data();
    const char* end = begin + data_.size();
    for (const char* p = begin; p < end;) {
        const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (found == nullptr) {
            break;
        }
        const char* nl = static_cast<const char*>(found);
        newlines_.push_back(static_cast<std::size_t>(nl - begin));
        p = nl + 1;
    }
    if (!check_bytes()) {
        return {};
    }
    // In place, so that node and attribute names point into data_ and give their lines.
    const auto parsed =
        doc_.load_buffer_inplace(data_.data(), data_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        report(line_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))),
               parse_error_reason(parsed.status));
        return {};
    }
    const auto root = doc_.document_element();
    if (std::string_view(root.name()) != root_name) {
        report(line_of(root),
               fmt(kind_ == XmlFileKind::Lesson ? tr("the first element must be <lesson>, not {0}")
                                                : tr("the first element must be <scenario>, not {0}"),
                   {tag(root.name())}));
        return {};
    }
    if (!check_depth(root) || !check_format(root, format_version)) {
        return {};
    }
    std::error_code error;
    dir_ = fs::canonical(fs::absolute(file_, error).parent_path(), error);
    if (error) {
        report(0, kind_ == XmlFileKind::Lesson ? tr("the lesson folder cannot be read")
                                               : tr("the scenario folder cannot be read"));
        return {};
    }
    return root;
}

void XmlReader::report(int line, std::string reason) {
    const std::size_t mine = problem_count();
    if (mine > kMaxProblemsPerFile) {
        return;
    }
    if (mine == kMaxProblemsPerFile) {
        problems_.push_back({file_, line, tr("too many problems; fix these first, then check again")});
        return;
    }
    problems_.push_back({file_, line, std::move(reason)});
}

int XmlReader::line_at(std::size_t offset) const {
    const auto it = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
    return static_cast<int>(it - newlines_.begin()) + 1;
}

int XmlReader::line_of(const pugi::xml_node& node) const {
    const auto offset = node.offset_debug();
    return offset < 0 ? 0 : line_at(static_cast<std::size_t>(offset));
}

int XmlReader::line_of(const pugi::xml_node& node, const pugi::xml_attribute& attr) const {
    const char* name = attr.name();
    if (name >= data_.data() && name < data_.data() + data_.size()) {
        return line_at(static_cast<std::size_t>(name - data_.data()));
    }
    return line_of(node);
}

void XmlReader::check_length(int line, std::string_view text) {
    const auto n = count_chars(text);
    if (n > Limits::kMaxTextChars) {
        report(line, fmt(tr("this text has {0} characters; the limit is {1}"),
                         {std::to_string(n), std::to_string(Limits::kMaxTextChars)}));
    }
}

void XmlReader::check_attributes(const pugi::xml_node& node,
                                 std::initializer_list<std::string_view> allowed) {
    for (const auto& attr : node.attributes()) {
        const std::string_view name = attr.name();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            report(line_of(node, attr), fmt(tr("unknown attribute {0} on {1}"), {name, tag(node.name())}));
        } else {
            check_length(line_of(node, attr), attr.value());
        }
    }
}

void XmlReader::unknown_element(const pugi::xml_node& child, const pugi::xml_node& parent) {
    report(line_of(child), fmt(tr("unknown element {0} in {1}"), {tag(child.name()), tag(parent.name())}));
}

void XmlReader::stray_text(const pugi::xml_node& text, const pugi::xml_node& parent) {
    if (!collapse_whitespace(text.value()).empty()) {
        report(line_of(text), fmt(tr("text is not allowed directly in {0}"), {tag(parent.name())}));
    }
}

void XmlReader::no_children(const pugi::xml_node& node) {
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_element) {
            unknown_element(child, node);
        } else {
            stray_text(child, node);
        }
    }
}

std::string XmlReader::text_of(const pugi::xml_node& node, bool keep_paragraphs) {
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

std::string XmlReader::required_text(const pugi::xml_node& node, bool keep_paragraphs) {
    auto text = text_of(node, keep_paragraphs);
    if (text.empty()) {
        report(line_of(node), fmt(tr("{0} is empty"), {tag(node.name())}));
    }
    return text;
}

std::string XmlReader::attribute(const pugi::xml_node& node, const char* name, bool required) {
    const auto attr = node.attribute(name);
    auto value = collapse_whitespace(attr.value());
    if (required && value.empty()) {
        report(line_of(node), attr ? fmt(tr("{0} on {1} is empty"), {name, tag(node.name())})
                                   : fmt(tr("{0} has no {1} attribute"), {tag(node.name()), name}));
    }
    return value;
}

bool XmlReader::boolean(const pugi::xml_node& node, const char* name) {
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

std::optional<std::int64_t> XmlReader::integer(const pugi::xml_node& node, const char* name, bool required,
                                               std::int64_t min, std::int64_t max) {
    const auto attr = node.attribute(name);
    if (!attr) {
        if (required) {
            attribute(node, name, true);
        }
        return std::nullopt;
    }
    const std::string value = collapse_whitespace(attr.value());
    const bool digits = !value.empty() && value.size() <= 12 &&
                        std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::int64_t number = digits ? std::stoll(value) : -1;
    if (!digits || number < min || number > max) {
        report(line_of(node, attr), fmt(tr("{0}={1} on {2} must be a whole number from {3} to {4}"),
                                        {name, in_quotes(attr.value()), tag(node.name()), std::to_string(min),
                                         std::to_string(max)}));
        return std::nullopt;
    }
    return number;
}

void XmlReader::invalid_value(const pugi::xml_node& node, const pugi::xml_attribute& attr,
                              std::string_view expected) {
    report(line_of(node, attr), fmt(tr("{0}={1} on {2} is not valid (expected {3})"),
                                    {attr.name(), in_quotes(attr.value()), tag(node.name()), expected}));
}

void XmlReader::missing_child(const pugi::xml_node& parent, std::string_view child) {
    report(line_of(parent), fmt(tr("{0} has no {1}"), {tag(parent.name()), tag(child)}));
}

void XmlReader::duplicate_child(const pugi::xml_node& child, const pugi::xml_node& parent) {
    report(line_of(child),
           fmt(tr("{0} appears more than once in {1}"), {tag(child.name()), tag(parent.name())}));
}

std::string XmlReader::root_id(const pugi::xml_node& root) {
    auto id = attribute(root, "id", true);
    if (id.empty()) {
        return id;
    }
    const auto folder = fs::absolute(file_).lexically_normal().parent_path().filename().string();
    if (!xml::is_folder_id(id)) {
        report(line_of(root, root.attribute("id")),
               fmt(tr("id {0} may only use lower-case letters, digits and dashes"), {in_quotes(id)}));
    } else if (id != folder) {
        const auto pattern = kind_ == XmlFileKind::Lesson
                                 ? tr("id {0} must equal the name of the lesson folder, {1}")
                                 : tr("id {0} must equal the name of the scenario folder, {1}");
        report(line_of(root, root.attribute("id")), fmt(pattern, {in_quotes(id), in_quotes(folder)}));
    }
    return id;
}

int XmlReader::parse_minutes(const pugi::xml_node& node) {
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

LessonLevel XmlReader::parse_level(const pugi::xml_node& node) {
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

std::string XmlReader::parse_code(const pugi::xml_node& node, const std::vector<TagEntry>& list,
                                  std::string_view pattern) {
    auto text = text_of(node);
    if (find_tag(list, text) == nullptr) {
        report(line_of(node), fmt(pattern, {in_quotes(text)}));
    }
    return text;
}

std::string XmlReader::parse_theme(const pugi::xml_node& node) {
    return parse_code(node, coop_themes(),
                      tr("unknown La Coop thématique {0} (the list is in lessons/README.md)"));
}

bool XmlReader::is_metadata(std::string_view name) {
    return std::find(kMetadata.begin(), kMetadata.end(), name) != kMetadata.end();
}

void XmlReader::parse_tags(const pugi::xml_node& node, LessonTags& tags) {
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
            tags.coop.push_back(parse_theme(child));
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

std::optional<fs::path> XmlReader::picture(const pugi::xml_node& node, const char* src_name) {
    const std::string src = node.attribute(src_name).value();
    if (src.empty()) {
        attribute(node, src_name, true);
        return std::nullopt;
    }
    const bool lesson = kind_ == XmlFileKind::Lesson;
    const int line = line_of(node, node.attribute(src_name));
    const fs::path relative(src);
    std::string extension = relative.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    const auto outside = [&] {
        report(line, fmt(lesson ? tr("the picture {0} must be inside the lesson folder")
                                : tr("the picture {0} must be inside the scenario folder"),
                         {in_quotes(src)}));
    };
    const bool escapes =
        relative.is_absolute() || relative.has_root_path() ||
        std::any_of(relative.begin(), relative.end(), [](const fs::path& p) { return p == ".."; });
    if (escapes) {
        outside();
        return std::nullopt;
    }
    if (extension != ".png" && extension != ".svg" && extension != ".jpg" && extension != ".jpeg") {
        report(line, fmt(tr("the picture {0} must be a .png, .svg, .jpg or .jpeg file"), {in_quotes(src)}));
        return std::nullopt;
    }
    std::error_code error;
    const auto file = fs::canonical(dir_ / relative, error);
    if (error || !fs::is_regular_file(file, error)) {
        report(line, fmt(lesson ? tr("the picture {0} does not exist in the lesson folder")
                                : tr("the picture {0} does not exist in the scenario folder"),
                         {in_quotes(src)}));
        return std::nullopt;
    }
    // A symbolic link may still lead outside the folder.
    const auto [dir_end, file_it] = std::mismatch(dir_.begin(), dir_.end(), file.begin(), file.end());
    if (dir_end != dir_.end()) {
        outside();
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
    return file;
}

bool XmlReader::read_file() {
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
        report(0,
               fmt(too_large_pattern(kind_), {std::to_string(size), std::to_string(Limits::kMaxFileBytes)}));
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
        report(0,
               fmt(too_large_pattern(kind_), {std::to_string(got), std::to_string(Limits::kMaxFileBytes)}));
        return false;
    }
    return true;
}

bool XmlReader::check_bytes() {
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
        report(1, fmt(kind_ == XmlFileKind::Lesson
                          ? tr("the file declares the encoding {0}; lesson files must be UTF-8")
                          : tr("the file declares the encoding {0}; scenario files must be UTF-8"),
                      {in_quotes(*encoding)}));
        return false;
    }
    // Refused before parsing: a DOCTYPE is how entity bombs and external entities get in,
    // and no lesson or scenario needs one.
    const auto doctype = data.find("<!DOCTYPE");
    if (doctype != std::string_view::npos) {
        report(line_at(doctype), kind_ == XmlFileKind::Lesson
                                     ? tr("a DOCTYPE is not allowed in a lesson file")
                                     : tr("a DOCTYPE is not allowed in a scenario file"));
        return false;
    }
    return true;
}

// Iterative walk: a hostile file may nest thousands of elements; no recursion may follow it.
bool XmlReader::check_depth(const pugi::xml_node& root) {
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

bool XmlReader::check_format(const pugi::xml_node& root, int format_version) {
    const auto attr = root.attribute("format");
    if (!attr) {
        report(line_of(root), kind_ == XmlFileKind::Lesson
                                  ? tr("<lesson> has no format attribute (write format=\"1\")")
                                  : tr("<scenario> has no format attribute (write format=\"1\")"));
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
    if (format > format_version) {
        const auto pattern =
            kind_ == XmlFileKind::Lesson
                ? tr("this lesson needs a newer version of Pas à Pas (it uses format {0}; this version reads "
                     "format {1})")
                : tr("this scenario needs a newer version of Pas à Pas (it uses format {0}; this version "
                     "reads format {1})");
        report(line_of(root, attr), fmt(pattern, {std::to_string(format), std::to_string(format_version)}));
        return false;
    }
    return true;
}

}  // namespace pasapas::core
