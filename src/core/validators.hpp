#pragma once
// The real sites' format and check-digit rules for the simulated forms (SCENARIOS.md, `check`).
// Pure functions: the scenario engine turns their verdict into the site's error message.
//
// Rules, as the real sites apply them (facts and sources in the reference notes, §0.1):
// - Spaces typed inside numbers are ignored, as on the real sites (also dots for phones).
// - NIR: 15 characters = sex (1, 2, or 7, 8 for a temporary number), year (2 digits), month
//   (01–12; 20–42 and 50–99 are the special cases the official patterns accept), department (2
//   digits, or 2A / 2B for Corsica), commune (3 digits), order number (3 digits), key (2 digits).
//   Key = 97 − (the 13-digit number mod 97), with 2A read as 19 and 2B as 18 before computing.
// - nir13: the same first 13 characters, without the key (ameli's login asks only those).
// - Numéro fiscal: 13 digits, the first 0 to 3, the last three = the first ten mod 511.
// - ANTS pre-request number: exactly 10 letters and digits, any case (stored upper-case).
// - Postal code: 5 digits, not starting with 00 (Corsica 20xxx and overseas 97xxx / 98xxx are fine).
// - Phone: a French number of 10 digits starting with 0 then 1–9, or « + » and a country code
//   with 8 to 15 digits in all (+33 then 9 digits); spaces, dots, dashes and brackets are ignored.
// - E-mail: one @, something before it, a domain with a dot and no empty part, no spaces.
// - Date: JJ/MM/AAAA, a real calendar date (leap years included).
// - Past date: a real date, not after today.
#include "scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace pasapas::core {

// Which rule failed, named like the error keys of SCENARIOS.md.
enum class CheckResult : std::uint8_t {
    Ok,
    Format,  // "format": wrong length, characters or date
    Key,     // "key": a check digit is wrong
    Future,  // "future": a date after today
};

// The SCENARIOS.md error key ("format", "key", "future"); empty for Ok.
[[nodiscard]] const char* error_key(CheckResult result);

struct CalendarDate {
    int year = 0;
    int month = 0;  // 1–12
    int day = 0;    // 1–31
    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
    friend bool operator<(const CalendarDate& a, const CalendarDate& b) {
        return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
    }
};

// Today on this computer's calendar.
[[nodiscard]] CalendarDate local_today();
[[nodiscard]] bool is_real_date(const CalendarDate& date);
// A JJ/MM/AAAA date that exists, or nullopt.
[[nodiscard]] std::optional<CalendarDate> parse_date(std::string_view text);

// The text without the separators people type inside numbers (spaces, including non-breaking ones).
[[nodiscard]] std::string without_spaces(std::string_view text);

[[nodiscard]] CheckResult check_nir(std::string_view value);
[[nodiscard]] CheckResult check_nir13(std::string_view value);
// The NIR key of a 13-character number (2A / 2B accepted), or nullopt if it is not one.
[[nodiscard]] std::optional<int> nir_key(std::string_view first13);
[[nodiscard]] CheckResult check_numero_fiscal(std::string_view value);
[[nodiscard]] CheckResult check_ants(std::string_view value);
// The pre-request number as the site stores it: no spaces, upper-case.
[[nodiscard]] std::string normalize_ants(std::string_view value);
[[nodiscard]] CheckResult check_postal_code(std::string_view value);
[[nodiscard]] CheckResult check_phone(std::string_view value);
[[nodiscard]] CheckResult check_email(std::string_view value);
[[nodiscard]] CheckResult check_date(std::string_view value);
[[nodiscard]] CheckResult check_past_date(std::string_view value, const CalendarDate& today);

// Applies a field's `check` (FieldCheck::Code and None are always Ok here: the one-time code is
// compared by the engine, which knows the last code sent).
[[nodiscard]] CheckResult apply_check(FieldCheck check, std::string_view value, const CalendarDate& today);

}  // namespace pasapas::core
