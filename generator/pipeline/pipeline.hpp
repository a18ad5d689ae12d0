#pragma once
/// The build as named phases, each a function from data to data:
///   load (content) → validate → link (xref) → edition → assemble → templates → render (site, search) → pdf → publish.
/// Nothing here prints or exits; the CLI does.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "io/file_system.hpp"
#include "pdf_jobs/pdf_jobs.hpp"

namespace planpress::pipeline {

struct Options {
  std::string content_dir = "content";
  std::string templates_dir = "templates";
  std::string out_dir = "output";
  int jobs = 1;
  bool strict = false;  ///< warnings count as errors
  bool pdf = true;      ///< lay out and write pdf/<plan>.pdf (and check the fonts)
  /// A review build: the editors' notes are shown, marked, with a banner (edition::make_review); without
  /// it the build publishes without them (edition::make_published).
  bool review = false;
  /// `check --report`: the data-quality report's findings (assemble::quality_report) as warnings.
  bool report = false;
  /// Seconds since 1970 from SOURCE_DATE_EPOCH (read by the CLI): the PDFs' CreationDate and ModDate.
  /// Without it the PDFs carry no date, so equal input gives equal bytes.
  std::optional<long long> source_date_epoch;
  /// A search index larger than this (bytes of search/*) is reported as a warning (site-too-large): the
  /// real content's is 1.3 MB; 50,000 items make 183 MB.
  std::uintmax_t search_index_warning_bytes = 50000000;
};

/// How a run ended; the CLI maps these to exit statuses (DESIGN.md). Which of the error outcomes a run
/// ends with follows from the exit class of its errors in the diagnostic catalogue (base/codes.hpp).
enum class Outcome { ok, content_errors, warnings_as_errors, io_error, internal_error };

/// Timings and counts of a run, for the CLI's summary line and the benchmark.
struct Stats {
  std::size_t plans = 0, items = 0, links = 0, files = 0;
  /// Of the files: written, and left as the previous output had them (hard-linked); files of the previous
  /// output the build no longer makes (not in the new output).
  std::size_t written = 0, unchanged = 0, removed = 0;
  double load_ms = 0, validate_ms = 0, link_ms = 0, assemble_ms = 0, templates_ms = 0, render_ms = 0, publish_ms = 0;
  double fonts_ms = 0, pdf_ms = 0;  ///< reading the fonts; laying out and writing every PDF
  /// Per plan: PDF pages, bytes, and the time to lay out and write it (the benchmark reads these).
  using Pdf = pdf_jobs::PlanStats;
  std::vector<Pdf> pdfs;
};

struct Result {
  Outcome outcome = Outcome::ok;
  base::Diagnostics diagnostics;
  Stats stats;
  std::string failed_phase;  ///< name of the phase that stopped the run, if any
};

/// Validates content and templates; writes nothing.
Result check(const io::FileSystem& fs, const Options& options);

/// Builds the site into a staging directory and swaps it in; on any error the previous output stays.
Result build(io::FileSystem& fs, const Options& options);

}  // namespace planpress::pipeline
