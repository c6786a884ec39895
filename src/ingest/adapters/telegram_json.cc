// Telegram Desktop "Export chat history" JSON adapter (single-chat result.json, or a full export's chat list).
#include <fmt/format.h>
#include <simdjson.h>

#include <charconv>

#include "common/saturating.h"
#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"

namespace vigil::adapters {
namespace {

std::string StringField(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  if (object[key].get_string().get(value)) return "";
  return std::string(value);
}

// Telegram writes ids as numbers and unix times as strings; accept either.
std::optional<int64_t> IntField(simdjson::dom::object object, std::string_view key) {
  simdjson::dom::element element;
  if (object[key].get(element)) return std::nullopt;
  int64_t value = 0;
  if (!element.get_int64().get(value)) return value;
  std::string_view text;
  if (!element.get_string().get(text)) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && ptr == text.data() + text.size()) return value;
  }
  return std::nullopt;
}

// "text" is a string, or an array mixing strings and entity objects {type, text, href?}.
void FlattenText(simdjson::dom::element text, std::string& out, std::vector<std::string>& links) {
  std::string_view plain;
  if (!text.get_string().get(plain)) {
    out += plain;
    return;
  }
  simdjson::dom::array parts;
  if (text.get_array().get(parts)) return;
  for (simdjson::dom::element part : parts) {
    if (!part.get_string().get(plain)) {
      out += plain;
      continue;
    }
    simdjson::dom::object entity;
    if (part.get_object().get(entity)) continue;
    const std::string entity_text = StringField(entity, "text");
    const std::string type = StringField(entity, "type");
    out += entity_text;
    if (type == "text_link") {
      const std::string href = StringField(entity, "href");
      if (!href.empty()) links.push_back(href);
    } else if (type == "link") {
      links.push_back(entity_text);
    }
  }
}

void ReadMessages(const std::string& path, simdjson::dom::object chat, RecordSink& sink) {
  const std::string chat_name = StringField(chat, "name");
  const std::string chat_type = StringField(chat, "type");
  const std::string chat_id = std::to_string(IntField(chat, "id").value_or(0));
  simdjson::dom::array messages;
  if (chat["messages"].get_array().get(messages)) return;
  int64_t index = 0;
  for (simdjson::dom::element element : messages) {
    ++index;
    simdjson::dom::object message;
    auto reject = [&](std::string field, std::string reason) {
      sink.Reject(RejectedRecord{path, index, std::move(field), std::move(reason),
                                 simdjson::minify(element)});  // whole: the quarantine keeps it rebuildable
    };
    if (element.get_object().get(message)) {
      reject("", "message is not a JSON object");
      continue;
    }
    // Service entries (pins, photo changes, channel creation) record chat events, not posts.
    if (StringField(message, "type") != "message") continue;
    const auto id = IntField(message, "id");
    if (!id) {
      reject("id", "message has no numeric id");
      continue;
    }
    const auto unix_time = IntField(message, "date_unixtime");
    if (!unix_time) {
      reject("date_unixtime", "message has no date_unixtime (exports before 2021 lack it)");
      continue;
    }
    Post post;
    post.platform = "telegram";
    post.id = fmt::format("{}/{}", chat_id, *id);
    post.published_at = *unix_time;
    // "date" is the exporting machine's local time: its distance from date_unixtime is the UTC offset.
    if (auto local = ParseUtcTimestamp(StringField(message, "date")); local.ok()) {
      post.utc_offset_minutes = static_cast<int32_t>((*local - *unix_time) / 60);
    }
    post.account_id = StringField(message, "from_id");
    if (post.account_id.empty()) post.account_id = "channel" + chat_id;
    post.account_name = StringField(message, "from");
    if (post.account_name.empty()) post.account_name = chat_name;
    simdjson::dom::element text;
    if (!message["text"].get(text)) FlattenText(text, post.text, post.links);
    // A reply names a message of the same chat by its number.
    if (const auto replied = IntField(message, "reply_to_message_id")) {
      post.reply_to = fmt::format("{}/{}", chat_id, *replied);
    }
    // t.me/c/<chat>/<message> opens the message for anyone who can see the chat.
    if (chat_type.find("channel") != std::string::npos || chat_type.find("supergroup") != std::string::npos) {
      post.url = fmt::format("https://t.me/c/{}/{}", chat_id, *id);
    }
    simdjson::dom::array reactions;
    if (!message["reactions"].get_array().get(reactions)) {
      for (simdjson::dom::element reaction : reactions) {
        int64_t count = 0;
        if (reaction["count"].get_int64().get(count) || count < 0) continue;
        post.metrics.reactions.present = true;
        if (!AddOrSaturate(&post.metrics.reactions.value, count)) post.metrics.reactions.lower_bound = true;
      }
    }
    post.source_file = path;
    post.source_line = index;
    sink.Accept(post);
  }
}

}  // namespace

Status ReadTelegramExport(const std::string& path, RecordSink& sink) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto error = parser.load(path).get(doc); error) {
    return Status::InvalidArgument(fmt::format("{}: not valid JSON: {}", path, simdjson::error_message(error)));
  }
  simdjson::dom::object root;
  if (doc.get_object().get(root)) {
    return Status::InvalidArgument(fmt::format("{}: a Telegram export is a JSON object", path));
  }
  simdjson::dom::array messages;
  if (!root["messages"].get_array().get(messages)) {
    ReadMessages(path, root, sink);
    return Status::Ok();
  }
  // A whole-account export: {"chats": {"list": [chat, ...]}}.
  simdjson::dom::array chats;
  if (!root["chats"]["list"].get_array().get(chats)) {
    for (simdjson::dom::element chat : chats) {
      simdjson::dom::object chat_object;
      if (!chat.get_object().get(chat_object)) ReadMessages(path, chat_object, sink);
    }
    return Status::Ok();
  }
  return Status::InvalidArgument(fmt::format(
      "{}: not a Telegram Desktop export: expected keys name, type, id, messages (one chat) or chats.list", path));
}

}  // namespace vigil::adapters
