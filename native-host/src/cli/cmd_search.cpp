// caselog search QUERY: full-text search over every subject, message and note.
#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/json_out.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage =
    R"(Usage: caselog search QUERY... [--author amazon|seller] [--case ID] [--limit N]
                      [--cursor C] [--json]

Finds past replies, messages and notes. Any text is a valid query: words, "a phrase",
an ASIN, an order or shipment ID. Matches are shown in bold on a terminal and in
[brackets] otherwise. The best matches come first; --cursor continues a search
where the previous page ended (the cursor is printed after the results).

  --author WHO   only Amazon's replies (amazon) or your own messages (seller)
  --case ID      only within one case
  --limit N      at most N hits (1 to 50, default 20)
)";

class SearchCommand : public Command {
 public:
  std::string_view name() const override { return "search"; }
  std::string_view summary() const override { return "full-text search with snippets"; }
  std::string_view usage() const override { return kUsage; }
  std::vector<OptionSpec> options() const override {
    return {{"author", true}, {"case", true}, {"limit", true}, {"cursor", true}};
  }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(1, "QUERY", true);
    SearchQuery q;
    for (const auto& word : args.positionals()) q.text += (q.text.empty() ? "" : " ") + word;
    if (args.has("author")) q.author = args.getChoice("author", "", {"amazon", "seller"});
    q.caseId = args.caseIdOption("case");
    q.limit = args.getInt("limit", 20, 1, 50);
    q.cursor = args.get("cursor");
    const SearchPage page = ctx.service.search(q);
    if (ctx.json) {
      nlohmann::json j = plainSearchPageJson(page);
      j["query"] = q.text;
      printJson(ctx.out, j);
      return 0;
    }
    if (page.hits.empty()) {
      ctx.out << "No matches for " << sanitizeForTerminal(q.text, false) << ".\n";
      return 0;
    }
    for (const auto& h : page.hits) {
      std::string who = h.author == "amazon"   ? "Amazon"
                        : h.author == "seller" ? "You"
                        : h.author == "note"   ? "Note"
                                               : "Subject";
      std::string head = h.caseId + "  " + (h.sentAt ? formatWhen(*h.sentAt) : std::string(20, ' ')) + "  " +
                         pad(who, 7) + "  ";
      ctx.out << head
              << truncateToWidth(sanitizeForTerminal(h.subject, false),
                                 ctx.terminal.width - displayWidth(head))
              << "\n    " << highlightSnippet(h.snippet, ctx.terminal.stdoutTty) << "\n";
    }
    if (page.next) ctx.out << "\nMore: caselog search --cursor " << *page.next << " ...\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeSearchCommand() {
  return std::make_unique<SearchCommand>();
}

}  // namespace caselog::cli
