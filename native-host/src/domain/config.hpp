// The seller-editable configuration: coefficients, thresholds, lexicons, rules, templates.
// Defaults are built in and documented in docs/CONFIG.md; the file at defaultConfigPath()
// overlays them key by key. Owned by the case-intelligence layer (issue 3).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace caselog {

struct Config {
  nlohmann::json values = nlohmann::json::object();  // defaults merged with the file

  static Config defaults();
  // Defaults overlaid with the file at `path` (a missing file is fine: defaults).
  // A file that is not valid JSON throws caselog::Error(bad_request) naming the file and line.
  static Config load(const std::string& path);
};

}  // namespace caselog
