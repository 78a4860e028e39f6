// Every route of the history view over a real store: content, filters, actions, API, export.
#include "web_fixture.hpp"

namespace caselog::test {
namespace {

class Pages : public WebTest {
 protected:
  void seed() {
    capture(sampleCase("3001", "Listing suppressed for B08XYZ1234 - incorrect main image",
                       "Thank you for contacting Amazon Seller Support. We have reviewed your listing."));
    CaseSnapshot fba = sampleCase("3002", "FBA shipment FBA15XYZ1AB2 units missing",
                                  "We have researched shipment FBA15XYZ1AB2 and reimbursed 3 units.");
    fba.status = "Answered";
    capture(fba);
    CaseSnapshot jp =
        sampleCase("3003", "出品が停止されました", "お問い合わせいただきありがとうございます。");
    jp.marketplace = "sellercentral.amazon.co.jp";
    capture(jp);
  }
  static bool has(const std::string& body, const std::string& needle) {
    return body.find(needle) != std::string::npos;
  }
};

TEST_F(Pages, EmptyDashboardTeachesCaptureAndDemo) {
  const auto r = get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "No cases yet"));
  EXPECT_TRUE(has(r.body, "caselog"));
  EXPECT_TRUE(has(r.body, "demo"));
  EXPECT_TRUE(has(r.body, "Save to CaseLog"));
}

TEST_F(Pages, DashboardShowsQueueWithLabelsAndCounts) {
  seed();
  const auto r = get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "Priority queue"));
  EXPECT_TRUE(has(r.body, "Listing suppressed for B08XYZ1234"));
  EXPECT_TRUE(has(r.body, "class=\"label p"));
  EXPECT_TRUE(has(r.body, "href=\"/cases/3001\""));
  EXPECT_TRUE(has(r.body, "<span class=\"n\">3</span><span class=\"l\">cases</span>"));
  EXPECT_TRUE(has(r.body, "Due now"));
}

TEST_F(Pages, CasesListFiltersSortsAndPages) {
  seed();
  auto all = get("/cases");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(has(all.body, "/cases/3001") && has(all.body, "/cases/3002") && has(all.body, "/cases/3003"));
  const auto answered = get("/cases?status=answered");
  EXPECT_TRUE(has(answered.body, "/cases/3002"));
  EXPECT_FALSE(has(answered.body, "/cases/3001\""));
  const auto jp = get("/cases?marketplace=sellercentral.amazon.co.jp");
  EXPECT_TRUE(has(jp.body, "/cases/3003"));
  EXPECT_FALSE(has(jp.body, "/cases/3002\""));
  const auto paged = get("/cases?limit=1&sort=updated");
  EXPECT_TRUE(has(paged.body, "1–1 of 3"));
  EXPECT_TRUE(has(paged.body, "offset=1"));
  EXPECT_EQ(get("/cases?status=bogus").status, 400);
  EXPECT_EQ(get("/cases?from=yesterday").status, 400);
}

TEST_F(Pages, CasePageShowsThreadOldestFirstAndWhoIsWho) {
  seed();
  const auto r = get("/cases/3001");
  ASSERT_EQ(r.status, 200);
  const auto seller = r.body.find("class=\"msg seller\"");
  const auto amazon = r.body.find("class=\"msg amazon\"");
  ASSERT_NE(seller, std::string::npos);
  ASSERT_NE(amazon, std::string::npos);
  EXPECT_LT(seller, amazon);
  EXPECT_TRUE(has(r.body, "Acme Goods"));
  EXPECT_TRUE(has(r.body, "Amazon Seller Support"));
  EXPECT_TRUE(has(r.body, "datetime=\"2026-11-21T09:12:00Z\" title=\"2026-11-21T09:12:00Z (UTC)\""));
  EXPECT_TRUE(has(r.body, "href=\"/search?q=B08XYZ1234\""));  // identifiers are links
  EXPECT_TRUE(has(r.body, "Audit trail"));
  EXPECT_TRUE(has(r.body, "case_created"));
  EXPECT_TRUE(has(r.body, "action=\"/cases/3001/note\""));
  EXPECT_TRUE(has(r.body, "action=\"/cases/3001/snooze\""));
  EXPECT_TRUE(has(r.body, "action=\"/cases/3001/category\""));
  EXPECT_TRUE(has(r.body, "action=\"/cases/3001/pin\""));
}

TEST_F(Pages, JapaneseCaseRendersAsUtf8) {
  seed();
  const auto r = get("/cases/3003");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "出品が停止されました"));
  EXPECT_TRUE(has(r.body, "お問い合わせいただきありがとうございます。"));
  EXPECT_TRUE(has(r.header("Content-Type"), "charset=utf-8"));
}

TEST_F(Pages, SearchHighlightsMatchesAndFindsIdentifiers) {
  seed();
  const auto r = get("/search?q=reimbursed");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "<mark>reimbursed</mark>"));
  EXPECT_TRUE(has(r.body, "/cases/3002"));
  const auto ident = get("/search?q=FBA15XYZ1AB2");
  EXPECT_TRUE(has(ident.body, "/cases/3002"));
  const auto fragment = get("/search?q=reimbursed&fragment=1");
  EXPECT_FALSE(has(fragment.body, "<!doctype html>"));
  EXPECT_TRUE(has(fragment.body, "<mark>reimbursed</mark>"));
  for (const char* hostile : {"%22", "AND", "NEAR(", "*", "a%3Ab", "%E2%80%8B", ""})
    EXPECT_EQ(get(std::string("/search?q=") + hostile).status, 200) << hostile;
}

