// Capture: one snapshot (capture), the case list (captureList) and many snapshots (import).
// A snapshot is validated first, then merged into the stored case in ONE transaction: new
// messages appended, edited ones stored as new versions, a status change recorded, every change
// in an audit event (one event for all the messages a snapshot adds). The commit is durable
// (synchronous=FULL) before the caller acknowledges.
#include <algorithm>
#include <iostream>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "domain/category.hpp"
#include "domain/config.hpp"
#include "domain/identifiers.hpp"
#include "domain/status.hpp"
#include "domain/text.hpp"
#include "service/case_service.hpp"
#include "storage/audit.hpp"
#include "storage/store.hpp"

namespace caselog {

namespace {

constexpr std::size_t kImportBatch = 500;  // snapshots per transaction in importSnapshots
constexpr std::size_t kMaxImportErrors = 50;

// Every check names the field it refused. The name is spelled out only then (an import checks
// millions of fields): `field` is called on failure and returns it, e.g. "messages[3].author".
[[noreturn]] void reject(const std::string& message) {
  throw Error(ErrorCode::bad_request, message);
}

// A refused value as an error repeats it: its start only, cut between characters.
std::string quoted(const std::string& text) {
  constexpr std::size_t kShown = 40;
  if (text.size() <= kShown) return "'" + text + "'";
  return "'" + std::string(text::utf8Prefix(text, kShown)) + "…' (" + std::to_string(text.size()) + " bytes)";
}

template <class Field>
void checkDate(const std::string& text, const Field& field) {
  if (!text.empty() && !parseIso8601(text)) reject(field() + " is not an ISO 8601 date: " + quoted(text));
}

template <class Field>
void checkCaseId(const std::string& caseId, const Field& field) {
  if (caseId.empty()) reject("missing " + field());
  if (!std::all_of(caseId.begin(), caseId.end(), [](char c) { return c >= '0' && c <= '9'; }))
    reject(field() + " must be digits: " + quoted(caseId));
  if (caseId.size() > 32) reject(field() + " is too long: " + quoted(caseId));
}

// The longest subject and short field (status, category, marketplace, sender) taken, in bytes:
// far beyond what Seller Central shows, and short enough that every answer and reminder that
// repeats them stays well inside the 1 MiB a frame to the browser may carry. Bodies and notes
// have their own limits (the frame's, 64 KiB).
constexpr std::size_t kMaxSubject = 4000;
constexpr std::size_t kMaxShortField = 500;

template <class Field>
void checkLength(const std::string& text, std::size_t max, const Field& field) {
  if (text.size() > max)
    reject(field() + " is too long (" + std::to_string(text.size()) + " bytes; at most " + std::to_string(max) + ")");
}

// field("cases", 2)("caseId") -> "cases[2].caseId"
auto field(const char* list, std::size_t index) {
  return [list, index](const char* name) {
    return std::string(list) + "[" + std::to_string(index) + "]." + name;
  };
}

auto named(const char* name) {
  return [name] { return std::string(name); };
}

void validate(const CaseSnapshot& s) {
  checkCaseId(s.caseId, named("caseId"));
  checkLength(s.subject, kMaxSubject, named("subject"));
  checkLength(s.status, kMaxShortField, named("status"));
  checkLength(s.category, kMaxShortField, named("category"));
  checkLength(s.marketplace, kMaxShortField, named("marketplace"));
  checkDate(s.createdAt, named("createdAt"));
  checkDate(s.updatedAt, named("updatedAt"));
  for (std::size_t i = 0; i < s.messages.size(); ++i) {
    const auto& m = s.messages[i];
    const auto in = field("messages", i);
    if (m.author.empty()) reject("missing " + in("author"));
    if (m.author != "seller" && m.author != "amazon")
      reject(in("author") + " must be \"seller\" or \"amazon\"");
    if (m.body.empty()) reject("missing " + in("body"));
    checkLength(m.sender, kMaxShortField, [&] { return in("sender"); });
    checkDate(m.sentAt, [&] { return in("sentAt"); });
  }
}

Instant latest(std::optional<Instant> a, Instant b) {
  return a && *a > b ? *a : b;
}

// A case page shows a case's whole subject; the case list may cut it short to fit its column.
enum class Subject { whole, mayBeCut };

// Is `shown`, a subject from the case list, the stored subject cut short? It is when it ends in
// an ellipsis ("Question about my ship...", "…"), whatever comes before it (a cut subject never
// replaces a whole one; a case page brings a new subject whole), or when it is a prefix of the
// stored one (cut without an ellipsis, or the same subject in other case or spacing). A cut
// subject beats none, so it is stored when there is none.
bool isCutOf(const std::string& shown, const std::string& stored) {
  if (stored.empty()) return false;
  const std::string folded = text::fold(shown);  // lowercased, whitespace collapsed and trimmed
  return folded.ends_with("...") || folded.ends_with("…") || text::fold(stored).starts_with(folded);
}

// Merges one validated snapshot into the store. Runs inside the caller's transaction.
class SnapshotMerge {
 public:
  SnapshotMerge(Store& store, const Config& config, Instant now)
      : store_(store), config_(config), now_(now) {}

