// Running the built `caselog` in a temp folder for the CLI process tests (cli_*.cpp).
#pragma once

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "process/support.hpp"

namespace caselog::test {

// caselog ARGS... with the temp folder's environment (CASELOG_DB inside it) plus `env`.
inline RunResult cli(const TempDir& dir, std::vector<std::string> args, std::string_view input = {},
                     const std::map<std::string, std::string>& env = {}) {
  args.insert(args.begin(), CASELOG_CLI_BIN);
  return runProcess(args, childEnvironment(dir, env), input);
}

// Parses stdout as JSON; fails the test (and returns null) when it is not.
inline nlohmann::json jsonOut(const RunResult& r) {
  auto doc = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << "stdout is not JSON:\n" << r.out << "\nstderr:\n" << r.err;
  return doc.is_discarded() ? nlohmann::json() : doc;
}

inline void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// The sqlite3 shell's answer to `sql` on the temp folder's database: what a test reads or changes
// behind CaseLog's back. Fails the test when the shell does.
inline std::string sqliteQuery(const TempDir& dir, const std::string& sql) {
  const auto r = runProcess({sqlite3Binary(), dir.dbPath(), sql}, childEnvironment(dir));
  EXPECT_EQ(r.exitCode, 0) << sql << "\n" << r.err;
  return r.out;
}

// The number of lines in a text.
inline std::size_t lineCount(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

const std::map<std::string, std::string> kNow = {{"CASELOG_NOW", "2026-11-26T12:00:00Z"}};

}  // namespace caselog::test
