#include "cli/app.hpp"

#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/time.hpp"
#include "domain/config.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

#ifndef CASELOG_VERSION
#define CASELOG_VERSION "0"
#endif

namespace caselog::cli {

namespace {

struct Resolved {
  std::string dbPath;
  std::string dbFrom;  // "--db" or "CASELOG_DB" when the user named the path; empty for the default
  std::string configPath;
  Clock clock;
  bool json = false;
};

std::optional<std::string> pick(const ParsedArgs& cmd, const ParsedArgs& global, const std::string& name) {
  if (auto v = cmd.get(name)) return v;
  return global.get(name);
}

// Applies --db/--now/--json (before or after the command) and the environment.
Resolved resolve(const ParsedArgs& cmd, const ParsedArgs& global, AppIo& io) {
  Resolved r;
  r.json = cmd.has("json") || global.has("json");
  if (auto db = pick(cmd, global, "db")) {
    if (db->empty()) throw UsageError("--db needs a path");
    r.dbPath = *db;
    r.dbFrom = "--db";
  } else if (auto env = io.env("CASELOG_DB"); env && !env->empty()) {
    r.dbPath = *env;
    r.dbFrom = "CASELOG_DB";
  } else {
    r.dbPath = defaultDbPath();
  }
  auto config = io.env("CASELOG_CONFIG");
  r.configPath = config && !config->empty() ? *config : defaultConfigPath();
  if (auto now = pick(cmd, global, "now")) {
    auto t = parseIso8601(*now);
    if (!t)
      throw UsageError("--now needs an ISO 8601 instant such as 2026-11-20T14:05:00Z, not '" + *now + "'");
    r.clock = fixedClock(*t);
  } else if (auto env = io.env("CASELOG_NOW"); env && !env->empty()) {
    auto t = parseIso8601(*env);
    if (!t) throw Error(ErrorCode::bad_request, "CASELOG_NOW is not an ISO 8601 instant: '" + *env + "'");
    r.clock = fixedClock(*t);
  } else {
    r.clock = [] {
      return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    };
  }
  return r;
}

// A path the user named for a command that needs stored cases must lead to a database: a
// mistyped one would otherwise be created, empty, and the command would report on nothing.
void requireDatabase(const Command& cmd, const Resolved& r) {
  if (cmd.createsDatabase() || r.dbFrom.empty()) return;
  std::error_code ec;
  if (std::filesystem::exists(r.dbPath, ec) || ec) return;  // ec: let opening it say what is wrong
  throw Error(ErrorCode::not_found, "no CaseLog database at " + r.dbPath + " (check " + r.dbFrom +
                                        "; a capture or 'caselog demo' creates one)");
}

int usageError(AppIo& io, const std::string& message, std::string_view usage) {
  io.err << "caselog: " << message << "\n\n" << usage;
  if (!usage.empty() && usage.back() != '\n') io.err << "\n";
  return 2;
}

int runHelp(const std::vector<std::string>& rest, AppIo& io) {
  if (rest.empty()) {
    io.out << mainUsage();
    return 0;
  }
  Command* cmd = findCommand(rest[0]);
  if (!cmd) return usageError(io, "unknown command '" + rest[0] + "'", mainUsage());
  io.out << cmd->usage();
  return 0;
}

int runCommand(Command& cmd, const GlobalSplit& split, AppIo& io) {
  auto specs = cmd.options();
  specs.insert(specs.end(), globalOptionSpecs().begin(), globalOptionSpecs().end());
  ParsedArgs args;
  Resolved resolved;
  try {
    args = parseArgs(split.rest, specs);
    if (args.has("help")) {
      io.out << cmd.usage();
      return 0;
    }
    resolved = resolve(args, split.global, io);
  } catch (const UsageError& e) {
    return usageError(io, e.what(), cmd.usage());
  }
  requireDatabase(cmd, resolved);
  const Config config = Config::load(resolved.configPath);
  auto store = openSqliteStore(resolved.dbPath);
  CaseService service(*store, config, resolved.clock);
  auto port = io.env("CASELOG_PORT");
  Context ctx{service, io.out, io.err, io.in, io.terminal, resolved.json, resolved.dbPath, port.value_or("")};
  try {
    return cmd.run(ctx, args);
  } catch (const UsageError& e) {
    io.out.flush();
    return usageError(io, e.what(), cmd.usage());
  }
}

}  // namespace

std::string mainUsage() {
  std::string text =
      "Usage: caselog [--db PATH] [--now ISO] [--json] COMMAND [ARGS...]\n"
      "\n"
      "CaseLog keeps your Amazon Seller Support cases as a permanent, searchable record.\n"
      "\n"
      "Commands:\n";
  for (const auto& c : commands()) {
    std::string name(c->name());
    name.resize(std::max<std::size_t>(name.size(), 12), ' ');
    text += "  " + name + "  " + std::string(c->summary()) + "\n";
  }
  text +=
      "\n"
      "Options (before or after the command):\n"
      "  --db PATH     the database (default: $CASELOG_DB, else ~/.local/share/caselog/caselog.db)\n"
      "  --now ISO     use this instant as \"now\" (default: $CASELOG_NOW, else the clock)\n"
      "  --json        machine-readable output\n"
      "  --help        this text, or a command's usage after the command\n"
      "\n"
      "Environment: CASELOG_DB, CASELOG_NOW, CASELOG_CONFIG (config file), CASELOG_PORT (history view).\n"
      "Exit status: 0 ok, 1 error (one line on stderr), 2 usage error.\n"
      "Run 'caselog help COMMAND' for a command's options.\n";
  return text;
}

int runApp(const std::vector<std::string>& args, AppIo& io) {
  GlobalSplit split;
  try {
    split = splitGlobal(args);
  } catch (const UsageError& e) {
    return usageError(io, e.what(), mainUsage());
  }
  if (split.global.has("version")) {
    io.out << "caselog " << CASELOG_VERSION << "\n";
    return 0;
  }
  if (!split.command) {
    if (split.global.has("help")) return runHelp({}, io);
    return usageError(io, "missing command", mainUsage());
  }
  if (*split.command == "help") return runHelp(split.rest, io);
  Command* cmd = findCommand(*split.command);
  if (!cmd) return usageError(io, "unknown command '" + *split.command + "'", mainUsage());
  try {
    return runCommand(*cmd, split, io);
  } catch (const Error& e) {
    io.out.flush();
    io.err << "caselog: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    io.out.flush();
    io.err << "caselog: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace caselog::cli
