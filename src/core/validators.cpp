#include "validators.hpp"

#include <algorithm>
#include <array>
#include <ctime>

namespace pasapas::core {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool all_digits(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!is_digit(c)) {
            return false;
        }
    }
    return true;
}

int two_digits(std::string_view text, std::size_t at) {
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Spaces and the separators people copy from a printed number, including UTF-8 non-breaking
// spaces (U+00A0, U+202F) that a pasted number often holds.
std::string without(std::string_view text, std::string_view separators) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (separators.find(c) != std::string_view::npos) {
            continue;
        }
        if (text.substr(i, 2) == "\xC2\xA0") {
            ++i;
            continue;
        }
        if (text.substr(i, 3) == "\xE2\x80\xAF") {
            i += 2;
            continue;
        }
        out.push_back(c);
    }
    return out;
}

// The NIR's structure, key excluded; `nir` is upper-case, without spaces, at least 13 long.
bool nir_body_ok(std::string_view nir) {
    const char sex = nir[0];
    if (sex != '1' && sex != '2' && sex != '7' && sex != '8') {
        return false;
    }
    if (!all_digits(nir.substr(1, 4)) || !all_digits(nir.substr(7, 6))) {
        return false;
    }
    const int month = two_digits(nir, 3);
    // 20–42 and 50–99 stand for an unknown or special month in the official patterns.
    const bool month_ok = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
    if (!month_ok) {
        return false;
    }
    const std::string_view department = nir.substr(5, 2);
    if (department == "2A" || department == "2B") {
        return true;
    }
    return all_digits(department) && department != "00";
}

std::string upper_compact(std::string_view value) {
    std::string out = without_spaces(value);
    for (char& c : out) {
        c = ascii_upper(c);
    }
    return out;
}

}  // namespace

const char* error_key(CheckResult result) {
    switch (result) {
        case CheckResult::Ok:
            return "";
        case CheckResult::Format:
            return "format";
        case CheckResult::Key:
            return "key";
        case CheckResult::Future:
            return "future";
    }
    return "format";
}

CalendarDate local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

bool is_real_date(const CalendarDate& date) {
    if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1) {
        return false;
    }
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    const int days = date.month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(date.month - 1)];
    return date.day <= days;
}

std::optional<CalendarDate> parse_date(std::string_view text) {
    const std::string_view date = trimmed(text);
    if (date.size() != 10 || date[2] != '/' || date[5] != '/' || !all_digits(date.substr(0, 2)) ||
        !all_digits(date.substr(3, 2)) || !all_digits(date.substr(6, 4))) {
        return std::nullopt;
    }
    const CalendarDate out{two_digits(date, 6) * 100 + two_digits(date, 8), two_digits(date, 3),
                           two_digits(date, 0)};
    if (!is_real_date(out)) {
        return std::nullopt;
    }
    return out;
}

std::string without_spaces(std::string_view text) {
    return without(text, " \t\r\n");
}

std::optional<int> nir_key(std::string_view first13) {
    const std::string nir = upper_compact(first13);
    if (nir.size() != 13 || !nir_body_ok(nir)) {
        return std::nullopt;
    }
    std::string digits = nir;
    // Corsica's letters stand in for department 20: 2A counts as 19 and 2B as 18.
    if (nir.substr(5, 2) == "2A") {
        digits.replace(5, 2, "19");
    } else if (nir.substr(5, 2) == "2B") {
        digits.replace(5, 2, "18");
    }
    std::uint64_t number = 0;
    for (const char c : digits) {
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return 97 - static_cast<int>(number % 97);
}

CheckResult check_nir(std::string_view value) {
    const std::string nir = upper_compact(value);
    if (nir.size() != 15 || !nir_body_ok(nir) || !all_digits(std::string_view(nir).substr(13))) {
        return CheckResult::Format;
    }
    const auto key = nir_key(std::string_view(nir).substr(0, 13));
    return key && *key == two_digits(nir, 13) ? CheckResult::Ok : CheckResult::Key;
}

CheckResult check_nir13(std::string_view value) {
    const std::string nir = upper_compact(value);
    return nir.size() == 13 && nir_body_ok(nir) ? CheckResult::Ok : CheckResult::Format;
}

CheckResult check_numero_fiscal(std::string_view value) {
    const std::string number = without_spaces(value);
    if (number.size() != 13 || !all_digits(number) || number[0] > '3') {
        return CheckResult::Format;
    }
    std::uint64_t first_ten = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        first_ten = first_ten * 10 + static_cast<std::uint64_t>(number[i] - '0');
    }
    const auto last_three = static_cast<std::uint64_t>(std::stoi(number.substr(10)));
    return first_ten % 511 == last_three ? CheckResult::Ok : CheckResult::Key;
}

