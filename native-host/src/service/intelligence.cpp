// The case-intelligence use cases (issue 3): priority, reminders, generic replies, next step
// (trends: trends.cpp). The rules themselves are pure domain functions; this file loads what they need from
// the store, calls them with the service's clock and configuration, and records what must be
// remembered: stored priorities (so lists sort without recomputing), generic verdicts with their
// near-duplicate band hashes, and which reminder fired or was dismissed for which case version.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

#include "core/error.hpp"
#include "domain/case_facts.hpp"
#include "domain/config.hpp"
#include "domain/deadlines.hpp"
#include "domain/generic_reply.hpp"
#include "domain/next_step.hpp"
#include "domain/priority.hpp"
#include "domain/reminders.hpp"
#include "domain/status.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog {

namespace {

constexpr std::size_t kBatch = 500;  // cases per write transaction in batch work
// An open case's priority moves with time (its terms count days waiting and to a deadline), so
// its assessment is refreshed this long after the last one; a closed case's only when it changes.
constexpr std::chrono::hours kReassessEvery{6};

bool isReminderRule(const std::string& rule) {
  static const std::vector<std::string> rules = {"amazon_silent", "needs_seller", "generic_reopen",
                                                 "follow_up", "deadline"};
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

// What assessing a new Amazon reply needs of its text alone: the text folded and cut into words,
// its near-duplicate bands and its features. Worked out apart from the lookups of other cases'
// bands, so that batch work (CaseService::assessEach) makes them on a second thread.
struct PreparedReply {
  std::string folded;  // the text folded, for the deadlines
  std::vector<std::uint64_t> bands;
  ReplyFeatures features;
};

PreparedReply prepareReply(std::string_view body, const CaseTerms& terms, const Config& config) {
  ReplyText text(body);
  PreparedReply p;
  p.bands = replyBands(text);
  p.features = replyFeatures(text, terms, config);
  p.folded = std::move(text.folded);  // text is done with
  return p;
}

// Does `m` need a verdict made (an Amazon reply without a stored one)?
bool needsVerdict(const StoredMessage& m, const std::map<std::int64_t, GenericVerdict>& stored) {
  return m.author == "amazon" && !stored.count(m.id);
}

// The replies of one case that need a verdict, prepared (by index in c.messages; a body repeated
// in the case is prepared once, at its first reply, as ReplyAssessor reuses its verdict).
using PreparedCase = std::map<std::size_t, PreparedReply>;

PreparedCase prepareCase(const CaseRecord& c, const std::map<std::int64_t, GenericVerdict>& stored,
                         const Config& config) {
  PreparedCase out;
  std::optional<CaseTerms> terms;
  std::vector<std::string_view> bodies;
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const StoredMessage& m = c.messages[i];
    if (!needsVerdict(m, stored) || std::find(bodies.begin(), bodies.end(), m.body) != bodies.end()) continue;
    bodies.push_back(m.body);
    if (!terms) terms.emplace(c);
    out.emplace(i, prepareReply(m.body, *terms, config));
  }
  return out;
}

// The new Amazon replies of one case, assessed one by one. A text the case received before in
// this pass gets the same verdict without being assessed again (nothing in it but the text
// differs), and replies with the same bands share one count of the other cases holding them.
class ReplyAssessor {
 public:
  ReplyAssessor(Store& store, const Config& config, const CaseRecord& c) : store_(store), config_(config), c_(c) {}

