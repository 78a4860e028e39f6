// caselog export: the evidence bundle (HTML, JSON or CSV) with the audit-chain head.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "cli/command.hpp"
#include "cli/export_writers.hpp"
#include "core/error.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"
#include "web/export_html.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage =
    R"(Usage: caselog export --format html|json|csv [--case ID] [--from DATE] [--to DATE]
                      [-o FILE]

Writes an evidence export: every captured message verbatim (edited versions too)
with the time CaseLog first saw it, the audit events, and the head of the audit
hash chain, so 'caselog verify' can later show that nothing was changed since.

  --format F   html (printable, one self-contained file), json or csv
  --case ID    only this case (default: every case)
  --from DATE  only cases active on or after DATE (ISO 8601)
  --to DATE    only cases active before DATE
  -o FILE      write to FILE instead of stdout

CSV is one row per message, for a spreadsheet: with the chain head on every row but
without the audit events, the notes, and cases that have no message yet; the html
and json exports hold the whole record. In CSV, a cell starting with = + - @ gets a
leading apostrophe so spreadsheets show it as text instead of running it; the JSON
export is byte-for-byte verbatim.
)";

std::optional<Instant> dateOption(const ParsedArgs& args, const std::string& name) {
  auto text = args.get(name);
  if (!text) return std::nullopt;
  auto t = parseIso8601(*text);
  if (!t) throw UsageError("--" + name + " needs an ISO 8601 date such as 2026-11-01, not '" + *text + "'");
  return t;
}

class ExportCommand : public Command {
 public:
  std::string_view name() const override { return "export"; }
  std::string_view summary() const override {
    return "evidence export (html, json, csv) with the audit-chain head";
  }
  std::string_view usage() const override { return kUsage; }
  std::vector<OptionSpec> options() const override {
    return {{"format", true}, {"case", true}, {"from", true}, {"to", true}, {"output", true, 'o'}};
  }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    if (!args.has("format")) throw UsageError("missing --format html|json|csv");
    const std::string format = args.getChoice("format", "", {"html", "json", "csv"});
    ExportSelection selection{args.caseIdOption("case"), dateOption(args, "from"), dateOption(args, "to")};
    if (selection.caseId) ctx.service.getCase(*selection.caseId);  // not_found before creating a file

    std::ofstream file;
    const auto output = args.get("output");
    if (output) {
      // The export holds what the database holds, readable only by the seller (0600) like it; a
      // file that exists keeps the mode it has.
      const int fd = ::open(output->c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0) throw Error(ErrorCode::storage, "cannot write " + *output + ": " + std::strerror(errno));
      ::close(fd);
      file.open(*output, std::ios::binary | std::ios::trunc);
      if (!file) throw Error(ErrorCode::storage, "cannot write " + *output);
    }
    std::ostream& out = output ? static_cast<std::ostream&>(file) : ctx.out;
    const std::size_t count = write(ctx, out, format, selection);
    out.flush();
    if (!out) throw Error(ErrorCode::storage, "writing " + output.value_or("stdout") + " failed");
    if (output)
      ctx.err << "Exported " << count << " case" << (count == 1 ? "" : "s") << " to " << *output << "\n";
    return 0;
  }

 private:
  static std::size_t write(Context& ctx, std::ostream& out, const std::string& format,
                           const ExportSelection& sel) {
    if (format == "html") {
      out << renderEvidenceHtml(ctx.service, sel);
      return sel.caseId ? 1 : ctx.service.store().caseIds(false).size();
    }
    const ChainHead head = ctx.service.chainHead();
    std::optional<JsonEvidenceWriter> json;
    std::optional<CsvEvidenceWriter> csv;
    if (format == "json")
      json.emplace(out, ctx.service.now(), head);
    else
      csv.emplace(out, head);
    std::size_t count = 0;
    const auto ids = sel.caseId ? std::vector<std::string>{*sel.caseId} : ctx.service.store().caseIds(false);
    for (const auto& id : ids) {
      auto record = ctx.service.findCase(id, false);
      if (!record || !inRange(*record, sel)) continue;
      EvidenceCase c{std::move(*record), ctx.service.store().messageVersions(id), ctx.service.events(id)};
      if (json) json->add(c);
      if (csv) csv->add(c);
      ++count;
    }
    if (json) json->finish();
    return count;
  }

  static bool inRange(const CaseRecord& c, const ExportSelection& sel) {
    const Instant active = c.updatedAt.value_or(c.lastCapturedAt);
    return (!sel.from || active >= *sel.from) && (!sel.to || active < *sel.to);
  }
};

}  // namespace

std::unique_ptr<Command> makeExportCommand() {
  return std::make_unique<ExportCommand>();
}

}  // namespace caselog::cli
