// Typed access to the fields of a protocol request, with errors that name the field.
//
//   Fields req(json, "");             // the request itself
//   auto id = req.requiredString("caseId");
//   Fields c = req.object("case");    // nested: errors say "case.subject"
//
// A missing required field or a value of the wrong type throws caselog::Error(bad_request)
// whose message names the field path, e.g. "field `case.messages[2].body` must be a string".
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace caselog::messaging {

class Fields {
 public:
  // `value` must outlive this object. `path` is the prefix used in error messages ("" for the top).
  Fields(const nlohmann::json& value, std::string path);

  std::string requiredString(std::string_view name) const;
  // Absent or null: std::nullopt. Present with another type: bad_request.
  std::optional<std::string> optionalString(std::string_view name) const;
  std::string stringOr(std::string_view name, std::string fallback) const;
  std::optional<std::int64_t> optionalInt(std::string_view name, std::int64_t min, std::int64_t max) const;
  std::optional<Instant> optionalInstant(std::string_view name) const;  // ISO 8601 string
  Instant requiredInstant(std::string_view name) const;

  Fields object(std::string_view name) const;                      // required object
  std::vector<Fields> objectArray(std::string_view name) const;    // required array of objects
  std::vector<Fields> objectArrayOr(std::string_view name) const;  // absent: empty

  bool has(std::string_view name) const;
  const std::string& path() const { return path_; }

 private:
  const nlohmann::json& value_;
  std::string path_;

  std::string name(std::string_view field) const;
  const nlohmann::json* find(std::string_view field) const;
  std::vector<Fields> elements(const nlohmann::json& array, std::string_view field) const;
  [[noreturn]] void fail(std::string_view field, std::string_view what) const;
};

}  // namespace caselog::messaging
