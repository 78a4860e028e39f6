// caselog show CASEID: one case with everything CaseLog knows about it.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/json_out.hpp"
#include "core/json_text.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog show CASEID [--json]

Shows one case: its fields, the priority score with every term that makes it up,
the reminders due now, the suggested next step with a draft follow-up, the
identifiers found in it, the whole thread (each Amazon reply with its generic-reply
verdict), the seller's notes and the audit events.
)";

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v);
  return buf;
}

std::string safe(const std::string& text) {
  return sanitizeForTerminal(text, false);
}

void printHeader(Context& ctx, const CaseRecord& c) {
  const Instant now = ctx.service.now();
  auto& o = ctx.out;
  o << "Case " << c.caseId << " — " << safe(c.subject) << "\n";
  o << "  Status       " << safe(c.statusRaw) << " (" << c.status << ")\n";
  o << "  Category     " << categoryLabel(c.category) << (c.categoryOverride ? " (set by you)" : "") << "\n";
  if (!c.marketplace.empty()) o << "  Marketplace  " << safe(c.marketplace) << "\n";
  if (c.createdAt)
    o << "  Opened       " << formatWhen(*c.createdAt) << " (" << formatAge(*c.createdAt, now) << " ago)\n";
  if (c.updatedAt) o << "  Last active  " << formatWhen(*c.updatedAt) << "\n";
  o << "  Captured     " << formatWhen(c.firstCapturedAt) << ", last " << formatWhen(c.lastCapturedAt)
    << "\n";
  if (c.pinned) o << "  Pinned       yes\n";
  if (c.snoozedUntil) o << "  Follow up    " << formatWhen(*c.snoozedUntil) << "\n";
  if (c.reopenCount > 0) o << "  Reopened     " << c.reopenCount << " time(s)\n";
}

void printPriority(Context& ctx, const Priority& p) {
  char score[32];
  std::snprintf(score, sizeof score, "%.1f", p.score);
  ctx.out << "\nPriority " << p.label << " (score " << score << ")\n";
  Table t({{"", true}, {"TERM"}, {"WHY", false, true}});
  for (const auto& term : p.terms)
    if (term.contribution != 0) t.addRow({fixed1(term.contribution), term.name, term.explanation});
  if (!t.empty()) ctx.out << indentLines(t.render(ctx.terminal.width - 2), 2) << "\n";
}

void printReminders(Context& ctx, const std::vector<Reminder>& reminders) {
  if (reminders.empty()) return;
  ctx.out << "\nReminders due\n";
  for (const auto& r : reminders)
    ctx.out << "  " << pad(r.rule, 15) << " " << safe(r.message) << " (since " << formatWhen(r.dueAt)
            << ")\n";
}

void printNextStep(Context& ctx, const NextStep& s) {
  if (s.action == "none" || s.action.empty()) return;
  ctx.out << "\nNext step: " << s.action << (s.team.empty() ? "" : " → " + s.team) << "\n";
  if (!s.reason.empty()) ctx.out << "  " << safe(s.reason) << "\n";
  if (!s.draft.empty())
    ctx.out << "  Draft (copy and send it yourself):\n"
            << indentLines(sanitizeForTerminal(s.draft, true), 4) << "\n";
}

void printIdentifiers(Context& ctx, const CaseRecord& c) {
  if (c.identifiers.empty()) return;
  ctx.out << "\nIdentifiers\n";
  for (const auto& id : c.identifiers) ctx.out << "  " << pad(id.kind, 9) << safe(id.value) << "\n";
}

