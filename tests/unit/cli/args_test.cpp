#include "cli/args.hpp"

#include <gtest/gtest.h>

using namespace caselog::cli;

namespace {

const std::vector<OptionSpec> kSpecs = {{"status", true}, {"json", false}, {"output", true, 'o'}};

}  // namespace

TEST(ParseArgs, LongOptionsWithSpaceOrEquals) {
  auto a = parseArgs({"--status", "open", "--output=x.csv", "--json"}, kSpecs);
  EXPECT_EQ(a.get("status"), "open");
  EXPECT_EQ(a.get("output"), "x.csv");
  EXPECT_TRUE(a.has("json"));
  EXPECT_FALSE(a.has("missing"));
}

TEST(ParseArgs, ShortOptionAndPositionalsKeepOrder) {
  auto a = parseArgs({"first", "-o", "file", "second"}, kSpecs);
  EXPECT_EQ(a.get("output"), "file");
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"first", "second"}));
}

TEST(ParseArgs, DoubleDashEndsOptionsAndDashIsStdin) {
  auto a = parseArgs({"-", "--", "--json", "-x"}, kSpecs);
  EXPECT_FALSE(a.has("json"));
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"-", "--json", "-x"}));
}

TEST(ParseArgs, UnknownOptionMissingValueAndFlagWithValueAreUsageErrors) {
  EXPECT_THROW(parseArgs({"--bogus"}, kSpecs), UsageError);
  EXPECT_THROW(parseArgs({"--status"}, kSpecs), UsageError);
  EXPECT_THROW(parseArgs({"--json=yes"}, kSpecs), UsageError);
  EXPECT_THROW(parseArgs({"-z"}, kSpecs), UsageError);
}

TEST(ParsedArgs, IntegersAreCheckedAgainstTheirRange) {
  auto a = parseArgs({"--status", "12"}, kSpecs);
  EXPECT_EQ(a.getInt("status", 0, 1, 50), 12);
  EXPECT_EQ(a.getInt("output", 7, 1, 50), 7);
  EXPECT_THROW(a.getInt("status", 0, 1, 10), UsageError);
  auto bad = parseArgs({"--status", "12x"}, kSpecs);
  EXPECT_THROW(bad.getInt("status", 0, 0, 100), UsageError);
  auto negative = parseArgs({"--status=-3"}, kSpecs);
  EXPECT_THROW(negative.getInt("status", 0, 0, 100), UsageError);
}

TEST(ParsedArgs, ChoicesNameTheAllowedValues) {
  auto a = parseArgs({"--status", "weird"}, kSpecs);
  try {
    a.getChoice("status", "", {"open", "closed"});
    FAIL() << "expected a usage error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("open, closed"), std::string::npos);
  }
}

TEST(ParsedArgs, PositionalCounts) {
  auto a = parseArgs({"1", "2"}, kSpecs);
  EXPECT_NO_THROW(a.expectPositionals(2, "two"));
  EXPECT_NO_THROW(a.expectPositionals(1, "one or more", true));
  EXPECT_THROW(a.expectPositionals(1, "one"), UsageError);
  EXPECT_THROW(a.expectPositionals(3, "three"), UsageError);
}

TEST(ParsedArgs, CaseIdsLoseSurroundingWhitespaceAndABlankOneIsMissing) {
  const std::vector<OptionSpec> specs = {{"case", true}};
  auto a = parseArgs({" 17000168081\t", "--case", "17000168082 \n"}, specs);
  EXPECT_EQ(a.caseId(0), "17000168081");
  EXPECT_EQ(a.caseIdOption("case"), "17000168082");
  EXPECT_EQ(parseArgs({"170 001"}, specs).caseId(0), "170 001");  // only the ends
  EXPECT_FALSE(parseArgs({}, specs).caseIdOption("case"));
  EXPECT_THROW(a.caseId(1), UsageError);
  EXPECT_THROW(parseArgs({""}, specs).caseId(0), UsageError);
  EXPECT_THROW(parseArgs({" \r\n"}, specs).caseId(0), UsageError);
  EXPECT_THROW(parseArgs({"--case", " "}, specs).caseIdOption("case"), UsageError);
}

TEST(SplitGlobal, GlobalOptionsBeforeTheCommand) {
  auto s = splitGlobal({"--db", "/tmp/x.db", "--json", "list", "--status", "open"});
  EXPECT_EQ(s.global.get("db"), "/tmp/x.db");
  EXPECT_TRUE(s.global.has("json"));
  ASSERT_TRUE(s.command);
  EXPECT_EQ(*s.command, "list");
  EXPECT_EQ(s.rest, (std::vector<std::string>{"--status", "open"}));
}

TEST(SplitGlobal, NoCommandAndUnknownGlobal) {
  EXPECT_FALSE(splitGlobal({"--json"}).command);
  EXPECT_THROW(splitGlobal({"--frobnicate", "list"}), UsageError);
  EXPECT_THROW(splitGlobal({"--db"}), UsageError);
}

TEST(ParseWhen, IsoAndOffsets) {
  const auto now = *caselog::parseIso8601("2026-11-26T12:00:00Z");
  EXPECT_EQ(caselog::formatIso8601(*parseWhen("2026-12-01", now)), "2026-12-01T00:00:00Z");
  EXPECT_EQ(caselog::formatIso8601(*parseWhen("3d", now)), "2026-11-29T12:00:00Z");
  EXPECT_EQ(caselog::formatIso8601(*parseWhen("2w", now)), "2026-12-10T12:00:00Z");
  EXPECT_EQ(caselog::formatIso8601(*parseWhen("90m", now)), "2026-11-26T13:30:00Z");
  EXPECT_FALSE(parseWhen("soon", now));
  EXPECT_FALSE(parseWhen("3y", now));
  EXPECT_FALSE(parseWhen("-3d", now));
  EXPECT_FALSE(parseWhen("d", now));
}