  CaptureOutcome apply(const CaseSnapshot& s, Subject subject = Subject::whole) {
    CaptureOutcome out;
    out.caseId = s.caseId;
    changed_ = false;
    auto existing = store_.findCase(s.caseId, false);
    out.created = !existing;
    CaseRecord rec = existing ? *existing : CaseRecord{};
    const CaseRecord before = rec;
    if (out.created) {
      rec.caseId = s.caseId;
      rec.firstCapturedAt = now_;
      rec.status = "unknown";
    }
    applyFields(rec, s, subject);
    versions_ = out.created ? std::vector<StoredMessage>{} : store_.messageVersions(s.caseId);
    const auto fresh = newMessages(s);
    for (const auto& m : fresh)
      if (m.sentAt) rec.updatedAt = latest(rec.updatedAt, *m.sentAt);

    out.statusChanged = !out.created && rec.status != before.status;
    if (out.statusChanged) {
      rec.updatedAt = latest(rec.updatedAt, now_);
      if (rec.status == "reopened" ||
          (isClosedStatus(before.status) && !isClosedStatus(rec.status) && rec.status != "unknown"))
        ++rec.reopenCount;
    }
    rec.category = inferCategory(withMessages(rec, fresh), config_);
    changed_ = out.created || !fresh.empty() || fieldsDiffer(before, rec);
    if (!changed_) return out;

    rec.lastCapturedAt = now_;
    store_.upsertCase(rec);
    if (out.created)
      store_.appendEvent(
          rec.caseId, "case_created", now_,
          {{"subject", rec.subject}, {"status", rec.status}, {"marketplace", rec.marketplace}});
    recordFieldEvents(before, rec, out.created);
    appendMessages(rec.caseId, fresh);
    for (const auto& m : fresh) m.supersedes ? ++out.newVersions : ++out.newMessages;
    std::vector<Identifier> ids = extractIdentifiers(rec.subject);
    for (const auto& m : fresh) {
      auto found = extractIdentifiers(m.body);
      ids.insert(ids.end(), found.begin(), found.end());
    }
    // A thread repeats its ASIN or shipment ID in most messages: store each once.
    std::sort(ids.begin(), ids.end(), [](const Identifier& a, const Identifier& b) {
      return std::tie(a.kind, a.value) < std::tie(b.kind, b.value);
    });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (!ids.empty()) store_.addIdentifiers(rec.caseId, ids);
    return out;
  }

  // Did the last apply() store anything?
  bool changed() const { return changed_; }

