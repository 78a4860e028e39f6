// A CaseService over a real SQLite file in a temp folder, with a fixed clock.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>

#include "domain/config.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog::testing {

inline Instant at(const char* iso) {
  return *parseIso8601(iso);
}

inline MessageSnapshot msg(const char* author, const char* sentAt, const char* body) {
  return {author, author == std::string("amazon") ? "Amazon Seller Support" : "Acme Goods", sentAt, body};
}

inline CaseSnapshot listingCase() {
  CaseSnapshot s;
  s.caseId = "17865432901";
  s.marketplace = "sellercentral.amazon.com";
  s.subject = "Listing suppressed for B08XYZ1234 - incorrect main image";
  s.status = "Pending Amazon action";
  s.createdAt = "2026-11-20T14:05:00Z";
  s.messages = {msg("seller", "2026-11-20T14:05:00Z",
                    "Our listing B08XYZ1234 was suppressed although the main image meets the policy."),
                msg("amazon", "2026-11-21T09:12:00Z",
                    "Thank you for contacting Amazon Seller Support. We have forwarded your request.")};
  return s;
}

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest()
      : store_(openSqliteStore(dir_.file("caselog.db"))),
        config_(Config::defaults()),
        service_(*store_, config_, [this] { return now_; }) {}

  CaptureSource source(const char* page = "view-case") {
    CaptureSource s;
    s.url = "https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=17865432901";
    s.page = page;
    s.parser = "test";
    return s;
  }

  std::vector<std::string> kinds(const std::string& caseId) {
    std::vector<std::string> out;
    for (const auto& e : service_.events(caseId)) out.push_back(e.kind);
    return out;
  }

  Event lastEvent(const std::string& caseId) {
    const auto events = service_.events(caseId);
    if (events.empty()) throw std::runtime_error("no events for case " + caseId);
    return events.back();
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  Config config_;
  Instant now_ = at("2026-11-22T10:00:00Z");
  CaseService service_;
};

}  // namespace caselog::testing
