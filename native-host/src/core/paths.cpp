#include "core/paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/error.hpp"

namespace caselog {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string xdgDir(const char* var, const char* fallbackUnderHome) {
  if (auto v = env(var); !v.empty() && v.front() == '/') return v;
  auto home = env("HOME");
  if (home.empty()) home = ".";
  return home + "/" + fallbackUnderHome;
}

}  // namespace

std::string defaultDbPath() {
  if (auto v = env("CASELOG_DB"); !v.empty()) return v;
  return xdgDir("XDG_DATA_HOME", ".local/share") + "/caselog/caselog.db";
}

std::string configDir() { return xdgDir("XDG_CONFIG_HOME", ".config") + "/caselog"; }

std::string defaultConfigPath() {
  if (auto v = env("CASELOG_CONFIG"); !v.empty()) return v;
  return configDir() + "/config.json";
}

void ensureParentDir(const std::string& filePath) {
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(filePath).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  if (fs::exists(parent, ec)) return;
  fs::create_directories(parent, ec);
  if (ec) throw Error(ErrorCode::storage, "cannot create folder " + parent.string() + ": " + ec.message());
  fs::permissions(parent, fs::perms::owner_all, fs::perm_options::replace, ec);
}

}  // namespace caselog