  // Appends the verdict of `m` to `verdicts` (where the verdicts of the replies assessed before
  // are) and returns its bands; `folded` receives its folded text when one was made. `prepared`,
  // when given, is m's text, bands and features already worked out (prepareReply).
  const std::vector<std::uint64_t>& assess(const StoredMessage& m, std::vector<GenericVerdict>& verdicts,
                                           std::string* folded, PreparedReply* prepared = nullptr) {
    for (const auto& seen : seen_) {
      if (seen.body != m.body) continue;
      verdicts.push_back(verdicts[seen.verdictAt]);
      return seen.bands;
    }
    PreparedReply own;
    if (!prepared) {
      if (!terms_) terms_.emplace(c_);
      own = prepareReply(m.body, *terms_, config_);
    }
    PreparedReply& p = prepared ? *prepared : own;
    const int sharing = casesSharing(p.bands);
    verdicts.push_back(assessReply(p.features, sharing, config_));
    seen_.push_back({m.body, verdicts.size() - 1, std::move(p.bands), sharing});
    if (folded) *folded = std::move(p.folded);
    return seen_.back().bands;
  }

 private:
  int casesSharing(const std::vector<std::uint64_t>& bands) {
    for (const auto& seen : seen_)
      if (seen.bands == bands) return seen.sharing;
    return store_.casesSharingBands(bands, c_.caseId);
  }

  struct Seen {
    std::string_view body;
    std::size_t verdictAt;  // in the verdicts assess() appends to
    std::vector<std::uint64_t> bands;
    int sharing = 0;
  };
  Store& store_;
  const Config& config_;
  const CaseRecord& c_;
  std::optional<CaseTerms> terms_;  // made for the first reply not prepared ahead
  std::vector<Seen> seen_;
};

// What verdictsFor may be given ready: the case's stored verdicts, and its new replies prepared.
struct Ready {
  const std::map<std::int64_t, GenericVerdict>* stored = nullptr;
  PreparedCase* prepared = nullptr;
};

// Verdicts parallel to c.messages: stored ones where present; the missing Amazon ones computed
// (and, when `save`, stored with their bands so later replies can find them as near-duplicates).
// The other cases' bands do not change while one case is assessed, and a case's own bands do not
// count for it, so its new verdicts are saved together at the end. `folded`, when given, receives
// the folded texts made on the way (parallel to c.messages, empty where none was), for the deadlines.
std::vector<GenericVerdict> verdictsFor(Store& store, const Config& config, const CaseRecord& c, bool save,
                                        std::vector<std::string>* folded = nullptr, Ready ready = {}) {
  const auto stored = ready.stored ? std::map<std::int64_t, GenericVerdict>{} : store.genericVerdicts(c.caseId);
  const auto& known = ready.stored ? *ready.stored : stored;
  std::vector<GenericVerdict> verdicts;
  verdicts.reserve(c.messages.size());
  std::optional<ReplyAssessor> assessor;
  std::vector<ReplyVerdict> toSave;
  if (folded) folded->assign(c.messages.size(), {});
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const StoredMessage& m = c.messages[i];
    if (m.author != "amazon") {
      verdicts.emplace_back();
    } else if (auto it = known.find(m.id); it != known.end()) {
      verdicts.push_back(it->second);
    } else {
      if (!assessor) assessor.emplace(store, config, c);
      PreparedReply* prepared = nullptr;
      if (ready.prepared)
        if (auto p = ready.prepared->find(i); p != ready.prepared->end()) prepared = &p->second;
      const auto& bands = assessor->assess(m, verdicts, folded ? &(*folded)[i] : nullptr, prepared);
      if (save && m.id != 0) toSave.push_back({m.id, verdicts.back(), bands});
    }
  }
  if (!toSave.empty()) store.saveGenericVerdicts(c.caseId, toSave);
  return verdicts;
}

// The due reminders of one case, less those the seller dismissed for its current version.
std::vector<Reminder> withoutDismissed(Store& store, const CaseRecord& c, std::vector<Reminder> due) {
  if (due.empty()) return due;
  const auto version = store.caseVersion(c.caseId);
  const auto states = store.reminderStates(c.caseId);
  std::erase_if(due, [&](const Reminder& r) {
    return std::any_of(states.begin(), states.end(), [&](const ReminderState& s) {
      return s.rule == r.rule && s.dismissedAt && s.caseVersion == version;
    });
  });
  return due;
}