CheckResult check_ants(std::string_view value) {
    const std::string number = without_spaces(value);
    if (number.size() != 10) {
        return CheckResult::Format;
    }
    for (const char c : number) {
        if (!is_digit(c) && !is_ascii_letter(c)) {
            return CheckResult::Format;
        }
    }
    return CheckResult::Ok;
}

std::string normalize_ants(std::string_view value) {
    return upper_compact(value);
}

CheckResult check_postal_code(std::string_view value) {
    const std::string code = without_spaces(value);
    if (code.size() != 5 || !all_digits(code) || code.starts_with("00")) {
        return CheckResult::Format;
    }
    return CheckResult::Ok;
}

CheckResult check_phone(std::string_view value) {
    std::string phone = without(value, " \t.-()");
    if (phone.starts_with("00") && phone.size() > 10) {
        phone.replace(0, 2, "+");  // the international prefix typed the old way
    }
    if (phone.starts_with('+')) {
        const std::string_view digits = std::string_view(phone).substr(1);
        if (!all_digits(digits) || digits[0] == '0') {
            return CheckResult::Format;
        }
        if (digits.starts_with("33")) {
            // +33 then the French number without its 0; « +33 (0)6… » keeps it, also accepted.
            std::string_view national = digits.substr(2);
            if (national.size() == 10 && national[0] == '0') {
                national.remove_prefix(1);
            }
            return national.size() == 9 && national[0] != '0' ? CheckResult::Ok : CheckResult::Format;
        }
        return digits.size() >= 8 && digits.size() <= 15 ? CheckResult::Ok : CheckResult::Format;
    }
    if (phone.size() != 10 || !all_digits(phone) || phone[0] != '0' || phone[1] == '0') {
        return CheckResult::Format;
    }
    return CheckResult::Ok;
}

CheckResult check_email(std::string_view value) {
    const std::string_view email = trimmed(value);
    if (email.find_first_of(" \t\r\n") != std::string_view::npos) {
        return CheckResult::Format;
    }
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) {
        return CheckResult::Format;
    }
    const std::string_view domain = email.substr(at + 1);
    if (domain.find('.') == std::string_view::npos) {
        return CheckResult::Format;
    }
    std::size_t start = 0;
    std::string_view last_label;
    while (start <= domain.size()) {
        const auto dot = domain.find('.', start);
        const auto end = dot == std::string_view::npos ? domain.size() : dot;
        const std::string_view label = domain.substr(start, end - start);
        if (label.empty() || label.front() == '-' || label.back() == '-') {
            return CheckResult::Format;
        }
        last_label = label;
        start = end + 1;
    }
    if (last_label.size() < 2) {
        return CheckResult::Format;
    }
    for (const char c : last_label) {
        if (!is_ascii_letter(c)) {
            return CheckResult::Format;
        }
    }
    return CheckResult::Ok;
}

CheckResult check_date(std::string_view value) {
    return parse_date(value) ? CheckResult::Ok : CheckResult::Format;
}

CheckResult check_past_date(std::string_view value, const CalendarDate& today) {
    const auto date = parse_date(value);
    if (!date) {
        return CheckResult::Format;
    }
    return today < *date ? CheckResult::Future : CheckResult::Ok;
}

CheckResult apply_check(FieldCheck check, std::string_view value, const CalendarDate& today) {
    switch (check) {
        case FieldCheck::None:
        case FieldCheck::Code:
            return CheckResult::Ok;
        case FieldCheck::Nir:
            return check_nir(value);
        case FieldCheck::Nir13:
            return check_nir13(value);
        case FieldCheck::NirKey: {
            // On its own the key box can only be told its shape; the key itself is checked
            // against the number's box by the session.
            const std::string key = without_spaces(value);
            return key.size() == 2 &&
                           std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })
                       ? CheckResult::Ok
                       : CheckResult::Format;
        }
        case FieldCheck::NumeroFiscal:
            return check_numero_fiscal(value);
        case FieldCheck::Ants:
            return check_ants(value);
        case FieldCheck::PostalCode:
            return check_postal_code(value);
        case FieldCheck::Phone:
            return check_phone(value);
        case FieldCheck::Email:
            return check_email(value);
        case FieldCheck::Date:
            return check_date(value);
        case FieldCheck::PastDate:
            return check_past_date(value, today);
    }
    return CheckResult::Ok;
}

}  // namespace pasapas::core
