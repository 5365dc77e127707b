// Catalogue benchmark: generates 1,000 lessons (every activity kind, hints, feedback, one
// picture each) in a temporary folder, then times LessonLoader::load_directory over several
// runs and prints the median. Target: under 100 ms for the whole catalogue.
//
// Usage: pasapas-bench-lessons [--lessons N] [--runs N]
#include "core/lesson_loader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

void write_lesson(const fs::path& dir, int n) {
    const std::string id = "lecon-" + std::to_string(n);
    fs::create_directories(dir / id);
    std::ofstream(dir / id / "image.svg")
        << R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>)";
    std::ofstream xml(dir / id / "lesson.xml");
    xml << R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson id=")"
        << id << R"(" format="1">
  <title>Leçon générée n°)"
        << n << R"(</title>
  <summary>Une leçon produite pour mesurer le chargement du catalogue.</summary>
  <minutes>10</minutes>
  <level>debutant</level>
  <theme>prendre_en_main_du_materiel</theme>
  <tags><digcomp>5.2</digcomp><pix>5.2</pix><coop>prendre_en_main_du_materiel</coop></tags>
  <steps>
    <step id="clic">
      <instruction>Cliquez sur le bouton vert.</instruction>
      <image src="image.svg" alt="Un rond"/>
      <click>
        <target id="vert" label="Vert" correct="true"/>
        <target id="rouge" label="Rouge" feedback="C'est le rouge."/>
        <feedback on="miss">Visez le bouton.</feedback>
        <success>Bravo !</success>
      </click>
      <hint>Le bouton vert.</hint>
      <hint>Cliquez une fois sur le bouton vert.</hint>
    </step>
    <step id="double">
      <instruction>Ouvrez le dossier.</instruction>
      <double-click>
        <target id="dossier" label="Dossier" correct="true"/>
        <feedback on="single-click">Deux fois, vite.</feedback>
      </double-click>
      <hint>Deux clics rapides.</hint>
    </step>
    <step id="glisser">
      <instruction>Rangez la photo.</instruction>
      <drag>
        <zone id="album" label="Album"/>
        <item id="photo" label="Photo" zone="album"/>
      </drag>
      <hint>Maintenez le bouton appuyé.</hint>
    </step>
    <step id="taper">
      <instruction>Tapez bonjour.</instruction>
      <sms from="Camille">Écrivez-moi bonjour !</sms>
      <type expected="bonjour" case="ignore"/>
      <hint>b, o, n, j, o, u, r.</hint>
    </step>
    <step id="choisir">
      <instruction>Ce message est-il une arnaque ?</instruction>
      <choice>
        <answer id="oui" label="Oui" correct="true" feedback="Il demande un code."/>
        <answer id="non" label="Non" feedback="Regardez l'adresse."/>
      </choice>
      <hint>Regardez l'adresse.</hint>
    </step>
  </steps>
</lesson>
)";
}

}  // namespace

int main(int argc, char** argv) {
    int count = 1000;
    int runs = 7;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--lessons") {
            count = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--runs") {
            runs = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    const fs::path dir = fs::temp_directory_path() / ("pasapas-bench-lessons-" + std::to_string(getpid()));
    for (int n = 0; n < count; ++n) {
        write_lesson(dir, n);
    }

    const pasapas::core::LessonLoader loader;
    std::vector<double> ms;
    std::size_t loaded = 0;
    std::size_t problems = 0;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const auto result = loader.load_directory(dir);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        loaded = result.lessons.size();
        problems = result.problems.size();
        if (problems != 0) {
            std::fprintf(stderr, "first problem: %s\n", result.problems.front().to_string().c_str());
        }
    }
    fs::remove_all(dir);
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    std::printf(
        "Load and validate %d generated lessons (median of %d runs, warm cache): %.1f ms"
        " (%zu loaded, %zu problems; target < 100 ms)\n",
        count, runs, median, loaded, problems);
    return loaded == static_cast<std::size_t>(count) && median < 100.0 ? 0 : 3;
}