 private:
  static void applyFields(CaseRecord& rec, const CaseSnapshot& s, Subject subject) {
    if (!s.marketplace.empty()) rec.marketplace = s.marketplace;
    // A cut subject would replace the whole one a case page stored, and the category guessed from
    // it would lose the words cut off (fba_shipment -> fba_inventory): the stored one stays.
    const bool cut = subject == Subject::mayBeCut && isCutOf(s.subject, rec.subject);
    if (!s.subject.empty() && !cut) rec.subject = s.subject;
    if (!s.status.empty()) {
      rec.statusRaw = s.status;
      rec.status = normalizeStatus(s.status);
    }
    if (!s.category.empty()) rec.categoryRaw = s.category;
    if (auto t = parseIso8601(s.createdAt)) rec.createdAt = *t;
    if (auto t = parseIso8601(s.updatedAt)) rec.updatedAt = latest(rec.updatedAt, *t);
    if (!rec.updatedAt && rec.createdAt) rec.updatedAt = rec.createdAt;
  }

  static bool fieldsDiffer(const CaseRecord& a, const CaseRecord& b) {
    return a.marketplace != b.marketplace || a.subject != b.subject || a.statusRaw != b.statusRaw ||
           a.status != b.status || a.categoryRaw != b.categoryRaw || a.category != b.category ||
           a.createdAt != b.createdAt || a.updatedAt != b.updatedAt || a.reopenCount != b.reopenCount;
  }

  // The case as inferCategory needs it: subject, raw category, and each current message once: the
  // stored ones but those a new version replaces, then the new ones. (Not the snapshot's messages:
  // a page captured again repeats the stored ones, and counted twice they outweighed the subject.)
  CaseRecord withMessages(const CaseRecord& rec, const std::vector<StoredMessage>& fresh) const {
    CaseRecord c = rec;
    std::set<std::int64_t> replaced;
    for (const auto& m : fresh)
      if (m.supersedes) replaced.insert(*m.supersedes);
    for (const auto& m : versions_)  // the new ones are in versions_ too, but not current
      if (m.current && !replaced.count(m.id)) c.messages.push_back(m);
    c.messages.insert(c.messages.end(), fresh.begin(), fresh.end());
    return c;
  }

  void recordFieldEvents(const CaseRecord& before, const CaseRecord& rec, bool created) {
    if (created) return;
    if (before.status != rec.status)
      store_.appendEvent(rec.caseId, "status_changed", now_,
                         {{"from", before.status},
                          {"to", rec.status},
                          {"fromRaw", before.statusRaw},
                          {"toRaw", rec.statusRaw}});
    if (rec.reopenCount != before.reopenCount)
      store_.appendEvent(rec.caseId, "reopened", now_, {{"reopenCount", rec.reopenCount}});
    nlohmann::json changes = nlohmann::json::object();
    if (before.subject != rec.subject) changes["subject"] = {{"from", before.subject}, {"to", rec.subject}};
    if (before.categoryRaw != rec.categoryRaw)
      changes["categoryRaw"] = {{"from", before.categoryRaw}, {"to", rec.categoryRaw}};
    if (before.category != rec.category)
      changes["category"] = {{"from", before.category}, {"to", rec.category}};
    if (before.marketplace != rec.marketplace)
      changes["marketplace"] = {{"from", before.marketplace}, {"to", rec.marketplace}};
    if (!changes.empty()) store_.appendEvent(rec.caseId, "case_updated", now_, changes);
  }

  // Snapshot messages not stored yet, oldest first. Same author + sentAt + body: already stored
  // (any version). Same author + sentAt, other body: a new version of the stored one. Without a
  // date: author + body decides.
  std::vector<StoredMessage> newMessages(const CaseSnapshot& s) {
    std::vector<StoredMessage> fresh;
    std::set<std::int64_t> matched;  // stored current messages already paired with a snapshot message
    for (const auto& sm : s.messages) {
      StoredMessage m;
      m.author = sm.author;
      m.sender = sm.sender;
      m.sentAt = parseIso8601(sm.sentAt);
      m.body = sm.body;
      m.capturedAt = now_;
      if (known(m)) continue;
      if (m.sentAt) {
        for (const auto& v : versions_) {
          if (v.current && v.author == m.author && v.sentAt == m.sentAt && !matched.count(v.id)) {
            m.supersedes = v.id;
            matched.insert(v.id);
            break;
          }
        }
      }
      fresh.push_back(m);
      versions_.push_back(m);   // an identical message later in the same snapshot is a duplicate,
      versions_.back().id = 0;  // but never a version to supersede
      versions_.back().current = false;
    }
    return fresh;
  }