std::vector<Reminder> activeReminders(Store& store, const Config& config, const CaseRecord& c,
                                      const std::vector<GenericVerdict>& verdicts, Instant now) {
  return withoutDismissed(store, c, evaluateReminders(c, verdicts, config, now));
}

// What a case's assessment derives. The facts and deadlines are worked out once and shared by
// the priority and the reminder rules.
struct Assessment {
  CaseFacts facts;
  std::vector<Deadline> deadlines;
  Priority priority;
};

// Computes and stores what a case's assessment derives: verdicts of new replies, the priority,
// the reminder schedule.
Assessment assessAndSave(Store& store, const Config& config, const CaseRecord& c, Instant now, Ready ready = {}) {
  Assessment a;
  std::vector<std::string> folded;
  const auto verdicts = verdictsFor(store, config, c, true, &folded, ready);
  a.facts = caseFacts(c, verdicts, config);
  a.deadlines = openDeadlines(c, a.facts, config, &folded);
  a.priority = computePriority(c, a.facts, a.deadlines, config, now);
  store.savePriority(c.caseId, a.priority);
  AssessmentSchedule schedule;
  schedule.nextReminderDue = nextReminderDue(c, a.facts, a.deadlines, config, now);
  if (!isClosedStatus(c.status)) schedule.reassessAfter = now + kReassessEvery;
  store.saveSchedule(c.caseId, schedule);
  return a;
}

bool alreadyFired(const std::vector<ReminderState>& states, const std::string& rule, std::int64_t version) {
  return std::any_of(states.begin(), states.end(), [&](const ReminderState& s) {
    return s.rule == rule && s.firedAt && s.caseVersion == version;
  });
}

}  // namespace

std::vector<GenericVerdict> CaseService::genericVerdicts(const CaseRecord& c) {
  return verdictsFor(store_, config_, c, false);
}

Priority CaseService::priority(const CaseRecord& c) {
  if (c.messages.empty() && c.messageCount > 0) return priority(getCase(c.caseId));
  return computePriority(c, genericVerdicts(c), config_, now());
}

void CaseService::reassess(const std::string& caseId, CaptureOutcome* outcome) {
  CaseRecord c;
  Assessment a;
  store_.transaction([&] {
    c = getCase(caseId);
    a = assessAndSave(store_, config_, c, now());
  });
  if (outcome) {
    outcome->priority = a.priority;
    outcome->reminders =
        withoutDismissed(store_, c, evaluateReminders(c, a.facts, a.deadlines, config_, now()));
  }
}

std::size_t CaseService::reassessDue(std::size_t limit) {
  return *reassessDueWaiting(limit, true);
}

std::optional<std::size_t> CaseService::reassessDueIfUnlocked(std::size_t limit) {
  return reassessDueWaiting(limit, false);
}

std::optional<std::size_t> CaseService::reassessDueWaiting(std::size_t limit, bool waitForLock) {
  const auto ids = store_.reassessmentsDue(now(), limit);
  // No write transaction for nothing: a write lock another program holds would keep us waiting.
  if (ids.empty()) return 0;
  const auto assess = [&] { assessEach(ids); };
  if (waitForLock)
    store_.transaction(assess);
  else if (!store_.transactionIfUnlocked(assess))
    return std::nullopt;
  return ids.size();
}

std::size_t CaseService::reassessOverdue(const std::function<void(std::size_t done)>& progress) {
  std::size_t total = 0;
  for (;;) {
    store_.pauseForWriters();
    const std::size_t n = reassessDue(kBatch);
    total += n;
    if (progress && n > 0) progress(total);
    if (n < kBatch) return total;
  }
}

