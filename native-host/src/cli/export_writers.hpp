// The evidence export in JSON and CSV (the HTML one is the history view's, web/export_html.hpp):
// every stored message verbatim — edited versions included — with its capture time, the case's
// audit events, and the audit-chain head the export was taken at.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

struct EvidenceCase {
  CaseRecord record;                    // without messages
  std::vector<StoredMessage> messages;  // every version, oldest first
  std::vector<Event> events;
};

// JSON: {"format": "caselog-evidence", "exportedAt", "chainHead", "cases": [...]}. Written case by
// case so a large export does not sit in memory: begin, one call per case, end.
class JsonEvidenceWriter {
 public:
  JsonEvidenceWriter(std::ostream& out, Instant exportedAt, const ChainHead& head);
  void add(const EvidenceCase& c);
  void finish();

 private:
  std::ostream& out_;
  bool first_ = true;
};

// CSV (RFC 4180): one row per message version, with the chain head in every row. A cell that a
// spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe.
class CsvEvidenceWriter {
 public:
  CsvEvidenceWriter(std::ostream& out, const ChainHead& head);
  void add(const EvidenceCase& c);

 private:
  std::ostream& out_;
  ChainHead head_;
};

std::string csvCell(const std::string& text);

}  // namespace caselog::cli
