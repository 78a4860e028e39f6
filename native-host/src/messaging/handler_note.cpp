// `note`: a private note on a case (an audit event, searchable).
#include "core/error.hpp"
#include "messaging/handlers.hpp"

namespace caselog::messaging {

nlohmann::json handleNote(const Fields& request, HandlerContext& ctx) {
  const std::string caseId = request.requiredString("caseId");
  const std::string text = request.requiredString("text");
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorCode::bad_request, "field `text` must not be empty");
  }
  const Note note = ctx.service.addNote(caseId, text);
  return {{"type", "ack"}, {"caseId", caseId}, {"noteId", note.id}, {"at", formatIso8601(note.at)}};
}

}  // namespace caselog::messaging
