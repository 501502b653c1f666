#include "tabular/xml.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <cassert>
#include <limits>
#include <new>

namespace lianyin::tabular {
namespace {

std::string_view LocalName(const char* name) {
  const std::string_view full(name);
  const std::size_t colon = full.find(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

XML_Parser Expat(void* parser) { return static_cast<XML_Parser>(parser); }

}  // namespace

std::optional<std::string_view> Attribute(const char** attributes, std::string_view name,
                                          bool prefixed) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    const std::string_view full(a[0]);
    if (LocalName(a[0]) == name && (full.size() != name.size()) == prefixed) return a[1];
  }
  return std::nullopt;
}

XmlParser::XmlParser(XmlHandler* handler, std::string part)
    : parser_(XML_ParserCreate(nullptr)), handler_(handler), part_(std::move(part)) {
  if (parser_ == nullptr) throw std::bad_alloc();
  XML_SetUserData(Expat(parser_), this);
  XML_SetElementHandler(Expat(parser_), &XmlParser::OnStart, &XmlParser::OnEnd);
  XML_SetCharacterDataHandler(Expat(parser_), &XmlParser::OnText);
  XML_SetStartDoctypeDeclHandler(Expat(parser_), &XmlParser::OnDoctype);
}

XmlParser::~XmlParser() { XML_ParserFree(Expat(parser_)); }

core::Result<XmlProgress> XmlParser::Feed(std::string_view chunk, bool last) {
  assert(chunk.size() <= static_cast<std::size_t>(std::numeric_limits<int>::max()));
  return Check(
      XML_Parse(Expat(parser_), chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0));
}

core::Result<XmlProgress> XmlParser::Resume() { return Check(XML_ResumeParser(Expat(parser_))); }

void XmlParser::Suspend() { XML_StopParser(Expat(parser_), XML_TRUE); }

core::Result<XmlProgress> XmlParser::Check(int status) const {
  if (status == XML_STATUS_SUSPENDED) return XmlProgress::kSuspended;
  if (status != XML_STATUS_ERROR) return XmlProgress::kConsumed;
  if (handler_->error) return *handler_->error;
  const char* reason =
      doctype_ ? "DOCTYPE is not allowed" : XML_ErrorString(XML_GetErrorCode(Expat(parser_)));
  return core::Error::BadRequest(fmt::format("malformed XLSX part {} at line {}: {}", part_,
                                             XML_GetCurrentLineNumber(Expat(parser_)), reason));
}

void XmlParser::OnStart(void* self, const char* name, const char** attributes) {
  auto* p = static_cast<XmlParser*>(self);
  p->handler_->StartElement(LocalName(name), attributes);
  if (p->handler_->error) XML_StopParser(Expat(p->parser_), XML_FALSE);
}

void XmlParser::OnEnd(void* self, const char* name) {
  auto* p = static_cast<XmlParser*>(self);
  p->handler_->EndElement(LocalName(name));
  if (p->handler_->error) XML_StopParser(Expat(p->parser_), XML_FALSE);
}

void XmlParser::OnText(void* self, const char* text, int length) {
  auto* p = static_cast<XmlParser*>(self);
  p->handler_->Text(std::string_view(text, static_cast<std::size_t>(length)));
  if (p->handler_->error) XML_StopParser(Expat(p->parser_), XML_FALSE);
}

void XmlParser::OnDoctype(void* self, const char*, const char*, const char*, int) {
  auto* p = static_cast<XmlParser*>(self);
  p->doctype_ = true;
  XML_StopParser(Expat(p->parser_), XML_FALSE);
}

}  // namespace lianyin::tabular