TEST_F(Pages, TrendsDrawsSvgCharts) {
  seed();
  const auto r = get("/trends");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "<svg class=\"chart\""));
  EXPECT_TRUE(has(r.body, "Cases per category per week"));
  EXPECT_TRUE(has(r.body, "Recurring issues"));
}

TEST_F(Pages, ExportOffersFormatsAndTheChainHead) {
  seed();
  const auto page = get("/export");
  ASSERT_EQ(page.status, 200);
  const ChainHead head = service_->chainHead();
  EXPECT_TRUE(has(page.body, head.hash));
  const auto html = get("/export/download?case=3001&format=html");
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(has(html.body, "Audit-chain head"));
  EXPECT_TRUE(has(html.body, head.hash));
  EXPECT_TRUE(
      has(html.body, "Thank you for contacting Amazon Seller Support. We have reviewed your listing."));
  EXPECT_TRUE(has(html.body, "captured 2026-11-25T12:00:00Z"));
  EXPECT_TRUE(has(html.header("Content-Security-Policy"), "style-src 'sha256-"));
  const auto json = get("/export/download?case=3001&format=json");
  const auto j = nlohmann::json::parse(json.body);
  EXPECT_EQ(j["chainHead"]["hash"], head.hash);
  EXPECT_EQ(j["cases"][0]["messages"].size(), 2u);
  EXPECT_TRUE(has(json.header("Content-Disposition"), "attachment"));
  const auto csv = get("/export/download?format=csv");
  EXPECT_TRUE(has(csv.body, "caseId,subject,status"));
  EXPECT_TRUE(has(csv.body, "\"3003\""));
  EXPECT_EQ(get("/export/download?case=999&format=html").status, 404);
  EXPECT_EQ(get("/export/download?format=pdf").status, 400);
}

TEST_F(Pages, ActionsChangeTheCaseAndTheCachedPagesFollow) {
  seed();
  EXPECT_FALSE(has(get("/cases/3001").body, "a note from the test"));  // now cached
  EXPECT_EQ(post("/cases/3001/note", "text=a+note+from+the+test&csrf=" + csrf()).status, 303);
  EXPECT_TRUE(has(get("/cases/3001").body, "a note from the test"));
  EXPECT_EQ(post("/cases/3001/pin", "pinned=1&csrf=" + csrf()).status, 303);
  EXPECT_TRUE(service_->getCase("3001").pinned);
  EXPECT_TRUE(has(get("/cases/3001").body, "Unpin"));
  EXPECT_EQ(post("/cases/3001/category", "category=brand_registry&csrf=" + csrf()).status, 303);
  EXPECT_EQ(service_->getCase("3001").category, "brand_registry");
  EXPECT_EQ(post("/cases/3001/category", "category=nonsense&csrf=" + csrf()).status, 400);
  const auto snooze = post("/cases/3001/snooze", "days=3&back=%2F&csrf=" + csrf());
  EXPECT_EQ(snooze.status, 303);
  EXPECT_EQ(snooze.header("Location"), "/");
  ASSERT_TRUE(service_->getCase("3001").snoozedUntil.has_value());
  EXPECT_EQ(formatIso8601(*service_->getCase("3001").snoozedUntil), "2026-11-28T12:00:00Z");
  EXPECT_EQ(post("/cases/3001/snooze", "until=2020-01-01&csrf=" + csrf()).status, 400);
  EXPECT_EQ(post("/cases/3001/note", "text=%20%20&csrf=" + csrf()).status, 400);
  EXPECT_EQ(post("/cases/9999/note", "text=x&csrf=" + csrf()).status, 404);
  // `back` never leaves the view.
  EXPECT_EQ(post("/cases/3001/pin", "pinned=0&back=%2F%2Fevil.example&csrf=" + csrf()).header("Location"),
            "/cases/3001");
}

TEST_F(Pages, DismissRecordsAnEvent) {
  seed();
  const auto before = service_->events("3001").size();
  EXPECT_EQ(post("/cases/3001/dismiss", "rule=amazon_silent&csrf=" + csrf()).status, 303);
  EXPECT_GT(service_->events("3001").size(), before);
  EXPECT_EQ(post("/cases/3001/dismiss", "csrf=" + csrf()).status, 400);
}

TEST_F(Pages, ApiMirrorsThePages) {
  seed();
  const auto cases = nlohmann::json::parse(get("/api/cases?limit=2").body);
  EXPECT_EQ(cases["total"], 3);
  EXPECT_EQ(cases["cases"].size(), 2u);
  EXPECT_TRUE(cases["cases"][0].contains("priority"));
  const auto one = nlohmann::json::parse(get("/api/cases/3002").body);
  EXPECT_EQ(one["caseId"], "3002");
  EXPECT_EQ(one["messages"].size(), 2u);
  EXPECT_TRUE(one.contains("events"));
  EXPECT_TRUE(one.contains("nextStep"));
  const auto search = nlohmann::json::parse(get("/api/search?q=reimbursed").body);
  ASSERT_FALSE(search["hits"].empty());
  EXPECT_EQ(search["hits"][0]["caseId"], "3002");
  EXPECT_TRUE(nlohmann::json::parse(get("/api/due").body)["reminders"].is_array());
  EXPECT_TRUE(nlohmann::json::parse(get("/api/trends").body).contains("perWeek"));
  EXPECT_EQ(get("/api/cases/4040").status, 404);
}

TEST_F(Pages, HeadRequestsAnswerWithoutBody) {
  RequestSpec s;
  s.method = "HEAD";
  s.path = "/static/caselog.css";
  const auto r = send(s);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
}

}  // namespace
}  // namespace caselog::test