void printThread(Context& ctx, const CaseRecord& c, const std::vector<GenericVerdict>& verdicts) {
  ctx.out << "\nThread (" << c.messages.size() << " message" << (c.messages.size() == 1 ? "" : "s") << ")\n";
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const auto& m = c.messages[i];
    std::string head = "── " + std::to_string(i + 1) + ". " + (m.sentAt ? formatWhen(*m.sentAt) : "undated") +
                       " · " + (m.author == "amazon" ? "Amazon" : "You") + " · " + safe(m.sender);
    if (i < verdicts.size() && m.author == "amazon") {
      const auto& v = verdicts[i];
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", v.score);
      head += std::string(" · ") + (v.generic ? "GENERIC " : "specific ") + score;
    }
    ctx.out << "\n" << head << "\n";
    if (i < verdicts.size() && verdicts[i].generic && !verdicts[i].reasons.empty()) {
      std::string reasons;
      for (const auto& r : verdicts[i].reasons) reasons += (reasons.empty() ? "" : "; ") + r;
      ctx.out << "   why generic: " << safe(reasons) << "\n";
    }
    ctx.out << indentLines(sanitizeForTerminal(m.body, true), 3) << "\n";
    if (m.version > 1)
      ctx.out << "   (edited: version " << m.version << ", captured " << formatWhen(m.capturedAt) << ")\n";
  }
}

// An event's data for a terminal: the messages an event added as their ids (the content
// hashes are for `caselog verify` and the JSON output), anything else as compact JSON.
std::string eventDetails(const Event& e) {
  if (e.data.empty()) return "";
  const auto it = e.data.find("messages");
  if (it == e.data.end() || !it->is_array()) return compactJson(e.data);
  std::string ids;
  for (const auto& entry : *it) {
    if (!entry.is_object()) continue;
    ids += (ids.empty() ? "#" : ", #") + std::to_string(entry.value("messageId", std::int64_t{0}));
    if (entry.contains("supersedes"))
      ids += " (new version of #" + std::to_string(entry.value("supersedes", std::int64_t{0})) + ")";
  }
  return std::to_string(it->size()) + (it->size() == 1 ? " message: " : " messages: ") + ids;
}

void printNotesAndEvents(Context& ctx, const CaseRecord& c, const std::vector<Event>& events) {
  if (!c.notes.empty()) {
    ctx.out << "\nNotes\n";
    for (const auto& n : c.notes) ctx.out << "  " << formatWhen(n.at) << "  " << safe(n.text) << "\n";
  }
  ctx.out << "\nEvents\n";
  Table t({{"#", true}, {"WHEN"}, {"EVENT"}, {"DETAILS", false, true}});
  for (const auto& e : events) t.addRow({std::to_string(e.seq), formatWhen(e.at), e.kind, eventDetails(e)});
  ctx.out << indentLines(t.render(ctx.terminal.width - 2), 2) << "\n";
}

class ShowCommand : public Command {
 public:
  std::string_view name() const override { return "show"; }
  std::string_view summary() const override {
    return "one case: thread, verdicts, priority, reminders, next step";
  }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(1, "CASEID");
    const CaseRecord c = ctx.service.getCase(args.caseId(0));
    const auto verdicts = ctx.service.genericVerdicts(c);
    const Priority priority = ctx.service.priority(c);
    const auto reminders = ctx.service.remindersFor(c);
    const NextStep next = ctx.service.nextStep(c);
    const auto events = ctx.service.events(c.caseId);
    if (ctx.json) {
      auto doc = caseJson(c);
      nlohmann::json messages = nlohmann::json::array();
      for (std::size_t i = 0; i < c.messages.size(); ++i) {
        auto m = toJson(c.messages[i]);
        m["generic"] =
            i < verdicts.size() && c.messages[i].author == "amazon" ? toJson(verdicts[i]) : nullptr;
        messages.push_back(std::move(m));
      }
      doc["messages"] = messages;
      doc["priority"] = toJson(priority);
      doc["reminders"] = toJsonArray(reminders);
      doc["nextStep"] = toJson(next);
      doc["events"] = toJsonArray(events);
      printJson(ctx.out, doc);
      return 0;
    }
    printHeader(ctx, c);
    printPriority(ctx, priority);
    printReminders(ctx, reminders);
    printNextStep(ctx, next);
    printIdentifiers(ctx, c);
    printThread(ctx, c, verdicts);
    printNotesAndEvents(ctx, c, events);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeShowCommand() {
  return std::make_unique<ShowCommand>();
}

}  // namespace caselog::cli
