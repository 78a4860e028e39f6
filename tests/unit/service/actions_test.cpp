// Notes, snooze, category override, pin; queries and search through the service.
#include "core/error.hpp"
#include "unit/service/service_fixture.hpp"

namespace caselog::testing {
namespace {

class Actions : public ServiceTest {
 protected:
  void SetUp() override { service_.capture(listingCase(), source()); }
  const std::string id_ = "17865432901";
};

TEST_F(Actions, EachActionIsAnAuditEvent) {
  const auto note = service_.addNote(id_, "Called support, ticket escalated");
  service_.snooze(id_, at("2026-11-25T09:00:00Z"));
  service_.setCategory(id_, "catalog_error");
  service_.setPinned(id_, true);
  service_.setPinned(id_, true);  // no change, no event
  const auto c = service_.getCase(id_);
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_EQ(c.notes[0].id, note.id);
  EXPECT_EQ(c.snoozedUntil, at("2026-11-25T09:00:00Z"));
  EXPECT_EQ(c.categoryOverride, "catalog_error");
  EXPECT_EQ(c.category, "catalog_error");
  EXPECT_TRUE(c.pinned);
  std::vector<std::string> tail;
  const auto events = service_.events(id_);
  for (auto it = events.end() - 4; it != events.end(); ++it) tail.push_back(it->kind);
  EXPECT_EQ(tail, (std::vector<std::string>{"note_added", "snoozed", "category_set", "pinned"}));
  EXPECT_TRUE(service_.verify().ok);
}

TEST_F(Actions, RecaptureKeepsTheSellersCategoryOverride) {
  service_.setCategory(id_, "catalog_error");
  auto s = listingCase();
  s.messages.push_back(msg("amazon", "2026-11-23T09:00:00Z", "Your FBA inventory shipment was received."));
  service_.capture(s, source());
  EXPECT_EQ(service_.getCase(id_).category, "catalog_error");
}

TEST_F(Actions, UnknownCaseIsNotFoundAndBadInputIsBadRequest) {
  auto code = [](auto fn) {
    try {
      fn();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::internal;
  };
  EXPECT_EQ(code([&] { service_.addNote("404", "x"); }), ErrorCode::not_found);
  EXPECT_EQ(code([&] { service_.snooze("404", at("2026-11-25T09:00:00Z")); }), ErrorCode::not_found);
  EXPECT_EQ(code([&] { service_.setCategory("404", "catalog_error"); }), ErrorCode::not_found);
  EXPECT_EQ(code([&] { service_.setPinned("404", true); }), ErrorCode::not_found);
  EXPECT_EQ(code([&] { service_.getCase("404"); }), ErrorCode::not_found);
  EXPECT_EQ(code([&] { service_.addNote(id_, "   "); }), ErrorCode::bad_request);
  EXPECT_EQ(code([&] { service_.setCategory(id_, "gardening"); }), ErrorCode::bad_request);
  CaseFilter f;
  f.sort = "random";
  EXPECT_EQ(code([&] { service_.listCases(f); }), ErrorCode::bad_request);
  SearchQuery q;
  q.text = "x";
  q.author = "robot";
  EXPECT_EQ(code([&] { service_.search(q); }), ErrorCode::bad_request);
  q.author.reset();
  q.cursor = "garbage";
  EXPECT_EQ(code([&] { service_.search(q); }), ErrorCode::bad_request);
}

TEST_F(Actions, NotesAreSearchable) {
  service_.addNote(id_, "Escalated to Brand Registry Support via phone");
  SearchQuery q;
  q.text = "brand registry";
  const auto page = service_.search(q);
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].author, "note");
  EXPECT_EQ(page.hits[0].caseId, id_);
}

}  // namespace
}  // namespace caselog::testing
