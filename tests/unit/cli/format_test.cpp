#include "cli/format.hpp"

#include <gtest/gtest.h>

#include "cli/terminal.hpp"

using namespace caselog::cli;
using caselog::parseIso8601;

TEST(DisplayWidth, AsciiWideAndCombining) {
  EXPECT_EQ(displayWidth("abc"), 3);
  EXPECT_EQ(displayWidth("受領差異"), 8);   // CJK counts two columns each
  EXPECT_EQ(displayWidth("e\xCC\x81"), 1);  // e + combining acute
  EXPECT_EQ(displayWidth("Grüße"), 5);
  EXPECT_EQ(displayWidth("\xFF"), 1);  // an invalid byte still takes a column
}

TEST(TruncateToWidth, CutsOnCharacterBoundariesWithEllipsis) {
  EXPECT_EQ(truncateToWidth("short", 10), "short");
  EXPECT_EQ(truncateToWidth("abcdefghij", 5), "abcd…");
  EXPECT_EQ(truncateToWidth("受領差異の調査", 5), "受領…");  // 2+2 columns, then the ellipsis
  EXPECT_EQ(displayWidth(truncateToWidth("受領差異の調査", 6)), 5);
  EXPECT_EQ(truncateToWidth("abc", 0), "");
}

TEST(Pad, LeftAndRightByColumns) {
  EXPECT_EQ(pad("ab", 4), "ab  ");
  EXPECT_EQ(pad("ab", 4, true), "  ab");
  EXPECT_EQ(pad("受", 4), "受  ");
  EXPECT_EQ(pad("toolong", 3), "toolong");
}

TEST(SanitizeForTerminal, EscapeSequencesCannotReachTheTerminal) {
  const std::string hostile = "Hi\x1b[2J\x1b]0;pwned\x07 there\r\nline2\tx";
  const std::string oneLine = sanitizeForTerminal(hostile, false);
  EXPECT_EQ(oneLine.find('\x1b'), std::string::npos);
  EXPECT_EQ(oneLine.find('\x07'), std::string::npos);
  EXPECT_EQ(oneLine.find('\n'), std::string::npos);
  EXPECT_EQ(oneLine, "Hi?[2J?]0;pwned? there line2 x");
  EXPECT_EQ(sanitizeForTerminal(hostile, true), "Hi?[2J?]0;pwned? there\nline2\tx");
  EXPECT_EQ(sanitizeForTerminal("a\xC2\x9B"
                                "b",
                                false),
            "a?b");  // C1 CSI
}

TEST(Table, AlignsColumnsAndTruncatesTheFlexibleOne) {
  Table t({{"PRI"}, {"SCORE", true}, {"SUBJECT", false, true}});
  t.addRow({"P1", "42.9", "A very long subject that will not fit in the terminal width"});
  t.addRow({"P4", "3.0", "Short\x1b[31m"});
  const std::string out = t.render(30);
  EXPECT_EQ(out,
            "PRI  SCORE  SUBJECT\n"
            "P1    42.9  A very long subje…\n"
            "P4     3.0  Short?[31m\n");
  EXPECT_EQ(displayWidth("P1    42.9  A very long subje…"), 30);  // exactly the width given
}

TEST(FormatAge, Units) {
  const auto now = *parseIso8601("2026-11-26T12:00:00Z");
  EXPECT_EQ(formatAge(*parseIso8601("2026-11-26T11:15:00Z"), now), "45m");
  EXPECT_EQ(formatAge(*parseIso8601("2026-11-25T07:00:00Z"), now), "29h");
  EXPECT_EQ(formatAge(*parseIso8601("2026-11-20T12:00:00Z"), now), "6d");
  EXPECT_EQ(formatAge(*parseIso8601("2026-10-26T12:00:00Z"), now), "4w");
  EXPECT_EQ(formatAge(*parseIso8601("2026-06-26T12:00:00Z"), now), "5mo");
  EXPECT_EQ(formatAge(*parseIso8601("2023-11-26T12:00:00Z"), now), "3y");
  EXPECT_EQ(formatAge(*parseIso8601("2026-11-27T12:00:00Z"), now), "-");
}

TEST(FormatWhenAndHours, Readable) {
  EXPECT_EQ(formatWhen(*parseIso8601("2026-11-20T14:05:09Z")), "2026-11-20 14:05 UTC");
  EXPECT_EQ(formatHours(36.5), "36.5 h");
  EXPECT_EQ(formatHours(100.8), "4.2 d");
  EXPECT_EQ(formatHours(-1), "-");
}

TEST(Snippets, BoldOnATerminalBracketsOtherwiseAndEscaped) {
  const std::string s = "the \x02reimbursement\x03 of \x02$12\x03 \x1b[0m";
  EXPECT_EQ(highlightSnippet(s, false), "the [reimbursement] of [$12] ?[0m");
  EXPECT_EQ(highlightSnippet(s, true), "the \x1b[1mreimbursement\x1b[0m of \x1b[1m$12\x1b[0m ?[0m");
  std::vector<std::string> marked;
  EXPECT_EQ(plainSnippet(s, &marked), "the reimbursement of $12 \x1b[0m");
  EXPECT_EQ(marked, (std::vector<std::string>{"reimbursement", "$12"}));
}

TEST(IndentLines, IndentsNonEmptyLines) {
  EXPECT_EQ(indentLines("a\n\nb\n", 2), "  a\n\n  b");
}
