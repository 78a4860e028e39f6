// Pins what inferCategory and extractIdentifiers answer over ~370 cases and ~2,900 texts, so that
// making them faster cannot change a result. text_pins.json was written by the implementation of
// November 2026 (commit b5b5c60) from: the demo generator's cases (six languages, with and
// without the page's category), the benchmark corpus's cases, keyword soups (every default
// keyword, stems grown and prefixed, accents, case, CJK, punctuation, invalid UTF-8) under the
// defaults and under a configuration with unusual keywords ("ab*", "(policy)", "", "*",
// duplicates, Cyrillic), and identifier-shaped fragments strung together. Texts that are not
// valid UTF-8 are stored as "hex:" and their bytes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/category.hpp"
#include "domain/identifiers.hpp"

using namespace caselog;

namespace {

std::string decoded(const std::string& s) {
  if (s.rfind("hex:", 0) != 0) return s;
  std::string out;
  for (std::size_t i = 4; i + 1 < s.size(); i += 2)
    out += static_cast<char>(std::stoi(s.substr(i, 2), nullptr, 16));
  return out;
}

const nlohmann::json& pins() {
  static const nlohmann::json j = [] {
    std::ifstream in(std::string(CASELOG_TESTS_DIR) + "/unit/domain/text_pins.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
  }();
  return j;
}

std::vector<std::string> texts() {
  std::vector<std::string> out;
  for (const auto& t : pins().at("texts")) out.push_back(decoded(t.at("text").get<std::string>()));
  return out;
}

}  // namespace

TEST(TextPins, ExtractIdentifiersAnswersAsPinned) {
  const auto all = texts();
  ASSERT_GT(all.size(), 2500u);
  std::size_t checked = 0, withIds = 0, wrong = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<std::string> want;
    for (const auto& id : pins()["texts"][i].at("ids")) want.push_back(decoded(id.get<std::string>()));
    std::vector<std::string> got;
    for (const auto& id : extractIdentifiers(all[i])) got.push_back(id.kind + ":" + id.value);
    ++checked;
    withIds += !want.empty();
    if (got != want && ++wrong <= 10) ADD_FAILURE() << "identifiers of \"" << all[i] << "\" changed";
  }
  EXPECT_EQ(wrong, 0u) << "of " << checked;
  EXPECT_GT(withIds, 700u);  // the pins are not mostly empty answers
}

TEST(TextPins, InferCategoryAnswersAsPinned) {
  const auto all = texts();
  std::vector<Config> configs;
  for (const auto& overlay : pins().at("configs")) configs.push_back(Config::fromJson(overlay));
  ASSERT_EQ(configs.size(), 2u);
  std::size_t checked = 0, wrong = 0;
  for (const auto& pinned : pins().at("cases")) {
    CaseRecord c;
    c.subject = all.at(pinned.at("subject").get<std::size_t>());
    c.categoryRaw = decoded(pinned.at("categoryRaw").get<std::string>());
    for (const auto& m : pinned.at("messages")) {
      StoredMessage sm;
      sm.author = m[0].get<std::string>();
      sm.body = all.at(m[1].get<std::size_t>());
      sm.current = m[2].get<bool>();
      c.messages.push_back(std::move(sm));
    }
    for (std::size_t k = 0; k < configs.size(); ++k) {
      const std::string want = pinned.at("category")[k].get<std::string>();
      const std::string got = inferCategory(c, configs[k]);
      ++checked;
      if (got != want && ++wrong <= 10)
        ADD_FAILURE() << "config " << k << ", subject \"" << c.subject << "\": " << got << ", pinned "
                      << want;
    }
  }
  EXPECT_EQ(wrong, 0u) << "of " << checked;
  EXPECT_GT(checked, 700u);
}
