// The one table of commands. A new command is a new cmd_*.cpp file and one line here.
#include "cli/command.hpp"

namespace caselog::cli {

const std::vector<std::unique_ptr<Command>>& commands() {
  static const std::vector<std::unique_ptr<Command>> table = [] {
    std::vector<std::unique_ptr<Command>> t;
    t.push_back(makeListCommand());
    t.push_back(makeShowCommand());
    t.push_back(makeSearchCommand());
    t.push_back(makeDueCommand());
    t.push_back(makeStatsCommand());
    t.push_back(makeCaptureCommand());
    t.push_back(makeImportCommand());
    t.push_back(makeExportCommand());
    t.push_back(makeVerifyCommand());
    t.push_back(makeNoteCommand());
    t.push_back(makeSnoozeCommand());
    t.push_back(makeDismissCommand());
    t.push_back(makeCategorizeCommand());
    t.push_back(makePinCommand());
    t.push_back(makeUnpinCommand());
    t.push_back(makeServeCommand());
    t.push_back(makeDemoCommand());
    return t;
  }();
  return table;
}

Command* findCommand(std::string_view name) {
  for (const auto& c : commands())
    if (c->name() == name) return c.get();
  return nullptr;
}

}  // namespace caselog::cli
