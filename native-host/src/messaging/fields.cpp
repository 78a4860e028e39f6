#include "messaging/fields.hpp"

#include "core/error.hpp"

namespace caselog::messaging {

Fields::Fields(const nlohmann::json& value, std::string path) : value_(value), path_(std::move(path)) {
  if (!value_.is_object()) {
    throw Error(ErrorCode::bad_request, path_.empty() ? "a request must be a JSON object"
                                                      : "field `" + path_ + "` must be an object");
  }
}

std::string Fields::name(std::string_view field) const {
  return path_.empty() ? std::string(field) : path_ + "." + std::string(field);
}

void Fields::fail(std::string_view field, std::string_view what) const {
  throw Error(ErrorCode::bad_request, "field `" + name(field) + "` " + std::string(what));
}

const nlohmann::json* Fields::find(std::string_view field) const {
  auto it = value_.find(field);
  if (it == value_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Fields::has(std::string_view field) const {
  return find(field) != nullptr;
}

std::string Fields::requiredString(std::string_view field) const {
  auto v = optionalString(field);
  if (!v) fail(field, "is required (a string)");
  return *v;
}

std::optional<std::string> Fields::optionalString(std::string_view field) const {
  const auto* v = find(field);
  if (!v) return std::nullopt;
  if (!v->is_string()) fail(field, "must be a string");
  return v->get<std::string>();
}

std::string Fields::stringOr(std::string_view field, std::string fallback) const {
  auto v = optionalString(field);
  return v ? *v : std::move(fallback);
}

std::optional<std::int64_t> Fields::optionalInt(std::string_view field, std::int64_t min,
                                                std::int64_t max) const {
  const auto* v = find(field);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) fail(field, "must be an integer");
  // An unsigned value above INT64_MAX reads back negative as int64; compare as unsigned first.
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    fail(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  const auto n = v->get<std::int64_t>();
  if (n < min || n > max)
    fail(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return n;
}

std::optional<Instant> Fields::optionalInstant(std::string_view field) const {
  auto text = optionalString(field);
  if (!text) return std::nullopt;
  auto t = parseIso8601(*text);
  if (!t) fail(field, "must be an ISO 8601 date or time, e.g. 2026-11-20T14:05:00Z");
  return t;
}

Instant Fields::requiredInstant(std::string_view field) const {
  auto t = optionalInstant(field);
  if (!t) fail(field, "is required (an ISO 8601 date or time)");
  return *t;
}

Fields Fields::object(std::string_view field) const {
  const auto* v = find(field);
  if (!v) fail(field, "is required (an object)");
  if (!v->is_object()) fail(field, "must be an object");
  return Fields(*v, name(field));
}

std::vector<Fields> Fields::elements(const nlohmann::json& array, std::string_view field) const {
  std::vector<Fields> out;
  out.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string at = name(field) + "[" + std::to_string(i) + "]";
    if (!array[i].is_object()) throw Error(ErrorCode::bad_request, "field `" + at + "` must be an object");
    out.emplace_back(array[i], at);
  }
  return out;
}

std::vector<Fields> Fields::objectArray(std::string_view field) const {
  const auto* v = find(field);
  if (!v) fail(field, "is required (an array)");
  if (!v->is_array()) fail(field, "must be an array");
  return elements(*v, field);
}

std::vector<Fields> Fields::objectArrayOr(std::string_view field) const {
  const auto* v = find(field);
  if (!v) return {};
  if (!v->is_array()) fail(field, "must be an array");
  return elements(*v, field);
}

}  // namespace caselog::messaging
