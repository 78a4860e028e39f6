// `case`: one stored case with its thread, priority and audit events.
//
// Paging: a thread can be longer than one 1 MiB frame. The first page carries the case, its
// priority and its events, then as many messages (oldest first) as fit; when some are left,
// `next` is a cursor to send back as `cursor` for the following page, which carries only
// `messages` (and `next`). A single message whose body alone is too big for a frame is sent cut
// short, with `bodyTruncated: true` and its full `bodyBytes`.
#include <string>

#include "core/error.hpp"
#include "domain/text.hpp"
#include "messaging/handlers.hpp"
#include "messaging/protocol_json.hpp"

namespace caselog::messaging {

namespace {

constexpr std::size_t kEventsBudget = 200 * 1024;
constexpr std::size_t kMaxBody = kAnswerBudget / 2;

std::size_t readCursor(const Fields& request) {
  const auto cursor = request.optionalString("cursor");
  if (!cursor) return 0;
  if (cursor->empty() || cursor->size() > 9 || cursor->find_first_not_of("0123456789") != std::string::npos) {
    throw Error(ErrorCode::bad_request, "field `cursor` is not a cursor this host gave");
  }
  return std::stoul(*cursor);
}

nlohmann::json messageJson(const StoredMessage& m) {
  if (m.body.size() <= kMaxBody) return protocolMessageJson(m);
  StoredMessage cut = m;
  cut.body.resize(text::utf8Prefix(m.body, kMaxBody).size());
  nlohmann::json j = protocolMessageJson(cut);
  j["bodyTruncated"] = true;
  j["bodyBytes"] = m.body.size();
  return j;
}

// The newest events that fit kEventsBudget, oldest first; `omitted` counts the older ones left out.
nlohmann::json eventsJson(const std::vector<Event>& events, std::size_t& omitted) {
  std::vector<nlohmann::json> kept;
  std::size_t used = 0;
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    nlohmann::json e = protocolEventJson(*it);
    used += jsonSize(e) + 1;
    if (used > kEventsBudget) break;
    kept.push_back(std::move(e));
  }
  omitted = events.size() - kept.size();
  return nlohmann::json(std::vector<nlohmann::json>(kept.rbegin(), kept.rend()));
}

}  // namespace

nlohmann::json handleCase(const Fields& request, HandlerContext& ctx) {
  const std::string caseId = request.requiredString("caseId");
  const std::size_t from = readCursor(request);
  const CaseRecord c = ctx.service.getCase(caseId);

  nlohmann::json answer = {{"type", "case"}};
  if (from == 0) {
    std::size_t omitted = 0;
    answer["case"] = caseJson(c);
    answer["priority"] = toJson(ctx.service.priority(c));
    answer["events"] = eventsJson(ctx.service.events(caseId), omitted);
    answer["eventsOmitted"] = omitted;
  }
  std::size_t used = jsonSize(answer);
  nlohmann::json messages = nlohmann::json::array();
  std::size_t i = from;
  for (; i < c.messages.size(); ++i) {
    nlohmann::json m = messageJson(c.messages[i]);
    const std::size_t size = jsonSize(m) + 1;
    if (used + size > kAnswerBudget && !messages.empty()) break;
    used += size;
    messages.push_back(std::move(m));
  }
  answer["messages"] = std::move(messages);
  answer["next"] = i < c.messages.size() ? nlohmann::json(std::to_string(i)) : nlohmann::json(nullptr);
  return answer;
}

}  // namespace caselog::messaging
