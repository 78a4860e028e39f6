// The data model shared by every layer: what a capture brings in, and what the store keeps.
// Plain structs, no behaviour. JSON mapping lives in service/json.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/time.hpp"

namespace caselog {

// ---- What the extension (or `caselog capture`) sends: DESIGN.md "A captured case" ----

struct MessageSnapshot {
  std::string author;  // "seller" or "amazon"
  std::string sender;  // as shown on the page ("Amazon Seller Support", "Acme Goods")
  std::string sentAt;  // ISO 8601 as sent; may be empty when the page had no date
  std::string body;    // plain text
};

struct CaseSnapshot {
  std::string caseId;       // digits only
  std::string marketplace;  // "sellercentral.amazon.com"
  std::string subject;
  std::string status;    // raw, as the page shows it (any language)
  std::string category;  // raw; may be empty
  std::string createdAt;  // ISO 8601; may be empty
  std::string updatedAt;  // ISO 8601; may be empty
  std::vector<MessageSnapshot> messages;  // oldest first
};

struct CaptureSource {
  std::string url;
  std::string capturedAt;  // ISO 8601 from the extension; the host's clock when empty
  std::string page;        // "view-case", "case-list", "selection", "cli", "import"
  std::string parser;      // parser name/version
};

// One row of the case list page (capture_list).
struct CaseListEntry {
  std::string caseId;
  std::string subject;
  std::string status;
  std::string createdAt;
  std::string updatedAt;
};

// ---- What the store keeps ----

// Identifiers found in subject and bodies. kind: "asin", "order", "shipment", "sku", "amount".
// For amounts value is "USD 123.45" (ISO currency code, a space, the decimal amount).
struct Identifier {
  std::string kind;
  std::string value;
  bool operator==(const Identifier&) const = default;
};

struct StoredMessage {
  std::int64_t id = 0;
  std::string author;  // "seller" | "amazon"
  std::string sender;
  std::optional<Instant> sentAt;
  std::string body;
  Instant capturedAt{};                   // when CaseLog first saw this text
  int version = 1;                        // 1 for the first text, 2… for edited re-captures
  std::optional<std::int64_t> supersedes;  // id of the message this version replaces
  bool current = true;                    // false once a newer version exists
};

struct Note {
  std::int64_t id = 0;
  Instant at{};
  std::string text;
};

// An audit event. Append-only and hash-chained (storage/audit).
struct Event {
  std::int64_t seq = 0;
  std::string caseId;  // empty for events not tied to a case
  std::string kind;    // "case_created", "messages_added" (and in older files one "message_added"
                       // or "message_version" per message), "status_changed", "note_added",
                       // "snoozed", "reminder_fired", "category_set", "pinned", ...
  Instant at{};
  nlohmann::json data = nlohmann::json::object();
  std::string prevHash;  // hex SHA-256
  std::string hash;      // hex SHA-256
};

struct CaseRecord {
  std::string caseId;
  std::string marketplace;
  std::string subject;
  std::string statusRaw;
  std::string status;  // normalized: open, pending_amazon, needs_seller, answered,
                       // work_in_progress, resolved, closed, reopened, unknown
  std::string categoryRaw;
  std::string category;  // normalized key (domain/category); the seller's override wins
  std::optional<std::string> categoryOverride;
  std::optional<Instant> createdAt;
  std::optional<Instant> updatedAt;  // last activity: newest message or status change
  Instant firstCapturedAt{};
  Instant lastCapturedAt{};
  bool pinned = false;
  int reopenCount = 0;
  std::optional<Instant> snoozedUntil;
  int messageCount = 0;  // current messages
  std::vector<StoredMessage> messages;  // oldest first; filled only when asked for
  std::vector<Identifier> identifiers;
  std::vector<Note> notes;
};

}  // namespace caselog
