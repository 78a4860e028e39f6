#include "domain/config.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "domain/text.hpp"

namespace caselog {

namespace {

const char* typeName(const nlohmann::json& j) {
  if (j.is_number()) return "a number";
  if (j.is_boolean()) return "true or false";
  return j.type_name();
}

bool sameKind(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_number() && b.is_number()) return true;
  return a.type() == b.type();
}

// Every key the defaults know must keep its type after the overlay, so that a typo in the file is
// reported at load time instead of silently falling back to a default in the middle of a rule.
void checkTypes(const nlohmann::json& defaults, const nlohmann::json& merged, const std::string& where) {
  for (auto it = defaults.begin(); it != defaults.end(); ++it) {
    const auto found = merged.find(it.key());
    if (found == merged.end()) continue;
    const std::string path = where + "/" + it.key();
    if (!sameKind(*it, *found)) {
      throw Error(ErrorCode::bad_request,
                  "config key " + path + " must be " + typeName(*it) + ", not " + typeName(*found));
    }
    if (it->is_object()) checkTypes(*it, *found, path);
  }
}

Config overlay(const nlohmann::json& patch, const std::string& origin) {
  if (!patch.is_object()) throw Error(ErrorCode::bad_request, origin + " must hold a JSON object");
  Config config = Config::defaults();
  const nlohmann::json defaults = config.values;
  config.values.merge_patch(patch);
  try {
    checkTypes(defaults, config.values, "");
  } catch (const Error& e) {
    throw Error(ErrorCode::bad_request, origin + ": " + e.what());
  }
  return config;
}

}  // namespace

Config Config::defaults() {
  Config config;
  config.values = nlohmann::json::parse(defaultConfigJson());
  return config;
}

Config Config::fromJson(const nlohmann::json& patch) {
  return overlay(patch, "configuration");
}

Config Config::load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return defaults();
  std::ifstream in(path);
  if (!in || std::filesystem::is_directory(path, ec))
    throw Error(ErrorCode::bad_request, "cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json patch;
  try {
    patch = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::bad_request, "config file " + path + " is not valid JSON: " + e.what());
  }
  return overlay(patch, "config file " + path);
}

// Walks "/a/b/c" object keys directly: the rules read keys in loops, and a json_pointer parse per
// read showed up in profiles. Pointers with escapes (~0, ~1) or array indices take the slow path.
const nlohmann::json* Config::find(const std::string& pointer) const {
  if (pointer.find('~') != std::string::npos) {
    const nlohmann::json::json_pointer ptr(pointer);
    return values.contains(ptr) ? &values.at(ptr) : nullptr;
  }
  const nlohmann::json* node = &values;
  std::size_t pos = 0;
  while (pos < pointer.size()) {
    if (pointer[pos] != '/' || !node->is_object()) return nullptr;
    const std::size_t end = std::min(pointer.find('/', pos + 1), pointer.size());
    const auto it = node->find(pointer.substr(pos + 1, end - pos - 1));
    if (it == node->end()) return nullptr;
    node = &*it;
    pos = end;
  }
  return node;
}

double Config::number(const std::string& pointer, double fallback) const {
  const auto* j = find(pointer);
  return j && j->is_number() ? j->get<double>() : fallback;
}

std::string Config::string(const std::string& pointer, const std::string& fallback) const {
  const auto* j = find(pointer);
  return j && j->is_string() ? j->get<std::string>() : fallback;
}

bool Config::flag(const std::string& pointer, bool fallback) const {
  const auto* j = find(pointer);
  return j && j->is_boolean() ? j->get<bool>() : fallback;
}

std::vector<std::string> Config::strings(const std::string& pointer) const {
  std::vector<std::string> out;
  const auto* j = find(pointer);
  if (!j || !j->is_array()) return out;
  for (const auto& item : *j) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

const std::vector<std::string>& Config::folded(const std::string& pointer) const {
  if (!foldedCache_) foldedCache_ = std::make_unique<FoldedCache>();  // a moved-from Config
  std::lock_guard lock(foldedCache_->mutex);
  auto it = foldedCache_->lists.find(pointer);
  if (it == foldedCache_->lists.end()) {
    std::vector<std::string> list = strings(pointer);
    for (auto& s : list) s = text::fold(s);
    it = foldedCache_->lists.emplace(pointer, std::move(list)).first;
  }
  return it->second;  // std::map: the reference stays valid as other lists are added
}

const void* Config::cachedView(std::type_index type, ViewMaker make) const {
  if (!foldedCache_) foldedCache_ = std::make_unique<FoldedCache>();  // a moved-from Config
  {
    std::lock_guard lock(foldedCache_->mutex);
    const auto it = foldedCache_->views.find(type);
    if (it != foldedCache_->views.end()) return it->second.get();
  }
  auto made = make(*this);  // unlocked: making a view may read folded() lists
  std::lock_guard lock(foldedCache_->mutex);
  return foldedCache_->views.try_emplace(type, std::move(made)).first->second.get();  // first one made wins
}

}  // namespace caselog
