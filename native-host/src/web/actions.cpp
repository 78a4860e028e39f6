// POST handlers: each validates its fields, makes one change through the service (an audit
// event) and redirects back (post/redirect/get), so a reload never repeats the change.
#include <chrono>

#include "core/error.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"
#include "web/params.hpp"

namespace caselog::web {

namespace {

const std::string& caseIdOf(Context& ctx) {
  return ctx.request.params.at(0);
}

Response back(Context& ctx) {
  return Response::redirect(safeBack(ctx.request.arg("back"), caseHref(caseIdOf(ctx))));
}

}  // namespace

Response noteAction(Context& ctx) {
  std::string text = ctx.request.arg("text");
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(ErrorCode::bad_request, "A note needs some text.");
  ctx.service.addNote(caseIdOf(ctx), text);
  return back(ctx);
}

Response snoozeAction(Context& ctx) {
  const int days = intArg(ctx.request, "days", 0, 0, 365);
  Instant until{};
  if (days > 0) {
    until = ctx.service.now() + std::chrono::days(days);
  } else if (auto t = timeArg(ctx.request, "until")) {
    until = *t;
  } else {
    throw Error(ErrorCode::bad_request, "Choose how long to snooze, or a date.");
  }
  if (until <= ctx.service.now()) throw Error(ErrorCode::bad_request, "Snooze until a date in the future.");
  ctx.service.snooze(caseIdOf(ctx), until);
  return back(ctx);
}

Response categoryAction(Context& ctx) {
  const std::string category = ctx.request.arg("category");
  if (!isCategoryKey(category)) throw Error(ErrorCode::bad_request, "Unknown category '" + category + "'.");
  ctx.service.setCategory(caseIdOf(ctx), category);
  return back(ctx);
}

Response pinAction(Context& ctx) {
  const std::string v = ctx.request.arg("pinned");
  if (v != "0" && v != "1") throw Error(ErrorCode::bad_request, "'pinned' must be 0 or 1.");
  ctx.service.setPinned(caseIdOf(ctx), v == "1");
  return back(ctx);
}

Response dismissAction(Context& ctx) {
  const std::string rule = ctx.request.arg("rule");
  if (rule.empty()) throw Error(ErrorCode::bad_request, "Which reminder? The form had no rule.");
  ctx.service.dismissReminder(caseIdOf(ctx), rule);
  return back(ctx);
}

}  // namespace caselog::web
