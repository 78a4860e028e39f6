#include "cli/snapshot_json.hpp"

#include "core/error.hpp"

namespace caselog::cli {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw Error(ErrorCode::bad_request, "field `" + path + "` " + what);
}

std::string join(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "." + name;
}

std::string stringField(const json& obj, const std::string& path, const std::string& name, bool required) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) {
    if (required) fail(join(path, name), "is missing");
    return {};
  }
  if (!it->is_string()) fail(join(path, name), "must be a string");
  return it->get<std::string>();
}

const json& objectAt(const json& v, const std::string& path) {
  if (!v.is_object()) fail(path, "must be an object");
  return v;
}

MessageSnapshot parseMessage(const json& v, const std::string& path) {
  const json& m = objectAt(v, path);
  MessageSnapshot out;
  out.author = stringField(m, path, "author", true);
  if (out.author != "seller" && out.author != "amazon")
    fail(join(path, "author"), "must be \"seller\" or \"amazon\"");
  out.sender = stringField(m, path, "sender", false);
  out.sentAt = stringField(m, path, "sentAt", false);
  out.body = stringField(m, path, "body", true);
  return out;
}

CaseSnapshot parseCase(const json& v, const std::string& path) {
  const json& c = objectAt(v, path);
  CaseSnapshot out;
  auto id = c.find("caseId");
  if (id != c.end() && id->is_number_unsigned()) {
    out.caseId = std::to_string(id->get<std::uint64_t>());  // a number is accepted as digits
  } else {
    out.caseId = stringField(c, path, "caseId", true);
  }
  out.marketplace = stringField(c, path, "marketplace", false);
  out.subject = stringField(c, path, "subject", false);
  out.status = stringField(c, path, "status", false);
  out.category = stringField(c, path, "category", false);
  out.createdAt = stringField(c, path, "createdAt", false);
  out.updatedAt = stringField(c, path, "updatedAt", false);
  if (auto ms = c.find("messages"); ms != c.end() && !ms->is_null()) {
    if (!ms->is_array()) fail(join(path, "messages"), "must be an array");
    for (std::size_t i = 0; i < ms->size(); ++i)
      out.messages.push_back(parseMessage((*ms)[i], join(path, "messages") + "[" + std::to_string(i) + "]"));
  }
  return out;
}

CaseListEntry parseListEntry(const json& v, const std::string& path) {
  const json& e = objectAt(v, path);
  CaseListEntry out;
  out.caseId = stringField(e, path, "caseId", true);
  out.subject = stringField(e, path, "subject", false);
  out.status = stringField(e, path, "status", false);
  out.createdAt = stringField(e, path, "createdAt", false);
  out.updatedAt = stringField(e, path, "updatedAt", false);
  return out;
}

CaptureSource parseSource(const json& doc) {
  CaptureSource source;
  const json* from = &doc;
  if (auto s = doc.find("source"); s != doc.end() && s->is_object()) from = &*s;
  auto text = [&](const char* name) {
    auto it = from->find(name);
    return it != from->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  source.url = text("url");
  source.capturedAt = text("capturedAt");
  source.page = text("page");
  source.parser = text("parser");
  if (source.page.empty() && doc.contains("page") && doc["page"].is_string()) source.page = doc["page"];
  return source;
}

}  // namespace

CaptureDocument parseCaptureDocument(const json& doc) {
  if (!doc.is_object())
    throw Error(ErrorCode::bad_request, "expected a JSON object (a case or a parsed page)");
  CaptureDocument out;
  out.source = parseSource(doc);
  if (auto cases = doc.find("cases"); cases != doc.end()) {
    if (!cases->is_array()) fail("cases", "must be an array");
    out.isList = true;
    for (std::size_t i = 0; i < cases->size(); ++i)
      out.listEntries.push_back(parseListEntry((*cases)[i], "cases[" + std::to_string(i) + "]"));
    if (out.source.page.empty()) out.source.page = "case-list";
  } else if (auto c = doc.find("case"); c != doc.end()) {
    out.cases.push_back(parseCase(*c, "case"));
  } else if (doc.contains("caseId")) {
    out.cases.push_back(parseCase(doc, ""));
  } else {
    throw Error(ErrorCode::bad_request, "expected a case object, {\"case\": …} or {\"cases\": […]}");
  }
  return out;
}

}  // namespace caselog::cli
