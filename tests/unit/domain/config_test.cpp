#include "domain/config.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <set>

#include "core/error.hpp"
#include "domain/category.hpp"

using namespace caselog;

namespace {

std::string writeTemp(const std::string& content) {
  char path[] = "/tmp/caselog-config-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  std::ofstream(path) << content;
  close(fd);
  return path;
}

ErrorCode codeOf(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  ADD_FAILURE() << "no caselog::Error thrown";
  return ErrorCode::internal;
}

}  // namespace

TEST(Config, DefaultsDescribeEveryCategory) {
  const Config config = Config::defaults();
  for (const auto& key : categoryKeys()) {
    const std::string base = "/categories/" + key;
    EXPECT_EQ(config.string(base + "/label"), categoryLabel(key)) << key;
    EXPECT_GT(config.number(base + "/impact", -1), 0) << key;
    EXPECT_LE(config.number(base + "/impact", 2), 1) << key;
    EXPECT_FALSE(config.string(base + "/team").empty()) << key;
    EXPECT_FALSE(config.string(base + "/hint").empty()) << key;
    EXPECT_FALSE(config.string(base + "/explain").empty()) << key;
    if (key != "other") {
      EXPECT_GE(config.strings(base + "/keywords").size(), 5u) << key;
    }
  }
  EXPECT_EQ(config.number("/timing/expectedReplyBusinessDays"), 5);
  EXPECT_EQ(config.string("/categories/brand_registry/team"), "Brand Registry Support");
  EXPECT_EQ(config.string("/categories/account_health/team"), "Seller Performance / Account Health");
}

TEST(Config, DeadlinePatternsAndTemplatesAreWellFormed) {
  const Config config = Config::defaults();
  for (const char* unit : {"days", "businessDays", "months"}) {
    for (const auto& p : config.strings(std::string("/deadlines/") + unit))
      EXPECT_NE(p.find("{n}"), std::string::npos) << p;
  }
  const std::set<std::string> known = {"caseId", "subject", "asins",      "orders", "shipments",
                                       "skus",   "amounts", "references", "team",   "days"};
  for (const auto& [kind, tmpl] : config.find("/nextStep/templates")->items()) {
    const std::string text = tmpl.get<std::string>();
    for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      const auto close = text.find('}', open);
      ASSERT_NE(close, std::string::npos) << kind;
      EXPECT_TRUE(known.count(text.substr(open + 1, close - open - 1))) << kind << ": " << text.substr(open);
    }
  }
}

TEST(Config, ReadersFallBackWhenAKeyIsMissingOrOfAnotherType) {
  const Config config = Config::defaults();
  EXPECT_EQ(config.number("/no/such/key", 7.5), 7.5);
  EXPECT_EQ(config.number("/categories/other/label", 3), 3);  // a string, not a number
  EXPECT_EQ(config.string("/no/such", "x"), "x");
  EXPECT_TRUE(config.strings("/timing").empty());
  EXPECT_TRUE(config.flag("/categories/brand_registry/redirect"));
  EXPECT_FALSE(config.flag("/categories/payments/redirect", true));
  EXPECT_EQ(config.find("/nope"), nullptr);
}

TEST(Config, FoldedListsAreFoldedKeptAndNotSharedWithACopy) {
  const Config config =
      Config::fromJson({{"generic", {{"phrases", {"  Thank YOU  for   Contacting", "Übersicht"}}}}});
  const auto& phrases = config.folded("/generic/phrases");
  EXPECT_EQ(phrases, (std::vector<std::string>{"thank you for contacting", "ubersicht"}));
  EXPECT_EQ(&config.folded("/generic/phrases"), &phrases);  // made once
  EXPECT_TRUE(config.folded("/no/such/list").empty());
  EXPECT_EQ(&config.folded("/generic/phrases"), &phrases);  // still valid after another list

  Config copy = config;
  copy.values["generic"]["phrases"] = {"Other"};
  EXPECT_EQ(copy.folded("/generic/phrases"), std::vector<std::string>{"other"});
  EXPECT_EQ(config.folded("/generic/phrases").size(), 2u);
}

struct ThresholdView {  // a view as a rule defines one
  double threshold;
  int made;
  static inline int count = 0;
  static ThresholdView from(const Config& config) { return {config.number("/generic/threshold"), ++count}; }
};

