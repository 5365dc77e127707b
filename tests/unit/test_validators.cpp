// The real sites' rules, against the values computed in the reference notes (§0.1–0.2) and
// their invalid variants: a learner who mistypes one digit must get the site's "key" error.
#include "core/validators.hpp"

#include <catch2/catch.hpp>

using namespace pasapas::core;

TEST_CASE("Known NIRs pass and their key is the one computed in the reference notes", "[validators][nir]") {
    CHECK(nir_key("2560326123456") == 19);
    CHECK(nir_key("1850775056123") == 23);
    CHECK(nir_key("2890569123045") == 12);
    CHECK(nir_key("2550814168025") == 38);

    CHECK(check_nir("256032612345619") == CheckResult::Ok);
    CHECK(check_nir("185077505612323") == CheckResult::Ok);
    CHECK(check_nir("289056912304512") == CheckResult::Ok);
    CHECK(check_nir("255081416802538") == CheckResult::Ok);
    // As printed on the card and on the identity sheet: spaces are ignored.
    CHECK(check_nir("2 56 03 26 123 456 19") == CheckResult::Ok);
    CHECK(check_nir(" 2 55 08 14 168 025 38 ") == CheckResult::Ok);
}

TEST_CASE("Corsican NIRs read 2A as 19 and 2B as 18 for the key", "[validators][nir]") {
    // 1800519004123 mod 97 = 87 → key 10; 2751218033045 mod 97 = 60 → key 37.
    CHECK(nir_key("180052A004123") == 10);
    CHECK(nir_key("275122B033045") == 37);
    CHECK(check_nir("1 80 05 2A 004 123 10") == CheckResult::Ok);
    CHECK(check_nir("2 75 12 2B 033 045 37") == CheckResult::Ok);
    CHECK(check_nir("1 80 05 2a 004 123 10") == CheckResult::Ok);  // lower-case letter typed
    // The key of the plain number with 20 is not accepted for 2A.
    CHECK(check_nir("180052A004123" + std::to_string(*nir_key("1800520004123"))) == CheckResult::Key);
    CHECK(check_nir("180052C00412310") == CheckResult::Format);
    CHECK(check_nir13("180052A004123") == CheckResult::Ok);
    CHECK(check_nir13("275122B033045") == CheckResult::Ok);
}

TEST_CASE("Wrong NIRs give format or key errors like the real site", "[validators][nir]") {
    CHECK(check_nir("256032612345618") == CheckResult::Key);      // one off in the key
    CHECK(check_nir("256032612345719") == CheckResult::Key);      // one digit of the number changed
    CHECK(check_nir("25603261234561") == CheckResult::Format);    // 14 characters
    CHECK(check_nir("2560326123456190") == CheckResult::Format);  // 16 characters
    CHECK(check_nir("256032612345") == CheckResult::Format);      // 12 digits
    CHECK(check_nir("2560326I2345619") == CheckResult::Format);   // a letter I for a 1
    CHECK(check_nir("356032612345619") == CheckResult::Format);   // sex 3
    CHECK(check_nir("256132612345619") == CheckResult::Format);   // month 13
    CHECK(check_nir("256002612345619") == CheckResult::Format);   // month 00
    CHECK(check_nir13("2560300123456") == CheckResult::Format);   // department 00
    CHECK(check_nir("") == CheckResult::Format);
    CHECK(check_nir13("2560326123456") == CheckResult::Ok);
    CHECK(check_nir13("256032612345619") == CheckResult::Format);  // ameli wants 13, not 15
    CHECK(check_nir13("256032612345") == CheckResult::Format);
}

TEST_CASE("Numéros fiscaux: 13 digits, first 0 to 3, last three = first ten mod 511",
          "[validators][fiscal]") {
    CHECK(check_numero_fiscal("3012456789391") == CheckResult::Ok);
    CHECK(check_numero_fiscal("1098765432457") == CheckResult::Ok);
    CHECK(check_numero_fiscal("0712345678436") == CheckResult::Ok);
    CHECK(check_numero_fiscal("3023217600053") == CheckResult::Ok);
    CHECK(check_numero_fiscal("30 12 456 789 391") == CheckResult::Ok);

    CHECK(check_numero_fiscal("3012456789392") == CheckResult::Key);
    CHECK(check_numero_fiscal("3012456788391") == CheckResult::Key);
    CHECK(check_numero_fiscal("301245678939") == CheckResult::Format);   // 12 digits
    CHECK(check_numero_fiscal("4012456789391") == CheckResult::Format);  // first digit 4
    CHECK(check_numero_fiscal("301245678939A") == CheckResult::Format);
}

TEST_CASE("ANTS pre-request numbers are 10 letters and digits, any case", "[validators][ants]") {
    CHECK(check_ants("K7RT4ZQ2PA") == CheckResult::Ok);
    CHECK(check_ants("k7rt4zq2pa") == CheckResult::Ok);
    CHECK(check_ants("K7RT 4ZQ2 PA") == CheckResult::Ok);
    CHECK(normalize_ants("k7rt 4zq2pa") == "K7RT4ZQ2PA");
    CHECK(check_ants("K7RT4ZQ2P") == CheckResult::Format);
    CHECK(check_ants("K7RT4ZQ2PAB") == CheckResult::Format);
    CHECK(check_ants("K7RT-ZQ2PA") == CheckResult::Format);
    CHECK(check_ants("K7RT4ZQ2PÉ") == CheckResult::Format);
}

