// Protocol dispatch: one frame's JSON in, one answer out, through a table of handlers keyed by
// `type` (handlers.hpp). Every failure becomes a typed `error` answer echoing the request's `id`;
// nothing a client sends can stop the host from answering the next frame.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "messaging/handlers.hpp"

namespace caselog::messaging {

struct Reply {
  std::string type;  // the request's type when it named a known one, else ""
  std::string text;  // the answer's JSON text; always fits one host->browser frame
  bool ok = false;   // false for an `error` answer
  std::string caseId;  // an `ack`: the case the capture stored
};

class Dispatcher {
 public:
  // serviceMutex guards every call into the service (the history view shares the service from
  // its own threads); pass the same mutex to the view. Empty: the dispatcher makes its own.
  Dispatcher(CaseService& service, HostInfo host, std::shared_ptr<std::mutex> serviceMutex = {});

  Reply handle(std::string_view payload);

  // The answer to a frame the codec refused (declared length over the cap).
  static std::string tooLarge(std::uint64_t declaredLength, std::uint64_t cap);
  static std::string error(const nlohmann::json& id, ErrorCode code, const std::string& message);

  std::mutex& serviceMutex() { return *mutex_; }
  CaseService& service() { return service_; }
  void setViewUrl(std::optional<std::string> url) { host_.viewUrl = std::move(url); }

 private:
  CaseService& service_;
  HostInfo host_;
  std::shared_ptr<std::mutex> mutex_;

  nlohmann::json run(Handler handler, const nlohmann::json& request);
};

}  // namespace caselog::messaging
