#include "web/forms.hpp"

#include "domain/category.hpp"
#include "web/layout.hpp"

namespace caselog::web {

namespace {

void formStart(HtmlWriter& w, const Request& request, std::string_view caseId, const char* action,
               std::string_view back, const char* cls) {
  w.open("form", {{"method", "post"}, {"action", caseHref(caseId) + "/" + action}, {"class", cls}});
  csrfField(w, request);
  w.voidTag("input", {{"type", "hidden"}, {"name", "back"}, {"value", back}});
}

}  // namespace

void snoozeForm(HtmlWriter& w, const Request& request, std::string_view caseId, std::string_view back) {
  w.open("details", {{"class", "snooze"}}).el("summary", "Snooze…");
  formStart(w, request, caseId, "snooze", back, "inline");
  w.el("button", {{"type", "submit"}, {"name", "days"}, {"value", "1"}}, "1 day");
  w.el("button", {{"type", "submit"}, {"name", "days"}, {"value", "3"}}, "3 days");
  w.el("button", {{"type", "submit"}, {"name", "days"}, {"value", "7"}}, "1 week");
  w.voidTag("input", {{"type", "date"}, {"name", "until"}, {"aria-label", "Snooze until date"}});
  w.el("button", {{"type", "submit"}}, "Until date");
  w.close("form").close("details");
}

void dismissForm(HtmlWriter& w, const Request& request, std::string_view caseId, std::string_view rule,
                 std::string_view back) {
  formStart(w, request, caseId, "dismiss", back, "inline");
  w.voidTag("input", {{"type", "hidden"}, {"name", "rule"}, {"value", rule}});
  w.el("button", {{"type", "submit"}, {"class", "quiet"}}, "Dismiss");
  w.close("form");
}

void noteForm(HtmlWriter& w, const Request& request, std::string_view caseId) {
  formStart(w, request, caseId, "note", caseHref(caseId), "stack");
  w.el("label", {{"for", "note-text"}}, "Add a note (kept in the audit trail)");
  w.open("textarea",
         {{"id", "note-text"}, {"name", "text"}, {"rows", "3"}, {"required", ""}, {"maxlength", "20000"}})
      .close("textarea");
  w.el("button", {{"type", "submit"}}, "Save note");
  w.close("form");
}

void categoryForm(HtmlWriter& w, const Request& request, const CaseRecord& c) {
  formStart(w, request, c.caseId, "category", caseHref(c.caseId), "inline");
  w.el("label", {{"for", "category"}}, "Category");
  w.open("select", {{"id", "category"}, {"name", "category"}});
  for (const auto& key : categoryKeys()) {
    if (key == c.category)
      w.el("option", {{"value", key}, {"selected", ""}}, categoryLabel(key));
    else
      w.el("option", {{"value", key}}, categoryLabel(key));
  }
  w.close("select");
  w.el("button", {{"type", "submit"}}, "Set");
  w.close("form");
}

void pinForm(HtmlWriter& w, const Request& request, const CaseRecord& c) {
  formStart(w, request, c.caseId, "pin", caseHref(c.caseId), "inline");
  w.voidTag("input", {{"type", "hidden"}, {"name", "pinned"}, {"value", c.pinned ? "0" : "1"}});
  w.el("button", {{"type", "submit"}}, c.pinned ? "Unpin" : "Pin to top");
  w.close("form");
}

std::string safeBack(const std::string& back, const std::string& fallback) {
  if (back.size() < 1 || back[0] != '/' || (back.size() > 1 && (back[1] == '/' || back[1] == '\\')))
    return fallback;
  for (char c : back)
    if (static_cast<unsigned char>(c) < 0x20) return fallback;
  return back;
}

}  // namespace caselog::web
