#include "domain/config.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace caselog {

Config Config::defaults() { return Config{}; }

Config Config::load(const std::string& path) {
  Config config = defaults();
  std::ifstream in(path);
  if (!in) return config;
  std::stringstream text;
  text << in.rdbuf();
  try {
    config.values.merge_patch(nlohmann::json::parse(text.str()));
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::bad_request, "config file " + path + " is not valid JSON: " + e.what());
  }
  return config;
}

}  // namespace caselog
