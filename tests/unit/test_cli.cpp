// pasapas-cli as a mediator runs it: the real binary, on fixture folders.
#include "core/lesson_loader.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = PASAPAS_FIXTURES_DIR;

struct Run {
    int status = -1;
    std::string out;
};

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

// Runs pasapas-cli with the given arguments; `streams` is "2>&1", "2>/dev/null"…
Run run_cli(const std::string& args, const std::string& streams = "2>&1", const std::string& env = "") {
    const std::string command = env + " " + shell_quote(PASAPAS_CLI) + " " + args + " " + streams;
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        run.out.append(buffer, got);
    }
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string dir_arg(const char* name) {
    return shell_quote((kFixtures / name).string());
}

}  // namespace

TEST_CASE("cli: check passes a folder of good lessons", "[cli]") {
    const auto run = run_cli("lessons check " + dir_arg("good"));
    CHECK(run.status == 0);
    CHECK(run.out == "3 lessons checked, no problems\n");
}

TEST_CASE("cli: check prints file:line: reason for each problem and fails", "[cli]") {
    const auto run = run_cli("lessons check " + dir_arg("mixed"));
    CHECK(run.status == 1);
    CHECK_THAT(run.out,
               Catch::Contains((kFixtures / "mixed" / "casse-a" / "lesson.xml").string() +
                               ":12: unknown activity \"hover\" (expected click, double-click, drag, "
                               "scroll, type or choice)\n"));
    CHECK_THAT(run.out, Catch::Contains((kFixtures / "mixed" / "casse-b" / "lesson.xml").string() +
                                        ":3: the XML is malformed"));
    CHECK_THAT(run.out, Catch::EndsWith("4 lessons checked, 2 problems\n"));
}

TEST_CASE("cli: check names a missing folder and fails", "[cli]") {
    const auto run = run_cli("lessons check " + dir_arg("no-such-folder"));
    CHECK(run.status == 1);
    CHECK_THAT(run.out, Catch::Contains("no-such-folder: the lessons folder does not exist"));
    CHECK_THAT(run.out, Catch::Contains("0 lessons checked, 1 problem\n"));
}

TEST_CASE("cli: without DIR the lessons come from PASAPAS_LESSONS", "[cli]") {
    const auto run = run_cli("lessons check", "2>&1", "PASAPAS_LESSONS=" + dir_arg("good"));
    CHECK(run.status == 0);
    CHECK(run.out == "3 lessons checked, no problems\n");
}

TEST_CASE("cli: list prints one tab-separated line per lesson", "[cli]") {
    const auto run = run_cli("lessons list " + dir_arg("good"));
    CHECK(run.status == 0);
    CHECK(run.out ==
          "bom-crlf\tFichier Windows\t10\tdebutant\tprendre_en_main_du_materiel\t1\n"
          "complet\tTout ce qui existe\t25\tintermediaire\tsecurite_numerique\t7\n"
          "simple\tUne seule étape\t10\tavance\tnavigation_internet\t1\n");
}

TEST_CASE("cli: list shows the good lessons and reports the broken ones on stderr", "[cli]") {
    const auto run = run_cli("lessons list " + dir_arg("mixed"), "2>/dev/null");
    CHECK(run.status == 1);
    CHECK(run.out ==
          "bon-a\tBon A\t10\tdebutant\tprendre_en_main_du_materiel\t1\n"
          "bon-b\tBon B\t10\tdebutant\tprendre_en_main_du_materiel\t1\n");
}

TEST_CASE("cli: usage errors exit with 2, --help and --version with 0", "[cli]") {
    auto run = run_cli("frobnicate", "2>&1 >/dev/null");
    CHECK(run.status == 2);
    CHECK_THAT(run.out, Catch::Contains("unknown command \"frobnicate\"") || Catch::Contains("frobnicate"));
    CHECK_THAT(run.out, Catch::Contains("Usage: pasapas-cli lessons check [DIR]"));
    CHECK(run_cli("lessons", "2>/dev/null").status == 2);
    CHECK(run_cli("lessons verify", "2>/dev/null").status == 2);
    CHECK(run_cli("", "2>/dev/null").status == 2);
    CHECK(run_cli("lessons check a b", "2>/dev/null").status == 2);

    run = run_cli("--help", "2>/dev/null");
    CHECK(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("pasapas-cli lessons pot [DIR]"));
    run = run_cli("--version", "2>/dev/null");
    CHECK(run.status == 0);
    CHECK_THAT(run.out, Catch::StartsWith("pasapas-cli 0."));
}

