// A tiny HTML writer that escapes by default. Text and attribute values passed as strings are
// always escaped; the only way to insert markup verbatim is a Trusted value, which can only be
// made from a string literal (checked at compile time); fragments compose with append().
// So captured text can never become markup by someone forgetting to escape it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace caselog::web {

// Markup that is safe to insert as is: only string literals written in our own source
// (checked at compile time). Finished fragments are composed with HtmlWriter::append.
class Trusted {
 public:
  template <std::size_t N>
  consteval Trusted(const char (&literal)[N]) : text_(literal, N - 1) {}
  std::string_view view() const { return text_; }

 private:
  std::string_view text_;
};

// An attribute: the name is a literal from our source, the value is escaped.
struct Attr {
  const char* name;
  std::string_view value;
};
using Attrs = std::initializer_list<Attr>;

std::string escapeHtml(std::string_view text);

class HtmlWriter {
 public:
  HtmlWriter() = default;

  HtmlWriter& text(std::string_view s);  // escaped
  HtmlWriter& number(long long n);
  HtmlWriter& trusted(const Trusted& markup);  // verbatim
  HtmlWriter& open(const char* tag, Attrs attrs = {});
  HtmlWriter& close(const char* tag);
  HtmlWriter& voidTag(const char* tag, Attrs attrs = {});      // <input …>, <br>
  HtmlWriter& selfClosing(const char* tag, Attrs attrs = {});  // SVG: <line …/>
  // open + escaped text + close
  HtmlWriter& el(const char* tag, Attrs attrs, std::string_view content);
  HtmlWriter& el(const char* tag, std::string_view content) { return el(tag, {}, content); }
  // Text with \x02…\x03 match markers (search snippets): escaped first, then marked with <mark>.
  HtmlWriter& markedText(std::string_view s);

  HtmlWriter& append(const HtmlWriter& fragment) {
    out_ += fragment.out_;
    return *this;
  }
  std::string take() { return std::move(out_); }
  const std::string& str() const { return out_; }

 private:
  void attrs(Attrs list);
  std::string out_;
};

}  // namespace caselog::web
