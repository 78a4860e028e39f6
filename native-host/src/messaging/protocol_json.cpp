#include "messaging/protocol_json.hpp"

#include "core/error.hpp"

namespace caselog::messaging {

namespace {

MessageSnapshot readMessage(const Fields& m) {
  MessageSnapshot out;
  out.author = m.requiredString("author");
  if (out.author != "seller" && out.author != "amazon") {
    throw Error(ErrorCode::bad_request, "field `" + m.path() + ".author` must be \"seller\" or \"amazon\"");
  }
  out.sender = m.stringOr("sender", "");
  out.sentAt = m.stringOr("sentAt", "");
  out.body = m.requiredString("body");
  return out;
}

}  // namespace

CaptureSource readSource(const Fields& request) {
  const Fields s = request.object("source");
  CaptureSource out;
  out.url = s.stringOr("url", "");
  out.capturedAt = s.stringOr("capturedAt", "");
  out.page = s.stringOr("page", "");
  out.parser = s.stringOr("parser", "");
  return out;
}

CaseSnapshot readCaseSnapshot(const Fields& c) {
  CaseSnapshot out;
  out.caseId = c.requiredString("caseId");
  out.marketplace = c.stringOr("marketplace", "");
  out.subject = c.stringOr("subject", "");
  out.status = c.stringOr("status", "");
  out.category = c.stringOr("category", "");
  out.createdAt = c.stringOr("createdAt", "");
  out.updatedAt = c.stringOr("updatedAt", "");
  for (const Fields& m : c.objectArrayOr("messages")) out.messages.push_back(readMessage(m));
  return out;
}

std::vector<CaseListEntry> readListEntries(const Fields& request) {
  std::vector<CaseListEntry> out;
  for (const Fields& e : request.objectArray("cases")) {
    CaseListEntry entry;
    entry.caseId = e.requiredString("caseId");
    entry.subject = e.stringOr("subject", "");
    entry.status = e.stringOr("status", "");
    entry.createdAt = e.stringOr("createdAt", "");
    entry.updatedAt = e.stringOr("updatedAt", "");
    out.push_back(std::move(entry));
  }
  return out;
}

nlohmann::json protocolMessageJson(const StoredMessage& m) {
  nlohmann::json j = toJson(m);
  j.erase("current");
  return j;
}

nlohmann::json protocolEventJson(const Event& e) {
  nlohmann::json j = toJson(e);
  j.erase("caseId");
  j.erase("prevHash");
  return j;
}

}  // namespace caselog::messaging
