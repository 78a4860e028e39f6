#include "web/evidence.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <sstream>

#include "core/error.hpp"
#include "core/json_text.hpp"
#include "service/case_service.hpp"
#include "web/json_view.hpp"

namespace caselog::web {

std::vector<CaseRecord> selectEvidenceCases(CaseService& service, const ExportSelection& selection) {
  if (selection.caseId) return {service.getCase(*selection.caseId)};
  CaseFilter f;
  f.from = selection.from;
  f.to = selection.to;
  f.sort = "updated";
  f.limit = 500;
  std::vector<CaseRecord> out;
  for (;;) {
    const CaseList page = service.listCases(f);
    if (page.total > kMaxEvidenceCases)
      throw Error(ErrorCode::bad_request, "the selection covers " + std::to_string(page.total) +
                                              " cases; narrow the date range to at most " +
                                              std::to_string(kMaxEvidenceCases));
    for (const CaseRecord& c : page.cases) out.push_back(service.getCase(c.caseId));
    if (page.cases.empty() || out.size() >= page.total) break;
    f.offset += f.limit;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string describeSelection(const ExportSelection& s) {
  if (s.caseId) return "case " + *s.caseId;
  std::string d = "cases with activity";
  if (s.from) d += " from " + formatIso8601(*s.from);
  if (s.to) d += " until " + formatIso8601(*s.to);
  if (!s.from && !s.to) d = "every case";
  return d;
}

std::string evidenceJson(CaseService& service, const ExportSelection& selection) {
  const auto cases = selectEvidenceCases(service, selection);
  const ChainHead head = service.chainHead();
  nlohmann::json list = nlohmann::json::array();
  for (const CaseRecord& c : cases) {
    nlohmann::json j = caseWithMessagesJson(c);
    j["events"] = toJsonArray(service.events(c.caseId));
    list.push_back(std::move(j));
  }
  return compactJson({{"generatedAt", formatIso8601(service.now())},
                      {"selection", describeSelection(selection)},
                      {"chainHead", toJson(head)},
                      {"cases", list}});
}

namespace {

void csvField(std::string& out, std::string_view v) {
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string evidenceCsv(CaseService& service, const ExportSelection& selection) {
  const auto cases = selectEvidenceCases(service, selection);
  const ChainHead head = service.chainHead();
  std::string out =
      "caseId,subject,status,category,author,sender,sentAt,capturedAt,version,body,chainHeadSeq,"
      "chainHeadHash\r\n";
  for (const CaseRecord& c : cases) {
    for (const StoredMessage& m : c.messages) {
      const std::string fields[] = {c.caseId,
                                    c.subject,
                                    c.status,
                                    c.category,
                                    m.author,
                                    m.sender,
                                    m.sentAt ? formatIso8601(*m.sentAt) : "",
                                    formatIso8601(m.capturedAt),
                                    std::to_string(m.version),
                                    m.body,
                                    std::to_string(head.seq),
                                    head.hash};
      for (std::size_t i = 0; i < std::size(fields); ++i) {
        if (i) out += ',';
        csvField(out, fields[i]);
      }
      out += "\r\n";
    }
  }
  return out;
}

const std::string& evidenceStyleCspSource() {
  static const std::string source = [] {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(kEvidenceStyle, sizeof(kEvidenceStyle) - 1);
    const auto digest = engine.digest();
    std::ostringstream b64;
    Poco::Base64Encoder enc(b64);
    enc.rdbuf()->setLineLength(0);
    enc.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
    enc.close();
    return "'sha256-" + b64.str() + "'";
  }();
  return source;
}

}  // namespace caselog::web
