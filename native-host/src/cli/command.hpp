// One CLI command: its name, usage text and options beside its code (Taskwarrior's Cmd*.cpp).
// Commands are registered in one table (registry.cpp) and run by the app (app.cpp).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.hpp"
#include "cli/terminal.hpp"

namespace caselog {
class CaseService;
}

namespace caselog::cli {

// Everything a command may touch. The app builds it after parsing, so commands do no global I/O.
struct Context {
  CaseService& service;
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  Terminal terminal;    // whether stdout/stderr are terminals, and the width
  bool json = false;    // --json: machine-readable output on stdout
  std::string dbPath;   // the database in use (for messages)
  std::string portEnv;  // CASELOG_PORT as given, empty when unset
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view summary() const = 0;  // one line for `caselog help`
  virtual std::string_view usage() const = 0;    // the full usage text, shown on a usage error
  virtual std::vector<OptionSpec> options() const { return {}; }
  // Whether the command may create the database when its file does not exist yet: true for the
  // commands that bring cases in (capture, import, demo). The others need stored cases, so a
  // --db or CASELOG_DB path with no file behind it is a mistyped path: an error, and nothing is
  // created. (The default path is created by any command, as the host does on its first start.)
  virtual bool createsDatabase() const { return false; }
  // Returns the exit code. Throws UsageError (exit 2) or caselog::Error (exit 1).
  virtual int run(Context& ctx, const ParsedArgs& args) = 0;
};

// The table of every command, in the order `caselog help` lists them.
const std::vector<std::unique_ptr<Command>>& commands();
Command* findCommand(std::string_view name);

// One factory per command file.
std::unique_ptr<Command> makeListCommand();
std::unique_ptr<Command> makeShowCommand();
std::unique_ptr<Command> makeSearchCommand();
std::unique_ptr<Command> makeDueCommand();
std::unique_ptr<Command> makeStatsCommand();
std::unique_ptr<Command> makeExportCommand();
std::unique_ptr<Command> makeVerifyCommand();
std::unique_ptr<Command> makeCaptureCommand();
std::unique_ptr<Command> makeImportCommand();
std::unique_ptr<Command> makeDemoCommand();
std::unique_ptr<Command> makeServeCommand();
std::unique_ptr<Command> makeCategorizeCommand();
std::unique_ptr<Command> makeSnoozeCommand();
std::unique_ptr<Command> makeDismissCommand();
std::unique_ptr<Command> makeNoteCommand();
std::unique_ptr<Command> makePinCommand();
std::unique_ptr<Command> makeUnpinCommand();

}  // namespace caselog::cli
