#include "messaging/dispatcher.hpp"

#include <iostream>
#include <map>

#include "core/json_text.hpp"
#include "domain/text.hpp"
#include "messaging/codec.hpp"

namespace caselog::messaging {

namespace {

const std::map<std::string, Handler, std::less<>>& handlerTable() {
  static const std::map<std::string, Handler, std::less<>> table{
      {"hello", handleHello},   {"capture", handleCapture}, {"capture_list", handleCaptureList},
      {"search", handleSearch}, {"due", handleDue},         {"snooze", handleSnooze},
      {"note", handleNote},     {"case", handleCase},       {"dismiss", handleDismiss},
  };
  return table;
}

// An id is echoed in the answer: one longer than this is refused, and not echoed (its answer
// could not be sent). The extension's are short ("c-17000000001-3f9a…").
constexpr std::size_t kMaxId = 256;

// The request's id as it will be echoed: a string (or a number, echoed as sent), else null.
nlohmann::json echoId(const nlohmann::json& request) {
  if (!request.is_object()) return nullptr;
  auto it = request.find("id");
  if (it == request.end() || !(it->is_string() || it->is_number())) return nullptr;
  if (it->is_string() && it->get_ref<const std::string&>().size() > kMaxId) return nullptr;
  return *it;
}

// An error message repeats what it refused (a type, a date, a field's value): its start at most,
// cut between characters, so that the answer stays small whatever was sent.
std::string bounded(const std::string& message) {
  constexpr std::size_t kMax = 1000;
  if (message.size() <= kMax) return message;
  return std::string(text::utf8Prefix(message, kMax)) + "…";
}

}  // namespace

std::size_t jsonSize(const nlohmann::json& value) {
  return compactJson(value).size();
}

Dispatcher::Dispatcher(CaseService& service, HostInfo host, std::shared_ptr<std::mutex> serviceMutex)
    : service_(service),
      host_(std::move(host)),
      mutex_(serviceMutex ? std::move(serviceMutex) : std::make_shared<std::mutex>()) {}

std::string Dispatcher::error(const nlohmann::json& id, ErrorCode code, const std::string& message) {
  return compactJson({{"type", "error"}, {"id", id}, {"code", toString(code)}, {"message", bounded(message)}});
}

std::string Dispatcher::tooLarge(std::uint64_t declaredLength, std::uint64_t cap) {
  return error(nullptr, ErrorCode::too_large,
               "message of " + std::to_string(declaredLength) + " bytes is over the host's limit of " +
                   std::to_string(cap) + " bytes; it was skipped");
}

Reply Dispatcher::handle(std::string_view payload) {
  nlohmann::json request;
  try {
    request = nlohmann::json::parse(payload);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1E900
    return {"", error(nullptr, ErrorCode::bad_json, std::string("not valid JSON: ") + e.what()), false, {}};
  }
  const nlohmann::json id = echoId(request);
  if (!request.is_object()) {
    return {"", error(id, ErrorCode::bad_request, "a message must be a JSON object"), false, {}};
  }
  const auto type = request.find("type");
  if (type == request.end() || !type->is_string()) {
    return {"", error(id, ErrorCode::bad_request, "field `type` is required (a string)"), false, {}};
  }
  const auto& name = type->get_ref<const std::string&>();
  const auto entry = handlerTable().find(name);
  if (entry == handlerTable().end()) {
    return {"", error(id, ErrorCode::unknown_type, "unknown message type \"" + name + "\""), false, {}};
  }
  if (!request.contains("id") || !request["id"].is_string()) {
    return {name, error(id, ErrorCode::bad_request, "field `id` is required (a string)"), false, {}};
  }
  if (id.is_null()) {
    return {name,
            error(id, ErrorCode::bad_request, "field `id` is too long (at most " + std::to_string(kMaxId) + " bytes)"),
            false,
            {}};
  }
  try {
    nlohmann::json answer = run(entry->second, request);
    answer["id"] = id;
    std::string text = compactJson(answer);
    if (text.size() > kMaxOutgoingFrame) {
      return {name, error(id, ErrorCode::internal, "the answer would exceed 1 MiB"), false, {}};
    }
    std::string caseId = name == "capture" ? answer.value("caseId", "") : "";
    return {name, std::move(text), true, std::move(caseId)};
  } catch (const Error& e) {
    return {name, error(id, e.code(), e.what()), false, {}};
  } catch (const std::exception& e) {
    std::cerr << "caselog-host: " << name << " failed: " << e.what() << "\n";
    return {name, error(id, ErrorCode::internal, std::string("internal error: ") + e.what()), false, {}};
  }
}

nlohmann::json Dispatcher::run(Handler handler, const nlohmann::json& request) {
  const Fields fields(request, "");
  HandlerContext ctx{service_, host_};
  std::lock_guard lock(*mutex_);
  return handler(fields, ctx);
}

}  // namespace caselog::messaging
