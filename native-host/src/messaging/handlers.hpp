// One handler per protocol request type (docs/PROTOCOL.md), each in its own handler_<type>.cpp.
// A handler reads its fields, calls the CaseService and returns the answer object without `id`
// (the dispatcher adds it). Failures are thrown as caselog::Error with a protocol error code.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "messaging/fields.hpp"
#include "service/case_service.hpp"

namespace caselog::messaging {

// What `hello` reports about this host.
struct HostInfo {
  std::string version;  // CASELOG_VERSION
  std::string dbPath;
  std::optional<std::string> viewUrl;  // the history view with its token, when this host serves it
};

struct HandlerContext {
  CaseService& service;
  const HostInfo& host;
};

using Handler = nlohmann::json (*)(const Fields& request, HandlerContext& ctx);

// Answers must fit in one host->browser frame (1 MiB). Paged answers fill up to this many bytes
// of JSON, leaving room for the envelope.
inline constexpr std::size_t kAnswerBudget = 900 * 1024;

// Serialized size of a JSON value as the host will send it.
std::size_t jsonSize(const nlohmann::json& value);

nlohmann::json handleHello(const Fields& request, HandlerContext& ctx);
nlohmann::json handleCapture(const Fields& request, HandlerContext& ctx);
nlohmann::json handleCaptureList(const Fields& request, HandlerContext& ctx);
nlohmann::json handleSearch(const Fields& request, HandlerContext& ctx);
nlohmann::json handleDue(const Fields& request, HandlerContext& ctx);
nlohmann::json handleSnooze(const Fields& request, HandlerContext& ctx);
nlohmann::json handleNote(const Fields& request, HandlerContext& ctx);
nlohmann::json handleCase(const Fields& request, HandlerContext& ctx);
nlohmann::json handleDismiss(const Fields& request, HandlerContext& ctx);

}  // namespace caselog::messaging