TEST(Config, ViewsAreMadeOnceAndNotSharedWithACopy) {
  const Config config = Config::fromJson({{"generic", {{"threshold", 0.7}}}});
  const ThresholdView& view = config.view<ThresholdView>();
  EXPECT_EQ(view.threshold, 0.7);
  EXPECT_EQ(&config.view<ThresholdView>(), &view);  // made once
  EXPECT_EQ(ThresholdView::count, view.made);       // from() not called again

  Config copy = config;
  copy.values["generic"]["threshold"] = 0.2;
  EXPECT_EQ(copy.view<ThresholdView>().threshold, 0.2);  // the copy makes its own
  EXPECT_NE(copy.view<ThresholdView>().made, view.made);
  EXPECT_EQ(config.view<ThresholdView>().threshold, 0.7);
}

TEST(Config, LoadOverlaysTheFileKeyByKey) {
  const std::string path =
      writeTemp(R"({"priority": {"coefficients": {"money": 42}}, "custom": {"kept": true}})");
  const Config config = Config::load(path);
  std::remove(path.c_str());
  EXPECT_EQ(config.number("/priority/coefficients/money"), 42);
  EXPECT_EQ(config.number("/priority/coefficients/category"), 10);  // untouched default
  EXPECT_TRUE(config.flag("/custom/kept"));
}

TEST(Config, AMissingFileMeansDefaults) {
  const Config config = Config::load("/nonexistent/caselog/config.json");
  EXPECT_EQ(config.values, Config::defaults().values);
}

TEST(Config, ADirectoryIsAnErrorNotSilentDefaults) {
  std::string message;
  EXPECT_EQ(codeOf([&] { Config::load("/tmp"); }, &message), ErrorCode::bad_request);
  EXPECT_EQ(message, "cannot read config file /tmp");
}

TEST(Config, AnUnreadableFileIsAnErrorNotSilentDefaults) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  const std::string path = writeTemp(R"({"priority": {}})");
  chmod(path.c_str(), 0);
  std::string message;
  EXPECT_EQ(codeOf([&] { Config::load(path); }, &message), ErrorCode::bad_request);
  std::remove(path.c_str());
  EXPECT_NE(message.find("cannot read config file"), std::string::npos) << message;
}

TEST(Config, InvalidJsonNamesTheFile) {
  const std::string path = writeTemp("{\n  \"priority\": {,\n}");
  std::string message;
  EXPECT_EQ(codeOf([&] { Config::load(path); }, &message), ErrorCode::bad_request);
  std::remove(path.c_str());
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("line 2"), std::string::npos) << message;
}

TEST(Config, AWrongTypeIsReportedWithItsKey) {
  std::string message;
  EXPECT_EQ(codeOf(
                [] {
                  Config::fromJson({{"priority", {{"coefficients", {{"money", "lots"}}}}}});
                },
                &message),
            ErrorCode::bad_request);
  EXPECT_NE(message.find("/priority/coefficients/money must be a number, not string"), std::string::npos)
      << message;
  EXPECT_EQ(codeOf([] {
              Config::fromJson({{"generic", {{"phrases", "thank you"}}}});
            }),
            ErrorCode::bad_request);
  EXPECT_EQ(codeOf([] { Config::fromJson(nlohmann::json::array({1, 2})); }), ErrorCode::bad_request);
}

TEST(Config, NullRemovesAKeySoItsReaderFallsBack) {
  // JSON merge patch: null deletes. Readers then use their documented fallback.
  const Config config = Config::fromJson({{"priority", {{"moneyFullAt", nullptr}}}});
  EXPECT_EQ(config.find("/priority/moneyFullAt"), nullptr);
  EXPECT_EQ(config.number("/priority/moneyFullAt", 5000), 5000);
}

namespace {

void leafKeys(const nlohmann::json& j, const std::string& prefix, std::vector<std::string>& out) {
  if (!j.is_object()) {
    out.push_back(prefix);
    return;
  }
  for (const auto& [key, value] : j.items()) leafKeys(value, prefix.empty() ? key : prefix + "." + key, out);
}

}  // namespace

// docs/CONFIG.md documents every key of the defaults: a new key without documentation fails here.
TEST(Config, EveryDefaultKeyIsDocumented) {
  std::ifstream in(std::string(CASELOG_TESTS_DIR) + "/../docs/CONFIG.md");
  ASSERT_TRUE(in) << "docs/CONFIG.md is missing";
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Config config = Config::defaults();
  std::vector<std::string> keys;
  for (const auto& [section, value] : config.values.items()) {
    if (section != "categories") leafKeys(value, section, keys);
  }
  for (const auto& key : keys)
    EXPECT_NE(doc.find("`" + key + "`"), std::string::npos) << key << " is undocumented";
  for (const auto& [category, fields] : config.values["categories"].items()) {
    EXPECT_NE(doc.find("`" + category + "`"), std::string::npos) << category;
    for (const auto& [field, unused] : fields.items()) {
      EXPECT_NE(doc.find("| `" + field + "`"), std::string::npos)
          << "categories.*." << field << " is undocumented";
    }
  }
}
