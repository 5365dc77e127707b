#pragma once
// What the sending tests share: a temporary folder, child servers on loopback that are always
// stopped (RAII), a free port, and xAPI 1.0.3 statements built by hand like the exporter's.
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace sending_test {

namespace fs = std::filesystem;

using pasapas::test::TempDir;

// A port on 127.0.0.1 where nothing listens right now (the kernel picked it, then it was freed).
inline int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(fd);
    return ntohs(address.sin_port);
}

// A child process killed and reaped when the test leaves its scope, whatever happened in it.
class ChildProcess {
public:
    // stdout_file empty: stdout comes back through a pipe, for first_line().
    ChildProcess(const std::vector<std::string>& argv, const fs::path& stdout_file = {},
                 const std::vector<std::string>& extra_env = {}) {
        std::vector<char*> args;
        for (const auto& arg : argv) {
            args.push_back(const_cast<char*>(arg.c_str()));
        }
        args.push_back(nullptr);
        std::vector<std::string> env_strings = extra_env;
        std::vector<char*> env;
        for (char** entry = environ; *entry != nullptr; ++entry) {
            env.push_back(*entry);
        }
        for (auto& entry : env_strings) {
            env.push_back(entry.data());
        }
        env.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        int pipe_fds[2] = {-1, -1};
        if (stdout_file.empty()) {
            REQUIRE(::pipe(pipe_fds) == 0);
            posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
            posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
            posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_file.c_str(),
                                             O_WRONLY | O_CREAT | O_TRUNC, 0644);
            posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        }
        const int spawned = ::posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), env.data());
        posix_spawn_file_actions_destroy(&actions);
        if (pipe_fds[1] >= 0) {
            ::close(pipe_fds[1]);
        }
        read_fd_ = pipe_fds[0];
        REQUIRE(spawned == 0);
    }
    ~ChildProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
        if (read_fd_ >= 0) {
            ::close(read_fd_);
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The first line the child printed, or "" when it printed none within the time allowed.
    std::string first_line(std::chrono::milliseconds allowed = std::chrono::seconds{15}) {
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + allowed;
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd ready{read_fd_, POLLIN, 0};
            if (::poll(&ready, 1, 100) <= 0) {
                continue;
            }
            char c = 0;
            if (::read(read_fd_, &c, 1) != 1) {
                break;  // the child ended without a full line
            }
            if (c == '\n') {
                return line;
            }
            line += c;
        }
        return {};
    }

    [[nodiscard]] bool running() {
        int status = 0;
        return ::waitpid(pid_, &status, WNOHANG) == 0;
    }

private:
    pid_t pid_ = -1;
    int read_fd_ = -1;
};

// One xAPI 1.0.3 statement as the exporter makes them: an opaque account, an ADL verb, an
// activity, a UTC timestamp, a stable id.
inline std::string statement_json(const std::string& id, const std::string& account, const std::string& verb,
                                  const std::string& activity, const std::string& timestamp) {
    return R"({"id":")" + id +
           R"(","actor":{"objectType":"Agent","account":{"homePage":"https://pasapas.invalid",)" +
           R"("name":")" + account + R"("}},"verb":{"id":"http://adlnet.gov/expapi/verbs/)" + verb +
           R"(","display":{"en-US":")" + verb + R"("}},"object":{"objectType":"Activity","id":)" +
           R"("https://pasapas.invalid/activities/)" + activity + R"(","definition":{"name":{"fr-FR":")" +
           activity + R"("}}},"timestamp":")" + timestamp + R"("})";
}

}  // namespace sending_test
