// The seller-editable configuration: coefficients, thresholds, lexicons, rules, templates.
// Defaults are built in and documented in docs/CONFIG.md; the file at defaultConfigPath()
// overlays them key by key. Owned by the case-intelligence layer (issue 3).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <typeindex>
#include <vector>

namespace caselog {

struct Config {
  nlohmann::json values = nlohmann::json::object();  // defaults merged with the file

  static Config defaults();
  // Defaults overlaid with the file at `path` (a missing file is fine: defaults; one that exists
  // but cannot be read throws caselog::Error(bad_request)).
  // A file that is not valid JSON throws caselog::Error(bad_request) naming the file and line.
  // A key whose value has the wrong type (a string where the default is a number…) throws too.
  static Config load(const std::string& path);
  // Defaults overlaid with an in-memory JSON object (tests, the service). Same checks as load().
  static Config fromJson(const nlohmann::json& overlay);

  // Readers by JSON pointer ("/priority/coefficients/category"). A missing key gives the fallback.
  const nlohmann::json* find(const std::string& pointer) const;
  double number(const std::string& pointer, double fallback = 0) const;
  std::string string(const std::string& pointer, const std::string& fallback = "") const;
  bool flag(const std::string& pointer, bool fallback = false) const;
  std::vector<std::string> strings(const std::string& pointer) const;  // array of strings, or empty
  // strings(pointer), each text::fold()ed: made once per Config and kept, because the rules match
  // these lexicons against every reply. `values` must not change after the first call (a copy
  // of the Config starts with an empty cache).
  const std::vector<std::string>& folded(const std::string& pointer) const;
  // A typed view of the configuration, made by T::from(*this) the first time T is asked for and
  // kept likewise: the rules read the numbers and lists they use for every reply or case
  // (weights, coefficients, patterns) as plain fields instead of a lookup by pointer per read.
  template <class T>
  const T& view() const {
    return *static_cast<const T*>(
        cachedView(typeid(T), [](const Config& config) -> std::shared_ptr<const void> {
          return std::make_shared<const T>(T::from(config));
        }));
  }

  Config() = default;
  Config(const Config& other) : values(other.values) {}
  Config& operator=(const Config& other) {
    values = other.values;
    foldedCache_ = std::make_unique<FoldedCache>();
    return *this;
  }
  Config(Config&&) = default;
  Config& operator=(Config&&) = default;

 private:
  struct FoldedCache {
    std::mutex mutex;
    std::map<std::string, std::vector<std::string>, std::less<>> lists;
    std::map<std::type_index, std::shared_ptr<const void>> views;
  };
  using ViewMaker = std::shared_ptr<const void> (*)(const Config&);
  const void* cachedView(std::type_index type, ViewMaker make) const;
  mutable std::unique_ptr<FoldedCache> foldedCache_ = std::make_unique<FoldedCache>();
};

// The built-in defaults as JSON text (config_defaults.cpp); docs/CONFIG.md documents every key.
const char* defaultConfigJson();

}  // namespace caselog
