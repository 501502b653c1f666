#pragma once
// A push XML parser over expat for the XLSX parts (internal to lianyin_tabular). Element and
// attribute names are given without their namespace prefix ("x:row" → "row"), which is how
// XLSX producers differ. A DOCTYPE is refused outright, so no entity can expand.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace lianyin::tabular {

// Receives parse events. A callback that sets `error` stops the parse with that error.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` is expat's null-terminated name/value array; read it with Attribute().
  virtual void StartElement(std::string_view name, const char** attributes) = 0;
  virtual void EndElement(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;

  std::optional<core::Error> error;
};

// The value of the attribute whose local name is `name` (a prefixed one only if `prefixed`).
std::optional<std::string_view> Attribute(const char** attributes, std::string_view name,
                                          bool prefixed = false);

enum class XmlProgress {
  kConsumed,  // the whole chunk was parsed
  kSuspended  // a handler called Suspend(); call Resume() before feeding more
};

// Not thread-safe; not movable (expat keeps a pointer to it).
class XmlParser {
 public:
  // `part` names the document in error messages; `handler` must outlive the parser.
  XmlParser(XmlHandler* handler, std::string part);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Parses the next piece of the document (at most INT_MAX bytes; expat copies what it has not
  // parsed yet); `last` marks the end. Errors: the handler's error, or Error::BadRequest for
  // malformed XML or a DOCTYPE (naming the part and line).
  core::Result<XmlProgress> Feed(std::string_view chunk, bool last);
  // Continues a suspended parse. Errors: as Feed.
  core::Result<XmlProgress> Resume();
  // Called from a handler: pause after the current event, so a consumer can pull one item at a
  // time without the parser queueing up a whole chunk's worth.
  void Suspend();

 private:
  core::Result<XmlProgress> Check(int status) const;
  static void OnStart(void* self, const char* name, const char** attributes);
  static void OnEnd(void* self, const char* name);
  static void OnText(void* self, const char* text, int length);
  static void OnDoctype(void* self, const char* name, const char* sysid, const char* pubid,
                        int has_internal_subset);

  void* parser_;  // XML_Parser
  XmlHandler* handler_;
  std::string part_;
  bool doctype_ = false;
};

}  // namespace lianyin::tabular
