#include "report_format.hpp"

#include "sqlite_support.hpp"

#include <array>
#include <cstdio>
#include <ctime>

namespace pasapas::core {

std::string csv_field(std::string_view value) {
    std::string text;
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
        text.push_back('\'');
    }
    text.append(value);
    if (text.find_first_of(";\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') {
            quoted.push_back('"');
        }
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            line.push_back(';');
        }
        line += csv_field(fields[i]);
    }
    line += "\r\n";
    return line;
}

std::string label_of(const std::vector<TagEntry>& list, std::string_view id) {
    if (id.empty()) {
        return {};
    }
    const auto* entry = find_tag(list, id);
    return entry == nullptr ? std::string{} : std::string(entry->label);
}

std::string labels_of(const std::vector<TagEntry>& list, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        const auto label = label_of(list, id);
        if (label.empty()) {
            continue;
        }
        if (!out.empty()) {
            out += ", ";
        }
        out += label;
    }
    return out;
}

std::string french_date(const std::string& date_or_stamp) {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (date_or_stamp.size() < 10 || !read_digits(date_or_stamp, 0, 4, year) ||
        !read_digits(date_or_stamp, 5, 2, month) || !read_digits(date_or_stamp, 8, 2, day)) {
        return {};
    }
    if (date_or_stamp.size() >= 19 && date_or_stamp[10] == 'T' && read_digits(date_or_stamp, 11, 2, hour) &&
        read_digits(date_or_stamp, 14, 2, minute) && read_digits(date_or_stamp, 17, 2, second)) {
        std::tm utc{};
        utc.tm_year = year - 1900;
        utc.tm_mon = month - 1;
        utc.tm_mday = day;
        utc.tm_hour = hour;
        utc.tm_min = minute;
        utc.tm_sec = second;
        const std::time_t when = timegm(&utc);
        std::tm local{};
        if (localtime_r(&when, &local) != nullptr) {
            year = local.tm_year + 1900;
            month = local.tm_mon + 1;
            day = local.tm_mday;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) {
        return {};
    }
    std::array<char, 48> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%02d/%02d/%04d", day, month, year);
    return buffer.data();
}

std::string period_text(const ReportPeriod& period) {
    const auto from = french_date(period.from);
    const auto to = french_date(period.to);
    if (!from.empty() && !to.empty()) {
        return "du " + from + " au " + to;
    }
    if (!from.empty()) {
        return "depuis le " + from;
    }
    if (!to.empty()) {
        return "jusqu'au " + to;
    }
    return "toute la période";
}

}  // namespace pasapas::core
