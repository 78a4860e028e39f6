#include "web/html.hpp"

namespace caselog::web {

namespace {

void appendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\x02':
      case '\x03':
        break;  // search markers never reach the page as control characters
      default:
        out += c;
    }
  }
}

}  // namespace

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  appendEscaped(out, text);
  return out;
}

HtmlWriter& HtmlWriter::text(std::string_view s) {
  appendEscaped(out_, s);
  return *this;
}

HtmlWriter& HtmlWriter::number(long long n) {
  out_ += std::to_string(n);
  return *this;
}

HtmlWriter& HtmlWriter::trusted(const Trusted& markup) {
  out_ += markup.view();
  return *this;
}

void HtmlWriter::attrs(Attrs list) {
  for (const Attr& a : list) {
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    appendEscaped(out_, a.value);
    out_ += '"';
  }
}

HtmlWriter& HtmlWriter::open(const char* tag, Attrs list) {
  out_ += '<';
  out_ += tag;
  attrs(list);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::close(const char* tag) {
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::voidTag(const char* tag, Attrs list) {
  return open(tag, list);
}

HtmlWriter& HtmlWriter::selfClosing(const char* tag, Attrs list) {
  out_ += '<';
  out_ += tag;
  attrs(list);
  out_ += "/>";
  return *this;
}

HtmlWriter& HtmlWriter::el(const char* tag, Attrs list, std::string_view content) {
  return open(tag, list).text(content).close(tag);
}

HtmlWriter& HtmlWriter::markedText(std::string_view s) {
  bool inMark = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '\x02' && s[i] != '\x03') continue;
    appendEscaped(out_, s.substr(start, i - start));
    if (i < s.size()) {
      if (s[i] == '\x02' && !inMark)
        out_ += "<mark>", inMark = true;
      else if (s[i] == '\x03' && inMark)
        out_ += "</mark>", inMark = false;
    }
    start = i + 1;
  }
  if (inMark) out_ += "</mark>";
  return *this;
}

}  // namespace caselog::web