std::optional<std::size_t> CaseService::refreshDueIfWritable(std::size_t limit) {
  // A clock set ahead (--now or CASELOG_NOW: a what-if) stores nothing: the schedule it would
  // save would hold the cases' refresh and reminders back until that day.
  if (now() > std::chrono::time_point_cast<Instant::duration>(std::chrono::system_clock::now()) +
                  std::chrono::minutes(5))
    return std::nullopt;
  try {
    return reassessDueIfUnlocked(limit);
  } catch (const StorageUnavailable&) {  // a read-only file, a full disk: the stored ones stand
    return std::nullopt;
  } catch (const std::exception& e) {  // a bug in assessing one case must not stop the listing
    std::cerr << "caselog: refreshing priorities failed (" << e.what() << "); the stored ones are shown\n";
    return std::nullopt;
  }
}

std::optional<std::size_t> CaseService::reassessOverdueIfWritable() {
  std::size_t total = 0;
  for (;;) {
    const auto n = refreshDueIfWritable(kBatch);
    if (!n) return std::nullopt;
    total += *n;
    if (*n < kBatch) return total;
  }
}

// The cases are loaded first, with their stored verdicts. Then the pure part of assessing their
// new replies (prepareCase: about a third of the work) is made on a second thread, a group of
// cases at a time, while this one looks up the other cases' bands for the groups already made,
// combines and saves: the verdicts are those made one case at a time, in the same order. A batch
// of one group (the host's refresh slices) is prepared here: a thread would only be waited for.
void CaseService::assessEach(const std::vector<std::string>& caseIds) {
  struct Loaded {
    CaseRecord c;
    std::map<std::int64_t, GenericVerdict> stored;
  };
  std::vector<Loaded> cases;
  cases.reserve(caseIds.size());
  for (const auto& id : caseIds) {
    auto c = store_.findCase(id, true);
    if (!c) continue;  // removed meanwhile (team mode)
    cases.push_back({std::move(*c), store_.genericVerdicts(id)});
  }
  constexpr std::size_t kGroup = 25;
  const std::size_t groups = (cases.size() + kGroup - 1) / kGroup;
  std::vector<std::promise<std::vector<PreparedCase>>> made(groups);
  std::vector<std::future<std::vector<PreparedCase>>> ready;
  for (auto& m : made) ready.push_back(m.get_future());
  std::atomic<bool> stop{false};
  // One thread for all the groups, so that its caches (minhash's recent bands) last the batch.
  // Declared after what it reads: leaving this scope (an exception) waits for it first.
  auto prepareAll = [&cases, &made, &stop, groups, &config = config_] {
    for (std::size_t g = 0; g < groups; ++g) {
      try {
        if (stop) throw std::runtime_error("batch assessment stopped");
        std::vector<PreparedCase> group;
        for (std::size_t i = g * kGroup; i < std::min(cases.size(), (g + 1) * kGroup); ++i)
          group.push_back(prepareCase(cases[i].c, cases[i].stored, config));
        made[g].set_value(std::move(group));
      } catch (...) {
        made[g].set_exception(std::current_exception());
      }
    }
  };
  std::future<void> preparer;
  if (groups > 1) {
    try {
      preparer = std::async(std::launch::async, prepareAll);
    } catch (const std::system_error&) {  // no thread to be had: prepared here instead
    }
  }
  if (!preparer.valid()) prepareAll();
  struct StopOnExit {
    std::atomic<bool>& stop;
    ~StopOnExit() { stop = true; }
  } stopOnExit{stop};
  for (std::size_t g = 0; g < groups; ++g) {
    auto group = ready[g].get();
    for (std::size_t i = 0; i < group.size(); ++i) {
      Loaded& one = cases[g * kGroup + i];
      assessAndSave(store_, config_, one.c, now(), {&one.stored, &group[i]});
    }
  }
}

std::vector<Reminder> CaseService::remindersFor(const CaseRecord& c) {
  if (c.messages.empty() && c.messageCount > 0) return remindersFor(getCase(c.caseId));
  return activeReminders(store_, config_, c, genericVerdicts(c), now());
}

