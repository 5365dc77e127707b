#pragma once
// The reference enumerations lessons are tagged with, so that reports speak the
// vocabulary mediators and funders already use: DigComp 2.2 competences, Pix competences,
// and La Coop de la médiation numérique's thématiques (ids as its API uses them).
#include <string>
#include <string_view>
#include <vector>

namespace pasapas::core {

struct TagEntry {
    std::string_view code;   // "1.1", "prendre_en_main_du_materiel"…
    std::string_view label;  // the framework's own label (French for Pix and La Coop)
};

const std::vector<TagEntry>& digcomp_competences();  // 21 entries
const std::vector<TagEntry>& pix_competences();      // 16 entries
const std::vector<TagEntry>& coop_themes();          // 19 digital + 11 administrative

const TagEntry* find_tag(const std::vector<TagEntry>& list, std::string_view code);

}  // namespace pasapas::core
