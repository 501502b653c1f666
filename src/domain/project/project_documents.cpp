// ProjectService: attached documents (call, contract, acceptance report).

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/mask.hpp"
#include "domain/account/scope.hpp"
#include "domain/project/project_internal.hpp"
#include "domain/project/project_repo.hpp"
#include "domain/project/project_rules.hpp"
#include "domain/project/project_service.hpp"

namespace lianyin::domain::project {
namespace {

using account::Actor;

// The document as stored, hashed and typed before the transaction; or the reason it is refused.
core::Result<Document> Describe(const std::string& kind, const std::string& file_name,
                                const std::string& content) {
  if (content.size() > kMaxDocumentBytes) {
    return core::Error{core::ErrorCode::kPayloadTooLarge,
                       fmt::format("a document may be at most {} MiB", kMaxDocumentBytes >> 20),
                       {}};
  }
  std::vector<core::FieldError> errors;
  if (!IsDocumentKind(kind)) errors.push_back({"kind", "not a project_document_kind code", {}});
  const auto chars = core::ValidUtf8(file_name) ? core::CodepointCount(file_name) : std::nullopt;
  const bool bad_name = !chars || *chars == 0 || *chars > kMaxFileNameChars ||
                        file_name.find_first_of("/\\\r\n\"") != std::string::npos;
  if (bad_name) errors.push_back({"file_name", "must be a plain file name", {}});
  if (content.empty()) errors.push_back({"file", "is required", {}});
  std::optional<std::string> media_type;
  if (!bad_name && !content.empty()) {
    media_type = DocumentMediaType(file_name, content);
    if (!media_type) {
      errors.push_back(
          {"file", "must be a PDF, OFD, Word, Excel, JPEG or PNG file matching its extension", {}});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  Document d;
  d.kind = kind;
  d.file_name = file_name;
  d.media_type = *media_type;
  d.size = static_cast<std::int64_t>(content.size());
  d.sha256 = core::Sha256Hex(core::AsBytes(content));
  return d;
}

}  // namespace

core::Result<Document> ProjectService::AddDocument(const Actor& actor, std::int64_t id,
                                                   const std::string& kind,
                                                   const std::string& file_name,
                                                   const std::string& content) {
  auto described = Describe(kind, file_name, content);
  if (!described) return described.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Document> {
    ProjectRepo repo(tx.session());
    auto project = LoadVisible(repo, scope, id);
    if (!project) return project.error();
    Document d = *described;
    d.project_id = id;
    d.by_user_id = actor.user_id;
    d.id = repo.InsertDocument(d, content, at);
    Document created = repo.FindDocument(id, d.id, false).value().document;
    Log(tx, repo, actor, *project, at,
        {.action = "create",
         .entity = "project_document",
         .entity_id = d.id,
         .before = nullptr,
         .after = AuditJson(created),
         .detail = created.file_name});
    return created;
  });
}

core::Result<std::vector<Document>> ProjectService::Documents(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  auto project = LoadVisible(repo, account::ScopeOf(actor), id);
  if (!project) return project.error();
  return repo.Documents(id);
}

core::Result<DocumentFile> ProjectService::Download(const Actor& actor, std::int64_t id,
                                                    std::int64_t document_id) {
  store::Session session = writer_.db().Acquire();
  ProjectRepo repo(session);
  auto project = LoadVisible(repo, account::ScopeOf(actor), id);
  if (!project) return project.error();
  auto file = repo.FindDocument(id, document_id, true);
  if (!file) return core::Error::NotFound();
  return std::move(*file);
}

core::Result<void> ProjectService::DeleteDocument(const Actor& actor, std::int64_t id,
                                                  std::int64_t document_id) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    ProjectRepo repo(tx.session());
    auto project = LoadManaged(repo, actor, scope, id);
    if (!project) return project.error();
    auto file = repo.FindDocument(id, document_id, false);
    if (!file) return core::Error::NotFound();
    repo.DeleteDocument(document_id);
    Log(tx, repo, actor, *project, at,
        {.action = "delete",
         .entity = "project_document",
         .entity_id = document_id,
         .before = AuditJson(file->document),
         .after = nullptr,
         .detail = file->document.file_name});
    return {};
  });
}

}  // namespace lianyin::domain::project
