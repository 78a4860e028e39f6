// The `caselog` program as a function, so tests can run it in-process: parses the global options,
// finds the command in the table, opens the store and the configuration, runs the command, and
// turns failures into exit codes (0 ok, 1 user error with one line on stderr, 2 usage error).
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/terminal.hpp"

namespace caselog::cli {

struct AppIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  Terminal terminal;
  // Reads an environment variable (CASELOG_DB, CASELOG_NOW, CASELOG_CONFIG, CASELOG_PORT).
  std::function<std::optional<std::string>(const std::string&)> env;
};

// args: argv without the program name.
int runApp(const std::vector<std::string>& args, AppIo& io);

// The top-level usage: global options and one line per command.
std::string mainUsage();

}  // namespace caselog::cli