TEST_CASE("cli: pot is a valid gettext template of every lesson string", "[cli]") {
    const auto run = run_cli("lessons pot " + dir_arg("good"), "2>/dev/null");
    REQUIRE(run.status == 0);
    const auto& pot = run.out;
    // Strings with their references; the same text twice is one entry with two references.
    CHECK_THAT(pot, Catch::Contains("#: lessons/complet/lesson.xml:3\nmsgid \"Tout ce qui existe\"\n"));
    CHECK_THAT(pot, Catch::Contains("msgid \"Un bouton vert\""));         // alt
    CHECK_THAT(pot, Catch::Contains("msgid \"C'est bien le vert.\""));    // target feedback
    CHECK_THAT(pot, Catch::Contains("msgid \"Visez le bouton.\""));       // <feedback>
    CHECK_THAT(pot, Catch::Contains("msgid \"Bravo !\""));                // <success>
    CHECK_THAT(pot, Catch::Contains("msgid \"Photo floue\""));            // item label
    CHECK_THAT(pot, Catch::Contains("msgid \"Écrivez-moi bonjour !\""));  // sms body
    CHECK_THAT(pot, Catch::Contains("msgid \"Votre remboursement\""));    // email subject
    CHECK_THAT(pot, Catch::Contains("msgid \"Cliquez ici pour recevoir 48,70 €.\""));
    CHECK_THAT(pot,
               Catch::Contains("#: lessons/bom-crlf/lesson.xml:11\n#: lessons/complet/lesson.xml:12\n"
                               "#: lessons/simple/lesson.xml:11\nmsgid \"Cliquez sur le bouton vert.\"\n"));
    // Deduplicated: each msgid once.
    std::size_t count = 0;
    for (auto at = pot.find("msgid \"Le bouton vert est à droite.\""); at != std::string::npos;
         at = pot.find("msgid \"Le bouton vert est à droite.\"", at + 1)) {
        ++count;
    }
    CHECK(count == 1);
    // The expected text of <type> is not shown to learners as text: not translated.
    CHECK_THAT(pot, !Catch::Contains("msgid \"Bonjour Zoé\""));

    const auto file = fs::temp_directory_path() / ("pasapas-test-cli-" + std::to_string(getpid()) + ".pot");
    std::ofstream(file) << pot;
    const auto status =
        std::system(("msgfmt --check -o /dev/null " + shell_quote(file.string()) + " 2>/dev/null").c_str());
    fs::remove(file);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("cli: pot escapes quotes and backslashes as PO requires", "[cli]") {
    const auto dir = fs::temp_directory_path() / ("pasapas-test-cli-esc-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "guillemets");
    std::ofstream(dir / "guillemets" / "lesson.xml")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lesson id=\"guillemets\" format=\"1\">\n"
           "<title>Le \"bon\" dossier C:\\Photos</title><summary>Résumé.</summary><minutes>5</minutes>\n"
           "<level>debutant</level><theme>email</theme>\n"
           "<tags><digcomp>2.1</digcomp><pix>2.1</pix><coop>email</coop></tags>\n"
           "<steps><step id=\"un\"><instruction>Cliquez.</instruction>\n"
           "<click><target id=\"a\" label=\"Dire &quot;oui&quot;\" correct=\"true\"/></click>\n"
           "<hint>Un indice.</hint></step></steps></lesson>\n";
    const auto run = run_cli("lessons pot " + shell_quote(dir.string()), "2>/dev/null");
    const auto file = dir / "out.pot";
    std::ofstream(file) << run.out;
    const auto status =
        std::system(("msgfmt --check -o /dev/null " + shell_quote(file.string()) + " 2>/dev/null").c_str());
    fs::remove_all(dir);
    CHECK(run.status == 0);
    CHECK_THAT(run.out,
               Catch::Contains(
                   "#: lessons/guillemets/lesson.xml:3\nmsgid \"Le \\\"bon\\\" dossier C:\\\\Photos\"\n"));
    CHECK_THAT(run.out, Catch::Contains("#: lessons/guillemets/lesson.xml:7\nmsgid \"Dire \\\"oui\\\"\"\n"));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("cli: pot holds exactly the strings the app will look up", "[cli]") {
    // The app translates the loaded model's text; a msgid that differs by one space would
    // never be found, so compare the template with the model itself.
    const auto run = run_cli("lessons pot " + dir_arg("good"), "2>/dev/null");
    const auto result = pasapas::core::LessonLoader{}.load_directory(kFixtures / "good");
    REQUIRE(result.lessons.size() == 3);
    std::vector<std::string> texts;
    for (const auto& lesson : result.lessons) {
        texts.push_back(lesson.title);
        texts.push_back(lesson.summary);
        for (const auto& step : lesson.steps) {
            texts.push_back(step.instruction);
            texts.insert(texts.end(), step.hints.begin(), step.hints.end());
            if (step.media) {
                texts.push_back(step.media->alt);
                texts.push_back(step.media->subject);
                texts.push_back(step.media->body);
            }
            const auto& activity = step.activity;
            for (const auto& option : activity.options) {
                texts.push_back(option.label);
                texts.push_back(option.feedback);
            }
            for (const auto& zone : activity.zones) {
                texts.push_back(zone.label);
            }
            for (const auto& item : activity.items) {
                texts.push_back(item.label);
            }
            for (const auto& [key, text] : activity.feedback) {
                texts.push_back(text);
            }
            texts.push_back(activity.success);
        }
    }
    std::size_t checked = 0;
    for (const auto& text : texts) {
        if (!text.empty()) {
            INFO(text);
            CHECK_THAT(run.out, Catch::Contains("msgid \"" + text + "\"\n"));
            ++checked;
        }
    }
    CHECK(checked > 40);
}
