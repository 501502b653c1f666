// Rendering the 选编 booklet of 134 projects in 8 categories (the size of a national batch) as
// PDF and as XLSX, into files under the system temporary directory.
//   cmake --preset release -DLIANYIN_BENCH=ON && cmake --build build -j2 --target booklet_bench
//   build/bench/booklet_bench

#include <benchmark/benchmark.h>

#include <filesystem>

#include "booklet/booklet.hpp"
#include "booklet/test_booklet.hpp"

namespace lianyin::booklet {
namespace {

constexpr int kProjects = 134;
constexpr int kCategories = 8;

std::string TempFile(const char* name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

void BM_RenderPdf(benchmark::State& state) {
  const Booklet booklet = testing::SampleBooklet(kProjects, kCategories);
  const std::string path = TempFile("booklet_bench.pdf");
  int pages = 0;
  for (auto _ : state) {
    core::Result<PdfInfo> info = RenderPdf(booklet, path);
    if (!info) state.SkipWithError(info.error().message.c_str());
    pages = info ? info->pages : 0;
  }
  state.SetItemsProcessed(state.iterations() * kProjects);
  state.counters["pages"] = pages;
  state.counters["file_KiB"] = static_cast<double>(std::filesystem::file_size(path)) / 1024;
  std::filesystem::remove(path);
}

void BM_RenderXlsx(benchmark::State& state) {
  const Booklet booklet = testing::SampleBooklet(kProjects, kCategories);
  const std::string path = TempFile("booklet_bench.xlsx");
  for (auto _ : state) {
    core::Result<void> done = RenderXlsx(booklet, path);
    if (!done) state.SkipWithError(done.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations() * kProjects);
  std::filesystem::remove(path);
}

// Real time, since font files are read and the PDF written on the way.
BENCHMARK(BM_RenderPdf)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RenderXlsx)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace lianyin::booklet

BENCHMARK_MAIN();
