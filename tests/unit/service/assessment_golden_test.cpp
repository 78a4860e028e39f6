// Pins what the case assessment derives for the demo history — every generic-reply verdict,
// priority score and term, stored reminder schedule, due reminder and next step — against
// tests/data/assessment/demo_golden.txt, so that a change made for speed can show it changed
// no result. Three phases: the demo import (importSnapshots + reassessOverdue + the seller's
// actions), the refresh four days later (stored verdicts reused, time-dependent terms moved),
// and captures that add an Amazon reply to some cases (the capture's own reassess).
//
// After a deliberate change of the rules: CASELOG_UPDATE_GOLDEN=1 test_service
// --gtest_filter='AssessmentGolden.*' rewrites the file; review its diff.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "domain/config.hpp"
#include "domain/minhash.hpp"
#include "service/case_service.hpp"
#include "service/demo_data.hpp"
#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

const std::string kGolden = std::string(CASELOG_TESTS_DIR) + "/data/assessment/demo_golden.txt";

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string hashOf(const std::string& text) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(minhash::fnv1a(text)));
  return buf;
}

std::string when(const std::optional<std::int64_t>& seconds) {
  return seconds ? formatIso8601(Instant{std::chrono::seconds{*seconds}}) : "-";
}

class AssessmentGolden : public ::testing::Test {
 protected:
  AssessmentGolden()
      : store_(openSqliteStore(dir_.file("caselog.db"))),
        service_(*store_, config_, [this] { return now_; }) {}

  // The stored schedule row of a case, read beside the service's own connection.
  std::string schedule(const std::string& caseId) {
    sqlite::Db db(dir_.file("caselog.db"), false);
    sqlite::Stmt st(db, "SELECT next_due_at, reassess_after FROM reminder_schedule WHERE case_id = ?1");
    st.bind(1, caseId);
    if (!st.step()) return "none";
    return when(st.optInt64(0)) + " " + when(st.optInt64(1));
  }

  // Everything the assessment derives for one case, one fact a line.
  void dump(std::ostringstream& out, const std::string& caseId) {
    const CaseRecord c = service_.getCase(caseId);
    out << "case " << caseId << " " << c.status << " " << c.category << "\n";
    const auto p = store_->storedPriority(caseId);
    ASSERT_TRUE(p.has_value()) << caseId;
    out << " priority " << num(p->score) << " " << p->label << "\n";
    for (const auto& t : p->terms)
      out << "  term " << t.name << " " << num(t.value) << " " << num(t.coefficient) << " "
          << num(t.contribution) << " " << t.explanation << "\n";
    const auto verdicts = service_.genericVerdicts(c);
    for (std::size_t i = 0; i < c.messages.size(); ++i) {
      if (c.messages[i].author != "amazon") continue;
      std::string reasons;
      for (const auto& r : verdicts[i].reasons) reasons += r + "\n";
      out << " verdict " << i << " " << num(verdicts[i].score) << " " << verdicts[i].generic << " "
          << hashOf(reasons) << "\n";
    }
    out << " schedule " << schedule(caseId) << "\n";
    for (const auto& r : service_.remindersFor(c))
      out << " reminder " << r.rule << " " << formatIso8601(r.dueAt) << " " << r.message << "\n";
    const NextStep step = service_.nextStep(c);
    out << " next " << step.action << " [" << step.team << "] " << step.reason << " " << hashOf(step.draft)
        << "\n";
  }

  void dumpAll(std::ostringstream& out, const std::string& phase) {
    out << "== " << phase << " at " << formatIso8601(now_) << "\n";
    for (const auto& id : store_->caseIds(false)) dump(out, id);
    for (const auto& r : service_.due()) out << "due " << r.caseId << " " << r.rule << "\n";
  }

  caselog::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  Config config_ = Config::defaults();
  Instant now_ = *parseIso8601("2026-11-26T12:00:00Z");
  CaseService service_;
};

// The Amazon replies the third phase adds: a template, one stating a deadline, one naming the
// case's details (each also a near-duplicate candidate for the others).
const char* kAddedReplies[] = {
    "Thank you for contacting Amazon Seller Support. We have forwarded your request to the appropriate "
    "team. Please allow 24-48 hours for a response.",
    "Please submit a plan of action within 17 days so that we can review your account again.",
    "We reviewed shipment FBA15XYZ7Q and found 12 units of B08XYZ1234 in another carton; a "
    "reimbursement of $45.10 was issued because the carton was mislabeled.",
};

TEST_F(AssessmentGolden, DemoHistoryAssessesAsPinned) {
  std::ostringstream out;
  const DemoData data = generateDemoData({1, now_, 90});
  loadDemoData(service_, data);
  dumpAll(out, "imported");

  now_ += std::chrono::days(4);
  EXPECT_GT(service_.reassessOverdue(), 0u);
  dumpAll(out, "refreshed");

  CaptureSource source;
  source.page = "view-case";
  source.parser = "test";
  for (std::size_t i = 0; i < data.cases.size(); i += 7) {
    CaseSnapshot s = data.cases[i];
    s.messages.push_back({"amazon", "Amazon Seller Support", formatIso8601(now_ - std::chrono::hours(1)),
                          kAddedReplies[(i / 7) % 3]});
    const CaptureOutcome o = service_.capture(s, source);
    out << "capture " << o.caseId << " " << num(o.priority.score) << " " << o.priority.label;
    for (const auto& r : o.reminders) out << " " << r.rule;
    out << "\n";
    dump(out, s.caseId);
  }

  if (std::getenv("CASELOG_UPDATE_GOLDEN")) {
    std::ofstream(kGolden) << out.str();
    GTEST_SKIP() << "rewrote " << kGolden;
  }
  std::ifstream in(kGolden);
  ASSERT_TRUE(in) << "missing " << kGolden;
  std::stringstream expected;
  expected << in.rdbuf();
  // Line by line, so that a failure names the first case that differs.
  std::istringstream want(expected.str()), got(out.str());
  std::string w, g, lastCase;
  for (int line = 1; std::getline(want, w); ++line) {
    ASSERT_TRUE(std::getline(got, g)) << "output ends before line " << line << ": " << w;
    if (w.rfind("case ", 0) == 0) lastCase = w;
    ASSERT_EQ(g, w) << "line " << line << " (in " << lastCase << ")";
  }
  EXPECT_FALSE(std::getline(got, g)) << "output has more lines than the golden file: " << g;
}

}  // namespace
}  // namespace caselog
