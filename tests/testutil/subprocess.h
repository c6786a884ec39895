// Running the real `vigil` binary from tests: spawn, wait, kill, capture output.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace vigil::testutil {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs `argv` to completion, capturing stdout and stderr.
ProcessResult RunProcess(const std::vector<std::string>& argv);
// Starts `argv` in the background (output discarded); returns its pid.
pid_t StartProcess(const std::vector<std::string>& argv);
// Sends SIGKILL and reaps the process.
void KillProcess(pid_t pid);
// True while the process has not exited (reaps it if it has).
bool IsRunning(pid_t pid);

}  // namespace vigil::testutil
