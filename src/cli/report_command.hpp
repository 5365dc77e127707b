#pragma once
// `pasapas-cli report export|send`: the mediator console's exports and sending, for scripts and
// for a scheduled send on the workshop PC. Core and net only.
#include <filesystem>
#include <string_view>
#include <vector>

namespace pasapas::cli {

class ReportCommand {
public:
    explicit ReportCommand(std::filesystem::path executable);
    // args: what follows "report"; returns the process exit status (0 ok, 1 problem, 2 usage).
    int run(const std::vector<std::string_view>& args);

    static std::string usage();

private:
    std::filesystem::path executable_;
};

}  // namespace pasapas::cli
