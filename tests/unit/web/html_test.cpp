// The escaping writer: text is escaped unless it is a literal marked trusted.
#include "web/html.hpp"

#include <gtest/gtest.h>

namespace caselog::web {
namespace {

TEST(Html, TextAndAttributesAreEscaped) {
  HtmlWriter w;
  w.el("a", {{"href", "/search?q=\"x\"&y"}, {"title", "<'>"}}, "<b>&</b>");
  EXPECT_EQ(w.str(),
            "<a href=\"/search?q=&quot;x&quot;&amp;y\" title=\"&lt;&#39;&gt;\">&lt;b&gt;&amp;&lt;/b&gt;</a>");
}

TEST(Html, TrustedLiteralsPassVerbatim) {
  HtmlWriter w;
  w.trusted("<br>").text("<br>");
  EXPECT_EQ(w.str(), "<br>&lt;br&gt;");
}

TEST(Html, SnippetMarkersAreEscapedFirstThenMarked) {
  HtmlWriter w;
  w.markedText(
      "a <b> \x02"
      "B08XYZ1234\x03 & \x02<i>\x03 end");
  EXPECT_EQ(w.str(), "a &lt;b&gt; <mark>B08XYZ1234</mark> &amp; <mark>&lt;i&gt;</mark> end");
}

TEST(Html, UnbalancedMarkersNeverLeaveOpenTags) {
  HtmlWriter a, b, c;
  a.markedText("\x02open");
  b.markedText("close\x03 only");
  c.markedText("\x02\x02twice\x03\x03");
  EXPECT_EQ(a.str(), "<mark>open</mark>");
  EXPECT_EQ(b.str(), "close only");
  EXPECT_EQ(c.str(), "<mark>twice</mark>");
}

TEST(Html, ControlMarkersNeverReachPlainText) {
  EXPECT_EQ(escapeHtml("x\x02y\x03z"), "xyz");
}

TEST(Html, AppendComposesFragments) {
  HtmlWriter inner, outer;
  inner.el("li", "<x>");
  outer.open("ul").append(inner).close("ul");
  EXPECT_EQ(outer.str(), "<ul><li>&lt;x&gt;</li></ul>");
}

}  // namespace
}  // namespace caselog::web