TEST_CASE("Postal codes", "[validators][postal]") {
    CHECK(check_postal_code("26100") == CheckResult::Ok);
    CHECK(check_postal_code("20000") == CheckResult::Ok);  // Ajaccio
    CHECK(check_postal_code("97400") == CheckResult::Ok);  // Saint-Denis de La Réunion
    CHECK(check_postal_code("98800") == CheckResult::Ok);  // Nouméa
    CHECK(check_postal_code("26 100") == CheckResult::Ok);
    CHECK(check_postal_code("00100") == CheckResult::Format);
    CHECK(check_postal_code("2610") == CheckResult::Format);
    CHECK(check_postal_code("261000") == CheckResult::Format);
    CHECK(check_postal_code("2A100") == CheckResult::Format);
}

TEST_CASE("Phone numbers, French or international", "[validators][phone]") {
    CHECK(check_phone("06 12 34 56 78") == CheckResult::Ok);
    CHECK(check_phone("06.12.34.56.78") == CheckResult::Ok);
    CHECK(check_phone("0475123456") == CheckResult::Ok);
    CHECK(check_phone("+33 6 12 34 56 78") == CheckResult::Ok);
    CHECK(check_phone("(+33) 1 22 33 44 55") == CheckResult::Ok);  // the DSFR hint's own format
    CHECK(check_phone("+32 470 12 34 56") == CheckResult::Ok);
    CHECK(check_phone("0033612345678") == CheckResult::Ok);

    CHECK(check_phone("06 12 34 56 7") == CheckResult::Format);
    CHECK(check_phone("0012345678") == CheckResult::Format);
    CHECK(check_phone("6123456789") == CheckResult::Format);
    CHECK(check_phone("+33 06 12 34 56 7") == CheckResult::Format);
    CHECK(check_phone("+3361234567") == CheckResult::Format);
    CHECK(check_phone("06 12 AB 56 78") == CheckResult::Format);
    CHECK(check_phone("+1234") == CheckResult::Format);
}

TEST_CASE("E-mail addresses, pragmatic", "[validators][email]") {
    CHECK(check_email("marie.dupont@exemple.fr") == CheckResult::Ok);
    CHECK(check_email("camille+sim@mail.exemple.org") == CheckResult::Ok);
    CHECK(check_email(" camille@exemple.fr ") == CheckResult::Ok);  // a space pasted around

    CHECK(check_email("marie.dupont.exemple.fr") == CheckResult::Format);
    CHECK(check_email("@exemple.fr") == CheckResult::Format);
    CHECK(check_email("marie@@exemple.fr") == CheckResult::Format);
    CHECK(check_email("marie@exemple") == CheckResult::Format);
    CHECK(check_email("marie@exemple.") == CheckResult::Format);
    CHECK(check_email("marie@.fr") == CheckResult::Format);
    CHECK(check_email("marie dupont@exemple.fr") == CheckResult::Format);
    CHECK(check_email("marie@exemple.f") == CheckResult::Format);
}

TEST_CASE("Dates are real JJ/MM/AAAA calendar dates; past dates are not after today", "[validators][date]") {
    CHECK(check_date("12/03/1956") == CheckResult::Ok);
    CHECK(check_date("29/02/2024") == CheckResult::Ok);  // leap year
    CHECK(check_date("29/02/2000") == CheckResult::Ok);  // divisible by 400
    CHECK(check_date("29/02/2023") == CheckResult::Format);
    CHECK(check_date("29/02/1900") == CheckResult::Format);  // divisible by 100 only
    CHECK(check_date("31/02/2023") == CheckResult::Format);
    CHECK(check_date("31/04/2023") == CheckResult::Format);
    CHECK(check_date("00/01/2023") == CheckResult::Format);
    CHECK(check_date("12/13/1956") == CheckResult::Format);
    CHECK(check_date("12/3/1956") == CheckResult::Format);
    CHECK(check_date("1956-03-12") == CheckResult::Format);
    CHECK(check_date("") == CheckResult::Format);

    const CalendarDate today{2025, 6, 15};
    CHECK(check_past_date("12/03/1956", today) == CheckResult::Ok);
    CHECK(check_past_date("15/06/2025", today) == CheckResult::Ok);  // today itself
    CHECK(check_past_date("16/06/2025", today) == CheckResult::Future);
    CHECK(check_past_date("12/03/2056", today) == CheckResult::Future);
    CHECK(check_past_date("31/02/2023", today) == CheckResult::Format);
    const auto now = local_today();
    CHECK(is_real_date(now));
    CHECK(now.year >= 2024);
}

TEST_CASE("A field's check maps to its rule and its SCENARIOS.md error key", "[validators]") {
    const CalendarDate today{2025, 6, 15};
    CHECK(apply_check(FieldCheck::Nir, "256032612345618", today) == CheckResult::Key);
    CHECK(apply_check(FieldCheck::NumeroFiscal, "301245678939", today) == CheckResult::Format);
    CHECK(apply_check(FieldCheck::PastDate, "01/01/2030", today) == CheckResult::Future);
    CHECK(apply_check(FieldCheck::Email, "x@y.fr", today) == CheckResult::Ok);
    CHECK(apply_check(FieldCheck::None, "anything", today) == CheckResult::Ok);
    CHECK(std::string(error_key(CheckResult::Ok)).empty());
    CHECK(std::string(error_key(CheckResult::Format)) == "format");
    CHECK(std::string(error_key(CheckResult::Key)) == "key");
    CHECK(std::string(error_key(CheckResult::Future)) == "future");
}
