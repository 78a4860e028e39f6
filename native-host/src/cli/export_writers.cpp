#include "cli/export_writers.hpp"

#include "cli/json_out.hpp"
#include "core/json_text.hpp"

namespace caselog::cli {

using nlohmann::json;

JsonEvidenceWriter::JsonEvidenceWriter(std::ostream& out, Instant exportedAt, const ChainHead& head)
    : out_(out) {
  const json header = {{"format", "caselog-evidence"},
                       {"version", 1},
                       {"exportedAt", formatIso8601(exportedAt)},
                       {"chainHead", toJson(head)}};
  std::string text = header.dump(2);
  text.erase(text.rfind('}'));  // leave the object open for "cases"
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  out_ << text << ",\n  \"cases\": [";
}

void JsonEvidenceWriter::add(const EvidenceCase& c) {
  json doc = caseJson(c.record);
  doc["messages"] = toJsonArray(c.messages);
  doc["events"] = toJsonArray(c.events);
  out_ << (first_ ? "\n" : ",\n") << compactJson(doc);
  first_ = false;
}

void JsonEvidenceWriter::finish() {
  out_ << (first_ ? "]\n}\n" : "\n  ]\n}\n");
}

std::string csvCell(const std::string& text) {
  std::string value = text;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r'))
    value.insert(value.begin(), '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos && value == text) return value;
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

CsvEvidenceWriter::CsvEvidenceWriter(std::ostream& out, const ChainHead& head) : out_(out), head_(head) {
  out_ << "case_id,subject,status,category,message_id,version,supersedes,current,author,sender,sent_at,"
          "captured_at,body,chain_head_seq,chain_head_hash\r\n";
}

void CsvEvidenceWriter::add(const EvidenceCase& c) {
  const auto& r = c.record;
  for (const auto& m : c.messages) {
    const std::vector<std::string> cells = {r.caseId,
                                            r.subject,
                                            r.status,
                                            r.category,
                                            std::to_string(m.id),
                                            std::to_string(m.version),
                                            m.supersedes ? std::to_string(*m.supersedes) : "",
                                            m.current ? "true" : "false",
                                            m.author,
                                            m.sender,
                                            m.sentAt ? formatIso8601(*m.sentAt) : "",
                                            formatIso8601(m.capturedAt),
                                            m.body,
                                            std::to_string(head_.seq),
                                            head_.hash};
    for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i ? "," : "") << csvCell(cells[i]);
    out_ << "\r\n";
  }
}

}  // namespace caselog::cli
