// Start-up benchmark: from process start to the first painted, interactive home screen, and
// peak resident memory, for Pas à Pas and for an empty wx frame, run alternately so that
// both see the same machine state. Prints medians and ratios against the targets
// (at most 1.5x the empty frame's time and 1.4x its memory).
//
// Usage: pasapas-bench-startup [--runs N]   (needs an X display; ./dev bench provides one)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
    double ms = 0;
    double mib = 0;
};

// Runs argv until it prints PASAPAS_READY; returns nothing if it never does.
std::optional<Sample> run_once(const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) {
        return std::nullopt;
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        return std::nullopt;
    }
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<char*> argv;
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    std::string seen;
    char buffer[256];
    bool ready = false;
    std::chrono::steady_clock::time_point ready_at;
    while (!ready) {
        const auto n = read(out[0], buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        seen.append(buffer, static_cast<std::size_t>(n));
        if (seen.find("PASAPAS_READY") != std::string::npos) {
            ready = true;
            ready_at = std::chrono::steady_clock::now();
        }
    }
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (!ready) {
        std::fprintf(stderr, "%s never reported ready (exit status %d)\n", args[0].c_str(), status);
        return std::nullopt;
    }
    Sample sample;
    sample.ms = std::chrono::duration<double, std::milli>(ready_at - start).count();
    sample.mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
    return sample;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 9;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--runs") {
            runs = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    const fs::path bin = fs::canonical("/proc/self/exe").parent_path();
    const fs::path lessons = bin.parent_path() / "share" / "pasapas" / "lessons";
    const fs::path scratch = fs::temp_directory_path() / ("pasapas-bench-" + std::to_string(getpid()));
    fs::create_directories(scratch);

    const std::vector<std::string> app{(bin / "pasapas").string(),      "--guest",   "--bench-ready", "--db",
                                       (scratch / "bench.db").string(), "--lessons", lessons.string()};
    const std::vector<std::string> empty{(bin / "pasapas-bench-empty-frame").string(), "--bench-ready"};

    // One unmeasured run of each warms the page cache, as on a PC that has run the app before.
    run_once(empty);
    run_once(app);

    std::vector<double> app_ms, app_mib, empty_ms, empty_mib;
    for (int i = 0; i < runs; ++i) {
        const auto e = run_once(empty);
        const auto a = run_once(app);
        if (!e || !a) {
            fs::remove_all(scratch);
            return 1;
        }
        empty_ms.push_back(e->ms);
        empty_mib.push_back(e->mib);
        app_ms.push_back(a->ms);
        app_mib.push_back(a->mib);
    }
    fs::remove_all(scratch);

    const double em = median(empty_ms), am = median(app_ms);
    const double er = median(empty_mib), ar = median(app_mib);
    std::printf("Start-up to the first painted, interactive home screen (median of %d alternated runs)\n",
                runs);
    std::printf("%-22s %12s %18s\n", "", "time (ms)", "peak memory (MiB)");
    std::printf("%-22s %12.1f %18.1f\n", "empty wx frame", em, er);
    std::printf("%-22s %12.1f %18.1f\n", "Pas à Pas (home)", am, ar);
    std::printf("%-22s %11.2fx %17.2fx   (targets: <= 1.50x, <= 1.40x)\n", "ratio", am / em, ar / er);
    const bool ok = am / em <= 1.5 && ar / er <= 1.4;
    std::printf("%s\n", ok ? "Within targets." : "OUTSIDE TARGETS.");
    return ok ? 0 : 3;
}
