#pragma once
// The one anonymised data set every export is made from (La Coop CSV and XLSX, statistics for the
// collectivité, xAPI statements, the printable summary). Building it is where anonymisation
// happens, so the writers cannot leak what is not here: no learner name, no avatar, no note, no
// free text, no typed answer, no birth date, no contact detail. A learner appears only as a
// pseudonym (a keyed hash with a per-install secret that never leaves the PC) and through the
// coarse attributes La Coop records.
#include "progress_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pasapas::core {

struct ReportPeriod {
    std::string from;  // YYYY-MM-DD, inclusive; empty = no lower bound
    std::string to;    // YYYY-MM-DD, inclusive; empty = no upper bound
};

// One activity as La Coop's activities export shows it (one row per individual session or
// collective workshop). Ids are those of mediator_fields.hpp.
struct ReportActivity {
    std::string id;           // the activity's uuid (« ID CRA »)
    std::string date;         // YYYY-MM-DD
    std::string recorded_at;  // UTC ISO 8601 (« Enregistré le »)
    std::string modified_at;  // UTC ISO 8601 (« Dernière modification le »)
    std::string kind;         // "individuel" | "collectif"
    int participants = 0;     // attached learners + anonymous participants
    std::string place_type;   // "lieu_activite" | "autre_lieu" | "domicile" | "a_distance"
    std::string place_name;   // the mediator's place (a structure, never a learner's address)
    std::string place_commune;
    std::string place_postcode;
    std::string place_insee;
    int duration_min = 0;
    std::vector<std::string> equipment;  // "ordinateur", "telephone", "tablette", "autre", "pas_de_materiel"
    std::vector<std::string> themes;     // La Coop theme ids (tags.hpp coop_themes())
    std::string demarche;                // id of a démarche from the fixed list, never free text
    int level = 0;  // 1–3: autonomy (individuel) or workshop level (collectif); 0 = none
    bool referred = false;
    std::string referral;  // structure de redirection id
    // The learner of an individual session, by attributes only; empty for collective workshops.
    // A commune shared by fewer than k learners of the data set is left empty (a rare commune
    // would point at one person).
    std::string learner_pseudonym;
    LearnerAttributes learner;
};

// One learner over the period, by pseudonym and attributes only.
struct ReportLearner {
    std::string pseudonym;
    LearnerAttributes attributes;  // commune emptied like ReportActivity::learner
    int sessions = 0;              // activities attended in the period
    std::int64_t practice_ms = 0;  // time spent in lessons and procedures in the period
    int lessons_completed = 0;
    int procedures_completed = 0;
    std::string best_autonomy;  // best La Coop level reached in an autonomy check, "" if none
};

// One xAPI-worthy event, already stripped: what was done, on which lesson or procedure, never
// what was typed. The statement id is the event's own uuid, made when it happened.
struct ReportEvent {
    std::string statement_id;  // uuid
    std::string pseudonym;
    LearnerId learner = 0;     // local only, so that erasing a learner also drops unsent statements
    std::string verb;          // "attempted", "progressed", "completed", "passed", "failed"
    std::string object_kind;   // "lesson" | "procedure"
    std::string object_id;     // lesson or scenario id
    std::string object_title;  // the shipped lesson's title, from the catalogue (not user text)
    std::string step_id;       // for "progressed": the step; empty otherwise
    std::string timestamp;     // UTC ISO 8601
    bool has_success = false;
    bool success = false;
    std::int64_t duration_ms = 0;
    int hints = 0;
    int mistakes = 0;
    std::string level;  // La Coop level for procedures' autonomy checks, "" otherwise
};

struct ReportDataset {
    ReportPeriod period;
    std::string generated_at;  // UTC ISO 8601
    int k = 5;                 // small-cell threshold used for statistics and rare communes
    std::vector<ReportActivity> activities;
    std::vector<ReportLearner> learners;
    std::vector<ReportEvent> events;
};

}  // namespace pasapas::core