  bool known(const StoredMessage& m) const {
    return std::any_of(versions_.begin(), versions_.end(), [&](const StoredMessage& v) {
      return v.author == m.author && v.body == m.body && (!m.sentAt || v.sentAt == m.sentAt);
    });
  }

  // The new messages and versions, then ONE audit event that vouches for all of them: each entry
  // carries the message's id and content hash (and the id it supersedes), so verify names the
  // exact message that changed.
  void appendMessages(const std::string& caseId, const std::vector<StoredMessage>& fresh) {
    if (fresh.empty()) return;
    const std::vector<std::int64_t> ids = store_.appendMessages(caseId, fresh);
    nlohmann::json entries = nlohmann::json::array();
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      const StoredMessage& m = fresh[i];
      // The content hash covers author, sender, sentAt and body: the entry needs nothing else.
      nlohmann::json entry = {{"messageId", ids[i]}, {"contentHash", audit::messageContentHash(m)}};
      if (m.supersedes) entry["supersedes"] = *m.supersedes;
      entries.push_back(std::move(entry));
    }
    store_.appendEvent(caseId, "messages_added", now_, {{"messages", std::move(entries)}});
  }

  Store& store_;
  const Config& config_;
  Instant now_;
  std::vector<StoredMessage> versions_;
  bool changed_ = false;
};

// Runs inside the capture's transaction, so that a capture is one durable commit. A failure of
// the intelligence rules must not lose the capture or turn the ack into an error (the extension
// would resend forever): its writes (priority, verdicts, reminder schedule) are a savepoint that
// is undone alone, and the failure is reported on stderr. Derived data only: the next reassess
// (the host's timer, `caselog due`) computes it again.
void reassessQuietly(CaseService& service, const std::string& caseId, CaptureOutcome* outcome) {
  try {
    service.store().savepoint([&] { service.reassess(caseId, outcome); });
  } catch (const std::exception& e) {
    std::cerr << "caselog: reassessing case " << caseId << " failed: " << e.what() << "\n";
  }
}

// When the page was captured, as the extension says (a capture may wait in its outbox for days),
// unless that is not a date or is later than now (by more than 5 minutes of clocks apart): the
// audit trail is not dated in the future.
Instant captureTime(const CaptureSource& source, Instant now) {
  auto t = parseIso8601(source.capturedAt);
  return t && *t <= now + std::chrono::minutes(5) ? *t : now;
}

}  // namespace

CaptureOutcome CaseService::capture(const CaseSnapshot& snapshot, const CaptureSource& source) {
  validate(snapshot);
  CaptureOutcome out;
  store_.transaction([&] {
    out = SnapshotMerge(store_, config_, captureTime(source, now())).apply(snapshot);
    reassessQuietly(*this, out.caseId, &out);
  });
  return out;
}

