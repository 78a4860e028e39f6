// A temporary folder for one test (real SQLite files), removed afterwards.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace caselog::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "caselog-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs the sqlite3 command-line shell on a database with the given SQL; returns its exit code.
inline int sqliteCli(const std::string& db, const std::string& sql) {
  const std::string script = db + ".sql";
  if (FILE* f = std::fopen(script.c_str(), "w")) {
    std::fputs(sql.c_str(), f);
    std::fclose(f);
  }
  const std::string cmd = "sqlite3 -bail '" + db + "' < '" + script + "' >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  std::remove(script.c_str());
  return rc;
}

}  // namespace caselog::testing
