#pragma once
// Internal: BulkLoader over COPY ... FROM STDIN (text format).

#include <libpq-fe.h>

#include <string>

#include "store/store.hpp"

namespace lianyin::store::postgres {

// Starts the COPY on construction; rows are buffered and sent in large chunks. Abandoning the
// loader without Finish cancels the COPY (nothing is loaded).
class CopyLoader final : public BulkLoader {
 public:
  // `target` is "table (col, ...)", already checked.
  CopyLoader(PGconn* conn, const std::string& target, std::size_t columns);
  ~CopyLoader() override;
  CopyLoader(const CopyLoader&) = delete;
  CopyLoader& operator=(const CopyLoader&) = delete;

  void Add(const std::vector<Value>& row) override;
  std::int64_t Finish() override;

 private:
  void Flush();
  // Reads the results after PQputCopyEnd; throws for a failed COPY.
  std::int64_t Complete();

  PGconn* conn_;
  std::size_t columns_;
  std::string buffer_;
  bool active_ = true;
};

}  // namespace lianyin::store::postgres