// Whether a case can have a reminder due, judged from the summary alone: a closed case only for
// its follow-up date, a resolved one only within the reopen window (generic_reopen) or for its
// follow-up date.
static bool mayHaveReminder(const CaseRecord& c, const Config& config, Instant now) {
  const auto window = std::chrono::days(static_cast<int>(config.number("/timing/reopenWindowDays", 30)));
  const bool followUp = c.snoozedUntil && *c.snoozedUntil <= now;
  const bool recent = c.updatedAt.value_or(c.lastCapturedAt) + window > now;
  return followUp || (c.status != "closed" && (c.status != "resolved" || recent));
}

std::vector<Reminder> CaseService::due() {
  std::vector<std::pair<double, Reminder>> ranked;
  // Only cases whose stored next-due instant (nextReminderDue at their last reassess) has passed,
  // or that were never assessed, are loaded with their messages.
  for (const auto& id : store_.reminderCandidates(now())) {
    auto c = store_.findCase(id, true);
    if (!c || !mayHaveReminder(*c, config_, now())) continue;
    const auto verdicts = genericVerdicts(*c);
    const auto found = activeReminders(store_, config_, *c, verdicts, now());
    if (found.empty()) continue;
    const auto stored = store_.storedPriority(id);
    const double score = stored ? stored->score : computePriority(*c, verdicts, config_, now()).score;
    for (const auto& r : found) ranked.emplace_back(score, r);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.dueAt < b.second.dueAt;
  });
  std::vector<Reminder> out;
  out.reserve(ranked.size());
  for (auto& [score, r] : ranked) out.push_back(std::move(r));
  return out;
}

std::optional<std::vector<Reminder>> CaseService::fireDueReminders(const std::optional<std::string>& caseId) {
  std::vector<Reminder> candidates;
  if (!caseId) {
    candidates = due();
  } else if (auto c = store_.findCase(*caseId, true)) {
    candidates = remindersFor(*c);
  }
  auto firedBefore = [&](const Reminder& r) {
    return alreadyFired(store_.reminderStates(r.caseId), r.rule, store_.caseVersion(r.caseId));
  };
  // No write transaction for nothing: most captures and timer ticks find only reminders that went
  // out before (read here, and again inside the transaction, as another process may fire them).
  std::erase_if(candidates, firedBefore);
  std::vector<Reminder> fired;
  if (candidates.empty()) return fired;
  const bool unlocked = store_.transactionIfUnlocked([&] {
    fired.clear();  // the transaction may be retried from the start
    for (const auto& r : candidates) {
      const auto version = store_.caseVersion(r.caseId);
      if (alreadyFired(store_.reminderStates(r.caseId), r.rule, version)) continue;
      store_.appendEvent(r.caseId, "reminder_fired", now(),
                         {{"rule", r.rule}, {"message", r.message}, {"dueAt", formatIso8601(r.dueAt)}});
      store_.recordReminderFired(r.caseId, r.rule, version, now());
      fired.push_back(r);
    }
  });
  if (!unlocked) return std::nullopt;
  return fired;
}

void CaseService::dismissReminder(const std::string& caseId, const std::string& rule) {
  if (!isReminderRule(rule))
    throw Error(ErrorCode::bad_request,
                "unknown reminder rule '" + rule +
                    "' (amazon_silent, needs_seller, generic_reopen, follow_up, deadline)");
  store_.transaction([&] {
    getCase(caseId);  // not_found for an unknown case
    store_.recordReminderDismissed(caseId, rule, store_.caseVersion(caseId), now());
    store_.appendEvent(caseId, "reminder_dismissed", now(), {{"rule", rule}});
  });
}

NextStep CaseService::nextStep(const CaseRecord& c) {
  if (c.messages.empty() && c.messageCount > 0) return nextStep(getCase(c.caseId));
  return suggestNextStep(c, genericVerdicts(c), config_, now());
}

}  // namespace caselog
