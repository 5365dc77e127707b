// Child process for the crash-safety test: records events as fast as it can and acknowledges
// each one on stdout only after record() has returned, until the test kills it.
//   pasapas_store_writer <database> [count]
#include "core/progress_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <database> [count]\n", argv[0]);
        return 2;
    }
    try {
        pasapas::core::ProgressStore store(argv[1]);
        const auto learner = store.create_learner("Writer Invented", "owl");
        const long limit = argc > 2 ? std::strtol(argv[2], nullptr, 10) : -1;
        for (int n = 0; limit < 0 || n < limit; ++n) {
            pasapas::core::StepEvent event;
            event.learner = learner;
            event.lesson_id = "crash-lesson";
            event.step_id = "step-" + std::to_string(n);
            event.step_index = n;
            event.action = "attempt";
            event.success = n % 2 == 0;
            event.duration_ms = n;
            pasapas::core::LessonProgress progress;
            progress.lesson_id = "crash-lesson";
            progress.status = pasapas::core::LessonStatus::InProgress;
            progress.current_step = n;
            store.record(event, progress);
            std::printf("ack %d\n", n);
            std::fflush(stdout);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "store writer: %s\n", error.what());
        return 1;
    }
    return 0;
}
