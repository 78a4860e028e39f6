// Command-line parsing: the global options (`caselog [--db PATH] [--now ISO] [--json] COMMAND`)
// and each command's own options and positional arguments. Pure: no I/O, no environment.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace caselog::cli {

// A usage error: exit code 2, the message and the command's usage on stderr.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string name;  // long name without dashes: "status" for --status
  bool takesValue = false;
  char shortName = 0;  // 'o' for -o; 0 for none
};

// What a command received: options by long name, flags, positionals in order.
class ParsedArgs {
 public:
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string getOr(const std::string& name, const std::string& fallback) const;
  // An integer option within [min, max]; UsageError naming the option otherwise.
  int getInt(const std::string& name, int fallback, int min, int max) const;
  // One of `allowed`; UsageError listing them otherwise.
  std::string getChoice(const std::string& name, const std::string& fallback,
                        const std::vector<std::string>& allowed) const;

  const std::vector<std::string>& positionals() const { return positionals_; }
  // Case IDs as typed or pasted, without surrounding whitespace ("17000168081 " is 17000168081).
  // The positional at `index`: UsageError "missing CASEID" when it is absent or blank.
  std::string caseId(std::size_t index) const;
  // The option `name` (--case ID): nullopt when not given, UsageError when given blank.
  std::optional<std::string> caseIdOption(const std::string& name) const;
  // Exactly `count` positionals, or at least `count` when `orMore`; UsageError otherwise.
  void expectPositionals(std::size_t count, const std::string& what, bool orMore = false) const;

  void set(const std::string& name, std::string value) { values_[name] = std::move(value); }
  void addPositional(std::string value) { positionals_.push_back(std::move(value)); }

 private:
  std::map<std::string, std::string> values_;  // flags hold ""
  std::vector<std::string> positionals_;
};

// Parses `args` against `specs`: --name VALUE, --name=VALUE, -o VALUE, --flag; "--" ends the
// options; "-" alone is a positional (stdin). Unknown options and missing values are UsageErrors.
ParsedArgs parseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

// The options every command accepts, before or after the command name.
const std::vector<OptionSpec>& globalOptionSpecs();

struct GlobalSplit {
  ParsedArgs global;  // options given before the command
  std::optional<std::string> command;
  std::vector<std::string> rest;  // everything after the command name
};

// Splits argv (without argv[0]) at the first non-option: the command name.
GlobalSplit splitGlobal(const std::vector<std::string>& args);

// A point in time typed by a user: ISO 8601 ("2026-12-01", "2026-12-01T09:00:00Z") or an offset
// from now ("3d", "2w", "12h", "90m"). std::nullopt when it is neither.
std::optional<Instant> parseWhen(const std::string& text, Instant now);

}  // namespace caselog::cli