ListCaptureOutcome CaseService::captureList(const std::vector<CaseListEntry>& entries,
                                            const CaptureSource& source) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto in = field("cases", i);
    checkCaseId(entries[i].caseId, [&] { return in("caseId"); });
    checkLength(entries[i].subject, kMaxSubject, [&] { return in("subject"); });
    checkLength(entries[i].status, kMaxShortField, [&] { return in("status"); });
    checkDate(entries[i].createdAt, [&] { return in("createdAt"); });
    checkDate(entries[i].updatedAt, [&] { return in("updatedAt"); });
  }
  ListCaptureOutcome out;
  std::vector<std::string> touched;
  store_.transaction([&] {
    out = ListCaptureOutcome{};
    touched.clear();
    SnapshotMerge merge(store_, config_, captureTime(source, now()));
    for (const auto& e : entries) {
      CaseSnapshot s;
      s.caseId = e.caseId;
      s.subject = e.subject;
      s.status = e.status;
      s.createdAt = e.createdAt;
      s.updatedAt = e.updatedAt;
      const CaptureOutcome one = merge.apply(s, Subject::mayBeCut);
      ++out.cases;
      if (one.created)
        ++out.created;
      else if (merge.changed())
        ++out.updated;
      touched.push_back(e.caseId);
    }
  });
  store_.transaction([&] {
    for (const auto& id : touched) reassessQuietly(*this, id, nullptr);
  });
  return out;
}

std::size_t CaseService::finishImport(std::size_t newMessages,
                                      const std::function<void(std::size_t done)>& progress) {
  store_.optimizeSearchIndex(static_cast<std::int64_t>(newMessages));
  return reassessOverdue(progress);
}

ImportOutcome CaseService::importSnapshots(const std::vector<CaseSnapshot>& snapshots,
                                           const CaptureSource& source,
                                           const std::function<void(const ImportProgress&)>& progress) {
  ImportOutcome out;
  auto fail = [&](std::size_t index, const std::string& why) {
    ++out.failed;
    if (out.errors.size() < kMaxImportErrors)
      out.errors.push_back("line " + std::to_string(index + 1) + ": " + why);
  };
  std::vector<CaptureOutcome> done;
  auto count = [&] {
    for (const auto& one : done) {
      ++out.snapshots;
      out.created += one.created ? 1 : 0;
      out.newMessages += static_cast<std::size_t>(one.newMessages);
    }
  };
  // Each case the import changed is marked for assessment (due at once) instead of assessed
  // here: the assessment is half the work of an import, and a caller that needs it now runs
  // finishImport() next (caselog import does, with its own progress); the host would too. Its
  // reminders count from that assessment on (it saves when they come due). A snapshot that
  // changed nothing (an import run again after it stopped) leaves its case as it was.
  auto applyAll = [&](const std::vector<std::size_t>& which) {
    done.clear();
    SnapshotMerge merge(store_, config_, captureTime(source, now()));
    for (auto i : which) {
      done.push_back(merge.apply(snapshots[i]));
      if (merge.changed()) store_.saveSchedule(done.back().caseId, {std::nullopt, Instant{}});
    }
  };
  try {
    for (std::size_t start = 0; start < snapshots.size(); start += kImportBatch) {
      store_.pauseForWriters();
      const std::size_t end = std::min(snapshots.size(), start + kImportBatch);
      std::vector<std::size_t> valid;
      for (std::size_t i = start; i < end; ++i) {
        try {
          validate(snapshots[i]);
          valid.push_back(i);
        } catch (const Error& e) {
          fail(i, e.what());
        }
      }
      // A StorageUnavailable is not the snapshot's fault and would fail every later one too: it
      // stops the import, with the batches before it stored. Any other error is one bad entry
      // spoiling the batch: the batch is redone one snapshot per transaction, the bad one reported.
      try {
        store_.transaction([&] { applyAll(valid); });
        count();
      } catch (const StorageUnavailable&) {
        throw;
      } catch (const Error&) {
        for (auto i : valid) {
          try {
            store_.transaction([&] { applyAll({i}); });
            count();
          } catch (const StorageUnavailable&) {
            out.handled = i;
            throw;
          } catch (const Error& e) {
            fail(i, e.what());
          }
        }
      }
      out.handled = end;
      if (progress) progress({end, snapshots.size()});
    }
  } catch (const StorageUnavailable& e) {
    out.stopped = e.what();
  }
  return out;
}

}  // namespace caselog
